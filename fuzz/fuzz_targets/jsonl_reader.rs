//! Arbitrary bytes as a JSON Lines corpus (and as a text file): the reader
//! yields one item per non-blank line, an error item names its line, and it
//! never panics.

#![no_main]

use std::io::Cursor;

use geoevents::corpus::{Format, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Reader::new(Box::new(Cursor::new(data.to_vec())), "fuzz.jsonl".into(), Format::JsonLines);
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    let mut items = 0;
    let mut last_line = 0;
    for item in reader {
        items += 1;
        match item {
            Ok(rec) => {
                assert!(rec.warnings.iter().all(|w| w.starts_with("fuzz.jsonl:")), "{:?}", rec.warnings);
            }
            Err(e) => {
                let line = e.line().expect("a malformed record names its line");
                assert!(line > last_line, "lines increase");
                last_line = line;
                assert!(e.to_string().starts_with("fuzz.jsonl:"), "{e}");
            }
        }
    }
    assert_eq!(items, lines, "one item per non-blank line");
    let mut text = Reader::new(Box::new(Cursor::new(data.to_vec())), "fuzz.txt".into(), Format::Text);
    let rec = text.next().expect("one document").expect("text never fails");
    assert_eq!(rec.text, String::from_utf8_lossy(data));
    assert!(text.next().is_none());
});
