//! The document language through the public API: detected or set by hand,
//! checked when set, and carried through options and JSON.

use quotewise::{Document, EntityKind, ErrorKind, Extractor, ExtractorBuilder, Options};

const GERMAN: &str = "„Wir werden die Reform nicht aufgeben“, sagte der Bundeskanzler am Montag.";
const SPANISH: &str = "«No vamos a subir los impuestos», dijo el presidente del Gobierno.";

#[test]
fn each_document_says_its_detected_language() {
    let ex = Extractor::new();
    assert_eq!(ex.options().language, None);
    assert_eq!(ex.extract(GERMAN).language.as_deref(), Some("de"));
    assert_eq!(ex.extract(SPANISH).language.as_deref(), Some("es"));
    assert_eq!(ex.extract("").language, None);
    assert_eq!(ex.extract("OK.").language, None);
    let docs = ex.extract_many(&[GERMAN, SPANISH]);
    let codes: Vec<Option<&str>> = docs.iter().map(|d| d.language.as_deref()).collect();
    assert_eq!(codes, [Some("de"), Some("es")]);
}

#[test]
fn a_language_set_by_hand_is_every_document_s() {
    let ex = ExtractorBuilder::new().language("pt").build().unwrap();
    assert_eq!(ex.options().language.as_deref(), Some("pt"));
    assert_eq!(ex.extract(GERMAN).language.as_deref(), Some("pt"));
    assert_eq!(ex.extract("").language.as_deref(), Some("pt"));
    // "auto" is the default; "en" picks the built-in English lexicon.
    let auto = ExtractorBuilder::new().language("auto").build().unwrap();
    assert_eq!(auto.options().language, None);
    let en = ExtractorBuilder::new().language("en").build().unwrap();
    assert_eq!(en.lexicon().code(), "en");
}

#[test]
fn an_unknown_language_is_a_config_error() {
    let err = ExtractorBuilder::new().language("xx").build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    let message = err.to_string();
    assert!(
        message.contains(
            r#"unknown language "xx": expected auto or one of de, en, es, fr, hu, it, nl, pt"#
        ),
        "{message}"
    );
}

#[test]
fn the_language_round_trips_through_options_and_json() {
    let ex = ExtractorBuilder::new().language("hu").build().unwrap();
    let json = serde_json::to_string(ex.options()).unwrap();
    assert!(json.contains(r#""language":"hu""#), "{json}");
    let options: Options = serde_json::from_str(&json).unwrap();
    let again = ExtractorBuilder::from_options(options).build().unwrap();
    assert_eq!(again.options(), ex.options());
    // Options written before the field existed read as "auto".
    let old: Options =
        serde_json::from_str(r#"{"indirect":true,"partial":false,"min_confidence":0.0}"#).unwrap();
    assert_eq!(old.language, None);

    let doc = Extractor::new().extract(GERMAN);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains(r#""language":"de""#), "{json}");
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    // Documents written before the field existed have no language.
    let old: Document = serde_json::from_str(r#"{"id":null,"quotes":[],"entities":[]}"#).unwrap();
    assert_eq!(old.language, None);
}

#[test]
fn paragraphs_of_a_mixed_document_have_their_own_language() {
    let text = format!("{GERMAN}\n\n« Personne ne sait ce qui va se passer. »\n\n{SPANISH}");
    let codes: Vec<String> = quotewise::detect_paragraph_languages(&text)
        .iter()
        .map(|p| p.detection.code().to_string())
        .collect();
    assert_eq!(codes, ["de", "fr", "es"]);
    // The document as a whole has the language with the most evidence.
    let d = quotewise::detect_language(&text);
    assert!(d.scores.len() >= 3, "{:?}", d.scores);
    assert!(quotewise::detectable_languages().count() >= 8);
}

/// An English article with a paragraph in Spanish and one in German, each
/// naming the same minister.
const MIXED: &str = "“We will not back down,” said Labour Minister Joaquín Pérez on Monday.\n\n\
«No vamos a ceder ante nadie», dijo Joaquín Pérez en Madrid.\n\n\
„Wir stehen an der Seite der Beschäftigten“, sagte Joaquín Pérez am Dienstag in Berlin.\n\n\
The talks resume on Friday.";

#[test]
fn each_paragraph_of_a_mixed_document_is_read_in_its_own_language() {
    let doc = Extractor::new().extract(MIXED);
    // The English lexicon alone does not know `dijo` or `sagte`: each
    // paragraph was read with its own language's words.
    assert_eq!(doc.quotes.len(), 3, "{:#?}", doc.quotes);
    let languages: Vec<Option<&str>> = doc.quotes.iter().map(|q| q.language.as_deref()).collect();
    assert_eq!(languages, [Some("en"), Some("es"), Some("de")]);
    // Too evenly split for the whole text to tell its language: the
    // document's is that of its longest stretch, the German paragraph.
    assert_eq!(quotewise::detect_language(MIXED).language, None);
    assert_eq!(doc.language.as_deref(), Some("de"));
    // One minister, named in all three, is one entity.
    let named: Vec<&str> = doc
        .quotes
        .iter()
        .map(|q| doc.speaker_entity(q).map_or("-", |e| e.name.as_str()))
        .collect();
    assert_eq!(named, ["Joaquín Pérez"; 3]);
    // (Its places and the German nouns are entities too.)
    let people: Vec<&quotewise::Entity> = doc
        .entities
        .iter()
        .filter(|e| e.name.contains("Pérez"))
        .collect();
    assert_eq!(people.len(), 1, "{:#?}", doc.entities);
    assert_eq!(people[0].mentions.len(), 3);
    assert_eq!(people[0].kind, EntityKind::Person);
    // Every span is the whole text's, in bytes and in chars.
    let chars: Vec<char> = MIXED.chars().collect();
    let spans = doc.quotes.iter().flat_map(|q| {
        let speaker = q.speaker.as_ref().and_then(|s| s.mention.as_ref());
        q.content.iter().chain(&q.cue).chain(speaker)
    });
    for s in spans.chain(doc.entities.iter().flat_map(|e| &e.mentions)) {
        assert_eq!(&MIXED[s.start..s.end], s.text);
        let by_char: String = chars[s.char_start..s.char_end].iter().collect();
        assert_eq!(by_char, s.text);
    }
    // A document in one language has no per-quote language.
    assert!(Extractor::new()
        .extract(GERMAN)
        .quotes
        .iter()
        .all(|q| q.language.is_none()));
}

#[test]
fn a_language_set_by_hand_reads_a_mixed_document_as_one() {
    let ex = ExtractorBuilder::new().language("en").build().unwrap();
    let doc = ex.extract(MIXED);
    assert!(doc.quotes.iter().all(|q| q.language.is_none()));
    assert_eq!(doc.language.as_deref(), Some("en"));
}
