//! What a second lexicon costs in memory (issue 16): the live heap bytes
//! and the resident set before and after an extractor of each further
//! language is built in a process that already reads English.
//!
//! ```sh
//! cargo run --release -p quotewise-benches --bin lexicon_memory
//! ```
//!
//! Heap bytes are counted by a global allocator that wraps the system one
//! (allocations minus frees, and the peak); the resident set is `VmRSS` and
//! `VmHWM` from `/proc/self/status` (Linux only; `-` elsewhere). Each
//! built-in lexicon is parsed once per process and shared by every
//! extractor of its language, so a figure is paid once, whatever the
//! number of extractors.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use quotewise::{Extractor, ExtractorBuilder, Lexicon};

/// The system allocator, counting the bytes it has out.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// The one unsafe block of the benchmarks: a global allocator cannot be
// written without it. Each method passes its arguments on to `System`
// unchanged, so `System`'s contract is the caller's.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `VmRSS` and `VmHWM` in KiB, if `/proc/self/status` has them.
fn resident() -> (Option<usize>, Option<usize>) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn kib(v: Option<usize>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// An extractor of built-in language `code` that has read one sentence,
/// so its lexicon is parsed and in memory.
fn reading(code: &str) -> Extractor {
    let extractor = ExtractorBuilder::new()
        .language(code)
        .build()
        .expect("a built-in language builds");
    extractor.extract("“We will not give up,” the minister said on Monday.");
    extractor
}

fn main() {
    let start = LIVE.load(Ordering::Relaxed);
    let english = reading("en");
    let after_en = LIVE.load(Ordering::Relaxed);
    let (rss, hwm) = resident();
    println!("| lexicon | live heap after | added heap | VmRSS KiB | VmHWM KiB |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| en (first) | {after_en} B | {} B | {} | {} |",
        after_en - start,
        kib(rss),
        kib(hwm)
    );
    let mut keep = vec![english];
    let mut before = after_en;
    for code in Lexicon::languages().filter(|&c| c != "en") {
        let extractor = reading(code);
        let live = LIVE.load(Ordering::Relaxed);
        let (rss, hwm) = resident();
        println!(
            "| {code} (then) | {live} B | {} B | {} | {} |",
            live as isize - before as isize,
            kib(rss),
            kib(hwm)
        );
        before = live;
        keep.push(extractor);
    }
    // A second extractor of a language already read adds no lexicon.
    let _again = reading("de");
    let live = LIVE.load(Ordering::Relaxed);
    println!(
        "| de again | {live} B | {} B | | |",
        live as isize - before as isize
    );
    println!("peak live heap: {} B", PEAK.load(Ordering::Relaxed));
    drop(keep);
}
