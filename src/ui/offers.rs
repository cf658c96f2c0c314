//! Make-an-offer haggling: each buyer's offer against the listing price and the break-even,
//! the moves so far, and accept / counter / decline; then the offers that ended.

use std::collections::BTreeMap;

use egui::RichText;

use super::c2c::{hint, market_money, parse_amount};
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Session;
use crate::sim::c2c::{HaggleMove, HaggleState, OfferId, OfferReply};
use crate::sim::session::Command;

/// Counter-offer amounts being typed, by offer (UI state).
#[derive(Debug, Clone, Default)]
pub struct OffersDraft {
    pub counters: BTreeMap<OfferId, String>,
    pub error: Option<String>,
}

pub struct OffersView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
}

/// A move in words.
fn describe_move(cat: &Catalogue, money: &dyn Fn(i64) -> String, step: HaggleMove) -> String {
    match step {
        HaggleMove::BuyerOffers(p) => cat.tr_args("c2c-move-buyer-offers", &[("price", Arg::from(money(p)))]),
        HaggleMove::SellerCounters(p) => cat.tr_args("c2c-move-you-counter", &[("price", Arg::from(money(p)))]),
        HaggleMove::SellerAccepts(p) => cat.tr_args("c2c-move-you-accept", &[("price", Arg::from(money(p)))]),
        HaggleMove::BuyerAccepts(p) => cat.tr_args("c2c-move-buyer-accepts", &[("price", Arg::from(money(p)))]),
        HaggleMove::SellerDeclines => cat.tr("c2c-move-you-decline"),
        HaggleMove::BuyerLeaves => cat.tr("c2c-move-buyer-leaves"),
        HaggleMove::Expired => cat.tr("c2c-move-expired"),
        HaggleMove::SoldElsewhere => cat.tr("c2c-move-sold-elsewhere"),
    }
}

pub fn draw(ui: &mut egui::Ui, view: &OffersView, draft: &mut OffersDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let shop = session.shop_desk().shop()?;
    let language = cat.language();
    let mut action = None;
    ui.heading(cat.tr("c2c-offers-title"));
    hint(ui, cat.tr("c2c-offers-intro"));
    let open: Vec<_> = shop.open_offers().collect();
    if open.is_empty() {
        ui.label(RichText::new(cat.tr("c2c-no-open-offers")).color(MUTED));
    }
    for offer in open {
        let Some(listing) = shop.listing(offer.listing) else {
            continue;
        };
        let market = listing.terms.market.clone();
        let money = |minor: i64| market_money(session, &market, minor).format();
        let exp = session.scenario().exponent(market_money(session, &market, 0).currency);
        let amount = offer.haggle.offer().unwrap_or(0);
        let list = offer.haggle.list_price();
        let name = session
            .scenario()
            .product(&listing.terms.sku)
            .map_or(listing.terms.sku.clone(), |p| pick(&p.name, language).to_string());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&offer.buyer).strong());
                ui.label(cat.tr_args("c2c-offer-on", &[("item", Arg::from(name.clone()))]));
            });
            let share = amount * 100 / list.max(1);
            let color = if share >= 85 {
                GOOD
            } else if share >= 65 {
                WARN
            } else {
                BAD
            };
            ui.label(
                RichText::new(cat.tr_args(
                    "c2c-offer-amount",
                    &[
                        ("offer", Arg::from(money(amount))),
                        ("list", Arg::from(money(list))),
                        ("share", Arg::from(share)),
                    ],
                ))
                .color(color)
                .strong(),
            );
            if session.mode().hints()
                && let Some(floor) = session.shop_desk().break_even(
                    &market,
                    &listing.terms.sku,
                    &listing.terms.postage,
                    listing.terms.duty_paid,
                )
            {
                let below = amount < floor;
                ui.label(
                    RichText::new(cat.tr_args(
                        if below {
                            "c2c-offer-below-floor"
                        } else {
                            "c2c-offer-above-floor"
                        },
                        &[("floor", Arg::from(money(floor)))],
                    ))
                    .small()
                    .color(if below { BAD } else { MUTED }),
                );
            }
            for step in offer.haggle.moves() {
                ui.label(
                    RichText::new(format!("•  {}", describe_move(cat, &money, *step)))
                        .small()
                        .color(MUTED),
                );
            }
            ui.label(
                RichText::new(cat.tr_args("c2c-offer-lapses", &[("day", Arg::from(offer.day + 1))]))
                    .small()
                    .color(WARN),
            );
            ui.horizontal(|ui| {
                if ui.button(cat.tr("c2c-accept")).clicked() {
                    action = Some(Action::Marketplace(Box::new(Command::ReplyToOffer {
                        offer: offer.id,
                        reply: OfferReply::Accept,
                    })));
                }
                let text = draft.counters.entry(offer.id).or_default();
                ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(110.0)
                        .hint_text(money(list)),
                );
                if ui.button(cat.tr("c2c-counter")).clicked() {
                    match parse_amount(text, exp) {
                        Some(price) if price > amount && price <= list => {
                            draft.error = None;
                            action = Some(Action::Marketplace(Box::new(Command::ReplyToOffer {
                                offer: offer.id,
                                reply: OfferReply::Counter(price),
                            })));
                        }
                        _ => {
                            draft.error = Some(cat.tr_args(
                                "c2c-counter-range",
                                &[("offer", Arg::from(money(amount))), ("list", Arg::from(money(list)))],
                            ));
                        }
                    }
                }
                if ui.button(cat.tr("c2c-decline")).clicked() {
                    action = Some(Action::Marketplace(Box::new(Command::ReplyToOffer {
                        offer: offer.id,
                        reply: OfferReply::Decline,
                    })));
                }
            });
        });
    }
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    let closed: Vec<_> = shop.offers.iter().filter(|o| o.haggle.offer().is_none()).collect();
    if !closed.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new(cat.tr("c2c-offers-ended")).strong());
        egui::Grid::new("c2c_closed_offers")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                super::header_row(
                    ui,
                    cat,
                    &[
                        "c2c-col-buyer",
                        "c2c-col-item",
                        "c2c-col-first-offer",
                        "c2c-col-outcome",
                    ],
                );
                for o in closed.iter().rev() {
                    let Some(listing) = shop.listing(o.listing) else {
                        continue;
                    };
                    let market = listing.terms.market.clone();
                    let money = |minor: i64| market_money(session, &market, minor).format();
                    ui.label(&o.buyer);
                    ui.label(&listing.terms.sku);
                    let first = o.haggle.moves().iter().find_map(|m| match m {
                        HaggleMove::BuyerOffers(p) => Some(*p),
                        _ => None,
                    });
                    ui.label(RichText::new(first.map_or("—".to_string(), money)).monospace());
                    let (text, color) = match (o.haggle.state(), o.automatic) {
                        (HaggleState::Agreed { price }, _) => (
                            cat.tr_args("c2c-outcome-agreed", &[("price", Arg::from(money(price)))]),
                            GOOD,
                        ),
                        (HaggleState::AwaitingBuyer { counter }, _) => (
                            cat.tr_args("c2c-outcome-counter-waits", &[("price", Arg::from(money(counter)))]),
                            ACCENT,
                        ),
                        (_, true) => (cat.tr("c2c-outcome-auto-declined"), MUTED),
                        _ => (
                            o.haggle
                                .moves()
                                .last()
                                .map_or_else(String::new, |m| describe_move(cat, &money, *m)),
                            ACCENT,
                        ),
                    };
                    ui.label(RichText::new(text).color(color));
                    ui.end_row();
                }
            });
    }
    action
}
