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

#[test]
fn a_quote_missing_its_closing_mark_keeps_its_tag_outside() {
    let cases = [
        (
            "“We will not back down, said union leader Mike Davis on Thursday. The strike goes on.",
            "Mike Davis",
        ),
        (
            "“The plant stays open, Governor Lena Ortiz said in a statement. Talks resume Monday.",
            "Lena Ortiz",
        ),
    ];
    for (text, name) in cases {
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{text}");
        let quote = &doc.quotes[0];
        let content = &quote.content[0].text;
        assert!(
            !content.contains("said"),
            "{text}: the tag is quoted: {content}"
        );
        assert_eq!(speaker(&doc, quote).as_deref(), Some(name), "{text}");
    }
    // A quote left open with no tag inside still runs to its paragraph end.
    let doc = extract("“We will not back down, and the strike goes on.\n\nTalks resume Monday.");
    assert_eq!(doc.quotes.len(), 1);
    assert!(doc.quotes[0].content[0].text.ends_with("goes on."));
}

#[test]
fn an_untagged_quote_after_a_paragraph_naming_a_new_speaker_is_theirs() {
    let doc = extract(
        "“The budget is balanced,” Mayor Tom Green said on Monday.\n\n\
         Opposition leader Karen Holt disagreed. “This budget hides a deficit.”",
    );
    assert_eq!(doc.quotes.len(), 2);
    assert_eq!(speaker(&doc, &doc.quotes[1]).as_deref(), Some("Karen Holt"));
}

#[test]
fn an_office_inside_a_capitalised_run_is_not_part_of_the_name() {
    let doc = extract(
        "“We followed the rules,” said FBI Director James Comey.\n\n\
         “Nobody is above the law,” said former UN Ambassador John Bolton.\n\n\
         Comey said the review was over.",
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"James Comey"), "{names:?}");
    assert!(names.contains(&"John Bolton"), "{names:?}");
    let comey = doc
        .entities
        .iter()
        .find(|e| e.name == "James Comey")
        .unwrap();
    assert_eq!(comey.mentions.len(), 2, "the later “Comey” joins him");
    // An organisation named after an office word keeps its name.
    let doc = extract("“We are full,” said a Detroit General Hospital nurse.");
    assert!(doc
        .entities
        .iter()
        .any(|e| e.name == "Detroit General Hospital"));
}

#[test]
fn a_tell_tag_with_a_long_addressee_before_the_quote() {
    let doc = extract(
        "In discussing the scandals, former UN Ambassador John Bolton told Breitbart News \
         Daily SiriusXM host Matt Boyle, “The slogan might as well be: Not Indicted, Yet!”",
    );
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        speaker(&doc, &doc.quotes[0]).as_deref(),
        Some("John Bolton")
    );
}

#[test]
fn a_tag_before_whose_cue_or_adverbial_ends_at_the_comma() {
    assert_speaker(&[
        (
            "As analyst Dana Byrd pointed out in December, “The rules can still change before the vote.”",
            "Dana Byrd",
        ),
        (
            "Dana Byrd pointed out, “The rules can still change before the vote.”",
            "Dana Byrd",
        ),
    ]);
}

#[test]
fn a_surname_that_is_a_nationality_word() {
    assert_speaker(&[
        ("“It is a good law,” Cuban said.", "Cuban"),
        ("“It is a good law,” French added on Monday.", "French"),
    ]);
}

#[test]
fn a_surname_that_is_also_a_title_after_an_honorific() {
    assert_speaker(&[
        ("“The levee held,” Mr. King said.", "King"),
        ("“The levee held,” Ms. Prince told reporters.", "Prince"),
        ("“The levee held,” Sen. Lord said on Tuesday.", "Lord"),
    ]);
    // A title alone, or two titles in a row, is still no name.
    for text in [
        "“The levee held,” Lt. Gov. said.",
        "“The levee held,” Vice President said.",
    ] {
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{text}");
        assert_eq!(speaker(&doc, &doc.quotes[0]), None, "{text}");
    }
}

#[test]
fn a_description_with_modifiers_or_a_named_apposition_after_the_quote() {
    assert_speaker(&[
        (
            "“The tax is fair,” the progressive heavyweights wrote in a joint letter.",
            "the progressive heavyweights",
        ),
        (
            "“He always came along,” another fraternity brother, Sam Ortega, recalled.",
            "Sam Ortega",
        ),
    ]);
}

#[test]
fn according_to_after_a_quote() {
    assert_speaker(&[
        (
            "“The evidence falls short,” according to state attorney Rita Vance.",
            "Rita Vance",
        ),
        (
            "“The evidence falls short,” according to the county prosecutor.",
            "the county prosecutor",
        ),
    ]);
}
