//! Readers for the official GeoNames dump formats, so users can load full
//! GeoNames (or one country) beside or instead of the bundled data:
//! `allCountries.txt`, `cities500.txt`…, country files such as `IQ.txt`,
//! `admin1CodesASCII.txt`, `countryInfo.txt` and `alternateNamesV2.txt`.
//!
//! All are tab-separated without quoting (GeoNames fields never contain tabs),
//! read with the csv crate. A malformed row is an [`Error`] naming the file
//! and line, or, when lenient, a skipped and counted row.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use rustc_hash::FxHashMap;

use super::place::PlaceKind;
use super::store::row::{country_code, parse_coord, Origin, PlaceRow};
use crate::error::Error;

fn reader(path: &Path) -> Result<csv::Reader<BufReader<File>>, Error> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Error::io(path, std::io::Error::other("is a directory")));
    }
    Ok(csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(BufReader::with_capacity(1 << 20, file)))
}

/// Calls `f(line, record)` for every row; handles read errors and leniency.
fn for_each_row(
    path: &Path,
    min_cols: usize,
    lenient: bool,
    mut f: impl FnMut(&csv::StringRecord) -> Result<(), String>,
) -> Result<usize, Error> {
    let mut rdr = reader(path)?;
    let mut rec = csv::StringRecord::new();
    let mut skipped = 0;
    loop {
        let (line, result) = match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                if rec.len() < min_cols {
                    (line, Err(format!("expected at least {min_cols} tab-separated columns, found {}", rec.len())))
                } else {
                    (line, f(&rec))
                }
            }
            Err(e) => {
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(Error::io(path, std::io::Error::other(e.to_string())));
                }
                (e.position().map_or(0, |p| p.line()), Err(e.to_string()))
            }
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

/// Reads `admin1CodesASCII.txt`: `CC.code → name`.
pub(crate) fn read_admin1_codes(
    path: &Path,
    lenient: bool,
    out: &mut FxHashMap<String, String>,
) -> Result<usize, Error> {
    for_each_row(path, 2, lenient, |r| {
        let code = &r[0];
        if !code.contains('.') {
            return Err(format!("bad admin1 code {code:?}"));
        }
        out.insert(code.to_string(), r[1].to_string());
        Ok(())
    })
}

/// A row of `countryInfo.txt`.
#[derive(Clone, Debug)]
pub(crate) struct CountryInfo {
    pub iso: [u8; 2],
    pub name: String,
    pub capital: String,
    pub population: u64,
    pub geonameid: String,
}

/// Reads `countryInfo.txt`.
pub(crate) fn read_country_info(path: &Path, lenient: bool, out: &mut Vec<CountryInfo>) -> Result<usize, Error> {
    for_each_row(path, 17, lenient, |r| {
        let iso = country_code(&r[0]).ok_or_else(|| format!("bad ISO code {:?}", &r[0]))?;
        out.push(CountryInfo {
            iso,
            name: r[4].to_string(),
            capital: r[5].to_string(),
            population: r[7].parse().unwrap_or(0),
            geonameid: r[16].to_string(),
        });
        Ok(())
    })
}

/// Maps a GeoNames feature class and code to our kind, or `None` for
/// features a news geoparser should not match (streams, hills, buildings…).
pub(crate) fn kind_of(fclass: &str, fcode: &str, population: u64) -> Option<PlaceKind> {
    Some(match (fclass, fcode) {
        ("A", "PCLI" | "PCLD" | "PCLF" | "PCL" | "PCLS" | "PCLIX" | "TERR") => PlaceKind::Country,
        ("A", "ADM1" | "ADM1H") => PlaceKind::Admin1,
        ("A", "ADM2" | "ADM2H") => PlaceKind::Admin2,
        ("P", "PPLX") => PlaceKind::District,
        ("P", "PPLC" | "PPLA") => PlaceKind::City,
        ("P", _) if population >= 100_000 => PlaceKind::City,
        ("P", "PPLA2") => PlaceKind::Town,
        ("P", _) if population >= 10_000 => PlaceKind::Town,
        ("P", _) => PlaceKind::Village,
        (
            "S",
            "AIRB" | "AIRF" | "AIRP" | "AIRH" | "MILB" | "INSM" | "PRT" | "DAM" | "BDG" | "OILR" | "PSN" | "PSTB"
            | "CSTM" | "PRN",
        ) => PlaceKind::Facility,
        ("S" | "L", "CMPRF") => PlaceKind::Camp,
        ("L", "OILF" | "GASF") => PlaceKind::Facility,
        ("L", "RGN" | "RGNE" | "TERR" | "ZN" | "ZNB") => PlaceKind::Region,
        _ => return None,
    })
}

/// Reads a GeoNames geoname table (`allCountries.txt`, `cities500.txt`,
/// `IQ.txt`, …: 19 columns) into `rows`. Rows whose id is in `known`
/// (already loaded) are skipped; new ids are added to `known`.
pub(crate) fn read_geonames(
    path: &Path,
    lenient: bool,
    admin1: &FxHashMap<String, String>,
    rows: &mut Vec<PlaceRow>,
    known: &mut FxHashMap<String, u32>,
) -> Result<usize, Error> {
    for_each_row(path, 19, lenient, |r| {
        let gid = &r[0];
        if gid.is_empty() || !gid.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("bad geonameid {gid:?}"));
        }
        let lat = parse_coord(&r[4], 90.0).ok_or_else(|| format!("bad latitude {:?}", &r[4]))?;
        let lon = parse_coord(&r[5], 180.0).ok_or_else(|| format!("bad longitude {:?}", &r[5]))?;
        let population: u64 =
            if r[14].is_empty() { 0 } else { r[14].parse().map_err(|_| format!("bad population {:?}", &r[14]))? };
        let Some(kind) = kind_of(&r[6], &r[7], population) else { return Ok(()) };
        let id = format!("geonames:{gid}");
        if known.contains_key(&id) {
            return Ok(());
        }
        // Latin-script alternates only: others cannot match English text, and
        // allCountries carries ~15 million of them.
        let names = r[3]
            .split(',')
            .filter(|a| !a.is_empty() && *a != &r[1] && a.chars().any(|c| c.is_ascii_alphabetic()) && !is_code(a))
            .map(str::to_string)
            .collect();
        let cc = &r[8];
        let admin1_name = admin1.get(&format!("{cc}.{}", &r[10])).cloned().unwrap_or_default();
        let row = PlaceRow {
            id: id.clone(),
            name: r[1].to_string(),
            names,
            admin1: if kind == PlaceKind::Country { String::new() } else { admin1_name },
            admin2: String::new(),
            fcode: r[7].to_string(),
            lat,
            lon,
            population: if r[14].is_empty() { None } else { Some(population) },
            country: country_code(cc),
            kind,
            origin: Origin::User,
        };
        known.insert(id, rows.len() as u32);
        rows.push(row);
        Ok(())
    })
}

/// Airport and feature codes that GeoNames lists among alternate names.
fn is_code(a: &str) -> bool {
    a.len() <= 4 && a.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Reads `alternateNamesV2.txt` (or the older `alternateNames.txt`), returning
/// (record, name) pairs for records already loaded.
pub(crate) fn read_alternate_names(
    path: &Path,
    lenient: bool,
    known: &FxHashMap<String, u32>,
    out: &mut Vec<(u32, String)>,
) -> Result<usize, Error> {
    let mut key = String::new();
    for_each_row(path, 4, lenient, |r| {
        let lang = &r[2];
        // Links, postcodes and codes are not names.
        if matches!(
            lang,
            "link" | "post" | "iata" | "icao" | "faac" | "abbr" | "wkdt" | "unlc" | "tcid" | "phon" | "piny"
        ) {
            return Ok(());
        }
        if r.len() > 7 && &r[7] == "1" {
            return Ok(()); // Historic names mislead more than they help in news.
        }
        let name = &r[3];
        if !name.chars().any(|c| c.is_ascii_alphabetic()) {
            return Ok(());
        }
        key.clear();
        key.push_str("geonames:");
        key.push_str(&r[1]);
        if let Some(&idx) = known.get(key.as_str()) {
            out.push((idx, name.to_string()));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tmp(name: &str, body: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("geoevents-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(body.as_bytes()).unwrap();
        p
    }

    const IQ: &str = "98182\tBaghdad\tBaghdad\tBagdad,Baghdād,BGW\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t41\tAsia/Baghdad\t2023-01-01\n\
99592\tMuḩāfaz̧at al Anbār\tMuhafazat al Anbar\tAnbar,Al Anbar\t32.9\t42.1\tA\tADM1\tIQ\t\t01\t\t\t\t1771656\t\t100\tAsia/Baghdad\t2023-01-01\n\
12345\tSome Wadi\tSome Wadi\t\t33\t44\tH\tWAD\tIQ\t\t07\t\t\t\t0\t\t100\tAsia/Baghdad\t2023-01-01\n";

    #[test]
    fn reads_geoname_rows_and_admin1_names() {
        let a1 = tmp("admin1.txt", "IQ.07\tBaghdad\tBaghdad\t98180\nIQ.01\tAnbar\tAnbar\t99592\n");
        let mut admin1 = FxHashMap::default();
        assert_eq!(read_admin1_codes(&a1, false, &mut admin1).unwrap(), 0);
        let p = tmp("IQ.txt", IQ);
        let mut t = Vec::new();
        let mut known = FxHashMap::default();
        assert_eq!(read_geonames(&p, false, &admin1, &mut t, &mut known).unwrap(), 0);
        assert_eq!(t.len(), 2, "the wadi is not a news place");
        let b = &t[0];
        assert_eq!((b.name.as_str(), b.kind, b.admin1.as_str()), ("Baghdad", PlaceKind::City, "Baghdad"));
        assert_eq!(b.names, ["Bagdad", "Baghdād"]);
        assert_eq!(t[1].kind, PlaceKind::Admin1);
        // Loading again adds nothing: ids are known.
        read_geonames(&p, false, &admin1, &mut t, &mut known).unwrap();
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn bundled_places_borrow_their_strings_and_loaded_ones_own_them() {
        use std::borrow::Cow;
        let bundled = crate::Gazetteer::bundled().lookup("Baghdad").remove(0).place;
        assert!(matches!(bundled.name, Cow::Borrowed("Baghdad")), "{bundled:?}");
        assert!(matches!(bundled.country, Some(Cow::Borrowed("IQ"))), "{bundled:?}");
        let p = tmp("IQ-owned.txt", IQ);
        let loaded = crate::Gazetteer::builder().bundled(false).geonames(&p).build().unwrap();
        let place = loaded.lookup("Baghdad").remove(0).place;
        assert!(matches!(place.name, Cow::Owned(ref n) if n == "Baghdad"), "{place:?}");
        assert!(matches!(place.id, Cow::Owned(_)) && matches!(place.country, Some(Cow::Owned(_))), "{place:?}");
        // Both read the same.
        assert_eq!((&*place.name, place.country.as_deref()), (&*bundled.name, bundled.country.as_deref()));
    }

    #[test]
    fn truncated_file_reports_line() {
        let cut = &IQ[..IQ.len() - 60];
        let p = tmp("cut.txt", &format!("{IQ}{cut}"));
        let mut t = Vec::new();
        let e = read_geonames(&p, false, &FxHashMap::default(), &mut t, &mut FxHashMap::default()).unwrap_err();
        assert_eq!(e.line(), Some(6), "{e}");
        let mut t = Vec::new();
        let skipped = read_geonames(&p, true, &FxHashMap::default(), &mut t, &mut FxHashMap::default()).unwrap();
        assert_eq!((skipped, t.len()), (1, 2));
    }

    #[test]
    fn missing_file_and_directory_are_io_errors() {
        let mut t = Vec::new();
        let e = read_geonames(
            Path::new("no/such/file.txt"),
            false,
            &FxHashMap::default(),
            &mut t,
            &mut FxHashMap::default(),
        )
        .unwrap_err();
        assert!(e.is_io());
        let e = read_geonames(&std::env::temp_dir(), false, &FxHashMap::default(), &mut t, &mut FxHashMap::default())
            .unwrap_err();
        assert!(e.is_io(), "{e}");
    }

    #[test]
    fn alternate_names_and_country_info() {
        let mut known = FxHashMap::default();
        known.insert("geonames:98182".to_string(), 0u32);
        let p = tmp("alt.txt", "1\t98182\ten\tBaghdad City\t\t\t\t\t\t\n2\t98182\tlink\thttps://x\t\t\t\t\t\t\n3\t98182\t\tBaldat\t\t\t\t1\t\t\n4\t11\ten\tElsewhere\n");
        let mut out = Vec::new();
        read_alternate_names(&p, false, &known, &mut out).unwrap();
        assert_eq!(out, vec![(0, "Baghdad City".to_string())]);
        let line = "IQ\tIRQ\t368\tIZ\tIraq\tBaghdad\t437072\t29671605\tAS\t.iq\tIQD\tDinar\t964\t#####\t^(\\d{5})$\tar-IQ,ku,hy\t99237\tSY,SA,IR,JO,TR,KW\t\n";
        let p = tmp("countryInfo.txt", &format!("#ISO\tISO3\n{line}"));
        let mut c = Vec::new();
        read_country_info(&p, false, &mut c).unwrap();
        assert_eq!((c[0].name.as_str(), c[0].capital.as_str(), c[0].geonameid.as_str()), ("Iraq", "Baghdad", "99237"));
    }
}
