//! The HTML viewer over the seed run (the committed `output/` tables and the `seeds/` texts: no
//! model needed) plus a hostile record (id `../../etc/evil`, a `<script>` in its text and
//! title, overlapping quote, entity and figure), checked as files and then in a real headless
//! browser: the marks are in the rendered DOM, the viewer's own script ran under the page's
//! Content-Security-Policy, and the article's script did not.
//!
//! The browser test needs Chromium (Debian: `apt-get install chromium`) and skips with a reason
//! without it. With `NEWSMINE_VIEWER_SCREENSHOT=docs/viewer.png` it also saves the screenshot of
//! a seed page it takes there (how `docs/viewer.png` was made).

use newsmine::export::html::{page_name, write_site, Site};
use newsmine::export::{write_table, DocumentRow, EntityRow, FigureRow, QuoteRow, TABLES};
use newsmine::labels::{DocStatus, EntityLabel, FigureKind, QuoteKind, SpeakerType};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EVIL_ID: &str = "../../etc/evil";
const EVIL_TEXT: &str = "<script>document.title='pwned'</script> Ann Lee said \"we paid €6 million <b>now</b>\".";
/// A seed page with every quote kind and stances.
const SEED_ALL_KINDS: &str = "000_539f1dc83d85f2f8";
/// The seed page of the screenshot: its first screen has direct and indirect quotes and stances.
const SEED_SHOWN: &str = "001_30939fdfa42b0bd1";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read<T: serde::de::DeserializeOwned>(dir: &Path, name: &str) -> Vec<T> {
    let mut reader = csv::Reader::from_path(dir.join(name)).unwrap();
    reader.deserialize().map(Result::unwrap).collect()
}

/// Code point offset of `needle` in `text`.
fn at(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

/// The seed tables with the hostile record's rows added, its JSONL input, and the site over
/// both: (temporary root, output folder, what `write_site` returned).
fn build_site() -> (tempfile::TempDir, PathBuf, Site) {
    let root = tempfile::tempdir().unwrap();
    let (out, inputs) = (root.path().join("a/b/out"), root.path().join("a/b/in"));
    std::fs::create_dir_all(&out).unwrap();
    std::fs::create_dir_all(&inputs).unwrap();
    let record = serde_json::json!({ "id": EVIL_ID, "text": EVIL_TEXT });
    std::fs::write(inputs.join("evil.jsonl"), format!("{record}\n")).unwrap();
    for table in TABLES {
        std::fs::copy(repo().join("output").join(table), out.join(table)).unwrap();
    }
    let mut documents: Vec<DocumentRow> = read(&out, "documents.csv");
    documents.push(DocumentRow {
        doc_id: EVIL_ID.into(),
        source: "evil.jsonl:1".into(),
        title: "<img src=x onerror=\"document.title='pwned'\">".into(),
        status: DocStatus::Ok,
        quotes: 1,
        entities: 2,
        figures: 1,
        ..Default::default()
    });
    let quote = "we paid €6 million <b>now</b>";
    let mut quotes: Vec<QuoteRow> = read(&out, "quotes.csv");
    quotes.push(QuoteRow {
        doc_id: EVIL_ID.into(),
        quote_id: "q001".into(),
        speaker: "Ann Lee".into(),
        speaker_type: SpeakerType::Person,
        speaker_mention: "Ann Lee".into(),
        speaker_start: Some(at(EVIL_TEXT, "Ann")),
        speaker_end: Some(at(EVIL_TEXT, "Ann") + 7),
        cue: "said".into(),
        cue_start: Some(at(EVIL_TEXT, "said")),
        cue_end: Some(at(EVIL_TEXT, "said") + 4),
        kind: QuoteKind::Direct,
        quote: quote.into(),
        start: at(EVIL_TEXT, quote),
        end: at(EVIL_TEXT, quote) + quote.chars().count(),
        confidence: "0.900".into(),
        ..Default::default()
    });
    let mut entities: Vec<EntityRow> = read(&out, "entities.csv");
    let entity = |text: &str, label| EntityRow {
        doc_id: EVIL_ID.into(),
        entity_id: "e001".into(),
        text: text.into(),
        label,
        canonical: text.into(),
        start: at(EVIL_TEXT, text),
        end: at(EVIL_TEXT, text) + text.chars().count(),
        score: "0.990".into(),
    };
    // Crosses the quote's start: the marks cannot nest as spans.
    entities.extend([entity("Ann Lee", EntityLabel::Person), entity("\"we paid", EntityLabel::Misc)]);
    let mut figures: Vec<FigureRow> = read(&out, "figures.csv");
    figures.push(FigureRow {
        doc_id: EVIL_ID.into(),
        figure_id: "f001".into(),
        text: "€6 million".into(),
        value: "6000000".into(),
        unit: "EUR".into(),
        kind: FigureKind::Money,
        start: at(EVIL_TEXT, "€6"),
        end: at(EVIL_TEXT, "€6") + 10,
        ..Default::default()
    });
    write_table(&out, "documents.csv", &documents).unwrap();
    write_table(&out, "quotes.csv", &quotes).unwrap();
    write_table(&out, "entities.csv", &entities).unwrap();
    write_table(&out, "figures.csv", &figures).unwrap();
    let site = write_site(&out, &[repo().join("seeds"), inputs]).unwrap();
    (root, out, site)
}

fn page(out: &Path, doc_id: &str) -> String {
    std::fs::read_to_string(out.join("html").join(page_name(doc_id))).unwrap()
}

#[test]
fn the_site_has_a_page_per_document_with_every_row_marked() {
    let (_root, out, site) = build_site();
    assert_eq!(
        site,
        Site { index: out.join("html/index.html"), pages: 6, missing_texts: 0, unmatched_spans: 0 },
        "every span of the seed tables matches the seed texts"
    );
    let documents: Vec<DocumentRow> = read(&out, "documents.csv");
    let index = std::fs::read_to_string(&site.index).unwrap();
    for d in &documents {
        assert!(index.contains(&format!("<a href=\"{}\">", page_name(&d.doc_id))), "{}", d.doc_id);
        let html = page(&out, &d.doc_id);
        // One anchor per quote and stance, numbered in table order.
        let anchors = d.quotes + d.attributions;
        assert_eq!(html.matches("<a class=\"anchor\"").count(), anchors, "{}", d.doc_id);
        assert!(anchors == 0 || html.contains(&format!("id=\"q{}\"", anchors - 1)));
        for class in ["<mark class=\"cue\"", "<mark class=\"spk\"", "<mark class=\"ent l-", "<mark class=\"fig f-"] {
            assert!(html.contains(class), "{} has no {class}", d.doc_id);
        }
    }
    // The speaker table: counts from speakers.csv, links to the pages of the documents.
    let rubio = "<tr><td>Marco Rubio</td><td>PERSON</td><td class=\"n\">3</td><td class=\"n\">2</td><td>";
    assert!(index.contains(&format!(
        "{rubio}<a href=\"{}\">000_539f1dc83d85f2f8</a>, <a href=\"{}\">001_30939fdfa42b0bd1</a></td>",
        page_name("000_539f1dc83d85f2f8"),
        page_name("001_30939fdfa42b0bd1")
    )));
}

#[test]
fn a_hostile_record_is_shown_as_text_on_a_page_inside_the_site() {
    let (root, out, _) = build_site();
    let mut files: Vec<String> = std::fs::read_dir(out.join("html"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 7, "{files:?}");
    assert!(files.contains(&"index.html".to_string()) && files.contains(&page_name(EVIL_ID)));
    assert!(!root.path().join("a/etc").exists() && !root.path().join("etc").exists());
    let html = page(&out, EVIL_ID);
    assert_eq!(html.matches("<script").count(), 1, "only the viewer's script");
    assert!(!html.contains("<img") && !html.contains("<b>now"));
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;now&lt;/b&gt;"));
}

#[test]
fn tables_left_half_replaced_are_refused() {
    let (_root, out, _) = build_site();
    std::fs::write(out.join(newsmine::export::manifest::WRITING), b"").unwrap();
    let e = write_site(&out, &[repo().join("seeds")]).unwrap_err();
    assert!(e.to_string().contains("were being replaced"), "{e}");
}

/// Chromium's binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on a file with `args`, killed after two minutes; its stdout.
fn headless(browser: &Path, file: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        .args(["--disable-component-update", "--no-first-run", "--disable-extensions"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish on {} in two minutes", file.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn pages_render_in_headless_chromium_and_run_only_the_viewer() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (Debian: apt-get install chromium)");
        return;
    };
    let (_root, out, _) = build_site();
    let html = out.join("html");

    let dom = headless(&browser, &html.join(page_name(EVIL_ID)), &["--dump-dom"]);
    // The viewer's script ran (the policy's hash is right) and the article's did not.
    assert!(dom.contains("data-viewer=\"ready\""), "{dom}");
    assert!(dom.contains("<title>&lt;img src=x onerror=\"document.title='pwned'\"&gt; · newsmine</title>"), "{dom}");
    assert_eq!(dom.matches("<script").count(), 1, "{dom}");
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "{dom}");
    for mark in
        ["class=\"q k-direct\"", "class=\"cue\"", "class=\"spk\"", "class=\"ent l-MISC\"", "class=\"fig f-money\""]
    {
        assert!(dom.contains(mark), "{mark} missing in {dom}");
    }

    let dom = headless(&browser, &html.join(page_name(SEED_ALL_KINDS)), &["--dump-dom"]);
    assert!(dom.contains("data-viewer=\"ready\""));
    // One anchor per quote and per attribution row of the committed output's document.
    let seed: DocumentRow = read::<DocumentRow>(&out, "documents.csv")
        .into_iter()
        .find(|d| d.doc_id == SEED_ALL_KINDS)
        .expect("the seed document is in output/");
    assert!(seed.quotes > 0 && seed.attributions > 0);
    let anchors = seed.quotes + seed.attributions;
    assert_eq!(dom.matches("<a class=\"anchor\"").count(), anchors, "quotes and stances of {SEED_ALL_KINDS}");
    for kind in ["k-direct", "k-mixed", "k-indirect", "stance"] {
        assert!(dom.contains(&format!("<mark class=\"q {kind}\"")), "{kind}");
    }
    let index = headless(&browser, &html.join("index.html"), &["--dump-dom"]);
    assert!(index.contains("data-viewer=\"ready\"") && index.contains("<h2>Speakers</h2>"));

    let seed = html.join(page_name(SEED_SHOWN));
    let shot = out.join("viewer.png");
    let arg = format!("--screenshot={}", shot.display());
    headless(&browser, &seed, &[&arg, "--window-size=1280,900", "--hide-scrollbars"]);
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "{} bytes", png.len());
    if let Some(path) = std::env::var_os("NEWSMINE_VIEWER_SCREENSHOT") {
        std::fs::write(path, png).unwrap();
    }
}
