//! JSON Lines: one `Document` object per line, as in the output contract.

use std::io::Write;

use crate::document::Document;

/// Writes one document as a JSON line.
pub fn write_jsonl<W: Write>(doc: &Document, out: &mut W) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, doc).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}
