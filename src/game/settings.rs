//! The player's settings (UI scale, language), saved atomically in the platform config folder.

use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{Catalogue, Language};

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserSettings {
    pub ui_scale: f32,
    pub language: Language,
}

impl Default for UserSettings {
    fn default() -> Self {
        Self {
            ui_scale: 1.0,
            language: Language::English,
        }
    }
}

/// Where settings live, or why there is nowhere to keep them.
#[derive(Resource, Debug, Clone)]
pub struct SettingsStore {
    pub path: Result<PathBuf, String>,
}

impl SettingsStore {
    /// `$TRADEPORT_CONFIG_DIR`, `$XDG_CONFIG_HOME/tradeport` or `~/.config/tradeport`.
    pub fn from_env() -> Self {
        let dir = std::env::var_os("TRADEPORT_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("XDG_CONFIG_HOME").map(|d| PathBuf::from(d).join("tradeport")))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config").join("tradeport")));
        Self {
            path: dir
                .map(|d| d.join("settings.ron"))
                .ok_or_else(|| "no home folder".to_string()),
        }
    }

    /// Reads settings; an unreadable file gives defaults (and a warning), never a crash. On a
    /// first start (no file yet) the language is the system's.
    pub fn load(&self) -> UserSettings {
        let first_start = || UserSettings {
            language: Language::from_system(),
            ..UserSettings::default()
        };
        let Ok(path) = &self.path else {
            return first_start();
        };
        if !path.exists() {
            return first_start();
        }
        match crate::scenario::load::read_bounded_text(path, 64 * 1024) {
            Ok(text) => ron::from_str(&text).unwrap_or_else(|e| {
                warn!("ignoring unreadable settings file {}: {e}", path.display());
                UserSettings::default()
            }),
            Err(_) => UserSettings::default(),
        }
    }

    /// Writes to a temporary file and renames it over the old one, so a crash never leaves half a file.
    ///
    /// # Errors
    /// The I/O problem, as a sentence.
    pub fn save(&self, settings: &UserSettings) -> Result<(), String> {
        let path = self.path.as_ref().map_err(Clone::clone)?;
        let text =
            ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())?;
        crate::saves::write_atomic(path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

/// The UI message catalogue in the chosen language.
#[derive(Resource, Debug)]
pub struct UiText(pub Catalogue);

pub(super) fn plugin(app: &mut App) {
    let store = app
        .world()
        .get_resource::<SettingsStore>()
        .cloned()
        .unwrap_or_else(SettingsStore::from_env);
    let settings = store.load();
    app.insert_resource(UiText(Catalogue::new(settings.language)))
        .insert_resource(settings)
        .insert_resource(store);
}
