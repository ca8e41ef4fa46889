# The desktop app's Rust side.
