//! The store dashboard: how the student's listings did, day by day — sales and ad spend over
//! time, the day's funnel (impressions → clicks → orders) and the advertising metrics (CTR, CVR,
//! CPC, ACoS, ROAS, TACoS), with the competitors' current prices beside them.

use egui::{Color32, RichText, Stroke, pos2, vec2};

use super::pick;
use super::theme::{ACCENT, GOOD, MUTED, WARN};
use crate::i18n::Catalogue;
use crate::sim::market::metrics;
use crate::sim::market::{ListingDay, Store};
use crate::sim::money::{BasisPoints, format_minor};
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
        }
    }
    total
}

fn pct(value: Option<BasisPoints>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
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
        run.clicks += d.clicks + d.ad_clicks;
        run.orders += d.orders + d.ad_orders;
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
                ("store-ctr", pct(metrics::ctr(run.clicks, run.impressions))),
                ("store-cvr", pct(metrics::cvr(run.orders, run.clicks))),
                (
                    "store-cpc",
                    metrics::cpc(run.ad_spend, run.ad_clicks).map_or_else(|| "—".to_string(), money),
                ),
                ("store-acos", pct(metrics::acos(run.ad_spend, run.ad_sales))),
                (
                    "store-roas",
                    metrics::roas_hundredths(run.ad_sales, run.ad_spend)
                        .map_or_else(|| "—".to_string(), |r| format_minor(r, 2)),
                ),
                ("store-tacos", pct(metrics::tacos(run.ad_spend, run.sales))),
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
    chart(ui, cat, &days);
    ui.add_space(6.0);
    {
        ui.label(RichText::new(cat.tr("store-by-day")).strong());
        egui::Grid::new("store_days_grid")
            .striped(true)
            .num_columns(8)
            .show(ui, |ui| {
                super::header_row(
                    ui,
                    cat,
                    &[
                        "store-day",
                        "store-impressions",
                        "store-clicks",
                        "store-orders",
                        "store-sales",
                        "store-ad-spend",
                        "store-acos",
                        "store-profit",
                    ],
                );
                for (day, d) in days.iter().rev().take(14) {
                    ui.label(day.to_string());
                    ui.label((d.impressions + d.ad_impressions).to_string());
                    ui.label((d.clicks + d.ad_clicks).to_string());
                    ui.label((d.orders + d.ad_orders).to_string());
                    ui.label(money(d.sales));
                    ui.label(money(d.ad_spend));
                    ui.label(pct(metrics::acos(d.ad_spend, d.ad_sales)));
                    let profit = store.money.iter().find(|m| m.day == *day).map(|m| m.profit());
                    ui.label(profit.map_or_else(|| "—".to_string(), money));
                    ui.end_row();
                }
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

/// Daily sales (bars) and ad spend (line) of the student's listings.
fn chart(ui: &mut egui::Ui, cat: &Catalogue, days: &[(u32, ListingDay)]) {
    let size = vec2(ui.available_width().min(900.0), 180.0);
    let (response, painter) = ui.allocate_painter(size, egui::Sense::hover());
    let rect = response.rect;
    let plot = egui::Rect::from_min_max(rect.min + vec2(40.0, 16.0), rect.max - vec2(8.0, 18.0));
    painter.rect_filled(plot, 2.0, Color32::WHITE);
    painter.rect_stroke(plot, 2.0, Stroke::new(1.0, MUTED), egui::StrokeKind::Inside);
    let font = egui::FontId::proportional(11.0);
    painter.text(
        rect.min + vec2(40.0, 0.0),
        egui::Align2::LEFT_TOP,
        cat.tr("store-chart"),
        font.clone(),
        MUTED,
    );
    if days.is_empty() {
        painter.text(
            plot.center(),
            egui::Align2::CENTER_CENTER,
            cat.tr("store-no-days"),
            font,
            MUTED,
        );
        return;
    }
    let max = days
        .iter()
        .map(|(_, d)| d.sales.max(d.ad_spend))
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let n = days.len() as f32;
    let width = plot.width() / n;
    let mut line = Vec::new();
    for (i, (day, d)) in days.iter().enumerate() {
        let x = plot.left() + width * i as f32;
        let h = plot.height() * d.sales as f32 / max;
        painter.rect_filled(
            egui::Rect::from_min_max(pos2(x + 1.0, plot.bottom() - h), pos2(x + width - 1.0, plot.bottom())),
            1.0,
            GOOD.gamma_multiply(0.7),
        );
        line.push(pos2(
            x + width / 2.0,
            plot.bottom() - plot.height() * d.ad_spend as f32 / max,
        ));
        if i % 5 == 0 {
            painter.text(
                pos2(x + width / 2.0, plot.bottom() + 2.0),
                egui::Align2::CENTER_TOP,
                day.to_string(),
                font.clone(),
                MUTED,
            );
        }
    }
    painter.add(egui::Shape::line(line, Stroke::new(2.0, WARN)));
    painter.text(
        pos2(plot.right() - 4.0, plot.top() + 4.0),
        egui::Align2::RIGHT_TOP,
        cat.tr("store-chart-legend"),
        font,
        MUTED,
    );
}
