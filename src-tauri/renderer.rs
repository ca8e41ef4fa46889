//! Chooses how WebKitGTK rasterizes the page, before the first webview
//! exists (Linux only: other platforms' webviews are not WebKitGTK).
//!
//! WebKitGTK paints with Skia on the GPU through OpenGL. Without a GPU, Mesa
//! answers that OpenGL with llvmpipe, a software rasterizer, and painting
//! "on the GPU" becomes the slowest way to paint on the CPU: measured under
//! Xvfb, Pilgi's window showed its first frame ~700 ms after the page had
//! painted (a one-line page's: ~350 ms), against ~380 ms with Skia's own CPU
//! rasterizer (BENCHMARKS.md, "First paint"). So when the machine has no GPU
//! render node, Pilgi asks WebKit for CPU rendering. A machine with a GPU
//! keeps WebKit's default, and a user's own `WEBKIT_SKIA_ENABLE_CPU_RENDERING`
//! always wins.

use std::path::Path;

/// Read by WebKitGTK (≥ 2.46) in the web process it spawns, which inherits
/// this process's environment.
const CPU_RENDERING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Call first thing in `main`: the environment may only be changed while
/// the process has a single thread.
pub fn choose() {
    if std::env::var_os(CPU_RENDERING).is_none() && !has_gpu(Path::new("/dev/dri")) {
        std::env::set_var(CPU_RENDERING, "1");
    }
}

/// A GPU that OpenGL can render on shows up as a DRM render node
/// (`/dev/dri/renderD128`, …); without one Mesa falls back to llvmpipe.
fn has_gpu(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|nodes| {
        nodes
            .flatten()
            .any(|node| node.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::has_gpu;

    #[test]
    fn a_render_node_means_a_gpu() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_gpu(&dri.path().join("missing")));
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_gpu(dri.path()), "a display card alone cannot render");
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_gpu(dri.path()));
    }
}
