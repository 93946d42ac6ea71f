//! One broken file, one empty file and one Spanish article: every document still gets a row,
//! the good one is extracted, and the exit code says some documents failed. Fatal errors (a
//! missing input, a bad model folder, a bad `--aliases` file) name what is wrong.

mod common;
use common::*;
use std::path::Path;

#[test]
fn bad_documents_get_rows_and_do_not_stop_the_batch() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("broken.txt"), b"Valid start \xff\xfe then garbage").unwrap();
    std::fs::write(input.path().join("empty.txt"), "   \n").unwrap();
    std::fs::write(
        input.path().join("spanish.txt"),
        "El gobierno de El Salvador recibió a cientos de venezolanos deportados desde Estados Unidos. \
         Las autoridades dijeron que los detenidos permanecerán en la cárcel durante un año.",
    )
    .unwrap();
    std::fs::write(
        input.path().join("good.txt"),
        "Officials said the prison holds 40,000 inmates. “We will not stop,” said Maria Lopez, a lawyer at Cristosal.",
    )
    .unwrap();
    assert_eq!(extract(input.path(), out.path(), 2), 3, "exit code 3 when some documents failed");
    let docs = read_table(out.path(), "documents.csv");
    let status: Vec<(&str, &str)> = docs.iter().map(|d| (d["doc_id"].as_str(), d["status"].as_str())).collect();
    assert_eq!(status, [("broken", "failed"), ("empty", "skipped"), ("good", "ok"), ("spanish", "skipped")]);
    let broken = &docs[0];
    assert!(broken["error"].contains("broken.txt") && broken["error"].contains("not valid UTF-8"), "{broken:?}");
    assert_eq!(docs[3]["language"], "es");
    assert_eq!(docs[1]["error"], "empty document");
    let figures = read_table(out.path(), "figures.csv");
    assert!(figures.iter().any(|f| f["doc_id"] == "good" && f["value"] == "40000"));
    let quotes = read_table(out.path(), "quotes.csv");
    assert!(quotes
        .iter()
        .any(|q| q["doc_id"] == "good" && q["quote"] == "We will not stop," && q["speaker"] == "Maria Lopez"));
}

#[test]
fn missing_input_and_bad_model_are_errors_naming_the_path() {
    let out = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let o = assert_cmd::Command::cargo_bin("newsmine").unwrap().args(args).output().unwrap();
        (o.status.code().unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let out_s = out.path().to_str().unwrap();
    let (code, err) = run(&["extract", "/no/such/folder", "-o", out_s, "--model", model_dir().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("no such file or folder: /no/such/folder"), "{err}");
    let (code, err) = run(&["extract", "-o", out_s, "--model", "/no/model"]);
    assert_eq!(code, 1);
    assert!(err.contains("--model /no/model"), "{err}");
    // The OS reason is said once, not once per error in the chain.
    let (code, err) = run(&["eval", "--gold-format", "conll", "--gold", out_s, "--model", "/no/model"]);
    assert_eq!(code, 1);
    assert!(err.contains("/no/model/config.json"), "{err}");
    assert_eq!(err.matches("(os error 2)").count(), 1, "{err}");
    #[cfg(feature = "train")]
    {
        let (code, err) = run(&["train-roles", "--polnear", out_s, "--model", "/no/model", "--cache", "/no/cache"]);
        assert_eq!(code, 1);
        assert!(err.contains("/no/model/config.json"), "{err}");
        assert_eq!(err.matches("(os error 2)").count(), 1, "{err}");
    }
    for bad in ["many", "0"] {
        let (code, err) = run(&["extract", "--threads", bad]);
        assert_eq!(code, 2, "--threads {bad}: {err}");
    }
}

#[test]
fn aliases_file_names_organizations_and_a_bad_one_stops_the_run_naming_its_line() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("un.txt"), "The United Nations said on Monday that the talks would resume.")
        .unwrap();
    let aliases = input.path().join("aliases.csv");
    let run = |aliases: &Path| {
        let o = assert_cmd::Command::cargo_bin("newsmine")
            .unwrap()
            .args(["extract", "--quiet", "--threads", "1", "--model"])
            .arg(model_dir())
            .arg("--aliases")
            .arg(aliases)
            .arg("-o")
            .arg(out.path())
            .arg(input.path().join("un.txt"))
            .output()
            .unwrap();
        (o.status.code().unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    std::fs::write(&aliases, "alias,canonical\nUnited Nations,U.N. (United Nations)\n").unwrap();
    assert_eq!(run(&aliases), (0, String::new()));
    let orgs = read_table(out.path(), "organizations.csv");
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!(
        (orgs[0]["organization"].as_str(), orgs[0]["aliases"].as_str()),
        ("U.N. (United Nations)", "United Nations")
    );
    std::fs::write(&aliases, "alias,canonical\nUnited Nations\n").unwrap();
    let (code, err) = run(&aliases);
    assert_eq!(code, 1);
    let expected = format!("aliases file {}: line 2: expected 2 cells (alias,canonical), found 1", aliases.display());
    assert!(err.contains(&expected), "{err}");
}
