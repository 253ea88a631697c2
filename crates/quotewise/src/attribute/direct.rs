//! Direct quotes: each quoted span with the tag beside it in its sentence
//! or paragraph, tag lines, and split quotes joined across their tag.

use super::tag_after::tag_after;
use super::tag_before::{tag_before, tag_line};
use super::window::{
    first_content, opens_sentence, para_end, para_start, sentence_end, sentence_start, words_in,
};
use super::Candidate;
use crate::lexicon::Class;
use crate::marks::Quoted;
use crate::mentions::{mention_starting_at, verb_at, MentionKind};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// Turns quoted spans into direct and partial quote candidates with their
/// speech tags.
pub(super) fn direct_quotes(t: &Text, quoted: &[Quoted]) -> Vec<Candidate> {
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
        // `“My father”--he looked up at her--“I expect …”`: a quote
        // interrupted by an action between dashes goes on after it (its
        // speaker is the first piece's, by continuation).
        let beat = tag.is_none() && out.last().is_some_and(|p| dash_beat(t, p, first));
        let is_direct = is_direct || beat;
        if !is_direct && !resumes && inscribed(t, first, floor) {
            // A slogan or a sign's words: quoted text nobody says.
            cand.standalone = false;
            out.push(cand);
            continue;
        }
        if !is_direct && !resumes {
            cand.kind = QuoteKind::Partial;
            out.push(cand);
            continue;
        }
        if let Some(tag) = tag {
            cand.method = Some(if tag.according {
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

/// How many words an action between dashes inside a quote may have.
const BEAT_WORDS: usize = 25;

/// Is the quote opening at `open` the rest of `prev`, interrupted by an
/// action: `“These fogs”--she pointed at the station roof--“never lift.”`?
/// Between them stand a dash, words opening with a pronoun or a name, and
/// a dash, all in one paragraph.
fn dash_beat(t: &Text, prev: &Candidate, open: usize) -> bool {
    let (a, b) = (prev.last() + 1, open.saturating_sub(1));
    if prev.kind != QuoteKind::Direct
        || prev.cue.is_some()
        || a >= b
        || !t.is_dash(a)
        || !t.is_dash(b)
        || t.tokens[a].paragraph != t.tokens[open].paragraph
        || (a..=b).any(|i| matches!(t.tokens[i].kind, Kind::Mark(_)))
        || words_in(t, a, b) > BEAT_WORDS
    {
        return false;
    }
    (a..b).find(|&i| t.is_word(i)).is_some_and(|start| {
        mention_starting_at(t, start, b)
            .is_some_and(|m| matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::Name))
    })
}

/// Do the cue `c` and the cue `prev` share a token: one tag, read from
/// either side (`ha spiegato` after the first piece, `spiegato` before
/// the second)?
fn same_cue(c: (usize, usize), prev: Option<(usize, usize)>) -> bool {
    prev.is_some_and(|p| p.0 <= c.1 && c.0 <= p.1)
}

/// How many words may stand between a noun of written words and the
/// quote it introduces (`op de spandoeken stond „…”`).
const MAX_AFTER_INSCRIPTION: usize = 2;

/// `con el lema «Sanidad pública ya»`, `la scritta «Lavori in corso»`:
/// does a noun of written words (the `inscription` class) stand just
/// before the quote opening at `first`, in its sentence (from `floor`),
/// with no verb of saying after it?
fn inscribed(t: &Text, first: usize, floor: usize) -> bool {
    let from = first.saturating_sub(MAX_AFTER_INSCRIPTION + 1).max(floor);
    (from..first)
        .rev()
        .take_while(|&k| t.is_word(k))
        .take_while(|&k| verb_at(t, k).is_none_or(|(info, _)| !info.speech))
        .any(|k| t.in_class(k, Class::Inscription))
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
            let end = prev.end - 1;
            // Or ending in a comma or a dash (`Anne, after the little
            // pause which followed, added--`): the tag is read as if the
            // quote opened right after it.
            let open = if t.is_punct(end, ':') || t.is_punct(end, ',') {
                Some(prev.end)
            } else if t.is_dash(end) {
                let mut d = end;
                while d > prev.start && t.is_dash(d - 1) {
                    d -= 1;
                }
                Some(d)
            } else {
                None
            };
            if let Some(open) = open {
                if let Some(tag) = tag_before(t, open, floor) {
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
/// quote's next piece. Across the full stop of a tag only in a language
/// with the `split_quote_across_stop` convention (English), or when the
/// first piece ends with a comma inside its marks, the sign that the
/// sentence ran on into the tag: `»Willst du trinken?« fragt Jona.
/// »Gewiß …«` (or `»A«, sagte er. »B.«`) are two quotes. A title quoted
/// inside the tag (`said on NBC’s “Meet the Press.”`) is neither a piece
/// nor a break.
fn merge_split(t: &Text, cands: &mut Vec<Candidate>) {
    let across_stop_joins = t.lex.is(Class::Convention, "split_quote_across_stop");
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for mut cur in cands.drain(..) {
        let para = t.tokens[cur.first()].paragraph;
        // Does `p`'s tag end before token `at`, in `cur`'s paragraph?
        let tagged_before = |p: &Candidate, at: usize| {
            p.cue.is_some_and(|c| c.1 < at) && t.tokens[p.last()].paragraph == para
        };
        // A quote run into the words of the tag before it (`said on NBC’s
        // “Meet the Press.”`) is a title, not the next piece.
        let in_tag = out.last().is_some_and(|p| {
            tagged_before(p, cur.first()) && cur.cue.is_none_or(|c| same_cue(c, p.cue))
        });
        if in_tag && cur.kind == QuoteKind::Direct && !cur.standalone && t.is_word(cur.first() - 1)
        {
            cur.cue = None;
            cur.speaker = None;
            cur.method = None;
            cur.kind = QuoteKind::Partial;
        }
        // `“A,” Cuban said on NBC’s “Meet the Press.” “B.”`: a title
        // quoted inside the tag stands between the pieces; the quote goes
        // on past it.
        let past_title = out.len() >= 2 && out[out.len() - 1].kind == QuoteKind::Partial && {
            let (p, title) = (&out[out.len() - 2], &out[out.len() - 1]);
            tagged_before(p, title.first())
                && matches!(p.kind, QuoteKind::Direct | QuoteKind::Mixed)
        };
        if past_title && across_stop_joins && cur.kind == QuoteKind::Direct && cur.cue.is_none() {
            let at = out.len() - 2;
            out[at].pieces.extend(cur.pieces);
            continue;
        }
        if let Some(prev) = out.last_mut() {
            let same_para = t.tokens[prev.last()].paragraph == para;
            let across_stop = || {
                let cue_end = prev.cue.map_or(prev.last(), |c| c.1);
                (cue_end + 1..cur.first())
                    .any(|k| matches!(t.tokens[k].kind, Kind::Punct('.' | '!' | '?')))
            };
            let comma_inside = || {
                let last = prev.last();
                last > prev.first()
                    && matches!(t.tokens[last].kind, Kind::Mark(_))
                    && t.is_punct(last - 1, ',')
            };
            if same_para
                && matches!(prev.kind, QuoteKind::Direct | QuoteKind::Mixed)
                && cur.kind == QuoteKind::Direct
                && prev.cue.is_some()
                && cur.cue.is_none_or(|c| same_cue(c, prev.cue))
                && (across_stop_joins || !across_stop() || comma_inside())
            {
                prev.pieces.extend(cur.pieces);
                continue;
            }
        }
        out.push(cur);
    }
    *cands = out;
}
