//! The `quotewise._quotewise` Python extension: a thin layer over the
//! `quotewise` crate. Every class is a frozen newtype around a core type;
//! the only logic here is conversion, argument checking and error mapping
//! (in `error.rs`). The notebook helpers (HTML view, pandas) are pure Python
//! in `python/quotewise/`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod document;
mod error;
mod extractor;
mod gazetteer;
mod value;

use pyo3::prelude::*;

/// Find who said what in news text (the compiled part of the `quotewise`
/// package; import `quotewise` instead).
#[pymodule]
mod _quotewise {
    #[pymodule_export]
    use crate::document::PyDocument;
    #[pymodule_export]
    use crate::extractor::PyExtractor;
    #[pymodule_export]
    use crate::gazetteer::{PyGazetteer, PyGazetteerMatch};
    #[pymodule_export]
    use crate::value::{PyAddressee, PyEntity, PyQuote, PySpan, PySpeaker};

    /// The version of the package (and of the Rust crate it wraps).
    #[pymodule_export]
    #[allow(non_upper_case_globals)] // Python's name for it
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
