//! `According to X, …` and `…, according to X.`

use super::subjects::is_finite_verb;
use super::window::{content_end, opens_sentence, touches, words_in};
use super::Candidate;
use crate::lexicon::{Flags, Marker};
use crate::mentions::{mention_ending_at, mention_starting_at, Mention};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// Can an according-to marker start at token `i` (its first word, any case)?
/// A bit test: it is asked for every word that is not a verb.
pub(super) fn is_according(t: &Text, i: usize) -> bool {
    t.has(i, Flags::MARKER)
}

/// Do the words `words` (lower case) stand at tokens `i..` before `limit`?
fn words_at(t: &Text, i: usize, words: &[Box<str>], limit: usize) -> bool {
    i + words.len() <= limit
        && words.iter().enumerate().all(|(k, w)| {
            t.is_word(i + k)
                && t.tok(i + k)
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(w.chars())
        })
}

/// An according-to phrase found in the text: the marker's words, the
/// source, and the tokens the whole phrase spans.
#[derive(Clone, Debug)]
pub(super) struct Marked {
    /// The marker's own words (`according to`, `zufolge`), inclusive.
    pub cue: (usize, usize),
    /// The source.
    pub source: Mention,
    /// The phrase's first token: the marker's, or the source's before a
    /// postposition.
    pub first: usize,
    /// The phrase's last token: the source's, or the marker's after it.
    pub last: usize,
}

/// The according-to phrase whose marker starts at token `i`, inside `range`
/// (`according to the ministry`, `dem Minister zufolge` at `zufolge`,
/// `wie die Ministerin sagte`, `szerinte`).
pub(super) fn marked_at(t: &Text, i: usize, range: std::ops::Range<usize>) -> Option<Marked> {
    if !is_according(t, i) {
        return None;
    }
    t.lex
        .markers_starting(t.tok(i))
        .find_map(|m| match_marker(t, m, i, range.clone()))
}

/// The phrase of marker `m` with its first word at token `i`, inside `range`.
fn match_marker(t: &Text, m: &Marker, i: usize, range: std::ops::Range<usize>) -> Option<Marked> {
    // A set-off source ends the sentence (`…, so der Minister.`), or is
    // followed by a comma where the marker opens it (`Pour le ministre, …`).
    let set_off = |k: usize| {
        k >= range.end
            || matches!(t.tokens[k].kind, Kind::Punct('.' | ';' | '!' | '?'))
            || t.is_punct(k, ',') && (i == range.start || opens_sentence(t, i))
    };
    if m.before.is_empty() {
        // A postposition: the source ends right before it.
        if i <= range.start || !words_at(t, i, &m.after, range.end) {
            return None;
        }
        let source = mention_ending_at(t, i - 1, range.start)?;
        let last = i + m.after.len() - 1;
        return (!m.delimited || set_off(last + 1)).then_some(Marked {
            cue: (i, last),
            first: source.first,
            source,
            last,
        });
    }
    if !words_at(t, i, &m.before, range.end) {
        return None;
    }
    if let Some(p) = m.pronoun {
        return Some(Marked {
            cue: (i, i),
            source: Mention::pronoun(i, p),
            first: i,
            last: i,
        });
    }
    let from = i + m.before.len();
    // `according to` and the source must lie in the sentence: a line
    // break can end it right after `according` (`…, according\nto custom`).
    if from + 1 > range.end || !t.is_word(from) {
        return None;
    }
    let cue = (i, from - 1);
    if m.after.is_empty() {
        // A source the mention grammar does not cover is taken up to the
        // comma after a marker that is no common word (`according to`,
        // `nach Angaben`), or when it opens as a noun phrase does: `laut`
        // is also an adverb (`laut aufschrie`), German `so` a conjunction.
        // Right after a quote's closing mark the marker is a tag
        // (`„…”, aldus dijkgraaf Hans Oosters.`).
        let after_quote =
            i >= 2 && t.is_punct(i - 1, ',') && matches!(t.tokens[i - 2].kind, Kind::Mark(_));
        let phrase = after_quote
            || !m.delimited
                && (m.before.len() > 1 || t.has(from, Flags::DETERMINER | Flags::UPPER));
        // Or when it closes the sentence after a comma (`…, d'après
        // l'Insee.`).
        let closes = |s: &Mention| {
            !m.delimited
                && i > range.start
                && t.is_punct(i - 1, ',')
                && s.last == content_end(t, range.clone())
                && words_in(t, s.first, s.last) <= 5
        };
        let source = mention_starting_at(t, from, range.end)
            .or_else(|| source_until_comma(t, from, range.end).filter(|m| phrase || closes(m)))?;
        let last = source.last;
        return (!m.delimited || set_off(last + 1)).then_some(Marked {
            cue,
            source,
            first: i,
            last,
        });
    }
    // Around the source: `wie die Ökonomin am Dienstag sagte`.
    let close =
        (from + 1..range.end.min(from + 16)).find(|&k| words_at(t, k, &m.after, range.end))?;
    let source = mention_starting_at(t, from, close)?;
    let last = close + m.after.len() - 1;
    Some(Marked {
        cue,
        source,
        first: i,
        last,
    })
}

/// The according-to phrase that ends at token `k`, reading back no further
/// than `floor`: `according to Putin`, `Putyin szerint`, `szerinte`.
pub(super) fn marked_ending_at(t: &Text, k: usize, floor: usize) -> Option<Marked> {
    if !t.is_word(k) {
        return None;
    }
    // A marker after its source, or one that carries it.
    for m in &t.lex.markers {
        if m.pronoun.is_some() {
            match match_marker(t, m, k, floor..k + 1) {
                Some(found) => return Some(found),
                None => continue,
            }
        }
        if !m.before.is_empty() {
            continue;
        }
        let Some(s) = (k + 1).checked_sub(m.after.len()).filter(|&s| s > floor) else {
            continue;
        };
        if words_at(t, s, &m.after, k + 1) {
            if let Some(found) = match_marker(t, m, s, floor..k + 1) {
                return Some(found);
            }
        }
    }
    // A marker before it.
    let source = mention_ending_at(t, k, floor)?;
    t.lex.markers.iter().find_map(|m| {
        if !m.after.is_empty() || m.pronoun.is_some() {
            return None;
        }
        let i = source
            .first
            .checked_sub(m.before.len())
            .filter(|&i| i >= floor)?;
        words_at(t, i, &m.before, source.first).then(|| Marked {
            cue: (i, source.first - 1),
            source: source.clone(),
            first: i,
            last: k,
        })
    })
}

/// The source of `found` named again in apposition (`Según la ministra de
/// Hacienda, María Jesús Montero, …`): the name, and the comma after it.
fn apposition(t: &Text, found: &Marked, limit: usize) -> Option<(Mention, usize)> {
    // A description, perhaps with a name inside (`the minister of
    // Finance`), not a person's name.
    let described = match found.source.name {
        None => true,
        // (or a name closing a phrase the grammar does not cover: `la
        // ministra de Hacienda`)
        Some((a, _)) => {
            a > found.source.first
                || !found.source.descriptors.is_empty()
                || found.source.first > found.cue.1 + 1
        }
    };
    if found.last != found.source.last || !described {
        return None;
    }
    // The description may run on a few words the grammar left out
    // (`il presidente dell'Istat, Francesco Chelli,`).
    let comma = (found.last + 1..limit.min(found.last + 6))
        .take_while(|&k| t.is_word(k) || t.is_punct(k, ','))
        .find(|&k| t.is_punct(k, ','))?;
    let name = mention_starting_at(t, comma + 1, limit)?;
    (name.name.is_some() && t.is_punct(name.last + 1, ',')).then(|| {
        let comma = name.last + 1;
        (name, comma)
    })
}

/// `According to X, …`, `…, according to X.`, and every marker of the
/// lexicon's `according.txt` (`laut X …`, `X zufolge …`, `…, selon X.`).
pub(super) fn according_to(
    t: &Text,
    i: usize,
    range: std::ops::Range<usize>,
    covered: &[bool],
) -> Option<Candidate> {
    let mut found = marked_at(t, i, range.clone())?;
    let m = &found.source;
    let opens = found.first == range.start || opens_sentence(t, found.first) || {
        // `Der Bundesagentur für Arbeit zufolge`, `A kormányszóvivő,
        // Szentkirályi Alexandra közlése szerint`: a postposition's source
        // opens the sentence with its article or its apposition.
        found.cue.0 > m.last
            && (range.start..m.first)
                .all(|k| !t.is_word(k) || t.has(k, Flags::DETERMINER | Flags::ROLE))
    };
    let pieces = if opens {
        // The content follows the comma that closes the source phrase
        // (`According to exit polls conducted by X for Y, …`).
        let mut after = found.last;
        let mut search = found.last == found.source.last;
        if let Some((name, comma)) = apposition(t, &found, range.end) {
            found.source = name;
            after = comma;
            search = false;
        }
        // Past a postposition, a clause around the source or an apposition
        // the content follows at once (`Putyin szerint a szankciók …`).
        let comma = (after + 1..range.end.min(after + 20))
            .find(|&k| t.is_punct(k, ','))
            .filter(|_| search);
        let mut a = comma.map_or(after + 1, |c| c + 1);
        while a < range.end
            && (t.is_punct(a, ',') || !t.is_word(a) && !matches!(t.tokens[a].kind, Kind::Mark(_)))
        {
            a += 1;
        }
        vec![(a, content_end(t, range.clone()))]
    } else if found.first > range.start && t.is_punct(found.first - 1, ',') {
        let i = found.first;
        let mut a = range.start;
        while a < i && !t.is_word(a) && !matches!(t.tokens[a].kind, Kind::Mark(_)) {
            a += 1;
        }
        // `Fundraising, according to the campaign, has surged`: a subject,
        // the source, then its verb; the content is both parts. (Not
        // `…, according to Crowdpac, the most of any candidate`.)
        let end = content_end(t, range.clone());
        let verb_goes_on = t.is_punct(found.last + 1, ',')
            && t.is_word(found.last + 2)
            && is_finite_verb(t.lex, t.tok(found.last + 2))
            && words_in(t, found.last + 2, end) >= 2;
        if verb_goes_on
            && a < i - 1
            && !(a..i - 1).any(|k| t.is_word(k) && is_finite_verb(t.lex, t.tok(k)))
        {
            vec![(a, i - 2), (found.last + 2, end)]
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
        cue: Some(found.cue),
        speaker: Some(found.source),
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
