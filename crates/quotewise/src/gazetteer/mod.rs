//! Gazetteers: known entities with their names, aliases and descriptors,
//! matched in text fast and forgivingly, and linked to a document's
//! entities and speakers.

mod fold;
mod fuzzy;
mod ids;
mod link;
mod load;
mod matcher;
mod variants;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::model::{EntityKind, Gender};
use crate::span::Span;

use self::fold::fold_key;
use self::fuzzy::FuzzyIndex;
use self::ids::IdIndex;
use self::matcher::{Patterns, Rule};

/// One known entity: a person, organisation, place, outlet or other.
///
/// In files, one CSV/TSV row (`id,name,aliases,kind,descriptors,gender`,
/// several aliases or descriptors separated by `|`) or one JSON object per
/// line with the same field names (aliases and descriptors as arrays).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GazetteerEntry {
    /// The caller's id (a Wikidata QID, a database key), unique within the
    /// gazetteer. Linked entities carry it as
    /// [`Entity::gazetteer_id`](crate::Entity::gazetteer_id).
    pub id: String,
    /// The canonical name (`Vladimir Putin`); linked entities are renamed to it.
    pub name: String,
    /// Other names matched exactly (`Vladimir Vladimirovich Putin`, `Kremlin`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What kind of thing it is; persons get surname, title and initial
    /// variants.
    pub kind: EntityKind,
    /// Roles and titles (`Russian president`, `Kremlin spokesman`) that
    /// resolve descriptive speakers (`the Russian president said`).
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Gender, if known; gendered titles (`Mr.`, `Mrs.`) use it.
    #[serde(default)]
    pub gender: Option<Gender>,
}

impl GazetteerEntry {
    /// An entry with no aliases, descriptors or gender.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: EntityKind) -> GazetteerEntry {
        GazetteerEntry {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            kind,
            descriptors: Vec::new(),
            gender: None,
        }
    }

    /// Adds an alias.
    pub fn alias(mut self, alias: impl Into<String>) -> GazetteerEntry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a descriptor.
    pub fn descriptor(mut self, descriptor: impl Into<String>) -> GazetteerEntry {
        self.descriptors.push(descriptor.into());
        self
    }

    /// Sets the gender.
    pub fn gender(mut self, gender: Gender) -> GazetteerEntry {
        self.gender = Some(gender);
        self
    }

    /// Checks the entry on its own: a non-empty id, a name with letters or
    /// digits, no empty alias or descriptor. Returns the message of the
    /// first problem and the field it is in.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if self.id.trim().is_empty() {
            return Err(("id", "empty id; expected a non-empty id".into()));
        }
        if self.name.trim().is_empty() {
            return Err((
                "name",
                format!("empty name for id '{}'; expected a name", self.id),
            ));
        }
        if !has_word(&self.name) {
            return Err((
                "name",
                format!(
                    "name '{}' of id '{}' has no letters or digits; expected a name",
                    self.name, self.id
                ),
            ));
        }
        for alias in &self.aliases {
            if !has_word(alias) {
                return Err((
                    "aliases",
                    format!(
                        "empty alias '{alias}' for id '{}'; expected a name with letters or digits",
                        self.id
                    ),
                ));
            }
        }
        for descriptor in &self.descriptors {
            if !has_word(descriptor) {
                return Err((
                    "descriptors",
                    format!(
                        "empty descriptor '{descriptor}' for id '{}'; expected words such as 'Russian president'",
                        self.id
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Whether `s` has a letter or digit, that is, a non-empty folded key.
fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// How a gazetteer entity was found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LinkMethod {
    /// Its name or one of its aliases, folded (`Vladimir Putin`, `Kremlin’s`).
    Exact,
    /// A generated variant: surname, title + surname, initial + surname.
    Variant,
    /// A misspelling or transliteration of a name (`Rosiah 24`).
    Fuzzy,
    /// A description that the gazetteer lists (`the Russian leader`).
    Descriptor,
}

impl LinkMethod {
    /// The snake-case name used in JSON and in [`Entity::link`](crate::Entity::link).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkMethod::Exact => "exact",
            LinkMethod::Variant => "variant",
            LinkMethod::Fuzzy => "fuzzy",
            LinkMethod::Descriptor => "descriptor",
        }
    }
}

impl std::fmt::Display for LinkMethod {
    /// The name [`LinkMethod::as_str`] gives.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One mention of a gazetteer entity found by [`Gazetteer::find`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GazetteerMatch {
    /// Where in the text (byte and char offsets).
    pub span: Span,
    /// The id of the entry, or `None` when the mention is ambiguous.
    pub id: Option<String>,
    /// The canonical name of the entry, or `None` when ambiguous.
    pub name: Option<String>,
    /// How it was found.
    pub method: LinkMethod,
    /// 1.0 for exact and variant matches; the similarity (0..=1) for fuzzy ones.
    pub score: f32,
    /// When ambiguous, the ids of every entry the mention may be (sorted);
    /// empty otherwise.
    pub candidates: Vec<String>,
}

impl GazetteerMatch {
    /// Whether the mention could be several entries and none was chosen.
    pub fn is_ambiguous(&self) -> bool {
        self.id.is_none()
    }
}

/// The settings of a [`Gazetteer`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct GazetteerOptions {
    /// Generate surname, title, initial and possessive variants.
    pub variants: bool,
    /// Only match a name written with capitals where the text has a capital.
    pub require_capital: bool,
    /// Look for misspelled names.
    pub fuzzy: bool,
    /// The lowest score (0..=1) a fuzzy match needs.
    pub fuzzy_threshold: f32,
}

impl Default for GazetteerOptions {
    fn default() -> GazetteerOptions {
        GazetteerOptions {
            variants: true,
            require_capital: true,
            fuzzy: true,
            fuzzy_threshold: 0.8,
        }
    }
}

/// Collects entries and options, then builds a [`Gazetteer`].
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<GazetteerEntry>,
    options: GazetteerOptions,
}

impl GazetteerBuilder {
    /// An empty builder with the default options.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds an entry.
    pub fn entry(mut self, entry: GazetteerEntry) -> GazetteerBuilder {
        self.entries.push(entry);
        self
    }

    /// Adds entries.
    pub fn entries(
        mut self,
        entries: impl IntoIterator<Item = GazetteerEntry>,
    ) -> GazetteerBuilder {
        self.entries.extend(entries);
        self
    }

    /// Replaces the options.
    pub fn options(mut self, options: GazetteerOptions) -> GazetteerBuilder {
        self.options = options;
        self
    }

    /// Whether to generate surname, title, initial and possessive variants
    /// (default `true`).
    pub fn variants(mut self, yes: bool) -> GazetteerBuilder {
        self.options.variants = yes;
        self
    }

    /// Whether a name written with capitals needs a capital in the text
    /// (default `true`).
    pub fn require_capital(mut self, yes: bool) -> GazetteerBuilder {
        self.options.require_capital = yes;
        self
    }

    /// Whether to look for misspelled names (default `true`).
    pub fn fuzzy(mut self, yes: bool) -> GazetteerBuilder {
        self.options.fuzzy = yes;
        self
    }

    /// The lowest score a fuzzy match needs, in `0..=1` (default `0.8`).
    /// Higher is stricter.
    pub fn fuzzy_threshold(mut self, threshold: f32) -> GazetteerBuilder {
        self.options.fuzzy_threshold = threshold;
        self
    }

    /// Checks the entries and compiles the gazetteer.
    ///
    /// # Errors
    /// [`ErrorKind::Gazetteer`] for an empty id or name, an alias or
    /// descriptor without letters, or a duplicate id;
    /// [`ErrorKind::Config`] for a fuzzy threshold outside `0..=1`.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let t = self.options.fuzzy_threshold;
        if !(0.0..=1.0).contains(&t) {
            return Err(Error::new(
                ErrorKind::Config,
                format!("fuzzy_threshold must be a number in 0..=1, got {t}"),
            ));
        }
        let mut by_id = IdIndex::with_capacity(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            entry
                .check()
                .map_err(|(_, message)| Error::new(ErrorKind::Gazetteer, message))?;
            if let Err(first) = by_id.insert(&self.entries, &entry.id, i as u32) {
                return Err(Error::new(
                    ErrorKind::Gazetteer,
                    format!(
                        "duplicate id '{}' (entries {} and {}); expected unique ids",
                        entry.id,
                        first + 1,
                        i + 1
                    ),
                ));
            }
        }
        variants::force();
        let patterns = Patterns::build(&self.entries, &self.options)?;
        let mut descriptors: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, entry) in self.entries.iter().enumerate() {
            for d in &entry.descriptors {
                let list = descriptors.entry(fold_key(d)).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let initials = self
            .entries
            .iter()
            .map(|e| variants::initial(&e.name))
            .collect();
        Ok(Gazetteer {
            entries: self.entries,
            options: self.options,
            by_id,
            patterns,
            initials,
            descriptors,
            fuzzy: OnceLock::new(),
        })
    }
}

/// A compiled gazetteer: known entities matched in text fast and
/// forgivingly. Immutable, `Send + Sync`, cheap to share (wrap it in an
/// `Arc`) and to call from many threads.
///
/// Build a [`Gazetteer`] once, with a [`GazetteerBuilder`] or from a file
/// ([`Gazetteer::from_path`]), then call [`Gazetteer::find`] on many texts or
/// hand it to [`ExtractorBuilder::gazetteer`](crate::ExtractorBuilder::gazetteer).
///
/// ```
/// use quotewise::{EntityKind, Gazetteer, GazetteerEntry, LinkMethod};
///
/// let gazetteer = Gazetteer::builder()
///     .entry(GazetteerEntry::new("putin", "Vladimir Putin", EntityKind::Person))
///     .entry(GazetteerEntry::new("rossiya24", "Rossiya 24", EntityKind::Media))
///     .build()?;
/// let found = gazetteer.find("Putin’s interview with Rosiah 24.");
/// assert_eq!(found[0].span.text, "Putin’s");
/// assert_eq!(found[0].method, LinkMethod::Variant);
/// assert_eq!(found[1].id.as_deref(), Some("rossiya24"));
/// assert_eq!(found[1].method, LinkMethod::Fuzzy);
/// # Ok::<(), quotewise::Error>(())
/// ```
///
/// How it matches:
///
/// * **Exact**: names, aliases and surnames are compiled into one
///   Aho–Corasick automaton (leftmost-longest) over a case-, accent- and
///   punctuation-folded copy of the text. Only whole words match: the
///   automaton runs anchored at word starts, skipping words no name can
///   start with, and every match is mapped back to byte and char offsets of
///   the original text. A name written with capitals matches only text that
///   starts with a capital (`Long` the surname is not `long` the word),
///   unless [`GazetteerBuilder::require_capital`] is turned off.
/// * **Variants** (persons): surname, title + surname, first initial +
///   surname, possessives. A variant shared by two entries is resolved by
///   the text (an entry named in full earlier wins, an initial or a
///   gendered title chooses) or reported as ambiguous with its candidates —
///   never silently picked.
/// * **Fuzzy**: capitalised word sequences that matched nothing exactly are
///   looked up in a symmetric-deletion index over transliteration keys and
///   verified with a bounded Damerau–Levenshtein distance (`Rosiah 24` →
///   `Rossiya 24`, `Peskow` → `Peskov`); each match has a score, and only
///   scores at or above [`GazetteerBuilder::fuzzy_threshold`] are kept.
/// * **Descriptors** (`Russian president`) resolve descriptive speakers
///   when linking a document.
///
/// Serializes as its options and entries; deserializing compiles it again.
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    options: GazetteerOptions,
    by_id: IdIndex,
    patterns: Patterns,
    /// The folded first letter of each entry's name.
    initials: Vec<Option<char>>,
    /// Folded descriptor → entries that have it.
    descriptors: HashMap<String, Vec<u32>>,
    /// Built on the first fuzzy lookup, so loading a big gazetteer that is
    /// only matched exactly never pays for it.
    fuzzy: OnceLock<FuzzyIndex>,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("patterns", &self.patterns.len())
            .field("options", &self.options)
            .finish()
    }
}

/// A match before it is made public: original byte offsets and entry indexes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The entry, or `None` when ambiguous.
    pub(crate) entry: Option<u32>,
    /// When ambiguous, every candidate entry.
    pub(crate) candidates: Vec<u32>,
    pub(crate) method: LinkMethod,
    pub(crate) score: f32,
}

impl Gazetteer {
    /// A builder.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&GazetteerEntry> {
        self.by_id
            .get(&self.entries, id)
            .map(|i| &self.entries[i as usize])
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The options it was built with.
    pub fn options(&self) -> &GazetteerOptions {
        &self.options
    }

    /// Every mention of a gazetteer entity in `text`, in text order, not
    /// overlapping: exact names, variants and (if enabled) fuzzy matches.
    pub fn find(&self, text: &str) -> Vec<GazetteerMatch> {
        let mut spans = Spans::new(text);
        self.find_raw(text)
            .into_iter()
            .map(|f| self.publish(&f, spans.span(f.start, f.end)))
            .collect()
    }

    /// Which entry a whole name is: exactly (folded), as a variant, or
    /// fuzzily. `None` when nothing is close enough.
    ///
    /// ```
    /// use quotewise::{EntityKind, Gazetteer, GazetteerEntry, LinkMethod};
    /// let g = Gazetteer::builder()
    ///     .entry(GazetteerEntry::new("peskov", "Dmitry Peskov", EntityKind::Person))
    ///     .build()?;
    /// let m = g.lookup("Dmitri Peskow").unwrap();
    /// assert_eq!((m.id.as_deref(), m.method), (Some("peskov"), LinkMethod::Fuzzy));
    /// assert!(g.lookup("Moscow").is_none());
    /// # Ok::<(), quotewise::Error>(())
    /// ```
    pub fn lookup(&self, name: &str) -> Option<GazetteerMatch> {
        let key = fold_key(name);
        let found = match self.patterns.targets_of_key(&key) {
            Some(targets) => {
                let (method, mut candidates) = matcher::best_targets(targets);
                let entry = (candidates.len() == 1).then(|| candidates[0]);
                if entry.is_some() {
                    candidates.clear();
                }
                Found {
                    start: 0,
                    end: name.len(),
                    entry,
                    candidates,
                    method,
                    score: 1.0,
                }
            }
            None if self.options.fuzzy => {
                let hit = self
                    .fuzzy_index()
                    .lookup(&key, self.options.fuzzy_threshold)?;
                Found {
                    start: 0,
                    end: name.len(),
                    entry: (hit.entries.len() == 1).then(|| hit.entries[0]),
                    candidates: if hit.entries.len() > 1 {
                        hit.entries
                    } else {
                        Vec::new()
                    },
                    method: LinkMethod::Fuzzy,
                    score: hit.score,
                }
            }
            None => return None,
        };
        Some(self.publish(&found, Spans::new(name).span(0, name.len())))
    }

    /// Entries that list `descriptor` (folded), in entry order.
    pub(crate) fn entries_described_as(&self, descriptor: &str) -> &[u32] {
        self.descriptors
            .get(descriptor)
            .map_or(&[], |v| v.as_slice())
    }

    pub(crate) fn entry(&self, i: u32) -> &GazetteerEntry {
        &self.entries[i as usize]
    }

    pub(crate) fn fuzzy_index(&self) -> &FuzzyIndex {
        self.fuzzy
            .get_or_init(|| FuzzyIndex::build(&self.entries, &self.options))
    }

    /// Exact, variant and fuzzy matches with original byte offsets.
    pub(crate) fn find_raw(&self, text: &str) -> Vec<Found> {
        let folded = fold::Folded::new(text);
        let raw = self
            .patterns
            .find(&folded, text, self.options.require_capital);
        let mut seen: HashSet<u32> = HashSet::new();
        let mut found = Vec::with_capacity(raw.len());
        for r in raw {
            if let Some(f) = matcher::resolve(self, text, r, &seen) {
                if f.method == LinkMethod::Exact {
                    if let Some(e) = f.entry {
                        seen.insert(e);
                    }
                }
                found.push(f);
            }
        }
        if self.options.fuzzy {
            fuzzy::find_in_text(self, text, &mut found);
        }
        found
    }

    fn publish(&self, f: &Found, span: Span) -> GazetteerMatch {
        let entry = f.entry.map(|e| self.entry(e));
        let mut candidates: Vec<String> = f
            .candidates
            .iter()
            .map(|&c| self.entry(c).id.clone())
            .collect();
        candidates.sort();
        GazetteerMatch {
            span,
            id: entry.map(|e| e.id.clone()),
            name: entry.map(|e| e.name.clone()),
            method: f.method,
            score: f.score,
            candidates,
        }
    }
}

/// Makes [`Span`]s for matches in text order, counting chars only from one
/// match to the next (cheaper than a [`CharIndex`](crate::CharIndex) over
/// the whole text when matches are few).
struct Spans<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl<'t> Spans<'t> {
    fn new(text: &'t str) -> Spans<'t> {
        Spans {
            text,
            byte: 0,
            char: 0,
        }
    }

    fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            (self.byte, self.char) = (0, 0);
        }
        self.char += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.char
    }

    fn span(&mut self, start: usize, end: usize) -> Span {
        let chars = (self.char_offset(start), self.char_offset(end));
        Span::of(self.text, (start, end), chars)
    }
}

/// The serialized form of a [`Gazetteer`].
#[derive(Serialize, Deserialize)]
struct GazetteerData {
    #[serde(default)]
    options: GazetteerOptions,
    entries: Vec<GazetteerEntry>,
}

impl Serialize for Gazetteer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            options: &'a GazetteerOptions,
            entries: &'a [GazetteerEntry],
        }
        View {
            options: &self.options,
            entries: &self.entries,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Gazetteer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Gazetteer, D::Error> {
        let data = GazetteerData::deserialize(deserializer)?;
        GazetteerBuilder::new()
            .options(data.options)
            .entries(data.entries)
            .build()
            .map_err(serde::de::Error::custom)
    }
}

impl Rule {
    /// Whether this rule is an exact name rather than a generated variant.
    pub(crate) fn is_exact(self) -> bool {
        matches!(self, Rule::Name | Rule::Alias)
    }
}

#[cfg(test)]
mod tests;
