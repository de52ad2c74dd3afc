//! ACLED codebook conventions applied after an event is found: sub-type
//! refinements that depend on who took part and how, and the actors a
//! summary implies when it names none ("Protesters (Kenya)", "Civilians",
//! "Unidentified Armed Group"), and each type's PLOVER category. The word
//! lists the rules test are curated data: `data/codebook_words.csv`.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::{family, Actor, Event};
use crate::toponyms::lexicon::rows;

static CODEBOOK_WORDS: &str = include_str!("../../data/codebook_words.csv");

/// The word lists of the codebook rules, from `data/codebook_words.csv`.
/// An entry is a stem ("burn" matches "burned"), a phrase ("tear gas"), or
/// a whole word marked with a final `$` ("detain$" is not "detainees").
struct WordLists {
    /// Aircraft that strike from the air.
    aircraft: Vec<String>,
    /// People who can be captured, as opposed to places.
    captives: Vec<String>,
    /// What is found, seized or made safe in a disrupted weapons use.
    arms_found: Vec<String>,
    /// Weapons and munitions ("gun", "guns" and "arms" are matched as whole
    /// words in the code: as stems they would match "gunmen", "Armstrong").
    arms: Vec<String>,
    /// What rioters do: a protest with any of these is a violent
    /// demonstration.
    rioting: Vec<String>,
    /// Words that say only that something was violent ("turned violent",
    /// "beat", "storming"). When the text also says how the crowd was
    /// dispersed they more often describe the police's side: "the
    /// demonstration turned violent as police dispersed the teachers".
    violence: Vec<String>,
    /// How the police, or anyone, can act on a crowd short of lethal force:
    /// ACLED's protest with intervention ("Police dispersed the protesters",
    /// "fired tear gas", "detained several activists").
    force_on_crowd: Vec<String>,
    /// Force that kills or maims: ACLED's excessive force against
    /// protesters ("opened fire on protesters", "live bullets").
    firearms: Vec<String>,
    /// Harm that makes a dispersal excessive force: "police violently
    /// dispersed", "beat them with clubs", "killing one protester". Alone
    /// these are too often the protest's cause ("a villager killed by drug
    /// peddlers").
    harsh_force: Vec<String>,
    /// Words that make a following act the protest's cause, not the
    /// response to it: "protesting police killings", "demanding the release
    /// of detained activists", "justice for a student killed by a police
    /// officer".
    grievance: Vec<String>,
    /// Poison gas, which makes any strike or attack a chemical weapon
    /// attack.
    poison_gas: Vec<String>,
    /// Crowds that punish someone themselves: mob violence ("lynched",
    /// "vigilantes", "irate residents").
    mob: Vec<String>,
    /// Communal and armed fighters: their clashes are battles, not riots
    /// ("clan militia", "pastoralists", "bandits").
    communal: Vec<String>,
    /// Unarmed groups whose fights are riots ("supporters", "students").
    crowd_people: Vec<String>,
    /// Words of an air strike: without one, a "strike" or "bombing" was on
    /// the ground.
    air: Vec<String>,
    /// Missiles and artillery: a strike without aircraft that names one is
    /// shelling.
    missiles: Vec<String>,
    /// Explosives: a strike without aircraft that names one is a remote
    /// explosive.
    explosives: Vec<String>,
    /// Words that two sides fought, which make an attack on a people a
    /// battle.
    fighting: Vec<String>,
    /// People held: a raid in which they were is an arrest.
    detention: Vec<String>,
    /// A crowd in sight: stones thrown without one are an attack, not a
    /// riot.
    protest_words: Vec<String>,
    /// Words of a demonstration: a riot with none of them that harms
    /// someone is mob violence.
    demonstrating: Vec<String>,
    /// A crowd harming someone: with no demonstration in sight, mob
    /// violence ("rioters attacked two prison warders").
    harming: Vec<String>,
}

static WORDS: Lazy<WordLists> = Lazy::new(|| {
    let mut lists: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for r in rows(CODEBOOK_WORDS) {
        if let (Some(word), Some(list)) = (r.get(0), r.get(1)) {
            lists.entry(list.to_string()).or_default().push(word.to_string());
        }
    }
    let mut take = |name: &str| lists.remove(name).unwrap_or_default();
    WordLists {
        aircraft: take("aircraft"),
        captives: take("captives"),
        arms_found: take("arms_found"),
        arms: take("arms"),
        rioting: take("rioting"),
        violence: take("violence"),
        force_on_crowd: take("force_on_crowd"),
        firearms: take("firearms"),
        harsh_force: take("harsh_force"),
        grievance: take("grievance"),
        poison_gas: take("poison_gas"),
        mob: take("mob"),
        communal: take("communal"),
        crowd_people: take("crowd_people"),
        air: take("air"),
        missiles: take("missiles"),
        explosives: take("explosives"),
        fighting: take("fighting"),
        detention: take("detention"),
        protest_words: take("protest_words"),
        demonstrating: take("demonstrating"),
        harming: take("harming"),
    }
});

/// ACLED codebook refinements of one event from its sentence and who took
/// part: arms found or seized are disrupted weapons use; a clash between
/// unarmed crowds is a riot; poison gas makes a chemical weapon attack,
/// aircraft an air strike, and a "bombing" with no aircraft a remote
/// explosive; who took ground names the territorial change; people
/// captured are arrested or abducted. (A protest's sub-type needs the next
/// sentence too: [`protest_subtype`].)
pub(super) fn refine_type(ev: &mut Event, input: &str, kinds: &[&str]) {
    let wording = Wording::new(input.get(ev.sentence.start..ev.sentence.end).unwrap_or(""));
    let has = |stems: &[&str]| wording.has(stems);
    let kind = |a: &Option<Actor>| a.as_ref().and_then(|a| a.kind.clone()).unwrap_or_default();
    let (sk, tk) = (kind(&ev.source), kind(&ev.target));
    // Ethnic and communal militias count as armed (ACLED codes their
    // fights as battles); crowds, parties and supporters do not.
    let armed = |k: &str| matches!(k, "military" | "police" | "armed_group" | "rebel_group" | "ethnic_group");
    let crowd = |k: &str| matches!(k, "civilians" | "protesters" | "rioters" | "political_party" | "unknown");
    let police = sk == "police" || tk == "police" || has(&["police"]);
    let state = kinds.iter().any(|k| matches!(*k, "military" | "police"));
    let non_state = kinds.iter().any(|k| matches!(*k, "armed_group" | "rebel_group" | "ethnic_group"));
    // Crowds that punish someone themselves: mobs, vigilantes, irate
    // residents beating a suspect to death.
    // "mob" as a word: "mobile phone company" is none.
    let mob_word = (0..wording.words.len()).any(|k| matches!(wording.word(k), "mob" | "mobs"));
    let mob = sk == "rioters" || mob_word || wording.has(&WORDS.mob);
    // Arms found, seized or made safe hurt no one: disrupted weapons use,
    // whatever word named the event ("Police seize explosives from
    // suspects", "a bomb disposal squad defused an IED", "guns seized in a
    // raid", "234 pistols were captured"). Not when an armed group takes
    // them: "gunmen raided the post and seized rifles" is its attack.
    let trigger = input.get(ev.trigger.start..ev.trigger.end).unwrap_or("").to_lowercase();
    let named_by_arms = || Wording::new(&trigger).has(&WORDS.arms) || trigger.starts_with("raid");
    let armed_taker = matches!(sk.as_str(), "armed_group" | "rebel_group" | "ethnic_group");
    // The cheap tests first: this runs for every material event.
    let disarmed = ev.killed.is_none()
        && ev.wounded.is_none()
        && match ev.event_type.as_str() {
            "looting_property_destruction" | "remote_explosive_landmine_ied" | "grenade" => true,
            "attack" | "shelling_artillery_missile_attack" | "excessive_force_against_protesters" => {
                !armed_taker && named_by_arms()
            }
            // What was captured are the arms: "captured 234 pistols", not
            // "captured five villages near … a chemical weapons attack".
            "non_state_actor_overtakes_territory" | "government_regains_territory" | "arrests" => {
                trigger.starts_with("captur") && !armed_taker && captured_arms(&wording, input, ev)
            }
            _ => false,
        }
        && wording.has(&WORDS.arms_found)
        && (wording.has(&WORDS.arms) || wording.has_word(&["gun", "guns", "arms"]));
    if disarmed {
        ev.event_type = "disrupted_weapons_use".to_string();
        ev.cameo = Some("190".to_string());
        return;
    }
    let (t, cameo): (&str, &str) = match ev.event_type.as_str() {
        // A crowd fighting police, or another crowd, is a riot: "police
        // clash with matatu operators".
        "armed_clash"
            if (!armed(&sk) || (sk == "police" && tk != "police"))
                && (!armed(&tk) || (tk == "police" && sk != "police"))
                && !non_state
                // Clans, tribes and pastoralist communities fighting are
                // communal militias to ACLED, not rioters.
                && !wording.has(&WORDS.communal)
                && (crowd(&sk) || crowd(&tk) || mob_word || wording.has(&WORDS.crowd_people)) =>
        {
            if police {
                ("violent_demonstration", "145")
            } else {
                ("mob_violence", "145")
            }
        }
        // Poison gas turns any strike or attack into a chemical weapon
        // attack ("rebels fired shells stuffed with poisonous gas").
        "air_drone_strike"
        | "shelling_artillery_missile_attack"
        | "remote_explosive_landmine_ied"
        | "attack"
        | "armed_clash"
            if wording.has(&WORDS.poison_gas) =>
        {
            ("chemical_weapon", "2041")
        }
        // Missiles fired, or targets destroyed, by aircraft are an air
        // strike: "Saudi jets fired missiles at a drilling machine",
        // "Turkish jets destroyed weapon depots", "raids by the army's
        // choppers". Not when the aircraft is the target ("shot down a
        // drone").
        "shelling_artillery_missile_attack" | "looting_property_destruction" | "armed_clash" | "attack"
            if !matches!(sk.as_str(), "armed_group" | "rebel_group" | "ethnic_group" | "rioters" | "protesters")
                && WORDS.aircraft.iter().any(|st| {
                    wording.occurrences(st).any(|k| {
                        !(k.saturating_sub(2)..k)
                            .any(|p| matches!(wording.word(p), "down" | "downed" | "anti" | "intercepted"))
                    })
                }) =>
        {
            ("air_drone_strike", "195")
        }
        // Bombs dropped from the air: "The jet dropped two bombs on the
        // village", "a drone dropped explosives on the checkpoint".
        "remote_explosive_landmine_ied" if wording.has(&["drop"]) && wording.has(&WORDS.aircraft) => {
            ("air_drone_strike", "195")
        }
        "air_drone_strike" if !wording.has(&WORDS.air) => {
            if wording.has(&WORDS.missiles) {
                ("shelling_artillery_missile_attack", "194")
            } else if wording.has(&WORDS.explosives) {
                ("remote_explosive_landmine_ied", "183")
            } else if !state && (sk == "armed_group" || sk == "ethnic_group" || sk == "rebel_group" || sk.is_empty()) {
                // "Raiders struck two homes": no aircraft and no state
                // force, so a ground attack (a battle if the target fights).
                if armed(&tk) {
                    ("armed_clash", "190")
                } else {
                    ("attack", "190")
                }
            } else {
                return;
            }
        }
        // Fighting between armed sides is a battle: an armed source and an
        // armed target, state forces against a non-state group, or an
        // attack on police or soldiers by anyone but a crowd. A people
        // attacked in its villages is a civilian target unless the words
        // say the two sides fought ("Pokomo attack Orma village").
        "attack"
            if (armed(&sk) && (armed(&tk) && (tk != "ethnic_group" || wording.has(&WORDS.fighting))))
                || (state && non_state && !has(&["civilian"]))
                || (matches!(tk.as_str(), "police" | "military") && !crowd(&sk) && sk != "rioters" && !mob) =>
        {
            ("armed_clash", "190")
        }
        "attack" | "looting_property_destruction" if mob => ("mob_violence", "145"),
        // A raid whose people were arrested is an arrest ("detained 12
        // Palestinians in overnight raids"): ACLED codes what was done.
        "attack"
            if trigger.starts_with("raid")
                && ev.killed.is_none()
                && ev.wounded.is_none()
                && wording.has(&WORDS.detention) =>
        {
            ("arrests", "173")
        }
        // People captured are arrested by the state, abducted by anyone
        // else ("the army captured a senior commander").
        "non_state_actor_overtakes_territory" | "government_regains_territory"
            if trigger.starts_with("captur") && captured_people(&wording, input, ev) =>
        {
            if matches!(sk.as_str(), "military" | "police") {
                ("arrests", "173")
            } else {
                ("abduction_forced_disappearance", "181")
            }
        }
        // Territory taken by state forces is territory the government
        // regains (ACLED's view: the state is the territory's holder).
        // And territory a non-state group retakes is territory it
        // overtakes: "al-Shabab militants recaptured the village".
        // (Peacekeepers fighting for the government, such as AMISOM, too.)
        "non_state_actor_overtakes_territory" if matches!(sk.as_str(), "military" | "police" | "international") => {
            ("government_regains_territory", "192")
        }
        "government_regains_territory" if matches!(sk.as_str(), "armed_group" | "rebel_group" | "ethnic_group") => {
            ("non_state_actor_overtakes_territory", "192")
        }
        // A petrol bomb or stones thrown by gunmen or assailants, with no
        // crowd in sight, is an attack, not a demonstration.
        "violent_demonstration" if armed(&sk) && !mob && !wording.has(&WORDS.protest_words) => ("attack", "190"),
        _ => return,
    };
    ev.event_type = t.to_string();
    ev.cameo = Some(cameo.to_string());
}

/// Whether one of the three words right after a "captured" trigger names
/// people: "captured four fighters", "captured a senior commander"; not
/// "captured the town", "a rebel-held neighbourhood" or "New People's
/// Army camps".
fn captured_people(wording: &Wording, input: &str, ev: &Event) -> bool {
    let Some(after) = first_word_after_trigger(wording, input, ev) else { return false };
    let n = wording.words.len();
    (after..(after + 3).min(n)).any(|k| {
        WORDS.captives.iter().any(|c| c == wording.word(k))
            && !(k + 1 < n && matches!(wording.word(k + 1), "s" | "held" | "controlled" | "occupied" | "army"))
    })
}

/// Whether arms are what a "captured" trigger took: among the four words
/// after it ("captured 234 pistols", "captured a cache of weapons"), or in
/// a passive, its subject ("200 pistols and 17,000 bullets were captured").
fn captured_arms(wording: &Wording, input: &str, ev: &Event) -> bool {
    let after = first_word_after_trigger(wording, input, ev).unwrap_or(wording.words.len());
    // `after - 1` is the trigger itself.
    let trigger = after.saturating_sub(1);
    let passive = trigger > 0 && matches!(wording.word(trigger - 1), "was" | "were" | "been" | "being");
    let start = if passive { trigger.saturating_sub(8) } else { after };
    let words = start..(after + 4).min(wording.words.len());
    WORDS.arms.iter().any(|st| wording.occurrences(st).any(|k| words.contains(&k)))
        || words.clone().any(|k| matches!(wording.word(k), "gun" | "guns" | "arms"))
}

/// The index of the first word of `wording` (the event's sentence) after
/// its trigger.
fn first_word_after_trigger(wording: &Wording, input: &str, ev: &Event) -> Option<usize> {
    let offset = input.get(ev.sentence.start..ev.trigger.end).map_or(0, |p| p.to_lowercase().len());
    wording.words.iter().position(|w| w.0 >= offset)
}

/// The sub-type of a protest from what the crowd did and what was done to
/// it. Protesters who burn, loot or throw stones riot (a violent
/// demonstration); a protest the police broke up is a protest with
/// intervention; one met with lethal force is excessive force against
/// protesters. ACLED codes the response into the protest's own sub-type,
/// and a report often tells it in the next sentence ("Teachers protested
/// over pay. Police fired tear gas."), so `context` is the event's
/// sentence and the next.
pub(super) fn protest_subtype(ev: &mut Event, sentence: &str, context: &str) {
    if !matches!(ev.event_type.as_str(), "peaceful_protest" | "protest_with_intervention") {
        return;
    }
    let own = Wording::new(sentence);
    let wording = Wording::new(context);
    let force = wording.has_unprompted(&WORDS.force_on_crowd, &WORDS.grievance);
    // Shots "into the air" disperse a crowd; they are not fired at it.
    let firearms = WORDS.firearms.iter().any(|st| {
        wording.occurrences(st).any(|k| {
            !wording.prompted(k, &WORDS.grievance)
                && !(k + 1..(k + 5).min(wording.words.len())).any(|q| wording.word(q) == "air")
        })
    });
    // What the crowd did, not what it protested: "protested over garbage
    // dumping", "protest against police road blocks" name the cause; but
    // "protested and blocked the road", "protested against the results,
    // burning tyres" name the act.
    let rioted = WORDS.rioting.iter().any(|st| own.occurrences(st).any(|k| !own.names_cause(k)));
    let (t, cameo) = if rioted || (own.has(&WORDS.violence) && !force) {
        ("violent_demonstration", "145")
    } else if firearms || (force && wording.has_unprompted(&WORDS.harsh_force, &WORDS.grievance)) {
        ("excessive_force_against_protesters", "175")
    } else if force {
        ("protest_with_intervention", "175")
    } else {
        return;
    };
    ev.event_type = t.to_string();
    ev.cameo = Some(cameo.to_string());
}

/// A riot that harms someone with no demonstration in sight is mob
/// violence (ACLED: rioters acting outside a demonstration): "rioters
/// attacked two prison warders", "supporters beat an MP".
pub(super) fn riot_subtype(ev: &mut Event, sentence: &str) {
    if ev.event_type != "violent_demonstration" {
        return;
    }
    let w = Wording::new(sentence);
    if w.has(&WORDS.harming) && !w.has(&WORDS.demonstrating) {
        ev.event_type = "mob_violence".to_string();
        ev.cameo = Some("145".to_string());
    }
}

/// A stretch of text, lower-cased and split into words, for the stem and
/// phrase tests of the codebook rules.
struct Wording {
    text: String,
    /// Byte ranges of the words in `text`.
    words: Vec<(usize, usize)>,
    /// The words' indices grouped by first byte (`b % 64`), ascending
    /// within a group: a stem is compared only with the words that start
    /// like it. A codebook rule tests dozens of stems against every word of
    /// a sentence, and a whole sentence of wire copy has forty words.
    by_initial: Vec<u16>,
    /// Where each group starts in `by_initial` (group `g` is
    /// `by_initial[group_start[g]..group_start[g + 1]]`).
    group_start: [u16; 65],
}

impl Wording {
    fn new(text: &str) -> Wording {
        // Most news text is ASCII, where lower-casing and the word test are
        // byte operations; the char-by-char forms give the same results and
        // cost several times as much per byte.
        let ascii = text.is_ascii();
        // "Riot police" and "anti-riot" units say nothing about a riot.
        let mut text = if ascii { text.to_ascii_lowercase() } else { text.to_lowercase() };
        if text.contains("riot") {
            text = text.replace("anti-riot", "").replace("riot police", "police");
        }
        let mut words = Vec::new();
        if ascii {
            // Each word is a run of letters and digits: skip to its start,
            // then to its end.
            let b = text.as_bytes();
            let mut i = 0;
            loop {
                while i < b.len() && !b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                let s = i;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                words.push((s, i));
            }
        } else {
            let mut start = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                match (c.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        words.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        // (A counting sort: stable, so each group stays in text order.)
        words.truncate(u16::MAX as usize);
        let group = |&(s, _): &(usize, usize)| (text.as_bytes()[s] % 64) as usize;
        let mut group_start = [0u16; 65];
        for w in &words {
            group_start[group(w) + 1] += 1;
        }
        for g in 1..65 {
            group_start[g] += group_start[g - 1];
        }
        let mut next = group_start;
        let mut by_initial = vec![0u16; words.len()];
        for (k, w) in words.iter().enumerate() {
            let g = group(w);
            by_initial[next[g] as usize] = k as u16;
            next[g] += 1;
        }
        Wording { text, words, by_initial, group_start }
    }

    fn word(&self, k: usize) -> &str {
        &self.text[self.words[k].0..self.words[k].1]
    }

    /// The indices of the words where a stem or phrase occurs: a stem
    /// matches a word's start ("burn" matches "burned", "ied" does not
    /// match "carried"), a stem with a space or hyphen is a phrase
    /// ("running battle") matched at a word's start.
    fn occurrences<'a>(&'a self, stem: &'a str) -> impl Iterator<Item = usize> + 'a {
        // "detain$": the whole word only.
        let (stem, whole) = match stem.strip_suffix('$') {
            Some(w) => (w, true),
            None => (stem, false),
        };
        // (Bytes: a stem is short, and a search for either of two
        // characters costs more to set up than the loop.)
        let phrase = stem.bytes().any(|b| b == b' ' || b == b'-');
        let first = stem.as_bytes().first().copied();
        let group = first.map_or(0..0, |b| {
            let g = (b % 64) as usize;
            self.group_start[g] as usize..self.group_start[g + 1] as usize
        });
        let text = self.text.as_bytes();
        self.by_initial[group].iter().map(|&k| k as usize).filter(move |&k| {
            // Every kind of match starts with the stem's first byte: test
            // that before comparing strings (most words fail it).
            if Some(text[self.words[k].0]) != first {
                false
            } else if phrase {
                self.text[self.words[k].0..].starts_with(stem)
            } else if whole {
                self.word(k) == stem
            } else {
                self.word(k).starts_with(stem)
            }
        })
    }

    /// Whether one of `words` occurs as a whole word.
    fn has_word(&self, words: &[&str]) -> bool {
        (0..self.words.len()).any(|k| words.contains(&self.word(k)))
    }

    fn has<S: AsRef<str>>(&self, stems: &[S]) -> bool {
        stems.iter().any(|st| self.occurrences(st.as_ref()).next().is_some())
    }

    /// Whether a stem occurs with none of the `guard` words among the six
    /// words before it in its sentence (see [`Wording::prompted`]).
    fn has_unprompted(&self, stems: &[String], guard: &[String]) -> bool {
        stems.iter().any(|st| self.occurrences(st).any(|k| !self.prompted(k, guard)))
    }

    /// Whether word `k` is inside the complement of a grievance word
    /// ("protested over garbage dumping"): one comes within six words
    /// before it, with no punctuation and no word that starts a new clause
    /// or a means ("and", "by", "who") in between.
    fn names_cause(&self, k: usize) -> bool {
        for p in (k.saturating_sub(6)..k).rev() {
            if self.text[self.words[p].1..self.words[p + 1].0].contains([',', '.', ';', ':', '!', '?', '(']) {
                return false;
            }
            let w = self.word(p);
            // "The protest blocked the highway": the protest is the subject.
            if p + 1 == k && matches!(w, "protest" | "protests") {
                return false;
            }
            // "over 300 demonstrators burned tyres": a count, not a cause.
            let count = w == "over" && self.word(p + 1).starts_with(|c: char| c.is_ascii_digit());
            if WORDS.grievance.iter().any(|g| g == w) && !count {
                return true;
            }
            if matches!(
                w,
                "and"
                    | "by"
                    | "who"
                    | "which"
                    | "then"
                    | "while"
                    | "before"
                    | "when"
                    | "as"
                    | "become"
                    | "became"
                    | "turned"
                    | "leads"
                    | "led"
                    | "degenerated"
            ) {
                return false;
            }
        }
        false
    }

    /// Whether one of the `guard` words is among the six words before
    /// word `k` in its sentence.
    fn prompted(&self, k: usize, guard: &[String]) -> bool {
        let sentence_start = (k.saturating_sub(6)..k)
            .rev()
            .find(|&p| self.text[self.words[p].1..self.words[p + 1].0].contains(['.', ';', ':', '!', '?']))
            .map_or(k.saturating_sub(6), |p| p + 1);
        (sentence_start..k).any(|p| guard.iter().any(|g| g == self.word(p)))
    }
}

/// ACLED's conventions for actors a note implies: protests are by
/// protesters, riots by rioters, violence against civilians targets
/// civilians, and an unnamed perpetrator is an unidentified armed group.
pub(super) fn default_actors<'g>(ev: &mut Event, country: Option<&str>, names: &dyn Fn(&str) -> Option<&'g str>) {
    let fam = family(&ev.event_type);
    let label = |base: &str| match country {
        Some(c) => format!("{base} ({})", names(c).unwrap_or(c)),
        None => base.to_string(),
    };
    let make = |base: &str, kind: &str, text: String| Actor {
        text,
        name: label(base),
        country: country.map(str::to_string),
        kind: Some(kind.to_string()),
    };
    match fam {
        "protests" | "riots" => {
            let (base, kind) = if fam == "protests" { ("Protesters", "protesters") } else { ("Rioters", "rioters") };
            // Police who break up, arrest or tear-gas a crowd act on the
            // protesters, who remain the protest's actor: "police arrested 12
            // protesters" is Protesters vs the police, and "police fired tear
            // gas at traders" the traders vs the police. (Force used on them
            // keeps the force as the actor, as ACLED codes excessive force.)
            let force = |a: &Option<Actor>| {
                a.as_ref().is_some_and(|a| matches!(a.kind.as_deref(), Some("police" | "military")))
            };
            if force(&ev.source) && !force(&ev.target) && ev.event_type != "excessive_force_against_protesters" {
                std::mem::swap(&mut ev.source, &mut ev.target);
            }
            match &ev.source {
                Some(a) if a.kind.as_deref() == Some(kind) => {}
                // A named group protesting is "Protesters (X)" associated
                // with that group; the surface keeps the group's words.
                Some(a) => {
                    let mut p = make(base, kind, a.text.clone());
                    p.name = format!("{}: {}", p.name, a.name);
                    ev.source = Some(p);
                }
                None => ev.source = Some(make(base, kind, String::new())),
            }
        }
        "violence" => {
            if ev.target.is_none() {
                ev.target = Some(make("Civilians", "civilians", String::new()));
            }
            if ev.source.is_none() {
                ev.source = Some(make("Unidentified Armed Group", "armed_group", String::new()));
            }
        }
        "explosions" | "battles" if ev.source.is_none() => {
            ev.source = Some(make("Unidentified Armed Group", "armed_group", String::new()));
        }
        // The force that found or defused the device acted ("a bomb
        // disposal squad from the KDF defused an IED").
        _ if ev.event_type == "disrupted_weapons_use"
            && ev.source.is_none()
            && ev.target.as_ref().is_some_and(|a| matches!(a.kind.as_deref(), Some("military" | "police"))) =>
        {
            ev.source = ev.target.take();
        }
        _ => {}
    }
}

/// The PLOVER category of an event type. PLOVER types are their own;
/// ACLED sub-types map to the category their CAMEO root falls in: battles
/// and air or artillery strikes are `fight`, bombings, attacks on
/// civilians and abductions `assault`, demonstrations and riots
/// `protest`, arrests, repression and seizures `coerce`. A statement has
/// none (PLOVER does not code one).
pub(super) fn plover_category(event_type: &str) -> Option<&'static str> {
    Some(match event_type {
        "armed_clash"
        | "government_regains_territory"
        | "non_state_actor_overtakes_territory"
        | "air_drone_strike"
        | "shelling_artillery_missile_attack"
        | "chemical_weapon" => "fight",
        "attack"
        | "remote_explosive_landmine_ied"
        | "suicide_bomb"
        | "grenade"
        | "abduction_forced_disappearance"
        | "sexual_violence" => "assault",
        "peaceful_protest" | "violent_demonstration" | "mob_violence" => "protest",
        "protest_with_intervention"
        | "excessive_force_against_protesters"
        | "arrests"
        | "looting_property_destruction"
        | "disrupted_weapons_use" => "coerce",
        "agreement" => "agree",
        "change_to_group_activity" | "headquarters_or_base_established" => "mobilize",
        "non_violent_transfer_of_territory" => "retreat",
        "agree" => "agree",
        "consult" => "consult",
        "support" => "support",
        "concede" => "concede",
        "cooperate" => "cooperate",
        "aid" => "aid",
        "retreat" => "retreat",
        "request" => "request",
        "accuse" => "accuse",
        "reject" => "reject",
        "threaten" => "threaten",
        "protest" => "protest",
        "sanction" => "sanction",
        "mobilize" => "mobilize",
        "coerce" => "coerce",
        "assault" => "assault",
        "fight" => "fight",
        "demand" => "demand",
        "disapprove" => "disapprove",
        "investigate" => "investigate",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list renamed or emptied in the CSV would silently switch a rule
    /// off.
    #[test]
    fn every_word_list_is_loaded() {
        let w = &*WORDS;
        for (name, list) in [
            ("aircraft", &w.aircraft),
            ("captives", &w.captives),
            ("arms_found", &w.arms_found),
            ("arms", &w.arms),
            ("rioting", &w.rioting),
            ("violence", &w.violence),
            ("force_on_crowd", &w.force_on_crowd),
            ("firearms", &w.firearms),
            ("harsh_force", &w.harsh_force),
            ("grievance", &w.grievance),
            ("poison_gas", &w.poison_gas),
            ("mob", &w.mob),
            ("communal", &w.communal),
            ("crowd_people", &w.crowd_people),
            ("air", &w.air),
            ("missiles", &w.missiles),
            ("explosives", &w.explosives),
            ("fighting", &w.fighting),
            ("detention", &w.detention),
            ("protest_words", &w.protest_words),
            ("demonstrating", &w.demonstrating),
            ("harming", &w.harming),
        ] {
            assert!(list.len() >= 3, "list {name} has {} words", list.len());
        }
    }

    #[test]
    fn stems_phrases_and_whole_words() {
        let w = Wording::new("Riot police detain the detainees' relatives; tear gas was fired at stone-throwers.");
        assert!(w.has(&["detain$"]));
        assert!(!Wording::new("The detainees protested.").has(&["detain$"]));
        assert!(w.has(&["tear gas"]));
        assert!(w.has(&["stone"]));
        // "Riot police" is a unit, not a riot.
        assert!(!w.has(&["riot"]));
        assert!(!w.has(&["gas was fired at the"]));
    }
}
