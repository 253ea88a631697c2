//! Extraction throughput in bytes of text (criterion reports MB/s):
//!
//! * `extract/dev-texts`: every PolNeAR dev article, one `extract` each —
//!   the figure for issue 3 (≥ 20 MB/s on one thread) and issue 6 (≥ 50 MB/s
//!   per core);
//! * `one-document/1x` and `/10x`: the dev texts joined into one document,
//!   and ten copies of it, for the cost's linearity in document length;
//! * `one-document/quote-storm`: a 10 MB single paragraph with thousands of
//!   quote marks and no newline, against normal news per byte.
//!
//! With `--features mimalloc` the benchmark runs on mimalloc, the allocator
//! of the `quotewise` CLI and of the Python module; without it, on the
//! system allocator, as a Rust program that links the library would.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotewise::Extractor;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn dev_texts(c: &mut Criterion) {
    let texts = quotewise_benches::news_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("dev-texts", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(extractor.extract(black_box(text)));
            }
        })
    });
    group.finish();
}

fn one_document(c: &mut Criterion) {
    let joined = quotewise_benches::news_texts().join("\n\n");
    let ten = [joined.as_str(); 10].join("\n\n");
    let storm = quotewise_benches::quote_storm(10_000_000);
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("one-document");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, text) in [("1x", &joined), ("10x", &ten), ("quote-storm", &storm)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extractor.extract(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, dev_texts, one_document);
criterion_main!(benches);
