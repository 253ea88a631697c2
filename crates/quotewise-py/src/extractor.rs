//! `Extractor`: the configured extractor, one text or many at a time.

use std::num::NonZeroUsize;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};
use quotewise::{Extractor, ExtractorBuilder, Genre, Options};

use crate::document::PyDocument;
use crate::error::{arg, detached, str_arg, wrong_type, wrong_type_hint};
use crate::gazetteer::PyGazetteer;
use crate::value::{from_json, py_bool, to_json, Reduce};

/// Finds quotes, speakers and entities in texts. Build it once and reuse it:
/// it is cheap to call, safe to share between threads, and picklable (it
/// travels to multiprocessing and Spark workers).
///
/// ``gazetteer``: a ``Gazetteer`` to link entities and speakers to (their
/// ``gazetteer_id`` and ``link``), or ``None``.
///
/// Options (keyword-only; leaving one out keeps the default):
/// ``indirect`` reports indirect speech (default ``True``);
/// ``partial`` reports partial quotes, a few quoted words in a sentence that
/// is not reported speech (default ``False``);
/// ``min_confidence`` drops speakers below this confidence, 0..1 (default
/// ``0.0``);
/// ``language`` is the language of the texts (``"de"``, ``"fr"``, …), or
/// ``"auto"`` (or ``None``, the default) to detect it in each text; every
/// ``Document`` says its language;
/// ``genre`` is how the texts quote people: ``"news"`` (an untagged quote
/// continues the previous speaker), ``"fiction"`` (untagged quotes take
/// turns), or ``"auto"`` (or ``None``, the default) to read it from each
/// text; every ``Document`` says its genre.
#[pyclass(frozen, module = "quotewise", name = "Extractor")]
pub struct PyExtractor {
    inner: Extractor,
    /// The Python object of the gazetteer the extractor links to, returned
    /// by the `gazetteer` getter and pickled with the extractor.
    gazetteer: Option<Py<PyGazetteer>>,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (
        gazetteer=None, *, indirect=None, partial=None, min_confidence=None, language=None,
        genre=None
    ))]
    fn new(
        py: Python<'_>,
        gazetteer: Option<&Bound<'_, PyAny>>,
        indirect: Option<&Bound<'_, PyAny>>,
        partial: Option<&Bound<'_, PyAny>>,
        min_confidence: Option<&Bound<'_, PyAny>>,
        language: Option<&Bound<'_, PyAny>>,
        genre: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut builder = ExtractorBuilder::new();
        if let Some(v) = indirect {
            builder = builder.indirect(arg(v, "indirect", "bool")?);
        }
        if let Some(v) = partial {
            builder = builder.partial(arg(v, "partial", "bool")?);
        }
        if let Some(v) = min_confidence {
            builder = builder.min_confidence(arg::<f64>(v, "min_confidence", "a float")?);
        }
        if let Some(v) = language {
            builder = builder.language(&arg::<String>(v, "language", "str")?);
        }
        if let Some(v) = genre {
            let name = arg::<String>(v, "genre", "str")?;
            let genre = Genre::setting(&name).map_err(|e| crate::error::to_py_err(py, &e))?;
            builder = builder.genre(genre);
        }
        build(py, builder, gazetteer)
    }

    /// The gazetteer entities and speakers are linked to, or ``None``.
    #[getter]
    fn gazetteer(&self, py: Python<'_>) -> Option<Py<PyGazetteer>> {
        self.gazetteer.as_ref().map(|g| g.clone_ref(py))
    }

    /// Whether indirect speech is reported.
    #[getter]
    fn indirect(&self) -> bool {
        self.inner.options().indirect
    }

    /// Whether partial quotes are reported.
    #[getter]
    fn partial(&self) -> bool {
        self.inner.options().partial
    }

    /// Speakers below this confidence are dropped.
    #[getter]
    fn min_confidence(&self) -> f64 {
        self.inner.options().min_confidence
    }

    /// The language of the texts (``"de"``), or ``"auto"`` when it is
    /// detected in each text.
    #[getter]
    fn language(&self) -> &str {
        self.inner.options().language.as_deref().unwrap_or("auto")
    }

    /// How the texts quote people (``"news"``, ``"fiction"``), or ``"auto"``
    /// when it is read from each text.
    #[getter]
    fn genre(&self) -> &'static str {
        self.inner.options().genre.map_or("auto", Genre::as_str)
    }

    /// Extracts the quotes, speakers and entities of ``text`` (a ``str``).
    /// ``id`` is copied to ``Document.id``.
    #[pyo3(signature = (text, id=None))]
    fn extract(
        &self,
        text: &Bound<'_, PyAny>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyDocument> {
        let py = text.py();
        let text = str_arg(text, "text")?;
        let id = optional_str(id, "id")?;
        let content = text.to_str()?;
        let mut doc = detached(py, || Ok(self.inner.extract(content)))?;
        doc.id = id;
        Ok(PyDocument::new(doc, Some(text.clone().unbind())))
    }

    /// Extracts every text of ``texts`` (an iterable of ``str``: a list, a
    /// pandas Series…) in parallel, with the GIL released. ``ids`` (same
    /// length) are copied to ``Document.id``. ``threads`` is the number of
    /// threads, the calling one among them (default: one per core). The
    /// documents come back in order, one per text: a text whose extraction
    /// fails (a bug in quotewise) does not raise, its document has
    /// ``error`` set (naming the text's index) and no quotes, and the other
    /// documents are as ``extract`` gives them.
    #[pyo3(signature = (texts, ids=None, threads=None))]
    fn extract_many(
        &self,
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        threads: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyDocument>> {
        let py = texts.py();
        let texts = str_items(texts, "texts")?;
        let ids: Vec<Option<String>> = match ids {
            Some(ids) if !ids.is_none() => {
                let ids = str_items(ids, "ids")?;
                if ids.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "ids has {} items but texts has {}; give one id per text",
                        ids.len(),
                        texts.len()
                    )));
                }
                ids.iter()
                    .map(|i| Ok(Some(i.to_str()?.to_owned())))
                    .collect::<PyResult<_>>()?
            }
            _ => vec![None; texts.len()],
        };
        let threads = match threads {
            Some(t) if !t.is_none() => Some(positive(t, "threads")?),
            _ => None,
        };
        let owned = texts
            .iter()
            .map(|t| t.to_str())
            .collect::<PyResult<Vec<_>>>()?;
        let contents: Vec<&str> = owned.iter().map(|c| c.as_ref()).collect();
        // Not rayon's global pool, even by default: a process forked by
        // multiprocessing inherits that pool without its threads and would
        // wait for them forever; the pool `extract_many_with_threads` keeps
        // is started again in a forked child.
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN)
        });
        let docs = detached(py, || {
            self.inner.extract_many_with_threads(&contents, threads)
        })?;
        Ok(docs
            .into_iter()
            .zip(ids)
            .zip(texts)
            .map(|((mut doc, id), text)| {
                doc.id = id;
                PyDocument::new(doc, Some(text.unbind()))
            })
            .collect())
    }

    /// Testing only: a copy of this extractor that fails (panics in Rust)
    /// on every text containing ``needle``, to see how a failure is
    /// reported (``Document.error``, ``InternalError``). Not pickled.
    fn _panicking_on(&self, py: Python<'_>, needle: &Bound<'_, PyAny>) -> PyResult<Self> {
        let needle = str_arg(needle, "needle")?.to_str()?;
        Ok(PyExtractor {
            inner: self.inner.panicking_on_text_containing(needle),
            gazetteer: self.gazetteer(py),
        })
    }

    /// Benchmark support (benches/python_bench.py): the seconds `repeat`
    /// calls of the Rust `Extractor::extract` take on `text`, timed in Rust,
    /// so the Python overhead of `extract` can be told apart.
    fn _rust_seconds(&self, text: &Bound<'_, PyAny>, repeat: usize) -> PyResult<f64> {
        let content = str_arg(text, "text")?.to_str()?;
        detached(text.py(), || {
            let start = std::time::Instant::now();
            for _ in 0..repeat {
                std::hint::black_box(self.inner.extract(std::hint::black_box(content)));
            }
            Ok(start.elapsed().as_secs_f64())
        })
    }

    /// Rebuilds an extractor from ``Extractor.to_json()`` and its gazetteer
    /// (used by pickle).
    #[classmethod]
    #[pyo3(signature = (data, gazetteer=None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        data: &Bound<'_, PyAny>,
        gazetteer: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let options: Options = from_json(data, "extractor's options")?;
        build(
            data.py(),
            ExtractorBuilder::from_options(options),
            gazetteer,
        )
    }

    /// The extractor's options as JSON (the gazetteer has its own
    /// ``to_json``).
    fn to_json(&self) -> PyResult<String> {
        to_json(self.inner.options())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<Reduce<'py, (String, Option<Py<PyGazetteer>>)>> {
        let this = slf.get();
        Ok((
            slf.get_type().getattr("from_json")?,
            (this.to_json()?, this.gazetteer(slf.py())),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let o = self.inner.options();
        let gazetteer = match &self.gazetteer {
            Some(g) => format!("gazetteer={}, ", g.bind(py).repr()?),
            None => String::new(),
        };
        let language = match &o.language {
            Some(code) => format!(", language={}", PyString::new(py, code).repr()?),
            None => String::new(),
        };
        let genre = match o.genre {
            Some(g) => format!(", genre='{g}'"),
            None => String::new(),
        };
        Ok(format!(
            "Extractor({gazetteer}indirect={}, partial={}, min_confidence={:?}{language}{genre})",
            py_bool(o.indirect),
            py_bool(o.partial),
            o.min_confidence
        ))
    }
}

/// Builds the extractor, linking it to `gazetteer` (a `Gazetteer` or
/// `None`); a bad option is a `ConfigError`.
fn build(
    py: Python<'_>,
    mut builder: ExtractorBuilder,
    gazetteer: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyExtractor> {
    let gazetteer = match gazetteer {
        Some(g) if !g.is_none() => Some(
            g.cast::<PyGazetteer>()
                .map_err(|_| wrong_type("gazetteer", "Gazetteer or None", g))?
                .clone(),
        ),
        _ => None,
    };
    if let Some(g) = &gazetteer {
        builder = builder.gazetteer(Arc::clone(&g.get().0));
    }
    let inner = builder
        .build()
        .map_err(|e| crate::error::to_py_err(py, &e))?;
    Ok(PyExtractor {
        inner,
        gazetteer: gazetteer.map(Bound::unbind),
    })
}

/// An optional `str` argument (`None` allowed).
fn optional_str(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<String>> {
    match obj {
        Some(o) if !o.is_none() => Ok(Some(
            str_arg(o, name)
                .map_err(|_| wrong_type(name, "str or None", o))?
                .to_str()?
                .to_owned(),
        )),
        _ => Ok(None),
    }
}

/// The items of an iterable of `str`; a `str` itself is refused (iterating
/// it would give characters), and a non-`str` item is named by its index.
fn str_items<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<Vec<Bound<'py, PyString>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(wrong_type(
            name,
            "an iterable of str (a list, a Series…)",
            obj,
        ));
    }
    let items = obj
        .try_iter()
        .map_err(|_| wrong_type(name, "an iterable of str", obj))?;
    items
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            match item.cast_into::<PyString>() {
                Ok(s) => Ok(s),
                Err(e) => {
                    let item = e.into_inner();
                    let hint = if item.is_instance_of::<pyo3::types::PyFloat>() {
                        " (a missing value, NaN, in a pandas column? drop or fill it first)"
                    } else {
                        ""
                    };
                    Err(wrong_type_hint(&format!("{name}[{i}]"), "str", &item, hint))
                }
            }
        })
        .collect()
}

/// A positive `int` argument.
fn positive(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NonZeroUsize> {
    if obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(wrong_type(name, "a positive int or None", obj));
    }
    let n: i64 = arg(obj, name, "a positive int or None")?;
    usize::try_from(n)
        .ok()
        .and_then(NonZeroUsize::new)
        .ok_or_else(|| PyValueError::new_err(format!("{name} must be at least 1, got {n}")))
}
