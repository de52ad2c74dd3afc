//! Compiles the bundled data files into the gazetteer's compact form.
//!
//! The parsing, normalisation and indexing code is the library's own,
//! included here by path, so the keys written at build time are by
//! construction the keys the library computes at run time. A malformed row in
//! a bundled file fails the build with its file and line.

#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;

#[allow(dead_code, unused_imports)]
#[path = "src/text/mod.rs"]
mod text;

#[allow(dead_code)]
#[path = "src/gazetteer/store/mod.rs"]
mod store;

use std::path::PathBuf;

fn main() {
    for p in [
        "data/gazetteer.tsv.zst",
        "data/supplement.csv",
        "data/demonyms.tsv",
        "src/error.rs",
        "src/text",
        "src/gazetteer/store",
    ] {
        println!("cargo:rerun-if-changed={p}");
    }
    if let Err(e) = run() {
        // A build script reports failure by exiting non-zero with a message.
        eprintln!("error: bundled gazetteer: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let raw = std::fs::read("data/gazetteer.tsv.zst")?;
    let text = String::from_utf8(zstd::stream::decode_all(&raw[..])?)?;
    let mut rows = Vec::new();
    store::tsv::parse_rows(&text, "data/gazetteer.tsv.zst", false, &mut rows)?;
    drop(text);
    let supplement = std::fs::read_to_string("data/supplement.csv")?;
    store::curated::read_supplement(&supplement, "data/supplement.csv", store::row::Origin::Curated, &mut rows, false)?;
    let demonyms =
        store::demonyms::parse_demonyms(&std::fs::read_to_string("data/demonyms.tsv")?, "data/demonyms.tsv")?;
    let bytes = store::compact::write(&rows, &[], &demonyms);
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("gazetteer.bin");
    std::fs::write(out, bytes)?;
    Ok(())
}
