//! Transcripts and headlines: `NAME: words` speaker lines and a headline
//! that states a claim (`Name: claim`).

use super::window::words_in;
use super::Candidate;
use crate::lexicon::Class;
use crate::lexicon::Flags;
use crate::mentions::mention_ending_at;
use crate::mentions::MentionKind;
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// Interview transcripts: a paragraph opening with a speaker's name in
/// capitals and a colon (`PENCE: Well, look, …`) is that speaker's quote.
/// Quotes found inside such a paragraph are part of it.
pub(super) fn transcripts(t: &Text, cands: &mut Vec<Candidate>) {
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
        || (para.start..colon).any(|k| t.lex.org_words.contains_key(t.tok(k)))
    {
        return None;
    }
    if t.in_class(para.start, Class::ArticleCapital) {
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
