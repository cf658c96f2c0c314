//! The scenario workshop: a scenario's key numbers and texts in forms, its problems and
//! warnings as `check` gives them after every change, a quick `simulate`, and "save as" a new
//! file beside the original. Pure: `draw(ui, &view, &mut draft) -> Option<WorkshopAction>`.

use egui::RichText;

use super::theme::{BAD, GOOD, MUTED, WARN};
use crate::authoring::workbench::{Knob, KnobKind, QuickSimulation};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::error::Diagnostic;

/// What the workshop shows.
pub struct WorkshopView<'a> {
    pub cat: &'a Catalogue,
    /// The file open (its name).
    pub file_name: &'a str,
    pub knobs: &'a [Knob],
    pub problems: &'a [Diagnostic],
    pub warnings: &'a [crate::authoring::Warning],
    pub changed: bool,
    /// The last quick simulation, and whether one is running.
    pub simulation: Option<&'a QuickSimulation>,
    pub simulating: bool,
    /// What the last request came to (a value refused, a file saved or not).
    pub notice: Option<&'a str>,
}

/// What is being typed: each knob's text while it is edited, and the new file's name.
#[derive(Debug, Clone, Default)]
pub struct WorkshopDraft {
    pub editing: std::collections::BTreeMap<String, String>,
    pub save_name: String,
}

/// What the workshop asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopAction {
    /// Set the knob at `field` to `value` (then check again).
    Set { field: String, value: String },
    /// A quick simulate of the scenario as it stands.
    Simulate,
    /// Save as a new file of this name beside the original.
    SaveAs(String),
    /// Back to the menu.
    Close,
}

/// Runs per player of the workshop's quick simulate.
pub const QUICK_RUNS: u32 = 40;

pub fn draw(ui: &mut egui::Ui, view: &WorkshopView, draft: &mut WorkshopDraft) -> Option<WorkshopAction> {
    let cat = view.cat;
    let mut action = None;
    if draft.save_name.is_empty() {
        let stem = view.file_name.strip_suffix(".scenario.ron").unwrap_or("scenario");
        draft.save_name = format!("{stem}-variant.scenario.ron");
    }
    egui::Panel::top("workshop-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button(cat.tr("workshop-back")).clicked() {
                action = Some(WorkshopAction::Close);
            }
            ui.heading(cat.tr_args("workshop-title", &[("file", Arg::from(view.file_name))]));
            if view.changed {
                ui.label(RichText::new(cat.tr("workshop-changed")).color(WARN));
            }
        });
        ui.horizontal(|ui| {
            let name_label = ui.label(cat.tr("workshop-save-as"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.save_name)
                    .char_limit(80)
                    .desired_width(280.0),
            )
            .labelled_by(name_label.id);
            let savable = view.problems.is_empty();
            if ui
                .add_enabled(savable, egui::Button::new(cat.tr("workshop-save")))
                .clicked()
            {
                action = Some(WorkshopAction::SaveAs(draft.save_name.trim().to_string()));
            }
            ui.label(RichText::new(cat.tr("workshop-comments-note")).small().color(MUTED));
        });
        if let Some(notice) = view.notice {
            ui.label(RichText::new(notice).color(WARN));
        }
    });
    egui::Panel::right("workshop-check")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("workshop-check-scroll")
                .show(ui, |ui| {
                    check_panel(ui, view, &mut action);
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(RichText::new(cat.tr("workshop-intro")).small().color(MUTED));
        egui::ScrollArea::vertical()
            .id_salt("workshop-knobs")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut group = "";
                for knob in view.knobs {
                    if knob.group != group {
                        group = &knob.group;
                        ui.add_space(6.0);
                        ui.label(RichText::new(group).strong());
                    }
                    if let Some(a) = knob_row(ui, knob, draft) {
                        action = Some(a);
                    }
                }
            });
    });
    action
}

/// One knob: its label and field path, and its editor. A text is sent when it loses focus
/// or Enter is pressed; a choice when it is picked.
fn knob_row(ui: &mut egui::Ui, knob: &Knob, draft: &mut WorkshopDraft) -> Option<WorkshopAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        // A fixed-width, left-aligned label column; the whole label and the field path show
        // on hover.
        let label = ui
            .allocate_ui_with_layout(
                egui::vec2(360.0, 18.0),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(360.0);
                    ui.add(egui::Label::new(&knob.label).truncate())
                },
            )
            .inner
            .on_hover_text(format!("{}\n{}", knob.label, knob.field));
        match &knob.kind {
            KnobKind::Choice(names) => {
                egui::ComboBox::from_id_salt(&knob.field)
                    .selected_text(&knob.value)
                    .show_ui(ui, |ui| {
                        for name in names {
                            if ui.selectable_label(knob.value == *name, *name).clicked() && knob.value != *name {
                                action = Some(WorkshopAction::Set {
                                    field: knob.field.clone(),
                                    value: (*name).to_string(),
                                });
                            }
                        }
                    });
            }
            KnobKind::Text | KnobKind::Number => {
                let text = draft
                    .editing
                    .entry(knob.field.clone())
                    .or_insert_with(|| knob.value.clone());
                let width = if knob.kind == KnobKind::Number { 90.0 } else { 340.0 };
                let edit = ui
                    .add(egui::TextEdit::singleline(text).desired_width(width))
                    .labelled_by(label.id);
                let done = edit.lost_focus() || (edit.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
                if done && *text != knob.value {
                    action = Some(WorkshopAction::Set {
                        field: knob.field.clone(),
                        value: text.clone(),
                    });
                }
                if !edit.has_focus() && *text == knob.value {
                    draft.editing.remove(&knob.field);
                }
            }
        }
    });
    action
}

fn check_panel(ui: &mut egui::Ui, view: &WorkshopView, action: &mut Option<WorkshopAction>) {
    let cat = view.cat;
    ui.heading(cat.tr("workshop-check"));
    if view.problems.is_empty() {
        ui.label(RichText::new(cat.tr("workshop-no-problems")).color(GOOD));
    }
    for d in view.problems {
        let d = d.localized(cat).clipped();
        ui.label(RichText::new(format!("{}: {}", d.path, d.message)).color(BAD));
        if let Some(hint) = &d.hint {
            ui.label(RichText::new(hint).small().color(MUTED));
        }
    }
    if view.problems.is_empty() && view.warnings.is_empty() {
        ui.label(RichText::new(cat.tr("workshop-no-warnings")).color(GOOD));
    }
    for w in view.warnings {
        ui.label(RichText::new(format!("⚠ {}", w.text(cat))).color(WARN));
    }
    ui.separator();
    ui.horizontal(|ui| {
        let ready = view.problems.is_empty() && !view.simulating;
        if ui
            .add_enabled(
                ready,
                egui::Button::new(cat.tr_args("workshop-simulate", &[("runs", Arg::from(QUICK_RUNS))])),
            )
            .clicked()
        {
            *action = Some(WorkshopAction::Simulate);
        }
        if view.simulating {
            ui.spinner();
            ui.label(cat.tr("workshop-simulating"));
        }
    });
    if let Some(sim) = view.simulation {
        for (player, d) in &sim.players {
            ui.label(cat.tr_args(
                "workshop-sim-player",
                &[
                    ("player", Arg::from(player.name())),
                    ("mean", Arg::from(percent(d.mean_bp))),
                    ("low", Arg::from(percent(d.quantiles_bp[1]))),
                    ("high", Arg::from(percent(d.quantiles_bp[5]))),
                ],
            ));
        }
        if sim.warnings.is_empty() {
            ui.label(RichText::new(cat.tr("workshop-balanced")).color(GOOD));
        }
        for w in &sim.warnings {
            ui.label(RichText::new(format!("⚠ {w}")).color(WARN));
        }
    }
}

fn percent(bp: u32) -> String {
    format!("{}.{}%", bp / 100, (bp % 100) / 10)
}
