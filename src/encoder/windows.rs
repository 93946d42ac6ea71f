//! Windows: a document's sentences as the encoder reads them. Sentences longer than
//! [`WINDOW_WORDS`] words are cut into windows of that many words, each encoded on its own
//! ([`NerModel::encode`]); the tagger and the heads' training both see the words in window
//! order, which is text order.

use super::words::words;
use super::{Encoded, NerModel};
use crate::span::Span;

/// Sentences longer than this many words are tagged in windows of this size.
pub const WINDOW_WORDS: usize = 120;
/// Windows per forward pass.
pub const BATCH: usize = 32;

/// The word spans and encoding of each window of the given sentences.
pub fn windows(model: &NerModel, text: &str, sentences: &[Span]) -> Vec<(Vec<Span>, Encoded)> {
    let mut out = Vec::new();
    for &sentence in sentences {
        let spans = words(text, sentence);
        for chunk in spans.chunks(WINDOW_WORDS) {
            let surface: Vec<&str> = chunk.iter().map(|s| s.text(text)).collect();
            out.push((chunk.to_vec(), model.encode(&surface)));
        }
    }
    out
}

/// The words the encoder sees of each window, in window order: past its piece limit a window's
/// last words are cut off. The heads score exactly these words, in training as in extraction.
pub fn window_words(windows: &[(Vec<Span>, Encoded)]) -> Vec<Span> {
    windows.iter().flat_map(|(words, e)| words.iter().take(e.first_piece.len()).copied()).collect()
}
