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

use crate::aliases::{AliasError, Aliases};
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
    #[error(transparent)]
    Aliases(#[from] AliasError),
    #[error("writing output")]
    Export(#[from] ExportError),
    #[error(transparent)]
    Output(#[from] PipelineError),
}

impl MergeError {
    /// Whether the output folder's state refuses the merge (another process writes it): bad
    /// usage, not a failure.
    pub fn is_usage(&self) -> bool {
        matches!(self, MergeError::Output(p) if p.is_usage())
    }
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
    let _lock = pipeline::open_output_dir(out)?;
    let sources: Vec<PathBuf> = shards.iter().map(|(d, _)| (*d).clone()).collect();
    let merged = Merged::new(shards.iter().map(|(_, a)| a.rows()).collect(), sources);
    let aliases = match &first.info().fingerprint.aliases {
        Some(text) => Aliases::parse(text).map_err(|e| AliasError::Line {
            path: first_dir.join(WORK).join("run.json"),
            line: e.line,
            reason: e.reason,
        })?,
        None => Aliases::default(),
    };
    let summary = pipeline::write_tables(merged, CsvSink::with_aliases(out, aliases)?)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::work::{CorpusIdentity, Fingerprint, Shard, Start};

    /// A finished shard `k/n` of the corpus `all` in `dir` with documents `mine` (one part).
    fn shard(dir: &Path, k: usize, n: usize, all: &[&str], mine: &[&str], max_doc_chars: usize) {
        let info = RunInfo {
            fingerprint: Fingerprint {
                newsmine: "test".into(),
                model: Default::default(),
                max_doc_chars,
                doc_timeout_ms: 1000,
                precision: "fp32".into(),
                aliases: None,
            },
            shard: Shard { index: k, count: n },
            group_size: 64,
            corpus: CorpusIdentity::of(all.iter().copied()),
            documents: CorpusIdentity::of(mine.iter().copied()),
            complete: false,
        };
        let area = WorkArea::open(dir, info, Start::New).unwrap();
        let rows: Vec<DocRows> = mine
            .iter()
            .map(|id| {
                let mut r = DocRows::default();
                r.document.doc_id = id.to_string();
                r
            })
            .collect();
        if !rows.is_empty() {
            area.write_part(0, &rows).unwrap();
        }
        area.complete(true).unwrap();
    }

    #[test]
    fn shards_merge_by_doc_id_and_bad_sets_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let d = |name: &str| tmp.path().join(name);
        let all = ["a", "b", "c", "d"];
        shard(&d("s0"), 0, 3, &all, &["b", "d"], 100);
        shard(&d("s1"), 1, 3, &all, &["a", "c"], 100);
        shard(&d("s2"), 2, 3, &all, &[], 100);
        let summary = merge(&[d("s2"), d("s1"), d("s0")], &d("out")).unwrap();
        assert_eq!((summary.documents, summary.ok), (4, 4));
        let text = std::fs::read_to_string(d("out/documents.csv")).unwrap();
        let ids: Vec<&str> = text.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);

        let refused = |dirs: &[&str], says: &str| {
            let dirs: Vec<PathBuf> = dirs.iter().map(|n| d(n)).collect();
            let e = merge(&dirs, &d("refused")).unwrap_err().to_string();
            assert!(e.contains(says), "wanted {says:?} in {e}");
        };
        refused(&["s0", "s2"], "shards missing: 1/3");
        refused(&["s0", "s1", "s1", "s2"], "shard 1/3 is given twice");
        shard(&d("opt"), 1, 3, &all, &["a", "c"], 99);
        refused(&["s0", "opt", "s2"], "fingerprint.max_doc_chars (100 in");
        shard(&d("other"), 1, 3, &["a", "b", "c", "e"], &["a", "c"], 100);
        refused(&["s0", "other", "s2"], "corpus.ids_sha256");
        // Only a folder whose run.json lies about its shard can hold another's document.
        shard(&d("liar"), 2, 3, &all, &["c"], 100);
        refused(&["s0", "s1", "liar"], "doc_id \"c\" is in two shards");
        refused(&["out"], "holds no shard");
        let unfinished = RunInfo { complete: false, ..WorkArea::finished(&d("s0")).unwrap().unwrap().info().clone() };
        WorkArea::open(&d("s0"), unfinished, Start::Resume).unwrap();
        refused(&["s0", "s1", "s2"], "s0: shard 0/3 is unfinished");
    }
}
