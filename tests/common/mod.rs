#![allow(dead_code)]
//! Helpers shared by the integration tests: running the binary and reading its tables.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn model_dir() -> PathBuf {
    root().join("models/ner")
}

/// `newsmine extract INPUT -o OUT --threads N --quiet`, returning the exit code.
pub fn extract(input: &Path, out: &Path, threads: usize) -> i32 {
    let output = Command::cargo_bin("newsmine")
        .unwrap()
        .current_dir(root())
        .args(["extract", "--quiet", "--threads", &threads.to_string(), "-o"])
        .arg(out)
        .arg("--model")
        .arg(model_dir())
        .arg(input)
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty() || output.status.code() != Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.status.code().unwrap()
}

/// A table as a list of header-keyed rows.
pub fn read_table(dir: &Path, name: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

/// `text[start:end]` in code points, as Python slices.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}
