//! Event rules on self-written news sentences: voice, negation and threat,
//! dates, casualties, one row per location, metonyms and serialisation.

use std::sync::OnceLock;

use chrono::NaiveDate;
use geoevents::events::{DatePrecision, Event};
use geoevents::{Document, Extractor, Input};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Wednesday 24 January 2024: the reference date of most cases.
fn wednesday() -> NaiveDate {
    ymd(2024, 1, 24)
}

fn extract_on(text: &str, date: NaiveDate) -> Document {
    extractor().extract_input(&Input::new(text).with_date(Some(date)))
}

fn extract(text: &str) -> Document {
    extract_on(text, wednesday())
}

/// Violent event types (ACLED battles, explosions/remote violence, violence
/// against civilians): a "material" event that happened.
const VIOLENT: &[&str] = &[
    "armed_clash",
    "government_regains_territory",
    "non_state_actor_overtakes_territory",
    "air_drone_strike",
    "shelling_artillery_missile_attack",
    "remote_explosive_landmine_ied",
    "suicide_bomb",
    "grenade",
    "chemical_weapon",
    "attack",
    "abduction_forced_disappearance",
    "sexual_violence",
];

fn is_violent(e: &Event) -> bool {
    VIOLENT.contains(&e.event_type.as_str())
}

fn show(doc: &Document) -> String {
    let mut s = String::new();
    for e in &doc.events {
        s.push_str(&format!(
            "\n  {} cameo={:?} trigger={:?} date={:?}/{:?} source={:?} target={:?} loc={:?} killed={:?} wounded={:?}",
            e.event_type,
            e.cameo,
            e.trigger.text,
            e.date,
            e.date_precision,
            e.source.as_ref().map(|a| (&a.text, &a.name, &a.country)),
            e.target.as_ref().map(|a| (&a.text, &a.name, &a.country)),
            e.location.as_ref().map(|l| (&l.place.name, &l.text)),
            e.killed,
            e.wounded
        ));
    }
    if s.is_empty() {
        s.push_str(" (no events)");
    }
    s
}

/// The violent events of a document; at least one required.
fn violent<'d>(text: &str, doc: &'d Document) -> Vec<&'d Event> {
    let v: Vec<&Event> = doc.events.iter().filter(|e| is_violent(e)).collect();
    assert!(!v.is_empty(), "no violent event in {text:?}:{}", show(doc));
    v
}

/// The violent event located at the mention with surface `surface`.
fn violent_at<'d>(text: &str, doc: &'d Document, surface: &str) -> &'d Event {
    doc.events
        .iter()
        .find(|e| is_violent(e) && e.location.as_ref().and_then(|l| l.text.as_deref()) == Some(surface))
        .unwrap_or_else(|| panic!("no violent event located at {surface:?} in {text:?}:{}", show(doc)))
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

// ---------------------------------------------------------------------------
// Voice: who is source and who is target.

#[test]
fn active_voice_subject_is_source() {
    let t = "US forces carried out strikes against militants in Mosul on Tuesday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mosul");
    assert_eq!(e.event_type, "air_drone_strike", "{}", show(&doc));
    let src = e.source.as_ref().unwrap_or_else(|| panic!("no source:{}", show(&doc)));
    assert_eq!(src.country.as_deref(), Some("US"), "source is the US:{}", show(&doc));
    assert!(lower(&src.text).contains("forces"), "source surface {:?}", src.text);
    let tgt = e.target.as_ref().unwrap_or_else(|| panic!("no target:{}", show(&doc)));
    assert!(lower(&tgt.text).contains("militants"), "target is the militants:{}", show(&doc));
}

#[test]
fn passive_voice_by_agent_is_source() {
    let t = "A convoy came under attack by gunmen near Kandahar on Tuesday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Kandahar");
    let src = e.source.as_ref().unwrap_or_else(|| panic!("no source:{}", show(&doc)));
    assert!(lower(&src.text).contains("gunmen"), "source is the gunmen:{}", show(&doc));
    assert!(
        e.target.as_ref().is_none_or(|t| !lower(&t.text).contains("gunmen")),
        "the gunmen are not also the target:{}",
        show(&doc)
    );
}

#[test]
fn a_group_said_to_back_the_agent_is_not_the_target() {
    // "involved with al-Shabaab" describes the armed men; the tourists were hit.
    let t = "Two Swiss tourists were injured near Lamu when their vehicle came under attack by armed men, \
             believed to be involved with al-Shabaab.";
    let doc = extract(t);
    let e = first_violent(&doc);
    assert!(e.source.as_ref().is_some_and(|a| lower(&a.text).contains("armed men")), "{}", show(&doc));
    assert!(
        e.target.as_ref().is_none_or(|a| !lower(&a.text).contains("shabaab")),
        "al-Shabaab is the agent's backer, not the target:{}",
        show(&doc)
    );
    // A target after "on" still is one: "strikes by US forces on militants".
    let t = "Strikes by US forces on Kata'ib Hezbollah sites in Anbar killed two fighters on Tuesday.";
    let doc = extract(t);
    let e = first_violent(&doc);
    assert!(e.target.as_ref().is_some_and(|a| lower(&a.name).contains("hezbollah")), "{}", show(&doc));
}

/// The document's first violent event (the test fails without one).
fn first_violent(doc: &Document) -> &Event {
    doc.events.iter().find(|e| VIOLENT.contains(&e.event_type.as_str())).unwrap_or_else(|| panic!("{}", show(doc)))
}

#[test]
fn passive_voice_subject_is_target() {
    // "A convoy came under attack": the convoy was acted on.
    let t = "A convoy came under attack by gunmen near Kandahar on Tuesday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Kandahar");
    let tgt = e.target.as_ref().unwrap_or_else(|| panic!("no target:{}", show(&doc)));
    assert!(lower(&tgt.text).contains("convoy"), "target is the convoy:{}", show(&doc));
}

#[test]
fn nominal_by_phrase_is_source_and_on_phrase_is_location() {
    let t = "Strikes by Israeli warplanes on Rafah killed two people on Tuesday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Rafah");
    assert_eq!(e.event_type, "air_drone_strike", "{}", show(&doc));
    let src = e.source.as_ref().unwrap_or_else(|| panic!("no source:{}", show(&doc)));
    assert_eq!(src.country.as_deref(), Some("IL"), "source is Israeli:{}", show(&doc));
    assert_eq!(e.location.as_ref().unwrap().place.country.as_deref(), Some("PS"));
}

// ---------------------------------------------------------------------------
// Negation and threats.

#[test]
fn vow_to_attack_is_a_threat_not_an_attack() {
    let t = "The group vowed to continue attacks on US bases in Iraq.";
    let doc = extract(t);
    assert!(doc.events.iter().any(|e| e.event_type == "threaten"), "a threaten event:{}", show(&doc));
    assert!(!doc.events.iter().any(is_violent), "no realised attack:{}", show(&doc));
    let t = "The militia threatened to attack US forces in Syria.";
    let doc = extract(t);
    assert!(doc.events.iter().any(|e| e.event_type == "threaten"), "{}", show(&doc));
    assert!(!doc.events.iter().any(is_violent), "{}", show(&doc));
}

#[test]
fn intent_after_the_trigger_is_only_the_next_word() {
    // "attacks will continue" is a threat; "protested against plans to
    // build" is a realised protest against someone else's intent.
    assert_event_types(&[
        ("Hamas said its attacks will continue until the siege ends.", "threaten"),
        ("Hundreds of traders in Garissa protested against plans to build a new market.", "peaceful_protest"),
        ("Civil society groups in Nairobi protest MPs plan to raise their own pay.", "peaceful_protest"),
    ]);
}

#[test]
fn statements_need_a_speaker() {
    // A reporting verb with nobody named is no event; one with a speaker is.
    let doc = extract("The talks will resume next month, officials said on Monday.");
    assert!(!doc.events.iter().any(|e| e.event_type == "make_statement"), "{}", show(&doc));
    let doc = extract("Pentagon chief Lloyd Austin said on Tuesday that the strikes were necessary.");
    let st = doc.events.iter().find(|e| e.event_type == "make_statement").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(st.source.as_ref().and_then(|a| a.country.as_deref()), Some("US"), "{}", show(&doc));
}

#[test]
fn denied_strike_is_not_a_strike() {
    // "denied carrying out the strike": the strike is not asserted.
    for t in [
        "The army denied carrying out the strike on a village near Idlib.",
        "The army denied carrying out the strike.",
        "Israel did not carry out the strike on Rafah, officials said.",
    ] {
        let doc = extract(t);
        assert!(
            !doc.events.iter().any(|e| e.event_type == "air_drone_strike"),
            "no air strike in {t:?}:{}",
            show(&doc)
        );
    }
}

// ---------------------------------------------------------------------------
// Dates. 2024-01-24 is a Wednesday.

#[test]
fn date_forms() {
    // (sentence, document date, expected date, expected precision or None = any)
    let cases: &[(&str, NaiveDate, NaiveDate, Option<DatePrecision>)] = &[
        // Weekday: the most recent one before the document date.
        (
            "US forces struck militia targets near Baghdad on Tuesday.",
            wednesday(),
            ymd(2024, 1, 23),
            Some(DatePrecision::Day),
        ),
        // Same weekday as the document: that very day.
        (
            "Militants attacked a checkpoint in Kirkuk early on Wednesday.",
            wednesday(),
            ymd(2024, 1, 24),
            Some(DatePrecision::Day),
        ),
        // Yesterday.
        ("Rockets hit a base near Baghdad yesterday.", wednesday(), ymd(2024, 1, 23), Some(DatePrecision::Day)),
        // Last night: the day before.
        (
            "Militants attacked an army post in Tikrit last night.",
            wednesday(),
            ymd(2024, 1, 23),
            Some(DatePrecision::Day),
        ),
        // Last week: week precision.
        (
            "Clashes erupted in Raqqa last week between rival factions.",
            wednesday(),
            ymd(2024, 1, 17),
            Some(DatePrecision::Week),
        ),
        // Absolute date with year, far from the document date.
        (
            "On 21 March 2020, militants attacked a checkpoint in Mosul.",
            wednesday(),
            ymd(2020, 3, 21),
            Some(DatePrecision::Day),
        ),
        // Month and day: the document's year.
        (
            "Militants attacked a checkpoint in Basra on March 21.",
            ymd(2024, 3, 25),
            ymd(2024, 3, 21),
            Some(DatePrecision::Day),
        ),
        // No date clue: the document date.
        ("Gunmen attacked a bus near Homs.", wednesday(), wednesday(), None),
    ];
    let mut failures = Vec::new();
    for &(t, doc_date, want, precision) in cases {
        let doc = extract_on(t, doc_date);
        let v: Vec<&Event> = doc.events.iter().filter(|e| is_violent(e)).collect();
        if v.is_empty() {
            failures.push(format!("{t:?}: no violent event:{}", show(&doc)));
            continue;
        }
        for e in v {
            if e.date != Some(want) || precision.is_some_and(|p| e.date_precision != Some(p)) {
                failures.push(format!("{t:?}: want {want} {precision:?}, got {:?} {:?}", e.date, e.date_precision));
            }
        }
    }
    assert!(failures.is_empty(), "{} date failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn month_name_is_not_a_protest_march() {
    // "March" the month is a date, not a demonstration.
    for (t, d) in [
        ("On 21 March 2020, militants attacked a checkpoint in Mosul.", wednesday()),
        ("Militants attacked a checkpoint in Basra on March 21.", ymd(2024, 3, 25)),
        ("On March 21, militants attacked a checkpoint in Basra.", ymd(2024, 3, 25)),
    ] {
        let doc = extract_on(t, d);
        assert!(!doc.events.iter().any(|e| e.event_type.contains("protest")), "no protest in {t:?}:{}", show(&doc));
        assert!(
            doc.events.iter().any(|e| e.event_type == "attack" && e.trigger.text == "attacked"),
            "the attack in {t:?}:{}",
            show(&doc)
        );
    }
}

// ---------------------------------------------------------------------------
// Casualties.

#[test]
fn casualty_forms() {
    // (sentence, killed, wounded)
    let cases: &[(&str, Option<u32>, Option<u32>)] = &[
        // A number word after "killing".
        ("Gunmen attacked a police checkpoint in Kirkuk on Tuesday, killing two officers.", Some(2), None),
        // "at least" with digits, passive.
        ("At least 12 people were killed when a car bomb exploded in Mosul on Tuesday.", Some(12), None),
        // "dozens" counts as 12 (ACLED convention).
        ("Israeli warplanes struck Rafah, killing dozens of people.", Some(12), None),
        // "a dozen" killed.
        ("A dozen civilians were killed when a shell hit a market in Donetsk.", Some(12), None),
        // "a dozen" wounded.
        ("A shell hit a market in Donetsk, wounding a dozen civilians.", None, Some(12)),
        // Killed and wounded in one participle chain.
        ("A bomb exploded in Kabul, killing 3 and wounding 5.", Some(3), Some(5)),
        // Elided verb: "and two wounded".
        ("Two people were killed and two wounded when a rocket hit a house in Sderot.", Some(2), Some(2)),
        // A count after a comma is not the killed word's object: the two
        // are missing, not dead.
        ("Gunmen attacked a police post in Dadaab, four officers killed, two missing.", Some(4), None),
        // A list of victims after the verb counts every item.
        ("Gunmen attacked a checkpoint in Mandera, killing two police officers and a civilian.", Some(3), None),
        ("An airstrike killed a woman and her two children in Idlib on Tuesday.", Some(3), None),
        ("Gunmen stormed a bus in Bannu, killing three soldiers and two civilians.", Some(5), None),
        // A child's age is no count.
        ("Raiders killed a herder and his three-year-old son in Baringo.", Some(2), None),
        // A verb after the first count is its own: the arrested are not dead.
        ("Four militants were killed and dozens of suspects arrested in a raid in Karachi.", Some(4), None),
    ];
    let mut failures = Vec::new();
    for &(t, killed, wounded) in cases {
        let doc = extract(t);
        let hit = doc.events.iter().any(|e| is_violent(e) && e.killed == killed && e.wounded == wounded);
        if !hit {
            failures.push(format!("{t:?}: want killed={killed:?} wounded={wounded:?}:{}", show(&doc)));
        }
    }
    assert!(failures.is_empty(), "{} casualty failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn casualties_in_the_next_sentence_attach_to_the_event() {
    // The count follows the strike sentence; it is that event's toll, not a
    // second event.
    let t = "A suicide bomber struck a mosque in Kabul on Tuesday. Two people were killed and two wounded.";
    let doc = extract(t);
    let e = doc
        .events
        .iter()
        .find(|e| e.event_type == "suicide_bomb")
        .unwrap_or_else(|| panic!("no suicide_bomb:{}", show(&doc)));
    assert_eq!((e.killed, e.wounded), (Some(2), Some(2)), "{}", show(&doc));
    assert_eq!(violent(t, &doc).len(), 1, "one event, not two:{}", show(&doc));
    // A killing with its own killer is an event of its own.
    let t = "The Israeli military said it had struck a Hamas command centre in a school compound.\n\nIsraeli troops \
             killed two Palestinian gunmen during a raid on the Nur Shams refugee camp near Tulkarm.";
    let doc = extract(t);
    let raid = violent(t, &doc).into_iter().find(|e| e.killed == Some(2)).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(
        raid.location.as_ref().and_then(|l| l.text.as_deref()),
        Some("Nur Shams refugee camp"),
        "{}",
        show(&doc)
    );
    assert!(
        violent(t, &doc).iter().any(|e| e.event_type == "air_drone_strike" && e.killed.is_none()),
        "{}",
        show(&doc)
    );
}

#[test]
fn security_forces_among_the_victims_make_an_attack_a_battle() {
    // The next sentence counts police among the dead: the attack was a
    // fight with armed state forces, and they are its target.
    let t =
        "Al-Shabaab militants attacked the village of Fino in Mandera on Tuesday. Four police reservists were killed.";
    let doc = extract(t);
    let e = doc.events.iter().find(|e| is_violent(e)).unwrap_or_else(|| panic!("no violent event:{}", show(&doc)));
    assert_eq!(e.event_type, "armed_clash", "{}", show(&doc));
    assert_eq!(e.killed, Some(4), "{}", show(&doc));
    assert_eq!(e.target.as_ref().and_then(|a| a.kind.as_deref()), Some("police"), "{}", show(&doc));
    // Civilians among the dead leave it an attack.
    let t = "Al-Shabaab militants attacked the village of Fino in Mandera on Tuesday. Four herders were killed.";
    let doc = extract(t);
    assert!(doc.events.iter().any(|e| e.event_type == "attack"), "{}", show(&doc));
    // Rangers are state forces too, and shooting back makes a battle.
    for t in [
        "Three rangers were shot dead by bandits in Laikipia on Sunday.",
        "Bandits ambushed a patrol near Kapedo on Sunday and the officers fired back, killing two of them.",
    ] {
        let doc = extract(t);
        assert!(doc.events.iter().any(|e| e.event_type == "armed_clash"), "armed_clash in {t:?}:{}", show(&doc));
    }
}

#[test]
fn cumulative_toll_is_not_one_events_casualties() {
    for t in [
        "Israeli strikes have killed at least 25,490 people in Gaza over more than 100 days of war, the health ministry said.",
        "Israeli strikes have killed at least 25,490 people in Gaza since October 7, the health ministry said.",
    ] {
        let doc = extract(t);
        assert!(doc.events.iter().all(|e| e.killed.is_none()), "no killed count in {t:?}:{}", show(&doc));
    }
}

// ---------------------------------------------------------------------------
// Locations.

#[test]
fn one_row_per_location() {
    let t = "US forces carried out strikes in al-Qa\u{2019}im as well as Jurf al-Sakhar on Tuesday.";
    let doc = extract(t);
    let v = violent(t, &doc);
    assert_eq!(v.len(), 2, "two rows:{}", show(&doc));
    let qaim = violent_at(t, &doc, "al-Qa\u{2019}im");
    let jurf = violent_at(t, &doc, "Jurf al-Sakhar");
    for e in [qaim, jurf] {
        assert_eq!(e.event_type, "air_drone_strike");
        assert_eq!(e.date, Some(ymd(2024, 1, 23)));
        assert_eq!(e.source.as_ref().and_then(|a| a.country.as_deref()), Some("US"), "{}", show(&doc));
        assert_eq!(e.location.as_ref().unwrap().place.country.as_deref(), Some("IQ"));
    }
    assert_eq!(qaim.trigger, jurf.trigger, "same action");
    assert_ne!(qaim.location.as_ref().unwrap().place.id, jurf.location.as_ref().unwrap().place.id);
}

#[test]
fn a_nationality_before_a_state_weapon_is_the_state_that_struck() {
    for (t, want) in [
        ("Israeli airstrikes hit a house in Rafah on Tuesday, killing five people.", "Military Forces of Israel"),
        ("Russian drones struck an apartment building in Odesa overnight.", "Military Forces of Russia"),
    ] {
        let doc = extract(t);
        let e = violent(t, &doc).into_iter().next().unwrap_or_else(|| panic!("no event in {t:?}"));
        assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some(want), "{t:?}:{}", show(&doc));
    }
    // Where raiders came from, or where a bombing was, names no state.
    for t in [
        "Raiders from Ethiopia attacked a village near Moyale on Tuesday, killing two herders.",
        "Police arrested two men over the Ugandan bombing in Kampala.",
    ] {
        let doc = extract(t);
        let military = doc
            .events
            .iter()
            .flat_map(|e| [&e.source, &e.target])
            .flatten()
            .any(|a| a.name.starts_with("Military Forces"));
        assert!(!military, "{t:?}:{}", show(&doc));
    }
    // A regional governor speaks for the government.
    let t = "Two people were killed in the strike on Kharkiv, regional governor Oleh Syniehubov said.";
    let doc = extract(t);
    let said = doc.events.iter().find(|e| e.event_type == "make_statement").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(said.source.as_ref().and_then(|a| a.kind.as_deref()), Some("government"), "{}", show(&doc));
}

#[test]
fn a_demand_and_a_speakers_office_are_neither_place_nor_target() {
    // Gaza is what the march demanded, not where it was.
    let t = "Thousands of people marched through London on Saturday demanding a ceasefire in Gaza.";
    let doc = extract(t);
    let places: Vec<&str> = doc
        .events
        .iter()
        .filter(|e| e.event_type.contains("protest"))
        .filter_map(|e| e.location.as_ref()?.text.as_deref())
        .collect();
    assert_eq!(places, ["London"], "{}", show(&doc));
    // The military reported the attack through its command: it is not the
    // attack's target.
    let t = "Houthi militants fired two missiles at a cargo ship in the Red Sea on Saturday, the U.S. military's Central Command said.";
    let doc = extract(t);
    let e = violent(t, &doc).into_iter().next().unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    assert_ne!(e.target.as_ref().and_then(|a| a.country.as_deref()), Some("US"), "{}", show(&doc));
}

#[test]
fn a_repeat_report_places_the_first_one_more_precisely() {
    let first = "PESHAWAR, Pakistan (AP) - A suicide bomber blew himself up at a police checkpoint in northwest Pakistan on Monday, killing seven officers.";
    // With only the country named, the dateline city is the best guess, at
    // geo_precision 2.
    let doc = extract(first);
    let e = violent(first, &doc).into_iter().next().unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    let loc = e.location.as_ref().unwrap_or_else(|| panic!("no location:{}", show(&doc)));
    assert_eq!((loc.text.as_deref(), loc.geo_precision), (Some("PESHAWAR"), 2), "{}", show(&doc));
    // "The attack happened in …" is the same bombing, placed precisely.
    let t = format!("{first} The attack happened in the Bannu district of Khyber Pakhtunkhwa province.");
    let doc = extract(&t);
    let v = violent(&t, &doc);
    assert_eq!(v.len(), 1, "one event:{}", show(&doc));
    assert_eq!(v[0].event_type, "suicide_bomb", "{}", show(&doc));
    assert_eq!(v[0].location.as_ref().and_then(|l| l.text.as_deref()), Some("Bannu district"), "{}", show(&doc));
}

#[test]
fn occupied_territory_and_possessive_agents() {
    // "the occupied West Bank" is no takeover; "refugee" in the camp's name
    // is no actor, so the camp locates the raid.
    let t = "Israeli forces killed three Palestinian gunmen during a raid on the Jenin refugee camp in the occupied West Bank on Wednesday.";
    let doc = extract(t);
    assert!(doc.events.iter().all(|e| !e.event_type.contains("territory")), "no territorial change:{}", show(&doc));
    let e = violent(t, &doc).into_iter().next().unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    assert_eq!(e.location.as_ref().and_then(|l| l.text.as_deref()), Some("Jenin refugee camp"), "{}", show(&doc));
    // Nor are "12 kidnapped students" an abduction: the rescue is a clash;
    // "Three killed in attack" still counts its dead.
    let t = "Troops rescued 12 kidnapped students in Katsina state on Saturday after a gunfight with their abductors.";
    let doc = extract(t);
    assert!(doc.events.iter().all(|e| !e.event_type.starts_with("abduction")), "no abduction:{}", show(&doc));
    assert!(doc.events.iter().any(|e| e.event_type == "armed_clash"), "the gunfight:{}", show(&doc));
    let doc = extract("Three killed in attack on village in Zamfara.");
    assert!(doc.events.iter().any(|e| is_violent(e) && e.killed == Some(3)), "{}", show(&doc));
    // "its fighters" are the group that speaks of them; a statement is not
    // addressed to its speaker.
    let t = "Hamas's armed wing, the Qassam Brigades, said its fighters destroyed two Israeli tanks with rockets in Khan Younis.";
    let doc = extract(t);
    let e = violent(t, &doc).into_iter().next().unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    assert!(e.source.as_ref().is_some_and(|a| a.name.contains("Qassam")), "{}", show(&doc));
    for e in doc.events.iter().filter(|e| e.event_type == "make_statement") {
        assert!(
            e.target.as_ref().is_none_or(|t| Some(&t.name) != e.source.as_ref().map(|s| &s.name)),
            "{}",
            show(&doc)
        );
    }
    // Nor is a denial about the speaker's own fighters addressed to it.
    let doc = extract("Hamas denied that its fighters used the school in Gaza City.");
    let denied = doc.events.iter().find(|e| e.trigger.text == "denied").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert!(denied.target.as_ref().is_none_or(|t| t.name != "Hamas"), "{}", show(&doc));
    // "its troops" of a state's military are that state's.
    let t = "The Israeli military said its troops returned fire near Tulkarm.";
    let doc = extract(t);
    let e = violent(t, &doc).into_iter().next().unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    assert_eq!(e.source.as_ref().and_then(|a| a.country.as_deref()), Some("IL"), "{}", show(&doc));
}

#[test]
fn a_sentence_without_places_is_where_the_line_before_was() {
    // Wire copy puts each sentence on a line; the one before ends with its
    // source ("…, the health ministry said"), which must not hide its places.
    // The return of fire is then the same clash, in the same camp, not a
    // second one at the dateline.
    let t = "JERUSALEM, Jan 24 (Reuters) - Israeli forces killed three gunmen in the Jenin refugee camp, the health ministry said.\n\
             The Israeli military said its troops came under fire during the operation and returned fire.";
    let doc = extract(t);
    let places: Vec<&str> = violent(t, &doc).iter().filter_map(|e| e.location.as_ref()?.text.as_deref()).collect();
    assert_eq!(places, ["Jenin refugee camp"], "{}", show(&doc));
}

#[test]
fn a_statement_without_places_is_where_the_story_just_was() {
    let t = "Police fired tear gas at traders protesting new taxes in Kisumu on Monday.\n\
             The traders' leaders said they would march again on Friday.";
    let doc = extract(t);
    let said = doc
        .events
        .iter()
        .find(|e| e.sentence.start > 0)
        .unwrap_or_else(|| panic!("no event in the second line:{}", show(&doc)));
    assert_eq!(said.location.as_ref().map(|l| l.place.name.as_ref()), Some("Kisumu"), "{}", show(&doc));
    // The traders protested; the police acted on them.
    let protest =
        doc.events.iter().find(|e| e.event_type.contains("protest")).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(protest.source.as_ref().and_then(|a| a.kind.as_deref()), Some("protesters"), "{}", show(&doc));
    assert_eq!(protest.target.as_ref().and_then(|a| a.kind.as_deref()), Some("police"), "{}", show(&doc));
}

#[test]
fn a_dateline_is_where_the_story_was_filed_not_the_event() {
    // The dateline city stays the fallback of a sentence that names
    // nothing else.
    for (t, place) in [
        ("KYIV, March 3 (Reuters) - Russian drones struck an apartment building in Odesa, killing 12 people.", "Odesa"),
        ("Kabul, Jan 24 (Reuters) - A roadside bomb killed four soldiers in Kandahar on Tuesday.", "Kandahar"),
        ("BAGHDAD (Reuters) - A car bomb exploded outside a market on Tuesday, killing nine people.", "BAGHDAD"),
        // A joint dateline names two filing cities.
        ("CAIRO/GAZA, Aug 10 (Reuters) - An air strike killed five people in Khan Younis on Saturday.", "Khan Younis"),
    ] {
        let doc = extract(t);
        let rows: Vec<&str> =
            violent(t, &doc).iter().filter_map(|e| e.location.as_ref()).filter_map(|l| l.text.as_deref()).collect();
        assert_eq!(rows, [place], "{t:?}:{}", show(&doc));
    }
}

#[test]
fn a_generic_agent_takes_the_country_of_its_events_place() {
    // A news digest: the story is mostly about Ukraine, but the civilians
    // killed in El Fasher are Sudanese, and the police who arrested
    // protesters in London are British.
    let t = "Russian drones struck Odesa and Kharkiv overnight, Ukraine's air force said. \
             Meanwhile, the Rapid Support Forces attacked El Fasher in Sudan on Friday, killing at least 30 civilians. \
             In London, police arrested 12 protesters at a march on Saturday.";
    let doc = extract(t);
    let fasher = doc
        .events
        .iter()
        .find(|e| e.location.as_ref().is_some_and(|l| l.place.name == "El Fasher"))
        .unwrap_or_else(|| panic!("no event in El Fasher:{}", show(&doc)));
    assert_eq!(fasher.target.as_ref().map(|a| a.name.as_str()), Some("Civilians (Sudan)"), "{}", show(&doc));
    // The protest's actor is the protesters; the police acted on them.
    let arrest = doc
        .events
        .iter()
        .find(|e| e.target.as_ref().is_some_and(|a| a.kind.as_deref() == Some("police")))
        .unwrap_or_else(|| panic!("no event against police:{}", show(&doc)));
    assert_eq!(arrest.target.as_ref().and_then(|a| a.country.as_deref()), Some("GB"), "{}", show(&doc));
    assert_eq!(arrest.source.as_ref().map(|a| a.name.as_str()), Some("Protesters (United Kingdom)"), "{}", show(&doc));
}

#[test]
fn washington_metonym_is_never_an_event_location() {
    for t in [
        "Washington said it carried out strikes on Kata'ib Hezbollah targets in Jurf al-Sakhar.",
        "US forces struck militia targets in Iraq on Tuesday, Washington said.",
        "Washington said Kata'ib Hezbollah was behind the attack on Tower 22 in Jordan.",
        "Washington\u{2019}s strikes in Iraq drew condemnation from Baghdad.",
    ] {
        let doc = extract(t);
        for e in &doc.events {
            if let Some(loc) = &e.location {
                assert_ne!(loc.text.as_deref(), Some("Washington"), "{t:?}:{}", show(&doc));
                assert_ne!(loc.place.admin1.as_deref(), Some("District of Columbia"), "{t:?}:{}", show(&doc));
            }
        }
        assert!(!doc.events.is_empty(), "{t:?} has events");
    }
    // The metonym acts: it is the source.
    let t = "Washington said it carried out strikes on Kata'ib Hezbollah targets in Jurf al-Sakhar.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Jurf al-Sakhar");
    assert_eq!(e.source.as_ref().and_then(|a| a.country.as_deref()), Some("US"), "{}", show(&doc));
    // Past an aside too, and the aside's date is not the statement's.
    let t = "Moscow, which launched its full-scale invasion of Ukraine in February 2022, denies targeting civilians.";
    let doc = extract(t);
    let e = doc.events.iter().find(|e| e.trigger.text == "denies").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Government of Russia"), "{}", show(&doc));
    assert_ne!(e.location.as_ref().and_then(|l| l.text.as_deref()), Some("Moscow"), "{}", show(&doc));
    assert_eq!(e.date, Some(wednesday()), "{}", show(&doc));
}

#[test]
fn tower_22_attack_is_located_at_tower_22() {
    let t = "Kata'ib Hezbollah was behind the drone attack on Tower 22 in Jordan, officials said.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Tower 22");
    assert_eq!(e.location.as_ref().unwrap().place.country.as_deref(), Some("JO"));
    assert_eq!(e.location.as_ref().unwrap().geo_precision, 1);
}

// ---------------------------------------------------------------------------
// Basic triggers.

#[test]
fn weapon_specific_triggers() {
    // (sentence, expected type, location surface)
    let cases = [
        ("A drone struck a vehicle in Erbil on Tuesday.", "air_drone_strike", "Erbil"),
        ("A drone strike hit a vehicle in Erbil on Tuesday.", "air_drone_strike", "Erbil"),
        ("A car bomb exploded in Mosul, killing five people.", "remote_explosive_landmine_ied", "Mosul"),
        ("Rockets hit a base near Baghdad yesterday.", "shelling_artillery_missile_attack", "Baghdad"),
        ("A shell hit a market in Donetsk on Tuesday.", "shelling_artillery_missile_attack", "Donetsk"),
        ("Shelling killed three civilians in Donetsk on Tuesday.", "shelling_artillery_missile_attack", "Donetsk"),
    ];
    let mut failures = Vec::new();
    for (t, ty, at) in cases {
        let doc = extract(t);
        let ok = doc
            .events
            .iter()
            .any(|e| e.event_type == ty && e.location.as_ref().and_then(|l| l.text.as_deref()) == Some(at));
        if !ok {
            failures.push(format!("{t:?}: want {ty} at {at}:{}", show(&doc)));
        }
        // Every event of these sentences is in the right place: no stray row.
        for e in &doc.events {
            if let Some(l) = &e.location {
                if l.text.as_deref() != Some(at) {
                    failures.push(format!("{t:?}: stray location {:?} ({})", l.text, l.place.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} trigger failures:\n{}", failures.len(), failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Codes and serialisation.

#[test]
fn cameo_codes_are_present() {
    let text = "US forces carried out strikes against militants in Mosul on Tuesday. \
                A convoy came under attack by gunmen near Kandahar. \
                The group vowed to continue attacks on US bases in Iraq. \
                A bomb exploded in Kabul, killing 3 and wounding 5. \
                Clashes erupted in Raqqa last week, monitors said.";
    let doc = extract(text);
    assert!(doc.events.len() >= 5, "{}", show(&doc));
    for e in &doc.events {
        let c = e.cameo.as_deref().unwrap_or_else(|| panic!("no CAMEO on {}:{}", e.event_type, show(&doc)));
        assert!((2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()), "CAMEO {c:?} on {}", e.event_type);
        assert!((0.0..=1.0).contains(&e.confidence));
        assert_eq!(&text[e.trigger.start..e.trigger.end], e.trigger.text);
        assert!(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end, "trigger inside its sentence");
    }
    let strike = violent_at(text, &doc, "Mosul");
    assert_eq!(strike.cameo.as_deref(), Some("195"), "air strike is CAMEO 195");
}

#[test]
fn event_dates_serialise_as_iso_days() {
    let t = "US forces struck militia targets near Baghdad on Tuesday.";
    let doc = extract(t);
    let e = violent(t, &doc)[0];
    let v = serde_json::to_value(e).unwrap();
    assert_eq!(v["date"], serde_json::json!("2024-01-23"), "{v}");
    assert_eq!(v["date_precision"], serde_json::json!("day"), "{v}");
    assert!(v["type"].is_string() && v["cameo"].is_string());
    // The whole document too: its own date and every event date.
    let v = serde_json::to_value(&doc).unwrap();
    assert_eq!(v["date"], serde_json::json!("2024-01-24"));
    for ev in v["events"].as_array().unwrap() {
        let d = ev["date"].as_str().expect("date string");
        assert!(
            d.len() == 10
                && d.as_bytes()[4] == b'-'
                && d.as_bytes()[7] == b'-'
                && NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
            "date {d:?}"
        );
    }
    // And it round-trips.
    let back: Document = serde_json::from_value(v).unwrap();
    assert_eq!(back, doc);
}

/// The caller's country hint (the story's country, or one named in its
/// outlet) decides ambiguous names and stands in when the text names no place.
#[test]
fn country_hint_from_outlet_or_code() {
    let with = |text: &str, country: Option<&str>, source: Option<&str>| {
        extractor()
            .extract_input(&Input::new(text).with_date(Some(wednesday())).with_country(country).with_source(source))
    };
    let text = "Traders protested in Busia on Tuesday over new market fees.";
    let busia = |d: &Document| d.places[0].place.country.clone();
    // Busia is a Kenyan town and a Ugandan one: the outlet's country decides.
    assert_eq!(busia(&with(text, None, Some("Daily Monitor (Uganda)"))).as_deref(), Some("UG"));
    assert_eq!(busia(&with(text, None, Some("The Star (Kenya)"))).as_deref(), Some("KE"));
    assert_eq!(busia(&with(text, Some("UG"), Some("The Star (Kenya)"))).as_deref(), Some("UG"));
    assert_eq!(with(text, Some("uganda"), None).country_hint.as_deref(), Some("UG"));
    assert_eq!(with(text, None, Some("Zambian Watchdog")).country_hint.as_deref(), Some("ZM"));
    assert_eq!(with(text, None, Some("AFP")).country_hint, None);
    // A place inside the outlet's name, where an organisation word follows it.
    assert_eq!(with(text, None, Some("Uganda Standard")).country_hint.as_deref(), Some("UG"));
    assert_eq!(with(text, None, Some("Mombasa Times")).country_hint.as_deref(), Some("KE"));
    // A city the outlet is named after counts; a village sharing an
    // ordinary word with the name (Tribune, Kansas) does not.
    assert_eq!(with(text, None, Some("Imphal Free Press")).country_hint.as_deref(), Some("IN"));
    assert_eq!(with(text, None, Some("The Tribune")).country_hint, None);
    // A national outlet whose name names no country, and a country code
    // in brackets; an explicit country still comes first.
    assert_eq!(with(text, None, Some("Radio Okapi")).country_hint.as_deref(), Some("CD"));
    assert_eq!(with(text, None, Some("Capital FM; AFP")).country_hint.as_deref(), Some("KE"));
    assert_eq!(with(text, None, Some("Daily Times (PK)")).country_hint.as_deref(), Some("PK"));
    assert_eq!(with(text, None, Some("The Nation (AP)")).country_hint, None);
    assert_eq!(with(text, None, Some("Shabelle Media Network; Star (Kenya)")).country_hint.as_deref(), Some("KE"));
    // Daily Sabah is Turkish, whatever the Malaysian state.
    assert_eq!(with(text, None, Some("Daily Sabah")).country_hint.as_deref(), Some("TR"));
    // An edition's language is no country.
    assert_eq!(with(text, None, Some("Xinhua News Agency - French")).country_hint, None);
    assert_eq!(with(text, None, Some("Daily Nation (Kenya) - English")).country_hint.as_deref(), Some("KE"));
    // A worldwide agency's name says nothing about the story's country:
    // Djenné stays Mali's under an AFP byline, not a French homonym's or none.
    assert_eq!(with(text, None, Some("Agence France Presse - English")).country_hint, None);
    assert_eq!(with(text, None, Some("Daily Nation (Kenya); AFP")).country_hint.as_deref(), Some("KE"));
    let d = with("Fourteen people were killed in clashes near the town of Djenne.", None, Some("Agence France-Presse"));
    assert_eq!(d.places.first().and_then(|m| m.place.country.as_deref()), Some("ML"));

    // Nothing named: the hint's capital at country precision, not the
    // nationality of a foreign victim.
    let d = with("Gunmen shot dead an Italian missionary on Monday.", None, Some("Daily Nation (Kenya)"));
    let loc = d.events[0].location.as_ref().expect("a fallback location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Nairobi", 3));
    assert!(loc.text.is_none());
    let d = with("Gunmen shot dead an Italian missionary on Monday.", None, None);
    assert_ne!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Nairobi"));
    // A place the text names beats the hint.
    let d = with("Gunmen shot dead two traders in Mogadishu on Monday.", Some("KE"), None);
    assert_eq!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Mogadishu"));
}

/// An event that names no place but an institution's ("University of
/// Nairobi students", "Maseno University") is at the institution's town;
/// a country in such a name gives its capital.
#[test]
fn institution_town_is_the_fallback_location() {
    let d = extract("University of Nairobi students protested against a new fees policy.");
    assert!(d.places.is_empty(), "an institution's name is not a place mention: {:?}", d.places);
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Nairobi", 2));
    assert_eq!(loc.text.as_deref(), Some("Nairobi"));
    let d = extract("Maseno University students engaged police in running battles.");
    assert_eq!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Maseno"));
    // A market is an institution of its town too.
    let d = extract("More than 200 traders from Malindi Old Market stormed the county offices.");
    assert_eq!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Malindi"), "{:?}", d.events);
    let d = extract("University of Zambia workers went on strike over unpaid salaries.");
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Lusaka", 3));
    // A place the sentence names itself wins over the institution's.
    let d = extract("University of Nairobi students marched in Mombasa on Monday.");
    assert_eq!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Mombasa"));
}

/// "Struck" with no aircraft and no state force is a ground attack.
#[test]
fn raiders_striking_homes_is_not_an_air_strike() {
    let d = extract("Cattle rustlers struck two homes in Borabu and stole four cows.");
    assert_eq!(d.events[0].event_type, "attack", "{:?}", d.events);
    let d = extract("Israeli warplanes struck a house in Rafah.");
    assert_eq!(d.events[0].event_type, "air_drone_strike");
}

/// A country locates an event only after a locative preposition, and such a
/// country-level event sits at the capital (ACLED's convention) with
/// geo_precision 3; a country as subject or modifier is no location.
#[test]
fn country_level_events_sit_at_the_capital() {
    let d = extract("Unidentified gunmen attacked a bus in Kenya on Tuesday, killing four.");
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Nairobi", 3));
    // The span still points at the words that named the country.
    assert_eq!(loc.text.as_deref(), Some("Kenya"));
    // "Tunisia extended": the subject is no place of the event; the country
    // the story concerns still gives the capital.
    let d = extract("Tunisia on Monday extended a state of emergency after a series of attacks on civilians.");
    for ev in &d.events {
        let loc = ev.location.as_ref().expect("a location");
        assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Tunis", 3), "{ev:?}");
    }
    // A country as subject or modifier locates nothing: the aid event takes
    // the place the sentence names.
    let d = extract("The United States supplied weapons to Israel in Rafah on Monday.");
    let aid = d.events.iter().find(|e| e.event_type == "aid").expect("the aid");
    let loc = aid.location.as_ref().expect("a location");
    assert_eq!((loc.text.as_deref(), loc.geo_precision), (Some("Rafah"), 1), "{:?}", d.events);
    // A country in a list after the preposition counts too.
    let d = extract("Rockets hit bases in Iraq and Syria on Tuesday.");
    let places: Vec<&str> =
        d.events.iter().filter_map(|e| e.location.as_ref()).map(|l| l.place.name.as_ref()).collect();
    assert!(places.contains(&"Baghdad") && places.contains(&"Damascus"), "{places:?}");
}

#[test]
fn reporting_sources_in_a_capital_are_in_the_city() {
    // "Washington said" is the government; "sources in Pretoria said" are in Pretoria.
    let d = extract("Sources in Pretoria said trucks were burnt by protesters on Monday.");
    assert!(d.places.iter().any(|m| m.text == "Pretoria" && m.literal), "{:?}", d.places);
    let d = extract("Washington said the strikes were legal.");
    assert!(d.places.iter().all(|m| m.text != "Washington" || !m.literal));
}

/// With no place in its own sentence, an event takes the most specific place
/// of the paragraph's earlier sentence, not the first one named.
#[test]
fn paragraph_fallback_prefers_the_most_specific_place() {
    let d = extract("Farmers from Bungoma County gathered in Kitale on Monday. Police later arrested twelve of them.");
    let arrests = d.events.iter().find(|e| e.event_type == "arrests").expect("the arrests");
    assert_eq!(arrests.location.as_ref().map(|l| l.place.name.as_ref()), Some("Kitale"), "{:?}", d.events);
}

/// Present-tense headline verbs and crowd agents: the forms ACLED-style
/// summaries and headlines use.
#[test]
fn headline_verbs_and_crowds() {
    let first = |text: &str| extract(text).events.first().map(|e| (e.event_type.clone(), e.trigger.text.clone()));
    assert_eq!(first("A crowd attacked the minister's convoy."), Some(("mob_violence".into(), "attacked".into())));
    assert_eq!(
        first("Police exchange fire with cattle raiders."),
        Some(("armed_clash".into(), "exchange fire".into()))
    );
    assert_eq!(
        first("Army retakes two villages from the rebels."),
        Some(("government_regains_territory".into(), "retakes".into()))
    );
    // Seized arms are disrupted weapons use; seized goods are looting.
    assert_eq!(
        first("Police seize explosives from suspected militants."),
        Some(("disrupted_weapons_use".into(), "seize".into()))
    );
    assert_eq!(
        first("Looters seized goods from shops in the market.").map(|e| e.0),
        Some("looting_property_destruction".into())
    );
}

/// "reported from X" names where the event happened; a distance ("20 km
/// from X") makes X a reference point: the event is only near it.
#[test]
fn reported_from_is_the_place_a_distance_from_is_near() {
    let t = "A clash between rival party workers was reported from Bijnor in Uttar Pradesh on Tuesday.";
    let doc = extract(t);
    let ev = doc.events.iter().find(|e| e.location.is_some()).expect("an event with a place");
    let loc = ev.location.as_ref().unwrap();
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Bijnor", 1), "{}", show(&doc));
    let t = "Gunmen attacked a convoy 20 km from Baidoa on Tuesday.";
    let doc = extract(t);
    let loc = doc.events[0].location.as_ref().expect("near Baidoa");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Baidoa", 2), "{}", show(&doc));
}

/// An event that names no place but a group with a known home area is put
/// in that area, at province precision; the victims' home first.
#[test]
fn group_home_is_the_fallback_location() {
    let with = |text: &str, country: Option<&str>| {
        extractor().extract_input(&Input::new(text).with_date(Some(wednesday())).with_country(country))
    };
    let d = with("Suspected Pokot raiders killed two herders and drove off 300 cattle.", None);
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("West Pokot County", 3), "{:?}", d.events);
    assert!(loc.text.is_none());
    // Raiders from one group attacking another's villages: the victims' home.
    let d = with("Orma militia attacked Pokomo villages, killing five.", Some("KE"));
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!(loc.place.name, "Tana River County", "{:?}", d.events);
    // A story about another country does not borrow a Kenyan group's home.
    let d = with("Suspected Pokot raiders killed two herders.", Some("UG"));
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!(loc.place.country.as_deref(), Some("UG"), "{:?}", d.events);
    // A place the text names wins.
    let d = with("Pokot raiders killed two herders in Kitale.", None);
    assert_eq!(d.events[0].location.as_ref().map(|l| l.place.name.as_ref()), Some("Kitale"));
    // A group the document names outside the event's roles still says where.
    let d = with("Youths attacked a police post and stole weapons; the attackers were suspected members of MRC.", None);
    let loc = d.events[0].location.as_ref().expect("a location");
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Mombasa County", 3), "{:?}", d.events);
}

/// Mob violence written with the victim inside the phrase, and party
/// cadres beating residents.
#[test]
fn gapped_mob_violence_and_cadres() {
    assert_event_types(&[
        ("Residents stoned two suspected robbers to death in Kitale on Sunday.", "mob_violence"),
        ("Youths in Kitale stone a suspected thief to death.", "mob_violence"),
        ("Angry residents of Kitale set a suspected thief alight.", "mob_violence"),
    ]);
    let t = "Party cadres beats residents in the Kizito area of Lusaka.";
    let doc = extract(t);
    let ev = doc.events.iter().find(|e| e.event_type == "attack").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(ev.source.as_ref().and_then(|a| a.kind.as_deref()), Some("political_party"), "{}", show(&doc));
}

/// Headline forms: a civilian group striking is a labour protest, and
/// present-tense or informal words still name events.
#[test]
fn labour_strikes_and_headline_forms() {
    assert_event_types(&[
        ("Zalco factory workers in Kabwe strike over unpaid wages.", "peaceful_protest"),
        ("In Mombasa, opposition supporters held their demos peacefully.", "peaceful_protest"),
        ("Students in Busia vandalise school property over exam grades.", "violent_demonstration"),
        ("Unknown gunmen injure a boy in El Fasher.", "attack"),
        ("Rival supporters broke into fistfights in Bungoma during the primaries.", "mob_violence"),
    ]);
    // An air strike is no labour protest.
    let t = "Fighter jets launched a strike on militants in Kabwe.";
    let doc = extract(t);
    assert!(doc.events.iter().all(|e| e.event_type != "peaceful_protest"), "{}", show(&doc));
}

/// Asserts that each text yields an event of the wanted type.
fn assert_event_types(cases: &[(&str, &str)]) {
    for &(t, want) in cases {
        let doc = extract(t);
        assert!(doc.events.iter().any(|e| e.event_type == want), "{t} wants {want}:{}", show(&doc));
    }
}

/// Harm to people outranks harm to property: ACLED codes the violent act.
#[test]
fn violence_against_people_outranks_property_damage() {
    assert_event_types(&[
        (
            "Al Shabaab militants burned down a school and abducted two teachers in Fafi.",
            "abduction_forced_disappearance",
        ),
        ("Pokot raiders attacked Napeitom village in Turkana East and looted shops.", "attack"),
        ("Militia burned 400 houses in Kalaha, and 7 people were killed.", "attack"),
    ]);
    // Damage alone stays damage.
    assert_event_types(&[("Rioters looted shops in Kisumu on Tuesday.", "violent_demonstration")]);
}

/// Who fights whom decides battle or violence against civilians: a people
/// attacked in its villages is a civilian target, police attacked by
/// gunmen are a side in a battle, and the subject of a passive without
/// "by" is the target.
#[test]
fn battles_and_attacks_on_civilians() {
    let ev = |t: &str| {
        let doc = extract(t);
        doc.events.into_iter().find(is_violent).unwrap_or_else(|| panic!("no violent event in {t}"))
    };
    assert_eq!(ev("Pokomo militia attack an Orma village in Tana River and kill civilians.").event_type, "attack");
    assert_eq!(ev("Pokot and Turkana herders clash in Kapedo over grazing land.").event_type, "armed_clash");
    let e = ev("Two Kenyan police officers were shot dead in Nairobi on Friday.");
    assert_eq!(e.target.as_ref().and_then(|a| a.kind.as_deref()), Some("police"), "{e:?}");
    assert_eq!(e.event_type, "armed_clash", "{e:?}");
    let e = ev("Unidentified gunmen shot dead a police officer in Garissa.");
    assert_eq!(e.event_type, "armed_clash", "{e:?}");
}

/// "Riot police" watching does not make a protest violent; "running
/// battles" do.
#[test]
fn riot_police_and_running_battles() {
    let doc = extract("Hundreds of traders protested peacefully in Mombasa as riot police watched.");
    let protest = doc.events.iter().find(|e| e.trigger.text == "protested").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(protest.event_type, "peaceful_protest", "{}", show(&doc));
    assert_event_types(&[(
        "Protesters engaged police in running battles in Kisumu on Tuesday.",
        "violent_demonstration",
    )]);
}

/// An injury with its agent is an attack, and an armed force's attack on
/// civilians is found without a count.
#[test]
fn injured_by_and_paramilitary_attacks() {
    assert_event_types(&[
        ("An intelligence officer was injured by unidentified assailants in Nasirabad.", "attack"),
        ("Ugandan paramilitary attacks Kenyan fisherman near Lake Victoria.", "attack"),
    ]);
}

#[test]
fn ward_events_are_at_division_precision() {
    // A ward's point is its constituency's: geo_precision 2, not 1.
    let doc = extract("Suspected al-Shabaab militants planted an explosive device near Sangailu on Wednesday.");
    let loc = doc.events.iter().find_map(|e| e.location.as_ref()).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!((loc.place.name.as_ref(), loc.geo_precision), ("Sangailu", 2), "{}", show(&doc));
}

#[test]
fn hijackings_disappearances_thefts_and_named_victims() {
    assert_event_types(&[
        ("Ten armed men hijack a bus near Mandera and take it across the border.", "abduction_forced_disappearance"),
        (
            "An opposition official was held captive by party members at a polling station in Kisii.",
            "abduction_forced_disappearance",
        ),
        (
            "Two activists went missing in April; relatives blame the police for their disappearance.",
            "abduction_forced_disappearance",
        ),
        ("Ethiopian raiders steal 3,000 cattle near Moyale.", "looting_property_destruction"),
        ("Attackers poured acid on five officials at a party office in Nairobi.", "attack"),
    ]);
    // One named victim of a singular passive: an event with one fatality.
    let doc = extract("Human rights activist Kamau Kingara was killed along with his colleague.");
    let ev = doc.events.iter().find(|e| e.killed == Some(1)).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(ev.event_type, "attack", "{}", show(&doc));
}

#[test]
fn the_subject_of_a_death_is_the_victim() {
    // The policeman died in the attack: he is its target, and an attack on
    // police by anyone but a crowd is a battle in ACLED's terms.
    let doc = extract("A policeman died of gunshot wounds he sustained in an attack in Garissa on Tuesday.");
    let ev = doc.events.iter().find(|e| e.target.is_some()).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(ev.target.as_ref().and_then(|a| a.kind.as_deref()), Some("police"), "{}", show(&doc));
    assert_eq!(ev.event_type, "armed_clash", "{}", show(&doc));
}

#[test]
fn protests_with_fires_and_tyres_are_violent() {
    assert_event_types(&[
        (
            "Traders in Ruiru protested the demolition of kiosks and lit fires along the highway.",
            "violent_demonstration",
        ),
        (
            "Residents of Kisumu protested over water shortages, setting tyres alight on the main road.",
            "violent_demonstration",
        ),
        ("Traders protested and blocked the Kisii-Kilgoris road on Monday.", "violent_demonstration"),
        ("Over 200 demonstrators burned tyres outside the county offices in Narok.", "violent_demonstration"),
        ("The protest blocked the Nakuru-Eldoret highway for two hours.", "violent_demonstration"),
    ]);
}

#[test]
fn riot_words_naming_the_grievance_leave_a_protest_peaceful() {
    // The burning, dumping and road blocks are what the crowd protested,
    // not what it did.
    assert_event_types(&[
        ("Residents of Nyeri protested over garbage dumping at the Gikeu dumpsite.", "peaceful_protest"),
        ("Villagers in Lodwar protested the burning of two villages by raiders.", "peaceful_protest"),
        ("Boda boda riders in Witu staged a protest against police road blocks.", "peaceful_protest"),
    ]);
}

#[test]
fn ambushes_on_civilians_are_attacks_on_forces_battles() {
    assert_event_types(&[
        ("Three people were killed after a passenger bus was ambushed by Al Shabaab near Mandera.", "attack"),
        ("Al Shabaab militants ambushed a police patrol near Mandera, killing two officers.", "armed_clash"),
    ]);
}

#[test]
fn both_ends_of_a_hyphenated_route_are_locations() {
    // "the Kitale-Lodwar road": Kitale is an end of the road, not a
    // modifier like "US-led".
    let doc = extract("Residents protested on the Kitale-Lodwar road on Monday over road accidents.");
    let names: Vec<&str> =
        doc.events.iter().filter_map(|e| e.location.as_ref()).map(|l| l.place.name.as_ref()).collect();
    assert!(names.contains(&"Kitale") && names.contains(&"Lodwar"), "{}", show(&doc));
}

#[test]
fn vigilantes_and_irate_residents_are_mob_violence() {
    assert_event_types(&[
        ("A man is killed by a band of vigilantes over suspected theft in Kisii.", "mob_violence"),
        ("A suspect was snatched from the police by irate residents and beaten to death in Sindo.", "mob_violence"),
    ]);
}

#[test]
fn petrol_bombs_by_assailants_are_attacks_and_mobile_is_no_mob() {
    assert_event_types(&[
        ("Unidentified assailants hurled a petrol bomb at a petrol station in Garissa.", "attack"),
        ("Suspected Al Shabaab militants kill a mobile phone company employee in Mandera.", "attack"),
    ]);
}

#[test]
fn clan_and_pastoralist_fighting_is_a_battle() {
    assert_event_types(&[
        ("Two people are feared dead after two rival pastoralist communities clashed in Isiolo County.", "armed_clash"),
        ("Four people were killed as renewed inter-clan fighting erupted at a farm in Kerio Valley.", "armed_clash"),
    ]);
}

#[test]
fn crowds_fighting_police_are_riots_not_battles() {
    for t in [
        "Police clashed with a group of matatu operators in Mombasa, injuring fifteen.",
        "Students clashed with police in Kisumu after the results were released.",
    ] {
        let doc = extract(t);
        assert!(
            doc.events.iter().any(|e| matches!(e.event_type.as_str(), "violent_demonstration" | "mob_violence")),
            "{t}:{}",
            show(&doc)
        );
        assert!(!doc.events.iter().any(|e| e.event_type == "armed_clash"), "{t}:{}", show(&doc));
    }
}

#[test]
fn explosives_made_safe_are_disrupted_weapons_use() {
    assert_event_types(&[
        ("A bomb disposal squad from the Kenya Defence Forces defused an IED near Sangailu.", "disrupted_weapons_use"),
        ("Police found an explosive device planted near a school in Mandera.", "disrupted_weapons_use"),
    ]);
    // One that went off is still an explosion.
    assert_event_types(&[(
        "An IED exploded near a school in Mandera, wounding two soldiers.",
        "remote_explosive_landmine_ied",
    )]);
    // The force that defused it acted.
    let doc = extract("A bomb disposal squad from the Kenya Defence Forces defused an IED near Sangailu.");
    let ev = doc.events.iter().find(|e| e.event_type == "disrupted_weapons_use").expect("the event");
    assert_eq!(ev.source.as_ref().and_then(|a| a.kind.as_deref()), Some("military"), "{}", show(&doc));
}

#[test]
fn election_violence_is_a_riot() {
    assert_event_types(&[
        ("Persistent post-election violence left two people dead in Kisumu.", "violent_demonstration"),
        ("Election violence was reported in Kibera on Tuesday.", "violent_demonstration"),
    ]);
}

#[test]
fn an_acronym_in_lower_case_is_no_actor() {
    // "au" in Port-au-Prince is not the African Union, so the city stays a
    // place of the event; "AU troops" in capitals still are.
    let t = "A police officer from West Africa was shot dead by gunmen in an ambush in suburban Port-au-Prince.";
    let doc = extract(t);
    violent_at(t, &doc, "Port-au-Prince");
    assert!(
        doc.events.iter().all(|e| [&e.source, &e.target].iter().all(|a| a.as_ref().is_none_or(|a| a.text != "au"))),
        "{}",
        show(&doc)
    );
    let t = "AU troops were attacked by militants near Baidoa on Sunday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Baidoa");
    assert!(e.target.as_ref().is_some_and(|a| a.text.contains("AU")), "{}", show(&doc));
}

#[test]
fn a_place_after_in_before_the_verb_locates_the_event() {
    // "US strikes" is a modifier, but "Iraqis in Tikrit demonstrated" says where.
    let t =
        "Dozens of Iraqis in Tikrit demonstrated on Friday, while a smaller protest took place outside the Green Zone.";
    let doc = extract(t);
    assert!(
        doc.events.iter().any(|e| e.event_type.ends_with("protest")
            && e.location.as_ref().and_then(|l| l.text.as_deref()) == Some("Tikrit")),
        "{}",
        show(&doc)
    );
}

#[test]
fn a_reference_point_alone_locates_the_event_approximately() {
    // With no other place in its sentence, "20 km south of Mosul" puts the
    // ambush near Mosul rather than at the town named just before.
    let t =
        "Police in Kirkuk reported a quiet week. Gunmen killed two people in an ambush 20 km south of Mosul on Sunday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mosul");
    assert_eq!(e.location.as_ref().map(|l| l.geo_precision), Some(2), "{}", show(&doc));
    // Beside a named site the reference point is only a landmark.
    let t = "Drones targeted the Ain al-Asad Air Base, 160 kilometers west of Baghdad, on Tuesday.";
    let doc = extract(t);
    violent_at(t, &doc, "Ain al-Asad Air Base");
    assert!(
        doc.events.iter().all(|e| e.location.as_ref().and_then(|l| l.text.as_deref()) != Some("Baghdad")),
        "{}",
        show(&doc)
    );
}

#[test]
fn a_region_contains_only_its_own_provinces_places() {
    // The West Bank and Gaza are both Palestinian, but neither contains the other.
    let t = "Israeli troops clashed with gunmen in the West Bank and in Gaza on Monday.";
    let doc = extract(t);
    violent_at(t, &doc, "West Bank");
    violent_at(t, &doc, "Gaza");
    // A town of the region still stands for it.
    let t = "Israeli troops clashed with gunmen in Nablus in the West Bank on Monday.";
    let doc = extract(t);
    violent_at(t, &doc, "Nablus");
    assert_eq!(violent(t, &doc).len(), 1, "{}", show(&doc));
}

#[test]
fn where_the_actor_comes_from_is_not_where_the_event_is() {
    let t = "A police officer from West Africa was shot dead by gunmen in an ambush in suburban Port-au-Prince.";
    let doc = extract(t);
    violent_at(t, &doc, "Port-au-Prince");
    assert_eq!(violent(t, &doc).len(), 1, "{}", show(&doc));
    // Unless nothing else says where: the origin described by its county
    // stays, and so does the start of a route.
    let t = "More than 600 demonstrators from Sagalla in Taita Taveta County blocked a highway on Monday.";
    let doc = extract(t);
    assert!(
        doc.events.iter().any(|e| e.location.as_ref().and_then(|l| l.text.as_deref()) == Some("Sagalla")),
        "{}",
        show(&doc)
    );
    let t = "Fifty students marched from Kotri to Karachi to demand the revival of student unions.";
    let doc = extract(t);
    assert!(
        doc.events.iter().any(|e| e.location.as_ref().and_then(|l| l.text.as_deref()) == Some("Kotri")),
        "{}",
        show(&doc)
    );
}

#[test]
fn the_object_of_an_active_verb_before_a_nominal_trigger_is_the_target() {
    // The trigger is "ambush"; "people" stands nearer to it, but as the
    // object of "killed", whose subject is the gunmen.
    let t = "Gunmen killed two people in an ambush south of Mosul on Sunday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mosul");
    assert!(e.source.as_ref().is_some_and(|a| lower(&a.text).contains("gunmen")), "{}", show(&doc));
    assert!(e.target.as_ref().is_some_and(|a| lower(&a.text).contains("people")), "{}", show(&doc));
    // In the passive the nearer actor is still the victim.
    let t = "Two people were killed by gunmen in an ambush south of Mosul on Sunday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mosul");
    assert!(e.source.as_ref().is_some_and(|a| lower(&a.text).contains("gunmen")), "{}", show(&doc));
}

#[test]
fn a_generic_agent_takes_the_country_of_its_demonym() {
    let t = "Burmese troops attacked a Karen guerrilla stronghold near Myawaddy on Monday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Myawaddy");
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Military Forces of Myanmar"), "{}", show(&doc));
    // A group of another kind keeps its own row: teachers are civilians.
    let t = "Gunmen killed six teachers in Dikwa on Monday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Dikwa");
    assert_eq!(e.target.as_ref().and_then(|a| a.kind.as_deref()), Some("civilians"), "{}", show(&doc));
}

#[test]
fn a_town_before_a_group_locates_its_event() {
    let t = "Mombasa residents protested against the plan to build a dry port in Naivasha.";
    let doc = extract(t);
    assert!(
        doc.events.iter().any(|e| e.event_type.ends_with("protest")
            && e.location.as_ref().and_then(|l| l.text.as_deref()) == Some("Mombasa")),
        "{}",
        show(&doc)
    );
    // A government's seat does not.
    let t = "The Khartoum government bombed villages in Darfur on Monday.";
    let doc = extract(t);
    violent_at(t, &doc, "Darfur");
    assert!(
        doc.events.iter().all(|e| e.location.as_ref().and_then(|l| l.text.as_deref()) != Some("Khartoum")),
        "{}",
        show(&doc)
    );
}

#[test]
fn border_police_are_the_countrys_own() {
    // Only "Israeli Border Police" name Israel's force.
    let t = "Thai border police shot dead two smugglers near Mae Sot on Monday.";
    let doc = extract(t);
    let e = first_violent(&doc);
    let src = e.source.as_ref().unwrap_or_else(|| panic!("no source:{}", show(&doc)));
    assert_eq!(src.country.as_deref(), Some("TH"), "{}", show(&doc));
    let t = "Israeli Border Police shot a man near Jenin on Monday.";
    let doc = extract(t);
    assert_eq!(
        first_violent(&doc).source.as_ref().map(|a| a.name.as_str()),
        Some("Israel Border Police"),
        "{}",
        show(&doc)
    );
}

#[test]
fn a_country_as_the_subject_acts_through_its_state() {
    let t = "Russia shelled Kharkiv overnight, officials said.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Kharkiv");
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Military Forces of Russia"), "{}", show(&doc));
    // A country in brackets only qualifies the group before it.
    let t = "An unidentified armed group (Kenya) attacked Dulienge village on Monday.";
    let doc = extract(t);
    let src = first_violent(&doc).source.as_ref().unwrap_or_else(|| panic!("no source:{}", show(&doc)));
    assert!(src.name.starts_with("Unidentified Armed Group"), "{}", show(&doc));
}

#[test]
fn an_office_with_a_nationality_is_its_government() {
    let t = "Israeli Prime Minister Ehud Barak has agreed to US mediation in the talks.";
    let doc = extract(t);
    let e = doc.events.iter().find(|e| e.event_type == "agree").unwrap_or_else(|| panic!("no agree:{}", show(&doc)));
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Government of Israel"), "{}", show(&doc));
    // An office right after another actor is that actor's.
    let t = "Gunmen attacked a bus near Mandera on Monday, a Kenyan police spokesman said.";
    let doc = extract(t);
    let said = doc
        .events
        .iter()
        .find(|e| e.event_type == "make_statement")
        .unwrap_or_else(|| panic!("no statement:{}", show(&doc)));
    let src = said.source.as_ref().unwrap_or_else(|| panic!("no speaker:{}", show(&doc)));
    assert_eq!(
        (src.name.as_str(), src.text.as_str()),
        ("Police Forces of Kenya", "Kenyan police spokesman"),
        "{}",
        show(&doc)
    );
}

#[test]
fn whoever_reports_an_event_is_not_its_target() {
    let t = "Gunmen attacked a bus near Mandera on Monday, police said.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mandera");
    assert!(e.target.as_ref().is_none_or(|a| a.kind.as_deref() != Some("police")), "{}", show(&doc));
    assert_eq!(e.event_type, "attack", "the police only report it:{}", show(&doc));
    // So does a spokesman named after his office.
    let t =
        "Police spokesman Yazid Abubakar said gunmen stormed a village near Gusau late on Sunday, shooting residents.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Gusau");
    assert_eq!(e.event_type, "attack", "the police only report it:{}", show(&doc));
    // Hearsay about a group is no report by it.
    let t = "Militiamen said to be loyal to the governor attacked police near Mandera on Monday.";
    let doc = extract(t);
    let e = violent_at(t, &doc, "Mandera");
    assert!(e.target.as_ref().is_some_and(|a| a.kind.as_deref() == Some("police")), "{}", show(&doc));
}

#[test]
fn a_country_as_the_object_of_a_verbal_event_is_its_target() {
    let t = "Pakistan's president on Monday rejected a fresh offer from Afghanistan for direct talks.";
    let doc = extract(t);
    let e = doc.events.iter().find(|e| e.event_type == "reject").unwrap_or_else(|| panic!("no reject:{}", show(&doc)));
    assert_eq!(e.target.as_ref().map(|a| a.name.as_str()), Some("Government of Afghanistan"), "{}", show(&doc));
    // Where the talks are is no party to them.
    let t = "Rebel and government delegates rejected the proposal in Egypt on Monday.";
    let doc = extract(t);
    let e = doc.events.iter().find(|e| e.event_type == "reject").unwrap_or_else(|| panic!("no reject:{}", show(&doc)));
    assert!(e.target.as_ref().is_none_or(|a| a.country.as_deref() != Some("EG")), "{}", show(&doc));
}

#[test]
fn the_first_row_is_the_place_the_event_is_in() {
    // Kandahar comes first in the text, but the attack was in Jalalabad.
    let t = "Militants trained near Kandahar attacked a police convoy in Jalalabad on Monday.";
    let doc = extract(t);
    let first = first_violent(&doc);
    assert_eq!(first.location.as_ref().and_then(|l| l.text.as_deref()), Some("Jalalabad"), "{}", show(&doc));
    // The trigger's object comes before a locative that places it.
    let t = "The RSF shelled the Abu Shouk displacement camp on the outskirts of El Fasher, killing 15 people.";
    let doc = extract(t);
    let first = first_violent(&doc);
    let loc = first.location.as_ref().and_then(|l| l.text.as_deref());
    assert_eq!((loc, first.killed), (Some("Abu Shouk displacement camp"), Some(15)), "{}", show(&doc));
}

#[test]
fn easing_restrictions_is_a_concession_and_business_offers_are_no_events() {
    let t = "Serbia lifted the curfew in Montenegro on Wednesday after weeks of calm.";
    let doc = extract(t);
    assert!(doc.events.iter().any(|e| e.event_type == "concede"), "{}", show(&doc));
    let t = "Syria offered to mediate between the two governments, its foreign minister said.";
    let doc = extract(t);
    assert!(doc.events.iter().any(|e| e.event_type == "agree"), "{}", show(&doc));
    // A bid in business news is no event.
    let t = "The company offered 25 dollars a share for the rest of the Chicago group.";
    let doc = extract(t);
    assert!(doc.events.iter().all(|e| e.event_type != "agree"), "{}", show(&doc));
}

/// ACLED codes the police's response into the protest's own sub-type,
/// often told in the next sentence: dispersal is a protest with
/// intervention, shooting at the crowd is excessive force, and the
/// protest's cause ("justice for a colleague killed by police") is
/// neither. Protesters who burn tyres riot whatever the police did.
#[test]
fn police_response_sets_the_protest_sub_type() {
    let protest_type = |t: &str, trigger: &str| {
        let doc = extract(t);
        let ev = doc.events.iter().find(|e| e.trigger.text == trigger).unwrap_or_else(|| panic!("{}", show(&doc)));
        ev.event_type.clone()
    };
    let cases = [
        ("Teachers protested over pay in Eldoret on Monday. Police dispersed them with tear gas.", "protested", "protest_with_intervention"),
        ("Several activists were detained during unsanctioned protests in Yekaterinburg.", "protests", "protest_with_intervention"),
        (
            "Residents of Kisii demonstrated against a new county tax. Police opened fire on the crowd, killing one man.",
            "demonstrated",
            "excessive_force_against_protesters",
        ),
        ("Police violently dispersed a peaceful demonstration in Kisumu on Friday.", "demonstration", "excessive_force_against_protesters"),
        ("Police fired into the air to disperse traders protesting in Machakos.", "protesting", "protest_with_intervention"),
        ("Nurses protested in Kisumu demanding justice for a colleague shot dead by a police officer.", "protested", "peaceful_protest"),
        ("Villagers protested against the release of suspects detained over a murder in Bomet.", "protested", "peaceful_protest"),
        ("Students protested in Eldoret and burned tyres. Police fired tear gas at them.", "protested", "violent_demonstration"),
        ("Protesters pulled down concrete walls during a demonstration in central Baghdad.", "Protesters", "violent_demonstration"),
        ("Youths in Homa Bay protested by setting fire to market stalls.", "protested", "violent_demonstration"),
    ];
    for (t, trigger, want) in cases {
        assert_eq!(protest_type(t, trigger), want, "{t}");
    }
    // "Riot police" is a unit, not a riot.
    let t = "Riot police chased demonstrators during anti-government protests in Tebourba.";
    let doc = extract(t);
    assert!(
        !doc.events.is_empty() && doc.events.iter().all(|e| e.event_type != "violent_demonstration"),
        "{}",
        show(&doc)
    );
}

/// ACLED names a territorial change by who took the ground: state forces
/// regain territory whatever the verb, and a non-state group overtakes it
/// even when it "recaptured" a village it had lost.
#[test]
fn who_takes_territory_names_the_change() {
    assert_event_types(&[
        (
            "Syrian government forces captured two villages in Idlib province on Wednesday.",
            "government_regains_territory",
        ),
        ("Afghan security forces took control of Kohistanat district on Friday.", "government_regains_territory"),
        ("Taliban militants captured Qala-e Zal district in Kunduz province.", "non_state_actor_overtakes_territory"),
        ("Al-Shabaab militants recaptured the town of Badhadhe in Lower Jubba.", "non_state_actor_overtakes_territory"),
    ]);
}

/// Arms found or seized are disrupted weapons use whatever word named the
/// event, unless an armed group took them in its own attack.
#[test]
fn seized_arms_are_disrupted_weapons_use() {
    assert_event_types(&[
        ("Police seized seven pistols and 500 live bullets in a raid on a house in Cuttack.", "disrupted_weapons_use"),
        ("Two hundred pistols and 17,000 bullets were captured in Addis Ababa on Monday.", "disrupted_weapons_use"),
        ("A cache of rifles and ammunition was found by soldiers near Garissa.", "disrupted_weapons_use"),
    ]);
    let doc = extract("Gunmen raided a police post in Mandera and seized rifles.");
    assert!(doc.events.iter().all(|e| e.event_type != "disrupted_weapons_use"), "{}", show(&doc));
}

/// "Set up" and "established" report a new base only when what was set up
/// is a base, post or camp, in the same clause.
#[test]
fn bases_set_up_are_headquarters_events() {
    assert_event_types(&[
        ("Turkish forces have set up a new observation post in Idlib province.", "headquarters_or_base_established"),
        ("US forces established a military checkpoint near Al-Malikiyah.", "headquarters_or_base_established"),
        ("The latest Turkish point was established on Monday near Ain Issa.", "headquarters_or_base_established"),
    ]);
    for t in [
        "The ministry set up a committee to review the budget in Nairobi.",
        "The officer, who had moved to Kisumu to set up a firm, made the point.",
    ] {
        let doc = extract(t);
        assert!(doc.events.iter().all(|e| e.event_type != "headquarters_or_base_established"), "{t}: {}", show(&doc));
    }
}

/// Poison gas makes a strike or an attack a chemical weapon attack.
#[test]
fn poison_gas_makes_a_chemical_weapon_attack() {
    assert_event_types(&[
        ("Rebels fired shells stuffed with poisonous gas at the Zahraa neighbourhood of Aleppo.", "chemical_weapon"),
        ("A helicopter dropped a chlorine bomb on a residential area of Saraqeb on Tuesday.", "chemical_weapon"),
        ("Government forces attacked Douma with toxic gas, killing 40 people.", "chemical_weapon"),
    ]);
}

/// What was done to people decides the type: a raid in which people were
/// detained is an arrest, and people "captured" are arrested by the state
/// or abducted by anyone else, while a captured town is territory.
#[test]
fn raids_with_detentions_and_captured_people() {
    assert_event_types(&[
        ("Israeli forces detained 12 Palestinians in overnight raids across the West Bank.", "arrests"),
        ("The Somali National Army captured a senior commander of the group near Dhusamareb.", "arrests"),
        ("Al-Shabaab militants captured four soldiers near Kismayo on Monday.", "abduction_forced_disappearance"),
        (
            "Syrian government forces captured a rebel-held neighbourhood of Aleppo on Saturday.",
            "government_regains_territory",
        ),
    ]);
}

/// Deaths in a natural disaster or an accident are no political violence,
/// unless an armed actor is named.
#[test]
fn disasters_and_accidents_are_not_attacks() {
    for t in [
        "A strong earthquake on the island of Java killed eight people on Monday.",
        "At least 77 people died in flash floods in Papua province, officials said.",
        "A boiler exploded at a pesticide plant in Multan, injuring two workers.",
        "Three people were killed in a road accident near Naivasha on Sunday.",
    ] {
        let doc = extract(t);
        assert!(doc.events.iter().all(|e| !is_violent(e)), "{t}: {}", show(&doc));
    }
    // An armed actor makes it violence again.
    assert_event_types(&[("Gunmen killed three people after their car crashed near Mandera.", "attack")]);
}

/// A group's own fighters are the group, and major armed groups outside
/// the Middle East and Africa are known by name.
#[test]
fn a_groups_fighters_are_the_group() {
    for (t, want) in [
        ("FARC rebels attacked a police station in Cauca on Tuesday.", "Revolutionary Armed Forces of Colombia"),
        ("Abu Sayyaf militants beheaded a hostage in Sulu on Tuesday.", "Abu Sayyaf"),
        ("Hamas gunmen attacked an Israeli patrol near Gaza on Friday.", "Hamas"),
    ] {
        let doc = extract(t);
        let ev = doc.events.iter().find(|e| is_violent(e)).unwrap_or_else(|| panic!("{t}: {}", show(&doc)));
        assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some(want), "{t}: {}", show(&doc));
    }
}

/// Strikes by aircraft are air strikes whatever the verb; surrenders and
/// prisoner exchanges are agreements (ACLED); troops moved are a change
/// to group activity, but an offer withdrawn is no event.
#[test]
fn aircraft_surrenders_and_troop_movements() {
    assert_event_types(&[
        ("Saudi jets fired missiles at a drilling machine in Arhab district on Saturday.", "air_drone_strike"),
        ("Turkish jets destroyed weapon depots used by PKK fighters in northern Iraq.", "air_drone_strike"),
        ("Ten rebels surrendered to security forces in Sirnak province on Sunday.", "agreement"),
        ("Rebels and government forces exchanged prisoners near Aleppo on Tuesday.", "agreement"),
        ("The Syrian army dispatched hundreds of troops to the outskirts of Palmyra.", "change_to_group_activity"),
    ]);
    let doc = extract("The company withdrew its offer for the Kisumu mill on Friday.");
    assert!(doc.events.iter().all(|e| e.event_type != "change_to_group_activity"), "{}", show(&doc));
    // Shooting down a drone is no air strike.
    let doc = extract("Houthi fighters shot down a Saudi drone over Saada on Monday.");
    assert!(doc.events.iter().all(|e| e.event_type != "air_drone_strike"), "{}", show(&doc));
}

/// Forces that withdraw from a place hand it over without a fight; a
/// company that withdraws from a deal does not.
#[test]
fn ground_taken_after_fighting_is_the_takeover() {
    assert_event_types(&[
        (
            "Al-Shabaab fighters captured the town of Bulo Burte after fierce fighting with Somali troops.",
            "non_state_actor_overtakes_territory",
        ),
        (
            "M23 rebels seized the town of Rubaya in North Kivu after heavy fighting with the army.",
            "non_state_actor_overtakes_territory",
        ),
        // Arms named elsewhere in the sentence are not what was captured.
        (
            "Syrian government forces captured five villages near a town that was the scene of a chemical weapons attack.",
            "government_regains_territory",
        ),
        // An aim is no takeover: the fight is the event.
        ("Government forces clashed with Islamic State fighters as they pressed on to retake the town of Sirte.", "armed_clash"),
    ]);
}

#[test]
fn withdrawals_transfer_territory() {
    assert_event_types(&[
        (
            "Somali National Army forces have withdrawn from Gofgadud, 30 km from Baidoa.",
            "non_violent_transfer_of_territory",
        ),
        ("All regime forces have withdrawn from Al-Mastumah base in Idlib.", "non_violent_transfer_of_territory"),
    ]);
    let doc = extract("The company withdrew from the Mombasa port deal on Friday.");
    assert!(doc.events.iter().all(|e| e.event_type != "non_violent_transfer_of_territory"), "{}", show(&doc));
}

/// Intent to cooperate and asylum are PLOVER agree and aid, when someone
/// is named; a weak verbal trigger with no actor is no event ("the
/// shareholders approved the measures at a special meeting").
#[test]
fn intent_and_asylum_need_an_actor() {
    assert_event_types(&[
        ("Syria says it is willing to withdraw its troops from Lebanon.", "agree"),
        ("Uganda has granted political asylum to 18 Rwandan rebels.", "aid"),
    ]);
    for t in [
        "The shareholders approved the measures at a special meeting.",
        "The capacity is already committed to other buyers.",
    ] {
        let doc = extract(t);
        assert!(doc.events.is_empty(), "{t}: {}", show(&doc));
    }
}

/// A territorial change needs an armed actor or a place word nearby: a
/// company taken over or income that fell to a figure is no battle.
#[test]
fn takeovers_are_not_territory() {
    for t in [
        "Heineken's net income fell to 537m euros during 2004.",
        "Deutsche Boerse is competing to take over the London exchange.",
        "Cebit fever takes over Hanover.",
    ] {
        let doc = extract(t);
        assert!(doc.events.iter().all(|e| !e.event_type.ends_with("territory")), "{t}: {}", show(&doc));
    }
    assert_event_types(&[(
        "The town of Qala-e Zal fell to the Taliban on Saturday.",
        "non_state_actor_overtakes_territory",
    )]);
}

/// Someone who "was captured" with no place taken was arrested.
#[test]
fn a_person_captured_was_arrested() {
    assert_event_types(&[("Harvey Ponce-Gomez of Nicaragua was captured in Los Angeles on June 1.", "arrests")]);
    let doc = extract("Hantuchova captured her second career singles title at Indian Wells.");
    assert!(doc.events.is_empty(), "{}", show(&doc));
}

/// A riot that harms someone with no demonstration in sight is mob
/// violence; stones thrown at a demonstration stay a violent one.
#[test]
fn riots_that_harm_someone_outside_a_demonstration_are_mob_violence() {
    assert_event_types(&[
        ("Rioters attacked two prison warders who had arrested a man in Ruiru.", "mob_violence"),
        ("Youths pelted the senator's convoy with stones in Kakamega on Friday.", "mob_violence"),
        ("Students rioted and pelted police with stones during a demonstration in Kisumu.", "violent_demonstration"),
    ]);
}

/// Aid or talks stopped are a sanction, not aid or consultation.
#[test]
fn cooperation_stopped_is_a_sanction() {
    assert_event_types(&[
        ("Japan said on Tuesday it had halted economic aid to Serbia.", "sanction"),
        ("Red Cross officials suspended aid deliveries in Baghdad on Wednesday.", "sanction"),
    ]);
    let doc = extract("Japan sent economic aid to Serbia on Tuesday.");
    assert!(doc.events.iter().all(|e| e.event_type != "sanction"), "{}", show(&doc));
}

/// A curfew or a state of emergency relaxed is a concession, however the
/// words run.
#[test]
fn restrictions_relaxed_are_a_concession() {
    assert_event_types(&[
        ("Serbia lifted a night curfew in Montenegro on Sunday.", "concede"),
        ("President Bashir on Thursday shortened by one hour the nightly curfew in Khartoum.", "concede"),
    ]);
    let doc = extract("The army imposed a night curfew in Khartoum on Thursday.");
    assert!(doc.events.iter().all(|e| e.event_type != "concede"), "{}", show(&doc));
}

/// A story filed from a foreign bureau is not about the bureau's city: a
/// headline that names no place falls back on the document's own country.
#[test]
fn a_dateline_abroad_is_no_document_location() {
    let d = extract(
        "Myanmar junta airstrike on village kills 17, resistance says\n\nBANGKOK (Reuters) - A Myanmar military \
         airstrike on a village in the northwestern Sagaing region killed at least 17 people, residents said. \
         About 300 people protested in Yangon on Saturday.",
    );
    let first = d.events[0].location.as_ref().expect("a location");
    assert_eq!(first.place.country.as_deref(), Some("MM"), "{:?}", d.events);
    assert!(d.events.iter().all(|e| e.location.as_ref().is_none_or(|l| l.place.name != "Bangkok")), "{:?}", d.events);
}

/// A place fronted before the report frames the reported event too.
#[test]
fn a_fronted_place_frames_a_reported_event() {
    let d = extract(
        "Troops shelled villages in Sagaing region on Monday. In western Rakhine state, the Arakan Army said it had \
         captured the town of Paletwa after weeks of fighting.",
    );
    let ev = d.events.iter().find(|e| e.event_type == "non_state_actor_overtakes_territory").expect("a takeover");
    let loc = ev.location.as_ref().expect("a location");
    assert_eq!(loc.text.as_deref(), Some("Rakhine state"), "{:?}", d.events);
    // Not fronted: the place of the report is only near the event.
    let d = extract("Officials in Nairobi said gunmen attacked a bus, killing four.");
    let ev = d.events.iter().find(|e| e.event_type == "attack").expect("an attack");
    assert_eq!(ev.location.as_ref().map(|l| l.geo_precision), Some(2), "{:?}", ev.location);
}

/// "Meanwhile", "Separately": the story moves on, and the last actor stays
/// behind.
#[test]
fn a_new_topic_takes_no_actor_from_the_story_before() {
    let d = extract(
        "U.S. Central Command said its forces destroyed three Houthi drones in Yemen on Tuesday.\n\nMeanwhile in \
         Taiz, a landmine killed two children as they herded goats, a local official said.",
    );
    let mine = d.events.iter().find(|e| e.event_type == "remote_explosive_landmine_ied").expect("a landmine");
    let source = mine.source.as_ref().map(|a| a.name.as_str());
    assert!(!source.unwrap_or("").contains("Central Command"), "{:?}", mine.source);
    assert_eq!(mine.killed, Some(2));
}

/// The trigger that names the armed agent is the agent: "Israeli warplanes
/// struck", "British warplanes".
#[test]
fn a_weapon_with_its_nationality_is_the_source() {
    for (text, who) in [
        ("Israeli warplanes struck Hamas targets in Rafah on Tuesday.", "Military Forces of Israel"),
        ("U.S. and British warplanes struck Houthi targets in Hodeidah.", "Military Forces of United Kingdom"),
    ] {
        let d = extract(text);
        let ev = d.events.iter().find(|e| e.event_type == "air_drone_strike").expect("a strike");
        assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some(who), "{text}");
    }
}

/// A dateline's day is when the story was filed: its weekdays count back
/// from it, and it is not the date of the event the first sentence reports.
#[test]
fn weekdays_count_back_from_the_dateline() {
    let text = "OUAGADOUGOU, Feb 12 (Reuters) - Suspected Islamist militants killed at least 40 soldiers in an \
                attack on an army base near Djibo on Sunday, two security sources said.\n\nIn Niger, gunmen \
                abducted 12 villagers in the Tillaberi region on Friday night, a local source said.";
    // Collected months later: the dateline still dates the story.
    let d = extract_on(text, ymd(2024, 7, 19));
    let attack = d.events.iter().find(|e| e.killed == Some(40)).expect("the attack");
    assert_eq!(attack.date, Some(ymd(2024, 2, 11)), "{:?}", d.events);
    let abduction = d.events.iter().find(|e| e.event_type == "abduction_forced_disappearance").expect("the abduction");
    assert_eq!(abduction.date, Some(ymd(2024, 2, 9)));
}

/// A claim of responsibility names who carried out the event told before
/// it; it is not a second attack.
#[test]
fn a_claim_names_the_earlier_events_actor() {
    let d = extract(
        "Suspected Islamist militants killed at least 40 soldiers in an attack on an army base near Djibo on \
         Sunday. JNIM, al Qaeda's affiliate in the Sahel, claimed responsibility for the assault in a statement.",
    );
    let violent: Vec<&Event> = d.events.iter().filter(|e| VIOLENT.contains(&e.event_type.as_str())).collect();
    assert_eq!(violent.len(), 1, "{violent:?}");
    assert_eq!(violent[0].source.as_ref().map(|a| a.name.as_str()), Some("Jama'at Nusrat al-Islam wal-Muslimin"));
    assert_eq!(violent[0].killed, Some(40));
    // A named actor already there stays.
    let d = extract(
        "Al-Shabaab fighters attacked a police post in Mandera on Sunday. JNIM claimed responsibility for the attack.",
    );
    let violent: Vec<&Event> = d.events.iter().filter(|e| VIOLENT.contains(&e.event_type.as_str())).collect();
    assert_eq!(violent.len(), 1, "{violent:?}");
    assert_eq!(violent[0].source.as_ref().map(|a| a.name.as_str()), Some("Al Shabaab"));
}

/// Copy wrapped at a fixed width keeps its sentences whole: the gunmen on
/// one line killed the people on the next.
#[test]
fn a_wrapped_sentence_keeps_its_actor() {
    let d = extract(
        "KENYA ATTACK\nSuspected al Shabaab gunmen on Tuesday attacked a passenger bus\nin Mandera county, killing \
         four people, police said.",
    );
    let ev = d.events.iter().find(|e| e.trigger.text == "attacked").expect("an attack");
    assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some("Al Shabaab"), "{:?}", d.events);
    assert_eq!(ev.killed, Some(4));
    assert_eq!(ev.location.as_ref().and_then(|l| l.text.as_deref()), Some("Mandera county"));
}

/// A headline sums up its story: an event the story tells again is not a
/// second event, and the lede's "the strikes" are not the headline's.
#[test]
fn a_headline_retold_by_its_story_is_one_event() {
    let d = extract(
        "Gunmen kill eight at party in central Mexico\n\nGunmen burst into a birthday party in the state of \
         Guanajuato late on Saturday and opened fire, killing eight people, prosecutors said.",
    );
    let violent: Vec<&Event> = d.events.iter().filter(|e| VIOLENT.contains(&e.event_type.as_str())).collect();
    assert_eq!(violent.len(), 1, "{violent:?}");
    assert_eq!(violent[0].trigger.text, "opened fire");
    // A headline event the story does not tell again stays.
    let d = extract("Police arrest 20 protesters in Yangon\n\nThe junta extended the curfew on Tuesday.");
    assert!(d.events.iter().any(|e| e.event_type == "arrests" || e.event_type == "protest_with_intervention"));
}

/// What has been going on is the background of the event a sentence tells.
#[test]
fn an_ongoing_fight_is_background() {
    let d = extract(
        "Gunmen killed eight people at a party in Guanajuato state on Saturday. The attack happened in the town \
         of Salvatierra, where two rival cartels have been fighting for control of fuel theft.",
    );
    let violent: Vec<&Event> = d.events.iter().filter(|e| VIOLENT.contains(&e.event_type.as_str())).collect();
    assert_eq!(violent.len(), 1, "{violent:?}");
    assert_eq!(violent[0].location.as_ref().map(|l| &*l.place.name), Some("Salvatierra"));
}

/// Bombs dropped by aircraft are an air strike, not a roadside bomb.
#[test]
fn bombs_dropped_from_the_air_are_an_air_strike() {
    let d = extract("A military jet dropped two bombs on a village in Sagaing region on Wednesday, killing 17 people.");
    assert_eq!(d.events[0].event_type, "air_drone_strike", "{:?}", d.events);
    // A bomb planted on a road stays an explosive.
    let d = extract("A roadside bomb exploded near a police truck in Garissa on Wednesday, killing two officers.");
    assert_eq!(d.events[0].event_type, "remote_explosive_landmine_ied", "{:?}", d.events);
}

/// A country in the possessive qualifies an office across its modifiers:
/// "India’s foreign ministry" speaks for India wherever the story is.
#[test]
fn a_possessive_country_qualifies_an_office_across_modifiers() {
    let d = extract(
        "India’s foreign ministry said it was closely following the developments in Bangladesh and urged calm.",
    );
    let ev = d.events.iter().find(|e| e.trigger.text == "urged").expect("a request");
    assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some("Government of India"), "{:?}", d.events);
    // Also across a word that names a place elsewhere ("Defence", a
    // district of Karachi), and to the office's own forces.
    let d = extract("Russia's defence ministry said its forces had captured Zhelanne in Donetsk region.");
    let ev = d.events.iter().find(|e| e.trigger.text == "captured").expect("a capture");
    assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some("Military Forces of Russia"), "{:?}", d.events);
    // A nationality before a state's weapon names the state that fired it,
    // after a fronted place too.
    let d = extract("In the northeastern city of Kharkiv, Russian shelling killed two people on Tuesday evening.");
    let ev = d.events.iter().find(|e| e.trigger.text == "shelling").expect("the shelling");
    assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some("Military Forces of Russia"), "{:?}", d.events);
    // Not across a verb: the gunmen come from Somalia, the police are Kenya's.
    let d = extract("Gunmen from Somalia attacked police in Mandera on Tuesday.");
    let ev = d.events.iter().find(|e| e.trigger.text == "attacked").expect("an attack");
    assert_eq!(ev.target.as_ref().map(|a| a.name.as_str()), Some("Police Forces of Kenya"));
}

/// Who only reported the last event did not carry out the next one.
#[test]
fn a_speaker_is_not_the_next_events_actor() {
    let d = extract(
        "Houthi rebels fired two missiles at a cargo ship in the Red Sea on Monday, the British military said. \
         A second vessel was struck west of Hodeidah.",
    );
    let second = d.events.iter().find(|e| e.trigger.text == "struck").expect("the second strike");
    let source = second.source.as_ref().map(|a| a.name.as_str()).unwrap_or("");
    assert!(!source.contains("United Kingdom"), "{:?}", second.source);
    // An actor that acted still carries over: "They also burned a school"
    // is the same group's.
    let d = extract("Al Shabaab fighters attacked a police post in Mandera. They also burned a school.");
    let burned = d.events.iter().find(|e| e.trigger.text == "burned").expect("the arson");
    assert_eq!(burned.source.as_ref().map(|a| a.name.as_str()), Some("Al Shabaab"), "{:?}", d.events);
}

/// An organisation actors.csv does not know, introduced with its acronym,
/// is one actor under its own name.
#[test]
fn an_organisation_introduced_with_its_acronym_is_an_actor() {
    let d = extract(
        "The Tuareg-led Strategic Framework for the Defence of the People of Azawad (CSP-DPA) accused the army of \
         carrying out the strike.",
    );
    let ev = d.events.iter().find(|e| e.event_type == "accuse").expect("an accusation");
    let source = ev.source.as_ref().map(|a| a.name.as_str());
    assert_eq!(source, Some("Strategic Framework for the Defence of the People of Azawad"), "{:?}", d.events);
    // Its fighters before its name are the organisation; later its acronym
    // alone names it, with its fighters after it or as "its fighters".
    let d = extract(
        "Fighters of the Strategic Framework for the Defence of the People of Azawad (CSP-DPA) attacked an army \
         post near Kidal on Sunday. The CSP-DPA said its fighters had seized weapons. On Monday, CSP-DPA fighters \
         ambushed a convoy near Gao, killing two soldiers.",
    );
    let csp = "Strategic Framework for the Defence of the People of Azawad";
    let by_trigger = |t: &str| d.events.iter().find(|e| e.trigger.text.starts_with(t)).expect(t);
    let source = |t: &str| by_trigger(t).source.as_ref().map(|a| (a.name.as_str(), a.text.as_str()));
    assert_eq!(source("attacked").map(|s| s.0), Some(csp), "{:?}", d.events);
    assert_eq!(source("seized").map(|s| s.0), Some(csp), "{:?}", d.events);
    assert_eq!(source("said").map(|s| s.0), Some(csp), "{:?}", d.events);
    assert_eq!(source("ambushed"), Some((csp, "CSP-DPA fighters")), "{:?}", d.events);
    // A known group keeps its catalogue name.
    let d = extract("The Rapid Support Forces (RSF) attacked El Fasher on Tuesday.");
    let ev = d.events.iter().find(|e| e.trigger.text == "attacked").expect("an attack");
    assert_eq!(ev.source.as_ref().map(|a| a.name.as_str()), Some("Rapid Support Forces"));
}

/// "The rebels" are the armed group the story last named.
#[test]
fn the_rebels_are_the_group_named_before() {
    let d = extract(
        "Yemen's Houthi rebels fired two missiles at a cargo ship in the Red Sea on Monday. The rebels vowed to \
         continue targeting ships linked to Israel.",
    );
    let threat = d.events.iter().find(|e| e.event_type == "threaten").expect("a threat");
    assert_eq!(threat.source.as_ref().map(|a| a.name.as_str()), Some("Houthis"), "{:?}", d.events);
    // With no group named before, they stay generic.
    let d = extract("The rebels vowed to continue attacks on ships in the Red Sea.");
    let threat = d.events.iter().find(|e| e.event_type == "threaten").expect("a threat");
    assert_ne!(threat.source.as_ref().map(|a| a.name.as_str()), Some("Houthis"));
}

/// A possessor inside an apposition describes the subject before it.
#[test]
fn an_apposition_leaves_the_subject_in_place() {
    let d = extract("JNIM, al Qaeda's affiliate in the Sahel, said on Monday it would continue attacks on the army.");
    let threat = d.events.iter().find(|e| e.event_type == "threaten").expect("a threat");
    let source = threat.source.as_ref().map(|a| a.name.as_str());
    assert_eq!(source, Some("Jama'at Nusrat al-Islam wal-Muslimin"), "{:?}", d.events);
    // Without the apposition's comma, the possessor's office speaks.
    let d = extract("JNIM fighters and al Qaeda's leaders said on Monday they would continue attacks on the army.");
    let threat = d.events.iter().find(|e| e.event_type == "threaten").expect("a threat");
    assert_eq!(threat.source.as_ref().map(|a| a.name.as_str()), Some("Al-Qaeda"), "{:?}", d.events);
}

/// A compass part of a country ("northern Kenya", "the west of Kenya") puts
/// the event at a division in that part, at region precision, not at the
/// capital; the country alone, or a country whose name starts with a
/// compass word, still gives the capital.
#[test]
fn compass_part_of_a_country() {
    let loc = |text: &str| {
        let d = extract(text);
        let ev = d.events.into_iter().find(|e| e.location.is_some()).expect("an event with a location");
        ev.location.unwrap()
    };
    let nairobi_lat = -1.29;
    let north = loc("Gunmen killed four herders in northern Kenya on Tuesday.");
    assert_eq!(north.place.country.as_deref(), Some("KE"));
    assert_eq!(north.place.kind, geoevents::PlaceKind::Admin1);
    assert!(north.place.lat > nairobi_lat + 1.0, "{:?}", north.place);
    assert_eq!((north.text.as_deref(), north.geo_precision), (Some("northern Kenya"), 3));
    let west = loc("Police clashed with rioters in the west of Kenya on Tuesday.");
    assert!(west.place.lon < 36.0 && west.place.kind == geoevents::PlaceKind::Admin1, "{:?}", west.place);
    assert_eq!(west.text.as_deref(), Some("west of Kenya"));
    let north_east = loc("A roadside bomb killed two soldiers in north-eastern Kenya on Tuesday.");
    assert!(north_east.place.lon > 38.5 && north_east.place.lat > 0.0, "{:?}", north_east.place);
    assert_eq!(loc("Gunmen killed four herders in Kenya on Tuesday.").place.name, "Nairobi");
    assert_eq!(loc("A bomb exploded in South Sudan on Tuesday.").place.name, "Juba");
}

/// An event noun before the name of a body of people names that body: an
/// "aid group" gives no aid, "aid workers" killed are victims of a strike.
#[test]
fn an_event_noun_naming_a_body_of_people_is_no_event() {
    let doc = extract("A local aid group said the shelling hit a market in El Fasher.");
    assert!(doc.events.iter().all(|e| e.event_type != "aid"), "{}", show(&doc));
    assert!(doc.events.iter().any(|e| e.event_type == "shelling_artillery_missile_attack"), "{}", show(&doc));
    let doc = extract("Two aid workers were killed in an airstrike in Rafah on Tuesday.");
    assert!(doc.events.iter().all(|e| e.event_type != "aid"), "{}", show(&doc));
    // Aid given is still aid.
    let doc = extract("The United Nations sent aid to El Fasher on Tuesday.");
    assert!(doc.events.iter().any(|e| e.event_type == "aid"), "{}", show(&doc));
}

/// A conflict's running toll in the perfect is background, not an event of
/// its own; a toll of one attack in the same tense still is.
#[test]
fn a_wars_running_toll_is_no_event() {
    let doc = extract(
        "The war between the army and the RSF, which erupted in April 2023, has killed tens of thousands of people.",
    );
    assert!(doc.events.iter().all(|e| !is_violent(e)), "{}", show(&doc));
    let doc = extract("The civil war has left more than 300,000 people dead in Syria.");
    assert!(doc.events.iter().all(|e| !is_violent(e)), "{}", show(&doc));
    let doc = extract("About 700,000 people have been displaced by gang violence in Haiti.");
    assert!(doc.events.iter().all(|e| !is_violent(e)), "{}", show(&doc));
    // One battle's toll in the perfect passive is that battle.
    let doc = extract("At least one person has been killed in fighting between troops and al-Shabab in Galhareeri.");
    assert!(doc.events.iter().any(|e| is_violent(e) && e.killed == Some(1)), "{}", show(&doc));
    let doc = extract("The bombing has killed at least 12 people in Kabul, police said.");
    assert!(doc.events.iter().any(|e| is_violent(e) && e.killed == Some(12)), "{}", show(&doc));
}

/// A raid that kills and abducts is an attack (ACLED codes the killing);
/// an abduction with no one killed stays one.
#[test]
fn killing_in_an_abduction_raid_makes_it_an_attack() {
    let doc = extract(
        "Armed bandits killed at least 20 villagers and abducted dozens of others in a raid on a village in Zamfara state on Sunday.",
    );
    let ev = doc.events.iter().find(|e| is_violent(e)).unwrap_or_else(|| panic!("no event:{}", show(&doc)));
    assert_eq!((ev.event_type.as_str(), ev.killed), ("attack", Some(20)), "{}", show(&doc));
    let doc = extract("Gunmen abducted 12 students from a school in Katsina state on Sunday.");
    assert!(doc.events.iter().any(|e| e.event_type == "abduction_forced_disappearance"), "{}", show(&doc));
}

/// A sentence that characterises a kind of event ("have become rampant",
/// "are common") tells of no event, whatever else it names; an event noun
/// that is the subject of a report still is one.
#[test]
fn a_characterised_kind_of_event_is_background() {
    let doc = extract(
        "Kidnappings for ransom have become rampant in Nigeria's northwest, where heavily armed gangs raid villages \
         and abduct residents.",
    );
    assert!(doc.events.is_empty(), "{}", show(&doc));
    let doc = extract("Such attacks are common in the region.");
    assert!(doc.events.is_empty(), "{}", show(&doc));
    let doc = extract("Clashes between rival clans killed four people in Wajir on Sunday.");
    assert!(doc.events.iter().any(is_violent), "{}", show(&doc));
}

/// A group named by capitalised words before a group noun ("the Gran Grif
/// gang") is a named armed group, and its name alone names it later; a
/// nationality before the noun names no group.
#[test]
fn a_gang_named_before_its_noun_is_a_named_group() {
    let d = extract(
        "Members of the Gran Grif gang opened fire on residents of Pont-Sonde on Thursday, killing 70 people. \
         Gran Grif leader Luckson Elan said the attack was retaliation.",
    );
    let attack = d.events.iter().find(|e| e.trigger.text == "opened fire").expect("the attack");
    assert_eq!(attack.source.as_ref().map(|a| a.name.as_str()), Some("Gran Grif Gang"), "{:?}", d.events);
    let said = d.events.iter().find(|e| e.event_type == "make_statement").expect("the statement");
    assert_eq!(said.source.as_ref().map(|a| a.name.as_str()), Some("Gran Grif Gang"), "{:?}", d.events);
    let d = extract("The Haitian gang attacked a police station in Mirebalais on Monday.");
    let attack = d.events.iter().find(|e| e.trigger.text == "attacked").expect("the attack");
    assert!(attack.source.as_ref().is_some_and(|a| a.name.starts_with("Unidentified")), "{:?}", d.events);
}

/// A place named only as a reference point ("a town north of
/// Port-au-Prince") is the document's fallback place last, like a dateline.
#[test]
fn a_reference_point_is_the_last_fallback_place() {
    let d = extract(
        "Gang attack kills at least 70 in town north of Port-au-Prince\n\nPORT-AU-PRINCE, Oct 4 (Reuters) - Gang \
         members opened fire on residents of a town in Haiti's Artibonite region on Thursday, killing at least 70 \
         people, the United Nations said.\n\nSixteen others were wounded, the UN said. At least 45 houses were set \
         on fire, forcing residents to flee.",
    );
    let fire = d.events.iter().find(|e| e.trigger.text == "set on fire").expect("the arson");
    let loc = fire.location.as_ref().expect("a fallback location");
    assert_eq!(loc.place.name, "Artibonite", "{:?}", d.events);
}

/// An event told as what another answers ("in response to an Israeli drone
/// strike that killed a commander") is the earlier event: the sentence's
/// event is the answer, without the answered event's dead or places.
#[test]
fn the_answered_event_is_not_the_sentences_event() {
    let t = "Hezbollah fired dozens of rockets at northern Israel on Saturday, the Israeli military said, in response \
             to an Israeli drone strike that killed a commander in southern Lebanon on Friday.";
    let doc = extract(t);
    let v = violent(t, &doc);
    assert_eq!(v.len(), 1, "{}", show(&doc));
    assert_eq!(v[0].event_type, "shelling_artillery_missile_attack", "{}", show(&doc));
    assert_eq!(v[0].source.as_ref().map(|a| a.name.as_str()), Some("Hezbollah"), "{}", show(&doc));
    assert_eq!(v[0].killed, None, "{}", show(&doc));
    assert_eq!(v[0].location.as_ref().and_then(|l| l.text.as_deref()), Some("northern Israel"), "{}", show(&doc));
}

/// A counted nationality is people of that country, and the victims of the
/// event; a nationality before a noun qualifies the noun.
#[test]
fn counted_nationals_are_civilians_of_their_country() {
    let doc = extract("Israeli air strikes killed at least 25 Palestinians in Gaza on Saturday.");
    let e = doc.events.iter().find(|e| is_violent(e)).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(e.target.as_ref().map(|a| a.name.as_str()), Some("Civilians (Palestine)"), "{}", show(&doc));
    let doc = extract("Israeli troops killed two Palestinian gunmen in Jenin on Saturday.");
    let e = doc.events.iter().find(|e| is_violent(e)).unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_ne!(e.target.as_ref().map(|a| a.kind.as_deref()), Some(Some("civilians")), "{}", show(&doc));
}

/// A country that is the subject of a verbal event speaks through its
/// government, past a day between them ("Albania on Friday denounced").
#[test]
fn a_country_speaks_past_the_day_of_its_statement() {
    let doc = extract("Albania on Friday denounced as an ugly crime Serbia's suppression of unrest in Montenegro.");
    let e = doc.events.iter().find(|e| e.trigger.text == "denounced").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Government of Albania"), "{}", show(&doc));
    // Two countries joined by "and" share the verb.
    let doc = extract("Czechia and China signed an agreement today to increase trade by 50 percent.");
    let e = doc.events.iter().find(|e| e.event_type == "agreement").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert!(e.source.as_ref().is_some_and(|a| a.name.starts_with("Government of")), "{}", show(&doc));
    // A parliament speaks for its country's state too.
    let doc = extract("The Azerbaijani parliament threatened on Monday to break relations with Russia.");
    let e = doc.events.iter().find(|e| e.event_type == "threaten").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(e.source.as_ref().map(|a| a.name.as_str()), Some("Government of Azerbaijan"), "{}", show(&doc));
}
