//! Self-study progress: the scenarios finished, their best scores, and the points per
//! competency over every best run.

use egui::RichText;

use super::theme::{ACCENT, MUTED};
use super::{competency_label, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::profile::Profile;

/// Draws the progress panel (inside the main menu).
pub fn draw(ui: &mut egui::Ui, cat: &Catalogue, profile: &Profile, problem: Option<&str>) {
    ui.heading(RichText::new(cat.tr("progress-title")).color(ACCENT));
    if let Some(problem) = problem {
        ui.label(RichText::new(problem).small().color(super::theme::BAD));
    }
    if profile.scenarios.is_empty() {
        ui.label(RichText::new(cat.tr("progress-empty")).color(MUTED));
        return;
    }
    ui.add_space(6.0);
    egui::Grid::new("progress_scenarios")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            super::header_row(
                ui,
                cat,
                &[
                    "progress-col-scenario",
                    "progress-col-best",
                    "progress-col-exam",
                    "progress-col-runs",
                ],
            );
            for s in &profile.scenarios {
                ui.label(pick(&s.title, cat.language()));
                ui.label(RichText::new(format!("{} / {}", s.best, s.possible)).monospace());
                ui.label(
                    RichText::new(
                        s.best_exam
                            .map_or_else(|| "—".to_string(), |b| format!("{b} / {}", s.possible)),
                    )
                    .monospace(),
                );
                ui.label(s.runs.to_string());
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("progress-competencies")).strong());
    for (competency, (earned, possible)) in profile.competencies() {
        ui.horizontal(|ui| {
            ui.add_sized([240.0, 18.0], egui::Label::new(competency_label(cat, competency)));
            let share = if possible == 0 {
                0.0
            } else {
                earned as f32 / possible as f32
            };
            ui.add(egui::ProgressBar::new(share).desired_width(220.0).text(cat.tr_args(
                "progress-points",
                &[("earned", Arg::from(earned)), ("possible", Arg::from(possible))],
            )));
        });
    }
}
