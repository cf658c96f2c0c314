//! The one integration-test harness: scenario files, the sim, the CLI, docs and catalogues,
//! and (with the `gui` feature) a headless Bevy app and egui screens driven by egui_kittest.

mod c2c;
mod cli;
mod declaration;
mod docs;
mod expert;
mod hs;
mod i18n;
mod landed_cost;
mod letters;
mod market;
mod negotiation;
mod saves;
mod scenarios;
mod sim;

#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod c2c_ui;
#[cfg(feature = "gui")]
mod ui;
