//! The privacy gate and the export formats, pure. Nothing leaves the device except through
//! this module: `names` gathers every name the device knows,
//! `scrub` finds them in free text, `suppress` hides small counts, and
//! `escape` makes text inert in CSV, HTML and Markdown.

pub mod combine;
pub mod csv;
pub mod escape;
pub mod export;
pub mod gate;
pub mod html;
pub mod json;
pub mod markdown;
pub mod names;
pub mod scrub;
pub mod suppress;
