//! Fuzzing on the stable toolchain: long-running property tests over `pipeline::process` (NER
//! replaced by a fixed name list, so no model is needed) and over `corpus::read_inputs`.
//!
//! Each target draws cases until its time budget is spent, in batches of [`BATCH`] cases with
//! seeds `SEED`, `SEED + 1`, …; a failing case is shrunk by proptest and reported with its seed
//! and the minimal input, which then becomes a plain `#[test]` (`regression_*`, at the end).
//!
//! - `NEWSMINE_FUZZ_SECONDS`: the budget of each target (default 2 s, so the suite stays short);
//!   the long run is recorded in `reports/fuzz.md` with its command.
//! - `NEWSMINE_FUZZ_SEED`: the first seed (default: from the clock, named in any failure).
//! - `NEWSMINE_FUZZ_HANG_SECONDS`: a case running longer than this is a hang: the watchdog
//!   writes its input under the cargo target's `tmp/` folder and aborts (default 60 s).
//!
//! What is checked, for every input: no panic; every document read or processed keeps its
//! status within what the documentation promises; every span of every row (entities, quotes with
//! their speaker, cue and clause, attributions, figures) lies within the text in code points and
//! slices it to the row's surface; rows are sorted; the reader never gives two documents one
//! `doc_id`.

use newsmine::corpus::{read_inputs, Document};
use newsmine::doc::EntityLabel;
use newsmine::export::DocRows;
use newsmine::labels::DocStatus;
use newsmine::ner::ListTagger;
use newsmine::pipeline::process;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseResult, TestError, TestRunner};
use std::collections::{HashMap, HashSet};
use std::fmt::Debug;
use std::sync::{Mutex, OnceLock};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// Cases per proptest runner; a new runner (and seed) per batch.
const BATCH: u32 = 32;

/// Documents processed on this thread (so per target), and how many had entities, quotes
/// (or attributions), figures: evidence that the inputs reach the extractors.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Reached {
    docs: u64,
    entities: u64,
    quotes: u64,
    figures: u64,
}

thread_local! {
    static REACHED: std::cell::Cell<Reached> = const { std::cell::Cell::new(Reached { docs: 0, entities: 0, quotes: 0, figures: 0 }) };
}

fn env_f64(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Per fuzzing thread: its target, when its current case started, and the case's input.
type Running = Mutex<HashMap<ThreadId, (&'static str, Instant, String)>>;

/// The case each fuzzing thread is running, and since when: what the watchdog checks.
fn running() -> &'static Running {
    static RUNNING: OnceLock<Running> = OnceLock::new();
    RUNNING.get_or_init(|| {
        let hang = Duration::from_secs_f64(env_f64("NEWSMINE_FUZZ_HANG_SECONDS", 60.0));
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let running = running().lock().unwrap_or_else(|e| e.into_inner());
            if let Some((target, _, input)) = running.values().find(|(_, since, _)| since.elapsed() > hang) {
                // A hang cannot be unwound from another thread: keep the input, then stop.
                let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-hang-{target}.txt"));
                let _ = std::fs::write(&path, input);
                eprintln!("fuzz {target}: a case ran longer than {hang:?}; its input is in {}", path.display());
                std::process::abort();
            }
        });
        Mutex::new(HashMap::new())
    })
}

/// Runs `test` on one case under the watchdog.
fn watched<T: Debug>(target: &'static str, value: &T, test: impl FnOnce() -> TestCaseResult) -> TestCaseResult {
    let id = std::thread::current().id();
    running().lock().unwrap_or_else(|e| e.into_inner()).insert(id, (target, Instant::now(), format!("{value:?}")));
    let result = test();
    running().lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    result
}

/// Draws cases from `strategy` until the budget is spent; panics with the shrunk input on the
/// first failure. Returns how many cases ran and what the documents reached.
fn fuzz<S>(target: &'static str, strategy: S, test: impl Fn(&S::Value) -> TestCaseResult) -> (u64, Reached)
where
    S: Strategy,
    S::Value: Debug,
{
    let budget = Duration::from_secs_f64(env_f64("NEWSMINE_FUZZ_SECONDS", 2.0));
    let seed = std::env::var("NEWSMINE_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    REACHED.set(Reached::default());
    let started = Instant::now();
    let (mut cases, mut batch) = (0u64, 0u64);
    while batch == 0 || started.elapsed() < budget {
        let config = Config {
            cases: BATCH,
            rng_seed: RngSeed::Fixed(seed.wrapping_add(batch)),
            failure_persistence: None,
            max_shrink_iters: 20_000,
            max_shrink_time: 120_000,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        match runner.run(&strategy, |v| watched(target, &v, || test(&v))) {
            Ok(()) => {}
            Err(TestError::Fail(reason, value)) => {
                panic!("fuzz {target}: seed {} failed: {reason}\nminimal input: {value:?}", seed.wrapping_add(batch))
            }
            Err(TestError::Abort(reason)) => {
                panic!("fuzz {target}: seed {} aborted: {reason}", seed.wrapping_add(batch))
            }
        }
        cases += u64::from(BATCH);
        batch += 1;
    }
    // One line for the long run's record (reports/fuzz.md); the assertions are above.
    let reached = REACHED.get();
    eprintln!(
        "fuzz {target}: {cases} cases in {:.1} s, first seed {seed}; {reached:?}",
        started.elapsed().as_secs_f64()
    );
    (cases, reached)
}

// ---------------------------------------------------------------------------------------------
// The checks

fn tagger() -> ListTagger {
    let names = [
        ("Bukele", EntityLabel::Person),
        ("Nayib Bukele", EntityLabel::Person),
        ("Smith", EntityLabel::Person),
        ("U.S.", EntityLabel::Loc),
        ("Reuters", EntityLabel::Org),
        ("Café Ñandú", EntityLabel::Org),
        ("é", EntityLabel::Misc),
    ];
    ListTagger { names: names.iter().map(|(n, l)| (n.to_string(), *l)).collect() }
}

fn document(text: &str) -> Document {
    Document { doc_id: "fuzz".into(), source: "fuzz".into(), title: None, date: None, body: Ok(text.to_string()) }
}

/// `start..end` (code points) lies within `chars` and slices it to `surface`.
fn slices(chars: &[char], start: usize, end: usize, surface: &str, what: &str) -> TestCaseResult {
    prop_assert!(start <= end && end <= chars.len(), "{what} {start}..{end} outside 0..{}", chars.len());
    prop_assert_eq!(chars[start..end].iter().collect::<String>(), surface, "{} {}..{}", what, start, end);
    Ok(())
}

/// Optional offsets come together and slice the text to `surface` (`""` when absent).
fn slices_opt(chars: &[char], start: Option<usize>, end: Option<usize>, surface: &str, what: &str) -> TestCaseResult {
    match (start, end) {
        (Some(s), Some(e)) => slices(chars, s, e, surface, what),
        (None, None) => {
            prop_assert_eq!(surface, "", "{} has text but no offsets", what);
            Ok(())
        }
        _ => Err(TestCaseError::fail(format!("{what}: one offset without the other: {start:?}..{end:?}"))),
    }
}

fn sorted<T, K: Ord + Debug>(rows: &[T], key: impl Fn(&T) -> K, what: &str) -> TestCaseResult {
    for pair in rows.windows(2) {
        prop_assert!(
            key(&pair[0]) <= key(&pair[1]),
            "{what} out of order: {:?} before {:?}",
            key(&pair[0]),
            key(&pair[1])
        );
    }
    Ok(())
}

/// Every invariant of one processed document whose body was `text`.
fn check_rows(text: &str, out: &DocRows) -> TestCaseResult {
    let mut r = REACHED.get();
    r.docs += 1;
    r.entities += u64::from(!out.entities.is_empty());
    r.quotes += u64::from(!out.quotes.is_empty() || !out.attributions.is_empty());
    r.figures += u64::from(!out.figures.is_empty());
    REACHED.set(r);
    let chars: Vec<char> = text.chars().collect();
    prop_assert!(matches!(out.document.status, DocStatus::Ok | DocStatus::Skipped), "{:?}", out.document);
    prop_assert_eq!(out.document.chars, chars.len());
    for e in &out.entities {
        slices(&chars, e.start, e.end, &e.text, "entity")?;
    }
    sorted(&out.entities, |e| e.start, "entities")?;
    for q in out.quotes.iter().chain(&out.attributions) {
        slices(&chars, q.start, q.end, &q.quote, "quote")?;
        slices(&chars, q.clause_start, q.clause_end, &q.clause, "clause")?;
        slices_opt(&chars, q.speaker_start, q.speaker_end, &q.speaker_mention, "speaker")?;
        slices_opt(&chars, q.cue_start, q.cue_end, &q.cue, "cue")?;
    }
    sorted(&out.quotes, |q| (q.start, q.end), "quotes")?;
    sorted(&out.attributions, |q| (q.start, q.end), "attributions")?;
    prop_assert_eq!(out.speakers.len(), out.quotes.len());
    for (q, s) in out.quotes.iter().zip(&out.speakers) {
        prop_assert_eq!(&q.speaker_mention, &s.mention);
    }
    for f in &out.figures {
        slices(&chars, f.start, f.end, &f.text, "figure")?;
    }
    sorted(&out.figures, |f| f.start, "figures")?;
    if out.document.status == DocStatus::Ok {
        let d = &out.document;
        prop_assert_eq!(
            (d.entities, d.quotes, d.attributions, d.figures),
            (out.entities.len(), out.quotes.len(), out.attributions.len(), out.figures.len())
        );
    }
    Ok(())
}

fn check_process(text: &str) -> TestCaseResult {
    check_rows(text, &process(&document(text), &mut tagger()))
}

/// Files to write into a folder: relative path and bytes (shown as text where they are UTF-8,
/// so a shrunk case can be pasted into a test).
#[derive(Clone)]
struct Files(Vec<(String, Vec<u8>)>);

impl Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut list = f.debug_list();
        for (path, bytes) in &self.0 {
            match std::str::from_utf8(bytes) {
                Ok(text) => list.entry(&(path, text)),
                Err(_) => list.entry(&(path, bytes)),
            };
        }
        list.finish()
    }
}

/// Every document read from `files` written into a fresh folder.
fn check_read(files: &Files) -> TestCaseResult {
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (path, bytes) in &files.0 {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let docs = read_inputs(&[dir.path().to_path_buf()]);
    let docs = docs.map_err(|e| TestCaseError::fail(format!("read_inputs failed on a folder: {e}")))?;
    let mut ids = HashSet::new();
    for doc in &docs {
        prop_assert!(ids.insert(doc.doc_id.as_str()), "doc_id {:?} twice", doc.doc_id);
        prop_assert!(!doc.doc_id.chars().any(char::is_control), "doc_id {:?} has control characters", doc.doc_id);
        let out = process(doc, &mut tagger());
        match &doc.body {
            Ok(text) => check_rows(text, &out)?,
            Err(_) => prop_assert_eq!(out.document.status, DocStatus::Failed),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The inputs

/// Arbitrary bytes decoded lossily, or arbitrary code points.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        prop::collection::vec(any::<char>(), 0..600).prop_map(|c| c.into_iter().collect()),
        any::<String>(),
    ]
}

const MARKS: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "`", "``", "''", "—", "–", "-", "--", "―",
    ":", ";", "…", "...", ". ", "? ", "! ", ", ", "(", ")", "[", "]",
];
const SPACES: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{a0}", "\u{202f}", "\u{2009}", "\u{200b}", "\u{feff}",
    "\u{2028}",
];
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "warned",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "that",
    "the",
    "a",
    "of",
    "spokesman",
    "minister",
    "Mr.",
    "Dr.",
    "Mrs",
    "President",
    "Bukele",
    "Nayib Bukele",
    "Smith",
    "U.S.",
    "Reuters",
    "Café Ñandú",
    "said that",
    "told reporters",
    "in a statement",
    "quoted as saying",
    "The",
    "It",
    "We",
    "I",
];
const FIGURES: &[&str] = &[
    "$6mn",
    "$6 million",
    "€6m",
    "£1.2bn",
    "¥300",
    "₹40 lakh",
    "US$5",
    "5 dollars",
    "12%",
    "12 per cent",
    "-3.5%",
    "40 km",
    "40km/h",
    "10 mph",
    "3 kg",
    "-5°C",
    "1,000,000",
    "1.000.000,5",
    "½",
    "3½",
    "1e9",
    "0.0001",
    "more than 250",
    "about 40",
    "nearly half",
    "two-thirds",
    "2024",
    "1990s",
    "Jan. 5",
    "5:30 p.m.",
    "#1",
    "No. 10",
    "+44 20 7946 0958",
    "10-15%",
    "$",
    "%",
    "€",
    "£",
    "million",
    "bn",
];
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<br/>",
    "<a href=\"https://x.com/a?b=1&c=“2”\">",
    "</a>",
    "<b>",
    "</b>",
    "&amp;",
    "&nbsp;",
    "&#8220;",
    "&quot;",
    "<!-- “ -->",
    "<script>var a = \"x\";</script>",
    "https://example.com/path?q=1#f",
    "www.example.org",
    "user@example.com",
    "**",
    "_",
    "# ",
    "> ",
    "* ",
    "| a | b |",
];
const ODD: &[&str] = &[
    "👍🏽",
    "👨‍👩‍👧",
    "🇺🇸",
    "e\u{301}",
    "\u{301}",
    "\u{300}\u{301}\u{302}",
    "Ω",
    "ß",
    "ﬁ",
    "İ",
    "\u{202e}",
    "\u{200d}",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "𝔘𝔫𝔦",
    "中文",
    "عربى",
    "é",
    "ÉTÉ",
];

/// One piece of an article: a mark, a space, a word, a figure, markup, an odd character, a
/// random word or number, a long word, or a run of quotation marks.
fn piece() -> impl Strategy<Value = String> {
    let pick = |list: &'static [&'static str]| prop::sample::select(list).prop_map(str::to_string);
    prop_oneof![
        4 => pick(MARKS),
        6 => pick(SPACES),
        6 => pick(WORDS),
        3 => pick(FIGURES),
        2 => pick(MARKUP),
        2 => pick(ODD),
        4 => "[A-Z]?[a-z]{1,10}",
        2 => "[0-9]{1,12}([.,][0-9]{1,4})?",
        1 => (prop::sample::select(&["a", "é", "—", "“", "x1", "👍"][..]), 1..3000usize).prop_map(|(w, n)| w.repeat(n)),
        1 => (prop::sample::select(&["“", "”", "\"", "'", "’", "«", "»", "—"][..]), 2..40usize).prop_map(|(m, n)| m.repeat(n)),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A well-formed quotation in one of the shapes the extractor knows, with random words inside.
fn sentence() -> impl Strategy<Value = String> {
    let words = prop::collection::vec(piece(), 1..12).prop_map(|p| p.join(" "));
    let who = prop::sample::select(&["Bukele", "Nayib Bukele", "Smith", "he", "she", "a spokesman", "Reuters"][..]);
    let open = prop::sample::select(&[("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("'", "'")][..]);
    (words, who, open, 0..6usize).prop_map(|(w, who, (o, c), shape)| match shape {
        0 => format!("{o}{w},{c} {who} said."),
        1 => format!("{who} said: {o}{w}.{c}"),
        2 => format!("{who} said that {w}."),
        3 => format!("According to {who}, {w}."),
        4 => format!("{o}{w}{c} — {who}"),
        _ => format!("{o}{w},{c} said {who}, {o}{w}.{c}"),
    })
}

/// Paragraphs of pieces and quotations.
fn article() -> impl Strategy<Value = String> {
    let paragraph = prop::collection::vec(prop_oneof![3 => piece(), 1 => sentence()], 0..40).prop_map(|p| p.concat());
    (prop::collection::vec(paragraph, 1..6), prop::sample::select(&["\n\n", "\n", " ", "\r\n\r\n", ""][..]))
        .prop_map(|(ps, sep)| ps.join(sep))
}

/// A JSON value for a record's field: strings from a small pool (so ids repeat, and collide with
/// the names `ID~2` the reader gives repeats), numbers, other types, or arbitrary text.
fn json_field() -> impl Strategy<Value = Option<serde_json::Value>> {
    use serde_json::Value;
    let pool = &["a", "a~2", "a~3", "x", "sub/x", "1", "", " ", "a\u{1}", "a\nb", "“Hi,” he said.", "é"][..];
    prop_oneof![
        4 => prop::sample::select(pool).prop_map(|s| Some(Value::from(s))),
        1 => Just(None),
        1 => Just(Some(Value::Null)),
        1 => (0u32..3).prop_map(|n| Some(Value::from(n))),
        1 => Just(Some(Value::from(1.5))),
        1 => Just(Some(serde_json::json!(["a"]))),
        1 => Just(Some(Value::from("y".repeat(600)))),
        2 => arbitrary_text().prop_map(|s| Some(Value::from(s))),
    ]
}

fn jsonl() -> impl Strategy<Value = Vec<u8>> {
    let record = (json_field(), json_field(), json_field(), json_field()).prop_map(|(id, text, title, date)| {
        let mut m = serde_json::Map::new();
        for (k, v) in [("id", id), ("text", text), ("title", title), ("date", date)] {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        }
        serde_json::Value::Object(m).to_string()
    });
    let line = prop_oneof![
        6 => record,
        1 => Just(String::new()),
        1 => Just("{".to_string()),
        1 => Just("[1,2]".to_string()),
        1 => arbitrary_text(),
    ];
    (prop::collection::vec(line, 0..8), prop::sample::select(&["\n", "\r\n"][..]), any::<bool>())
        .prop_map(|(lines, nl, last)| (lines.join(nl) + if last { nl } else { "" }).into_bytes())
}

fn csv_text() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::sample::select(
        &["id,text", "ID , Text,title", "\u{feff}id,text,date", "text,id", "text", "", "id,id,text"][..],
    );
    let field = prop_oneof![
        prop::sample::select(
            &["a", "a~2", "x", "", "\"a\"", "\"“Hi,” he said.\"", "\"a\nb\"", "\"a\"\"b\"", "\"open", "é"][..]
        )
        .prop_map(str::to_string),
        arbitrary_text(),
    ];
    let row = prop::collection::vec(field, 0..4).prop_map(|f| f.join(","));
    (header, prop::collection::vec(row, 0..6)).prop_map(|(h, rows)| {
        let mut s = h.to_string();
        for r in rows {
            s.push('\n');
            s.push_str(&r);
        }
        s.into_bytes()
    })
}

/// File contents: arbitrary bytes, or structured records and articles in UTF-8 (with or
/// without a byte-order mark) or UTF-16 with one.
fn contents() -> impl Strategy<Value = Vec<u8>> {
    let text = prop_oneof![jsonl(), csv_text(), article().prop_map(String::into_bytes)];
    let encoded = (text, 0..5u8).prop_map(|(bytes, enc)| {
        let s = String::from_utf8_lossy(&bytes).into_owned();
        match enc {
            0 => [&[0xEF, 0xBB, 0xBF][..], &bytes].concat(),
            1 => [0xFF, 0xFE].into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            2 => [0xFE, 0xFF].into_iter().chain(s.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
            _ => bytes,
        }
    });
    prop_oneof![3 => encoded, 1 => prop::collection::vec(any::<u8>(), 0..600)]
}

/// A few files with colliding names in a folder and a subfolder.
fn files() -> impl Strategy<Value = Files> {
    let name = prop::sample::select(&["x", "a", "a~2", "X", "1", "sub/x", "sub/a", "é"][..]);
    let ext = prop::sample::select(&["jsonl", "csv", "txt", "TXT", "md", "text", "json"][..]);
    prop::collection::vec((name, ext, contents()), 1..5)
        .prop_map(|files| Files(files.into_iter().map(|(n, e, c)| (format!("{n}.{e}"), c)).collect()))
}

// ---------------------------------------------------------------------------------------------
// The targets

#[test]
fn fuzz_process_arbitrary_text() {
    let (cases, reached) = fuzz("process_arbitrary", arbitrary_text(), |t| check_process(t));
    assert!(cases >= u64::from(BATCH) && reached.docs >= cases, "{cases} {reached:?}");
}

#[test]
fn fuzz_process_articles() {
    let (cases, reached) = fuzz("process_articles", article(), |t| check_process(t));
    // The article-like inputs must reach every extractor, or the target tests little.
    assert!(cases >= u64::from(BATCH) && reached.docs >= cases, "{cases} {reached:?}");
    assert!(reached.entities > 0 && reached.quotes > 0 && reached.figures > 0, "{reached:?}");
}

#[test]
fn fuzz_read_inputs() {
    let (cases, reached) = fuzz("read_inputs", files(), check_read);
    assert!(cases >= u64::from(BATCH) && reached.docs > 0, "{cases} {reached:?}");
}

// ---------------------------------------------------------------------------------------------
// What the fuzzing found, shrunk, as plain tests

/// `read_inputs` renamed the repeated `a` to `a~2`, the id of the record before it (fixed in
/// `corpus::check_ids`).
#[test]
fn regression_renamed_repeat_collided_with_a_given_id() {
    let files = Files(vec![
        ("a.txt".into(), b"Text.".to_vec()),
        ("x.jsonl".into(), b"{\"id\":\"a~2\",\"text\":\"a\"}\n{\"id\":\"a\",\"text\":\"b\"}\n".to_vec()),
    ]);
    check_read(&files).unwrap();
}
