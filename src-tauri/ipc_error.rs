//! The one error type that crosses IPC: `{ "kind": "...", "message": "..." }`,
//! so the UI can tell "not found" from "index busy".

use serde::Serialize;

/// An error as the UI sees it.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Stable machine-readable kind (`not_found`, `invalid`, `busy`, …).
    pub kind: &'static str,
    /// A sentence for the user.
    pub message: String,
}

impl IpcError {
    /// An error that does not come from the core.
    pub fn new(kind: &'static str, message: String) -> Self {
        IpcError { kind, message }
    }
}

impl From<pilgi_core::Error> for IpcError {
    fn from(e: pilgi_core::Error) -> Self {
        IpcError {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

/// The result type of every command.
pub type IpcResult<T> = Result<T, IpcError>;
