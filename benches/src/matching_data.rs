//! Deterministic synthetic data for the entity-matching benchmarks: person
//! names, news text with those names inserted, misspelled-name queries,
//! ordinary capitalised words, and a gazetteer of a million aliases.
//!
//! Nothing here is random between runs: every generator uses [`Rng`] with a
//! fixed seed, so our matcher and the peers see byte-identical input.

use std::collections::HashSet;
use std::fmt::Write as _;

/// splitmix64: small, fast, deterministic.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &str = "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Edward Sharon Jason Laura Jeffrey Cynthia Ryan Kathleen Jacob Amy Gary Angela Nicholas Shirley Eric Anna Jonathan Brenda Stephen Pamela Larry Emma Justin Nicole Scott Helen Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel Frank Carolyn Patrick Janet Raymond Catherine Jack Maria Dennis Heather Jerry Diane Tyler Ruth Aaron Julie Jose Olivia Adam Joyce Nathan Virginia Henry Victoria Douglas Kelly Zachary Lauren Peter Christina Kyle Joan Ethan Evelyn Walter Judith Noah Megan Jeremy Andrea Christian Cheryl Keith Hannah Roger Jacqueline Terry Martha Gerald Gloria Harold Teresa Sean Ann Austin Sara Carl Madison Arthur Frances Lawrence Kathryn Dylan Janice Jesse Jean Jordan Abigail Bryan Alice Billy Judy Joe Sophia Bruce Grace Gabriel Denise Logan Amber Albert Doris Willie Marilyn Alan Danielle Juan Beverly Wayne Isabella Elijah Theresa Randy Diana Roy Natalie Vincent Brittany Ralph Charlotte Eugene Marie Russell Kayla Bobby Alexis Mason Lori Philip Vladimir Dmitry Sergei Olga Natalia Igor Yulia Alexei Tatiana Mikhail Svetlana Andrei Irina Pavel Elena Nikolai Anastasia Oleg Ekaterina Boris Ludmila Ahmed Fatima Mohammed Aisha Omar Layla Hassan Zainab Ali Mariam Yusuf Noor Ibrahim Salma Khalid Huda Wei Li Fang Jing Ming Xiu Hui Lei Yan Jun Hiroshi Yuki Takeshi Aiko Kenji Haruka Raj Priya Amit Sunita Vikram Anjali Arjun Deepa Carlos Sofia Miguel Lucia Javier Carmen Diego Valentina Mateo Camila Pierre Camille Jean-Luc Amelie Hans Greta Klaus Ingrid Lars Astrid Piotr Agnieszka Tomasz Katarzyna Giorgos Eleni Kwame Amara Chidi Ngozi";

const LAST: &str = "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Petrov Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Alekseev Lavrov Shoigu Medvedev Navalny Peskov Zakharova Kadyrov Sobyanin Al-Sayed Haddad Khalil Mansour Nasser Rahman Farouk Aziz Hussein Karimi Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Sharma Singh Kumar Gupta Reddy Iyer Mehta Chatterjee Dubois Lefebvre Moreau Laurent Fournier Girard Muller Schneider Becker Hoffmann Kowalski Nowak Wisniewski Papadopoulos Okafor Mensah Mwangi Diallo Okonkwo Kovacs Horvath Novak Jensen Nielsen Andersen Larsen";

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vin", "dal", "mer", "sto", "lin", "bar", "ten", "gor", "vel", "nash", "tam",
    "ber", "ko", "ran", "mil", "dor", "sen", "har", "lu", "vik", "pol", "zan", "tre", "mon", "qui",
    "fel", "bra", "ost",
];

/// `n` distinct person names ("First Last"), from common first names and
/// surnames of many languages plus made-up surnames for variety.
pub fn person_names(n: usize, seed: u64) -> Vec<String> {
    let first: Vec<&str> = FIRST.split_whitespace().collect();
    let mut last: Vec<String> = LAST.split_whitespace().map(str::to_string).collect();
    let mut rng = Rng::new(seed);
    // Made-up surnames: two or three syllables, capitalised.
    let mut made: HashSet<String> = HashSet::new();
    while made.len() < 3000 {
        let k = 2 + rng.below(2);
        let mut s: String = (0..k).map(|_| *rng.pick(SYLLABLES)).collect();
        s[..1].make_ascii_uppercase();
        made.insert(s);
    }
    let mut made: Vec<String> = made.into_iter().collect();
    made.sort();
    last.extend(made);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let name = format!("{} {}", rng.pick(&first), rng.pick(&last));
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// News-like text of at least `min_bytes`: the given articles repeated,
/// each copy with person names inserted after about every third sentence
/// (`Jane Smith said.`, `according to Smith`, possessives). One article per
/// element.
pub fn news_with_names(
    articles: &[String],
    names: &[String],
    min_bytes: usize,
    seed: u64,
) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        for article in articles {
            let mut text = String::with_capacity(article.len() + 256);
            for (i, sentence) in article.split_inclusive(". ").enumerate() {
                text.push_str(sentence);
                if i % 3 == 2 {
                    let name = rng.pick(names);
                    let surname = name.rsplit(' ').next().unwrap_or(name);
                    let _ = match rng.below(4) {
                        0 => write!(text, "{name} said. "),
                        1 => write!(text, "According to {surname}, it was not. "),
                        2 => write!(text, "{name}’s office declined to comment. "),
                        _ => write!(text, "“We disagree,” {name} told reporters. "),
                    };
                }
            }
            total += text.len();
            out.push(text);
            if total >= min_bytes {
                break;
            }
        }
    }
    out
}

/// `name` with `edits` random edits (substitution, deletion, insertion or
/// transposition of letters, never of the space).
pub fn misspell(name: &str, edits: usize, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let letters = "abcdefghijklmnopqrstuvwxyz".as_bytes();
    for _ in 0..edits {
        let positions: Vec<usize> = (0..chars.len())
            .filter(|&i| chars[i].is_alphabetic())
            .collect();
        let i = *rng.pick(&positions);
        let letter = *rng.pick(letters) as char;
        match rng.below(4) {
            0 => chars[i] = letter,
            1 if positions.len() > 3 => {
                chars.remove(i);
            }
            2 => chars.insert(i + 1, letter),
            _ if i + 1 < chars.len() && chars[i + 1].is_alphabetic() => chars.swap(i, i + 1),
            _ => chars[i] = letter,
        }
    }
    chars.into_iter().collect()
}

/// Lower-case words of the articles, at least 4 letters, that are no part
/// of any name, capitalised: ordinary words that a fuzzy matcher must not
/// take for names.
pub fn capitalised_words(
    articles: &[String],
    names: &[String],
    n: usize,
    seed: u64,
) -> Vec<String> {
    let name_words: HashSet<String> = names
        .iter()
        .flat_map(|n| n.split(' ').map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let mut vocab: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.split(|c: char| !c.is_alphabetic()))
        .filter(|w| {
            w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) && !name_words.contains(*w)
        })
        .collect();
    vocab.sort_unstable();
    vocab.dedup();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let w = rng.pick(&vocab);
            let mut s = w.to_string();
            s[..1].make_ascii_uppercase();
            s
        })
        .collect()
}

/// A gazetteer CSV with `entries` entries of two names each (name and one
/// alias: `2 * entries` aliases): persons, organisations and places.
pub fn big_gazetteer_csv(entries: usize, seed: u64) -> String {
    let first: Vec<&str> = FIRST.split_whitespace().collect();
    let mut rng = Rng::new(seed);
    let word = |rng: &mut Rng| {
        let k = 2 + rng.below(2);
        let mut s: String = (0..k).map(|_| *rng.pick(SYLLABLES)).collect();
        s[..1].make_ascii_uppercase();
        s
    };
    let mut out = String::from("id,name,aliases,kind,descriptors,gender\n");
    for i in 0..entries {
        let _ = match i % 5 {
            0..=2 => {
                let (f, l) = (*rng.pick(&first), word(&mut rng));
                let m = (b'A' + rng.below(26) as u8) as char;
                writeln!(out, "p{i},{f} {l},{f} {m}. {l},person,,")
            }
            3 => {
                let (a, b) = (word(&mut rng), word(&mut rng));
                writeln!(
                    out,
                    "o{i},{a} {b} Group,{a} {b} Holdings {i},organisation,,"
                )
            }
            _ => {
                let a = word(&mut rng);
                writeln!(out, "l{i},{a} {i},Port {a} {i},place,,")
            }
        };
    }
    out
}

/// Every PolNeAR article (dev and train) beside the repository, or the
/// texts of [`crate::news_texts`] when they are missing.
pub fn polnear_articles() -> Vec<String> {
    let data = crate::repo_root().join("../shared/eval/data");
    let mut out = Vec::new();
    for file in ["polnear-dev.jsonl", "polnear-train.jsonl"] {
        let Ok(text) = std::fs::read_to_string(data.join(file)) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("PolNeAR is JSONL");
            out.push(v["text"].as_str().expect("a text field").to_string());
        }
    }
    if out.is_empty() {
        out = crate::news_texts();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_are_deterministic_and_distinct() {
        let a = person_names(500, 7);
        assert_eq!(a, person_names(500, 7));
        let unique: HashSet<&String> = a.iter().collect();
        assert_eq!(unique.len(), 500);
        let mut rng = Rng::new(1);
        let m = misspell("Vladimir Putin", 2, &mut rng);
        assert_ne!(m, "Vladimir Putin");
    }
}
