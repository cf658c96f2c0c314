//! Promotion: for each of the student's listings, sponsored-search bids and daily budgets,
//! time-limited deals, coupons with a budget and creators' sponsored posts; every campaign's
//! numbers (impressions, clicks, CTR, CPC, orders, CVR, sales, cost, ACoS, ROAS) with ACoS
//! judged against the listing's margin, and charts of ad spend against the sales it brought.

use egui::RichText;

use super::charts::{Mark, Series, day_chart, major};
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::market::{CampaignKind, CampaignResult, ListingTerms, Store, StudentListing, metrics};
use crate::sim::money::{BasisPoints, format_minor, parse_decimal};
use crate::sim::session::{Command, Session};

/// Promotion settings being edited (UI state).
#[derive(Debug, Clone, Default)]
pub struct PromotionDraft {
    /// The listing (SKU) being promoted; the fields below were loaded for `loaded`.
    pub sku: Option<String>,
    pub loaded: Option<String>,
    pub bid: String,
    pub budget: String,
    pub error: Option<String>,
    /// A time-limited deal being set up.
    pub deal_discount: String,
    pub deal_days: String,
    /// A coupon being set up.
    pub coupon_discount: String,
    pub coupon_budget: String,
    pub coupon_days: String,
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
    let Some(first) = store.student.first() else {
        ui.label(RichText::new(cat.tr("store-no-listing")).color(MUTED));
        return None;
    };
    let mine = draft
        .sku
        .as_deref()
        .and_then(|sku| store.student_listing(sku))
        .unwrap_or(first);
    let listing = store.listings.get(mine.id.0 as usize)?;
    if draft.loaded.as_deref() != Some(mine.sku.as_str()) {
        *draft = PromotionDraft {
            sku: Some(mine.sku.clone()),
            loaded: Some(mine.sku.clone()),
            bid: format_minor(listing.bid, exp),
            budget: format_minor(listing.daily_budget, exp),
            error: None,
            deal_discount: "20%".to_string(),
            deal_days: "3".to_string(),
            coupon_discount: "10%".to_string(),
            coupon_budget: format_minor(10_000, exp),
            coupon_days: "14".to_string(),
        };
    }
    let mut action = None;

    if store.student.len() > 1 {
        ui.horizontal(|ui| {
            ui.label(cat.tr("listing-product"));
            egui::ComboBox::from_id_salt("promo_listing_choice")
                .selected_text(mine.sku.clone())
                .show_ui(ui, |ui| {
                    for l in &store.student {
                        if ui.selectable_label(l.sku == mine.sku, l.sku.as_str()).clicked() {
                            draft.sku = Some(l.sku.clone());
                        }
                    }
                });
        });
    }

    // The margin an ad may eat: price − checkout taxes − referral fee − cost of the goods.
    let order = session.store_desk().order_margin(&market.id, &mine.sku)?;
    let margin_bp = order.share();
    // An exam leaves the margin (the break-even ACoS) for the student to work out.
    if !session.mode().hints() {
        ui.label(
            RichText::new(cat.tr_args(
                "promo-listing-exam",
                &[
                    ("sku", Arg::from(mine.sku.as_str())),
                    ("price", Arg::from(money(order.price))),
                ],
            ))
            .strong(),
        );
    }
    if session.mode().hints() {
        ui.label(
            RichText::new(cat.tr_args(
                "promo-listing",
                &[
                    ("sku", Arg::from(mine.sku.as_str())),
                    ("price", Arg::from(money(order.price))),
                    ("margin", Arg::from(money(order.margin))),
                    ("share", Arg::from(super::percent_or_dash(margin_bp))),
                ],
            ))
            .strong(),
        );
        ui.label(
            RichText::new(cat.tr_args(
                "promo-margin-how",
                &[
                    ("taxes", Arg::from(money(order.taxes))),
                    ("fee", Arg::from(money(order.fee))),
                    ("cost", Arg::from(money(order.cost))),
                    ("shipping", Arg::from(money(order.shipping))),
                ],
            ))
            .small()
            .color(MUTED),
        );
    }
    ui.add_space(6.0);

    ui.columns(2, |cols| {
        // Sponsored search.
        let ui = &mut cols[0];
        ui.label(RichText::new(cat.tr("promo-ads")).strong());
        egui::Grid::new("promo_settings_grid")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for (key, value) in [("listing-bid", &mut draft.bid), ("listing-budget", &mut draft.budget)] {
                    ui.label(cat.tr(key));
                    ui.add(egui::TextEdit::singleline(value).desired_width(100.0));
                    ui.end_row();
                }
            });
        if ui.button(RichText::new(cat.tr("promo-apply")).strong()).clicked() {
            let amount = |t: &str| {
                if t.trim().is_empty() {
                    Ok(0)
                } else {
                    parse_decimal(t, exp)
                }
            };
            match (amount(&draft.bid), amount(&draft.budget)) {
                (Ok(bid), Ok(budget)) => {
                    draft.error = None;
                    action = Some(Action::Marketplace(Box::new(Command::PublishListing {
                        market: market.id.clone(),
                        sku: mine.sku.clone(),
                        text: Box::new(mine.text.clone()),
                        terms: Box::new(ListingTerms {
                            price: listing.price,
                            add_stock: 0,
                            bid,
                            daily_budget: budget,
                            discount: mine.sale_discount,
                            shipping: mine.shipping.clone(),
                            handling_days: mine.handling_days,
                        }),
                    })));
                }
                _ => draft.error = Some(cat.tr("promo-bad-numbers")),
            }
        }

        // Deals and coupons.
        let ui = &mut cols[1];
        let today = session.day() + 1;
        ui.label(RichText::new(cat.tr("promo-deal")).strong());
        ui.horizontal(|ui| {
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
                        action = Some(Action::Marketplace(Box::new(Command::StartDeal {
                            market: market.id.clone(),
                            sku: mine.sku.clone(),
                            discount,
                            days,
                        })));
                    }
                    _ => draft.error = Some(cat.tr("promo-bad-numbers")),
                }
            }
        });
        if let Some(deal) = store.running(mine.id, today, |k| matches!(k, CampaignKind::Deal { .. }))
            && let CampaignKind::Deal { discount } = deal.kind
        {
            ui.label(
                RichText::new(cat.tr_args(
                    "promo-deal-running",
                    &[
                        ("discount", Arg::from(discount.to_string())),
                        ("day", Arg::from(deal.last_day)),
                    ],
                ))
                .small()
                .color(WARN),
            );
        }
        ui.add_space(4.0);
        ui.label(RichText::new(cat.tr("promo-coupon")).strong());
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut draft.coupon_discount).desired_width(50.0));
            ui.label(cat.tr("promo-coupon-budget"));
            ui.add(egui::TextEdit::singleline(&mut draft.coupon_budget).desired_width(70.0));
            ui.label(cat.tr("promo-coupon-for"));
            ui.add(egui::TextEdit::singleline(&mut draft.coupon_days).desired_width(30.0));
            ui.label(cat.tr("promo-deal-days"));
        });
        ui.label(
            RichText::new(cat.tr_args(
                "promo-coupon-fee",
                &[("fee", Arg::from(money(store.storefront.coupon_fee)))],
            ))
            .small()
            .color(MUTED),
        );
        if ui.button(cat.tr("promo-coupon-start")).clicked() {
            match (
                BasisPoints::parse_percent(&draft.coupon_discount),
                parse_decimal(&draft.coupon_budget, exp),
                draft.coupon_days.trim().parse::<u32>(),
            ) {
                (Ok(discount), Ok(budget), Ok(days)) => {
                    draft.error = None;
                    action = Some(Action::Marketplace(Box::new(Command::StartCoupon {
                        market: market.id.clone(),
                        sku: mine.sku.clone(),
                        discount,
                        budget,
                        days,
                    })));
                }
                _ => draft.error = Some(cat.tr("promo-bad-numbers")),
            }
        }
        if let Some(coupon) = store.running(mine.id, today, |k| matches!(k, CampaignKind::Coupon { .. }))
            && let CampaignKind::Coupon { discount, .. } = coupon.kind
        {
            ui.label(
                RichText::new(cat.tr_args(
                    "promo-coupon-running",
                    &[
                        ("discount", Arg::from(discount.to_string())),
                        ("day", Arg::from(coupon.last_day)),
                        ("left", Arg::from(money(listing.coupon_budget.max(0)))),
                    ],
                ))
                .small()
                .color(WARN),
            );
        }
    });
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    ui.add_space(6.0);
    if let Some(a) = creators(ui, cat, store, mine, &market.id, &money) {
        action = Some(a);
    }
    ui.add_space(6.0);
    campaigns(ui, cat, store, mine, margin_bp, &money);
    ui.add_space(6.0);
    ads_chart(ui, cat, store, mine, exp);
    action
}

/// The storefront's creators: reach, fit with the listing, fee, and a button to book a post.
fn creators(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    store: &Store,
    mine: &StudentListing,
    market: &str,
    money: &dyn Fn(i64) -> String,
) -> Option<Action> {
    if store.storefront.influencers.is_empty() {
        return None;
    }
    let mut action = None;
    ui.label(RichText::new(cat.tr("promo-creators")).strong());
    ui.label(RichText::new(cat.tr("promo-creators-how")).small().color(MUTED));
    egui::Grid::new("promo_creators_grid")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            super::header_row(
                ui,
                cat,
                &[
                    "promo-creator",
                    "promo-channel",
                    "promo-followers",
                    "promo-engagement",
                    "promo-fit",
                    "promo-fee",
                    "promo-post",
                ],
            );
            for creator in &store.storefront.influencers {
                let fits = creator.fits.contains(&mine.sku);
                ui.label(creator.name.as_str());
                ui.label(creator.channel.as_str());
                ui.label(creator.followers.to_string());
                ui.label(creator.engagement.to_string());
                ui.label(
                    RichText::new(cat.tr(if fits { "promo-fits" } else { "promo-off-niche" })).color(if fits {
                        GOOD
                    } else {
                        WARN
                    }),
                );
                ui.label(money(creator.fee));
                if ui.button(cat.tr("promo-book")).clicked() {
                    action = Some(Action::Marketplace(Box::new(Command::BookInfluencer {
                        market: market.to_string(),
                        sku: mine.sku.clone(),
                        influencer: creator.id.clone(),
                    })));
                }
                ui.end_row();
            }
        });
    action
}

/// Every campaign on the listing, with its numbers, and ACoS judged against the margin.
fn campaigns(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    store: &Store,
    mine: &StudentListing,
    margin: Option<BasisPoints>,
    money: &dyn Fn(i64) -> String,
) {
    ui.label(RichText::new(cat.tr("promo-campaigns")).strong());
    let mut rows: Vec<(String, String, CampaignResult)> =
        vec![(cat.tr("promo-kind-ads"), String::new(), store.ads_result(mine.id))];
    for c in store.campaigns.iter().filter(|c| c.listing == mine.id) {
        let name = match &c.kind {
            CampaignKind::Deal { discount } => {
                cat.tr_args("promo-kind-deal", &[("discount", Arg::from(discount.to_string()))])
            }
            CampaignKind::Coupon { discount, .. } => {
                cat.tr_args("promo-kind-coupon", &[("discount", Arg::from(discount.to_string()))])
            }
            CampaignKind::Social { influencer, .. } => {
                let who = store
                    .storefront
                    .influencers
                    .iter()
                    .find(|i| &i.id == influencer)
                    .map_or(influencer.as_str(), |i| i.name.as_str());
                cat.tr_args("promo-kind-post", &[("creator", Arg::from(who))])
            }
        };
        let days = if c.last_day < c.first_day {
            cat.tr("promo-cancelled")
        } else {
            format!("{}–{}", c.first_day, c.last_day)
        };
        rows.push((name, days, store.campaign_result(c)));
    }
    // Wide tables scroll sideways rather than push the last columns off the page.
    egui::ScrollArea::horizontal()
        .id_salt("promo_campaigns_grid_scroll")
        .show(ui, |ui| {
            egui::Grid::new("promo_campaigns_grid")
                .striped(true)
                .num_columns(11)
                .show(ui, |ui| {
                    super::header_row(
                        ui,
                        cat,
                        &[
                            "promo-campaign",
                            "promo-days",
                            "store-impressions",
                            "store-clicks",
                            "store-ctr",
                            "store-orders",
                            "store-cvr",
                            "store-sales",
                            "promo-cost",
                            "store-acos",
                            "store-roas",
                        ],
                    );
                    for (name, days, r) in &rows {
                        ui.label(name);
                        ui.label(days);
                        ui.label(r.impressions.to_string());
                        ui.label(r.clicks.to_string());
                        ui.label(super::percent_or_dash(metrics::ctr(r.clicks, r.impressions)));
                        ui.label(r.orders.to_string());
                        ui.label(super::percent_or_dash(metrics::cvr(r.orders, r.clicks)));
                        ui.label(money(r.sales));
                        ui.label(money(r.cost));
                        let acos = metrics::acos(r.cost, r.sales);
                        let color = match (acos, margin) {
                            (Some(a), Some(m)) if a.0 >= m.0 => BAD,
                            (Some(a), Some(m)) if a.0 * 10 >= m.0 * 8 => WARN,
                            (Some(_), Some(_)) => GOOD,
                            _ => MUTED,
                        };
                        ui.label(RichText::new(super::percent_or_dash(acos)).color(color));
                        ui.label(
                            metrics::roas_hundredths(r.sales, r.cost)
                                .map_or_else(|| "—".to_string(), |v| format_minor(v, 2)),
                        );
                        ui.end_row();
                    }
                });
        });
    if store
        .campaigns
        .iter()
        .any(|c| c.listing == mine.id && matches!(c.kind, CampaignKind::Deal { .. } | CampaignKind::Coupon { .. }))
    {
        ui.label(RichText::new(cat.tr("promo-campaigns-caveat")).small().color(MUTED));
    }
    // The sponsored ads judged against the margin.
    let ads = store.ads_result(mine.id);
    if let (Some(acos), Some(m)) = (metrics::acos(ads.cost, ads.sales), margin) {
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
}

/// Ad spend against ad sales and creators' sales, day by day, for the listing.
fn ads_chart(ui: &mut egui::Ui, cat: &Catalogue, store: &Store, mine: &StudentListing, exp: u32) {
    let days: Vec<_> = store
        .history
        .iter()
        .filter_map(|(d, s)| s.listings.get(mine.id.0 as usize).map(|l| (*d, *l)))
        .collect();
    ui.label(RichText::new(cat.tr("promo-chart")).strong());
    if days.is_empty() {
        ui.label(RichText::new(cat.tr("store-no-days")).color(MUTED));
        return;
    }
    let series = [
        Series::new(
            cat.tr("promo-ad-sales"),
            GOOD,
            Mark::Bars,
            days.iter().map(|(d, l)| (*d, major(l.ad_sales, exp))).collect(),
        ),
        Series::new(
            cat.tr("promo-social-sales"),
            ACCENT,
            Mark::Bars,
            days.iter().map(|(d, l)| (*d, major(l.social_sales, exp))).collect(),
        ),
        Series::new(
            cat.tr("store-ad-spend"),
            WARN,
            Mark::Line,
            days.iter().map(|(d, l)| (*d, major(l.ad_spend, exp))).collect(),
        ),
        Series::new(
            cat.tr("promo-coupon-cost"),
            BAD,
            Mark::Line,
            days.iter()
                .map(|(d, l)| (*d, major(l.coupon_discount + l.coupon_fees, exp)))
                .collect(),
        ),
    ];
    day_chart(
        ui,
        "promo_ads_chart",
        &cat.tr("store-day"),
        &cat.tr("store-money-axis"),
        &series,
        180.0,
    );
}
