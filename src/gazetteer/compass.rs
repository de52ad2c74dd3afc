//! The part of a country a compass word names: "northern Kenya", "the
//! south-east of Nigeria", "central Mali".
//!
//! News names such regions far more often than their provinces, and a
//! coder (ACLED's convention) puts the event at a first-level division in
//! that part of the country, at region precision, not at the capital: the
//! capital of Kenya is 500 km from the northern Kenya of the news.

/// A compass direction, or the middle of a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compass {
    /// North.
    North,
    /// North-east.
    NorthEast,
    /// East.
    East,
    /// South-east.
    SouthEast,
    /// South.
    South,
    /// South-west.
    SouthWest,
    /// West.
    West,
    /// North-west.
    NorthWest,
    /// The middle ("central Mali").
    Central,
}

impl Compass {
    /// Reads a direction word as news writes it, in any case: "north",
    /// "Northern", "north-eastern", "north east", "northeast", "central".
    pub fn parse(word: &str) -> Option<Compass> {
        let mut bare = [0u8; 16];
        let mut n = 0;
        // (Letters only: hyphens and spaces, plain or no-break, join.)
        for b in word.bytes().filter(u8::is_ascii_alphabetic) {
            *bare.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        }
        let bare = &bare[..n];
        if bare == b"central" {
            return Some(Compass::Central);
        }
        let bare = bare.strip_suffix(b"ern").unwrap_or(bare);
        Some(match bare {
            b"north" => Compass::North,
            b"northeast" => Compass::NorthEast,
            b"east" => Compass::East,
            b"southeast" => Compass::SouthEast,
            b"south" => Compass::South,
            b"southwest" => Compass::SouthWest,
            b"west" => Compass::West,
            b"northwest" => Compass::NorthWest,
            _ => return None,
        })
    }

    /// Unit vector (east, north); zero for the middle.
    fn vector(self) -> (f64, f64) {
        const D: f64 = std::f64::consts::FRAC_1_SQRT_2;
        match self {
            Compass::North => (0.0, 1.0),
            Compass::NorthEast => (D, D),
            Compass::East => (1.0, 0.0),
            Compass::SouthEast => (D, -D),
            Compass::South => (0.0, -1.0),
            Compass::SouthWest => (-D, -D),
            Compass::West => (-1.0, 0.0),
            Compass::NorthWest => (-D, D),
            Compass::Central => (0.0, 0.0),
        }
    }
}

/// Of the divisions at `points` (lat, lon) of one country, the index of the
/// one that best stands for its `toward` part: the division nearest the
/// middle of the third of them that lies furthest that way (for
/// [`Compass::Central`], nearest the middle of all). `None` for fewer than
/// three divisions: too few to tell a part from the whole.
pub fn division_toward(points: &[(f64, f64)], toward: Compass) -> Option<usize> {
    if points.len() < 3 {
        return None;
    }
    // Flat projection, longitudes shrunk by the country's latitude; fine at
    // the scale of one country (none straddles the antimeridian that
    // matters here: Fiji's and Russia's far east are left as they fall).
    let lat0 = points.iter().map(|p| p.0).sum::<f64>() / points.len() as f64;
    let k = lat0.to_radians().cos().max(0.1);
    let xy: Vec<(f64, f64)> = points.iter().map(|&(lat, lon)| (lon * k, lat)).collect();
    let (dx, dy) = toward.vector();
    let proj = |&(x, y): &(f64, f64)| x * dx + y * dy;
    let (lo, hi) = xy.iter().map(proj).fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p), hi.max(p)));
    let cut = hi - (hi - lo) / 3.0;
    let part: Vec<&(f64, f64)> = xy.iter().filter(|p| toward == Compass::Central || proj(p) >= cut).collect();
    let n = part.len() as f64;
    let (mx, my) = part.iter().fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / n, sy + p.1 / n));
    let dist = |p: &(f64, f64)| (p.0 - mx).powi(2) + (p.1 - my).powi(2);
    (0..xy.len()).min_by(|&a, &b| dist(&xy[a]).total_cmp(&dist(&xy[b])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_direction_words() {
        assert_eq!(Compass::parse("northern"), Some(Compass::North));
        assert_eq!(Compass::parse("north-eastern"), Some(Compass::NorthEast));
        assert_eq!(Compass::parse("south west"), Some(Compass::SouthWest));
        assert_eq!(Compass::parse("northwest"), Some(Compass::NorthWest));
        assert_eq!(Compass::parse("central"), Some(Compass::Central));
        assert_eq!(Compass::parse("western"), Some(Compass::West));
        assert_eq!(Compass::parse("North-Eastern"), Some(Compass::NorthEast));
        assert_eq!(Compass::parse("north\u{a0}east"), Some(Compass::NorthEast));
        assert_eq!(Compass::parse("modern"), None);
        assert_eq!(Compass::parse("the"), None);
        assert_eq!(Compass::parse("a much longer word than sixteen bytes"), None);
    }

    /// A three-by-three grid of divisions: each direction picks its edge's
    /// middle or corner, the middle the centre.
    #[test]
    fn picks_the_division_in_that_part() {
        let mut grid = Vec::new();
        for lat in [-1.0, 0.0, 1.0] {
            for lon in [36.0, 37.0, 38.0] {
                grid.push((lat, lon));
            }
        }
        let at = |c| grid[division_toward(&grid, c).unwrap()];
        assert_eq!(at(Compass::North), (1.0, 37.0));
        assert_eq!(at(Compass::South), (-1.0, 37.0));
        assert_eq!(at(Compass::West), (0.0, 36.0));
        assert_eq!(at(Compass::NorthEast), (1.0, 38.0));
        assert_eq!(at(Compass::Central), (0.0, 37.0));
        assert_eq!(division_toward(&grid[..2], Compass::North), None);
    }
}
