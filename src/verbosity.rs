//! How much eksiam tells on stderr beyond its results, set once from the command line:
//! `-q` nothing but errors, none of `-v` the results and warnings, `-v` also each call it
//! makes (AWS operations, Kubernetes requests) and the decisions it takes on the way, `-vv`
//! also each HTTP request with its URL, status and time (credentials masked; headers, where
//! tokens and signatures travel, never shown).

use std::sync::atomic::{AtomicU8, Ordering};

/// Each call by name (`-v`).
pub const CALLS: u8 = 1;
/// Each HTTP request with its URL (`-vv`).
pub const HTTP: u8 = 2;

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Sets the level for this process (the number of `-v`).
pub fn set(level: u8) {
    LEVEL.store(level, Ordering::SeqCst);
}

/// Whether lines of `level` are shown.
pub fn shows(level: u8) -> bool {
    LEVEL.load(Ordering::SeqCst) >= level
}

/// Prints `line` on stderr when `level` is shown.
pub fn say(level: u8, line: impl FnOnce() -> String) {
    if shows(level) {
        eprintln!("{}", line());
    }
}
