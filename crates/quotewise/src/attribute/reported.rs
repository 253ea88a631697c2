//! Reported (indirect) speech: `X said that …`, `…, X said.`,
//! `X told Y that …`.

use super::according::marked_at;
use super::complements::{
    infinitive_after_object, is_tell, skip_object, starts_clause, takes_infinitive, takes_object,
};
use super::subjects::subject_of;
use super::tag_after::speech_verb;
use super::window::{
    content_end, first_content, is_time_word, opens_adverbial, para_end, sentence_end,
    skip_adverbial, tail_is_adverbial, touches, words_in,
};
use super::{Candidate, MAX_REACH};
use crate::lexicon::Class;
use crate::mentions::{is_be, mention_starting_at, verb_at, Mention};
use crate::model::{Method, QuoteKind};
use crate::text::{Kind, Text};

/// `X said (that) …`, `X told Y that …`, `…, X said.`, `…, said X.`
pub(super) fn reported(
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
        if (floor..m.first).filter(|&k| t.is_dash(k)).count() % 2 == 1 {
            if let Some(d) = (cue_end + 1..end).find(|&k| t.is_dash(k)) {
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
                && (!opens_adverbial(t, a) || main_clause_after_adverbial(t, a, b))
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
        if is_tell(t.lex, t.tok(i)) {
            n = skip_object(t, n, end, info.lemma == "ask");
        }
        n = skip_adverbial(t, n, end);
        // `said Thursday (night) he would leave`: a weekday, then a bare
        // clause.
        if n < end && t.is_word(n) && is_time_word(t.lex, t.tok(n)) {
            let mut k = n + 1;
            if t.is_word(k) && t.in_class(k, Class::DayPart) {
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
            && t.lex.reports_object_of(info.lemma, t.tok(n))
            && t.is_word(n + 1)
            && !is_time_word(t.lex, t.tok(n + 1))
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
        // `erklärte, dass …`, `közölte, hogy …`: a comma before the
        // complementizer; in a language that marks reported speech by its
        // mood, before the bare clause too (`sagte, sie sei …`).
        if t.is_punct(n, ',')
            && n < end
            && (t.is_that(n + 1)
                || t.lex.is(Class::Convention, "reported_speech_marked")
                    && starts_clause(t, n + 1, info))
        {
            n += 1;
        }
        let that = t.is_that(n);
        let colon = t.is_punct(n, ':');
        let clause = starts_clause(t, n, info);
        // `asked whether …`, `urged Congress to …`
        let question = t.lex.is(Class::Asking, info.lemma)
            && t.is_word(n)
            && t.in_class(n, Class::QuestionOpener);
        // `called it a “disgrace”`: quoted words in the object of a
        // labelling verb.
        let quotes_follow = (n..=end).any(|k| {
            matches!(t.tokens[k].kind, Kind::Mark(c) if c != '’' && c != '\'') && !covered[k]
        });
        let labeled = t.lex.is_labeling(info.lemma) && quotes_follow;
        // `conceded the situation is “deeply regrettable”`, `noted the
        // “allegations of …”`: a verb of saying whose complement holds
        // quoted words reports it, clause or not.
        let quoting = info.speech
            && quotes_follow
            && !info.gerund
            && (t.is_word(n) || matches!(t.tokens[n].kind, Kind::Mark(_)))
            && !t.in_class(n, Class::NotContentOpener);
        // `vowed to bring back jobs`, `urged Congress to act`: an
        // infinitive of intent or appeal.
        if takes_infinitive(t.lex, info.lemma)
            && !(that || colon)
            && !(t.is_word(n) && t.tok(n) == "to")
        {
            n = infinitive_after_object(t, n, end, info.lemma);
        }
        // `denied any involvement`, `endorsed Trump`: a stance verb's object.
        let object = !(that || colon)
            && takes_object(t.lex, info.lemma)
            && t.is_word(n)
            && !(t.in_class(n, Class::ObjectOrPreposition) || is_time_word(t.lex, t.tok(n)))
            && !covered[n];
        if object && !labeled && !(starts_clause(t, n, info) && info.bare) {
            // The object runs to a semicolon, or to a comma that does not
            // go on with a list (`cited bilateral relations, military
            // stability, … and epidemic control`).
            let list_goes_on = |k: usize| {
                (k + 1..=end)
                    .take(6)
                    .take_while(|&j| !t.is_punct(j, ','))
                    .any(|j| t.is_word(j) && t.in_class(j, Class::AndOr))
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
        let infinitive = takes_infinitive(t.lex, info.lemma)
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

/// `In this year's contest, undeclared voters aren't likely to …, Smith
/// said.`: content opening with an adverbial phrase is reported content
/// when a clause of its own follows the phrase's comma; alone
/// (`At an event in New York, Trump said.`) it is the tag's adverbial.
fn main_clause_after_adverbial(t: &Text, a: usize, b: usize) -> bool {
    (a + 2..b)
        .find(|&k| t.is_punct(k, ','))
        .is_some_and(|k| words_in(t, k + 1, b) >= 3)
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
                    let past = w.ends_with("ed") && !t.lex.roles.contains_key(w);
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
                if t.lex.is(Class::ClauseJoiner, w)
                    && (c + 1..(c + 6).min(b)).any(|v| speech_verb(t, v).is_some())
                {
                    return cut;
                }
                // The writer takes over after `, saying …`, `, citing …`.
                // (also `by Cleveland,” referring to …`: past a closing mark)
                if p == ','
                    && seen >= 4
                    && ((w.ends_with("ing")
                        && w.len() > 5
                        && !t.lex.is(Class::ReportCutPreposition, w))
                        || t.lex.is(Class::Contrast, w))
                {
                    return cut;
                }
                // `…, according to X` is a report of its own.
                if p == ',' && seen >= 4 && marked_at(t, c, c..sentence_end(t, c)).is_some() {
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
