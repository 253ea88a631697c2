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
use crate::model::{EntityKind, Gender, Genre, Method, QuoteKind, Resolution};
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
    genre: Option<Genre>,
) -> (Vec<Resolved>, Vec<Turn>, Genre) {
    let subjects: Vec<Option<Mention>> = t
        .sentences
        .iter()
        .map(|r| {
            let mut first = (r.start..r.end).find(|&i| t.is_word(i))?;
            if first > r.start + 2 {
                return None;
            }
            // `Then Poirot rose`, `But, Anne …`: past an opener and its comma.
            if t.in_class(first, Class::SubjectOpener) {
                first += 1;
                if first < r.end && t.tokens[first].kind == crate::text::Kind::Punct(',') {
                    first += 1;
                }
            }
            mention_starting_at(t, first, r.end).or_else(|| {
                // `At the same time, Poirot rose`: past an opening phrase
                // of a few words and its comma, a mention that a
                // lower-case word (its verb) follows.
                let comma = (first + 1..(first + OPENING_PHRASE).min(r.end))
                    .take_while(|&i| t.is_word(i) || t.is_punct(i, ','))
                    .find(|&i| t.is_punct(i, ','))?;
                mention_starting_at(t, comma + 1, r.end).filter(|m| {
                    m.last + 1 < r.end && t.is_word(m.last + 1) && !t.is_capitalized(m.last + 1)
                })
            })
        })
        .collect();
    crate::characters::infer_places(t, ents);
    crate::conversation::persons_spoken_to(t, ents, cands);
    crate::characters::infer_genders(t, ents);
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
    // Tokens inside direct quotes: the people a speaker talks about or to
    // are not who a pronoun tag outside the quote stands for (`“Remembered
    // what, Harry?” he asked`), so their names and sentences are not
    // salient.
    let mut in_quote = vec![false; t.tokens.len()];
    for c in cands.iter().filter(|c| c.kind == QuoteKind::Direct) {
        for &(a, b) in &c.pieces {
            in_quote[a..=b].iter_mut().for_each(|x| *x = true);
        }
    }

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
                if pos != last_pos && !in_quote[pos] {
                    if let Some(e) = r.entity {
                        salient.push((e, pos, true));
                    }
                }
                last_pos = pos;
            }
            Event::Name(k) => {
                if pos != last_pos && !in_quote[pos] {
                    salient.push((ents.cluster_of[k], pos, false));
                }
            }
        }
    }
    let narrator = narrator(ents, cands, &mut out);
    let (turns, genre) =
        crate::conversation::converse(t, ents, cands, &mut out, &subject_entity, genre);
    if let Some(n) = narrator {
        name_narrator(t, ents, cands, &mut out, &turns, n);
    }
    (out, turns, genre)
}

/// How many tokens an opening phrase before a sentence's subject may
/// take, its comma included (`At the same time, Poirot rose`).
const OPENING_PHRASE: usize = 12;

/// How many quotes must address the narrator by one name for it to be
/// theirs.
const NARRATOR_VOCATIVES: u32 = 3;

/// The narrator's name: the one the other people call them in the quotes
/// they say to the narrator (`“Yes, Hastings,” said Poirot` beside a quote
/// of the narrator's), when one name has most of those vocatives
/// (at least [`NARRATOR_VOCATIVES`], twice the next) and the book never
/// tags that name as a speaker more often than it addresses it; failing
/// that, the name only the quotes use ([`unnarrated_name`]). The
/// narrator then goes by that name: its entity takes the name's mentions,
/// and the quotes credited to the name are the narrator's.
fn name_narrator(
    t: &Text,
    ents: &mut Entities,
    cands: &[Candidate],
    out: &mut [Resolved],
    turns: &[Turn],
    narrator: usize,
) {
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&k| cands[k].kind == QuoteKind::Direct && out[k].entity.is_some())
        .collect();
    order.sort_by_key(|&k| cands[k].first());
    let para = |k: usize| t.tokens[cands[k].first()].paragraph;
    let mut votes: Vec<u32> = vec![0; ents.clusters.len()];
    let mut tagged: Vec<u32> = vec![0; ents.clusters.len()];
    for (n, &k) in order.iter().enumerate() {
        if out[k].resolution == Resolution::Name && cands[k].method == Some(Method::SpeechTag) {
            if let Some(e) = out[k].entity {
                tagged[e] += 1;
            }
        }
        let Some((Some(m), Some(e))) = &turns[k].addressee else {
            continue;
        };
        let e = *e;
        // A bare title (`Madame`, `sir`) is said to anyone.
        let bare_title = m.first == m.last && t.lex.titles.contains_key(t.tok(m.first));
        if e == narrator || out[k].entity == Some(narrator) || bare_title {
            continue;
        }
        let beside = |j: Option<&usize>| {
            j.is_some_and(|&j| out[j].entity == Some(narrator) && para(j).abs_diff(para(k)) == 1)
        };
        if beside(n.checked_sub(1).and_then(|m| order.get(m))) || beside(order.get(n + 1)) {
            votes[e] += 1;
        }
    }
    let e = match pick(&votes).filter(|&(best, e)| tagged[e] <= best) {
        Some((_, e)) => e,
        None => match unnarrated_name(t, ents, cands, out, turns, narrator) {
            Some(e) => e,
            None => return,
        },
    };
    ents.clusters[narrator].mentions = ents.clusters[e].mentions.clone();
    ents.clusters[narrator].gender = ents.clusters[e].gender;
    for r in out.iter_mut().filter(|r| r.entity == Some(e)) {
        r.entity = Some(narrator);
    }
}

/// The entity with the most votes, when it has at least
/// [`NARRATOR_VOCATIVES`] and twice the next: (its votes, it).
fn pick(votes: &[u32]) -> Option<(u32, usize)> {
    let mut ranked: Vec<(u32, usize)> = votes.iter().copied().zip(0..).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let (best, e) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    (best >= NARRATOR_VOCATIVES && best >= 2 * second).then_some((best, e))
}

/// How many quotes a narrator must say before a name the narration never
/// uses can be theirs.
const NARRATOR_QUOTES: usize = 10;

/// The share of a name's mentions the narration may hold (the rest are in
/// quotes) for [`unnarrated_name`] to take it.
const NARRATED_SHARE: f32 = 0.1;

/// The narrator's name when the exchanges do not show it: a first-person
/// narrator never names themself, so their name lives in the others'
/// quotes. The person most often addressed by name (not by a bare title),
/// whose name mentions sit in quotes all but [`NARRATED_SHARE`] of the time,
/// is the narrator, when the narrator says at least [`NARRATOR_QUOTES`].
fn unnarrated_name(
    t: &Text,
    ents: &Entities,
    cands: &[Candidate],
    out: &[Resolved],
    turns: &[Turn],
    narrator: usize,
) -> Option<usize> {
    if out.iter().filter(|r| r.entity == Some(narrator)).count() < NARRATOR_QUOTES {
        return None;
    }
    let mut pieces: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.kind == QuoteKind::Direct)
        .flat_map(|c| c.pieces.iter().copied())
        .collect();
    pieces.sort_unstable();
    let quoted = |i: usize| {
        let k = pieces.partition_point(|p| p.0 <= i);
        k > 0 && pieces[k - 1].1 >= i
    };
    let mut votes: Vec<u32> = vec![0; ents.clusters.len()];
    for turn in turns {
        if let Some((Some(m), Some(e))) = &turn.addressee {
            let bare_title = m.first == m.last && t.lex.titles.contains_key(t.tok(m.first));
            if *e != narrator && !bare_title {
                votes[*e] += 1;
            }
        }
    }
    for (e, c) in ents.clusters.iter().enumerate() {
        let names = c
            .mentions
            .iter()
            .map(|&k| &ents.mentions[k])
            .filter(|m| m.kind == MentionKind::Name);
        let (all, narrated) = names.fold((0u32, 0u32), |(a, n), m| {
            (a + 1, n + u32::from(!quoted(m.first)))
        });
        let person = matches!(c.kind, EntityKind::Person | EntityKind::Other);
        if !person || narrated as f32 > NARRATED_SHARE * all as f32 {
            votes[e] = 0;
        }
    }
    pick(&votes).map(|(_, e)| e)
}

/// How many quotes a text must tag `I said` to be told in the first person.
const NARRATED_QUOTES: usize = 2;

/// First-person narration: when several direct quotes are tagged `I said`,
/// `said I` (the speaker mention outside the quote), the text has a
/// narrator, one entity for the whole text (a cluster with no name
/// mentions: its entity is called `I`), and those quotes are theirs.
fn narrator(ents: &mut Entities, cands: &[Candidate], out: &mut [Resolved]) -> Option<usize> {
    let first_person = |c: &Candidate| {
        c.kind == QuoteKind::Direct
            && c.speaker.as_ref().is_some_and(|m| {
                matches!(m.kind, MentionKind::Pronoun(p) if p.person == 1 && !p.plural)
                    && !c.pieces.iter().any(|&(a, b)| a <= m.first && m.last <= b)
            })
    };
    if cands.iter().filter(|c| first_person(c)).count() < NARRATED_QUOTES {
        return None;
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
    Some(id)
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
            // A subject further back than this paragraph yields to a name
            // in the paragraph's narration before the pronoun (`Daisy
            // talked with her hostess; Winterbourne judged it becoming
            // … “I hope …,” he said`): who the paragraph is about speaks.
            let para = t.tokens[m.first].paragraph;
            let subject = pick(true);
            let local = match subject {
                Some(&(_, pos, _)) if t.tokens[pos].paragraph == para => None,
                // Only a person already known by that gender: a place or a
                // family (`the Otways`) met in passing is not one.
                _ if want_person && p.gender.is_some() => salient
                    .iter()
                    .rev()
                    .take_while(|&&(_, pos, _)| {
                        t.tokens[pos].paragraph == para
                            && here.saturating_sub(t.tokens[pos].sentence) <= 1
                    })
                    .find(|&&(c, _, _)| {
                        let cl = &ents.clusters[c];
                        matches!(cl.kind, EntityKind::Person | EntityKind::Other)
                            && cl.gender == p.gender
                    }),
                _ => None,
            };
            match local.or(subject).or_else(|| pick(false)) {
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
                None => gendered_description(t, ents, m, salient),
            }
        }
    }
}

/// The gender a description's noun names (`her mother`, `the old
/// gentleman`): its last word that names a man or a woman.
pub(crate) fn description_gender(t: &Text, m: &Mention) -> Option<Gender> {
    m.descriptors.iter().rev().find_map(|d| {
        if t.lex.is(Class::FemaleNoun, d) {
            Some(Gender::Female)
        } else if t.lex.is(Class::MaleNoun, d) {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// A description naming a man or a woman (`said her mother`, `the old
/// lady replied`) with no entity introduced by its words: the most recent
/// subject or speaker of that gender, as for a pronoun; but after a
/// possessive of the same gender (`her mother`, `his father`) not that
/// one, whom the possessive names, but the one before.
fn gendered_description(
    t: &Text,
    ents: &Entities,
    m: &Mention,
    salient: &[(usize, usize, bool)],
) -> Resolved {
    let Some(g) = description_gender(t, m) else {
        return UNRESOLVED;
    };
    let det = t.tok(m.first);
    let possessor = if t.lex.is(Class::MalePronoun, det) {
        Some(Gender::Male)
    } else if t.lex.is(Class::FemalePronoun, det) {
        Some(Gender::Female)
    } else {
        None
    };
    let mut skip = usize::from(possessor == Some(g));
    let mut seen: Vec<usize> = Vec::new();
    for &(c, _, subj) in salient.iter().rev().take(MAX_SALIENT) {
        let cl = &ents.clusters[c];
        if !subj
            || cl.gender != Some(g)
            || !matches!(cl.kind, EntityKind::Person | EntityKind::Other)
            || seen.contains(&c)
        {
            continue;
        }
        if skip > 0 {
            skip -= 1;
            seen.push(c);
            continue;
        }
        return Resolved {
            entity: Some(c),
            resolution: Resolution::Description,
        };
    }
    UNRESOLVED
}

/// The place a lower-case nationality word names (`russian` → Russia).
pub(crate) fn place_of(lex: &Lexicon, word: &str) -> Option<&'static str> {
    lex.nationalities
        .get(crate::lexicon::capitalized(word).as_str())
        .copied()
}
