//! CoNLL-2003: reads the four-column IOB2 files (`token POS chunk NER`) into sentences of
//! tokens and tags. Scoring tag sequences lives in [`crate::eval::conll`]; the NER model trains
//! on these sentences ([`crate::ner::train`]).

use std::path::Path;

use super::{FormatError, LineError};

/// One sentence: its tokens and their NER tags (`B-PER`, `I-ORG`, `O`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// Reads a CoNLL-2003 file: blank lines end sentences, `-DOCSTART-` lines are skipped, the
/// token is the first column and the NER tag the last.
pub fn read_conll(path: &Path) -> Result<Vec<ConllSentence>, FormatError> {
    let text = std::fs::read_to_string(path).map_err(|e| FormatError::io(path, e))?;
    parse_conll(&text).map_err(|e| FormatError::parse(path, e))
}

/// Parses the text of a CoNLL-2003 file (see [`read_conll`]).
///
/// ```
/// use newsmine::formats::conll::parse_conll;
/// let s = parse_conll("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n").unwrap();
/// assert_eq!(s[0].tags, vec!["B-ORG", "O"]);
/// ```
pub fn parse_conll(text: &str) -> Result<Vec<ConllSentence>, LineError> {
    let mut sentences = Vec::new();
    let mut current = ConllSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            continue;
        }
        if cols.len() < 2 {
            return Err(LineError { line: i + 1, reason: format!("expected `token ... tag`, got {line:?}") });
        }
        current.tokens.push(cols[0].to_string());
        current.tags.push(cols[cols.len() - 1].to_string());
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_four_columns_and_skips_docstart() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let s = parse_conll(text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, vec!["EU", "rejects"]);
        assert_eq!(s[0].tags, vec!["B-ORG", "O"]);
        assert_eq!(s[1].tags, vec!["B-PER", "I-PER"]);
    }

    #[test]
    fn errors_name_the_line_and_the_file() {
        let err = parse_conll("EU B-ORG\n\nlonely\n").unwrap_err();
        assert_eq!(err.line, 3);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, "lonely\n").unwrap();
        let err = crate::testdata::chain(read_conll(&path).unwrap_err());
        assert!(err.ends_with("bad.txt: line 1: expected `token ... tag`, got \"lonely\""), "{err}");
        let err = read_conll(&dir.path().join("absent.txt")).unwrap_err();
        assert!(matches!(err, FormatError::Missing { .. }), "{err}");
    }
}
