//! Output formats: JSON Lines (the output contract), GeoJSON and CSV.

mod csv;
mod geojson;
pub(crate) mod iso_date;
mod jsonl;

pub use self::csv::{CsvWriter, HEADER as CSV_HEADER};
pub use self::geojson::{event_feature, GeoJsonWriter};
pub use self::jsonl::write_jsonl;
