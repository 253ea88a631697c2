//! Exact matching: one Aho–Corasick automaton over every folded name,
//! alias and surname, run leftmost-longest over the folded text.
//!
//! Each pattern is its folded key with one space in front. The folded text
//! turns every non-word char into a space and starts with one, so a pattern
//! can only start where a word starts: the automaton itself enforces the
//! left word boundary, and never reports a match inside a word that would
//! hide a real one. The right boundary is checked after the match (the next
//! folded byte is a space or the end); when it fails, shorter patterns at
//! the same start are tried with anchored searches, so `Joe Bidens` still
//! finds `Joe` if that is a name.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::fold::{fold_key, Folded};
use super::variants::{self, Before};
use super::{Found, Gazetteer, GazetteerEntry, GazetteerOptions, LinkMethod};
use crate::error::{Error, ErrorKind};
use crate::model::EntityKind;

/// Why a pattern belongs to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rule {
    /// The entry's name.
    Name,
    /// One of its aliases.
    Alias,
    /// The surname of its name or of an alias (persons only).
    Surname,
}

/// One entry a pattern stands for, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) entry: u32,
    pub(crate) rule: Rule,
}

/// The compiled patterns.
pub(crate) struct Patterns {
    ac: AhoCorasick,
    /// Folded key → pattern id.
    by_key: HashMap<String, u32>,
    /// `targets[offsets[p]..offsets[p + 1]]` are pattern `p`'s targets.
    offsets: Vec<u32>,
    targets: Vec<Target>,
    /// Whether pattern `p` needs a capital in the text.
    capital: Vec<bool>,
}

/// The keys (folded, space-joined) every entry is matched by, and why.
pub(crate) fn keys_of(
    entry: &GazetteerEntry,
    options: &GazetteerOptions,
) -> Vec<(String, Rule, bool)> {
    let has_capital = |s: &str| s.chars().any(char::is_uppercase);
    let mut keys = vec![(fold_key(&entry.name), Rule::Name, has_capital(&entry.name))];
    for alias in &entry.aliases {
        keys.push((fold_key(alias), Rule::Alias, has_capital(alias)));
    }
    if options.variants && entry.kind == EntityKind::Person {
        let names = std::iter::once(&entry.name).chain(&entry.aliases);
        let surnames: Vec<&str> = names.filter_map(|n| variants::surname(n)).collect();
        for s in surnames {
            keys.push((fold_key(s), Rule::Surname, has_capital(s)));
        }
    }
    keys
}

impl Patterns {
    pub(crate) fn build(
        entries: &[GazetteerEntry],
        options: &GazetteerOptions,
    ) -> Result<Patterns, Error> {
        let mut by_key: HashMap<String, u32> = HashMap::with_capacity(entries.len() * 2);
        let mut lists: Vec<Vec<Target>> = Vec::with_capacity(entries.len() * 2);
        let mut capital: Vec<bool> = Vec::with_capacity(entries.len() * 2);
        for (i, entry) in entries.iter().enumerate() {
            for (key, rule, cap) in keys_of(entry, options) {
                let next = lists.len() as u32;
                let p = *by_key.entry(key).or_insert(next);
                if p == next {
                    lists.push(Vec::new());
                    capital.push(cap);
                } else {
                    // Needs a capital only if every name behind it has one.
                    capital[p as usize] &= cap;
                }
                let list = &mut lists[p as usize];
                let target = Target {
                    entry: i as u32,
                    rule,
                };
                match list.iter_mut().find(|t| t.entry == target.entry) {
                    Some(t) => t.rule = t.rule.min(rule),
                    None => list.push(target),
                }
            }
        }
        let mut keys: Vec<(&String, u32)> = by_key.iter().map(|(k, &p)| (k, p)).collect();
        keys.sort_unstable_by_key(|&(_, p)| p);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(automaton_kind(keys.len()))
            .build(keys.iter().map(|(k, _)| format!(" {k}")))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!("cannot compile the gazetteer: {e}"),
                )
            })?;
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut targets = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        offsets.push(0);
        for list in lists {
            targets.extend(list);
            offsets.push(targets.len() as u32);
        }
        Ok(Patterns {
            ac,
            by_key,
            offsets,
            targets,
            capital,
        })
    }

    /// The number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.capital.len()
    }

    fn targets(&self, p: u32) -> &[Target] {
        let p = p as usize;
        &self.targets[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// The targets of a folded key, if it is a pattern.
    pub(crate) fn targets_of_key(&self, key: &str) -> Option<&[Target]> {
        self.by_key.get(key).map(|&p| self.targets(p))
    }

    /// Whole-word, leftmost-longest matches in `text` (folded as `folded`),
    /// with original byte offsets.
    pub(crate) fn find<'p>(
        &'p self,
        folded: &Folded,
        text: &str,
        require_capital: bool,
    ) -> Vec<RawMatch<'p>> {
        let hay = folded.text.as_bytes();
        let ends_word = |e: usize| e == hay.len() || hay[e] == b' ';
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = self.ac.find(Input::new(hay).range(at..)) {
            let mut pattern = m.pattern().as_u32();
            let mut end = m.end();
            if !ends_word(end) {
                match self.shorter(hay, m.start(), end, ends_word) {
                    Some((p, e)) => (pattern, end) = (p, e),
                    None => {
                        at = m.start() + 1;
                        continue;
                    }
                }
            }
            // The folded match starts with the space before the word.
            let start = folded.original(m.start() + 1);
            let stop = folded.original(end);
            let capital_ok = !require_capital
                || !self.capital[pattern as usize]
                || text[start..].chars().next().is_some_and(char::is_uppercase);
            if capital_ok {
                out.push(RawMatch {
                    start,
                    end: stop,
                    targets: self.targets(pattern),
                });
                at = end;
            } else {
                at = m.start() + 1;
            }
        }
        out
    }

    /// The longest pattern starting at `start` that ends before `end` at a
    /// word boundary.
    fn shorter(
        &self,
        hay: &[u8],
        start: usize,
        mut end: usize,
        ends_word: impl Fn(usize) -> bool,
    ) -> Option<(u32, usize)> {
        while end > start + 1 {
            let input = Input::new(hay)
                .range(start..end - 1)
                .anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            if ends_word(m.end()) {
                return Some((m.pattern().as_u32(), m.end()));
            }
            end = m.end();
        }
        None
    }
}

/// The automaton kind: a DFA is fastest to search but its size grows with
/// the number of states times the alphabet, so it is used for gazetteers up
/// to a few tens of thousands of names; bigger ones use the contiguous NFA.
fn automaton_kind(patterns: usize) -> Option<AhoCorasickKind> {
    if patterns <= 60_000 {
        Some(AhoCorasickKind::DFA)
    } else {
        Some(AhoCorasickKind::ContiguousNFA)
    }
}

/// An exact match of a pattern, before variants and ambiguity are resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawMatch<'p> {
    start: usize,
    end: usize,
    targets: &'p [Target],
}

/// The method and entries of a pattern's targets: its exact names if it
/// has any (an alias beats another entry's surname), else its variants.
pub(crate) fn best_targets(targets: &[Target]) -> (LinkMethod, Vec<u32>) {
    let exact: Vec<u32> = targets
        .iter()
        .filter(|t| t.rule.is_exact())
        .map(|t| t.entry)
        .collect();
    if exact.is_empty() {
        (
            LinkMethod::Variant,
            targets.iter().map(|t| t.entry).collect(),
        )
    } else {
        (LinkMethod::Exact, exact)
    }
}

/// Applies the variant rules around a raw match and resolves ambiguity:
/// a title or initial before a surname joins the mention and narrows the
/// candidates; a possessive after any name joins it; of several candidates,
/// the one named exactly earlier in the text (`seen`) wins, else the match
/// is reported ambiguous. `None` when the variant rules rule every
/// candidate out (`J. Putin`).
pub(crate) fn resolve(
    g: &Gazetteer,
    text: &str,
    raw: RawMatch<'_>,
    seen: &HashSet<u32>,
) -> Option<Found> {
    let (method, mut candidates) = best_targets(raw.targets);
    let mut start = raw.start;
    if method == LinkMethod::Variant {
        match variants::before(text, raw.start) {
            Some(Before::Title(at, gender)) => {
                start = at;
                if let Some(gender) = gender {
                    candidates.retain(|&c| g.entry(c).gender.map_or(true, |x| x == gender));
                }
            }
            Some(Before::Initial(at, letter, dotted)) => {
                let agree: Vec<u32> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| g.initials[c as usize] == Some(letter))
                    .collect();
                if !agree.is_empty() {
                    start = at;
                    candidates = agree;
                } else if dotted {
                    // "J. Putin" names someone else.
                    return None;
                }
            }
            None => {}
        }
    }
    if candidates.is_empty() {
        return None;
    }
    let end = raw.end + variants::possessive(text, raw.end);
    if candidates.len() > 1 {
        let earlier: Vec<u32> = candidates
            .iter()
            .copied()
            .filter(|c| seen.contains(c))
            .collect();
        if earlier.len() == 1 {
            candidates = earlier;
        }
    }
    let entry = (candidates.len() == 1).then(|| candidates[0]);
    if entry.is_some() {
        candidates.clear();
    } else {
        candidates.sort_unstable();
    }
    Some(Found {
        start,
        end,
        entry,
        candidates,
        method,
        score: 1.0,
    })
}
