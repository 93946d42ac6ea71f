//! PolNeAR gold as brat standoff: reads a split folder into [`GoldArticle`]s, each with the
//! attributions of one annotator file. Scoring against them lives in [`crate::eval::brat`]; the
//! attribution taggers of [`crate::ner`] train on them.
//!
//! A PolNeAR split folder holds `text/NAME.txt` and `attributions/NAME_<annotator>.ann` (or
//! `NAME.ann`); when an article has several annotators' files the lexicographically first
//! is used, and an article with none is skipped. In an `.ann` file
//! - `T3\tContent 115 290\ttext` is a text-bound span, possibly discontinuous
//!   (`Content 315 448;463 553`, fragments in any order, text joined by a space);
//! - `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1` ties an attribution together; the
//!   trigger may be `Attribution-no-source` (no `Source`), and a second content fragment may
//!   come as `Content2:T22`;
//! - a span text holding a newline runs on in lines of its own; lines whose first field is not
//!   a `T`/`E` id with a number (`T12`) are skipped, like notes and relations.
//!
//! Offsets are Unicode **code points**, like ours: on the dev split every one of the 9,095
//! text-bound spans equals `text[start:end]` counted in code points, while 4,187 differ when
//! counted in UTF-8 bytes (the texts use `’`, `“`, `—`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::{FormatError, LineError};

/// A text-bound annotation (`T` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    pub kind: String,
    /// Code point ranges `[start, end)`, in file order.
    pub fragments: Vec<(usize, usize)>,
    pub text: String,
}

/// One attribution (`E` line): the argument ids by role (`Content2` folded into `Content`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub trigger: String,
    pub args: Vec<(String, String)>,
}

/// A parsed `.ann` file; lines other than `T` and `E` (notes, relations) are ignored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnFile {
    pub spans: HashMap<String, TextBound>,
    pub events: Vec<Event>,
}

/// Parses `.ann` text; the error names the line.
///
/// ```
/// use newsmine::formats::brat::{attributions, parse_ann};
/// let ann = parse_ann("T1\tSource 0 3\tHer\nT2\tContent 9 14\tyes\nE1\tAttribution:T2 Content:T2 Source:T1\n").unwrap();
/// assert_eq!(attributions(&ann)[0].source.as_ref().unwrap().text, "Her");
/// ```
pub fn parse_ann(content: &str) -> Result<AnnFile, LineError> {
    let mut ann = AnnFile::default();
    for (n, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let bad = |why: &str| LineError { line: n + 1, reason: format!("{why}: {line:?}") };
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        // A span text holding a newline runs on in lines of its own (`The number of people…`
        // in PolNeAR train); only `T12`/`E3`-style ids start an annotation.
        let numbered = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        if !numbered {
            continue;
        }
        if id.starts_with('T') {
            let (kind, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
            let mut fragments = Vec::new();
            for frag in offsets.split(';') {
                let (s, e) = frag.trim().split_once(' ').ok_or_else(|| bad("bad fragment"))?;
                let (s, e) = (s.parse().map_err(|_| bad("bad offset"))?, e.parse().map_err(|_| bad("bad offset"))?);
                if s > e {
                    return Err(bad("start after end"));
                }
                fragments.push((s, e));
            }
            let text = cols.next().unwrap_or("").to_string();
            ann.spans.insert(id.to_string(), TextBound { kind: kind.to_string(), fragments, text });
        } else if id.starts_with('E') {
            let mut parts = body.split_whitespace();
            let trigger = parts.next().ok_or_else(|| bad("empty event"))?;
            let (trigger, _) = trigger.split_once(':').ok_or_else(|| bad("bad trigger"))?;
            let args = parts
                .map(|a| {
                    let (role, target) = a.split_once(':').ok_or_else(|| bad("bad argument"))?;
                    // `Content2` is a second argument of role `Content`.
                    Ok((role.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(), target.to_string()))
                })
                .collect::<Result<_, LineError>>()?;
            ann.events.push(Event { id: id.to_string(), trigger: trigger.to_string(), args });
        }
    }
    Ok(ann)
}

/// A gold attribution: content fragments, and the source span if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Vec<(usize, usize)>,
    pub content_text: String,
    pub source: Option<TextBound>,
    /// The cue words (`said`, `according to`), when the attribution has a `Cue` argument.
    pub cue: Option<TextBound>,
    /// The content holds a quotation mark.
    pub quoted: bool,
}

/// A double quotation mark, or two apostrophes standing for one (`''Quiet,'' he said`, as the
/// New York Times copy in PolNeAR writes them).
pub fn has_quote_mark(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '"' | '“' | '”' | '«' | '»')) || s.contains("''")
}

/// The attributions of a parsed file; an event without a Content argument is skipped.
pub fn attributions(ann: &AnnFile) -> Vec<GoldAttribution> {
    let mut out = Vec::new();
    for e in ann.events.iter().filter(|e| e.trigger.starts_with("Attribution")) {
        let mut content = Vec::new();
        let mut texts = Vec::new();
        let mut source = None;
        let mut cue = None;
        for (role, target) in &e.args {
            let Some(span) = ann.spans.get(target) else {
                continue;
            };
            match role.as_str() {
                "Content" => {
                    content.extend(&span.fragments);
                    texts.push(span.text.as_str());
                }
                "Source" => source = Some(span.clone()),
                "Cue" => cue = Some(span.clone()),
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        let content_text = texts.join(" ");
        out.push(GoldAttribution { quoted: has_quote_mark(&content_text), content, content_text, source, cue });
    }
    out
}

/// One PolNeAR article with the attributions of its chosen annotator file.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The text file's stem: the `doc_id` the pipeline gives it.
    pub name: String,
    pub text: String,
    pub ann_path: PathBuf,
    pub attributions: Vec<GoldAttribution>,
}

/// Loads a PolNeAR split folder (`text/`, `attributions/`), sorted by name.
pub fn load_polnear(split_dir: &Path) -> Result<Vec<GoldArticle>, FormatError> {
    let text_dir = split_dir.join("text");
    let ann_dir = split_dir.join("attributions");
    let names = sorted_files(&text_dir, ".txt")?;
    let name_set: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    // Article name -> its annotator files, in lexicographic order.
    let mut ann_files: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for stem in sorted_files(&ann_dir, ".ann")? {
        let name = if name_set.contains(stem.as_str()) {
            name_set.get(stem.as_str())
        } else {
            stem.rsplit_once('_').and_then(|(n, _)| name_set.get(n))
        };
        if let Some(&name) = name {
            ann_files.entry(name).or_default().push(stem);
        }
    }
    let mut articles = Vec::new();
    for name in &names {
        let Some(stem) = ann_files.get(name.as_str()).and_then(|v| v.first()) else {
            continue;
        };
        let ann_path = ann_dir.join(format!("{stem}.ann"));
        let text_path = text_dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(|e| FormatError::io(&text_path, e))?;
        let raw = std::fs::read_to_string(&ann_path).map_err(|e| FormatError::io(&ann_path, e))?;
        let ann = parse_ann(&raw).map_err(|e| FormatError::parse(&ann_path, e))?;
        articles.push(GoldArticle { name: name.clone(), text, attributions: attributions(&ann), ann_path });
    }
    Ok(articles)
}

/// Stems of the files in `dir` ending in `ext`, sorted.
fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<String>, FormatError> {
    let entries = std::fs::read_dir(dir).map_err(|e| FormatError::io(dir, e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| FormatError::io(dir, e))?;
        if let Some(stem) = entry.file_name().to_str().and_then(|n| n.strip_suffix(ext)) {
            out.push(stem.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// The fixture split that the reader's tests and the scorer's tests share.
#[cfg(test)]
pub(crate) mod fixture {
    use std::fs;

    // Code point offsets are checked by `offsets_in_the_fixture_are_code_points`.
    pub(crate) const TEXT: &str =
        "Critics said “the deal is bad.” The Post has learned that Clinton’s van left early, a source said.";
    pub(crate) const ANN: &str = "T1\tSource 0 7\tCritics\n\
        T2\tCue 8 12\tsaid\n\
        T3\tContent 13 31\t“the deal is bad.”\n\
        T4\tAttribution 8 12\tsaid\n\
        E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
        T5\tSource 32 40\tThe Post\n\
        T6\tCue 41 52\thas learned\n\
        T7\tContent 53 57;68 82\tthat van left early\n\
        T8\tAttribution 41 52\thas learned\n\
        E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n\
        T9\tAttribution-no-source 84 92\ta source\n\
        E3\tAttribution-no-source:T9\n\
        T10\tDiscard 0 3\tCri\n\
        #1\tAnnotatorNotes T1\tnote\n";

    /// A split with one article `a`: its text and its annotator file.
    pub(crate) fn one_article(text: &str, ann: &str) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("text")).unwrap();
        fs::create_dir_all(d.path().join("attributions")).unwrap();
        fs::write(d.path().join("text/a.txt"), text).unwrap();
        fs::write(d.path().join("attributions/a.ann"), ann).unwrap();
        d
    }

    /// The code point offset of the first occurrence of `needle` in `chars`.
    pub(crate) fn char_at(chars: &[char], needle: &str) -> usize {
        let n: Vec<char> = needle.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap()
    }

    pub(crate) fn split_dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("text")).unwrap();
        fs::create_dir_all(d.path().join("attributions")).unwrap();
        fs::write(d.path().join("text/art.txt"), TEXT).unwrap();
        fs::write(d.path().join("attributions/art_b222.ann"), "").unwrap();
        fs::write(d.path().join("attributions/art_a111.ann"), ANN).unwrap();
        // An article with no annotator file is skipped.
        fs::write(d.path().join("text/lonely.txt"), "Nothing.").unwrap();
        d
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{split_dir, ANN, TEXT};
    use super::*;

    #[test]
    fn offsets_in_the_fixture_are_code_points() {
        let chars: Vec<char> = TEXT.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(slice(13, 31), "“the deal is bad.”");
        assert_eq!(slice(32, 40), "The Post");
        assert_eq!(slice(84, 92), "a source");
        assert_eq!(slice(53, 57) + " " + &slice(68, 82), "that van left early");
    }

    #[test]
    fn parses_spans_events_and_discontinuous_content() {
        let ann = parse_ann(ANN).unwrap();
        assert_eq!(ann.spans["T7"].fragments, vec![(53, 57), (68, 82)]);
        assert_eq!(ann.events.len(), 3);
        assert_eq!(ann.events[2].trigger, "Attribution-no-source");
        let a = attributions(&ann);
        // E3 has no Content: skipped.
        assert_eq!(a.len(), 2);
        assert!(a[0].quoted && !a[1].quoted);
        assert!(has_quote_mark("''Quiet,''") && !has_quote_mark("Clinton's"));
        assert_eq!(a[0].source.as_ref().unwrap().text, "Critics");
        assert_eq!(a[1].content, vec![(53, 57), (68, 82)]);
        let err = parse_ann("T1\tSource x 7\tCritics\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert_eq!(err.reason, "bad offset: \"T1\\tSource x 7\\tCritics\"");
        // A span text with a newline continues on a line that is not an annotation.
        let ann = parse_ann("T1\tContent 0 4;6 9\t3.\n\nThe run\nT2\tCue 10 12\tsaid\n").unwrap();
        assert_eq!(ann.spans.len(), 2);
        assert_eq!(ann.spans["T1"].fragments, vec![(0, 4), (6, 9)]);
    }

    #[test]
    fn content2_joins_content() {
        let ann = parse_ann(
            "T1\tContent 0 3\tabc\nT2\tContent 10 12\t\"x\nT3\tCue 5 6\ts\nE1\tAttribution:T3 Content:T1 Content2:T2\n",
        )
        .unwrap();
        let a = attributions(&ann);
        assert_eq!(a[0].content, vec![(0, 3), (10, 12)]);
        assert_eq!(a[0].content_text, "abc \"x");
        assert!(a[0].quoted);
    }

    #[test]
    fn loads_first_annotator_and_skips_unannotated() {
        let d = split_dir();
        let arts = load_polnear(d.path()).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].name, "art");
        assert!(arts[0].ann_path.ends_with("art_a111.ann"));
        assert_eq!(arts[0].attributions.len(), 2);
    }

    #[test]
    fn a_missing_split_is_named() {
        let err = load_polnear(Path::new("/nope")).unwrap_err();
        assert_eq!(err.to_string(), "no such file or folder: /nope/text");
        let d = split_dir();
        std::fs::write(d.path().join("attributions/art_a111.ann"), "T1\tSource 7\tX\n").unwrap();
        let err = crate::testdata::chain(load_polnear(d.path()).unwrap_err());
        assert!(err.contains("art_a111.ann: line 1: bad fragment"), "{err}");
    }

    #[test]
    fn polnear_dev_when_present() {
        let Some(dir) = crate::testdata::shared("data/polnear/dev") else { return };
        let arts = load_polnear(&dir).unwrap();
        assert_eq!(arts.len(), 84);
        // Every content span's text matches the document text at code point offsets.
        for art in &arts {
            let chars: Vec<char> = art.text.chars().collect();
            for a in &art.attributions {
                let joined: Vec<String> =
                    a.content.iter().map(|&(s, e)| chars[s..e].iter().collect::<String>()).collect();
                assert_eq!(joined.join(" "), a.content_text, "{}", art.name);
            }
        }
    }
}
