//! ACLED codebook conventions applied after an event is found: sub-type
//! refinements that depend on who took part and how, and the actors a
//! summary implies when it names none ("Protesters (Kenya)", "Civilians",
//! "Unidentified Armed Group").

use super::{family, Actor, Event};

/// ACLED codebook refinements that depend on who took part and how:
/// a clash between unarmed crowds is mob violence; a protest with burning,
/// stones or barricades is a violent demonstration; a "bombing" with no
/// aircraft is a remote explosive, not an air strike.
pub(super) fn refine_type(ev: &mut Event, input: &str, kinds: &[&str]) {
    // "Riot police" and "anti-riot" units say nothing about a riot.
    let mut sentence = input.get(ev.sentence.start..ev.sentence.end).unwrap_or("").to_lowercase();
    if sentence.contains("riot") {
        sentence = sentence.replace("anti-riot", "").replace("riot police", "police");
    }
    let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // Word stems: "burn" matches "burned", "ied" does not match "carried";
    // a stem with a space is a phrase ("running battle").
    let has = |stems: &[&str]| {
        stems
            .iter()
            .any(|st| if st.contains(' ') { sentence.contains(st) } else { words.iter().any(|w| w.starts_with(st)) })
    };
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
    let mob_word = words.iter().any(|w| matches!(*w, "mob" | "mobs"));
    let mob = sk == "rioters"
        || mob_word
        || has(&["lynch", "vigilante", "irate", "angry residents", "beaten to death", "beat to death"]);
    let (t, cameo): (&str, &str) = match ev.event_type.as_str() {
        // A crowd fighting police, or another crowd, is a riot: "police
        // clash with matatu operators".
        "armed_clash"
            if (!armed(&sk) || (sk == "police" && tk != "police"))
                && (!armed(&tk) || (tk == "police" && sk != "police"))
                && !non_state
                // Clans, tribes and pastoralist communities fighting are
                // communal militias to ACLED, not rioters.
                && !has(&["militia", "raider", "rustler", "gunmen", "bandit", "armed", "clan", "tribal", "pastoralist", "communal"])
                && (crowd(&sk) || crowd(&tk) || mob_word || has(&["supporters", "students", "youths", "residents"])) =>
        {
            if police {
                ("violent_demonstration", "145")
            } else {
                ("mob_violence", "145")
            }
        }
        "peaceful_protest" | "protest_with_intervention"
            if has(&[
                "burn",
                "torch",
                "pelt",
                "stone",
                "barricad",
                "block",
                "bonfire",
                "loot",
                "ablaze",
                "riot",
                "violent",
                "clash",
                "damag",
                "destroy",
                "smash",
                "vandal",
                "threw",
                "throw",
                "rock",
                "storm",
                "beat",
                "disrupt",
                "running battle",
                "tyre",
                "lit fire",
            ]) =>
        {
            ("violent_demonstration", "145")
        }
        // Arms and explosives seized or confiscated are disrupted weapons
        // use, not looting: "Police seize explosives from suspects".
        "looting_property_destruction"
            if has(&["seiz", "confiscat", "recover"])
                && has(&[
                    "weapon",
                    "arms",
                    "explosive",
                    "ammunition",
                    "bullets",
                    "rifle",
                    "gun",
                    "grenade",
                    "bomb",
                    "ied",
                    "detonator",
                    "rocket",
                    "missile",
                ]) =>
        {
            ("disrupted_weapons_use", "190")
        }
        "air_drone_strike"
            if !has(&[
                "air",
                "aerial",
                "warplane",
                "jet",
                "aircraft",
                "drone",
                "helicopter",
                "plane",
                "bomber",
                "uav",
            ]) =>
        {
            if has(&["missile", "rocket", "shell", "mortar", "artillery"]) {
                ("shelling_artillery_missile_attack", "194")
            } else if has(&["bomb", "explosi", "blast", "ied", "mine"]) {
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
            if (armed(&sk)
                && (armed(&tk) && (tk != "ethnic_group" || has(&["clash", "fight", "battle", "exchange"]))))
                || (state && non_state && !has(&["civilian"]))
                || (matches!(tk.as_str(), "police" | "military") && !crowd(&sk) && sk != "rioters" && !mob) =>
        {
            ("armed_clash", "190")
        }
        "attack" | "looting_property_destruction" if mob => ("mob_violence", "145"),
        // An explosive found and made safe hurt no one: disrupted weapons
        // use ("a bomb disposal squad defused an IED").
        "remote_explosive_landmine_ied" | "grenade"
            if ev.killed.is_none()
                && ev.wounded.is_none()
                && has(&[
                    "defus",
                    "diffus",
                    "disarm",
                    "bomb disposal",
                    "recovered",
                    "discovered",
                    "found",
                    "seized",
                ]) =>
        {
            ("disrupted_weapons_use", "190")
        }
        // A petrol bomb or stones thrown by gunmen or assailants, with no
        // crowd in sight, is an attack, not a demonstration.
        "violent_demonstration"
            if armed(&sk)
                && !mob
                && !has(&[
                    "protest",
                    "demonstrat",
                    "riot",
                    "youth",
                    "student",
                    "supporter",
                    "resident",
                    "crowd",
                    "march",
                ]) =>
        {
            ("attack", "190")
        }
        _ => return,
    };
    ev.event_type = t.to_string();
    ev.cameo = Some(cameo.to_string());
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
