//! Casualty counts: killed and wounded, written as digits or words.
//!
//! Handles "two", "at least 12", "dozens", "a dozen", "a soldier was killed",
//! "killing 3 and wounding 5", "Two people were killed and two wounded", "left
//! 4 dead", "N dead", "killing two police officers and a civilian". A count in a sentence that describes a cumulative toll
//! ("killing at least 25,490 people in Gaza" over 100 days; "since October";
//! "so far this year") is not one event's casualties and is ignored.

use once_cell::sync::Lazy;

use crate::text::tokens::{hash_bytes, shape, Token};

/// Killed and wounded counts found in one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Casualties {
    pub killed: Option<u32>,
    pub wounded: Option<u32>,
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" | "single" => 1,
        "two" | "both" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" | "dozens" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "scores" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" | "hundreds" => 100,
        _ => return None,
    })
}

/// True for a word that reports deaths or injuries ("killed", "wounded").
fn is_casualty_word(w: &str) -> bool {
    is_killed(w) || is_wounded(w)
}

/// Words that report deaths.
const KILLED: &[&str] = &[
    "killed",
    "murdered",
    "dead",
    "died",
    "die",
    "dies",
    "slain",
    "killing",
    "kills",
    "kill",
    "lynched",
    "lynches",
    "lynch",
    "lynching",
    "beheaded",
    "executed",
    "fatalities",
    "deaths",
    "bodies",
];

/// Words that report injuries.
const WOUNDED: &[&str] =
    &["wounded", "injured", "hurt", "wounding", "injuring", "injuries", "injures", "wounds", "maimed"];

/// "stoned to death": a toll word only after "to", so not in [`KILLED`].
const DEATH: &str = "death";

/// "claimed … lives": a toll without a casualty word.
const CLAIMED: &[&str] = &["claimed", "claiming"];

fn is_killed(w: &str) -> bool {
    KILLED.contains(&w)
}

fn is_wounded(w: &str) -> bool {
    WOUNDED.contains(&w)
}

/// Every word [`find_casualties`] needs in a sentence before it looks for
/// counts: the casualty words, [`CLAIMED`] and [`DEATH`].
pub(super) fn toll_words() -> impl Iterator<Item = &'static str> {
    KILLED.iter().chain(WOUNDED).chain(CLAIMED).chain(&[DEATH]).copied()
}

/// Bits of [`CASUALTY_FILTER`]: a power of two.
const CASUALTY_FILTER_BITS: usize = 4096;

/// A filter on the top bits of the token hashes of [`KILLED`], [`WOUNDED`],
/// [`CLAIMED`] and [`DEATH`]. Most sentences have no casualty word, and the
/// filter rejects all but about one token in a hundred with one bit test,
/// before any string comparison.
static CASUALTY_FILTER: Lazy<[u64; CASUALTY_FILTER_BITS / 64]> = Lazy::new(|| {
    let mut bits = [0u64; CASUALTY_FILTER_BITS / 64];
    for w in toll_words() {
        let b = casualty_bit(hash_bytes(w.as_bytes()));
        bits[b >> 6] |= 1 << (b & 63);
    }
    bits
});

/// The [`CASUALTY_FILTER`] bit of a token hash.
#[inline]
fn casualty_bit(hash: u64) -> usize {
    (hash >> (64 - CASUALTY_FILTER_BITS.trailing_zeros())) as usize
}

/// True when the token may be a casualty word (no false negatives).
#[inline]
fn may_be_casualty(filter: &[u64; CASUALTY_FILTER_BITS / 64], t: &Token) -> bool {
    let b = casualty_bit(t.hash);
    filter[b >> 6] >> (b & 63) & 1 != 0
}

/// True for a token that reports deaths or injuries ("killed", "wounded").
pub(crate) fn is_casualty_token(t: &Token, folded: &str) -> bool {
    may_be_casualty(&CASUALTY_FILTER, t) && is_casualty_word(t.folded(folded))
}

/// Words that may stand between a count and its verb ("five people were
/// reportedly killed", "12 soldiers and policemen died").
fn is_filler(w: &str) -> bool {
    is_qualifier(w)
        || matches!(
            w,
            "people"
                | "persons"
                | "person"
                | "civilians"
                | "civilian"
                | "soldiers"
                | "soldier"
                | "troops"
                | "policemen"
                | "policeman"
                | "police"
                | "officers"
                | "officer"
                | "militants"
                | "militant"
                | "fighters"
                | "fighter"
                | "rebels"
                | "men"
                | "man"
                | "women"
                | "woman"
                | "children"
                | "child"
                | "others"
                | "other"
                | "members"
                | "member"
                | "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "being"
                | "reportedly"
                | "also"
                | "later"
                | "and"
                | "security"
                | "personnel"
                | "guards"
                | "workers"
                | "students"
                | "protesters"
                | "villagers"
                | "residents"
                | "passengers"
                | "suspected"
                | "alleged"
                | "armed"
                | "unidentified"
                | "unknown"
                | "innocent"
                | "rival"
                | "militiamen"
                | "bandits"
                | "raiders"
                | "herders"
                | "herdsmen"
                | "robbers"
                | "pupils"
                | "traders"
                | "fishermen"
                | "worshippers"
                | "relatives"
                | "insurgents"
                | "terrorists"
                | "attackers"
                | "gunmen"
                | "suspects"
                | "pilgrims"
                | "farmers"
                | "boys"
                | "girls"
                | "boy"
                | "girl"
                | "shot"
                | "approximately"
                | "of"
                | "them"
                | "whom"
                | "including"
                | "their"
                | "his"
                | "her"
                | "family"
                | "young"
                | "unarmed"
                | "local"
                | "army"
                | "police officers"
                | "journalist"
                | "journalists"
                | "teacher"
                | "teachers"
                | "student"
                | "worker"
                | "driver"
                | "drivers"
                | "youths"
                | "youth"
        )
}

/// Any other lower-case word may name the people counted ("three rangers
/// were shot dead", "two boda boda riders died"), unless it measures time
/// or distance or starts a clause: "two days later a man was killed" counts
/// no two.
fn is_plain_noun(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "hour"
                | "hours"
                | "minutes"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "metres"
                | "meters"
                | "percent"
                | "times"
                | "ago"
                | "after"
                | "before"
                | "when"
                | "while"
                | "since"
                | "but"
                | "or"
                | "who"
                | "which"
                | "that"
                | "at"
                | "in"
                | "on"
                | "by"
                | "from"
                | "to"
                | "for"
                | "with"
                | "as"
                | "than"
                | "out"
                | "per"
        )
}

/// Qualifiers that stand between a count and its verb or participle:
/// "at least 12", "more than 20", "up to 5".
fn is_qualifier(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "least"
            | "than"
            | "at"
            | "about"
            | "around"
            | "nearly"
            | "some"
            | "up"
            | "to"
            | "over"
            | "almost"
            | "estimated"
    )
}

/// Cues that a count is a running total over a period, not one event's.
fn is_cumulative_cue(w: &str) -> bool {
    matches!(
        w,
        "since"
            | "so"
            | "total"
            | "toll"
            | "tally"
            | "cumulative"
            | "overall"
            | "altogether"
            | "campaign"
            | "war"
            | "days"
            | "months"
            | "years"
    )
}

/// Parses a count token: digits with thousands commas already split by the
/// tokenizer are rejoined by the caller; here one token.
pub(crate) fn count_of(w: &str) -> Option<u32> {
    if !w.is_empty() && w.len() <= 9 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    small_number(w)
}

/// Finds the killed and wounded counts of a sentence.
pub(crate) fn find_casualties(toks: &[Token], folded: &str) -> Casualties {
    // Every count needs a casualty word (or "claimed … lives") to attach to,
    // and most sentences have none: skip the number parsing for them.
    let filter = &*CASUALTY_FILTER;
    let casualty_word = |t: &Token| {
        may_be_casualty(filter, t) && {
            let w = t.folded(folded);
            is_casualty_word(w) || CLAIMED.contains(&w) || w == DEATH
        }
    };
    if !toks.iter().any(casualty_word) {
        return Casualties::default();
    }
    let w: Vec<&str> = toks.iter().map(|t| t.folded(folded)).collect();
    let n = w.len();
    // Rejoin "25,490" (two tokens around a comma) into one number.
    let mut nums: Vec<(usize, usize, u32)> = Vec::new(); // (first token, last token, value)
    let mut i = 0;
    while i < n {
        if let Some(mut v) = count_of(w[i]) {
            let mut j = i;
            while j + 1 < n
                && w[j + 1].len() == 3
                && w[j + 1].bytes().all(|b| b.is_ascii_digit())
                && w[j].bytes().all(|b| b.is_ascii_digit())
                && &folded[toks[j].end as usize..toks[j + 1].start as usize] == ","
            {
                v = v.saturating_mul(1000).saturating_add(w[j + 1].parse::<u32>().unwrap_or(0));
                j += 1;
            }
            // "a dozen" is 12, not 1.
            if matches!(w[i], "a" | "an") && w.get(i + 1) == Some(&"dozen") {
                v = 12;
                j = i + 1;
            }
            // A range is its lower bound, as ACLED codes it: "20 to 30
            // people", "between 6 and 10 casualties", "5 or 6 killed".
            let range_word = match w.get(j + 1) {
                Some(&"to") | Some(&"or") => true,
                Some(&"and") => i > 0 && w[i - 1] == "between",
                _ => false,
            };
            if range_word && w.get(j + 2).and_then(|x| count_of(x)).is_some() && !matches!(w[i], "a" | "an") {
                j += 2;
            }
            nums.push((i, j, v));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    let mut out = Casualties::default();
    // What a verb before each count made it (killed, wounded, or neither),
    // for a count listed after it.
    let mut verdicts: Vec<Option<bool>> = Vec::with_capacity(nums.len());
    let cumulative = w.iter().any(|x| is_cumulative_cue(x));
    let sentenced = w.iter().any(|x| x.starts_with("sentenc") || x.starts_with("condemn"));
    for (k, &(s, e, v)) in nums.iter().enumerate() {
        // "a"/"an" counts only directly before a person word and a verb.
        let article = matches!(w[s], "a" | "an" | "one" | "single") && e == s;
        // Forward: number, fillers, then killed/wounded ("two people were
        // killed", "two wounded"); first without crossing "and", so that
        // "killing 3 and wounding 5" gives 3 to the word before it.
        let next_num = nums.get(k + 1).map_or(n, |x| x.0);
        // "Seven police officers and a civilian were killed": a second count
        // joined by "and" shares the first one's verb.
        let joined_num = nums.get(k + 1).filter(|x| x.0 > 0 && w[x.0 - 1] == "and").map(|x| x.1 + 1);
        // A group's name may stand in the noun phrase too: "12 suspected
        // TTP militants were killed", "Twenty Al-Shabab militiamen".
        let name = |j: usize| toks[j].shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0;
        // The count is the verb's subject, not its victims, when the verb
        // has an object right after it: "Two gunmen killed a policeman".
        let active = |j: usize| {
            let object = |o: usize| {
                o < n
                    && toks[o].has(shape::JOINED)
                    && (matches!(w[o], "a" | "an" | "the" | "his" | "her" | "their") || count_of(w[o]).is_some())
            };
            // Verbs joined by "and" share the object: "lynches and kills a
            // suspected thief".
            object(j + 1)
                || (w.get(j + 1) == Some(&"and")
                    && w.get(j + 2).is_some_and(|v| is_killed(v) || is_wounded(v))
                    && object(j + 3))
        };
        let forward = |cross_and: bool| {
            let mut j = e + 1;
            let limit = if cross_and && joined_num.is_some() { n.min(e + 12) } else { next_num.min(e + 8) };
            while j < limit {
                if cross_and && Some(j) == joined_num.map(|_| next_num) {
                    // Step over the joined count itself.
                    j = joined_num.unwrap_or(j + 1);
                    continue;
                }
                // "a lynch mob": the noun, not the verb.
                if w[j] == "lynch" && w.get(j + 1) == Some(&"mob") {
                    j += 1;
                    continue;
                }
                if (is_killed(w[j]) || is_wounded(w[j])) && active(j) {
                    return None;
                }
                if is_killed(w[j]) {
                    return Some(true);
                }
                if is_wounded(w[j]) {
                    return Some(false);
                }
                // "24 December: riders beat to death …": a date, no count.
                if super::dates::month(w[j]).is_some() || super::dates::weekday(w[j]).is_some() {
                    return None;
                }
                // "stoned two suspected robbers to death" (but "sentenced
                // two men to death" kills no one yet).
                if w[j] == "to" && w.get(j + 1) == Some(&DEATH) && !sentenced {
                    return Some(true);
                }
                if !(is_filler(w[j]) || name(j) || is_plain_noun(w[j])) || (w[j] == "and" && !cross_and) {
                    return None;
                }
                j += 1;
            }
            None
        };
        // Backward: "killing 3", "killed at least 12", "wounding 5".
        let backward = || {
            let mut b = s;
            let mut steps = 0;
            while b > 0 && steps < 4 {
                // Not across punctuation: in "one reservist killed, two
                // police missing" the two are not the killed.
                if !toks[b].has(shape::JOINED) {
                    return None;
                }
                b -= 1;
                steps += 1;
                if matches!(
                    w[b],
                    "killing"
                        | "killed"
                        | "kills"
                        | "kill"
                        | "claimed"
                        | "claiming"
                        | "lynched"
                        | "lynching"
                        | "lynches"
                        | "lynch"
                        | "beheaded"
                        | "executed"
                        | "murdered"
                        | "dead"
                ) {
                    // "threatened to kill a chief": no one died.
                    let intent = b > 0 && matches!(w[b - 1], "to" | "will" | "would" | "could" | "might" | "never");
                    return (!intent).then_some(true);
                }
                if matches!(w[b], "wounding" | "injuring" | "wounded" | "injured") {
                    return Some(false);
                }
                // "the bodies of four men", "the deaths of two herders".
                if b >= 1 && w[b] == "of" && matches!(w[b - 1], "bodies" | "deaths") {
                    return Some(true);
                }
                // "killed another 3", "killed a total of 30".
                let total_of = b >= 2 && w[b] == "of" && w[b - 1] == "total" && w[b - 2] == "a";
                let an_estimated = b >= 1 && w[b] == "estimated" && matches!(w[b - 1], "an" | "a");
                if an_estimated {
                    b -= 1;
                    continue;
                }
                if total_of {
                    b -= 2;
                    continue;
                }
                if !(is_qualifier(w[b]) || w[b] == "another") {
                    return None;
                }
            }
            None
        };
        // "killed a chief", "lynched a thief": one victim; but not "killed
        // a total of 30", "an estimated 20".
        let measure = w.get(e + 1).is_some_and(|x| {
            matches!(*x, "total" | "number" | "few" | "further" | "estimated" | "lot" | "series" | "handful" | "dozen")
        });
        // "killing two police officers and a civilian", "killed a woman and
        // her two children": a count listed after a counted noun phrase
        // (its words only, then "and") is counted the same way.
        let listed_after_previous = || {
            let (ps, pe, _) = *nums.get(k.checked_sub(1)?)?;
            let and = (s > 0 && w[s - 1] == "and").then(|| s - 1).or_else(|| {
                (s > 1 && matches!(w[s - 1], "his" | "her" | "their") && w[s - 2] == "and").then(|| s - 2)
            })?;
            let phrase = (pe + 1..and).all(|j| {
                toks[j].has(shape::JOINED) && (is_filler(w[j]) || is_plain_noun(w[j])) && !is_casualty_word(w[j])
            });
            (ps < s && and > pe && toks[and].has(shape::JOINED) && phrase).then_some(verdicts[k - 1]).flatten()
        };
        let ahead = forward(false);
        let behind = if ahead.is_some() || measure { None } else { backward() };
        let shared = if ahead.or(behind).is_none() { forward(true) } else { None };
        let listed = if ahead.or(behind).or(shared).is_none() { listed_after_previous() } else { None };
        let what = ahead.or(behind).or(shared).or(listed);
        verdicts.push(None);
        let Some(killed) = what else { continue };
        // "no one was hurt", "none were killed".
        if s > 0 && matches!(w[s - 1], "no") {
            continue;
        }
        // A lone article counts before a person word and its verb, or
        // right after the verb ("killed a chief").
        if article && measure {
            continue;
        }
        if article && !(e + 1 < n && (is_filler(w[e + 1]) || is_plain_noun(w[e + 1]))) && backward().is_none() {
            continue;
        }
        if cumulative && v >= 50 {
            continue;
        }
        // (Only a verb before the list counts its later items: in "four
        // militants were killed and dozens arrested" the verb is the first
        // count's alone.)
        verdicts[k] = behind.or(listed);
        // "his three-year-old son" in a list is one victim, not three.
        let age = w.get(e + 1).is_some_and(|x| matches!(*x, "year" | "month" | "week" | "day"));
        let v = if listed.is_some() && age { 1 } else { v };
        let slot = if killed { &mut out.killed } else { &mut out.wounded };
        *slot = Some(slot.unwrap_or(0).saturating_add(v));
    }
    if out == Casualties::default() {
        out = one_named_victim(toks, &w);
    }
    if out == Casualties::default() {
        out = one_object_victim(toks, &w);
    }
    out
}

/// "The mayor was killed", "Kamau Kingara was shot dead", "a chief was
/// injured": a person (a person noun or a name) as the subject of a singular
/// passive is one victim. "The bill was killed" is not.
fn one_named_victim(toks: &[Token], w: &[&str]) -> Casualties {
    for j in 1..w.len() {
        // "shot dead", "found dead", "hacked to death" (not "sentenced to death").
        let dead_after = (matches!(w[j], "shot" | "found") && w.get(j + 1) == Some(&"dead"))
            || (w.get(j + 1) == Some(&"to") && w.get(j + 2) == Some(&DEATH) && w[j] != "sentenced");
        let killed = is_killed(w[j]) || dead_after;
        if !(killed || is_wounded(w[j])) || matches!(w[j], "dead" | "deaths" | "bodies" | "injuries" | "wounds") {
            continue;
        }
        let subject = if j >= 2 && w[j - 1] == "was" {
            j - 2
        } else if j <= 2
            && is_person_noun(w[j - 1])
            && (dead_after || matches!(w[j], "killed" | "died" | "dies" | "injured" | "wounded"))
        {
            // A headline's passive without "was": "Man killed during
            // arguments", "Terror suspect found dead", "Police officer
            // injured in blast" (the sentence opens with its subject, a
            // person noun: "They killed …" is active).
            j - 1
        } else {
            continue;
        };
        let named = toks[subject].shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0;
        let nobody = matches!(w[subject], "nobody" | "none" | "anyone" | "everyone" | "who" | "which" | "it" | "this")
            || (subject > 0 && w[subject - 1] == "no");
        if (named || is_person_noun(w[subject])) && !nobody {
            return if killed {
                Casualties { killed: Some(1), wounded: None }
            } else {
                Casualties { killed: None, wounded: Some(1) }
            };
        }
    }
    Casualties::default()
}

/// "Gunmen kill Italian missionary", "Armed group kills police officer":
/// an active killing verb whose object is one person (up to two words
/// before a singular person noun, no count) is one victim.
fn one_object_victim(toks: &[Token], w: &[&str]) -> Casualties {
    for j in 0..w.len() {
        if !matches!(
            w[j],
            "kill" | "kills" | "killed" | "lynch" | "lynches" | "lynched" | "murder" | "murders" | "murdered"
        ) {
            continue;
        }
        // "threatened to kill a chief", "will not kill": no one died.
        if j > 0 && matches!(w[j - 1], "to" | "will" | "would" | "could" | "might" | "may" | "not" | "never") {
            continue;
        }
        for k in j + 1..(j + 4).min(w.len()) {
            if is_person_noun(w[k]) {
                return Casualties { killed: Some(1), wounded: None };
            }
            let modifier = toks[k].shape & (shape::CAPITALIZED | shape::ALL_CAPS) != 0
                || matches!(
                    w[k],
                    "a" | "an" | "the" | "his" | "her" | "their" | "local" | "police" | "young" | "suspected"
                );
            if !modifier {
                break;
            }
        }
    }
    Casualties::default()
}

/// Singular nouns for one person, as the subject of "was killed".
fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "woman"
            | "boy"
            | "girl"
            | "child"
            | "person"
            | "civilian"
            | "soldier"
            | "policeman"
            | "officer"
            | "mayor"
            | "chief"
            | "mp"
            | "mca"
            | "councillor"
            | "official"
            | "leader"
            | "candidate"
            | "aspirant"
            | "activist"
            | "journalist"
            | "teacher"
            | "student"
            | "pupil"
            | "driver"
            | "trader"
            | "farmer"
            | "herder"
            | "pastor"
            | "priest"
            | "imam"
            | "cleric"
            | "businessman"
            | "worker"
            | "guard"
            | "resident"
            | "villager"
            | "passenger"
            | "suspect"
            | "commander"
            | "politician"
            | "legislator"
            | "elder"
            | "youth"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "husband"
            | "wife"
            | "brother"
            | "sister"
            | "missionary"
            | "refugee"
            | "constable"
            | "ranger"
            | "herdsman"
            | "watchman"
            | "thief"
            | "robber"
            | "rapist"
            | "bodyguard"
            | "chairman"
            | "governor"
            | "nurse"
            | "doctor"
            | "rider"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{FoldedText, Tokenizer};

    #[test]
    fn casualty_filter_passes_every_casualty_word_and_few_others() {
        let words: Vec<&str> = KILLED.iter().chain(WOUNDED).chain(CLAIMED).chain(&[DEATH]).copied().collect();
        let text = words.join(" ");
        let f = FoldedText::new(&text);
        let mut t = Tokenizer::new();
        assert!(t.tokenize(&f, &text).iter().all(|tok| may_be_casualty(&CASUALTY_FILTER, tok)));
        let prose = "The central bank raised its key interest rate by half a point on Tuesday, \
                     saying inflation had stayed above its target for most of the year while \
                     exports of grain, coffee and copper rose faster than analysts expected";
        let f = FoldedText::new(prose);
        let passed = t.tokenize(&f, prose).iter().filter(|tok| may_be_casualty(&CASUALTY_FILTER, tok)).count();
        assert!(passed <= 1, "{passed} ordinary words pass the filter");
    }

    fn cas(s: &str) -> (Option<u32>, Option<u32>) {
        let f = FoldedText::new(s);
        let mut t = Tokenizer::new();
        let toks = t.tokenize(&f, s).to_vec();
        let c = find_casualties(&toks, f.as_str());
        (c.killed, c.wounded)
    }

    #[test]
    fn counts_in_words_and_digits() {
        assert_eq!(cas("Two people were killed and two wounded in the bombardments."), (Some(2), Some(2)));
        assert_eq!(cas("The blast killed at least 12 people."), (Some(12), None));
        assert_eq!(cas("Gunmen opened fire, killing 3 and wounding 5."), (Some(3), Some(5)));
        assert_eq!(cas("A soldier was killed in the ambush."), (Some(1), None));
        assert_eq!(cas("A dozen civilians were injured."), (None, Some(12)));
        assert_eq!(cas("Dozens were wounded as police fired tear gas."), (None, Some(12)));
        assert_eq!(cas("The attack left 4 dead and 17 injured."), (Some(4), Some(17)));
        assert_eq!(cas("1,200 people were killed in the flood."), (Some(1200), None));
    }

    #[test]
    fn counts_after_the_verb_and_around_group_names() {
        assert_eq!(cas("Suspected al Shabaab shot and killed a chief of Erib location."), (Some(1), None));
        assert_eq!(cas("A vigilante mob lynched a motorcycle thief."), (Some(1), None));
        assert_eq!(cas("Suspected members of the gang kill two men."), (Some(2), None));
        assert_eq!(cas("12 suspected TTP militants were killed in new airstrikes."), (Some(12), None));
        assert_eq!(cas("Twenty Al-Shabab militiamen are killed near the border."), (Some(20), None));
        assert_eq!(cas("The blast killed a total of 30 people."), (Some(30), None));
        assert_eq!(cas("Police shot dead two robbers."), (Some(2), None));
        // The subject of an active verb is no casualty.
        assert_eq!(cas("Two gunmen killed a policeman at the market."), (Some(1), None));
        assert_eq!(cas("A police officer shot and killed a school teacher."), (Some(1), None));
        assert_eq!(cas("Two killed, three wounded in the raid."), (Some(2), Some(3)));
        // An article before a measure word is no count of its own.
        assert_eq!(cas("The shelling killed an estimated 20 civilians."), (Some(20), None));
    }

    #[test]
    fn cumulative_tolls_are_not_event_counts() {
        assert_eq!(
            cas("More than 100 days into the campaign, it has killed at least 25,490 people in Gaza."),
            (None, None)
        );
        assert_eq!(cas("Since October, 1,400 people have been killed."), (None, None));
    }

    #[test]
    fn one_person_as_subject_of_a_singular_passive() {
        assert_eq!(cas("The mayor was killed on Tuesday."), (Some(1), None));
        assert_eq!(cas("Kamau Kingara was shot dead outside his office."), (Some(1), None));
        assert_eq!(cas("A local chief was injured in the attack."), (None, Some(1)));
        assert_eq!(cas("The bill was killed in committee."), (None, None));
        assert_eq!(cas("Nobody was hurt in the blast."), (None, None));
        assert_eq!(cas("No one was injured."), (None, None));
        // "to death" after any verb, an age before the noun.
        assert_eq!(cas("On Sunday a 13 year old boy was hacked to death in his village."), (Some(1), None));
        assert_eq!(cas("The judge was sentenced to death."), (None, None));
    }

    #[test]
    fn a_headline_passive_without_was_is_one_victim() {
        assert_eq!(cas("Man killed during arguments over the party primary."), (Some(1), None));
        assert_eq!(cas("Terror suspect found dead on the side of the road."), (Some(1), None));
        assert_eq!(cas("Police officer injured in grenade blast."), (None, Some(1)));
        // Active, not passive: the pronoun is the killer, the toll unknown.
        assert_eq!(cas("They killed villagers in the raid."), (None, None));
        assert_eq!(cas("Gunmen killed villagers in the raid."), (None, None));
    }

    #[test]
    fn lynching_counts_its_victims() {
        assert_eq!(cas("A vigilante mob lynches a woman they accused of witchcraft."), (Some(1), None));
        assert_eq!(cas("Vigilantes attack the raiders and lynch three of them."), (Some(3), None));
        // The mob is the subject, not a victim; "lynch mob" is a noun.
        assert_eq!(cas("A vigilante mob attacks, lynches and kills a suspected thief."), (Some(1), None));
        assert_eq!(cas("On Sunday a lynch mob killed a murder suspect in Embu."), (Some(1), None));
    }

    #[test]
    fn any_noun_names_the_people_counted_but_not_time() {
        assert_eq!(cas("Three rangers were shot dead near the park."), (Some(3), None));
        assert_eq!(cas("Two boda boda riders died in the clash."), (Some(2), None));
        assert_eq!(cas("Residents stoned two suspected robbers to death."), (Some(2), None));
        assert_eq!(cas("Two days later a man was killed in the market."), (Some(1), None));
        assert_eq!(cas("A court sentenced two men to death on Monday."), (None, None));
        assert_eq!(cas("A hotel security guard is shot and killed in Diani."), (Some(1), None));
        assert_eq!(cas("24 December: riders beat to death a guard over a fare."), (None, None));
        assert_eq!(cas("Gunmen kill Italian missionary in Turkana."), (Some(1), None));
        assert_eq!(cas("Police found the bodies of four men in a vehicle in Gitaru."), (Some(4), None));
        assert_eq!(cas("Seven police officers and a civilian were killed by a roadside bomb."), (Some(8), None));
        assert_eq!(cas("Two people were injured and three killed."), (Some(3), Some(2)));
        assert_eq!(cas("Between 1 and 4 soldiers were killed in the blast."), (Some(1), None));
        assert_eq!(cas("20 to 30 people were killed in the clashes."), (Some(20), None));
        assert_eq!(cas("Armed group kills police officer from rival ethnic group."), (Some(1), None));
        assert_eq!(cas("The militia threatened to kill a police officer."), (None, None));
    }

    #[test]
    fn no_casualties() {
        assert_eq!(cas("There were no immediate reports about possible casualties."), (None, None));
        assert_eq!(cas("Police arrested a man in the market."), (None, None));
        assert_eq!(cas("Three drones targeted the base."), (None, None));
        assert_eq!(cas("A spokesman said no one was hurt."), (None, None));
    }
}
