//! Golden test on the article quotewise was designed from
//! (`examples/sample_article.txt`, a copy of the seed fixture).

use quotewise::{Document, Extractor, Method, QuoteKind, Resolution};

const ARTICLE: &str = include_str!("../../../examples/sample_article.txt");

fn extract() -> Document {
    Extractor::new().extract(ARTICLE)
}

/// (kind, start of the first content piece, cue, speaker mention, entity name)
type Row = (
    QuoteKind,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const EXPECTED: &[Row] = &[
    // Quoted words inside what Putin suggested: a mixed quote, his.
    (
        QuoteKind::Mixed,
        "conducting a “virtually live”",
        Some("suggested"),
        "Vladimir Putin",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Mixed,
        "that he had instructed to hold",
        Some("told"),
        "Putin",
        "Vladimir Putin",
    ),
    // The tag "Putin said" stands alone on the next line.
    (
        QuoteKind::Direct,
        "“I want to offer President Biden",
        Some("said"),
        "Putin",
        "Vladimir Putin",
    ),
    // "The Russian leader said." resolves by title and nationality.
    (
        QuoteKind::Direct,
        "“I think it will be interesting",
        Some("said"),
        "The Russian leader",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Indirect,
        "that the last time Joe Biden",
        Some("noted"),
        "He",
        "Vladimir Putin",
    ),
    // The opening mark is missing: the quote opens at the paragraph start.
    // "Putin cited bilateral relations, military stability, … among
    // potential topics": the object of a verb of stance, the whole list.
    (
        QuoteKind::Indirect,
        "bilateral relations, military stability",
        Some("cited"),
        "Putin",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Direct,
        "It is known that the situation",
        Some("expressed"),
        "He",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Indirect,
        "everyone starts out on their own",
        Some("According to"),
        "Putin",
        "Vladimir Putin",
    ),
    // An organisation as speaker, inside dashes.
    (
        QuoteKind::Indirect,
        "he has not regretted since Thursday",
        Some("said"),
        "the White House",
        "White House",
    ),
    (
        QuoteKind::Indirect,
        "that everyone started alone",
        Some("expressed"),
        "he",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Direct,
        "“When we study, or think",
        Some("said"),
        "Putin",
        "Vladimir Putin",
    ),
    // No tag: continues the previous quote's speaker.
    (
        QuoteKind::Direct,
        "“In order not to be bothered",
        None,
        "Putin",
        "Vladimir Putin",
    ),
    (
        QuoteKind::Indirect,
        "that he did not want the trial",
        Some("said"),
        "He",
        "Vladimir Putin",
    ),
    // The last "He said" follows "Kremlin spokesman Dmitry Peskov spoke".
    (
        QuoteKind::Indirect,
        "that the footage of the trip",
        Some("said"),
        "He",
        "Dmitry Peskov",
    ),
];

#[test]
fn every_quote_with_its_speaker_and_nothing_else() {
    let doc = extract();
    let got: Vec<Row> = doc
        .quotes
        .iter()
        .map(|q| {
            let first = &q.content[0].text;
            let want = EXPECTED.iter().find(|row| first.starts_with(row.1));
            let prefix = want.map_or("<unexpected>", |row| row.1);
            let speaker = q.speaker.as_ref().expect("every quote here has a speaker");
            let mention = speaker.mention.as_ref().map_or("", |m| m.text.as_str());
            let cue = q.cue.as_ref().map(|c| c.text.as_str());
            let entity = doc.speaker_entity(q).map_or("", |e| e.name.as_str());
            let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
            (q.kind, prefix, cue.map(leak), leak(mention), leak(entity))
        })
        .collect();
    assert_eq!(got, EXPECTED);
}

#[test]
fn direct_quotes_keep_their_marks_and_whole_text() {
    let doc = extract();
    let direct: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.content[0].text.as_str())
        .collect();
    assert_eq!(direct.len(), 5);
    assert!(direct[0].ends_with("without any delay.”"), "{}", direct[0]);
    assert!(
        direct[2].starts_with("It is known") && direct[2].ends_with("share ”"),
        "{}",
        direct[2]
    );
    assert!(direct[3].ends_with("look in the mirror.”"), "{}", direct[3]);
}

#[test]
fn sieves_and_resolutions_are_recorded() {
    let doc = extract();
    let by_start = |prefix: &str| {
        let q = doc
            .quotes
            .iter()
            .find(|q| q.content[0].text.starts_with(prefix))
            .unwrap();
        let s = q.speaker.as_ref().unwrap();
        (s.method, s.resolution)
    };
    assert_eq!(
        by_start("“I want to offer"),
        (Method::AdjacentLine, Resolution::Name)
    );
    assert_eq!(
        by_start("“I think it will"),
        (Method::SpeechTag, Resolution::Description)
    );
    assert_eq!(
        by_start("“In order not"),
        (Method::Continuation, Resolution::Name)
    );
    assert_eq!(
        by_start("that the footage"),
        (Method::SpeechTag, Resolution::Pronoun)
    );
    assert_eq!(
        by_start("everyone starts"),
        (Method::AccordingTo, Resolution::Name)
    );
    for q in &doc.quotes {
        let c = q.speaker.as_ref().unwrap().confidence;
        assert!((0.0..=1.0).contains(&c), "{c}");
    }
}

#[test]
fn apostrophes_are_not_quotes() {
    let doc = extract();
    // "journalists ’interest" is no quote, and no quote opens or closes at
    // its apostrophe.
    assert!(doc.quotes.iter().all(|q| !q.text().contains("’interest")));
    let at = ARTICLE.find("’interest").unwrap();
    assert!(doc
        .quotes
        .iter()
        .flat_map(|q| &q.content)
        .all(|s| s.start != at && s.end != at + "’".len() && s.end != at));
    assert!(doc
        .quotes
        .iter()
        .all(|q| !q.text().contains("Let’s have") || q.kind == QuoteKind::Direct));
}

#[test]
fn entities_cluster_names_titles_and_pronouns() {
    let doc = extract();
    let entity = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let putin = entity("Vladimir Putin");
    assert_eq!(putin.kind, quotewise::EntityKind::Person);
    assert_eq!(putin.gender, Some(quotewise::Gender::Male));
    assert!(putin.descriptors.contains(&"president".to_string()));
    let texts: Vec<&str> = putin.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        texts.contains(&"Putin") && texts.contains(&"The Russian leader"),
        "{texts:?}"
    );
    let biden = entity("Joe Biden");
    assert_eq!(biden.mentions.len(), 4);
    let peskov = entity("Dmitry Peskov");
    assert!(peskov.descriptors.contains(&"spokesman".to_string()));
    assert_eq!(
        entity("White House").kind,
        quotewise::EntityKind::Organisation
    );
}

#[test]
fn spans_carry_char_offsets_into_the_text() {
    let doc = extract();
    let chars: Vec<char> = ARTICLE.chars().collect();
    for q in &doc.quotes {
        for s in q.content.iter().chain(&q.cue) {
            assert_eq!(&ARTICLE[s.start..s.end], s.text);
            let by_chars: String = chars[s.char_start..s.char_end].iter().collect();
            assert_eq!(by_chars, s.text);
        }
    }
}
