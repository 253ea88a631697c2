//! Linking a document's entities and speakers to a gazetteer.

use std::collections::HashMap;

use super::fold::fold_key;
use super::{Found, Gazetteer, LinkMethod};
use crate::model::{Document, Entity, Resolution};
use crate::span::{CharIndex, Span};

/// Articles stripped from a descriptive mention before looking it up.
const ARTICLES: [&str; 3] = ["the ", "a ", "an "];

impl Gazetteer {
    /// Links the entities and speakers of `doc`, extracted from `text`
    /// (indexed by `index`), to this gazetteer:
    ///
    /// * an entity whose mentions overlap matches of one gazetteer entry
    ///   gets its `gazetteer_id` and `link` method, and its canonical name,
    ///   kind and (if known) gender;
    /// * matches that no entity covers become mentions of the entity linked
    ///   to their entry, or of a new entity;
    /// * entities linked to the same entry are merged;
    /// * a speaker with no entity whose mention is a description the
    ///   gazetteer lists (`the Russian leader`) is tied to that entry,
    ///   preferring entries the document mentions;
    /// * ambiguous matches link nothing.
    ///
    /// Afterwards entities are ordered by first mention, each `id` is its
    /// index, and every speaker's `entity` points at the right one.
    pub fn link(&self, text: &str, index: &CharIndex<'_>, doc: &mut Document) {
        let found = self.find_raw(text);
        let mut covered = vec![false; found.len()];
        for entity in &mut doc.entities {
            if let Some((entry, method)) = vote(entity, &found, &mut covered) {
                self.apply(entity, entry, method);
            }
        }
        // Matches no entity covers: more mentions, or new entities.
        let mut by_entry: HashMap<String, usize> = HashMap::new();
        for (i, e) in doc.entities.iter().enumerate() {
            if let Some(id) = &e.gazetteer_id {
                by_entry.entry(id.clone()).or_insert(i);
            }
        }
        for (f, _) in found.iter().zip(&covered).filter(|(_, &c)| !c) {
            let Some(entry) = f.entry else { continue };
            let id = &self.entry(entry).id;
            let span = index.span(f.start, f.end);
            match by_entry.get(id) {
                Some(&i) => {
                    let e = &mut doc.entities[i];
                    e.mentions.push(span);
                    let better = e.link.map(|l| l > f.method);
                    if better.unwrap_or(true) {
                        e.link = Some(f.method);
                    }
                }
                None => {
                    by_entry.insert(id.clone(), doc.entities.len());
                    doc.entities.push(self.new_entity(entry, f.method, span));
                }
            }
        }
        self.resolve_descriptions(index, doc, &mut by_entry);
        merge_and_order(doc);
    }

    /// Sets an entity's link, canonical name, kind and gender.
    fn apply(&self, entity: &mut Entity, entry: u32, method: LinkMethod) {
        let g = self.entry(entry);
        entity.gazetteer_id = Some(g.id.clone());
        entity.link = Some(method);
        entity.name = g.name.clone();
        entity.kind = g.kind;
        entity.gender = g.gender.or(entity.gender);
    }

    fn new_entity(&self, entry: u32, method: LinkMethod, mention: Span) -> Entity {
        let mut entity = Entity {
            id: 0,
            name: String::new(),
            kind: self.entry(entry).kind,
            gender: None,
            mentions: vec![mention],
            descriptors: Vec::new(),
            gazetteer_id: None,
            link: None,
        };
        self.apply(&mut entity, entry, method);
        entity
    }

    /// Ties speakers that have no entity and whose mention is a listed
    /// description to the entry it describes.
    fn resolve_descriptions(
        &self,
        index: &CharIndex<'_>,
        doc: &mut Document,
        by_entry: &mut HashMap<String, usize>,
    ) {
        for q in 0..doc.quotes.len() {
            let Some(speaker) = &doc.quotes[q].speaker else {
                continue;
            };
            let Some(mention) = &speaker.mention else {
                continue;
            };
            if speaker.entity.is_some() {
                continue;
            }
            let key = fold_key(&mention.text);
            let key = ARTICLES
                .iter()
                .find_map(|a| key.strip_prefix(a))
                .unwrap_or(&key);
            let described = self.entries_described_as(key);
            if described.is_empty() {
                continue;
            }
            // Prefer entries the document mentions; else the only one listed.
            let present: Vec<usize> = described
                .iter()
                .filter_map(|&e| by_entry.get(&self.entry(e).id).copied())
                .collect();
            let entity = match (present.as_slice(), described) {
                ([one], _) => *one,
                ([], [only]) => {
                    let span = index.span(mention.start, mention.end);
                    let i = doc.entities.len();
                    doc.entities
                        .push(self.new_entity(*only, LinkMethod::Descriptor, span));
                    by_entry.insert(self.entry(*only).id.clone(), i);
                    i
                }
                _ => continue,
            };
            let speaker = doc.quotes[q].speaker.as_mut().expect("checked above");
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::Description;
        }
    }
}

/// The entry most of an entity's mentions match (ties broken by the better
/// method; a remaining tie links nothing). Marks the matches it overlaps.
fn vote(entity: &Entity, found: &[Found], covered: &mut [bool]) -> Option<(u32, LinkMethod)> {
    let mut votes: HashMap<u32, (usize, LinkMethod)> = HashMap::new();
    for m in &entity.mentions {
        let from = found.partition_point(|f| f.end <= m.start);
        for (i, f) in found.iter().enumerate().skip(from) {
            if f.start >= m.end {
                break;
            }
            covered[i] = true;
            if let Some(e) = f.entry {
                let v = votes.entry(e).or_insert((0, f.method));
                v.0 += 1;
                v.1 = v.1.min(f.method);
            }
        }
    }
    let best = votes
        .iter()
        .map(|(&e, &(n, m))| (n, std::cmp::Reverse(m), e))
        .max()?;
    let tied = votes
        .values()
        .filter(|&&(n, m)| (n, std::cmp::Reverse(m)) == (best.0, best.1))
        .count();
    (tied == 1).then_some((best.2, best.1 .0))
}

/// Merges entities linked to the same entry, orders entities by first
/// mention, makes each id its index and remaps the speakers.
fn merge_and_order(doc: &mut Document) {
    let old = std::mem::take(&mut doc.entities);
    let mut target: Vec<usize> = Vec::with_capacity(old.len());
    let mut merged: Vec<Entity> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for mut e in old {
        let into = e
            .gazetteer_id
            .as_ref()
            .and_then(|id| by_id.get(id))
            .copied();
        match into {
            Some(i) => {
                let m = &mut merged[i];
                m.mentions.append(&mut e.mentions);
                for d in e.descriptors {
                    if !m.descriptors.contains(&d) {
                        m.descriptors.push(d);
                    }
                }
                m.gender = m.gender.or(e.gender);
                if let (Some(a), Some(b)) = (&m.link, &e.link) {
                    if b < a {
                        m.link = e.link;
                    }
                }
                target.push(i);
            }
            None => {
                if let Some(id) = &e.gazetteer_id {
                    by_id.insert(id.clone(), merged.len());
                }
                target.push(merged.len());
                merged.push(e);
            }
        }
    }
    for e in &mut merged {
        e.mentions.sort_by_key(|s| (s.start, s.end));
        e.mentions.dedup_by_key(|s| (s.start, s.end));
    }
    let mut order: Vec<usize> = (0..merged.len()).collect();
    order.sort_by_key(|&i| {
        (
            merged[i].mentions.first().map_or(usize::MAX, |s| s.start),
            i,
        )
    });
    let mut new_index = vec![0; merged.len()];
    for (n, &i) in order.iter().enumerate() {
        new_index[i] = n;
    }
    let mut slots: Vec<Option<Entity>> = merged.into_iter().map(Some).collect();
    doc.entities = order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let mut e = slots[i].take().expect("each entity once");
            e.id = n;
            e
        })
        .collect();
    for quote in &mut doc.quotes {
        if let Some(s) = &mut quote.speaker {
            s.entity = s.entity.map(|i| new_index[target[i]]);
        }
        if let Some(a) = &mut quote.addressee {
            a.entity = a.entity.map(|i| new_index[target[i]]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Gender, Method, Quote, QuoteKind, Speaker};
    use crate::GazetteerEntry;

    const TEXT: &str = "Putin met Joe Biden. “No,” the Russian leader said. Vladimir Putin left. “Yes,” Biden said. “Maybe,” the Kremlin spokesman said.";

    fn gazetteer() -> Gazetteer {
        Gazetteer::builder()
            .entry(
                GazetteerEntry::new("putin", "Vladimir Putin", EntityKind::Person)
                    .descriptor("Russian leader")
                    .gender(Gender::Male),
            )
            .entry(GazetteerEntry::new(
                "biden",
                "Joe Biden",
                EntityKind::Person,
            ))
            .entry(
                GazetteerEntry::new("peskov", "Dmitry Peskov", EntityKind::Person)
                    .descriptor("Kremlin spokesman"),
            )
            .build()
            .unwrap()
    }

    fn span(index: &CharIndex<'_>, needle: &str, nth: usize) -> Span {
        let start = TEXT.match_indices(needle).nth(nth).expect("needle").0;
        index.span(start, start + needle.len())
    }

    fn entity(id: usize, name: &str, mentions: Vec<Span>) -> Entity {
        Entity {
            id,
            name: name.to_string(),
            kind: EntityKind::Other,
            gender: None,
            mentions,
            descriptors: vec!["russian president".into()],
            gazetteer_id: None,
            link: None,
        }
    }

    fn quote(
        index: &CharIndex<'_>,
        content: &str,
        mention: Option<(&str, usize)>,
        entity: Option<usize>,
        resolution: Resolution,
    ) -> Quote {
        Quote {
            kind: QuoteKind::Direct,
            content: vec![span(index, content, 0)],
            cue: None,
            speaker: Some(Speaker {
                mention: mention.map(|(m, n)| span(index, m, n)),
                entity,
                method: Method::SpeechTag,
                resolution,
                confidence: 0.9,
            }),
            addressee: None,
            language: None,
        }
    }

    /// A document as a pipeline might leave it: Putin split into two
    /// entities (listed out of order), Biden found, Peskov never named.
    fn document(index: &CharIndex<'_>) -> Document {
        Document {
            id: None,
            language: None,
            genre: crate::Genre::News,
            quotes: vec![
                quote(
                    index,
                    "“No,”",
                    Some(("the Russian leader", 0)),
                    None,
                    Resolution::Description,
                ),
                quote(
                    index,
                    "“Yes,”",
                    Some(("Biden", 1)),
                    Some(0),
                    Resolution::Name,
                ),
                quote(
                    index,
                    "“Maybe,”",
                    Some(("the Kremlin spokesman", 0)),
                    None,
                    Resolution::Unresolved,
                ),
            ],
            entities: vec![
                entity(0, "Biden", vec![span(index, "Biden", 1)]),
                entity(1, "Vladimir Putin", vec![span(index, "Vladimir Putin", 0)]),
                entity(2, "Putin", vec![span(index, "Putin", 0)]),
            ],
            error: None,
        }
    }

    #[test]
    fn links_merges_orders_and_resolves_descriptions() {
        let index = CharIndex::new(TEXT);
        let mut doc = document(&index);
        gazetteer().link(TEXT, &index, &mut doc);
        type Row<'a> = (
            usize,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Vec<&'a str>,
        );
        let summary: Vec<Row> = doc
            .entities
            .iter()
            .map(|e| {
                let mentions = e.mentions.iter().map(|m| m.text.as_str()).collect();
                (
                    e.id,
                    e.name.as_str(),
                    e.gazetteer_id.as_deref(),
                    e.link.map(|l| l.as_str()),
                    mentions,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    0,
                    "Vladimir Putin",
                    Some("putin"),
                    Some("exact"),
                    vec!["Putin", "Vladimir Putin"]
                ),
                (
                    1,
                    "Joe Biden",
                    Some("biden"),
                    Some("exact"),
                    vec!["Joe Biden", "Biden"]
                ),
                (
                    2,
                    "Dmitry Peskov",
                    Some("peskov"),
                    Some("descriptor"),
                    vec!["the Kremlin spokesman"]
                ),
            ]
        );
        let putin = &doc.entities[0];
        assert_eq!(
            (putin.kind, putin.gender),
            (EntityKind::Person, Some(Gender::Male))
        );
        assert_eq!(
            putin.descriptors,
            ["russian president"],
            "merged without duplicates"
        );
        let speakers: Vec<(Option<usize>, Resolution)> = doc
            .quotes
            .iter()
            .map(|q| {
                q.speaker
                    .as_ref()
                    .map(|s| (s.entity, s.resolution))
                    .unwrap()
            })
            .collect();
        assert_eq!(
            speakers,
            [
                (Some(0), Resolution::Description),
                (Some(1), Resolution::Name),
                (Some(2), Resolution::Description),
            ]
        );
    }

    #[test]
    fn ambiguous_descriptions_and_unknown_ones_stay_unresolved() {
        let g = Gazetteer::builder()
            .entry(
                GazetteerEntry::new("a", "Ann Lee", EntityKind::Person)
                    .descriptor("Kremlin spokesman"),
            )
            .entry(
                GazetteerEntry::new("b", "Bo Kim", EntityKind::Person)
                    .descriptor("Kremlin spokesman"),
            )
            .build()
            .unwrap();
        let index = CharIndex::new(TEXT);
        let mut doc = document(&index);
        g.link(TEXT, &index, &mut doc);
        assert_eq!(
            doc.quotes[0].speaker.as_ref().unwrap().entity,
            None,
            "nobody listed as Russian leader"
        );
        assert_eq!(
            doc.quotes[2].speaker.as_ref().unwrap().entity,
            None,
            "two Kremlin spokesmen"
        );
        assert_eq!(
            doc.quotes[2].speaker.as_ref().unwrap().resolution,
            Resolution::Unresolved
        );
        assert!(doc.entities.iter().all(|e| e.gazetteer_id.is_none()));
        // The document's own entities are kept, reordered by first mention.
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Putin", "Vladimir Putin", "Biden"]);
        assert_eq!(doc.quotes[1].speaker.as_ref().unwrap().entity, Some(2));
    }
}
