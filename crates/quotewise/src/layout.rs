//! Text layout: what each line break of a text stands for, and where the
//! text proper starts and ends.
//!
//! News puts one paragraph on a line; Project Gutenberg books wrap their
//! lines at about 70 characters and separate paragraphs with blank lines.
//! A text is *hard-wrapped* when most lines followed by another line are
//! full: the next line's first word would not have fitted on them. In such
//! a text a line break is
//!
//! * a [`Break::Space`] when the line is full (a wrap: the sentence and the
//!   quote go on);
//! * a [`Break::Line`] after a short line inside a paragraph (verse, a
//!   letter's salutation and signature, a table row): the sentence ends,
//!   the paragraph goes on;
//! * a [`Break::Paragraph`] at a blank line, around a chapter heading, and,
//!   in books that mark paragraphs by indenting their first line rather
//!   than with blank lines, before an indented or after a short line.
//!
//! In every other text each line break is a paragraph break, as before.
//! Project Gutenberg's front and back matter (the licence around the
//! `*** START OF …` and `*** END OF …` lines) is outside the [`Layout::body`];
//! its `[Illustration: …]` blocks are [`Layout::captions`] to skip.

use std::ops::Range;

/// What a line break stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Break {
    /// A wrap: a space between two words of one sentence.
    Space,
    /// The end of a line inside a paragraph: the sentence ends.
    Line,
    /// The end of a paragraph.
    Paragraph,
}

/// The layout of one text: its body and the break at each line end.
#[derive(Debug)]
pub(crate) struct Layout {
    /// The bytes to read: the whole text, or a Project Gutenberg book
    /// without its front and back matter. Starts and ends at line starts.
    pub body: Range<usize>,
    /// The number of the line the body starts on.
    pub first_line: usize,
    /// Illustration captions to skip (`[Illustration: “He came down to see
    /// the place”]`), in order, each from its `[` to its `]`.
    pub captions: Vec<Range<usize>>,
    /// The break at the end of each line of the text, by line number;
    /// empty when every line break is a paragraph break.
    breaks: Vec<Break>,
}

/// The widest and narrowest wrap width taken for hard wrapping: Project
/// Gutenberg wraps at 70 to 75 characters, e-mail at 72 to 78.
const WIDTHS: Range<usize> = 50..101;

/// A line of the body, measured.
#[derive(Clone, Copy, Debug, Default)]
struct Line {
    /// Bytes of the line, without the newline.
    start: usize,
    end: usize,
    /// Characters, trailing white space and `\r` not counted.
    len: usize,
    /// Leading spaces (a tab counts as 4).
    indent: usize,
    /// Characters of the first word (to the first space).
    first_word: usize,
    /// Only white space.
    blank: bool,
}

impl Layout {
    /// The layout of `text`.
    pub fn new(text: &str) -> Layout {
        let body = gutenberg_body(text);
        // The front matter is wrapped as the book is: the whole text shows
        // the width.
        let breaks = breaks(text, 0);
        let first_line = text[..body.start].matches('\n').count();
        let captions = captions(&text[body.clone()], body.start);
        Layout {
            body,
            first_line,
            captions,
            breaks,
        }
    }

    /// The break at the end of line `line` of the text (counted from 0).
    #[inline]
    pub fn break_after(&self, line: usize) -> Break {
        self.breaks.get(line).copied().unwrap_or(Break::Paragraph)
    }

    /// Is the text hard-wrapped (some of its line breaks are not paragraph
    /// breaks)?
    #[cfg(test)]
    fn is_wrapped(&self) -> bool {
        !self.breaks.is_empty()
    }
}

/// Measures the lines of `body` (which starts at byte `offset` of the text).
fn measure(body: &str, offset: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    // `body.split('\n')`, its line ends found by memchr.
    let newlines = memchr::memchr_iter(b'\n', body.as_bytes());
    for end in newlines.chain(std::iter::once(body.len())) {
        let raw = &body[start..end];
        let trimmed = raw.trim_end_matches([' ', '\t', '\r']);
        let content = trimmed.trim_start_matches([' ', '\t']);
        let lead = &trimmed[..trimmed.len() - content.len()];
        let indent = lead.bytes().map(|b| if b == b'\t' { 4 } else { 1 }).sum();
        let count = |s: &str| {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        };
        let word = content.split([' ', '\t']).next().unwrap_or("");
        lines.push(Line {
            start: offset + start,
            end: offset + end,
            len: indent + count(content),
            indent,
            first_word: count(word),
            blank: content.trim().is_empty(),
        });
        start = end + 1;
    }
    lines
}

/// The break at the end of every line of `body` but the last, or none when
/// the text is not hard-wrapped.
fn breaks(body: &str, offset: usize) -> Vec<Break> {
    // Fewer than three lines cannot show a wrap width.
    if body.matches('\n').nth(1).is_none() {
        return Vec::new();
    }
    let lines = measure(body, offset);
    let Some(width) = wrap_width(&lines) else {
        return Vec::new();
    };
    let blank_lines = lines.iter().filter(|l| l.blank).count();
    // Blank lines between paragraphs (not only between chapters): a short
    // line inside a block is verse or a letter, not a paragraph end.
    let blank_separated = blank_lines * 20 >= lines.len();
    let inside = if blank_separated {
        Break::Line
    } else {
        Break::Paragraph
    };
    let text = |l: &Line| &body[l.start - offset..l.end - offset];
    let mut heading = vec![false; lines.len()];
    for k in 0..lines.len() {
        let at_block_start = k == 0 || lines[k - 1].blank || heading[k - 1];
        heading[k] = at_block_start
            && !lines[k].blank
            && lines[k].len * 5 < width * 4
            && is_heading(text(&lines[k]));
    }
    let mut out = Vec::with_capacity(lines.len());
    for (k, pair) in lines.windows(2).enumerate() {
        let (line, next) = (&pair[0], &pair[1]);
        let b = if line.blank || next.blank || heading[k] || heading[k + 1] {
            Break::Paragraph
        } else if next.indent >= line.indent + 2
            || is_preformatted(text(line))
            || is_preformatted(text(next))
            || starts_list_item(text(next))
        {
            inside
        } else if (line.len + 1 + next.first_word) * 5 > width * 4 {
            // The line is full, or nearly: a wrap. (A line a fifth shorter
            // than the width is not; hand-made wraps are a little short.)
            Break::Space
        } else {
            inside
        };
        out.push(b);
    }
    out
}

/// The width the lines of a hard-wrapped text are wrapped at, or `None`
/// if the text is not hard-wrapped.
///
/// Lines followed by a non-blank line are looked at: in a hard-wrapped text
/// nearly all of them but verse are *full* (the next line's first word
/// would not have fitted), and the width (the longest of them, the longest
/// twentieth left out) is a line width. In news a line is a paragraph:
/// lines are long, or short and of any length.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    const CAP: usize = 256;
    let mut histogram = [0u32; CAP + 1];
    let mut inner = 0usize;
    for pair in lines.windows(2) {
        if !pair[0].blank && !pair[1].blank {
            histogram[pair[0].len.min(CAP)] += 1;
            inner += 1;
        }
    }
    if inner < 2 {
        return None;
    }
    // The width: the longest inner line once the longest 5% are left out.
    let keep = inner - inner / 20;
    let mut seen = 0usize;
    let width = (0..=CAP)
        .find(|&n| {
            seen += histogram[n] as usize;
            seen >= keep
        })
        .unwrap_or(CAP);
    if !WIDTHS.contains(&width) {
        return None;
    }
    // Of the lines at least half as long (verse and headings left out), how
    // many are full. News paragraphs of such lengths are full by chance,
    // about one in ten.
    let (mut long, mut full) = (0usize, 0usize);
    for p in lines.windows(2) {
        if !p[0].blank && !p[1].blank && p[0].len * 2 >= width {
            long += 1;
            full += usize::from(p[0].len + 1 + p[1].first_word > width);
        }
    }
    // A few lines must all be full; many, most of them.
    let wrapped = if long < 5 {
        long >= 2 && full == long
    } else {
        full * 5 >= long * 3
    };
    wrapped.then_some(width)
}

/// Is `line` a chapter heading (`CHAPTER IV.`, `Chapter 4`, `BOOK THE
/// FIRST`) or a short line in capitals (a chapter's title)?
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    const KEYWORDS: &[&str] = &[
        "chapter", "book", "part", "volume", "act", "scene", "stave", "canto", "section",
    ];
    let keyword = first.trim_end_matches(['.', ':']);
    if KEYWORDS.iter().any(|k| keyword.eq_ignore_ascii_case(k)) {
        return match words.next() {
            None => true,
            Some(w) => {
                let w = w.trim_end_matches(['.', ':', ',']);
                w.eq_ignore_ascii_case("the")
                    || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
                    || is_roman(w)
                    || is_number_word(w)
            }
        };
    }
    for w in [
        "prologue",
        "epilogue",
        "preface",
        "introduction",
        "contents",
    ] {
        if line.trim_end_matches(['.', ':']).eq_ignore_ascii_case(w) {
            return true;
        }
    }
    // A title in capitals: letters, none in lower case, no sentence in
    // quotation marks.
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() || c == '"' || c == '“' {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

/// `IV`, `xii`: a Roman numeral (in one case).
fn is_roman(w: &str) -> bool {
    !w.is_empty()
        && (w.bytes().all(|b| b"IVXLCDM".contains(&b))
            || w.bytes().all(|b| b"ivxlcdm".contains(&b)))
}

/// `One`, `FIRST`: a number word as chapters are numbered with.
fn is_number_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "last",
    ];
    WORDS.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// A table row or a spaced-out ornament: a tab or a run of five spaces
/// inside the line.
fn is_preformatted(line: &str) -> bool {
    let inner = line.trim();
    inner.contains('\t') || inner.contains("     ")
}

/// `- item`, `* item`, `• item`, `1. item`, `(a) item`.
fn starts_list_item(line: &str) -> bool {
    let s = line.trim_start();
    if s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ") {
        return true;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &s[digits..];
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    let b = s.as_bytes();
    b.len() > 4 && b[0] == b'(' && b[1].is_ascii_alphanumeric() && b[2] == b')' && b[3] == b' '
}

/// The text proper of a Project Gutenberg book: after the `*** START OF
/// THE PROJECT GUTENBERG EBOOK …` line (or the old `*END*THE SMALL PRINT!`
/// one) and before the `*** END OF …` line or the `End of the Project
/// Gutenberg EBook …` line before it. The whole text when it has no such
/// lines.
fn gutenberg_body(text: &str) -> Range<usize> {
    // The markers stand near the ends: the front matter is a few KB (the
    // old small print about 12 KB), the licence at the back about 20 KB.
    const REACH: usize = 64 * 1024;
    let bytes = text.as_bytes();
    let mut start = 0;
    let head = floor_boundary(text, REACH.min(text.len()));
    // Every start marker begins with `*`: a text without one (news) is not
    // split into lines for it.
    if !bytes[..head].contains(&b'*') {
        return 0..text.len();
    }
    for (a, line) in lines_from(text, 0, head) {
        if line.starts_with('*') && is_start_marker(line) {
            start = a + line.len() + 1;
            break;
        }
    }
    if start == 0 {
        return 0..text.len();
    }
    let start = start.min(text.len());
    let tail = floor_boundary(text, text.len().saturating_sub(REACH).max(start));
    let tail = match bytes[..tail].iter().rposition(|&b| b == b'\n') {
        Some(p) if p >= start => p + 1,
        _ => start,
    };
    let mut end = text.len();
    for (a, line) in lines_from(text, tail, text.len()) {
        if is_end_marker(line) {
            end = a;
            break;
        }
    }
    start..end.max(start)
}

/// The `[Illustration…]` blocks of `body` (at byte `offset` of the text),
/// brackets nested inside them included (`[_Copyright 1894._]]`): Project
/// Gutenberg's placeholders for pictures, whose quoted captions nobody says.
fn captions(body: &str, offset: usize) -> Vec<Range<usize>> {
    // A caption is a few lines; an unclosed bracket skips nothing.
    const MAX: usize = 2000;
    let mut out = Vec::new();
    let mut from = 0;
    // A byte search first: most texts have no bracket at all.
    if !body.as_bytes().contains(&b'[') {
        return out;
    }
    while let Some(k) = body[from..].find("[Illustration") {
        let start = from + k;
        let mut depth = 0usize;
        let mut end = None;
        for (j, b) in body.as_bytes()[start..].iter().enumerate().take(MAX) {
            match b {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + j + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            // Nor does one that starts inside it: each byte is looked at
            // once.
            from = floor_boundary(body, (start + MAX).min(body.len()));
            continue;
        };
        out.push(offset + start..offset + end);
        from = end;
    }
    out
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The lines of `text[from..to]` (`from` a line start) with their offsets.
fn lines_from(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    text[from..to].split('\n').map(move |line| {
        let a = at;
        at += line.len() + 1;
        (a, line.trim_end_matches('\r'))
    })
}

/// `*** START OF THE PROJECT GUTENBERG EBOOK …`, `*END*THE SMALL PRINT!…`.
fn is_start_marker(line: &str) -> bool {
    let upper = line.to_ascii_uppercase();
    let stars = upper.trim_start_matches('*').trim_start();
    (stars.starts_with("START OF") && upper.contains("PROJECT GUTENBERG"))
        || upper.starts_with("*END*THE SMALL PRINT")
}

/// `*** END OF THE PROJECT GUTENBERG EBOOK …`, `End of the Project
/// Gutenberg EBook of …`, `End of Project Gutenberg's …`.
fn is_end_marker(line: &str) -> bool {
    let line = line.trim_start();
    if !(line.starts_with('*') || line.starts_with("End") || line.starts_with("END")) {
        return false;
    }
    let upper = line.to_ascii_uppercase();
    let stars = upper.trim_start_matches('*').trim_start();
    stars.starts_with("END OF") && upper.contains("PROJECT GUTENBERG")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The break at each line end of `text`, as `' '` (space), `'l'`
    /// (line) and `'P'` (paragraph).
    fn shape(text: &str) -> String {
        let layout = Layout::new(text);
        let lines = text[layout.body.clone()].split('\n').count();
        (layout.first_line..layout.first_line + lines - 1)
            .map(|k| match layout.break_after(k) {
                Break::Space => ' ',
                Break::Line => 'l',
                Break::Paragraph => 'P',
            })
            .collect()
    }

    const WRAPPED: &str = "\
It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his
first entering a neighbourhood, this truth is so well fixed in the minds
of the surrounding families, that he is considered the rightful property
of some one or other of their daughters.

\"My dear Mr. Bennet,\" said his lady to him one day, \"have you heard that
Netherfield Park is let at last?\"
";

    #[test]
    fn wrapped_lines_are_spaces_and_blank_lines_paragraphs() {
        assert_eq!(shape(WRAPPED), " PP   PP P");
        assert!(Layout::new(WRAPPED).is_wrapped());
    }

    #[test]
    fn one_paragraph_a_line_is_not_wrapped() {
        let news = "Putin spoke on Friday about the talks with the United States of America.\n\
                    “We are ready,” he said, “and we will be ready tomorrow.”\n\
                    The Kremlin said the talks would go on next week in Geneva, Switzerland.\n\
                    Biden did not comment.";
        assert!(!Layout::new(news).is_wrapped());
        assert_eq!(shape(news), "PPP");
        let long = "A".repeat(300) + "\n" + &"B ".repeat(200) + "\n" + &"C".repeat(90);
        assert!(!Layout::new(&long).is_wrapped());
        assert!(!Layout::new("one line").is_wrapped());
        assert!(!Layout::new("").is_wrapped());
    }

    #[test]
    fn verse_letters_and_headings_keep_their_breaks() {
        let text = format!(
            "CHAPTER IV.\nDown the Rabbit-Hole\n\n{WRAPPED}\n\"How doth the little crocodile\n    \
             Improve his shining tail,\nAnd pour the waters of the Nile\n\nMy dear Lizzy,\n\
             I am writing to you from the inn at Lambton, where we are to stay the\n\
             night.\n\nYours affectionately,\nJane.\n"
        );
        assert!(Layout::new(&text).is_wrapped());
        // The heading, its title; the wrapped paragraphs; three lines of
        // verse; the salutation, the letter (wrapped), the closing and the
        // signature.
        assert_eq!(shape(&text), "PPP PP   PP PPllPPl PPlP");
    }

    #[test]
    fn indented_paragraphs_without_blank_lines() {
        let text = "    It is a truth universally acknowledged, that a single man in\n\
                    possession of a good fortune, must be in want of a wife. And so on.\n    \
                    However little known the feelings or views of such a man may be on\n\
                    his first entering a neighbourhood.\n\
                    Short last line.\n\
                    And then one more paragraph, with no indentation at all, but wrapped\n\
                    as the others are.";
        assert_eq!(shape(text), " P PP ");
    }

    #[test]
    fn headings_at_a_block_start_only() {
        for h in [
            "CHAPTER IV.",
            "Chapter 4",
            "BOOK THE FIRST",
            "Chapter the Last",
            "PART II",
            "MR. BOUNDERBY",
            "CONTENTS",
        ] {
            assert!(is_heading(h), "{h}");
        }
        for h in [
            "Chapter and verse were quoted",
            "\"HELP!\" she cried.",
            "I",
            "Part of it",
        ] {
            assert!(!is_heading(h), "{h}");
        }
        let text = format!("{WRAPPED}as we read in\nChapter 4 of that book, which the man had left here on a day like this\none.\n");
        assert!(!shape(&text).contains("PP PP P P"), "{}", shape(&text));
    }

    #[test]
    fn illustration_captions_nested_brackets_and_all() {
        let text = "A.\n[Illustration:\n\n“He came down”\n\n[_Copyright 1894._]]\n\nB [Illustration] C [Illustration: open";
        let found: Vec<&str> = captions(text, 0).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "[Illustration:\n\n“He came down”\n\n[_Copyright 1894._]]",
                "[Illustration]"
            ]
        );
    }

    #[test]
    fn carriage_returns_are_not_characters() {
        let crlf = WRAPPED.replace('\n', "\r\n");
        assert_eq!(shape(&crlf), shape(WRAPPED));
    }

    #[test]
    fn gutenberg_front_and_back_matter_are_left_out() {
        let text = "The Project Gutenberg EBook of Pride and Prejudice, by Jane Austen\n\n\
                    \"You may copy it,\" says the licence.\n\
                    *** START OF THIS PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***\n\
                    \n\"Body,\" she said.\n\n\
                    End of the Project Gutenberg EBook of Pride and Prejudice, by Jane Austen\n\n\
                    *** END OF THIS PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***\n\
                    \"Licence,\" it said.\n";
        let body = gutenberg_body(text);
        assert_eq!(&text[body], "\n\"Body,\" she said.\n\n");
        let modern = "x\n*** START OF THE PROJECT GUTENBERG EBOOK 1342 ***\nText.\n*** END OF THE PROJECT GUTENBERG EBOOK 1342 ***\n";
        assert_eq!(&modern[gutenberg_body(modern)], "Text.\n");
        let old =
            "small print\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\nText.";
        assert_eq!(&old[gutenberg_body(old)], "Text.");
        for plain in [
            "No markers here.",
            "*** START OF something else ***\nText",
            "",
            "é",
        ] {
            assert_eq!(gutenberg_body(plain), 0..plain.len(), "{plain}");
        }
    }
}
