//! Structure-aware fuzz input: raw bytes choose a sequence of pieces of
//! news and fiction prose (names, titles, roles, pronouns, reporting verbs,
//! according-to markers, quotation marks, clauses, punctuation, dashes, line
//! and paragraph breaks, in English and the languages being added), which
//! are joined into a text. Random bytes seldom spell `according` followed
//! by a line break and a clause; a sequence of pieces does it in three
//! choices, so the fuzzer reaches the attribution sieves instead of the
//! tokenizer.
//!
//! Shared by the `extract_sentences` fuzz target and the replay of its
//! regressions (`tests/fuzz_regressions.rs`), so a saved input means the
//! same text to both. Changing a list below changes what saved inputs
//! spell: a crash found this way is also saved as plain text in
//! `fuzz/regressions/extract/`, which no list change can alter.

use arbitrary::Unstructured;
use std::sync::LazyLock;

/// One kind of piece: its words.
type Class = &'static LazyLock<Vec<&'static str>>;

macro_rules! list {
    ($name:ident = $($item:expr),+ $(,)?) => {
        static $name: LazyLock<Vec<&'static str>> = LazyLock::new(|| vec![$($item),+]);
    };
}

#[rustfmt::skip]
list!(NAMES =
    "Jane Smith", "Smith", "Jane", "Vladimir Putin", "Putin", "Dmitry Peskov", "Mary",
    "Anne Elliot", "Mr. Darcy", "Angela Merkel", "Emmanuel Macron", "Viktor Orbán", "Pedro Sánchez",
    "Giorgia Meloni", "Mark Rutte", "Lula", "the Kremlin", "Reuters", "The New York Times",
    "O’Brien", "Jean-Luc Picard", "Smith’s", "Sanders’", "JANE SMITH", "Osama bin Laden",
    "Bank of America", "Kelly", "Crowdpac",
);
#[rustfmt::skip]
list!(PRONOUNS =
    "he", "He", "she", "She", "they", "They", "it", "It", "I", "we", "We", "you", "his", "her",
    "their", "him", "er", "Er", "sie", "Sie", "il", "Il", "elle", "Elle", "él", "ella", "lui",
    "lei", "ele", "ela", "hij", "Hij", "zij", "ő", "Ő",
);
#[rustfmt::skip]
list!(CUES =
    "said", "says", "say", "told", "told reporters", "added", "asked", "wrote", "tweeted",
    "has said", "will say", "said on Tuesday", "said in a statement", "said that", "told him",
    "according to", "According to", "according", "According", "to", "per", "Per", "citing",
    "quoted as saying", "is quoted", "in an interview", "sagte", "sagt", "erklärte", "betonte",
    "laut", "Laut", "zufolge", "so", "a déclaré", "a dit", "selon", "Selon", "d’après", "dijo",
    "afirmó", "según", "Según", "ha detto", "ha dichiarato", "secondo", "Secondo", "disse",
    "afirmou", "segundo", "Segundo", "de acordo com", "zei", "zegt", "volgens", "Volgens", "mondta",
    "közölte", "szerint",
);
#[rustfmt::skip]
list!(DETERMINERS =
    "the", "The", "a", "A", "an", "two", "several", "some", "many", "other", "his", "her", "their",
    "its", "this", "these", "both", "most", "top", "der", "die", "le", "la", "el", "il", "o", "de",
    "het", "a", "az",
);
#[rustfmt::skip]
list!(MARKS =
    "\"", "'", "''", "“", "”", "„", "‟", "‘", "’", "‚", "«", "»", "‹", "›", "「", "」", "『", "』",
    "« ", " »", "«\u{a0}", "\u{a0}»",
);
#[rustfmt::skip]
list!(CLAUSES =
    "we will win", "the plan failed", "that the plan failed", "it is over", "to custom",
    "in being on the hedge side", "on Tuesday", "in a statement", "last week",
    "the economy is strong and growing", "who is running", "is", "was", "not", "very",
    "Mary began to complain of it", "and lament her being ill-used", "everyone starts out",
    "on their own", "the students", "if it works", "whether to go", "to the press",
    "the Russian leader", "a senior official", "foreign policy aide", "43 percent of it",
    "wir gewinnen", "nous gagnerons", "ganaremos", "vinceremo", "vamos vencer", "we winnen",
    "nyerünk", "ok", "no", "yes",
);
#[rustfmt::skip]
list!(CONNECTIVES =
    "that", "if", "whether", "and", "but", "who", "which", "as", "because", "when", "dass", "que",
    "che", "dat", "hogy", "und", "et", "y", "e", "en", "és",
);
#[rustfmt::skip]
list!(PUNCTUATION =
    ",", ".", ":", ";", "?", "!", "…", "...", "(", ")", "[", "]", "/", "&", "—", "–", "-", "--",
    "―", " — ", " – ", " - ", ",”", ".”", ",\"", "¿", "¡",
);
#[rustfmt::skip]
list!(BREAKS =
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " \n", "\n— ", "\n– ", "\n- ", "\n―", "\t", "\u{2028}",
    "\u{2029}",
);
list!(SENTENCES =
    "“We will win,” Jane Smith said.",
    "“We will win,” said Jane Smith, the spokeswoman.",
    "According to officials, the plan failed.",
    "The plan failed, according to two officials.",
    "Mary began to complain of it, and lament her being ill-used, according\nto custom, in being on the hedge side.",
    "“A,” he said, “B.”",
    "Putin said the plan failed.",
    "Smith told reporters that the plan failed.",
    "He asked the students if it works.",
    ", said Jane.",
    "Smith: “We will win.”",
    "JANE SMITH: We will win.",
    "“First part.\n\n“Second part,” she said.",
    "— Wir gewinnen, sagte Merkel.",
    "„Wir gewinnen“, sagte Merkel.",
    "Laut Merkel gewinnen wir.",
    "« Nous gagnerons », a déclaré Macron.",
    "Selon Macron, nous gagnerons.",
    "—Ganaremos —dijo Sánchez.",
    "Según Sánchez, ganaremos.",
    "«Vinceremo», ha detto Meloni.",
    "“Vamos vencer”, disse Lula.",
    "„We winnen”, zei Rutte.",
    "„Nyerünk” – mondta Orbán.",
    "Orbán szerint nyerünk.",
);

/// Every form of every reporting verb of the engine, with its particles.
static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../lang/en/reporting_verbs.txt"))
        .flat_map(|line| {
            let mut cols = line.split('\t').skip(1);
            let forms = cols.next().unwrap_or_default().split(' ');
            forms.chain(cols.next().map(|p| p.trim_start_matches('+')))
        })
        .collect()
});

/// Every title of the engine (`Mr.`, `Sen.`).
static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../lang/en/titles.txt"))
        .filter_map(|line| line.split('\t').next())
        .collect()
});

/// Every role noun of the engine, singular and plural.
static ROLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../lang/en/roles.txt"))
        .flat_map(|line| line.split('\t').take(2))
        .collect()
});

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The piece classes, in the order a choice byte indexes them; one more
/// index (`CLASSES.len()`) stands for one arbitrary character.
static CLASSES: [Class; 14] = [
    &NAMES,
    &PRONOUNS,
    &CUES,
    &VERBS,
    &TITLES,
    &ROLES,
    &DETERMINERS,
    &MARKS,
    &CLAUSES,
    &CONNECTIVES,
    &PUNCTUATION,
    &BREAKS,
    &SENTENCES,
    // Marks again: they open and close every quote, so they are drawn
    // twice as often as any other class.
    &MARKS,
];

/// The longest text assembled (bytes), so that a long input costs one
/// extraction of a few kilobytes, not more.
pub const MAX_TEXT: usize = 4096;

/// Assembles a text from `data`. Each piece costs a choice byte (bits 0-6
/// pick the class, modulo their number plus one; bit 7 glues the piece to
/// the text before it, else a space separates them unless the text ends in
/// white space) and one or two bytes picking the piece in its class. Every
/// input gives a text; the empty input gives the empty text.
pub fn assemble(data: &[u8]) -> String {
    let mut u = Unstructured::new(data);
    let mut text = String::new();
    while !u.is_empty() && text.len() < MAX_TEXT {
        let Ok(choice) = u.arbitrary::<u8>() else {
            break;
        };
        let glue = choice & 0x80 != 0;
        let class = usize::from(choice & 0x7f) % (CLASSES.len() + 1);
        let piece: String = match CLASSES.get(class) {
            Some(c) => match u.choose(c) {
                Ok(p) => (*p).to_string(),
                Err(_) => break,
            },
            None => match u.arbitrary::<char>() {
                Ok(c) => c.to_string(),
                Err(_) => break,
            },
        };
        let after_space = text.is_empty() || text.ends_with(char::is_whitespace);
        if !glue && !after_space && !piece.starts_with(char::is_whitespace) {
            text.push(' ');
        }
        text.push_str(&piece);
    }
    text
}

/// The input that [`assemble`] turns into `pieces` joined by spaces, when
/// each piece is in some class: for tests and for writing seeds.
pub fn encode(pieces: &[&str]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for piece in pieces {
        let (class, index) = CLASSES
            .iter()
            .enumerate()
            .find_map(|(k, c)| c.iter().position(|p| p == piece).map(|index| (k, index)))?;
        out.push(class as u8);
        let len = CLASSES[class].len();
        // `Unstructured::choose` reads the index big-endian in as many
        // bytes as the list's length needs (one up to 256 pieces).
        if len > 256 {
            out.extend_from_slice(&(index as u16).to_be_bytes());
        } else {
            out.push(index as u8);
        }
    }
    Some(out)
}
