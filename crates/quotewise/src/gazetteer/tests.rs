//! Table-driven tests of matching, variants, ambiguity, fuzzy matching,
//! loading errors and serde.

use super::*;

fn person(id: &str, name: &str) -> GazetteerEntry {
    GazetteerEntry::new(id, name, EntityKind::Person)
}

fn gazetteer(entries: Vec<GazetteerEntry>) -> Gazetteer {
    Gazetteer::builder()
        .entries(entries)
        .build()
        .expect("valid gazetteer")
}

/// `(mention text, id or "?" when ambiguous, method)` of every match.
fn found(g: &Gazetteer, text: &str) -> Vec<(String, String, &'static str)> {
    g.find(text)
        .into_iter()
        .map(|m| {
            assert_eq!(&text[m.span.range()], m.span.text, "byte offsets");
            let by_chars: String = text
                .chars()
                .skip(m.span.char_start)
                .take(m.span.char_end - m.span.char_start)
                .collect();
            assert_eq!(by_chars, m.span.text, "char offsets");
            (
                m.span.text,
                m.id.unwrap_or_else(|| "?".into()),
                m.method.as_str(),
            )
        })
        .collect()
}

fn t(items: &[(&str, &str, &'static str)]) -> Vec<(String, String, &'static str)> {
    items
        .iter()
        .map(|&(a, b, c)| (a.to_string(), b.to_string(), c))
        .collect()
}

fn sample() -> Gazetteer {
    gazetteer(vec![
        person("putin", "Vladimir Putin")
            .gender(Gender::Male)
            .descriptor("Russian president"),
        person("biden", "Joe Biden").gender(Gender::Male),
        person("peskov", "Dmitry Peskov").gender(Gender::Male),
        GazetteerEntry::new("rossiya24", "Rossiya 24", EntityKind::Media),
        GazetteerEntry::new("kremlin", "Kremlin", EntityKind::Organisation),
    ])
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn oibits<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    oibits::<Gazetteer>();
    oibits::<GazetteerBuilder>();
    oibits::<GazetteerEntry>();
    oibits::<GazetteerMatch>();
    oibits::<GazetteerOptions>();
    oibits::<LinkMethod>();
}

#[test]
fn exact_names_fold_case_and_accents_and_match_whole_words() {
    let g = sample();
    assert_eq!(
        found(
            &g,
            "VLADIMIR PUTIN met Dmitry Peskóv. Vladimir Putinism is not a name."
        ),
        t(&[
            ("VLADIMIR PUTIN", "putin", "exact"),
            ("Dmitry Peskóv", "peskov", "exact")
        ])
    );
    let exact_only = Gazetteer::builder()
        .fuzzy(false)
        .entries(g.entries().to_vec())
        .build()
        .unwrap();
    assert_eq!(found(&exact_only, "xKremlin Kremlinx"), t(&[]));
    assert_eq!(
        found(&g, "(Kremlin)"),
        t(&[("Kremlin", "kremlin", "exact")])
    );
    // Decomposed accents map back to whole chars of the original.
    assert_eq!(
        found(&g, "Pesko\u{301}v said"),
        t(&[("Pesko\u{301}v", "peskov", "variant")])
    );
}

#[test]
fn surname_variant() {
    assert_eq!(
        found(&sample(), "Putin said, and Biden and Peskov agreed."),
        t(&[
            ("Putin", "putin", "variant"),
            ("Biden", "biden", "variant"),
            ("Peskov", "peskov", "variant")
        ])
    );
}

#[test]
fn variants_are_not_generated_for_other_kinds_or_when_off() {
    let g = gazetteer(vec![GazetteerEntry::new(
        "wh",
        "White House",
        EntityKind::Organisation,
    )]);
    assert_eq!(found(&g, "the House voted"), t(&[]));
    let g = Gazetteer::builder()
        .variants(false)
        .entry(person("putin", "Vladimir Putin"))
        .build()
        .unwrap();
    assert_eq!(found(&g, "Putin’s plan"), t(&[]));
}

#[test]
fn title_and_surname() {
    assert_eq!(
        found(
            &sample(),
            "I want to offer President Biden talks with Mr. Peskov and Vice President Putin."
        ),
        t(&[
            ("President Biden", "biden", "variant"),
            ("Mr. Peskov", "peskov", "variant"),
            ("Vice President Putin", "putin", "variant"),
        ])
    );
    // A title is only taken right before the name.
    assert_eq!(
        found(&sample(), "the president, Biden"),
        t(&[("Biden", "biden", "variant")])
    );
}

#[test]
fn first_initial_and_surname() {
    assert_eq!(
        found(&sample(), "V. Putin and V Putin met J. Biden."),
        t(&[
            ("V. Putin", "putin", "variant"),
            ("V Putin", "putin", "variant"),
            ("J. Biden", "biden", "variant")
        ])
    );
    // A dotted initial that disagrees names someone else.
    assert_eq!(found(&sample(), "K. Putin is his cousin."), t(&[]));
    // A capital word without a period is not an initial.
    assert_eq!(
        found(&sample(), "A Biden aide"),
        t(&[("Biden", "biden", "variant")])
    );
}

#[test]
fn possessives() {
    assert_eq!(
        found(
            &sample(),
            "Putin’s face, the Kremlin's view, Vladimir Putin's words"
        ),
        t(&[
            ("Putin’s", "putin", "variant"),
            ("Kremlin's", "kremlin", "exact"),
            ("Vladimir Putin's", "putin", "exact"),
        ])
    );
    let g = gazetteer(vec![GazetteerEntry::new(
        "paris",
        "Paris",
        EntityKind::Place,
    )]);
    assert_eq!(
        found(&g, "Paris' mayor"),
        t(&[("Paris'", "paris", "exact")])
    );
}

#[test]
fn capitalised_names_need_a_capital_in_the_text() {
    let g = gazetteer(vec![person("long", "Huey Long")]);
    assert_eq!(
        found(&g, "a long day for Long"),
        t(&[("Long", "long", "variant")])
    );
    let g = Gazetteer::builder()
        .require_capital(false)
        .fuzzy(false)
        .entry(person("long", "Huey Long"))
        .build()
        .unwrap();
    assert_eq!(found(&g, "a long day"), t(&[("long", "long", "variant")]));
    // A lower-case alias matches any case.
    let g = gazetteer(vec![
        GazetteerEntry::new("ip", "iPhone", EntityKind::Other).alias("iphone")
    ]);
    assert_eq!(found(&g, "an IPHONE"), t(&[("IPHONE", "ip", "exact")]));
}

#[test]
fn longest_match_wins_and_shorter_ones_fill_in_at_word_ends() {
    let g = gazetteer(vec![
        GazetteerEntry::new("ny", "New York", EntityKind::Place),
        GazetteerEntry::new("nyt", "New York Times", EntityKind::Media),
    ]);
    assert_eq!(
        found(&g, "The New York Times said"),
        t(&[("New York Times", "nyt", "exact")])
    );
    assert_eq!(
        found(&g, "New York Timesy"),
        t(&[("New York", "ny", "exact")])
    );
}

#[test]
fn ambiguous_surname_is_reported_with_candidates() {
    let g = gazetteer(vec![
        person("joe", "Joe Biden").gender(Gender::Male),
        person("hunter", "Hunter Biden").gender(Gender::Male),
        person("jill", "Jill Biden").gender(Gender::Female),
    ]);
    let m = &g.find("Biden said")[0];
    assert!(m.is_ambiguous());
    assert_eq!((m.id.as_ref(), m.name.as_ref()), (None, None));
    assert_eq!(m.candidates, ["hunter", "jill", "joe"]);
    // A full name earlier decides.
    assert_eq!(
        found(&g, "Hunter Biden left. Biden said"),
        t(&[
            ("Hunter Biden", "hunter", "exact"),
            ("Biden", "hunter", "variant")
        ])
    );
    // Two full names earlier: still ambiguous.
    assert_eq!(
        found(&g, "Joe Biden and Hunter Biden met. Biden said")[2],
        ("Biden".to_string(), "?".to_string(), "variant")
    );
    // Initials and gendered titles choose.
    assert_eq!(
        found(&g, "H. Biden"),
        t(&[("H. Biden", "hunter", "variant")])
    );
    assert_eq!(
        found(&g, "Mrs. Biden"),
        t(&[("Mrs. Biden", "jill", "variant")])
    );
    let mr = &g.find("Mr. Biden")[0];
    assert_eq!(mr.candidates, ["hunter", "joe"]);
}

#[test]
fn exact_name_beats_another_entrys_variant() {
    let g = gazetteer(vec![
        person("madonna", "Madonna"),
        person("anna", "Anna Madonna"),
    ]);
    assert_eq!(
        found(&g, "Madonna sang"),
        t(&[("Madonna", "madonna", "exact")])
    );
}

#[test]
fn identical_names_are_ambiguous() {
    let g = gazetteer(vec![person("a", "John Smith"), person("b", "John Smith")]);
    let m = &g.find("John Smith said")[0];
    assert_eq!(
        (m.method, m.candidates.as_slice()),
        (LinkMethod::Exact, &["a".to_string(), "b".to_string()][..])
    );
}

#[test]
fn fuzzy_matches_misspelled_and_transliterated_names() {
    let g = sample();
    let m = g.find("Putin told Rosiah 24 and Peskow agreed.");
    let got: Vec<_> = m
        .iter()
        .map(|m| (m.span.text.as_str(), m.id.as_deref(), m.method))
        .collect();
    assert_eq!(
        got,
        [
            ("Putin", Some("putin"), LinkMethod::Variant),
            ("Rosiah 24", Some("rossiya24"), LinkMethod::Fuzzy),
            ("Peskow", Some("peskov"), LinkMethod::Fuzzy),
        ]
    );
    assert!(m[1].score > 0.9 && m[1].score < 1.0, "{}", m[1].score);
    // One real typo in a long name.
    assert_eq!(
        found(&g, "Dmitry Peksov"),
        t(&[("Dmitry Peksov", "peskov", "fuzzy")])
    );
}

#[test]
fn fuzzy_is_precise_on_ordinary_capitalised_words() {
    let g = sample();
    let text = "Moscow. Monday. Internet. Thursday. Russians. Kremlinology. Pushkin. Putney. Putins. Peskova. Biden";
    assert_eq!(found(&g, text), t(&[("Biden", "biden", "variant")]));
    // Short words are never fuzzy.
    let g = gazetteer(vec![
        person("li", "Wei Li"),
        GazetteerEntry::new("un", "UNO", EntityKind::Organisation),
    ]);
    assert_eq!(found(&g, "Lu and Leo at UNA"), t(&[]));
}

#[test]
fn fuzzy_threshold_and_switch() {
    let text = "Peskow said";
    // Score of Peskow: 1 - 0.5 / 6 ≈ 0.917.
    let strict = Gazetteer::builder()
        .fuzzy_threshold(0.95)
        .entry(person("p", "Dmitry Peskov"))
        .build()
        .unwrap();
    assert_eq!(found(&strict, text), t(&[]));
    let loose = Gazetteer::builder()
        .fuzzy_threshold(0.9)
        .entry(person("p", "Dmitry Peskov"))
        .build()
        .unwrap();
    assert_eq!(found(&loose, text), t(&[("Peskow", "p", "fuzzy")]));
    let off = Gazetteer::builder()
        .fuzzy(false)
        .entry(person("p", "Dmitry Peskov"))
        .build()
        .unwrap();
    assert_eq!(found(&off, text), t(&[]));
    // One edit in five letters scores 0.8: kept at the default threshold.
    let g = gazetteer(vec![person("b", "Joe Biden")]);
    assert_eq!(found(&g, "Bidan said"), t(&[("Bidan", "b", "fuzzy")]));
    assert_eq!(g.find("Bidan")[0].score, 0.8);
    let err = Gazetteer::builder()
        .fuzzy_threshold(1.5)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert_eq!(
        err.to_string(),
        "fuzzy_threshold must be a number in 0..=1, got 1.5"
    );
}

#[test]
fn fuzzy_ties_are_ambiguous() {
    let g = gazetteer(vec![person("a", "Anna Kovacs"), person("b", "Anna Kovach")]);
    let m = g.lookup("Anna Kovacz").unwrap();
    assert!(m.is_ambiguous());
    assert_eq!(m.candidates, ["a", "b"]);
}

#[test]
fn lookup_whole_names() {
    let g = sample();
    let m = g.lookup("peskóv").unwrap();
    assert_eq!(
        (m.id.as_deref(), m.method, m.score),
        (Some("peskov"), LinkMethod::Variant, 1.0)
    );
    assert_eq!(
        g.lookup("Vladimir Putin").unwrap().method,
        LinkMethod::Exact
    );
    assert_eq!(
        g.lookup("Rosiah 24").unwrap().id.as_deref(),
        Some("rossiya24")
    );
    assert!(g.lookup("Moscow").is_none());
}

#[test]
fn build_errors() {
    let err = |entries: Vec<GazetteerEntry>| gazetteer_err(entries).to_string();
    assert_eq!(
        err(vec![person("a", "X Y"), person("a", "Z W")]),
        "duplicate id 'a' (entries 1 and 2); expected unique ids"
    );
    assert_eq!(
        err(vec![person("a", " ")]),
        "empty name for id 'a'; expected a name"
    );
    assert_eq!(
        err(vec![person("", "X")]),
        "empty id; expected a non-empty id"
    );
    assert_eq!(
        err(vec![person("a", "--")]),
        "name '--' of id 'a' has no letters or digits; expected a name"
    );
    assert_eq!(
        err(vec![person("a", "X Y").alias("")]),
        "empty alias '' for id 'a'; expected a name with letters or digits"
    );
}

fn gazetteer_err(entries: Vec<GazetteerEntry>) -> Error {
    let e = Gazetteer::builder().entries(entries).build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Gazetteer);
    e
}

const HEADER: &str = "id,name,aliases,kind,descriptors,gender\n";

fn csv_err(body: &str) -> String {
    GazetteerBuilder::new()
        .read_csv(body.as_bytes(), "g.csv", b',')
        .unwrap_err()
        .to_string()
}

fn jsonl_err(body: &str) -> String {
    GazetteerBuilder::new()
        .read_jsonl(body.as_bytes(), "g.jsonl")
        .unwrap_err()
        .to_string()
}

#[test]
fn loads_csv_tsv_and_jsonl() {
    let csv = format!("{HEADER}# a comment\nputin,Vladimir Putin,V. V. Putin|Vova,person,Russian president|Russian leader,male\n\"wh\",\"White House, The\",,organisation,,\n");
    let g = GazetteerBuilder::new()
        .read_csv(csv.as_bytes(), "g.csv", b',')
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.len(), 2);
    let putin = g.get("putin").unwrap();
    assert_eq!(putin.aliases, ["V. V. Putin", "Vova"]);
    assert_eq!(putin.descriptors, ["Russian president", "Russian leader"]);
    assert_eq!(putin.gender, Some(Gender::Male));
    assert_eq!(g.get("wh").unwrap().name, "White House, The");
    // Columns in any order, optional ones left out; TSV.
    let tsv = "kind\tname\tid\nplace\tRussia\tru\n";
    let g = GazetteerBuilder::new()
        .read_csv(tsv.as_bytes(), "g.tsv", b'\t')
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.get("ru").unwrap().kind, EntityKind::Place);
    let jsonl = "{\"id\":\"putin\",\"name\":\"Vladimir Putin\",\"kind\":\"person\",\"aliases\":[\"Vova\"],\"gender\":\"male\"}\n\n{\"id\":\"ru\",\"name\":\"Russia\",\"kind\":\"place\"}\n";
    let g = GazetteerBuilder::new()
        .read_jsonl(jsonl.as_bytes(), "g.jsonl")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.get("putin").unwrap().aliases, ["Vova"]);
    assert_eq!(g.len(), 2);
}

#[test]
fn csv_loading_errors_name_file_line_column_and_expectation() {
    assert_eq!(csv_err(""), "g.csv:line 1: no header; expected a first line naming the columns id,name,aliases,kind,descriptors,gender");
    assert_eq!(
        csv_err("id,name,type\n"),
        "g.csv:line 1:column 9: unknown column 'type'; expected one of id, name, aliases, kind, descriptors, gender"
    );
    assert_eq!(
        csv_err("id,name,aliases\n"),
        "g.csv:line 1:column 1: missing column 'kind'; the header must name id, name and kind (aliases, descriptors and gender are optional)"
    );
    assert_eq!(
        csv_err("id,name,id\n"),
        "g.csv:line 1:column 9: column 'id' appears twice"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,,person,,\na,C D,,person,,\n")),
        "g.csv:line 3:column 1: duplicate id 'a' (first defined on line 2); expected unique ids"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,,,person,,\n")),
        "g.csv:line 2:column 3: empty name for id 'a'; expected a name"
    );
    assert_eq!(
        csv_err(&format!("{HEADER},A B,,person,,\n")),
        "g.csv:line 2:column 1: empty id; expected a non-empty id"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,,politician,,\n")),
        "g.csv:line 2:column 8: unknown kind 'politician'; expected one of person, organisation, place, media, other"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,,person,,m\n")),
        "g.csv:line 2:column 16: unknown gender 'm'; expected male, female or nothing"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,X||Y,person,,\n")),
        "g.csv:line 2:column 7: empty value in aliases 'X||Y'; expected values separated by |"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,person\n")),
        "g.csv:line 2:column 13: expected 6 fields (id,name,aliases,kind,descriptors,gender), found 3"
    );
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,,person,,,extra\n")),
        "g.csv:line 2:column 17: expected 6 fields (id,name,aliases,kind,descriptors,gender), found 7"
    );
    // Not "expected 6 fields, found 3" at the end of the file, where the
    // CSV reader finds the record that swallowed the rest.
    assert_eq!(
        csv_err(&format!("{HEADER}a,A B,,person,,\nb,\"C D,,person,,\nc,E F,,person,,\n")),
        "g.csv:line 3:column 3: a quote opened at line 3, column 3 is never closed (the rest of the file would be one field); expected a closing \" (write a \" inside a quoted field as \"\")"
    );
    let bad_utf8 = GazetteerBuilder::new()
        .read_csv(&b"id,name,kind\na,\xff,person\n"[..], "g.csv", b',')
        .unwrap_err();
    assert_eq!(
        bad_utf8.to_string(),
        "g.csv:line 2:column 3: invalid UTF-8; expected UTF-8 text"
    );
    assert_eq!(bad_utf8.kind(), ErrorKind::Parse);
}

#[test]
fn jsonl_loading_errors_name_file_line_column_and_expectation() {
    assert_eq!(
        jsonl_err("{\"id\":\"a\",\"name\":\"A\",\"kind\":\"person\"}\n{\"id\":\"a\",\"name\":\"B\",\"kind\":\"person\"}\n"),
        "g.jsonl:line 2:column 2: duplicate id 'a' (first defined on line 1); expected unique ids"
    );
    assert_eq!(
        jsonl_err("{\"id\":\"a\",\"name\":\"A\",\"kind\":\"robot\"}"),
        "g.jsonl:line 1:column 22: unknown kind 'robot'; expected one of person, organisation, place, media, other"
    );
    assert_eq!(
        jsonl_err("{\"id\":\"a\",\"name\":\"\",\"kind\":\"person\"}"),
        "g.jsonl:line 1:column 11: empty name for id 'a'; expected a name"
    );
    assert_eq!(
        jsonl_err("{\"id\":\"a\",\"name\":\"A\"}"),
        "g.jsonl:line 1:column 21: missing field `kind`; expected a JSON object with id, name, kind and optionally aliases, descriptors, gender"
    );
    assert_eq!(
        jsonl_err("\n{\"id\":\"a\",\"name\":\"A\",\"kind\":\"person\",\"sex\":\"m\"}"),
        "g.jsonl:line 2:column 42: unknown field `sex`, expected one of `id`, `name`, `aliases`, `kind`, `descriptors`, `gender`; expected a JSON object with id, name, kind and optionally aliases, descriptors, gender"
    );
    assert_eq!(
        jsonl_err("{\"id\":\"a\","),
        "g.jsonl:line 1:column 10: EOF while parsing a value; expected a JSON object with id, name, kind and optionally aliases, descriptors, gender"
    );
}

#[test]
fn from_path_checks_the_extension_and_the_file() {
    let err = Gazetteer::from_path("names.txt").unwrap_err();
    assert_eq!(
        err.to_string(),
        "names.txt: unknown gazetteer format; expected a file ending in .csv, .tsv or .jsonl"
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let err = Gazetteer::from_path(dir).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!(
        err.to_string(),
        format!("{dir}: is a directory; expected a gazetteer file ending in .csv, .tsv or .jsonl")
    );
    let err = Gazetteer::from_path("/nonexistent/names.csv").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(
        err.to_string()
            .starts_with("/nonexistent/names.csv: cannot read the gazetteer: "),
        "{err}"
    );
}

#[test]
fn serde_round_trip() {
    let g = Gazetteer::builder()
        .fuzzy_threshold(0.85)
        .entry(
            person("putin", "Vladimir Putin")
                .alias("Vova")
                .descriptor("Russian president")
                .gender(Gender::Male),
        )
        .entry(GazetteerEntry::new("ru", "Russia", EntityKind::Place))
        .build()
        .unwrap();
    let json = serde_json::to_string(&g).unwrap();
    let back: Gazetteer = serde_json::from_str(&json).unwrap();
    assert_eq!(back.entries(), g.entries());
    assert_eq!(back.options(), g.options());
    let text = "Vova and Putin in Russia";
    assert_eq!(back.find(text), g.find(text));
    // Invalid data fails to deserialize with the build error.
    let dup = r#"{"entries":[{"id":"a","name":"A","kind":"place"},{"id":"a","name":"B","kind":"place"}]}"#;
    let err = serde_json::from_str::<Gazetteer>(dup).unwrap_err();
    assert!(err.to_string().contains("duplicate id 'a'"), "{err}");
}

#[test]
fn ids_are_unique_across_entries_and_files() {
    // An id of an entry added before the file, and many ids, so that the
    // id table grows while the file is read.
    let body: String = (0..5000)
        .map(|i| format!("q{i},N {i},,place,,\n"))
        .collect();
    let b = GazetteerBuilder::new().entry(GazetteerEntry::new("q7", "Seven", EntityKind::Place));
    let err = b
        .clone()
        .read_csv(format!("{HEADER}{body}").as_bytes(), "g.csv", b',')
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "g.csv:line 9:column 1: duplicate id 'q7' (first defined by an earlier entry); expected unique ids"
    );
    let g = GazetteerBuilder::new()
        .read_csv(format!("{HEADER}{body}").as_bytes(), "g.csv", b',')
        .unwrap()
        .build()
        .unwrap();
    for i in [0, 7, 4999] {
        assert_eq!(g.get(&format!("q{i}")).unwrap().name, format!("N {i}"));
    }
    assert!(g.get("q5000").is_none());
    let err = b.entries(g.entries().to_vec()).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate id 'q7' (entries 1 and 9); expected unique ids"
    );
}

#[test]
fn chars_that_fold_to_several_chars_keep_offsets_whole() {
    let g = gazetteer(vec![
        GazetteerEntry::new("r1", "Rossiya 1", EntityKind::Media),
        GazetteerEntry::new("fin", "Finn", EntityKind::Place),
        GazetteerEntry::new("kg", "KG", EntityKind::Other),
    ]);
    assert_eq!(
        found(&g, "Rossiya ½ and Rossiya 1, ﬁnn? ＫＧ! Ｆinn ㎏"),
        t(&[
            ("Rossiya 1", "r1", "exact"),
            ("ＫＧ", "kg", "exact"),
            ("Ｆinn", "fin", "exact")
        ])
    );
}
