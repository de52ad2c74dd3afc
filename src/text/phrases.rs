//! Phrase sets: small dictionaries of words and multi-word phrases matched
//! against token windows by the same sequence keys the gazetteer uses.
//!
//! The pipeline's lexicons (titles, organisation words, stop words, actor
//! names, event triggers) are all phrase sets, so matching them costs a few
//! hash probes per token and never builds a string.

use rustc_hash::FxHashMap;

use super::fold::fold_str_into;
use super::tokens::{combine, name_keys, shape, Token, KEY_START};

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Value of the phrase ending here, if any phrase does.
    value: Option<u32>,
    /// Some longer phrase continues this key.
    prefix: bool,
}

/// A set of phrases, each with a `u32` value.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    map: FxHashMap<u64, Entry>,
    max_tokens: usize,
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
        let Some(k) = name_keys(&fold, &mut String::new()) else { return };
        let t = k.tokens as usize;
        self.max_tokens = self.max_tokens.max(t);
        for p in &k.exact_prefixes[..t - 1] {
            self.map.entry(*p).or_insert(Entry { value: None, prefix: true }).prefix = true;
        }
        let e = self.map.entry(k.exact).or_insert(Entry { value: None, prefix: false });
        e.value = Some(match e.value {
            Some(old) => merge(old, value),
            None => value,
        });
    }

    /// Adds a phrase; an existing phrase keeps its first value.
    pub fn insert(&mut self, phrase: &str, value: u32) {
        self.insert_with(phrase, value, |old, _| old);
    }

    /// Number of entries (phrases and prefixes).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The value of a single token, if it is a one-word phrase.
    #[inline]
    pub fn word(&self, t: &Token) -> Option<u32> {
        self.map.get(&combine(KEY_START, t.hash)).and_then(|e| e.value)
    }

    /// The longest phrase starting at token `i`: (end token, exclusive; value).
    /// Phrases run only across joined tokens (no punctuation between words).
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<(usize, u32)> {
        let mut key = KEY_START;
        let mut best = None;
        for (j, t) in tokens.iter().enumerate().skip(i).take(self.max_tokens) {
            if j > i && !t.has(shape::JOINED) {
                break;
            }
            key = combine(key, t.hash);
            let Some(e) = self.map.get(&key) else { break };
            if let Some(v) = e.value {
                best = Some((j + 1, v));
            }
            if !e.prefix {
                break;
            }
        }
        best
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
        assert_eq!(s.word(&t[4]), Some(2));
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
