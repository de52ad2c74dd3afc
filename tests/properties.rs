//! Hardening properties: any input, no panic, no lost document.
//!
//! Property tests run a bounded number of cases (see [`config`]) on texts
//! built from news words, Arabic-derived place names and the characters that
//! break offset maps (curly apostrophes, no-break spaces, combining marks,
//! emoji, right-to-left text, control characters, case-expanding letters).
//! Pathological inputs are plain tests: they assert that a document comes
//! back with sane contents, not how fast.

use std::panic::{RefUnwindSafe, UnwindSafe};

use chrono::NaiveDate;
use geoevents::corpus::{Format, Reader};
use geoevents::toponyms::LOW_CONFIDENCE;
use geoevents::{Document, Extractor, Gazetteer, Input};
use once_cell::sync::Lazy;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// One extractor for every test: building it is cheap, but sharing it also
/// checks that it is reusable across documents.
static EXTRACTOR: Lazy<Extractor> = Lazy::new(Extractor::new);

/// 64 cases per property (a few seconds in a debug build); set
/// `PROPTEST_CASES` for a longer hunt.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    Config { cases, max_shrink_iters: 2_000, ..Config::default() }
}

const NEWS: &[&str] = &[
    "Rockets",
    "hit",
    "struck",
    "killed",
    "wounded",
    "injured",
    "an airstrike",
    "a drone strike",
    "shelling",
    "clashes erupted",
    "gunmen attacked",
    "protesters",
    "militants",
    "US forces",
    "Israeli",
    "Iraqi",
    "Syrians",
    "the Pentagon said",
    "Kata'ib Hezbollah",
    "Kata’ib Hezbollah",
    "on Tuesday",
    "yesterday",
    "last week",
    "on January 3, 2024",
    "2024-01-23",
    "at least 12 people",
    "three soldiers",
    "dozens",
    "near",
    "in",
    "at",
    "outside",
    "the",
    "of",
    "and",
    "said",
    "province",
    "air base",
    "camp",
    "Washington said",
];

const PLACES: &[&str] = &[
    "al-Qa’im",
    "Al-Qa'im",
    "al‑Qaim",
    "Deir ez-Zor",
    "Deir ez‑Zor",
    "Ain al-Asad",
    "Ayn al‐Asad",
    "Jurf al-Sakhar",
    "Mosul",
    "Gaza",
    "Gaza City",
    "Rafah",
    "Khan Younis",
    "Baghdad",
    "Kirkuk",
    "Raqqa",
    "Homs",
    "Erbil",
    "Idlib",
    "al-Bab",
    "Aleppo",
    "Ḥalab",
    "Sana’a",
    "Sanaʼa",
    "Kyiv",
    "Kharkiv",
    "Tel Aviv-Yafo",
    "São Paulo",
    "Washington",
    "Iraq",
    "Syria",
    "Anbar",
    "Ａｌ－Ｑａｉｍ",
    "İstanbul",
    "ISTANBUL",
    "MOSUL",
];

const ODD: &[&str] = &[
    "\u{a0}",
    "\u{2019}",
    "\u{2018}",
    "'",
    "ʼ",
    "ʻ",
    "ꞌ",
    "`",
    "-",
    "\u{2010}",
    "\u{2011}",
    "\u{2013}",
    "\u{2014}",
    "\u{301}",
    "\u{308}",
    "e\u{301}",
    "a\u{300}\u{316}\u{35c}",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "🇮🇶",
    "بغداد",
    "الموصل",
    "ירושלים",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{85}",
    "İ",
    "ß",
    "ẞ",
    "ﬁ",
    "Ǆ",
    "ǅ",
    "Σ",
    "ς",
    "\u{fffd}",
    "ﷺ",
    "㍻",
    "…",
    "\u{3000}",
    "\u{10ffff}",
    "\u{e000}",
    ".",
    ",",
    ";",
    "\"",
    "(",
    ")",
    "?",
    "!",
    "Mr.",
    "U.S.",
    "...",
    "'s",
    "’s",
];

const SEPARATORS: &[&str] = &["", " ", " ", " ", "\u{a0}", "-", "’", "'", "\n", ", ", ". ", "\t", "\u{2009}", "  "];

/// One fragment of a generated text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NEWS).prop_map(str::to_string),
        4 => prop::sample::select(PLACES).prop_map(str::to_string),
        3 => prop::sample::select(ODD).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,12}",
        1 => "[a-zA-Z'’\\- ]{0,12}",
    ]
}

/// A generated text: fragments joined by separators, sometimes re-cased.
fn text() -> impl Strategy<Value = String> {
    let joined = prop::collection::vec((fragment(), prop::sample::select(SEPARATORS)), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (f, sep) in parts {
            s.push_str(&f);
            s.push_str(sep);
        }
        s
    });
    let base = prop_oneof![
        6 => joined,
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect::<String>()),
    ];
    (base, 0..6u8).prop_map(|(s, how)| match how {
        0 => s.to_uppercase(),
        1 => s.to_lowercase(),
        _ => s,
    })
}

fn check_span(s: &str, start: usize, end: usize, text: &str, what: &str) {
    assert!(start <= end && end <= s.len(), "{what} span {start}..{end} out of range (len {}) in {s:?}", s.len());
    assert!(
        s.is_char_boundary(start) && s.is_char_boundary(end),
        "{what} span {start}..{end} not on char boundaries in {s:?}"
    );
    assert_eq!(&s[start..end], text, "{what} text differs from the input at {start}..{end} in {s:?}");
}

fn check_unit(x: f32, what: &str, s: &str) {
    assert!((0.0..=1.0).contains(&x), "{what} {x} outside 0..=1 in {s:?}");
}

/// Every invariant of the output contract that holds for any input.
fn check_document(s: &str, doc: &Document) {
    assert!(doc.warnings.is_empty(), "warnings (an internal error was caught?) {:?} for {s:?}", doc.warnings);
    let mut last = 0;
    for m in &doc.places {
        check_span(s, m.start, m.end, &m.text, "place");
        assert!(m.start < m.end, "empty place mention {m:?} in {s:?}");
        assert!(m.start >= last, "places not sorted by start or overlapping at {m:?} in {s:?}");
        last = m.end;
        check_unit(m.confidence, "place confidence", s);
        assert_eq!(m.low_confidence, m.confidence < LOW_CONFIDENCE, "low_confidence flag of {m:?}");
        assert!((-90.0..=90.0).contains(&m.place.lat), "latitude of {m:?}");
        assert!((-180.0..=180.0).contains(&m.place.lon), "longitude of {m:?}");
    }
    let mut last = 0;
    for d in &doc.demonyms {
        check_span(s, d.start, d.end, &d.text, "demonym");
        assert!(d.start >= last, "demonyms not in text order at {d:?} in {s:?}");
        last = d.start;
        assert_eq!(d.country.len(), 2, "{d:?}");
    }
    for e in &doc.events {
        check_span(s, e.trigger.start, e.trigger.end, &e.trigger.text, "event trigger");
        let sent = e.sentence;
        assert!(
            sent.start <= sent.end
                && sent.end <= s.len()
                && s.is_char_boundary(sent.start)
                && s.is_char_boundary(sent.end),
            "sentence span {sent:?} of {e:?} in {s:?}"
        );
        assert!(
            sent.start <= e.trigger.start && e.trigger.end <= sent.end,
            "trigger outside its sentence: {e:?} in {s:?}"
        );
        check_unit(e.confidence, "event confidence", s);
        if let Some(loc) = &e.location {
            assert!((1..=3).contains(&loc.geo_precision), "geo_precision of {e:?}");
            if let (Some(a), Some(b), Some(t)) = (loc.start, loc.end, loc.text.as_deref()) {
                check_span(s, a, b, t, "event location");
            }
        }
    }
    // The JSON form is always valid and reads back as the same document.
    let mut line = Vec::new();
    geoevents::output::write_jsonl(doc, &mut line).expect("write JSON");
    assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1, "one line per document");
    // The fast writer is byte-for-byte the serde derive, the specification.
    let mut by_serde = serde_json::to_vec(doc).expect("serialise with serde");
    by_serde.push(b'\n');
    assert_eq!(String::from_utf8_lossy(&line), String::from_utf8_lossy(&by_serde), "JSON line equals serde's");
    let back: Document = serde_json::from_slice(&line).expect("the JSON line parses");
    assert_eq!(&back, doc, "JSON round trip");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extract_any_text(s in text()) {
        let doc = EXTRACTOR.extract(&s);
        check_document(&s, &doc);
        let again = EXTRACTOR.extract(&s);
        prop_assert_eq!(&doc, &again, "output is deterministic");
        // A fresh extractor gives the same answer as the shared one.
        prop_assert_eq!(&doc, &Extractor::new().extract(&s));
        // So does places-only, for the places.
        let places = Extractor::builder().places_only(true).build().extract(&s);
        prop_assert!(places.events.is_empty());
        prop_assert_eq!(&places.places, &doc.places);
    }

    #[test]
    fn extract_lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let s = String::from_utf8_lossy(&bytes);
        check_document(&s, &EXTRACTOR.extract(&s));
    }

    #[test]
    fn batch_keeps_every_document_in_order(
        docs in prop::collection::vec((prop::option::of("[a-z0-9\\-]{0,8}"), text(), prop::option::of(0u32..20_000)), 0..10)
    ) {
        let dates: Vec<Option<NaiveDate>> = docs
            .iter()
            .map(|d| d.2.and_then(|n| NaiveDate::from_ymd_opt(1990, 1, 1)?.checked_add_days(chrono::Days::new(n.into()))))
            .collect();
        let inputs: Vec<Input<'_>> = docs
            .iter()
            .zip(&dates)
            .map(|((id, text, _), date)| Input::new(text).with_id(id.as_deref()).with_date(*date))
            .collect();
        let out = EXTRACTOR.extract_batch(&inputs);
        prop_assert_eq!(out.len(), inputs.len(), "one document per input");
        for (doc, input) in out.iter().zip(&inputs) {
            prop_assert_eq!(doc.id.as_deref(), input.id, "ids preserved, in order");
            prop_assert_eq!(doc.date, input.date);
            check_document(input.text, doc);
            prop_assert_eq!(doc, &EXTRACTOR.extract_input(input), "batch equals one at a time");
        }
    }

    #[test]
    fn resolve_spans_accepts_any_span(
        s in text(),
        spans in prop::collection::vec((0usize..400, 0usize..400), 0..12)
    ) {
        let got = EXTRACTOR.resolve_spans(&s, &spans);
        prop_assert_eq!(got.len(), spans.len(), "parallel to the spans");
        for m in got.iter().flatten() {
            check_span(&s, m.start, m.end, &m.text, "resolved span");
            check_unit(m.confidence, "resolved confidence", &s);
        }
    }

    #[test]
    fn lookup_any_name(s in text()) {
        let gaz = Gazetteer::bundled();
        let cands = gaz.lookup(&s);
        for w in cands.windows(2) {
            prop_assert!(w[0].score >= w[1].score, "candidates ranked best first for {:?}", s);
        }
        for c in &cands {
            prop_assert!(c.score.is_finite());
        }
        let _ = gaz.demonym(&s);
        let _ = gaz.country(&s);
        let _ = gaz.capital(&s);
    }

    #[test]
    fn jsonl_reader_reports_every_line(lines in prop::collection::vec(
        prop_oneof![
            text().prop_map(|t| serde_json::json!({"id": "x", "text": t}).to_string().into_bytes()),
            text().prop_map(|t| serde_json::json!({"text": t, "date": t}).to_string().into_bytes()),
            text().prop_map(String::into_bytes),
            prop::collection::vec(any::<u8>(), 0..60),
        ],
        0..12,
    )) {
        let mut bytes = Vec::new();
        for l in &lines {
            bytes.extend(l.iter().map(|&b| if b == b'\n' { b' ' } else { b }));
            bytes.push(b'\n');
        }
        let non_blank = lines.iter().filter(|l| !l.iter().all(|b| b.is_ascii_whitespace() || *b == b'\n')).count();
        let items: Vec<_> =
            Reader::new(Box::new(std::io::Cursor::new(bytes)), "t.jsonl".into(), Format::JsonLines).collect();
        prop_assert_eq!(items.len(), non_blank, "one item per non-blank line");
        let mut last = 0;
        for e in items.iter().filter_map(|i| i.as_ref().err()) {
            let line = e.line().expect("a bad record names its line");
            prop_assert!(line > last && line as usize <= lines.len(), "line {} after {}", line, last);
            last = line;
            prop_assert!(e.to_string().starts_with("t.jsonl:"), "{}", e);
        }
        // Text format: always exactly one document.
        let raw: Vec<u8> = lines.concat();
        let items: Vec<_> = Reader::new(Box::new(std::io::Cursor::new(raw)), "t.txt".into(), Format::Text).collect();
        prop_assert_eq!(items.len(), 1);
        prop_assert!(items[0].is_ok());
    }
}

/// Found by `resolve_spans_accepts_any_span`: caller spans out of text order
/// made toponym resolution slice the folded text backwards (begin > end).
#[test]
fn resolve_spans_out_of_order_regression() {
    let s = "ROCKETS, 𐀀’MOSULMOSULMOSUL𐀀\u{a0}THETHE PENTAGON SAID, JURF AL-SAKHAR A DRONE STRIKE \u{a0} A DRONE STRIKE SAID\u{a0}\u{a0}WOUNDED’MOSULPROTESTERS\u{a0}’STRUCK \u{a0}‐AA' A’' A ’ ＡＬ－ＱＡＩＭ, ＡＬ－ＱＡＩＭ MOSULSAID TEL AVIV-YAFO\u{a0}ROCKETS'STRUCK PROVINCE AL-QA'IM\u{a0}\u{200f}ISRAELI\u{e000}KHAN YOUNIS";
    let spans = [(287, 291), (168, 174)];
    let got = EXTRACTOR.resolve_spans(s, &spans);
    assert_eq!(got.len(), 2);
    for m in got.iter().flatten() {
        check_span(s, m.start, m.end, &m.text, "resolved span");
    }
    // Simpler shapes of the same thing: reversed, overlapping, repeated.
    let s = "Clashes in Mosul, Nineveh and Baghdad, Iraq.";
    for spans in [vec![(30, 37), (11, 16)], vec![(11, 25), (18, 25), (11, 16)], vec![(11, 16), (11, 16), (0, 44)]] {
        let got = EXTRACTOR.resolve_spans(s, &spans);
        assert_eq!(got.len(), spans.len());
        for m in got.iter().flatten() {
            check_span(s, m.start, m.end, &m.text, "resolved span");
        }
    }
}

// ---------------------------------------------------------------------------
// Pathological inputs: each must finish and return a sane document.

// Each of these took a quarter of an hour in a debug build while toponym
// resolution and event location were quadratic in the number of mentions;
// linear now, they take seconds.

fn gaza_repeated(n: usize) {
    let s = "Gaza ".repeat(n);
    let doc = EXTRACTOR.extract(&s);
    check_document(&s, &doc);
    assert!(!doc.places.is_empty(), "Gaza is found");
    assert!(doc.places.len() <= n);
    assert!(doc.places.iter().all(|m| m.text == "Gaza" || m.text.starts_with("Gaza ")), "{:?}", &doc.places[..3]);
    let out = EXTRACTOR.extract_batch(&[Input::new(&s).with_id(Some("gaza"))]);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].id.as_deref(), Some("gaza"));
    assert_eq!(out[0].places, doc.places);
}

#[test]
fn gaza_repeated_200_000_times() {
    gaza_repeated(200_000);
}

fn without_whitespace(bytes: usize) {
    let unit = "Baghdad,Mosul;al-Qa’im/Gaza.Rafah|Iraq–Syria😀\u{301}";
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    let doc = EXTRACTOR.extract(&s);
    check_document(&s, &doc);
    // And with no punctuation at all: one long "word".
    let s = "x".repeat(bytes);
    let doc = EXTRACTOR.extract(&s);
    check_document(&s, &doc);
    assert!(doc.places.is_empty() && doc.events.is_empty());
}

#[test]
fn two_megabytes_without_whitespace() {
    without_whitespace(2 << 20);
}

#[test]
fn one_megabyte_of_apostrophes_and_hyphens() {
    let unit = "'’-‐‑–—ʼ'- -'al-'";
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(unit);
    }
    let doc = EXTRACTOR.extract(&s);
    check_document(&s, &doc);
    assert!(doc.events.is_empty(), "no words, no events");
}

fn single_line_of_news(bytes: usize) {
    let sentences = [
        "US forces carried out strikes against militants in Mosul on Tuesday, the Pentagon said.",
        "Rockets hit the Ain al-Asad air base in western Iraq yesterday, wounding 3 soldiers.",
        "Israeli strikes killed at least 12 people in Rafah and Khan Younis, officials in Gaza said.",
        "Gunmen attacked a checkpoint near al-Qa’im, killing two policemen.",
        "Clashes erupted in Deir ez-Zor between Kurdish-led forces and tribal fighters.",
    ];
    let mut s = String::with_capacity(bytes + 200);
    let mut n = 0;
    while s.len() < bytes {
        s.push_str(sentences[n % sentences.len()]);
        s.push(' ');
        n += 1;
    }
    assert!(!s.contains('\n'));
    let doc = EXTRACTOR.extract(&s);
    check_document(&s, &doc);
    // Every sentence names at least one place; every copy of Mosul is found.
    assert!(doc.places.len() >= n, "{} places for {n} sentences", doc.places.len());
    let mosul = doc.places.iter().filter(|m| m.text == "Mosul").count();
    assert_eq!(mosul, n.div_ceil(sentences.len()), "every Mosul");
    assert!(!doc.events.is_empty());
}

#[test]
fn five_megabyte_single_line_of_news() {
    single_line_of_news(5 << 20);
}

// ---------------------------------------------------------------------------
// Public types can cross threads and panic boundaries.

fn assert_thread_and_unwind_safe<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    assert_thread_and_unwind_safe::<Extractor>();
    assert_thread_and_unwind_safe::<geoevents::ExtractorBuilder>();
    assert_thread_and_unwind_safe::<Input<'static>>();
    assert_thread_and_unwind_safe::<geoevents::StageTimes>();
    assert_thread_and_unwind_safe::<Gazetteer>();
    assert_thread_and_unwind_safe::<geoevents::GazetteerBuilder>();
    assert_thread_and_unwind_safe::<geoevents::GazetteerStats>();
    assert_thread_and_unwind_safe::<geoevents::Candidate>();
    assert_thread_and_unwind_safe::<geoevents::Place>();
    assert_thread_and_unwind_safe::<geoevents::PlaceKind>();
    assert_thread_and_unwind_safe::<geoevents::MatchKind>();
    assert_thread_and_unwind_safe::<Document>();
    assert_thread_and_unwind_safe::<geoevents::toponyms::Mention>();
    assert_thread_and_unwind_safe::<geoevents::toponyms::DemonymMention>();
    assert_thread_and_unwind_safe::<geoevents::events::Event>();
    assert_thread_and_unwind_safe::<geoevents::events::Trigger>();
    assert_thread_and_unwind_safe::<geoevents::events::Actor>();
    assert_thread_and_unwind_safe::<geoevents::events::EventLocation>();
    assert_thread_and_unwind_safe::<geoevents::events::ByteSpan>();
    assert_thread_and_unwind_safe::<geoevents::events::DatePrecision>();
    assert_thread_and_unwind_safe::<geoevents::Error>();
    fn assert_error<T: std::error::Error + 'static>() {}
    assert_error::<geoevents::Error>();
    assert_thread_and_unwind_safe::<geoevents::corpus::Record>();
    assert_thread_and_unwind_safe::<Format>();
    // A reader streams from a caller's source: it moves between threads.
    fn assert_send<T: Send>() {}
    assert_send::<Reader>();
}
