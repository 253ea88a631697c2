//! Gazetteer matching: exact matching throughput (MB/s) on news text with
//! 20,000 person names, and fuzzy lookups per second. The side-by-side run
//! against other tools is `benches/peers/run_matching.sh`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use quotewise::{EntityKind, Gazetteer, GazetteerEntry};
use quotewise_benches::matching_data::{self as data, Rng};

const NAMES: usize = 20_000;
/// Enough text for stable numbers while keeping `cargo bench` short.
const TEXT_BYTES: usize = 4 * 1024 * 1024;

fn gazetteer(names: &[String]) -> quotewise::GazetteerBuilder {
    Gazetteer::builder().entries(
        names
            .iter()
            .map(|n| GazetteerEntry::new(n.clone(), n.clone(), EntityKind::Person)),
    )
}

fn matching(c: &mut Criterion) {
    let names = data::person_names(NAMES, 1);
    let articles = data::polnear_articles();
    let texts = data::news_with_names(&articles, &names, TEXT_BYTES, 2);
    let bytes: usize = texts.iter().map(String::len).sum();

    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let configs = [
        (
            "find/names_only",
            gazetteer(&names)
                .variants(false)
                .require_capital(false)
                .fuzzy(false),
        ),
        ("find/variants", gazetteer(&names).fuzzy(false)),
        ("find/variants_fuzzy", gazetteer(&names)),
    ];
    for (label, builder) in configs {
        let g = builder.build().expect("valid gazetteer");
        group.bench_function(label, |b| {
            b.iter(|| texts.iter().map(|t| g.find(t).len()).sum::<usize>())
        });
    }

    let mut rng = Rng::new(3);
    let queries: Vec<String> = (0..1000)
        .map(|i| {
            let name = rng.pick(&names).clone();
            data::misspell(&name, 1 + i % 2, &mut rng)
        })
        .collect();
    let g = gazetteer(&names)
        .variants(false)
        .build()
        .expect("valid gazetteer");
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.bench_function("lookup/misspelled", |b| {
        b.iter(|| queries.iter().filter(|q| g.lookup(q).is_some()).count())
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("build/20k_names", |b| {
        b.iter_batched(
            || gazetteer(&names),
            |builder| builder.build(),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
