//! The speech tag before a quote (`Putin said: “…”`), and a tag alone on
//! the line before or after it (`Putin said`).

use super::according::marked_ending_at;
use super::complements::is_tell;
use super::subjects::subject_of;
use super::tag_after::{inverted_subject, tag_after};
use super::window::{sentence_start, skip_adverbs_back};
use super::Tag;
use crate::lexicon::{Class, Flags};
use crate::mentions::{is_be, mention_ending_at, mention_starting_at, verb_at};
use crate::mentions::{Mention, MentionKind};
use crate::text::{Kind, Text};

/// A speech tag before a quote opening at token `open`:
/// `Putin said: “…”`, `He added, “…”`, `Putin told reporters: “…”`.
pub(super) fn tag_before(t: &Text, open: usize, floor: usize) -> Option<Tag> {
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
    // "According to Putin, “…”", `Putyin szerint: „…”`
    if let Some(found) = marked_ending_at(t, k, floor) {
        return Some(Tag {
            cue: found.cue,
            speaker: Some(found.source),
            according: true,
        });
    }
    // With a colon the verb may stand a few words back:
    // "Putin told reporters on Friday: “…”".
    let reach = 10;
    let mut v = k;
    loop {
        if let Some((info, cue_end)) = verb_at(t, v) {
            // With a comma, only a verb right before it or one that takes
            // an object (`told Chris Wallace of Fox News, “…”`).
            // Or an inverted tag: `Said Comey, “…”`.
            let named_after = mention_starting_at(t, cue_end + 1, open);
            // Or the cue ends at the comma (`pointed out, “…”`), perhaps
            // with a short adverbial after it (`said in December, “…”`).
            let adverbial_to_comma = cue_end == k
                || cue_end < k
                    && k - cue_end <= 5
                    && t.in_class(cue_end + 1, Class::AdverbialPreposition)
                    && (cue_end + 1..=k).all(|j| t.is_word(j) && verb_at(t, j).is_none());
            let reachable = colon
                || v == k
                || adverbial_to_comma
                || is_tell(t.lex, t.tok(v))
                || (v < k && named_after.as_ref().is_some_and(|m| m.last == k));
            if (info.speech || colon) && reachable && !passive(t, v, info.gerund) {
                let speaker = if t.lex.is(Class::Convention, "capitalised_nouns") {
                    v2_subject(t, v, cue_end, floor, open)
                } else {
                    subject_of(t, v, floor, info.gerund)
                }
                .or(named_after);
                // `…, the crowd chanted, “…”`: a verb of saying with a
                // comma or colon before the quote tags it even when its
                // subject is not found.
                let adjacent = v == k && info.speech && !info.gerund;
                if speaker.is_some() || adjacent {
                    return Some(Tag {
                        cue: (v, cue_end),
                        speaker,
                        according: false,
                    });
                }
            }
        }
        if v <= floor || v + reach <= k || !(t.is_word(v) || t.is_punct(v, ',')) {
            break;
        }
        v -= 1;
    }
    if k + 1 < open {
        if let Some(tag) = long_tag(t, k, floor) {
            return Some(tag);
        }
    }
    // `Pollsters agree - Carl Bialik: “…”`, `he gave the Texan a
    // compliment: “…”`: after a colon with no verb of saying, the name
    // right before it, else the subject of the sentence.
    if !colon {
        return None;
    }
    // Where every noun is capitalised, the noun before the colon is as
    // often an object (`folgenden Bericht:`): only the subject counts.
    let nouns_capitalised = t.lex.is(Class::Convention, "capitalised_nouns");
    let speaker = mention_ending_at(t, k, floor)
        .filter(|m| m.kind == MentionKind::Name && !nouns_capitalised)
        .or_else(|| {
            let first = (floor..k).find(|&i| t.is_word(i))?;
            mention_starting_at(t, first, k)
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)))
        })?;
    Some(Tag {
        cue: (open - 1, open - 1),
        speaker: Some(speaker),
        according: false,
    })
}

/// Is the verb at `v` a passive (`was said`), which tags no quote? A
/// progressive (`was saying`, `gerund`) is no passive.
fn passive(t: &Text, v: usize, gerund: bool) -> bool {
    !gerund && v > 0 && is_be(t, v - 1)
}

/// How many tokens back from the quote [`long_tag`] looks for its verb.
const LONG_TAG_REACH: usize = 40;

/// A verb of saying with a phrase between it and the comma or colon before
/// the quote (token `k` is the last word before that mark): `she
/// exclaimed, sobbing with her hands before her face, “…”`, `he said,
/// very quietly, “…”`, `replied only, “…”`, `cried out, “…”`. The verb
/// must be the nearest verb of saying, its subject found, and nothing
/// between it and the quote may be another quote, a `that` clause or a
/// clause joined by `and`/`but`.
fn long_tag(t: &Text, k: usize, floor: usize) -> Option<Tag> {
    let start = floor.max(k.saturating_sub(LONG_TAG_REACH));
    let mut v = k;
    loop {
        if matches!(t.tokens[v].kind, Kind::Mark(_) | Kind::Punct(';'))
            || t.is_that(v)
            || t.in_class(v, Class::AndBut)
        {
            return None;
        }
        if let Some((info, cue_end)) = verb_at(t, v) {
            if !info.speech || info.gerund {
                // `sobbing`, `watching`: a phrase inside the tag.
            } else {
                let mut j = cue_end + 1;
                while j <= k && (t.has(j, Flags::ADVERB_AUX) || t.in_class(j, Class::TagParticle)) {
                    j += 1;
                }
                let fits = j > k || (j < k && t.is_punct(j, ','));
                if !fits || passive(t, v, false) {
                    return None;
                }
                let speaker = subject_of(t, v, floor, false)?;
                return Some(Tag {
                    cue: (v, cue_end),
                    speaker: Some(speaker),
                    according: false,
                });
            }
        }
        if v <= start {
            return None;
        }
        v -= 1;
    }
}

/// The subject of a verb-second language's main clause (German): the
/// words before the finite verb `v` when they are one subject phrase
/// opening the sentence (`Der Bruder des Grafen sagt:`), else the subject
/// after the verb, which follows it when something else opens the
/// sentence (`Nun begann der andere:`, `S. 269 erzählt er:`, `Einige Tage
/// später sagte Guidi zu Antonio:`).
fn v2_subject(t: &Text, v: usize, cue_end: usize, floor: usize, open: usize) -> Option<Mention> {
    let before = subject_of(t, v, floor, false);
    let start = (sentence_start(t, v).max(floor)..v).find(|&i| t.is_word(i));
    // The subject opens the sentence, or is a pronoun right before the
    // verb (`…, und sie wiederholte mit einem Ton:`).
    let right_before = |m: &Mention| skip_adverbs_back(t, v, m.last + 1) == m.last + 1;
    if before.as_ref().is_some_and(|m| {
        right_before(m) && (Some(m.first) == start || matches!(m.kind, MentionKind::Pronoun(_)))
    }) {
        return before;
    }
    mention_starting_at(t, cue_end + 1, open)
        .or_else(|| inverted_subject(t, cue_end + 1, open))
        .or(before)
}

/// Is the paragraph of token `i` a tag alone (`Putin said`, `The Russian
/// leader said.`)? Returns the tag.
pub(super) fn tag_line(t: &Text, para: usize) -> Option<Tag> {
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
