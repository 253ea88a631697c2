//! Token windows shared by the sieves: sentence and paragraph bounds,
//! adverbs and adverbials to step over, word counts.

use crate::lexicon::Flags;
use crate::lexicon::{Class, Lexicon};
use crate::mentions::verb_at;
use crate::text::{Kind, Text};

pub(super) fn para_end(t: &Text, i: usize) -> usize {
    t.paragraphs[t.tokens[i].paragraph as usize].end
}

pub(super) fn sentence_end(t: &Text, i: usize) -> usize {
    t.sentences[t.tokens[i].sentence as usize].end
}

pub(super) fn para_start(t: &Text, i: usize) -> usize {
    t.paragraphs[t.tokens[i].paragraph as usize].start
}

pub(super) fn sentence_start(t: &Text, i: usize) -> usize {
    t.sentences[t.tokens[i].sentence as usize].start
}

/// Skips adverbs and auxiliaries backward from `i` (exclusive), not below
/// `floor`: returns the first token of the run.
pub(super) fn skip_adverbs_back(t: &Text, mut i: usize, floor: usize) -> usize {
    while i > floor && t.has(i - 1, Flags::ADVERB_AUX) {
        i -= 1;
    }
    i
}

/// Skips adverbs and auxiliaries forward from `i`.
pub(super) fn skip_adverbs(t: &Text, mut i: usize, limit: usize) -> usize {
    while i < limit && t.has(i, Flags::ADVERB_AUX) {
        i += 1;
    }
    i
}

/// Do only marks, dashes and brackets stand before token `i` in its sentence?
pub(super) fn opens_sentence(t: &Text, i: usize) -> bool {
    let s = sentence_start(t, i).max(para_start(t, i));
    (s..i).all(|j| !t.is_word(j))
}

pub(super) fn words_in(t: &Text, a: usize, b: usize) -> usize {
    (a..=b).filter(|&i| t.is_word(i)).count()
}

/// The last token of a sentence's content: before the final period.
pub(super) fn content_end(t: &Text, range: std::ops::Range<usize>) -> usize {
    let mut e = range.end - 1;
    while e > range.start && matches!(t.tokens[e].kind, Kind::Punct('.' | '!' | '?' | ';' | ',')) {
        e -= 1;
    }
    e
}

/// The first content token at or after `from`: past dashes and brackets.
pub(super) fn first_content(t: &Text, from: usize, to: usize) -> usize {
    let mut a = from;
    while a <= to && matches!(t.tokens[a].kind, Kind::Punct(_)) {
        a += 1;
    }
    a
}

/// Does any covered (direct-quote) token lie in `a..=b`?
pub(super) fn touches(covered: &[bool], a: usize, b: usize) -> bool {
    covered[a..=b].iter().any(|&c| c)
}

/// Weekdays and `today`-like words: adverbials, never a speaker or a clause.
pub(super) fn is_time_word(lex: &Lexicon, w: &str) -> bool {
    lex.is(Class::TimeWord, w)
}

/// Is everything from `k` to the sentence end an adverbial after a tag
/// (`on Tuesday`, `in a statement`, `told reporters`)?
pub(super) fn tail_is_adverbial(t: &Text, k: usize, end: usize) -> bool {
    let words = (k..end).filter(|&i| t.is_word(i)).count();
    // A prepositional phrase may run longer (`during his speech at the
    // event on Friday night in Des Moines`).
    let prepositional = t.is_word(k) && t.in_class(k, Class::AdverbialPreposition);
    let one_phrase = || !(k..end).any(|i| t.is_punct(i, ','));
    (words <= 8 || prepositional && words <= 16 && one_phrase())
        && !(k..end).any(|i| t.is_that(i) || matches!(t.tokens[i].kind, Kind::Mark(_)))
}

/// Skips `Tuesday`, `on Friday`, `in a statement`, `in an interview` before `that`.
pub(super) fn skip_adverbial(t: &Text, n: usize, end: usize) -> usize {
    let mut j = n;
    // `in a statement Thursday night they pulled …`: an adverbial opening
    // with a preposition runs to a subject pronoun, too.
    let prepositional = t.is_word(n) && t.in_class(n, Class::TimeAdverbialOpener);
    let reach = if prepositional { 12 } else { 8 };
    while j <= end && j < n + reach {
        if t.is_that(j) {
            return j;
        }
        // Another report or clause: the adverbial has ended.
        if t.is_word(j) && (t.in_class(j, Class::AndBut) || verb_at(t, j).is_some()) {
            return n;
        }
        if prepositional && j > n + 1 && t.is_word(j) && t.in_class(j, Class::SubjectPronoun) {
            return j;
        }
        if !t.is_word(j) && !t.is_punct(j, ',') {
            return n;
        }
        j += 1;
    }
    n
}

/// Does the phrase at `a` open with a preposition or subordinator (`At an
/// event in New York, …`): an adverbial, not reported content?
pub(super) fn opens_adverbial(t: &Text, a: usize) -> bool {
    t.is_word(a)
        && t.lex.is(
            Class::AdverbialOpener,
            crate::text::lower_word(t.tok(a)).as_str(),
        )
}
