//! Links to the web in notes: the webview never navigates to them; a click
//! hands the URL to the desktop's browser (`xdg-open`).

use crate::ipc_error::IpcResult;
use pilgi_core::Error;
use pilgi_i18n::t;

/// Opens an `http(s)://` or `mailto:` URL in the system browser.
#[tauri::command]
pub async fn open_external(url: String) -> IpcResult<()> {
    let url = super::valid_text("url", &url)?;
    let lower = url.to_ascii_lowercase();
    let web = ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    if !web || url.chars().any(char::is_control) || url.starts_with('-') {
        return Err(Error::Invalid(t!("app-link-not-web")).into());
    }
    std::process::Command::new("xdg-open")
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| Error::Invalid(t!("app-no-browser", error = e.to_string())))?;
    Ok(())
}
