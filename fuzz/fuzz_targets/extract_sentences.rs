//! Extraction over texts assembled from pieces of prose (names, pronouns,
//! cue words, according-to markers, quotation marks, clauses, punctuation,
//! line and paragraph breaks), so that the attribution sieves, not only
//! the tokenizer, see varied input; the first two bytes are the options of
//! the `extract` target. Every result invariant is checked.
#![no_main]

#[path = "../../crates/quotewise/tests/common/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::fuzz_sentences(data);
});
