//! Event location: the literal toponym tied to the event, one row per place.
//!
//! In the trigger's sentence, candidate places are the literal mentions that
//! are not inside an actor's name, not reference points ("160 km west of
//! Baghdad", "south of Baghdad", "near the Syrian border" after another
//! place) and not before a reporting verb ("Lebanon’s al-Mayadeen …
//! reported that rockets hit Conoco"). Containers give way to what they
//! contain: "Ain al-Asad Air Base in Iraq’s western province of Anbar" is an
//! event at Ain al-Asad, not in Iraq or Anbar. Every remaining distinct
//! place is a row. A sentence whose only places are reference points puts
//! the event at them, at geo_precision 2 ("an ambush north of Karbala").
//! With none, the paragraph's nearest earlier sentence with a place, then
//! the document's most specific, most mentioned place. A
//! document that names no place at all puts the event in the home area of a
//! group it involves ("Pokot raiders" → West Pokot), else at the capital of
//! its country, at `geo_precision` 3. A country named alone is its capital,
//! and a compass part of one ("northern Kenya") a division in that part,
//! both at `geo_precision` 3.

use super::lexicon::{cue, tag, TokenTags, EVENT_LEXICON};
use super::Actor;
use crate::gazetteer::compass::Compass;
use crate::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::text::tokens::{shape, word_hashes, Token};
use crate::toponyms::Toponyms;

fn specificity(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Country => 0,
        PlaceKind::Region => 1,
        PlaceKind::Admin1 => 1,
        PlaceKind::Admin2 => 2,
        _ => 3,
    }
}

/// True when `outer` contains `inner` (by country, admin1 name or kind).
pub(crate) fn contains(outer: &Place, inner: &Place) -> bool {
    if specificity(outer.kind) >= specificity(inner.kind) || outer.country != inner.country {
        return false;
    }
    match outer.kind {
        PlaceKind::Country => true,
        // A region with a province of its own contains only that province's
        // places: the West Bank does not contain Gaza.
        PlaceKind::Region if outer.admin1.is_some() => inner.admin1 == outer.admin1 || inner.admin1.is_none(),
        PlaceKind::Admin1 | PlaceKind::Region => {
            inner.admin1.as_deref().is_none_or(|a| a == outer.name) || outer.kind == PlaceKind::Region
        }
        PlaceKind::Admin2 => inner.admin2.as_deref().is_none_or(|a| a == outer.name),
        _ => false,
    }
}

/// True when the mention ending at token `me` modifies what follows rather
/// than naming a place: "US-run facility", "Gaza-based Hamas", "US strikes",
/// "US forces".
fn is_modifier(toks: &[Token], me: usize, trig: usize, e: usize) -> bool {
    let last = &toks[me - 1];
    if last.has(shape::HYPHEN_AFTER) || me == trig {
        return true;
    }
    let short_caps = last.has(shape::ALL_CAPS) && last.end - last.start <= 3;
    if short_caps && me < e {
        let next = &toks[me];
        let function_word = next.folded_in(
            &const {
                word_hashes([
                    "in", "on", "at", "and", "or", "for", "to", "from", "of", "with", "by", "as", "is", "was", "were",
                    "has", "have", "had", "said", "says", "will", "would",
                ])
            },
        );
        return next.has(shape::JOINED) && !function_word && !next.has(shape::CAPITALIZED);
    }
    false
}

/// True when the mention starting at token `ms` is the object of a locative
/// preposition, looking back over a few lower-case words ("in the
/// neighbouring") and over other places joined by "and"/"or" ("in Iraq and
/// Syria").
fn after_locative(toks: &[Token], topo: &Toponyms, s: usize, ms: usize) -> bool {
    const LOCATIVE: [u64; 10] =
        word_hashes(["in", "inside", "into", "across", "throughout", "near", "at", "within", "over", "on"]);
    let mut lower = 0;
    let mut p = ms;
    while p > s {
        if !toks[p].has(shape::JOINED) {
            return false;
        }
        p -= 1;
        let t = &toks[p];
        if t.shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0 {
            // Another place of a list: "Iraq and Syria".
            match topo.mention_ending_at(p + 1) {
                Some(k) => {
                    p = topo.token_spans[k].0;
                    continue;
                }
                None => return false,
            }
        }
        if t.folded_in(&LOCATIVE) {
            return true;
        }
        lower += 1;
        if lower > 3 {
            return false;
        }
    }
    false
}

/// Whether the mention at tokens `ms..me` is a dateline: the place a story
/// was filed from, at the start of its first sentence, in capitals ("KYIV,
/// March 3 -", "GAZA CITY -") or before a news agency's name ("Kabul, Jan
/// 24 (Reuters) -").
fn is_dateline(toks: &[Token], s: usize, ms: usize, me: usize) -> bool {
    // (A joint dateline names two cities: "CAIRO/GAZA, Aug 10 (Reuters)".)
    let joint =
        ms > s && ms <= s + 3 && toks[s..ms].iter().all(|t| t.has(shape::ALL_CAPS)) && !toks[ms].has(shape::JOINED);
    if ms != s && !joint {
        return false;
    }
    // (Three letters at least: "US forces" opens many a sentence.)
    let letters: u32 = toks[ms..me].iter().map(|t| t.end - t.start).sum();
    if letters >= 3 && toks[ms..me].iter().all(|t| t.has(shape::ALL_CAPS)) {
        return true;
    }
    // Up to a date between the place and the agency: "Jan 24", "March 3".
    toks[me..toks.len().min(me + 5)]
        .iter()
        .take_while(|t| t.shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::DIGIT) != 0)
        .any(|t| t.folded_in(&const { word_hashes(["reuters", "ap", "afp", "upi", "xinhua", "pti", "ians", "ani"]) }))
}

/// Whether the mention at tokens `ms..me` is a fronted adverbial of place,
/// closed by punctuation: "In western Rakhine state, …", "Near Gao, …".
fn fronted(toks: &[Token], s: usize, ms: usize, me: usize) -> bool {
    ms > s
        && ms <= s + 3
        && toks[s].folded_in(&const { word_hashes(["in", "at", "near"]) })
        && (s + 1..ms).all(|p| toks[p].has(shape::JOINED) && !toks[p].has(shape::CAPITALIZED))
        && toks.get(me).is_some_and(|t| !t.has(shape::JOINED))
}

/// Whether the mention at token `ms` completes a demand rather than
/// placing the event: "a ceasefire in Gaza", "solidarity with Kashmir",
/// "an end to the occupation of Crimea".
fn names_a_cause(toks: &[Token], trig: usize, ms: usize) -> bool {
    const CAUSE: [u64; 5] = word_hashes(["ceasefire", "truce", "solidarity", "genocide", "occupation"]);
    const LINK: [u64; 5] = word_hashes(["in", "with", "on", "of", "for"]);
    ms >= trig + 3 && toks[ms - 1].folded_in(&LINK) && toks[ms - 2].folded_in(&CAUSE)
}

/// Whether the mention starting at token `ms` (in a sentence starting at
/// `s`) is a reference point: "(west|…) of X", "km from X". The cue may
/// stand a few lower-case words before the place: "west of the capital
/// Baghdad".
fn reference_point(toks: &[Token], s: usize, ms: usize) -> bool {
    let gap_start =
        (ms.saturating_sub(3).max(s)..ms).rev().take_while(|&p| !toks[p].has(shape::CAPITALIZED)).last().unwrap_or(ms);
    (gap_start.saturating_sub(3).max(s)..ms).any(|p| {
        EVENT_LEXICON
            .cues
            .longest_at(&toks[..ms], p)
            .is_some_and(|(end, c)| end >= gap_start && end <= ms && c & cue::REFERENCE != 0)
    })
}

/// The places that locate an event within its sentence.
pub(crate) struct SentenceLocations {
    /// Indexes into `topo.mentions`, one per row.
    pub rows: Vec<usize>,
    /// The rows are reference points ("20 km south of Mosul") or a
    /// dateline, near the event rather than at it.
    pub approximate: bool,
}

impl SentenceLocations {
    /// Puts the event's main place first: the object of a locative
    /// preposition nearest after the trigger ("militants trained near
    /// Kandahar attacked a convoy in Jalalabad"), then the rest in text
    /// order. The first row carries the casualties.
    pub(crate) fn main_first(mut self, toks: &[Token], topo: &Toponyms, s: usize, trig: usize) -> Self {
        // The trigger's own object comes before any locative: "shelled the
        // Abu Shouk displacement camp on the outskirts of El Fasher" was at
        // the camp.
        let object = |ms: usize| {
            ms > trig + 1
                && ms <= trig + 3
                && (trig + 1..=ms).all(|p| toks[p].has(shape::JOINED))
                && (trig + 1..ms).all(|p| toks[p].shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::DIGIT) == 0)
                && toks[trig + 1].folded_is("the")
        };
        self.rows.sort_by_key(|&k| {
            let ms = topo.token_spans[k].0;
            let after = ms > trig && after_locative(toks, topo, s, ms);
            (!object(ms), !after, if after { ms - trig } else { 0 })
        });
        self
    }
}

/// The mentions that locate an event whose trigger is at token `trig`, in
/// the sentence of tokens `s..e`. `tags` are the tokens' tags.
pub(crate) fn sentence_locations(
    toks: &[Token],
    tags: &TokenTags,
    (s, e): (usize, usize),
    trig: usize,
    topo: &Toponyms,
    actor_spans: &[(usize, usize)],
) -> SentenceLocations {
    let lex = &*EVENT_LEXICON;
    let mut cands: Vec<usize> = Vec::new();
    let mut references: Vec<usize> = Vec::new();
    let mut datelines: Vec<usize> = Vec::new();
    let mut causes: Vec<usize> = Vec::new();
    // Last reporting cue before the trigger: places before it belong to the report.
    let report_cut = (s..trig)
        .rev()
        .filter(|&k| tags.has(k, tag::CUE))
        .find(|&k| lex.cues.word(&toks[k]).is_some_and(|c| c & cue::REPORT != 0));
    for k in topo.mentions_in(s, e) {
        let m = &topo.mentions[k];
        let (ms, me) = topo.token_spans[k];
        if ms < s || me > e || !m.literal {
            continue;
        }
        if actor_spans.iter().any(|&(a, b)| a < me && ms < b) {
            continue;
        }
        // (A place fronted before the report frames all of it: "In western
        // Rakhine state, the Arakan Army said it had captured Paletwa".)
        if report_cut.is_some_and(|r| ms < r) && !fronted(toks, s, ms, me) {
            continue;
        }
        // Where the story was filed, not where it happened: kept only if
        // the sentence names no other place.
        if is_dateline(toks, s, ms, me) {
            datelines.push(k);
            continue;
        }
        // What a crowd marched for, not where: "marched in London demanding
        // a ceasefire in Gaza". Kept only if the sentence names no other
        // place.
        if ms > trig && names_a_cause(toks, trig, ms) {
            causes.push(k);
            continue;
        }
        // "the Kitale-Lodwar road": the first of two hyphenated places is
        // an end of the route, not a modifier like "US-led".
        let route_end = toks[me - 1].has(shape::HYPHEN_AFTER) && !topo.mentions_in(me, me + 1).is_empty();
        // (Not after a preposition: "Iraqis in Tikrit demonstrated".)
        let object = ms > s
            && toks[ms].has(shape::JOINED)
            && toks[ms - 1].folded_in(&const { word_hashes(["in", "at", "near", "inside"]) });
        if is_modifier(toks, me, trig, e) && !route_end && !object {
            continue;
        }
        // A country locates an event only as the object of a locative
        // preposition ("in Iraq", "in western Iraq", "in Iraq and Syria");
        // elsewhere it is an actor or a modifier ("The United States has
        // supplied Israel", "downing a US Reaper drone").
        if m.place.kind == PlaceKind::Country && !after_locative(toks, topo, s, ms) {
            continue;
        }
        if reference_point(toks, s, ms) {
            references.push(k);
            continue;
        }
        // "near X" right after another place is a landmark of that place.
        if ms >= 2 && toks[ms - 1].folded_is("near") && cands.iter().any(|&c| topo.token_spans[c].1 + 3 >= ms) {
            continue;
        }
        cands.push(k);
    }
    // Where the actor comes from ("an officer from West Africa was shot in
    // Port-au-Prince", "residents from Sook protested in Kapenguria") gives
    // way to a place the event is said to be in or at. The start of a route
    // stays ("students marched from Kotri to Karachi"), and so does an
    // origin that another place only describes ("from Sagalla in Taita
    // Taveta").
    let origin = |k: &usize| {
        let (ms, me) = topo.token_spans[*k];
        ms > s + 1
            && toks[ms].has(shape::JOINED)
            && toks[ms - 1].folded_is("from")
            && actor_spans.iter().any(|&(_, b)| b == ms - 1)
            && toks.get(me).is_none_or(|t| !t.folded_is("to"))
            && !cands.iter().any(|&j| contains(&topo.mentions[j].place, &topo.mentions[*k].place))
    };
    let (origins, others): (Vec<usize>, Vec<usize>) = cands.iter().partition(|k| origin(k));
    if !origins.is_empty() && others.iter().any(|&k| after_locative(toks, topo, s, topo.token_spans[k].0)) {
        cands = others;
    }
    // With nothing else named, the event is placed at its reference point,
    // as ACLED codes "an ambush north of Karbala" at Karbala.
    let mut approximate = cands.is_empty() && !references.is_empty();
    if approximate {
        cands = references;
    }
    // A country alone ("in northwest Pakistan") is less than the dateline
    // city in it ("PESHAWAR, Pakistan (AP) —"): the story was filed near
    // the event.
    let country_only = !cands.is_empty() && cands.iter().all(|&k| topo.mentions[k].place.kind == PlaceKind::Country);
    if country_only {
        let in_named_country =
            |d: &&usize| cands.iter().any(|&k| topo.mentions[k].place.country == topo.mentions[**d].place.country);
        if let Some(&d) = datelines.iter().find(in_named_country) {
            cands = vec![d];
            approximate = true;
        }
    }
    if cands.is_empty() {
        cands = causes;
    }
    // (A dateline is near the event at best: geo_precision 2.)
    if cands.is_empty() && !datelines.is_empty() {
        cands = datelines;
        approximate = true;
    }
    // Containers give way to what they contain.
    let keep: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&k| !cands.iter().any(|&j| j != k && contains(&topo.mentions[k].place, &topo.mentions[j].place)))
        .collect();
    // One row per distinct place.
    let mut out: Vec<usize> = Vec::new();
    for k in keep {
        if !out.iter().any(|&j| topo.mentions[j].place.id == topo.mentions[k].place.id) {
            out.push(k);
        }
    }
    SentenceLocations { rows: out, approximate }
}

/// The document's fallback place: the most specific literal place, most
/// mentioned among those.
///
/// Places in the document's country come first, and a dateline or a
/// reference point ranks below every other place: a story filed from
/// Bangkok may be about Myanmar alone.
pub(crate) fn document_location(
    topo: &Toponyms,
    toks: &[Token],
    sentence_starts: &[usize],
    country: Option<&str>,
) -> Option<usize> {
    // Where the story was filed, or a place named only to say how far the
    // event was from it ("a town north of Port-au-Prince"), is the last
    // resort.
    let last_resort = |k: usize| {
        let (ms, me) = topo.token_spans[k];
        let s = sentence_starts
            .get(sentence_starts.partition_point(|&st| st <= ms).saturating_sub(1))
            .copied()
            .unwrap_or(0);
        (s == ms && is_dateline(toks, ms, ms, me)) || reference_point(toks, s, ms)
    };
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for m in topo.mentions.iter().filter(|m| m.literal && !m.low_confidence) {
        *counts.entry(&*m.place.id).or_default() += 1;
    }
    let mut best: Option<(bool, u8, usize, usize)> = None; // (in the country, specificity, count, mention)
    for (k, m) in topo.mentions.iter().enumerate() {
        if !m.literal || m.low_confidence {
            continue;
        }
        let count = counts.get(&*m.place.id).copied().unwrap_or(0);
        // (Among countries alone, the document's country is no better a
        // guess: "Gibraltar was captured from Spain".)
        let home = m.place.kind == PlaceKind::Country || country.is_none_or(|c| m.place.country.as_deref() == Some(c));
        let key = (home, if last_resort(k) { 0 } else { specificity(m.place.kind) }, count, k);
        if best.is_none_or(|b| (key.0, key.1, key.2) > (b.0, b.1, b.2)) {
            best = Some(key);
        }
    }
    best.map(|b| b.3)
}

/// The home area of a known group (`data/actors.csv`'s `home`: "West
/// Pokot" for the Pokot), for an event in its country that names no place.
pub(crate) fn actor_home(gaz: &Gazetteer, actor: &Actor, event_country: Option<&str>) -> Option<Place> {
    let (country, home) = EVENT_LEXICON.home(&actor.name)?;
    if event_country.is_some_and(|c| c != country) {
        return None;
    }
    gaz.division(country, home)
        .or_else(|| gaz.lookup(home).into_iter().map(|c| c.place).find(|p| p.country.as_deref() == Some(country)))
}

/// The compass part of a country a mention at byte `start` of `input` is
/// qualified with, and where that qualifier starts: "northern Kenya",
/// "north-eastern Kenya", "the north of Kenya", "western parts of Kenya".
pub(crate) fn compass_before(input: &str, start: usize) -> Option<(Compass, usize)> {
    // The last few words before the mention, nearest first, with their
    // starts; a hyphen joins ("north-eastern"), other punctuation ends
    // the phrase.
    if !input.is_char_boundary(start) {
        return None;
    }
    let mut words: Vec<(&str, usize)> = Vec::with_capacity(4);
    let mut end = start;
    while words.len() < 4 {
        let before = &input[..end];
        let trimmed = before.trim_end_matches([' ', '\u{a0}']);
        // Words are set apart by spaces; anything else ends the phrase.
        if trimmed.len() == before.len() {
            break;
        }
        let word_start = trimmed.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '-').len();
        if word_start == trimmed.len() {
            break;
        }
        words.push((&trimmed[word_start..], word_start));
        end = word_start;
    }
    let word = |k: usize| words.get(k).map(|w| w.0);
    let is = |k: usize, options: &[&str]| word(k).is_some_and(|w| options.iter().any(|o| w.eq_ignore_ascii_case(o)));
    let compass = |k: usize| word(k).and_then(Compass::parse).map(|c| (c, words[k].1));
    // "north east Kenya" before "east Kenya": the two words as one (the
    // parser reads past the space).
    let two = |k: usize| {
        let (first, (last, at)) = (words.get(k + 1)?, words.get(k)?);
        Compass::parse(first.0)?;
        Compass::parse(&input[first.1..at + last.len()]).map(|c| (c, first.1))
    };
    if is(0, &["of"]) {
        if is(1, &["part", "parts", "region", "regions"]) {
            two(2).or_else(|| compass(2))
        } else {
            two(1).or_else(|| compass(1))
        }
    } else {
        two(0).or_else(|| compass(0))
    }
}
