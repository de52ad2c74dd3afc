//! The gazetteer: places, the bundled data, the GeoNames readers and the name
//! index.
//!
//! [`Gazetteer::bundled`] is ready with zero configuration: the generated
//! GeoNames/OurAirports table (`data/gazetteer.tsv.zst`), the curated
//! supplement (`data/supplement.csv`) and the demonym table
//! (`data/demonyms.tsv`) are compiled into the crate and loaded once per
//! process, on first use.
//!
//! # Why the data is compiled, not loaded
//!
//! The data files are text (a zstd-compressed TSV of ~23 MB, and two small
//! CSV/TSV files) so they stay inspectable, diffable and small enough for the
//! crate registry. Parsing them and indexing ~600,000 names takes about half
//! a second, so the build script does it once, at compile time, and writes
//! the compact form (see `store::compact`) that the crate embeds. At run time
//! the bundled gazetteer is a validated view over static bytes: it is ready
//! for its first lookup in well under a millisecond, pages in only what
//! lookups touch, and is shared by every thread. User-loaded GeoNames data
//! goes through the same writer at run time.

pub(crate) mod compass;
pub(crate) mod distance;
mod geonames;
pub(crate) mod memo;
mod place;
pub(crate) mod prior;
pub(crate) mod store;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use serde::Serialize;

pub use place::{Place, PlaceKind};
pub use prior::MatchKind;

use crate::error::Error;
use crate::text::fold::fold_str_into;
use crate::text::tokens::name_keys;
use store::compact::{self, posting_is_primary, posting_record, Compact, Layout, RecordView};
use store::row::{country_code, Origin, PlaceRow};

/// The bundled gazetteer in compact form, written by `build.rs` from
/// `data/gazetteer.tsv.zst`, `data/supplement.csv` and `data/demonyms.tsv`.
static BUNDLED_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

static BUNDLED: Lazy<Gazetteer> = Lazy::new(|| {
    let t0 = Instant::now();
    // build.rs wrote and checked these bytes, and the test suite opens them,
    // so failure here would be a packaging defect: degrade to an empty
    // gazetteer rather than panic in a caller's process.
    match Layout::open(BUNDLED_BYTES) {
        Ok(layout) => Gazetteer {
            bytes: Cow::Borrowed(BUNDLED_BYTES),
            layout,
            load_time: t0.elapsed(),
            skipped_rows: 0,
            capitals: Default::default(),
            divisions: Default::default(),
            id: next_id(),
        },
        Err(_) => Gazetteer::empty(),
    }
});

/// A gazetteer: places, their names and the index that finds them.
///
/// ```
/// use geoevents::Gazetteer;
///
/// let gaz = Gazetteer::bundled();
/// let best = &gaz.lookup("Deir ez-Zor")[0];
/// assert_eq!(best.place.country.as_deref(), Some("SY"));
/// ```
#[derive(Clone)]
pub struct Gazetteer {
    bytes: Cow<'static, [u8]>,
    layout: Layout,
    load_time: Duration,
    skipped_rows: usize,
    /// Country → its capital's record, built on first use.
    capitals: once_cell::sync::OnceCell<FxHashMap<[u8; 2], u32>>,
    /// Country → its first-level divisions' records, built on first use.
    divisions: once_cell::sync::OnceCell<FxHashMap<[u8; 2], Vec<u32>>>,
    /// Unique per loaded gazetteer (clones share it): tags per-thread memos.
    id: u64,
}

/// The next gazetteer id (0 is never handed out).
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("places", &self.len()).field("bytes", &self.bytes.len()).finish()
    }
}

/// One ranked answer of [`Gazetteer::lookup`].
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    /// The place.
    pub place: Place,
    /// How the name matched.
    pub matched: MatchKind,
    /// Context-free prior score (higher is better).
    pub score: f32,
}

/// Counts and timing of a loaded gazetteer, as printed by `geoevents gazetteer stats`.
#[derive(Clone, Debug, Serialize)]
pub struct GazetteerStats {
    /// Number of places.
    pub places: usize,
    /// Places per kind.
    pub by_kind: Vec<(PlaceKind, usize)>,
    /// Distinct folded names in the index.
    pub names: usize,
    /// Demonym forms ("Iraqi", "Syrians", …).
    pub demonyms: usize,
    /// Rows skipped as malformed in lenient loading.
    pub skipped_rows: usize,
    /// Time spent loading and indexing.
    pub load_ms: f64,
}

impl Gazetteer {
    /// The bundled gazetteer, loaded on first use and shared for the life of
    /// the process.
    pub fn bundled() -> &'static Gazetteer {
        &BUNDLED
    }

    /// A builder for a custom gazetteer (bundled data plus GeoNames dumps, or
    /// dumps alone).
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    fn empty() -> Gazetteer {
        let bytes = compact::write(&[], &[], &[]);
        let layout = Layout::open(&bytes).unwrap_or_default();
        Gazetteer {
            bytes: Cow::Owned(bytes),
            layout,
            load_time: Duration::ZERO,
            skipped_rows: 0,
            capitals: Default::default(),
            divisions: Default::default(),
            id: next_id(),
        }
    }

    /// This gazetteer's unique id.
    #[inline]
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The compact view the pipeline stages search.
    #[inline]
    pub(crate) fn view(&self) -> Compact<'_> {
        Compact::new(&self.bytes, self.layout)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.view().len()
    }

    /// True when the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Ranked candidates for a place name, best first.
    ///
    /// The name is folded (case, marks, apostrophes, hyphens) and looked up
    /// exactly; transliteration-key matches (al-/el- dropped, vowels and
    /// doubled letters merged) follow, ranked below every exact match.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let v = self.view();
        let mut fold = String::new();
        let mut scratch = String::new();
        fold_str_into(name, &mut fold);
        let Some(keys) = name_keys(&fold, &mut scratch) else {
            return Vec::new();
        };
        let mut out: Vec<(u32, MatchKind, f32)> = Vec::new();
        if let Some(e) = v.exact(keys.exact) {
            for p in v.postings(e) {
                let how = if posting_is_primary(p) { MatchKind::Preferred } else { MatchKind::Alternate };
                out.push((posting_record(p), how, self.prior(posting_record(p), how)));
            }
        }
        if let Some(e) = v.translit(keys.translit) {
            for p in v.postings(e) {
                let idx = posting_record(p);
                if !out.iter().any(|&(i, _, _)| i == idx) {
                    out.push((idx, MatchKind::Transliteration, self.prior(idx, MatchKind::Transliteration)));
                }
            }
        }
        let mut scored: Vec<(u32, f32)> = out.iter().map(|c| (c.0, c.2)).collect();
        prior::prefer_seats(&v, &mut scored);
        for (c, s) in out.iter_mut().zip(&scored) {
            c.2 = s.1;
        }
        out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(idx, matched, score)| Candidate { place: self.place(idx), matched, score }).collect()
    }

    /// The country with ISO alpha-2 `code`, if the gazetteer has it.
    pub fn country(&self, code: &str) -> Option<Place> {
        let c = country_code(code)?;
        self.view().country(c).map(|i| self.place(i))
    }

    /// The display name of the country with ISO alpha-2 `code`, borrowed
    /// from the store (no `Place` is built: actor names ask for it often).
    pub(crate) fn country_name(&self, code: &str) -> Option<&str> {
        let c = country_code(code)?;
        self.view().country(c).map(|i| self.view().record(i).name())
    }

    /// The capital of the country with ISO alpha-2 `code` (its most populous
    /// `PPLC` place), if the gazetteer has one.
    pub fn capital(&self, code: &str) -> Option<Place> {
        let c = country_code(code)?;
        let caps = self.capitals.get_or_init(|| {
            let v = self.view();
            let mut best: FxHashMap<[u8; 2], (u32, u64)> = FxHashMap::default();
            for i in 0..v.len() as u32 {
                let r = v.record(i);
                // The kind is one byte; the feature code a string to check.
                if r.kind() != PlaceKind::City || r.fcode() != "PPLC" {
                    continue;
                }
                if let Some(cc) = r.country() {
                    let pop = r.population_or_zero();
                    let e = best.entry(cc).or_insert((i, pop));
                    if pop > e.1 {
                        *e = (i, pop);
                    }
                }
            }
            best.into_iter().map(|(k, (i, _))| (k, i)).collect()
        });
        caps.get(&c).map(|&i| self.place(i))
    }

    /// The first-level division that stands for the `toward` part of the
    /// country with ISO alpha-2 `code` ("northern Kenya"): see
    /// [`compass::division_toward`]. `None` for a country with fewer than
    /// three divisions.
    pub(crate) fn division_toward(&self, code: &str, toward: compass::Compass) -> Option<Place> {
        let c = country_code(code)?;
        let divisions = self.divisions.get_or_init(|| {
            let v = self.view();
            let mut by_country: FxHashMap<[u8; 2], Vec<u32>> = FxHashMap::default();
            for i in 0..v.len() as u32 {
                let r = v.record(i);
                // Curated regions are admin1 rows too; only GeoNames'
                // divisions tile the country.
                if r.kind() == PlaceKind::Admin1 && r.fcode() == "ADM1" {
                    if let Some(cc) = r.country() {
                        by_country.entry(cc).or_default().push(i);
                    }
                }
            }
            by_country
        });
        let records = divisions.get(&c)?;
        let v = self.view();
        let points: Vec<(f64, f64)> = records.iter().map(|&i| (v.record(i).lat(), v.record(i).lon())).collect();
        compass::division_toward(&points, toward).map(|k| self.place(records[k]))
    }

    /// The first-level division (or curated region) called `name` in the
    /// country `code`: `division("IQ", "Anbar")` is the Al Anbar governorate.
    pub fn division(&self, code: &str, name: &str) -> Option<Place> {
        let c = country_code(code)?;
        let mut fold = String::new();
        fold_str_into(name, &mut fold);
        let k = name_keys(&fold, &mut String::new())?;
        self.view().admin1(k.exact, c).map(|i| self.place(i))
    }

    /// The country a demonym or adjective names ("Iraqi" → `IQ`), if known.
    pub fn demonym(&self, word: &str) -> Option<String> {
        let mut fold = String::new();
        fold_str_into(word, &mut fold);
        let k = name_keys(&fold, &mut String::new())?;
        let c = self.view().demonym(k.exact)?;
        std::str::from_utf8(&c).ok().map(str::to_string)
    }

    /// Counts per kind and the load time.
    pub fn stats(&self) -> GazetteerStats {
        let kinds = PlaceKind::ALL;
        let v = self.view();
        let mut counts = [0usize; 10];
        for i in 0..v.len() {
            counts[v.record(i as u32).kind() as usize] += 1;
        }
        GazetteerStats {
            places: v.len(),
            by_kind: kinds.iter().map(|k| (*k, counts[*k as usize])).collect(),
            names: v.name_count(),
            demonyms: v.demonym_count(),
            skipped_rows: self.skipped_rows,
            load_ms: self.load_time.as_secs_f64() * 1000.0,
        }
    }

    /// Record `idx` as a [`Place`]: borrowing its strings from the bundled
    /// buffer, which is `'static`, or copying them from a loaded one.
    pub(crate) fn place(&self, idx: u32) -> Place {
        match &self.bytes {
            Cow::Borrowed(bytes) => RECENT_PLACES.with_borrow_mut(|slots| {
                // A place of the bundled buffer borrows all its strings, so
                // a copy from the cache is a few words: no record read and
                // none of the six UTF-8 checks that building it costs.
                if slots.is_empty() {
                    slots.resize(RECENT_PLACE_SLOTS, (0, 0, None));
                }
                let slot = &mut slots[recent_place_slot(idx)];
                match &slot.2 {
                    Some(p) if slot.0 == self.id && slot.1 == idx => p.clone(),
                    _ => {
                        let p = record_place(&Compact::new(bytes, self.layout).record(idx), Cow::Borrowed);
                        *slot = (self.id, idx, Some(p.clone()));
                        p
                    }
                }
            }),
            Cow::Owned(_) => record_place(&self.view().record(idx), |s| Cow::Owned(s.to_owned())),
        }
    }

    pub(crate) fn prior(&self, idx: u32, how: MatchKind) -> f32 {
        prior::prior(&self.view().record(idx), how)
    }
}

thread_local! {
    /// Places this thread built recently from a bundled gazetteer: (gazetteer
    /// id, record, place), direct-mapped by record. News names the same few
    /// hundred places again and again ("U.S.", "Tokyo", the story's towns).
    static RECENT_PLACES: std::cell::RefCell<Vec<(u64, u32, Option<Place>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Slots of [`RECENT_PLACES`]: a power of two.
const RECENT_PLACE_SLOTS: usize = 1024;

/// The [`RECENT_PLACES`] slot of record `idx`: the top bits of a
/// multiplicative hash, so that neighbouring records spread out.
fn recent_place_slot(idx: u32) -> usize {
    ((idx as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT_PLACE_SLOTS.trailing_zeros())) as usize
}

/// Materialises a record as a [`Place`], each string through `text`.
fn record_place<'a>(r: &RecordView<'a>, text: impl Fn(&'a str) -> Cow<'static, str>) -> Place {
    let opt = |s: &'a str| if s.is_empty() { None } else { Some(text(s)) };
    Place {
        id: text(r.id()),
        name: text(r.name()),
        lat: r.lat(),
        lon: r.lon(),
        country: r.country_code().map(&text),
        admin1: opt(r.admin1()),
        admin2: opt(r.admin2()),
        kind: r.kind(),
        feature_code: opt(r.fcode()),
        population: r.population(),
    }
}

/// Builds a [`Gazetteer`] from the bundled data and/or GeoNames dumps.
///
/// ```no_run
/// use geoevents::Gazetteer;
///
/// let gaz = Gazetteer::builder()
///     .geonames_admin1("admin1CodesASCII.txt")
///     .geonames("IQ.txt")
///     .geonames_alternate_names("alternateNamesV2.txt")
///     .build()?;
/// # Ok::<(), geoevents::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    bundled: bool,
    lenient: bool,
    geonames: Vec<PathBuf>,
    admin1: Vec<PathBuf>,
    country_info: Vec<PathBuf>,
    alternate_names: Vec<PathBuf>,
    supplements: Vec<PathBuf>,
    tables: Vec<PathBuf>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder that starts from the bundled data.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            bundled: true,
            lenient: false,
            geonames: Vec::new(),
            admin1: Vec::new(),
            country_info: Vec::new(),
            alternate_names: Vec::new(),
            supplements: Vec::new(),
            tables: Vec::new(),
        }
    }

    /// Whether to include the bundled data (default `true`).
    pub fn bundled(mut self, yes: bool) -> Self {
        self.bundled = yes;
        self
    }

    /// Skip malformed rows (counted in [`GazetteerStats::skipped_rows`])
    /// instead of failing on the first one (default `false`).
    pub fn lenient(mut self, yes: bool) -> Self {
        self.lenient = yes;
        self
    }

    /// Adds a GeoNames geoname table: `allCountries.txt`, `cities500.txt`,
    /// `cities15000.txt`, or a country file such as `IQ.txt`. Places already
    /// present (same geonameid) are not duplicated.
    pub fn geonames(mut self, path: impl AsRef<Path>) -> Self {
        self.geonames.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds `admin1CodesASCII.txt`, which names the first-level division of
    /// places read with [`GazetteerBuilder::geonames`].
    pub fn geonames_admin1(mut self, path: impl AsRef<Path>) -> Self {
        self.admin1.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds `countryInfo.txt`: country names and capitals; a country with no
    /// row of its own gets its capital's coordinates.
    pub fn geonames_country_info(mut self, path: impl AsRef<Path>) -> Self {
        self.country_info.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds `alternateNamesV2.txt` (or `alternateNames.txt`): extra names for
    /// places already loaded.
    pub fn geonames_alternate_names(mut self, path: impl AsRef<Path>) -> Self {
        self.alternate_names.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds a table in the format of the bundled `data/gazetteer.tsv.zst`
    /// (tab-separated `id name lat lon country admin1 admin2 kind fcode
    /// population names`, plain or zstd-compressed when the name ends in
    /// `.zst`), for example one rebuilt by `data/build/build_gazetteer.py`
    /// from more packages.
    pub fn table(mut self, path: impl AsRef<Path>) -> Self {
        self.tables.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds a supplement CSV in the format of `data/supplement.csv`
    /// (`id,name,variants,lat,lon,kind,country,admin1,source`).
    pub fn supplement(mut self, path: impl AsRef<Path>) -> Self {
        self.supplements.push(path.as_ref().to_path_buf());
        self
    }

    /// Loads everything and builds the name index.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let t0 = Instant::now();
        let mut skipped = 0;
        let mut rows: Vec<PlaceRow> = Vec::new();
        if self.bundled {
            let b = Gazetteer::bundled().view();
            rows.reserve(b.len());
            rows.extend((0..b.len()).map(|i| b.record(i as u32).to_row()));
        }
        for p in &self.tables {
            let raw = std::fs::read(p).map_err(|e| Error::io(p, e))?;
            let raw = if p.extension().is_some_and(|e| e == "zst") {
                zstd::stream::decode_all(&raw[..]).map_err(|e| Error::io(p, e))?
            } else {
                raw
            };
            let text = String::from_utf8(raw).map_err(|e| Error::io(p, std::io::Error::other(e)))?;
            let first = rows.len();
            skipped += store::tsv::parse_rows(&text, &p.to_string_lossy(), self.lenient, &mut rows)?;
            for r in &mut rows[first..] {
                r.origin = Origin::User;
            }
        }
        for p in &self.supplements {
            let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
            skipped +=
                store::curated::read_supplement(&text, &p.to_string_lossy(), Origin::User, &mut rows, self.lenient)?;
        }
        let mut admin1 = FxHashMap::default();
        for p in &self.admin1 {
            skipped += geonames::read_admin1_codes(p, self.lenient, &mut admin1)?;
        }
        let mut known: FxHashMap<String, u32> = FxHashMap::default();
        if !self.geonames.is_empty() || !self.alternate_names.is_empty() || !self.country_info.is_empty() {
            for (i, r) in rows.iter().enumerate() {
                known.insert(r.id.clone(), i as u32);
            }
        }
        for p in &self.geonames {
            skipped += geonames::read_geonames(p, self.lenient, &admin1, &mut rows, &mut known)?;
        }
        for p in &self.country_info {
            let mut infos = Vec::new();
            skipped += geonames::read_country_info(p, self.lenient, &mut infos)?;
            add_countries_from_info(&mut rows, &mut known, &infos);
        }
        let mut extra = Vec::new();
        for p in &self.alternate_names {
            skipped += geonames::read_alternate_names(p, self.lenient, &known, &mut extra)?;
        }
        let demonyms = if self.bundled {
            store::demonyms::parse_demonyms(include_str!("../../data/demonyms.tsv"), "data/demonyms.tsv")?
        } else {
            Vec::new()
        };
        let bytes = compact::write(&rows, &extra, &demonyms);
        let layout = Layout::open(&bytes)?;
        Ok(Gazetteer {
            bytes: Cow::Owned(bytes),
            layout,
            load_time: t0.elapsed(),
            skipped_rows: skipped,
            capitals: Default::default(),
            divisions: Default::default(),
            id: next_id(),
        })
    }
}

/// Countries named in `countryInfo.txt` but absent from the rows get a row
/// at their capital (the only coordinate countryInfo implies).
fn add_countries_from_info(
    rows: &mut Vec<PlaceRow>,
    known: &mut FxHashMap<String, u32>,
    infos: &[geonames::CountryInfo],
) {
    for info in infos {
        let id = format!("geonames:{}", info.geonameid);
        if known.contains_key(&id) || rows.iter().any(|r| r.kind == PlaceKind::Country && r.country == Some(info.iso)) {
            continue;
        }
        let Some(cap) = rows.iter().find(|r| r.country == Some(info.iso) && r.name == info.capital) else { continue };
        let row = PlaceRow {
            id: id.clone(),
            name: info.name.clone(),
            names: Vec::new(),
            admin1: String::new(),
            admin2: String::new(),
            fcode: "PCLI".into(),
            lat: cap.lat,
            lon: cap.lon,
            population: Some(info.population),
            country: Some(info.iso),
            kind: PlaceKind::Country,
            origin: Origin::User,
        };
        known.insert(id, rows.len() as u32);
        rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_places_are_the_records_places() {
        let gaz = Gazetteer::bundled();
        let v = gaz.view();
        let fresh = |i: u32| record_place(&v.record(i), Cow::Borrowed);
        // Three times as many records as slots, so that records share
        // slots and evict each other; twice, so that the second pass also
        // reads places the first one cached.
        let step = (v.len() / (3 * RECENT_PLACE_SLOTS)).max(1);
        let records: Vec<u32> = (0..v.len() as u32).step_by(step).collect();
        for _ in 0..2 {
            for &i in &records {
                assert_eq!(gaz.place(i), fresh(i), "record {i}");
            }
        }
        // Two records of one slot, in turn.
        let mut first_in_slot = vec![None; RECENT_PLACE_SLOTS];
        let (a, b) =
            records.iter().find_map(|&b| first_in_slot[recent_place_slot(b)].replace(b).map(|a| (a, b))).unwrap();
        for i in [a, b, a, b] {
            assert_eq!(gaz.place(i), fresh(i));
        }
    }
}
