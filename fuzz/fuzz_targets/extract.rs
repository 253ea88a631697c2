//! Extraction over arbitrary bytes, with builder options taken from the
//! first two bytes; every result invariant is checked.
#![no_main]

#[path = "../../crates/quotewise/tests/common/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::fuzz_extract(data);
});
