//! The pipeline: text normalisation → gazetteer lookup → toponym recognition
//! and resolution → events → a [`Document`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::text::{FoldedText, Tokenizer};

thread_local! {
    /// Per-thread fold and token buffers, reused across documents.
    static SCRATCH: std::cell::Cell<(FoldedText, Tokenizer)> = std::cell::Cell::new(Default::default());
}
use crate::toponyms::{self, Mention};

/// One input document for [`Extractor::extract_input`] and
/// [`Extractor::extract_batch`]: the text plus what a news pipeline knows
/// about it.
///
/// ```
/// use geoevents::Input;
/// let date = chrono::NaiveDate::from_ymd_opt(2019, 3, 5);
/// let input = Input::new("Police dispersed protesters on Tuesday.").with_date(date).with_source(Some("Daily Nation (Kenya)"));
/// assert_eq!(input.source, Some("Daily Nation (Kenya)"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct Input<'a> {
    /// The caller's id, copied to the output.
    pub id: Option<&'a str>,
    /// The text.
    pub text: &'a str,
    /// The reference date for relative dates ("on Tuesday").
    pub date: Option<NaiveDate>,
    /// The country the story comes from, as an ISO 3166-1 alpha-2 code
    /// ("KE") or a name ("Kenya"). Local news rarely names its own country,
    /// so this is weak evidence for resolving ambiguous names, and the
    /// country whose capital stands in for an event's place when the text
    /// names no place and no other country.
    pub country: Option<&'a str>,
    /// The outlet ("Daily Nation (Kenya)", "Zambian Watchdog"). When
    /// `country` is not given, a country or nationality named in it serves
    /// as the same hint.
    pub source: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// An input with text only.
    pub fn new(text: &'a str) -> Input<'a> {
        Input { id: None, text, date: None, country: None, source: None }
    }

    /// Sets the caller's id.
    pub fn with_id(mut self, id: Option<&'a str>) -> Input<'a> {
        self.id = id;
        self
    }

    /// Sets the reference date.
    pub fn with_date(mut self, date: Option<NaiveDate>) -> Input<'a> {
        self.date = date;
        self
    }

    /// Sets the country hint (ISO alpha-2 code or name).
    pub fn with_country(mut self, country: Option<&'a str>) -> Input<'a> {
        self.country = country;
        self
    }

    /// Sets the outlet name.
    pub fn with_source(mut self, source: Option<&'a str>) -> Input<'a> {
        self.source = source;
        self
    }
}

/// Time spent in each pipeline stage, summed over documents (CPU time per
/// stage across threads, not wall time).
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct StageTimes {
    /// Folding, the offset map and tokenising.
    pub normalise: Duration,
    /// Gazetteer matching and the recognition filters.
    pub matching: Duration,
    /// Candidate ranking and context.
    pub resolve: Duration,
    /// Triggers, actors, dates, casualties and event locations.
    pub events: Duration,
    /// Writing the output.
    pub serialise: Duration,
}

impl StageTimes {
    /// Adds another set of times to this one.
    pub fn add(&mut self, o: &StageTimes) {
        self.normalise += o.normalise;
        self.matching += o.matching;
        self.resolve += o.resolve;
        self.events += o.events;
        self.serialise += o.serialise;
    }
}

/// Extracts places and events from English news text.
///
/// Cheap to clone and `Send + Sync`: share one across threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    places_only: bool,
    default_country: Option<[u8; 2]>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Configures an [`Extractor`].
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    gazetteer: Option<Gazetteer>,
    places_only: bool,
    default_country: Option<String>,
}

impl ExtractorBuilder {
    /// Uses a custom gazetteer instead of the bundled one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Skips event extraction: only places and demonyms are produced.
    pub fn places_only(mut self, yes: bool) -> Self {
        self.places_only = yes;
        self
    }

    /// The country hint (ISO alpha-2 code or name) for inputs that give
    /// neither a `country` nor a `source` naming one: set it when a whole
    /// corpus comes from one country's press. A code or name the gazetteer
    /// does not know is ignored ([`Gazetteer::country`] checks one first).
    pub fn default_country(mut self, country: Option<&str>) -> Self {
        self.default_country = country.map(str::to_string);
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        let gazetteer = Arc::new(self.gazetteer.unwrap_or_else(|| Gazetteer::bundled().clone()));
        let default_country = self.default_country.and_then(|c| toponyms::country_named(&gazetteer, &c, true));
        Extractor { gazetteer, places_only: self.places_only, default_country }
    }
}

impl Extractor {
    /// An extractor over the bundled gazetteer.
    pub fn new() -> Extractor {
        ExtractorBuilder::default().build()
    }

    /// A builder for custom configurations.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts from one text with no id and no reference date.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_input(&Input::new(text))
    }

    /// Extracts from one input.
    pub fn extract_input(&self, input: &Input<'_>) -> Document {
        self.run(input, None)
    }

    /// Extracts from one input and adds the time spent in each pipeline
    /// stage to `times` (the `bench` command's breakdown).
    pub fn extract_timed(&self, input: &Input<'_>, times: &mut StageTimes) -> Document {
        self.run(input, Some(times))
    }

    fn run(&self, input: &Input<'_>, mut times: Option<&mut StageTimes>) -> Document {
        let mut clock = times.as_ref().map(|_| Instant::now());
        let mut lap = |slot: fn(&mut StageTimes) -> &mut Duration, times: &mut Option<&mut StageTimes>| {
            if let (Some(t), Some(c)) = (times.as_deref_mut(), clock.as_mut()) {
                let now = Instant::now();
                *slot(t) += now - *c;
                *c = now;
            }
        };
        let text = input.text;
        // Reuse this thread's fold and token buffers: a fresh pair per
        // document would cost two allocations the size of the text.
        let mut scratch = SCRATCH.with(|s| s.take());
        let (folded, tokenizer) = &mut scratch;
        folded.fold_into(text);
        let toks = tokenizer.tokenize(folded, text);
        lap(|t| &mut t.normalise, &mut times);
        let rec = toponyms::recognise(&self.gazetteer, &*folded, toks);
        lap(|t| &mut t.matching, &mut times);
        let hint = self.country_hint(input);
        let topo = toponyms::resolve(&self.gazetteer, text, &*folded, toks, rec, hint);
        lap(|t| &mut t.resolve, &mut times);
        let events = if self.places_only {
            Vec::new()
        } else {
            crate::events::extract(&self.gazetteer, text, &*folded, toks, &topo, input.date, hint)
        };
        lap(|t| &mut t.events, &mut times);
        let doc = Document {
            id: input.id.map(str::to_string),
            date: input.date,
            country_hint: hint.map(|c| String::from_utf8_lossy(&c).into_owned()),
            places: topo.mentions,
            events,
            demonyms: topo.demonyms,
            warnings: Vec::new(),
        };
        // Keep big buffers from one huge document out of the thread's cache.
        if folded.as_str().len() < (8 << 20) {
            SCRATCH.with(|s| s.set(scratch));
        }
        doc
    }

    /// The country hint of an input: its `country` (a code or a name), else
    /// a country or nationality its `source` names, else the default.
    fn country_hint(&self, input: &Input<'_>) -> Option<[u8; 2]> {
        match (input.country, input.source) {
            (Some(c), _) => toponyms::country_named(&self.gazetteer, c, true),
            (None, Some(s)) => toponyms::country_named(&self.gazetteer, s, false),
            (None, None) => None,
        }
        .or(self.default_country)
    }

    /// Extracts from many inputs in parallel (rayon), keeping input order.
    ///
    /// A document that makes the extractor fail is returned empty with a
    /// warning rather than lost or allowed to take the batch down.
    pub fn extract_batch(&self, inputs: &[Input<'_>]) -> Vec<Document> {
        inputs
            .par_iter()
            .map(|input| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract_input(input))).unwrap_or_else(
                    |_| Document {
                        id: input.id.map(str::to_string),
                        date: input.date,
                        warnings: vec!["internal error while extracting this document; output is empty".into()],
                        ..Document::default()
                    },
                )
            })
            .collect()
    }

    /// Resolves caller-supplied place spans (byte ranges of `text`, e.g. from
    /// your own NER), using the document as context. The result is parallel
    /// to `spans`: `None` where a span is out of range or names nothing known.
    pub fn resolve_spans(&self, text: &str, spans: &[(usize, usize)]) -> Vec<Option<Mention>> {
        let folded = FoldedText::new(text);
        let mut tokenizer = Tokenizer::new();
        let toks = tokenizer.tokenize(&folded, text);
        toponyms::resolve_spans(&self.gazetteer, text, &folded, toks, spans)
    }
}
