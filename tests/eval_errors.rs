//! `newsmine eval` names a gold or prediction path that does not exist, in plain words.

use assert_cmd::Command;

#[test]
fn a_missing_gold_path_is_named() {
    let pred = tempfile::tempdir().unwrap();
    for format in ["csv", "brat"] {
        let out = Command::cargo_bin("newsmine")
            .unwrap()
            .args(["eval", "--gold", "/nope", "--gold-format", format, "--pred"])
            .arg(pred.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "newsmine: error: no such file or folder: /nope\n",
            "{format}"
        );
    }
}
