//! Reading gazetteers from CSV, TSV and JSONL files.
//!
//! CSV and TSV need a header naming the columns `id`, `name` and `kind`, and
//! optionally `aliases`, `descriptors` and `gender`, in any order. Several
//! aliases or descriptors go in one field, separated by `|`. Lines starting
//! with `#` are comments. Fields may be quoted as usual in CSV.
//!
//! ```text
//! id,name,aliases,kind,descriptors,gender
//! Q7747,Vladimir Putin,Vladimir Vladimirovich Putin,person,Russian president|Russian leader,male
//! ```
//!
//! JSONL has one object per line with the same fields, `aliases` and
//! `descriptors` as arrays:
//!
//! ```text
//! {"id": "Q7747", "name": "Vladimir Putin", "kind": "person", "aliases": ["Vladimir Vladimirovich Putin"]}
//! ```
//!
//! Every error names the file, the line and the column, and says what was
//! expected. Duplicate ids, empty ids and names, empty aliases and unknown
//! kinds or genders are errors; nothing is skipped silently.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::ids::IdIndex;
use super::{Gazetteer, GazetteerBuilder, GazetteerEntry};
use crate::error::{Error, ErrorKind};
use crate::model::{EntityKind, Gender};

/// The columns a CSV/TSV header may name.
const COLUMNS: [&str; 6] = ["id", "name", "aliases", "kind", "descriptors", "gender"];
/// The columns it must name.
const REQUIRED: [&str; 3] = ["id", "name", "kind"];

/// A gazetteer file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv(u8),
    Jsonl,
}

impl Format {
    fn of(path: &Path) -> Result<Format, Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Ok(Format::Csv(b',')),
            Some("tsv" | "tab") => Ok(Format::Csv(b'\t')),
            Some("jsonl" | "ndjson") => Ok(Format::Jsonl),
            _ => Err(Error::new(
                ErrorKind::Gazetteer,
                "unknown gazetteer format; expected a file ending in .csv, .tsv or .jsonl",
            )
            .in_file(path.display().to_string())),
        }
    }
}

impl Gazetteer {
    /// Loads a gazetteer with the default options from a `.csv`, `.tsv` or
    /// `.jsonl` file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read, [`ErrorKind::Parse`]
    /// for malformed records, [`ErrorKind::Gazetteer`] for invalid entries;
    /// each names the file, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().load_path(path)?.build()
    }
}

impl GazetteerBuilder {
    /// Adds the entries of a `.csv`, `.tsv` or `.jsonl` file.
    ///
    /// # Errors
    /// As [`Gazetteer::from_path`].
    pub fn load_path(self, path: impl AsRef<Path>) -> Result<GazetteerBuilder, Error> {
        let path = path.as_ref();
        let source = path.display().to_string();
        if path.is_dir() {
            return Err(Error::new(
                ErrorKind::Io,
                "is a directory; expected a gazetteer file ending in .csv, .tsv or .jsonl",
            )
            .in_file(source));
        }
        let format = Format::of(path)?;
        let file = std::fs::File::open(path).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the gazetteer: {e}")).in_file(&source)
        })?;
        match format {
            Format::Csv(delimiter) => self.read_csv(file, &source, delimiter),
            Format::Jsonl => self.read_jsonl(file, &source),
        }
    }

    /// Adds the entries of CSV (`delimiter` `b','`) or TSV (`b'\t'`) data;
    /// `source` names it in errors.
    ///
    /// # Errors
    /// As [`Gazetteer::from_path`].
    pub fn read_csv(
        mut self,
        reader: impl Read,
        source: &str,
        delimiter: u8,
    ) -> Result<GazetteerBuilder, Error> {
        let text = read_text(reader, source)?;
        if let Some((line, column)) = unclosed_quote(&text, delimiter) {
            return Err(Error::new(
                ErrorKind::Parse,
                format!(
                    "a quote opened at line {line}, column {column} is never closed (the rest \
                     of the file would be one field); expected a closing \" (write a \" inside \
                     a quoted field as \"\")"
                ),
            )
            .in_file(source)
            .at_line(line)
            .at_column(column));
        }
        let at = |line: usize, column: usize| {
            move |e: Error| e.in_file(source).at_line(line).at_column(column)
        };
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut header = csv::StringRecord::new();
        if !csv
            .read_record(&mut header)
            .map_err(|e| csv_error(&e, source))?
        {
            return Err(Error::new(
                ErrorKind::Parse,
                format!(
                    "no header; expected a first line naming the columns {}",
                    COLUMNS.join(",")
                ),
            )
            .in_file(source)
            .at_line(1));
        }
        let header_line = line_of(&header);
        let header_cols = field_columns(raw_line(&text, &header), delimiter);
        let mut columns: Vec<&str> = Vec::with_capacity(header.len());
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            let col = header_cols.get(i).copied().unwrap_or(1);
            let Some(&known) = COLUMNS.iter().find(|&&c| c == name) else {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!(
                        "unknown column '{name}'; expected one of {}",
                        COLUMNS.join(", ")
                    ),
                ))
                .map_err(at(header_line, col));
            };
            if columns.contains(&known) {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!("column '{name}' appears twice"),
                ))
                .map_err(at(header_line, col));
            }
            columns.push(known);
        }
        for required in REQUIRED {
            if !columns.contains(&required) {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!(
                        "missing column '{required}'; the header must name id, name and kind (aliases, descriptors and gender are optional)"
                    ),
                ))
                .map_err(at(header_line, 1));
            }
        }
        let mut ids = Ids::new(&self.entries);
        // One record, reused: no allocation per line but the entry's own.
        let mut record = csv::StringRecord::new();
        while csv
            .read_record(&mut record)
            .map_err(|e| csv_error(&e, source))?
        {
            let line = line_of(&record);
            // Columns are only needed for an error message.
            let col = |i: usize| {
                let cols = field_columns(raw_line(&text, &record), delimiter);
                cols.get(i).copied().unwrap_or(1)
            };
            if record.len() != columns.len() {
                let column = if record.len() < columns.len() {
                    raw_line(&text, &record).chars().count() + 1
                } else {
                    col(columns.len())
                };
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!(
                        "expected {} fields ({}), found {}",
                        columns.len(),
                        columns.join(","),
                        record.len()
                    ),
                ))
                .map_err(at(line, column));
            }
            let index = |name: &str| columns.iter().position(|&c| c == name);
            let value = |name: &str| index(name).map_or("", |i| record[i].trim());
            // The column of a field, for an error about it.
            let at_field = |name: &str| {
                let column = index(name).map_or(1, col);
                move |e: Error| e.in_file(source).at_line(line).at_column(column)
            };
            let mut entry = GazetteerEntry::new(value("id"), value("name"), EntityKind::Other);
            entry.kind = parse_kind(value("kind"))
                .map_err(|m| Error::new(ErrorKind::Gazetteer, m))
                .map_err(|e| at_field("kind")(e))?;
            entry.gender = parse_gender(value("gender"))
                .map_err(|m| Error::new(ErrorKind::Gazetteer, m))
                .map_err(|e| at_field("gender")(e))?;
            for (name, list) in [
                ("aliases", &mut entry.aliases),
                ("descriptors", &mut entry.descriptors),
            ] {
                *list = split_multi(value(name), name).map_err(|e| at_field(name)(e))?;
            }
            entry
                .check()
                .map_err(|(f, m)| at_field(f)(Error::new(ErrorKind::Gazetteer, m)))?;
            ids.insert(&self.entries, &entry.id, line)
                .map_err(|e| at_field("id")(e))?;
            self.entries.push(entry);
        }
        Ok(self)
    }

    /// Adds the entries of JSONL data (one JSON object per line); `source`
    /// names it in errors.
    ///
    /// # Errors
    /// As [`Gazetteer::from_path`].
    pub fn read_jsonl(
        mut self,
        reader: impl Read,
        source: &str,
    ) -> Result<GazetteerBuilder, Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            id: String,
            name: String,
            #[serde(default)]
            aliases: Vec<String>,
            kind: String,
            #[serde(default)]
            descriptors: Vec<String>,
            #[serde(default)]
            gender: Option<String>,
        }
        let text = read_text(reader, source)?;
        let mut ids = Ids::new(&self.entries);
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.trim().is_empty() {
                continue;
            }
            let at = |column: usize| move |e: Error| e.in_file(source).at_line(n).at_column(column);
            // The column of a field's key in the line, for errors about its value.
            let key_col = |key: &str| {
                line.find(&format!("\"{key}\""))
                    .map_or(1, |b| line[..b].chars().count() + 1)
            };
            let raw: Raw = serde_json::from_str(line).map_err(|e| {
                let message = e.to_string();
                let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
                Error::new(
                    ErrorKind::Parse,
                    format!(
                        "{message}; expected a JSON object with id, name, kind and optionally aliases, descriptors, gender"
                    ),
                )
                .in_file(source)
                .at_line(n)
                .at_column(e.column().max(1))
            })?;
            let mut entry = GazetteerEntry::new(raw.id, raw.name, EntityKind::Other);
            entry.kind = parse_kind(&raw.kind)
                .map_err(|m| Error::new(ErrorKind::Gazetteer, m))
                .map_err(at(key_col("kind")))?;
            entry.gender = parse_gender(raw.gender.as_deref().unwrap_or(""))
                .map_err(|m| Error::new(ErrorKind::Gazetteer, m))
                .map_err(at(key_col("gender")))?;
            entry.aliases = raw.aliases;
            entry.descriptors = raw.descriptors;
            entry.check().map_err(|(f, m)| {
                Error::new(ErrorKind::Gazetteer, m)
                    .in_file(source)
                    .at_line(n)
                    .at_column(key_col(f))
            })?;
            ids.insert(&self.entries, &entry.id, n)
                .map_err(at(key_col("id")))?;
            self.entries.push(entry);
        }
        Ok(self)
    }
}

/// Ids seen so far, with where they were defined.
struct Ids {
    index: IdIndex,
    /// The line of each entry, `None` for entries added before this file.
    lines: Vec<Option<usize>>,
}

impl Ids {
    fn new(earlier: &[GazetteerEntry]) -> Ids {
        let mut index = IdIndex::with_capacity(earlier.len());
        for (i, e) in earlier.iter().enumerate() {
            // Duplicates among them are the builder's to report.
            let _ = index.insert(earlier, &e.id, i as u32);
        }
        Ids {
            index,
            lines: vec![None; earlier.len()],
        }
    }

    /// Records the id of the entry on `line`, which will be pushed onto
    /// `entries` next.
    fn insert(&mut self, entries: &[GazetteerEntry], id: &str, line: usize) -> Result<(), Error> {
        match self.index.insert(entries, id, entries.len() as u32) {
            Ok(()) => {
                self.lines.push(Some(line));
                Ok(())
            }
            Err(first) => {
                let first = self.lines[first as usize]
                    .map_or("by an earlier entry".to_string(), |l| {
                        format!("on line {l}")
                    });
                Err(Error::new(
                    ErrorKind::Gazetteer,
                    format!("duplicate id '{id}' (first defined {first}); expected unique ids"),
                ))
            }
        }
    }
}

fn read_text(mut reader: impl Read, source: &str) -> Result<String, Error> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the gazetteer: {e}")).in_file(source)
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = std::str::from_utf8(good).expect("valid up to here");
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::new(ErrorKind::Parse, "invalid UTF-8; expected UTF-8 text")
            .in_file(source)
            .at_line(line)
            .at_column(column)
    })
}

fn csv_error(e: &csv::Error, source: &str) -> Error {
    let err = Error::new(ErrorKind::Parse, format!("malformed CSV: {e}")).in_file(source);
    match e.position() {
        Some(p) => err.at_line(p.line() as usize),
        None => err,
    }
}

fn line_of(record: &csv::StringRecord) -> usize {
    record.position().map_or(1, |p| p.line() as usize)
}

/// The first line of a record's raw text.
fn raw_line<'t>(text: &'t str, record: &csv::StringRecord) -> &'t str {
    let start = record.position().map_or(0, |p| p.byte() as usize);
    let rest = &text[start.min(text.len())..];
    let line = rest.split('\n').next().unwrap_or("");
    line.strip_suffix('\r').unwrap_or(line)
}

/// The 1-based char column where each field of a raw CSV line starts,
/// honouring quoted fields.
fn field_columns(line: &str, delimiter: u8) -> Vec<usize> {
    let delimiter = delimiter as char;
    let mut cols = vec![1];
    let mut quoted = false;
    let mut at_field_start = true;
    for (n, c) in line.chars().enumerate() {
        if at_field_start && c == '"' {
            quoted = true;
        } else if quoted && c == '"' {
            // A doubled quote toggles twice and stays quoted.
            quoted = false;
        } else if !quoted && c == delimiter {
            cols.push(n + 2);
            at_field_start = true;
            continue;
        }
        at_field_start = false;
    }
    cols
}

/// The 1-based line and char column of a quote that opens a CSV field and
/// is never closed, if any. The CSV reader would take the rest of the file
/// as that one field and report a short record at its end; this names the
/// quote instead. Quotes are read as the `csv` crate reads them: a `"`
/// opens a field only at its start, `""` inside is one quote, and a `#`
/// at the start of a line outside quotes starts a comment.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut field_start = true;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start && b == b'#' {
            i = bytes[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |n| i + n + 1);
            continue;
        }
        line_start = false;
        if field_start && b == b'"' {
            let opened = i;
            i += 1;
            loop {
                match bytes[i..].iter().position(|&b| b == b'"') {
                    None => {
                        let before = &text[..opened];
                        let line = before.matches('\n').count() + 1;
                        let column =
                            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                        return Some((line, column));
                    }
                    Some(n) if bytes.get(i + n + 1) == Some(&b'"') => i += n + 2,
                    Some(n) => {
                        i += n + 1;
                        break;
                    }
                }
            }
            field_start = false;
            continue;
        }
        field_start = b == delimiter || b == b'\n' || b == b'\r';
        line_start = b == b'\n';
        i += 1;
    }
    None
}

/// Splits a `|`-separated field; empty pieces are errors.
fn split_multi(value: &str, field: &str) -> Result<Vec<String>, Error> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    value
        .split('|')
        .map(|piece| {
            let piece = piece.trim();
            if piece.is_empty() {
                Err(Error::new(
                    ErrorKind::Gazetteer,
                    format!("empty value in {field} '{value}'; expected values separated by |"),
                ))
            } else {
                Ok(piece.to_string())
            }
        })
        .collect()
}

/// The value of `choices` that `s` names, ignoring ASCII case and spaces
/// around it.
fn one_of<T: Copy>(s: &str, choices: &[(&str, T)]) -> Option<T> {
    let s = s.trim();
    choices
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s))
        .map(|&(_, value)| value)
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    const KINDS: &[(&str, EntityKind)] = &[
        ("person", EntityKind::Person),
        ("organisation", EntityKind::Organisation),
        ("organization", EntityKind::Organisation),
        ("place", EntityKind::Place),
        ("media", EntityKind::Media),
        ("other", EntityKind::Other),
    ];
    one_of(s, KINDS).ok_or_else(|| {
        format!("unknown kind '{s}'; expected one of person, organisation, place, media, other")
    })
}

fn parse_gender(s: &str) -> Result<Option<Gender>, String> {
    const GENDERS: &[(&str, Option<Gender>)] = &[
        ("", None),
        ("male", Some(Gender::Male)),
        ("female", Some(Gender::Female)),
    ];
    one_of(s, GENDERS)
        .ok_or_else(|| format!("unknown gender '{s}'; expected male, female or nothing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_genders_ignore_ascii_case_and_spaces() {
        assert_eq!(parse_kind(" Person "), Ok(EntityKind::Person));
        assert_eq!(parse_kind("ORGANIZATION"), Ok(EntityKind::Organisation));
        assert_eq!(parse_kind("organisation"), Ok(EntityKind::Organisation));
        assert_eq!(parse_kind("Media"), Ok(EntityKind::Media));
        assert!(parse_kind("").is_err());
        assert!(parse_kind("persons").is_err());
        assert_eq!(parse_gender("  "), Ok(None));
        assert_eq!(parse_gender("Female"), Ok(Some(Gender::Female)));
        assert_eq!(
            parse_gender("m"),
            Err("unknown gender 'm'; expected male, female or nothing".to_string())
        );
    }

    #[test]
    fn unclosed_quotes_are_found_where_they_open() {
        assert_eq!(unclosed_quote("a,b\n\"x\",\"y\"\"z\"\n", b','), None);
        assert_eq!(unclosed_quote("a,b\nc,\"é\nd,e\n", b','), Some((2, 3)));
        assert_eq!(unclosed_quote("a\t\"b", b'\t'), Some((1, 3)));
        // Inside an unquoted field a quote is literal; in a comment, ignored.
        assert_eq!(unclosed_quote("a,b\"c\n", b','), None);
        assert_eq!(unclosed_quote("# it's \"\na,b\n", b','), None);
        assert_eq!(unclosed_quote("a,\"b\"\"", b','), Some((1, 3)));
    }

    #[test]
    fn field_columns_honour_quotes() {
        assert_eq!(field_columns("a,b,c", b','), vec![1, 3, 5]);
        assert_eq!(field_columns("\"a,b\",c", b','), vec![1, 7]);
        assert_eq!(field_columns("\"a\"\"x\",é,c", b','), vec![1, 8, 10]);
        assert_eq!(field_columns("a\tb", b'\t'), vec![1, 3]);
    }
}
