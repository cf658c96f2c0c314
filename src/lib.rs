//! Tradeport: an offline, open teaching game for cross-border e-commerce.
//!
//! `scenario` reads files, `sim` holds the rules, `class` is the host's side of a class on the
//! LAN; all build without graphics. The `gui`
//! feature adds `game` (Bevy glue) and `ui` (egui screens).

pub mod authoring;
pub mod catalog;
pub mod class;
pub mod cli;
pub mod escape;
pub mod export;
pub mod glossary;
pub mod i18n;
pub mod saves;
pub mod scenario;
pub mod sim;

#[cfg(feature = "gui")]
pub mod game;
#[cfg(feature = "gui")]
pub mod ui;
