//! Scorer for the hand-labelled figure check sets in `corpus/figures-heldout/` (one CSV row
//! per gold mention, snippet repeated; a row with empty `text` marks a snippet with no figure).
//!
//! Each snippet is run through `figures::extract_text`. A prediction matches a gold mention
//! when their spans overlap (each used once, in order). Detection counts any match; end-to-end
//! also needs kind, value and unit equal, so a matched but wrong figure is one false positive
//! and one false negative. Optional gold mentions (durations, vague plurals, ages, fractions,
//! the determiner `one`) neither count when missed nor cost precision when found.

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

/// Reads a check set; snippets keep file order.
pub fn load(path: &Path) -> Vec<Snippet> {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out: Vec<Snippet> = Vec::new();
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    for rec in rdr.records() {
        let r = rec.unwrap();
        let (doc, snippet) = (r[0].to_string(), r[1].to_string());
        let k = *index.entry((doc.clone(), snippet.clone())).or_insert_with(|| {
            out.push(Snippet { doc_id: doc, text: snippet, gold: vec![] });
            out.len() - 1
        });
        if r[2].is_empty() {
            continue;
        }
        let s = &out[k].text;
        let cp: usize = r[8].parse().unwrap();
        let start = s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b);
        let end = start + r[2].len();
        assert_eq!(&s[start..end], &r[2], "{}: offset of {:?}", out[k].doc_id, &r[2]);
        out[k].gold.push(Gold {
            text: r[2].to_string(),
            value: r[3].to_string(),
            unit: r[4].to_string(),
            kind: r[5].to_string(),
            qualifier: r[6].to_string(),
            optional: &r[7] == "yes",
            start,
            end,
        });
    }
    out
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
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
    let mut s = Score { detection: Counts::default(), end_to_end: Counts::default(), qualifier_right: 0, errors: vec![] };
    for sn in snippets {
        let pred = extract_text(&sn.text);
        let mut used = vec![false; pred.len()];
        for g in &sn.gold {
            let hit = pred.iter().enumerate().position(|(i, f)| !used[i] && f.span.start < g.end && g.start < f.span.end);
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
                            sn.doc_id, g.text, g.value, g.unit, g.kind, f.span.text(&sn.text), f.value, f.unit, f.kind.as_str()
                        ));
                    }
                }
                None if g.optional => {}
                None => {
                    s.detection.fn_ += 1;
                    s.end_to_end.fn_ += 1;
                    s.errors.push(format!("MISSED {} | {:?} ({}, {:?}, {}) in {:?}", sn.doc_id, g.text, g.value, g.unit, g.kind, sn.text));
                }
            }
        }
        for (i, f) in pred.iter().enumerate() {
            if !used[i] {
                s.detection.fp += 1;
                s.end_to_end.fp += 1;
                s.errors.push(format!("SPURIOUS {} | {:?} ({}, {:?}, {}) in {:?}", sn.doc_id, f.span.text(&sn.text), f.value, f.unit, f.kind.as_str(), sn.text));
            }
        }
    }
    s
}
