//! Small result values: `Span`, `Speaker`, `Addressee`, `Quote`, `Entity`. Each is a frozen
//! newtype over the core type; getters convert on access.

use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};
use quotewise::{Addressee, Entity, Gender, Quote, Span, Speaker};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::str_arg;

/// JSON of a value, exactly as the Rust crate and the CLI write it.
pub(crate) fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("cannot write JSON: {e}")))
}

/// The value as plain Python dicts, lists, strings and numbers.
pub(crate) fn to_dict<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (to_json(value)?,))
}

/// Reads a value from the JSON [`to_json`] writes; a `ParseError` says what
/// is wrong and where.
pub(crate) fn from_json<T: DeserializeOwned>(data: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let text = str_arg(data, "data")?.to_str()?;
    serde_json::from_str(text).map_err(|e| {
        let err = quotewise::Error::new(
            quotewise::ErrorKind::Parse,
            format!("expected the JSON of a {what}: {e}"),
        )
        .at_line(e.line())
        .at_column(e.column());
        crate::error::to_py_err(data.py(), &err)
    })
}

/// What `__reduce__` returns: a callable rebuilding the value, and its
/// arguments.
pub(crate) type Reduce<'py, A> = (Bound<'py, PyAny>, A);

/// Python's `repr` of a string (quotes and escapes as Python writes them).
pub(crate) fn py_repr(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map_or_else(|_| format!("{text:?}"), |r| r.to_string())
}

/// Python's `repr` of a bool.
pub(crate) fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// `py_repr` of an optional string, `None` when absent.
pub(crate) fn py_repr_opt(py: Python<'_>, text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_string(), |t| py_repr(py, t))
}

/// Adds the methods every value class shares: `to_json`, `to_dict`,
/// `from_json` and pickling through them, after the class's own methods.
macro_rules! value_class {
    ($class:ident, $what:literal, { $($methods:tt)* }) => {
        #[pymethods]
        impl $class {
            $($methods)*

            /// The value as JSON, the same as the Rust crate and the CLI write.
            fn to_json(&self) -> PyResult<String> {
                crate::value::to_json(&self.0)
            }

            /// The value as plain dicts, lists, strings and numbers.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                crate::value::to_dict(py, &self.0)
            }

            /// Reads a value from the JSON `to_json` writes.
            #[classmethod]
            fn from_json(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
                crate::value::from_json(data, $what).map(Self)
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<crate::value::Reduce<'py, (String,)>> {
                Ok((slf.get_type().getattr("from_json")?, (slf.get().to_json()?,)))
            }
        }
    };
}
pub(crate) use value_class;

/// A piece of the text: char offsets (for slicing the Python string), byte
/// offsets (for the UTF-8 bytes) and the text itself.
#[pyclass(frozen, eq, module = "quotewise", name = "Span")]
#[derive(Clone, PartialEq)]
pub struct PySpan(pub Span);

value_class!(PySpan, "span", {
    #[new]
    fn new(start: usize, end: usize, char_start: usize, char_end: usize, text: String) -> Self {
        PySpan(Span::new(start, end, char_start, char_end, text))
    }

    /// Char offset of the first char: ``text[span.char_start:span.char_end]`` is the span.
    #[getter]
    fn char_start(&self) -> usize {
        self.0.char_start
    }

    /// Char offset one past the last char.
    #[getter]
    fn char_end(&self) -> usize {
        self.0.char_end
    }

    /// Byte offset (in the UTF-8 encoding) of the first byte.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }

    /// Byte offset one past the last byte.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }

    /// The text of the span.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let s = &self.0;
        format!(
            "Span(start={}, end={}, char_start={}, char_end={}, text={})",
            s.start,
            s.end,
            s.char_start,
            s.char_end,
            py_repr(py, &s.text)
        )
    }
});

/// Who said a quote: the mention where it is attributed, the entity it
/// resolved to, and how it was found.
#[pyclass(frozen, eq, module = "quotewise", name = "Speaker")]
#[derive(Clone, PartialEq)]
pub struct PySpeaker(pub Speaker);

value_class!(PySpeaker, "speaker", {
    /// The words naming the speaker (a name, pronoun or description), or
    /// ``None`` when carried over from an earlier quote.
    #[getter]
    fn mention(&self) -> Option<PySpan> {
        self.0.mention.clone().map(PySpan)
    }

    /// The id of the speaker's entity in ``Document.entities``, if resolved.
    #[getter]
    fn entity(&self) -> Option<usize> {
        self.0.entity
    }

    /// How the speaker was found: ``speech_tag``, ``according_to``,
    /// ``adjacent_line``, ``continuation``, ``nearby`` or ``turn``.
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method.as_str()
    }

    /// How the mention was tied to the entity: ``name``, ``pronoun``,
    /// ``description`` or ``unresolved``.
    #[getter]
    fn resolution(&self) -> &'static str {
        self.0.resolution.as_str()
    }

    /// Confidence in 0..1 that the speaker is right, rounded to 3 decimals
    /// (the same number in ``repr``, ``to_dict`` and ``to_json``).
    #[getter]
    fn confidence(&self) -> f64 {
        self.0.confidence
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let s = &self.0;
        format!(
            "Speaker(mention={}, entity={}, method={}, resolution={}, confidence={:?})",
            py_repr_opt(py, s.mention.as_ref().map(|m| m.text.as_str())),
            s.entity
                .map_or_else(|| "None".to_string(), |e| e.to_string()),
            py_repr(py, s.method.as_str()),
            py_repr(py, s.resolution.as_str()),
            s.confidence
        )
    }
});

/// Whom a quote is said to: the vocative naming them in the quote, if any,
/// and the entity.
#[pyclass(frozen, eq, module = "quotewise", name = "Addressee")]
#[derive(Clone, PartialEq)]
pub struct PyAddressee(pub Addressee);

value_class!(PyAddressee, "addressee", {
    /// The vocative naming the addressee in the quote (``“Jane, tell
    /// him”``), or ``None`` when the addressee is the other party of the
    /// conversation.
    #[getter]
    fn mention(&self) -> Option<PySpan> {
        self.0.mention.clone().map(PySpan)
    }

    /// The id of the addressee's entity in ``Document.entities``, if
    /// resolved.
    #[getter]
    fn entity(&self) -> Option<usize> {
        self.0.entity
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let a = &self.0;
        format!(
            "Addressee(mention={}, entity={})",
            py_repr_opt(py, a.mention.as_ref().map(|m| m.text.as_str())),
            a.entity
                .map_or_else(|| "None".to_string(), |e| e.to_string()),
        )
    }
});

/// One quotation: its kind, its content (one or more spans), the reporting
/// cue, the speaker and the addressee.
#[pyclass(frozen, eq, module = "quotewise", name = "Quote")]
#[derive(Clone, PartialEq)]
pub struct PyQuote(pub Quote);

value_class!(PyQuote, "quote", {
    /// ``direct``, ``indirect``, ``mixed`` or ``partial``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The quoted words: the text of the pieces joined by a space, without
    /// the speech tag between them (``“A,” “B.”`` for ``“A,” he said,
    /// “B.”``). Direct quotes include their quotation marks. For a quote of
    /// one piece it is ``text[char_start:char_end]``; for several it is not
    /// a slice of the text: use ``pieces`` for where each piece is.
    #[getter]
    fn text(&self) -> String {
        self.0.text()
    }

    /// The pieces of the quote, in text order, each a ``Span`` with its own
    /// offsets and text: one for most quotes, two for ``“A,” he said,
    /// “B.”``. The speech tag between pieces is in none of them.
    #[getter]
    fn pieces(&self) -> Vec<PySpan> {
        self.content()
    }

    /// The pieces (``pieces``), under the Rust crate's name for them.
    #[getter]
    fn content(&self) -> Vec<PySpan> {
        self.0.content.iter().cloned().map(PySpan).collect()
    }

    /// Char offset where the first piece starts. With ``char_end`` it is
    /// the whole quote's extent: for a quote in several pieces
    /// ``text[char_start:char_end]`` includes the speech tag between them.
    #[getter]
    fn char_start(&self) -> usize {
        self.0.content.first().map_or(0, |s| s.char_start)
    }

    /// Char offset where the last piece ends (see ``char_start``).
    #[getter]
    fn char_end(&self) -> usize {
        self.0.content.last().map_or(0, |s| s.char_end)
    }

    /// The reporting verb or phrase (``said``, ``according to``), if any.
    #[getter]
    fn cue(&self) -> Option<PySpan> {
        self.0.cue.clone().map(PySpan)
    }

    /// The speaker, if found.
    #[getter]
    fn speaker(&self) -> Option<PySpeaker> {
        self.0.speaker.clone().map(PySpeaker)
    }

    /// Whom the quote is said to, if known.
    #[getter]
    fn addressee(&self) -> Option<PyAddressee> {
        self.0.addressee.clone().map(PyAddressee)
    }

    /// The language of the quote's paragraphs (``"es"``) where the
    /// document mixes languages, each read with its own lexicon; ``None``
    /// otherwise (the quote is in ``Document.language``).
    #[getter]
    fn language(&self) -> Option<String> {
        self.0.language.clone()
    }

    /// The speaker's method (see ``Speaker.method``), ``None`` without speaker.
    #[getter]
    fn method(&self) -> Option<&'static str> {
        self.0.speaker.as_ref().map(|s| s.method.as_str())
    }

    /// The speaker's confidence (``Speaker.confidence``), ``None`` without
    /// speaker.
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.0.speaker.as_ref().map(|s| s.confidence)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let q = &self.0;
        let speaker = q.speaker.as_ref().and_then(|s| s.mention.as_ref());
        format!(
            "Quote(kind={}, text={}, speaker={}, char_start={}, char_end={})",
            py_repr(py, q.kind.as_str()),
            py_repr(py, &q.text()),
            py_repr_opt(py, speaker.map(|m| m.text.as_str())),
            self.char_start(),
            self.char_end()
        )
    }
});

/// A person, organisation, place or outlet mentioned in a document.
#[pyclass(frozen, eq, module = "quotewise", name = "Entity")]
#[derive(Clone, PartialEq)]
pub struct PyEntity(pub Entity);

value_class!(PyEntity, "entity", {
    /// The id, its index in ``Document.entities``; ``Speaker.entity`` refers to it.
    #[getter]
    fn id(&self) -> usize {
        self.0.id
    }

    /// The fullest name found, or the gazetteer's name when linked.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// ``person``, ``organisation``, ``place``, ``media`` or ``other``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// ``male`` or ``female`` where pronouns or honorifics show it, else ``None``.
    #[getter]
    fn gender(&self) -> Option<&'static str> {
        self.0.gender.map(Gender::as_str)
    }

    /// Every mention by name, in text order.
    #[getter]
    fn mentions(&self) -> Vec<PySpan> {
        self.0.mentions.iter().cloned().map(PySpan).collect()
    }

    /// Titles, roles and nationalities the text gives it, lower-cased.
    #[getter]
    fn descriptors(&self) -> Vec<String> {
        self.0.descriptors.clone()
    }

    /// The id of the linked gazetteer record, if any.
    #[getter]
    fn gazetteer_id(&self) -> Option<&str> {
        self.0.gazetteer_id.as_deref()
    }

    /// How it was linked to the gazetteer (``exact``, ``variant``, ``fuzzy``,
    /// ``descriptor``), if linked.
    #[getter]
    fn link(&self) -> Option<&'static str> {
        self.0.link.map(|l| l.as_str())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let e = &self.0;
        format!(
            "Entity(id={}, name={}, kind={}, gazetteer_id={})",
            e.id,
            py_repr(py, &e.name),
            py_repr(py, e.kind.as_str()),
            py_repr_opt(py, e.gazetteer_id.as_deref())
        )
    }
});
