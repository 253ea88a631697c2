//! `quotewise match --gazetteer FILE TEXT…`: the gazetteer mentions in each
//! text, one JSON line per text.

use std::io::Write;
use std::path::Path;

use quotewise::{Error, ErrorKind, Gazetteer, GazetteerMatch};
use serde::Serialize;

/// One output line.
#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    matches: Vec<GazetteerMatch>,
}

/// Loads the gazetteer at `gazetteer_path` and writes, for each of `texts`,
/// one JSON line `{"text": …, "matches": [GazetteerMatch…]}`. Stops
/// without error when the output is a closed pipe.
pub fn run_match(
    gazetteer_path: &Path,
    texts: &[String],
    out: &mut impl Write,
) -> Result<(), Error> {
    let gazetteer = Gazetteer::from_path(gazetteer_path)?;
    for text in texts {
        let line = Line {
            text,
            matches: gazetteer.find(text),
        };
        let json = serde_json::to_string(&line).expect("matches serialize");
        match writeln!(out, "{json}") {
            Ok(()) => {}
            // The reader of the output has gone (`| head`): a normal end.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => {
                return Err(
                    Error::new(ErrorKind::Io, format!("cannot write the output: {e}")).in_file("-"),
                )
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_one_json_line_per_text() {
        let gazetteer =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample_gazetteer.csv");
        let texts = ["Putin told Rosiah 24.".to_string(), "Nobody.".to_string()];
        let mut out = Vec::new();
        run_match(&gazetteer, &texts, &mut out).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let first = &lines[0]["matches"];
        assert_eq!(first[0]["id"], "putin");
        assert_eq!(first[0]["method"], "variant");
        assert_eq!(first[1]["span"]["text"], "Rosiah 24");
        assert_eq!(first[1]["span"]["char_start"], 11);
        assert_eq!(first[1]["id"], "rossiya24");
        assert_eq!(first[1]["method"], "fuzzy");
        assert_eq!(lines[1]["matches"], serde_json::json!([]));
    }

    #[test]
    fn a_bad_gazetteer_is_an_error_naming_the_file() {
        let err = run_match(Path::new("nope.csv"), &[], &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("nope.csv: cannot read the gazetteer"),
            "{err}"
        );
    }
}
