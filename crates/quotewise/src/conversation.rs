//! The conversation model: who speaks an untagged quote, and to whom each
//! quote is said.
//!
//! Dialogue in novels is mostly untagged. A reader follows it by turns: a
//! new paragraph that opens with a quote is a new speaker, the one before
//! the previous (Mary, John, Mary, John), unless the previous quote named
//! whom it spoke to (`“Elizabeth, you must come”`), or the narrative just
//! before names who acts (`Opposition leader Karen Holt disagreed.`,
//! `Poirot stepped forward.`). News text quotes one speaker at length
//! instead: a new paragraph goes on with the same speaker.
//!
//! Which of the two a text does is read from the text itself: how often
//! two tagged quotes in consecutive paragraphs have different speakers
//! ([`alternation`]). This pass runs after speech tags are resolved to
//! entities, over the quotes in text order, in one sweep (linear in the
//! length of the text):
//!
//! 1. a quote in the paragraph of the previous quote goes on with its
//!    speaker ([`Method::Continuation`]);
//! 2. a person who is the subject of a narrative sentence in the quote's own
//!    paragraph (`Nanny rose in alarm. “Oh, what’s happened?”`) speaks it
//!    ([`Method::Nearby`]); a sentence after the quote counts only where
//!    step 4 gives no turn, for whoever acts after a quote is mostly its
//!    listener;
//! 3. after a narrative paragraph, the person it names last speaks
//!    ([`Method::Turn`]); a narrative paragraph, a scene or chapter break
//!    ends the turns of the conversation before it;
//! 4. in alternating dialogue, the person the previous quote addressed by
//!    name, else the speaker before the previous one ([`Method::Turn`]); in
//!    text that does not alternate, the previous speaker
//!    ([`Method::Continuation`]);
//! 5. in alternating dialogue, the untagged turns of an exchange are then
//!    read again from both sides: the parity of the turns between the tags
//!    by name around them (or after them), and the turns before a quote
//!    that calls someone by name, settles whose each one is
//!    (`settle_by_parity`).
//!
//! Each quote's addressee is the person its vocative names (`my dear Mr.
//! Bennet`), else the other party of the conversation: the previous
//! speaker, else the next one.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::attribute::Candidate;
use crate::entities::Entities;
use crate::language::Stretch;
use crate::lexicon::{Class, Pronoun};
use crate::mentions::{Mention, MentionKind};
use crate::model::{EntityKind, Gender, Genre, Method, QuoteKind, Resolution};
use crate::resolve::Resolved;
use crate::text::{Kind, Text};

/// How the conversation model decided a quote's speaker, for the scorer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum TurnCue {
    /// Not decided by the conversation model (a speech tag, or none).
    #[default]
    None,
    /// Same paragraph as the previous quote.
    SameParagraph,
    /// The subject of a narrative sentence in the quote's paragraph.
    Beat,
    /// The person a narrative paragraph before the quote names last.
    Narrative,
    /// The person the previous quote addressed by name.
    Vocative,
    /// The speaker before the previous one.
    Alternation,
    /// The previous speaker, in text that does not alternate.
    Continuation,
    /// The most recent other person: no better evidence.
    Recent,
}

/// What the conversation model knows of one quote.
#[derive(Clone, Debug, Default)]
pub(crate) struct Turn {
    /// How the speaker was decided, when this model decided it.
    pub cue: TurnCue,
    /// The entity whose turn it was by alternation or vocative, where the
    /// conversation gave one (also for tagged quotes).
    pub expected: Option<usize>,
    /// The addressee: the vocative mention (if any) and the entity.
    pub addressee: Option<(Option<Mention>, Option<usize>)>,
    /// The text's [`alternation`] rate (the same for every quote).
    pub alternation: f64,
}

/// The share of consecutive-paragraph quote pairs tagged by name (or by
/// the narrator's `I`) whose
/// speakers differ, with one pseudo-count each way: above 0.5 the text
/// alternates.
pub(crate) fn alternation(t: &Text, cands: &[Candidate], out: &[Resolved]) -> f64 {
    let (mut pairs, mut differ) = (0usize, 0usize);
    let mut prev: Option<(u32, usize)> = None;
    for (c, r) in cands.iter().zip(out) {
        if c.kind != QuoteKind::Direct {
            continue;
        }
        let para = t.tokens[c.first()].paragraph;
        // Tags by name (or the narrator's `I`) only: a third-person
        // pronoun's resolution is what is in doubt.
        let tagged = c.method != Some(Method::Continuation)
            && c.speaker.as_ref().is_some_and(|m| {
                r.resolution == Resolution::Name
                    || matches!(m.kind, MentionKind::Pronoun(p) if p.person == 1)
            });
        match (prev, r.entity.filter(|_| tagged)) {
            (Some((pp, pe)), Some(e)) if para == pp + 1 => {
                pairs += 1;
                differ += usize::from(pe != e);
            }
            _ => {}
        }
        prev = r
            .entity
            .filter(|_| tagged)
            .map(|e| (t.tokens[c.last()].paragraph, e));
    }
    (differ as f64 + 1.0) / (pairs as f64 + 2.0)
}

/// Is cluster `c` possibly a person (not an organisation, place or outlet)?
fn person(ents: &Entities, c: usize) -> bool {
    matches!(
        ents.clusters[c].kind,
        EntityKind::Person | EntityKind::Other
    )
}

/// The pronoun of `c`'s speech tag when it is `he` or `she` (third
/// person, singular) and was resolved as a pronoun (`“…,” he said`).
fn he_or_she_tag(c: &Candidate, r: &Resolved) -> Option<Pronoun> {
    match (c.speaker.as_ref().map(|m| m.kind), r.resolution) {
        (Some(MentionKind::Pronoun(p)), Resolution::Pronoun) if p.person == 3 && !p.plural => {
            Some(p)
        }
        _ => None,
    }
}

/// The speaker mention `c` would have as a vocative: a name in its content
/// set off by the opening mark or a comma before, and a comma or a final
/// mark after (`“Elizabeth, you must come”`, `“Come, my dear Mr. Bennet.”`).
fn vocative(t: &Text, ents: &Entities, c: &Candidate) -> Option<(usize, usize)> {
    vocative_among(t, ents, c, |e| person(ents, e))
}

/// Gives back the person kind to the places the quotes speak to by name
/// (`“Quite alone, Hastings”`), for a town's name is a surname too: at
/// least [`SPOKEN_TO`] times, and for one mention in four or more. A list
/// of places (`“Rome, Paris, London”`) reads as a vocative now and then;
/// a person is called by name again and again.
pub(crate) fn persons_spoken_to(t: &Text, ents: &mut Entities, cands: &[Candidate]) {
    let mut times = vec![0usize; ents.clusters.len()];
    for c in cands.iter().filter(|c| c.kind == QuoteKind::Direct) {
        let places = |e: usize| ents.clusters[e].kind == EntityKind::Place;
        if let Some((_, e)) = vocative_among(t, ents, c, places) {
            times[e] += 1;
        }
    }
    for (c, n) in ents.clusters.iter_mut().zip(times) {
        if n >= SPOKEN_TO && 4 * n >= c.mentions.len() {
            c.kind = EntityKind::Person;
        }
    }
}

/// How many times quotes must speak to a place by name for it to be a
/// person.
const SPOKEN_TO: usize = 2;

/// The first mention in `c`'s content, of a cluster `accept` takes, set
/// off as a vocative.
fn vocative_among(
    t: &Text,
    ents: &Entities,
    c: &Candidate,
    accept: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    for &(a, b) in &c.pieces {
        let from = ents.mentions.partition_point(|m| m.first <= a);
        for k in from..ents.mentions.len() {
            let m = &ents.mentions[k];
            if m.last >= b {
                break;
            }
            if !accept(ents.cluster_of[k]) {
                continue;
            }
            let mut before = m.first - 1;
            // `my dear Mr. Bennet`, `dear Jane`, `Oh, Jane`
            while before > a && t.is_word(before) && t.in_class(before, Class::VocativeOpener) {
                before -= 1;
            }
            let set_before = matches!(t.tokens[before].kind, Kind::Mark(_) | Kind::Punct(','));
            let set_after = matches!(
                t.tokens[m.last + 1].kind,
                Kind::Punct(',' | '!' | '?' | '.' | ';')
            ) && (t.is_punct(m.last + 1, ',')
                || matches!(
                    t.tokens.get(m.last + 2).map(|x| x.kind),
                    Some(Kind::Mark(_))
                )
                || m.last + 2 >= b);
            if set_before && set_after {
                return Some((k, ents.cluster_of[k]));
            }
        }
    }
    None
}

/// The recent persons of the sweep: distinct entities, most recent last,
/// each with the mention that named it, and every entity credited with a
/// quote so far.
#[derive(Default)]
struct Recent {
    order: Vec<usize>,
    mention: HashMap<usize, Mention>,
    spoken: HashSet<usize>,
}

impl Recent {
    fn push(&mut self, e: usize, m: &Mention) {
        self.order.retain(|&x| x != e);
        self.order.push(e);
        if self.order.len() > 8 {
            self.order.remove(0);
        }
        self.mention.insert(e, m.clone());
    }

    /// Entity `e` is credited with a quote.
    fn spoke(&mut self, e: usize) {
        self.spoken.insert(e);
    }

    /// The most recent person other than `not`: one who has spoken first
    /// (not a name only mentioned), else any.
    fn other_than(&self, not: Option<usize>) -> Option<usize> {
        let mut others = self.order.iter().rev().copied().filter(|&e| Some(e) != not);
        others
            .clone()
            .find(|e| self.spoken.contains(e))
            .or_else(|| others.next())
    }
}

/// Runs the conversation model over every direct quote: fills the speakers
/// of untagged quotes and returns what it knows of each candidate (in the
/// order of `cands`).
pub(crate) fn converse(
    t: &Text,
    ents: &Entities,
    cands: &mut [Candidate],
    out: &mut [Resolved],
    subject_entity: &[Option<usize>],
    genre: Option<Genre>,
) -> (Vec<Turn>, Genre) {
    let mut turns = vec![Turn::default(); cands.len()];
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&k| cands[k].first());
    let rate = alternation(t, cands, out);
    let genre = genre.unwrap_or(if rate > 0.5 {
        Genre::Fiction
    } else {
        Genre::News
    });
    let alternates = genre == Genre::Fiction;
    turns.iter_mut().for_each(|x| x.alternation = rate);
    // Tokens inside direct quotes: names there are not narrative.
    let mut in_quote = vec![false; t.tokens.len()];
    let mut quote_para = vec![false; t.paragraphs.len()];
    for c in cands.iter().filter(|c| c.kind == QuoteKind::Direct) {
        for &(a, b) in &c.pieces {
            in_quote[a..=b].iter_mut().for_each(|x| *x = true);
            quote_para[t.tokens[a].paragraph as usize] = true;
        }
    }
    // A narrative sentence's person subject (not a quote's first words).
    let subject = |s: usize| -> Option<usize> {
        let e = subject_entity[s]?;
        let first = t.sentences[s].clone().find(|&i| t.is_word(i))?;
        (!in_quote[first] && person(ents, e)).then_some(e)
    };
    // A sentence that opens with a dash (`― Christina Lastra.`) credits
    // the quote before it.
    let credit = |s: usize| {
        let i = t.sentences[s].start;
        t.is_punct(i, '―') || t.is_dash(i)
    };
    let mut recent = Recent::default();
    let mut languages = ParagraphLanguages::new(t);
    let mut next_name = 0usize;
    // The previous direct quote with a speaker, and the last two distinct
    // speakers of the conversation (older first).
    let mut prev: Option<usize> = None;
    let mut pair: [Option<usize>; 2] = [None, None];
    for &k in &order {
        if cands[k].kind != QuoteKind::Direct {
            continue;
        }
        let first = cands[k].first();
        // Names before the quote, outside quotes, become recent.
        while next_name < ents.mentions.len() && ents.mentions[next_name].first < first {
            let m = &ents.mentions[next_name];
            let e = ents.cluster_of[next_name];
            if !in_quote[m.first] && person(ents, e) {
                recent.push(e, m);
            }
            next_name += 1;
        }
        let cp = t.tokens[first].paragraph;
        let pp = prev.map(|p| t.tokens[cands[p].last()].paragraph);
        // Narrative paragraphs between the previous quote and this one.
        let gap_from = pp.map_or(0, |p| p + 1);
        let narrative_gap = (gap_from..cp).any(|p| !quote_para[p as usize]);
        // The person the last narrative paragraph before names last: the
        // subject of its last sentence with one, else its last name.
        let narrated = (gap_from..cp)
            .rev()
            .find(|&p| !quote_para[p as usize])
            .filter(|&p| p + 1 == cp)
            .and_then(|p| {
                let range = t.paragraphs[p as usize].clone();
                let (s0, s1) = (
                    t.tokens[range.start].sentence,
                    t.tokens[range.end - 1].sentence,
                );
                let subj = (s0..=s1).rev().find_map(|s| subject(s as usize));
                // In news, only a subject: a name later in the paragraph
                // is mostly someone spoken of.
                subj.or_else(|| {
                    if !alternates {
                        return None;
                    }
                    let to = ents.mentions.partition_point(|m| m.first < range.end);
                    let named = || {
                        ents.mentions[..to]
                            .iter()
                            .enumerate()
                            .rev()
                            .take_while(|(_, m)| m.first >= range.start)
                    };
                    // The object of a preposition (`a friend as Mrs.
                    // Jennings`, `looked at Dorian Gray`) is who the
                    // paragraph talks of, not who acts.
                    let governed = |m: &Mention| {
                        m.first > range.start
                            && t.is_word(m.first - 1)
                            && t.in_class(m.first - 1, Class::GoverningPreposition)
                    };
                    named()
                        .filter(|(_, m)| !governed(m))
                        .map(|(i, _)| ents.cluster_of[i])
                        .find(|&e| person(ents, e))
                        .or_else(|| {
                            named()
                                .map(|(i, _)| ents.cluster_of[i])
                                .find(|&e| person(ents, e))
                        })
                })
            });
        let before_gap = pair;
        if narrative_gap && alternates {
            pair = [None, None];
        }
        // The turn the conversation expects, with its evidence.
        let addressed = prev
            .and_then(|p| turns[p].addressee.as_ref())
            .filter(|(m, _)| m.is_some())
            .and_then(|(_, e)| *e)
            .filter(|&e| Some(e) != prev.and_then(|p| out[p].entity));
        let expected = if narrative_gap || pp == Some(cp) || !alternates {
            None
        } else if let Some(e) = addressed {
            Some((e, TurnCue::Vocative))
        } else {
            pair[0].map(|e| (e, TurnCue::Alternation))
        };
        turns[k].expected = expected.map(|(e, _)| e);
        // The person this quote speaks to by name, if any.
        let voc = vocative(t, ents, &cands[k]);
        if cands[k].speaker.is_none() {
            let prev_entity = prev.and_then(|p| out[p].entity);
            let para = t.paragraphs[cp as usize].clone();
            let last = cands[k].last();
            // A person acting in the quote's paragraph: the closest
            // narrative sentence before the quote, else after it. After
            // it only where the conversation gives no turn: there the one
            // acting (`“Stay.” John shook his head.`) is mostly the one
            // spoken to, unless a dash credits the quote.
            let beat = || {
                let (s0, s1) = (
                    t.tokens[para.start].sentence,
                    t.tokens[para.end - 1].sentence,
                );
                let qs = t.tokens[first].sentence;
                let qe = t.tokens[last].sentence;
                (s0..qs)
                    .rev()
                    .find_map(|s| subject(s as usize))
                    .or_else(|| {
                        (qe + 1..=s1)
                            .filter(|&s| expected.is_none() || credit(s as usize))
                            .find_map(|s| subject(s as usize))
                    })
            };
            let decided: Option<(usize, TurnCue, Method)> = if pp == Some(cp) {
                prev_entity.map(|e| (e, TurnCue::SameParagraph, Method::Continuation))
            } else if let Some(e) = beat() {
                Some((e, TurnCue::Beat, Method::Nearby))
            } else if let Some(e) = narrated {
                // One paragraph of the last speaker's doing between two
                // turns (`He stood up.`): the other party answers.
                let beat_of_last = Some(e) == prev_entity && gap_from + 1 == cp;
                match before_gap[0].filter(|&o| beat_of_last && Some(o) != prev_entity) {
                    Some(o) => Some((o, TurnCue::Alternation, Method::Turn)),
                    None => Some((e, TurnCue::Narrative, Method::Turn)),
                }
            } else if let Some((e, cue)) = expected {
                Some((e, cue, Method::Turn))
            } else if !alternates {
                // News: the previous speaker goes on, two paragraphs at
                // most, unless another person became a subject between.
                let near = pp.is_some_and(|p| cp - p <= 2);
                let from = prev.map_or(0, |p| t.tokens[cands[p].last()].sentence as usize + 1);
                let to = t.tokens[first].sentence as usize;
                let intervening =
                    (from..to).any(|s| subject_entity[s].is_some_and(|e| Some(e) != prev_entity));
                (near && !intervening && cands[k].standalone)
                    .then_some(prev_entity)
                    .flatten()
                    .map(|e| (e, TurnCue::Continuation, Method::Continuation))
            } else if pp.is_some() || narrative_gap {
                recent
                    .other_than(if narrative_gap { None } else { prev_entity })
                    .map(|e| (e, TurnCue::Recent, Method::Turn))
            } else {
                None
            };
            // A speaker is never carried into a paragraph of another
            // language (a French quote after a German speaker's paragraph):
            // only the quote's own paragraph decides there.
            let source_paragraph = match decided {
                None | Some((_, TurnCue::SameParagraph | TurnCue::Beat, _)) => None,
                Some((_, TurnCue::Narrative, _)) => Some(cp - 1),
                Some(_) => pp,
            };
            let decided =
                decided.filter(|_| source_paragraph.is_none_or(|p| !languages.differ(p, cp)));
            // `“Walter, get down.”`: no one speaks to themselves by name;
            // the turn is the other party's, else another recent person's.
            let decided = match (decided, voc) {
                (Some((d, _, _)), Some((_, v))) if d == v && alternates => pair
                    .iter()
                    .rev()
                    .flatten()
                    .copied()
                    .find(|&o| o != v && person(ents, o))
                    .or_else(|| recent.other_than(Some(v)))
                    .map(|o| (o, TurnCue::Alternation, Method::Turn)),
                (d, _) => d,
            };
            if let Some((e, cue, method)) = decided {
                let mention = match cue {
                    TurnCue::SameParagraph | TurnCue::Continuation => {
                        prev.and_then(|p| cands[p].speaker.clone())
                    }
                    _ => None,
                }
                .or_else(|| recent.mention.get(&e).cloned())
                // The entity's last mention before the quote (a vocative).
                .or_else(|| mention_before(ents, e, first));
                if let Some(m) = mention {
                    cands[k].speaker = Some(m);
                    cands[k].method = Some(method);
                    turns[k].cue = cue;
                    out[k] = Resolved {
                        entity: Some(e),
                        resolution: if cue == TurnCue::SameParagraph || cue == TurnCue::Continuation
                        {
                            prev.map_or(Resolution::Name, |p| out[p].resolution)
                        } else {
                            Resolution::Name
                        },
                    };
                }
            }
        } else if let (Some((e, _)), Some(m)) = (expected, &cands[k].speaker) {
            let turn_gender = ents.clusters[e].gender;
            // `“…,” he said` in alternating dialogue: the pronoun is the
            // person whose turn it is, when the gender agrees.
            if let Some(p) = he_or_she_tag(&cands[k], &out[k]) {
                if p.gender.is_some() && turn_gender == p.gender {
                    out[k].entity = Some(e);
                }
            }
            // `“…,” said her mother`: the same, for a description of a
            // man or a woman; `said the other`, `said the painter`: a
            // description nothing resolved, unless its words give another
            // gender.
            let takes_turn = |g: Option<Gender>| match out[k].resolution {
                Resolution::Name => false,
                Resolution::Unresolved => g.is_none_or(|g| turn_gender.is_none_or(|h| h == g)),
                _ => g.is_some() && g == turn_gender,
            };
            if matches!(m.kind, MentionKind::Description { plural: false, .. })
                && takes_turn(crate::resolve::description_gender(t, m))
            {
                out[k] = Resolved {
                    entity: Some(e),
                    resolution: Resolution::Description,
                };
            }
        }
        // The vocative of this quote.
        if let Some((i, e)) = voc {
            // `“…, Denham,” he said`: a pronoun tag is not the person its
            // own quote speaks to; the other party of the conversation,
            // of the pronoun's gender, is.
            let tag = he_or_she_tag(&cands[k], &out[k]);
            if let Some(p) = tag.filter(|_| alternates && out[k].entity == Some(e)) {
                let agrees = |o: usize| {
                    o != e
                        && person(ents, o)
                        && ents.clusters[o].gender.is_none_or(|g| Some(g) == p.gender)
                };
                let other = expected
                    .map(|(x, _)| x)
                    .into_iter()
                    .chain(pair.iter().rev().flatten().copied())
                    .chain(before_gap.iter().rev().flatten().copied())
                    .chain(recent.order.iter().rev().copied())
                    .find(|&o| agrees(o));
                if other.is_some() {
                    out[k].entity = other;
                }
            }
            if Some(e) != out[k].entity {
                turns[k].addressee = Some((Some(ents.mentions[i].clone()), Some(e)));
            }
        }
        if let Some(e) = out[k].entity.filter(|_| cands[k].speaker.is_some()) {
            recent.spoke(e);
            // In a novel only people take turns: a club or a school that
            // speaks once (`said the Club`) is no party to the dialogue.
            if pair[1] != Some(e) && (person(ents, e) || !alternates) {
                pair = [pair[1], Some(e)];
            }
            if let Some(m) = &cands[k].speaker {
                if person(ents, e) {
                    recent.push(e, m);
                }
            }
        }
        if cands[k].speaker.is_some() {
            prev = Some(k);
        }
    }
    if alternates {
        settle_by_parity(t, ents, cands, out, &turns, &order);
    }
    // Addressees without a vocative: the other party of the conversation,
    // the previous speaker, else the next one.
    let direct: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&k| cands[k].kind == QuoteKind::Direct && out[k].entity.is_some())
        .collect();
    for (n, &k) in direct.iter().enumerate() {
        if turns[k].addressee.is_some() || !alternates {
            continue;
        }
        let para = t.tokens[cands[k].first()].paragraph;
        let near = |j: usize| {
            let p = t.tokens[cands[j].first()].paragraph;
            para.abs_diff(p) == 1 && out[j].entity != out[k].entity
        };
        let other = n
            .checked_sub(1)
            .map(|m| direct[m])
            .filter(|&j| near(j))
            .or_else(|| direct.get(n + 1).copied().filter(|&j| near(j)));
        if let Some(j) = other {
            turns[k].addressee = Some((None, out[j].entity));
        }
    }
    (turns, genre)
}

/// The entity's last mention before token `first`, else its first.
fn mention_before(ents: &Entities, e: usize, first: usize) -> Option<Mention> {
    let ms = &ents.clusters[e].mentions;
    let n = ms.partition_point(|&i| ents.mentions[i].first < first);
    Some(ents.mentions[*ms.get(n.saturating_sub(1))?].clone())
}

/// Turns read from both sides. The forward sweep takes each untagged turn
/// from the turns before it, so one wrong start goes wrong all down the
/// exchange; the speech tags after a quote tell its turn as well. Over each
/// exchange (quotes in consecutive paragraphs), the paragraphs whose speaker
/// a tag or an action beat names, by name or by a pronoun resolved to a
/// person (`he said`), are anchors; an untagged turn
/// between two anchors of different persons an odd number of paragraphs
/// apart is the one of the two its parity gives (the same for two anchors
/// of one person an even number apart, at an even distance); before the
/// first anchor, the turn goes by the first two anchors' parity, else at an
/// even distance to the first anchor, to its speaker.
fn settle_by_parity(
    t: &Text,
    ents: &Entities,
    cands: &mut [Candidate],
    out: &mut [Resolved],
    turns: &[Turn],
    order: &[usize],
) {
    // Paragraphs with a direct quote that has a speaker: (paragraph, quotes).
    let mut units: Vec<(u32, Vec<usize>)> = Vec::new();
    for &k in order {
        if cands[k].kind != QuoteKind::Direct || cands[k].speaker.is_none() {
            continue;
        }
        let p = t.tokens[cands[k].first()].paragraph;
        match units.last_mut() {
            Some((q, ks)) if *q == p => ks.push(k),
            _ => units.push((p, vec![k])),
        }
    }
    for run in units.chunk_by(|a, b| b.0 == a.0 + 1) {
        let anchors: Vec<(usize, usize)> = run
            .iter()
            .enumerate()
            .filter_map(|(j, (_, ks))| {
                let k = ks[0];
                let by_name = matches!(cands[k].method, Some(Method::SpeechTag | Method::Nearby))
                    && matches!(out[k].resolution, Resolution::Name | Resolution::Pronoun);
                out[k].entity.filter(|_| by_name).map(|e| (j, e))
            })
            .collect();
        let anchors = with_spoken_to(run, anchors, turns);
        for (j, (_, ks)) in run.iter().enumerate() {
            let k = ks[0];
            if cands[k].method != Some(Method::Turn) {
                continue;
            }
            let at = anchors.partition_point(|&(a, _)| a < j);
            let left = at.checked_sub(1).map(|i| anchors[i]);
            let right = anchors.get(at).copied();
            let settled = match (left, right) {
                (Some((l, a)), Some((r, b))) if a != b && (r - l) % 2 == 1 => {
                    Some(if (j - l) % 2 == 0 { a } else { b })
                }
                (Some((l, a)), Some((r, b))) if a == b && (r - l) % 2 == 0 => {
                    ((j - l) % 2 == 0).then_some(a)
                }
                (None, Some((r, b))) => match anchors.get(at + 1) {
                    Some(&(r2, b2)) if b2 != b && (r2 - r) % 2 == 1 => {
                        Some(if (r - j) % 2 == 0 { b } else { b2 })
                    }
                    Some(_) => None,
                    None => ((r - j) % 2 == 0).then_some(b),
                },
                _ => None,
            };
            // Nor to the person the quote speaks to by name.
            let vocative_of =
                |e: usize| matches!(&turns[k].addressee, Some((Some(_), Some(v))) if *v == e);
            let Some(e) = settled.filter(|&e| Some(e) != out[k].entity && !vocative_of(e)) else {
                continue;
            };
            let old = out[k].entity;
            for &q in ks {
                let follows =
                    q == k || (turns[q].cue == TurnCue::SameParagraph && out[q].entity == old);
                if !follows {
                    continue;
                }
                if let Some(m) = mention_before(ents, e, cands[q].first()) {
                    cands[q].speaker = Some(m);
                    out[q] = Resolved {
                        entity: Some(e),
                        resolution: Resolution::Name,
                    };
                }
            }
        }
    }
}

/// Adds to an exchange's anchors (run position, speaker; sorted) the turns
/// a vocative tells: `“Anyhow we’ve not quarrelled, Ronny.”` answers
/// Ronny, so the paragraph before it is his. (The paragraph after is the
/// sweep's to decide: an answer to a vocative is often the speaker going
/// on, or a third person.) A tag or beat anchor keeps its place.
fn with_spoken_to(
    run: &[(u32, Vec<usize>)],
    mut anchors: Vec<(usize, usize)>,
    turns: &[Turn],
) -> Vec<(usize, usize)> {
    let anchored: HashSet<usize> = anchors.iter().map(|&(j, _)| j).collect();
    for (j, (_, ks)) in run.iter().enumerate().skip(1) {
        let spoken_to = ks.iter().find_map(|&k| match &turns[k].addressee {
            Some((Some(_), Some(v))) => Some(*v),
            _ => None,
        });
        if let Some(v) = spoken_to.filter(|_| !anchored.contains(&(j - 1))) {
            anchors.push((j - 1, v));
        }
    }
    anchors.sort_unstable();
    anchors
}

/// The languages of a text's paragraphs, each told on first use (only
/// paragraphs a speaker would be carried between are read).
struct ParagraphLanguages<'a, 't> {
    t: &'a Text<'t>,
    known: Vec<Option<Stretch>>,
}

impl<'a, 't> ParagraphLanguages<'a, 't> {
    fn new(t: &'a Text<'t>) -> Self {
        ParagraphLanguages {
            t,
            known: vec![None; t.paragraphs.len()],
        }
    }

    fn of(&mut self, p: u32) -> Stretch {
        let t = self.t;
        *self.known[p as usize].get_or_insert_with(|| {
            let range = t.paragraphs[p as usize].clone();
            let text = if range.is_empty() {
                ""
            } else {
                &t.text[t.tokens[range.start].start..t.tokens[range.end - 1].end]
            };
            Stretch::of(text)
        })
    }

    /// Are paragraphs `a` and `b` in different languages: both known and
    /// not the same, or one known and the other leaning clearly away from
    /// it (a short Spanish quote after an English speaker's paragraph)?
    fn differ(&mut self, a: u32, b: u32) -> bool {
        if a == b {
            return false;
        }
        let (x, y) = (self.of(a), self.of(b));
        match (x.language(), y.language()) {
            (Some(l), Some(m)) => l != m,
            (Some(l), None) => y.rules_out(l),
            (None, Some(m)) => x.rules_out(m),
            (None, None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Method};

    /// Each quote's speaker entity name (`-` for none) and method.
    fn speakers(doc: &Document) -> Vec<(String, Option<Method>)> {
        doc.quotes
            .iter()
            .map(|q| {
                let name = doc.speaker_entity(q).map_or("-".into(), |e| e.name.clone());
                (name, q.speaker.as_ref().map(|s| s.method))
            })
            .collect()
    }

    /// Each quote's speaker entity.
    fn speaker_ids(doc: &Document) -> Vec<Option<usize>> {
        doc.quotes
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.entity))
            .collect()
    }

    fn names(doc: &Document) -> Vec<String> {
        speakers(doc).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn untagged_dialogue_alternates() {
        let text = "“Where are you going?” asked Mary.\n“Home,” John replied. “It’s late.”\n\
                    “Stay a little longer.”\n“I can’t.”\n“Please.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Mary", "John", "Mary", "John", "Mary"]);
        assert_eq!(speakers(&doc)[2].1, Some(Method::Turn));
    }

    #[test]
    fn a_vocative_names_the_addressee_and_the_next_speaker() {
        let text = "Mary and Jane sat by the fire with Tom.\n\
                    “Where is the key?” asked Tom.\n\
                    “Jane, tell him,” said Mary.\n\
                    “It is in the drawer.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Jane"]);
        let addressed: Vec<_> = doc
            .quotes
            .iter()
            .map(|q| doc.addressee_entity(q).map(|e| e.name.as_str()))
            .collect();
        assert_eq!(addressed, [Some("Mary"), Some("Jane"), Some("Mary")]);
        let vocative = doc.quotes[1].addressee.as_ref().unwrap();
        assert_eq!(vocative.mention.as_ref().unwrap().text, "Jane");
        assert!(doc.quotes[0].addressee.as_ref().unwrap().mention.is_none());
    }

    #[test]
    fn a_narrative_paragraph_naming_someone_hands_them_the_turn() {
        let text = "“We will cut taxes,” said Ann Cole.\n\
                    Opposition leader Karen Holt disagreed.\n\
                    “This plan helps nobody.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Ann Cole", "Karen Holt"]);
        let text = "“Where is the key?” asked Tom.\n“In the drawer,” said Mary.\n\
                    Mr. Poirot stepped forward and looked at them both.\n“Not any more.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Poirot"]);
    }

    #[test]
    fn a_narrative_paragraph_hands_the_turn_to_whom_it_shows_acting() {
        // No sentence opens with a subject; the last name is a
        // preposition's object, talked of, and Tom is who acts.
        let text = "“Where is the key?” asked Tom.\n“In the drawer,” said Mary.\n\
                    Having looked twice, at last Tom went over to the window with Jane.\n\
                    “It is not there.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Tom"]);
    }

    #[test]
    fn a_later_speech_tag_settles_the_untagged_turns_before_it() {
        // Forward, the first quote would go to Jane, named last; the tags
        // after it tell the turns from the other side.
        let text = "The fire burned low beside Mary and Jane.\n\
                    “Is it late?”\n“Not yet.”\n\
                    “I am tired,” said Mary.\n“Go to bed, then,” said Jane.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Mary", "Jane", "Mary", "Jane"]);
    }

    #[test]
    fn a_vocative_tells_whose_the_turn_before_it_was() {
        // Forward, the second quote would go to Mrs. Moore, who spoke
        // before Adela; being called by name, Ronny spoke it.
        let text = "“Is it late?” asked Adela.\n\
                    “Not yet,” said Mrs. Moore, and went in.\n\
                    Adela sat down by Ronny under the tree. “Yes, nothing else,” she said.\n\
                    “As we are British, I suppose it is.”\n\
                    “Anyhow we have not quarrelled, Ronny.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Adela", "Moore", "Adela", "Ronny", "Adela"]);
    }

    #[test]
    fn a_beat_after_the_quote_is_the_listener_when_the_turn_is_known() {
        // John shakes his head at Mary's words: whose turn it is tells
        // the speaker; the person acting after the quote only listened.
        let text = "“Where are you going?” asked Mary.\n\
                    “Home,” said John.\n\
                    “Stay a little longer.” John shook his head.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Mary", "John", "Mary"]);
        // A dash after the quote credits it all the same.
        let text = "“Where are you going?” asked Mary.\n\
                    “Home,” said John.\n\
                    “Stay a little longer. I mean it.” That was all. ― Ann Lee.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Mary", "John", "Ann Lee"]);
    }

    #[test]
    fn an_action_beat_in_the_paragraph_is_its_speaker() {
        // The beat's subject opens its sentence, or follows an opening
        // phrase and its comma.
        for (beat, who) in [
            ("Tom shook his head.", "Tom"),
            ("At that moment, Jane shook her head.", "Jane"),
        ] {
            let text = format!(
                "“Where is the key?” asked Tom.\n“In the drawer,” said Mary.\n\
                 {beat} “It is not there.”"
            );
            let doc = Extractor::new().extract(&text);
            assert_eq!(names(&doc), ["Tom", "Mary", who], "{beat}");
            assert_eq!(speakers(&doc)[2].1, Some(Method::Nearby), "{beat}");
        }
    }

    #[test]
    fn no_one_speaks_to_themselves_by_name() {
        // By alternation the third quote is Tom's; it calls Tom by name.
        let text = "“Where is the key?” asked Tom.\n“In the drawer,” said Mary.\n\
                    “Tom, look again.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Mary"]);
        // Salience gives `he` to Walter, the last man named; the quote
        // calls Walter by name, so it is the other man's.
        let text = "“Where is the key?” asked Mr. John Hale.\n\
                    “In the drawer,” said Mr. Walter Grey.\n\
                    Mr. Walter Grey sat down.\n\
                    “Walter, it is not there,” he said.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["John Hale", "Walter Grey", "John Hale"]);
    }

    #[test]
    fn an_organisation_that_speaks_takes_no_turn_in_a_novel() {
        let text = "Then Tony and Brenda went to the Greville Club.\n\
                    “Where is the key?” asked Tony.\n\
                    “In the drawer,” said Brenda.\n\
                    “Members only,” said the Greville Club.\n\
                    “I am a member.”\n\
                    “So am I.”";
        let doc = crate::ExtractorBuilder::new()
            .genre(crate::Genre::Fiction)
            .build()
            .unwrap()
            .extract(text);
        let names = names(&doc);
        assert_eq!(names[2], "Greville Club");
        assert_eq!(names[3..], ["Tony", "Brenda"]);
    }

    #[test]
    fn a_name_written_as_a_place_takes_no_turn() {
        // The narrative paragraph names Hetton last; the text writes it
        // as a place once in four (and as a subject the other times), so
        // the turn goes to a person.
        let text = "“Where is the key?” asked Tony.\n“In the drawer,” said Brenda.\n\
                    Having driven on in the rain, at last Hetton came in sight.\n\
                    “It is not there.”\n\
                    Then Hetton was cold, and Hetton was dark. They stayed at Hetton.";
        let doc = Extractor::new().extract(text);
        assert_ne!(names(&doc)[2], "Hetton");
        let hetton = doc.entities.iter().find(|e| e.name == "Hetton").unwrap();
        assert_eq!(hetton.kind, crate::EntityKind::Place);
    }

    #[test]
    fn news_paragraphs_continue_one_speaker() {
        let text = "“We will win,” Jane Smith said on Monday.\n\
                    “The voters are with us.”\n\
                    Bob Jones, her rival, said the race was close.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc)[..2], ["Jane Smith", "Jane Smith"]);
        assert_eq!(speakers(&doc)[1].1, Some(Method::Continuation));
        assert!(doc.quotes[0].addressee.is_none());
    }

    #[test]
    fn first_person_narration_has_one_narrator_who_takes_turns() {
        let text = "Mr. Astley looked at me.\n\
                    “You gamble too much,” said Mr. Astley.\n\
                    “I have no money for gambling,” I replied.\n\
                    “You will soon have some.”\n\
                    “Never,” I said.\n\
                    “We shall see.”";
        let doc = Extractor::new().extract(text);
        let ids = speaker_ids(&doc);
        let narrator = ids[1].expect("the narrator is an entity");
        assert_eq!(doc.entities[narrator].name, "I");
        assert_eq!(ids[3], Some(narrator));
        let astley = ids[0].expect("Mr. Astley is an entity");
        assert_eq!(doc.entities[astley].name, "Astley");
        assert_eq!(ids[2], Some(astley));
        assert_eq!(ids[4], Some(astley));
        let mentions: Vec<&str> = doc.entities[narrator]
            .mentions
            .iter()
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(mentions, ["I", "I"]);
    }

    #[test]
    fn a_description_of_a_man_or_a_woman_is_a_person_of_that_gender() {
        let text = "Mrs. Dashwood sat with Elinor and John, who held his book.\n\
                    “Are you ill?” asked Mrs. Dashwood.\n\
                    “Not at all,” said Elinor.\n\
                    “You look pale, child,” said her mother.\n\
                    John looked up from his book and shook his head.\n\
                    “Leave her be,” said the old gentleman.";
        let doc = Extractor::new().extract(text);
        assert_eq!(
            names(&doc),
            ["Mrs. Dashwood", "Elinor", "Mrs. Dashwood", "John"]
                .map(|n| n.trim_start_matches("Mrs. "))
        );
    }

    #[test]
    fn novels_tag_with_ventured_put_in_and_burst_out() {
        let text = "“Will you come?” asked Edward.\n\
                    “Gladly,” ventured Elinor.\n\
                    “And so will I,” put in Margaret, “if I may.”\n\
                    Then Edward burst out, “Splendid!”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Edward", "Elinor", "Margaret", "Edward"]);
        assert!(doc.quotes[1..]
            .iter()
            .all(|q| q.speaker.as_ref().unwrap().method == Method::SpeechTag));
    }

    #[test]
    fn novels_tag_with_ejaculated_quavered_and_blustered() {
        let text = "“A sprig of May,” Mrs. Cosham ejaculated.\n\
                    “Was it?” quavered Cassandra.\n\
                    “Nonsense,” blustered Mr. Hilbery.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Cosham", "Cassandra", "Hilbery"]);
        assert!(doc
            .quotes
            .iter()
            .all(|q| q.speaker.as_ref().unwrap().method == Method::SpeechTag));
    }

    #[test]
    fn a_pronoun_tag_anchors_the_turns_before_it() {
        // The narration ends on Mary, but the tags after the two untagged
        // turns (`he said`, then `said Mary`) tell who opened.
        let text = "Then John came in. Mary looked up from her book.\n\
                    “I am back.”\n\
                    “So early?”\n\
                    “The roads were clear,” he said.\n\
                    “How lucky,” said Mary.";
        let doc = crate::ExtractorBuilder::new()
            .genre(crate::Genre::Fiction)
            .build()
            .unwrap()
            .extract(text);
        assert_eq!(names(&doc), ["John", "Mary", "John", "Mary"]);
    }

    #[test]
    fn the_narrator_goes_by_the_name_the_others_call_them() {
        let text = "I found Poirot in the garden.\n\
                    “Where were you?” I asked.\n\
                    “In the village, Hastings,” said Poirot.\n\
                    “Alone?” I said.\n\
                    “Quite alone, Hastings, quite alone. And you?”\n\
                    “Here,” I said.\n\
                    “Good, Hastings, very good.”\n\
                    “Shall we go in?” I said.";
        let doc = Extractor::new().extract(text);
        let ids = speaker_ids(&doc);
        let narrator = ids[0].expect("the narrator is an entity");
        assert_eq!(doc.entities[narrator].name, "Hastings");
        assert_eq!(ids[2], Some(narrator));
        assert_eq!(ids[4], Some(narrator));
        assert!(ids[3].is_some_and(|e| e != narrator));
    }

    #[test]
    fn the_narrator_goes_by_the_name_only_the_quotes_use() {
        // Each call is followed by narration, so no exchange shows whom
        // it was said to; but the narration never says `Alexis`.
        let mut text = String::from("Mrs. Brand sat by the window.\n");
        for (call, answer) in [
            ("Alexis, come here", "What do you want?"),
            ("Fetch my shawl, Alexis", "Which one?"),
            ("Alexis, you are slow today", "I am sorry."),
            ("Read to me, Alexis", "From the start?"),
        ] {
            text += &format!(
                "I waited by the door.\n“{call},” said Mrs. Brand.\n\
                 I crossed the room to her chair.\n“{answer}” I asked.\n\
                 “Nothing more,” said Mrs. Brand.\n“Very well,” I said.\n\
                 “Good night,” I said.\n"
            );
        }
        let doc = Extractor::new().extract(&text);
        let ids = speaker_ids(&doc);
        let narrator = ids[1].expect("the narrator is an entity");
        assert_eq!(doc.entities[narrator].name, "Alexis");
        assert!(ids[0].is_some_and(|e| e != narrator));
    }

    #[test]
    fn the_last_speakers_action_between_turns_hands_the_turn_back() {
        let text = "“Where are you going?” asked Mary.\n“Home,” said John.\n\
                    He stood up and took his hat.\n“Stay a little longer.”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Mary", "John", "Mary"]);
    }

    #[test]
    fn a_name_only_talked_of_does_not_take_an_untagged_turn() {
        let text = "“Where is the key?” asked Tom.\n\n“In the drawer,” said Mary.\n\n\
                    They talked of old Harry Lime for a while.\n\n\
                    The rain beat on the windows.\n\n“Which drawer?”";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Mary"]);
    }

    #[test]
    fn a_description_nothing_names_is_whose_turn_it_is() {
        let text = "“Where is the key?” asked Tom.\n“In the drawer,” said Mary.\n\
                    “Which drawer?” said the other.\n“The top one,” said the painter.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Tom", "Mary", "Tom", "Mary"]);
    }

    #[test]
    fn a_pronoun_tag_in_alternating_dialogue_is_whose_turn_it_is() {
        // "he" alone would go to the most salient man, Tom, who spoke last.
        let text = "Tom met Mr. Bennet at the gate.\n\
                    “Good morning,” said Mr. Bennet.\n\
                    “Good morning,” said Tom.\n\
                    “Is it going to rain?” he asked.";
        let doc = Extractor::new().extract(text);
        assert_eq!(names(&doc), ["Bennet", "Tom", "Bennet"]);
    }
}
