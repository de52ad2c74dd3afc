//! The event stage's curated data, read from `data/`: the trigger lexicon
//! (`triggers.csv`), the actor dictionary (`actors.csv`), generic agents
//! (`agents.csv`: "gunmen", "police", "protesters" → ACLED-style actor names)
//! and modality cues (`event_cues.csv`: negation, intent, reporting words…).

use std::sync::Arc;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::{casualties, dates};
use crate::text::tokens::{hash_bytes, Token};
use crate::text::PhraseSet;
use crate::toponyms::lexicon::rows;

static TRIGGERS: &str = include_str!("../../data/triggers.csv");
static ACTORS: &str = include_str!("../../data/actors.csv");
static AGENTS: &str = include_str!("../../data/agents.csv");
static CUES: &str = include_str!("../../data/event_cues.csv");

/// One trigger row.
///
/// The type and code are shared strings: each trigger found is copied while
/// its sentence is coded, and copying an `Arc` allocates nothing.
#[derive(Clone, Debug)]
pub(crate) struct TriggerDef {
    pub event_type: Arc<str>,
    pub cameo: Arc<str>,
    /// ACLED (material) rather than PLOVER (verbal and other).
    pub material: bool,
    /// The lexicon marks it weak or generic: it names an event only with support.
    pub weak: bool,
    /// A weapon noun ("drone", "shell", "rockets"): evidence of armed violence
    /// even where it is weak evidence of a particular event.
    pub weapon: bool,
    /// A casualty word ("killed", "wounded"): on its own it reports the
    /// toll of an event, which may be told in an earlier sentence.
    pub casualty: bool,
    /// A noun for the weapons of states ("airstrikes", "drones",
    /// "shelling"), whose user a nationality before it names ("Israeli
    /// airstrikes"). Not one the lexicon marks ambiguous: "the Ugandan
    /// bombing" was in Uganda.
    pub state_weapon: bool,
    /// A noun ("protest", "aid"), which may modify another noun ("aid
    /// group") rather than name an event.
    pub noun: bool,
}

/// Flag on an actor phrase's value: the alias contains an acronym ("AU",
/// "AU troops"), so the text must capitalise it too; in lower case it is an
/// ordinary word ("au" in "Port-au-Prince"). The low bits are the index into
/// `actor_defs`.
pub(crate) const CASED_ALIAS: u32 = 1 << 31;

/// True for a word of two or more capitals: "AU", "KDF".
fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// One actor row, or a generic agent.
#[derive(Clone, Debug)]
pub(crate) struct ActorDef {
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    /// Generic agents carry a name template with `{country}`.
    pub generic: bool,
    /// The division or town the group lives in or operates from ("West
    /// Pokot" for the Pokot), if it has one.
    pub home: Option<String>,
}

/// Modality cue bits.
pub(crate) mod cue {
    pub const NEGATION: u32 = 1;
    pub const INTENT: u32 = 1 << 1;
    pub const REPORT: u32 = 1 << 2;
    pub const DEFINITE: u32 = 1 << 3;
    pub const REFERENCE: u32 = 1 << 4;
    pub const CONTINUATION: u32 = 1 << 5;
    pub const PRONOUN: u32 = 1 << 6;
    /// A base, post or camp: what a headquarters-or-base event sets up.
    pub const BASE: u32 = 1 << 7;
    /// A natural disaster, accident or epidemic: deaths it causes are no
    /// political violence.
    pub const MISHAP: u32 = 1 << 8;
    /// Troops, forces, units: what a change-to-group-activity verb moves.
    pub const FORCES: u32 = 1 << 9;
    /// A town, district, base or position: what a territorial change is
    /// about.
    pub const TERRITORY: u32 = 1 << 10;
    /// Suspended, halted, cut off: cooperation stopped, a sanction.
    pub const CUTOFF: u32 = 1 << 11;
    /// Lifted, eased, shortened: a restriction relaxed, a concession.
    pub const RELIEF: u32 = 1 << 12;
    /// "Meanwhile", "Separately", "In neighbouring …" opening a sentence:
    /// the story moves on, so its actors and places stay behind.
    pub const SHIFT: u32 = 1 << 13;
}

/// Token tag bits (see [`EventLexicon::tag_tokens`]): what a token may
/// start.
pub(crate) mod tag {
    use crate::text::tokens::shape;

    /// A trigger phrase.
    pub const TRIGGER: u8 = 1;
    /// An actor phrase.
    pub const ACTOR: u8 = 1 << 1;
    /// A token with a digit: its shape bit, copied as it is.
    pub const NUMBER: u8 = shape::DIGIT;
    /// A word that a casualty count needs ("killed", "claimed"; see
    /// `casualties::toll_words`).
    pub const TOLL: u8 = 1 << 3;
    /// A word that opens a date expression (a number opens one too).
    pub const DATE: u8 = 1 << 4;
    /// A modality cue phrase.
    pub const CUE: u8 = 1 << 5;

    const _: () = assert!((TRIGGER | ACTOR | TOLL | DATE | CUE) & NUMBER == 0);
}

/// The [`tag`] bits of each token of a document (see
/// [`EventLexicon::tag_tokens`]).
#[derive(Default)]
pub(crate) struct TokenTags(Vec<u8>);

impl TokenTags {
    /// The first token of `from..to` with any of `bits`, else `to` (`to`
    /// at most the number of tokens).
    #[inline]
    pub(crate) fn next(&self, from: usize, to: usize, bits: u8) -> usize {
        // Eight tags at a time (most tokens have none), the tags past `to`
        // masked off: the padding after the last token makes every read of
        // eight whole.
        let splat = u64::from_le_bytes([bits; 8]);
        let mut i = from;
        while i < to {
            let group = self.0.get(i..i + 8).and_then(|g| g.try_into().ok()).unwrap_or([0; 8]);
            let mut hit = u64::from_le_bytes(group) & splat;
            if to - i < 8 {
                hit &= !0 >> (8 * (8 - (to - i)));
            }
            if hit != 0 {
                return i + hit.trailing_zeros() as usize / 8;
            }
            i += 8;
        }
        to
    }

    /// True when a token of `from..to` has any of `bits`.
    #[inline]
    pub(crate) fn any(&self, from: usize, to: usize, bits: u8) -> bool {
        self.next(from, to, bits) < to
    }

    /// The tokens of `from..to` with any of `bits`, in order.
    #[inline]
    pub(crate) fn each(&self, from: usize, to: usize, bits: u8) -> impl Iterator<Item = usize> + '_ {
        let mut i = from;
        std::iter::from_fn(move || {
            i = self.next(i, to, bits);
            (i < to).then(|| {
                i += 1;
                i - 1
            })
        })
    }

    /// True when token `i` has any of `bits`.
    #[inline]
    pub(crate) fn has(&self, i: usize, bits: u8) -> bool {
        self.0[i] & bits != 0
    }
}

/// log2 of the number of entries of [`EventLexicon::tag_table`].
const TAG_TABLE_BITS: u32 = 15;

pub(crate) struct EventLexicon {
    pub triggers: PhraseSet,
    pub trigger_defs: Vec<TriggerDef>,
    pub actors: PhraseSet,
    pub actor_defs: Vec<ActorDef>,
    pub cues: PhraseSet,
    /// Canonical name → index in `actor_defs`, for the actors with a home.
    homes: FxHashMap<String, usize>,
    /// The [`tag`] bits of the first token of every phrase and word of the
    /// lexicons, or-ed together by the top bits of the token's hash: a
    /// superset of what a token may start, with few tokens tagged that
    /// start nothing.
    tag_table: Box<[u8; 1 << TAG_TABLE_BITS]>,
}

pub(crate) static EVENT_LEXICON: Lazy<EventLexicon> = Lazy::new(EventLexicon::bundled);

impl EventLexicon {
    fn bundled() -> EventLexicon {
        let mut triggers = PhraseSet::new();
        let mut trigger_defs = Vec::new();
        for r in rows(TRIGGERS) {
            let (Some(word), Some(t)) = (r.get(0), r.get(2)) else { continue };
            let note = r.get(5).unwrap_or("");
            trigger_defs.push(TriggerDef {
                event_type: t.into(),
                cameo: r.get(3).unwrap_or("").into(),
                material: r.get(4) == Some("acled"),
                weak: note.starts_with("weak") || note.starts_with("generic") || note.starts_with("weapon word"),
                weapon: note.starts_with("weapon word"),
                casualty: matches!(
                    word,
                    "killed" | "dead" | "died" | "wounded" | "injured" | "hurt" | "killing" | "wounding" | "injuring"
                ),
                noun: r.get(1) == Some("noun"),
                state_weapon: r.get(1) == Some("noun")
                    && matches!(t, "air_drone_strike" | "shelling_artillery_missile_attack")
                    && !note.starts_with("ambiguous"),
            });
            triggers.insert(word, trigger_defs.len() as u32 - 1);
        }
        let mut actors = PhraseSet::new();
        let mut actor_defs = Vec::new();
        for r in rows(ACTORS) {
            let Some(name) = r.get(0) else { continue };
            let country = r.get(3).filter(|c| c.len() == 2).map(str::to_string);
            actor_defs.push(ActorDef {
                name: name.to_string(),
                kind: r.get(2).unwrap_or("").to_string(),
                country,
                generic: false,
                home: r.get(5).filter(|h| !h.is_empty()).map(str::to_string),
            });
            let idx = actor_defs.len() as u32 - 1;
            for a in std::iter::once(name).chain(r.get(1).unwrap_or("").split('|')).filter(|a| !a.is_empty()) {
                let cased = if a.split(|c: char| !c.is_alphanumeric()).any(is_acronym) { CASED_ALIAS } else { 0 };
                actors.insert(a, idx | cased);
            }
        }
        for r in rows(AGENTS) {
            let (Some(word), Some(kind), Some(template)) = (r.get(0), r.get(1), r.get(2)) else { continue };
            actor_defs.push(ActorDef {
                name: template.to_string(),
                kind: kind.to_string(),
                country: None,
                generic: true,
                home: None,
            });
            // A generic agent outranks an actors.csv row of the same kind
            // with the same words, since it takes a country: "Burmese
            // troops" are the Military Forces of Myanmar. A row of another
            // kind stays ("teachers" are civilians until they protest).
            let defs = &actor_defs;
            actors.insert_with(word, defs.len() as u32 - 1, |row, agent| {
                let row_kind = &defs[(row & !CASED_ALIAS) as usize].kind;
                if *row_kind == defs[agent as usize].kind {
                    agent
                } else {
                    row
                }
            });
        }
        let mut cues = PhraseSet::new();
        for r in rows(CUES) {
            let bit = match r.get(1) {
                Some("negation") => cue::NEGATION,
                Some("intent") => cue::INTENT,
                Some("report") => cue::REPORT,
                Some("definite") => cue::DEFINITE,
                Some("reference") => cue::REFERENCE,
                Some("continuation") => cue::CONTINUATION,
                Some("pronoun") => cue::PRONOUN,
                Some("base") => cue::BASE,
                Some("mishap") => cue::MISHAP,
                Some("forces") => cue::FORCES,
                Some("territory") => cue::TERRITORY,
                Some("cutoff") => cue::CUTOFF,
                Some("relief") => cue::RELIEF,
                Some("shift") => cue::SHIFT,
                _ => continue,
            };
            cues.insert_with(r.get(0).unwrap_or(""), bit, |a, b| a | b);
        }
        let homes = (actor_defs.iter().enumerate())
            .filter(|(_, d)| !d.generic && d.home.is_some())
            .map(|(i, d)| (d.name.clone(), i))
            .collect();
        let mut tag_table = Box::new([0u8; 1 << TAG_TABLE_BITS]);
        let hash = |w: &str| hash_bytes(w.as_bytes());
        let mut mark = |h: u64, bit: u8| tag_table[tag_slot(h)] |= bit;
        triggers.start_hashes().iter().for_each(|&h| mark(h, tag::TRIGGER));
        actors.start_hashes().iter().for_each(|&h| mark(h, tag::ACTOR));
        cues.start_hashes().iter().for_each(|&h| mark(h, tag::CUE));
        casualties::toll_words().for_each(|w| mark(hash(w), tag::TOLL));
        dates::OPENERS.iter().for_each(|w| mark(hash(w), tag::DATE));
        EventLexicon { triggers, trigger_defs, actors, actor_defs, cues, homes, tag_table }
    }

    /// Sets `tags` to the [`tag`] bits of each of `toks`: what each token
    /// may start (no false negatives). The event stage scans every sentence
    /// for triggers and toll words, and many for actors and dates: one
    /// table lookup per token of the document spares those scans a hash
    /// probe per token per lexicon.
    pub(crate) fn tag_tokens(&self, toks: &[Token], tags: &mut TokenTags) {
        tags.0.clear();
        tags.0.extend(toks.iter().map(|t| self.tag_table[tag_slot(t.hash)] | (t.shape & tag::NUMBER)));
        // Padding, for `TokenTags::next`.
        tags.0.extend([0; 8]);
    }

    /// The home (country, division or town name) of the known actor with
    /// canonical name `name`.
    pub(crate) fn home(&self, name: &str) -> Option<(&str, &str)> {
        let d = &self.actor_defs[*self.homes.get(name)?];
        Some((d.country.as_deref()?, d.home.as_deref()?))
    }
}

/// The [`EventLexicon::tag_table`] entry of a token hash.
#[inline]
fn tag_slot(hash: u64) -> usize {
    (hash >> (64 - TAG_TABLE_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_event_data_loads() {
        let l = &*EVENT_LEXICON;
        assert!(l.trigger_defs.len() >= 250);
        assert!(l.actor_defs.iter().filter(|a| !a.generic).count() >= 300);
        assert!(l.actor_defs.iter().any(|a| a.generic && a.name.contains("{country}")));
        assert!(l.cues.len() > 50);
    }

    #[test]
    fn tags_pass_every_phrase_start_and_few_other_words() {
        use crate::text::{FoldedText, Tokenizer};
        let l = &*EVENT_LEXICON;
        let mut tags = TokenTags::default();
        let mut tk = Tokenizer::new();
        let rows_of = |text: &'static str| rows(text).filter_map(|r| r.get(0).map(str::to_string)).collect();
        let sets = [(&l.triggers, TRIGGERS, tag::TRIGGER), (&l.actors, ACTORS, tag::ACTOR), (&l.cues, CUES, tag::CUE)];
        let words = [
            (casualties::toll_words().map(str::to_string).collect(), tag::TOLL),
            (dates::OPENERS.iter().map(|w| w.to_string()).chain(["12".into(), "2024".into()]).collect(), tag::DATE),
        ];
        let phrases = sets
            .into_iter()
            .map(|(set, text, bit)| (Some(set), rows_of(text), bit))
            .chain(words.into_iter().map(|(w, bit): (Vec<String>, u8)| (None, w, bit)));
        for (set, phrases, bit) in phrases {
            for w in phrases {
                let f = FoldedText::new(&w);
                let toks = tk.tokenize(&f, &w);
                // Tagged wherever the set has a phrase: a row may read
                // otherwise in running text ("Lord's" is one token there),
                // or be of a kind the lexicon skips.
                if set.is_some_and(|set| set.longest_at(toks, 0).is_none()) {
                    continue;
                }
                l.tag_tokens(toks, &mut tags);
                assert!(tags.has(0, bit | tag::NUMBER), "{w:?} lacks tag {bit}");
            }
        }
        let prose = "The central bank raised its key interest rate by half a point on Tuesday, \
                     saying inflation had stayed above its target for most of the year while \
                     exports of grain, coffee and copper rose faster than analysts expected";
        let f = FoldedText::new(prose);
        let toks = tk.tokenize(&f, prose);
        l.tag_tokens(toks, &mut tags);
        // Tagged as a trigger's start though no trigger starts with the
        // word: the table's false positives, each a probe in vain.
        let starts = l.triggers.start_hashes();
        let stray = (0..toks.len()).filter(|&i| tags.has(i, tag::TRIGGER) && !starts.contains(&toks[i].hash)).count();
        assert_eq!(tags.next(0, toks.len(), tag::NUMBER), toks.len());
        for (from, to) in [(0, toks.len()), (3, 9), (5, 5), (17, toks.len())] {
            let want = (from..to).find(|&i| tags.0[i] & tag::DATE != 0).unwrap_or(to);
            assert_eq!(tags.next(from, to, tag::DATE), want, "{from}..{to}");
            let want: Vec<usize> = (from..to).filter(|&i| tags.has(i, tag::CUE | tag::DATE)).collect();
            assert_eq!(tags.each(from, to, tag::CUE | tag::DATE).collect::<Vec<_>>(), want, "{from}..{to}");
        }
        assert!(stray <= 3, "{stray} of {} words tagged in vain", toks.len());
    }

    #[test]
    fn every_bundled_row_parses() {
        for (name, text, cols) in
            [("triggers", TRIGGERS, 6), ("actors", ACTORS, 6), ("agents", AGENTS, 3), ("event_cues", CUES, 2)]
        {
            let mut rdr = csv::Reader::from_reader(text.as_bytes());
            for (i, rec) in rdr.records().enumerate() {
                let rec = rec.unwrap_or_else(|e| panic!("{name} row {}: {e}", i + 2));
                assert_eq!(rec.len(), cols, "{name} row {}", i + 2);
            }
        }
    }
}
