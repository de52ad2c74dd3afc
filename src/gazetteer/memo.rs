//! A small per-thread memo in front of the name tables.
//!
//! The exact and transliteration tables hold over a million 16-byte slots,
//! far more than the CPU caches, so each probe of a new key is a trip to main
//! memory. News vocabulary is Zipfian: "U.S.", "Reuters", "Monday", "Gaza"
//! and the story's own names come back over and over, hit or miss. A
//! direct-mapped memo of recent probes (64 KiB per table, so it stays in L2)
//! answers most of them without touching the big tables.
//!
//! Entries are tagged with the gazetteer's unique id, so a thread that
//! switches between gazetteers never reads another one's answers.

use super::store::compact::{Compact, Entry};
use crate::text::tokens::Token;

/// Slots per table: a power of two.
const SLOTS: usize = 16384;
/// The packed value of "no entry".
const ABSENT: u64 = u64::MAX;

/// Recent probe results of one thread.
pub(crate) struct ProbeMemo {
    owner: u64,
    exact: Box<[(u64, u64)]>,
    translit: Box<[(u64, u64)]>,
    /// Token hash → hash of its transliteration key (a pure function of the
    /// token, so it survives a change of gazetteer).
    keys: Box<[(u64, u64)]>,
    /// Name entry (its postings range, + 1) → the summary of its places'
    /// kinds (see [`ProbeMemo::summary`]).
    summaries: Box<[(u64, u8)]>,
}

impl Default for ProbeMemo {
    fn default() -> Self {
        ProbeMemo {
            owner: 0,
            exact: vec![(0, ABSENT); SLOTS].into_boxed_slice(),
            translit: vec![(0, ABSENT); SLOTS].into_boxed_slice(),
            keys: vec![(0, 0); SLOTS].into_boxed_slice(),
            summaries: vec![(0, 0); SLOTS].into_boxed_slice(),
        }
    }
}

fn pack(e: Option<Entry>) -> u64 {
    e.map_or(ABSENT, |e| ((e.start as u64) << 32) | ((e.len as u64) << 1) | e.prefix as u64)
}

fn unpack(v: u64) -> Option<Entry> {
    (v != ABSENT).then_some(Entry { start: (v >> 32) as u32, len: ((v as u32) >> 1), prefix: v & 1 == 1 })
}

#[inline]
fn memoised(slots: &mut [(u64, u64)], key: u64, probe: impl FnOnce() -> Option<Entry>) -> Option<Entry> {
    // Key 0 marks an empty slot; remap the (astronomically rare) real 0.
    let key = key.max(1);
    let slot = &mut slots[(key >> 50) as usize & (SLOTS - 1)];
    if slot.0 == key {
        return unpack(slot.1);
    }
    let e = probe();
    *slot = (key, pack(e));
    e
}

impl ProbeMemo {
    /// Forgets everything unless the memo already serves gazetteer `owner`.
    #[inline]
    pub(crate) fn serve(&mut self, owner: u64) {
        if self.owner != owner {
            self.exact.iter_mut().for_each(|s| *s = (0, ABSENT));
            self.translit.iter_mut().for_each(|s| *s = (0, ABSENT));
            self.summaries.iter_mut().for_each(|s| *s = (0, 0));
            self.owner = owner;
        }
    }

    /// [`Compact::exact`], memoised.
    #[inline]
    pub(crate) fn exact(&mut self, view: &Compact<'_>, key: u64) -> Option<Entry> {
        memoised(&mut self.exact, key, || view.exact(key))
    }

    /// [`Token::translit_hash`], memoised: building the key is string work,
    /// and the same capitalised non-names ("Reuters", "Inc") recur in every
    /// story.
    #[inline]
    pub(crate) fn translit_hash(&mut self, t: &Token, folded: &str, scratch: &mut String) -> u64 {
        let slot = &mut self.keys[(t.hash >> 50) as usize & (SLOTS - 1)];
        if slot.0 == t.hash && t.hash != 0 {
            return slot.1;
        }
        let h = t.translit_hash(folded, scratch);
        *slot = (t.hash, h);
        h
    }

    /// `summarise(entry)`, memoised per entry. The recogniser's filters ask
    /// what kinds of place a name has; reading every posting's record is a
    /// cache miss each, and the same names come back in every story.
    #[inline]
    pub(crate) fn summary(&mut self, entry: Entry, summarise: impl FnOnce() -> u8) -> u8 {
        // The postings range identifies the entry; + 1 so that 0 marks an
        // empty slot (ranges are far below u64::MAX).
        let tag = ((entry.start as u64) << 32 | entry.len as u64) + 1;
        let slot = &mut self.summaries[(tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize & (SLOTS - 1)];
        if slot.0 == tag {
            return slot.1;
        }
        let v = summarise();
        *slot = (tag, v);
        v
    }

    /// [`Compact::translit`], memoised.
    #[inline]
    pub(crate) fn translit(&mut self, view: &Compact<'_>, key: u64) -> Option<Entry> {
        memoised(&mut self.translit, key, || view.translit(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips() {
        for e in [
            None,
            Some(Entry { start: 0, len: 0, prefix: false }),
            Some(Entry { start: u32::MAX - 1, len: (1 << 31) - 1, prefix: true }),
            Some(Entry { start: 7, len: 3, prefix: true }),
        ] {
            let back = unpack(pack(e));
            assert_eq!(back.map(|e| (e.start, e.len, e.prefix)), e.map(|e| (e.start, e.len, e.prefix)));
        }
    }

    #[test]
    fn memo_answers_like_the_table_and_resets_per_owner() {
        let g = crate::Gazetteer::bundled();
        let v = g.view();
        let mut m = ProbeMemo::default();
        m.serve(g.id());
        let mut scratch = String::new();
        for name in ["gaza", "baghdad", "nowhere-at-all", "new", "gaza"] {
            let k = crate::text::tokens::name_keys(name, &mut scratch).unwrap().exact;
            let want = v.exact(k).map(|e| (e.start, e.len, e.prefix));
            assert_eq!(m.exact(&v, k).map(|e| (e.start, e.len, e.prefix)), want, "{name}");
            assert_eq!(m.exact(&v, k).map(|e| (e.start, e.len, e.prefix)), want, "{name} (memoised)");
        }
        // Another gazetteer's answers are never served.
        let k = crate::text::tokens::name_keys("gaza", &mut scratch).unwrap().exact;
        m.serve(g.id() + 1_000_000);
        assert_eq!(m.exact[(k.max(1) >> 50) as usize & (SLOTS - 1)].0, 0);
    }
}
