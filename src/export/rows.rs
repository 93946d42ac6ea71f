//! The one definition of every table: a serde struct per row (its fields are the columns, in
//! order; typed values are spelled by serde), and the functions that build a row from what a
//! stage found. Offsets are Unicode code points, converted from byte spans here and nowhere
//! else.

use super::organizations::{document_organizations, OrgMention};
use crate::corpus::Document;
use crate::doc::{Analysed, Entity};
use crate::figures::Figure;
use crate::labels::{CueClass, DocStatus, EntityLabel, FigureKind, Qualifier, QuoteKind, SpeakerType};
use crate::quotes::identity::speaker_id;
use crate::quotes::{Quote, Rule};
use crate::span::CharMap;
use serde::{Deserialize, Serialize};

/// `documents.csv`: one row per input document, also for skipped and failed ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocumentRow {
    pub doc_id: String,
    pub source: String,
    pub title: String,
    pub language: String,
    pub language_confidence: String,
    pub chars: usize,
    pub sentences: usize,
    pub quotes: usize,
    pub entities: usize,
    pub figures: usize,
    pub status: DocStatus,
    pub error: String,
    /// Rows in `attributions.csv` (stances, not speech).
    pub attributions: usize,
    /// The record's `date` as the JSONL or CSV input gives it (not parsed); empty for text
    /// files. Tables written before the column existed read as empty.
    #[serde(default)]
    pub date: String,
}

/// `entities.csv`: one row per named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EntityRow {
    pub doc_id: String,
    pub entity_id: String,
    pub text: String,
    pub label: EntityLabel,
    pub canonical: String,
    pub start: usize,
    pub end: usize,
    pub score: String,
}

/// `quotes.csv`: one row per quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QuoteRow {
    pub doc_id: String,
    pub quote_id: String,
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub speaker_mention: String,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: String,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub kind: QuoteKind,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub confidence: String,
    /// The whole reported clause (the paraphrase around a mixed quote; else the quote itself),
    /// with its offsets: what PolNeAR-style gold calls the content.
    pub clause: String,
    pub clause_start: usize,
    pub clause_end: usize,
    /// What the cue reports: `speech`, `belief` or `stance` (filter on `speech` for who said
    /// what).
    pub cue_class: CueClass,
    /// The named rule that found the row (`direct.tag_after`, `indirect.that_clause`, …:
    /// [`Rule`]). Tables written before the column existed read as the default rule.
    #[serde(default)]
    pub rule: Rule,
    /// The speaker's id across the corpus ([`crate::quotes::identity::speaker_id`]): a slug of
    /// the normalised name or description, `""` with no speaker; the key of `speakers.csv`.
    /// Tables written before the column existed read as empty.
    #[serde(default)]
    pub speaker_id: String,
}

/// `speakers.csv`: one row per speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SpeakerRow {
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub quotes: usize,
    pub documents: usize,
    pub doc_ids: String,
    pub mentions: String,
    pub descriptions: String,
    /// The id the speaker's rows in `quotes.csv` carry; one row per id.
    #[serde(default)]
    pub speaker_id: String,
}

/// `organizations.csv`: one row per organization across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct OrganizationRow {
    pub organization: String,
    pub aliases: String,
    pub mentions: usize,
    pub documents: usize,
    pub doc_ids: String,
}

/// `figures.csv`: one row per numeric figure mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FigureRow {
    pub doc_id: String,
    pub figure_id: String,
    pub text: String,
    pub value: String,
    pub unit: String,
    pub kind: FigureKind,
    pub qualifier: Qualifier,
    pub subject: String,
    pub start: usize,
    pub end: usize,
}

/// Everything one document contributes to the tables. Serialised whole (serde's JSON) into the
/// part files of the work area ([`super::work`]), from which the tables are built.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocRows {
    pub document: DocumentRow,
    pub entities: Vec<EntityRow>,
    pub quotes: Vec<QuoteRow>,
    /// Stances towards an object (`attributions.csv`).
    pub attributions: Vec<QuoteRow>,
    /// What `speakers.csv` needs of each row of `quotes`, in the same order.
    pub speakers: Vec<SpeakerFact>,
    pub figures: Vec<FigureRow>,
    /// What `organizations.csv` needs of the document: its organization mentions, split
    /// mentions rejoined and non-organizations left out ([`document_organizations`]).
    pub organizations: Vec<OrgMention>,
}

/// One quote's speaker, as the corpus speaker table aggregates it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SpeakerFact {
    /// Canonical name or description; `""` when no source was found.
    pub speaker: String,
    /// The `speaker_id` of the quote's row.
    pub speaker_id: String,
    pub speaker_type: SpeakerType,
    /// The words naming the source at this quote (`he`, `Ortega`), or `""`.
    pub mention: String,
    pub descriptions: Vec<String>,
}

/// The `documents.csv` row of a document before any stage has run.
pub fn document_row(doc: &Document) -> DocumentRow {
    DocumentRow {
        doc_id: doc.doc_id.clone(),
        source: doc.source.clone(),
        title: doc.title.clone().unwrap_or_default(),
        date: doc.date.clone().unwrap_or_default(),
        ..Default::default()
    }
}

impl DocRows {
    /// A document that could not be read or processed: its row with the reason, nothing else.
    pub fn failed(doc: &Document, reason: String) -> DocRows {
        let document = DocumentRow { status: DocStatus::Failed, error: reason, ..document_row(doc) };
        DocRows { document, ..Default::default() }
    }

    /// A document deliberately not extracted (empty, not English), with the reason.
    pub fn skipped(document: DocumentRow, reason: String) -> DocRows {
        DocRows {
            document: DocumentRow { status: DocStatus::Skipped, error: reason, ..document },
            ..Default::default()
        }
    }

    /// The rows of an extracted document: its entities, its quotes (`q001`…) and attributions
    /// (`a001`…, the rows [`Quote::is_attribution`] sends to `attributions.csv`), its figures
    /// (`f001`…), and the counts in its `documents.csv` row.
    pub fn extracted(document: DocumentRow, doc: &Analysed, quotes: Vec<Quote>, figures: &[Figure]) -> DocRows {
        let (id, text) = (document.doc_id.clone(), doc.text.as_str());
        let map = CharMap::new(text);
        let entities: Vec<EntityRow> =
            doc.entities.iter().enumerate().map(|(i, e)| entity_row(&id, i + 1, text, &map, e)).collect();
        let (attributions, found): (Vec<Quote>, Vec<Quote>) = quotes.into_iter().partition(|q| q.is_attribution());
        let rows = |prefix: char, qs: &[Quote]| -> Vec<QuoteRow> {
            qs.iter().enumerate().map(|(i, q)| quote_row(&id, format!("{prefix}{:03}", i + 1), text, &map, q)).collect()
        };
        let (quotes, attributions) = (rows('q', &found), rows('a', &attributions));
        let speakers = found
            .into_iter()
            .map(|q| SpeakerFact {
                mention: q.speaker_mention.map(|s| s.text(text).to_string()).unwrap_or_default(),
                speaker_id: speaker_id(&q.speaker, q.speaker_type),
                speaker: q.speaker,
                speaker_type: q.speaker_type,
                descriptions: q.descriptions,
            })
            .collect();
        let figures: Vec<FigureRow> =
            figures.iter().enumerate().map(|(i, f)| figure_row(&id, format!("f{:03}", i + 1), text, &map, f)).collect();
        let document = DocumentRow {
            chars: map.len_chars(),
            sentences: doc.extract_sentences().count(),
            entities: entities.len(),
            quotes: quotes.len(),
            attributions: attributions.len(),
            figures: figures.len(),
            status: DocStatus::Ok,
            ..document
        };
        let organizations = document_organizations(text, &doc.entities);
        DocRows { document, entities, quotes, attributions, speakers, figures, organizations }
    }
}

/// A probability as a fixed three-decimal string (stable across platforms).
pub fn score(p: f32) -> String {
    format!("{:.3}", p)
}

/// An entity mention as a CSV row.
pub fn entity_row(doc_id: &str, n: usize, text: &str, map: &CharMap, e: &Entity) -> EntityRow {
    let (start, end) = map.chars(e.span);
    EntityRow {
        doc_id: doc_id.to_string(),
        entity_id: format!("e{n:03}"),
        text: e.span.text(text).to_string(),
        label: e.label,
        canonical: e.canonical.clone(),
        start,
        end,
        score: score(e.score),
    }
}

/// A quote as a CSV row with id `quote_id` (`q001` in `quotes.csv`, `a001` in
/// `attributions.csv`).
pub fn quote_row(doc_id: &str, quote_id: String, text: &str, map: &CharMap, q: &Quote) -> QuoteRow {
    let (start, end) = map.chars(q.span);
    let opt = |s: Option<crate::span::Span>| s.map(|s| map.chars(s));
    let speaker = opt(q.speaker_mention);
    let cue = opt(q.cue);
    QuoteRow {
        doc_id: doc_id.to_string(),
        quote_id,
        speaker: q.speaker.clone(),
        speaker_type: q.speaker_type,
        speaker_mention: q.speaker_mention.map(|s| s.text(text).to_string()).unwrap_or_default(),
        speaker_start: speaker.map(|s| s.0),
        speaker_end: speaker.map(|s| s.1),
        cue: q.cue.map(|s| s.text(text).to_string()).unwrap_or_default(),
        cue_start: cue.map(|s| s.0),
        cue_end: cue.map(|s| s.1),
        kind: q.kind,
        quote: q.span.text(text).to_string(),
        start,
        end,
        confidence: score(q.confidence),
        clause: q.clause.text(text).to_string(),
        clause_start: map.chars(q.clause).0,
        clause_end: map.chars(q.clause).1,
        cue_class: q.reports,
        rule: q.rule,
        speaker_id: speaker_id(&q.speaker, q.speaker_type),
    }
}

/// A figure as a CSV row with id `figure_id` (`f001`).
pub fn figure_row(doc_id: &str, figure_id: String, text: &str, map: &CharMap, f: &Figure) -> FigureRow {
    let (start, end) = map.chars(f.span);
    FigureRow {
        doc_id: doc_id.to_string(),
        figure_id,
        text: f.span.text(text).to_string(),
        value: f.value.clone(),
        unit: f.unit.clone(),
        kind: f.kind,
        qualifier: f.qualifier,
        subject: f.subject.clone(),
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_rows_have_code_point_offsets_and_typed_columns() {
        let text = "Café’s owners — “paid” €6 million";
        let figs = crate::figures::extract_text(text);
        assert_eq!(figs.len(), 1);
        let row = figure_row("d", "f001".into(), text, &CharMap::new(text), &figs[0]);
        assert_eq!(row.text, "€6 million");
        assert_eq!((row.kind, row.qualifier), (FigureKind::Money, Qualifier::Exact));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[row.start..row.end].iter().collect::<String>(), "€6 million");
    }
}
