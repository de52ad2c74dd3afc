//! Extraction benchmarks, reported in MB/s (`Throughput::Bytes`):
//!
//! - `sentence/*`, `article_5k/*`, `article_100k/*`: one sentence, a ~5 KB
//!   self-written news article, and that article's paragraphs repeated to
//!   ~100 KB; `places` stops after toponyms, `events` runs the whole pipeline.
//! - `corpus/*`: the first 2,000 records of `../shared/eval/news/reuters21578.jsonl`
//!   when that file is present (or the JSONL file named by
//!   `GEOEVENTS_BENCH_CORPUS`), else a corpus generated here from self-written
//!   sentence templates; one thread (`places`, `events`) and all cores
//!   (`events_batch`, `Extractor::extract_batch`).
//! - `doc_length/*`: one document of ~1 KB, 10 KB, 100 KB and 1 MB made by
//!   concatenating stories of the same corpus: how cost grows with document
//!   length (`events/1m` only with `GEOEVENTS_BENCH_1MB_EVENTS=1`: it is slow).
//! - `gazetteer_size/*`: places-only extraction of the same corpus with the
//!   bundled gazetteer, the bundled data rebuilt by `GazetteerBuilder`, and the
//!   bundled data plus 250,000 generated places (500,000 extra names).
//!
//! Every bench computes its expected counts once, checks that a second run
//! gives the same, and asserts them inside the timed loop, so a speed run is
//! also a correctness run. Run one group with e.g.
//! `cargo bench --bench extract -- corpus`.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use geoevents::corpus::Reader;
use geoevents::{Document, Extractor, Gazetteer, Input};

mod common;
use common::{made_up_name, Rng};

/// One sentence (the README's example, with the country named: without it,
/// the lone al-Qa’im is dropped as an unsupported foreign town at 6840529).
const SENTENCE: &str =
    "US forces carried out airstrikes on Tuesday in al-Qa’im, in western Iraq near the Syrian border.";

/// A self-written ~5 KB news article (no third-party text).
const ARTICLE: &str = r#"BAGHDAD — Rockets struck a military base in western Iraq on Tuesday, wounding at least three soldiers, officials said, in the latest of a series of attacks on facilities that host international forces.

The rockets hit Ain al-Asad air base in Anbar province shortly after dawn, according to a statement from the Iraqi security media cell. Two of the wounded were taken to a hospital in Ramadi, the provincial capital, and a third was treated at the base.

No group immediately claimed responsibility. A previously unknown group calling itself the Islamic Resistance in Iraq has claimed dozens of similar attacks since October, most of them on bases near Erbil, in the Kurdistan region, and on the Al-Tanf garrison in Syria near the Jordanian border.

Hours later, US forces carried out airstrikes near al-Qa’im, a border town on the Euphrates, and in Deir ez-Zor province across the frontier in Syria, a spokesman for the Pentagon said in Washington. He said the strikes targeted weapons depots and a command post used by militias backed by Iran.

The Iraqi government condemned the strikes as a violation of its sovereignty. "Iraq will not be an arena for settling scores," a government spokesman said in a televised address from Baghdad. The foreign ministry summoned the American charge d'affaires.

In Mosul, Iraq's second city, residents said they heard explosions overnight but officials later said these came from a controlled demolition of unexploded ordnance found in the old city. Reconstruction of Mosul has been slow since it was retaken from Islamic State militants in 2017.

Further south, protesters gathered in Basra for a third day to demand better electricity and water services as temperatures rose above 45 degrees Celsius. Police used tear gas to disperse a crowd outside the provincial council building, and at least 12 people were injured, a medical source said.

In neighbouring Syria, a car bomb exploded at a checkpoint outside Aleppo on Monday, killing four people, the Syrian Observatory for Human Rights said. The monitor, which is based in Britain, said the checkpoint was run by a Turkish-backed faction. Clashes were also reported near Idlib and in the countryside east of Homs.

Diplomats met in Geneva on Wednesday to discuss a ceasefire, while officials in Damascus said they were ready to take part in talks in Amman, the capital of Jordan. Turkey's foreign minister was expected in Tehran later in the week, and a delegation from Qatar was due in Beirut.

Oil prices rose on the news. Brent crude climbed 2 percent in London trading, and analysts in New York and Singapore said traders were worried about supply from the Gulf. Shipping through the Strait of Hormuz was normal, according to port officials in Dubai.

In Kirkuk, a city claimed by both the federal government and the Kurdistan regional government, a roadside bomb damaged a military vehicle on the road to Tikrit, injuring two soldiers. Security forces said they arrested five suspects in the village of Hawija.

Meanwhile in Afghanistan, a blast at a mosque in Kandahar killed at least seven worshippers during Friday prayers, a local official said. The Taliban administration in Kabul said it had opened an investigation.

Across the region, aid agencies warned that funding cuts would force them to close clinics in camps near Mosul and Dohuk, where tens of thousands of displaced people still live. The United Nations refugee agency said it needed 400 million dollars to continue operations in Iraq and Syria this year.

In Yemen, the Houthis said they fired missiles at ships in the Red Sea near the port of Hodeidah, and the government in Aden accused them of endangering international shipping. Fighting continued near Marib, the last government stronghold in the north.

The attacks come as the United States and Iraq hold talks on the future of the international coalition, which has about 2,500 troops in Iraq and 900 in Syria. Officials said the next round would be held in Baghdad next month.

In Lebanon, Israeli drones struck a car near the southern city of Tyre, killing two men whom Hezbollah later described as its fighters. Residents of villages near Nabatieh said shelling continued into the evening, and several families left for Sidon and Beirut.

Elsewhere, Somali officials said al-Shabaab fighters attacked a police station in the outskirts of Mogadishu before dawn on Thursday, and at least five attackers and two officers died in the gunfight. In Nigeria, gunmen kidnapped 20 students from a school near Kaduna, police said, the third such abduction in the state this year.

In Ukraine, Russian missiles hit energy facilities in Kharkiv and Odesa overnight, the regional governors said, leaving tens of thousands of homes without power, while air defences shot down drones over Kyiv."#;

/// Places the article bench must find: (surface prefix, country).
const ARTICLE_PLACES: &[(&str, &str)] = &[
    ("Baghdad", "IQ"),
    ("Ramadi", "IQ"),
    ("al-Qa’im", "IQ"),
    ("Deir ez-Zor", "SY"),
    ("Mosul", "IQ"),
    ("Basra", "IQ"),
    ("Aleppo", "SY"),
    ("Damascus", "SY"),
    ("Amman", "JO"),
    ("Kandahar", "AF"),
    ("Kabul", "AF"),
    ("Aden", "YE"),
    ("Mogadishu", "SO"),
    ("Kharkiv", "UA"),
];

/// Default throughput corpus, relative to the package root (where cargo runs benches).
const REUTERS: &str = "../shared/eval/news/reuters21578.jsonl";
/// Records of the corpus used.
const CORPUS_DOCS: usize = 2_000;
/// Generated places added in `gazetteer_size/*`.
const EXTRA_PLACES: usize = 250_000;

fn config() -> Criterion {
    Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

fn reference_date() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 1, 24)
}

fn extractor(places_only: bool) -> Extractor {
    Extractor::builder().places_only(places_only).build()
}

fn stage(places_only: bool) -> &'static str {
    if places_only {
        "places"
    } else {
        "events"
    }
}

/// (place mentions, events) of one document.
fn counts(doc: &Document) -> (usize, usize) {
    (doc.places.len(), doc.events.len())
}

/// Extracts `text`, checks that offsets point at the mentions' surfaces, and
/// that a second run gives the same counts.
fn checked_doc(ex: &Extractor, text: &str) -> Document {
    let input = Input::new(text).with_date(reference_date());
    let doc = ex.extract_input(&input);
    for m in &doc.places {
        assert_eq!(&text[m.start..m.end], m.text, "mention offsets must point at its surface");
    }
    assert_eq!(counts(&ex.extract_input(&input)), counts(&doc), "extraction must be deterministic");
    doc
}

/// Asserts that `doc` found every place in `want` (by surface prefix and country).
fn assert_found(doc: &Document, want: &[(&str, &str)], what: &str) {
    for &(name, cc) in want {
        assert!(
            doc.places.iter().any(|m| m.text.starts_with(name) && m.place.country.as_deref() == Some(cc)),
            "{what}: {name} ({cc}) not found; found {:?}",
            doc.places.iter().map(|m| (&m.text, &m.place.country)).collect::<Vec<_>>()
        );
    }
}

/// Times one text; the counts are asserted inside the timed loop.
fn bench_one(
    g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ex: &Extractor,
    name: &str,
    text: &str,
    want: (usize, usize),
) {
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(name, |b| {
        b.iter(|| {
            let doc = ex.extract_input(&Input::new(black_box(text)).with_date(reference_date()));
            assert_eq!(counts(&doc), want);
            doc
        })
    });
}

/// The article's paragraphs repeated until the text reaches `min_bytes`.
fn repeated_article(min_bytes: usize) -> String {
    let paras: Vec<&str> = ARTICLE.split("\n\n").collect();
    let mut out = String::with_capacity(min_bytes + ARTICLE.len());
    for p in paras.iter().cycle() {
        if out.len() >= min_bytes {
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

fn bench_texts(c: &mut Criterion) {
    let long = repeated_article(100_000);
    let mut g = c.benchmark_group("extract");
    for places_only in [true, false] {
        let ex = extractor(places_only);
        let st = stage(places_only);

        let doc = checked_doc(&ex, SENTENCE);
        assert_found(&doc, &[("al-Qa’im", "IQ")], "sentence");
        if !places_only {
            let strike = doc.events.iter().find(|e| e.event_type == "air_drone_strike").expect("an air strike event");
            assert_eq!(strike.date, NaiveDate::from_ymd_opt(2024, 1, 23), "\"on Tuesday\" before 2024-01-24");
        }
        bench_one(&mut g, &ex, &format!("sentence/{st}"), SENTENCE, counts(&doc));

        let doc = checked_doc(&ex, ARTICLE);
        assert_found(&doc, ARTICLE_PLACES, "article");
        assert!(doc.places.len() >= 50, "article: only {} place mentions", doc.places.len());
        if !places_only {
            assert!(doc.events.iter().any(|e| e.event_type == "air_drone_strike"), "article: no air strike event");
        }
        bench_one(&mut g, &ex, &format!("article_5k/{st}"), ARTICLE, counts(&doc));

        let big = checked_doc(&ex, &long);
        assert_found(&big, ARTICLE_PLACES, "article_100k");
        assert!(big.places.len() >= 10 * doc.places.len(), "article_100k: {} mentions", big.places.len());
        bench_one(&mut g, &ex, &format!("article_100k/{st}"), &long, counts(&big));
    }
    g.finish();
}

// ---------------------------------------------------------------- corpus

/// Well-known, unambiguous places used by the generated corpus.
const GEN_PLACES: &[&str] = &[
    "Baghdad",
    "Mosul",
    "Basra",
    "Kirkuk",
    "Erbil",
    "Damascus",
    "Aleppo",
    "Homs",
    "Kabul",
    "Kandahar",
    "Nairobi",
    "Mogadishu",
    "Khartoum",
    "Benghazi",
    "Lagos",
    "Cairo",
    "Karachi",
    "Lahore",
    "Tehran",
    "Beirut",
    "Amman",
    "Sanaa",
    "Aden",
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Donetsk",
    "Tokyo",
    "Jakarta",
    "Manila",
    "Nigeria",
    "Somalia",
    "Yemen",
    "Afghanistan",
    "Pakistan",
    "Ukraine",
    "Kenya",
    "Sudan",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// Self-written sentence templates; `{P}` is a place, `{D}` a weekday.
const TEMPLATES: &[&str] = &[
    "Police in {P} said two people were killed on {D} when a bomb exploded near a busy market.",
    "Gunmen attacked a checkpoint outside {P} on {D}, killing three soldiers, a military spokesman said.",
    "Officials from {P} and {P} met on {D} to discuss trade and border security.",
    "Shares rose in {P} after the central bank cut interest rates by half a percentage point.",
    "Heavy rain caused flooding in parts of {P}, and hundreds of families left their homes.",
    "The company said it would open a new factory near {P} next year, creating 800 jobs.",
    "Hundreds of protesters marched through {P} on {D} to demand higher wages and lower prices.",
    "An airstrike hit a building in {P} overnight, residents said, but there was no word on casualties.",
    "The minister arrived in {P} on {D} for talks on the ceasefire.",
    "Analysts said demand for wheat in {P} was likely to grow this season.",
    "Aid agencies said food supplies in {P} were running low after weeks of fighting.",
    "The government said the new road between {P} and {P} would be finished by the end of the year.",
];

/// A corpus from the templates: 2,000 documents of 4–9 sentences. Returns
/// the records and the number of place names inserted.
fn generated_corpus() -> (Vec<geoevents::corpus::Record>, usize) {
    let mut rng = Rng(0x51_7cc1_b727_220a);
    let mut inserted = 0;
    let records = (0..CORPUS_DOCS)
        .map(|i| {
            let mut text = String::new();
            for _ in 0..4 + rng.below(6) {
                let t = rng.pick(TEMPLATES);
                let mut s = String::with_capacity(t.len() + 16);
                let mut rest = t;
                while let Some(pos) = rest.find('{') {
                    s.push_str(&rest[..pos]);
                    match &rest[pos..pos + 3] {
                        "{P}" => {
                            s.push_str(rng.pick(GEN_PLACES));
                            inserted += 1;
                        }
                        _ => s.push_str(rng.pick(DAYS)),
                    }
                    rest = &rest[pos + 3..];
                }
                s.push_str(rest);
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&s);
            }
            geoevents::corpus::Record {
                id: Some(format!("gen-{i}")),
                text,
                date: reference_date(),
                country: None,
                source: None,
                warnings: Vec::new(),
            }
        })
        .collect();
    (records, inserted)
}

/// The corpus for `corpus/*`, `doc_length/*` and `gazetteer_size/*`: a label,
/// the records and, for the generated corpus, the number of inserted places.
fn load_corpus() -> (String, Vec<geoevents::corpus::Record>, Option<usize>) {
    let (path, from_env) = match std::env::var("GEOEVENTS_BENCH_CORPUS") {
        Ok(p) if !p.is_empty() => (PathBuf::from(p), true),
        _ => (PathBuf::from(REUTERS), false),
    };
    let why = if path.is_file() {
        match Reader::open(&path, None) {
            Ok(reader) => {
                let records: Vec<_> = reader.filter_map(Result::ok).take(CORPUS_DOCS).collect();
                if !records.is_empty() {
                    let label = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    println!(
                        "corpus: first {} records of {} ({:.2} MB){}",
                        records.len(),
                        path.display(),
                        records.iter().map(|r| r.text.len()).sum::<usize>() as f64 / 1e6,
                        if from_env { " (from GEOEVENTS_BENCH_CORPUS)" } else { "" }
                    );
                    return (label, records, None);
                }
                format!("{} has no readable records", path.display())
            }
            Err(e) => format!("{} cannot be read: {e}", path.display()),
        }
    } else {
        format!("{} is not present", path.display())
    };
    let (records, inserted) = generated_corpus();
    println!(
        "corpus: generated from self-written templates ({} documents, {:.2} MB, {inserted} place names inserted) because {why}",
        records.len(),
        records.iter().map(|r| r.text.len()).sum::<usize>() as f64 / 1e6,
    );
    (String::from("generated"), records, Some(inserted))
}

fn inputs(records: &[geoevents::corpus::Record]) -> Vec<Input<'_>> {
    records.iter().map(|r| Input::new(&r.text).with_id(r.id.as_deref()).with_date(r.date)).collect()
}

/// (place mentions, events) over a corpus, one thread.
fn corpus_counts(ex: &Extractor, inputs: &[Input<'_>]) -> (usize, usize) {
    inputs.iter().fold((0, 0), |(p, e), i| {
        let (dp, de) = counts(&ex.extract_input(i));
        (p + dp, e + de)
    })
}

/// Counts once, checks a second run agrees, and prints them with the time.
fn stable_corpus_counts(ex: &Extractor, inputs: &[Input<'_>], what: &str) -> (usize, usize) {
    let t0 = Instant::now();
    let first = corpus_counts(ex, inputs);
    let secs = t0.elapsed().as_secs_f64();
    assert_eq!(corpus_counts(ex, inputs), first, "{what}: a second run must give the same counts");
    println!("{what}: {} place mentions, {} events (first pass {secs:.2} s)", first.0, first.1);
    first
}

fn bench_corpus(c: &mut Criterion) {
    let (label, records, inserted) = load_corpus();
    let inputs = inputs(&records);
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();

    let mut g = c.benchmark_group(format!("corpus_{label}"));
    // Iterations of 0.1–1 s: flat sampling keeps the run short.
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Bytes(bytes as u64));
    for places_only in [true, false] {
        let ex = extractor(places_only);
        let st = stage(places_only);
        let want = stable_corpus_counts(&ex, &inputs, &format!("corpus_{label}/{st}"));
        if let Some(inserted) = inserted {
            assert!(want.0 * 2 >= inserted, "generated corpus: {} of {inserted} inserted places found", want.0);
        }
        assert!(want.0 > 0, "no place found in the corpus");
        if !places_only {
            assert!(want.1 > 0, "no event found in the corpus");
        }
        g.bench_function(st, |b| {
            b.iter(|| {
                let got = corpus_counts(&ex, black_box(&inputs));
                assert_eq!(got, want);
                got
            })
        });
        if !places_only {
            let batch = ex.extract_batch(&inputs);
            let got = batch.iter().fold((0, 0), |(p, e), d| (p + d.places.len(), e + d.events.len()));
            assert_eq!(got, want, "extract_batch must find what one thread finds");
            g.bench_function(format!("{st}_batch_{}_threads", rayon_threads()), |b| {
                b.iter(|| {
                    let docs = ex.extract_batch(black_box(&inputs));
                    assert_eq!(docs.len(), inputs.len());
                    docs
                })
            });
        }
    }
    g.finish();
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// One document of about `size` bytes: whole records concatenated, the last
/// one cut at a line or word boundary.
fn concatenated(records: &[geoevents::corpus::Record], size: usize) -> String {
    let mut out = String::with_capacity(size + 1024);
    for r in records.iter().cycle() {
        if out.len() >= size {
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&r.text);
    }
    if out.len() > size {
        let mut cut = size;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = out[..cut].rfind(char::is_whitespace).unwrap_or(cut);
        out.truncate(cut);
    }
    out
}

fn bench_doc_length(c: &mut Criterion) {
    let (label, records, _) = load_corpus();
    // The event stage grows faster than linearly with document length (about
    // 16 s per pass for a 1 MB document at 6840529), so the 1 MB events run
    // is opt-in.
    let huge = std::env::var_os("GEOEVENTS_BENCH_1MB_EVENTS").is_some();
    if !huge {
        println!("doc_length_{label}/events_1m: skipped (slow; set GEOEVENTS_BENCH_1MB_EVENTS=1 to run it)");
    }
    let mut g = c.benchmark_group(format!("doc_length_{label}"));
    // Iterations of 0.1–1 s: flat sampling keeps the run short.
    g.sampling_mode(SamplingMode::Flat);
    for places_only in [true, false] {
        let ex = extractor(places_only);
        let st = stage(places_only);
        for (name, size) in [("1k", 1_000), ("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)] {
            if size == 1_000_000 && !places_only && !huge {
                continue;
            }
            let text = concatenated(&records, size);
            let t0 = Instant::now();
            let doc = checked_doc(&ex, &text);
            println!(
                "doc_length_{label}/{st}_{name}: {} bytes, {} place mentions, {} events (first pass {:.3} s)",
                text.len(),
                doc.places.len(),
                doc.events.len(),
                t0.elapsed().as_secs_f64() / 2.0
            );
            bench_one(&mut g, &ex, &format!("{st}/{name}"), &text, counts(&doc));
        }
    }
    g.finish();
}

// ---------------------------------------------------------------- gazetteer size

/// Writes `n` made-up populated places (GeoNames format, one alternate name each).
fn write_extra_geonames(path: &Path, n: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create GeoNames file"));
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for i in 0..n {
        let name = made_up_name(&mut rng, i);
        let lat = (rng.below(1_600_000) as f64) / 10_000.0 - 80.0;
        let lon = (rng.below(3_600_000) as f64) / 10_000.0 - 180.0;
        let pop = rng.below(50_000);
        writeln!(
            out,
            "{}\t{name}\t{name}\t{name}ville\t{lat:.4}\t{lon:.4}\tP\tPPL\tZZ\t\t01\t\t\t\t{pop}\t\t0\tEtc/UTC\t2024-01-01",
            900_000_000 + i
        )
        .expect("write");
    }
    out.flush().expect("flush");
}

fn bench_gazetteer_size(c: &mut Criterion) {
    let (label, records, _) = load_corpus();
    let inputs = inputs(&records);
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();

    let dir = std::env::temp_dir().join(format!("geoevents-bench-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let extra = dir.join("extra.txt");
    write_extra_geonames(&extra, EXTRA_PLACES);

    let t0 = Instant::now();
    let rebuilt = Gazetteer::builder().build().expect("rebuild the bundled data");
    let rebuilt_s = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let bigger = Gazetteer::builder().geonames(&extra).build().expect("bundled + generated places");
    let bigger_s = t0.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&dir);
    let bundled = Gazetteer::bundled();
    assert_eq!(bigger.len(), rebuilt.len() + EXTRA_PLACES);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let first = made_up_name(&mut rng, 0);
    assert_eq!(bigger.lookup(&first)[0].place.id, "geonames:900000000", "generated places must be indexed");
    println!(
        "gazetteer_size: bundled {} places / {} names; rebuilt {} / {} ({rebuilt_s:.2} s); +{EXTRA_PLACES} generated {} / {} ({bigger_s:.2} s)",
        bundled.len(),
        bundled.stats().names,
        rebuilt.len(),
        rebuilt.stats().names,
        bigger.len(),
        bigger.stats().names
    );

    let variants = [
        ("bundled", extractor(true)),
        ("rebuilt", Extractor::builder().places_only(true).gazetteer(rebuilt).build()),
        ("bundled_plus_250k", Extractor::builder().places_only(true).gazetteer(bigger).build()),
    ];
    let mut g = c.benchmark_group(format!("gazetteer_size_{label}"));
    // Iterations of 0.1–1 s: flat sampling keeps the run short.
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Bytes(bytes as u64));
    let mut rebuilt_counts = None;
    for (name, ex) in &variants {
        let want = stable_corpus_counts(ex, &inputs, &format!("gazetteer_size_{label}/{name}"));
        // Made-up names never occur in news text: adding them must not change what is found.
        match (*name, rebuilt_counts) {
            ("rebuilt", _) => rebuilt_counts = Some(want),
            ("bundled_plus_250k", Some(r)) => assert_eq!(want, r, "generated places changed the results"),
            _ => {}
        }
        g.bench_function(*name, |b| {
            b.iter(|| {
                let got = corpus_counts(ex, black_box(&inputs));
                assert_eq!(got, want);
                got
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_texts, bench_corpus, bench_doc_length, bench_gazetteer_size
}
criterion_main!(benches);
