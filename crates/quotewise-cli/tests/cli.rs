//! The `quotewise` binary end to end: outputs, every kind of bad input, and
//! the ordering and line-count guarantees of `--jsonl`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The binary on `args`, with stdin, stdout and stderr piped.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_quotewise"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

fn quotewise(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut pipe = child.stdin.take().expect("piped stdin");
    let input = stdin.to_vec();
    // The binary may exit before reading all of stdin (bad options).
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().expect("the binary finishes");
    match feeder.join().unwrap() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => output,
    }
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample_article.txt")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

const EXPECTED: &str = r#"expected one JSON object {"id": string, "text": string} per line"#;

#[test]
fn a_text_file_gives_one_document_named_after_the_file() {
    let path = sample();
    let path = path.to_str().unwrap();
    let out = quotewise(&["extract", path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], path);
    let text = std::fs::read_to_string(path).unwrap();
    let expected = quotewise::Extractor::new().extract_with_id(path, &text);
    let expected: Value = serde_json::from_str(&serde_json::to_string(&expected).unwrap()).unwrap();
    assert_eq!(docs[0], expected);
}

#[test]
fn the_json_has_the_fields_the_evaluation_reads() {
    let input = record("a", "“We will win,” Jane Smith said.");
    let docs = lines(&quotewise(&["extract", "--jsonl"], input.as_bytes()));
    let doc = &docs[0];
    assert_eq!(doc["id"], "a");
    assert!(doc["entities"].is_array());
    let quote = &doc["quotes"][0];
    assert!(quote["kind"].is_string());
    assert!(quote.get("cue").is_some() && quote.get("speaker").is_some());
    let piece = &quote["content"][0];
    for field in ["start", "end", "char_start", "char_end", "text"] {
        assert!(piece.get(field).is_some(), "content span lacks {field}");
    }
    assert_eq!(piece["char_start"], 0);
    assert_eq!(piece["text"], "“We will win,”");
}

#[test]
fn stdin_is_read_when_no_file_or_dash_is_given() {
    let text = "“Fine,” he said.";
    let a = lines(&quotewise(&["extract"], text.as_bytes()));
    let b = lines(&quotewise(&["extract", "-"], text.as_bytes()));
    assert_eq!(a, b);
    assert_eq!(a[0]["id"], "-");
    assert_eq!(a[0]["quotes"][0]["content"][0]["text"], "“Fine,”");
}

#[test]
fn an_unreadable_file_is_an_error_record_and_the_others_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(&dir, "good.txt", "“Yes,” she said.".as_bytes());
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().unwrap();
    let out = quotewise(&["extract", &good, missing, &good], b"");
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], good.as_str());
    assert_eq!(docs[2]["id"], good.as_str());
    assert_eq!(docs[1]["id"], missing);
    assert_eq!(
        docs[1]["error"],
        format!("{missing}: cannot read the file: No such file or directory (os error 2)")
    );
    assert!(stderr(&out).contains("2 documents, 2 quotes, 1 error in"));
}

#[test]
fn invalid_utf8_in_a_text_file_is_an_error_record_naming_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(&dir, "latin1.txt", b"Caf\xe9 society\n");
    let out = quotewise(&["extract", &bad], b"");
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], bad.as_str());
    assert_eq!(
        docs[0]["error"],
        format!(
            "{bad}:line 1:column 4: invalid UTF-8 at byte 3 (0xe9): expected UTF-8 text; \
             convert the file first, e.g. `iconv -f latin1 -t utf-8`"
        )
    );
}

#[test]
fn empty_and_whitespace_texts_are_documents_without_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let blank = write(&dir, "blank.txt", b" \n\t\n");
    let out = quotewise(&["extract", &empty, &blank], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    for doc in docs {
        assert_eq!(doc["quotes"], serde_json::json!([]));
    }
}

/// One JSONL stream with every kind of bad line between good ones.
#[test]
fn every_bad_jsonl_line_gives_one_error_record_in_place() {
    let mut input: Vec<u8> = Vec::new();
    let mut push = |line: &[u8]| {
        input.extend_from_slice(line);
        input.push(b'\n');
    };
    push(record("g1", "“One,” Ann Lee said.").as_bytes()); // 1
    push(br#"{"id": "x", "text": "unterminated"#); // 2
    push(br#"{"id": "no-text"}"#); // 3
    push(br#"{"id": "num-text", "text": 5}"#); // 4
    push(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}"); // 5
    push(b""); // 6
    push(b"{\"id\": \"nul\", \"text\": \"a\x00b\"}"); // 7: raw NUL is invalid JSON
    push(br#"{"id": "escaped-nul", "text": "a\u0000b \"Hi,\" he said."}"#); // 8
    push(br#"["id", "text"]"#); // 9
    push(br#"{"text": "no id"}"#); // 10
    push(record("g2", "“Two,” Bo Chan said.").as_bytes()); // 11
    let out = quotewise(&["extract", "--jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 11, "one output line per input line");
    let error = |n: usize| docs[n - 1]["error"].as_str().unwrap_or("").to_string();
    assert!(docs[0]["quotes"].is_array() && docs[10]["quotes"].is_array());
    assert_eq!(docs[0]["id"], "g1");
    assert_eq!(docs[10]["id"], "g2");
    assert_eq!(
        error(2),
        format!("<stdin>:line 2:column 33: invalid JSON (EOF while parsing a string): {EXPECTED}")
    );
    assert_eq!(docs[2]["id"], "no-text");
    assert_eq!(
        error(3),
        format!("<stdin>:line 3: missing \"text\": {EXPECTED}")
    );
    assert_eq!(docs[3]["id"], "num-text");
    assert_eq!(
        error(4),
        "<stdin>:line 4: \"text\" is a number: expected a string"
    );
    assert_eq!(docs[4]["id"], "latin1");
    assert_eq!(
        error(5),
        "<stdin>:line 5: invalid UTF-8 at byte 29 of the line (column 30): \
         expected UTF-8 text; JSON Lines must be UTF-8"
    );
    assert_eq!(docs[5]["id"], Value::Null);
    assert_eq!(error(6), format!("<stdin>:line 6: blank line: {EXPECTED}"));
    assert_eq!(docs[6]["id"], Value::Null);
    assert_eq!(
        error(7),
        format!(
            "<stdin>:line 7:column 25: invalid JSON (control character (\\u0000-\\u001F) \
             found while parsing a string): {EXPECTED}"
        )
    );
    assert_eq!(docs[7]["id"], "escaped-nul");
    assert!(docs[7].get("error").is_none(), "an escaped NUL is text");
    assert_eq!(
        error(9),
        format!("<stdin>:line 9: found an array: {EXPECTED}")
    );
    assert_eq!(
        error(10),
        format!("<stdin>:line 10: missing \"id\": {EXPECTED}")
    );
    assert!(stderr(&out).contains("3 documents, "), "{}", stderr(&out));
    assert!(stderr(&out).contains(" 8 errors in "), "{}", stderr(&out));
}

/// Many documents, errors mixed in, two threads: the output keeps input
/// order and one line per input line.
#[test]
fn jsonl_output_is_in_input_order_with_one_line_per_input_line() {
    let n = 3000;
    let mut input = String::new();
    for i in 0..n {
        if i % 97 == 13 {
            input.push_str("{not json\n");
        } else {
            // Texts of very different lengths, so workers finish out of order.
            let text = "“We will win,” Jane Smith said. ".repeat(1 + (i * 7919) % 60);
            input.push_str(&record(&format!("doc-{i}"), &text));
            input.push('\n');
        }
    }
    let out = quotewise(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), n);
    for (i, doc) in docs.iter().enumerate() {
        if i % 97 == 13 {
            assert_eq!(doc["id"], Value::Null);
            let prefix = format!("<stdin>:line {}:", i + 1);
            assert!(doc["error"].as_str().unwrap().starts_with(&prefix), "{doc}");
        } else {
            assert_eq!(doc["id"], format!("doc-{i}"));
        }
    }
    let one = quotewise(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    assert_eq!(
        one.stdout, out.stdout,
        "the thread count does not change the output"
    );
}

#[test]
fn gzip_input_gives_the_same_output_as_plain() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{}\n{}\n",
        record("a", "“A,” he said."),
        record("b", "She said that it rained.")
    );
    let plain = write(&dir, "in.jsonl", jsonl.as_bytes());
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(jsonl.as_bytes()).unwrap();
    let gz = write(&dir, "in.jsonl.gz", &enc.finish().unwrap());
    let a = quotewise(&["extract", "--jsonl", &plain], b"");
    let b = quotewise(&["extract", "--jsonl", &gz], b"");
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(lines(&a).len(), 2);
}

#[test]
fn a_missing_jsonl_file_is_one_error_record_and_the_next_file_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        &dir,
        "good.jsonl",
        format!("{}\n", record("a", "x")).as_bytes(),
    );
    let out = quotewise(&["extract", "--jsonl", "nope.jsonl", &good], b"");
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0]["error"],
        "nope.jsonl: cannot read the file: No such file or directory (os error 2)"
    );
    assert_eq!(docs[1]["id"], "a");
}

#[test]
fn quiet_silences_stderr_and_otherwise_only_the_summary_is_printed() {
    let input = format!("{}\n", record("a", "“A,” he said."));
    let quiet = quotewise(&["extract", "--jsonl", "--quiet"], input.as_bytes());
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "");
    // stderr is a pipe here, not a terminal: no progress bar, one summary line.
    let loud = quotewise(&["extract", "--jsonl"], input.as_bytes());
    let err = stderr(&loud);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("quotewise: 1 document, 1 quote, 0 errors in "),
        "{err}"
    );
    assert!(err.trim_end().ends_with("MB/s)"), "{err}");
}

#[test]
fn text_format_lists_quote_kind_speaker_method_and_confidence() {
    let out = quotewise(
        &["extract", "--format", "text"],
        "“We will win,” Jane Smith said.".as_bytes(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("== -: 1 quote · en\n"), "{text}");
    assert!(text.contains("  1. direct   “We will win,”\n"), "{text}");
    assert!(
        text.contains("     speaker  Jane Smith · speech_tag · confidence 0."),
        "{text}"
    );
}

#[test]
fn text_format_puts_a_hard_wrapped_quote_on_one_line() {
    let novel = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample_novel.txt");
    let out = quotewise(
        &["extract", "--format", "text", novel.to_str().unwrap()],
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "  2. direct   \"My dear Mr. Bennet,\" \"have you heard that Netherfield Park is let at last?\"\n"
        ),
        "{text}"
    );
}

#[test]
fn help_documents_the_exit_status() {
    let out = quotewise(&["extract", "--help"], b"");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("EXIT STATUS:"), "{help}");
    assert!(help.contains("1  some inputs gave error records"), "{help}");
}

#[test]
fn an_invalid_option_fails_before_reading() {
    let out = quotewise(&["extract", "--min-confidence", "1.5"], b"ignored");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "quotewise: min_confidence must be a number in 0..=1, got 1.5\n"
    );
    assert!(out.stdout.is_empty());
    let out = quotewise(&["extract", "--threads", "0"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn extractor_flags_give_the_library_result_for_the_same_options() {
    use quotewise::ExtractorBuilder;
    let path = sample();
    let path = path.to_str().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let cases: [(&[&str], ExtractorBuilder); 5] = [
        (&[], ExtractorBuilder::new()),
        (&["--partial"], ExtractorBuilder::new().partial(true)),
        (&["--no-indirect"], ExtractorBuilder::new().indirect(false)),
        (
            &["--min-confidence", "0.9"],
            ExtractorBuilder::new().min_confidence(0.9),
        ),
        (&["--lang", "de"], ExtractorBuilder::new().language("de")),
    ];
    let mut outputs = Vec::new();
    for (flags, builder) in cases {
        let mut args = vec!["extract"];
        args.extend_from_slice(flags);
        args.push(path);
        let docs = lines(&quotewise(&args, b""));
        let expected = builder.build().unwrap().extract_with_id(path, &text);
        let expected: Value =
            serde_json::from_str(&serde_json::to_string(&expected).unwrap()).unwrap();
        assert_eq!(docs[0], expected, "{flags:?}");
        outputs.push(docs[0].clone());
    }
    assert_ne!(
        outputs[0], outputs[2],
        "--no-indirect changes the sample's result"
    );
    assert_ne!(
        outputs[0], outputs[3],
        "--min-confidence changes the sample's result"
    );
}

#[test]
fn each_document_says_its_language() {
    let input = "{\"id\": \"de\", \"text\": \"„Wir geben nicht auf“, sagte der Minister am Montag in Berlin.\"}\n\
                 {\"id\": \"fr\", \"text\": \"« Nous ne reculerons pas », a déclaré le président devant les députés.\"}\n\
                 {\"id\": \"short\", \"text\": \"OK.\"}\n";
    let docs = lines(&quotewise(&["extract", "--jsonl"], input.as_bytes()));
    let languages: Vec<&Value> = docs.iter().map(|d| &d["language"]).collect();
    assert_eq!(
        languages,
        [&Value::from("de"), &Value::from("fr"), &Value::Null]
    );
    // Set by hand, every document has it; the text listing shows it.
    let docs = lines(&quotewise(
        &["extract", "--jsonl", "--lang", "it"],
        input.as_bytes(),
    ));
    assert!(docs.iter().all(|d| d["language"] == "it"), "{docs:?}");
    let out = quotewise(
        &["extract", "--format", "text", "--lang", "nl"],
        b"\"Ja,\" zei ze.",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("== -: 1 quote · nl\n"), "{text}");
}

#[test]
fn the_genre_is_read_from_each_text_or_set() {
    let dialogue = "“Where are you going?” asked Mary.\n\n“Home,” John replied.\n\n\
                    “Stay a little longer.”\n\n“I can’t.”";
    let speakers = |genre: &str| -> (String, Vec<String>) {
        let out = quotewise(&["extract", "--genre", genre], dialogue.as_bytes());
        let doc = &lines(&out)[0];
        let names = doc["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let e = q["speaker"]["entity"].as_u64().unwrap() as usize;
                doc["entities"][e]["name"].as_str().unwrap().to_string()
            })
            .collect();
        (doc["genre"].as_str().unwrap().to_string(), names)
    };
    let (genre, names) = speakers("auto");
    assert_eq!(
        (genre.as_str(), names),
        (
            "fiction",
            vec!["Mary".into(), "John".into(), "Mary".into(), "John".into()]
        )
    );
    let (genre, names) = speakers("news");
    assert_eq!(
        (genre.as_str(), names),
        (
            "news",
            vec!["Mary".into(), "John".into(), "John".into(), "John".into()]
        )
    );
    let out = quotewise(&["extract", "--format", "text"], dialogue.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("== -: 4 quotes · en · fiction\n"),
        "{text}"
    );
    let out = quotewise(&["extract", "--genre", "novel"], b"ignored");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'novel' for '--genre"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_language_fails_before_reading() {
    let out = quotewise(&["extract", "--lang", "xx"], b"ignored");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("quotewise: unknown language \"xx\": expected auto or one of "),
        "{err}"
    );
    assert!(err.contains("de, en, es, fr, hu, it, nl, pt"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn partial_quotes_are_opt_in_as_in_the_library() {
    // (`suggested a “virtually live” experiment` reports its object: mixed)
    let text = "The Russian leader joked after a “virtually live” experiment on Thursday.";
    let kinds = |args: &[&str]| -> Vec<Value> {
        let docs = lines(&quotewise(args, text.as_bytes()));
        docs[0]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["kind"].clone())
            .collect()
    };
    assert!(!kinds(&["extract"]).contains(&Value::from("partial")));
    assert_eq!(kinds(&["extract", "--partial"]), [Value::from("partial")]);
}

fn sample_gazetteer() -> String {
    format!(
        "{}/../../examples/sample_gazetteer.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn extract_links_speakers_to_the_gazetteer() {
    let gazetteer = sample_gazetteer();
    let text = "Putin told Rosiah 24 that the talks would go on. “We will talk,” Putin said.";
    let out = quotewise(&["extract", "--gazetteer", &gazetteer], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    let entity = |id: &str| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["gazetteer_id"] == id)
            .cloned()
    };
    let putin = entity("putin").expect("Putin is linked");
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(entity("rossiya24").expect("fuzzy link")["link"], "fuzzy");
    for q in doc["quotes"].as_array().unwrap() {
        assert_eq!(q["speaker"]["entity"], putin["id"]);
    }
}

#[test]
fn match_prints_mentions_and_bad_gazetteers_fail_clearly() {
    let gazetteer = sample_gazetteer();
    let out = quotewise(
        &["match", "--gazetteer", &gazetteer, "Peskov met Biden."],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<Value> = lines(&out)[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].clone())
        .collect();
    assert_eq!(ids, [Value::from("peskov"), Value::from("biden")]);
    let out = quotewise(&["extract", "--gazetteer", "missing.csv", "-"], b"text");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("missing.csv"), "{}", stderr(&out));
}

#[test]
fn text_format_shows_gazetteer_links() {
    let gazetteer = sample_gazetteer();
    let text = "“We will talk,” Putin said. Rosiah 24 reported it.";
    let args = ["extract", "--format", "text", "--gazetteer", &gazetteer];
    let with = quotewise(&args, text.as_bytes());
    assert!(with.status.success(), "{}", stderr(&with));
    let with = String::from_utf8(with.stdout).unwrap();
    assert!(
        with.contains("speaker  Vladimir Putin (as “Putin”) → putin (variant) · speech_tag"),
        "{with}"
    );
    assert!(with.contains("     linked entities\n"), "{with}");
    assert!(
        with.contains("       Rossiya 24 (media) → rossiya24 (fuzzy)\n"),
        "{with}"
    );
    let without = quotewise(&["extract", "--format", "text"], text.as_bytes());
    let without = String::from_utf8(without.stdout).unwrap();
    assert!(!without.contains('→'), "{without}");
    assert_ne!(with, without);
}

#[test]
fn stderr_names_the_first_failed_inputs_when_stdout_is_not_a_terminal() {
    let mut input = String::new();
    for i in 0..8 {
        input.push_str(&format!("{{\"id\": \"bad{i}\"}}\n"));
    }
    input.push_str(&record("good", "“Yes,” she said."));
    input.push('\n');
    let out = quotewise(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.len(),
        7,
        "5 named, 1 for the rest, the summary: {err}"
    );
    for (i, line) in lines[..5].iter().enumerate() {
        let expected = format!(
            "quotewise: failed: bad{i}: <stdin>:line {}: missing \"text\"",
            i + 1
        );
        assert!(
            line.starts_with(&expected),
            "{line:?} starts with {expected:?}"
        );
    }
    assert_eq!(
        lines[5],
        "quotewise: … and 3 more failed inputs (each has an error record in the output)"
    );
    assert!(
        lines[6].starts_with("quotewise: 1 document, 1 quote, 8 errors in "),
        "{err}"
    );
    // An input that fails before its id is known.
    let out = quotewise(&["extract", "--jsonl"], b"not json\n");
    let err = stderr(&out);
    assert!(
        err.starts_with("quotewise: failed: (no id): <stdin>:line 1:column 2: invalid JSON"),
        "{err}"
    );
    let quiet = quotewise(&["extract", "--jsonl", "--quiet"], input.as_bytes());
    assert_eq!(stderr(&quiet), "");
}

/// Runs the binary on `stdin` and closes its stdout after the first line,
/// as `| head -1` does.
fn quotewise_closing_stdout_early(args: &[&str], stdin: Vec<u8>) -> Output {
    use std::io::{BufRead, BufReader};
    let mut child = spawn(args);
    let mut pipe = child.stdin.take().expect("piped stdin");
    let feeder = std::thread::spawn(move || pipe.write_all(&stdin));
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "the first line came");
    drop(stdout);
    let output = child.wait_with_output().expect("the binary finishes");
    if let Err(e) = feeder.join().unwrap() {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    output
}

#[test]
fn a_closed_output_pipe_is_a_quiet_normal_end() {
    let text = std::fs::read_to_string(sample()).unwrap();
    // Far more output than a pipe buffers (the sample's document is ~10 KB
    // of JSON), so the binary is still writing when the pipe closes.
    let input: String = (0..400)
        .map(|i| record(&format!("a{i}"), &text) + "\n")
        .collect();
    for format in ["json", "text"] {
        let out = quotewise_closing_stdout_early(
            &["extract", "--jsonl", "--threads", "2", "--format", format],
            input.clone().into_bytes(),
        );
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
    let gazetteer = sample_gazetteer();
    let texts: Vec<String> = (0..20_000).map(|i| format!("Putin {i}")).collect();
    let mut args = vec!["match", "--gazetteer", &gazetteer];
    args.extend(texts.iter().map(String::as_str));
    let out = quotewise_closing_stdout_early(&args, Vec::new());
    assert_eq!(out.status.code(), Some(0), "match: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "match");
}

#[test]
fn gazetteer_errors_say_what_where_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let unclosed = write(
        &dir,
        "people.csv",
        b"id,name,kind\nputin,Vladimir Putin,person\nbiden,\"Joe Biden,person\npeskov,Dmitry Peskov,person\n",
    );
    let out = quotewise(&["extract", "--gazetteer", &unclosed, "-"], b"text");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "quotewise: {unclosed}:line 3:column 7: a quote opened at line 3, column 7 is never \
             closed (the rest of the file would be one field); expected a closing \" (write a \" \
             inside a quoted field as \"\")\n"
        )
    );
    let folder = dir.path().to_str().unwrap();
    let out = quotewise(&["extract", "--gazetteer", folder, "-"], b"text");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "quotewise: {folder}: is a directory; expected a gazetteer file ending in .csv, .tsv \
             or .jsonl\n"
        )
    );
    let out = quotewise(&["match", "--gazetteer", folder, "Putin"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}
