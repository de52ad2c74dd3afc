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
    /// Compares hashes, so it needs no access to the folded text. Always
    /// inlined: callers pass literals, whose hash then folds to a constant
    /// (a call would hash the literal at run time, for every token asked).
    #[inline(always)]
    pub fn folded_is(&self, word: &str) -> bool {
        self.hash == hash_bytes(word.as_bytes())
    }

    /// True when the folded token is one of the words whose hashes are
    /// `words` (see [`word_hashes`]).
    ///
    /// For lists of words: the compiler folds [`folded_is`](Self::folded_is)
    /// of a literal to a constant, but not of each word of a list it
    /// iterates, which then hashes every word for every token asked.
    #[inline]
    pub fn folded_in(&self, words: &[u64]) -> bool {
        words.contains(&self.hash)
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
///
/// The bytes are taken eight at a time as little-endian words, the last
/// group zero-padded (tokens hold no NUL bytes, so the padding is no
/// ambiguity): a token of up to eight bytes, most of them, is one mixing
/// step, which the tokenizer feeds from a single masked load.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_word(bytes)
}

/// [`hash_bytes`], always inlined: callers that pass literals get a constant.
#[inline(always)]
fn hash_word(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(h, tail_word(rest));
    }
    finish(h)
}

/// [`hash_bytes`] of the `len` bytes at `at` in `text`, for the tokenizer:
/// a word of one to eight bytes with eight readable bytes from its start is
/// one unaligned load, masked to the word (the zero padding of
/// [`hash_bytes`]), instead of a copy of its tail.
#[inline(always)]
fn hash_at(text: &[u8], at: usize, len: usize) -> u64 {
    if let (1..=8, Some(c)) = (len, text.get(at..at + 8)) {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        return finish(mix(SEED, w & (!0 >> (64 - 8 * len))));
    }
    hash_word(&text[at..at + len])
}

/// [`hash_bytes`] of each of `words`, at compile time: the table that
/// [`Token::folded_in`] compares a token with.
pub const fn word_hashes<const N: usize>(words: [&str; N]) -> [u64; N] {
    let mut out = [0; N];
    let mut k = 0;
    while k < N {
        out[k] = hash_const(words[k].as_bytes());
        k += 1;
    }
    out
}

/// [`hash_bytes`] as a `const fn` (a byte loop, which the run-time hash
/// avoids).
const fn hash_const(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time, the last group zero-padded.
        let mut w = 0u64;
        let mut j = 0;
        while j < 8 && i + j < bytes.len() {
            w |= (bytes[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = mix(h, w);
        i += 8;
    }
    finish(h)
}

/// One step of the token hash: eight more bytes as a little-endian word.
#[inline(always)]
const fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(MUL)
}

/// The final avalanche, so that short tokens spread over all bits.
#[inline(always)]
const fn finish(mut h: u64) -> u64 {
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// A tail of one to seven bytes as a zero-padded little-endian word, from
/// two overlapping reads (or three single bytes) rather than a byte loop.
#[inline(always)]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
        // The overlap holds the same bytes in both reads, so `|` is exact.
        lo | hi << (8 * (n - 4))
    } else {
        rest[0] as u64 | (rest[n / 2] as u64) << (8 * (n / 2)) | (rest[n - 1] as u64) << (8 * (n - 1))
    }
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
    /// Bit `i % 64` of `word_bits[i / 64]` is set when folded byte `i` belongs
    /// to a word character; the bits past the end of the text are clear.
    word_bits: Vec<u64>,
    /// The 64-byte blocks of folded text that hold a non-ASCII byte.
    high_blocks: Vec<u32>,
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
        let text = folded.as_str();
        let bytes = text.as_bytes();
        let inb = input.as_bytes();
        // Mark the word bytes of the whole text first, 64 at a time; then the
        // start and end of each word are two bit scans rather than a loop
        // over its bytes. News words are short, so the per-word work is what
        // counts, and everything below runs once per word.
        self.classify(text);
        let tokens = &mut self.tokens;
        tokens.clear();
        // News prose averages a word per six or seven bytes; reserving once
        // keeps the pushes below off the growth path (a no-op once a reused
        // buffer has grown).
        tokens.reserve(bytes.len() / 6 + 1);
        // First the folded range of each word, from the bitmap; then the
        // rest of each token, word by word.
        find_words(&self.word_bits, tokens);
        let mut prev_end = 0usize;
        // Folded length of the previous token, `None` before the first.
        let mut prev_len: Option<usize> = None;
        for t in tokens.iter_mut() {
            let (start, i) = (t.start as usize, t.end as usize);
            let (in_start, mut in_end) = folded.word_input_span(start, i, inb);
            let mut end = i;
            let mut shape_flags = 0;
            // "Iraq’s" folds to "iraqs": the token is "iraq", flagged. Only a
            // word ending in "s" can be one, so test that before slicing.
            if in_end - in_start >= 2 && inb.get(in_end - 1).is_some_and(|&b| b | 0x20 == b's') {
                if let Some(cut) = possessive_cut(&inb[in_start..in_end]) {
                    end -= 1;
                    in_end = in_start + cut;
                    shape_flags |= shape::POSSESSIVE;
                }
            }
            let word = &bytes[start..end];
            shape_flags |= input_shape(input, in_start, in_end);
            if (2..=3).contains(&word.len()) && is_article_bytes(word) {
                shape_flags |= shape::ARTICLE;
            }
            // The gap before the word: only spaces (a name may run across it,
            // and across the period of a short abbreviation: "St. Louis",
            // "U.S."), or sentence punctuation. Most gaps are one space.
            let (all_space, mut terminator, gap_is_period) = if start == prev_end + 1 && bytes[prev_end] == b' ' {
                (true, false, false)
            } else {
                let gap = &bytes[prev_end..start];
                let class = gap.iter().fold(0, |acc, &g| acc | GAP_CLASS[g as usize]);
                (
                    !gap.is_empty() && class & GAP_NOT_SPACE == 0,
                    class & GAP_TERMINATOR != 0,
                    gap == b"." || gap == b". ",
                )
            };
            if let Some(prev_len) = prev_len {
                if all_space || (prev_len <= 2 && gap_is_period) {
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
            *t = Token {
                start: start as u32,
                end: end as u32,
                input_start: in_start as u32,
                input_end: in_end as u32,
                shape: shape_flags,
                hash: hash_at(bytes, start, end - start),
            };
            prev_len = Some(end - start);
            prev_end = i;
        }
        tokens
    }

    /// Fills `word_bits` for folded `text`.
    ///
    /// A word character is an ASCII letter or digit, or a non-ASCII
    /// alphanumeric character (all of whose bytes are marked).
    fn classify(&mut self, text: &str) {
        let bytes = text.as_bytes();
        self.word_bits.clear();
        self.word_bits.reserve(bytes.len() / 64 + 2);
        self.high_blocks.clear();
        let mut blocks = bytes.chunks_exact(64);
        for block in &mut blocks {
            self.classify_block(block.try_into().unwrap_or(&[0; 64]));
        }
        // The tail, zero-padded: NUL is not a word byte. This also leaves at
        // least one clear bit after the last byte.
        let rest = blocks.remainder();
        let mut tail = [0u8; 64];
        tail[..rest.len()].copy_from_slice(rest);
        self.classify_block(&tail);
        // Non-ASCII characters (rare in English news): decode each one that
        // starts in a block with high bytes, and mark it if alphanumeric.
        for &k in &self.high_blocks {
            let k = k as usize;
            for i in k * 64..((k + 1) * 64).min(bytes.len()) {
                // Continuation bytes go with their leading byte.
                if bytes[i] < 0xC0 {
                    continue;
                }
                let Some(c) = text[i..].chars().next() else { continue };
                if c.is_alphanumeric() {
                    for j in i..i + c.len_utf8() {
                        self.word_bits[j / 64] |= 1 << (j % 64);
                    }
                }
            }
        }
    }

    /// Appends the bitmap word of one 64-byte block, marking its ASCII
    /// letters and digits (and noting whether it needs the non-ASCII pass).
    #[inline(always)]
    fn classify_block(&mut self, block: &[u8; 64]) {
        // A byte loop simple enough to vectorise: one 0/1 byte per input
        // byte (bytes of 0x80 and above fail both tests)…
        let mut is_word = [0u8; 64];
        let mut high = 0;
        for (v, &b) in is_word.iter_mut().zip(block) {
            *v = (b.wrapping_sub(b'0') < 10 || (b | 0x20).wrapping_sub(b'a') < 26) as u8;
            high |= b;
        }
        // …then gathered eight at a time into bits: the multiplier moves
        // byte j's bit 0 to bit 56 + j, and no two partial products overlap,
        // so nothing carries (`from_le_bytes`: byte j is bit j on every target).
        let mut word = 0;
        for (j, c) in is_word.chunks_exact(8).enumerate() {
            let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            word |= (m.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
        }
        if high >= 0x80 {
            self.high_blocks.push(self.word_bits.len() as u32);
        }
        self.word_bits.push(word);
    }
}

/// Pushes a token for each run of set bits in `word_bits` (a word's folded
/// range), with only `start` and `end` filled in.
#[inline(always)]
fn find_words(word_bits: &[u64], tokens: &mut Vec<Token>) {
    // The scan position: bitmap word `k`, with the bits of bytes already
    // consumed cleared from its copy `w`.
    let mut k = 0;
    let mut w = word_bits.first().copied().unwrap_or(0);
    loop {
        // The word starts at the next set bit…
        while w == 0 {
            k += 1;
            match word_bits.get(k) {
                Some(&next) => w = next,
                None => return,
            }
        }
        let start = k * 64 + w.trailing_zeros() as usize;
        // …and ends at the next clear bit (the bitmap ends in clear bits).
        let mut rest = !w & (!0 << w.trailing_zeros());
        while rest == 0 {
            k += 1;
            w = word_bits.get(k).copied().unwrap_or(0);
            rest = !w;
        }
        w &= !0 << rest.trailing_zeros();
        let end = k * 64 + rest.trailing_zeros() as usize;
        tokens.push(Token { start: start as u32, end: end as u32, input_start: 0, input_end: 0, shape: 0, hash: 0 });
    }
}

/// Flags of [`GAP_CLASS`].
const GAP_NOT_SPACE: u8 = 1;
const GAP_TERMINATOR: u8 = 2;

/// Per folded byte between two tokens: whether it is something other than a
/// space, and whether it ends a sentence (or line, or quote, or field).
static GAP_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let mut c = 0;
        if b != b' ' as usize {
            c |= GAP_NOT_SPACE;
        }
        if matches!(b as u8, b'.' | b'!' | b'?' | b'\n' | b':' | b'"' | b'|') {
            c |= GAP_TERMINATOR;
        }
        t[b] = c;
        b += 1;
    }
    t
};

/// If `word` (input text) ends in a possessive `'s` with any apostrophe
/// form, the byte length of the word without it.
#[inline]
fn possessive_cut(word: &[u8]) -> Option<usize> {
    let [.., a, b's' | b'S'] = word else { return None };
    // The apostrophe is ASCII (' `) or a 2- or 3-byte character ending
    // right before the "s".
    let stem = &word[..word.len() - 1];
    let ap_len = if a.is_ascii() {
        // The ASCII apostrophe forms, without decoding: most words that end
        // in "s" are plurals.
        if !matches!(a, b'\'' | b'`') {
            return None;
        }
        1
    } else {
        // Step back over continuation bytes to the character's first byte.
        let first = stem.iter().rposition(|&c| c & 0xC0 != 0x80)?;
        let ap = std::str::from_utf8(&stem[first..]).ok()?.chars().next()?;
        if !super::fold::is_apostrophe(ap) {
            return None;
        }
        stem.len() - first
    };
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

/// The high bit of every byte.
const HI: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// High bit set in each byte of `x` that lies in `lo..=hi` (ASCII bounds),
/// eight bytes at a time. Bytes of 0x80 and above never match.
#[inline(always)]
fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    // With the high bits cleared, adding at most 0x80 to a byte cannot
    // carry into the next one.
    let y = x & !HI;
    let at_least_lo = y + splat(0x80 - lo);
    let above_hi = y + splat(0x7F - hi);
    at_least_lo & !above_hi & !x & HI
}

/// The [`shape`] flags (case and digits) of the input word `input[start..end]`.
#[inline]
fn input_shape(input: &str, start: usize, end: usize) -> u8 {
    // A word of up to eight bytes (most of them) is read as one `u64`, its
    // case and digits found for all bytes at once.
    let len = end.wrapping_sub(start);
    if let (1..=8, Some(c)) = (len, input.as_bytes().get(start..start + 8)) {
        // The bytes past the word are masked to zero: no letter, no digit.
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) & (!0 >> (64 - 8 * len));
        let digit = if bytes_in_range(x, b'0', b'9') != 0 { shape::DIGIT } else { 0 };
        // Most words start in lower case: then only a digit can set a flag.
        if c[0].is_ascii_lowercase() {
            return digit;
        }
        if x & HI == 0 {
            let upper = bytes_in_range(x, b'A', b'Z');
            let mut flags = digit;
            if c[0].is_ascii_uppercase() {
                flags |= shape::CAPITALIZED;
            }
            // At least two upper-case letters and no lower-case one.
            if upper & upper.wrapping_sub(1) != 0 && bytes_in_range(x, b'a', b'z') == 0 {
                flags |= shape::ALL_CAPS;
            }
            return flags;
        }
    }
    input_shape_slow(input, start, end)
}

/// [`input_shape`] of a long or non-ASCII word, or of one too near the end
/// of the input for an eight-byte read (about one word in ten).
#[cold]
#[inline(never)]
fn input_shape_slow(input: &str, start: usize, end: usize) -> u8 {
    // Words of nine to sixteen bytes: as in the fast path, in two `u64`s.
    let len = end.wrapping_sub(start);
    if let (9..=16, Some(c)) = (len, input.as_bytes().get(start..start + 16)) {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let y = u64::from_le_bytes([c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]]) & (!0 >> (128 - 8 * len));
        let digit = if bytes_in_range(x, b'0', b'9') | bytes_in_range(y, b'0', b'9') != 0 { shape::DIGIT } else { 0 };
        if c[0].is_ascii_lowercase() {
            return digit;
        }
        if (x | y) & HI == 0 {
            let (ux, uy) = (bytes_in_range(x, b'A', b'Z'), bytes_in_range(y, b'A', b'Z'));
            let mut flags = digit;
            if c[0].is_ascii_uppercase() {
                flags |= shape::CAPITALIZED;
            }
            let two_upper = ux & ux.wrapping_sub(1) != 0 || uy & uy.wrapping_sub(1) != 0 || (ux != 0 && uy != 0);
            if two_upper && bytes_in_range(x, b'a', b'z') | bytes_in_range(y, b'a', b'z') == 0 {
                flags |= shape::ALL_CAPS;
            }
            return flags;
        }
    }
    let b = &input.as_bytes()[start..end];
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        return if b.iter().any(u8::is_ascii_digit) { shape::DIGIT } else { 0 };
    }
    if b.is_ascii() {
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
    char_shape(&input[start..end])
}

/// The [`shape`] flags of a word, char by char: the definition every fast
/// path above must reproduce (the tests check them against it).
fn char_shape(word: &str) -> u8 {
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

/// The word ranges of a folded name, split like running text: `None` when
/// it has no word characters or more than sixteen words (longer than any
/// name worth matching in text).
fn name_words(folded_name: &str) -> Option<([(usize, usize); 16], usize)> {
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
            return None;
        }
        words[n] = (s, i);
        n += 1;
    }
    (n > 0).then_some((words, n))
}

/// The exact keys of a phrase, tokenised like running text: what a
/// [`PhraseSet`](super::PhraseSet) needs, without the transliteration keys
/// of [`name_keys`] (which cost more than the rest together).
///
/// Returns `None` for a phrase with no word characters.
pub fn exact_keys(folded_phrase: &str) -> Option<ExactKeys> {
    let (words, n) = name_words(folded_phrase)?;
    let mut key = KEY_START;
    let mut prefixes = [0u64; 16];
    let mut first = 0;
    for (k, &(s, e)) in words[..n].iter().enumerate() {
        let hash = hash_bytes(&folded_phrase.as_bytes()[s..e]);
        if k == 0 {
            first = hash;
        }
        key = combine(key, hash);
        prefixes[k] = key;
    }
    Some(ExactKeys { key, tokens: n as u8, prefixes, first })
}

/// Exact keys of one phrase (see [`exact_keys`]).
#[derive(Clone, Copy, Debug)]
pub struct ExactKeys {
    /// Key of the folded tokens.
    pub key: u64,
    /// Number of tokens (at most 16).
    pub tokens: u8,
    /// `prefixes[k]` is the key of the first `k + 1` tokens.
    pub prefixes: [u64; 16],
    /// Hash of the first token (as [`Token::hash`]).
    pub first: u64,
}

/// The exact and transliteration keys of a name, tokenised like running text.
///
/// Returns `None` for a name with no word characters. `scratch` buffers are
/// reused across calls by the gazetteer builder.
pub fn name_keys(folded_name: &str, scratch: &mut String) -> Option<NameKeys> {
    let (words, n) = name_words(folded_name)?;
    let mut exact = KEY_START;
    let mut translit = KEY_START;
    let mut tokens = 0u8;
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
    use crate::text::fold::is_apostrophe;

    fn toks(input: &str) -> (FoldedText, Vec<Token>) {
        let f = FoldedText::new(input);
        let mut t = Tokenizer::new();
        let v = t.tokenize(&f, input).to_vec();
        (f, v)
    }

    /// [`hash_bytes`] as a plain loop over zero-padded eight-byte words.
    fn reference_hash(bytes: &[u8]) -> u64 {
        let mut h = SEED;
        for c in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(MUL);
        }
        h ^= h >> 29;
        h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h ^ (h >> 32)
    }

    /// The tokenizer written char by char, without bitmaps or eight-byte
    /// reads: what the fast paths must reproduce exactly.
    fn reference_tokens(f: &FoldedText, input: &str) -> Vec<Token> {
        let text = f.as_str();
        let word_char = |i: usize| text[i..].chars().next().filter(|c| c.is_alphanumeric()).map(char::len_utf8);
        let mut tokens: Vec<Token> = Vec::new();
        let (mut i, mut prev_end) = (0, 0);
        while i < text.len() {
            if word_char(i).is_none() {
                i += text[i..].chars().next().unwrap().len_utf8();
                continue;
            }
            let start = i;
            while let Some(l) = (i < text.len()).then(|| word_char(i)).flatten() {
                i += l;
            }
            let (in_start, mut in_end) = f.input_span(start, i, input);
            let (mut end, mut flags) = (i, 0);
            let stem = input[in_start..in_end].strip_suffix(['s', 'S']).unwrap_or("");
            if let Some(ap) = stem.chars().last().filter(|&c| is_apostrophe(c) && stem.len() > c.len_utf8()) {
                end -= 1;
                in_end = in_start + stem.len() - ap.len_utf8();
                flags |= shape::POSSESSIVE;
            }
            flags |= char_shape(&input[in_start..in_end]);
            if (2..=3).contains(&(end - start)) && is_article(&text[start..end]) {
                flags |= shape::ARTICLE;
            }
            let gap = &text[prev_end..start];
            let all_space = !gap.is_empty() && gap.bytes().all(|g| g == b' ');
            let mut terminator = gap.bytes().any(|g| matches!(g, b'.' | b'!' | b'?' | b'\n' | b':' | b'"' | b'|'));
            match tokens.last() {
                Some(prev) => {
                    if all_space || (prev.end - prev.start <= 2 && (gap == "." || gap == ". ")) {
                        flags |= shape::JOINED;
                    }
                }
                None => terminator = true,
            }
            if terminator {
                flags |= shape::SENTENCE_START;
            }
            if input.as_bytes().get(in_end) == Some(&b'-') {
                flags |= shape::HYPHEN_AFTER;
            }
            tokens.push(Token {
                start: start as u32,
                end: end as u32,
                input_start: in_start as u32,
                input_end: in_end as u32,
                shape: flags,
                hash: reference_hash(&text.as_bytes()[start..end]),
            });
            prev_end = i;
        }
        tokens
    }

    fn assert_matches_reference(input: &str) {
        let (f, t) = toks(input);
        assert_eq!(t, reference_tokens(&f, input), "{input:?}");
    }

    /// Deterministic pseudo-random text over `pieces`: many words of many
    /// lengths, at every offset relative to the 8-, 16- and 64-byte blocks.
    fn generated_texts(pieces: &[&str], count: usize, max_pieces: u64) -> Vec<String> {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let n = next() % max_pieces;
                (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()
            })
            .collect()
    }

    #[test]
    fn hash_fast_paths_match_the_loop() {
        let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37) ^ 0x5A).collect();
        for len in 0..bytes.len() {
            assert_eq!(hash_bytes(&bytes[..len]), reference_hash(&bytes[..len]), "length {len}");
            assert_eq!(hash_const(&bytes[..len]), reference_hash(&bytes[..len]), "const, length {len}");
            // The masked load, away from and right at the end of the text.
            for at in 0..bytes.len() - len {
                assert_eq!(hash_at(&bytes, at, len), reference_hash(&bytes[at..at + len]), "{at}+{len}");
            }
            let end = bytes.len() - len;
            assert_eq!(hash_at(&bytes, end, len), reference_hash(&bytes[end..]), "{end}+{len} at the end");
        }
    }

    #[test]
    fn word_hashes_are_token_hashes() {
        const WORDS: [u64; 3] = word_hashes(["the", "reportedly", ""]);
        let (_, t) = toks("The reportedly");
        assert!(t[0].folded_in(&WORDS) && t[1].folded_in(&WORDS[1..]) && !t[0].folded_in(&WORDS[1..]));
        assert_eq!(WORDS[2], hash_bytes(b""));
    }

    #[test]
    fn shape_fast_paths_match_char_by_char() {
        let words = [
            "a",
            "A",
            "ab",
            "AB",
            "Ab",
            "aB",
            "a1",
            "A1",
            "1",
            "12",
            "U",
            "US",
            "USA",
            "Mosul",
            "MOSUL",
            "mosul2",
            "x",
            "abcdefgh",
            "ABCDEFGH",
            "ABCDEFGh",
            "aBCDEFGH",
            "Abcdefg1",
            "abcdefghi",
            "ABCDEFGHI",
            "ABCDEFGHi",
            "Abcdefghij1",
            "ABCDEFGHIJKLMNOP",
            "ABCDEFGHIJKLMNOp",
            "abcdefghijklmnop9",
            "ABCDEFGHIJKLMNOPQ",
            "Aabcdefghijklmnopqrstuvwxyz",
            "A1234567",
            "A12345678",
            "1ABCDEFGH",
            "ÉCOLE",
            "École",
            "écOLE",
            "ĀB",
            "aĀ1",
            "Москва",
            "МОСКВА",
            "مosul",
            "Kata’ib",
            "KATA’IB",
            "al-QA’IM",
            "A’B",
            "A\u{301}B",
            "x²",
        ];
        for w in words {
            // In the middle of a text (eight-byte reads) and at its very end.
            for input in [format!("{w} and more text after"), w.to_string(), format!("so {w}")] {
                let at = input.find(w).unwrap();
                let got = input_shape(&input, at, at + w.len());
                assert_eq!(got, char_shape(w), "{w:?} in {input:?}");
            }
        }
    }

    #[test]
    fn words_across_bitmap_words_and_non_ascii_letters() {
        // A word over bytes 60..70 of the folded text: the bitmap scan must
        // carry it across two 64-bit words.
        let input = format!("{}Internationalisation here", "a ".repeat(30));
        let (f, t) = toks(&input);
        let w = t.iter().find(|t| t.folded(f.as_str()) == "internationalisation").unwrap();
        assert_eq!((w.start, w.end), (60, 80));
        assert_eq!(w.input(&input), "Internationalisation");
        assert_eq!(w.hash, hash_bytes(b"internationalisation"));
        assert!(w.has(shape::CAPITALIZED | shape::JOINED));
        // Non-ASCII letters inside and around words, with marks and
        // apostrophes the fold drops, some straddling a 64-byte block.
        let input = format!("{} Qā’im, Москва’s Ḥalab ﬁrst-aid Straße", "x".repeat(60));
        let (f, t) = toks(&input);
        let words: Vec<&str> = t.iter().map(|t| t.input(&input)).collect();
        assert_eq!(&words[1..], ["Qā’im", "Москва", "Ḥalab", "ﬁrst", "aid", "Straße"]);
        assert_eq!(t[1].folded(f.as_str()), "qaim");
        assert!(t[2].has(shape::POSSESSIVE | shape::CAPITALIZED));
        assert!(t[4].has(shape::HYPHEN_AFTER));
        assert_matches_reference(&input);
    }

    #[test]
    fn tokens_match_the_char_by_char_reference() {
        for input in [
            "",
            " ",
            "a",
            "U.S. forces in St. Louis, Mo., said: \"Iraq’s\" war | next",
            "Iraq's IRAQ’S iraq`s s 's ’s x's Kata’ib al-Qa’im Deir ez-Zor",
            "Dayr\u{a0}al-Zawr\u{202f}2019 ١٢ Ω² ①st 中文 😀s",
        ] {
            assert_matches_reference(input);
        }
        let pieces = [
            "a",
            "B",
            "s",
            "S",
            "7",
            "Mosul",
            "IRAQ",
            "internationalisation",
            "ABCDEFGHIJKLMNOPQRS",
            "x1y2z3w4v5",
            " ",
            " ",
            " ",
            ". ",
            ".",
            ", ",
            "\n",
            ":",
            "\"",
            "|",
            "-",
            "'",
            "`",
            "’",
            "‘",
            "ʿ",
            "\u{a0}",
            "—",
            "é",
            "É",
            "ß",
            "\u{301}",
            "ب",
            "Москва",
            "’s",
            "'s",
            "U.S.",
            "St. ",
            "\0",
        ];
        for input in generated_texts(&pieces, 3000, 60) {
            assert_matches_reference(&input);
        }
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
        let ek = exact_keys("al qaim").unwrap();
        assert_eq!((ek.key, ek.tokens, ek.prefixes), (nk.exact, nk.tokens, nk.exact_prefixes));
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
