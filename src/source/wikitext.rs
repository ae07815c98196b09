//! Placeholder until the reader lands.

use super::Reading;

/// Reads the text as plain text for now.
pub(crate) fn read(text: &str) -> Reading {
    super::plain::read(text)
}
