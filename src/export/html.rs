//! The HTML viewer: a static site over an output folder, for reading what was extracted next to
//! the article it came from. [`write_site`] reads the tables of a finished run (through the row
//! structs of [`crate::export`]) and the article texts again from the inputs, and writes
//! `html/index.html` (one row per document; the speakers with their quote counts) and one page
//! per document named by [`page_name`]: the text with the quotes marked by kind, their cues and
//! speaker mentions, entities and figures, each kind switched on and off by a checkbox; the
//! resolved speaker, rule and confidence beside each quote and on hover.
//!
//! Nothing is stored at extraction time: the pages need the texts, and the inputs hold them.
//! Table offsets are code points of the text as read; a span whose offsets or surface no longer
//! match the text (an input edited since the run) is left unmarked and counted, never guessed.
//!
//! The pages are static files that need no server and load nothing: the CSS and the one script
//! are inlined, and each page's Content-Security-Policy allows those two (by SHA-256 hash) and
//! nothing else. Every text from an input or a table is escaped, so an article containing
//! `<script>` shows it as text, and page file names never come from a `doc_id` directly.

/// SHA-256 of `bytes` (the `sha2` crate).
fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// Standard base64 with padding, as a Content-Security-Policy hash source is written.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

use crate::corpus::{self, CorpusError, Limits, Pending};
use crate::export::manifest::{self, ManifestError};
use crate::export::{DocumentRow, EntityRow, FigureRow, QuoteRow, SpeakerRow};
use crate::labels::DocStatus;
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const CSS: &str = include_str!("html/viewer.css");
const JS: &str = include_str!("html/viewer.js");

/// The folder of the site inside an output folder.
pub const SITE_DIR: &str = "html";

/// Why the site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// The tables are not one complete set (a run stopped while replacing them).
    #[error(transparent)]
    Tables(#[from] ManifestError),
    #[error("reading the inputs")]
    Inputs(#[source] CorpusError),
    #[error("reading {path}")]
    Table { path: PathBuf, source: csv::Error },
    #[error("writing {path}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// What [`write_site`] wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Site {
    /// `OUTPUT_DIR/html/index.html`.
    pub index: PathBuf,
    /// Document pages written: one per row of `documents.csv`.
    pub pages: usize,
    /// Extracted documents whose text is not among the inputs (their pages say so).
    pub missing_texts: usize,
    /// Marks left out because their offsets or surface do not match the text read now.
    pub unmatched_spans: usize,
}

/// Writes the viewer for the tables in `output_dir` into `output_dir/html/`, reading the texts
/// of the extracted documents from `inputs` (the paths given to `extract`), one at a time.
///
/// Fails when the tables are not one complete set ([`manifest::check`]), a table cannot be read
/// (`attributions.csv` may be absent: tables written before it existed), the inputs cannot be
/// scanned, or a page cannot be written. Pages of documents no longer in the output are not
/// removed.
pub fn write_site(output_dir: &Path, inputs: &[PathBuf]) -> Result<Site, HtmlError> {
    manifest::check(output_dir)?;
    let documents: Vec<DocumentRow> = read_table(output_dir, "documents.csv", true)?;
    let quotes = by_doc(read_table(output_dir, "quotes.csv", true)?, |q: &QuoteRow| &q.doc_id);
    let stances = by_doc(read_table(output_dir, "attributions.csv", false)?, |q: &QuoteRow| &q.doc_id);
    let entities = by_doc(read_table(output_dir, "entities.csv", true)?, |e: &EntityRow| &e.doc_id);
    let figures = by_doc(read_table(output_dir, "figures.csv", true)?, |f: &FigureRow| &f.doc_id);
    let speakers: Vec<SpeakerRow> = read_table(output_dir, "speakers.csv", true)?;

    let limits = Limits::default();
    let pending = corpus::pending_all(&corpus::scan(inputs).map_err(HtmlError::Inputs)?, limits);
    let pending: HashMap<&str, &Pending> = pending.iter().map(|p| (p.doc_id.as_str(), p)).collect();

    let dir = output_dir.join(SITE_DIR);
    std::fs::create_dir_all(&dir).map_err(|source| HtmlError::Write { path: dir.clone(), source })?;
    let names = page_names(&documents);
    let mut site = Site { index: dir.join("index.html"), ..Site::default() };
    for (doc, name) in documents.iter().zip(&names) {
        let text = match (doc.status, pending.get(doc.doc_id.as_str())) {
            (DocStatus::Ok, Some(p)) => p.read(limits).body.ok(),
            _ => None,
        };
        let missing = doc.status == DocStatus::Ok && text.is_none();
        site.missing_texts += usize::from(missing);
        let rows = PageRows {
            quotes: quotes.get(&doc.doc_id).map_or(&[][..], Vec::as_slice),
            stances: stances.get(&doc.doc_id).map_or(&[][..], Vec::as_slice),
            entities: entities.get(&doc.doc_id).map_or(&[][..], Vec::as_slice),
            figures: figures.get(&doc.doc_id).map_or(&[][..], Vec::as_slice),
        };
        let (html, unmatched) = document_page(doc, text.as_deref(), &rows);
        site.unmatched_spans += unmatched;
        write_file(&dir.join(name), &html)?;
        site.pages += 1;
    }
    let pages: HashMap<&str, &str> =
        documents.iter().zip(&names).map(|(d, n)| (d.doc_id.as_str(), n.as_str())).collect();
    write_file(&site.index, &index_page(&documents, &names, &speakers, &quotes, &pages))?;
    Ok(site)
}

/// The file name of a document's page: the `doc_id`'s letters, digits, `-` and `_` (other runs
/// of characters become one `_`; at most 40 kept) and 16 hex digits of its SHA-256, so two ids
/// never share a page and no id can name a path (`../../etc/x` → `etc_x-….html`).
///
/// ```
/// let name = newsmine::export::html::page_name("../../etc/passwd");
/// assert!(name.starts_with("etc_passwd-") && name.ends_with(".html") && !name.contains('/'));
/// ```
pub fn page_name(doc_id: &str) -> String {
    let mut prefix = String::new();
    for c in doc_id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            prefix.push(c);
        } else if !prefix.ends_with('_') {
            prefix.push('_');
        }
    }
    // No leading `-` (a file name read as an option) or `_`; the hash keeps the id apart.
    let prefix: String = prefix.trim_matches(|c| c == '_' || c == '-').chars().take(40).collect();
    let prefix = if prefix.is_empty() { "doc" } else { prefix.trim_end_matches(['_', '-']) };
    let hash: String = sha256(doc_id.as_bytes())[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{hash}.html")
}

/// [`page_name`] for each document; a name taken already (two ids with the same 64-bit hash)
/// gets `-2`, `-3`… before `.html`.
fn page_names(documents: &[DocumentRow]) -> Vec<String> {
    let mut taken = HashSet::new();
    documents
        .iter()
        .map(|d| {
            let base = page_name(&d.doc_id);
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.clone()) {
                n += 1;
                name = format!("{}-{n}.html", base.trim_end_matches(".html"));
            }
            name
        })
        .collect()
}

fn read_table<T: DeserializeOwned>(dir: &Path, name: &str, required: bool) -> Result<Vec<T>, HtmlError> {
    let path = dir.join(name);
    if !required && !path.exists() {
        return Ok(Vec::new());
    }
    let error = |source| HtmlError::Table { path: path.clone(), source };
    let mut reader = csv::Reader::from_path(&path).map_err(error)?;
    reader.deserialize().collect::<Result<_, _>>().map_err(error)
}

fn by_doc<T>(rows: Vec<T>, doc_id: impl Fn(&T) -> &String) -> HashMap<String, Vec<T>> {
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(doc_id(&row).clone()).or_default().push(row);
    }
    out
}

/// Writes through a temporary file renamed into place, so a browser never shows half a page.
fn write_file(path: &Path, html: &str) -> Result<(), HtmlError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let error = |source| HtmlError::Write { path: path.to_path_buf(), source };
    std::fs::write(&tmp, html).map_err(error)?;
    std::fs::rename(&tmp, path).map_err(error)
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element content and in quoted
/// attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The start of every page: the policy that lets only the inlined style and script run.
fn head(title: &str) -> String {
    let hash = |s: &str| base64(&sha256(s.as_bytes()));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{}'; \
         script-src 'sha256-{}'; form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newsmine {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n",
        hash(CSS),
        hash(JS),
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

fn tail() -> String {
    format!("<script>{JS}</script>\n</body>\n</html>\n")
}

/// The rows of one document's page.
struct PageRows<'a> {
    quotes: &'a [QuoteRow],
    /// `attributions.csv`: stances, marked apart from speech.
    stances: &'a [QuoteRow],
    entities: &'a [EntityRow],
    figures: &'a [FigureRow],
}

/// One mark over a span of code points: a `<mark>` around each piece of text it covers.
#[derive(Debug, Clone, PartialEq)]
struct Mark {
    start: usize,
    end: usize,
    /// Nesting order, outermost first: quotes, cues and speakers, entities, figures.
    layer: u8,
    class: String,
    title: String,
    /// Numbers of the quotes it belongs to (`data-q`), for hover.
    refs: Vec<usize>,
}

/// Something written between pieces of text at a code point: an anchor or a badge.
struct Point {
    at: usize,
    /// Badges (after a quote) come before anchors (before the next one) at the same point.
    order: u8,
    html: String,
}

/// The text's code point boundaries as byte offsets, to check and cut spans given in code points.
struct Text<'a> {
    text: &'a str,
    bounds: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        Text { text, bounds: text.char_indices().map(|(b, _)| b).chain([text.len()]).collect() }
    }

    fn chars(&self) -> usize {
        self.bounds.len() - 1
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.bounds[start]..self.bounds[end]]
    }

    /// The span when it is non-empty, inside the text, and its surface is `surface`.
    fn span(&self, start: usize, end: usize, surface: &str) -> Option<(usize, usize)> {
        (start < end && end <= self.chars() && self.slice(start, end) == surface).then_some((start, end))
    }
}

/// Quote, stance, cue, speaker, entity and figure marks, and the anchors and badges, of a
/// document; spans that do not match the text are counted and left out.
fn marks(text: &Text, rows: &PageRows) -> (Vec<Mark>, Vec<Point>, usize) {
    let (mut marks, mut points, mut unmatched) = (Vec::new(), Vec::new(), 0);
    // Cues and speaker mentions shared by several quotes are one mark with several refs.
    let mut shared: HashMap<(&str, usize, usize), usize> = HashMap::new();
    let quotes = rows.quotes.iter().map(|q| (q, false)).chain(rows.stances.iter().map(|q| (q, true)));
    for (n, (q, stance)) in quotes.enumerate() {
        let class = if stance { "stance".to_string() } else { format!("k-{}", q.kind) };
        let Some((start, end)) = text.span(q.start, q.end, &q.quote) else {
            unmatched += 1;
            continue;
        };
        let title = quote_title(q);
        marks.push(Mark { start, end, layer: 0, class: format!("q {class}"), title: title.clone(), refs: vec![n] });
        points.push(Point { at: start, order: 1, html: format!("<a class=\"anchor\" id=\"q{n}\"></a>") });
        let badge = if q.speaker.is_empty() { "?" } else { q.speaker.as_str() };
        points.push(Point {
            at: end,
            order: 0,
            html: format!(
                "<sup class=\"badge {class}\" data-q=\"{n}\" title=\"{}\">{}</sup>",
                escape(&title),
                escape(badge)
            ),
        });
        let parts = [
            ("cue", q.cue_start, q.cue_end, &q.cue, format!("cue of {}: {} ({})", q.quote_id, q.cue, q.cue_class)),
            (
                "spk",
                q.speaker_start,
                q.speaker_end,
                &q.speaker_mention,
                format!("speaker of {}: {} ({})", q.quote_id, q.speaker, q.speaker_type),
            ),
        ];
        for (class, start, end, surface, title) in parts {
            let (Some(start), Some(end)) = (start, end) else { continue };
            let Some((start, end)) = text.span(start, end, surface) else {
                unmatched += 1;
                continue;
            };
            match shared.get(&(class, start, end)) {
                Some(&i) => {
                    let mark: &mut Mark = &mut marks[i];
                    mark.refs.push(n);
                    mark.title = format!("{}\n{title}", mark.title);
                }
                None => {
                    shared.insert((class, start, end), marks.len());
                    marks.push(Mark { start, end, layer: 1, class: class.to_string(), title, refs: vec![n] });
                }
            }
        }
    }
    for e in rows.entities {
        match text.span(e.start, e.end, &e.text) {
            Some((start, end)) => marks.push(Mark {
                start,
                end,
                layer: 2,
                class: format!("ent l-{}", e.label),
                title: format!("{} {}: {}", e.entity_id, e.label, e.canonical),
                refs: vec![],
            }),
            None => unmatched += 1,
        }
    }
    for f in rows.figures {
        match text.span(f.start, f.end, &f.text) {
            Some((start, end)) => marks.push(Mark {
                start,
                end,
                layer: 3,
                class: format!("fig f-{}", f.kind),
                title: figure_title(f),
                refs: vec![],
            }),
            None => unmatched += 1,
        }
    }
    (marks, points, unmatched)
}

fn quote_title(q: &QuoteRow) -> String {
    let speaker = if q.speaker.is_empty() { "no speaker found".to_string() } else { q.speaker.clone() };
    format!(
        "{} · {} · {speaker} ({}) · cue “{}” ({}) · rule {} · confidence {}",
        q.quote_id, q.kind, q.speaker_type, q.cue, q.cue_class, q.rule, q.confidence
    )
}

fn figure_title(f: &FigureRow) -> String {
    let subject = if f.subject.is_empty() { String::new() } else { format!(" · of {}", f.subject) };
    format!("{} {}: {} {} ({}){subject}", f.figure_id, f.kind, f.value, f.unit, f.qualifier)
}

/// The text as HTML with its marks. Overlapping spans need not nest, so the text is cut at
/// every span boundary and each piece is wrapped in the marks covering it, outermost layer
/// first: every element opened is closed before the next piece, whatever the spans.
fn render_text(text: &Text, marks: &[Mark], points: &[Point]) -> String {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| (marks[i].layer, marks[i].start, std::cmp::Reverse(marks[i].end), i));
    let mut starts: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut ends: HashMap<usize, Vec<usize>> = HashMap::new();
    for (rank, &i) in order.iter().enumerate() {
        starts.entry(marks[i].start).or_default().push(rank);
        ends.entry(marks[i].end).or_default().push(rank);
    }
    let mut points: Vec<&Point> = points.iter().collect();
    points.sort_by_key(|p| (p.at, p.order));
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).chain(points.iter().map(|p| p.at)).collect();
    cuts.extend([0, text.chars()]);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity(text.text.len() * 2);
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut next_point = points.iter().peekable();
    for (k, &at) in cuts.iter().enumerate() {
        for rank in ends.get(&at).into_iter().flatten() {
            active.remove(rank);
        }
        for rank in starts.get(&at).into_iter().flatten() {
            active.insert(*rank);
        }
        while let Some(p) = next_point.next_if(|p| p.at == at) {
            out.push_str(&p.html);
        }
        let Some(&end) = cuts.get(k + 1) else { break };
        for &rank in &active {
            let m = &marks[order[rank]];
            let _ = write!(out, "<mark class=\"{}\" title=\"{}\"", escape(&m.class), escape(&m.title));
            if !m.refs.is_empty() {
                let refs: Vec<String> = m.refs.iter().map(usize::to_string).collect();
                let _ = write!(out, " data-q=\"{}\"", refs.join(" "));
            }
            out.push('>');
        }
        out.push_str(&escape(text.slice(at, end)));
        out.push_str(&"</mark>".repeat(active.len()));
    }
    out
}

/// The checkboxes that switch a kind of mark off (`hide-KEY` on `<body>`): key and label.
const TOGGLES: [(&str, &str); 8] = [
    ("direct", "direct quotes"),
    ("mixed", "mixed"),
    ("indirect", "indirect"),
    ("stance", "stances"),
    ("cues", "cues and speakers"),
    ("ent", "entities"),
    ("fig", "figures"),
    ("badges", "speaker badges"),
];

/// The checkboxes, each with a sample of the mark it switches.
fn toggles() -> String {
    let mut out = String::from("<div class=\"toggles\">");
    let sample = |key: &str| match key {
        "direct" | "mixed" | "indirect" => format!("<mark class=\"q k-{key}\">“…”</mark>"),
        "stance" => "<mark class=\"q stance\">…</mark>".to_string(),
        "cues" => "<mark class=\"cue\">said</mark> <mark class=\"spk\">she</mark>".to_string(),
        "ent" => "<mark class=\"ent l-PERSON\">Name</mark>".to_string(),
        "fig" => "<mark class=\"fig\">$6mn</mark>".to_string(),
        _ => "<sup class=\"badge\">Speaker</sup>".to_string(),
    };
    for (key, label) in TOGGLES {
        let _ =
            write!(out, "<label><input type=\"checkbox\" data-hide=\"{key}\" checked> {label} {}</label>", sample(key));
    }
    out.push_str("</div>\n");
    out
}

/// A document's page and how many of its spans did not match `text`. Without a text (the
/// document was skipped or failed, or is not among the inputs) the page says why.
fn document_page(doc: &DocumentRow, text: Option<&str>, rows: &PageRows) -> (String, usize) {
    let title = if doc.title.trim().is_empty() { doc.doc_id.as_str() } else { doc.title.as_str() };
    let mut out = head(&format!("{title} · newsmine"));
    out.push_str("<body>\n<nav><a href=\"index.html\">← all documents</a></nav>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let date = if doc.date.is_empty() { String::new() } else { format!(" · {}", escape(&doc.date)) };
    let _ = writeln!(
        out,
        "<p class=\"meta\"><code>{}</code> · {}{date} · {} · {} quotes, {} stances, {} entities, {} figures · {} characters</p>",
        escape(&doc.doc_id),
        escape(&doc.source),
        doc.status,
        doc.quotes,
        doc.attributions,
        doc.entities,
        doc.figures,
        doc.chars
    );
    let text = match (doc.status, text) {
        (DocStatus::Ok, Some(text)) => text,
        (DocStatus::Ok, None) => {
            out.push_str("<p class=\"warn\">The text of this document is not among the inputs given.</p>\n");
            out.push_str(&tail());
            return (out, 0);
        }
        (status, _) => {
            let _ = writeln!(out, "<p class=\"warn\">Not extracted ({status}): {}</p>", escape(&doc.error));
            out.push_str(&tail());
            return (out, 0);
        }
    };
    let text = Text::new(text);
    let (marks, points, unmatched) = marks(&text, rows);
    out.push_str(&toggles());
    if unmatched > 0 {
        let _ = writeln!(
            out,
            "<p class=\"warn\">{unmatched} spans of the tables do not match this text (was the input changed after \
             extraction?); they are not marked.</p>"
        );
    }
    out.push_str("<div class=\"layout\">\n<article>");
    out.push_str(&render_text(&text, &marks, &points));
    out.push_str("</article>\n<aside>\n");
    out.push_str(&quote_list(rows));
    out.push_str(&figure_table(rows.figures));
    out.push_str(&entity_table(rows.entities));
    out.push_str("</aside>\n</div>\n");
    out.push_str(&tail());
    (out, unmatched)
}

/// The quotes and stances beside the text: speaker, cue, rule and confidence, linked to the text.
fn quote_list(rows: &PageRows) -> String {
    let mut out = String::new();
    let groups = [("Quotes", rows.quotes, false), ("Stances", rows.stances, true)];
    let mut n = 0;
    for (heading, quotes, stance) in groups {
        let _ = writeln!(out, "<h2>{heading} ({})</h2>\n<ol>", quotes.len());
        for q in quotes {
            let class = if stance { "stance".to_string() } else { format!("k-{}", q.kind) };
            let speaker = if q.speaker.is_empty() { "no speaker found" } else { q.speaker.as_str() };
            let excerpt: String = q.quote.chars().take(160).collect();
            let more = if excerpt.len() < q.quote.len() { "…" } else { "" };
            let _ = writeln!(
                out,
                "<li class=\"{class}\" data-q=\"{n}\"><a href=\"#q{n}\">{}</a> {} · <b>{}</b> ({}) · cue “{}” ({}) · \
                 <code>{}</code> · {}<br><span class=\"excerpt\">{}{more}</span></li>",
                escape(&q.quote_id),
                q.kind,
                escape(speaker),
                q.speaker_type,
                escape(&q.cue),
                q.cue_class,
                q.rule,
                escape(&q.confidence),
                escape(&excerpt)
            );
            n += 1;
        }
        out.push_str("</ol>\n");
    }
    out
}

fn figure_table(figures: &[FigureRow]) -> String {
    let mut out = format!(
        "<h2>Figures ({})</h2>\n<table><tr><th>text</th><th>value</th><th>unit</th><th>kind</th><th>of</th></tr>\n",
        figures.len()
    );
    for f in figures {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{} ({})</td><td>{}</td></tr>",
            escape(&f.text),
            escape(&f.value),
            escape(&f.unit),
            f.kind,
            f.qualifier,
            escape(&f.subject)
        );
    }
    out.push_str("</table>\n");
    out
}

fn entity_table(entities: &[EntityRow]) -> String {
    let mut out = format!(
        "<details><summary>Entities ({})</summary>\n\
         <table><tr><th>text</th><th>label</th><th>canonical</th></tr>\n",
        entities.len()
    );
    for e in entities {
        let _ =
            writeln!(out, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", escape(&e.text), e.label, escape(&e.canonical));
    }
    out.push_str("</table></details>\n");
    out
}

/// The index: every document with its counts and a link to its page, then the speakers with
/// their quote counts and links to the documents they are quoted in.
fn index_page(
    documents: &[DocumentRow],
    names: &[String],
    speakers: &[SpeakerRow],
    quotes: &HashMap<String, Vec<QuoteRow>>,
    pages: &HashMap<&str, &str>,
) -> String {
    let mut out = head("newsmine");
    let count = |status| documents.iter().filter(|d| d.status == status).count();
    let _ = writeln!(
        out,
        "<body>\n<h1>newsmine</h1>\n<p class=\"meta\">{} documents: {} extracted, {} skipped, {} failed · {} quotes · \
         {} speakers</p>",
        documents.len(),
        count(DocStatus::Ok),
        count(DocStatus::Skipped),
        count(DocStatus::Failed),
        documents.iter().map(|d| d.quotes).sum::<usize>(),
        speakers.len()
    );
    out.push_str(
        "<h2>Documents</h2>\n<table><tr><th>title</th><th>doc_id</th><th>status</th><th class=\"n\">quotes</th>\
         <th class=\"n\">stances</th><th class=\"n\">entities</th><th class=\"n\">figures</th>\
         <th class=\"n\">sentences</th><th class=\"n\">characters</th><th>note</th></tr>\n",
    );
    for (d, name) in documents.iter().zip(names) {
        let title = if d.title.trim().is_empty() { d.doc_id.as_str() } else { d.title.as_str() };
        let _ = writeln!(
            out,
            "<tr class=\"status-{}\"><td><a href=\"{name}\">{}</a></td><td><code>{}</code></td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            d.status,
            escape(title),
            escape(&d.doc_id),
            d.status,
            d.quotes,
            d.attributions,
            d.entities,
            d.figures,
            d.sentences,
            d.chars,
            escape(&d.error)
        );
    }
    out.push_str("</table>\n");

    // The documents each speaker is quoted in, from quotes.csv: `doc_ids` in speakers.csv is
    // joined with `;`, which a doc_id may contain.
    let mut quoted_in: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in documents {
        for q in quotes.get(&d.doc_id).into_iter().flatten() {
            let docs = quoted_in.entry(q.speaker.as_str()).or_default();
            if docs.last() != Some(&d.doc_id.as_str()) {
                docs.push(d.doc_id.as_str());
            }
        }
    }
    out.push_str(
        "<h2>Speakers</h2>\n<table><tr><th>speaker</th><th>type</th><th class=\"n\">quotes</th>\
         <th class=\"n\">documents</th><th>quoted in</th><th>mentions</th></tr>\n",
    );
    for s in speakers {
        let links: Vec<String> = quoted_in
            .get(s.speaker.as_str())
            .into_iter()
            .flatten()
            .filter_map(|id| pages.get(id).map(|page| format!("<a href=\"{page}\">{}</a>", escape(id))))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.speaker),
            s.speaker_type,
            s.quotes,
            s.documents,
            links.join(", "),
            escape(&s.mentions.replace(';', "; "))
        );
    }
    out.push_str("</table>\n");
    out.push_str(&tail());
    out
}

#[cfg(test)]
mod tests;
