//! Writing results: one JSON document per line, or a readable listing.

use std::fmt::Write as _;

use quotewise::{Document, Entity};

/// The output format of `quotewise extract`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per input (per line with `--jsonl`): the serialized
    /// document, or `{"id": …, "error": "…"}`.
    #[default]
    Json,
    /// A readable listing: each quote with its kind, speaker, method and
    /// confidence.
    Text,
}

/// Renders a document, with its trailing newline.
pub fn document(doc: &Document, format: Format) -> String {
    match format {
        Format::Json => {
            let mut line = serde_json::to_string(doc).expect("documents serialize to JSON");
            line.push('\n');
            line
        }
        Format::Text => listing(doc),
    }
}

/// Renders the error record of an input that failed, with its trailing
/// newline.
pub fn failure(id: Option<&str>, message: &str, format: Format) -> String {
    match format {
        Format::Json => {
            let record = ErrorRecord { id, error: message };
            let mut line = serde_json::to_string(&record).expect("strings serialize to JSON");
            line.push('\n');
            line
        }
        Format::Text => format!("== {}: ERROR {message}\n\n", id.unwrap_or("(no id)")),
    }
}

/// `{"id": …, "error": …}`, in that order.
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a str>,
    error: &'a str,
}

/// `text` on one line: every run of white space one space (a hard-wrapped
/// quote keeps its line breaks in the JSON, not in the listing).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn listing(doc: &Document) -> String {
    let mut s = String::new();
    let id = doc.id.as_deref().unwrap_or("(no id)");
    let n = doc.quotes.len();
    let plural = if n == 1 { "" } else { "s" };
    let _ = write!(s, "== {id}: {n} quote{plural}");
    if let Some(code) = &doc.language {
        let _ = write!(s, " · {code}");
    }
    if doc.genre == quotewise::Genre::Fiction {
        let _ = write!(s, " · fiction");
    }
    s.push('\n');
    for (i, quote) in doc.quotes.iter().enumerate() {
        let _ = writeln!(
            s,
            "{:>3}. {:<8} {}",
            i + 1,
            quote.kind.as_str(),
            one_line(&quote.text())
        );
        let who = match &quote.speaker {
            None => "(no speaker found)".to_string(),
            Some(speaker) => {
                let entity = doc.speaker_entity(quote);
                let name = entity.map(|e| e.name.as_str());
                let mention = speaker.mention.as_ref().map(|m| one_line(&m.text));
                let mention = mention.as_deref();
                let mut who = match (name, mention) {
                    (Some(name), Some(mention)) if name != mention => {
                        format!("{name} (as “{mention}”)")
                    }
                    (Some(name), _) => name.to_string(),
                    (None, Some(mention)) => format!("“{mention}” (unresolved)"),
                    (None, None) => "(unknown)".to_string(),
                };
                if let Some(link) = entity.and_then(gazetteer_link) {
                    let _ = write!(who, " → {link}");
                }
                format!(
                    "{who} · {} · confidence {:.2}",
                    speaker.method.as_str(),
                    speaker.confidence
                )
            }
        };
        let _ = writeln!(s, "     {:<8} {who}", "speaker");
        if let Some(addressee) = &quote.addressee {
            let name = doc.addressee_entity(quote).map(|e| e.name.as_str());
            let mention = addressee.mention.as_ref().map(|m| m.text.as_str());
            let to = match (name, mention) {
                (Some(name), Some(mention)) if name != mention => {
                    format!("{name} (as “{mention}”)")
                }
                (Some(name), _) => name.to_string(),
                (None, Some(mention)) => format!("“{mention}” (unresolved)"),
                (None, None) => "(unknown)".to_string(),
            };
            let _ = writeln!(s, "     {:<8} {to}", "to");
        }
    }
    let linked: Vec<_> = doc
        .entities
        .iter()
        .filter_map(|e| Some((e, gazetteer_link(e)?)))
        .collect();
    if !linked.is_empty() {
        let _ = writeln!(s, "     linked entities");
        for (entity, link) in linked {
            let _ = writeln!(
                s,
                "       {} ({}) → {link}",
                entity.name,
                entity.kind.as_str()
            );
        }
    }
    s.push('\n');
    s
}

/// `gazetteer id (link method)` of an entity linked to the gazetteer.
fn gazetteer_link(entity: &Entity) -> Option<String> {
    let id = entity.gazetteer_id.as_deref()?;
    Some(match entity.link {
        Some(method) => format!("{id} ({method})"),
        None => id.to_string(),
    })
}
