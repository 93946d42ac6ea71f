//! No input string makes the extraction stages panic (NER replaced by a fixed name list so
//! the property runs fast), and every span they return lies on character boundaries.

use newsmine::corpus::Document;
use newsmine::doc::EntityLabel;
use newsmine::labels::DocStatus;
use newsmine::ner::ListTagger;
use newsmine::pipeline::process;
use proptest::prelude::*;

fn arbitrary_news() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("’".to_string()),
            Just(" said ".to_string()),
            Just("Bukele".to_string()),
            Just("\n\n".to_string()),
            Just("$6mn".to_string()),
            Just("more than 250".to_string()),
            Just("—".to_string()),
            Just("\u{a0}".to_string()),
            Just(". ".to_string()),
            Just("according to".to_string()),
            Just("U.S.".to_string()),
            Just("é".to_string()),
            "[a-zA-Z0-9 ,.%$€]{0,12}",
            any::<String>(),
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn process_never_panics(text in arbitrary_news()) {
        let doc = Document { doc_id: "p".into(), source: "p".into(), title: None, date: None, body: Ok(text.clone()) };
        let mut names = ListTagger { names: vec![("Bukele".into(), EntityLabel::Person), ("U.S.".into(), EntityLabel::Loc)] };
        let out = process(&doc, &mut names);
        prop_assert!(matches!(out.document.status, DocStatus::Ok | DocStatus::Skipped));
        let chars: Vec<char> = text.chars().collect();
        for f in &out.figures {
            prop_assert!(f.start <= f.end && f.end <= chars.len());
            prop_assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text.clone());
        }
        for q in &out.quotes {
            prop_assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.quote.clone());
        }
    }
}
