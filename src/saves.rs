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
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
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
    std::fs::rename(&temp, path)?;
    // The rename itself is durable once the folder is synced (a power cut keeps the new file).
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
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
    #[error("cannot read {path}: {}", crate::i18n::english().say(.why))]
    Io {
        path: String,
        /// Why, as a catalogue sentence (not found, too large, not UTF-8, …).
        why: crate::sim::said::Said,
    },
    #[error("{path}: {error}")]
    Save { path: String, error: SaveError },
}

/// Largest save file read. A day of play logs a few dozen commands of a few hundred bytes;
/// this leaves room for years of them.
pub const MAX_SAVE_BYTES: u64 = 32 * 1024 * 1024;

/// Largest report file read: its save and the claims.
pub const MAX_REPORT_BYTES: u64 = MAX_SAVE_BYTES + 1024 * 1024;

/// Largest gradebook CSV appended to (a class of hundreds is a few hundred kilobytes).
pub const MAX_GRADEBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a save or report's text: a regular file of at most `limit` bytes.
fn read_limited(path: &Path, limit: u64) -> Result<String, LoadError> {
    let io = |why| LoadError::Io {
        path: path.display().to_string(),
        why,
    };
    let bytes = crate::scenario::load::read_bounded(path, limit).map_err(|e| io(e.said()))?;
    String::from_utf8(bytes).map_err(|_| io(crate::sim::said::Said::new("check-file-not-utf8")))
}

/// Reads a save file.
///
/// # Errors
/// [`LoadError`] saying what is wrong with which file.
pub fn read_save(path: &Path) -> Result<SaveFile, LoadError> {
    let text = read_limited(path, MAX_SAVE_BYTES)?;
    SaveFile::parse(&text).map_err(|error| LoadError::Save {
        path: path.display().to_string(),
        error,
    })
}

/// Reads a student's report file.
///
/// # Errors
/// [`LoadError`] saying what is wrong with which file.
pub fn read_report(path: &Path) -> Result<crate::sim::save::ReportFile, LoadError> {
    let text = read_limited(path, MAX_REPORT_BYTES)?;
    crate::sim::save::ReportFile::parse(&text).map_err(|error| LoadError::Save {
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
    let kept = keep_aside_if_unreadable(path)?;
    write_atomic(path, &save.to_text())?;
    Ok(kept)
}

/// Moves the file at `path` aside if it is not a save this version can read; where it went.
fn keep_aside_if_unreadable(path: &Path) -> std::io::Result<Option<PathBuf>> {
    if path.exists() && read_save(path).is_err() {
        let aside = aside_path(path);
        std::fs::rename(path, &aside)?;
        return Ok(Some(aside));
    }
    Ok(None)
}

/// What the background writer has done, shared with the threads that wait on it.
#[derive(Default)]
struct WriterState {
    /// The newest save waiting for each path, with its ticket.
    pending: std::collections::BTreeMap<PathBuf, (u64, SaveFile)>,
    /// The last ticket handed out, and the highest one written (or given up on).
    submitted: u64,
    done: u64,
    /// The size and modification time of each file as this writer last left it: a file
    /// found otherwise was changed by someone else and is checked again (and kept aside if
    /// it is not a readable save).
    written: std::collections::BTreeMap<PathBuf, Option<(u64, std::time::SystemTime)>>,
    /// What happened last: files kept aside, or the error of a failed write.
    notices: Vec<String>,
    /// Files whose last write failed (a later save of the same file that succeeds clears it).
    failed: std::collections::BTreeSet<PathBuf>,
    stop: bool,
}

/// Writes saves on a thread of its own, so that saving after every accepted command never
/// stalls a frame: [`SaveWriter::submit`] hands over the save, the writer serialises it and
/// writes it atomically ([`write_atomic`]); when several saves of one file wait, only the
/// newest is written. [`SaveWriter::flush`] waits until everything handed over is on disk
/// (on exit, and on SIGTERM/SIGINT).
#[derive(Clone)]
pub struct SaveWriter {
    shared: Shared,
}

impl std::fmt::Debug for SaveWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SaveWriter")
    }
}

impl SaveWriter {
    /// Starts the writer thread; `on_written` is called (on that thread) with each ticket
    /// written and whether it is durable on disk.
    pub fn start(on_written: impl Fn(u64, bool) + Send + 'static) -> Self {
        let shared: Shared =
            std::sync::Arc::new((std::sync::Mutex::new(WriterState::default()), std::sync::Condvar::new()));
        let worker = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("tradeport-saves".into())
            .spawn(move || write_loop(&worker, &on_written));
        if spawned.is_err() {
            // No thread: say so once; `submit` then writes in the caller's thread.
            if let Ok(mut state) = shared.0.lock() {
                state.stop = true;
                state
                    .notices
                    .push("saving in the background is not possible; saving in the game's own thread".into());
            }
        }
        Self { shared }
    }

    /// Hands over a save of `path`; returns its ticket.
    pub fn submit(&self, path: PathBuf, save: SaveFile) -> u64 {
        let (lock, wake) = &*self.shared;
        let Ok(mut state) = lock.lock() else { return 0 };
        state.submitted += 1;
        let ticket = state.submitted;
        if state.stop {
            drop(state);
            let outcome = write_one(&self.shared, &path, &save);
            if let Ok(mut state) = lock.lock() {
                state.done = state.done.max(ticket);
                state.record(&path, outcome);
            }
            return ticket;
        }
        state.pending.insert(path, (ticket, save));
        wake.notify_all();
        ticket
    }

    /// Waits until every save handed over so far is written, at most `timeout`; whether all
    /// were, and each file's last write succeeded.
    pub fn flush(&self, timeout: std::time::Duration) -> bool {
        let (lock, wake) = &*self.shared;
        let Ok(state) = lock.lock() else { return false };
        let target = state.submitted;
        match wake.wait_timeout_while(state, timeout, |s| s.done < target) {
            Ok((state, _)) => state.done >= target && state.failed.is_empty(),
            Err(_) => false,
        }
    }

    /// Notices since the last call: files kept aside, writes that failed.
    pub fn take_notices(&self) -> Vec<String> {
        self.shared
            .0
            .lock()
            .map(|mut s| std::mem::take(&mut s.notices))
            .unwrap_or_default()
    }
}

impl Drop for SaveWriter {
    /// The last handle gone (the writer thread holds the other reference): the thread writes
    /// what is pending and ends.
    fn drop(&mut self) {
        if std::sync::Arc::strong_count(&self.shared) <= 2
            && let Ok(mut state) = self.shared.0.lock()
        {
            state.stop = true;
            self.shared.1.notify_all();
        }
    }
}

impl WriterState {
    /// Notes how a write of `path` went.
    fn record(&mut self, path: &Path, outcome: Result<Option<String>, String>) {
        match outcome {
            Ok(notice) => {
                self.failed.remove(path);
                self.notices.extend(notice);
            }
            Err(error) => {
                self.failed.insert(path.to_path_buf());
                self.notices.push(error);
            }
        }
    }
}

type Shared = std::sync::Arc<(std::sync::Mutex<WriterState>, std::sync::Condvar)>;

/// Writes one save, keeping an unreadable old file aside the first time a path is written;
/// a notice if something is worth telling.
fn write_one(shared: &Shared, path: &Path, save: &SaveFile) -> Result<Option<String>, String> {
    let stamp = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| Some((m.len(), m.modified().ok()?)))
    };
    let ours = shared
        .0
        .lock()
        .map(|s| s.written.get(path).copied().flatten())
        .unwrap_or(None);
    let changed = ours.is_none() || ours != stamp(path);
    let kept = if changed {
        keep_aside_if_unreadable(path)
    } else {
        Ok(None)
    };
    let text = save.to_text();
    let too_large = text.len() as u64 > MAX_SAVE_BYTES;
    let outcome = kept.and_then(|kept| write_atomic(path, &text).map(|()| kept));
    if let Ok(mut state) = shared.0.lock() {
        state.written.insert(path.to_path_buf(), stamp(path));
    }
    match outcome {
        // Written, so nothing is lost, but over what the game reads back: say so.
        Ok(_) if too_large => Ok(Some(format!(
            "the save is over {} MiB, more than the game reads back; finish this scenario and start afresh",
            MAX_SAVE_BYTES / (1024 * 1024)
        ))),
        Ok(None) => Ok(None),
        Ok(Some(aside)) => Ok(Some(format!(
            "an unreadable save was kept as {} and a new one written",
            aside.display()
        ))),
        Err(e) => Err(format!("the game could not be saved: {e}")),
    }
}

fn write_loop(shared: &Shared, on_written: &dyn Fn(u64, bool)) {
    let (lock, wake) = &**shared;
    loop {
        let mut batch: Vec<(PathBuf, (u64, SaveFile))> = {
            let Ok(state) = lock.lock() else { return };
            let Ok(mut state) = wake.wait_while(state, |s| s.pending.is_empty() && !s.stop) else {
                return;
            };
            if state.pending.is_empty() && state.stop {
                return;
            }
            std::mem::take(&mut state.pending).into_iter().collect()
        };
        // Oldest first: once ticket t is written, every earlier one is written or superseded.
        batch.sort_by_key(|(_, (ticket, _))| *ticket);
        for (path, (ticket, save)) in batch {
            let outcome = write_one(shared, &path, &save);
            let durable = outcome.is_ok();
            if let Ok(mut state) = lock.lock() {
                state.done = state.done.max(ticket);
                state.record(&path, outcome);
            }
            on_written(ticket, durable);
            wake.notify_all();
        }
    }
}
