//! Dialogue dashes: `—No lo sé —respondió María—. Mañana veremos.`, `–
//! Nem tudom – felelte Anna. – Majd holnap meglátjuk.` A paragraph opened
//! by a dash holds a character's own words, without quotation marks
//! (Romance and Hungarian writing, the `dialogue_dash` convention); the
//! narrator's incise after a second dash, its verb first, names the
//! speaker, and the words after the incise go on with the same quote.

use super::tag_after::tag_words_after;
use super::Candidate;
use crate::lexicon::Class;
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// A direct quote for each dialogue-dash paragraph with an incise, in a
/// language with the `dialogue_dash` convention. Paragraphs that hold a
/// candidate already (quotation marks) are left as they are.
pub(super) fn dialogue_lines(t: &Text, cands: &mut Vec<Candidate>) {
    if !t.lex.is(Class::Convention, "dialogue_dash") {
        return;
    }
    let mut found = Vec::new();
    for para in &t.paragraphs {
        let (start, end) = (para.start, para.end);
        if end <= start + 1 || !t.is_dash(start) {
            continue;
        }
        if cands.iter().any(|c| c.first() < end && c.last() >= start) {
            continue;
        }
        if let Some(c) = dialogue_line(t, start, end) {
            found.push(c);
        }
    }
    cands.extend(found);
}

/// The quote of the dialogue line `start..end` (a dash at `start`): its
/// words up to the incise's dash, the incise as its tag, and the words
/// after the incise, if any.
fn dialogue_line(t: &Text, start: usize, end: usize) -> Option<Candidate> {
    let first = start + 1;
    // The incise's dash, with the line's first words before it and a
    // speech tag, its verb first, after it.
    let (dash, tag) = (first + 1..end).find_map(|d| {
        if !t.is_dash(d) || !t.is_word(d - 1) && !is_closing(t, d - 1) {
            return None;
        }
        let tag = tag_words_after(t, d + 1, end)?;
        (tag.cue.0 <= d + 2 && !tag.according && tag.speaker.is_some()).then_some((d, tag))
    })?;
    if !(first..dash).any(|k| t.is_word(k)) {
        return None;
    }
    let mut pieces = vec![(first, dash - 1)];
    let tag_end = tag
        .speaker
        .as_ref()
        .map_or(tag.cue.1, |m| m.last.max(tag.cue.1));
    // The incise ends at a dash or a full stop; the line goes on after
    // the run of dashes and stops that closes it (`—. Mañana`, `. —
    // Forse`).
    let close = (tag_end + 1..end)
        .find(|&k| t.is_dash(k) || matches!(t.tokens[k].kind, Kind::Punct('.' | '!' | '?')));
    if let Some(close) = close {
        let resume = (close..end).find(|&k| !matches!(t.tokens[k].kind, Kind::Punct(_)));
        if let Some(resume) = resume {
            pieces.push((resume, end - 1));
        }
    }
    Some(Candidate {
        kind: QuoteKind::Direct,
        pieces,
        cue: Some(tag.cue),
        speaker: tag.speaker,
        method: Some(Method::SpeechTag),
        standalone: true,
    })
}

/// Punctuation that may close the line's words before the incise's dash
/// (`—¿Vienes? —preguntó`, `– Nem tudom, – felelte`).
fn is_closing(t: &Text, k: usize) -> bool {
    matches!(
        t.tokens[k].kind,
        Kind::Punct(',' | '.' | '!' | '?' | '…' | ';')
    )
}
