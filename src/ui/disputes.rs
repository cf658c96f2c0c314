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
use crate::sim::c2c::{Cn23Category, Cn23Field, Cn23Form, DisputeKind, Order, OrderId, OrderStatus, Resolution};
use crate::sim::money::BasisPoints;
use crate::sim::session::Command;

/// Partial-refund percentages and CN23 forms being typed, by order (UI state).
#[derive(Debug, Clone, Default)]
pub struct DisputesDraft {
    pub partial: BTreeMap<OrderId, String>,
    pub cn23: BTreeMap<OrderId, Cn23Draft>,
    pub error: Option<String>,
}

/// A CN23 as typed.
#[derive(Debug, Clone, Default)]
pub struct Cn23Draft {
    /// Why the last attempt to post was refused.
    pub error: Option<String>,
    pub category: Option<Cn23Category>,
    pub description: String,
    pub quantity: u32,
    pub net_weight_g: u32,
    pub value: String,
    pub currency: String,
    pub hs_code: String,
    pub origin: String,
    pub gross_weight_g: u32,
}

fn category_label(cat: &Catalogue, c: Cn23Category) -> String {
    cat.tr(match c {
        Cn23Category::Gift => "c2c-cn23-gift",
        Cn23Category::Documents => "c2c-cn23-documents",
        Cn23Category::CommercialSample => "c2c-cn23-sample",
        Cn23Category::ReturnedGoods => "c2c-cn23-returned",
        Cn23Category::SaleOfGoods => "c2c-cn23-sale",
        Cn23Category::Other => "c2c-cn23-other",
    })
}

fn field_label(cat: &Catalogue, f: Cn23Field) -> String {
    cat.tr(match f {
        Cn23Field::Category => "c2c-cn23-category",
        Cn23Field::Description => "c2c-cn23-description",
        Cn23Field::Quantity => "c2c-cn23-quantity",
        Cn23Field::NetWeight => "c2c-cn23-net",
        Cn23Field::Value => "c2c-cn23-value",
        Cn23Field::HsCode => "c2c-cn23-hs",
        Cn23Field::Origin => "c2c-cn23-origin",
        Cn23Field::GrossWeight => "c2c-cn23-gross",
    })
}

/// The CN23 form for one order waiting to be posted.
fn cn23_form(ui: &mut egui::Ui, cat: &Catalogue, order: &Order, draft: &mut Cn23Draft) -> Option<Action> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(cat.tr("c2c-cn23-category"));
        for c in Cn23Category::ALL {
            if ui.radio(draft.category == Some(c), category_label(cat, c)).clicked() {
                draft.category = Some(c);
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(cat.tr("c2c-cn23-description"));
        ui.add(egui::TextEdit::singleline(&mut draft.description).desired_width(ui.available_width()));
    });
    egui::Grid::new(("c2c_cn23_grid", order.id.0))
        .num_columns(4)
        .show(ui, |ui| {
            ui.label(cat.tr("c2c-cn23-quantity"));
            ui.add(egui::DragValue::new(&mut draft.quantity).range(0..=99));
            ui.label(cat.tr("c2c-cn23-currency"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.currency)
                    .desired_width(90.0)
                    .hint_text(cat.tr("c2c-cn23-iso")),
            );
            ui.end_row();
            ui.label(cat.tr("c2c-cn23-value"));
            ui.add(egui::TextEdit::singleline(&mut draft.value).desired_width(90.0));
            ui.label(cat.tr("c2c-cn23-hs"));
            ui.add(egui::TextEdit::singleline(&mut draft.hs_code).desired_width(90.0));
            ui.end_row();
            ui.label(cat.tr("c2c-cn23-net"));
            ui.add(
                egui::DragValue::new(&mut draft.net_weight_g)
                    .range(0..=100_000)
                    .suffix(" g"),
            );
            ui.label(cat.tr("c2c-cn23-gross"));
            ui.add(
                egui::DragValue::new(&mut draft.gross_weight_g)
                    .range(0..=100_000)
                    .suffix(" g"),
            );
            ui.end_row();
            ui.label(cat.tr("c2c-cn23-origin"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.origin)
                    .desired_width(50.0)
                    .hint_text(cat.tr("c2c-cn23-iso")),
            );
            ui.end_row();
        });
    if ui.button(RichText::new(cat.tr("c2c-cn23-post")).strong()).clicked() {
        let exponent = crate::sim::check::iso_exponent(&draft.currency.trim().to_uppercase()).unwrap_or(2);
        let value = super::c2c::parse_amount(&draft.value, exponent);
        if let Some(value) = value {
            draft.error = None;
            action = Some(Action::Marketplace(Box::new(Command::PostParcel {
                order: order.id,
                form: Box::new(Cn23Form {
                    category: draft.category,
                    description: draft.description.clone(),
                    quantity: draft.quantity,
                    net_weight_g: draft.net_weight_g,
                    value,
                    currency: draft.currency.trim().to_uppercase(),
                    hs_code: draft.hs_code.clone(),
                    origin: draft.origin.trim().to_uppercase(),
                    gross_weight_g: draft.gross_weight_g,
                }),
            })));
        } else {
            draft.error = Some(cat.tr("c2c-bad-amount"));
        }
    }
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    action
}

/// How a posted parcel's CN23 was judged.
fn cn23_verdicts(ui: &mut egui::Ui, cat: &Catalogue, order: &Order) {
    let Some(check) = &order.cn23 else { return };
    let language = cat.language();
    let (key, color) = if check.wrong() == 0 {
        ("c2c-cn23-cleared", GOOD)
    } else {
        ("c2c-cn23-held", BAD)
    };
    egui::CollapsingHeader::new(
        RichText::new(cat.tr_args(
            key,
            &[
                ("sku", Arg::from(order.sku.as_str())),
                ("right", Arg::from(check.right())),
                ("total", Arg::from(check.verdicts.len())),
                ("days", Arg::from(crate::sim::c2c::shop::CUSTOMS_HOLD_DAYS)),
            ],
        ))
        .color(color),
    )
    .id_salt(("c2c_cn23_verdicts", order.id.0))
    .default_open(check.wrong() > 0)
    .show(ui, |ui| {
        for v in &check.verdicts {
            let mark = if v.right { "✔" } else { "✖" };
            ui.label(
                RichText::new(format!(
                    "{mark} {}: {}",
                    field_label(cat, v.field),
                    pick(&v.why, language)
                ))
                .small()
                .color(if v.right { MUTED } else { BAD }),
            );
        }
        if check.false_declaration {
            ui.label(RichText::new(cat.tr("c2c-cn23-false")).color(BAD));
        }
    });
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
        OrderStatus::Cancelled => (cat.tr("c2c-order-cancelled"), BAD),
        OrderStatus::Lost => (cat.tr("c2c-order-lost"), BAD),
    }
}

pub fn draw(ui: &mut egui::Ui, view: &DisputesView, draft: &mut DisputesDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let shop = session.shop_desk().shop()?;
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
                    &[
                        ("ship", Arg::from(o.posted_day.unwrap_or(o.ship_day))),
                        ("deliver", Arg::from(o.deliver_day)),
                    ],
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

    // Parcels to post, each with its CN23; then how posted ones were judged.
    let to_post: Vec<_> = shop
        .orders
        .iter()
        .filter(|o| o.status == OrderStatus::AwaitingPost)
        .collect();
    if !to_post.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new(cat.tr("c2c-to-post")).strong());
        hint(ui, cat.tr("c2c-cn23-intro"));
    }
    for o in to_post {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let late = session.day() > o.ship_day;
            ui.label(
                RichText::new(cat.tr_args(
                    "c2c-post-by",
                    &[
                        ("sku", Arg::from(o.sku.as_str())),
                        ("buyer", Arg::from(o.buyer.as_str())),
                        ("day", Arg::from(o.ship_day)),
                        ("postage", Arg::from(o.postage.format())),
                    ],
                ))
                .strong()
                .color(if late { BAD } else { ACCENT }),
            );
            let form = draft.cn23.entry(o.id).or_default();
            if let Some(a) = cn23_form(ui, cat, o, form) {
                action = Some(a);
            }
        });
    }
    for o in shop.orders.iter().filter(|o| o.cn23.is_some()) {
        cn23_verdicts(ui, cat, o);
    }

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
