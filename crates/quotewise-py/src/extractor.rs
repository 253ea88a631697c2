//! `Extractor`: the configured extractor, one text or many at a time.

use std::num::NonZeroUsize;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};
use quotewise::{Extractor, ExtractorBuilder, Options};

use crate::document::PyDocument;
use crate::error::{arg, detached, str_arg, wrong_type, wrong_type_hint};
use crate::value::{from_json, to_json, Reduce};

/// Finds quotes, speakers and entities in texts. Build it once and reuse it:
/// it is cheap to call, safe to share between threads, and picklable (it
/// travels to multiprocessing and Spark workers).
///
/// Options (keyword-only; leaving one out keeps the default):
/// ``indirect`` reports indirect speech (default ``True``);
/// ``partial`` reports partial quotes, a few quoted words in a sentence that
/// is not reported speech (default ``False``);
/// ``min_confidence`` drops speakers below this confidence, 0..1 (default
/// ``0.0``).
#[pyclass(frozen, module = "quotewise", name = "Extractor")]
pub struct PyExtractor(Extractor);

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (*, indirect=None, partial=None, min_confidence=None))]
    fn new(
        py: Python<'_>,
        indirect: Option<&Bound<'_, PyAny>>,
        partial: Option<&Bound<'_, PyAny>>,
        min_confidence: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut builder = ExtractorBuilder::new();
        if let Some(v) = indirect {
            builder = builder.indirect(arg(v, "indirect", "bool")?);
        }
        if let Some(v) = partial {
            builder = builder.partial(arg(v, "partial", "bool")?);
        }
        if let Some(v) = min_confidence {
            builder = builder.min_confidence(arg(v, "min_confidence", "a float")?);
        }
        build(py, builder)
    }

    /// Whether indirect speech is reported.
    #[getter]
    fn indirect(&self) -> bool {
        self.0.options().indirect
    }

    /// Whether partial quotes are reported.
    #[getter]
    fn partial(&self) -> bool {
        self.0.options().partial
    }

    /// Speakers below this confidence are dropped.
    #[getter]
    fn min_confidence(&self) -> f32 {
        self.0.options().min_confidence
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
        let owned = text.to_cow()?;
        let content: &str = &owned;
        let mut doc = detached(py, || Ok(self.0.extract(content)))?;
        doc.id = id;
        Ok(PyDocument {
            doc,
            text: Some(text.clone().unbind()),
        })
    }

    /// Extracts every text of ``texts`` (an iterable of ``str``: a list, a
    /// pandas Series…) in parallel, with the GIL released. ``ids`` (same
    /// length) are copied to ``Document.id``. ``threads`` is the number of
    /// threads (default: one per core). The documents come back in order.
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
                    .map(|i| Ok(Some(i.to_cow()?.into_owned())))
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
            .map(|t| t.to_cow())
            .collect::<PyResult<Vec<_>>>()?;
        let contents: Vec<&str> = owned.iter().map(|c| c.as_ref()).collect();
        let docs = detached(py, || match threads {
            Some(n) => self.0.extract_many_with_threads(&contents, n),
            None => Ok(self.0.extract_many(&contents)),
        })?;
        Ok(docs
            .into_iter()
            .zip(ids)
            .zip(texts)
            .map(|((mut doc, id), text)| {
                doc.id = id;
                PyDocument {
                    doc,
                    text: Some(text.unbind()),
                }
            })
            .collect())
    }

    /// Benchmark support (benches/python_bench.py): the seconds `repeat`
    /// calls of the Rust `Extractor::extract` take on `text`, timed in Rust,
    /// so the Python overhead of `extract` can be told apart.
    fn _rust_seconds(&self, text: &Bound<'_, PyAny>, repeat: usize) -> PyResult<f64> {
        let owned = str_arg(text, "text")?.to_cow()?;
        let content: &str = &owned;
        detached(text.py(), || {
            let start = std::time::Instant::now();
            for _ in 0..repeat {
                std::hint::black_box(self.0.extract(std::hint::black_box(content)));
            }
            Ok(start.elapsed().as_secs_f64())
        })
    }

    /// Rebuilds an extractor from ``Extractor.to_json()`` (used by pickle).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let options: Options = from_json(data, "extractor's options")?;
        build(data.py(), ExtractorBuilder::from_options(options))
    }

    /// The extractor's options as JSON.
    fn to_json(&self) -> PyResult<String> {
        to_json(self.0.options())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduce<'py, (String,)>> {
        Ok((
            slf.get_type().getattr("from_json")?,
            (slf.get().to_json()?,),
        ))
    }

    fn __repr__(&self) -> String {
        let o = self.0.options();
        let flag = |b: bool| if b { "True" } else { "False" };
        format!(
            "Extractor(indirect={}, partial={}, min_confidence={:?})",
            flag(o.indirect),
            flag(o.partial),
            o.min_confidence
        )
    }
}

/// Builds the extractor, mapping a bad option to `ConfigError`.
fn build(py: Python<'_>, builder: ExtractorBuilder) -> PyResult<PyExtractor> {
    builder
        .build()
        .map(PyExtractor)
        .map_err(|e| crate::error::to_py_err(py, &e))
}

/// An optional `str` argument (`None` allowed).
fn optional_str(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<String>> {
    match obj {
        Some(o) if !o.is_none() => Ok(Some(
            str_arg(o, name)
                .map_err(|_| wrong_type(name, "str or None", o))?
                .to_cow()?
                .into_owned(),
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
