//! Where an image written in a note comes from: a file inside the notes
//! folder, a path refused for leaving it, or a remote address (never
//! loaded). The same containment rules as links, plus the folder's image
//! files by name for Obsidian's `![[name.png]]`.

use super::path::{decode, folder, normalize, scheme, split_fragment};
use super::{fold, has_extension, nearest, Links};
use std::path::Path;

/// File extensions of images a wiki embed (`![[x.png]]`) can name.
const IMAGE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico",
];

/// Where an image comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageTarget {
    /// A file inside the notes folder (relative path, `/`-separated). Not
    /// checked on disk: the app checks it when serving.
    Local(String),
    /// A path that leaves the notes folder (or cannot be read as a path).
    Refused,
    /// A remote (or other non-file) URL: never loaded.
    Remote,
}

/// Whether a file name is an image's (by extension): `![[x.png]]` embeds
/// an image, `![[Note]]` a note.
pub fn is_image(name: &str) -> bool {
    has_extension(name, IMAGE_EXTENSIONS)
}

impl Links {
    /// Where an image written `![](src)` in `from_file` comes from.
    pub fn image(&self, from_file: &str, src: &str) -> ImageTarget {
        let src = src.trim();
        match scheme(src) {
            Some(s) if s == "file" => return ImageTarget::Refused,
            Some(_) => return ImageTarget::Remote,
            None if src.starts_with("//") => return ImageTarget::Remote,
            None => {}
        }
        let path = decode(split_fragment(src).0);
        let rel = if path.is_empty() {
            None
        } else if path.starts_with(['/', '\\']) {
            self.under_root(&path)
        } else {
            normalize(folder(from_file), &path)
        };
        match rel {
            Some(rel) if !rel.is_empty() => ImageTarget::Local(rel),
            _ => ImageTarget::Refused,
        }
    }

    /// Where an embedded image `![[name]]` in `from_file` comes from: a
    /// path from the notes folder's root, or a file name found anywhere in
    /// the folder (the nearest first), else beside the note.
    pub fn image_wiki(&self, from_file: &str, name: &str) -> ImageTarget {
        let name = name.trim();
        if scheme(name).is_some() || name.starts_with("//") {
            return ImageTarget::Remote;
        }
        let found = if name.contains(['/', '\\']) {
            normalize("", name).filter(|p| {
                let file_name = p.rsplit('/').next().unwrap_or(p);
                self.targets
                    .images
                    .get(&fold(file_name))
                    .is_some_and(|files| files.contains(p))
            })
        } else {
            self.targets
                .images
                .get(&fold(name))
                .and_then(|files| nearest(from_file, files))
                .cloned()
        };
        match found.or_else(|| normalize(folder(from_file), name)) {
            Some(rel) if !rel.is_empty() => ImageTarget::Local(rel),
            _ => ImageTarget::Refused,
        }
    }

    /// An absolute path inside the notes folder, relative to it.
    fn under_root(&self, path: &str) -> Option<String> {
        if self.root.as_os_str().is_empty() {
            return None;
        }
        let rel = Path::new(path).strip_prefix(&self.root).ok()?;
        normalize("", rel.to_str()?)
    }
}
