//! The result types: documents, quotes, speakers and entities.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::gazetteer::LinkMethod;
use crate::span::Span;

/// What kind of quotation a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Words in quotation marks, reported as said: `“We will win,” she said.`
    Direct,
    /// Reported speech without quotation marks: `She said that they would win.`
    Indirect,
    /// Reported speech that quotes some words: `She said they would “win big”.`
    Mixed,
    /// A few quoted words inside a sentence that is not itself reported
    /// speech: `a “virtually live” experiment`.
    Partial,
}

impl QuoteKind {
    /// The lower-case name used in JSON (`"direct"`, `"indirect"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Partial => "partial",
        }
    }
}

/// How the speaker mention of a quote was found: the attribution sieve that
/// decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// A speech tag in the same sentence or paragraph as the quote
    /// (`“…,” Putin said.`, `Putin said: “…”`, `Putin said that …`).
    SpeechTag,
    /// `according to X, …` or `…, according to X.`
    AccordingTo,
    /// A speech tag alone on the line before or after the quote
    /// (`Putin said` on its own line).
    AdjacentLine,
    /// A quote with no tag continues the previous quote's speaker: in its
    /// paragraph, or in text that quotes one speaker at a time (news).
    Continuation,
    /// Named as the subject of the quote's sentence without a reporting
    /// verb next to the quote, or of a narrative sentence beside an
    /// untagged quote in its paragraph (`Poirot stepped forward. “…”`).
    Nearby,
    /// An untagged quote in a conversation, credited by turn-taking: the
    /// person the previous quote addressed by name, the speaker before the
    /// previous one in alternating dialogue, or the person the narrative
    /// paragraph just before names.
    Turn,
}

impl Method {
    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::SpeechTag => "speech_tag",
            Method::AccordingTo => "according_to",
            Method::AdjacentLine => "adjacent_line",
            Method::Continuation => "continuation",
            Method::Nearby => "nearby",
            Method::Turn => "turn",
        }
    }
}

/// How a speaker mention was tied to an [`Entity`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resolution {
    /// The mention is a name of the entity (`Putin`, `Vladimir Putin`).
    Name,
    /// The mention is a pronoun (`he`, `she`, `they`) resolved to the most
    /// salient compatible entity before it.
    Pronoun,
    /// The mention is a description (`the Russian leader`, `the Kremlin
    /// spokesman`) resolved to the entity introduced with that title, role
    /// or nationality.
    Description,
    /// The mention could not be tied to any entity (`a source`, `officials`).
    Unresolved,
}

impl Resolution {
    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Name => "name",
            Resolution::Pronoun => "pronoun",
            Resolution::Description => "description",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// Who said a [`Quote`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The words naming the speaker where the quote is attributed (a name,
    /// a pronoun, a description). `None` when the speaker was carried over
    /// from an earlier quote (continuation) — then the entity is still set.
    pub mention: Option<Span>,
    /// The id of the speaker's [`Entity`] in the document, if resolved.
    pub entity: Option<usize>,
    /// The sieve that found the speaker.
    pub method: Method,
    /// How the mention was tied to the entity.
    pub resolution: Resolution,
    /// Confidence in 0..=1 that the speaker (entity where resolved, mention
    /// otherwise) is right, rounded to 3 decimals (see
    /// [`Speaker::round_confidence`]), so that it prints the same in JSON,
    /// Python and logs (`0.855`, not `0.85499996`).
    pub confidence: f64,
}

impl Speaker {
    /// `confidence` rounded to 3 decimals: the `f64` nearest to a multiple
    /// of 0.001, which prints as its short decimal form everywhere.
    ///
    /// ```
    /// assert_eq!(quotewise::Speaker::round_confidence(f64::from(0.855_f32)), 0.855);
    /// assert_eq!(quotewise::Speaker::round_confidence(0.8554), 0.855);
    /// ```
    pub fn round_confidence(confidence: f64) -> f64 {
        (confidence * 1000.0).round() / 1000.0
    }
}

/// Whom a [`Quote`] is said to, where the text shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Addressee {
    /// The vocative naming the addressee inside the quote (`“Elizabeth,
    /// you must come”`, `“my dear Mr. Bennet”`); `None` when the addressee
    /// is the other party of the conversation (the previous or next
    /// speaker).
    pub mention: Option<Span>,
    /// The id of the addressee's [`Entity`] in the document, if resolved.
    pub entity: Option<usize>,
}

/// One attributed quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// Direct, indirect, mixed or partial.
    pub kind: QuoteKind,
    /// The quoted content, in text order. Direct pieces include their
    /// quotation marks. A quote split by a speech tag
    /// (`“A,” he said, “B.”`) has two pieces.
    pub content: Vec<Span>,
    /// The reporting verb or phrase (`said`, `according to`, `told`), if any.
    pub cue: Option<Span>,
    /// The speaker, if found.
    pub speaker: Option<Speaker>,
    /// Whom the quote is said to, if known (dialogue in fiction, mostly).
    /// Left out of the JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Addressee>,
    /// The language of the quote's paragraphs where the document mixes
    /// languages (a Spanish paragraph in an English article), each stretch
    /// read with the lexicon of its own language; `None` otherwise, when
    /// the quote is in [`Document::language`]. Left out of the JSON when
    /// `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Quote {
    /// Byte offset where the first content piece starts.
    pub fn start(&self) -> usize {
        self.content.first().map_or(0, |s| s.start)
    }

    /// Byte offset where the last content piece ends.
    pub fn end(&self) -> usize {
        self.content.last().map_or(0, |s| s.end)
    }

    /// The content pieces joined by a space.
    pub fn text(&self) -> String {
        let pieces: Vec<&str> = self.content.iter().map(|s| s.text.as_str()).collect();
        pieces.join(" ")
    }
}

/// What kind of thing an [`Entity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: a government body, company, party, campaign.
    Organisation,
    /// A country, city or region.
    Place,
    /// A news outlet or broadcaster.
    Media,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// The snake-case name used in JSON and gazetteer files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Media => "media",
            EntityKind::Other => "other",
        }
    }
}

/// Grammatical gender of a person, as shown by pronouns or honorifics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Gender {
    /// Referred to as he / him / Mr.
    Male,
    /// Referred to as she / her / Mrs. / Ms.
    Female,
}

impl Gender {
    /// The lower-case name used in JSON and gazetteer files (`"male"`,
    /// `"female"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// How a text quotes people, which decides who speaks an untagged quote.
///
/// News quotes one speaker at length: a paragraph that opens with an
/// untagged quote goes on with the speaker before it. Fiction alternates
/// (Mary, John, Mary, John): an untagged turn goes to the speaker before
/// the previous one. Each text's genre is read from the text itself (how
/// often consecutive tagged quotes change speaker), or set with
/// [`ExtractorBuilder::genre`]; [`Document::genre`] says which was used.
///
/// ```
/// use quotewise::Genre;
/// assert_eq!("fiction".parse::<Genre>(), Ok(Genre::Fiction));
/// assert_eq!(Genre::News.to_string(), "news");
/// assert!("poetry".parse::<Genre>().is_err());
/// ```
///
/// [`ExtractorBuilder::genre`]: crate::ExtractorBuilder::genre
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Genre {
    /// News: untagged quotes continue the previous speaker.
    #[default]
    News,
    /// Fiction: untagged quotes take turns.
    Fiction,
}

impl Genre {
    /// The lower-case name used in JSON and on the command line (`"news"`,
    /// `"fiction"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Fiction => "fiction",
        }
    }

    /// The genre setting named `name`: `"auto"` (read it from each text,
    /// `None`), `"news"` or `"fiction"`, as the command line and Python
    /// take it.
    ///
    /// ```
    /// use quotewise::Genre;
    /// assert_eq!(Genre::setting("auto")?, None);
    /// assert_eq!(Genre::setting("fiction")?, Some(Genre::Fiction));
    /// let err = Genre::setting("novel").unwrap_err();
    /// assert_eq!(err.to_string(), r#"unknown genre "novel": expected auto, news or fiction"#);
    /// # Ok::<(), quotewise::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) for any other name.
    pub fn setting(name: &str) -> Result<Option<Genre>, crate::Error> {
        match name {
            "auto" => Ok(None),
            _ => name.parse().map(Some).map_err(|_| {
                crate::Error::new(
                    crate::ErrorKind::Config,
                    format!("unknown genre {name:?}: expected auto, news or fiction"),
                )
            }),
        }
    }
}

impl std::str::FromStr for Genre {
    type Err = String;

    /// `"news"` or `"fiction"`; anything else is an error naming both.
    fn from_str(s: &str) -> Result<Genre, String> {
        match s {
            "news" => Ok(Genre::News),
            "fiction" => Ok(Genre::Fiction),
            _ => Err(format!("unknown genre {s:?}: expected news or fiction")),
        }
    }
}

/// `Display` for an enum with `as_str`: the name JSON uses, padded as the
/// formatter asks (`{:<8}`).
macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    )*};
}

display_as_str!(QuoteKind, Method, Resolution, EntityKind, Gender, Genre);

/// A person, organisation or other named thing mentioned in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// The id, unique within the document (its index in
    /// [`Document::entities`]).
    pub id: usize,
    /// The fullest name found (`Vladimir Putin`), or the gazetteer's
    /// canonical name when linked.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Gender, where known.
    pub gender: Option<Gender>,
    /// Every mention by name, in text order.
    pub mentions: Vec<Span>,
    /// Titles, roles and nationalities the document gives it
    /// (`Russian President`, `Kremlin spokesman`), lower-cased.
    pub descriptors: Vec<String>,
    /// The id of the linked gazetteer entity, if any.
    pub gazetteer_id: Option<String>,
    /// How it was linked to the gazetteer, if linked (in JSON its
    /// snake-case name: `exact`, `variant`, `fuzzy`, `descriptor`).
    pub link: Option<LinkMethod>,
}

/// The result of extracting one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The caller's id for the text, if given.
    pub id: Option<String>,
    /// The text's language code (`en`, `de`, …): the one set with
    /// [`ExtractorBuilder::language`], or the one detected from the text's
    /// function words ([`detect_language`]); `None` when it could not be
    /// told (a short text, or a language without a word list).
    ///
    /// [`ExtractorBuilder::language`]: crate::ExtractorBuilder::language
    /// [`detect_language`]: crate::detect_language
    #[serde(default)]
    pub language: Option<String>,
    /// How the text quotes people ([`Genre`]): the genre set with
    /// [`ExtractorBuilder::genre`], or the one read from the text (fiction
    /// when its tagged quotes in consecutive paragraphs mostly change
    /// speaker; news otherwise, and for a text with too few to tell).
    ///
    /// [`ExtractorBuilder::genre`]: crate::ExtractorBuilder::genre
    #[serde(default)]
    pub genre: Genre,
    /// Every quote, ordered by where its content starts.
    pub quotes: Vec<Quote>,
    /// Every entity, ordered by first mention.
    pub entities: Vec<Entity>,
    /// Why this text could not be extracted, `None` when it was. Only a
    /// batch ([`Extractor::extract_many`]) sets it: when extracting one of
    /// its texts panics (a bug), that text's document has no quotes and no
    /// entities and says here which text (its index in the batch) and what
    /// failed, while every other text of the batch is extracted as usual.
    /// Left out of the JSON when `None`.
    ///
    /// [`Extractor::extract_many`]: crate::Extractor::extract_many
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Document {
    /// The document of a text whose extraction failed: no quotes, no
    /// entities, and `error` saying what failed.
    pub fn failed(error: impl Into<String>) -> Document {
        Document {
            error: Some(error.into()),
            ..Document::default()
        }
    }

    /// The entity a quote's addressee resolved to, if any.
    pub fn addressee_entity(&self, quote: &Quote) -> Option<&Entity> {
        quote
            .addressee
            .as_ref()?
            .entity
            .and_then(|id| self.entities.get(id))
    }

    /// The entity a quote's speaker resolved to, if any.
    pub fn speaker_entity(&self, quote: &Quote) -> Option<&Entity> {
        quote
            .speaker
            .as_ref()?
            .entity
            .and_then(|id| self.entities.get(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::LinkMethod;

    /// `Display` of `value` is the string JSON has for it.
    fn displays_as_json<T: fmt::Display + Serialize>(values: &[T]) {
        for value in values {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(Some(value.to_string().as_str()), json.as_str());
        }
    }

    #[test]
    fn every_public_enum_displays_its_json_name() {
        use QuoteKind::*;
        displays_as_json(&[Direct, Indirect, Mixed, Partial]);
        use Method::*;
        displays_as_json(&[
            SpeechTag,
            AccordingTo,
            AdjacentLine,
            Continuation,
            Nearby,
            Turn,
        ]);
        use Resolution::*;
        displays_as_json(&[Name, Pronoun, Description, Unresolved]);
        displays_as_json(&[Genre::News, Genre::Fiction]);
        use EntityKind::*;
        displays_as_json(&[Person, Organisation, Place, Media, Other]);
        displays_as_json(&[Gender::Male, Gender::Female]);
        use LinkMethod::*;
        displays_as_json(&[Exact, Variant, Fuzzy, Descriptor]);
        assert_eq!(Method::SpeechTag.to_string(), "speech_tag");
        assert_eq!(format!("{:<8}|", QuoteKind::Direct), "direct  |");
    }

    #[test]
    fn confidence_has_three_decimals_and_prints_short() {
        let text = "“We will win,” Jane Smith said. “Not yet,” he replied, “not yet.” \
                    The minister said that it would rain, according to officials.";
        let doc = crate::Extractor::new().extract(text);
        assert!(doc.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 2);
        for s in doc.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
            let thousandths = s.confidence * 1000.0;
            assert_eq!(thousandths, thousandths.round(), "{}", s.confidence);
            // JSON writes the shortest form that reads back the same: at
            // most "0." and 3 digits, never `0.85499996`.
            let json = serde_json::to_string(&s.confidence).unwrap();
            assert!(json.len() <= 5, "{json}");
        }
    }

    #[test]
    fn round_confidence_is_the_nearest_thousandth() {
        for (x, want) in [
            (0.949_999_988_079_071, 0.95),
            (0.8554, 0.855),
            (0.0, 0.0),
            (1.0, 1.0),
        ] {
            assert_eq!(Speaker::round_confidence(x), want);
        }
        assert_eq!(
            Speaker::round_confidence(f64::from(0.855_f32)).to_string(),
            "0.855"
        );
    }
}
