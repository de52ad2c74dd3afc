//! The `geoevents` command line: a thin layer over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use geoevents::corpus::{parse_date, Format, Reader, Record};
use geoevents::{Document, Extractor, Gazetteer, Input, PlaceKind};

// The pipeline allocates many small strings per document (place and actor
// fields); mimalloc's thread-local free lists cut the events stage by about
// a tenth against glibc malloc. Library users keep their own allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes beyond clap's 2 for usage errors.
mod exit {
    /// Writing output or an internal step failed.
    pub const FAILURE: u8 = 1;
    /// An input file is missing, unreadable or a directory.
    pub const NO_INPUT: u8 = 3;
    /// Some input records were malformed and skipped (the rest were processed).
    pub const BAD_RECORDS: u8 = 4;
    /// A gazetteer file given with `--geonames`, `--admin1-codes`,
    /// `--alternate-names`, `--country-info` or `--supplement` is missing,
    /// unreadable or malformed (the message names the file and, for a bad
    /// row, the line; `--lenient` skips bad rows instead). Nothing is output.
    pub const BAD_GAZETTEER: u8 = 5;
}

/// Documents extracted in parallel per batch: large enough to keep every
/// core busy, small enough that memory stays flat on endless inputs.
const BATCH: usize = 512;

#[derive(Parser)]
#[command(name = "geoevents", version, about = "Geocoded events from English news text, offline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the ranked gazetteer candidates for a place name, as JSON lines.
    Lookup {
        /// The name to look up ("Ain al-Asad", "Deir ez-Zor", …).
        name: String,
        /// How many candidates to print.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Extract places and events; prints one JSON document per input document.
    Extract {
        /// Input files: `.txt` (one document) or `.jsonl` (`{"id","text","date"?}` per line); `-` is standard input.
        #[arg(default_value = "-")]
        files: Vec<String>,
        /// Reference date (YYYY-MM-DD) for documents that carry none.
        #[arg(long)]
        date: Option<String>,
        /// The country the stories come from (ISO code or name: "KE", "Kenya")
        /// for documents whose JSONL record names none (in `country`, or in its
        /// outlet `source`); weak evidence for
        /// ambiguous names and for events that name no place.
        #[arg(long)]
        country: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
        format: OutputFormat,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Skip event extraction (places and demonyms only).
        #[arg(long)]
        places_only: bool,
        /// Read standard input as JSON Lines rather than one text.
        #[arg(long)]
        jsonl: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Measure throughput on your own corpora: docs/s, MB/s, places/s, events/s,
    /// a per-stage breakdown, gazetteer load time and peak RSS.
    Bench {
        /// Corpora: `.txt` or `.jsonl` files.
        #[arg(required = true)]
        corpus: Vec<String>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Stop after places, or run the full event pipeline.
        #[arg(long, value_enum, default_value_t = BenchStage::Events)]
        stage: BenchStage,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Gazetteer information.
    Gazetteer {
        #[command(subcommand)]
        what: GazetteerCommand,
    },
}

/// User gazetteer data loaded beside the bundled gazetteer.
#[derive(Args, Clone, Debug, Default)]
struct DataArgs {
    /// A GeoNames geoname table to add (`allCountries.txt`, `cities500.txt`, `IQ.txt`, …); repeatable.
    #[arg(long, value_name = "FILE")]
    geonames: Vec<PathBuf>,
    /// GeoNames `admin1CodesASCII.txt`, naming the provinces of places read with `--geonames`.
    #[arg(long, value_name = "FILE")]
    admin1_codes: Vec<PathBuf>,
    /// GeoNames `alternateNamesV2.txt`: extra names for places already loaded.
    #[arg(long, value_name = "FILE")]
    alternate_names: Vec<PathBuf>,
    /// GeoNames `countryInfo.txt`: country names and capitals.
    #[arg(long, value_name = "FILE")]
    country_info: Vec<PathBuf>,
    /// A supplement CSV (`id,name,variants,lat,lon,kind,country,admin1,source`); repeatable.
    #[arg(long, value_name = "FILE")]
    supplement: Vec<PathBuf>,
    /// Skip malformed rows of these files (and say how many) instead of failing.
    #[arg(long)]
    lenient: bool,
}

impl DataArgs {
    fn is_empty(&self) -> bool {
        self.geonames.is_empty()
            && self.admin1_codes.is_empty()
            && self.alternate_names.is_empty()
            && self.country_info.is_empty()
            && self.supplement.is_empty()
    }

    /// The bundled gazetteer plus the user's files, or `None` when none were
    /// given (use the bundled one as is). On error the message has been printed
    /// and the exit code is returned.
    fn load(&self) -> Result<Option<Gazetteer>, ExitCode> {
        if self.is_empty() {
            return Ok(None);
        }
        let mut b = Gazetteer::builder().lenient(self.lenient);
        for p in &self.supplement {
            b = b.supplement(p);
        }
        for p in &self.admin1_codes {
            b = b.geonames_admin1(p);
        }
        for p in &self.geonames {
            b = b.geonames(p);
        }
        for p in &self.country_info {
            b = b.geonames_country_info(p);
        }
        for p in &self.alternate_names {
            b = b.geonames_alternate_names(p);
        }
        match b.build() {
            Ok(g) => {
                let skipped = g.stats().skipped_rows;
                if skipped > 0 {
                    eprintln!("geoevents: {skipped} malformed rows skipped");
                }
                Ok(Some(g))
            }
            Err(e) => {
                eprintln!("geoevents: {e}");
                if !self.lenient && e.line().is_some() {
                    eprintln!("geoevents: use --lenient to skip malformed rows");
                }
                Err(ExitCode::from(exit::BAD_GAZETTEER))
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BenchStage {
    /// Toponyms only.
    Places,
    /// The whole pipeline.
    Events,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON document per line (the output contract).
    Jsonl,
    /// One RFC 7946 FeatureCollection of event points.
    Geojson,
    /// One row per event, with a header.
    Csv,
}

/// The writer for the chosen format.
enum Sink<W: Write> {
    Jsonl(W),
    Geojson(geoevents::output::GeoJsonWriter<W>),
    Csv(Box<geoevents::output::CsvWriter<W>>),
}

impl<W: Write> Sink<W> {
    fn new(format: OutputFormat, out: W) -> Sink<W> {
        match format {
            OutputFormat::Jsonl => Sink::Jsonl(out),
            OutputFormat::Geojson => Sink::Geojson(geoevents::output::GeoJsonWriter::new(out)),
            OutputFormat::Csv => Sink::Csv(Box::new(geoevents::output::CsvWriter::new(out))),
        }
    }

    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        match self {
            Sink::Jsonl(w) => geoevents::output::write_jsonl(doc, w),
            Sink::Geojson(w) => w.write_document(doc),
            Sink::Csv(w) => w.write_document(doc),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Jsonl(mut w) => w.flush(),
            Sink::Geojson(w) => w.finish().map(drop),
            Sink::Csv(w) => w.finish().map(drop),
        }
    }
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Counts per kind and the load time of the bundled gazetteer.
    Stats,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { files, date, country, format, threads, places_only, jsonl, data } => {
            let opts =
                ExtractOptions { date: date.as_deref(), country: country.as_deref(), format, threads, places_only };
            extract(&files, &opts, jsonl, &data)
        }
        Command::Lookup { name, limit, data } => lookup(&name, limit, &data),
        Command::Bench { corpus, threads, stage, json } => bench(&corpus, threads, stage, json),
        Command::Gazetteer { what: GazetteerCommand::Stats } => stats(),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("geoevents: {e}");
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// What `extract` applies to every document.
struct ExtractOptions<'a> {
    date: Option<&'a str>,
    country: Option<&'a str>,
    format: OutputFormat,
    threads: Option<usize>,
    places_only: bool,
}

fn extract(
    files: &[String],
    opts: &ExtractOptions<'_>,
    stdin_jsonl: bool,
    data: &DataArgs,
) -> std::io::Result<ExitCode> {
    let &ExtractOptions { date, country, format, threads, places_only } = opts;
    let default_date = match date {
        None => None,
        Some(d) => match parse_date(d) {
            Some(d) => Some(d),
            None => {
                eprintln!("geoevents: --date {d:?} is not YYYY-MM-DD");
                return Ok(ExitCode::from(2));
            }
        },
    };
    if let Some(n) = threads {
        // Ignore the error of a pool already built (only possible in tests).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let gazetteer = match data.load() {
        Ok(g) => g,
        Err(code) => return Ok(code),
    };
    let mut builder = Extractor::builder().places_only(places_only).default_country(country);
    if let Some(g) = gazetteer {
        builder = builder.gazetteer(g);
    }
    let extractor = builder.build();
    if let Some(c) = country {
        let g = extractor.gazetteer();
        let known = g.country(c).is_some() || g.lookup(c).first().is_some_and(|k| k.place.kind == PlaceKind::Country);
        if !known {
            eprintln!("geoevents: --country {c:?} is neither an ISO 3166-1 alpha-2 code nor a country name");
            return Ok(ExitCode::from(2));
        }
    }
    let stdout = std::io::stdout();
    let mut out = Sink::new(format, std::io::BufWriter::with_capacity(1 << 16, stdout.lock()));
    let (mut good, mut bad, mut missing) = (0usize, 0usize, 0usize);
    for name in files {
        let reader = if name == "-" {
            let fmt = if stdin_jsonl { Format::JsonLines } else { Format::Text };
            Reader::new(Box::new(std::io::BufReader::new(std::io::stdin())), "<stdin>".into(), fmt)
        } else {
            match Reader::open(std::path::Path::new(name), None) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("geoevents: {e}");
                    missing += 1;
                    continue;
                }
            }
        };
        let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
        let mut reader = reader.peekable();
        loop {
            batch.clear();
            while batch.len() < BATCH {
                match reader.next() {
                    None => break,
                    Some(Ok(r)) => batch.push(r),
                    Some(Err(e)) => {
                        eprintln!("geoevents: {e}");
                        bad += 1;
                        if e.is_io() {
                            break;
                        }
                    }
                }
            }
            if batch.is_empty() && reader.peek().is_none() {
                break;
            }
            let inputs: Vec<Input<'_>> = batch
                .iter()
                .map(|r| {
                    Input::new(&r.text)
                        .with_id(r.id.as_deref())
                        .with_date(r.date.or(default_date))
                        .with_country(r.country.as_deref())
                        .with_source(r.source.as_deref())
                })
                .collect();
            let docs = extractor.extract_batch(&inputs);
            for (mut doc, rec) in docs.into_iter().zip(&batch) {
                for w in &rec.warnings {
                    eprintln!("geoevents: warning: {w}");
                }
                doc.warnings.extend(rec.warnings.iter().cloned());
                out.write(&doc)?;
                good += 1;
            }
        }
    }
    out.finish()?;
    if bad > 0 {
        eprintln!("geoevents: {good} documents processed, {bad} malformed records skipped");
        return Ok(ExitCode::from(exit::BAD_RECORDS));
    }
    if missing > 0 {
        return Ok(ExitCode::from(exit::NO_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(corpus: &[String], threads: Option<usize>, stage: BenchStage, json: bool) -> std::io::Result<ExitCode> {
    let mut records = Vec::new();
    let mut bad = 0usize;
    for name in corpus {
        let reader = match Reader::open(std::path::Path::new(name), None) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("geoevents: {e}");
                return Ok(ExitCode::from(exit::NO_INPUT));
            }
        };
        for r in reader {
            match r {
                Ok(r) => records.push(r),
                Err(_) => bad += 1,
            }
        }
    }
    if bad > 0 {
        eprintln!("geoevents: {bad} malformed records skipped");
    }
    let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let opts = geoevents::bench::BenchOptions { threads, places_only: stage == BenchStage::Places };
    let report = geoevents::bench::run(&records, opts).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &report).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn lookup(name: &str, limit: usize, data: &DataArgs) -> std::io::Result<ExitCode> {
    let loaded = match data.load() {
        Ok(g) => g,
        Err(code) => return Ok(code),
    };
    let gaz: &Gazetteer = match &loaded {
        Some(g) => g,
        None => Gazetteer::bundled(),
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let candidates = gaz.lookup(name);
    for c in candidates.iter().take(limit) {
        let mut v = serde_json::to_value(&c.place).map_err(std::io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("match".into(), serde_json::to_value(c.matched).map_err(std::io::Error::other)?);
            obj.insert("score".into(), serde_json::json!((f64::from(c.score) * 10.0).round() / 10.0));
        }
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    Ok(if candidates.is_empty() { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

fn stats() -> std::io::Result<ExitCode> {
    let t0 = std::time::Instant::now();
    let gaz = Gazetteer::bundled();
    let first = gaz.lookup("Baghdad");
    let ready = t0.elapsed();
    let s = gaz.stats();
    let mut out = std::io::stdout().lock();
    writeln!(out, "places\t{}", s.places)?;
    for (kind, n) in &s.by_kind {
        writeln!(out, "  {kind}\t{n}")?;
    }
    writeln!(out, "names\t{}", s.names)?;
    writeln!(out, "demonyms\t{}", s.demonyms)?;
    writeln!(out, "skipped_rows\t{}", s.skipped_rows)?;
    writeln!(out, "load_ms\t{:.1}", s.load_ms)?;
    writeln!(out, "first_lookup_ready_ms\t{:.1}", ready.as_secs_f64() * 1000.0)?;
    if let Some(rss) = geoevents::bench::peak_rss_mb() {
        writeln!(out, "peak_rss_mb\t{rss:.1}")?;
    }
    let _ = first;
    Ok(ExitCode::SUCCESS)
}
