//! The end-of-scenario debrief: the score, a competency chart beside the AI expert's, each
//! point lost with what happened, the rule and a hint, what the expert did on the same seed,
//! every criterion, money, reputation and a timeline.

use egui::RichText;

use super::theme::{ACCENT, BAD, GOOD, MUTED};
use super::{Action, competency_label, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Report;
use crate::sim::report::TaskStatus;
use crate::sim::session::{Event, Session};

pub struct DebriefView<'a> {
    pub cat: &'a Catalogue,
    pub report: &'a Report,
    /// The AI expert's run on the same seed, when it was played.
    pub expert: Option<&'a crate::sim::expert::ExpertRun>,
    pub session: &'a Session,
    /// Where the report for the teacher was saved (or why it was not), once asked.
    pub exported: Option<&'a str>,
}

pub fn draw(ui: &mut egui::Ui, view: &DebriefView, _draft: &mut ()) -> Option<Action> {
    let cat = view.cat;
    let report = view.report;
    let language = cat.language();
    let mut action = None;
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
        action = Some(Action::QuitToMenu);
    }
    egui::Panel::bottom("debrief-actions").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(RichText::new(cat.tr("debrief-back")).strong()).clicked() {
                action = Some(Action::QuitToMenu);
            }
            if ui
                .button(cat.tr("debrief-export"))
                .on_hover_text(cat.tr("debrief-export-hint"))
                .clicked()
            {
                action = Some(Action::ExportReport);
            }
            if let Some(exported) = view.exported {
                ui.label(RichText::new(exported).small().color(MUTED));
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.heading(RichText::new(cat.tr("debrief-title")).color(ACCENT));
            ui.label(RichText::new(pick(&report.title, language)).strong());
            let played = if report.finished && !report.ended_early {
                "debrief-finished"
            } else {
                "debrief-unfinished"
            };
            ui.label(cat.tr_args(
                played,
                &[
                    ("days", Arg::from(report.days_played)),
                    ("total", Arg::from(report.length_days)),
                ],
            ));
            ui.label(
                RichText::new(cat.tr(if report.mode.hints() {
                    "debrief-mode-practice"
                } else {
                    "debrief-mode-exam"
                }))
                .small()
                .color(MUTED),
            );
            ui.add_space(10.0);

            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(cat.tr_args(
                        "debrief-score",
                        &[
                            ("earned", Arg::from(report.total_earned)),
                            ("possible", Arg::from(report.total_possible)),
                        ],
                    ))
                    .size(28.0)
                    .strong(),
                );
            });
            let fraction = if report.total_possible == 0 {
                0.0
            } else {
                report.total_earned as f32 / report.total_possible as f32
            };
            ui.add(egui::ProgressBar::new(fraction).desired_width(400.0));
            ui.add_space(10.0);

            egui::Grid::new("debrief-money")
                .num_columns(2)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    ui.label(cat.tr("debrief-cash"));
                    let delta = report.cash_end_home.minor - report.cash_start_home.minor;
                    let color = if delta >= 0 { GOOD } else { BAD };
                    ui.label(
                        RichText::new(format!("{} → {}", report.cash_start_home, report.cash_end_home))
                            .monospace()
                            .color(color),
                    );
                    ui.end_row();
                    ui.label(cat.tr("reputation"));
                    ui.label(format!("{} → {}", report.reputation_start, report.reputation_end));
                    ui.end_row();
                    if report.customs_fees.minor != 0 || report.customs_penalties.minor != 0 {
                        ui.label(cat.tr("debrief-customs-costs"));
                        ui.label(
                            RichText::new(cat.tr_args(
                                "debrief-customs-costs-value",
                                &[
                                    ("fees", Arg::from(report.customs_fees.format())),
                                    ("penalties", Arg::from(report.customs_penalties.format())),
                                ],
                            ))
                            .color(BAD),
                        );
                        ui.end_row();
                    }
                    ui.label(cat.tr("debrief-messages"));
                    ui.label(cat.tr_args(
                        "debrief-messages-value",
                        &[
                            ("received", Arg::from(report.messages_received)),
                            ("unread", Arg::from(report.messages_unread)),
                        ],
                    ));
                    ui.end_row();
                });
            ui.add_space(12.0);

            if let Some(expert) = view.expert {
                ui.label(
                    RichText::new(cat.tr_args(
                        "debrief-expert-score",
                        &[
                            ("earned", Arg::from(expert.report.total_earned)),
                            ("possible", Arg::from(expert.report.total_possible)),
                        ],
                    ))
                    .color(MUTED),
                );
                ui.add_space(8.0);
            }

            ui.label(RichText::new(cat.tr("debrief-competencies")).strong());
            competency_chart(ui, cat, report, view.expert.map(|e| &e.report));
            ui.add_space(12.0);

            ui.label(RichText::new(cat.tr("debrief-mistakes")).strong());
            mistakes(ui, cat, report);
            ui.add_space(12.0);

            if let Some(expert) = view.expert {
                ui.label(RichText::new(cat.tr("debrief-expert")).strong());
                expert_comparison(ui, cat, report, expert);
                ui.add_space(12.0);
            }

            let hints = crate::export::hints_for_next_time(report);
            if !hints.is_empty() {
                ui.label(RichText::new(cat.tr("debrief-hints")).strong());
                for (i, hint) in hints.iter().enumerate() {
                    ui.label(RichText::new(format!("{}. {}", i + 1, pick(hint, language))).color(ACCENT));
                }
                ui.add_space(12.0);
            }

            ui.label(RichText::new(cat.tr("debrief-tasks")).strong());
            for task in &report.tasks {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(pick(&task.title, language)).strong());
                        ui.label(cat.tr_args(
                            "debrief-task-score",
                            &[
                                ("earned", Arg::from(task.earned())),
                                ("possible", Arg::from(task.possible())),
                            ],
                        ));
                    });
                    if task.status == TaskStatus::NotAttempted {
                        ui.label(RichText::new(cat.tr("debrief-not-attempted")).color(BAD));
                    }
                    for c in &task.criteria {
                        let color = if !c.scored {
                            MUTED
                        } else if c.earned == c.possible {
                            GOOD
                        } else {
                            BAD
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(format!("{} / {}", c.earned, c.possible))
                                    .small()
                                    .strong()
                                    .color(color),
                            );
                            ui.label(
                                RichText::new(format!(
                                    "{} — {}",
                                    pick(&c.description, language),
                                    pick(&c.reason, language)
                                ))
                                .small(),
                            );
                        });
                    }
                });
            }
            ui.add_space(12.0);

            ui.label(RichText::new(cat.tr("debrief-timeline")).strong());
            for (day, event) in view.session.timeline() {
                if let Some(text) = describe_event(cat, view.session, event) {
                    ui.label(
                        RichText::new(format!(
                            "{}  {text}",
                            cat.tr_args("day-short", &[("day", Arg::from(*day))])
                        ))
                        .small()
                        .color(MUTED),
                    );
                }
            }
        });
    });
    action
}

/// One timeline line per event worth showing.
pub fn describe_event(cat: &Catalogue, session: &Session, event: &Event) -> Option<String> {
    let language = cat.language();
    Some(match event {
        Event::DayStarted { .. } | Event::MessageRead { .. } => return None,
        Event::MessageArrived { id } => {
            let m = session.world().inbox().iter().find(|m| m.id == *id)?;
            cat.tr_args("event-message", &[("subject", Arg::from(pick(&m.subject, language)))])
        }
        // Daily drift is noise; show moves of 1% or more.
        Event::RateMoved { from, to, .. } if (to.0 - from.0).abs() * 100 < from.0 => return None,
        Event::RateMoved { currency, from, to } => cat.tr_args(
            "event-rate",
            &[
                ("currency", Arg::from(currency.as_str())),
                ("from", Arg::from(from.to_string())),
                ("to", Arg::from(to.to_string())),
            ],
        ),
        Event::CashChanged { money, reason } => cat.tr_args(
            "event-cash",
            &[
                ("money", Arg::from(money.format())),
                ("reason", Arg::from(pick(reason, language))),
            ],
        ),
        Event::ReputationChanged { from, to, reason } => cat.tr_args(
            "event-reputation",
            &[
                ("from", Arg::from(*from)),
                ("to", Arg::from(*to)),
                ("reason", Arg::from(pick(reason, language))),
            ],
        ),
        Event::DeclarationChecked {
            attempt,
            correct,
            wrong,
            cleared,
            ..
        } => cat.tr_args(
            if *cleared {
                "event-declaration-cleared"
            } else {
                "event-declaration-rejected"
            },
            &[
                ("attempt", Arg::from(*attempt)),
                ("correct", Arg::from(*correct)),
                ("wrong", Arg::from(*wrong)),
            ],
        ),
        Event::CustomsCharged { money, account, .. } => cat.tr_args(
            match account {
                crate::sim::session::Account::CustomsPenalties => "event-customs-penalty",
                _ => "event-customs-fee",
            },
            &[("money", Arg::from(money.format()))],
        ),
        Event::InspectionOrdered { days, .. } => cat.tr_args("event-inspection", &[("days", Arg::from(*days))]),
        Event::ReleaseScheduled { day, .. } => cat.tr_args("event-release-scheduled", &[("day", Arg::from(*day))]),
        Event::GoodsReleased { .. } => cat.tr("event-released"),
        Event::ClassificationGraded { sku, correct, total } => cat.tr_args(
            "event-classified",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("correct", Arg::from(*correct)),
                ("total", Arg::from(*total)),
            ],
        ),
        Event::ScenarioEnded { day } => cat.tr_args("event-ended", &[("day", Arg::from(*day))]),
        // Each offer is in the negotiation's history; the timeline keeps how talks ended.
        Event::Negotiation {
            event: crate::sim::negotiation::TalkEvent::OfferMade { .. },
            ..
        } => return None,
        Event::Negotiation {
            task,
            event: crate::sim::negotiation::TalkEvent::Agreed { by },
        } => cat.tr_args(
            "event-deal-agreed",
            &[
                ("task", Arg::from(task.as_str())),
                ("side", Arg::from(side_label(cat, *by))),
            ],
        ),
        Event::Negotiation {
            task,
            event: crate::sim::negotiation::TalkEvent::WalkedAway { by },
        } => cat.tr_args(
            "event-talks-broken",
            &[
                ("task", Arg::from(task.as_str())),
                ("side", Arg::from(side_label(cat, *by))),
            ],
        ),
        Event::DocumentsChecked {
            attempt,
            discrepancies,
            complied,
            ..
        } => cat.tr_args(
            if *complied {
                "event-documents-complied"
            } else {
                "event-documents-discrepant"
            },
            &[
                ("attempt", Arg::from(*attempt)),
                ("discrepancies", Arg::from(*discrepancies)),
            ],
        ),
        Event::PaymentReceived { amount, settled, .. } => cat.tr_args(
            "event-payment",
            &[
                ("amount", Arg::from(amount.format())),
                ("settled", Arg::from(settled.format())),
            ],
        ),
        Event::CouponStarted {
            sku,
            discount,
            budget,
            last_day,
            ..
        } => cat.tr_args(
            "event-coupon",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("discount", Arg::from(discount.to_string())),
                ("budget", Arg::from(budget.format())),
                ("day", Arg::from(*last_day)),
            ],
        ),
        Event::InfluencerBooked {
            market,
            sku,
            influencer,
            fee,
            first_day,
        } => cat.tr_args(
            "event-influencer",
            &[
                ("sku", Arg::from(sku.as_str())),
                (
                    "creator",
                    Arg::from(
                        session
                            .store_desk()
                            .store(market)
                            .and_then(|s| s.storefront.influencers.iter().find(|i| &i.id == influencer))
                            .map_or(influencer.as_str(), |i| i.name.as_str()),
                    ),
                ),
                ("fee", Arg::from(fee.format())),
                ("day", Arg::from(*first_day)),
            ],
        ),
        Event::DealStarted {
            sku,
            discount,
            last_day,
            ..
        } => cat.tr_args(
            "event-deal",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("discount", Arg::from(discount.to_string())),
                ("day", Arg::from(*last_day)),
            ],
        ),
        Event::ListingPublished { market, sku, quality } => cat.tr_args(
            "event-listing",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("market", Arg::from(market.as_str())),
                ("quality", Arg::from(u32::from(*quality))),
            ],
        ),
        // Days without orders are noise in the timeline.
        Event::StoreDay { orders: 0, .. } => return None,
        Event::StoreDay {
            market,
            orders,
            sales,
            payout,
            ..
        } => cat.tr_args(
            "event-store-day",
            &[
                ("market", Arg::from(market.as_str())),
                ("orders", Arg::from(*orders)),
                ("sales", Arg::from(sales.format())),
                ("payout", Arg::from(payout.format())),
            ],
        ),
        Event::ShipmentBooked { sailing, .. } => {
            cat.tr_args("event-booked", &[("date", Arg::from(sailing.to_string()))])
        }
        Event::PaymentScheduled { amount, day, .. } => cat.tr_args(
            "event-payment-scheduled",
            &[("amount", Arg::from(amount.format())), ("day", Arg::from(*day))],
        ),
        Event::ContractSigned { number, .. } => {
            cat.tr_args("event-contract", &[("number", Arg::from(number.as_str()))])
        }
        Event::Shop(e) => return super::c2c::describe(cat, session, e),
        Event::StrategyGuessed { correct, .. } => cat.tr(if *correct {
            "event-guess-right"
        } else {
            "event-guess-wrong"
        }),
        Event::CostSheetChecked { market, sku, wrong } => cat.tr_args(
            "event-cost-sheet",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("market", Arg::from(market.as_str())),
                ("wrong", Arg::from(*wrong)),
            ],
        ),
        Event::LetterSent { task, score } => {
            let title = session
                .scenario()
                .tasks()
                .iter()
                .find(|t| &t.id == task)
                .map_or(task.clone(), |t| pick(&t.title, language).to_string());
            cat.tr_args(
                "event-letter",
                &[("task", Arg::from(title)), ("score", Arg::from(*score))],
            )
        }
    })
}

/// "the seller" / "the buyer".
pub fn side_label(cat: &Catalogue, side: crate::scenario::file::Side) -> String {
    cat.tr(match side {
        crate::scenario::file::Side::Seller => "side-seller",
        crate::scenario::file::Side::Buyer => "side-buyer",
    })
}

/// Earned share of each competency as a bar, with the expert's beneath it in grey; the
/// numbers stand beside the bars, where they stay readable.
fn competency_chart(ui: &mut egui::Ui, cat: &Catalogue, report: &Report, expert: Option<&Report>) {
    let bar = |ui: &mut egui::Ui, (earned, possible): (u32, u32), fill: egui::Color32, height: f32, text: String| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(300.0, height), egui::Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
            let share = if possible == 0 {
                0.0
            } else {
                earned as f32 / possible as f32
            };
            let mut done = rect;
            done.set_width(rect.width() * share.clamp(0.0, 1.0));
            painter.rect_filled(done, 2.0, fill);
            ui.label(RichText::new(text).small());
        });
    };
    egui::Grid::new("debrief-competencies")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (competency, points) in &report.competencies {
                ui.label(competency_label(cat, *competency));
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    bar(
                        ui,
                        *points,
                        ACCENT,
                        14.0,
                        cat.tr_args(
                            "debrief-chart-you",
                            &[("earned", Arg::from(points.0)), ("possible", Arg::from(points.1))],
                        ),
                    );
                    if let Some(theirs) = expert.and_then(|e| e.competencies.get(competency)) {
                        bar(
                            ui,
                            *theirs,
                            MUTED,
                            8.0,
                            cat.tr_args(
                                "debrief-chart-expert",
                                &[("earned", Arg::from(theirs.0)), ("possible", Arg::from(theirs.1))],
                            ),
                        );
                    }
                });
                ui.end_row();
            }
        });
}

/// Each point lost on what the game checks: what happened, the rule, and what to do next time.
fn mistakes(ui: &mut egui::Ui, cat: &Catalogue, report: &Report) {
    let language = cat.language();
    let mut any = false;
    for task in &report.tasks {
        for c in task.criteria.iter().filter(|c| c.is_mistake()) {
            any = true;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!(
                        "{} — {} ({} / {})",
                        pick(&task.title, language),
                        pick(&c.description, language),
                        c.earned,
                        c.possible
                    ))
                    .strong(),
                );
                ui.label(
                    RichText::new(cat.tr_args(
                        "debrief-what-happened",
                        &[("reason", Arg::from(pick(&c.reason, language)))],
                    ))
                    .color(BAD),
                );
                if let Some(rule) = &c.rule {
                    ui.label(
                        RichText::new(cat.tr_args("debrief-rule", &[("rule", Arg::from(pick(rule, language)))]))
                            .small(),
                    );
                }
                if let Some(hint) = &c.hint {
                    ui.label(
                        RichText::new(cat.tr_args("debrief-hint", &[("hint", Arg::from(pick(hint, language)))]))
                            .color(ACCENT),
                    );
                }
            });
        }
    }
    if !any {
        ui.label(RichText::new(cat.tr("debrief-no-mistakes")).color(GOOD));
    }
    let unchecked: u32 = report
        .tasks
        .iter()
        .flat_map(|t| t.criteria.iter())
        .filter(|c| !c.scored)
        .map(|c| c.possible)
        .sum();
    if unchecked > 0 {
        ui.label(
            RichText::new(cat.tr_args("debrief-unchecked", &[("points", Arg::from(unchecked))]))
                .small()
                .color(MUTED),
        );
    }
}

/// Per task: the student's points beside the expert's, and the expert's decisions.
fn expert_comparison(ui: &mut egui::Ui, cat: &Catalogue, report: &Report, expert: &crate::sim::expert::ExpertRun) {
    let language = cat.language();
    for task in &report.tasks {
        let theirs = expert.report.tasks.iter().find(|t| t.id == task.id);
        let moves: Vec<&crate::sim::expert::ExpertMove> = expert
            .moves
            .iter()
            .filter(|m| m.task.as_deref() == Some(task.id.as_str()))
            .collect();
        let title = cat.tr_args(
            "debrief-expert-task",
            &[
                ("task", Arg::from(pick(&task.title, language))),
                ("earned", Arg::from(task.earned())),
                ("possible", Arg::from(task.possible())),
                ("expert", Arg::from(theirs.map_or(0, |t| t.earned()))),
            ],
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("expert", task.id.as_str()))
            .default_open(theirs.is_some_and(|t| t.earned() > task.earned()))
            .show(ui, |ui| {
                if moves.is_empty() {
                    ui.label(RichText::new(cat.tr("debrief-expert-nothing")).small().color(MUTED));
                }
                for m in moves {
                    ui.label(
                        RichText::new(format!(
                            "{}  {}",
                            cat.tr_args("day-short", &[("day", Arg::from(m.day))]),
                            pick(&m.what, language)
                        ))
                        .small(),
                    );
                }
            });
    }
}
