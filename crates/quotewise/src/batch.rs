//! Many texts at once, on every core: [`Extractor::extract_many`].
//!
//! The CLI and the Python bindings both call these, so a batch behaves the
//! same from every front end.

use std::any::Any;
use std::cmp::Reverse;
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rayon::ThreadPool;

use crate::error::{Error, ErrorKind};
use crate::extractor::Extractor;
use crate::model::Document;

impl Extractor {
    /// Extracts every text of `texts` in parallel: on the calling thread
    /// and on rayon's current pool (the global one, with one thread per
    /// core unless `RAYON_NUM_THREADS` says otherwise), as many threads in
    /// all as the pool has.
    ///
    /// The documents come back in the order of `texts`, one for each text,
    /// each exactly what [`Extractor::extract`] gives for that text. A text
    /// whose extraction panics (a bug) does not take the batch down: its
    /// document is [`Document::failed`], with no quotes and
    /// [`Document::error`] naming the text's index and the panic, and the
    /// other texts come back as usual. The longest texts are
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
        let batch = Batch::new(texts);
        let helpers = batch.helpers(rayon::current_num_threads());
        rayon::in_place_scope(|scope| batch.share(self, helpers, scope));
        batch.into_documents()
    }

    /// As [`Extractor::extract_many`], on exactly `threads` threads: the
    /// calling thread and `threads - 1` pool threads (none for one). The
    /// pool is kept for the next call with the same number of threads
    /// (starting threads costs about as much as extracting a short
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
        let batch = Batch::new(texts);
        let helpers = batch.helpers(threads.get());
        match NonZeroUsize::new(threads.get() - 1) {
            // The pool has `threads - 1` threads even when fewer are needed,
            // so that small batches do not replace it.
            Some(pool_threads) if helpers > 0 => {
                pool(pool_threads)?.in_place_scope(|scope| batch.share(self, helpers, scope));
            }
            _ => batch.work(self),
        }
        Ok(batch.into_documents())
    }
}

/// A batch shared by the threads that extract it: each takes the next
/// text, longest first, until none is left.
///
/// The calling thread is one of them. It is running already, while a pool
/// thread that has slept must be woken, and on a virtual machine waking an
/// idle CPU can take milliseconds: on the 2-vCPU test machine, with the
/// batch handed wholly to a 2-thread pool, a call right after the caller
/// had been busy for 8 ms often took twice its usual time (both pool
/// threads queued on one CPU, it seems). With the caller working and one
/// pool thread to wake, the PolNeAR dev articles' median time, 30 calls
/// three times over, went from 6.8–7.0 ms to 4.4–5.3 ms, and from
/// 4.9–5.7 to 4.4–5.0 ms with no work before the calls.
struct Batch<'a, T> {
    texts: &'a [T],
    /// Indices of `texts`, longest first.
    order: Vec<usize>,
    /// How many entries of `order` have been taken.
    taken: AtomicUsize,
    /// The documents, by index of their text.
    docs: Vec<OnceLock<Document>>,
}

impl<'a, T: AsRef<str>> Batch<'a, T> {
    fn new(texts: &'a [T]) -> Self {
        Batch {
            texts,
            order: longest_first(texts),
            taken: AtomicUsize::new(0),
            docs: std::iter::repeat_with(OnceLock::new)
                .take(texts.len())
                .collect(),
        }
    }

    /// How many pool threads to ask for, with `threads` threads in all:
    /// none beyond one per text.
    fn helpers(&self, threads: usize) -> usize {
        threads.min(self.texts.len()).saturating_sub(1)
    }

    /// Extracts the batch on this thread and on `helpers` jobs spawned
    /// in `scope`; the scope's end waits for them.
    fn share<'s>(&'s self, extractor: &'s Extractor, helpers: usize, scope: &rayon::Scope<'s>)
    where
        T: Sync,
    {
        for _ in 0..helpers {
            scope.spawn(move |_| self.work(extractor));
        }
        self.work(extractor);
    }

    /// Extracts texts until every one has been taken.
    fn work(&self, extractor: &Extractor) {
        loop {
            let k = self.taken.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = self.order.get(k) else {
                return;
            };
            let text = self.texts[i].as_ref();
            // The extractor is immutable, so a panic cannot leave it half
            // changed for the next text.
            let doc = catch_unwind(AssertUnwindSafe(|| extractor.extract(text)))
                .unwrap_or_else(|panic| Document::failed(panic_message(i, &*panic)));
            // Each index is taken once, so its slot is still empty.
            let _ = self.docs[i].set(doc);
        }
    }

    /// The documents in the order of the texts. Called once every thread
    /// has returned from [`Batch::work`]: each index was taken, so each
    /// slot is filled (a panic while extracting is caught in `work`).
    fn into_documents(self) -> Vec<Document> {
        self.docs
            .into_iter()
            .map(|d| d.into_inner().expect("every text was extracted"))
            .collect()
    }
}

/// The error of text `index` whose extraction panicked with `panic`.
fn panic_message(index: usize, panic: &(dyn Any + Send)) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without message");
    format!(
        "text {index} of the batch: internal error, the extractor panicked ({what}); \
         please report it with the text"
    )
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
    // Not `par_sort_unstable`: called outside a pool, it would start
    // rayon's global pool (and a million keys sort in about 50 ms).
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The pool of `threads` threads kept from the last call, or a new one
/// (which is then kept in its place). A batch on `n` threads uses a pool
/// of `n - 1`: the calling thread is the other.
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
        // The other tests run batches on 2 threads (a pool of 1) at most,
        // and only this test asks for a pool of another size, so tests
        // running alongside cannot replace the kept pool between these
        // calls.
        let one = NonZeroUsize::new(1).unwrap();
        let a = pool(one).unwrap();
        assert_eq!(a.current_num_threads(), 1);
        assert!(Arc::ptr_eq(&a, &pool(one).unwrap()));
        let two = pool(NonZeroUsize::new(2).unwrap()).unwrap();
        assert_eq!(two.current_num_threads(), 2);
        let one_again = pool(one).unwrap();
        assert_eq!(one_again.current_num_threads(), 1);
        assert!(
            !Arc::ptr_eq(&a, &one_again),
            "the 2-thread pool replaced it"
        );
    }

    #[test]
    fn any_thread_count_gives_every_document_in_order() {
        let extractor = Extractor::new();
        let texts = texts();
        let one_by_one: Vec<Document> = texts.iter().map(|t| extractor.extract(t)).collect();
        // Not more than 2 threads: see `pool_is_kept_for_the_same_thread_count`.
        for threads in [1, 2] {
            let threads = NonZeroUsize::new(threads).unwrap();
            for n in [0, 1, 2, 5, texts.len()] {
                assert_eq!(
                    extractor
                        .extract_many_with_threads(&texts[..n], threads)
                        .unwrap(),
                    one_by_one[..n],
                    "{threads} threads, {n} texts"
                );
            }
        }
    }

    #[test]
    fn helpers_are_one_fewer_than_threads_and_texts() {
        let texts = ["a", "b", "c"];
        let batch = Batch::new(&texts);
        assert_eq!(batch.helpers(1), 0);
        assert_eq!(batch.helpers(2), 1);
        assert_eq!(batch.helpers(8), 2, "no more threads than texts");
        let none: [&str; 0] = [];
        assert_eq!(Batch::new(&none).helpers(8), 0);
    }

    #[test]
    fn a_text_that_panics_fails_alone_and_the_others_come_back() {
        let extractor = Extractor::new().panicking_on_text_containing("BOOM");
        let texts = [
            "“Yes,” she said.",
            "“BOOM,” he said.",
            "No quotes.",
            "BOOM again",
            "“Fine,” Ann Lee said.",
        ];
        let good = Extractor::new();
        let two = NonZeroUsize::new(2).unwrap();
        for docs in [
            extractor.extract_many(&texts),
            extractor
                .extract_many_with_threads(&texts, NonZeroUsize::MIN)
                .unwrap(),
            extractor.extract_many_with_threads(&texts, two).unwrap(),
        ] {
            assert_eq!(docs.len(), texts.len());
            for (i, (text, doc)) in texts.iter().zip(&docs).enumerate() {
                if text.contains("BOOM") {
                    assert!(doc.quotes.is_empty() && doc.entities.is_empty());
                    let error = doc.error.as_deref().expect("the failure is reported");
                    assert!(
                        error.starts_with(&format!("text {i} of the batch: ")),
                        "{error}"
                    );
                    assert!(
                        error.contains("test panic: the text contains \"BOOM\""),
                        "{error}"
                    );
                } else {
                    assert_eq!(doc, &good.extract(text), "text {i}");
                    assert_eq!(doc.error, None);
                }
            }
        }
    }

    #[test]
    fn a_failed_document_keeps_its_error_in_json() {
        let doc = Document::failed("text 3 of the batch: boom");
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            json,
            r#"{"id":null,"language":null,"genre":"news","quotes":[],"entities":[],"error":"text 3 of the batch: boom"}"#
        );
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
        // A good document's JSON is as before: no `error` key.
        let ok = Extractor::new().extract("“Yes,” she said.");
        let json = serde_json::to_string(&ok).unwrap();
        assert!(!json.contains("error"), "{json}");
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), ok);
    }

    #[test]
    fn empty_batch_is_empty() {
        let none: [&str; 0] = [];
        assert!(Extractor::new().extract_many(&none).is_empty());
    }
}
