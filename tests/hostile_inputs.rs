//! A careless or hostile input folder, run through the binary with the real model: every
//! document gets exactly one row with the right status and reason, and the good documents are
//! extracted as if the others were not there.

mod common;
use common::*;
use std::collections::HashMap;

/// The peak resident memory the run may reach, in MiB.
const MAX_RSS_MIB: f64 = 1536.0;

/// The largest peak resident set of the child processes this test has waited for.
fn children_peak_rss_mib() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_CHILDREN is a valid target.
    let usage = unsafe {
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()), 0);
        usage.assume_init()
    };
    usage.ru_maxrss as f64 / 1024.0
}

const GOOD: &str = "“We will not stop,” said Maria Lopez, a lawyer at Cristosal. The prison holds 40,000 inmates.";

#[cfg(unix)]
#[test]
fn every_hostile_document_gets_its_row_and_the_good_ones_are_extracted() {
    use std::os::unix::fs::symlink;
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let p = input.path();
    std::fs::write(p.join("good.txt"), GOOD).unwrap();
    std::fs::write(p.join("bom.TXT"), format!("\u{feff}{GOOD}")).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(GOOD.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(p.join("utf16.txt"), utf16).unwrap();
    std::fs::write(p.join("huge.txt"), GOOD.repeat(2_000)).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(p.join("fifo.txt")).status().unwrap().success());
    symlink("/dev/zero", p.join("zero.txt")).unwrap();
    symlink(p, p.join("loop")).unwrap();
    let mut jsonl = b"\xEF\xBB\xBF".to_vec();
    jsonl.extend(
        format!("{{\"id\": \"j1\", \"date\": \"2016-09-22\", \"text\": \"{}\"}}\n", GOOD.replace('"', "\\\""))
            .as_bytes(),
    );
    jsonl.extend(b"{\"id\": \"j2\", \"text\": \"bad \xff byte\"}\n");
    jsonl.extend(b"{\"id\": \"good\", \"text\": \"a repeated id\"}\n");
    std::fs::write(p.join("recs.jsonl"), jsonl).unwrap();
    std::fs::write(p.join("table.csv"), "id,text\nc1,Fine words here.\nc2,\"Broken\nc3,Swallowed\n").unwrap();
    std::fs::write(p.join("page.html"), "<p>not read</p>").unwrap();

    let output = assert_cmd::Command::cargo_bin("newsmine")
        .unwrap()
        .args(["extract", "--threads", "2", "--max-doc-chars", "50000", "--model"])
        .arg(model_dir())
        .arg(p)
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    // Two workers with their models stay well under this, whatever the folder holds (a link to
    // /dev/zero read to the end, or a huge document extracted whole, would not).
    let peak = children_peak_rss_mib();
    assert!(peak > 0.0 && peak < MAX_RSS_MIB, "peak RSS {peak:.0} MiB");
    assert!(
        stderr.contains("1 files skipped for their extension") && stderr.contains("1 folders reached again"),
        "{stderr}"
    );

    let docs = read_table(out.path(), "documents.csv");
    let by_id: HashMap<&str, &HashMap<String, String>> = docs.iter().map(|d| (d["doc_id"].as_str(), d)).collect();
    assert_eq!(by_id.len(), docs.len(), "no doc_id twice");
    let status = |id: &str| {
        by_id
            .get(id)
            .map(|d| (d["status"].as_str(), d["error"].as_str()))
            .unwrap_or_else(|| panic!("no row for {id}: {docs:?}"))
    };
    for ok in ["good", "bom", "utf16", "j1", "c1"] {
        assert_eq!(status(ok).0, "ok", "{ok}: {:?}", status(ok));
    }
    assert!(
        status("huge").0 == "skipped" && status("huge").1.contains("more than --max-doc-chars 50000"),
        "{:?}",
        status("huge")
    );
    for special in ["fifo", "zero"] {
        assert!(
            status(special).0 == "failed" && status(special).1.contains("not a regular file"),
            "{:?}",
            status(special)
        );
    }
    let recs = p.join("recs.jsonl").display().to_string();
    let j2 = status(&format!("{recs}:2"));
    assert!(j2.0 == "failed" && j2.1.contains("line 2: not valid UTF-8"), "{j2:?}");
    assert!(
        status("good~2").0 == "failed" && status("good~2").1.contains("repeats the one from"),
        "{:?}",
        status("good~2")
    );
    let table = p.join("table.csv").display().to_string();
    let broken = status(&format!("{table}:3"));
    assert!(broken.0 == "failed" && broken.1.contains("unterminated quotation mark"), "{broken:?}");
    assert_eq!(docs.len(), 11, "{docs:?}");
    assert_eq!((by_id["j1"]["date"].as_str(), by_id["good"]["date"].as_str()), ("2016-09-22", ""));

    // The good documents read the same whatever their encoding or container.
    let quotes = read_table(out.path(), "quotes.csv");
    for id in ["good", "bom", "utf16", "j1"] {
        let q: Vec<(&str, &str)> =
            quotes.iter().filter(|q| q["doc_id"] == id).map(|q| (q["quote"].as_str(), q["speaker"].as_str())).collect();
        assert_eq!(q, [("We will not stop,", "Maria Lopez")], "{id}");
    }
}
