//! Finding scenario and rule-pack files on disk: the bundled folder and user-given paths.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::scenario::error::Diagnostic;
use crate::scenario::{self, RULE_PACK_SUFFIX, SCENARIO_SUFFIX};
use crate::sim::Scenario;

/// The id of the scenario `tradeport` starts when asked for the default.
pub const DEFAULT_SCENARIO_ID: &str = "b2b-silk-blouses";

pub use crate::scenario::bundled_dir;

/// What kind of file a path is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    RulePack,
    Nomenclature,
}

pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_string_lossy();
    if name.ends_with(SCENARIO_SUFFIX) {
        Some(FileKind::Scenario)
    } else if name.ends_with(RULE_PACK_SUFFIX) {
        Some(FileKind::RulePack)
    } else if name.ends_with(".nomenclature.ron") {
        Some(FileKind::Nomenclature)
    } else {
        None
    }
}

/// Expands files and folders (recursively) into the scenario and rule-pack files they hold,
/// sorted so output is stable. Named files are kept whatever their suffix.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if kind_of(&path).is_some() {
            out.push(path);
        }
    }
}

/// The `*.scenario.ron` files directly in `dir`, sorted by name.
pub fn scenario_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| kind_of(p) == Some(FileKind::Scenario))
        .collect();
    files.sort();
    files
}

/// One scenario file and what loading it gave.
pub struct CatalogEntry {
    pub path: PathBuf,
    pub outcome: Result<Arc<Scenario>, Vec<Diagnostic>>,
}

/// Loads every scenario in `dir`; broken ones are entries with their diagnostics.
pub fn load_dir(dir: &Path) -> Vec<CatalogEntry> {
    scenario_files(dir)
        .into_iter()
        .map(|path| {
            let outcome = scenario::load_scenario_file(&path).map(Arc::new);
            CatalogEntry { path, outcome }
        })
        .collect()
}

/// The ids (file names without the suffix) of the scenarios in `dir`, sorted.
fn scenario_ids(dir: &Path) -> Vec<String> {
    scenario_files(dir)
        .iter()
        .filter_map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().trim_end_matches(SCENARIO_SUFFIX).to_string())
        })
        .collect()
}

/// Finds a scenario by path, or by id among the bundled ones.
///
/// # Errors
/// A sentence naming what was looked for and what exists.
pub fn resolve(name: &str) -> Result<PathBuf, String> {
    resolve_said(name).map_err(|why| crate::i18n::english().say(&why))
}

/// As [`resolve`], saying why as a catalogue sentence.
///
/// # Errors
/// What was looked for and what exists.
pub fn resolve_said(name: &str) -> Result<PathBuf, crate::sim::said::Said> {
    let as_path = PathBuf::from(name);
    if as_path.is_file() {
        return Ok(as_path);
    }
    let dir = bundled_dir();
    let by_id = dir.join(format!("{name}{SCENARIO_SUFFIX}"));
    if by_id.is_file() {
        return Ok(by_id);
    }
    let known = scenario_ids(&dir);
    Err(crate::sim::said::Said::new("cli-no-such-scenario")
        .with("name", name)
        .with("bundled", known.join(", ")))
}

/// Finds a bundled scenario by id only: never a path, never the current folder.
///
/// # Errors
/// A sentence naming the id (made printable) and the bundled ids.
pub fn resolve_bundled(id: &str) -> Result<PathBuf, String> {
    let Some(dir) = scenario::installed_dir() else {
        return Err(
            "the bundled scenarios were not found next to the program; name the scenario file with --scenario"
                .to_string(),
        );
    };
    let by_id = dir.join(format!("{id}{SCENARIO_SUFFIX}"));
    if scenario::is_plain_id(id) && by_id.is_file() {
        return Ok(by_id);
    }
    let known = scenario_ids(&dir);
    Err(format!(
        "no bundled scenario `{}`; bundled: {} (name another scenario file with --scenario)",
        crate::escape::printable(id, 80),
        known.join(", ")
    ))
}
