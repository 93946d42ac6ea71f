//! Crash safety: a run killed after some parts, or while renaming its tables, resumes with
//! `--resume` to the tables of an uninterrupted run, byte for byte, without extracting again
//! the documents it had recorded; an unfinished run is refused without `--resume` or `--force`.
//! The kills are the binary's test hooks (`NEWSMINE_TEST_ABORT_*`: `std::process::abort`, which
//! like `kill -9` runs no clean-up), parts of two documents (`NEWSMINE_TEST_GROUP_SIZE`).

#[path = "common/batch.rs"]
mod batch;
mod common;
use batch::*;
use std::path::Path;
use std::time::SystemTime;

const WORK: &str = newsmine::export::work::WORK;

/// The part files of a work area with their contents and modification times.
fn parts(out: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut found: Vec<_> = std::fs::read_dir(out.join(WORK))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("part-"))
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            (name, std::fs::read(&p).unwrap(), std::fs::metadata(&p).unwrap().modified().unwrap())
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn killed_runs_resume_to_the_tables_of_an_uninterrupted_run() {
    let corpus = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("single");
    assert_eq!(extract(&corpus, &single, &["--quiet"], &[]).status.code(), Some(3));
    assert!(!single.join(WORK).exists(), "a finished run removes its work area");

    // Killed after two parts (of six): no tables, the parts on disk.
    let out = tmp.path().join("killed");
    let hooks = [("NEWSMINE_TEST_GROUP_SIZE", "2"), ("NEWSMINE_TEST_ABORT_AFTER_PARTS", "2")];
    let killed = extract(&corpus, &out, &["--quiet"], &hooks);
    assert_eq!(killed.status.code(), None, "aborted: {}", stderr(&killed));
    assert!(!out.join("documents.csv").exists());
    let before = parts(&out);
    assert!((2..6).contains(&before.len()), "{} parts", before.len());
    let done: usize = before.iter().map(|p| p.1.iter().filter(|b| **b == b'\n').count()).sum();

    // Without --resume or --force: refused, saying how far it got and what to do.
    let refused = extract(&corpus, &out, &[], &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    let said = stderr(&refused);
    assert!(said.contains(&format!("unfinished run ({done} of 11 documents done)")), "{said}");
    assert!(said.contains("--resume") && said.contains("--force"), "{said}");
    // --resume with another option: refused, naming it.
    let other = extract(&corpus, &out, &["--resume", "--max-doc-chars", "5000"], &[]);
    assert_eq!(other.status.code(), Some(2), "{}", stderr(&other));
    assert!(stderr(&other).contains("max_doc_chars (1000000 recorded, 5000 now)"), "{}", stderr(&other));

    // Resumed with another thread count and no group-size hook: the recorded parts line up.
    // `--shard 0/1` (the whole corpus, as the unsharded run recorded) keeps the work area, to
    // show that the recorded parts were read, not written again.
    let resumed = extract(&corpus, &out, &["--resume", "--threads", "1", "--shard", "0/1"], &[]);
    assert_eq!(resumed.status.code(), Some(3), "{}", stderr(&resumed));
    let said = stderr(&resumed);
    assert!(said.contains(&format!("; {done} documents were done before this run (resumed)")), "{said}");
    assert!(said.contains("11 documents (8 ok, 2 skipped, 1 failed)") && said.contains("; failed: x~2"), "{said}");
    assert_same_tables(&out, &single);
    let after = parts(&out);
    assert_eq!(after.len(), 6);
    for p in &before {
        assert!(after.contains(p), "{} was written again", p.0);
    }
}

#[test]
fn a_run_killed_while_renaming_its_tables_resumes() {
    let corpus = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("single");
    assert_eq!(extract(&corpus, &single, &["--quiet"], &[]).status.code(), Some(3));
    let out = tmp.path().join("out");
    let killed = extract(&corpus, &out, &["--quiet"], &[("NEWSMINE_TEST_ABORT_IN_FINISH", "1")]);
    assert_eq!(killed.status.code(), None, "aborted: {}", stderr(&killed));
    // One table renamed, the set marked as being replaced, no manifest.
    assert!(out.join("documents.csv").exists() && !out.join("entities.csv").exists());
    assert!(out.join(newsmine::export::manifest::WRITING).exists());
    assert!(!out.join(newsmine::export::manifest::MANIFEST).exists());
    assert_eq!(extract(&corpus, &out, &["--quiet"], &[]).status.code(), Some(2));
    let resumed = extract(&corpus, &out, &["--resume"], &[]);
    assert_eq!(resumed.status.code(), Some(3), "{}", stderr(&resumed));
    assert!(stderr(&resumed).contains("; 11 documents were done before this run (resumed)"), "{}", stderr(&resumed));
    assert_same_tables(&out, &single);
}

#[test]
fn force_discards_an_unfinished_run() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("a.txt"), "Officials said the prison holds 40,000 inmates.").unwrap();
    std::fs::write(input.path().join("b.txt"), "“We will not stop,” said Maria Lopez.").unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut cmd = assert_cmd::Command::cargo_bin("newsmine").unwrap();
        cmd.args(["extract", "--threads", "1", "--model"]).arg(common::model_dir()).arg("-o").arg(out.path());
        cmd.arg(input.path()).args(extra);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    let killed = run(&["--quiet"], &[("NEWSMINE_TEST_GROUP_SIZE", "1"), ("NEWSMINE_TEST_ABORT_AFTER_PARTS", "1")]);
    assert_eq!(killed.status.code(), None);
    let forced = run(&["--force"], &[]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(!stderr(&forced).contains("resumed"), "{}", stderr(&forced));
    assert_eq!(common::read_table(out.path(), "documents.csv").len(), 2);
    assert!(!out.path().join(WORK).exists());
    // A finished run's folder takes a new run without either flag.
    assert_eq!(run(&["--quiet"], &[]).status.code(), Some(0));
}
