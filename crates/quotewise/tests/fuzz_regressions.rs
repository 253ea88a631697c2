//! Replays the fuzz regression corpus through the same checks the fuzz
//! targets run:
//!
//! * `fuzz/regressions/extract/` and `gazetteer/`: seeds and fixed crashes —
//!   must pass;
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
