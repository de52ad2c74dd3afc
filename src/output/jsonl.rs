//! JSON Lines: one `Document` object per line, as in the output contract.
//!
//! The line is written by a fixed-schema writer rather than through serde.
//! Serde's derived `Serialize` (which the types keep, for callers who want
//! any other serde format) sends every key through the string-escaping loop
//! of `serde_json` and every comma and colon through its own `write_all`;
//! on news output, which is about half keys, that made serialisation the
//! second most costly stage after toponym matching. Here keys are written
//! as pre-quoted literals, and only text that may need escaping is scanned.
//!
//! The derive stays the specification: the tests require this writer's
//! bytes to equal `serde_json::to_string` on every shape of document, and
//! numbers and escapes go through the crates serde_json itself uses
//! (`itoa`, `zmij`, and `serde_json` for any string that needs escaping).

use std::cell::RefCell;
use std::io::Write;

use chrono::NaiveDate;

use crate::document::Document;
use crate::events::{Actor, DatePrecision, Event, EventLocation};
use crate::gazetteer::{MatchKind, Place};
use crate::toponyms::{DemonymMention, Mention};

thread_local! {
    /// This thread's line buffer, reused so that a line costs no allocation.
    static LINE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Writes one document as a JSON line.
pub fn write_jsonl<W: Write>(doc: &Document, out: &mut W) -> std::io::Result<()> {
    LINE.with(|line| {
        // A writer that is itself writing a document on this thread (it
        // cannot happen through this module, but `try_borrow` costs nothing)
        // gets a fresh buffer instead of a panic.
        let mut fresh = Vec::new();
        let mut guard = line.try_borrow_mut();
        let buf = match guard.as_mut() {
            Ok(b) => &mut **b,
            Err(_) => &mut fresh,
        };
        buf.clear();
        document(&mut Line(buf), doc);
        buf.push(b'\n');
        let result = out.write_all(buf);
        // Do not keep the buffer of one huge document for the thread's life.
        if buf.capacity() > 1 << 20 {
            *buf = Vec::new();
        }
        result
    })
}

/// Keeps the kind of an I/O error that serde_json wrapped (a closed pipe
/// must stay `BrokenPipe` so the command line can exit quietly).
pub(crate) fn io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    }
}

/// A JSON text being appended to a byte buffer (which cannot fail).
struct Line<'a>(&'a mut Vec<u8>);

impl Line<'_> {
    /// Bytes that are already JSON: punctuation and pre-quoted keys.
    #[inline(always)]
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// A JSON string.
    #[inline]
    fn str(&mut self, s: &str) {
        // Place names and most surfaces need no escape: one scan, one copy.
        if !needs_escape(s.as_bytes()) {
            self.0.reserve(s.len() + 2);
            self.0.push(b'"');
            self.0.extend_from_slice(s.as_bytes());
            self.0.push(b'"');
        } else {
            // Writing to a Vec cannot fail, and a `str` always serialises.
            let _ = serde_json::to_writer(&mut *self.0, s);
        }
    }

    /// A string or `null`.
    #[inline]
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    /// An unsigned integer.
    #[inline]
    fn uint(&mut self, n: u64) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    /// An unsigned integer or `null`.
    #[inline]
    fn opt_uint(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.uint(n),
            None => self.raw(b"null"),
        }
    }

    /// A float as serde_json writes it: shortest round-trip digits of its
    /// own width (an `f32` is not widened first), and `null` for NaN and
    /// infinities.
    #[inline]
    fn float<F: zmij::Float>(&mut self, x: F, finite: bool) {
        if finite {
            self.raw(zmij::Buffer::new().format_finite(x).as_bytes());
        } else {
            self.raw(b"null");
        }
    }

    /// An `f64` (coordinates).
    fn f64(&mut self, x: f64) {
        self.float(x, x.is_finite());
    }

    /// An `f32` (confidences).
    fn f32(&mut self, x: f32) {
        self.float(x, x.is_finite());
    }

    /// `true` or `false`.
    #[inline]
    fn bool(&mut self, b: bool) {
        self.raw(if b { b"true" } else { b"false" });
    }

    /// A date as `"YYYY-MM-DD"` (chrono's form), or `null`.
    fn date(&mut self, d: Option<NaiveDate>) {
        let Some(d) = d else { return self.raw(b"null") };
        let mut buf = [0u8; 10];
        match super::iso_date::format_into(&d, &mut buf) {
            Some(text) => self.str(text),
            None => self.str(&d.to_string()),
        }
    }

    /// A JSON array of `items`, each written by `item`.
    #[inline]
    fn array<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.raw(b"[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            item(self, x);
        }
        self.raw(b"]");
    }
}

/// The high bit of every byte of a `u64`.
const HI: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a `u64`.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// True when `bytes` hold a byte JSON must escape: a control character,
/// `"` or `\`.
///
/// Eight bytes at a time: a string costs a few steps instead of a table
/// lookup per byte, and output is mostly short clean strings.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    // For each test, the classic "has a byte below n" trick: a byte below n
    // borrows when n is subtracted, which sets its high bit, and `!x` keeps
    // only bytes that were below 0x80. It may misplace which byte matched,
    // but never errs on whether one did.
    let below = |x: u64, n: u8| x.wrapping_sub(splat(n)) & !x & HI != 0;
    let any = |x: u64| below(x, 0x20) || below(x ^ splat(b'"'), 1) || below(x ^ splat(b'\\'), 1);
    let mut chunks = bytes.chunks_exact(8);
    if chunks.by_ref().any(|c| any(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))) {
        return true;
    }
    chunks.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// The `Document` object; field order and omissions follow its derive.
fn document(w: &mut Line<'_>, doc: &Document) {
    w.raw(b"{\"id\":");
    w.opt_str(doc.id.as_deref());
    w.raw(b",\"date\":");
    w.date(doc.date);
    if let Some(hint) = &doc.country_hint {
        w.raw(b",\"country_hint\":");
        w.str(hint);
    }
    w.raw(b",\"places\":");
    w.array(&doc.places, mention);
    w.raw(b",\"events\":");
    w.array(&doc.events, event);
    w.raw(b",\"demonyms\":");
    w.array(&doc.demonyms, demonym);
    if !doc.warnings.is_empty() {
        w.raw(b",\"warnings\":");
        w.array(&doc.warnings, |w, s| w.str(s));
    }
    w.raw(b"}");
}

/// The members `"text","start","end"` of a span of the input (mentions,
/// triggers, demonyms), in an object already opened.
fn span_fields(w: &mut Line<'_>, text: &str, start: usize, end: usize) {
    w.raw(b"\"text\":");
    w.str(text);
    w.raw(b",\"start\":");
    w.uint(start as u64);
    w.raw(b",\"end\":");
    w.uint(end as u64);
}

/// A `Mention` object.
fn mention(w: &mut Line<'_>, m: &Mention) {
    w.raw(b"{");
    span_fields(w, &m.text, m.start, m.end);
    w.raw(b",\"place\":{");
    place_fields(w, &m.place);
    w.raw(b"},\"confidence\":");
    w.f32(m.confidence);
    w.raw(b",\"literal\":");
    w.bool(m.literal);
    if m.low_confidence {
        w.raw(b",\"low_confidence\":true");
    }
    w.raw(match m.matched {
        MatchKind::Transliteration => b",\"match\":\"transliteration\"}",
        MatchKind::Alternate => b",\"match\":\"alternate\"}",
        MatchKind::Preferred => b",\"match\":\"preferred\"}",
    });
}

/// The members of a `Place` object, without braces: `EventLocation`
/// flattens them into its own object.
fn place_fields(w: &mut Line<'_>, p: &Place) {
    w.raw(b"\"id\":");
    w.str(&p.id);
    w.raw(b",\"name\":");
    w.str(&p.name);
    w.raw(b",\"lat\":");
    w.f64(p.lat);
    w.raw(b",\"lon\":");
    w.f64(p.lon);
    w.raw(b",\"country\":");
    w.opt_str(p.country.as_deref());
    w.raw(b",\"admin1\":");
    w.opt_str(p.admin1.as_deref());
    if let Some(a2) = &p.admin2 {
        w.raw(b",\"admin2\":");
        w.str(a2);
    }
    w.raw(b",\"kind\":");
    w.str(p.kind.as_str());
    if let Some(fc) = &p.feature_code {
        w.raw(b",\"feature_code\":");
        w.str(fc);
    }
    w.raw(b",\"population\":");
    w.opt_uint(p.population);
}

/// An `Event` object.
fn event(w: &mut Line<'_>, e: &Event) {
    w.raw(b"{\"type\":");
    w.str(&e.event_type);
    w.raw(b",\"cameo\":");
    w.opt_str(e.cameo.as_deref());
    w.raw(b",\"plover\":");
    w.opt_str(e.plover.as_deref());
    w.raw(b",\"trigger\":{");
    span_fields(w, &e.trigger.text, e.trigger.start, e.trigger.end);
    w.raw(b"},\"sentence\":{\"start\":");
    w.uint(e.sentence.start as u64);
    w.raw(b",\"end\":");
    w.uint(e.sentence.end as u64);
    w.raw(b"},\"date\":");
    w.date(e.date);
    w.raw(b",\"date_precision\":");
    w.raw(match e.date_precision {
        None => b"null",
        Some(DatePrecision::Day) => b"\"day\"",
        Some(DatePrecision::Week) => b"\"week\"",
        Some(DatePrecision::Month) => b"\"month\"",
        Some(DatePrecision::Year) => b"\"year\"",
    });
    w.raw(b",\"source\":");
    actor(w, e.source.as_ref());
    w.raw(b",\"target\":");
    actor(w, e.target.as_ref());
    w.raw(b",\"location\":");
    location(w, e.location.as_ref());
    w.raw(b",\"killed\":");
    w.opt_uint(e.killed.map(u64::from));
    w.raw(b",\"wounded\":");
    w.opt_uint(e.wounded.map(u64::from));
    w.raw(b",\"confidence\":");
    w.f32(e.confidence);
    w.raw(b"}");
}

/// An `Actor` object or `null`.
fn actor(w: &mut Line<'_>, a: Option<&Actor>) {
    let Some(a) = a else { return w.raw(b"null") };
    w.raw(b"{\"text\":");
    w.str(&a.text);
    w.raw(b",\"name\":");
    w.str(&a.name);
    w.raw(b",\"country\":");
    w.opt_str(a.country.as_deref());
    w.raw(b",\"kind\":");
    w.opt_str(a.kind.as_deref());
    w.raw(b"}");
}

/// An `EventLocation` object (the place's members flattened in) or `null`.
fn location(w: &mut Line<'_>, l: Option<&EventLocation>) {
    let Some(l) = l else { return w.raw(b"null") };
    w.raw(b"{");
    place_fields(w, &l.place);
    w.raw(b",\"text\":");
    w.opt_str(l.text.as_deref());
    w.raw(b",\"start\":");
    w.opt_uint(l.start.map(|s| s as u64));
    w.raw(b",\"end\":");
    w.opt_uint(l.end.map(|e| e as u64));
    w.raw(b",\"geo_precision\":");
    w.uint(u64::from(l.geo_precision));
    w.raw(b"}");
}

/// A `DemonymMention` object.
fn demonym(w: &mut Line<'_>, d: &DemonymMention) {
    w.raw(b"{");
    span_fields(w, &d.text, d.start, d.end);
    w.raw(b",\"country\":");
    w.str(&d.country);
    w.raw(b"}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{ByteSpan, Trigger};
    use crate::gazetteer::PlaceKind;
    use crate::Extractor;

    fn line(doc: &Document) -> String {
        let mut out = Vec::new();
        write_jsonl(doc, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn serde_line(doc: &Document) -> String {
        serde_json::to_string(doc).unwrap() + "\n"
    }

    fn place(admin2: Option<&str>, feature_code: Option<&str>, population: Option<u64>) -> Place {
        Place {
            id: "geonames:99062".into(),
            name: "Al Qa'im".into(),
            lat: 34.37,
            lon: 41.0944444,
            country: Some("IQ".into()),
            admin1: None,
            admin2: admin2.map(|s| s.to_string().into()),
            kind: PlaceKind::Town,
            feature_code: feature_code.map(|s| s.to_string().into()),
            population,
        }
    }

    /// A document that takes every branch: omitted and present optional
    /// members, `null`s, escapes, non-finite and extreme numbers.
    fn every_shape() -> Vec<Document> {
        let mention = |text: &str, matched, low_confidence: bool, confidence, p| Mention {
            text: text.into(),
            start: 10,
            end: 10 + text.len(),
            place: p,
            confidence,
            literal: !low_confidence,
            low_confidence,
            matched,
        };
        let actor = Actor {
            text: "Kata\u{2019}ib \"KH\" Hezbollah".into(),
            name: "Kata'ib Hezbollah".into(),
            country: Some("IQ".into()),
            kind: None,
        };
        let event = |date_precision, location: Option<EventLocation>, source: Option<Actor>| Event {
            event_type: "air_drone_strike".into(),
            cameo: None,
            plover: None,
            trigger: Trigger { text: "struck\n\t\u{1}".into(), start: 3, end: 9 },
            sentence: ByteSpan { start: 0, end: usize::MAX },
            date: NaiveDate::from_ymd_opt(2024, 1, 23),
            date_precision,
            source,
            target: None,
            location,
            killed: Some(0),
            wounded: Some(u32::MAX),
            confidence: 0.1 + 0.2,
        };
        let located = EventLocation {
            place: place(Some("Al-Qa'im District"), Some("PPL"), Some(u64::MAX)),
            text: Some("al-Qa\u{2019}im\\".into()),
            start: Some(0),
            end: None,
            geo_precision: 2,
        };
        let unplaced = EventLocation { text: None, start: None, end: None, geo_precision: 3, ..located.clone() };
        vec![
            Document::default(),
            Document {
                id: Some("reuters-\"1\"\u{7f}\u{0}".into()),
                date: NaiveDate::from_ymd_opt(10000, 1, 1),
                country_hint: Some("IQ".into()),
                places: vec![
                    mention("Qa'im", MatchKind::Preferred, false, 0.875, place(None, None, None)),
                    mention(
                        "Al Ka'im",
                        MatchKind::Transliteration,
                        true,
                        f32::NAN,
                        place(Some("x"), Some("ADM2"), Some(0)),
                    ),
                    mention("Qaim", MatchKind::Alternate, false, 1e-9, place(None, Some("PPLA"), Some(7))),
                ],
                events: vec![
                    event(None, None, None),
                    event(Some(DatePrecision::Day), Some(located), Some(actor.clone())),
                    event(Some(DatePrecision::Week), Some(unplaced.clone()), None),
                    event(Some(DatePrecision::Month), None, Some(actor)),
                    event(Some(DatePrecision::Year), Some(unplaced), None),
                ],
                demonyms: vec![DemonymMention { text: "Iraqi".into(), start: 1, end: 6, country: "IQ".into() }],
                warnings: vec!["input: invalid UTF-8 at byte 3".into(), String::new()],
            },
            Document { date: NaiveDate::from_ymd_opt(-44, 3, 15), ..Document::default() },
        ]
    }

    #[test]
    fn every_shape_is_written_as_serde_writes_it() {
        for doc in every_shape() {
            assert_eq!(line(&doc), serde_line(&doc));
        }
    }

    #[test]
    fn extraction_output_is_written_as_serde_writes_it() {
        let extractor = Extractor::new();
        let texts = [
            "BAGHDAD, Jan 24 (Reuters) - U.S. forces struck three sites in al-Qa\u{2019}im and Jurf al-Sakhar \
             on Tuesday, killing 2 fighters of Kata\u{2019}ib Hezbollah, the Pentagon said.",
            "Protesters marched in \"Nairobi\" on Monday;\tpolice fired tear gas.\r\nTwo people were wounded in Kisumu.",
            "",
        ];
        for text in texts {
            let doc = extractor.extract(text);
            assert_eq!(line(&doc), serde_line(&doc), "{text}");
        }
        // The places and events are really there, so the lines compared above are not trivial.
        let doc = extractor.extract(texts[0]);
        assert!(!doc.places.is_empty() && !doc.events.is_empty(), "{doc:?}");
    }

    #[test]
    fn escape_test_agrees_with_the_byte_rule() {
        let byte_rule = |s: &[u8]| s.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        // Every byte value at every position of strings up to two words long,
        // among clean neighbours of every kind (high bytes included).
        for len in 1..=17 {
            for pos in 0..len {
                for b in 0..=255u8 {
                    for fill in [b'a', b' ', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']'] {
                        let mut s = vec![fill; len];
                        s[pos] = b;
                        assert_eq!(needs_escape(&s), byte_rule(&s), "{s:?}");
                    }
                }
            }
        }
        assert!(!needs_escape(b""));
    }

    #[test]
    fn writer_errors_reach_the_caller_and_the_buffer_recovers() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let doc = &every_shape()[1];
        let err = write_jsonl(doc, &mut Closed).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
        // The next line on this thread starts from an empty buffer.
        assert_eq!(line(&Document::default()), serde_line(&Document::default()));
    }
}
