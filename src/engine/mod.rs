//! engine
pub mod walk;
