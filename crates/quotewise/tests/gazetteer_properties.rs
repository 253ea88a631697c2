//! Property tests of gazetteer matching and linking: on arbitrary Unicode
//! and on news-like text full of names, `find` never panics, its spans lie
//! on char boundaries with the right char offsets, in order and without
//! overlap, the same every time; extraction with a gazetteer keeps every
//! document invariant.

mod common;

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use quotewise::{EntityKind, ExtractorBuilder, Gazetteer, GazetteerEntry, Gender};

static GAZETTEER: LazyLock<Arc<Gazetteer>> = LazyLock::new(|| {
    let person = |id: &str, name: &str| GazetteerEntry::new(id, name, EntityKind::Person);
    Gazetteer::builder()
        .entry(
            person("putin", "Vladimir Putin")
                .gender(Gender::Male)
                .descriptor("Russian leader"),
        )
        .entry(person("joe", "Joe Biden").gender(Gender::Male))
        .entry(person("jill", "Jill Biden").gender(Gender::Female))
        .entry(person("peskov", "Dmitry Peskóv").alias("Dmitri Peskov"))
        .entry(GazetteerEntry::new("r24", "Rossiya 24", EntityKind::Media))
        .entry(GazetteerEntry::new("ny", "New York", EntityKind::Place))
        .entry(GazetteerEntry::new(
            "nyt",
            "New York Times",
            EntityKind::Media,
        ))
        .entry(GazetteerEntry::new("us", "United States", EntityKind::Place).alias("U.S."))
        .build()
        .map(Arc::new)
        .expect("valid gazetteer")
});

fn news_text() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "Putin",
        "Putin’s",
        "Vladimir",
        "V.",
        "Biden",
        "Joe",
        "Jill",
        "Mr.",
        "Mrs.",
        "President",
        "Peskov",
        "Peskow",
        "Peskóv",
        "Pesko\u{301}v",
        "Rossiya",
        "Rosiah",
        "24",
        "New",
        "York",
        "Times",
        "United",
        "States",
        "U.S.",
        "the",
        "Russian",
        "leader",
        "said",
        "“",
        "”",
        "’s",
        "'",
        "-",
        ",",
        ".",
        " ",
        " ",
        " ",
        "\n",
        "\u{a0}",
        "é",
        "İ",
        "ß",
        "x",
    ];
    prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| {
        t.iter()
            .enumerate()
            .map(|(i, w)| {
                if i % 2 == 0 {
                    format!("{w} ")
                } else {
                    w.to_string()
                }
            })
            .collect()
    })
}

fn check_find(text: &str) {
    let found = GAZETTEER.find(text);
    let mut last_end = 0;
    for m in &found {
        common::check_span(text, &m.span, "gazetteer match");
        assert!(m.span.start >= last_end, "in order, no overlap: {found:?}");
        assert!(m.span.start < m.span.end, "not empty");
        last_end = m.span.end;
        assert_eq!(
            m.id.is_none(),
            m.candidates.len() >= 2,
            "ambiguous iff candidates"
        );
        assert!((0.0..=1.0).contains(&m.score));
    }
    assert_eq!(found, GAZETTEER.find(text), "deterministic");
}

proptest! {
    #[test]
    fn find_holds_its_invariants_on_any_text(text in any::<String>()) {
        check_find(&text);
    }

    #[test]
    fn find_holds_its_invariants_on_news_text(text in news_text()) {
        check_find(&text);
    }

    #[test]
    fn extraction_with_a_gazetteer_keeps_document_invariants(text in news_text()) {
        let extractor = ExtractorBuilder::new().gazetteer(Arc::clone(&GAZETTEER)).build().unwrap();
        let doc = extractor.extract(&text);
        common::check_document(&text, &doc, extractor.options());
        for e in &doc.entities {
            if let Some(id) = &e.gazetteer_id {
                prop_assert_eq!(&GAZETTEER.get(id).unwrap().name, &e.name);
                prop_assert!(e.link.is_some());
            }
        }
    }
}
