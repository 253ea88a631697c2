//! Word lists compiled into the crate (`data/*.txt`) and parsed once.
//!
//! The reporting verbs were chosen from the cue words of the PolNeAR training
//! annotations and the usual English verbs of saying; titles, roles and
//! nationalities from the sources annotated there.

use std::sync::LazyLock;

// The lexicons are probed for nearly every token: FxHash is several times
// faster than SipHash on short keys, and the keys are our own data.
use crate::model::{EntityKind, Gender};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What a reporting verb can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbInfo {
    /// The lemma (`say` for `said`).
    pub lemma: &'static str,
    /// A verb of saying (`said`, `added`), which can tag a direct quote;
    /// otherwise a verb of thinking or stance (`believes`, `wants`).
    pub speech: bool,
    /// Takes a bare clause (`said the plan failed`), not only `that …`.
    pub bare: bool,
    /// The particle that must follow (`point out`), if any.
    pub particle: Option<&'static str>,
    /// The form is an `-ing` participle (`saying`).
    pub gerund: bool,
}

/// Every reporting verb form, lower case.
pub(crate) static VERBS: LazyLock<HashMap<&'static str, VerbInfo>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../lang/en/reporting_verbs.txt")) {
        let mut cols = line.split('\t');
        let class = cols.next().unwrap_or_default();
        let forms = cols.next().unwrap_or_default();
        let particle = cols.next().and_then(|p| p.strip_prefix('+'));
        let info = VerbInfo {
            lemma: forms.split(' ').next().unwrap_or_default(),
            speech: class.starts_with('s'),
            bare: class.ends_with('*'),
            particle,
            gerund: false,
        };
        for form in forms.split(' ') {
            let info = VerbInfo {
                gerund: form.ends_with("ing"),
                ..info
            };
            // A speech reading wins over a cognition one for shared forms.
            map.entry(form)
                .and_modify(|old: &mut VerbInfo| {
                    old.speech |= info.speech;
                    old.bare |= info.bare;
                })
                .or_insert(info);
        }
    }
    map
});

/// `(lemma, preposition)` pairs whose prepositional object is reported
/// (`called for a ban`, `railed against the deal`).
static PREPOSITIONAL_CUES: LazyLock<HashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    data_lines(include_str!("../lang/en/prepositional_cues.txt"))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// Does the reporting verb `lemma` report the object of `preposition`?
pub(crate) fn reports_object_of(lemma: &str, preposition: &str) -> bool {
    PREPOSITIONAL_CUES.contains(&(lemma, preposition))
}

/// Titles before a person's name, with the gender they show.
pub(crate) static TITLES: LazyLock<HashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
    data_lines(include_str!("../lang/en/titles.txt"))
        .map(|line| {
            let mut cols = line.split('\t');
            let title = cols.next().unwrap_or_default();
            let gender = match cols.next() {
                Some("male") => Some(Gender::Male),
                Some("female") => Some(Gender::Female),
                _ => None,
            };
            (title, gender)
        })
        .collect()
});

/// A role noun's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RoleInfo {
    /// The singular form.
    pub singular: &'static str,
    /// The role is held by an organisation (`campaign`, `ministry`).
    pub org: bool,
    /// The form is plural.
    pub plural: bool,
}

/// Role nouns (singular and plural forms), lower case.
pub(crate) static ROLES: LazyLock<HashMap<&'static str, RoleInfo>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../lang/en/roles.txt")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let org = cols.get(2) == Some(&"org");
        let singular = cols[0];
        map.insert(
            singular,
            RoleInfo {
                singular,
                org,
                plural: false,
            },
        );
        if let Some(plural) = cols.get(1) {
            map.insert(
                *plural,
                RoleInfo {
                    singular,
                    org,
                    plural: true,
                },
            );
        }
        // Capitalised forms too ("Spokesman", "Officials"), so words in
        // names are looked up without lower-casing.
        for (form, plural) in [(Some(singular), false), (cols.get(1).copied(), true)] {
            if let Some(form) = form {
                let cap: &'static str = Box::leak(capitalized(form).into_boxed_str());
                map.insert(
                    cap,
                    RoleInfo {
                        singular,
                        org,
                        plural,
                    },
                );
            }
        }
    }
    map
});

/// Nationality adjectives, mapped to the place they name.
pub(crate) static NATIONALITIES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        data_lines(include_str!("../lang/en/nationalities.txt"))
            .filter_map(|line| line.split_once('\t'))
            .collect()
    });

/// The places nationalities name (`Russia`), as names are written.
pub(crate) static PLACES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NATIONALITIES.values().copied().collect());

/// The titles in lower case (`president`, `mr.`), as descriptors are kept.
pub(crate) static LOWER_TITLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| TITLES.keys().map(|k| k.to_lowercase()).collect());

/// Words that make a name an organisation (or a media outlet).
pub(crate) static ORG_WORDS: LazyLock<HashMap<&'static str, EntityKind>> = LazyLock::new(|| {
    data_lines(include_str!("../lang/en/org_words.txt"))
        .map(|line| match line.split_once('\t') {
            Some((word, "media")) => (word, EntityKind::Media),
            _ => (line, EntityKind::Organisation),
        })
        .collect()
});

/// First names with the share of US births given them that were boys
/// (`lang/en/first_names.tsv`; its header says where the counts come from).
static FIRST_NAMES: LazyLock<HashMap<&'static str, f32>> = LazyLock::new(|| {
    data_lines(include_str!("../lang/en/first_names.tsv"))
        .filter_map(|line| {
            let (name, share) = line.split_once('\t')?;
            Some((name, share.parse().ok()?))
        })
        .collect()
});

/// The gender a first name shows: male when at least 90% of those given it
/// were boys, female when at most 10% were; `None` for names given to both
/// (`Jordan`, `Taylor`) and names the table does not hold.
pub(crate) fn first_name_gender(name: &str) -> Option<Gender> {
    match *FIRST_NAMES.get(name)? {
        s if s >= 0.9 => Some(Gender::Male),
        s if s <= 0.1 => Some(Gender::Female),
        _ => None,
    }
}

/// Capitalised words that never start or join a name.
pub(crate) static NOT_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../lang/en/not_names.txt")).collect());

/// What the word lists say about one word form, as bits. [`flags`] looks a
/// word up once; the text model keeps the result for every token, so the
/// parsers test bits instead of probing lists again and again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// A reporting-verb form ([`VERBS`]), exactly as written.
    pub const VERB: Flags = Flags(1);
    /// A title ([`TITLES`]).
    pub const TITLE: Flags = Flags(1 << 1);
    /// A role noun ([`ROLES`]).
    pub const ROLE: Flags = Flags(1 << 2);
    /// A nationality ([`NATIONALITIES`]).
    pub const NATIONALITY: Flags = Flags(1 << 3);
    /// An organisation word ([`ORG_WORDS`]).
    pub const ORG_WORD: Flags = Flags(1 << 4);
    /// A capitalised word that is never a name ([`NOT_NAMES`]).
    pub const NOT_NAME: Flags = Flags(1 << 5);
    /// A lower-case modifier inside a description (`former`, `senior`).
    pub const MODIFIER: Flags = Flags(1 << 6);
    /// A determiner or quantifier before a description (`the`, `several`).
    pub const DETERMINER: Flags = Flags(1 << 7);
    /// A lower-case word inside a name (`bin`, `van`, `of`).
    pub const CONNECTOR: Flags = Flags(1 << 8);
    /// An adverb or auxiliary between a subject and its verb (`also`, `has`).
    pub const ADVERB_AUX: Flags = Flags(1 << 9);
    /// The first character is upper case.
    pub const UPPER: Flags = Flags(1 << 10);
    /// The first character is lower case.
    pub const LOWER: Flags = Flags(1 << 11);
    /// Ends with a possessive (`Putin’s`, `Sanders’`).
    pub const POSSESSIVE: Flags = Flags(1 << 12);
    /// ASCII digits only.
    pub const DIGITS: Flags = Flags(1 << 13);
    /// Capitalised and not a non-name, with or without its possessive: a
    /// word that can be part of a name.
    pub const NAME_WORD: Flags = Flags(1 << 14);

    /// Does `self` have any of the bits of `other`?
    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

/// The word of `n < 16` bytes at `bytes[start..]`, packed with its length
/// into two integers (little-endian bytes, zero-padded; the length in the
/// top byte), so a lookup hashes and compares numbers instead of calling
/// memcmp on strings scattered over the heap.
///
/// Inside a text the 16 bytes from `start` are loaded at once and the word
/// masked out of them: no branch on the word's length, which is as
/// unpredictable as the words are.
#[inline]
pub(crate) fn pack_at(bytes: &[u8], start: usize, n: usize) -> Key {
    debug_assert!(n < 16 && start + n <= bytes.len());
    let v = match bytes.get(start..start + 16) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().expect("16 bytes")),
        None => {
            let tail = &bytes[start..];
            let mut buf = [0; 16];
            buf[..tail.len()].copy_from_slice(tail);
            u128::from_le_bytes(buf)
        }
    };
    let v = v & ((1 << (8 * n)) - 1);
    (v as u64, (v >> 64) as u64 | (n as u64) << 56)
}

/// [`pack_at`] for a whole word; `None` from 16 bytes on.
fn pack(word: &str) -> Option<Key> {
    (word.len() < 16).then(|| pack_at(word.as_bytes(), 0, word.len()))
}

/// The words of the lists, up to 15 bytes, in a table built so that every
/// key has a slot of its own ("hash and displace"): a key's hash picks a
/// bucket, the bucket's displacement picks the slot. A lookup is then two
/// loads and a compare, with no branch on whether the word is listed:
/// most words are not, and a probe loop that stops on a miss mispredicts
/// on nearly every word.
struct WordTable {
    /// Per bucket, the displacement its keys were placed with.
    displacement: Box<[u16; BUCKETS]>,
    /// Per slot, a key and its flags; empty slots hold the key `(0, 0)`,
    /// which only the empty word packs to (and it has no flags).
    slots: Box<[(Key, Flags); SLOTS]>,
}

/// A packed word (see [`pack_at`]).
pub(crate) type Key = (u64, u64);

const BUCKETS: usize = 1 << 10;
const SLOTS: usize = 1 << 12;

impl WordTable {
    /// The 64-bit hash of a packed key (a folded multiply, as in foldhash).
    #[inline]
    fn hash((lo, hi): Key) -> u64 {
        let m = u128::from(lo ^ 0x243F_6A88_85A3_08D3) * u128::from(hi ^ 0x1319_8A2E_0370_7344);
        (m as u64) ^ (m >> 64) as u64
    }

    #[inline]
    fn bucket(h: u64) -> usize {
        (h >> (64 - BUCKETS.trailing_zeros())) as usize
    }

    #[inline]
    fn slot(h: u64, displacement: u16) -> usize {
        let x = (h ^ u64::from(displacement).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (x >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// Places `entries` (distinct keys). Buckets are placed largest first,
    /// each with the first displacement that puts all its keys in free
    /// slots.
    fn build(entries: &HashMap<Key, Flags>) -> WordTable {
        assert!(
            entries.len() <= SLOTS * 3 / 4,
            "the word table is too small"
        );
        let mut buckets: Vec<Vec<(Key, Flags, u64)>> = vec![Vec::new(); BUCKETS];
        for (&key, &f) in entries {
            let h = WordTable::hash(key);
            buckets[WordTable::bucket(h)].push((key, f, h));
        }
        let mut order: Vec<usize> = (0..BUCKETS).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut table = WordTable {
            displacement: Box::new([0; BUCKETS]),
            slots: Box::new([((0, 0), Flags::default()); SLOTS]),
        };
        let mut taken = vec![false; SLOTS];
        for b in order {
            let keys = &buckets[b];
            if keys.is_empty() {
                break;
            }
            let d = (0..=u16::MAX)
                .find(|&d| {
                    let mut slots: Vec<usize> =
                        keys.iter().map(|k| WordTable::slot(k.2, d)).collect();
                    slots.sort_unstable();
                    slots.dedup();
                    slots.len() == keys.len() && slots.iter().all(|&s| !taken[s])
                })
                .expect("a displacement places every bucket of the word lists");
            table.displacement[b] = d;
            for &(key, f, h) in keys {
                let s = WordTable::slot(h, d);
                taken[s] = true;
                table.slots[s] = (key, f);
            }
        }
        table
    }

    /// The flags of a packed key (none if it is not listed).
    #[inline]
    fn get(&self, key: Key) -> Flags {
        let h = WordTable::hash(key);
        let (k, f) = self.slots[WordTable::slot(h, self.displacement[WordTable::bucket(h)])];
        // A select, not a branch: the answer is as unpredictable as the text.
        let same = (k.0 ^ key.0) | (k.1 ^ key.1) == 0;
        std::hint::select_unpredictable(same, f, Flags::default())
    }
}

/// Every listed word form with its list bits: short words in a
/// [`WordTable`], the few longer ones by string.
struct WordFlags {
    short: WordTable,
    long: HashMap<&'static str, Flags>,
}

static WORD_FLAGS: LazyLock<WordFlags> = LazyLock::new(|| {
    let mut short = HashMap::default();
    let mut long = HashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, f: Flags| {
        for w in words {
            match pack(w) {
                Some(key) => *short.entry(key).or_default() |= f,
                None => *long.entry(w).or_default() |= f,
            }
        }
    };
    add(&mut VERBS.keys().copied(), Flags::VERB);
    add(&mut TITLES.keys().copied(), Flags::TITLE);
    add(&mut ROLES.keys().copied(), Flags::ROLE);
    add(&mut NATIONALITIES.keys().copied(), Flags::NATIONALITY);
    add(&mut ORG_WORDS.keys().copied(), Flags::ORG_WORD);
    add(&mut NOT_NAMES.iter().copied(), Flags::NOT_NAME);
    add(&mut MODIFIERS.iter().copied(), Flags::MODIFIER);
    add(&mut DETERMINERS.iter().copied(), Flags::DETERMINER);
    add(&mut CONNECTORS.iter().copied(), Flags::CONNECTOR);
    add(&mut ADVERBS_AUX.iter().copied(), Flags::ADVERB_AUX);
    WordFlags {
        short: WordTable::build(&short),
        long,
    }
});

/// The list bits of a word packed by [`pack_at`] (of up to 15 bytes).
pub(crate) fn listed_key(key: Key) -> Flags {
    WORD_FLAGS.short.get(key)
}

/// The [`Flags`] of `word`: its lists, the case of its first letter, and
/// the suffix rules (`-ial`/`-ican` modifiers, `-ly` adverbs).
#[cfg(test)]
pub(crate) fn flags(word: &str) -> Flags {
    flags_at(word, 0..word.len())
}

/// The [`Flags`] of the word at `range` of `text`.
pub(crate) fn flags_at(text: &str, range: std::ops::Range<usize>) -> Flags {
    let lists = &*WORD_FLAGS;
    let n = range.len();
    let word = &text[range.clone()];
    let mut f = if n < 16 {
        lists.short.get(pack_at(text.as_bytes(), range.start, n))
    } else {
        lists.long.get(word).copied().unwrap_or_default()
    };
    if n == 0 {
        return f;
    }
    // The rules below read the word's first byte and last four bytes, and
    // combine their tests with `&` and `|` rather than `&&` and branches:
    // case, suffixes and possessives vary from word to word unpredictably.
    // Each suffix test also requires the word to be that long, so the
    // bytes before a short word never count.
    let bytes = text.as_bytes();
    let first = bytes[range.start];
    let tail = match range.end.checked_sub(4) {
        Some(from) => u32::from_le_bytes(bytes[from..range.end].try_into().expect("4 bytes")),
        None => {
            let mut buf = [0; 4];
            buf[4 - range.end..].copy_from_slice(&bytes[..range.end]);
            u32::from_le_bytes(buf)
        }
    };
    let ends = |suffix: &[u8]| {
        let k = suffix.len();
        let want = suffix
            .iter()
            .rev()
            .fold(0u32, |acc, &x| acc << 8 | u32::from(x));
        (n >= k) & (tail >> (8 * (4 - k)) == want)
    };
    let last = (tail >> 24) as u8;
    if first < 0x80 {
        f.0 |= CASE[first as usize];
        if first.is_ascii_digit() && word.bytes().all(|b| b.is_ascii_digit()) {
            f |= Flags::DIGITS;
        }
    } else {
        match word.chars().next() {
            Some(c) if c.is_uppercase() => f |= Flags::UPPER,
            Some(c) if c.is_lowercase() => f |= Flags::LOWER,
            _ => {}
        }
    }
    if ends(b"ial") | ends(b"ican") {
        f |= Flags::MODIFIER;
    }
    let ends_ly = ends(b"ly");
    // Lower-case `-ly` words are adverbs, but for a few nouns; a
    // capitalised one is a name (`Kelly said`).
    if ends_ly
        && n > 4
        && first.is_ascii_lowercase()
        && word.is_ascii()
        && !LY_NOUNS.contains(&word)
    {
        f |= Flags::ADVERB_AUX;
    }
    // Possessives: what crate::mentions::strip_possessive strips (`’s`,
    // `'s`, `’S`, `'S`, `’`, `'`, leaving a non-empty stem).
    let s_end = last | 0x20 == b's';
    let strip = 4 * usize::from(s_end & (n > 4) & (tail & 0x00FF_FFFF == 0x0099_80E2))
        + 2 * usize::from(s_end & (n > 2) & (tail >> 16 & 0xFF == u32::from(b'\'')))
        + 3 * usize::from((n > 3) & (tail >> 8 == 0x0099_80E2))
        + usize::from((n > 1) & (last == b'\''));
    let stem_not_name = strip != 0 && {
        f |= Flags::POSSESSIVE;
        NOT_NAMES.contains(&word[..n - strip])
    };
    // A long capitalised `-ly` word opens a sentence as an adverb
    // (`Basically, …`, `Unfortunately`); names that long are few.
    let adverb =
        ends_ly && n >= 8 && !matches!(word, "Kimberly" | "Connolly" | "Donnelly" | "Kennelly");
    let name = f.has(Flags::UPPER) & !f.has(Flags::NOT_NAME) & !stem_not_name & !adverb;
    f.0 |= u32::from(name) * Flags::NAME_WORD.0;
    f
}

/// The case bits of an ASCII first byte.
static CASE: [u32; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            Flags::UPPER.0
        } else if c.is_ascii_lowercase() {
            Flags::LOWER.0
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Nouns ending in `-ly`, which the adverb suffix rule must not take.
const LY_NOUNS: &[&str] = &[
    "family", "rally", "ally", "reply", "supply", "assembly", "anomaly", "monopoly", "bully",
    "belly", "jelly", "folly", "lily", "tally", "gully",
];

/// Lower-case words inside names (`Osama bin Laden`, `Bank of America`).
const CONNECTORS: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "del", "di", "la", "le",
    "of", "y",
];

/// Determiners and quantifiers that open a description.
const DETERMINERS: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "another", "Another", "one", "One", "two", "Two", "three",
    "several", "Several", "some", "Some", "many", "Many", "other", "Other", "his", "His", "her",
    "Her", "their", "Their", "its", "Its", "this", "This", "that", "these", "those", "both",
    "Both", "most", "Most", "top", "Top",
];

/// Lower-case modifiers that may stand inside a description or title phrase
/// (besides the `-ial` and `-ican` adjectives).
const MODIFIERS: &[&str] = &[
    "former",
    "senior",
    "top",
    "chief",
    "deputy",
    "vice",
    "press",
    "foreign",
    "prime",
    "state",
    "defense",
    "defence",
    "national",
    "security",
    "presidential",
    "vice-presidential",
    "campaign",
    "communications",
    "political",
    "longtime",
    "local",
    "federal",
    "government",
    "military",
    "white",
    "house",
    "party",
    "police",
    "health",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "independent",
    "anonymous",
    "unnamed",
    "administration",
    "intelligence",
    "justice",
    "department",
    "ministry",
    "finance",
    "economic",
    "trade",
    "public",
    "election",
    "then",
    "current",
    "new",
    "outgoing",
    "incoming",
    "acting",
    "interim",
    "general",
    "majority",
    "minority",
    "senate",
    "congressional",
    "leading",
    "key",
    "close",
    "high-ranking",
    "veteran",
    "retired",
    "democrat",
    "gop",
    "u.s.",
    "american",
    "european",
    "western",
    "russian",
    "presumptive",
    "likely",
    "possible",
    "potential",
    "rival",
    "fellow",
    "two",
    "three",
    "several",
    "many",
    "some",
    "other",
    "kremlin",
    "county",
    "city",
    "regional",
    "legal",
    "spokesman",
    "spokeswoman",
];

/// Words between a subject and its verb: `Putin also said`, `he has said`
/// (besides `-ly` adverbs).
const ADVERBS_AUX: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "once",
    "again",
    "further",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "often",
    "even",
    "still",
    "just",
    "only",
    "since",
    "already",
    "now",
    "first",
    "recently",
    "himself",
    "herself",
    "themselves",
    "quickly",
    "reportedly",
    "allegedly",
    "repeatedly",
    "simply",
    "flatly",
    "bluntly",
    "publicly",
    "privately",
    "openly",
    "explicitly",
    "too",
    "last",
    "here",
    "there",
    "ultimately",
    "eventually",
    "finally",
    "always",
    "frequently",
    "has,",
    "can",
    "should",
    "must",
    "apparently",
    "actually",
    "essentially",
];

/// `word` with its first letter upper-cased (`russian` → `Russian`).
pub(crate) fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Lines of a data file without comments and blank lines.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The pronouns that can be a speaker, with their gender and number.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "He" => Pronoun {
            gender: Some(Gender::Male),
            plural: false,
            person: 3,
        },
        "she" | "She" => Pronoun {
            gender: Some(Gender::Female),
            plural: false,
            person: 3,
        },
        "they" | "They" => Pronoun {
            gender: None,
            plural: true,
            person: 3,
        },
        "it" | "It" => Pronoun {
            gender: None,
            plural: false,
            person: 0,
        },
        "I" => Pronoun {
            gender: None,
            plural: false,
            person: 1,
        },
        "we" | "We" => Pronoun {
            gender: None,
            plural: true,
            person: 1,
        },
        _ => return None,
    })
}

/// A pronoun's features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pronoun {
    /// He or she.
    pub gender: Option<Gender>,
    /// They or we.
    pub plural: bool,
    /// 1 for I/we, 3 for he/she/they, 0 for it (a thing or organisation).
    pub person: u8,
}

/// Parses every lexicon now, so the first extraction pays nothing.
pub(crate) fn force() {
    LazyLock::force(&VERBS);
    LazyLock::force(&PREPOSITIONAL_CUES);
    LazyLock::force(&TITLES);
    LazyLock::force(&ROLES);
    LazyLock::force(&NATIONALITIES);
    LazyLock::force(&ORG_WORDS);
    LazyLock::force(&NOT_NAMES);
    LazyLock::force(&WORD_FLAGS);
    LazyLock::force(&PLACES);
    LazyLock::force(&LOWER_TITLES);
}

/// Verbs whose object is what they name or judge (`called it a “disgrace”`,
/// `described him as “dangerous”`): with quoted words in the object they
/// report mixed speech even without a clause.
pub(crate) fn is_labeling(lemma: &str) -> bool {
    matches!(
        lemma,
        "call"
            | "describe"
            | "label"
            | "dub"
            | "brand"
            | "characterize"
            | "characterise"
            | "criticize"
            | "criticise"
            | "condemn"
            | "denounce"
            | "slam"
            | "blast"
            | "attack"
            | "lambast"
            | "praise"
            | "hail"
            | "applaud"
            | "cite"
            | "reference"
            | "mock"
            | "accuse"
            | "blame"
            | "dismiss"
            | "reject"
            | "question"
            | "defend"
            | "deride"
            | "term"
            | "refer"
            | "welcome"
            | "urge"
            | "warn"
            | "promise"
            | "pledge"
            | "vow"
            | "demand"
            | "decry"
            | "tout"
            | "ridicule"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_show_gender_only_when_clear() {
        assert_eq!(first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(first_name_gender("John"), Some(Gender::Male));
        assert_eq!(first_name_gender("Jordan"), None);
        assert_eq!(first_name_gender("Putin"), None);
    }

    #[test]
    fn ships_at_least_150_reporting_verbs_with_inflections() {
        let lemmas = data_lines(include_str!("../lang/en/reporting_verbs.txt")).count();
        assert!(lemmas >= 150, "{lemmas} lemmas");
        for form in [
            "say", "says", "said", "saying", "told", "stressed", "noting", "wrote",
        ] {
            assert!(VERBS.contains_key(form), "{form}");
        }
        assert!(VERBS["said"].speech && VERBS["said"].bare);
        assert!(!VERBS["believes"].speech);
        assert!(VERBS["saying"].gerund);
        assert_eq!(VERBS["pointed"].particle, Some("out"));
    }

    #[test]
    fn titles_roles_and_nationalities_parse() {
        assert_eq!(TITLES["Mrs."], Some(Gender::Female));
        assert_eq!(TITLES["President"], None);
        assert_eq!(ROLES["spokesmen"].singular, "spokesman");
        assert!(ROLES["campaign"].org);
        assert_eq!(NATIONALITIES["Russian"], "Russia");
        assert_eq!(ORG_WORDS["Times"], EntityKind::Media);
        assert!(NOT_NAMES.contains("However"));
    }

    #[test]
    fn packed_words_keep_every_byte_and_the_length() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmno",
            "Putin’s",
            "a\0",
            "a\0\0\0\0\0\0\0\0",
        ];
        let keys: HashSet<(u64, u64)> = words.iter().filter_map(|w| pack(w)).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(pack("abcdefghijklmnop"), None);
        let (lo, hi) = pack("abcdefghij").unwrap();
        assert_eq!(lo.to_le_bytes(), *b"abcdefgh");
        assert_eq!(hi, u64::from(u16::from_le_bytes(*b"ij")) | 10 << 56);
        assert_eq!(pack("abcde").unwrap().0.to_le_bytes(), *b"abcde\0\0\0");
    }

    #[test]
    fn possessives_are_what_strip_possessive_strips() {
        for w in [
            "Putin’s",
            "Putin's",
            "PUTIN’S",
            "PUTIN'S",
            "Sanders’",
            "Sanders'",
            "’s",
            "'s",
            "s",
            "x's",
            "x’s",
            "is",
            "was",
            "Xs",
            "’",
            "'",
            "a'",
            "ab’",
            "''",
            "’’s",
            "Kelly",
            "bus",
        ] {
            let stripped = crate::mentions::strip_possessive(w) != w;
            assert_eq!(flags(w).has(Flags::POSSESSIVE), stripped, "{w}");
        }
        // The words of a text, where the bytes before a short word are
        // other words' bytes.
        let text = "Bob’s ’s s 's x";
        for (a, b) in [(0, 6), (7, 11), (12, 13), (14, 16), (17, 18)] {
            let w = &text[a..b];
            let stripped = crate::mentions::strip_possessive(w) != w;
            assert_eq!(flags_at(text, a..b).has(Flags::POSSESSIVE), stripped, "{w}");
        }
    }

    #[test]
    fn suffix_rules_look_only_inside_the_word() {
        // `al` after an `i`, `can` after an `i`: the suffixes `-ial` and
        // `-ican` are there in the text, but not in the word.
        let text = "xial xican";
        assert!(!flags_at(text, 2..4).has(Flags::MODIFIER));
        assert!(!flags_at(text, 7..10).has(Flags::MODIFIER));
        assert!(flags_at(text, 0..4).has(Flags::MODIFIER));
        assert!(flags_at(text, 5..10).has(Flags::MODIFIER));
        assert_eq!(flags_at(text, 2..4), flags("al"));
    }

    #[test]
    fn every_listed_word_gets_its_bits() {
        let lists: [(Vec<&str>, Flags); 5] = [
            (VERBS.keys().copied().collect(), Flags::VERB),
            (TITLES.keys().copied().collect(), Flags::TITLE),
            (ROLES.keys().copied().collect(), Flags::ROLE),
            (NOT_NAMES.iter().copied().collect(), Flags::NOT_NAME),
            (ADVERBS_AUX.to_vec(), Flags::ADVERB_AUX),
        ];
        for (words, bit) in lists {
            for w in words {
                assert!(flags(w).has(bit), "{w}");
            }
        }
        // Words in no list get no list bits: their slot holds another key.
        let unlisted = [
            "zebra",
            "quantum",
            "Clinton",
            "pipeline",
            "x",
            "abcdefghijklmno",
        ];
        for w in unlisted {
            assert!(
                !flags(w).has(Flags::VERB) && !flags(w).has(Flags::ROLE),
                "{w}"
            );
        }
    }

    #[test]
    fn flags_combine_lists_case_and_suffix_rules() {
        let f = flags("Putin’s");
        assert!(f.has(Flags::UPPER) && f.has(Flags::POSSESSIVE) && f.has(Flags::NAME_WORD));
        assert!(!f.has(Flags::LOWER | Flags::VERB));
        let f = flags("However");
        assert!(f.has(Flags::NOT_NAME) && !f.has(Flags::NAME_WORD));
        assert!(!flags("However’s").has(Flags::NAME_WORD));
        assert!(flags("said").has(Flags::VERB) && flags("said").has(Flags::LOWER));
        assert!(flags("senior").has(Flags::MODIFIER));
        assert!(flags("presidential").has(Flags::MODIFIER));
        assert!(!flags("president").has(Flags::MODIFIER));
        assert!(flags("reportedly").has(Flags::ADVERB_AUX) && flags("has").has(Flags::ADVERB_AUX));
        assert!(flags("the").has(Flags::DETERMINER) && flags("bin").has(Flags::CONNECTOR));
        assert!(flags("spokesmen").has(Flags::ROLE) && flags("Spokesman").has(Flags::ROLE));
        assert!(flags("Russian").has(Flags::NATIONALITY) && flags("Sen.").has(Flags::TITLE));
        assert!(flags("24").has(Flags::DIGITS) && !flags("2.5").has(Flags::DIGITS));
        assert_eq!(flags(""), Flags::default());
        // `-ly`: lower-case adverbs; capitalised short ones are names, long
        // ones sentence adverbs.
        assert!(
            flags("reportedly").has(Flags::ADVERB_AUX) && !flags("family").has(Flags::ADVERB_AUX)
        );
        assert!(flags("Kelly").has(Flags::NAME_WORD) && !flags("Kelly").has(Flags::ADVERB_AUX));
        assert!(
            !flags("Basically").has(Flags::NAME_WORD) && flags("Kimberly").has(Flags::NAME_WORD)
        );
    }
}
