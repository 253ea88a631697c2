//! The extraction pipeline: text model → quote scanner → cues → attribution.

use crate::extractor::Extractor;
use crate::model::{Document, Quote, QuoteKind};
use crate::span::CharIndex;

/// Runs every stage over `text`.
pub(crate) fn run(extractor: &Extractor, text: &str) -> Document {
    let index = CharIndex::new(text);
    let mut quotes = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(s)) => {
                quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: vec![index.span(s, i + c.len_utf8())],
                    cue: None,
                    speaker: None,
                });
                open = None;
            }
            _ => {}
        }
    }
    let mut doc = Document {
        id: None,
        quotes,
        entities: Vec::new(),
    };
    if let Some(g) = extractor.gazetteer() {
        g.link(text, &index, &mut doc);
    }
    doc
}
