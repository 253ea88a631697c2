//! Word lists compiled into the crate (`data/*.txt`) and parsed once.
//!
//! The reporting verbs were chosen from the cue words of the PolNeAR training
//! annotations and the usual English verbs of saying; titles, roles and
//! nationalities from the sources annotated there.

use std::sync::LazyLock;

// The lexicons are probed for nearly every token: FxHash is several times
// faster than SipHash on short keys, and the keys are our own data.
use crate::model::{EntityKind, Gender};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What a reporting verb can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbInfo {
    /// The lemma (`say` for `said`).
    pub lemma: &'static str,
    /// A verb of saying (`said`, `added`), which can tag a direct quote;
    /// otherwise a verb of thinking or stance (`believes`, `wants`).
    pub speech: bool,
    /// Takes a bare clause (`said the plan failed`), not only `that …`.
    pub bare: bool,
    /// The particle that must follow (`point out`), if any.
    pub particle: Option<&'static str>,
    /// The form is an `-ing` participle (`saying`).
    pub gerund: bool,
}

/// Every reporting verb form, lower case.
pub(crate) static VERBS: LazyLock<HashMap<&'static str, VerbInfo>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../data/reporting_verbs.txt")) {
        let mut cols = line.split('\t');
        let class = cols.next().unwrap_or_default();
        let forms = cols.next().unwrap_or_default();
        let particle = cols.next().and_then(|p| p.strip_prefix('+'));
        let info = VerbInfo {
            lemma: forms.split(' ').next().unwrap_or_default(),
            speech: class.starts_with('s'),
            bare: class.ends_with('*'),
            particle,
            gerund: false,
        };
        for form in forms.split(' ') {
            let info = VerbInfo {
                gerund: form.ends_with("ing"),
                ..info
            };
            // A speech reading wins over a cognition one for shared forms.
            map.entry(form)
                .and_modify(|old: &mut VerbInfo| {
                    old.speech |= info.speech;
                    old.bare |= info.bare;
                })
                .or_insert(info);
        }
    }
    map
});

/// Titles before a person's name, with the gender they show.
pub(crate) static TITLES: LazyLock<HashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
    data_lines(include_str!("../data/titles.txt"))
        .map(|line| {
            let mut cols = line.split('\t');
            let title = cols.next().unwrap_or_default();
            let gender = match cols.next() {
                Some("male") => Some(Gender::Male),
                Some("female") => Some(Gender::Female),
                _ => None,
            };
            (title, gender)
        })
        .collect()
});

/// A role noun's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RoleInfo {
    /// The singular form.
    pub singular: &'static str,
    /// The role is held by an organisation (`campaign`, `ministry`).
    pub org: bool,
    /// The form is plural.
    pub plural: bool,
}

/// Role nouns (singular and plural forms), lower case.
pub(crate) static ROLES: LazyLock<HashMap<&'static str, RoleInfo>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../data/roles.txt")) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let org = cols.get(2) == Some(&"org");
        let singular = cols[0];
        map.insert(
            singular,
            RoleInfo {
                singular,
                org,
                plural: false,
            },
        );
        if let Some(plural) = cols.get(1) {
            map.insert(
                *plural,
                RoleInfo {
                    singular,
                    org,
                    plural: true,
                },
            );
        }
        // Capitalised forms too ("Spokesman", "Officials"), so words in
        // names are looked up without lower-casing.
        for (form, plural) in [(Some(singular), false), (cols.get(1).copied(), true)] {
            if let Some(form) = form {
                let cap: &'static str = Box::leak(capitalized(form).into_boxed_str());
                map.insert(
                    cap,
                    RoleInfo {
                        singular,
                        org,
                        plural,
                    },
                );
            }
        }
    }
    map
});

/// Nationality adjectives, mapped to the place they name.
pub(crate) static NATIONALITIES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        data_lines(include_str!("../data/nationalities.txt"))
            .filter_map(|line| line.split_once('\t'))
            .collect()
    });

/// Words that make a name an organisation (or a media outlet).
pub(crate) static ORG_WORDS: LazyLock<HashMap<&'static str, EntityKind>> = LazyLock::new(|| {
    data_lines(include_str!("../data/org_words.txt"))
        .map(|line| match line.split_once('\t') {
            Some((word, "media")) => (word, EntityKind::Media),
            _ => (line, EntityKind::Organisation),
        })
        .collect()
});

/// Capitalised words that never start or join a name.
pub(crate) static NOT_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/not_names.txt")).collect());

/// `word` with its first letter upper-cased (`russian` → `Russian`).
pub(crate) fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Lines of a data file without comments and blank lines.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The pronouns that can be a speaker, with their gender and number.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "He" => Pronoun {
            gender: Some(Gender::Male),
            plural: false,
            person: 3,
        },
        "she" | "She" => Pronoun {
            gender: Some(Gender::Female),
            plural: false,
            person: 3,
        },
        "they" | "They" => Pronoun {
            gender: None,
            plural: true,
            person: 3,
        },
        "it" | "It" => Pronoun {
            gender: None,
            plural: false,
            person: 0,
        },
        "I" => Pronoun {
            gender: None,
            plural: false,
            person: 1,
        },
        "we" | "We" => Pronoun {
            gender: None,
            plural: true,
            person: 1,
        },
        _ => return None,
    })
}

/// A pronoun's features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pronoun {
    /// He or she.
    pub gender: Option<Gender>,
    /// They or we.
    pub plural: bool,
    /// 1 for I/we, 3 for he/she/they, 0 for it (a thing or organisation).
    pub person: u8,
}

/// Parses every lexicon now, so the first extraction pays nothing.
pub(crate) fn force() {
    LazyLock::force(&VERBS);
    LazyLock::force(&TITLES);
    LazyLock::force(&ROLES);
    LazyLock::force(&NATIONALITIES);
    LazyLock::force(&ORG_WORDS);
    LazyLock::force(&NOT_NAMES);
}

/// Verbs whose object is what they name or judge (`called it a “disgrace”`,
/// `described him as “dangerous”`): with quoted words in the object they
/// report mixed speech even without a clause.
pub(crate) fn is_labeling(lemma: &str) -> bool {
    matches!(
        lemma,
        "call"
            | "describe"
            | "label"
            | "dub"
            | "brand"
            | "characterize"
            | "characterise"
            | "criticize"
            | "criticise"
            | "condemn"
            | "denounce"
            | "slam"
            | "blast"
            | "attack"
            | "lambast"
            | "praise"
            | "hail"
            | "applaud"
            | "cite"
            | "reference"
            | "mock"
            | "accuse"
            | "blame"
            | "dismiss"
            | "reject"
            | "question"
            | "defend"
            | "deride"
            | "term"
            | "refer"
            | "welcome"
            | "urge"
            | "warn"
            | "promise"
            | "pledge"
            | "vow"
            | "demand"
            | "decry"
            | "tout"
            | "ridicule"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_at_least_150_reporting_verbs_with_inflections() {
        let lemmas = data_lines(include_str!("../data/reporting_verbs.txt")).count();
        assert!(lemmas >= 150, "{lemmas} lemmas");
        for form in [
            "say", "says", "said", "saying", "told", "stressed", "noting", "wrote",
        ] {
            assert!(VERBS.contains_key(form), "{form}");
        }
        assert!(VERBS["said"].speech && VERBS["said"].bare);
        assert!(!VERBS["believes"].speech);
        assert!(VERBS["saying"].gerund);
        assert_eq!(VERBS["pointed"].particle, Some("out"));
    }

    #[test]
    fn titles_roles_and_nationalities_parse() {
        assert_eq!(TITLES["Mrs."], Some(Gender::Female));
        assert_eq!(TITLES["President"], None);
        assert_eq!(ROLES["spokesmen"].singular, "spokesman");
        assert!(ROLES["campaign"].org);
        assert_eq!(NATIONALITIES["Russian"], "Russia");
        assert_eq!(ORG_WORDS["Times"], EntityKind::Media);
        assert!(NOT_NAMES.contains("However"));
    }
}
