//! The kinds of place, shared by the data build and the library.

use serde::{Deserialize, Serialize};

/// What kind of place a gazetteer entry is.
///
/// Serialised in lower case (`"country"`, `"admin1"`, `"facility"`, …), as in
/// the output contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum PlaceKind {
    /// A sovereign state or dependent territory.
    Country,
    /// A first-level administrative division (governorate, province, state, oblast).
    Admin1,
    /// A second-level administrative division (district, county).
    Admin2,
    /// A wider area that is not an administrative unit (Gaza Strip, Donbas).
    Region,
    /// A populated place of 100,000 or more, a capital or a provincial seat.
    City,
    /// A populated place of 10,000 or more.
    Town,
    /// A smaller populated place.
    Village,
    /// A quarter or neighbourhood of a city.
    District,
    /// A refugee or displacement camp.
    Camp,
    /// A base, airfield, crossing, oil or gas field, dam, port or similar site.
    Facility,
}

impl PlaceKind {
    /// The lower-case name used in data files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::District => "district",
            PlaceKind::Camp => "camp",
            PlaceKind::Facility => "facility",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "admin2" => PlaceKind::Admin2,
            "region" => PlaceKind::Region,
            "city" => PlaceKind::City,
            "town" => PlaceKind::Town,
            "village" => PlaceKind::Village,
            "district" => PlaceKind::District,
            "camp" => PlaceKind::Camp,
            "facility" => PlaceKind::Facility,
            _ => return None,
        })
    }

    /// Every kind, in the order of their byte values in the compact form.
    pub const ALL: [PlaceKind; 10] = [
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::Admin2,
        PlaceKind::Region,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::District,
        PlaceKind::Camp,
        PlaceKind::Facility,
    ];

    /// The kind stored as byte `b` in the compact form (unknown bytes read as village).
    pub(crate) fn from_u8(b: u8) -> PlaceKind {
        PlaceKind::ALL.get(b as usize).copied().unwrap_or(PlaceKind::Village)
    }

    /// True for populated places (city, town, village, district, camp).
    pub fn is_populated(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Town | PlaceKind::Village | PlaceKind::District | PlaceKind::Camp)
    }

    /// True for areas (country, admin1, admin2, region).
    pub fn is_area(self) -> bool {
        matches!(self, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region)
    }

    /// ACLED-style geo precision of an event placed here: 1 for a town or a
    /// point site, 2 for a district or admin2, 3 for a province, region or country.
    pub fn geo_precision(self) -> u8 {
        match self {
            PlaceKind::City
            | PlaceKind::Town
            | PlaceKind::Village
            | PlaceKind::District
            | PlaceKind::Camp
            | PlaceKind::Facility => 1,
            PlaceKind::Admin2 => 2,
            PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Country => 3,
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
