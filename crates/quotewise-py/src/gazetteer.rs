//! `Gazetteer`: known entities, loaded from a file, records or a DataFrame,
//! matched in text and linked by an `Extractor`.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyString, PyType};
use quotewise::{Error, Gazetteer, GazetteerBuilder, GazetteerMatch};

use crate::error::{arg, detached, str_arg, wrong_type};
use crate::value::{py_bool, py_repr, py_repr_opt, to_json, value_class, PySpan, Reduce};

/// Known entities (people, organisations, places, outlets) with their
/// names, aliases, descriptors and gender. It finds them in text exactly,
/// as name variants (surname, title + surname, initial) and fuzzily
/// (misspelt and transliterated names); given to
/// ``Extractor(gazetteer=...)`` it links the entities and speakers the
/// extractor finds. Immutable and picklable.
///
/// Build it with ``Gazetteer.from_file(path)`` (``.csv``, ``.tsv`` or
/// ``.jsonl``), ``Gazetteer.from_records(list_of_dicts)`` or
/// ``Gazetteer.from_pandas(df)``. A record has ``id``, ``name``, ``kind``
/// (``person``, ``organisation``, ``place``, ``media``, ``other``) and
/// optionally ``aliases`` and ``descriptors`` (lists; ``|``-separated in
/// CSV) and ``gender`` (``male``, ``female``). Options (keyword-only, each
/// constructor): ``variants`` (default ``True``), ``require_capital``
/// (``True``), ``fuzzy`` (``True``), ``fuzzy_threshold`` (0..1, ``0.8``).
#[pyclass(frozen, module = "quotewise", name = "Gazetteer")]
pub struct PyGazetteer(pub(crate) Arc<Gazetteer>);

/// The option names every constructor accepts.
const OPTIONS: &str = "variants, require_capital, fuzzy, fuzzy_threshold";

/// The file name errors give records passed to `from_records` (their line
/// is the 1-based record number; see [`record_error`]).
const RECORDS: &str = "<records>";

/// The name errors give a DataFrame passed to `from_pandas`.
const FRAME: &str = "DataFrame (line 1 is the header, line n is row n-2)";

/// A builder with the keyword `options` applied; an unknown or mistyped
/// option is a `TypeError` naming it.
fn builder(options: Option<&Bound<'_, PyDict>>) -> PyResult<GazetteerBuilder> {
    let mut builder = GazetteerBuilder::new();
    for (key, value) in options.into_iter().flat_map(|o| o.iter()) {
        let key: String = key.extract()?;
        builder = match key.as_str() {
            "variants" => builder.variants(arg(&value, "variants", "bool")?),
            "require_capital" => builder.require_capital(arg(&value, "require_capital", "bool")?),
            "fuzzy" => builder.fuzzy(arg(&value, "fuzzy", "bool")?),
            "fuzzy_threshold" => {
                builder.fuzzy_threshold(arg(&value, "fuzzy_threshold", "a float")?)
            }
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument '{key}'; the options are {OPTIONS}"
                )))
            }
        };
    }
    Ok(builder)
}

/// An error of `from_records`, which hands the records to the JSONL reader
/// one a line: the line is the 1-based record number, the message names the
/// record as the caller wrote it (`records[1]`), and the column (in JSON
/// the caller never saw) is dropped.
fn record_error(err: Error) -> Error {
    let Some(n) = err.location().line else {
        return err;
    };
    Error::new(
        err.kind(),
        format!("record {n} (records[{}]): {}", n - 1, err.message()),
    )
    .in_file(RECORDS)
    .at_line(n)
}

/// Reads (files) and compiles the gazetteer without the GIL.
fn build<F>(py: Python<'_>, work: F) -> PyResult<PyGazetteer>
where
    F: Send + FnOnce() -> Result<Gazetteer, Error>,
{
    detached(py, work).map(|g| PyGazetteer(Arc::new(g)))
}

#[pymethods]
impl PyGazetteer {
    /// Loads a ``.csv``, ``.tsv`` or ``.jsonl`` file (a ``str`` or
    /// ``os.PathLike``). Errors name the file, line and column:
    /// ``ReadError`` (an ``OSError``) when it cannot be read,
    /// ``ParseError`` for malformed records, ``GazetteerError`` for invalid
    /// entries (duplicate id, empty name, unknown kind).
    #[classmethod]
    #[pyo3(signature = (path, **options))]
    fn from_file(
        cls: &Bound<'_, PyType>,
        path: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let path: PathBuf = arg(path, "path", "str or os.PathLike")?;
        let builder = builder(options)?;
        build(cls.py(), move || builder.load_path(&path)?.build())
    }

    /// Builds a gazetteer from dicts with the fields of a JSONL record
    /// (``id``, ``name``, ``kind``, optionally ``aliases``, ``descriptors``,
    /// ``gender``). An invalid record raises ``GazetteerError`` or
    /// ``ParseError`` with ``file`` ``"<records>"``, ``line`` the 1-based
    /// record number (``records[line - 1]``) and a message naming the record
    /// and what was expected.
    #[classmethod]
    #[pyo3(signature = (records, **options))]
    fn from_records(
        cls: &Bound<'_, PyType>,
        records: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let py = cls.py();
        if records.is_instance_of::<PyString>() || records.cast::<PyMapping>().is_ok() {
            return Err(wrong_type("records", "an iterable of dicts", records));
        }
        let dumps = py.import("json")?.getattr("dumps")?;
        let mut jsonl = String::new();
        let items = records
            .try_iter()
            .map_err(|_| wrong_type("records", "an iterable of dicts", records))?;
        for (i, record) in items.enumerate() {
            let record = record?;
            let name = format!("records[{i}]");
            if record.cast::<PyMapping>().is_err() {
                return Err(wrong_type(&name, "a dict", &record));
            }
            let line = dumps.call1((&record,)).map_err(|e| {
                PyTypeError::new_err(format!("argument '{name}' cannot be written as JSON: {e}"))
            })?;
            jsonl.push_str(&line.extract::<String>()?);
            jsonl.push('\n');
        }
        let builder = builder(options)?;
        build(py, move || {
            builder
                .read_jsonl(jsonl.as_bytes(), RECORDS)
                .map_err(record_error)?
                .build()
        })
    }

    /// Builds a gazetteer from a pandas DataFrame with the columns of a
    /// gazetteer CSV (``id``, ``name``, ``kind``, optionally ``aliases``,
    /// ``descriptors``, ``gender``); ``aliases`` and ``descriptors`` cells
    /// may be lists or ``|``-separated strings, missing values are empty.
    #[classmethod]
    #[pyo3(signature = (frame, **options))]
    fn from_pandas(
        cls: &Bound<'_, PyType>,
        frame: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let py = cls.py();
        let csv: String = py
            .import(crate::document::NOTEBOOK_MODULE)?
            .getattr("frame_to_csv")?
            .call1((frame,))?
            .extract()?;
        let builder = builder(options)?;
        build(py, move || {
            builder.read_csv(csv.as_bytes(), FRAME, b',')?.build()
        })
    }

    /// Every mention of a gazetteer entity in ``text``, in text order, not
    /// overlapping: exact names, variants and (if enabled) fuzzy matches.
    #[pyo3(name = "match")]
    fn find(&self, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyGazetteerMatch>> {
        let content = str_arg(text, "text")?.to_str()?;
        let found = detached(text.py(), || Ok(self.0.find(content)))?;
        Ok(found.into_iter().map(PyGazetteerMatch).collect())
    }

    /// Which entry a whole name is (exactly, as a variant or fuzzily), or
    /// ``None`` when nothing is close enough. The first fuzzy lookup builds
    /// the fuzzy index, with the GIL released.
    fn lookup(&self, name: &Bound<'_, PyAny>) -> PyResult<Option<PyGazetteerMatch>> {
        let text = str_arg(name, "name")?.to_str()?;
        let found = detached(name.py(), || Ok(self.0.lookup(text)))?;
        Ok(found.map(PyGazetteerMatch))
    }

    /// The entries as dicts (``id``, ``name``, ``aliases``, ``kind``,
    /// ``descriptors``, ``gender``), in the order they were added.
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::value::to_dict(py, &self.0.entries())
    }

    /// Whether surname, title and initial variants are generated.
    #[getter]
    fn variants(&self) -> bool {
        self.0.options().variants
    }

    /// Whether a capitalised name needs a capital in the text.
    #[getter]
    fn require_capital(&self) -> bool {
        self.0.options().require_capital
    }

    /// Whether misspelt names are looked for.
    #[getter]
    fn fuzzy(&self) -> bool {
        self.0.options().fuzzy
    }

    /// The lowest score a fuzzy match needs.
    #[getter]
    fn fuzzy_threshold(&self) -> f32 {
        self.0.options().fuzzy_threshold
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// The gazetteer (options and entries) as JSON.
    fn to_json(&self) -> PyResult<String> {
        to_json(&*self.0)
    }

    /// Rebuilds a gazetteer from ``to_json`` (used by pickle).
    #[classmethod]
    fn from_json(cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = str_arg(data, "data")?.to_str()?.to_owned();
        build(cls.py(), move || {
            serde_json::from_str(&text).map_err(|e| {
                Error::new(
                    quotewise::ErrorKind::Parse,
                    format!("expected the JSON of a gazetteer: {e}"),
                )
            })
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduce<'py, (String,)>> {
        Ok((
            slf.get_type().getattr("from_json")?,
            (slf.get().to_json()?,),
        ))
    }

    fn __repr__(&self) -> String {
        let o = self.0.options();
        format!(
            "Gazetteer(<{} entries>, variants={}, require_capital={}, fuzzy={}, fuzzy_threshold={:?})",
            self.0.len(),
            py_bool(o.variants),
            py_bool(o.require_capital),
            py_bool(o.fuzzy),
            o.fuzzy_threshold
        )
    }
}

/// One mention of a gazetteer entity found by ``Gazetteer.match``.
#[pyclass(frozen, eq, module = "quotewise", name = "GazetteerMatch")]
#[derive(Clone, PartialEq)]
pub struct PyGazetteerMatch(pub GazetteerMatch);

value_class!(PyGazetteerMatch, "gazetteer match", {
    /// Where in the text.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span.clone())
    }

    /// The id of the entry, ``None`` when the mention is ambiguous.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }

    /// The canonical name of the entry, ``None`` when ambiguous.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// How it was found: ``exact``, ``variant``, ``fuzzy`` or ``descriptor``.
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method.as_str()
    }

    /// 1.0 for exact and variant matches; the similarity for fuzzy ones.
    #[getter]
    fn score(&self) -> f32 {
        self.0.score
    }

    /// When ambiguous, the ids of every entry it may be; else empty.
    #[getter]
    fn candidates(&self) -> Vec<String> {
        self.0.candidates.clone()
    }

    /// Whether the mention could be several entries and none was chosen.
    #[getter]
    fn is_ambiguous(&self) -> bool {
        self.0.is_ambiguous()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let m = &self.0;
        format!(
            "GazetteerMatch(text={}, id={}, method={}, score={:.2})",
            py_repr(py, &m.span.text),
            py_repr_opt(py, m.id.as_deref()),
            py_repr(py, m.method.as_str()),
            m.score
        )
    }
});
