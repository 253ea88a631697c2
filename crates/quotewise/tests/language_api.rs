//! The document language through the public API: detected or set by hand,
//! checked when set, and carried through options and JSON.

use quotewise::{Document, ErrorKind, Extractor, ExtractorBuilder, Options};

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
