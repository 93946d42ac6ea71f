//! The command line: clap structs with their defaults, and their validation into the
//! library's configuration types. Nothing here does any work; `main.rs` calls the library
//! with what these functions return. Bad usage is reported by clap (exit code 2). The
//! environment is read here and nowhere in the library: `NEWSMINE_MODEL` ([`model_folder`]) and
//! the resume tests' hooks ([`test_hooks`]).

use anyhow::Context;
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use newsmine::encoder::Precision;
use newsmine::export::work::{ModelIdentity, Shard, Start};
use newsmine::paths::{find_model, ModelNotFound, ModelSearch};
use newsmine::{eval, export, pipeline};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(name = "newsmine", version, about = "Quotes, speakers, organizations and figures from news articles, as CSV")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the process arguments; bad usage prints clap's message and exits with code 2.
    pub fn parse_valid() -> Cli {
        let cli = Cli::parse();
        if let Err(e) = cli.validate() {
            e.exit();
        }
        cli
    }

    /// What clap's attributes cannot say.
    fn validate(&self) -> Result<(), clap::Error> {
        if let Command::Eval(a) = &self.command {
            if a.pred.is_none() && !matches!(a.gold_format, GoldFormat::Conll) {
                let msg = "--pred is required with --gold-format csv or brat";
                return Err(Cli::command().error(ErrorKind::MissingRequiredArgument, msg));
            }
            if a.speakers && !matches!(a.gold_format, GoldFormat::Brat) {
                let msg = "--speakers needs --gold-format brat";
                return Err(Cli::command().error(ErrorKind::ArgumentConflict, msg));
            }
        }
        Ok(())
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Extract quotes, speakers, entities, organizations and figures into CSV tables.
    Extract(ExtractArgs),
    /// Merge the folders of `extract --shard K/N` runs (all N shards) into the seven tables.
    Merge(MergeArgs),
    /// Score predictions against gold annotations.
    Eval(EvalArgs),
    /// Measure throughput and peak memory of the whole pipeline.
    Bench(BenchArgs),
    /// Write newsmine.xlsx (one sheet per table) from the tables in an output folder.
    Xlsx(XlsxArgs),
    /// Write the HTML viewer of an output folder (html/index.html, a page per document); the
    /// article texts are read again from the inputs the folder was extracted from.
    Html(HtmlArgs),
    /// Fine-tune the NER model on CoNLL-2003 (see models/README.md).
    #[cfg(feature = "train")]
    Train(TrainArgs),
    /// Fit the attribution-role tagger (cue, content, source per word) on a PolNeAR split
    /// over the NER model's frozen word features; saves role_head.safetensors into the model
    /// folder (see models/README.md).
    #[cfg(feature = "train")]
    TrainRoles(TrainRolesArgs),
    /// Fit the attribution-cue detector on a PolNeAR split over the NER model's frozen
    /// features; saves cue_head.safetensors into the model folder (see models/README.md).
    #[cfg(feature = "train")]
    TrainCues(TrainCuesArgs),
}

/// `--threads`: at least 1 (0 is bad usage).
fn threads(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// The model folder: `--model`, else `NEWSMINE_MODEL`, else `models/ner` in the current folder
/// (a clone), else `../share/newsmine/models/ner` beside the executable (an install).
pub fn model_folder(flag: Option<&Path>) -> Result<PathBuf, ModelNotFound> {
    find_model(&ModelSearch {
        flag: flag.map(Path::to_path_buf),
        env: std::env::var_os("NEWSMINE_MODEL").filter(|v| !v.is_empty()).map(PathBuf::from),
        cwd: PathBuf::new(),
        exe: std::env::current_exe().ok(),
    })
}

/// What to do for spreadsheet programs once the tables are written.
#[derive(clap::Args)]
pub struct SpreadsheetArgs {
    /// Prefix CSV cells that start with =, +, - or @ (and are not numbers) with ' so that
    /// spreadsheet programs do not run them as formulas. The workbook is written first, without it.
    #[arg(long)]
    pub csv_safe: bool,
}

impl SpreadsheetArgs {
    /// Writes the workbook when `xlsx`, then makes the CSV files safe when `--csv-safe`.
    pub fn apply(&self, dir: &Path, xlsx: bool) -> anyhow::Result<()> {
        if xlsx {
            export::xlsx::write_workbook(dir)?;
        }
        if self.csv_safe {
            export::xlsx::csv_safe(dir)?;
        }
        Ok(())
    }
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Folders (read recursively) or .txt/.jsonl/.csv files.
    #[arg(default_value = "seeds")]
    pub inputs: Vec<PathBuf>,
    /// Output folder for the tables.
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Worker threads (each loads its own model, about 100 MB).
    #[arg(long, default_value_t = default_threads(), value_parser = threads)]
    pub threads: usize,
    /// NER model folder [default: NEWSMINE_MODEL, models/ner, or the installed model].
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Number format of the encoder's matrix products (reports/speed-accuracy.md).
    #[arg(long, value_enum, default_value = "auto")]
    pub precision: PrecisionArg,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Skip (with the reason in documents.csv) documents longer than this many characters.
    #[arg(long, default_value_t = pipeline::MAX_DOC_CHARS)]
    pub max_doc_chars: usize,
    /// Fail (with the reason in documents.csv) a document still running after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = pipeline::DOC_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    pub doc_timeout: u64,
    /// A CSV file with the header `alias,canonical`: names to merge in the corpus tables
    /// (organizations.csv), one spelling per row and the name it stands for.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Also write the tables as one Excel workbook, newsmine.xlsx, in the output folder.
    #[arg(long)]
    pub xlsx: bool,
    /// Also write the HTML viewer: html/index.html and a page per document in the output folder.
    #[arg(long)]
    pub html: bool,
    #[command(flatten)]
    pub spreadsheet: SpreadsheetArgs,
    /// Continue the unfinished run in the output folder (same inputs and options); documents
    /// it recorded are not extracted again. Starts a run when there is none.
    #[arg(long, conflicts_with = "force")]
    pub resume: bool,
    /// Discard an unfinished run in the output folder and start over.
    #[arg(long)]
    pub force: bool,
    /// Extract only shard K of N (K from 0 to N-1): the documents whose FNV-1a hash of doc_id,
    /// modulo N, is K. The folder keeps what `newsmine merge` needs.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
}

#[derive(clap::Args)]
pub struct MergeArgs {
    /// The output folders of `extract --shard K/N`, one for each K from 0 to N-1.
    #[arg(required = true)]
    pub shards: Vec<PathBuf>,
    /// Output folder for the merged tables.
    #[arg(short, long)]
    pub output: PathBuf,
    /// No summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Hooks for `tests/resume.rs`, from the environment: `NEWSMINE_TEST_GROUP_SIZE` (documents per
/// part), `NEWSMINE_TEST_ABORT_AFTER_PARTS` (abort the process after writing that many parts) and
/// `NEWSMINE_TEST_ABORT_IN_FINISH` (abort after that many of the final table renames). They
/// stand in for `kill -9` at a chosen point; none changes the tables.
pub fn test_hooks() -> pipeline::TestHooks {
    let number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<usize>().ok());
    pipeline::TestHooks {
        group_size: number("NEWSMINE_TEST_GROUP_SIZE"),
        abort_after_parts: number("NEWSMINE_TEST_ABORT_AFTER_PARTS"),
        abort_after_renames: number("NEWSMINE_TEST_ABORT_IN_FINISH"),
    }
}

#[derive(clap::Args)]
pub struct HtmlArgs {
    /// An output folder of `newsmine extract`.
    pub output: PathBuf,
    /// The inputs it was extracted from (folders or files), for the article texts.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

impl HtmlArgs {
    /// Writes the viewer; says where, and warns about texts or spans that no longer match.
    pub fn write(output: &Path, inputs: &[PathBuf], quiet: bool) -> anyhow::Result<()> {
        let site = export::html::write_site(output, inputs)
            .with_context(|| format!("writing the HTML viewer into {}", output.display()))?;
        if !quiet {
            eprintln!("newsmine: viewer {} ({} pages)", site.index.display(), site.pages);
        }
        if site.missing_texts + site.unmatched_spans > 0 {
            eprintln!(
                "newsmine: warning: {} documents without their text, {} spans that no longer match it",
                site.missing_texts, site.unmatched_spans
            );
        }
        Ok(())
    }
}

#[derive(clap::Args)]
pub struct XlsxArgs {
    /// An output folder of `newsmine extract` (its seven tables).
    #[arg(default_value = "output")]
    pub output: PathBuf,
    #[command(flatten)]
    pub spreadsheet: SpreadsheetArgs,
}

impl ExtractArgs {
    /// The run configuration for the model whose files are `model`; the progress bar shows
    /// only on a terminal and without `--quiet`.
    pub fn config(&self, stderr_is_terminal: bool, model: ModelIdentity) -> pipeline::Config {
        let start = match (self.resume, self.force) {
            (true, _) => Start::Resume,
            (_, true) => Start::Force,
            _ => Start::New,
        };
        pipeline::Config {
            inputs: self.inputs.clone(),
            output_dir: self.output.clone(),
            threads: self.threads,
            progress: !self.quiet && stderr_is_terminal,
            max_doc_chars: self.max_doc_chars,
            doc_timeout: std::time::Duration::from_secs(self.doc_timeout),
            model,
            precision: self.precision.into(),
            shard: self.shard,
            start,
            hooks: test_hooks(),
            aliases: self.aliases.clone(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GoldFormat {
    /// The SCHEMA.md tables with an `optional` column (corpus/gold).
    Csv,
    /// brat standoff attributions, PolNeAR layout (text/, attributions/).
    Brat,
    /// A CoNLL-2003 IOB file; runs the NER model over its sentences.
    Conll,
}

/// `--precision`: the number format of the encoder's matrix products.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PrecisionArg {
    /// mixed where the CPU has bf16 dot products (AVX512-BF16) and AVX2, else fp32.
    Auto,
    /// 32-bit floats everywhere (the reference).
    Fp32,
    /// bfloat16 matrix products (slow on CPUs without bf16 dot products).
    Bf16,
    /// int8 weights and activations (FBGEMM; needs AVX2); fastest, less accurate.
    Int8,
    /// int8 products except each layer's feed-forward output projection, in bf16 (needs AVX2);
    /// as accurate as bf16.
    Mixed,
}

impl From<PrecisionArg> for Precision {
    fn from(p: PrecisionArg) -> Precision {
        match p {
            PrecisionArg::Auto => Precision::Auto,
            PrecisionArg::Fp32 => Precision::Fp32,
            PrecisionArg::Bf16 => Precision::Bf16,
            PrecisionArg::Int8 => Precision::Int8,
            PrecisionArg::Mixed => Precision::Mixed,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum UnitSpanArg {
    /// The words of the unit's rows.
    Parts,
    /// From the first row's start to the last row's end.
    Hull,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold folder (csv, brat) or CoNLL file (conll).
    #[arg(long)]
    pub gold: PathBuf,
    /// Folder with newsmine's tables (csv, brat).
    #[arg(long)]
    pub pred: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "csv")]
    pub gold_format: GoldFormat,
    /// Token-overlap threshold for matching quotes.
    #[arg(long, default_value_t = 0.5)]
    pub overlap: f64,
    /// List misses, extras and wrong speakers.
    #[arg(short, long)]
    pub verbose: bool,
    /// Brat gold: the words a unit folded from several quote rows claims: its rows' words
    /// (`parts`) or everything from its first row to its last, the tag between included
    /// (`hull`).
    #[arg(long, value_enum, default_value = "parts")]
    pub unit_span: UnitSpanArg,
    /// Write the report as Markdown to FILE and as JSON beside it (FILE with .json).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Brat gold: score speaker identity (fullest names, B-cubed clusters of speaker_id, junk
    /// speakers) instead of attributions.
    #[arg(long)]
    pub speakers: bool,
    /// NER model folder (conll) [default: as for extract].
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Number format of the encoder's matrix products (reports/speed-accuracy.md).
    #[arg(long, value_enum, default_value = "auto")]
    pub precision: PrecisionArg,
}

impl EvalArgs {
    pub fn options(&self) -> eval::Options {
        let unit_span = match self.unit_span {
            UnitSpanArg::Parts => eval::UnitSpan::Parts,
            UnitSpanArg::Hull => eval::UnitSpan::Hull,
        };
        eval::Options { overlap_threshold: self.overlap, verbose: self.verbose, unit_span }
    }
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Folders or files to process.
    #[arg(default_value = "seeds")]
    pub inputs: Vec<PathBuf>,
    /// Thread counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,2", value_parser = threads)]
    pub threads: Vec<usize>,
    /// Runs per thread count (the fastest is kept).
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// NER model folder [default: as for extract].
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Number format of the encoder's matrix products (reports/speed-accuracy.md).
    #[arg(long, value_enum, default_value = "auto")]
    pub precision: PrecisionArg,
    /// Write the Markdown table to FILE as well.
    #[arg(long)]
    pub report: Option<PathBuf>,
}

#[cfg(feature = "train")]
#[derive(clap::Args)]
pub struct TrainArgs {
    /// Pre-trained encoder folder (config.json, model.safetensors, tokenizer.json).
    #[arg(long)]
    pub encoder: PathBuf,
    #[arg(long)]
    pub train: PathBuf,
    #[arg(long)]
    pub valid: PathBuf,
    #[arg(long, default_value = "models/ner")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    #[arg(long, default_value_t = 13)]
    pub seed: u64,
    /// Train on the first N sentences only (smoke runs).
    #[arg(long)]
    pub limit: Option<usize>,
}

#[cfg(feature = "train")]
#[derive(clap::Args)]
pub struct TrainRolesArgs {
    /// PolNeAR split folder (text/, attributions/).
    #[arg(long)]
    pub polnear: PathBuf,
    #[arg(long, default_value = "models/ner")]
    pub model: PathBuf,
    /// The split's word features: read when the file exists, else computed (the NER
    /// forward pass over the split) and written there; `train-cues --cache` shares it.
    #[arg(long)]
    pub cache: PathBuf,
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    #[arg(long, default_value_t = 13)]
    pub seed: u64,
    /// Hold the last N articles out and report word scores on them.
    #[arg(long, default_value_t = 0)]
    pub holdout: usize,
    /// Hold the last N articles of each source out instead (`nyt_…`, `breitbart_…`).
    #[arg(long, default_value_t = 0)]
    pub holdout_each: usize,
}

#[cfg(feature = "train")]
#[derive(clap::Args)]
pub struct TrainCuesArgs {
    /// PolNeAR split folder (text/, attributions/).
    #[arg(long)]
    pub polnear: PathBuf,
    #[arg(long, default_value = "models/ner")]
    pub model: PathBuf,
    #[arg(long, default_value_t = 4)]
    pub epochs: usize,
    #[arg(long, default_value_t = 13)]
    pub seed: u64,
    /// Hold the last N articles out and report word scores on them.
    #[arg(long, default_value_t = 0)]
    pub holdout: usize,
    /// Keep the split's word features in FILE and reuse them on the next run.
    #[arg(long)]
    pub cache: Option<PathBuf>,
    /// Give the head each word's neighbours' features too.
    #[arg(long)]
    pub context: bool,
}

#[cfg(feature = "train")]
impl TrainArgs {
    pub fn config(&self) -> newsmine::train::ner::TrainConfig {
        let mut cfg = newsmine::train::ner::TrainConfig::new(
            self.encoder.clone(),
            self.train.clone(),
            self.valid.clone(),
            self.out.clone(),
        );
        (cfg.epochs, cfg.seed, cfg.limit) = (self.epochs, self.seed, self.limit);
        cfg
    }
}

#[cfg(feature = "train")]
impl TrainRolesArgs {
    pub fn config(&self) -> newsmine::train::roles::RoleTrainConfig {
        let mut cfg =
            newsmine::train::roles::RoleTrainConfig::new(self.polnear.clone(), self.model.clone(), self.cache.clone());
        (cfg.epochs, cfg.seed, cfg.holdout, cfg.holdout_each) =
            (self.epochs, self.seed, self.holdout, self.holdout_each);
        cfg
    }
}

#[cfg(feature = "train")]
impl TrainCuesArgs {
    pub fn config(&self) -> newsmine::train::cues::CueTrainConfig {
        let mut cfg = newsmine::train::cues::CueTrainConfig::new(self.polnear.clone(), self.model.clone());
        (cfg.epochs, cfg.seed, cfg.holdout, cfg.context) = (self.epochs, self.seed, self.holdout, self.context);
        cfg.cache = self.cache.clone();
        cfg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("newsmine").chain(args.iter().copied()))?;
        cli.validate().map(|()| cli)
    }

    #[test]
    fn extract_defaults_and_threads_validation() {
        let Command::Extract(a) = parse(&["extract"]).unwrap().command else { panic!("extract") };
        assert_eq!((a.inputs, a.output, a.model), (vec![PathBuf::from("seeds")], PathBuf::from("output"), None));
        assert!(!a.xlsx && !a.spreadsheet.csv_safe);
        assert!(a.threads >= 1);
        let e = parse(&["extract", "--threads", "0"]).err().expect("--threads 0 is refused");
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("at least 1"), "{e}");
        let Command::Extract(a) = parse(&["extract", "--threads", "3", "--quiet", "x"]).unwrap().command else {
            panic!()
        };
        let cfg = a.config(true, ModelIdentity::default());
        assert_eq!((cfg.threads, cfg.progress, cfg.inputs), (3, false, vec![PathBuf::from("x")]));
        assert_eq!(cfg.doc_timeout, pipeline::DOC_TIMEOUT);
        assert_eq!((cfg.shard, cfg.start), (None, Start::New));
    }

    #[test]
    fn resume_force_and_shard() {
        let config = |args: &[&str]| {
            let Command::Extract(a) = parse(args).unwrap().command else { panic!() };
            a.config(false, ModelIdentity::default())
        };
        assert_eq!(config(&["extract", "--resume"]).start, Start::Resume);
        assert_eq!(config(&["extract", "--force"]).start, Start::Force);
        let e = parse(&["extract", "--resume", "--force"]).err().expect("refused");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(config(&["extract", "--shard", "2/7"]).shard, Some(Shard { index: 2, count: 7 }));
        for bad in ["7/7", "0/0", "1", "a/2", "-1/2"] {
            let e = parse(&["extract", "--shard", bad]).err().unwrap_or_else(|| panic!("{bad} refused"));
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
        let Command::Merge(m) = parse(&["merge", "a", "b", "-o", "out"]).unwrap().command else { panic!() };
        assert_eq!((m.shards.len(), m.output), (2, PathBuf::from("out")));
        assert_eq!(parse(&["merge", "-o", "out"]).err().map(|e| e.exit_code()), Some(2));
        assert_eq!(parse(&["merge", "a"]).err().map(|e| e.exit_code()), Some(2));
    }

    #[test]
    fn doc_timeout_is_whole_seconds_from_one() {
        let Command::Extract(a) = parse(&["extract", "--doc-timeout", "5"]).unwrap().command else { panic!() };
        assert_eq!(a.config(false, ModelIdentity::default()).doc_timeout, std::time::Duration::from_secs(5));
        for bad in ["0", "-1", "1.5"] {
            let e = parse(&["extract", "--doc-timeout", bad]).err().expect("refused");
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn eval_needs_pred_for_table_gold_only() {
        assert_eq!(parse(&["eval", "--gold", "g"]).err().map(|e| e.exit_code()), Some(2));
        assert!(parse(&["eval", "--gold", "g", "--gold-format", "conll"]).is_ok());
        let Command::Eval(a) = parse(&["eval", "--gold", "g", "--pred", "p", "--unit-span", "hull"]).unwrap().command
        else {
            panic!()
        };
        let o = a.options();
        assert_eq!((o.overlap_threshold, o.unit_span), (0.5, eval::UnitSpan::Hull));
    }

    #[test]
    fn precision_is_auto_unless_named() {
        let Command::Extract(a) = parse(&["extract"]).unwrap().command else { panic!() };
        assert_eq!(Precision::from(a.precision), Precision::Auto);
        for (name, want) in [
            ("fp32", Precision::Fp32),
            ("bf16", Precision::Bf16),
            ("int8", Precision::Int8),
            ("mixed", Precision::Mixed),
        ] {
            let Command::Extract(a) = parse(&["extract", "--precision", name]).unwrap().command else { panic!() };
            assert_eq!(Precision::from(a.precision), want);
            let Command::Bench(b) = parse(&["bench", "--precision", name]).unwrap().command else { panic!() };
            assert_eq!(Precision::from(b.precision), want);
            let args = ["eval", "--gold", "g", "--gold-format", "conll", "--precision", name];
            let Command::Eval(e) = parse(&args).unwrap().command else { panic!() };
            assert_eq!(Precision::from(e.precision), want);
        }
        for bad in ["fp16", "BF16", ""] {
            let e = parse(&["extract", "--precision", bad]).err().expect("refused");
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn speakers_scoring_needs_brat_gold() {
        let e = parse(&["eval", "--gold", "g", "--pred", "p", "--speakers"]).err().expect("refused");
        assert_eq!(e.exit_code(), 2);
        let ok = parse(&["eval", "--gold", "g", "--pred", "p", "--gold-format", "brat", "--speakers"]).unwrap();
        assert!(matches!(ok.command, Command::Eval(EvalArgs { speakers: true, .. })));
    }

    #[test]
    fn spreadsheet_flags() {
        let Command::Extract(a) = parse(&["extract", "--xlsx", "--csv-safe", "--model", "m"]).unwrap().command else {
            panic!()
        };
        assert_eq!((a.xlsx, a.spreadsheet.csv_safe, a.model), (true, true, Some(PathBuf::from("m"))));
        let Command::Xlsx(a) = parse(&["xlsx"]).unwrap().command else { panic!() };
        assert_eq!((a.output, a.spreadsheet.csv_safe), (PathBuf::from("output"), false));
        let Command::Xlsx(a) = parse(&["xlsx", "out", "--csv-safe"]).unwrap().command else { panic!() };
        assert_eq!((a.output, a.spreadsheet.csv_safe), (PathBuf::from("out"), true));
    }

    #[test]
    fn an_explicit_model_folder_is_the_only_place_tried() {
        let err = model_folder(Some(Path::new("/nope"))).unwrap_err();
        assert_eq!(err.tried, vec![(PathBuf::from("/nope"), "--model")]);
    }

    #[test]
    fn bench_thread_lists_are_validated() {
        let Command::Bench(a) = parse(&["bench"]).unwrap().command else { panic!() };
        assert_eq!(a.threads, vec![1, 2]);
        assert_eq!(parse(&["bench", "--threads", "1,0"]).err().map(|e| e.exit_code()), Some(2));
    }
}
