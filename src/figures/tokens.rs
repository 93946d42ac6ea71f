//! Tokenizer for figure rules: splits a piece of text into numbers, words and single symbols,
//! each with its byte span, so rules can look at neighbours and at whether two tokens touch.
//!
//! Digits and letters are split apart (`6mn` -> `6`, `mn`; `G7` -> `G`, `7`) so suffixes,
//! ordinals and names are decided by rules instead of by the tokenizer.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// ASCII digits with thousands separators (`40,000`, `10 000`, `12,34,567`) and one
    /// decimal point (`80.7`).
    Num,
    /// Letters, with inner apostrophes (`world's`, `hour’s`).
    Word,
    /// Any other single non-space character (`$`, `%`, `-`, `.`).
    Sym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl<'a> Tok<'a> {
    pub fn is_num(&self) -> bool {
        self.kind == TokKind::Num
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// True for a symbol token equal to `s`.
    pub fn is_sym(&self, s: &str) -> bool {
        self.kind == TokKind::Sym && self.text == s
    }

    /// Case-insensitive word comparison (ASCII lexicon entries only).
    pub fn is(&self, word: &str) -> bool {
        self.kind == TokKind::Word && self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_capitalized(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// True for `-` and the en/em dashes used for ranges and compounds.
    pub fn is_dash(&self) -> bool {
        self.kind == TokKind::Sym && matches!(self.text, "-" | "–" | "‑" | "—")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens; whitespace (including NBSP) separates tokens and is dropped.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (scan_number(bytes, i), TokKind::Num)
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let rest = &text[end..];
            let mut it = rest.char_indices().peekable();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = i + c.len_utf8() + j + d.len_utf8();
                    it.next();
                } else if is_apostrophe(d) {
                    // Keep `world's` together, but not a closing quote after a word.
                    let mut look = it.clone();
                    look.next();
                    if look.peek().is_some_and(|&(_, e)| e.is_alphabetic()) {
                        end = i + c.len_utf8() + j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            (end, TokKind::Word)
        } else {
            (i + c.len_utf8(), TokKind::Sym)
        };
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        toks.push(Tok { text: &text[i..end], start: i, end, kind });
    }
    toks
}

/// Byte length of a thousands separator written as a space at `k` (space, NBSP, thin space,
/// narrow NBSP), or 0.
fn space_separator(b: &[u8], k: usize) -> usize {
    match b.get(k..) {
        Some([b' ', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0x89, ..]) | Some([0xE2, 0x80, 0xAF, ..]) => 3,
        _ => 0,
    }
}

/// End of a number starting at `i`: digits with `,ddd` groups (`1,234,567`), Indian
/// `,dd` groups (`12,34,567`) or space-separated groups (`10 000`, `1 414 021 100`), and one
/// `.d+` fraction.
fn scan_number(b: &[u8], i: usize) -> usize {
    let digits = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let is_digit = |k: usize| k < b.len() && b[k].is_ascii_digit();
    // A group of exactly `n` digits at `k`, not followed by another digit.
    let group = |k: usize, n: usize| (k..k + n).all(is_digit) && !is_digit(k + n);
    let mut end = digits(i);
    // Thousands groups only when the first group has at most three digits.
    if end - i <= 3 {
        // Indian grouping: `12,34,567.89` (lakh and crore groups of two, then three).
        let mut k = end;
        let mut pairs = 0;
        while k + 3 <= b.len() && b[k] == b',' && group(k + 1, 2) {
            k += 3;
            pairs += 1;
        }
        if end - i <= 2 && pairs > 0 && k < b.len() && b[k] == b',' && group(k + 1, 3) {
            end = k + 4;
        } else {
            while end + 4 <= b.len() && b[end] == b',' && group(end + 1, 3) {
                end += 4;
            }
            // Space-grouped thousands, unless another number follows (`202 555 0100`, lists).
            if end == digits(i) {
                let mut k = end;
                loop {
                    let sep = space_separator(b, k);
                    if sep > 0 && group(k + sep, 3) {
                        k += sep + 3;
                    } else {
                        break;
                    }
                }
                let mut after = k;
                while after < b.len() && b[after] == b' ' {
                    after += 1;
                }
                if k > end && !is_digit(after) {
                    end = k;
                }
            }
        }
    }
    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        end = digits(end + 1);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_numbers_words_symbols() {
        assert_eq!(texts("$80.7bn, 40,000 inmates"), ["$", "80.7", "bn", ",", "40,000", "inmates"]);
        assert_eq!(texts("April 4, 2025"), ["April", "4", ",", "2025"]);
        assert_eq!(texts("MS-13 world's hour’s"), ["MS", "-", "13", "world's", "hour’s"]);
        assert_eq!(texts("1,2345 and 100,000"), ["1", ",", "2345", "and", "100,000"]);
        assert_eq!(texts("‘Great friend’"), ["‘", "Great", "friend", "’"]);
        assert_eq!(texts("p.45 15:30"), ["p", ".", "45", "15", ":", "30"]);
        assert_eq!(texts("10 000 dollars"), ["10 000", "dollars"]);
        assert_eq!(texts("1 414 021 100 people"), ["1 414 021 100", "people"]);
        assert_eq!(texts("10\u{2009}000 and 5\u{a0}000"), ["10\u{2009}000", "and", "5\u{a0}000"]);
        assert_eq!(texts("202 555 0100"), ["202", "555", "0100"]);
        assert_eq!(texts("Rs 12,34,567.89"), ["Rs", "12,34,567.89"]);
        assert_eq!(texts("5 1000"), ["5", "1000"]);
    }

    #[test]
    fn spans_are_byte_offsets_with_multibyte_text() {
        let s = "€6\u{a0}million — café";
        let toks = tokenize(s);
        assert_eq!(toks[0].text, "€");
        assert_eq!(&s[toks[1].start..toks[1].end], "6");
        assert_eq!(toks[2].text, "million");
        assert_eq!(toks.last().unwrap().text, "café");
    }
}
