//! Replays every input in `fuzz/regressions/extract/` (seeds and crashes the
//! `extract` fuzz target once found) through the same checks the fuzz target
//! runs.

mod common;

use std::path::Path;

#[test]
fn extract_regressions_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/extract");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/extract exists") {
        let path = entry.expect("readable directory").path();
        let data = std::fs::read(&path).expect("readable regression input");
        let result = std::panic::catch_unwind(|| common::fuzz_extract(&data));
        assert!(result.is_ok(), "regression {} fails", path.display());
        n += 1;
    }
    assert!(
        n >= 5,
        "expected the regression corpus in {}",
        dir.display()
    );
}
