//! Actors in a sentence, and who is source and who is target of an event.
//!
//! Known actors come from `data/actors.csv` (Kata’ib Hezbollah, the IDF,
//! Lloyd Austin…). Generic agents from `data/agents.csv` ("gunmen",
//! "police", "protesters") take a country from a demonym or place right
//! before them ("Iraqi resistance groups", "Kenyan police", "US forces"),
//! from "in X" right after ("protesters in Nairobi"), or from the document,
//! and an ACLED-style name ("Police Forces of Kenya"). Metonyms ("Washington
//! said") become that country's government.

use super::lexicon::{ActorDef, CASED_ALIAS, EVENT_LEXICON};
use super::Actor;
use crate::text::tokens::{shape, Token};
use crate::toponyms::Toponyms;

/// An actor found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct FoundActor {
    pub tok_start: usize,
    pub tok_end: usize,
    pub actor: Actor,
}

impl FoundActor {
    pub fn is_media(&self) -> bool {
        self.actor.kind.as_deref() == Some("media")
    }
}

/// Country names for ACLED-style generic actor names.
fn country_name<'a, 'g: 'a>(topo_country: &'a str, names: &dyn Fn(&str) -> Option<&'g str>) -> &'a str {
    names(topo_country).unwrap_or(topo_country)
}

/// Finds the actors among tokens `s..e`.
pub(crate) fn find_actors<'g>(
    input: &str,
    toks: &[Token],
    (s, e): (usize, usize),
    topo: &Toponyms,
    doc_country: Option<&str>,
    country_names: &dyn Fn(&str) -> Option<&'g str>,
) -> Vec<FoundActor> {
    let lex = &*EVENT_LEXICON;
    let mut out = Vec::new();
    for (i, end, value) in lex.actors.matches(&toks[..e], s) {
        let def: &ActorDef = &lex.actor_defs[(value & !CASED_ALIAS) as usize];
        // An acronym in lower case is an ordinary word: "au" in
        // "Port-au-Prince" is not the African Union.
        let cased = shape::CAPITALIZED | shape::ALL_CAPS;
        if value & CASED_ALIAS != 0 && toks[i..end].iter().all(|t| t.shape & cased == 0) {
            continue;
        }
        // A lower-case generic word at the start of a longer capitalised
        // name is not an agent ("People's Party" is handled by actors.csv).
        let mut start = i;
        let mut country = def.country.clone();
        if def.generic {
            // Modifier before: a demonym or a place ("Iraqi resistance groups", "US forces").
            let joined = toks[i].has(shape::JOINED);
            if let Some(k) = topo.demonym_ending_at(i).filter(|_| joined) {
                country = Some(topo.demonyms[k].country.clone());
                start = topo.demonym_spans[k].0;
            } else if let Some(k) = topo.mention_ending_at(i).filter(|_| joined) {
                country = topo.mentions[k].place.country.as_deref().map(str::to_string);
                start = topo.token_spans[k].0;
            }
            if country.is_none() {
                // "protesters in Nairobi".
                if let Some(k) = topo.mention_starting_at(end + 1) {
                    if k < topo.mentions.len() && topo.mentions[k].literal {
                        country = topo.mentions[k].place.country.as_deref().map(str::to_string);
                    }
                }
            }
            if country.is_none() {
                country = doc_country.map(str::to_string);
            }
        }
        let text = input[toks[start].input_start as usize..toks[end - 1].input_end as usize].to_string();
        let name = if def.generic {
            match &country {
                Some(c) => def.name.replace("{country}", country_name(c, country_names)),
                None => def.name.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", ""),
            }
        } else {
            def.name.clone()
        };
        out.push(FoundActor {
            tok_start: start,
            tok_end: end,
            actor: Actor { text, name, country, kind: Some(def.kind.clone()) },
        });
    }
    // Metonyms: "Washington said" is the US government.
    for k in topo.mentions_in(s, e) {
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
        });
    }
    out.sort_by_key(|a| a.tok_start);
    out
}
