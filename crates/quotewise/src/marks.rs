//! The quote scanner: pairs quotation marks into quoted spans.
//!
//! Every common style pairs: “…” "…" „…“ „…” «…» »…« ‹…› 「…」 『…』 ‘…’ '…'.
//! Marks pair on a stack per paragraph, so quotes nest; only outermost quotes
//! are reported (inner ones are part of their content).
//!
//! * Apostrophes are not marks: `’` and `'` close a quote only when a single
//!   quote is open; inside words (`don’t`), before digits (`’90s`), in
//!   elisions (`’tis`, `’em`, `rock ’n’ roll`) and after a word that the
//!   sentence goes on from (`the boys’ books`, `goin’ home`) they never
//!   pair.
//! * The quotes of dialogue are double (“…” with ‘…’ inside), or, in
//!   British style, single (‘…’ with “…” inside): a text whose opening
//!   single marks outnumber its double ones two to one is read the
//!   British way.
//! * A dialogue quote whose paragraph ends while it is open continues when
//!   the next paragraph opens again (a multi-paragraph quote: one quote, one
//!   piece a paragraph); otherwise it ends at the paragraph end.
//! * A quote left open whose paragraph holds its own speech tag after a
//!   comma (`“We will not back down, said union leader Mike Davis.`) lost
//!   its closing mark: it ends at that comma.
//! * A closing mark with no opening one opens at the start of its paragraph
//!   (or after the last quote in it).

use crate::lexicon::Class;
use crate::text::{Kind, Text};

/// One paragraph's part of a quoted span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    /// First token (the opening mark when there is one).
    pub first: usize,
    /// Last token, inclusive (the closing mark when there is one).
    pub last: usize,
    /// Has an opening mark.
    pub opened: bool,
    /// Has a closing mark.
    pub closed: bool,
}

/// A quoted span: one piece, or one a paragraph for multi-paragraph quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    token: usize,
    family: Family,
    ch: char,
}

/// Which family the text's dialogue quotes are in: single when its
/// opening single marks are at least two and twice its opening double ones.
fn dialogue_family(t: &Text) -> Family {
    let (mut single, mut double) = (0usize, 0usize);
    for (i, tok) in t.tokens.iter().enumerate() {
        let Kind::Mark(c) = tok.kind else {
            continue;
        };
        let (can_open, can_close) = flanking(t, i);
        if !can_open || can_close {
            continue;
        }
        match family(c) {
            Some(Family::Single) if c != '’' && !is_apostrophe_use(t, i) => single += 1,
            Some(Family::Double) => double += 1,
            _ => {}
        }
    }
    if single >= 2 && single > 2 * double {
        Family::Single
    } else {
        Family::Double
    }
}

/// Finds every outermost quoted span.
pub(crate) fn scan(t: &Text) -> Vec<Quoted> {
    let dialogue = dialogue_family(t);
    let mut out: Vec<Quoted> = Vec::new();
    // An outermost quote left open at the end of the previous paragraph.
    let mut pending: Option<Quoted> = None;
    let mut stack: Vec<Open> = Vec::new();
    for para in &t.paragraphs {
        stack.clear();
        // Where a quote with a missing opening mark may start.
        let mut free_from = para.start;
        let mut continued = pending.take();
        if let Some(q) = &continued {
            // Continue only when this paragraph opens with a mark.
            // (in the same style: a straight mark left open is not
            // continued by a curly one).
            let Kind::Mark(open_ch) = t.tokens[q.pieces[q.pieces.len() - 1].first].kind else {
                unreachable!("a continued piece starts at its opening mark")
            };
            let straight = |c: char| c == '"' || c == '\'';
            let first_opens = matches!(t.tokens[para.start].kind, Kind::Mark(c)
                if opens_dialogue(c, dialogue)
                    && family(c) == family(open_ch)
                    && straight(c) == straight(open_ch)
                    && flanking(t, para.start).0);
            if !first_opens && !has_orphan_close(t, para.clone()) {
                out.push(q.clone());
                continued = None;
            }
        }
        for i in para.clone() {
            let Kind::Mark(c) = t.tokens[i].kind else {
                continue;
            };
            let (can_open, can_close) = flanking(t, i);
            match family(c) {
                Some(Family::Double) => {
                    let top_double = stack.iter().rposition(|o| o.family == Family::Double);
                    let closes = match c {
                        '”' | '»' | '›' | '」' | '』' => {
                            !(can_open
                                && !can_close
                                && top_double.is_none()
                                && matches!(c, '»' | '›'))
                        }
                        '“' => {
                            top_double.is_some_and(|k| stack[k].ch == '„')
                                || (can_close && !can_open && top_double.is_some())
                        }
                        // A straight mark closes a straight one, or a curly one
                        // when it can only close (`“…,"`).
                        '"' => top_double.is_some_and(|k| {
                            (stack[k].ch == '"' && (can_close || !can_open))
                                || (can_close && !can_open)
                        }),
                        '«' => top_double.is_some_and(|k| stack[k].ch == '»'),
                        '‹' => top_double.is_some_and(|k| stack[k].ch == '›'),
                        _ => false,
                    };
                    if closes {
                        match top_double {
                            Some(k) => {
                                let open = stack[k];
                                stack.truncate(k);
                                if stack.is_empty() {
                                    close_outer(&mut out, &mut continued, open.token, i);
                                    free_from = i + 1;
                                }
                            }
                            None if stack.is_empty() && (can_close || c != '"') => {
                                // A closing mark with no opening one.
                                if let Some(mut q) = continued.take() {
                                    q.pieces.push(Piece {
                                        first: para.start,
                                        last: i,
                                        opened: false,
                                        closed: true,
                                    });
                                    out.push(q);
                                } else if let Some(first) = first_word(t, free_from, i) {
                                    out.push(Quoted {
                                        pieces: vec![Piece {
                                            first,
                                            last: i,
                                            opened: false,
                                            closed: true,
                                        }],
                                    });
                                }
                                free_from = i + 1;
                            }
                            None => {}
                        }
                    } else if can_open || (c != '"' && !can_close) {
                        stack.push(Open {
                            token: i,
                            family: Family::Double,
                            ch: c,
                        });
                    }
                }
                Some(Family::Single) => {
                    // In British dialogue a closing single mark also closes
                    // a double quote left open inside it.
                    let open_single = if dialogue == Family::Single {
                        stack.iter().rposition(|o| o.family == Family::Single)
                    } else {
                        stack
                            .len()
                            .checked_sub(1)
                            .filter(|&k| stack[k].family == Family::Single)
                    };
                    let closes = open_single.is_some_and(|k| {
                        can_close
                            && c != '‘'
                            && !is_apostrophe_use(t, i)
                            && !is_trailing_apostrophe(t, stack[k].token, i)
                    });
                    if closes {
                        let k = open_single.expect("closes only when open");
                        let open = stack[k];
                        stack.truncate(k);
                        if stack.is_empty() {
                            close_outer(&mut out, &mut continued, open.token, i);
                            free_from = i + 1;
                        }
                    } else if can_open && !can_close && c != '’' && !is_apostrophe_use(t, i) {
                        stack.push(Open {
                            token: i,
                            family: Family::Single,
                            ch: c,
                        });
                    }
                }
                None => {}
            }
        }
        // Single quotes left open were apostrophes (in British dialogue,
        // double ones left open inside a single one were); the outermost
        // dialogue quote left open runs to the paragraph end, and may
        // continue.
        let left_open = stack
            .iter()
            .find(|o| o.family == dialogue)
            .or_else(|| stack.iter().find(|o| o.family == Family::Double));
        if let Some(open) = left_open.copied() {
            // A quote whose closing mark was forgotten before its own tag
            // (`“We will not back down, said union leader Mike Davis.`)
            // ends at the tag's comma; the tag is the paragraph's.
            if let Some(comma) = forgotten_close(t, open.token + 1, para.end) {
                push_piece(
                    &mut out,
                    &mut continued,
                    Piece {
                        first: open.token,
                        last: comma,
                        opened: true,
                        closed: false,
                    },
                );
                continue;
            }
            let piece = Piece {
                first: open.token,
                last: para.end - 1,
                opened: true,
                closed: false,
            };
            let mut q = continued.take().unwrap_or(Quoted { pieces: Vec::new() });
            q.pieces.push(piece);
            pending = Some(q);
        } else if let Some(q) = continued.take() {
            out.push(q);
        }
    }
    out.extend(pending);
    // Marks with nothing between them quote nothing.
    out.retain(|q| {
        q.pieces
            .iter()
            .any(|p| (p.first..=p.last).any(|i| t.is_word(i)))
    });
    out.sort_by_key(|q| q.pieces[0].first);
    out
}

/// Closes the outermost quote, opened at token `open`, at token `close`.
fn close_outer(out: &mut Vec<Quoted>, continued: &mut Option<Quoted>, open: usize, close: usize) {
    let piece = Piece {
        first: open,
        last: close,
        opened: true,
        closed: true,
    };
    push_piece(out, continued, piece);
}

fn push_piece(out: &mut Vec<Quoted>, continued: &mut Option<Quoted>, piece: Piece) {
    match continued.take() {
        Some(mut q) => {
            q.pieces.push(piece);
            out.push(q);
        }
        None => out.push(Quoted {
            pieces: vec![piece],
        }),
    }
}

/// The comma that ends an unclosed quote in `from..to` because a speech
/// tag follows it: `, said <Subject>` or `, <Subject> said` with the
/// subject a pronoun or one to three capitalised words. The tag must be in
/// the quote's first sentence's reach: only the first such comma counts.
fn forgotten_close(t: &Text, from: usize, to: usize) -> Option<usize> {
    let subject_word =
        |k: usize| k < to && t.is_word(k) && (t.is_capitalized(k) || t.pronoun(k).is_some());
    (from..to).filter(|&c| t.is_punct(c, ',')).find(|&c| {
        let v = c + 1;
        if v < to && t.verb(v).is_some() {
            // `, said union leader Mike Davis`: a subject follows.
            return (v + 1..to.min(v + 5))
                .any(|k| t.is_word(k) && (t.is_capitalized(k) || t.in_class(k, Class::Article)));
        }
        // `, Mike Davis said` / `, he said`.
        let mut k = v;
        while k < to.min(v + 3) && subject_word(k) {
            k += 1;
        }
        k > v && k < to && t.verb(k).is_some()
    })
}

/// The first word token in `from..to`, if any.
fn first_word(t: &Text, from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&j| t.is_word(j))
}

fn has_orphan_close(t: &Text, para: std::ops::Range<usize>) -> bool {
    for i in para {
        if let Kind::Mark(c) = t.tokens[i].kind {
            return matches!(c, '”' | '»' | '"') && flanking(t, i).1 && !flanking(t, i).0;
        }
    }
    false
}

/// Can `c` open a dialogue quote of `dialogue`'s family (one continued
/// from the paragraph before)?
fn opens_dialogue(c: char, dialogue: Family) -> bool {
    match dialogue {
        Family::Double => matches!(c, '“' | '„' | '"' | '«' | '‹' | '「' | '『'),
        Family::Single => matches!(c, '‘' | '\'' | '‚'),
    }
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』' => {
            Some(Family::Double)
        }
        '\'' | '‘' | '’' | '‚' => Some(Family::Single),
        _ => None,
    }
}

/// (can open, can close) from the characters around mark token `i`.
fn flanking(t: &Text, i: usize) -> (bool, bool) {
    let tok = t.tokens[i];
    let before = t.text[..tok.start].chars().next_back();
    let after = t.text[tok.end..].chars().next();
    let space_or_open = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '_')
                || crate::text::is_mark(c)
        })
    };
    let space_or_close = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '#' && c != '$')
                || matches!(c, '—' | '–' | '…')
                || crate::text::is_mark(c)
        })
    };
    let can_open = space_or_open(before) && after.is_some_and(|c| !c.is_whitespace());
    let can_close = before.is_some_and(|c| !c.is_whitespace()) && space_or_close(after);
    (can_open, can_close)
}

/// `’90s`, `rock ’n’ roll`, `’tis`: a single mark used as an apostrophe.
fn is_apostrophe_use(t: &Text, i: usize) -> bool {
    let tok = t.tokens[i];
    let after = &t.text[tok.end..];
    let before = &t.text[..tok.start];
    let mut a = after.chars();
    if a.next().is_some_and(|c| c.is_ascii_digit()) && a.next().is_some_and(|c| c.is_ascii_digit())
    {
        return true;
    }
    // Elisions at a word's start: rock ’n’ roll, ’em, ’til, ’Tis, 's ist.
    let word_len = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(k, _)| k);
    let word = &after[..word_len];
    if t.lex.is(Class::ElidedWord, word) || t.lex.is(Class::ElidedWord, &word.to_lowercase()) {
        return true;
    }
    // the n’ of ’n’
    before.ends_with(" n") || before.ends_with("’n") || before.ends_with("'n")
}

/// `the boys’ books`, `goin’ home`: a closing single mark at `close`, right
/// after a word ending in `s` or `n` and followed by a lower-case word the
/// sentence goes on with, is an apostrophe, unless the quote opened at
/// `open` is one word (`‘Chaos’ reigns`) or follows a word (a title or a
/// scare quote: `a ‘virtual’ test`), or the word after cannot follow a
/// possessive (`‘Go home’ he said`, `‘Thousands of Shootings’ in Chicago`).
fn is_trailing_apostrophe(t: &Text, open: usize, close: usize) -> bool {
    let tok = t.tokens[close];
    let before = t.text[..tok.start].chars().next_back();
    let after = &t.text[tok.end..];
    let mut chars = after.chars();
    let spaced = chars.next().is_some_and(|c| c == ' ' || c == '\n');
    let lower = chars.next().is_some_and(char::is_lowercase);
    // Plural possessives and dropped letters: `boys’`, `goin’`.
    if !(matches!(before, Some('s' | 'S' | 'n')) && spaced && lower) {
        return false;
    }
    // More than one word (looked for among the first tokens only: the
    // test runs at every such mark, and must not grow with the quote).
    let several = (open..close)
        .take(16)
        .filter(|&k| t.is_word(k))
        .nth(1)
        .is_some();
    // A possessive is followed by what is owned: not by a speech tag's
    // pronoun or verb, a preposition, a conjunction or an auxiliary.
    const NOT_OWNED: &[&str] = &[
        "he", "she", "they", "we", "you", "it", "in", "on", "at", "of", "to", "for", "with",
        "from", "by", "into", "about", "and", "or", "but", "nor", "as", "than", "that", "which",
        "who", "when", "where", "while", "if", "so", "is", "was", "are", "were", "has", "had",
        "will",
    ];
    let next = close + 1;
    let not_owned = t.has(next, crate::lexicon::Flags::VERB)
        || (t.is_word(next) && NOT_OWNED.contains(&t.tok(next)));
    // Dialogue opens a sentence or follows punctuation (`said he, ‘…`);
    // titles and scare quotes follow a word.
    let after_word = open > 0 && t.is_word(open - 1) && !t.starts_sentence(open + 1);
    several && !after_word && !not_owned
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every quoted span's pieces.
    fn quotes(text: &str) -> Vec<Vec<String>> {
        let t = Text::english(text);
        scan(&t)
            .into_iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|p| text[t.tokens[p.first].start..t.tokens[p.last].end].to_string())
                    .collect()
            })
            .collect()
    }

    /// (case, text, each quote's pieces)
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &[&[&str]])] = &[
        ("curly", "He said “we will win” today.", &[&["“we will win”"]]),
        ("straight", "He said \"we will win\" today.", &[&["\"we will win\""]]),
        ("german", "Er sagte „wir gewinnen“ heute.", &[&["„wir gewinnen“"]]),
        ("polish", "Powiedział „wygramy” dziś.", &[&["„wygramy”"]]),
        ("guillemets", "Il a dit «nous gagnerons» hier.", &[&["«nous gagnerons»"]]),
        ("reversed guillemets", "Er sagte »wir gewinnen« heute.", &[&["»wir gewinnen«"]]),
        ("single guillemets", "Il a dit ‹oui› hier.", &[&["‹oui›"]]),
        ("corner", "彼は「勝つ」と言った。『本』も", &[&["「勝つ」"], &["『本』"]]),
        ("single curly", "A ‘virtual’ test.", &[&["‘virtual’"]]),
        ("single straight", "A 'virtual' test.", &[&["'virtual'"]]),
        ("nested", "“He told me ‘no’ and “never” again,” she said.", &[&["“He told me ‘no’ and “never” again,”"]]),
        ("apostrophes", "Don’t ask about the ’90s or rock ’n’ roll, journalists’ ideas.", &[]),
        ("stray right single", "Peskov spoke of journalists ’interest in it.", &[]),
        ("missing opening mark", "Intro.\nWe are moving forward, and we have something to share ” He expressed.", &[&["We are moving forward, and we have something to share ”"]]),
        ("never closed", "“We will win the race\nNext paragraph.", &[&["“We will win the race"]]),
        ("multi paragraph", "“First part.\n“Second part.\n“Third part,” she said.", &[&["“First part.", "“Second part.", "“Third part,”"]]),
        ("split by tag", "“A,” he said, “B.”", &[&["“A,”"], &["“B.”"]]),
        ("mixed styles", "“Immunity deals should go,\" he said.", &[&["“Immunity deals should go,\""]]),
        ("double apostrophes", "Not paying taxes ''makes me smart,'' he said.", &[&["''makes me smart,''"]]),
        ("elisions", "“’Tis late for ’em,” he said. 'Twas so.", &[&["“’Tis late for ’em,”"]]),
        ("italics", "He said _\"never\"_ twice.", &[&["\"never\""]]),
        ("british", "‘I took the boys’ books home,’ said he, ‘and “Mr. Brown” saw me.’", &[&["‘I took the boys’ books home,’"], &["‘and “Mr. Brown” saw me.’"]]),
        ("british straight", "'I was goin' home,' said he. 'Don't stop.'", &[&["'I was goin' home,'"], &["'Don't stop.'"]]),
        ("british scare quote", "‘A ‘virtual’ test,’ he said. ‘No.’", &[&["‘A ‘virtual’ test,’"], &["‘No.’"]]),
        ("headline scare quote", "'Chaos' reigns. 'Carson is cratering' while Trump rises.", &[&["'Chaos'"], &["'Carson is cratering'"]]),
        ("title in a headline", "Only ‘One or Two Instances’ where ‘Donations Slipped.’", &[&["‘One or Two Instances’"], &["‘Donations Slipped.’"]]),
        ("quote before a preposition", "Trump Is Right, ‘Thousands of Shootings’ in Chicago.", &[&["‘Thousands of Shootings’"]]),
        ("british untagged", "‘Go home’ he said. ‘Now.’", &[&["‘Go home’"], &["‘Now.’"]]),
        ("british nested left open", "‘He said “no to me,’ she said. ‘Yes.’ ‘No.’", &[&["‘He said “no to me,’"], &["‘Yes.’"], &["‘No.’"]]),
        ("british multi paragraph", "‘First part.\n‘Second part,’ she said. ‘Yes.’", &[&["‘First part.", "‘Second part,’"], &["‘Yes.’"]]),
        ("single left open in double text", "“Yes,” he said. ‘Maybe\nNext.", &[&["“Yes,”"]]),
        ("empty", "", &[]),
        ("only marks", "” “ ” \"", &[]),
    ];

    #[test]
    fn every_mark_style_apostrophe_and_repair() {
        for (case, text, want) in CASES {
            let want: Vec<Vec<&str>> = want.iter().map(|q| q.to_vec()).collect();
            assert_eq!(quotes(text), want, "{case}");
        }
    }

    #[test]
    fn many_unmatched_marks_do_not_blow_up() {
        let text = "“a ".repeat(100_000);
        let q = quotes(&text);
        assert_eq!(q.len(), 1);
        let deep = format!("{}x{}", "“".repeat(1000), "”".repeat(1000));
        assert_eq!(quotes(&deep).len(), 1);
        // Every `boys’ books` in an open quote is an apostrophe to test;
        // each test looks at a few tokens, not at the whole quote.
        let possessives = format!("‘a {}", "boys’ books ".repeat(100_000));
        assert!(quotes(&possessives).is_empty());
    }
}
