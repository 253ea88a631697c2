//! The quotewise side of `benches/peers/matching.py`: generates the shared
//! input and measures our matcher on it, printing one JSON object per run.
//!
//! ```text
//! match_bench gen DIR            names.txt, texts.jsonl, fuzzy.tsv, big.csv
//! match_bench exact DIR MODE     MODE: same-rules | variants | fuzzy
//! match_bench fuzzy DIR          misspelled-name lookups
//! match_bench load FILE          load a gazetteer file; time and peak memory
//! ```

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use quotewise::{EntityKind, Gazetteer, GazetteerEntry};
use quotewise_benches::matching_data::{self as data, Rng};
use serde_json::json;

const NAMES: usize = 20_000;
const TEXT_BYTES: usize = 50 * 1024 * 1024;
const BIG_ENTRIES: usize = 500_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["gen", dir] => generate(Path::new(dir)),
        ["exact", dir, mode] => exact(Path::new(dir), mode),
        ["fuzzy", dir] => fuzzy(Path::new(dir)),
        ["load", file] => load(Path::new(file)),
        _ => Err("usage: match_bench gen DIR | exact DIR same-rules|variants|fuzzy | fuzzy DIR | load FILE".into()),
    };
    match result {
        Ok(v) => println!("{v}"),
        Err(e) => {
            eprintln!("match_bench: {e}");
            std::process::exit(2);
        }
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn generate(dir: &Path) -> Result<serde_json::Value> {
    std::fs::create_dir_all(dir)?;
    let names = data::person_names(NAMES, 1);
    std::fs::write(dir.join("names.txt"), names.join("\n") + "\n")?;
    let articles = data::polnear_articles();
    let texts = data::news_with_names(&articles, &names, TEXT_BYTES, 2);
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("texts.jsonl"))?);
    for t in &texts {
        writeln!(out, "{}", json!({ "text": t }))?;
    }
    out.flush()?;
    let mut rng = Rng::new(3);
    let mut fuzzy = String::new();
    for edits in [1, 2] {
        for _ in 0..1000 {
            let name = rng.pick(&names);
            fuzzy.push_str(&format!(
                "{}\t{name}\n",
                data::misspell(name, edits, &mut rng)
            ));
        }
    }
    for w in data::capitalised_words(&articles, &names, 2000, 4) {
        fuzzy.push_str(&format!("{w}\t\n"));
    }
    std::fs::write(dir.join("fuzzy.tsv"), fuzzy)?;
    std::fs::write(dir.join("big.csv"), data::big_gazetteer_csv(BIG_ENTRIES, 5))?;
    let bytes: usize = texts.iter().map(String::len).sum();
    Ok(
        json!({ "names": names.len(), "texts": texts.len(), "text_bytes": bytes, "big_aliases": 2 * BIG_ENTRIES }),
    )
}

fn names(dir: &Path) -> Result<Vec<String>> {
    Ok(std::fs::read_to_string(dir.join("names.txt"))?
        .lines()
        .map(str::to_string)
        .collect())
}

fn entries(names: &[String]) -> impl Iterator<Item = GazetteerEntry> + '_ {
    names
        .iter()
        .map(|n| GazetteerEntry::new(n.clone(), n.clone(), EntityKind::Person))
}

fn exact(dir: &Path, mode: &str) -> Result<serde_json::Value> {
    let names = names(dir)?;
    let texts: Vec<String> = std::fs::read_to_string(dir.join("texts.jsonl"))?
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .map(|v| v["text"].as_str().unwrap_or_default().to_string())
        })
        .collect::<std::result::Result<_, _>>()?;
    let builder = Gazetteer::builder().entries(entries(&names));
    let builder = match mode {
        // The peers' rules: the names alone, case-folded, no capital rule.
        "same-rules" => builder.variants(false).require_capital(false).fuzzy(false),
        "variants" => builder.fuzzy(false),
        "fuzzy" => builder,
        _ => return Err(format!("unknown mode {mode}").into()),
    };
    let (g, _, build_s) = timed(|| builder.build());
    let g = g?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let (matches, wall, cpu) = timed(|| texts.iter().map(|t| g.find(t).len()).sum::<usize>());
    Ok(json!({
        "tool": format!("quotewise ({mode})"),
        "build_s": build_s,
        "search_s": cpu,
        "wall_s": wall,
        "mb_s": bytes as f64 / 1e6 / cpu,
        "matches": matches,
        "bytes": bytes,
    }))
}

fn fuzzy(dir: &Path) -> Result<serde_json::Value> {
    let names = names(dir)?;
    let queries: Vec<(String, String)> = std::fs::read_to_string(dir.join("fuzzy.tsv"))?
        .lines()
        .map(|l| {
            let (q, want) = l.split_once('\t').unwrap_or((l, ""));
            (q.to_string(), want.to_string())
        })
        .collect();
    let (g, _, build_s) = timed(|| {
        let g = Gazetteer::builder()
            .variants(false)
            .entries(entries(&names))
            .build();
        // The fuzzy index is built on first use: build it now, outside the timing.
        g.inspect(|g| drop(g.lookup("Warm Up")))
    });
    let g = g?;
    let (results, _, cpu) = timed(|| {
        queries
            .iter()
            .map(|(q, _)| g.lookup(q).and_then(|m| m.id))
            .collect::<Vec<Option<String>>>()
    });
    // The same lookups split: misspelled names (verified candidates) and
    // ordinary words (mostly rejected early).
    let rate = |names: bool| {
        let subset: Vec<&String> = queries
            .iter()
            .filter(|(_, w)| w.is_empty() != names)
            .map(|(q, _)| q)
            .collect();
        let (_, _, secs) = timed(|| subset.iter().filter(|q| g.lookup(q).is_some()).count());
        subset.len() as f64 / secs
    };
    Ok(json!({
        "tool": "quotewise lookup",
        "build_s": build_s,
        "lookups_s": queries.len() as f64 / cpu,
        "name_lookups_s": rate(true),
        "word_lookups_s": rate(false),
        "quality": quality(&queries, &results),
    }))
}

/// Recall on misspelled names, precision of the names returned, and the
/// share of ordinary words left unmatched.
fn quality(queries: &[(String, String)], results: &[Option<String>]) -> serde_json::Value {
    let (mut names, mut right, mut returned, mut words, mut words_clean) = (0, 0, 0, 0, 0);
    for ((_, want), got) in queries.iter().zip(results) {
        if want.is_empty() {
            words += 1;
            words_clean += usize::from(got.is_none());
        } else {
            names += 1;
            returned += usize::from(got.is_some());
            right += usize::from(got.as_deref() == Some(want.as_str()));
        }
    }
    json!({
        "recall": right as f64 / names as f64,
        "name_precision": right as f64 / returned.max(1) as f64,
        "word_precision": words_clean as f64 / words as f64,
    })
}

fn load(file: &Path) -> Result<serde_json::Value> {
    let (builder, read_wall, read_s) = timed(|| quotewise::GazetteerBuilder::new().load_path(file));
    let (g, build_wall, build_s) = timed(|| builder.and_then(|b| b.build()));
    let g = g?;
    let (load_s, load_wall) = (read_s + build_s, read_wall + build_wall);
    let load_peak = peak_rss_mb();
    let aliases: usize = g.entries().iter().map(|e| 1 + e.aliases.len()).sum();
    let (_, _, fuzzy_s) = timed(|| g.lookup("Warm Up"));
    Ok(json!({
        "entries": g.len(),
        "aliases": aliases,
        "load_s": load_s,
        "read_s": read_s,
        "compile_s": build_s,
        "load_wall_s": load_wall,
        "peak_rss_mb": load_peak,
        "fuzzy_index_s": fuzzy_s,
        "peak_rss_with_fuzzy_mb": peak_rss_mb(),
    }))
}

/// CPU time this thread has used, in seconds (from
/// `/proc/thread-self/schedstat`): on a shared machine, wall-clock time
/// also counts time spent waiting for a core, so throughput is computed
/// from CPU time, as the peers script does with `time.thread_time()`.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace()
        .next()
        .and_then(|ns| ns.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e9)
}

/// Wall-clock and CPU seconds of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (t, c) = (Instant::now(), cpu_s());
    let out = f();
    (out, t.elapsed().as_secs_f64(), cpu_s() - c)
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
