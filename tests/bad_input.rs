//! A bad-input corpus, written to a temporary directory by the tests, run
//! through the `geoevents` binary: undecodable text, broken JSON Lines,
//! empty and missing inputs, and half-written gazetteer files. The binary
//! must never panic, never lose a good document, and say what was wrong
//! with which file, line or byte, with a distinct exit code:
//! 0 ok, 2 usage, 3 missing input, 4 malformed records, 5 bad gazetteer data.

use std::process::Output;

use serde_json::Value;

mod common;
use common::{run, run_stdin, s, stderr, TempDir};

/// The exit code, after checking the process was not killed and did not panic.
fn code(o: &Output) -> i32 {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "panic: {err}");
    let c = o.status.code().unwrap_or_else(|| panic!("killed by a signal: {o:?}"));
    assert_ne!(c, 101, "panic exit: {err}");
    c
}

fn docs(o: &Output) -> Vec<Value> {
    let out = std::str::from_utf8(&o.stdout).expect("stdout is UTF-8 even for undecodable input");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l:?}")))
        .collect()
}

fn ids(d: &[Value]) -> Vec<&str> {
    d.iter().map(|x| x["id"].as_str().unwrap_or("<none>")).collect()
}

fn place_texts(doc: &Value) -> Vec<&str> {
    doc["places"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect()
}

/// Deterministic pseudo-random bytes (xorshift), for binary junk.
fn junk(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn first_invalid(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).unwrap_err().valid_up_to()
}

// ---------------------------------------------------------------------------
// Undecodable text files

#[test]
fn undecodable_text_files_each_give_a_document_and_a_located_warning() {
    let dir = TempDir::new("undecodable");
    // Mojibake of UTF-8 read as Latin-1 is valid UTF-8: decoded silently.
    let mojibake =
        dir.file("mojibake.txt", "Airstrikes hit Mosul; residents of BaghdÃ¤d and DeirÂ ez-Zor fled.".as_bytes());
    // Latin-1 bytes that are not UTF-8.
    let latin1_bytes = b"Clashes in S\xe3o Paulo and Mosul, officials said.".to_vec();
    let latin1 = dir.file("latin1.txt", &latin1_bytes);
    // A truncated multi-byte sequence at the very end.
    let cut_bytes = b"Rockets hit Kirkuk on Monday \xe2\x80".to_vec();
    let cut = dir.file("cut.txt", &cut_bytes);
    // Binary junk with a sentence buried in it, and NUL bytes.
    let mut bin_bytes = junk(64 * 1024, 0x9e37_79b9_7f4a_7c15);
    bin_bytes.extend_from_slice(b"\0\0 Gunmen attacked a checkpoint in Kirkuk. \0");
    bin_bytes.extend(junk(4096, 7));
    let bin = dir.file("junk.bin", &bin_bytes);
    // UTF-16LE with a byte-order mark.
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Shelling in Homs.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let wide = dir.file("utf16.txt", &utf16);

    let o = run(&["extract", s(&mojibake), s(&latin1), s(&cut), s(&bin), s(&wide)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "undecodable bytes are warnings, not failures: {err}");
    let d = docs(&o);
    assert_eq!(ids(&d), ["mojibake.txt", "latin1.txt", "cut.txt", "junk.bin", "utf16.txt"], "one document per file");
    assert!(place_texts(&d[0]).contains(&"Mosul"), "{}", d[0]);
    assert!(place_texts(&d[1]).contains(&"Mosul"), "text after the bad byte is kept: {}", d[1]);
    assert!(place_texts(&d[2]).contains(&"Kirkuk"), "{}", d[2]);
    assert!(place_texts(&d[3]).contains(&"Kirkuk"), "the sentence inside the junk is found: {}", d[3]);

    // Warnings name the file and the byte offset of the first bad byte, on
    // stderr and in the document.
    assert!(!err.contains("mojibake.txt"), "valid UTF-8 draws no warning: {err}");
    for (name, bytes, doc) in
        [("latin1.txt", &latin1_bytes, &d[1]), ("cut.txt", &cut_bytes, &d[2]), ("junk.bin", &bin_bytes, &d[3])]
    {
        let at = first_invalid(bytes);
        let line = err.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no warning for {name}: {err}"));
        assert!(line.contains(&format!("byte {at}")), "warning for {name} names byte {at}: {line}");
        let warnings = doc["warnings"].as_array().unwrap_or_else(|| panic!("no warnings in {doc}"));
        assert!(warnings.iter().any(|w| w.as_str().unwrap().contains(&format!("byte {at}"))), "{doc}");
    }
    assert!(err.contains("utf16.txt") && err.contains("byte 0"), "UTF-16 is flagged at byte 0: {err}");
    // Offsets stay byte offsets into the decoded text: spans are consistent.
    for doc in &d {
        for m in doc["places"].as_array().unwrap() {
            assert!(m["start"].as_u64().unwrap() < m["end"].as_u64().unwrap(), "{m}");
        }
    }
}

#[test]
fn binary_junk_in_every_output_format() {
    let dir = TempDir::new("formats");
    let mut bytes = junk(16 * 1024, 42);
    bytes.extend_from_slice("\n Israeli strikes hit Rafah on Tuesday, killing 5 people. ".as_bytes());
    let f = dir.file("junk.txt", &bytes);
    let o = run(&["extract", "--format", "geojson", "--date", "2024-01-24", s(&f)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let fc: Value = serde_json::from_slice(&o.stdout).expect("one GeoJSON document");
    assert_eq!(fc["type"], "FeatureCollection");
    assert!(!fc["features"].as_array().unwrap().is_empty(), "{fc}");
    let o = run(&["extract", "--format", "csv", s(&f)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).expect("CSV is UTF-8");
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows.len() >= 2, "a header and the Rafah event: {out}");
    assert!(stderr(&o).contains("junk.txt"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------
// Broken JSON Lines

#[test]
fn jsonl_with_missing_text_and_wrong_types_is_exit_4_with_line_numbers() {
    let dir = TempDir::new("jsonl-missing");
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"id\":\"a\",\"text\":\"Gunmen attacked a checkpoint in Kirkuk.\"}\n");
    body.extend_from_slice(b"{\"id\":\"no-text\",\"body\":\"Clashes in Raqqa.\"}\n"); // line 2
    body.extend_from_slice(b"{\"id\":\"b\",\"text\":\"Clashes erupted in Raqqa.\",\"date\":\"yesterday\"}\r\n");
    body.extend_from_slice(b"\n");
    body.extend_from_slice(b"{\"id\":\"num\",\"text\":42}\n"); // line 5
    body.extend_from_slice(b"[\"Mosul\"]\n"); // line 6
    body.extend_from_slice(b"{\"id\":\"c\",\"text\":\"Shelling in Homs \xff\xfe killed 3.\"}\n"); // line 7: lossy
    body.extend_from_slice(b"\x00\x01\x02\x03\n"); // line 8
    body.extend_from_slice(b"{\"id\":\"d\",\"text\":\"Israeli strikes hit Rafah.\",\"date\":\"2024-01-22\"}"); // no newline
    let f = dir.file("news.jsonl", &body);
    let o = run(&["extract", s(&f)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 4, "malformed records give exit 4: {err}");
    let d = docs(&o);
    assert_eq!(ids(&d), ["a", "b", "c", "d"], "good records, in order");
    assert_eq!(d[3]["date"], "2024-01-22", "the last line needs no newline");
    assert!(d[1]["date"].is_null(), "an unusable date is dropped: {}", d[1]);
    assert!(err.contains("news.jsonl:3") && err.contains("yesterday"), "date warning names the line: {err}");
    assert!(place_texts(&d[2]).contains(&"Homs"), "{}", d[2]);
    assert!(err.contains("news.jsonl:7"), "lossy line warned with its line: {err}");
    for line in [2, 5, 6, 8] {
        assert!(err.contains(&format!("news.jsonl:{line}:")), "line {line} reported: {err}");
    }
    assert!(err.contains("missing field `text`"), "says what is missing: {err}");
    assert!(err.contains("4 documents processed, 4 malformed records skipped"), "summary: {err}");
}

#[test]
fn broken_jsonl_on_stdin_names_stdin_and_line() {
    let input = b"{\"id\":\"x\",\"text\":\"Clashes erupted in Raqqa.\"}\n{\"id\":\"y\",\"text\":\nnot json at all\n{\"id\":\"z\",\"text\":\"Gunmen attacked a bus near Homs.\"}\n";
    let o = run_stdin(&["extract", "--jsonl", "--places-only"], input);
    let err = stderr(&o);
    assert_eq!(code(&o), 4, "{err}");
    assert_eq!(ids(&docs(&o)), ["x", "z"]);
    assert!(err.contains("<stdin>:2") && err.contains("<stdin>:3"), "{err}");
    assert!(err.contains("2 documents processed, 2 malformed records skipped"), "{err}");
}

#[test]
fn malformed_records_across_files_are_counted_together() {
    let dir = TempDir::new("jsonl-many");
    let a = dir.file("a.jsonl", b"{\"id\":\"a1\",\"text\":\"Rockets hit Erbil.\"}\n{oops\n");
    let b = dir.file("b.jsonl", b"\"just a string\"\n{\"id\":\"b1\",\"text\":\"Clashes in Idlib.\"}\n");
    let t = dir.file("c.txt", b"Shelling in Homs.");
    let o = run(&["extract", s(&a), s(&b), s(&t)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 4, "{err}");
    assert_eq!(ids(&docs(&o)), ["a1", "b1", "c.txt"]);
    assert!(err.contains("a.jsonl:2") && err.contains("b.jsonl:1"), "{err}");
    assert!(err.contains("3 documents processed, 2 malformed records skipped"), "{err}");
}

// ---------------------------------------------------------------------------
// Empty, missing and unreadable inputs

#[test]
fn empty_stdin_is_exit_0() {
    let o = run_stdin(&["extract"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d.len(), 1, "empty text is one empty document");
    assert_eq!(d[0]["places"], serde_json::json!([]));
    let o = run_stdin(&["extract", "--jsonl"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(o.stderr.is_empty(), "nothing to say: {}", stderr(&o));
    // Whitespace, a byte-order mark and control characters only.
    let dir = TempDir::new("empty");
    let f = dir.file("blank.txt", "\u{feff}\n\t \r\n\u{a0}\u{0}\u{7}".as_bytes());
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(docs(&o).len(), 1);
}

#[test]
fn missing_file_and_directory_together_are_exit_3_and_the_rest_is_processed() {
    let dir = TempDir::new("missing");
    let sub = dir.path().join("a-directory.txt");
    std::fs::create_dir(&sub).unwrap();
    let missing = dir.path().join("gone.jsonl");
    let good = dir.file("good.txt", b"Clashes erupted in Raqqa.");
    let o = run(&["extract", s(&missing), s(&sub), s(&good)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 3, "{err}");
    assert_eq!(ids(&docs(&o)), ["good.txt"]);
    assert!(err.contains("gone.jsonl") && err.contains("a-directory.txt"), "both named: {err}");
    // Malformed records outrank missing inputs: 4 says output is incomplete.
    let bad = dir.file("bad.jsonl", b"{\n");
    let o = run(&["extract", s(&missing), s(&bad), s(&good)]);
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert_eq!(ids(&docs(&o)), ["good.txt"]);
}

// ---------------------------------------------------------------------------
// Half-written gazetteer data (`--geonames`, `--supplement`, …): exit 5

/// Two well-formed GeoNames rows for made-up places (so that finding them
/// proves the file was loaded), then a row cut off mid-write.
fn geonames_rows() -> (String, String) {
    let good = "\
9990001\tZarqat Tell\tZarqat Tell\tTell Zarqat\t34.5\t41.2\tP\tPPL\tIQ\t\t01\t\t\t\t12000\t\t100\tAsia/Baghdad\t2023-01-01\n\
9990002\tQubbat Nimr\tQubbat Nimr\t\t34.6\t41.3\tP\tPPLA2\tIQ\t\t01\t\t\t\t4000\t\t100\tAsia/Baghdad\t2023-01-01\n";
    let cut = format!("{good}9990003\tHalf Writ\tHalf Wr");
    (good.to_string(), cut)
}

#[test]
fn half_written_geonames_file_is_exit_5_naming_file_and_line() {
    let dir = TempDir::new("geonames-cut");
    let (_, cut) = geonames_rows();
    let g = dir.file("IQ-partial.txt", cut.as_bytes());
    let story = dir.file("story.txt", b"Rockets hit Zarqat Tell on Monday.");
    let o = run(&["extract", "--geonames", s(&g), s(&story)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 5, "bad gazetteer data has its own exit code: {err}");
    assert!(err.contains("IQ-partial.txt:3:"), "file:line of the cut row: {err}");
    assert!(err.contains("19"), "says what a row needs: {err}");
    assert!(o.stdout.is_empty(), "nothing extracted with a half-loaded gazetteer");
    // A bad value rather than a short row; and invalid UTF-8 in a row.
    let bad_lat = dir.file(
        "bad-lat.txt",
        b"9990001\tX\tX\t\tnorth\t41.2\tP\tPPL\tIQ\t\t01\t\t\t\t0\t\t1\tAsia/Baghdad\t2023-01-01\n",
    );
    let o = run(&["lookup", "--geonames", s(&bad_lat), "X"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad-lat.txt:1:") && stderr(&o).contains("latitude"), "{}", stderr(&o));
    let mut bytes = geonames_rows().0.into_bytes();
    bytes.extend_from_slice(b"9990004\tBad \xff Name\tBad\t\t1\t2\tP\tPPL\tIQ\t\t01\t\t\t\t0\t\t1\tX\t2023\n");
    let latin = dir.file("latin1.txt", &bytes);
    let o = run(&["lookup", "--geonames", s(&latin), "Zarqat Tell"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    assert!(stderr(&o).contains("latin1.txt:3"), "{}", stderr(&o));
}

#[test]
fn missing_gazetteer_files_are_exit_5_not_3() {
    let dir = TempDir::new("geonames-missing");
    let story = dir.file("story.txt", b"Rockets hit Mosul.");
    let missing = dir.path().join("cities500.txt");
    for flag in ["--geonames", "--admin1-codes", "--alternate-names", "--supplement", "--country-info"] {
        let o = run(&["extract", flag, s(&missing), s(&story)]);
        let err = stderr(&o);
        assert_eq!(code(&o), 5, "{flag}: {err}");
        assert!(err.contains("cities500.txt"), "{flag}: names the file: {err}");
        assert!(o.stdout.is_empty());
    }
    let o = run(&["extract", "--geonames", s(dir.path()), s(&story)]);
    assert_eq!(code(&o), 5, "a directory: {}", stderr(&o));
}

#[test]
fn lenient_skips_and_counts_bad_gazetteer_rows() {
    let dir = TempDir::new("geonames-lenient");
    let (_, cut) = geonames_rows();
    let g = dir.file("IQ-partial.txt", cut.as_bytes());
    let story = dir.file("story.txt", b"Rockets hit Zarqat Tell and Mosul on Monday.");
    let o = run(&["extract", "--lenient", "--geonames", s(&g), "--places-only", s(&story)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    assert!(err.contains("geoevents: 1 malformed rows skipped"), "count reported: {err}");
    let d = docs(&o);
    let places = place_texts(&d[0]);
    assert!(places.contains(&"Zarqat Tell"), "the good rows were loaded: {}", d[0]);
    assert!(places.contains(&"Mosul"), "the bundled data is kept: {}", d[0]);
    let zt = d[0]["places"].as_array().unwrap().iter().find(|m| m["text"] == "Zarqat Tell").unwrap();
    assert_eq!(zt["place"]["id"], "geonames:9990001");

    // Lookup takes the same options; a bad supplement row is skipped too.
    let sup = dir.file(
        "extra.csv",
        b"id,name,variants,lat,lon,kind,country,admin1,source\n\
          user:wadi-test,Wadi Testat,Testat Valley,33.1,40.9,region,IQ,Anbar,me\n\
          user:broken,Broken Place,,not-a-number,40,town,IQ,,me\n\
          user:bad-kind,Bad Kind,,33,40,spaceport,IQ,,me\n",
    );
    let o = run(&["lookup", "--lenient", "--supplement", s(&sup), "--geonames", s(&g), "Testat Valley"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    assert!(err.contains("geoevents: 3 malformed rows skipped"), "{err}");
    let first: Value = serde_json::from_str(std::str::from_utf8(&o.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "user:wadi-test", "{first}");
    // Without --lenient the supplement's bad row is exit 5 with its line.
    let o = run(&["lookup", "--supplement", s(&sup), "Testat Valley"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    assert!(stderr(&o).contains("extra.csv:3:"), "{}", stderr(&o));
}
