//! walk
use std::path::Path;
/// display path
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
