//! Ordinary news patterns that once failed (issue "One engine for every
//! kind of text"), each in our own wording.

use quotewise::{Document, Extractor, Quote};

fn extract(text: &str) -> Document {
    Extractor::new().extract(text)
}

/// The name of the entity that speaks `quote`, or the mention's text.
fn speaker(doc: &Document, quote: &Quote) -> Option<String> {
    match doc.speaker_entity(quote) {
        Some(e) => Some(e.name.clone()),
        None => Some(quote.speaker.as_ref()?.mention.as_ref()?.text.clone()),
    }
}

#[test]
fn an_occupation_before_the_name_after_said() {
    for text in [
        "“The bridge is safe,” said engineer Tom Reyes.",
        "“The bridge is safe,” said city engineer Tom Reyes.",
        "“Our wards are full,” said nurse Ellen Park on Tuesday.",
    ] {
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{text}");
        let name = speaker(&doc, &doc.quotes[0]);
        assert!(
            name.as_deref()
                .is_some_and(|n| n.ends_with("Reyes") || n.ends_with("Park")),
            "{text}: {name:?}"
        );
    }
}

#[test]
fn a_role_then_the_name_in_apposition() {
    for text in [
        "“Rates will stay high,” the central bank governor, Ana Díaz, said on Monday.",
        "“Rates will stay high,” the governor, Ana Díaz, said on Monday.",
    ] {
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{text}");
        assert_eq!(
            speaker(&doc, &doc.quotes[0]).as_deref(),
            Some("Ana Díaz"),
            "{text}"
        );
    }
}

#[test]
fn a_pronoun_agrees_with_the_gender_of_a_first_name() {
    let doc =
        extract("John Smith met Mary Jones on Friday. “I’m not convinced,” she told reporters.");
    assert_eq!(speaker(&doc, &doc.quotes[0]).as_deref(), Some("Mary Jones"));
    let doc =
        extract("Mary Jones met John Smith on Friday. “I’m not convinced,” he told reporters.");
    assert_eq!(speaker(&doc, &doc.quotes[0]).as_deref(), Some("John Smith"));
}

#[test]
fn a_pronoun_never_writes_a_contradicting_gender() {
    let doc =
        extract("John Smith met Mary Jones on Friday. “I’m not convinced,” she told reporters.");
    for e in &doc.entities {
        match e.name.as_str() {
            "John Smith" => assert_eq!(e.gender, Some(quotewise::Gender::Male)),
            "Mary Jones" => assert_eq!(e.gender, Some(quotewise::Gender::Female)),
            _ => {}
        }
    }
}

#[test]
fn confidence_orders_a_name_tag_above_an_unresolved_description() {
    let named = extract("“We will fight,” said union leader Mike Davis.");
    let vague = extract("“We will fight,” someone said, according to a post online.");
    let c = |d: &Document| d.quotes[0].speaker.as_ref().map_or(0.0, |s| s.confidence);
    assert!(c(&named) >= 0.8, "a named speech tag: {}", c(&named));
    assert!(c(&named) > c(&vague));
}

/// Each text has one direct quote whose speaker is `name`.
fn assert_speaker(cases: &[(&str, &str)]) {
    for &(text, name) in cases {
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{text}");
        assert_eq!(
            speaker(&doc, &doc.quotes[0]).as_deref(),
            Some(name),
            "{text}"
        );
    }
}

#[test]
fn a_tag_that_ends_in_a_statement() {
    assert_speaker(&[
        (
            "“The plant will close,” said Lena Ortiz in a statement.",
            "Lena Ortiz",
        ),
        (
            "“The plant will close,” said Ortiz in an interview.",
            "Ortiz",
        ),
        (
            "“The plant will close,” said union president Lena Ortiz in a statement on Friday.",
            "Lena Ortiz",
        ),
    ]);
}

#[test]
fn a_name_with_a_possessive_apposition_before_said() {
    assert_speaker(&[
        (
            "“We will keep fighting,” Dana Kim, Ortiz’ campaign manager, said in a statement.",
            "Dana Kim",
        ),
        (
            "“We will keep fighting,” Dana Kim, the campaigns' treasurer, said.",
            "Dana Kim",
        ),
    ]);
}

#[test]
fn a_sentence_that_runs_on_after_the_quote_before_its_tag() {
    assert_speaker(&[
        (
            "“I want to thank every volunteer who knocked on doors” for the result, Ortiz said.",
            "Ortiz",
        ),
        (
            "“It would be a serious upset” if the mayor lost the district, said Paul Reed, a pollster.",
            "Paul Reed",
        ),
    ]);
    // A quoted phrase inside a sentence stays a partial quote of its clause.
    let doc = extract("She called the plan “reckless” for the city, Ortiz said.");
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.kind != quotewise::QuoteKind::Direct));
}

#[test]
fn reacted_is_a_speech_tag() {
    assert_speaker(&[(
        "“Who is paying for this?” reacted Senator Lena Ortiz.",
        "Lena Ortiz",
    )]);
}
