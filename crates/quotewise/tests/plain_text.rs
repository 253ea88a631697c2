//! Plain-text books end to end: Project Gutenberg's licence, quotes over
//! several wrapped paragraphs, British single-quote dialogue.

use quotewise::{Extractor, QuoteKind};

/// The first two paragraphs and the first quote of the sample chapter
/// (`examples/sample_novel.txt`), hard-wrapped as published.
fn opening() -> &'static str {
    let chapter = include_str!("../../../examples/sample_novel.txt");
    let start = chapter.find("It is a truth").expect("the opening");
    let end = chapter.find("let at last?\"\n").expect("the first quote") + 14;
    &chapter[start..end]
}

/// The pieces of every direct quote of `text`.
fn direct(text: &str) -> Vec<Vec<String>> {
    Extractor::new()
        .extract(text)
        .quotes
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.content.into_iter().map(|s| s.text).collect())
        .collect()
}

#[test]
fn no_quotes_from_the_gutenberg_licence() {
    let text = format!(
        "{}{}{}",
        "\
The Project Gutenberg EBook of Pride and Prejudice, by Jane Austen

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever. \"You may copy it,\" the licence says,
\"give it away or re-use it under the terms of the Project Gutenberg\"

*** START OF THIS PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***

",
        opening(),
        "
End of the Project Gutenberg EBook of Pride and Prejudice, by Jane Austen

*** END OF THIS PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***

\"Project Gutenberg\" is a registered trademark, \"the Foundation\" said.
",
    );
    let found = direct(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0],
        [
            "\"My dear Mr. Bennet,\"",
            "\"have you heard that\nNetherfield Park is let at last?\""
        ]
    );
}

#[test]
fn a_quote_over_wrapped_paragraphs_each_reopened_is_one_quote() {
    let text = "\
\"I have a great deal to tell you, and you must hear all of it before you
judge me; for I was not so much to blame as you have been told by them.

\"When I came to the house that evening the door was open, and no one
answered when I called out. I went in, and found the letter on the table.

\"That is all,\" said he, \"and you may believe it or not, as you please.\"

She said nothing for a long time, and then she rose and went to the door.
";
    let found = direct(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].len(), 4, "{found:?}");
    assert!(found[0][0].ends_with("told by them."));
    assert!(found[0][1].starts_with("\"When I came"));
    assert_eq!(found[0][2], "\"That is all,\"");
}

#[test]
fn british_single_quote_dialogue_with_apostrophes() {
    let text = "\
‘I took the boys’ books back to the school this morning, as you asked me
to,’ said Tom, ‘and the master said “thank you” and nothing more. ’Tis
always the way with him.’

‘Well, I was goin’ there myself at eleven o’clock,’ said his mother, ‘so
you needn’t have troubled.’
";
    let found = direct(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].len(), 2);
    assert!(found[0][0].ends_with("as you asked me\nto,’"));
    assert!(found[0][1].ends_with("always the way with him.’"));
    assert_eq!(
        found[1],
        [
            "‘Well, I was goin’ there myself at eleven o’clock,’",
            "‘so\nyou needn’t have troubled.’"
        ]
    );
}

#[test]
fn news_with_a_paragraph_a_line_is_read_as_before() {
    // Short paragraphs, one a line: no line is a wrap.
    let text = "“We will win,” Jane Smith said on Monday in a speech to the party\n\
                It was her first speech since the election in the spring of 2024.\n\
                “And we will win again,” she added, to the applause of the hall.\n";
    let found = direct(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], ["“We will win,”"]);
}
