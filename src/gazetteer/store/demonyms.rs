//! The demonym table (`data/demonyms.tsv`): "Iraqi", "Syrians", … → country.

use super::row::country_code;
use crate::error::Error;

/// Parses `demonym<TAB>country` rows (after `#` comments and a header).
pub(crate) fn parse_demonyms(text: &str, path: &str) -> Result<Vec<(String, [u8; 2])>, Error> {
    let mut rdr = csv::ReaderBuilder::new().delimiter(b'\t').comment(Some(b'#')).from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                let (Some(word), Some(cc)) = (rec.get(0), rec.get(1)) else {
                    return Err(Error::row(path, line, "expected demonym and country"));
                };
                let code =
                    country_code(cc).ok_or_else(|| Error::row(path, line, format!("bad country code {cc:?}")))?;
                out.push((word.to_string(), code));
            }
            Err(e) => return Err(Error::row(path, e.position().map_or(0, |p| p.line()), e.to_string())),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let ok = parse_demonyms("# gen\ndemonym\tcountry\nIraqi\tIQ\nIraqis\tIQ\n", "d.tsv").unwrap();
        assert_eq!(ok, vec![("Iraqi".to_string(), *b"IQ"), ("Iraqis".to_string(), *b"IQ")]);
        let e = parse_demonyms("demonym\tcountry\nIraqi\tIRQ\n", "d.tsv").unwrap_err();
        assert_eq!(e.line(), Some(2));
    }
}
