//! Scenarios as Bevy assets: a hand-written loader that runs the same parse + validate as
//! `tradeport check`, a catalogue of the scenario folder, and hot reload by polling the files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoader, AssetPath, LoadContext, LoadState};
use bevy::prelude::*;

use crate::catalog;
use crate::scenario::error::Diagnostic;
use crate::scenario::{self, RulePackText, load};
use crate::sim::Scenario;
use crate::ui::menu::{EntryState, MenuEntry};

/// The asset source id under which the scenario folder is mounted.
pub const SCENARIO_SOURCE: &str = "scenarios";

/// A loaded scenario file: valid, or broken with every diagnostic. Loading never fails, so a
/// broken file is still an entry in the menu.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioAsset {
    pub outcome: Result<Arc<Scenario>, Vec<Diagnostic>>,
    /// Rule-pack files it read, relative to the scenario folder (for hot reload).
    pub rule_pack_files: Vec<PathBuf>,
}

/// Reads `*.scenario.ron` and the rule packs it references.
#[derive(TypePath)]
pub struct ScenarioLoader {
    /// How the scenario folder is named in diagnostics, e.g. `scenarios`.
    pub folder_label: String,
    /// The folder on disk, for rule packs that live outside it.
    pub folder_dir: PathBuf,
}

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioAsset;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        _reader: &mut dyn Reader,
        _settings: &(),
        ctx: &mut LoadContext<'_>,
    ) -> Result<ScenarioAsset, std::io::Error> {
        let relative = ctx.path().path().to_path_buf();
        let label = join_label(&self.folder_label, &relative);
        // Read from disk through the bounded reader (regular files only, size-limited), not
        // the asset reader, which would read a FIFO or a device without end.
        let on_disk = self.folder_dir.join(&relative);
        let text = match load::read_text(&on_disk, &label) {
            Ok(text) => text,
            Err(d) => return Ok(broken(vec![d])),
        };
        let file = match load::parse_scenario(&label, &text) {
            Ok(file) => file,
            Err(d) => return Ok(broken(d)),
        };
        let mut packs = Vec::new();
        let mut rule_pack_files = Vec::new();
        // Rule packs are read from disk under the same rules as `tradeport check`: files in
        // the scenario's folder, or bundled packs by id, nothing else.
        for (index, reference) in file.setup.rule_packs.iter().enumerate() {
            if let Ok(path) = scenario::locate_rule_pack(&on_disk, &reference.id, &reference.file) {
                rule_pack_files.push(path);
            }
            let (pack_label, text) = scenario::read_rule_pack(&on_disk, &reference.id, &reference.file);
            packs.push(RulePackText {
                index,
                label: pack_label,
                text,
            });
        }
        Ok(ScenarioAsset {
            outcome: scenario::assemble(&label, &file, packs, scenario::read_nomenclature(&on_disk, &file))
                .map(Arc::new),
            rule_pack_files,
        })
    }

    fn extensions(&self) -> &[&str] {
        &["scenario.ron"]
    }
}

fn broken(diagnostics: Vec<Diagnostic>) -> ScenarioAsset {
    ScenarioAsset {
        outcome: Err(diagnostics),
        rule_pack_files: Vec::new(),
    }
}

fn join_label(folder: &str, relative: &Path) -> String {
    format!("{folder}/{}", relative.display()).replace('\\', "/")
}

/// The scenario folder shown in the menu.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioFolder {
    /// Absolute path on disk.
    pub dir: PathBuf,
    /// Short name used in diagnostics.
    pub label: String,
}

impl ScenarioFolder {
    pub fn new(dir: PathBuf) -> Self {
        let absolute = std::fs::canonicalize(&dir).unwrap_or(dir);
        let label = absolute
            .file_name()
            .map_or_else(|| "scenarios".to_string(), |n| n.to_string_lossy().to_string());
        Self { dir: absolute, label }
    }
}

/// One scenario file in the folder.
#[derive(Debug, Clone)]
pub struct CatalogSlot {
    pub file_name: String,
    pub handle: Handle<ScenarioAsset>,
    /// Modification times of the file and its rule packs when last (re)loaded.
    pub stamps: Vec<(PathBuf, Option<SystemTime>)>,
}

/// All scenario files in the folder, in name order.
#[derive(Resource, Debug, Default)]
pub struct ScenarioCatalog {
    pub slots: Vec<CatalogSlot>,
}

impl ScenarioCatalog {
    /// The scenario in slot `index`, if it loaded and is valid.
    pub fn ready(&self, index: usize, assets: &Assets<ScenarioAsset>) -> Option<Arc<Scenario>> {
        let slot = self.slots.get(index)?;
        assets.get(&slot.handle)?.outcome.as_ref().ok().cloned()
    }

    /// `key`'s variant of the scenario in slot `index`, read from its file in `folder`.
    ///
    /// # Errors
    /// Why the variant cannot be played (the file's or the variant's problems).
    pub fn variant(
        &self,
        index: usize,
        folder: &ScenarioFolder,
        key: &crate::sim::scenario::VariantKey,
    ) -> Result<Arc<Scenario>, String> {
        let slot = self.slots.get(index).ok_or("no such scenario in the folder")?;
        crate::scenario::variant::load(&folder.dir.join(&slot.file_name), key)
            .map(Arc::new)
            .map_err(|d| crate::scenario::error::render_plain(&d))
    }

    /// Slot index of a file name.
    pub fn index_of(&self, file_name: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.file_name == file_name)
    }

    /// What the menu shows for each slot.
    pub fn entries(&self, assets: &Assets<ScenarioAsset>, server: &AssetServer) -> Vec<MenuEntry> {
        self.slots
            .iter()
            .map(|slot| {
                let state = match assets.get(&slot.handle) {
                    Some(asset) => match &asset.outcome {
                        Ok(s) => EntryState::Ready(Arc::clone(s)),
                        Err(d) => EntryState::Broken(d.clone()),
                    },
                    None => match server.load_state(&slot.handle) {
                        LoadState::Failed(e) => EntryState::Broken(vec![Diagnostic::say(
                            &slot.file_name,
                            "",
                            crate::sim::said::Said::new("check-file-asset-failed").with("error", e.to_string()),
                        )]),
                        _ => EntryState::Loading,
                    },
                };
                MenuEntry {
                    file_name: slot.file_name.clone(),
                    state,
                }
            })
            .collect()
    }
}

/// How often the folder is checked for new, removed and edited files.
#[derive(Resource)]
struct ReloadTimer(Timer);

/// Registers the scenario folder as an asset source. Must run before `AssetPlugin`.
pub fn register_source(app: &mut App, folder: &ScenarioFolder) {
    let path = folder.dir.to_string_lossy().to_string();
    app.register_asset_source(SCENARIO_SOURCE, AssetSourceBuilder::platform_default(&path, None));
}

pub(super) fn plugin(app: &mut App) {
    let folder = app
        .world()
        .get_resource::<ScenarioFolder>()
        .cloned()
        .unwrap_or_else(|| ScenarioFolder::new(catalog::bundled_dir()));
    app.init_asset::<ScenarioAsset>()
        .register_asset_loader(ScenarioLoader {
            folder_label: folder.label,
            folder_dir: folder.dir,
        })
        .init_resource::<ScenarioCatalog>()
        .insert_resource(ReloadTimer(Timer::new(
            Duration::from_millis(750),
            TimerMode::Repeating,
        )))
        .add_systems(Startup, scan_scenario_folder)
        .add_systems(
            Update,
            (tick_reload_timer, scan_scenario_folder.run_if(reload_due)).chain(),
        );
}

fn tick_reload_timer(time: Res<Time>, mut timer: ResMut<ReloadTimer>) {
    timer.0.tick(time.delta());
}

fn reload_due(timer: Res<ReloadTimer>) -> bool {
    timer.0.just_finished()
}

fn stamp(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn stamps_for(folder: &Path, file_name: &str, packs: &[PathBuf]) -> Vec<(PathBuf, Option<SystemTime>)> {
    std::iter::once(folder.join(file_name))
        .chain(packs.iter().map(|p| folder.join(p)))
        .map(|p| {
            let t = stamp(&p);
            (p, t)
        })
        .collect()
}

/// Adds new files, drops removed ones and reloads edited ones (the file or its rule packs):
/// hot reload without a platform file watcher.
pub fn scan_scenario_folder(
    folder: Res<ScenarioFolder>,
    server: Res<AssetServer>,
    assets: Res<Assets<ScenarioAsset>>,
    mut catalog: ResMut<ScenarioCatalog>,
) {
    let files: Vec<String> = catalog::scenario_files(&folder.dir)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .collect();
    catalog.slots.retain(|s| files.contains(&s.file_name));
    for name in &files {
        match catalog.slots.iter_mut().find(|s| &s.file_name == name) {
            None => {
                let handle = server.load::<ScenarioAsset>(AssetPath::from(name.clone()).with_source(SCENARIO_SOURCE));
                let stamps = stamps_for(&folder.dir, name, &[]);
                catalog.slots.push(CatalogSlot {
                    file_name: name.clone(),
                    handle,
                    stamps,
                });
            }
            Some(slot) => {
                let packs = assets
                    .get(&slot.handle)
                    .map(|a| a.rule_pack_files.clone())
                    .unwrap_or_default();
                let now = stamps_for(&folder.dir, name, &packs);
                if now != slot.stamps {
                    // The first time packs become known only the list grows; reload only on real edits.
                    let edited = slot
                        .stamps
                        .iter()
                        .any(|(p, t)| now.iter().any(|(q, u)| p == q && t != u));
                    if edited {
                        info!(
                            "reloading {}: it or a rule pack it uses changed",
                            crate::escape::printable(name, 200)
                        );
                        server.reload(AssetPath::from(name.clone()).with_source(SCENARIO_SOURCE));
                    }
                    slot.stamps = now;
                }
            }
        }
    }
    catalog.slots.sort_by(|a, b| a.file_name.cmp(&b.file_name));
}
