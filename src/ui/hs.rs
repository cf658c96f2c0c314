//! The HS classification exercise: classify a product step by step (section → chapter →
//! heading → subheading → national code) with a searchable nomenclature, then see the grade and
//! the reasoning by the General Interpretative Rules.

use egui::RichText;

use super::theme::{ACCENT, BAD, GOOD, MUTED};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::customs::hs::{Classification, Level, Nomenclature};
use crate::sim::scenario::{Product, Scenario};

pub struct HsView<'a> {
    pub cat: &'a Catalogue,
    pub scenario: &'a Scenario,
    pub nomenclature: &'a Nomenclature,
    /// Graded attempts for the chosen product, oldest first.
    pub attempts: &'a [Classification],
}

/// UI state of the exercise.
#[derive(Debug, Clone, Default)]
pub struct HsDraft {
    pub sku: Option<String>,
    /// Code chosen at each level, in `Level::ALL` order.
    pub chosen: Vec<String>,
    pub search: String,
}

/// Products of the scenario that the excerpt can classify.
pub fn classifiable<'a>(scenario: &'a Scenario, nomenclature: &Nomenclature) -> Vec<&'a Product> {
    scenario
        .products()
        .iter()
        .filter(|p| nomenclature.contains(&p.hs_code))
        .collect()
}

fn level_key(level: Level) -> &'static str {
    match level {
        Level::Section => "hs-section",
        Level::Chapter => "hs-chapter",
        Level::Heading => "hs-heading",
        Level::Subheading => "hs-subheading",
        Level::National => "hs-national",
    }
}

pub fn draw(ui: &mut egui::Ui, view: &HsView, draft: &mut HsDraft) -> Option<Action> {
    let cat = view.cat;
    let language = cat.language();
    let products = classifiable(view.scenario, view.nomenclature);
    let mut action = None;
    if draft.sku.as_ref().is_none_or(|s| !products.iter().any(|p| &p.sku == s)) {
        draft.sku = products.first().map(|p| p.sku.clone());
        draft.chosen.clear();
    }
    draft.chosen.resize(Level::ALL.len(), String::new());
    ui.label(
        RichText::new(cat.tr_args(
            "hs-intro",
            &[
                ("edition", Arg::from(view.nomenclature.edition())),
                ("national", Arg::from(view.nomenclature.national_extension())),
            ],
        ))
        .color(MUTED),
    );
    if products.is_empty() {
        ui.label(cat.tr("hs-none"));
        return None;
    }
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new(cat.tr("hs-goods")).strong());
        for p in &products {
            if ui
                .selectable_label(
                    draft.sku.as_deref() == Some(p.sku.as_str()),
                    format!("{} — {}", p.sku, pick(&p.name, language)),
                )
                .clicked()
            {
                draft.sku = Some(p.sku.clone());
                draft.chosen = vec![String::new(); Level::ALL.len()];
            }
        }
        if let Some(p) = products.iter().find(|p| Some(p.sku.as_str()) == draft.sku.as_deref()) {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(pick(&p.name, language)).strong());
                ui.label(pick(&p.specification, language));
                ui.label(
                    RichText::new(cat.tr_args(
                        "hs-weights",
                        &[
                            ("net", Arg::from(p.net_weight_g)),
                            ("gross", Arg::from(p.gross_weight_g)),
                            ("origin", Arg::from(p.origin.as_str())),
                        ],
                    ))
                    .small()
                    .color(MUTED),
                );
            });
        }
        ui.add_space(8.0);
        let search_label = ui.label(RichText::new(cat.tr("hs-search")).strong());
        ui.add(egui::TextEdit::singleline(&mut draft.search).hint_text(cat.tr("hs-search-hint")))
            .labelled_by(search_label.id);
        egui::ScrollArea::vertical()
            .id_salt("hs-search-results")
            .max_height(260.0)
            .show(ui, |ui| {
                for (code, title) in view.nomenclature.search(&draft.search).into_iter().take(40) {
                    ui.label(RichText::new(format!("{code}  {}", pick(title, language))).small());
                }
            });

        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("hs-steps")).strong());
        for (i, level) in Level::ALL.iter().enumerate() {
            let choices = view.nomenclature.choices(*level, &draft.chosen[..i]);
            // A national line nobody could verify says so wherever it is shown.
            let label = |c: &crate::sim::customs::hs::Choice| {
                if c.unverified.is_empty() {
                    format!("{} {}", c.code, pick(c.title, language))
                } else {
                    format!("{} {} ({})", c.code, pick(c.title, language), cat.tr("hs-not-verified"))
                }
            };
            let chosen_choice = choices.iter().find(|c| c.code == draft.chosen[i]);
            let selected = chosen_choice.map_or_else(|| cat.tr("decl-choose"), label);
            ui.label(cat.tr(level_key(*level)));
            let mut picked = None;
            egui::ComboBox::from_id_salt(("hs-level", i))
                .width(ui.available_width() - 8.0)
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for c in &choices {
                        if ui
                            .selectable_label(draft.chosen[i] == c.code, label(c))
                            .on_hover_text(c.unverified)
                            .clicked()
                        {
                            picked = Some(c.code.to_string());
                        }
                    }
                });
            if let Some(c) = chosen_choice.filter(|c| !c.unverified.is_empty()) {
                ui.label(
                    RichText::new(format!("{}: {}", cat.tr("hs-not-verified"), c.unverified))
                        .small()
                        .color(BAD),
                );
            }
            if let Some(code) = picked {
                draft.chosen[i] = code;
                // A new choice invalidates the levels below it.
                for below in draft.chosen.iter_mut().skip(i + 1) {
                    below.clear();
                }
            }
        }
        ui.add_space(8.0);
        let complete = draft.chosen.iter().all(|c| !c.is_empty());
        if ui
            .add_enabled(complete, egui::Button::new(RichText::new(cat.tr("hs-submit")).strong()))
            .clicked()
            && let Some(sku) = &draft.sku
        {
            action = Some(Action::SubmitClassification(sku.clone(), draft.chosen.clone()));
        }
        if let Some(last) = view.attempts.last() {
            ui.add_space(8.0);
            let color = if last.all_correct() { GOOD } else { BAD };
            ui.label(
                RichText::new(cat.tr_args(
                    "hs-result",
                    &[
                        ("correct", Arg::from(last.correct_steps())),
                        ("total", Arg::from(last.steps.len())),
                    ],
                ))
                .strong()
                .color(color),
            );
            for step in &last.steps {
                let mark = if step.ok {
                    RichText::new("✔").color(GOOD)
                } else {
                    RichText::new("✖").color(BAD)
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(mark);
                    ui.label(RichText::new(cat.tr(level_key(step.level))).strong());
                    if step.ok {
                        ui.label(&step.chosen);
                    } else {
                        ui.label(
                            RichText::new(cat.tr_args(
                                "hs-step-wrong",
                                &[
                                    ("chosen", Arg::from(step.chosen.as_str())),
                                    ("correct", Arg::from(step.correct.as_str())),
                                ],
                            ))
                            .color(BAD),
                        );
                    }
                });
                ui.label(RichText::new(&step.reasoning).small().color(ACCENT));
            }
        }
    });
    action
}
