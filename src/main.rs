//! The `geoevents` command line: a thin layer over the library.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use geoevents::corpus::{parse_date, Format, Reader, Record};
use geoevents::{Document, Extractor, Gazetteer, Input};

/// Exit codes beyond clap's 2 for usage errors.
mod exit {
    /// Writing output or an internal step failed.
    pub const FAILURE: u8 = 1;
    /// An input file is missing, unreadable or a directory.
    pub const NO_INPUT: u8 = 3;
    /// Some input records were malformed and skipped (the rest were processed).
    pub const BAD_RECORDS: u8 = 4;
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
    },
    /// Extract places and events; prints one JSON document per input document.
    Extract {
        /// Input files: `.txt` (one document) or `.jsonl` (`{"id","text","date"?}` per line); `-` is standard input.
        #[arg(default_value = "-")]
        files: Vec<String>,
        /// Reference date (YYYY-MM-DD) for documents that carry none.
        #[arg(long)]
        date: Option<String>,
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
    },
    /// Gazetteer information.
    Gazetteer {
        #[command(subcommand)]
        what: GazetteerCommand,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON document per line (the output contract).
    Jsonl,
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Counts per kind and the load time of the bundled gazetteer.
    Stats,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { files, date, format, threads, places_only, jsonl } => {
            extract(&files, date.as_deref(), format, threads, places_only, jsonl)
        }
        Command::Lookup { name, limit } => lookup(&name, limit),
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

fn extract(
    files: &[String],
    date: Option<&str>,
    format: OutputFormat,
    threads: Option<usize>,
    places_only: bool,
    stdin_jsonl: bool,
) -> std::io::Result<ExitCode> {
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
    let extractor = Extractor::builder().places_only(places_only).build();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
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
                .map(|r| Input { id: r.id.as_deref(), text: &r.text, date: r.date.or(default_date) })
                .collect();
            let docs = extractor.extract_batch(&inputs);
            for (mut doc, rec) in docs.into_iter().zip(&batch) {
                for w in &rec.warnings {
                    eprintln!("geoevents: warning: {w}");
                }
                doc.warnings.extend(rec.warnings.iter().cloned());
                write_doc(&doc, format, &mut out)?;
                good += 1;
            }
        }
    }
    out.flush()?;
    if bad > 0 {
        eprintln!("geoevents: {good} documents processed, {bad} malformed records skipped");
        return Ok(ExitCode::from(exit::BAD_RECORDS));
    }
    if missing > 0 {
        return Ok(ExitCode::from(exit::NO_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_doc(doc: &Document, format: OutputFormat, out: &mut impl Write) -> std::io::Result<()> {
    match format {
        OutputFormat::Jsonl => geoevents::output::write_jsonl(doc, out),
    }
}

fn lookup(name: &str, limit: usize) -> std::io::Result<ExitCode> {
    let gaz = Gazetteer::bundled();
    let out = std::io::stdout();
    let mut out = out.lock();
    let candidates = gaz.lookup(name);
    for c in candidates.iter().take(limit) {
        let mut v = serde_json::to_value(&c.place).map_err(std::io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("match".into(), serde_json::to_value(c.matched).map_err(std::io::Error::other)?);
            obj.insert("score".into(), serde_json::json!((c.score * 10.0).round() / 10.0));
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
    if let Some(rss) = peak_rss_mb() {
        writeln!(out, "peak_rss_mb\t{rss:.1}")?;
    }
    let _ = first;
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size of this process, from /proc (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
