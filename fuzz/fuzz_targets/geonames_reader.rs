//! Arbitrary bytes as a GeoNames dump and as a supplement CSV: loading
//! returns a gazetteer or an error naming the file, never panics; a
//! gazetteer built from fuzzed rows can be searched and extracted with.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use geoevents::{Extractor, Gazetteer};
use libfuzzer_sys::fuzz_target;

/// One scratch file per fuzzing process, rewritten for every input.
fn scratch() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| std::env::temp_dir().join(format!("geoevents-fuzz-geonames-{}.txt", std::process::id())))
}

fn exercise(result: Result<Gazetteer, geoevents::Error>, data: &[u8], path: &Path) {
    match result {
        Ok(gaz) => {
            let stats = gaz.stats();
            assert_eq!(stats.places, gaz.len());
            let text = String::from_utf8_lossy(data);
            // Every name-like field of the input is a lookup.
            for field in text.split(['\t', '\n', ',']).take(64) {
                for c in gaz.lookup(field) {
                    assert!(c.score.is_finite());
                    assert!((-90.0..=90.0).contains(&c.place.lat) && (-180.0..=180.0).contains(&c.place.lon));
                }
                let _ = gaz.demonym(field);
                let _ = gaz.country(field);
                let _ = gaz.capital(field);
            }
            let doc = Extractor::builder().gazetteer(gaz).build().extract(&text);
            for m in &doc.places {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
        Err(e) => {
            assert_eq!(e.path(), Some(path), "the error names the file: {e}");
            assert!(e.to_string().starts_with(&*path.to_string_lossy()), "{e}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    std::fs::write(path, data).expect("write scratch file");
    for lenient in [false, true] {
        let b = Gazetteer::builder().bundled(false).lenient(lenient);
        exercise(b.clone().geonames(path).build(), data, path);
        exercise(b.clone().supplement(path).build(), data, path);
        // Every reader over the same bytes, alternate names resolving
        // against the rows just read.
        let all = b
            .geonames_admin1(path)
            .geonames(path)
            .geonames_country_info(path)
            .geonames_alternate_names(path)
            .supplement(path);
        exercise(all.build(), data, path);
    }
});
