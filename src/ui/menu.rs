//! The main menu: a scenario browser (broken files listed with their errors), settings and quit.

use std::sync::Arc;

use egui::{Key, RichText};

use super::theme::{self, ACCENT, BAD, MUTED};
use super::{Action, difficulty_label, mode_label, pick};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::error::Diagnostic;
use crate::scenario::file::TradeMode;
use crate::sim::Scenario;

/// What is known of one scenario file.
#[derive(Debug, Clone)]
pub enum EntryState {
    Loading,
    Ready(Arc<Scenario>),
    Broken(Vec<Diagnostic>),
}

#[derive(Debug, Clone)]
pub struct MenuEntry {
    pub file_name: String,
    pub state: EntryState,
}

/// A save the menu can continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedGame {
    pub path: std::path::PathBuf,
    pub scenario_id: String,
    /// The day it had reached (1 + days ended).
    pub day: usize,
    pub student: crate::sim::save::Student,
    /// Why it cannot be continued, if it cannot.
    pub problem: Option<String>,
}

pub struct MenuView<'a> {
    pub cat: &'a Catalogue,
    pub entries: &'a [MenuEntry],
    pub scenarios_dir: &'a str,
    pub saves: &'a [SavedGame],
    /// Why the last request failed (e.g. a save that could not be continued).
    pub notice: Option<&'a str>,
    /// The self-study profile, and why it could not be read if it could not.
    pub profile: Option<&'a crate::sim::profile::Profile>,
    pub profile_problem: Option<&'a str>,
}

/// Menu state that lives only in the UI.
#[derive(Debug, Clone, Default)]
pub struct MenuDraft {
    pub selected: Option<usize>,
    /// Who plays: shown in reports and gradebooks.
    pub student_name: String,
    pub student_id: String,
    /// A class code from the instructor: with it, the student plays their own variant of the
    /// scenario (seed and numbers drawn from the code and the student number).
    pub class_code: String,
    /// Show the progress panel instead of the scenario's details.
    pub show_progress: bool,
    /// Start the next scenario as an exam: no hints or calculators while playing.
    pub exam: bool,
}

pub fn mode_color(mode: TradeMode) -> egui::Color32 {
    match mode {
        TradeMode::B2B => egui::Color32::from_rgb(0x1f, 0x6f, 0xb2),
        TradeMode::B2C => egui::Color32::from_rgb(0x8e, 0x44, 0xad),
        TradeMode::C2C => egui::Color32::from_rgb(0x16, 0xa0, 0x85),
    }
}

pub fn draw(ui: &mut egui::Ui, view: &MenuView, draft: &mut MenuDraft) -> Option<Action> {
    let cat = view.cat;
    let language = cat.language();
    let mut action = None;
    if draft.selected.is_none_or(|i| i >= view.entries.len()) && !view.entries.is_empty() {
        draft.selected = Some(0);
    }

    // Keyboard: arrows choose, Enter starts, Ctrl+Q quits, S opens settings.
    if !ui.ctx().egui_wants_keyboard_input() {
        let (up, down, enter, settings, quit) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::S),
                i.consume_key(egui::Modifiers::COMMAND, Key::Q),
            )
        });
        if let Some(sel) = draft.selected {
            if up && sel > 0 {
                draft.selected = Some(sel - 1);
            }
            if down && sel + 1 < view.entries.len() {
                draft.selected = Some(sel + 1);
            }
            if enter && matches!(view.entries.get(sel).map(|e| &e.state), Some(EntryState::Ready(_))) {
                action = Some(Action::StartScenario(sel));
            }
        }
        if settings {
            action = Some(Action::OpenSettings);
        }
        if quit {
            action = Some(Action::Quit);
        }
    }

    egui::Panel::top("menu-title").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading(RichText::new(cat.tr("app-title")).strong().color(ACCENT));
            ui.label(RichText::new(cat.tr("app-tagline")).color(MUTED));
        });
        ui.add_space(6.0);
    });

    egui::Panel::bottom("menu-actions").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let startable = draft
                .selected
                .and_then(|i| view.entries.get(i))
                .is_some_and(|e| matches!(e.state, EntryState::Ready(_)));
            let start = ui.add_enabled(
                startable,
                egui::Button::new(RichText::new(cat.tr("menu-start")).strong()),
            );
            if start.clicked()
                && let Some(i) = draft.selected
            {
                action = Some(Action::StartScenario(i));
            }
            // Two students, one machine: only for scenarios with a negotiation to share.
            let negotiable = draft
                .selected
                .and_then(|i| view.entries.get(i))
                .is_some_and(|e| match &e.state {
                    EntryState::Ready(s) => s.tasks().iter().any(|t| t.negotiation.is_some()),
                    _ => false,
                });
            if ui
                .add_enabled(negotiable, egui::Button::new(cat.tr("menu-hotseat")))
                .on_hover_text(cat.tr("menu-hotseat-hint"))
                .clicked()
                && let Some(i) = draft.selected
            {
                action = Some(Action::StartHotseat(i));
            }
            ui.separator();
            ui.label(cat.tr("menu-student-name"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.student_name)
                    .char_limit(crate::sim::save::MAX_STUDENT_NAME_CHARS)
                    .desired_width(120.0),
            );
            ui.label(cat.tr("menu-student-id"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.student_id)
                    .char_limit(crate::sim::save::MAX_STUDENT_ID_CHARS)
                    .desired_width(90.0),
            );
            let code_label = ui
                .label(cat.tr("menu-class-code"))
                .on_hover_text(cat.tr("menu-class-code-hint"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.class_code)
                    .char_limit(crate::scenario::variant::MAX_CLASS_CODE_CHARS)
                    .desired_width(90.0)
                    .hint_text(cat.tr("menu-class-code-none")),
            )
            .labelled_by(code_label.id)
            .on_hover_text(cat.tr("menu-class-code-hint"));
            ui.checkbox(&mut draft.exam, cat.tr("menu-exam"))
                .on_hover_text(cat.tr("menu-exam-hint"));
            ui.separator();
            if ui
                .selectable_label(draft.show_progress, cat.tr("menu-progress"))
                .clicked()
            {
                draft.show_progress = !draft.show_progress;
            }
            if ui.button(cat.tr("menu-settings")).clicked() {
                action = Some(Action::OpenSettings);
            }
            if ui.button(cat.tr("menu-quit")).clicked() {
                action = Some(Action::Quit);
            }
            ui.label(RichText::new(cat.tr("menu-shortcuts")).small().color(MUTED));
        });
        // A class on the lab's network: the instructor hosts the selected scenario, students join.
        ui.horizontal(|ui| {
            ui.label(RichText::new(cat.tr("menu-class")).strong());
            let hostable = draft
                .selected
                .and_then(|i| view.entries.get(i))
                .is_some_and(|e| matches!(e.state, EntryState::Ready(_)));
            if ui
                .add_enabled(hostable, egui::Button::new(cat.tr("menu-host-class")))
                .on_hover_text(cat.tr("menu-host-class-hint"))
                .clicked()
                && let Some(i) = draft.selected
            {
                action = Some(Action::Class(super::ClassAction::Host(i)));
            }
            if ui
                .button(cat.tr("menu-join-class"))
                .on_hover_text(cat.tr("menu-join-class-hint"))
                .clicked()
            {
                action = Some(Action::Class(super::ClassAction::OpenJoin));
            }
            ui.separator();
            if ui
                .add_enabled(hostable, egui::Button::new(cat.tr("menu-workshop")))
                .on_hover_text(cat.tr("menu-workshop-hint"))
                .clicked()
                && let Some(i) = draft.selected
            {
                action = Some(Action::OpenWorkshop(i));
            }
        });
        ui.add_space(6.0);
    });

    egui::Panel::left("menu-list")
        .default_size(360.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.add_space(4.0);
            if let Some(a) = continue_list(ui, view) {
                action = Some(a);
            }
            ui.label(
                RichText::new(cat.tr_args("menu-scenarios-in", &[("dir", Arg::from(view.scenarios_dir))]))
                    .small()
                    .color(MUTED),
            );
            if view.entries.is_empty() {
                ui.label(cat.tr("menu-no-scenarios"));
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, entry) in view.entries.iter().enumerate() {
                    let selected = draft.selected == Some(i);
                    let response = egui::Frame::new()
                        .fill(if selected {
                            ui.visuals().selection.bg_fill
                        } else {
                            egui::Color32::TRANSPARENT
                        })
                        .corner_radius(6.0)
                        .inner_margin(8.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.style_mut().interaction.selectable_labels = false;
                            entry_row(ui, cat, entry);
                        })
                        .response
                        .interact(egui::Sense::click());
                    if response.clicked() {
                        draft.selected = Some(i);
                    }
                    if response.double_clicked() && matches!(entry.state, EntryState::Ready(_)) {
                        action = Some(Action::StartScenario(i));
                    }
                }
            });
        });

    egui::CentralPanel::default().show(ui, |ui| {
        if draft.show_progress {
            let empty = crate::sim::profile::Profile::new();
            egui::ScrollArea::vertical().show(ui, |ui| {
                super::progress::draw(ui, cat, view.profile.unwrap_or(&empty), view.profile_problem);
            });
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| match draft.selected.and_then(|i| view.entries.get(i)) {
            None => {
                ui.label(cat.tr("menu-pick-one"));
            }
            Some(entry) => match &entry.state {
                EntryState::Loading => {
                    ui.spinner();
                    ui.label(cat.tr("menu-loading"));
                }
                EntryState::Broken(diagnostics) => {
                    ui.heading(RichText::new(&entry.file_name).color(BAD));
                    ui.label(cat.tr_args("menu-broken", &[("count", Arg::from(diagnostics.len()))]));
                    ui.label(RichText::new(cat.tr("menu-broken-hint")).color(MUTED));
                    ui.add_space(8.0);
                    for d in diagnostics {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            let said = crate::scenario::error::render_plain_in(std::slice::from_ref(d), cat);
                            ui.label(RichText::new(said.trim_end()).monospace());
                        });
                    }
                }
                EntryState::Ready(scenario) => details(ui, cat, scenario, language),
            },
        });
    });
    action
}

/// "Continue" buttons for the saved games, newest first; unreadable saves say why.
fn continue_list(ui: &mut egui::Ui, view: &MenuView) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    if view.saves.is_empty() && view.notice.is_none() {
        return None;
    }
    ui.label(RichText::new(cat.tr("menu-continue")).strong());
    for save in view.saves {
        let title = view
            .entries
            .iter()
            .find_map(|e| match &e.state {
                EntryState::Ready(s) if s.meta().id == save.scenario_id => {
                    Some(pick(&s.meta().title, cat.language()).to_string())
                }
                _ => None,
            })
            .unwrap_or_else(|| save.scenario_id.clone());
        match &save.problem {
            None => {
                let who = if save.student.name.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", save.student.name)
                };
                let label = cat.tr_args(
                    "menu-continue-save",
                    &[("title", Arg::from(title)), ("day", Arg::from(save.day))],
                );
                if ui.button(format!("▶ {label}{who}")).clicked() {
                    action = Some(Action::ContinueGame(save.path.clone()));
                }
            }
            Some(problem) => {
                ui.label(
                    RichText::new(cat.tr_args(
                        "menu-save-unreadable",
                        &[("title", Arg::from(title)), ("problem", Arg::from(problem.as_str()))],
                    ))
                    .small()
                    .color(BAD),
                );
            }
        }
    }
    if let Some(notice) = view.notice {
        ui.label(RichText::new(notice).small().color(BAD));
    }
    ui.separator();
    action
}

fn entry_row(ui: &mut egui::Ui, cat: &Catalogue, entry: &MenuEntry) {
    let language = cat.language();
    match &entry.state {
        EntryState::Loading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(&entry.file_name);
            });
        }
        EntryState::Broken(d) => {
            ui.label(RichText::new(&entry.file_name).strong().color(BAD));
            ui.label(
                RichText::new(cat.tr_args("menu-broken", &[("count", Arg::from(d.len()))]))
                    .small()
                    .color(BAD),
            );
        }
        EntryState::Ready(s) => {
            let m = s.meta();
            ui.label(RichText::new(pick(&m.title, language)).strong());
            ui.horizontal(|ui| {
                theme::badge(ui, mode_label(cat, m.mode), mode_color(m.mode));
                ui.label(RichText::new(difficulty_label(cat, m.difficulty)).small());
                ui.label(
                    RichText::new(cat.tr_args("menu-minutes", &[("minutes", Arg::from(m.estimated_minutes))]))
                        .small()
                        .color(MUTED),
                );
            });
        }
    }
}

fn details(ui: &mut egui::Ui, cat: &Catalogue, scenario: &Scenario, language: crate::i18n::Language) {
    let m = scenario.meta();
    ui.heading(pick(&m.title, language));
    if language == crate::i18n::Language::English && !m.title.zh.is_empty() {
        ui.label(RichText::new(&m.title.zh).color(MUTED));
    }
    ui.horizontal(|ui| {
        theme::badge(ui, mode_label(cat, m.mode), mode_color(m.mode));
        ui.label(difficulty_label(cat, m.difficulty));
        ui.label("·");
        ui.label(cat.tr_args("menu-minutes", &[("minutes", Arg::from(m.estimated_minutes))]));
        ui.label("·");
        ui.label(cat.tr_args("menu-days", &[("days", Arg::from(scenario.length_days()))]));
    });
    ui.add_space(6.0);
    ui.label(pick(&m.description, language));
    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("menu-your-role")).strong());
    ui.label(format!(
        "{} — {}",
        pick(&scenario.role().title, language),
        pick(&scenario.role().company.name, language)
    ));
    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("menu-objectives")).strong());
    for o in &m.learning_objectives {
        ui.label(format!("•  {}", pick(o, language)));
    }
    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("menu-tasks")).strong());
    for t in scenario.tasks() {
        ui.label(format!(
            "•  {}  ({})",
            pick(&t.title, language),
            cat.tr_args("points", &[("points", Arg::from(t.points()))])
        ));
    }
    if !m.author.is_empty() {
        ui.add_space(10.0);
        ui.label(
            RichText::new(cat.tr_args("menu-author", &[("author", Arg::from(m.author.as_str()))]))
                .small()
                .color(MUTED),
        );
    }
}
