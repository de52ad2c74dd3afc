//! The `geoevents` binary: output contract, exit codes and error messages,
//! run on files written to a temporary directory.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::{run, run_stdin, s, stderr, TempDir, BIN};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn docs(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l:?}")))
        .collect()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or_else(|| panic!("killed by a signal: {o:?}"))
}

const STORY: &str = "US forces carried out strikes against militants in Mosul on Tuesday, the Pentagon said.\n\
                     Rockets hit the Ain al-Asad air base in western Iraq yesterday.\n";

#[test]
fn text_file_gives_one_contract_document() {
    let dir = TempDir::new("txt");
    let f = dir.file("story.txt", STORY.as_bytes());
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d.len(), 1, "one JSON line for one .txt file");
    let doc = &d[0];
    for key in ["id", "date", "places", "events"] {
        assert!(doc.get(key).is_some(), "field {key:?} missing: {doc}");
    }
    assert_eq!(doc["id"], "story.txt", "id is the file name");
    assert!(doc["date"].is_null(), "no --date given: {}", doc["date"]);
    let places = doc["places"].as_array().unwrap();
    assert!(places.iter().any(|m| m["text"] == "Mosul"), "{doc}");
    for m in places {
        for key in ["text", "start", "end", "place", "confidence"] {
            assert!(m.get(key).is_some(), "mention field {key:?} missing: {m}");
        }
        for key in ["id", "name", "lat", "lon", "country", "admin1", "kind", "population"] {
            assert!(m["place"].get(key).is_some(), "place field {key:?} missing: {m}");
        }
        let (a, b) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&STORY[a..b], m["text"].as_str().unwrap(), "offsets are bytes into the input");
    }
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{doc}");
    for e in events {
        for key in [
            "type",
            "cameo",
            "trigger",
            "sentence",
            "date",
            "date_precision",
            "source",
            "target",
            "location",
            "killed",
            "wounded",
            "confidence",
        ] {
            assert!(e.get(key).is_some(), "event field {key:?} missing: {e}");
        }
    }
}

#[test]
fn date_option_is_echoed_and_used() {
    let dir = TempDir::new("date");
    let f = dir.file("story.txt", STORY.as_bytes());
    let o = run(&["extract", "--date", "2024-01-24", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d[0]["date"], "2024-01-24");
    let events = d[0]["events"].as_array().unwrap();
    let mosul =
        events.iter().find(|e| e["location"]["text"] == "Mosul").unwrap_or_else(|| panic!("no Mosul event: {}", d[0]));
    assert_eq!(mosul["date"], "2024-01-23", "on Tuesday, from a Wednesday");
}

#[test]
fn jsonl_with_a_broken_line_keeps_the_good_records() {
    let dir = TempDir::new("jsonl-broken");
    let body = concat!(
        r#"{"id":"a","text":"Gunmen attacked a checkpoint in Kirkuk.","date":"2024-01-23"}"#,
        "\n",
        r#"{"id":"b","text":"Clashes erupted in Raqqa."}"#,
        "\n",
        r#"{"id":"c","text": "unterminated"#,
        "\n",
        r#"{"id":"d","text":"Israeli strikes hit Rafah.","date":"2024-01-22"}"#,
        "\n",
    );
    let f = dir.file("news.jsonl", body.as_bytes());
    let o = run(&["extract", s(&f)]);
    let err = stderr(&o);
    assert_eq!(code(&o), 4, "malformed records give exit 4; stderr: {err}");
    let d = docs(&o);
    let ids: Vec<&str> = d.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "d"], "good records, in order");
    assert_eq!(d[0]["date"], "2024-01-23");
    assert!(d[1]["date"].is_null());
    assert!(err.contains("news.jsonl:3"), "stderr names the file and line 3: {err}");
    assert!(err.contains("3 documents processed") && err.contains("1 malformed"), "summary counts: {err}");
}

#[test]
fn empty_text_file_is_one_empty_document() {
    let dir = TempDir::new("empty-txt");
    let f = dir.file("empty.txt", b"");
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["places"], serde_json::json!([]));
    assert_eq!(d[0]["events"], serde_json::json!([]));
}

#[test]
fn empty_jsonl_gives_no_output() {
    let dir = TempDir::new("empty-jsonl");
    let f = dir.file("empty.jsonl", b"");
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(&o));
    // Blank lines only: still nothing.
    let f = dir.file("blank.jsonl", b"\n\n  \n");
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(&o));
}

#[test]
fn missing_file_is_exit_3_and_named() {
    let dir = TempDir::new("missing");
    let missing = dir.path().join("no-such-story.txt");
    let o = run(&["extract", s(&missing)]);
    assert_eq!(code(&o), 3, "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("no-such-story.txt"), "message names the file: {}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    // The other inputs are still processed.
    let good = dir.file("good.txt", b"Clashes erupted in Raqqa.");
    let o = run(&["extract", s(&missing), s(&good)]);
    assert_eq!(code(&o), 3, "stderr: {}", stderr(&o));
    assert_eq!(docs(&o).len(), 1, "the existing file is still processed");
}

#[test]
fn directory_is_exit_3() {
    let dir = TempDir::new("dir");
    let o = run(&["extract", s(dir.path())]);
    assert_eq!(code(&o), 3, "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("directory"), "says it is a directory: {}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = TempDir::new("utf8");
    let f = dir.file("bad.txt", b"Baghdad \xff\xfe and Basra were hit by rockets.");
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d.len(), 1, "output still produced");
    let places: Vec<&str> = d[0]["places"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(places.contains(&"Baghdad") && places.contains(&"Basra"), "{places:?}");
    let err = stderr(&o);
    assert!(err.contains("byte 8"), "warning names the byte offset: {err}");
    assert!(err.contains("bad.txt"), "warning names the file: {err}");
}

#[test]
fn bad_date_is_a_usage_error() {
    let dir = TempDir::new("bad-date");
    let f = dir.file("story.txt", STORY.as_bytes());
    let o = run(&["extract", "--date", "notadate", s(&f)]);
    assert_eq!(code(&o), 2, "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("notadate"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // Unknown options are usage errors too.
    assert_eq!(code(&run(&["extract", "--no-such-flag"])), 2);
}

#[test]
fn stdin_text_and_jsonl() {
    let o = run_stdin(&["extract", "--date", "2024-01-24", "-"], b"Rockets hit a base near Baghdad yesterday.");
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["date"], "2024-01-24");
    let input = b"{\"id\":\"x\",\"text\":\"Clashes erupted in Raqqa.\"}\n{\"id\":\"y\",\"text\":\"Gunmen attacked a bus near Homs.\"}\n";
    let o = run_stdin(&["extract", "--jsonl", "--places-only"], input);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    let ids: Vec<&str> = d.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "y"]);
    for doc in &d {
        assert_eq!(doc["events"], serde_json::json!([]), "--places-only: {doc}");
        assert!(!doc["places"].as_array().unwrap().is_empty(), "{doc}");
    }
}

#[test]
fn lookup_prints_limited_json_lines() {
    let o = run(&["lookup", "Ain al-Asad", "--limit", "3"]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let lines: Vec<Value> = docs(&o);
    assert!(!lines.is_empty() && lines.len() <= 3, "{} lines", lines.len());
    assert_eq!(lines[0]["name"], "Al Asad Air Base", "{}", lines[0]);
    assert_eq!(lines[0]["country"], "IQ");
    assert!(lines[0]["lat"].is_number() && lines[0]["score"].is_number());
}

#[test]
fn gazetteer_stats_prints_counts_and_load_time() {
    let o = run(&["gazetteer", "stats"]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let out = stdout(&o);
    let field = |name: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{name}\t")))
            .unwrap_or_else(|| panic!("no {name} line: {out}"));
        line.split('\t').nth(1).unwrap().trim().parse().unwrap_or_else(|_| panic!("bad {name} line {line:?}"))
    };
    assert!(field("places") > 200_000.0, "{out}");
    assert!(field("load_ms") >= 0.0, "{out}");
}

#[test]
fn closed_reader_does_not_panic() {
    // Enough output to fill any pipe buffer: the binary must be writing
    // when the reader goes away.
    let dir = TempDir::new("pipe");
    let mut body = String::new();
    for i in 0..3000 {
        body.push_str(&format!(
            "{{\"id\":\"{i}\",\"text\":\"US forces carried out strikes against militants in Mosul and Jurf al-Sakhar on Tuesday, killing {i} fighters.\",\"date\":\"2024-01-24\"}}\n"
        ));
    }
    let f = dir.file("many.jsonl", body.as_bytes());
    let mut child = Command::new(BIN)
        .args(["extract", s(&f)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn geoevents");
    {
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.starts_with('{'), "first line: {line:?}");
        // `out` dropped here: the read end of the pipe closes.
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "no panic on a closed pipe: {err}");
    assert!(!err.contains("Broken pipe"), "no broken-pipe error message: {err}");
    assert_ne!(o.status.code(), Some(101), "not a panic exit: {err}");
    // A reader that stops early (`| head`) is not a failure.
    assert_eq!(o.status.code(), Some(0), "exit status on a closed pipe: {err}");
}

#[test]
fn country_hint_from_jsonl_metadata_and_flag() {
    let dir = TempDir::new("country-hint");
    let f = dir.file(
        "notes.jsonl",
        concat!(
            r#"{"id":"a","text":"Police shot dead two robbery suspects.","date":"2019-05-02","news_sources":"Daily Nation (Kenya)"}"#,
            "\n",
            r#"{"id":"b","text":"Police shot dead two robbery suspects.","date":"2019-05-02"}"#,
            "\n",
        )
        .as_bytes(),
    );
    let o = run(&["extract", s(&f)]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let d = docs(&o);
    assert_eq!(d[0]["country_hint"], "KE");
    assert_eq!(d[0]["events"][0]["location"]["name"], "Nairobi");
    assert!(d[1].get("country_hint").is_none());
    assert!(d[1]["events"][0]["location"].is_null());
    // The flag fills in documents that give no country of their own.
    let o = run(&["extract", "--country", "Uganda", s(&f)]);
    let d = docs(&o);
    assert_eq!((d[0]["country_hint"].as_str(), d[1]["country_hint"].as_str()), (Some("KE"), Some("UG")));
    assert_eq!(d[1]["events"][0]["location"]["name"], "Kampala");
    let o = run(&["extract", "--country", "Narnia", s(&f)]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("Narnia"), "{}", stderr(&o));
}
