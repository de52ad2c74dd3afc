//! Toponyms in running text: recognition (which words name places) and
//! resolution (which gazetteer entry each one means).

mod candidates;
pub(crate) mod lexicon;
mod recognize;
mod resolve;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, MatchKind, Place, PlaceKind};
use crate::text::fold::FoldedText;
use crate::text::tokens::{combine, Token, KEY_START};
use crate::text::Tokenizer;

pub(crate) use recognize::Found;

/// Below this confidence a mention is flagged `low_confidence`.
pub const LOW_CONFIDENCE: f32 = 0.5;

/// A place named in the text: the `Mention` object of the output contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface exactly as in the input.
    pub text: String,
    /// Byte offset of the first byte in the input (a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (a char boundary).
    pub end: usize,
    /// The resolved place.
    pub place: Place,
    /// Confidence in the resolution, 0..1.
    pub confidence: f32,
    /// False for metonyms: "Washington said" names a government, not a place
    /// where something happened.
    pub literal: bool,
    /// True when `confidence` is below [`LOW_CONFIDENCE`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub low_confidence: bool,
    /// How the surface matched the place's names.
    #[serde(rename = "match")]
    pub matched: MatchKind,
}

/// A demonym or national adjective ("Iraqi", "Syrians"): a reference to a
/// country, reported apart from place mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemonymMention {
    /// The surface exactly as in the input.
    pub text: String,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: String,
}

/// The toponyms of one document, with the internal form later stages use.
#[derive(Debug, Default)]
pub(crate) struct Toponyms {
    pub mentions: Vec<Mention>,
    pub demonyms: Vec<DemonymMention>,
    /// Token range of each mention (parallel to `mentions`).
    pub token_spans: Vec<(usize, usize)>,
    /// Token range and country of each demonym (parallel to `demonyms`).
    pub demonym_spans: Vec<(usize, usize)>,
    /// Places inside organisation names ("University of Nairobi"), not
    /// reported as mentions: fallback event locations.
    pub embedded: Vec<Mention>,
    /// Token range of each embedded place (parallel to `embedded`).
    pub embedded_spans: Vec<(usize, usize)>,
    /// Countries of the known actors the document names (each once):
    /// "Raila Odinga", "KDF" say Kenya.
    pub actor_countries: Vec<[u8; 2]>,
}

impl Toponyms {
    /// Indexes of the mentions whose tokens start in `s..e` (spans are in
    /// text order, so this is a binary search, not a scan).
    pub(crate) fn mentions_in(&self, s: usize, e: usize) -> std::ops::Range<usize> {
        let a = self.token_spans.partition_point(|&(ms, _)| ms < s);
        let b = self.token_spans.partition_point(|&(ms, _)| ms < e);
        a..b.max(a)
    }

    /// The mention whose tokens end exactly at token `end`, if any.
    pub(crate) fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let k = self.token_spans.partition_point(|&(ms, _)| ms < end);
        (k > 0 && self.token_spans[k - 1].1 == end).then(|| k - 1)
    }

    /// The mention whose tokens start exactly at token `start`, if any.
    pub(crate) fn mention_starting_at(&self, start: usize) -> Option<usize> {
        let k = self.token_spans.partition_point(|&(ms, _)| ms < start);
        (self.token_spans.get(k).is_some_and(|&(ms, _)| ms == start)).then_some(k)
    }

    /// The demonym whose tokens end exactly at token `end`, if any.
    pub(crate) fn demonym_ending_at(&self, end: usize) -> Option<usize> {
        let k = self.demonym_spans.partition_point(|&(ds, _)| ds < end);
        (k > 0 && self.demonym_spans[k - 1].1 == end).then(|| k - 1)
    }
}

/// Recognised names of a document, before resolution.
#[derive(Debug, Default)]
pub(crate) struct Recognised {
    found: Vec<Found>,
    demonyms: Vec<recognize::FoundDemonym>,
    /// Countries of the known actors the document names.
    actor_countries: Vec<recognize::ActorCountry>,
}

/// Recognises the place names and demonyms of a document.
pub(crate) fn recognise(gaz: &Gazetteer, folded: &FoldedText, toks: &[Token]) -> Recognised {
    let mut r = Recognised::default();
    recognize::recognize(gaz, folded, toks, &mut r.found, &mut r.demonyms, &mut r.actor_countries);
    r
}

/// Resolves recognised names to places; `hint` is the country the story
/// comes from, if the caller knows it.
pub(crate) fn resolve(
    gaz: &Gazetteer,
    input: &str,
    folded: &FoldedText,
    toks: &[Token],
    rec: Recognised,
    hint: Option<[u8; 2]>,
) -> Toponyms {
    let Recognised { found, demonyms: dem, actor_countries } = rec;
    let resolved = resolve::resolve(gaz, toks, folded.as_str(), &found, &dem, &actor_countries, hint);
    let actor_countries = actor_countries.iter().map(|a| a.0).collect();
    let mut out = Toponyms { actor_countries, ..Toponyms::default() };
    for (f, r) in found.iter().zip(resolved) {
        let Some(r) = r else { continue };
        let (s, e) = (toks[f.tok_start].input_start as usize, toks[f.tok_end - 1].input_end as usize);
        let (list, spans) = if f.embedded {
            (&mut out.embedded, &mut out.embedded_spans)
        } else {
            (&mut out.mentions, &mut out.token_spans)
        };
        list.push(Mention {
            text: input[s..e].to_string(),
            start: s,
            end: e,
            place: gaz.place(r.record),
            confidence: (r.confidence * 1000.0).round() / 1000.0,
            literal: f.literal,
            low_confidence: r.confidence < LOW_CONFIDENCE,
            matched: r.how,
        });
        spans.push((f.tok_start, f.tok_end));
    }
    for d in &dem {
        let (s, e) = (toks[d.tok_start].input_start as usize, toks[d.tok_end - 1].input_end as usize);
        out.demonyms.push(DemonymMention {
            text: input[s..e].to_string(),
            start: s,
            end: e,
            country: String::from_utf8_lossy(&d.country).into_owned(),
        });
        out.demonym_spans.push((d.tok_start, d.tok_end));
    }
    out
}

/// The country a short text names, for the caller's country hint: an ISO
/// alpha-2 code (when `code_ok`), a country ("Daily Nation (Kenya)"), a
/// bracketed code ("Daily Times (PK)"), a national outlet of
/// `national_media.csv` ("Radio Okapi"), a nationality ("Zambian
/// Watchdog"), else the country of the first city or division it names
/// ("Imphal Free Press"). Worldwide agencies and language
/// tags count for nothing ("Agence France Presse - English"). `None` when it
/// names none.
pub(crate) fn country_named(gaz: &Gazetteer, text: &str, code_ok: bool) -> Option<[u8; 2]> {
    let text = text.trim();
    // Outlet names are short; a long string is not one.
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    let b = text.as_bytes();
    if code_ok && b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
        let code = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
        if gaz.view().country(code).is_some() {
            return Some(code);
        }
    }
    let code_of = |c: &str| <[u8; 2]>::try_from(c.as_bytes()).ok();
    if code_ok {
        // A bare name in any case ("kenya", "Côte d'Ivoire").
        if let Some(c) = gaz.lookup(text).first().filter(|c| c.place.kind == PlaceKind::Country) {
            return c.place.country.as_deref().and_then(code_of);
        }
    }
    // "Xinhua News Agency - French", "AFP -- English": the language of an
    // edition is no country.
    let cleaned = without_language_editions(text);
    let text = cleaned.as_str();
    let folded = FoldedText::new(text);
    let mut tokenizer = Tokenizer::new();
    let toks = tokenizer.tokenize(&folded, text);
    let rec = recognise(gaz, &folded, toks);
    let topo = resolve(gaz, text, &folded, toks, rec, None);
    // Agencies and broadcasters that report from everywhere ("Agence France
    // Presse", "Voice of America") say nothing about where a story is: the
    // places inside their names are passed over, those of other outlets in
    // the same field ("Daily Nation (Kenya); AFP") still count.
    let worldwide: Vec<(usize, usize)> =
        lexicon::LEXICON.international_media.matches(toks, 0).map(|(s, e, _)| (s, e)).collect();
    let outside = |&(s, e): &(usize, usize)| !worldwide.iter().any(|&(ws, we)| s >= ws && e <= we);
    // An outlet's name is an organisation's name, so a place inside it
    // ("Kenya Standard", "Nairobi News") counts like any other.
    let places = || {
        topo.mentions
            .iter()
            .zip(&topo.token_spans)
            .chain(topo.embedded.iter().zip(&topo.embedded_spans))
            .filter(|(m, span)| m.place.country.is_some() && outside(span))
            .map(|(m, _)| m)
    };
    // The outlet's own country, when the name says it in brackets ("Daily
    // Times (PK)") or the outlet is a known national one ("Radio Okapi").
    let bracketed_code = || {
        text.as_bytes().windows(4).find_map(|w| match *w {
            [b'(', a, b, b')'] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                gaz.view().country([a, b]).map(|_| [a, b])
            }
            _ => None,
        })
    };
    let national_outlet = || {
        lexicon::LEXICON
            .national_media
            .matches(toks, 0)
            .find(|&(s, e, _)| outside(&(s, e)))
            .map(|(_, _, code)| (code as u16).to_le_bytes())
    };
    places()
        .find(|m| m.place.kind == PlaceKind::Country)
        .and_then(|m| m.place.country.as_deref())
        .and_then(code_of)
        .or_else(bracketed_code)
        .or_else(national_outlet)
        .or_else(|| {
            topo.demonyms
                .iter()
                .zip(&topo.demonym_spans)
                .find(|(_, span)| outside(span))
                .and_then(|(d, _)| code_of(&d.country))
        })
        // Last, a city or division the outlet is named after ("Imphal Free
        // Press"); a village that shares an ordinary word with the name
        // ("The Tribune", Kansas) is none.
        .or_else(|| {
            places()
                .find(|m| matches!(m.place.kind, PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2))
                .and_then(|m| m.place.country.as_deref())
                .and_then(code_of)
        })
}

/// The outlet names of a `;`-separated list, each without a trailing
/// language-edition tag ("Xinhua News Agency - French" → "Xinhua News
/// Agency").
fn without_language_editions(text: &str) -> String {
    const LANGUAGES: [&str; 9] =
        ["english", "french", "arabic", "spanish", "portuguese", "russian", "chinese", "german", "swahili"];
    let mut out = String::with_capacity(text.len());
    for (k, part) in text.split(';').enumerate() {
        let name = match part.rsplit_once(" -") {
            Some((head, tag))
                if LANGUAGES.iter().any(|l| tag.trim_start_matches('-').trim().eq_ignore_ascii_case(l)) =>
            {
                head
            }
            _ => part,
        };
        if k > 0 {
            out.push(';');
        }
        out.push_str(name);
    }
    out
}

/// Resolves caller-supplied spans (byte ranges of `input`), using the rest of
/// the document as context. Spans that are out of range, not on char
/// boundaries, or name nothing in the gazetteer give `None`.
pub(crate) fn resolve_spans(
    gaz: &Gazetteer,
    input: &str,
    folded: &FoldedText,
    toks: &[Token],
    spans: &[(usize, usize)],
) -> Vec<Option<Mention>> {
    let v = gaz.view();
    let mut dem = Vec::new();
    let mut actor_countries = Vec::new();
    recognize::recognize(gaz, folded, toks, &mut Vec::new(), &mut dem, &mut actor_countries);
    // Map each span to its token range and name entry (exact, then translit).
    let mut scratch = String::new();
    let mut found = Vec::new();
    let mut slot = Vec::with_capacity(spans.len());
    for &(s, e) in spans {
        let ts = toks.iter().position(|t| t.input_end as usize > s && (t.input_start as usize) < e);
        let te = toks.iter().rposition(|t| (t.input_start as usize) < e && t.input_end as usize > s);
        let (Some(ts), Some(te)) = (ts, te) else {
            slot.push(None);
            continue;
        };
        let mut key = KEY_START;
        let mut tkey = KEY_START;
        for (k, t) in toks[ts..=te].iter().enumerate() {
            key = combine(key, t.hash);
            if !(t.has(crate::text::tokens::shape::ARTICLE) && ts + k < te) {
                tkey = combine(tkey, t.translit_hash(folded.as_str(), &mut scratch));
            }
        }
        let hit = v
            .exact(key)
            .filter(|e| e.is_name())
            .map(|e| (e, false))
            .or_else(|| v.translit(tkey).filter(|e| e.is_name()).map(|e| (e, true)));
        match hit {
            Some((entry, translit)) => {
                slot.push(Some(found.len()));
                found.push(Found {
                    tok_start: ts,
                    tok_end: te + 1,
                    entry,
                    translit,
                    evidence: 1.0,
                    literal: true,
                    embedded: false,
                });
            }
            None => slot.push(None),
        }
    }
    let resolved = resolve::resolve(gaz, toks, folded.as_str(), &found, &dem, &actor_countries, None);
    spans
        .iter()
        .zip(slot)
        .map(|(&(s, e), k)| {
            let r = resolved.get(k?).copied().flatten()?;
            let text = input.get(s..e)?.to_string();
            Some(Mention {
                text,
                start: s,
                end: e,
                place: gaz.place(r.record),
                confidence: (r.confidence * 1000.0).round() / 1000.0,
                literal: true,
                low_confidence: r.confidence < LOW_CONFIDENCE,
                matched: r.how,
            })
        })
        .collect()
}
