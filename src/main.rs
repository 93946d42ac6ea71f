//! The `newsmine` binary: parses arguments ([`cli`]), builds a validated configuration, calls
//! the library, and maps the outcome to an exit code. Nothing else lives here.
//!
//! Exit codes: 0 success; 1 a fatal error (unreadable input path, model or output folder, shard
//! folders that cannot be merged); 2 bad usage (also: an output folder holding an unfinished run
//! without `--resume` or `--force`, `--resume` with other inputs or options, or an output folder
//! another newsmine process is writing); 3 the run finished but some documents failed (see
//! `documents.csv`).

mod cli;

use anyhow::{Context, Result};
use cli::{model_folder, Cli, Command, GoldFormat, HtmlArgs, PrecisionArg};
use newsmine::encoder::ModelError;
use newsmine::export::work::ModelIdentity;
use newsmine::ner::{BertTagger, Tagger};
use newsmine::pipeline::PipelineError;
use newsmine::{bench, eval, merge, pipeline};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// oneDNN keeps one compiled primitive per tensor shape, 1,024 by default, and articles of many
/// lengths make many shapes: uncapped, peak memory grew with the corpus (PolNeAR train: 546 MiB
/// after 84 articles, 769 after 840). 64 bounds it (590 after 840) at the same speed (PolNeAR
/// dev: 8.3 s either way; 0, no cache, took 60% longer). `reports/bench-memory.md` has the
/// table. A value the user sets wins.
const ONEDNN_CACHE_CAPACITY: &str = "64";

fn main() -> ExitCode {
    // Before any thread starts and before libtorch first reads it.
    if std::env::var_os("ONEDNN_PRIMITIVE_CACHE_CAPACITY").is_none() {
        std::env::set_var("ONEDNN_PRIMITIVE_CACHE_CAPACITY", ONEDNN_CACHE_CAPACITY);
    }
    match run(Cli::parse_valid().command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsmine: error: {e:#}");
            // The output folder's state refuses what the command line asked: bad usage.
            let usage = e.downcast_ref::<PipelineError>().is_some_and(PipelineError::is_usage)
                || e.downcast_ref::<merge::MergeError>().is_some_and(merge::MergeError::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// Makes one model per worker from the model folder `model`, its encoder in `precision`.
fn models_of(
    model: PathBuf,
    precision: PrecisionArg,
) -> impl Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync {
    move || Ok(Box::new(BertTagger::load(&model, precision.into())?) as Box<dyn Tagger + Send>)
}

/// Makes one model per worker from the model folder found for `--model` ([`model_folder`]),
/// its encoder in `precision`.
fn models(
    flag: &Option<PathBuf>,
    precision: PrecisionArg,
) -> Result<impl Fn() -> Result<Box<dyn Tagger + Send>, ModelError> + Sync> {
    Ok(models_of(model_folder(flag.as_deref())?, precision))
}

/// The identity of the model folder's files, for the run's fingerprint.
fn identity(model: &Path) -> Result<ModelIdentity> {
    ModelIdentity::of(model).with_context(|| format!("reading the model folder {}", model.display()))
}

/// Warns when more workers than cores are asked for: each holds a model, none runs faster.
fn warn_threads(threads: usize) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > cores {
        eprintln!("newsmine: warning: --threads {threads} is more than the {cores} cores here; each worker loads its own model");
    }
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(args) => {
            warn_threads(args.threads);
            let model = model_folder(args.model.as_deref())?;
            let cfg = args.config(std::io::stderr().is_terminal(), identity(&model)?);
            let summary = pipeline::run(&cfg, models_of(model, args.precision))?;
            if args.html {
                HtmlArgs::write(&args.output, &args.inputs, args.quiet)?;
            }
            args.spreadsheet.apply(&args.output, args.xlsx)?;
            if !args.quiet {
                eprintln!("newsmine: {summary} -> {}", args.output.display());
            }
            Ok(if summary.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
        }
        Command::Merge(args) => {
            let summary = merge::merge(&args.shards, &args.output)?;
            if !args.quiet {
                eprintln!("newsmine: merged {summary} -> {}", args.output.display());
            }
            Ok(if summary.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
        }
        Command::Eval(args) => {
            let pred = || args.pred.as_deref().expect("checked by the CLI");
            let report: eval::Report = match args.gold_format {
                GoldFormat::Conll => {
                    // An explicit folder goes straight to the loader, whose error names the missing file.
                    let model = args.model.clone().map_or_else(|| model_folder(None), Ok)?;
                    let tagger = BertTagger::load(&model, args.precision.into())
                        .with_context(|| format!("--model {}", model.display()))?;
                    eval::eval_conll(&args.gold, |words| tagger.tag_words(words))?.into()
                }
                GoldFormat::Csv => eval::eval_csv(&args.gold, pred(), &args.options())?.into(),
                GoldFormat::Brat if args.speakers => eval::eval_speakers(&args.gold, pred(), &args.options())?.into(),
                GoldFormat::Brat => eval::eval_brat(&args.gold, pred(), &args.options())?.into(),
            };
            print!("{}", report.to_markdown());
            if args.verbose {
                report.verbose_lines().iter().for_each(|line| println!("{line}"));
            }
            if let Some(path) = &args.report {
                eval::write_report(&report, path)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(args) => {
            let rows = bench::bench(&args.inputs, &args.threads, args.repeat, models(&args.model, args.precision)?)?;
            let md = bench::to_markdown(&rows);
            print!("{md}");
            if let Some(path) = &args.report {
                std::fs::write(path, &md).with_context(|| format!("--report {}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Html(args) => HtmlArgs::write(&args.output, &args.inputs, false).map(|()| ExitCode::SUCCESS),
        Command::Xlsx(args) => args.spreadsheet.apply(&args.output, true).map(|()| ExitCode::SUCCESS),
        #[cfg(feature = "train")]
        Command::Train(args) => {
            for e in newsmine::train::ner::train(&args.config(), |m| eprintln!("{m}"))? {
                println!("epoch {}: loss {:.4}, valid F1 {:.4}, {:.0}s", e.epoch, e.train_loss, e.valid_f1, e.seconds);
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::TrainRoles(args) => {
            for s in newsmine::train::roles::train(&args.config(), |m| eprintln!("{m}"))? {
                let c = s.counts;
                println!("held out, {}: P {:.3} R {:.3} F1 {:.3}", s.role, c.precision(), c.recall(), c.f1());
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::TrainCues(args) => {
            for s in newsmine::train::cues::train(&args.config(), |m| eprintln!("{m}"))? {
                println!(
                    "held out, threshold {:.1}: P {:.3} R {:.3} F1 {:.3}",
                    s.threshold, s.precision, s.recall, s.f1
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
