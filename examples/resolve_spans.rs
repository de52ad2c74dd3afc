//! Resolve place spans found by your own NER (or gold spans) with geoevents.
//!
//! Reads JSON Lines on standard input, one `{"id", "text", "spans": [[start,
//! end], …]}` object per line (UTF-8 byte offsets into `text`), and writes one
//! output-contract document per line whose `places` are the resolved spans
//! (spans that name nothing known are left out).
//!
//!     cargo run --release --example resolve_spans < spans.jsonl > resolved.jsonl

use std::io::{BufRead, Write};

use geoevents::{Document, Extractor};
use serde::Deserialize;

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    spans: Vec<(usize, usize)>,
}

fn main() -> std::io::Result<()> {
    let extractor = Extractor::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Line = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("line {}: {e}", n + 1);
                continue;
            }
        };
        let places = extractor.resolve_spans(&rec.text, &rec.spans).into_iter().flatten().collect();
        let id = rec.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            v => v.to_string(),
        });
        let doc = Document { id, places, ..Document::default() };
        serde_json::to_writer(&mut out, &doc)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
