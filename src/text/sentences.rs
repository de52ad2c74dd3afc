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
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    // Jump between candidate terminators with memchr rather than testing
    // every byte; "!" is rare in news, so its next position is cached.
    let mut next_bang = memchr::memchr(b'!', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if next_bang < i {
            next_bang = memchr::memchr(b'!', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        }
        let next = memchr::memchr3(b'.', b'?', b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        i = next.min(next_bang);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        let end_here = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                // Include closing quotes/brackets in the sentence.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                if text[j..].starts_with('\u{201D}') || text[j..].starts_with('\u{2019}') {
                    j += 3;
                }
                if ends_sentence(text, i, j) {
                    Some(j)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(e) = end_here {
            push_trimmed(text, start, e, &mut out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

/// Whether the terminator at `i` (with trailing quotes up to `j`) ends a sentence.
fn ends_sentence(text: &str, i: usize, j: usize) -> bool {
    let rest = &text[j..];
    let after = rest.trim_start_matches([' ', '\t', '\u{00A0}']);
    if after.len() == rest.len() && !after.is_empty() {
        return false; // No space: "3.5", "U.S.", "example.com".
    }
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
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // An initial: "J. Smith".
    }
    !is_abbreviation(word)
}

/// True when `word` (without its period, any case) is an abbreviation whose
/// period does not end a sentence: "Mrs", "Gov", "St".
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

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
    fn numbers_and_lowercase_continue() {
        assert_eq!(split("It rose 3.5 percent. e.g. this one."), vec!["It rose 3.5 percent. e.g. this one."]);
        assert!(split("").is_empty());
        assert!(split("  \n ").is_empty());
    }
}
