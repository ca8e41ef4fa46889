//! A private D-Bus session bus for each launched app. Without one, GTK
//! autolaunches a session bus (and the accessibility bus behind it) for
//! every app, and those daemons outlive the app: a few test runs used up
//! the user's inotify instances (128), after which apps could not watch
//! their notes. A private bus also keeps the single-instance lock, which
//! lives on the session bus, to the test that owns it.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A `dbus-daemon --session`, stopped when dropped (the accessibility
/// bus it started goes with it).
pub struct SessionBus {
    daemon: Child,
    /// Its `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
}

impl SessionBus {
    pub fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            // It complains that it may not raise its fd limit; harmless.
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (scripts/setup installs it)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("bus stdout"))
            .read_line(&mut address)
            .expect("bus address");
        SessionBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
