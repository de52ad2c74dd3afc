//! The generated gazetteer table (`data/gazetteer.tsv.zst`, decompressed).
//!
//! Tab-separated, never quoted, `#` comment lines, then a header row naming
//! [`COLUMNS`]; alternate names are `|`-separated in the last column. The
//! format is ours, so a split on tabs is exact; the build script reads it.

use super::kind::PlaceKind;
use super::row::{country_code, parse_coord, Origin, PlaceRow};
use crate::error::Error;

/// Columns of the generated gazetteer, in order.
pub(crate) const COLUMNS: [&str; 11] =
    ["id", "name", "lat", "lon", "country", "admin1", "admin2", "kind", "fcode", "population", "names"];

/// Parses the table. With `lenient`, malformed rows are skipped and counted;
/// otherwise the first one is an error naming `path` and the line.
pub(crate) fn parse_rows(text: &str, path: &str, lenient: bool, out: &mut Vec<PlaceRow>) -> Result<usize, Error> {
    let mut skipped = 0;
    let mut header_seen = false;
    for (n, line) in text.split('\n').enumerate() {
        let line_no = n as u64 + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if !line.split('\t').eq(COLUMNS.iter().copied()) {
                return Err(Error::row(path, line_no, format!("header must be {}", COLUMNS.join(" "))));
            }
            continue;
        }
        match parse_row(line) {
            Ok(r) => out.push(r),
            Err(_) if lenient => skipped += 1,
            Err(msg) => return Err(Error::row(path, line_no, msg)),
        }
    }
    if !header_seen {
        return Err(Error::row(path, 1, "no header row"));
    }
    Ok(skipped)
}

fn parse_row(line: &str) -> Result<PlaceRow, String> {
    let mut f = line.split('\t');
    let cols: [Option<&str>; 11] = std::array::from_fn(|_| f.next());
    let Some(names) = cols[10] else {
        return Err(format!("expected {} tab-separated columns", COLUMNS.len()));
    };
    let get = |i: usize| cols[i].unwrap_or("");
    let (id, name) = (get(0), get(1));
    if id.is_empty() || name.is_empty() {
        return Err("empty id or name".into());
    }
    let lat = parse_coord(get(2), 90.0).ok_or_else(|| format!("bad latitude {:?}", get(2)))?;
    let lon = parse_coord(get(3), 180.0).ok_or_else(|| format!("bad longitude {:?}", get(3)))?;
    let country = match get(4) {
        "" => None,
        c => Some(country_code(c).ok_or_else(|| format!("bad country code {c:?}"))?),
    };
    let kind = PlaceKind::parse(get(7)).ok_or_else(|| format!("unknown kind {:?}", get(7)))?;
    let population = match get(9) {
        "" => None,
        p => Some(p.parse().map_err(|_| format!("bad population {p:?}"))?),
    };
    Ok(PlaceRow {
        id: id.to_string(),
        name: name.to_string(),
        names: names.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect(),
        admin1: get(5).to_string(),
        admin2: get(6).to_string(),
        fcode: get(8).to_string(),
        lat,
        lon,
        population,
        country,
        kind,
        origin: Origin::Generated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# generated\nid\tname\tlat\tlon\tcountry\tadmin1\tadmin2\tkind\tfcode\tpopulation\tnames\n\
geonames:98182\tBaghdad\t33.34058\t44.40088\tIQ\tBaghdad\t\tcity\tPPLC\t7216000\tBagdad|Bagdád\n";

    #[test]
    fn parses_rows() {
        let mut rows = Vec::new();
        assert_eq!(parse_rows(GOOD, "g.tsv", false, &mut rows).unwrap(), 0);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "Baghdad");
        assert_eq!(rows[0].country, Some(*b"IQ"));
        assert_eq!(rows[0].population, Some(7216000));
        assert_eq!(rows[0].names, ["Bagdad", "Bagdád"]);
    }

    #[test]
    fn malformed_rows_name_the_line() {
        let bad = format!("{GOOD}geonames:1\tNowhere\t95.0\t10\tIQ\t\t\tcity\t\t\t\nshort\trow\n");
        let e = parse_rows(&bad, "g.tsv", false, &mut Vec::new()).unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(e.to_string().contains("bad latitude"), "{e}");
        let mut rows = Vec::new();
        assert_eq!(parse_rows(&bad, "g.tsv", true, &mut rows).unwrap(), 2);
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn header_is_checked() {
        assert!(parse_rows("id\tname\n", "g.tsv", false, &mut Vec::new()).is_err());
        assert!(parse_rows("", "g.tsv", false, &mut Vec::new()).is_err());
    }
}
