//! The one error type of the crate.

use std::fmt;

/// An error from building an extractor or gazetteer, or from reading input.
///
/// The error is opaque: inspect it with [`Error::kind`] and [`Error::location`],
/// or print it. Its `Display` says what went wrong, where (file, line, column
/// when known) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    location: Location,
}

/// The kind of an [`Error`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// A record of an input file is malformed (bad JSON, bad CSV, a missing
    /// field, invalid UTF-8).
    Parse,
    /// A gazetteer is invalid: duplicate id, empty name, unknown kind.
    Gazetteer,
    /// A configuration value is out of range.
    Config,
}

impl ErrorKind {
    /// The lower-case name of the kind (`"io"`, `"parse"`, `"gazetteer"`,
    /// `"config"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Parse => "parse",
            ErrorKind::Gazetteer => "gazetteer",
            ErrorKind::Config => "config",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Where in an input an [`Error`] happened. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file (or `-` for standard input).
    pub file: Option<String>,
    /// The 1-based line.
    pub line: Option<usize>,
    /// The 1-based column (in characters).
    pub column: Option<usize>,
}

impl Error {
    /// Creates an error of `kind` with a message saying what went wrong.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            location: Location::default(),
        }
    }

    /// Sets the file this error happened in.
    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.location.file = Some(file.into());
        self
    }

    /// Sets the 1-based line this error happened on.
    pub fn at_line(mut self, line: usize) -> Error {
        self.location.line = Some(line);
        self
    }

    /// Sets the 1-based column this error happened at.
    pub fn at_column(mut self, column: usize) -> Error {
        self.location.column = Some(column);
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where the error happened, as far as known.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = &self.location;
        if let Some(file) = &loc.file {
            write!(f, "{file}:")?;
        }
        if let Some(line) = loc.line {
            write!(f, "line {line}:")?;
        }
        if let Some(column) = loc.column {
            write!(f, "column {column}:")?;
        }
        if loc.file.is_some() || loc.line.is_some() || loc.column.is_some() {
            f.write_str(" ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_column() {
        let err = Error::new(ErrorKind::Parse, "expected a JSON object")
            .in_file("in.jsonl")
            .at_line(3)
            .at_column(7);
        assert_eq!(
            err.to_string(),
            "in.jsonl:line 3:column 7: expected a JSON object"
        );
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert_eq!(err.location().line, Some(3));
    }

    #[test]
    fn kinds_display_their_lower_case_names() {
        let kinds = [
            (ErrorKind::Io, "io"),
            (ErrorKind::Parse, "parse"),
            (ErrorKind::Gazetteer, "gazetteer"),
            (ErrorKind::Config, "config"),
        ];
        for (kind, name) in kinds {
            assert_eq!(kind.to_string(), name);
            assert_eq!(kind.as_str(), name);
        }
        assert_eq!(format!("[{:>6}]", ErrorKind::Io), "[    io]");
    }

    #[test]
    fn display_without_location_is_the_message() {
        let err = Error::new(ErrorKind::Config, "threshold must be in 0..=1");
        assert_eq!(err.to_string(), "threshold must be in 0..=1");
    }
}
