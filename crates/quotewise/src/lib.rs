//! quotewise finds who said what in news text: every direct quote, indirect
//! and mixed speech, the speaker of each and the entity behind the speaker.
//! Rules and word lists only: no model, no download, no I/O but what you
//! ask for.
//!
//! This page is the manual. It walks through the main types in the order a
//! program meets them:
//!
//! * [`Extractor`], configured with an [`ExtractorBuilder`] and its
//!   [`Options`], turns a text into a [`Document`];
//! * a [`Document`] holds [`Quote`]s and [`Entity`]s;
//! * a [`Quote`] has a [`QuoteKind`], content [`Span`]s, a cue and a
//!   [`Speaker`] (found by a [`Method`], tied to an entity by a
//!   [`Resolution`], with a confidence);
//! * every [`Span`] carries byte *and* char offsets;
//! * a [`Gazetteer`] of the entities you follow links speakers and entities
//!   to your ids ([`LinkMethod`]);
//! * every fallible call returns the one [`Error`] type.
//!
//! # Extracting: [`Extractor`]
//!
//! [`Extractor::new`] gives the default options; [`Extractor::extract`]
//! never fails (empty text gives an empty document, unbalanced quotation
//! marks are repaired). Build the extractor once and reuse it: it is
//! `Send + Sync`, cheap to clone, and holds no state between calls.
//!
//! ```
//! let extractor = quotewise::Extractor::new();
//! let doc = extractor.extract("“We will win,” Jane Smith said. She said that the talks went well.");
//! assert_eq!(doc.quotes.len(), 2);
//! assert_eq!(doc.entities[0].name, "Jane Smith");
//!
//! // With your id on the document, as the CLI and Python bindings do.
//! let doc = extractor.extract_with_id("a1", "“Yes,” he said.");
//! assert_eq!(doc.id.as_deref(), Some("a1"));
//! ```
//!
//! Many texts at once: [`Extractor::extract_many`] runs on every core (rayon's
//! pool) and [`Extractor::extract_many_with_threads`] on exactly as many
//! threads as asked; either gives the documents in input order, each exactly
//! what [`Extractor::extract`] gives.
//!
//! ```
//! use std::num::NonZeroUsize;
//!
//! let extractor = quotewise::Extractor::new();
//! let texts = ["“Yes,” she said.", "No quotes here."];
//! let two = NonZeroUsize::new(2).unwrap();
//! let docs = extractor.extract_many_with_threads(&texts, two)?;
//! assert_eq!(docs, extractor.extract_many(&texts));
//! assert_eq!(docs[0], extractor.extract(texts[0]));
//! # Ok::<(), quotewise::Error>(())
//! ```
//!
//! ## Options
//!
//! [`ExtractorBuilder`] sets the [`Options`] and checks them in
//! [`ExtractorBuilder::build`]:
//!
//! | option | default | what it does |
//! | --- | --- | --- |
//! | [`indirect`](ExtractorBuilder::indirect) | `true` | report indirect speech (`X said that …`, `according to X, …`) |
//! | [`partial`](ExtractorBuilder::partial) | `false` | report a few quoted words in a sentence that is not reported speech (mostly titles and scare quotes, hence off) |
//! | [`min_confidence`](ExtractorBuilder::min_confidence) | `0.0` | drop speakers below this confidence (the quote stays); must be in `0..=1` |
//! | [`gazetteer`](ExtractorBuilder::gazetteer) | none | link entities and speakers to a [`Gazetteer`] |
//!
//! ```
//! use quotewise::{ExtractorBuilder, QuoteKind};
//!
//! let text = "She said that the plan failed. “It did,” Jane Smith said.";
//! let extractor = ExtractorBuilder::new().partial(true).min_confidence(0.5).build()?;
//! let kinds: Vec<QuoteKind> = extractor.extract(text).quotes.iter().map(|q| q.kind).collect();
//! assert_eq!(kinds, [QuoteKind::Indirect, QuoteKind::Direct]);
//!
//! let direct_only = ExtractorBuilder::new().indirect(false).build()?;
//! let kinds: Vec<QuoteKind> = direct_only.extract(text).quotes.iter().map(|q| q.kind).collect();
//! assert_eq!(kinds, [QuoteKind::Direct]);
//!
//! // Options serialize, so an extractor can be rebuilt elsewhere.
//! let again = ExtractorBuilder::from_options(extractor.options().clone()).build()?;
//! assert_eq!(again.options(), extractor.options());
//! # Ok::<(), quotewise::Error>(())
//! ```
//!
//! # Results: [`Document`], [`Quote`], [`Speaker`], [`Entity`]
//!
//! A [`Document`] lists its quotes by where their content starts and its
//! entities by first mention; [`Document::speaker_entity`] follows a quote's
//! speaker to its entity. All result types are plain owned values with serde
//! derives; the enums print (`Display`) the lower-case names their JSON uses.
//!
//! ```
//! use quotewise::{EntityKind, Method, QuoteKind, Resolution};
//!
//! let text = "Russian President Vladimir Putin spoke on Friday. “We are ready,” he said.";
//! let doc = quotewise::Extractor::new().extract(text);
//! let quote = &doc.quotes[0];
//! assert_eq!(quote.kind, QuoteKind::Direct);
//! assert_eq!(quote.text(), "“We are ready,”");
//! assert_eq!(quote.cue.as_ref().unwrap().text, "said");
//!
//! let speaker = quote.speaker.as_ref().unwrap();
//! assert_eq!(speaker.mention.as_ref().unwrap().text, "he");
//! assert_eq!(speaker.method, Method::SpeechTag);
//! assert_eq!(speaker.resolution, Resolution::Pronoun);
//! // A probability: a pronoun resolved across a sentence is less sure
//! // than a name beside its quote.
//! assert!((0.3..1.0).contains(&speaker.confidence));
//! assert_eq!(speaker.method.to_string(), "speech_tag");
//!
//! let putin = doc.speaker_entity(quote).unwrap();
//! assert_eq!(putin.name, "Vladimir Putin");
//! assert_eq!(putin.kind, EntityKind::Person);
//! assert!(putin.descriptors.iter().any(|d| d == "president"));
//! ```
//!
//! A quote split by its speech tag has one content piece per part;
//! [`Quote::text`] joins them:
//!
//! ```
//! let doc = quotewise::Extractor::new().extract("“We will win,” she said, “and soon.”");
//! let pieces: Vec<&str> = doc.quotes[0].content.iter().map(|s| s.text.as_str()).collect();
//! assert_eq!(pieces, ["“We will win,”", "“and soon.”"]);
//! ```
//!
//! # Offsets: [`Span`]
//!
//! Every piece of text in a result is a [`Span`]: byte offsets `start..end`
//! (slice the text with them in Rust), char offsets `char_start..char_end`
//! (Unicode code points: Python string indices, and the offsets of most
//! annotation files), and the text itself. Both are end-exclusive and lie on
//! char boundaries. [`CharIndex`] makes the same conversion for your own
//! offsets.
//!
//! ```
//! let text = "Peskóv: “Nein,” sagte er. “No,” Peskóv said.";
//! let doc = quotewise::ExtractorBuilder::new().language("en").build()?.extract(text);
//! let span = &doc.quotes.last().unwrap().content[0];
//! assert_eq!(&text[span.range()], "“No,”");
//! let chars: String = text.chars().skip(span.char_start).take(span.char_end - span.char_start).collect();
//! assert_eq!(chars, span.text);
//! assert!(span.start > span.char_start, "ó and the quotation marks take several bytes");
//! # Ok::<(), quotewise::Error>(())
//! ```
//!
//! # Linking: [`Gazetteer`]
//!
//! A [`Gazetteer`] is built once ([`GazetteerBuilder`], or from a `.csv`,
//! `.tsv` or `.jsonl` file with [`Gazetteer::from_path`]) and matches its
//! entries in text by exact name, generated variant (surname, title +
//! surname, initial, possessive), fuzzy match (`Rosiah 24` → Rossiya 24) or
//! listed description. Given to the extractor, it links each entity:
//! [`Entity::gazetteer_id`], [`Entity::link`] (a [`LinkMethod`]) and
//! the entry's canonical name and kind.
//!
//! ```
//! use quotewise::{EntityKind, ExtractorBuilder, Gazetteer, GazetteerEntry, LinkMethod};
//!
//! let gazetteer = Gazetteer::builder()
//!     .entry(GazetteerEntry::new("Q7747", "Vladimir Putin", EntityKind::Person))
//!     .entry(GazetteerEntry::new("Q4063", "Dmitry Peskov", EntityKind::Person).alias("Dmitri Peskov"))
//!     .build()?;
//! let found = gazetteer.find("Peskov met Putin.");
//! assert_eq!(found[0].id.as_deref(), Some("Q4063"));
//! assert_eq!(found[0].method, LinkMethod::Variant);
//!
//! let extractor = ExtractorBuilder::new().gazetteer(gazetteer).build()?;
//! let doc = extractor.extract("“Talks go on,” Peskow said.");
//! let peskov = doc.speaker_entity(&doc.quotes[0]).unwrap();
//! assert_eq!(peskov.gazetteer_id.as_deref(), Some("Q4063"));
//! assert_eq!(peskov.name, "Dmitry Peskov");
//! assert_eq!(peskov.link, Some(LinkMethod::Fuzzy));
//! # Ok::<(), quotewise::Error>(())
//! ```
//!
//! The gazetteer file formats are described at [`GazetteerBuilder::read_csv`]
//! and [`GazetteerBuilder::read_jsonl`]: a header naming `id`, `name`, `kind`
//! and optionally `aliases`, `descriptors`, `gender`; several values in one
//! field separated by `|`.
//!
//! # Errors: [`Error`]
//!
//! Extraction never fails. Building (bad options, a bad gazetteer) and
//! reading files can: they return the one opaque [`Error`]. Its `Display`
//! says what went wrong, where (file, line, column) and what was expected;
//! [`Error::kind`] gives an [`ErrorKind`] to branch on and
//! [`Error::location`] the parts of the place.
//!
//! ```
//! use quotewise::{ErrorKind, ExtractorBuilder, GazetteerBuilder};
//!
//! let err = ExtractorBuilder::new().min_confidence(1.5).build().unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Config);
//! assert_eq!(err.to_string(), "min_confidence must be a number in 0..=1, got 1.5");
//!
//! let csv = "id,name,kind\nputin,Vladimir Putin,politician\n";
//! let err = GazetteerBuilder::new().read_csv(csv.as_bytes(), "people.csv", b',').unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Gazetteer);
//! assert_eq!(err.location().line, Some(2));
//! assert_eq!(
//!     err.to_string(),
//!     "people.csv:line 2:column 22: unknown kind 'politician'; \
//!      expected one of person, organisation, place, media, other"
//! );
//! ```
//!
//! # Threads
//!
//! [`Extractor`], [`Gazetteer`] and every result type are `Send + Sync`:
//! share one extractor between threads (behind an `Arc`, or by reference in
//! scoped threads) rather than building one per thread.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod attribute;
mod batch;
mod characters;
mod conversation;
mod cues;
mod entities;
mod error;
mod extractor;
mod gazetteer;
mod language;
mod layout;
mod lexicon;
mod marks;
mod mentions;
mod model;
mod pipeline;
mod resolve;
mod score;
mod span;
mod text;

pub use crate::error::{Error, ErrorKind, Location};
pub use crate::extractor::{Extractor, ExtractorBuilder, Options};
pub use crate::gazetteer::{
    Gazetteer, GazetteerBuilder, GazetteerEntry, GazetteerMatch, GazetteerOptions, LinkMethod,
};
pub use crate::language::{
    detect_language, detect_paragraph_languages, detectable_languages, Detection, LanguageScore,
    ParagraphLanguage,
};
pub use crate::lexicon::{Lexicon, LEXICON_FILES};
pub use crate::model::{
    Addressee, Document, Entity, EntityKind, Gender, Genre, Method, Quote, QuoteKind, Resolution,
    Speaker,
};
pub use crate::span::{CharIndex, Span};

/// The README's examples, run as doctests (its `sh` and `python` blocks are
/// not Rust and are not compiled).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
