//! Fuzz target `query`: any bytes as a query over a small real index built
//! once in a temp dir; see `checks::query` for what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use std::sync::OnceLock;

static FIXTURE: OnceLock<(checks::QueryFixture, std::path::PathBuf)> = OnceLock::new();

fn fixture() -> &'static checks::QueryFixture {
    &FIXTURE
        .get_or_init(|| {
            let dir = std::env::temp_dir().join(format!("pilgi-fuzz-query-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            (checks::query_fixture(&dir), dir)
        })
        .0
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::query(fixture(), data));
