//! Benchmark: runs the whole pipeline over a corpus at several thread counts and reports
//! throughput (documents and characters per second, model loading included) and peak resident
//! memory, so speed and memory claims come from a command anyone can rerun.

use crate::encoder::ModelError;
use crate::ner::Tagger;
use crate::pipeline::{self, Config, PipelineError, Summary};
use std::path::{Path, PathBuf};

/// One measured configuration.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchRow {
    pub threads: usize,
    pub documents: usize,
    pub chars: usize,
    pub seconds: f64,
    pub docs_per_second: f64,
    pub chars_per_second: f64,
    /// Peak resident set size of the process so far, in MiB (Linux; 0 elsewhere).
    pub peak_rss_mib: f64,
}

/// Peak resident memory of this process (`VmHWM`), in MiB.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs the pipeline once per thread count, best of `repeat` runs. The tables go to a scratch
/// folder under the system's temporary folder, removed afterwards.
pub fn bench<F>(inputs: &[PathBuf], threads: &[usize], repeat: usize, make: F) -> Result<Vec<BenchRow>, PipelineError>
where
    F: Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync,
{
    let scratch = std::env::temp_dir().join(format!("newsmine-bench-{}", std::process::id()));
    let rows = threads.iter().map(|&t| measure(inputs, &scratch, t, repeat, &make)).collect();
    let _ = std::fs::remove_dir_all(&scratch);
    rows
}

/// The fastest of `repeat` runs with `threads` workers.
fn measure<F>(
    inputs: &[PathBuf],
    scratch: &Path,
    threads: usize,
    repeat: usize,
    make: &F,
) -> Result<BenchRow, PipelineError>
where
    F: Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync,
{
    let cfg = Config {
        inputs: inputs.to_vec(),
        output_dir: scratch.to_path_buf(),
        threads,
        progress: false,
        max_doc_chars: pipeline::MAX_DOC_CHARS,
        doc_timeout: pipeline::DOC_TIMEOUT,
        // The scratch folder is never resumed or merged, so its runs need no model identity;
        // `Force` clears what a crashed earlier benchmark left there.
        model: Default::default(),
        precision: Default::default(),
        shard: None,
        start: crate::export::work::Start::Force,
        hooks: Default::default(),
        aliases: None,
    };
    let mut best: Option<Summary> = None;
    for _ in 0..repeat.max(1) {
        let s = pipeline::run(&cfg, make)?;
        if best.as_ref().is_none_or(|b| s.seconds < b.seconds) {
            best = Some(s);
        }
    }
    let s = best.expect("at least one run");
    Ok(BenchRow {
        threads,
        documents: s.documents,
        chars: s.chars,
        seconds: s.seconds,
        docs_per_second: s.documents as f64 / s.seconds,
        chars_per_second: s.chars as f64 / s.seconds,
        peak_rss_mib: peak_rss_mib(),
    })
}

/// The rows as a Markdown table.
pub fn to_markdown(rows: &[BenchRow]) -> String {
    let mut md = String::from("| threads | documents | chars | seconds | docs/s | chars/s | peak RSS (MiB) |\n|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        md += &format!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.0} | {:.0} |\n",
            r.threads, r.documents, r.chars, r.seconds, r.docs_per_second, r.chars_per_second, r.peak_rss_mib
        );
    }
    md
}
