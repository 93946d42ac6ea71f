//! newsmine: who said what, which organizations and which figures, from news articles.
//!
//! The pipeline, in order:
//! 1. [`corpus`] reads input folders, `.txt`, `.jsonl` and `.csv` files into documents;
//! 2. [`lang`] detects the language (non-English documents are skipped);
//! 3. [`segment`] splits paragraphs and sentences, marking boilerplate and repeated paragraphs;
//! 4. [`ner`] finds entity mentions and resolves canonical names: a [`ner::Tagger`] runs the
//!    [`encoder`] (the transformer) over the sentences, decodes its BIO tags, and scores each
//!    word's part in an attribution with the learned [`heads`];
//! 5. [`quotes`] finds direct, mixed and indirect quotes and their speakers;
//! 6. [`figures`] finds money, counts, percentages, rates and quantities;
//! 7. [`export`] writes the CSV tables of the output contract;
//! 8. [`eval`] scores output against gold annotations.
//!
//! [`pipeline`] runs stages 1–7 over a batch in parallel, each document under a [`deadline`],
//! recording its progress in the output folder's work area ([`export::work`]) so a killed run
//! resumes and a corpus can be split into shards; [`merge`] joins the shards' tables;
//! [`bench`] measures a run. `train` (cargo feature `train`) fits the encoder and the heads.
//! [`paths`] finds the model folder of a clone or an install.

pub mod aliases;
pub mod bench;
pub mod corpus;
pub mod deadline;
pub mod doc;
pub mod encoder;
pub mod eval;
pub mod export;
pub mod figures;
pub mod formats;
pub mod heads;
pub mod labels;
pub mod lang;
pub mod merge;
pub mod ner;
pub mod paths;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod span;
#[cfg(test)]
mod testdata;
#[cfg(feature = "train")]
pub mod train;
