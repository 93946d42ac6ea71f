//! Corpus: turns input paths into documents. A folder is read recursively (`.txt`, `.jsonl`,
//! `.csv`, in path order); a `.txt` file is one document whose `doc_id` is its path relative to
//! the input folder without the extension; `.jsonl` and `.csv` files hold records with `id`
//! and `text` (and optional `title`, `date`, `source`). A record or file that cannot be read
//! becomes a document whose body is the error, so the batch goes on and reports it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    Utf8 { path: String, offset: usize },
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: line {line}: {reason}")]
    Record { path: String, line: usize, reason: String },
}

/// Errors that stop the whole run (nothing to read at all).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("no such file or folder: {0}")]
    Missing(PathBuf),
    #[error("reading folder {path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}: unsupported input (expected a folder, .txt, .jsonl or .csv)")]
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

/// Reads every document under the given paths, in a stable order, failing only when a path
/// does not exist or a folder cannot be listed.
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Document>, CorpusError> {
    let mut docs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            files.sort();
            for file in files {
                let rel = file.strip_prefix(path).unwrap_or(&file);
                read_file(&file, &id_from_path(rel), &mut docs);
            }
        } else if path.is_file() {
            if !is_supported(path) {
                return Err(CorpusError::Unsupported(path.clone()));
            }
            let name = Path::new(path.file_name().unwrap_or_default());
            read_file(path, &id_from_path(name), &mut docs);
        } else {
            return Err(CorpusError::Missing(path.clone()));
        }
    }
    Ok(docs)
}

fn is_supported(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl" | "csv"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError::Io { path: dir.to_path_buf(), source: e })?;
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError::Io { path: dir.to_path_buf(), source: e })?;
        let path = entry.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_supported(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// `a/b/c.txt` -> `a/b/c`, with `/` separators on every platform.
fn id_from_path(rel: &Path) -> String {
    let stem = rel.with_extension("");
    stem.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::Utf8 {
        path: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn read_file(path: &Path, id: &str, docs: &mut Vec<Document>) {
    let source = path.display().to_string();
    let text = std::fs::read(path)
        .map_err(|e| ReadError::Io { path: source.clone(), reason: e.to_string() })
        .and_then(|bytes| decode(path, bytes));
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => {
            let title = text.as_ref().ok().and_then(|t| t.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string));
            docs.push(Document { doc_id: id.to_string(), source, title, date: None, body: text });
        }
        Some("jsonl") => match text {
            Ok(t) => read_jsonl(&source, &t, docs),
            Err(e) => docs.push(Document { doc_id: id.to_string(), source, title: None, date: None, body: Err(e) }),
        },
        Some("csv") => match text {
            Ok(t) => read_csv(&source, &t, id, docs),
            Err(e) => docs.push(Document { doc_id: id.to_string(), source, title: None, date: None, body: Err(e) }),
        },
        _ => {}
    }
}

fn json_str(v: &serde_json::Value, key: &str) -> Option<String> {
    match v.get(key)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_jsonl(source: &str, text: &str, docs: &mut Vec<Document>) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let at = format!("{source}:{line_no}");
        let record_err = |reason: String| ReadError::Record { path: source.to_string(), line: line_no, reason };
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => {
                let id = json_str(&v, "id");
                let body = match (&id, v.get("text").and_then(|t| t.as_str())) {
                    (None, _) => Err(record_err("record has no \"id\"".into())),
                    (_, None) => Err(record_err("record has no string \"text\"".into())),
                    (_, Some(t)) => Ok(t.to_string()),
                };
                docs.push(Document {
                    doc_id: id.unwrap_or_else(|| format!("{source}:{line_no}")),
                    source: json_str(&v, "source").unwrap_or(at),
                    title: json_str(&v, "title"),
                    date: json_str(&v, "date"),
                    body,
                });
            }
            Err(e) => docs.push(Document {
                doc_id: format!("{source}:{line_no}"),
                source: at,
                title: None,
                date: None,
                body: Err(record_err(format!("invalid JSON: {e}"))),
            }),
        }
    }
}

fn read_csv(source: &str, text: &str, file_id: &str, docs: &mut Vec<Document>) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: BTreeMap<String, usize> = match reader.headers() {
        Ok(h) => h.iter().enumerate().map(|(i, name)| (name.trim().to_lowercase(), i)).collect(),
        Err(e) => {
            let body = Err(ReadError::Io { path: source.to_string(), reason: format!("unreadable CSV header: {e}") });
            docs.push(Document { doc_id: file_id.to_string(), source: source.to_string(), title: None, date: None, body });
            return;
        }
    };
    if !headers.contains_key("id") || !headers.contains_key("text") {
        let body = Err(ReadError::Io { path: source.to_string(), reason: "CSV input needs `id` and `text` columns".into() });
        docs.push(Document { doc_id: file_id.to_string(), source: source.to_string(), title: None, date: None, body });
        return;
    }
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let at = format!("{source}:{line}");
        match record {
            Ok(r) => {
                let get = |k: &str| headers.get(k).and_then(|&c| r.get(c)).map(str::to_string).filter(|s| !s.is_empty());
                let id = get("id");
                let body = match (&id, get("text")) {
                    (None, _) => Err(ReadError::Record { path: source.to_string(), line, reason: "empty `id`".into() }),
                    (_, text) => Ok(text.unwrap_or_default()),
                };
                docs.push(Document {
                    doc_id: id.unwrap_or_else(|| at.clone()),
                    source: get("source").unwrap_or(at),
                    title: get("title"),
                    date: get("date"),
                    body,
                });
            }
            Err(e) => docs.push(Document {
                doc_id: at.clone(),
                source: at,
                title: None,
                date: None,
                body: Err(ReadError::Record { path: source.to_string(), line, reason: e.to_string() }),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_folder_jsonl_and_csv_with_errors_as_documents() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "Title line\nBody.").unwrap();
        std::fs::write(dir.path().join("bad.txt"), b"ok \xff\xfe").unwrap();
        std::fs::write(
            dir.path().join("recs.jsonl"),
            "{\"id\": \"r1\", \"text\": \"Hello\", \"title\": \"T\"}\nnot json\n{\"id\": 7}\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("table.csv"), "id,text,date\nc1,\"Multi\nline\",2025-03-17\n").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids[0], "bad");
        assert!(matches!(docs[0].body, Err(ReadError::Utf8 { offset: 3, .. })));
        assert!(ids.contains(&"r1") && ids.contains(&"7") && ids.contains(&"sub/a") && ids.contains(&"c1"));
        let a = docs.iter().find(|d| d.doc_id == "sub/a").unwrap();
        assert_eq!(a.title.as_deref(), Some("Title line"));
        let c1 = docs.iter().find(|d| d.doc_id == "c1").unwrap();
        assert_eq!(c1.body.as_deref(), Ok("Multi\nline"));
        assert_eq!(c1.date.as_deref(), Some("2025-03-17"));
        let broken = docs.iter().find(|d| d.source.ends_with("recs.jsonl:2")).unwrap();
        assert!(broken.body.as_ref().unwrap_err().to_string().contains("line 2: invalid JSON"));
        let no_text = docs.iter().find(|d| d.doc_id == "7").unwrap();
        assert!(no_text.body.as_ref().unwrap_err().to_string().contains("no string \"text\""));
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = read_inputs(&[PathBuf::from("/nonexistent/newsmine")]).unwrap_err();
        assert_eq!(err.to_string(), "no such file or folder: /nonexistent/newsmine");
    }
}
