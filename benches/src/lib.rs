//! Shared inputs for the benchmarks: the PolNeAR dev texts read from
//! `../shared/eval/data` beside the repository (never copied into it), or the
//! shipped sample article when that is missing.

pub mod matching_data;

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("benches/ has a parent")
        .to_path_buf()
}

/// The news texts to benchmark on: every article of PolNeAR dev, or the
/// sample article when the evaluation data is not beside the repository.
pub fn news_texts() -> Vec<String> {
    let root = repo_root();
    let dev = root.join("../shared/eval/data/polnear-dev.jsonl");
    match std::fs::read_to_string(&dev) {
        Ok(data) => data
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("dev file is JSONL");
                v["text"].as_str().expect("dev line has text").to_string()
            })
            .collect(),
        Err(_) => vec![
            std::fs::read_to_string(root.join("examples/sample_article.txt"))
                .expect("examples/sample_article.txt is shipped"),
        ],
    }
}

/// A single paragraph of at least `bytes` bytes with no newline and a
/// quote mark every few words, many of them unbalanced: the worst case for
/// a quote scanner, to compare with normal news per byte.
pub fn quote_storm(bytes: usize) -> String {
    const PIECES: &[&str] = &[
        "“We will win,” Jane Smith said, ",
        "and “the talks ",
        "went on” while ",
        "« nobody » ",
        "\"said\" ",
        "“ ",
        "” ",
        "he added that ‘it’s ",
        "fine’ and ",
        "„ja“ ",
    ];
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(PIECES[i % PIECES.len()]);
        i += 1;
    }
    text
}
