//! A gazetteer file of 1,000,000 rows loads, and the last row is found
//! (issue 7: "a 1,000,000-row file" among the bad and big inputs).

use std::io::Write;

#[test]
fn a_million_row_csv_loads_and_matches() {
    let dir = std::env::temp_dir().join(format!("quotewise-million-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("million.csv");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(f, "id,name,aliases,kind,descriptors,gender").unwrap();
        for i in 0..1_000_000u32 {
            // Distinct two-word names made of letters only ("Ab Cdefg").
            let a = letters(i);
            let b = letters(i.wrapping_mul(2_654_435_761) ^ 0x5bd1e995);
            writeln!(f, "p{i},Ka{a} Lo{b},,person,,").unwrap();
        }
    }
    let gazetteer = quotewise::Gazetteer::from_path(&path).expect("a million rows load");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(gazetteer.len(), 1_000_000);
    let last = 999_999u32;
    let name = format!(
        "Ka{} Lo{}",
        letters(last),
        letters(last.wrapping_mul(2_654_435_761) ^ 0x5bd1e995)
    );
    let found = gazetteer.find(&format!("Yesterday {name} said so."));
    assert!(
        found.iter().any(|m| m.id.as_deref() == Some("p999999")),
        "{found:?}"
    );
}

/// `n` written in base 26 with lower-case letters.
fn letters(mut n: u32) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}
