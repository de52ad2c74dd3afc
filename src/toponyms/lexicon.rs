//! The recogniser's curated word lists, read from `data/`:
//! `context_words.csv` (titles, organisation and place words, speech verbs,
//! page furniture), `stopwords.csv` (common words that are also place names),
//! `given_names.csv` (first names that mark a following word as a surname)
//! and the actor names of `actors.csv` (organisations whose names contain
//! place words: Kata’ib Hezbollah, Hashd al-Sha’abi, al-Mayadeen), and
//! `international_media.csv` (agencies and broadcasters that report from
//! everywhere, so the country in their name says nothing about a story's),
//! `national_media.csv` (outlets of one country whose names do not say
//! which: "Radio Okapi", "Dawn", "Shabelle Media Network"),
//! and the one-word triggers and agents of the event lexicons
//! (`triggers.csv`, `agents.csv`), which are common English words.
//!
//! All become one [`PhraseSet`] whose values are role bit sets, so tagging a
//! token costs one hash probe, plus a second set for actor names.

use once_cell::sync::Lazy;

use crate::text::PhraseSet;

/// Role bits of a lexicon entry.
pub(crate) mod role {
    pub const TITLE: u32 = 1;
    pub const ORG_SUFFIX: u32 = 1 << 1;
    pub const ORG_PREFIX: u32 = 1 << 2;
    pub const PLACE_SUFFIX: u32 = 1 << 3;
    pub const PLACE_PREFIX: u32 = 1 << 4;
    pub const SPEECH_VERB: u32 = 1 << 5;
    pub const AUX_VERB: u32 = 1 << 6;
    pub const METONYM_NOUN: u32 = 1 << 7;
    pub const FURNITURE: u32 = 1 << 8;
    pub const STOPWORD: u32 = 1 << 9;
    pub const GIVEN_NAME: u32 = 1 << 10;
    /// A word of the event lexicons: a trigger ("grenade", "clashes") or a
    /// generic agent ("gang", "police"). Capitalised at a sentence start it
    /// is that word, not the village spelled like it.
    pub const EVENT_WORD: u32 = 1 << 11;
    /// A title only when capitalised ("Miss", "Major", "General"); in lower
    /// case an ordinary word ("miss Boston", "a major Texas city").
    pub const CASED_TITLE: u32 = 1 << 12;
}

static CONTEXT_WORDS: &str = include_str!("../../data/context_words.csv");
static STOPWORDS: &str = include_str!("../../data/stopwords.csv");
static GIVEN_NAMES: &str = include_str!("../../data/given_names.csv");
static ACTORS: &str = include_str!("../../data/actors.csv");
static INTERNATIONAL_MEDIA: &str = include_str!("../../data/international_media.csv");
static NATIONAL_MEDIA: &str = include_str!("../../data/national_media.csv");
static TRIGGERS: &str = include_str!("../../data/triggers.csv");
static AGENTS: &str = include_str!("../../data/agents.csv");

/// The lexicons, built once per process (a few milliseconds).
pub(crate) struct Lexicon {
    /// Word or phrase → role bits.
    pub words: PhraseSet,
    /// Actor names and aliases → [`MASK`] (for organisations and persons,
    /// whose names hide place words) plus the actor's country code in the
    /// low 16 bits (0 when none).
    pub actors: PhraseSet,
    /// Names of agencies and broadcasters with worldwide coverage.
    pub international_media: PhraseSet,
    /// Names of national outlets → their country code (two ASCII bytes,
    /// little-endian, as in [`Lexicon::actors`]).
    pub national_media: PhraseSet,
}

/// Flag of an actor whose name masks place words inside it.
pub(crate) const MASK: u32 = 1 << 16;
/// Value bit: the actor is an armed group or a people, which cross borders
/// (al-Shabaab raids in Kenya), so its country is weaker evidence.
pub(crate) const CROSS_BORDER: u32 = 1 << 17;

pub(crate) static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::bundled);

fn or(a: u32, b: u32) -> u32 {
    a | b
}

impl Lexicon {
    fn bundled() -> Lexicon {
        let mut words = PhraseSet::new();
        for rec in rows(CONTEXT_WORDS) {
            let bit = match rec.get(1).unwrap_or("") {
                "title" => role::TITLE,
                "cased_title" => role::TITLE | role::CASED_TITLE,
                "org_suffix" => role::ORG_SUFFIX,
                "org_prefix" => role::ORG_PREFIX,
                "place_suffix" => role::PLACE_SUFFIX,
                "place_prefix" => role::PLACE_PREFIX,
                "speech_verb" => role::SPEECH_VERB,
                "aux_verb" => role::AUX_VERB,
                "metonym_noun" => role::METONYM_NOUN,
                "furniture" => role::FURNITURE,
                _ => continue,
            };
            words.insert_with(rec.get(0).unwrap_or(""), bit, or);
        }
        for rec in rows(STOPWORDS) {
            words.insert_with(rec.get(0).unwrap_or(""), role::STOPWORD, or);
        }
        for rec in rows(GIVEN_NAMES) {
            words.insert_with(rec.get(0).unwrap_or(""), role::GIVEN_NAME, or);
        }
        // Only one-word entries: a token's role is looked up alone.
        for rec in rows(TRIGGERS).chain(rows(AGENTS)) {
            let word = rec.get(0).unwrap_or("");
            if !word.is_empty() && !word.contains([' ', '-']) {
                words.insert_with(word, role::EVENT_WORD, or);
            }
        }
        let mut actors = PhraseSet::new();
        for rec in rows(ACTORS) {
            // State bodies are named after their country or city ("Nairobi
            // police"), which stay places; social groups are common nouns
            // ("refugees", "traders") that run on into place names ("Dadaab
            // Refugee Camp"); other names hide place words.
            let mask = match rec.get(2) {
                Some("government" | "military" | "police" | "civilians" | "protesters" | "rioters") => 0,
                _ => MASK,
            };
            let cross_border = match rec.get(2) {
                Some("armed_group" | "rebel_group" | "ethnic_group") => CROSS_BORDER,
                _ => 0,
            };
            let country = rec
                .get(3)
                .map(str::as_bytes)
                .filter(|b| b.len() == 2)
                .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as u32);
            actors.insert(rec.get(0).unwrap_or(""), mask | cross_border | country);
            for alias in rec.get(1).unwrap_or("").split('|') {
                actors.insert(alias, mask | cross_border | country);
            }
        }
        let mut international_media = PhraseSet::new();
        for rec in rows(INTERNATIONAL_MEDIA) {
            international_media.insert(rec.get(0).unwrap_or(""), 1);
        }
        let mut national_media = PhraseSet::new();
        for rec in rows(NATIONAL_MEDIA) {
            if let Some(&[a, b]) = rec.get(1).map(str::as_bytes) {
                national_media.insert(rec.get(0).unwrap_or(""), u16::from_le_bytes([a, b]) as u32);
            }
        }
        Lexicon { words, actors, international_media, national_media }
    }
}

/// The records of a bundled CSV file with a header (compiled in and tested,
/// so a malformed record is skipped rather than reported). The event
/// lexicons read their files with it too.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = Row> {
    csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes()).into_records().filter_map(Result::ok).map(Row)
}

/// One record of a bundled CSV file, whose fields read trimmed of white
/// space.
///
/// Trimmed as they are read rather than by the CSV reader: its
/// `Trim::All` rebuilds every record twice (bytes, then text), which cost
/// more than the rest of reading the lexicons.
pub(crate) struct Row(csv::StringRecord);

impl Row {
    /// Field `i`, trimmed (as `str::trim` does), if the record has one.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.0.get(i).map(str::trim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FoldedText, Tokenizer};

    fn roles(text: &str) -> Vec<u32> {
        let f = FoldedText::new(text);
        let mut t = Tokenizer::new();
        t.tokenize(&f, text).iter().map(|t| LEXICON.words.word(t).unwrap_or(0)).collect()
    }

    #[test]
    fn bundled_lexicons_load_and_tag() {
        let r = roles("Lloyd said television province More Grenade gang");
        assert!(r[0] & role::GIVEN_NAME != 0);
        assert!(r[1] & role::SPEECH_VERB != 0);
        assert!(r[2] & role::ORG_SUFFIX != 0);
        assert!(r[3] & role::PLACE_SUFFIX != 0);
        assert!(r[4] & role::STOPWORD != 0);
        assert!(r[5] & role::EVENT_WORD != 0 && r[6] & role::EVENT_WORD != 0);
        assert!(r[2..5].iter().all(|&r| r & role::EVENT_WORD == 0), "{r:?}");
        assert!(LEXICON.actors.len() > 300);
    }

    /// (`actors.csv` is checked with the event stage's files.)
    #[test]
    fn every_bundled_row_parses() {
        for (name, text, cols) in [
            ("context_words", CONTEXT_WORDS, 2),
            ("stopwords", STOPWORDS, 2),
            ("given_names", GIVEN_NAMES, 2),
            ("international_media", INTERNATIONAL_MEDIA, 2),
            ("national_media", NATIONAL_MEDIA, 3),
        ] {
            let mut rdr = csv::Reader::from_reader(text.as_bytes());
            for (i, rec) in rdr.records().enumerate() {
                let rec = rec.unwrap_or_else(|e| panic!("{name} row {}: {e}", i + 2));
                assert_eq!(rec.len(), cols, "{name} row {}", i + 2);
            }
        }
    }
}
