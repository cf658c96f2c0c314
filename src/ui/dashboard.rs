//! The instructor's dashboard of a class on the LAN: the join code and address, every
//! student's seat, day, cash, points and last action, a live feed of each table, all pairs'
//! deals on one Pareto chart, and the class's controls (start, pause, advance the day, lock
//! joining, remove a student, end the class and collect every report and the gradebook).

use egui::{Color32, RichText, Stroke};

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, ClassAction};
use crate::class::StudentId;
use crate::class::dashboard::{DealPoint, FeedLine, StudentRow};
use crate::i18n::{Arg, Catalogue};
use crate::sim::negotiation::OutcomeSpace;
use crate::sim::negotiation::domain::{FULL, format_utility};

pub struct DashboardView<'a> {
    pub cat: &'a Catalogue,
    pub title: &'a str,
    pub join_code: &'a str,
    pub address: &'a str,
    pub exam: bool,
    pub started: bool,
    pub paused: bool,
    pub locked: bool,
    pub over: bool,
    pub rows: &'a [StudentRow],
    /// Students whose PC is connected now.
    pub connected: &'a [StudentId],
    pub deals: &'a [DealPoint],
    /// The class's outcome space (one frontier for every table), once started.
    pub space: Option<&'a OutcomeSpace>,
    pub feed: &'a [FeedLine],
    /// Refused messages, newest last.
    pub refusals: &'a [String],
    /// Where the reports and the gradebook were written, and any problems.
    pub collected: &'a [String],
    /// The scenario's random events the instructor may fire: (id, what it does).
    pub events: &'a [(String, String)],
    /// How many tables the class has.
    pub tables: usize,
    /// The seats at every table (the instructor moves students between them before the start).
    pub seat_ids: &'a [String],
    /// Each seat's name in the instructor's language, by id (a seat not named shows its id).
    pub seat_names: &'a [(String, String)],
    /// What the last instructor action did (an event fired, or why not).
    pub notice: Option<&'a str>,
    /// A shared marketplace's leaderboard and the class's decisions (a B2C class).
    pub market: Option<&'a crate::class::leaderboard::MarketStanding>,
    /// Sales between the class's shops (a C2C class), newest last.
    pub classmate_trades: Option<&'a [crate::class::classmates::TradeRow]>,
}

/// The dashboard's own UI state: a removal or an end waiting for confirmation.
#[derive(Debug, Clone, Default)]
pub struct DashboardDraft {
    pub confirm_remove: Option<StudentId>,
    pub confirm_end: bool,
    /// The event chosen to fire (index into the view's events) and where: `None` = every table.
    pub event: usize,
    pub event_table: Option<usize>,
}

/// What a scenario event does, in a few words for the instructor's list, in their language.
pub fn describe_effect(effect: &crate::sim::scenario::Effect, cat: &Catalogue) -> String {
    cat.say(&crate::class::dashboard::effect_said(effect))
}

/// A seat's name as the dashboard shows it: its name in the instructor's language, else its id.
fn seat_label<'v>(view: &'v DashboardView, id: &'v str) -> &'v str {
    view.seat_names
        .iter()
        .find(|(seat, _)| seat == id)
        .map_or(id, |(_, name)| name.as_str())
}

pub fn draw(ui: &mut egui::Ui, view: &DashboardView, draft: &mut DashboardDraft) -> Option<Action> {
    let cat = view.cat;
    let mut action = None;
    egui::Panel::top("dashboard-top").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(RichText::new(cat.tr("dash-title")).strong().color(ACCENT));
            ui.label(RichText::new(view.title).strong());
            if view.exam {
                ui.label(RichText::new(cat.tr("dash-exam")).color(WARN));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(cat.tr("dash-join-code"));
            ui.label(
                RichText::new(view.join_code)
                    .monospace()
                    .size(24.0)
                    .strong()
                    .color(ACCENT),
            );
            ui.label(RichText::new(cat.tr_args("dash-address", &[("address", Arg::from(view.address))])).monospace());
            ui.separator();
            let (key, color) = if view.over {
                ("dash-state-over", GOOD)
            } else if !view.started {
                ("dash-state-waiting", WARN)
            } else if view.paused {
                ("dash-state-paused", WARN)
            } else {
                ("dash-state-running", GOOD)
            };
            ui.label(RichText::new(cat.tr(key)).strong().color(color));
        });
        ui.horizontal_wrapped(|ui| {
            let seated = !view.rows.is_empty();
            if !view.started
                && ui
                    .add_enabled(seated, egui::Button::new(RichText::new(cat.tr("dash-start")).strong()))
                    .on_hover_text(cat.tr("dash-start-hint"))
                    .clicked()
            {
                action = Some(Action::Class(ClassAction::Start));
            }
            let running = view.started && !view.over;
            let pause_key = if view.paused { "dash-resume" } else { "dash-pause" };
            if ui.add_enabled(running, egui::Button::new(cat.tr(pause_key))).clicked() {
                action = Some(Action::Class(ClassAction::SetPaused(!view.paused)));
            }
            if ui
                .add_enabled(running, egui::Button::new(cat.tr("dash-advance")))
                .on_hover_text(cat.tr("dash-advance-hint"))
                .clicked()
            {
                action = Some(Action::Class(ClassAction::AdvanceDay));
            }
            let mut locked = view.locked;
            if ui
                .add_enabled(!view.started, egui::Checkbox::new(&mut locked, cat.tr("dash-lock")))
                .on_hover_text(cat.tr("dash-lock-hint"))
                .changed()
            {
                action = Some(Action::Class(ClassAction::SetLocked(locked)));
            }
            if ui
                .add_enabled(running, egui::Button::new(RichText::new(cat.tr("dash-end")).color(BAD)))
                .on_hover_text(cat.tr("dash-end-hint"))
                .clicked()
            {
                draft.confirm_end = true;
            }
            if ui.button(cat.tr("dash-close")).clicked() {
                action = Some(Action::Class(ClassAction::Leave));
            }
        });
        if !view.events.is_empty() && view.started && !view.over {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(cat.tr("dash-event")).strong());
                let chosen = view.events.get(draft.event).map_or("", |(_, what)| what.as_str());
                egui::ComboBox::from_id_salt("dash-event-choice")
                    .selected_text(chosen)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for (i, (id, what)) in view.events.iter().enumerate() {
                            ui.selectable_value(&mut draft.event, i, format!("{what}  [{id}]"));
                        }
                    });
                let place = |t: Option<usize>| match t {
                    None => cat.tr("dash-event-everyone"),
                    Some(t) => format!("{} {}", cat.tr("dash-table"), t + 1),
                };
                egui::ComboBox::from_id_salt("dash-event-table")
                    .selected_text(place(draft.event_table))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut draft.event_table, None, place(None));
                        for t in 0..view.tables {
                            ui.selectable_value(&mut draft.event_table, Some(t), place(Some(t)));
                        }
                    });
                if ui
                    .button(cat.tr("dash-event-fire"))
                    .on_hover_text(cat.tr("dash-event-hint"))
                    .clicked()
                    && let Some((id, _)) = view.events.get(draft.event)
                {
                    action = Some(Action::Class(ClassAction::FireEvent {
                        table: draft.event_table,
                        event: id.clone(),
                    }));
                }
                if let Some(notice) = view.notice {
                    ui.label(RichText::new(notice).small().color(MUTED));
                }
            });
        }
        ui.add_space(6.0);
    });

    if !view.collected.is_empty() || !view.refusals.is_empty() {
        egui::Panel::bottom("dashboard-bottom").show(ui, |ui| {
            for line in view.collected.iter().take(8) {
                ui.label(RichText::new(line).small().color(GOOD));
            }
            if view.collected.len() > 8 {
                ui.label(
                    RichText::new(format!("… {}", view.collected.len() - 8))
                        .small()
                        .color(MUTED),
                );
            }
            if let Some(last) = view.refusals.last() {
                ui.label(
                    RichText::new(cat.tr_args(
                        "dash-refused",
                        &[
                            ("count", Arg::from(view.refusals.len())),
                            ("last", Arg::from(last.as_str())),
                        ],
                    ))
                    .small()
                    .color(BAD),
                );
            }
        });
    }

    egui::Panel::right("dashboard-chart")
        .default_size(380.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.add_space(6.0);
            if let Some(market) = view.market {
                ui.label(RichText::new(cat.tr("dash-leaderboard")).strong());
                super::leaderboard::leaderboard(ui, cat, &market.leaderboard, None);
                if !market.decisions.is_empty() {
                    ui.add_space(6.0);
                    super::leaderboard::decisions(ui, cat, &market.decisions, false);
                }
            } else if let Some(trades) = view.classmate_trades {
                ui.label(RichText::new(cat.tr("dash-classmate-trades")).strong());
                classmate_trades(ui, cat, trades);
            } else {
                ui.label(RichText::new(cat.tr("dash-chart")).strong());
                deal_chart(ui, cat, view.space, view.deals);
            }
            ui.add_space(8.0);
            ui.label(RichText::new(cat.tr("dash-feed")).strong());
            egui::ScrollArea::vertical().id_salt("dash-feed").show(ui, |ui| {
                if view.feed.is_empty() {
                    ui.label(RichText::new(cat.tr("dash-feed-empty")).color(MUTED));
                }
                for line in view.feed {
                    ui.label(
                        RichText::new(format!(
                            "{} {} · {} · {}",
                            cat.tr("dash-table"),
                            line.table + 1,
                            seat_label(view, &line.seat),
                            cat.say(&line.what)
                        ))
                        .small(),
                    );
                }
            });
        });

    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(6.0);
        ui.label(
            RichText::new(cat.tr_args(
                "dash-students",
                &[
                    ("count", Arg::from(view.rows.len())),
                    ("connected", Arg::from(view.connected.len())),
                ],
            ))
            .strong(),
        );
        if view.rows.is_empty() {
            ui.label(RichText::new(cat.tr("dash-no-students")).color(MUTED));
        }
        egui::ScrollArea::both().id_salt("dash-students").show(ui, |ui| {
            students(ui, view, draft, &mut action);
        });
    });

    if let Some(student) = draft.confirm_remove {
        let name = view
            .rows
            .iter()
            .find(|r| r.student == student)
            .map_or_else(String::new, |r| r.name.clone());
        confirm(
            ui,
            "dash-confirm-remove",
            &cat.tr_args("dash-remove-question", &[("name", Arg::from(name))]),
            cat,
            |yes| {
                if yes {
                    action = Some(Action::Class(ClassAction::Remove(student)));
                }
                draft.confirm_remove = None;
            },
        );
    } else if draft.confirm_end {
        confirm(ui, "dash-confirm-end", &cat.tr("dash-end-question"), cat, |yes| {
            if yes {
                action = Some(Action::Class(ClassAction::End));
            }
            draft.confirm_end = false;
        });
    }
    action
}

/// A yes/no question in a modal; `answer` is called once it is answered.
fn confirm(ui: &mut egui::Ui, id: &str, question: &str, cat: &Catalogue, answer: impl FnOnce(bool)) {
    let mut answered = None;
    egui::Modal::new(egui::Id::new(id)).show(ui.ctx(), |ui| {
        ui.label(question);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(cat.tr("dash-yes")).color(BAD)).clicked() {
                answered = Some(true);
            }
            if ui.button(cat.tr("dash-no")).clicked() {
                answered = Some(false);
            }
        });
    });
    if let Some(yes) = answered {
        answer(yes);
    }
}

fn students(ui: &mut egui::Ui, view: &DashboardView, draft: &mut DashboardDraft, action: &mut Option<Action>) {
    let cat = view.cat;
    egui::Grid::new("dash-students-grid")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for key in [
                "dash-col-name",
                "dash-col-number",
                "dash-col-table",
                "dash-col-seat",
                "dash-col-day",
                "dash-col-cash",
                "dash-col-points",
                "dash-col-last",
                "",
            ] {
                if key.is_empty() {
                    ui.label("");
                } else {
                    ui.label(RichText::new(cat.tr(key)).small().strong());
                }
            }
            if !view.started {
                ui.label("");
            }
            ui.end_row();
            for row in view.rows {
                let online = view.connected.contains(&row.student);
                let dot = if online { GOOD } else { BAD };
                ui.horizontal(|ui| {
                    ui.label(RichText::new("●").color(dot)).on_hover_text(cat.tr(if online {
                        "dash-online"
                    } else {
                        "dash-offline"
                    }));
                    ui.label(&row.name);
                });
                ui.label(RichText::new(&row.number).monospace());
                ui.label((row.table + 1).to_string());
                if row.held_by_ai {
                    ui.label(
                        RichText::new(cat.tr_args("dash-held", &[("seat", Arg::from(seat_label(view, &row.seat)))]))
                            .color(WARN),
                    )
                    .on_hover_text(cat.tr("dash-held-hint"));
                } else {
                    ui.label(seat_label(view, &row.seat));
                }
                let day = if row.ready {
                    format!("{} ✔", row.day)
                } else {
                    row.day.to_string()
                };
                ui.label(day).on_hover_text(cat.tr("dash-ready-hint"));
                ui.label(RichText::new(row.cash.as_deref().unwrap_or("—")).monospace());
                ui.label(
                    row.points
                        .map_or_else(|| "—".to_string(), |(e, p)| format!("{e} / {p}")),
                );
                // Cut short to keep the row's buttons in view; the whole on hover.
                let last = row
                    .last_said
                    .as_ref()
                    .map(|said| cat.say(said))
                    .or_else(|| row.last_action.clone())
                    .unwrap_or_else(|| "—".into());
                let short: String = last.chars().take(24).collect();
                let shown = if short.len() < last.len() {
                    format!("{short}…")
                } else {
                    short
                };
                ui.label(RichText::new(shown).small()).on_hover_text(last);
                if !view.started {
                    let choice = egui::ComboBox::from_id_salt(("dash-move", row.student.0))
                        .selected_text(cat.tr("dash-move"))
                        .show_ui(ui, |ui| {
                            let mut chosen = None;
                            for table in 0..=view.tables {
                                for seat in view.seat_ids {
                                    if table == row.table && *seat == row.seat {
                                        continue;
                                    }
                                    let label = if table == view.tables {
                                        cat.tr_args(
                                            "dash-move-new-table",
                                            &[("seat", Arg::from(seat_label(view, seat)))],
                                        )
                                    } else {
                                        format!("{} {} · {}", cat.tr("dash-table"), table + 1, seat_label(view, seat))
                                    };
                                    if ui.selectable_label(false, label).clicked() {
                                        chosen = Some((table, seat.clone()));
                                    }
                                }
                            }
                            chosen
                        });
                    if let Some(Some((table, seat))) = choice.inner {
                        *action = Some(Action::Class(ClassAction::Assign {
                            student: row.student,
                            table,
                            seat,
                        }));
                    }
                }
                if ui
                    .small_button(cat.tr("dash-remove"))
                    .on_hover_text(cat.tr("dash-remove-hint"))
                    .clicked()
                {
                    draft.confirm_remove = Some(row.student);
                }
                ui.end_row();
            }
        });
}

/// Every table's deal as (seller's, buyer's) utility over the class's outcome space: the
/// possible deals in grey, the Pareto frontier in blue, each table's deal labelled.
/// The sales between classmates' shops, newest first, two lines each: the day, seller and
/// buyer; the item, price, and where it is (with the stars once rated).
pub fn classmate_trades(ui: &mut egui::Ui, cat: &Catalogue, trades: &[crate::class::classmates::TradeRow]) {
    use crate::sim::c2c::PurchaseStatus;
    if trades.is_empty() {
        ui.label(RichText::new(cat.tr("dash-no-classmate-trades")).color(MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("dash-classmate-trades")
        .max_height(220.0)
        .show(ui, |ui| {
            for t in trades.iter().rev().take(40) {
                ui.label(
                    RichText::new(cat.tr_args(
                        "dash-trade-line",
                        &[
                            ("day", Arg::from(t.day)),
                            ("seller", Arg::from(t.seller.as_str())),
                            ("buyer", Arg::from(t.buyer.as_str())),
                        ],
                    ))
                    .small()
                    .strong(),
                );
                let status = match (t.status, t.stars) {
                    (_, Some(stars)) => cat.tr_args("cm-rated-by-buyer", &[("stars", Arg::from(u32::from(stars)))]),
                    (PurchaseStatus::AwaitingPost, None) => cat.tr("cm-status-awaiting"),
                    (PurchaseStatus::InTransit, None) => cat.tr("dash-trade-posted"),
                    (PurchaseStatus::Delivered, None) => cat.tr("cm-status-delivered"),
                    (PurchaseStatus::Lost, None) => cat.tr("cm-status-lost"),
                    (PurchaseStatus::Cancelled, None) => cat.tr("dash-trade-cancelled"),
                };
                ui.label(
                    RichText::new(format!(
                        "{} · {} · {status}",
                        super::pick(&t.item, cat.language()),
                        t.price
                    ))
                    .small(),
                );
            }
        });
}

pub fn deal_chart(ui: &mut egui::Ui, cat: &Catalogue, space: Option<&OutcomeSpace>, deals: &[DealPoint]) {
    let size = egui::vec2(ui.available_width().clamp(200.0, 420.0), 240.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, MUTED), egui::StrokeKind::Inside);
    let plot = rect.shrink2(egui::vec2(28.0, 18.0));
    let at = |seller: u32, buyer: u32| {
        egui::pos2(
            plot.left() + plot.width() * seller as f32 / FULL as f32,
            plot.bottom() - plot.height() * buyer as f32 / FULL as f32,
        )
    };
    if let Some(space) = space {
        let cloud = super::charts::one_per_cell(space.points.iter().map(|p| at(p.seller, p.buyer)), plot, 3.0);
        for p in cloud {
            painter.circle_filled(p, 1.2, Color32::from_gray(190));
        }
        let mut frontier: Vec<egui::Pos2> = space.frontier.iter().map(|p| at(p.seller, p.buyer)).collect();
        frontier.sort_by(|a, b| a.x.total_cmp(&b.x));
        painter.add(egui::Shape::line(frontier, Stroke::new(1.5, ACCENT)));
        // Each side's walk-away: a deal below either line is worse than no deal for that side.
        let walk_x = at(space.seller_reservation, 0).x;
        let walk_y = at(0, space.buyer_reservation).y;
        painter.line_segment(
            [egui::pos2(walk_x, plot.top()), egui::pos2(walk_x, plot.bottom())],
            Stroke::new(1.0, WARN),
        );
        painter.line_segment(
            [egui::pos2(plot.left(), walk_y), egui::pos2(plot.right(), walk_y)],
            Stroke::new(1.0, WARN),
        );
    } else {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            cat.tr("dash-chart-empty"),
            egui::FontId::proportional(13.0),
            MUTED,
        );
    }
    for deal in deals {
        let p = at(deal.seller, deal.buyer);
        painter.circle_filled(p, 5.0, BAD);
        painter.text(
            p + egui::vec2(7.0, -7.0),
            egui::Align2::LEFT_BOTTOM,
            format!("{}", deal.table + 1),
            egui::FontId::proportional(12.0),
            Color32::BLACK,
        );
    }
    painter.text(
        egui::pos2(plot.center().x, rect.bottom() - 2.0),
        egui::Align2::CENTER_BOTTOM,
        cat.tr("dash-axis-seller"),
        egui::FontId::proportional(11.0),
        MUTED,
    );
    painter.text(
        egui::pos2(rect.left() + 3.0, plot.top() - 2.0),
        egui::Align2::LEFT_BOTTOM,
        cat.tr("dash-axis-buyer"),
        egui::FontId::proportional(11.0),
        MUTED,
    );
    if !deals.is_empty() {
        let listed: Vec<String> = deals
            .iter()
            .map(|d| {
                format!(
                    "{} {}: {} / {}",
                    cat.tr("dash-table"),
                    d.table + 1,
                    format_utility(d.seller),
                    format_utility(d.buyer)
                )
            })
            .collect();
        ui.label(RichText::new(listed.join("   ")).small());
    }
}
