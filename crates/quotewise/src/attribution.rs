//! Attribution sieves: speech tags for quoted spans, indirect speech, and
//! the quote candidates they make.
//!
//! The sieves run in order of precision; each records itself as the
//! speaker's [`Method`]:
//! 1. a speech tag beside the quote in its sentence or paragraph, in every
//!    order (`“…,” he said`, `“…,” said Putin`, `Putin said: “…”`);
//! 2. a tag alone on the next or previous line (`Putin said`);
//! 3. `according to X`;
//! 4. indirect speech (`X said that …`, `…, X said.`, `X told Y that …`);
//! 5. continuation: an untagged quote continues the previous speaker
//!    (in `resolve`).

use crate::lexicon::{Flags, VerbInfo};
use crate::marks::Quoted;
use crate::mentions::MentionKind;
use crate::mentions::{is_be, mention_ending_at, mention_starting_at, verb_at, Mention};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// A quote being attributed: token ranges, not yet spans.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub kind: QuoteKind,
    /// Inclusive token ranges of the content pieces.
    pub pieces: Vec<(usize, usize)>,
    /// Inclusive token range of the cue.
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<Mention>,
    pub method: Option<Method>,
    /// Whether the quote is a sentence of its own (may continue a speaker).
    pub standalone: bool,
}

impl Candidate {
    /// Are every range of the candidate in order and inside the `n` tokens
    /// of its text? Spans are built from these ranges, so the pipeline
    /// keeps only candidates for which this holds: a sieve that built a
    /// reversed range loses its candidate instead of panicking the
    /// extraction (and fails a debug assertion in tests and fuzzing).
    pub fn is_well_formed(&self, n: usize) -> bool {
        let range_ok = |(a, b): (usize, usize)| a <= b && b < n;
        !self.pieces.is_empty()
            && self.pieces.iter().all(|&p| range_ok(p))
            && self.pieces.windows(2).all(|w| w[0].1 < w[1].0)
            && self.cue.is_none_or(range_ok)
            && self.speaker.as_ref().is_none_or(|m| {
                range_ok((m.first, m.last))
                    && m.name
                        .is_none_or(|(a, b)| m.first <= a && a <= b && b <= m.last)
            })
    }

    pub fn first(&self) -> usize {
        self.pieces[0].0
    }

    pub fn last(&self) -> usize {
        self.pieces[self.pieces.len() - 1].1
    }
}

/// A speech tag: the cue tokens and the speaker mention.
#[derive(Clone, Debug)]
struct Tag {
    cue: (usize, usize),
    speaker: Option<Mention>,
}

fn is_dash(t: &Text, i: usize) -> bool {
    matches!(
        t.tokens.get(i).map(|t| t.kind),
        Some(Kind::Punct('—' | '–' | '-'))
    )
}

fn para_end(t: &Text, i: usize) -> usize {
    t.paragraphs[t.tokens[i].paragraph as usize].end
}

fn sentence_end(t: &Text, i: usize) -> usize {
    t.sentences[t.tokens[i].sentence as usize].end
}

fn para_start(t: &Text, i: usize) -> usize {
    t.paragraphs[t.tokens[i].paragraph as usize].start
}

fn sentence_start(t: &Text, i: usize) -> usize {
    t.sentences[t.tokens[i].sentence as usize].start
}

/// Skips adverbs and auxiliaries backward from `i` (exclusive), not below
/// `floor`: returns the first token of the run.
fn skip_adverbs_back(t: &Text, mut i: usize, floor: usize) -> usize {
    while i > floor && t.has(i - 1, Flags::ADVERB_AUX) {
        i -= 1;
    }
    i
}

/// Skips adverbs and auxiliaries forward from `i`.
fn skip_adverbs(t: &Text, mut i: usize, limit: usize) -> usize {
    while i < limit && t.has(i, Flags::ADVERB_AUX) {
        i += 1;
    }
    i
}

/// A speech tag right after a quote ending at token `close`:
/// `“…,” he said`, `“…,” said Putin`, `“….” The Russian leader said.`
fn tag_after(t: &Text, close: usize, limit: usize) -> Option<Tag> {
    let mut j = close + 1;
    // "“…” ― Beck Pimentel", or `- Hillary Clinton.` alone on the next
    // line ([`tag_line`]): a dash and a name closing the paragraph.
    if j < limit && (t.is_punct(j, '―') || is_dash(t, j)) {
        if let Some(m) = mention_starting_at(t, j + 1, limit) {
            if (m.last + 1..limit).all(|k| !t.is_word(k)) {
                return Some(Tag {
                    cue: (j, j),
                    speaker: Some(m),
                });
            }
        }
    }
    while j < limit && (t.is_punct(j, ',') || is_dash(t, j)) {
        j += 1;
    }
    if j >= limit {
        return None;
    }
    let tag = tag_words_after(t, j, limit)?;
    // A tag in the next sentence must be all that sentence says
    // (`“…” The Russian leader said.`, not `“…” He said that …`).
    if t.tokens[tag.cue.0].sentence != t.tokens[close].sentence {
        let after = tag_end(&tag) + 1;
        let end = sentence_end(t, tag.cue.0);
        if !(tail_is_adverbial(t, after, end) || starts_adverbial_tail(t, after)) {
            return None;
        }
    }
    Some(tag)
}

/// Does what follows a tag start an adverbial (`, alluding to …`, `as a
/// guy walks in`, `in a statement`) rather than a complement (`that …`)?
fn starts_adverbial_tail(t: &Text, k: usize) -> bool {
    match t.tokens.get(k).map(|t| t.kind) {
        Some(Kind::Punct(',' | '.' | ';' | '!' | '?' | '—' | '–' | '(')) => true,
        Some(Kind::Word) => {
            let w = t.tok(k);
            matches!(
                w,
                "as" | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "with"
                    | "from"
                    | "for"
                    | "about"
                    | "since"
                    | "because"
                    | "though"
                    | "although"
                    | "again"
                    | "later"
                    | "then"
                    | "too"
                    | "last"
                    | "this"
                    | "recently"
                    | "earlier"
            ) || is_time_word(w)
                || (w.ends_with("ly") && w.len() > 4)
        }
        _ => false,
    }
}

/// Weekdays and `today`-like words: adverbials, never a speaker or a clause.
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "Sunday’s"
    )
}

/// The last token of a tag: its cue or the speaker after it.
fn tag_end(tag: &Tag) -> usize {
    tag.speaker
        .as_ref()
        .map_or(tag.cue.1, |m| m.last.max(tag.cue.1))
}

/// The tag words starting at `j`: `said Putin`, `Putin said`, `the book said`.
fn tag_words_after(t: &Text, j: usize, limit: usize) -> Option<Tag> {
    // "said Putin", "added the spokesman"
    if let Some((info, cue_end)) = speech_verb(t, j) {
        if info.gerund {
            return None;
        }
        let speaker = mention_starting_at(t, cue_end + 1, limit)
            .or_else(|| generic_after(t, cue_end + 1, limit));
        return Some(Tag {
            cue: (j, cue_end),
            speaker,
        });
    }
    // "Putin said", "he added", "Kremlin spokesman Dmitry Peskov, 67, said",
    // "Mr. Morgan of the Sierra Club said", "Rep. Gwen Moore (D-Wis.) said"
    let m = mention_starting_at(t, j, limit)
        .or_else(|| generic_subject(t, j, limit))
        // "panel Chairman Rep. Jason Chaffetz (R-Utah) said", "election law
        // expert Rick Hasen tweeted": lower-case words before a name.
        .or_else(|| {
            let lowers = (j..limit.min(j + 4))
                .take_while(|&i| t.is_word(i) && !t.is_capitalized(i))
                .count();
            (1..=lowers).find_map(|n| {
                mention_starting_at(t, j + n, limit).filter(|m| m.kind == MentionKind::Name)
            })
        })?;
    let mut k = m.last + 1;
    k = skip_postmodifier(t, k, limit);
    let before_apposition = k;
    k = skip_apposition(t, k, limit);
    k = skip_adverbs(t, k, limit);
    let (info, cue_end) = speech_verb(t, k)?;
    if info.gerund || k > j + 12 || m.last + 1 == k && noun_use(t, &m, k) {
        return None;
    }
    // `the central bank governor, Ana Díaz, said`: a description named by
    // its apposition speaks by that name.
    let named = match m.kind {
        MentionKind::Description { plural: false, .. } if k > before_apposition => {
            mention_starting_at(t, before_apposition + 1, k)
                .filter(|n| n.kind == MentionKind::Name && t.is_punct(n.last + 1, ','))
        }
        _ => None,
    };
    Some(Tag {
        cue: (k, cue_end),
        speaker: Some(named.unwrap_or(m)),
    })
}

/// `the book`, `the ad’s narrator`, `a narrator in the Clinton ad` right
/// before a speech verb: a description of a speaker the lexicon does not know.
fn generic_subject(t: &Text, j: usize, limit: usize) -> Option<Mention> {
    if !t.is_word(j)
        || !matches!(
            t.tok(j),
            "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
                | "his"
                | "His"
                | "her"
                | "Her"
                | "their"
                | "Their"
                | "one"
                | "One"
                | "another"
                | "Another"
                | "two"
                | "Two"
                | "some"
                | "Some"
        )
    {
        return None;
    }
    let mut k = j + 1;
    while k < limit && k <= j + 7 && t.is_word(k) {
        if speech_verb(t, k).is_some() && k > j + 1 {
            return Some(Mention::description(
                j,
                k - 1,
                false,
                false,
                (j + 1..k)
                    .map(|i| crate::text::lower_word(t.tok(i)))
                    .collect(),
            ));
        }
        k += 1;
    }
    None
}

/// Skips `(R-Utah)` and `of the Sierra Club` after a name.
fn skip_postmodifier(t: &Text, k: usize, limit: usize) -> usize {
    if t.is_punct(k, '(') {
        if let Some(close) = (k + 1..limit.min(k + 8)).find(|&i| t.is_punct(i, ')')) {
            return close + 1;
        }
    }
    if t.is_word(k) && t.tok(k) == "of" {
        if let Some(m) = mention_starting_at(t, k + 1, limit) {
            return m.last + 1;
        }
    }
    // "a spokesman for committee Democrats said": a short prepositional
    // phrase running into a speech verb.
    if t.is_word(k)
        && matches!(
            t.tok(k),
            "of" | "for" | "at" | "with" | "from" | "in" | "on"
        )
    {
        if let Some(v) = (k + 1..limit.min(k + 8))
            .take_while(|&i| t.is_word(i))
            .find(|&i| speech_verb(t, i).is_some())
        {
            return v;
        }
    }
    k
}

/// The speaker named after a speech verb when the mention grammar does not
/// cover it: `said the second official`, `said one district GOP leader`,
/// `says the ad’s narrator`: up to seven words to the next punctuation.
fn generic_after(t: &Text, j: usize, limit: usize) -> Option<Mention> {
    if !t.is_word(j)
        || !matches!(
            crate::text::lower_word(t.tok(j)).as_str(),
            "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "two" | "some"
        )
    {
        return None;
    }
    let mut k = j;
    while k + 1 < limit
        && k < j + 7
        && t.is_word(k + 1)
        && !matches!(
            t.tok(k + 1),
            "who" | "which" | "that" | "and" | "in" | "on" | "at" | "as"
        )
    {
        k += 1;
    }
    (k > j && verb_at(t, k).is_none()).then(|| {
        Mention::description(
            j,
            k,
            false,
            false,
            (j + 1..=k)
                .map(|i| crate::text::lower_word(t.tok(i)))
                .collect(),
        )
    })
}

/// The subject of the verb at `v`: the mention right before it (past
/// adverbs, a bracket `(R-Utah)` and an apposition `, the spokesman,`); for
/// an `-ing` form after a comma (`…, saying`), the subject of the sentence.
fn subject_of(t: &Text, v: usize, floor: usize, gerund: bool) -> Option<Mention> {
    let mut s = skip_adverbs_back(t, v, floor);
    if s <= floor {
        return None;
    }
    // "Pence went on to say", "Trump wants to tell": the subject of the
    // verb the infinitive hangs on.
    if t.is_word(s - 1) && t.tok(s - 1) == "to" && s >= floor + 3 {
        let mut v2 = s - 2;
        if t.is_word(v2) && t.tok(v2) == "on" && v2 > floor {
            v2 -= 1;
        }
        return subject_of(t, v2, floor, false);
    }
    // A progressive (`Trump is promising`, `He’s claiming`) has the subject
    // of a finite verb.
    let mut gerund = gerund;
    if gerund && is_be(t, s - 1) {
        gerund = false;
        s = skip_adverbs_back(t, s - 1, floor);
        if s <= floor {
            return None;
        }
    } else if gerund && t.is_word(s - 1) && crate::mentions::contracted_be(t.tok(s - 1)) {
        return mention_ending_at(t, s - 1, floor);
    }
    // "The president noted …, and added:": the subject of the sentence.
    let coordinated = t.is_word(s - 1) && matches!(t.tok(s - 1), "and" | "but") && s - 1 > floor;
    if gerund || coordinated {
        let lead = coordinated
            || t.is_punct(s - 1, ',')
            || (t.is_word(s - 1)
                && matches!(t.tok(s - 1), "by" | "after" | "before" | "while" | "when"));
        if !lead {
            return None;
        }
        let first = (floor.max(s.saturating_sub(60))..s).find(|&i| t.is_word(i))?;
        return mention_starting_at(t, first, s)
            .filter(|m| plausible_subject(t, m))
            .or_else(|| {
                // "Speaking at a rally, Trump said …, adding": the subject of
                // the first clause with a verb.
                (first..s)
                    .find_map(|i| {
                        mention_starting_at(t, i, s).filter(|m| verb_at(t, m.last + 1).is_some())
                    })
                    // `Hours later, Trump returned the compliment, telling`:
                    // the first name after the adverbial.
                    .or_else(|| {
                        let comma = (first + 1..s.min(first + 8)).find(|&i| t.is_punct(i, ','))?;
                        mention_starting_at(t, comma + 1, s)
                            .filter(|m| m.kind == MentionKind::Name && plausible_subject(t, m))
                    })
            });
    }
    let mut k = s - 1;
    if t.is_punct(k, ')') {
        let open = (floor..k).rev().take(10).find(|&i| t.is_punct(i, '('))?;
        k = open.checked_sub(1)?;
        if k < floor {
            return None;
        }
    }
    // Only for `say`: other verbs are as often the relative clause's own
    // (`aides who applauded him`), which its subject cannot tell apart.
    let says = verb_at(t, v).is_some_and(|(info, _)| info.lemma == "say");
    says.then(|| relative_subject(t, k, floor))
        .flatten()
        .or_else(|| mention_ending_at(t, k, floor))
        .or_else(|| apposition_subject(t, k, floor))
        .or_else(|| with_postmodifier(t, k, floor))
        .or_else(|| sentence_subject(t, k, floor))
        .or_else(|| generic_before(t, k, floor))
        .filter(|m| !(m.last + 1 == v && noun_use(t, m, v)))
}

/// `a Facebook post`, `the private server email story`: a verb's base form
/// right after a singular noun phrase with an article does not agree with
/// it, so it is a noun. (Only with an article: `Grassley and Leahy say`
/// has a singular last name and a plural subject.)
fn noun_use(t: &Text, m: &Mention, v: usize) -> bool {
    let article =
        |k: usize| t.is_word(k) && matches!(t.tok(k), "a" | "an" | "the" | "A" | "An" | "The");
    let singular_with_article = match m.kind {
        MentionKind::Name => m.first > 0 && article(m.first - 1) && !t.tok(m.last).ends_with('s'),
        MentionKind::Description { plural, .. } => !plural && article(m.first),
        MentionKind::Pronoun(_) => false,
    };
    let base = verb_at(t, v).is_some_and(|(info, _)| {
        t.tok(v).eq_ignore_ascii_case(info.lemma)
            && !matches!(
                info.lemma,
                "read" | "put" | "set" | "let" | "cut" | "broadcast" | "forecast"
            )
    });
    singular_with_article && base
}

/// `People with direct knowledge of the talks said`, `Everyone but Hewlett
/// said`: a sentence that opens with a short noun phrase and no verb
/// before the reporting verb has that phrase as its subject, whatever its
/// words. `k` is the phrase's last token.
fn sentence_subject(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    const OPENERS: &[&str] = &["But", "And", "So", "Yet", "Still", "Now", "Meanwhile"];
    const NOT_SUBJECT: &[&str] = &[
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "after",
        "before",
        "during",
        "when",
        "while",
        "if",
        "as",
        "since",
        "because",
        "although",
        "though",
        "asked",
        "speaking",
        "there",
        "here",
        "it",
        "this",
        "that",
        "what",
        "how",
        "why",
        "where",
        "today",
        "yesterday",
        "last",
        "earlier",
        "later",
        "and",
        "but",
        "or",
        "which",
        "who",
        "whom",
        "then",
        "so",
        "not",
        "to",
        "than",
        "like",
        "including",
        "such",
    ];
    // The sentence's start, or the clause's after a comma (`…, fundraising
    // documents show`).
    let start = sentence_start(t, k).max(floor);
    let mut s = (start..k)
        .rev()
        .take(8)
        .find(|&i| t.is_punct(i, ',') || t.is_punct(i, ';'))
        .map_or(start, |c| c + 1);
    while s < k && matches!(t.tokens[s].kind, Kind::Mark(_)) {
        s += 1;
    }
    while s < k && t.is_word(s) && OPENERS.contains(&t.tok(s)) {
        s += 1;
    }
    // Two to twelve tokens, words and possessive marks only, no verb; or
    // one quantifier standing for people (`most said`, `Many say`).
    let quantifier = k == s
        && t.is_word(s)
        && matches!(
            crate::text::lower_word(t.tok(s)).as_str(),
            "most"
                | "many"
                | "some"
                | "others"
                | "several"
                | "few"
                | "half"
                | "someone"
                | "everyone"
        );
    if k < s + 1 && !quantifier
        || k > s + 11
        || !t.is_word(s)
        || NOT_SUBJECT.iter().any(|w| w.eq_ignore_ascii_case(t.tok(s)))
    {
        return None;
    }
    let ok = (s..=k).all(|i| match t.tokens[i].kind {
        Kind::Word => {
            let w = t.tok(i);
            verb_at(t, i).is_none()
                && !is_finite_verb(w)
                && !matches!(
                    w,
                    "that" | "who" | "which" | "whom" | "when" | "where" | "if"
                )
                && !w.ends_with("ed")
        }
        Kind::Mark('’' | '\'') => i > s && t.tokens[i - 1].end == t.tokens[i].start,
        _ => false,
    });
    // The head is a noun: not a function word.
    let head_ok = t.is_word(k)
        && !matches!(
            t.tok(k),
            "of" | "for" | "with" | "and" | "or" | "but" | "the" | "a" | "an" | "to" | "in"
        );
    (ok && head_ok).then(|| {
        Mention::description(
            s,
            k,
            t.tok(k).ends_with('s'),
            false,
            vec![crate::text::lower_word(t.tok(k))],
        )
    })
}

/// Is `m` plausibly the subject of its sentence? A lone capitalised word
/// opening the sentence and followed by a lower-case word that is no verb
/// is an adverbial (`Hours later, …`, `Last week, …`, `Ever since …`), not
/// a name.
fn plausible_subject(t: &Text, m: &Mention) -> bool {
    let lone = m.kind == MentionKind::Name && m.first == m.last && t.starts_sentence(m.first);
    let next = m.last + 1;
    let lower = t.has(next, Flags::LOWER);
    let adverbial = lower
        && (t.is_punct(next + 1, ',')
            || verb_at(t, next).is_none()
                && !t.has(next, Flags::ADVERB_AUX)
                && !is_finite_verb(t.tok(next))
                && !is_past_tense(t.tok(next)));
    !(lone && adverbial)
}

/// A past-tense verb (`Trump went after Bush, calling him …`): a regular
/// `-ed` form or a common irregular one.
fn is_past_tense(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "went"
                | "took"
                | "made"
                | "got"
                | "gave"
                | "came"
                | "met"
                | "held"
                | "left"
                | "won"
                | "lost"
                | "spent"
                | "sent"
                | "kept"
                | "brought"
                | "began"
                | "became"
                | "ran"
                | "saw"
                | "stood"
                | "spoke"
                | "wrote"
                | "told"
                | "said"
                | "thought"
                | "found"
                | "led"
                | "paid"
                | "heard"
                | "felt"
                | "fought"
                | "built"
                | "broke"
                | "chose"
                | "drew"
                | "fell"
                | "grew"
                | "rose"
                | "struck"
                | "threw"
                | "sold"
                | "sought"
                | "taught"
                | "caught"
                | "bought"
        )
}

/// `the announcer said`, `a doctor had typed`: a determiner and up to three
/// lower-case words ending at `k`, a description the lexicon lacks.
fn generic_before(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    let lo = k.saturating_sub(3).max(floor);
    let det = (lo..k)
        .rev()
        .find(|&i| t.is_word(i) && matches!(t.tok(i), "the" | "The" | "a" | "A" | "an" | "An"))?;
    const FUNCTION: &[&str] = &[
        "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "that",
        "this", "than", "as", "into", "about", "over", "after", "before", "not", "also",
    ];
    let words_ok = (det + 1..=k).all(|i| {
        t.is_word(i)
            && !t.is_capitalized(i)
            && verb_at(t, i).is_none()
            && !FUNCTION.contains(&t.tok(i))
            && t.tok(i).chars().all(|c| c.is_alphabetic() || c == '-')
    });
    words_ok.then(|| {
        Mention::description(
            det,
            k,
            false,
            false,
            (det + 1..=k)
                .map(|i| crate::text::lower_word(t.tok(i)))
                .collect(),
        )
    })
}

/// Skips `, the Kremlin spokesman,` after a name.
fn skip_apposition(t: &Text, k: usize, limit: usize) -> usize {
    if !t.is_punct(k, ',') {
        return k;
    }
    let mut j = k + 1;
    while j < limit && j < k + 12 {
        if t.is_punct(j, ',') {
            return j + 1;
        }
        if !t.is_word(j) && !matches!(t.tokens[j].kind, Kind::Punct('(' | ')' | '-' | '.')) {
            return k;
        }
        j += 1;
    }
    k
}

/// A verb of saying at `i`: a speech verb, not after "to be" (passive).
fn speech_verb(t: &Text, i: usize) -> Option<(VerbInfo, usize)> {
    let (info, end) = verb_at(t, i)?;
    if !info.speech || (i > 0 && is_be(t, i - 1)) {
        return None;
    }
    Some((info, end))
}

/// A speech tag before a quote opening at token `open`:
/// `Putin said: “…”`, `He added, “…”`, `Putin told reporters: “…”`.
fn tag_before(t: &Text, open: usize, floor: usize) -> Option<Tag> {
    if open == 0 || open <= floor {
        return None;
    }
    let mut k = open - 1;
    let colon = t.is_punct(k, ':');
    if colon || t.is_punct(k, ',') {
        if k == 0 {
            return None;
        }
        k -= 1;
    }
    if k < floor {
        return None;
    }
    // "According to Putin, “…”"
    if let Some(m) = mention_ending_at(t, k, floor) {
        if m.first >= floor + 2
            && t.tok(m.first - 2).eq_ignore_ascii_case("according")
            && t.tok(m.first - 1) == "to"
        {
            return Some(Tag {
                cue: (m.first - 2, m.first - 1),
                speaker: Some(m),
            });
        }
    }
    // With a colon the verb may stand a few words back:
    // "Putin told reporters on Friday: “…”".
    let reach = if colon { 10 } else { 6 };
    let mut v = k;
    loop {
        if let Some((info, cue_end)) = verb_at(t, v) {
            // With a comma, only a verb right before it or one that takes
            // an object (`told Chris Wallace of Fox News, “…”`).
            // Or an inverted tag: `Said Comey, “…”`.
            let named_after = mention_starting_at(t, cue_end + 1, open);
            let reachable = colon
                || v == k
                || is_tell(t.tok(v))
                || (v < k && named_after.as_ref().is_some_and(|m| m.last == k));
            if (info.speech || colon) && reachable && !(v > 0 && is_be(t, v - 1)) {
                let speaker = subject_of(t, v, floor, info.gerund).or(named_after);
                // `…, the crowd chanted, “…”`: a verb of saying with a
                // comma or colon before the quote tags it even when its
                // subject is not found.
                let adjacent = v == k && info.speech && !info.gerund;
                if speaker.is_some() || adjacent {
                    return Some(Tag {
                        cue: (v, cue_end),
                        speaker,
                    });
                }
            }
        }
        if v <= floor || v + reach <= k || !(t.is_word(v) || t.is_punct(v, ',')) {
            break;
        }
        v -= 1;
    }
    // `Pollsters agree - Carl Bialik: “…”`, `he gave the Texan a
    // compliment: “…”`: after a colon with no verb of saying, the name
    // right before it, else the subject of the sentence.
    if !colon {
        return None;
    }
    let speaker = mention_ending_at(t, k, floor)
        .filter(|m| m.kind == MentionKind::Name)
        .or_else(|| {
            let first = (floor..k).find(|&i| t.is_word(i))?;
            mention_starting_at(t, first, k)
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)))
        })?;
    Some(Tag {
        cue: (open - 1, open - 1),
        speaker: Some(speaker),
    })
}

/// Is the paragraph of token `i` a tag alone (`Putin said`, `The Russian
/// leader said.`)? Returns the tag.
fn tag_line(t: &Text, para: usize) -> Option<Tag> {
    let range = t.paragraphs.get(para)?.clone();
    let words = range.clone().filter(|&i| t.is_word(i)).count();
    if words == 0 || words > 8 {
        return None;
    }
    let first = range.start;
    let tag = tag_after(t, first.saturating_sub(1), range.end).filter(|_| first > 0)?;
    // Nothing but the tag (and a final period) on the line.
    let rest = (tag.cue.1 + 1..range.end).filter(|&i| t.is_word(i)).count();
    let speaker_after = tag.speaker.as_ref().is_some_and(|m| m.first > tag.cue.1);
    (rest == 0
        || speaker_after
            && tag.speaker.as_ref().unwrap().last + 1
                == range.end - usize::from(t.is_punct(range.end - 1, '.')))
    .then_some(tag)
}

/// Do only marks, dashes and brackets stand before token `i` in its sentence?
fn opens_sentence(t: &Text, i: usize) -> bool {
    let s = sentence_start(t, i).max(para_start(t, i));
    (s..i).all(|j| !t.is_word(j))
}

/// Turns quoted spans into direct and partial quote candidates with their
/// speech tags.
pub(crate) fn direct_quotes(t: &Text, quoted: &[Quoted]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for q in quoted {
        let first = q.pieces[0].first;
        let last = q.pieces[q.pieces.len() - 1].last;
        let pieces: Vec<(usize, usize)> = q.pieces.iter().map(|p| (p.first, p.last)).collect();
        let limit = para_end(t, last);
        let after = tag_after(t, last, limit);
        let floor = sentence_start(t, first).max(para_start(t, first));
        let before = if after.is_none() {
            tag_before(t, first, floor)
        } else {
            None
        };
        let standalone = opens_sentence(t, first) || (first > 0 && t.is_punct(first - 1, ':'));
        let words = (first..=last).filter(|&i| t.is_word(i)).count();
        let ends_clause = (last > first)
            && matches!(
                t.tokens[last - 1].kind,
                Kind::Punct('.' | ',' | '!' | '?' | '…')
            )
            && q.pieces[q.pieces.len() - 1].closed;
        let mut cand = Candidate {
            kind: QuoteKind::Direct,
            pieces,
            cue: None,
            speaker: None,
            method: None,
            standalone,
        };
        // `claimed “Trump exaggerates” the level of …`: quoted words that a
        // verb runs into, with the sentence going on, are part of indirect
        // speech, not a direct quote.
        let punctuated = first > 0 && (t.is_punct(first - 1, ',') || t.is_punct(first - 1, ':'));
        let ends_sentence = (last + 1..sentence_end(t, last).min(limit)).all(|k| !t.is_word(k));
        // `She declared “What a Super Tuesday!” and …`: a capitalised
        // quote right after its verb is a quotation too.
        let capital_after_verb = first > 0
            && t.is_word(first + 1)
            && t.is_capitalized(first + 1)
            && verb_at(t, first - 1).is_some();
        let before = before.filter(|_| punctuated || ends_sentence || capital_after_verb);
        let is_direct = standalone
            || before.is_some()
            || (after.is_some() && (ends_clause || words >= 6))
            || !q.pieces[0].opened;
        // `With thousands of systems, “there is no single point of
        // failure,” he said.`: the words before the quote are said too.
        if after.is_some() && !standalone && q.pieces[0].opened {
            let mut a = first_content(t, floor.max(first.saturating_sub(60)), first);
            // `when Clinton called the front-runner “ISIS’ best
            // recruiter”`: what was said starts after its verb.
            if let Some((_, cue_end)) = (a..first).rev().find_map(|k| verb_at(t, k)) {
                a = cue_end + 1;
            }
            if a < first && (a..first).all(|k| !matches!(t.tokens[k].kind, Kind::Mark(_))) {
                cand.pieces[0].0 = a;
                cand.kind = QuoteKind::Mixed;
            }
        }
        let tag = after.or(before);
        // `“A,” Tester said, referring to X, “B.”`: the quote after a tag
        // that follows a quote in the same paragraph goes on with it.
        let resumes = out.last().is_some_and(|p: &Candidate| {
            p.kind != QuoteKind::Partial
                && p.cue.is_some_and(|c| c.0 > p.last() && c.1 < first)
                && t.tokens[p.last()].paragraph == t.tokens[first].paragraph
                && first > 0
                && (t.is_punct(first - 1, ',') || t.is_punct(first - 1, ';'))
        });
        if !is_direct && !resumes {
            cand.kind = QuoteKind::Partial;
            out.push(cand);
            continue;
        }
        if let Some(tag) = tag {
            cand.method = Some(if t.tok(tag.cue.0).eq_ignore_ascii_case("according") {
                Method::AccordingTo
            } else {
                Method::SpeechTag
            });
            cand.cue = Some(tag.cue);
            cand.speaker = tag.speaker;
        }
        out.push(cand);
    }
    adjacent_lines(t, &mut out);
    merge_split(t, &mut out);
    out
}

/// Interview transcripts: a paragraph opening with a speaker's name in
/// capitals and a colon (`PENCE: Well, look, …`) is that speaker's quote.
/// Quotes found inside such a paragraph are part of it.
pub(crate) fn transcripts(t: &Text, cands: &mut Vec<Candidate>) {
    for para in &t.paragraphs {
        let mut i = para.start;
        while i < para.end && matches!(t.tokens[i].kind, Kind::Mark(_)) {
            i += 1;
        }
        let name_start = i;
        while i < para.end && i < name_start + 3 && t.is_word(i) && is_caps(t.tok(i)) {
            i += 1;
        }
        if i == name_start || !t.is_punct(i, ':') || i + 1 >= para.end {
            continue;
        }
        let Some(speaker) = mention_ending_at(t, i - 1, name_start) else {
            continue;
        };
        let mut last = para.end - 1;
        while last > i + 1 && matches!(t.tokens[last].kind, Kind::Mark(_)) {
            last -= 1;
        }
        cands.retain(|c| c.last() < para.start || c.first() >= para.end);
        cands.push(Candidate {
            kind: QuoteKind::Direct,
            pieces: vec![(i + 1, last)],
            cue: Some((i, i)),
            speaker: Some(speaker),
            method: Some(Method::SpeechTag),
            standalone: true,
        });
    }
    if let Some(c) = headline(t) {
        if !cands
            .iter()
            .any(|d| d.first() <= c.last() && c.first() <= d.last())
        {
            cands.push(c);
        }
    }
    cands.sort_by_key(|c| c.first());
}

/// `Joe Scarborough: Trump Playing Dumb About the KKK Is ‘Disqualifying.’`
/// as a text's first line: a headline crediting a claim to a person (or
/// to a poll or report). Not `The Latest: …`, nor an outlet's or a
/// column's name (`Breitbart News Daily: …`).
fn headline(t: &Text) -> Option<Candidate> {
    let para = t.paragraphs.first()?.clone();
    let colon = (para.start + 1..para.end.min(para.start + 6)).find(|&k| t.is_punct(k, ':'))?;
    if !(para.start..colon).all(|k| t.is_word(k) && !t.has(k, Flags::LOWER))
        || (para.start..colon).any(|k| crate::lexicon::ORG_WORDS.contains_key(t.tok(k)))
    {
        return None;
    }
    if matches!(t.tok(para.start), "The" | "A" | "An") {
        return None;
    }
    // A lone word must be a noun or name the text uses again (`Poll:`,
    // `Sanders:`), not an exclamation or a participle (`Wow:`,
    // `Revealed:`).
    if colon == para.start + 1 {
        let w = t.tok(para.start);
        let again =
            (para.end..t.tokens.len()).any(|k| t.is_word(k) && t.tok(k).eq_ignore_ascii_case(w));
        if w.ends_with("ed") || !again {
            return None;
        }
    }
    let m = mention_ending_at(t, colon - 1, para.start)?;
    if m.first != para.start || m.kind != MentionKind::Name {
        return None;
    }
    let mut last = para.end - 1;
    while last > colon + 1 && t.is_punct(last, '.') {
        last -= 1;
    }
    // A question is asked about the person, not by them.
    if t.is_punct(last, '?') {
        return None;
    }
    (words_in(t, colon + 1, last) >= 3).then_some(Candidate {
        kind: QuoteKind::Indirect,
        pieces: vec![(colon + 1, last)],
        cue: Some((colon, colon)),
        speaker: Some(m),
        method: Some(Method::SpeechTag),
        standalone: true,
    })
}

fn is_caps(word: &str) -> bool {
    word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// A partial quote is attributed to the subject of a reporting verb before
/// it in its sentence (`Putin suggested a “virtually live” experiment`).
pub(crate) fn nearby(t: &Text, cand: &mut Candidate) -> bool {
    let first = cand.first();
    let floor = sentence_start(t, first);
    for v in floor..first {
        let Some((info, cue_end)) = verb_at(t, v) else {
            continue;
        };
        if info.gerund || (v > 0 && is_be(t, v - 1)) {
            continue;
        }
        let s = skip_adverbs_back(t, v, floor);
        if s == floor {
            continue;
        }
        if let Some(m) = mention_ending_at(t, s - 1, floor) {
            cand.cue = Some((v, cue_end));
            cand.speaker = Some(m);
            cand.method = Some(Method::Nearby);
            return true;
        }
    }
    false
}

/// `Laurence Tribe likened the rules to “burning the Constitution”`: quoted
/// words in the predicate of a sentence whose subject is a person or
/// organisation are that subject's words, a mixed quote from the verb on.
pub(crate) fn mixed_from_partial(t: &Text, cand: &mut Candidate) -> bool {
    let first = cand.first();
    let floor = sentence_start(t, first).max(para_start(t, first));
    let Some(start) = (floor..first).find(|&i| t.is_word(i)) else {
        return false;
    };
    let Some(m) = mention_starting_at(t, start, first) else {
        return false;
    };
    let it = matches!(m.kind, MentionKind::Pronoun(p) if p.person == 0);
    let gerund_head = m
        .name
        .is_some_and(|(a, b)| a == b && t.tok(a).ends_with("ing"));
    if !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)) || it || gerund_head {
        return false;
    }
    let mut v = skip_postmodifier(t, m.last + 1, first);
    v = skip_apposition(t, v, first);
    v = skip_adverbs(t, v, first);
    if v + 1 >= first || !t.is_word(v) || t.is_capitalized(v) || is_be(t, v) {
        return false;
    }
    let w = t.tok(v);
    let verbish =
        verb_at(t, v).is_some() || (w.ends_with("ed") && !crate::lexicon::ROLES.contains_key(w));
    if !verbish {
        return false;
    }
    // The verb's complement runs on past the quoted words to the clause's
    // end (`blamed the “fog of war” for the failure of …`).
    let send = sentence_end(t, first);
    let mut last = cand.last();
    while last + 1 < send
        && !matches!(
            t.tokens[last + 1].kind,
            Kind::Punct(',' | ';' | ':' | '.' | '?' | '!' | '(' | '—' | '–')
        )
    {
        last += 1;
    }
    // Quoted words that end the sentence keep their closing mark
    // (`what she calls “real solutions.”`).
    if last > cand.last()
        && last + 2 < send
        && matches!(t.tokens[last + 1].kind, Kind::Punct('.' | '?' | '!'))
        && matches!(t.tokens[last + 2].kind, Kind::Mark(_))
        && t.tokens[last + 2].start == t.tokens[last + 1].end
    {
        last += 2;
    }
    cand.kind = QuoteKind::Mixed;
    cand.pieces = vec![(v + 1, last)];
    cand.cue = Some((v, v));
    cand.speaker = Some(m);
    cand.method = Some(Method::Nearby);
    true
}

/// Sieve 2: a tag alone on the line after (or before) an untagged quote.
fn adjacent_lines(t: &Text, cands: &mut [Candidate]) {
    for cand in cands.iter_mut() {
        if cand.kind != QuoteKind::Direct || cand.cue.is_some() {
            continue;
        }
        let last = cand.last();
        let para = t.tokens[last].paragraph as usize;
        // The quote must end its paragraph.
        let pend = t.paragraphs[para].end;
        if (last + 1..pend).any(|i| t.is_word(i)) {
            continue;
        }
        if let Some(tag) = tag_line(t, para + 1) {
            cand.cue = Some(tag.cue);
            cand.speaker = tag.speaker;
            cand.method = Some(Method::AdjacentLine);
            continue;
        }
        // "Putin said:" alone on the line before.
        let first = cand.first();
        let fpara = t.tokens[first].paragraph as usize;
        if fpara > 0 && opens_sentence(t, first) {
            let prev = t.paragraphs[fpara - 1].clone();
            let floor = sentence_start(t, prev.end - 1).max(prev.start);
            if t.is_punct(prev.end - 1, ':') {
                if let Some(tag) = tag_before(t, prev.end, floor) {
                    cand.cue = Some(tag.cue);
                    cand.speaker = tag.speaker;
                    cand.method = Some(Method::AdjacentLine);
                }
            }
        }
    }
}

/// `“A,” he said, “B.”` and `“A,” Caddell said. “B.”`: a quote in the same
/// paragraph right after a tagged one, with no tag of its own, is the same
/// quote's next piece.
fn merge_split(t: &Text, cands: &mut Vec<Candidate>) {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for cur in cands.drain(..) {
        if let Some(prev) = out.last_mut() {
            let same_para = t.tokens[prev.last()].paragraph == t.tokens[cur.first()].paragraph;
            if same_para
                && matches!(prev.kind, QuoteKind::Direct | QuoteKind::Mixed)
                && cur.kind == QuoteKind::Direct
                && prev.cue.is_some()
                && (cur.cue.is_none() || cur.cue == prev.cue)
            {
                prev.pieces.extend(cur.pieces);
                continue;
            }
        }
        out.push(cur);
    }
    *cands = out;
}

/// Sieve 3 and 4: indirect speech and `according to`, sentence by sentence,
/// outside direct quotes. Partial quotes inside the content make it mixed
/// (they are removed from `partials`).
/// How many tokens on either side of a verb indirect speech may span.
const MAX_REACH: usize = 200;

pub(crate) fn indirect(t: &Text, covered: &[bool], quoted: &[bool]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for range in &t.sentences {
        let mut i = range.start;
        while i < range.end {
            // Verbs inside quotation marks are the speaker's words. Only a
            // reporting verb or `according` starts a candidate: testing that
            // here spares both sieves' calls for every other word.
            if covered[i]
                || quoted[i]
                || !t.is_word(i)
                || t.verb(i).is_none() && !is_according(t, i)
            {
                i += 1;
                continue;
            }
            // A window around the verb keeps the work per token bounded in
            // run-on "sentences" (a 10 MB text without a full stop).
            let window = range.start.max(i.saturating_sub(MAX_REACH))..range.end.min(i + MAX_REACH);
            if let Some(c) = according_to(t, i, window.clone(), covered)
                .or_else(|| reported(t, i, window.clone(), covered, quoted))
            {
                let end = c.last();
                out.push(c);
                i = end.max(i) + 1;
                continue;
            }
            i += 1;
        }
    }
    out
}

/// The last token of a sentence's content: before the final period.
fn content_end(t: &Text, range: std::ops::Range<usize>) -> usize {
    let mut e = range.end - 1;
    while e > range.start && matches!(t.tokens[e].kind, Kind::Punct('.' | '!' | '?' | ';' | ',')) {
        e -= 1;
    }
    e
}

fn words_in(t: &Text, a: usize, b: usize) -> usize {
    (a..=b).filter(|&i| t.is_word(i)).count()
}

/// Does any covered (direct-quote) token lie in `a..=b`?
fn touches(covered: &[bool], a: usize, b: usize) -> bool {
    covered[a..=b].iter().any(|&c| c)
}

/// Is token `i` the word `according` (any case)?
fn is_according(t: &Text, i: usize) -> bool {
    // The length first: it is asked for every word that is not a verb.
    let tk = &t.tokens[i];
    tk.end - tk.start == "according".len() && t.tok(i).eq_ignore_ascii_case("according")
}

/// `According to X, …` and `…, according to X.`
fn according_to(
    t: &Text,
    i: usize,
    range: std::ops::Range<usize>,
    covered: &[bool],
) -> Option<Candidate> {
    // `to` and the source must lie in the sentence: a line break can end
    // it right after `according` (`…, according\nto custom`).
    if !(is_according(t, i) && i + 2 < range.end && t.is_word(i + 1) && t.tok(i + 1) == "to") {
        return None;
    }
    let m = mention_starting_at(t, i + 2, range.end)
        .or_else(|| source_until_comma(t, i + 2, range.end))?;
    let pieces = if i == range.start || opens_sentence(t, i) {
        // The content follows the comma that closes the source phrase
        // (`According to exit polls conducted by X for Y, …`).
        let comma = (m.last + 1..range.end.min(m.last + 20)).find(|&k| t.is_punct(k, ','));
        let mut a = comma.map_or(m.last + 1, |c| c + 1);
        while a < range.end
            && (t.is_punct(a, ',') || !t.is_word(a) && !matches!(t.tokens[a].kind, Kind::Mark(_)))
        {
            a += 1;
        }
        vec![(a, content_end(t, range.clone()))]
    } else if i > range.start && t.is_punct(i - 1, ',') {
        let mut a = range.start;
        while a < i && !t.is_word(a) && !matches!(t.tokens[a].kind, Kind::Mark(_)) {
            a += 1;
        }
        // `Fundraising, according to the campaign, has surged`: a subject,
        // the source, then its verb; the content is both parts. (Not
        // `…, according to Crowdpac, the most of any candidate`.)
        let end = content_end(t, range.clone());
        let verb_goes_on = t.is_punct(m.last + 1, ',')
            && t.is_word(m.last + 2)
            && is_finite_verb(t.tok(m.last + 2))
            && words_in(t, m.last + 2, end) >= 2;
        if verb_goes_on
            && a < i - 1
            && !(a..i - 1).any(|k| t.is_word(k) && is_finite_verb(t.tok(k)))
        {
            vec![(a, i - 2), (m.last + 2, end)]
        } else {
            vec![(a, i - 2)]
        }
    } else {
        return None;
    };
    let (a, b) = (pieces[0].0, pieces[pieces.len() - 1].1);
    let words: usize = pieces.iter().map(|&(a, b)| words_in(t, a, b)).sum();
    if pieces.iter().any(|&(a, b)| a > b) || words < 3 || touches(covered, a, b) {
        return None;
    }
    Some(Candidate {
        kind: QuoteKind::Indirect,
        pieces,
        cue: Some((i, i + 1)),
        speaker: Some(m),
        method: Some(Method::AccordingTo),
        standalone: false,
    })
}

/// `According to conservative talk radio host Rush Limbaugh, …`: a source
/// the mention grammar does not cover, taken up to the comma (its name, if
/// it ends with one).
fn source_until_comma(t: &Text, from: usize, limit: usize) -> Option<Mention> {
    // up to a comma, or to the sentence end (`…, according to the
    // state's business records.`)
    let comma = (from..limit.min(from + 24))
        .find(|&k| t.is_punct(k, ',') || t.is_punct(k, '.') || t.is_punct(k, ')'))
        .or_else(|| (limit <= from + 24).then_some(limit))?;
    // Words, and marks or slashes inside a name (`the “Medicare for all”
    // document`, `a University of Texas/Texas Tribune poll`).
    if comma <= from
        || !t.is_word(from)
        || (from..comma)
            .any(|k| matches!(t.tokens[k].kind, Kind::Punct(c) if c != '/' && c != '-' && c != '&'))
    {
        return None;
    }
    mention_ending_at(t, comma - 1, from).or(Some(Mention::description(
        from,
        comma - 1,
        false,
        false,
        Vec::new(),
    )))
}

/// `X said (that) …`, `X told Y that …`, `…, X said.`, `…, said X.`
fn reported(
    t: &Text,
    i: usize,
    range: std::ops::Range<usize>,
    covered: &[bool],
    quoted: &[bool],
) -> Option<Candidate> {
    let (info, cue_end) = verb_at(t, i)?;
    // "was asked" is passive; "is promising" is progressive.
    if i > 0 && is_be(t, i - 1) && !info.gerund {
        return None;
    }
    let floor = range.start;
    let mut end = content_end(t, range.clone());
    let subject = subject_of(t, i, floor, info.gerund);
    if info.gerund && subject.is_none() {
        return None;
    }
    if let Some(m) = subject {
        // A tag inside dashes (`– which the White House said … –`) reports
        // only up to the closing dash.
        if (floor..m.first).filter(|&k| is_dash(t, k)).count() % 2 == 1 {
            if let Some(d) = (cue_end + 1..end).find(|&k| is_dash(t, k)) {
                end = d.saturating_sub(1);
            }
        }
        // `…, X said.` — the content before the subject.
        let tail_is_clause = cue_end + 1 < end && starts_clause(t, cue_end + 1, info);
        if m.first > floor + 1
            && t.is_punct(m.first - 1, ',')
            && tail_is_adverbial(t, cue_end + 1, range.end)
            && !tail_is_clause
        {
            let b = m.first - 2;
            let a = first_content(t, floor, b);
            // A stance verb ending the sentence tags it too (`…, his team
            // believes.`, `…, fundraising documents show.`).
            let closes = words_in(t, cue_end + 1, range.end - 1) <= 3;
            if a <= b
                && words_in(t, a, b) >= 3
                && !touches(covered, a, b)
                && (info.speech || closes)
                && !opens_adverbial(t, a)
            {
                return Some(reported_candidate((a, b), (i, cue_end), m));
            }
        }
        // `The museum, Mr. Bush said, celebrated …`: a tag between commas
        // splits the content in two.
        let comma_after = (cue_end + 1..(cue_end + 7).min(end)).find(|&k| t.is_punct(k, ','));
        if let (true, Some(comma)) = (
            m.first > floor + 1 && t.is_punct(m.first - 1, ',') && info.speech,
            comma_after,
        ) {
            let b1 = m.first - 2;
            let a1 = first_content(t, floor, b1);
            let a2 = comma + 1;
            if a1 <= b1
                && a2 <= end
                && words_in(t, a1, b1) + words_in(t, a2, end) >= 4
                && !touches(covered, a1, end)
            {
                let mut c = reported_candidate((a1, b1), (i, cue_end), m);
                c.pieces.push((a2, end));
                return Some(c);
            }
        }
        // `X said (that) …`
        let mut n = cue_end + 1;
        if is_tell(t.tok(i)) {
            n = skip_object(t, n, end, info.lemma == "ask");
        }
        n = skip_adverbial(t, n, end);
        // `said Thursday (night) he would leave`: a weekday, then a bare
        // clause.
        if n < end && t.is_word(n) && is_time_word(t.tok(n)) {
            let mut k = n + 1;
            if t.is_word(k) && matches!(t.tok(k), "morning" | "afternoon" | "evening" | "night") {
                k += 1;
            }
            if k <= end && starts_clause(t, k, info) {
                n = k;
            }
        }
        if n > end {
            return None;
        }
        // `called for a ban`, `talked about how …`: the object of a
        // reporting verb's preposition, to the clause's end.
        if t.is_word(n)
            && n < end
            && crate::lexicon::reports_object_of(info.lemma, t.tok(n))
            && t.is_word(n + 1)
            && !is_time_word(t.tok(n + 1))
        {
            let a = n + 1;
            let stop = (a..=end)
                .find(|&k| matches!(t.tokens[k].kind, Kind::Punct(',' | ';' | ':' | '(')))
                .map_or(end, |k| k - 1);
            let b = cut_at_next_report(t, a, stop);
            if a <= b && !touches(covered, a, b) {
                return Some(reported_candidate((a, b), (i, n), m));
            }
        }
        let that = t.is_word(n) && t.tok(n) == "that";
        let colon = t.is_punct(n, ':');
        let clause = starts_clause(t, n, info);
        // `asked whether …`, `urged Congress to …`
        let question = matches!(info.lemma, "ask" | "wonder" | "question")
            && t.is_word(n)
            && matches!(
                t.tok(n),
                "whether" | "if" | "why" | "how" | "what" | "when" | "about"
            );
        // `called it a “disgrace”`: quoted words in the object of a
        // labelling verb.
        let quotes_follow = (n..=end).any(|k| {
            matches!(t.tokens[k].kind, Kind::Mark(c) if c != '’' && c != '\'') && !covered[k]
        });
        let labeled = crate::lexicon::is_labeling(info.lemma) && quotes_follow;
        // `conceded the situation is “deeply regrettable”`, `noted the
        // “allegations of …”`: a verb of saying whose complement holds
        // quoted words reports it, clause or not.
        let quoting = info.speech
            && quotes_follow
            && !info.gerund
            && (t.is_word(n) || matches!(t.tokens[n].kind, Kind::Mark(_)))
            && !matches!(
                t.tok(n),
                "to" | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "from"
                    | "by"
                    | "of"
                    | "as"
                    | "after"
                    | "before"
                    | "during"
                    | "about"
                    | "into"
                    | "over"
                    | "since"
                    | "while"
                    | "when"
                    | "if"
                    | "because"
                    | "than"
                    | "like"
            );
        // `vowed to bring back jobs`, `urged Congress to act`: an
        // infinitive of intent or appeal.
        if takes_infinitive(info.lemma) && !(that || colon) && !(t.is_word(n) && t.tok(n) == "to") {
            n = infinitive_after_object(t, n, end, info.lemma);
        }
        // `denied any involvement`, `endorsed Trump`: a stance verb's object.
        let object = !(that || colon)
            && takes_object(info.lemma)
            && t.is_word(n)
            && !(matches!(
                t.tok(n),
                "to" | "that"
                    | "it"
                    | "him"
                    | "her"
                    | "them"
                    | "this"
                    | "on"
                    | "in"
                    | "at"
                    | "for"
                    | "by"
                    | "with"
            ) || is_time_word(t.tok(n)))
            && !covered[n];
        if object && !labeled && !(starts_clause(t, n, info) && info.bare) {
            // The object runs to a semicolon, or to a comma that does not
            // go on with a list (`cited bilateral relations, military
            // stability, … and epidemic control`).
            let list_goes_on = |k: usize| {
                (k + 1..=end)
                    .take(6)
                    .take_while(|&j| !t.is_punct(j, ','))
                    .any(|j| t.is_word(j) && matches!(t.tok(j), "and" | "or"))
                    || (k + 1..=end).take(4).any(|j| t.is_punct(j, ','))
            };
            let stop = (n..=end)
                .find(|&k| t.is_punct(k, ';') || t.is_punct(k, ',') && !list_goes_on(k))
                .map_or(end, |k| k - 1);
            let stop = cut_at_next_report(t, n, stop);
            if stop >= n {
                return Some(reported_candidate((n, stop), (i, cue_end), m));
            }
        }
        let infinitive = takes_infinitive(info.lemma)
            && t.is_word(n)
            && t.tok(n) == "to"
            && t.is_word(n + 1)
            && !t.is_capitalized(n + 1);
        if !(that || colon || clause || labeled || question || infinitive || quoting) {
            return None;
        }
        if labeled && !(that || colon || clause || question) {
            // The object ends with its last quoted words.
            if let Some(close) = (n..=end).rev().find(|&k| {
                matches!(t.tokens[k].kind, Kind::Mark(c) if c != '’' && c != '\'')
                    && t.tokens[k - 1].end == t.tokens[k].start
            }) {
                end = close;
            }
        }
        let a = if colon { n + 1 } else { n };
        let mut b = if colon {
            last_in_paragraph(t, a).min(a + MAX_REACH)
        } else {
            cut_at_next_report(t, a, end)
        };
        // Quoted words run to their closing mark, past a sentence end
        // inside them (`he believes “there may be … chest. But …”`).
        if quoted.get(b).copied().unwrap_or(false) {
            let limit = (b + MAX_REACH).min(quoted.len() - 1);
            while b < limit && quoted[b + 1] && t.tokens[b + 1].paragraph == t.tokens[b].paragraph {
                b += 1;
            }
        }
        if a > b || words_in(t, a, b) < 3 || touches(covered, a, b) {
            return None;
        }
        return Some(reported_candidate((a, b), (i, cue_end), m));
    }
    // `…, said X.`, `…, said X, a professor of economics, who …`
    if info.speech && i > floor + 1 && t.is_punct(i - 1, ',') {
        let m = mention_starting_at(t, cue_end + 1, range.end)?;
        let apposition =
            info.lemma == "say" && t.is_punct(m.last + 1, ',') && t.is_word(m.last + 2);
        if !apposition && !tail_is_adverbial(t, m.last + 1, range.end) {
            return None;
        }
        let b = i - 2;
        let a = first_content(t, floor, b);
        if a <= b && words_in(t, a, b) >= 3 && !touches(covered, a, b) {
            return Some(reported_candidate((a, b), (i, cue_end), m));
        }
    }
    None
}

fn last_in_paragraph(t: &Text, a: usize) -> usize {
    let pend = para_end(t, a.min(t.tokens.len() - 1));
    let mut e = pend - 1;
    while e > a && matches!(t.tokens[e].kind, Kind::Punct(_)) {
        e -= 1;
    }
    e
}

fn reported_candidate(piece: (usize, usize), cue: (usize, usize), m: Mention) -> Candidate {
    Candidate {
        kind: QuoteKind::Indirect,
        pieces: vec![piece],
        cue: Some(cue),
        speaker: Some(m),
        method: Some(Method::SpeechTag),
        standalone: false,
    }
}

/// Does the phrase at `a` open with a preposition or subordinator (`At an
/// event in New York, …`): an adverbial, not reported content?
fn opens_adverbial(t: &Text, a: usize) -> bool {
    t.is_word(a)
        && matches!(
            crate::text::lower_word(t.tok(a)).as_str(),
            "at" | "in"
                | "on"
                | "after"
                | "before"
                | "during"
                | "while"
                | "when"
                | "since"
                | "as"
                | "with"
                | "without"
                | "for"
                | "from"
                | "by"
                | "under"
                | "over"
                | "despite"
                | "although"
                | "though"
                | "if"
                | "because"
                | "asked"
                | "speaking"
                | "according"
                | "unlike"
                | "like"
                | "following"
                | "amid"
                | "among"
                | "until"
                | "to"
                | "of"
        )
}

/// Ends content before `, but he said …`: a second report in the sentence.
fn cut_at_next_report(t: &Text, a: usize, b: usize) -> usize {
    // Words seen so far, counted as we go (not re-counted per token).
    let mut seen = usize::from(t.is_word(a));
    // One look at each token's kind: in quote-dense text this loop runs
    // over most tokens more than once.
    for k in a + 1..b {
        match t.tokens[k].kind {
            Kind::Word => {
                seen += 1;
                let w = t.tok(k);
                if w == "but" && (k + 1..(k + 4).min(b)).any(|v| speech_verb(t, v).is_some()) {
                    return k - 1;
                }
                // A second verb of the subject hands over to the writer
                // (`said he makes $41,000 a year and questioned how …`).
                if seen >= 4 && w == "and" && t.is_word(k + 1) {
                    let w = t.tok(k + 1);
                    let past = w.ends_with("ed") && !crate::lexicon::ROLES.contains_key(w);
                    if past || verb_at(t, k + 1).is_some_and(|(i, _)| !i.gerund && i.lemma != w) {
                        return k - 1;
                    }
                }
            }
            Kind::Punct(p @ (',' | ';')) => {
                // (the comma may sit inside a closing quotation mark: `gun," but`)
                let mut c = k + 1;
                while c < b && matches!(t.tokens[c].kind, Kind::Mark(_)) {
                    c += 1;
                }
                if !t.is_word(c) {
                    continue;
                }
                let w = t.tok(c);
                // keep a closing mark that hugs the comma: `another," and he`
                let cut = if c > k + 1 { c - 1 } else { k - 1 };
                if matches!(
                    w,
                    "but" | "and" | "while" | "although" | "though" | "yet" | "as"
                ) && (c + 1..(c + 6).min(b)).any(|v| speech_verb(t, v).is_some())
                {
                    return cut;
                }
                // The writer takes over after `, saying …`, `, citing …`.
                // (also `by Cleveland,” referring to …`: past a closing mark)
                if p == ','
                    && seen >= 4
                    && ((w.ends_with("ing")
                        && w.len() > 5
                        && !matches!(w, "including" | "according" | "during"))
                        || matches!(w, "while" | "whereas"))
                {
                    return cut;
                }
                // `…, according to X` is a report of its own.
                if p == ','
                    && seen >= 4
                    && w == "according"
                    && t.is_word(c + 1)
                    && t.tok(c + 1) == "to"
                {
                    return cut;
                }
            }
            // `… loved ones - two sisters and a brother …`: a dash hands
            // over to the writer.
            Kind::Punct('—' | '–') if seen >= 4 => return k - 1,
            Kind::Punct('-') if seen >= 4 && !t.is_word(k - 1) => return k - 1,
            _ => {}
        }
    }
    b
}

/// The first content token at or after `from`: past dashes and brackets.
fn first_content(t: &Text, from: usize, to: usize) -> usize {
    let mut a = from;
    while a <= to && matches!(t.tokens[a].kind, Kind::Punct(_)) {
        a += 1;
    }
    a
}

/// Is everything from `k` to the sentence end an adverbial after a tag
/// (`on Tuesday`, `in a statement`, `told reporters`)?
fn tail_is_adverbial(t: &Text, k: usize, end: usize) -> bool {
    let words = (k..end).filter(|&i| t.is_word(i)).count();
    // A prepositional phrase may run longer (`during his speech at the
    // event on Friday night in Des Moines`).
    let prepositional = t.is_word(k)
        && matches!(
            t.tok(k),
            "during" | "in" | "on" | "at" | "after" | "before" | "while" | "from"
        );
    let one_phrase = || !(k..end).any(|i| t.is_punct(i, ','));
    (words <= 8 || prepositional && words <= 16 && one_phrase())
        && !(k..end).any(|i| {
            (t.is_word(i) && t.tok(i) == "that") || matches!(t.tokens[i].kind, Kind::Mark(_))
        })
}

/// `The officials who came to Philadelphia say`: a relative clause with
/// its own verb ends at `k`, and the subject is the noun phrase before it
/// (not `Philadelphia`).
fn relative_subject(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    let lo = k.saturating_sub(12).max(floor + 1);
    let r = (lo..k)
        .rev()
        .take_while(|&i| t.is_word(i) || t.is_punct(i, '-'))
        .find(|&i| matches!(t.tok(i), "who" | "whose"))?;
    let has_verb = (r + 1..=k).any(|i| {
        let w = t.tok(i);
        is_finite_verb(w) || is_past_tense(w)
    });
    if !has_verb || !t.is_word(r - 1) {
        return None;
    }
    mention_ending_at(t, r - 1, floor)
        .or_else(|| sentence_subject(t, r - 1, floor))
        .or_else(|| generic_before(t, r - 1, floor))
}

/// `Dmitry Peskov, the Kremlin spokesman, said`: the name before the
/// apposition ending at the comma `k`.
fn apposition_subject(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    if !t.is_punct(k, ',') {
        return None;
    }
    let mut j = k;
    while j > floor && j + 25 > k {
        j -= 1;
        if t.is_punct(j, ',') {
            // "Dmitry Peskov, the spokesman, said", else "A lawyer for the
            // outlets, David Schulz, said"; "Roy Cooper (D), his rival, said".
            let mut before = j.checked_sub(1)?;
            if t.is_punct(before, ')') {
                if let Some(open) = (floor..before).rev().take(8).find(|&i| t.is_punct(i, '(')) {
                    before = open.checked_sub(1)?;
                }
            }
            return mention_ending_at(t, before, floor)
                .or_else(|| with_postmodifier(t, j - 1, floor))
                .or_else(|| {
                    mention_ending_at(t, k - 1, j + 1).filter(|m| m.kind == MentionKind::Name)
                });
        }
    }
    None
}

/// `Experts on North Korea said`, `A lawyer for the news outlets`: a
/// mention followed by a prepositional phrase that ends at `k`.
fn with_postmodifier(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    if !t.is_word(k) {
        return None;
    }
    let lo = k.saturating_sub(8).max(floor);
    for p in (lo + 1..k).rev() {
        if !t.is_word(p) {
            return None;
        }
        if matches!(
            t.tok(p),
            "of" | "on" | "for" | "in" | "at" | "from" | "with"
        ) {
            if let Some(m) = mention_ending_at(t, p - 1, floor) {
                return Some(m);
            }
        }
    }
    None
}

/// `urged Congress to act`: the `to` after the object of a verb of appeal,
/// else `n`.
fn infinitive_after_object(t: &Text, n: usize, end: usize, lemma: &str) -> usize {
    const APPEAL: &[&str] = &[
        "urge",
        "ask",
        "encourage",
        "tell",
        "warn",
        "call",
        "press",
        "push",
        "order",
        "invite",
        "challenge",
        "exhort",
    ];
    match mention_starting_at(t, n, end + 1) {
        Some(m)
            if APPEAL.contains(&lemma) && t.is_word(m.last + 1) && t.tok(m.last + 1) == "to" =>
        {
            m.last + 1
        }
        _ => n,
    }
}

/// Verbs of stance whose object is what is reported (`denied any role`,
/// `cited the report`, `polls show a tight race`). Beyond the first list,
/// the lemmas whose object begins an annotated content at least 35% of
/// the times a noun phrase follows them in the PolNeAR training articles.
fn takes_object(lemma: &str) -> bool {
    matches!(
        lemma,
        "deny"
            | "endorse"
            | "oppose"
            | "support"
            | "back"
            | "reject"
            | "dismiss"
            | "criticize"
            | "criticise"
            | "praise"
            | "condemn"
            | "blame"
            | "defend"
            | "question"
            | "dispute"
            | "accuse"
            | "attack"
            | "slam"
            | "blast"
            | "welcome"
            | "applaud"
            | "hail"
            | "tout"
            | "announce"
            | "propose"
            | "recommend"
            | "demand"
            | "predict"
            | "acknowledge"
            | "admit"
            | "confirm"
            | "reveal"
            | "describe"
            | "call"
            // mined from train
            | "note"
            | "mock"
            | "reference"
            | "cite"
            | "mention"
            | "denounce"
            | "emphasize"
            | "argue"
            | "suggest"
            | "repeat"
            | "urge"
            | "reiterate"
            | "show"
            | "express"
            | "prefer"
            | "hope"
            | "charge"
            | "recall"
            | "fear"
            | "explain"
            | "promise"
            | "claim"
            | "thank"
            | "seek"
            | "declare"
            | "post"
    )
}

/// Verbs of intent and appeal whose content is an infinitive.
fn takes_infinitive(lemma: &str) -> bool {
    matches!(
        lemma,
        "vow"
            | "promise"
            | "pledge"
            | "threaten"
            | "refuse"
            | "decline"
            | "agree"
            | "offer"
            | "plan"
            | "intend"
            | "seek"
            | "want"
            | "hope"
            | "expect"
            | "urge"
            | "ask"
            | "encourage"
            | "tell"
            | "warn"
            | "call"
            | "press"
            | "push"
            | "order"
            | "invite"
            | "challenge"
            | "exhort"
            | "demand"
            | "propose"
            | "vote"
    )
}

fn is_tell(word: &str) -> bool {
    matches!(
        word,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "warned"
            | "assured"
            | "reminded"
            | "informed"
            | "advised"
            | "promised"
            | "asked"
            | "asks"
            | "ask"
            | "asking"
    )
}

/// Skips the object of `told`: `told Rosiah 24 that`, `told reporters on Friday that`;
/// with `asks`, also `asked the students if`.
fn skip_object(t: &Text, n: usize, end: usize, asks: bool) -> usize {
    let mut j = n;
    while j <= end && j < n + 8 {
        // `asked the students if they …`
        let question = asks && t.is_word(j) && matches!(t.tok(j), "if" | "whether");
        if t.is_word(j) && t.tok(j) == "that" || question || t.is_punct(j, ':') {
            return j;
        }
        // `asked her to call him if possible`: the request is the
        // infinitive, whatever `if` follows.
        if asks && t.is_word(j) && t.tok(j) == "to" {
            break;
        }
        if !t.is_word(j) {
            break;
        }
        j += 1;
    }
    // No "that": the object is one short phrase ("told CNN the plan failed").
    match mention_starting_at(t, n, end + 1) {
        Some(m) => m.last + 1,
        None if t.is_word(n)
            && matches!(
                t.tok(n),
                "reporters"
                    | "journalists"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "supporters"
                    | "voters"
                    | "CNN"
            ) =>
        {
            n + 1
        }
        None => n,
    }
}

/// Skips `Tuesday`, `on Friday`, `in a statement`, `in an interview` before `that`.
fn skip_adverbial(t: &Text, n: usize, end: usize) -> usize {
    let mut j = n;
    // `in a statement Thursday night they pulled …`: an adverbial opening
    // with a preposition runs to a subject pronoun, too.
    let prepositional = t.is_word(n)
        && matches!(
            t.tok(n),
            "in" | "on" | "at" | "during" | "after" | "before" | "last" | "this" | "earlier"
        );
    let reach = if prepositional { 12 } else { 8 };
    while j <= end && j < n + reach {
        if t.is_word(j) && t.tok(j) == "that" {
            return j;
        }
        // Another report or clause: the adverbial has ended.
        if t.is_word(j) && (matches!(t.tok(j), "but" | "and") || verb_at(t, j).is_some()) {
            return n;
        }
        if prepositional
            && j > n + 1
            && t.is_word(j)
            && matches!(t.tok(j), "he" | "she" | "they" | "we" | "I" | "it")
        {
            return j;
        }
        if !t.is_word(j) && !t.is_punct(j, ',') {
            return n;
        }
        j += 1;
    }
    n
}

/// Can a bare clause start at `n` (`said the plan failed`, `said he would`)?
fn starts_clause(t: &Text, n: usize, info: VerbInfo) -> bool {
    if !t.is_word(n) {
        return false;
    }
    let w = t.tok(n);
    // A subject pronoun starts a clause after any reporting verb
    // (`noted she has pushed`).
    if matches!(w, "he" | "she" | "they" | "we" | "I" | "it" | "there") {
        return true;
    }
    if !info.bare {
        return false;
    }
    // Verbs of saying and thinking take a clause, not an object: anything
    // but a preposition or a pro-form starts one (`said witnesses saw`);
    // an article only when a finite verb follows (`said the plan was`).
    const NOT_CLAUSE: &[&str] = &[
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "into",
        "so",
        "nothing",
        "something",
        "anything",
        "much",
        "little",
        "yes",
        "no",
        "hello",
        "goodbye",
        "more",
        "less",
        "as",
        "than",
        "and",
        "or",
        "but",
        "otherwise",
        "differently",
        "publicly",
        "privately",
        "repeatedly",
        "earlier",
        "later",
        "recently",
        "last",
        "next",
        "this",
        "during",
        "after",
        "before",
        "while",
        "when",
        "if",
        "because",
        "since",
        "though",
        "although",
        "what",
        "how",
        "why",
        "who",
        "which",
        "whether",
    ];
    if matches!(w, "the" | "a" | "an") {
        // "said" takes a clause even without a finite auxiliary after the
        // noun phrase ("said the recent spate of shootings demands …").
        return info.lemma == "say" && (n..n + 5).all(|k| k < t.tokens.len() && t.is_word(k))
            || (n + 1..n + 9).any(|k| t.is_word(k) && is_finite_verb(t.tok(k)));
    }
    // `said Sanders’ attack was …`: a plural possessive's apostrophe is
    // a mark token glued to the name, not the name's end.
    let possessive = w.ends_with('s')
        && t.is_word(n + 2)
        && matches!(t.tokens[n + 1].kind, Kind::Mark('’' | '\''))
        && t.tokens[n + 1].start == t.tokens[n].end;
    let lone_name = t.is_capitalized(n) && !t.is_word(n + 1) && !possessive;
    if is_time_word(w) {
        return false;
    }
    !NOT_CLAUSE.contains(&w) && !lone_name
}

/// A rough test for a finite verb form after a noun phrase
/// (`the plan was`, `a deal would`): auxiliaries and modals.
fn is_finite_verb(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "must"
            | "has"
            | "have"
            | "had"
            | "may"
            | "might"
            | "did"
            | "does"
            | "do"
            | "isn’t"
            | "wasn’t"
            | "won’t"
            | "wouldn’t"
            | "isn't"
            | "wasn't"
            | "won't"
            | "wouldn't"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::scan;

    fn directs(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<Method>)> {
        let t = Text::new(text);
        direct_quotes(&t, &scan(&t))
            .into_iter()
            .map(|c| {
                let pieces: Vec<&str> = c
                    .pieces
                    .iter()
                    .map(|&(a, b)| &text[t.tokens[a].start..t.tokens[b].end])
                    .collect();
                let speaker = c.speaker.as_ref().map(|m| {
                    let (a, b) = m.byte_range(&t);
                    text[a..b].to_string()
                });
                (pieces.join(" | "), c.kind, speaker, c.method)
            })
            .collect()
    }

    macro_rules! tag {
        ($name:ident, $text:expr, $content:expr, $speaker:expr, $method:expr) => {
            #[test]
            fn $name() {
                let got = directs($text);
                assert_eq!(got.len(), 1, "{got:?}");
                assert_eq!(got[0].0, $content);
                assert_eq!(got[0].2.as_deref(), $speaker);
                assert_eq!(got[0].3, $method);
            }
        };
    }

    tag!(
        inverted_tag_before_a_quote,
        "It was painful. Said Comey, “The thought is very painful to us.” Nobody answered.",
        "“The thought is very painful to us.”",
        Some("Comey"),
        Some(Method::SpeechTag)
    );
    tag!(
        capitalised_quote_right_after_its_verb,
        "She declared “What a Super Tuesday!” and said more.",
        "“What a Super Tuesday!”",
        Some("She"),
        Some(Method::SpeechTag)
    );
    tag!(
        dash_credit_on_the_next_line,
        "“I went to Wall Street before the crash.”\n\n- Hillary Clinton.\n\nShe went on.",
        "“I went to Wall Street before the crash.”",
        Some("Hillary Clinton"),
        Some(Method::AdjacentLine)
    );
    tag!(
        role_with_noun_modifiers_before_the_name,
        "“This has to be the first time,” said Clinton’s top foreign policy aide Jake Sullivan.",
        "“This has to be the first time,”",
        Some("Jake Sullivan"),
        Some(Method::SpeechTag)
    );
    tag!(
        quote_pronoun_verb,
        "“We will win,” he said.",
        "“We will win,”",
        Some("he"),
        Some(Method::SpeechTag)
    );
    tag!(
        quote_verb_name,
        "“We will win,” said Jane Smith.",
        "“We will win,”",
        Some("Jane Smith"),
        Some(Method::SpeechTag)
    );
    tag!(
        quote_name_verb,
        "“We will win,” Jane Smith said.",
        "“We will win,”",
        Some("Jane Smith"),
        Some(Method::SpeechTag)
    );
    tag!(
        name_verb_colon_quote,
        "Jane Smith said: “We will win.”",
        "“We will win.”",
        Some("Jane Smith"),
        Some(Method::SpeechTag)
    );
    tag!(
        name_verb_comma_quote,
        "Then Jane Smith added, “We will win.”",
        "“We will win.”",
        Some("Jane Smith"),
        Some(Method::SpeechTag)
    );
    tag!(
        colon_far_from_verb,
        "Smith told reporters on Friday: “We will win.”",
        "“We will win.”",
        Some("Smith"),
        Some(Method::SpeechTag)
    );
    tag!(
        description_tag_sentence_after,
        "“We look in the mirror.” The Russian leader said.",
        "“We look in the mirror.”",
        Some("The Russian leader"),
        Some(Method::SpeechTag)
    );
    tag!(
        apposition_tag,
        "“No,” Dmitry Peskov, the Kremlin spokesman, said.",
        "“No,”",
        Some("Dmitry Peskov"),
        Some(Method::SpeechTag)
    );
    tag!(
        split_by_tag,
        "“A is true,” he said, “and so is B.”",
        "“A is true,” | “and so is B.”",
        Some("he"),
        Some(Method::SpeechTag)
    );
    tag!(
        tag_line_after,
        "“We will talk directly.”\nPutin said\nNext.",
        "“We will talk directly.”",
        Some("Putin"),
        Some(Method::AdjacentLine)
    );
    tag!(
        tag_line_before,
        "Putin said:\n“We will talk directly.”",
        "“We will talk directly.”",
        Some("Putin"),
        Some(Method::AdjacentLine)
    );
    tag!(
        according_to_quote,
        "According to Putin, “we will talk.”",
        "“we will talk.”",
        Some("Putin"),
        Some(Method::AccordingTo)
    );

    tag!(
        dash_byline,
        "“Maybe we can build a wall around him.” ― Steve Quinlan",
        "“Maybe we can build a wall around him.”",
        Some("Steve Quinlan"),
        Some(Method::SpeechTag)
    );
    tag!(
        verb_comma_without_subject,
        "As a phone rang, the announcer said, “It is 3 a.m. and your children are safe.”",
        "“It is 3 a.m. and your children are safe.”",
        Some("the announcer"),
        Some(Method::SpeechTag)
    );
    tag!(tag_with_bracket, "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said after the hearing.", "“Subpoenas are not optional,”", Some("Jason Chaffetz"), Some(Method::SpeechTag));
    tag!(
        gerund_tag_before,
        "Dean mocked the debate, tweeting, “Notice Trump sniffing all the time.”",
        "“Notice Trump sniffing all the time.”",
        Some("Dean"),
        Some(Method::SpeechTag)
    );

    #[test]
    fn transcript_lines_are_quotes() {
        let text = "PENCE: Well, look, this is serious business.\nWALLACE: If I may, sir.";
        let t = Text::new(text);
        let mut c = direct_quotes(&t, &scan(&t));
        transcripts(&t, &mut c);
        let got: Vec<(String, String)> = c
            .iter()
            .map(|c| {
                let (a, b) = c.pieces[0];
                let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
                (
                    text[t.tokens[a].start..t.tokens[b].end].to_string(),
                    text[sa..sb].to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Well, look, this is serious business.".to_string(),
                    "PENCE".to_string()
                ),
                ("If I may, sir.".to_string(), "WALLACE".to_string())
            ]
        );
    }

    #[test]
    fn quoted_words_in_a_named_subjects_predicate_are_mixed() {
        // The verb's complement runs on to the clause's end, and quoted
        // words closing the sentence keep their closing mark.
        for (text, content) in [
            (
                "Laurence Tribe likened the rules to “burning the Constitution” in court, he said.",
                "the rules to “burning the Constitution” in court",
            ),
            (
                "Clinton blamed the “fog of war” for the failure of the U.S. to act. Then she left.",
                "the “fog of war” for the failure of the U.S. to act",
            ),
            (
                "Hillary Clinton says Americans are “right to be angry,” but hungry for what she calls “real solutions.” Then she left.",
                "Americans are “right to be angry,” but hungry for what she calls “real solutions.”",
            ),
        ] {
            let t = Text::new(text);
            let mut c = direct_quotes(&t, &scan(&t));
            assert_eq!(c[0].kind, QuoteKind::Partial);
            assert!(mixed_from_partial(&t, &mut c[0]));
            let (a, b) = c[0].pieces[0];
            assert_eq!(&text[t.tokens[a].start..t.tokens[b].end], content);
            assert_eq!(c[0].method, Some(Method::Nearby));
        }
    }

    #[test]
    fn scare_quotes_are_partial() {
        let got = directs("Putin suggested a “virtually live” experiment.");
        assert_eq!(got[0].1, QuoteKind::Partial);
    }

    #[test]
    fn untagged_sentence_quote_is_direct_without_speaker() {
        let got = directs("Smith arrived. “In order not to be bothered, we must go.”");
        assert_eq!((got[0].1, got[0].2.clone()), (QuoteKind::Direct, None));
    }

    #[test]
    fn headline_credits_a_claim_to_a_person() {
        let cases = [
            (
                "Mark Cuban: I'd consider a future White House bid.\n\nCuban spoke on Friday.",
                Some(("I'd consider a future White House bid", "Mark Cuban")),
            ),
            (
                "Poll: Clinton and Trump in dead heat.\n\nA new poll shows it.",
                Some(("Clinton and Trump in dead heat", "Poll")),
            ),
            (
                "The Latest: Cruz to give away a shotgun.\n\nThe latest news.",
                None,
            ),
            (
                "Wow: Glenn Beck Just Responded With One Line.\n\nBeck spoke.",
                None,
            ),
            (
                "Ted Cruz: Conservative or career politician?\n\nCruz ran.",
                None,
            ),
            ("Breitbart News Daily: A World at War.\n\nWar came.", None),
        ];
        for (text, want) in cases {
            let t = Text::new(text);
            let mut cands = Vec::new();
            transcripts(&t, &mut cands);
            let got = cands.first().map(|c| {
                let (a, b) = c.pieces[0];
                let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
                (&text[t.tokens[a].start..t.tokens[b].end], &text[sa..sb])
            });
            assert_eq!(got, want, "{text}");
            assert!(cands.iter().all(|c| c.kind == QuoteKind::Indirect));
        }
    }

    fn indirects(text: &str) -> Vec<(String, String, String)> {
        let t = Text::new(text);
        let d = direct_quotes(&t, &scan(&t));
        let mut covered = vec![false; t.tokens.len()];
        for c in d.iter().filter(|c| c.kind != QuoteKind::Partial) {
            for &(a, b) in &c.pieces {
                covered[a..=b].iter_mut().for_each(|x| *x = true);
            }
        }
        indirect(&t, &covered, &vec![false; t.tokens.len()])
            .into_iter()
            .map(|c| {
                let (a, b) = c.pieces[0];
                let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
                let cue = c.cue.unwrap();
                (
                    text[t.tokens[a].start..t.tokens[b].end].to_string(),
                    text[sa..sb].to_string(),
                    text[t.tokens[cue.0].start..t.tokens[cue.1].end].to_string(),
                )
            })
            .collect()
    }

    macro_rules! ind {
        ($name:ident, $text:expr, [$(($c:expr, $s:expr, $v:expr)),*]) => {
            #[test]
            fn $name() {
                let want: Vec<(String, String, String)> = vec![$(($c.to_string(), $s.to_string(), $v.to_string())),*];
                assert_eq!(indirects($text), want);
            }
        };
    }

    ind!(
        said_that,
        "He noted that the last time Joe Biden called him.",
        [("that the last time Joe Biden called him", "He", "noted")]
    );
    ind!(
        told_y_that,
        "Putin told Rosiah 24 that he had instructed them.",
        [("that he had instructed them", "Putin", "told")]
    );
    ind!(
        bare_clause,
        "Pence said his running mate was only joking.",
        [("his running mate was only joking", "Pence", "said")]
    );
    ind!(
        plural_possessive_opens_the_clause,
        "Clinton says Sanders’ attack is designed to raise questions.",
        [(
            "Sanders’ attack is designed to raise questions",
            "Clinton",
            "says"
        )]
    );
    ind!(
        gerund_after_a_past_tense_sentence,
        "Trump went after Bush on Friday, saying the plan was dead. Hours later, saying nothing was wrong.",
        [("the plan was dead", "Trump", "saying")]
    );
    ind!(
        quantifier_subject,
        "Voters were worried about the economy; most said they were very worried. Many say they will stay home.",
        [
            ("they were very worried", "most", "said"),
            ("they will stay home", "Many", "say")
        ]
    );
    ind!(
        subject_before_a_relative_clause,
        "The officials who came to Philadelphia say they will shift their support. The aides who applauded him were back.",
        [("they will shift their support", "The officials", "say")]
    );
    ind!(
        asked_someone_if,
        "Then Mr. Rubin asked the students if they were always so serious. Mr. Band asked her to call Mr. Chagoury immediately if possible.",
        [
            ("if they were always so serious", "Rubin", "asked"),
            ("to call Mr. Chagoury immediately if possible", "Band", "asked")
        ]
    );
    ind!(
        base_form_after_an_article_is_a_noun,
        "The rally was the subject of a Facebook post the campaign wrote. Leahy and Grassley say other changes are needed.",
        [("other changes are needed", "Grassley", "say")]
    );
    ind!(
        content_stops_before_according_to,
        "Nearly three in four say they would like to buy goods made in America, according to the poll.",
        [
            (
                "they would like to buy goods made in America",
                "Nearly three in four",
                "say"
            ),
            (
                "Nearly three in four say they would like to buy goods made in America",
                "the poll",
                "according to"
            )
        ]
    );
    ind!(
        inverted_tag_then_an_apposition,
        "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics at M.I.T., who studies trade.",
        [(
            "Nor are tariffs likely to bring these jobs back",
            "David Autor",
            "said"
        )]
    );
    ind!(
        tag_then_a_long_prepositional_phrase,
        "His allegiance has shifted from Fiorina to Cruz, Wilkin said during his speech at the event on Friday night in Des Moines.",
        [(
            "His allegiance has shifted from Fiorina to Cruz",
            "Wilkin",
            "said"
        )]
    );
    ind!(
        weekday_then_bare_clause,
        "Mr. Clinton said Thursday he would leave the board. Priebus tweeted Tuesday night he considered Trump the nominee. She said Friday morning.",
        [
            ("he would leave the board", "Clinton", "said"),
            ("he considered Trump the nominee", "Priebus", "tweeted")
        ]
    );
    ind!(
        according_first,
        "According to Putin, everyone starts out on their own",
        [("everyone starts out on their own", "Putin", "According to")]
    );
    ind!(
        according_last,
        "The plan failed badly, according to two officials.",
        [("The plan failed badly", "two officials", "according to")]
    );
    ind!(
        according_to_a_source_with_marks_or_a_slash,
        "The plan would cost $1 trillion a year, according to the “Medicare for all” document he released. According to state/federal records released Thursday, the senator owns three homes.",
        [
            (
                "The plan would cost $1 trillion a year",
                "the “Medicare for all” document he released",
                "according to"
            ),
            (
                "the senator owns three homes",
                "state/federal records released Thursday",
                "According to"
            )
        ]
    );
    ind!(
        according_to_between_subject_and_verb,
        "Fundraising, according to the campaign, has surged in the same period. Women gave 43 percent of it, according to Crowdpac, the most of any year.",
        [
            ("Fundraising", "the campaign", "according to"),
            ("Women gave 43 percent of it", "Crowdpac", "according to")
        ]
    );
    ind!(
        tag_at_end,
        "The plan failed badly, the spokesman said on Friday.",
        [("The plan failed badly", "the spokesman", "said")]
    );
    ind!(
        inverted_tag_at_end,
        "The plan failed badly, said Dmitry Peskov.",
        [("The plan failed badly", "Dmitry Peskov", "said")]
    );
    ind!(
        apposition,
        "Dmitry Peskov, the Kremlin spokesman, said the footage will be public.",
        [("the footage will be public", "Dmitry Peskov", "said")]
    );
    ind!(
        gerund_takes_the_sentence_subject,
        "Trump spoke on Friday, saying the plan was dead.",
        [("the plan was dead", "Trump", "saying")]
    );
    ind!(
        progressive_with_contraction,
        "He’s claiming that voting fraud is a big problem.",
        [("that voting fraud is a big problem", "He’s", "claiming")]
    );
    ind!(
        infinitive_of_intent,
        "Donald Trump has vowed to bring back lost mining jobs.",
        [("to bring back lost mining jobs", "Donald Trump", "vowed")]
    );
    ind!(
        appeal_with_object,
        "Cruz urged Republicans to vote their conscience.",
        [("to vote their conscience", "Cruz", "urged")]
    );
    ind!(
        labelled_object_with_quotes,
        "Clinton called half of his supporters “deplorables” in New York.",
        [("half of his supporters “deplorables”", "Clinton", "called")]
    );
    ind!(
        relative_pronoun_subject,
        "He met McConnell, who said the goal was a one-term president.",
        [("the goal was a one-term president", "who", "said")]
    );
    ind!(
        split_tag_two_pieces,
        "The museum, Mr. Bush said, celebrated several of his heroes.",
        [("The museum", "Bush", "said")]
    );
    ind!(
        prepositional_cue_reports_its_object,
        "Sanders called for a ban on fracking, and Clinton talked about jobs.",
        [
            ("a ban on fracking", "Sanders", "called for"),
            ("jobs", "Clinton", "talked about")
        ]
    );
    ind!(
        sentence_opening_noun_phrase_is_the_subject,
        "Lawyers close to the family said that the deal was close.",
        [(
            "that the deal was close",
            "Lawyers close to the family",
            "said"
        )]
    );
    ind!(
        prepositional_adverbial_before_a_pronoun_clause,
        "United Gun Group said in a statement Thursday night they pulled the listing.",
        [("they pulled the listing", "United Gun Group", "said")]
    );
    ind!(
        stance_object_keeps_its_whole_list,
        "Putin cited bilateral relations, military stability and trade among the topics.",
        [(
            "bilateral relations, military stability and trade among the topics",
            "Putin",
            "cited"
        )]
    );
    ind!(
        speech_verb_with_quoted_words_reports_its_complement,
        "Clinton conceded the current situation is “deeply regrettable.”",
        [(
            "the current situation is “deeply regrettable.”",
            "Clinton",
            "conceded"
        )]
    );
    ind!(
        adverbial_opener_is_not_the_subject,
        "Hours later, Trump returned the compliment, telling Reuters that they were friends.",
        [("that they were friends", "Trump", "telling")]
    );
    ind!(
        a_verb_form_after_an_article_is_a_noun,
        "The mother made an impassioned call for love and unity. Obama heard a call for calm.",
        []
    );
    ind!(
        second_report_cuts_the_first,
        "Putney said the video was unclear, but he said that it supports the account.",
        [
            ("the video was unclear", "Putney", "said"),
            ("that it supports the account", "he", "said")
        ]
    );
    ind!(
        passive_is_not_speech,
        "He was asked if he was ready. It is known that it works.",
        []
    );
    ind!(
        noun_object_is_not_speech,
        "The Russian president stressed the need to maintain relations.",
        []
    );
}
