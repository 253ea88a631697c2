//! Golden test on a chapter of a novel as Project Gutenberg publishes it,
//! hard-wrapped at about 70 characters (`examples/sample_novel.txt`:
//! chapter 1 of *Pride and Prejudice*, eBook #1342): every quote found
//! whole across its wraps, and the speakers the engine gets right.
//!
//! The speakers are read from the chapter, not taken from an annotated
//! corpus: Mr. and Mrs. Bennet's conversation, mostly without speech tags.

use quotewise::{Document, Extractor, QuoteKind};

const CHAPTER: &str = include_str!("../../../examples/sample_novel.txt");

fn extract() -> Document {
    Extractor::new().extract(CHAPTER)
}

/// Who speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    MrBennet,
    MrsBennet,
}
use Who::{MrBennet as HE, MrsBennet as SHE};

impl Who {
    /// The words that name this speaker in the chapter.
    fn names(self) -> &'static [&'static str] {
        match self {
            Who::MrBennet => &["Mr. Bennet", "Bennet", "he"],
            Who::MrsBennet => &["Mrs. Bennet", "his wife", "his lady", "she"],
        }
    }
}

/// (start of the first content piece, number of pieces, who says it,
/// whether the engine names the speaker right today)
type Row = (&'static str, usize, Who, bool);

/// Every direct quote of the chapter, in order.
#[rustfmt::skip]
const DIRECT: &[Row] = &[
    ("\"My dear Mr. Bennet,\"", 2, SHE, false), // "his lady to him one day": the mention runs on
    // Its second half ("for Mrs. Long has just been here…") is lost:
    // `returned` is no reporting verb, so `returned she;` is no speech tag.
    ("\"But it is,\"", 1, SHE, false),
    ("\"Do you not want to know", 1, SHE, false), // "his wife impatiently"
    ("\"_You_ want to tell me", 1, HE, false),
    ("\"Why, my dear, you must know", 1, SHE, false),
    ("\"What is his name?\"", 1, HE, false),
    ("\"Bingley.\"", 1, SHE, false),
    ("\"Is he married or single?\"", 1, HE, false),
    ("\"Oh! Single, my dear", 1, SHE, false),
    ("\"How so? How can it affect them?\"", 1, HE, false),
    ("\"My dear Mr. Bennet,\"", 2, SHE, true), // replied his wife
    ("\"Is that his design", 1, HE, false),
    ("\"Design! Nonsense", 1, SHE, false),
    ("\"I see no occasion for that.", 1, HE, false),
    ("\"My dear, you flatter me.", 1, SHE, false),
    ("\"In such cases, a woman", 1, HE, false),
    ("\"But, my dear, you must indeed go", 1, SHE, false),
    ("\"It is more than I engage for", 1, HE, false),
    ("\"But consider your daughters.", 1, SHE, false),
    ("\"You are over-scrupulous, surely.", 1, HE, false),
    ("\"I desire you will do no such thing.", 1, SHE, false),
    ("\"They have none of them", 2, HE, false), // replied he: "he" is taken for Lizzy
    ("\"Mr. Bennet, how _can_ you", 1, SHE, false),
    ("\"You mistake me, my dear.", 1, HE, false),
    ("\"Ah, you do not know what I suffer.\"", 1, SHE, false),
    ("\"But I hope you will get over it", 1, HE, false),
    ("\"It will be no use to us", 1, SHE, false),
    ("\"Depend upon it, my dear", 1, HE, false),
];

/// Does the speaker of quote `k` (its mention, and its entity if it has
/// one) name `who`?
fn names(doc: &Document, k: usize, who: Who) -> bool {
    let quote = &doc.quotes[k];
    let Some(speaker) = &quote.speaker else {
        return false;
    };
    let named = |s: &str| who.names().iter().any(|n| n.eq_ignore_ascii_case(s));
    let mention = speaker.mention.as_ref().is_some_and(|m| named(&m.text));
    let entity = doc.speaker_entity(quote).is_none_or(|e| named(&e.name));
    mention && entity
}

#[test]
fn every_quote_is_found_whole_across_its_wraps() {
    let doc = extract();
    let direct: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    let found: Vec<(String, usize)> = direct
        .iter()
        .map(|q| (q.content[0].text.clone(), q.content.len()))
        .collect();
    assert_eq!(found.len(), DIRECT.len(), "{found:#?}");
    for ((text, pieces), (start, want_pieces, _, _)) in found.iter().zip(DIRECT) {
        assert!(text.starts_with(start), "{text:?} should start {start:?}");
        assert_eq!(pieces, want_pieces, "pieces of {text:?}");
    }
    // No quote is cut at a wrap: every piece runs from its opening mark to
    // its closing one, and the long ones span lines.
    for q in &direct {
        for piece in &q.content {
            assert!(
                piece.text.starts_with('"') && piece.text.ends_with('"'),
                "cut: {:?}",
                piece.text
            );
            assert_eq!(&CHAPTER[piece.range()], piece.text);
        }
    }
    let wrapped = direct
        .iter()
        .filter(|q| q.content.iter().any(|p| p.text.contains('\n')))
        .count();
    assert_eq!(wrapped, 17);
}

#[test]
fn speakers_the_engine_gets_right() {
    let doc = extract();
    let direct: Vec<usize> = (0..doc.quotes.len())
        .filter(|&k| doc.quotes[k].kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), DIRECT.len());
    let mut right = 0;
    for (&k, &(start, _, who, today)) in direct.iter().zip(DIRECT) {
        let ok = names(&doc, k, who);
        right += usize::from(ok);
        if today {
            assert!(
                ok,
                "{start:?} should go to {who:?}: {:?}",
                doc.quotes[k].speaker
            );
        }
    }
    let expected_right = DIRECT.iter().filter(|r| r.3).count();
    assert!(right >= expected_right, "{right} of {}", DIRECT.len());

    // "Mr. Bennet replied that he had not.": indirect speech, his.
    let replied = doc
        .quotes
        .iter()
        .position(|q| q.kind == QuoteKind::Indirect && q.content[0].text == "that he had not")
        .expect("the reply is found");
    assert!(names(&doc, replied, Who::MrBennet));
}
