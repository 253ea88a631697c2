//! The speech tag after a quote: `“…,” he said`, `“…,” said Putin`,
//! `“…,” said engineer Tom Reyes`, `“…,” the governor, Ana Díaz, said`.

use super::according::marked_at;
use super::subjects::{generic_subject, noun_use};
use super::window::{is_time_word, sentence_end, sentence_start, skip_adverbs, tail_is_adverbial};
use super::Tag;
use crate::lexicon::VerbInfo;
use crate::lexicon::{Class, Flags};
use crate::mentions::MentionKind;
use crate::mentions::{is_be, mention_starting_at, verb_at, Mention};
use crate::text::{Kind, Text};

/// A speech tag right after a quote ending at token `close`:
/// `“…,” he said`, `“…,” said Putin`, `“….” The Russian leader said.`
pub(super) fn tag_after(t: &Text, close: usize, limit: usize) -> Option<Tag> {
    let mut j = close + 1;
    // "“…” ― Beck Pimentel", or `- Hillary Clinton.` alone on the next
    // line ([`tag_line`]): a dash and a name closing the paragraph.
    if j < limit && (t.is_punct(j, '―') || t.is_dash(j)) {
        if let Some(m) = mention_starting_at(t, j + 1, limit) {
            if (m.last + 1..limit).all(|k| !t.is_word(k)) {
                return Some(Tag {
                    cue: (j, j),
                    speaker: Some(m),
                    according: false,
                });
            }
        }
    }
    while j < limit && (t.is_punct(j, ',') || t.is_dash(j)) {
        j += 1;
    }
    if j >= limit {
        return None;
    }
    let tag = match tag_words_after(t, j, limit) {
        Some(tag) => tag,
        None if j == close + 1 && t.has(j, Flags::LOWER) && verb_at(t, j).is_none() => {
            return tag_after_run_on(t, close, limit);
        }
        None => return None,
    };
    // A tag in the next sentence must be all that sentence says
    // (`“…” The Russian leader said.`, not `“…” He said that …`).
    if t.tokens[tag.cue.0].sentence != t.tokens[close].sentence {
        let after = tag_end(&tag) + 1;
        let end = sentence_end(t, tag.cue.0);
        if !(tail_is_adverbial(t, after, end) || starts_adverbial_tail(t, after)) {
            return None;
        }
    }
    Some(tag)
}

/// `“…” for the victory, Sanders said.`, `“…” that Sanders can win, said
/// Steve Elmendorf.`: the sentence that the quote opens runs on after it
/// without a comma, then a tag after a comma closes it. The run holds no quotation
/// mark and no reporting verb, and the tag names its speaker.
fn tag_after_run_on(t: &Text, close: usize, limit: usize) -> Option<Tag> {
    // Only a quote that opens its sentence: in `X likened it to “…” in
    // court, he said.` the quoted words are part of X's clause.
    if !matches!(t.tokens[sentence_start(t, close)].kind, Kind::Mark(_)) {
        return None;
    }
    let end = sentence_end(t, close).min(limit);
    let comma = (close + 2..end.min(close + 18))
        .take_while(|&k| t.is_word(k) || t.is_punct(k, ','))
        .find(|&k| t.is_punct(k, ','))?;
    if (close + 1..comma).any(|k| verb_at(t, k).is_some()) {
        return None;
    }
    let tag = tag_words_after(t, comma + 1, limit)?;
    tag.speaker.as_ref()?;
    let after = tag_end(&tag) + 1;
    (tail_is_adverbial(t, after, end) || starts_adverbial_tail(t, after)).then_some(tag)
}

/// Does what follows a tag start an adverbial (`, alluding to …`, `as a
/// guy walks in`, `in a statement`) rather than a complement (`that …`)?
fn starts_adverbial_tail(t: &Text, k: usize) -> bool {
    match t.tokens.get(k).map(|t| t.kind) {
        Some(Kind::Punct(',' | '.' | ';' | '!' | '?' | '—' | '–' | '(')) => true,
        Some(Kind::Word) => {
            let w = t.tok(k);
            t.lex.is(Class::AdverbialTailOpener, w)
                || is_time_word(t.lex, w)
                || (w.ends_with("ly") && w.len() > 4)
        }
        _ => false,
    }
}

/// The last token of a tag: its cue or the speaker after it.
fn tag_end(tag: &Tag) -> usize {
    tag.speaker
        .as_ref()
        .map_or(tag.cue.1, |m| m.last.max(tag.cue.1))
}

/// The tag words starting at `j`: `said Putin`, `Putin said`, `the book said`.
pub(super) fn tag_words_after(t: &Text, j: usize, limit: usize) -> Option<Tag> {
    // `“…” for it,` at the end of the text: no words after the comma.
    if j >= limit.min(t.tokens.len()) {
        return None;
    }
    // `», a déclaré Emmanuel Macron`, `», ha detto Meloni`: a compound
    // tense inverted, its auxiliary first.
    // `», s'est félicitée Marylise Léon`: a reflexive pronoun before
    // the auxiliary.
    let aux = if t.is_word(j) && t.in_class(j, Class::ReflexiveClitic) && j + 1 < limit {
        j + 1
    } else {
        j
    };
    let verb_at_j = if t.is_word(aux) && t.lex.auxiliaries.contains(t.tok(aux)) && aux + 1 < limit {
        speech_verb(t, aux + 1)
    } else if aux > j {
        // `, s'écria Marie`
        speech_verb(t, aux)
    } else {
        None
    };
    // `“…,” according to a court document filed by X.`, `„…“, aldus
    // dijkgraaf Hans Oosters.`: a marker before its source (the range
    // opens at `j`, so no postposition reads back into the quote).
    if let Some(found) = marked_at(t, j, j..limit) {
        return Some(Tag {
            cue: found.cue,
            speaker: Some(found.source),
            according: true,
        });
    }
    // "said Putin", "added the spokesman"
    if let Some((info, cue_end)) = verb_at_j.or_else(|| tag_verb(t, j)) {
        if info.gerund {
            return None;
        }
        let speaker = mention_starting_at(t, cue_end + 1, limit)
            .or_else(|| generic_after(t, cue_end + 1, limit))
            .or_else(|| inverted_subject(t, cue_end + 1, limit))
            .or_else(|| {
                let k = skip_time_adverbial(t, cue_end + 1, limit);
                (k > cue_end + 1)
                    .then(|| mention_starting_at(t, k, limit))
                    .flatten()
            });
        return Some(Tag {
            cue: (j, cue_end),
            speaker,
            according: false,
        });
    }
    // `hat Herr Becker am Abend gesagt`, `heeft Pieter Omtzigt maandag
    // gezegd`: the auxiliary first, its participle closing the clause.
    if let Some(tag) = perfect_around_subject(t, j, limit) {
        return Some(tag);
    }
    // "Putin said", "he added", "Kremlin spokesman Dmitry Peskov, 67, said",
    // "Mr. Morgan of the Sierra Club said", "Rep. Gwen Moore (D-Wis.) said".
    // Each reading of the subject in turn: `the progressive heavyweights
    // wrote` reads `the progressive` as a mention, which no verb follows.
    if let Some(tag) = mention_starting_at(t, j, limit).and_then(|m| subject_tag(t, j, m, limit)) {
        return Some(tag);
    }
    if let Some(tag) = generic_subject(t, j, limit).and_then(|m| subject_tag(t, j, m, limit)) {
        return Some(tag);
    }
    // "panel Chairman Rep. Jason Chaffetz (R-Utah) said", "election law
    // expert Rick Hasen tweeted": lower-case words before a name.
    let lowers = (j..limit.min(j + 4))
        .take_while(|&i| t.is_word(i) && !t.is_capitalized(i))
        .count();
    let m = (1..=lowers).find_map(|n| {
        mention_starting_at(t, j + n, limit).filter(|m| m.kind == MentionKind::Name)
    })?;
    subject_tag(t, j, m, limit)
}

/// How many words of a time adverbial may stand between an inverted verb
/// and its subject (`aseguró el martes la vicepresidenta`).
const MAX_TIME_WORDS: usize = 3;

/// The first token after a time adverbial starting at `k` (`el martes`,
/// `kedden`, `hoy`): adverbs and time words, a time word after its
/// article; `k` itself when there is none.
fn skip_time_adverbial(t: &Text, k: usize, limit: usize) -> usize {
    let time = |i: usize| t.is_word(i) && is_time_word(t.lex, t.tok(i));
    let mut j = k;
    while j < limit && j < k + MAX_TIME_WORDS && t.is_word(j) {
        if time(j) || t.has(j, Flags::ADVERB_AUX) || t.in_class(j, Class::AdverbAux) {
            j += 1;
        } else if t.has(j, Flags::DETERMINER) && time(j + 1) {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// How many words may stand between an inverted subject and the
/// participle that closes the clause (`heeft X maandag in Den Haag gezegd`).
const MAX_BEFORE_PARTICIPLE: usize = 5;

/// An inverted perfect tag: the auxiliary at `j`, its subject, a few
/// adverbial words and the participle of a speech verb closing the clause
/// (`hat Herr Becker am Abend gesagt`).
fn perfect_around_subject(t: &Text, j: usize, limit: usize) -> Option<Tag> {
    if !(t.is_word(j) && t.lex.auxiliaries.contains(t.tok(j))) {
        return None;
    }
    let m = mention_starting_at(t, j + 1, limit)?;
    let sentence = t.tokens[j].sentence;
    let k = (m.last + 1..limit.min(m.last + 2 + MAX_BEFORE_PARTICIPLE))
        .take_while(|&k| t.is_word(k) && t.tokens[k].sentence == sentence)
        .find(|&k| speech_verb(t, k).is_some())?;
    let (info, cue_end) = speech_verb(t, k)?;
    let closes = cue_end + 1 >= limit || !t.is_word(cue_end + 1);
    (closes && !info.gerund).then_some(Tag {
        cue: (k, cue_end),
        speaker: Some(m),
        according: false,
    })
}

/// The tag of subject `m` (its words start at `j`) and the speech verb
/// after it, past a postmodifier, an apposition and adverbs.
fn subject_tag(t: &Text, j: usize, m: Mention, limit: usize) -> Option<Tag> {
    let mut k = m.last + 1;
    // `le maire de Lyon, Grégory Doucet, a dit`: the comma that closes a
    // name in apposition to a role.
    let apposition = m
        .name
        .is_some_and(|(a, _)| a > m.first && t.is_punct(a - 1, ','));
    if apposition && t.is_punct(k, ',') {
        k += 1;
    }
    k = skip_postmodifier(t, k, limit);
    let before_apposition = k;
    k = skip_apposition(t, k, limit);
    k = skip_adverbs(t, k, limit);
    let (info, cue_end) = tag_verb(t, k)?;
    if info.gerund || k > j + 12 || m.last + 1 == k && noun_use(t, &m, k) {
        return None;
    }
    // `the central bank governor, Ana Díaz, said`: a description named by
    // its apposition speaks by that name.
    let named = match m.kind {
        MentionKind::Description { plural: false, .. } if k > before_apposition => {
            mention_starting_at(t, before_apposition + 1, k)
                .filter(|n| n.kind == MentionKind::Name && t.is_punct(n.last + 1, ','))
        }
        _ => None,
    };
    Some(Tag {
        cue: (k, cue_end),
        speaker: Some(named.unwrap_or(m)),
        according: false,
    })
}

/// The speaker named after a speech verb when the mention grammar does not
/// cover it: `said the second official`, `said one district GOP leader`,
/// `says the ad’s narrator`: up to seven words to the next punctuation.
fn generic_after(t: &Text, j: usize, limit: usize) -> Option<Mention> {
    if !t.is_word(j)
        || !t.lex.is(
            Class::GenericDeterminer,
            crate::text::lower_word(t.tok(j)).as_str(),
        )
    {
        return None;
    }
    let mut k = j;
    while k + 1 < limit
        && k < j + 7
        && t.is_word(k + 1)
        && !t.in_class(k + 1, Class::AfterGenericSpeaker)
    {
        k += 1;
    }
    (k > j && verb_at(t, k).is_none()).then(|| {
        Mention::description(
            j,
            k,
            false,
            false,
            (j + 1..=k)
                .map(|i| crate::text::lower_word(t.tok(i)))
                .collect(),
        )
    })
}

/// How many adverbs may stand between an inverted verb and its subject
/// (`versetzte darauf der junge Metzger`).
const MAX_ADVERBS_BEFORE_SUBJECT: usize = 3;
/// How many adjectives (and commas) may stand between a determiner and
/// its noun (`eine unangenehme, brummige Stimme`).
const MAX_ADJECTIVES: usize = 5;

/// The subject after an inverted speech verb in a language that writes
/// every noun with a capital (the `capitalised_nouns` convention, German):
/// after adverbs (`fragte lächelnd der Enkel`, `versetzte darauf der
/// junge Metzger`), and a determiner's noun after its adjectives (`rief
/// eine unangenehme, brummige Stimme`), whatever the noun: any noun can
/// speak in fiction (`der Alte`, `die Wirtin`).
pub(super) fn inverted_subject(t: &Text, j: usize, limit: usize) -> Option<Mention> {
    if !t.lex.is(Class::Convention, "capitalised_nouns") {
        return None;
    }
    let sentence = t.tokens.get(j)?.sentence;
    let in_clause = |k: usize| k < limit && t.tokens[k].sentence == sentence;
    let mut k = j;
    while k < j + MAX_ADVERBS_BEFORE_SUBJECT
        && in_clause(k)
        && t.is_word(k)
        && t.has(k, Flags::LOWER)
        && !t.has(k, Flags::DETERMINER)
        && t.pronoun(k).is_none()
        && verb_at(t, k).is_none()
        && !t.in_class(k, Class::AdverbialPreposition)
    {
        k += 1;
    }
    if k > j {
        if let Some(m) = mention_starting_at(t, k, limit) {
            return Some(m);
        }
    }
    if !(in_clause(k) && t.is_word(k) && t.has(k, Flags::DETERMINER)) {
        return None;
    }
    let det = k;
    k += 1;
    while k < det + 1 + MAX_ADJECTIVES
        && in_clause(k + 1)
        && (t.is_word(k) && t.has(k, Flags::LOWER)
            || t.is_punct(k, ',') && t.is_word(k + 1) && t.has(k + 1, Flags::LOWER))
        && verb_at(t, k).is_none()
    {
        k += 1;
    }
    // `Da sprach die älteste:`: an adjective standing for its noun, the
    // last word of the clause.
    if k > det + 1 && !(in_clause(k) && t.is_word(k)) && t.has(k - 1, Flags::LOWER) {
        return Some(Mention::description(
            det,
            k - 1,
            false,
            false,
            vec![crate::text::lower_word(t.tok(k - 1))],
        ));
    }
    if !(in_clause(k) && t.is_word(k) && t.is_capitalized(k)) || verb_at(t, k).is_some() {
        return None;
    }
    let mut last = k;
    while in_clause(last + 1) && t.is_word(last + 1) && t.is_capitalized(last + 1) {
        last += 1;
    }
    Some(Mention::description(
        det,
        last,
        false,
        false,
        vec![crate::text::lower_word(t.tok(last))],
    ))
}

/// Skips `(R-Utah)` and `of the Sierra Club` after a name.
pub(super) fn skip_postmodifier(t: &Text, k: usize, limit: usize) -> usize {
    if t.is_punct(k, '(') {
        if let Some(close) = (k + 1..limit.min(k + 8)).find(|&i| t.is_punct(i, ')')) {
            return close + 1;
        }
    }
    if t.is_word(k) && t.tok(k) == "of" {
        if let Some(m) = mention_starting_at(t, k + 1, limit) {
            return m.last + 1;
        }
    }
    // "a spokesman for committee Democrats said": a short prepositional
    // phrase running into a speech verb.
    if t.is_word(k) && t.in_class(k, Class::PostmodifierPreposition) {
        if let Some(v) = (k + 1..limit.min(k + 8))
            .take_while(|&i| t.is_word(i))
            .find(|&i| speech_verb(t, i).is_some())
        {
            return v;
        }
    }
    k
}

/// Skips `, the Kremlin spokesman,` after a name.
pub(super) fn skip_apposition(t: &Text, k: usize, limit: usize) -> usize {
    if !t.is_punct(k, ',') {
        return k;
    }
    let mut j = k + 1;
    while j < limit && j < k + 12 {
        if t.is_punct(j, ',') {
            return j + 1;
        }
        // `, Sanders’ campaign manager,`: a plural possessive's apostrophe
        // is a mark token glued to its word.
        let glued_apostrophe = matches!(t.tokens[j].kind, Kind::Mark('’' | '\''))
            && t.tokens[j].start == t.tokens[j - 1].end;
        if !t.is_word(j)
            && !glued_apostrophe
            && !matches!(t.tokens[j].kind, Kind::Punct('(' | ')' | '-' | '.'))
        {
            return k;
        }
        j += 1;
    }
    k
}

/// A verb that tags the quote before it: a verb of saying
/// ([`speech_verb`]), or of thinking where the lexicon lets it tag a
/// character's thoughts (`“…,” thought Alice`, `“…?” Alice thought`):
/// then only a few words after a quote that ends on a comma, a question
/// or an exclamation mark, not after a quoted phrase (`good for “the
/// U.S.” and that the Chamber thinks`).
fn tag_verb(t: &Text, i: usize) -> Option<(VerbInfo, usize)> {
    speech_verb(t, i).or_else(|| {
        let (info, end) = verb_at(t, i)?;
        if !t.lex.is(Class::ThoughtTagVerb, info.lemma) || (i > 0 && is_be(t, i - 1)) {
            return None;
        }
        let close = (i.saturating_sub(MAX_BEFORE_THOUGHT + 1)..i)
            .rev()
            .take_while(|&k| t.is_word(k) || matches!(t.tokens[k].kind, Kind::Mark(_)))
            .find(|&k| matches!(t.tokens[k].kind, Kind::Mark(_)))?;
        let ends_clause =
            close > 0 && matches!(t.tokens[close - 1].kind, Kind::Punct(',' | '?' | '!'));
        ends_clause.then_some((info, end))
    })
}

/// How many words (a subject's) may stand between a quote and the verb of
/// thinking that tags it.
const MAX_BEFORE_THOUGHT: usize = 5;

/// A verb of saying at `i`: a speech verb, not after "to be" (passive).
pub(super) fn speech_verb(t: &Text, i: usize) -> Option<(VerbInfo, usize)> {
    let (info, end) = verb_at(t, i)?;
    if !info.speech || (i > 0 && is_be(t, i - 1)) {
        return None;
    }
    Some((info, end))
}
