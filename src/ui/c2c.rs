//! The C2C page: tabs for selling (listings and auctions), offers, orders and disputes, and the
//! buying exercise; plus the shared labels and the debrief's lines for shop events.

use egui::RichText;

use super::Action;
use crate::i18n::{Arg, Catalogue};
use crate::sim::Session;
use crate::sim::c2c::{AuctionResult, DisputeKind, ShopEvent};
use crate::sim::money::Money;

/// The tabs of the C2C page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum C2cTab {
    #[default]
    Auction,
    Offers,
    Disputes,
    Buying,
}

/// UI state of the C2C page.
#[derive(Debug, Clone, Default)]
pub struct C2cDraft {
    pub tab: C2cTab,
    pub auction: super::auction::AuctionDraft,
    pub offers: super::offers::OffersDraft,
    pub disputes: super::disputes::DisputesDraft,
}

/// The C2C page with its tab bar.
pub fn draw(ui: &mut egui::Ui, cat: &Catalogue, session: &Session, draft: &mut C2cDraft) -> Option<Action> {
    let shop = session.shop_desk().shop()?;
    let open_offers = shop.open_offers().count();
    let open_disputes = shop.open_disputes().count();
    ui.horizontal(|ui| {
        let counted = |key: &str, n: usize| {
            if n > 0 {
                format!("{} ({n})", cat.tr(key))
            } else {
                cat.tr(key)
            }
        };
        for (tab, label) in [
            (C2cTab::Auction, cat.tr("c2c-tab-selling")),
            (C2cTab::Offers, counted("c2c-tab-offers", open_offers)),
            (C2cTab::Disputes, counted("c2c-tab-orders", open_disputes)),
            (C2cTab::Buying, cat.tr("c2c-tab-buying")),
        ] {
            if ui.selectable_label(draft.tab == tab, label).clicked() {
                draft.tab = tab;
            }
        }
    });
    ui.separator();
    match draft.tab {
        C2cTab::Auction => super::auction::draw(ui, &super::auction::AuctionView { cat, session }, &mut draft.auction),
        C2cTab::Offers => super::offers::draw(ui, &super::offers::OffersView { cat, session }, &mut draft.offers),
        C2cTab::Disputes => {
            super::disputes::draw(ui, &super::disputes::DisputesView { cat, session }, &mut draft.disputes)
        }
        C2cTab::Buying => {
            super::auction::draw_buying(ui, &super::auction::AuctionView { cat, session }, &mut draft.auction)
        }
    }
}

/// Money in a market's currency.
pub fn market_money(session: &Session, market: &str, minor: i64) -> Money {
    let currency = session
        .scenario()
        .markets()
        .iter()
        .find(|m| m.id == market)
        .map_or(session.scenario().home_currency(), |m| m.currency);
    Money::new(minor, currency, session.scenario().exponent(currency))
}

/// A dispute's kind in words.
pub fn dispute_label(cat: &Catalogue, kind: DisputeKind) -> String {
    cat.tr(match kind {
        DisputeKind::NotReceived => "c2c-dispute-not-received",
        DisputeKind::NotAsDescribed => "c2c-dispute-not-as-described",
        DisputeKind::Damaged => "c2c-dispute-damaged",
        DisputeKind::RefusedImportCharges => "c2c-dispute-refused-charges",
    })
}

/// Parses a decimal amount typed by the student into minor units; `None` if it is not one.
pub fn parse_amount(text: &str, exponent: u32) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    crate::sim::money::parse_decimal(text, exponent)
        .ok()
        .filter(|v| v.abs() <= crate::sim::c2c::shop::MAX_AMOUNT)
}

/// A moment of the scenario in words: `day 3, 20:15`.
pub fn when(cat: &Catalogue, at: crate::sim::c2c::Minute) -> String {
    let minutes = at % crate::sim::c2c::auction::DAY_MINUTES;
    cat.tr_args(
        "c2c-clock",
        &[
            ("day", Arg::from(at / crate::sim::c2c::auction::DAY_MINUTES + 1)),
            ("time", Arg::from(format!("{:02}:{:02}", minutes / 60, minutes % 60))),
        ],
    )
}

/// A small muted hint line.
pub fn hint(ui: &mut egui::Ui, text: String) {
    ui.label(RichText::new(text).small().color(super::theme::MUTED));
}

/// The debrief's line for a shop event, or `None` for events the inbox already tells.
pub fn describe(cat: &Catalogue, session: &Session, event: &ShopEvent) -> Option<String> {
    let shop = session.shop_desk().shop()?;
    Some(match event {
        ShopEvent::Listed { sku, market, .. } => cat.tr_args(
            "event-c2c-listed",
            &[("sku", Arg::from(sku.as_str())), ("market", Arg::from(market.as_str()))],
        ),
        ShopEvent::AuctionEnded { listing, sku, result } => {
            let market = shop.listing(*listing).map_or("", |l| l.terms.market.as_str());
            match result {
                AuctionResult::Sold { price, .. } => cat.tr_args(
                    "event-c2c-auction-sold",
                    &[
                        ("sku", Arg::from(sku.as_str())),
                        ("price", Arg::from(market_money(session, market, *price).format())),
                    ],
                ),
                AuctionResult::ReserveNotMet { highest } => cat.tr_args(
                    "event-c2c-auction-reserve",
                    &[
                        ("sku", Arg::from(sku.as_str())),
                        ("highest", Arg::from(market_money(session, market, *highest).format())),
                    ],
                ),
                AuctionResult::NoBids => cat.tr_args("event-c2c-auction-no-bids", &[("sku", Arg::from(sku.as_str()))]),
            }
        }
        ShopEvent::Sold { sku, price, buyer, .. } => cat.tr_args(
            "event-c2c-sold",
            &[
                ("sku", Arg::from(sku.as_str())),
                ("price", Arg::from(price.format())),
                ("buyer", Arg::from(buyer.as_str())),
            ],
        ),
        ShopEvent::Refused { charges, .. } => {
            cat.tr_args("event-c2c-refused", &[("charges", Arg::from(charges.format()))])
        }
        ShopEvent::Lost { order } => cat.tr_args(
            "event-c2c-lost",
            &[("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str())))],
        ),
        ShopEvent::Feedback { order, stars } => cat.tr_args(
            "event-c2c-feedback",
            &[
                ("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str()))),
                ("stars", Arg::from(u32::from(*stars))),
            ],
        ),
        ShopEvent::DisputeOpened { order, kind } => cat.tr_args(
            "event-c2c-dispute",
            &[
                ("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str()))),
                ("kind", Arg::from(dispute_label(cat, *kind))),
            ],
        ),
        ShopEvent::DisputeResolved { refund, by_site, .. } => cat.tr_args(
            if *by_site {
                "event-c2c-dispute-site"
            } else {
                "event-c2c-dispute-settled"
            },
            &[("refund", Arg::from(refund.format()))],
        ),
        ShopEvent::QuestionAnswered { question, score } => cat.tr_args(
            "event-c2c-answered",
            &[
                (
                    "from",
                    Arg::from(shop.question(*question).map_or("", |q| q.from.as_str())),
                ),
                ("score", Arg::from(*score)),
            ],
        ),
        ShopEvent::PurchaseEstimated { correct, .. } => cat.tr(if *correct {
            "event-c2c-purchase-right"
        } else {
            "event-c2c-purchase-wrong"
        }),
        ShopEvent::BoughtAbroad { won, price, .. } => cat.tr_args(
            if *won {
                "event-c2c-bought-abroad"
            } else {
                "event-c2c-outbid-abroad"
            },
            &[("price", Arg::from(price.format()))],
        ),
        ShopEvent::Declared { order, wrong, held } => cat.tr_args(
            if *held {
                "event-c2c-declared-held"
            } else {
                "event-c2c-declared"
            },
            &[
                ("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str()))),
                ("wrong", Arg::from(*wrong)),
            ],
        ),
        ShopEvent::Cancelled { order } => cat.tr_args(
            "event-c2c-cancelled",
            &[("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str())))],
        ),
        ShopEvent::Expired { sku, .. } => cat.tr_args("event-c2c-expired", &[("sku", Arg::from(sku.as_str()))]),
        ShopEvent::ReturnedToSeller { order } => cat.tr_args(
            "event-c2c-returned",
            &[("sku", Arg::from(shop.order(*order).map_or("", |o| o.sku.as_str())))],
        ),
        ShopEvent::OfferReceived { .. }
        | ShopEvent::OfferAutoAnswered { .. }
        | ShopEvent::Haggled { .. }
        | ShopEvent::Shipped { .. }
        | ShopEvent::Delivered { .. }
        | ShopEvent::QuestionAsked { .. }
        // The buyer's inbox tells these; the seller has nothing to do.
        | ShopEvent::ClassmateMoveRefused { .. }
        | ShopEvent::ClassmatePurchase { .. } => return None,
    })
}
