//! Market research: for each marketplace, what shoppers search (volumes and shares), the
//! category's price range and the competitors (price, rating, reviews, stock, organic rank
//! today), the seasons ahead, and what a parcel pays at checkout under the market's rules.

use egui::RichText;

use super::pick;
use super::theme::{ACCENT, MUTED, WARN};
use crate::i18n::{Arg, Catalogue};
use crate::sim::market::checkout::tax_per_parcel;
use crate::sim::market::ranking::{build_pages, organic_rank};
use crate::sim::money::format_minor;
use crate::sim::session::Session;

pub struct ResearchView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub market: &'a str,
}

pub fn draw(ui: &mut egui::Ui, view: &ResearchView) {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    let Some((market, store)) = super::market_and_store(session, view.market) else {
        return;
    };
    let exp = scenario.exponent(market.currency);
    let money = |minor: i64| format!("{} {}", format_minor(minor, exp), market.currency);
    ui.heading(format!(
        "{} — {}",
        store.storefront.platform,
        pick(&market.name, cat.language())
    ));
    ui.label(
        RichText::new(cat.tr_args(
            "research-shoppers",
            &[
                ("count", Arg::from(market.daily_shoppers)),
                (
                    "today",
                    Arg::from(store.storefront.traffic_on(session.date()).to_string()),
                ),
            ],
        ))
        .color(MUTED),
    );
    let elasticity = market.price_elasticity.0 as f64 / 1e6;
    let pages = build_pages(&store.listings, store.keywords().len(), elasticity);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new(cat.tr("research-keywords")).strong());
        let total: u64 = store.keywords().iter().map(|k| u64::from(k.volume)).sum::<u64>().max(1);
        egui::Grid::new("research_keywords_grid")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                super::header_row(ui, cat, &["research-keyword", "research-searches", "research-share"]);
                let mut sorted: Vec<_> = store.keywords().iter().collect();
                sorted.sort_by(|a, b| b.volume.cmp(&a.volume).then(a.text.cmp(&b.text)));
                for k in sorted {
                    ui.label(&k.text);
                    ui.label(format_minor(i64::from(k.volume), 0));
                    ui.label(format!("{:.1}%", k.volume as f64 * 100.0 / total as f64));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.label(RichText::new(cat.tr("research-seasons")).strong());
        if store.storefront.seasons.is_empty() {
            ui.label(RichText::new(cat.tr("research-no-seasons")).color(MUTED));
        }
        for s in &store.storefront.seasons {
            let now = s.from <= session.date() && session.date() <= s.to;
            ui.label(
                RichText::new(format!(
                    "{} — {} … {}: {}",
                    pick(&s.name, cat.language()),
                    s.from,
                    s.to,
                    s.traffic
                ))
                .color(if now { WARN } else { MUTED }),
            );
        }

        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("research-competitors")).strong());
        egui::Grid::new("research_competitors_grid")
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
                        "research-rank",
                        "store-stock",
                    ],
                );
                for (i, c) in store.storefront.competitors.iter().enumerate() {
                    let Some(l) = store.listings.get(i) else { continue };
                    // Best organic position over the keywords it is relevant for.
                    let rank = (0..store.keywords().len())
                        .filter_map(|k| organic_rank(&pages, k, i))
                        .min()
                        .map_or_else(|| "—".to_string(), |r| format!("#{}", r + 1));
                    ui.label(&c.name);
                    ui.label(money(l.effective_price()));
                    ui.label(super::stars(l.rating_tenths, l.reviews));
                    ui.label(rank);
                    ui.label(l.stock.to_string());
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.label(RichText::new(cat.tr("research-checkout")).strong());
        ui.label(RichText::new(cat.tr("research-checkout-how")).small().color(MUTED));
        egui::Grid::new("research_checkout_grid")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                super::header_row(
                    ui,
                    cat,
                    &[
                        "listing-product",
                        "research-reference",
                        "research-taxes",
                        "research-left",
                    ],
                );
                for (sku, price) in &market.reference_prices {
                    let Some(product) = scenario.product(sku) else { continue };
                    let tax = tax_per_parcel(scenario, market, product, price.minor, session.date());
                    ui.label(RichText::new(sku).color(ACCENT));
                    ui.label(money(price.minor));
                    ui.label(money(tax));
                    ui.label(money(price.minor - tax - store.storefront.referral_fee.of(price.minor)));
                    ui.end_row();
                }
            });
        ui.label(
            RichText::new(cat.tr_args(
                "research-fees",
                &[
                    ("referral", Arg::from(store.storefront.referral_fee.to_string())),
                    ("payout", Arg::from(store.storefront.payout_fee.to_string())),
                ],
            ))
            .small()
            .color(MUTED),
        );
    });
}
