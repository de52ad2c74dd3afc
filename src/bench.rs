//! The benchmark harness behind `geoevents bench`: throughput of the whole
//! pipeline on a corpus, with a per-stage breakdown, gazetteer load time and
//! peak memory.
//!
//! The corpus is read into memory first, so the figures measure extraction,
//! not disk. Output is serialised into a reused buffer and discarded, so the
//! serialise stage is counted without terminal or pipe costs.

use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Record;
use crate::extractor::{Extractor, Input, StageTimes};
use crate::gazetteer::Gazetteer;

/// What to run.
#[derive(Clone, Copy, Debug)]
pub struct BenchOptions {
    /// Worker threads.
    pub threads: usize,
    /// Stop after toponyms (the `places` stage) instead of events.
    pub places_only: bool,
}

/// One stage's share of the work.
#[derive(Clone, Debug, Serialize)]
pub struct StageReport {
    /// Stage name.
    pub stage: &'static str,
    /// CPU milliseconds summed over threads.
    pub ms: f64,
    /// Share of the summed stage time.
    pub share: f64,
}

/// The measurements.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// Worker threads used.
    pub threads: usize,
    /// `places` or `events`.
    pub stage: &'static str,
    /// Documents processed.
    pub docs: usize,
    /// Input bytes.
    pub bytes: usize,
    /// Place mentions found.
    pub places: usize,
    /// Events found.
    pub events: usize,
    /// Wall-clock seconds of the extraction run.
    pub seconds: f64,
    /// Documents per second.
    pub docs_per_s: f64,
    /// Input megabytes (10^6 bytes) per second.
    pub mb_per_s: f64,
    /// Place mentions per second.
    pub places_per_s: f64,
    /// Events per second.
    pub events_per_s: f64,
    /// Time to the bundled gazetteer's first lookup, and the lexicons' first use.
    pub load_ms: f64,
    /// Peak resident set size in MB (Linux), if known.
    pub peak_rss_mb: Option<f64>,
    /// Per-stage breakdown.
    pub stages: Vec<StageReport>,
}

/// Runs the benchmark over `records`.
pub fn run(records: &[Record], opts: BenchOptions) -> Result<BenchReport, crate::Error> {
    let t0 = Instant::now();
    let gaz = Gazetteer::bundled();
    let _ = gaz.lookup("Baghdad");
    let extractor = Extractor::builder().places_only(opts.places_only).build();
    // First use builds the lexicons.
    let _ = extractor.extract("Rockets hit a base near Baghdad on Tuesday, police said.");
    let load = t0.elapsed();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .build()
        .map_err(|e| crate::Error::input(format!("thread pool: {e}")))?;
    let start = Instant::now();
    let (times, places, events, bytes) = pool.install(|| {
        records
            .par_iter()
            .fold(
                || (StageTimes::default(), 0usize, 0usize, 0usize, Vec::<u8>::with_capacity(1 << 16)),
                |(mut t, p, e, b, mut buf), r| {
                    let input = Input::new(&r.text)
                        .with_id(r.id.as_deref())
                        .with_date(r.date)
                        .with_country(r.country.as_deref())
                        .with_source(r.source.as_deref());
                    let doc = extractor.extract_timed(&input, &mut t);
                    let s = Instant::now();
                    buf.clear();
                    // Writing to a Vec cannot fail.
                    let _ = crate::output::write_jsonl(&doc, &mut buf);
                    t.serialise += s.elapsed();
                    (t, p + doc.places.len(), e + doc.events.len(), b + r.text.len(), buf)
                },
            )
            .map(|(t, p, e, b, _)| (t, p, e, b))
            .reduce(
                || (StageTimes::default(), 0, 0, 0),
                |(mut t, p, e, b), (t2, p2, e2, b2)| {
                    t.add(&t2);
                    (t, p + p2, e + e2, b + b2)
                },
            )
    });
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let stages = [
        ("normalise", times.normalise),
        ("match", times.matching),
        ("resolve", times.resolve),
        ("events", times.events),
        ("serialise", times.serialise),
    ];
    let total: Duration = stages.iter().map(|s| s.1).sum();
    let total = total.as_secs_f64().max(1e-12);
    Ok(BenchReport {
        threads: opts.threads.max(1),
        stage: if opts.places_only { "places" } else { "events" },
        docs: records.len(),
        bytes,
        places,
        events,
        seconds: secs,
        docs_per_s: records.len() as f64 / secs,
        mb_per_s: bytes as f64 / 1e6 / secs,
        places_per_s: places as f64 / secs,
        events_per_s: events as f64 / secs,
        load_ms: load.as_secs_f64() * 1000.0,
        peak_rss_mb: peak_rss_mb(),
        stages: stages
            .iter()
            .map(|&(stage, d)| StageReport { stage, ms: d.as_secs_f64() * 1000.0, share: d.as_secs_f64() / total })
            .collect(),
    })
}

/// Peak resident set size of this process in MB, from `/proc` (Linux only).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "stage          {} ({} thread{})",
            self.stage,
            self.threads,
            if self.threads == 1 { "" } else { "s" }
        )?;
        writeln!(f, "documents      {} ({:.1} MB)", self.docs, self.bytes as f64 / 1e6)?;
        writeln!(f, "wall time      {:.3} s", self.seconds)?;
        writeln!(f, "throughput     {:.1} MB/s, {:.0} docs/s", self.mb_per_s, self.docs_per_s)?;
        writeln!(f, "places         {} ({:.0}/s)", self.places, self.places_per_s)?;
        writeln!(f, "events         {} ({:.0}/s)", self.events, self.events_per_s)?;
        writeln!(f, "load           {:.1} ms (gazetteer ready + lexicons built)", self.load_ms)?;
        if let Some(rss) = self.peak_rss_mb {
            writeln!(f, "peak RSS       {rss:.1} MB")?;
        }
        writeln!(f, "stage breakdown (CPU time summed over threads):")?;
        for s in &self.stages {
            writeln!(f, "  {:<10} {:>9.1} ms {:>5.1}%", s.stage, s.ms, s.share * 100.0)?;
        }
        Ok(())
    }
}
