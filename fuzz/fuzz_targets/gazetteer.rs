//! Gazetteer loading (CSV, TSV, JSONL) over arbitrary bytes, with builder
//! options from the first byte; a loaded gazetteer is then used to match and
//! to extract.
#![no_main]

#[path = "../../crates/quotewise/tests/common/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_gazetteer(data));
