//! The quote scanner: pairs quotation marks into quoted spans.
//!
//! Every common style pairs: “…” "…" „…“ „…” «…» »…« ‹…› 「…」 『…』 ‘…’ '…'.
//! Marks pair on a stack per paragraph, so quotes nest; only outermost quotes
//! are reported (inner ones are part of their content).
//!
//! * Apostrophes are not marks: `’` and `'` close a quote only when a single
//!   quote is open; inside words (`don’t`), before digits (`’90s`) and in
//!   `rock ’n’ roll` they never pair.
//! * A quote whose paragraph ends while it is open continues when the next
//!   paragraph opens again (a multi-paragraph quote: one quote, one piece a
//!   paragraph); otherwise it ends at the paragraph end.
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

/// Finds every outermost quoted span.
pub(crate) fn scan(t: &Text) -> Vec<Quoted> {
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
            let open_ch = t.tokens[q.pieces[q.pieces.len() - 1].first].kind;
            let first_opens = matches!(t.tokens[para.start].kind, Kind::Mark(c) if opens(c) && (c == '"') == (open_ch == Kind::Mark('"')));
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
                    let top_single = stack.last().is_some_and(|o| o.family == Family::Single);
                    if top_single && can_close && c != '‘' && !is_apostrophe_use(t, i) {
                        let open = stack.pop().expect("top exists");
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
        // Single quotes left open were apostrophes; the outermost double
        // quote left open runs to the paragraph end, and may continue.
        if let Some(open) = stack.iter().find(|o| o.family == Family::Double).copied() {
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

fn opens(c: char) -> bool {
    matches!(c, '“' | '„' | '"' | '«' | '‹' | '「' | '『')
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
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
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

/// `’90s`, `rock ’n’ roll`: a single mark used as an apostrophe.
fn is_apostrophe_use(t: &Text, i: usize) -> bool {
    let tok = t.tokens[i];
    let after = &t.text[tok.end..];
    let before = &t.text[..tok.start];
    let mut a = after.chars();
    if a.next().is_some_and(|c| c.is_ascii_digit()) && a.next().is_some_and(|c| c.is_ascii_digit())
    {
        return true;
    }
    // rock ’n’ roll, ’em, ’til
    let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    if t.lex.is(Class::ElidedWord, word.as_str()) {
        return true;
    }
    // the n’ of ’n’
    before.ends_with(" n") || before.ends_with("’n") || before.ends_with("'n")
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
    }
}
