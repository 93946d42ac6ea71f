//! Prints the scores of the figure rules on the hand-labelled check sets in
//! `corpus/figures-heldout/` as the Markdown table of `reports/figures-heldout.md`; with
//! `--errors`, every missed, wrong and spurious figure too.
//!
//! `cargo run --release --locked --example figures_heldout [-- --errors]`

#[path = "../tests/common/heldout.rs"]
mod heldout;

use std::path::Path;

fn main() {
    let errors = std::env::args().any(|a| a == "--errors");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/figures-heldout");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("corpus/figures-heldout").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "csv")).collect();
    files.sort();
    println!("| set | snippets | gold (required + optional) | detection P / R / F1 | end-to-end P / R / F1 | qualifier right |");
    println!("|---|---|---|---|---|---|");
    for f in files {
        let snippets = heldout::load(&f);
        let s = heldout::score(&snippets);
        let req = snippets.iter().flat_map(|s| &s.gold).filter(|g| !g.optional).count();
        let opt = snippets.iter().flat_map(|s| &s.gold).filter(|g| g.optional).count();
        let (d, e) = (s.detection, s.end_to_end);
        println!(
            "| {} | {} | {} + {} | {:.3} / {:.3} / {:.3} | {:.3} / {:.3} / {:.3} | {} / {} |",
            f.file_stem().unwrap().to_string_lossy(),
            snippets.len(),
            req,
            opt,
            d.precision(),
            d.recall(),
            d.f1(),
            e.precision(),
            e.recall(),
            e.f1(),
            s.qualifier_right,
            e.tp
        );
        if errors {
            for line in &s.errors {
                println!("  {line}");
            }
        }
    }
}
