//! What follows a reporting verb: its object, an infinitive, a clause
//! (`told reporters that …`, `urged him to …`, `said the plan failed`).

use super::subjects::is_finite_verb;
use super::window::is_time_word;
use crate::lexicon::VerbInfo;
use crate::lexicon::{Class, Lexicon};
use crate::mentions::mention_starting_at;
use crate::text::{Kind, Text};

/// `urged Congress to act`: the `to` after the object of a verb of appeal,
/// else `n`.
pub(super) fn infinitive_after_object(t: &Text, n: usize, end: usize, lemma: &str) -> usize {
    match mention_starting_at(t, n, end + 1) {
        Some(m)
            if t.lex.is(Class::AppealVerb, lemma)
                && t.is_word(m.last + 1)
                && t.tok(m.last + 1) == "to" =>
        {
            m.last + 1
        }
        _ => n,
    }
}

/// Verbs of stance whose object is what is reported (`denied any role`,
/// `cited the report`, `polls show a tight race`). Beyond the first list,
/// the lemmas whose object begins an annotated content at least 35% of
/// the times a noun phrase follows them in the PolNeAR training articles.
pub(super) fn takes_object(lex: &Lexicon, lemma: &str) -> bool {
    lex.is(Class::ObjectReporting, lemma)
}

/// Verbs of intent and appeal whose content is an infinitive.
pub(super) fn takes_infinitive(lex: &Lexicon, lemma: &str) -> bool {
    lex.is(Class::InfinitiveReporting, lemma)
}

pub(super) fn is_tell(lex: &Lexicon, word: &str) -> bool {
    lex.is(Class::TellForm, word)
}

/// Skips the object of `told`: `told Rosiah 24 that`, `told reporters on Friday that`;
/// with `asks`, also `asked the students if`.
pub(super) fn skip_object(t: &Text, n: usize, end: usize, asks: bool) -> usize {
    let mut j = n;
    while j <= end && j < n + 8 {
        // `asked the students if they …`
        let question = asks && t.is_word(j) && t.in_class(j, Class::QuestionComplementizer);
        if t.is_that(j) || question || t.is_punct(j, ':') {
            return j;
        }
        // `asked her to call him if possible`: the request is the
        // infinitive, whatever `if` follows.
        if asks && t.is_word(j) && t.tok(j) == "to" {
            break;
        }
        if !t.is_word(j) {
            break;
        }
        j += 1;
    }
    // No "that": the object is one short phrase ("told CNN the plan failed").
    match mention_starting_at(t, n, end + 1) {
        Some(m) => m.last + 1,
        None if t.is_word(n) && t.in_class(n, Class::AddresseeObject) => n + 1,
        None => n,
    }
}

/// Can a bare clause start at `n` (`said the plan failed`, `said he would`)?
pub(super) fn starts_clause(t: &Text, n: usize, info: VerbInfo) -> bool {
    if !t.is_word(n) {
        return false;
    }
    let w = t.tok(n);
    // A subject pronoun starts a clause after any reporting verb
    // (`noted she has pushed`).
    if t.lex.is(Class::ClauseSubject, w) {
        return true;
    }
    if !info.bare {
        return false;
    }
    // Verbs of saying and thinking take a clause, not an object: anything
    // but a preposition or a pro-form starts one (`said witnesses saw`);
    // an article only when a finite verb follows (`said the plan was`).
    if t.lex.is(Class::Article, w) {
        // "said" takes a clause even without a finite auxiliary after the
        // noun phrase ("said the recent spate of shootings demands …").
        return info.lemma == "say" && (n..n + 5).all(|k| k < t.tokens.len() && t.is_word(k))
            || (n + 1..n + 9).any(|k| t.is_word(k) && is_finite_verb(t.lex, t.tok(k)));
    }
    // `said Sanders’ attack was …`: a plural possessive's apostrophe is
    // a mark token glued to the name, not the name's end.
    let possessive = w.ends_with('s')
        && t.is_word(n + 2)
        && matches!(t.tokens[n + 1].kind, Kind::Mark('’' | '\''))
        && t.tokens[n + 1].start == t.tokens[n].end;
    let lone_name = t.is_capitalized(n) && !t.is_word(n + 1) && !possessive;
    if is_time_word(t.lex, w) {
        return false;
    }
    // `said if elected he would …`: the clause opens with its own
    // subordinate clause, unless a `that` further on opens the content
    // (`said when asked that …`) or no clause follows (`said when asked`).
    if t.lex.is(Class::ContentSubordinator, w) {
        let ahead = n + 1..(n + 14).min(t.tokens.len());
        let that = ahead.clone().any(|k| t.is_that(k));
        let clause = ahead.into_iter().any(|k| {
            t.is_word(k) && (t.in_class(k, Class::ClauseSubject) || is_finite_verb(t.lex, t.tok(k)))
        });
        return clause && !that;
    }
    !t.lex.is(Class::NotClauseOpener, w) && !lone_name
}
