//! Qualifiers: the words before a figure that bound it (`more than 250`, `up to 40,000`,
//! `approximately $6 million`) and the few after it (`300 or more`, `50 or so`). They belong
//! to the mention's span but never change its value.

use super::tokens::Tok;
use super::Qualifier;

/// A prefix found before an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    Qual(Qualifier),
    /// `between`: only kept when a range (`between 20 and 30`) follows.
    Between,
}

/// Prefix phrases, longest first so `just over` wins over `over`.
const PREFIXES: &[(&[&str], Prefix)] = {
    use Prefix::{Between, Qual};
    use Qualifier::*;
    &[
        (&["no", "fewer", "than"], Qual(AtLeast)),
        (&["no", "less", "than"], Qual(AtLeast)),
        (&["no", "more", "than"], Qual(UpTo)),
        (&["a", "minimum", "of"], Qual(AtLeast)),
        (&["a", "maximum", "of"], Qual(UpTo)),
        (&["in", "excess", "of"], Qual(MoreThan)),
        (&["just", "more", "than"], Qual(MoreThan)),
        (&["slightly", "more", "than"], Qual(MoreThan)),
        (&["well", "over"], Qual(MoreThan)),
        (&["just", "over"], Qual(MoreThan)),
        (&["slightly", "over"], Qual(MoreThan)),
        (&["just", "under"], Qual(LessThan)),
        (&["just", "below"], Qual(LessThan)),
        (&["as", "many", "as"], Qual(UpTo)),
        (&["as", "much", "as"], Qual(UpTo)),
        (&["an", "estimated"], Qual(Approx)),
        (&["close", "to"], Qual(Approx)),
        (&["more", "than"], Qual(MoreThan)),
        (&["upwards", "of"], Qual(MoreThan)),
        (&["fewer", "than"], Qual(LessThan)),
        (&["less", "than"], Qual(LessThan)),
        (&["up", "to"], Qual(UpTo)),
        (&["at", "most"], Qual(UpTo)),
        (&["at", "least"], Qual(AtLeast)),
        (&["approximately"], Qual(Approx)),
        (&["approx"], Qual(Approx)),
        (&["about"], Qual(Approx)),
        (&["around"], Qual(Approx)),
        (&["some"], Qual(Approx)),
        (&["nearly"], Qual(Approx)),
        (&["almost"], Qual(Approx)),
        (&["roughly"], Qual(Approx)),
        (&["circa"], Qual(Approx)),
        (&["estimated"], Qual(Approx)),
        (&["over"], Qual(MoreThan)),
        (&["above"], Qual(MoreThan)),
        (&["exceeding"], Qual(MoreThan)),
        (&["under"], Qual(LessThan)),
        (&["below"], Qual(LessThan)),
        (&["between"], Between),
    ]
};

/// The qualifier phrase starting at `toks[i]`, and the index after it.
pub fn prefix(toks: &[Tok], i: usize) -> Option<(Prefix, usize)> {
    for (words, p) in PREFIXES {
        let n = words.len();
        if i + n <= toks.len() && words.iter().zip(&toks[i..i + n]).all(|(w, t)| t.is(w)) {
            let mut j = i + n;
            // "approx." keeps its dot.
            if words == &["approx"] && toks.get(j).is_some_and(|t| t.is_sym(".")) {
                j += 1;
            }
            return Some((*p, j));
        }
    }
    None
}

/// A qualifier written after the figure: `or more` -> at least, `or so` / `odd` -> approx,
/// `or fewer` / `or less` -> up to. Returns it and the index after it.
pub fn suffix(toks: &[Tok], i: usize) -> Option<(Qualifier, usize)> {
    let t = toks.get(i)?;
    if t.is("or") {
        let n = toks.get(i + 1)?;
        let q = match n.text.to_ascii_lowercase().as_str() {
            "more" => Qualifier::AtLeast,
            "so" => Qualifier::Approx,
            "fewer" | "less" => Qualifier::UpTo,
            _ => return None,
        };
        // "300 or more people" but not "three or more than four": keep it simple.
        return Some((q, i + 2));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        let toks = tokenize("just over 37,000");
        assert_eq!(prefix(&toks, 0), Some((Prefix::Qual(Qualifier::MoreThan), 2)));
        let toks = tokenize("Up to 40,000");
        assert_eq!(prefix(&toks, 0), Some((Prefix::Qual(Qualifier::UpTo), 2)));
        let toks = tokenize("approx. 5");
        assert_eq!(prefix(&toks, 0), Some((Prefix::Qual(Qualifier::Approx), 2)));
        let toks = tokenize("between 20");
        assert_eq!(prefix(&toks, 0), Some((Prefix::Between, 1)));
        let toks = tokenize("the 5");
        assert_eq!(prefix(&toks, 0), None);
    }

    #[test]
    fn suffixes() {
        let toks = tokenize("or more people");
        assert_eq!(suffix(&toks, 0), Some((Qualifier::AtLeast, 2)));
        let toks = tokenize("or two");
        assert_eq!(suffix(&toks, 0), None);
    }
}
