//! Save files on disk: where they live, atomic writes (a crash mid-write leaves the previous
//! save whole), and unreadable saves kept aside instead of being overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::sim::save::{SaveError, SaveFile};

/// `$TRADEPORT_DATA_DIR`, `$XDG_DATA_HOME/tradeport` or `~/.local/share/tradeport`.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADEPORT_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME") {
        return Some(PathBuf::from(dir).join("tradeport"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share/tradeport"))
}

/// Writes `text` to `path` through a temporary file in the same folder, flushed to disk before
/// it replaces the old file in one rename: readers see the old file or the new one, never half.
///
/// # Errors
/// The I/O error; the old file is untouched then.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().to_string());
    let temp = dir.join(format!(".{name}.tmp"));
    {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&temp, path)
}

/// Where an unreadable save is moved: `name.unreadable.ron`, numbered if that exists.
fn aside_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().to_string());
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut candidate = dir.join(format!("{stem}.unreadable.ron"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}.unreadable-{n}.ron"));
        n += 1;
    }
    candidate
}

/// Why a save on disk could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}: {error}")]
    Save { path: String, error: SaveError },
}

/// Reads a save file.
///
/// # Errors
/// [`LoadError`] saying what is wrong with which file.
pub fn read_save(path: &Path) -> Result<SaveFile, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|error| LoadError::Io {
        path: path.display().to_string(),
        error,
    })?;
    SaveFile::parse(&text).map_err(|error| LoadError::Save {
        path: path.display().to_string(),
        error,
    })
}

/// Saves over `path`. If the file there is not a save this version can read (damaged, or from
/// a newer version), it is first moved aside, never overwritten; returns where it went.
///
/// # Errors
/// The I/O error; the previous save is untouched then.
pub fn store(path: &Path, save: &SaveFile) -> std::io::Result<Option<PathBuf>> {
    let mut kept = None;
    if path.exists() && read_save(path).is_err() {
        let aside = aside_path(path);
        std::fs::rename(path, &aside)?;
        kept = Some(aside);
    }
    write_atomic(path, &save.to_text())?;
    Ok(kept)
}
