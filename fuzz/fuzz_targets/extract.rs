//! Arbitrary bytes, decoded lossily, through the whole pipeline: no panic,
//! and every span the output reports lies on char boundaries of the input
//! and spells the reported text.

#![no_main]

use std::sync::OnceLock;

use geoevents::corpus::parse_date;
use geoevents::{Document, Extractor, Input};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn check_span(s: &str, start: usize, end: usize, text: &str) {
    assert!(start <= end && end <= s.len(), "span {start}..{end} out of range");
    assert!(s.is_char_boundary(start) && s.is_char_boundary(end), "span {start}..{end} not on char boundaries");
    assert_eq!(&s[start..end], text, "span {start}..{end}");
}

fn check(s: &str, doc: &Document) {
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let mut last = 0;
    for m in &doc.places {
        check_span(s, m.start, m.end, &m.text);
        assert!(m.start >= last, "places out of order");
        last = m.end;
        assert!((0.0..=1.0).contains(&m.confidence), "confidence {}", m.confidence);
    }
    for d in &doc.demonyms {
        check_span(s, d.start, d.end, &d.text);
    }
    for e in &doc.events {
        check_span(s, e.trigger.start, e.trigger.end, &e.trigger.text);
        assert!(e.sentence.start <= e.sentence.end && e.sentence.end <= s.len());
        assert!((0.0..=1.0).contains(&e.confidence), "confidence {}", e.confidence);
        if let Some(loc) = &e.location {
            if let (Some(a), Some(b), Some(t)) = (loc.start, loc.end, loc.text.as_deref()) {
                check_span(s, a, b, t);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks a reference date (or none); the rest is the text.
    let (date, body) = match data.split_first() {
        Some((&b, rest)) if b & 1 == 1 => {
            // 2024-01-01 to 2024-12-28.
            (parse_date(&format!("2024-{:02}-{:02}", 1 + (b / 2) % 12, 1 + (b / 24) % 28)), rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(body);
    let doc = extractor().extract_input(&Input::new(&text).with_id(Some("fuzz")).with_date(date));
    check(&text, &doc);
    let mut out = Vec::new();
    geoevents::output::write_jsonl(&doc, &mut out).expect("JSON output");
    // Caller-supplied spans anywhere in (and past) the text.
    let n = text.len();
    let spans = [(0, n), (n / 3, n / 2), (n / 2, n + 1), (1, 2), (n, n)];
    let got = extractor().resolve_spans(&text, &spans);
    assert_eq!(got.len(), spans.len());
    for m in got.iter().flatten() {
        check_span(&text, m.start, m.end, &m.text);
    }
});
