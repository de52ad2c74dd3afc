//! Phrase sets: small dictionaries of words and multi-word phrases matched
//! against token windows by the same sequence keys the gazetteer uses.
//!
//! The pipeline's lexicons (titles, organisation words, stop words, actor
//! names, event triggers) are all phrase sets, so matching them costs a few
//! hash probes per token and never builds a string.

use super::fold::fold_str_into;
use super::tokens::{combine, exact_keys, shape, Token, KEY_START};

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Value of the phrase ending here, if any phrase does.
    value: Option<u32>,
    /// Some longer phrase continues this key.
    prefix: bool,
}

impl Entry {
    /// The entry as a non-zero word (zero marks an empty [`KeyTable`] slot):
    /// bit 34 set, bit 33 `prefix`, bit 32 whether there is a value, the
    /// value in the low 32 bits.
    fn pack(self) -> u64 {
        1 << 34 | (self.prefix as u64) << 33 | self.value.map_or(0, |v| 1 << 32 | v as u64)
    }

    fn unpack(w: u64) -> Entry {
        Entry { value: (w >> 32 & 1 == 1).then_some(w as u32), prefix: w >> 33 & 1 == 1 }
    }
}

/// The keys of a [`PhraseSet`] and their entries: open addressing with
/// linear probing, at most half full.
///
/// The keys are sequence keys, already well mixed, so a key's low bits are
/// its home slot and a probe is a load and a compare or two: the pipeline
/// asks every token's key of some sets, and a general-purpose map's hashing
/// and group matching cost several times that.
#[derive(Clone, Debug, Default)]
struct KeyTable {
    /// (key, packed entry); a packed zero is an empty slot.
    slots: Vec<(u64, u64)>,
    len: usize,
}

impl KeyTable {
    #[inline]
    fn get(&self, key: u64) -> Option<Entry> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = key as usize & mask;
        // At most half full, so every probe sequence reaches an empty slot.
        while let Some(&(k, e)) = self.slots.get(i) {
            if e == 0 {
                return None;
            }
            if k == key {
                return Some(Entry::unpack(e));
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Sets the entry of `key`, adding the key if it is new.
    fn set(&mut self, key: u64, entry: Entry) {
        if (self.len + 1) * 2 > self.slots.len() {
            let grown = vec![(0, 0); (self.slots.len() * 2).max(16)];
            let old = std::mem::replace(&mut self.slots, grown);
            self.len = 0;
            for (k, e) in old.into_iter().filter(|s| s.1 != 0) {
                self.set(k, Entry::unpack(e));
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        while self.slots[i].1 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].1 == 0 {
            self.len += 1;
        }
        self.slots[i] = (key, entry.pack());
    }

    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.slots.iter().filter(|s| s.1 != 0).map(|s| s.0)
    }
}

/// A set of phrases, each with a `u32` value.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    map: KeyTable,
    max_tokens: usize,
    /// One bit per key of `map`, indexed by the key's top bits, with about
    /// sixteen bits per key. The pipeline probes some sets at every token of
    /// every document, and most tokens start no phrase: one bit test turns
    /// most of those probes away before the hash table is touched.
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`: the shift that turns a key into its bit.
    filter_shift: u32,
    /// The hash of the first token of each phrase (with repeats), for
    /// callers that tell the tokens where a phrase may start apart from the
    /// rest once for several sets.
    start_hashes: Vec<u64>,
}

impl PhraseSet {
    /// An empty set.
    pub fn new() -> PhraseSet {
        PhraseSet::default()
    }

    /// Adds a phrase (folded and tokenised like running text). When the
    /// phrase is already present, `merge(old, new)` decides its value.
    pub fn insert_with(&mut self, phrase: &str, value: u32, merge: impl Fn(u32, u32) -> u32) {
        let mut fold = String::new();
        fold_str_into(phrase, &mut fold);
        let Some(k) = exact_keys(&fold) else { return };
        let t = k.tokens as usize;
        self.max_tokens = self.max_tokens.max(t);
        for &p in &k.prefixes[..t - 1] {
            let kept = self.map.get(p).and_then(|e| e.value);
            self.map.set(p, Entry { value: kept, prefix: true });
        }
        let old = self.map.get(k.key);
        let value = match old.and_then(|e| e.value) {
            Some(old) => merge(old, value),
            None => value,
        };
        self.map.set(k.key, Entry { value: Some(value), prefix: old.is_some_and(|e| e.prefix) });
        self.refilter(&k.prefixes[..t - 1], k.key);
        self.start_hashes.push(k.first);
    }

    /// The [`Token::hash`] of the first token of every phrase of the set
    /// (with repeats).
    pub fn start_hashes(&self) -> &[u64] {
        &self.start_hashes
    }

    /// Adds the new keys to the filter, first doubling it (and refilling it
    /// from the map) while it has fewer than sixteen bits per key.
    fn refilter(&mut self, prefixes: &[u64], key: u64) {
        let bits = self.filter.len() * 64;
        if bits < self.map.len * 16 {
            let bits = (self.map.len * 16).next_power_of_two().max(1024);
            self.filter = vec![0; bits / 64];
            self.filter_shift = 64 - bits.trailing_zeros();
            let keys: Vec<u64> = self.map.keys().collect();
            keys.into_iter().for_each(|k| self.set_bit(k));
        } else {
            prefixes.iter().for_each(|&k| self.set_bit(k));
            self.set_bit(key);
        }
    }

    fn set_bit(&mut self, key: u64) {
        let b = (key >> self.filter_shift) as usize;
        self.filter[b / 64] |= 1 << (b % 64);
    }

    /// False when `key` is certainly not in the map (no false negatives).
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        match self.filter.get((key >> self.filter_shift) as usize / 64) {
            Some(w) => w >> ((key >> self.filter_shift) % 64) & 1 != 0,
            None => false,
        }
    }

    /// Adds a phrase; an existing phrase keeps its first value.
    pub fn insert(&mut self, phrase: &str, value: u32) {
        self.insert_with(phrase, value, |old, _| old);
    }

    /// Number of entries (phrases and prefixes).
    pub fn len(&self) -> usize {
        self.map.len
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.map.len == 0
    }

    /// The value of a single token, if it is a one-word phrase.
    #[inline]
    pub fn word(&self, t: &Token) -> Option<u32> {
        let key = combine(KEY_START, t.hash);
        if !self.may_hold(key) {
            return None;
        }
        self.map.get(key).and_then(|e| e.value)
    }

    /// The longest phrase starting at token `i`: (end token, exclusive; value).
    /// Phrases run only across joined tokens (no punctuation between words).
    #[inline]
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<(usize, u32)> {
        // Most tokens start no phrase: the filter turns them away before
        // any of the window's set-up. (A non-empty set has phrases of at
        // least one token, and the empty set's filter holds nothing.)
        let mut key = combine(KEY_START, tokens.get(i)?.hash);
        if !self.may_hold(key) {
            return None;
        }
        let end = tokens.len().min(i + self.max_tokens);
        let mut best = None;
        let mut j = i;
        while let Some(e) = self.map.get(key) {
            if let Some(v) = e.value {
                best = Some((j + 1, v));
            }
            j += 1;
            if !e.prefix || j >= end || !tokens[j].has(shape::JOINED) {
                break;
            }
            key = combine(key, tokens[j].hash);
        }
        best
    }

    /// Every phrase in `tokens[from..]`, left to right, each the longest at
    /// its start and none overlapping: (start token, end token exclusive,
    /// value).
    pub fn matches<'a>(&'a self, tokens: &'a [Token], from: usize) -> impl Iterator<Item = (usize, usize, u32)> + 'a {
        let mut i = from;
        std::iter::from_fn(move || {
            while i < tokens.len() {
                match self.longest_at(tokens, i) {
                    Some((end, v)) => {
                        let start = i;
                        i = end;
                        return Some((start, end, v));
                    }
                    None => i += 1,
                }
            }
            None
        })
    }

    /// [`matches`](Self::matches), looking only at the tokens that
    /// `next_start` offers: `next_start(i)` is the first token from `i` on
    /// where a phrase of the set may start (every token where one does), or
    /// `tokens.len()` or more when there is none. A caller that has tagged
    /// the tokens of a text once for several sets goes from tag to tag
    /// instead of probing every token.
    #[inline]
    pub fn matches_from<'a>(
        &'a self,
        tokens: &'a [Token],
        from: usize,
        mut next_start: impl FnMut(usize) -> usize + 'a,
    ) -> impl Iterator<Item = (usize, usize, u32)> + 'a {
        let mut i = from;
        std::iter::from_fn(move || loop {
            i = next_start(i);
            if i >= tokens.len() {
                return None;
            }
            match self.longest_at(tokens, i) {
                Some((end, v)) => {
                    let start = i;
                    i = end;
                    return Some((start, end, v));
                }
                None => i += 1,
            }
        })
    }

    /// The longest phrase ending at token `end - 1` (exclusive `end`),
    /// looking back at most `max_tokens` tokens: (start token, value).
    pub fn longest_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, u32)> {
        let lo = end.saturating_sub(self.max_tokens);
        (lo..end).find_map(|s| match self.longest_at(&tokens[..end], s) {
            Some((e, v)) if e == end => Some((s, v)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FoldedText, Tokenizer};

    #[test]
    fn key_table_agrees_with_a_hash_map() {
        // Keys crowded onto few home slots (equal low bits) and spread ones.
        let mut t = KeyTable::default();
        let mut m = std::collections::HashMap::new();
        for i in 0..3000u64 {
            let key = if i % 3 == 0 { i << 40 } else { i.wrapping_mul(0x9E37_79B9_7F4A_7C15) };
            let e = Entry { value: (i % 5 != 0).then_some(i as u32), prefix: i % 2 == 0 };
            t.set(key, e);
            m.insert(key, e);
            if i % 7 == 0 {
                let e = Entry { value: None, prefix: true };
                t.set(key, e);
                m.insert(key, e);
            }
        }
        assert_eq!(t.len, m.len());
        for i in 0..4000u64 {
            for key in [i << 40, i.wrapping_mul(0x9E37_79B9_7F4A_7C15)] {
                let got = t.get(key).map(|e| (e.value, e.prefix));
                assert_eq!(got, m.get(&key).map(|e| (e.value, e.prefix)), "{key:x}");
            }
        }
        let mut keys: Vec<u64> = t.keys().collect();
        keys.sort_unstable();
        let mut want: Vec<u64> = m.keys().copied().collect();
        want.sort_unstable();
        assert_eq!(keys, want);
        assert!(KeyTable::default().get(0).is_none());
    }

    #[test]
    fn longest_phrase_wins_and_respects_punctuation() {
        let mut s = PhraseSet::new();
        s.insert("Kata’ib Hezbollah", 1);
        s.insert("Hezbollah", 2);
        s.insert("gas field", 3);
        let text = "strikes on Kataib Hezbollah, Hezbollah. gas, field; the gas field";
        let f = FoldedText::new(text);
        let mut tk = Tokenizer::new();
        let t = tk.tokenize(&f, text);
        assert_eq!(s.longest_at(t, 2), Some((4, 1)));
        assert_eq!(s.longest_at(t, 3), Some((4, 2)));
        assert_eq!(s.longest_at(t, 5), None, "gas, field is broken by a comma");
        assert_eq!(s.longest_at(t, 8), Some((10, 3)));
        assert_eq!(s.longest_ending_at(t, 10), Some((8, 3)));
        let all: Vec<(usize, usize, u32)> = s.matches(t, 0).collect();
        assert_eq!(all, vec![(2, 4, 1), (4, 5, 2), (8, 10, 3)]);
        assert_eq!(s.matches(t, 3).next(), Some((3, 4, 2)));
        assert_eq!(s.word(&t[4]), Some(2));
    }

    #[test]
    fn matches_from_skips_only_what_it_is_told() {
        let mut s = PhraseSet::new();
        s.insert("gas field", 3);
        s.insert("field", 4);
        let text = "the gas field, a field and the gas field";
        let f = FoldedText::new(text);
        let mut tk = Tokenizer::new();
        let t = tk.tokenize(&f, text);
        let all: Vec<_> = s.matches(t, 0).collect();
        assert_eq!(s.matches_from(t, 0, |i| i).collect::<Vec<_>>(), all);
        // Offered only the tokens a phrase starts with: the same matches.
        let starts: Vec<u64> = s.start_hashes().to_vec();
        let next = |i: usize| (i..t.len()).find(|&k| starts.contains(&t[k].hash)).unwrap_or(t.len());
        assert_eq!(s.matches_from(t, 0, next).collect::<Vec<_>>(), all);
        // Offered fewer, it finds fewer: "field" alone after skipping "gas".
        assert_eq!(s.matches_from(t, 0, |i| if i == 1 { 2 } else { i }).next(), Some((2, 3, 4)));
    }

    #[test]
    fn prefixes_alone_match_nothing() {
        let mut s = PhraseSet::new();
        s.insert("Deir ez Zor", 1);
        s.insert("Zor", 2);
        let text = "deir ez. Deir ez Zor Deir ez";
        let f = FoldedText::new(text);
        let mut tk = Tokenizer::new();
        let t = tk.tokenize(&f, text);
        assert_eq!(s.longest_at(t, 0), None, "a prefix cut by punctuation");
        assert_eq!(s.longest_at(t, 2), Some((5, 1)));
        assert_eq!(s.longest_at(t, 4), Some((5, 2)));
        assert_eq!(s.longest_at(t, 5), None, "a prefix cut by the end of the text");
        assert_eq!(s.longest_at(t, t.len()), None);
        assert_eq!(PhraseSet::new().longest_at(t, 0), None);
    }

    #[test]
    fn filter_never_hides_a_phrase_as_the_set_grows() {
        // Enough phrases to make the filter double several times.
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x w{}y", i * 7)).collect();
        let mut s = PhraseSet::new();
        for (i, w) in words.iter().enumerate() {
            s.insert(w, i as u32);
        }
        let mut tk = Tokenizer::new();
        for (i, w) in words.iter().enumerate().step_by(7) {
            let f = FoldedText::new(w);
            assert_eq!(s.longest_at(tk.tokenize(&f, w), 0), Some((2, i as u32)), "{w}");
        }
        let absent = "zq1 zq2";
        let f = FoldedText::new(absent);
        assert_eq!(s.longest_at(tk.tokenize(&f, absent), 0), None);
        let bits = s.filter.len() * 64;
        assert!(bits >= s.len() * 16 && bits.is_power_of_two(), "{bits} bits for {} keys", s.len());
    }

    #[test]
    fn merge_combines_values() {
        let mut s = PhraseSet::new();
        s.insert_with("general", 1, |a, b| a | b);
        s.insert_with("General", 4, |a, b| a | b);
        let text = "General";
        let f = FoldedText::new(text);
        let mut tk = Tokenizer::new();
        assert_eq!(s.word(&tk.tokenize(&f, text)[0]), Some(5));
    }
}
