//! The one text normalisation used everywhere: gazetteer keys and running text
//! are folded by the same function, so a name matches whatever its spelling
//! of marks, apostrophes, hyphens and case.
//!
//! The fold:
//! - NFKD, then drops combining marks (`Qā’im` → `qaim`);
//! - drops every apostrophe, ʿayn and hamza form (`’ ‘ ʼ ʻ ʿ ʾ ` ´ '`), because
//!   transliterations of Arabic put them in and leave them out at will;
//! - turns hyphens, dashes and every kind of space (no-break, narrow, figure)
//!   into a plain space;
//! - lowercases.
//!
//! Every folded byte remembers the byte offset of the input character it came
//! from, so spans found in the folded text map back to char-boundary byte
//! offsets in the caller's `&str`.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text after the fold, with a map from folded bytes back to input bytes.
///
/// The buffers are reused by [`FoldedText::fold_into`], so a long-lived value
/// folds many documents without allocating once it has grown.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    folded: String,
    /// `origin[i]` is the input byte offset of the character that produced
    /// folded byte `i`; one extra entry holds the input length.
    origin: Vec<u32>,
    /// Length of the input in bytes.
    input_len: usize,
}

impl FoldedText {
    /// Folds `input` into a new value.
    pub fn new(input: &str) -> FoldedText {
        let mut f = FoldedText::default();
        f.fold_into(input);
        f
    }

    /// Folds `input`, reusing this value's buffers.
    #[inline(never)]
    pub fn fold_into(&mut self, input: &str) {
        // Work on bytes: every push below is a whole UTF-8 sequence, so the
        // result is valid UTF-8 and the final check cannot fail.
        let mut out = std::mem::take(&mut self.folded).into_bytes();
        out.clear();
        let origin = &mut self.origin;
        origin.clear();
        self.input_len = input.len();
        out.reserve(input.len());
        origin.reserve(input.len() + 1);
        let bytes = input.as_bytes();
        let mut scratch = [0u8; 4];
        let mut i = 0;
        while i < bytes.len() {
            // The fast path, nearly all of English news: blocks of ASCII
            // that the fold keeps, folded byte for byte with consecutive
            // origins; sixty-four bytes at a time (fewer capacity checks and
            // loop tests per byte), then sixteen.
            i = fold_ascii_blocks::<64>(bytes, i, &mut out, origin);
            i = fold_ascii_blocks::<16>(bytes, i, &mut out, origin);
            // Then one byte or char at a time, to the end of the block that
            // stopped the fast path (or of the text).
            let stop = (i + 16).min(bytes.len());
            while i < stop {
                let b = bytes[i];
                if b < 0x80 {
                    // An apostrophe, backtick or NUL folds to nothing.
                    let f = ASCII_FOLD[b as usize];
                    if f != 0 {
                        out.push(f);
                        origin.push(i as u32);
                    }
                    i += 1;
                    continue;
                }
                // `i` is a char boundary because we only ever step over whole chars.
                let c = input[i..].chars().next().unwrap_or('\u{FFFD}');
                let start = i as u32;
                fold_char(c, &mut |c: char| {
                    let enc = c.encode_utf8(&mut scratch);
                    out.extend_from_slice(enc.as_bytes());
                    origin.extend(std::iter::repeat_n(start, enc.len()));
                });
                i += c.len_utf8();
            }
        }
        origin.push(input.len() as u32);
        self.folded = String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Maps a folded byte range back to the input byte range it came from.
    ///
    /// `start` and `end` must lie on folded char boundaries with `start < end`;
    /// the result always lies on input char boundaries and covers whole input
    /// characters (a dropped apostrophe inside the range is included, one just
    /// outside it is not).
    pub fn input_span(&self, start: usize, end: usize, input: &str) -> (usize, usize) {
        let s = self.origin[start] as usize;
        if end == 0 || start >= end {
            return (s, s);
        }
        let last = self.origin[end - 1] as usize;
        (s, (last + utf8_len(input.as_bytes().get(last))).min(self.input_len))
    }

    /// [`FoldedText::input_span`] of a non-empty word (`start < end`), for
    /// the tokenizer's per-word loop: the same result without the checks an
    /// empty range would need. `input` is the input's bytes.
    #[inline]
    pub(crate) fn word_input_span(&self, start: usize, end: usize, input: &[u8]) -> (usize, usize) {
        debug_assert!(start < end);
        let s = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        // `last` starts an input char; step over it by its leading byte.
        (s, (last + utf8_len(input.get(last))).min(self.input_len))
    }

    /// The input byte offset of folded byte `i` (`i == len` maps to the input length).
    pub fn input_offset(&self, i: usize) -> usize {
        self.origin[i.min(self.origin.len() - 1)] as usize
    }
}

/// Folds `input` into `out` (cleared first), without an offset map: the form
/// used for gazetteer keys.
pub fn fold_str_into(input: &str, out: &mut String) {
    out.clear();
    // Most text folds to at most its own length: reserve it at once.
    out.reserve(input.len());
    for c in input.chars() {
        if c.is_ascii() {
            if let Some(b) = fold_ascii(c as u8) {
                out.push(b as char);
            }
        } else {
            fold_char(c, &mut |c| out.push(c));
        }
    }
}

/// Folds `input` into a new string.
pub fn fold_str(input: &str) -> String {
    let mut s = String::with_capacity(input.len());
    fold_str_into(input, &mut s);
    s
}

/// The fold of each ASCII byte; 0 means "drop".
static ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => b as u8 | 0x20,
            b'\'' | b'`' => 0,
            b'-' => b' ',
            x => x,
        };
        b += 1;
    }
    t
};

/// The width of a UTF-8 sequence from its leading byte (0 past the end).
#[inline]
fn utf8_len(lead: Option<&u8>) -> usize {
    match lead {
        None => 0,
        Some(&b) if b < 0x80 => 1,
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(_) => 2,
    }
}

/// Folds whole `N`-byte blocks of fast-path ASCII from `i` on, appending to
/// `out` with consecutive origins; returns where the first block that needs
/// the slow path (or the end of whole blocks) starts.
#[inline(always)]
fn fold_ascii_blocks<const N: usize>(bytes: &[u8], mut i: usize, out: &mut Vec<u8>, origin: &mut Vec<u32>) -> usize {
    while let Some(block) = bytes.get(i..i + N) {
        let Ok(block) = <&[u8; N]>::try_from(block) else { break };
        let Some(folded) = fold_ascii_block(block) else { break };
        out.extend_from_slice(&folded);
        let base = i as u32;
        origin.extend((0..N as u32).map(|j| base + j));
        i += N;
    }
    i
}

/// The fold of `N` (a multiple of 16) ASCII bytes, or `None` if any of them
/// is not ASCII or is one the fold drops (apostrophe, backtick, NUL).
///
/// Written as plain byte loops over fixed-size arrays with no early exit,
/// so that they compile to a few vector instructions for the whole block.
#[inline(always)]
fn fold_ascii_block<const N: usize>(block: &[u8; N]) -> Option<[u8; N]> {
    let mut folded = [0u8; N];
    let mut stop = [0u8; N];
    for ((f, s), &b) in folded.iter_mut().zip(stop.iter_mut()).zip(block) {
        // Zero exactly for the bytes that stop the fast path: NUL, ' and `
        // (by the XORs), and 0x80 and above (by the last term).
        let key = b.min(b ^ b'\'').min(b ^ b'`').min((b & 0x80) ^ 0x80);
        *s = (key == 0) as u8;
        // Lower case, and a hyphen becomes a space (as in `ASCII_FOLD`).
        let lower = b | ((b.wrapping_sub(b'A') < 26) as u8) << 5;
        *f = if lower == b'-' { b' ' } else { lower };
    }
    // Any stop byte, sixteen at a time (`N` is a multiple of 16).
    let any_stop = stop.chunks_exact(16).fold(0, |acc, c| acc | u128::from_ne_bytes(c.try_into().unwrap_or([1; 16])));
    (any_stop == 0).then_some(folded)
}

#[inline]
fn fold_ascii(b: u8) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b | 0x20),
        b'\'' | b'`' => None,
        b'-' => Some(b' '),
        _ => Some(b),
    }
}

/// True for the apostrophe, ʿayn and hamza forms that transliterations use
/// interchangeably (and often omit).
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2019}'
            | '\u{2018}'
            | '\u{201B}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02BF}'
            | '\u{02BE}'
            | '\u{00B4}'
            | '\u{2032}'
    )
}

fn fold_char(c: char, push: &mut dyn FnMut(char)) {
    if is_apostrophe(c) {
        return;
    }
    if c.is_whitespace() || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00AD}') {
        // Soft hyphen is invisible; the rest are dashes or spaces.
        if c != '\u{00AD}' {
            push(' ');
        }
        return;
    }
    // Letters that NFKD leaves alone but every romanisation writes in ASCII.
    let special: Option<&str> = match c {
        'ß' => Some("ss"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ı' => Some("i"),
        'þ' | 'Þ' => Some("th"),
        'ħ' | 'Ħ' => Some("h"),
        _ => None,
    };
    if let Some(s) = special {
        s.chars().for_each(&mut *push);
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) || is_apostrophe(d) {
            return;
        }
        if d.is_ascii() {
            if let Some(b) = fold_ascii(d as u8) {
                push(b as char);
            }
        } else if d.is_whitespace() {
            push(' ');
        } else {
            for l in d.to_lowercase() {
                push(l);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_transliteration_noise() {
        assert_eq!(fold_str("al-Qa’im"), "al qaim");
        assert_eq!(fold_str("Al Qā’im"), "al qaim");
        assert_eq!(fold_str("Kata\u{2019}ib\u{00A0}Hezbollah"), "kataib hezbollah");
        assert_eq!(fold_str("Dayr al-Zawr"), "dayr al zawr");
        assert_eq!(fold_str("ʿAyn al-Asad"), "ayn al asad");
        assert_eq!(fold_str("Straße Łódź"), "strasse lodz");
        assert_eq!(fold_str("Baghdad—Anbar"), "baghdad anbar");
    }

    #[test]
    fn offsets_map_back_to_char_boundaries() {
        let input = "In al-Qa’im, Anbar\u{00A0}province.";
        let f = FoldedText::new(input);
        assert_eq!(f.as_str(), "in al qaim, anbar province.");
        let at = f.as_str().find("al qaim").unwrap();
        let (s, e) = f.input_span(at, at + "al qaim".len(), input);
        assert_eq!(&input[s..e], "al-Qa’im");
        let at = f.as_str().find("province").unwrap();
        let (s, e) = f.input_span(at, at + "province".len(), input);
        assert_eq!(&input[s..e], "province");
        assert_eq!(f.input_offset(f.as_str().len()), input.len());
    }

    #[test]
    fn multi_byte_expansions_map_to_one_input_char() {
        let input = "Große Ø";
        let f = FoldedText::new(input);
        assert_eq!(f.as_str(), "grosse o");
        let (s, e) = f.input_span(0, 6, input);
        assert_eq!(&input[s..e], "Große");
    }

    /// Folds `input` char by char with [`fold_str`], recording each folded
    /// byte's origin: what the block fast path must reproduce exactly.
    /// (`FoldedText` also drops NUL, which `fold_str` keeps.)
    fn reference_fold(input: &str) -> (String, Vec<usize>) {
        let (mut folded, mut origin) = (String::new(), Vec::new());
        for (i, c) in input.char_indices().filter(|&(_, c)| c != '\0') {
            let f = fold_str(c.encode_utf8(&mut [0; 4]));
            origin.extend(std::iter::repeat_n(i, f.len()));
            folded.push_str(&f);
        }
        origin.push(input.len());
        (folded, origin)
    }

    #[test]
    fn block_fast_path_matches_char_by_char() {
        // Long ASCII runs (every block size), broken at every offset by bytes
        // the fast path must leave to the slow one.
        let breaks = ["'", "`", "\0", "’", "é", "\u{a0}", "ß", "\u{301}", "Ø", "ﬁ", "Ж", "😀", "-", "A"];
        let mut f = FoldedText::default();
        for len in [0, 1, 15, 16, 17, 63, 64, 65, 80, 130, 200] {
            let base: String = "The Quick-Brown FOX, 42 jumps; ".chars().cycle().take(len).collect();
            for at in (0..=len).step_by(7).chain([len.saturating_sub(1), 16, 64].into_iter().filter(|&a| a <= len)) {
                for b in breaks {
                    let input = format!("{}{b}{}", &base[..at], &base[at..]);
                    f.fold_into(&input);
                    let (folded, origin) = reference_fold(&input);
                    assert_eq!(f.as_str(), folded, "{input:?}");
                    for (j, &o) in origin.iter().enumerate() {
                        assert_eq!(f.input_offset(j), o, "byte {j} of {input:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn reuse_clears_previous_state() {
        let mut f = FoldedText::new("Mosul");
        f.fold_into("Ramadi");
        assert_eq!(f.as_str(), "ramadi");
        assert_eq!(f.input_offset(6), 6);
    }
}
