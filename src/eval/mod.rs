//! Evaluation: scores the pipeline's CSV tables against gold annotations and hands back a
//! [`Report`] (Markdown for people, JSON for tools, and per-item lines for `--verbose`) that
//! [`write_report`] writes.
//!
//! Three gold formats ([`GoldFormat`]):
//! - `csv`: the hand-labelled gold set, the SCHEMA.md tables plus an `optional` column
//!   ([`eval_csv`], scoring in [`tables`]);
//! - `brat`: PolNeAR attribution standoff files, scored against `quotes.csv` ([`eval_brat`],
//!   in [`brat`]);
//! - `conll`: CoNLL-2003 IOB2 files for the NER model ([`eval_conll`], [`score_conll`]).
//!
//! With brat gold, [`eval_speakers`] scores speaker identity instead (`--speakers`): full
//! names, B-cubed clusters of `speaker_id`, and junk speakers ([`speakers`]).
//!
//! The gold files are read by [`crate::formats`]; predictions are read into the export row
//! structs and gold tables into the gold rows of `read`, so labels compare as enums. Matching
//! rules shared by all formats live in [`metrics`]: greedy one-to-one matching that prefers
//! required gold rows, and a quote overlap of shared word tokens over the token count of the
//! longer span, accepted at [`Options::overlap_threshold`]. The scorers fill the types of
//! [`scores`]; [`report`] only renders them.
//!
//! Nothing here reads environment variables or CLI arguments: the binary builds [`Options`].

pub mod brat;
pub mod conll;
pub mod metrics;
pub(crate) mod read;
pub mod report;
pub mod scores;
pub mod speakers;
pub mod tables;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use brat::eval_brat;
pub use conll::{eval_conll, score_conll};
pub use metrics::{Accuracy, Counts};
pub use report::{write_report, ConllReport, Report, TableReport};
pub use scores::EntityScores;
pub use speakers::{eval_speakers, SpeakerReport};
pub use tables::eval_csv;

/// The kind of gold a report was scored against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldFormat {
    /// The SCHEMA.md tables with an `optional` column (`corpus/gold`).
    Csv,
    /// PolNeAR brat standoff attributions.
    Brat,
    /// A CoNLL-2003 IOB2 file.
    Conll,
}

impl GoldFormat {
    /// The name in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldFormat::Csv => "csv",
            GoldFormat::Brat => "brat",
            GoldFormat::Conll => "conll",
        }
    }
}

/// How to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// A predicted quote matches a gold one when shared word tokens divided by the token count
    /// of the longer of the two reach this value.
    pub overlap_threshold: f64,
    /// Collect per-item lines (misses, extras, wrong speakers) for [`Report::verbose_lines`].
    pub verbose: bool,
    /// Which words a folded attribution unit claims (brat gold only).
    pub unit_span: UnitSpan,
}

impl Default for Options {
    fn default() -> Self {
        Options { overlap_threshold: 0.5, verbose: false, unit_span: UnitSpan::Parts }
    }
}

/// The words of an attribution unit folded from several rows of `quotes.csv` (see
/// [`brat::fold_units`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitSpan {
    /// The words of its rows: `“A,” he said, “B.”` claims the words of A and B, as PolNeAR's
    /// discontinuous content does.
    #[default]
    Parts,
    /// Everything from the first row's start to the last row's end, the tag between the parts
    /// included (the rule of newsmine 0.1 reports before 2026-11-23).
    Hull,
}

impl UnitSpan {
    /// The name in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            UnitSpan::Parts => "parts",
            UnitSpan::Hull => "hull",
        }
    }
}

/// Why scoring failed; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: cannot read", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: bad CSV", path.display())]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{}: {reason}", path.display())]
    Invalid { path: PathBuf, reason: String },
    #[error("{}: nothing to score: {reason}", path.display())]
    Nothing { path: PathBuf, reason: String },
    /// A gold or prediction path given to score does not exist.
    #[error("no such file or folder: {}", path.display())]
    NotFound { path: PathBuf },
    #[error(transparent)]
    Format(#[from] crate::formats::FormatError),
    #[error(transparent)]
    Tables(#[from] crate::export::manifest::ManifestError),
    #[error("{}: cannot write", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl EvalError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        EvalError::Io { path: path.to_path_buf(), source }
    }

    /// `Ok` when `path` exists, else [`EvalError::NotFound`] naming it.
    pub(crate) fn exists(path: &Path) -> Result<(), Self> {
        if path.exists() {
            Ok(())
        } else {
            Err(EvalError::NotFound { path: path.to_path_buf() })
        }
    }

    pub(crate) fn invalid(path: &Path, reason: impl Into<String>) -> Self {
        EvalError::Invalid { path: path.to_path_buf(), reason: reason.into() }
    }
}
