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

/// One input document for [`Extractor::extract_batch`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Input<'a> {
    /// The caller's id, copied to the output.
    pub id: Option<&'a str>,
    /// The text.
    pub text: &'a str,
    /// The reference date for relative dates ("on Tuesday").
    pub date: Option<NaiveDate>,
}

impl<'a> Input<'a> {
    /// An input with text only.
    pub fn new(text: &'a str) -> Input<'a> {
        Input { id: None, text, date: None }
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

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        Extractor {
            gazetteer: Arc::new(self.gazetteer.unwrap_or_else(|| Gazetteer::bundled().clone())),
            places_only: self.places_only,
        }
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
        let topo = toponyms::resolve(&self.gazetteer, text, &*folded, toks, rec);
        lap(|t| &mut t.resolve, &mut times);
        let events = if self.places_only {
            Vec::new()
        } else {
            crate::events::extract(&self.gazetteer, text, &*folded, toks, &topo, input.date)
        };
        lap(|t| &mut t.events, &mut times);
        let doc = Document {
            id: input.id.map(str::to_string),
            date: input.date,
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
