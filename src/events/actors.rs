//! Actors in a sentence, and who is source and who is target of an event.
//!
//! Known actors come from `data/actors.csv` (Kata’ib Hezbollah, the IDF,
//! Lloyd Austin…). Generic agents from `data/agents.csv` ("gunmen",
//! "police", "protesters") take a country from a demonym or place right
//! before them ("Iraqi resistance groups", "Kenyan police", "US forces"),
//! from "in X" right after ("protesters in Nairobi"), or from the document,
//! and an ACLED-style name ("Police Forces of Kenya"). An office right after
//! another actor is that actor's ("a Kenyan police spokesman"). Metonyms
//! ("Washington said") become that country's government, and a country as
//! the subject of an event's verb its state ("Russia shelled Kharkiv").

use super::lexicon::{tag, ActorDef, TokenTags, CASED_ALIAS, EVENT_LEXICON};
use super::Actor;
use crate::gazetteer::PlaceKind;
use crate::text::tokens::{shape, word_hashes, Token};
use crate::toponyms::lexicon::{role, LEXICON};
use crate::toponyms::Toponyms;

/// An actor found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct FoundActor {
    pub tok_start: usize,
    pub tok_end: usize,
    pub actor: Actor,
    /// The actor is the subject of a reporting verb ("…, police said"): it
    /// reports the event rather than taking part in it.
    pub reports: bool,
    /// The actor is one `data/actors.csv` names ("JNIM", "al-Shabaab"), not
    /// a generic agent ("gunmen"), a metonym or a state behind its weapons.
    pub named: bool,
}

impl FoundActor {
    pub fn is_media(&self) -> bool {
        self.actor.kind.as_deref() == Some("media")
    }

    /// A group or force that can kill: a named actor, or an armed or
    /// state one ("Israeli troops", "gunmen"), not victims ("two people").
    pub fn named_or_armed(&self) -> bool {
        self.named || matches!(self.actor.kind.as_deref(), Some("military" | "police" | "armed_group" | "rebel_group"))
    }
}

/// An organisation a story introduced with its acronym ("the Strategic
/// Framework for the Defence of the People of Azawad (CSP-DPA)") or by a
/// proper name before a group noun ("the Gran Grif gang"), so that the
/// short name alone names it later ("The CSP-DPA said", "Gran Grif leader").
#[derive(Clone, Debug)]
pub(crate) struct Organisation {
    /// The short name as written ("CSP-DPA", "Gran Grif").
    pub short_name: String,
    /// The organisation, named in full.
    pub actor: Actor,
}

/// Country names for ACLED-style generic actor names.
fn country_name<'a, 'g: 'a>(topo_country: &'a str, names: &dyn Fn(&str) -> Option<&'g str>) -> &'a str {
    names(topo_country).unwrap_or(topo_country)
}

/// The placeholder of a generic agent's name template ("Police Forces of
/// {country}").
const COUNTRY_SLOT: &str = "{country}";

/// `template` with every [`COUNTRY_SLOT`] replaced by `country`, as
/// `str::replace` would do it: a name is a few words, and the set-up of
/// `replace`'s substring searcher cost more than the search itself.
fn fill_country(template: &str, country: &str) -> String {
    let mut out = String::with_capacity(template.len() + country.len());
    let mut rest = template;
    while let Some(p) = rest.find('{') {
        if rest[p..].starts_with(COUNTRY_SLOT) {
            out.push_str(&rest[..p]);
            out.push_str(country);
            rest = &rest[p + COUNTRY_SLOT.len()..];
        } else {
            out.push_str(&rest[..=p]);
            rest = &rest[p + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Fills in the country of a generic agent whose own words named none
/// ("police", "civilians"): `country` is its event's (the event's place,
/// else the document's). With none, the name drops its country part.
pub(crate) fn settle_country<'g>(
    actor: &mut Actor,
    country: Option<&str>,
    country_names: &dyn Fn(&str) -> Option<&'g str>,
) {
    // Most names have no template left (no brace at all): a byte search
    // spares them the substring search, which costs more to set up.
    if !actor.name.as_bytes().contains(&b'{') || !actor.name.contains("{country}") {
        return;
    }
    actor.name = match country {
        Some(c) => {
            actor.country = Some(c.to_string());
            fill_country(&actor.name, country_name(c, country_names))
        }
        None => actor.name.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", ""),
    };
}

/// The demonym or place right before token `i` that may qualify the word
/// there ("Iraqi resistance groups", "US forces", "Mombasa residents"): its
/// first token, its country, and whether it names a nation (a demonym or a
/// country).
fn qualifier_before(topo: &Toponyms, i: usize) -> Option<(usize, Option<String>, bool)> {
    if let Some(k) = topo.demonym_ending_at(i) {
        return Some((topo.demonym_spans[k].0, Some(topo.demonyms[k].country.clone()), true));
    }
    topo.mention_ending_at(i).map(|k| {
        let m = &topo.mentions[k];
        (topo.token_spans[k].0, m.place.country.as_deref().map(str::to_string), m.place.kind == PlaceKind::Country)
    })
}

/// A nationality, or a place in the possessive, one or two lower-case
/// modifiers before the word at token `i`: "India’s foreign ministry",
/// "Sudanese paramilitary forces". Not across a verb ("Somalia attacked
/// police"), an event's trigger or a small word ("Kenya on Tuesday").
fn qualifier_across_modifiers(
    input: &str,
    toks: &[Token],
    topo: &Toponyms,
    s: usize,
    i: usize,
    verbs: &[TriggerAt],
) -> Option<(usize, Option<String>, bool)> {
    let modifier = |k: usize| {
        let t = &toks[k];
        let w = &input[t.input_start as usize..t.input_end as usize];
        t.has(shape::JOINED)
            && t.shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::DIGIT) == 0
            && w.len() > 3
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !verbs.iter().any(|v| v.at == k)
    };
    if !toks[i].has(shape::JOINED) {
        return None;
    }
    for n in 1..=2 {
        let k = i.checked_sub(n).filter(|&k| k > s && modifier(k))?;
        // A demonym, or a place only in the possessive.
        let qualifies = topo.demonym_ending_at(k).is_some() || toks[k - 1].has(shape::POSSESSIVE);
        if let Some(q) = qualifier_before(topo, k).filter(|_| qualifies) {
            return Some(q);
        }
    }
    None
}

/// Where an event trigger of a sentence starts, and what it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TriggerAt {
    /// Its first token.
    pub at: usize,
    /// It names armed violence (a battle, an explosion, an attack).
    pub armed: bool,
    /// It names the weapons of states (see `TriggerDef::state_weapon`).
    pub state_weapon: bool,
}

/// Finds the actors among tokens `s..e`, whose event triggers are `verbs`.
/// `tags` are the tokens' [`tag`] bits. `organisations` are those the story
/// introduced with an acronym so far; the sentence's own are added to it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find_actors<'g>(
    input: &str,
    toks: &[Token],
    tags: &TokenTags,
    (s, e): (usize, usize),
    topo: &Toponyms,
    verbs: &[TriggerAt],
    country_names: &dyn Fn(&str) -> Option<&'g str>,
    organisations: &mut Vec<Organisation>,
) -> Vec<FoundActor> {
    let lex = &*EVENT_LEXICON;
    let mut out = Vec::new();
    for (i, end, value) in lex.actors.matches_from(&toks[..e], s, |i| tags.next(i, e, tag::ACTOR)) {
        let def: &ActorDef = &lex.actor_defs[(value & !CASED_ALIAS) as usize];
        // An acronym in lower case is an ordinary word: "au" in
        // "Port-au-Prince" is not the African Union.
        let cased = shape::CAPITALIZED | shape::ALL_CAPS;
        if value & CASED_ALIAS != 0 && toks[i..end].iter().all(|t| t.shape & cased == 0) {
            continue;
        }
        // Words that belong to the actor right before them extend it:
        // an office is that actor's ("a police spokesman", "a Taliban
        // official", "the UN envoy"), and a group's own fighters are the
        // group ("Abu Sayyaf militants", "FARC rebels", "Hamas gunmen"; the
        // fighters word is a generic agent, or a row of no country such as
        // "Militants").
        let armed_kind = |k: &str| matches!(k, "armed_group" | "rebel_group");
        let office = def.generic && def.kind == "government";
        let fighters = (def.generic || def.country.is_none()) && armed_kind(&def.kind);
        if (office || fighters) && toks[i].has(shape::JOINED) {
            let owner = out.last_mut().filter(|a: &&mut FoundActor| {
                a.tok_end == i && (office || a.actor.kind.as_deref().is_some_and(armed_kind))
            });
            if let Some(prev) = owner {
                prev.tok_end = end;
                prev.actor.text =
                    input[toks[prev.tok_start].input_start as usize..toks[end - 1].input_end as usize].to_string();
                continue;
            }
        }
        // A word inside a place's name is part of the place: the
        // "refugee" of "Jenin refugee camp", the "police" of "Police Lines".
        if topo.token_spans.iter().any(|&(ms, me)| ms <= i && end <= me && me - ms > end - i) {
            continue;
        }
        // A lower-case generic word at the start of a longer capitalised
        // name is not an agent ("People's Party" is handled by actors.csv).
        let mut start = i;
        let mut country = def.country.clone();
        // "its fighters", "their troops": the people of the actor named
        // before them in the sentence ("the Qassam Brigades said its
        // fighters destroyed two tanks", "the Israeli military said its
        // troops returned fire"). Armed people of an armed owner are the
        // owner; others take its country.
        let possessed = def.generic
            && i > s
            && toks[i].has(shape::JOINED)
            && (toks[i - 1].folded_is("its") || toks[i - 1].folded_is("their"));
        if let Some(owner) = out.iter().rev().find(|a| possessed && a.tok_end < i && a.actor.country.is_some()) {
            let armed = |k: &str| matches!(k, "armed_group" | "rebel_group" | "military");
            if armed(&def.kind) && owner.actor.kind.as_deref().is_some_and(armed) {
                let text = input[toks[i - 1].input_start as usize..toks[end - 1].input_end as usize].to_string();
                let actor = Actor { text, ..owner.actor.clone() };
                let named = owner.named;
                out.push(FoundActor { tok_start: i - 1, tok_end: end, actor, reports: false, named });
                continue;
            }
            country = owner.actor.country.clone();
        }
        if def.generic && country.is_none() {
            // Modifier before: a demonym or a place ("Iraqi resistance groups", "US forces").
            let qualifier = qualifier_before(topo, i)
                .filter(|_| toks[i].has(shape::JOINED))
                .or_else(|| qualifier_across_modifiers(input, toks, topo, s, i, verbs));
            if let Some((ms, c, _)) = qualifier {
                country = c;
                start = ms;
            }
            if country.is_none() {
                // "protesters in Nairobi", "residents of Kisumu" (in the
                // same sentence: not "30 civilians. In London, …").
                let linked = end + 1 < e && toks[end].folded_in(&const { word_hashes(["in", "of", "from"]) });
                if let Some(k) = topo.mention_starting_at(end + 1).filter(|_| linked) {
                    if k < topo.mentions.len() && topo.mentions[k].literal {
                        country = topo.mentions[k].place.country.as_deref().map(str::to_string);
                    }
                }
            }
        }
        let text = input[toks[start].input_start as usize..toks[end - 1].input_end as usize].to_string();
        // With no country in its own words, a generic agent keeps the
        // `{country}` of its template until the event's place is known
        // ([`settle_country`]): "killing 30 civilians" in El Fasher are
        // Sudanese, whatever country the story is mostly about.
        let name = if def.generic {
            match &country {
                Some(c) => fill_country(&def.name, country_name(c, country_names)),
                None => def.name.clone(),
            }
        } else {
            def.name.clone()
        };
        out.push(FoundActor {
            tok_start: start,
            tok_end: end,
            actor: Actor { text, name, country, kind: Some(def.kind.clone()) },
            reports: false,
            // (Country-less armed rows, "Militants", "Bandits", are fighter
            // words like the generic agents.)
            named: !def.generic && !fighters,
        });
    }
    // A counted nationality is people of that country: "killed at least
    // 25 Palestinians", "dozens of Afghans". (A nationality before a noun
    // qualifies the noun instead: "25 Palestinian gunmen".)
    for k in 0..topo.demonyms.len() {
        let (ds, de) = topo.demonym_spans[k];
        if ds <= s || de > e || de != ds + 1 || out.iter().any(|a| a.tok_start < de && ds < a.tok_end) {
            continue;
        }
        let plural = input[toks[ds].input_start as usize..toks[ds].input_end as usize].ends_with('s');
        let counted = toks[ds].has(shape::JOINED)
            && (toks[ds - 1].has(shape::DIGIT)
                || super::casualties::count_of(
                    &input[toks[ds - 1].input_start as usize..toks[ds - 1].input_end as usize].to_ascii_lowercase(),
                )
                .is_some()
                || (ds >= 2
                    && toks[ds - 1].folded_is("of")
                    && (toks[ds - 2].folded_is("dozens")
                        || toks[ds - 2].folded_is("hundreds")
                        || toks[ds - 2].folded_is("scores"))));
        let noun_after =
            toks.get(de).is_some_and(|t| t.has(shape::JOINED) && t.shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0);
        if !plural || !counted || noun_after {
            continue;
        }
        let c = topo.demonyms[k].country.clone();
        let name = format!("Civilians ({})", country_name(&c, country_names));
        let text = input[toks[ds].input_start as usize..toks[ds].input_end as usize].to_string();
        out.push(FoundActor {
            tok_start: ds,
            tok_end: de,
            actor: Actor { text, name, country: Some(c), kind: Some("civilians".into()) },
            reports: false,
            named: false,
        });
    }
    // Metonyms: "Washington said" is the US government.
    let mentions = topo.mentions_in(s, e);
    for k in mentions.clone() {
        let m = &topo.mentions[k];
        let (ms, me) = topo.token_spans[k];
        if m.literal || ms < s || me > e || out.iter().any(|a| a.tok_start < me && ms < a.tok_end) {
            continue;
        }
        let Some(c) = m.place.country.clone() else { continue };
        let cname = country_name(&c, country_names);
        out.push(FoundActor {
            tok_start: ms,
            tok_end: me,
            actor: Actor {
                text: m.text.clone(),
                name: format!("Government of {cname}"),
                country: Some(c.into_owned()),
                kind: Some("government".into()),
            },
            reports: false,
            named: false,
        });
    }
    // A country named as the subject of an event's verb acts through its
    // state: "Israel captured the West Bank", "the United States attacked
    // Syria". Armed violence is its military's, anything else its
    // government's.
    for k in mentions {
        let m = &topo.mentions[k];
        let (ms, me) = topo.token_spans[k];
        if !m.literal || m.place.kind != crate::gazetteer::PlaceKind::Country || ms < s || me >= e {
            continue;
        }
        if out.iter().any(|a| a.tok_start < me && ms < a.tok_end) || !subject_position(input, toks, s, ms) {
            continue;
        }
        // A compound subject shares the verb: "Jordan and Britain have
        // agreed".
        let partner = (toks.get(me).is_some_and(|t| t.folded_is("and")))
            .then(|| topo.mention_starting_at(me + 1))
            .flatten()
            .filter(|&j| topo.mentions[j].place.kind == crate::gazetteer::PlaceKind::Country);
        let after = partner.map_or(me, |j| topo.token_spans[j].1);
        let verb = (after..(after + 4).min(e)).find(|&v| !between_subject_and_verb(&toks[v]));
        let Some(armed) = verb.and_then(|v| verbs.iter().find(|t| t.at == v)).map(|t| t.armed) else { continue };
        let Some(c) = m.place.country.clone() else { continue };
        let cname = country_name(&c, country_names);
        let (name, kind) = if armed {
            (format!("Military Forces of {cname}"), "military")
        } else {
            (format!("Government of {cname}"), "government")
        };
        out.push(FoundActor {
            tok_start: ms,
            tok_end: me,
            actor: Actor { text: m.text.clone(), name, country: Some(c.into_owned()), kind: Some(kind.into()) },
            reports: false,
            named: false,
        });
    }
    // A nationality or a country right before a state weapon's noun is the
    // state that struck: "Israeli airstrikes hit Rafah", "Russian drones
    // struck Odesa", "US strikes".
    for &TriggerAt { at: t, state_weapon, .. } in verbs {
        if !state_weapon || t <= s || !toks[t].has(shape::JOINED) {
            continue;
        }
        let Some((ms, Some(c), true)) = qualifier_before(topo, t) else { continue };
        // Not where someone comes from: "raiders from Ethiopia attacked".
        // (Not across punctuation: "In the city of Kharkiv, Russian
        // shelling killed two".)
        let origin = (ms.saturating_sub(2).max(s)..ms).any(|p| {
            toks[p].folded_in(&const { word_hashes(["from", "in", "of", "at", "near", "to", "into"]) })
                && (p + 1..=ms).all(|q| toks[q].has(shape::JOINED))
        });
        if ms < s || origin || out.iter().any(|a| a.tok_start < t && ms < a.tok_end) {
            continue;
        }
        let cname = country_name(&c, country_names);
        let text = input[toks[ms].input_start as usize..toks[t - 1].input_end as usize].to_string();
        out.push(FoundActor {
            tok_start: ms,
            tok_end: t,
            actor: Actor {
                text,
                name: format!("Military Forces of {cname}"),
                country: Some(c),
                kind: Some("military".into()),
            },
            reports: false,
            named: false,
        });
    }
    // An organisation actors.csv does not know, introduced with its acronym:
    // "the Strategic Framework for the Defence of the People of Azawad
    // (CSP-DPA) accused the army". It is one actor; the generic words in its
    // name ("People") are none of their own.
    for (start, end, acronym) in introduced_organisations(input, toks, (s, e)) {
        if out.iter().any(|a| a.named && a.tok_start < end && start < a.tok_end) {
            continue;
        }
        out.retain(|a| a.tok_end <= start || end <= a.tok_start);
        let name = input[toks[start].input_start as usize..toks[acronym - 1].input_end as usize].to_string();
        // Its own fighters before it are the organisation: "Fighters of the
        // Strategic Framework … (CSP-DPA) attacked".
        let of = |k: usize| toks[k].folded_is("of") || toks[k].folded_is("the");
        let fighters = out.iter().position(|a| {
            !a.named
                && a.actor.kind.as_deref() == Some("armed_group")
                && a.tok_end < start
                && start - a.tok_end <= 2
                && (a.tok_end..start).all(of)
        });
        let start = match fighters {
            Some(f) => out.remove(f).tok_start,
            None => start,
        };
        let text = input[toks[start].input_start as usize..toks[end - 1].input_end as usize].to_string();
        let actor = Actor { text, name, country: None, kind: None };
        let acronym = input[toks[acronym].input_start as usize..toks[end - 1].input_end as usize].to_string();
        if !organisations.iter().any(|o| o.short_name == acronym) {
            organisations.push(Organisation { short_name: acronym, actor: actor.clone() });
        }
        out.push(FoundActor { tok_start: start, tok_end: end, actor, reports: false, named: true });
    }
    // A group named by capitalised words before a group noun: "the Gran
    // Grif gang", "the Sinaloa cartel". Its name alone names it later
    // ("Gran Grif leader Luckson Elan said").
    for g in 0..out.len() {
        let Some((start, short)) = named_group(input, toks, topo, s, &out[g]) else { continue };
        let word = &input[toks[out[g].tok_start].input_start as usize..toks[out[g].tok_end - 1].input_end as usize];
        let mut kind_word = word.to_string();
        kind_word[..1].make_ascii_uppercase();
        let name = format!("{short} {kind_word}");
        let text = input[toks[start].input_start as usize..toks[out[g].tok_end - 1].input_end as usize].to_string();
        let actor = Actor { text, name, country: None, kind: Some("armed_group".into()) };
        if !organisations.iter().any(|o| o.short_name == short) {
            organisations.push(Organisation { short_name: short.to_string(), actor: actor.clone() });
        }
        out[g] = FoundActor { tok_start: start, tok_end: out[g].tok_end, actor, reports: false, named: true };
    }
    // Later, the acronym alone ("The CSP-DPA said"), with the group's own
    // fighters after it ("CSP-DPA fighters").
    if !organisations.is_empty() {
        let mut k = s;
        while k < e {
            let cased = shape::CAPITALIZED | shape::ALL_CAPS;
            if toks[k].shape & cased == 0 || out.iter().any(|a| a.tok_start <= k && k < a.tok_end) {
                k += 1;
                continue;
            }
            // The longest run of capitalised words (joined by a space or a
            // hyphen, at most three) that is a known short name.
            let gap = |q: usize| input.get(toks[q - 1].input_end as usize..toks[q].input_start as usize);
            let mut run = k + 1;
            while run < e && run < k + 3 && toks[run].shape & cased != 0 && matches!(gap(run), Some(" " | "-")) {
                run += 1;
            }
            let found = (k + 1..=run).rev().find_map(|end| {
                let written = &input[toks[k].input_start as usize..toks[end - 1].input_end as usize];
                organisations.iter().find(|o| o.short_name == written).map(|o| (end, written, o))
            });
            let end = found.map_or(k + 1, |f| f.0);
            if let Some((_, written, org)) = found {
                let mut actor = Actor { text: written.to_string(), ..org.actor.clone() };
                let fighters = out
                    .iter()
                    .position(|a| a.tok_start == end && !a.named && a.actor.kind.as_deref() == Some("armed_group"));
                let mut tok_end = end;
                if let Some(f) = fighters {
                    tok_end = out[f].tok_end;
                    actor.text = input[toks[k].input_start as usize..toks[tok_end - 1].input_end as usize].to_string();
                    out.remove(f);
                }
                out.push(FoundActor { tok_start: k, tok_end, actor, reports: false, named: true });
            }
            k = end;
        }
        // "The CSP-DPA said its fighters had seized weapons": the fighters
        // are the organisation, as for a known group above. (An organisation
        // named here has no kind, and one with fighters is armed; it joins
        // `out` only after the lexicon's matches, so it is looked for here.)
        for f in 0..out.len() {
            let a = &out[f];
            let possessed = a.tok_start > s
                && !a.named
                && a.actor.kind.as_deref() == Some("armed_group")
                && (toks[a.tok_start - 1].folded_is("its") || toks[a.tok_start - 1].folded_is("their"));
            let owner =
                out.iter().filter(|o| possessed && o.named && o.actor.kind.is_none() && o.tok_end < a.tok_start);
            if let Some(owner) = owner.max_by_key(|o| o.tok_end) {
                let (from, to) = (a.tok_start - 1, a.tok_end);
                let text = input[toks[from].input_start as usize..toks[to - 1].input_end as usize].to_string();
                let actor = Actor { text, ..owner.actor.clone() };
                out[f] = FoundActor { tok_start: from, tok_end: to, actor, reports: out[f].reports, named: true };
            }
        }
    }
    for a in &mut out {
        a.reports = reports_event(toks, a.tok_end);
    }
    out.sort_by_key(|a| a.tok_start);
    out
}

/// Nouns that a group's proper name comes before ("the Gran Grif gang").
const GROUP_WORDS: [u64; 6] = word_hashes(["gang", "cartel", "militia", "group", "gangs", "militias"]);

/// If `g` is a group noun with a proper name before it, after "the" ("the
/// Gran Grif gang", "the Sinaloa cartel"): the name's first token and text.
/// Not a nationality or a country ("the Haitian gang"), nor a name that is
/// the subject of a clause at a sentence start.
fn named_group<'a>(
    input: &'a str,
    toks: &[Token],
    topo: &Toponyms,
    s: usize,
    g: &FoundActor,
) -> Option<(usize, &'a str)> {
    if g.named || g.tok_end != g.tok_start + 1 || !toks[g.tok_start].folded_in(&GROUP_WORDS) {
        return None;
    }
    let cased = shape::CAPITALIZED | shape::ALL_CAPS;
    let gap = |q: usize| input.get(toks[q - 1].input_end as usize..toks[q].input_start as usize);
    let mut start = g.tok_start;
    while start > s + 1
        && g.tok_start - start < 3
        && toks[start - 1].shape & cased != 0
        && matches!(gap(start), Some(" " | "-"))
    {
        start -= 1;
    }
    let the = start > s && toks[start - 1].folded_is("the") && gap(start) == Some(" ");
    if start == g.tok_start || !the || toks[g.tok_start].shape & cased != 0 {
        return None;
    }
    let national = (start..g.tok_start).any(|k| {
        topo.demonym_ending_at(k + 1).is_some()
            || topo.mention_ending_at(k + 1).is_some_and(|m| topo.mentions[m].place.kind == PlaceKind::Country)
    });
    if national {
        return None;
    }
    Some((start, &input[toks[start].input_start as usize..toks[g.tok_start - 1].input_end as usize]))
}

/// Organisations introduced by their name and, in brackets, their acronym:
/// (first token of the name, token after the acronym, the acronym's first
/// token). The name is two capitalised words at least, joined by spaces or
/// by "of", "for", "the", "and" ("Syrian Observatory for Human Rights
/// (SOHR)").
fn introduced_organisations(input: &str, toks: &[Token], (s, e): (usize, usize)) -> Vec<(usize, usize, usize)> {
    let cap = |t: &Token| t.shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0;
    let connector = |t: &Token| t.folded_in(&const { word_hashes(["of", "for", "the", "and"]) }) && !cap(t);
    let gap = |a: &Token, b: &Token| input.get(a.input_end as usize..b.input_start as usize).unwrap_or("");
    let mut found = Vec::new();
    for k in (s + 2)..e {
        // "… Azawad (CSP-DPA)": capitals in brackets right after a name.
        // (The byte before the capitals turns away most of them, headlines
        // and tickers, before the gap is cut out of the text.)
        let bracket = |t: &Token| input.as_bytes()[..t.input_start as usize].last() == Some(&b'(');
        if !toks[k].has(shape::ALL_CAPS)
            || !bracket(&toks[k])
            || gap(&toks[k - 1], &toks[k]) != " ("
            || !cap(&toks[k - 1])
        {
            continue;
        }
        // The acronym may be hyphenated: "CSP-DPA".
        let mut end = k + 1;
        while end < e && toks[end].has(shape::ALL_CAPS) && gap(&toks[end - 1], &toks[end]) == "-" {
            end += 1;
        }
        if !gap(&toks[end - 1], toks.get(end).unwrap_or(&toks[end - 1])).starts_with(')') && end < e {
            continue;
        }
        let mut start = k - 1;
        let mut words = 1;
        while start > s && toks[start].has(shape::JOINED) {
            let prev = start - 1;
            if cap(&toks[prev]) && !toks[prev].has(shape::SENTENCE_START) && gap(&toks[prev], &toks[start]) == " " {
                start = prev;
                words += 1;
            } else if connector(&toks[prev]) && prev > s && toks[prev].has(shape::JOINED) {
                // Over one or two connectors to the capitalised word before.
                let before = if connector(&toks[prev - 1]) && prev - 1 > s { prev - 2 } else { prev - 1 };
                // (A plural agent word is not part of the name: "Fighters
                // of the Strategic Framework …" are its fighters.)
                let agents = LEXICON.words.word(&toks[before]).is_some_and(|r| r & role::EVENT_WORD != 0)
                    && input[toks[before].input_start as usize..toks[before].input_end as usize].ends_with('s');
                if !cap(&toks[before]) || toks[before].has(shape::SENTENCE_START) || agents {
                    break;
                }
                start = before;
                words += 1;
            } else {
                break;
            }
        }
        if words >= 2 {
            found.push((start, end, k));
        }
    }
    found
}

/// True when token `k`, right after an actor, makes it the subject of a
/// reporting verb: "…, police said" report the event; they are neither its
/// target nor what makes it a clash. ("MRC said to be recruiting" is
/// hearsay about the MRC itself, and "raiders confirmed dead" or
/// "al-Shabaab claimed responsibility" are no reports.)
fn reports_event(toks: &[Token], mut k: usize) -> bool {
    // Through the actor's own office: "the U.S. military's Central Command
    // said".
    if k > 0 && toks[k - 1].has(shape::POSSESSIVE) {
        let office =
            toks[k..].iter().take(3).take_while(|t| t.shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0).count();
        k += office;
    }
    // Through the name of its spokesman: "Police spokesman Yazid Abubakar
    // said".
    let name = toks[k.min(toks.len())..]
        .iter()
        .take(3)
        .take_while(|t| t.has(shape::JOINED) && t.has(shape::CAPITALIZED) && !t.has(shape::ALL_CAPS))
        .count();
    k += name;
    toks.get(k).is_some_and(|t| {
        t.folded_in(&const { word_hashes(["said", "says", "told", "reported", "stated", "added", "announced"]) })
    }) && toks.get(k + 1).is_none_or(|t| !t.folded_is("to"))
}

/// True when a name starting at token `ms` stands where a clause's subject
/// does: at the sentence start, after "the", or after a comma or a
/// subordinating word ("…, Russia attacked", "if the United States
/// attacked"). Not in brackets: "an unidentified armed group (Kenya)
/// attacked".
fn subject_position(input: &str, toks: &[Token], s: usize, ms: usize) -> bool {
    let mut p = ms;
    if p > s && toks[p - 1].folded_is("the") {
        p -= 1;
    }
    p == s
        || input.get(toks[p - 1].input_end as usize..toks[p].input_start as usize) == Some(", ")
        || toks[p - 1].folded_in(&const { word_hashes(["that", "if", "when", "after", "as", "while", "but"]) })
}

/// Adverbs and auxiliaries that may stand between a subject and its verb:
/// "Israel today mounted", "Russia has launched", "Albania on Friday
/// denounced".
fn between_subject_and_verb(t: &Token) -> bool {
    t.folded_in(
        &const {
            word_hashes([
                "today",
                "yesterday",
                "on",
                "has",
                "have",
                "had",
                "reportedly",
                "also",
                "again",
                "then",
                "later",
                "allegedly",
            ])
        },
    ) || t.folded_in(&const { word_hashes(super::dates::WEEKDAYS) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_country_replaces_as_str_replace_does() {
        let templates = [
            "Police Forces of {country}",
            "{country}",
            "",
            "Rioters ({country})",
            "{country} {country}",
            "{count",
            "{{country}}{",
        ];
        for t in templates {
            assert_eq!(fill_country(t, "Kenya"), t.replace(COUNTRY_SLOT, "Kenya"), "{t}");
        }
    }
}
