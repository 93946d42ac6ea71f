//! The table set as a whole. The seven tables are renamed into place one by one, so a run
//! killed between two renames (or a full disk) could leave new tables beside old ones. To
//! make the set atomic for readers, [`begin`] puts a marker file in the folder and removes the
//! old manifest before the first rename; [`commit`] writes `manifest.json` (each table's size)
//! after the last one and removes the marker. [`check`] refuses a folder with the marker, or
//! whose tables do not match its manifest. A folder with neither (written by an older newsmine)
//! is accepted.

use super::writer::{ExportError, TABLES};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The manifest's file name, written last.
pub const MANIFEST: &str = "manifest.json";
/// Present from the first table rename to the manifest: the set is being replaced.
pub const WRITING: &str = ".newsmine-writing";

/// What `manifest.json` records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The newsmine version that wrote the tables.
    pub newsmine: String,
    pub tables: Vec<TableEntry>,
}

/// One table of the set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableEntry {
    pub name: String,
    pub bytes: u64,
}

/// Why a folder's tables cannot be read as one set.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{dir}: the tables were being replaced when the run stopped; run `newsmine extract` again")]
    Interrupted { dir: PathBuf },
    #[error("{dir}: {table} does not match manifest.json ({reason}); run `newsmine extract` again")]
    Mismatch { dir: PathBuf, table: String, reason: String },
    #[error("{path}: unreadable manifest")]
    Unreadable { path: PathBuf, source: std::io::Error },
}

fn io(path: PathBuf) -> impl FnOnce(std::io::Error) -> ExportError {
    move |source| ExportError::Io { path, source }
}

/// Marks the folder as being written and removes its old manifest.
pub fn begin(dir: &Path) -> Result<(), ExportError> {
    let marker = dir.join(WRITING);
    std::fs::write(&marker, b"").map_err(io(marker))?;
    match std::fs::remove_file(dir.join(MANIFEST)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(dir.join(MANIFEST))(e)),
        _ => Ok(()),
    }
}

/// Writes the manifest of the tables now in the folder (through a temporary file) and removes
/// the marker.
pub fn commit(dir: &Path) -> Result<(), ExportError> {
    let mut tables = Vec::new();
    for name in TABLES {
        let path = dir.join(name);
        let bytes = std::fs::metadata(&path).map_err(io(path))?.len();
        tables.push(TableEntry { name: name.to_string(), bytes });
    }
    let manifest = Manifest { newsmine: env!("CARGO_PKG_VERSION").to_string(), tables };
    let text = serde_json::to_string_pretty(&manifest).expect("a manifest serialises") + "\n";
    let tmp = dir.join(format!(".{MANIFEST}.tmp"));
    std::fs::write(&tmp, text).map_err(io(tmp.clone()))?;
    std::fs::rename(&tmp, dir.join(MANIFEST)).map_err(io(dir.join(MANIFEST)))?;
    let marker = dir.join(WRITING);
    std::fs::remove_file(&marker).map_err(io(marker))
}

/// Whether the folder's tables are one complete set (see the module docs).
pub fn check(dir: &Path) -> Result<(), ManifestError> {
    if dir.join(WRITING).exists() {
        return Err(ManifestError::Interrupted { dir: dir.to_path_buf() });
    }
    let path = dir.join(MANIFEST);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(ManifestError::Unreadable { path, source }),
    };
    let bad = |table: &str, reason: String| ManifestError::Mismatch {
        dir: dir.to_path_buf(),
        table: table.to_string(),
        reason,
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| bad(MANIFEST, e.to_string()))?;
    for t in &manifest.tables {
        match std::fs::metadata(dir.join(&t.name)) {
            Ok(m) if m.len() == t.bytes => {}
            Ok(m) => return Err(bad(&t.name, format!("{} bytes, the manifest says {}", m.len(), t.bytes))),
            Err(e) => return Err(bad(&t.name, e.to_string())),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(dir: &Path, content: &str) {
        for name in TABLES {
            std::fs::write(dir.join(name), content).unwrap();
        }
    }

    #[test]
    fn a_set_is_checked_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        tables(d, "a\n");
        // An older folder: no manifest, no marker.
        check(d).unwrap();
        begin(d).unwrap();
        let err = check(d).unwrap_err();
        assert!(matches!(err, ManifestError::Interrupted { .. }), "{err}");
        commit(d).unwrap();
        check(d).unwrap();
        assert!(!d.join(WRITING).exists());
        // A table replaced behind the manifest's back (a run killed between renames).
        std::fs::write(d.join("quotes.csv"), "a\nb\n").unwrap();
        let err = check(d).unwrap_err().to_string();
        assert!(err.contains("quotes.csv does not match manifest.json (4 bytes, the manifest says 2)"), "{err}");
    }
}
