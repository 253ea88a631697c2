//! `Document`: the result of one text, with the text it came from (for the
//! notebook view).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyType};
use pyo3::{PyClass, PyClassInitializer};
use quotewise::Document;

use crate::error::arg;
use crate::value::{from_json, py_repr, py_repr_opt, to_dict, to_json, PyEntity, PyQuote, Reduce};

/// The quotes, speakers and entities of one text.
///
/// ``Document`` keeps a reference to the text it was extracted from (not a
/// copy), so that it can show itself in a notebook.
#[pyclass(frozen, module = "quotewise", name = "Document")]
pub struct PyDocument {
    doc: Document,
    text: Option<Py<PyString>>,
    /// The Python objects of `doc.quotes`, made on the first access and
    /// handed out again by later ones (each gets its own list of them).
    quotes: PyOnceLock<Vec<Py<PyQuote>>>,
    /// The same for `doc.entities`.
    entities: PyOnceLock<Vec<Py<PyEntity>>>,
}

impl PyDocument {
    /// The document `doc` of `text`.
    pub(crate) fn new(doc: Document, text: Option<Py<PyString>>) -> PyDocument {
        PyDocument {
            doc,
            text,
            quotes: PyOnceLock::new(),
            entities: PyOnceLock::new(),
        }
    }
}

/// A new list of the objects `cell` holds, made from `values` on the first
/// call.
fn cached_list<'py, T, P>(
    py: Python<'py>,
    cell: &PyOnceLock<Vec<Py<P>>>,
    values: &[T],
    wrap: impl Fn(T) -> P,
) -> PyResult<Bound<'py, PyList>>
where
    T: Clone,
    P: PyClass + Into<PyClassInitializer<P>>,
{
    let objects = cell.get_or_try_init(py, || {
        values
            .iter()
            .map(|v| Py::new(py, wrap(v.clone())))
            .collect::<PyResult<Vec<_>>>()
    })?;
    PyList::new(py, objects.iter().map(|o| o.bind(py)))
}

/// The pure-Python notebook helpers (HTML view, pandas).
pub(crate) const NOTEBOOK_MODULE: &str = "quotewise._notebook";

#[pymethods]
impl PyDocument {
    /// The caller's id for the text, if given.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.doc.id.as_deref()
    }

    /// The text's language code (``"en"``, ``"de"``, …): the one the
    /// extractor was given, or the one detected from the text's function
    /// words; ``None`` when it could not be told (a short text, or a
    /// language without a word list).
    #[getter]
    fn language(&self) -> Option<&str> {
        self.doc.language.as_deref()
    }

    /// How the text quotes people, ``"news"`` or ``"fiction"``: the
    /// extractor's ``genre``, or the one read from the text (fiction when
    /// its tagged quotes in consecutive paragraphs mostly change speaker).
    #[getter]
    fn genre(&self) -> &'static str {
        self.doc.genre.as_str()
    }

    /// The text the document was extracted from (``None`` for a document
    /// read back with ``from_json`` without its text).
    #[getter]
    fn text(&self, py: Python<'_>) -> Option<Py<PyString>> {
        self.text.as_ref().map(|t| t.clone_ref(py))
    }

    /// Why the text could not be extracted, ``None`` when it was. Only
    /// ``Extractor.extract_many`` sets it: a text whose extraction failed (a
    /// bug in quotewise) gets a document with this message (which names the
    /// text's index in the batch), its ``id``, and no quotes or entities,
    /// while the other texts come back as usual. ``extract`` raises
    /// ``InternalError`` instead.
    #[getter]
    fn error(&self) -> Option<&str> {
        self.doc.error.as_deref()
    }

    /// Every quote, ordered by where its content starts. Each access gives
    /// a new list of the same (immutable) ``Quote`` objects.
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.quotes, &self.doc.quotes, PyQuote)
    }

    /// Every entity, ordered by first mention; ``entities[i].id == i``. Each
    /// access gives a new list of the same (immutable) ``Entity`` objects.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached_list(py, &self.entities, &self.doc.entities, PyEntity)
    }

    /// The entity the quote's speaker resolved to, if any.
    fn speaker_entity(&self, quote: &Bound<'_, PyAny>) -> PyResult<Option<PyEntity>> {
        let quote: PyRef<'_, PyQuote> = arg(quote, "quote", "Quote")?;
        Ok(self.doc.speaker_entity(&quote.0).cloned().map(PyEntity))
    }

    /// The entity the quote's addressee resolved to, if any.
    fn addressee_entity(&self, quote: &Bound<'_, PyAny>) -> PyResult<Option<PyEntity>> {
        let quote: PyRef<'_, PyQuote> = arg(quote, "quote", "Quote")?;
        Ok(self.doc.addressee_entity(&quote.0).cloned().map(PyEntity))
    }

    /// The document as JSON (without the text), the same as the Rust crate
    /// and the CLI write.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.doc)
    }

    /// The document as plain dicts, lists, strings and numbers (without the
    /// text).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.doc)
    }

    /// Reads a document from the JSON ``to_json`` (or the CLI) writes;
    /// ``text`` is the text it was extracted from, if you have it.
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        data: &Bound<'_, PyAny>,
        text: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let text = match text {
            Some(t) if !t.is_none() => {
                Some(arg::<Bound<'_, PyString>>(t, "text", "str or None")?.unbind())
            }
            _ => None,
        };
        Ok(PyDocument::new(from_json(data, "document")?, text))
    }

    /// The quotes as a pandas DataFrame, one row per quote (see
    /// ``quotewise.to_pandas``).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "to_pandas", slf)
    }

    /// The entities as a pandas DataFrame, one row per entity (see
    /// ``quotewise.entities_to_pandas``).
    fn entities_to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "entities_to_pandas", slf)
    }

    /// The text with each speaker's quotes highlighted in the speaker's
    /// colour, and a legend (Jupyter calls this).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "document_html", slf)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyDocument>) -> PyResult<bool> {
        let other = other.get();
        let same_text = match (&self.text, &other.text) {
            (None, None) => true,
            (Some(a), Some(b)) => a.bind(py).as_any().eq(b.bind(py))?,
            _ => false,
        };
        Ok(same_text && self.doc == other.doc)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<Reduce<'py, (String, Option<Py<PyString>>)>> {
        let py = slf.py();
        let this = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (this.to_json()?, this.text(py)),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let error = match &self.doc.error {
            Some(e) => format!(", error={}", py_repr(py, e)),
            None => String::new(),
        };
        let language = match &self.doc.language {
            Some(code) => format!(", language={}", py_repr(py, code)),
            None => String::new(),
        };
        format!(
            "Document(id={}{language}, quotes=<{} quotes>, entities=<{} entities>{error})",
            py_repr_opt(py, self.doc.id.as_deref()),
            self.doc.quotes.len(),
            self.doc.entities.len()
        )
    }
}

/// Calls `quotewise._notebook.<function>(doc)`.
fn notebook<'py>(
    py: Python<'py>,
    function: &str,
    doc: &Bound<'py, PyDocument>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(NOTEBOOK_MODULE)?.getattr(function)?.call1((doc,))
}
