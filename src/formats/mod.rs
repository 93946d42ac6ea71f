//! Formats: readers for the annotated corpora that evaluation and training share. They turn
//! files into plain values and nothing more; scoring lives in [`crate::eval`], training in
//! [`crate::ner`].
//!
//! - [`brat`]: PolNeAR attribution standoff files (`text/`, `attributions/`) into
//!   [`brat::GoldArticle`]s;
//! - [`conll`]: CoNLL-2003 IOB2 files into [`conll::ConllSentence`]s.
//!
//! Every reader fails with a [`FormatError`] that names the file and the reason.

pub mod brat;
pub mod conll;

use std::path::{Path, PathBuf};

/// Why a corpus file could not be read; every variant names the path.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The path does not exist.
    #[error("no such file or folder: {}", path.display())]
    Missing { path: PathBuf },
    #[error("{}: cannot read", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but a line of it is not in the format.
    #[error("{}", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: LineError,
    },
}

impl FormatError {
    /// An I/O error on `path`; a missing path gets its own variant, so the message says so
    /// plainly rather than in the platform's words.
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            FormatError::Missing { path: path.to_path_buf() }
        } else {
            FormatError::Io { path: path.to_path_buf(), source }
        }
    }

    pub(crate) fn parse(path: &Path, source: LineError) -> Self {
        FormatError::Parse { path: path.to_path_buf(), source }
    }
}

/// A line a parser rejected: its number (from 1) and why, with the line quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LineError {
    pub line: usize,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_path_is_said_plainly_and_others_keep_their_source() {
        let nope = Path::new("/nope/text");
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(FormatError::io(nope, missing).to_string(), "no such file or folder: /nope/text");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = FormatError::io(nope, denied);
        assert_eq!(err.to_string(), "/nope/text: cannot read");
        assert!(std::error::Error::source(&err).is_some());
        assert!(crate::testdata::chain(err).starts_with("/nope/text: cannot read: "));
        let err = FormatError::parse(nope, LineError { line: 3, reason: "bad offset".into() });
        assert_eq!(crate::testdata::chain(err), "/nope/text: line 3: bad offset");
    }
}
