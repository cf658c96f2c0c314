//! A student's screens in a class on the LAN: the join form (code or address, name, student
//! number), the seat's status while it waits, the counterparts' negotiation desk (built from
//! what the host sends that seat: its own brief, the issues and the offers) and the report
//! the host sends at the end. A company's seat plays on the usual screens (see `play`).

use egui::RichText;

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, ClassAction};
use crate::class::view::{NegotiationView, SeatView};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Command;
use crate::sim::negotiation::domain::{FULL, format_utility};
use crate::sim::save::ReportFile;
use crate::sim::terms::Side;

/// Longest name, student number or address a student may type (the host takes 80).
pub const MAX_FIELD_CHARS: usize = 80;

/// The join form as typed.
#[derive(Debug, Clone, Default)]
pub struct JoinDraft {
    /// A join code (`60N00-HE4W8`) or `IP:PORT`.
    pub target: String,
    pub name: String,
    pub number: String,
}

/// What the join form needs.
pub struct JoinView<'a> {
    pub cat: &'a Catalogue,
    /// Why the last join failed, if it did.
    pub problem: Option<&'a str>,
    /// Classes found on this network, and whether the search is still listening.
    pub found: &'a [crate::class::discovery::FoundClass],
    pub searching: bool,
    /// A search has been made (so "no class answered" can be said).
    pub searched: bool,
}

/// Whether the typed target is a join code or an address this PC can reach.
pub fn target_is_valid(target: &str) -> bool {
    crate::class::code::parse_target(target).is_some()
}

/// The join form: code or address, name and student number.
pub fn join_form(ui: &mut egui::Ui, view: &JoinView, draft: &mut JoinDraft) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.heading(RichText::new(cat.tr("class-join-title")).strong().color(ACCENT));
            ui.label(RichText::new(cat.tr("class-join-intro")).color(MUTED));
        });
        ui.add_space(16.0);
        egui::Grid::new("class-join-form")
            .num_columns(2)
            .spacing([12.0, 10.0])
            .show(ui, |ui| {
                ui.label(cat.tr("class-join-code"));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.target)
                        .char_limit(MAX_FIELD_CHARS)
                        .hint_text("60N00-HE4W8  /  192.168.1.23:5000")
                        .desired_width(260.0),
                );
                ui.end_row();
                ui.label(cat.tr("menu-student-name"));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.name)
                        .char_limit(MAX_FIELD_CHARS)
                        .desired_width(260.0),
                );
                ui.end_row();
                ui.label(cat.tr("menu-student-id"));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.number)
                        .char_limit(MAX_FIELD_CHARS)
                        .desired_width(260.0),
                );
                ui.end_row();
            });
        let target_ok = target_is_valid(&draft.target);
        if !draft.target.trim().is_empty() && !target_ok {
            ui.label(RichText::new(cat.tr("class-join-bad-code")).color(BAD));
        }
        if let Some(problem) = view.problem {
            ui.label(RichText::new(problem).color(BAD));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!view.searching, egui::Button::new(cat.tr("class-find")))
                .on_hover_text(cat.tr("class-find-hint"))
                .clicked()
            {
                action = Some(Action::Class(ClassAction::Discover));
            }
            if view.searching {
                ui.spinner();
            }
        });
        for class in view.found {
            let other_version = class.version != env!("CARGO_PKG_VERSION");
            let mut line = format!("{} · {} · {}", class.title, class.code, class.address);
            if other_version {
                line.push_str(&format!(
                    "  ({})",
                    cat.tr_args("class-found-version", &[("version", Arg::from(class.version.as_str()))])
                ));
            }
            if ui
                .add_enabled(
                    !other_version,
                    egui::Button::selectable(draft.target == class.code, line),
                )
                .clicked()
            {
                draft.target = class.code.clone();
            }
        }
        if !view.searching && view.found.is_empty() && view.searched {
            ui.label(RichText::new(cat.tr("class-found-none")).color(MUTED));
        }
        ui.add_space(10.0);
        let ready = target_ok && !draft.name.trim().is_empty() && !draft.number.trim().is_empty();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new(RichText::new(cat.tr("class-join")).strong()))
                .clicked()
            {
                action = Some(Action::Class(ClassAction::Join {
                    target: draft.target.trim().to_string(),
                    name: draft.name.trim().to_string(),
                    number: draft.number.trim().to_string(),
                }));
            }
            if ui.button(cat.tr("class-back-to-menu")).clicked() {
                action = Some(Action::Class(ClassAction::Leave));
            }
        });
    });
    action
}

/// Where a student's PC is in the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatStatus {
    Connecting,
    /// Seated, the class not started yet (or no view yet).
    Waiting,
    Playing,
    Over,
    WrongVersion,
}

/// What the seat screen shows.
pub struct SeatScreenView<'a> {
    /// The scenario, on a PC that follows its table (classmates' listings are named from it).
    pub scenario: Option<&'a crate::sim::Scenario>,
    pub cat: &'a Catalogue,
    pub status: SeatStatus,
    pub scenario_title: &'a str,
    pub name: &'a str,
    pub seat: Option<&'a str>,
    pub table: Option<usize>,
    pub view: Option<&'a SeatView>,
    /// Refusals and problems, newest last.
    pub notices: &'a [String],
    /// The report the host sent at the end, read.
    pub report: Option<&'a ReportFile>,
    /// Where the report was kept on this PC, or why not.
    pub report_kept: Option<&'a str>,
    /// The debrief the host sent with the report.
    pub debrief: &'a [crate::class::view::DebriefTask],
}

/// The counterparts' desk's form: the options chosen per issue and the note.
#[derive(Debug, Clone, Default)]
pub struct SeatDraft {
    pub task: Option<String>,
    pub options: Vec<usize>,
    pub note: String,
    /// How many offers the talks had when the form was last set.
    pub synced_offers: Option<usize>,
    /// The buyer's form on classmates' listings (a class of a C2C scenario).
    pub classmates: super::classmates::ClassmatesDraft,
}

/// The class banner: who and where this PC sits, the class's state.
pub fn banner(
    ui: &mut egui::Ui,
    view: &SeatScreenView,
    classmates: &mut super::classmates::ClassmatesDraft,
) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(cat.tr("class-banner")).strong().color(ACCENT));
        // On a PC that has the scenario, its title and the seat's name in the player's
        // language; otherwise what the host sent (the English title, the seat's id).
        let title = view
            .scenario
            .map_or(view.scenario_title, |s| super::pick(&s.meta().title, cat.language()));
        if !title.is_empty() {
            ui.label(RichText::new(title).strong());
        }
        ui.separator();
        ui.label(view.name);
        if let Some(seat) = view.seat {
            let seat_name = view
                .scenario
                .and_then(|s| s.seats().iter().find(|d| d.id == seat))
                .map_or(seat, |d| super::pick(&d.name, cat.language()));
            ui.label(cat.tr_args(
                "class-seat-at",
                &[
                    ("seat", Arg::from(seat_name)),
                    ("table", Arg::from(view.table.map_or(0, |t| t + 1))),
                ],
            ));
        }
        ui.separator();
        let (key, color) = match view.status {
            SeatStatus::Connecting => ("class-status-connecting", WARN),
            SeatStatus::Waiting => ("class-status-waiting", WARN),
            SeatStatus::Playing => ("class-status-playing", GOOD),
            SeatStatus::Over => ("class-status-over", GOOD),
            SeatStatus::WrongVersion => ("class-status-wrong-version", BAD),
        };
        ui.label(RichText::new(cat.tr(key)).color(color));
        if let Some(last) = view.notices.last() {
            ui.separator();
            ui.label(RichText::new(last).color(BAD));
        }
        if ui.small_button(cat.tr("class-leave")).clicked() {
            action = Some(Action::Class(ClassAction::Leave));
        }
    });
    if let Some(standing) = view.view.and_then(|v| v.market.as_ref()) {
        super::leaderboard::banner_section(ui, cat, standing, view.table);
    }
    if let Some(shops) = view.view.and_then(|v| v.classmates.as_ref())
        && view.status == SeatStatus::Playing
        && let Some(a) = super::classmates::banner_section(ui, cat, view.scenario, shops, classmates)
    {
        action = Some(a);
    }
    action
}

/// The seat's own screen: waiting, the counterparts' desk, or the report.
pub fn draw(ui: &mut egui::Ui, view: &SeatScreenView, draft: &mut SeatDraft) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    egui::Panel::top("class-seat-banner").show(ui, |ui| {
        ui.add_space(4.0);
        action = banner(ui, view, &mut draft.classmates);
        ui.add_space(4.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if let Some(report) = view.report {
                report_panel(ui, view, report);
                return;
            }
            match (view.status, view.view) {
                (SeatStatus::Playing, Some(seat)) => {
                    if let Some(a) = counterparts_desk(ui, cat, seat, draft) {
                        action = Some(a);
                    }
                }
                (SeatStatus::WrongVersion, _) => {
                    ui.label(RichText::new(view.notices.last().map_or("", String::as_str)).color(BAD));
                }
                _ => {
                    ui.add_space(30.0);
                    ui.vertical_centered(|ui| {
                        ui.spinner();
                        ui.label(cat.tr("class-waiting-hint"));
                    });
                }
            }
            if view.notices.len() > 1 {
                ui.add_space(12.0);
                egui::CollapsingHeader::new(cat.tr("class-notices"))
                    .id_salt("class-notices")
                    .show(ui, |ui| {
                        for notice in view.notices.iter().rev().take(20) {
                            ui.label(RichText::new(notice).small().color(MUTED));
                        }
                    });
            }
        });
    });
    action
}

/// "you" for this seat's side, the side's name otherwise.
fn who(cat: &Catalogue, talks: &NegotiationView, side: Side) -> String {
    if side == talks.side {
        cat.tr("class-you")
    } else {
        side_label(cat, side)
    }
}

fn side_label(cat: &Catalogue, side: Side) -> String {
    cat.tr(match side {
        Side::Seller => "class-side-seller",
        Side::Buyer => "class-side-buyer",
    })
}

/// The counterparts' negotiation desk: this seat's brief, the offers and a counter-offer.
fn counterparts_desk(ui: &mut egui::Ui, cat: &Catalogue, seat: &SeatView, draft: &mut SeatDraft) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading(cat.tr_args("class-day", &[("day", Arg::from(seat.day))]));
        if ui
            .add_enabled(
                !seat.finished,
                egui::Button::new(RichText::new(cat.tr("end-day")).strong()),
            )
            .on_hover_text(cat.tr("class-end-day-hint"))
            .clicked()
        {
            action = Some(Action::Class(ClassAction::Send(Box::new(Command::EndDay))));
        }
    });
    if seat.negotiations.is_empty() {
        ui.label(RichText::new(cat.tr("class-no-talks-yet")).color(MUTED));
    }
    for talks in &seat.negotiations {
        ui.add_space(8.0);
        ui.separator();
        if let Some(a) = negotiation(ui, cat, talks, draft) {
            action = Some(a);
        }
    }
    action
}

fn negotiation(ui: &mut egui::Ui, cat: &Catalogue, talks: &NegotiationView, draft: &mut SeatDraft) -> Option<Action> {
    let mut action = None;
    let issues = talks.issues.len();
    // A new task, or a new offer on the table: the form starts from the offer on the table.
    if draft.task.as_deref() != Some(talks.task.as_str())
        || draft.synced_offers != Some(talks.offers.len())
        || draft.options.len() != issues
    {
        draft.task = Some(talks.task.clone());
        draft.synced_offers = Some(talks.offers.len());
        draft.options = talks
            .offers
            .last()
            .map(|o| o.options.clone())
            .filter(|o| o.len() == issues)
            .unwrap_or_else(|| vec![0; issues]);
    }
    if !talks.title.en.is_empty() {
        ui.heading(super::pick(&talks.title, cat.language()));
    }
    ui.label(
        RichText::new(cat.tr_args("class-talks-as", &[("side", Arg::from(side_label(cat, talks.side)))])).strong(),
    );
    let status = match (talks.to_move, talks.ending) {
        (_, Some((true, by))) => cat.tr_args("class-talks-agreed", &[("side", Arg::from(who(cat, talks, by)))]),
        (_, Some((false, by))) => cat.tr_args("class-talks-broken", &[("side", Arg::from(who(cat, talks, by)))]),
        (None, None) => cat.tr("class-talks-over"),
        (Some(side), None) if side == talks.side => {
            cat.tr_args("class-your-move", &[("left", Arg::from(talks.offers_left))])
        }
        (Some(_), None) => cat.tr("class-their-move"),
    };
    ui.label(RichText::new(status).color(ACCENT));

    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new(cat.tr("class-your-brief")).strong());
        ui.label(
            RichText::new(cat.tr_args(
                "class-walk-away",
                &[("value", Arg::from(format_utility(talks.own_walk_away)))],
            ))
            .color(WARN),
        );
        for (i, issue) in talks.issues.iter().enumerate() {
            let weight = talks.own_weights.get(i).copied().unwrap_or(0);
            ui.label(RichText::new(format!("{} · {}.{:02} %", issue.title, weight / 100, weight % 100)).strong());
            let values: Vec<String> = issue
                .options
                .iter()
                .enumerate()
                .map(|(o, label)| {
                    let value = talks.own_values.get(i).and_then(|v| v.get(o)).copied().unwrap_or(0);
                    format!("{label}: {}", format_utility(value))
                })
                .collect();
            ui.add(egui::Label::new(RichText::new(values.join(" · ")).small()).wrap());
        }
        if talks.to_move == Some(talks.side) {
            ui.add_space(8.0);
            ui.label(RichText::new(cat.tr("class-counter-offer")).strong());
            for (i, issue) in talks.issues.iter().enumerate() {
                let Some(chosen) = draft.options.get_mut(i) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.label(&issue.title);
                    egui::ComboBox::from_id_salt(format!("offer-{}-{i}", talks.task))
                        .selected_text(issue.options.get(*chosen).map_or("", String::as_str))
                        .show_ui(ui, |ui| {
                            for (o, label) in issue.options.iter().enumerate() {
                                ui.selectable_value(chosen, o, label);
                            }
                        });
                });
            }
            let worth = talks.worth(&draft.options).unwrap_or(0);
            worth_bar(ui, cat, worth, talks.own_walk_away, "class-offer-worth");
            ui.add(
                egui::TextEdit::multiline(&mut draft.note)
                    .char_limit(500)
                    .hint_text(cat.tr("class-note-hint"))
                    .desired_rows(2),
            );
            ui.horizontal(|ui| {
                if ui.button(RichText::new(cat.tr("class-send-offer")).strong()).clicked() {
                    action = Some(Action::Class(ClassAction::Send(Box::new(Command::MakeOffer {
                        task: talks.task.clone(),
                        options: draft.options.clone(),
                        note: draft.note.trim().to_string(),
                    }))));
                    draft.note.clear();
                }
                let on_table = talks.offers.last().filter(|o| o.by != talks.side).is_some();
                if ui
                    .add_enabled(on_table, egui::Button::new(cat.tr("class-accept")))
                    .clicked()
                {
                    action = Some(Action::Class(ClassAction::Send(Box::new(Command::AcceptOffer {
                        task: talks.task.clone(),
                    }))));
                }
                if ui.button(cat.tr("class-walk-away-button")).clicked() {
                    action = Some(Action::Class(ClassAction::Send(Box::new(Command::WalkAway {
                        task: talks.task.clone(),
                    }))));
                }
            });
        }

        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("class-offers")).strong());
        if talks.offers.is_empty() {
            ui.label(RichText::new(cat.tr("class-no-offers")).color(MUTED));
        }
        for (n, offer) in talks.offers.iter().enumerate().rev() {
            let who = who(cat, talks, offer.by);
            let terms: Vec<&str> = offer
                .options
                .iter()
                .zip(&talks.issues)
                .map(|(o, issue)| issue.options.get(*o).map_or("?", String::as_str))
                .collect();
            ui.label(RichText::new(format!("{}. {who}: {}", n + 1, terms.join(", "))).strong());
            if !offer.note.is_empty() {
                ui.label(RichText::new(&offer.note).italics().small());
            }
            worth_bar(ui, cat, offer.worth_to_me, talks.own_walk_away, "class-worth-to-you");
            ui.add_space(4.0);
        }
    });
    action
}

fn worth_bar(ui: &mut egui::Ui, cat: &Catalogue, worth: u32, walk_away: u32, key: &str) {
    let color = if worth >= walk_away { GOOD } else { BAD };
    ui.label(RichText::new(cat.tr_args(key, &[("value", Arg::from(format_utility(worth)))])).color(color));
    ui.add(
        egui::ProgressBar::new(worth as f32 / FULL as f32)
            .fill(color)
            .desired_height(6.0)
            .desired_width(ui.available_width().min(320.0)),
    );
}

/// The report the host sent: the score, each task's points, where it was kept.
fn report_panel(ui: &mut egui::Ui, view: &SeatScreenView, report: &ReportFile) {
    let cat = view.cat;
    let claims = &report.claims;
    ui.heading(RichText::new(cat.tr("class-report-title")).color(ACCENT));
    ui.label(
        RichText::new(cat.tr_args(
            "class-report-score",
            &[
                ("earned", Arg::from(claims.total_earned)),
                ("possible", Arg::from(claims.total_possible)),
            ],
        ))
        .size(22.0)
        .strong(),
    );
    let language = cat.language();
    if view.debrief.is_empty() {
        egui::Grid::new("class-report-tasks").striped(true).show(ui, |ui| {
            for (task, earned, possible) in &claims.tasks {
                ui.label(task);
                ui.label(format!("{earned} / {possible}"));
                ui.end_row();
            }
        });
    }
    for task in view.debrief.iter().take(crate::class::view::MAX_DEBRIEF_ITEMS) {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{} — {} / {}",
                super::pick(&task.title, language),
                task.earned,
                task.possible
            ))
            .strong(),
        );
        for c in task.criteria.iter().take(crate::class::view::MAX_DEBRIEF_ITEMS) {
            let full = c.earned >= c.possible;
            let (mark, color) = if full { ("✔", GOOD) } else { ("✖", BAD) };
            ui.label(
                RichText::new(format!(
                    "{mark} {} — {} / {}",
                    super::pick(&c.description, language),
                    c.earned,
                    c.possible
                ))
                .color(color),
            );
            ui.indent(("criterion", &c.description.en), |ui| {
                ui.label(RichText::new(super::pick(&c.reason, language)).small());
                if !full {
                    if let Some(rule) = &c.rule {
                        ui.label(RichText::new(super::pick(rule, language)).small().color(MUTED));
                    }
                    if let Some(hint) = &c.hint {
                        ui.label(
                            RichText::new(
                                cat.tr_args("task-hint", &[("hint", Arg::from(super::pick(hint, language)))]),
                            )
                            .small()
                            .color(ACCENT),
                        );
                    }
                }
            });
        }
    }
    if let Some(team) = &report.team {
        ui.add_space(8.0);
        let members: Vec<&str> = team.members.iter().map(|m| m.name.as_str()).collect();
        ui.label(RichText::new(cat.tr_args("class-team", &[("members", Arg::from(members.join(", ")))])).strong());
        let actions = crate::class::view::team_actions(&report.save.commands, &team.own_commands);
        ui.label(cat.tr_args("class-team-actions", &[("count", Arg::from(actions.len()))]));
        for (day, what) in actions.iter().take(crate::class::view::MAX_DEBRIEF_ITEMS) {
            ui.label(
                RichText::new(cat.tr_args(
                    "class-team-action",
                    &[("day", Arg::from(*day)), ("what", Arg::from(cat.say(what)))],
                ))
                .small(),
            );
        }
    }
    if let Some(standing) = view.view.and_then(|v| v.market.as_ref()) {
        ui.add_space(8.0);
        ui.label(RichText::new(cat.tr("dec-title")).strong().color(ACCENT));
        super::leaderboard::decisions(ui, cat, &standing.decisions, true);
        ui.add_space(6.0);
        super::leaderboard::leaderboard(ui, cat, &standing.leaderboard, view.table);
    }
    if let Some(shops) = view.view.and_then(|v| v.classmates.as_ref()) {
        // The class is over: what was bought is shown, no longer rated.
        let _ = super::classmates::purchases(ui, cat, view.scenario, &shops.purchases, false);
    }
    if let Some(kept) = view.report_kept {
        ui.add_space(8.0);
        ui.label(RichText::new(kept).color(MUTED));
    }
    ui.label(RichText::new(cat.tr("class-report-verify")).small().color(MUTED));
}
