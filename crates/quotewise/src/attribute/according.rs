//! `According to X, …` and `…, according to X.`

use super::subjects::is_finite_verb;
use super::window::{content_end, opens_sentence, touches, words_in};
use super::Candidate;
use crate::mentions::{mention_ending_at, mention_starting_at, Mention};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// Is token `i` the word `according` (any case)?
pub(super) fn is_according(t: &Text, i: usize) -> bool {
    // The length first: it is asked for every word that is not a verb.
    let tk = &t.tokens[i];
    tk.end - tk.start == "according".len() && t.tok(i).eq_ignore_ascii_case("according")
}

/// `According to X, …` and `…, according to X.`
pub(super) fn according_to(
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
            && is_finite_verb(t.lex, t.tok(m.last + 2))
            && words_in(t, m.last + 2, end) >= 2;
        if verb_goes_on
            && a < i - 1
            && !(a..i - 1).any(|k| t.is_word(k) && is_finite_verb(t.lex, t.tok(k)))
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
pub(super) fn source_until_comma(t: &Text, from: usize, limit: usize) -> Option<Mention> {
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
