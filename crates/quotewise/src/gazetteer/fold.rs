//! Case and diacritic folding with a map back to the original text.
//!
//! Matching runs over a folded copy of the text: letters lower-cased,
//! accents removed (`Peskóv` → `peskov`, `Wałęsa` → `walesa`), and every
//! char that is not part of a word (space, punctuation, apostrophe, dash)
//! made one space. Names fold the same way, so `Putin’s` and `Putin's`,
//! `Rossiya-24` and `Rossiya 24` fold alike, and a word boundary in the
//! folded text is simply a space (or either end).
//!
//! The folded text starts with one extra space, so that every word in it
//! is preceded by a space. Folding is char by char, so a folded offset at a
//! char boundary maps back to exactly one original offset. ASCII bytes fold
//! to one byte each, so the map only records where the difference between
//! folded and original offsets changes: for news text a handful of entries
//! per article (curly quotes, accented names).

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A folded text and the map back to the text it was folded from.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// `(folded offset, original offset)` at every point after which the
    /// two advance together again, sorted by both.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `text`.
    pub(crate) fn new(text: &str) -> Folded {
        let mut folded = Folded::default();
        folded.refold(text);
        folded
    }

    /// Folds `text` into this buffer, reusing its allocations.
    pub(crate) fn refold(&mut self, text: &str) {
        let mut out = std::mem::take(&mut self.text).into_bytes();
        out.clear();
        out.reserve(text.len());
        self.anchors.clear();
        out.push(b' ');
        self.anchors.push((1, 0));
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // One byte in, one byte out: no anchor needed.
                out.push(fold_ascii(b));
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("i is a char boundary");
            let before = out.len();
            fold_char(c, &mut out);
            i += c.len_utf8();
            if out.len() - before != c.len_utf8() {
                self.anchors.push((out.len(), i));
            }
        }
        self.text = String::from_utf8(out).expect("folding writes whole chars");
    }

    /// The original offset of folded offset `folded`. Offsets inside the
    /// folding of one char map to the end of that char's folding; callers
    /// only ask at boundaries between whole words.
    pub(crate) fn original(&self, folded: usize) -> usize {
        let k = self.anchors.partition_point(|&(f, _)| f <= folded);
        if k == 0 {
            folded
        } else {
            let (f, o) = self.anchors[k - 1];
            o + (folded - f)
        }
    }
}

/// Lower-cases an ASCII letter, keeps digits, makes anything else a space.
fn fold_ascii(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b + 32,
        b'a'..=b'z' | b'0'..=b'9' => b,
        _ => b' ',
    }
}

/// Folds one char onto `out`. Used for gazetteer names and text alike, so
/// both fold the same way.
pub(crate) fn fold_char(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push(fold_ascii(c as u8));
        return;
    }
    let push = |out: &mut Vec<u8>, s: &str| out.extend_from_slice(s.as_bytes());
    if !is_word_char(c) {
        out.push(b' ');
        return;
    }
    match c {
        // Letters that have no canonical or compatibility decomposition
        // but are written without their stroke in English news.
        'ß' | 'ẞ' => push(out, "ss"),
        'æ' | 'Æ' => push(out, "ae"),
        'œ' | 'Œ' => push(out, "oe"),
        'ø' | 'Ø' => push(out, "o"),
        'đ' | 'Đ' => push(out, "d"),
        'ł' | 'Ł' => push(out, "l"),
        'ı' => push(out, "i"),
        _ => decompose_compatible(c, |d| {
            for l in d.to_lowercase() {
                if is_combining_mark(l) {
                    continue;
                }
                if l.is_alphanumeric() {
                    push(out, l.encode_utf8(&mut [0; 4]));
                } else {
                    out.push(b' ');
                }
            }
        }),
    }
}

/// Folds a name, an alias or a descriptor into its key: folded words
/// joined by single spaces, without spaces at either end (`“Rossiya-24”`
/// → `rossiya 24`).
pub(crate) fn fold_key(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    let folded = String::from_utf8(out).expect("folding writes whole chars");
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `c` is part of a word: letters, digits and combining marks, by
/// their Unicode properties.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold_key("Peskóv"), "peskov");
        assert_eq!(fold_key("Lech Wałęsa"), "lech walesa");
        assert_eq!(fold_key("Strauß"), "strauss");
        assert_eq!(fold_key("ÉMILE ZOLA"), "emile zola");
        assert_eq!(fold_key("Putin’s"), "putin s");
        assert_eq!(fold_key("Putin's"), "putin s");
        assert_eq!(fold_key("“Rossiya-24”"), "rossiya 24");
        assert_eq!(fold_key("Vladimir\u{00A0}Putin"), "vladimir putin");
        assert_eq!(fold_key("İstanbul"), "istanbul");
    }

    #[test]
    fn decomposed_and_composed_input_fold_alike() {
        assert_eq!(fold_key("Peskóv"), fold_key("Pesko\u{301}v"));
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "“Hi,” said Peskóv’s aide to Pesko\u{301}v and Strauß.";
        let folded = Folded::new(text);
        assert_eq!(
            folded.text,
            "  hi   said peskov s aide to peskov and strauss "
        );
        for needle in [" peskov s", " peskov", " strauss", " said", " hi"] {
            for (f, _) in folded.text.match_indices(needle) {
                let start = folded.original(f + 1);
                let end = folded.original(f + needle.len());
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                assert_eq!(
                    fold_key(&text[start..end]),
                    needle.trim(),
                    "{needle} at {f}"
                );
            }
        }
        assert_eq!(folded.original(folded.text.len()), text.len());
    }

    #[test]
    fn ascii_text_needs_only_the_leading_anchor() {
        let folded = Folded::new("Vladimir Putin\tsaid");
        assert_eq!(folded.text, " vladimir putin said");
        assert_eq!(folded.anchors, vec![(1, 0)]);
        assert_eq!(folded.original(10), 9);
    }
}
