//! Offsets on multibyte text (’, —, é, NBSP) are code points that slice the text exactly,
//! for JSONL input too.

mod common;
use common::*;

#[test]
fn offsets_are_code_points_on_multibyte_text() {
    let text =
        "José Martínez’s café—in San José—was closed.\u{a0}“We lost €2.5 million,” said José Martínez, the owner.\n\
                The Comité de Défense said 82% of members agreed.";
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let record = serde_json::json!({"id": "multi/1", "text": text, "title": "Café"});
    std::fs::write(input.path().join("docs.jsonl"), format!("{record}\n")).unwrap();
    assert_eq!(extract(input.path(), out.path(), 1), 0);
    let docs = read_table(out.path(), "documents.csv");
    assert_eq!(docs[0]["doc_id"], "multi/1");
    assert_eq!(docs[0]["chars"], text.chars().count().to_string());
    let figures = read_table(out.path(), "figures.csv");
    let euro = figures.iter().find(|f| f["unit"] == "EUR").expect("a euro figure");
    assert_eq!((euro["text"].as_str(), euro["value"].as_str()), ("€2.5 million", "2500000"));
    let start: usize = euro["start"].parse().unwrap();
    assert_eq!(start, text.chars().position(|c| c == '€').unwrap());
    for table in ["entities.csv", "figures.csv", "quotes.csv"] {
        let column = if table == "quotes.csv" { "quote" } else { "text" };
        for row in read_table(out.path(), table) {
            let (s, e) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert_eq!(slice_chars(text, s, e), row[column], "{table}: {row:?}");
        }
    }
    let quotes = read_table(out.path(), "quotes.csv");
    let q = quotes.iter().find(|q| q["kind"] == "direct").expect("the direct quote");
    assert_eq!(q["quote"], "We lost €2.5 million,");
    assert_eq!(q["speaker"], "José Martínez");
    let (ss, se) = (q["speaker_start"].parse().unwrap(), q["speaker_end"].parse().unwrap());
    assert_eq!(slice_chars(text, ss, se), q["speaker_mention"]);
}
