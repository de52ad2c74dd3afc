//! geoevents reads English news text and emits geocoded events: what
//! happened, who did it to whom, where (a gazetteer entry with coordinates),
//! when (a calendar date) and how many were killed or wounded.
//!
//! ```
//! use geoevents::{Extractor, Input};
//!
//! let text = "Pentagon chief Lloyd Austin said US forces carried out airstrikes \
//!             on Tuesday in al-Qa’im, near the Syrian border, and at Jurf al-Sakhar.";
//! let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 24); // a Wednesday
//! let doc = Extractor::new().extract_input(&Input::new(text).with_date(date));
//!
//! // Places, with byte offsets into `text` and gazetteer entries.
//! let qaim = doc.places.iter().find(|m| m.text == "al-Qa’im").unwrap();
//! assert_eq!(&text[qaim.start..qaim.end], "al-Qa’im");
//! assert_eq!(qaim.place.country.as_deref(), Some("IQ"));
//! assert!(doc.places.iter().all(|m| m.text != "Austin")); // a person here
//! assert_eq!(doc.demonyms[0].country, "SY"); // "Syrian", reported apart
//!
//! // One air strike row per location, dated "on Tuesday".
//! let strikes: Vec<_> = doc.events.iter().filter(|e| e.event_type == "air_drone_strike").collect();
//! assert_eq!(strikes.len(), 2);
//! assert!(strikes.iter().all(|e| e.date.unwrap().to_string() == "2024-01-23"));
//! assert_eq!(strikes[0].source.as_ref().unwrap().country.as_deref(), Some("US"));
//! ```
//!
//! # Overview
//!
//! - [`Extractor`] runs the whole pipeline: [`Extractor::new`] uses the
//!   bundled gazetteer, [`Extractor::builder`] takes a custom one and
//!   options; [`Extractor::extract_batch`] runs many documents in parallel and
//!   keeps their order; [`Extractor::resolve_spans`] resolves spans found by
//!   your own NER.
//! - [`Gazetteer`] is the place index: [`Gazetteer::bundled`] is ready with
//!   zero configuration, [`Gazetteer::builder`] adds GeoNames dumps.
//! - [`Document`] is the result, with place [`toponyms::Mention`]s and
//!   [`events::Event`]s; [`output`] writes JSON Lines, GeoJSON and CSV.
//! - [`corpus`] reads `.txt` and JSON Lines inputs, [`bench`](mod@bench) measures
//!   throughput.
//!
//! # Pipeline
//!
//! Data flows one way, one module per stage: [`text`] (the fold with its
//! offset map, tokens, sentences) → [`gazetteer`] (the compact name index) →
//! [`toponyms`] (recognition with context filters, then resolution by priors
//! and document context) → [`events`] (triggers, actors, dates, casualties,
//! locations) → [`output`].
//!
//! # Memory and start-up
//!
//! The bundled gazetteer (about 290,000 places and 800,000 names) is compiled
//! into the binary by the build script as a prebuilt index, so it is ready
//! for its first lookup in well under a millisecond and costs no heap; pages
//! of it load as lookups touch them. Its places borrow their strings from it
//! ([`Place`]'s text fields are `Cow<'static, str>`), so handing out places
//! allocates nothing. A gazetteer built from user GeoNames files lives on the
//! heap, in the same compact form, and its places own their strings.
//!
//! # Quirks
//!
//! - Offsets are UTF-8 byte offsets into the caller's `&str`, always on char
//!   boundaries.
//! - Demonyms ("Iraqi") are country references in [`Document::demonyms`],
//!   not place mentions. Metonyms ("Washington said") are mentions marked
//!   `literal: false` and never event locations.
//! - Resolution is rule-based: priors plus document context. A story that
//!   names only "Paris" means Paris, France, even in a Texas newspaper.

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
