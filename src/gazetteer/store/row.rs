//! One gazetteer entry before it is written into the compact form.

use super::kind::PlaceKind;

/// Where a row came from; curated entries outrank generated ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Generated from registry packages (GeoNames, OurAirports, …).
    Generated = 0,
    /// The hand-curated supplement.
    Curated = 1,
    /// Loaded by the user at run time.
    User = 2,
}

impl Origin {
    pub(crate) fn from_u8(b: u8) -> Origin {
        match b {
            1 => Origin::Curated,
            2 => Origin::User,
            _ => Origin::Generated,
        }
    }
}

/// An owned gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceRow {
    pub id: String,
    pub name: String,
    /// Alternate names (the preferred name excluded).
    pub names: Vec<String>,
    pub admin1: String,
    pub admin2: String,
    pub fcode: String,
    pub lat: f64,
    pub lon: f64,
    pub population: Option<u64>,
    pub country: Option<[u8; 2]>,
    pub kind: PlaceKind,
    pub origin: Origin,
}

/// Parses a two-letter country code (upper-cased).
pub(crate) fn country_code(s: &str) -> Option<[u8; 2]> {
    let b = s.as_bytes();
    if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
        Some([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()])
    } else {
        None
    }
}

/// Parses a coordinate and checks it lies within ±`limit` degrees.
pub(crate) fn parse_coord(s: &str, limit: f64) -> Option<f64> {
    let v: f64 = s.trim().parse().ok()?;
    (v.is_finite() && v.abs() <= limit).then_some(v)
}
