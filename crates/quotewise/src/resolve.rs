//! Tying speaker mentions to entities: names by their cluster, pronouns to
//! the most salient compatible person, descriptions to the person or
//! organisation introduced with that title, role or nationality; then the
//! conversation model ([`crate::conversation`]) for untagged quotes.

use crate::attribute::Candidate;
use crate::conversation::Turn;
use crate::entities::{Cluster, Entities};
use crate::lexicon::Class;
use crate::lexicon::Lexicon;

use crate::mentions::{mention_starting_at, Mention, MentionKind};
use crate::model::{EntityKind, QuoteKind, Resolution};
use crate::text::Text;

/// The entity (cluster index) and how it was found, for one candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub entity: Option<usize>,
    pub resolution: Resolution,
}

/// How far back (in entity mentions) pronouns and descriptions look.
const MAX_SALIENT: usize = 300;

const UNRESOLVED: Resolved = Resolved {
    entity: None,
    resolution: Resolution::Unresolved,
};

#[derive(Clone, Copy, Debug)]
enum Event {
    /// The subject of sentence `usize`.
    Subject(usize),
    /// The speaker mention of candidate `usize`.
    Speaker(usize),
    /// Name mention `usize` (any position).
    Name(usize),
}

/// Resolves every candidate's speaker, then runs the conversation model
/// (turns, continuation, addressees). Returns one [`Resolved`] and one
/// [`Turn`] a candidate; may set genders on clusters.
pub(crate) fn resolve(
    t: &Text,
    ents: &mut Entities,
    cands: &mut [Candidate],
) -> (Vec<Resolved>, Vec<Turn>) {
    let subjects: Vec<Option<Mention>> = t
        .sentences
        .iter()
        .map(|r| {
            let first = (r.start..r.end).find(|&i| t.is_word(i))?;
            if first > r.start + 2 {
                return None;
            }
            mention_starting_at(t, first, r.end)
        })
        .collect();
    let mut events: Vec<(usize, u8, Event)> =
        Vec::with_capacity(subjects.len() + cands.len() + ents.mentions.len());
    for (s, m) in subjects.iter().enumerate() {
        if let Some(m) = m {
            events.push((m.first, 1, Event::Subject(s)));
        }
    }
    for (k, c) in cands.iter().enumerate() {
        if let Some(m) = &c.speaker {
            events.push((m.first, 0, Event::Speaker(k)));
        }
    }
    for (k, m) in ents.mentions.iter().enumerate() {
        events.push((m.first, 2, Event::Name(k)));
    }
    events.sort_by_key(|e| (e.0, e.1));

    let mut out = vec![UNRESOLVED; cands.len()];
    // Salient entities, most recent last: (cluster, token, is subject/speaker).
    let mut salient: Vec<(usize, usize, bool)> = Vec::with_capacity(events.len());
    // Subject of each sentence, resolved (for continuation).
    let mut subject_entity: Vec<Option<usize>> = vec![None; t.sentences.len()];
    let mut last_pos = usize::MAX;
    for (pos, _, event) in events {
        match event {
            Event::Speaker(k) => {
                let m = cands[k]
                    .speaker
                    .clone()
                    .expect("speaker events have a speaker");
                let r = resolve_mention(t, ents, &m, &salient);
                out[k] = r;
                if let Some(e) = r.entity {
                    salient.push((e, pos, true));
                }
                last_pos = pos;
            }
            Event::Subject(s) => {
                let m = subjects[s].as_ref().expect("subject events have a mention");
                let r = resolve_mention(t, ents, m, &salient);
                subject_entity[s] = r.entity;
                if pos != last_pos {
                    if let Some(e) = r.entity {
                        salient.push((e, pos, true));
                    }
                }
                last_pos = pos;
            }
            Event::Name(k) => {
                if pos != last_pos {
                    salient.push((ents.cluster_of[k], pos, false));
                }
            }
        }
    }
    narrator(ents, cands, &mut out);
    let turns = crate::conversation::converse(t, ents, cands, &mut out, &subject_entity);
    (out, turns)
}

/// How many quotes a text must tag `I said` to be told in the first person.
const NARRATED_QUOTES: usize = 2;

/// First-person narration: when several direct quotes are tagged `I said`,
/// `said I` (the speaker mention outside the quote), the text has a
/// narrator, one entity for the whole text (a cluster with no name
/// mentions: its entity is called `I`), and those quotes are theirs.
fn narrator(ents: &mut Entities, cands: &[Candidate], out: &mut [Resolved]) {
    let first_person = |c: &Candidate| {
        c.kind == QuoteKind::Direct
            && c.speaker.as_ref().is_some_and(|m| {
                matches!(m.kind, MentionKind::Pronoun(p) if p.person == 1 && !p.plural)
                    && (m.last < c.first() || m.first > c.last())
            })
    };
    if cands.iter().filter(|c| first_person(c)).count() < NARRATED_QUOTES {
        return;
    }
    let id = ents.clusters.len();
    ents.clusters.push(Cluster {
        words: Vec::new(),
        kind: EntityKind::Person,
        gender: None,
        mentions: Vec::new(),
        descriptors: Vec::new(),
        places: Vec::new(),
    });
    for (c, r) in cands.iter().zip(out.iter_mut()) {
        if first_person(c) {
            *r = Resolved {
                entity: Some(id),
                resolution: Resolution::Pronoun,
            };
        }
    }
}

/// Resolves one mention given the salience list before it.
fn resolve_mention(
    t: &Text,
    ents: &mut Entities,
    m: &Mention,
    salient: &[(usize, usize, bool)],
) -> Resolved {
    match m.kind {
        MentionKind::Name => {
            let (a, _) = m.name.expect("names have a name");
            match ents.cluster_at_token(a) {
                Some(c) => Resolved {
                    entity: Some(c),
                    resolution: Resolution::Name,
                },
                None => UNRESOLVED,
            }
        }
        MentionKind::Pronoun(p) => {
            if p.person == 1 {
                return UNRESOLVED;
            }
            let want_person = p.person == 3 && !p.plural;
            // Subjects and speakers first; other mentions only within the
            // last few sentences.
            let here = t.tokens[m.first].sentence;
            let pick = |subjects_only: bool| {
                salient
                    .iter()
                    .rev()
                    .take(MAX_SALIENT)
                    // The list is in text order: past the last two
                    // sentences, every earlier mention is too far back too.
                    .take_while(|&&(_, pos, _)| {
                        subjects_only || here.saturating_sub(t.tokens[pos].sentence) <= 1
                    })
                    .find(|&&(c, _, subj)| {
                        if subjects_only && !subj {
                            return false;
                        }
                        let cl = &ents.clusters[c];
                        if want_person {
                            matches!(cl.kind, EntityKind::Person | EntityKind::Other)
                                && (cl.gender.is_none() || cl.gender == p.gender)
                        } else {
                            matches!(cl.kind, EntityKind::Organisation | EntityKind::Media)
                        }
                    })
            };
            match pick(true).or_else(|| pick(false)) {
                Some(&(c, _, _)) => {
                    if want_person && ents.clusters[c].gender.is_none() {
                        ents.clusters[c].gender = p.gender;
                        ents.clusters[c].kind = EntityKind::Person;
                    }
                    Resolved {
                        entity: Some(c),
                        resolution: Resolution::Pronoun,
                    }
                }
                None => UNRESOLVED,
            }
        }
        MentionKind::Description { plural, org } => {
            if matches!(m.descriptors.as_slice(), [w] if w == "who" || w == "which") {
                // The name right before a relative pronoun, in its sentence.
                let here = t.tokens[m.first].sentence;
                let k = ents.mentions.partition_point(|n| n.last < m.first);
                return match k.checked_sub(1) {
                    Some(k)
                        if t.tokens[ents.mentions[k].last].sentence == here
                            && m.first - ents.mentions[k].last <= 3 =>
                    {
                        Resolved {
                            entity: Some(ents.cluster_of[k]),
                            resolution: Resolution::Name,
                        }
                    }
                    _ => UNRESOLVED,
                };
            }
            if plural {
                return UNRESOLVED;
            }
            // Score the entities seen so far by shared titles and roles.
            let mut best: Option<(u32, usize, usize)> = None;
            // The places the mention's words name, looked up once.
            let places: Vec<Option<&str>> =
                m.descriptors.iter().map(|d| place_of(t.lex, d)).collect();
            // An entity's score does not depend on where it was mentioned,
            // and its most recent mention is met first: later ones (further
            // back) cannot beat it, so each entity is scored once.
            let mut seen = vec![0u64; ents.clusters.len().div_ceil(64)];
            for &(c, pos, _) in salient.iter().rev().take(MAX_SALIENT) {
                let (word, bit) = (c / 64, 1 << (c % 64));
                if seen[word] & bit != 0 {
                    continue;
                }
                seen[word] |= bit;
                let cl = &ents.clusters[c];
                let is_org = matches!(cl.kind, EntityKind::Organisation | EntityKind::Media);
                if is_org != org {
                    continue;
                }
                let mut score = 0;
                for (d, place) in m.descriptors.iter().zip(&places) {
                    if cl.descriptors.contains(d) {
                        score += 2;
                    } else if d == "leader"
                        && cl
                            .descriptors
                            .iter()
                            .any(|x| t.lex.is(Class::LeaderWord, x.as_str()))
                    {
                        score += 1;
                    } else if let Some(place) = place {
                        // "the Russian leader" ~ an entity described as from Russia.
                        if cl.places.contains(place) {
                            score += 2;
                        }
                    }
                }
                if score > 0 && best.is_none_or(|(s, p, _)| score > s || (score == s && pos >= p)) {
                    best = Some((score, pos, c));
                }
            }
            match best {
                Some((_, _, c)) => Resolved {
                    entity: Some(c),
                    resolution: Resolution::Description,
                },
                None => UNRESOLVED,
            }
        }
    }
}

/// The place a lower-case nationality word names (`russian` → Russia).
pub(crate) fn place_of(lex: &Lexicon, word: &str) -> Option<&'static str> {
    lex.nationalities
        .get(crate::lexicon::capitalized(word).as_str())
        .copied()
}
