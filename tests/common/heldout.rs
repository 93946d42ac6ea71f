//! Scorer for the hand-labelled figure check sets in `corpus/figures-heldout/` (one CSV row
//! per gold mention, its snippet given by reference into `../shared/data`; a row with empty
//! `text` marks a snippet with no figure).
//!
//! Each snippet is run through `figures::extract_text`. A prediction matches a gold mention
//! when their spans overlap (each used once, in order). Detection counts any match; end-to-end
//! also needs kind, value and unit equal, so a matched but wrong figure is one false positive
//! and one false negative. Optional gold mentions (durations, vague plurals, ages, fractions,
//! the determiner `one`) neither count when missed nor cost precision when found.

pub use newsmine::eval::Counts;
use newsmine::figures::{extract_text, Figure};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Gold {
    pub text: String,
    pub value: String,
    pub unit: String,
    pub kind: String,
    pub qualifier: String,
    pub optional: bool,
    /// Byte span in the snippet.
    pub start: usize,
    pub end: usize,
}

/// One snippet and its gold mentions.
#[derive(Debug, Clone)]
pub struct Snippet {
    pub doc_id: String,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// The texts the check sets point into: `../shared/data`, never copied into the repository.
fn shared_data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// The sentences of CoNLL-2003 `valid.txt` (tokens), `-DOCSTART-` lines left out.
fn conll_sentences(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = vec![];
    let mut cur = vec![];
    for line in text.lines().filter(|l| !l.starts_with("-DOCSTART-")) {
        match line.split_whitespace().next() {
            Some(token) => cur.push(token.to_string()),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads a check set; snippets keep file order. A snippet is given by reference into
/// `../shared/data` (`snippet_start`/`snippet_end`: code points of a PolNeAR dev text;
/// `sentence`/`joins`: a CoNLL-2003 valid sentence and the token indices followed by no space),
/// or inline (`snippet`, for small fixtures). `None`, after printing why, when the referenced
/// data is absent.
pub fn load(path: &Path) -> Option<Vec<Snippet>> {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let needs = if col("snippet_start").is_some() {
        Some("polnear/dev/text")
    } else if col("sentence").is_some() {
        Some("conll2003/valid.txt")
    } else {
        None
    };
    if let Some(rel) = needs {
        if !shared_data().join(rel).exists() {
            eprintln!("skipped: {} needs ../shared/data/{rel}", path.display());
            return None;
        }
    }
    let conll = col("sentence").map(|_| conll_sentences(&shared_data().join("conll2003/valid.txt")));
    let snippet_of = |r: &csv::StringRecord| -> String {
        if let Some(c) = col("snippet") {
            return r[c].to_string();
        }
        if let (Some(s), Some(e)) = (col("snippet_start"), col("snippet_end")) {
            let file = shared_data().join("polnear/dev/text").join(format!("{}.txt", &r[0]));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let (s, e): (usize, usize) = (r[s].parse().unwrap(), r[e].parse().unwrap());
            return text.chars().skip(s).take(e - s).collect();
        }
        let tokens = &conll.as_ref().expect("a sentence column")[r[col("sentence").unwrap()].parse::<usize>().unwrap()];
        let joins: Vec<usize> =
            r[col("joins").unwrap()].split(';').filter(|j| !j.is_empty()).map(|j| j.parse().unwrap()).collect();
        let mut out = String::new();
        for (i, t) in tokens.iter().enumerate() {
            out.push_str(t);
            if i + 1 < tokens.len() && !joins.contains(&i) {
                out.push(' ');
            }
        }
        out
    };
    let field = |r: &csv::StringRecord, name: &str| {
        r[col(name).unwrap_or_else(|| panic!("{}: no column {name}", path.display()))].to_string()
    };
    let mut out: Vec<Snippet> = Vec::new();
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    for rec in rdr.records() {
        let r = rec.unwrap();
        let (doc, snippet) = (r[0].to_string(), snippet_of(&r));
        let k = *index.entry((doc.clone(), snippet.clone())).or_insert_with(|| {
            out.push(Snippet { doc_id: doc, text: snippet, gold: vec![] });
            out.len() - 1
        });
        let text = field(&r, "text");
        if text.is_empty() {
            continue;
        }
        let s = &out[k].text;
        let cp: usize = field(&r, "start").parse().unwrap();
        let start = s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b);
        let end = start + text.len();
        assert_eq!(s.get(start..end), Some(text.as_str()), "{}: offset of {:?}", out[k].doc_id, text);
        out[k].gold.push(Gold {
            text,
            value: field(&r, "value"),
            unit: field(&r, "unit"),
            kind: field(&r, "kind"),
            qualifier: field(&r, "qualifier"),
            optional: field(&r, "optional") == "yes",
            start,
            end,
        });
    }
    Some(out)
}

/// Detection and end-to-end counts, the number of required mentions whose qualifier was also
/// right among the end-to-end hits, and a line per error (for reading, not for scoring).
pub struct Score {
    pub detection: Counts,
    pub end_to_end: Counts,
    pub qualifier_right: usize,
    pub errors: Vec<String>,
}

fn same(g: &Gold, f: &Figure) -> bool {
    g.kind == f.kind.as_str() && g.value == f.value && g.unit == f.unit
}

pub fn score(snippets: &[Snippet]) -> Score {
    let mut s =
        Score { detection: Counts::default(), end_to_end: Counts::default(), qualifier_right: 0, errors: vec![] };
    for sn in snippets {
        let pred = extract_text(&sn.text);
        let mut used = vec![false; pred.len()];
        for g in &sn.gold {
            let hit =
                pred.iter().enumerate().position(|(i, f)| !used[i] && f.span.start < g.end && g.start < f.span.end);
            match hit {
                Some(i) => {
                    used[i] = true;
                    let f = &pred[i];
                    if g.optional {
                        // An optional mention absorbs every prediction inside it (`3 to 1`).
                        for (j, o) in pred.iter().enumerate() {
                            if o.span.start < g.end && g.start < o.span.end {
                                used[j] = true;
                            }
                        }
                        continue;
                    }
                    s.detection.tp += 1;
                    if same(g, f) {
                        s.end_to_end.tp += 1;
                        if g.qualifier == f.qualifier.as_str() {
                            s.qualifier_right += 1;
                        }
                    } else {
                        s.end_to_end.fp += 1;
                        s.end_to_end.fn_ += 1;
                        s.errors.push(format!(
                            "WRONG {} | {:?} want ({}, {:?}, {}) got {:?} ({}, {:?}, {})",
                            sn.doc_id,
                            g.text,
                            g.value,
                            g.unit,
                            g.kind,
                            f.span.text(&sn.text),
                            f.value,
                            f.unit,
                            f.kind.as_str()
                        ));
                    }
                }
                None if g.optional => {}
                None => {
                    s.detection.fn_ += 1;
                    s.end_to_end.fn_ += 1;
                    s.errors.push(format!(
                        "MISSED {} | {:?} ({}, {:?}, {}) in {:?}",
                        sn.doc_id, g.text, g.value, g.unit, g.kind, sn.text
                    ));
                }
            }
        }
        for (i, f) in pred.iter().enumerate() {
            if !used[i] {
                s.detection.fp += 1;
                s.end_to_end.fp += 1;
                s.errors.push(format!(
                    "SPURIOUS {} | {:?} ({}, {:?}, {}) in {:?}",
                    sn.doc_id,
                    f.span.text(&sn.text),
                    f.value,
                    f.unit,
                    f.kind.as_str(),
                    sn.text
                ));
            }
        }
    }
    s
}
