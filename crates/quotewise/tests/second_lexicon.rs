//! A second lexicon beside English in one process: a toy language, loaded
//! from its own files, reads its own words and none of English's, while an
//! English extractor in the same process is unchanged.

use std::sync::Arc;

use quotewise::{ErrorKind, Extractor, ExtractorBuilder, Gender, Lexicon, Method};

fn toy() -> Arc<Lexicon> {
    let files = [
        (
            "reporting_verbs.txt",
            include_str!("toy_lang/reporting_verbs.txt"),
        ),
        ("pronouns.txt", include_str!("toy_lang/pronouns.txt")),
        ("titles.txt", include_str!("toy_lang/titles.txt")),
        ("determiners.txt", include_str!("toy_lang/determiners.txt")),
    ];
    Arc::new(Lexicon::from_files("xx", &files).expect("the toy lexicon parses"))
}

/// The speaker mention's text of each quote.
fn speakers(extractor: &Extractor, text: &str) -> Vec<Option<String>> {
    extractor
        .extract(text)
        .quotes
        .iter()
        .map(|q| {
            q.speaker
                .as_ref()
                .and_then(|s| s.mention.as_ref())
                .map(|m| text[m.start..m.end].to_string())
        })
        .collect()
}

#[test]
fn a_toy_language_and_english_live_in_one_process() {
    let toy = ExtractorBuilder::new()
        .lexicon(toy())
        .build()
        .expect("builds");
    let english = Extractor::new();
    assert_eq!(toy.lexicon().code(), "xx");
    assert_eq!(english.lexicon().code(), "en");

    let toy_text = "“Zim zam zum,” blorped Qu. Vorlak.";
    let english_text = "“We will win,” said Jane Smith.";
    // Each reads its own reporting verb and title, not the other's.
    assert_eq!(speakers(&toy, toy_text), [Some("Vorlak".to_string())]);
    assert_eq!(
        speakers(&english, english_text),
        [Some("Jane Smith".into())]
    );
    assert_eq!(speakers(&toy, english_text), [None]);
    assert_eq!(speakers(&english, toy_text), [None]);
    // The toy title gives the toy speaker a gender.
    let doc = toy.extract(toy_text);
    let vorlak = &doc.entities[doc.quotes[0]
        .speaker
        .as_ref()
        .and_then(|s| s.entity)
        .expect("an entity")];
    assert_eq!(vorlak.gender, Some(Gender::Male));
    assert_eq!(vorlak.descriptors, ["qu."]);

    // Its pronoun tags a quote.
    let text = "“Zim zam,” zo blorped.";
    assert_eq!(speakers(&toy, text), [Some("zo".to_string())]);
    let doc = toy.extract(text);
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|s| s.method),
        Some(Method::SpeechTag)
    );
    assert_eq!(speakers(&english, text), [None]);
}

#[test]
fn built_in_lexicons_are_shared() {
    let a = Lexicon::english();
    let b = Lexicon::built_in("en").expect("English is built in");
    assert!(Arc::ptr_eq(&a, &b), "parsed once");
    assert!(Lexicon::built_in("zz").is_none());
}

#[test]
fn bad_lexicon_files_say_which_file_and_line() {
    let err = Lexicon::from_files("xx", &[("verbs.txt", "")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("reporting_verbs.txt"), "{err}");

    let err = Lexicon::from_files(
        "xx",
        &[("reporting_verbs.txt", "# header\ns\tsay said\nq\tblorp\n")],
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert_eq!(
        err.location().file.as_deref(),
        Some("lang/xx/reporting_verbs.txt")
    );
    assert_eq!(err.location().line, Some(3));
    assert!(err.message().contains("expected the class"), "{err}");

    let err = Lexicon::from_files("xx", &[("classes.txt", "colour\tred\n")]).unwrap_err();
    assert!(err.message().contains("unknown class \"colour\""), "{err}");
}
