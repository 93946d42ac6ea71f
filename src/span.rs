//! Spans: the one place where byte offsets become code point offsets.
//!
//! Inside the library every span is a pair of **byte** offsets into the document text as
//! decoded (`&text[span.start..span.end]` is the surface string). The CSV contract asks for
//! Unicode **code point** offsets, so export converts with [`CharMap`], and nothing else does.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
///
/// Invariant: both ends lie on UTF-8 character boundaries of the text the span was made for,
/// so `&text[span.range()]` never panics and equals the surface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The surface string of this span in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span shrunk so it neither starts nor ends with whitespace.
    ///
    /// ```
    /// use newsmine::span::Span;
    /// let text = "  Nayib Bukele\u{a0}";
    /// let s = Span::new(0, text.len()).trim(text);
    /// assert_eq!(s.text(text), "Nayib Bukele");
    /// ```
    pub fn trim(&self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Converts byte offsets of one text into Unicode code point offsets.
pub struct CharMap {
    /// `starts[i]` is the byte offset of code point `i`; the last entry is `text.len()`.
    starts: Vec<usize>,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharMap { starts }
    }

    /// Code point offset of a byte offset that lies on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            // Not on a boundary: the character containing it (never produced by our spans).
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a code point offset (clamped to the end of the text).
    pub fn byte_offset(&self, chars: usize) -> usize {
        self.starts[chars.min(self.starts.len() - 1)]
    }

    /// `(start, end)` in code points.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// A code point range back into a byte span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.byte_offset(start), self.byte_offset(end))
    }

    pub fn len_chars(&self) -> usize {
        self.starts.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multibyte_offsets_round_trip() {
        let text = "Café’s\u{a0}owner — “José” said.";
        let map = CharMap::new(text);
        let start = text.find("José").unwrap();
        let span = Span::new(start, start + "José".len());
        let (cs, ce) = map.chars(span);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[cs..ce].iter().collect::<String>(), "José");
        assert_eq!((cs, ce), (16, 20));
        assert_eq!(map.span(cs, ce), span);
        assert_eq!(map.len_chars(), text.chars().count());
    }

    #[test]
    fn trim_handles_nbsp_and_empty() {
        let text = "\u{a0} a \u{a0}";
        assert_eq!(Span::new(0, text.len()).trim(text).text(text), "a");
        let blank = "\u{a0}  ";
        assert!(Span::new(0, blank.len()).trim(blank).is_empty());
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
    }
}
