//! Partial quotes: quoted phrases inside a reporting clause become mixed
//! quotes (`called it a “disgrace”`), or quotes of a speaker nearby.

use super::tag_after::{skip_apposition, skip_postmodifier};
use super::window::{para_start, sentence_end, sentence_start, skip_adverbs, skip_adverbs_back};
use super::Candidate;
use crate::mentions::MentionKind;
use crate::mentions::{is_be, mention_ending_at, mention_starting_at, verb_at};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// A partial quote is attributed to the subject of a reporting verb before
/// it in its sentence (`Putin suggested a “virtually live” experiment`).
pub(super) fn nearby(t: &Text, cand: &mut Candidate) -> bool {
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
pub(super) fn mixed_from_partial(t: &Text, cand: &mut Candidate) -> bool {
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
    let verbish = verb_at(t, v).is_some() || (w.ends_with("ed") && !t.lex.roles.contains_key(w));
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
