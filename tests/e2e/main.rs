//! End-to-end tests of the desktop app in a real WebKitGTK window over
//! WebDriver. Run them with `scripts/test` (it starts Xvfb and installs
//! tauri-driver); each test launches its own app on its own copy of notes.

mod app;
mod bench;
mod bookmarks;
mod bus;
mod large;
mod live;
mod lookup;
mod markdown;
mod offline;
mod renderer;
mod search;
mod smoke;
mod theme;
mod views;
