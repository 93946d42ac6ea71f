//! The batch: reads the inputs, analyses every document in parallel (one NER model per
//! worker, since models are `Send` but not `Sync`), and writes the six tables. A document that
//! cannot be read, is empty, is not English, or makes a stage panic gets its own row in
//! `documents.csv` and never stops the others.

use crate::corpus::{read_inputs, CorpusError, Document};
use crate::doc::{Analysed, Entity};
use crate::labels::{DocStatus, EntityLabel};
use crate::export::{self, DocumentRow, EntityRow, ExportError, FigureRow, OrganizationRow, QuoteRow, SpeakerRow};
use crate::encoder::ModelError;
use crate::ner::{canonical, Tagger};
use crate::span::{CharMap, Span};
use crate::{figures, lang, quotes, segment};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

/// A validated run configuration (the CLI builds it).
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub output_dir: PathBuf,
    /// Worker threads; each holds its own model.
    pub threads: usize,
    /// Show a progress bar (the caller decides whether stderr is a terminal).
    pub progress: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub failed: usize,
    pub entities: usize,
    pub quotes: usize,
    pub figures: usize,
    pub chars: usize,
    pub seconds: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("loading the NER model: {0}")]
    Ner(#[from] ModelError),
    #[error("writing output: {0}")]
    Export(#[from] ExportError),
    #[error("{path}: cannot create output folder: {source}")]
    OutputDir { path: PathBuf, source: std::io::Error },
}

/// Everything one document contributes to the tables.
#[derive(Debug, Clone, Default)]
pub struct DocOutput {
    pub document: DocumentRow,
    pub entities: Vec<EntityRow>,
    pub quotes: Vec<QuoteRow>,
    /// Stances towards an object (`attributions.csv`).
    pub attributions: Vec<QuoteRow>,
    /// `(doc_id, quote, speaker mention text)` for the speakers table.
    pub speakers: Vec<(String, quotes::Quote, String)>,
    pub figures: Vec<FigureRow>,
}

/// Segments `text` and finds its entities (in extracted paragraphs only) with canonical names.
pub fn analyse(text: &str, tagger: &mut dyn Tagger) -> Analysed {
    let (paragraphs, sentences) = segment::segment(text);
    let tagging = tagger.tag(text, &segment::extracted_spans(&paragraphs, &sentences));
    let mut mentions: Vec<(Span, EntityLabel, f32)> = tagging.mentions.into_iter().map(|m| (m.span, m.label, m.score)).collect();
    canonical::join_split_names(text, &mut mentions);
    let mut pairs: Vec<(Span, EntityLabel)> = mentions.iter().map(|m| (m.0, m.1)).collect();
    canonical::relabel(text, &mut pairs);
    let names = canonical::canonical_names(text, &pairs);
    let entities = mentions
        .into_iter()
        .zip(pairs)
        .zip(names)
        .map(|((m, (span, label)), canonical)| Entity { span, label, score: m.2, canonical })
        .collect();
    Analysed { text: text.to_string(), paragraphs, sentences, entities, cue_words: tagging.cues, roles: tagging.roles }
}

/// The `documents.csv` row of a document before any stage has run.
fn document_row(doc: &Document) -> DocumentRow {
    DocumentRow {
        doc_id: doc.doc_id.clone(),
        source: doc.source.clone(),
        title: doc.title.clone().unwrap_or_default(),
        ..Default::default()
    }
}

/// The output of a document that failed: its row with the reason, nothing else.
fn failed(doc: &Document, error: String) -> DocOutput {
    let document = DocumentRow { status: DocStatus::Failed, error, ..document_row(doc) };
    DocOutput { document, ..Default::default() }
}

/// Runs every stage on one document.
pub fn process(doc: &Document, recognizer: &mut dyn Tagger) -> DocOutput {
    let text = match &doc.body {
        Ok(t) => t,
        Err(e) => return failed(doc, e.to_string()),
    };
    let mut row = document_row(doc);
    let map = CharMap::new(text);
    row.chars = map.len_chars();
    if text.trim().is_empty() {
        row.status = DocStatus::Skipped;
        row.error = "empty document".into();
        return DocOutput { document: row, ..Default::default() };
    }
    if let Some(d) = lang::detect(text) {
        row.language = d.code.clone();
        row.language_confidence = format!("{:.2}", d.confidence);
        if !d.english && d.reliable {
            row.status = DocStatus::Skipped;
            row.error = format!("language {} (confidence {:.2}); only English is extracted", d.code, d.confidence);
            return DocOutput { document: row, ..Default::default() };
        }
    }
    let analysed = analyse(text, recognizer);
    let id = doc.doc_id.as_str();
    let entities: Vec<EntityRow> =
        analysed.entities.iter().enumerate().map(|(i, e)| export::entity_row(id, i + 1, text, &map, e)).collect();
    let (attributions, found): (Vec<quotes::Quote>, Vec<quotes::Quote>) =
        quotes::extract(&analysed).into_iter().partition(|q| q.is_attribution());
    let rows = |prefix: char, qs: &[quotes::Quote]| -> Vec<QuoteRow> {
        qs.iter().enumerate().map(|(i, q)| export::quote_row(id, format!("{prefix}{:03}", i + 1), text, &map, q)).collect()
    };
    let (quote_rows, attribution_rows) = (rows('q', &found), rows('a', &attributions));
    let speakers = found
        .into_iter()
        .map(|q| {
            let mention = q.speaker_mention.map(|s| s.text(text).to_string()).unwrap_or_default();
            (id.to_string(), q, mention)
        })
        .collect();
    let figure_rows: Vec<FigureRow> = figures::extract(&analysed)
        .iter()
        .enumerate()
        .map(|(i, f)| export::figure_row(id, format!("f{:03}", i + 1), text, &map, f))
        .collect();
    row.sentences = analysed.extract_sentences().count();
    row.entities = entities.len();
    row.quotes = quote_rows.len();
    row.attributions = attribution_rows.len();
    row.figures = figure_rows.len();
    row.status = DocStatus::Ok;
    DocOutput { document: row, entities, quotes: quote_rows, attributions: attribution_rows, speakers, figures: figure_rows }
}

/// [`process`], with a panic in any stage turned into a `failed` row.
fn process_guarded(doc: &Document, recognizer: &mut dyn Tagger) -> DocOutput {
    match std::panic::catch_unwind(AssertUnwindSafe(|| process(doc, recognizer))) {
        Ok(out) => out,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            failed(doc, format!("internal error: {reason}"))
        }
    }
}

/// `organizations.csv` from the ORG entities of all documents, grouped by canonical name.
pub fn organizations(entities: &[EntityRow]) -> Vec<OrganizationRow> {
    struct Acc {
        name: String,
        aliases: Vec<String>,
        mentions: usize,
        docs: Vec<String>,
    }
    let mut by: BTreeMap<String, Acc> = BTreeMap::new();
    for e in entities.iter().filter(|e| e.label == EntityLabel::Org) {
        let acc = by.entry(e.canonical.to_lowercase()).or_insert_with(|| Acc {
            name: e.canonical.clone(),
            aliases: Vec::new(),
            mentions: 0,
            docs: Vec::new(),
        });
        acc.mentions += 1;
        let surface = canonical::clean_name(&e.text);
        if surface != acc.name && !acc.aliases.contains(&surface) {
            acc.aliases.push(surface);
        }
        if !acc.docs.contains(&e.doc_id) {
            acc.docs.push(e.doc_id.clone());
        }
    }
    by.into_values()
        .map(|mut a| {
            a.aliases.sort();
            OrganizationRow {
                organization: a.name,
                aliases: a.aliases.join("|"),
                mentions: a.mentions,
                documents: a.docs.len(),
                doc_ids: a.docs.join(";"),
            }
        })
        .collect()
}

/// Runs the batch with recognizers made by `make_recognizer` (one per worker) and writes the
/// tables into `cfg.output_dir`.
pub fn run<F>(cfg: &Config, make_recognizer: F) -> Result<Summary, PipelineError>
where
    F: Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync,
{
    let started = Instant::now();
    let docs = read_inputs(&cfg.inputs)?;
    std::fs::create_dir_all(&cfg.output_dir)
        .map_err(|e| PipelineError::OutputDir { path: cfg.output_dir.clone(), source: e })?;
    // Load one model up front so a broken model folder fails before any work.
    let pool_models: Mutex<Vec<Box<dyn Tagger + Send>>> = Mutex::new(vec![make_recognizer()?]);
    let threads = cfg.threads.max(1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads((cores / threads).max(1) as i32);
    let bar = if cfg.progress { ProgressBar::new(docs.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {per_sec}  ETA {eta}")
            .expect("valid progress template"),
    );
    let workers = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let outputs: Vec<DocOutput> = workers.install(|| {
        docs.par_iter()
            .map(|doc| {
                let taken = pool_models.lock().expect("model pool").pop();
                let mut recognizer = match taken {
                    Some(r) => r,
                    None => match make_recognizer() {
                        Ok(r) => r,
                        Err(e) => {
                            bar.inc(1);
                            return failed(doc, format!("NER model: {e}"));
                        }
                    },
                };
                let out = process_guarded(doc, recognizer.as_mut());
                pool_models.lock().expect("model pool").push(recognizer);
                bar.inc(1);
                out
            })
            .collect()
    });
    bar.finish_and_clear();
    let summary = write_outputs(cfg, outputs)?;
    Ok(Summary { seconds: started.elapsed().as_secs_f64(), ..summary })
}

/// Sorts and writes all tables; returns the counts.
pub fn write_outputs(cfg: &Config, mut outputs: Vec<DocOutput>) -> Result<Summary, PipelineError> {
    outputs.sort_by(|a, b| a.document.doc_id.cmp(&b.document.doc_id));
    let mut summary = Summary { documents: outputs.len(), ..Default::default() };
    let (mut documents, mut entities, mut quote_rows, mut speakers, mut figure_rows) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut attribution_rows = Vec::new();
    for out in outputs {
        match out.document.status {
            DocStatus::Ok => summary.ok += 1,
            DocStatus::Skipped => summary.skipped += 1,
            DocStatus::Failed => summary.failed += 1,
        }
        summary.chars += out.document.chars;
        documents.push(out.document);
        entities.extend(out.entities);
        quote_rows.extend(out.quotes);
        attribution_rows.extend(out.attributions);
        speakers.extend(out.speakers);
        figure_rows.extend(out.figures);
    }
    summary.entities = entities.len();
    summary.quotes = quote_rows.len();
    summary.figures = figure_rows.len();
    let speaker_rows: Vec<SpeakerRow> = quotes::speakers_table(&speakers);
    let dir = &cfg.output_dir;
    export::write_table(dir, "documents.csv", &documents)?;
    export::write_table(dir, "entities.csv", &entities)?;
    export::write_table(dir, "quotes.csv", &quote_rows)?;
    export::write_table(dir, "speakers.csv", &speaker_rows)?;
    export::write_table(dir, "organizations.csv", &organizations(&entities))?;
    export::write_table(dir, "figures.csv", &figure_rows)?;
    export::write_table(dir, "attributions.csv", &attribution_rows)?;
    Ok(summary)
}
