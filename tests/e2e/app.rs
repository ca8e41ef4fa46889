//! Drives the real desktop app: starts `tauri-driver` (which starts
//! WebKitWebDriver, which starts our binary in a real WebKitGTK window) and
//! connects a WebDriver client. Needs an X display (the tests run under
//! `xvfb-run`, see `scripts/test`).

use crate::bus::SessionBus;
use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long a UI condition may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A row of a long list as [`App::list_rows`] reads it.
#[derive(Debug, serde::Deserialize)]
pub struct ListRow {
    /// Its `data-index`: its place in the whole list.
    pub index: usize,
    /// Its `data-id` (a section id), if any.
    pub id: Option<String>,
    /// Its `data-file` (a file row of the Sections tree), if any.
    pub file: Option<String>,
    /// Its `data-testid` (`section-item`, `timeline-item` …), if any.
    pub testid: Option<String>,
    /// Its `class` attribute (`current`, `bookmarked`, `hit` …).
    pub classes: String,
    /// The `data-state` of its study marks (`opened reviewed` …), if any.
    pub study: Option<String>,
}

impl ListRow {
    /// Whether the row carries the class `name`.
    pub fn has_class(&self, name: &str) -> bool {
        self.classes.split_whitespace().any(|c| c == name)
    }
}

/// The ids of the timeline's timed sections, in order: the rows of the
/// Timeline's track.
pub fn timed_ids(timeline: &pilgi_core::Timeline) -> Vec<&str> {
    timeline
        .sections
        .iter()
        .filter(|s| s.timed)
        .map(|s| s.id.as_str())
        .collect()
}

/// The section ids of the rows with test id `testid`, in order.
pub fn ids_of<'r>(rows: &'r [ListRow], testid: &str) -> Vec<&'r str> {
    rows.iter()
        .filter(|r| r.testid.as_deref() == Some(testid))
        .filter_map(|r| r.id.as_deref())
        .collect()
}

/// One running app with its own notes, data and cache folders.
pub struct App {
    /// The WebDriver session.
    pub client: Client,
    driver: Child,
    /// The app's own session bus (a second launch meets it there).
    pub bus: SessionBus,
    /// The notes folder the app reads (a copy the test may edit).
    pub notes: PathBuf,
    /// Temp root holding notes, XDG dirs.
    pub root: tempfile::TempDir,
    name: String,
}

impl App {
    /// Launches the app on a fresh copy of `notes_src` (a folder).
    pub async fn launch(name: &str, notes_src: &Path) -> App {
        App::launch_with(name, notes_src, &[]).await
    }

    /// [`App::launch`] with extra environment for the app. It gets a
    /// private session bus: the app's single-instance lock lives there,
    /// and tests must not meet each other (or the developer's running
    /// Pilgi) on it.
    pub async fn launch_with(name: &str, notes_src: &Path, env: &[(&str, &str)]) -> App {
        let root = tempfile::tempdir().expect("temp dir");
        copy_dir(notes_src, &root.path().join("notes"));
        App::start(name, root, env).await
    }

    /// Launches the app again on the same notes, data and cache, killing
    /// it first if [`App::stop`] has not (SIGKILL, whatever it is doing).
    pub async fn relaunched(mut self) -> App {
        self.stop();
        let placeholder = tempfile::tempdir().expect("temp dir");
        let root = std::mem::replace(&mut self.root, placeholder);
        App::start(&self.name, root, &[]).await
    }

    /// Starts the app (through tauri-driver) on the notes in `root`, with
    /// its XDG folders there too.
    async fn start(name: &str, root: tempfile::TempDir, env: &[(&str, &str)]) -> App {
        let bus = SessionBus::start();
        let notes = root.path().join("notes");
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(app_env(root.path(), &bus))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            // Its own process group, so stopping it also stops the
            // WebKitWebDriver and the app it started (see `stop`).
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be installed (cargo install tauri-driver --version 2.1.0)");
        wait_for_port(port);
        let caps = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": env!("CARGO_BIN_EXE_pilgi-app") }
        });
        let client = ClientBuilder::native()
            .capabilities(caps.as_object().cloned().unwrap_or_default())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        let app = App {
            client,
            driver,
            bus,
            notes,
            root,
            name: name.to_owned(),
        };
        app.wait_css("body[data-ready='true']").await;
        app
    }

    /// Waits for an element to appear, failing the test (with a screenshot) after [`PATIENCE`].
    pub async fn wait_css(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                self.shot("failure").await;
                panic!("{}: no element {css:?} after {PATIENCE:?}: {e}", self.name)
            }
        }
    }

    /// Waits for an element (as [`App::wait_css`]) and clicks it.
    pub async fn click(&self, css: &str) {
        if let Err(e) = self.wait_css(css).await.click().await {
            self.shot("failure").await;
            panic!("{}: could not click {css:?}: {e}", self.name)
        }
    }

    /// Opens section `id` from the Sections tree and bookmarks it with
    /// `b` (the focus on the page, not in a text field), as a user does.
    pub async fn bookmark_with_b(&self, id: &str) {
        self.click(&format!("[data-testid='section-item'][data-id='{id}']"))
            .await;
        self.wait_css("[data-testid='bookmark-toggle']").await;
        self.js("document.getElementById('reader').focus()").await;
        self.wait_css("[data-testid='reader']")
            .await
            .send_keys("b")
            .await
            .expect("press b");
        self.wait_css("[data-testid='bookmark-toggle'][aria-pressed='true']")
            .await;
    }

    /// All elements matching a selector, right now.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// Polls `check` until it returns true, failing with `what` after [`PATIENCE`].
    pub async fn eventually<F, Fut>(&self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let start = Instant::now();
        while !check().await {
            if start.elapsed() > PATIENCE {
                self.shot("failure").await;
                panic!("{}: {what} did not happen within {PATIENCE:?}", self.name);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types `query` into the search box (replacing what was there) and
    /// waits until the results list answers it; returns the hit ids in order.
    pub async fn search(&self, query: &str) -> Vec<String> {
        let input = self.wait_css("[data-testid='search-input']").await;
        input.clear().await.expect("clear search");
        input.send_keys(query).await.expect("type query");
        self.results_for(query).await
    }

    /// Puts `query` in the search box from script (for text a WebDriver
    /// keyboard cannot type, such as emoji) and waits for its results.
    pub async fn search_pasted(&self, query: &str) -> Vec<String> {
        let set = format!(
            "const i = document.getElementById('search'); i.value = {}; i.dispatchEvent(new Event('input'))",
            serde_json::Value::from(query)
        );
        self.js(&set).await;
        self.results_for(query).await
    }

    /// Waits until the results list answers `query`; returns the hit ids.
    pub async fn results_for(&self, query: &str) -> Vec<String> {
        let check = format!(
            "return document.getElementById('panel-results').dataset.query === {}",
            serde_json::Value::from(query.trim())
        );
        self.eventually(&format!("results for {query:?}"), || async {
            self.js(&check).await == serde_json::Value::Bool(true)
        })
        .await;
        let ids = self
            .js("return [...document.querySelectorAll('[data-testid=result-item]')].map(e => e.dataset.id)")
            .await;
        serde_json::from_value(ids).unwrap_or_default()
    }

    /// Every row of a long list (drawn as a window of its rows, see
    /// ui/js/virtual_list.js), read by scrolling it from top to bottom, in
    /// order of `data-index`; also checks that the rows read are as many as
    /// the list's `data-count` and that no index is missing.
    pub async fn list_rows(&self, list: &str) -> Vec<ListRow> {
        let read = "const [css, done] = [arguments[0], arguments[arguments.length - 1]];
            const box = document.querySelector(css);
            // The list draws on its scroll event; sent at once after each
            // step (the browser's own may come a frame later), it draws
            // before the rows are read. It draws a screen beyond each edge,
            // so two screens at a time read every row.
            const scrolled = () => box.dispatchEvent(new Event('scroll'));
            const rows = new Map();
            (() => {
              box.scrollTop = 0;
              scrolled();
              for (;;) {
                for (const r of box.querySelectorAll('[data-index]')) {
                  rows.set(Number(r.dataset.index), {
                    index: Number(r.dataset.index), id: r.dataset.id ?? null, file: r.dataset.file ?? null,
                    testid: r.dataset.testid ?? null, classes: r.className,
                    study: r.querySelector('[data-testid=study]')?.dataset.state ?? null,
                  });
                }
                if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
                box.scrollTop += 2 * box.clientHeight;
                scrolled();
              }
              done({ count: Number(box.dataset.count), rows: [...rows.values()].sort((a, b) => a.index - b.index) });
            })();";
        let value = self
            .client
            .execute_async(read, vec![serde_json::Value::from(list)])
            .await
            .unwrap_or_else(|e| panic!("{}: reading the list {list}: {e}", self.name));
        let count = value["count"].as_u64().expect("data-count") as usize;
        let rows: Vec<ListRow> = serde_json::from_value(value["rows"].clone()).expect("rows");
        assert_eq!(rows.len(), count, "{list}: rows read vs data-count");
        assert!(
            rows.iter().enumerate().all(|(i, r)| r.index == i),
            "{list}: an index is missing"
        );
        rows
    }

    /// The ids of the rows of tab `tab`'s list (`sections`, `timeline`)
    /// that carry the class `mark` (`current`, `bookmarked`), shown and
    /// read whole.
    pub async fn marked(&self, tab: &str, mark: &str) -> Vec<String> {
        self.click(&format!("[data-testid='nav-{tab}']")).await;
        let rows = self.list_rows(&format!("[data-testid='{tab}']")).await;
        rows.into_iter()
            .filter(|r| r.has_class(mark))
            .filter_map(|r| r.id)
            .collect()
    }

    /// How many rows a long list holds, drawn or not (its `data-count`).
    pub async fn list_count(&self, list: &str) -> usize {
        let script = format!(
            "return Number(document.querySelector({}).dataset.count)",
            serde_json::Value::from(list)
        );
        self.js(&script).await.as_u64().expect("data-count") as usize
    }

    /// Runs JavaScript in the page and returns its value.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{}: script failed: {e}", self.name))
    }

    /// Saves a screenshot to `tests/artifacts/<test>-<label>.png`.
    /// Waits for the window to show the page as it is now first: the
    /// screenshot is the last frame presented, which lags a DOM change just
    /// made (the settings sheet was caught before its message appeared).
    pub async fn shot(&self, label: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let presented = "const done = arguments[arguments.length - 1];
                         requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 20)));";
        let _ = self.client.execute_async(presented, vec![]).await;
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{}-{label}.png", self.name)), png);
        }
    }

    /// The environment of each of the app's WebKit web processes (they
    /// are in tauri-driver's process group, like everything it started).
    pub fn web_process_environments(&self) -> Vec<Vec<String>> {
        let group = self.driver.id().to_string();
        let in_group = |stat: &str| {
            // After "(comm)": state, ppid, pgrp.
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(2).map(|g| g == group))
                .unwrap_or(false)
        };
        let Ok(procs) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        procs
            .flatten()
            .map(|p| p.path())
            .filter(|p| {
                let comm = std::fs::read_to_string(p.join("comm")).unwrap_or_default();
                let stat = std::fs::read_to_string(p.join("stat")).unwrap_or_default();
                comm.starts_with("WebKitWebProces") && in_group(&stat)
            })
            .filter_map(|p| std::fs::read(p.join("environ")).ok())
            .map(|env| {
                env.split(|b| *b == 0)
                    .map(|v| String::from_utf8_lossy(v).into_owned())
                    .collect()
            })
            .collect()
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        self.stop();
    }

    /// Kills tauri-driver's whole process group, the app with it, by
    /// SIGKILL: killing tauri-driver alone orphaned its WebKitWebDriver,
    /// which kept the test's output pipe open (`scripts/bench-desktop`
    /// waited on it forever).
    pub fn stop(&mut self) {
        kill_group(&mut self.driver);
    }

    /// The app's settings as the page gets them (`get_settings`).
    pub async fn settings(&self) -> serde_json::Value {
        let settings = "const done = arguments[arguments.length - 1];
            window.__TAURI_INTERNALS__.invoke('get_settings').then(done, (e) => done(String(e)));";
        self.client
            .execute_async(settings, vec![])
            .await
            .expect("settings")
    }

    /// Runs `pilgi-app ARGS` beside this app (with `env` besides its own),
    /// as a user or a desktop shortcut would, and waits for it to hand
    /// over and exit.
    pub async fn launch_again(&self, args: &[&str], env: &[(&str, &str)]) -> ExitStatus {
        let mut second = Command::new(env!("CARGO_BIN_EXE_pilgi-app"))
            .args(args)
            .envs(app_env(self.root.path(), &self.bus))
            .envs(env.iter().copied())
            .spawn()
            .expect("second launch");
        let start = Instant::now();
        loop {
            if let Some(status) = second.try_wait().expect("wait") {
                return status;
            }
            if start.elapsed() > PATIENCE {
                let _ = second.kill();
                panic!("pilgi-app {args:?} kept running instead of handing over");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Kills the process group `leader` started (it was spawned with
/// `process_group(0)`) by SIGKILL, and reaps the leader.
pub fn kill_group(leader: &mut Child) {
    if let Ok(Some(_)) = leader.try_wait() {
        return; // already stopped (close, then drop)
    }
    if let Ok(pid) = i32::try_from(leader.id()) {
        // SAFETY: kill only reads its integer arguments; -pid names the
        // group the leader started.
        unsafe { libc::kill(-pid, libc::SIGKILL) };
    }
    let _ = leader.wait();
}

impl Drop for App {
    fn drop(&mut self) {
        // A panicking test never reaches close(): do not leave the app running.
        self.stop();
    }
}

/// The environment of an app whose notes, data, cache and config live in
/// `root` and whose session bus is `bus`: the one a launch through
/// WebDriver gets, and the one a second launch needs to meet it.
pub fn app_env(root: &Path, bus: &SessionBus) -> [(&'static str, std::ffi::OsString); 10] {
    [
        ("PILGI_NOTES", root.join("notes").into()),
        ("XDG_DATA_HOME", root.join("data").into()),
        ("XDG_CACHE_HOME", root.join("cache").into()),
        ("XDG_CONFIG_HOME", root.join("config").into()),
        ("DBUS_SESSION_BUS_ADDRESS", bus.address.clone().into()),
        // English whatever the caller's locale (an empty variable says
        // nothing); a test of the Korean interface sets its own LANG.
        ("LANG", "C.UTF-8".into()),
        ("LANGUAGE", "".into()),
        ("LC_ALL", "".into()),
        ("LC_MESSAGES", "".into()),
        ("PILGI_LANG", "".into()),
    ]
}

/// The repo's bundled notes.
pub fn bundled_notes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("notes")
}

fn tauri_driver() -> PathBuf {
    let home_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin/tauri-driver"));
    home_bin
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < PATIENCE,
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create notes copy");
    for entry in std::fs::read_dir(from).expect("read notes").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy note");
        }
    }
}

/// Runs xdotool (real X input and window queries) with `args`; returns
/// its stdout.
pub fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool (scripts/setup installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether a mapped window titled `name` is on the display.
pub fn window_visible(name: &str) -> bool {
    !xdotool(&["search", "--onlyvisible", "--name", name])
        .trim()
        .is_empty()
}
