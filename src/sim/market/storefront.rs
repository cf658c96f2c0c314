//! A market's validated marketplace: platform rules and fees, search keywords, seasons and the
//! AI competitors' starting listings.

use crate::scenario::file::{MoneyDef, StorefrontDef};

use crate::sim::check::Checker;
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money};
use crate::sim::terms::{CompetitorPricing, ShippingKind, Text};

use super::listing::Keyword;

/// A period with more (or fewer) shoppers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    pub name: Text,
    pub from: Date,
    pub to: Date,
    /// Shoppers as a share of a normal day (10,000 = 100%).
    pub traffic: BasisPoints,
}

/// An AI competitor's starting listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competitor {
    pub id: String,
    pub name: String,
    pub sku: String,
    pub price: i64,
    pub rating_tenths: u16,
    pub reviews: u32,
    pub stock: u32,
    pub quality: u16,
    pub keywords: u64,
    pub bid: i64,
    pub daily_budget: i64,
    pub pricing: CompetitorPricing,
    pub delivery_days: u16,
}

/// A way to get the student's parcels to buyers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingOption {
    pub id: String,
    pub kind: ShippingKind,
    pub name: Text,
    pub cost_per_parcel: Money,
    pub transit_days: u16,
    /// Overseas warehouse: freight per unit sent in and the days it takes (zero otherwise).
    pub inbound_per_unit: Option<Money>,
    pub inbound_days: u32,
}

impl ShippingOption {
    /// Days from order to door: the seller's handling time plus transit (a warehouse ships the
    /// same day, so handling does not apply).
    pub fn delivery_days(&self, handling_days: u32) -> u16 {
        match self.kind {
            ShippingKind::OverseasWarehouse => self.transit_days,
            ShippingKind::Postal | ShippingKind::Express => self
                .transit_days
                .saturating_add(u16::try_from(handling_days).unwrap_or(u16::MAX)),
        }
    }
}

/// A creator who can promote a listing off the marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Influencer {
    pub id: String,
    pub name: String,
    pub channel: String,
    pub followers: u32,
    pub engagement: BasisPoints,
    /// Fee per sponsored post, market currency minor units.
    pub fee: i64,
    /// SKUs their audience cares about.
    pub fits: Vec<String>,
}

/// A referral-fee category with its price bands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFee {
    pub category: String,
    pub products: Vec<String>,
    /// (highest price of the band, rate), ascending; the last band has no limit.
    pub bands: Vec<(Option<i64>, BasisPoints)>,
    pub by_portion: bool,
    pub source: String,
    pub unverified: String,
}

impl Storefront {
    /// The referral fee on one unit of `sku` sold at the VAT-inclusive `price`: its category's
    /// bands, or the flat `referral_fee`.
    pub fn referral_fee_on(&self, sku: &str, price: i64) -> i64 {
        match self.fee_category(sku) {
            Some(category) => category.on(price),
            None => self.referral_fee.of(price),
        }
    }

    /// The fee category that lists `sku`, if any.
    pub fn fee_category(&self, sku: &str) -> Option<&ReferralFee> {
        self.referral_fees.iter().find(|f| f.products.iter().any(|p| p == sku))
    }
}

impl ReferralFee {
    /// The fee on one unit sold at the VAT-inclusive `price`.
    pub fn on(&self, price: i64) -> i64 {
        if self.by_portion {
            let mut fee = 0i64;
            let mut floor = 0i64;
            for (up_to, rate) in &self.bands {
                let top = up_to.unwrap_or(i64::MAX).min(price);
                if top > floor {
                    fee = fee.saturating_add(rate.of(top - floor));
                }
                floor = up_to.unwrap_or(i64::MAX);
                if floor >= price {
                    break;
                }
            }
            fee
        } else {
            let rate = self
                .bands
                .iter()
                .find(|(up_to, _)| up_to.is_none_or(|u| price <= u))
                .map_or(BasisPoints(0), |(_, r)| *r);
            rate.of(price)
        }
    }

    /// `5% up to 15.00, 10% up to 20.00, 15% above` (amounts in minor units formatted by
    /// `money`).
    pub fn describe(&self, money: impl Fn(i64) -> String) -> String {
        let bands: Vec<String> = self
            .bands
            .iter()
            .map(|(up_to, rate)| match up_to {
                Some(u) => format!("{rate} up to {}", money(*u)),
                None if self.bands.len() == 1 => rate.to_string(),
                None => format!("{rate} above"),
            })
            .collect();
        let how = if self.by_portion && self.bands.len() > 1 {
            " (each portion of the price at its own rate)"
        } else {
            ""
        };
        format!("{}: {}{how}", self.category, bands.join(", "))
    }
}

/// The marketplace of one market.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storefront {
    pub platform: String,
    pub title_limit: u32,
    pub referral_fee: BasisPoints,
    /// Referral fees by category, for the products they list.
    pub referral_fees: Vec<ReferralFee>,
    /// What in the fees is illustrative, to show next to them.
    pub illustrative_fees: Option<crate::sim::terms::Text>,
    pub payout_fee: BasisPoints,
    pub required_attributes: Vec<String>,
    pub banned_words: Vec<String>,
    pub keywords: Vec<Keyword>,
    pub seasons: Vec<Season>,
    pub competitors: Vec<Competitor>,
    /// Share of orders returned for a refund.
    pub return_rate: BasisPoints,
    pub shipping: Vec<ShippingOption>,
    /// Fee per redeemed coupon, market currency minor units.
    pub coupon_fee: i64,
    pub influencers: Vec<Influencer>,
    /// The instructor's model listing text per product (images are the product's).
    pub model_listings: Vec<(String, crate::sim::market::ListingText)>,
}

impl Storefront {
    /// Shoppers' traffic on `date` as a share of a normal day: the strongest season in force.
    pub fn traffic_on(&self, date: Date) -> BasisPoints {
        self.seasons
            .iter()
            .filter(|s| s.from <= date && date <= s.to)
            .map(|s| s.traffic)
            .max()
            .unwrap_or(BasisPoints(10_000))
    }

    /// Validates the marketplace of market `p`, whose prices are in `currency`.
    pub fn validate(
        c: &mut Checker,
        p: &str,
        def: &StorefrontDef,
        currency: Option<CurrencyCode>,
        skus: &[&str],
    ) -> Option<Self> {
        if !(20..=500).contains(&def.title_limit) {
            c.error(
                &format!("{p}.title_limit"),
                format!("a title limit of {} characters is not plausible", def.title_limit),
                Some("marketplaces allow 80 to 200 characters, e.g. 200"),
            );
        }
        let referral_fee = c.percent(&format!("{p}.referral_fee"), &def.referral_fee, 0, 5_000);
        let mut referral_fees = Vec::new();
        let mut categorised: Vec<&str> = Vec::new();
        for (i, f) in def.referral_fees.iter().enumerate() {
            let fp = format!("{p}.referral_fees[{i}]");
            if f.source.trim().is_empty() {
                c.error(
                    &format!("{fp}.source"),
                    "a fee needs its source",
                    Some("name the rate card, e.g. \"Amazon.de fee schedule, 15 December 2025\""),
                );
            }
            for (j, sku) in f.products.iter().enumerate() {
                c.reference(&format!("{fp}.products[{j}]"), "product", sku, skus.iter().copied());
                if categorised.contains(&sku.as_str()) {
                    c.error(
                        &format!("{fp}.products[{j}]"),
                        format!("{sku} is in two fee categories"),
                        Some("list each product in one category"),
                    );
                }
                categorised.push(sku);
            }
            if f.bands.is_empty() {
                c.error(
                    &format!("{fp}.bands"),
                    "no fee bands",
                    Some("add at least `(rate: \"15%\")`"),
                );
            }
            let mut bands = Vec::new();
            let mut last: Option<i64> = None;
            for (j, b) in f.bands.iter().enumerate() {
                let bp = format!("{fp}.bands[{j}]");
                let rate = c.percent(&format!("{bp}.rate"), &b.rate, 0, 5_000);
                let up_to = match (&b.up_to, currency) {
                    (Some(text), Some(code)) => match crate::sim::money::parse_amount(text, c.exponent_of(code)) {
                        Ok(v) if v > 0 && last.is_none_or(|l| v > l) => Some(v),
                        _ => {
                            c.error(
                                &format!("{bp}.up_to"),
                                format!("`{text}` is not a price above the band before"),
                                Some("bands rise: e.g. \"15.00\", then \"20.00\", then none"),
                            );
                            None
                        }
                    },
                    _ => None,
                };
                let is_last = j + 1 == f.bands.len();
                if b.up_to.is_none() != is_last {
                    c.error(
                        &format!("{bp}.up_to"),
                        "only the last band has no `up_to`",
                        Some("give every band but the last its highest price"),
                    );
                }
                last = up_to.or(last);
                if let Some(rate) = rate {
                    bands.push((up_to, rate));
                }
            }
            referral_fees.push(ReferralFee {
                category: f.category.clone(),
                products: f.products.clone(),
                bands,
                by_portion: f.by_portion,
                source: f.source.clone(),
                unverified: f.unverified.clone(),
            });
        }
        let payout_fee = c.percent(&format!("{p}.payout_fee"), &def.payout_fee, 0, 1_000);
        let return_rate = match &def.return_rate {
            Some(text) => c.percent(&format!("{p}.return_rate"), text, 0, 5_000),
            None => Some(BasisPoints(0)),
        };
        if def.keywords.is_empty() || def.keywords.len() > 64 {
            c.error(
                &format!("{p}.keywords"),
                format!("{} keywords", def.keywords.len()),
                Some("list 1 to 64 search keywords with their monthly searches"),
            );
        }
        c.unique(
            &format!("{p}.keywords"),
            "text",
            "keyword",
            def.keywords.iter().map(|k| k.text.as_str()),
        );
        let keywords: Vec<Keyword> = def
            .keywords
            .iter()
            .map(|k| Keyword {
                text: k.text.trim().to_lowercase(),
                volume: k.monthly_searches,
            })
            .collect();
        let mut seasons = Vec::new();
        for (i, s) in def.seasons.iter().enumerate() {
            let sp = format!("{p}.seasons[{i}]");
            c.text(&format!("{sp}.name"), &s.name);
            let from = c.date(&format!("{sp}.from"), &s.from);
            let to = c.date(&format!("{sp}.to"), &s.to);
            let traffic = c.percent(&format!("{sp}.traffic"), &s.traffic, 0, 100_000);
            if let (Some(from), Some(to)) = (from, to)
                && to < from
            {
                c.error(
                    &format!("{sp}.to"),
                    format!("{to} is before {from}"),
                    Some("a season ends after it starts"),
                );
            }
            if let (Some(from), Some(to), Some(traffic)) = (from, to, traffic) {
                seasons.push(Season {
                    name: s.name.clone(),
                    from,
                    to,
                    traffic,
                });
            }
        }
        c.unique(
            &format!("{p}.competitors"),
            "id",
            "competitor id",
            def.competitors.iter().map(|x| x.id.as_str()),
        );
        let mut competitors = Vec::new();
        for (i, d) in def.competitors.iter().enumerate() {
            let cp = format!("{p}.competitors[{i}]");
            c.id(&format!("{cp}.id"), &d.id);
            c.reference(&format!("{cp}.product"), "product", &d.product, skus.iter().copied());
            let in_market = |c: &mut Checker, field: &str, m: &MoneyDef| {
                in_market_currency(
                    c,
                    &format!("{cp}.{field}"),
                    m,
                    currency,
                    "competitors sell in the market's currency",
                )
            };
            let price = in_market(c, "price", &d.price);
            let bid = match &d.bid {
                Some(b) => in_market(c, "bid", b),
                None => Some(0),
            };
            let daily_budget = match &d.daily_budget {
                Some(b) => in_market(c, "daily_budget", b),
                None => Some(0),
            };
            if d.bid.is_some() != d.daily_budget.is_some() {
                c.error(
                    &cp,
                    "a bid needs a daily budget, and a budget a bid",
                    Some("give both `bid` and `daily_budget`, or neither"),
                );
            }
            let rating = c.decimal(&format!("{cp}.rating"), &d.rating, Micros(0), Micros(5_000_000));
            if rating.is_some_and(|r| r.0 % 100_000 != 0) {
                c.error(
                    &format!("{cp}.rating"),
                    "ratings have one decimal",
                    Some("e.g. \"4.3\""),
                );
            }
            if d.quality > 1000 {
                c.error(&format!("{cp}.quality"), "quality is 0 to 1000", None);
            }
            let mut mask = 0u64;
            for (j, k) in d.keywords.iter().enumerate() {
                let wanted = k.trim().to_lowercase();
                match keywords.iter().position(|x| x.text == wanted) {
                    Some(index) if index < 64 => mask |= 1 << index,
                    _ => {
                        c.reference(
                            &format!("{cp}.keywords[{j}]"),
                            "keyword",
                            k,
                            def.keywords.iter().map(|x| x.text.as_str()),
                        );
                    }
                }
            }
            if let (Some(price), Some(bid), Some(daily_budget), Some(rating)) = (price, bid, daily_budget, rating) {
                competitors.push(Competitor {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    sku: d.product.clone(),
                    price,
                    rating_tenths: (rating.0 / 100_000) as u16,
                    reviews: d.reviews,
                    stock: d.stock,
                    quality: d.quality.min(1000),
                    keywords: mask,
                    bid,
                    daily_budget,
                    pricing: d.pricing,
                    delivery_days: u16::try_from(d.delivery_days.unwrap_or(2)).unwrap_or(u16::MAX),
                });
            }
            if d.delivery_days.is_some_and(|days| !(1..=60).contains(&days)) {
                c.error(
                    &format!("{cp}.delivery_days"),
                    "delivery takes 1 to 60 days",
                    Some("e.g. 2 from a local warehouse, 12 by post from China"),
                );
            }
        }
        let shipping = validate_shipping(c, p, def);
        let coupon_fee = match &def.coupon_fee {
            Some(m) => in_market_currency(
                c,
                &format!("{p}.coupon_fee"),
                m,
                currency,
                "the platform charges its fees in the market's currency",
            ),
            None => Some(0),
        };
        c.unique(
            &format!("{p}.influencers"),
            "id",
            "influencer id",
            def.influencers.iter().map(|x| x.id.as_str()),
        );
        let mut influencers = Vec::new();
        for (i, d) in def.influencers.iter().enumerate() {
            let ip = format!("{p}.influencers[{i}]");
            c.id(&format!("{ip}.id"), &d.id);
            let engagement = c.percent(&format!("{ip}.engagement"), &d.engagement, 1, 5_000);
            let fee = in_market_currency(
                c,
                &format!("{ip}.fee"),
                &d.fee,
                currency,
                "creators are paid in the market's currency",
            );
            for (j, sku) in d.fits.iter().enumerate() {
                c.reference(&format!("{ip}.fits[{j}]"), "product", sku, skus.iter().copied());
            }
            if d.followers == 0 {
                c.error(&format!("{ip}.followers"), "no followers", Some("e.g. 25000"));
            }
            if let (Some(engagement), Some(fee)) = (engagement, fee) {
                influencers.push(Influencer {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    channel: d.channel.clone(),
                    followers: d.followers,
                    engagement,
                    fee,
                    fits: d.fits.clone(),
                });
            }
        }
        let mut model_listings = Vec::new();
        for (i, d) in def.model_listings.iter().enumerate() {
            let mp = format!("{p}.model_listings[{i}]");
            c.reference(&format!("{mp}.product"), "product", &d.product, skus.iter().copied());
            let length = d.title.chars().count();
            if d.title.trim().is_empty() || length > def.title_limit as usize {
                c.error_hint(
                    &format!("{mp}.title"),
                    format!("a model title of {length} characters"),
                    format!("write a title of 1 to {} characters", def.title_limit),
                );
            }
            model_listings.push((
                d.product.clone(),
                crate::sim::market::ListingText {
                    title: d.title.clone(),
                    bullets: d.bullets.clone(),
                    description: d.description.clone(),
                    search_terms: d.search_terms.clone(),
                    attributes: d.attributes.clone(),
                    images: Vec::new(),
                },
            ));
        }
        c.unique(
            &format!("{p}.model_listings"),
            "product",
            "model listing product",
            def.model_listings.iter().map(|m| m.product.as_str()),
        );
        Some(Self {
            platform: def.platform.clone(),
            title_limit: def.title_limit,
            referral_fee: referral_fee?,
            referral_fees,
            illustrative_fees: def.illustrative_fees.clone(),
            payout_fee: payout_fee?,
            required_attributes: def.required_attributes.clone(),
            banned_words: def.banned_words.clone(),
            keywords,
            seasons,
            competitors,
            return_rate: return_rate?,
            shipping: shipping?,
            coupon_fee: coupon_fee?,
            influencers,
            model_listings,
        })
    }

    /// The shipping option with this id.
    pub fn shipping_option(&self, id: &str) -> Option<&ShippingOption> {
        self.shipping.iter().find(|o| o.id == id)
    }
}

/// Money that must be in the market's currency (competitors' prices, platform fees).
fn in_market_currency(
    c: &mut Checker,
    path: &str,
    def: &MoneyDef,
    currency: Option<CurrencyCode>,
    hint: &str,
) -> Option<i64> {
    let money = c.money(path, def, false)?;
    if Some(money.currency) != currency {
        c.error(
            &format!("{path}.currency"),
            format!(
                "{} is not the market's currency{}",
                money.currency,
                currency.map_or_else(String::new, |m| format!(" ({m})"))
            ),
            Some(hint),
        );
        return None;
    }
    Some(money.minor)
}

/// The shipping options: at least one; a warehouse needs its inbound freight and days, a
/// direct option must not have them.
fn validate_shipping(c: &mut Checker, p: &str, def: &StorefrontDef) -> Option<Vec<ShippingOption>> {
    if def.shipping.is_empty() {
        c.error(
            &format!("{p}.shipping"),
            "no shipping options",
            Some("list at least one, e.g. (id: \"postal\", kind: Postal, name: (en: \"China Post\", zh: \"中国邮政\"), cost_per_parcel: (currency: \"CNY\", amount: \"28.00\"), transit_days: 12)"),
        );
        return None;
    }
    c.unique(
        &format!("{p}.shipping"),
        "id",
        "shipping option id",
        def.shipping.iter().map(|x| x.id.as_str()),
    );
    let mut options = Vec::new();
    let mut complete = true;
    for (i, d) in def.shipping.iter().enumerate() {
        let sp = format!("{p}.shipping[{i}]");
        c.id(&format!("{sp}.id"), &d.id);
        c.text(&format!("{sp}.name"), &d.name);
        let cost = c.money(&format!("{sp}.cost_per_parcel"), &d.cost_per_parcel, false);
        if !(1..=90).contains(&d.transit_days) {
            c.error(
                &format!("{sp}.transit_days"),
                format!("{} days in transit is not plausible", d.transit_days),
                Some("1 to 90 days, e.g. 12 for a postal small packet, 4 by express"),
            );
        }
        let warehouse = d.kind == ShippingKind::OverseasWarehouse;
        let inbound = match (&d.inbound_per_unit, d.inbound_days, warehouse) {
            (Some(m), Some(days), true) => {
                if !(1..=120).contains(&days) {
                    c.error(
                        &format!("{sp}.inbound_days"),
                        format!("{days} days to reach the warehouse is not plausible"),
                        Some("1 to 120 days, e.g. 35 by sea from Shenzhen to Germany"),
                    );
                }
                c.money(&format!("{sp}.inbound_per_unit"), m, false)
                    .map(|m| (Some(m), days))
            }
            (_, _, true) => {
                c.error(
                    &sp,
                    "an overseas warehouse needs `inbound_per_unit` and `inbound_days`",
                    Some("e.g. inbound_per_unit: (currency: \"CNY\", amount: \"6.00\"), inbound_days: 35"),
                );
                None
            }
            (None, None, false) => Some((None, 0)),
            (_, _, false) => {
                c.error(
                    &sp,
                    "only an OverseasWarehouse option has inbound freight",
                    Some("remove `inbound_per_unit` and `inbound_days`, or make the kind OverseasWarehouse"),
                );
                None
            }
        };
        match (cost, inbound) {
            (Some(cost), Some((inbound_per_unit, inbound_days))) => options.push(ShippingOption {
                id: d.id.clone(),
                kind: d.kind,
                name: d.name.clone(),
                cost_per_parcel: cost,
                transit_days: u16::try_from(d.transit_days).unwrap_or(u16::MAX),
                inbound_per_unit,
                inbound_days,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(options)
}
