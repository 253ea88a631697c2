//! Which language a text is written in, told from its function words.
//!
//! Every language folder has a `function_words.txt`: its ~150 most frequent
//! articles, prepositions, pronouns, conjunctions and auxiliaries. A text's
//! words are looked up in all the lists at once; each hit counts for every
//! language whose list holds the word, weighted by one over the number of
//! such languages (`de` is Spanish, Portuguese, Italian, French and Dutch;
//! `der` is German only); a word with a letter only some of the languages
//! write (`ő`, `ñ`, `ã`, `ß`) adds a little to theirs. The language with the
//! highest score wins when the score is high enough, rests on at least two
//! function words, and is clearly ahead of the next; otherwise the text is
//! `unknown` (too short, or in a language without a list).
//!
//! Function words were chosen over a detection crate (`whatlang`,
//! `lingua`) because the lexicon folders already hold them, so a language
//! the engine can read is a language it can detect, with nothing new to
//! download or compile; and because news paragraphs are long enough that
//! function words decide almost all of them (see the tests, and
//! `docs/LANGUAGES.md` for the measured accuracy and cost).
//!
//! ```
//! let d = quotewise::detect_language("Der Minister sagte, er sei mit dem Ergebnis zufrieden.");
//! assert_eq!(d.code(), "de");
//! assert_eq!(quotewise::detect_language("OK.").code(), "unknown");
//! ```

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// The function-word lists compiled in: a language code and its list.
/// Adding a language is adding `lang/<code>/function_words.txt` and a line
/// here (the lexicon registry will take this list over).
const LISTS: &[(&str, &str)] = &[
    ("en", include_str!("../lang/en/function_words.txt")),
    ("de", include_str!("../lang/de/function_words.txt")),
    ("fr", include_str!("../lang/fr/function_words.txt")),
    ("es", include_str!("../lang/es/function_words.txt")),
    ("it", include_str!("../lang/it/function_words.txt")),
    ("pt", include_str!("../lang/pt/function_words.txt")),
    ("nl", include_str!("../lang/nl/function_words.txt")),
    ("hu", include_str!("../lang/hu/function_words.txt")),
];

/// Letters that only some of the languages write, with those languages: a
/// word holding one adds [`LETTER_WEIGHT`] to their scores (split between
/// them), which decides short paragraphs whose function words are shared
/// (Hungarian `a`, `az`; Spanish and Portuguese `que`, `de`). Letters all
/// or most of them write (`é`, `á`) tell nothing and are left out.
const LETTERS: &[(char, &[&str])] = &[
    ('ő', &["hu"]),
    ('ű', &["hu"]),
    ('ñ', &["es"]),
    ('ã', &["pt"]),
    ('õ', &["pt"]),
    ('ß', &["de"]),
    ('ä', &["de"]),
    ('ì', &["it"]),
    ('ò', &["it"]),
    ('ë', &["nl", "fr"]),
    ('ö', &["de", "hu"]),
    ('ü', &["de", "hu"]),
    ('ç', &["fr", "pt"]),
    ('ê', &["fr", "pt"]),
    ('ô', &["fr", "pt"]),
    ('â', &["fr", "pt"]),
    ('è', &["fr", "it"]),
    ('ù', &["fr", "it"]),
];

/// What a word with a telling letter adds to the scores, in all.
const LETTER_WEIGHT: f64 = 0.5;

/// At most this many languages (one bit each in a word's mask).
const MAX_LANGUAGES: usize = 16;
const _: () = assert!(LISTS.len() <= MAX_LANGUAGES);

/// The least weighted score a language needs to be named.
const MIN_SCORE: f64 = 1.2;
/// The least function words of its list a language needs to be named
/// (letters alone never name one: Swedish writes `ä`, Turkish `ö`).
const MIN_HITS: u32 = 2;
/// How far ahead of the next language the winner must be (a ratio).
const MIN_LEAD: f64 = 1.5;
/// How far ahead of a language another must be for a stretch too short to
/// name its language to rule that one out ([`Stretch::rules_out`]).
const RULES_OUT: f64 = 3.0;
/// A document's language is told from its first this many bytes (rounded
/// to a char boundary): enough for any news article's language, and a
/// bound on the cost for long texts.
pub(crate) const DOCUMENT_PREFIX: usize = 16 * 1024;
/// A document's reading stops early once the best language has this score
/// and this lead over the next (a ratio): about 60 words of English or
/// German news.
const SETTLED_SCORE: f64 = 12.0;
const SETTLED_LEAD: f64 = 3.0;

/// The code reported for a text whose language is not known.
pub const UNKNOWN: &str = "unknown";

/// The codes of the languages that can be detected (`en`, `de`, …).
pub fn detectable_languages() -> impl Iterator<Item = &'static str> {
    LISTS.iter().map(|(code, _)| *code)
}

/// The parsed lists: every word (lower case) with the languages that list
/// it and its weight.
struct Table {
    words: HashMap<&'static str, Entry>,
    /// The languages each telling letter points to (a mask).
    letters: HashMap<char, u16>,
    /// The longest listed word, in bytes: longer words are not looked up.
    max_len: usize,
}

#[derive(Clone, Copy)]
struct Entry {
    mask: u16,
    weight: f64,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut masks: HashMap<&'static str, u16> = HashMap::default();
    for (k, (_, list)) in LISTS.iter().enumerate() {
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            *masks.entry(line).or_default() |= 1 << k;
        }
    }
    let max_len = masks.keys().map(|w| w.len()).max().unwrap_or(0);
    let letters = LETTERS
        .iter()
        .map(|&(c, codes)| {
            let mask = codes.iter().fold(0u16, |m, code| {
                let k = LISTS
                    .iter()
                    .position(|(c, _)| c == code)
                    .expect("a letter's language has a list");
                m | 1 << k
            });
            (c, mask)
        })
        .collect();
    let words = masks
        .into_iter()
        .map(|(w, mask)| {
            let weight = 1.0 / f64::from(mask.count_ones());
            (w, Entry { mask, weight })
        })
        .collect();
    Table {
        words,
        letters,
        max_len,
    }
});

/// The evidence for one language in a [`Detection`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LanguageScore {
    /// The language code (`de`).
    pub code: String,
    /// How many of the text's words are on the language's list.
    pub hits: usize,
    /// The hits, each weighted by one over the number of languages that
    /// list the word.
    pub score: f64,
}

/// What [`detect_language`] found: the language, if any, and its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Detection {
    /// The language code (`de`), or `None` when the evidence does not
    /// decide (see [`Detection::code`]).
    pub language: Option<String>,
    /// The words read.
    pub words: usize,
    /// Every language with at least one hit, best first.
    pub scores: Vec<LanguageScore>,
}

impl Detection {
    /// The language code, or `"unknown"`.
    pub fn code(&self) -> &str {
        self.language.as_deref().unwrap_or(UNKNOWN)
    }
}

/// A paragraph of a text and its language, from
/// [`detect_paragraph_languages`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ParagraphLanguage {
    /// Byte offset of the paragraph's first character.
    pub start: usize,
    /// Byte offset just past the paragraph's last character.
    pub end: usize,
    /// The paragraph's language.
    pub detection: Detection,
}

/// The scores of one stretch of text, per language of [`LISTS`].
#[derive(Clone, Copy, Default)]
struct Tally {
    words: usize,
    hits: [u32; MAX_LANGUAGES],
    score: [f64; MAX_LANGUAGES],
}

impl Tally {
    fn of(text: &str) -> Tally {
        Tally::read(text, false)
    }

    /// The tally of `text`; with `early`, stopped as soon as one language
    /// is far ahead ([`Tally::settled`]), checked every 32 words.
    fn read(text: &str, early: bool) -> Tally {
        let table = &*TABLE;
        let mut tally = Tally::default();
        let mut lower = String::new();
        for word in words(text) {
            tally.words += 1;
            if early && tally.words % 32 == 0 && tally.settled() {
                break;
            }
            if !word.is_ascii() {
                let mask = word
                    .chars()
                    .filter(|c| !c.is_ascii())
                    .filter_map(|c| table.letters.get(&c))
                    .fold(0, |m, &x| m | x);
                if mask != 0 {
                    tally.add_letters(mask);
                }
            }
            if word.len() > table.max_len && !word.contains(['\'', '’']) {
                continue;
            }
            let w = lowercase(word, &mut lower);
            if let Some(&e) = table.words.get(w) {
                tally.add(e);
                continue;
            }
            // An elided article or pronoun on its word (`l'État`,
            // `qu'il`, `dell'Istat`): the part up to the apostrophe.
            if let Some(k) = w.find(['\'', '’']) {
                let apostrophe = w[k..].chars().next().map_or(1, char::len_utf8);
                if let Some(&e) = table.words.get(&w[..k + apostrophe]) {
                    tally.add(e);
                }
            }
        }
        tally
    }

    /// A word with letters only the languages of `mask` write.
    fn add_letters(&mut self, mask: u16) {
        let weight = LETTER_WEIGHT / f64::from(mask.count_ones());
        let mut m = mask;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            self.score[k] += weight;
            m &= m - 1;
        }
    }

    fn add(&mut self, e: Entry) {
        let mut mask = e.mask;
        while mask != 0 {
            let k = mask.trailing_zeros() as usize;
            self.hits[k] += 1;
            self.score[k] += e.weight;
            mask &= mask - 1;
        }
    }

    /// One language is so far ahead that reading on would not change the
    /// winner of a news text.
    fn settled(&self) -> bool {
        let (top, second) = self.top_two();
        top >= SETTLED_SCORE && top >= SETTLED_LEAD * second
    }

    /// The highest score and the next one.
    fn top_two(&self) -> (f64, f64) {
        let (mut top, mut second) = (0.0, 0.0);
        for &s in &self.score[..LISTS.len()] {
            if s > top {
                second = top;
                top = s;
            } else if s > second {
                second = s;
            }
        }
        (top, second)
    }

    /// The index in [`LISTS`] of the winning language, if one wins.
    fn winner(&self) -> Option<usize> {
        let n = LISTS.len();
        let mut best = 0;
        for k in 1..n {
            if self.score[k] > self.score[best] {
                best = k;
            }
        }
        let second = (0..n)
            .filter(|&k| k != best)
            .map(|k| self.score[k])
            .fold(0.0, f64::max);
        let top = self.score[best];
        (top >= MIN_SCORE && self.hits[best] >= MIN_HITS && top >= MIN_LEAD * second)
            .then_some(best)
    }

    fn detection(&self) -> Detection {
        let mut scores: Vec<LanguageScore> = LISTS
            .iter()
            .enumerate()
            .filter(|&(k, _)| self.hits[k] > 0)
            .map(|(k, (code, _))| LanguageScore {
                code: code.to_string(),
                hits: self.hits[k] as usize,
                score: (self.score[k] * 1000.0).round() / 1000.0,
            })
            .collect();
        scores.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.hits.cmp(&a.hits)));
        Detection {
            language: self.winner().map(|k| LISTS[k].0.to_string()),
            words: self.words,
            scores,
        }
    }
}

/// The words of `text`: runs of letters, with inner apostrophes kept
/// (`qu'il`); hyphens split (`a-t-il` is `a`, `t`, `il`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’')))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

/// `word` in lower case: itself when it has no capitals, else written
/// into `buf`.
fn lowercase<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buf.clear();
        buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return buf;
    }
    if !word.chars().any(char::is_uppercase) {
        return word;
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    buf
}

/// The language of `text`, from its function words, with the evidence.
///
/// ```
/// let d = quotewise::detect_language("« Nous ne reculerons pas », a déclaré le président.");
/// assert_eq!(d.code(), "fr");
/// assert_eq!(d.scores[0].code, "fr");
/// ```
pub fn detect_language(text: &str) -> Detection {
    Tally::of(text).detection()
}

/// The language of a document: from its first [`DOCUMENT_PREFIX`] bytes,
/// without building the evidence.
pub(crate) fn document_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(DOCUMENT_PREFIX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Tally::read(&text[..end], true).winner().map(|k| LISTS[k].0)
}

/// What a short stretch of text (a paragraph), read whole, says about its
/// language, without building the evidence.
#[derive(Clone, Copy)]
pub(crate) struct Stretch {
    tally: Tally,
}

impl Stretch {
    pub(crate) fn of(text: &str) -> Stretch {
        Stretch {
            tally: Tally::of(text),
        }
    }

    /// The stretch's language, if it can be told.
    pub(crate) fn language(&self) -> Option<&'static str> {
        self.tally.winner().map(|k| LISTS[k].0)
    }

    /// Does the stretch lean clearly to a language other than `code`, even
    /// where it is too short to be named (`«Nadie sabe lo que va a
    /// pasar».`: Spanish ahead of French by too little, English nowhere)?
    /// The leading language must score at least one word of its own
    /// (`what`: a word no other list holds) and [`RULES_OUT`] times
    /// `code`'s.
    pub(crate) fn rules_out(&self, code: &str) -> bool {
        let Some(k) = LISTS.iter().position(|(c, _)| *c == code) else {
            return false;
        };
        let t = &self.tally;
        (0..LISTS.len()).any(|b| {
            b != k && t.hits[b] >= 1 && t.score[b] >= 1.0 && t.score[b] >= RULES_OUT * t.score[k]
        })
    }
}

/// The paragraphs of `text` with the language of each. Paragraphs are
/// separated by blank lines when the text has any (hard-wrapped books,
/// most articles), else by line breaks (one paragraph a line). A paragraph
/// too short to tell is `unknown`: take the document's language for it.
///
/// ```
/// let text = "„Wir geben nicht auf“, sagte der Minister.\n\n« Personne ne sait ce qui va se passer. »";
/// let codes: Vec<String> = quotewise::detect_paragraph_languages(text)
///     .iter()
///     .map(|p| p.detection.code().to_string())
///     .collect();
/// assert_eq!(codes, ["de", "fr"]);
/// ```
pub fn detect_paragraph_languages(text: &str) -> Vec<ParagraphLanguage> {
    paragraphs(text)
        .map(|(start, end)| ParagraphLanguage {
            start,
            end,
            detection: detect_language(&text[start..end]),
        })
        .collect()
}

/// The stretches of a document in different languages, for reading each
/// with its own lexicon: the byte range of each and its language, in text
/// order, covering the whole text. `None` (read the document as it was)
/// unless its paragraphs hold at least two languages that can be told, or
/// the document's own `language` could not be told and its paragraphs
/// tell one (then that one, as a single stretch).
///
/// Reading every paragraph costs a pass over the text, so it is only done
/// where a paragraph is likely in another language: in a document whose
/// own language could not be told (`language` is `None`: two languages
/// about even), or where one of the `suspect` paragraphs (those holding a
/// quote nobody was found to have said; `suspect` is asked with each
/// paragraph's byte range) can be told and is not in `language`.
/// Paragraphs too short to tell belong to the stretch before them (the
/// first ones to the stretch after). In a document whose language is
/// known, a paragraph is in another only when it leans clearly away from
/// it ([`Stretch::rules_out`]), whether or not it can be told: a short
/// `“Yes,” he said.` after a French paragraph of an English novel is
/// English.
pub(crate) fn language_runs(
    text: &str,
    language: Option<&str>,
    mut suspect: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<(std::ops::Range<usize>, &'static str)>> {
    let paragraphs: Vec<(usize, usize)> = paragraphs(text).collect();
    if paragraphs.len() < 2 {
        return None;
    }
    if let Some(l) = language {
        let elsewhere = paragraphs.iter().any(|&(a, b)| {
            suspect(a, b) && {
                let s = Stretch::of(&text[a..b]);
                s.language().is_some_and(|m| m != l) && s.rules_out(l)
            }
        });
        if !elsewhere {
            return None;
        }
    }
    let stretches: Vec<Stretch> = paragraphs
        .iter()
        .map(|&(a, b)| Stretch::of(&text[a..b]))
        .collect();
    let first = stretches.iter().find_map(Stretch::language)?;
    // The document's language as a code of the detector's (a language
    // without a word list has no stretches to go back to).
    let home = language.and_then(|l| LISTS.iter().map(|&(c, _)| c).find(|&c| c == l));
    let mut runs: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    let mut current = first;
    for (&(start, _), stretch) in paragraphs.iter().zip(&stretches) {
        let l = match (stretch.language(), home) {
            // In a document of a known language, a paragraph is in another
            // only when it leans clearly away from it (`“So am I. Grand
            // girl.”` has as many German words as English ones).
            (Some(l), Some(home)) if l != home && !stretch.rules_out(home) => home,
            (Some(l), _) => l,
            // One too short to tell stays in it unless it leans away.
            (None, Some(home)) if current != home && !stretch.rules_out(home) => home,
            (None, _) => current,
        };
        current = l;
        match runs.last_mut() {
            Some((_, last)) if *last == l => {}
            Some((range, _)) => {
                range.end = start;
                runs.push((start..text.len(), l));
            }
            None => runs.push((0..text.len(), l)),
        }
    }
    (runs.len() > 1 || language.is_none()).then_some(runs)
}

/// The byte ranges of the paragraphs of `text`, trimmed, empty ones left
/// out.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let blank_lines = has_blank_line(text);
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let len = if blank_lines {
            next_blank_line(rest).unwrap_or(rest.len())
        } else {
            rest.find('\n').unwrap_or(rest.len())
        };
        let (start, piece) = (pos, &rest[..len]);
        pos += len + usize::from(len < rest.len());
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            return Some((start + lead, start + lead + trimmed.len()));
        }
    })
}

fn has_blank_line(text: &str) -> bool {
    next_blank_line(text).is_some()
}

/// The offset of the first line break that ends a paragraph: one followed
/// by a line of only spaces.
fn next_blank_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find('\n').map(|k| k + from) {
        let mut j = k + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'\n' {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($($name:ident: $text:expr => $code:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    let d = detect_language($text);
                    assert_eq!(d.code(), $code, "{:?}: {:?}", $text, d.scores);
                }
            )*
        };
    }

    // Short news paragraphs, one or two sentences, in each language.
    t! {
        english: "“We will not back down,” the union leader said on Thursday, adding that the strike would go on." => "en";
        english_indirect: "According to the ministry, the plan has failed and there is no money left for it." => "en";
        german: "„Wir werden die Reform nicht aufgeben“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin." => "de";
        german_indirect: "Der Minister sagte, er sei mit dem Ergebnis zufrieden, und kündigte neue Gespräche an." => "de";
        german_laut: "Laut Innenministerin Nancy Faeser ist die Lage an den Grenzen angespannt." => "de";
        french: "« Nous ne reculerons pas », a déclaré Emmanuel Macron mardi devant les députés." => "fr";
        french_indirect: "Selon le porte-parole du gouvernement, le texte sera présenté en conseil des ministres." => "fr";
        spanish: "«No vamos a subir los impuestos», dijo el presidente del Gobierno en el Congreso." => "es";
        spanish_indirect: "Según la ministra de Hacienda, el déficit bajará este año por el aumento de los ingresos." => "es";
        italian: "«Il governo andrà avanti fino alla fine della legislatura», ha detto la premier." => "it";
        italian_indirect: "Secondo il presidente dell'Istat, l'occupazione è cresciuta a settembre nel Nord." => "it";
        portuguese: "«O Governo não vai aumentar os impostos», disse o primeiro-ministro aos jornalistas." => "pt";
        portuguese_indirect: "Segundo a ministra da Saúde, as urgências vão reabrir em dezembro com mais médicos." => "pt";
        dutch: "„We gaan de belastingen niet verhogen”, zei de premier dinsdag na de ministerraad." => "nl";
        dutch_indirect: "Volgens de minister van Financiën daalt het begrotingstekort volgend jaar." => "nl";
        hungarian: "„Magyarország nem enged a nyomásnak” – mondta Orbán Viktor a kormányinfón." => "hu";
        hungarian_indirect: "Putyin szerint a nyugati szankciók nem érték el a céljukat, és ez így is marad." => "hu";
        hungarian_short: "„A döntés végleges” – tette hozzá a miniszter." => "hu";
        // Languages without a list stay unknown, though they share words
        // and letters with listed ones.
        swedish: "Regeringen säger att den nya lagen ska gälla från januari." => "unknown";
        polish: "Premier powiedział, że rząd nie zmieni ustawy przed wyborami." => "unknown";
        turkish: "Bakan, hükümetin yeni yasayı önümüzdeki ay açıklayacağını söyledi." => "unknown";
        too_short: "OK." => "unknown";
        no_words: "1234 — 5678" => "unknown";
        names_only: "Olaf Scholz, Emmanuel Macron." => "unknown";
    }

    #[test]
    fn capitals_and_elisions_count() {
        // Sentence-initial capitals are lower-cased; `l'`, `qu'` and `dell'`
        // on their words are counted.
        assert_eq!(
            detect_language("L'État a dit qu'il ne céderait pas.").code(),
            "fr"
        );
        assert_eq!(
            detect_language("DER MINISTER SAGTE, DASS ER NICHT KOMMT.").code(),
            "de"
        );
    }

    #[test]
    fn evidence_is_best_first() {
        let d = detect_language("Der Minister sagte, er sei mit dem Ergebnis zufrieden.");
        assert_eq!(d.language.as_deref(), Some("de"));
        assert!(d.words >= 8);
        assert_eq!(d.scores[0].code, "de");
        assert!(d.scores.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(d.scores[0].hits >= 4);
    }

    #[test]
    fn paragraphs_of_a_mixed_document() {
        let text = "„Wir werden die Reform nicht aufgeben“, sagte der Minister.\n\n\
                    « Personne ne sait ce qui va se passer », a dit la maire.\n  \n\
                    “Nobody knows what comes next,” she said.";
        let p = detect_paragraph_languages(text);
        let codes: Vec<&str> = p.iter().map(|p| p.detection.code()).collect();
        assert_eq!(codes, ["de", "fr", "en"]);
        assert!(text[p[0].start..p[0].end].starts_with('„'));
        assert!(text[p[1].start..p[1].end].ends_with("maire."));
        assert!(text[p[2].start..p[2].end].starts_with('“'));
    }

    #[test]
    fn lines_are_paragraphs_without_blank_lines() {
        let text = "Der Minister sagte, er sei mit dem Ergebnis zufrieden.\n\
                    Le ministre a dit qu'il était satisfait du résultat.";
        let codes: Vec<String> = detect_paragraph_languages(text)
            .iter()
            .map(|p| p.detection.code().to_string())
            .collect();
        assert_eq!(codes, ["de", "fr"]);
    }

    #[test]
    fn paragraph_offsets_on_edge_texts() {
        assert!(detect_paragraph_languages("").is_empty());
        assert!(detect_paragraph_languages("\n\n \n").is_empty());
        let p = detect_paragraph_languages("  ünd  ");
        assert_eq!((p[0].start, p[0].end), (2, 6));
    }

    #[test]
    fn a_document_is_read_from_its_start() {
        let long = "Der Minister sagte, er sei zufrieden. ".repeat(2000);
        assert!(long.len() > DOCUMENT_PREFIX);
        assert_eq!(document_language(&long), Some("de"));
        // A char boundary past the prefix is found.
        let multibyte = "ő".repeat(DOCUMENT_PREFIX);
        assert_eq!(document_language(&multibyte), None);
    }

    #[test]
    fn every_list_parses_and_is_lower_case() {
        for (code, list) in LISTS {
            let words: Vec<&str> = list
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert!(words.len() >= 100, "{code}: {} words", words.len());
            for w in words {
                assert_eq!(w, w.to_lowercase(), "{code}: {w:?} is not lower case");
                assert!(!w.contains('\t'), "{code}: {w:?} has a tab");
            }
        }
    }
}
