//! The one integration-test harness: scenario files, the sim, the CLI, docs and catalogues,
//! and (with the `gui` feature) a headless Bevy app and egui screens driven by egui_kittest.

mod architecture;
mod authoring;
mod c2c;
mod class;
mod classmates;
mod cli;
mod check_lang;
mod crash_safety;
mod declaration;
mod docs;
mod expert;
mod hardening;
mod hs;
mod i18n;
mod landed_cost;
mod letters;
mod limits;
mod market;
mod mutants;
mod negotiation;
mod said;
mod saves;
mod scenarios;
mod seats;
mod shared_market;
mod sim;

#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod c2c_ui;
#[cfg(feature = "gui")]
mod class_ui;
#[cfg(feature = "gui")]
mod class_window;
#[cfg(feature = "gui")]
mod classroom_net;
#[cfg(feature = "gui")]
mod ui;

/// What the simulation said, in English words (as the English catalogue puts it).
pub fn english(said: &tradeport::sim::said::Said) -> String {
    tradeport::i18n::Catalogue::new(tradeport::i18n::Language::English).say(said)
}
