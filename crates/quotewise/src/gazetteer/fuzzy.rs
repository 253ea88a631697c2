//! Fuzzy matching of misspelled and transliterated names.
//!
//! Names and queries are compared through a *transliteration key*: the
//! folded name with common transliteration variants made one (`ph` → `f`,
//! `kh` → `h`, `ck` → `k`, `w` → `v`, `y` → `i`, a word-final `h` after a
//! vowel dropped) and doubled letters made single. `Rossiya 24` and
//! `Rosiah 24` share the key `rosia 24`; `Peskov` and `Peskow` share
//! `peskov`.
//!
//! Candidates come from a symmetric-deletion index (the SymSpell technique,
//! with its prefix restriction): every key is stored under each string
//! obtained by deleting up to [`MAX_DISTANCE`] chars from its first
//! first chars (9, or 7 for gazetteers of more than [`LONG_PREFIX_KEYS`]
//! keys, to bound memory); a query looks up its own deletions. Each candidate is
//! verified with a Damerau–Levenshtein distance (optimal string alignment)
//! bounded by the distance the query's length allows.
//!
//! Precision first: keys shorter than 4 chars are never fuzzy-matched;
//! 4-char keys only when their transliteration keys are equal; 5–8 chars
//! allow one edit, longer ones two. A name with an ending added or taken
//! away (`Russian` for `Russia`, `Peskova` for `Peskov`) is a derived word
//! or another person, never a fuzzy match. The score is
//! `1 - max(distance, 0.5) / longer length` (never 1.0, which is reserved
//! for exact matches); a tie between two entries is ambiguous.

use std::collections::HashMap;

use super::fold::{fold_key_into, is_word_char};
use super::matcher::{best_targets, keys_of, Target};
use super::{Found, Gazetteer, GazetteerEntry, GazetteerOptions, LinkMethod};

/// The most edits the index can find.
pub(crate) const MAX_DISTANCE: usize = 2;
/// How many leading chars of a key are indexed.
const PREFIX: usize = 9;
/// Above this many keys, only [`SHORT_PREFIX`] leading chars are indexed:
/// a third fewer deletions per key (a million aliases: 1.1 instead of
/// 1.6 GB) for somewhat slower lookups.
const LONG_PREFIX_KEYS: usize = 200_000;
/// The indexed prefix of big gazetteers.
const SHORT_PREFIX: usize = 7;
/// The most words a fuzzy mention spans.
const MAX_WORDS: usize = 4;

/// The transliteration key of a folded name.
pub(crate) fn skeleton(folded: &str) -> Vec<char> {
    let mut out = Vec::new();
    skeleton_into(folded, &mut Vec::new(), &mut out);
    out
}

/// [`skeleton`] into reused buffers.
fn skeleton_into(folded: &str, chars: &mut Vec<char>, mapped: &mut Vec<char>) {
    chars.clear();
    chars.extend(folded.chars());
    mapped.clear();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        let (out, used) = match (c, next) {
            ('p', Some('h')) => ('f', 2),
            ('k', Some('h')) => ('h', 2),
            ('c', Some('k')) => ('k', 2),
            ('w', _) => ('v', 1),
            ('y', _) => ('i', 1),
            ('h', n)
                if !n.is_some_and(char::is_alphanumeric)
                    && mapped.last().is_some_and(|&p| is_vowel(p)) =>
            {
                i += 1;
                continue;
            }
            _ => (c, 1),
        };
        if mapped.last() != Some(&out) || !out.is_alphabetic() {
            mapped.push(out);
        }
        i += used;
    }
}

/// A hit of a fuzzy lookup.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hit {
    /// The entries of the best key(s); several means ambiguous.
    pub(crate) entries: Vec<u32>,
    pub(crate) score: f32,
}

struct Key {
    skeleton: Box<[char]>,
    entries: Vec<u32>,
}

/// Bits of [`meta`] that record which chars a string has.
const SIG: u32 = 0x00FF_FFFF;

/// A string's length (top 8 bits) and which chars it has (one bit per
/// char, folded into 24 bits). One edit changes at most two of those bits,
/// so strings within distance `d` differ in at most `2 * d` of them: with
/// the length, a filter that needs no access to the key itself.
fn meta(s: &[char]) -> u32 {
    let sig = s.iter().fold(0, |sig, &c| sig | 1 << (c as u32 % 24));
    (s.len().min(255) as u32) << 24 | sig
}

/// Whether two strings with these [`meta`]s may be within distance `d`.
fn may_be_close(a: u32, b: u32, d: usize) -> bool {
    (a >> 24).abs_diff(b >> 24) as usize <= d && ((a ^ b) & SIG).count_ones() as usize <= 2 * d
}

/// Buffers reused across the lookups of one text.
#[derive(Default)]
pub(crate) struct Scratch {
    chars: Vec<char>,
    skeleton: Vec<char>,
    deleted: Vec<char>,
    hashes: Vec<u64>,
    candidates: Vec<u32>,
    rows: Vec<usize>,
}

/// The symmetric-deletion index over transliteration keys.
///
/// Laid out as a hash table without pointers: `directory` splits the
/// deletion hashes by their top bits into slots (about one entry per
/// slot), and `entries[directory[s]..directory[s + 1]]` holds the keys of
/// the deletions in slot `s`, each with its length and char signature
/// ([`meta`]) so that most are rejected without touching the key. A lookup
/// reads one small range per deletion; a million names take 8 bytes per
/// deletion plus the directory.
pub(crate) struct FuzzyIndex {
    keys: Vec<Key>,
    directory: Vec<u32>,
    /// `(meta of the key, key)`, grouped by slot.
    entries: Vec<(u32, u32)>,
    shift: u32,
    /// How many leading chars of each key are indexed.
    prefix: usize,
    /// A Bloom filter (one hash, 16 bits per deletion) over the deletion
    /// hashes: small enough to stay in cache, it answers most probes of
    /// words that are no name without touching `directory`.
    bloom: Vec<u64>,
}

impl FuzzyIndex {
    pub(crate) fn build(entries: &[GazetteerEntry], options: &GazetteerOptions) -> FuzzyIndex {
        let mut by_skeleton: HashMap<Vec<char>, Vec<Target>> = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            for (key, rule, _) in keys_of(entry, options) {
                let list = by_skeleton.entry(skeleton(&key)).or_default();
                list.push(Target {
                    entry: i as u32,
                    rule,
                });
            }
        }
        let mut keys: Vec<Key> = by_skeleton
            .into_iter()
            .map(|(skel, targets)| {
                let (_, mut list) = best_targets(&targets);
                list.sort_unstable();
                list.dedup();
                Key {
                    skeleton: skel.into_boxed_slice(),
                    entries: list,
                }
            })
            .collect();
        keys.sort_unstable_by(|a, b| a.skeleton.cmp(&b.skeleton));
        let prefix = if keys.len() > LONG_PREFIX_KEYS {
            SHORT_PREFIX
        } else {
            PREFIX
        };
        // The deletions of every key, generated twice (to count, then to
        // place) rather than stored and sorted: half the memory, no sort.
        let mut scratch = Vec::new();
        let mut deleted = Vec::new();
        let mut each = |f: &mut dyn FnMut(u64, u32), scratch: &mut Vec<u64>| {
            for (id, key) in keys.iter().enumerate() {
                scratch.clear();
                deletions(
                    &key.skeleton[..key.skeleton.len().min(prefix)],
                    MAX_DISTANCE,
                    &mut deleted,
                    scratch,
                );
                scratch.sort_unstable();
                scratch.dedup();
                for &h in scratch.iter() {
                    f(h, id as u32);
                }
            }
        };
        let mut total = 0usize;
        each(&mut |_, _| total += 1, &mut scratch);
        let bits = (usize::BITS - total.leading_zeros()).clamp(1, 32);
        let shift = 64 - bits;
        let slots = 1usize << bits;
        let mut directory = vec![0u32; slots + 1];
        each(
            &mut |h, _| directory[(h >> shift) as usize + 1] += 1,
            &mut scratch,
        );
        for s in 1..=slots {
            directory[s] += directory[s - 1];
        }
        let mut fill = directory.clone();
        let bloom_bits = (total * 16).next_power_of_two().max(64);
        let mut bloom = vec![0u64; bloom_bits / 64];
        let mut table = vec![(0u32, 0u32); total];
        each(
            &mut |h, id| {
                let slot = (h >> shift) as usize;
                table[fill[slot] as usize] = (meta(&keys[id as usize].skeleton), id);
                fill[slot] += 1;
                let bit = h as usize & (bloom_bits - 1);
                bloom[bit / 64] |= 1 << (bit % 64);
            },
            &mut scratch,
        );
        FuzzyIndex {
            keys,
            directory,
            entries: table,
            shift,
            prefix,
            bloom,
        }
    }

    /// The keys stored under deletion hash `h` that may be within `d` of
    /// a string with meta `q`.
    fn keys_under(&self, h: u64, q: u32, d: usize) -> impl Iterator<Item = u32> + '_ {
        let bit = h as usize & (self.bloom.len() * 64 - 1);
        let maybe = self.bloom[bit / 64] & (1 << (bit % 64)) != 0;
        let slot = (h >> self.shift) as usize;
        let range = if maybe {
            self.directory[slot] as usize..self.directory[slot + 1] as usize
        } else {
            0..0
        };
        self.entries[range]
            .iter()
            .filter(move |&&(m, _)| may_be_close(m, q, d))
            .map(|&(_, k)| k)
    }

    /// The best entries for a folded name, if any scores at least `threshold`.
    pub(crate) fn lookup(&self, folded: &str, threshold: f32) -> Option<Hit> {
        self.lookup_with(folded, threshold, &mut Scratch::default())
    }

    /// [`FuzzyIndex::lookup`] with reused buffers.
    pub(crate) fn lookup_with(
        &self,
        folded: &str,
        threshold: f32,
        scratch: &mut Scratch,
    ) -> Option<Hit> {
        let Scratch {
            chars,
            skeleton: q,
            deleted,
            hashes,
            candidates,
            rows,
        } = scratch;
        skeleton_into(folded, chars, q);
        let max_d = match q.len() {
            0..=3 => return None,
            4 => 0,
            5..=8 => 1,
            _ => MAX_DISTANCE,
        };
        hashes.clear();
        deletions(&q[..q.len().min(self.prefix)], max_d, deleted, hashes);
        hashes.sort_unstable();
        hashes.dedup();
        let q_meta = meta(q);
        candidates.clear();
        for &h in hashes.iter() {
            candidates.extend(self.keys_under(h, q_meta, max_d));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let q: &[char] = q;
        let mut best: Option<Hit> = None;
        for &k in candidates.iter() {
            let key = &self.keys[k as usize];
            let (a, b): (&[char], &[char]) = (q, &key.skeleton);
            if a.len().abs_diff(b.len()) > max_d
                || (a.len() != b.len() && (a.starts_with(b) || b.starts_with(a)))
            {
                // Too long or short, or the same name with an ending
                // (`Russian`, `Peskova`, `Putins`): a derived word or
                // another person, not a misspelling.
                continue;
            }
            let Some(d) = bounded_osa(q, &key.skeleton, max_d, rows) else {
                continue;
            };
            let longer = q.len().max(key.skeleton.len()) as f32;
            let score = 1.0 - (d as f32).max(0.5) / longer;
            if score < threshold {
                continue;
            }
            match &mut best {
                Some(b) if score < b.score => {}
                Some(b) if score == b.score => b.entries.extend(&key.entries),
                _ => {
                    best = Some(Hit {
                        entries: key.entries.clone(),
                        score,
                    })
                }
            }
        }
        best.map(|mut b| {
            b.entries.sort_unstable();
            b.entries.dedup();
            b
        })
    }
}

/// Pushes the hash of every string made by deleting up to `k` chars of `s`
/// (including `s` itself). Duplicates are left for the caller to remove.
fn deletions(s: &[char], k: usize, work: &mut Vec<char>, out: &mut Vec<u64>) {
    fn go(s: &mut Vec<char>, k: usize, from: usize, out: &mut Vec<u64>) {
        out.push(hash(s));
        if k == 0 {
            return;
        }
        for i in from..s.len() {
            let c = s.remove(i);
            go(s, k - 1, i, out);
            s.insert(i, c);
        }
    }
    work.clear();
    work.extend_from_slice(s);
    go(work, k, 0, out);
}

/// FNV-1a over chars: deterministic, fast for short strings; collisions
/// only add candidates, which the distance check removes.
fn hash(s: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in s {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The optimal-string-alignment (restricted Damerau–Levenshtein) distance
/// of `a` and `b`, or `None` if it exceeds `max`. `rows` is scratch space.
pub(crate) fn bounded_osa(
    a: &[char],
    b: &[char],
    max: usize,
    rows: &mut Vec<usize>,
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    let (mut prev2, mut prev, mut cur) = (0, w, 2 * w);
    for j in 0..w {
        rows[prev + j] = j;
    }
    for i in 1..=a.len() {
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let d = rows[prev + b.len()];
    (d <= max).then_some(d)
}

/// A word of the text: byte range, and whether it starts with a capital.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    capital: bool,
    digits: bool,
}

/// Adds fuzzy matches for runs of capitalised words that no exact match
/// covers, then sorts `found` by start. Of several entries, one named
/// exactly earlier in the text wins, as for variants.
pub(crate) fn find_in_text(g: &Gazetteer, text: &str, found: &mut Vec<Found>) {
    let exact_end = found.len();
    let mut covered = found.iter().map(|f| (f.start, f.end)).peekable();
    let mut run: Vec<Word> = Vec::new();
    let words = words(text);
    let mut added = Vec::new();
    let mut scratch = Scratch::default();
    let mut key_buf = Vec::new();
    for w in words {
        while covered.peek().is_some_and(|&(_, e)| e <= w.start) {
            covered.next();
        }
        let is_covered = covered.peek().is_some_and(|&(s, _)| s < w.end);
        let joins = !is_covered
            && (w.capital || (w.digits && !run.is_empty()))
            && run
                .last()
                .is_none_or(|p| single_space(&text[p.end..w.start]));
        if joins {
            run.push(w);
        } else {
            match_run(g, text, &run, &mut added, (&mut key_buf, &mut scratch));
            run.clear();
            if !is_covered && w.capital {
                run.push(w);
            }
        }
    }
    match_run(g, text, &run, &mut added, (&mut key_buf, &mut scratch));
    if !added.is_empty() {
        let exact: Vec<Found> = found[..exact_end].to_vec();
        let seen: std::collections::HashSet<u32> = exact
            .iter()
            .filter(|f| f.method == LinkMethod::Exact)
            .filter_map(|f| f.entry)
            .collect();
        for mut f in added {
            if f.entry.is_none() {
                let earlier: Vec<u32> = f
                    .candidates
                    .iter()
                    .copied()
                    .filter(|c| {
                        seen.contains(c)
                            && exact
                                .iter()
                                .any(|e| e.entry == Some(*c) && e.start < f.start)
                    })
                    .collect();
                if earlier.len() == 1 {
                    f.entry = Some(earlier[0]);
                    f.candidates.clear();
                }
            }
            found.push(f);
        }
        found.sort_by_key(|f| f.start);
    }
}

fn single_space(gap: &str) -> bool {
    let mut chars = gap.chars();
    chars.next().is_some_and(char::is_whitespace) && chars.next().is_none()
}

fn match_run(
    g: &Gazetteer,
    text: &str,
    run: &[Word],
    added: &mut Vec<Found>,
    (key_buf, scratch): (&mut Vec<u8>, &mut Scratch),
) {
    let mut i = 0;
    while i < run.len() {
        if !run[i].capital {
            i += 1;
            continue;
        }
        let mut next = i + 1;
        for j in (i + 1..=run.len().min(i + MAX_WORDS)).rev() {
            let (start, end) = (run[i].start, run[j - 1].end);
            fold_key_into(&text[start..end], key_buf);
            let key = std::str::from_utf8(key_buf).expect("folding writes whole chars");
            if g.patterns.targets_of_key(key).is_some() {
                // An exact name the exact stage turned down (`K. Putin`,
                // `long`): not a misspelling.
                continue;
            }
            if let Some(hit) = g
                .fuzzy_index()
                .lookup_with(key, g.options.fuzzy_threshold, scratch)
            {
                let single = hit.entries.len() == 1;
                added.push(Found {
                    start,
                    end,
                    entry: single.then(|| hit.entries[0]),
                    candidates: if single { Vec::new() } else { hit.entries },
                    method: LinkMethod::Fuzzy,
                    score: hit.score,
                });
                next = j;
                break;
            }
        }
        i = next;
    }
}

/// The words of `text` (runs of letters, digits and marks).
fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break (i, c);
            }
        };
        let mut end = start + first.len_utf8();
        let mut digits = first.is_ascii_digit();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            digits &= c.is_ascii_digit();
            end = i + c.len_utf8();
            chars.next();
        }
        Some(Word {
            start,
            end,
            capital: first.is_uppercase(),
            digits,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn transliteration_keys() {
        assert_eq!(skeleton("rossiya 24"), chars("rosia 24"));
        assert_eq!(skeleton("rosiah 24"), chars("rosia 24"));
        assert_eq!(skeleton("peskow"), skeleton("peskov"));
        assert_eq!(skeleton("mikhail"), chars("mihail"));
        assert_eq!(skeleton("philippe"), chars("filipe"));
        assert_eq!(skeleton("allah"), chars("ala"));
        assert_eq!(skeleton("hanna"), chars("hana"));
    }

    #[test]
    fn osa_distance_is_bounded() {
        let mut rows = Vec::new();
        let d = |a: &str, b: &str, max| bounded_osa(&chars(a), &chars(b), max, &mut Vec::new());
        assert_eq!(d("peskov", "peskov", 2), Some(0));
        assert_eq!(
            d("peskov", "pesokv", 2),
            Some(1),
            "transposition is one edit"
        );
        assert_eq!(d("peskov", "pskv", 2), Some(2));
        assert_eq!(d("peskov", "pskv", 1), None);
        assert_eq!(d("biden", "putin", 2), None);
        assert_eq!(bounded_osa(&chars(""), &chars("ab"), 2, &mut rows), Some(2));
    }

    #[test]
    fn deletions_include_the_string_and_each_single_delete() {
        let mut out = Vec::new();
        deletions(&chars("abc"), 1, &mut Vec::new(), &mut out);
        out.sort_unstable();
        out.dedup();
        let mut want: Vec<u64> = ["abc", "bc", "ac", "ab"]
            .iter()
            .map(|s| hash(&chars(s)))
            .collect();
        want.sort_unstable();
        assert_eq!(out, want);
    }
}
