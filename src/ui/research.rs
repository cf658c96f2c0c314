//! Market research: for each marketplace, what shoppers search (volumes and shares), the
//! category's price range and the competitors (price, rating, reviews, stock, organic rank
//! today, delivery time), the seasons ahead as a traffic curve, the shipping options and their
//! costs, and what a parcel pays at checkout under the market's rules.

use egui::RichText;

use super::charts::{Mark, Series, day_chart};
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
        let ui = &mut cols[1];
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

        // Traffic outlook: the seasons as a curve over the next 120 days.
        let today = session.day();
        let outlook: Vec<(u32, f64)> = (0..120u32)
            .map(|ahead| {
                let date = session.date().plus_days(i64::from(ahead));
                (today + ahead, store.storefront.traffic_on(date).0 as f64 / 100.0)
            })
            .collect();
        ui.add_space(4.0);
        day_chart(
            ui,
            "research_traffic_chart",
            &cat.tr("store-day"),
            "%",
            &[Series::new(cat.tr("research-traffic"), ACCENT, Mark::Line, outlook)],
            120.0,
        );
    });
    ui.add_space(8.0);
    ui.separator();
    ui.label(RichText::new(cat.tr("research-competitors")).strong());
    egui::Grid::new("research_competitors_grid")
        .striped(true)
        .num_columns(6)
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
                    "research-delivery",
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
                ui.label(cat.tr_args("research-days", &[("days", Arg::from(u32::from(l.delivery_days)))]));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.label(RichText::new(cat.tr("research-checkout")).strong());
    ui.label(RichText::new(cat.tr("research-checkout-how")).small().color(MUTED));
    egui::Grid::new("research_checkout_grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            super::header_row(
                ui,
                cat,
                &[
                    "listing-product",
                    "research-range",
                    "research-reference",
                    "research-taxes",
                    "research-left",
                ],
            );
            for (sku, price) in &market.reference_prices {
                let Some(product) = scenario.product(sku) else { continue };
                let tax = tax_per_parcel(scenario, market, product, price.minor, session.date());
                // The category's price range today: competitors selling this product.
                let prices: Vec<i64> = store
                    .storefront
                    .competitors
                    .iter()
                    .zip(&store.listings)
                    .filter(|(c, _)| &c.sku == sku)
                    .map(|(_, l)| l.effective_price())
                    .collect();
                let range = match (prices.iter().min(), prices.iter().max()) {
                    (Some(lo), Some(hi)) if lo == hi => money(*lo),
                    (Some(lo), Some(hi)) => format!("{} – {}", format_minor(*lo, exp), money(*hi)),
                    _ => "—".to_string(),
                };
                ui.label(RichText::new(sku).color(ACCENT));
                ui.label(range);
                ui.label(money(price.minor));
                ui.label(money(tax));
                ui.label(money(
                    price.minor - tax - store.storefront.referral_fee_on(sku, price.minor),
                ));
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
    fee_categories(ui, cat, store, &money);
    ui.add_space(8.0);
    logistics(ui, cat, session, store, market.currency);
}

/// The storefront's shipping options: days to the door (with two days' handling for direct
/// options), cost per parcel in its own and the market's currency, and a warehouse's inbound
/// freight and lead time.
fn logistics(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    session: &Session,
    store: &crate::sim::market::Store,
    currency: crate::sim::money::CurrencyCode,
) {
    let exp = session.scenario().exponent(currency);
    ui.label(RichText::new(cat.tr("research-logistics")).strong());
    ui.label(RichText::new(cat.tr("research-logistics-how")).small().color(MUTED));
    egui::Grid::new("research_logistics_grid")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            super::header_row(
                ui,
                cat,
                &[
                    "listing-shipping",
                    "research-delivery",
                    "research-per-parcel",
                    "research-inbound",
                ],
            );
            for o in &store.storefront.shipping {
                ui.label(pick(&o.name, cat.language()));
                ui.label(cat.tr_args("research-days", &[("days", Arg::from(u32::from(o.delivery_days(2))))]));
                let local = session
                    .world()
                    .in_currency(o.cost_per_parcel, currency)
                    .map_or_else(String::new, |m| format!(" ≈ {} {currency}", format_minor(m, exp)));
                ui.label(if o.cost_per_parcel.currency == currency {
                    o.cost_per_parcel.format()
                } else {
                    format!("{}{local}", o.cost_per_parcel.format())
                });
                ui.label(o.inbound_per_unit.map_or_else(
                    || "—".to_string(),
                    |m| {
                        cat.tr_args(
                            "research-inbound-value",
                            &[("freight", Arg::from(m.format())), ("days", Arg::from(o.inbound_days))],
                        )
                    },
                ));
                ui.end_row();
            }
        });
}

/// The storefront's fee categories with their bands and sources, each marked where it is not
/// verified, and what in the fees is illustrative.
pub fn fee_categories(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    store: &crate::sim::market::Store,
    money: &dyn Fn(i64) -> String,
) {
    for f in &store.storefront.referral_fees {
        let mut text = cat.tr_args(
            "research-fee-category",
            &[
                (
                    "fee",
                    Arg::from(super::pick(&f.describe(money), cat.language()).to_string()),
                ),
                ("source", Arg::from(f.source.as_str())),
            ],
        );
        if !f.unverified.trim().is_empty() {
            text.push_str(&format!(
                " — {}",
                cat.tr_args("rule-unverified-because", &[("what", f.unverified.trim().into())])
            ));
        }
        ui.label(RichText::new(text).small().color(MUTED));
    }
    if let Some(note) = &store.storefront.illustrative_fees {
        super::illustrative_fees_label(ui, cat, note);
    }
}
