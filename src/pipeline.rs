//! The batch: reads the inputs, analyses every document in parallel (one NER model per
//! worker, since models are `Send` but not `Sync`), records each group of documents' rows in
//! the output folder's work area ([`work`]: what makes a run resumable and shardable), and
//! then hands every document's rows, in `doc_id` order, to the [`Sink`] of the output folder
//! (the seven tables). A document that
//! cannot be read, is empty, is not English, runs past its time limit ([`deadline`],
//! `--doc-timeout`) or makes a stage panic gets its own row in `documents.csv` and never stops
//! the others.

use crate::corpus::{self, CorpusError, Document, Limits, Pending, ReadError};
use crate::doc::{Analysed, Entity};
use crate::encoder::{CpuFeatures, ModelError, Precision};
use crate::export::work::{
    self, CorpusIdentity, Fingerprint, ModelIdentity, OutputLock, RunInfo, Shard, Start, WorkArea, WorkError,
};
use crate::export::{self, CsvSink, DocRows, ExportError, Sink};
use crate::labels::{DocStatus, EntityLabel};
use crate::ner::{canonical, Tagger};
use crate::span::Span;
use crate::{deadline, figures, lang, quotes, segment};
use indicatif::{ProgressBar, ProgressStyle};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A validated run configuration (the CLI builds it).
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub output_dir: PathBuf,
    /// Worker threads; each holds its own model.
    pub threads: usize,
    /// Show a progress bar (the caller decides whether stderr is a terminal).
    pub progress: bool,
    /// A longer document is skipped with the reason; its file is not read past
    /// [`Limits::for_chars`]. Bounds one document's memory and time.
    pub max_doc_chars: usize,
    /// A document still being processed this long after its worker took it becomes a `failed`
    /// row (`took longer than N s`); checked between stages and between the tagger's forward
    /// passes ([`deadline`]).
    pub doc_timeout: Duration,
    /// The user's aliases file (`alias,canonical`), applied to the corpus tables
    /// ([`crate::aliases`]); read before any document.
    pub aliases: Option<PathBuf>,
    /// The model folder's identity, part of the run's [`Fingerprint`].
    pub model: ModelIdentity,
    /// The encoder's precision as asked (`--precision`); the fingerprint records the one it
    /// resolves to on this CPU, since bf16 and fp32 rows differ in the third decimal.
    pub precision: Precision,
    /// `--shard K/N`: extract only this shard's documents and keep the work area for `newsmine
    /// merge`. `None` extracts every document and removes the work area once the tables are
    /// in place.
    pub shard: Option<Shard>,
    /// What to do with a work area already in the output folder (`--resume`, `--force`).
    pub start: Start,
    /// Off unless a test sets them.
    pub hooks: TestHooks,
}

impl Config {
    /// Everything in this configuration that changes the tables (see [`Fingerprint`]), with
    /// the aliases file read from [`Config::aliases`].
    pub fn fingerprint(&self, aliases: &crate::aliases::Aliases) -> Fingerprint {
        Fingerprint {
            newsmine: env!("CARGO_PKG_VERSION").to_string(),
            model: self.model.clone(),
            max_doc_chars: self.max_doc_chars,
            doc_timeout_ms: self.doc_timeout.as_millis() as u64,
            precision: self.precision.resolve(CpuFeatures::detect()).unwrap_or(self.precision).name().to_string(),
            aliases: (!aliases.is_empty()).then(|| aliases.text().to_string()),
        }
    }
}

/// Hooks for the resume tests (`tests/resume.rs`); the binary sets them from the
/// `NEWSMINE_TEST_*` variables. None changes the tables.
#[derive(Debug, Clone, Default)]
pub struct TestHooks {
    /// Documents per part instead of [`work::GROUP_SIZE`], so a few documents make several parts.
    pub group_size: Option<usize>,
    /// Abort the process (as `kill -9` would stop it) once this run has written this many parts.
    pub abort_after_parts: Option<usize>,
    /// Abort the process after this many of the final seven table renames.
    pub abort_after_renames: Option<usize>,
}

/// The default of [`Config::max_doc_chars`]: a thousand times a long news article.
pub const MAX_DOC_CHARS: usize = 1_000_000;

/// The default of [`Config::doc_timeout`]: a news article takes well under a second, the
/// longest document [`MAX_DOC_CHARS`] lets through about a minute and a half on one core.
pub const DOC_TIMEOUT: Duration = Duration::from_secs(120);

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub failed: usize,
    pub entities: usize,
    pub quotes: usize,
    pub attributions: usize,
    pub figures: usize,
    pub chars: usize,
    pub seconds: f64,
    /// Documents whose rows an earlier, interrupted run had recorded (`--resume`).
    pub resumed: usize,
    /// The first [`FAILED_NAMED`] failed documents' ids, in `doc_id` order.
    pub failed_ids: Vec<String>,
    /// Files in the input folders left out for their extension.
    pub skipped_files: usize,
    /// Folders reached again through symbolic links (walked once).
    pub folder_loops: Vec<PathBuf>,
}

impl std::fmt::Display for Summary {
    /// The one-line summary the binary prints after a run.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents ({} ok, {} skipped, {} failed) in {:.1}s: {} entities, {} quotes, {} attributions, {} figures",
            self.documents,
            self.ok,
            self.skipped,
            self.failed,
            self.seconds,
            self.entities,
            self.quotes,
            self.attributions,
            self.figures
        )?;
        if self.resumed > 0 {
            write!(f, "; {} documents were done before this run (resumed)", self.resumed)?;
        }
        if self.failed > 0 {
            write!(f, "; failed: {}", self.failed_ids.join(", "))?;
            if self.failed > self.failed_ids.len() {
                write!(f, " (+{} more)", self.failed - self.failed_ids.len())?;
            }
        }
        if self.skipped_files > 0 {
            write!(f, "; {} files skipped for their extension (read: .txt .text .md .jsonl .csv)", self.skipped_files)?;
        }
        if !self.folder_loops.is_empty() {
            write!(f, "; {} folders reached again through links, walked once", self.folder_loops.len())?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("loading the NER model")]
    Ner(#[from] ModelError),
    #[error("writing output")]
    Export(#[from] ExportError),
    #[error(transparent)]
    Work(#[from] WorkError),
    #[error(transparent)]
    Aliases(#[from] crate::aliases::AliasError),
    #[error("output folder {path} cannot be created or written")]
    OutputDir { path: PathBuf, source: std::io::Error },
}

impl PipelineError {
    /// Whether the command line asked for something the output folder's state does not allow
    /// ([`WorkError::is_usage`]): bad usage, not a failure.
    pub fn is_usage(&self) -> bool {
        matches!(self, PipelineError::Work(w) if w.is_usage())
    }
}

/// Segments `text` and finds its entities (in extracted paragraphs only) with canonical names.
pub fn analyse(text: &str, tagger: &mut dyn Tagger) -> Analysed {
    let (paragraphs, sentences) = segment::segment(text);
    let tagging = tagger.tag(text, &segment::extracted_spans(&paragraphs, &sentences));
    let mut mentions: Vec<(Span, EntityLabel, f32)> =
        tagging.mentions.into_iter().map(|m| (m.span, m.label, m.score)).collect();
    canonical::join_split_names(text, &mut mentions);
    let mut pairs: Vec<(Span, EntityLabel)> = mentions.iter().map(|m| (m.0, m.1)).collect();
    canonical::relabel(text, &mut pairs);
    let names = canonical::canonical_names(text, &pairs);
    let entities = mentions
        .into_iter()
        .zip(pairs)
        .zip(names)
        .map(|((m, (span, label)), canonical)| Entity { span, label, score: m.2, canonical })
        .collect();
    Analysed { text: text.to_string(), paragraphs, sentences, entities, cue_words: tagging.cues, roles: tagging.roles }
}

/// Runs every stage on one document. Under a started [`deadline`], a document still running
/// when it passes is a `failed` row: checked after each stage (the tagger also checks between
/// its forward passes and stops early).
pub fn process(doc: &Document, tagger: &mut dyn Tagger) -> DocRows {
    let late = || deadline::passed().map(|expired| DocRows::failed(doc, expired.to_string()));
    let text = match &doc.body {
        Ok(t) => t,
        Err(e) => return DocRows::failed(doc, e.to_string()),
    };
    let mut row = export::document_row(doc);
    row.chars = text.chars().count();
    if text.trim().is_empty() {
        return DocRows::skipped(row, "empty document".into());
    }
    if let Some(d) = lang::detect(text) {
        row.language = d.code.clone();
        row.language_confidence = format!("{:.2}", d.confidence);
        if !d.english && d.reliable {
            let reason = format!("language {} (confidence {:.2}); only English is extracted", d.code, d.confidence);
            return DocRows::skipped(row, reason);
        }
    }
    if let Some(failed) = late() {
        return failed;
    }
    let analysed = analyse(text, tagger);
    if let Some(failed) = late() {
        return failed;
    }
    let quotes = quotes::extract(&analysed);
    if let Some(failed) = late() {
        return failed;
    }
    let figures = figures::extract(&analysed);
    late().unwrap_or_else(|| DocRows::extracted(row, &analysed, quotes, &figures))
}

/// The `skipped` rows of a document longer than `max_chars` (or too large to read).
fn too_long(doc: &Document, max_chars: usize) -> Option<DocRows> {
    let reason = match &doc.body {
        Err(e @ ReadError::TooLarge { .. }) => e.to_string(),
        Ok(text) => {
            let chars = text.chars().count();
            if chars <= max_chars {
                return None;
            }
            format!("{chars} characters, more than --max-doc-chars {max_chars}")
        }
        Err(_) => return None,
    };
    Some(DocRows::skipped(export::document_row(doc), reason))
}

/// [`process`] under a [`deadline`] of `timeout`, with a panic in any stage turned into a
/// `failed` row.
fn process_guarded(doc: &Document, tagger: &mut dyn Tagger, timeout: Duration) -> DocRows {
    let _deadline = deadline::start(timeout);
    match std::panic::catch_unwind(AssertUnwindSafe(|| process(doc, tagger))) {
        Ok(out) => out,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            DocRows::failed(doc, format!("internal error: {reason}"))
        }
    }
}

/// Creates the output folder, checks it takes a file and locks it for this process (see
/// [`OutputLock`]), before any work is done: the one way `extract` and `merge` open the folder
/// they write. The lock is held until the returned guard is dropped.
pub(crate) fn open_output_dir(dir: &Path) -> Result<OutputLock, PipelineError> {
    let err = |source| PipelineError::OutputDir { path: dir.to_path_buf(), source };
    std::fs::create_dir_all(dir).map_err(err)?;
    let probe = dir.join(format!(".newsmine-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(err)?;
    std::fs::remove_file(&probe).map_err(err)?;
    Ok(OutputLock::take(dir)?)
}

/// Runs the batch with taggers made by `make_tagger` (one per worker) and writes the tables
/// into `cfg.output_dir`.
///
/// The pending documents (the shard's, with `--shard`) are sorted by `doc_id` and cut into
/// groups; each group not already recorded in the work area is extracted and written as a
/// part (documents read when a worker takes them, groups of a chunk in parallel). Then the
/// tables are built from all parts in order, so memory does not grow with the corpus and an
/// interrupted run, resumed, writes the same tables as one that was not.
pub fn run<F>(cfg: &Config, make_tagger: F) -> Result<Summary, PipelineError>
where
    F: Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync,
{
    let started = Instant::now();
    let scanned = corpus::scan(&cfg.inputs)?;
    let aliases = cfg.aliases.as_deref().map(crate::aliases::Aliases::read).transpose()?.unwrap_or_default();
    // Held until the tables are written and the work area is closed.
    let _lock = open_output_dir(&cfg.output_dir)?;
    let limits = Limits::for_chars(cfg.max_doc_chars);
    let mut pending = corpus::pending_all(&scanned, limits);
    pending.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    let whole = CorpusIdentity::of(pending.iter().map(|p| p.doc_id.as_str()));
    let shard = cfg.shard.unwrap_or(Shard::WHOLE);
    pending.retain(|p| shard.holds(&p.doc_id));
    let info = RunInfo {
        fingerprint: cfg.fingerprint(&aliases),
        shard,
        group_size: cfg.hooks.group_size.unwrap_or(work::GROUP_SIZE).max(1),
        corpus: whole,
        documents: CorpusIdentity::of(pending.iter().map(|p| p.doc_id.as_str())),
        complete: false,
    };
    let area = WorkArea::open(&cfg.output_dir, info, cfg.start)?;
    let todo: Vec<(usize, &[Pending])> =
        pending.chunks(area.info().group_size).enumerate().filter(|(g, _)| !area.was_done(*g)).collect();
    if !todo.is_empty() {
        extract_groups(cfg, &area, &todo, pending.len(), limits, make_tagger)?;
    }
    let sink = CsvSink::with_aliases(&cfg.output_dir, aliases)?.abort_after_renames(cfg.hooks.abort_after_renames);
    let summary = write_tables(area.rows().map(|r| r.map_err(PipelineError::from)), sink)?;
    let resumed = area.documents_done();
    area.complete(cfg.shard.is_some())?;
    Ok(Summary {
        seconds: started.elapsed().as_secs_f64(),
        resumed,
        skipped_files: scanned.skipped_extension,
        folder_loops: scanned.loops,
        ..summary
    })
}

/// Groups whose documents may be in the workers' hands or waiting for their part at once: a
/// worker does not start a document of a group this many groups past the oldest unfinished
/// one. Memory holds at most this many groups' rows however slow one document is, and no
/// worker waits for another's document unless that document holds up this many groups.
const GROUPS_IN_FLIGHT: usize = 4;

/// The workers' shared state: the next document to hand out and the groups in flight.
struct Flight {
    /// Position in `todo` and index in its group of the next document to start.
    next: (usize, usize),
    /// Position in `todo` of the oldest group whose part is not yet written.
    oldest: usize,
    /// The rows of each group in flight, by position in `todo`, and how many are missing.
    groups: Vec<Option<(Vec<Option<DocRows>>, usize)>>,
    /// Groups whose part is written, by position in `todo`.
    written: Vec<bool>,
    /// The first error that stops the run (a model that does not load, a part not written).
    error: Option<PipelineError>,
    /// A worker panicked outside the per-document guard: the others stop (the panic itself
    /// reaches the caller through the pool) instead of waiting for its group.
    stopped: bool,
}

/// Runs `stop` if dropped while its thread panics.
struct OnPanic<F: Fn()>(F);

impl<F: Fn()> Drop for OnPanic<F> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}

/// Extracts the groups `todo` (index, documents) and writes each one's part as soon as its last
/// document is done. `total` is the run's document count, for the progress bar, which starts
/// at the documents already recorded.
///
/// Each worker loads its own model when it starts (all at once, so the cores load them side by
/// side) and then takes documents one at a time in `doc_id` order, reading each when it takes
/// it; groups are not processed one after another with a wait at each end, so a long document
/// holds up only its own worker ([`GROUPS_IN_FLIGHT`] bounds how far the others run ahead).
fn extract_groups<F>(
    cfg: &Config,
    area: &WorkArea,
    todo: &[(usize, &[Pending])],
    total: usize,
    limits: Limits,
    make_tagger: F,
) -> Result<(), PipelineError>
where
    F: Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync,
{
    let threads = cfg.threads.max(1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads((cores / threads).max(1) as i32);
    let bar = if cfg.progress { ProgressBar::new(total as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {per_sec}  ETA {eta}")
            .expect("valid progress template"),
    );
    bar.set_position(area.documents_done() as u64);
    bar.reset_eta();
    let flight = Mutex::new(Flight {
        next: (0, 0),
        oldest: 0,
        groups: (0..todo.len()).map(|_| None).collect(),
        written: vec![false; todo.len()],
        error: None,
        stopped: false,
    });
    let changed = Condvar::new();
    let parts_written = AtomicUsize::new(0);
    // The next document to start, waiting while its group is too far ahead; `None` when there
    // is none left or the run has failed.
    let take = || -> Option<(usize, usize)> {
        let mut f = flight.lock().expect("flight");
        loop {
            let (pos, j) = f.next;
            if f.error.is_some() || f.stopped || pos >= todo.len() {
                return None;
            }
            if pos < f.oldest + GROUPS_IN_FLIGHT {
                f.next = if j + 1 < todo[pos].1.len() { (pos, j + 1) } else { (pos + 1, 0) };
                return Some((pos, j));
            }
            f = changed.wait(f).expect("flight");
        }
    };
    let fail = |e: PipelineError| {
        let mut f = flight.lock().expect("flight");
        f.error.get_or_insert(e);
        changed.notify_all();
    };
    // Records a document's rows; the last of its group writes the part.
    let finish = |pos: usize, j: usize, rows: DocRows| {
        let complete = {
            let mut f = flight.lock().expect("flight");
            let size = todo[pos].1.len();
            let (slots, missing) = f.groups[pos].get_or_insert_with(|| ((0..size).map(|_| None).collect(), size));
            slots[j] = Some(rows);
            *missing -= 1;
            if *missing > 0 {
                return;
            }
            f.groups[pos].take().map(|(slots, _)| slots.into_iter().map(|r| r.expect("every document done")))
        };
        let Some(rows) = complete else { return };
        let rows: Vec<DocRows> = rows.collect();
        if let Err(e) = area.write_part(todo[pos].0, &rows) {
            return fail(e.into());
        }
        if Some(parts_written.fetch_add(1, Ordering::SeqCst) + 1) == cfg.hooks.abort_after_parts {
            std::process::abort();
        }
        let mut f = flight.lock().expect("flight");
        f.written[pos] = true;
        while f.oldest < todo.len() && f.written[f.oldest] {
            f.oldest += 1;
        }
        changed.notify_all();
    };
    let work = || {
        let _stop_others = OnPanic(|| {
            // The lock may be poisoned by this very panic; the flag is all that matters.
            let mut f = flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f.stopped = true;
            changed.notify_all();
        });
        let mut tagger = match make_tagger() {
            Ok(t) => t,
            Err(e) => return fail(e.into()),
        };
        while let Some((pos, j)) = take() {
            let doc = todo[pos].1[j].read(limits);
            let rows = too_long(&doc, cfg.max_doc_chars)
                .unwrap_or_else(|| process_guarded(&doc, tagger.as_mut(), cfg.doc_timeout));
            bar.inc(1);
            finish(pos, j, rows);
        }
    };
    // One long-lived task per pool thread: each holds its model for the whole run.
    let workers = threads.min(todo.iter().map(|(_, d)| d.len()).sum::<usize>().max(1));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(workers).build().expect("thread pool");
    pool.scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|_| work());
        }
    });
    bar.finish_and_clear();
    match flight.into_inner().expect("flight").error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Streams documents' rows, in `doc_id` order, into `sink` and finishes it: the one way tables
/// are written, from a run's parts or from the shards of a merge.
pub(crate) fn write_tables<E>(rows: impl Iterator<Item = Result<DocRows, E>>, sink: CsvSink) -> Result<Summary, E>
where
    E: From<ExportError>,
{
    let mut sink: Box<dyn Sink> = Box::new(sink);
    let mut summary = Summary::default();
    for r in rows {
        let r = r?;
        summary.add(&r);
        sink.document(r)?;
    }
    sink.finish()?;
    Ok(summary)
}

/// Failed documents the summary line names; the rest are counted.
pub const FAILED_NAMED: usize = 3;

impl Summary {
    /// Counts one document's rows.
    fn add(&mut self, rows: &DocRows) {
        self.documents += 1;
        match rows.document.status {
            DocStatus::Ok => self.ok += 1,
            DocStatus::Skipped => self.skipped += 1,
            DocStatus::Failed => {
                self.failed += 1;
                if self.failed_ids.len() < FAILED_NAMED {
                    self.failed_ids.push(rows.document.doc_id.clone());
                }
            }
        }
        self.chars += rows.document.chars;
        self.entities += rows.entities.len();
        self.quotes += rows.quotes.len();
        self.attributions += rows.attributions.len();
        self.figures += rows.figures.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::Tagging;

    /// A tagger that takes `delay` per document and finds nothing.
    struct Slow {
        delay: Duration,
    }

    impl Tagger for Slow {
        fn tag(&mut self, _: &str, _: &[Span]) -> Tagging {
            std::thread::sleep(self.delay);
            Tagging { mentions: Vec::new(), cues: None, roles: None }
        }
    }

    fn article() -> Document {
        Document {
            doc_id: "slow".into(),
            source: "slow.txt".into(),
            title: None,
            date: None,
            body: Ok("The senator said on Monday that the bill would pass. \"It will,\" she said.".into()),
        }
    }

    #[test]
    fn a_document_past_its_deadline_is_a_failed_row_with_the_limit() {
        let mut slow = Slow { delay: Duration::from_millis(60) };
        let late = process_guarded(&article(), &mut slow, Duration::from_millis(20));
        assert_eq!(late.document.status, DocStatus::Failed);
        assert_eq!(late.document.error, "took longer than 0.02 s");
        assert!(late.quotes.is_empty() && late.entities.is_empty());
        // In time, the same document is extracted, and the deadline ended with the document.
        let ok = process_guarded(&article(), &mut slow, Duration::from_secs(60));
        assert_eq!((ok.document.status, ok.document.error.as_str()), (DocStatus::Ok, ""));
        assert!(!ok.quotes.is_empty());
        assert_eq!(deadline::passed(), None);
    }
}
