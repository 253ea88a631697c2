//! Cue detection: the reporting verbs of a text (`said`, `pointed out`,
//! `told`), found once after the text model is built, so the sieves ask
//! `Text::verb` instead of probing the lexicon again.

use crate::lexicon::{Class, Flags, VerbInfo};
use crate::text::Text;

/// Finds every reporting verb of `t` and records it in the text model. A
/// capitalised form counts only at a sentence start.
pub(crate) fn find(t: &mut Text) {
    let mut verbs = Vec::new();
    let mut verb_of = vec![0; t.tokens.len()];
    let text: &Text = t;
    for ((i, v), f) in verb_of.iter_mut().enumerate().zip(text.flags()) {
        // Only these tokens can be verbs (find_verb's own two cases);
        // testing here spares a call for every other token (4% of all
        // instructions), and the bits are read straight off the list.
        if f.has(Flags::VERB) || f.has(Flags::UPPER) && text.starts_sentence(i) {
            if let Some(verb) = find_verb(text, i) {
                verbs.push(verb);
                *v = verbs.len() as u32;
            }
        }
    }
    t.set_verbs(verb_of, verbs);
}

/// The reporting verb at token `i` and the last token of its cue, worked
/// out from the words around it.
fn find_verb(t: &Text, i: usize) -> Option<(VerbInfo, usize)> {
    if !t.is_word(i) {
        return None;
    }
    let word = t.tok(i);
    // A capitalised form is a verb only at a sentence start ("Said one
    // aide"), never inside a name ("United States").
    let info = match t
        .has(i, Flags::VERB)
        .then(|| t.lex.verbs.get(word))
        .flatten()
    {
        Some(info) => *info,
        None if t.is_capitalized(i) && t.starts_sentence(i) => {
            // Most sentences open with a word that is no verb: the packed
            // lower-case form tells so without building a string.
            if let Some(key) = crate::text::packed_lower(t.text, t.tokens[i].start, word.len()) {
                if !t.lex.listed_key(key).has(Flags::VERB) {
                    return None;
                }
            }
            *t.lex.verbs.get(crate::text::lower_word(word).as_str())?
        }
        None => return None,
    };
    // A noun reading: "Health worries have dogged", "the claims are".
    if i + 1 < t.tokens.len() && t.is_word(i + 1) && t.in_class(i + 1, Class::NounReadingNext) {
        return None;
    }
    // After an article or possessive, a form that can be a noun is one
    // (`a call for`, `his comments on`, `an impassioned call for`).
    let noun_form = word
        .strip_prefix(info.lemma)
        .is_some_and(|rest| rest.is_empty() || rest == "s");
    let article = |k: usize| t.is_word(k) && t.in_class(k, Class::NounDeterminer);
    let adjective = |k: usize| {
        t.has(k, Flags::LOWER)
            && ["ed", "al", "ive", "ous", "ful", "ic", "ing"]
                .iter()
                .any(|s| t.tok(k).ends_with(s))
    };
    if noun_form && i > 0 && (article(i - 1) || i > 1 && article(i - 2) && adjective(i - 1)) {
        return None;
    }
    match info.particle {
        // `pointed out`, but also `pointed to` (a prepositional cue).
        Some(p) if t.is_word(i + 1) && t.tok(i + 1) == p => Some((info, i + 1)),
        Some(_) if particle_later(t, i) => Some((info, i)),
        Some(_) => (t.is_word(i + 1) && t.lex.reports_object_of(info.lemma, t.tok(i + 1)))
            .then_some((info, i)),
        None => Some((info, i)),
    }
}

/// How many tokens after a separable verb its particle may close the
/// clause (`fügte der alte Bauer am Ende leise hinzu`).
const PARTICLE_REACH: usize = 12;

/// In a language that puts a separable verb's particle at the end of the
/// clause (German `fügte der Minister hinzu`, Dutch `voegde hij toe`): is
/// one of the particles of the form at `i` later in its clause, before a
/// comma, a stop or a quotation mark? The cue stays the verb itself.
fn particle_later(t: &Text, i: usize) -> bool {
    if !t.lex.is(Class::Convention, "particle_at_clause_end") {
        return false;
    }
    let Some(particles) = t.lex.particles.get(t.tok(i)) else {
        return false;
    };
    let sentence = t.tokens[i].sentence;
    (i + 1..t.tokens.len().min(i + 1 + PARTICLE_REACH))
        .take_while(|&k| t.is_word(k) && t.tokens[k].sentence == sentence)
        .any(|k| particles.contains(&t.tok(k)))
}
