//! Toponym recognition: which token windows of a document name places.
//!
//! One left-to-right pass over the tokens. At each token that could start a
//! proper noun, the window is extended token by token while the gazetteer's
//! key map says some name continues it (the prefix flags), so the pass costs
//! a few hash probes per capitalised word and the longest name wins ("Ain
//! al-Asad Air Base" over "Asad"). A window becomes a mention only if the
//! context filters accept it:
//!
//! - proper-noun evidence: every content word capitalised (articles and short
//!   connectors excepted), and a lone capitalised word at a sentence start
//!   must not appear in lower case elsewhere in the document ("More than 100
//!   days", "Back to top");
//! - the stop list of common words that are also place names;
//! - person context: a title or given name right before ("Pentagon chief
//!   Lloyd Austin", "Jaafar al-Husseini");
//! - organisation context: an organisation word right after ("al-Mayadeen
//!   television", "Washington Post"), "University of X", and the names of
//!   known organisations (Kata’ib Hezbollah) masked before matching;
//! - page furniture masked ("Back to top", "Related Articles").
//!
//! Demonyms ("Iraqi", "Syrians") are recognised in the same pass and reported
//! apart. Metonyms ("Washington said", "Washington’s support") stay mentions,
//! marked non-literal.

use super::lexicon::{role, LEXICON};
use crate::gazetteer::memo::ProbeMemo;
use crate::gazetteer::store::compact::{posting_is_primary, posting_record, Compact, Entry, RecordView};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::text::fold::FoldedText;
use crate::text::tokens::{combine, hash_bytes, shape, Token, KEY_START};
use rustc_hash::FxHashSet;
use std::cell::RefCell;

thread_local! {
    /// Recent name-table probes of this thread (see [`ProbeMemo`]), and the
    /// per-document tables, kept so that their capacity is reused.
    static SCRATCH: RefCell<(ProbeMemo, DocTables)> = RefCell::new(Default::default());
}

/// Per-document lookup tables of the recogniser.
#[derive(Default)]
struct DocTables {
    roles: Vec<u32>,
    lowercase: FxHashSet<u64>,
    /// Bit filter over the hashes of the document's other tokens (see
    /// [`DocContext::written_lowercase`]).
    uppercase_bits: Vec<u64>,
    /// Bit `k` is set when token `k` has a [`MAY_START`] flag.
    may_start: Vec<u64>,
    persons: FxHashSet<u64>,
    aged: Vec<u64>,
    mask: Vec<bool>,
    /// The transliteration key being built (see [`translit_window`]).
    translit_key: String,
}

/// The country of an actor the document names, and whether it is a settled
/// actor's (a state body, party or person) rather than a cross-border one's.
pub(crate) type ActorCountry = ([u8; 2], bool);

/// A recognised place name, before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub tok_start: usize,
    pub tok_end: usize,
    pub entry: Entry,
    /// Matched on the transliteration key only.
    pub translit: bool,
    /// Recognition evidence, 0..1 (multiplies the resolution confidence).
    pub evidence: f32,
    /// False for metonyms ("Washington said").
    pub literal: bool,
    /// Inside an organisation's name ("University of Nairobi", "Maseno
    /// University"): context for resolution and a fallback event location,
    /// but not reported as a place mention.
    pub embedded: bool,
}

/// What the context filters make of a candidate window.
#[derive(Clone, Copy, Debug)]
struct Verdict {
    evidence: f32,
    literal: bool,
    embedded: bool,
}

/// A recognised demonym.
#[derive(Clone, Debug)]
pub(crate) struct FoundDemonym {
    pub tok_start: usize,
    pub tok_end: usize,
    pub country: [u8; 2],
}

#[inline]
fn is_cap(t: &Token) -> bool {
    t.shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0
}

/// Finds the place names and demonyms of one document.
#[inline(never)]
pub(crate) fn recognize(
    gaz: &Gazetteer,
    folded: &FoldedText,
    toks: &[Token],
    places: &mut Vec<Found>,
    demonyms: &mut Vec<FoundDemonym>,
    actor_countries: &mut Vec<ActorCountry>,
) {
    SCRATCH.with_borrow_mut(|(memo, tables)| {
        memo.serve(gaz.id());
        recognize_with(gaz, memo, tables, folded, toks, places, demonyms, actor_countries)
    })
}

#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn recognize_with(
    gaz: &Gazetteer,
    memo: &mut ProbeMemo,
    tables: &mut DocTables,
    folded: &FoldedText,
    toks: &[Token],
    places: &mut Vec<Found>,
    demonyms: &mut Vec<FoundDemonym>,
    actor_countries: &mut Vec<ActorCountry>,
) {
    let view = gaz.view();
    let lex = &*LEXICON;
    let n = toks.len();
    let text = folded.as_str();
    let DocTables { roles, lowercase, uppercase_bits, may_start, persons, aged, mask, translit_key } = tables;
    roles.clear();
    roles.extend(toks.iter().map(|t| {
        let r = lex.words.word(t).unwrap_or(0);
        if r & role::CASED_TITLE != 0 && !is_cap(t) {
            r & !(role::TITLE | role::CASED_TITLE)
        } else {
            r
        }
    }));
    let roles = &roles[..];
    // Words this document also writes in lower case are common words here.
    // Only a capitalised (or digit) token is ever asked about, so a lower-case
    // token goes in the set only if some such token may share its hash: most
    // lower-case words never reach the hash set.
    uppercase_bits.clear();
    uppercase_bits.resize(UPPERCASE_BITS / 64, 0);
    // In the same pass, the tokens the scans below stop at, and the count
    // of tokens in capitals.
    may_start.clear();
    may_start.resize(n.div_ceil(64), 0);
    let mut caps = 0;
    for (chunk, bits) in toks.chunks(64).zip(may_start.iter_mut()) {
        let mut w = 0;
        for (k, t) in chunk.iter().enumerate() {
            if !is_lower(t) {
                let b = (t.hash >> (64 - UPPERCASE_BITS.trailing_zeros())) as usize;
                uppercase_bits[b / 64] |= 1 << (b % 64);
            }
            w |= ((t.shape & MAY_START != 0) as u64) << k;
            caps += t.has(shape::ALL_CAPS) as usize;
        }
        *bits = w;
    }
    let may_start = &may_start[..];
    clear_small(lowercase);
    lowercase.extend(
        toks.iter()
            .filter(|t| {
                let b = (t.hash >> (64 - UPPERCASE_BITS.trailing_zeros())) as usize;
                is_lower(t) && uppercase_bits[b / 64] >> (b % 64) & 1 != 0
            })
            .map(|t| t.hash),
    );
    // A document in capitals (or a headline-only one) gives no case evidence.
    let shouting = caps * 2 > n;
    // Words this document uses as surnames: right after a given name or a
    // title ("Megyn Kelly" makes a later lone "Kelly" a person).
    clear_small(persons);
    let mut from = 1;
    while let Some(k) = next_may_start(may_start, from) {
        from = k + 1;
        let t = &toks[k];
        if !is_cap(t) {
            continue;
        }
        // Not across a hyphen: "Logan-Rogersville" names two towns.
        if t.has(shape::JOINED) && !toks[k - 1].has(shape::HYPHEN_AFTER) {
            // Not after a possessive: "St Mary’s Mumias Girls School".
            let surname = (roles[k - 1] & role::GIVEN_NAME != 0 && is_cap(&toks[k - 1]) && !toks[k - 1].has(shape::POSSESSIVE))
                || roles[k - 1] & role::TITLE != 0
                || is_initial(&toks[k - 1], text)
                // One more name in between: "Jason Terrell Jones", "Judge
                // Haywood Turner", "The Rev. Al Meredith".
                || (k >= 2
                    && toks[k - 1].has(shape::JOINED)
                    && is_cap(&toks[k - 1])
                    && !toks[k - 1].has(shape::POSSESSIVE)
                    && roles[k - 1] & role::PLACE_PREFIX == 0
                    // A title need not be capitalised: "town
                    // councillor Dewly Nelson", "pastor Marsabit Ochieng".
                    && ((roles[k - 2] & role::GIVEN_NAME != 0 && is_cap(&toks[k - 2]))
                        || (roles[k - 2] & role::TITLE != 0 && toks[k - 1].has(shape::JOINED))));
            if surname && roles[k - 1] & role::PLACE_PREFIX == 0 {
                persons.insert(t.hash);
            }
        } else if after_abbreviated_title(toks, roles, text, k) {
            // Right after an abbreviated title, whose period breaks the
            // join: "Mrs. Lincoln" makes a later "Lincoln" the same woman,
            // and "The Rev. Al Meredith" a later "Meredith" the same man.
            persons.insert(t.hash);
            if let Some(next) = toks.get(k + 1).filter(|next| {
                next.has(shape::JOINED)
                    && is_cap(next)
                    && !t.has(shape::POSSESSIVE)
                    && roles[k + 1] & role::PLACE_PREFIX == 0
            }) {
                persons.insert(next.hash);
            }
        }
    }
    // A name with an age in apposition is a person's: "Flores, 26, had just
    // left the Army", "Welch, 17, of Independence". The cue is strong enough
    // to outweigh a division of that name (Flores, Uruguay).
    aged.clear();
    aged.extend(
        toks.windows(2)
            .enumerate()
            .filter(|(_, w)| w[1].has(shape::DIGIT) && is_cap(&w[0]))
            .filter(|&(k, _)| has_age_after(toks, text, k))
            .map(|(k, _)| toks[k].hash),
    );
    mask.clear();
    mask.resize(n, false);
    let mut i = 0;
    // Any other token goes on to the next one in both loops below.
    while let Some(next) = next_may_start(may_start, i) {
        i = next;
        // Actor names start with a capital or an article ("al-Shabaab").
        let could_start = toks[i].shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::ARTICLE) != 0;
        if let Some((e, v)) = if could_start { lex.actors.longest_at(toks, i) } else { None } {
            if v & super::lexicon::MASK != 0 {
                for k in i..e {
                    // A country inside an organisation's name stays visible
                    // ("Islamic Resistance in Iraq" still says Iraq).
                    mask[k] = !names_country(gaz, &toks[k]);
                }
            }
            let cc = ((v & 0xFFFF) as u16).to_le_bytes();
            let settled = v & super::lexicon::CROSS_BORDER == 0;
            if let Some(seen) = actor_countries.iter_mut().find(|a| a.0 == cc) {
                seen.1 |= settled;
            } else if cc != [0, 0] {
                actor_countries.push((cc, settled));
            }
            i = e;
            continue;
        }
        let furniture = if toks[i].has(shape::SENTENCE_START) { lex.words.longest_at(toks, i) } else { None };
        if let Some((e, v)) = furniture {
            if v & role::FURNITURE != 0
                && (e - i > 1 || roles[i] & role::FURNITURE != 0)
                && toks[i].has(shape::SENTENCE_START)
            {
                mask[i..e].iter_mut().for_each(|m| *m = true);
                i = e;
                continue;
            }
        }
        i += 1;
    }

    let mask = &mask[..];
    let doc = DocContext { roles, lowercase, persons, aged, shouting, mask };
    let mut ends: Vec<(usize, Entry)> = Vec::with_capacity(8);
    let max_tokens = view.max_tokens().max(1);
    let mut i = 0;
    while let Some(next) = next_may_start(may_start, i) {
        i = next;
        let t = &toks[i];
        // An article starts a name only when written as part of it: "al-Qa’im",
        // "Al Qaim"; not "as" in "as well as Jurf al-Sakhar".
        let article_start = t.has(shape::ARTICLE)
            && (t.has(shape::HYPHEN_AFTER) || is_cap(t))
            && i + 1 < n
            && toks[i + 1].has(shape::JOINED)
            && is_cap(&toks[i + 1]);
        let starts = !mask[i] && (is_cap(t) || article_start) && !t.has(shape::DIGIT);
        if !starts {
            i += 1;
            continue;
        }
        // Exact windows, longest last.
        ends.clear();
        let mut key = KEY_START;
        for j in i..(i + max_tokens).min(n) {
            let tj = &toks[j];
            // A name may run into a masked word ("West Pokot" past the
            // people "Pokot"), though none starts at one.
            if j > i && !tj.has(shape::JOINED) {
                break;
            }
            if j > i && toks[j - 1].has(shape::POSSESSIVE) {
                break;
            }
            key = combine(key, tj.hash);
            let Some(e) = memo.exact(&view, key) else { break };
            // Inside a name: capitalised words, articles, short connectors
            // ("Isle of Man"), and generic place words after a capitalised
            // start ("Conoco gas field", "Jabalia camp", "Palestinian territory").
            let suffix = j > i
                && (roles[j] & role::PLACE_SUFFIX != 0
                    || lex
                        .words
                        .longest_ending_at(&toks[..=j], j + 1)
                        .is_some_and(|(st, v)| st > i && v & role::PLACE_SUFFIX != 0));
            // But a lower-case place word after a state or country describes
            // it: "a major Texas city", "the Iowa city of Ames" are not Texas
            // City or Iowa City.
            // (A division word is still part of the name: "Kisumu county".)
            let describes_area = suffix
                && !is_cap(tj)
                && ["city", "town", "village"].iter().any(|w| tj.folded_is(w))
                && ends.last().is_some_and(|&(end, shorter)| end == j && summarise(&view, memo, shorter) & AREA != 0);
            if e.is_name() && (is_cap(tj) || (suffix && !describes_area) || (j > i && tj.has(shape::DIGIT))) {
                ends.push((j + 1, e));
            }
            if !e.prefix {
                break;
            }
        }
        // Demonyms: one or two words.
        let mut dkey = KEY_START;
        let mut demonym = None;
        for (j, tj) in toks.iter().enumerate().skip(i).take(2) {
            if j > i && !tj.has(shape::JOINED) {
                break;
            }
            dkey = combine(dkey, tj.hash);
            if let Some(c) = view.demonym(dkey) {
                demonym = Some((j + 1, c));
            }
        }
        let longest = ends.last().map_or(0, |e| e.0);
        if let Some((e, country)) = demonym {
            if e >= longest && is_cap(t) {
                demonyms.push(FoundDemonym { tok_start: i, tok_end: e, country });
                i = e;
                continue;
            }
        }
        // A name inside an institution's ("Douglas County Hospital") is kept
        // only if no shorter window is a place in its own right ("Douglas").
        // But a division's name before its institution ("Guernsey County
        // Common Pleas Court", "Licking County Board of Realtors") is that
        // division: the shorter window there ("Guernsey") is a different place.
        let mut chosen: Option<(usize, Entry, Verdict)> = None;
        for &(end, entry) in ends.iter().rev() {
            let Some(mut v) = judge(gaz, memo, toks, text, &doc, i, end, entry) else { continue };
            if v.embedded && chosen.is_none() && end - i >= 2 && roles[end - 1] & role::PLACE_SUFFIX != 0 {
                v.embedded = false;
            }
            if !v.embedded || chosen.is_none() {
                chosen = Some((end, entry, v));
            }
            if !v.embedded {
                break;
            }
        }
        if let Some((end, entry, Verdict { evidence, literal, embedded })) = chosen {
            places.push(Found { tok_start: i, tok_end: end, entry, translit: false, evidence, literal, embedded });
            i = end;
            continue;
        }
        // Only words that name nothing verbatim, are no known common word and
        // do not start a longer gazetteer name try the lossy key.
        let worth_translit =
            roles[i] == 0 && memo.exact(&view, combine(KEY_START, t.hash)).is_none() && !doc.written_lowercase(t);
        // A possessive written without its apostrophe ("Kenyas Rift
        // Valley", "Nairobis governor"): the word less its "s" names a
        // country or a great city, and nothing else.
        if worth_translit {
            if let Some(entry) = bare_possessive(&view, memo, t, text) {
                places.push(Found {
                    tok_start: i,
                    tok_end: i + 1,
                    entry,
                    translit: false,
                    evidence: 0.9,
                    literal: true,
                    embedded: false,
                });
                i += 1;
                continue;
            }
        }
        let window = if worth_translit { translit_window(gaz, memo, toks, text, mask, i, translit_key) } else { None };
        if let Some((end, entry)) = window {
            // A lone capitalised word at a sentence start is too often an
            // ordinary word ("Shelling") to trust a lossy key.
            let lone_start = end - i == 1 && t.has(shape::SENTENCE_START);
            // A lossy key inside an organisation's name is too weak to keep.
            let verdict = judge(gaz, memo, toks, text, &doc, i, end, entry).filter(|v| !lone_start && !v.embedded);
            if let Some(Verdict { evidence, literal, .. }) = verdict {
                places.push(Found {
                    tok_start: i,
                    tok_end: end,
                    entry,
                    translit: true,
                    evidence: evidence * 0.8,
                    literal,
                    embedded: false,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// The name entry of a capitalised word that is a country's or a great
/// city's name plus a bare "s" ("Kenyas", "Nairobis"), if it is one.
fn bare_possessive(view: &Compact<'_>, memo: &mut ProbeMemo, t: &Token, text: &str) -> Option<Entry> {
    let word = text.as_bytes().get(t.start as usize..t.end as usize)?;
    if !t.has(shape::CAPITALIZED) || t.has(shape::ALL_CAPS) || word.len() < 5 || word.last() != Some(&b's') {
        return None;
    }
    let stem = &word[..word.len() - 1];
    // "Athens", "Wales": a name ending in "s" is found as itself first.
    let entry = memo.exact(view, combine(KEY_START, hash_bytes(stem))).filter(|e| e.is_name())?;
    if summarise(view, memo, entry) & (COUNTRY | CAPITAL) == 0 {
        return None;
    }
    // The stem must be the place's own name, not an alternate: "Americas"
    // is no "America" (an alternate of the United States), "Duals" no
    // "Duala" (of Douala).
    view.postings(entry)
        .any(|p| {
            let r = view.record(posting_record(p));
            posting_is_primary(p) && (r.kind() == PlaceKind::Country || (r.kind() == PlaceKind::City && great_city(&r)))
        })
        .then_some(entry)
}

/// A capital initial with its period: the "M." of "Diane M. Roberts".
fn is_initial(t: &Token, folded: &str) -> bool {
    t.end - t.start == 1 && t.has(shape::CAPITALIZED) && folded.as_bytes().get(t.end as usize) == Some(&b'.')
}

/// True when a single token is the name of a country.
fn names_country(gaz: &Gazetteer, t: &Token) -> bool {
    let v = gaz.view();
    v.exact(combine(KEY_START, t.hash))
        .is_some_and(|e| v.postings(e).any(|p| v.record(posting_record(p)).kind() == PlaceKind::Country))
}

/// The longest window starting at `i` whose transliteration key names a
/// place: two or more content words, or one of six letters or more.
#[inline(never)]
fn translit_window(
    gaz: &Gazetteer,
    memo: &mut ProbeMemo,
    toks: &[Token],
    folded: &str,
    mask: &[bool],
    i: usize,
    scratch: &mut String,
) -> Option<(usize, Entry)> {
    let view = gaz.view();
    let mut key = KEY_START;
    let mut best = None;
    let mut content = 0;
    let mut letters = 0;
    if toks[i].has(shape::ARTICLE) && !toks[i].has(shape::HYPHEN_AFTER) && !is_cap(&toks[i]) {
        return None;
    }
    for j in i..(i + view.max_tokens().max(1)).min(toks.len()) {
        let t = &toks[j];
        if j > i && (!t.has(shape::JOINED) || mask[j] || toks[j - 1].has(shape::POSSESSIVE)) {
            break;
        }
        if t.has(shape::ARTICLE) {
            continue;
        }
        if !is_cap(t) {
            break;
        }
        content += 1;
        letters += (t.end - t.start) as usize;
        // A window too short to accept that no next word can extend needs
        // no probe (most capitalised non-names are one short word: "Inc").
        let next = toks.get(j + 1);
        let extendable = next.is_some_and(|n| {
            n.has(shape::JOINED) && !mask[j + 1] && !t.has(shape::POSSESSIVE) && (is_cap(n) || n.has(shape::ARTICLE))
        });
        if !extendable && content < 2 && letters < 7 {
            break;
        }
        key = combine(key, memo.translit_hash(t, folded, scratch));
        let Some(e) = memo.translit(&view, key) else { break };
        if e.is_name() && (content >= 2 || letters >= 7) {
            best = Some((j + 1, e));
        }
        if !e.prefix {
            break;
        }
    }
    best
}

/// Empties a per-document set. Clearing costs a pass over its buckets, so a
/// set one long document grew is dropped rather than cleared for every
/// short document after it.
fn clear_small(set: &mut FxHashSet<u64>) {
    if set.capacity() > 4096 {
        *set = FxHashSet::default();
    } else {
        set.clear();
    }
}

/// Size of the per-document filter over capitalised and digit tokens.
const UPPERCASE_BITS: usize = 8192;

/// Shape flags of a token that may start an actor's name, page furniture or
/// a place name: the scans for them skip every other token, most of a
/// document, through a bitmap rather than testing each in turn.
const MAY_START: u8 = shape::CAPITALIZED | shape::ALL_CAPS | shape::ARTICLE | shape::SENTENCE_START;

/// The first token at or after `from` whose bit is set in `bits` (see
/// [`DocTables::may_start`]).
#[inline]
fn next_may_start(bits: &[u64], from: usize) -> Option<usize> {
    let mut k = from / 64;
    let mut w = bits.get(k)? & (!0 << (from % 64));
    while w == 0 {
        k += 1;
        w = *bits.get(k)?;
    }
    Some(k * 64 + w.trailing_zeros() as usize)
}

/// A token with no capital and no digit: an ordinary word as written.
#[inline]
fn is_lower(t: &Token) -> bool {
    t.shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::DIGIT) == 0
}

/// What the filters know about the whole document.
struct DocContext<'a> {
    /// Lexicon role bits of every token.
    roles: &'a [u32],
    /// The lower-case words whose hash a capitalised or digit token may
    /// share (see [`DocContext::written_lowercase`]).
    lowercase: &'a FxHashSet<u64>,
    /// Words the document uses as surnames.
    persons: &'a FxHashSet<u64>,
    /// Names the document gives an age ("Flores, 26,").
    aged: &'a [u64],
    /// The document is mostly in capitals.
    shouting: bool,
    /// Tokens masked as organisation names or page furniture.
    mask: &'a [bool],
}

impl DocContext<'_> {
    /// True when the document writes this token's word in lower case
    /// somewhere (a lower-case token trivially does).
    #[inline]
    fn written_lowercase(&self, t: &Token) -> bool {
        is_lower(t) || self.lowercase.contains(&t.hash)
    }
}

/// Bits of a name's kind summary: some place it names is a country, an
/// area (country, first-level division or region), a capital or city of a
/// million, or a city.
const COUNTRY: u8 = 1;
const AREA: u8 = 2;
const CAPITAL: u8 = 4;
const CITY: u8 = 8;
const TOWN: u8 = 16;

/// A national capital or a city of a million: the [`CAPITAL`] bit.
fn great_city(r: &RecordView<'_>) -> bool {
    r.fcode_bytes() == b"PPLC" || r.population_or_zero() >= crate::gazetteer::prior::METROPOLIS
}

/// The kind summary of a name entry: what kinds of place it names.
fn summarise(view: &Compact<'_>, memo: &mut ProbeMemo, entry: Entry) -> u8 {
    memo.summary(entry, || {
        view.postings(entry).fold(0, |acc, p| {
            let r = view.record(posting_record(p));
            acc | match r.kind() {
                PlaceKind::Country => AREA | COUNTRY,
                PlaceKind::Admin1 | PlaceKind::Region => AREA,
                PlaceKind::City if great_city(&r) => CAPITAL | CITY,
                PlaceKind::City => CITY,
                PlaceKind::Town => TOWN,
                _ => 0,
            }
        })
    })
}

/// True when token `k` comes right after a capitalised abbreviated title and
/// its period: "Mrs. Lincoln", "Gov. Perry". A full word before a period
/// ("Court Judge. Columbus") ends a sentence instead.
fn after_abbreviated_title(toks: &[Token], roles: &[u32], text: &str, k: usize) -> bool {
    let Some(t) = k.checked_sub(1).map(|p| &toks[p]) else { return false };
    let (start, end) = (t.start as usize, t.end as usize);
    is_cap(t)
        && roles[k - 1] & role::TITLE != 0
        && text.get(end..toks[k].start as usize) == Some(". ")
        && text.get(start..end).is_some_and(crate::text::sentences::is_abbreviation)
}

/// The capitalised word across an ampersand from the name `toks[i..end]`,
/// on either side: "Wilkinson" for "Stevens" in "Stevens & Wilkinson".
fn ampersand_partner<'t>(toks: &'t [Token], text: &str, i: usize, end: usize) -> Option<&'t Token> {
    let joins =
        |a: &Token, b: &Token| is_cap(a) && is_cap(b) && text.get(a.end as usize..b.start as usize) == Some(" & ");
    let before = i.checked_sub(1).map(|k| &toks[k]).filter(|prev| joins(prev, &toks[i]));
    before.or_else(|| toks.get(end).filter(|next| joins(&toks[end - 1], next)))
}

/// True when token `k` is followed by an age in commas: ", 26,".
fn has_age_after(toks: &[Token], text: &str, k: usize) -> bool {
    let Some(age) = toks.get(k + 1) else { return false };
    let digits = &text[age.start as usize..age.end as usize];
    (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && text.get(toks[k].end as usize..age.start as usize) == Some(", ")
        && text.as_bytes().get(age.end as usize) == Some(&b',')
}

/// Applies the context filters to tokens `i..end`; returns the recognition
/// evidence and whether the mention is literal, or `None` to reject it.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn judge(
    gaz: &Gazetteer,
    memo: &mut ProbeMemo,
    toks: &[Token],
    text: &str,
    doc: &DocContext<'_>,
    i: usize,
    end: usize,
    entry: Entry,
) -> Option<Verdict> {
    let view = gaz.view();
    let roles = doc.roles;
    let shouting = doc.shouting;
    let first = &toks[i];
    let single = end - i == 1 || (end - i == 2 && first.has(shape::ARTICLE));
    let head = &toks[end - 1];
    let mut evidence: f32 = 1.0;

    // The best-known kind among the candidates, for rules that depend on it.
    let kinds = summarise(&view, memo, entry);
    // "the Kitale-Lodwar road", "Fargo-Moorhead on Friday": a town
    // hyphenated to another town's name, the pair followed by an ordinary
    // word. A capitalised word after the pair makes it part of a longer name
    // ("Hartsfield-Jackson International Airport", "Miami-Dade Fire Rescue").
    let settlement = |k: u8| k & (CITY | TOWN) != 0;
    let town_pair = head.has(shape::HYPHEN_AFTER)
        && settlement(kinds)
        && toks.get(end + 1).is_none_or(|after| !after.has(shape::JOINED) || !is_cap(after))
        && toks.get(end).is_some_and(|next| {
            is_cap(next)
                && memo
                    .exact(&view, combine(KEY_START, next.hash))
                    .filter(|e| e.is_name())
                    .is_some_and(|e| settlement(summarise(&view, memo, e)))
        });
    let has_area = kinds & AREA != 0;
    let has_capital = kinds & CAPITAL != 0;
    let has_city = kinds & CITY != 0;
    let has_country = kinds & COUNTRY != 0;

    // Contractions that fold into names: "I’ve", "we’ll".
    {
        let src_last = &text[head.start as usize..head.end as usize];
        if head.has(shape::CAPITALIZED)
            && src_last.len() <= 4
            && matches!(src_last, "ive" | "ill" | "id" | "im" | "youve" | "weve" | "theyve" | "well" | "hed" | "shed")
        {
            return None;
        }
    }
    // "The city", "The region", "The camp": a stop word or "the" followed
    // by common words ("The Hague" is capitalised).
    if end - i > 1
        && (roles[i] & role::STOPWORD != 0 || first.folded_is("the"))
        && toks[i + 1..end].iter().all(|t| !is_cap(t) && !t.has(shape::DIGIT))
    {
        return None;
    }
    // Capitalised, "The City" alone is still a generic word with an
    // article ("The City Council voted"), however many places use it as a
    // nickname.
    if end - i == 2 && first.folded_is("the") && roles[i + 1] & role::PLACE_SUFFIX != 0 {
        return None;
    }
    // "Stevens & Wilkinson", "Crate & Barrel", "Helen & Douglas": mixed-case
    // words joined by an ampersand name a firm or a couple, not places. A
    // pair with a country or province keeps its places ("Trinidad &
    // Tobago", "Bosnia & Herzegovina"), and a headline in capitals
    // ("TIJUANA & SAN DIEGO") gives no case evidence.
    if !first.has(shape::ALL_CAPS) && !has_area {
        if let Some(other) = ampersand_partner(toks, text, i, end) {
            let other_is_area = memo
                .exact(&view, combine(KEY_START, other.hash))
                .filter(|e| e.is_name())
                .is_some_and(|e| summarise(&view, memo, e) & AREA != 0);
            if !other_is_area {
                return None;
            }
        }
    }
    if single {
        if roles[end - 1] & role::STOPWORD != 0 {
            return None;
        }
        // A lone given name is a person far more often than a place, but
        // not right after "in" and before no other name: "were set alight
        // in George during the week" is the town.
        let in_town = i > 0
            && first.has(shape::JOINED)
            && toks[i - 1].folded_is("in")
            && settlement(kinds)
            && !head.has(shape::POSSESSIVE)
            && toks.get(end).is_none_or(|next| !(next.has(shape::JOINED) && is_cap(next)));
        if roles[end - 1] & role::GIVEN_NAME != 0 && !has_country && !has_capital && !in_town {
            return None;
        }
        // Part of a hyphenated name: "Wal-Mart", "Coca-Cola"; but a pair of
        // towns names a route or a border ("the Kitale-Lodwar road").
        if head.has(shape::HYPHEN_AFTER) && toks.get(end).is_some_and(is_cap) && !has_area && !has_capital && !town_pair
        {
            return None;
        }
        let len = head.end - head.start;
        // Short words name places only as codes ("UK") or abbreviations with
        // their period ("Ky.", "Ga." in AP datelines).
        let abbreviation =
            has_area && text.as_bytes().get(head.end as usize) == Some(&b'.') && head.has(shape::CAPITALIZED);
        if len < 3 && !(head.has(shape::ALL_CAPS) && has_area) && !abbreviation {
            return None;
        }
        // Written in capitals, three letters are an acronym: only a
        // country's code ("UAE", "DRC") is a place; "BOE" is no Boé.
        if head.has(shape::ALL_CAPS) && len <= 3 && !has_country {
            return None;
        }
        // Four capitals inside a sentence of mixed-case prose are an
        // acronym too ("an INGO", "a SWAT team"), unless they spell a city or
        // a division ("ROME", "OHIO"): a small place is no reason to read
        // them as a name. At a sentence start they may be a dateline
        // ("HUME – A delegation of …").
        if head.has(shape::ALL_CAPS)
            && len == 4
            && !shouting
            && !first.has(shape::SENTENCE_START)
            && !(has_area || has_city || has_capital || has_country)
        {
            return None;
        }
        if doc.persons.contains(&head.hash) && !has_area {
            return None;
        }
        if doc.aged.contains(&head.hash) && !has_country && !has_capital {
            return None;
        }
        if doc.written_lowercase(head) && !has_area {
            // The document uses this word as an ordinary word.
            return None;
        }
        if head.has(shape::SENTENCE_START) && !has_area && !has_capital {
            // "Grenade attack on a bus", "Gang of youths burn a bus": the
            // sentence opens with an event word, not the French or Filipino
            // village of that name.
            if roles[i] & role::EVENT_WORD != 0 {
                return None;
            }
            evidence *= 0.8;
        }
    }
    if shouting {
        evidence *= 0.8;
    }

    // Person context: a title, a given name, "Abu", right before.
    // Look past an article written as one ("Jaafar al-Husseini", "Jaafar Al
    // Husseini"), not past the English words spelled like one ("Students
    // at Bowling Green", "as Jordan").
    let attached_article = |t: &Token| t.has(shape::ARTICLE) && (t.has(shape::HYPHEN_AFTER) || is_cap(t));
    let (pi, joined) = if i > 1 && attached_article(&toks[i - 1]) && first.has(shape::JOINED) {
        (i - 2, toks[i - 1].has(shape::JOINED))
    } else {
        (i.wrapping_sub(1), first.has(shape::JOINED))
    };
    // An abbreviated title ends in a period that breaks the join: "Mrs.
    // Lincoln", "Gov. Perry", "Sen. Casey".
    if !joined && after_abbreviated_title(toks, roles, text, i) {
        return None;
    }
    if i > 0 && joined {
        let prev = &toks[pi];
        let pr = roles[pi];
        if pr & role::TITLE != 0 && pr & role::PLACE_PREFIX == 0 {
            return None;
        }
        if (pr & role::GIVEN_NAME != 0 && is_cap(prev) && !prev.has(shape::POSSESSIVE)) || is_initial(prev, text) {
            return None;
        }
        // Right after a word the document uses as a first or middle name
        // ("councillor Dewly Nelson"): the rest of that person's name.
        // (Not after a lone letter: "A Crafton man", though "Mark A. Smith"
        // made "A" a name word.)
        if is_cap(prev)
            && prev.end - prev.start > 1
            && !prev.has(shape::POSSESSIVE)
            && !prev.has(shape::HYPHEN_AFTER)
            && doc.persons.contains(&prev.hash)
            && !has_country
        {
            return None;
        }
        // Inside a longer capitalised name that is not a place ("Rapides
        // Parish Fire District", "Chiquita Raquel Henry").
        if is_cap(prev)
            && !has_city
            && !doc.mask[pi]
            && !prev.has(shape::SENTENCE_START)
            && !prev.has(shape::POSSESSIVE)
            && !prev.has(shape::ALL_CAPS)
            && pr & (role::PLACE_PREFIX | role::PLACE_SUFFIX | role::STOPWORD) == 0
            && !shouting
        {
            return None;
        }
        // "University of X".
        if i >= 2
            && &text[prev.start as usize..prev.end as usize] == "of"
            && roles[i - 2] & role::ORG_PREFIX != 0
            && is_cap(&toks[i - 2])
        {
            return Some(Verdict { evidence, literal: true, embedded: true });
        }
    }
    // A title followed by a capitalised word is a person's: "Miss Wilson"
    // is no Mississippi, "King Hussein" no King County.
    if single
        && roles[i] & role::TITLE != 0
        && !has_country
        && toks.get(end).is_some_and(|n| n.has(shape::JOINED) && is_cap(n) && !n.has(shape::ALL_CAPS))
    {
        return None;
    }
    // A given name followed by a capitalised word is a person: "Jordan Smith".
    if single && roles[i] & role::GIVEN_NAME != 0 && !has_area {
        let mut k = end;
        if k < toks.len() && toks[k].has(shape::ARTICLE) && toks[k].has(shape::JOINED) {
            k += 1;
        }
        if k < toks.len() && toks[k].has(shape::JOINED) && is_cap(&toks[k]) {
            return None;
        }
    }
    // Part of a longer capitalised name that is not a place ("Suroor
    // Hammad", "Austin Powers"): a small place followed by another
    // capitalised word that no place name continues.
    // (A name ending in a division word is complete: "Guernsey County
    // Sheriff" is the county's sheriff.)
    let division_word = end - i >= 2 && roles[end - 1] & role::PLACE_SUFFIX != 0;
    if !has_area && !has_capital && end < toks.len() && !town_pair && !division_word {
        let next = &toks[end];
        // A settlement word of two tokens counts like one ("Muhoroni Sub
        // County").
        let phrase = LEXICON.words.longest_at(toks, end).map_or(0, |(_, v)| v);
        let nr = roles[end] | (phrase & role::PLACE_SUFFIX);
        if next.has(shape::JOINED)
            && is_cap(next)
            && !next.has(shape::ALL_CAPS)
            && !head.has(shape::POSSESSIVE)
            && nr & (role::PLACE_SUFFIX | role::SPEECH_VERB | role::AUX_VERB | role::STOPWORD) == 0
            && !shouting
        {
            // "Mumias Girls School", "Chemelil Sugar Company": the longer
            // name is an institution's, which is in the place.
            let institution = (end..(end + 3).min(toks.len()))
                .take_while(|&k| toks[k].has(shape::JOINED) && is_cap(&toks[k]))
                .any(|k| roles[k] & role::ORG_SUFFIX != 0);
            if institution && roles[i] & role::GIVEN_NAME == 0 {
                return Some(Verdict { evidence, literal: true, embedded: true });
            }
            return None;
        }
    }
    // Organisation context right after: "al-Mayadeen television", "Washington Post".
    let mut literal = true;
    if end < toks.len() && toks[end].has(shape::JOINED) && !head.has(shape::POSSESSIVE) {
        let nr = roles[end];
        // A lower-case organisation word after a city is a description
        // ("a Gainesville hospital"), after a small town a name
        // ("al-Mayadeen television").
        let described = !is_cap(&toks[end]) && (has_area || has_city);
        if nr & role::ORG_SUFFIX != 0 && nr & role::PLACE_SUFFIX == 0 && !described {
            return Some(Verdict { evidence, literal: true, embedded: true });
        }
        // "Washington said" speaks for a government; "sources in Pretoria
        // said" are in the city.
        let located = i > 0 && first.has(shape::JOINED) && roles[i - 1] & role::PLACE_PREFIX != 0;
        if (has_area || has_capital) && nr & role::SPEECH_VERB != 0 && !located {
            literal = false;
        }
        // Only a government speaks through its seat: a lone village or town
        // name before "said" is a speaker's name ("Comissaria Smith said",
        // "Mwangi told reporters").
        // (Not after an auxiliary: "Winchester was denied a third title" is
        // passive, and the team's town.)
        if nr & role::SPEECH_VERB != 0 && single && !located && !(has_area || has_capital || has_city) {
            return None;
        }
        if (has_area || has_capital)
            && !located
            && nr & role::AUX_VERB != 0
            && end + 1 < toks.len()
            && roles[end + 1] & role::SPEECH_VERB != 0
        {
            literal = false;
        }
    }
    // Past an aside: "Moscow, which launched its invasion in February
    // 2022, denies targeting civilians".
    let aside = toks.get(end).is_some_and(|t| !t.has(shape::JOINED) && (t.folded_is("which") || t.folded_is("who")));
    if (has_area || has_capital) && aside {
        let close = (end + 1..toks.len().min(end + 30)).find(|&k| !toks[k].has(shape::JOINED));
        if close.is_some_and(|c| roles[c] & role::SPEECH_VERB != 0) {
            literal = false;
        }
    }
    if head.has(shape::POSSESSIVE) && (has_area || has_capital) {
        // "Washington’s unqualified support": a metonym noun within three words.
        if (end..(end + 3).min(toks.len())).any(|k| roles[k] & role::METONYM_NOUN != 0) {
            literal = false;
        }
    }
    Some(Verdict { evidence, literal, embedded: false })
}
