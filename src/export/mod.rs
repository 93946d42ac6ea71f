//! Export: the tables of the output contract (`SCHEMA.md`), from typed rows to files.
//!
//! - [`rows`]: the row structs (the one definition of every table's columns) and the functions
//!   that build them from a stage's findings;
//! - [`aggregate`] and [`organizations`]: the corpus tables (`speakers.csv`,
//!   `organizations.csv`), kept as running aggregates that take one document's rows at a time;
//! - [`sink`]: the [`Sink`] trait that receives each document's rows as they are ready, and
//!   [`CsvSink`], which writes the seven tables;
//! - [`writer`]: one table to one CSV file, atomically (temporary file, then rename);
//! - [`manifest`]: the seven tables as one set: `manifest.json`, written last, that readers check.
//! - [`work`]: the work area of a run (`.newsmine-work/`): the run's fingerprint and its rows,
//!   part by part, durably, from which the tables are built; what resume, shards and merge use.
//! - [`xlsx`]: for spreadsheet programs, after a run: the tables as one workbook, and the
//!   formula-safe CSV rewrite (`--csv-safe`).
//!
//! Rows are sorted by `doc_id`, then `start`; offsets are Unicode code points.

pub mod aggregate;
pub mod html;
pub mod manifest;
pub mod organizations;
pub mod rows;
pub mod sink;
pub mod work;
pub mod writer;
pub mod xlsx;

pub use rows::*;
pub use sink::{CsvSink, Sink};
pub use writer::{write_table, ExportError, TABLES};
