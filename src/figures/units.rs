//! Units lexicon: currencies (symbols, ISO codes, English names and minor units, normalised to
//! ISO 4217 codes), percent markers, measures (normalised to short symbols: `km`, `acre`, `m2`,
//! `kg`, `km/h`) and time units for durations (`year`, `day`, ...).
//!
//! The lexicon itself is data: `currencies.tsv` and `units.tsv` beside this file, compiled in and
//! indexed once by their first word. This file only says how an entry matches tokens: names and
//! spelled units word by word in any case, symbols and abbreviations exactly (`m` is never a
//! unit on its own here; see `rules.rs` for when a bare `m` is metres).

use super::tokens::{tokenize, Tok};
use super::FigureKind;
use std::collections::HashMap;
use std::sync::OnceLock;

const CURRENCIES: &str = include_str!("currencies.tsv");
const UNITS: &str = include_str!("units.tsv");

/// A lexicon phrase as tokens.
#[derive(Debug)]
struct Pattern {
    words: Vec<&'static str>,
    /// Compare exactly (symbols, abbreviations with capitals) rather than in any case.
    exact: bool,
}

impl Pattern {
    fn new(text: &'static str, exact: bool) -> Pattern {
        Pattern { words: tokenize(text).into_iter().map(|t| t.text).collect(), exact }
    }

    fn key(&self) -> String {
        self.words[0].to_lowercase()
    }

    /// Index after the phrase when it starts at `toks[i]`. With `glued`, its tokens must touch
    /// (`US$`, `Rs.`); otherwise any spacing matches (`km / h`, `fl oz`).
    fn at(&self, toks: &[Tok], i: usize, glued: bool) -> Option<usize> {
        for (k, w) in self.words.iter().enumerate() {
            let t = toks.get(i + k)?;
            let same = if self.exact {
                t.text == *w
            } else {
                t.text.eq_ignore_ascii_case(w) || t.text.to_lowercase() == w.to_lowercase()
            };
            if !same || (glued && k > 0 && toks[i + k - 1].end != t.start) {
                return None;
            }
        }
        Some(i + self.words.len())
    }
}

#[derive(Debug)]
enum CurrencyForm {
    /// `$`, `US$`, `USD`, `kr`: before or after the amount.
    Symbol,
    /// `dollars`, `Australian dollars`; weak names (`won`, `marks`) need a large amount.
    Name { weak: bool },
    /// `cents`, `pence`: the amount is in hundredths (or the code's minor unit).
    Minor { weak: bool },
}

#[derive(Debug)]
struct CurrencyEntry {
    pattern: Pattern,
    code: &'static str,
    /// Decimal places of the minor unit.
    minor: u32,
    form: CurrencyForm,
}

#[derive(Debug)]
struct UnitEntry {
    pattern: Pattern,
    unit: &'static str,
    kind: FigureKind,
    /// Only glued to the number or before closing punctuation (`5in`, `2 1/2 in.`).
    glued_only: bool,
}

struct Lexicon {
    currencies: HashMap<String, Vec<CurrencyEntry>>,
    units: HashMap<String, Vec<UnitEntry>>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut currencies: HashMap<String, Vec<CurrencyEntry>> = HashMap::new();
        for line in CURRENCIES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let code = cols.next().unwrap_or("").trim_end_matches('*');
            let minor: u32 = cols.next().and_then(|m| m.parse().ok()).unwrap_or(2);
            let symbols = cols.next().unwrap_or("");
            let names = cols.next().unwrap_or("");
            let minors = cols.next().unwrap_or("");
            let mut add = |text: &'static str, exact: bool, form: CurrencyForm| {
                let pattern = Pattern::new(text, exact);
                if !pattern.words.is_empty() {
                    currencies.entry(pattern.key()).or_default().push(CurrencyEntry { pattern, code, minor, form });
                }
            };
            for s in symbols.split_whitespace() {
                add(s, true, CurrencyForm::Symbol);
            }
            for n in names.split(';').filter(|n| !n.is_empty()) {
                let weak = n.starts_with('~');
                add(n.trim_start_matches('~'), false, CurrencyForm::Name { weak });
            }
            for n in minors.split(';').filter(|n| !n.is_empty()) {
                let weak = n.starts_with('~');
                add(n.trim_start_matches('~'), n == "p", CurrencyForm::Minor { weak });
            }
        }
        let mut units: HashMap<String, Vec<UnitEntry>> = HashMap::new();
        for line in UNITS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let unit = cols.next().unwrap_or("");
            let kind = if cols.next() == Some("duration") { FigureKind::Duration } else { FigureKind::Quantity };
            for s in cols.next().unwrap_or("").split(';').filter(|s| !s.is_empty()) {
                let glued_only = s.starts_with('^');
                let s = s.trim_start_matches('^');
                let exact = s.starts_with('=') || s.chars().any(|c| c.is_uppercase());
                let pattern = Pattern::new(s.trim_start_matches('='), exact);
                if !pattern.words.is_empty() {
                    units.entry(pattern.key()).or_default().push(UnitEntry { pattern, unit, kind, glued_only });
                }
            }
        }
        // Longest phrase first, so `Australian dollars` wins over nothing and `metric tons`
        // over `metric`.
        for v in currencies.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.pattern.words.len()));
        }
        for v in units.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.pattern.words.len()));
        }
        Lexicon { currencies, units }
    })
}

fn currency_entries(t: &Tok) -> &'static [CurrencyEntry] {
    lexicon().currencies.get(&t.text.to_lowercase()).map_or(&[], |v| v.as_slice())
}

/// A currency symbol or code written before the amount: `$`, `US$`, `Mex$`, `€`, `USD `,
/// `CHF `. Returns the ISO code and the index of the token after the marker.
pub fn currency_prefix(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    for e in currency_entries(t) {
        if !matches!(e.form, CurrencyForm::Symbol) {
            continue;
        }
        if let Some(end) = e.pattern.at(toks, i, true) {
            // A word symbol (`USD`, `Rs`) must be followed by the number; a sign may touch it.
            let next = toks.get(end)?;
            if next.is_num() {
                return Some((e.code, end));
            }
            // `Rs. 500` when the table spells `Rs` without its dot.
            let word = e.pattern.words.iter().all(|w| w.chars().all(char::is_alphabetic));
            if word
                && next.is_sym(".")
                && next.start == toks[end - 1].end
                && toks.get(end + 1).is_some_and(|n| n.is_num())
            {
                return Some((e.code, end + 1));
            }
        }
    }
    None
}

/// A currency after the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyAfter {
    pub code: &'static str,
    /// Index after the marker.
    pub end: usize,
    /// Power of ten to apply to the amount: `-2` for cents, `6` for `MUSD`.
    pub shift: i32,
    /// Written as the word `pound`/`pounds` (which may be a weight).
    pub pound_word: bool,
}

/// A currency written after the amount: `dollars`, `Australian dollars`, `euros`, `yuan`,
/// `USD`, `$`, `€`, `cents`, `pence`, `MUSD`. `scaled` says whether the amount carries a scale
/// word (`100 billion won`), which weak names (`won`, `marks`, `rand`) need. `pounds of` is a weight,
/// not money, and `p` counts only glued (`470p`).
pub fn currency_suffix(toks: &[Tok], i: usize, scaled: bool) -> Option<CurrencyAfter> {
    let t = toks.get(i)?;
    // `MUSD`, `mEUR`, `kUSD`, `bnUSD`: a scale glued before a code.
    if t.is_word() && t.text.len() > 3 && t.text.is_char_boundary(t.text.len() - 3) {
        let (pre, code) = t.text.split_at(t.text.len() - 3);
        let shift = match pre {
            "M" | "m" | "MM" | "mn" => Some(6),
            "k" | "K" => Some(3),
            "B" | "bn" | "b" => Some(9),
            _ => None,
        };
        if let Some(shift) = shift {
            if let Some(e) = lexicon()
                .currencies
                .get(&code.to_lowercase())
                .and_then(|v| v.iter().find(|e| matches!(e.form, CurrencyForm::Symbol) && e.pattern.words == [code]))
            {
                return Some(CurrencyAfter { code: e.code, end: i + 1, shift, pound_word: false });
            }
        }
    }
    for e in currency_entries(t) {
        let glued = matches!(e.form, CurrencyForm::Symbol) || e.pattern.exact;
        let Some(end) = e.pattern.at(toks, i, glued) else { continue };
        let (shift, ok) = match e.form {
            // `10 $`, `20€`, `5 USD`; not `10 $5 bills`.
            CurrencyForm::Symbol => (0, toks.get(end).is_none_or(|n| !(n.is_num() && n.start == toks[end - 1].end))),
            CurrencyForm::Name { weak } => (0, !weak || scaled),
            CurrencyForm::Minor { weak } => {
                let p_ok = e.pattern.words != ["p"]
                    || (i > 0
                        && toks[i - 1].end == t.start
                        && toks
                            .get(end)
                            .is_none_or(|n| !n.is_sym(".") || toks.get(end + 1).is_none_or(|m| m.start != n.end)));
                (-(e.minor as i32), (!weak || scaled) && p_ok)
            }
        };
        if !ok {
            continue;
        }
        let pound_word = t.is("pound") || t.is("pounds");
        if pound_word && e.pattern.words.len() == 1 && toks.get(end).is_some_and(|n| n.is("of")) {
            return None;
        }
        return Some(CurrencyAfter { code: e.code, end, shift, pound_word: pound_word && e.pattern.words.len() == 1 });
    }
    None
}

/// True when a money figure's text writes its dollar bare (`$5`, `5 dollars`, `50 cents`), with
/// no country (`US$`, `A$`, `U.S. dollars`, `Australian dollars` are explicit).
pub fn is_bare_dollar(text: &str) -> bool {
    let toks = tokenize(text);
    toks.iter().enumerate().any(|(i, t)| {
        let prev = i.checked_sub(1).map(|k| &toks[k]);
        if t.is_sym("$") {
            return prev.is_none_or(|p| !(p.is_word() && p.end == t.start));
        }
        let dollar = t.is("dollar") || t.is("dollars") || t.is("cent") || t.is("cents");
        dollar && prev.is_none_or(|p| !(p.is_sym(".") || p.is_word() && p.is_capitalized()))
    })
}

/// True for a currency called a dollar (`AUD`, `CAD`, `HKD`, `USD`...).
pub fn is_dollar_code(code: &str) -> bool {
    lexicon().currencies.values().flatten().any(|e| {
        e.code == code
            && matches!(e.form, CurrencyForm::Name { .. })
            && e.pattern.words.iter().any(|w| w.eq_ignore_ascii_case("dollar"))
    })
}

/// A percent marker after the amount: `%`, `per cent`, `percent`, `percentage points`
/// (unit `pp`). Returns the unit and the index after the marker.
pub fn percent(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if t.is_sym("%") {
        return Some(("%", i + 1));
    }
    if t.is("per") && toks.get(i + 1).is_some_and(|n| n.is("cent")) {
        return Some(("%", i + 2));
    }
    if t.is("percent") || t.is("pct") {
        return Some(("%", i + 1));
    }
    if t.is("percentage") && toks.get(i + 1).is_some_and(|n| n.is("points") || n.is("point")) {
        return Some(("pp", i + 2));
    }
    None
}

/// Lengths that make areas and volumes (`sq mi`, `cubic feet`, `m²`); `m` counts here.
fn length_base(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    let short = match t.text {
        "m" => Some("m"),
        "km" => Some("km"),
        "cm" => Some("cm"),
        "mm" => Some("mm"),
        "mi" => Some("mi"),
        "ft" => Some("ft"),
        "in" => Some("in"),
        "yd" => Some("yd"),
        _ => None,
    };
    if let Some(u) = short {
        return Some((u, i + 1));
    }
    let (unit, _, end) = table_unit(toks, i)?;
    matches!(unit, "m" | "km" | "cm" | "mm" | "mi" | "ft" | "in" | "yd").then_some((unit, end))
}

fn power_unit(base: &str, p: u32) -> Option<&'static str> {
    Some(match (base, p) {
        ("m", 2) => "m2",
        ("km", 2) => "km2",
        ("cm", 2) => "cm2",
        ("mm", 2) => "mm2",
        ("mi", 2) => "mi2",
        ("ft", 2) => "ft2",
        ("in", 2) => "in2",
        ("yd", 2) => "yd2",
        ("m", 3) => "m3",
        ("km", 3) => "km3",
        ("cm", 3) => "cm3",
        ("mm", 3) => "mm3",
        ("mi", 3) => "mi3",
        ("ft", 3) => "ft3",
        ("in", 3) => "in3",
        ("yd", 3) => "yd3",
        _ => return None,
    })
}

/// A unit of the table at `toks[i]`, longest spelling first.
fn table_unit(toks: &[Tok], i: usize) -> Option<(&'static str, FigureKind, usize)> {
    let t = toks.get(i)?;
    for e in lexicon().units.get(&t.text.to_lowercase())? {
        if let Some(end) = e.pattern.at(toks, i, false) {
            if e.glued_only {
                let glued = i > 0 && toks[i - 1].end == t.start && toks[i - 1].is_num();
                let closes = toks.get(end).is_none_or(|n| matches!(n.text, "." | "," | ")" | ";" | ":"));
                if !glued && !closes {
                    continue;
                }
            }
            return Some((e.unit, e.kind, end));
        }
    }
    None
}

/// A measure after the amount: `kilometres`, `square metres`, `km²`, `sq mi`, `cubic feet`,
/// `metric tons`, `km/h`, `years`. Returns the normalised unit, whether it is a quantity or a
/// duration, and the next index.
pub fn measure(toks: &[Tok], i: usize) -> Option<(&'static str, FigureKind, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() && !t.is_sym("°") && !t.is_sym("º") {
        return None;
    }
    // `square metres`, `sq. mi`, `square-foot`, `cubic feet`, `cu ft`.
    let power = if t.is("square") || t.is("sq") {
        Some(2)
    } else if t.is("cubic") || t.is("cu") {
        Some(3)
    } else {
        None
    };
    if let Some(p) = power {
        let mut j = i + 1;
        if toks
            .get(j)
            .is_some_and(|d| (d.is_sym(".") && !t.is("square") && !t.is("cubic")) || (d.is_dash() && d.start == t.end))
        {
            j += 1;
        }
        if let Some((base, end)) = length_base(toks, j) {
            return Some((power_unit(base, p)?, FigureKind::Quantity, end));
        }
        return None;
    }
    // `pounds of cocaine` is a weight; other bare `pounds` are decided by `rules.rs`.
    if (t.is("pounds") || t.is("pound")) && toks.get(i + 1).is_some_and(|n| n.is("of")) {
        return Some(("lb", FigureKind::Quantity, i + 1));
    }
    // `km2`, `km²`, `m2`, `m³`, `ft²`: a length with a glued power.
    if let Some((base, end)) = length_base(toks, i) {
        if let Some(p) = toks.get(end).filter(|p| p.start == toks[end - 1].end) {
            let power = match p.text {
                "2" | "²" => Some(2),
                "3" | "³" => Some(3),
                _ => None,
            };
            if let Some(u) = power.and_then(|k| power_unit(base, k)) {
                return Some((u, FigureKind::Quantity, end + 1));
            }
        }
    }
    table_unit(toks, i)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn after(s: &str, scaled: bool) -> Option<(&'static str, i32)> {
        let toks = tokenize(s);
        currency_suffix(&toks, 0, scaled).map(|c| (c.code, c.shift))
    }

    #[test]
    fn currencies() {
        let toks = tokenize("US$5 $5 €5 £5 USD 5");
        assert_eq!(currency_prefix(&toks, 0), Some(("USD", 2)));
        assert_eq!(currency_prefix(&toks, 3), Some(("USD", 4)));
        assert_eq!(currency_prefix(&toks, 5), Some(("EUR", 6)));
        assert_eq!(currency_prefix(&toks, 7), Some(("GBP", 8)));
        assert_eq!(currency_prefix(&toks, 9), Some(("USD", 10)));
        let toks = tokenize("Mex$ 10 A$5 R$3 HK$4 Rs. 500 CHF 40");
        assert_eq!(currency_prefix(&toks, 0), Some(("MXN", 2)));
        assert_eq!(currency_prefix(&toks, 3), Some(("AUD", 5)));
        assert_eq!(currency_prefix(&toks, 6), Some(("BRL", 8)));
        assert_eq!(currency_prefix(&toks, 9), Some(("HKD", 11)));
        assert_eq!(currency_prefix(&toks, 12), Some(("INR", 14)));
        assert_eq!(currency_prefix(&toks, 15), Some(("CHF", 16)));
        assert_eq!(after("dollars", false), Some(("USD", 0)));
        assert_eq!(after("euros", false), Some(("EUR", 0)));
        assert_eq!(after("pounds of", false), None);
        assert_eq!(after("Australian dollars", false), Some(("AUD", 0)));
        assert_eq!(after("Swiss francs", false), Some(("CHF", 0)));
        assert_eq!(after("yuan", false), Some(("CNY", 0)));
        assert_eq!(after("cents", false), Some(("USD", -2)));
        assert_eq!(after("pence", false), Some(("GBP", -2)));
        assert_eq!(after("MUSD", false), Some(("USD", 6)));
        assert_eq!(after("won", false), None);
        assert_eq!(after("won", true), Some(("KRW", 0)));
        assert_eq!(after("$ bills", false), Some(("USD", 0)));
    }

    #[test]
    fn every_name_and_symbol_belongs_to_one_currency() {
        let mut seen: HashMap<(Vec<String>, bool), &str> = HashMap::new();
        for entries in lexicon().currencies.values() {
            for e in entries {
                let key = (
                    e.pattern
                        .words
                        .iter()
                        .map(|w| if e.pattern.exact { w.to_string() } else { w.to_lowercase() })
                        .collect(),
                    e.pattern.exact,
                );
                if let Some(other) = seen.insert(key.clone(), e.code) {
                    assert_eq!(other, e.code, "{:?} is in two rows", key.0);
                }
            }
        }
        assert!(seen.len() > 300, "only {} currency spellings", seen.len());
    }

    #[test]
    fn measures_and_percent() {
        let toks = tokenize("square metres km² metric tons acres years per cent");
        assert_eq!(measure(&toks, 0), Some(("m2", FigureKind::Quantity, 2)));
        assert_eq!(measure(&toks, 2), Some(("km2", FigureKind::Quantity, 4)));
        assert_eq!(measure(&toks, 4), Some(("t", FigureKind::Quantity, 6)));
        assert_eq!(measure(&toks, 6), Some(("acre", FigureKind::Quantity, 7)));
        assert_eq!(measure(&toks, 7), Some(("year", FigureKind::Duration, 8)));
        assert_eq!(percent(&toks, 8), Some(("%", 10)));
        let m = |s: &str| {
            let toks = tokenize(s);
            measure(&toks, 0).map(|(u, _, e)| (u, e))
        };
        assert_eq!(m("sq mi"), Some(("mi2", 2)));
        assert_eq!(m("cubic feet"), Some(("ft3", 2)));
        assert_eq!(m("km/h"), Some(("km/h", 3)));
        assert_eq!(m("mg"), Some(("mg", 1)));
        assert_eq!(m("ounces"), Some(("oz", 1)));
        assert_eq!(m("hrs"), Some(("hour", 1)));
        assert_eq!(m("in the"), None);
        assert_eq!(m("in."), Some(("in", 1)));
        assert_eq!(m("m"), None);
        assert_eq!(m("m³"), Some(("m3", 2)));
    }
}
