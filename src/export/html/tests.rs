//! The viewer's pieces: page names from hostile ids, escaping, marks over overlapping and
//! multibyte spans, and spans that no longer match the text.

use super::*;
use crate::labels::{EntityLabel, FigureKind, QuoteKind};

/// Checks that every `<mark …>` is closed in order and returns how many were opened.
fn balanced_marks(html: &str) -> usize {
    let (mut depth, mut opened) = (0i64, 0);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<mark ") {
            depth += 1;
            opened += 1;
        } else if rest.starts_with("</mark>") {
            depth -= 1;
            assert!(depth >= 0, "a mark closed before it was opened");
        }
        rest = &rest[1..];
    }
    assert_eq!(depth, 0, "marks left open");
    opened
}

fn quote(id: &str, start: usize, quote: &str) -> QuoteRow {
    QuoteRow {
        doc_id: "d".into(),
        quote_id: id.into(),
        quote: quote.into(),
        start,
        end: start + quote.chars().count(),
        speaker: "Ann Lee".into(),
        kind: QuoteKind::Direct,
        confidence: "0.900".into(),
        ..Default::default()
    }
}

fn entity(text: &str, start: usize, label: EntityLabel) -> EntityRow {
    EntityRow {
        doc_id: "d".into(),
        entity_id: "e001".into(),
        text: text.into(),
        label,
        canonical: text.into(),
        start,
        end: start + text.chars().count(),
        score: "0.990".into(),
    }
}

fn figure(text: &str, start: usize) -> FigureRow {
    FigureRow {
        doc_id: "d".into(),
        figure_id: "f001".into(),
        text: text.into(),
        kind: FigureKind::Money,
        start,
        end: start + text.chars().count(),
        ..Default::default()
    }
}

#[test]
fn page_names_are_plain_file_names_for_hostile_ids() {
    assert_eq!(page_name("../../etc/x"), "etc_x-56da1a2ef2dfa53b.html");
    let ids = [
        "../../etc/x",
        "..\\..\\windows\\x",
        "/etc/passwd",
        "",
        ".",
        "..",
        "-rf",
        "CON",
        "a/b",
        "a_b",
        "a b",
        "<script>alert(1)</script>",
        "名前/ニュース",
        "x~2",
        &"long".repeat(200),
    ];
    let mut seen = HashSet::new();
    for id in ids {
        let name = page_name(id);
        let (stem, hash) = name.strip_suffix(".html").unwrap().rsplit_once('-').unwrap();
        assert!(hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
        assert!(!stem.is_empty() && stem.len() <= 40, "{name}");
        assert!(stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'), "{name}");
        assert!(!name.starts_with(['-', '_', '.']), "{name}");
        assert_eq!(page_name(id), name, "stable");
        assert!(seen.insert(name.clone()), "{id:?} shares {name}");
    }
    assert!(page_name("名前/ニュース").starts_with("doc-"));
    assert_eq!(page_name("a/b").split_once('-').unwrap().0, "a_b");
}

#[test]
fn colliding_page_names_get_a_number() {
    let rows = |id: &str| DocumentRow { doc_id: id.into(), ..Default::default() };
    let names = page_names(&[rows("a"), rows("a"), rows("b")]);
    let first = page_name("a");
    assert_eq!(names, vec![first.clone(), first.replace(".html", "-2.html"), page_name("b")]);
}

#[test]
fn escape_covers_text_and_attribute_delimiters() {
    assert_eq!(escape("<a href='x'>&\"é</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;é&lt;/a&gt;");
}

#[test]
fn overlapping_spans_become_nested_marks_per_piece() {
    let text = Text::new("ab<c>de");
    let mark = |start, end, layer, class: &str| Mark {
        start,
        end,
        layer,
        class: class.into(),
        title: class.to_uppercase(),
        refs: if layer == 0 { vec![7] } else { vec![] },
    };
    // A quote over `ab<c` and an entity over `<c>d`: neither contains the other.
    let html = render_text(&text, &[mark(2, 6, 2, "ent"), mark(0, 4, 0, "q")], &[]);
    assert_eq!(
        html,
        "<mark class=\"q\" title=\"Q\" data-q=\"7\">ab</mark>\
         <mark class=\"q\" title=\"Q\" data-q=\"7\"><mark class=\"ent\" title=\"ENT\">&lt;c</mark></mark>\
         <mark class=\"ent\" title=\"ENT\">&gt;d</mark>e"
    );
    let point = Point { at: 4, order: 0, html: "<sup>x</sup>".into() };
    let html = render_text(&text, &[mark(0, 4, 0, "q")], &[point]);
    assert!(html.ends_with("&lt;c</mark><sup>x</sup>&gt;de"), "{html}");
}

#[test]
fn marks_use_code_points_and_skip_spans_that_do_not_match() {
    // Multibyte before every span: offsets are code points, as in the tables.
    let body = "Café\u{a0}owner Ann Lee said: “We paid €6 million — ’twas fair.”";
    let chars: Vec<char> = body.chars().collect();
    let at = |s: &str| {
        let i = body.find(s).unwrap();
        body[..i].chars().count()
    };
    let q = QuoteRow {
        cue: "said".into(),
        cue_start: Some(at("said")),
        cue_end: Some(at("said") + 4),
        speaker_mention: "Ann Lee".into(),
        speaker_start: Some(at("Ann")),
        speaker_end: Some(at("Ann") + 7),
        ..quote("q001", at("We"), "We paid €6 million — ’twas fair.")
    };
    // The second quote shares the cue and speaker; the third does not match the text.
    let q2 = QuoteRow { quote_id: "q002".into(), ..q.clone() };
    let stale = QuoteRow { quote: "We paid €7 million".into(), ..quote("q003", at("We"), "We paid €6 million") };
    let quotes = [q, q2, stale];
    let entities = [entity("Ann Lee", at("Ann"), EntityLabel::Person), entity("Lee", chars.len(), EntityLabel::Person)];
    let figures = [figure("€6 million", at("€6"))];
    let rows = PageRows { quotes: &quotes, stances: &[], entities: &entities, figures: &figures };
    let text = Text::new(body);
    let (marks, points, unmatched) = marks(&text, &rows);
    assert_eq!(unmatched, 2, "the stale quote and the entity past the end");
    let surfaces: Vec<(&str, &str, Vec<usize>)> =
        marks.iter().map(|m| (m.class.as_str(), text.slice(m.start, m.end), m.refs.clone())).collect();
    assert_eq!(
        surfaces,
        vec![
            ("q k-direct", "We paid €6 million — ’twas fair.", vec![0]),
            ("cue", "said", vec![0, 1]),
            ("spk", "Ann Lee", vec![0, 1]),
            ("q k-direct", "We paid €6 million — ’twas fair.", vec![1]),
            ("ent l-PERSON", "Ann Lee", vec![]),
            ("fig f-money", "€6 million", vec![]),
        ]
    );
    assert_eq!(points.len(), 4, "an anchor and a badge per matched quote");
    let html = render_text(&text, &marks, &points);
    // Pieces: `Ann Lee` (speaker, entity), `said`, then the two quotes over `We paid `, `€6
    // million` (and the figure) and the rest.
    assert_eq!(balanced_marks(&html), 2 + 1 + 2 + 3 + 2);
    assert!(html.contains("<a class=\"anchor\" id=\"q1\"></a>"));
    assert!(html.contains("data-q=\"0 1\""));
    assert!(html.contains("title=\"f001 money:"));
}

#[test]
fn a_page_shows_markup_in_the_article_as_text() {
    let body = "<script>document.title='pwned'</script> Ann said \"<b>&amp;</b>\".";
    let doc = DocumentRow {
        doc_id: "../x".into(),
        title: "<img src=x onerror=alert(1)>".into(),
        status: DocStatus::Ok,
        ..Default::default()
    };
    let quotes = [quote("q001", 50, "<b>&amp;</b>")];
    let entities = [entity("<script>", 0, EntityLabel::Misc)];
    let rows = PageRows { quotes: &quotes, stances: &[], entities: &entities, figures: &[] };
    let (html, unmatched) = document_page(&doc, Some(body), &rows);
    assert_eq!(unmatched, 0);
    assert_eq!(html.matches("<script").count(), 1, "only the viewer's own script");
    assert!(!html.contains("<img") && !html.contains("<b>&"));
    assert!(html.contains("<title>&lt;img src=x onerror=alert(1)&gt; · newsmine</title>"));
    assert!(html.contains("&lt;script&gt;</mark>document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;</mark>"));
    assert!(balanced_marks(&html) >= 3);
}

#[test]
fn pages_without_text_say_why() {
    let doc = DocumentRow {
        doc_id: "x".into(),
        status: DocStatus::Skipped,
        error: "not English <fr>".into(),
        ..Default::default()
    };
    let rows = PageRows { quotes: &[], stances: &[], entities: &[], figures: &[] };
    let (html, _) = document_page(&doc, None, &rows);
    assert!(html.contains("Not extracted (skipped): not English &lt;fr&gt;"));
    let doc = DocumentRow { status: DocStatus::Ok, ..doc };
    assert!(document_page(&doc, None, &rows).0.contains("not among the inputs"));
}

#[test]
fn the_inlined_assets_cannot_close_their_elements_early() {
    assert!(!CSS.contains("</style") && !JS.contains("</script"));
    let page = head("t");
    let policy = format!("script-src 'sha256-{}'", base64(&sha256(JS.as_bytes())));
    assert!(page.contains(&policy) && page.contains(&format!("<style>{CSS}</style>")));
}
