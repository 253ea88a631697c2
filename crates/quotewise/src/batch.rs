//! Many texts at once, on every core: [`Extractor::extract_many`].
//!
//! The CLI and the Python bindings both call these, so a batch behaves the
//! same from every front end.

use std::cmp::Reverse;
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
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

impl Extractor {
    /// Starts a batch on a pool of `threads` threads (the one
    /// [`Extractor::extract_many_with_threads`] keeps) that extracts texts
    /// as they are [pushed](Batch::push), while the caller prepares the
    /// next ones. For front ends that must convert each text on the
    /// calling thread: the Python module turns each `str` into UTF-8 while
    /// holding the interpreter's lock, and with this the conversion of one
    /// text overlaps the extraction of the ones before it instead of
    /// preceding the whole batch.
    ///
    /// The pool's threads serve this batch until it is finished or
    /// dropped; drop it rather than keep it unfinished.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// let extractor = quotewise::Extractor::new();
    /// let mut batch = extractor.start_batch(NonZeroUsize::new(2).unwrap())?;
    /// batch.push(1, "No quotes.".to_string());
    /// batch.push(0, "“Yes,” she said.".to_string());
    /// let docs = batch.finish()?;
    /// assert_eq!(docs[0].quotes.len(), 1);
    /// assert!(docs[1].quotes.is_empty());
    /// # Ok::<(), quotewise::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Config`] when the operating system refuses to start the
    /// threads.
    pub fn start_batch(&self, threads: NonZeroUsize) -> Result<Batch, Error> {
        let pool = pool(threads)?;
        let (jobs, queue) = channel::<(usize, String)>();
        let queue = Arc::new(Mutex::new(queue));
        let (results, done) = channel();
        for _ in 0..threads.get() {
            let queue = Arc::clone(&queue);
            let results = results.clone();
            let extractor = self.clone();
            pool.spawn(move || loop {
                // A panic while the lock was held cannot leave the receiver
                // half written, so a poisoned lock is still good to use.
                let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok((index, text)) = job else {
                    break;
                };
                let doc = catch_unwind(AssertUnwindSafe(|| extractor.extract(&text)));
                if results.send((index, doc)).is_err() {
                    break;
                }
            });
        }
        Ok(Batch {
            jobs: Some(jobs),
            done,
            pushed: 0,
        })
    }
}

/// A batch of texts extracted as they are pushed: see
/// [`Extractor::start_batch`].
#[derive(Debug)]
pub struct Batch {
    jobs: Option<Sender<(usize, String)>>,
    done: Receiver<(usize, std::thread::Result<Document>)>,
    pushed: usize,
}

impl Batch {
    /// Queues `text` as the batch's text number `index`. The indices of a
    /// batch are `0..n`, each once, in any order: push the longest texts
    /// first (see [`Batch::longest_first`]), so that the batch does not end
    /// with one thread busy on a long text while the others wait.
    pub fn push(&mut self, index: usize, text: String) {
        if let Some(jobs) = &self.jobs {
            // The workers stop only once the queue is closed, so they are
            // there to receive this.
            let _ = jobs.send((index, text));
        }
        self.pushed += 1;
    }

    /// Waits for every pushed text and returns their documents in index
    /// order, each exactly what [`Extractor::extract`] gives for its text.
    /// A panic inside extraction is resumed here, on the calling thread.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] when the indices pushed were not `0..n`, each
    /// once.
    pub fn finish(mut self) -> Result<Vec<Document>, Error> {
        // Closing the queue lets the workers stop once it is empty.
        self.jobs = None;
        let mut slots: Vec<Option<Document>> =
            std::iter::repeat_with(|| None).take(self.pushed).collect();
        let mut wrong = None;
        for _ in 0..self.pushed {
            let (index, doc) = self
                .done
                .recv()
                .expect("the workers answer every text they were given");
            let doc = doc.unwrap_or_else(|panic| resume_unwind(panic));
            match slots.get_mut(index) {
                Some(slot @ None) => *slot = Some(doc),
                _ => wrong = Some(index),
            }
        }
        match wrong {
            None => Ok(slots.into_iter().flatten().collect()),
            Some(index) => Err(Error::new(
                ErrorKind::Config,
                format!(
                    "batch index {index} is out of range or pushed twice: a batch of {} texts takes the indices 0..{}, each once",
                    self.pushed, self.pushed
                ),
            )),
        }
    }

    /// The indices of texts of these `lengths`, longest first (ties in
    /// input order): the order to push them in.
    ///
    /// Extraction time grows with a text's length, so handing out the long
    /// texts first leaves only short ones to even out the threads'
    /// finishing times at the end of a batch (longest-processing-time-first
    /// scheduling).
    pub fn longest_first(lengths: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut keyed: Vec<(Reverse<usize>, usize)> = lengths
            .into_iter()
            .enumerate()
            .map(|(i, n)| (Reverse(n), i))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    }
}

/// The indices of `texts`, longest text first (ties in input order); see
/// [`Batch::longest_first`]. On the PolNeAR dev articles (the longest
/// 22 KB, the median 4 KB; three passes), 2 threads, best of 30 in one
/// process at a quiet moment: 1.73–1.84x the serial loop in input order,
/// 2.07–2.12x longest first. At busier moments of the shared 2-vCPU test
/// machine the two were within noise (1.4–1.8x both).
fn longest_first<T: AsRef<str>>(texts: &[T]) -> Vec<usize> {
    Batch::longest_first(texts.iter().map(|t| t.as_ref().len()))
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
    fn a_fed_batch_equals_one_by_one_in_index_order() {
        let extractor = Extractor::new();
        let texts = texts();
        let one_by_one: Vec<Document> = texts.iter().map(|t| extractor.extract(t)).collect();
        // Two threads: pool_is_kept_for_the_same_thread_count alone asks
        // for other counts.
        let two = NonZeroUsize::new(2).unwrap();
        let mut batch = extractor.start_batch(two).unwrap();
        for i in Batch::longest_first(texts.iter().map(String::len)) {
            batch.push(i, texts[i].clone());
        }
        assert_eq!(batch.finish().unwrap(), one_by_one);
        let empty = extractor.start_batch(two).unwrap();
        assert!(empty.finish().unwrap().is_empty());
    }

    #[test]
    fn a_fed_batch_refuses_indices_that_are_not_0_to_n() {
        let extractor = Extractor::new();
        let two = NonZeroUsize::new(2).unwrap();
        for indices in [[0, 0], [0, 2]] {
            let mut batch = extractor.start_batch(two).unwrap();
            for i in indices {
                batch.push(i, "“Yes,” she said.".to_string());
            }
            let err = batch.finish().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Config);
            assert!(err.to_string().contains("0..2"), "{err}");
        }
        // A batch dropped unfinished lets its threads go: the pool serves
        // the next batch.
        let mut dropped = extractor.start_batch(two).unwrap();
        dropped.push(0, "text".to_string());
        drop(dropped);
        let mut next = extractor.start_batch(two).unwrap();
        next.push(0, "“Yes,” she said.".to_string());
        assert_eq!(next.finish().unwrap()[0].quotes.len(), 1);
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
