//! Sentence segmentation for news text.
//!
//! A rule splitter, because news sentences are regular and a model would cost
//! more than the whole rest of the pipeline. A sentence ends at `.`, `!` or
//! `?` followed by white space and an upper-case letter, digit or quote, and
//! at every line break (headlines, datelines and paragraphs stand alone).
//! Abbreviations ("U.S.", "Lt. Gen.", "Mr.", "Jan.") and initials ("J. Smith")
//! do not end a sentence.

/// Abbreviations (lower case, without the final period) after which a period
/// does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "st", "ft", "mt", "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co",
    "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
    "e.g", "i.e", "a.m", "p.m", "approx", "est", "brig", "hon", "pres", "supt", "insp", "det", "mssrs", "messrs",
];

/// Byte spans of the sentences of `text`, in order, trimmed of white space.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    // Wire copy breaks its lines every 70 or so bytes, and every line break
    // ends a sentence: reserving for one per 64 bytes spares the pushes
    // below most of their regrowths.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let bytes = text.as_bytes();
    let mut start = 0usize;
    // Where the line of the next line break starts: one past the last line
    // break seen, since every one of them is visited in order.
    let mut line_start = 0usize;
    // Every terminator and line break, in order. A sentence that ends at a
    // terminator takes in the closing quotes after it, and none of those is
    // a candidate itself, so no candidate is ever skipped.
    for_each_candidate(bytes, |i| {
        let end_here = match bytes[i] {
            b'\n' => {
                let ends = line_ends_sentence(text, line_start, i);
                line_start = i + 1;
                ends.then_some(i)
            }
            _ => {
                // Include closing quotes/brackets in the sentence.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                // (Both curly quotes start with the byte 0xE2.)
                if bytes.get(j) == Some(&0xE2)
                    && (text[j..].starts_with('\u{201D}') || text[j..].starts_with('\u{2019}'))
                {
                    j += 3;
                }
                ends_sentence(text, i, j).then_some(j)
            }
        };
        if let Some(e) = end_here {
            push_trimmed(text, start, e, &mut out);
            start = e;
        }
    });
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Calls `f` with the position of every `.`, `!`, `?` and line break of
/// `bytes`, in order.
#[inline(always)]
fn for_each_candidate(bytes: &[u8], mut f: impl FnMut(usize)) {
    // A mask per 64-byte block, then one bit scan per candidate: sentences
    // are short, and a search call per candidate cost more than the test of
    // every byte (a loop the compiler vectorises).
    let mut blocks = bytes.chunks_exact(64);
    let mut base = 0;
    for block in &mut blocks {
        let mut mask = candidate_mask(block);
        while mask != 0 {
            f(base + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        base += 64;
    }
    let rest = blocks.remainder();
    let mut tail = [0u8; 64];
    tail[..rest.len()].copy_from_slice(rest);
    let mut mask = candidate_mask(&tail);
    while mask != 0 {
        f(base + mask.trailing_zeros() as usize);
        mask &= mask - 1;
    }
}

/// Bit `j` is set when byte `j` of the block (at most 64 bytes) is a
/// sentence terminator or a line break.
#[inline(always)]
fn candidate_mask(block: &[u8]) -> u64 {
    let mut hit = [0u8; 64];
    for (v, &b) in hit.iter_mut().zip(block) {
        *v = ((b == b'.') | (b == b'!') | (b == b'?') | (b == b'\n')) as u8;
    }
    // Gathered eight at a time as in the tokenizer's word bitmap: the
    // multiplier moves byte j's bit 0 to bit 56 + j without carries.
    let mut mask = 0;
    for (j, c) in hit.chunks_exact(8).enumerate() {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        mask |= (m.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
    }
    mask
}

/// Whether the line break at `i` ends a sentence. Headlines, datelines,
/// paragraphs and one-sentence-per-line wire copy break at every line; a
/// paragraph wrapped at a fixed width (Reuters' "since early\nJanuary and
/// improving") does not. A line break ends a sentence unless the next line
/// carries on a long line that has no closing punctuation: it starts in
/// lower case, or in upper case after a line of 50 bytes or more, with no
/// indent and no blank line between. The line runs from `line_start`.
fn line_ends_sentence(text: &str, line_start: usize, i: usize) -> bool {
    let bytes = text.as_bytes();
    // A line nearly always ends in an ASCII byte other than a space: then
    // it needs no trimming, and its last character is that byte.
    let line = match bytes[line_start..i].last() {
        Some(&b) if b.is_ascii() && !is_ascii_space(b) => {
            if matches!(b, b'.' | b'!' | b'?' | b':' | b';' | b'"' | b')') {
                return true;
            }
            &text[line_start..i]
        }
        _ => {
            let line = text[line_start..i].trim_end();
            if line.ends_with(['.', '!', '?', ':', ';', '"', '\u{201D}', ')']) {
                return true;
            }
            line
        }
    };
    let c = match bytes.get(i + 1) {
        None => return true,
        Some(&b) if b.is_ascii() => b as char,
        Some(_) => text[i + 1..].chars().next().unwrap_or(' '),
    };
    // A blank line or an indent opens a paragraph.
    if c.is_whitespace() {
        return true;
    }
    if c.is_lowercase() {
        return false;
    }
    !(c.is_uppercase() || c.is_ascii_digit()) || line.len() < 50
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let bytes = piece.as_bytes();
    // The gap before a sentence is a line break and indentation, or a
    // space: skip ASCII white space byte by byte, and decode characters
    // (for the rare non-ASCII space) only from the first byte that is not.
    let mut lead = bytes.iter().position(|&b| !is_ascii_space(b)).unwrap_or(bytes.len());
    if bytes.get(lead).is_some_and(|b| !b.is_ascii()) {
        lead = piece.len() - piece.trim_start().len();
    }
    let mut trail = bytes.iter().rev().position(|&b| !is_ascii_space(b)).unwrap_or(bytes.len());
    if bytes.len() > trail && !bytes[bytes.len() - 1 - trail].is_ascii() {
        trail = piece.len() - piece.trim_end().len();
    }
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

/// The ASCII characters `char::is_whitespace` accepts (which include the
/// vertical tab that `u8::is_ascii_whitespace` leaves out).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Whether the terminator at `i` (with trailing quotes up to `j`) ends a sentence.
fn ends_sentence(text: &str, i: usize, j: usize) -> bool {
    let rest = &text[j..];
    // No space: "3.5", "U.S.", "example.com", most periods in news. One
    // byte test answers them before any character decoding: a space, a
    // tab, or the two bytes of a no-break space must follow.
    if !matches!(rest.as_bytes(), [] | [b' ' | b'\t', ..] | [0xC2, 0xA0, ..]) {
        return false;
    }
    let after = rest.trim_start_matches([' ', '\t', '\u{00A0}']);
    match after.chars().next() {
        None | Some('\n') | Some('\r') => return true,
        Some(c) if c.is_lowercase() => return false,
        Some(c) if !(c.is_uppercase() || c.is_ascii_digit() || "\"'“‘([".contains(c)) => return false,
        _ => {}
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..i];
    let word = &before[word_start(before)..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // An initial: "J. Smith".
    }
    !is_abbreviation(word)
}

/// Where the last word of `before` starts: after its last white space,
/// opening bracket or double quote (0 when there is none).
fn word_start(before: &str) -> usize {
    // The word before a period is short and nearly always ASCII: scan its
    // bytes back, and decode characters only if a non-ASCII byte comes first.
    for (p, &b) in before.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            return before
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
        }
        if b.is_ascii_whitespace() || matches!(b, b'\x0B' | b'(' | b'"') {
            return p + 1;
        }
    }
    0
}

/// Byte length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 6;

/// True when `word` (without its period, any case) is an abbreviation whose
/// period does not end a sentence: "Mrs", "Gov", "St".
pub fn is_abbreviation(word: &str) -> bool {
    // Most words before a period are longer than any abbreviation.
    word.len() <= LONGEST_ABBREVIATION && ABBREVIATION_KEYS.contains(&abbreviation_key(word.as_bytes()))
}

/// A word of at most [`LONGEST_ABBREVIATION`] bytes as one integer: its
/// bytes lower-cased (ASCII only, as `eq_ignore_ascii_case` compares them),
/// and its length in the top byte. Two such words are equal ignoring ASCII
/// case exactly when their keys are, and comparing integers spares a string
/// comparison per abbreviation.
const fn abbreviation_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`abbreviation_key`] of each of [`ABBREVIATIONS`].
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = abbreviation_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentence_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "U.S. forces struck Jurf al-Sakhar on Tuesday. Lt. Gen. Smith said it was over. Dr. J. Doe agreed.";
        assert_eq!(
            split(t),
            vec![
                "U.S. forces struck Jurf al-Sakhar on Tuesday.",
                "Lt. Gen. Smith said it was over.",
                "Dr. J. Doe agreed."
            ]
        );
    }

    #[test]
    fn lines_and_quotes() {
        let t = "Headline here\n\n“Our strikes will continue,” he said. “This is a promise.” Then he left!\nNext";
        assert_eq!(
            split(t),
            vec![
                "Headline here",
                "“Our strikes will continue,” he said.",
                "“This is a promise.”",
                "Then he left!",
                "Next"
            ]
        );
    }

    #[test]
    fn wrapped_lines_continue_their_sentence() {
        // Reuters-style copy wrapped at a fixed width, with an indented
        // paragraph and a short headline in capitals.
        let t = "BAHIA COCOA REVIEW\nShowers continued throughout the week in\nthe Bahia cocoa zone, alleviating \
                 the drought since early\nJanuary and improving prospects, Comissaria Smith said.\n    The dry \
                 period means the\ntemporao will be late.";
        assert_eq!(
            split(t),
            vec![
                "BAHIA COCOA REVIEW",
                "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since \
                 early\nJanuary and improving prospects, Comissaria Smith said.",
                "The dry period means the\ntemporao will be late."
            ]
        );
        // One sentence per line, and a short line before a capital, still
        // break.
        assert_eq!(split("Troops fired\nPolice said five died."), vec!["Troops fired", "Police said five died."]);
    }

    #[test]
    fn trimming_matches_str_trim() {
        // ASCII and non-ASCII white space (NBSP, ideographic and line
        // separators, vertical tab), all-space pieces, and a non-space
        // non-ASCII character at either end.
        let pieces = [
            "",
            " ",
            "\n",
            "\u{b}",
            " \u{a0} ",
            "\u{3000}x",
            "x\u{2028}",
            " \t\nA b.\r\n",
            "\u{a0}\u{a0}",
            "é",
            " é ",
            "\u{b}x\u{b}",
            "\u{85} y \u{85}",
            "\u{c}\u{a0}z\u{a0} \u{c}",
        ];
        for p in pieces {
            let text = format!("ab{p}cd");
            let mut out = Vec::new();
            push_trimmed(&text, 2, 2 + p.len(), &mut out);
            let lead = p.len() - p.trim_start().len();
            let want = (!p.trim().is_empty()).then(|| (2 + lead, 2 + lead + p.trim().len()));
            assert_eq!(out.first().copied(), want, "{p:?}");
        }
    }

    #[test]
    fn word_start_matches_rfind() {
        let reference = |before: &str| {
            before
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        };
        for before in [
            "",
            "Mr",
            "said Mr",
            "said\tMr",
            "x\u{b}Gov",
            "x\u{c}Gov",
            "(Gen",
            "\"St",
            "a\u{a0}Lt",
            "a\u{2009}Lt",
            "café St",
            "x Café",
            "é",
            " ",
            "a\r\nb",
            "line\u{85}Rev",
        ] {
            assert_eq!(word_start(before), reference(before), "{before:?}");
        }
    }

    #[test]
    fn abbreviations_are_short() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LONGEST_ABBREVIATION));
        assert!(ABBREVIATIONS.iter().any(|a| a.len() == LONGEST_ABBREVIATION));
        assert!(is_abbreviation("MESSRS") && is_abbreviation("U.S") && !is_abbreviation("approxi"));
        // The keys agree with a comparison ignoring ASCII case.
        for w in
            ["mr", "Mr", "MR", "mrs", "m", "", "gen.", "St", "sT", "no", "nos", "nox", "é", "Dr\u{0}", "messrs", "u.s"]
        {
            let want = w.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
            assert_eq!(is_abbreviation(w), want, "{w:?}");
        }
    }

    #[test]
    fn every_candidate_is_visited_in_order() {
        // Texts across the 64-byte block boundary, candidates at its edges.
        for len in [0, 1, 63, 64, 65, 127, 128, 130] {
            let text: Vec<u8> = (0..len).map(|i| b".a!b?c\nd"[(i * 7 + i / 5) % 8]).collect();
            let mut seen = Vec::new();
            for_each_candidate(&text, |i| seen.push(i));
            let want: Vec<usize> = (0..len).filter(|&i| matches!(text[i], b'.' | b'!' | b'?' | b'\n')).collect();
            assert_eq!(seen, want, "{len}");
        }
    }

    #[test]
    fn numbers_and_lowercase_continue() {
        assert_eq!(split("It rose 3.5 percent. e.g. this one."), vec!["It rose 3.5 percent. e.g. this one."]);
        assert!(split("").is_empty());
        assert!(split("  \n ").is_empty());
    }
}
