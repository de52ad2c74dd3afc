//! Reading input corpora: `.txt` files (one document each) and JSON Lines
//! files (`{"id", "text", "date"?, "country"?, "source"?}` per line), streamed so that a large
//! JSONL file is never held in memory whole.
//!
//! Bad input never stops a corpus: invalid UTF-8 is decoded lossily (with a
//! warning naming the byte offset), and a malformed JSONL line is reported as
//! an error item carrying its line number while reading goes on.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::Error;

/// One input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Caller's id (JSONL `id`, or the file name for a `.txt` file).
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// Reference date, if the record has a valid one.
    pub date: Option<NaiveDate>,
    /// The story's country as given (`country` or `source_country`: a code
    /// or a name).
    pub country: Option<String>,
    /// The outlet (`source`, `source_name`, `news_source`, `news_sources`,
    /// `outlet` or `publisher`; a list is joined with "; ").
    pub source: Option<String>,
    /// Problems met reading this record (lossy decoding, unusable date).
    pub warnings: Vec<String>,
}

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole input is one document.
    Text,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// The format implied by a file name: `.jsonl`/`.ndjson`/`.json` are JSON
    /// Lines, anything else is text.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    date: Option<String>,
    // Metadata fields are read as loose JSON values, so that an unexpected
    // shape (a number, an object) costs the hint, never the document.
    #[serde(default)]
    country: Option<serde_json::Value>,
    #[serde(default)]
    source_country: Option<serde_json::Value>,
    #[serde(default)]
    source: Option<serde_json::Value>,
    #[serde(default)]
    source_name: Option<serde_json::Value>,
    #[serde(default)]
    news_source: Option<serde_json::Value>,
    #[serde(default)]
    news_sources: Option<serde_json::Value>,
    #[serde(default)]
    outlet: Option<serde_json::Value>,
    #[serde(default)]
    publisher: Option<serde_json::Value>,
}

/// A metadata value as text: a non-empty string, or a list of strings
/// joined with "; ".
fn meta_text(v: Option<serde_json::Value>) -> Option<String> {
    let s = match v? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Parses a document date: `YYYY-MM-DD` (a longer ISO 8601 timestamp is cut
/// to its first ten characters), `YYYY/MM/DD`, RFC 2822 ("Tue, 23 Jan 2024
/// 10:00:00 +0000"), and day-month-year forms with a month name ("23 January
/// 2024", "January 23, 2024", "26-FEB-1987 15:01:01.79", as in feeds and
/// archives), with any time after the date ignored. All-numeric day/month
/// orders ("02/07/2016") are ambiguous and give `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // Each date of a corpus is parsed once per document, so the forms are
    // told apart by their shape before chrono is asked: trying every
    // format in turn cost more than some documents' extraction.
    let head = s.get(..10).unwrap_or(s);
    match head.as_bytes() {
        [_, _, _, _, b'-', _, _, b'-', ..] => return NaiveDate::parse_from_str(head, "%Y-%m-%d").ok(),
        [_, _, _, _, b'/', _, _, b'/', ..] => return NaiveDate::parse_from_str(head, "%Y/%m/%d").ok(),
        _ => {}
    }
    // RFC 2822 starts with a weekday ("Tue, 1 Jul 2003") or a day number.
    let zone =
        s.rsplit(' ').next().is_some_and(|z| z.starts_with(['+', '-']) || z.bytes().all(|b| b.is_ascii_alphabetic()));
    if s.as_bytes().get(3) == Some(&b',') || (s.contains(':') && zone) {
        if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
            return Some(dt.date_naive());
        }
    }
    // Month-name forms: the first one to three words, shortest first, so
    // that a time (or anything else) after the date does not matter
    // ("26-FEB-1987 15:01:01.79", "21 March 2020", "March 21, 2020").
    let mut ends = s.split_whitespace().take(3).map(|w| w.as_ptr() as usize - s.as_ptr() as usize + w.len());
    ends.find_map(|end| {
        let head = &s[..end];
        ["%d-%b-%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(head, f).ok())
    })
}

/// Decodes bytes as UTF-8, replacing invalid sequences; the warning names
/// the byte offset of the first one.
pub fn decode_lossy(bytes: Vec<u8>, what: &str) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (s, Some(format!("{what}: invalid UTF-8 at byte {at}, decoded lossily")))
        }
    }
}

/// A streaming reader of one input.
pub struct Reader {
    source: Box<dyn BufRead + Send>,
    name: String,
    format: Format,
    line: u64,
    byte: u64,
    done: bool,
    buf: Vec<u8>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("name", &self.name).field("format", &self.format).finish()
    }
}

impl Reader {
    /// Opens a file (format from its extension unless given).
    pub fn open(path: &Path, format: Option<Format>) -> Result<Reader, Error> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::io(path, std::io::Error::other("is a directory, not a file")));
        }
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        Ok(Reader::new(
            Box::new(BufReader::with_capacity(1 << 20, file)),
            path.to_string_lossy().into_owned(),
            format.unwrap_or_else(|| Format::of_path(path)),
        ))
    }

    /// Reads from any buffered source.
    pub fn new(source: Box<dyn BufRead + Send>, name: String, format: Format) -> Reader {
        Reader { source, name, format, line: 0, byte: 0, done: false, buf: Vec::new() }
    }

    /// The input's name (its path, or what the caller called it).
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Iterator for Reader {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.format {
            Format::Text => {
                self.done = true;
                let mut bytes = Vec::new();
                if let Err(e) = self.source.read_to_end(&mut bytes) {
                    return Some(Err(Error::io(PathBuf::from(&self.name), e)));
                }
                let (text, warning) = decode_lossy(bytes, &self.name);
                let id = Path::new(&self.name).file_name().map(|n| n.to_string_lossy().into_owned());
                Some(Ok(Record {
                    id,
                    text,
                    date: None,
                    country: None,
                    source: None,
                    warnings: warning.into_iter().collect(),
                }))
            }
            Format::JsonLines => loop {
                self.buf.clear();
                match self.source.read_until(b'\n', &mut self.buf) {
                    Ok(0) => {
                        self.done = true;
                        return None;
                    }
                    Ok(n) => {
                        self.line += 1;
                        self.byte += n as u64;
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(Error::io(PathBuf::from(&self.name), e)));
                    }
                }
                if self.buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                // Parse straight from the line buffer, which is kept for the
                // next line: only a line with invalid UTF-8 is copied (and
                // decoded lossily).
                let (parsed, warning) = match std::str::from_utf8(&self.buf) {
                    Ok(line) => (serde_json::from_str::<Line>(line), None),
                    Err(_) => {
                        let (line, warning) = decode_lossy(self.buf.clone(), &format!("{}:{}", self.name, self.line));
                        (serde_json::from_str::<Line>(&line), warning)
                    }
                };
                return Some(match parsed {
                    Ok(l) => {
                        let mut warnings: Vec<String> = warning.into_iter().collect();
                        let date = match &l.date {
                            None => None,
                            Some(d) => {
                                let parsed = parse_date(d);
                                if parsed.is_none() {
                                    warnings.push(format!("{}:{}: unusable date {d:?} ignored", self.name, self.line));
                                }
                                parsed
                            }
                        };
                        let id = match l.id {
                            None | Some(serde_json::Value::Null) => None,
                            Some(serde_json::Value::String(s)) => Some(s),
                            Some(v) => Some(v.to_string()),
                        };
                        let country = meta_text(l.country).or_else(|| meta_text(l.source_country));
                        let source = [l.source, l.source_name, l.news_source, l.news_sources, l.outlet, l.publisher]
                            .into_iter()
                            .find_map(meta_text);
                        Ok(Record { id, text: l.text, date, country, source, warnings })
                    }
                    Err(e) => {
                        Err(Error::row(PathBuf::from(&self.name), self.line, format!("malformed JSON record: {e}")))
                    }
                });
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(bytes: &[u8], format: Format) -> Vec<Result<Record, Error>> {
        Reader::new(Box::new(Cursor::new(bytes.to_vec())), "in.jsonl".into(), format).collect()
    }

    #[test]
    fn jsonl_keeps_going_after_a_bad_line() {
        let input = b"{\"id\":\"a\",\"text\":\"Strikes near Mosul.\",\"date\":\"2024-01-23\"}\n{broken\n\n{\"id\":7,\"text\":\"Gaza\",\"date\":\"someday\"}\n";
        let got = read(input, Format::JsonLines);
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id.as_deref(), Some("a"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 1, 23));
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.line(), Some(2));
        let c = got[2].as_ref().unwrap();
        assert_eq!(c.id.as_deref(), Some("7"));
        assert_eq!(c.date, None);
        assert_eq!(c.warnings.len(), 1);
    }

    #[test]
    fn text_is_decoded_lossily_with_offset() {
        let got = read(b"Baghdad \xff\xfe Basra", Format::Text);
        let r = got[0].as_ref().unwrap();
        assert_eq!(r.text, "Baghdad \u{FFFD}\u{FFFD} Basra");
        assert!(r.warnings[0].contains("byte 8"), "{:?}", r.warnings);
        assert!(read(b"", Format::Text)[0].as_ref().unwrap().text.is_empty());
    }

    #[test]
    fn jsonl_reads_country_and_source_metadata() {
        let input = concat!(
            "{\"text\":\"a\",\"news_sources\":\"Daily Nation (Kenya)\",\"country\":\"KE\"}\n",
            "{\"text\":\"b\",\"source\":[\"AFP\",\" \",\"Dawn (Pakistan)\"],\"source_country\":\"Pakistan\"}\n",
            "{\"text\":\"c\",\"source\":{\"name\":\"odd\"},\"country\":42,\"outlet\":\"Libya Herald\"}\n",
            "{\"text\":\"d\",\"source\":\"  \"}\n",
        );
        let got: Vec<Record> = read(input.as_bytes(), Format::JsonLines).into_iter().map(Result::unwrap).collect();
        assert_eq!(got[0].source.as_deref(), Some("Daily Nation (Kenya)"));
        assert_eq!(got[0].country.as_deref(), Some("KE"));
        assert_eq!(got[1].source.as_deref(), Some("AFP; Dawn (Pakistan)"));
        assert_eq!(got[1].country.as_deref(), Some("Pakistan"));
        // Unexpected shapes cost the field, not the record.
        assert_eq!(got[2].source.as_deref(), Some("Libya Herald"));
        assert_eq!(got[2].country, None);
        assert_eq!(got[3].source, None);
    }

    #[test]
    fn dates_parse_leniently() {
        assert_eq!(parse_date("2016-07-02T10:00:00"), NaiveDate::from_ymd_opt(2016, 7, 2));
        assert_eq!(parse_date("02/07/2016"), None);
        assert_eq!(parse_date(""), None);
        let d = NaiveDate::from_ymd_opt;
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79"), d(1987, 2, 26));
        assert_eq!(parse_date("2016/07/02"), d(2016, 7, 2));
        assert_eq!(parse_date("Tue, 23 Jan 2024 10:00:00 +0000"), d(2024, 1, 23));
        assert_eq!(parse_date("1 Jul 2003 10:52:37 -0500"), d(2003, 7, 1));
        assert_eq!(parse_date("Mon, 2 Feb 2015 08:00:00 GMT"), d(2015, 2, 2));
        assert_eq!(parse_date("23 January 2024"), d(2024, 1, 23));
        assert_eq!(parse_date("January 23, 2024 at noon"), d(2024, 1, 23));
        assert_eq!(parse_date("31 February 2024"), None);
        assert_eq!(parse_date("someday"), None);
    }
}
