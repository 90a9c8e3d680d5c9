//! Peercircle: an offline, privacy-first companion for peer mentoring programmes and peer
//! support groups. Pure rules live in `domain` and `share`; `persist` stores; `ui` paints.

pub mod domain;
pub mod persist;
pub mod share;
pub mod state;
pub mod ui;

pub use ui::App;
