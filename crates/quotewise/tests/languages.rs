//! Golden cases in other languages (issue "Quotes in other languages"):
//! the spec the engine must meet, read from `tests/lang/<code>.txt` (the
//! format is in `tests/lang/README.md`).
//!
//! Each language is read with its built-in lexicon, `lang/<code>/`, set
//! with `ExtractorBuilder::language`; the mixed documents with the default
//! extractor, which detects each text's language. The harness prints, per language, how many
//! cases pass in full and how many direct quotes are found with the right
//! span (the marks of the language, which the scanner knows without a
//! lexicon), and asserts only that neither count falls below the floor in
//! [`FLOORS`]. Raise a floor when the engine passes more (the printed
//! counts say by how much); `cargo test --test languages -- --nocapture`
//! prints them.

use std::sync::Arc;

use quotewise::{Document, ExtractorBuilder, Lexicon, Quote, QuoteKind};

/// Per language: the cases that must pass in full, and the direct quotes
/// that must be found with the right content (whatever their speaker).
/// The floors of today; raise them as the engine improves.
#[rustfmt::skip]
const FLOORS: &[(&str, Floor)] = &[
    ("de",    Floor { cases: 16, direct_spans: 12 }),
    ("fr",    Floor { cases: 15, direct_spans: 12 }),
    ("es",    Floor { cases: 16, direct_spans: 13 }),
    ("it",    Floor { cases: 16, direct_spans: 12 }),
    ("pt",    Floor { cases: 15, direct_spans: 12 }),
    ("nl",    Floor { cases: 15, direct_spans: 14 }),
    ("hu",    Floor { cases: 15, direct_spans: 12 }),
    ("mixed", Floor { cases: 5, direct_spans: 10 }),
];

/// The least a language must pass.
#[derive(Clone, Copy, Debug)]
struct Floor {
    cases: usize,
    direct_spans: usize,
}

/// The case files, by language code (`mixed`: documents in two languages).
const CASE_FILES: &[(&str, &str)] = &[
    ("de", include_str!("lang/de.txt")),
    ("fr", include_str!("lang/fr.txt")),
    ("es", include_str!("lang/es.txt")),
    ("it", include_str!("lang/it.txt")),
    ("pt", include_str!("lang/pt.txt")),
    ("nl", include_str!("lang/nl.txt")),
    ("hu", include_str!("lang/hu.txt")),
    ("mixed", include_str!("lang/mixed.txt")),
];

/// The built-in lexicon of `code`.
fn lexicon(code: &str) -> Arc<Lexicon> {
    Lexicon::built_in(code).unwrap_or_else(|| panic!("{code} is not built in"))
}

/// One golden case.
#[derive(Debug)]
struct Case {
    name: String,
    line: usize,
    paragraphs: Vec<String>,
    quotes: Vec<Expected>,
}

/// One expected quote.
#[derive(Debug)]
struct Expected {
    content: String,
    kind: QuoteKind,
    /// `None`: the quote has no speaker.
    speaker: Option<String>,
}

fn parse(code: &str, file: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (k, line) in file.lines().enumerate() {
        let n = k + 1;
        let line = line.trim_end();
        if let Some(name) = line.strip_prefix("# case:") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: n,
                paragraphs: Vec::new(),
                quotes: Vec::new(),
            });
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("lang/{code}.txt:{n}: a line before the first `# case:`"));
        if let Some(text) = line.strip_prefix("text:") {
            case.paragraphs.push(text.trim().to_string());
        } else if let Some(q) = line.strip_prefix("quote:") {
            let cols: Vec<&str> = q.split(" | ").map(str::trim).collect();
            let [content, kind, speaker] = cols[..] else {
                panic!("lang/{code}.txt:{n}: expected `quote: content | kind | speaker`");
            };
            let kind = match kind {
                "direct" => QuoteKind::Direct,
                "indirect" => QuoteKind::Indirect,
                "mixed" => QuoteKind::Mixed,
                other => panic!("lang/{code}.txt:{n}: unknown kind {other:?}"),
            };
            case.quotes.push(Expected {
                content: content.to_string(),
                kind,
                speaker: (speaker != "-").then(|| speaker.to_string()),
            });
        } else {
            panic!("lang/{code}.txt:{n}: expected `text:`, `quote:` or `# case:`");
        }
    }
    for c in &cases {
        assert!(
            !c.paragraphs.is_empty() && !c.quotes.is_empty(),
            "lang/{code}.txt:{}: case {:?} needs text: and quote: lines",
            c.line,
            c.name
        );
    }
    cases
}

/// A quote's words for comparing: its pieces joined, quotation marks and
/// speech dashes dropped, the punctuation at either end trimmed, spaces
/// collapsed.
fn normalize(s: &str) -> String {
    let kept: String = s
        .chars()
        .map(|c| match c {
            '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‚' | '‘' => {
                ' '
            }
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | '…' | '—' | '–' | '-' | '’' | '\''
                )
        })
        .to_string()
}

fn content(doc_text: &str, q: &Quote) -> String {
    let pieces: Vec<&str> = q
        .content
        .iter()
        .map(|s| &doc_text[s.start..s.end])
        .collect();
    normalize(&pieces.join(" "))
}

/// The speaker's name: the entity's name, else the mention's text.
fn speaker(doc: &Document, text: &str, q: &Quote) -> Option<String> {
    if let Some(e) = doc.speaker_entity(q) {
        return Some(e.name.clone());
    }
    let m = q.speaker.as_ref()?.mention.as_ref()?;
    Some(text[m.start..m.end].to_string())
}

/// The result of one case.
struct Outcome {
    pass: bool,
    direct: usize,
    direct_found: usize,
    why: Vec<String>,
}

fn check(extractor: &quotewise::Extractor, case: &Case) -> Outcome {
    let text = case.paragraphs.join("\n\n");
    let doc = extractor.extract(&text);
    let found: Vec<(String, QuoteKind, Option<String>)> = doc
        .quotes
        .iter()
        .map(|q| (content(&text, q), q.kind, speaker(&doc, &text, q)))
        .collect();
    let mut why = Vec::new();
    let mut direct = 0;
    let mut direct_found = 0;
    for e in &case.quotes {
        let want = normalize(&e.content);
        let same = found.iter().find(|(c, _, _)| *c == want);
        if e.kind == QuoteKind::Direct {
            direct += 1;
            if same.is_some_and(|(_, k, _)| *k == QuoteKind::Direct) {
                direct_found += 1;
            }
        }
        match same {
            None => why.push(format!("missing {:?} ({})", want, e.kind.as_str())),
            Some((_, k, s)) => {
                if *k != e.kind {
                    why.push(format!(
                        "{want:?}: kind {} not {}",
                        k.as_str(),
                        e.kind.as_str()
                    ));
                }
                if *s != e.speaker {
                    why.push(format!("{want:?}: speaker {s:?} not {:?}", e.speaker));
                }
            }
        }
    }
    for (c, k, _) in &found {
        if !case.quotes.iter().any(|e| normalize(&e.content) == *c) {
            why.push(format!("extra {} quote {c:?}", k.as_str()));
        }
    }
    Outcome {
        pass: why.is_empty(),
        direct,
        direct_found,
        why,
    }
}

#[test]
fn every_lexicon_folder_parses() {
    let bad: Vec<&str> = CASE_FILES
        .iter()
        .map(|(code, _)| *code)
        .filter(|code| *code != "mixed")
        .filter(|code| std::panic::catch_unwind(|| lexicon(code)).is_err())
        .collect();
    assert!(bad.is_empty(), "these folders do not parse: {bad:?}");
}

#[test]
fn every_language_has_fifteen_cases() {
    for (code, file) in CASE_FILES {
        let cases = parse(code, file);
        let least = if *code == "mixed" { 1 } else { 15 };
        assert!(
            cases.len() >= least,
            "lang/{code}.txt has {} cases, fewer than {least}",
            cases.len()
        );
    }
}

#[test]
fn golden_cases_per_language() {
    let verbose = std::env::var_os("QUOTEWISE_LANG_VERBOSE").is_some();
    let mut failures = Vec::new();
    for (code, file) in CASE_FILES {
        let cases = parse(code, file);
        // The mixed documents are read with the default extractor, which
        // detects their language: what matters there is that no speaker
        // crosses into the other language.
        let extractor = if *code == "mixed" {
            quotewise::Extractor::new()
        } else {
            ExtractorBuilder::new()
                .language(code)
                .build()
                .expect("builds")
        };
        let (mut pass, mut direct, mut direct_found) = (0, 0, 0);
        for case in &cases {
            let o = check(&extractor, case);
            pass += usize::from(o.pass);
            direct += o.direct;
            direct_found += o.direct_found;
            if verbose && !o.pass {
                println!(
                    "  {code} {:?} (line {}): {}",
                    case.name,
                    case.line,
                    o.why.join("; ")
                );
            }
        }
        println!(
            "{code}: {pass}/{} cases pass, {direct_found}/{direct} direct quotes found",
            cases.len()
        );
        let floor = FLOORS
            .iter()
            .find(|(c, _)| c == code)
            .map(|&(_, f)| f)
            .unwrap_or_else(|| panic!("no floor for {code}"));
        if pass < floor.cases || direct_found < floor.direct_spans {
            failures.push(format!(
                "{code}: {pass} cases (floor {}), {direct_found} direct spans (floor {})",
                floor.cases, floor.direct_spans
            ));
        }
    }
    assert!(failures.is_empty(), "below the floor: {failures:?}");
}
