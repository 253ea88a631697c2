//! In-document entities: name mentions clustered into people and
//! organisations ("Vladimir Putin" / "Putin" / "Putin’s").

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{Class, Flags};
use crate::mentions::{self, Mention};
use crate::model::{EntityKind, Gender};
use crate::text::{Text, Word};

/// An entity being built.
#[derive(Clone, Debug)]
pub(crate) struct Cluster {
    /// The fullest name's words, as lower-case word ids (equal ids, equal
    /// words).
    pub words: Vec<u32>,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// Indices into the mention list.
    pub mentions: Vec<usize>,
    pub descriptors: Vec<Word>,
    /// The places its nationality descriptors name (`russian` → Russia).
    pub places: Vec<&'static str>,
}

impl Cluster {
    /// Adds the descriptors it does not have yet, in their order.
    fn add_descriptors(&mut self, descriptors: impl IntoIterator<Item = Word>) {
        for d in descriptors {
            if !self.descriptors.contains(&d) {
                self.descriptors.push(d);
            }
        }
    }
}

/// Name mentions and the clusters they form.
pub(crate) struct Entities {
    pub mentions: Vec<Mention>,
    /// The cluster of each mention.
    pub cluster_of: Vec<usize>,
    pub clusters: Vec<Cluster>,
}

impl Entities {
    /// The name of cluster `c` in its original case: its fullest mention's
    /// words (the first of the fullest).
    pub fn name(&self, t: &Text, c: &Cluster) -> String {
        let best = c
            .mentions
            .iter()
            .max_by_key(|&&k| (self.mentions[k].name_words(t).count(), usize::MAX - k))
            .expect("clusters have mentions");
        let (a, b) = self.mentions[*best].byte_range(t);
        spaced(self.mentions[*best].name_words(t), b - a)
    }

    /// The cluster whose mention covers token `i` (within the name proper).
    pub fn cluster_at_token(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.last < i);
        let m = self.mentions.get(k)?;
        let (a, b) = m.name?;
        (a <= i && i <= b).then(|| self.cluster_of[k])
    }
}

/// `words` joined by single spaces, in a string of `capacity` bytes (the
/// span they come from: one allocation, no intermediate list).
fn spaced<'w>(words: impl Iterator<Item = &'w str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Lower-case word ids for one document: names compare as short lists of
/// numbers. Each token's id is kept, as names are looked at more than once.
struct Words {
    /// Short ASCII words by their packed lower-case bytes (no string is
    /// built for them); every lower-case form of up to 15 ASCII bytes is
    /// here, whatever case it came from.
    short: HashMap<crate::lexicon::Key, u32>,
    /// The other words by their lower-case string.
    other: HashMap<Word, u32>,
    of_token: Vec<u32>,
}

impl Words {
    fn new(t: &Text) -> Words {
        Words {
            short: HashMap::with_capacity_and_hasher(64, Default::default()),
            other: HashMap::default(),
            of_token: vec![u32::MAX; t.tokens.len()],
        }
    }

    /// Word token `i` with its possessive stripped.
    fn stem<'t>(t: &Text<'t>, i: usize) -> &'t str {
        let word = t.tok(i);
        // The lexicon flags what `strip_possessive` strips.
        if t.has(i, Flags::POSSESSIVE) {
            mentions::strip_possessive(word)
        } else {
            word
        }
    }

    /// The packed lower-case key of word token `i` (possessive stripped)
    /// when it is short and ASCII: the key [`Words::id`] files it under.
    /// `None` for the other words.
    #[inline]
    fn short_key(t: &Text, i: usize) -> Option<crate::lexicon::Key> {
        let tk = &t.tokens[i];
        // The stem's length without slicing the text (most words are no
        // possessive).
        let n = if t.has(i, Flags::POSSESSIVE) {
            Words::stem(t, i).len()
        } else {
            tk.end - tk.start
        };
        crate::text::packed_lower(t.text, tk.start, n)
    }

    /// The key of the short table that word token `i` gets its id from:
    /// its [`Words::short_key`], or that of its lower-case form when that
    /// is short and ASCII (the Kelvin sign); `None` for a word in `other`.
    fn filed_key(t: &Text, i: usize) -> Option<crate::lexicon::Key> {
        Words::short_key(t, i).or_else(|| {
            let lower = crate::text::lower_word(Words::stem(t, i));
            crate::text::packed_lower(&lower, 0, lower.len())
        })
    }

    /// The id of word token `i`, possessive stripped.
    fn id(&mut self, t: &Text, i: usize) -> u32 {
        if self.of_token[i] != u32::MAX {
            return self.of_token[i];
        }
        let next = (self.short.len() + self.other.len()) as u32;
        let id = match Words::short_key(t, i) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => {
                let lower = crate::text::lower_word(Words::stem(t, i));
                // A non-ASCII word can lower-case to ASCII (the Kelvin
                // sign): it must get the id its ASCII spelling gets.
                match crate::text::packed_lower(&lower, 0, lower.len()) {
                    Some(key) => *self.short.entry(key).or_insert(next),
                    None => *self.other.entry(lower).or_insert(next),
                }
            }
        };
        self.of_token[i] = id;
        id
    }

    /// The ids of a mention's name words, into `out`.
    fn of(&mut self, t: &Text, m: &Mention, out: &mut Vec<u32>) {
        out.clear();
        if let Some((a, b)) = m.name {
            out.extend((a..=b).filter(|&i| t.is_word(i)).map(|i| self.id(t, i)));
        }
    }
}

/// How a document writes its words: how often each (by [`Words`] id) is
/// in lower case, and how often capitalised inside a sentence. A
/// capitalised word that opens a sentence or a quote is a name only if the
/// text writes it so: `Poor`, `Suppose` and `Via` opening a sentence are
/// the words `poor`, `suppose` and `via`, and `Poor Augustus` is Augustus.
struct Usage {
    /// `[lower case, capitalised inside a sentence]` counts, by word id.
    counts: Vec<[u32; 2]>,
    /// Paragraphs with no lower-case word (a heading, `CHAPTER XVI`).
    capitals_only: Vec<bool>,
}

/// Headings are short: a paragraph of more tokens without a lower-case
/// word is text in capitals, not a heading.
const HEADING_TOKENS: usize = 16;

impl Usage {
    /// Counts the words of the text; [`Usage::common`] is answered for the
    /// words of the tokens `asked` only (the others are not counted: most
    /// words are never asked about, and an id for each costs a hash entry).
    fn new(t: &Text, ids: &mut Words, asked: &[usize]) -> Usage {
        let mut counts: Vec<[u32; 2]> = Vec::new();
        let mut capitals_only = vec![true; t.paragraphs.len()];
        let mut all_short = true;
        let wanted: HashMap<crate::lexicon::Key, u32> = asked
            .iter()
            .filter_map(|&a| {
                let id = ids.id(t, a);
                let key = Words::filed_key(t, a);
                all_short &= key.is_some();
                key.map(|key| (key, id))
            })
            .collect();
        // When every asked word is short and ASCII and no Kelvin sign (the
        // one non-ASCII character with an ASCII lower case) is in the text,
        // only a token whose stem is one of those words in some case can
        // count: its first byte is theirs (folded) and its length theirs
        // plus at most a possessive's 4 bytes. `lengths[b]` has bit `n` for
        // each such length `n` of a word starting with byte `b`; any other
        // token is skipped before its key is computed.
        let filter = all_short && !t.text.contains('\u{212A}');
        let mut lengths = [0u32; 128];
        for &a in asked {
            let tk = &t.tokens[a];
            let first = t.text.as_bytes()[tk.start].to_ascii_lowercase();
            let n = Words::stem(t, a).len();
            if first < 0x80 && n < 16 {
                lengths[usize::from(first)] |= 0b1_1111 << n;
            }
        }
        // Tokens and their bits side by side: this reads every token.
        for (i, (tk, f)) in t.tokens.iter().zip(t.flags()).enumerate() {
            if tk.kind != crate::text::Kind::Word {
                continue;
            }
            let lower = f.has(Flags::LOWER);
            let capital = f.has(Flags::UPPER) && !opens(t, i);
            if !lower && !capital {
                continue;
            }
            if lower {
                capitals_only[tk.paragraph as usize] = false;
            }
            if filter {
                let first = t.text.as_bytes()[tk.start].to_ascii_lowercase();
                let n = tk.end - tk.start;
                if first >= 0x80 || n >= 20 || lengths[usize::from(first)] >> n & 1 == 0 {
                    continue;
                }
            }
            // A short ASCII word has the id of its key: counted only if
            // that is an asked word's. Any other word is counted by its id.
            let id = match Words::short_key(t, i) {
                Some(key) => match wanted.get(&key) {
                    Some(&id) => id,
                    None => continue,
                },
                None => ids.id(t, i),
            } as usize;
            if counts.len() <= id {
                counts.resize(id + 1, [0, 0]);
            }
            counts[id][usize::from(capital)] += 1;
        }
        for (p, only) in t.paragraphs.iter().zip(&mut capitals_only) {
            *only &= p.len() <= HEADING_TOKENS;
        }
        Usage {
            counts,
            capitals_only,
        }
    }

    /// Is the word of id `w` a common word: written in lower case three
    /// times or more as often as capitalised inside a sentence?
    fn common(&self, w: u32) -> bool {
        let [lower, capital] = self.counts.get(w as usize).copied().unwrap_or_default();
        lower > 0 && lower >= 3 * capital
    }

    /// Mention `m` without the common words that open it where a sentence
    /// or quote opens, or that are written in capitals (`PLEASE`); `None`
    /// when nothing is left, or when it stands in a heading or is a run of
    /// words in capitals (`HARD CHEESE ON TONY`).
    fn trim(&self, t: &Text, ids: &mut Words, m: Mention) -> Option<Mention> {
        let (a, b) = m.name.expect("names have a name");
        if self.capitals_only[t.tokens[a].paragraph as usize] {
            return None;
        }
        let all_caps = |i: usize| all_caps(t, i);
        let words = (a..=b).filter(|&i| t.is_word(i)).count();
        if words >= 2 && (a..=b).filter(|&i| t.is_word(i)).all(all_caps) {
            return None;
        }
        let strip = asks_common(t, a) && self.common(ids.id(t, a));
        if !strip {
            return Some(m);
        }
        if words == 1 {
            return None;
        }
        let next = (a + 1..=b).find(|&i| t.is_word(i))?;
        mentions::name_mention(t, next, b)
    }
}

/// Is word token `i` written in capitals (two letters or more, none in
/// lower case: `PLEASE`)?
fn all_caps(t: &Text, i: usize) -> bool {
    let w = t.tok(i);
    // Most words are ASCII: their bytes answer without decoding.
    if w.is_ascii() {
        let b = w.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
    }
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Does [`Usage::trim`] ask whether the word of a name's first token `a`
/// is common (where it opens a sentence or quote, or is in capitals)?
fn asks_common(t: &Text, a: usize) -> bool {
    opens(t, a) || all_caps(t, a)
}

/// Does word token `i` open a sentence, a quote or a clause after a dash,
/// where any word is capitalised?
fn opens(t: &Text, i: usize) -> bool {
    use crate::text::Kind;
    t.starts_sentence(i)
        || i.checked_sub(1).is_some_and(|p| {
            matches!(
                t.tokens[p].kind,
                Kind::Mark(_) | Kind::Punct('—' | '–' | '-' | ':' | '(')
            )
        })
}

/// Finds name mentions and clusters them.
pub(crate) fn find(t: &Text) -> Entities {
    let all = mentions::names(t);
    let mut ids = Words::new(t);
    let mut words: Vec<u32> = Vec::new();
    // Capitalised words seen away from a sentence start: these are names
    // wherever they stand; a lone capitalised word opening a sentence is a
    // name only if seen so elsewhere, or if a reporting verb follows it.
    let mut known: HashSet<u32> = HashSet::default();
    for m in &all {
        if let Some((a, _)) = m.name {
            if !t.starts_sentence(a) {
                ids.of(t, m, &mut words);
                known.extend(&words);
            }
        }
    }
    let asked: Vec<usize> = all
        .iter()
        .filter_map(|m| m.name)
        .map(|(a, _)| a)
        .filter(|&a| asks_common(t, a))
        .collect();
    let usage = Usage::new(t, &mut ids, &asked);
    let trimmed: Vec<Mention> = all
        .into_iter()
        .filter_map(|m| usage.trim(t, &mut ids, m))
        .collect();
    let mentions: Vec<Mention> = trimmed
        .into_iter()
        .filter(|m| {
            let (a, b) = m.name.expect("names have a name");
            if a != b || !t.starts_sentence(a) || m.first < a {
                return true;
            }
            let w = ids.id(t, a);
            known.contains(&w) || mentions::verb_at(t, b + 1).is_some()
        })
        .collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of = Vec::with_capacity(mentions.len());
    // Last mention index of each cluster, for recency.
    let mut last_seen: Vec<usize> = Vec::new();
    // Clusters by their last word (a surname), kept as names grow; entries
    // are checked against the cluster's current words when used.
    let mut by_last: HashMap<u32, Vec<usize>> = HashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        ids.of(t, m, &mut words);
        let last = *words.last().expect("names have words");
        // A man and a woman of one family are two people: `Mr. Bennet`
        // does not join `Mrs. Bennet`.
        let candidates: Vec<usize> = by_last
            .get(&last)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&c| {
                m.gender.is_none() || clusters[c].gender.is_none_or(|g| Some(g) == m.gender)
            })
            .collect();
        let found = if words.len() >= 2 {
            // The same name; "Hillary Rodham Clinton" ~ "Hillary Clinton";
            // a lone "Putin" seen before "Vladimir Putin" joins it.
            let same = candidates
                .iter()
                .copied()
                .filter(|&c| clusters[c].words == words)
                .min();
            same.or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let cw = &clusters[c].words;
                        cw.last() == words.last() && (cw.len() == 1 || cw.first() == words.first())
                    })
                    .min()
            })
        } else {
            // The most recent cluster with this surname; a man's, when a
            // man and a woman share it (`Crawford` beside `Miss Crawford`
            // and `Mr. Crawford`): a woman goes by her honorific.
            let surnamed = || {
                candidates
                    .iter()
                    .copied()
                    .filter(|&c| clusters[c].words.last() == Some(&last))
            };
            let of = |g: Gender| surnamed().any(|c| clusters[c].gender == Some(g));
            let man = of(Gender::Male) && of(Gender::Female);
            surnamed()
                .filter(|&c| !man || clusters[c].gender == Some(Gender::Male))
                .max_by_key(|&c| last_seen[c])
        };
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Cluster {
                    words: words.clone(),
                    kind: EntityKind::Other,
                    gender: None,
                    mentions: Vec::new(),
                    descriptors: Vec::new(),
                    places: Vec::new(),
                });
                last_seen.push(k);
                clusters.len() - 1
            }
        };
        let list = by_last.entry(last).or_default();
        if !list.contains(&c) {
            list.push(c);
        }
        let cluster = &mut clusters[c];
        if words.len() > cluster.words.len() {
            cluster.words.clone_from(&words);
        }
        cluster.mentions.push(k);
        cluster.gender = cluster.gender.or(m.gender);
        cluster.add_descriptors(m.descriptors.iter().cloned());
        last_seen[c] = k;
        cluster_of.push(c);
    }
    let (mut clusters, cluster_of) = join_first_names(t, &mentions, clusters, cluster_of);
    let mut mentions = mentions;
    for c in &mut clusters {
        // A name only ever written alone (`Elinor`, `Mary`): its first
        // name's gender, when nearly all who bear it share one. Told after
        // clustering, so that a lone `Clinton` or `Warren` still joins
        // Hillary Clinton or Elizabeth Warren.
        if c.gender.is_none() && c.words.len() == 1 {
            let a = mentions[c.mentions[0]].name.map(|(a, _)| a);
            c.gender = a.and_then(|a| t.lex.first_name_gender_at(t.tok(a), LONE_NAME_SHARE));
        }
        c.kind = kind_of(t, c, &mentions);
        c.places = c
            .descriptors
            .iter()
            .filter_map(|d| crate::resolve::place_of(t.lex, d))
            .collect();
        take_article(t, c, &mut mentions);
    }
    Entities {
        mentions,
        cluster_of,
        clusters,
    }
}

/// The largest share of the other sex among those given a first name for
/// the name alone (`Mary`) to tell a gender (`Jordan` and `Kelly` do not):
/// few surnames are such a first name.
const LONE_NAME_SHARE: f32 = 0.03;

/// Joins each one-word cluster whose word is a first name (`Dorian`) to
/// the one cluster of a fuller name that starts with it (`Dorian Gray`),
/// wherever in the text each was first seen: novels call their people by
/// first name more than by surname. Nothing is joined when two fuller
/// names start with the word (`Mary Datchet`, `Mary Bertram`), when the
/// genders differ, or when the lone word is no first name in the
/// lexicon's table.
fn join_first_names(
    t: &Text,
    mentions: &[Mention],
    mut clusters: Vec<Cluster>,
    mut cluster_of: Vec<usize>,
) -> (Vec<Cluster>, Vec<usize>) {
    // Fuller names by their first word; `None` once two share it.
    let mut by_first: HashMap<u32, Option<usize>> = HashMap::default();
    for (c, cluster) in clusters.iter().enumerate() {
        if cluster.words.len() >= 2 {
            by_first
                .entry(cluster.words[0])
                .and_modify(|e| *e = None)
                .or_insert(Some(c));
        }
    }
    let mut into: Vec<usize> = (0..clusters.len()).collect();
    let mut joined = false;
    for (c, cluster) in clusters.iter().enumerate() {
        if cluster.words.len() != 1 {
            continue;
        }
        let Some(&Some(target)) = by_first.get(&cluster.words[0]) else {
            continue;
        };
        let (a, _) = mentions[cluster.mentions[0]]
            .name
            .expect("names have a name");
        let word = mentions::strip_possessive(t.tok(a));
        if !t.lex.is_first_name(word) {
            continue;
        }
        let other = clusters[target].gender;
        if cluster.gender.is_some() && other.is_some() && cluster.gender != other {
            continue;
        }
        into[c] = target;
        joined = true;
    }
    if !joined {
        return (clusters, cluster_of);
    }
    for c in 0..clusters.len() {
        let target = into[c];
        if target == c {
            continue;
        }
        let moved = std::mem::take(&mut clusters[c].mentions);
        let descriptors = std::mem::take(&mut clusters[c].descriptors);
        let gender = clusters[c].gender;
        let dest = &mut clusters[target];
        dest.mentions.extend(moved);
        dest.mentions.sort_unstable();
        dest.gender = dest.gender.or(gender);
        dest.add_descriptors(descriptors);
    }
    // Renumber the clusters left, in their order.
    let mut number = vec![usize::MAX; clusters.len()];
    let mut kept = Vec::with_capacity(clusters.len());
    for (c, cluster) in clusters.into_iter().enumerate() {
        if into[c] == c {
            number[c] = kept.len();
            kept.push(cluster);
        }
    }
    for c in &mut cluster_of {
        *c = number[into[*c]];
    }
    (kept, cluster_of)
}

/// A name the text writes after the definite article two times in three
/// or more (`the Mock Turtle`, `the Invisible Man`, `the White House`) is
/// that whole phrase: its mentions after the article take it in (the
/// entity's name stays the name proper, `Mock Turtle`). A name
/// mostly written bare (`the Bush administration` beside `Bush said`)
/// keeps its mentions as they are.
fn take_article(t: &Text, c: &Cluster, mentions: &mut [Mention]) {
    let article = |m: &Mention| {
        let (a, _) = m.name.expect("names have a name");
        a > 0
            && m.first == a
            && t.is_word(a - 1)
            // `the Hatter`, or `The Hatter` opening a sentence.
            && (t.has(a - 1, Flags::LOWER) || t.starts_sentence(a - 1))
            && t.in_class(a - 1, Class::DefiniteArticle)
            && t.tokens[a - 1].sentence == t.tokens[a].sentence
    };
    let with = c
        .mentions
        .iter()
        .filter(|&&k| article(&mentions[k]))
        .count();
    if with == 0 || 3 * with < 2 * c.mentions.len() {
        return;
    }
    for &k in &c.mentions {
        if article(&mentions[k]) {
            mentions[k].first -= 1;
        }
    }
}

/// Decides the kind of a cluster from its words, titles and roles.
fn kind_of(t: &Text, c: &Cluster, mentions: &[Mention]) -> EntityKind {
    let m0 = &mentions[c.mentions[0]];
    let (a, b) = m0.name.expect("names have a name");
    let original = || (a..=b).filter(|&i| t.is_word(i)).map(|i| t.tok(i));
    let mut org = None;
    for w in original() {
        if let Some(kind) = t.lex.org_words.get(mentions::strip_possessive(w)) {
            org = Some(*kind);
            if *kind == EntityKind::Media {
                break;
            }
        }
    }
    if let Some(kind) = org.or_else(|| org_word_after(t, b)) {
        return kind;
    }
    // A number is no part of a person's name: `Rosiah 24`, `Channel 4`, `G7`.
    if original().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return EntityKind::Other;
    }
    let name = spaced(original(), t.tokens[b].end - t.tokens[a].start);
    if t.lex.places.contains(name.as_str()) {
        return EntityKind::Place;
    }
    let person_role = c.descriptors.iter().any(|d| {
        t.lex.roles.get(d.as_str()).is_some_and(|r| !r.org)
            || t.lex.lower_titles.contains(d.as_str())
    });
    // A town's or country's name, or one that ends in a word of place
    // (`the Great North Road`), with nothing saying it is a person.
    // A first name's gender does not make `Summer Street` a person; a
    // title or role does.
    if !person_role
        && (t.lex.place_names.contains(name.as_str()) || t.in_class(b, Class::PlaceWord))
    {
        return EntityKind::Place;
    }
    if c.gender.is_some() || person_role || c.words.len() >= 2 {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

/// The kind an organisation or media word right after a name ending at
/// token `b` gives it (`Rosiah Novosti channel`, `the Ford foundation`): the
/// word is lower case, so the name did not take it in. Not after a
/// possessive (`Putin’s office`), nor a role noun (`the Smith campaign`):
/// there the name is the holder, not the organisation; nor the first word
/// of a compound that follows people's names too (`a Jane Smith press
/// conference`).
fn org_word_after(t: &Text, b: usize) -> Option<EntityKind> {
    let next = b + 1;
    if next >= t.tokens.len() || !t.is_word(next) {
        return None;
    }
    if mentions::strip_possessive(t.tok(b)) != t.tok(b) {
        return None;
    }
    let word = t.tok(next);
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_lowercase() || t.lex.roles.contains_key(word) || t.lex.is(Class::OrgCompound, word)
    {
        return None;
    }
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    t.lex.org_words.get(capitalised.as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cluster's fullest name, lower case.
    fn names(t: &Text, e: &Entities) -> Vec<String> {
        e.clusters
            .iter()
            .map(|c| e.name(t, c).to_lowercase())
            .collect()
    }

    #[test]
    fn clusters_full_names_surnames_and_possessives() {
        let t = Text::english(
            "Russian President Vladimir Putin spoke. Putin said Joe Biden erred. Putin’s aide, Kremlin spokesman Dmitry Peskov, agreed. Peskov left.",
        );
        let e = find(&t);
        assert_eq!(
            names(&t, &e),
            ["vladimir putin", "joe biden", "kremlin", "dmitry peskov"]
        );
        assert_eq!(e.clusters[0].mentions.len(), 3);
        assert_eq!(e.clusters[0].kind, EntityKind::Person);
        assert_eq!(e.clusters[2].kind, EntityKind::Organisation);
        assert!(e.clusters[3].descriptors.contains(&Word::from("spokesman")));
    }

    #[test]
    fn a_lone_first_name_tells_its_gender_when_few_share_it() {
        let t = Text::english("Then Elinor left, and Edward stayed. Then Jordan and Kelly came.");
        let e = find(&t);
        let gender = |name: &str| {
            e.clusters
                .iter()
                .find(|c| e.name(&t, c) == name)
                .unwrap()
                .gender
        };
        assert_eq!(gender("Elinor"), Some(Gender::Female));
        assert_eq!(gender("Edward"), Some(Gender::Male));
        // Given to boys and girls alike (`Jordan`), or to one boy in seven
        // (`Kelly`): a surname may be either.
        assert_eq!(gender("Jordan"), None);
        assert_eq!(gender("Kelly"), None);
        // A lone surname that is also a man's first name still joins the
        // woman's full name it ends.
        let t = Text::english("Then Hillary Clinton spoke. Then Clinton said no.");
        let e = find(&t);
        assert_eq!(names(&t, &e), ["hillary clinton"]);
        assert_eq!(e.clusters[0].gender, Some(Gender::Female));
    }

    #[test]
    fn a_lone_surname_a_man_and_a_woman_share_is_the_mans() {
        let t = Text::english(
            "Then Mr. Crawford came in. Then Miss Crawford sat down. Then Crawford took the book.",
        );
        let e = find(&t);
        let c = e.cluster_of[2];
        assert_eq!(e.clusters[c].gender, Some(Gender::Male));
        assert_eq!(c, e.cluster_of[0]);
    }

    #[test]
    fn words_of_address_and_of_old_speech_open_no_name() {
        let t = Text::english(
            "Then Fanny came. “Dear Fanny, sit,” said Edmund. “’Tis James,” said Fanny.",
        );
        assert_eq!(names(&t, &find(&t)), ["fanny", "edmund", "james"]);
    }

    #[test]
    fn towns_and_streets_are_places_unless_titled() {
        let t = Text::english(
            "It rained in Cheltenham. Summer Street lay quiet. Then Mr. Preston came. \
             Paris Hilton left London.",
        );
        let e = find(&t);
        let kind = |name: &str| {
            let c = e.clusters.iter().find(|c| e.name(&t, c) == name);
            c.unwrap_or_else(|| panic!("{name} in {:?}", names(&t, &e)))
                .kind
        };
        assert_eq!(kind("Cheltenham"), EntityKind::Place);
        // A first name (`Summer`) does not make a street a person.
        assert_eq!(kind("Summer Street"), EntityKind::Place);
        assert_eq!(kind("London"), EntityKind::Place);
        // A title does make a town's name a person's.
        assert_eq!(kind("Preston"), EntityKind::Person);
        assert_eq!(kind("Paris Hilton"), EntityKind::Person);
    }

    #[test]
    fn a_first_name_joins_the_one_full_name_it_starts() {
        // Seen before and after the full name; a surname joins as before.
        let t = Text::english(
            "Basil waved at Dorian. Dorian Gray sat down by Basil Hallward. Dorian smiled, and Hallward frowned.",
        );
        let e = find(&t);
        assert_eq!(names(&t, &e), ["dorian gray", "basil hallward"]);
        assert_eq!(e.clusters[0].mentions.len(), 3);
        assert_eq!(e.clusters[1].mentions.len(), 3);
        for (c, cluster) in e.clusters.iter().enumerate() {
            assert!(cluster.mentions.iter().all(|&k| e.cluster_of[k] == c));
        }
        // Two full names share the first name: it stays apart.
        let t = Text::english("Mary Datchet met Mary Bertram. Mary laughed.");
        assert_eq!(
            names(&t, &find(&t)),
            ["mary datchet", "mary bertram", "mary"]
        );
    }

    #[test]
    fn a_name_written_after_the_article_takes_it_in() {
        let t = Text::english(
            "Hatter sighed. Then the Hatter spoke. The Hatter wept. Bush said the Bush plan failed.",
        );
        let e = find(&t);
        // Two of three mentions after `the` (an upper-case one opening a
        // sentence): those two take it in; Bush is mostly bare and keeps
        // his mentions.
        assert_eq!(names(&t, &e), ["hatter", "bush"]);
        let spans: Vec<&str> = e.clusters[0]
            .mentions
            .iter()
            .map(|&k| {
                let (a, b) = e.mentions[k].byte_range(&t);
                &t.text[a..b]
            })
            .collect();
        assert_eq!(spans, ["Hatter", "the Hatter", "The Hatter"]);
    }

    #[test]
    fn organisations_and_media_by_their_words() {
        let t = Text::english(
            "The White House said no, and The New York Times agreed with the Kremlin.",
        );
        let e = find(&t);
        let kinds: Vec<(String, EntityKind)> = names(&t, &e)
            .into_iter()
            .zip(e.clusters.iter().map(|c| c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("white house".to_string(), EntityKind::Organisation),
                ("new york times".to_string(), EntityKind::Media),
                ("kremlin".to_string(), EntityKind::Organisation),
            ]
        );
    }

    /// Each cluster's fullest name, lower case, with its kind.
    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        let t = Text::english(text);
        let e = find(&t);
        names(&t, &e)
            .into_iter()
            .zip(e.clusters.iter().map(|c| c.kind))
            .collect()
    }

    #[test]
    fn names_with_a_number_or_before_an_organisation_word_are_no_people() {
        use EntityKind::*;
        let kind = |text: &str, name: &str| {
            let found = kinds(text);
            found
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name:?} in {found:?}"))
                .1
        };
        assert_eq!(
            kind("Putin told Rosiah 24 that he agreed.", "rosiah 24"),
            Other
        );
        assert_eq!(
            kind("Jane Smith and Channel 4 and the G7 met.", "channel 4"),
            Media
        );
        assert_eq!(
            kind("Jane Smith and Channel 4 and the G7 met.", "g7"),
            Other
        );
        assert_eq!(
            kind("Jane Smith and Channel 4 and the G7 met.", "jane smith"),
            Person
        );
        assert_eq!(
            kind("Putin told Rosiah Novosti channel so.", "rosiah novosti"),
            Media
        );
        assert_eq!(
            kind("Putin told Rosiah Novosti foundation so.", "rosiah novosti"),
            Organisation
        );
        // The holder of a role, or of a possessive, is still a person.
        assert_eq!(
            kind("Jane Smith campaign officials agreed.", "jane smith"),
            Person
        );
        assert_eq!(
            kind("Jane Smith’s foundation agreed.", "jane smith"),
            Person
        );
        let conference = "A Jane Smith press conference began.";
        assert_eq!(kind(conference, "jane smith"), Person);
        assert_eq!(kind("Jane Smith said so.", "jane smith"), Person);
    }

    #[test]
    fn words_the_text_writes_in_lower_case_open_no_name() {
        let t = Text::english(
            "CHAPTER XVI\n\nPoor Augustus sat down. “Suppose Lucy comes?” Via Mr. Wilcox \
             the poor man heard it via the post. “PLEASE,” said Lucy, to suppose it was so. \
             “HARD CHEESE ON TONY” was the headline.",
        );
        assert_eq!(names(&t, &find(&t)), ["augustus", "lucy", "wilcox"]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let t = Text::english("Stay calm. Nobody knows.");
        assert!(find(&t).clusters.is_empty());
    }

    #[test]
    fn a_sentence_adverb_does_not_join_the_name_after_it() {
        let t = Text::english("Hitherto Gino had said nothing. Whereas Philip laughed.");
        assert_eq!(names(&t, &find(&t)), ["gino", "philip"]);
    }

    #[test]
    fn word_ids_ignore_case_and_possessives() {
        // `\u{212A}` (Kelvin sign) lower-cases to an ASCII `k`.
        let t = Text::english("Kim KIM kim’s \u{212A}im Kimberly-Ann KIMBERLY-ANN Café CAFÉ");
        let mut ids = Words::new(&t);
        let id: Vec<u32> = (0..t.tokens.len()).map(|i| ids.id(&t, i)).collect();
        assert_eq!(id[0], id[1]);
        assert_eq!(id[0], id[2]);
        assert_eq!(id[0], id[3]);
        assert_eq!(id[4], id[5]);
        assert_eq!(id[6], id[7]);
        assert_ne!(id[0], id[4]);
        assert_ne!(id[4], id[6]);
    }
}
