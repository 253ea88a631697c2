//! quotewise finds who said what in news text.
//!
//! ```
//! use quotewise::Extractor;
//!
//! let extractor = Extractor::new();
//! let doc = extractor.extract("“We will win,” she said.");
//! assert_eq!(doc.quotes.len(), 1);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod attribution;
mod batch;
mod entities;
mod error;
mod extractor;
mod gazetteer;
mod lexicon;
mod marks;
mod mentions;
mod model;
mod pipeline;
mod resolve;
mod score;
mod span;
mod text;

pub use crate::error::{Error, ErrorKind, Location};
pub use crate::extractor::{Extractor, ExtractorBuilder, Options};
pub use crate::gazetteer::{
    Gazetteer, GazetteerBuilder, GazetteerEntry, GazetteerMatch, GazetteerOptions, LinkMethod,
};
pub use crate::model::{
    Document, Entity, EntityKind, Gender, Method, Quote, QuoteKind, Resolution, Speaker,
};
pub use crate::span::{CharIndex, Span};
