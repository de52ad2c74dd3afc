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
        strsim::jaro_winkler(fold, folded_surface) >= bar
    })
}
