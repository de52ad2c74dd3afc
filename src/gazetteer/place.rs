//! Places: the plain data type every stage hands around.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use super::store::kind::PlaceKind;

/// A gazetteer entry, as output: the `Place` object of the output contract.
///
/// The text fields are [`Cow`]s: places of the bundled gazetteer borrow
/// their strings from it (the gazetteer lives as long as the program), so
/// the pipeline hands out places without allocating; places of a gazetteer
/// you load own theirs. Either way they read as `&str` (`&*place.name`,
/// `place.country.as_deref()`), and `"Basra".into()` builds one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Stable id: `geonames:<geonameid>`, `ourairports:<ident>`, `kenya-data:<code>`, `rgeo:<slug>` or `supplement:<slug>`.
    pub id: Cow<'static, str>,
    /// Preferred name.
    pub name: Cow<'static, str>,
    /// WGS84 latitude in degrees.
    pub lat: f64,
    /// WGS84 longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<Cow<'static, str>>,
    /// First-level division name.
    pub admin1: Option<Cow<'static, str>>,
    /// Second-level division name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<Cow<'static, str>>,
    /// What kind of place this is.
    pub kind: PlaceKind,
    /// GeoNames feature code (`PPLC`, `ADM1`, `AIRB`, …) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_code: Option<Cow<'static, str>>,
    /// Population, when known.
    pub population: Option<u64>,
}

impl Place {
    /// The place as a `geo` point (x = longitude, y = latitude).
    pub fn point(&self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }

    /// Great-circle distance to another place, in kilometres.
    pub fn distance_km(&self, other: &Place) -> f64 {
        crate::gazetteer::distance::haversine_km(self.point(), other.point())
    }
}
