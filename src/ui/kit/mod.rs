//! The UI kit: the pieces every screen is built from, so that a field, a print sheet, a
//! kiosk task or a file looks and behaves the same wherever it appears.
//!
//! - `fields`: labelled fields with their hint and error line, and the refusal line itself.
//! - `cards`: lists of cards and wide tables, with the sentence shown while there are none.
//! - `confirm`: a button that asks before doing something final; the panel that deletes what
//!   a page shows.
//! - `files`: the files a person picked, read; text saved as a download.
//! - `focus`: moving the keyboard focus to a part of the page.
//! - `kiosk_task`: the frame around each kiosk task's form (thank-you, hand back), and the
//!   heading and promise of a task answered with no name.
//! - `names`: how people and pairs are named on screen.
//! - `print`: printable sheets with their Print button and signature lines.
//! - `text`: sizes, plurals and today's date in plain words.

mod cards;
mod confirm;
mod fields;
mod files;
mod focus;
mod kiosk_task;
mod names;
mod print;
mod text;

pub use cards::{CardList, OrEmpty, TableOrEmpty};
pub use confirm::{ConfirmButton, DeleteSection};
pub use fields::{
    choose_options, unknown_choice, unknown_option, CheckList, ErrorLine, Field, InputField,
    PickField, TextAreaField, TextField, PRIVATE_NOTES_HINT,
};
pub use files::{download, picked_files, read_bytes, read_text};
pub use focus::{focus_id, focus_id_soon};
pub use kiosk_task::{AnonymousTask, KioskTask, Thanks};
pub use names::{name_of, names, pair_label, pair_name, pair_names};
pub use print::{or_not_written, print_page, PrintSheet, SignatureLines};
pub use text::{human_bytes, plural, today, SKILL_LEVELS};
