//! Reading inputs: files or standard input, plain or gzip-compressed, as
//! whole texts or as JSON Lines records.
//!
//! Every way an input can be bad ends in a [`Failure`]: the id of the
//! document when it can still be told, and a [`quotewise::Error`] whose
//! message names the file, the line and what was expected. Nothing here
//! panics on any input, and a JSONL stream yields exactly one item per line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use quotewise::{Error, ErrorKind};
use serde_json::Value;

/// The file name that stands for standard input.
pub const STDIN: &str = "-";

/// How standard input is named in error messages.
pub const STDIN_NAME: &str = "<stdin>";

/// The name of input `path` in error messages.
pub fn display_name(path: &str) -> &str {
    if path == STDIN {
        STDIN_NAME
    } else {
        path
    }
}

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What a JSONL line must look like, quoted in error messages.
const EXPECTED_RECORD: &str = r#"expected one JSON object {"id": string, "text": string} per line"#;

/// One text to extract from, with the caller's id for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The id written on the output document: the JSONL `"id"`, or the file
    /// name for a whole-text input.
    pub id: String,
    /// The text.
    pub text: String,
}

/// An input (a file, a JSONL line) that could not be turned into a
/// [`Record`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The id of the document, when it could still be read (a JSONL line
    /// with an `"id"` but no `"text"`, or a whole-text file).
    pub id: Option<String>,
    /// What went wrong, where, and what was expected.
    pub error: Error,
}

impl Failure {
    fn new(id: Option<String>, error: Error) -> Failure {
        Failure { id, error }
    }
}

/// Opens `path` for reading (`-` is standard input). Data that starts with
/// the gzip magic bytes is decompressed on the fly, whatever the file is
/// called, so `zcat` is never needed.
///
/// # Errors
/// The I/O error of opening or first reading the file.
pub fn open(path: &str) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == STDIN {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    decompressing(raw)
}

/// Wraps `reader` in a buffer, decompressing it if it is gzip.
///
/// # Errors
/// The I/O error of reading the first bytes.
pub fn decompressing(reader: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let head = buffered.fill_buf()?;
    if head.starts_with(&GZIP_MAGIC) {
        let decoder = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(1 << 16, decoder)))
    } else {
        Ok(Box::new(buffered))
    }
}

/// The error for a file that could not be opened or read.
pub fn unreadable(file: &str, err: &io::Error) -> Failure {
    let what = if file == STDIN {
        "cannot read standard input"
    } else {
        "cannot read the file"
    };
    Failure::new(
        Some(file.to_string()),
        Error::new(ErrorKind::Io, format!("{what}: {err}")).in_file(display_name(file)),
    )
}

/// Reads all of `path` as one text whose id is the file name.
///
/// # Errors
/// A [`Failure`] when the file cannot be read or is not UTF-8 (see
/// [`text_record`]).
pub fn read_text(path: &str) -> Result<Record, Failure> {
    let mut bytes = Vec::new();
    open(path)
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| unreadable(path, &e))?;
    text_record(path, bytes)
}

/// Turns the bytes of a whole-text file into a [`Record`] with the file name
/// as id.
///
/// # Errors
/// Invalid UTF-8 is an error, not decoded lossily: the offsets of the output
/// must point into the caller's text, and a silent replacement would change
/// it. The error names the byte offset, line and column of the first bad
/// byte.
pub fn text_record(file: &str, bytes: Vec<u8>) -> Result<Record, Failure> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Record {
            id: file.to_string(),
            text,
        }),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let valid = &bytes[..at];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            // The prefix is valid UTF-8 by construction.
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(Failure::new(
                Some(file.to_string()),
                Error::new(
                    ErrorKind::Parse,
                    format!(
                        "invalid UTF-8 at byte {at} (0x{:02x}): expected UTF-8 text; \
                         convert the file first, e.g. `iconv -f latin1 -t utf-8`",
                        bytes[at]
                    ),
                )
                .in_file(display_name(file))
                .at_line(line)
                .at_column(column),
            ))
        }
    }
}

/// The lines of a reader as raw bytes, numbered from 1, without their
/// `\n` or `\r\n`. A read error is yielded once, with the number of the line
/// it happened on, and ends the iteration.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    line: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Iterates over the lines of `reader`.
    pub fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            line: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = (usize, io::Result<Vec<u8>>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.line += 1;
        let mut buf = Vec::new();
        match self.reader.read_until(b'\n', &mut buf) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                Some((self.line, Ok(buf)))
            }
            Err(e) => {
                self.done = true;
                Some((self.line, Err(e)))
            }
        }
    }
}

/// The error for a JSONL file whose reading broke off at `line`.
pub fn broken_stream(file: &str, line: usize, err: &io::Error) -> Failure {
    Failure::new(
        None,
        Error::new(
            ErrorKind::Io,
            format!("cannot read this line or any after it: {err}"),
        )
        .in_file(display_name(file))
        .at_line(line),
    )
}

/// Parses line `line` of JSONL file `file` into a [`Record`].
///
/// The line must be a JSON object with a string `"text"` and an `"id"` that
/// is a string or an integer (written as its decimal digits); other fields
/// are ignored. A blank line is an error too: every input line gets exactly
/// one output line, and a blank one has no document to give.
///
/// # Errors
/// A [`Failure`] saying which file and line, what was found and what was
/// expected. The id is kept whenever the line still shows it.
pub fn parse_record(bytes: &[u8], file: &str, line: usize) -> Result<Record, Failure> {
    let fail = |id: Option<String>, message: String| {
        Failure::new(
            id,
            Error::new(ErrorKind::Parse, message)
                .in_file(display_name(file))
                .at_line(line),
        )
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let column = String::from_utf8_lossy(&bytes[..at]).chars().count() + 1;
            let id = serde_json::from_str::<Value>(&String::from_utf8_lossy(bytes))
                .ok()
                .and_then(|v| id_of(&v).ok().flatten());
            return Err(fail(
                id,
                format!(
                    "invalid UTF-8 at byte {at} of the line (column {column}): \
                     expected UTF-8 text; JSON Lines must be UTF-8"
                ),
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(fail(None, format!("blank line: {EXPECTED_RECORD}")));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let column = char_column(text, e.column());
            let message = strip_position(&e.to_string());
            return Err(Failure::new(
                None,
                Error::new(
                    ErrorKind::Parse,
                    format!("invalid JSON ({message}): {EXPECTED_RECORD}"),
                )
                .in_file(display_name(file))
                .at_line(line)
                .at_column(column.max(1)),
            ));
        }
    };
    let Value::Object(mut object) = value else {
        return Err(fail(
            None,
            format!("found {}: {EXPECTED_RECORD}", describe(&value)),
        ));
    };
    let id = match object.get("id") {
        None => return Err(fail(None, format!("missing \"id\": {EXPECTED_RECORD}"))),
        Some(v) => match id_of_value(v) {
            Some(id) => id,
            None => {
                return Err(fail(
                    None,
                    format!("\"id\" is {}: expected a string or an integer", describe(v)),
                ))
            }
        },
    };
    match object.remove("text") {
        Some(Value::String(text)) => Ok(Record { id, text }),
        None => Err(fail(
            Some(id),
            format!("missing \"text\": {EXPECTED_RECORD}"),
        )),
        Some(other) => Err(fail(
            Some(id),
            format!("\"text\" is {}: expected a string", describe(&other)),
        )),
    }
}

/// Reads the JSONL records of `reader` (named `file` in errors): one item
/// per line, in order, including one item for a read error that ends the
/// stream.
pub fn read_jsonl<'a, R: BufRead + 'a>(
    reader: R,
    file: &'a str,
) -> impl Iterator<Item = Result<Record, Failure>> + 'a {
    Lines::new(reader).map(move |(line, bytes)| match bytes {
        Ok(bytes) => parse_record(&bytes, file, line),
        Err(e) => Err(broken_stream(file, line, &e)),
    })
}

fn id_of(value: &Value) -> Result<Option<String>, ()> {
    match value {
        Value::Object(o) => Ok(o.get("id").and_then(id_of_value)),
        _ => Err(()),
    }
}

fn id_of_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

/// "a number", "an array", … for error messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's 1-based column counts bytes; errors count chars.
fn char_column(text: &str, byte_column: usize) -> usize {
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let chars = text[..end].chars().count();
    // A column pointing into a multi-byte char points at that char.
    if end < byte_column.min(text.len()) {
        chars + 1
    } else {
        chars
    }
}

/// serde_json appends " at line L column C"; the line is always 1 for a
/// single line and the column is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse_record(line.as_bytes(), "in.jsonl", 7)
            .unwrap_err()
            .error
            .to_string()
    }

    #[test]
    fn reads_id_and_text_and_ignores_other_fields() {
        let r = parse_record(br#"{"id": "a", "text": "Hi", "url": 3}"#, "f", 1).unwrap();
        assert_eq!(
            r,
            Record {
                id: "a".into(),
                text: "Hi".into()
            }
        );
        let r = parse_record(br#"{"id": 42, "text": ""}"#, "f", 1).unwrap();
        assert_eq!(r.id, "42");
    }

    #[test]
    fn each_bad_line_says_file_line_and_what_was_expected() {
        assert_eq!(
            err("{\"id\": \"a\""),
            "in.jsonl:line 7:column 10: invalid JSON (EOF while parsing an object): \
             expected one JSON object {\"id\": string, \"text\": string} per line"
        );
        assert_eq!(
            err("[1]"),
            "in.jsonl:line 7: found an array: expected one JSON object \
             {\"id\": string, \"text\": string} per line"
        );
        assert_eq!(
            err(r#"{"text": "x"}"#),
            "in.jsonl:line 7: missing \"id\": expected one JSON object \
             {\"id\": string, \"text\": string} per line"
        );
        assert_eq!(
            err(r#"{"id": 1.5, "text": "x"}"#),
            "in.jsonl:line 7: \"id\" is a number: expected a string or an integer"
        );
        assert_eq!(
            err(r#"{"id": "a", "text": 3}"#),
            "in.jsonl:line 7: \"text\" is a number: expected a string"
        );
        assert_eq!(
            err("   "),
            "in.jsonl:line 7: blank line: expected one JSON object \
             {\"id\": string, \"text\": string} per line"
        );
    }

    #[test]
    fn keeps_the_id_when_only_the_text_is_wrong() {
        let f = parse_record(br#"{"id": "a"}"#, "f", 1).unwrap_err();
        assert_eq!(f.id.as_deref(), Some("a"));
        let f = parse_record(b"{\"id\": \"b\", \"text\": \"caf\xe9\"}", "f", 1).unwrap_err();
        assert_eq!(f.id.as_deref(), Some("b"));
        assert_eq!(
            f.error.to_string(),
            "f:line 1: invalid UTF-8 at byte 24 of the line (column 25): \
             expected UTF-8 text; JSON Lines must be UTF-8"
        );
    }

    #[test]
    fn lines_strip_crlf_and_count_a_last_line_without_newline() {
        let lines: Vec<_> = Lines::new(&b"a\r\nb\n\nc"[..])
            .map(|(n, l)| (n, l.unwrap()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, b"a".to_vec()),
                (2, b"b".to_vec()),
                (3, vec![]),
                (4, b"c".to_vec())
            ]
        );
    }

    #[test]
    fn invalid_utf8_in_a_text_file_names_byte_line_and_column() {
        let f = text_record("a.txt", b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(f.id.as_deref(), Some("a.txt"));
        assert_eq!(
            f.error.to_string(),
            "a.txt:line 2:column 3: invalid UTF-8 at byte 5 (0xff): expected UTF-8 text; \
             convert the file first, e.g. `iconv -f latin1 -t utf-8`"
        );
    }

    #[test]
    fn gzip_is_detected_by_its_magic_bytes() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"id\":\"a\",\"text\":\"x\"}\n").unwrap();
        let gz = enc.finish().unwrap();
        let reader = decompressing(Box::new(io::Cursor::new(gz))).unwrap();
        let records: Vec<_> = read_jsonl(reader, "x.gz").collect();
        assert_eq!(
            records,
            vec![Ok(Record {
                id: "a".into(),
                text: "x".into()
            })]
        );
    }

    #[test]
    fn a_corrupt_gzip_stream_gives_one_error_item_and_stops() {
        let mut gz = {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&b"{\"id\":\"a\",\"text\":\"x\"}\n".repeat(1000))
                .unwrap();
            enc.finish().unwrap()
        };
        let n = gz.len();
        gz.truncate(n / 2);
        let reader = decompressing(Box::new(io::Cursor::new(gz))).unwrap();
        let items: Vec<_> = read_jsonl(reader, "x.gz").collect();
        let last = items.last().unwrap().as_ref().unwrap_err();
        assert_eq!(last.error.kind(), ErrorKind::Io);
        assert!(
            last.error.to_string().starts_with("x.gz:line "),
            "{}",
            last.error
        );
        assert!(items[..items.len() - 1].iter().all(|r| r.is_ok()));
    }
}
