//! Replays every input in `fuzz/regressions/jsonl_reader/` through the
//! checks the `jsonl_reader` fuzz target runs.

mod common;

use std::path::Path;

#[test]
fn jsonl_reader_regressions_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/jsonl_reader");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/jsonl_reader exists") {
        let path = entry.expect("readable directory").path();
        let data = std::fs::read(&path).expect("readable regression input");
        let result = std::panic::catch_unwind(|| common::check_jsonl_reader(&data));
        assert!(result.is_ok(), "regression {} fails", path.display());
        n += 1;
    }
    assert!(
        n >= 3,
        "expected the regression corpus in {}",
        dir.display()
    );
}
