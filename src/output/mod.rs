//! Output formats: JSON Lines (the output contract), GeoJSON and CSV.

mod jsonl;

pub use jsonl::write_jsonl;
