//! The CLI's JSONL reader over arbitrary bytes: one item per line, errors
//! that name their line, never a panic.
#![no_main]

#[path = "../../crates/quotewise-cli/tests/common/mod.rs"]
mod reader;

libfuzzer_sys::fuzz_target!(|data: &[u8]| reader::check_jsonl_reader(data));
