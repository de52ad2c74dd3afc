//! Events: what happened, who did it to whom, where, when, and how many were
//! hurt, one row per (action, location).

mod actors;
mod casualties;
mod codebook;
mod dates;
mod lexicon;
mod location;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use crate::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::text::sentences::sentence_spans;
use crate::text::tokens::{shape, word_hashes, Token};
use crate::text::FoldedText;
use crate::toponyms::lexicon::{role, LEXICON};
use crate::toponyms::Toponyms;
use actors::{find_actors, FoundActor, TriggerAt};
use codebook::{default_actors, refine_type};
use lexicon::{cue, tag, TriggerDef, EVENT_LEXICON};

/// The words that name the action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// Surface text.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A byte range of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Who acted, or who or what was acted on: the `Actor` object of the output contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Surface in the sentence.
    pub text: String,
    /// Canonical name ("Kata'ib Hezbollah", "United States Armed Forces").
    pub name: String,
    /// ISO alpha-2 code of the actor's affiliation.
    pub country: Option<String>,
    /// government, military, police, armed_group, political_party, civilians, media, international, …
    pub kind: Option<String>,
}

/// Where an event happened: the place, plus the mention it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventLocation {
    /// The place.
    #[serde(flatten)]
    pub place: Place,
    /// Surface of the mention the location comes from, if one.
    pub text: Option<String>,
    /// Byte offset of that mention.
    pub start: Option<usize>,
    /// End byte offset of that mention.
    pub end: Option<usize>,
    /// ACLED-style geo precision: 1 town or site, 2 district or near a town, 3 province, region or country.
    pub geo_precision: u8,
}

/// Precision of an event date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The day is known.
    Day,
    /// Known to within a week.
    Week,
    /// Known to within a month.
    Month,
    /// Known to within a year.
    Year,
}

/// One event row: the `Event` object of the output contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Event type: an ACLED sub-event type (`air_drone_strike`, …) or a PLOVER category (`threaten`, …).
    #[serde(rename = "type")]
    pub event_type: String,
    /// CAMEO code of the same event.
    pub cameo: Option<String>,
    /// The PLOVER category of the same event (`fight`, `assault`,
    /// `protest`, `coerce`, …), for users of that scheme: ACLED sub-types
    /// are mapped to it, PLOVER types are their own.
    pub plover: Option<Cow<'static, str>>,
    /// The words that name the action.
    pub trigger: Trigger,
    /// The sentence the event is in.
    pub sentence: ByteSpan,
    /// Date of the event.
    #[serde(serialize_with = "crate::output::iso_date::serialize_opt")]
    pub date: Option<NaiveDate>,
    /// How precise `date` is.
    pub date_precision: Option<DatePrecision>,
    /// Who acted.
    pub source: Option<Actor>,
    /// Who or what was acted on.
    pub target: Option<Actor>,
    /// Where it happened.
    pub location: Option<EventLocation>,
    /// People killed.
    pub killed: Option<u32>,
    /// People wounded.
    pub wounded: Option<u32>,
    /// Confidence, 0..1.
    pub confidence: f32,
}

/// ACLED event families, for merging repeated reports of one event.
fn family(event_type: &str) -> &'static str {
    match event_type {
        "armed_clash" | "government_regains_territory" | "non_state_actor_overtakes_territory" => "battles",
        "air_drone_strike"
        | "shelling_artillery_missile_attack"
        | "remote_explosive_landmine_ied"
        | "suicide_bomb"
        | "grenade"
        | "chemical_weapon" => "explosions",
        "attack" | "abduction_forced_disappearance" | "sexual_violence" => "violence",
        "peaceful_protest" | "protest_with_intervention" | "excessive_force_against_protesters" => "protests",
        "violent_demonstration" | "mob_violence" => "riots",
        _ => "other",
    }
}

/// How specific a material trigger is: weapon-specific types beat generic
/// attacks, which beat weak evidence ("killed", "targeted").
fn rank(def: &TriggerDef) -> u8 {
    // Harm to property or liberty ranks below harm to people: "burned down
    // a school and abducted two teachers" is an abduction, "attacked the
    // village and looted" an attack (ACLED codes the violent act).
    if matches!(&*def.event_type, "looting_property_destruction" | "arrests") {
        return 0;
    }
    // Troop movements are the background of a fight: "Kenyan troops
    // stationed near the border engaged fighters" is the battle.
    if &*def.event_type == "change_to_group_activity" && def.weak {
        return 0;
    }
    let generic = matches!(&*def.event_type, "attack" | "other");
    match (def.weak, generic) {
        (false, false) => 4,
        (false, true) => 3,
        (true, false) => 2,
        (true, true) => 1,
    }
}

/// An armed group's attack whose dead or wounded, counted in a later
/// sentence, are police or soldiers was a fight with them: "Al Shabaab
/// fighters attack Fino. Four police and one reservist killed." ACLED codes
/// an attack on state forces as an armed clash. The victims become the
/// target when the attack's own sentence named no people.
fn security_victims(ev: &mut Event, casualty_actors: &[actors::FoundActor]) {
    let source_kind = ev.source.as_ref().and_then(|a| a.kind.as_deref());
    let armed_source = matches!(source_kind, Some("armed_group" | "rebel_group" | "ethnic_group"));
    if ev.event_type != "attack" || !armed_source {
        return;
    }
    let Some(victims) =
        casualty_actors.iter().find(|a| !a.reports && matches!(a.actor.kind.as_deref(), Some("police" | "military")))
    else {
        return;
    };
    // A default target (no words) or a place attacked ("the village")
    // gives way to the people hit.
    if ev.target.as_ref().is_none_or(|t| t.text.is_empty() || t.kind.as_deref() == Some("facility")) {
        ev.target = Some(victims.actor.clone());
    }
    ev.event_type = "armed_clash".into();
    ev.cameo = Some("190".into());
}

/// Words that can head a target noun phrase when no actor is named
/// ("a US-run facility", "the Ain al-Asad Air Base").
fn is_target_noun(w: &str) -> bool {
    matches!(
        w,
        "base"
            | "bases"
            | "facility"
            | "facilities"
            | "convoy"
            | "checkpoint"
            | "patrol"
            | "camp"
            | "post"
            | "outpost"
            | "positions"
            | "position"
            | "embassy"
            | "consulate"
            | "vehicle"
            | "vehicles"
            | "bus"
            | "market"
            | "mosque"
            | "church"
            | "school"
            | "hospital"
            | "village"
            | "home"
            | "homes"
            | "house"
            | "houses"
            | "headquarters"
            | "station"
            | "airport"
            | "port"
            | "ship"
            | "vessel"
            | "tanker"
            | "compound"
            | "site"
            | "sites"
            | "installation"
            | "installations"
            | "barracks"
            | "airbase"
            | "field"
            | "plant"
            | "refinery"
            | "office"
            | "offices"
            | "shrine"
            | "hotel"
            | "bridge"
            | "tower"
    )
}

struct Sentence {
    span: (usize, usize),
    toks: (usize, usize),
    paragraph: usize,
}

/// Context carried from sentence to sentence.
#[derive(Default)]
struct Memory {
    /// Index of the last material event and the sentence it came from.
    last_material: Option<(usize, usize)>,
    /// Last actor that acted (any event), with its sentence, and whether
    /// it only spoke (a statement's source).
    last_source: Option<(Actor, usize, bool)>,
    /// Explicit date of the last material event of each family.
    family_dates: FxHashMap<&'static str, (NaiveDate, DatePrecision)>,
    /// Every material event so far, with the stem of its trigger's head word.
    material: Vec<(usize, String)>,
}

impl Memory {
    /// The index of the earlier event a definite description ("the
    /// strikes") refers to: the latest one whose trigger shares its head
    /// word's stem, else the latest of the same family. A generic "the
    /// attack" may name any violent event: "A suicide bomber blew himself up
    /// at a checkpoint … The attack happened in Bannu".
    fn antecedent(&self, events: &[Event], stem: &str, fam: &str, generic: bool) -> Option<usize> {
        // Look back over the recent events only: a definite description
        // refers to something told shortly before, and the bound keeps long
        // documents linear.
        const WINDOW: usize = 40;
        let recent = || self.material.iter().rev().take(WINDOW);
        let by_stem = recent().find(|(_, st)| !stem.is_empty() && st == stem);
        let by_family = recent().find(|(i, _)| family(&events[*i].event_type) == fam);
        let violent = |i: usize| matches!(family(&events[i].event_type), "battles" | "explosions" | "violence");
        let by_violence = recent().find(|(i, _)| generic && violent(*i));
        by_stem.or(by_family).or(by_violence).map(|(i, _)| *i)
    }
}

/// A crude stem of a trigger's head word: "airstrikes" and "strikes" → "strike".
fn trigger_stem(input: &str, toks: &[Token], te: usize) -> String {
    let w = input[toks[te - 1].input_start as usize..toks[te - 1].input_end as usize].to_lowercase();
    let w = w.trim_end_matches('s');
    let w = w.strip_prefix("air").unwrap_or(w);
    w.chars().take(6).collect()
}

/// Extracts the events of one document.
pub(crate) fn extract(
    gaz: &Gazetteer,
    input: &str,
    folded: &FoldedText,
    toks: &[Token],
    topo: &Toponyms,
    doc_date: Option<NaiveDate>,
    hint: Option<[u8; 2]>,
) -> Vec<Event> {
    let lex = &*EVENT_LEXICON;
    let ftext = folded.as_str();
    let sentences = split_sentences(input, toks);
    let mut tags = lexicon::TokenTags::default();
    lex.tag_tokens(toks, &mut tags);
    // The cue word at a token, asked of the tags first.
    let cue_at = |p: usize| if tags.has(p, tag::CUE) { lex.cues.word(&toks[p]) } else { None };
    let hint = hint.as_ref().and_then(|h| std::str::from_utf8(h).ok());
    // The document's country and fallback place are asked for only by
    // events, and most documents have none: both are found when first
    // needed.
    let doc_country = std::cell::OnceCell::new();
    let doc_country = || doc_country.get_or_init(|| document_country(topo, hint)).as_deref();
    // A dateline's day ("OUAGADOUGOU, Feb 12 (Reuters) -") is when the story
    // was filed: the day its weekdays count back from, whatever day the
    // caller collected it. Its sentence's own date comes after it.
    let dateline = sentences.iter().take(3).enumerate().find_map(|(si, sent)| {
        let (s, e) = sent.toks;
        topo.mention_starting_at(s)?;
        dates::dateline_date(&toks[s..e], ftext, doc_date).map(|(d, end)| (si, d, s + end))
    });
    let doc_date = dateline.map(|(_, d, _)| d).or(doc_date);
    let doc_location = std::cell::OnceCell::new();
    let doc_location = || {
        *doc_location.get_or_init(|| {
            let starts: Vec<usize> = sentences.iter().map(|s| s.toks.0).collect();
            location::document_location(topo, toks, &starts, doc_country())
        })
    };
    let names = |cc: &str| gaz.country_name(cc);
    let mut events: Vec<Event> = Vec::new();
    let mut mem = Memory::default();
    // Groups with a known home area that the document names anywhere, in
    // order: where an event that names no place most likely happened after
    // its own actors' homes ("… the attackers were suspected MRC members").
    let mut based: Vec<Actor> = Vec::new();
    // The triggers of the current sentence, and whether each is violence:
    // cleared per sentence, so a document allocates them once.
    let mut trigs: Vec<(usize, usize, &TriggerDef)> = Vec::new();
    let mut verbs: Vec<TriggerAt> = Vec::new();

    let headline = is_headline(input, &sentences);
    // The armed group the story named last (see "the rebels" below).
    let mut last_group: Option<Actor> = None;
    // Organisations introduced with an acronym, which may name them later.
    let mut organisations: Vec<actors::Organisation> = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        // The story proper owes the headline nothing: "the strikes" in its
        // lede are its own, not the headline's.
        if si == 1 && headline {
            mem = Memory::default();
        }
        let (s, e) = sent.toks;
        if s >= e {
            continue;
        }
        trigs.clear();
        for (k, end, idx) in lex.triggers.matches_from(&toks[..e], s, |i| tags.next(i, e, tag::TRIGGER)) {
            // "US-occupied", "Iranian-backed": an adjective, not an event.
            let modifier = k > s && toks[k - 1].has(shape::HYPHEN_AFTER);
            // The months March and May, capitalised mid-sentence.
            let month = end == k + 1
                && toks[k].has(shape::CAPITALIZED)
                && !toks[k].has(shape::SENTENCE_START)
                && (toks[k].folded_is("march") || toks[k].folded_is("may"));
            // "Riot police", "riot gear": a unit, not a riot.
            let riot_unit = toks[end - 1].folded_is("riot")
                && toks.get(end).is_some_and(|t| {
                    t.folded_in(
                        &const {
                            word_hashes([
                                "police",
                                "policemen",
                                "squad",
                                "gear",
                                "control",
                                "unit",
                                "units",
                                "officers",
                            ])
                        },
                    )
                });
            // A participle right after a determiner is an adjective: "the
            // occupied West Bank", "the captured town".
            // So is one between a count and its noun: "troops rescued 12
            // kidnapped students" (but not "Three killed in attack").
            let participle = k > s
                && end == k + 1
                && toks[k].has(shape::JOINED)
                && input[toks[k].input_start as usize..toks[k].input_end as usize].ends_with("ed");
            // (The tests after it are asked only of a participle.)
            let before = &toks[k.saturating_sub(1)];
            let determiner = || before.folded_in(&const { word_hashes(["the", "a", "an", "its", "their"]) });
            let count = || casualties::count_of(before.folded(ftext)).is_some();
            let noun_after = || {
                toks.get(end).is_some_and(|t| {
                    t.has(shape::JOINED)
                        && t.shape & (shape::CAPITALIZED | shape::ALL_CAPS | shape::DIGIT) == 0
                        && LEXICON.words.word(t).is_none_or(|r| r & role::STOPWORD == 0)
                        && !t.folded_in(
                            &const {
                                word_hashes([
                                    "in", "on", "at", "by", "and", "or", "as", "when", "after", "during", "while",
                                    "near",
                                ])
                            },
                        )
                })
            };
            let attributive = participle && (determiner() || (count() && noun_after()));
            let adjective = modifier || attributive;
            // A noun before the name of a body of people names that body,
            // not an event: "a local aid group said", "protest leaders".
            // (Asked only of nouns; the space between is one byte.)
            let names_a_body = || {
                toks.get(end).is_some_and(|t| {
                    let gap = toks[end - 1].input_end as usize;
                    t.input_start as usize == gap + 1
                        && input.as_bytes()[gap] == b' '
                        && (LEXICON.words.word(t).is_some_and(|r| r & role::ORG_SUFFIX != 0) || t.folded_in(&BODIES))
                })
            };
            if let Some(def) = lex
                .trigger_defs
                .get(idx as usize)
                .filter(|d| !(adjective || month || riot_unit || (d.noun && names_a_body())))
            {
                // A sentence that characterises a kind of event is
                // background throughout: "Kidnappings for ransom have become
                // rampant in the northwest, where gangs raid villages and
                // abduct residents".
                if def.noun && characterised(toks, end, e) {
                    trigs.clear();
                    break;
                }
                trigs.push((k, end, def));
            }
        }
        // (After a dateline's date: "Feb 12 (Reuters) - Militants killed
        // 40" counts no 12, and dates no event on the filing day.)
        let story = dateline.filter(|d| d.0 == si).map_or(s, |d| d.2);
        // "… where two rival cartels have been fighting for control": what
        // has been going on is the background of the sentence's event, when
        // it tells one ("The attack happened in Salvatierra, where …").
        let ongoing = |k: usize| {
            k >= 2
                && toks[k - 1].folded_is("been")
                && toks[k - 2].folded_in(&const { word_hashes(["have", "has", "had"]) })
                && ftext[toks[k].start as usize..toks[k].end as usize].ends_with("ing")
        };
        if trigs.iter().any(|t| t.2.material && !ongoing(t.0)) {
            trigs.retain(|t| !(t.2.material && ongoing(t.0)));
        }
        // (The tags turn away most sentences before the counts are sought.)
        let tolls = tags.any(story, e, tag::TOLL);
        let cas = if tolls { casualties::find_casualties(&toks[story..e], ftext) } else { Default::default() };
        if trigs.is_empty() && cas == casualties::Casualties::default() {
            continue;
        }
        verbs.clear();
        verbs.extend(trigs.iter().map(|&(k, _, def)| TriggerAt {
            at: k,
            armed: matches!(family(&def.event_type), "battles" | "explosions" | "violence"),
            state_weapon: def.state_weapon,
        }));
        let mut found_actors = find_actors(input, toks, &tags, (s, e), topo, &verbs, &names, &mut organisations);
        // "the rebels", "the militants": the armed group the story last
        // named ("Yemen's Houthi rebels fired two missiles … saying the
        // rebels would continue").
        for a in &mut found_actors {
            let armed_group = |a: &Actor| matches!(a.kind.as_deref(), Some("armed_group" | "rebel_group"));
            if a.named && armed_group(&a.actor) {
                last_group = Some(a.actor.clone());
            } else if !a.named
                && armed_group(&a.actor)
                && a.tok_start > s
                && toks[a.tok_start - 1].folded_is("the")
                && a.tok_end == a.tok_start + 1
            {
                if let Some(g) = &last_group {
                    a.actor = Actor { text: a.actor.text.clone(), ..g.clone() };
                }
            }
        }
        for a in &found_actors {
            if EVENT_LEXICON.home(&a.actor.name).is_some() && !based.iter().any(|b: &Actor| b.name == a.actor.name) {
                based.push(a.actor.clone());
            }
        }
        let actor_spans: Vec<(usize, usize)> = found_actors.iter().map(|a| location_blind_span(a, topo)).collect();
        let openers = tags.each(story, e, tag::DATE | tag::NUMBER).map(|i| i - story);
        let date = dates::find_date_among(&toks[story..e], openers, ftext, doc_date);
        // A date inside an aside dates only what the aside tells: "Moscow,
        // which launched its invasion in February 2022, denies targeting
        // civilians" is no denial of February 2022.
        let date_aside = date.and_then(|d| aside_around(input, toks, (s, e), story + d.at));
        let date_for = |ts: usize| date.filter(|_| date_aside.is_none_or(|(a, b)| a <= ts && ts < b));
        let armed = found_actors
            .iter()
            .filter(|a| !a.reports)
            .any(|a| matches!(a.actor.kind.as_deref(), Some("military" | "armed_group" | "rebel_group" | "police")));
        let weapon = trigs.iter().any(|t| t.2.material && (!t.2.weak || t.2.weapon));

        // Modality of each trigger.
        let mut material: Option<(usize, usize, TriggerDef)> = None;
        // The rank of `material` (see `rank`), one more for ground taken.
        let mut material_rank = 0;
        let mut verbal: Option<(usize, usize, TriggerDef)> = None;
        for &(ts, te, def) in &trigs {
            let mut def = def.clone();
            let window = |n: usize| {
                tags.each(ts.saturating_sub(n).max(s), ts, tag::CUE).filter_map(cue_at).fold(0, |a, b| a | b)
            };
            // "Set up", "established": an event only when what was set up
            // is a base, post or camp ("set up a new observation post",
            // "the latest Turkish point was established"), not a
            // committee or contact. "Dispatched", "withdrew": only when
            // troops or forces move ("the army dispatched hundreds of
            // forces"), not an offer withdrawn.
            // "Captured", "took over", "fell to": a change of territory only
            // with an armed actor or a place word nearby ("the town fell to
            // the rebels"), not a company taken over or income that fell to
            // 537m euros.
            let needs = match &*def.event_type {
                "headquarters_or_base_established" if def.weak => cue::BASE,
                "change_to_group_activity" | "non_violent_transfer_of_territory" if def.weak => cue::FORCES,
                "non_state_actor_overtakes_territory" | "government_regains_territory" if !armed => cue::TERRITORY,
                _ => 0,
            };
            if needs != 0
                && !(ts.saturating_sub(4).max(s)..(te + 6).min(e))
                    // Within the clause: no punctuation between.
                    .filter(|&p| (p.min(ts) + 1..=p.max(ts)).all(|q| toks[q].has(shape::JOINED)))
                    .any(|p| cue_at(p).is_some_and(|c| c & needs != 0))
            {
                // Someone who "was captured" with no place taken was
                // arrested ("Noriega was captured during the invasion");
                // anything else captured is no event ("captured the title").
                let passive =
                    ts > s && toks[ts - 1].folded_in(&const { word_hashes(["was", "were", "been", "being"]) });
                if needs == cue::TERRITORY && passive && toks[ts].folded_is("captured") {
                    def.event_type = "arrests".into();
                    def.cameo = "173".into();
                    def.weak = true;
                } else {
                    continue;
                }
            }
            // Ground named as the verb's object is ground taken: "seized
            // the town of Rubaya", "captured five villages" (a word between:
            // "the occupied city" is an adjective). Such a takeover is the
            // event even when fighting led to it ("after fierce fighting").
            // (Not an aim: "pressed their offensive to retake Sirte".)
            let aim = ts > s && toks[ts - 1].folded_is("to");
            let takes_ground = !aim
                && (te + 1..(te + 3).min(e)).any(|p| {
                    cue_at(p).is_some_and(|c| c & cue::TERRITORY != 0) && (te..=p).all(|q| toks[q].has(shape::JOINED))
                });
            if takes_ground && (toks[ts].folded_is("seized") || toks[ts].folded_is("seize")) {
                def.event_type = "non_state_actor_overtakes_territory".into();
                def.cameo = "192".into();
            }
            let ground_taken = takes_ground
                && matches!(&*def.event_type, "non_state_actor_overtakes_territory" | "government_regains_territory");
            if ground_taken {
                def.weak = false;
            }
            // A curfew, a state of emergency or sanctions lifted, eased or
            // shortened are a concession ("Serbia lifted a night curfew",
            // "shortened by one hour the nightly curfew").
            if matches!(&*def.event_type, "other" | "sanction" | "coerce") && window(6) & cue::RELIEF != 0 {
                def.event_type = "concede".into();
                def.cameo = "081".into();
                def.material = false;
            }
            if def.material {
                if window(5) & cue::NEGATION != 0 {
                    continue;
                }
                // The labour sense of "strike", unless the document already
                // reports explosions this could refer back to.
                let earlier_explosion =
                    mem.last_material.is_some_and(|(i, _)| family(&events[i].event_type) == "explosions");
                if &*def.event_type == "air_drone_strike" && def.weak && !armed && !weapon && !earlier_explosion {
                    // Protesters, or a civilian group as the subject ("factory
                    // workers in Kabwe strike over pay").
                    let protest = found_actors.iter().any(|a| match a.actor.kind.as_deref() {
                        Some("protesters") => true,
                        Some("civilians") => a.tok_end <= ts,
                        _ => false,
                    });
                    if !protest {
                        continue;
                    }
                    def.event_type = "peaceful_protest".into();
                    def.cameo = "141".into();
                }
                if window(5) & cue::INTENT != 0 || next_is_intent(toks, te, e) {
                    // "vowed to continue attacks", "our strikes will continue".
                    def = TriggerDef {
                        event_type: "threaten".into(),
                        cameo: "138".into(),
                        material: false,
                        weak: false,
                        weapon: false,
                        casualty: false,
                        state_weapon: false,
                        noun: def.noun,
                    };
                    if verbal.as_ref().is_none_or(|v| &*v.2.event_type != "threaten") {
                        verbal = Some((ts, te, def));
                    }
                    continue;
                }
                // Ground taken is the outcome of the fighting that took it:
                // "captured the town after fierce fighting" is a takeover.
                // What an event answers is an earlier one: "Hezbollah fired
                // rockets …, in response to an Israeli drone strike that
                // killed a commander".
                let r = if answer_at(toks, s, ts).is_some() { 0 } else { rank(&def) + u8::from(ground_taken) };
                if material.is_none() || r > material_rank {
                    material = Some((ts, te, def));
                    material_rank = r;
                }
            } else {
                // Cooperation stopped is a sanction: "suspended aid",
                // "halted economic aid", "cancelled a planned visit", "ended
                // mediation efforts" (CAMEO 16, reduce relations).
                if matches!(&*def.event_type, "aid" | "consult" | "cooperate") && window(3) & cue::CUTOFF != 0 {
                    def.event_type = "sanction".into();
                    def.cameo = "160".into();
                }
                let better = match &verbal {
                    None => true,
                    Some(v) => &*v.2.event_type == "make_statement" && &*def.event_type != "make_statement",
                };
                if better {
                    verbal = Some((ts, te, def));
                }
            }
        }
        // People killed in an arson or a raid: the event is the attack on
        // them, not the damage ("houses set alight, 7 killed").
        if let Some(m) = material.as_mut().filter(|m| &*m.2.event_type == "looting_property_destruction") {
            if cas.killed.is_some_and(|k| k > 0) {
                m.2.event_type = "attack".into();
                m.2.cameo = "190".into();
            }
        }
        // Deaths in an earthquake, a flood or a road accident, a boiler that
        // exploded, a warehouse that burned: weak evidence in a sentence that
        // names such a mishap and no armed actor is no political violence.
        // (Asked only when it matters: a cue lookup per token is not free.)
        let names_mishap =
            || !armed && tags.each(s, e, tag::CUE).any(|p| cue_at(p).is_some_and(|c| c & cue::MISHAP != 0));
        let weak_or_none = material.as_ref().is_none_or(|m| m.2.weak);
        let mishap = weak_or_none && (material.is_some() || cas != casualties::Casualties::default()) && names_mishap();
        if mishap && material.is_some() {
            material = None;
        }
        // Weak evidence alone needs support: an actor, a casualty or a place.
        if let Some((ts, _, def)) = &material {
            let supported = !def.weak
                || armed
                || !found_actors.is_empty()
                || cas != casualties::Casualties::default()
                || !topo.mentions_in(s, e).is_empty()
                || (&*def.event_type != "attack" && *ts > s);
            if !supported {
                material = None;
            }
        }
        // A sentence whose only evidence is a casualty word reports the toll
        // of an event told just before: "A suicide bomber struck a mosque
        // in Kabul. Two people were killed and two wounded."
        // (Not a killing with its own killer before it: "Israeli troops
        // killed two gunmen during a raid" is an event of its own.)
        let own_killer = || {
            material.as_ref().is_some_and(|&(ts, _, _)| {
                let active =
                    ts > s && !toks[ts - 1].folded_in(&const { word_hashes(["was", "were", "been", "are", "is"]) });
                active && found_actors.iter().any(|a| !a.reports && a.tok_end <= ts && a.named_or_armed())
            })
        };
        if material.as_ref().is_some_and(|m| m.2.casualty) && cas != casualties::Casualties::default() && !own_killer()
        {
            if let Some((i, at)) = mem.last_material {
                if si - at <= 2 && events[i].killed.is_none() && events[i].wounded.is_none() {
                    material = None;
                }
            }
        }

        let attachable = mem
            .last_material
            .is_some_and(|(i, at)| si - at <= 2 && events[i].killed.is_none() && events[i].wounded.is_none());
        if material.is_none() && cas != casualties::Casualties::default() && !attachable && !mishap {
            // Deaths or injuries with no other trigger are still an event of
            // violence: "Three people died in Kawangware."
            if let Some(k) = (s..e).find(|&k| casualties::is_casualty_token(&toks[k], ftext)) {
                material = Some((
                    k,
                    k + 1,
                    TriggerDef {
                        event_type: "attack".into(),
                        cameo: "190".into(),
                        material: true,
                        weak: true,
                        weapon: false,
                        casualty: true,
                        state_weapon: false,
                        noun: false,
                    },
                ));
            }
        }
        // "The war …, which erupted in April 2023, has killed tens of
        // thousands": a conflict's running toll is background, not an event.
        if material.as_ref().is_some_and(|&(ts, _, _)| running_toll(toks, s, ts)) {
            material = None;
        }
        // The answered event's words (from "in response to" on) are not
        // the answer's: its dead and its places stay out.
        let answered_from = material.as_ref().and_then(|&(ts, _, _)| answer_after(toks, ts, e));
        let cas = match answered_from {
            Some(cut) if cut > story => casualties::find_casualties(&toks[story..cut], ftext),
            _ => cas,
        };
        if let Some((ts, te, def)) = material {
            'material: {
                let (src, tgt) = roles(&found_actors, toks, (ts, te), true);
                let mut source = src.map(|i| found_actors[i].actor.clone());
                let mut target = tgt.map(|i| found_actors[i].actor.clone());
                let mut event_type = def.event_type.to_string();
                let mut cameo = def.cameo.to_string();
                // Killing in the same raid makes an abduction an attack, as
                // ACLED codes it: "bandits killed 20 villagers and abducted
                // dozens of others".
                if event_type == "abduction_forced_disappearance" && cas.killed.is_some_and(|k| k > 0) {
                    event_type = "attack".into();
                    cameo = "190".into();
                }
                let fam = family(&event_type);
                // A definite description ("the strikes", "the bombardments") of an
                // earlier event of the same family is a repeat report of it.
                let definite =
                    (ts.saturating_sub(2).max(s)..ts).any(|p| cue_at(p).is_some_and(|c| c & cue::DEFINITE != 0));
                // "… claimed responsibility for the assault": a claim names who
                // carried out an earlier event; it is no new one.
                let claim = ts >= s + 3
                    && toks[ts - 2].folded_is("for")
                    && toks[ts - 3].folded_is("responsibility")
                    && (toks[ts - 1].folded_is("the") || toks[ts - 1].folded_is("this"));
                // "The attack" opening a sentence reports on an earlier event of
                // any kind ("The attack happened in Bannu"); elsewhere it is as
                // often the background of a new one ("Following the attack,
                // security forces moved in"). So does a claim's.
                let generic = (&*def.event_type == "attack" && ts == s + 1) || claim;
                let earlier_at =
                    if definite { mem.antecedent(&events, &trigger_stem(input, toks, te), fam, generic) } else { None };
                if let (Some(i), true) = (earlier_at, claim) {
                    // The claimant, when actors.csv names it, is who did it
                    // ("Suspected Islamist militants killed 40 soldiers … JNIM
                    // claimed responsibility for the assault"): it replaces an
                    // unnamed source, and a named one stays.
                    // The subject comes first: in "JNIM, al Qaeda’s affiliate in
                    // the Sahel, claimed …" the possessive only describes it.
                    let claimant = found_actors.iter().find(|a| {
                        a.named && !a.reports && a.tok_end <= ts && !toks[a.tok_end - 1].has(shape::POSSESSIVE)
                    });
                    let unnamed = events[i].source.as_ref().is_none_or(|a| a.name.starts_with("Unidentified"));
                    if let Some(a) = claimant.filter(|_| unnamed) {
                        // (Every row of the event: one per place.)
                        let at = events[i].trigger.start;
                        for ev in events[i..].iter_mut().take_while(|ev| ev.trigger.start == at) {
                            ev.source = Some(a.actor.clone());
                        }
                    }
                    break 'material;
                }
                let earlier = earlier_at.map(|i| &events[i]);
                let mut inherited_date = None;
                if let Some(ev) = earlier {
                    event_type = ev.event_type.clone();
                    cameo = ev.cameo.clone().unwrap_or_default();
                    // The earlier report named who did what to whom; actors in
                    // this sentence are more often its context ("in response to
                    // attacks against coalition personnel").
                    source = ev.source.clone().or(source);
                    target = ev.target.clone().or(target);
                    inherited_date = mem.family_dates.get(fam).copied();
                }
                if target.is_none() {
                    target = if passive(toks, (ts, te), e) {
                        // "A convoy came under attack by gunmen": the subject.
                        object_target(input, toks, s, ts, topo)
                    } else {
                        object_target(input, toks, te, e, topo)
                    };
                }
                if source.is_none() && !changes_topic(toks, s) {
                    // (Not who only reported the last event: "…, the British
                    // military said. … the vessel was struck west of Hodeidah".)
                    if let Some((a, at, false)) = &mem.last_source {
                        if si.saturating_sub(*at) <= 2 {
                            source = Some(a.clone());
                        }
                    }
                }
                let (date_v, precision) = match (date_for(ts), inherited_date, doc_date) {
                    (Some(d), _, _) => (Some(d.date), Some(d.precision)),
                    (None, Some((d, p)), _) => (Some(d), Some(p)),
                    (None, None, Some(d)) => (Some(d), Some(DatePrecision::Week)),
                    _ => (None, None),
                };
                if let Some(d) = date_for(ts) {
                    mem.family_dates.insert(family(&event_type), (d.date, d.precision));
                }
                let locs = locations_for(
                    toks,
                    &tags,
                    &sentences,
                    (si, answered_from),
                    ts,
                    topo,
                    &actor_spans,
                    earlier,
                    doc_location,
                );
                let coreferent = earlier.is_some();
                // A repeat report that only places the event more precisely
                // ("… in northwest Pakistan. The attack happened in the Bannu
                // district") refines the first report instead of adding one.
                // (Only when the description is all the sentence tells: in "The
                // protesters burnt tyres in Kiambu" they did something new.)
                let one_trigger = trigs.iter().filter(|t| t.2.material).count() == 1;
                if let (Some(i), [here], true) = (earlier_at, &locs[..], one_trigger) {
                    let first = &mut events[i];
                    // (A town only near the event, a dateline or a reference
                    // point, gives way to any other place of its country; a
                    // Kenyan ward, at geo_precision 2 too, is no such town.)
                    let finer = first.location.as_ref().is_none_or(|l| {
                        location::contains(&l.place, &here.place)
                            || (l.geo_precision >= 2
                                && l.place.feature_code.as_deref() != Some("ADM3")
                                && matches!(l.place.kind, PlaceKind::City | PlaceKind::Town | PlaceKind::Village)
                                && l.place.country == here.place.country
                                && l.place.id != here.place.id)
                    });
                    if finer {
                        first.location = Some(here.clone());
                        if first.killed.is_none() && first.wounded.is_none() {
                            first.killed = cas.killed;
                            first.wounded = cas.wounded;
                        }
                        mem.last_material = Some((i, si));
                        break 'material;
                    }
                }
                let first = events.len();
                let trigger = trigger_of(input, toks, ts, te);
                let conf = if def.weak { 0.55 } else { 0.8 };
                let rows: Vec<Option<EventLocation>> =
                    if locs.is_empty() { vec![None] } else { locs.into_iter().map(Some).collect() };
                for (r, loc) in rows.into_iter().enumerate() {
                    events.push(Event {
                        event_type: event_type.clone(),
                        cameo: (!cameo.is_empty()).then(|| cameo.clone()),
                        plover: None,
                        trigger: trigger.clone(),
                        sentence: ByteSpan { start: sent.span.0, end: sent.span.1 },
                        date: date_v,
                        date_precision: precision,
                        source: source.clone(),
                        target: target.clone(),
                        location: loc,
                        killed: if r == 0 { cas.killed } else { None },
                        wounded: if r == 0 { cas.wounded } else { None },
                        confidence: conf,
                    });
                }
                let kinds: Vec<&str> =
                    found_actors.iter().filter(|a| !a.reports).filter_map(|a| a.actor.kind.as_deref()).collect();
                if !coreferent {
                    for ev in &mut events[first..] {
                        refine_type(ev, input, &kinds);
                    }
                }
                mem.last_material = Some((first, si));
                mem.material.push((first, trigger_stem(input, toks, te)));
                if let Some(a) = &source {
                    mem.last_source = Some((a.clone(), si, false));
                }
            }
        } else if cas != casualties::Casualties::default() {
            // Casualties reported apart from their event: "Two people were
            // killed … in the bombardments" right after the strike.
            if let Some((i, at)) = mem.last_material {
                if si - at <= 2 && events[i].killed.is_none() && events[i].wounded.is_none() {
                    events[i].killed = cas.killed;
                    events[i].wounded = cas.wounded;
                    security_victims(&mut events[i], &found_actors);
                }
            }
        }

        if let Some((ts, te, def)) = verbal {
            let (src, tgt) = roles(&found_actors, toks, (ts, te), false);
            let mut source = src.map(|i| found_actors[i].actor.clone());
            let pronoun = tags.each(s, ts, tag::CUE).any(|p| cue_at(p).is_some_and(|c| c & cue::PRONOUN != 0));
            if source.is_none() && (pronoun || &*def.event_type == "threaten") {
                source = mem.last_source.as_ref().filter(|(_, at, _)| si - at <= 3).map(|(a, _, _)| a.clone());
            }
            let target =
                tgt.map(|i| found_actors[i].actor.clone()).or_else(|| country_object(toks, (te, e), topo, &names));
            // "…, police said": a statement is an event only when we know
            // whose it is (CAMEO codes none without an actor). Such reporting
            // verbs are most sentences of a wire story.
            // So is a weak verbal trigger ("willing to", "committed to"):
            // without an actor it is mostly business news.
            if (&*def.event_type == "make_statement" || def.weak) && source.is_none() && target.is_none() {
                continue;
            }
            let (date_v, precision) = match (date_for(ts), doc_date) {
                (Some(d), _) => (Some(d.date), Some(d.precision)),
                (None, Some(d)) => (Some(d), Some(DatePrecision::Day)),
                _ => (None, None),
            };
            // Where the sentence says, else where the story just was.
            let loc = locations_for(toks, &tags, &sentences, (si, None), ts, topo, &actor_spans, None, || None)
                .into_iter()
                .next();
            if let Some(a) = &source {
                mem.last_source = Some((a.clone(), si, &*def.event_type == "make_statement"));
            }
            events.push(Event {
                event_type: def.event_type.to_string(),
                cameo: (!def.cameo.is_empty()).then(|| def.cameo.to_string()),
                plover: None,
                trigger: trigger_of(input, toks, ts, te),
                sentence: ByteSpan { start: sent.span.0, end: sent.span.1 },
                date: date_v,
                date_precision: precision,
                source,
                target,
                location: loc,
                killed: None,
                wounded: None,
                confidence: 0.6,
            });
        }
    }
    // A headline sums up the story: an event of a family the story tells
    // again is the same event, told with fewer words ("Gunmen kill eight at
    // party in central Mexico" above "Gunmen burst into a birthday party in
    // … Guanajuato … killing eight people").
    // (Dropped in place: an event is a large value to move.)
    if headline {
        let told = events.iter().take_while(|ev| ev.sentence.start == sentences[0].span.0).count();
        let (heads, body) = events.split_at(told);
        let retold: Vec<bool> =
            heads.iter().map(|h| body.iter().any(|b| family(&b.event_type) == family(&h.event_type))).collect();
        let mut k = 0;
        events.retain(|_| {
            k += 1;
            k > told || !retold[k - 1]
        });
    }
    for ev in events.iter_mut().filter(|ev| matches!(family(&ev.event_type), "protests" | "riots")) {
        let next = sentences.get(sentences.partition_point(|s| s.span.0 < ev.sentence.end));
        let end = next.map_or(ev.sentence.end, |s| s.span.1);
        let sentence = input.get(ev.sentence.start..ev.sentence.end).unwrap_or("");
        codebook::protest_subtype(ev, sentence, input.get(ev.sentence.start..end).unwrap_or(""));
        codebook::riot_subtype(ev, sentence);
    }
    let mut events = merge_repeats(events);
    for ev in &mut events {
        let country = ev
            .location
            .as_ref()
            .and_then(|l| l.place.country.as_deref().map(str::to_string))
            .or_else(|| doc_country().map(str::to_string))
            .or_else(|| ev.source.as_ref().and_then(|a| a.country.clone()))
            .or_else(|| ev.target.as_ref().and_then(|a| a.country.clone()));
        for actor in [&mut ev.source, &mut ev.target].into_iter().flatten() {
            actors::settle_country(actor, country.as_deref(), &names);
        }
        // A statement is not addressed to its own speaker ("the Qassam
        // Brigades said its fighters …"), nor is a verbal act that speaks
        // of the speaker's own people ("Hamas denied that its fighters used
        // the school"). (Two offices of one government stay: "the Kyrgyz
        // president agreed with Kyrgyzstan's parliament"; so does police
        // fighting police.)
        let own_people = ev.target.as_ref().is_some_and(|t| t.text.starts_with("its ") || t.text.starts_with("their "));
        if (ev.event_type == "make_statement" || (family(&ev.event_type) == "other" && own_people))
            && ev.source.is_some()
            && ev.source.as_ref().map(|a| &a.name) == ev.target.as_ref().map(|a| &a.name)
        {
            ev.target = None;
        }
        default_actors(ev, country.as_deref(), &names);
        ev.plover = codebook::plover_category(&ev.event_type).map(Cow::Borrowed);
        if ev.location.is_none() {
            // Nothing named: the home area of a group the event involves
            // (the victims' first: raids happen where they live), else the
            // capital of the country the event concerns, at province or
            // country precision (ACLED's convention for unknown places).
            let home = [ev.target.as_ref(), ev.source.as_ref()]
                .into_iter()
                .flatten()
                .chain(&based)
                .find_map(|a| location::actor_home(gaz, a, country.as_deref()));
            if let Some(place) = home.or_else(|| country.as_deref().and_then(|c| gaz.capital(c))) {
                ev.location = Some(EventLocation { place, text: None, start: None, end: None, geo_precision: 3 });
            }
        } else if let Some(loc) = ev.location.as_mut().filter(|l| l.place.kind == PlaceKind::Country) {
            // Only the country is named ("Tunisia extended the state of
            // emergency"): ACLED places such events at the capital, at
            // country precision; the mention's span stays.
            // A part of it ("northern Kenya", "the south of Nigeria") is a
            // division in that part, at region precision.
            let part = loc.start.and_then(|s| location::compass_before(input, s)).and_then(|(toward, from)| {
                loc.place.country.as_deref().and_then(|c| gaz.division_toward(c, toward)).map(|d| (d, from))
            });
            if let Some((division, from)) = part {
                loc.place = division;
                loc.geo_precision = 3;
                loc.start = Some(from);
                loc.text = loc.end.and_then(|e| input.get(from..e)).map(str::to_string);
            } else if let Some(cap) = loc.place.country.as_deref().and_then(|c| gaz.capital(c)) {
                loc.place = cap;
                loc.geo_precision = 3;
            }
        }
    }
    events
}

/// The aside around token `k` of the sentence `s..e`: a relative clause
/// set off by a comma ("…, which launched its invasion in February 2022,
/// …"), from its relative pronoun to the next comma or the sentence end.
fn aside_around(input: &str, toks: &[Token], (s, e): (usize, usize), k: usize) -> Option<(usize, usize)> {
    let comma_before = |p: usize| {
        input.get(toks[p - 1].input_end as usize..toks[p].input_start as usize).is_some_and(|g| g.contains(','))
    };
    let mut start = None;
    for p in (s + 1..=k.min(e.saturating_sub(1))).rev() {
        if comma_before(p) {
            if toks[p].folded_in(&const { word_hashes(["which", "who", "whose"]) }) {
                start = Some(p);
            }
            break;
        }
    }
    let start = start?;
    let end = (k + 1..e).find(|&q| comma_before(q)).unwrap_or(e);
    Some((start, end))
}

/// Words that introduce the event another one answers.
const ANSWERS: [u64; 4] = word_hashes(["response", "retaliation", "revenge", "reprisal"]);

/// Where "in response to", "in retaliation for" … starts within the four
/// tokens before the trigger at `ts` (the trigger names the answered event).
fn answer_at(toks: &[Token], s: usize, ts: usize) -> Option<usize> {
    (ts.saturating_sub(4).max(s)..ts).find(|&k| toks[k].folded_in(&ANSWERS))
}

/// Where a phrase that introduces an answered event starts after the
/// trigger at `ts`, in a sentence ending at `e`: the "in" of "…, in
/// response to an Israeli drone strike".
fn answer_after(toks: &[Token], ts: usize, e: usize) -> Option<usize> {
    (ts + 1..e).find(|&k| toks[k].folded_in(&ANSWERS)).map(|k| {
        if toks[k - 1].folded_is("in") || toks[k - 1].folded_is("as") {
            k - 1
        } else {
            k
        }
    })
}

/// Whether an event noun ending at token `end` (before the sentence end `e`)
/// is the subject of a characterisation, which tells of a kind of event and
/// not of one: "Kidnappings for ransom have become rampant", "Such attacks
/// are common in the region".
fn characterised(toks: &[Token], end: usize, e: usize) -> bool {
    const STATE: [u64; 8] =
        word_hashes(["common", "rampant", "frequent", "rife", "widespread", "commonplace", "routine", "rare"]);
    (end..(end + 4).min(e)).any(|k| {
        let next = |w: &str| toks.get(k + 1).is_some_and(|t| t.folded_is(w));
        ((toks[k].folded_is("have") || toks[k].folded_is("has")) && next("become"))
            || (toks[k].folded_in(&const { word_hashes(["are", "is", "remain", "remains"]) })
                && toks.get(k + 1).is_some_and(|t| t.folded_in(&STATE)))
    })
}

/// Whether the trigger at token `ts` is a perfect whose subject is a whole
/// conflict ("The war … has killed", "the insurgency has claimed"), or a
/// conflict that a perfect passive's toll is put down to ("700,000 people
/// have been displaced by gang violence").
fn running_toll(toks: &[Token], s: usize, ts: usize) -> bool {
    const CONFLICT: [u64; 5] = word_hashes(["war", "conflict", "insurgency", "crisis", "unrest"]);
    // "the war", "the civil war", "the Ukraine war".
    let the = |k: usize| (k.saturating_sub(2).max(s)..k).any(|p| toks[p].folded_is("the"));
    let active = ts > s + 1
        && (toks[ts - 1].folded_is("has") || toks[ts - 1].folded_is("have"))
        && toks[ts].folded_in(&const { word_hashes(["killed", "claimed", "left", "displaced"]) })
        && (s + 1..ts - 1).any(|k| the(k) && toks[k].folded_in(&CONFLICT));
    // The passive: "About 700,000 people have been displaced by gang
    // violence", "… have been killed in the war" (but "one person has
    // been killed in fighting between …" is one battle's toll).
    let agent = |words: &[u64]| {
        toks[ts].folded_in(words)
            && (ts.saturating_sub(3).max(s)..ts).any(|k| toks[k].folded_is("by") || toks[k].folded_is("in"))
    };
    let perfect_passive = |verbs: &[u64]| {
        (s + 1..ts).any(|k| {
            (toks[k - 1].folded_is("have") || toks[k - 1].folded_is("has"))
                && toks[k].folded_is("been")
                && toks.get(k + 1).is_some_and(|t| t.folded_in(verbs))
        })
    };
    let displaced = perfect_passive(&const { word_hashes(["displaced", "uprooted"]) })
        && agent(&const { word_hashes(["violence", "fighting", "war", "conflict"]) });
    let killed = perfect_passive(&const { word_hashes(["killed"]) }) && agent(&CONFLICT) && the(ts);
    active || displaced || killed
}

/// Nouns for bodies of people that an event noun may modify ("aid
/// workers", "protest organisers").
const BODIES: [u64; 14] = word_hashes([
    "workers",
    "worker",
    "agencies",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "officials",
    "leaders",
    "groups",
    "charity",
    "charities",
    "organisers",
    "organizers",
]);

/// The tokens of an actor's name in which no place locates an event. A town
/// or district before a group says where it is, so it stays outside:
/// "Mombasa residents protested" happened in Mombasa. A country ("US
/// forces") and a government's seat ("the Khartoum government") do not.
fn location_blind_span(a: &FoundActor, topo: &Toponyms) -> (usize, usize) {
    let state = a.actor.kind.as_deref() == Some("government");
    let home = topo.mention_starting_at(a.tok_start).map(|k| (k, topo.token_spans[k].1));
    match home {
        Some((k, me)) if !state && me < a.tok_end && topo.mentions[k].place.kind != PlaceKind::Country => {
            (me, a.tok_end)
        }
        _ => (a.tok_start, a.tok_end),
    }
}

/// "came under attack by", "was attacked by": the subject is the target.
fn passive(toks: &[Token], (ts, te): (usize, usize), e: usize) -> bool {
    let by = (te..(te + 3).min(e)).any(|k| toks[k].folded_is("by"));
    let under = ts > 0 && toks[ts - 1].folded_is("under");
    let was =
        ts > 0 && (toks[ts - 1].folded_is("was") || toks[ts - 1].folded_is("were") || toks[ts - 1].folded_is("been"));
    by && (under || was)
}

/// "… attacks will continue", "strikes would follow": intent right after the
/// trigger. Only the next word counts: in "protested against plans to
/// build" or "protest MPs' plan to" the intent belongs to someone else.
fn next_is_intent(toks: &[Token], te: usize, e: usize) -> bool {
    let lex = &*EVENT_LEXICON;
    te < e && lex.cues.word(&toks[te]).is_some_and(|c| c & cue::INTENT != 0)
}

fn trigger_of(input: &str, toks: &[Token], ts: usize, te: usize) -> Trigger {
    let (a, b) = (toks[ts].input_start as usize, toks[te - 1].input_end as usize);
    Trigger { text: input[a..b].to_string(), start: a, end: b }
}

/// Verbs of violence whose object is a victim: "Gunmen killed two people".
const VIOLENT_VERBS: &[u64] = &word_hashes([
    "killed",
    "kill",
    "kills",
    "killing",
    "shot",
    "shoots",
    "wounded",
    "injured",
    "attacked",
    "attack",
    "attacks",
    "abducted",
    "kidnapped",
    "ambushed",
    "murdered",
    "stabbed",
    "lynched",
    "beat",
    "assaulted",
]);

/// Source and target among a sentence's actors for the trigger at `ts..te`:
/// "X carried out strikes against Y", "Y came under attack by X", "strikes
/// by X on Y". Media never act in material events (they report them).
fn roles(
    actors: &[FoundActor],
    toks: &[Token],
    (ts, te): (usize, usize),
    material: bool,
) -> (Option<usize>, Option<usize>) {
    let usable = |a: &FoundActor| !(material && a.is_media());
    // A passive without its agent: "Two police officers were shot dead",
    // "a chief was killed": the subject is the target.
    let aux = |k: usize| {
        toks[k].folded_in(&const { word_hashes(["was", "were", "been", "being", "is", "are", "got", "get"]) })
    };
    let adverb =
        |k: usize| toks[k].folded_in(&const { word_hashes(["reportedly", "allegedly", "later", "also", "fatally"]) });
    // "By" after another participle names that participle's agent, not
    // the trigger's: "jets destroyed depots used by PKK fighters", "shelled
    // positions held by the rebels".
    const PARTICIPLES: &[u64] = &word_hashes([
        "used",
        "backed",
        "supported",
        "funded",
        "financed",
        "owned",
        "run",
        "held",
        "controlled",
        "led",
        "operated",
        "built",
        "manned",
        "sponsored",
        "armed",
        "trained",
        "inspired",
        "occupied",
        "guarded",
    ]);
    let by = (te..(te + 6).min(toks.len()))
        .find(|&k| toks[k].folded_is("by"))
        .filter(|&k| k == te || !toks[k - 1].folded_in(PARTICIPLES));
    let passive_subject =
        material && ts > 0 && (aux(ts - 1) || (ts > 1 && adverb(ts - 1) && aux(ts - 2))) && by.is_none();
    if passive_subject {
        let subject = actors.iter().rposition(|a| usable(a) && a.tok_end <= ts);
        return (None, subject);
    }
    let by_actor = by.and_then(|b| actors.iter().position(|a| usable(a) && a.tok_start > b && a.tok_start <= b + 2));
    // The trigger names the armed agent itself: "Israeli warplanes struck
    // Rafah", "Russian drones hit Odesa" ("warplanes" is the trigger and,
    // with its nationality, the actor).
    let wielder = actors.iter().position(|a| {
        material
            && a.tok_start <= ts
            && te <= a.tok_end
            && matches!(a.actor.kind.as_deref(), Some("military" | "armed_group" | "rebel_group" | "police"))
    });
    if let (Some(w), None) = (wielder, by_actor) {
        let target = actors.iter().position(|a| usable(a) && a.tok_start >= actors[w].tok_end && !a.reports);
        return (Some(w), target);
    }
    let before = actors.iter().rposition(|a| usable(a) && a.tok_end <= ts);
    // A possessor inside an apposition describes the subject before it:
    // "JNIM, al Qaeda’s affiliate in the Sahel, claimed …" is JNIM's claim.
    let before = before.map(|b| {
        let possessor = toks[actors[b].tok_end - 1].has(shape::POSSESSIVE);
        // (Right before the apposition, across its comma.)
        let subject = actors[..b].iter().rposition(|a| usable(a) && a.tok_end <= actors[b].tok_start);
        match subject {
            Some(j)
                if possessor
                    && actors[j].tok_end == actors[b].tok_start
                    && !toks[actors[b].tok_start].has(shape::JOINED) =>
            {
                j
            }
            _ => b,
        }
    });
    // The subject of a death or an injury is a victim, whatever the trigger
    // ("A policeman died of wounds sustained in an attack", "two rangers
    // were shot dead … in the attack").
    let victim = |a: &FoundActor| {
        let word = |k: usize, ws: &[u64]| k < toks.len() && toks[k].folded_in(ws);
        let k = a.tok_end;
        word(k, &const { word_hashes(["died", "dies", "succumbed", "sustained"]) })
            || (k < toks.len()
                && aux(k)
                && (word(
                    k + 1,
                    &const { word_hashes(["killed", "injured", "wounded", "shot", "hurt", "murdered", "lynched"]) },
                ) || (adverb(k + 1)
                    && word(
                        k + 2,
                        &const { word_hashes(["killed", "injured", "wounded", "shot", "hurt", "murdered"]) },
                    ))))
    };
    if material && by_actor.is_none() {
        if let Some(b) = before.filter(|&b| victim(&actors[b])) {
            return (None, Some(b));
        }
    }
    let after = actors.iter().position(|a| {
        usable(a) && a.tok_start >= te && Some(a.tok_start) != by_actor.map(|i| actors[i].tok_start) && !a.reports
    });
    // After an agent, a group joined by "with" or "to" describes the agent
    // ("attacked by armed men, assumed to be involved with al Shabaab",
    // "gunmen linked to the ADF"); it is not the target.
    let attribution = |i: usize| {
        let k = actors[i].tok_start;
        k > 0 && (toks[k - 1].folded_is("with") || toks[k - 1].folded_is("to"))
    };
    // "Gunmen killed two people in an ambush": the nearest actor before a
    // nominal trigger is the object of an active verb of violence, and the
    // actor before that verb its subject.
    let object_of_verb = before.filter(|_| material).and_then(|b| {
        let subject = actors[..b].iter().rposition(|a| usable(a) && a.tok_end < actors[b].tok_start)?;
        let (from, to) = (actors[subject].tok_end, actors[b].tok_start);
        let verb = (from..to).find(|&k| toks[k].folded_in(VIOLENT_VERBS))?;
        (to - from <= 6 && !aux(verb - 1)).then_some((subject, b))
    });
    if let (Some((subject, object)), None) = (object_of_verb, by_actor) {
        return (Some(subject), Some(object));
    }
    match by_actor {
        Some(b) => (Some(b), before.or(after.filter(|&a| !attribution(a)))),
        None => {
            let target = after.filter(|&t| Some(t) != before);
            (before, target)
        }
    }
}

/// The government of a country named as the object of a verbal event, not
/// as a place in it: "rejected an offer from Afghanistan", "agreed to US
/// mediation", "cut contact with the United States"; not "talks in Egypt".
fn country_object<'g>(
    toks: &[Token],
    (te, e): (usize, usize),
    topo: &Toponyms,
    names: &dyn Fn(&str) -> Option<&'g str>,
) -> Option<Actor> {
    let k = topo.mentions_in(te, e).into_iter().find(|&k| {
        let (ms, me) = topo.token_spans[k];
        ms >= te && me <= e && ms - te <= 6 && topo.mentions[k].place.kind == PlaceKind::Country
    })?;
    let ms = topo.token_spans[k].0;
    if ms > 0 && toks[ms - 1].folded_in(&const { word_hashes(["in", "inside", "across", "throughout", "at", "near"]) })
    {
        return None;
    }
    let m = &topo.mentions[k];
    let c = m.place.country.as_deref()?;
    Some(Actor {
        text: m.text.clone(),
        name: format!("Government of {}", names(c).unwrap_or(c)),
        country: Some(c.to_string()),
        kind: Some("government".into()),
    })
}

/// A target named by a noun phrase rather than an actor: "a US-run
/// facility", "the Ain al-Asad Air Base".
fn object_target(input: &str, toks: &[Token], te: usize, e: usize, topo: &Toponyms) -> Option<Actor> {
    let head = (te..(te + 10).min(e)).find(|&k| {
        let w = &input[toks[k].input_start as usize..toks[k].input_end as usize];
        is_target_noun(&w.to_lowercase())
    })?;
    let mut start = head;
    while start > te && toks[start].has(shape::JOINED) {
        let w = input[toks[start - 1].input_start as usize..toks[start - 1].input_end as usize].to_lowercase();
        if matches!(
            w.as_str(),
            "the"
                | "a"
                | "an"
                | "into"
                | "on"
                | "at"
                | "against"
                | "in"
                | "targeted"
                | "targeting"
                | "hit"
                | "struck"
                | "of"
                | "and"
                | "slammed"
        ) {
            break;
        }
        start -= 1;
    }
    let text = input[toks[start].input_start as usize..toks[head].input_end as usize].to_string();
    let country = topo
        .token_spans
        .iter()
        .position(|&(ms, me)| ms >= start && me <= head + 1)
        .and_then(|k| topo.mentions[k].place.country.as_deref().map(str::to_string))
        .or_else(|| {
            topo.demonym_spans
                .iter()
                .position(|&(ds, de)| ds >= start && de <= head + 1)
                .map(|k| topo.demonyms[k].country.clone())
        });
    Some(Actor { name: text.clone(), text, country, kind: Some("facility".into()) })
}

fn event_location(topo: &Toponyms, k: usize, fallback: bool) -> EventLocation {
    mention_location(&topo.mentions[k], fallback)
}

/// The event location a mention names; a `fallback` (a place not tied to
/// the trigger) is at geo_precision 2 at best.
fn mention_location(m: &crate::toponyms::Mention, fallback: bool) -> EventLocation {
    let mut precision = m.place.kind.geo_precision();
    // A third-level division (a Kenyan ward) sits at its parent's point.
    if fallback || m.place.feature_code.as_deref() == Some("ADM3") {
        precision = precision.max(2);
    }
    EventLocation {
        place: m.place.clone(),
        text: Some(m.text.clone()),
        start: Some(m.start),
        end: Some(m.end),
        geo_precision: precision,
    }
}

/// Locations of a material event: its sentence's places, else the nearest
/// earlier sentence of the paragraph with places, else the event it repeats,
/// else the document's main place (`doc_location`, asked only then). `clip`
/// ends the trigger's sentence early: where the event it answers is told.
#[allow(clippy::too_many_arguments)]
fn locations_for(
    toks: &[Token],
    tags: &lexicon::TokenTags,
    sentences: &[Sentence],
    (si, clip): (usize, Option<usize>),
    ts: usize,
    topo: &Toponyms,
    actor_spans: &[(usize, usize)],
    earlier: Option<&Event>,
    doc_location: impl FnOnce() -> Option<usize>,
) -> Vec<EventLocation> {
    let (s, e) = sentences[si].toks;
    let e = clip.map_or(e, |c| c.min(e));
    let here = location::sentence_locations(toks, tags, (s, e), ts, topo, actor_spans).main_first(toks, topo, s, ts);
    if !here.rows.is_empty() {
        return here.rows.into_iter().map(|k| event_location(topo, k, here.approximate)).collect();
    }
    if let Some(loc) = institution_location(topo, sentences[si].toks) {
        return vec![loc];
    }
    if let Some(ev) = earlier.and_then(|ev| ev.location.clone()) {
        return vec![ev];
    }
    let para = sentences[si].paragraph;
    let earlier_sentences = if changes_topic(toks, s) { 0 } else { si };
    for sj in (0..earlier_sentences).rev() {
        // Within the paragraph; and the sentence right before, across a
        // line break: wire copy puts each sentence on a line of its own.
        if sentences[sj].paragraph != para && sj + 1 < si {
            break;
        }
        let (s, e) = sentences[sj].toks;
        // (As if the event opened the sentence: no reporting verb before
        // it cuts the places off.)
        let there = location::sentence_locations(toks, tags, (s, e), s, topo, &[]).rows;
        // The most specific of them: "… ROHR Zimbabwe … in Harare." then
        // "Police attacked the demonstrators" happened in Harare.
        if let Some(&k) = there.iter().min_by_key(|&&k| topo.mentions[k].place.kind.geo_precision()) {
            return vec![event_location(topo, k, true)];
        }
    }
    doc_location().map(|k| vec![event_location(topo, k, true)]).unwrap_or_default()
}

/// Whether the document opens with a headline: a first line of at most
/// twenty words with no closing punctuation, and a story below it.
fn is_headline(input: &str, sentences: &[Sentence]) -> bool {
    let [first, second, ..] = sentences else { return false };
    let line = &input[first.span.0..first.span.1];
    first.toks.1 - first.toks.0 <= 20
        && !line.ends_with(['.', '!', '?', '"', '\u{201D}', ':'])
        && input[first.span.1..second.span.0].contains('\n')
}

/// Whether the sentence starting at token `s` moves the story on
/// ("Meanwhile, …", "Separately, …", "In neighbouring Mali, …"): the actors
/// and places of the sentences before are not its own.
fn changes_topic(toks: &[Token], s: usize) -> bool {
    EVENT_LEXICON.cues.longest_at(toks, s).is_some_and(|(_, c)| c & cue::SHIFT != 0)
}

/// The place of an institution the sentence names ("University of Nairobi
/// students", "Maseno University", "Khairpur Press Club"), for an event that
/// names no place of its own: the town the institution is in, at geo_precision
/// 2 at best. Countries and provinces in such names ("University of Zambia")
/// are left to the country fallback.
fn institution_location(topo: &Toponyms, (s, e): (usize, usize)) -> Option<EventLocation> {
    let k = topo.embedded_spans.iter().position(|&(ms, me)| ms >= s && me <= e)?;
    let m = &topo.embedded[k];
    if matches!(m.place.kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region) {
        return None;
    }
    Some(mention_location(m, true))
}

/// The country the document is about: its literal places, then metonyms and
/// nationalities, and the caller's country hint (which a literal place in
/// another country outweighs, but a foreign victim's nationality does not).
fn document_country(topo: &Toponyms, hint: Option<&str>) -> Option<String> {
    // A document names a handful of countries: a list searched in turn
    // costs less than a hash map built for every document.
    let mut w: Vec<(&str, f32)> = Vec::with_capacity(8);
    let mut add = |c, x: f32| match w.iter_mut().find(|e| e.0 == c) {
        Some(e) => e.1 += x,
        None => w.push((c, x)),
    };
    if let Some(h) = hint {
        add(h, 0.8);
    }
    for m in &topo.mentions {
        if let Some(c) = m.place.country.as_deref() {
            add(c, if m.literal { 1.0 } else { 0.3 });
        }
    }
    for d in &topo.demonyms {
        add(d.country.as_str(), 0.7);
    }
    for m in &topo.embedded {
        if let Some(c) = m.place.country.as_deref() {
            add(c, 0.5);
        }
    }
    for c in &topo.actor_countries {
        if let Ok(c) = std::str::from_utf8(c) {
            add(c, 0.4);
        }
    }
    // The names are distinct, so the order of the list does not matter.
    w.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(a.0))).map(|(c, _)| c.to_string())
}

// (`contains` below would set up a search for a gap of a few bytes.)
#[allow(clippy::manual_contains)]
fn split_sentences(input: &str, toks: &[Token]) -> Vec<Sentence> {
    let spans = sentence_spans(input);
    let mut out = Vec::with_capacity(spans.len());
    let mut ti = 0;
    let mut paragraph = 0;
    let mut prev_end = 0;
    for (ss, se) in spans {
        // (Between two sentences is white space, a few bytes.)
        if input.as_bytes()[prev_end..ss].iter().any(|&b| b == b'\n') {
            paragraph += 1;
        }
        prev_end = se;
        while ti < toks.len() && (toks[ti].input_start as usize) < ss {
            ti += 1;
        }
        let st = ti;
        // Four tokens a step while the fourth is still in the sentence
        // (the tokens are in order), then one at a time.
        while toks.get(ti + 3).is_some_and(|t| (t.input_end as usize) <= se) {
            ti += 4;
        }
        while ti < toks.len() && (toks[ti].input_end as usize) <= se {
            ti += 1;
        }
        out.push(Sentence { span: (ss, se), toks: (st, ti), paragraph });
    }
    out
}

/// What makes two rows one event: type, place id and date.
type RepeatKey = (String, Option<std::borrow::Cow<'static, str>>, Option<NaiveDate>);

/// Merges rows that report the same event: same type, place and date.
/// (In place, a later row into the first: an event is a large value to
/// move.)
fn merge_repeats(mut events: Vec<Event>) -> Vec<Event> {
    let mut seen: FxHashMap<RepeatKey, usize> = FxHashMap::default();
    let mut merged = vec![false; events.len()];
    for i in 0..events.len() {
        let ev = &events[i];
        let key = (ev.event_type.clone(), ev.location.as_ref().map(|l| l.place.id.clone()), ev.date);
        let mergeable = family(&ev.event_type) != "other";
        if let Some(first) = seen.get(&key).copied().filter(|_| mergeable) {
            let (before, from) = events.split_at_mut(i);
            let (prev, ev) = (&mut before[first], &mut from[0]);
            prev.source = prev.source.take().or(ev.source.take());
            prev.target = prev.target.take().or(ev.target.take());
            prev.killed = match (prev.killed, ev.killed) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            prev.wounded = match (prev.wounded, ev.wounded) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            prev.confidence = prev.confidence.max(ev.confidence);
            merged[i] = true;
            continue;
        }
        if mergeable {
            seen.insert(key, i);
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !merged[k - 1]
    });
    events
}
