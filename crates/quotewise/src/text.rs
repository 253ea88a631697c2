//! The text model: tokens, sentences and paragraphs over byte offsets.
//!
//! Words keep their inner apostrophes, hyphens and abbreviation periods
//! (`don’t`, `Putin’s`, `U.S.`, `Sen.`); every quotation-mark character that
//! is not inside a word is a [`Kind::Mark`] token for the quote scanner.
//!
//! What a line break is comes from the [`Layout`]: in news, which puts one
//! paragraph on a line, it ends a paragraph; in hard-wrapped text a wrap is
//! a space, a blank line ends a paragraph and a short line a sentence.
//! Plain-text conventions are read as what they stand for: `--` is a dash
//! (one [`Kind::Punct`] `'—'` token), and the underscores of `_italics_` are
//! left out of the tokens, like spaces. Project Gutenberg's front and back
//! matter and its `[Illustration: …]` captions are not tokenized.

use crate::layout::{Break, Layout};
use crate::lexicon::{self, Flags, Lexicon, VerbInfo};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner `’ ' - .` and trailing abbreviation dots.
    Word,
    /// A quotation-mark character (or apostrophe) outside a word.
    Mark(char),
    /// Any other non-space character.
    Punct(char),
}

/// A token: a kind and its byte range; the sentence and paragraph it is in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub sentence: u32,
    pub paragraph: u32,
}

/// A text cut into tokens, sentences and paragraphs.
pub(crate) struct Text<'t> {
    pub text: &'t str,
    /// The words of the text's language.
    pub lex: &'t Lexicon,
    pub tokens: Vec<Token>,
    /// Token index ranges of sentences.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Token index ranges of paragraphs.
    pub paragraphs: Vec<std::ops::Range<usize>>,
    /// The first word token of each sentence (`usize::MAX` if none).
    first_words: Vec<usize>,
    /// What the word lists say about each token (empty for non-words).
    flags: Vec<Flags>,
    /// The lexicon classes of each token, a bit per [`lexicon::Class`] (none for
    /// non-words).
    classes: Vec<lexicon::ClassBits>,
    /// For each token, 1 + its index in `verbs` if it is a reporting verb.
    verb_of: Vec<u32>,
    /// The reporting verbs: facts and the cue's last token.
    verbs: Vec<(VerbInfo, usize)>,
}

/// The shortest role noun (in bytes) that makes a compound a role.
const MIN_COMPOUND_ROLE: usize = 4;

/// In a language that writes compounds as one word (German
/// `Gewerkschaftschefin`, `Klimaforscher`, `CDU-Chef`; Dutch
/// `Oppositieleider`, the `compound_roles` convention), a capitalised word
/// that ends with a listed role noun is a role too (flagged so, for the
/// title and role words before a name; its facts stay unlisted).
fn compound_roles(text: &str, tokens: &[Token], lex: &Lexicon, flags: &mut [Flags]) {
    for (tk, f) in tokens.iter().zip(flags.iter_mut()) {
        if tk.kind != Kind::Word || !f.has(Flags::UPPER) || f.has(Flags::ROLE | Flags::TITLE) {
            continue;
        }
        let word = &text[tk.start..tk.end];
        if word.len() < MIN_COMPOUND_ROLE + 2 {
            continue;
        }
        let lower = word.to_lowercase();
        let is_role = lower
            .char_indices()
            .skip(1)
            .map(|(k, _)| &lower[k..])
            .take_while(|rest| rest.len() >= MIN_COMPOUND_ROLE)
            .any(|rest| {
                let rest = rest.strip_prefix('-').unwrap_or(rest);
                lex.roles.get(rest).is_some_and(|r| !r.org)
            });
        if is_role {
            *f |= Flags::ROLE;
        }
    }
}

/// Is `c` a quotation-mark character the scanner looks at?
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
    )
}

impl<'t> Text<'t> {
    /// Tokenizes `text` with the words of `lex` and finds sentences and
    /// paragraphs, reading hard-wrapped text by its layout. Its reporting
    /// verbs are found by [`crate::cues::find`].
    pub fn new(text: &'t str, lex: &'t Lexicon) -> Text<'t> {
        let layout = Layout::new(text);
        let (mut tokens, line_breaks) = tokenize(text, lex, &layout);
        let (sentences, paragraphs) = segment(text, &mut tokens, &line_breaks);
        let first_words = sentences
            .iter()
            .map(|r| {
                r.clone()
                    .find(|&i| tokens[i].kind == Kind::Word)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        let (mut flags, classes): (Vec<Flags>, Vec<lexicon::ClassBits>) = tokens
            .iter()
            .map(|tk| match tk.kind {
                Kind::Word => lex.word_at(text, tk.start..tk.end),
                _ => (Flags::default(), 0),
            })
            .unzip();
        if lex.is(lexicon::Class::Convention, "capitalised_nouns")
            || lex.is(lexicon::Class::Convention, "compound_roles")
        {
            compound_roles(text, &tokens, lex, &mut flags);
        }
        Text {
            text,
            lex,
            tokens,
            sentences,
            paragraphs,
            first_words,
            flags,
            classes,
            verb_of: Vec::new(),
            verbs: Vec::new(),
        }
    }

    /// [`Text::new`] with the English lexicon and its cues found, for tests.
    #[cfg(test)]
    pub fn english(text: &'t str) -> Text<'t> {
        let mut t = Text::new(text, Lexicon::english_static());
        crate::cues::find(&mut t);
        t
    }

    /// Records the reporting verbs [`crate::cues::find`] found: for each
    /// token, 1 + its index in `verbs` (0 for none).
    pub(crate) fn set_verbs(&mut self, verb_of: Vec<u32>, verbs: Vec<(VerbInfo, usize)>) {
        self.verb_of = verb_of;
        self.verbs = verbs;
    }

    /// The reporting verb at token `i` and the last token of its cue
    /// (`pointed out`), if it is one.
    pub fn verb(&self, i: usize) -> Option<(VerbInfo, usize)> {
        match self.verb_of.get(i) {
            Some(&k) if k > 0 => Some(self.verbs[k as usize - 1]),
            _ => None,
        }
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Is token `i` a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Is token `i` the punctuation `c`?
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Is token `i` a dash (`—`, `–`, or a hyphen standing alone)?
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(
            self.tokens.get(i).map(|t| t.kind),
            Some(Kind::Punct('—' | '–' | '-'))
        )
    }

    /// Is token `i` a word of the lexicon's `class` ([`lexicon::Class`])?
    /// (Past the end, no.)
    pub fn in_class(&self, i: usize, class: lexicon::Class) -> bool {
        self.classes
            .get(i)
            .is_some_and(|&c| c & (1 << class as usize) != 0)
    }

    /// Is token `i` a word that opens a reported statement (`that`, `dass`,
    /// `que`: a complementizer of the lexicon that opens no question)?
    pub fn is_that(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.tok(i);
        // A word not capitalised is a complementizer only as listed: one
        // without the bit is none, without a lookup.
        if !self.has(i, Flags::COMPLEMENTIZER | Flags::UPPER) {
            return false;
        }
        match self.lex.complementizers.get(w) {
            Some(&question) => !question,
            None if self.is_capitalized(i) => {
                self.lex.complementizers.get(lower_word(w).as_str()) == Some(&false)
            }
            None => false,
        }
    }

    /// The pronoun at token `i` ([`Lexicon::pronoun`] of its text), if it
    /// can be a speaker. Most words are ASCII and no pronoun, which their
    /// [`Flags::PRONOUN`] bit tells without a lookup.
    pub fn pronoun(&self, i: usize) -> Option<lexicon::Pronoun> {
        let w = self.tok(i);
        if !self.has(i, Flags::PRONOUN) && w.is_ascii() {
            return None;
        }
        self.lex.pronoun(w)
    }

    /// Does word `i` start with an upper-case letter?
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.has(i, Flags::UPPER)
    }

    /// The word-list bits of every token, in token order (for a pass over
    /// all of them; [`Text::has`] asks one).
    pub fn flags(&self) -> &[Flags] {
        &self.flags
    }

    /// Does token `i` have any of the word-list bits `f`? (Only words have
    /// any; past the end, none.)
    pub fn has(&self, i: usize, f: Flags) -> bool {
        self.flags.get(i).is_some_and(|x| x.has(f))
    }

    /// Is token `i` the first word of its sentence (only marks and dashes
    /// before it)?
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.first_words[self.tokens[i].sentence as usize] == i
    }
}

/// A short string kept inline (no heap allocation up to 24 bytes): the
/// lower-case words mentions carry as descriptors and clustering keys.
pub(crate) type Word = compact_str::CompactString;

/// `word` in lower case, as a [`Word`].
pub(crate) fn lower_word(word: &str) -> Word {
    if word.is_ascii() {
        let mut w = Word::from(word);
        w.make_ascii_lowercase();
        w
    } else {
        Word::from(word.to_lowercase())
    }
}

/// The char at byte `i` of `text` (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// What the tokenizer makes of a byte: the class of an ASCII character;
/// every byte from 0x80 starts (or continues) a multi-byte character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Alnum,
    /// Inside a word between letters or digits: `’ ' - . , &`.
    Joiner,
    Other,
    NonAscii,
}

/// The [`Class`] of every byte (a table: the tokenizer asks it for nearly
/// every byte of the text).
static CLASS: [Class; 256] = {
    let mut t = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            Class::Newline
        } else if c.is_ascii_whitespace() || c == 0x0B {
            Class::Space
        } else if c.is_ascii_alphanumeric() {
            Class::Alnum
        } else if matches!(c, b'\'' | b'-' | b'.' | b',' | b'&') {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

/// Is ASCII byte `b` a letter or digit?
#[inline]
fn ascii_alnum(b: u8) -> bool {
    CLASS[b as usize] == Class::Alnum
}

/// `c.is_alphanumeric()`, answered at once for ASCII and for the General
/// Punctuation block (quotation marks, dashes, ellipsis), which Unicode's
/// tables would otherwise be searched for: quote-dense text is full of them.
#[inline]
fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c, '\u{2000}'..='\u{206F}' | '\u{00AB}' | '\u{00BB}') && c.is_alphanumeric()
}

/// The char that starts at byte `i` (a char boundary) of `text`.
#[inline]
fn decode(text: &str, i: usize) -> char {
    text[i..].chars().next().expect("i is a char boundary")
}

/// Cuts the body of `text` into tokens, numbering paragraphs as it goes
/// (by the `layout`'s breaks); returns them with the tokens that follow a
/// line break inside a paragraph. Sentences are left to [`segment`].
fn tokenize(text: &str, lex: &Lexicon, layout: &Layout) -> (Vec<Token>, Vec<usize>) {
    // News has a token per 5 bytes, quote-dense text one per 3. A long
    // text gets room for the latter, which spares it the copy of growing
    // (64 MB for a 10 MB quote storm); a short one grows cheaply if it
    // must, and the CLI's many short texts keep their footprint small.
    let body = layout.body.clone();
    let per_token = if body.len() > 1 << 20 { 3 } else { 5 };
    let mut tokens = Vec::with_capacity(body.len() / per_token);
    let mut line_breaks = Vec::new();
    let bytes = &text.as_bytes()[..body.end];
    let mut paragraph = 0u32;
    // The strongest break since the last token, and the line number.
    let mut pending: Option<Break> = None;
    let mut line = layout.first_line;
    let mut captions = layout.captions.iter().peekable();
    let mut i = body.start;
    while let Some(&b) = bytes.get(i) {
        let (end, kind) = match CLASS[b as usize] {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Newline => {
                pending = pending.max(Some(layout.break_after(line)));
                line += 1;
                i += 1;
                continue;
            }
            Class::Alnum => (
                word_end(text, lex, i, i + 1, b.is_ascii_digit()),
                Kind::Word,
            ),
            // Two apostrophes stand for a double quotation mark (''…'').
            Class::Joiner if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') => {
                (i + 2, Kind::Mark('"'))
            }
            // `--` and longer runs of hyphens are a dash.
            Class::Joiner if b == b'-' && bytes.get(i + 1) == Some(&b'-') => {
                let run = bytes[i..].iter().take_while(|&&c| c == b'-').count();
                (i + run, Kind::Punct('—'))
            }
            Class::Other if b == b'_' && is_emphasis(bytes, i) => {
                i += 1;
                continue;
            }
            // An illustration's caption is not text: a paragraph break.
            Class::Other if b == b'[' && captions.peek().is_some_and(|c| c.start == i) => {
                let caption = captions.next().expect("peeked");
                line += text[caption.clone()].matches('\n').count();
                pending = Some(Break::Paragraph);
                i = caption.end;
                continue;
            }
            Class::Joiner | Class::Other if is_mark(b as char) => (i + 1, Kind::Mark(b as char)),
            Class::Joiner | Class::Other => (i + 1, Kind::Punct(b as char)),
            Class::NonAscii => {
                let c = decode(text, i);
                let len = c.len_utf8();
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                if is_letter_or_digit(c) {
                    (word_end(text, lex, i, i + len, false), Kind::Word)
                } else if is_mark(c) {
                    (i + len, Kind::Mark(c))
                } else {
                    (i + len, Kind::Punct(c))
                }
            }
        };
        if !tokens.is_empty() {
            match pending {
                Some(Break::Paragraph) => paragraph += 1,
                Some(Break::Line) => line_breaks.push(tokens.len()),
                Some(Break::Space) | None => {}
            }
        }
        pending = None;
        tokens.push(Token {
            start: i,
            end,
            kind,
            sentence: 0,
            paragraph,
        });
        i = end;
    }
    (tokens, line_breaks)
}

/// Is the `_` at byte `i` an emphasis mark (`_italics_`): one underscore
/// at the edge of a word, not inside one (`snake_case`) or in a run
/// (`____`, a blank to fill in)?
#[inline]
fn is_emphasis(bytes: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| bytes[j]);
    let after = bytes.get(i + 1).copied();
    if before == Some(b'_') || after == Some(b'_') {
        return false;
    }
    // Bytes from 0x80 are parts of letters as often as not: a letter.
    let wordy = |b: Option<u8>| b.is_some_and(|b| b >= 0x80 || b.is_ascii_alphanumeric());
    !(wordy(before) && wordy(after))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x80 * ONES;

/// Bit 7 of each byte of `x` that is an ASCII byte in `lo..=hi`; the
/// other bits are clear. Eight bytes at a time: with the high bits cleared
/// no sum carries into the next byte, and bit 7 of `y + (0x80 - lo)` is
/// set when `y >= lo`.
#[inline]
fn within(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x & !HIGH;
    let at_least = |lo: u64| y.wrapping_add((0x80 - lo) * ONES);
    at_least(u64::from(lo)) & !at_least(u64::from(hi) + 1) & !x & HIGH
}

/// The ASCII word of `n` bytes at `text[start..]` in lower case, packed
/// as [`lexicon::pack_at`] packs it; `None` if it is not ASCII or is 16
/// bytes or longer. A word id without building a lower-case string.
#[inline]
pub(crate) fn packed_lower(text: &str, start: usize, n: usize) -> Option<lexicon::Key> {
    if n >= 16 {
        return None;
    }
    let (lo, hi) = lexicon::pack_at(text.as_bytes(), start, n);
    // The length in the top byte of `hi` is below 16: neither high bit
    // nor upper-case letter.
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    let lower = |x: u64| x | within(x, b'A', b'Z') >> 2;
    Some((lower(lo), lower(hi)))
}

/// The end of the run of ASCII letters and digits from byte `end`.
///
/// Eight bytes are tested at a time: a byte-by-byte loop mispredicts its
/// exit once per word, and that was most of the tokenizer's time.
fn alnum_run(bytes: &[u8], mut end: usize) -> usize {
    while let Some(chunk) = bytes.get(end..end + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let alnum = within(x, b'a', b'z') | within(x, b'A', b'Z') | within(x, b'0', b'9');
        if alnum != HIGH {
            return end + ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    while end < bytes.len() && ascii_alnum(bytes[end]) {
        end += 1;
    }
    end
}

/// The end of the word that starts at byte `start` with a letter or digit
/// ending at `end` (`last_digit`: that character is an ASCII digit).
fn word_end(
    text: &str,
    lex: &Lexicon,
    start: usize,
    mut end: usize,
    mut last_digit: bool,
) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits first: most words are nothing else.
        let run_end = alnum_run(bytes, end);
        if run_end > end {
            end = run_end;
            last_digit = bytes[end - 1].is_ascii_digit();
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        let d = match CLASS[b as usize] {
            Class::Joiner => b as char,
            Class::NonAscii => {
                let d = decode(text, end);
                if is_letter_or_digit(d) {
                    end += d.len_utf8();
                    last_digit = false;
                    continue;
                }
                if d != '\u{2019}' {
                    break;
                }
                d
            }
            // Alnum is past the run's end; spaces and other punctuation end
            // the word.
            _ => break,
        };
        // Inner joiners: don’t, Putin’s, pro-Russian, U.S, 3.5, 1,000.
        let ok = match (d, char_at(text, end + d.len_utf8())) {
            (_, None) => false,
            (',', Some(n)) => last_digit && n.is_ascii_digit(),
            ('.', Some(n)) => {
                is_letter_or_digit(n) && !n.is_lowercase()
                    || n.is_ascii_digit()
                    || dotted_title(text, lex, start, end)
            }
            (_, Some(n)) => is_letter_or_digit(n),
        };
        if !ok {
            break;
        }
        // `l'Insee`, `dell'Istat`, `qu'il`: an elided article, preposition
        // or pronoun is a word of its own, its apostrophe with it.
        if matches!(d, '\'' | '\u{2019}') && lex.is(lexicon::Class::ElidedPrefix, &text[start..end])
        {
            return end + d.len_utf8();
        }
        end += d.len_utf8();
    }
    // A trailing period belongs to abbreviations and initials.
    if bytes.get(end) == Some(&b'.') && takes_period(&text[start..end], &text[end + 1..], lex) {
        end += 1;
    }
    end
}

/// Does `word` (without its period) take a trailing abbreviation period,
/// `rest` being the text after the period?
fn takes_period(word: &str, rest: &str, lex: &Lexicon) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    // Initials: "J." and dotted acronyms "U.S." "D.C.".
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    // `No. 10`, but `No. Passion is sanity`.
    lex.is_abbreviation(word)
        || lex.is(lexicon::Class::NumberAbbreviation, word)
            && rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// `dott.ssa`, `Sig.ra`: does the word from `start` run on past the
/// period at `dot` into a listed title (a title abbreviated at both ends,
/// its second part lower case)?
fn dotted_title(text: &str, lex: &Lexicon, start: usize, dot: usize) -> bool {
    let rest = &text[dot + 1..];
    let tail = rest
        .char_indices()
        .find(|&(_, c)| !is_letter_or_digit(c))
        .map_or(rest.len(), |(k, _)| k);
    lex.titles.contains_key(&text[start..dot + 1 + tail])
}

/// Marks each token with its sentence; returns the ranges of sentences and
/// of paragraphs (numbered by [`tokenize`]). A sentence also ends before
/// each token of `line_breaks` (ascending).
fn segment(
    text: &str,
    tokens: &mut [Token],
    line_breaks: &[usize],
) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut sent_start = 0;
    let mut para_start = 0;
    // The next line break to come (line_breaks ascends).
    let mut next_break = 0;
    let n = tokens.len();
    for i in 0..n {
        tokens[i].sentence = sentences.len() as u32;
        let Some(next) = tokens.get(i + 1) else {
            break;
        };
        let newline = next.paragraph != tokens[i].paragraph;
        let line_break = line_breaks.get(next_break) == Some(&(i + 1));
        next_break += usize::from(line_break);
        if newline || line_break || ends_sentence(text, tokens, i) {
            sentences.push(sent_start..i + 1);
            sent_start = i + 1;
        }
        if newline {
            paragraphs.push(para_start..i + 1);
            para_start = i + 1;
        }
    }
    if sent_start < n {
        sentences.push(sent_start..n);
    }
    if para_start < n {
        paragraphs.push(para_start..n);
    }
    (sentences, paragraphs)
}

/// Does the sentence end after token `i` (not at a line break)?
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let terminal = |k: Kind| matches!(k, Kind::Punct('.' | '!' | '?' | '…'));
    // The sentence ends after the terminal punctuation and any closing marks
    // that hug it: `… a mirror.” Putin said.`
    let ends_with_terminal = match t.kind {
        Kind::Punct(_) if terminal(t.kind) => true,
        Kind::Mark(_) => {
            let mut j = i;
            while j > 0
                && matches!(tokens[j].kind, Kind::Mark(_))
                && tokens[j - 1].end == tokens[j].start
            {
                j -= 1;
            }
            j < i && terminal(tokens[j].kind)
        }
        // "U.S." and other abbreviations that end a sentence are not caught.
        _ => false,
    };
    if !ends_with_terminal {
        return false;
    }
    let next = tokens[i + 1];
    // A closing mark right after (no space) belongs to this sentence.
    if matches!(next.kind, Kind::Mark(_)) && next.start == t.end {
        return false;
    }
    if matches!(next.kind, Kind::Punct('.' | '!' | '?' | '…' | ')' | ',')) {
        return false;
    }
    let c = text[next.start..].chars().next().unwrap_or(' ');
    !c.is_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = Text::english(text);
        (0..t.tokens.len()).map(|i| t.tok(i)).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_abbreviations() {
        assert_eq!(
            words("Don’t ask Mr. Putin’s pro-Kremlin U.S. aides, 1,000 of them."),
            [
                "Don’t",
                "ask",
                "Mr.",
                "Putin’s",
                "pro-Kremlin",
                "U.S.",
                "aides",
                ",",
                "1,000",
                "of",
                "them",
                "."
            ]
        );
    }

    #[test]
    fn alnum_runs_end_where_a_byte_loop_ends_them() {
        let text = "Putin’s aides, McDonald 2016 COVID-19 abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ {`@[ é日 z";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            let slow = from
                + bytes[from..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
            assert_eq!(alnum_run(bytes, from), slow, "from {from}");
        }
    }

    #[test]
    fn packed_lower_is_the_packed_lower_case_word() {
        let text = "Putin McDONALD's a Z@[`{ 0123456789ABCDE 0123456789ABCDEF café";
        for (i, w) in text.split(' ').enumerate() {
            let start = text.split(' ').take(i).map(|w| w.len() + 1).sum::<usize>();
            let got = packed_lower(text, start, w.len());
            if w.len() >= 16 {
                assert_eq!(got, None, "{w}");
            } else if w.is_ascii() {
                let lower = w.to_ascii_lowercase();
                assert_eq!(
                    got,
                    Some(lexicon::pack_at(lower.as_bytes(), 0, w.len())),
                    "{w}"
                );
            } else {
                assert_eq!(got, None, "{w}");
            }
        }
    }

    #[test]
    fn letters_and_digits_as_unicode_says() {
        for c in ('\0'..='\u{3000}').chain(['日', '😀', '\u{FF21}']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn quote_marks_outside_words_are_mark_tokens() {
        let t = Text::english("“Hi,” journalists’ ’90s");
        let kinds: Vec<Kind> = t.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Mark('“'));
        assert_eq!(kinds[3], Kind::Mark('”'));
        assert_eq!(kinds[5], Kind::Mark('’'));
        assert_eq!(kinds[6], Kind::Mark('’'));
    }

    #[test]
    fn sentences_end_after_closing_marks_and_not_after_titles() {
        let t = Text::english(
            "“In fact, we look in the mirror.” Putin said. Sen. Ted Cruz agreed.\nNext line",
        );
        let sents: Vec<String> = t
            .sentences
            .iter()
            .map(|r| t.text[t.tokens[r.start].start..t.tokens[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            sents,
            [
                "“In fact, we look in the mirror.”",
                "Putin said.",
                "Sen. Ted Cruz agreed.",
                "Next line"
            ]
        );
        assert_eq!(t.paragraphs.len(), 2);
    }

    #[test]
    fn no_takes_a_period_only_before_a_number() {
        assert_eq!(words("At No. 10 now."), ["At", "No.", "10", "now", "."]);
        let t = Text::english("Passion does not blind. No. Passion is sanity.");
        assert_eq!(t.sentences.len(), 3);
        assert_eq!(t.tok(t.sentences[2].start), "Passion");
    }

    #[test]
    fn plain_text_dashes_and_underscores() {
        assert_eq!(
            words("_You_ may go--or not. snake_case ____ and ---"),
            [
                "You", "may", "go", "--", "or", "not", ".", "snake", "_", "case", "_", "_", "_",
                "_", "and", "---"
            ]
        );
        let t = Text::english("go--or");
        assert_eq!(t.tokens[1].kind, Kind::Punct('—'));
    }

    #[test]
    fn wraps_are_spaces_and_blank_lines_paragraphs() {
        let text = "\
\"My dear Mr. Bennet,\" said his lady to him one day, \"have you heard that
Netherfield Park is let at last? It was let on Monday, and to a young
man of large fortune from the north of England, Mrs. Long says.\"

Mr. Bennet replied that he had not, and went on reading his newspaper.
";
        let t = Text::english(text);
        assert_eq!(t.paragraphs.len(), 2);
        let sents: Vec<&str> = t
            .sentences
            .iter()
            .map(|r| &t.text[t.tokens[r.start].start..t.tokens[r.end - 1].end])
            .collect();
        assert_eq!(sents.len(), 3, "{sents:?}");
        assert!(sents[0].ends_with("heard that\nNetherfield Park is let at last?"));
        assert!(sents[1].contains("young\nman"));
    }

    #[test]
    fn illustration_captions_are_not_tokenized() {
        let text = "This was invitation enough.\n\n[Illustration:\n\n“He came down”\n\n[_Copyright._]]\n\nEnd.";
        assert_eq!(
            words(text),
            ["This", "was", "invitation", "enough", ".", "End", "."]
        );
        assert_eq!(Text::english(text).paragraphs.len(), 2);
    }

    #[test]
    fn gutenberg_licence_is_not_tokenized() {
        let text = "The Project Gutenberg EBook\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\nBody.\n*** END OF THIS PROJECT GUTENBERG EBOOK X ***\nLicence.";
        assert_eq!(words(text), ["Body", "."]);
    }
}
