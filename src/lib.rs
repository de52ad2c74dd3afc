//! geoevents reads English news text and emits geocoded events: what
//! happened, who did it to whom, where (a gazetteer entry with coordinates),
//! when (a calendar date) and how many were killed or wounded.
//!
//! Everything runs offline, in process: the gazetteer (GeoNames cities500,
//! countries, first-level divisions, air bases and a curated supplement of
//! conflict sites) is bundled in the crate and loads lazily on first use.

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod bench;
pub mod corpus;
mod document;
mod error;
pub mod events;
mod extractor;
pub mod gazetteer;
pub mod output;
pub mod text;
pub mod toponyms;

pub use document::Document;
pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder, Input, StageTimes};
pub use gazetteer::{Candidate, Gazetteer, GazetteerBuilder, GazetteerStats, MatchKind, Place, PlaceKind};
