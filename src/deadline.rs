//! The time guard of one document. A worker thread cannot be stopped from outside, so the
//! guard is cooperative: `pipeline` starts a deadline on the worker's thread before a
//! document's stages ([`start`]), long loops ask whether it has passed ([`passed`]) and stop
//! early, and `pipeline` turns a passed deadline into the document's `failed` row with the
//! reason [`Expired`] spells (`took longer than N s`).
//!
//! The deadline lives in a thread-local so the stages that check it (`ner::BertTagger`
//! between forward passes) need no extra parameter through the `Tagger` trait; without a
//! started deadline nothing ever expires (tests, `bench`, training).
//!
//! ```
//! use newsmine::deadline;
//! use std::time::Duration;
//! assert!(deadline::passed().is_none());
//! let guard = deadline::start(Duration::ZERO);
//! assert_eq!(deadline::passed().map(|e| e.to_string()).as_deref(), Some("took longer than 0 s"));
//! drop(guard);
//! assert!(deadline::passed().is_none());
//! ```

use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    /// When the current document's time is up, and its limit (for the reason).
    static DEADLINE: Cell<Option<(Instant, Duration)>> = const { Cell::new(None) };
}

/// A document ran past its time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("took longer than {} s", .limit.as_secs_f64())]
pub struct Expired {
    pub limit: Duration,
}

/// The deadline started by [`start`]; dropping it restores the thread's previous one.
#[must_use = "the deadline ends when the guard is dropped"]
pub struct Guard {
    previous: Option<(Instant, Duration)>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.previous));
    }
}

/// Starts a deadline `limit` from now on this thread, until the guard is dropped.
pub fn start(limit: Duration) -> Guard {
    let at = Instant::now().checked_add(limit);
    // A limit too far to represent never expires.
    let previous = DEADLINE.with(|d| d.replace(at.map(|at| (at, limit))));
    Guard { previous }
}

/// The limit that has passed, when this thread's deadline is started and over.
pub fn passed() -> Option<Expired> {
    DEADLINE.with(Cell::get).filter(|(at, _)| Instant::now() >= *at).map(|(_, limit)| Expired { limit })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_expires_after_its_limit_and_ends_with_its_guard() {
        assert_eq!(passed(), None);
        let outer = start(Duration::from_secs(3600));
        assert_eq!(passed(), None, "an hour has not passed");
        {
            let _inner = start(Duration::from_millis(20));
            assert_eq!(passed(), None);
            std::thread::sleep(Duration::from_millis(30));
            assert_eq!(passed(), Some(Expired { limit: Duration::from_millis(20) }));
            assert_eq!(passed().unwrap().to_string(), "took longer than 0.02 s");
        }
        assert_eq!(passed(), None, "the outer deadline is back");
        drop(outer);
        let _forever = start(Duration::MAX);
        assert_eq!(passed(), None);
        // Another thread has its own (no) deadline.
        let _zero = start(Duration::ZERO);
        assert!(passed().is_some());
        assert_eq!(std::thread::spawn(passed).join().unwrap(), None);
    }

    #[test]
    fn whole_seconds_print_without_a_fraction() {
        assert_eq!(Expired { limit: Duration::from_secs(120) }.to_string(), "took longer than 120 s");
    }
}
