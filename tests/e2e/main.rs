//! End-to-end tests of the desktop app in a real WebKitGTK window over
//! WebDriver. Run them with `scripts/test` (it starts Xvfb and installs
//! tauri-driver); each test launches its own app on its own copy of notes.

mod app;
mod bench;
mod bookmarks;
mod bus;
mod language;
mod large;
mod live;
mod lookup;
mod markdown;
mod offline;
mod renderer;
mod review;
mod search;
mod smoke;
#[allow(dead_code)] // shared with the core benches; only the writers and queries are used here
#[path = "../../crates/core/benches/synth.rs"]
mod synth;
mod theme;
mod views;
mod wayland;
