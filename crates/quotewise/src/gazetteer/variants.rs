//! The alias variants generated for each gazetteer entry, and the words
//! looked for around a match.
//!
//! Rules (all matched case- and accent-folded, see [`super::fold`]):
//!
//! * **Name and aliases** as given: `Vladimir Putin` (method `exact`).
//! * **Surname** of a person whose name has two or more words: the last word,
//!   with lower-case particles before it (`von der Leyen`) and without
//!   generational suffixes (`Jr.`, `III`): `Putin` (method `variant`).
//! * **Title + surname**: a title from `titles.txt` right before a surname
//!   match joins the mention: `President Biden`, `Mr. Peskov`. A title that
//!   implies a gender (`Mr`, `Mrs`) keeps only entries of that gender (or of
//!   unknown gender).
//! * **First initial + surname**: `V. Putin`, `V Putin`. The initial must
//!   agree with the first letter of the entry's first name; `J. Putin` is
//!   not Vladimir Putin and is not reported.
//! * **Possessives**: `’s`, `'s`, and a lone apostrophe after a name ending
//!   in `s`, join the mention of any match: `Putin’s`, `Kremlin's`.
//!
//! Title and initial are looked for around surname matches rather than
//! compiled into the automaton as `President Putin`, `V. Putin`, …: that
//! keeps the automaton the size of the names themselves (a million aliases
//! stay a million patterns) and lets an initial or a title choose between
//! two people who share a surname.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fold::{fold_key, is_word_char};
use crate::model::Gender;

/// Words dropped from the end of a name before taking the surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The titles of `titles.txt`, folded, with the gender they imply.
static TITLES: LazyLock<HashMap<String, Option<Gender>>> = LazyLock::new(|| {
    include_str!("titles.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (title, gender) = l.split_once('\t').unwrap_or((l, ""));
            let gender = match gender.trim() {
                "male" => Some(Gender::Male),
                "female" => Some(Gender::Female),
                "" => None,
                other => panic!("titles.txt: unknown gender {other:?}"),
            };
            (fold_key(title), gender)
        })
        .collect()
});

/// Parses the lexicons now.
pub(crate) fn force() {
    LazyLock::force(&TITLES);
}

/// The surname of a person's name, as written, if the name has one.
pub(crate) fn surname(name: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = word_starts(name);
    let mut end = words.len();
    while end > 0 && SUFFIXES.contains(&fold_key(words[end - 1].1).as_str()) {
        end -= 1;
    }
    if end < 2 {
        return None;
    }
    let mut first = end - 1;
    // Lower-case particles belong to the surname: "von der Leyen".
    while first > 1 && words[first - 1].1.chars().all(|c| !c.is_uppercase()) {
        first -= 1;
    }
    let (start, last) = words[end - 1];
    let stop = start + last.len();
    let from = words[first].0;
    Some(name[from..stop].trim_end_matches(|c: char| !is_word_char(c)))
}

/// The folded first letter of a person's first name.
pub(crate) fn initial(name: &str) -> Option<char> {
    let first = name.chars().find(|c| c.is_alphanumeric())?;
    fold_key(first.encode_utf8(&mut [0; 4]))
        .chars()
        .next()
        .filter(|c| c.is_alphabetic())
}

/// The whitespace-separated words of `s` with their byte offsets.
fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// What stands right before a surname match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Before {
    /// A title starting at this byte, implying this gender, if any.
    Title(usize, Option<Gender>),
    /// An initial (a capital letter, optionally with a period) starting at
    /// this byte, folded, and whether it had a period.
    Initial(usize, char, bool),
}

/// Looks for a title or an initial right before byte `start` of `text`:
/// up to three words, each followed by a space or `. `.
pub(crate) fn before(text: &str, start: usize) -> Option<Before> {
    let mut words: Vec<(usize, &str, bool)> = Vec::with_capacity(3);
    let mut at = start;
    for _ in 0..3 {
        let head = &text[..at];
        // One space, after an optional period.
        let Some(head) = head.strip_suffix(' ') else {
            break;
        };
        let dotted = head.ends_with('.');
        let head = head.strip_suffix('.').unwrap_or(head);
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map(|(i, _)| i);
        let Some(ws) = word_start else { break };
        words.push((ws, &head[ws..], dotted));
        at = ws;
    }
    // The longest title wins: "Vice President" over "President".
    for n in (1..=words.len()).rev() {
        let (ws, _, _) = words[n - 1];
        let key = fold_key(&text[ws..start]);
        if let Some(&gender) = TITLES.get(&key) {
            return Some(Before::Title(ws, gender));
        }
    }
    let &(ws, word, dotted) = words.first()?;
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => {
            Some(Before::Initial(ws, fold_key(word).chars().next()?, dotted))
        }
        _ => None,
    }
}

/// The length in bytes of a possessive ending (`’s`, `'s`, or `'` after an
/// `s`) at byte `end` of `text`, if any.
pub(crate) fn possessive(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(apos) = rest.chars().next().filter(|&c| c == '\'' || c == '’') else {
        return 0;
    };
    let after = &rest[apos.len_utf8()..];
    let word_follows = |s: &str| s.chars().next().is_some_and(is_word_char);
    if let Some(tail) = after.strip_prefix('s') {
        if !word_follows(tail) {
            return apos.len_utf8() + 1;
        }
    }
    let ends_in_s = text[..end].ends_with(['s', 'S']);
    if ends_in_s && !word_follows(after) {
        return apos.len_utf8();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_is_the_last_word() {
        assert_eq!(surname("Vladimir Putin"), Some("Putin"));
        assert_eq!(surname("Joe Biden"), Some("Biden"));
        assert_eq!(surname("Martin Luther King Jr."), Some("King"));
        assert_eq!(surname("Ursula von der Leyen"), Some("von der Leyen"));
        assert_eq!(surname("Madonna"), None);
        assert_eq!(surname("Smith Jr."), None);
    }

    #[test]
    fn initial_is_folded() {
        assert_eq!(initial("Émile Zola"), Some('e'));
        assert_eq!(initial("Vladimir Putin"), Some('v'));
    }

    #[test]
    fn titles_and_initials_before_a_name() {
        let t = "said President Biden and Mr. Peskov and Vice President Harris, V. Putin, V Putin.";
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(
            before(t, at("Biden")),
            Some(Before::Title(at("President"), None))
        );
        assert_eq!(
            before(t, at("Peskov")),
            Some(Before::Title(at("Mr."), Some(Gender::Male)))
        );
        assert_eq!(
            before(t, at("Harris")),
            Some(Before::Title(at("Vice"), None))
        );
        assert_eq!(
            before(t, at("Putin")),
            Some(Before::Initial(at("V."), 'v', true))
        );
        assert_eq!(
            before(t, t.rfind("Putin").unwrap()),
            Some(Before::Initial(t.rfind("V ").unwrap(), 'v', false))
        );
        assert_eq!(before(t, 0), None);
        assert_eq!(before("the president, Biden", 15), None);
        assert_eq!(before("a Biden", 2), None);
    }

    #[test]
    fn possessive_endings() {
        assert_eq!(possessive("Putin’s face", 5), "’s".len());
        assert_eq!(possessive("Putin's face", 5), 2);
        assert_eq!(possessive("Paris' mayor", 5), 1);
        assert_eq!(possessive("Putin' face", 5), 0);
        assert_eq!(possessive("Putin'sche", 5), 0);
        assert_eq!(possessive("Putin said", 5), 0);
    }
}
