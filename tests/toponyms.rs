//! Toponym regression corpus: self-written news sentences through
//! `Extractor::new().extract(text)`, checking which surfaces are places, what
//! they resolve to, and which surfaces must never be places.

use std::sync::OnceLock;

use geoevents::toponyms::Mention;
use geoevents::{Document, Extractor, PlaceKind};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().asin()
}

fn show(doc: &Document) -> String {
    let mut s = String::new();
    for m in &doc.places {
        s.push_str(&format!(
            "\n  {:?} [{}..{}] -> {} ({:?}, {:?}, {:?}) literal={} conf={}",
            m.text,
            m.start,
            m.end,
            m.place.name,
            m.place.kind,
            m.place.country,
            m.place.admin1,
            m.literal,
            m.confidence
        ));
    }
    for d in &doc.demonyms {
        s.push_str(&format!("\n  demonym {:?} [{}..{}] -> {}", d.text, d.start, d.end, d.country));
    }
    if s.is_empty() {
        s.push_str(" (nothing)");
    }
    s
}

/// Structural invariants every document must satisfy.
fn check_invariants(text: &str, doc: &Document) {
    for m in &doc.places {
        assert!(m.start < m.end && m.end <= text.len(), "bad span {}..{} in {text:?}", m.start, m.end);
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span {}..{} not on char boundaries in {text:?}",
            m.start,
            m.end
        );
        assert_eq!(&text[m.start..m.end], m.text, "surface differs from the input slice in {text:?}");
        assert!((0.0..=1.0).contains(&m.confidence), "confidence {} out of 0..=1 for {:?}", m.confidence, m.text);
        assert_eq!(
            m.low_confidence,
            m.confidence < geoevents::toponyms::LOW_CONFIDENCE,
            "low_confidence flag for {:?}",
            m.text
        );
        assert!(m.place.lat.abs() <= 90.0 && m.place.lon.abs() <= 180.0, "coordinates of {:?}", m.place);
    }
    for w in doc.places.windows(2) {
        assert!(w[0].start <= w[1].start, "places not sorted by start in {text:?}:{}", show(doc));
        assert!(w[0].end <= w[1].start, "overlapping place mentions in {text:?}:{}", show(doc));
    }
    for d in &doc.demonyms {
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        assert_eq!(&text[d.start..d.end], d.text);
    }
    for w in doc.demonyms.windows(2) {
        assert!(w[0].start <= w[1].start, "demonyms not sorted in {text:?}");
    }
}

fn extract(text: &str) -> Document {
    let doc = extractor().extract(text);
    check_invariants(text, &doc);
    doc
}

/// The mention whose surface is exactly `surface`.
fn mention<'d>(doc: &'d Document, text: &str, surface: &str) -> &'d Mention {
    doc.places
        .iter()
        .find(|m| m.text == surface)
        .unwrap_or_else(|| panic!("no place mention {surface:?} in {text:?}; found:{}", show(doc)))
}

/// Byte range of the first occurrence of `needle`.
fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let s = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    (s, s + needle.len())
}

/// No place mention overlaps `needle`'s first occurrence.
fn assert_not_place(text: &str, doc: &Document, needle: &str) {
    let (s, e) = span_of(text, needle);
    if let Some(m) = doc.places.iter().find(|m| m.start < e && s < m.end) {
        panic!(
            "{needle:?} must not be a place, but {:?} -> {} ({:?}, {:?}) in {text:?}",
            m.text, m.place.name, m.place.kind, m.place.country
        );
    }
}

/// Expected resolution of one surface.
enum Want {
    /// Place kind and ISO country.
    Kind(PlaceKind, &'static str),
    /// Within `km` of a point, in country.
    Near(f64, f64, f64, &'static str),
    /// Either of two kinds, in country (city or governorate).
    EitherKind(PlaceKind, PlaceKind, &'static str),
}

fn check(text: &str, surface: &str, want: Want) {
    let doc = extract(text);
    let m = mention(&doc, text, surface);
    let cc = m.place.country.as_deref();
    match want {
        Want::Kind(k, c) => assert!(
            m.place.kind == k && cc == Some(c),
            "{surface:?} should be {k:?} in {c}, got {} ({:?}, {cc:?}) in {text:?}",
            m.place.name,
            m.place.kind
        ),
        Want::EitherKind(k1, k2, c) => assert!(
            (m.place.kind == k1 || m.place.kind == k2) && cc == Some(c),
            "{surface:?} should be {k1:?}/{k2:?} in {c}, got {} ({:?}, {cc:?}) in {text:?}",
            m.place.name,
            m.place.kind
        ),
        Want::Near(lat, lon, km, c) => {
            let d = haversine_km(lat, lon, m.place.lat, m.place.lon);
            assert!(
                d <= km && cc == Some(c),
                "{surface:?} should be within {km} km of ({lat}, {lon}) in {c}, got {} ({:?}, {cc:?}) {d:.0} km away in {text:?}",
                m.place.name,
                m.place.kind
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Surfaces that are not places.

#[test]
fn person_named_like_a_city_is_not_a_place() {
    // "Austin" is Lloyd Austin, not Austin, Texas.
    let t = "Pentagon chief Lloyd Austin said the strikes were a response to repeated attacks on US troops in Iraq and Syria.";
    let doc = extract(t);
    assert_not_place(t, &doc, "Austin");
    assert!(!doc.places.iter().any(|m| m.place.name == "Austin"), "{}", show(&doc));
    // The real places are still found.
    mention(&doc, t, "Iraq");
    mention(&doc, t, "Syria");
    // Title plus surname alone.
    let t = "Defense Secretary Austin told reporters that the response would be tiered.";
    let doc = extract(t);
    assert_not_place(t, &doc, "Austin");
}

#[test]
fn broadcaster_is_not_a_town() {
    // al-Mayadeen the TV channel is not Al Mayadin, the Syrian town.
    for t in [
        "A spokesman for the group told al-Mayadeen television that the operations would continue.",
        "Kata\u{2019}ib Hezbollah said it would suspend operations, al-Mayadeen reported.",
    ] {
        let doc = extract(t);
        assert_not_place(t, &doc, "al-Mayadeen");
        assert!(!doc.places.iter().any(|m| m.place.name.contains("Mayadin")), "{t:?}:{}", show(&doc));
    }
}

#[test]
fn armed_group_names_are_not_places() {
    // Militia names contain words that look like toponyms (Hezbollah,
    // al-Shuhada, al-Sha'abi), with curly and straight apostrophes.
    let cases = [
        (
            "Kata\u{2019}ib Hezbollah and Kata\u{2019}ib Sayyid al-Shuhada are part of the Hashd al-Sha\u{2019}abi, the Popular Mobilisation Forces.",
            &["Kata\u{2019}ib Hezbollah", "Kata\u{2019}ib Sayyid al-Shuhada", "Hashd al-Sha\u{2019}abi"][..],
        ),
        ("Kata'ib Hezbollah announced a pause in attacks.", &["Kata'ib Hezbollah"][..]),
        ("Fighters from Kata'ib Sayyid al-Shuhada paraded in the capital.", &["Kata'ib Sayyid al-Shuhada"][..]),
        ("Commanders of the Hashd al-Sha'abi met the prime minister.", &["Hashd al-Sha'abi"][..]),
    ];
    for (t, groups) in cases {
        let doc = extract(t);
        for g in groups {
            assert_not_place(t, &doc, g);
        }
    }
}

#[test]
fn person_names_are_not_places() {
    // Arabic personal names with al- that resemble place names.
    let t = "Abu Ala al-Walai, the leader of Kata\u{2019}ib Sayyid al-Shuhada, spoke alongside Jaafar al-Husseini, a spokesman for Kata\u{2019}ib Hezbollah, in Baghdad.";
    let doc = extract(t);
    assert_not_place(t, &doc, "Abu Ala al-Walai");
    assert_not_place(t, &doc, "Jaafar al-Husseini");
    assert_not_place(t, &doc, "Kata\u{2019}ib Sayyid al-Shuhada");
    assert_not_place(t, &doc, "Kata\u{2019}ib Hezbollah");
    // The only place is Baghdad.
    let b = mention(&doc, t, "Baghdad");
    assert_eq!(b.place.country.as_deref(), Some("IQ"));
    assert_eq!(doc.places.len(), 1, "{}", show(&doc));
}

#[test]
fn page_furniture_is_not_places() {
    // Scraped page chrome on its own lines.
    let t = "Back to top\n\nRelated Articles\n\nShare this article\n\nUS strikes militia targets in Iraq\n";
    let doc = extract(t);
    assert_not_place(t, &doc, "Back to top");
    assert_not_place(t, &doc, "Related Articles");
    assert_not_place(t, &doc, "Share this article");
    mention(&doc, t, "Iraq");
    for t in ["Back to top", "Related Articles", "More than 100 days into the war, aid agencies warned of famine."] {
        let doc = extract(t);
        assert!(doc.places.is_empty(), "{t:?} has no place:{}", show(&doc));
    }
}

#[test]
fn page_furniture_glued_to_a_headline_does_not_hide_the_place() {
    // Scrapers often lose the line breaks: the furniture must not swallow
    // the country that follows it.
    let t = "Related Articles Iraq: US strikes kill militants near the border";
    let doc = extract(t);
    assert_not_place(t, &doc, "Related Articles");
    let m = mention(&doc, t, "Iraq");
    assert_eq!(m.place.kind, PlaceKind::Country);
}

// ---------------------------------------------------------------------------
// Metonyms.

#[test]
fn washington_as_government_is_not_literal() {
    for t in [
        "Washington said it would respond at a time and place of its choosing.",
        "Washington\u{2019}s support for Israel has drawn protests across the region.",
        "Washington's support for Israel has drawn protests across the region.",
    ] {
        let doc = extract(t);
        let m = mention(&doc, t, "Washington");
        assert!(!m.literal, "Washington in {t:?} is a metonym:{}", show(&doc));
        assert_eq!(m.place.country.as_deref(), Some("US"));
    }
    // A literal use stays literal.
    let t = "Protesters marched through Washington on Saturday.";
    let doc = extract(t);
    assert!(mention(&doc, t, "Washington").literal, "{}", show(&doc));
}

// ---------------------------------------------------------------------------
// Conflict-news resolution.

#[test]
fn air_base_in_province_of_anbar() {
    let t = "Rockets struck the Ain al-Asad Air Base in Iraq\u{2019}s western province of Anbar on Saturday.";
    let doc = extract(t);
    let base = doc
        .places
        .iter()
        .find(|m| m.text.starts_with("Ain al-Asad"))
        .unwrap_or_else(|| panic!("no Ain al-Asad mention:{}", show(&doc)));
    assert_eq!(base.place.name, "Al Asad Air Base", "{}", show(&doc));
    assert!(haversine_km(33.79, 42.44, base.place.lat, base.place.lon) < 10.0);
    check(t, "Iraq", Want::Kind(PlaceKind::Country, "IQ"));
    check(t, "Anbar", Want::Kind(PlaceKind::Admin1, "IQ"));
}

#[test]
fn province_of_dayr_al_zawr() {
    let t = "Clashes broke out in Syria\u{2019}s eastern province of Dayr al-Zawr after tribal fighters attacked SDF positions.";
    check(t, "Dayr al-Zawr", Want::EitherKind(PlaceKind::Admin1, PlaceKind::City, "SY"));
    check(t, "Dayr al-Zawr", Want::Near(35.34, 40.14, 80.0, "SY"));
    check(t, "Syria", Want::Kind(PlaceKind::Country, "SY"));
}

#[test]
fn curly_apostrophes_and_no_break_spaces_inside_names() {
    // U+2019 inside the name.
    check(
        "Iraqi forces closed the Syrian border near al-Qa\u{2019}im.",
        "al-Qa\u{2019}im",
        Want::Near(34.39, 40.99, 25.0, "IQ"),
    );
    // U+00A0 between the words of a name.
    let t = "Fighting raged in Khan\u{00A0}Younis and Deir\u{00A0}ez-Zor as aid trucks waited at Rafah.";
    check(t, "Khan\u{00A0}Younis", Want::Near(31.34, 34.31, 25.0, "PS"));
    check(t, "Deir\u{00A0}ez-Zor", Want::Near(35.34, 40.14, 60.0, "SY"));
    check(t, "Rafah", Want::Near(31.30, 34.25, 25.0, "PS"));
    let t = "Two rockets hit Ain\u{00A0}al-Asad air base and another landed near Jurf\u{00A0}al-Sakhar.";
    let doc = extract(t);
    let base = doc
        .places
        .iter()
        .find(|m| m.text.starts_with("Ain\u{00A0}al-Asad"))
        .unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(base.place.name, "Al Asad Air Base");
    check(t, "Jurf\u{00A0}al-Sakhar", Want::Near(32.87, 44.19, 25.0, "IQ"));
    // Non-breaking hyphen (U+2011) in the article.
    check("A drone struck a car in Dayr al\u{2011}Zawr.", "Dayr al\u{2011}Zawr", Want::Near(35.34, 40.14, 80.0, "SY"));
}

#[test]
fn all_caps_headline() {
    let t = "US STRIKES HIT JURF AL-SAKHAR";
    check(t, "JURF AL-SAKHAR", Want::Near(32.87, 44.19, 25.0, "IQ"));
    let doc = extract(t);
    // "HIT" and "STRIKES" are not places.
    assert_not_place(t, &doc, "STRIKES");
    assert_not_place(t, &doc, "HIT");
}

// ---------------------------------------------------------------------------
// Ambiguous names: the anchors' known failures.

#[test]
fn usa_and_china_are_countries() {
    let t = "Officials in the USA and China traded accusations over the blockade.";
    check(t, "USA", Want::Kind(PlaceKind::Country, "US"));
    check(t, "China", Want::Kind(PlaceKind::Country, "CN"));
    let t = "China said it opposed the strikes.";
    let doc = extract(t);
    assert_eq!(mention(&doc, t, "China").place.kind, PlaceKind::Country);
}

#[test]
fn albany_new_york_is_not_albania() {
    let t = "Lawmakers in Albany, the capital of New York state, passed the budget on Thursday as New York City braced for a storm.";
    check(t, "Albany", Want::Near(42.65, -73.76, 25.0, "US"));
    let t = "Albania and Kosovo signed a border deal in Tirana.";
    check(t, "Albania", Want::Kind(PlaceKind::Country, "AL"));
}

#[test]
fn columbia_south_carolina_is_not_colombia() {
    let t = "The university in Columbia, South Carolina, closed after the storm.";
    check(t, "Columbia", Want::Near(34.00, -81.03, 25.0, "US"));
    check(t, "South Carolina", Want::Kind(PlaceKind::Admin1, "US"));
    let t = "Colombia and Venezuela reopened their border.";
    check(t, "Colombia", Want::Kind(PlaceKind::Country, "CO"));
}

#[test]
fn oklahoma_is_the_state() {
    // Bare "Oklahoma" is the US state, not Oklahoma City or a hamlet.
    for t in
        ["Tornadoes tore through Oklahoma overnight, killing two people.", "Oklahoma was hit by tornadoes on Monday."]
    {
        check(t, "Oklahoma", Want::Kind(PlaceKind::Admin1, "US"));
    }
}

#[test]
fn georgia_state_versus_georgia_country() {
    // With Atlanta: the US state.
    let t = "Storms knocked out power in Atlanta and across Georgia on Monday.";
    check(t, "Georgia", Want::Kind(PlaceKind::Admin1, "US"));
    let t = "Georgia\u{2019}s governor declared an emergency after storms hit Atlanta and Savannah.";
    check(t, "Georgia", Want::Kind(PlaceKind::Admin1, "US"));
    // With Tbilisi and Russia: the country.
    let t = "Russia and Georgia traded accusations as protesters filled the streets of Tbilisi.";
    check(t, "Georgia", Want::Kind(PlaceKind::Country, "GE"));
}

#[test]
fn congo_is_the_drc_unless_brazzaville_says_otherwise() {
    // English news writes "Congo" for the Democratic Republic of the Congo.
    let t = "Fighting flared between M23 rebels and the army in eastern Congo on Tuesday.";
    check(t, "Congo", Want::Kind(PlaceKind::Country, "CD"));
    // With Brazzaville: the Republic of the Congo.
    let t = "Voters in Congo went to the polls on Sunday, and Brazzaville was calm.";
    check(t, "Congo", Want::Kind(PlaceKind::Country, "CG"));
}

#[test]
fn paris_texas_versus_paris() {
    let t = "A tornado hit Paris, Texas, on Sunday.";
    check(t, "Paris", Want::Near(33.66, -95.56, 25.0, "US"));
    let t = "Thousands marched in Paris against pension reform.";
    check(t, "Paris", Want::Near(48.86, 2.35, 25.0, "FR"));
}

#[test]
fn tripoli_lebanon_versus_tripoli_libya() {
    let t = "Clashes erupted in Tripoli, Lebanon, between rival factions.";
    check(t, "Tripoli", Want::Near(34.44, 35.85, 25.0, "LB"));
    let t = "Militias fought for control of the airport in Tripoli, Libya.";
    check(t, "Tripoli", Want::Near(32.89, 13.19, 25.0, "LY"));
}

#[test]
fn unresolvable_name_does_not_block_the_others() {
    let t = "Residents of Zzyzxqat fled to Mosul and Erbil as fighting spread toward Kirkuk.";
    let doc = extract(t);
    assert_not_place(t, &doc, "Zzyzxqat");
    check(t, "Mosul", Want::Near(36.34, 43.13, 25.0, "IQ"));
    check(t, "Erbil", Want::Near(36.19, 44.01, 25.0, "IQ"));
    check(t, "Kirkuk", Want::Near(35.47, 44.39, 25.0, "IQ"));
}

// ---------------------------------------------------------------------------
// Demonyms.

#[test]
fn demonyms_are_reported_apart_from_places() {
    let t = "Iraqi forces closed the Syrian border near al-Qa\u{2019}im after Israeli jets struck targets.";
    let doc = extract(t);
    for (word, cc) in [("Iraqi", "IQ"), ("Syrian", "SY"), ("Israeli", "IL")] {
        let d = doc
            .demonyms
            .iter()
            .find(|d| d.text == word)
            .unwrap_or_else(|| panic!("demonym {word:?} missing:{}", show(&doc)));
        assert_eq!(d.country, cc, "{word}");
        assert_not_place(t, &doc, word);
    }
    let t = "Syrians fleeing the fighting crossed into Lebanon.";
    let doc = extract(t);
    let d = doc.demonyms.iter().find(|d| d.text == "Syrians").unwrap_or_else(|| panic!("{}", show(&doc)));
    assert_eq!(d.country, "SY");
    assert_not_place(t, &doc, "Syrians");
    check(t, "Lebanon", Want::Kind(PlaceKind::Country, "LB"));
}

// ---------------------------------------------------------------------------
// Invariants over a whole corpus, and resolve_spans.

const CORPUS: &[&str] = &[
    "Pentagon chief Lloyd Austin said the strikes were a response to attacks on US troops.",
    "Rockets struck the Ain al-Asad Air Base in Iraq\u{2019}s western province of Anbar on Saturday.",
    "Fighting raged in Khan\u{00A0}Younis and Deir\u{00A0}ez-Zor as aid trucks waited at Rafah.",
    "US STRIKES HIT JURF AL-SAKHAR",
    "Israeli strikes on Shujaiya and Jabalia killed dozens, the Gaza health ministry said.",
    "\u{201C}We will respond,\u{201D} said an official in Sana\u{2019}a, as Houthi forces fired at a tanker off Hodeidah.",
    "Émigrés in Zürich and São Paulo followed the news from Kyiv and Kharkiv.",
    "",
    "   \n\n  ",
    "\u{FEFF}Mosul\u{200B}, Iraq \u{2014} Militants attacked a checkpoint.",
    "Aleppo—Idlib—Homs: a front line 🇸🇾 that moved again.",
];

#[test]
fn invariants_over_a_corpus() {
    for t in CORPUS {
        let doc = extract(t);
        assert!(doc.id.is_none() && doc.date.is_none());
        // Events too must point at real slices of the input.
        for ev in &doc.events {
            assert_eq!(&t[ev.trigger.start..ev.trigger.end], ev.trigger.text);
            if let Some(loc) = &ev.location {
                if let (Some(s), Some(e), Some(txt)) = (loc.start, loc.end, &loc.text) {
                    assert_eq!(&t[s..e], txt.as_str());
                }
            }
        }
    }
}

#[test]
fn resolve_spans_uses_the_given_ranges() {
    let t = "Explosions were heard in Baghdad late on Tuesday.";
    let (s, e) = span_of(t, "Baghdad");
    let got = extractor().resolve_spans(t, &[(s, e), (t.len() + 5, t.len() + 10), (e, s), (0, 0)]);
    assert_eq!(got.len(), 4, "one result per span");
    let b = got[0].as_ref().expect("Baghdad resolves");
    assert_eq!(b.text, "Baghdad");
    assert_eq!((b.start, b.end), (s, e));
    assert_eq!(b.place.country.as_deref(), Some("IQ"));
    assert!(haversine_km(33.34, 44.40, b.place.lat, b.place.lon) < 25.0, "{:?}", b.place);
    assert!(got[1].is_none(), "out-of-range span gives None: {:?}", got[1]);
    assert!(got[2].is_none(), "reversed span gives None: {:?}", got[2]);
    assert!(got[3].is_none(), "empty span gives None: {:?}", got[3]);
    // A span that is not on a char boundary gives None rather than panicking.
    let t = "Strikes hit Sana\u{2019}a overnight.";
    let (s, _) = span_of(t, "\u{2019}");
    let got = extractor().resolve_spans(t, &[(s + 1, s + 2)]);
    assert!(got[0].is_none(), "{:?}", got[0]);
    // A span over an ordinary word names nothing.
    let t = "The ministry said nothing.";
    let (s, e) = span_of(t, "ministry");
    assert!(extractor().resolve_spans(t, &[(s, e)])[0].is_none());
}

#[test]
fn common_conflict_words_are_not_places() {
    // Sentence-initial capitalised nouns that fold close to gazetteer names
    // ("Shelling" ~ Shillong, India).
    for (t, word) in [
        ("Shelling killed three civilians in Donetsk on Tuesday.", "Shelling"),
        ("Clashes erupted in Raqqa last week.", "Clashes"),
        ("Gunmen attacked a bus near Homs.", "Gunmen"),
        ("Rockets hit a base near Baghdad yesterday.", "Rockets"),
    ] {
        let doc = extract(t);
        assert_not_place(t, &doc, word);
    }
}

#[test]
fn named_outpost_is_a_place() {
    // Tower 22, the US outpost in Jordan, from the curated supplement.
    let t = "Kata'ib Hezbollah was behind the drone attack on Tower 22 in Jordan, officials said.";
    check(t, "Tower 22", Want::Near(33.31, 38.70, 10.0, "JO"));
    check(t, "Jordan", Want::Kind(PlaceKind::Country, "JO"));
}

#[test]
fn possessive_given_name_does_not_make_the_next_word_a_surname() {
    // "Mary’s" names a school's saint, so "Mumias" is no surname here and
    // the later "in Mumias" is the town.
    let text = "Students of St Mary’s Mumias Girls School in Mumias burned a dormitory.";
    let doc = extract(text);
    let m = mention(&doc, text, "Mumias");
    assert_eq!(m.start, text.rfind("Mumias").unwrap(), "{}", show(&doc));
    assert_eq!(m.place.country.as_deref(), Some("KE"));
}

#[test]
fn generic_settlement_words_continue_a_place_name() {
    for (text, name) in [
        ("A suspected thief was lynched in Molo Township on Sunday.", "Molo"),
        ("Residents of Mumias ward blocked the road.", "Mumias"),
    ] {
        let doc = extract(text);
        let m = mention(&doc, text, name);
        assert_eq!(m.place.country.as_deref(), Some("KE"), "{text}{}", show(&doc));
    }
}

#[test]
fn lossy_key_alone_needs_a_near_spelling() {
    // "Songhor" (a Kenyan village the gazetteer lacks) shares a
    // transliteration key with Sonqor in Iran; nothing in the story points
    // at Iran, so it is no place.
    let text = "A widow was shot with arrows in Songhor over a land dispute.";
    assert_not_place(text, &extract(text), "Songhor");
    // A real variant spelling still resolves: "Fallouja" is Fallujah.
    let text = "Heavy fighting was reported in Fallouja on Monday.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Fallouja").place.country.as_deref(), Some("IQ"), "{}", show(&doc));
}

#[test]
fn social_group_words_do_not_hide_the_place_after_them() {
    // "Refugee" is an actor word (a social group), not an organisation name
    // to mask, so the camp's longer name still matches.
    assert_country(
        "Two loud explosions were heard at Dadaab Refugee Camp airstrip overnight.",
        "Dadaab Refugee Camp",
        "KE",
    );
}

#[test]
fn english_at_and_as_are_no_arabic_article() {
    // "at" is spelled like the article of "at-Tall", but a lower-case "at"
    // standing alone is the preposition: "Students" two words back is no
    // given name or part of the place's name.
    assert_country(
        "Columbus — Students at Bowling Green State University voted for a new arena fee.",
        "Bowling Green",
        "US",
    );
}

#[test]
fn hyphenated_towns_name_a_route_but_not_a_longer_name() {
    // Two towns joined by a hyphen and followed by an ordinary word: both
    // are places.
    let text = "Traffic stopped on the Kitale-Lodwar road after herders blocked it.";
    assert_country(text, "Kitale", "KE");
    assert_country(text, "Lodwar", "KE");
    // A capitalised word after the pair makes it an institution's name.
    let text = "Medics from the Springfield-Greene County Health Department came.";
    assert_not_place(text, &extract(text), "Springfield");
}

#[test]
fn two_word_settlement_word_continues_a_place_name() {
    assert_country("Youths attacked a police post in Muhoroni Sub County on Sunday.", "Muhoroni", "KE");
}

#[test]
fn a_name_runs_into_a_people_word_but_none_starts_at_one() {
    // "Pokot" is a people (an actor word that hides places), yet "West
    // Pokot" is a county; "Pokot raiders" names no place.
    let text = "Two men were killed at Sigor centre in West Pokot county after Pokot raiders struck.";
    let doc = extract(text);
    let m = mention(&doc, text, "West Pokot county");
    assert_eq!((m.place.kind, m.place.country.as_deref()), (PlaceKind::Admin1, Some("KE")), "{}", show(&doc));
    assert_eq!(doc.places.iter().filter(|m| m.text.contains("Pokot")).count(), 1, "{}", show(&doc));
}

/// Asserts that `surface` is a place mention of `text` in country `cc`.
fn assert_country(text: &str, surface: &str, cc: &str) {
    let doc = extract(text);
    assert_eq!(mention(&doc, text, surface).place.country.as_deref(), Some(cc), "{}", show(&doc));
}

#[test]
fn given_name_town_right_after_in() {
    // "George" is a given name, but "in George" before no other name is the
    // town; "in George Washington's" is not.
    let text = "Two suspected thieves were set alight in George during the week.";
    let doc = extract(text);
    mention(&doc, text, "George");
    let text = "The papers were found in George Washington's desk.";
    assert_not_place(text, &extract(text), "George");
}

#[test]
fn possessive_without_apostrophe_names_a_country_or_great_city() {
    let text = "Tribal gangs burned homes in Kenyas Rift Valley; Nairobis governor condemned it.";
    assert_country(text, "Kenyas", "KE");
    assert_country(text, "Nairobis", "KE");
    // "Americas" is no bare possessive of "America" (an alternate name).
    let text = "Leaders from across the Americas met in Panama.";
    let doc = extract(text);
    assert!(doc.places.iter().all(|m| m.place.name != "United States"), "{}", show(&doc));
}

#[test]
fn kenyan_constituencies_and_wards() {
    // Constituencies and wards (kenya-data) fill in Kenya, which cities500
    // covers thinly; a ward sits at its constituency's point.
    let text = "Vigilantes lynched two suspected cattle thieves in Nyakach on Tuesday.";
    let doc = extract(text);
    let m = mention(&doc, text, "Nyakach");
    assert_eq!((m.place.country.as_deref(), m.place.kind), (Some("KE"), PlaceKind::Admin2), "{}", show(&doc));
    assert_eq!(m.place.admin1.as_deref(), Some("Kisumu County"));
    let text = "Militants planted an explosive device near Sangailu in Garissa county.";
    let doc = extract(text);
    let m = mention(&doc, text, "Sangailu");
    assert_eq!(m.place.feature_code.as_deref(), Some("ADM3"), "{}", show(&doc));
    assert_eq!(m.place.admin1.as_deref(), Some("Garissa County"));
    // A ward named after its town does not take the town's "X town".
    let text = "Residents of Malindi town demonstrated against the sale of public land.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Malindi").place.kind, PlaceKind::City, "{}", show(&doc));
    // Ward names that are ordinary words are left out.
    let text = "The injured were rushed to Hospital in Township after the clash in Nakuru.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Hospital");
    assert_not_place(text, &doc, "Township");
}

#[test]
fn lossy_match_outside_its_stated_division_is_that_division() {
    // "Mararani" is not in the gazetteer; its lossy key finds Marereni in
    // another county. Said to be in Lamu East, it is reported as Lamu East.
    let text = "Police beat up residents of Mararani in Lamu East after two officers were attacked.";
    let doc = extract(text);
    let m = mention(&doc, text, "Mararani");
    assert_eq!(m.place.name, "Lamu East", "{}", show(&doc));
    assert!(m.confidence < 0.5, "{}", show(&doc));
}

#[test]
fn names_after_political_and_religious_titles_are_people() {
    // "legislator", "aspirant", "pastor" introduce a person, like "President".
    for (text, name) in [
        ("Newly elected ODM legislator Melitus Were was shot dead on Tuesday.", "Melitus"),
        ("Council aspirant Taveta Kibwana was attacked at her home.", "Taveta"),
        ("Gunmen shot pastor Marsabit Ochieng outside the church.", "Marsabit"),
    ] {
        assert_not_place(text, &extract(text), name);
    }
}

#[test]
fn bare_division_names_beat_small_villages_and_acronyms_are_no_places() {
    // "Samburu" is Samburu County, not the village of that name in Kwale.
    let text = "Ten people were killed in a cattle raid in Marti, Samburu, on Wednesday.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Samburu").place.kind, PlaceKind::Admin1, "{}", show(&doc));
    // Three capitals are an acronym unless they are a country's code.
    let text = "Region 1 BOE approves proposed budget after a meeting in Hartford.";
    assert_not_place(text, &extract(text), "BOE");
    let text = "Talks between the UAE and Iran resumed on Monday.";
    assert_eq!(mention(&extract(text), text, "UAE").place.country.as_deref(), Some("AE"));
    // Four capitals inside a sentence are an acronym when only a small
    // place is spelled so ("Ingå" in Finland, "Swat" is a district so it
    // must come second), but a city or division in capitals stays a place,
    // and so does a dateline at a sentence start.
    let text = "An INGO said a SWAT team raided its office in Nairobi.";
    let doc = extract(text);
    assert_not_place(text, &doc, "INGO");
    assert_eq!(mention(&doc, text, "Nairobi").place.country.as_deref(), Some("KE"));
    let text = "Pilgrims gathered in ROME on Sunday for the canonisation.";
    assert_eq!(mention(&extract(text), text, "ROME").place.country.as_deref(), Some("IT"));
    let text = "Farm news. HUME – Principal Jane Porter met the board in Illinois.";
    mention(&extract(text), text, "HUME");
}

#[test]
fn an_event_word_opening_a_sentence_is_not_a_village() {
    // "Grenade" is a French village (and Granada's French name), "Gang" one
    // in the Philippines, "Man" a city in Côte d'Ivoire: opening a sentence
    // they are the weapon, the agents and the victim.
    for (text, word) in [
        ("Grenade attack at a supermarket in Mombasa wounds one.", "Grenade"),
        ("Gang of youths attack and burn a bus in the slum area.", "Gang"),
        ("Man killed by a mob in Kisumu after a theft.", "Man"),
    ] {
        let doc = extract(text);
        assert_not_place(text, &doc, word);
        assert!(!doc.places.is_empty() || word == "Gang", "the real place stays: {}", show(&doc));
    }
    // Inside a sentence, capitalised, they can still be the place.
    let text = "Two people were injured in Grenade, near Toulouse, on Friday.";
    assert_eq!(mention(&extract(text), text, "Grenade").place.country.as_deref(), Some("FR"));
}

#[test]
fn a_named_forces_country_is_enough_to_drop_foreign_village_homonyms() {
    // The General Service Unit says Kenya; Westgate, USA is no place here.
    let text = "Troops and GSU personnel exchange fire in Westgate mall due to mistaken identity.";
    assert_not_place(text, &extract(text), "Westgate");
}

#[test]
fn karachi_and_lahore_towns_and_sentence_initial_minor() {
    // Cities' towns that South Asian protest and conflict notes name.
    assert_country("Police and Orangi Town residents clashed during a protest over water.", "Orangi Town", "PK");
    assert_country("A woman was injured in a grenade blast in the Lyari area on Friday.", "Lyari", "PK");
    assert_country("Traders blocked roads in Iqbal Town over power cuts.", "Iqbal Town", "PK");
    // "Minor" opening a sentence is the adjective, not Minor, Alabama.
    let text = "Minor scuffles between party workers were reported on Friday night.";
    assert_not_place(text, &extract(text), "Minor");
}

#[test]
fn the_followed_by_common_words_is_no_name() {
    // "The Camp" is an alternate name of an English village; "The camp" in
    // prose is a camp. "The Hague" stays a place.
    let text = "The camp in Benghazi was used by the militia as its headquarters.";
    assert_not_place(text, &extract(text), "The camp");
    assert_country("Talks resumed in The Hague on Monday.", "The Hague", "NL");
}

#[test]
fn surnames_after_a_middle_name_or_a_titled_first_name() {
    // "Jason Terrell Jones", "Judge Haywood Turner": the last word is a
    // surname, so its lone later uses are the person, not a town.
    let text = "Police said Jason Terrell Jones, 23, was charged. Witnesses said Jones got upset.";
    assert_not_place(text, &extract(text), "Jones got");
    let text = "Hyles unseated Municipal Court Judge Haywood Turner. Turner conceded on Tuesday.";
    assert_not_place(text, &extract(text), "Turner conceded");
}

#[test]
fn common_american_given_names_make_people() {
    // "Abraham Lincoln": a given name before the town's name makes a person.
    let text = "A settler wrote to Abraham Lincoln in 1848 about the new road.";
    assert_not_place(text, &extract(text), "Lincoln");
}

#[test]
fn country_codes_in_capitals_are_the_country_even_in_a_french_story() {
    // "Us" is a village near Paris; "US" in capitals is the United States.
    let text = "French officials in Paris and Lyon said the US would send envoys to France.";
    assert_country(text, "US", "US");
}

#[test]
fn a_city_of_millions_is_what_its_divisions_bare_name_means() {
    // "New York" is the city, not the state whose seat is Albany.
    let text = "Protesters marched through New York on Saturday.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "New York").place.kind, PlaceKind::City, "{}", show(&doc));
}

#[test]
fn regions_beat_villages_named_like_them() {
    // A US story's "Middle East" is the region, not the village of that
    // name in Maryland.
    let text = "Officials in Washington discussed the war in the Middle East.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Middle East").place.kind, PlaceKind::Region, "{}", show(&doc));
}

#[test]
fn a_small_place_before_said_is_a_speaker() {
    // Villages and towns named Smith, Chester and Bailey do not speak; their
    // namesakes do. A city or capital before "said" stays a (metonymic) place.
    for (text, name) in [
        ("Comissaria Smith said in its weekly review that rains improved the crop outlook.", "Smith"),
        ("Chester said the booster club would pay for the new scoreboard.", "Chester"),
        ("Bailey said the school has done everything it could.", "Bailey"),
    ] {
        assert_not_place(text, &extract(text), name);
    }
    let text = "Washington said the strikes were a response to the attack.";
    let doc = extract(text);
    let m = mention(&doc, text, "Washington");
    assert!(!m.literal, "{}", show(&doc));
    // "in Smith" is located, not speaking.
    let text = "Officials in Chester said the road would reopen on Monday.";
    mention(&extract(text), text, "Chester");
}

#[test]
fn a_seat_is_what_its_divisions_name_means_only_when_named_alike() {
    // Salvador was once called Bahia, but "Bahia" is the state.
    let text = "Showers continued throughout the week in the Bahia cocoa zone.";
    let doc = extract(text);
    let m = mention(&doc, text, "Bahia");
    assert_eq!((m.place.name.as_ref(), m.place.kind), ("Bahia", PlaceKind::Admin1), "{}", show(&doc));
    // Chattogram is Chittagong respelled: the city, not the division.
    let text = "Eight students were injured in a clash in Chittagong on Sunday.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Chittagong").place.kind, PlaceKind::City, "{}", show(&doc));
}

#[test]
fn a_name_with_an_age_in_commas_is_a_person_throughout() {
    // Flores is a town in Guatemala and Parsons one in Kansas; with an age
    // in apposition they are people, here and wherever the story repeats them.
    let text = "Police are still looking for the driver who shot him in March. \
                Flores, 26, had just left the Army. Witnesses said Flores was walking home.";
    let doc = extract(text);
    assert!(doc.places.iter().all(|m| m.text != "Flores"), "{}", show(&doc));
    let text = "Parsons, 41, of Main Street was charged on Monday. Parsons told officers he had not been driving.";
    assert!(extract(text).places.iter().all(|m| m.text != "Parsons"));
    // A place followed by a number that is no age in commas stays a place.
    let text = "Flooding closed 12 roads near Parsons, 40 miles south of Topeka, on Friday.";
    mention(&extract(text), text, "Parsons");
}

#[test]
fn weather_phenomena_peoples_and_titled_names_are_not_places() {
    // El Niño is a village in Spain and Niña a town; here they are weather.
    let text = "Forecasters said El Niño would bring floods to Peru, while La Niña had caused drought last year.";
    let doc = extract(text);
    assert_not_place(text, &doc, "El Niño");
    assert_not_place(text, &doc, "La Niña");
    assert_eq!(mention(&doc, text, "Peru").place.country.as_deref(), Some("PE"), "{}", show(&doc));
    // Igbo is the people (a Nigerian town is called Igbo-Ukwu).
    let text = "Igbo leaders in Enugu said the arrest of the Igbo politician was unjust.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Igbo");
    assert_eq!(mention(&doc, text, "Enugu").place.country.as_deref(), Some("NG"), "{}", show(&doc));
    // A lower-case title, an unknown first name, then the surname: "Nelson"
    // (a city and a region in New Zealand) is the councillor's.
    let text = "Work began in May, explains town councillor Dewly Nelson, who once opposed it.";
    assert_not_place(text, &extract(text), "Nelson");
    // A middle initial makes no following word a surname.
    let text = "Detective Mark A. Jones said the suspect fled. A Crafton man was charged with the robbery on Monday.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Crafton").place.country.as_deref(), Some("US"), "{}", show(&doc));
}

#[test]
fn a_county_before_its_institution_is_the_county() {
    // Not Guernsey, the Channel Island: the county whose court it is.
    for text in [
        "Statistics from the Guernsey County Common Pleas Court show more filings this year.",
        "The Guernsey County Sheriff's Office reported the fire at 3 a.m.",
    ] {
        let doc = extract(text);
        let m = mention(&doc, text, "Guernsey County");
        assert_eq!((m.place.kind, m.place.admin1.as_deref()), (PlaceKind::Admin2, Some("Ohio")), "{}", show(&doc));
    }
}

#[test]
fn a_town_named_like_a_country_among_its_neighbours_is_the_town() {
    let text = "Lebanon schedules its spring clean-up. The town's residents may leave limbs at the curb on \
                Monday, the street department said. Neighbouring Zionsville and the rest of Boone County \
                will follow in April.";
    let doc = extract(text);
    let m = mention(&doc, text, "Lebanon");
    assert_eq!(
        (m.place.country.as_deref(), m.place.admin1.as_deref()),
        (Some("US"), Some("Indiana")),
        "{}",
        show(&doc)
    );
    // Without neighbours in one state, "Lebanon" is the country.
    let text = "Rockets were fired from southern Lebanon towards the Galilee on Monday.";
    assert_eq!(mention(&extract(text), text, "Lebanon").place.country.as_deref(), Some("LB"));
}

#[test]
fn titles_that_are_ordinary_words_count_only_capitalised() {
    // "miss" and "major" in lower case are a verb and an adjective.
    for (text, name) in [
        ("Fans will miss Boston when the team moves next year.", "Boston"),
        ("Flooding hit a major Texas city on Monday.", "Texas"),
    ] {
        let doc = extract(text);
        mention(&doc, text, name);
    }
    // Capitalised, they are titles: "Major Nairobi" is an officer, and
    // "Miss" before a name is no Mississippi.
    let text = "Major Nairobi Kamau said the patrol returned safely.";
    assert_not_place(text, &extract(text), "Nairobi");
    let text = "The pageant was won by Miss Wilson, a student from Jackson.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Miss");
    mention(&doc, text, "Jackson");
}

#[test]
fn a_settlement_word_after_a_state_describes_it() {
    // Iowa City and Texas City exist, but "the Iowa city of Ames" is Ames, Iowa.
    let text = "He grew up in the Iowa city of Ames and moved to a major Texas city.";
    let doc = extract(text);
    assert!(doc.places.iter().all(|m| m.text != "Iowa city" && m.text != "Texas city"), "{}", show(&doc));
    mention(&doc, text, "Ames");
    // Capitalised it is the city; a division word stays part of the name.
    let text = "Police raided a house in Texas City while officers from Kisumu county watched.";
    let doc = extract(text);
    assert_eq!(mention(&doc, text, "Texas City").place.name, "Texas City", "{}", show(&doc));
    mention(&doc, text, "Kisumu county");
}

#[test]
fn the_city_alone_is_no_place() {
    // Several places have "The City" as a nickname (the City of London).
    let text = "MANSFIELD - The City Council on Monday authorized the refinancing of its debt.";
    let doc = extract(text);
    assert!(doc.places.iter().all(|m| m.text != "The City"), "{}", show(&doc));
    // A real name after "The" is kept: "The Hague".
    let text = "Judges in The Hague ruled on Monday.";
    assert_eq!(mention(&extract(text), text, "The Hague").place.country.as_deref(), Some("NL"));
}

#[test]
fn a_name_after_an_abbreviated_title_is_a_persons() {
    // The period of "Gov." breaks the join, yet the name is still his.
    let text = "The bill passed after Gov. Chet Culver spoke in Des Moines. Culver said it was overdue.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Culver");
    mention(&doc, text, "Des Moines");
    let text = "A talk on the war by Mrs. Lincoln drew a crowd in Springfield. Lincoln later met reporters.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Lincoln");
    mention(&doc, text, "Springfield");
    // A surname after a first name counts too.
    let text = "The Rev. Al Meredith led prayers in Fort Worth. Meredith escaped harm.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Meredith");
    mention(&doc, text, "Fort Worth");
    // A full title word before a period ends a sentence, and "St." is no title.
    let text = "Turner was elected Municipal Court Judge. Columbus attorneys welcomed it in St. Louis.";
    let doc = extract(text);
    mention(&doc, text, "Columbus");
    mention(&doc, text, "St. Louis");
}

#[test]
fn names_joined_by_an_ampersand_are_a_firm() {
    // Stevens and Wilkinson are both places somewhere; as a pair they are a firm.
    let text = "The council in Columbia owes the design firm Stevens & Wilkinson $1.6 million.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Stevens");
    assert_not_place(text, &doc, "Wilkinson");
    mention(&doc, text, "Columbia");
    // A pair with a country or province keeps its places.
    let text = "Flights to Trinidad & Tobago resumed on Monday.";
    let doc = extract(text);
    mention(&doc, text, "Trinidad");
    mention(&doc, text, "Tobago");
}

#[test]
fn ray_is_a_first_name() {
    // Kinney is a county in Texas; after "Ray" it is a pilot's surname.
    let text = "Ray Kinney flew the Warhawk over Houston. Kinney, one of the owners, waved.";
    let doc = extract(text);
    assert_not_place(text, &doc, "Kinney");
    mention(&doc, text, "Houston");
}

#[test]
fn a_hyphen_joins_two_towns_not_a_first_name_and_a_surname() {
    // Logan is a first name, but "Logan-Rogersville" is a school district named for two towns.
    let text = "Logan-Rogersville students moved into a new building. In 1965, Rogersville voted to join the district.";
    let doc = extract(text);
    mention(&doc, text, "Rogersville");
}

#[test]
fn conor_is_a_first_name() {
    // McGregor is a town in Texas; after "Conor" it is a fighter's surname.
    let text =
        "Fighter Conor McGregor was arrested in New York. Police said that McGregor is expected to appear in court.";
    let doc = extract(text);
    assert!(doc.places.iter().all(|m| m.text != "McGregor"), "{}", show(&doc));
    mention(&doc, text, "New York");
}
