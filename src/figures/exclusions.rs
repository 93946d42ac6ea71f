//! Exclusions: digit strings that are not figures. Dates (`March 16`, `16 March`,
//! `April 4, 2025`), years (`1798`, `in 2023`, `2024 report`), times (`15:30`, `3 p.m.`),
//! ordinals and decades (`18th`, `1990s`), page and section numbers (`p.45`, `Section 8`),
//! numbers inside names and codes (`MS-13`, `COVID-19`, `G7`, `Title 42`) and phone numbers.
//!
//! Each check looks only at the number token and its neighbours; the rules in `rules.rs` call
//! [`excluded`] before treating a number as a figure.

use super::numbers::scale_suffix;
use super::tokens::Tok;
use super::units;

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Month names are matched capitalised only, so the modal `may` is not a month.
pub fn is_month(t: &Tok) -> bool {
    t.is_word() && MONTHS.contains(&t.text)
}

/// Words before a number that mark it as a reference, not a measure (`page 4`, `Title 42`).
const REFERENCE_WORDS: &[&str] = &[
    "p",
    "pp",
    "pg",
    "page",
    "pages",
    "para",
    "paragraph",
    "section",
    "sec",
    "sect",
    "chapter",
    "ch",
    "article",
    "art",
    "no",
    "nos",
    "number",
    "vol",
    "volume",
    "issue",
    "item",
    "line",
    "lines",
    "rule",
    "clause",
    "title",
    "amendment",
    "resolution",
    "room",
    "flight",
    "route",
    "highway",
    "phase",
    "case",
    "docket",
    "figure",
    "fig",
    "table",
    "episode",
    "season",
    "verse",
    "act",
    "bill",
    "law",
    "order",
    "decree",
    "protocol",
    "level",
    "grade",
    "step",
    "version",
    "v",
    "row",
    "seat",
    "gate",
    "platform",
    "suite",
    "apartment",
    "unit",
    "building",
    "block",
    "floor",
    "district",
    "ward",
    "precinct",
    "zone",
    "age",
    "aged",
    "ages",
];

/// Capitalised words that may stand before a figure without making it part of a name
/// (`Over 200`, `Only 5`, `Another 101`); checked in lower case.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "all",
    "only",
    "just",
    "another",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "and",
    "but",
    "or",
    "some",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "from",
    "to",
    "about",
    "over",
    "under",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "more",
    "fewer",
    "less",
    "up",
    "since",
    "until",
    "between",
    "each",
    "every",
    "while",
    "when",
    "after",
    "before",
    "than",
    "including",
    "estimated",
    "exactly",
    "precisely",
    "perhaps",
    "maybe",
    "also",
    "even",
    "nearly",
    "least",
    "most",
    "total",
    "than",
    "some",
    "another",
    "last",
    "first",
    "next",
    "now",
    "then",
    "still",
    "both",
    "circa",
    "above",
    "below",
    "if",
    "as",
    "so",
    "that",
    "this",
    "who",
    "which",
    "where",
    "because",
    "although",
    "though",
    "per",
    "like",
    "among",
    "within",
    "without",
    "during",
    "across",
    "through",
    "via",
    "against",
    "toward",
    "towards",
    "into",
    "onto",
    "upon",
    "are",
    "were",
    "was",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "do",
    "does",
    "not",
    "no",
    "yes",
    "here",
    "there",
    "they",
    "we",
    "he",
    "she",
    "it",
    "you",
    "i",
    "them",
    "us",
    "him",
    "me",
    "what",
    "why",
    "how",
    "today",
    "yesterday",
    "tomorrow",
    "once",
    "twice",
    "again",
    "already",
    "almost",
    "well",
    "however",
    "meanwhile",
    "overall",
    "altogether",
    "combined",
    "respectively",
    "say",
    "says",
    "said",
    "told",
];

fn is_reference_word(t: &Tok) -> bool {
    t.is_word() && REFERENCE_WORDS.iter().any(|w| t.is(w))
}

fn is_function_word(t: &Tok) -> bool {
    FUNCTION_WORDS.iter().any(|w| t.is(w))
}

fn touches(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

/// Why a number token is not a figure; the index to resume scanning from when it is not.
///
/// `has_currency` is true when a currency marker stands before the number (`$2025` is money).
pub fn excluded(toks: &[Tok], i: usize, has_currency: bool) -> Option<usize> {
    let t = &toks[i];
    debug_assert!(t.is_num());
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    let prev2 = i.checked_sub(2).map(|k| &toks[k]);
    let next = toks.get(i + 1);
    let next2 = toks.get(i + 2);
    let skip_chain = || chain_end(toks, i);

    // Glued to letters before: `G7`, `p.45`-like codes, `MS-13`, `COVID-19`, `#5`.
    if let Some(p) = prev {
        if touches(p, t) {
            if p.is_word() {
                return Some(skip_chain());
            }
            if (p.is_dash() || p.is_sym(".") || p.is_sym("/") || p.is_sym(":"))
                && prev2.is_some_and(|q| touches(q, p) && (q.is_word() || q.is_num()))
            {
                return Some(skip_chain());
            }
            // `’16`: a two-digit year.
            if matches!(p.text, "'" | "’" | "‘") && t.text.len() == 2 && t.text.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(i + 1);
            }
            if p.is_sym("+") {
                return Some(phone_run_end(toks, i));
            }
            if p.is_sym("#") || p.is_sym("§") || p.is_sym("№") {
                return Some(skip_chain());
            }
        }
    }
    // Glued to letters after: ordinals (`18th`), decades (`1990s`), codes (`5G`). Scale
    // suffixes (`6mn`) and units (`10km`) are fine.
    if let Some(n) = next {
        // `9L15`, `5G8`: letters between digits make a code, whatever the letters.
        let powered = units::measure(toks, i + 1).is_some_and(|(_, _, end)| end > i + 2);
        let code = next2.is_some_and(|m| m.is_num() && touches(n, m)) && !powered;
        let unit =
            !code && (units::measure(toks, i + 1).is_some() || units::currency_suffix(toks, i + 1, true).is_some());
        let trillion = has_currency && matches!(n.text, "T" | "tr");
        if touches(t, n) && n.is_word() && (code || scale_suffix(n.text).is_none()) && !unit && !trillion {
            let lower = n.text.to_ascii_lowercase();
            let is_am_pm = matches!(lower.as_str(), "am" | "pm");
            let skip = if is_am_pm { i + 2 } else { skip_chain().max(i + 2) };
            return Some(skip);
        }
    }
    // Times: `15:30`, `3 p.m.`, `3pm` (above), `9 o'clock`, `10 GMT`.
    if let (Some(n), Some(n2)) = (next, next2) {
        if n.is_sym(":") && touches(t, n) && touches(n, n2) && n2.is_num() {
            return Some(skip_chain());
        }
    }
    if let Some(n) = next {
        let time_word = matches!(
            n.text,
            "am" | "pm" | "AM" | "PM" | "GMT" | "UTC" | "EST" | "EDT" | "PST" | "PDT" | "ET" | "CET" | "BST"
        ) || n.is("o'clock")
            || n.is("o’clock");
        let dotted = (n.is("a") || n.is("p")) && next2.is_some_and(|d| d.is_sym(".") && touches(n, d));
        if n.is_word() && (time_word || dotted) {
            return Some(i + 2);
        }
    }
    // Identifiers: long digit runs (`783491630540001280`, timestamps) and the emergency number.
    // The emergency number only where it is called (`911 thousand`, `911%` are figures).
    let emergency = t.text == "911"
        && (prev.is_some_and(|p| {
            matches!(
                p.text.to_lowercase().as_str(),
                "call" | "calls" | "called" | "calling" | "dial" | "dialed" | "dialled"
            )
        }) || next.is_some_and(|n| {
            matches!(
                n.text.to_lowercase().as_str(),
                "call" | "calls" | "caller" | "callers" | "dispatcher" | "dispatchers" | "operator" | "operators"
            )
        }));
    if !has_currency && t.text.bytes().all(|b| b.is_ascii_digit()) && (t.text.len() > 9 || emergency) {
        return Some(skip_chain());
    }
    // Heights written with feet and inch marks: `6'3"`.
    if next.is_some_and(|n| touches(t, n) && matches!(n.text, "'" | "’" | "′")) && next2.is_some_and(|m| m.is_num())
    {
        return Some(skip_chain());
    }
    // Scores and tallies: `5-5`, `19-15` (a range would rise).
    if let (Some(d), Some(m)) = (next, next2) {
        if d.is_dash() && touches(t, d) && touches(d, m) && m.is_num() {
            if let (Ok(x), Ok(y)) = (t.text.parse::<u64>(), m.text.parse::<u64>()) {
                if y <= x {
                    return Some(skip_chain());
                }
            }
        }
    }
    // Version-like numbers: `1.2.3`, `202.555.0100` (the tokenizer read `202.555`).
    if t.text.contains('.')
        && next.is_some_and(|n| n.is_sym(".") && touches(t, n))
        && next2.is_some_and(|m| m.is_num() && touches(next.unwrap(), m))
    {
        return Some(skip_chain());
    }
    // Phone numbers and other digit chains: `555-1234`, `202.555.0100`, `16/03/2025`.
    let groups = chain_groups(toks, i);
    if groups.len() >= 3
        || (groups.len() == 2 && groups[0].len() == 3 && groups[1].len() == 4 && !has_currency)
        || (groups.len() >= 2 && toks.get(i + 1).is_some_and(|s| s.is_sym("/")))
    {
        return Some(skip_chain());
    }
    if prev.is_some_and(|p| p.is_sym("("))
        && next.is_some_and(|n| n.is_sym(")"))
        && toks.get(i + 2).is_some_and(|m| m.is_num())
        && t.text.len() == 3
    {
        return Some(chain_end(toks, i + 2));
    }

    // Three bare numbers in a row are a phone number or a code (`202 555 0100`).
    if next.is_some_and(|n| n.is_num()) && next2.is_some_and(|n| n.is_num()) {
        return Some(phone_run_end(toks, i));
    }

    let plain_int = t.text.bytes().all(|b| b.is_ascii_digit());
    let value: u32 = if plain_int && t.text.len() <= 9 { t.text.parse().unwrap_or(0) } else { 0 };

    // Dates: `March 16`, `Mar. 2025`, `16 March`.
    let prev_word = match (prev, prev2) {
        (Some(p), Some(q)) if p.is_sym(".") && is_month(q) => Some(q),
        (Some(p), _) => Some(p),
        _ => None,
    };
    if !has_currency && plain_int {
        if prev_word.is_some_and(is_month) && ((1..=31).contains(&value) || t.text.len() == 4) {
            return Some(i + 1);
        }
        if (1..=31).contains(&value) && next.is_some_and(is_month) {
            return Some(i + 2);
        }
        // Years: four plain digits in a plausible range, unless a unit says otherwise.
        if t.text.len() == 4
            && (1000..=2100).contains(&value)
            && !followed_by_unit(toks, i + 1)
            && !range_to_amount(toks, i)
        {
            return Some(i + 1);
        }
    }
    // Ages: `between the ages of 17 and 20`, `at the age of 12`.
    if !has_currency && prev.is_some_and(|p| p.is("of")) && prev2.is_some_and(|q| q.is("age") || q.is("ages")) {
        return Some(i + 1);
    }
    // References: `page 45`, `p. 45`, `Section 8`, `No. 5`.
    if !has_currency {
        let reference = match (prev, prev2) {
            (Some(p), Some(q)) if p.is_sym(".") && is_reference_word(q) => true,
            (Some(p), _) => is_reference_word(p) && !(p.is("no") && p.text == "no"),
            _ => false,
        };
        if reference {
            return Some(i + 1);
        }
        // Names: a capitalised word right before a bare number (`Title 42`, `Boeing 737`).
        if let Some(p) = prev {
            if p.is_capitalized() && !is_function_word(p) && !is_month(p) && plain_int && !followed_by_unit(toks, i + 1)
            {
                return Some(i + 1);
            }
        }
    }
    None
}

/// True when a four-digit number at `i` opens a range whose other end is no year (`1000-5000`,
/// `1000 - 5000`) or carries a unit (`between 1000 and 1500 liters`), so it is an amount.
fn range_to_amount(toks: &[Tok], i: usize) -> bool {
    let Some(c) = toks.get(i + 1) else { return false };
    let between = i > 0 && toks[i - 1].is("between");
    if !(c.is_dash() || c.is("to") || (between && c.is("and"))) {
        return false;
    }
    let Some(n) = toks.get(i + 2).filter(|n| n.is_num()) else { return false };
    let year_like = n.text.len() == 4 && n.text.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y));
    let (Ok(x), Some(y)) = (toks[i].text.parse::<u64>(), super::numbers::Dec::parse(n.text)) else { return false };
    let rises = y.scale == 0 && y.mant > x as u128;
    rises && (!year_like || followed_by_unit(toks, i + 3))
}

/// True when a percent sign, currency, scale word or measure follows at `j`.
pub fn followed_by_unit(toks: &[Tok], j: usize) -> bool {
    let Some(n) = toks.get(j) else { return false };
    units::percent(toks, j).is_some()
        || units::currency_suffix(toks, j, false).is_some()
        || units::measure(toks, j).is_some()
        || (n.is_word() && (super::numbers::scale_word(n.text).is_some() || scale_suffix(n.text).is_some()))
}

/// Digit groups joined by touching `-`, `.`, `/` or `:` starting at `i` (`555-1234` -> 2).
fn chain_groups<'a>(toks: &[Tok<'a>], i: usize) -> Vec<&'a str> {
    let mut groups = vec![toks[i].text];
    let mut j = i;
    while j + 2 < toks.len() {
        let (s, n) = (&toks[j + 1], &toks[j + 2]);
        let joiner = s.is_dash() || s.is_sym(".") || s.is_sym("/") || s.is_sym(":");
        if joiner && touches(&toks[j], s) && touches(s, n) && n.is_num() {
            groups.push(n.text);
            j += 2;
        } else {
            break;
        }
    }
    groups
}

/// Index after a phone number starting at `i`: numbers, dashes, dots and brackets.
fn phone_run_end(toks: &[Tok], i: usize) -> usize {
    let mut j = i + 1;
    while let Some(t) = toks.get(j) {
        let joins = t.is_dash()
            || t.is_sym("(")
            || t.is_sym(")")
            || (t.is_sym(".") && toks.get(j + 1).is_some_and(|n| n.is_num() && touches(t, n)));
        if t.is_num() || joins {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Index after the digit chain (and any glued word) starting at `i`.
fn chain_end(toks: &[Tok], i: usize) -> usize {
    let mut j = i;
    while j + 1 < toks.len() && touches(&toks[j], &toks[j + 1]) && !toks[j + 1].is_sym(",") && !toks[j + 1].is_sym(")")
    {
        // Stop at sentence punctuation that merely touches (`2025.`).
        if toks[j + 1].is_sym(".") && toks.get(j + 2).is_none_or(|n| !touches(&toks[j + 1], n)) {
            break;
        }
        j += 1;
    }
    j + 1
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Whether the first number token in `s` is excluded.
    fn ex(s: &str) -> bool {
        let toks = tokenize(s);
        let i = toks.iter().position(|t| t.is_num()).unwrap();
        excluded(&toks, i, false).is_some()
    }

    #[test]
    fn excludes_non_figures() {
        for s in [
            "March 16",
            "on 16 March",
            "Mar. 2025",
            "in 1798",
            "a 2024 report",
            "at 15:30",
            "at 3 p.m.",
            "at 3pm",
            "the 18th century",
            "the 1990s",
            "p.45",
            "page 45",
            "MS-13",
            "COVID-19",
            "G7",
            "Title 42",
            "call 555-1234",
            "+1 202 555",
            "(202) 555-0100",
            "on 16/03/2025",
            "No. 5",
        ] {
            assert!(ex(s), "{s} should be excluded");
        }
    }

    #[test]
    fn keeps_figures() {
        for s in
            ["more than 250", "Over 200 people", "40,000 inmates", "10km", "$6mn", "20-30", "1500 km", "Another 101"]
        {
            assert!(!ex(s), "{s} should be kept");
        }
    }
}
