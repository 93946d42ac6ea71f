//! Reading inputs: formats, encodings, hostile file systems, and record-level isolation.

use super::*;

fn ids(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.doc_id.as_str()).collect()
}

fn err(doc: &Document) -> String {
    doc.body.as_ref().unwrap_err().to_string()
}

#[test]
fn reads_folder_jsonl_and_csv_with_errors_as_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/a.txt"), "Title line\nBody.").unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"ok \xff\xfe").unwrap();
    std::fs::write(
        dir.path().join("recs.jsonl"),
        "{\"id\": \"r1\", \"text\": \"Hello\", \"title\": \"T\"}\nnot json\n{\"id\": 7}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("table.csv"), "id,text,date\nc1,\"Multi\nline\",2025-03-17\n").unwrap();
    std::fs::write(dir.path().join("notes.html"), "ignored").unwrap();
    let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
    let ids = ids(&docs);
    assert_eq!(ids[0], "bad");
    assert!(matches!(docs[0].body, Err(ReadError::Utf8 { offset: 3, .. })));
    assert!(ids.contains(&"r1") && ids.contains(&"7") && ids.contains(&"sub/a") && ids.contains(&"c1"));
    let a = docs.iter().find(|d| d.doc_id == "sub/a").unwrap();
    assert_eq!(a.title.as_deref(), Some("Title line"));
    let c1 = docs.iter().find(|d| d.doc_id == "c1").unwrap();
    assert_eq!(c1.body.as_deref(), Ok("Multi\nline"));
    assert_eq!(c1.date.as_deref(), Some("2025-03-17"));
    let broken = docs.iter().find(|d| d.source.ends_with("recs.jsonl:2")).unwrap();
    assert!(err(broken).contains("line 2: invalid JSON"));
    let no_text = docs.iter().find(|d| d.doc_id == "7").unwrap();
    assert!(err(no_text).contains("no string \"text\""));
    assert_eq!(scan(&[dir.path().to_path_buf()]).unwrap().skipped_extension, 1);
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let err = read_inputs(&[PathBuf::from("/nonexistent/newsmine")]).unwrap_err();
    assert_eq!(err.to_string(), "no such file or folder: /nonexistent/newsmine");
}

#[test]
fn text_extensions_are_read_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.TXT", "b.text", "c.md", "d.Txt"] {
        std::fs::write(dir.path().join(name), "Body.").unwrap();
    }
    let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(ids(&docs), ["a", "b", "c", "d"]);
    assert!(docs.iter().all(|d| d.body.as_deref() == Ok("Body.")));
}

#[test]
fn byte_order_marks_and_utf16_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("bom.txt"), b"\xEF\xBB\xBFHello").unwrap();
    std::fs::write(p.join("recs.jsonl"), b"\xEF\xBB\xBF{\"id\": \"j1\", \"text\": \"Hi\"}\n").unwrap();
    std::fs::write(p.join("table.csv"), b"\xEF\xBB\xBFid,text\nc1,Yo\n").unwrap();
    let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Café “x”".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Café".encode_utf16().flat_map(u16::to_be_bytes)).collect();
    std::fs::write(p.join("le.txt"), le).unwrap();
    std::fs::write(p.join("be.txt"), be).unwrap();
    std::fs::write(p.join("latin1.txt"), b"caf\xe9").unwrap();
    let docs = read_inputs(&[p.to_path_buf()]).unwrap();
    let body = |id: &str| docs.iter().find(|d| d.doc_id == id).unwrap().body.clone();
    assert_eq!(body("bom"), Ok("Hello".into()));
    assert_eq!(body("j1"), Ok("Hi".into()));
    assert_eq!(body("c1"), Ok("Yo".into()));
    assert_eq!(body("le"), Ok("Café “x”".into()));
    assert_eq!(body("be"), Ok("Café".into()));
    let latin = body("latin1").unwrap_err().to_string();
    assert!(latin.contains("not valid UTF-8 (first bad byte at offset 3)") && latin.contains("UTF-16"), "{latin}");
}

#[test]
fn one_bad_record_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("recs.jsonl");
    std::fs::write(
        &p,
        b"{\"id\": \"a\", \"text\": \"A\"}\n{\"id\": \"b\", \"text\": \"B \xff\"}\n{\"id\": \"c\", \"text\": \"C\"}\n",
    )
    .unwrap();
    let docs = read_inputs(&[p]).unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!((docs[0].body.as_deref(), docs[2].body.as_deref()), (Ok("A"), Ok("C")));
    assert!(docs[1].doc_id.ends_with("recs.jsonl:2"), "{}", docs[1].doc_id);
    assert!(err(&docs[1]).contains("line 2: not valid UTF-8"), "{}", err(&docs[1]));
}

#[test]
fn a_csv_record_with_an_unterminated_quote_fails_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.csv");
    std::fs::write(&p, "id,text\na,Fine\nb,\"Broken\nc,Swallowed\n").unwrap();
    let docs = read_inputs(&[p]).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].body.as_deref(), Ok("Fine"));
    assert!(docs[1].doc_id.ends_with("t.csv:3"), "{}", docs[1].doc_id);
    assert!(err(&docs[1]).contains("line 3: unterminated quotation mark: lines 3 to 4"), "{}", err(&docs[1]));
    // A legitimate multi-line field is not mistaken for one.
    let q = dir.path().join("q.csv");
    std::fs::write(&q, "id,text\na,\"Two\nlines with \"\"marks\"\"\"\n").unwrap();
    assert_eq!(read_inputs(&[q]).unwrap()[0].body.as_deref(), Ok("Two\nlines with \"marks\""));
}

#[test]
fn repeated_and_unusable_ids_fail_under_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    std::fs::create_dir_all(&one).unwrap();
    std::fs::create_dir_all(&two).unwrap();
    std::fs::write(one.join("x.txt"), "First.").unwrap();
    std::fs::write(two.join("x.txt"), "Second.").unwrap();
    let long = "i".repeat(MAX_ID_CHARS + 1);
    let recs = format!("{{\"id\": \"r\", \"text\": \"A\"}}\n{{\"id\": \"r\", \"text\": \"B\"}}\n{{\"id\": \"bell\\u0007\", \"text\": \"C\"}}\n{{\"id\": \"{long}\", \"text\": \"D\"}}\n");
    std::fs::write(two.join("recs.jsonl"), recs).unwrap();
    let docs = read_inputs(&[one.clone(), two.clone()]).unwrap();
    assert_eq!(&ids(&docs)[..4], ["x", "r", "r~2", &format!("{}:3:bad-id", two.join("recs.jsonl").display())]);
    assert_eq!(docs[0].body.as_deref(), Ok("First."));
    assert!(err(&docs[2]).contains("repeats the one from"), "{}", err(&docs[2]));
    assert!(err(&docs[3]).contains("control characters"));
    assert!(err(&docs[4]).contains("longer than 512"));
    assert_eq!(docs[5].doc_id, "x~2");
    assert!(err(&docs[5]).contains(&one.join("x.txt").display().to_string()), "{}", err(&docs[5]));
    let unique: HashSet<&str> = ids(&docs).into_iter().collect();
    assert_eq!(unique.len(), docs.len());
}

/// Found by `tests/fuzz.rs`: a repeat was renamed `a~2` although another document had the
/// id `a~2`, so two rows shared it.
#[test]
fn a_renamed_repeat_never_takes_an_id_a_document_has() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
    let recs =
        "{\"id\": \"a~2\", \"text\": \"A\"}\n{\"id\": \"a\", \"text\": \"B\"}\n{\"id\": \"a\", \"text\": \"C\"}\n";
    std::fs::write(dir.path().join("x.jsonl"), recs).unwrap();
    let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(ids(&docs), ["a", "a~2", "a~3", "a~4"]);
    assert_eq!(docs[1].body.as_deref(), Ok("A"));
    assert!(err(&docs[2]).contains("renamed \"a~3\""), "{}", err(&docs[2]));
    assert!(err(&docs[3]).contains("renamed \"a~4\""), "{}", err(&docs[3]));
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_folder_loops_are_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), "Good.").unwrap();
    assert!(std::process::Command::new("mkfifo").arg(p.join("pipe.txt")).status().unwrap().success());
    symlink("/dev/zero", p.join("zero.txt")).unwrap();
    std::fs::create_dir(p.join("sub")).unwrap();
    symlink(p, p.join("sub/up")).unwrap();
    symlink(p.join("sub"), p.join("sub/self")).unwrap();
    let scanned = scan(&[p.to_path_buf()]).unwrap();
    assert_eq!(scanned.loops.len(), 2, "{:?}", scanned.loops);
    let docs = read_inputs(&[p.to_path_buf()]).unwrap();
    assert_eq!(ids(&docs), ["good", "pipe", "zero"]);
    assert!(err(&docs[1]).contains("not a regular file") && err(&docs[2]).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_get_distinct_escaped_ids() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for name in [&b"caf\xe9.txt"[..], b"caf\xe8.txt"] {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), "Body.").unwrap();
    }
    let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(ids(&docs), ["caf%E8", "caf%E9"]);
}

#[test]
fn files_and_records_over_the_size_limit_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "x".repeat(100)).unwrap();
    let l = Locator { path: big, format: Format::Text, id: "big".into(), not_regular: None };
    assert!(matches!(l.read(Limits { max_bytes: 99 })[0].body, Err(ReadError::TooLarge { size: 100, max: 99, .. })));
    assert_eq!(l.read(Limits { max_bytes: 100 })[0].body.as_deref(), Ok("x".repeat(100).as_str()));
    let recs = dir.path().join("r.jsonl");
    std::fs::write(
        &recs,
        format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n{{\"id\": \"ok\", \"text\": \"y\"}}\n", "x".repeat(200)),
    )
    .unwrap();
    let l = Locator { path: recs, format: Format::Jsonl, id: "r".into(), not_regular: None };
    let docs = l.read(Limits { max_bytes: 100 });
    assert!(
        err(&docs[0]).contains("r.jsonl:1: ") && err(&docs[0]).contains("more than the 100 read for one document"),
        "{}",
        err(&docs[0])
    );
    assert_eq!((docs[1].doc_id.as_str(), docs[1].body.as_deref()), ("ok", Ok("y")));
}
