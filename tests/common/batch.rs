#![allow(dead_code)]
//! What the batch-engine tests (`resume.rs`, `shards.rs`) share: a small corpus with ok, skipped
//! and failed documents, the binary run with test hooks, and a byte-for-byte table comparison.

use crate::common::{model_dir, root};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The seeds plus a folder of four short texts (one Spanish, one empty) and a JSONL file that
/// repeats the id `x` (so `x~2` is a failed row): eleven documents. Under `--shard K/7`,
/// shards 1 and 6 get none (pinned by `fnv1a64`).
pub struct Corpus {
    _dir: tempfile::TempDir,
    pub inputs: Vec<PathBuf>,
    pub documents: usize,
}

pub fn corpus() -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    let write = |name: &str, text: &str| std::fs::write(extra.join(name), text).unwrap();
    write(
        "short-1.txt",
        "Officials said the prison holds 40,000 inmates. “We will not stop,” said Maria Lopez, a lawyer at Cristosal.",
    );
    write(
        "short-2.txt",
        "The mayor of Springfield, John Smith, said on Tuesday that the city would spend $2 million on new parks. \
         “This is a good day for Springfield,” Smith told reporters.",
    );
    write(
        "spanish.txt",
        "El gobierno de El Salvador recibió a cientos de venezolanos deportados desde Estados Unidos. \
         Las autoridades dijeron que los detenidos permanecerán en la cárcel durante un año.",
    );
    write("empty.txt", "  \n");
    std::fs::write(
        dir.path().join("x.jsonl"),
        "{\"id\": \"x\", \"text\": \"Acme Corp said its profits rose 12 percent, according to Reuters.\"}\n\
         {\"id\": \"x\", \"text\": \"A second record with the same id.\"}\n",
    )
    .unwrap();
    Corpus { inputs: vec![PathBuf::from("seeds"), dir.path().to_path_buf()], _dir: dir, documents: 11 }
}

/// `newsmine extract --model M -o OUT INPUTS… EXTRA…` from the repository root (so `source`
/// columns are the same in every run), with environment `env`; `--threads 2` unless `extra`
/// says otherwise.
pub fn extract(corpus: &Corpus, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut args: Vec<OsString> = vec!["extract".into(), "--model".into(), model_dir().into()];
    if !extra.contains(&"--threads") {
        args.extend(["--threads".into(), "2".into()]);
    }
    args.push("-o".into());
    args.push(out.into());
    args.extend(corpus.inputs.iter().map(OsString::from));
    args.extend(extra.iter().map(OsString::from));
    newsmine(&args, env)
}

/// The binary with `args`, from the repository root.
pub fn newsmine(args: &[OsString], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::cargo_bin("newsmine").unwrap();
    cmd.current_dir(root()).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every table and the manifest of `got` equal those of `want`, byte for byte.
pub fn assert_same_tables(got: &Path, want: &Path) {
    let names = newsmine::export::TABLES.into_iter().chain([newsmine::export::manifest::MANIFEST]);
    for name in names {
        let (g, w) = (std::fs::read(got.join(name)), std::fs::read(want.join(name)));
        let (g, w) = (g.unwrap_or_else(|e| panic!("{}: {e}", got.join(name).display())), w.unwrap());
        assert!(g == w, "{name} of {} differs from {}", got.display(), want.display());
    }
    assert!(!got.join(newsmine::export::manifest::WRITING).exists());
}
