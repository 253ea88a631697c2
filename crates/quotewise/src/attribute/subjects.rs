//! The subject of a reporting verb: a name, pronoun or description
//! before it, through appositions, relative clauses and postmodifiers.

use super::tag_after::speech_verb;
use super::window::{sentence_start, skip_adverbs_back};
use crate::lexicon::Flags;
use crate::lexicon::{Class, Lexicon};
use crate::mentions::MentionKind;
use crate::mentions::{
    is_be, mention_ending_at, mention_starting_at, named_description, role_before_complement,
    verb_at, Mention,
};
use crate::text::{Kind, Text};

/// `the book`, `the ad’s narrator`, `a narrator in the Clinton ad` right
/// before a speech verb: a description of a speaker the lexicon does not know.
pub(super) fn generic_subject(t: &Text, j: usize, limit: usize) -> Option<Mention> {
    if !t.is_word(j) || !t.in_class(j, Class::GenericDeterminerAnyCase) {
        return None;
    }
    let description = |k: usize| {
        Mention::description(
            j,
            k - 1,
            false,
            false,
            (j + 1..k)
                .map(|i| crate::text::lower_word(t.tok(i)))
                .collect(),
        )
    };
    let mut k = j + 1;
    while k < limit && k <= j + 7 && t.is_word(k) {
        if speech_verb(t, k).is_some() && k > j + 1 {
            return Some(description(k));
        }
        k += 1;
    }
    // `another fraternity brother, Stuart Oltchick, recalled`: the
    // description ends at the comma of a name in apposition.
    let named_apposition = k < limit
        && k > j + 1
        && t.is_punct(k, ',')
        && mention_starting_at(t, k + 1, limit)
            .is_some_and(|n| n.kind == MentionKind::Name && t.is_punct(n.last + 1, ','));
    named_apposition.then(|| description(k))
}

/// The subject of the verb at `v`: the mention right before it (past
/// adverbs, a bracket `(R-Utah)` and an apposition `, the spokesman,`); for
/// an `-ing` form after a comma (`…, saying`), the subject of the sentence.
pub(super) fn subject_of(t: &Text, v: usize, floor: usize, gerund: bool) -> Option<Mention> {
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
    let coordinated = t.is_word(s - 1) && t.in_class(s - 1, Class::AndBut) && s - 1 > floor;
    if gerund || coordinated {
        let lead = coordinated
            || t.is_punct(s - 1, ',')
            || (t.is_word(s - 1) && t.in_class(s - 1, Class::SubjectBlocker));
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
                    // `As soon as her mother appeared she ran to her,
                    // crying`: the subject pronoun nearest before the
                    // gerund's comma, with no name between them.
                    .or_else(|| {
                        let p = (first..s)
                            .rev()
                            .find(|&i| t.is_word(i) && t.in_class(i, Class::SubjectPronoun))?;
                        if (p + 1..s).any(|i| t.has(i, Flags::NAME_WORD)) {
                            return None;
                        }
                        mention_starting_at(t, p, s)
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
pub(super) fn noun_use(t: &Text, m: &Mention, v: usize) -> bool {
    let article = |k: usize| t.is_word(k) && t.in_class(k, Class::ArticleAnyCase);
    let singular_with_article = match m.kind {
        MentionKind::Name => m.first > 0 && article(m.first - 1) && !t.tok(m.last).ends_with('s'),
        MentionKind::Description { plural, .. } => !plural && article(m.first),
        MentionKind::Pronoun(_) => false,
    };
    let base = verb_at(t, v).is_some_and(|(info, _)| {
        t.tok(v).eq_ignore_ascii_case(info.lemma) && !t.lex.is(Class::SamePastForm, info.lemma)
    });
    singular_with_article && base
}

/// `People with direct knowledge of the talks said`, `Everyone but Hewlett
/// said`: a sentence that opens with a short noun phrase and no verb
/// before the reporting verb has that phrase as its subject, whatever its
/// words. `k` is the phrase's last token.
fn sentence_subject(t: &Text, k: usize, floor: usize) -> Option<Mention> {
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
    while s < k && t.is_word(s) && t.in_class(s, Class::SentenceOpener) {
        s += 1;
    }
    // Two to twelve tokens, words and possessive marks only, no verb; or
    // one quantifier standing for people (`most said`, `Many say`).
    let quantifier = k == s
        && t.is_word(s)
        && t.lex.is(
            Class::QuantifierSubject,
            crate::text::lower_word(t.tok(s)).as_str(),
        );
    if k < s + 1 && !quantifier
        || k > s + 11
        || !t.is_word(s)
        || t.lex.is(
            Class::NotSubject,
            crate::text::lower_word(t.tok(s)).as_str(),
        )
    {
        return None;
    }
    let ok = (s..=k).all(|i| match t.tokens[i].kind {
        Kind::Word => {
            let w = t.tok(i);
            verb_at(t, i).is_none()
                && !is_finite_verb(t.lex, w)
                && !t.lex.is(Class::Subordinator, w)
                && !w.ends_with("ed")
        }
        Kind::Mark('’' | '\'') => i > s && t.tokens[i - 1].end == t.tokens[i].start,
        _ => false,
    });
    // The head is a noun: not a function word.
    let head_ok = t.is_word(k) && !t.in_class(k, Class::SubjectPhraseEnd);
    if !(ok && head_ok) {
        return None;
    }
    // `He sometimes said that`: a pronoun takes no modifiers, so the
    // words after it are adverbs the lexicon does not list. (The class
    // is matched by case, and lists `I` capitalised: both spellings.)
    let lower = crate::text::lower_word(t.tok(s));
    if t.in_class(s, Class::SubjectPronoun) || t.lex.is(Class::SubjectPronoun, lower.as_str()) {
        return mention_ending_at(t, s, s);
    }
    Some(Mention::description(
        s,
        k,
        t.tok(k).ends_with('s'),
        false,
        vec![crate::text::lower_word(t.tok(k))],
    ))
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
                && !is_finite_verb(t.lex, t.tok(next))
                && !is_past_tense(t.lex, t.tok(next)));
    !(lone && adverbial)
}

/// A past-tense verb (`Trump went after Bush, calling him …`): a regular
/// `-ed` form or a common irregular one.
fn is_past_tense(lex: &Lexicon, w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || lex.is(Class::IrregularPast, w)
}

/// `the announcer said`, `a doctor had typed`: a determiner and up to three
/// lower-case words ending at `k`, a description the lexicon lacks.
fn generic_before(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    let lo = k.saturating_sub(3).max(floor);
    let det = (lo..k)
        .rev()
        .find(|&i| t.is_word(i) && t.in_class(i, Class::ArticleAnyCase))?;
    let words_ok = (det + 1..=k).all(|i| {
        t.is_word(i)
            && !t.is_capitalized(i)
            && verb_at(t, i).is_none()
            && !t.in_class(i, Class::NotDescriptionWord)
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

/// `The officials who came to Philadelphia say`: a relative clause with
/// its own verb ends at `k`, and the subject is the noun phrase before it
/// (not `Philadelphia`).
fn relative_subject(t: &Text, k: usize, floor: usize) -> Option<Mention> {
    let lo = k.saturating_sub(12).max(floor + 1);
    let r = (lo..k)
        .rev()
        .take_while(|&i| t.is_word(i) || t.is_punct(i, '-'))
        .find(|&i| t.in_class(i, Class::RelativeSubjectPronoun))?;
    let has_verb = (r + 1..=k).any(|i| {
        let w = t.tok(i);
        is_finite_verb(t.lex, w) || is_past_tense(t.lex, w)
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
            // `El líder de Vox, Santiago Abascal, dijo`: the role's
            // complement names no speaker; the apposition does.
            let named =
                || mention_ending_at(t, k - 1, j + 1).filter(|m| m.kind == MentionKind::Name);
            let first = mention_ending_at(t, before, floor);
            if let Some(role) = first
                .as_ref()
                .and_then(|m| role_before_complement(t, m, floor))
            {
                if let Some(n) = named() {
                    return Some(named_description(role, n));
                }
            }
            return first
                .or_else(|| with_postmodifier(t, j - 1, floor))
                .or_else(named);
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
        if t.in_class(p, Class::PostmodifierPreposition) {
            if let Some(m) = mention_ending_at(t, p - 1, floor) {
                return Some(m);
            }
        }
    }
    None
}

/// A rough test for a finite verb form after a noun phrase
/// (`the plan was`, `a deal would`): auxiliaries and modals.
pub(super) fn is_finite_verb(lex: &Lexicon, word: &str) -> bool {
    lex.is(Class::FiniteAuxiliary, word)
}
