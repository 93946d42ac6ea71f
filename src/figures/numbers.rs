//! Numbers: exact decimal values, digit strings (`40,000`, `80.7`), scale words and suffixes
//! (`million`, `bn`), spelled-out numbers (`twenty-three`, `one hundred and five`) and vague
//! plurals (`hundreds`, `tens of thousands`).
//!
//! Values are kept as an integer mantissa and a count of decimal digits, so `$80.7bn` is
//! exactly `807 * 10^8` and prints as `80700000000` (never through `f64`).

use super::tokens::Tok;

/// An exact non-negative decimal: `mant / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec {
    pub mant: u128,
    pub scale: u32,
}

impl Dec {
    pub fn int(n: u128) -> Dec {
        Dec { mant: n, scale: 0 }
    }

    /// Parses `40,000`, `80.7`, `1,234.50`; commas are thousands separators.
    pub fn parse(s: &str) -> Option<Dec> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        let mut mant: u128 = 0;
        // Separators (`,`, spaces, NBSP, thin spaces) carry no value.
        for c in int
            .chars()
            .filter(|&c| !c.is_whitespace() && c != ',' && c != '\u{2009}' && c != '\u{202f}')
            .chain(frac.chars())
        {
            let d = c.to_digit(10)?;
            mant = mant.checked_mul(10)?.checked_add(d as u128)?;
        }
        Some(Dec { mant, scale: frac.len() as u32 })
    }

    /// `self * 10^k`, exactly; `None` on overflow.
    pub fn mul_pow10(self, k: u32) -> Option<Dec> {
        if self.scale >= k {
            Some(Dec { mant: self.mant, scale: self.scale - k })
        } else {
            let f = 10u128.checked_pow(k - self.scale)?;
            Some(Dec { mant: self.mant.checked_mul(f)?, scale: 0 })
        }
    }

    /// `self * 10^k` for a signed `k` (`-2` turns cents into dollars), exactly.
    pub fn shift(self, k: i32) -> Option<Dec> {
        if k >= 0 {
            self.mul_pow10(k as u32)
        } else {
            Some(Dec { mant: self.mant, scale: self.scale + k.unsigned_abs() })
        }
    }

    /// `self + other`, exactly.
    pub fn add(self, other: Dec) -> Option<Dec> {
        let s = self.scale.max(other.scale);
        let a = self.mant.checked_mul(10u128.checked_pow(s - self.scale)?)?;
        let b = other.mant.checked_mul(10u128.checked_pow(s - other.scale)?)?;
        Some(Dec { mant: a.checked_add(b)?, scale: s })
    }

    /// `num / den` as a decimal: exact when `den` has only the factors 2 and 5, otherwise
    /// rounded to six places (`1/3` -> `0.333333`).
    pub fn fraction(num: u128, den: u128) -> Option<Dec> {
        if den == 0 {
            return None;
        }
        let mut d = den;
        let mut places = 0;
        while d.is_multiple_of(2) || d.is_multiple_of(5) {
            d /= if d.is_multiple_of(2) { 2 } else { 5 };
            places += 1;
        }
        let scale = if d == 1 { places.max(1) } else { 6 };
        let scaled = num.checked_mul(10u128.checked_pow(scale)?)?;
        Some(Dec { mant: (scaled + den / 2) / den, scale })
    }

    /// `self * n` for a whole `n`.
    pub fn mul_int(self, n: u128) -> Option<Dec> {
        Some(Dec { mant: self.mant.checked_mul(n)?, scale: self.scale })
    }

    /// Plain decimal text: `6000000`, `0.6`, `1.9` (no exponent, no trailing zeros).
    pub fn to_plain(self) -> String {
        let digits = self.mant.to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return digits;
        }
        let padded = format!("{:0>width$}", digits, width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        }
    }
}

/// Power of ten of a scale word written out (`thousand` -> 3).
pub fn scale_word(w: &str) -> Option<u32> {
    match w.to_ascii_lowercase().as_str() {
        "hundred" => Some(2),
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        _ => None,
    }
}

/// Power of ten of a suffix glued to digits (`6mn`, `80.7bn`, `20k`).
pub fn scale_suffix(w: &str) -> Option<u32> {
    match w {
        "k" | "K" => Some(3),
        "m" | "M" | "mn" | "mln" | "mil" | "MN" | "MM" => Some(6),
        "b" | "B" | "bn" | "bln" | "BN" => Some(9),
        "tn" | "trn" | "TN" => Some(12),
        _ => None,
    }
}

/// Value of a unicode vulgar fraction (`½` -> 0.5, `⅓` -> 0.333333).
pub fn unicode_fraction(s: &str) -> Option<Dec> {
    let (n, d) = match s {
        "½" => (1, 2),
        "⅓" => (1, 3),
        "⅔" => (2, 3),
        "¼" => (1, 4),
        "¾" => (3, 4),
        "⅕" => (1, 5),
        "⅖" => (2, 5),
        "⅗" => (3, 5),
        "⅘" => (4, 5),
        "⅙" => (1, 6),
        "⅚" => (5, 6),
        "⅛" => (1, 8),
        "⅜" => (3, 8),
        "⅝" => (5, 8),
        "⅞" => (7, 8),
        _ => return None,
    };
    Dec::fraction(n, d)
}

/// Value of a single spelled-out number word below a hundred.
pub fn small_word(w: &str) -> Option<u128> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let w = w.to_ascii_lowercase();
    if let Some(i) = WORDS.iter().position(|&x| x == w) {
        return Some(i as u128);
    }
    if w == "dozen" {
        return None;
    }
    TENS.iter().position(|&x| x == w).map(|i| 20 + 10 * i as u128)
}

fn is_tens(n: u128) -> bool {
    n >= 20 && n.is_multiple_of(10) && n < 100
}

/// A spelled-out number parsed from tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: u128,
    /// Index one past the last token used.
    pub end: usize,
    /// Number of number words used (`one` alone is 1; `one hundred` is 2).
    pub words: usize,
}

/// Parses a spelled-out whole number starting at `toks[i]`: `three`, `twenty-three`,
/// `one hundred and five`, `two million`. Stops before a hyphen that does not join tens and
/// units, so `four-day` yields `four`.
pub fn spelled(toks: &[Tok], i: usize) -> Option<Spelled> {
    let mut total: u128 = 0;
    let mut current: u128 = 0;
    let mut j = i;
    let mut words = 0;
    let mut last_small: Option<u128> = None; // the last small number word, for "twenty-three"
    let mut end = i;
    while j < toks.len() {
        let t = &toks[j];
        if !t.is_word() {
            // `twenty-three`: tens, hyphen touching both sides, unit.
            if t.is_dash()
                && last_small.is_some_and(is_tens)
                && j + 1 < toks.len()
                && toks[j - 1].end == t.start
                && toks[j + 1].start == t.end
                && toks[j + 1].is_word()
            {
                if let Some(u) = small_word(toks[j + 1].text).filter(|&u| (1..10).contains(&u)) {
                    current += u;
                    last_small = Some(u);
                    words += 1;
                    j += 2;
                    end = j;
                    continue;
                }
            }
            break;
        }
        if let Some(n) = small_word(t.text) {
            // "five three" is two numbers; units may follow tens ("twenty three").
            if let Some(prev) = last_small {
                if !(is_tens(prev) && (1..10).contains(&n)) {
                    break;
                }
            }
            current += n;
            last_small = Some(n);
        } else if let Some(k) = scale_word(t.text) {
            if words == 0 {
                break;
            }
            if k == 2 {
                if current == 0 || current >= 100 {
                    break;
                }
                current *= 100;
            } else {
                let f = 10u128.pow(k);
                // "two million three hundred thousand": each scale needs a number before it.
                if current == 0 {
                    break;
                }
                total += current * f;
                current = 0;
            }
            last_small = None;
        } else if t.is("and") && words > 0 && last_small.is_none() && current.max(total) > 0 {
            // "one hundred and five": only when a number word follows.
            if j + 1 < toks.len() && small_word(toks[j + 1].text).is_some() {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        words += 1;
        j += 1;
        end = j;
    }
    if words == 0 {
        return None;
    }
    Some(Spelled { value: total + current, end, words })
}

/// A vague plural amount: `hundreds`, `thousands`, `tens of thousands`, `dozens`, and
/// `several hundred` / `a few thousand`; the value is the unit the plural names (`hundreds` ->
/// 100). Returns the value and the index after it.
pub fn vague(toks: &[Tok], i: usize) -> Option<(Dec, usize)> {
    let t = toks.get(i)?;
    let plural = |w: &Tok| -> Option<u32> {
        match w.text.to_ascii_lowercase().as_str() {
            "hundreds" => Some(2),
            "thousands" => Some(3),
            "millions" => Some(6),
            "billions" => Some(9),
            "trillions" => Some(12),
            _ => None,
        }
    };
    let of_is = |j: usize| toks.get(j).is_some_and(|t| t.is("of"));
    if t.is("tens") && of_is(i + 1) {
        let k = plural(toks.get(i + 2)?)?;
        return Some((Dec::int(10).mul_pow10(k)?, i + 3));
    }
    if t.is("dozens") {
        return Some((Dec::int(12), i + 1));
    }
    if let Some(k) = plural(t) {
        // "hundreds of thousands" multiplies.
        if of_is(i + 1) {
            if let Some(k2) = toks.get(i + 2).and_then(plural) {
                return Some((Dec::int(1).mul_pow10(k + k2)?, i + 3));
            }
        }
        return Some((Dec::int(1).mul_pow10(k)?, i + 1));
    }
    // "several hundred", "a few thousand"
    let (j, _) = if t.is("several") {
        (i + 1, ())
    } else if t.is("a") && toks.get(i + 1).is_some_and(|t| t.is("few")) {
        (i + 2, ())
    } else {
        return None;
    };
    let k = scale_word(toks.get(j)?.text).filter(|_| toks[j].is_word())?;
    Some((Dec::int(1).mul_pow10(k)?, j + 1))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn decimal_parsing_and_scaling_is_exact() {
        assert_eq!(Dec::parse("80.7").unwrap().mul_pow10(9).unwrap().to_plain(), "80700000000");
        assert_eq!(Dec::parse("3.9").unwrap().mul_pow10(9).unwrap().to_plain(), "3900000000");
        assert_eq!(Dec::parse("40,000").unwrap().to_plain(), "40000");
        assert_eq!(Dec::parse("0.6").unwrap().to_plain(), "0.6");
        assert_eq!(Dec::parse("1.50").unwrap().to_plain(), "1.5");
        assert_eq!(Dec::parse("0.0025").unwrap().mul_pow10(3).unwrap().to_plain(), "2.5");
        assert_eq!(Dec::parse("1.234567").unwrap().mul_pow10(3).unwrap().to_plain(), "1234.567");
        assert_eq!(Dec::parse("2.0").unwrap().to_plain(), "2");
        assert_eq!(Dec::parse("10 000").unwrap().to_plain(), "10000");
        assert_eq!(Dec::parse("12,34,567.89").unwrap().to_plain(), "1234567.89");
        assert_eq!(Dec::int(50).shift(-2).unwrap().to_plain(), "0.5");
        assert_eq!(Dec::int(75).shift(6).unwrap().to_plain(), "75000000");
        assert_eq!(Dec::int(10).add(Dec::fraction(1, 2).unwrap()).unwrap().to_plain(), "10.5");
        assert_eq!(Dec::fraction(3, 16).unwrap().to_plain(), "0.1875");
        assert_eq!(Dec::fraction(1, 3).unwrap().to_plain(), "0.333333");
        assert_eq!(Dec::fraction(2, 3).unwrap().to_plain(), "0.666667");
        assert_eq!(unicode_fraction("¾").unwrap().to_plain(), "0.75");
    }

    fn spell(s: &str) -> Option<(u128, usize)> {
        let toks = tokenize(s);
        spelled(&toks, 0).map(|x| (x.value, x.end))
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(spell("three"), Some((3, 1)));
        assert_eq!(spell("twenty-three people"), Some((23, 3)));
        assert_eq!(spell("twenty three"), Some((23, 2)));
        assert_eq!(spell("one hundred and five"), Some((105, 4)));
        assert_eq!(spell("two million"), Some((2_000_000, 2)));
        assert_eq!(spell("two million three hundred thousand"), Some((2_300_000, 5)));
        assert_eq!(spell("four-day"), Some((4, 1)));
        assert_eq!(spell("five three"), Some((5, 1)));
        assert_eq!(spell("nine hundred ninety-nine"), Some((999, 5)));
        assert_eq!(spell("hundred"), None);
        assert_eq!(spell("one and"), Some((1, 1)));
    }

    #[test]
    fn vague_plurals() {
        let v = |s: &str| {
            let toks = tokenize(s);
            vague(&toks, 0).map(|(d, e)| (d.to_plain(), e))
        };
        assert_eq!(v("hundreds of"), Some(("100".into(), 1)));
        assert_eq!(v("Thousands"), Some(("1000".into(), 1)));
        assert_eq!(v("tens of thousands"), Some(("10000".into(), 3)));
        assert_eq!(v("hundreds of thousands"), Some(("100000".into(), 3)));
        assert_eq!(v("several hundred"), Some(("100".into(), 2)));
        assert_eq!(v("a few thousand"), Some(("1000".into(), 3)));
        assert_eq!(v("several"), None);
    }
}
