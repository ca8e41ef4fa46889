//! What the app keeps between IPC calls: the opened notes library.

use pilgi_core::Library;
use std::sync::RwLock;

/// Managed by Tauri (`app.manage`); commands borrow it.
pub struct AppState {
    /// The notes library. Reads share the lock; a reload takes it briefly.
    pub library: RwLock<Library>,
}

impl AppState {
    /// Wraps an opened library.
    pub fn new(library: Library) -> Self {
        AppState {
            library: RwLock::new(library),
        }
    }

    /// Runs `f` with the library for reading. A poisoned lock (a panic in
    /// another command) still holds a consistent library: reads go on.
    pub fn read<T>(&self, f: impl FnOnce(&Library) -> T) -> T {
        let guard = self.library.read().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }
}
