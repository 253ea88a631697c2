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
