//! Mentions of people and organisations: proper names with their titles,
//! pronouns, and descriptions (`the Russian leader`, `a senior official`).

use crate::lexicon::{self, Class, Flags, Pronoun};
use crate::model::Gender;
use crate::text::{Kind, Text, Word};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A proper name (`Vladimir Putin`, `the White House`).
    Name,
    /// A pronoun.
    Pronoun(Pronoun),
    /// A description headed by a role noun.
    Description {
        /// The role noun is plural (`officials`).
        plural: bool,
        /// The role belongs to an organisation (`campaign`).
        org: bool,
    },
}

/// A mention: a token range, and inside it the name proper (for names).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// First token (titles and determiners included).
    pub first: usize,
    /// Last token, inclusive.
    pub last: usize,
    pub kind: MentionKind,
    /// Token range of the name without titles (names only).
    pub name: Option<(usize, usize)>,
    /// Lower-case titles, roles and nationality words in the mention.
    pub descriptors: Vec<Word>,
    /// Gender shown by a title or pronoun.
    pub gender: Option<Gender>,
}

impl Mention {
    /// A description (no name, no gender) over tokens `first..=last`.
    pub fn description(
        first: usize,
        last: usize,
        plural: bool,
        org: bool,
        descriptors: Vec<Word>,
    ) -> Mention {
        Mention {
            first,
            last,
            kind: MentionKind::Description { plural, org },
            name: None,
            descriptors,
            gender: None,
        }
    }

    /// The pronoun `p` at token `i` (or a word that carries it, Hungarian
    /// `szerinte`).
    pub fn pronoun(i: usize, p: Pronoun) -> Mention {
        Mention {
            first: i,
            last: i,
            kind: MentionKind::Pronoun(p),
            name: None,
            descriptors: Vec::new(),
            gender: p.gender,
        }
    }

    /// The byte range to report: the name proper for names (without a
    /// possessive `’s`), with the definite article the mention starts
    /// with (`the Mock Turtle`, `the White House`); the whole mention
    /// otherwise.
    pub fn byte_range(&self, t: &Text) -> (usize, usize) {
        match self.name {
            Some((a, b)) => {
                let end = t.tokens[b].end;
                let word = &t.text[t.tokens[b].start..end];
                let trimmed = strip_possessive(word);
                let start = if self.first + 1 == a && t.in_class(self.first, Class::DefiniteArticle)
                {
                    self.first
                } else {
                    a
                };
                (t.tokens[start].start, end - (word.len() - trimmed.len()))
            }
            None => (t.tokens[self.first].start, t.tokens[self.last].end),
        }
    }

    /// The name proper, possessive stripped, for clustering.
    pub fn name_words<'a, 't: 'a>(&self, t: &'a Text<'t>) -> impl Iterator<Item = &'t str> + 'a {
        self.name
            .into_iter()
            .flat_map(|(a, b)| a..=b)
            .filter(|&i| t.is_word(i))
            .map(|i| strip_possessive(t.tok(i)))
    }
}

/// `Putin’s` → `Putin`; `Sanders’` → `Sanders`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    // Possessives end in `s`, `S` or an apostrophe (`’` ends in 0x99).
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return word;
    }
    for suffix in ["’s", "'s", "’S", "'S", "’", "'"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// `He’s`, `she's`, `they’re`: a pronoun with a contracted "to be".
pub(crate) fn contracted_be(word: &str) -> bool {
    let Some((stem, be)) = word.split_once(['’', '\'']) else {
        return false;
    };
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    (is(be, "s") && ["he", "she", "it"].iter().any(|p| is(stem, p)))
        || (is(be, "re") && ["they", "we"].iter().any(|p| is(stem, p)))
}

/// Is word token `i` a form of "to be" (a passive before a verb)?
pub(crate) fn is_be(t: &Text, i: usize) -> bool {
    t.is_word(i) && t.in_class(i, Class::BeForm)
}

/// The reporting verb at token `i`, with its particle when it has one
/// (`pointed out`): returns the verb facts and the last token of the cue.
/// ([`crate::cues::find`] has found them all.)
pub(crate) fn verb_at(t: &Text, i: usize) -> Option<(lexicon::VerbInfo, usize)> {
    t.verb(i)
}

/// Is word token `i` a capitalised word that can be part of a name?
fn is_name_word(t: &Text, i: usize) -> bool {
    t.has(i, Flags::NAME_WORD)
}

fn is_title_word(t: &Text, i: usize) -> bool {
    t.has(i, Flags::TITLE | Flags::NATIONALITY | Flags::ROLE) || t.in_class(i, Class::TitleWord)
}

/// The name starting at capitalised token `i`: `(first, last)` of the whole
/// run of capitalised words, connectors, initials and a trailing number.
pub(crate) fn name_run(t: &Text, i: usize, para_end: usize) -> Option<(usize, usize)> {
    if !is_name_word(t, i) {
        return None;
    }
    let mut last = i;
    let mut j = i + 1;
    while j < para_end && t.tokens[j].sentence == t.tokens[i].sentence {
        // `Mrs. Moore  Miss Quested` (a dash lost): a gendered honorific
        // after a name opens the next name.
        if t.lex.titles.get(t.tok(j)).is_some_and(|g| g.is_some())
            && (i..=last).any(|k| !t.lex.titles.contains_key(t.tok(k)))
        {
            break;
        }
        if is_name_word(t, j) && t.tokens[j].start > t.tokens[j - 1].end {
            last = j;
            j += 1;
            continue;
        }
        // "Bank of America", "Osama bin Laden", "Luis de la Fuente".
        let n = connectors_to_name(t, j, para_end);
        if n > 0 {
            last = j + n;
            j += n + 1;
            continue;
        }
        if t.has(j, Flags::DIGITS) && t.tok(j).len() <= 3 && j == last + 1 {
            last = j;
        }
        break;
    }
    // A possessive ends the name: "Putin’s exact face".
    if let Some(k) = (i..last).find(|&k| t.has(k, Flags::POSSESSIVE)) {
        last = k;
    }
    Some((i, last))
}

/// `reminded Mary of Ralph`: a connector between two first names (not a
/// name particle: `Maria de Souza`) joins no name.
fn between_first_names(t: &Text, j: usize) -> bool {
    j > 0
        && !t.in_class(j, Class::NameParticle)
        && t.lex.is_first_name(t.tok(j - 1))
        && t.lex.is_first_name(t.tok(j + 1))
}

/// How many connectors start at token `j` and lead to a name word right
/// after them (before `end`): one (`Bank of America`), or a pair opened by
/// a name particle (`Luis de la Fuente`, `Ursula von der Leyen`); 0 when
/// no name follows.
fn connectors_to_name(t: &Text, j: usize, end: usize) -> usize {
    if !t.has(j, Flags::CONNECTOR) {
        return 0;
    }
    if j + 1 < end && is_name_word(t, j + 1) {
        return usize::from(!between_first_names(t, j));
    }
    let pair = j + 2 < end
        && t.in_class(j, Class::NameParticle)
        && t.has(j + 1, Flags::CONNECTOR)
        && t.has(j + 1, Flags::LOWER)
        && is_name_word(t, j + 2)
        // `voorzitter Tuur Elzinga van de FNV`: an acronym is an
        // organisation's name, not a family name's.
        && !t.tok(j + 2).chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    if pair {
        2
    } else {
        0
    }
}

/// `la segretaria del Pd Elly Schlein`, `il segretario della Cgil Maurizio
/// Landini`, `the mayor of London Sadiq Khan`: in a name run right after
/// a role and its connector (`del`, `of`), the first word names the
/// role's organisation or place when the run has three words (or more,
/// after an acronym: `M5S`). Returns the first token of the name proper.
fn after_role_of(t: &Text, first: usize, last: usize) -> usize {
    let words = (first..=last).filter(|&k| t.is_word(k)).count();
    let acronym = t
        .tok(first)
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_ascii_digit());
    if !(words == 3 || words > 3 && acronym)
        || (first + 1..=last).any(|k| !is_name_word(t, k))
        || first < 2
    {
        return first;
    }
    let mut k = first - 1;
    if !links_complement(t, k) {
        return first;
    }
    while k > 0 && links_complement(t, k - 1) && k + 3 > first {
        k -= 1;
    }
    if k > 0 && t.is_word(k - 1) && t.has(k - 1, Flags::ROLE) {
        first + 1
    } else {
        first
    }
}

/// Splits a name run into title words and the name proper. Returns the
/// first token of the name proper, or `None` when it is all titles.
fn split_titles(t: &Text, first: usize, last: usize) -> Option<usize> {
    let mut k = first;
    // "FBI Director James Comey", "UN Secretary General Ban Ki-moon": an
    // office inside the run; its organisation is a descriptor and the name
    // proper follows the office (not in "Detroit General Hospital").
    if !is_title_word(t, first) {
        let office =
            |j: usize| t.has(j, Flags::TITLE | Flags::ROLE) || t.in_class(j, Class::TitleWord);
        if let Some(j) = (first + 1..last).find(|&j| office(j)) {
            let mut n = j;
            while n < last && (is_title_word(t, n) || t.tok(n) == "of") {
                n += 1;
            }
            if n > j && n <= last && !(n..=last).any(|x| t.has(x, Flags::ORG_WORD)) {
                k = j;
            }
        }
    }
    while k < last && (is_title_word(t, k) || t.tok(k) == "of") {
        k += 1;
    }
    // "Secretary of State John Kerry": skip the office name after "of".
    if k > first && t.tok(k - 1) == "of" {
        k += 1;
        if k > last {
            return None;
        }
    }
    // "President" alone, "Russian" alone: no name ("Kremlin" is one), but
    // for a surname that is a nationality word as the bare subject of a
    // reporting verb ("Cuban said", "French added").
    let bare_subject = || {
        first == last
            && t.verb(last + 1).is_some()
            && !(first > 0 && t.is_word(first - 1) && t.has(first - 1, Flags::DETERMINER))
    };
    // "Mr. King", "Sen. King", "Mr. Prince": after an abbreviated title a
    // title word is the surname ("Lt. Gov." stays an office).
    let abbreviated = |j: usize| {
        let w = t.tok(j);
        t.lex.is_abbreviation(w.strip_suffix('.').unwrap_or(w))
    };
    if k == last && k > first && t.has(k, Flags::TITLE) && abbreviated(k - 1) && !abbreviated(k) {
        return Some(k);
    }
    if k == last
        && (t.has(k, Flags::TITLE)
            || t.has(k, Flags::NATIONALITY) && !t.has(k, Flags::ORG_WORD) && !bare_subject())
    {
        return None;
    }
    Some(k)
}

/// A name mention from a name run `(first, last)`, with the descriptor
/// words before it (`Kremlin spokesman Dmitry Peskov`).
pub(crate) fn name_mention(t: &Text, first: usize, last: usize) -> Option<Mention> {
    let mut name_first = split_titles(t, first, last)?;
    if name_first == first {
        name_first = after_role_of(t, first, last);
    }
    let mut descriptors: Vec<Word> = (first..name_first)
        .map(|k| crate::text::lower_word(t.tok(k)))
        .collect();
    let mut gender = None;
    for k in first..name_first {
        if let Some(Some(g)) = t.lex.titles.get(t.tok(k)) {
            gender = Some(*g);
        } else if let Some(g) = t.lex.roles.get(t.tok(k)).and_then(|r| r.gender) {
            // `Bürgermeisterin Petra Hahn`: a role that shows its gender.
            gender = Some(g);
        }
    }
    // No title: a first name can tell ("Mary Jones"), in a name of two
    // words or more (a lone "Jordan" may be a surname or a country).
    if gender.is_none() && last > name_first {
        gender = t.lex.first_name_gender(t.tok(name_first));
    }
    // Lower-case role phrase right before: "Kremlin spokesman Dmitry Peskov",
    // "presidential candidate Donald Trump", "White House press secretary X".
    let sentence = t.tokens[first].sentence;
    let mut k = first;
    let mut saw_role = false;
    while k > 0 && t.tokens[k - 1].sentence == sentence && t.is_word(k - 1) {
        let lower = t.has(k - 1, Flags::LOWER);
        if lower && t.has(k - 1, Flags::ROLE | Flags::MODIFIER) {
            saw_role |= t.has(k - 1, Flags::ROLE);
            k -= 1;
        } else if !lower && saw_role && is_name_word(t, k - 1) {
            k -= 1;
        } else {
            break;
        }
    }
    let start = if saw_role { k } else { first };
    if saw_role {
        let mut extra: Vec<Word> = (k..first)
            .map(|j| crate::text::lower_word(t.tok(j)))
            .collect();
        extra.append(&mut descriptors);
        descriptors = extra;
    }
    Some(Mention {
        first: start,
        last,
        kind: MentionKind::Name,
        name: Some((name_first, last)),
        descriptors,
        gender,
    })
}

/// The mention (subject) that ends at token `end` (inclusive), reading
/// backwards; `floor` is the first token it may use.
pub(crate) fn mention_ending_at(t: &Text, end: usize, floor: usize) -> Option<Mention> {
    if end < floor || !t.is_word(end) {
        return None;
    }
    let w = t.tok(end);
    // "He’s claiming": the pronoun of a contraction.
    let w = if contracted_be(w) {
        ["’s", "'s", "’re", "'re"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w)
    } else {
        w
    };
    // A relative pronoun subject ("…, who said"): it stands for the name
    // before it, resolved later.
    if t.lex.is(Class::RelativePronoun, w) && end > floor {
        return Some(Mention::description(
            end,
            end,
            false,
            w == "which",
            vec![Word::from(w)],
        ));
    }
    // The token's own pronoun bit answers for the whole word.
    let pronoun = if w.len() == t.tok(end).len() {
        t.pronoun(end)
    } else {
        t.lex.pronoun(w)
    };
    if let Some(p) = pronoun {
        return Some(Mention::pronoun(end, p));
    }
    if is_name_word(t, end)
        || (t.tok(end).chars().all(|c| c.is_ascii_digit())
            && end > floor
            && is_name_word(t, end - 1))
    {
        // Walk back to the start of the capitalised run.
        let mut first = end;
        while first > floor && t.tokens[first - 1].sentence == t.tokens[end].sentence {
            let prev = first - 1;
            if is_name_word(t, prev) && !t.has(prev, Flags::POSSESSIVE) {
                first = prev;
            } else if t.has(prev, Flags::CONNECTOR)
                && prev > floor
                && is_name_word(t, prev - 1)
                && !between_first_names(t, prev)
            {
                first = prev - 1;
            } else if prev > floor + 1
                && connectors_to_name(t, prev - 1, end + 1) == 2
                && is_name_word(t, prev - 2)
            {
                first = prev - 2;
            } else {
                break;
            }
        }
        // Determiner before an organisation name: "the White House".
        let mut m = name_mention(t, first, end)?;
        if m.first > floor
            && t.in_class(m.first - 1, Class::DefiniteArticle)
            && t.is_word(m.first - 1)
        {
            m.first -= 1;
        }
        if t.has(end, Flags::ROLE)
            && t.lex.roles.get(t.tok(end)).is_some_and(|r| r.plural)
            && m.first == m.name.unwrap().0
            && first == end
        {
            // "Democrats said": a group.
            return Some(Mention::description(
                m.first,
                end,
                true,
                false,
                vec![crate::text::lower_word(t.tok(end))],
            ));
        }
        return Some(m);
    }
    // "Trump’s campaign said", "Ivana Trump's brief said".
    if end > floor && w.chars().next().is_some_and(char::is_lowercase) && t.is_capitalized(end - 1)
    {
        let owner = t.tok(end - 1);
        if strip_possessive(owner).len() + 1 < owner.len() && verb_at(t, end).is_none() {
            let mut first = end - 1;
            while first > floor && is_name_word(t, first - 1) {
                first -= 1;
            }
            return Some(Mention::description(
                first,
                end,
                false,
                t.lex.roles.get(w).is_some_and(|r| r.org),
                vec![
                    crate::text::lower_word(strip_possessive(owner)),
                    Word::from(w),
                ],
            ));
        }
    }
    // `Szijjártó Péter külügyminiszter`, `Marco Rossi szövetségi
    // kapitány`: where a role follows the name it describes, the name.
    if t.has(end, Flags::ROLE)
        && t.has(end, Flags::LOWER)
        && t.lex.is(Class::Convention, "role_after_name")
    {
        let mut k = end;
        while k > floor
            && k + 3 > end
            && t.is_word(k - 1)
            && t.has(k - 1, Flags::LOWER)
            && !t.has(k - 1, Flags::DETERMINER)
            && verb_at(t, k - 1).is_none()
        {
            k -= 1;
        }
        if k > floor && is_name_word(t, k - 1) {
            if let Some(mut m) =
                mention_ending_at(t, k - 1, floor).filter(|m| m.kind == MentionKind::Name)
            {
                m.descriptors
                    .extend((k..=end).map(|j| crate::text::lower_word(t.tok(j))));
                m.last = end;
                return Some(m);
            }
        }
    }
    if let Some(role) = t
        .has(end, Flags::ROLE)
        .then(|| t.lex.roles.get(w))
        .flatten()
    {
        // A description: walk back over modifiers to a determiner.
        let mut first = end;
        let mut descriptors = vec![Word::from(role.singular)];
        while first > floor
            && t.tokens[first - 1].sentence == t.tokens[end].sentence
            && t.is_word(first - 1)
        {
            let pw = t.tok(first - 1);
            if t.has(first - 1, Flags::DETERMINER) {
                first -= 1;
                break;
            }
            let lower = t.has(first - 1, Flags::LOWER);
            // `the central bank governor`: a lower-case noun the lists do
            // not know, with a determiner at most two words before it.
            let noun_modifier = || {
                lower
                    && verb_at(t, first - 1).is_none()
                    && (floor.max(first.saturating_sub(3))..first - 1).any(|k| {
                        t.has(k, Flags::DETERMINER)
                            && (k + 1..first).all(|j| t.is_word(j) && t.has(j, Flags::LOWER))
                    })
            };
            if (lower && t.has(first - 1, Flags::MODIFIER | Flags::ROLE))
                || noun_modifier()
                || (!lower && !t.has(first - 1, Flags::NOT_NAME))
                || pw.ends_with("’s")
                || pw.ends_with("'s")
            {
                descriptors.push(crate::text::lower_word(strip_possessive(pw)));
                first -= 1;
                continue;
            }
            break;
        }
        descriptors.reverse();
        // A bare singular role with no determiner is not a mention ("spokesman said").
        let has_det = t.has(first, Flags::DETERMINER);
        if !role.plural && !has_det && first == end {
            return None;
        }
        let mut m = Mention::description(first, end, role.plural, role.org, descriptors);
        m.gender = role.gender;
        return Some(m);
    }
    None
}

/// The mention starting at token `start`, reading forwards (`said Putin`,
/// `said the Kremlin spokesman`, `The Russian leader said`). Returns the
/// mention; its `last` tells where it ends.
pub(crate) fn mention_starting_at(t: &Text, start: usize, limit: usize) -> Option<Mention> {
    if start >= limit || !t.is_word(start) {
        return None;
    }
    if t.pronoun(start).is_some() {
        return mention_ending_at(t, start, start);
    }
    // Read forward over determiner, modifiers, titles, roles and names until
    // the phrase stops; then parse it backwards from its last word.
    let mut j = start;
    let mut last = None;
    while j < limit && t.is_word(j) && t.tokens[j].sentence == t.tokens[start].sentence {
        let lower = t.has(j, Flags::LOWER);
        let determiner = t.has(j, Flags::DETERMINER);
        // `top foreign policy aide Jake Sullivan`: a lower-case noun
        // modifying the role right after it.
        // `central bank governor`: up to two lower-case nouns before it.
        // Not a preposition or a determiner: `said Romero in a statement`
        // does not run on into `in a statement`.
        let modifies_role = || {
            lower
                && (j + 1..limit.min(j + 3))
                    .take_while(|&k| {
                        t.is_word(k)
                            && t.has(k, Flags::LOWER)
                            && !t.has(k, Flags::DETERMINER)
                            && verb_at(t, k).is_none()
                    })
                    .any(|k| t.has(k, Flags::ROLE))
                && !t.in_class(j, Class::AdverbialOpener)
        };
        let ok = determiner
            || is_name_word(t, j)
            || (lower && t.has(j, Flags::ROLE | Flags::MODIFIER))
            || (lower && t.has(j, Flags::TITLE) && is_name_word(t, j + 1))
            || modifies_role()
            || connectors_to_name(t, j, limit) > 0
            || (t.has(j, Flags::CONNECTOR) && j > start && t.has(j - 1, Flags::CONNECTOR))
            || (t.has(j, Flags::DIGITS) && j > start && is_name_word(t, j - 1));
        if !ok || (lower && verb_at(t, j).is_some()) {
            break;
        }
        if !determiner {
            last = Some(j);
        }
        let possessive = t.has(j, Flags::POSSESSIVE);
        j += 1;
        // A possessive ends a name; a description may follow ("Trump’s campaign").
        // "Trump’s campaign", "the Zionist Union Party’s Nachman Shai"
        let next_lower = j < limit && t.has(j, Flags::ROLE | Flags::MODIFIER | Flags::NAME_WORD);
        if possessive && !next_lower {
            break;
        }
    }
    let last = last?;
    let m = mention_ending_at(t, last, start)?;
    let m = role_complement(t, start, m, limit);
    (m.first <= start + 6).then_some(m)
}

/// Is token `k` a lower-case word that links a role to its complement
/// (`de`, `du`, `della`, `van`, `des`)?
fn links_complement(t: &Text, k: usize) -> bool {
    t.is_word(k) && t.has(k, Flags::LOWER) && t.has(k, Flags::CONNECTOR | Flags::DETERMINER)
}

/// The role whose complement name mention `m` is (`Lyon` in `le maire
/// de Lyon`, `Vox` in `el líder de Vox`), past `floor`: the description
/// of that role (`le maire`), when it is one.
pub(crate) fn role_before_complement(t: &Text, m: &Mention, floor: usize) -> Option<Mention> {
    if m.kind != MentionKind::Name {
        return None;
    }
    let role = role_linked_to(t, m.first, floor)?;
    mention_ending_at(t, role, floor).filter(|d| matches!(d.kind, MentionKind::Description { .. }))
}

/// The role word that the linking words before token `first` tie to it
/// (`maire` in `le maire de Lyon`, for `Lyon`), above `floor`.
fn role_linked_to(t: &Text, first: usize, floor: usize) -> Option<usize> {
    let mut c = first;
    while c > floor && links_complement(t, c - 1) {
        c -= 1;
    }
    (c != first && c > floor && t.has(c - 1, Flags::ROLE)).then(|| c - 1)
}

/// Name mention `n` in apposition to the description `desc` (`le maire
/// de Lyon, Grégory Doucet`): one mention from the description's first
/// token to the name's last, named by the name.
pub(crate) fn named_description(desc: Mention, n: Mention) -> Mention {
    let mut descriptors = desc.descriptors;
    descriptors.extend(n.descriptors);
    Mention {
        first: desc.first,
        last: n.last,
        kind: MentionKind::Name,
        name: n.name,
        descriptors,
        gender: n.gender.or(desc.gender),
    }
}

/// How many words a role's complement may have (`de la région`).
const MAX_COMPLEMENT: usize = 5;

/// A role with its complement, read forwards from `start` as mention `m`
/// (`le maire de Lyon`, `ein Sprecher des Auswärtigen Amtes`, `o
/// presidente do Banco Central`): the person is the name in apposition
/// after it (`le maire de Lyon, Grégory Doucet,`), else the role, not
/// the place or organisation that the complement names. A name run after
/// the complement (`il segretario della Cgil Maurizio Landini`) is the
/// name already, its organisation left out by [`name_mention`].
fn role_complement(t: &Text, start: usize, m: Mention, limit: usize) -> Mention {
    let (role, mut end) = match m.kind {
        MentionKind::Name if m.first > start && m.name.is_some_and(|(a, _)| a == m.first) => {
            match role_linked_to(t, m.first, start) {
                Some(role) => (role, m.last),
                None => return m,
            }
        }
        MentionKind::Description { plural: false, .. } if links_complement(t, m.last + 1) => {
            let mut e = m.last + 1;
            while e + 1 < limit
                && e < m.last + MAX_COMPLEMENT
                && t.is_word(e + 1)
                && verb_at(t, e + 1).is_none()
            {
                e += 1;
            }
            (m.last, e)
        }
        _ => return m,
    };
    let desc = if role == m.last {
        m.clone()
    } else {
        match mention_ending_at(t, role, start) {
            Some(d) if matches!(d.kind, MentionKind::Description { .. }) => d,
            // `ein Sprecher des Auswärtigen Amtes`: where nouns are
            // capitalised, the role reads as a name; it is a description.
            Some(d) if d.name == Some((role, role)) && t.lex.roles.contains_key(t.tok(role)) => {
                let first = if role > start && t.has(role - 1, Flags::DETERMINER) {
                    role - 1
                } else {
                    role
                };
                let info = t.lex.roles.get(t.tok(role));
                let mut d = Mention::description(
                    first,
                    role,
                    info.is_some_and(|r| r.plural),
                    info.is_some_and(|r| r.org),
                    vec![crate::text::lower_word(t.tok(role))],
                );
                d.gender = info.and_then(|r| r.gender);
                d
            }
            _ => return m,
        }
    };
    if !matches!(desc.kind, MentionKind::Description { .. }) {
        return m;
    }
    // The apposition: `, Grégory Doucet,` or `, Rui Costa.`
    if end + 2 < limit && t.is_punct(end + 1, ',') {
        end += 2;
        if let Some(n) = mention_starting_at(t, end, limit) {
            let closed = n.last + 1 >= limit || !t.is_word(n.last + 1);
            if n.kind == MentionKind::Name && closed {
                return named_description(desc, n);
            }
        }
    }
    if m.kind == MentionKind::Name {
        desc
    } else {
        m
    }
}

/// Every name mention in the text, in order.
pub(crate) fn names(t: &Text) -> Vec<Mention> {
    let mut out = Vec::new();
    for para in &t.paragraphs {
        let mut i = para.start;
        while i < para.end {
            if t.tokens[i].kind != Kind::Word || !t.is_capitalized(i) {
                i += 1;
                continue;
            }
            match name_run(t, i, para.end) {
                Some((first, last)) => {
                    if let Some(m) = name_mention(t, first, last) {
                        out.push(m);
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(t: &Text, m: &Mention) -> String {
        let (a, b) = m.byte_range(t);
        t.text[a..b].to_string()
    }

    #[test]
    fn names_split_titles_and_roles() {
        let t = Text::english("Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov and Putin’s aides.");
        let ms = names(&t);
        let got: Vec<(String, Vec<String>)> = ms
            .iter()
            .map(|m| {
                let descriptors = m.descriptors.iter().map(Word::to_string).collect();
                (text_of(&t, m), descriptors)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Vladimir Putin".to_string(),
                    vec!["russian".to_string(), "president".to_string()]
                ),
                ("Kremlin".to_string(), vec![]),
                (
                    "Dmitry Peskov".to_string(),
                    vec!["kremlin".to_string(), "spokesman".to_string()]
                ),
                ("Putin".to_string(), vec![]),
            ]
        );
    }

    #[test]
    fn an_honorific_after_a_name_opens_the_next_one() {
        let t = Text::english("Have a drink, Mrs. Moore  Miss Quested. Monsieur Hastings waited.");
        let got: Vec<String> = names(&t).iter().map(|m| text_of(&t, m)).collect();
        assert_eq!(got, ["Moore", "Quested", "Hastings"]);
        // Nor does `of` join two first names.
        let t = Text::english("It reminded Mary of Ralph, and of the Bank of America.");
        let got: Vec<String> = names(&t).iter().map(|m| text_of(&t, m)).collect();
        assert_eq!(got, ["Mary", "Ralph", "Bank of America"]);
    }

    #[test]
    fn subject_before_a_verb() {
        let t = Text::english(
            "Yesterday the Russian leader said so, and Sen. Ted Cruz said no, and he said yes.",
        );
        let said: Vec<usize> = (0..t.tokens.len())
            .filter(|&i| t.tok(i) == "said")
            .collect();
        let m = mention_ending_at(&t, said[0] - 1, 0).unwrap();
        assert_eq!(text_of(&t, &m), "the Russian leader");
        assert_eq!(m.descriptors, ["russian", "leader"]);
        let m = mention_ending_at(&t, said[1] - 1, 0).unwrap();
        assert_eq!(text_of(&t, &m), "Ted Cruz");
        let m = mention_ending_at(&t, said[2] - 1, 0).unwrap();
        assert!(matches!(m.kind, MentionKind::Pronoun(_)));
    }

    #[test]
    fn mention_after_a_verb() {
        let t = Text::english("said Dmitry Peskov, the spokesman.");
        let m = mention_starting_at(&t, 1, t.tokens.len()).unwrap();
        assert_eq!(text_of(&t, &m), "Dmitry Peskov");
        let t = Text::english("said the Kremlin spokesman.");
        let m = mention_starting_at(&t, 1, t.tokens.len()).unwrap();
        assert_eq!(text_of(&t, &m), "the Kremlin spokesman");
    }

    #[test]
    fn contracted_be_takes_both_apostrophes_and_any_case() {
        for w in ["He’s", "he's", "SHE’S", "it’s", "They’re", "we're"] {
            assert!(contracted_be(w), "{w}");
        }
        for w in [
            "he",
            "Hess",
            "Putin’s",
            "they’s",
            "we’s",
            "she’re",
            "everyone’s",
        ] {
            assert!(!contracted_be(w), "{w}");
        }
    }
}
