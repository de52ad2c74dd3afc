//! GeoJSON output (RFC 7946): one FeatureCollection of event Points, the
//! event fields as properties. Events without a location are not features.
//!
//! Written as a stream, feature by feature, so a corpus of any size needs no
//! more memory than one document.

use std::io::Write;

use geojson::{Feature, Geometry, JsonObject, JsonValue};

use crate::document::Document;
use crate::events::{Actor, Event};

/// Streams the events of many documents into one FeatureCollection.
#[derive(Debug)]
pub struct GeoJsonWriter<W: Write> {
    out: W,
    features: usize,
    started: bool,
}

impl<W: Write> GeoJsonWriter<W> {
    /// A writer; nothing is written until the first document or `finish`.
    pub fn new(out: W) -> GeoJsonWriter<W> {
        GeoJsonWriter { out, features: 0, started: false }
    }

    fn start(&mut self) -> std::io::Result<()> {
        if !self.started {
            self.out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            self.started = true;
        }
        Ok(())
    }

    /// Writes the located events of one document as features.
    pub fn write_document(&mut self, doc: &Document) -> std::io::Result<()> {
        self.start()?;
        for (i, ev) in doc.events.iter().enumerate() {
            let Some(feature) = event_feature(doc, i, ev) else { continue };
            if self.features > 0 {
                self.out.write_all(b",")?;
            }
            serde_json::to_writer(&mut self.out, &feature).map_err(super::jsonl::io_error)?;
            self.out.write_all(b"\n")?;
            self.features += 1;
        }
        Ok(())
    }

    /// Closes the collection and returns the inner writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.start()?;
        self.out.write_all(b"]}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Number of features written so far.
    pub fn features(&self) -> usize {
        self.features
    }
}

fn actor_props(props: &mut JsonObject, role: &str, a: Option<&Actor>) {
    let get = |f: fn(&Actor) -> Option<&str>| a.and_then(f).map_or(JsonValue::Null, JsonValue::from);
    props.insert(format!("{role}_name"), get(|a| Some(a.name.as_str())));
    props.insert(format!("{role}_text"), get(|a| Some(a.text.as_str())));
    props.insert(format!("{role}_country"), get(|a| a.country.as_deref()));
    props.insert(format!("{role}_kind"), get(|a| a.kind.as_deref()));
}

/// The feature of one located event.
pub fn event_feature(doc: &Document, index: usize, ev: &Event) -> Option<Feature> {
    let loc = ev.location.as_ref()?;
    let point = geo::Point::new(loc.place.lon, loc.place.lat);
    let geometry = Geometry::new((&point).into());
    let mut p = JsonObject::new();
    p.insert("document_id".into(), doc.id.clone().map_or(JsonValue::Null, JsonValue::from));
    p.insert("event_index".into(), JsonValue::from(index));
    p.insert("type".into(), JsonValue::from(ev.event_type.as_str()));
    p.insert("cameo".into(), ev.cameo.clone().map_or(JsonValue::Null, JsonValue::from));
    p.insert("plover".into(), ev.plover.as_deref().map_or(JsonValue::Null, JsonValue::from));
    p.insert("trigger".into(), JsonValue::from(ev.trigger.text.as_str()));
    p.insert("date".into(), ev.date.map_or(JsonValue::Null, |d| JsonValue::from(d.to_string())));
    p.insert(
        "date_precision".into(),
        ev.date_precision.map_or(JsonValue::Null, |d| serde_json::to_value(d).unwrap_or(JsonValue::Null)),
    );
    actor_props(&mut p, "source", ev.source.as_ref());
    actor_props(&mut p, "target", ev.target.as_ref());
    p.insert("place_id".into(), JsonValue::from(&*loc.place.id));
    p.insert("place_name".into(), JsonValue::from(&*loc.place.name));
    p.insert("place_kind".into(), JsonValue::from(loc.place.kind.as_str()));
    p.insert("country".into(), loc.place.country.clone().map_or(JsonValue::Null, JsonValue::from));
    p.insert("admin1".into(), loc.place.admin1.clone().map_or(JsonValue::Null, JsonValue::from));
    p.insert("geo_precision".into(), JsonValue::from(loc.geo_precision));
    p.insert("killed".into(), ev.killed.map_or(JsonValue::Null, JsonValue::from));
    p.insert("wounded".into(), ev.wounded.map_or(JsonValue::Null, JsonValue::from));
    p.insert("confidence".into(), JsonValue::from((ev.confidence as f64 * 1000.0).round() / 1000.0));
    Some(Feature { bbox: None, geometry: Some(geometry), id: None, properties: Some(p), foreign_members: None })
}
