//! Where the unit tests find `../shared` (the seeds and the training and evaluation data, kept
//! beside the repository, never in it). A test that needs it and does not find it prints why
//! it skipped instead of passing in silence.

use std::path::PathBuf;

/// `../shared/REL` from the repository root, or `None` after printing a skip line naming the
/// test's need.
pub(crate) fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: needs ../shared/{rel} (absent at {})", path.display());
        None
    }
}

/// An error with its causes, as the binary prints it (`{:#}`: joined by `: `).
pub(crate) fn chain<E: std::error::Error + Send + Sync + 'static>(e: E) -> String {
    format!("{:#}", anyhow::Error::new(e))
}
