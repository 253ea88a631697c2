//! Speaker confidence: a logistic model over the features of an attribution.
//!
//! The sieves decide who the speaker is; this module says how likely that
//! answer is right. Each attributed quote is described by the features in
//! [`FEATURES`] (how it was attributed, how the mention resolved, where the
//! mention stands, what kind of text it is), and the probability is the
//! logistic function of their weighted sum. The weights are data
//! (`data/speaker_scorer.tsv`), fitted by `scripts/fit_speaker_scorer.py` on
//! annotated news and novels; the file's header says on what and how.

use crate::attribute::Candidate;
use crate::conversation::{Turn, TurnCue};
use crate::entities::Entities;
use crate::mentions::MentionKind;
use crate::model::{Gender, Method, QuoteKind, Resolution};
use crate::resolve::Resolved;
use crate::text::Text;

/// The feature names, in the order of a feature vector and of the weights
/// file. `bias` is always 1.
pub(crate) const FEATURES: [&str; 40] = [
    "bias",
    "method_speech_tag",
    "method_according_to",
    "method_adjacent_line",
    "method_continuation",
    "method_nearby",
    "method_turn",
    "resolution_name",
    "resolution_pronoun",
    "resolution_description",
    "kind_direct",
    "kind_indirect",
    "kind_mixed",
    "mention_name",
    "mention_pronoun",
    "mention_first_person",
    "mention_plural",
    "mention_after_quote",
    "log_token_distance",
    "mention_in_quote_paragraph",
    "pieces_more_than_one",
    "standalone",
    "log_quote_tokens",
    "log_entity_mentions",
    "entity_person",
    "gender_conflict",
    "same_entity_as_previous_quote",
    "log_names_in_paragraph",
    "cue_is_say",
    "english_word_share",
    "hard_wrapped_share",
    "turn_same_paragraph",
    "turn_beat",
    "turn_narrative",
    "turn_vocative",
    "turn_alternation",
    "turn_recent",
    "agrees_with_turn",
    "addressed_by_name",
    "text_alternation",
];

/// The index of feature `name` in [`FEATURES`], found at compile time
/// (`const { index("bias") }`): an unknown name does not compile.
const fn index(name: &str) -> usize {
    let mut k = 0;
    while k < FEATURES.len() {
        let (a, b) = (FEATURES[k].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut i = 0;
            while i < a.len() && a[i] == b[i] {
                i += 1;
            }
            if i == a.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("unknown speaker feature")
}

/// `x[index(name)] = value`, the index found at compile time.
macro_rules! set {
    ($x:ident, $name:literal, $value:expr $(,)?) => {
        $x[const { index($name) }] = $value
    };
}

/// One feature vector (see [`FEATURES`]).
pub(crate) type Features = [f64; FEATURES.len()];

/// The weights of the model, one per feature.
#[derive(Clone, Debug)]
pub(crate) struct Scorer {
    weights: Features,
}

/// The weights shipped with the crate.
const WEIGHTS: &str = include_str!("../data/speaker_scorer.tsv");

impl Scorer {
    /// Parses a weights file: `#` comment lines, then `name<TAB>weight`
    /// lines naming every feature of [`FEATURES`] exactly once.
    pub(crate) fn parse(src: &str) -> Result<Scorer, String> {
        let mut weights = [f64::NAN; FEATURES.len()];
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = || format!("speaker_scorer.tsv:{}", n + 1);
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("{}: expected 'feature<TAB>weight'", at()))?;
            let k = FEATURES
                .iter()
                .position(|f| *f == name)
                .ok_or_else(|| format!("{}: unknown feature {name:?}", at()))?;
            weights[k] = value
                .parse()
                .map_err(|_| format!("{}: weight {value:?} is not a number", at()))?;
        }
        match FEATURES.iter().zip(&weights).find(|(_, w)| w.is_nan()) {
            Some((name, _)) => Err(format!("speaker_scorer.tsv: no weight for {name}")),
            None => Ok(Scorer { weights }),
        }
    }

    /// The scorer with the shipped weights.
    pub(crate) fn shipped() -> &'static Scorer {
        static SHIPPED: std::sync::LazyLock<Scorer> = std::sync::LazyLock::new(|| {
            Scorer::parse(WEIGHTS).expect("the shipped speaker weights parse")
        });
        &SHIPPED
    }

    /// The probability that the attribution described by `x` is right.
    pub(crate) fn probability(&self, x: &Features) -> f64 {
        let z: f64 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// What the features of one document share: its shape.
pub(crate) struct DocShape {
    english_word_share: f64,
    hard_wrapped_share: f64,
}

impl DocShape {
    /// The shape of a text.
    pub(crate) fn new(t: &Text) -> DocShape {
        DocShape {
            english_word_share: english_word_share(t),
            hard_wrapped_share: hard_wrapped_share(t.text),
        }
    }
}

/// The share of a text's first 500 lines that are wrapped: 50 to 80 chars
/// long and followed by a line of the same paragraph. Near 1 in plain-text
/// books (Project Gutenberg wraps at about 70), near 0 in news, where a
/// line is a paragraph, and in short snippets.
fn hard_wrapped_share(text: &str) -> f64 {
    // 500 lines of 80 chars fit in 64 KB of UTF-8 text at 1.6 bytes a
    // char; a long news text is not read further.
    let mut cut = text.len().min(64 * 1024);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut lines = lines(&text[..cut]).take(500).peekable();
    let (mut total, mut wrapped) = (0usize, 0usize);
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        // Only a count in 50..=80 matters: a line of fewer than 50 bytes
        // has fewer chars, one of more than 320 bytes more than 80 (a char
        // is at most 4 bytes), so only the lines between are counted.
        let n = if line.len() < 50 || line.len() > 320 || line.is_ascii() {
            line.len()
        } else {
            line.chars().count()
        };
        let continues = lines.peek().is_some_and(|next| !next.trim().is_empty());
        wrapped += usize::from((50..=80).contains(&n) && continues);
    }
    wrapped as f64 / total.max(1) as f64
}

/// `text.lines()`, its line ends found by memchr: lines split at `\n`, a
/// `\r` before it dropped, no empty line after a final `\n`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let line = match newlines.next() {
            Some(end) => {
                let line = &text[start..end];
                start = end + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                let line = &text[start..];
                start = text.len();
                line
            }
        };
        Some(line)
    })
}

/// The share of a text's first 2,000 words that are English determiners,
/// connectors, adverbs or auxiliaries: near 0.2 in English prose, near 0 in
/// other languages, whose speakers the English cues mostly miss.
fn english_word_share(t: &Text) -> f64 {
    use crate::lexicon::Flags;
    let (mut words, mut english) = (0usize, 0usize);
    let english_bits = Flags::DETERMINER | Flags::CONNECTOR | Flags::ADVERB_AUX;
    for i in (0..t.tokens.len()).filter(|&i| t.is_word(i)).take(2000) {
        words += 1;
        english += usize::from(t.has(i, english_bits));
    }
    english as f64 / words.max(1) as f64
}

/// The features of candidate `c`, attributed to `c.speaker` and resolved
/// as `r`, with what the conversation model knows of it (`turn`);
/// `previous` is the entity of the quote before it.
pub(crate) fn features(
    t: &Text,
    ents: &Entities,
    shape: &DocShape,
    c: &Candidate,
    r: &Resolved,
    turn: &Turn,
    previous: Option<usize>,
) -> Features {
    let mut x = [0.0; FEATURES.len()];
    let Some(m) = &c.speaker else {
        return x;
    };
    let yes = |b: bool| if b { 1.0 } else { 0.0 };
    set!(x, "bias", 1.0);
    match c.method {
        Some(Method::SpeechTag) => set!(x, "method_speech_tag", 1.0),
        Some(Method::AccordingTo) => set!(x, "method_according_to", 1.0),
        Some(Method::AdjacentLine) => set!(x, "method_adjacent_line", 1.0),
        Some(Method::Continuation) => set!(x, "method_continuation", 1.0),
        Some(Method::Nearby) => set!(x, "method_nearby", 1.0),
        Some(Method::Turn) => set!(x, "method_turn", 1.0),
        None => {}
    }
    match r.resolution {
        Resolution::Name => set!(x, "resolution_name", 1.0),
        Resolution::Pronoun => set!(x, "resolution_pronoun", 1.0),
        Resolution::Description => set!(x, "resolution_description", 1.0),
        Resolution::Unresolved => {}
    }
    match c.kind {
        QuoteKind::Direct => set!(x, "kind_direct", 1.0),
        QuoteKind::Indirect => set!(x, "kind_indirect", 1.0),
        QuoteKind::Mixed => set!(x, "kind_mixed", 1.0),
        QuoteKind::Partial => {}
    }
    let (mention_gender, plural) = match &m.kind {
        MentionKind::Name => {
            set!(x, "mention_name", 1.0);
            (m.gender, false)
        }
        MentionKind::Pronoun(p) => {
            set!(x, "mention_pronoun", 1.0);
            set!(x, "mention_first_person", yes(p.person == 1));
            (p.gender, p.plural)
        }
        MentionKind::Description { plural, .. } => (m.gender, *plural),
    };
    set!(x, "mention_plural", yes(plural));
    let after = m.first > c.last();
    set!(x, "mention_after_quote", yes(after));
    let distance = if after {
        m.first - c.last()
    } else if m.last < c.first() {
        c.first() - m.last
    } else {
        0
    };
    set!(x, "log_token_distance", (1.0 + distance as f64).ln());
    let para = |i: usize| t.tokens[i].paragraph;
    set!(
        x,
        "mention_in_quote_paragraph",
        yes(para(m.first) >= para(c.first()) && para(m.first) <= para(c.last())),
    );
    set!(x, "pieces_more_than_one", yes(c.pieces.len() > 1));
    set!(x, "standalone", yes(c.standalone));
    let tokens: usize = c.pieces.iter().map(|&(a, b)| b + 1 - a).sum();
    set!(x, "log_quote_tokens", (tokens as f64).ln());
    if let Some(e) = r.entity.and_then(|e| ents.clusters.get(e)) {
        set!(x, "log_entity_mentions", (e.mentions.len() as f64).ln_1p());
        set!(
            x,
            "entity_person",
            yes(e.kind == crate::model::EntityKind::Person),
        );
        set!(
            x,
            "gender_conflict",
            yes(matches!(
                (mention_gender, e.gender),
                (Some(Gender::Male), Some(Gender::Female))
                    | (Some(Gender::Female), Some(Gender::Male))
            )),
        );
    }
    set!(
        x,
        "same_entity_as_previous_quote",
        yes(r.entity.is_some() && r.entity == previous),
    );
    let quote_para = para(c.first()) as usize;
    let names = t.paragraphs.get(quote_para).map_or(0, |p| {
        let from = ents.mentions.partition_point(|n| n.first < p.start);
        // Counted up to 100: past that the feature barely moves, and a
        // paragraph of megabytes (a text with no line breaks) must not
        // cost its length for every quote in it.
        ents.mentions[from..]
            .iter()
            .take(100)
            .take_while(|n| n.first < p.end)
            .count()
    });
    set!(x, "log_names_in_paragraph", (names as f64).ln_1p());
    set!(x, "hard_wrapped_share", shape.hard_wrapped_share);
    set!(x, "english_word_share", shape.english_word_share);
    let cue_is_say = c.cue.is_some_and(|(a, _)| {
        let w = t.tok(a);
        w.eq_ignore_ascii_case("said") || w.eq_ignore_ascii_case("says") || w == "say"
    });
    set!(x, "cue_is_say", yes(cue_is_say));
    match turn.cue {
        TurnCue::None => {}
        // Continuation in news keeps the method's own weight.
        TurnCue::Continuation => {}
        TurnCue::SameParagraph => set!(x, "turn_same_paragraph", 1.0),
        TurnCue::Beat => set!(x, "turn_beat", 1.0),
        TurnCue::Narrative => set!(x, "turn_narrative", 1.0),
        TurnCue::Vocative => set!(x, "turn_vocative", 1.0),
        TurnCue::Alternation => set!(x, "turn_alternation", 1.0),
        TurnCue::Recent => set!(x, "turn_recent", 1.0),
    }
    set!(
        x,
        "agrees_with_turn",
        yes(turn.expected.is_some() && turn.expected == r.entity),
    );
    set!(x, "text_alternation", turn.alternation);
    set!(
        x,
        "addressed_by_name",
        yes(turn.addressee.as_ref().is_some_and(|(m, _)| m.is_some())),
    );
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_name_every_feature() {
        let s = Scorer::shipped();
        assert!(s.weights.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn a_bad_weights_file_says_where_and_what() {
        let err = Scorer::parse("# header\nbias\tone\n").unwrap_err();
        assert!(err.contains(":2:") && err.contains("not a number"), "{err}");
        let err = Scorer::parse("nonsense\t1\n").unwrap_err();
        assert!(err.contains("unknown feature"), "{err}");
        let err = Scorer::parse("bias\t1\n").unwrap_err();
        assert!(err.contains("no weight for method_speech_tag"), "{err}");
    }

    #[test]
    fn lines_are_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "\r\n\r\n",
            "a\rb\n",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn hard_wrapped_text_is_told_from_news_and_snippets() {
        let book = "It is a truth universally acknowledged, that a single man in\n\
                    possession of a good fortune, must be in want of a wife. However\n\
                    little known the feelings or views of such a man may be on his\n\
                    first entering a neighbourhood, this truth is so well fixed.\n";
        assert!(hard_wrapped_share(book) > 0.7);
        let news = "The minister said on Monday that the reform would go ahead as planned, despite protests.\n\
                    “We will not back down,” she told reporters in the capital.\n";
        assert_eq!(hard_wrapped_share(news), 0.0);
        assert_eq!(hard_wrapped_share("“We will win,” said Jane Smith."), 0.0);
    }

    #[test]
    fn probability_is_the_logistic_of_the_weighted_sum() {
        let mut src = String::new();
        for f in FEATURES {
            src.push_str(&format!("{f}\t{}\n", if f == "bias" { 2.0 } else { 0.0 }));
        }
        let s = Scorer::parse(&src).unwrap();
        let mut x = [0.0; FEATURES.len()];
        x[0] = 1.0;
        let p = s.probability(&x);
        assert!((p - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-12);
    }
}
