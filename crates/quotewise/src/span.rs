//! Spans of text with byte and char offsets.

use serde::{Deserialize, Serialize};

/// A piece of a text: byte offsets (for Rust), char offsets (Unicode code
/// points, for Python and the evaluation files) and the text itself.
///
/// Offsets are end-exclusive. `start..end` always lies on char boundaries of
/// the text the span was made from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Char (code point) offset of the first char.
    pub char_start: usize,
    /// Char (code point) offset one past the last char.
    pub char_end: usize,
    /// The text of the span.
    pub text: String,
}

impl Span {
    /// A span from its parts: byte offsets, char offsets and its text (as
    /// a binding rebuilds one; the extractor makes its own).
    pub fn new(start: usize, end: usize, char_start: usize, char_end: usize, text: String) -> Span {
        Span {
            start,
            end,
            char_start,
            char_end,
            text,
        }
    }

    /// The span of `text[start..end]`, given its char offsets.
    pub(crate) fn of(text: &str, (start, end): (usize, usize), (cs, ce): (usize, usize)) -> Span {
        Span {
            start,
            end,
            char_start: cs,
            char_end: ce,
            text: text[start..end].to_string(),
        }
    }

    /// The byte range of the span.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The char range of the span.
    pub fn char_range(&self) -> std::ops::Range<usize> {
        self.char_start..self.char_end
    }
}

/// Converts byte offsets of one text into char offsets in O(1) amortised
/// time per lookup, and makes [`Span`]s.
///
/// It stores the char count at every 64th byte; a lookup counts chars from
/// the nearest checkpoint. For ASCII text it stores nothing.
#[derive(Clone, Debug)]
pub struct CharIndex<'t> {
    text: &'t str,
    ascii: bool,
    checkpoints: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'t> CharIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let bytes = text.as_bytes();
            checkpoints.reserve(bytes.len() / BLOCK + 1);
            let mut chars = 0usize;
            for block in bytes.chunks(BLOCK) {
                checkpoints.push(chars);
                chars += count_chars(block);
            }
            checkpoints.push(chars);
        }
        CharIndex {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The text this index was made from.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The char offset of byte offset `byte` (which must be a char boundary
    /// or the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        debug_assert!(self.text.is_char_boundary(byte));
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.checkpoints[block];
        let from = block * BLOCK;
        base + count_chars(&self.text.as_bytes()[from..byte])
    }

    /// Makes the span of bytes `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let chars = (self.char_offset(start), self.char_offset(end));
        Span::of(self.text, (start, end), chars)
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// The chars of UTF-8 `bytes`: the bytes that are not continuation bytes
/// (`10xxxxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // Bit 7 set and bit 6 clear, as one 0/1 per byte, summed by a
        // multiplication into the top byte.
        let ones = (x & !(x << 1) & HIGH) >> 7;
        continuations += (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - continuations - rest.iter().filter(|&&b| is_continuation(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_byte_offsets() {
        let idx = CharIndex::new("Putin said");
        let s = idx.span(6, 10);
        assert_eq!((s.char_start, s.char_end, s.text.as_str()), (6, 10, "said"));
    }

    #[test]
    fn chars_are_counted_eight_bytes_at_a_time_as_one_by_one() {
        let text = "a“é”b — 日本語 Peskóv «x» 😀 ".repeat(5);
        for start in 0..text.len() {
            for end in start..text.len().min(start + 40) {
                let bytes = &text.as_bytes()[start..end];
                let slow = bytes.iter().filter(|&&b| !is_continuation(b)).count();
                assert_eq!(count_chars(bytes), slow, "{start}..{end}");
            }
        }
    }

    #[test]
    fn char_offsets_agree_with_python_counting() {
        let text = "“Hi,” Peskóv said. ".repeat(20);
        let idx = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                idx.char_offset(byte),
                text[..byte].chars().count(),
                "byte {byte}"
            );
        }
    }
}
