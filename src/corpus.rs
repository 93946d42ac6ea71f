//! Corpus: turns input paths into documents, in two steps so a batch can hold locators rather
//! than texts:
//!
//! 1. [`scan`] walks the inputs into a sorted list of [`Locator`]s: one per text file, one per
//!    file of records. Folders are read recursively; only regular files are taken (a FIFO or a
//!    device named `x.txt` is reported, never opened); a folder reached twice through symbolic
//!    links is walked once and the loop reported; files with other extensions are counted.
//! 2. [`Locator::read`] reads one locator's documents: a text file is one document, a `.jsonl`
//!    or `.csv` file one per record, each record decoded and parsed on its own, so one bad
//!    record is one failed document naming `file:LINE` and the others are read.
//!
//! Text files (`.txt`, `.text`, `.md`, any case) are one document each: the `doc_id` is the
//! path relative to the input folder without the extension (`/` separators; bytes of a file
//! name that are not UTF-8 are written `%XX`), the title its first non-empty line. `.jsonl` and
//! `.csv` files hold records with `id` and `text` and optional `title`, `date`, `source`.
//!
//! Encodings: UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE) with one. Anything
//! else fails with a reason naming what was found. A file is never read past
//! [`Limits::max_bytes`]; a larger one fails without being read.
//!
//! Ids are checked by [`read_inputs`]: an id with control characters or longer than
//! [`MAX_ID_CHARS`] fails; a `doc_id` seen before (two folders holding `x.txt`, an `id`
//! repeated in a JSONL file) fails under the id `ID~N` (N = 2, 3, …) with a reason naming
//! both sources, so no two rows ever share a `doc_id`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The longest `doc_id` accepted, in characters.
pub const MAX_ID_CHARS: usize = 512;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); only UTF-8 and UTF-16 with a byte-order mark are read")]
    Utf8 { path: String, offset: usize },
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: line {line}: {reason}")]
    Record { path: String, line: usize, reason: String },
    /// Larger than [`Limits::max_bytes`]: not read, and the document is skipped, not failed.
    #[error("{at}: {size} bytes, more than the {max} read for one document (raise --max-doc-chars)")]
    TooLarge { at: String, size: u64, max: u64 },
}

/// Errors that stop the whole run (nothing to read at all).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("no such file or folder: {0}")]
    Missing(PathBuf),
    #[error("reading folder {path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}: unsupported input (expected a folder, .txt, .text, .md, .jsonl or .csv)")]
    Unsupported(PathBuf),
}

/// One input document, read or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub doc_id: String,
    /// Where it came from: a file path, or `path:line` for a record.
    pub source: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub body: Result<String, ReadError>,
}

/// How much of a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A text file, or one record of a JSONL file, larger than this is not read.
    pub max_bytes: u64,
}

impl Limits {
    /// The bytes that can hold `chars` characters in any encoding read (UTF-8: up to 4 each).
    pub fn for_chars(chars: usize) -> Limits {
        Limits { max_bytes: chars as u64 * 4 + 4 }
    }
}

impl Default for Limits {
    /// 64 MiB: far above any article, far below what would exhaust memory.
    fn default() -> Self {
        Limits { max_bytes: 64 << 20 }
    }
}

/// What kind of file a locator points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// A CSV table with a header row.
    Csv,
}

impl Format {
    /// The format of a file name's extension (any case), if it is read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where documents come from: a file and, for a text file, the document's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Locator {
    pub path: PathBuf,
    pub format: Format,
    /// The id of a text file's document (the file's path relative to its input folder, without
    /// the extension); for records, the id of the failed document when the whole file cannot
    /// be read.
    pub id: String,
    /// Set when the path is not a regular file (a FIFO, a device): it is reported, not read.
    pub not_regular: Option<String>,
}

/// What [`scan`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// Per input, in the order given; inside a folder, sorted by path.
    pub locators: Vec<Locator>,
    /// Files left out because their extension is not read.
    pub skipped_extension: usize,
    /// Folders reached a second time through symbolic links (walked once).
    pub loops: Vec<PathBuf>,
}

/// Walks the inputs, failing only when a path does not exist, a given file has an extension
/// that is not read, or a folder cannot be listed.
pub fn scan(paths: &[PathBuf]) -> Result<Scan, CorpusError> {
    let mut scan = Scan::default();
    let mut visited = HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|_| CorpusError::Missing(path.clone()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, path, &mut visited, &mut found, &mut scan)?;
            found.sort();
            scan.locators.extend(found);
        } else {
            let format = Format::of(path).ok_or_else(|| CorpusError::Unsupported(path.clone()))?;
            let name = Path::new(path.file_name().unwrap_or_default());
            scan.locators.push(locator(path.clone(), format, id_from_path(name), &meta));
        }
    }
    Ok(scan)
}

fn locator(path: PathBuf, format: Format, id: String, meta: &std::fs::Metadata) -> Locator {
    let not_regular =
        (!meta.is_file()).then(|| "not a regular file (a FIFO, socket or device is never read)".to_string());
    Locator { path, format, id, not_regular }
}

/// A folder's identity (device and inode), to notice a second visit through a symbolic link.
#[cfg(unix)]
type FolderKey = (u64, u64);
#[cfg(not(unix))]
type FolderKey = PathBuf;

#[cfg(unix)]
fn folder_key(meta: &std::fs::Metadata, _path: &Path) -> FolderKey {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn folder_key(_meta: &std::fs::Metadata, path: &Path) -> FolderKey {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn walk(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<FolderKey>,
    out: &mut Vec<Locator>,
    scan: &mut Scan,
) -> Result<(), CorpusError> {
    let io = |e| CorpusError::Io { path: dir.to_path_buf(), source: e };
    let meta = std::fs::metadata(dir).map_err(io)?;
    if !visited.insert(folder_key(&meta, dir)) {
        scan.loops.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        // A dangling symbolic link has no metadata: it is not a document.
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        if meta.is_dir() {
            walk(root, &path, visited, out, scan)?;
        } else if let Some(format) = Format::of(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push(locator(path.clone(), format, id_from_path(rel), &meta));
        } else {
            scan.skipped_extension += 1;
        }
    }
    Ok(())
}

/// `a/b/c.txt` -> `a/b/c`, with `/` separators on every platform; bytes of a name that are
/// not UTF-8 become `%XX`, so two such names never share an id.
fn id_from_path(rel: &Path) -> String {
    let stem = rel.with_extension("");
    stem.components().map(|c| escape_name(c.as_os_str())).collect::<Vec<_>>().join("/")
}

#[cfg(unix)]
fn escape_name(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_name(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

/// Decodes a whole file: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)])
                } else {
                    u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ReadError::Io {
            path: path.display().to_string(),
            reason: "invalid UTF-16 (it has a UTF-16 byte-order mark)".into(),
        })
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => {
            let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
            let mut bytes = bytes;
            bytes.drain(..skip);
            String::from_utf8(bytes).map_err(|e| ReadError::Utf8 {
                path: path.display().to_string(),
                offset: e.utf8_error().valid_up_to() + skip,
            })
        }
    }
}

/// Reads a whole file, refusing one larger than `max_bytes` before reading it.
fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let io = |reason: String| ReadError::Io { path: path.display().to_string(), reason };
    let file = std::fs::File::open(path).map_err(|e| io(e.to_string()))?;
    let len = file.metadata().map_err(|e| io(e.to_string()))?.len();
    let too_large = |size| ReadError::TooLarge { at: path.display().to_string(), size, max: max_bytes };
    if len > max_bytes {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| io(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

impl Locator {
    /// The documents at this locator, in file order, read now.
    pub fn read(&self, limits: Limits) -> Vec<Document> {
        let shared = Arc::new(self.clone());
        pending(&shared, limits).iter().map(|p| p.read(limits)).collect()
    }

    fn failed(&self, body: ReadError) -> Pending {
        let source = self.path.display().to_string();
        Pending::ready(Document { doc_id: self.id.clone(), source, title: None, date: None, body: Err(body) })
    }
}

/// A document found by the scan, its body read only when [`Pending::read`] is called: a text
/// file, a record at a byte offset of a JSONL or CSV file, or (for what already failed while
/// the records were scanned) the finished document.
#[derive(Debug, Clone)]
pub struct Pending {
    pub doc_id: String,
    pub source: String,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    Ready(Box<Document>),
    File(Arc<Locator>),
    Jsonl { locator: Arc<Locator>, offset: u64, line: usize },
    Csv { locator: Arc<Locator>, offset: u64, line: usize, headers: Arc<BTreeMap<String, usize>> },
}

impl Pending {
    fn ready(doc: Document) -> Pending {
        Pending { doc_id: doc.doc_id.clone(), source: doc.source.clone(), body: Body::Ready(Box::new(doc)) }
    }

    /// Marks this document failed with `reason` under the id `doc_id`; nothing will be read.
    fn fail(&mut self, doc_id: String, reason: String) {
        let body = Err(ReadError::Io { path: self.source.clone(), reason });
        *self = Pending::ready(Document { doc_id, source: self.source.clone(), title: None, date: None, body });
    }

    /// Reads the document (again, for a record: the file may have changed in between, which
    /// the id check catches).
    pub fn read(&self, limits: Limits) -> Document {
        let mut doc = match &self.body {
            Body::Ready(doc) => return (**doc).clone(),
            Body::File(l) => read_text(l, limits),
            Body::Jsonl { locator, offset, line } => read_jsonl_at(locator, *offset, *line, limits),
            Body::Csv { locator, offset, line, headers } => read_csv_at(locator, *offset, *line, headers),
        };
        if doc.doc_id != self.doc_id {
            // A renamed repeat, or a file that changed since the scan.
            let reason =
                format!("{} changed while it was being read (id {:?}, was {:?})", self.source, doc.doc_id, self.doc_id);
            doc = Document {
                doc_id: self.doc_id.clone(),
                body: Err(ReadError::Io { path: self.source.clone(), reason }),
                ..doc
            };
        }
        doc
    }
}

/// The pending documents of every locator, ids checked (see [`check_ids`]).
pub fn pending_all(scan: &Scan, limits: Limits) -> Vec<Pending> {
    let mut all: Vec<Pending> = scan.locators.iter().flat_map(|l| pending(&Arc::new(l.clone()), limits)).collect();
    check_ids(&mut all);
    all
}

/// The pending documents of one locator: records are scanned for their ids and offsets (and
/// parsed, so a broken one fails now), their bodies dropped.
fn pending(locator: &Arc<Locator>, limits: Limits) -> Vec<Pending> {
    if let Some(reason) = &locator.not_regular {
        return vec![locator.failed(ReadError::Io { path: locator.path.display().to_string(), reason: reason.clone() })];
    }
    let open = || {
        std::fs::File::open(&locator.path)
            .map_err(|e| ReadError::Io { path: locator.path.display().to_string(), reason: e.to_string() })
    };
    match locator.format {
        Format::Text => vec![Pending {
            doc_id: locator.id.clone(),
            source: locator.path.display().to_string(),
            body: Body::File(locator.clone()),
        }],
        Format::Jsonl => match open() {
            Ok(f) => scan_jsonl(locator, BufReader::new(f), limits),
            Err(e) => vec![locator.failed(e)],
        },
        Format::Csv => match open() {
            Ok(f) => scan_csv(locator, BufReader::new(f)),
            Err(e) => vec![locator.failed(e)],
        },
    }
}

fn read_text(locator: &Locator, limits: Limits) -> Document {
    let text = read_capped(&locator.path, limits.max_bytes).and_then(|b| decode(&locator.path, b));
    let title = text.as_ref().ok().and_then(|t| t.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string));
    Document { doc_id: locator.id.clone(), source: locator.path.display().to_string(), title, date: None, body: text }
}

/// Reads every document under the given paths now, in a stable order, failing only when a path
/// does not exist or a folder cannot be listed. Ids are checked and made unique (see the
/// module docs).
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Document>, CorpusError> {
    let limits = Limits::default();
    Ok(pending_all(&scan(paths)?, limits).iter().map(|p| p.read(limits)).collect())
}

/// Fails documents whose id is unusable and renames repeated ids (`ID~2`), in input order.
/// A new name is never an id some document was given, nor one already handed out: with ids
/// `a~2, a, a` the second `a` becomes `a~3`.
pub fn check_ids(docs: &mut [Pending]) {
    let given: HashSet<String> = docs.iter().map(|d| d.doc_id.clone()).collect();
    let mut first: HashMap<String, (String, usize)> = HashMap::new();
    for doc in docs.iter_mut() {
        if let Some(reason) = bad_id(&doc.doc_id) {
            let id = format!("{}:bad-id", doc.source);
            doc.fail(id, reason);
        }
        match first.get(&doc.doc_id).cloned() {
            None => {
                first.insert(doc.doc_id.clone(), (doc.source.clone(), 1));
            }
            Some((source, mut n)) => {
                let renamed = loop {
                    n += 1;
                    let name = format!("{}~{n}", doc.doc_id);
                    if !given.contains(&name) && !first.contains_key(&name) {
                        break name;
                    }
                };
                first.insert(doc.doc_id.clone(), (source.clone(), n));
                first.insert(renamed.clone(), (doc.source.clone(), 1));
                let reason = format!(
                    "doc_id {:?} repeats the one from {source}; renamed {renamed:?}, not extracted",
                    doc.doc_id
                );
                doc.fail(renamed, reason);
            }
        }
    }
}

/// Why an id cannot be a `doc_id`, if it cannot.
fn bad_id(id: &str) -> Option<String> {
    if id.chars().any(char::is_control) {
        Some("doc_id has control characters".into())
    } else if id.chars().count() > MAX_ID_CHARS {
        Some(format!("doc_id is longer than {MAX_ID_CHARS} characters"))
    } else {
        None
    }
}

fn json_str(v: &serde_json::Value, key: &str) -> Option<String> {
    match v.get(key)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One line of a JSONL file, read up to `max_bytes` (the rest of a longer line is skipped):
/// `None` at the end of the file, else the bytes, whether the line was too long, and how many
/// bytes were consumed (the newline included).
fn next_line<R: BufRead>(reader: &mut R, max_bytes: u64) -> std::io::Result<Option<(Vec<u8>, bool, u64)>> {
    let mut line = Vec::new();
    let (mut too_long, mut consumed) = (false, 0u64);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((consumed > 0).then_some((line, too_long, consumed)));
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if !too_long && (line.len() + chunk.len()) as u64 <= max_bytes {
            line.extend_from_slice(chunk);
        } else {
            too_long = true;
            line.clear();
        }
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        consumed += used as u64;
        if done.is_some() {
            return Ok(Some((line, too_long, consumed)));
        }
    }
}

/// One JSONL line as a document: `Ok(None)` for a blank line, `Err` for one that is not a
/// record (the failed document).
fn jsonl_document(
    source: &str,
    line_no: usize,
    bytes: Vec<u8>,
    too_long: Option<u64>,
    max_bytes: u64,
) -> Option<Document> {
    let at = format!("{source}:{line_no}");
    let failed =
        |body| Some(Document { doc_id: at.clone(), source: at.clone(), title: None, date: None, body: Err(body) });
    let record_err = |reason: String| ReadError::Record { path: source.to_string(), line: line_no, reason };
    if let Some(size) = too_long {
        return failed(ReadError::TooLarge { at: at.clone(), size, max: max_bytes });
    }
    let bytes =
        if line_no == 1 { bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes) } else { bytes };
    let line = match String::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => {
            return failed(record_err(format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            )))
        }
    };
    if line.trim().is_empty() {
        return None;
    }
    match serde_json::from_str::<serde_json::Value>(&line) {
        Ok(v) => Some(record(&v, &at, record_err)),
        Err(e) => failed(record_err(format!("invalid JSON: {e}"))),
    }
}

fn scan_jsonl<R: BufRead>(locator: &Arc<Locator>, mut reader: R, limits: Limits) -> Vec<Pending> {
    let source = locator.path.display().to_string();
    let mut out = Vec::new();
    let (mut line_no, mut offset) = (0, 0u64);
    loop {
        line_no += 1;
        let (bytes, too_long, consumed) = match next_line(&mut reader, limits.max_bytes) {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => {
                let at = format!("{source}:{line_no}");
                let body =
                    Err(ReadError::Record { path: source.clone(), line: line_no, reason: format!("cannot read: {e}") });
                out.push(Pending::ready(Document { doc_id: at.clone(), source: at, title: None, date: None, body }));
                break;
            }
        };
        let start = offset;
        offset += consumed;
        match jsonl_document(&source, line_no, bytes, too_long.then_some(consumed), limits.max_bytes) {
            None => {}
            Some(doc) if doc.body.is_err() => out.push(Pending::ready(doc)),
            Some(doc) => out.push(Pending {
                doc_id: doc.doc_id,
                source: doc.source,
                body: Body::Jsonl { locator: locator.clone(), offset: start, line: line_no },
            }),
        }
    }
    out
}

fn read_jsonl_at(locator: &Locator, offset: u64, line: usize, limits: Limits) -> Document {
    use std::io::{Seek, SeekFrom};
    let source = locator.path.display().to_string();
    let at = format!("{source}:{line}");
    let read = || -> std::io::Result<Option<(Vec<u8>, bool, u64)>> {
        let mut f = std::fs::File::open(&locator.path)?;
        f.seek(SeekFrom::Start(offset))?;
        next_line(&mut BufReader::new(f), limits.max_bytes)
    };
    let failed = |reason: String| Document {
        doc_id: at.clone(),
        source: at.clone(),
        title: None,
        date: None,
        body: Err(ReadError::Record { path: source.clone(), line, reason }),
    };
    match read() {
        Ok(Some((bytes, too_long, consumed))) => {
            jsonl_document(&source, line, bytes, too_long.then_some(consumed), limits.max_bytes)
                .unwrap_or_else(|| failed("the record is gone".into()))
        }
        Ok(None) => failed("the record is gone".into()),
        Err(e) => failed(format!("cannot read: {e}")),
    }
}

/// A JSONL record as a document; `id` and a string `text` are required.
fn record(v: &serde_json::Value, at: &str, record_err: impl Fn(String) -> ReadError) -> Document {
    let id = json_str(v, "id");
    let body = match (&id, v.get("text").and_then(|t| t.as_str())) {
        (None, _) => Err(record_err("record has no \"id\"".into())),
        (_, None) => Err(record_err("record has no string \"text\"".into())),
        (_, Some(t)) => Ok(t.to_string()),
    };
    Document {
        doc_id: id.unwrap_or_else(|| at.to_string()),
        source: json_str(v, "source").unwrap_or_else(|| at.to_string()),
        title: json_str(v, "title"),
        date: json_str(v, "date"),
        body,
    }
}

fn scan_csv<R: Read>(locator: &Arc<Locator>, reader: R) -> Vec<Pending> {
    let source = locator.path.display().to_string();
    let whole_file = |reason: String| vec![locator.failed(ReadError::Io { path: source.clone(), reason })];
    let quotes = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let counted = QuoteCounter { inner: reader, quotes: quotes.clone() };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(counted);
    let headers: BTreeMap<String, usize> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, name)| (String::from_utf8_lossy(name).trim_start_matches('\u{feff}').trim().to_lowercase(), i))
            .collect(),
        Err(e) => return whole_file(format!("unreadable CSV header: {e}")),
    };
    if !headers.contains_key("id") || !headers.contains_key("text") {
        return whole_file("CSV input needs `id` and `text` columns".into());
    }
    let headers = Arc::new(headers);
    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut last_lines = (0, 0);
    loop {
        let (line, offset) = (reader.position().line() as usize, reader.position().byte());
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let doc = csv_record(&source, line, &headers, &record);
                out.push(match doc.body {
                    Err(_) => Pending::ready(doc),
                    Ok(_) => Pending {
                        doc_id: doc.doc_id,
                        source: doc.source,
                        body: Body::Csv { locator: locator.clone(), offset, line, headers: headers.clone() },
                    },
                });
            }
            Err(e) => out.push(Pending::ready(csv_failed(&source, line, e.to_string()))),
        }
        last_lines = (line, reader.position().line() as usize);
    }
    // Quotation marks come in pairs in valid CSV; with an odd count, a field opened by a mark
    // ran to the end of the file, swallowing the records after it: the last record.
    if quotes.get() % 2 == 1 && last_lines.1 > last_lines.0 + 1 {
        let (first, last) = last_lines;
        let reason = format!("unterminated quotation mark: lines {first} to {} were read as one record", last - 1);
        out.pop();
        out.push(Pending::ready(csv_failed(&source, first, reason)));
    }
    out
}

fn read_csv_at(locator: &Locator, offset: u64, line: usize, headers: &BTreeMap<String, usize>) -> Document {
    use std::io::{Seek, SeekFrom};
    let source = locator.path.display().to_string();
    let read = || -> Result<Option<csv::ByteRecord>, String> {
        let mut f = std::fs::File::open(&locator.path).map_err(|e| e.to_string())?;
        f.seek(SeekFrom::Start(offset)).map_err(|e| e.to_string())?;
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(f);
        let mut record = csv::ByteRecord::new();
        Ok(reader.read_byte_record(&mut record).map_err(|e| e.to_string())?.then_some(record))
    };
    match read() {
        Ok(Some(record)) => csv_record(&source, line, headers, &record),
        Ok(None) => csv_failed(&source, line, "the record is gone".into()),
        Err(reason) => csv_failed(&source, line, reason),
    }
}

/// Counts the `"` bytes read through it.
struct QuoteCounter<R> {
    inner: R,
    quotes: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for QuoteCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes.set(self.quotes.get() + buf[..n].iter().filter(|&&b| b == b'"').count() as u64);
        Ok(n)
    }
}

fn csv_failed(source: &str, line: usize, reason: String) -> Document {
    let at = format!("{source}:{line}");
    Document {
        doc_id: at.clone(),
        source: at,
        title: None,
        date: None,
        body: Err(ReadError::Record { path: source.to_string(), line, reason }),
    }
}

/// One CSV record as a document. A record whose field count differs from the header's is
/// broken: it fails, naming its first line.
fn csv_record(source: &str, line: usize, headers: &BTreeMap<String, usize>, r: &csv::ByteRecord) -> Document {
    let width = headers.values().max().map_or(0, |m| m + 1);
    if r.len() != width {
        let reason = format!("{} fields where the header has {width} (an unterminated quotation mark?)", r.len());
        return csv_failed(source, line, reason);
    }
    let mut fields = HashMap::new();
    for (name, &c) in headers {
        match std::str::from_utf8(&r[c]) {
            Ok(v) if !v.is_empty() => {
                fields.insert(name.as_str(), v.to_string());
            }
            Ok(_) => {}
            Err(e) => {
                return csv_failed(
                    source,
                    line,
                    format!("column {name}: not valid UTF-8 (first bad byte at offset {})", e.valid_up_to()),
                )
            }
        }
    }
    let at = format!("{source}:{line}");
    let id = fields.remove("id");
    let body = match &id {
        None => Err(ReadError::Record { path: source.to_string(), line, reason: "empty `id`".into() }),
        Some(_) => Ok(fields.remove("text").unwrap_or_default()),
    };
    Document {
        doc_id: id.unwrap_or_else(|| at.clone()),
        source: fields.remove("source").unwrap_or(at),
        title: fields.remove("title"),
        date: fields.remove("date"),
        body,
    }
}

#[cfg(test)]
mod tests;
