//! Unit tests live in tests/share_gate.rs (they need sessions built through the public API).
