//! Characters: the names a person goes by. A book calls its people by
//! honorific and surname (`Mr. Darcy`, `Mrs Beaver`, `Sir Thomas`), and
//! that is the name a reader knows them by: an entity's mentions keep the
//! honorific before the name.

use crate::mentions::Mention;
use crate::text::Text;

/// The byte range of name mention `m` with the titles right before its
/// name (`Mr. Darcy`, `President Vladimir Putin`), without a possessive
/// `’s`; the name alone when no title stands before it.
pub(crate) fn titled_range(t: &Text, m: &Mention) -> (usize, usize) {
    let (start, end) = m.byte_range(t);
    let Some((a, _)) = m.name else {
        return (start, end);
    };
    let mut first = a;
    while first > m.first && t.is_word(first - 1) && t.lex.titles.contains_key(t.tok(first - 1)) {
        first -= 1;
    }
    (t.tokens[first].start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(text: &str) -> Vec<String> {
        let t = Text::english(text);
        crate::mentions::names(&t)
            .iter()
            .map(|m| {
                let (a, b) = titled_range(&t, m);
                text[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn honorifics_stay_with_the_name() {
        assert_eq!(
            titled("Mr. Darcy bowed to Mrs Bennet and Sir Thomas’s niece."),
            ["Mr. Darcy", "Mrs Bennet", "Sir Thomas"]
        );
        assert_eq!(titled("Jane Smith left."), ["Jane Smith"]);
    }
}
