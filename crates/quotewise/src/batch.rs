//! Many texts at once, on every core: [`Extractor::extract_many`].
//!
//! The CLI and the Python bindings both call these, so a batch behaves the
//! same from every front end.

use std::cmp::Reverse;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::error::{Error, ErrorKind};
use crate::extractor::Extractor;
use crate::model::Document;

impl Extractor {
    /// Extracts every text of `texts` in parallel on rayon's global thread
    /// pool (one thread per core unless `RAYON_NUM_THREADS` says otherwise).
    ///
    /// The documents come back in the order of `texts`, each exactly what
    /// [`Extractor::extract`] gives for that text. The longest texts are
    /// extracted first, so that the batch does not end with one thread
    /// busy on a long article while the others wait.
    ///
    /// A process made by `fork` after rayon's global pool started has the
    /// pool but not its threads, and this call would wait for them forever;
    /// there, use [`Extractor::extract_many_with_threads`], whose pool is
    /// started again in the child (the Python module always does).
    ///
    /// ```
    /// let extractor = quotewise::Extractor::new();
    /// let docs = extractor.extract_many(&["“Yes,” she said.", "No quotes."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[0].quotes.len(), 1);
    /// assert!(docs[1].quotes.is_empty());
    /// ```
    pub fn extract_many<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Document> {
        let order = longest_first(texts);
        let docs: Vec<Document> = order
            .par_iter()
            .map(|&i| self.extract(texts[i].as_ref()))
            .collect();
        in_input_order(&order, docs)
    }

    /// As [`Extractor::extract_many`], on a pool of exactly `threads`
    /// threads. The pool is kept for the next call with the same number of
    /// threads (starting threads costs about as much as extracting a short
    /// article); a call with another number replaces it.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] when the operating system refuses to start the
    /// threads.
    pub fn extract_many_with_threads<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: NonZeroUsize,
    ) -> Result<Vec<Document>, Error> {
        Ok(pool(threads)?.install(|| self.extract_many(texts)))
    }
}

/// The indices of `texts`, longest text first (ties in input order).
///
/// Extraction time grows with a text's length, so handing out the long
/// texts first leaves only short ones to even out the threads' finishing
/// times at the end of a batch (longest-processing-time-first scheduling).
/// On the PolNeAR dev articles (the longest 22 KB, the median 4 KB; three
/// passes), 2 threads, best of 30 in one process at a quiet moment: 1.73–
/// 1.84x the serial loop in input order, 2.07–2.12x longest first. At busier
/// moments of the shared 2-vCPU test machine the two were within noise
/// (1.4–1.8x both).
fn longest_first<T: AsRef<str>>(texts: &[T]) -> Vec<usize> {
    let mut keyed: Vec<(Reverse<usize>, usize)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (Reverse(t.as_ref().len()), i))
        .collect();
    keyed.par_sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Puts `docs`, extracted in the order `order`, back in the order of the
/// texts: `docs[k]` belongs to text `order[k]`.
fn in_input_order(order: &[usize], docs: Vec<Document>) -> Vec<Document> {
    let mut slots: Vec<Option<Document>> =
        std::iter::repeat_with(|| None).take(docs.len()).collect();
    for (&i, doc) in order.iter().zip(docs) {
        slots[i] = Some(doc);
    }
    // `order` is a permutation of the indices, so every slot is filled.
    slots.into_iter().flatten().collect()
}

/// The pool of `threads` threads kept from the last call, or a new one
/// (which is then kept in its place).
///
/// A pool is kept with the process that started it: a child made by
/// `fork` (Python's multiprocessing) inherits the pool but not its
/// threads, and gets a pool of its own.
fn pool(threads: NonZeroUsize) -> Result<Arc<ThreadPool>, Error> {
    static LAST: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);
    // A panic while the lock was held cannot leave the `Option` half
    // written, so a poisoned lock is still good to use.
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    let process = std::process::id();
    if let Some((owner, pool)) = last.as_ref() {
        if *owner == process && pool.current_num_threads() == threads.get() {
            return Ok(Arc::clone(pool));
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.get())
        .build()
        .map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!("could not start {threads} extraction threads: {e}"),
            )
        })?;
    let pool = Arc::new(pool);
    *last = Some((process, Arc::clone(&pool)));
    Ok(pool)
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
    fn longest_first_orders_by_length_then_input_order() {
        let texts = ["bb", "a", "ccc", "", "dd", "eee"];
        assert_eq!(longest_first(&texts), [2, 5, 0, 4, 1, 3]);
        let none: [&str; 0] = [];
        assert!(longest_first(&none).is_empty());
    }

    #[test]
    fn long_texts_first_still_come_back_in_input_order() {
        let extractor = Extractor::new();
        // Lengths rising, falling and repeated, so the extraction order
        // differs from the input order.
        let texts: Vec<String> = (0..40)
            .map(|i| format!("“Point {i},” she said. ").repeat([1, 7, 3, 7, 0][i % 5] + i / 8))
            .collect();
        let docs = extractor.extract_many(&texts);
        for (text, doc) in texts.iter().zip(&docs) {
            assert_eq!(doc, &extractor.extract(text), "text {text:?}");
        }
    }

    #[test]
    fn pool_is_kept_for_the_same_thread_count() {
        // Only this test asks for a count other than 2, so tests running
        // alongside cannot replace the kept pool between these calls.
        let two = NonZeroUsize::new(2).unwrap();
        let a = pool(two).unwrap();
        assert_eq!(a.current_num_threads(), 2);
        assert!(Arc::ptr_eq(&a, &pool(two).unwrap()));
        let three = pool(NonZeroUsize::new(3).unwrap()).unwrap();
        assert_eq!(three.current_num_threads(), 3);
        let two_again = pool(two).unwrap();
        assert_eq!(two_again.current_num_threads(), 2);
        assert!(
            !Arc::ptr_eq(&a, &two_again),
            "the 3-thread pool replaced it"
        );
    }

    #[test]
    fn empty_batch_is_empty() {
        let none: [&str; 0] = [];
        assert!(Extractor::new().extract_many(&none).is_empty());
    }
}
