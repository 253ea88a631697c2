//! Characters: the names a person goes by. A book calls its people by
//! honorific and surname (`Mr. Darcy`, `Mrs Beaver`, `Sir Thomas`), and
//! that is the name a reader knows them by: an entity's mentions keep the
//! honorific before the name.

use crate::entities::Entities;
use crate::lexicon::Class;
use crate::mentions::Mention;
use crate::model::{EntityKind, Gender};
use crate::text::{Kind, Text};

/// A cluster one of whose mentions in this many follows a preposition of
/// place is a place (if nothing says it is a person).
const PLACED_ONE_IN: usize = 6;

/// How many words after a name its pronoun may stand.
const PRONOUN_REACH: usize = 12;

/// Gives a gender to the people whose names show none, from the pronouns
/// that follow their names in the book (`Margaret bent her head`, `Henry
/// said he would`): the first gendered pronoun after a name, in its
/// sentence, before another name or a quotation mark, is a vote. A cluster
/// takes the gender of at least two votes and twice as many as the other.
/// One pass over the mentions: linear in the text.
pub(crate) fn infer_genders(t: &Text, ents: &mut Entities) {
    let mut votes = vec![[0u32; 2]; ents.clusters.len()];
    for (k, m) in ents.mentions.iter().enumerate() {
        let c = ents.cluster_of[k];
        if ents.clusters[c].gender.is_some() || ents.clusters[c].kind == EntityKind::Place {
            continue;
        }
        let stop = ents
            .mentions
            .get(k + 1)
            .map_or(t.tokens.len(), |n| n.first)
            .min(t.tokens.len());
        let sentence = t.tokens[m.last].sentence;
        let mut words = 0;
        for i in m.last + 1..stop {
            let tk = &t.tokens[i];
            if tk.sentence != sentence || matches!(tk.kind, Kind::Mark(_)) {
                break;
            }
            if tk.kind != Kind::Word {
                continue;
            }
            words += 1;
            if words > PRONOUN_REACH {
                break;
            }
            if t.in_class(i, Class::MalePronoun) {
                votes[c][0] += 1;
                break;
            }
            if t.in_class(i, Class::FemalePronoun) {
                votes[c][1] += 1;
                break;
            }
        }
    }
    for (c, [male, female]) in ents.clusters.iter_mut().zip(votes) {
        if c.gender.is_none() && c.kind != EntityKind::Place {
            if male >= 2 && male >= 2 * female {
                c.gender = Some(Gender::Male);
            } else if female >= 2 && female >= 2 * male {
                c.gender = Some(Gender::Female);
            }
        }
    }
}

/// Takes the names a text writes as a place (`in Berlin`, `at Hetton`,
/// `along the Great North Road`) for places: a cluster with no gender and
/// no title one of whose mentions in [`PLACED_ONE_IN`] or more follows a
/// preposition of place (`place_preposition`). A person is seldom `in` or
/// `at` anyone, while a place is also the subject of sentences (`Hetton
/// was cold`). A place is nobody's speaker, nor whom a pronoun stands for.
pub(crate) fn infer_places(t: &Text, ents: &mut Entities) {
    let mut at = vec![0u32; ents.clusters.len()];
    for (k, m) in ents.mentions.iter().enumerate() {
        // Past an article: `in the Strand`.
        let mut p = m.first;
        while p > 0 && t.is_word(p - 1) && t.in_class(p - 1, Class::DefiniteArticle) {
            p -= 1;
        }
        if p > 0 && t.is_word(p - 1) && t.in_class(p - 1, Class::PlacePreposition) {
            at[ents.cluster_of[k]] += 1;
        }
    }
    for (c, n) in ents.clusters.iter_mut().zip(at) {
        let placed = n > 0 && PLACED_ONE_IN * n as usize >= c.mentions.len();
        if placed
            && c.gender.is_none()
            && c.descriptors.is_empty()
            && matches!(c.kind, EntityKind::Person | EntityKind::Other)
        {
            c.kind = EntityKind::Place;
        }
    }
}

/// The byte range of name mention `m` with the titles right before its
/// name (`Mr. Darcy`, `President Vladimir Putin`), without a possessive
/// `’s`; the name alone when no title stands before it, and with its
/// article when the name took it in (`the Hatter`).
pub(crate) fn titled_range(t: &Text, m: &Mention) -> (usize, usize) {
    let (start, end) = m.byte_range(t);
    let Some((a, _)) = m.name else {
        return (start, end);
    };
    // A name that took in its article (`the Hatter`) keeps it.
    if m.first + 1 == a && t.in_class(m.first, Class::DefiniteArticle) {
        return (start, end);
    }
    let mut first = a;
    while first > m.first && t.is_word(first - 1) && t.lex.titles.contains_key(t.tok(first - 1)) {
        first -= 1;
    }
    (t.tokens[first].start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(text: &str) -> Vec<String> {
        let t = Text::english(text);
        crate::mentions::names(&t)
            .iter()
            .map(|m| {
                let (a, b) = titled_range(&t, m);
                text[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn pronouns_after_a_name_give_its_gender() {
        let t = Text::english(
            "Then Margaret bent her head. Then Henry said he would come. Then Margaret \
             smiled at herself. Then Henry rubbed his hands. Then Kim left. Then Kim and \
             Henry went; he stayed and she left.",
        );
        let mut e = crate::entities::find(&t);
        infer_genders(&t, &mut e);
        let gender = |name: &str| {
            let c = e.clusters.iter().find(|c| e.name(&t, c) == name).unwrap();
            c.gender
        };
        assert_eq!(gender("Margaret"), Some(Gender::Female));
        assert_eq!(gender("Henry"), Some(Gender::Male));
        assert_eq!(gender("Kim"), None);
    }

    #[test]
    fn honorifics_stay_with_the_name() {
        assert_eq!(
            titled("Mr. Darcy bowed to Mrs Bennet and Sir Thomas’s niece."),
            ["Mr. Darcy", "Mrs Bennet", "Sir Thomas"]
        );
        assert_eq!(titled("Jane Smith left."), ["Jane Smith"]);
    }
}
