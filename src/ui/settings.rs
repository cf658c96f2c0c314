//! Settings: UI scale and language.

use egui::RichText;

use super::Action;
use super::theme::MUTED;
use crate::i18n::{Catalogue, Language};

pub struct SettingsView<'a> {
    pub cat: &'a Catalogue,
    pub ui_scale: f32,
    pub language: Language,
    /// Where settings are saved, or why they cannot be.
    pub storage_note: &'a str,
}

/// The slider's value while it is dragged.
#[derive(Debug, Clone, Default)]
pub struct SettingsDraft {
    pub ui_scale: Option<f32>,
}

pub const UI_SCALES: std::ops::RangeInclusive<f32> = 0.75..=2.0;

pub fn draw(ui: &mut egui::Ui, view: &SettingsView, draft: &mut SettingsDraft) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        action = Some(Action::CloseSettings);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(cat.tr("settings-title"));
        ui.add_space(12.0);
        egui::Grid::new("settings-grid")
            .num_columns(2)
            .spacing([24.0, 12.0])
            .show(ui, |ui| {
                ui.label(cat.tr("settings-ui-scale"));
                let mut scale = draft.ui_scale.unwrap_or(view.ui_scale);
                ui.spacing_mut().slider_width = 240.0;
                let slider = ui.add(egui::Slider::new(&mut scale, UI_SCALES).step_by(0.05).suffix("×"));
                if slider.changed() {
                    draft.ui_scale = Some(scale);
                }
                // Apply on release so the layout does not jump under the pointer.
                if slider.drag_stopped() || (slider.changed() && !slider.dragged()) {
                    draft.ui_scale = None;
                    action = Some(Action::SetUiScale(scale));
                }
                ui.end_row();

                ui.label(cat.tr("settings-language"));
                ui.horizontal(|ui| {
                    for language in Language::ALL {
                        if ui
                            .selectable_label(view.language == language, language.native_name())
                            .clicked()
                            && view.language != language
                        {
                            action = Some(Action::SetLanguage(language));
                        }
                    }
                });
                ui.end_row();
            });
        ui.add_space(4.0);
        ui.label(RichText::new(cat.tr("settings-language-note")).small().color(MUTED));
        ui.label(RichText::new(view.storage_note).small().color(MUTED));
        ui.add_space(16.0);
        if ui.button(cat.tr("settings-back")).clicked() {
            action = Some(Action::CloseSettings);
        }
    });
    action
}
