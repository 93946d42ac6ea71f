//! The install (`scripts/install.sh PREFIX`): the binary, libtorch and the model copied under a
//! temporary prefix run from a folder outside the clone, load libtorch from the prefix (not
//! from the clone's `.libtorch`), find the model beside the binary, and reproduce `output/`.
//! It copies libtorch (about 490 MB) into the prefix.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// libtorch's folder, as the build used it (cargo sets `LIBTORCH` from `.cargo/config.toml`).
fn libtorch() -> PathBuf {
    std::env::var_os("LIBTORCH").map(PathBuf::from).unwrap_or_else(|| root().join(".libtorch"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn an_install_runs_outside_the_clone_with_its_own_libtorch_and_model() {
    if Command::new("patchelf").arg("--version").output().is_err() {
        eprintln!("skipped: needs patchelf (scripts/setup.sh installs it)");
        return;
    }
    let libtorch = libtorch();
    assert!(libtorch.join("lib/libtorch_cpu.so").is_file(), "no libtorch at {}", libtorch.display());
    let prefix = tempfile::tempdir().unwrap();
    let install = Command::new("bash")
        .arg(root().join("scripts/install.sh"))
        .arg(prefix.path())
        .env("NEWSMINE_BIN", env!("CARGO_BIN_EXE_newsmine"))
        .env("LIBTORCH", &libtorch)
        .output()
        .unwrap();
    assert!(install.status.success(), "install.sh: {}", String::from_utf8_lossy(&install.stderr));
    let bin = prefix.path().join("bin/newsmine");

    // ldd resolves libtorch inside the prefix.
    let ldd = Command::new("ldd").arg(&bin).env_remove("LD_LIBRARY_PATH").output().unwrap();
    let ldd = String::from_utf8_lossy(&ldd.stdout).into_owned();
    let libs = prefix.path().join("lib/newsmine");
    for lib in ["libtorch_cpu.so", "libc10.so"] {
        let line = ldd.lines().find(|l| l.trim_start().starts_with(lib)).unwrap_or_else(|| panic!("{lib}: {ldd}"));
        let resolved = line.split("=>").nth(1).and_then(|r| r.split_whitespace().next()).unwrap();
        let resolved = std::fs::canonicalize(resolved).unwrap();
        assert_eq!(resolved, std::fs::canonicalize(libs.join(lib)).unwrap(), "{ldd}");
    }

    // From a folder outside the clone, with a copy of the seeds: `source` is `seeds/…` as in
    // output/, so every table, documents.csv included, must match byte for byte.
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("seeds"), &work.path().join("seeds"));
    let run = |args: &[&str]| {
        Command::new(&bin).current_dir(work.path()).env_remove("NEWSMINE_MODEL").args(args).output().unwrap()
    };
    let out = run(&["extract", "seeds", "-o", "out", "--quiet", "--threads", "2", "--xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for table in newsmine::export::TABLES {
        let got = std::fs::read_to_string(work.path().join("out").join(table)).unwrap();
        let want = std::fs::read_to_string(root().join("output").join(table)).unwrap();
        assert!(got == want, "{table} differs from output/{table}");
    }
    assert!(work.path().join("out/newsmine.xlsx").is_file());

    // Without the installed model, the error lists the places tried.
    std::fs::remove_dir_all(prefix.path().join("share/newsmine")).unwrap();
    let out = run(&["extract", "seeds", "-o", "out2", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let beside = prefix.path().join("bin/../share/newsmine/models/ner");
    let want = format!(
        "newsmine: error: no model folder found; tried models/ner (in the current folder), {} (beside the executable); \
         give one with --model or NEWSMINE_MODEL\n",
        beside.display()
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), want);
}
