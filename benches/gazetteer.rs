//! Gazetteer benchmarks: the bundled gazetteer's first access (one-time,
//! printed), repeated `lookup()` of a fixed list of names, and
//! `GazetteerBuilder` building a small custom gazetteer from a generated
//! GeoNames-format file.
//!
//! Every bench checks its results before it is timed, so a speed run is also
//! a correctness run.
//!
//!     cargo bench --bench gazetteer
//!     cargo bench --bench gazetteer -- lookup      # one group

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use geoevents::{Gazetteer, PlaceKind};

mod common;
use common::{made_up_name, Rng};

/// Names looked up in `lookup/*`, with the country of the best candidate
/// (`None`: the name must not resolve).
const NAMES: &[(&str, Option<&str>)] = &[
    ("Baghdad", Some("IQ")),
    ("Ain al-Asad", Some("IQ")),
    ("Deir ez-Zor", Some("SY")),
    ("al-Qa’im", Some("IQ")),
    ("Mosul", Some("IQ")),
    ("Basra", Some("IQ")),
    ("Erbil", Some("IQ")),
    ("Kirkuk", Some("IQ")),
    ("Fallujah", Some("IQ")),
    ("Ramadi", Some("IQ")),
    ("Tikrit", Some("IQ")),
    ("Jurf al-Sakhar", Some("IQ")),
    ("Al-Tanf", Some("SY")),
    ("Damascus", Some("SY")),
    ("Aleppo", Some("SY")),
    ("Raqqa", Some("SY")),
    ("Homs", Some("SY")),
    ("Idlib", Some("SY")),
    ("Dayr al-Zawr", Some("SY")),
    ("Kabul", Some("AF")),
    ("Kandahar", Some("AF")),
    ("Mogadishu", Some("SO")),
    ("Sanaa", Some("YE")),
    ("Aden", Some("YE")),
    ("Benghazi", Some("LY")),
    ("Khartoum", Some("SD")),
    ("Nairobi", Some("KE")),
    ("Kyiv", Some("UA")),
    ("Donetsk", Some("UA")),
    ("Conoco gas field", Some("SY")),
    ("Xyzzyqville", None),
    ("Qwertzstan", None),
];

fn config() -> Criterion {
    Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

/// First access to the bundled gazetteer is a one-time cost (a process-wide
/// lazy static), so it is measured once and printed rather than iterated.
fn first_access() {
    let t0 = Instant::now();
    let gaz = Gazetteer::bundled();
    let first = gaz.lookup("Baghdad");
    let elapsed = t0.elapsed();
    assert_eq!(first[0].place.country.as_deref(), Some("IQ"), "Baghdad must resolve to Iraq");
    assert_eq!(first[0].place.kind, PlaceKind::City);
    assert!(gaz.len() > 100_000, "bundled gazetteer has {} places", gaz.len());
    println!(
        "gazetteer/first_access: Gazetteer::bundled() + first lookup took {:.3} ms ({} places, one-time cost)",
        elapsed.as_secs_f64() * 1000.0,
        gaz.len()
    );
}

/// Looks every name up and returns how many resolved; panics on a wrong country.
fn check_lookups(gaz: &Gazetteer) -> usize {
    let mut resolved = 0;
    for &(name, want) in NAMES {
        let got = gaz.lookup(name);
        match want {
            Some(cc) => {
                let best = got.first().unwrap_or_else(|| panic!("{name} did not resolve"));
                assert_eq!(best.place.country.as_deref(), Some(cc), "{name} resolved to {:?}", best.place);
                resolved += 1;
            }
            None => assert!(got.is_empty(), "{name} should not resolve, got {:?}", got[0].place),
        }
    }
    resolved
}

fn bench_lookup(c: &mut Criterion) {
    first_access();
    let gaz = Gazetteer::bundled();
    let expected = NAMES.iter().filter(|n| n.1.is_some()).count();
    assert_eq!(check_lookups(gaz), expected);

    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(NAMES.len() as u64));
    g.bench_function("bundled_32_names", |b| {
        b.iter(|| {
            let mut resolved = 0usize;
            for &(name, _) in NAMES {
                resolved += usize::from(!black_box(gaz.lookup(black_box(name))).is_empty());
            }
            assert_eq!(resolved, expected);
            resolved
        })
    });
    g.bench_function("bundled_baghdad", |b| b.iter(|| black_box(gaz.lookup(black_box("Baghdad"))).len()));
    g.finish();
}

/// Writes a GeoNames geoname table: three real rows, `n` made-up populated
/// places with one alternate name each, and `n / 10` streams (feature class
/// H), which the reader must drop. Returns the number of places the builder
/// must keep.
fn write_geonames(path: &Path, n: usize) -> usize {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create GeoNames file"));
    let real = "98182\tBaghdad\tBaghdad\tBagdad,Baghdād,BGW\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t41\tAsia/Baghdad\t2023-01-01\n\
99072\tMosul\tMosul\tAl Mawsil,Mossul\t36.335\t43.11889\tP\tPPLA\tIQ\t\t15\t\t\t\t1683000\t\t223\tAsia/Baghdad\t2023-01-01\n\
99592\tMuḩāfaz̧at al Anbār\tMuhafazat al Anbar\tAnbar,Al Anbar\t32.9\t42.1\tA\tADM1\tIQ\t\t01\t\t\t\t1771656\t\t100\tAsia/Baghdad\t2023-01-01\n";
    out.write_all(real.as_bytes()).expect("write");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut kept = 3;
    for i in 0..n {
        let name = made_up_name(&mut rng, i);
        let lat = (rng.below(1_600_000) as f64) / 10_000.0 - 80.0;
        let lon = (rng.below(3_600_000) as f64) / 10_000.0 - 180.0;
        let pop = rng.below(200_000);
        writeln!(
            out,
            "{}\t{name}\t{name}\t{name}burg\t{lat:.4}\t{lon:.4}\tP\tPPL\tZZ\t\t01\t\t\t\t{pop}\t\t0\tEtc/UTC\t2024-01-01",
            900_000_000 + i
        )
        .expect("write");
        kept += 1;
        if i % 10 == 0 {
            writeln!(
                out,
                "{}\tWadi {name}\tWadi {name}\t\t{lat:.4}\t{lon:.4}\tH\tWAD\tZZ\t\t01\t\t\t\t0\t\t0\tEtc/UTC\t2024-01-01",
                950_000_000 + i
            )
            .expect("write");
        }
    }
    out.flush().expect("flush");
    kept
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("geoevents-bench-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn bench_builder(c: &mut Criterion) {
    const N: usize = 5_000;
    let dir = temp_dir();
    let geonames = dir.join("custom.txt");
    let admin1 = dir.join("admin1CodesASCII.txt");
    let kept = write_geonames(&geonames, N);
    std::fs::write(
        &admin1,
        "IQ.07\tBaghdad\tBaghdad\t98180\nIQ.15\tNineveh\tNineveh\t99071\nIQ.01\tAnbar\tAnbar\t99592\n",
    )
    .expect("write admin1");
    let bytes = std::fs::metadata(&geonames).map(|m| m.len()).unwrap_or(0);

    let build =
        || Gazetteer::builder().bundled(false).geonames_admin1(&admin1).geonames(&geonames).build().expect("build");
    // Check before timing.
    let gaz = build();
    assert_eq!(gaz.len(), kept, "streams must be dropped, every populated place kept");
    let b = &gaz.lookup("Baghdad")[0];
    assert_eq!((b.place.country.as_deref(), b.place.admin1.as_deref()), (Some("IQ"), Some("Baghdad")));
    assert_eq!(gaz.lookup("Al Mawsil")[0].place.name, "Mosul");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let first = made_up_name(&mut rng, 0);
    assert_eq!(gaz.lookup(&first)[0].place.id, "geonames:900000000");
    assert_eq!(gaz.lookup(&format!("{first}burg"))[0].place.id, "geonames:900000000");
    assert!(gaz.lookup(&format!("Wadi {first}")).is_empty(), "a stream is not a news place");

    let mut g = c.benchmark_group("builder");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(format!("geonames_{N}_places_no_bundled"), |bch| {
        bch.iter(|| {
            let gaz = build();
            assert_eq!(gaz.len(), kept);
            gaz
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_lookup, bench_builder
}
criterion_main!(benches);
