//! The mention grammar: how qualifiers, currency, number, scale, unit, range, rate and
//! subject combine into one [`Figure`]. Scans tokens left to right; each position either
//! yields a figure (and scanning resumes after it) or is skipped.
//!
//! ```text
//! mention := [qualifier] [sign] amount [unit] [range] [rate] [or more]
//! amount  := [currency] digits [fraction] [scale]  |  spelled [scale]  |  vague plural  |  a(n) scale
//! unit    := currency [scale] | minor currency | percent | measure | "-" unit
//! range   := ["-"] ("-" | "to" | "and" after between) amount [unit]
//! ```
//!
//! Nothing starts inside a URL, address, hashtag or tag (`markup`).

use super::exclusions::{self, is_month};
use super::markup;
use super::numbers::{scale_suffix, scale_word, spelled, unicode_fraction, vague, Dec};
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
    /// A bare `m` after the number that the context reads as metres (`1.8m tall`).
    metres: bool,
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
    /// Power of ten the unit applies to the amount (`50 cents` -> -2, `75 USD million` -> 6).
    shift: i32,
    /// The currency is the word `pound(s)`, which may be a weight.
    pound_word: bool,
}

/// All figures in `text`, spans relative to `text`.
pub fn scan(text: &str) -> Vec<Figure> {
    let toks = tokenize(text);
    let masks = markup::masked(text);
    let inside = |start: usize, end: usize| masks.iter().any(|&(a, b)| start < b && a < end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if inside(toks[i].start, toks[i].end) {
            i += 1;
            continue;
        }
        match mention(text, &toks, i) {
            Ok((figure, next)) if !inside(figure.span.start, figure.span.end) => {
                out.push(figure);
                i = next.max(i + 1);
            }
            Ok(_) => i += 1,
            Err(next) => i = next.max(i + 1),
        }
    }
    out
}

/// A minus sign before the amount at `j`: the words `minus` / `negative`, or `−` / `-` glued to
/// the number with a space (not a number) before it. Returns the index of the amount.
fn sign(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    let n = toks.get(j + 1)?;
    // `plus or minus 3 points` is a margin of error, not a negative value.
    let margin = j >= 2 && toks[j - 1].is("or") && toks[j - 2].is("plus");
    if (t.is("minus") || t.is("negative")) && (n.is_num() || n.is_word()) && !margin {
        return Some(j + 1);
    }
    let spaced_before = j == 0 || (toks[j - 1].end < t.start && !toks[j - 1].is_num()) || toks[j - 1].is_sym("(");
    if matches!(t.text, "−" | "-") && n.is_num() && n.start == t.end && spaced_before {
        return Some(j + 1);
    }
    None
}

/// The figure starting at `toks[i]`, with the index after it; or the index to resume from.
fn mention(text: &str, toks: &[Tok], i: usize) -> Result<(Figure, usize), usize> {
    let (prefix, j) = match qualifiers::prefix(toks, i) {
        Some((p, j)) => (Some(p), j),
        None => (None, i),
    };
    let sign_at = j;
    let (negative, j) = match sign(toks, j) {
        Some(k) => (true, k),
        None => (false, j),
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
                [
                    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths",
                    "sixth", "sixths", "tenth", "tenths",
                ]
                .contains(&l.as_str())
            };
            if n.is_dash() && toks.get(a.end + 1).is_some_and(|w| w.start == n.end && fraction(w)) {
                return Err(a.end + 2);
            }
        }
    }
    let mut unit = unit_at(toks, a.end, &a);
    let mut end = unit.map_or(a.end, |u| u.end);
    // `a negative 42%-49% rating`: the adjective before a range is no sign.
    if negative && toks[sign_at].is("negative") && toks.get(end).is_some_and(|c| c.is_dash() || c.is("to")) {
        return Err(sign_at + 1);
    }

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
    // `weighs 236 pounds`, `drop 25 pounds`, `a twenty pound bag` are weights, not money.
    if let Some(u) = unit.filter(|u| u.pound_word) {
        if !a.scaled && pound_is_weight(toks, i, u.end) {
            unit = Some(Unit { kind: FigureKind::Quantity, unit: "lb", end: u.end, shift: 0, pound_word: false });
        }
    }
    // Ranges: value is the lower bound, the span covers the whole range. A suspended hyphen
    // (`8- to 16-meter`) stands before the connector.
    let suspended = unit.is_none()
        && toks.get(end).is_some_and(|d| d.is_dash() && d.start == toks[end - 1].end)
        && toks.get(end + 1).is_some_and(|c| c.is("to") || c.is("and") || c.is("or"));
    let end_before_range = end;
    if suspended {
        end += 1;
    }
    let connector = toks.get(end).filter(|c| {
        if suspended {
            return true;
        }
        if prefix == Some(Prefix::Between) {
            c.is("and")
        } else {
            c.is_dash() || c.is("to")
        }
    });
    let mut ranged = false;
    if connector.is_some() && !a.vague && !negative {
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
    if suspended && !ranged {
        end = end_before_range;
    }
    // `between` without `and ...` is not a qualifier we know, and a vague plural keeps no
    // qualifier (`handed over millions of dollars`): start at the number.
    let start_tok = if (prefix == Some(Prefix::Between) && !ranged) || a.vague { sign_at } else { i };

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
    if let Some(u) = unit.filter(|u| u.shift != 0) {
        a.value = a.value.shift(u.shift).ok_or(end)?;
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
        let idiom_day = duration
            && unit_str == "day"
            && !prev_is(toks, start_tok, &["for", "in", "within", "only", "just", "after"]);
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
    if kind == FigureKind::Count
        && qualifier == Qualifier::Exact
        && !a.spelled
        && a.currency.is_none()
        && start_tok >= 2
    {
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
        value: if negative && a.value.mant != 0 { format!("-{}", a.value.to_plain()) } else { a.value.to_plain() },
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
        metres: false,
    };
    // `½ mile`: a vulgar fraction alone, when a unit follows.
    if let Some(v) = unicode_fraction(t.text).filter(|_| !t.is_word()) {
        a.value = v;
        a.end = k + 1;
        return if unit_at(toks, k + 1, &a).is_some() || currency.is_some() { Ok(a) } else { Err(NoAmount::None) };
    }
    if t.is_num() {
        let fraction = fraction_at(toks, k);
        if in_range {
            let glued = toks.get(k + 1).is_some_and(|n| {
                n.start == t.end
                    && n.is_word()
                    && scale_suffix(n.text).is_none()
                    && units::measure(toks, k + 1).is_none()
                    && units::currency_suffix(toks, k + 1, true).is_none()
            });
            let year = t.text.len() == 4
                && t.text.bytes().all(|b| b.is_ascii_digit())
                && t.text.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
                && currency.is_none()
                && !exclusions::followed_by_unit(toks, k + 1);
            if glued || year || toks.get(k + 1).is_some_and(|n| n.is_sym(":")) {
                return Err(NoAmount::None);
            }
        } else if fraction.is_none() {
            if let Some(skip) = exclusions::excluded(toks, k, currency.is_some()) {
                return Err(NoAmount::Skip(skip));
            }
        }
        if let Some((v, e)) = fraction {
            a.value = v;
            a.end = e;
            return Ok(a);
        }
        a.value = Dec::parse(t.text).ok_or(NoAmount::Skip(k + 1))?;
        let mut e = k + 1;
        let glued_suffix = toks.get(e).filter(|n| n.is_word() && n.start == t.end);
        // `3m²` is an area, not three million.
        let powered = toks
            .get(e + 1)
            .is_some_and(|p| glued_suffix.is_some_and(|n| p.start == n.end) && matches!(p.text, "2" | "²" | "3" | "³"));
        let spaced_m = toks.get(e).filter(|n| n.text == "m" && n.start > t.end);
        if glued_suffix.is_some_and(|n| n.text == "m") && !powered && currency.is_none() && length_context(toks, k, e) {
            // `1.8m tall`, `the 100m sprint`: metres where the words around speak of length.
            a.metres = true;
            e += 1;
        } else if spaced_m.is_some() && currency.is_none() && length_context(toks, k, e) {
            a.metres = true;
            e += 1;
        } else if let Some(p) = glued_suffix
            .filter(|_| !powered)
            .and_then(|n| scale_suffix(n.text).or_else(|| currency.and(trillion(n.text))))
        {
            // `6m`, `$80.7bn`, `$2.174T` glued: a scale.
            a.value = a.value.mul_pow10(p).ok_or(NoAmount::Skip(e + 1))?;
            a.scaled = true;
            e += 1;
        } else if let Some(p) = toks
            .get(e)
            .filter(|n| {
                currency.is_some() && n.is_word() && n.start > t.end && matches!(n.text, "m" | "M" | "mn" | "bn" | "tn")
            })
            .and_then(|n| scale_suffix(n.text))
        {
            // `£6 m`, `€3 bn`: a spaced suffix only after a currency.
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
    if toks.get(quarter_at).is_some_and(|q| q.is("quarter"))
        || (t.is("three") && toks.get(k + 1).is_some_and(|q| q.is("quarters")))
    {
        let q = if t.is("three") { k + 1 } else { quarter_at };
        let mut x = q + 1;
        if toks.get(x).is_some_and(|o| o.is("of")) {
            x += 1;
        }
        // `a quarter of a million`, and without `of a`: `a quarter million`.
        let scale_at = if article(x) { x + 1 } else { x };
        if let Some(p) = toks.get(scale_at).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)).filter(|&p| p >= 3)
        {
            let frac = if t.is("three") { Dec { mant: 75, scale: 2 } } else { Dec { mant: 25, scale: 2 } };
            a.value = frac.mul_pow10(p).ok_or(NoAmount::None)?;
            a.end = scale_at + 1;
            a.scaled = true;
            a.spelled = true;
            return Ok(a);
        }
    }
    if article(k) {
        let n = toks.get(k + 1).ok_or(NoAmount::None)?;
        if let Some(p) = scale_word(n.text).filter(|_| n.is_word()) {
            a.value = Dec::int(1).mul_pow10(p).ok_or(NoAmount::None)?;
            a.end = k + 2;
            a.scaled = true;
            a.spelled = true;
            // `a hundred and two`, `a thousand and fifty`: the rest of the number.
            let rest_at = if toks.get(k + 2).is_some_and(|w| w.is("and")) { k + 3 } else { k + 2 };
            if let Some(rest) = spelled(toks, rest_at)
                .filter(|r| r.value < 10u128.pow(p) && (rest_at == k + 3 || r.value >= 20 || p == 2))
            {
                a.value = Dec::int(10u128.pow(p) + rest.value);
                a.end = rest.end;
            }
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
    if toks.get(a.end).is_some_and(|n| n.is("and"))
        && article(a.end + 1)
        && toks.get(a.end + 2).is_some_and(|n| n.is("half"))
    {
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
/// `four-day`, `57-acre`, `12-cent`).
fn unit_at(toks: &[Tok], e: usize, a: &Amount) -> Option<Unit> {
    let plain =
        |kind: FigureKind, unit: &'static str, end: usize| Unit { kind, unit, end, shift: 0, pound_word: false };
    let money = |c: units::CurrencyAfter| {
        let mut u =
            Unit { kind: FigureKind::Money, unit: c.code, end: c.end, shift: c.shift, pound_word: c.pound_word };
        // `75 USD million`: a scale word after a code.
        let code = &toks[c.end - 1];
        if c.shift == 0 && code.is_word() && code.text.len() == 3 && code.text.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(p) = toks.get(c.end).filter(|n| n.is_word()).and_then(|n| scale_word(n.text)) {
                u.shift = p as i32;
                u.end += 1;
            }
        }
        u
    };
    if a.metres {
        return Some(plain(FigureKind::Quantity, "m", e));
    }
    if a.currency.is_some() {
        // `$5 million dollars` is rare; a currency code after a symbol is common (`$5 USD`).
        return None;
    }
    if a.vague {
        // `hundreds of dollars`, `thousands of kilometres`
        if toks.get(e).is_some_and(|t| t.is("of")) {
            if let Some(c) = units::currency_suffix(toks, e + 1, true) {
                return Some(money(c));
            }
            if let Some((u, kind, end)) = units::measure(toks, e + 1) {
                return Some(plain(kind, u, end));
            }
        }
        return None;
    }
    if let Some(c) = units::currency_suffix(toks, e, a.scaled) {
        return Some(money(c));
    }
    if let Some((u, end)) = units::percent(toks, e) {
        return Some(plain(FigureKind::Percent, u, end));
    }
    if let Some((u, kind, end)) = units::measure(toks, e) {
        return Some(plain(kind, u, end));
    }
    // Hyphenated adjective: `four-day`, `one-year`, `30-year-old`, `12-cent`, `20-pound`.
    let d = toks.get(e)?;
    if d.is_dash() && e > 0 && toks[e - 1].end == d.start && toks.get(e + 1).is_some_and(|n| n.start == d.end) {
        if let Some((u, kind, end)) = units::measure(toks, e + 1) {
            return Some(plain(kind, u, end));
        }
        if let Some(c) = units::currency_suffix(toks, e + 1, a.scaled).filter(|c| c.shift <= 0) {
            return Some(money(c));
        }
    }
    None
}

/// `T` glued after a currency amount is a trillion (`$2.174T`).
fn trillion(s: &str) -> Option<u32> {
    (s == "T" || s == "tr").then_some(12)
}

/// A fraction at the number `toks[k]`: mixed (`10 1/2`, `10½`) or, when a unit follows, plain
/// (`1/2 mile`, `3/4 cup`). Returns its value and the index after it. Dates (`10/12/2016`)
/// and scores are not fractions: the denominator must exceed the numerator and no second
/// slash may follow.
fn fraction_at(toks: &[Tok], k: usize) -> Option<(Dec, usize)> {
    let t = &toks[k];
    let int = |x: &Tok| {
        (x.is_num() && x.text.bytes().all(|b| b.is_ascii_digit()) && x.text.len() <= 3)
            .then(|| x.text.parse::<u128>().ok())
            .flatten()
    };
    let touch = |x: usize, y: usize| toks.get(x).zip(toks.get(y)).is_some_and(|(a, b)| a.end == b.start);
    // `num/den` starting at `x`: returns the fraction.
    let slash = |x: usize| -> Option<Dec> {
        let (n, d) = (int(toks.get(x)?)?, int(toks.get(x + 2)?)?);
        let ok = toks.get(x + 1)?.is_sym("/") && touch(x, x + 1) && touch(x + 1, x + 2) && n > 0 && n < d && d <= 100;
        let another = toks.get(x + 3).is_some_and(|s| s.is_sym("/") && touch(x + 2, x + 3));
        if ok && !another {
            Dec::fraction(n, d)
        } else {
            None
        }
    };
    let whole = Dec::parse(t.text)?;
    if let Some(u) = toks.get(k + 1).filter(|u| u.start <= t.end + 1).and_then(|u| unicode_fraction(u.text)) {
        return Some((whole.add(u)?, k + 2));
    }
    if int(t).is_some() && toks.get(k + 1).is_some_and(|n| n.start > t.end) {
        if let Some(f) = slash(k + 1) {
            return Some((whole.add(f)?, k + 4));
        }
    }
    let f = slash(k)?;
    let unit_after = units::measure(toks, k + 3).is_some()
        || units::currency_suffix(toks, k + 3, false).is_some()
        || (toks.get(k + 3).is_some_and(|d| d.is_dash()) && units::measure(toks, k + 4).is_some());
    unit_after.then_some((f, k + 3))
}

/// Whether the words around a number followed by a bare `m` (at `m`) speak of length, height
/// or distance (`1.8m tall`, `a height of 3m`, `the 100m sprint`), so the `m` is metres.
fn length_context(toks: &[Tok], num: usize, m: usize) -> bool {
    const AFTER: &[&str] = &[
        "tall",
        "high",
        "long",
        "wide",
        "deep",
        "thick",
        "away",
        "above",
        "below",
        "across",
        "apart",
        "underground",
        "sprint",
        "sprints",
        "sprinter",
        "hurdles",
        "freestyle",
        "backstroke",
        "breaststroke",
        "butterfly",
        "medley",
        "relay",
        "dash",
        "race",
        "final",
        "heats",
        "run",
        "swim",
        "jump",
        "span",
        "square",
        "cubic",
    ];
    const BEFORE: &[&str] = &[
        "height",
        "heights",
        "tall",
        "long",
        "length",
        "width",
        "wide",
        "depth",
        "deep",
        "distance",
        "altitude",
        "elevation",
        "diameter",
        "radius",
        "measuring",
        "measures",
        "measured",
        "stands",
        "stood",
        "standing",
        "jumped",
        "leapt",
        "cleared",
        "threw",
        "vaulted",
        "span",
        "spans",
        "wingspan",
        "dived",
        "metres",
        "meters",
    ];
    let after = toks
        .get(m + 1)
        .filter(|n| !(n.is_dash() && n.start == toks[m].end))
        .or_else(|| toks.get(m + 2).filter(|_| toks[m + 1].start == toks[m].end));
    if after.is_some_and(|n| AFTER.iter().any(|w| n.is(w))) {
        return true;
    }
    // `3m in height`
    if toks.get(m + 1).is_some_and(|n| n.is("in"))
        && toks.get(m + 2).is_some_and(|n| ["height", "length", "width", "depth", "diameter"].iter().any(|w| n.is(w)))
    {
        return true;
    }
    toks[num.saturating_sub(4)..num].iter().any(|t| BEFORE.iter().any(|w| t.is(w)))
}

/// Whether `pound(s)` ending at `end` in a mention starting at `start` is a weight: a weight
/// word before it (`weighs`, `drop`, `lost`) or a weighed thing after it (`a twenty pound bag`),
/// and no money word near (`cost`, `paid`, `£`, `note`).
fn pound_is_weight(toks: &[Tok], start: usize, end: usize) -> bool {
    const WEIGHT_BEFORE: &[&str] = &[
        "weigh",
        "weighs",
        "weighed",
        "weighing",
        "weight",
        "lose",
        "loses",
        "lost",
        "losing",
        "drop",
        "drops",
        "dropped",
        "dropping",
        "gain",
        "gains",
        "gained",
        "gaining",
        "shed",
        "sheds",
        "shedding",
        "heavy",
        "heavier",
        "lighter",
        "overweight",
        "lift",
        "lifts",
        "lifted",
        "lifting",
        "carry",
        "carries",
        "carried",
        "carrying",
        "bench",
        "pressed",
        "tipped",
        "scales",
    ];
    const WEIGHT_AFTER: &[&str] = &[
        "bag",
        "bags",
        "sack",
        "sacks",
        "box",
        "boxes",
        "weight",
        "weights",
        "heavier",
        "lighter",
        "overweight",
        "turkey",
        "turkeys",
        "fish",
        "bass",
        "salmon",
        "catfish",
        "baby",
        "dumbbell",
        "dumbbells",
        "bale",
        "bales",
        "load",
        "loads",
        "block",
        "blocks",
        "bomb",
        "bombs",
        "lobster",
        "steak",
        "potatoes",
        "apples",
        "flour",
        "sugar",
        "rice",
        "beef",
        "meat",
        "cheese",
        "butter",
        "coffee",
    ];
    const MONEY: &[&str] = &[
        "£",
        "sterling",
        "cost",
        "costs",
        "costing",
        "paid",
        "pay",
        "pays",
        "paying",
        "price",
        "priced",
        "prices",
        "worth",
        "fine",
        "fined",
        "spent",
        "spend",
        "spending",
        "sold",
        "sell",
        "sells",
        "buy",
        "bought",
        "salary",
        "wage",
        "wages",
        "earn",
        "earns",
        "earned",
        "raised",
        "budget",
        "note",
        "notes",
        "coin",
        "coins",
        "bet",
        "prize",
        "damages",
        "compensation",
        "charge",
        "charged",
        "fee",
        "fees",
        "tax",
        "loan",
        "debt",
        "profit",
        "revenue",
        "donated",
        "donation",
        "bid",
        "bonus",
        "ticket",
        "tickets",
        "pension",
    ];
    let any = |ts: &[Tok], list: &[&str]| ts.iter().any(|t| list.iter().any(|w| t.is(w) || t.text == *w));
    let before = &toks[start.saturating_sub(4)..start];
    let after = &toks[end..(end + 2).min(toks.len())];
    if any(before, MONEY) || any(after, MONEY) {
        return false;
    }
    any(before, WEIGHT_BEFORE) || toks.get(end).is_some_and(|t| WEIGHT_AFTER.iter().any(|w| t.is(w)))
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
            if toks.get(end).is_some_and(|s| {
                s.is_word() && (scale_word(s.text).is_some() || (s.start == n.end && scale_suffix(s.text).is_some()))
            }) {
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
        if (t.is("a") || t.is("an"))
            && toks.get(k + 1).is_some_and(|n| matches!(n.text, "year" | "month" | "week" | "day" | "hour"))
        {
            let p = period(&toks[k + 1])?;
            return Some((format!("per {p}"), k + 2));
        }
        if t.is("annually") || t.is("yearly") || t.is("monthly") || t.is("weekly") || t.is("daily") {
            return Some((String::new(), k + 1));
        }
    }
    None
}
