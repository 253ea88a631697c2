//! Property tests: on arbitrary Unicode and on generated news-like text, in
//! every option combination, extraction never panics, every result
//! invariant holds (see `common::check_document`), and the result is the
//! same every time, on every thread, and in a batch (`extract_many`).

mod common;

use proptest::prelude::*;
use quotewise::{Extractor, ExtractorBuilder};

/// Every option combination the builder accepts, sampled.
fn extractor() -> impl Strategy<Value = Extractor> {
    (any::<bool>(), any::<bool>(), 0.0f32..=1.0).prop_map(|(indirect, partial, c)| {
        ExtractorBuilder::new()
            .indirect(indirect)
            .partial(partial)
            .min_confidence(c)
            .build()
            .expect("options in range are accepted")
    })
}

/// Text built from the things extraction reacts to: every quote mark,
/// apostrophes, names, titles, pronouns, reporting verbs, punctuation and
/// paragraph breaks, among plain words.
fn news_text() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "“",
        "”",
        "\"",
        "„",
        "«",
        "»",
        "‹",
        "›",
        "「",
        "」",
        "『",
        "』",
        "‘",
        "’",
        "'",
        "’s",
        "don’t",
        "’90s",
        "rock ’n’ roll",
        "Jane Smith",
        "Putin",
        "Vladimir Putin",
        "Russian President Vladimir Putin",
        "Kremlin spokesman Dmitry Peskov",
        "the president",
        "the Russian leader",
        "the White House",
        "Mr. Lee",
        "Ms. Ortiz",
        "He",
        "he",
        "she",
        "She",
        "they",
        "said",
        "says",
        "told reporters",
        "added",
        "noted that",
        "said that",
        "warned",
        "according to",
        "According to",
        "explained:",
        "asked",
        "we will win",
        "the",
        "talks",
        "on Friday",
        "in Moscow",
        "a",
        "that",
        ",",
        ".",
        ":",
        ";",
        "?",
        "!",
        "–",
        "—",
        "(",
        ")",
        "\n",
        "\n\n",
        " ",
        "\t",
        "\u{a0}",
        "é",
        "日本",
        "مرحبا",
        "\0",
    ];
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|tokens| {
        let mut text = String::new();
        for token in tokens {
            text.push_str(token);
            text.push(' ');
        }
        text
    })
}

/// Arbitrary Unicode weighted towards quote marks, spaces and newlines.
fn unicode_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[“”\"'‘’«»‹›„「」『』 \nA-Za-z.,:]{0,200}",
        "(\\PC|[“”\"'\n]){0,300}",
    ]
}

fn check(extractor: &Extractor, text: &str) {
    let doc = extractor.extract(text);
    common::check_document(text, &doc, extractor.options());
    assert_eq!(doc, extractor.extract(text), "same text, same result");
    let elsewhere = std::thread::scope(|s| s.spawn(|| extractor.extract(text)).join().unwrap());
    assert_eq!(doc, elsewhere, "same result on another thread");
    let batch = extractor.extract_many(&[text, "“Yes,” she said.", text]);
    assert_eq!(batch.len(), 3);
    assert_eq!(batch[0], doc, "extract(t) equals the batch result for t");
    assert_eq!(
        batch[2], doc,
        "the batch result is the same at every position"
    );
    let with_id = extractor.extract_with_id("x", text);
    assert_eq!(with_id.id.as_deref(), Some("x"));
    assert_eq!(
        (with_id.quotes, with_id.entities),
        (doc.quotes, doc.entities)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_arbitrary_unicode(extractor in extractor(), text in unicode_text()) {
        check(&extractor, &text);
    }

    #[test]
    fn invariants_hold_on_news_like_text(extractor in extractor(), text in news_text()) {
        check(&extractor, &text);
    }

    /// Quotes never overlap, except a partial quote inside reported speech.
    #[test]
    fn quotes_never_overlap(extractor in extractor(), text in news_text()) {
        common::check_no_overlap(&extractor.extract(&text));
    }

    #[test]
    fn any_fuzz_input_passes_the_fuzz_checks(data in prop::collection::vec(any::<u8>(), 0..400)) {
        common::fuzz_extract(&data);
    }
}
