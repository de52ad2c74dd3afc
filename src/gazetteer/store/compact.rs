//! The compact form of a gazetteer: one byte buffer holding the string
//! arena, fixed-width records, and open-addressing hash tables from name keys
//! to places. It is searched in place, never parsed.
//!
//! The build script writes the bundled gazetteer in this form and the crate
//! embeds the bytes, so the bundled gazetteer costs no start-up work at all;
//! [`crate::GazetteerBuilder`] writes user-loaded data in the same form at run
//! time, so both are searched by the same code.
//!
//! Layout (all integers little-endian; reads go through `from_le_bytes`, so
//! the buffer needs no alignment):
//!
//! | section | content |
//! |---|---|
//! | header | magic `GEOEVGZ\x04`, then [`Field`] values as `u64` |
//! | arena | strings, each a `u16` byte length then UTF-8 bytes; offset 0 is the empty string |
//! | records | [`RECORD_LEN`] bytes each: six arena offsets (id, name, alternates joined by `|`, admin1, admin2, feature code), latitude and longitude in 1e-5 degrees (`i32`), population (`u32`, `u32::MAX` unknown), country (2 bytes), kind, origin |
//! | postings | `u32` each: record index shifted left once, low bit set for a preferred name |
//! | hash tables | [`SLOT_LEN`]-byte slots: key `u64` (0 = empty), then two `u32` values |
//! | countries | 676 `u32`: record of country `AA`…`ZZ`, `u32::MAX` if none |
//! | filters | for the exact, transliteration and demonym tables: a blocked Bloom filter of their keys, `u64` words |
//!
//! Hash tables: exact name key → (postings start, postings length × 2 +
//! prefix flag); transliteration key → the same; demonym key → country code;
//! (name key, country) → admin1 record. A "prefix" key is a proper prefix of
//! a longer name, which lets the recogniser stop extending a window early.
//!
//! The tables are far larger than the CPU caches, and most probes (a
//! capitalised word that names no place, a window one word too long) miss.
//! Each of the two name tables therefore has a Bloom filter in front of it,
//! about 1 MiB, with three bits per key in one 64-bit word, so that a miss
//! costs one cached word instead of a trip to main memory (false positives
//! about 3%: they fall through to the table). The demonym table is small,
//! but the recogniser asks it about every word that may start a name, nearly
//! always in vain: its filter turns those probes away in a few instructions.
//!
//! Keys are 64-bit hashes; with ~2 million keys the chance that two distinct
//! names share one is about 1 in 10^7, and a collision would only add a
//! candidate that ranking and context still have to accept.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::kind::PlaceKind;
use super::row::{Origin, PlaceRow};
use crate::error::Error;
use crate::text::fold::fold_str_into;
use crate::text::tokens::{combine, name_keys};

const MAGIC: &[u8; 8] = b"GEOEVGZ\x04";
/// Bytes per record.
pub(crate) const RECORD_LEN: usize = 40;
/// Bytes per hash-table slot.
pub(crate) const SLOT_LEN: usize = 16;
const COUNTRY_SLOTS: usize = 26 * 26;

/// Header fields, in order after the magic.
#[derive(Clone, Copy)]
#[repr(usize)]
enum Field {
    Records,
    ArenaOff,
    ArenaLen,
    RecordsOff,
    PostingsOff,
    PostingsLen,
    ExactOff,
    ExactSlots,
    TranslitOff,
    TranslitSlots,
    DemonymOff,
    DemonymSlots,
    Admin1Off,
    Admin1Slots,
    CountriesOff,
    MaxTokens,
    Names,
    Demonyms,
    ExactFilterOff,
    ExactFilterWords,
    TranslitFilterOff,
    TranslitFilterWords,
    DemonymFilterOff,
    DemonymFilterWords,
}
const FIELDS: usize = 24;
const HEADER_LEN: usize = 8 + 8 * FIELDS;

/// Where a name key's postings live, and whether longer names continue it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) start: u32,
    pub(crate) len: u32,
    /// Some longer name starts with this key.
    pub prefix: bool,
}

impl Entry {
    /// True when at least one name has exactly this key.
    #[inline]
    pub fn is_name(&self) -> bool {
        self.len > 0
    }

    /// (postings start, length): identifies the key within one gazetteer.
    #[inline]
    pub fn raw(&self) -> (u32, u32) {
        (self.start, self.len)
    }
}

/// Record index of a posting.
#[inline]
pub(crate) fn posting_record(p: u32) -> u32 {
    p >> 1
}

/// Whether a posting is the record's preferred name.
#[inline]
pub(crate) fn posting_is_primary(p: u32) -> bool {
    p & 1 == 1
}

#[inline]
fn slot_of(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

#[inline]
fn nonzero(key: u64) -> u64 {
    if key == 0 {
        1
    } else {
        key
    }
}

#[inline]
fn country_slot(c: [u8; 2]) -> Option<usize> {
    let (a, b) = (c[0].wrapping_sub(b'A') as usize, c[1].wrapping_sub(b'A') as usize);
    (a < 26 && b < 26).then_some(a * 26 + b)
}

/// The admin1 table key of a name key in a country.
#[inline]
pub(crate) fn admin1_key(name_key: u64, country: [u8; 2]) -> u64 {
    combine(name_key, u16::from_le_bytes(country) as u64)
}

// ---------------------------------------------------------------- writing

/// Writes rows (and extra alternate names, as (row, name) pairs) and the
/// demonym table into the compact form.
pub(crate) fn write(rows: &[PlaceRow], extra: &[(u32, String)], demonyms: &[(String, [u8; 2])]) -> Vec<u8> {
    let mut out = vec![0u8; HEADER_LEN];
    out[..8].copy_from_slice(MAGIC);
    let mut header = [0u64; FIELDS];
    header[Field::Records as usize] = rows.len() as u64;

    // Arena, with short repeated strings (admin names, codes) shared.
    let mut arena: Vec<u8> = vec![0, 0];
    let mut shared: FxHashMap<String, u32> = FxHashMap::default();
    let mut put = |s: &str, share: bool, arena: &mut Vec<u8>| -> u32 {
        if s.is_empty() {
            return 0;
        }
        if share {
            if let Some(&o) = shared.get(s) {
                return o;
            }
        }
        let s = truncate_names(s);
        let off = arena.len() as u32;
        arena.extend_from_slice(&(s.len() as u16).to_le_bytes());
        arena.extend_from_slice(s.as_bytes());
        if share {
            shared.insert(s.to_string(), off);
        }
        off
    };
    let mut records = Vec::with_capacity(rows.len() * RECORD_LEN);
    let mut joined = String::new();
    for r in rows {
        joined.clear();
        for (i, n) in r.names.iter().enumerate() {
            if i > 0 {
                joined.push('|');
            }
            joined.push_str(n);
        }
        let offs = [
            put(&r.id, false, &mut arena),
            put(&r.name, false, &mut arena),
            put(&joined, false, &mut arena),
            put(&r.admin1, true, &mut arena),
            put(&r.admin2, true, &mut arena),
            put(&r.fcode, true, &mut arena),
        ];
        for o in offs {
            records.extend_from_slice(&o.to_le_bytes());
        }
        records.extend_from_slice(&((r.lat * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&((r.lon * 1e5).round() as i32).to_le_bytes());
        let pop = r.population.map_or(u32::MAX, |p| p.min(u32::MAX as u64 - 1) as u32);
        records.extend_from_slice(&pop.to_le_bytes());
        records.extend_from_slice(&r.country.unwrap_or([0, 0]));
        records.push(r.kind as u8);
        records.push(r.origin as u8);
    }

    // Name keys, computed in parallel chunks.
    const CHUNK: usize = 4096;
    let mut by_row: Vec<Vec<&str>> = Vec::new();
    if !extra.is_empty() {
        by_row = vec![Vec::new(); rows.len()];
        for (i, n) in extra {
            if let Some(v) = by_row.get_mut(*i as usize) {
                v.push(n);
            }
        }
    }
    let chunks: Vec<Keys> = (0..rows.len().div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let mut k = Keys::default();
            let mut fold = String::new();
            let mut scratch = String::new();
            let first = c * CHUNK;
            for (idx, r) in rows.iter().enumerate().skip(first).take(CHUNK) {
                k.add(idx as u32, &r.name, true, &mut fold, &mut scratch);
                for n in &r.names {
                    k.add(idx as u32, n, false, &mut fold, &mut scratch);
                }
                if let Some(v) = by_row.get(idx) {
                    for n in v {
                        k.add(idx as u32, n, false, &mut fold, &mut scratch);
                    }
                }
            }
            k
        })
        .collect();
    let mut all = Keys::default();
    for k in chunks {
        all.exact.extend(k.exact);
        all.translit.extend(k.translit);
        all.exact_prefixes.extend(k.exact_prefixes);
        all.translit_prefixes.extend(k.translit_prefixes);
        all.max_tokens = all.max_tokens.max(k.max_tokens);
    }
    let mut postings: Vec<u32> = Vec::with_capacity(all.exact.len() + all.translit.len());
    let exact = group(all.exact, all.exact_prefixes, &mut postings);
    let translit = group(all.translit, all.translit_prefixes, &mut postings);
    header[Field::MaxTokens as usize] = all.max_tokens as u64;
    header[Field::Names as usize] = exact.iter().filter(|e| e.2 >> 1 > 0).count() as u64;

    // Demonyms and admin1 names.
    let mut fold = String::new();
    let mut scratch = String::new();
    let mut dem = Vec::new();
    for (word, cc) in demonyms {
        fold_str_into(word, &mut fold);
        if let Some(k) = name_keys(&fold, &mut scratch) {
            dem.push((k.exact, u16::from_le_bytes(*cc) as u32, 1));
        }
    }
    dem.sort_unstable();
    dem.dedup_by_key(|e| e.0);
    header[Field::Demonyms as usize] = dem.len() as u64;
    let mut admin1 = Vec::new();
    let mut countries = vec![u32::MAX; COUNTRY_SLOTS];
    for (i, r) in rows.iter().enumerate() {
        let Some(cc) = r.country else { continue };
        match r.kind {
            PlaceKind::Country => {
                if let Some(s) = country_slot(cc) {
                    if countries[s] == u32::MAX {
                        countries[s] = i as u32;
                    }
                }
            }
            PlaceKind::Admin1 | PlaceKind::Region => {
                for n in std::iter::once(&r.name).chain(&r.names) {
                    fold_str_into(n, &mut fold);
                    if let Some(k) = name_keys(&fold, &mut scratch) {
                        admin1.push((admin1_key(k.exact, cc), i as u32, 1));
                    }
                }
            }
            _ => {}
        }
    }
    // First row wins for a repeated (name, country): generated admin1 rows
    // come before curated regions.
    admin1.sort_by_key(|e| (e.0, e.1));
    admin1.dedup_by_key(|e| e.0);

    // Assemble.
    let section = |out: &mut Vec<u8>, bytes: &[u8]| -> u64 {
        while out.len() % 8 != 0 {
            out.push(0);
        }
        let off = out.len() as u64;
        out.extend_from_slice(bytes);
        off
    };
    header[Field::ArenaOff as usize] = section(&mut out, &arena);
    header[Field::ArenaLen as usize] = arena.len() as u64;
    header[Field::RecordsOff as usize] = section(&mut out, &records);
    let mut pb = Vec::with_capacity(postings.len() * 4);
    for p in &postings {
        pb.extend_from_slice(&p.to_le_bytes());
    }
    header[Field::PostingsOff as usize] = section(&mut out, &pb);
    header[Field::PostingsLen as usize] = postings.len() as u64;
    for (table, off, slots) in [
        (&exact, Field::ExactOff, Field::ExactSlots),
        (&translit, Field::TranslitOff, Field::TranslitSlots),
        (&dem, Field::DemonymOff, Field::DemonymSlots),
        (&admin1, Field::Admin1Off, Field::Admin1Slots),
    ] {
        let (bytes, n) = hash_table(table);
        header[off as usize] = section(&mut out, &bytes);
        header[slots as usize] = n as u64;
    }
    let cb: Vec<u8> = countries.iter().flat_map(|c| c.to_le_bytes()).collect();
    header[Field::CountriesOff as usize] = section(&mut out, &cb);
    for (table, off, words) in [
        (&exact, Field::ExactFilterOff, Field::ExactFilterWords),
        (&translit, Field::TranslitFilterOff, Field::TranslitFilterWords),
        (&dem, Field::DemonymFilterOff, Field::DemonymFilterWords),
    ] {
        let filter = bloom_filter(table);
        let bytes: Vec<u8> = filter.iter().flat_map(|w| w.to_le_bytes()).collect();
        header[off as usize] = section(&mut out, &bytes);
        header[words as usize] = filter.len() as u64;
    }
    for (i, v) in header.iter().enumerate() {
        out[8 + i * 8..16 + i * 8].copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// Keeps a `|`-joined name list within the arena's `u16` length, cutting at
/// a `|` so no name is split.
fn truncate_names(s: &str) -> &str {
    if s.len() <= u16::MAX as usize {
        return s;
    }
    let cut = s[..u16::MAX as usize].rfind('|').unwrap_or(0);
    &s[..cut]
}

#[derive(Default)]
struct Keys {
    exact: Vec<(u64, u32)>,
    translit: Vec<(u64, u32)>,
    exact_prefixes: Vec<u64>,
    translit_prefixes: Vec<u64>,
    max_tokens: usize,
}

impl Keys {
    fn add(&mut self, idx: u32, name: &str, primary: bool, fold: &mut String, scratch: &mut String) {
        fold_str_into(name, fold);
        let Some(k) = name_keys(fold, scratch) else { return };
        let p = idx << 1 | primary as u32;
        self.exact.push((k.exact, p));
        self.translit.push((k.translit, p));
        let t = k.tokens as usize;
        self.max_tokens = self.max_tokens.max(t);
        self.exact_prefixes.extend_from_slice(&k.exact_prefixes[..t.saturating_sub(1)]);
        let tt = k.translit_tokens as usize;
        self.translit_prefixes.extend_from_slice(&k.translit_prefixes[..tt.saturating_sub(1)]);
    }
}

/// Sorts (key, posting) pairs, dedups postings per key (keeping the primary
/// bit), appends them to `postings` and returns (key, start, len × 2 + prefix).
fn group(mut pairs: Vec<(u64, u32)>, mut prefixes: Vec<u64>, postings: &mut Vec<u32>) -> Vec<(u64, u32, u32)> {
    pairs.par_sort_unstable();
    prefixes.par_sort_unstable();
    prefixes.dedup();
    let mut entries = Vec::with_capacity(pairs.len() / 2 + prefixes.len());
    let mut i = 0;
    while i < pairs.len() {
        let key = pairs[i].0;
        let start = postings.len() as u32;
        while i < pairs.len() && pairs[i].0 == key {
            let p = pairs[i].1;
            let n = postings.len();
            if n as u32 > start && postings[n - 1] >> 1 == p >> 1 {
                // Same record again (sorted, so adjacent): keep the primary bit.
                postings[n - 1] |= p & 1;
            } else {
                postings.push(p);
            }
            i += 1;
        }
        let len = postings.len() as u32 - start;
        let prefix = prefixes.binary_search(&key).is_ok();
        entries.push((key, start, len << 1 | prefix as u32));
    }
    // Prefix-only keys.
    let mut j = 0;
    for key in prefixes {
        while j < entries.len() && entries[j].0 < key {
            j += 1;
        }
        if j >= entries.len() || entries[j].0 != key {
            entries.push((key, 0, 1));
        }
    }
    entries
}

/// The word and the three bits of `key` in a filter of `words` words.
#[inline]
fn bloom_bits(key: u64, words: usize) -> (usize, u64) {
    // A different mix from `slot_of`, so filter and table collide independently.
    let m = nonzero(key).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let word = (m >> 40) as usize & (words - 1);
    let bits = (1u64 << (m & 63)) | (1u64 << ((m >> 6) & 63)) | (1u64 << ((m >> 12) & 63));
    (word, bits)
}

/// A blocked Bloom filter of the keys: about eight keys per word.
fn bloom_filter(entries: &[(u64, u32, u32)]) -> Vec<u64> {
    let words = (entries.len() / 8 + 1).next_power_of_two().max(8);
    let mut filter = vec![0u64; words];
    for &(key, _, _) in entries {
        let (w, bits) = bloom_bits(key, words);
        filter[w] |= bits;
    }
    filter
}

/// Lays entries out as an open-addressing table with linear probing, at
/// most 75% full so probes stay short.
fn hash_table(entries: &[(u64, u32, u32)]) -> (Vec<u8>, usize) {
    let slots = (entries.len() * 4 / 3 + 1).next_power_of_two().max(8);
    let mask = slots - 1;
    let mut buf = vec![0u8; slots * SLOT_LEN];
    for &(key, a, b) in entries {
        let key = nonzero(key);
        let mut i = slot_of(key, mask);
        loop {
            let at = i * SLOT_LEN;
            let k = u64::from_le_bytes(buf[at..at + 8].try_into().unwrap_or([0; 8]));
            if k == 0 || k == key {
                buf[at..at + 8].copy_from_slice(&key.to_le_bytes());
                buf[at + 8..at + 12].copy_from_slice(&a.to_le_bytes());
                buf[at + 12..at + 16].copy_from_slice(&b.to_le_bytes());
                break;
            }
            i = (i + 1) & mask;
        }
    }
    (buf, slots)
}

// ---------------------------------------------------------------- reading

/// Section offsets of a validated compact buffer.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Layout {
    h: [u64; FIELDS],
}

impl Layout {
    /// Checks the magic and that every section lies inside `bytes`.
    pub(crate) fn open(bytes: &[u8]) -> Result<Layout, Error> {
        let bad = |m: &str| Error::input(format!("compact gazetteer: {m}"));
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(bad("bad magic or version"));
        }
        let mut h = [0u64; FIELDS];
        for (i, v) in h.iter_mut().enumerate() {
            *v = read_u64(bytes, 8 + i * 8);
        }
        let l = Layout { h };
        let n = bytes.len() as u64;
        let within = |off: Field, len: u64| l.get(off).checked_add(len).is_some_and(|e| e <= n);
        let ok = within(Field::ArenaOff, l.get(Field::ArenaLen))
            && within(Field::RecordsOff, l.get(Field::Records).saturating_mul(RECORD_LEN as u64))
            && within(Field::PostingsOff, l.get(Field::PostingsLen).saturating_mul(4))
            && [Field::ExactSlots, Field::TranslitSlots, Field::DemonymSlots, Field::Admin1Slots]
                .iter()
                .all(|&s| l.get(s).is_power_of_two())
            && within(Field::ExactOff, l.get(Field::ExactSlots).saturating_mul(SLOT_LEN as u64))
            && within(Field::TranslitOff, l.get(Field::TranslitSlots).saturating_mul(SLOT_LEN as u64))
            && within(Field::DemonymOff, l.get(Field::DemonymSlots).saturating_mul(SLOT_LEN as u64))
            && within(Field::Admin1Off, l.get(Field::Admin1Slots).saturating_mul(SLOT_LEN as u64))
            && within(Field::CountriesOff, (COUNTRY_SLOTS * 4) as u64)
            && [Field::ExactFilterWords, Field::TranslitFilterWords, Field::DemonymFilterWords]
                .iter()
                .all(|&w| l.get(w).is_power_of_two())
            && within(Field::ExactFilterOff, l.get(Field::ExactFilterWords).saturating_mul(8))
            && within(Field::TranslitFilterOff, l.get(Field::TranslitFilterWords).saturating_mul(8))
            && within(Field::DemonymFilterOff, l.get(Field::DemonymFilterWords).saturating_mul(8));
        if !ok {
            return Err(bad("section out of bounds"));
        }
        Ok(l)
    }

    #[inline]
    fn get(&self, f: Field) -> u64 {
        self.h[f as usize]
    }
}

#[inline]
fn read_u64(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]))
}

#[inline]
fn read_u32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// A read-only view of a compact buffer.
#[derive(Clone, Copy)]
pub(crate) struct Compact<'a> {
    b: &'a [u8],
    l: Layout,
}

impl<'a> Compact<'a> {
    /// A view over bytes already validated by [`Layout::open`].
    pub(crate) fn new(b: &'a [u8], l: Layout) -> Compact<'a> {
        Compact { b, l }
    }

    pub fn len(&self) -> usize {
        self.l.get(Field::Records) as usize
    }

    pub fn max_tokens(&self) -> usize {
        self.l.get(Field::MaxTokens) as usize
    }

    pub fn name_count(&self) -> usize {
        self.l.get(Field::Names) as usize
    }

    pub fn demonym_count(&self) -> usize {
        self.l.get(Field::Demonyms) as usize
    }

    #[inline]
    fn probe(&self, off: Field, slots: Field, key: u64) -> Option<(u32, u32)> {
        let key = nonzero(key);
        let base = self.l.get(off) as usize;
        let n = self.l.get(slots) as usize;
        let mask = n - 1;
        let mut i = slot_of(key, mask);
        for _ in 0..n {
            let at = base + i * SLOT_LEN;
            let k = read_u64(self.b, at);
            if k == key {
                return Some((read_u32(self.b, at + 8), read_u32(self.b, at + 12)));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// False when the filter at `off` (of `words` words) rules `key` out.
    #[inline]
    fn maybe(&self, off: Field, words: Field, key: u64) -> bool {
        let (w, bits) = bloom_bits(key, self.l.get(words) as usize);
        read_u64(self.b, self.l.get(off) as usize + w * 8) & bits == bits
    }

    /// The entry of an exact (folded) name key.
    #[inline]
    pub fn exact(&self, key: u64) -> Option<Entry> {
        if !self.maybe(Field::ExactFilterOff, Field::ExactFilterWords, key) {
            return None;
        }
        self.probe(Field::ExactOff, Field::ExactSlots, key).map(|(start, b)| Entry {
            start,
            len: b >> 1,
            prefix: b & 1 == 1,
        })
    }

    /// The entry of a transliteration key.
    #[inline]
    pub fn translit(&self, key: u64) -> Option<Entry> {
        if !self.maybe(Field::TranslitFilterOff, Field::TranslitFilterWords, key) {
            return None;
        }
        self.probe(Field::TranslitOff, Field::TranslitSlots, key).map(|(start, b)| Entry {
            start,
            len: b >> 1,
            prefix: b & 1 == 1,
        })
    }

    /// The postings of an entry.
    pub fn postings(&self, e: Entry) -> impl Iterator<Item = u32> + 'a {
        let b = self.b;
        let base = self.l.get(Field::PostingsOff) as usize;
        let limit = self.l.get(Field::PostingsLen) as usize;
        let (s, n) = (e.start as usize, e.len as usize);
        (s..(s + n).min(limit)).map(move |i| read_u32(b, base + i * 4))
    }

    /// The country a demonym key names.
    #[inline]
    pub fn demonym(&self, key: u64) -> Option<[u8; 2]> {
        if !self.maybe(Field::DemonymFilterOff, Field::DemonymFilterWords, key) {
            return None;
        }
        self.probe(Field::DemonymOff, Field::DemonymSlots, key).map(|(c, _)| (c as u16).to_le_bytes())
    }

    /// The admin1 (or curated region) record with name key `key` in `country`.
    pub fn admin1(&self, key: u64, country: [u8; 2]) -> Option<u32> {
        self.probe(Field::Admin1Off, Field::Admin1Slots, admin1_key(key, country)).map(|(r, _)| r)
    }

    /// The record of a country.
    pub fn country(&self, code: [u8; 2]) -> Option<u32> {
        let s = country_slot(code)?;
        let r = read_u32(self.b, self.l.get(Field::CountriesOff) as usize + s * 4);
        (r != u32::MAX && (r as usize) < self.len()).then_some(r)
    }

    /// Record `idx` (which must be `< len()`; out of range reads as empty).
    #[inline]
    pub fn record(&self, idx: u32) -> RecordView<'a> {
        RecordView {
            b: self.b,
            arena: self.l.get(Field::ArenaOff) as usize,
            arena_end: (self.l.get(Field::ArenaOff) + self.l.get(Field::ArenaLen)) as usize,
            at: self.l.get(Field::RecordsOff) as usize + idx as usize * RECORD_LEN,
        }
    }
}

/// One record of a compact buffer.
#[derive(Clone, Copy)]
pub(crate) struct RecordView<'a> {
    b: &'a [u8],
    arena: usize,
    arena_end: usize,
    at: usize,
}

impl<'a> RecordView<'a> {
    /// The bytes of string `field` (UTF-8 in a well-formed buffer).
    #[inline]
    fn bytes(&self, field: usize) -> &'a [u8] {
        let off = read_u32(self.b, self.at + field * 4) as usize;
        let start = self.arena + off;
        let Some(len) = self.b.get(start..start + 2).map(|s| u16::from_le_bytes([s[0], s[1]]) as usize) else {
            return b"";
        };
        let end = (start + 2 + len).min(self.arena_end);
        self.b.get(start + 2..end).unwrap_or(b"")
    }

    fn string(&self, field: usize) -> &'a str {
        std::str::from_utf8(self.bytes(field)).unwrap_or("")
    }

    pub fn id(&self) -> &'a str {
        self.string(0)
    }
    pub fn name(&self) -> &'a str {
        self.string(1)
    }
    /// The alternate names, `|`-joined.
    pub fn alternates(&self) -> &'a str {
        self.string(2)
    }
    pub fn admin1(&self) -> &'a str {
        self.string(3)
    }
    /// [`RecordView::admin1`] unchecked, for comparing: validating UTF-8 on
    /// every comparison in the resolver's inner loops cost more than the
    /// comparisons.
    pub fn admin1_bytes(&self) -> &'a [u8] {
        self.bytes(3)
    }
    /// [`RecordView::name`] unchecked, for comparing.
    pub fn name_bytes(&self) -> &'a [u8] {
        self.bytes(1)
    }
    /// [`RecordView::fcode`] unchecked, for comparing.
    pub fn fcode_bytes(&self) -> &'a [u8] {
        self.bytes(5)
    }
    pub fn admin2(&self) -> &'a str {
        self.string(4)
    }
    pub fn fcode(&self) -> &'a str {
        self.string(5)
    }
    pub fn lat(&self) -> f64 {
        read_u32(self.b, self.at + 24) as i32 as f64 / 1e5
    }
    pub fn lon(&self) -> f64 {
        read_u32(self.b, self.at + 28) as i32 as f64 / 1e5
    }
    pub fn population(&self) -> Option<u64> {
        let p = read_u32(self.b, self.at + 32);
        (p != u32::MAX).then_some(p as u64)
    }
    /// Raw population, 0 when unknown.
    pub fn population_or_zero(&self) -> u64 {
        self.population().unwrap_or(0)
    }
    pub fn country(&self) -> Option<[u8; 2]> {
        let c = [self.b.get(self.at + 36).copied().unwrap_or(0), self.b.get(self.at + 37).copied().unwrap_or(0)];
        (c != [0, 0]).then_some(c)
    }
    /// [`RecordView::country`] as text borrowed from the buffer.
    pub fn country_code(&self) -> Option<&'a str> {
        let code = self.b.get(self.at + 36..self.at + 38)?;
        (code != [0, 0]).then(|| std::str::from_utf8(code).ok()).flatten()
    }
    pub fn kind(&self) -> PlaceKind {
        PlaceKind::from_u8(self.b.get(self.at + 38).copied().unwrap_or(0))
    }
    pub fn origin(&self) -> Origin {
        Origin::from_u8(self.b.get(self.at + 39).copied().unwrap_or(0))
    }

    /// Back to an owned row (for rebuilding with user data).
    pub fn to_row(self) -> PlaceRow {
        PlaceRow {
            id: self.id().to_string(),
            name: self.name().to_string(),
            names: self.alternates().split('|').filter(|s| !s.is_empty()).map(str::to_string).collect(),
            admin1: self.admin1().to_string(),
            admin2: self.admin2().to_string(),
            fcode: self.fcode().to_string(),
            lat: self.lat(),
            lon: self.lon(),
            population: self.population(),
            country: self.country(),
            kind: self.kind(),
            origin: self.origin(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str, alts: &[&str], kind: PlaceKind, cc: &str) -> PlaceRow {
        PlaceRow {
            id: id.into(),
            name: name.into(),
            names: alts.iter().map(|s| s.to_string()).collect(),
            admin1: "Anbar".into(),
            admin2: String::new(),
            fcode: "PPL".into(),
            lat: 34.39251,
            lon: -40.98945,
            population: Some(74100),
            country: super::super::row::country_code(cc),
            kind,
            origin: Origin::Generated,
        }
    }

    fn key(s: &str) -> u64 {
        let mut f = String::new();
        fold_str_into(s, &mut f);
        name_keys(&f, &mut String::new()).unwrap().exact
    }

    #[test]
    fn round_trip() {
        let rows = vec![
            row("geonames:92138", "Al Qā’im", &["Al-Qaim", "Husaybah"], PlaceKind::Town, "IQ"),
            row("geonames:99237", "Iraq", &["Republic of Iraq"], PlaceKind::Country, "IQ"),
            row("geonames:99592", "Anbar", &["Al Anbar"], PlaceKind::Admin1, "IQ"),
        ];
        let bytes = write(&rows, &[(0, "Qaim".into())], &[("Iraqi".into(), *b"IQ")]);
        let l = Layout::open(&bytes).unwrap();
        let c = Compact::new(&bytes, l);
        assert_eq!(c.len(), 3);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(&c.record(i as u32).to_row(), r);
        }
        let e = c.exact(key("al qaim")).unwrap();
        assert!(e.is_name());
        let p: Vec<u32> = c.postings(e).collect();
        assert_eq!(p.len(), 1);
        assert_eq!(posting_record(p[0]), 0);
        assert!(posting_is_primary(p[0]));
        // "al" is a prefix of "al qaim" and "al anbar", not a name.
        let al = c.exact(key("al")).unwrap();
        assert!(al.prefix && !al.is_name());
        assert!(c.exact(key("qaim")).is_some(), "extra names are indexed");
        assert!(c.exact(key("mosul")).is_none());
        assert!(c.translit(combine(crate::text::tokens::KEY_START, crate::text::tokens::hash_bytes(b"kam"))).is_some());
        assert_eq!(c.demonym(key("iraqi")), Some(*b"IQ"));
        assert_eq!(c.country(*b"IQ"), Some(1));
        assert_eq!(c.country(*b"SY"), None);
        assert_eq!(c.admin1(key("Al Anbar"), *b"IQ"), Some(2));
        assert_eq!(c.admin1(key("Al Anbar"), *b"SY"), None);
    }

    #[test]
    fn rejects_corrupt_buffers() {
        assert!(Layout::open(b"nonsense").is_err());
        let mut bytes = write(&[], &[], &[]);
        assert!(Layout::open(&bytes).is_ok());
        bytes.truncate(bytes.len() - 10);
        assert!(Layout::open(&bytes).is_err());
    }
}
