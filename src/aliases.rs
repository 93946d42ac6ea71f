//! Names a user gives for their corpus (`newsmine extract --aliases FILE`): a CSV file with the
//! header `alias,canonical`, one spelling per row and the name it stands for. The corpus tables
//! look names up here before their own rules: [`Aliases::canonical`] answers for an alias and
//! for a canonical name alike, whatever its case and spacing.
//!
//! A file that cannot be used is refused whole, with its path and the line at fault: an empty
//! cell, a row that is not two cells, an alias given two canonical names, a canonical name that
//! is itself an alias of another (chains would make the answer depend on the order of rows).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why an aliases file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("aliases file {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("aliases file {path}: line {line}: {reason}")]
    Line { path: PathBuf, line: u64, reason: String },
}

/// A line of the file at fault, before the file's path is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasLineError {
    pub line: u64,
    pub reason: String,
}

/// Alias and canonical spellings, each mapped to its canonical name.
///
/// ```
/// use newsmine::aliases::Aliases;
/// let a = Aliases::parse("alias,canonical\nIRS,Internal Revenue Service\n").unwrap();
/// assert_eq!(a.canonical("irs"), Some("Internal Revenue Service"));
/// assert_eq!(a.canonical("Internal  Revenue Service"), Some("Internal Revenue Service"));
/// assert_eq!(a.canonical("FBI"), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    by_key: HashMap<String, String>,
    /// The file's text as parsed: recorded in a run's fingerprint, so a resumed run or a merge
    /// of shards applies the same aliases ([`Aliases::text`]).
    text: String,
}

/// The lookup key of a name: lowercase, single spaces, no outer spaces.
fn key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Aliases {
    /// Reads an aliases file.
    pub fn read(path: &Path) -> Result<Aliases, AliasError> {
        let text = std::fs::read_to_string(path).map_err(|source| AliasError::Io { path: path.into(), source })?;
        Aliases::parse(&text).map_err(|e| AliasError::Line { path: path.into(), line: e.line, reason: e.reason })
    }

    /// Parses the text of an aliases file (see the module documentation for what is refused).
    pub fn parse(text: &str) -> Result<Aliases, AliasLineError> {
        let err = |line: u64, reason: String| AliasLineError { line, reason };
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        // (line, alias, canonical) of every row, then the checks that need them all.
        let mut rows: Vec<(u64, String, String)> = Vec::new();
        for (i, record) in rdr.records().enumerate() {
            let record = record.map_err(|e| err(e.position().map_or(0, |p| p.line()), format!("not CSV: {e}")))?;
            let line = record.position().map_or(0, |p| p.line());
            let cells: Vec<&str> = record.iter().map(str::trim).collect();
            if i == 0 {
                let header = cells.len() == 2
                    && cells[0].eq_ignore_ascii_case("alias")
                    && cells[1].eq_ignore_ascii_case("canonical");
                if !header {
                    return Err(err(line, format!("the header must be `alias,canonical`, not `{}`", cells.join(","))));
                }
                continue;
            }
            if cells.len() != 2 {
                return Err(err(line, format!("expected 2 cells (alias,canonical), found {}", cells.len())));
            }
            if cells[0].is_empty() || cells[1].is_empty() {
                return Err(err(line, "empty alias or canonical name".into()));
            }
            rows.push((line, cells[0].to_string(), cells[1].to_string()));
        }
        let mut by_key: HashMap<String, String> = HashMap::new();
        let mut first_line: HashMap<String, u64> = HashMap::new();
        for (line, alias, canonical) in &rows {
            if let Some(c) = by_key.get(&key(alias)).filter(|c| key(c) != key(canonical)) {
                let at = first_line[&key(alias)];
                return Err(err(*line, format!("`{alias}` is already an alias of `{c}` (line {at})")));
            }
            by_key.insert(key(alias), canonical.clone());
            first_line.entry(key(alias)).or_insert(*line);
        }
        for (line, _, canonical) in &rows {
            if let Some(c) = by_key.get(&key(canonical)).filter(|c| key(c) != key(canonical)) {
                let at = first_line[&key(canonical)];
                return Err(err(
                    *line,
                    format!("`{canonical}` is a canonical name and also an alias of `{c}` (line {at})"),
                ));
            }
        }
        for (_, _, canonical) in rows {
            by_key.entry(key(&canonical)).or_insert(canonical);
        }
        Ok(Aliases { by_key, text: text.to_string() })
    }

    /// The text the aliases were parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The canonical name of `name` (an alias or a canonical name, in any case and spacing).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.by_key.get(&key(name)).map(String::as_str)
    }

    /// No aliases at all.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_error(text: &str) -> (u64, String) {
        let e = Aliases::parse(text).unwrap_err();
        (e.line, e.reason)
    }

    #[test]
    fn aliases_and_canonical_names_answer_in_any_case_and_spacing() {
        let a = Aliases::parse(
            "\u{feff}alias,canonical\nIRS,Internal Revenue Service\n\"C.I.A.\", Central Intelligence Agency\nCIA,Central Intelligence Agency\n",
        )
        .unwrap();
        assert_eq!(a.canonical(" irs "), Some("Internal Revenue Service"));
        assert_eq!(a.canonical("c.i.a."), Some("Central Intelligence Agency"));
        assert_eq!(a.canonical("CENTRAL   intelligence agency"), Some("Central Intelligence Agency"));
        assert_eq!(a.canonical("FBI"), None);
        assert!(Aliases::parse("alias,canonical\n").unwrap().is_empty());
    }

    #[test]
    fn bad_files_name_the_line() {
        assert_eq!(line_error("name,canonical\n").0, 1);
        assert!(line_error("name,canonical\n").1.contains("`alias,canonical`"));
        assert_eq!(
            line_error("alias,canonical\nIRS,Internal Revenue Service\nFBI\n"),
            (3, "expected 2 cells (alias,canonical), found 1".into())
        );
        assert_eq!(line_error("alias,canonical\n,FBI\n"), (2, "empty alias or canonical name".into()));
        assert_eq!(
            line_error("alias,canonical\nAP,Associated Press\nap,Australian Press\n"),
            (3, "`ap` is already an alias of `Associated Press` (line 2)".into())
        );
        assert_eq!(
            line_error("alias,canonical\nNYT,New York Times\nNew York Times,The New York Times\n"),
            (2, "`New York Times` is a canonical name and also an alias of `The New York Times` (line 3)".into())
        );
    }

    #[test]
    fn read_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aliases.csv");
        std::fs::write(&path, "alias,canonical\nIRS\n").unwrap();
        let msg = Aliases::read(&path).unwrap_err().to_string();
        assert_eq!(
            msg,
            format!("aliases file {}: line 2: expected 2 cells (alias,canonical), found 1", path.display())
        );
        let msg = Aliases::read(&dir.path().join("absent.csv")).unwrap_err().to_string();
        assert!(msg.starts_with(&format!("aliases file {}: ", dir.path().join("absent.csv").display())), "{msg}");
    }
}
