//! The streaming, ordered, parallel extraction run behind `quotewise extract`.
//!
//! Three stages joined by bounded queues, so memory stays flat however long
//! the input is:
//!
//! 1. a reader thread splits the inputs into jobs (raw JSONL lines, or whole
//!    files) and sends them in batches of at most [`BATCH_JOBS`] jobs or
//!    [`BATCH_BYTES`] bytes;
//! 2. the calling thread runs each batch on a rayon pool of `threads`
//!    workers: parse, extract, render — everything per document is parallel;
//! 3. a writer thread writes the rendered lines in input order and moves the
//!    progress bar.
//!
//! At most [`QUEUE`] batches wait between two stages.

use std::io::{self, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use quotewise::Extractor;
use rayon::prelude::*;

use crate::input::{self, Failure, Lines, Record};
use crate::render::{self, Format};

/// A batch is sent on once it holds this many jobs…
pub const BATCH_JOBS: usize = 512;
/// … or this many bytes of input.
pub const BATCH_BYTES: usize = 1 << 20;
/// Batches waiting between two stages.
pub const QUEUE: usize = 2;
/// How many failed inputs a [`Summary`] keeps, to name them on stderr.
pub const FIRST_ERRORS: usize = 5;

/// How to run.
#[derive(Clone, Debug)]
pub struct Config {
    /// Inputs are JSON Lines (`{"id", "text"}` per line) rather than one
    /// text per file.
    pub jsonl: bool,
    /// How to write each result.
    pub format: Format,
    /// Worker threads for extraction.
    pub threads: usize,
}

/// What a run did, for the closing summary and the exit status.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Documents extracted.
    pub documents: u64,
    /// Quotes found in them.
    pub quotes: u64,
    /// Inputs that gave an error record.
    pub errors: u64,
    /// The first [`FIRST_ERRORS`] of them, in input order: the id (if
    /// known) and the error.
    pub first_errors: Vec<(Option<String>, String)>,
    /// Bytes of input read (after decompression).
    pub bytes: u64,
    /// Wall time of the run.
    pub elapsed: Duration,
}

impl Summary {
    /// The one-line summary printed on stderr at the end.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mb_s = if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        };
        format!(
            "quotewise: {}, {}, {} in {secs:.2} s ({mb_s:.1} MB/s)",
            count(self.documents, "document"),
            count(self.quotes, "quote"),
            count(self.errors, "error"),
        )
    }

    /// One line per failed input kept in [`Summary::first_errors`], and a
    /// last line counting the others: what stderr adds when the error
    /// records go to a file or a pipe, out of sight.
    pub fn error_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .first_errors
            .iter()
            .map(|(id, error)| {
                format!(
                    "quotewise: failed: {}: {error}",
                    id.as_deref().unwrap_or("(no id)")
                )
            })
            .collect();
        let more = self.errors.saturating_sub(self.first_errors.len() as u64);
        if more > 0 {
            let inputs = if more == 1 { "input" } else { "inputs" };
            lines.push(format!(
                "quotewise: … and {more} more failed {inputs} (each has an error record in \
                 the output)"
            ));
        }
        lines
    }
}

fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One unit of work.
enum Job {
    /// A raw JSONL line, parsed by the worker.
    Line {
        file: Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    /// The raw bytes of a whole-text file.
    Text { file: String, bytes: Vec<u8> },
    /// An input that failed before it became a job.
    Failed(Failure),
}

impl Job {
    fn len(&self) -> usize {
        match self {
            Job::Line { bytes, .. } | Job::Text { bytes, .. } => bytes.len(),
            Job::Failed(_) => 0,
        }
    }
}

/// The rendered result of one job.
struct Outcome {
    rendered: String,
    quotes: usize,
    /// The id (if known) and error of an input that failed.
    failed: Option<(Option<String>, String)>,
    bytes: usize,
}

/// Runs `extractor` over `inputs` (file names, `-` for stdin) and writes one
/// result per input (per line with `config.jsonl`) to `out`, in input order.
///
/// Bad inputs become error records and the run goes on; the returned
/// [`Summary`] counts them.
///
/// # Errors
/// Only writing the output can fail the run (a closed pipe, a full disk).
pub fn run<W: Write + Send>(
    inputs: &[String],
    extractor: &Extractor,
    config: &Config,
    out: W,
    progress: &ProgressBar,
) -> io::Result<Summary> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .thread_name(|i| format!("quotewise-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let (job_tx, job_rx) = sync_channel::<Vec<Job>>(QUEUE);
    let (out_tx, out_rx) = sync_channel::<Vec<Outcome>>(QUEUE);
    let mut summary = std::thread::scope(|scope| {
        scope.spawn(move || read_jobs(inputs, config.jsonl, &job_tx));
        let writer = scope.spawn(move || write_outcomes(out, out_rx, progress));
        for batch in job_rx.iter() {
            let outcomes: Vec<Outcome> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|job| process(job, extractor, config.format))
                    .collect()
            });
            if out_tx.send(outcomes).is_err() {
                break; // The writer failed; its error is returned below.
            }
        }
        drop(job_rx);
        drop(out_tx);
        writer.join().expect("the writer thread does not panic")
    })?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Stage 1: turns the inputs into batches of jobs. Stops early when the
/// receiver is gone.
fn read_jobs(inputs: &[String], jsonl: bool, tx: &SyncSender<Vec<Job>>) {
    let mut batch = Batch::new(tx);
    for path in inputs {
        if !jsonl {
            let job = match input::open(path).and_then(|mut r| {
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes).map(|_| bytes)
            }) {
                Ok(bytes) => Job::Text {
                    file: path.clone(),
                    bytes,
                },
                Err(e) => Job::Failed(input::unreadable(path, &e)),
            };
            if !batch.push(job) {
                return;
            }
            continue;
        }
        let reader = match input::open(path) {
            Ok(reader) => reader,
            Err(e) => {
                if !batch.push(Job::Failed(input::unreadable(path, &e))) {
                    return;
                }
                continue;
            }
        };
        let file: Arc<str> = Arc::from(path.as_str());
        for (line, bytes) in Lines::new(reader) {
            let job = match bytes {
                Ok(bytes) => Job::Line {
                    file: Arc::clone(&file),
                    line,
                    bytes,
                },
                Err(e) => Job::Failed(input::broken_stream(path, line, &e)),
            };
            if !batch.push(job) {
                return;
            }
        }
    }
    batch.flush();
}

/// Collects jobs and sends them on in bounded batches.
struct Batch<'a> {
    jobs: Vec<Job>,
    bytes: usize,
    tx: &'a SyncSender<Vec<Job>>,
}

impl<'a> Batch<'a> {
    fn new(tx: &'a SyncSender<Vec<Job>>) -> Batch<'a> {
        Batch {
            jobs: Vec::new(),
            bytes: 0,
            tx,
        }
    }

    /// Adds a job; false when the pipeline has shut down.
    fn push(&mut self, job: Job) -> bool {
        self.bytes += job.len();
        self.jobs.push(job);
        if self.jobs.len() >= BATCH_JOBS || self.bytes >= BATCH_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        self.bytes = 0;
        let jobs = std::mem::take(&mut self.jobs);
        jobs.is_empty() || self.tx.send(jobs).is_ok()
    }
}

/// Stage 2, per job: parse, extract, render. A panic inside the extractor is
/// caught and becomes this document's error record, so one bad text cannot
/// end a day's batch.
fn process(job: Job, extractor: &Extractor, format: Format) -> Outcome {
    let bytes = job.len();
    let record = match job {
        Job::Line { file, line, bytes } => input::parse_record(&bytes, &file, line),
        Job::Text { file, bytes } => input::text_record(&file, bytes),
        Job::Failed(failure) => Err(failure),
    };
    let result = record
        .map_err(|f| (f.id, f.error.to_string()))
        .and_then(|Record { id, text }| {
            panic::catch_unwind(AssertUnwindSafe(|| {
                extractor.extract_with_id(id.clone(), &text)
            }))
            .map_err(|payload| (Some(id), panic_message(&payload)))
        });
    match result {
        Ok(doc) => Outcome {
            quotes: doc.quotes.len(),
            rendered: render::document(&doc, format),
            failed: None,
            bytes,
        },
        Err((id, message)) => Outcome {
            rendered: render::failure(id.as_deref(), &message, format),
            quotes: 0,
            failed: Some((id, message)),
            bytes,
        },
    }
}

fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!(
        "internal error: the extractor panicked on this text ({what}); \
         please report it with the input"
    )
}

/// Stage 3: writes outcomes in order and counts them.
fn write_outcomes<W: Write>(
    out: W,
    rx: Receiver<Vec<Outcome>>,
    progress: &ProgressBar,
) -> io::Result<Summary> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut summary = Summary::default();
    let started = Instant::now();
    for batch in rx.iter() {
        for outcome in batch {
            out.write_all(outcome.rendered.as_bytes())?;
            summary.bytes += outcome.bytes as u64;
            if let Some(failure) = outcome.failed {
                summary.errors += 1;
                if summary.first_errors.len() < FIRST_ERRORS {
                    summary.first_errors.push(failure);
                }
            } else {
                summary.documents += 1;
                summary.quotes += outcome.quotes as u64;
            }
        }
        if !progress.is_hidden() {
            progress.set_position(summary.bytes);
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            progress.set_message(format!(
                "{} docs, {:.0} docs/s, {:.1} MB/s, {} errors",
                summary.documents + summary.errors,
                (summary.documents + summary.errors) as f64 / secs,
                summary.bytes as f64 / 1e6 / secs,
                summary.errors
            ));
        }
    }
    out.flush()?;
    Ok(summary)
}
