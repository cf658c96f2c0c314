//! The store dashboard: how the student's listings did, day by day — sales and ad spend over
//! time, the day's funnel (impressions → clicks → orders) and the advertising metrics (CTR, CVR,
//! CPC, ACoS, ROAS, TACoS), with the competitors' current prices beside them.

use egui::{Color32, RichText};

use super::charts::{Mark, Series, day_chart, major};
use super::pick;
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use crate::i18n::Catalogue;
use crate::sim::market::metrics;
use crate::sim::market::{ListingDay, Store};
use crate::sim::money::format_minor;
use crate::sim::session::Session;

pub struct StoreView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub market: &'a str,
}

/// The student's totals for one day.
fn student_day(store: &Store, stats: &crate::sim::market::DayStats) -> ListingDay {
    let mut total = ListingDay::default();
    for l in &store.student {
        if let Some(s) = stats.listings.get(l.id.0 as usize) {
            total.impressions += s.impressions;
            total.clicks += s.clicks;
            total.orders += s.orders;
            total.ad_impressions += s.ad_impressions;
            total.ad_clicks += s.ad_clicks;
            total.ad_orders += s.ad_orders;
            total.ad_spend += s.ad_spend;
            total.sales += s.sales;
            total.ad_sales += s.ad_sales;
            total.social_clicks += s.social_clicks;
            total.social_orders += s.social_orders;
            total.social_sales += s.social_sales;
        }
    }
    total
}

pub fn draw(ui: &mut egui::Ui, view: &StoreView) {
    let cat = view.cat;
    let Some((market, store)) = super::market_and_store(view.session, view.market) else {
        return;
    };
    let scenario = view.session.scenario();
    let exp = scenario.exponent(market.currency);
    let money = |minor: i64| format!("{} {}", format_minor(minor, exp), market.currency);
    ui.heading(format!(
        "{} — {}",
        store.storefront.platform,
        pick(&market.name, cat.language())
    ));
    if store.student.is_empty() {
        ui.label(RichText::new(cat.tr("store-no-listing")).color(MUTED));
    }
    let days: Vec<(u32, ListingDay)> = store.history.iter().map(|(d, s)| (*d, student_day(store, s))).collect();
    let mut run = ListingDay::default();
    for (_, d) in &days {
        run.impressions += d.impressions + d.ad_impressions;
        run.clicks += d.all_clicks();
        run.orders += d.all_orders();
        run.ad_clicks += d.ad_clicks;
        run.ad_spend += d.ad_spend;
        run.sales += d.sales;
        run.ad_sales += d.ad_sales;
    }
    // Headline numbers for the whole run.
    // Five cards to a row, so longer labels (Chinese) never push a card off the page.
    egui::Grid::new("store_headline_grid")
        .num_columns(5)
        .spacing([6.0, 6.0])
        .show(ui, |ui| {
            for (key_index, (key, value)) in [
                ("store-orders", run.orders.to_string()),
                ("store-sales", money(run.sales)),
                ("store-ad-spend", money(run.ad_spend)),
                (
                    "store-ctr",
                    super::percent_or_dash(metrics::ctr(run.clicks, run.impressions)),
                ),
                (
                    "store-cvr",
                    super::percent_or_dash(metrics::cvr(run.orders, run.clicks)),
                ),
                (
                    "store-cpc",
                    metrics::cpc(run.ad_spend, run.ad_clicks).map_or_else(|| "—".to_string(), money),
                ),
                (
                    "store-acos",
                    super::percent_or_dash(metrics::acos(run.ad_spend, run.ad_sales)),
                ),
                (
                    "store-roas",
                    metrics::roas_hundredths(run.ad_sales, run.ad_spend)
                        .map_or_else(|| "—".to_string(), |r| format_minor(r, 2)),
                ),
                (
                    "store-tacos",
                    super::percent_or_dash(metrics::tacos(run.ad_spend, run.sales)),
                ),
                ("store-profit", money(store.money.iter().map(|m| m.profit()).sum())),
            ]
            .into_iter()
            .enumerate()
            {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_min_width(120.0);
                    ui.vertical(|ui| {
                        ui.label(RichText::new(cat.tr(key)).small().color(MUTED));
                        ui.label(RichText::new(value).strong().monospace());
                    });
                });
                if key_index % 5 == 4 {
                    ui.end_row();
                }
            }
        });
    ui.add_space(6.0);
    money_breakdown(ui, cat, store, &money);
    ui.add_space(6.0);
    chart(ui, cat, store, &days, exp);
    ui.add_space(6.0);
    {
        ui.label(RichText::new(cat.tr("store-by-day")).strong());
        // Wide tables scroll sideways rather than push the last columns off the page.
        egui::ScrollArea::horizontal()
            .id_salt("store_days_grid_scroll")
            .show(ui, |ui| {
                egui::Grid::new("store_days_grid")
                    .striped(true)
                    .num_columns(13)
                    .show(ui, |ui| {
                        super::header_row(
                            ui,
                            cat,
                            &[
                                "store-day",
                                "store-impressions",
                                "store-clicks",
                                "store-ctr",
                                "store-orders",
                                "store-cvr",
                                "store-sales",
                                "store-ad-spend",
                                "store-cpc",
                                "store-acos",
                                "store-roas",
                                "store-tacos",
                                "store-profit",
                            ],
                        );
                        for (day, d) in days.iter().rev().take(14) {
                            let impressions = d.impressions + d.ad_impressions;
                            ui.label(day.to_string());
                            ui.label(impressions.to_string());
                            ui.label(d.all_clicks().to_string());
                            ui.label(super::percent_or_dash(metrics::ctr(
                                d.clicks + d.ad_clicks,
                                impressions,
                            )));
                            ui.label(d.all_orders().to_string());
                            ui.label(super::percent_or_dash(metrics::cvr(d.all_orders(), d.all_clicks())));
                            ui.label(money(d.sales));
                            ui.label(money(d.ad_spend));
                            ui.label(metrics::cpc(d.ad_spend, d.ad_clicks).map_or_else(|| "—".to_string(), money));
                            ui.label(super::percent_or_dash(metrics::acos(d.ad_spend, d.ad_sales)));
                            ui.label(
                                metrics::roas_hundredths(d.ad_sales, d.ad_spend)
                                    .map_or_else(|| "—".to_string(), |r| format_minor(r, 2)),
                            );
                            ui.label(super::percent_or_dash(metrics::tacos(d.ad_spend, d.sales)));
                            let profit = store.money.iter().find(|m| m.day == *day).map(|m| m.profit());
                            ui.label(profit.map_or_else(|| "—".to_string(), money));
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(8.0);
        ui.label(RichText::new(cat.tr("store-listings-now")).strong());
        egui::Grid::new("store_listings_grid")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                super::header_row(
                    ui,
                    cat,
                    &[
                        "store-seller",
                        "store-price",
                        "store-rating",
                        "store-stock",
                        "store-quality",
                    ],
                );
                for (i, l) in store.listings.iter().enumerate() {
                    let mine = store.student.iter().any(|s| s.id.0 as usize == i);
                    let name = if mine {
                        cat.tr("store-you")
                    } else {
                        store
                            .storefront
                            .competitors
                            .get(i)
                            .map_or_else(String::new, |c| c.name.clone())
                    };
                    let color = if mine { ACCENT } else { Color32::GRAY };
                    ui.label(RichText::new(name).color(color));
                    ui.label(money(l.effective_price()));
                    ui.label(if l.reviews == 0 {
                        "—".to_string()
                    } else {
                        super::stars(l.rating_tenths, l.reviews)
                    });
                    ui.label(RichText::new(l.stock.to_string()).color(if l.stock == 0 { WARN } else { Color32::GRAY }));
                    ui.label(l.quality.to_string());
                    ui.end_row();
                }
            });
    }
}

/// Where the money of the whole run went, from sales down to profit.
fn money_breakdown(ui: &mut egui::Ui, cat: &Catalogue, store: &Store, money: &dyn Fn(i64) -> String) {
    let mut total = crate::sim::market::StoreMoney::default();
    for m in &store.money {
        total.sales += m.sales;
        total.refunds += m.refunds;
        total.taxes += m.taxes;
        total.referral_fees += m.referral_fees;
        total.ad_spend += m.ad_spend;
        total.coupon_fees += m.coupon_fees;
        total.social_fees += m.social_fees;
        total.shipping += m.shipping;
        total.goods_cost += m.goods_cost;
        total.payout_fee += m.payout_fee;
    }
    ui.label(RichText::new(cat.tr("store-where")).strong());
    ui.horizontal_wrapped(|ui| {
        let mut part = |key: &str, minor: i64, sign: &str| {
            ui.label(
                RichText::new(format!("{sign}{} {}", cat.tr(key), money(minor)))
                    .monospace()
                    .small(),
            );
        };
        part("store-sales", total.sales, "");
        part("store-refunds", total.refunds, "− ");
        part("store-taxes", total.taxes, "− ");
        part("store-referral", total.referral_fees, "− ");
        part("store-ad-spend", total.ad_spend, "− ");
        part("store-promotion-costs", total.coupon_fees + total.social_fees, "− ");
        part("store-shipping", total.shipping, "− ");
        part("store-goods", total.goods_cost, "− ");
        part("store-payout-fee", total.payout_fee, "− ");
        part("store-profit", total.profit(), "= ");
    });
}

/// Daily sales and profit (bars), ad spend and promotion costs (lines) of the student's
/// listings, in the market currency.
fn chart(ui: &mut egui::Ui, cat: &Catalogue, store: &Store, days: &[(u32, ListingDay)], exp: u32) {
    ui.label(RichText::new(cat.tr("store-chart")).strong());
    if days.is_empty() {
        ui.label(RichText::new(cat.tr("store-no-days")).color(MUTED));
        return;
    }
    let series = [
        Series::new(
            cat.tr("store-sales"),
            GOOD,
            Mark::Bars,
            days.iter().map(|(d, x)| (*d, major(x.sales, exp))).collect(),
        ),
        Series::new(
            cat.tr("store-profit"),
            ACCENT,
            Mark::Bars,
            store.money.iter().map(|m| (m.day, major(m.profit(), exp))).collect(),
        ),
        Series::new(
            cat.tr("store-ad-spend"),
            WARN,
            Mark::Line,
            days.iter().map(|(d, x)| (*d, major(x.ad_spend, exp))).collect(),
        ),
        Series::new(
            cat.tr("store-promotion-costs"),
            BAD,
            Mark::Line,
            store
                .money
                .iter()
                .map(|m| (m.day, major(m.coupon_fees + m.social_fees, exp)))
                .collect(),
        ),
    ];
    day_chart(
        ui,
        "store_money_chart",
        &cat.tr("store-day"),
        &cat.tr("store-money-axis"),
        &series,
        200.0,
    );
}
