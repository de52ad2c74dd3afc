//! JSON Lines: one `Document` object per line, as in the output contract.

use std::io::Write;

use crate::document::Document;

/// Writes one document as a JSON line.
pub fn write_jsonl<W: Write>(doc: &Document, out: &mut W) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, doc).map_err(io_error)?;
    out.write_all(b"\n")
}

/// Keeps the kind of an I/O error that serde_json wrapped (a closed pipe
/// must stay `BrokenPipe` so the command line can exit quietly).
pub(crate) fn io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    }
}
