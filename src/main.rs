//! The `newsmine` binary: parses arguments, builds a validated configuration, calls the
//! library, and maps the outcome to an exit code. Nothing else lives here.
//!
//! Exit codes: 0 success; 1 a fatal error (unreadable input path, model or output folder);
//! 2 bad usage; 3 the run finished but some documents failed (see `documents.csv`).

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsmine::encoder::ModelError;
use newsmine::labels::BioTag;
use newsmine::ner::{BertTagger, Tagger};
use newsmine::{eval, pipeline};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "newsmine", version, about = "Quotes, speakers, organizations and figures from news articles, as CSV")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum GoldFormat {
    /// The SCHEMA.md tables with an `optional` column (corpus/gold).
    Csv,
    /// brat standoff attributions, PolNeAR layout (text/, attributions/).
    Brat,
    /// A CoNLL-2003 IOB file; runs the NER model over its sentences.
    Conll,
}

#[derive(Clone, Copy, ValueEnum)]
enum UnitSpanArg {
    /// The words of the unit's rows.
    Parts,
    /// From the first row's start to the last row's end.
    Hull,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quotes, speakers, entities, organizations and figures into CSV tables.
    Extract {
        /// Folders (read recursively) or .txt/.jsonl/.csv files.
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        /// Output folder for the tables.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// Worker threads (each loads its own model, about 100 MB).
        #[arg(long, default_value_t = default_threads())]
        threads: usize,
        /// NER model folder.
        #[arg(long, default_value = "models/ner")]
        model: PathBuf,
        /// No progress bar and no summary.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Score predictions against gold annotations.
    Eval {
        /// Gold folder (csv, brat) or CoNLL file (conll).
        #[arg(long)]
        gold: PathBuf,
        /// Folder with newsmine's tables (csv, brat).
        #[arg(long)]
        pred: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "csv")]
        gold_format: GoldFormat,
        /// Token-overlap threshold for matching quotes.
        #[arg(long, default_value_t = 0.5)]
        overlap: f64,
        /// List misses, extras and wrong speakers.
        #[arg(short, long)]
        verbose: bool,
        /// Brat gold: the words a unit folded from several quote rows claims, its rows' words
        /// (`parts`) or everything from its first row to its last, the tag between included
        /// (`hull`, the rule of reports before 2026-11-23).
        #[arg(long, value_enum, default_value = "parts")]
        unit_span: UnitSpanArg,
        /// Write the report as Markdown to FILE and as JSON beside it (FILE with .json).
        #[arg(long)]
        report: Option<PathBuf>,
        /// NER model folder (conll).
        #[arg(long, default_value = "models/ner")]
        model: PathBuf,
    },
    /// Measure throughput and peak memory of the whole pipeline.
    Bench {
        /// Folders or files to process.
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        /// Thread counts to measure, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "1,2")]
        threads: Vec<usize>,
        /// Runs per thread count (the fastest is kept).
        #[arg(long, default_value_t = 1)]
        repeat: usize,
        #[arg(long, default_value = "models/ner")]
        model: PathBuf,
        /// Write the Markdown table to FILE as well.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Fine-tune the NER model on CoNLL-2003 (see models/README.md).
    #[cfg(feature = "train")]
    Train {
        /// Pre-trained encoder folder (config.json, model.safetensors, tokenizer.json).
        #[arg(long)]
        encoder: PathBuf,
        #[arg(long)]
        train: PathBuf,
        #[arg(long)]
        valid: PathBuf,
        #[arg(long, default_value = "models/ner")]
        out: PathBuf,
        #[arg(long, default_value_t = 3)]
        epochs: usize,
        #[arg(long, default_value_t = 13)]
        seed: u64,
        /// Train on the first N sentences only (smoke runs).
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Fit the attribution-role tagger (cue, content, source per word) on a PolNeAR split
    /// over the NER model's frozen word features; saves role_head.safetensors into the model
    /// folder (see models/README.md).
    #[cfg(feature = "train")]
    TrainRoles {
        /// PolNeAR split folder (text/, attributions/).
        #[arg(long)]
        polnear: PathBuf,
        #[arg(long, default_value = "models/ner")]
        model: PathBuf,
        /// The split's word features: read when the file exists, else computed (the NER
        /// forward pass over the split) and written there; `train-cues --cache` shares it.
        #[arg(long)]
        cache: PathBuf,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, default_value_t = 13)]
        seed: u64,
        /// Hold the last N articles out and report word scores on them.
        #[arg(long, default_value_t = 0)]
        holdout: usize,
        /// Hold the last N articles of each source out instead (`nyt_…`, `breitbart_…`).
        #[arg(long, default_value_t = 0)]
        holdout_each: usize,
    },
    /// Fit the attribution-cue detector on a PolNeAR split over the NER model's frozen
    /// features; saves cue_head.safetensors into the model folder (see models/README.md).
    #[cfg(feature = "train")]
    TrainCues {
        /// PolNeAR split folder (text/, attributions/).
        #[arg(long)]
        polnear: PathBuf,
        #[arg(long, default_value = "models/ner")]
        model: PathBuf,
        #[arg(long, default_value_t = 4)]
        epochs: usize,
        #[arg(long, default_value_t = 13)]
        seed: u64,
        /// Hold the last N articles out and report word scores on them.
        #[arg(long, default_value_t = 0)]
        holdout: usize,
        /// Keep the split's word features in FILE and reuse them on the next run.
        #[arg(long)]
        cache: Option<PathBuf>,
        /// Give the head each word's neighbours' features too.
        #[arg(long)]
        context: bool,
    },
}

/// Makes one model per worker from the folder given with `--model`.
fn recognizers(model: &Path) -> impl Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync + '_ {
    move || Ok(Box::new(BertTagger::load(model)?))
}

/// Scores the tagger on a CoNLL-2003 file the way conlleval does (exact span and type).
fn evaluate_conll(tagger: &BertTagger, path: &Path) -> Result<eval::EntityScores> {
    let sentences = eval::read_conll(path)?;
    let words: Vec<Vec<String>> = sentences.iter().map(|s| s.tokens.clone()).collect();
    let gold: Vec<Vec<String>> = sentences.into_iter().map(|s| s.tags).collect();
    let pred: Vec<Vec<String>> = tagger.tag_words(&words).iter().map(|tags| tags.iter().map(|t| BioTag::as_str(*t).to_string()).collect()).collect();
    Ok(eval::score_conll(&gold, &pred))
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsmine: error: {}", message(&e));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes joined by `: `, leaving out a cause whose text the message so far
/// already ends with (our errors print their source, `{path}: {source}`, and anyhow's chain
/// would repeat it).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out += ": ";
        }
        out += &text;
    }
    out
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract { inputs, output, threads, model, quiet } => {
            if threads == 0 {
                bail!("--threads must be at least 1");
            }
            if !model.join("config.json").is_file() {
                bail!("--model {}: not a model folder (no config.json)", model.display());
            }
            let cfg = pipeline::Config {
                inputs,
                output_dir: output.clone(),
                threads,
                progress: !quiet && std::io::stderr().is_terminal(),
            };
            let s = pipeline::run(&cfg, recognizers(&model))?;
            if !quiet {
                eprintln!(
                    "newsmine: {} documents ({} ok, {} skipped, {} failed) in {:.1}s: {} entities, {} quotes, {} figures -> {}",
                    s.documents, s.ok, s.skipped, s.failed, s.seconds, s.entities, s.quotes, s.figures, output.display()
                );
            }
            Ok(if s.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
        }
        Command::Eval { gold, pred, gold_format, overlap, verbose, unit_span, report, model } => {
            let unit_span = match unit_span {
                UnitSpanArg::Parts => eval::UnitSpan::Parts,
                UnitSpanArg::Hull => eval::UnitSpan::Hull,
            };
            let opts = eval::Options { overlap_threshold: overlap, verbose, unit_span };
            let (markdown, json, details) = match gold_format {
                GoldFormat::Conll => {
                    let tagger = BertTagger::load(&model).with_context(|| format!("--model {}", model.display()))?;
                    let scores = evaluate_conll(&tagger, &gold)?;
                    let md = format!("# NER on {}\n\n{}", gold.display(), eval::report::entity_table(&scores));
                    (md, serde_json::to_value(&scores)?, Vec::new())
                }
                GoldFormat::Csv | GoldFormat::Brat => {
                    let pred = pred.context("--pred is required for csv and brat gold")?;
                    let r = if matches!(gold_format, GoldFormat::Csv) {
                        eval::eval_csv(&gold, &pred, &opts)?
                    } else {
                        eval::eval_brat(&gold, &pred, &opts)?
                    };
                    (r.to_markdown(), r.to_json(), r.verbose_lines())
                }
            };
            print!("{markdown}");
            if verbose {
                for line in details {
                    println!("{line}");
                }
            }
            if let Some(path) = report {
                std::fs::write(&path, &markdown).with_context(|| format!("--report {}", path.display()))?;
                let json_path = path.with_extension("json");
                std::fs::write(&json_path, serde_json::to_string_pretty(&json)? + "\n")
                    .with_context(|| format!("--report {}", json_path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { inputs, threads, repeat, model, report } => {
            if threads.contains(&0) {
                bail!("--threads values must be at least 1");
            }
            let scratch = std::env::temp_dir().join(format!("newsmine-bench-{}", std::process::id()));
            let rows = newsmine::bench::bench(&inputs, scratch.clone(), &threads, repeat, recognizers(&model))?;
            let _ = std::fs::remove_dir_all(&scratch);
            let md = newsmine::bench::to_markdown(&rows);
            print!("{md}");
            if let Some(path) = report {
                std::fs::write(&path, &md).with_context(|| format!("--report {}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::Train { encoder, train, valid, out, epochs, seed, limit } => {
            let mut cfg = newsmine::train::ner::TrainConfig::new(encoder, train, valid, out);
            cfg.epochs = epochs;
            cfg.seed = seed;
            cfg.limit = limit;
            let log = newsmine::train::ner::train(&cfg, |m| eprintln!("{m}"))?;
            for e in log {
                println!("epoch {}: loss {:.4}, valid F1 {:.4}, {:.0}s", e.epoch, e.train_loss, e.valid_f1, e.seconds);
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::TrainRoles { polnear, model, cache, epochs, seed, holdout, holdout_each } => {
            let mut cfg = newsmine::train::roles::RoleTrainConfig::new(polnear, model, cache);
            cfg.epochs = epochs;
            cfg.seed = seed;
            cfg.holdout = holdout;
            cfg.holdout_each = holdout_each;
            for s in newsmine::train::roles::train(&cfg, |m| eprintln!("{m}"))? {
                let c = s.counts;
                println!("held out, {}: P {:.3} R {:.3} F1 {:.3}", s.role, c.precision(), c.recall(), c.f1());
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::TrainCues { polnear, model, epochs, seed, holdout, cache, context } => {
            let mut cfg = newsmine::train::cues::CueTrainConfig::new(polnear, model);
            cfg.epochs = epochs;
            cfg.seed = seed;
            cfg.holdout = holdout;
            cfg.cache = cache;
            cfg.context = context;
            for s in newsmine::train::cues::train(&cfg, |m| eprintln!("{m}"))? {
                println!("held out, threshold {:.1}: P {:.3} R {:.3} F1 {:.3}", s.threshold, s.precision, s.recall, s.f1);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
