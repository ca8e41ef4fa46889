//! The baseline of the desktop benchmarks (`scripts/bench-desktop`): an
//! empty Tauri window, built from the same toolchain, crate versions and
//! profile as Pilgi (it is a binary of the same package, behind the
//! `empty-window` feature), showing one line of static text.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!(
            "bench/empty-window/tauri.conf.json"
        ))
        .expect("error while running the empty window");
}
