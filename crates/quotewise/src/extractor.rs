//! The [`Extractor`]: configured once with an [`ExtractorBuilder`], then used
//! on many texts, from many threads.

use std::sync::Arc;

use crate::lexicon::Lexicon;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::gazetteer::Gazetteer;
use crate::model::{Document, Genre, Quote};

/// The settings of an [`Extractor`]. Serializable, so an extractor can be
/// rebuilt elsewhere (pickling, Spark) from its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Options {
    /// Report indirect speech (`X said that …`, `according to X, …`).
    pub indirect: bool,
    /// Report partial quotes: a few quoted words inside a sentence that is
    /// not itself reported speech (`Putin suggested a “virtually live”
    /// experiment`), attributed to the subject of a reporting verb before
    /// them. Off by default: most such words are titles and scare quotes,
    /// not attributions. Quoted words inside indirect speech are always
    /// reported, as part of a mixed quote.
    pub partial: bool,
    /// Drop speakers whose confidence is below this (the quote is still
    /// reported, without speaker). Compared with [`Speaker::confidence`],
    /// which has 3 decimals: `0.855` keeps a speaker of confidence `0.855`.
    ///
    /// [`Speaker::confidence`]: crate::Speaker::confidence
    pub min_confidence: f64,
    /// The language of the texts (`"de"`), or `None` to detect it in each
    /// text from its function words (the default). Every document says its
    /// language ([`Document::language`]).
    pub language: Option<String>,
    /// How the texts quote people ([`Genre`]), or `None` to read it from
    /// each text (the default). Every document says the genre it was read
    /// as ([`Document::genre`]).
    pub genre: Option<Genre>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            indirect: true,
            partial: false,
            min_confidence: 0.0,
            language: None,
            genre: None,
        }
    }
}

/// Configures and builds an [`Extractor`].
///
/// ```
/// let extractor = quotewise::ExtractorBuilder::new().indirect(false).build()?;
/// let doc = extractor.extract("“We will win,” she said.");
/// assert_eq!(doc.quotes.len(), 1);
/// # Ok::<(), quotewise::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    options: Options,
    gazetteer: Option<Arc<Gazetteer>>,
    lexicon: Option<Arc<Lexicon>>,
}

impl ExtractorBuilder {
    /// A builder with the default options.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// A builder starting from `options`.
    pub fn from_options(options: Options) -> ExtractorBuilder {
        ExtractorBuilder {
            options,
            gazetteer: None,
            lexicon: None,
        }
    }

    /// Links entities and speakers to `gazetteer` (see [`Gazetteer::link`]).
    /// Accepts a `Gazetteer` or an `Arc<Gazetteer>` shared with other
    /// extractors.
    pub fn gazetteer(mut self, gazetteer: impl Into<Arc<Gazetteer>>) -> ExtractorBuilder {
        self.gazetteer = Some(gazetteer.into());
        self
    }

    /// Reads text with the words of `lexicon` (by default
    /// [`Lexicon::english`]). Accepts a `Lexicon` or an `Arc<Lexicon>`
    /// shared with other extractors.
    pub fn lexicon(mut self, lexicon: impl Into<Arc<Lexicon>>) -> ExtractorBuilder {
        self.lexicon = Some(lexicon.into());
        self
    }

    /// Whether to report indirect speech (default `true`).
    pub fn indirect(mut self, yes: bool) -> ExtractorBuilder {
        self.options.indirect = yes;
        self
    }

    /// Whether to report partial quotes (default `false`; see
    /// [`Options::partial`]).
    pub fn partial(mut self, yes: bool) -> ExtractorBuilder {
        self.options.partial = yes;
        self
    }

    /// Speakers below this confidence are dropped (default `0.0`). Takes an
    /// `f64` or an `f32`; an `f32` such as `0.855_f32` is a little off its
    /// decimal (`0.85500001…`) and would drop a speaker of confidence
    /// `0.855`, so pass `f64` where the exact threshold matters.
    pub fn min_confidence(mut self, value: impl Into<f64>) -> ExtractorBuilder {
        self.options.min_confidence = value.into();
        self
    }

    /// The language of the texts: a code such as `"de"` (one of
    /// [`detectable_languages`](crate::detectable_languages) or of
    /// [`Lexicon::languages`]), or `"auto"` to detect it in each text (the
    /// default). A code with a built-in lexicon also picks that lexicon,
    /// unless [`ExtractorBuilder::lexicon`] gives one.
    ///
    /// ```
    /// let extractor = quotewise::ExtractorBuilder::new().language("de").build()?;
    /// assert_eq!(extractor.extract("„Ja“, sagte sie.").language.as_deref(), Some("de"));
    /// let auto = quotewise::Extractor::new();
    /// let doc = auto.extract("„Wir geben nicht auf“, sagte der Minister am Montag.");
    /// assert_eq!(doc.language.as_deref(), Some("de"));
    /// # Ok::<(), quotewise::Error>(())
    /// ```
    pub fn language(mut self, code: &str) -> ExtractorBuilder {
        self.options.language = (code != "auto").then(|| code.to_string());
        self
    }

    /// How the texts quote people: [`Genre::News`] (an untagged quote
    /// continues the previous speaker), [`Genre::Fiction`] (untagged quotes
    /// take turns), or `None` to read it from each text (the default).
    ///
    /// ```
    /// use quotewise::{ExtractorBuilder, Genre};
    /// let text = "“Where are you going?” asked Mary.\n\n“Home,” John replied.\n\n\
    ///             “Stay a little longer.”\n\n“I can’t.”";
    /// let speakers = |genre: Genre| -> Vec<String> {
    ///     let doc = ExtractorBuilder::new().genre(genre).build().unwrap().extract(text);
    ///     assert_eq!(doc.genre, genre);
    ///     doc.quotes.iter().map(|q| doc.speaker_entity(q).unwrap().name.clone()).collect()
    /// };
    /// assert_eq!(speakers(Genre::Fiction), ["Mary", "John", "Mary", "John"]);
    /// assert_eq!(speakers(Genre::News), ["Mary", "John", "John", "John"]);
    /// ```
    pub fn genre(mut self, genre: impl Into<Option<Genre>>) -> ExtractorBuilder {
        self.options.genre = genre.into();
        self
    }

    /// Checks the options and builds the extractor.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] when `min_confidence` is not in `0..=1`, or
    /// the language is neither `auto` nor a known code.
    pub fn build(self) -> Result<Extractor, Error> {
        let c = self.options.min_confidence;
        if !(0.0..=1.0).contains(&c) {
            return Err(Error::new(
                ErrorKind::Config,
                format!("min_confidence must be a number in 0..=1, got {c}"),
            ));
        }
        let mut built_in = None;
        if let Some(code) = &self.options.language {
            let known = crate::language::detectable_languages()
                .chain(Lexicon::languages())
                .any(|k| k == code);
            if !known {
                let mut codes: Vec<&str> = crate::language::detectable_languages()
                    .chain(Lexicon::languages())
                    .collect();
                codes.sort_unstable();
                codes.dedup();
                return Err(Error::new(
                    ErrorKind::Config,
                    format!(
                        "unknown language {code:?}: expected auto or one of {}",
                        codes.join(", ")
                    ),
                ));
            }
            built_in = Lexicon::built_in(code);
        }
        // With neither a lexicon nor a language given, each text is read
        // with the built-in lexicon of its detected language.
        let per_text = self.lexicon.is_none() && self.options.language.is_none();
        Ok(Extractor {
            options: self.options,
            gazetteer: self.gazetteer,
            lexicon: self.lexicon.or(built_in).unwrap_or_else(Lexicon::english),
            per_text,
            panic_on: None,
        })
    }
}

/// Finds quotes and speakers in texts. Build it once with
/// [`ExtractorBuilder`]; it is `Send + Sync` and cheap to call.
#[derive(Clone, Debug)]
pub struct Extractor {
    options: Options,
    gazetteer: Option<Arc<Gazetteer>>,
    /// The lexicon given, or that of the language given, or English.
    lexicon: Arc<Lexicon>,
    /// Whether each text is read with the lexicon of its detected language
    /// (falling back on `lexicon` when it has none).
    per_text: bool,
    /// See [`Extractor::panicking_on_text_containing`].
    panic_on: Option<Arc<str>>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        ExtractorBuilder::new()
            .build()
            .expect("default options are valid")
    }
}

impl Extractor {
    /// An extractor with the default options.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// The options this extractor was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The gazetteer entities are linked to, if any.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_deref()
    }

    /// The words this extractor reads text with: the lexicon given to
    /// the builder, or the built-in one of the language given, or English.
    /// An extractor given neither (the default) reads each text with the
    /// built-in lexicon of the text's detected language, and this one
    /// (English) where that language has none.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The language of `text` and the lexicon to read it with.
    fn reading(&self, text: &str) -> (Option<String>, Arc<Lexicon>) {
        if let Some(code) = &self.options.language {
            return (Some(code.clone()), self.lexicon.clone());
        }
        let detected = crate::language::document_language(text);
        let lexicon = detected
            .filter(|_| self.per_text)
            .and_then(Lexicon::built_in)
            .unwrap_or_else(|| self.lexicon.clone());
        (detected.map(str::to_string), lexicon)
    }

    /// Extracts quotes, speakers and entities from `text`.
    ///
    /// Never fails: empty text gives an empty document, unbalanced quotation
    /// marks are repaired. A panic here is a bug; [`Extractor::extract_many`]
    /// catches it and reports it in that text's [`Document::error`].
    pub fn extract(&self, text: &str) -> Document {
        if let Some(needle) = &self.panic_on {
            assert!(
                !text.contains(&**needle),
                "test panic: the text contains {needle:?}"
            );
        }
        let (language, lexicon) = self.reading(text);
        let doc = crate::pipeline::run(&self.options, language, &lexicon, self.gazetteer(), text);
        if self.per_text {
            return self.by_language(text, doc);
        }
        doc
    }

    /// `doc`, the text read whole, with the stretches of `text` in other
    /// languages read again with their own lexicons, when its paragraphs
    /// are in several (see [`crate::language::language_runs`]): spliced
    /// into `doc` when its language is known, else the whole text read
    /// stretch by stretch.
    fn by_language(&self, text: &str, doc: Document) -> Document {
        let unsaid: Vec<usize> = doc
            .quotes
            .iter()
            .filter(|q| q.speaker.is_none())
            .map(Quote::start)
            .collect();
        if doc.language.is_some() && unsaid.is_empty() {
            return doc;
        }
        let runs = crate::language::language_runs(text, doc.language.as_deref(), |a, b| {
            unsaid.iter().any(|&q| (a..b).contains(&q))
        });
        let Some(runs) = runs else { return doc };
        let g = self.gazetteer();
        if let [(_, l)] = runs[..] {
            // A document too evenly split to tell, whose paragraphs tell one.
            let Some(lexicon) = Lexicon::built_in(l) else {
                return doc;
            };
            return crate::pipeline::run(&self.options, Some(l.to_string()), &lexicon, g, text);
        }
        let runs: Vec<_> = runs
            .into_iter()
            .map(|(range, l)| {
                let lexicon = Lexicon::built_in(l).unwrap_or_else(|| self.lexicon.clone());
                (range, l, lexicon)
            })
            .collect();
        match doc.language {
            Some(_) => crate::pipeline::splice_languages(&self.options, doc, &runs, g, text),
            None => crate::pipeline::run_by_language(&self.options, &runs, g, text),
        }
    }

    /// As [`Extractor::extract`], with the features the speaker scorer saw
    /// for each quote (in quote order; `None` where no speaker was found),
    /// named by [`Extractor::speaker_feature_names`]. For refitting the
    /// scorer (`scripts/fit_speaker_scorer.py`); not a stable API.
    #[doc(hidden)]
    pub fn extract_with_speaker_features(&self, text: &str) -> (Document, Vec<Option<Vec<f64>>>) {
        let mut features = Vec::new();
        let (language, lexicon) = self.reading(text);
        let doc = crate::pipeline::run_recording(
            &self.options,
            language,
            &lexicon,
            self.gazetteer(),
            text,
            Some(&mut features),
        );
        let features = features.into_iter().map(|x| x.map(Vec::from)).collect();
        (doc, features)
    }

    /// The names of the speaker features, in the order
    /// [`Extractor::extract_with_speaker_features`] gives them.
    #[doc(hidden)]
    pub fn speaker_feature_names() -> &'static [&'static str] {
        &crate::score::FEATURES
    }

    /// Testing only, not part of the stable API: a copy of this extractor
    /// that panics on every text containing `needle`, so that tests (also
    /// of the CLI and the Python module) can see how a bug met in one text
    /// of a batch is reported ([`Document::error`]). The hook is not among
    /// the [`Extractor::options`], so it is not serialized or pickled.
    #[doc(hidden)]
    pub fn panicking_on_text_containing(&self, needle: &str) -> Extractor {
        Extractor {
            panic_on: Some(needle.into()),
            ..self.clone()
        }
    }

    /// As [`Extractor::extract`], with the caller's `id` set on the document.
    pub fn extract_with_id(&self, id: impl Into<String>, text: &str) -> Document {
        let mut doc = self.extract(text);
        doc.id = Some(id.into());
        doc
    }
}
