//! Reads `{"id": …, "text": …}` lines on stdin and writes one extracted
//! document a line: the smallest batch driver over the library.
//!
//! `cargo run --release --example jsonl < articles.jsonl > quotes.jsonl`

use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = quotewise::Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("stdin:line {}: expected a JSON object: {e}", n + 1))?;
        let id = record["id"].as_str().unwrap_or_default().to_string();
        let text = record["text"]
            .as_str()
            .ok_or_else(|| format!("stdin:line {}: expected a string field \"text\"", n + 1))?;
        let doc = extractor.extract_with_id(id, text);
        serde_json::to_writer(&mut out, &doc)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
