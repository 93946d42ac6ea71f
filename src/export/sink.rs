//! Where a run's rows go. The batch hands each document's rows to a [`Sink`] as soon as they
//! are ready, in `doc_id` order; [`CsvSink`] streams them into the tables' temporary files,
//! keeps the corpus tables as running aggregates, and at the end writes those and renames all
//! seven tables into place as one set ([`manifest`]).

use super::aggregate::Speakers;
use super::manifest;
use super::organizations::Organizations;
use super::rows::DocRows;
use super::writer::{header_of, write_temporary, ExportError};
use crate::aliases::Aliases;
use crate::quotes::identity::speaker_id;
use serde::Serialize;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Receives a run's rows, one document at a time.
pub trait Sink {
    /// Takes one document's rows. Documents arrive in `doc_id` order.
    fn document(&mut self, rows: DocRows) -> Result<(), ExportError>;

    /// Ends the run: nothing more will come.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// One per-document table being streamed into its temporary file.
struct Table {
    path: PathBuf,
    tmp: PathBuf,
    writer: csv::Writer<File>,
    rows: usize,
}

impl Table {
    fn create(dir: &Path, name: &'static str) -> Result<Table, ExportError> {
        let (path, tmp) = (dir.join(name), dir.join(format!(".{name}.tmp")));
        let writer = csv::Writer::from_path(&tmp).map_err(|source| ExportError::Csv { path: path.clone(), source })?;
        Ok(Table { path, tmp, writer, rows: 0 })
    }

    fn write<T: Serialize>(&mut self, rows: &[T]) -> Result<(), ExportError> {
        for row in rows {
            self.writer.serialize(row).map_err(|source| ExportError::Csv { path: self.path.clone(), source })?;
        }
        self.rows += rows.len();
        Ok(())
    }

    /// Flushes the temporary file; `T` gives the header of a table that got no rows.
    fn close<T: Serialize + Default>(mut self) -> Result<(PathBuf, PathBuf), ExportError> {
        if self.rows == 0 {
            let header = header_of::<T>();
            self.writer.write_record(&header).map_err(|source| ExportError::Csv { path: self.path.clone(), source })?;
        }
        self.writer.flush().map_err(|source| ExportError::Io { path: self.tmp.clone(), source })?;
        Ok((self.tmp, self.path))
    }
}

/// Writes the seven tables of the output contract into a folder.
pub struct CsvSink {
    dir: PathBuf,
    documents: Table,
    entities: Table,
    quotes: Table,
    figures: Table,
    attributions: Table,
    speakers: Speakers,
    organizations: Organizations,
    /// The user's aliases, applied to each document's speakers ([`rename_speakers`]).
    speaker_aliases: Aliases,
    /// Test hook: abort the process after this many table renames ([`CsvSink::abort_after_renames`]).
    abort_after_renames: Option<usize>,
}

impl CsvSink {
    /// Opens the temporary files of the per-document tables in `dir` (which must exist).
    pub fn create(dir: &Path) -> Result<CsvSink, ExportError> {
        CsvSink::with_aliases(dir, Aliases::default())
    }

    /// [`CsvSink::create`], with the user's aliases for the corpus tables.
    pub fn with_aliases(dir: &Path, aliases: Aliases) -> Result<CsvSink, ExportError> {
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            documents: Table::create(dir, "documents.csv")?,
            entities: Table::create(dir, "entities.csv")?,
            quotes: Table::create(dir, "quotes.csv")?,
            figures: Table::create(dir, "figures.csv")?,
            attributions: Table::create(dir, "attributions.csv")?,
            speakers: Speakers::default(),
            abort_after_renames: None,
            speaker_aliases: aliases.clone(),
            organizations: Organizations::with_aliases(aliases),
        })
    }

    /// Test hook: [`Sink::finish`] aborts the process (as a kill would stop it) after `n` of
    /// the seven renames, so a test can check that a run killed while its tables were being
    /// swapped resumes to the same tables. The binary sets it from `NEWSMINE_TEST_ABORT_IN_FINISH`.
    pub fn abort_after_renames(self, n: Option<usize>) -> CsvSink {
        CsvSink { abort_after_renames: n, ..self }
    }
}

/// Renames the speakers the user's aliases name, in the quote and attribution rows and in the
/// speaker facts alike (with their `speaker_id`s), so `quotes.csv` still joins `speakers.csv`.
fn rename_speakers(rows: &mut DocRows, aliases: &Aliases) {
    if aliases.is_empty() {
        return;
    }
    let rename = |speaker: &mut String, id: &mut String, kind| {
        if let Some(canonical) = aliases.canonical(speaker) {
            *speaker = canonical.to_string();
            *id = speaker_id(speaker, kind);
        }
    };
    for q in rows.quotes.iter_mut().chain(rows.attributions.iter_mut()) {
        rename(&mut q.speaker, &mut q.speaker_id, q.speaker_type);
    }
    for f in &mut rows.speakers {
        rename(&mut f.speaker, &mut f.speaker_id, f.speaker_type);
    }
}

impl Sink for CsvSink {
    fn document(&mut self, mut rows: DocRows) -> Result<(), ExportError> {
        rename_speakers(&mut rows, &self.speaker_aliases);
        self.speakers.add(&rows.document.doc_id, &rows.speakers);
        self.organizations.add(&rows.document.doc_id, &rows.entities, &rows.organizations);
        self.documents.write(&[rows.document])?;
        self.entities.write(&rows.entities)?;
        self.quotes.write(&rows.quotes)?;
        self.figures.write(&rows.figures)?;
        self.attributions.write(&rows.attributions)
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        use super::rows::{DocumentRow, EntityRow, FigureRow, QuoteRow};
        let s = *self;
        let closed = [
            s.documents.close::<DocumentRow>()?,
            s.entities.close::<EntityRow>()?,
            s.quotes.close::<QuoteRow>()?,
            s.figures.close::<FigureRow>()?,
            s.attributions.close::<QuoteRow>()?,
        ];
        let corpus = [
            write_temporary(&s.dir, "speakers.csv", &s.speakers.rows())?,
            write_temporary(&s.dir, "organizations.csv", &s.organizations.rows())?,
        ];
        // Every table is complete on disk before the first rename: from here the set is swapped.
        manifest::begin(&s.dir)?;
        for (n, (tmp, path)) in closed.into_iter().chain(corpus).enumerate() {
            if s.abort_after_renames == Some(n) {
                std::process::abort();
            }
            std::fs::rename(&tmp, &path).map_err(|source| ExportError::Io { path, source })?;
        }
        manifest::commit(&s.dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::rows::{QuoteRow, SpeakerFact};
    use crate::labels::SpeakerType;

    #[test]
    fn aliases_rename_a_speaker_in_its_rows_and_facts_alike() {
        let quote = |speaker: &str| QuoteRow {
            speaker: speaker.into(),
            speaker_type: SpeakerType::Person,
            speaker_id: speaker_id(speaker, SpeakerType::Person),
            ..Default::default()
        };
        let fact = |speaker: &str| SpeakerFact {
            speaker: speaker.into(),
            speaker_type: SpeakerType::Person,
            speaker_id: speaker_id(speaker, SpeakerType::Person),
            ..Default::default()
        };
        let mut rows = DocRows {
            quotes: vec![quote("POTUS"), quote("Nancy Pelosi")],
            attributions: vec![quote("potus")],
            speakers: vec![fact("POTUS"), fact("Nancy Pelosi")],
            ..Default::default()
        };
        let aliases = Aliases::parse("alias,canonical\nPOTUS,Donald Trump\n").unwrap();
        rename_speakers(&mut rows, &aliases);
        let named: Vec<(&str, &str)> = rows
            .quotes
            .iter()
            .chain(&rows.attributions)
            .map(|q| (q.speaker.as_str(), q.speaker_id.as_str()))
            .chain(rows.speakers.iter().map(|f| (f.speaker.as_str(), f.speaker_id.as_str())))
            .collect();
        let trump = ("Donald Trump", "donald-trump");
        assert_eq!(named, [trump, ("Nancy Pelosi", "nancy-pelosi"), trump, trump, ("Nancy Pelosi", "nancy-pelosi")]);
    }
}
