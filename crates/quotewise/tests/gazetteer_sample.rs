//! Golden test: the sample article linked to the sample gazetteer
//! (`examples/sample_gazetteer.csv`).

use std::path::PathBuf;

use quotewise::{Document, EntityKind, ExtractorBuilder, Gazetteer, LinkMethod};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn article() -> String {
    std::fs::read_to_string(example("sample_article.txt")).expect("sample article")
}

fn gazetteer() -> Gazetteer {
    Gazetteer::from_path(example("sample_gazetteer.csv")).expect("sample gazetteer loads")
}

/// Every mention of a gazetteer entity in the article, in order.
const MENTIONS: &[(&str, &str, LinkMethod)] = &[
    ("Russia", "russia", LinkMethod::Exact),
    ("United States", "united-states", LinkMethod::Exact),
    ("Vladimir Putin", "putin", LinkMethod::Exact),
    ("US", "united-states", LinkMethod::Exact),
    ("Putin", "putin", LinkMethod::Variant),
    ("Rosiah 24", "rossiya24", LinkMethod::Fuzzy),
    ("President Biden", "biden", LinkMethod::Variant),
    ("Putin", "putin", LinkMethod::Variant),
    ("Russia", "russia", LinkMethod::Exact),
    ("United States", "united-states", LinkMethod::Exact),
    ("Joe Biden", "biden", LinkMethod::Exact),
    ("Russia", "russia", LinkMethod::Exact),
    ("United States", "united-states", LinkMethod::Exact),
    ("Putin", "putin", LinkMethod::Variant),
    ("United States", "united-states", LinkMethod::Exact),
    ("Putin", "putin", LinkMethod::Variant),
    ("Biden", "biden", LinkMethod::Variant),
    ("White House", "white-house", LinkMethod::Exact),
    ("Putin", "putin", LinkMethod::Variant),
    ("Putin", "putin", LinkMethod::Variant),
    ("Biden", "biden", LinkMethod::Variant),
    ("Kremlin", "kremlin", LinkMethod::Exact),
    ("Dmitry Peskov", "peskov", LinkMethod::Exact),
    ("Putin’s", "putin", LinkMethod::Variant),
    ("MTI", "mti", LinkMethod::Exact),
    ("MTI", "mti", LinkMethod::Exact),
];

#[test]
fn every_mention_in_the_sample_article_is_found() {
    let text = article();
    let got: Vec<(String, String, LinkMethod)> = gazetteer()
        .find(&text)
        .into_iter()
        .map(|m| {
            assert_eq!(text[m.span.range()], m.span.text);
            (
                m.span.text,
                m.id.expect("nothing ambiguous in the sample"),
                m.method,
            )
        })
        .collect();
    let want: Vec<(String, String, LinkMethod)> = MENTIONS
        .iter()
        .map(|&(t, id, m)| (t.to_string(), id.to_string(), m))
        .collect();
    assert_eq!(got, want);
}

fn linked() -> (String, Document) {
    let text = article();
    let extractor = ExtractorBuilder::new()
        .gazetteer(gazetteer())
        .build()
        .expect("extractor");
    let doc = extractor.extract(&text);
    (text, doc)
}

#[test]
fn extraction_links_every_mention_to_one_entity_per_gazetteer_entry() {
    let (_, doc) = linked();
    for (i, e) in doc.entities.iter().enumerate() {
        assert_eq!(e.id, i, "entity ids are indexes");
    }
    let starts: Vec<usize> = doc.entities.iter().map(|e| e.mentions[0].start).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "ordered by first mention"
    );
    // Every gazetteer match overlaps a mention of the entity linked to it.
    let (text, _) = linked();
    for m in gazetteer().find(&text) {
        let id = m.id.as_deref().expect("nothing ambiguous in the sample");
        let entity = doc
            .entities
            .iter()
            .find(|e| e.gazetteer_id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no entity linked to {id}"));
        assert!(
            entity
                .mentions
                .iter()
                .any(|x| x.start < m.span.end && m.span.start < x.end),
            "{:?} is a mention of {id}: {:?}",
            m.span.text,
            entity.mentions
        );
    }
    let ids: Vec<&str> = doc
        .entities
        .iter()
        .filter_map(|e| e.gazetteer_id.as_deref())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        ids.len(),
        unique.len(),
        "one entity per gazetteer entry: {ids:?}"
    );
    assert_eq!(unique.len(), 9);
    let putin = doc
        .entities
        .iter()
        .find(|e| e.gazetteer_id.as_deref() == Some("putin"))
        .unwrap();
    assert_eq!(
        (putin.name.as_str(), putin.kind),
        ("Vladimir Putin", EntityKind::Person)
    );
    assert_eq!(putin.link, Some(LinkMethod::Exact));
    let rossiya = doc
        .entities
        .iter()
        .find(|e| e.gazetteer_id.as_deref() == Some("rossiya24"))
        .unwrap();
    assert_eq!(
        (rossiya.name.as_str(), rossiya.kind),
        ("Rossiya 24", EntityKind::Media)
    );
    assert_eq!(rossiya.link, Some(LinkMethod::Fuzzy));
    assert_eq!(rossiya.mentions[0].text, "Rosiah 24");
}

#[test]
fn the_russian_leader_is_putin() {
    let (_, doc) = linked();
    let quote = doc
        .quotes
        .iter()
        .find(|q| q.text().contains("interesting for both Russia"))
        .expect("the quote the Russian leader said");
    let speaker = doc.speaker_entity(quote).expect("speaker resolved");
    assert_eq!(speaker.gazetteer_id.as_deref(), Some("putin"));
    // The last quote is Peskov's.
    let last = doc.quotes.last().expect("quotes");
    assert_eq!(
        doc.speaker_entity(last)
            .and_then(|e| e.gazetteer_id.as_deref()),
        Some("peskov")
    );
}

#[test]
fn without_a_gazetteer_the_article_still_clusters_the_people() {
    let doc = quotewise::Extractor::new().extract(&article());
    for name in ["Vladimir Putin", "Joe Biden", "Dmitry Peskov"] {
        let e = doc
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} is an entity"));
        assert!(
            e.mentions.len() >= 2 || name == "Dmitry Peskov",
            "{name}: {:?}",
            e.mentions
        );
        assert_eq!((e.gazetteer_id.as_deref(), e.link), (None, None));
    }
}
