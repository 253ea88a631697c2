//! The extraction pipeline: text model → quote scanner → entities → speech
//! tags and indirect speech → speaker resolution → document.

use crate::attribute::{self, Candidate};
use crate::characters;
use crate::conversation::{Turn, TurnCue};
use crate::entities::{self, Entities};
use crate::extractor::Options;
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::marks;
use crate::model::{Addressee, Document, Entity, Genre, Method, Quote, Resolution, Speaker};
use crate::resolve::{self, Resolved};
use crate::score::{self, DocShape, Features, Scorer};
use crate::span::{CharIndex, Span};
use crate::text::Text;
use std::ops::Range;
use std::sync::Arc;

/// Runs every stage over `text`.
/// `language` is the one the document reports (given or detected).
pub(crate) fn run(
    options: &Options,
    language: Option<String>,
    lexicon: &Lexicon,
    gazetteer: Option<&Gazetteer>,
    text: &str,
) -> Document {
    run_recording(options, language, lexicon, gazetteer, text, None)
}

/// [`run`], writing the speaker features of each quote (in the document's
/// quote order; `None` for a quote without a speaker) into `features`.
pub(crate) fn run_recording(
    options: &Options,
    language: Option<String>,
    lexicon: &Lexicon,
    gazetteer: Option<&Gazetteer>,
    text: &str,
    features: Option<&mut Vec<Option<Features>>>,
) -> Document {
    let mut t = Text::new(text, lexicon);
    crate::cues::find(&mut t);
    if t.tokens.is_empty() {
        return Document {
            language,
            genre: options.genre.unwrap_or_default(),
            ..Document::default()
        };
    }
    let quoted = marks::scan(&t);
    let mut ents = entities::find(&t);
    let mut cands = attribute::candidates(&t, &quoted, options);
    let (resolved, turns, genre) = resolve::resolve(&t, &mut ents, &mut cands, options.genre);
    let resolved: Vec<(Resolved, Turn)> = resolved.into_iter().zip(turns).collect();
    let index = CharIndex::new(text);
    let mut doc = build(
        &t,
        &index,
        &ents,
        &cands,
        &resolved,
        options.min_confidence,
        features,
    );
    if let Some(g) = gazetteer {
        g.link(text, &index, &mut doc);
    }
    doc.language = language;
    doc.genre = genre;
    doc
}

/// A document of no language that could be told from the whole, in
/// several ([`crate::language::language_runs`]): each stretch read with the
/// lexicon of its language, as a document of its own, then joined into
/// one. No speaker is carried from one stretch into another; an entity
/// named in several (the same name, or the same gazetteer entity) is one
/// entity of the whole document. Each quote says its stretch's language
/// ([`Quote::language`]). The document's language is that of its longest
/// stretch; its genre is the one set, else that of its longest stretch.
pub(crate) fn run_by_language(
    options: &Options,
    runs: &[(Range<usize>, &'static str, Arc<Lexicon>)],
    gazetteer: Option<&Gazetteer>,
    text: &str,
) -> Document {
    let mut doc = Document::default();
    let mut longest = 0;
    let chars = CharIndex::new(text);
    for (range, language, lexicon) in runs {
        let part = run_stretch(options, range, language, lexicon, gazetteer, text);
        if range.len() > longest {
            longest = range.len();
            doc.language = part.language.clone();
            doc.genre = part.genre;
        }
        let shift = (range.start, chars.char_offset(range.start));
        adopt(&mut doc, part, shift, language);
    }
    if let Some(g) = options.genre {
        doc.genre = g;
    }
    doc
}

/// `doc`, a document of a known language read whole, with the stretches
/// of `runs` that are in another language read again with their own
/// lexicons: their quotes take the place of those the whole reading found
/// in them. The rest of the document keeps its reading (its conversations
/// and entities run across the foreign stretch, as a book's do across a
/// letter in French). Entities of a stretch join the document's with the
/// same name or gazetteer entity, or with a mention at the same place.
/// Every quote then says its language ([`Quote::language`]). `doc` as it
/// was when no stretch is in another language.
pub(crate) fn splice_languages(
    options: &Options,
    mut doc: Document,
    runs: &[(Range<usize>, &'static str, Arc<Lexicon>)],
    gazetteer: Option<&Gazetteer>,
    text: &str,
) -> Document {
    let home = doc.language.clone();
    let foreign: Vec<_> = runs
        .iter()
        .filter(|(_, l, _)| home.as_deref() != Some(*l))
        .collect();
    if foreign.is_empty() {
        return doc;
    }
    for q in &mut doc.quotes {
        q.language = home.clone();
    }
    let chars = CharIndex::new(text);
    for (range, language, lexicon) in foreign {
        let part = run_stretch(options, range, language, lexicon, gazetteer, text);
        doc.quotes.retain(|q| !range.contains(&q.start()));
        let shift = (range.start, chars.char_offset(range.start));
        adopt(&mut doc, part, shift, language);
    }
    doc.quotes.sort_by_key(Quote::start);
    doc
}

/// The stretch `range` of `text` read as a document of its own in
/// `language`, with offsets into the stretch.
fn run_stretch(
    options: &Options,
    range: &Range<usize>,
    language: &str,
    lexicon: &Lexicon,
    gazetteer: Option<&Gazetteer>,
    text: &str,
) -> Document {
    let language = Some(language.to_string());
    run(options, language, lexicon, gazetteer, &text[range.clone()])
}

/// Moves the quotes and entities of `part`, a stretch of the document's
/// text starting at (byte, char) `shift`, into `doc`; the quotes say
/// `language`. An entity of the part joins one of `doc` of the same kind
/// with the same name or gazetteer entity, or with a mention at the same
/// place; its mentions not yet there are added.
fn adopt(doc: &mut Document, part: Document, shift: (usize, usize), language: &str) {
    let ids: Vec<usize> = part
        .entities
        .into_iter()
        .map(|mut e| {
            for m in &mut e.mentions {
                shift_span(m, shift);
            }
            let same = doc.entities.iter().position(|d| {
                d.kind == e.kind
                    && (d.name == e.name
                        || (d.gazetteer_id.is_some() && d.gazetteer_id == e.gazetteer_id)
                        || d.mentions
                            .iter()
                            .any(|m| e.mentions.iter().any(|n| n.start == m.start)))
            });
            let Some(k) = same else {
                e.id = doc.entities.len();
                doc.entities.push(e);
                return doc.entities.len() - 1;
            };
            let d = &mut doc.entities[k];
            for m in e.mentions {
                if !d.mentions.iter().any(|n| n.start == m.start) {
                    d.mentions.push(m);
                }
            }
            d.mentions.sort_by_key(|m| m.start);
            d.gender = d.gender.or(e.gender);
            for x in e.descriptors {
                if !d.descriptors.contains(&x) {
                    d.descriptors.push(x);
                }
            }
            k
        })
        .collect();
    for mut q in part.quotes {
        q.content.iter_mut().for_each(|s| shift_span(s, shift));
        if let Some(c) = &mut q.cue {
            shift_span(c, shift);
        }
        if let Some(s) = &mut q.speaker {
            s.mention.iter_mut().for_each(|m| shift_span(m, shift));
            s.entity = s.entity.map(|e| ids[e]);
        }
        if let Some(a) = &mut q.addressee {
            a.mention.iter_mut().for_each(|m| shift_span(m, shift));
            a.entity = a.entity.map(|e| ids[e]);
        }
        q.language = Some(language.to_string());
        doc.quotes.push(q);
    }
}

/// `span` moved from a stretch of a text to the whole text, whose stretch
/// starts at (byte, char) `shift`.
fn shift_span(span: &mut Span, (bytes, chars): (usize, usize)) {
    span.start += bytes;
    span.end += bytes;
    span.char_start += chars;
    span.char_end += chars;
}

fn build(
    t: &Text,
    index: &CharIndex,
    ents: &Entities,
    cands: &[Candidate],
    resolved: &[(Resolved, Turn)],
    min_confidence: f64,
    mut record: Option<&mut Vec<Option<Features>>>,
) -> Document {
    let scorer = Scorer::shipped();
    // Read only for a quote with a speaker (it scans up to 64 KB).
    let mut shape = None;
    let mut previous = None;
    let span = |a: usize, b: usize| index.span(t.tokens[a].start, t.tokens[b].end);
    let mut entities: Vec<Entity> = ents
        .clusters
        .iter()
        .enumerate()
        .map(|(id, c)| {
            // The narrator ([`resolve`]) has no name mention.
            let name = if c.mentions.is_empty() {
                "I".to_string()
            } else {
                ents.name(t, c)
            };
            let mentions = c
                .mentions
                .iter()
                .map(|&k| {
                    let (a, b) = characters::titled_range(t, &ents.mentions[k]);
                    index.span(a, b)
                })
                .collect();
            Entity {
                id,
                name,
                kind: c.kind,
                gender: c.gender,
                mentions,
                descriptors: c.descriptors.iter().map(|d| d.to_string()).collect(),
                gazetteer_id: None,
                link: None,
            }
        })
        .collect();
    let mut quotes = Vec::with_capacity(cands.len());
    for (c, (r, turn)) in cands.iter().zip(resolved) {
        let content: Vec<Span> = c.pieces.iter().map(|&(a, b)| span(a, b)).collect();
        let cue = c.cue.map(|(a, b)| span(a, b));
        let speaker = match (&c.speaker, c.method) {
            (Some(m), Some(method)) => {
                let (a, b) = m.byte_range(t);
                let mention = index.span(a, b);
                let shape = shape.get_or_insert_with(|| DocShape::new(t));
                let x = score::features(t, ents, shape, c, r, turn, previous);
                if let Some(record) = record.as_deref_mut() {
                    record.push(Some(x));
                }
                previous = r.entity;
                let confidence = Speaker::round_confidence(scorer.probability(&x));
                if let (Some(e), Resolution::Pronoun | Resolution::Description) =
                    (r.entity, r.resolution)
                {
                    // Pronouns and descriptions resolved as speakers join
                    // the entity's mentions.
                    if turn.cue == TurnCue::None && method != Method::Continuation {
                        entities[e].mentions.push(mention.clone());
                    }
                }
                (confidence >= min_confidence).then_some(Speaker {
                    mention: Some(mention),
                    entity: r.entity,
                    method,
                    resolution: r.resolution,
                    confidence,
                })
            }
            _ => {
                if let Some(record) = record.as_deref_mut() {
                    record.push(None);
                }
                None
            }
        };
        let addressee = turn.addressee.as_ref().map(|(m, e)| Addressee {
            mention: m.as_ref().map(|m| {
                let (a, b) = characters::titled_range(t, m);
                index.span(a, b)
            }),
            entity: *e,
        });
        quotes.push(Quote {
            kind: c.kind,
            content,
            cue,
            speaker,
            addressee,
            language: None,
        });
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|s| (s.start, s.end));
        e.mentions.dedup();
    }
    Document {
        id: None,
        language: None,
        genre: Genre::default(),
        quotes,
        entities,
        error: None,
    }
}
