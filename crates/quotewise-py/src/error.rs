//! The one place where Rust errors become Python exceptions, the helper that
//! runs text-scale work without the GIL, and argument checks that name the
//! argument in their `TypeError`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::call::PyCallArgs;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};
use quotewise::{Error, ErrorKind};

/// The Python module defining the exception classes (pure Python, so they
/// can inherit from both `QuotewiseError` and `ValueError`/`OSError`).
const ERRORS_MODULE: &str = "quotewise._errors";

/// An exception class of [`ERRORS_MODULE`], imported on first use and kept.
struct ErrorClass {
    name: &'static str,
    class: PyOnceLock<Py<PyType>>,
}

impl ErrorClass {
    const fn new(name: &'static str) -> ErrorClass {
        ErrorClass {
            name,
            class: PyOnceLock::new(),
        }
    }
}

static QUOTEWISE_ERROR: ErrorClass = ErrorClass::new("QuotewiseError");
static READ_ERROR: ErrorClass = ErrorClass::new("ReadError");
static PARSE_ERROR: ErrorClass = ErrorClass::new("ParseError");
static GAZETTEER_ERROR: ErrorClass = ErrorClass::new("GazetteerError");
static CONFIG_ERROR: ErrorClass = ErrorClass::new("ConfigError");
static INTERNAL_ERROR: ErrorClass = ErrorClass::new("InternalError");

/// Converts a core error into the exception mirroring its kind:
/// `ReadError(OSError)`, `ParseError(ValueError)`,
/// `GazetteerError(ValueError)`, `ConfigError(ValueError)`, each carrying
/// `message`, `file`, `line` and `column`.
pub(crate) fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    let class = match err.kind() {
        ErrorKind::Io => &READ_ERROR,
        ErrorKind::Parse => &PARSE_ERROR,
        ErrorKind::Gazetteer => &GAZETTEER_ERROR,
        ErrorKind::Config => &CONFIG_ERROR,
        // A kind added to the core later still becomes a QuotewiseError.
        _ => &QUOTEWISE_ERROR,
    };
    let loc = err.location();
    let args = (
        err.to_string(),
        err.message(),
        loc.file.as_deref(),
        loc.line,
        loc.column,
    );
    raise(py, class, args)
}

/// Instantiates `quotewise._errors.<class>(*args)` as a `PyErr`.
fn raise<'py>(py: Python<'py>, class: &ErrorClass, args: impl PyCallArgs<'py>) -> PyErr {
    let made = class
        .class
        .import(py, ERRORS_MODULE, class.name)
        .and_then(|cls| cls.call1(args));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        // Importing our own module failed (a broken install): say that.
        Err(e) => e,
    }
}

/// Runs `work` with the GIL released, so other Python threads run meanwhile,
/// and maps its error. A panic (a bug) becomes `InternalError` instead of
/// unwinding into Python.
pub(crate) fn detached<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    T: Send,
    F: Send + FnOnce() -> Result<T, Error>,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(work))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(to_py_err(py, &err)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let text = format!("internal error in quotewise (please report it): {what}");
            Err(raise(py, &INTERNAL_ERROR, (text,)))
        }
    }
}

/// The `TypeError` for argument `name` that got `obj` instead of `expected`:
/// `argument 'text' must be str, not bytes`, followed by `hint`.
pub(crate) fn wrong_type_hint(
    name: &str,
    expected: &str,
    obj: &Bound<'_, PyAny>,
    hint: &str,
) -> PyErr {
    let got = obj
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_string(), |n| n.to_string());
    PyTypeError::new_err(format!(
        "argument '{name}' must be {expected}, not {got}{hint}"
    ))
}

/// [`wrong_type_hint`] without a hint.
pub(crate) fn wrong_type(name: &str, expected: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    wrong_type_hint(name, expected, obj, "")
}

/// `obj` as `T`, or a `TypeError` naming the argument.
pub(crate) fn arg<'py, T>(obj: &Bound<'py, PyAny>, name: &str, expected: &str) -> PyResult<T>
where
    T: FromPyObjectOwned<'py>,
{
    obj.extract::<T>()
        .map_err(|_| wrong_type(name, expected, obj))
}

/// `obj` as a Python `str` (not bytes, not None, not a number), or a
/// `TypeError` naming the argument.
pub(crate) fn str_arg<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    name: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .map_err(|_| wrong_type(name, "str", obj))
}
