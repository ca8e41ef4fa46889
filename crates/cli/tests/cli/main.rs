//! Integration tests of the real `pilgi` binary against real note folders.
//! One binary, one module per subcommand (ripgrep's layout).

mod bookmark;
mod commands;
mod crash;
mod damaged;
mod encodings;
mod hostile;
mod language;
mod lookup;
mod markdown;
mod progress;
mod review;
mod timeline_show;
mod util;
