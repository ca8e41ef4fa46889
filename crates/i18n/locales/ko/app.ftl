# 앱의 Rust 쪽.
