//! Light and dark themes follow the system: WebKitGTK reports GTK's dark
//! preference (here `GTK_THEME=Adwaita:dark`) as `prefers-color-scheme`.

use crate::app::{bundled_notes, App};

/// How light the page's background is, 0 (black) to 1 (white).
async fn background_lightness(app: &App) -> f64 {
    let rgb = app
        .js("return getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)")
        .await;
    let rgb: Vec<f64> = serde_json::from_value(rgb).expect("rgb");
    rgb.iter().sum::<f64>() / (3.0 * 255.0)
}

async fn prefers_dark(app: &App) -> bool {
    app.js("return matchMedia('(prefers-color-scheme: dark)').matches")
        .await
        .as_bool()
        .expect("boolean")
}

#[tokio::test]
async fn the_window_follows_the_systems_theme() {
    let light =
        App::launch_with("theme-light", &bundled_notes(), &[("GTK_THEME", "Adwaita")]).await;
    assert!(!prefers_dark(&light).await);
    let lightness = background_lightness(&light).await;
    assert!(lightness > 0.8, "light theme background: {lightness}");
    light.close().await;

    let dark = App::launch_with(
        "theme-dark",
        &bundled_notes(),
        &[("GTK_THEME", "Adwaita:dark")],
    )
    .await;
    assert!(
        prefers_dark(&dark).await,
        "GTK's dark theme reaches the page"
    );
    let lightness = background_lightness(&dark).await;
    assert!(lightness < 0.2, "dark theme background: {lightness}");
    // The reader and the results, as the user sees them at night.
    dark.search("etcdctl snapshot").await;
    dark.click("[data-testid='result-item']").await;
    dark.wait_css("[data-testid='reader'] h1").await;
    dark.shot("reader").await;
    dark.close().await;
}
