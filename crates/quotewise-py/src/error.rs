//! The one place where Rust errors become Python exceptions, the helper that
//! runs text-scale work without the GIL, and argument checks that name the
//! argument in their `TypeError`.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::call::PyCallArgs;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use quotewise::{Error, ErrorKind};

/// The Python module defining the exception classes (pure Python, so they
/// can inherit from both `QuotewiseError` and `ValueError`/`OSError`).
const ERRORS_MODULE: &str = "quotewise._errors";

/// Converts a core error into the exception mirroring its kind:
/// `ReadError(OSError)`, `ParseError(ValueError)`,
/// `GazetteerError(ValueError)`, `ConfigError(ValueError)`, each carrying
/// `message`, `file`, `line` and `column`.
pub(crate) fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    let class = match err.kind() {
        ErrorKind::Io => "ReadError",
        ErrorKind::Parse => "ParseError",
        ErrorKind::Gazetteer => "GazetteerError",
        ErrorKind::Config => "ConfigError",
        // A kind added to the core later still becomes a QuotewiseError.
        _ => "QuotewiseError",
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
fn raise<'py>(py: Python<'py>, class: &str, args: impl PyCallArgs<'py>) -> PyErr {
    let made = py
        .import(ERRORS_MODULE)
        .and_then(|m| m.getattr(class))
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
            Err(raise(py, "InternalError", (text,)))
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

/// The UTF-8 text of `s`: borrowed from `s` where the platform allows,
/// copied elsewhere. Lone surrogates, which UTF-8 cannot hold, are a
/// `UnicodeEncodeError` either way.
///
/// pyo3's `to_cow` on the 3.9 stable ABI (this module's; see Cargo.toml)
/// copies the text twice, into a `bytes` object and then into a `String`,
/// because `PyUnicode_AsUTF8AndSize` joined the limited API only in Python
/// 3.10. The function itself is in every CPython since 3.3, and on Linux
/// and macOS an extension module takes the interpreter's symbols when it is
/// loaded, so there it is called: a `str` keeps the UTF-8 it makes (ASCII
/// text is its own UTF-8), and a second call copies nothing. On the PolNeAR
/// dev articles the two copies took 0.4 ms a pass, 5% of extracting them
/// on one thread, and `extract_many` made them before its threads started.
/// Windows links an abi3 module against `python3.dll`, which exports only
/// the oldest supported version's limited API, so there `to_cow` stays.
#[allow(unsafe_code)]
pub(crate) fn utf8<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    #[cfg(not(windows))]
    {
        use std::os::raw::c_char;
        extern "C" {
            fn PyUnicode_AsUTF8AndSize(
                unicode: *mut pyo3::ffi::PyObject,
                size: *mut pyo3::ffi::Py_ssize_t,
            ) -> *const c_char;
        }
        let mut size: pyo3::ffi::Py_ssize_t = 0;
        // SAFETY: `s` is a live `str` and the GIL is held (a `Bound`
        // proves both). The function returns null with an exception set, or
        // a pointer to `size` bytes of UTF-8 that the `str` owns and keeps,
        // unchanged, for as long as it lives: at least the `'a` for which
        // `s` is borrowed.
        unsafe {
            let data = PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
            if data.is_null() {
                return Err(PyErr::fetch(s.py()));
            }
            let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
            Ok(Cow::Borrowed(std::str::from_utf8_unchecked(bytes)))
        }
    }
    #[cfg(windows)]
    {
        s.to_cow()
    }
}
