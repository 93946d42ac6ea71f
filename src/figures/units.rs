//! Units lexicon: currencies (symbols, codes and names, normalised to ISO codes), percent
//! markers, measures (normalised to short symbols: `km`, `acre`, `m2`, `kg`, `t`, `mi`) and
//! time units for durations (`year`, `day`, ...).

use super::tokens::Tok;
use super::FigureKind;

/// ISO code of a currency symbol written before an amount (`$`, `€`, `£`).
fn symbol_code(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        _ => None,
    }
}

/// ISO code written as a word (`USD 5`, `5 EUR`); upper case only, so `eur` prose is safe.
fn code_word(s: &str) -> Option<&'static str> {
    match s {
        "USD" => Some("USD"),
        "EUR" => Some("EUR"),
        "GBP" => Some("GBP"),
        "JPY" => Some("JPY"),
        "CAD" => Some("CAD"),
        "AUD" => Some("AUD"),
        "CHF" => Some("CHF"),
        _ => None,
    }
}

/// A currency written before the amount: `$`, `US$`, `€`, `£`, `USD `. Returns the ISO code
/// and the index of the token after the marker.
pub fn currency_prefix(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if let Some(code) = symbol_code(t.text) {
        return Some((code, i + 1));
    }
    if t.is_word() {
        // `US$`, `C$`, `A$`, `HK$`: a country prefix glued to the dollar sign.
        if let Some(next) = toks.get(i + 1) {
            if next.is_sym("$") && next.start == t.end {
                let code = match t.text {
                    "US" => "USD",
                    "C" | "CA" => "CAD",
                    "A" | "AU" => "AUD",
                    "HK" => "HKD",
                    "NZ" => "NZD",
                    "S" => "SGD",
                    _ => return None,
                };
                return Some((code, i + 2));
            }
        }
        if let Some(code) = code_word(t.text) {
            if toks.get(i + 1).is_some_and(|n| n.is_num()) {
                return Some((code, i + 1));
            }
        }
    }
    None
}

/// A currency written after the amount: `dollars`, `euros`, `pounds`, `USD`. `pounds of`
/// is a weight, not money.
pub fn currency_suffix(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if let Some(code) = code_word(t.text) {
        return Some((code, i + 1));
    }
    // "US dollars"
    if t.text == "US" && toks.get(i + 1).is_some_and(|n| n.is("dollars")) {
        return Some(("USD", i + 2));
    }
    match t.text.to_ascii_lowercase().as_str() {
        "dollars" | "dollar" => Some(("USD", i + 1)),
        "euros" | "euro" => Some(("EUR", i + 1)),
        "pounds" | "pound" => {
            if toks.get(i + 1).is_some_and(|n| n.is("of")) {
                None
            } else if toks.get(i + 1).is_some_and(|n| n.is("sterling")) {
                Some(("GBP", i + 2))
            } else {
                Some(("GBP", i + 1))
            }
        }
        "yen" => Some(("JPY", i + 1)),
        _ => None,
    }
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

/// Normalised unit of a single measure word.
fn measure_word(w: &str) -> Option<(&'static str, FigureKind)> {
    use FigureKind::{Duration as D, Quantity as Q};
    let lower = w.to_ascii_lowercase();
    let unit = match lower.as_str() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => ("km", Q),
        "metre" | "metres" | "meter" | "meters" => ("m", Q),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("cm", Q),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("mm", Q),
        "mile" | "miles" => ("mi", Q),
        "foot" | "feet" | "ft" => ("ft", Q),
        "inch" | "inches" => ("in", Q),
        "yard" | "yards" => ("yd", Q),
        "acre" | "acres" => ("acre", Q),
        "hectare" | "hectares" | "ha" => ("ha", Q),
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => ("kg", Q),
        "gram" | "grams" | "gramme" | "grammes" => ("g", Q),
        "tonne" | "tonnes" | "ton" | "tons" => ("t", Q),
        "lb" | "lbs" => ("lb", Q),
        "litre" | "litres" | "liter" | "liters" => ("l", Q),
        "gallon" | "gallons" => ("gal", Q),
        "barrel" | "barrels" => ("bbl", Q),
        "megawatt" | "megawatts" => ("MW", Q),
        "gigawatt" | "gigawatts" => ("GW", Q),
        "mph" => ("mph", Q),
        "second" | "seconds" => ("second", D),
        "minute" | "minutes" => ("minute", D),
        "hour" | "hours" => ("hour", D),
        "day" | "days" => ("day", D),
        "week" | "weeks" => ("week", D),
        "month" | "months" => ("month", D),
        "year" | "years" => ("year", D),
        "decade" | "decades" => ("decade", D),
        "century" | "centuries" => ("century", D),
        _ => {
            // Upper-case symbols only: `MW`, `GW`.
            return match w {
                "MW" => Some(("MW", Q)),
                "GW" => Some(("GW", Q)),
                _ => None,
            };
        }
    };
    Some(unit)
}

/// A measure after the amount: `kilometres`, `square metres`, `km²`, `metric tons`, `years`.
/// Returns the normalised unit, whether it is a quantity or a duration, and the next index.
pub fn measure(toks: &[Tok], i: usize) -> Option<(&'static str, FigureKind, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if t.is("square") || t.is("sq") {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|d| d.is_sym(".") && t.is("sq")) {
            j += 1;
        }
        let unit = match measure_word(toks.get(j)?.text)?.0 {
            "m" => "m2",
            "km" => "km2",
            "mi" => "mi2",
            "ft" => "ft2",
            _ => return None,
        };
        return Some((unit, FigureKind::Quantity, j + 1));
    }
    // `pounds of cocaine` is a weight; bare `pounds` after a number is money (see
    // `currency_suffix`).
    if (t.is("pounds") || t.is("pound")) && toks.get(i + 1).is_some_and(|n| n.is("of")) {
        return Some(("lb", FigureKind::Quantity, i + 1));
    }
    if t.is("metric") && toks.get(i + 1).is_some_and(|n| n.is("tons") || n.is("tonnes")) {
        return Some(("t", FigureKind::Quantity, i + 2));
    }
    // `km2`, `km²`, `m2`, `m²`: the short forms with a glued power.
    if t.text == "km" || t.text == "m" {
        if let Some(p) = toks.get(i + 1) {
            if p.start == t.end && (p.text == "2" || p.text == "²") {
                return Some((if t.text == "km" { "km2" } else { "m2" }, FigureKind::Quantity, i + 2));
            }
        }
    }
    let (unit, kind) = measure_word(t.text)?;
    Some((unit, kind, i + 1))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn currencies() {
        let toks = tokenize("US$5 $5 €5 £5 USD 5");
        assert_eq!(currency_prefix(&toks, 0), Some(("USD", 2)));
        assert_eq!(currency_prefix(&toks, 3), Some(("USD", 4)));
        assert_eq!(currency_prefix(&toks, 5), Some(("EUR", 6)));
        assert_eq!(currency_prefix(&toks, 7), Some(("GBP", 8)));
        assert_eq!(currency_prefix(&toks, 9), Some(("USD", 10)));
        let toks = tokenize("dollars euros pounds of");
        assert_eq!(currency_suffix(&toks, 0), Some(("USD", 1)));
        assert_eq!(currency_suffix(&toks, 1), Some(("EUR", 2)));
        assert_eq!(currency_suffix(&toks, 2), None);
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
    }
}
