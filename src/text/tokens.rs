//! Word tokens over folded text, with the shape of each word in the input and
//! the hashes the gazetteer index is keyed on.
//!
//! A token is a run of ASCII letters and digits, or of non-ASCII alphanumeric
//! characters, in the folded text. Both running text and gazetteer names are
//! tokenised here, so a name key and a window of text tokens hash alike by
//! construction: the key of a multi-word name is [`combine`] over its token
//! hashes, whatever spaces, hyphens or apostrophes separated the words.

use super::fold::FoldedText;
use super::translit::{is_article, is_article_bytes, translit_token_into};

/// Shape flags of a token, read from the input (not the folded) text.
pub mod shape {
    /// The first input character is upper case.
    pub const CAPITALIZED: u8 = 1;
    /// Every cased input character is upper case, and there are at least two.
    pub const ALL_CAPS: u8 = 2;
    /// The token holds a digit.
    pub const DIGIT: u8 = 4;
    /// The token is an Arabic article form (`al`, `el`, `as`, …).
    pub const ARTICLE: u8 = 8;
    /// The token follows its predecessor across a gap of only spaces (and
    /// dropped apostrophes or hyphens), so a multi-word name may span it.
    pub const JOINED: u8 = 16;
    /// The input had a hyphen right after this token (`al-Qa'im`).
    pub const HYPHEN_AFTER: u8 = 32;
    /// The token starts a line or follows sentence-final punctuation, so its
    /// capital is weak evidence of a proper noun.
    pub const SENTENCE_START: u8 = 64;
    /// The input had a possessive `'s` (any apostrophe form) after the token;
    /// the `s` is not part of the token ("Iraq’s western province").
    pub const POSSESSIVE: u8 = 128;
}

/// One word of folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Folded byte range.
    pub start: u32,
    /// End of the folded byte range.
    pub end: u32,
    /// Input byte range start (a char boundary).
    pub input_start: u32,
    /// Input byte range end (a char boundary).
    pub input_end: u32,
    /// [`shape`] flags.
    pub shape: u8,
    /// Hash of the folded token.
    pub hash: u64,
}

impl Token {
    /// True when all `flags` are set.
    #[inline]
    pub fn has(&self, flags: u8) -> bool {
        self.shape & flags == flags
    }

    /// The folded text of the token.
    #[inline]
    pub fn folded<'a>(&self, folded: &'a str) -> &'a str {
        &folded[self.start as usize..self.end as usize]
    }

    /// Hash of the token's transliteration key (computed on demand: only
    /// capitalised words that name nothing verbatim need it).
    pub fn translit_hash(&self, folded: &str, scratch: &mut String) -> u64 {
        translit_token_into(self.folded(folded), scratch);
        hash_bytes(scratch.as_bytes())
    }

    /// True when the folded token is exactly `word` (lower case, folded).
    ///
    /// Compares hashes, so it needs no access to the folded text.
    #[inline]
    pub fn folded_is(&self, word: &str) -> bool {
        self.hash == hash_bytes(word.as_bytes())
    }

    /// The input text of the token.
    #[inline]
    pub fn input<'a>(&self, input: &'a str) -> &'a str {
        &input[self.input_start as usize..self.input_end as usize]
    }
}

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
const MUL: u64 = 0x5851_F42D_4C95_7F2D;

/// Hashes the bytes of one folded token. Deterministic across runs and builds.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(MUL);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ b as u64).wrapping_mul(MUL);
    }
    // Finalise so that short tokens spread over all bits.
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// The key of a token sequence: `combine(combine(START, h1), h2)…`.
pub const KEY_START: u64 = 0x2545_F491_4F6C_DD1D;

/// Extends a sequence key by one token hash.
#[inline]
pub fn combine(key: u64, token_hash: u64) -> u64 {
    (key.rotate_left(23) ^ token_hash).wrapping_mul(0x9FB2_1C65_1E98_DF25)
}

/// Reusable tokenizer state: the token list and scratch space.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    tokens: Vec<Token>,
}

impl Tokenizer {
    /// A tokenizer with empty buffers.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// The tokens of the last call to [`Tokenizer::tokenize`].
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Tokenises folded text; `input` is the text that was folded.
    #[inline(never)]
    pub fn tokenize(&mut self, folded: &FoldedText, input: &str) -> &[Token] {
        self.tokens.clear();
        let text = folded.as_str();
        let bytes = text.as_bytes();
        let inb = input.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        let mut prev_end = 0usize;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    i += 1;
                    continue;
                }
            } else {
                let (w, l) = char_class(text, i);
                if !w {
                    i += l;
                    continue;
                }
            }
            let start = i;
            // Scan the word: ASCII bytes through the table, others decoded.
            while i < n {
                let b = bytes[i];
                if b < 0x80 {
                    if !ASCII_WORD[b as usize] {
                        break;
                    }
                    i += 1;
                } else {
                    let (w, l) = char_class(text, i);
                    if !w {
                        break;
                    }
                    i += l;
                }
            }
            let (in_start, mut in_end) = folded.input_span(start, i, input);
            let mut end = i;
            let mut shape_flags = 0;
            // Byte slices, not `str` ones: the spans are char boundaries by
            // construction, and this runs for every word of every document.
            if let Some(cut) = possessive_cut(&inb[in_start..in_end]) {
                // "Iraq’s" folds to "iraqs": the token is "iraq", flagged.
                end -= 1;
                in_end = in_start + cut;
                shape_flags |= shape::POSSESSIVE;
            }
            let word = &bytes[start..end];
            shape_flags |= input_shape(&input[in_start..in_end]);
            if (2..=3).contains(&word.len()) && is_article_bytes(word) {
                shape_flags |= shape::ARTICLE;
            }
            // One pass over the gap: only spaces (a name may run across it,
            // and across the period of a short abbreviation: "St. Louis",
            // "U.S."), or sentence punctuation.
            let gap = &bytes[prev_end..start];
            let mut all_space = !gap.is_empty();
            let mut terminator = false;
            for &g in gap {
                all_space &= g == b' ';
                terminator |= matches!(g, b'.' | b'!' | b'?' | b'\n' | b':' | b'"' | b'|');
            }
            if let Some(prev) = self.tokens.last() {
                let short = prev.end - prev.start <= 2;
                if all_space || (short && (gap == b"." || gap == b". ")) {
                    shape_flags |= shape::JOINED;
                }
            } else {
                terminator = true;
            }
            if terminator {
                shape_flags |= shape::SENTENCE_START;
            }
            if inb.get(in_end) == Some(&b'-') {
                shape_flags |= shape::HYPHEN_AFTER;
            }
            self.tokens.push(Token {
                start: start as u32,
                end: end as u32,
                input_start: in_start as u32,
                input_end: in_end as u32,
                shape: shape_flags,
                hash: hash_bytes(word),
            });
            prev_end = i;
        }
        &self.tokens
    }
}

/// ASCII letters and digits: the word characters of folded ASCII text.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// If `word` (input text) ends in a possessive `'s` with any apostrophe
/// form, the byte length of the word without it.
fn possessive_cut(word: &[u8]) -> Option<usize> {
    let [.., a, b's' | b'S'] = word else { return None };
    // The apostrophe is ASCII (' `) or a 2- or 3-byte character ending
    // right before the "s".
    let stem = &word[..word.len() - 1];
    let ap_len = if a.is_ascii() {
        1
    } else {
        // Step back over continuation bytes to the character's first byte.
        let first = stem.iter().rposition(|&c| c & 0xC0 != 0x80)?;
        stem.len() - first
    };
    let ap = std::str::from_utf8(&stem[stem.len() - ap_len..]).ok()?.chars().next()?;
    if !super::fold::is_apostrophe(ap) {
        return None;
    }
    let cut = stem.len() - ap_len;
    (cut > 0).then_some(cut)
}

/// (is a word character, byte length) of the char at `i` in folded text.
#[inline]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match text[i..].chars().next() {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

fn input_shape(word: &str) -> u8 {
    let b = word.as_bytes();
    // Most words start in lower case: then only a digit can set a flag.
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        return if b.iter().any(u8::is_ascii_digit) { shape::DIGIT } else { 0 };
    }
    if word.is_ascii() {
        let mut flags = 0;
        if b.first().is_some_and(u8::is_ascii_uppercase) {
            flags |= shape::CAPITALIZED;
        }
        let (mut upper, mut lower, mut digit) = (0u32, 0u32, false);
        for &c in b {
            upper += c.is_ascii_uppercase() as u32;
            lower += c.is_ascii_lowercase() as u32;
            digit |= c.is_ascii_digit();
        }
        if digit {
            flags |= shape::DIGIT;
        }
        if upper >= 2 && lower == 0 {
            flags |= shape::ALL_CAPS;
        }
        return flags;
    }
    let mut flags = 0;
    let mut upper = 0usize;
    let mut lower = 0usize;
    for (n, c) in word.chars().enumerate() {
        if n == 0 && c.is_uppercase() {
            flags |= shape::CAPITALIZED;
        }
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            flags |= shape::DIGIT;
        }
    }
    if upper >= 2 && lower == 0 {
        flags |= shape::ALL_CAPS;
    }
    flags
}

/// The exact and transliteration keys of a name, tokenised like running text.
///
/// Returns `None` for a name with no word characters. `scratch` buffers are
/// reused across calls by the gazetteer builder.
pub fn name_keys(folded_name: &str, scratch: &mut String) -> Option<NameKeys> {
    let mut exact = KEY_START;
    let mut translit = KEY_START;
    let mut tokens = 0u8;
    let mut words: [(usize, usize); 16] = [(0, 0); 16];
    let bytes = folded_name.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < bytes.len() {
        let (w, l) = char_class(folded_name, i);
        if !w {
            i += l;
            continue;
        }
        let s = i;
        i += l;
        while i < bytes.len() {
            let (w, l) = char_class(folded_name, i);
            if !w {
                break;
            }
            i += l;
        }
        if n == words.len() {
            return None; // Longer than any name worth matching in text.
        }
        words[n] = (s, i);
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let mut exact_prefixes = [0u64; 16];
    let mut translit_prefixes = [0u64; 16];
    let mut translit_tokens = 0u8;
    for (k, &(s, e)) in words[..n].iter().enumerate() {
        let word = &folded_name[s..e];
        exact = combine(exact, hash_bytes(word.as_bytes()));
        exact_prefixes[k] = exact;
        tokens += 1;
        if is_article(word) && k + 1 < n {
            continue;
        }
        translit_token_into(word, scratch);
        translit = combine(translit, hash_bytes(scratch.as_bytes()));
        translit_prefixes[translit_tokens as usize] = translit;
        translit_tokens += 1;
    }
    Some(NameKeys { exact, translit, tokens, exact_prefixes, translit_tokens, translit_prefixes })
}

/// Keys of one gazetteer name.
#[derive(Clone, Copy, Debug)]
pub struct NameKeys {
    /// Key of the folded tokens.
    pub exact: u64,
    /// Key of the transliteration forms, articles dropped.
    pub translit: u64,
    /// Number of tokens (at most 16).
    pub tokens: u8,
    /// `exact_prefixes[k]` is the key of the first `k + 1` tokens.
    pub exact_prefixes: [u64; 16],
    /// Number of tokens in the transliteration key (articles dropped).
    pub translit_tokens: u8,
    /// `translit_prefixes[k]` is the transliteration key of the first `k + 1`
    /// non-article tokens.
    pub translit_prefixes: [u64; 16],
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(input: &str) -> (FoldedText, Vec<Token>) {
        let f = FoldedText::new(input);
        let mut t = Tokenizer::new();
        let v = t.tokenize(&f, input).to_vec();
        (f, v)
    }

    #[test]
    fn window_key_equals_name_key() {
        let input = "strikes near al-Qa’im town";
        let (_, t) = toks(input);
        let key = combine(combine(KEY_START, t[2].hash), t[3].hash);
        let mut s = String::new();
        let nk = name_keys("al qaim", &mut s).unwrap();
        assert_eq!(key, nk.exact);
        assert_eq!(nk.tokens, 2);
        assert_eq!(t[2].input(input), "al");
        assert_eq!(t[3].input(input), "Qa’im");
        assert!(t[2].has(shape::ARTICLE | shape::HYPHEN_AFTER));
        assert!(t[3].has(shape::CAPITALIZED | shape::JOINED));
    }

    #[test]
    fn possessives_are_split_off() {
        let input = "Iraq’s western province and Syria's east, Kata’ib";
        let (f, t) = toks(input);
        assert_eq!(t[0].folded(f.as_str()), "iraq");
        assert_eq!(t[0].input(input), "Iraq");
        assert!(t[0].has(shape::POSSESSIVE));
        assert_eq!(t[4].input(input), "Syria");
        assert_eq!(t[6].input(input), "Kata’ib");
        assert!(!t[6].has(shape::POSSESSIVE));
    }

    #[test]
    fn punctuation_breaks_joins_and_marks_sentence_starts() {
        let (_, t) = toks("Baghdad, Anbar. Mosul\nERBIL");
        assert!(!t[1].has(shape::JOINED));
        assert!(t[2].has(shape::SENTENCE_START));
        assert!(t[3].has(shape::SENTENCE_START | shape::ALL_CAPS));
        assert!(t[0].has(shape::SENTENCE_START));
        assert!(!t[1].has(shape::SENTENCE_START));
    }

    #[test]
    fn translit_keys_ignore_articles() {
        let mut s = String::new();
        let a = name_keys("deir ez zor", &mut s).unwrap();
        let b = name_keys("dayr al zawr", &mut s).unwrap();
        assert_eq!(a.translit, b.translit);
        assert_ne!(a.exact, b.exact);
        assert!(name_keys(" - ", &mut s).is_none());
    }
}
