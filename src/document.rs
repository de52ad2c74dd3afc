//! The extraction result for one document: the `Document` object of the
//! output contract (`../shared/OUTPUT.md` in the project workspace).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::events::Event;
use crate::toponyms::{DemonymMention, Mention};

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's id, if any.
    pub id: Option<String>,
    /// The reference date used to resolve relative dates ("on Tuesday").
    #[serde(serialize_with = "crate::output::iso_date::serialize_opt")]
    pub date: Option<NaiveDate>,
    /// The country hint taken from the input's `country` or `source`
    /// (ISO 3166-1 alpha-2), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_hint: Option<String>,
    /// Every toponym found, in text order.
    pub places: Vec<Mention>,
    /// Events, one per (action, location).
    pub events: Vec<Event>,
    /// Demonyms and national adjectives, in text order.
    pub demonyms: Vec<DemonymMention>,
    /// Problems met while reading the input (lossy UTF-8 decoding, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}
