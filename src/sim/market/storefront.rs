//! A market's validated marketplace: platform rules and fees, search keywords, seasons and the
//! AI competitors' starting listings.

use crate::scenario::file::{CompetitorPricing, StorefrontDef, Text};
use crate::sim::check::Checker;
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros};

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
}

/// The marketplace of one market.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storefront {
    pub platform: String,
    pub title_limit: u32,
    pub referral_fee: BasisPoints,
    pub payout_fee: BasisPoints,
    pub required_attributes: Vec<String>,
    pub banned_words: Vec<String>,
    pub keywords: Vec<Keyword>,
    pub seasons: Vec<Season>,
    pub competitors: Vec<Competitor>,
    /// Share of orders returned for a refund.
    pub return_rate: BasisPoints,
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
            let in_market = |c: &mut Checker, field: &str, m: &crate::scenario::file::MoneyDef| {
                let money = c.money(&format!("{cp}.{field}"), m, false)?;
                if Some(money.currency) != currency {
                    c.error(
                        &format!("{cp}.{field}.currency"),
                        format!(
                            "{} is not the market's currency{}",
                            money.currency,
                            currency.map_or_else(String::new, |m| format!(" ({m})"))
                        ),
                        Some("competitors sell in the market's currency"),
                    );
                    return None;
                }
                Some(money.minor)
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
                });
            }
        }
        Some(Self {
            platform: def.platform.clone(),
            title_limit: def.title_limit,
            referral_fee: referral_fee?,
            payout_fee: payout_fee?,
            required_attributes: def.required_attributes.clone(),
            banned_words: def.banned_words.clone(),
            keywords,
            seasons,
            competitors,
            return_rate: return_rate?,
        })
    }
}
