//! The Slurm job scripts (`scripts/slurm/`) on a real single-node Slurm cluster:
//! `scripts/slurm-test.sh` starts one on this machine, submits a 3-shard extract array and the
//! merge job that depends on it, and compares the merged tables with a single `extract` byte for
//! byte. The cluster is private to the run (its own munge key and socket, free TCP ports, a
//! temporary folder for state and logs, stopped on exit), so it does not meet other tests or a
//! system Slurm. It takes about two minutes on 2 cores.
//!
//! The script needs root and installs Slurm and munge with apt-get when they are missing; it
//! exits 77 with the reason where it cannot (not root, neither Slurm nor apt-get), and the test
//! then skips, printing that reason. `NEWSMINE_SKIP_SLURM=1` skips it on purpose.

mod common;
use common::root;
use std::process::Command;

/// The exit code by which `scripts/slurm-test.sh` says it cannot run here.
const SKIPPED: i32 = 77;

#[test]
fn a_slurm_array_of_shards_merged_equals_a_single_run() {
    if std::env::var_os("NEWSMINE_SKIP_SLURM").is_some_and(|v| v == "1") {
        eprintln!("skipped: NEWSMINE_SKIP_SLURM=1");
        return;
    }
    let run = Command::new("bash")
        .arg(root().join("scripts/slurm-test.sh"))
        .env("NEWSMINE", env!("CARGO_BIN_EXE_newsmine"))
        .env("NEWSMINE_MODEL", root().join("models/ner"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    if run.status.code() == Some(SKIPPED) {
        eprintln!("{}", stdout.trim());
        return;
    }
    assert!(run.status.success(), "slurm-test.sh: {}\n{stdout}\n{stderr}", run.status);
    assert!(stdout.contains("slurm-test: ok:"), "{stdout}");
    eprintln!("{stdout}");
}
