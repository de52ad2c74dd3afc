//! The `geoevents` command line: a thin layer over the library.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use geoevents::Gazetteer;

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
    /// Gazetteer information.
    Gazetteer {
        #[command(subcommand)]
        what: GazetteerCommand,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Counts per kind and the load time of the bundled gazetteer.
    Stats,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lookup { name, limit } => lookup(&name, limit),
        Command::Gazetteer { what: GazetteerCommand::Stats } => stats(),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("geoevents: {e}");
            ExitCode::from(1)
        }
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
