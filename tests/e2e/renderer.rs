//! Pilgi picks WebKit's CPU rasterizer when the machine has no GPU render
//! node (src-tauri/renderer.rs). The choice only helps if it reaches the
//! process that paints: WebKit's web process, which inherits the app's
//! environment.

use crate::app::{bundled_notes, App};

#[tokio::test]
async fn without_a_gpu_the_web_process_paints_on_the_cpu() {
    let app = App::launch("renderer", &bundled_notes()).await;
    let environments = app.web_process_environments();
    assert!(!environments.is_empty(), "found the app's web process");
    let gpu = std::fs::read_dir("/dev/dri").is_ok_and(|nodes| {
        nodes
            .flatten()
            .any(|n| n.file_name().to_string_lossy().starts_with("renderD"))
    });
    for env in environments {
        let cpu = env
            .iter()
            .any(|v| v == "WEBKIT_SKIA_ENABLE_CPU_RENDERING=1");
        assert_eq!(
            cpu, !gpu,
            "CPU rendering exactly when there is no GPU render node"
        );
    }
    app.close().await;
}
