//! The extraction pipeline: text model → quote scanner → entities → speech
//! tags and indirect speech → speaker resolution → document.

use crate::attribution::{self, Candidate};
use crate::characters;
use crate::conversation::{Turn, TurnCue};
use crate::entities::{self, Entities};
use crate::extractor::Extractor;
use crate::marks;
use crate::model::{Addressee, Document, Entity, Method, Quote, QuoteKind, Resolution, Speaker};
use crate::resolve::{self, Resolved};
use crate::score::{self, DocShape, Features, Scorer};
use crate::span::{CharIndex, Span};
use crate::text::Text;

/// Runs every stage over `text`.
pub(crate) fn run(extractor: &Extractor, text: &str) -> Document {
    run_recording(extractor, text, None)
}

/// [`run`], writing the speaker features of each quote (in the document's
/// quote order; `None` for a quote without a speaker) into `features`.
pub(crate) fn run_recording(
    extractor: &Extractor,
    text: &str,
    features: Option<&mut Vec<Option<Features>>>,
) -> Document {
    let t = Text::new(text);
    if t.tokens.is_empty() {
        return Document::default();
    }
    let options = extractor.options();
    let quoted = marks::scan(&t);
    let mut ents = entities::find(&t);
    let mut cands = attribution::direct_quotes(&t, &quoted);
    attribution::transcripts(&t, &mut cands);
    if options.indirect {
        let mut covered = vec![false; t.tokens.len()];
        for c in cands.iter().filter(|c| c.kind != QuoteKind::Partial) {
            for &(a, b) in &c.pieces {
                covered[a..=b].iter_mut().for_each(|x| *x = true);
            }
        }
        let mut in_quote = vec![false; t.tokens.len()];
        for q in &quoted {
            for p in &q.pieces {
                in_quote[p.first..=p.last]
                    .iter_mut()
                    .for_each(|x| *x = true);
            }
        }
        let indirect = attribution::indirect(&t, &covered, &in_quote);
        absorb_partials(&mut cands, indirect);
    } else {
        // `transcripts` credits a headline's claim (`Name: claim`) as
        // indirect speech.
        cands.retain(|c| c.kind != QuoteKind::Indirect);
    }
    // Partial quotes nobody is reported to say (scare quotes, titles) are
    // not quotations of anyone.
    cands.retain_mut(|c| {
        c.kind != QuoteKind::Partial
            || attribution::mixed_from_partial(&t, c)
            || (options.partial && attribution::nearby(&t, c))
    });
    cands.sort_by_key(|c| c.first());
    // Several quoted phrases after one verb are one mixed quote.
    cands.dedup_by(|next, prev| {
        let same = prev.method == Some(Method::Nearby)
            && next.method == Some(Method::Nearby)
            && prev.cue == next.cue;
        if same {
            prev.pieces[0].1 = next.last();
        }
        same
    });
    drop_overlaps(&mut cands);
    let n = t.tokens.len();
    debug_assert!(
        cands.iter().all(|c| c.is_well_formed(n)),
        "a sieve built a malformed candidate: {:?}",
        cands.iter().find(|c| !c.is_well_formed(n))
    );
    cands.retain(|c| c.is_well_formed(n));
    let (resolved, turns) = resolve::resolve(&t, &mut ents, &mut cands);
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
    if let Some(g) = extractor.gazetteer() {
        g.link(text, &index, &mut doc);
    }
    doc
}

/// Adds the indirect quotes; partial quotes inside one make it mixed and are
/// dropped as quotes of their own.
fn absorb_partials(cands: &mut Vec<Candidate>, mut indirect: Vec<Candidate>) {
    // One pass over both lists, sorted by position.
    indirect.sort_by_key(|c| c.first());
    cands.sort_by_key(|c| c.first());
    let mut absorbed = vec![false; indirect.len()];
    let mut j = 0;
    cands.retain(|c| {
        if c.kind != QuoteKind::Partial {
            return true;
        }
        while j < indirect.len() && indirect[j].last() < c.first() {
            j += 1;
        }
        // Ranges may nest: look at the few that start before this one.
        let mut k = j;
        while k < indirect.len() && indirect[k].first() <= c.first() {
            if c.last() <= indirect[k].last() {
                absorbed[k] = true;
                return false;
            }
            k += 1;
        }
        true
    });
    for (mut ind, absorbed) in indirect.into_iter().zip(absorbed) {
        if absorbed {
            ind.kind = QuoteKind::Mixed;
        }
        cands.push(ind);
    }
}

/// Quotes never overlap, except a partial quote inside indirect or mixed
/// speech: a report found inside an earlier one's content (`X explained:
/// … Y said …`) or a partial quote crossing its end is dropped, the first
/// found in text order kept.
fn drop_overlaps(cands: &mut Vec<Candidate>) {
    let (partials, others): (Vec<Candidate>, Vec<Candidate>) =
        cands.drain(..).partition(|c| c.kind == QuoteKind::Partial);
    // Reports and direct quotes: the first of overlapping ones wins.
    let mut kept: Vec<Candidate> = Vec::with_capacity(others.len() + partials.len());
    for c in others {
        if kept.last().is_some_and(|k| c.first() <= k.last()) {
            continue;
        }
        kept.push(c);
    }
    // Partial quotes: kept alone, or wholly inside indirect or mixed speech.
    let reports = kept.len();
    for p in partials {
        let (a, b) = (p.first(), p.last());
        let from = kept[..reports].partition_point(|k| k.last() < a);
        let to = kept[..reports].partition_point(|k| k.first() <= b);
        let ok = match &kept[from..to.max(from)] {
            [] => true,
            [k] => {
                k.first() <= a
                    && b <= k.last()
                    && matches!(k.kind, QuoteKind::Indirect | QuoteKind::Mixed)
            }
            _ => false,
        };
        if ok {
            kept.push(p);
        }
    }
    kept.sort_by_key(|c| c.first());
    *cands = kept;
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
    let shape = DocShape::new(t);
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
                let x = score::features(t, ents, &shape, c, r, turn, previous);
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
        quotes,
        entities,
        error: None,
    }
}
