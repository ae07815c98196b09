//! Writing files whole or not at all: reports (`--output`), baselines and fixes go to a
//! temporary file in the same directory, which is renamed over the target only once it is
//! complete. An existing target keeps its permissions. A reader never sees half a file,
//! and a failed write leaves the old file as it was.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically (temporary file, then rename).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".canonlint-").suffix(".tmp");
    // A new file gets the usual mode (0666 less the umask), not a temporary file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.txt");
        write(&path, b"one")?;
        assert_eq!(fs::read(&path)?, b"one");
        write(&path, b"two")?;
        assert_eq!(fs::read(&path)?, b"two");
        // Nothing is left behind.
        assert_eq!(fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permissions_of_the_file_it_replaces() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("script.txt");
        fs::write(&path, b"old")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
        write(&path, b"new")?;
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o640);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_mode() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let umask = std::process::Command::new("sh")
            .args(["-c", "umask"])
            .output()?;
        let umask = u32::from_str_radix(String::from_utf8_lossy(&umask.stdout).trim(), 8)
            .map_err(io::Error::other)?;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("new.txt");
        write(&path, b"x")?;
        assert_eq!(
            fs::metadata(&path)?.permissions().mode() & 0o777,
            0o666 & !umask
        );
        Ok(())
    }

    #[test]
    fn a_missing_directory_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no/such/dir/out.txt");
        assert!(write(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
