//! The listing editor: write a product listing for a market's storefront — title (against the
//! platform's limit), bullet points, description, search terms, attributes, photos, price,
//! stock, shipping option and handling time, ads — and see the listing-quality score and its
//! reasons as you type.

use egui::RichText;

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::market::ListingTerms;
use crate::sim::market::quality::{ListingText, score_listing};
use crate::sim::money::{BasisPoints, format_minor, parse_decimal};
use crate::sim::scenario::Scenario;
use crate::sim::session::{Command, Session};

pub use crate::sim::market::quality::SHOTS;

/// The listing being written (UI state).
#[derive(Debug, Clone, Default)]
pub struct ListingDraft {
    pub market: Option<String>,
    pub sku: Option<String>,
    pub text: ListingText,
    /// Bullet points as one text, a line each.
    pub bullets: String,
    pub price: String,
    pub add_stock: String,
    pub bid: String,
    pub daily_budget: String,
    pub discount: String,
    /// The chosen shipping option's id (default: the storefront's first).
    pub shipping: Option<String>,
    pub handling_days: String,
    pub error: Option<String>,
    /// The cost sheet under the editor.
    pub sheet: super::cost_sheet::CostSheetDraft,
}

pub struct ListingView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
}

fn scenario<'a>(view: &ListingView<'a>) -> &'a Scenario {
    view.session.scenario()
}

pub fn draw(ui: &mut egui::Ui, view: &ListingView, draft: &mut ListingDraft) -> Option<Action> {
    let cat = view.cat;
    let scenario = scenario(view);
    let markets: Vec<_> = scenario.markets().iter().filter(|m| m.storefront.is_some()).collect();
    let Some(first) = markets.first() else {
        ui.label(RichText::new(cat.tr("listing-no-store")).color(MUTED));
        return None;
    };
    let market_id = draft.market.clone().unwrap_or_else(|| first.id.clone());
    let Some(market) = markets.iter().find(|m| m.id == market_id).copied() else {
        draft.market = None;
        return None;
    };
    let store = view.session.store_desk().store(&market.id)?;
    let sku = draft
        .sku
        .clone()
        .or_else(|| scenario.products().first().map(|p| p.sku.clone()))
        .unwrap_or_default();
    let mut action = None;
    let exp = scenario.exponent(market.currency);

    ui.horizontal(|ui| {
        ui.label(cat.tr("listing-market"));
        egui::ComboBox::from_id_salt("listing_market_choice")
            .selected_text(pick(&market.name, cat.language()))
            .show_ui(ui, |ui| {
                for m in &markets {
                    if ui
                        .selectable_label(m.id == market.id, pick(&m.name, cat.language()))
                        .clicked()
                    {
                        draft.market = Some(m.id.clone());
                    }
                }
            });
        ui.label(cat.tr("listing-product"));
        egui::ComboBox::from_id_salt("listing_product_choice")
            .selected_text(sku.clone())
            .show_ui(ui, |ui| {
                for p in scenario.products() {
                    if ui
                        .selectable_label(p.sku == sku, format!("{} — {}", p.sku, pick(&p.name, cat.language())))
                        .clicked()
                    {
                        draft.sku = Some(p.sku.clone());
                    }
                }
            });
    });
    ui.separator();

    draft.text.bullets = draft.bullets.lines().map(str::to_string).collect();
    let report = score_listing(&draft.text, store.keywords(), &store.rules());
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        let limit = store.storefront.title_limit as usize;
        let length = draft.text.title.chars().count();
        ui.label(
            RichText::new(cat.tr_args(
                "listing-title",
                &[("count", Arg::from(length)), ("limit", Arg::from(limit))],
            ))
            .small()
            .color(if length > limit { BAD } else { MUTED }),
        );
        ui.add(egui::TextEdit::singleline(&mut draft.text.title).desired_width(f32::INFINITY));
        ui.label(RichText::new(cat.tr("listing-bullets")).small().color(MUTED));
        ui.add(
            egui::TextEdit::multiline(&mut draft.bullets)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        ui.label(RichText::new(cat.tr("listing-description")).small().color(MUTED));
        ui.add(
            egui::TextEdit::multiline(&mut draft.text.description)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        ui.label(RichText::new(cat.tr("listing-search-terms")).small().color(MUTED));
        ui.add(egui::TextEdit::singleline(&mut draft.text.search_terms).desired_width(f32::INFINITY));
        ui.label(RichText::new(cat.tr("listing-attributes")).small().color(MUTED));
        for name in &store.storefront.required_attributes {
            let index = match draft.text.attributes.iter().position(|(n, _)| n == name) {
                Some(i) => i,
                None => {
                    draft.text.attributes.push((name.clone(), String::new()));
                    draft.text.attributes.len() - 1
                }
            };
            ui.horizontal(|ui| {
                ui.add_sized([140.0, 20.0], egui::Label::new(name.as_str()));
                ui.add(egui::TextEdit::singleline(&mut draft.text.attributes[index].1).desired_width(180.0));
            });
        }
        ui.label(RichText::new(cat.tr("listing-photos")).small().color(MUTED));
        ui.horizontal_wrapped(|ui| {
            for shot in SHOTS {
                let file = format!("{sku}-{shot}.png");
                let mut on = draft.text.images.contains(&file);
                if ui.checkbox(&mut on, cat.tr(&format!("shot-{shot}"))).changed() {
                    if on {
                        draft.text.images.push(file);
                    } else {
                        draft.text.images.retain(|f| f != &file);
                    }
                }
            }
        });

        let ui = &mut cols[1];
        let color = match report.score {
            800.. => GOOD,
            500..800 => WARN,
            _ => BAD,
        };
        ui.label(
            RichText::new(cat.tr_args("listing-score", &[("score", Arg::from(u32::from(report.score)))]))
                .heading()
                .color(color),
        );
        ui.add(
            egui::ProgressBar::new(f32::from(report.score) / 1000.0)
                .fill(color)
                .desired_height(8.0),
        );
        if report.findings.is_empty() {
            ui.label(RichText::new(cat.tr("listing-no-findings")).color(GOOD));
        }
        for f in &report.findings {
            ui.label(
                RichText::new(format!("−{}  {}", f.lost, cat.say(&f.message)))
                    .small()
                    .color(BAD),
            );
        }
        ui.add_space(8.0);
        let reference = market
            .reference_prices
            .iter()
            .find(|(s, _)| *s == sku)
            .map(|(_, m)| m.format());
        egui::Grid::new("listing_offer_grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for (key, value) in [
                    ("listing-price", &mut draft.price),
                    ("listing-stock", &mut draft.add_stock),
                    ("listing-bid", &mut draft.bid),
                    ("listing-budget", &mut draft.daily_budget),
                    ("listing-discount", &mut draft.discount),
                ] {
                    ui.label(cat.tr(key));
                    ui.add(egui::TextEdit::singleline(value).desired_width(120.0));
                    ui.end_row();
                }
            });
        // Shipping: how the parcel gets to the buyer, and what that does to delivery time.
        let chosen = draft
            .shipping
            .as_deref()
            .and_then(|id| store.storefront.shipping_option(id))
            .or_else(|| store.storefront.shipping.first());
        if let Some(option) = chosen {
            ui.horizontal(|ui| {
                ui.label(cat.tr("listing-shipping"));
                egui::ComboBox::from_id_salt("listing_shipping_choice")
                    .selected_text(pick(&option.name, cat.language()))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for o in &store.storefront.shipping {
                            if ui
                                .selectable_label(o.id == option.id, pick(&o.name, cat.language()))
                                .clicked()
                            {
                                draft.shipping = Some(o.id.clone());
                            }
                        }
                    });
            });
            let warehouse = option.kind == crate::scenario::file::ShippingKind::OverseasWarehouse;
            if !warehouse {
                ui.horizontal(|ui| {
                    ui.label(cat.tr("listing-handling"));
                    ui.add(egui::TextEdit::singleline(&mut draft.handling_days).desired_width(40.0));
                });
            }
            let handling = draft.handling_days.trim().parse::<u32>().unwrap_or(2);
            ui.label(
                RichText::new(cat.tr_args(
                    "listing-delivery",
                    &[
                        ("days", Arg::from(u32::from(option.delivery_days(handling)))),
                        ("cost", Arg::from(option.cost_per_parcel.format())),
                    ],
                ))
                .small()
                .color(MUTED),
            );
            if let (true, Some(freight)) = (warehouse, option.inbound_per_unit) {
                ui.label(
                    RichText::new(cat.tr_args(
                        "listing-inbound",
                        &[
                            ("freight", Arg::from(freight.format())),
                            ("days", Arg::from(option.inbound_days)),
                        ],
                    ))
                    .small()
                    .color(WARN),
                );
            }
            if let Some(mine) = store.student_listing(&sku) {
                let on_way = store.inbound_units(mine.id);
                if on_way > 0 {
                    ui.label(
                        RichText::new(cat.tr_args("listing-on-way", &[("units", Arg::from(on_way))]))
                            .small()
                            .color(WARN),
                    );
                }
            }
        }
        if let Some(reference) = reference {
            ui.label(
                RichText::new(cat.tr_args("listing-reference", &[("price", Arg::from(reference))]))
                    .small()
                    .color(MUTED),
            );
        }
        let unit_cost = scenario.product(&sku).map(|p| p.unit_cost.format()).unwrap_or_default();
        ui.label(
            RichText::new(cat.tr_args("listing-unit-cost", &[("cost", Arg::from(unit_cost))]))
                .small()
                .color(MUTED),
        );
        if let Some(error) = &draft.error {
            ui.label(RichText::new(error).color(BAD));
        }
        let published = store.student.iter().any(|l| l.sku == sku);
        let label = cat.tr(if published { "listing-update" } else { "listing-publish" });
        if ui
            .add_sized(
                [ui.available_width(), 32.0],
                egui::Button::new(RichText::new(label).strong().color(ACCENT)),
            )
            .clicked()
        {
            let money = |text: &str| {
                if text.trim().is_empty() {
                    Ok(0)
                } else {
                    parse_decimal(text, exp)
                }
            };
            let parsed = (
                parse_decimal(&draft.price, exp),
                parse_decimal(
                    if draft.add_stock.trim().is_empty() {
                        "0"
                    } else {
                        &draft.add_stock
                    },
                    0,
                ),
                money(&draft.bid),
                money(&draft.daily_budget),
                if draft.discount.trim().is_empty() {
                    Ok(BasisPoints(0))
                } else {
                    BasisPoints::parse_percent(&draft.discount).map_err(|_| crate::sim::money::DecimalError::NotANumber)
                },
            );
            let handling = if draft.handling_days.trim().is_empty() {
                Ok(2)
            } else {
                draft.handling_days.trim().parse::<u32>()
            };
            let shipping = chosen.map(|o| o.id.clone()).unwrap_or_default();
            match (parsed, handling) {
                ((Ok(price), Ok(stock), Ok(bid), Ok(budget), Ok(discount)), Ok(handling_days))
                    if price > 0 && stock >= 0 =>
                {
                    draft.error = None;
                    action = Some(Action::Marketplace(Box::new(Command::PublishListing {
                        market: market.id.clone(),
                        sku: sku.clone(),
                        text: Box::new(draft.text.clone()),
                        terms: Box::new(ListingTerms {
                            price,
                            add_stock: u32::try_from(stock).unwrap_or(0),
                            bid,
                            daily_budget: budget,
                            discount,
                            shipping,
                            handling_days,
                        }),
                    })));
                }
                _ => {
                    draft.error = Some(cat.tr_args(
                        "listing-bad-numbers",
                        &[("example", Arg::from(format_minor(1_249, exp)))],
                    ))
                }
            }
        }
        // The cost sheet for the price and shipping typed above.
        ui.add_space(8.0);
        ui.separator();
        let price = parse_decimal(&draft.price, exp).ok().filter(|p| *p > 0);
        let shipping = chosen.map(|o| o.id.clone()).unwrap_or_default();
        let sheet = super::cost_sheet::CostSheetView {
            cat,
            session: view.session,
            market: &market.id,
            sku: &sku,
            price,
            shipping: &shipping,
        };
        if let Some(a) = super::cost_sheet::draw(ui, &sheet, &mut draft.sheet) {
            action = Some(a);
        }
    });
    action
}
