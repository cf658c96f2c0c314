//! Promotion: sponsored-search bids and daily budgets, deal discounts, and the advertising
//! numbers day by day (impressions, clicks, CTR, CPC, orders, ad sales, ACoS, ROAS, TACoS),
//! with ACoS judged against the listing's margin.

use egui::RichText;

use super::theme::{BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::market::metrics;
use crate::sim::money::{BasisPoints, format_minor, parse_decimal};
use crate::sim::session::Session;

/// Ad settings being edited (UI state).
#[derive(Debug, Clone, Default)]
pub struct PromotionDraft {
    /// The SKU the fields were loaded for.
    pub sku: Option<String>,
    pub bid: String,
    pub budget: String,
    pub discount: String,
    pub error: Option<String>,
    /// A time-limited deal being set up.
    pub deal_discount: String,
    pub deal_days: String,
}

pub struct PromotionView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub market: &'a str,
}

pub fn draw(ui: &mut egui::Ui, view: &PromotionView, draft: &mut PromotionDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    let (market, store) = super::market_and_store(session, view.market)?;
    let exp = scenario.exponent(market.currency);
    let money = |minor: i64| format!("{} {}", format_minor(minor, exp), market.currency);
    ui.heading(format!(
        "{} — {}",
        store.storefront.platform,
        pick(&market.name, cat.language())
    ));
    let Some(mine) = store.student.first() else {
        ui.label(RichText::new(cat.tr("store-no-listing")).color(MUTED));
        return None;
    };
    let listing = store.listings.get(mine.id.0 as usize)?;
    if draft.sku.as_deref() != Some(mine.sku.as_str()) {
        *draft = PromotionDraft {
            sku: Some(mine.sku.clone()),
            bid: format_minor(listing.bid, exp),
            budget: format_minor(listing.daily_budget, exp),
            discount: listing.discount.to_string(),
            error: None,
            deal_discount: "20%".to_string(),
            deal_days: "3".to_string(),
        };
    }
    let mut action = None;

    // The margin an ad may eat: price − checkout taxes − referral fee − cost of the goods.
    let order = session.order_margin(&market.id, &mine.sku)?;
    let (price, taxes, fee, cost, margin) = (order.price, order.taxes, order.fee, order.cost, order.margin);
    let margin_bp = order.share();

    ui.label(
        RichText::new(cat.tr_args(
            "promo-listing",
            &[
                ("sku", Arg::from(mine.sku.as_str())),
                ("price", Arg::from(money(price))),
                ("margin", Arg::from(money(margin))),
                (
                    "share",
                    Arg::from(margin_bp.map_or_else(|| "—".to_string(), |m| m.to_string())),
                ),
            ],
        ))
        .strong(),
    );
    ui.label(
        RichText::new(cat.tr_args(
            "promo-margin-how",
            &[
                ("taxes", Arg::from(money(taxes))),
                ("fee", Arg::from(money(fee))),
                ("cost", Arg::from(money(cost))),
            ],
        ))
        .small()
        .color(MUTED),
    );
    ui.add_space(6.0);
    egui::Grid::new("promo_settings_grid")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (key, value) in [
                ("listing-bid", &mut draft.bid),
                ("listing-budget", &mut draft.budget),
                ("listing-discount", &mut draft.discount),
            ] {
                ui.label(cat.tr(key));
                ui.add(egui::TextEdit::singleline(value).desired_width(120.0));
                ui.end_row();
            }
        });
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    if ui.button(RichText::new(cat.tr("promo-apply")).strong()).clicked() {
        let amount = |t: &str| {
            if t.trim().is_empty() {
                Ok(0)
            } else {
                parse_decimal(t, exp)
            }
        };
        let discount = if draft.discount.trim().is_empty() {
            Ok(BasisPoints(0))
        } else {
            BasisPoints::parse_percent(&draft.discount)
        };
        match (amount(&draft.bid), amount(&draft.budget), discount) {
            (Ok(bid), Ok(budget), Ok(discount)) => {
                draft.error = None;
                action = Some(Action::PublishListing {
                    market: market.id.clone(),
                    sku: mine.sku.clone(),
                    text: Box::new(mine.text.clone()),
                    price: listing.price,
                    add_stock: 0,
                    bid,
                    daily_budget: budget,
                    discount,
                });
            }
            _ => draft.error = Some(cat.tr("promo-bad-numbers")),
        }
    }
    ui.add_space(8.0);
    // A time-limited deal.
    let running = store.deals.iter().find(|(id, _)| *id == mine.id).map(|(_, last)| *last);
    ui.horizontal(|ui| {
        ui.label(RichText::new(cat.tr("promo-deal")).strong());
        ui.add(egui::TextEdit::singleline(&mut draft.deal_discount).desired_width(50.0));
        ui.label(cat.tr("promo-deal-for"));
        ui.add(egui::TextEdit::singleline(&mut draft.deal_days).desired_width(30.0));
        ui.label(cat.tr("promo-deal-days"));
        if ui.button(cat.tr("promo-deal-start")).clicked() {
            match (
                BasisPoints::parse_percent(&draft.deal_discount),
                draft.deal_days.trim().parse::<u32>(),
            ) {
                (Ok(discount), Ok(days)) => {
                    draft.error = None;
                    action = Some(Action::StartDeal {
                        market: market.id.clone(),
                        sku: mine.sku.clone(),
                        discount,
                        days,
                    });
                }
                _ => draft.error = Some(cat.tr("promo-bad-numbers")),
            }
        }
    });
    if let Some(last) = running {
        ui.label(
            RichText::new(cat.tr_args(
                "promo-deal-running",
                &[
                    ("discount", Arg::from(listing.discount.to_string())),
                    ("day", Arg::from(last)),
                ],
            ))
            .color(WARN),
        );
    }
    ui.add_space(8.0);

    // Ads day by day.
    let days: Vec<_> = store
        .history
        .iter()
        .filter_map(|(d, s)| s.listings.get(mine.id.0 as usize).map(|l| (*d, *l)))
        .collect();
    let spend: i64 = days.iter().map(|(_, d)| d.ad_spend).sum();
    let ad_sales: i64 = days.iter().map(|(_, d)| d.ad_sales).sum();
    if let (Some(acos), Some(m)) = (metrics::acos(spend, ad_sales), margin_bp) {
        let (color, key) = if acos.0 >= m.0 {
            (BAD, "promo-acos-loss")
        } else if acos.0 * 10 >= m.0 * 8 {
            (WARN, "promo-acos-thin")
        } else {
            (GOOD, "promo-acos-ok")
        };
        ui.label(
            RichText::new(cat.tr_args(
                key,
                &[
                    ("acos", Arg::from(acos.to_string())),
                    ("margin", Arg::from(m.to_string())),
                ],
            ))
            .color(color),
        );
    }
    egui::Grid::new("promo_days_grid")
        .striped(true)
        .num_columns(9)
        .show(ui, |ui| {
            super::header_row(
                ui,
                cat,
                &[
                    "store-day",
                    "store-impressions",
                    "store-clicks",
                    "store-ctr",
                    "store-cpc",
                    "store-orders",
                    "promo-ad-sales",
                    "store-acos",
                    "store-roas",
                ],
            );
            for (day, d) in days.iter().rev().take(14) {
                ui.label(day.to_string());
                ui.label(d.ad_impressions.to_string());
                ui.label(d.ad_clicks.to_string());
                ui.label(
                    metrics::ctr(d.ad_clicks, d.ad_impressions).map_or_else(|| "—".to_string(), |v| v.to_string()),
                );
                ui.label(metrics::cpc(d.ad_spend, d.ad_clicks).map_or_else(|| "—".to_string(), money));
                ui.label(d.ad_orders.to_string());
                ui.label(money(d.ad_sales));
                ui.label(metrics::acos(d.ad_spend, d.ad_sales).map_or_else(|| "—".to_string(), |v| v.to_string()));
                ui.label(
                    metrics::roas_hundredths(d.ad_sales, d.ad_spend)
                        .map_or_else(|| "—".to_string(), |r| format_minor(r, 2)),
                );
                ui.end_row();
            }
        });
    action
}
