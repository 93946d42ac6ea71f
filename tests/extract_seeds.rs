//! The binary on the seed articles, with the real model: concrete entities, organizations,
//! quotes and figures, offsets that slice the source text, and identical output whatever the
//! thread count.

mod common;
use common::*;

fn seed_text(doc_id: &str) -> String {
    std::fs::read_to_string(root().join("seeds").join(format!("{doc_id}.txt"))).unwrap()
}

#[test]
fn seeds_give_expected_tables_and_identical_output_across_threads() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    assert_eq!(extract(&root().join("seeds"), one.path(), 1), 0);
    assert_eq!(extract(&root().join("seeds"), two.path(), 2), 0);
    for table in newsmine::export::TABLES {
        let a = std::fs::read(one.path().join(table)).unwrap();
        let b = std::fs::read(two.path().join(table)).unwrap();
        assert!(a == b, "{table} differs between --threads 1 and --threads 2");
    }
    let dir = one.path();

    let docs = read_table(dir, "documents.csv");
    assert_eq!(docs.len(), 5);
    assert!(docs.iter().all(|d| d["status"] == "ok" && d["language"] == "en"), "{docs:?}");

    let entities = read_table(dir, "entities.csv");
    let has = |doc: &str, text: &str, label: &str| {
        entities.iter().any(|e| e["doc_id"].starts_with(doc) && e["text"] == text && e["label"] == label)
    };
    assert!(has("000", "American Civil Liberties Union", "ORG"));
    assert!(has("004", "Karoline Leavitt", "PERSON"));
    assert!(has("000", "Nayib Bukele", "PERSON"));
    assert!(has("000", "El Salvador", "LOC"));
    // Short forms resolve to the full name within a document.
    assert!(entities
        .iter()
        .any(|e| e["doc_id"].starts_with("000") && e["text"] == "Bukele" && e["canonical"] == "Nayib Bukele"));

    // Every span slices the source text exactly (code point offsets).
    for table in ["entities.csv", "figures.csv", "quotes.csv"] {
        let column = if table == "quotes.csv" { "quote" } else { "text" };
        for row in read_table(dir, table) {
            let text = seed_text(&row["doc_id"]);
            let (s, e) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert_eq!(slice_chars(&text, s, e), row[column], "{table} row {row:?}");
        }
    }

    let orgs = read_table(dir, "organizations.csv");
    assert!(orgs.iter().any(|o| o["organization"] == "American Civil Liberties Union"));

    let figures = read_table(dir, "figures.csv");
    let fig =
        |doc: &str, text: &str| figures.iter().find(|f| f["doc_id"].starts_with(doc) && f["text"] == text).cloned();
    let six = fig("000", "$6mn").expect("$6mn in 000");
    assert_eq!((six["value"].as_str(), six["unit"].as_str(), six["kind"].as_str()), ("6000000", "USD", "money"));
    let bn = fig("004", "$80.7bn").expect("$80.7bn in 004");
    assert_eq!(bn["value"], "80700000000");
    let more = fig("000", "more than 250").expect("more than 250 in 000");
    assert_eq!((more["value"].as_str(), more["qualifier"].as_str()), ("250", "more_than"));

    let quotes = read_table(dir, "quotes.csv");
    let ortega = quotes
        .iter()
        .find(|q| q["doc_id"].starts_with("000") && q["quote"].starts_with("From no point of view"))
        .expect("the Ortega quote in 000");
    assert_eq!(ortega["kind"], "direct");
    assert_eq!(ortega["speaker"], "Jaime Ortega");
    let speakers = read_table(dir, "speakers.csv");
    assert!(speakers.iter().any(|s| s["speaker"] == "Jaime Ortega" && s["speaker_type"] == "PERSON"));
}
