//! The words of a language: a [`Lexicon`] value, parsed from the files of
//! `lang/<code>/` (compiled into the crate with `include_str!`), which the
//! [`Extractor`](crate::Extractor) holds.
//!
//! Every word the engine tests text against comes from a lexicon: the
//! reporting verbs with their forms, titles, role nouns, nationalities,
//! organisation words, words that are never names, first names with their
//! gender, pronouns, determiners, and the word classes of `classes.txt`.
//! A language is a folder of those files and one line in [`LANGUAGES`].
//!
//! The English reporting verbs were chosen from the cue words of the
//! PolNeAR training annotations and the usual English verbs of saying;
//! titles, roles and nationalities from the sources annotated there.

use std::sync::{Arc, OnceLock};

// The lexicons are probed for nearly every token: FxHash is several times
// faster than SipHash on short keys, and the keys are our own data.
use crate::error::{Error, ErrorKind};
use crate::model::{EntityKind, Gender};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The files of a lexicon folder, each read by the parser of the same name.
/// A folder must hold every one (an empty file, or one with only its `#`
/// header, is an empty list).
pub const LEXICON_FILES: &[&str] = &[
    "reporting_verbs.txt",
    "prepositional_cues.txt",
    "titles.txt",
    "roles.txt",
    "nationalities.txt",
    "org_words.txt",
    "not_names.txt",
    "first_names.tsv",
    "pronouns.txt",
    "determiners.txt",
    "classes.txt",
    "complementizers.txt",
    "reported_mood.txt",
    "auxiliaries.txt",
    "according.txt",
    "places.txt",
];

/// The files of `lang/<code>/`, compiled in, in the order of
/// [`LEXICON_FILES`].
macro_rules! language {
    ($code:literal) => {
        (
            $code,
            [
                include_str!(concat!("../lang/", $code, "/reporting_verbs.txt")),
                include_str!(concat!("../lang/", $code, "/prepositional_cues.txt")),
                include_str!(concat!("../lang/", $code, "/titles.txt")),
                include_str!(concat!("../lang/", $code, "/roles.txt")),
                include_str!(concat!("../lang/", $code, "/nationalities.txt")),
                include_str!(concat!("../lang/", $code, "/org_words.txt")),
                include_str!(concat!("../lang/", $code, "/not_names.txt")),
                include_str!(concat!("../lang/", $code, "/first_names.tsv")),
                include_str!(concat!("../lang/", $code, "/pronouns.txt")),
                include_str!(concat!("../lang/", $code, "/determiners.txt")),
                include_str!(concat!("../lang/", $code, "/classes.txt")),
                include_str!(concat!("../lang/", $code, "/complementizers.txt")),
                include_str!(concat!("../lang/", $code, "/reported_mood.txt")),
                include_str!(concat!("../lang/", $code, "/auxiliaries.txt")),
                include_str!(concat!("../lang/", $code, "/according.txt")),
                include_str!(concat!("../lang/", $code, "/places.txt")),
            ],
        )
    };
}

/// The languages compiled in: a code and its files. Adding a language is
/// adding its folder and a line here.
const LANGUAGES: &[(&str, [&str; LEXICON_FILES.len()])] = &[
    language!("en"),
    language!("de"),
    language!("fr"),
    language!("es"),
    language!("it"),
    language!("pt"),
    language!("nl"),
    language!("hu"),
];

/// The built-in lexicons, each parsed on first use and then shared.
static BUILT_IN: [OnceLock<Arc<Lexicon>>; LANGUAGES.len()] =
    [const { OnceLock::new() }; LANGUAGES.len()];

/// Word classes the sieves test words against (`classes.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub(crate) enum Class {
    /// Lower-case words inside names (`bin`, `van`, `of`).
    Connector,
    /// Lower-case modifiers inside a description (`former`, `senior`).
    Modifier,
    /// Suffixes that make a word a modifier (`-ial`, `-ican`).
    ModifierSuffix,
    /// Words between a subject and its verb (`also`, `has`).
    AdverbAux,
    /// The adverb suffix (`-ly`).
    AdverbSuffix,
    /// Nouns with the adverb suffix (`family`).
    AdverbSuffixNoun,
    /// Long names with the adverb suffix (`Kimberly`).
    AdverbSuffixName,
    /// Reporting verbs whose object is what they name or judge (`call`).
    Labeling,
    /// Abbreviations that take a period (`Jr.`, `Inc.`), without it.
    Abbreviation,
    /// Abbreviations that take a period only before a number (`No. 10`),
    /// being words of their own elsewhere (`No. Passion is sanity`).
    NumberAbbreviation,
    /// Verbs (lemmas) of appeal, with an object and an infinitive (`urged Congress to act`).
    AppealVerb,
    /// Words after a verb of saying that do not open a clause.
    NotClauseOpener,
    /// Articles, lower case.
    Article,
    /// Pronouns that open a bare clause (`noted she has pushed`).
    ClauseSubject,
    /// Objects of a reporting verb that are its addressees (`told reporters`, `told him`).
    AddresseeObject,
    /// Words that open an embedded question (`asked whether`).
    QuestionComplementizer,
    /// Forms of verbs that take the addressee as object (`told reporters`).
    TellForm,
    /// Verbs (lemmas) of intent and appeal whose content is an infinitive (`vowed to fight`).
    InfinitiveReporting,
    /// Reporting verbs (lemmas) whose object is what is reported (`denied any role`, `cited the report`); beyond the first line, mined from PolNeAR train.
    ObjectReporting,
    /// Contrastive conjunctions (`while`, `whereas`).
    Contrast,
    /// Prepositions before a second reporting verb that end the first content.
    ReportCutPreposition,
    /// Conjunctions that join a second clause (where a second report may start).
    ClauseJoiner,
    /// Coordinators `and`, `or`.
    AndOr,
    /// Words after a reporting verb that make its object no bare clause.
    ObjectOrPreposition,
    /// Words after a reporting verb that do not open its content (prepositions, comparatives).
    NotContentOpener,
    /// Words that open a reported question (`asked why`).
    QuestionOpener,
    /// Verbs (lemmas) of asking, whose content is a question.
    Asking,
    /// Parts of the day after a time word (`Monday morning`).
    DayPart,
    /// Capitalised words that open a sentence before its subject (`But`, `Meanwhile`).
    SentenceOpener,
    /// Words that cannot open a sentence subject.
    NotSubject,
    /// Function words that cannot be inside a generic description.
    NotDescriptionWord,
    /// Finite auxiliaries and modals.
    FiniteAuxiliary,
    /// Prepositions of a postmodifier (`director of …`).
    PostmodifierPreposition,
    /// Relative pronouns of a subject (`who`, `whose`).
    RelativeSubjectPronoun,
    /// Articles, in both cases.
    ArticleAnyCase,
    /// Irregular past tense forms.
    IrregularPast,
    /// Words that cannot end a subject phrase.
    SubjectPhraseEnd,
    /// Words that open a subordinate clause.
    Subordinator,
    /// Quantifiers that are a subject by themselves (`most said`, `others`).
    QuantifierSubject,
    /// Verbs (lemmas) whose past form is the base form (`read`, `put`).
    SamePastForm,
    /// Words before a mention that make it no subject of the verb (`by`, `after`).
    SubjectBlocker,
    /// Coordinators `and`, `but`.
    AndBut,
    /// Determiners of a generic subject (`the man`, `some officials`), in both cases.
    GenericDeterminerAnyCase,
    /// Words that may follow a generic speaker after its verb.
    AfterGenericSpeaker,
    /// Determiners of a generic speaker after its verb (`said the man`), lower case.
    GenericDeterminer,
    /// Words that open an adverbial after a tag (`said on Monday`, `said as …`).
    AdverbialTailOpener,
    /// Articles, capitalised.
    ArticleCapital,
    /// Words that open an adverbial phrase or clause at a sentence start.
    AdverbialOpener,
    /// Subject pronouns.
    SubjectPronoun,
    /// Verbs of thinking (lemmas) that tag a quote of a character's
    /// thoughts after it (`“…,” thought Alice`, `“…,” she thought`).
    ThoughtTagVerb,
    /// Sentence openers the subject follows (`Then Poirot rose`).
    SubjectOpener,
    /// Words that open a time adverbial (`last week`, `in March`).
    TimeAdverbialOpener,
    /// Prepositions that open an adverbial.
    AdverbialPreposition,
    /// Days and deictic time words (`Monday`, `today`).
    TimeWord,
    /// The definite article, in both cases.
    DefiniteArticle,
    /// Relative pronouns (`who`, `which`).
    RelativePronoun,
    /// Capitalised words inside a title phrase (`Former`, `Vice`).
    TitleWord,
    /// Forms of `be`.
    BeForm,
    /// Words a generic `leader` description can stand for.
    LeaderWord,
    /// Words written with an elision apostrophe before them (`’tis`, `’em`).
    ElidedWord,
    /// Determiners after which a reporting-verb form is a noun (`a call for`).
    NounDeterminer,
    /// Words after which a reporting-verb form is a noun (`the claims are`).
    NounReadingNext,
    /// Lower-case words after a name that make a media or organisation compound (`press`).
    OrgCompound,
    /// Subordinators that open the reported clause itself after a verb of
    /// saying (`said if elected he would …`).
    ContentSubordinator,
    /// The writing conventions the language follows, by name (see
    /// `classes.txt`): `split_quote_across_stop`, `particle_at_clause_end`.
    Convention,
    /// Pronouns of a man, in every case and position (`he`, `his`, `Him`).
    MalePronoun,
    /// Pronouns of a woman, in every case and position (`she`, `her`).
    FemalePronoun,
    /// Nouns that name a man (`father`, `gentleman`), lower case.
    MaleNoun,
    /// Nouns that name a woman (`mother`, `lady`), lower case.
    FemaleNoun,
    /// Connectors that may open a pair of them inside a name (`de` in
    /// `Luis de la Fuente`, `von` in `Ursula von der Leyen`).
    NameParticle,
    /// Nouns of written words (`slogan`, `sign`): the quote right after
    /// one is a text without a speaker (`el lema «Sanidad pública ya»`).
    Inscription,
    /// Words written elided onto the next word, without the apostrophe
    /// (`l` of `l'Insee`, `dell` of `dell'Istat`): the tokenizer cuts
    /// the word after the apostrophe.
    ElidedPrefix,
    /// Reflexive pronouns before a reporting verb's auxiliary (`s'` of
    /// `s'est félicitée`), which an inverted tag steps over.
    ReflexiveClitic,
    /// Prepositions whose object is talked of, not acting (`a friend as
    /// Mrs. Jennings`, `looked at Dorian Gray`).
    GoverningPreposition,
    /// Prepositions of place (`in Berlin`, `at Hetton`).
    PlacePreposition,
    /// Words that end the name of a place (`Road`, `Street`, `Abbey`).
    PlaceWord,
    /// Particles and adverbs a verb of saying takes before its comma
    /// (`cried out, “…”`, `read aloud, “…”`).
    TagParticle,
    /// Words before a name spoken to (`my dear Mr. Bennet`, `Oh, Jane`),
    /// exact forms.
    VocativeOpener,
}

/// The classes of a word, one bit per [`Class`].
pub(crate) type ClassBits = u128;

// A class is a bit of a `ClassBits` in `Lexicon::class_bits`.
const _: () = assert!(Class::ALL.len() <= ClassBits::BITS as usize);

impl Class {
    /// Every class, in the order of its discriminant.
    const ALL: [Class; 78] = [
        Class::Connector,
        Class::Modifier,
        Class::ModifierSuffix,
        Class::AdverbAux,
        Class::AdverbSuffix,
        Class::AdverbSuffixNoun,
        Class::AdverbSuffixName,
        Class::Labeling,
        Class::Abbreviation,
        Class::NumberAbbreviation,
        Class::AppealVerb,
        Class::NotClauseOpener,
        Class::Article,
        Class::ClauseSubject,
        Class::AddresseeObject,
        Class::QuestionComplementizer,
        Class::TellForm,
        Class::InfinitiveReporting,
        Class::ObjectReporting,
        Class::Contrast,
        Class::ReportCutPreposition,
        Class::ClauseJoiner,
        Class::AndOr,
        Class::ObjectOrPreposition,
        Class::NotContentOpener,
        Class::QuestionOpener,
        Class::Asking,
        Class::DayPart,
        Class::SentenceOpener,
        Class::NotSubject,
        Class::NotDescriptionWord,
        Class::FiniteAuxiliary,
        Class::PostmodifierPreposition,
        Class::RelativeSubjectPronoun,
        Class::ArticleAnyCase,
        Class::IrregularPast,
        Class::SubjectPhraseEnd,
        Class::Subordinator,
        Class::QuantifierSubject,
        Class::SamePastForm,
        Class::SubjectBlocker,
        Class::AndBut,
        Class::GenericDeterminerAnyCase,
        Class::AfterGenericSpeaker,
        Class::GenericDeterminer,
        Class::AdverbialTailOpener,
        Class::ArticleCapital,
        Class::AdverbialOpener,
        Class::SubjectPronoun,
        Class::ThoughtTagVerb,
        Class::SubjectOpener,
        Class::TimeAdverbialOpener,
        Class::AdverbialPreposition,
        Class::TimeWord,
        Class::DefiniteArticle,
        Class::RelativePronoun,
        Class::TitleWord,
        Class::BeForm,
        Class::LeaderWord,
        Class::ElidedWord,
        Class::NounDeterminer,
        Class::NounReadingNext,
        Class::OrgCompound,
        Class::ContentSubordinator,
        Class::Convention,
        Class::MalePronoun,
        Class::FemalePronoun,
        Class::MaleNoun,
        Class::FemaleNoun,
        Class::NameParticle,
        Class::Inscription,
        Class::ElidedPrefix,
        Class::ReflexiveClitic,
        Class::GoverningPreposition,
        Class::PlacePreposition,
        Class::PlaceWord,
        Class::TagParticle,
        Class::VocativeOpener,
    ];

    /// The class's name in `classes.txt`.
    fn name(self) -> &'static str {
        match self {
            Class::Connector => "connector",
            Class::Modifier => "modifier",
            Class::ModifierSuffix => "modifier_suffix",
            Class::AdverbAux => "adverb_aux",
            Class::AdverbSuffix => "adverb_suffix",
            Class::AdverbSuffixNoun => "adverb_suffix_noun",
            Class::AdverbSuffixName => "adverb_suffix_name",
            Class::Labeling => "labeling",
            Class::Abbreviation => "abbreviation",
            Class::NumberAbbreviation => "number_abbreviation",
            Class::AppealVerb => "appeal_verb",
            Class::NotClauseOpener => "not_clause_opener",
            Class::Article => "article",
            Class::ClauseSubject => "clause_subject",
            Class::AddresseeObject => "addressee_object",
            Class::QuestionComplementizer => "question_complementizer",
            Class::TellForm => "tell_form",
            Class::InfinitiveReporting => "infinitive_reporting",
            Class::ObjectReporting => "object_reporting",
            Class::Contrast => "contrast",
            Class::ReportCutPreposition => "report_cut_preposition",
            Class::ClauseJoiner => "clause_joiner",
            Class::AndOr => "and_or",
            Class::ObjectOrPreposition => "object_or_preposition",
            Class::NotContentOpener => "not_content_opener",
            Class::QuestionOpener => "question_opener",
            Class::Asking => "asking",
            Class::DayPart => "day_part",
            Class::SentenceOpener => "sentence_opener",
            Class::NotSubject => "not_subject",
            Class::NotDescriptionWord => "not_description_word",
            Class::FiniteAuxiliary => "finite_auxiliary",
            Class::PostmodifierPreposition => "postmodifier_preposition",
            Class::RelativeSubjectPronoun => "relative_subject_pronoun",
            Class::ArticleAnyCase => "article_any_case",
            Class::IrregularPast => "irregular_past",
            Class::SubjectPhraseEnd => "subject_phrase_end",
            Class::Subordinator => "subordinator",
            Class::QuantifierSubject => "quantifier_subject",
            Class::SamePastForm => "same_past_form",
            Class::SubjectBlocker => "subject_blocker",
            Class::AndBut => "and_but",
            Class::GenericDeterminerAnyCase => "generic_determiner_any_case",
            Class::AfterGenericSpeaker => "after_generic_speaker",
            Class::GenericDeterminer => "generic_determiner",
            Class::AdverbialTailOpener => "adverbial_tail_opener",
            Class::ArticleCapital => "article_capital",
            Class::AdverbialOpener => "adverbial_opener",
            Class::SubjectPronoun => "subject_pronoun",
            Class::ThoughtTagVerb => "thought_tag_verb",
            Class::SubjectOpener => "subject_opener",
            Class::TimeAdverbialOpener => "time_adverbial_opener",
            Class::AdverbialPreposition => "adverbial_preposition",
            Class::TimeWord => "time_word",
            Class::DefiniteArticle => "definite_article",
            Class::RelativePronoun => "relative_pronoun",
            Class::TitleWord => "title_word",
            Class::BeForm => "be_form",
            Class::LeaderWord => "leader_word",
            Class::ElidedWord => "elided_word",
            Class::NounDeterminer => "noun_determiner",
            Class::NounReadingNext => "noun_reading_next",
            Class::OrgCompound => "org_compound",
            Class::ContentSubordinator => "content_subordinator",
            Class::Convention => "convention",
            Class::MalePronoun => "male_pronoun",
            Class::FemalePronoun => "female_pronoun",
            Class::MaleNoun => "male_noun",
            Class::FemaleNoun => "female_noun",
            Class::NameParticle => "name_particle",
            Class::Inscription => "inscription",
            Class::ElidedPrefix => "elided_prefix",
            Class::ReflexiveClitic => "reflexive_clitic",
            Class::GoverningPreposition => "governing_preposition",
            Class::PlacePreposition => "place_preposition",
            Class::PlaceWord => "place_word",
            Class::TagParticle => "tag_particle",
            Class::VocativeOpener => "vocative_opener",
        }
    }
}

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

/// A role noun's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RoleInfo {
    /// The singular form.
    pub singular: &'static str,
    /// The role is held by an organisation (`campaign`, `ministry`).
    pub org: bool,
    /// The form is plural.
    pub plural: bool,
    /// The gender the form shows (German `Ministerin`, French
    /// `présidente`), where it shows one.
    pub gender: Option<Gender>,
}

/// The words of one language, as the engine uses them: build it once (or
/// take a built-in one with [`Lexicon::english`] or [`Lexicon::built_in`])
/// and give it to [`ExtractorBuilder::lexicon`](crate::ExtractorBuilder::lexicon).
///
/// ```
/// use quotewise::Lexicon;
///
/// let en = Lexicon::english();
/// assert_eq!(en.code(), "en");
/// assert!(Lexicon::languages().any(|code| code == "en"));
/// ```
pub struct Lexicon {
    code: &'static str,
    /// Every reporting verb form, lower case.
    pub(crate) verbs: HashMap<&'static str, VerbInfo>,
    /// Every particle of each separable form (German `stellte` takes
    /// `fest` and `klar`), for languages that put the particle at the end
    /// of the clause (the `particle_at_clause_end` convention).
    pub(crate) particles: HashMap<&'static str, Vec<&'static str>>,
    /// `(lemma, preposition)` pairs whose prepositional object is reported
    /// (`called for a ban`, `railed against the deal`).
    prepositional_cues: HashSet<(&'static str, &'static str)>,
    /// Titles before a person's name, with the gender they show.
    pub(crate) titles: HashMap<&'static str, Option<Gender>>,
    /// The titles in lower case (`president`, `mr.`), as descriptors are kept.
    pub(crate) lower_titles: HashSet<String>,
    /// Role nouns, singular and plural, lower case and capitalised.
    pub(crate) roles: HashMap<Box<str>, RoleInfo>,
    /// Nationality adjectives, mapped to the place they name.
    pub(crate) nationalities: HashMap<&'static str, &'static str>,
    /// The places nationalities name (`Russia`), as names are written.
    pub(crate) places: HashSet<&'static str>,
    /// Names that, with nothing saying otherwise, are places (`Bath`,
    /// `St. Petersburg`): `places.txt`.
    pub(crate) place_names: HashSet<&'static str>,
    /// Words that make a name an organisation (or a media outlet).
    pub(crate) org_words: HashMap<&'static str, EntityKind>,
    /// First names with the share of those given them who were boys.
    first_names: HashMap<&'static str, f32>,
    /// Capitalised words that never start or join a name.
    pub(crate) not_names: HashSet<&'static str>,
    /// The pronouns that can be a speaker (lower case; first reading).
    pronouns: HashMap<&'static str, Pronoun>,
    /// The byte length of the longest pronoun's capitalised form.
    longest_pronoun: usize,
    /// The words that take an abbreviation period, without it: the titles
    /// written with one (`Sen`) and the abbreviation class.
    abbreviation_stems: HashSet<&'static str>,
    /// The words that open a reported clause (`that`, `dass`), each with
    /// whether it opens a reported question (`whether`, `ob`).
    pub(crate) complementizers: HashMap<&'static str, bool>,
    /// Verb forms whose mood marks reported speech (German Konjunktiv I:
    /// `sei`, `habe`).
    pub(crate) reported_mood: HashSet<&'static str>,
    /// The finite auxiliaries of compound tenses, lower case (`a` of
    /// French `a déclaré`, `ha` of Italian `ha detto`).
    pub(crate) auxiliaries: HashSet<&'static str>,
    /// The according-to markers (`according to _`, `_ zufolge`).
    pub(crate) markers: Vec<Marker>,
    /// For the first word of each marker, lower case, the markers it opens.
    marker_index: HashMap<Box<str>, Vec<usize>>,
    /// The words of each [`Class`].
    classes: [HashSet<&'static str>; Class::ALL.len()],
    /// For each word of 16 bytes or more of any class, a bit per class it
    /// is in (shorter words keep theirs in the word table).
    class_bits_long: HashMap<&'static str, ClassBits>,
    /// The modifier and adverb suffixes, packed for [`Lexicon::flags_at`].
    modifier_suffixes: Vec<Suffix>,
    adverb_suffixes: Vec<Suffix>,
    /// Whether some modifier or adverb suffix ends with the byte: a word
    /// ending otherwise (most words) is tested against none of them.
    suffix_last: [bool; 256],
    /// Every listed word form with its list bits.
    word_flags: WordFlags,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("code", &self.code)
            .field("verbs", &self.verbs.len())
            .field("titles", &self.titles.len())
            .field("roles", &self.roles.len())
            .finish_non_exhaustive()
    }
}

/// A word suffix of 1 to 4 bytes, as [`Lexicon::flags_at`] compares it: the
/// bytes packed little-endian and the length.
#[derive(Clone, Copy, Debug)]
struct Suffix {
    bytes: u32,
    len: usize,
}

impl Lexicon {
    /// The English lexicon (`lang/en/`), parsed once and shared.
    pub fn english() -> Arc<Lexicon> {
        Lexicon::built_in("en").expect("English is built in")
    }

    /// The built-in lexicon of the language `code` (`"en"`), parsed on
    /// first use and shared; `None` for a language not compiled in.
    pub fn built_in(code: &str) -> Option<Arc<Lexicon>> {
        let k = LANGUAGES.iter().position(|(c, _)| *c == code)?;
        let (code, files) = LANGUAGES[k];
        let files: Vec<(&str, &'static str)> = LEXICON_FILES.iter().copied().zip(files).collect();
        Some(
            BUILT_IN[k]
                .get_or_init(|| {
                    Arc::new(
                        Lexicon::from_files(code, &files)
                            .unwrap_or_else(|e| panic!("built-in lexicon {code}: {e}")),
                    )
                })
                .clone(),
        )
    }

    /// The codes of the built-in languages.
    pub fn languages() -> impl Iterator<Item = &'static str> {
        LANGUAGES.iter().map(|(code, _)| *code)
    }

    /// Parses a lexicon from its files: `(file name, contents)` pairs, the
    /// names those of [`LEXICON_FILES`]; a file left out is an empty list.
    /// The contents are borrowed for the lexicon's life (`'static`: compile
    /// them in with `include_str!`, or leak a `String` read at run time).
    ///
    /// # Errors
    /// A file name not in [`LEXICON_FILES`], or a malformed line: the error
    /// names the file and the line, and says what was expected.
    ///
    /// ```
    /// use quotewise::Lexicon;
    ///
    /// let toy = Lexicon::from_files("xx", &[("reporting_verbs.txt", "s*\tblorp blorps blorped\n")])
    ///     .unwrap();
    /// assert_eq!(toy.code(), "xx");
    /// let err = Lexicon::from_files("xx", &[("pronouns.txt", "he\t3\tmale\tsg\n")]).unwrap_err();
    /// assert_eq!(err.location().file.as_deref(), Some("lang/xx/pronouns.txt"));
    /// assert_eq!(err.location().line, Some(1));
    /// ```
    pub fn from_files(
        code: &'static str,
        files: &[(&str, &'static str)],
    ) -> Result<Lexicon, Error> {
        let mut by_name: [&'static str; LEXICON_FILES.len()] = [""; LEXICON_FILES.len()];
        for &(name, contents) in files {
            let Some(k) = LEXICON_FILES.iter().position(|f| *f == name) else {
                return Err(Error::new(
                    ErrorKind::Config,
                    format!(
                        "unknown lexicon file {name:?}: expected one of {}",
                        LEXICON_FILES.join(", ")
                    ),
                )
                .in_file(format!("lang/{code}/{name}")));
            };
            by_name[k] = contents;
        }
        let file = |name: &str| {
            let k = LEXICON_FILES
                .iter()
                .position(|f| *f == name)
                .expect("a lexicon file");
            DataFile {
                path: format!("lang/{code}/{name}"),
                contents: by_name[k],
            }
        };
        let (verbs, particles) = parse_verbs(&file("reporting_verbs.txt"))?;
        let prepositional_cues = file("prepositional_cues.txt")
            .lines()
            .map(|(n, line, f)| f.columns(n, line, 2).map(|c| (c[0], c[1])))
            .collect::<Result<_, _>>()?;
        let titles: HashMap<&'static str, Option<Gender>> = file("titles.txt")
            .lines()
            .map(|(n, line, f)| {
                let mut cols = line.split('\t');
                let title = cols.next().unwrap_or_default();
                let gender = match cols.next() {
                    None | Some("") => None,
                    Some("male") => Some(Gender::Male),
                    Some("female") => Some(Gender::Female),
                    Some(other) => {
                        return Err(f.error(
                            n,
                            format!("expected male or female after the tab, found {other:?}"),
                        ))
                    }
                };
                Ok((title, gender))
            })
            .collect::<Result<_, _>>()?;
        let lower_titles = titles.keys().map(|k| k.to_lowercase()).collect();
        let roles = parse_roles(&file("roles.txt"))?;
        let nationalities: HashMap<&'static str, &'static str> = file("nationalities.txt")
            .lines()
            .map(|(n, line, f)| f.columns(n, line, 2).map(|c| (c[0], c[1])))
            .collect::<Result<_, _>>()?;
        let places = nationalities.values().copied().collect();
        let place_names = file("places.txt").entries().collect();
        let org_words = file("org_words.txt")
            .lines()
            .map(|(n, line, f)| match line.split_once('\t') {
                Some((word, "media")) => Ok((word, EntityKind::Media)),
                Some((_, other)) => Err(f.error(
                    n,
                    format!("expected media or nothing after the tab, found {other:?}"),
                )),
                None => Ok((line, EntityKind::Organisation)),
            })
            .collect::<Result<_, _>>()?;
        let first_names = file("first_names.tsv")
            .lines()
            .map(|(n, line, f)| {
                let c = f.columns(n, line, 2)?;
                let share: f32 = c[1]
                    .parse()
                    .ok()
                    .filter(|s| (0.0..=1.0).contains(s))
                    .ok_or_else(|| {
                        f.error(
                            n,
                            format!("expected a share in 0..=1 after the tab, found {:?}", c[1]),
                        )
                    })?;
                Ok((c[0], share))
            })
            .collect::<Result<_, _>>()?;
        let not_names = file("not_names.txt").entries().collect();
        let pronouns = parse_pronouns(&file("pronouns.txt"))?;
        let determiners: Vec<&'static str> = file("determiners.txt").entries().collect();
        let classes = parse_classes(&file("classes.txt"))?;
        let complementizers = file("complementizers.txt")
            .lines()
            .map(|(n, line, f)| match line.split_once('\t') {
                None => Ok((line, false)),
                Some((word, "q")) => Ok((word, true)),
                Some((_, other)) => Err(f.error(
                    n,
                    format!("expected q or nothing after the tab, found {other:?}"),
                )),
            })
            .collect::<Result<_, _>>()?;
        let reported_mood = file("reported_mood.txt").entries().collect();
        let auxiliaries = file("auxiliaries.txt").entries().collect();
        let markers = parse_markers(&file("according.txt"), &pronouns)?;
        let mut marker_index: HashMap<Box<str>, Vec<usize>> = HashMap::default();
        for (k, m) in markers.iter().enumerate() {
            marker_index
                .entry(m.first_word().into())
                .or_default()
                .push(k);
        }
        let suffixes = |class: Class, f: &DataFile| -> Result<Vec<Suffix>, Error> {
            classes[class as usize]
                .iter()
                .map(|s| {
                    if s.is_empty() || s.len() > 4 {
                        return Err(f.error(
                            0,
                            format!("a suffix of {} has 1 to 4 bytes: {s:?}", class.name()),
                        ));
                    }
                    let bytes = s.bytes().rev().fold(0u32, |acc, x| acc << 8 | u32::from(x));
                    Ok(Suffix {
                        bytes,
                        len: s.len(),
                    })
                })
                .collect()
        };
        let mut class_bits: HashMap<Key, ClassBits> = HashMap::default();
        let mut class_bits_long: HashMap<&'static str, ClassBits> = HashMap::default();
        for (k, words) in classes.iter().enumerate() {
            for &w in words {
                match pack(w) {
                    Some(key) => *class_bits.entry(key).or_default() |= 1 << k,
                    None => *class_bits_long.entry(w).or_default() |= 1 << k,
                }
            }
        }
        let classes_file = file("classes.txt");
        let modifier_suffixes = suffixes(Class::ModifierSuffix, &classes_file)?;
        let adverb_suffixes = suffixes(Class::AdverbSuffix, &classes_file)?;
        let mut suffix_last = [false; 256];
        for s in [Class::ModifierSuffix, Class::AdverbSuffix]
            .iter()
            .flat_map(|&c| &classes[c as usize])
        {
            // Suffixes have 1 to 4 bytes (checked by `suffixes`).
            suffix_last[usize::from(s.as_bytes()[s.len() - 1])] = true;
        }
        let abbreviation_stems = titles
            .keys()
            .filter_map(|t| t.strip_suffix('.'))
            .chain(classes[Class::Abbreviation as usize].iter().copied())
            .collect();
        let mut lexicon = Lexicon {
            code,
            abbreviation_stems,
            verbs,
            particles,
            prepositional_cues,
            titles,
            lower_titles,
            roles,
            nationalities,
            places,
            place_names,
            org_words,
            first_names,
            not_names,
            longest_pronoun: pronouns
                .keys()
                .map(|p| capitalized(p).len())
                .max()
                .unwrap_or(0),
            pronouns,
            complementizers,
            reported_mood,
            auxiliaries,
            markers,
            marker_index,
            class_bits_long,
            classes,
            modifier_suffixes,
            adverb_suffixes,
            suffix_last,
            word_flags: WordFlags {
                short: WordTable::build(&HashMap::default()),
                long: HashMap::default(),
            },
        };
        lexicon.word_flags = lexicon.build_word_flags(&determiners, &class_bits);
        Ok(lexicon)
    }

    /// The language code (`"en"`).
    pub fn code(&self) -> &str {
        self.code
    }

    /// Does the word `w` belong to `class`?
    pub(crate) fn is(&self, class: Class, w: &str) -> bool {
        let bits = match pack(w) {
            Some(key) => self.word_flags.short.get(key).1,
            None => self.class_bits_long.get(w).copied().unwrap_or_default(),
        };
        bits & (1 << class as usize) != 0
    }

    /// The according-to markers whose first word is `word`, in any case
    /// (see [`Flags::MARKER`]).
    pub(crate) fn markers_starting(&self, word: &str) -> impl Iterator<Item = &Marker> {
        let lower = word.to_lowercase();
        self.marker_index
            .get(lower.as_str())
            .into_iter()
            .flatten()
            .map(|&k| &self.markers[k])
    }

    /// Does `stem` take an abbreviation period (`Sen`, `Inc`)?
    pub(crate) fn is_abbreviation(&self, stem: &str) -> bool {
        self.abbreviation_stems.contains(stem)
    }

    /// The English lexicon, for the crate's own tests.
    #[cfg(test)]
    pub(crate) fn english_static() -> &'static Lexicon {
        Lexicon::english();
        BUILT_IN[0].get().expect("English was just parsed")
    }

    /// Does the reporting verb `lemma` report the object of `preposition`?
    pub(crate) fn reports_object_of(&self, lemma: &str, preposition: &str) -> bool {
        self.prepositional_cues.contains(&(lemma, preposition))
    }

    /// Verbs whose object is what they name or judge (`called it a
    /// “disgrace”`): with quoted words in the object they report mixed
    /// speech even without a clause.
    pub(crate) fn is_labeling(&self, lemma: &str) -> bool {
        self.is(Class::Labeling, lemma)
    }

    /// Is `name` (as written, `Dorian`) a first name of the lexicon's
    /// table, whatever its gender?
    pub(crate) fn is_first_name(&self, name: &str) -> bool {
        self.first_names.contains_key(name)
    }

    /// The gender a first name shows: male when at least 90% of those given
    /// it were boys, female when at most 10% were; `None` for names given
    /// to both (`Jordan`, `Taylor`) and names the table does not hold.
    pub(crate) fn first_name_gender(&self, name: &str) -> Option<Gender> {
        self.first_name_gender_at(name, 0.1)
    }

    /// The gender of first name `name` when no more than `share` of those
    /// given it were of the other sex.
    pub(crate) fn first_name_gender_at(&self, name: &str, share: f32) -> Option<Gender> {
        match *self.first_names.get(name)? {
            s if s >= 1.0 - share => Some(Gender::Male),
            s if s <= share => Some(Gender::Female),
            _ => None,
        }
    }

    /// The pronoun `word` (lower case, or capitalised), if it can be a
    /// speaker.
    pub(crate) fn pronoun(&self, word: &str) -> Option<Pronoun> {
        if let Some(&p) = self.pronouns.get(word) {
            return Some(p);
        }
        // `I` is the capital of `i`; other pronouns are capitalised only
        // where they open a sentence (`He said`), never in upper case. The
        // cheap tests first: this is asked of every capitalised word.
        let first_upper = word.chars().next().is_some_and(char::is_uppercase);
        if !first_upper
            || word.len() > self.longest_pronoun
            || !word.chars().skip(1).all(char::is_lowercase)
        {
            return None;
        }
        self.pronouns.get(word.to_lowercase().as_str()).copied()
    }

    /// The list bits of every listed word.
    fn build_word_flags(
        &self,
        determiners: &[&'static str],
        class_bits: &HashMap<Key, ClassBits>,
    ) -> WordFlags {
        let mut short: HashMap<Key, (Flags, ClassBits)> = class_bits
            .iter()
            .map(|(&key, &bits)| (key, (Flags::default(), bits)))
            .collect();
        let mut long: HashMap<Box<str>, Flags> = HashMap::default();
        let mut add = |words: &mut dyn Iterator<Item = &str>, f: Flags| {
            for w in words {
                match pack(w) {
                    Some(key) => short.entry(key).or_default().0 |= f,
                    None => *long.entry(w.into()).or_default() |= f,
                }
            }
        };
        add(&mut self.verbs.keys().copied(), Flags::VERB);
        add(&mut self.titles.keys().copied(), Flags::TITLE);
        add(&mut self.roles.keys().map(|k| &**k), Flags::ROLE);
        add(&mut self.nationalities.keys().copied(), Flags::NATIONALITY);
        add(&mut self.org_words.keys().copied(), Flags::ORG_WORD);
        add(&mut self.not_names.iter().copied(), Flags::NOT_NAME);
        let class = |c: Class| self.classes[c as usize].iter().copied();
        add(&mut class(Class::Modifier), Flags::MODIFIER);
        add(&mut determiners.iter().copied(), Flags::DETERMINER);
        add(&mut class(Class::Connector), Flags::CONNECTOR);
        add(&mut class(Class::AdverbAux), Flags::ADVERB_AUX);
        // Markers match in any case: the first word lower case and capitalised.
        let first_words: Vec<String> = self
            .marker_index
            .keys()
            .flat_map(|w| [w.to_string(), capitalized(w)])
            .collect();
        add(&mut first_words.iter().map(String::as_str), Flags::MARKER);
        // The listed forms and their capitalised ones that `pronoun` takes.
        let pronouns: Vec<String> = self
            .pronouns
            .keys()
            .flat_map(|w| [w.to_string(), capitalized(w)])
            .filter(|w| self.pronoun(w).is_some())
            .collect();
        add(&mut pronouns.iter().map(String::as_str), Flags::PRONOUN);
        add(
            &mut self.complementizers.keys().copied(),
            Flags::COMPLEMENTIZER,
        );
        WordFlags {
            short: WordTable::build(&short),
            long,
        }
    }
}

/// One file of a lexicon folder, for parsing.
struct DataFile {
    path: String,
    contents: &'static str,
}

impl DataFile {
    /// The file's lines without comments and blank lines, for a file of
    /// one entry a line (`not_names.txt`, `places.txt`).
    fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.lines().map(|(_, line, _)| line)
    }

    /// Lines without comments and blank lines: 1-based number, text, file.
    fn lines(&self) -> impl Iterator<Item = (usize, &'static str, &DataFile)> {
        self.contents
            .lines()
            .enumerate()
            .map(|(k, l)| (k + 1, l.trim_end()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .map(move |(k, l)| (k, l, self))
    }

    /// The first `n` tab-separated columns of line `k`, which must have them.
    fn columns(&self, k: usize, line: &'static str, n: usize) -> Result<Vec<&'static str>, Error> {
        let cols: Vec<&'static str> = line.split('\t').collect();
        if cols.len() < n || cols[..n].iter().any(|c| c.is_empty()) {
            return Err(self.error(
                k,
                format!("expected {n} tab-separated columns, found {}", cols.len()),
            ));
        }
        Ok(cols)
    }

    /// A parse error at line `k` (0: the whole file).
    fn error(&self, k: usize, message: String) -> Error {
        let e = Error::new(ErrorKind::Parse, message).in_file(self.path.clone());
        if k > 0 {
            e.at_line(k)
        } else {
            e
        }
    }
}

/// An according-to marker of `according.txt`: the words before the source
/// phrase and after it, lower case (`according to _`: `according`, `to`
/// before; `_ zufolge`: `zufolge` after; `wie _ sagte`: both).
#[derive(Clone, Debug)]
pub(crate) struct Marker {
    /// The words before the source, lower case.
    pub before: Box<[Box<str>]>,
    /// The words after the source, lower case.
    pub after: Box<[Box<str>]>,
    /// A marker that names its source itself, by a pronoun suffix
    /// (Hungarian `szerinte`, according to him or her): that pronoun.
    pub pronoun: Option<Pronoun>,
    /// The source must be set off, followed by a comma or the end of the
    /// sentence (`pour _ ,`): for a marker that is also a common
    /// preposition.
    pub delimited: bool,
}

impl Marker {
    /// The word the marker starts with in the text: its first word before
    /// the source, or, for a postposition, its first word after it.
    fn first_word(&self) -> &str {
        self.before.first().or(self.after.first()).map_or("", |w| w)
    }
}

/// `according.txt`: one marker a line, its words around `_` (the source
/// phrase); a trailing ` ,` asks for the source to be set off; a line
/// without `_` is a word that carries its source as a pronoun suffix, with
/// that pronoun after a tab (`szerinte<TAB>ő`).
fn parse_markers(
    f: &DataFile,
    pronouns: &HashMap<&'static str, Pronoun>,
) -> Result<Vec<Marker>, Error> {
    f.lines()
        .map(|(n, line, f)| {
            let lower = |w: &str| -> Box<str> { w.to_lowercase().into() };
            if let Some((word, pronoun)) = line.split_once('\t') {
                let p = pronouns.get(pronoun).copied().ok_or_else(|| {
                    f.error(
                        n,
                        format!(
                            "expected a pronoun of pronouns.txt after the tab, found {pronoun:?}"
                        ),
                    )
                })?;
                if word.contains(char::is_whitespace) || word.contains('_') {
                    return Err(f.error(
                        n,
                        format!("expected one word before the tab, found {word:?}"),
                    ));
                }
                return Ok(Marker {
                    before: Box::new([lower(word)]),
                    after: Box::new([]),
                    pronoun: Some(p),
                    delimited: false,
                });
            }
            let (line, delimited) = match line.strip_suffix(" ,") {
                Some(rest) => (rest, true),
                None => (line, false),
            };
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some(slot) = words.iter().position(|w| *w == "_") else {
                return Err(f.error(
                    n,
                    "expected `_` for the source, or a word, a tab and its pronoun".to_string(),
                ));
            };
            if words.len() == 1 || words.iter().filter(|w| **w == "_").count() > 1 {
                return Err(f.error(n, "expected one `_` and at least one word".to_string()));
            }
            Ok(Marker {
                before: words[..slot].iter().map(|w| lower(w)).collect(),
                after: words[slot + 1..].iter().map(|w| lower(w)).collect(),
                pronoun: None,
                delimited,
            })
        })
        .collect()
}

/// `reporting_verbs.txt`: class TAB forms (the lemma first) [TAB +particle].
#[allow(clippy::type_complexity)]
fn parse_verbs(
    f: &DataFile,
) -> Result<
    (
        HashMap<&'static str, VerbInfo>,
        HashMap<&'static str, Vec<&'static str>>,
    ),
    Error,
> {
    let mut map = HashMap::default();
    let mut particles: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for (n, line, f) in f.lines() {
        let cols = f.columns(n, line, 2)?;
        let class = cols[0];
        if !matches!(class, "s" | "s*" | "c" | "c*") {
            return Err(f.error(
                n,
                format!("expected the class s, s*, c or c* first, found {class:?}"),
            ));
        }
        let forms = cols[1];
        let particle = match cols.get(2) {
            None => None,
            Some(p) => Some(p.strip_prefix('+').ok_or_else(|| {
                f.error(
                    n,
                    format!("expected +particle in the third column, found {p:?}"),
                )
            })?),
        };
        let info = VerbInfo {
            lemma: forms.split(' ').next().unwrap_or_default(),
            speech: class.starts_with('s'),
            bare: class.ends_with('*'),
            particle,
            gerund: false,
        };
        for form in forms.split(' ').filter(|w| !w.is_empty()) {
            let info = VerbInfo {
                gerund: form.ends_with("ing"),
                ..info
            };
            if let Some(p) = particle {
                particles.entry(form).or_default().push(p);
            }
            // A speech reading wins over a cognition one for shared forms.
            map.entry(form)
                .and_modify(|old: &mut VerbInfo| {
                    old.speech |= info.speech;
                    old.bare |= info.bare;
                })
                .or_insert(info);
        }
    }
    Ok((map, particles))
}

/// `roles.txt`: singular [TAB plural [TAB org | m | f]], lower case; the
/// capitalised forms are added (`Spokesman`, `Officials`), so words in
/// names are looked up without lower-casing. The third column says that an
/// organisation holds the role (`org`) or which gender the form shows
/// (`m`, `f`: German `Minister`, `Ministerin`).
fn parse_roles(f: &DataFile) -> Result<HashMap<Box<str>, RoleInfo>, Error> {
    let mut map = HashMap::default();
    for (n, line, f) in f.lines() {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (org, gender) = match cols.get(2) {
            None => (false, None),
            Some(&"org") => (true, None),
            Some(&"m") => (false, Some(Gender::Male)),
            Some(&"f") => (false, Some(Gender::Female)),
            Some(other) => {
                return Err(f.error(
                    n,
                    format!("expected org, m, f or nothing in the third column, found {other:?}"),
                ))
            }
        };
        let singular = cols[0];
        for (form, plural) in [(Some(singular), false), (cols.get(1).copied(), true)] {
            let Some(form) = form.filter(|w| !w.is_empty()) else {
                continue;
            };
            let info = RoleInfo {
                singular,
                org,
                plural,
                gender,
            };
            // A gendered person role whose plural is written as its
            // singular (German `der Minister`, `die Minister`) keeps the
            // singular reading: a tag names one person far more often.
            // Other such forms (`percent`) read as plural.
            if plural && gender.is_some() && form == singular {
                continue;
            }
            map.insert(capitalized(form).into_boxed_str(), info);
            map.insert(form.into(), info);
        }
    }
    Ok(map)
}

/// `pronouns.txt`: word TAB person TAB gender TAB number; the first reading
/// of a word is kept.
fn parse_pronouns(f: &DataFile) -> Result<HashMap<&'static str, Pronoun>, Error> {
    let mut map = HashMap::default();
    for (n, line, f) in f.lines() {
        let c = f.columns(n, line, 4)?;
        let (gender, thing) = match c[2] {
            "m" => (Some(Gender::Male), false),
            "f" => (Some(Gender::Female), false),
            "n" => (None, true),
            "-" => (None, false),
            other => {
                return Err(f.error(
                    n,
                    format!(
                        "expected the gender m, f, n or - in the third column, found {other:?}"
                    ),
                ))
            }
        };
        let person = match (c[1], thing) {
            (_, true) => 0,
            ("1", _) => 1,
            ("3", _) => 3,
            (other, _) => {
                return Err(f.error(
                    n,
                    format!("expected the person 1 or 3 in the second column, found {other:?}"),
                ))
            }
        };
        let plural = match c[3] {
            "sg" => false,
            "pl" => true,
            other => {
                return Err(f.error(
                    n,
                    format!("expected sg or pl in the fourth column, found {other:?}"),
                ))
            }
        };
        map.entry(c[0]).or_insert(Pronoun {
            gender,
            plural,
            person,
        });
    }
    Ok(map)
}

/// `classes.txt`: class TAB words (space-separated), a class on one or more
/// lines.
fn parse_classes(f: &DataFile) -> Result<[HashSet<&'static str>; Class::ALL.len()], Error> {
    let mut classes: [HashSet<&'static str>; Class::ALL.len()] =
        std::array::from_fn(|_| HashSet::default());
    for (n, line, f) in f.lines() {
        let c = f.columns(n, line, 2)?;
        let Some(class) = Class::ALL.iter().find(|k| k.name() == c[0]) else {
            let names: Vec<&str> = Class::ALL.iter().map(|k| k.name()).collect();
            return Err(f.error(
                n,
                format!(
                    "unknown class {:?}: expected one of {}",
                    c[0],
                    names.join(", ")
                ),
            ));
        };
        classes[*class as usize].extend(c[1].split(' ').filter(|w| !w.is_empty()));
    }
    Ok(classes)
}

/// What the word lists say about one word form, as bits. [`flags`] looks a
/// word up once; the text model keeps the result for every token, so the
/// parsers test bits instead of probing lists again and again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// A reporting-verb form, exactly as written.
    pub const VERB: Flags = Flags(1);
    /// A title.
    pub const TITLE: Flags = Flags(1 << 1);
    /// A role noun.
    pub const ROLE: Flags = Flags(1 << 2);
    /// A nationality.
    pub const NATIONALITY: Flags = Flags(1 << 3);
    /// An organisation word.
    pub const ORG_WORD: Flags = Flags(1 << 4);
    /// A capitalised word that is never a name.
    pub const NOT_NAME: Flags = Flags(1 << 5);
    /// A lower-case modifier inside a description (`former`, `senior`).
    pub const MODIFIER: Flags = Flags(1 << 6);
    /// A determiner or quantifier before a description (`the`, `several`).
    pub const DETERMINER: Flags = Flags(1 << 7);
    /// A lower-case word inside a name (`bin`, `van`, `of`).
    pub const CONNECTOR: Flags = Flags(1 << 8);
    /// An adverb or auxiliary between a subject and its verb (`also`, `has`).
    pub const ADVERB_AUX: Flags = Flags(1 << 9);
    /// The first character is upper case.
    pub const UPPER: Flags = Flags(1 << 10);
    /// The first character is lower case.
    pub const LOWER: Flags = Flags(1 << 11);
    /// Ends with a possessive (`Putin’s`, `Sanders’`).
    pub const POSSESSIVE: Flags = Flags(1 << 12);
    /// ASCII digits only.
    pub const DIGITS: Flags = Flags(1 << 13);
    /// Capitalised and not a non-name, with or without its possessive: a
    /// word that can be part of a name.
    pub const NAME_WORD: Flags = Flags(1 << 14);
    /// The first word of an according-to marker (`according`, `laut`), in
    /// lower case or capitalised.
    pub const MARKER: Flags = Flags(1 << 15);
    /// A pronoun that can be a speaker, as [`Lexicon::pronoun`] finds it
    /// (listed, or capitalised): every ASCII word it finds has the bit, so
    /// an ASCII word without it is no pronoun.
    pub const PRONOUN: Flags = Flags(1 << 16);
    /// A complementizer (`that`, `dass`), exactly as listed.
    pub const COMPLEMENTIZER: Flags = Flags(1 << 17);

    /// Does `self` have any of the bits of `other`?
    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

/// The word of `n < 16` bytes at `bytes[start..]`, packed with its length
/// into two integers (little-endian bytes, zero-padded; the length in the
/// top byte), so a lookup hashes and compares numbers instead of calling
/// memcmp on strings scattered over the heap.
///
/// Inside a text the 16 bytes from `start` are loaded at once and the word
/// masked out of them: no branch on the word's length, which is as
/// unpredictable as the words are.
#[inline]
pub(crate) fn pack_at(bytes: &[u8], start: usize, n: usize) -> Key {
    debug_assert!(n < 16 && start + n <= bytes.len());
    let v = match bytes.get(start..start + 16) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().expect("16 bytes")),
        None => {
            let tail = &bytes[start..];
            let mut buf = [0; 16];
            buf[..tail.len()].copy_from_slice(tail);
            u128::from_le_bytes(buf)
        }
    };
    let v = v & ((1 << (8 * n)) - 1);
    (v as u64, (v >> 64) as u64 | (n as u64) << 56)
}

/// [`pack_at`] for a whole word; `None` from 16 bytes on.
fn pack(word: &str) -> Option<Key> {
    (word.len() < 16).then(|| pack_at(word.as_bytes(), 0, word.len()))
}

/// The words of the lists, up to 15 bytes, in a table built so that every
/// key has a slot of its own ("hash and displace"): a key's hash picks a
/// bucket, the bucket's displacement picks the slot. A lookup is then two
/// loads and a compare, with no branch on whether the word is listed:
/// most words are not, and a probe loop that stops on a miss mispredicts
/// on nearly every word.
struct WordTable {
    /// Per bucket, the displacement its keys were placed with.
    displacement: Box<[u16; BUCKETS]>,
    /// Per slot, a key and its flags; empty slots hold the key `(0, 0)`,
    /// which only the empty word packs to (and it has no flags).
    slots: Box<[(Key, Flags, ClassBits); SLOTS]>,
}

/// What the word table holds for a word: its flags and its class bits.
type WordEntry = (Flags, ClassBits);

/// A packed word (see [`pack_at`]).
pub(crate) type Key = (u64, u64);

const BUCKETS: usize = 1 << 11;
const SLOTS: usize = 1 << 13;

impl WordTable {
    /// The 64-bit hash of a packed key (a folded multiply, as in foldhash).
    #[inline]
    fn hash((lo, hi): Key) -> u64 {
        let m = u128::from(lo ^ 0x243F_6A88_85A3_08D3) * u128::from(hi ^ 0x1319_8A2E_0370_7344);
        (m as u64) ^ (m >> 64) as u64
    }

    #[inline]
    fn bucket(h: u64) -> usize {
        (h >> (64 - BUCKETS.trailing_zeros())) as usize
    }

    #[inline]
    fn slot(h: u64, displacement: u16) -> usize {
        let x = (h ^ u64::from(displacement).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (x >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// Places `entries` (distinct keys). Buckets are placed largest first,
    /// each with the first displacement that puts all its keys in free
    /// slots.
    fn build(entries: &HashMap<Key, (Flags, ClassBits)>) -> WordTable {
        assert!(
            entries.len() <= SLOTS * 3 / 4,
            "the word table is too small"
        );
        let mut buckets: Vec<Vec<(Key, WordEntry, u64)>> = vec![Vec::new(); BUCKETS];
        for (&key, &f) in entries {
            let h = WordTable::hash(key);
            buckets[WordTable::bucket(h)].push((key, f, h));
        }
        let mut order: Vec<usize> = (0..BUCKETS).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut table = WordTable {
            displacement: Box::new([0; BUCKETS]),
            slots: Box::new([((0, 0), Flags::default(), 0); SLOTS]),
        };
        let mut taken = vec![false; SLOTS];
        for b in order {
            let keys = &buckets[b];
            if keys.is_empty() {
                break;
            }
            let d = (0..=u16::MAX)
                .find(|&d| {
                    let mut slots: Vec<usize> =
                        keys.iter().map(|k| WordTable::slot(k.2, d)).collect();
                    slots.sort_unstable();
                    slots.dedup();
                    slots.len() == keys.len() && slots.iter().all(|&s| !taken[s])
                })
                .expect("a displacement places every bucket of the word lists");
            table.displacement[b] = d;
            for &(key, f, h) in keys {
                let s = WordTable::slot(h, d);
                taken[s] = true;
                table.slots[s] = (key, f.0, f.1);
            }
        }
        table
    }

    /// The flags of a packed key (none if it is not listed).
    #[inline]
    fn get(&self, key: Key) -> (Flags, ClassBits) {
        let h = WordTable::hash(key);
        let (k, f, c) = self.slots[WordTable::slot(h, self.displacement[WordTable::bucket(h)])];
        // A select, not a branch: the answer is as unpredictable as the text.
        let same = (k.0 ^ key.0) | (k.1 ^ key.1) == 0;
        std::hint::select_unpredictable(same, (f, c), (Flags::default(), 0))
    }
}

/// Every listed word form with its list bits: short words in a
/// [`WordTable`], the few longer ones by string.
struct WordFlags {
    short: WordTable,
    long: HashMap<Box<str>, Flags>,
}

impl Lexicon {
    /// The list bits of a word packed by [`pack_at`] (of up to 15 bytes).
    pub(crate) fn listed_key(&self, key: Key) -> Flags {
        self.word_flags.short.get(key).0
    }

    /// The [`Flags`] of `word`: its lists, the case of its first letter, and
    /// the suffix rules (`-ial`/`-ican` modifiers, `-ly` adverbs).
    #[cfg(test)]
    pub(crate) fn flags(&self, word: &str) -> Flags {
        self.flags_at(word, 0..word.len())
    }

    /// The [`Flags`] of the word at `range` of `text`.
    #[cfg(test)]
    pub(crate) fn flags_at(&self, text: &str, range: std::ops::Range<usize>) -> Flags {
        self.word_at(text, range).0
    }

    /// The [`Flags`] of the word at `range` of `text`, and the bits of the
    /// classes it is in (bit `c as usize` for [`Class`] `c`).
    pub(crate) fn word_at(&self, text: &str, range: std::ops::Range<usize>) -> (Flags, ClassBits) {
        let lists = &self.word_flags;
        let n = range.len();
        let word = &text[range.clone()];
        let (mut f, classes) = if n < 16 {
            lists.short.get(pack_at(text.as_bytes(), range.start, n))
        } else {
            (
                lists.long.get(word).copied().unwrap_or_default(),
                self.class_bits_long.get(word).copied().unwrap_or_default(),
            )
        };
        if n == 0 {
            return (f, classes);
        }
        // The rules below read the word's first byte and last four bytes, and
        // combine their tests with `&` and `|` rather than `&&` and branches:
        // case, suffixes and possessives vary from word to word unpredictably.
        // Each suffix test also requires the word to be that long, so the
        // bytes before a short word never count.
        let bytes = text.as_bytes();
        let first = bytes[range.start];
        let tail = match range.end.checked_sub(4) {
            Some(from) => u32::from_le_bytes(bytes[from..range.end].try_into().expect("4 bytes")),
            None => {
                let mut buf = [0; 4];
                buf[4 - range.end..].copy_from_slice(&bytes[..range.end]);
                u32::from_le_bytes(buf)
            }
        };
        let ends = |s: &Suffix| (n >= s.len) & (tail >> (8 * (4 - s.len)) == s.bytes);
        let last = (tail >> 24) as u8;
        if first < 0x80 {
            f.0 |= CASE[first as usize];
            if first.is_ascii_digit() && word.bytes().all(|b| b.is_ascii_digit()) {
                f |= Flags::DIGITS;
            }
        } else {
            match word.chars().next() {
                Some(c) if c.is_uppercase() => f |= Flags::UPPER,
                Some(c) if c.is_lowercase() => f |= Flags::LOWER,
                _ => {}
            }
        }
        let suffixed = self.suffix_last[usize::from(last)];
        if suffixed && self.modifier_suffixes.iter().any(ends) {
            f |= Flags::MODIFIER;
        }
        let ends_ly = suffixed && self.adverb_suffixes.iter().any(ends);
        // Lower-case `-ly` words are adverbs, but for a few nouns; a
        // capitalised one is a name (`Kelly said`).
        if ends_ly
            && n > 4
            && first.is_ascii_lowercase()
            && word.is_ascii()
            && !self.is(Class::AdverbSuffixNoun, word)
        {
            f |= Flags::ADVERB_AUX;
        }
        // Possessives: what crate::mentions::strip_possessive strips (`’s`,
        // `'s`, `’S`, `'S`, `’`, `'`, leaving a non-empty stem).
        let s_end = last | 0x20 == b's';
        let strip = 4 * usize::from(s_end & (n > 4) & (tail & 0x00FF_FFFF == 0x0099_80E2))
            + 2 * usize::from(s_end & (n > 2) & (tail >> 16 & 0xFF == u32::from(b'\'')))
            + 3 * usize::from((n > 3) & (tail >> 8 == 0x0099_80E2))
            + usize::from((n > 1) & (last == b'\''));
        let stem_not_name = strip != 0 && {
            f |= Flags::POSSESSIVE;
            self.not_names.contains(&word[..n - strip])
        };
        // A long capitalised `-ly` word opens a sentence as an adverb
        // (`Basically, …`, `Unfortunately`); names that long are few.
        let adverb = ends_ly && n >= 8 && !self.is(Class::AdverbSuffixName, word);
        let name = f.has(Flags::UPPER) & !f.has(Flags::NOT_NAME) & !stem_not_name & !adverb;
        f.0 |= u32::from(name) * Flags::NAME_WORD.0;
        (f, classes)
    }
}

/// The case bits of an ASCII first byte.
static CASE: [u32; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            Flags::UPPER.0
        } else if c.is_ascii_lowercase() {
            Flags::LOWER.0
        } else {
            0
        };
        b += 1;
    }
    t
};

/// `word` with its first letter upper-cased (`russian` → `Russian`).
pub(crate) fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Arc<Lexicon> {
        Lexicon::english()
    }

    #[test]
    fn first_names_show_gender_only_when_clear() {
        assert_eq!(en().first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(en().first_name_gender("John"), Some(Gender::Male));
        assert_eq!(en().first_name_gender("Jordan"), None);
        assert_eq!(en().first_name_gender("Putin"), None);
    }

    #[test]
    fn ships_at_least_150_reporting_verbs_with_inflections() {
        let lemmas = include_str!("../lang/en/reporting_verbs.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert!(lemmas >= 150, "{lemmas} lemmas");
        for form in [
            "say", "says", "said", "saying", "told", "stressed", "noting", "wrote",
        ] {
            assert!(en().verbs.contains_key(form), "{form}");
        }
        assert!(en().verbs["said"].speech && en().verbs["said"].bare);
        assert!(!en().verbs["believes"].speech);
        assert!(en().verbs["saying"].gerund);
        assert_eq!(en().verbs["pointed"].particle, Some("out"));
    }

    #[test]
    fn titles_roles_and_nationalities_parse() {
        assert_eq!(en().titles["Mrs."], Some(Gender::Female));
        assert_eq!(en().titles["President"], None);
        assert_eq!(en().roles["spokesmen"].singular, "spokesman");
        assert!(en().roles["campaign"].org);
        assert_eq!(en().nationalities["Russian"], "Russia");
        assert_eq!(en().org_words["Times"], EntityKind::Media);
        assert!(en().not_names.contains("However"));
    }

    #[test]
    fn packed_words_keep_every_byte_and_the_length() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmno",
            "Putin’s",
            "a\0",
            "a\0\0\0\0\0\0\0\0",
        ];
        let keys: HashSet<(u64, u64)> = words.iter().filter_map(|w| pack(w)).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(pack("abcdefghijklmnop"), None);
        let (lo, hi) = pack("abcdefghij").unwrap();
        assert_eq!(lo.to_le_bytes(), *b"abcdefgh");
        assert_eq!(hi, u64::from(u16::from_le_bytes(*b"ij")) | 10 << 56);
        assert_eq!(pack("abcde").unwrap().0.to_le_bytes(), *b"abcde\0\0\0");
    }

    #[test]
    fn possessives_are_what_strip_possessive_strips() {
        for w in [
            "Putin’s",
            "Putin's",
            "PUTIN’S",
            "PUTIN'S",
            "Sanders’",
            "Sanders'",
            "’s",
            "'s",
            "s",
            "x's",
            "x’s",
            "is",
            "was",
            "Xs",
            "’",
            "'",
            "a'",
            "ab’",
            "''",
            "’’s",
            "Kelly",
            "bus",
        ] {
            let stripped = crate::mentions::strip_possessive(w) != w;
            assert_eq!(en().flags(w).has(Flags::POSSESSIVE), stripped, "{w}");
        }
        // The words of a text, where the bytes before a short word are
        // other words' bytes.
        let text = "Bob’s ’s s 's x";
        for (a, b) in [(0, 6), (7, 11), (12, 13), (14, 16), (17, 18)] {
            let w = &text[a..b];
            let stripped = crate::mentions::strip_possessive(w) != w;
            assert_eq!(
                en().flags_at(text, a..b).has(Flags::POSSESSIVE),
                stripped,
                "{w}"
            );
        }
    }

    #[test]
    fn suffix_rules_look_only_inside_the_word() {
        // `al` after an `i`, `can` after an `i`: the suffixes `-ial` and
        // `-ican` are there in the text, but not in the word.
        let text = "xial xican";
        assert!(!en().flags_at(text, 2..4).has(Flags::MODIFIER));
        assert!(!en().flags_at(text, 7..10).has(Flags::MODIFIER));
        assert!(en().flags_at(text, 0..4).has(Flags::MODIFIER));
        assert!(en().flags_at(text, 5..10).has(Flags::MODIFIER));
        assert_eq!(en().flags_at(text, 2..4), en().flags("al"));
    }

    #[test]
    fn every_listed_word_gets_its_bits() {
        let en = Lexicon::english();
        let lists: [(Vec<&str>, Flags); 5] = [
            (en.verbs.keys().copied().collect(), Flags::VERB),
            (en.titles.keys().copied().collect(), Flags::TITLE),
            (en.roles.keys().map(|k| &**k).collect(), Flags::ROLE),
            (en.not_names.iter().copied().collect(), Flags::NOT_NAME),
            (
                en.classes[Class::AdverbAux as usize]
                    .iter()
                    .copied()
                    .collect(),
                Flags::ADVERB_AUX,
            ),
        ];
        for (words, bit) in lists {
            for w in words {
                assert!(en.flags(w).has(bit), "{w}");
            }
        }
        // Words in no list get no list bits: their slot holds another key.
        let unlisted = [
            "zebra",
            "quantum",
            "Clinton",
            "pipeline",
            "x",
            "abcdefghijklmno",
        ];
        for w in unlisted {
            assert!(
                !en.flags(w).has(Flags::VERB) && !en.flags(w).has(Flags::ROLE),
                "{w}"
            );
        }
    }

    #[test]
    fn flags_combine_lists_case_and_suffix_rules() {
        let f = en().flags("Putin’s");
        assert!(f.has(Flags::UPPER) && f.has(Flags::POSSESSIVE) && f.has(Flags::NAME_WORD));
        assert!(!f.has(Flags::LOWER | Flags::VERB));
        let f = en().flags("However");
        assert!(f.has(Flags::NOT_NAME) && !f.has(Flags::NAME_WORD));
        assert!(!en().flags("However’s").has(Flags::NAME_WORD));
        assert!(en().flags("said").has(Flags::VERB) && en().flags("said").has(Flags::LOWER));
        assert!(en().flags("senior").has(Flags::MODIFIER));
        assert!(en().flags("presidential").has(Flags::MODIFIER));
        assert!(!en().flags("president").has(Flags::MODIFIER));
        assert!(
            en().flags("reportedly").has(Flags::ADVERB_AUX)
                && en().flags("has").has(Flags::ADVERB_AUX)
        );
        assert!(
            en().flags("the").has(Flags::DETERMINER) && en().flags("bin").has(Flags::CONNECTOR)
        );
        assert!(
            en().flags("spokesmen").has(Flags::ROLE) && en().flags("Spokesman").has(Flags::ROLE)
        );
        assert!(
            en().flags("Russian").has(Flags::NATIONALITY) && en().flags("Sen.").has(Flags::TITLE)
        );
        assert!(en().flags("24").has(Flags::DIGITS) && !en().flags("2.5").has(Flags::DIGITS));
        assert_eq!(en().flags(""), Flags::default());
        // `-ly`: lower-case adverbs; capitalised short ones are names, long
        // ones sentence adverbs.
        assert!(
            en().flags("reportedly").has(Flags::ADVERB_AUX)
                && !en().flags("family").has(Flags::ADVERB_AUX)
        );
        assert!(
            en().flags("Kelly").has(Flags::NAME_WORD)
                && !en().flags("Kelly").has(Flags::ADVERB_AUX)
        );
        assert!(
            !en().flags("Basically").has(Flags::NAME_WORD)
                && en().flags("Kimberly").has(Flags::NAME_WORD)
        );
    }

    #[test]
    fn according_markers_parse_with_their_slot() {
        let hu = Lexicon::built_in("hu").expect("Hungarian is built in");
        let szerint: Vec<&Marker> = hu.markers_starting("Szerint").collect();
        assert!(szerint
            .iter()
            .any(|m| m.before.is_empty() && &*m.after[0] == "szerint"));
        let szerinte: Vec<&Marker> = hu.markers_starting("szerinte").collect();
        assert!(szerinte.len() == 1 && szerinte[0].pronoun.is_some());
        assert!(hu.flags("Szerint").has(Flags::MARKER) && hu.flags("szerint").has(Flags::MARKER));
        let de = Lexicon::built_in("de").expect("German is built in");
        assert!(de
            .markers_starting("wie")
            .any(|m| m.before.len() == 1 && m.after.len() == 1));
        assert!(de.markers_starting("so").all(|m| m.delimited));
        assert!(!en().flags("said").has(Flags::MARKER));
        for (bad, message) in [
            ("laut\n", "expected `_`"),
            ("_ _ zufolge\n", "one `_`"),
            ("_\n", "one `_`"),
            ("szerinte\tnobody\n", "expected a pronoun"),
        ] {
            let err = Lexicon::from_files("xx", &[("according.txt", bad)]).unwrap_err();
            assert_eq!(
                err.location().file.as_deref(),
                Some("lang/xx/according.txt")
            );
            assert_eq!(err.location().line, Some(1), "{bad:?}");
            assert!(err.to_string().contains(message), "{bad:?}: {err}");
        }
    }
}
