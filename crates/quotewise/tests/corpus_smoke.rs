//! Every text of the shared evaluation corpora (`../shared/eval/data/*.jsonl`
//! beside the repository: PolNeAR dev and train, the PDNC novels,
//! Redewiedergabe) through the extractor: no panic, every span on char
//! boundaries with char offsets, bytes and text agreeing, no quotes
//! overlapping except a partial quote inside indirect or mixed speech (what
//! the pipeline promises), and the same documents on 1 and 2 threads.
//!
//! The corpora are licensed for evaluation only and are not in the
//! repository; in a clone without them the test says so and passes.
//!
//! About 20 MB of text: it runs in the test profile (opt-level 2).

mod common;

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use quotewise::{Document, Extractor};

/// How many failures to print per corpus file; the count says the rest.
const SHOWN: usize = 20;

/// `../shared/eval/data` beside the repository root.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/data")
}

/// The `(id, text)` of every line of a JSONL corpus file.
fn read_corpus(path: &Path) -> Vec<(String, String)> {
    let content = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let where_ = || format!("{}:line {}", path.display(), n + 1);
            let value: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", where_()));
            let field = |name: &str| {
                value[name]
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| panic!("{}: no string field {name:?}", where_()))
            };
            (field("id"), field("text"))
        })
        .collect()
}

thread_local! {
    /// Where the last panic on this thread happened, kept by the hook that
    /// [`quiet_panics`] installs.
    static PANICKED_AT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Replaces the panic hook, which prints every caught panic with its
/// backtrace (hundreds of lines for one bug met in many documents), by one
/// that only keeps the panic's location for [`panic_message`].
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| l.to_string()).unwrap_or_default();
        PANICKED_AT.with(|p| *p.borrow_mut() = at);
    }));
}

/// The message of a caught panic, with where it happened.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".to_owned()
    };
    let at = PANICKED_AT.with(|p| std::mem::take(&mut *p.borrow_mut()));
    format!("{message} (at {at})")
}

/// Checks one corpus file; returns the number of documents and a line per
/// failure (`id: what`).
fn check_corpus(extractor: &Extractor, path: &Path) -> (usize, Vec<String>) {
    let docs = read_corpus(path);
    let texts: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
    let mut failures = Vec::new();
    let one = NonZeroUsize::new(1).unwrap();
    let two = NonZeroUsize::new(2).unwrap();

    // One thread, the whole file at once; a panic sends us to extract the
    // texts one at a time, to name the documents that panic.
    let serial: Vec<Option<Document>> = match catch_unwind(AssertUnwindSafe(|| {
        extractor.extract_many_with_threads(&texts, one)
    })) {
        Ok(batch) => batch
            .expect("1 thread starts")
            .into_iter()
            .map(Some)
            .collect(),
        Err(_) => docs
            .iter()
            .map(|(id, text)| {
                catch_unwind(AssertUnwindSafe(|| extractor.extract(text)))
                    .map_err(|p| failures.push(format!("{id}: panicked: {}", panic_message(&*p))))
                    .ok()
            })
            .collect(),
    };

    for ((id, text), doc) in docs.iter().zip(&serial) {
        let Some(doc) = doc else { continue };
        let checked = catch_unwind(AssertUnwindSafe(|| {
            common::check_document(text, doc, extractor.options());
            common::check_no_overlap(doc);
        }));
        if let Err(p) = checked {
            failures.push(format!("{id}: {}", panic_message(&*p)));
        }
    }

    if failures.is_empty() {
        match catch_unwind(AssertUnwindSafe(|| {
            extractor.extract_many_with_threads(&texts, two)
        })) {
            Ok(parallel) => {
                let parallel = parallel.expect("2 threads start");
                for (((id, _), a), b) in docs.iter().zip(&serial).zip(&parallel) {
                    if a.as_ref() != Some(b) {
                        failures.push(format!("{id}: differs on 1 and 2 threads"));
                    }
                }
            }
            Err(p) => failures.push(format!(
                "(the batch): panicked on 2 threads only: {}",
                panic_message(&*p)
            )),
        }
    }
    (docs.len(), failures)
}

#[test]
fn every_corpus_text_extracts_with_sound_spans_on_any_thread_count() {
    let dir = data_dir();
    let Ok(listing) = std::fs::read_dir(&dir) else {
        eprintln!(
            "corpus_smoke: skipped: no evaluation corpora at {} (they sit beside the \
             repository, at ../shared/eval/data, on the project's machines only)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = listing
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.jsonl file in {}", dir.display());

    // The only test in this binary: no other test's panics to keep loud.
    quiet_panics();
    let extractor = Extractor::new();
    let mut report = Vec::new();
    let mut total = 0;
    for path in &files {
        let started = Instant::now();
        let (count, failures) = check_corpus(&extractor, path);
        let name = path.file_name().unwrap().to_string_lossy();
        eprintln!(
            "corpus_smoke: {name}: {count} documents in {:.1} s, {} failed",
            started.elapsed().as_secs_f64(),
            failures.len()
        );
        assert!(count > 0, "{name} has no documents");
        total += count;
        if !failures.is_empty() {
            report.push(format!("{name}: {} documents failed:", failures.len()));
            report.extend(failures.iter().take(SHOWN).map(|f| format!("  {f}")));
            if failures.len() > SHOWN {
                report.push(format!("  … and {} more", failures.len() - SHOWN));
            }
        }
    }
    // The default hook again, to print this test's own failure.
    drop(std::panic::take_hook());
    assert!(
        report.is_empty(),
        "of {total} documents:\n{}",
        report.join("\n")
    );
}
