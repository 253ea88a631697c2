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

/// Spaces after the folded text, so that the matcher can always read a
/// few bytes past any word start.
pub(crate) const PAD: usize = 8;

/// A folded text and the map back to the text it was folded from.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text (valid UTF-8), then [`PAD`] spaces.
    buf: Vec<u8>,
    /// The length of the folded text without the padding.
    len: usize,
    /// `(folded offset, original offset)` at every point after which the
    /// two advance together again, sorted by both.
    anchors: Vec<(usize, usize)>,
}

/// The high bit of every byte of a `u64`.
const HI: u64 = 0x8080_8080_8080_8080;

/// `n` in every byte of a `u64`.
const fn splat(n: u8) -> u64 {
    n as u64 * 0x0101_0101_0101_0101
}

/// [`fold_ascii`] of eight ASCII bytes at once (SWAR: no byte may have its
/// high bit set, so byte-wise additions below never carry into the next
/// byte).
#[inline]
fn fold_ascii8(b: u64) -> u64 {
    // High bit of each byte set where `x >= n`, for ASCII `x`.
    let at_least = |x: u64, n: u8| x.wrapping_add(splat(0x80 - n)) & HI;
    let lower = b | splat(0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(b, b'0') & !at_least(b, b'9' + 1);
    // 0xFF in the bytes kept.
    let keep = ((letter | digit) >> 7) * 0xFF;
    let value = b | ((letter >> 7) * 0x20);
    (value & keep) | (splat(b' ') & !keep)
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
        let out = &mut self.buf;
        out.clear();
        out.reserve(text.len() + 1 + PAD);
        self.anchors.clear();
        out.push(b' ');
        self.anchors.push((1, 0));
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: a run of ASCII, eight bytes at a time, one byte to
            // one byte.
            let words = bytes[i..]
                .chunks_exact(8)
                .take_while(|c| u64::from_le_bytes((*c).try_into().expect("8 bytes")) & HI == 0)
                .count();
            if words > 0 {
                let from = out.len();
                out.resize(from + 8 * words, 0);
                let src = bytes[i..i + 8 * words].chunks_exact(8);
                for (dst, src) in out[from..].chunks_exact_mut(8).zip(src) {
                    let word = u64::from_le_bytes(src.try_into().expect("8 bytes"));
                    dst.copy_from_slice(&fold_ascii8(word).to_le_bytes());
                }
                i += 8 * words;
                continue;
            }
            let b = bytes[i];
            if b.is_ascii() {
                out.push(fold_ascii(b));
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("i is a char boundary");
            let before = out.len();
            fold_char(c, out);
            i += c.len_utf8();
            if out.len() - before != c.len_utf8() {
                self.anchors.push((out.len(), i));
            }
        }
        self.len = out.len();
        out.resize(self.len + PAD, b' ');
    }

    /// The folded text.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The folded text followed by [`PAD`] spaces.
    pub(crate) fn padded(&self) -> &[u8] {
        &self.buf
    }

    /// The folded text as a string.
    #[cfg(test)]
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("folding writes whole chars")
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
/// Branch-free, so that loops over it vectorise.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    let lower = b | 0x20;
    let letter = u8::from(lower.wrapping_sub(b'a') < 26);
    let digit = u8::from(b.wrapping_sub(b'0') < 10);
    // All ones where the byte is kept.
    let keep = 0u8.wrapping_sub(letter | digit);
    let value = b | (0x20 & 0u8.wrapping_sub(letter));
    (value & keep) | (b' ' & !keep)
}

/// Folds one char onto `out`. Used for gazetteer names and text alike, so
/// both fold the same way.
pub(crate) fn fold_char(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push(fold_ascii(c as u8));
        return;
    }
    let push = |out: &mut Vec<u8>, s: &str| out.extend_from_slice(s.as_bytes());
    // General Punctuation (curly quotes, dashes, ellipsis): the common
    // non-ASCII chars of news text, none of them part of a word.
    if ('\u{2000}'..='\u{206F}').contains(&c) || !is_word_char(c) {
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
            // Only letters and digits: a space inside the folding of one
            // char (`½` → `1⁄2`) would be a word boundary inside a char,
            // where no offset of the original text lies.
            for l in d.to_lowercase() {
                if l.is_alphanumeric() && !is_combining_mark(l) {
                    push(out, l.encode_utf8(&mut [0; 4]));
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
    fold_key_into(s, &mut out);
    String::from_utf8(out).expect("folding writes whole chars")
}

/// [`fold_key`] into a reused buffer (UTF-8 bytes).
pub(crate) fn fold_key_into(s: &str, out: &mut Vec<u8>) {
    out.clear();
    fold_key_onto(s, out);
}

/// [`fold_key`] appended to `out` (UTF-8 bytes): many keys folded into
/// one buffer, with no allocation per key.
pub(crate) fn fold_key_onto(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    for c in s.chars() {
        let at = out.len();
        fold_char(c, out);
        // A char folds to one space (not part of a word) or to letters and
        // digits. Spaces collapse: none at the start, none twice in a row.
        if out.len() == at + 1 && out[at] == b' ' && (at == start || out[at - 1] == b' ') {
            out.pop();
        }
    }
    if out.len() > start && out.last() == Some(&b' ') {
        out.pop();
    }
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
        assert_eq!(fold_key("  ½ -- Putin  "), "12 putin");
        assert_eq!(fold_key("ﬁnn ＫＧ ㎏"), "finn kg");
        assert_eq!(fold_key("  ½ -- Putin  "), "12 putin");
        assert_eq!(fold_key("ﬁnn ＫＧ ㎏"), "finn kg");
    }

    #[test]
    fn keys_fold_onto_a_shared_buffer() {
        let mut buf = b"putin".to_vec();
        for s in ["  Peskóv ", "“Rossiya-24”", "", " -- ", "½ Strauß"] {
            let at = buf.len();
            fold_key_onto(s, &mut buf);
            assert_eq!(&buf[at..], fold_key(s).as_bytes(), "{s:?}");
        }
        assert_eq!(buf, b"putinpeskovrossiya 2412 strauss");
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
            folded.as_str(),
            "  hi   said peskov s aide to peskov and strauss "
        );
        for needle in [" peskov s", " peskov", " strauss", " said", " hi"] {
            for (f, _) in folded.as_str().match_indices(needle) {
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
        assert_eq!(folded.original(folded.as_bytes().len()), text.len());
    }

    #[test]
    fn fast_and_slow_paths_agree() {
        let text = "Mr. PUTIN_said, at 10:30 (Moscow) — “We’ll see” — to Peskóv & [Rossiya-24]! "
            .repeat(9);
        let want: String = std::iter::once(' ')
            .chain(text.chars().flat_map(|c| {
                let mut out = Vec::new();
                fold_char(c, &mut out);
                String::from_utf8(out).unwrap().chars().collect::<Vec<_>>()
            }))
            .collect();
        let folded = Folded::new(&text);
        assert_eq!(folded.as_str(), want);
        for b in 0..=127u8 {
            let c = b as char;
            let want = if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase() as u8
            } else {
                b' '
            };
            assert_eq!(fold_ascii(b), want, "{b}");
            assert_eq!(fold_ascii8(splat(b)), splat(want), "{b} eight times");
        }
    }

    #[test]
    fn ascii_text_needs_only_the_leading_anchor() {
        let folded = Folded::new("Vladimir Putin\tsaid");
        assert_eq!(folded.as_str(), " vladimir putin said");
        assert_eq!(folded.padded().len(), folded.as_bytes().len() + PAD);
        assert_eq!(folded.anchors, vec![(1, 0)]);
        assert_eq!(folded.original(10), 9);
    }
}
