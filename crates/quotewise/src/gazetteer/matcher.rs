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

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// Bits of the four-byte prefix filter (128 KiB).
const FILTER_BITS: usize = 1 << 20;

use super::fold::{fold_key, fold_key_onto, Folded};
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
    /// Every folded key, searched anchored only; pattern ids are the
    /// keys' ranks in sorted order.
    ac: AhoCorasick,
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

/// The names an entry is matched by, as written, and why: its name, its
/// aliases and, for persons with variants on, their surnames.
fn key_sources<'e>(
    entry: &'e GazetteerEntry,
    options: &GazetteerOptions,
) -> impl Iterator<Item = (&'e str, Rule)> + 'e {
    let names = std::iter::once((entry.name.as_str(), Rule::Name))
        .chain(entry.aliases.iter().map(|a| (a.as_str(), Rule::Alias)));
    let surnames = (options.variants && entry.kind == EntityKind::Person).then(|| {
        names
            .clone()
            .filter_map(|(n, _)| Some((variants::surname(n)?, Rule::Surname)))
    });
    names.chain(surnames.into_iter().flatten())
}

/// Whether a name is written with a capital.
fn has_capital(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// The keys (folded, space-joined) every entry is matched by, why, and
/// whether the name has a capital.
pub(crate) fn keys_of(
    entry: &GazetteerEntry,
    options: &GazetteerOptions,
) -> Vec<(String, Rule, bool)> {
    key_sources(entry, options)
        .map(|(s, rule)| (fold_key(s), rule, has_capital(s)))
        .collect()
}

/// One key of one entry, folded into a shared buffer.
#[derive(Clone, Copy)]
struct Key {
    /// The first sixteen bytes, big-endian and zero-padded: compared
    /// first, they order most pairs of keys (even `vladimir putin` and
    /// `vladimir peskov`) without reading the buffer.
    head: u128,
    start: u32,
    end: u32,
    /// `entry << 2 | rule`: after the key, keys sort by entry, then rule.
    entry_rule: u32,
    capital: bool,
}

impl Key {
    fn bytes<'b>(&self, buf: &'b [u8]) -> &'b [u8] {
        &buf[self.start as usize..self.end as usize]
    }

    fn entry(&self) -> u32 {
        self.entry_rule >> 2
    }

    fn rule(&self) -> Rule {
        match self.entry_rule & 3 {
            0 => Rule::Name,
            1 => Rule::Alias,
            _ => Rule::Surname,
        }
    }
}

/// Every key of every entry, folded into one buffer; `None` when there
/// are more than 2³⁰ entries or 4 GiB of keys.
fn fold_keys(
    entries: &[GazetteerEntry],
    options: &GazetteerOptions,
) -> Option<(Vec<u8>, Vec<Key>)> {
    if entries.len() >= 1 << 30 {
        return None;
    }
    let mut buf: Vec<u8> = Vec::new();
    let mut keys: Vec<Key> = Vec::with_capacity(entries.len() * 2);
    for (i, entry) in entries.iter().enumerate() {
        for (name, rule) in key_sources(entry, options) {
            let start = buf.len();
            fold_key_onto(name, &mut buf);
            let mut head = [0u8; 16];
            let n = (buf.len() - start).min(16);
            head[..n].copy_from_slice(&buf[start..start + n]);
            keys.push(Key {
                head: u128::from_be_bytes(head),
                start: u32::try_from(start).ok()?,
                end: u32::try_from(buf.len()).ok()?,
                entry_rule: (i as u32) << 2 | rule as u32,
                capital: has_capital(name),
            });
        }
    }
    Some((buf, keys))
}

impl Patterns {
    pub(crate) fn build(
        entries: &[GazetteerEntry],
        options: &GazetteerOptions,
    ) -> Result<Patterns, Error> {
        let too_big = |why: &dyn std::fmt::Display| {
            Error::new(
                ErrorKind::Config,
                format!("cannot compile the gazetteer: {why}"),
            )
        };
        let (buf, mut keys) = fold_keys(entries, options).ok_or_else(|| {
            too_big(&"too big; expected at most 2^30 entries and 4 GiB of folded names")
        })?;
        // Sorted by key, entry and rule: equal keys become one pattern,
        // numbered in key order (the automaton is built several times
        // faster from sorted keys: the states it touches are still in
        // cache), and its targets come out in entry order, each entry
        // once, with its best rule first.
        keys.sort_unstable_by(|a, b| {
            a.head
                .cmp(&b.head)
                .then_with(|| a.bytes(&buf).cmp(b.bytes(&buf)))
                .then(a.entry_rule.cmp(&b.entry_rule))
        });
        let mut unique: Vec<&[u8]> = Vec::with_capacity(keys.len());
        let mut capital: Vec<bool> = Vec::with_capacity(keys.len());
        let mut offsets: Vec<u32> = Vec::with_capacity(keys.len() + 1);
        let mut targets: Vec<Target> = Vec::with_capacity(keys.len());
        for k in &keys {
            let bytes = k.bytes(&buf);
            if unique.last() != Some(&bytes) {
                unique.push(bytes);
                capital.push(k.capital);
                offsets.push(targets.len() as u32);
            } else {
                // Needs a capital only if every name behind it has one.
                *capital.last_mut().expect("pushed") &= k.capital;
                if targets.last().map(|t| t.entry) == Some(k.entry()) {
                    continue;
                }
            }
            targets.push(Target {
                entry: k.entry(),
                rule: k.rule(),
            });
        }
        drop(keys);
        offsets.push(targets.len() as u32);
        let mut prefix4 = vec![0u64; FILTER_BITS / 64];
        let mut short = vec![false; 1 << 16];
        for b in &unique {
            if b.len() >= 3 {
                let h = pattern_key4(b);
                prefix4[h / 64] |= 1 << (h % 64);
            } else {
                short[key2(b)] = true;
            }
        }
        // Contiguous NFA: on the bench's 1,000,000 aliases it builds as
        // fast as a noncontiguous one (most of either is the failure
        // transitions, which the crate computes even for anchored-only
        // automata), searches as fast, and keeps 85 MB rather than 192.
        // Anchored only, so no prefilter and no unanchored start state.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(&unique)
            .map_err(|e| too_big(&e))?;
        drop(unique);
        drop(buf);
        targets.shrink_to_fit();
        Ok(Patterns {
            ac,
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
        // Anchored at the key's start, the longest pattern that fits in the
        // key is the key itself if it is a pattern at all.
        let input = Input::new(key).anchored(Anchored::Yes);
        let m = self.ac.find(input)?;
        (m.end() == key.len()).then(|| self.targets(m.pattern().as_u32()))
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

    /// Whole-word, leftmost-longest, non-overlapping matches of `keys` in
    /// the folded `text`, the slow and obvious way: `(start, end, key)` in
    /// original offsets.
    fn naive(keys: &[String], text: &str) -> Vec<(usize, usize, String)> {
        let folded = Folded::new(text);
        let hay = folded.as_bytes();
        let mut out = Vec::new();
        let mut start = 1;
        while start < hay.len() {
            if hay[start - 1] != b' ' || hay[start] == b' ' {
                start += 1;
                continue;
            }
            let longest = keys
                .iter()
                .filter(|k| !k.is_empty() && hay[start..].starts_with(k.as_bytes()))
                .filter(|k| hay.get(start + k.len()).is_none_or(|&b| b == b' '))
                .max_by_key(|k| k.len());
            match longest {
                Some(k) => {
                    let end = start + k.len();
                    out.push((folded.original(start), folded.original(end), k.clone()));
                    start = end;
                }
                None => start += 1,
            }
        }
        out
    }

    #[test]
    fn matches_agree_with_a_naive_search() {
        // Few letters, so that names share prefixes, nest and overlap.
        const PIECES: &[&str] = &["a", "b", "ab", "é", "ba", " ", " ", ",", "-", "’s "];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let options = GazetteerOptions {
            variants: false,
            require_capital: false,
            fuzzy: false,
            ..GazetteerOptions::default()
        };
        for round in 0..300 {
            let mut random = |pieces: usize| -> String {
                (0..1 + next(pieces))
                    .map(|_| PIECES[next(PIECES.len())])
                    .collect()
            };
            let entries: Vec<GazetteerEntry> = (0..1 + round % 20)
                .map(|i| GazetteerEntry::new(i.to_string(), random(4), EntityKind::Other))
                .filter(|e| e.check().is_ok())
                .collect();
            let text = random(40);
            let patterns = Patterns::build(&entries, &options).expect("small");
            let keys: Vec<String> = entries.iter().map(|e| fold_key(&e.name)).collect();
            let got: Vec<(usize, usize, Vec<u32>)> = patterns
                .find(&Folded::new(&text), &text, false)
                .into_iter()
                .map(|m| (m.start, m.end, m.targets.iter().map(|t| t.entry).collect()))
                .collect();
            let want: Vec<(usize, usize, Vec<u32>)> = naive(&keys, &text)
                .into_iter()
                .map(|(start, end, key)| {
                    let entries = (0..keys.len() as u32)
                        .filter(|&e| keys[e as usize] == key)
                        .collect();
                    (start, end, entries)
                })
                .collect();
            assert_eq!(got, want, "names {keys:?} in {text:?}");
            for (e, key) in keys.iter().enumerate() {
                let targets = patterns
                    .targets_of_key(key)
                    .expect("every key is a pattern");
                assert!(targets.iter().any(|t| t.entry == e as u32));
                // A key's prefixes and extensions are patterns only if
                // they are keys themselves.
                let extended = format!("{key}a");
                let prefixes = (0..key.len()).filter_map(|n| key.get(..n));
                for other in prefixes.chain([extended.as_str()]) {
                    assert_eq!(
                        patterns.targets_of_key(other).is_some(),
                        keys.iter().any(|k| k == other),
                        "{other:?} of names {keys:?}"
                    );
                }
            }
        }
    }
}
