//! `pilgi-note://localhost/<path>`: the images of the open notes folder,
//! and nothing else. A path is served only when its real location (after
//! symlinks) stays inside the real notes folder, it is a file, and it is
//! small enough to hand to the webview in one piece; everything else is a
//! 4xx, which the reader shows as the image's alt text. Responses forbid
//! scripts (an SVG shown as `<img>` never runs one anyway).

use crate::state::AppState;
use pilgi_i18n::t;
use std::borrow::Cow;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme the renderer writes into `<img src>`.
pub use pilgi_core::links::NOTE_SCHEME as SCHEME;

/// Larger images are not read (the response is one buffer in memory).
const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Answers one request, off the main thread.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || {
        let root = app
            .state::<AppState>()
            .read(|lib| lib.corpus().root.clone());
        responder.respond(respond(&root, request.uri().path()));
    });
}

fn respond(root: &std::path::Path, uri_path: &str) -> Response<Cow<'static, [u8]>> {
    let reply = |status: StatusCode, why: &str| {
        Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(Cow::Owned(why.as_bytes().to_vec()))
            .unwrap_or_default()
    };
    let Some(rel) = pilgi_core::links::note_path(uri_path) else {
        return reply(StatusCode::BAD_REQUEST, &t!("image-bad-path"));
    };
    if !pilgi_core::links::contained(root, &rel) {
        return reply(StatusCode::FORBIDDEN, &t!("image-outside"));
    }
    let path = root.join(&rel);
    let meta = match std::fs::metadata(&path) {
        Ok(m) if m.is_file() => m,
        _ => return reply(StatusCode::NOT_FOUND, &t!("image-missing")),
    };
    if meta.len() > MAX_BYTES {
        return reply(StatusCode::PAYLOAD_TOO_LARGE, &t!("image-too-large"));
    }
    let Some(mime) = mime_of(&rel) else {
        return reply(StatusCode::UNSUPPORTED_MEDIA_TYPE, &t!("image-not-image"));
    };
    match std::fs::read(&path) {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, mime)
            .header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'",
            )
            .header("X-Content-Type-Options", "nosniff")
            .body(Cow::Owned(bytes))
            .unwrap_or_default(),
        Err(_) => reply(StatusCode::NOT_FOUND, "unreadable"),
    }
}

/// Only images are served: a note can point at any file, the webview gets
/// pictures.
fn mime_of(rel: &str) -> Option<&'static str> {
    let ext = rel.rsplit('.').next()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "bmp" => "image/bmp",
        "ico" => "image/x-icon",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes");
        std::fs::create_dir_all(notes.join("img")).unwrap();
        std::fs::write(notes.join("img/그림 1.png"), b"\x89PNG").unwrap();
        std::fs::write(notes.join("a.md"), b"# a").unwrap();
        std::fs::write(dir.path().join("secret.png"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.png"), notes.join("img/out.png"))
            .unwrap();
        let status = |p: &str| respond(&notes, p).status();
        assert_eq!(status("/img/%EA%B7%B8%EB%A6%BC%201.png"), StatusCode::OK);
        assert_eq!(status("/a.md"), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(status("/../secret.png"), StatusCode::BAD_REQUEST);
        assert_eq!(status("/img/out.png"), StatusCode::FORBIDDEN, "symlink out");
        assert_eq!(status("/%2e%2e/secret.png"), StatusCode::BAD_REQUEST);
        // A broken escape is a name like any other, and no file has it.
        assert_eq!(status("/%zz"), StatusCode::FORBIDDEN);
        let big = std::fs::File::create(notes.join("big.png")).unwrap();
        big.set_len(MAX_BYTES + 1).unwrap();
        assert_eq!(status("/big.png"), StatusCode::PAYLOAD_TOO_LARGE);
    }
}
