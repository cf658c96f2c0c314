//! A class's shared marketplace on screen: the leaderboard (profit, orders, ACoS, rating, best
//! profit first) for the dashboard and every store's banner, and a store's decisions beside the
//! class's (the middle and the range of every store's price, bid and stock) for its debrief.

use egui::RichText;

use super::theme::{ACCENT, MUTED};
use crate::class::leaderboard::{DecisionRow, LeaderboardRow, MarketStanding};
use crate::i18n::{Arg, Catalogue};

/// This store's line on the leaderboard, if it is on it.
pub fn own_row(standing: &MarketStanding, table: Option<usize>) -> Option<&LeaderboardRow> {
    standing.leaderboard.iter().find(|r| Some(r.table) == table)
}

/// The leaderboard as a table, `yours` (a table) marked.
pub fn leaderboard(ui: &mut egui::Ui, cat: &Catalogue, rows: &[LeaderboardRow], yours: Option<usize>) {
    if rows.is_empty() {
        ui.label(RichText::new(cat.tr("lb-empty")).color(MUTED));
        return;
    }
    egui::Grid::new("class-leaderboard")
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for key in [
                "lb-col-rank",
                "lb-col-store",
                "lb-col-team",
                "lb-col-profit",
                "lb-col-orders",
                "lb-col-acos",
                "lb-col-rating",
            ] {
                ui.label(RichText::new(cat.tr(key)).strong());
            }
            ui.end_row();
            for row in rows {
                let mine = Some(row.table) == yours;
                let text = |s: String| {
                    let t = RichText::new(s);
                    if mine { t.strong().color(ACCENT) } else { t }
                };
                ui.label(text(row.rank.to_string()));
                let store = cat.tr_args("lb-table", &[("table", Arg::from(row.table + 1))]);
                ui.label(text(if mine {
                    format!("{store} {}", cat.tr("lb-you"))
                } else {
                    store
                }));
                ui.label(text(row.team.join(", ")));
                ui.label(text(row.profit.clone()));
                ui.label(text(row.orders.to_string()));
                ui.label(text(row.acos.clone().unwrap_or_else(|| cat.tr("lb-none"))));
                ui.label(text(match &row.rating {
                    Some(stars) => format!("{stars} ★ ({})", row.reviews),
                    None => cat.tr("lb-none"),
                }));
                ui.end_row();
            }
        });
}

/// A store's decisions beside the class's, product by product (`with_yours`: the store's
/// own column; the instructor's dashboard shows the class's alone).
pub fn decisions(ui: &mut egui::Ui, cat: &Catalogue, rows: &[DecisionRow], with_yours: bool) {
    egui::Grid::new("class-decisions")
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for key in [
                "dec-col-sku",
                "dec-col-what",
                "dec-col-yours",
                "dec-col-median",
                "dec-col-range",
            ] {
                if key != "dec-col-yours" || with_yours {
                    ui.label(RichText::new(cat.tr(key)).strong());
                }
            }
            ui.end_row();
            for row in rows {
                let yours = row.yours.as_ref();
                let lines = [
                    ("dec-price", yours.map(|y| y.0.clone()), &row.price),
                    ("dec-bid", yours.map(|y| y.1.clone()), &row.bid),
                    ("dec-stock", yours.map(|y| y.2.clone()), &row.stock),
                ];
                for (i, (key, mine, spread)) in lines.into_iter().enumerate() {
                    match i {
                        0 => {
                            ui.label(RichText::new(&row.sku).strong())
                                .on_hover_text(cat.tr_args("dec-stores", &[("count", Arg::from(row.stores))]));
                        }
                        1 => {
                            ui.label(
                                RichText::new(super::pick(&row.market, cat.language()))
                                    .small()
                                    .color(MUTED),
                            );
                        }
                        _ => {
                            ui.label("");
                        }
                    }
                    ui.label(cat.tr(key));
                    if with_yours {
                        ui.label(RichText::new(mine.unwrap_or_else(|| cat.tr("dec-not-listed"))).strong());
                    }
                    ui.label(&spread.median);
                    ui.label(format!("{} – {}", spread.low, spread.high));
                    ui.end_row();
                }
            }
        });
}

/// The class's market in a store's banner: its rank and profit, with the leaderboard and its
/// decisions beside the class's folded below.
pub fn banner_section(ui: &mut egui::Ui, cat: &Catalogue, standing: &MarketStanding, table: Option<usize>) {
    let title = match own_row(standing, table) {
        Some(row) => cat.tr_args(
            "class-market-rank",
            &[
                ("platform", Arg::from(standing.platform.as_str())),
                ("rank", Arg::from(row.rank)),
                ("stores", Arg::from(standing.leaderboard.len())),
                ("profit", Arg::from(row.profit.as_str())),
            ],
        ),
        None => cat.tr_args(
            "class-market-title",
            &[("platform", Arg::from(standing.platform.as_str()))],
        ),
    };
    egui::CollapsingHeader::new(RichText::new(title).strong().color(ACCENT))
        .id_salt("class-market")
        .show(ui, |ui| {
            if let Some(shoppers) = standing.shoppers_last_day {
                ui.label(
                    RichText::new(cat.tr_args(
                        "class-market-shoppers",
                        &[
                            ("stores", Arg::from(standing.leaderboard.len())),
                            ("shoppers", Arg::from(shoppers)),
                        ],
                    ))
                    .small()
                    .color(MUTED),
                );
            }
            leaderboard(ui, cat, &standing.leaderboard, table);
            if !standing.decisions.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(cat.tr("dec-title")).strong());
                decisions(ui, cat, &standing.decisions, true);
            }
        });
}
