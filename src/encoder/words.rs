//! Word tokenization for NER, in the style of CoNLL-2003: punctuation split from words,
//! possessive `'s` a token of its own, abbreviations (`U.S.`, `Pres.`) and numbers
//! (`6,000`, `80.7`) kept whole, hyphenated words kept whole. Each word carries its byte span,
//! so entity spans map back to the original text untouched.

use crate::segment::{is_dotted_abbreviation, is_initial, MAY_END_SENTENCE, NEVER_FINAL};
use crate::span::Span;

/// The casing shape of a piece of text: the signal an uncased encoder loses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Padding and special tokens.
    None = 0,
    Lower = 1,
    Capitalized = 2,
    Upper = 3,
    Mixed = 4,
    Digit = 5,
    Other = 6,
}

impl Shape {
    pub const COUNT: i64 = 7;

    pub fn of(s: &str) -> Shape {
        let mut letters = 0;
        let mut upper = 0;
        let mut digits = 0;
        let mut first_upper = false;
        for (i, c) in s.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if letters == 1 && i == 0 {
                        first_upper = true;
                    }
                }
            } else if c.is_numeric() {
                digits += 1;
            }
        }
        if letters == 0 {
            return if digits > 0 { Shape::Digit } else { Shape::Other };
        }
        if upper == 0 {
            Shape::Lower
        } else if upper == letters {
            if letters == 1 && !first_upper {
                Shape::Mixed
            } else if letters == 1 {
                Shape::Capitalized
            } else {
                Shape::Upper
            }
        } else if first_upper && upper == 1 {
            Shape::Capitalized
        } else {
            Shape::Mixed
        }
    }
}

fn is_quote_or_bracket(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '`')
}

fn is_trailing_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '!' | '?' | '.' | '…') || is_quote_or_bracket(c)
}

/// `U.S.`, `a.m.`, `Pres.`, `Mar.`: a final period that belongs to the word.
fn keeps_final_period(word: &str) -> bool {
    let core = &word[..word.len() - 1];
    if core.is_empty() {
        return false;
    }
    is_dotted_abbreviation(core) || is_initial(core) || NEVER_FINAL.contains(&core) || MAY_END_SENTENCE.contains(&core)
}

/// Splits `text[span]` into words; spans are absolute byte offsets into `text`.
///
/// ```
/// use newsmine::encoder::words::words;
/// use newsmine::span::Span;
/// let text = "“Bukele’s deal,” the U.S. official said.";
/// let w: Vec<&str> = words(text, Span::new(0, text.len())).iter().map(|s| s.text(text)).collect();
/// assert_eq!(w, ["“", "Bukele", "’s", "deal", ",", "”", "the", "U.S.", "official", "said", "."]);
/// ```
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let slice = span.text(text);
    let mut chunk_start: Option<usize> = None;
    let push_chunk = |start: usize, end: usize, out: &mut Vec<Span>| split_chunk(text, Span::new(start, end), out);
    for (i, c) in slice.char_indices() {
        let abs = span.start + i;
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                push_chunk(s, abs, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(abs);
        }
    }
    if let Some(s) = chunk_start {
        push_chunk(s, span.end, &mut out);
    }
    out
}

/// Splits one whitespace-free chunk into words.
fn split_chunk(text: &str, chunk: Span, out: &mut Vec<Span>) {
    let mut start = chunk.start;
    let mut end = chunk.end;
    // Leading quotes and brackets.
    while start < end {
        let c = text[start..end].chars().next().unwrap();
        if is_quote_or_bracket(c) || matches!(c, '—' | '–') {
            out.push(Span::new(start, start + c.len_utf8()));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, kept in order.
    let mut trailing = Vec::new();
    while start < end {
        let s = &text[start..end];
        let c = s.chars().next_back().unwrap();
        if c == '.' && keeps_final_period(s) {
            break;
        }
        if is_trailing_punct(c) || matches!(c, '—' | '–') {
            trailing.push(Span::new(end - c.len_utf8(), end));
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    if start < end {
        split_inner(text, Span::new(start, end), out);
    }
    out.extend(trailing.into_iter().rev());
}

/// Splits a core word on possessives and on dashes or slashes that join words.
fn split_inner(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.text(text);
    for suffix in ["’s", "'s", "’S", "'S"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            split_inner(text, Span::new(span.start, span.end - suffix.len()), out);
            out.push(Span::new(span.end - suffix.len(), span.end));
            return;
        }
    }
    // Em/en dashes inside a chunk ("prison—the") separate words; hyphens do not.
    if let Some((i, c)) = s.char_indices().find(|&(i, c)| i > 0 && matches!(c, '—' | '–')) {
        split_inner(text, Span::new(span.start, span.start + i), out);
        out.push(Span::new(span.start + i, span.start + i + c.len_utf8()));
        let rest = span.start + i + c.len_utf8();
        if rest < span.end {
            split_chunk(text, Span::new(rest, span.end), out);
        }
        return;
    }
    out.push(span);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len())).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_abbreviations() {
        assert_eq!(
            toks("Pres. Bukele met Sen. Smith in Mar. 2025."),
            ["Pres.", "Bukele", "met", "Sen.", "Smith", "in", "Mar.", "2025", "."]
        );
        assert_eq!(toks("($6,000.50)"), ["(", "$6,000.50", ")"]);
        assert_eq!(
            toks("El Salvador’s\u{a0}CECOT—the prison"),
            ["El", "Salvador", "’s", "CECOT", "—", "the", "prison"]
        );
        assert_eq!(toks("state-run, \"Prison Valley\"?"), ["state-run", ",", "\"", "Prison", "Valley", "\"", "?"]);
    }

    #[test]
    fn shapes() {
        assert_eq!(Shape::of("Bukele"), Shape::Capitalized);
        assert_eq!(Shape::of("ACLU"), Shape::Upper);
        assert_eq!(Shape::of("iPhone"), Shape::Mixed);
        assert_eq!(Shape::of("deal"), Shape::Lower);
        assert_eq!(Shape::of("2025"), Shape::Digit);
        assert_eq!(Shape::of("—"), Shape::Other);
        assert_eq!(Shape::of("É"), Shape::Capitalized);
    }
}
