//! Context-free ranking priors for gazetteer candidates.
//!
//! Order of preference, from what news text means most often by a bare name:
//! countries, then first-level divisions and curated regions, then capitals
//! and large cities by population, then smaller places and facilities. Two
//! corrections keep the order honest:
//! - a name that is a record's preferred name beats the same string found
//!   among another record's alternates ("Iraq" is the country, never Arāk,
//!   whose alternates happen to list "Iraq");
//! - curated supplement entries get a bonus, because they exist precisely for
//!   the news sense of a name ("Ain al-Asad" is the air base, not the Israeli
//!   village whose alternates spell it Ayn al Asad).
//!
//! A transliteration-key match is a guess and ranks below every exact match.

use super::place::PlaceKind;
use super::store::compact::{Compact, RecordView};
use super::store::row::Origin;
use crate::text::fold::fold_str;
use crate::text::translit::is_article_bytes;

/// How a candidate's name matched the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Only the transliteration keys agree (al-/el- dropped, vowels merged…).
    Transliteration,
    /// The folded query equals one of the place's alternate names.
    Alternate,
    /// The folded query equals the place's preferred name.
    Preferred,
}

/// The prior score of a record matched with `how`. Higher is better; the
/// scale is arbitrary but stable (roughly 0–140).
pub(crate) fn prior(r: &RecordView<'_>, how: MatchKind) -> f32 {
    let pop = r.population_or_zero();
    let fcode = r.fcode_bytes();
    let alternate = how != MatchKind::Preferred;
    let mut size = if pop == 0 {
        // Unknown population: the kind says roughly how big the place is.
        match r.kind() {
            PlaceKind::City => 50.0,
            PlaceKind::Town => 40.0,
            PlaceKind::Village | PlaceKind::District | PlaceKind::Camp => 30.0,
            _ => 10.0,
        }
    } else {
        10.0 * ((pop as f32) + 10.0).log10() // 10 for nothing, 70 for 10 million
    };
    let mut capital = match fcode {
        b"PPLC" => 30.0,
        b"PPLA" => 10.0,
        b"PPLA2" => 4.0,
        b"PPLX" => -6.0,
        _ => 0.0,
    };
    if alternate {
        // A big city's minor alternates (old names, translations: Harare
        // was "Salisbury") must not outweigh a place that bears the name.
        size -= 15.0;
        capital = f32::min(capital, 10.0);
    }
    let mut s = match r.kind() {
        // Countries are what a bare country name means; their alternates
        // ("England" for the United Kingdom) less surely so.
        PlaceKind::Country if alternate => 70.0,
        PlaceKind::Country => 115.0,
        // A division's bare name ("Samburu" for Samburu County) is one of
        // its alternates, yet as good as its preferred name: it must beat a
        // village that bears the name outright.
        PlaceKind::Admin1 if alternate => 62.0,
        PlaceKind::Admin1 => 55.0,
        // Regions have no country to gain support from; a village named
        // like one ("Middle East", Maryland) must not win on its country's.
        PlaceKind::Region => 70.0,
        PlaceKind::Admin2 => 32.0,
        PlaceKind::City | PlaceKind::Town | PlaceKind::Village | PlaceKind::District | PlaceKind::Camp => {
            size + capital
        }
        PlaceKind::Facility => 28.0 + if fcode == b"AIRB" { 4.0 } else { 0.0 },
    };
    if r.origin() == Origin::Curated {
        s += 25.0;
    }
    s += match how {
        MatchKind::Preferred => 20.0,
        MatchKind::Alternate => 0.0,
        MatchKind::Transliteration => -45.0,
    };
    s
}

/// Population from which a city is a metropolis: what a bare name means in
/// the news even when another place bears it too.
pub(crate) const METROPOLIS: u64 = 1_000_000;

/// True when a seat's own name is its division's (up to spelling: "Basrah"
/// and "Basra", "Québec" and "Quebec", "New York City" and "New York").
/// A seat that bears the division's name only as an alternate is not what
/// the name means: "Bahia" is the state, though Salvador was once called so.
fn named_alike(seat: &str, division: &str) -> bool {
    let (seat, division) = (fold_str(seat), fold_str(division));
    // Without a leading article: "Al Basrah" is named like "Basra".
    let bare = |s: &str| -> String {
        match s.split_once(' ') {
            Some((first, rest)) if is_article_bytes(first.as_bytes()) => rest.to_string(),
            _ => s.to_string(),
        }
    };
    let (seat, division) = (bare(&seat), bare(&division));
    // The bar admits respellings ("Chattogram" for "Chittagong", "Dayr az
    // Zawr" for "Deir ez-Zor"), not different names ("Salvador", "Bahia").
    seat.starts_with(&division) || strsim::jaro_winkler(&seat, &division) >= 0.75
}

/// A provincial capital named like its province ("Basra", "Erbil", "Deir
/// ez-Zor") is what a bare name means: lift each such seat just above its
/// division. `cands` holds (record, score) pairs of one name.
pub(crate) fn prefer_seats(view: &Compact<'_>, cands: &mut [(u32, f32)]) {
    let divisions: Vec<(Option<[u8; 2]>, &str, f32)> = cands
        .iter()
        .filter_map(|&(i, s)| {
            let r = view.record(i);
            (r.kind() == PlaceKind::Admin1).then(|| (r.country(), r.name(), s))
        })
        .collect();
    if divisions.is_empty() {
        return;
    }
    for (i, s) in cands.iter_mut() {
        let r = view.record(*i);
        // A city of millions is what its division's bare name means in the
        // news even when it is not the seat ("New York" is New York City,
        // not the state whose capital is Albany).
        let metropolis = r.population_or_zero() >= METROPOLIS;
        if !matches!(r.fcode_bytes(), b"PPLA" | b"PPLC") && !metropolis {
            continue;
        }
        // "Oklahoma City" is not what "Oklahoma" means: the seat must bear
        // the division's name, not that name plus a word.
        let words = |n: &str| n.split([' ', '-']).filter(|w| !w.is_empty()).count();
        for &(cc, name, ds) in &divisions {
            if cc == r.country()
                && name == r.admin1()
                && *s <= ds
                && (metropolis || words(r.name()) <= words(name))
                && named_alike(r.name(), name)
            {
                *s = ds + 1.0;
            }
        }
    }
}
