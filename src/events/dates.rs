//! Event dates: explicit and relative date expressions, resolved against the
//! document date.
//!
//! - absolute: "21 March 2020", "March 21, 2020", "March 21" (the year of the
//!   document date, or the year before when that would put it in the
//!   future), "2024-01-23", "in March 2020" (month precision);
//! - weekdays: "on Tuesday" is the most recent Tuesday on or before the
//!   document date, so "early on Wednesday" in a Wednesday story is that
//!   same Wednesday; "last Tuesday" is strictly before it;
//! - "today", "tonight", "this morning"; "yesterday", "last night",
//!   "overnight" (the day before); "last week" and "this week" (week
//!   precision); "last month" (month precision).
//!
//! A relative expression without a document date resolves to nothing.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::DatePrecision;
use crate::text::tokens::{shape, Token};

/// A date found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Token index where the expression starts.
    pub at: usize,
}

/// The weekdays' folded names, Monday first.
pub(super) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The weekday a folded word names ("monday").
pub(super) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The month (1–12) a folded word or abbreviation names ("january", "jan").
pub(super) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn number(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        // Ordinals: "21st", "2nd", "3rd", "4th".
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if digits.len() < w.len() && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th") {
            return number(digits);
        }
        return None;
    }
    w.parse().ok()
}

/// The words without a digit that can open a date expression: every word
/// [`weekday`] and [`month`] accept, and the relative words of [`find_date`].
pub(super) const OPENERS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "today",
    "tonight",
    "this",
    "yesterday",
    "overnight",
    "last",
];

/// The most recent `wd` on or before `doc` (strictly before when `strict`).
fn last_weekday(doc: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let back = (7 + doc.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && strict { 7 } else { back };
    doc - Days::new(back as u64)
}

/// Finds the first date expression among `toks` (a sentence).
#[cfg(test)]
pub(crate) fn find_date(toks: &[Token], folded: &str, doc: Option<NaiveDate>) -> Option<FoundDate> {
    find_date_among(toks, 0..toks.len(), folded, doc)
}

/// [`find_date`], looking only at the tokens `openers` offers, in order:
/// every token that may open a date expression (a number or one of
/// [`OPENERS`]) and perhaps others. Every expression starts with one, and
/// the event stage knows them from its token tags: it skips the string
/// comparisons for most tokens.
pub(crate) fn find_date_among(
    toks: &[Token],
    openers: impl Iterator<Item = usize>,
    folded: &str,
    doc: Option<NaiveDate>,
) -> Option<FoundDate> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.folded(folded));
    for i in openers {
        let digit = toks[i].has(shape::DIGIT);
        let capital = toks[i].has(shape::CAPITALIZED);
        let word = w(i);
        // ISO dates: 2024 01 23 after the fold turned hyphens into spaces.
        if word.len() == 4 && digit {
            if let (Some(y), Some(m), Some(d)) = (number(word), number(w(i + 1)), number(w(i + 2))) {
                if w(i + 1).len() == 2 && w(i + 2).len() == 2 {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Some(FoundDate { date, precision: DatePrecision::Day, at: i });
                    }
                }
            }
        }
        // "21 March 2020" / "21 March".
        if let Some(d) = if digit { number(word) } else { None } {
            if let Some(m) = month(w(i + 1)) {
                if (1..=31).contains(&d) && toks.get(i + 1).is_some_and(|t| t.has(shape::CAPITALIZED)) {
                    let year = number(w(i + 2)).filter(|y| (1900..=2100).contains(y));
                    if let Some(date) = absolute(year, m, d, doc) {
                        return Some(FoundDate { date, precision: DatePrecision::Day, at: i });
                    }
                }
            }
        }
        // Month names must be capitalised ("may", "march" are words).
        if let Some(m) = if capital { month(word) } else { None } {
            // "March 21, 2020" / "March 21".
            if let Some(d) = number(w(i + 1)).filter(|d| (1..=31).contains(d)) {
                let year = number(w(i + 2)).filter(|y| (1900..=2100).contains(y));
                if let Some(date) = absolute(year, m, d, doc) {
                    return Some(FoundDate { date, precision: DatePrecision::Day, at: i });
                }
            }
            // "in March 2020".
            if let Some(y) = number(w(i + 1)).filter(|y| (1900..=2100).contains(y)) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, 1) {
                    return Some(FoundDate { date, precision: DatePrecision::Month, at: i });
                }
            }
        }
        let Some(doc) = doc else { continue };
        if let Some(wd) = weekday(word) {
            let strict = w(i.wrapping_sub(1)) == "last";
            return Some(FoundDate { date: last_weekday(doc, wd, strict), precision: DatePrecision::Day, at: i });
        }
        let (date, precision) = match (word, w(i + 1)) {
            ("today" | "tonight", _) => (doc, DatePrecision::Day),
            ("this", "morning" | "afternoon" | "evening") => (doc, DatePrecision::Day),
            ("yesterday" | "overnight", _) => (doc - Days::new(1), DatePrecision::Day),
            ("last", "night") => (doc - Days::new(1), DatePrecision::Day),
            ("last", "week") => (doc - Days::new(7), DatePrecision::Week),
            ("this", "week") => (doc, DatePrecision::Week),
            ("last", "month") => (doc.checked_sub_months(Months::new(1)).unwrap_or(doc), DatePrecision::Month),
            _ => continue,
        };
        return Some(FoundDate { date, precision, at: i });
    }
    None
}

/// The date of a dateline that opens a sentence ("OUAGADOUGOU, Feb 12
/// (Reuters) -", "PESHAWAR, Pakistan, March 3 -"), given the sentence's
/// tokens from the dateline's place on: the day the story was filed, and the
/// token after the date, where the story proper begins.
///
/// The filing day is what the story's weekdays count back from: "on Sunday"
/// in a story filed on Monday 12 February is the 11th, whenever the caller
/// collected it. It is not the date of the events the first sentence
/// reports.
pub(crate) fn dateline_date(toks: &[Token], folded: &str, doc: Option<NaiveDate>) -> Option<(NaiveDate, usize)> {
    let cased = shape::CAPITALIZED | shape::ALL_CAPS;
    // The place (and its country) in capitals, then the month: at most
    // four words in.
    let i =
        (1..toks.len().min(5)).find(|&i| toks[i].has(shape::CAPITALIZED) && month(toks[i].folded(folded)).is_some())?;
    if toks[..i].iter().any(|t| t.shape & cased == 0) {
        return None;
    }
    let m = month(toks[i].folded(folded))?;
    let d = toks.get(i + 1).and_then(|t| number(t.folded(folded))).filter(|d| (1..=31).contains(d))?;
    let year = toks.get(i + 2).and_then(|t| number(t.folded(folded))).filter(|y| (1900..=2100).contains(y));
    let date = absolute(year, m, d, doc)?;
    Some((date, i + 2 + usize::from(year.is_some())))
}

/// Builds a day date; without a year, the document's year (or the year
/// before, when the date would fall more than a week after the document).
fn absolute(year: Option<u32>, m: u32, d: u32, doc: Option<NaiveDate>) -> Option<NaiveDate> {
    match (year, doc) {
        (Some(y), _) => NaiveDate::from_ymd_opt(y as i32, m, d),
        (None, Some(doc)) => {
            let this = NaiveDate::from_ymd_opt(doc.year(), m, d)?;
            if this > doc + Days::new(7) {
                NaiveDate::from_ymd_opt(doc.year() - 1, m, d)
            } else {
                Some(this)
            }
        }
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FoldedText, Tokenizer};

    fn date_in(s: &str, doc: &str) -> Option<(String, DatePrecision)> {
        let f = FoldedText::new(s);
        let mut t = Tokenizer::new();
        let toks = t.tokenize(&f, s).to_vec();
        find_date(&toks, f.as_str(), NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok())
            .map(|d| (d.date.to_string(), d.precision))
    }

    fn day(s: &str) -> Option<(String, DatePrecision)> {
        Some((s.to_string(), DatePrecision::Day))
    }

    #[test]
    fn weekdays_resolve_backwards_from_the_document_date() {
        // 2024-01-24 is a Wednesday.
        assert_eq!(date_in("US forces struck targets on Tuesday.", "2024-01-24"), day("2024-01-23"));
        assert_eq!(date_in("He said early on Wednesday that…", "2024-01-24"), day("2024-01-24"));
        assert_eq!(date_in("Clashes erupted last Wednesday.", "2024-01-24"), day("2024-01-17"));
        assert_eq!(date_in("Gunmen attacked a bus on Sunday.", "2024-01-24"), day("2024-01-21"));
    }

    #[test]
    fn relative_words() {
        assert_eq!(date_in("Protesters gathered yesterday.", "2024-03-01"), day("2024-02-29"));
        assert_eq!(date_in("Rockets hit the base last night.", "2024-01-24"), day("2024-01-23"));
        assert_eq!(date_in("A bomb exploded today.", "2024-01-24"), day("2024-01-24"));
        assert_eq!(
            date_in("Talks collapsed last week.", "2024-01-24"),
            Some(("2024-01-17".into(), DatePrecision::Week))
        );
        assert_eq!(date_in("Talks collapsed last week.", ""), None, "no document date");
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(date_in("On 21 March 2020, troops entered.", "2024-01-24"), day("2020-03-21"));
        assert_eq!(date_in("On March 21, 2020 troops entered.", ""), day("2020-03-21"));
        assert_eq!(date_in("Troops entered on March 21.", "2024-03-25"), day("2024-03-21"));
        assert_eq!(date_in("Troops entered on December 30.", "2024-01-02"), day("2023-12-30"));
        assert_eq!(date_in("The report dated 2024-01-23 says", ""), day("2024-01-23"));
        assert_eq!(date_in("The siege began in March 2020.", ""), Some(("2020-03-01".into(), DatePrecision::Month)));
    }

    fn dateline(s: &str, doc: &str) -> Option<(String, usize)> {
        let f = FoldedText::new(s);
        let mut t = Tokenizer::new();
        let toks = t.tokenize(&f, s).to_vec();
        dateline_date(&toks, f.as_str(), NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok())
            .map(|(d, end)| (d.to_string(), end))
    }

    #[test]
    fn datelines_give_the_filing_day() {
        // The story begins after the date: "(Reuters) - …" is token 3.
        assert_eq!(
            dateline("OUAGADOUGOU, Feb 12 (Reuters) - Militants attacked", "2024-07-19"),
            Some(("2024-02-12".into(), 3))
        );
        assert_eq!(dateline("PESHAWAR, Pakistan, March 3, 2023 (AP) - A bomb", ""), Some(("2023-03-03".into(), 5)));
        // No year and no document date: no day to count from.
        assert_eq!(dateline("KYIV, March 3 - Russia", ""), None);
        // Not a dateline: a lower-case word before the month.
        assert_eq!(dateline("Troops entered on March 21 and left.", "2024-03-25"), None);
    }

    #[test]
    fn every_date_word_is_an_opener() {
        // Every word the matchers accept is an opener: the lists agree.
        for name in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
            assert!(weekday(name).is_some() && OPENERS.contains(&name), "{name}");
        }
        for m in 1..=12u8 {
            let name = chrono::Month::try_from(m).unwrap().name().to_lowercase();
            for w in [name.as_str(), &name[..3]] {
                assert!(month(w) == Some(m.into()) && OPENERS.contains(&w), "{w}");
            }
        }
        assert!(month("sept").is_some() && OPENERS.contains(&"sept"));
    }

    #[test]
    fn words_that_are_not_dates() {
        assert_eq!(date_in("Protesters march on the capital and may return.", "2024-01-24"), None);
        assert_eq!(date_in("Five people were killed.", "2024-01-24"), None);
        assert_eq!(date_in("", "2024-01-24"), None);
    }
}
