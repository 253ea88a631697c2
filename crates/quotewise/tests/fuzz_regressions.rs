//! Replays the fuzz regression corpus through the same checks the fuzz
//! targets run:
//!
//! * `fuzz/regressions/extract/` and `gazetteer/`: seeds and fixed crashes —
//!   must pass;
//! * `fuzz/regressions/extract_sentences/`: the same for the structure-aware
//!   target, whose inputs are choices of pieces
//!   (`common::sentences::assemble` turns them into the text);
//! * `fuzz/regressions/pending-extract/`: crashes found by fuzzing whose fix
//!   in the pipeline is pending (ignored; run with `--ignored`). Move a file
//!   to `extract/` once it passes.

mod common;

use std::path::Path;

/// Runs every file of `fuzz/regressions/<dir>` through `check`; returns how
/// many.
fn replay(dir: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(dir);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("the regression directory exists") {
        let path = entry.expect("readable directory").path();
        let data = std::fs::read(&path).expect("readable regression input");
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "regression {} fails", path.display());
        n += 1;
    }
    n
}

#[test]
fn extract_regressions_hold() {
    assert!(
        replay("extract", common::fuzz_extract) >= 5,
        "expected the seed corpus"
    );
}

#[test]
fn former_extract_crashes_hold() {
    assert!(replay("pending-extract", common::fuzz_extract) >= 1);
}

#[test]
fn extract_sentences_regressions_hold() {
    assert!(
        replay("extract_sentences", common::fuzz_sentences) >= 1,
        "expected the seed corpus"
    );
}

/// The structure-aware input format is what its saved regressions mean:
/// a choice byte (class), a piece byte, and spaces between words.
#[test]
fn sentence_pieces_assemble_as_documented() {
    use common::sentences::{assemble, encode};
    let pieces = [
        "Mary",
        "said",
        ",",
        "according",
        "\n",
        "to custom",
        ",",
        "“",
        "we will win",
        ",”",
        "said",
        "Jane Smith",
        ".",
    ];
    let data = encode(&pieces).expect("every piece is in a class");
    assert_eq!(
        data.len(),
        2 * pieces.len(),
        "one choice and one index byte"
    );
    // A line break needs no space before it, nor a piece after it.
    assert_eq!(
        assemble(&data),
        "Mary said , according\nto custom , “ we will win ,” said Jane Smith ."
    );
    // Bit 7 of the choice byte glues a piece to the text before it.
    let mut glued = data.clone();
    for piece in [2, 6, 8, 9, 12] {
        glued[2 * piece] |= 0x80;
    }
    assert_eq!(
        assemble(&glued),
        "Mary said, according\nto custom, “we will win,” said Jane Smith."
    );
    assert_eq!(assemble(&[]), "");
}

#[test]
fn gazetteer_regressions_hold() {
    assert!(
        replay("gazetteer", common::fuzz_gazetteer) >= 5,
        "expected the seed corpus"
    );
}

/// *Persuasion*: `according` at a line's end, `to` on the next, made a
/// reversed span (`begin > end`) and panicked the extraction.
#[test]
fn according_at_a_line_break_does_not_panic() {
    let text = "Mary began to complain of it, and lament her being ill-used, according\n\
                to custom, in being on the hedge side.\n";
    let doc = quotewise::Extractor::new().extract(text);
    for q in &doc.quotes {
        for s in q.content.iter().chain(&q.cue) {
            assert!(s.start <= s.end && s.char_start <= s.char_end);
            assert_eq!(&text[s.range()], s.text);
        }
    }
}
