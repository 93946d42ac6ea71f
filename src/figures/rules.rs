//! The mention grammar: how qualifiers, currency, number, scale, unit, range, rate and
//! subject combine into one [`Figure`]. Scans tokens left to right; each position either
//! yields a figure (and scanning resumes after it) or is skipped.
//!
//! ```text
//! mention := [qualifier] amount [unit] [range] [rate] [or more]
//! amount  := [currency] digits [scale]  |  spelled [scale]  |  vague plural  |  a(n) scale
//! range   := ("-" | "to" | "and" after between) amount [unit]
//! ```

use super::exclusions::{self, is_month};
use super::numbers::{scale_suffix, scale_word, spelled, vague, Dec};
use super::qualifiers::{self, Prefix};
use super::subject;
use super::tokens::{tokenize, Tok};
use super::units;
use super::{Figure, FigureKind, Qualifier};
use crate::span::Span;

/// A parsed amount: the number with its currency prefix and scale, before any unit.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// Index of the first token (the currency marker when there is one).
    start: usize,
    /// Index after the last token.
    end: usize,
    value: Dec,
    currency: Option<&'static str>,
    /// `hundreds`, `several thousand`: value is the named unit, qualifier is vague.
    vague: bool,
    /// A scale word or suffix was applied (`6mn`, `two million`).
    scaled: bool,
    /// Spelled out with exactly one word equal to `one`.
    bare_one: bool,
    /// Written in words (`three`), not digits.
    spelled: bool,
}

/// Why no amount starts at an index.
enum NoAmount {
    /// Nothing number-like here.
    None,
    /// A number that is not a figure (date, year, name...): resume at this index.
    Skip(usize),
}

/// What follows the amount.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Unit {
    kind: FigureKind,
    unit: &'static str,
    /// Index after the unit.
    end: usize,
}

/// All figures in `text`, spans relative to `text`.
pub fn scan(text: &str) -> Vec<Figure> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match mention(text, &toks, i) {
            Ok((figure, next)) => {
                out.push(figure);
                i = next.max(i + 1);
            }
            Err(next) => i = next.max(i + 1),
        }
    }
    out
}

/// The figure starting at `toks[i]`, with the index after it; or the index to resume from.
fn mention(text: &str, toks: &[Tok], i: usize) -> Result<(Figure, usize), usize> {
    let (prefix, j) = match qualifiers::prefix(toks, i) {
        Some((p, j)) => (Some(p), j),
        None => (None, i),
    };
    let first = match amount(toks, j, false) {
        Ok(a) => a,
        // A qualifier with no number after it is just a word.
        Err(NoAmount::None) => return Err(i + 1),
        Err(NoAmount::Skip(k)) => return Err(if prefix.is_some() { j.max(k) } else { k }),
    };
    let mut a = first;
    let mut qualifier = match prefix {
        Some(Prefix::Qual(q)) => q,
        _ => Qualifier::Exact,
    };
    // `15-plus years`, `40-odd`: a glued qualifier between the number and its unit.
    if let (Some(d), Some(w)) = (toks.get(a.end), toks.get(a.end + 1)) {
        if d.is_dash() && toks[a.end - 1].end == d.start && w.start == d.end && (w.is("plus") || w.is("odd")) {
            if qualifier == Qualifier::Exact {
                qualifier = if w.is("plus") { Qualifier::AtLeast } else { Qualifier::Approx };
            }
            a.end += 2;
        }
    }
    // Spelled numbers: `three o'clock` is a time, `one-third` a fraction (not representable
    // exactly as a decimal, so left out).
    if a.spelled {
        if let Some(n) = toks.get(a.end) {
            if n.is("o'clock") || n.is("o’clock") {
                return Err(a.end + 1);
            }
            let fraction = |w: &Tok| {
                let l = w.text.to_ascii_lowercase();
                ["half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "sixth", "sixths", "tenth", "tenths"].contains(&l.as_str())
            };
            if n.is_dash() && toks.get(a.end + 1).is_some_and(|w| w.start == n.end && fraction(w)) {
                return Err(a.end + 2);
            }
        }
    }
    let mut unit = unit_at(toks, a.end, &a);
    let mut end = unit.map_or(a.end, |u| u.end);

    // Ages (`30-year-old`, `80 years old`) are not durations of anything.
    if let Some(u) = unit.filter(|u| u.kind == FigureKind::Duration) {
        let after = |k: usize| toks.get(u.end + k);
        if after(0).is_some_and(|x| x.is("old")) {
            return Err(u.end + 1);
        }
        if after(0).is_some_and(|x| x.is_dash()) && after(1).is_some_and(|x| x.is("old")) {
            return Err(u.end + 2);
        }
    }
    // `236 pounds` after `weighs` is a weight, not money.
    if let Some(u) = unit.filter(|u| u.unit == "GBP" && toks[a.end].text.to_ascii_lowercase().starts_with("pound")) {
        let lo = i.saturating_sub(3);
        if toks[lo..i].iter().any(|t| t.text.to_ascii_lowercase().starts_with("weigh")) {
            unit = Some(Unit { kind: FigureKind::Quantity, unit: "lb", end: u.end });
        }
    }
    // Ranges: value is the lower bound, the span covers the whole range.
    let connector = toks.get(end).filter(|c| {
        if prefix == Some(Prefix::Between) {
            c.is("and")
        } else {
            c.is_dash() || c.is("to")
        }
    });
    let mut ranged = false;
    if connector.is_some() && !a.vague {
        if let Ok(b) = amount(toks, end + 1, true) {
            let b_unit = unit_at(toks, b.end, &b);
            let currency_ok = a.currency.is_none() || b.currency.is_none() || a.currency == b.currency;
            let unit_ok = match (unit, b_unit) {
                (Some(u), Some(v)) => u.unit == v.unit,
                (Some(_), None) => false,
                _ => true,
            };
            // `20 to 30 million`: the scale of the second number applies to the first.
            let mut low = a.value;
            if !a.scaled && b.scaled {
                let k = scale_of(toks, &b);
                low = low.mul_pow10(k).unwrap_or(low);
            }
            // A range rises (`20-30`); `5-5` and `19-15` are scores and tallies.
            if currency_ok && unit_ok && !b.vague && le(low, b.value) && low != b.value {
                a.value = low;
                a.currency = a.currency.or(b.currency);
                a.end = b.end;
                a.bare_one = false;
                if unit.is_none() {
                    unit = b_unit;
                }
                end = b_unit.map_or(b.end, |u| u.end);
                ranged = true;
            }
        }
    }
    // `between` without `and ...` is not a qualifier we know, and a vague plural keeps no
    // qualifier (`handed over millions of dollars`): start at the number.
    let start_tok = if (prefix == Some(Prefix::Between) && !ranged) || a.vague { j } else { i };

    let mut kind = match (a.currency, unit) {
        (Some(_), _) => FigureKind::Money,
        (None, Some(u)) => u.kind,
        (None, None) => FigureKind::Count,
    };
    let mut unit_str: String = match (a.currency, unit) {
        (Some(c), _) => c.to_string(),
        (None, Some(u)) if u.kind == FigureKind::Money => u.unit.to_string(),
        (None, Some(u)) => u.unit.to_string(),
        (None, None) => String::new(),
    };
    if let Some(u) = unit.filter(|u| u.kind == FigureKind::Money) {
        a.currency = Some(u.unit);
    }

    // Rates: `38 per 100,000`, `5 per day`; money per period stays money (`$20,000 per year`).
    if let Some((per, next)) = rate_at(text, toks, end, kind, a.value) {
        match kind {
            FigureKind::Money | FigureKind::Percent => {}
            FigureKind::Count => {
                kind = FigureKind::Rate;
                unit_str = per;
            }
            _ => {
                kind = FigureKind::Rate;
                unit_str = format!("{unit_str} {per}");
            }
        }
        end = next;
    }

    if let Some((q, next)) = qualifiers::suffix(toks, end) {
        if qualifier == Qualifier::Exact {
            qualifier = q;
            end = next;
        }
    }
    if a.vague {
        qualifier = Qualifier::Vague;
    }

    // `one` as a pronoun or article (`one of the`, `one relative`, `no one`) is not a figure;
    // `one year` and `at least one` are.
    if a.bare_one && qualifier == Qualifier::Exact && !ranged {
        let duration = kind == FigureKind::Duration;
        let idiom_day = duration && unit_str == "day" && !prev_is(toks, start_tok, &["for", "in", "within", "only", "just", "after"]);
        if !duration || idiom_day {
            return Err(a.end);
        }
    }
    // `Zero Hedge`: a capitalised `Zero` is a name far more often than a count.
    if a.spelled && toks[a.start].text == "Zero" {
        return Err(a.end);
    }
    // Spelled numbers inside names (`Formula One`, `Big Four`).
    if a.spelled && toks[a.start].is_capitalized() && start_tok > 0 {
        let p = &toks[start_tok - 1];
        if p.is_capitalized() && !is_month(p) && qualifier == Qualifier::Exact {
            return Err(a.end);
        }
    }

    // `a 46-page report`, `a 28-nation bloc`: the hyphenated noun is what is counted.
    let mut hyphen_noun = None;
    if kind == FigureKind::Count && !ranged {
        if let (Some(d), Some(w)) = (toks.get(end), toks.get(end + 1)) {
            if d.is_dash() && toks[end - 1].end == d.start && w.start == d.end && w.is_word() && !subject::is_stop(w) {
                // Spelled ones are idioms (`two-way race`, `five-alarm call`).
                if a.spelled {
                    return Err(end + 2);
                }
                hyphen_noun = Some(w.text.to_string());
                end += 2;
            }
        }
    }
    // Ages after a name (`Scott, 43,`) are not counted as figures.
    if kind == FigureKind::Count && qualifier == Qualifier::Exact && !a.spelled && a.currency.is_none() && start_tok >= 2 {
        let (comma, name) = (&toks[start_tok - 1], &toks[start_tok - 2]);
        let closes = |n: &Tok| n.is_sym(",") || n.is("and") || n.is_sym(")") || n.is_dash() || n.is_sym("―");
        if comma.is_sym(",") && name.is_capitalized() && toks.get(end).is_some_and(closes) {
            return Err(end);
        }
    }

    let subj = match kind {
        FigureKind::Quantity | FigureKind::Percent => subject::following(text, toks, end, true),
        _ => subject::following(text, toks, end, false),
    }
    .or_else(|| subject::preceding(text, toks, start_tok));
    let subj = hyphen_noun.or(subj);

    let span = Span::new(toks[start_tok].start, toks[end - 1].end);
    let figure = Figure {
        span,
        value: a.value.to_plain(),
        unit: unit_str,
        kind,
        qualifier,
        subject: subj.unwrap_or_default(),
    };
    Ok((figure, end))
}

fn prev_is(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    i > 0 && words.iter().any(|w| toks[i - 1].is(w))
}

/// `a <= b` for two decimals (false when either side overflows when aligned).
fn le(a: Dec, b: Dec) -> bool {
    let s = a.scale.max(b.scale);
    let align = |d: Dec| 10u128.checked_pow(s - d.scale).and_then(|f| d.mant.checked_mul(f));
    match (align(a), align(b)) {
        (Some(x), Some(y)) => x <= y,
        _ => false,
    }
}

/// The power of ten the scale word or suffix of `b` applied.
fn scale_of(toks: &[Tok], b: &Amount) -> u32 {
    toks[b.start..b.end]
        .iter()
        .filter(|t| t.is_word())
        .filter_map(|t| scale_suffix(t.text).or_else(|| scale_word(t.text)))
        .sum()
}

/// Parses an amount at `j`. In a range's second half (`in_range`) the number follows a dash or
/// `to`, so only the checks that look forward apply.
fn amount(toks: &[Tok], j: usize, in_range: bool) -> Result<Amount, NoAmount> {
    let (currency, k) = match units::currency_prefix(toks, j) {
        Some((c, k)) => (Some(c), k),
        None => (None, j),
    };
    let Some(t) = toks.get(k) else { return Err(NoAmount::None) };
    let mut a = Amount {
        start: j,
        end: k + 1,
        value: Dec::int(0),
        currency,
        vague: false,
        scaled: false,
        bare_one: false,
        spelled: false,
    };
    if t.is_num() {
        if in_range {
            let glued = toks.get(k + 1).is_some_and(|n| {
                n.start == t.end && n.is_word() && scale_suffix(n.text).is_none() && units::measure(toks, k + 1).is_none()
            });
            let year = t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()) && currency.is_none();
            if glued || year || toks.get(k + 1).is_some_and(|n| n.is_sym(":")) {
                return Err(NoAmount::None);
            }
        } else if let Some(skip) = exclusions::excluded(toks, k, currency.is_some()) {
            return Err(NoAmount::Skip(skip));
        }
        a.value = Dec::parse(t.text).ok_or(NoAmount::Skip(k + 1))?;
        let mut e = k + 1;
        if let Some(p) = toks.get(e).filter(|n| n.is_word() && n.start == t.end).and_then(|n| scale_suffix(n.text)) {
            // `6m` glued: million, never metres (a spaced `m` is not read as a unit either).
            a.value = a.value.mul_pow10(p).ok_or(NoAmount::Skip(e + 1))?;
            a.scaled = true;
            e += 1;
        } else if let Some(p) = toks
            .get(e)
            .filter(|d| d.is_dash() && d.start == t.end)
            .and_then(|d| toks.get(e + 1).filter(|n| n.is_word() && n.start == d.end))
            .and_then(|n| scale_word(n.text))
        {
            // `$400-million-a-year business`: the adjectival scale.
            a.value = a.value.mul_pow10(p).ok_or(NoAmount::Skip(e + 2))?;
            a.scaled = true;
            e += 2;
        } else {
            while let Some(p) = toks.get(e).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)) {
                a.value = a.value.mul_pow10(p).ok_or(NoAmount::Skip(e + 1))?;
                a.scaled = true;
                e += 1;
            }
        }
        a.end = e;
        return Ok(a);
    }
    if !t.is_word() {
        return Err(NoAmount::None);
    }
    if let Some((v, e)) = vague(toks, k) {
        a.value = v;
        a.end = e;
        a.vague = true;
        return Ok(a);
    }
    // `a hundred`, `a million`, `a dozen`, `half a million`.
    let article = |x: usize| toks.get(x).is_some_and(|t| t.is("a") || t.is("an"));
    // `a quarter of a million`, `three quarters of a billion`.
    let quarter_at = if article(k) { k + 1 } else { k };
    if toks.get(quarter_at).is_some_and(|q| q.is("quarter")) || (t.is("three") && toks.get(k + 1).is_some_and(|q| q.is("quarters"))) {
        let q = if t.is("three") { k + 1 } else { quarter_at };
        let mut x = q + 1;
        if toks.get(x).is_some_and(|o| o.is("of")) {
            x += 1;
        }
        if article(x) {
            if let Some(p) = toks.get(x + 1).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)) {
                let frac = if t.is("three") { Dec { mant: 75, scale: 2 } } else { Dec { mant: 25, scale: 2 } };
                a.value = frac.mul_pow10(p).ok_or(NoAmount::None)?;
                a.end = x + 2;
                a.scaled = true;
                a.spelled = true;
                return Ok(a);
            }
        }
    }
    if article(k) {
        let n = toks.get(k + 1).ok_or(NoAmount::None)?;
        if let Some(p) = scale_word(n.text).filter(|_| n.is_word()) {
            a.value = Dec::int(1).mul_pow10(p).ok_or(NoAmount::None)?;
            a.end = k + 2;
            a.scaled = true;
            a.spelled = true;
            return Ok(a);
        }
        if n.is("dozen") {
            a.value = Dec::int(12);
            a.end = k + 2;
            a.spelled = true;
            return Ok(a);
        }
        return Err(NoAmount::None);
    }
    if t.is("half") && article(k + 1) {
        if let Some(p) = toks.get(k + 2).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)) {
            a.value = Dec { mant: 5, scale: 1 }.mul_pow10(p).ok_or(NoAmount::None)?;
            a.end = k + 3;
            a.scaled = true;
            a.spelled = true;
            return Ok(a);
        }
    }
    let s = spelled(toks, k).ok_or(NoAmount::None)?;
    // Spelled numbers glued to a preceding hyphenated word are parts of names (`Catch-twenty`).
    if k > 0 && toks[k - 1].is_dash() && toks[k - 1].end == t.start {
        return Err(NoAmount::Skip(s.end));
    }
    a.value = Dec::int(s.value);
    a.end = s.end;
    a.spelled = true;
    a.scaled = toks[k..s.end].iter().any(|t| scale_word(t.text).is_some());
    a.bare_one = s.words == 1 && t.is("one");
    // `two dozen`
    if toks.get(a.end).is_some_and(|n| n.is("dozen")) {
        a.value = a.value.mul_int(12).ok_or(NoAmount::None)?;
        a.end += 1;
        a.bare_one = false;
    }
    // `one and a half million`
    if toks.get(a.end).is_some_and(|n| n.is("and")) && article(a.end + 1) && toks.get(a.end + 2).is_some_and(|n| n.is("half")) {
        let half = Dec { mant: a.value.mant * 10 + 5, scale: 1 };
        let mut e = a.end + 3;
        let mut v = half;
        if let Some(p) = toks.get(e).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)) {
            v = v.mul_pow10(p).ok_or(NoAmount::None)?;
            e += 1;
            a.scaled = true;
        }
        a.value = v;
        a.end = e;
        a.bare_one = false;
    }
    Ok(a)
}

/// A currency, percent or measure right after the amount (also glued by a hyphen:
/// `four-day`, `57-acre`).
fn unit_at(toks: &[Tok], e: usize, a: &Amount) -> Option<Unit> {
    let money = |(c, end): (&'static str, usize)| Unit { kind: FigureKind::Money, unit: c, end };
    if a.currency.is_some() {
        // `$5 million dollars` is rare; a currency code after a symbol is common (`$5 USD`).
        return None;
    }
    if a.vague {
        // `hundreds of dollars`, `thousands of kilometres`
        if toks.get(e).is_some_and(|t| t.is("of")) {
            if let Some(c) = units::currency_suffix(toks, e + 1) {
                return Some(money(c));
            }
            if let Some((u, kind, end)) = units::measure(toks, e + 1) {
                return Some(Unit { kind, unit: u, end });
            }
        }
        return None;
    }
    if let Some(c) = units::currency_suffix(toks, e) {
        return Some(money(c));
    }
    if let Some((u, end)) = units::percent(toks, e) {
        return Some(Unit { kind: FigureKind::Percent, unit: u, end });
    }
    if let Some((u, kind, end)) = units::measure(toks, e) {
        return Some(Unit { kind, unit: u, end });
    }
    // Hyphenated adjective: `four-day`, `one-year`, `30-year-old`.
    let d = toks.get(e)?;
    if d.is_dash() && e > 0 && toks[e - 1].end == d.start && toks.get(e + 1).is_some_and(|n| n.start == d.end) {
        if let Some((u, kind, end)) = units::measure(toks, e + 1) {
            return Some(Unit { kind, unit: u, end });
        }
    }
    None
}

/// `per 100,000`, `per year`, `a year`, `annually` after a figure. Returns the unit text
/// (`per 100,000`, `per year`) and the index after it.
fn rate_at(text: &str, toks: &[Tok], k: usize, kind: FigureKind, value: Dec) -> Option<(String, usize)> {
    let t = toks.get(k)?;
    let period = |w: &Tok| -> Option<&'static str> {
        let lower = w.text.to_ascii_lowercase();
        Some(match lower.as_str() {
            "year" | "annum" => "year",
            "month" => "month",
            "week" => "week",
            "day" => "day",
            "hour" => "hour",
            "minute" => "minute",
            "capita" => "capita",
            "person" | "head" => "person",
            "inmate" => "inmate",
            "prisoner" => "prisoner",
            "household" => "household",
            "resident" | "inhabitant" => "resident",
            _ => return None,
        })
    };
    if t.is("per") {
        let n = toks.get(k + 1)?;
        if n.is_num() {
            let mut end = k + 2;
            if toks.get(end).is_some_and(|s| s.is_word() && (scale_word(s.text).is_some() || (s.start == n.end && scale_suffix(s.text).is_some()))) {
                end += 1;
            }
            return Some((format!("per {}", &text[n.start..toks[end - 1].end]), end));
        }
        if n.is_word() {
            if let Some(p) = period(n) {
                return Some((format!("per {p}"), k + 2));
            }
            // `per 100 000 people` is numeric above; `per thousand`
            if scale_word(n.text).is_some() {
                return Some((format!("per {}", n.text.to_ascii_lowercase()), k + 2));
            }
        }
        return None;
    }
    // Ratios: `1 in 4 residents`, `eight out of 10 voters`, `nine of 10 limes`, `one of every
    // nine voters`. The base must exceed the figure, so `137 of 250` reads as a ratio too.
    if kind == FigureKind::Count {
        let (words, mut j) = if t.is("in") {
            ("in", k + 1)
        } else if t.is("out") && toks.get(k + 1).is_some_and(|o| o.is("of")) {
            ("out of", k + 2)
        } else if t.is("of") {
            ("of", k + 1)
        } else {
            return None;
        };
        let every = toks.get(j).is_some_and(|e| e.is("every"));
        if every {
            j += 1;
        }
        let n = toks.get(j)?;
        let base = if n.is_num() && !(n.text.len() == 4 && n.text.bytes().all(|b| b.is_ascii_digit())) {
            Dec::parse(n.text)
        } else {
            super::numbers::small_word(n.text).filter(|_| n.is_word()).map(Dec::int)
        }?;
        let after_ok = toks.get(j + 1).is_none_or(|x| !x.is_sym(":") && !x.is_dash() && !exclusions::is_month(x));
        if after_ok && le(value, base) && value != base {
            let every = if every { " every" } else { "" };
            return Some((format!("{words}{every} {}", n.text.to_ascii_lowercase()), j + 1));
        }
        return None;
    }
    if kind == FigureKind::Money {
        if (t.is("a") || t.is("an")) && toks.get(k + 1).is_some_and(|n| matches!(n.text, "year" | "month" | "week" | "day" | "hour")) {
            let p = period(&toks[k + 1])?;
            return Some((format!("per {p}"), k + 2));
        }
        if t.is("annually") || t.is("yearly") || t.is("monthly") || t.is("weekly") || t.is("daily") {
            return Some((String::new(), k + 1));
        }
    }
    None
}
