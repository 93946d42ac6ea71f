//! Figures: numeric expressions that measure something — money, counts, percentages, rates,
//! physical quantities and durations — with their qualifier and the noun they count.
//!
//! Owns: finding figure mentions in the sentences of an [`Analysed`] document and
//! normalising each to a plain decimal value, a unit and a kind. Hands on: [`Figure`]s with
//! byte spans into the document text, sorted and non-overlapping, for `export` to write as
//! `figures.csv` rows ([`Figure::to_row`] converts offsets to code points).
//!
//! Stages, one file each:
//! 1. `tokens` splits text into numbers (`40,000`, `10 000`, `12,34,567`), words and symbols
//!    with byte spans;
//! 2. `numbers` reads digits, scale words/suffixes, spelled-out numbers, fractions and vague
//!    plurals into exact decimals (`$80.7bn` -> `80700000000`, never via `f64`);
//! 3. `units` matches the lexicon of currencies (`currencies.tsv`: every ISO 4217 code with its
//!    symbols, English names and minor units), percent markers, and measures and time units
//!    (`units.tsv`); the tables are data, compiled in;
//! 4. `qualifiers` reads `more than`, `up to`, `approximately`, `or more` ...;
//! 5. `exclusions` rejects dates, years, times, ordinals, references, names and phone numbers;
//!    `markup` marks URLs, e-mail addresses, hashtags, handles and tags, where nothing starts;
//! 6. `subject` finds the counted noun; 7. `rules` combines them into a mention.
//!
//! Decisions worth knowing:
//! - **Ranges** (`20-30`, `20 to 30`, `between 20 and 30`, `$20-$30 million`, `8- to
//!   16-meter`, `1000 - 5000`) give one figure
//!   whose value is the lower bound and whose span covers the whole range; a scale written
//!   only on the upper bound applies to both (`20 to 30 million` -> `20000000`).
//! - **Money per period** (`$20,000 per year`, `$5 a day`) stays kind `money` with the ISO code
//!   as unit; the span includes `per year`. A count per base (`38 per 100,000`, `5 per day`)
//!   is kind `rate` with unit `per 100,000` / `per day`; a measure per period is a rate with
//!   unit `km per hour`.
//! - **Vague plurals** (`hundreds`, `thousands of`, `several hundred`, `tens of thousands`)
//!   have qualifier `vague` and the value of the unit they name (100, 1000, 100, 10000).
//! - **`one`** alone is a figure only with a qualifier (`at least one`) or a time unit
//!   (`one year`, `one-year`); `one of the`, `one relative`, `no one` and the idiom `one day`
//!   are not. Other spelled numbers are counts (`three times`).
//! - **Years**: four plain digits from 1000 to 2100 are years unless a unit, percent or
//!   currency makes them an amount (`1500 km`, `$2025`).
//! - Percentage points have unit `pp`. `m` after a number is million in money and count
//!   context (`$6m`, `6m people`) and metres after height and distance words (`1.8m tall`,
//!   `a height of 3 m`, `the 100m sprint`); `M` is always million.
//! - **Money**: symbols before or after the amount, glued or spaced (`$5`, `10 $`, `20€`,
//!   `Mex$ 10 million`), codes with the scale anywhere (`USD 5 million`, `5 million USD`,
//!   `75 USD million`, `30 MUSD`, `$2.174T`), names with nationality (`125 million Australian
//!   dollars`). Minor units become the major unit (`50 cents` -> `0.5` USD, `470p` -> `4.7`
//!   GBP). Names that are also English words (`won`, `marks`, `rand`) are money only after a
//!   scale word. A bare `$` or `dollars` is USD unless the text names exactly one other dollar
//!   and never the US one (then it is that dollar: `A$5m ... $3m` -> AUD twice).
//! - `pound(s)` is a weight (`lb`) with a weight word before it (`weighs`, `drop`, `lost`) or a
//!   weighed thing after it (`a twenty pound bag`), and no money word near; else GBP.
//! - Signed values (`minus five percent`, `−3.5%`) have a leading `-` in `value`; `plus or
//!   minus 3 points` stays positive. Mixed and unicode fractions add up exactly (`10 1/2` ->
//!   `10.5`, `1½` -> `1.5`); thirds and sixths are rounded to six places.
//! - Subjects are looked for after the figure (skipping `alleged`, `of the`, modifiers like
//!   `MS-13`), then as `X of <figure>` before it (`debt of $31bn`); for quantities and
//!   percentages only `of X` counts (`0.6 square metres of space`, `82% of its GDP`).

mod exclusions;
mod markup;
mod numbers;
mod qualifiers;
mod rules;
mod subject;
mod tokens;
mod units;

#[cfg(test)]
mod tests;

use crate::doc::Analysed;
pub use crate::labels::{FigureKind, Qualifier};
use crate::span::Span;

/// One figure mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte span of the whole mention, qualifier and unit included (`more than 250`,
    /// `$6 million`, `38 per 100,000`).
    pub span: Span,
    /// Plain decimal, never scientific: `6000000`, `80700000000`, `0.6`; a negative value has a
    /// leading `-` (`minus five percent` -> `-5`).
    pub value: String,
    /// ISO code for money, `%` for percentages, `per 100,000` for rates, the normalised
    /// measure (`km`, `acre`, `m2`) or time unit (`year`), empty for counts.
    pub unit: String,
    pub kind: FigureKind,
    pub qualifier: Qualifier,
    /// The noun counted or priced (`Venezuelans`, `deal`), empty when the text gives none.
    pub subject: String,
}

/// All figures in the sentences of `doc` whose paragraph has `extract == true`, sorted by
/// `span.start`, non-overlapping; spans are byte offsets into `doc.text`.
pub fn extract(doc: &Analysed) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for sentence in doc.extract_sentences() {
        let offset = sentence.span.start;
        for mut f in extract_text(sentence.span.text(&doc.text)) {
            f.span = Span::new(f.span.start + offset, f.span.end + offset);
            out.push(f);
        }
    }
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    // Sentences never overlap in a well-formed document; keep the first figure if they do.
    let mut kept: Vec<Figure> = Vec::with_capacity(out.len());
    for f in out {
        if kept.last().is_none_or(|k| !k.span.overlaps(f.span)) {
            kept.push(f);
        }
    }
    resolve_dollars(&doc.text, &mut kept);
    kept
}

/// A bare `$` or `dollars` is USD unless the text names exactly one other dollar (`A$`,
/// `Australian dollars`) and never the US one (`US$`, `USD`, `U.S. dollars`): then the bare
/// dollars are that one too.
fn resolve_dollars(text: &str, figures: &mut [Figure]) {
    let money = |f: &Figure| f.kind == FigureKind::Money;
    let mut other: Option<String> = None;
    for f in figures.iter().filter(|f| money(f)) {
        if f.unit == "USD" && !units::is_bare_dollar(f.span.text(text)) {
            return;
        }
        if f.unit != "USD" && units::is_dollar_code(&f.unit) {
            match &other {
                Some(o) if *o != f.unit => return,
                _ => other = Some(f.unit.clone()),
            }
        }
    }
    let Some(code) = other else { return };
    for f in figures.iter_mut().filter(|f| money(f) && f.unit == "USD") {
        if units::is_bare_dollar(f.span.text(text)) {
            f.unit = code.clone();
        }
    }
}

/// Figures in a single piece of text, spans relative to it, sorted and non-overlapping.
///
/// ```
/// use newsmine::figures::{extract_text, FigureKind, Qualifier};
/// let f = extract_text("the United States deported more than 250 Venezuelans");
/// assert_eq!(f.len(), 1);
/// assert_eq!((f[0].value.as_str(), f[0].kind, f[0].qualifier), ("250", FigureKind::Count, Qualifier::MoreThan));
/// assert_eq!(f[0].subject, "Venezuelans");
/// ```
pub fn extract_text(text: &str) -> Vec<Figure> {
    let mut figures = rules::scan(text);
    resolve_dollars(text, &mut figures);
    figures
}
