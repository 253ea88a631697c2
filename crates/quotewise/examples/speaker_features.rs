//! Writes the speaker scorer's training rows: reads `{"id", "text"}` JSON
//! lines on stdin and writes, per line, `{"id", "document", "features"}`
//! (the extracted document and, per quote, its speaker features or null),
//! after a first line `{"feature_names": [...]}`.
//!
//! `scripts/fit_speaker_scorer.py` runs it:
//! `cargo run --release -p quotewise --example speaker_features < in.jsonl`.

use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = quotewise::Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let names = quotewise::Extractor::speaker_feature_names();
    writeln!(out, "{}", serde_json::json!({ "feature_names": names }))?;
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let item: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("stdin line {}: expected a JSON object: {e}", n + 1))?;
        let (Some(id), Some(text)) = (item["id"].as_str(), item["text"].as_str()) else {
            return Err(format!("stdin line {}: expected string fields id and text", n + 1).into());
        };
        let (mut document, features) = extractor.extract_with_speaker_features(text);
        document.id = Some(id.to_string());
        let row = serde_json::json!({ "id": id, "document": document, "features": features });
        writeln!(out, "{row}")?;
    }
    Ok(())
}
