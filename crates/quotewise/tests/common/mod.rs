//! Invariants every extraction result must hold, shared by the property
//! tests, the bad-input tests, the fuzz targets (`fuzz/`, which include this
//! file by path) and the replay of the fuzz regression corpus.
//!
//! Each check panics with a message naming the broken invariant.

#![allow(dead_code)] // Each test binary uses a different part.

pub mod sentences;

use quotewise::{Document, ExtractorBuilder, Options, QuoteKind, Span};

/// Checks that `span` lies in `text` on char boundaries and that its byte
/// offsets and text agree, and its char length matches its text. The char
/// offset of its start is checked by [`check_char_starts`].
pub fn check_span(text: &str, span: &Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {}..{} out of bounds (text is {} bytes)",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} not on char boundaries",
        span.start,
        span.end
    );
    assert_eq!(span.text, text[span.start..span.end], "{what}: span text");
    assert_eq!(
        span.char_end - span.char_start,
        span.text.chars().count(),
        "{what}: char length of {:?}",
        span.text
    );
}

/// Checks that each span's `char_start` counts the chars before its
/// `start`, in one pass over the text (spans sorted by start), so that
/// checking a 10 MB text with 100,000 spans stays linear.
pub fn check_char_starts(text: &str, spans: &mut [&Span]) {
    spans.sort_by_key(|s| s.start);
    let (mut byte, mut chars) = (0, 0);
    for span in spans.iter() {
        chars += text[byte..span.start].chars().count();
        byte = span.start;
        assert_eq!(
            span.char_start, chars,
            "char_start of the span at byte {} ({:?})",
            span.start, span.text
        );
    }
}

/// Checks every invariant of `doc`, extracted from `text` with `options`,
/// except [`check_no_overlap`] (which the pipeline breaks today; see
/// bad_input.rs, `known_overlap_bugs`).
pub fn check_document(text: &str, doc: &Document, options: &Options) {
    for (i, quote) in doc.quotes.iter().enumerate() {
        assert!(!quote.content.is_empty(), "quote {i} has no content");
        for (j, piece) in quote.content.iter().enumerate() {
            check_span(text, piece, &format!("quote {i} content {j}"));
        }
        for pair in quote.content.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "quote {i}: content pieces {:?} and {:?} unsorted or overlapping",
                pair[0].range(),
                pair[1].range()
            );
        }
        if let Some(cue) = &quote.cue {
            check_span(text, cue, &format!("quote {i} cue"));
        }
        if let Some(speaker) = &quote.speaker {
            if let Some(mention) = &speaker.mention {
                check_span(text, mention, &format!("quote {i} speaker mention"));
            }
            if let Some(entity) = speaker.entity {
                assert!(
                    entity < doc.entities.len(),
                    "quote {i}: speaker entity {entity} of {}",
                    doc.entities.len()
                );
            }
            assert!(
                (0.0..=1.0).contains(&speaker.confidence),
                "quote {i}: confidence {} not in 0..=1",
                speaker.confidence
            );
            assert!(
                speaker.confidence >= options.min_confidence,
                "quote {i}: confidence {} below min_confidence {}",
                speaker.confidence,
                options.min_confidence
            );
        }
        if !options.partial {
            assert_ne!(quote.kind, QuoteKind::Partial, "quote {i}: partial is off");
        }
        if !options.indirect {
            assert_ne!(
                quote.kind,
                QuoteKind::Indirect,
                "quote {i}: indirect is off"
            );
        }
    }
    for pair in doc.quotes.windows(2) {
        assert!(
            pair[0].start() <= pair[1].start(),
            "quotes not ordered by start: {} then {}",
            pair[0].start(),
            pair[1].start()
        );
    }
    for (i, entity) in doc.entities.iter().enumerate() {
        assert_eq!(entity.id, i, "entity ids are their indexes");
        for (j, mention) in entity.mentions.iter().enumerate() {
            check_span(text, mention, &format!("entity {i} mention {j}"));
        }
    }
    let mut spans: Vec<&Span> = doc
        .quotes
        .iter()
        .flat_map(|q| {
            let mention = q.speaker.as_ref().and_then(|s| s.mention.as_ref());
            q.content.iter().chain(q.cue.as_ref()).chain(mention)
        })
        .chain(doc.entities.iter().flat_map(|e| e.mentions.iter()))
        .collect();
    check_char_starts(text, &mut spans);
}

/// Quotes never share text, except a partial quote inside reported speech
/// (an indirect or mixed quote). One sweep over the pieces sorted by start:
/// a piece overlapping any earlier piece overlaps the one reaching furthest.
pub fn check_no_overlap(doc: &Document) {
    let mut pieces: Vec<(usize, &Span)> = doc
        .quotes
        .iter()
        .enumerate()
        .flat_map(|(i, q)| q.content.iter().map(move |p| (i, p)))
        .collect();
    pieces.sort_by_key(|&(i, p)| (p.start, i));
    let inside = |inner: &quotewise::Quote, outer: &quotewise::Quote| {
        inner.kind == QuoteKind::Partial
            && matches!(outer.kind, QuoteKind::Indirect | QuoteKind::Mixed)
            && outer.start() <= inner.start()
            && inner.end() <= outer.end()
    };
    let mut furthest: Option<(usize, usize)> = None; // (end, quote)
    for (i, piece) in pieces {
        if let Some((end, j)) = furthest {
            if piece.start < end && i != j {
                let (a, b) = (&doc.quotes[i], &doc.quotes[j]);
                assert!(
                    inside(a, b) || inside(b, a),
                    "quotes {j} ({:?} {:?}) and {i} ({:?} {:?}) overlap",
                    b.kind,
                    b.text(),
                    a.kind,
                    a.text()
                );
            }
        }
        if furthest.is_none_or(|(end, _)| piece.end > end) {
            furthest = Some((piece.end, i));
        }
    }
}

/// The fuzz input format for extraction: byte 0 switches options (bit 0:
/// indirect, bit 1: partial), byte 1 is min_confidence in 255ths (255 means
/// an invalid 1.5, which the builder must refuse), the rest is the text
/// (lossily decoded, so every input is a text).
pub fn fuzz_extract(data: &[u8]) {
    let (flags, confidence, rest) = split_options(data);
    check_extraction(flags, confidence, &String::from_utf8_lossy(rest));
}

/// The structure-aware fuzz input format: the two option bytes of
/// [`fuzz_extract`], then the choices of pieces that
/// [`sentences::assemble`] turns into the text.
pub fn fuzz_sentences(data: &[u8]) {
    let (flags, confidence, rest) = split_options(data);
    check_extraction(flags, confidence, &sentences::assemble(rest));
}

/// The option bytes and the rest of a fuzz input; an input shorter than
/// two bytes is all text, with both options on and no minimum confidence.
fn split_options(data: &[u8]) -> (u8, u8, &[u8]) {
    match data {
        [f, c, rest @ ..] => (*f, *c, rest),
        _ => (0b11, 0, data),
    }
}

/// Builds an extractor from the option bytes (see [`fuzz_extract`]) and
/// checks every invariant of its result on `text`, and determinism.
fn check_extraction(flags: u8, confidence: u8, text: &str) {
    let min_confidence = if confidence == 255 {
        1.5
    } else {
        f32::from(confidence) / 254.0
    };
    let built = ExtractorBuilder::new()
        .indirect(flags & 1 != 0)
        .partial(flags & 2 != 0)
        .min_confidence(min_confidence)
        .build();
    let extractor = match built {
        Ok(extractor) => extractor,
        Err(e) => {
            assert!(confidence == 255, "valid options refused: {e}");
            assert_eq!(e.kind(), quotewise::ErrorKind::Config);
            return;
        }
    };
    assert!(confidence != 255, "min_confidence 1.5 was accepted");
    let doc = extractor.extract(text);
    check_document(text, &doc, extractor.options());
    assert_eq!(doc, extractor.extract(text), "extraction is deterministic");
}

/// The fuzz input format for gazetteer loading: byte 0 picks the format
/// (bits 0-1: CSV, TSV, JSONL, JSONL) and the options (bit 2: variants,
/// bit 3: fuzzy, bit 4: require_capital), the rest is the file. A load
/// either fails with an error naming the source, or gives a gazetteer whose
/// matches lie in the text searched and which an extractor can use.
pub fn fuzz_gazetteer(data: &[u8]) {
    use quotewise::GazetteerBuilder;
    let Some((&flags, file)) = data.split_first() else {
        return;
    };
    let builder = GazetteerBuilder::new()
        .variants(flags & 4 != 0)
        .fuzzy(flags & 8 != 0)
        .require_capital(flags & 16 != 0);
    let (source, loaded) = match flags & 3 {
        0 => ("fuzz.csv", builder.read_csv(file, "fuzz.csv", b',')),
        1 => ("fuzz.tsv", builder.read_csv(file, "fuzz.tsv", b'\t')),
        _ => ("fuzz.jsonl", builder.read_jsonl(file, "fuzz.jsonl")),
    };
    let gazetteer = match loaded.and_then(|b| b.build()) {
        Ok(gazetteer) => gazetteer,
        Err(e) => {
            let shown = e.to_string();
            assert!(!e.message().is_empty(), "an error says what went wrong");
            if e.kind() == quotewise::ErrorKind::Parse {
                assert!(shown.starts_with(source), "{shown:?} names {source}");
            }
            return;
        }
    };
    let text = String::from_utf8_lossy(file);
    for m in gazetteer.find(&text) {
        check_span(&text, &m.span, "gazetteer match");
    }
    for entry in gazetteer.entries().iter().take(5) {
        assert!(
            gazetteer.get(&entry.id).is_some(),
            "every entry is found by id"
        );
        let _ = gazetteer.lookup(&entry.name);
    }
    let extractor = ExtractorBuilder::new()
        .gazetteer(gazetteer)
        .build()
        .expect("a built gazetteer is accepted");
    let sample = format!("“We will win,” {} said. {text}", "Jane Smith");
    let doc = extractor.extract(&sample);
    check_document(&sample, &doc, extractor.options());
}
