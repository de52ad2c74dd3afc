//! Toponym resolution: which gazetteer entry each recognised name means.
//!
//! Candidates start from the gazetteer's context-free priors (see
//! `gazetteer::prior`), then are re-ranked by the document:
//! - countries the document names, directly, through demonyms or through
//!   unambiguous places, favour candidates in them;
//! - first-level divisions the document names favour candidates inside them;
//! - explicit containment ("X in Y", "X, Y", "Y's X", "the province of X"
//!   after "Y's") ties X to Y's country and division;
//! - spatial coherence: candidates near the other mentions' choices win;
//! - one sense per document: every occurrence of a name gets the same place.
//!
//! Each mention gets a confidence from the margin between its best and
//! second-best candidate and from the recognition evidence.

use rustc_hash::FxHashMap;

use super::candidates::{candidates, similar_enough, Cand};
use super::recognize::{Found, FoundDemonym};
use crate::gazetteer::distance::haversine_km;
use crate::gazetteer::store::compact::{posting_record, Compact};
use crate::gazetteer::{Gazetteer, MatchKind, PlaceKind};
use crate::text::tokens::{shape, Token};

/// A resolved mention: the chosen record and the confidence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    pub record: u32,
    pub how: MatchKind,
    pub confidence: f32,
}

/// Resolves every found mention; `None` where no candidate survives.
#[inline(never)]
pub(crate) fn resolve(
    gaz: &Gazetteer,
    toks: &[Token],
    folded: &str,
    found: &[Found],
    demonyms: &[FoundDemonym],
    actor_countries: &[super::recognize::ActorCountry],
    hint: Option<[u8; 2]>,
) -> Vec<Option<Resolved>> {
    let v = gaz.view();
    let mut cands: Vec<Vec<Cand>> = found
        .iter()
        .map(|f| {
            let s = toks[f.tok_start].start as usize;
            let e = toks[f.tok_end - 1].end as usize;
            let mut cs = candidates(&v, gaz, f, &folded[s..e]);
            // "US", "UAE", "DRC" in capitals are the country's code, never
            // a village spelled the same ("Us", France).
            let code = f.tok_end - f.tok_start == 1 && e - s <= 3 && toks[f.tok_start].has(shape::ALL_CAPS);
            if code && cs.iter().any(|c| v.record(c.record).kind() == PlaceKind::Country) {
                cs.retain(|c| v.record(c.record).kind() == PlaceKind::Country);
            }
            cs
        })
        .collect();

    // Country evidence: demonyms, and mentions whose best prior is a country
    // or a large area (each mention counts once, for its top candidate).
    let mut countries: FxHashMap<[u8; 2], f32> = FxHashMap::with_capacity_and_hasher(8, Default::default());
    for d in demonyms {
        *countries.entry(d.country).or_default() += 1.0;
    }
    for (c, _) in actor_countries {
        *countries.entry(*c).or_default() += 0.7;
    }
    // The caller's country hint counts like a nationality in the text.
    if let Some(h) = hint {
        *countries.entry(h).or_default() += 1.0;
    }
    // Division evidence, with the names that gave it (a name is no evidence
    // for itself: "Oklahoma" does not make Oklahoma City likelier).
    let mut admin1: FxHashMap<Division<'_>, Vec<EntryId>> = FxHashMap::default();
    // Each distinct name counts once: five "Paris" in a story are not five
    // votes for France, and a name is no evidence for itself.
    let mut own: Vec<Option<([u8; 2], f32)>> = vec![None; found.len()];
    let mut seen: FxHashMap<EntryId, Option<([u8; 2], f32)>> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for (m, cs) in cands.iter().enumerate() {
        if let Some(prev) = seen.get(&entry_id(&found[m])) {
            own[m] = *prev;
            continue;
        }
        let contribution = cs.first().and_then(|top| {
            let r = v.record(top.record);
            let cc = r.country()?;
            let margin = cs.get(1).map_or(30.0, |s| top.prior - s.prior);
            let w = match r.kind() {
                PlaceKind::Country => 1.0,
                PlaceKind::Admin1 | PlaceKind::Region => 0.7,
                _ if margin > 15.0 => 0.5,
                _ => 0.2,
            };
            *countries.entry(cc).or_default() += w;
            if matches!(r.kind(), PlaceKind::Admin1 | PlaceKind::Admin2) && margin > 5.0 {
                let a1 = if r.kind() == PlaceKind::Admin1 { r.name_bytes() } else { r.admin1_bytes() };
                admin1.entry((cc, a1)).or_default().push(entry_id(&found[m]));
            }
            Some((cc, w))
        });
        seen.insert(entry_id(&found[m]), contribution);
        own[m] = contribution;
    }

    let strongest = countries.values().copied().fold(0.0f32, f32::max);
    // Armed groups and peoples cross borders: al-Shabaab (Somalia) raids
    // Kenyan villages. The points of their countries, to keep a village
    // within reach of one.
    let cross_border: Vec<(f64, f64)> = actor_countries
        .iter()
        .filter(|a| !a.1)
        .filter_map(|a| v.country(a.0).map(|i| v.record(i)).map(|r| (r.lat(), r.lon())))
        .collect();
    // Divisions that contain another name's top candidate.
    // (country, division, name) of every name's top candidate, so that a
    // division is supported only by other names ("Alexandria" the city is
    // no evidence for the governorate of the same name).
    // (country, division) → the first name found in it, and whether a second
    // distinct name is too.
    let mut contained: FxHashMap<Division<'_>, (EntryId, bool)> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for (m, cs) in cands.iter().enumerate() {
        if let Some(top) = cs.first() {
            let r = v.record(top.record);
            if let (Some(cc), false) = (r.country(), matches!(r.kind(), PlaceKind::Country | PlaceKind::Admin1)) {
                if !r.admin1_bytes().is_empty() {
                    let e = entry_id(&found[m]);
                    let slot = contained.entry((cc, r.admin1_bytes())).or_insert((e, false));
                    if slot.0 != e {
                        slot.1 = true;
                    }
                }
            }
        }
    }

    // Containment: X followed by ", Y", "in Y", "(Y)"; or "Y's … X".
    let mut container: Vec<Option<usize>> = vec![None; found.len()];
    for m in 0..found.len() {
        if let Some(next) = found.get(m + 1) {
            // Caller-supplied spans may overlap or come in any order.
            let (a, b) = (toks[found[m].tok_end - 1].end as usize, toks[next.tok_start].start as usize);
            let g = folded.get(a..b).unwrap_or("").trim();
            if matches!(g, "," | "(" | "in" | ", in" | "near" | "of") {
                container[m] = Some(m + 1);
            }
        }
        if m > 0 {
            let prev = &found[m - 1];
            if toks[prev.tok_end - 1].has(shape::POSSESSIVE)
                && found[m].tok_start >= prev.tok_end
                && found[m].tok_start - prev.tok_end <= 5
            {
                container[m] = Some(m - 1);
            }
        }
    }

    // The container's likeliest reading, once per mention: the scores below
    // and the final check for lossy names both ask for it.
    let conts: Vec<_> = container.iter().map(|c| c.and_then(|c| cands_top(&v, found, c, gaz))).collect();
    for (m, cs) in cands.iter_mut().enumerate() {
        let cont = &conts[m];
        let division = names_division(toks, &found[m]);
        let me = entry_id(&found[m]);
        let has_country = cs.iter().any(|c| v.record(c.record).kind() == PlaceKind::Country);
        for c in cs.iter_mut() {
            let r = v.record(c.record);
            let Some(cc) = r.country() else { continue };
            let mut w = countries.get(&cc).copied().unwrap_or(0.0);
            if let Some((oc, ow)) = own[m] {
                if oc == cc {
                    w -= ow; // A mention is no evidence for itself.
                }
            }
            if w <= 0.05 && strongest >= 0.5 {
                // Nothing else in a document about another country is here.
                c.score -= 25.0;
            }
            if r.kind() == PlaceKind::Admin1
                && contained.get(&(cc, r.name_bytes())).is_some_and(|&(e, more)| more || e != me)
            {
                // Another place of the document lies in this division
                // ("Atlanta … Georgia").
                c.score += 35.0;
            }
            if w > 0.05 {
                c.score += 12.0 + 8.0 * (1.0 + w).ln();
                // A document clearly about one country means its provinces
                // and states by their bare names ("Georgia" in an Atlanta paper).
                if w >= 2.0 && r.kind() == PlaceKind::Admin1 && has_country {
                    c.score += if w >= 3.0 { 40.0 } else { 25.0 };
                }
                // A town named like a country, in the state where the
                // story's other places are, is what a local story means:
                // "Lebanon" beside Boone County and Zionsville, Indiana.
                if has_country
                    && matches!(r.kind(), PlaceKind::City | PlaceKind::Town | PlaceKind::Village)
                    && contained.get(&(cc, r.admin1_bytes())).is_some_and(|&(e, more)| more || e != me)
                {
                    c.score += 35.0;
                }
            }
            if r.kind() != PlaceKind::Admin1 {
                let others =
                    admin1.get(&(cc, r.admin1_bytes())).map_or(0, |es| es.iter().filter(|&&e| e != me).count());
                if others > 0 {
                    c.score += 20.0 + 5.0 * (others as f32).min(3.0);
                }
            }
            if division && matches!(r.kind(), PlaceKind::Admin1 | PlaceKind::Admin2) {
                c.score += 30.0;
            }
            if let Some((ycc, ya1, ykind)) = &cont {
                if *ycc == cc {
                    c.score += 35.0;
                    if *ykind != PlaceKind::Country && !ya1.is_empty() && *ya1 == r.admin1_bytes() {
                        c.score += 20.0;
                    }
                }
            }
        }
        cs.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
    }

    // Spatial coherence (co-location): a candidate near a candidate of
    // another name in the document is likelier, most of all near that
    // name's current choice ("Paris" beside "Edgar County" is Paris, Illinois).
    // Countries and first-level divisions have no meaningful point here.
    let entries: Vec<(u32, u32, bool)> = found.iter().map(entry_id).collect();
    // Each distinct name contributes its likeliest candidates as points,
    // sorted by latitude so that a query scans only a 4° band; bonuses are
    // computed once per (name, candidate). This keeps the cost close to
    // linear in the number of distinct names, whatever the document length.
    const COLOCATE_TOP: usize = 12;
    let mut points: Vec<(f64, f64, EntryId, bool)> = Vec::new(); // (lat, lon, name, is top)
    let mut first_of: FxHashMap<EntryId, usize> = FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for (m, cs) in cands.iter().enumerate() {
        if first_of.insert(entries[m], m).is_some() {
            continue;
        }
        for (rank, c) in cs.iter().take(COLOCATE_TOP).enumerate() {
            let r = v.record(c.record);
            if matches!(r.kind(), PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region) {
                continue;
            }
            points.push((r.lat(), r.lon(), entries[m], rank == 0));
        }
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut bonus_of: FxHashMap<(EntryId, u32), f32> =
        FxHashMap::with_capacity_and_hasher(points.len(), Default::default());
    for (m, cs) in cands.iter_mut().enumerate() {
        if cs.len() < 2 {
            continue;
        }
        for c in cs.iter_mut().take(COLOCATE_TOP) {
            let bonus = *bonus_of.entry((entries[m], c.record)).or_insert_with(|| {
                let r = v.record(c.record);
                if matches!(r.kind(), PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region) {
                    return 0.0;
                }
                let (lat0, lon0) = (r.lat(), r.lon());
                let p = geo::Point::new(lon0, lat0);
                let lo = points.partition_point(|q| q.0 < lat0 - 4.0);
                let mut bonus: f32 = 0.0;
                for &(lat, lon, e, top) in points[lo..].iter().take_while(|q| q.0 <= lat0 + 4.0) {
                    // 4° of latitude is 440 km; longitude degrees shrink with cos(latitude).
                    if e == entries[m] {
                        continue;
                    }
                    let dlon = (lon - lon0).abs().min(360.0 - (lon - lon0).abs());
                    if dlon * lat0.to_radians().cos().max(0.05) > 4.0 {
                        continue;
                    }
                    let d = haversine_km(p, geo::Point::new(lon, lat));
                    let b = match (d < 60.0, d < 400.0, top) {
                        (true, _, true) => 15.0,
                        (true, _, false) => 8.0,
                        (false, true, true) => 6.0,
                        _ => 0.0,
                    };
                    bonus = bonus.max(b);
                    if bonus >= 15.0 {
                        break;
                    }
                }
                bonus
            });
            c.score += bonus;
        }
        cs.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
    }

    // One sense per document: the same entry (same name key) → summed scores.
    let mut by_name: FxHashMap<(u32, u32, bool), Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for (m, f) in found.iter().enumerate() {
        by_name.entry(entry_id(f)).or_default().push(m);
    }
    for ms in by_name.values().filter(|ms| ms.len() > 1) {
        let mut total: FxHashMap<u32, f32> = FxHashMap::default();
        for &m in ms {
            for c in &cands[m] {
                *total.entry(c.record).or_default() += c.score;
            }
        }
        for &m in ms {
            for c in cands[m].iter_mut() {
                c.score = total.get(&c.record).copied().unwrap_or(c.score) / ms.len() as f32;
            }
            cands[m].sort_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
        }
    }

    cands
        .iter()
        .zip(found)
        .enumerate()
        .map(|(m, (cs, f))| {
            let best = cs.first()?;
            let r = v.record(best.record);
            let w = r.country().and_then(|c| countries.get(&c).copied()).unwrap_or(0.0);
            let own_w = own[m].filter(|o| Some(o.0) == r.country()).map_or(0.0, |o| o.1);
            let unsupported = w - own_w <= 0.05 && strongest >= 0.7;
            // In a story about another country, a one-word village or town
            // found only in some third country is a homonym we do not know
            // ("Mary", "Chester"), not a place to report; likewise a lone word
            // matched on its lossy key. Multi-word names ("al-Qa’im", "Jurf
            // al-Sakhar") are rarely accidental and are kept.
            let one_word = f.tok_end - f.tok_start == 1;
            let small = matches!(r.kind(), PlaceKind::Village | PlaceKind::Town)
                && r.origin() != crate::gazetteer::store::row::Origin::Curated;
            let lossy = best.how == MatchKind::Transliteration;
            // A town that bears the name outright stays when it lies within
            // reach of a cross-border actor's country (1,200 km of its point).
            let in_reach = || {
                let p = geo::Point::new(r.lon(), r.lat());
                cross_border.iter().any(|&(lat, lon)| haversine_km(p, geo::Point::new(lon, lat)) < 1200.0)
            };
            if unsupported && one_word && (lossy || (small && !in_reach())) {
                return None;
            }
            // "Mararani in Lamu East": a name matched on its lossy key to a
            // place outside the division it is said to be in is an unknown
            // place of that division, and is reported as that division (as
            // ACLED codes a village it cannot find), with low confidence.
            if let Some(c) = container[m].filter(|_| lossy) {
                if let Some((ycc, ya1, ykind)) = &conts[m] {
                    let outside = r.country() != Some(*ycc)
                        || (*ykind != PlaceKind::Country && !ya1.is_empty() && *ya1 != r.admin1_bytes());
                    if outside {
                        let within = cands[c].first()?;
                        let confidence = (0.4 * f.evidence).clamp(0.0, 1.0);
                        return Some(Resolved { record: within.record, how: best.how, confidence });
                    }
                }
            }
            // With nothing else pointing at its country, a name matched on
            // its lossy key must be a near-spelling ("Fallouja"), not a
            // different name that shares the key ("Songhor" / Sonqor,
            // "Orangi Town" / Oranjestad).
            if lossy && w - own_w <= 0.05 {
                let (s, e) = (toks[f.tok_start].start as usize, toks[f.tok_end - 1].end as usize);
                if !similar_enough(&v, best.record, &folded[s..e], 0.93, &mut String::new()) {
                    return None;
                }
            }
            let margin = cs.get(1).map_or(40.0, |s| best.score - s.score);
            let mut conf = 0.55 + 0.45 * (margin / 20.0).tanh();
            if best.how == MatchKind::Transliteration {
                conf *= 0.75;
            }
            conf *= f.evidence;
            Some(Resolved { record: best.record, how: best.how, confidence: conf.clamp(0.0, 1.0) })
        })
        .collect()
}

/// "the province of X", "X province", "X Governorate": the name is a division's.
fn names_division(toks: &[Token], f: &Found) -> bool {
    const DIVISIONS: [&str; 9] =
        ["province", "governorate", "state", "region", "district", "county", "oblast", "prefecture", "department"];
    let is_div = |t: &Token| DIVISIONS.iter().any(|w| t.folded_is(w));
    let before = f.tok_start >= 2 && toks[f.tok_start - 1].folded_is("of") && is_div(&toks[f.tok_start - 2]);
    let after = toks.get(f.tok_end).is_some_and(|t| t.has(shape::JOINED) && is_div(t));
    before || after
}

/// Identifies a recognised name: its postings range and match kind.
type EntryId = (u32, u32, bool);

fn entry_id(f: &Found) -> EntryId {
    let (s, l) = f.entry.raw();
    (s, l, f.translit)
}

/// A first-level division: its country and its name's bytes.
type Division<'a> = ([u8; 2], &'a [u8]);

/// (country, admin1 name, kind) of the top candidate of mention `c`.
fn cands_top<'a>(
    v: &Compact<'a>,
    found: &[Found],
    c: usize,
    gaz: &Gazetteer,
) -> Option<([u8; 2], &'a [u8], PlaceKind)> {
    let f = found.get(c)?;
    let best = v
        .postings(f.entry)
        .map(|p| (posting_record(p), gaz.prior(posting_record(p), MatchKind::Alternate)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let r = v.record(best.0);
    let a1 = if r.kind() == PlaceKind::Admin1 { r.name_bytes() } else { r.admin1_bytes() };
    Some((r.country()?, a1, r.kind()))
}
