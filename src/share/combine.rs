//! Combining shareable files from several facilitators' devices into one programme report, on
//! the programme lead's device. Only the shareable JSON schema is accepted, with no extra field
//! anywhere (an extra field is where a name could travel); every figure is suppressed again at
//! the combined threshold, and the result is an ordinary `Shareable`, so every format renders it.

mod merge;
mod names;
mod schema;

pub use names::DeviceNames;

use crate::share::gate::Shareable;
use crate::share::suppress::K;

/// Largest file accepted. A year of a large programme is well under 2 MB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

pub use schema::FileRefusal;

/// One file's problem, numbered as the user chose the files (from 1; 0 when no file was
/// chosen). Said as "File 2 is not a Peercircle shareable file: …"; a screen that knows the
/// file's name says it instead of the number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub file: usize,
    pub reason: FileRefusal,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.reason {
            FileRefusal::NoFiles => write!(f, "{}", self.reason),
            _ => write!(f, "File {} {}", self.file, self.reason),
        }
    }
}

/// Why the files could not be combined: one plain sentence per refused file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))]
pub struct ImportError {
    pub problems: Vec<FileProblem>,
}

/// The combined content and what combining did to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Combined {
    pub shareable: Shareable,
    pub files: usize,
    /// Plain notes for the preview, e.g. "4 counts are hidden again at the combined threshold".
    pub notes: Vec<String>,
}

/// Reads every file and merges them, with no names of this device to check against (tests and
/// tools). The app calls [`combine_on_device`].
pub fn combine(files: &[&str], k: K) -> Result<Combined, ImportError> {
    combine_on_device(files, k, &DeviceNames::default())
}

/// Reads every file, merges them, and checks the result against every name this device knows:
/// a name in any text is replaced with [name], and a named testimony keeps its name only where
/// the file declares a written approval covering evaluation reports (and, for a person this
/// device knows, this device's own approval covers it too); otherwise it is credited to its
/// role. Refuses the whole set if any file is refused, naming each one and why.
pub fn combine_on_device(
    files: &[&str],
    k: K,
    device: &DeviceNames,
) -> Result<Combined, ImportError> {
    if files.is_empty() {
        return Err(ImportError {
            problems: vec![FileProblem {
                file: 0,
                reason: FileRefusal::NoFiles,
            }],
        });
    }
    let mut read = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (i, text) in files.iter().enumerate() {
        let file = i + 1;
        match schema::read(text) {
            Ok(content) => read.push(content),
            Err(reason) => problems.push(FileProblem { file, reason }),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    let mut combined = merge::merge(read, k, files);
    names::recheck(&mut combined, device);
    Ok(combined)
}
