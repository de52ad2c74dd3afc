//! The hand-curated supplement (`data/supplement.csv`): conflict sites no
//! registry package has, and news spellings the GeoNames alternates lack.

use serde::Deserialize;

use super::kind::PlaceKind;
use super::row::{country_code, parse_coord, Origin, PlaceRow};
use crate::error::Error;

#[derive(Deserialize)]
struct Row {
    id: String,
    name: String,
    variants: String,
    lat: String,
    lon: String,
    kind: String,
    country: String,
    admin1: String,
    #[allow(dead_code)]
    source: String,
}

/// Reads supplement rows into `out` (CSV with the header
/// `id,name,variants,lat,lon,kind,country,admin1,source`).
///
/// Returns the number of rows skipped as malformed when `lenient`; otherwise
/// the first malformed row is an error naming `path` and its line.
pub(crate) fn read_supplement(
    csv_text: &str,
    path: &str,
    origin: Origin,
    out: &mut Vec<PlaceRow>,
    lenient: bool,
) -> Result<usize, Error> {
    let mut rdr = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(csv_text.as_bytes());
    let headers = rdr.headers().map_err(|e| Error::row(path, 1, e.to_string()))?.clone();
    let mut skipped = 0;
    let mut rec = csv::StringRecord::new();
    loop {
        let read = rdr.read_record(&mut rec);
        let (line, result) = match read {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                let row = rec.deserialize::<Row>(Some(&headers)).map_err(|e| e.to_string());
                (line, row.and_then(|row| add_row(out, row, origin)))
            }
            Err(e) => (e.position().map_or(0, |p| p.line()), Err(e.to_string())),
        };
        if let Err(msg) = result {
            if !lenient {
                return Err(Error::row(path, line, msg));
            }
            skipped += 1;
        }
    }
    Ok(skipped)
}

fn add_row(out: &mut Vec<PlaceRow>, row: Row, origin: Origin) -> Result<(), String> {
    if row.id.is_empty() || row.name.is_empty() {
        return Err("empty id or name".into());
    }
    let lat = parse_coord(&row.lat, 90.0).ok_or_else(|| format!("bad latitude {:?}", row.lat))?;
    let lon = parse_coord(&row.lon, 180.0).ok_or_else(|| format!("bad longitude {:?}", row.lon))?;
    let kind = PlaceKind::parse(&row.kind).ok_or_else(|| format!("unknown kind {:?}", row.kind))?;
    let country = match row.country.as_str() {
        "" => None,
        c => Some(country_code(c).ok_or_else(|| format!("bad country code {c:?}"))?),
    };
    out.push(PlaceRow {
        id: row.id,
        names: row.variants.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect(),
        name: row.name,
        admin1: row.admin1,
        admin2: String::new(),
        fcode: String::new(),
        lat,
        lon,
        population: None,
        country,
        kind,
        origin,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name,variants,lat,lon,kind,country,admin1,source\n";

    #[test]
    fn reads_quoted_rows() {
        let text = format!(
            "{HEADER}supplement:jurf,Jurf al-Sakhar,\"Jurf al-Nasr|Jurf as-Sakhr\",32.86,44.17,town,IQ,Babil,\"news, maps\"\n"
        );
        let mut rows = Vec::new();
        assert_eq!(read_supplement(&text, "s.csv", Origin::Curated, &mut rows, false).unwrap(), 0);
        assert_eq!(rows[0].name, "Jurf al-Sakhar");
        assert_eq!(rows[0].admin1, "Babil");
        assert_eq!(rows[0].names, ["Jurf al-Nasr", "Jurf as-Sakhr"]);
    }

    #[test]
    fn bad_rows_are_typed_errors_or_skipped() {
        let text = format!("{HEADER}a,A,,1,2,town,IQ,,x\nb,B,,1,2,spaceship,IQ,,x\nc,C,,1\n");
        let e = read_supplement(&text, "s.csv", Origin::Curated, &mut Vec::new(), false).unwrap_err();
        assert!(e.to_string().contains("spaceship"), "{e}");
        assert_eq!(e.line(), Some(3));
        let mut rows = Vec::new();
        assert_eq!(read_supplement(&text, "s.csv", Origin::Curated, &mut rows, true).unwrap(), 2);
        assert_eq!(rows.len(), 1);
    }
}
