//! Candidate places for a recognised name, ranked by their context-free
//! priors, and memoised per thread.
//!
//! A name's candidates depend only on its gazetteer entry (and, for a
//! lossy transliteration match, on the surface the filter compares with), so
//! the lists of recent names are kept: "U.S.", "Reuters" and a story's own
//! names come back in every document, and scoring their postings means a
//! record read (a cache miss) per candidate.

use std::cell::RefCell;

use super::recognize::Found;
use crate::gazetteer::prior::prefer_seats;
use crate::gazetteer::store::compact::{posting_is_primary, posting_record, Compact};
use crate::gazetteer::{Gazetteer, MatchKind};
use crate::text::tokens::{combine, hash_bytes};

/// At most this many candidates per mention are scored (by prior), which
/// bounds the cost of names shared by hundreds of villages.
const MAX_CANDIDATES: usize = 40;

/// Slots of the per-thread memo: a power of two.
const SLOTS: usize = 2048;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub record: u32,
    pub how: MatchKind,
    pub prior: f32,
    pub score: f32,
}

/// Recent candidate lists of one thread: (key, list) slots, direct-mapped,
/// for the gazetteer with id `owner`.
struct Memo {
    owner: u64,
    slots: Vec<(u64, Vec<Cand>)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = const { RefCell::new(Memo { owner: 0, slots: Vec::new() }) };
}

/// The candidates of one found name, best prior first (see [`rank`]),
/// from this thread's memo when the same name was ranked recently.
pub(crate) fn candidates(v: &Compact<'_>, gaz: &Gazetteer, f: &Found, folded_surface: &str) -> Vec<Cand> {
    // (start, len) identifies the entry; the multiply spreads it over the
    // top bits the slot index uses. 0 marks an empty slot.
    let mut key = ((f.entry.start as u64) << 32 | f.entry.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    if f.translit {
        key = combine(key ^ 1, hash_bytes(folded_surface.as_bytes()));
    }
    let key = key.max(1);
    MEMO.with_borrow_mut(|Memo { owner, slots }| {
        if *owner != gaz.id() || slots.is_empty() {
            *owner = gaz.id();
            *slots = vec![(0, Vec::new()); SLOTS];
        }
        let slot = &mut slots[(key >> 53) as usize & (SLOTS - 1)];
        if slot.0 != key {
            slot.0 = key;
            slot.1 = rank(v, gaz, f, folded_surface);
        }
        slot.1.clone()
    })
}

/// Scores every posting of the name by prior, keeps the likeliest.
fn rank(v: &Compact<'_>, gaz: &Gazetteer, f: &Found, folded_surface: &str) -> Vec<Cand> {
    let mut out: Vec<Cand> = v
        .postings(f.entry)
        .map(|p| {
            let how = if f.translit {
                MatchKind::Transliteration
            } else if posting_is_primary(p) {
                MatchKind::Preferred
            } else {
                MatchKind::Alternate
            };
            let record = posting_record(p);
            let prior = gaz.prior(record, how);
            Cand { record, how, prior, score: prior }
        })
        .collect();
    if f.translit {
        // A transliteration key is lossy: keep candidates one of whose names
        // is really close to the surface (checking the likeliest few only).
        let single = !folded_surface.contains(' ');
        let bar = if single { 0.88 } else { 0.8 };
        out.sort_by(|a, b| b.prior.total_cmp(&a.prior).then(a.record.cmp(&b.record)));
        out.truncate(8);
        let mut fold = String::new();
        out.retain(|c| similar_enough(v, c.record, folded_surface, bar, &mut fold));
    }
    let mut scored: Vec<(u32, f32)> = out.iter().map(|c| (c.record, c.prior)).collect();
    prefer_seats(v, &mut scored);
    for (c, s) in out.iter_mut().zip(&scored) {
        c.prior = s.1;
        c.score = s.1;
    }
    out.sort_by(|a, b| b.prior.total_cmp(&a.prior).then(a.record.cmp(&b.record)));
    out.truncate(MAX_CANDIDATES);
    out
}

/// True when one of the record's names (the display name, then the first 40
/// alternates) reaches Jaro-Winkler similarity `bar` with the surface.
/// `fold` is scratch space for the folded names, reused across calls.
pub(crate) fn similar_enough(v: &Compact<'_>, record: u32, folded_surface: &str, bar: f64, fold: &mut String) -> bool {
    let r = v.record(record);
    let n = folded_surface.len();
    std::iter::once(r.name()).chain(r.alternates().split('|').take(40)).any(|name| {
        // Names more than twice as long or short as the surface cannot
        // reach the bars used here; skip folding them.
        if name.len() > 2 * n + 4 || 2 * name.len() + 4 < n {
            return false;
        }
        crate::text::fold::fold_str_into(name, fold);
        jaro_winkler(fold, folded_surface) >= bar
    })
}

/// `strsim::jaro_winkler`, bit for bit, on bytes when both strings are ASCII
/// and at most 64 bytes long (bytes are then characters, and a `u64` holds
/// each string's match flags). strsim walks the second string from its start
/// for every character of the first, decoding UTF-8 at each step, and
/// allocates its flags: most of the cost of [`similar_enough`].
fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || x.len() > 64 || y.len() > 64 {
        return strsim::jaro_winkler(a, b);
    }
    let sim = jaro_bytes(x, y);
    if sim > 0.7 {
        let prefix = x.iter().take(4).zip(y).take_while(|(p, q)| p == q).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// strsim's `generic_jaro` over two byte strings of at most 64 bytes, with
/// the same matching order and the same arithmetic.
fn jaro_bytes(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() { 1.0 } else { 0.0 };
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        // The first unmatched equal byte of b within the window.
        let window = i.saturating_sub(range)..b.len().min(i + range + 1);
        if let Some(j) = window.into_iter().find(|&j| b[j] == c && b_flags >> j & 1 == 0) {
            a_flags |= 1 << i;
            b_flags |= 1 << j;
            matches += 1;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched bytes of a and of b, paired in order; each pair that differs
    // is half a transposition.
    let mut transpositions = 0usize;
    let mut j = 0;
    for (i, &c) in a.iter().enumerate() {
        if a_flags >> i & 1 == 0 {
            continue;
        }
        while b_flags >> j & 1 == 0 {
            j += 1;
        }
        transpositions += usize::from(b[j] != c);
        j += 1;
    }
    transpositions /= 2;
    ((matches as f64 / a.len() as f64)
        + (matches as f64 / b.len() as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_jaro_winkler_equals_strsim() {
        let words = [
            "",
            "a",
            "fallujah",
            "falluja",
            "fallouja",
            "songhor",
            "sonqor",
            "orangi town",
            "oranjestad",
            "dayr al zawr",
            "deir ez zor",
            "martha",
            "marhta",
            "dixon",
            "dicksonx",
            "abcdefghijklmnopqrstuvwxyz",
            "zyxwvu",
            "qaim",
            "al qaim",
            "kaim",
            "jurf al sakhar",
            "jurf as sakhr",
            "aaaa",
            "aaab",
            "mosul",
            "moslu",
            "é",
            "éa",
        ];
        let same = |a: &str, b: &str| {
            // Bit for bit: a threshold test on the result must not change.
            assert_eq!(jaro_winkler(a, b).to_bits(), strsim::jaro_winkler(a, b).to_bits(), "{a:?} {b:?}");
        };
        for a in words {
            for b in words {
                same(a, b);
            }
        }
        // Pseudo-random strings over a small alphabet (many repeated
        // letters, so many competing matches), up to and past 64 bytes.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let mut word = || {
                let len = (next() % 70) as usize;
                (0..len).map(|_| b"abcde "[(next() % 6) as usize] as char).collect::<String>()
            };
            let (a, b) = (word(), word());
            same(&a, &b);
            same(&a, &a);
        }
    }
}
