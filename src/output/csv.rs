//! CSV output: one row per event, flat ACLED/GDELT-like columns, with a
//! header row.

use std::io::Write;

use serde::Serialize;

use crate::document::Document;
use crate::events::Event;

/// One CSV row.
#[derive(Serialize)]
struct Row<'a> {
    document_id: Option<&'a str>,
    event_index: usize,
    event_type: &'a str,
    cameo: Option<&'a str>,
    plover: Option<&'a str>,
    event_date: Option<String>,
    date_precision: Option<&'static str>,
    trigger: &'a str,
    trigger_start: usize,
    trigger_end: usize,
    source_name: Option<&'a str>,
    source_text: Option<&'a str>,
    source_country: Option<&'a str>,
    source_kind: Option<&'a str>,
    target_name: Option<&'a str>,
    target_text: Option<&'a str>,
    target_country: Option<&'a str>,
    target_kind: Option<&'a str>,
    place_id: Option<&'a str>,
    place_name: Option<&'a str>,
    place_kind: Option<&'a str>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    geo_precision: Option<u8>,
    killed: Option<u32>,
    wounded: Option<u32>,
    confidence: f32,
    sentence_start: usize,
    sentence_end: usize,
}

/// Writes events as CSV rows; the header is written before the first row.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    rows: usize,
}

impl<W: Write> CsvWriter<W> {
    /// A writer that writes the header row first.
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter { inner: csv::WriterBuilder::new().has_headers(true).from_writer(out), rows: 0 }
    }

    /// Writes one row per event of the document.
    pub fn write_document(&mut self, doc: &Document) -> std::io::Result<()> {
        for (i, ev) in doc.events.iter().enumerate() {
            self.inner.serialize(row(doc, i, ev)).map_err(csv_io)?;
            self.rows += 1;
        }
        Ok(())
    }

    /// Writes the header if no row was written, flushes, returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.rows == 0 {
            self.inner.write_record(HEADER).map_err(csv_io)?;
        }
        self.inner.flush()?;
        self.inner.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
    }
}

/// Column names, in order (the header row).
pub const HEADER: [&str; 31] = [
    "document_id",
    "event_index",
    "event_type",
    "cameo",
    "plover",
    "event_date",
    "date_precision",
    "trigger",
    "trigger_start",
    "trigger_end",
    "source_name",
    "source_text",
    "source_country",
    "source_kind",
    "target_name",
    "target_text",
    "target_country",
    "target_kind",
    "place_id",
    "place_name",
    "place_kind",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "killed",
    "wounded",
    "confidence",
    "sentence_start",
    "sentence_end",
];

fn row<'a>(doc: &'a Document, i: usize, ev: &'a Event) -> Row<'a> {
    let loc = ev.location.as_ref();
    let precision = ev.date_precision.map(|p| match p {
        crate::events::DatePrecision::Day => "day",
        crate::events::DatePrecision::Week => "week",
        crate::events::DatePrecision::Month => "month",
        crate::events::DatePrecision::Year => "year",
    });
    Row {
        document_id: doc.id.as_deref(),
        event_index: i,
        event_type: &ev.event_type,
        cameo: ev.cameo.as_deref(),
        plover: ev.plover.as_deref(),
        event_date: ev.date.map(|d| d.to_string()),
        date_precision: precision,
        trigger: &ev.trigger.text,
        trigger_start: ev.trigger.start,
        trigger_end: ev.trigger.end,
        source_name: ev.source.as_ref().map(|a| a.name.as_str()),
        source_text: ev.source.as_ref().map(|a| a.text.as_str()),
        source_country: ev.source.as_ref().and_then(|a| a.country.as_deref()),
        source_kind: ev.source.as_ref().and_then(|a| a.kind.as_deref()),
        target_name: ev.target.as_ref().map(|a| a.name.as_str()),
        target_text: ev.target.as_ref().map(|a| a.text.as_str()),
        target_country: ev.target.as_ref().and_then(|a| a.country.as_deref()),
        target_kind: ev.target.as_ref().and_then(|a| a.kind.as_deref()),
        place_id: loc.map(|l| &*l.place.id),
        place_name: loc.map(|l| &*l.place.name),
        place_kind: loc.map(|l| l.place.kind.as_str()),
        country: loc.and_then(|l| l.place.country.as_deref()),
        admin1: loc.and_then(|l| l.place.admin1.as_deref()),
        latitude: loc.map(|l| l.place.lat),
        longitude: loc.map(|l| l.place.lon),
        geo_precision: loc.map(|l| l.geo_precision),
        killed: ev.killed,
        wounded: ev.wounded,
        confidence: ev.confidence,
        sentence_start: ev.sentence.start,
        sentence_end: ev.sentence.end,
    }
}

/// Unwraps the I/O error inside a csv error (keeping `BrokenPipe` visible).
fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
