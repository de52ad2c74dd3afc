//! Dates serialised as `YYYY-MM-DD` without the formatting machinery.
//!
//! chrono serialises a `NaiveDate` through `Display`, one `write_char` call
//! per character; with two dates per event that showed up as about a sixth
//! of the serialise stage. Every date the pipeline emits has a four-digit
//! year, so it is written from a fixed buffer; any other year still goes
//! through chrono.

use chrono::{Datelike, NaiveDate};
use serde::Serializer;

/// `serialize_with` helper for an optional date.
pub(crate) fn serialize_opt<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        None => s.serialize_none(),
        Some(d) => serialize(d, s),
    }
}

/// `serialize_with` helper for a date: the same text as chrono's own form.
pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 10];
    match format_into(date, &mut buf) {
        Some(text) => s.serialize_str(text),
        None => s.collect_str(date),
    }
}

/// Writes `YYYY-MM-DD` into `buf`, or `None` for a year outside 0..=9999.
pub(super) fn format_into<'b>(date: &NaiveDate, buf: &'b mut [u8; 10]) -> Option<&'b str> {
    let year = u32::try_from(date.year()).ok().filter(|&y| y <= 9999)?;
    let digits = |n: u32, out: &mut [u8]| {
        let mut n = n;
        for b in out.iter_mut().rev() {
            *b = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    digits(year, &mut buf[0..4]);
    buf[4] = b'-';
    digits(date.month(), &mut buf[5..7]);
    buf[7] = b'-';
    digits(date.day(), &mut buf[8..10]);
    std::str::from_utf8(buf).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chrono_text_for_every_kind_of_year() {
        for (y, m, d) in [(2024, 1, 24), (1987, 2, 26), (5, 12, 31), (9999, 6, 1), (10000, 1, 1), (-44, 3, 15)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let ours = serialize(&date, serde_json::value::Serializer).unwrap();
            assert_eq!(ours, serde_json::Value::String(date.to_string()), "{date}");
        }
        let none = serialize_opt(&None, serde_json::value::Serializer).unwrap();
        assert_eq!(none, serde_json::Value::Null);
    }
}
