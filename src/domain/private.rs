//! Words that must never leave the device: contact notes, the private words of a closure, the
//! safety card. `PrivateText` stores and reads back like a plain string, but has no `Display`,
//! `AsRef<str>`, `Deref` or conversion into `String`, so it cannot slip into a shared file by
//! formatting or conversion; the screen reads it with [`PrivateText::on_this_device`], a name
//! no code in `share` may use (a test reads the share sources to make sure).

use super::{check_length, DomainError};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PrivateText(String);

impl PrivateText {
    /// Trims the text and refuses it when it is too long.
    pub fn new(text: &str) -> Result<PrivateText, DomainError> {
        let text = text.trim();
        check_length(text)?;
        Ok(PrivateText(text.to_string()))
    }

    /// The words, for showing on this device's screen only.
    pub fn on_this_device(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Debug output (panics, logs) says how long the words are, never what they say.
impl fmt::Debug for PrivateText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateText({} characters)", self.0.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_refuses_over_long_and_hides_itself_from_debug() {
        let t = PrivateText::new("  call Sam's sister  ").unwrap();
        assert_eq!(t.on_this_device(), "call Sam's sister");
        assert_eq!(format!("{t:?}"), "PrivateText(17 characters)");
        assert!(PrivateText::new(&"x".repeat(super::super::MAX_TEXT + 1)).is_err());
        assert!(PrivateText::new("   ").unwrap().is_empty());
    }

    #[test]
    fn stores_as_a_plain_string() {
        let t = PrivateText::new("note").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"note\"");
        let back: PrivateText = serde_json::from_str("\"note\"").unwrap();
        assert_eq!(back, t);
    }
}
