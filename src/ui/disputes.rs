//! Orders and disputes: where each parcel is, what the buyer pays at the door, the feedback;
//! open disputes with their choices (refund, partial refund, return, decline) and what each
//! costs; and how settled disputes ended.

use std::collections::BTreeMap;

use egui::RichText;

use super::c2c::{dispute_label, hint, market_money};
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, header_row, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Session;
use crate::sim::c2c::{DisputeKind, OrderId, OrderStatus, Resolution};
use crate::sim::money::BasisPoints;
use crate::sim::session::Command;

/// Partial-refund percentages being typed, by order (UI state).
#[derive(Debug, Clone, Default)]
pub struct DisputesDraft {
    pub partial: BTreeMap<OrderId, String>,
    pub error: Option<String>,
}

pub struct DisputesView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
}

fn status_label(cat: &Catalogue, status: OrderStatus) -> (String, egui::Color32) {
    match status {
        OrderStatus::AwaitingPost => (cat.tr("c2c-order-awaiting"), WARN),
        OrderStatus::InTransit => (cat.tr("c2c-order-transit"), ACCENT),
        OrderStatus::Delivered => (cat.tr("c2c-order-delivered"), GOOD),
        OrderStatus::Refused => (cat.tr("c2c-order-refused"), BAD),
        OrderStatus::Returned => (cat.tr("c2c-order-returned"), WARN),
        OrderStatus::Lost => (cat.tr("c2c-order-lost"), BAD),
    }
}

pub fn draw(ui: &mut egui::Ui, view: &DisputesView, draft: &mut DisputesDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let shop = session.shop()?;
    let language = cat.language();
    let mut action = None;
    ui.heading(cat.tr("c2c-orders-title"));
    if shop.orders.is_empty() {
        hint(ui, cat.tr("c2c-no-orders"));
        return None;
    }
    egui::Grid::new("c2c_orders_grid")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            header_row(
                ui,
                cat,
                &[
                    "c2c-col-item",
                    "c2c-col-buyer",
                    "c2c-col-price",
                    "c2c-col-parcel",
                    "c2c-col-days",
                    "c2c-col-at-door",
                    "c2c-col-feedback",
                ],
            );
            for o in &shop.orders {
                let money = |minor: i64| market_money(session, &o.market, minor).format();
                ui.label(&o.sku);
                ui.label(&o.buyer);
                ui.label(RichText::new(money(o.price)).monospace());
                let (status, color) = status_label(cat, o.status);
                ui.label(RichText::new(status).color(color));
                ui.label(cat.tr_args(
                    "c2c-order-days",
                    &[("ship", Arg::from(o.ship_day)), ("deliver", Arg::from(o.deliver_day))],
                ));
                let at_door = if o.duty_paid { 0 } else { o.charges.at_door() };
                let door = if o.duty_paid {
                    cat.tr("c2c-door-paid-by-you")
                } else if at_door == 0 && o.charges.vat_at_checkout > 0 {
                    cat.tr_args(
                        "c2c-door-vat-at-checkout",
                        &[("vat", Arg::from(money(o.charges.vat_at_checkout)))],
                    )
                } else if at_door == 0 {
                    cat.tr("c2c-door-nothing")
                } else {
                    money(at_door)
                };
                ui.label(door)
                    .on_hover_text(pick(&o.charges.explain(o.duty_paid), language));
                ui.label(o.feedback.map_or("—".to_string(), |s| "★".repeat(s as usize)));
                ui.end_row();
            }
        });

    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("c2c-disputes-title")).strong());
    let open: Vec<_> = shop.open_disputes().collect();
    if open.is_empty() {
        hint(ui, cat.tr("c2c-no-open-disputes"));
    }
    for o in open {
        let Some(dispute) = &o.dispute else { continue };
        let money = |minor: i64| market_money(session, &o.market, minor).format();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{} — {} · {} · {}",
                    dispute_label(cat, dispute.kind),
                    o.sku,
                    o.buyer,
                    money(o.price)
                ))
                .strong()
                .color(BAD),
            );
            ui.label(
                RichText::new(cat.tr_args(
                    "c2c-dispute-respond-by",
                    &[
                        ("opened", Arg::from(dispute.opened_day)),
                        ("day", Arg::from(dispute.respond_by)),
                    ],
                ))
                .color(WARN),
            );
            hint(
                ui,
                cat.tr(match dispute.kind {
                    DisputeKind::NotReceived => "c2c-dispute-help-not-received",
                    DisputeKind::NotAsDescribed => "c2c-dispute-help-not-as-described",
                    DisputeKind::Damaged => "c2c-dispute-help-damaged",
                    DisputeKind::RefusedImportCharges => "c2c-dispute-help-refused",
                }),
            );
            let returnable = matches!(dispute.kind, DisputeKind::NotAsDescribed | DisputeKind::Damaged);
            ui.horizontal_wrapped(|ui| {
                let mut choose = |resolution| {
                    action = Some(Action::Marketplace(Box::new(Command::ResolveDispute {
                        order: o.id,
                        resolution,
                    })));
                };
                if ui
                    .button(cat.tr("c2c-resolve-full"))
                    .on_hover_text(cat.tr("c2c-resolve-full-hint"))
                    .clicked()
                {
                    choose(Resolution::FullRefund);
                }
                if returnable {
                    if ui
                        .button(cat.tr("c2c-resolve-return"))
                        .on_hover_text(
                            cat.tr_args("c2c-resolve-return-hint", &[("postage", Arg::from(o.postage.format()))]),
                        )
                        .clicked()
                    {
                        choose(Resolution::Return);
                    }
                    let text = draft.partial.entry(o.id).or_default();
                    ui.add(egui::TextEdit::singleline(text).desired_width(50.0).hint_text("30"));
                    ui.label("%");
                    if ui
                        .button(cat.tr("c2c-resolve-partial"))
                        .on_hover_text(cat.tr("c2c-resolve-partial-hint"))
                        .clicked()
                    {
                        match text.trim().trim_end_matches('%').trim().parse::<i64>() {
                            Ok(pct) if (1..=90).contains(&pct) => {
                                draft.error = None;
                                choose(Resolution::PartialRefund(BasisPoints(pct * 100)));
                            }
                            _ => draft.error = Some(cat.tr("c2c-partial-range")),
                        }
                    }
                }
                if ui
                    .button(cat.tr("c2c-resolve-decline"))
                    .on_hover_text(cat.tr("c2c-resolve-decline-hint"))
                    .clicked()
                {
                    choose(Resolution::Decline);
                }
            });
        });
    }
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    let settled: Vec<_> = shop
        .orders
        .iter()
        .filter_map(|o| {
            o.dispute
                .as_ref()
                .and_then(|d| d.outcome.as_ref().map(|out| (o, d, out)))
        })
        .collect();
    if !settled.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new(cat.tr("c2c-disputes-settled")).strong());
        for (o, d, out) in settled {
            let money = |minor: i64| market_money(session, &o.market, minor).format();
            ui.label(
                RichText::new(cat.tr_args(
                    "c2c-dispute-outcome",
                    &[
                        ("kind", Arg::from(dispute_label(cat, d.kind))),
                        ("sku", Arg::from(o.sku.as_str())),
                        ("refund", Arg::from(money(out.refund))),
                        ("reputation", Arg::from(i64::from(out.reputation))),
                    ],
                ))
                .strong(),
            );
            ui.label(RichText::new(pick(&out.explanation, language)).small().color(MUTED));
        }
    }
    action
}
