//! Attribution: the sieves that find quotes and propose their speakers,
//! in the order they run. Each sieve family is a module; each records
//! itself as the speaker's [`Method`].
//!
//! 1. [`direct`]: every quoted span with the speech tag beside it in its
//!    sentence or paragraph, in every order, found by
//!    [`tag_after`] (`“…,” he said`, `“…,” said Putin`) and
//!    [`tag_before`] (`Putin said: “…”`, a tag alone on the line before or
//!    after); the speakers are found by [`subjects`].
//! 2. [`transcripts`]: `NAME: words` speaker lines and headlines; then
//!    [`dialogue`]: dialogue-dash lines with the narrator's incise
//!    (`—No lo sé —respondió María—. Mañana veremos.`).
//! 3. Indirect speech (only with `Options::indirect`), outside direct
//!    quotes, at each reporting verb or `according`:
//!    [`according`] (`according to X`), then [`reported`]
//!    (`X said that …`, `…, X said.`, `X told Y that …`), whose content is
//!    bounded by [`complements`].
//! 4. [`partial`]: quoted phrases become mixed quotes of the reporting
//!    clause around them, or quotes of a speaker nearby; the others
//!    (scare quotes, titles) are dropped.
//! 5. [`overlaps`]: partial quotes inside indirect speech make it mixed;
//!    of overlapping reports the first is kept.
//! 6. Continuation, after entities are known: an untagged quote continues
//!    the previous speaker (`crate::resolve`).
//!
//! The speakers the sieves propose are weighed by `crate::score`, whose
//! probability is the speaker's confidence.

mod according;
mod complements;
mod dialogue;
mod direct;
mod overlaps;
mod partial;
mod reported;
mod subjects;
mod tag_after;
mod tag_before;
mod transcripts;
mod window;

use crate::extractor::Options;
use crate::lexicon::Class;
use crate::marks::Quoted;
use crate::mentions::Mention;
use crate::model::{Method, QuoteKind};
use crate::text::Text;
use according::{according_to, is_according};
use reported::reported;

/// Every quote candidate of `t`, in text order, not overlapping (but for
/// partial quotes inside indirect or mixed speech), each well formed.
pub(crate) fn candidates(t: &Text, quoted: &[Quoted], options: &Options) -> Vec<Candidate> {
    let mut cands = direct::direct_quotes(t, quoted);
    transcripts::transcripts(t, &mut cands);
    dialogue::dialogue_lines(t, &mut cands);
    if options.indirect {
        let mut covered = vec![false; t.tokens.len()];
        // The verb of a direct quote's tag (`called out, “…”`) reports
        // that quote, not indirect speech of its own.
        let mut tags = vec![false; t.tokens.len()];
        for c in cands.iter().filter(|c| c.kind != QuoteKind::Partial) {
            for &(a, b) in &c.pieces {
                covered[a..=b].iter_mut().for_each(|x| *x = true);
            }
            if let Some((a, b)) = c.cue.filter(|_| c.kind == QuoteKind::Direct) {
                tags[a..=b].iter_mut().for_each(|x| *x = true);
            }
        }
        let mut in_quote = vec![false; t.tokens.len()];
        for q in quoted {
            for p in &q.pieces {
                in_quote[p.first..=p.last]
                    .iter_mut()
                    .for_each(|x| *x = true);
            }
        }
        let indirect = indirect(t, &covered, &in_quote, &tags);
        overlaps::absorb_partials(&mut cands, indirect);
    } else {
        // `transcripts` credits a headline's claim (`Name: claim`) as
        // indirect speech.
        cands.retain(|c| c.kind != QuoteKind::Indirect);
    }
    // Partial quotes nobody is reported to say (scare quotes, titles) are
    // not quotations of anyone.
    cands.retain_mut(|c| {
        c.kind != QuoteKind::Partial
            || partial::mixed_from_partial(t, c)
            || (options.partial && partial::nearby(t, c))
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
    overlaps::drop_overlaps(&mut cands);
    let n = t.tokens.len();
    debug_assert!(
        cands.iter().all(|c| c.is_well_formed(n)),
        "a sieve built a malformed candidate: {:?}",
        cands.iter().find(|c| !c.is_well_formed(n))
    );
    cands.retain(|c| c.is_well_formed(n));
    cands
}

/// A quote being attributed: token ranges, not yet spans.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub kind: QuoteKind,
    /// Inclusive token ranges of the content pieces.
    pub pieces: Vec<(usize, usize)>,
    /// Inclusive token range of the cue.
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<Mention>,
    pub method: Option<Method>,
    /// Whether the quote is a sentence of its own (may continue a speaker).
    pub standalone: bool,
}

impl Candidate {
    /// Are every range of the candidate in order and inside the `n` tokens
    /// of its text? Spans are built from these ranges, so the pipeline
    /// keeps only candidates for which this holds: a sieve that built a
    /// reversed range loses its candidate instead of panicking the
    /// extraction (and fails a debug assertion in tests and fuzzing).
    pub fn is_well_formed(&self, n: usize) -> bool {
        let range_ok = |(a, b): (usize, usize)| a <= b && b < n;
        !self.pieces.is_empty()
            && self.pieces.iter().all(|&p| range_ok(p))
            && self.pieces.windows(2).all(|w| w[0].1 < w[1].0)
            && self.cue.is_none_or(range_ok)
            && self.speaker.as_ref().is_none_or(|m| {
                range_ok((m.first, m.last))
                    && m.name
                        .is_none_or(|(a, b)| m.first <= a && a <= b && b <= m.last)
            })
    }

    pub fn first(&self) -> usize {
        self.pieces[0].0
    }

    pub fn last(&self) -> usize {
        self.pieces[self.pieces.len() - 1].1
    }
}

/// A speech tag: the cue tokens and the speaker mention.
#[derive(Clone, Debug)]
pub(super) struct Tag {
    pub cue: (usize, usize),
    pub speaker: Option<Mention>,
    /// The cue is an according-to marker (`according to X`, `aldus X`),
    /// not a reporting verb.
    pub according: bool,
}

/// How many tokens on either side of a verb indirect speech may span.
pub(super) const MAX_REACH: usize = 200;

/// Sieves 4 and 5, sentence by sentence outside direct quotes: at each
/// reporting verb or `according`, `according to X` first, then reported
/// speech.
fn indirect(t: &Text, covered: &[bool], quoted: &[bool], tags: &[bool]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for range in &t.sentences {
        let mut i = range.start;
        while i < range.end {
            // Verbs inside quotation marks are the speaker's words. Only a
            // reporting verb or `according` starts a candidate: testing that
            // here spares both sieves' calls for every other word.
            // (The verb test first: it turns most tokens away.)
            if t.verb(i).is_none() && !is_according(t, i)
                || covered[i]
                || quoted[i]
                || tags[i]
                || !t.is_word(i)
            {
                i += 1;
                continue;
            }
            // A window around the verb keeps the work per token bounded in
            // run-on "sentences" (a 10 MB text without a full stop).
            let window = range.start.max(i.saturating_sub(MAX_REACH))..range.end.min(i + MAX_REACH);
            if let Some(mut c) = according_to(t, i, window.clone(), covered).or_else(|| {
                reported(t, i, window.clone(), covered, quoted).filter(|c| marked_enough(t, c))
            }) {
                if dialogue_line(t, &c) {
                    c.kind = QuoteKind::Direct;
                    c.standalone = true;
                }
                let end = c.last();
                out.push(c);
                i = end.max(i) + 1;
                continue;
            }
            i += 1;
        }
    }
    out
}

/// `— Je ne sais pas, répondit Marie.`: a paragraph opened by a dialogue
/// dash holds a character's own words (French, Spanish, Italian,
/// Portuguese and Hungarian fiction write dialogue so, without quotation
/// marks): reported speech at its start, with the tag after it, is
/// direct speech.
fn dialogue_line(t: &Text, c: &Candidate) -> bool {
    let a = c.first();
    let opened = |k: usize| t.is_dash(k) && window::para_start(t, k) == k;
    (opened(a) || a > 0 && opened(a - 1)) && c.cue.is_some_and(|(x, _)| x > c.last())
}

/// How many words into a reported clause a reported-mood form may stand
/// (`sagte, die Regierung handle …`).
const MOOD_REACH: usize = 8;

/// Is the reported speech `c` marked as such, in a language that wants it
/// marked (the `reported_speech_marked` convention, German)? Its content
/// opens with a complementizer (`dass`, `ob`) or holds a reported-mood
/// form near its start (`er sei`, `sie habe`). German word order leaves
/// many reporting-verb forms (participles and infinitives at the end of a
/// clause, `hat … geschrieben und …`) before words that are no report.
/// Languages without the convention take every candidate.
fn marked_enough(t: &Text, c: &Candidate) -> bool {
    if !t.lex.is(Class::Convention, "reported_speech_marked") {
        return true;
    }
    let (a, b) = (c.first(), c.last());
    let mut words = (a..=b).filter(|&k| t.is_word(k));
    let Some(first) = words.next() else {
        return false;
    };
    let lower = crate::text::lower_word(t.tok(first));
    t.lex.complementizers.contains_key(lower.as_str())
        || std::iter::once(first)
            .chain(words)
            .take(MOOD_REACH)
            .any(|k| t.lex.reported_mood.contains(t.tok(k)))
}

#[cfg(test)]
mod tests;
