//! The work area of a run, `DIR/.newsmine-work/`: what makes a run resumable and shardable.
//!
//! - `run.json` ([`RunInfo`]) says which run the area belongs to: the [`Fingerprint`] of
//!   everything that changes the output (newsmine version, model files, options), the
//!   [`Shard`], and the [`CorpusIdentity`] of the whole scan and of this shard's documents.
//! - The shard's documents, sorted by `doc_id`, are cut into groups of [`GROUP_SIZE`]; the rows
//!   of group `g` are written as `part-<g>.jsonl` (one [`DocRows`] per line, serde's JSON of the
//!   whole struct, so a field added to it is carried without a change here). A part is written
//!   to a temporary file, fsynced and renamed, then the folder is fsynced: **a part exists if and
//!   only if its documents are done**, and that rename is the journal record. Group sizes do not
//!   depend on `--threads`, so a run resumed with another thread count lines up.
//! - The tables are always built from the parts, in group order ([`WorkArea::rows`]), so a
//!   resumed run, a shard and a merge ([`crate::merge`]) share one path to the tables.
//!
//! A shard run keeps its work area, marked complete, for `newsmine merge`; a run over the whole
//! corpus removes it once its tables are in place.
//!
//! Only one process writes an output folder at a time ([`OutputLock`]): a second `extract` or
//! `merge` into a folder another one is writing (a requeued Slurm task while the old one still
//! runs) is refused instead of interleaving parts and tables.

use super::rows::DocRows;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The work area's folder name inside the output folder.
pub const WORK: &str = ".newsmine-work";
/// The run description inside the work area.
pub const RUN: &str = "run.json";
/// Documents per part file. Small enough that a killed run loses little, large enough that the
/// per-part fsyncs cost nothing next to the model (a part of news articles is about 1–2 MB).
pub const GROUP_SIZE: usize = 64;

/// FNV-1a, 64 bits, over the UTF-8 bytes of `doc_id`: the hash [`Shard`] divides documents by.
/// It is written out here (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`) rather than
/// taken from a hasher whose output may change between versions or platforms; the unit tests
/// pin its values.
///
/// ```
/// assert_eq!(newsmine::export::work::fnv1a64("foobar"), 0x85944171f73967e8);
/// ```
pub fn fnv1a64(doc_id: &str) -> u64 {
    doc_id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// One shard of a run, `K/N`: the documents whose [`fnv1a64`] of `doc_id`, modulo `N`, is `K`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// The whole corpus, as an unsharded run records it.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Whether this shard holds the document `doc_id`.
    pub fn holds(&self, doc_id: &str) -> bool {
        fnv1a64(doc_id) % self.count as u64 == self.index as u64
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `K/N` with `N` at least 1 and `K` from 0 to `N - 1`.
    fn from_str(s: &str) -> Result<Shard, String> {
        let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 0/4")?;
        let n: usize = n.trim().parse().map_err(|e| format!("N in K/N: {e}"))?;
        let k: usize = k.trim().parse().map_err(|e| format!("K in K/N: {e}"))?;
        if n == 0 {
            return Err("N in K/N must be at least 1".into());
        }
        if k >= n {
            return Err(format!("K in K/N goes from 0 to {}", n - 1));
        }
        Ok(Shard { index: k, count: n })
    }
}

/// The model folder's identity: the sha256 of each regular file in it, by name. Every file
/// counts (weights, heads, tokenizer, configuration), so a retrained or swapped model never
/// resumes or merges with another's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelIdentity {
    pub files: BTreeMap<String, String>,
}

impl ModelIdentity {
    /// Hashes the files of the model folder `dir` (hidden files left out).
    pub fn of(dir: &Path) -> Result<ModelIdentity, WorkError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| WorkError::Io { path, source }
        };
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let path = entry.map_err(io(dir))?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if name.starts_with('.') || !path.is_file() {
                continue;
            }
            let mut hasher = Sha256::new();
            let mut file = File::open(&path).map_err(io(&path))?;
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = file.read(&mut buf).map_err(io(&path))?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
            }
            files.insert(name, hex(&hasher.finalize()));
        }
        Ok(ModelIdentity { files })
    }
}

/// Everything that changes a run's rows. Two runs with equal fingerprints over the same
/// documents write the same tables, so their parts may be resumed or merged together. An
/// option that changes the output is a field here (and in `pipeline::Config::fingerprint`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The newsmine version: rules change between versions.
    pub newsmine: String,
    pub model: ModelIdentity,
    /// `--max-doc-chars`.
    pub max_doc_chars: usize,
    /// `--doc-timeout`, in milliseconds.
    pub doc_timeout_ms: u64,
    /// The encoder precision the run used (`fp32`, `bf16`, `int8`, `mixed`): `--precision` resolved on
    /// the CPU that ran it, so shards run on CPUs that resolve `auto` differently do not merge.
    pub precision: String,
    /// The text of the `--aliases` file, if one was given: a merge applies it to the merged
    /// corpus tables, and a resume with another file is refused.
    #[serde(default)]
    pub aliases: Option<String>,
}

/// A list of documents: how many, and the sha256 of their `doc_id`s in order (each preceded by
/// its length in bytes, as a little-endian u64, so no two lists share a hash by concatenation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusIdentity {
    pub documents: usize,
    pub ids_sha256: String,
}

impl CorpusIdentity {
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> CorpusIdentity {
        let mut hasher = Sha256::new();
        let mut documents = 0;
        for id in ids {
            hasher.update((id.len() as u64).to_le_bytes());
            hasher.update(id.as_bytes());
            documents += 1;
        }
        CorpusIdentity { documents, ids_sha256: hex(&hasher.finalize()) }
    }
}

/// `run.json`: which run a work area belongs to and whether it finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    pub fingerprint: Fingerprint,
    pub shard: Shard,
    /// Documents per part ([`GROUP_SIZE`] unless a test set another).
    pub group_size: usize,
    /// Every document of the inputs (all shards), after ids were made unique.
    pub corpus: CorpusIdentity,
    /// This shard's documents, in `doc_id` order.
    pub documents: CorpusIdentity,
    /// Every part is written and the tables were built from them.
    pub complete: bool,
}

impl RunInfo {
    /// How many groups (parts) the run has.
    pub fn groups(&self) -> usize {
        self.documents.documents.div_ceil(self.group_size)
    }

    /// The documents in group `g`.
    pub fn group_len(&self, g: usize) -> usize {
        (self.documents.documents - g * self.group_size).min(self.group_size)
    }
}

/// How a run treats a work area already in its output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// Refuse an unfinished run ([`WorkError::Unfinished`]); a finished one is replaced.
    #[default]
    New,
    /// Continue an unfinished run with the same fingerprint and documents (`--resume`); start
    /// one when there is none.
    Resume,
    /// Clear whatever is there and start again (`--force`).
    Force,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkError {
    #[error(
        "{dir} holds an unfinished run ({done} of {total} documents done): add --resume to continue it, \
         or --force to start over"
    )]
    Unfinished { dir: PathBuf, done: usize, total: usize },
    #[error("--resume: the unfinished run in {dir} differs from this one: {what}; run with the same inputs and options, or --force to start over")]
    Differs { dir: PathBuf, what: String },
    #[error("{path}: unreadable ({reason}); run with --force to start over")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path} is missing: the run in {dir} is not complete")]
    MissingPart { dir: PathBuf, path: PathBuf },
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "another newsmine process is writing to {dir}; wait for it to end (or stop it), or give another output folder"
    )]
    Busy { dir: PathBuf },
}

impl WorkError {
    /// Whether the command line asked for something the folder's state does not allow (a run
    /// over an unfinished one, a resume with other settings): bad usage, not a failure.
    pub fn is_usage(&self) -> bool {
        matches!(self, WorkError::Unfinished { .. } | WorkError::Differs { .. } | WorkError::Busy { .. })
    }
}

/// An exclusive advisory lock (`flock`) on an output folder, held until dropped. The kernel
/// releases it when the process ends however it ends, so a killed run never leaves a stale lock
/// behind and `--resume` works at once. Where the file system cannot lock a folder (some network
/// file systems), the run goes on unlocked, as before this lock existed.
pub struct OutputLock {
    #[cfg(unix)]
    _folder: File,
}

impl OutputLock {
    /// Locks the existing folder `dir`, or says another process holds it ([`WorkError::Busy`]).
    pub fn take(dir: &Path) -> Result<OutputLock, WorkError> {
        #[cfg(unix)]
        {
            use std::os::unix::io::AsRawFd;
            let folder = File::open(dir).map_err(io(dir))?;
            // SAFETY: `flock` on a descriptor this function owns; it reads no memory.
            if unsafe { libc::flock(folder.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::WouldBlock {
                    return Err(WorkError::Busy { dir: dir.to_path_buf() });
                }
            }
            Ok(OutputLock { _folder: folder })
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(OutputLock {})
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WorkError {
    let path = path.to_path_buf();
    move |source| WorkError::Io { path, source }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), WorkError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Writes `bytes` to `path` through a fsynced temporary file and a rename.
fn write_durably(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), WorkError> {
    let dir = path.parent().expect("a file in the work area");
    let tmp = dir.join(format!(".{}.tmp", path.file_name().unwrap_or_default().to_string_lossy()));
    let file = File::create(&tmp).map_err(io(&tmp))?;
    let mut w = BufWriter::new(file);
    write(&mut w).map_err(io(&tmp))?;
    let file = w.into_inner().map_err(|e| io(&tmp)(e.into_error()))?;
    file.sync_all().map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    sync_dir(dir)
}

/// The part file of group `g`.
fn part_name(g: usize) -> String {
    format!("part-{g:08}.jsonl")
}

/// A run's work area, open for writing parts and reading them back.
#[derive(Debug)]
pub struct WorkArea {
    dir: PathBuf,
    info: RunInfo,
    /// Per group: whether its part was already written when the area was opened.
    done: Vec<bool>,
}

/// The `run.json` of a work area, if it has one.
pub fn read_info(work: &Path) -> Result<Option<RunInfo>, WorkError> {
    let path = work.join(RUN);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            serde_json::from_str(&text).map(Some).map_err(|e| WorkError::Corrupt { path, reason: e.to_string() })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(WorkError::Io { path, source }),
    }
}

/// The values of `a` and `b` that differ, as `path (A LABEL_A, B LABEL_B)`; long hashes cut
/// to 12 characters. Walks the JSON of both, so a field added to [`RunInfo`] is compared
/// without a change here.
///
/// ```
/// use newsmine::export::work::differences;
/// let (a, b) = (serde_json::json!({"x": {"y": 1, "z": 2}}), serde_json::json!({"x": {"y": 1, "z": 3}}));
/// assert_eq!(differences(&a, &b, ("recorded", "now")), ["x.z (2 recorded, 3 now)"]);
/// ```
pub fn differences(a: &serde_json::Value, b: &serde_json::Value, labels: (&str, &str)) -> Vec<String> {
    fn short(v: Option<&serde_json::Value>) -> String {
        match v {
            None => "absent".into(),
            Some(serde_json::Value::String(s)) if s.len() > 16 => format!("{}…", &s[..12]),
            Some(v) => v.to_string(),
        }
    }
    type Value = serde_json::Value;
    fn walk(path: &str, a: Option<&Value>, b: Option<&Value>, labels: (&str, &str), out: &mut Vec<String>) {
        match (a, b) {
            (Some(Value::Object(x)), Some(Value::Object(y))) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                for k in keys {
                    let sub = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    walk(&sub, x.get(k), y.get(k), labels, out);
                }
            }
            _ if a != b => out.push(format!("{path} ({} {}, {} {})", short(a), labels.0, short(b), labels.1)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", Some(a), Some(b), labels, &mut out);
    out
}

impl WorkArea {
    /// The work area's folder inside the output folder `out`.
    pub fn path(out: &Path) -> PathBuf {
        out.join(WORK)
    }

    /// Opens the work area of the output folder `out` for the run `info`, as `start` says (see
    /// [`Start`]). On a resume the group size is the recorded run's.
    pub fn open(out: &Path, mut info: RunInfo, start: Start) -> Result<WorkArea, WorkError> {
        let dir = WorkArea::path(out);
        let old = if start == Start::Force { None } else { read_info(&dir)? };
        match (&old, start) {
            (Some(old), Start::New) if !old.complete => {
                let done = WorkArea::done_in(&dir, old).into_iter().enumerate().filter(|(_, d)| *d);
                let done = done.map(|(g, _)| old.group_len(g)).sum();
                return Err(WorkError::Unfinished { dir: out.to_path_buf(), done, total: old.documents.documents });
            }
            (Some(old), Start::Resume) => {
                info.group_size = old.group_size;
                let mut was = serde_json::to_value(old).expect("run info serialises");
                let mut now = serde_json::to_value(&info).expect("run info serialises");
                was["complete"] = serde_json::Value::Null;
                now["complete"] = serde_json::Value::Null;
                let what = differences(&was, &now, ("recorded", "now"));
                if !what.is_empty() {
                    return Err(WorkError::Differs { dir: out.to_path_buf(), what: what.join("; ") });
                }
            }
            _ => {}
        }
        let resumed = start == Start::Resume && old.is_some();
        if !resumed {
            match std::fs::remove_dir_all(&dir) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&dir)(e)),
                _ => {}
            }
        }
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        // Temporary files of parts a killed run was writing.
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n.ends_with(".tmp")) {
                std::fs::remove_file(&path).map_err(io(&path))?;
            }
        }
        info.complete = false;
        write_durably(&dir.join(RUN), |w| {
            serde_json::to_writer_pretty(&mut *w, &info)?;
            w.write_all(b"\n")
        })?;
        let done = WorkArea::done_in(&dir, &info);
        Ok(WorkArea { dir, info, done })
    }

    /// Per group, whether its part exists in `dir`.
    fn done_in(dir: &Path, info: &RunInfo) -> Vec<bool> {
        (0..info.groups()).map(|g| dir.join(part_name(g)).is_file()).collect()
    }

    /// Opens a finished shard's work area for reading (`newsmine merge`).
    pub fn finished(out: &Path) -> Result<Option<WorkArea>, WorkError> {
        let dir = WorkArea::path(out);
        Ok(read_info(&dir)?.map(|info| {
            let done = WorkArea::done_in(&dir, &info);
            WorkArea { dir, info, done }
        }))
    }

    pub fn info(&self) -> &RunInfo {
        &self.info
    }

    /// Whether group `g`'s part was written before this run opened the area.
    pub fn was_done(&self, g: usize) -> bool {
        self.done[g]
    }

    /// Documents in the groups done before this run opened the area.
    pub fn documents_done(&self) -> usize {
        self.done.iter().enumerate().filter(|(_, d)| **d).map(|(g, _)| self.info.group_len(g)).sum()
    }

    /// Records group `g` as done: its rows, one JSON line per document, durably.
    pub fn write_part(&self, g: usize, rows: &[DocRows]) -> Result<(), WorkError> {
        write_durably(&self.dir.join(part_name(g)), |w| {
            for r in rows {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })
    }

    /// Every document's rows, in `doc_id` order, read one part at a time. A missing part, or
    /// one with another number of documents than its group, is an error: the tables are built
    /// only from a complete set.
    pub fn rows(&self) -> PartRows<'_> {
        PartRows { area: self, group: 0, lines: None }
    }

    /// Marks the run complete (its tables are in place). A shard keeps the area for `merge`;
    /// a run over the whole corpus removes it.
    pub fn complete(mut self, keep: bool) -> Result<(), WorkError> {
        self.info.complete = true;
        let info = &self.info;
        write_durably(&self.dir.join(RUN), |w| {
            serde_json::to_writer_pretty(&mut *w, info)?;
            w.write_all(b"\n")
        })?;
        if !keep {
            std::fs::remove_dir_all(&self.dir).map_err(io(&self.dir))?;
        }
        Ok(())
    }
}

/// The rows of a work area's parts, in order ([`WorkArea::rows`]).
pub struct PartRows<'a> {
    area: &'a WorkArea,
    /// The next group to open.
    group: usize,
    /// The open part: its path, its lines, how many documents it should hold and has given.
    lines: Option<(PathBuf, std::io::Lines<BufReader<File>>, usize, usize)>,
}

impl PartRows<'_> {
    /// The next line of the parts, opening the next part when one ends.
    fn next_row(&mut self) -> Result<Option<DocRows>, WorkError> {
        loop {
            if let Some((path, lines, expected, seen)) = &mut self.lines {
                match lines.next() {
                    Some(line) => {
                        *seen += 1;
                        let line = line.map_err(io(path))?;
                        let rows = serde_json::from_str::<DocRows>(&line).map_err(|e| WorkError::Corrupt {
                            path: path.clone(),
                            reason: format!("line {seen}: {e}"),
                        })?;
                        return Ok(Some(rows));
                    }
                    None if seen != expected => {
                        let reason = format!("{seen} documents, its group has {expected}");
                        return Err(WorkError::Corrupt { path: path.clone(), reason });
                    }
                    None => self.lines = None,
                }
            }
            let info = &self.area.info;
            if self.group == info.groups() {
                return Ok(None);
            }
            let path = self.area.dir.join(part_name(self.group));
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(WorkError::MissingPart { dir: self.area.dir.clone(), path })
                }
                Err(e) => return Err(io(&path)(e)),
            };
            self.lines = Some((path, BufReader::new(file).lines(), info.group_len(self.group), 0));
            self.group += 1;
        }
    }
}

impl Iterator for PartRows<'_> {
    type Item = Result<DocRows, WorkError>;

    /// Stops after the first error.
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_row() {
            Ok(row) => row.map(Ok),
            Err(e) => {
                self.group = self.area.info.groups();
                self.lines = None;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_process_at_a_time_writes_an_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::take(dir.path()).unwrap();
        // flock locks belong to the open folder, so a second open conflicts even in one process,
        // as a second process's would.
        let e = OutputLock::take(dir.path()).err().expect("the folder is held");
        assert!(matches!(&e, WorkError::Busy { dir: d } if d == dir.path()), "{e}");
        assert!(e.is_usage() && e.to_string().contains("another newsmine process is writing to"), "{e}");
        drop(first);
        let _again = OutputLock::take(dir.path()).expect("released when dropped");
        assert!(matches!(OutputLock::take(&dir.path().join("none")), Err(WorkError::Io { .. })));
    }

    #[test]
    fn the_shard_hash_is_pinned() {
        // FNV-1a test vectors, and ids with a path, a repeat suffix and multibyte characters.
        assert_eq!(fnv1a64(""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64("foobar"), 0x85944171f73967e8);
        assert_eq!(fnv1a64("000_539f1dc83d85f2f8"), 0xb596019eef5fbfab);
        assert_eq!(fnv1a64("café/ü~2"), 0x85d7987931371b41);
        let shard: Shard = "2/7".parse().unwrap();
        assert!(shard.holds("000_539f1dc83d85f2f8") && !Shard { index: 3, count: 7 }.holds("000_539f1dc83d85f2f8"));
        assert!(Shard::WHOLE.holds("anything"));
        assert_eq!(shard.to_string(), "2/7");
        for (bad, says) in [("3/3", "from 0 to 2"), ("0/0", "at least 1"), ("2", "K/N"), ("x/2", "K in K/N")] {
            let e = bad.parse::<Shard>().unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn corpus_identity_depends_on_every_id_and_its_bounds() {
        let ab_c = CorpusIdentity::of(["ab", "c"]);
        assert_eq!(ab_c.documents, 2);
        assert_ne!(ab_c, CorpusIdentity::of(["a", "bc"]));
        assert_ne!(ab_c, CorpusIdentity::of(["c", "ab"]));
        assert_eq!(ab_c, CorpusIdentity::of(["ab", "c"]));
    }

    fn info(ids: &[&str], group_size: usize) -> RunInfo {
        RunInfo {
            fingerprint: Fingerprint {
                newsmine: "test".into(),
                model: ModelIdentity::default(),
                max_doc_chars: 100,
                doc_timeout_ms: 1000,
                precision: "fp32".into(),
                aliases: None,
            },
            shard: Shard::WHOLE,
            group_size,
            corpus: CorpusIdentity::of(ids.iter().copied()),
            documents: CorpusIdentity::of(ids.iter().copied()),
            complete: false,
        }
    }

    fn rows(id: &str) -> DocRows {
        let mut r = DocRows::default();
        r.document.doc_id = id.into();
        r.speakers
            .push(super::super::rows::SpeakerFact { speaker: format!("{id} “speaker”"), ..Default::default() });
        r
    }

    #[test]
    fn parts_are_the_journal_of_a_run() {
        let out = tempfile::tempdir().unwrap();
        let ids = ["a", "b", "c", "d", "e"];
        let area = WorkArea::open(out.path(), info(&ids, 2), Start::New).unwrap();
        assert_eq!((area.info().groups(), area.info().group_len(2)), (3, 1));
        area.write_part(0, &[rows("a"), rows("b")]).unwrap();
        area.write_part(2, &[rows("e")]).unwrap();
        // Group 1 is missing: the rows stop there with an error naming its part.
        let read: Vec<_> = area.rows().collect();
        assert_eq!(read.len(), 3);
        assert_eq!(read[1].as_ref().unwrap(), &rows("b"));
        let e = read[2].as_ref().unwrap_err().to_string();
        assert!(e.contains("part-00000001.jsonl is missing"), "{e}");

        // A new run over it is refused, saying how far it got.
        let e = WorkArea::open(out.path(), info(&ids, 2), Start::New).unwrap_err();
        assert!(e.is_usage());
        assert!(e.to_string().contains("unfinished run (3 of 5 documents done)"), "{e}");
        // A resume with other options or documents is refused, naming what differs.
        let mut other = info(&ids, 2);
        other.fingerprint.max_doc_chars = 50;
        let e = WorkArea::open(out.path(), other, Start::Resume).unwrap_err().to_string();
        assert!(e.contains("fingerprint.max_doc_chars (100 recorded, 50 now)"), "{e}");
        let e = WorkArea::open(out.path(), info(&ids[..4], 2), Start::Resume).unwrap_err().to_string();
        assert!(e.contains("documents.documents (5 recorded, 4 now)"), "{e}");
        // A resume with another group size takes the recorded one.
        let area = WorkArea::open(out.path(), info(&ids, 64), Start::Resume).unwrap();
        assert_eq!(area.info().group_size, 2);
        assert!(area.was_done(0) && !area.was_done(1) && area.was_done(2));
        assert_eq!(area.documents_done(), 3);
        area.write_part(1, &[rows("c"), rows("d")]).unwrap();
        let read: Vec<DocRows> = area.rows().map(Result::unwrap).collect();
        assert_eq!(read, ids.map(rows));
        // A part with a document too few is refused.
        area.write_part(1, &[rows("c")]).unwrap();
        let e = area.rows().find_map(Result::err).unwrap().to_string();
        assert!(e.contains("1 documents, its group has 2"), "{e}");
        area.complete(true).unwrap();
        assert!(read_info(&WorkArea::path(out.path())).unwrap().unwrap().complete);
        // A finished run is replaced by a new one without a flag; --force clears an unfinished one.
        let area = WorkArea::open(out.path(), info(&ids, 2), Start::New).unwrap();
        assert_eq!(area.documents_done(), 0);
        area.write_part(0, &[rows("a"), rows("b")]).unwrap();
        let area = WorkArea::open(out.path(), info(&ids, 2), Start::Force).unwrap();
        assert_eq!(area.documents_done(), 0);
        area.complete(false).unwrap();
        assert!(!WorkArea::path(out.path()).exists());
    }
}
