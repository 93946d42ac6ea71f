//! `newsmine merge`: the shards of one run (`newsmine extract … --shard K/N`, each into its own
//! folder) into the seven tables, byte-identical to the tables of one `extract` over all the
//! inputs.
//!
//! Every shard folder's work area ([`crate::export::work`]) is checked first: each is complete,
//! all share the fingerprint (version, model, options), the shard count and the whole corpus's
//! identity, and each shard `0/N` … `N-1/N` is given exactly once. Then the shards' parts,
//! each in `doc_id` order, are merged k ways by `doc_id` into the same [`CsvSink`] a run uses,
//! so a document, a speaker and an organization come out as in a single run. Memory holds one
//! document per shard besides the corpus tables' aggregates.

use crate::export::work::{differences, RunInfo, WorkArea, WorkError, WORK};
use crate::export::{CsvSink, DocRows, ExportError};
use crate::pipeline::{self, PipelineError, Summary};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{dir} holds no shard: it has no {WORK}/run.json (`newsmine extract INPUT… --shard K/N -o {dir}` \
         writes one; a run without --shard removes its own)"
    )]
    NotShard { dir: PathBuf },
    #[error("{dir}: shard {shard} is unfinished; finish it with `newsmine extract INPUT… --shard {shard} -o {dir} --resume`")]
    Unfinished { dir: PathBuf, shard: String },
    #[error("{dir} and {first} are not shards of one run: {what}")]
    Differs { dir: PathBuf, first: PathBuf, what: String },
    #[error("shard {shard} is given twice: {a} and {b}")]
    Twice { shard: String, a: PathBuf, b: PathBuf },
    #[error("shards missing: {missing} (give one folder for each shard, 0/{count} to {}/{count})", count - 1)]
    Missing { missing: String, count: usize },
    #[error("doc_id {doc_id:?} is in two shards: {a} and {b}")]
    DuplicateId { doc_id: String, a: PathBuf, b: PathBuf },
    #[error("no shard folders given")]
    NoShards,
    #[error(transparent)]
    Work(#[from] WorkError),
    #[error("writing output")]
    Export(#[from] ExportError),
    #[error(transparent)]
    Output(#[from] PipelineError),
}

/// What shards of one run must agree on, as JSON for [`differences`].
fn agreed(info: &RunInfo) -> serde_json::Value {
    serde_json::json!({ "fingerprint": info.fingerprint, "corpus": info.corpus, "shards": info.shard.count })
}

/// Checks the shard folders `dirs` (see the module docs) and writes the merged tables into
/// `out`.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<Summary, MergeError> {
    let started = Instant::now();
    let mut shards: Vec<(&PathBuf, WorkArea)> = Vec::new();
    for dir in dirs {
        let area = WorkArea::finished(dir)?.ok_or_else(|| MergeError::NotShard { dir: dir.clone() })?;
        if !area.info().complete {
            return Err(MergeError::Unfinished { dir: dir.clone(), shard: area.info().shard.to_string() });
        }
        shards.push((dir, area));
    }
    let Some((first_dir, first)) = shards.first() else { return Err(MergeError::NoShards) };
    let want = agreed(first.info());
    for (dir, area) in &shards[1..] {
        let first_label = format!("in {}", first_dir.display());
        let label = format!("in {}", dir.display());
        let what = differences(&want, &agreed(area.info()), (&first_label, &label));
        if !what.is_empty() {
            let (dir, first) = ((*dir).clone(), (*first_dir).clone());
            return Err(MergeError::Differs { dir, first, what: what.join("; ") });
        }
    }
    let count = first.info().shard.count;
    let mut by_index: Vec<Option<&PathBuf>> = vec![None; count];
    for (dir, area) in &shards {
        let shard = area.info().shard;
        if let Some(a) = by_index[shard.index] {
            return Err(MergeError::Twice { shard: shard.to_string(), a: a.clone(), b: (*dir).clone() });
        }
        by_index[shard.index] = Some(dir);
    }
    let missing: Vec<String> =
        by_index.iter().enumerate().filter(|(_, d)| d.is_none()).map(|(k, _)| format!("{k}/{count}")).collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing { missing: missing.join(", "), count });
    }
    pipeline::check_output_dir(out)?;
    let sources: Vec<PathBuf> = shards.iter().map(|(d, _)| (*d).clone()).collect();
    let merged = Merged::new(shards.iter().map(|(_, a)| a.rows()).collect(), sources);
    let summary = pipeline::write_tables(merged, CsvSink::create(out)?)?;
    Ok(Summary { seconds: started.elapsed().as_secs_f64(), ..summary })
}

/// The shards' rows merged by `doc_id`: a heap of each shard's next document.
struct Merged<I> {
    streams: Vec<I>,
    /// The folder of each stream, for the duplicate-id error.
    dirs: Vec<PathBuf>,
    heads: Vec<Option<DocRows>>,
    heap: BinaryHeap<Reverse<(String, usize)>>,
    started: bool,
}

impl<I: Iterator<Item = Result<DocRows, WorkError>>> Merged<I> {
    fn new(streams: Vec<I>, dirs: Vec<PathBuf>) -> Merged<I> {
        let heads = streams.iter().map(|_| None).collect();
        Merged { streams, dirs, heads, heap: BinaryHeap::new(), started: false }
    }

    /// Takes stream `i`'s next document into its head.
    fn refill(&mut self, i: usize) -> Result<(), MergeError> {
        if let Some(rows) = self.streams[i].next().transpose()? {
            self.heap.push(Reverse((rows.document.doc_id.clone(), i)));
            self.heads[i] = Some(rows);
        }
        Ok(())
    }

    fn next_rows(&mut self) -> Result<Option<DocRows>, MergeError> {
        if !self.started {
            self.started = true;
            for i in 0..self.streams.len() {
                self.refill(i)?;
            }
        }
        let Some(Reverse((doc_id, i))) = self.heap.pop() else { return Ok(None) };
        if let Some(Reverse((next, j))) = self.heap.peek() {
            if *next == doc_id {
                let (a, b) = (self.dirs[i.min(*j)].clone(), self.dirs[i.max(*j)].clone());
                return Err(MergeError::DuplicateId { doc_id, a, b });
            }
        }
        let rows = self.heads[i].take().expect("a head for every heap entry");
        self.refill(i)?;
        Ok(Some(rows))
    }
}

impl<I: Iterator<Item = Result<DocRows, WorkError>>> Iterator for Merged<I> {
    type Item = Result<DocRows, MergeError>;

    /// Stops after the first error.
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_rows() {
            Ok(rows) => rows.map(Ok),
            Err(e) => {
                self.heap.clear();
                Some(Err(e))
            }
        }
    }
}
