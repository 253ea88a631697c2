//! The JSONL reader's contract, shared by the fuzz target
//! (`fuzz/fuzz_targets/jsonl_reader.rs` includes this file by path) and the
//! replay of its regression corpus.

#![allow(dead_code)] // Each test binary uses a different part.

use quotewise_cli::input::read_jsonl;

/// Reads `data` as a JSONL file and checks the reader's promises: exactly
/// one item per line, in order; a good record's text round-trips through
/// JSON; every error names the file and its own line number.
pub fn check_jsonl_reader(data: &[u8]) {
    let lines = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n"));
    let lines = if data.is_empty() { 0 } else { lines };
    let items: Vec<_> = read_jsonl(data, "fuzz.jsonl").collect();
    assert_eq!(items.len(), lines, "one item per line");
    for (n, item) in items.iter().enumerate() {
        match item {
            Ok(record) => {
                let line = &data.split(|&b| b == b'\n').nth(n).expect("line exists");
                let value: serde_json::Value =
                    serde_json::from_slice(line).expect("a good record is JSON");
                assert_eq!(value["text"].as_str(), Some(record.text.as_str()));
            }
            Err(failure) => {
                let message = failure.error.to_string();
                let prefix = format!("fuzz.jsonl:line {}:", n + 1);
                assert!(message.starts_with(&prefix), "{message:?} lacks {prefix:?}");
            }
        }
    }
}
