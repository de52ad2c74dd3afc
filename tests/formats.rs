//! Output formats: GeoJSON parses back with the geojson crate with a Point
//! per feature, and CSV has its header and exactly one row per event.

use geoevents::output::{CsvWriter, GeoJsonWriter, CSV_HEADER};
use geoevents::{Document, Extractor, Input};

const STORY: &str = "Rockets struck a base near the al-Omar oil field in Syria’s Deir ez-Zor province on \
Monday, a coalition spokesman said. Hours later, a drone attack on the Harir air base in Iraq wounded two \
contractors. Gunmen killed three policemen at a checkpoint outside Kirkuk on Sunday. Washington said it would \
respond.";

fn docs() -> Vec<Document> {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 24);
    let ex = Extractor::new();
    vec![
        ex.extract_input(&Input::new(STORY).with_id(Some("a")).with_date(date)),
        ex.extract_input(&Input::new("Nothing happened here.").with_id(Some("b")).with_date(date)),
        ex.extract_input(&Input::new("Protesters marched in Nairobi on Friday.").with_id(Some("c")).with_date(date)),
    ]
}

#[test]
fn geojson_round_trips_with_a_point_per_feature() {
    let docs = docs();
    let located: usize = docs.iter().map(|d| d.events.iter().filter(|e| e.location.is_some()).count()).sum();
    assert!(located >= 4, "the story has at least four located events, got {located}");
    let mut w = GeoJsonWriter::new(Vec::new());
    for d in &docs {
        w.write_document(d).unwrap();
    }
    assert_eq!(w.features(), located);
    let bytes = w.finish().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let gj: geojson::GeoJson = text.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = gj else { panic!("not a FeatureCollection") };
    assert_eq!(fc.features.len(), located);
    for f in &fc.features {
        let g = f.geometry.as_ref().expect("every feature has a geometry");
        let geojson::GeometryValue::Point { coordinates } = &g.value else { panic!("not a Point: {:?}", g.value) };
        let (lon, lat) = (coordinates[0], coordinates[1]);
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        let props = f.properties.as_ref().unwrap();
        assert!(props.get("type").and_then(|t| t.as_str()).is_some_and(|t| !t.is_empty()));
        assert!(props.contains_key("date") && props.contains_key("killed") && props.contains_key("place_name"));
    }
    // Nothing written still gives a valid, empty collection.
    let empty = String::from_utf8(GeoJsonWriter::new(Vec::new()).finish().unwrap()).unwrap();
    let gj: geojson::GeoJson = empty.parse().unwrap();
    assert!(matches!(gj, geojson::GeoJson::FeatureCollection(fc) if fc.features.is_empty()));
}

#[test]
fn csv_has_a_header_and_one_row_per_event() {
    let docs = docs();
    let events: usize = docs.iter().map(|d| d.events.len()).sum();
    assert!(events >= 4);
    let mut w = CsvWriter::new(Vec::new());
    for d in &docs {
        w.write_document(d).unwrap();
    }
    let bytes = w.finish().unwrap();
    let mut rdr = csv::Reader::from_reader(&bytes[..]);
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, CSV_HEADER.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events);
    let killed = header.iter().position(|h| h == "killed").unwrap();
    assert!(rows.iter().any(|r| &r[killed] == "3"), "the Kirkuk attack killed three");
    // No events: the header alone.
    let bytes = CsvWriter::new(Vec::new()).finish().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.starts_with("document_id,"));
}

/// Every event carries its PLOVER category in all three formats: ACLED
/// sub-types mapped (an air strike is `fight`, a protest `protest`), PLOVER
/// types as themselves.
#[test]
fn events_carry_their_plover_category() {
    let ex = geoevents::Extractor::new();
    let doc = ex.extract(
        "Israeli warplanes struck Gaza City on Tuesday. Hamas threatened to retaliate. Hundreds of teachers protested in Nairobi.",
    );
    let plover = |t: &str| doc.events.iter().find(|e| e.event_type == t).and_then(|e| e.plover.as_deref());
    assert_eq!(plover("air_drone_strike"), Some("fight"), "{:?}", doc.events);
    assert_eq!(plover("threaten"), Some("threaten"), "{:?}", doc.events);
    assert_eq!(plover("peaceful_protest"), Some("protest"), "{:?}", doc.events);
    let mut line = Vec::new();
    geoevents::output::write_jsonl(&doc, &mut line).unwrap();
    let line = String::from_utf8(line).unwrap();
    assert!(line.contains("\"plover\":\"fight\""), "{line}");
    let mut w = CsvWriter::new(Vec::new());
    w.write_document(&doc).unwrap();
    let csv = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(csv.lines().next().unwrap().contains(",plover,"), "{csv}");
    assert!(csv.contains(",fight,"), "{csv}");
    let mut w = GeoJsonWriter::new(Vec::new());
    w.write_document(&doc).unwrap();
    let geojson = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(geojson.contains("\"plover\":\"fight\""), "{geojson}");
}
