//! Exact matching: one Aho–Corasick automaton over every folded name,
//! alias and surname, searched leftmost-longest over the folded text.
//!
//! Only whole words may match, so a match can only start at a word start.
//! The folded text makes every non-word char a space (see [`super::fold`]),
//! so word starts are simply the bytes after a space. Rather than feeding
//! every byte through the automaton and throwing away matches inside
//! words, the search visits word starts left to right and runs the
//! automaton *anchored* there: it reports the longest pattern starting at
//! that word, usually after reading two or three bytes. A prefix filter
//! (a bitset over the first four bytes of every pattern, and a table of
//! patterns shorter than three bytes) skips the automaton entirely for
//! the large majority of words (`the`, `said`) that no name begins with.
//!
//! The right word boundary is checked after the match (the next folded byte
//! is a space or the end); when it fails, shorter patterns at the same start
//! are tried, so `Joe Bidens` still finds `Joe` if that is a name. After a
//! match the search resumes at the first word start after it: leftmost,
//! longest, non-overlapping, whole words.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// Bits of the four-byte prefix filter (128 KiB).
const FILTER_BITS: usize = 1 << 20;

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
    /// Bit `hash(first four bytes)` is set for every pattern of three or
    /// more bytes (a three-byte pattern is followed by a space).
    prefix4: Vec<u64>,
    /// `short[first two bytes]` for patterns of one or two bytes (a
    /// one-byte pattern is followed by a space).
    short: Vec<bool>,
}

/// The filter key of the first four bytes of `window`.
#[inline]
fn key4(window: &[u8; 4]) -> usize {
    (u32::from_le_bytes(*window).wrapping_mul(0x9E37_79B1) >> 12) as usize
}

/// [`key4`] of a pattern, padded with spaces past its end.
fn pattern_key4(pattern: &[u8]) -> usize {
    let mut k = [b' '; 4];
    let n = pattern.len().min(4);
    k[..n].copy_from_slice(&pattern[..n]);
    key4(&k)
}

fn key2(window: &[u8]) -> usize {
    let a = window.first().copied().unwrap_or(b' ');
    let b = window.get(1).copied().unwrap_or(b' ');
    usize::from(a) << 8 | usize::from(b)
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
        // `(pattern, entry, rule)` for every key of every entry: one flat
        // list rather than a small vector per pattern.
        let mut pairs: Vec<(u32, u32, Rule)> = Vec::with_capacity(entries.len() * 2);
        let mut capital: Vec<bool> = Vec::with_capacity(entries.len() * 2);
        for (i, entry) in entries.iter().enumerate() {
            for (key, rule, cap) in keys_of(entry, options) {
                let next = capital.len() as u32;
                let p = *by_key.entry(key).or_insert(next);
                if p == next {
                    capital.push(cap);
                } else {
                    // Needs a capital only if every name behind it has one.
                    capital[p as usize] &= cap;
                }
                pairs.push((p, i as u32, rule));
            }
        }
        // Number the patterns in sorted order: inserting them into the trie
        // in that order touches states that are still in cache (a
        // million-name gazetteer builds several times faster).
        let mut keys: Vec<(String, u32)> = by_key.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut renumber = vec![0u32; keys.len()];
        for (new, (_, old)) in keys.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let capital: Vec<bool> = keys.iter().map(|(_, old)| capital[*old as usize]).collect();
        for pair in &mut pairs {
            pair.0 = renumber[pair.0 as usize];
        }
        // One target per (pattern, entry), with its best rule.
        pairs.sort_unstable();
        pairs.dedup_by_key(|&mut (p, e, _)| (p, e));
        let mut prefix4 = vec![0u64; FILTER_BITS / 64];
        let mut short = vec![false; 1 << 16];
        for (k, _) in &keys {
            let b = k.as_bytes();
            if b.len() >= 3 {
                let h = pattern_key4(b);
                prefix4[h / 64] |= 1 << (h % 64);
            } else {
                short[key2(b)] = true;
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(keys.iter().map(|(k, _)| k.as_bytes()))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!("cannot compile the gazetteer: {e}"),
                )
            })?;
        // The keys move into the map: no second copy of every name.
        let by_key: HashMap<String, u32> = keys
            .into_iter()
            .enumerate()
            .map(|(new, (key, _))| (key, new as u32))
            .collect();
        let mut offsets = vec![0u32; by_key.len() + 1];
        for &(p, _, _) in &pairs {
            offsets[p as usize + 1] += 1;
        }
        for p in 1..offsets.len() {
            offsets[p] += offsets[p - 1];
        }
        let targets: Vec<Target> = pairs
            .into_iter()
            .map(|(_, entry, rule)| Target { entry, rule })
            .collect();
        Ok(Patterns {
            ac,
            by_key,
            offsets,
            targets,
            capital,
            prefix4,
            short,
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

    /// Whether a pattern may start at `window` (a word start, with at
    /// least four bytes after it).
    #[inline]
    fn may_start(&self, window: &[u8]) -> bool {
        let h = key4(window[..4].try_into().expect("padded"));
        self.prefix4[h / 64] & (1 << (h % 64)) != 0 || self.short[key2(window)]
    }

    /// Whole-word, leftmost-longest matches in `text` (folded as `folded`),
    /// with original byte offsets.
    pub(crate) fn find<'p>(
        &'p self,
        folded: &Folded,
        text: &str,
        require_capital: bool,
    ) -> Vec<RawMatch<'p>> {
        let hay = folded.as_bytes();
        let padded = folded.padded();
        let ends_word = |e: usize| padded[e] == b' ';
        let mut out = Vec::new();
        // The search may not start before this byte (the end of the last match).
        let mut resume = 0;
        for start in word_starts(hay) {
            if start < resume || !self.may_start(&padded[start..]) {
                continue;
            }
            let Some((pattern, end)) = self.longest_word(hay, start, hay.len(), ends_word) else {
                continue;
            };
            let orig_start = folded.original(start);
            let capital_ok = !require_capital
                || !self.capital[pattern as usize]
                || text[orig_start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if capital_ok {
                out.push(RawMatch {
                    start: orig_start,
                    end: folded.original(end),
                    targets: self.targets(pattern),
                });
                resume = end;
            }
        }
        out
    }

    /// The longest pattern starting at `start`, ending at most at `limit`
    /// and at the end of a word.
    fn longest_word(
        &self,
        hay: &[u8],
        start: usize,
        mut limit: usize,
        ends_word: impl Fn(usize) -> bool,
    ) -> Option<(u32, usize)> {
        loop {
            let input = Input::new(hay).range(start..limit).anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            if ends_word(m.end()) {
                return Some((m.pattern().as_u32(), m.end()));
            }
            if m.end() <= start + 1 {
                return None;
            }
            limit = m.end() - 1;
        }
    }
}

/// The offsets of the word starts of a folded text (which starts with a
/// space): bytes that are not spaces after bytes that are. Eight bytes at a
/// time: a word-wide test marks the spaces, and the starts are the non-space
/// bytes whose previous byte is marked.
fn word_starts(hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut chunks = hay.chunks_exact(8);
    let mut tail = Some(chunks.remainder());
    // Whether the byte before the current chunk is a space.
    let mut carry = 0u64;
    let mut bits = 0u64;
    let mut base = 0usize;
    let mut next_base = 0usize;
    std::iter::from_fn(move || loop {
        if bits != 0 {
            let at = bits.trailing_zeros() as usize / 8;
            bits &= bits - 1;
            return Some(base + at);
        }
        let (word, valid) = match chunks.next() {
            Some(chunk) => (u64::from_le_bytes(chunk.try_into().expect("8 bytes")), HI),
            None => {
                let rest = tail.take().filter(|t| !t.is_empty())?;
                let mut word = [b' '; 8];
                word[..rest.len()].copy_from_slice(rest);
                (u64::from_le_bytes(word), HI >> (8 * (8 - rest.len())))
            }
        };
        let x = word ^ SPACES;
        // High bit set exactly in the bytes that were spaces.
        let spaces = !(((x & LO7).wrapping_add(LO7)) | x | LO7);
        let after_space = (spaces << 8) | carry;
        carry = spaces >> 56;
        bits = after_space & !spaces & valid;
        base = next_base;
        next_base += 8;
    })
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
                    candidates.retain(|&c| g.entry(c).gender.is_none_or(|x| x == gender));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_are_the_bytes_after_spaces() {
        for text in [
            " a bb  ccc d",
            " x",
            "  ",
            " abcdefgh ijklmnop  q",
            " 1 2 3 4 5 6 7 8 9 10 11",
        ] {
            let want: Vec<usize> = (1..text.len())
                .filter(|&i| text.as_bytes()[i - 1] == b' ' && text.as_bytes()[i] != b' ')
                .collect();
            assert_eq!(
                word_starts(text.as_bytes()).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
    }
}
