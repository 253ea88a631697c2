//! Many texts at once, on every core: [`Extractor::extract_many`].
//!
//! The CLI and the Python bindings both call these, so a batch behaves the
//! same from every front end.

use std::num::NonZeroUsize;

use rayon::prelude::*;

use crate::error::{Error, ErrorKind};
use crate::extractor::Extractor;
use crate::model::Document;

impl Extractor {
    /// Extracts every text of `texts` in parallel on rayon's global thread
    /// pool (one thread per core unless `RAYON_NUM_THREADS` says otherwise).
    ///
    /// The documents come back in the order of `texts`, each exactly what
    /// [`Extractor::extract`] gives for that text.
    ///
    /// ```
    /// let extractor = quotewise::Extractor::new();
    /// let docs = extractor.extract_many(&["“Yes,” she said.", "No quotes."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[0].quotes.len(), 1);
    /// assert!(docs[1].quotes.is_empty());
    /// ```
    pub fn extract_many<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Document> {
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// As [`Extractor::extract_many`], on a pool of exactly `threads`
    /// threads made for this call.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] when the operating system refuses to start the
    /// threads.
    pub fn extract_many_with_threads<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: NonZeroUsize,
    ) -> Result<Vec<Document>, Error> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.get())
            .build()
            .map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!("could not start {threads} extraction threads: {e}"),
                )
            })?;
        Ok(pool.install(|| self.extract_many(texts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        (0..50)
            .map(|i| format!("“Point {i},” she said. Then: “Another {i}.”").repeat(i % 4))
            .collect()
    }

    #[test]
    fn batch_equals_one_by_one_in_order() {
        let extractor = Extractor::new();
        let texts = texts();
        let one_by_one: Vec<Document> = texts.iter().map(|t| extractor.extract(t)).collect();
        assert_eq!(extractor.extract_many(&texts), one_by_one);
        let two = NonZeroUsize::new(2).unwrap();
        assert_eq!(
            extractor.extract_many_with_threads(&texts, two).unwrap(),
            one_by_one
        );
    }

    #[test]
    fn empty_batch_is_empty() {
        let none: [&str; 0] = [];
        assert!(Extractor::new().extract_many(&none).is_empty());
    }
}
