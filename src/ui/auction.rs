//! Selling second-hand items: the listing form (auction or fixed price with offers, postage,
//! condition and faults, import charges) with a live break-even and customs preview; the
//! listings with each auction's live bid history; and the buying exercise (estimate the full
//! landed cost before bidding).

use std::collections::BTreeSet;

use egui::RichText;

use super::c2c::{hint, market_money, parse_amount, when};
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, header_row, pick};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::file::ConditionGrade;
use crate::sim::Session;
use crate::sim::c2c::auction::HistoryKind;
use crate::sim::c2c::questions::grade_name;
use crate::sim::c2c::{AuctionResult, ItemListingId, ItemTerms, ListingStatus, SaleFormat, import_charges};
use crate::sim::money::Money;
use crate::sim::session::Command;

/// The listing being written, and which listing's history is open (UI state).
#[derive(Debug, Clone)]
pub struct AuctionDraft {
    pub market: Option<String>,
    pub sku: Option<String>,
    /// Auction (true) or fixed price with offers (false).
    pub auction: bool,
    pub start_price: String,
    pub reserve: String,
    pub buy_it_now: String,
    pub days: u32,
    pub soft_close: bool,
    pub price: String,
    pub offers: bool,
    pub auto_decline: String,
    pub auto_accept: String,
    pub postage: Option<String>,
    pub handling_days: u32,
    pub duty_paid: bool,
    pub grade: Option<ConditionGrade>,
    pub disclosed: BTreeSet<usize>,
    pub states_charges: bool,
    pub error: Option<String>,
    pub selected: Option<ItemListingId>,
    /// The buying exercise's estimate, in the home currency.
    pub estimate: String,
    /// The buying exercise's maximum bid, in the market's currency.
    pub max_bid: String,
    /// Why the buying exercise's last entry was refused.
    pub buy_error: Option<String>,
}

impl Default for AuctionDraft {
    fn default() -> Self {
        Self {
            market: None,
            sku: None,
            auction: true,
            start_price: String::new(),
            reserve: String::new(),
            buy_it_now: String::new(),
            days: 7,
            soft_close: false,
            price: String::new(),
            offers: true,
            auto_decline: String::new(),
            auto_accept: String::new(),
            postage: None,
            handling_days: 2,
            duty_paid: false,
            grade: None,
            disclosed: BTreeSet::new(),
            states_charges: false,
            error: None,
            selected: None,
            estimate: String::new(),
            max_bid: String::new(),
            buy_error: None,
        }
    }
}

pub struct AuctionView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
}

const GRADES: [ConditionGrade; 6] = [
    ConditionGrade::Mint,
    ConditionGrade::Excellent,
    ConditionGrade::VeryGood,
    ConditionGrade::Good,
    ConditionGrade::Fair,
    ConditionGrade::ForParts,
];

pub fn draw(ui: &mut egui::Ui, view: &AuctionView, draft: &mut AuctionDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let shop = session.shop_desk().shop()?;
    let mut action = None;
    ui.heading(cat.tr("c2c-selling-title"));
    if shop.in_hand.is_empty() {
        hint(ui, cat.tr("c2c-nothing-in-hand"));
    } else if let Some(a) = listing_form(ui, view, draft) {
        action = Some(a);
    }
    ui.add_space(10.0);
    ui.separator();
    ui.label(RichText::new(cat.tr("c2c-listings")).strong());
    if shop.listings.is_empty() {
        hint(ui, cat.tr("c2c-no-listings"));
        return action;
    }
    egui::Grid::new("c2c_listings_grid")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            header_row(
                ui,
                cat,
                &[
                    "c2c-col-item",
                    "c2c-col-market",
                    "c2c-col-format",
                    "c2c-col-price",
                    "c2c-col-bids",
                    "c2c-col-ends",
                    "c2c-col-status",
                ],
            );
            for l in &shop.listings {
                let name = session
                    .scenario()
                    .product(&l.terms.sku)
                    .map_or(l.terms.sku.clone(), |p| pick(&p.name, cat.language()).to_string());
                if ui
                    .selectable_label(draft.selected == Some(l.id), name)
                    .on_hover_text(cat.tr("c2c-show-history"))
                    .clicked()
                {
                    draft.selected = Some(l.id);
                }
                ui.label(&l.terms.market);
                ui.label(cat.tr(match l.terms.format {
                    SaleFormat::Auction { .. } => "c2c-format-auction",
                    SaleFormat::FixedPrice { .. } => "c2c-format-fixed",
                }));
                // A sale shows what the buyer paid (an accepted offer may be below the price).
                let price = match l.status {
                    ListingStatus::Sold(order) => shop.order(order).map_or(l.shown_price(), |o| o.price),
                    _ => l.shown_price(),
                };
                ui.label(RichText::new(market_money(session, &l.terms.market, price).format()).monospace());
                ui.label(l.auction.as_ref().map_or("—".to_string(), |a| {
                    format!("{} / {}", a.history().len(), a.bidder_count())
                }));
                // A fixed-price listing that outlasts the scenario stays up until it sells.
                let closes = l.auction.as_ref().map_or(l.closes, |a| a.closes());
                let last_day = session.scenario().length_days();
                let fixed = matches!(l.terms.format, crate::sim::c2c::SaleFormat::FixedPrice { .. });
                ui.label(
                    if fixed && closes / crate::sim::c2c::auction::DAY_MINUTES + 1 > last_day {
                        cat.tr("c2c-until-sold")
                    } else {
                        when(cat, closes)
                    },
                );
                let (status, color) = match l.status {
                    ListingStatus::Live => (cat.tr("c2c-status-live"), ACCENT),
                    ListingStatus::Sold(_) => (cat.tr("c2c-status-sold"), GOOD),
                    ListingStatus::Unsold => (cat.tr("c2c-status-unsold"), WARN),
                };
                ui.label(RichText::new(status).color(color));
                ui.end_row();
            }
        });
    let selected = draft
        .selected
        .or_else(|| shop.listings.iter().find(|l| l.auction.is_some()).map(|l| l.id));
    if let Some(listing) = selected.and_then(|id| shop.listing(id)) {
        ui.add_space(8.0);
        bid_history(ui, view, listing);
    }
    action
}

/// The listing form with its break-even and customs preview.
fn listing_form(ui: &mut egui::Ui, view: &AuctionView, draft: &mut AuctionDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    let shop = session.shop_desk().shop()?;
    let language = cat.language();
    let markets: Vec<_> = scenario.markets().iter().filter(|m| m.auction_site.is_some()).collect();
    let market = draft
        .market
        .as_deref()
        .and_then(|id| markets.iter().find(|m| m.id == id))
        .or(markets.first())
        .copied()?;
    let site = market.auction_site.as_ref()?;
    let sku = draft
        .sku
        .clone()
        .filter(|s| shop.in_hand.contains(s))
        .or_else(|| shop.in_hand.iter().next().cloned())?;
    // Another item (e.g. the next in hand after a listing): its own grade and faults.
    if draft.sku.as_deref() != Some(sku.as_str()) {
        draft.sku = Some(sku.clone());
        draft.grade = None;
        draft.disclosed.clear();
    }
    let product = scenario.product(&sku)?;
    let (true_grade, faults) = product
        .condition
        .clone()
        .unwrap_or((ConditionGrade::VeryGood, Vec::new()));
    let exp = scenario.exponent(market.currency);
    let mut action = None;

    ui.horizontal_wrapped(|ui| {
        ui.label(cat.tr("c2c-item"));
        egui::ComboBox::from_id_salt("c2c_item_choice")
            .selected_text(pick(&product.name, language))
            .show_ui(ui, |ui| {
                for s in &shop.in_hand {
                    let name = scenario.product(s).map_or(s.as_str(), |p| pick(&p.name, language));
                    if ui.selectable_label(*s == sku, name).clicked() {
                        draft.sku = Some(s.clone());
                        draft.disclosed.clear();
                        draft.grade = None;
                    }
                }
            });
        ui.label(cat.tr("c2c-market"));
        egui::ComboBox::from_id_salt("c2c_market_choice")
            .selected_text(format!("{} · {}", pick(&market.name, language), site.platform))
            .show_ui(ui, |ui| {
                for m in &markets {
                    if ui
                        .selectable_label(m.id == market.id, pick(&m.name, language))
                        .clicked()
                    {
                        draft.market = Some(m.id.clone());
                        draft.postage = None;
                        draft.duty_paid = false;
                    }
                }
            });
    });
    let reference = market.reference_prices.iter().find(|(s, _)| *s == sku).map(|(_, m)| *m);
    if let Some(reference) = reference {
        hint(
            ui,
            cat.tr_args("c2c-reference", &[("price", Arg::from(reference.format()))]),
        );
    }
    ui.add_space(4.0);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.horizontal(|ui| {
            ui.radio_value(&mut draft.auction, true, cat.tr("c2c-format-auction"));
            ui.radio_value(&mut draft.auction, false, cat.tr("c2c-format-fixed"));
        });
        let field = |ui: &mut egui::Ui, label: String, text: &mut String| {
            ui.horizontal(|ui| {
                ui.label(label);
                ui.add(egui::TextEdit::singleline(text).desired_width(90.0));
                ui.label(market.currency.as_str());
            });
        };
        if draft.auction {
            field(ui, cat.tr("c2c-start-price"), &mut draft.start_price);
            field(ui, cat.tr("c2c-reserve"), &mut draft.reserve);
            field(ui, cat.tr("c2c-buy-it-now"), &mut draft.buy_it_now);
            ui.horizontal(|ui| {
                ui.label(cat.tr("c2c-days"));
                for d in [1, 3, 5, 7, 10] {
                    ui.radio_value(&mut draft.days, d, d.to_string());
                }
            });
            if site.soft_close_minutes > 0 {
                ui.checkbox(
                    &mut draft.soft_close,
                    cat.tr_args("c2c-soft-close", &[("minutes", Arg::from(site.soft_close_minutes))]),
                );
            } else {
                draft.soft_close = false;
                ui.label(
                    RichText::new(cat.tr_args("c2c-hard-close", &[("platform", Arg::from(site.platform.as_str()))]))
                        .small(),
                );
            }
        } else {
            field(ui, cat.tr("c2c-price"), &mut draft.price);
            ui.checkbox(&mut draft.offers, cat.tr("c2c-accept-offers"));
            if draft.offers {
                field(ui, cat.tr("c2c-auto-decline"), &mut draft.auto_decline);
                field(ui, cat.tr("c2c-auto-accept"), &mut draft.auto_accept);
            }
        }
        ui.add_space(4.0);
        let postage_id = draft
            .postage
            .clone()
            .filter(|p| site.postage(p).is_some())
            .or_else(|| site.postage.first().map(|p| p.id.clone()))
            .unwrap_or_default();
        ui.label(RichText::new(cat.tr("c2c-postage")).strong());
        for p in &site.postage {
            let price = p.price(product.gross_weight_g);
            let tracked = cat.tr(if p.tracked { "c2c-tracked" } else { "c2c-untracked" });
            if ui
                .radio(
                    p.id == postage_id,
                    format!(
                        "{} — {} · {} · {}",
                        pick(&p.name, language),
                        price.format(),
                        cat.tr_args("c2c-transit", &[("days", Arg::from(p.transit_days))]),
                        tracked
                    ),
                )
                .clicked()
            {
                draft.postage = Some(p.id.clone());
                if !p.duty_paid_option {
                    draft.duty_paid = false;
                }
            }
        }
        let postage = site.postage(&postage_id);
        ui.horizontal(|ui| {
            ui.label(cat.tr("c2c-handling"));
            ui.add(egui::Slider::new(&mut draft.handling_days, 1..=5));
        });
        if postage.is_some_and(|p| p.duty_paid_option) {
            ui.checkbox(&mut draft.duty_paid, cat.tr("c2c-duty-paid"));
        }
        // Only a service that offers it can carry the duty paid in advance.
        let duty_paid = draft.duty_paid && postage.is_some_and(|p| p.duty_paid_option);

        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("c2c-condition")).strong());
        let grade = draft.grade.unwrap_or(true_grade);
        ui.horizontal_wrapped(|ui| {
            for g in GRADES {
                if ui
                    .selectable_label(grade == g, pick(&grade_name(g), language))
                    .clicked()
                {
                    draft.grade = Some(g);
                }
            }
        });
        hint(
            ui,
            cat.tr_args(
                "c2c-true-grade",
                &[("grade", Arg::from(pick(&grade_name(true_grade), language)))],
            ),
        );
        ui.label(cat.tr("c2c-faults"));
        for (i, f) in faults.iter().enumerate() {
            let mut on = draft.disclosed.contains(&i);
            if ui.checkbox(&mut on, pick(f, language)).changed() {
                if on {
                    draft.disclosed.insert(i);
                } else {
                    draft.disclosed.remove(&i);
                }
            }
        }
        if faults.is_empty() {
            hint(ui, cat.tr("c2c-no-faults"));
        }
        ui.checkbox(&mut draft.states_charges, cat.tr("c2c-states-charges"));

        // Break-even and customs preview at the price the buyer would pay.
        let price = if draft.auction {
            parse_amount(&draft.reserve, exp).or_else(|| parse_amount(&draft.start_price, exp))
        } else {
            parse_amount(&draft.price, exp)
        };
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(cat.tr("c2c-preview")).strong());
            if !session.mode().hints() {
                hint(ui, cat.tr("exam-no-calculator"));
                return;
            }
            let home = scenario.home_currency();
            let postage_home = postage
                .map(|p| p.price(product.gross_weight_g))
                .and_then(|m| session.world().in_currency(m, home));
            let Some(postage_home) = postage_home else {
                return;
            };
            if let Some(floor) = session.shop_desk().break_even(&market.id, &sku, &postage_id, duty_paid) {
                ui.label(cat.tr_args(
                    "c2c-break-even",
                    &[
                        ("floor", Arg::from(market_money(session, &market.id, floor).format())),
                        ("cost", Arg::from(product.unit_cost.format())),
                        (
                            "postage",
                            Arg::from(Money::new(postage_home, home, scenario.exponent(home)).format()),
                        ),
                        ("fee", Arg::from(site.final_value_fee.to_string())),
                    ],
                ));
                if let Some(note) = &site.illustrative_fees {
                    super::illustrative_fees_label(ui, cat, note);
                }
                if let Some(price) = price {
                    let color = if price >= floor { GOOD } else { BAD };
                    let key = if price >= floor {
                        "c2c-floor-covers"
                    } else {
                        "c2c-floor-short"
                    };
                    ui.label(RichText::new(cat.tr(key)).color(color));
                }
            }
            if let Some(price) = price {
                let charges = import_charges(
                    scenario,
                    market,
                    product,
                    price,
                    site.collection_fee.minor,
                    session.date(),
                );
                ui.label(cat.tr_args(
                    "c2c-buyer-pays",
                    &[("price", Arg::from(market_money(session, &market.id, price).format()))],
                ));
                ui.label(RichText::new(pick(&charges.explain(duty_paid), language)).color(ACCENT));
                if charges.at_door() > 0 && !duty_paid && !draft.states_charges {
                    ui.label(RichText::new(cat.tr("c2c-charges-unsaid")).color(WARN));
                }
            } else {
                hint(ui, cat.tr("c2c-preview-needs-price"));
            }
        });
    });

    let parse = |text: &str| parse_amount(text, exp);
    let optional = |text: &str| -> Result<Option<i64>, ()> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            parse(text).map(Some).ok_or(())
        }
    };
    ui.add_space(6.0);
    if ui.button(RichText::new(cat.tr("c2c-list-item")).strong()).clicked() {
        let format = if draft.auction {
            match (
                parse(&draft.start_price),
                optional(&draft.reserve),
                optional(&draft.buy_it_now),
            ) {
                (Some(start_price), Ok(reserve), Ok(buy_it_now)) => Some(SaleFormat::Auction {
                    start_price,
                    reserve,
                    buy_it_now,
                    days: draft.days,
                    soft_close: draft.soft_close,
                }),
                _ => None,
            }
        } else {
            match (
                parse(&draft.price),
                optional(&draft.auto_decline),
                optional(&draft.auto_accept),
            ) {
                (Some(price), Ok(auto_decline_below), Ok(auto_accept_from)) => Some(SaleFormat::FixedPrice {
                    price,
                    offers: draft.offers,
                    auto_decline_below: auto_decline_below.filter(|_| draft.offers),
                    auto_accept_from: auto_accept_from.filter(|_| draft.offers),
                }),
                _ => None,
            }
        };
        match format {
            None => draft.error = Some(cat.tr("c2c-bad-amount")),
            Some(format) => {
                draft.error = None;
                let postage = draft
                    .postage
                    .clone()
                    .filter(|p| site.postage(p).is_some())
                    .or_else(|| site.postage.first().map(|p| p.id.clone()))
                    .unwrap_or_default();
                let duty_paid = draft.duty_paid && site.postage(&postage).is_some_and(|p| p.duty_paid_option);
                action = Some(Action::Marketplace(Box::new(Command::ListItem {
                    terms: Box::new(ItemTerms {
                        market: market.id.clone(),
                        sku: sku.clone(),
                        format,
                        postage,
                        handling_days: draft.handling_days,
                        duty_paid,
                        claimed_grade: draft.grade.unwrap_or(true_grade),
                        disclosed_faults: draft.disclosed.iter().copied().collect(),
                        states_import_charges: draft.states_charges,
                    }),
                })));
            }
        }
    }
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    action
}

/// An auction's live bid history (or a fixed-price listing's buyers), as the site shows it:
/// times, bidders, the price after each bid; the maxima stay secret.
fn bid_history(ui: &mut egui::Ui, view: &AuctionView, listing: &crate::sim::c2c::ItemListing) {
    let cat = view.cat;
    let session = view.session;
    let market = &listing.terms.market;
    let money = |minor: i64| market_money(session, market, minor).format();
    let name = session
        .scenario()
        .product(&listing.terms.sku)
        .map_or(listing.terms.sku.clone(), |p| pick(&p.name, cat.language()).to_string());
    ui.label(RichText::new(cat.tr_args("c2c-history-title", &[("item", Arg::from(name))])).strong());
    let Some(auction) = &listing.auction else {
        hint(ui, cat.tr("c2c-history-fixed"));
        return;
    };
    let terms = auction.terms();
    let reserve = match terms.reserve {
        None => cat.tr("c2c-no-reserve"),
        Some(_) if auction.reserve_met() => cat.tr("c2c-reserve-met"),
        Some(_) => cat.tr("c2c-reserve-not-met"),
    };
    ui.label(cat.tr_args(
        "c2c-auction-state",
        &[
            ("price", Arg::from(money(auction.current_price()))),
            ("bidders", Arg::from(auction.bidder_count())),
            ("reserve", Arg::from(reserve)),
            ("ends", Arg::from(when(cat, auction.closes()))),
        ],
    ));
    if let Some(result) = auction.result() {
        let text = match result {
            AuctionResult::Sold { price, bought_now, .. } => cat.tr_args(
                if bought_now {
                    "c2c-result-bought-now"
                } else {
                    "c2c-result-sold"
                },
                &[("price", Arg::from(money(price)))],
            ),
            AuctionResult::ReserveNotMet { highest } => {
                cat.tr_args("c2c-result-reserve", &[("highest", Arg::from(money(highest)))])
            }
            AuctionResult::NoBids => cat.tr("c2c-result-no-bids"),
        };
        ui.label(RichText::new(text).color(ACCENT));
    }
    if auction.history().is_empty() {
        hint(ui, cat.tr("c2c-no-bids-yet"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("c2c_history_scroll")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("c2c_history_grid")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    header_row(
                        ui,
                        cat,
                        &[
                            "c2c-col-time",
                            "c2c-col-bidder",
                            "c2c-col-price-after",
                            "c2c-col-leader",
                            "c2c-col-note",
                        ],
                    );
                    for h in auction.history().iter().rev() {
                        let who = |b: crate::sim::c2c::BidderId| {
                            listing
                                .buyers
                                .get(b.0 as usize)
                                .map_or_else(|| format!("#{}", b.0), |x| x.name.clone())
                        };
                        ui.label(RichText::new(when(cat, h.at)).monospace());
                        ui.label(who(h.bidder));
                        ui.label(RichText::new(money(h.price)).monospace());
                        ui.label(who(h.leader));
                        let mut note = match h.kind {
                            HistoryKind::Bid if h.leader == h.bidder => cat.tr("c2c-note-leads"),
                            HistoryKind::Bid => cat.tr("c2c-note-outbid"),
                            HistoryKind::Raised => cat.tr("c2c-note-raised"),
                            HistoryKind::BuyItNow => cat.tr("c2c-note-bin"),
                        };
                        if let Some(to) = h.extended_to {
                            note = format!(
                                "{note} · {}",
                                cat.tr_args("c2c-note-extended", &[("time", Arg::from(when(cat, to)))])
                            );
                        }
                        ui.label(RichText::new(note).small().color(MUTED));
                        ui.end_row();
                    }
                });
        });
    hint(ui, cat.tr("c2c-proxy-explained"));
}

/// The buying exercise: estimate the full landed cost of an item from abroad before bidding.
pub fn draw_buying(ui: &mut egui::Ui, view: &AuctionView, draft: &mut AuctionDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    let language = cat.language();
    let home = scenario.home_currency();
    let home_exp = scenario.exponent(home);
    let mut action = None;
    ui.heading(cat.tr("c2c-buying-title"));
    hint(ui, cat.tr("c2c-buying-intro"));
    let mut any = false;
    for market in scenario.markets() {
        let Some(purchase) = market.auction_site.as_ref().and_then(|s| s.purchase.as_ref()) else {
            continue;
        };
        any = true;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(pick(&purchase.item, language)).strong());
            ui.label(
                cat.tr_args(
                    "c2c-buying-facts",
                    &[
                        (
                            "price",
                            Arg::from(market_money(session, &market.id, purchase.price).format()),
                        ),
                        (
                            "postage",
                            Arg::from(market_money(session, &market.id, purchase.postage).format()),
                        ),
                        ("hs", Arg::from(purchase.hs_code.as_str())),
                        (
                            "rate",
                            Arg::from(
                                session
                                    .world()
                                    .rate(market.currency)
                                    .map_or("—".to_string(), |r| r.to_string()),
                            ),
                        ),
                        ("currency", Arg::from(market.currency.as_str())),
                        ("home", Arg::from(home.as_str())),
                    ],
                ),
            );
            ui.label(cat.tr_args(
                "c2c-buying-rule",
                &[
                    ("tax", Arg::from(purchase.import_tax.to_string())),
                    ("waived", Arg::from(purchase.tax_waived_up_to.format())),
                ],
            ))
            .on_hover_text(&purchase.source);
            ui.horizontal(|ui| {
                ui.label(cat.tr("c2c-buying-estimate"));
                ui.add(egui::TextEdit::singleline(&mut draft.estimate).desired_width(100.0));
                ui.label(home.as_str());
                if ui.button(cat.tr("c2c-buying-check")).clicked() {
                    match parse_amount(&draft.estimate, home_exp) {
                        Some(estimate) => {
                            draft.buy_error = None;
                            action = Some(Action::Marketplace(Box::new(Command::EstimatePurchase {
                                market: market.id.clone(),
                                estimate,
                            })));
                        }
                        None => draft.buy_error = Some(cat.tr("c2c-bad-amount")),
                    }
                }
            });
            let graded = session
                .shop_desk()
                .shop()
                .and_then(|s| s.purchases.iter().rev().find(|p| p.market == market.id));
            if let Some(g) = graded {
                let m = |minor: i64| Money::new(minor, home, home_exp).format();
                let (key, color) = if g.correct {
                    ("c2c-buying-right", GOOD)
                } else {
                    ("c2c-buying-wrong", BAD)
                };
                ui.label(
                    RichText::new(cat.tr_args(
                        key,
                        &[
                            ("estimate", Arg::from(m(g.estimate))),
                            ("landed", Arg::from(m(g.landed))),
                        ],
                    ))
                    .color(color),
                );
                ui.label(cat.tr_args(
                    "c2c-buying-breakdown",
                    &[
                        ("price", Arg::from(m(g.price_home))),
                        ("postage", Arg::from(m(g.postage_home))),
                        ("tax", Arg::from(m(g.tax))),
                        ("landed", Arg::from(m(g.landed))),
                    ],
                ));
                if g.tax_waived {
                    hint(ui, cat.tr("c2c-buying-waived"));
                }
            }
            ui.add_space(6.0);
            if let Some(a) = bid_abroad(ui, view, &market.id, purchase, draft) {
                action = Some(a);
            }
        });
    }
    if !any {
        hint(ui, cat.tr("c2c-buying-none"));
    }
    if let Some(error) = &draft.buy_error {
        ui.label(RichText::new(error).color(BAD));
    }
    action
}

/// Bidding for the item abroad: a maximum bid checked against the budget, then the auction as
/// it runs and how it ended.
fn bid_abroad(
    ui: &mut egui::Ui,
    view: &AuctionView,
    market: &str,
    purchase: &crate::sim::c2c::Purchase,
    draft: &mut AuctionDraft,
) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let home = session.scenario().home_currency();
    let home_exp = session.scenario().exponent(home);
    let exp = session.scenario().exponent(market_money(session, market, 0).currency);
    let money = |minor: i64| market_money(session, market, minor).format();
    let home_money = |minor: i64| Money::new(minor, home, home_exp).format();
    let budget = session.world().in_currency(purchase.budget, home).unwrap_or(0);
    let mut action = None;
    ui.label(RichText::new(cat.tr("c2c-bid-title")).strong());
    ui.label(cat.tr_args("c2c-bid-budget", &[("budget", Arg::from(home_money(budget)))]));
    let run = session
        .shop_desk()
        .shop()
        .and_then(|s| s.bids_abroad.iter().find(|r| r.market == market));
    if let Some(outcome) = run.and_then(|r| r.outcome) {
        let text = match (outcome.won, outcome.landed) {
            (true, Some(l)) => cat.tr_args(
                "c2c-bid-won",
                &[
                    ("price", Arg::from(money(outcome.price))),
                    ("landed", Arg::from(home_money(l.total))),
                ],
            ),
            _ => cat.tr_args("c2c-bid-lost", &[("price", Arg::from(money(outcome.price)))]),
        };
        ui.label(RichText::new(text).strong().color(ACCENT));
        let (key, color) = if outcome.max_within_budget {
            ("c2c-bid-max-ok", GOOD)
        } else {
            ("c2c-bid-max-over", BAD)
        };
        ui.label(RichText::new(cat.tr(key)).color(color));
        return None;
    }
    ui.horizontal(|ui| {
        ui.label(cat.tr("c2c-bid-max"));
        ui.add(egui::TextEdit::singleline(&mut draft.max_bid).desired_width(90.0));
        ui.label(market_money(session, market, 0).currency.as_str());
        if ui.button(cat.tr("c2c-bid-place")).clicked() {
            match parse_amount(&draft.max_bid, exp) {
                Some(max) if max > 0 => {
                    draft.buy_error = None;
                    action = Some(Action::Marketplace(Box::new(Command::BidAbroad {
                        market: market.to_string(),
                        max,
                    })));
                }
                _ => draft.buy_error = Some(cat.tr("c2c-bad-amount")),
            }
        }
    });
    if let Some(max) = parse_amount(&draft.max_bid, exp)
        && let Some(landed) = session.shop_desk().landed_abroad(market, max)
    {
        let (key, color) = if landed.total <= budget {
            ("c2c-bid-landed-ok", GOOD)
        } else {
            ("c2c-bid-landed-over", BAD)
        };
        ui.label(
            RichText::new(cat.tr_args(
                key,
                &[
                    ("max", Arg::from(money(max))),
                    ("landed", Arg::from(home_money(landed.total))),
                ],
            ))
            .color(color),
        );
    }
    if let Some(run) = run {
        let auction = &run.auction;
        let leading = auction.leader() == Some(crate::sim::c2c::BidderId(0));
        ui.label(cat.tr_args(
            if leading { "c2c-bid-leading" } else { "c2c-bid-outbid" },
            &[
                ("price", Arg::from(money(auction.current_price()))),
                ("max", Arg::from(money(run.student_max))),
                ("ends", Arg::from(when(cat, auction.closes()))),
            ],
        ));
        for h in auction.history().iter().rev() {
            let who = run
                .bidder_name(h.bidder)
                .map_or_else(|| cat.tr("c2c-bid-you"), str::to_string);
            ui.label(
                RichText::new(format!("{}  {who}  →  {}", when(cat, h.at), money(h.price)))
                    .small()
                    .color(MUTED),
            );
        }
    }
    action
}
