//! `extract --shard K/N` then `merge`: the merged tables equal one `extract` over all the inputs
//! byte for byte, for N = 1, 2, 3 and 7 (shards 1/7 and 6/7 get no documents); merge refuses
//! missing, repeated, unfinished and mismatched shards with a message naming them.

#[path = "common/batch.rs"]
mod batch;
mod common;
use batch::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

fn merge(shards: &[PathBuf], out: &Path) -> std::process::Output {
    let mut args: Vec<OsString> = vec!["merge".into()];
    args.extend(shards.iter().map(OsString::from));
    args.extend(["-o".into(), out.into()]);
    newsmine(&args, &[])
}

#[test]
fn merged_shards_equal_a_single_run_and_bad_sets_are_refused() {
    let corpus = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("single");
    assert_eq!(extract(&corpus, &single, &["--quiet"], &[]).status.code(), Some(3), "x~2 is a failed row");
    let mut folders: Vec<(usize, Vec<PathBuf>)> = Vec::new();
    for n in [1, 2, 3, 7] {
        let mut dirs = Vec::new();
        let mut documents = 0;
        for k in 0..n {
            let dir = tmp.path().join(format!("shard-{k}-of-{n}"));
            let out = extract(&corpus, &dir, &["--quiet", "--shard", &format!("{k}/{n}")], &[]);
            assert!(matches!(out.status.code(), Some(0 | 3)), "{k}/{n}: {}", stderr(&out));
            // Each shard also has its own tables, of its documents only.
            let rows = common::read_table(&dir, "documents.csv").len();
            if n == 7 && (k == 1 || k == 6) {
                assert_eq!(rows, 0, "shard {k}/7 holds no document");
            }
            documents += rows;
            dirs.push(dir);
        }
        assert_eq!(documents, corpus.documents, "N = {n}: every document in exactly one shard");
        let merged = tmp.path().join(format!("merged-{n}"));
        // Given in any order.
        let shuffled: Vec<PathBuf> = dirs.iter().rev().cloned().collect();
        let out = merge(&shuffled, &merged);
        assert_eq!(out.status.code(), Some(3), "the merged tables hold a failed row: {}", stderr(&out));
        assert!(stderr(&out).contains("merged 11 documents (8 ok, 2 skipped, 1 failed)"), "{}", stderr(&out));
        assert_same_tables(&merged, &single);
        folders.push((n, dirs));
    }
    let (three, seven) = (&folders[2].1, &folders[3].1);
    let refused = |shards: &[PathBuf], says: &str| {
        let out = merge(shards, &tmp.path().join("refused"));
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "wanted {says:?} in {}", stderr(&out));
        assert!(!tmp.path().join("refused/documents.csv").exists());
    };
    refused(&three[..2], "shards missing: 2/3");
    refused(&[three[0].clone(), three[1].clone(), three[0].clone(), three[2].clone()], "shard 0/3 is given twice");
    refused(&[three[0].clone(), seven[1].clone()], "shards (3 in");
    refused(std::slice::from_ref(&single), "holds no shard");
    // A shard extracted with another option is not part of the same run.
    let other = tmp.path().join("other-options");
    extract(&corpus, &other, &["--quiet", "--shard", "2/3", "--max-doc-chars", "5000"], &[]);
    refused(&[three[0].clone(), three[1].clone(), other.clone()], "fingerprint.max_doc_chars (1000000 in");
    // A shard killed partway is unfinished.
    let killed = tmp.path().join("killed");
    let hooks = [("NEWSMINE_TEST_GROUP_SIZE", "1"), ("NEWSMINE_TEST_ABORT_AFTER_PARTS", "1")];
    let out = extract(&corpus, &killed, &["--quiet", "--shard", "1/2"], &hooks);
    assert_eq!(out.status.code(), None, "aborted: {}", stderr(&out));
    refused(&[folders[1].1[0].clone(), killed.clone()], "shard 1/2 is unfinished");
}
