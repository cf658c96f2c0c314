//! A market's store as the session runs it day by day: the AI competitors' and the student's
//! listings, competitor repricing, reviews and sales velocity that feed back into ranking, and
//! the history of every day's numbers.

use crate::sim::said::Said;
use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::sim::money::BasisPoints;
use crate::sim::terms::{CompetitorPricing, ShippingKind};

use super::day::{DayDemand, DayStats, simulate_day};
use super::listing::{Keyword, Listing, ListingId, Seller};
use super::quality::{ListingRules, ListingText, QualityReport, score_listing};
use crate::sim::scenario::storefront::Storefront;

/// Share of orders that leave a review.
pub const REVIEW_RATE: f64 = 0.05;

/// The student's money on one store day, in the market currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoreMoney {
    pub day: u32,
    pub sales: i64,
    /// Refunds for returned orders.
    pub refunds: i64,
    pub taxes: i64,
    pub referral_fees: i64,
    pub ad_spend: i64,
    pub payout_fee: i64,
    /// Cost of the goods sold (with any head-haul freight to the warehouse), converted at the
    /// day's rate.
    pub goods_cost: i64,
    /// Postage, courier or warehouse fulfilment for every parcel sent (returned ones too).
    pub shipping: i64,
    /// The platform's fees for redeemed coupons.
    pub coupon_fees: i64,
    /// Creators' fees for posts that went live that day.
    pub social_fees: i64,
}

impl StoreMoney {
    /// What the day earned after every tax, fee, ad, promotion, parcel and the goods' cost.
    pub fn profit(&self) -> i64 {
        self.sales
            - self.refunds
            - self.taxes
            - self.referral_fees
            - self.ad_spend
            - self.payout_fee
            - self.goods_cost
            - self.shipping
            - self.coupon_fees
            - self.social_fees
    }
}

/// What the student sets on a listing besides its text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListingTerms {
    /// VAT-inclusive price in the market's currency, minor units.
    pub price: i64,
    /// Units to buy and add (for an overseas warehouse they arrive after its inbound days).
    pub add_stock: u32,
    /// Sponsored-search bid per click and daily budget (0 = no ads), minor units.
    pub bid: i64,
    pub daily_budget: i64,
    /// A standing sale-price cut.
    pub discount: BasisPoints,
    /// The storefront's shipping option.
    pub shipping: String,
    /// Days the seller takes to hand a parcel over (direct shipping), 1 to 10.
    pub handling_days: u32,
}

/// Why the store cannot take a listing as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingError {
    #[error("price must be above zero, bid and budget not negative, sale discount 0% to 90%")]
    BadNumbers,
    #[error("there is no shipping option `{0}` on this storefront")]
    NoShippingOption(String),
    #[error("handling time is 1 to 10 days")]
    BadHandling,
    #[error("{0} units are in the overseas warehouse or on their way there: sell them before shipping {1} direct")]
    StockInWarehouse(u32, String),
    #[error("publish a listing of {0} first")]
    NotListed(String),
    #[error("{0}")]
    BadCampaign(&'static str),
    #[error("there is no creator `{0}` on this storefront")]
    NoInfluencer(String),
}

impl ListingError {
    /// Why, in the reader's language.
    pub fn said(&self) -> Said {
        match self {
            ListingError::BadNumbers => Said::new("refused-listing-numbers"),
            ListingError::NoShippingOption(id) => Said::new("refused-no-shipping-option").with("option", id.as_str()),
            ListingError::BadHandling => Said::new("refused-handling-b2c"),
            ListingError::StockInWarehouse(units, sku) => Said::new("refused-stock-in-warehouse")
                .with("units", *units)
                .with("sku", sku.as_str()),
            ListingError::NotListed(sku) => Said::new("refused-not-listed").with("sku", sku.as_str()),
            ListingError::BadCampaign(why) => crate::sim::said::refusal(why),
            ListingError::NoInfluencer(id) => Said::new("refused-no-creator").with("creator", id.as_str()),
        }
    }
}

/// What publishing a listing will cost besides the goods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishPlan {
    /// Units to send to the overseas warehouse (new stock plus any stock moved there).
    pub inbound_units: u32,
    /// Head-haul freight per unit, if the option has one.
    pub inbound_per_unit: Option<crate::sim::money::Money>,
}

/// A listing the student published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentListing {
    pub id: ListingId,
    pub sku: String,
    pub text: ListingText,
    pub quality: QualityReport,
    /// The shipping option's id and the handling days.
    pub shipping: String,
    pub handling_days: u32,
    /// The standing sale-price cut (a deal overrides it while it runs).
    pub sale_discount: BasisPoints,
}

/// Stock on its way to the overseas warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboundShipment {
    pub listing: ListingId,
    /// The store day it goes on sale.
    pub arrives: u32,
    pub units: u32,
}

/// Share of a sponsored post's visitors arriving on each of its days (sums to 100%).
pub const POST_DECAY: [u32; 5] = [40, 25, 15, 12, 8];
/// Share of a post's engaged viewers who follow its link to the listing.
pub const POST_LINK_SHARE: BasisPoints = BasisPoints(1_500);
/// A post for a product outside the creator's niche reaches this share of the buyers.
pub const OFF_NICHE: BasisPoints = BasisPoints(2_500);

/// What a promotion campaign is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CampaignKind {
    /// A time-limited deal: the discount off the price, with a deal badge.
    Deal { discount: BasisPoints },
    /// A clip-on coupon with a budget for discounts plus the platform's fees.
    Coupon { discount: BasisPoints, budget: i64 },
    /// A creator's sponsored post: its fee, engaged viewers and visitors sent per day.
    Social {
        influencer: String,
        fee: i64,
        engaged: u32,
        visits: Vec<u32>,
    },
}

/// A promotion on one listing over a run of store days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub kind: CampaignKind,
    pub listing: ListingId,
    pub first_day: u32,
    /// Last scheduled day (a coupon can run out of budget before).
    pub last_day: u32,
}

/// A campaign's (or the sponsored ads') numbers so far, market currency minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CampaignResult {
    pub days: u32,
    /// Search impressions (ads), impressions while running (deal, coupon) or engaged viewers
    /// (social).
    pub impressions: u32,
    pub clicks: u32,
    pub orders: u32,
    pub sales: i64,
    /// Ad spend, discounts given plus fees, or the creator's fee.
    pub cost: i64,
}

/// What a market's day changed on one listing: its price (competitors reprice), stock (sold,
/// returned, restocked), coupon (it comes off when its budget is spent), rating and reviews,
/// and sales velocity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListingAfterDay {
    pub price: i64,
    pub stock: u32,
    pub coupon: BasisPoints,
    pub coupon_budget: i64,
    pub rating_tenths: u16,
    pub reviews: u32,
    pub sales_7d: u32,
}

impl ListingAfterDay {
    fn of(listing: &Listing) -> Self {
        Self {
            price: listing.price,
            stock: listing.stock,
            coupon: listing.coupon,
            coupon_budget: listing.coupon_budget,
            rating_tenths: listing.rating_tenths,
            reviews: listing.reviews,
            sales_7d: listing.sales_7d,
        }
    }

    fn apply_to(self, listing: &mut Listing) {
        listing.price = self.price;
        listing.stock = self.stock;
        listing.coupon = self.coupon;
        listing.coupon_budget = self.coupon_budget;
        listing.rating_tenths = self.rating_tenths;
        listing.reviews = self.reviews;
        listing.sales_7d = self.sales_7d;
    }
}

/// What a shared market's day did to one store in one marketplace: each of its listings (the
/// competitors' first, then its own, as in [`Store::listings`]) and the day's numbers for each.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SharedDayResult {
    /// The market's id.
    pub market: String,
    pub listings: Vec<ListingAfterDay>,
    pub stats: DayStats,
}

/// One market's store.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub market: String,
    pub storefront: Storefront,
    /// Competitors first (in scenario order), then the student's listings.
    pub listings: Vec<Listing>,
    pub student: Vec<StudentListing>,
    /// (day, stats) for every simulated day.
    pub history: Vec<(u32, DayStats)>,
    /// The student's money per day (market currency), booked by the session.
    pub money: Vec<StoreMoney>,
    /// Deals, coupons and creators' posts, in the order they were started.
    pub campaigns: Vec<Campaign>,
    /// Stock on its way to the overseas warehouse.
    pub inbound: Vec<InboundShipment>,
    /// Orders per listing for the last 7 days, newest last.
    recent_orders: Vec<Vec<u32>>,
    /// Competitors' starting prices (for their repricing floors) and stock (for restocking).
    base_prices: Vec<i64>,
    base_stock: Vec<u32>,
    pricing: Vec<CompetitorPricing>,
}

impl Store {
    /// Opens the store with the competitors' listings; `reference_price(sku)` is the market's
    /// reference price for a product (0 if unknown).
    pub fn open(market: &str, storefront: &Storefront, reference_price: impl Fn(&str) -> i64) -> Self {
        let listings: Vec<Listing> = storefront
            .competitors
            .iter()
            .enumerate()
            .map(|(i, c)| Listing {
                id: ListingId(i as u32),
                seller: Seller::Competitor(i as u16),
                price: c.price,
                discount: BasisPoints(0),
                deal: false,
                coupon: BasisPoints(0),
                coupon_budget: 0,
                delivery_days: c.delivery_days,
                reference_price: reference_price(&c.sku).max(1),
                quality: c.quality,
                rating_tenths: c.rating_tenths,
                reviews: c.reviews,
                stock: c.stock,
                sales_7d: 0,
                keywords: c.keywords,
                bid: c.bid,
                daily_budget: c.daily_budget,
            })
            .collect();
        Self {
            market: market.to_string(),
            storefront: storefront.clone(),
            recent_orders: vec![Vec::new(); listings.len()],
            base_prices: storefront.competitors.iter().map(|c| c.price).collect(),
            base_stock: storefront.competitors.iter().map(|c| c.stock).collect(),
            pricing: storefront.competitors.iter().map(|c| c.pricing).collect(),
            listings,
            student: Vec::new(),
            history: Vec::new(),
            money: Vec::new(),
            campaigns: Vec::new(),
            inbound: Vec::new(),
        }
    }

    pub fn keywords(&self) -> &[Keyword] {
        &self.storefront.keywords
    }

    pub fn rules(&self) -> ListingRules {
        ListingRules {
            title_limit: self.storefront.title_limit as usize,
            required_attributes: self.storefront.required_attributes.clone(),
            banned: self.storefront.banned_words.clone(),
        }
    }

    /// The student's listing of `sku`.
    pub fn student_listing(&self, sku: &str) -> Option<&StudentListing> {
        self.student.iter().find(|l| l.sku == sku)
    }

    /// Units of a listing on their way to the warehouse.
    pub fn inbound_units(&self, listing: ListingId) -> u32 {
        self.inbound
            .iter()
            .filter(|s| s.listing == listing)
            .map(|s| s.units)
            .sum()
    }

    /// Checks a listing's terms and works out what they will cost besides the goods; changes
    /// nothing.
    pub fn plan_publish(&self, sku: &str, terms: &ListingTerms) -> Result<PublishPlan, ListingError> {
        if terms.price <= 0 || terms.bid < 0 || terms.daily_budget < 0 || !(0..=9_000).contains(&terms.discount.0) {
            return Err(ListingError::BadNumbers);
        }
        if !(1..=10).contains(&terms.handling_days) {
            return Err(ListingError::BadHandling);
        }
        let option = self
            .storefront
            .shipping_option(&terms.shipping)
            .ok_or_else(|| ListingError::NoShippingOption(terms.shipping.clone()))?;
        let warehouse = option.kind == ShippingKind::OverseasWarehouse;
        let existing = self.student_listing(sku);
        let was_warehouse = existing
            .and_then(|l| self.storefront.shipping_option(&l.shipping))
            .is_some_and(|o| o.kind == ShippingKind::OverseasWarehouse);
        let (on_hand, on_way) = existing.map_or((0, 0), |l| {
            (
                self.listings.get(l.id.0 as usize).map_or(0, |x| x.stock),
                self.inbound_units(l.id),
            )
        });
        if was_warehouse && !warehouse && on_hand.saturating_add(on_way) > 0 {
            return Err(ListingError::StockInWarehouse(
                on_hand.saturating_add(on_way),
                sku.to_string(),
            ));
        }
        // Moving to the warehouse sends the stock held in China there too.
        let moved = if warehouse && !was_warehouse { on_hand } else { 0 };
        Ok(PublishPlan {
            inbound_units: if warehouse {
                terms.add_stock.saturating_add(moved)
            } else {
                0
            },
            inbound_per_unit: option.inbound_per_unit,
        })
    }

    /// Publishes (or, for a SKU already listed, updates) the student's listing on store day
    /// `today`; returns its id. New stock goes on sale at once, or after the warehouse's inbound
    /// days.
    pub fn publish(
        &mut self,
        sku: &str,
        text: ListingText,
        terms: &ListingTerms,
        reference_price: i64,
        today: u32,
    ) -> Result<ListingId, ListingError> {
        let plan = self.plan_publish(sku, terms)?;
        let option = self
            .storefront
            .shipping_option(&terms.shipping)
            .ok_or_else(|| ListingError::NoShippingOption(terms.shipping.clone()))?
            .clone();
        let delivery_days = option.delivery_days(terms.handling_days);
        let quality = score_listing(&text, &self.storefront.keywords, &self.rules());
        let id = match self.student.iter().position(|l| l.sku == sku) {
            Some(index) => {
                let existing = &mut self.student[index];
                existing.text = text;
                existing.quality = quality.clone();
                existing.shipping = terms.shipping.clone();
                existing.handling_days = terms.handling_days;
                existing.sale_discount = terms.discount;
                existing.id
            }
            None => {
                let id = ListingId(self.listings.len() as u32);
                self.listings.push(Listing {
                    id,
                    seller: Seller::Student,
                    price: terms.price,
                    discount: BasisPoints(0),
                    deal: false,
                    coupon: BasisPoints(0),
                    coupon_budget: 0,
                    delivery_days,
                    reference_price: reference_price.max(1),
                    quality: 0,
                    rating_tenths: 0,
                    reviews: 0,
                    stock: 0,
                    sales_7d: 0,
                    keywords: 0,
                    bid: 0,
                    daily_budget: 0,
                });
                self.recent_orders.push(Vec::new());
                self.student.push(StudentListing {
                    id,
                    sku: sku.to_string(),
                    text,
                    quality: quality.clone(),
                    shipping: terms.shipping.clone(),
                    handling_days: terms.handling_days,
                    sale_discount: terms.discount,
                });
                id
            }
        };
        let l = &mut self.listings[id.0 as usize];
        l.price = terms.price;
        if !l.deal {
            l.discount = terms.discount;
        }
        l.bid = terms.bid;
        l.daily_budget = terms.daily_budget;
        l.quality = quality.score;
        l.keywords = quality.keywords;
        l.delivery_days = delivery_days;
        if plan.inbound_units > 0 {
            // Stock held in China travels with the new units.
            let moved = plan.inbound_units - terms.add_stock;
            l.stock -= moved;
            self.inbound.push(InboundShipment {
                listing: id,
                arrives: today + option.inbound_days,
                units: plan.inbound_units,
            });
        } else {
            l.stock = l.stock.saturating_add(terms.add_stock);
        }
        Ok(id)
    }

    /// The campaign of a kind running on a listing on `day`, if any.
    pub fn running(&self, listing: ListingId, day: u32, kind: impl Fn(&CampaignKind) -> bool) -> Option<&Campaign> {
        self.campaigns
            .iter()
            .rev()
            .find(|c| c.listing == listing && kind(&c.kind) && c.first_day <= day && day <= c.last_day)
    }

    /// Stops a listing's campaigns of a kind that are still scheduled after `day`.
    fn cut_short(&mut self, listing: ListingId, day: u32, kind: impl Fn(&CampaignKind) -> bool) {
        for c in &mut self.campaigns {
            if c.listing == listing && kind(&c.kind) && c.last_day >= day {
                c.last_day = day.saturating_sub(1).max(c.first_day.saturating_sub(1));
            }
        }
    }

    /// Runs a deal on a listing: `discount` off, with a deal badge, from store day `first_day`
    /// through `last_day`. A running deal on the listing ends.
    pub fn start_deal(&mut self, listing: ListingId, discount: BasisPoints, first_day: u32, last_day: u32) {
        self.cut_short(listing, first_day, |k| matches!(k, CampaignKind::Deal { .. }));
        self.campaigns.push(Campaign {
            kind: CampaignKind::Deal { discount },
            listing,
            first_day,
            last_day,
        });
    }

    /// Runs a coupon on a listing from `first_day` through `last_day`, or until `budget`
    /// (discounts plus the platform's fee per redemption) is spent. A running coupon ends.
    pub fn start_coupon(
        &mut self,
        listing: ListingId,
        discount: BasisPoints,
        budget: i64,
        first_day: u32,
        last_day: u32,
    ) {
        self.cut_short(listing, first_day, |k| matches!(k, CampaignKind::Coupon { .. }));
        self.campaigns.push(Campaign {
            kind: CampaignKind::Coupon { discount, budget },
            listing,
            first_day,
            last_day,
        });
    }

    /// Books a creator's sponsored post for a listing, live from `first_day`. How many viewers
    /// engage varies post to post (60% to 140% of the creator's average).
    pub fn book_post(
        &mut self,
        listing: ListingId,
        sku: &str,
        influencer: &str,
        first_day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<(), ListingError> {
        let creator = self
            .storefront
            .influencers
            .iter()
            .find(|i| i.id == influencer)
            .ok_or_else(|| ListingError::NoInfluencer(influencer.to_string()))?;
        let luck = BasisPoints(rng.random_range(6_000..=14_000));
        let engaged = luck.of(creator.engagement.of(i64::from(creator.followers)));
        let fits = creator.fits.iter().any(|s| s == sku);
        let buyers = if fits { engaged } else { OFF_NICHE.of(engaged) };
        let link = POST_LINK_SHARE.of(buyers);
        let visits: Vec<u32> = POST_DECAY
            .iter()
            .map(|share| u32::try_from(link * i64::from(*share) / 100).unwrap_or(0))
            .collect();
        self.campaigns.push(Campaign {
            kind: CampaignKind::Social {
                influencer: influencer.to_string(),
                fee: creator.fee,
                engaged: u32::try_from(engaged).unwrap_or(u32::MAX),
                visits,
            },
            listing,
            first_day,
            last_day: first_day + POST_DECAY.len() as u32 - 1,
        });
        Ok(())
    }

    /// Puts each listing's running deal and coupon on it for `day` (and takes ended ones off).
    fn apply_campaigns(&mut self, day: u32) {
        for index in 0..self.student.len() {
            let id = self.student[index].id;
            let standing = self.student[index].sale_discount;
            let deal = self
                .running(id, day, |k| matches!(k, CampaignKind::Deal { .. }))
                .map(|c| c.kind.clone());
            let coupon = self
                .running(id, day, |k| matches!(k, CampaignKind::Coupon { .. }))
                .map(|c| (c.first_day, c.kind.clone()));
            let Some(l) = self.listings.get_mut(id.0 as usize) else {
                continue;
            };
            match deal {
                Some(CampaignKind::Deal { discount }) => {
                    l.discount = discount;
                    l.deal = true;
                }
                _ if l.deal => {
                    l.discount = standing;
                    l.deal = false;
                }
                _ => {}
            }
            match coupon {
                Some((first, CampaignKind::Coupon { discount, budget })) => {
                    if first == day {
                        l.coupon_budget = budget;
                    }
                    l.coupon = if l.coupon_budget > 0 { discount } else { BasisPoints(0) };
                }
                _ => {
                    l.coupon = BasisPoints(0);
                    l.coupon_budget = 0;
                }
            }
        }
    }

    /// Visitors sent to each listing today by creators' posts.
    fn post_visits(&self, day: u32) -> Vec<u32> {
        let mut direct = vec![0u32; self.listings.len()];
        for c in &self.campaigns {
            if let CampaignKind::Social { visits, .. } = &c.kind
                && c.first_day <= day
                && let Some(v) = visits.get((day - c.first_day) as usize)
                && let Some(slot) = direct.get_mut(c.listing.0 as usize)
            {
                *slot += v;
            }
        }
        direct
    }

    /// Warehouse stock that has arrived by `day` goes on sale.
    fn receive_inbound(&mut self, day: u32) {
        let (arrived, travelling): (Vec<_>, Vec<_>) = self.inbound.iter().copied().partition(|s| s.arrives <= day);
        for s in arrived {
            if let Some(l) = self.listings.get_mut(s.listing.0 as usize) {
                l.stock += s.units;
            }
        }
        self.inbound = travelling;
    }

    /// The numbers of a campaign so far.
    pub fn campaign_result(&self, campaign: &Campaign) -> CampaignResult {
        let mut r = CampaignResult::default();
        let i = campaign.listing.0 as usize;
        for (day, stats) in &self.history {
            if *day < campaign.first_day || *day > campaign.last_day {
                continue;
            }
            let Some(s) = stats.listings.get(i) else { continue };
            r.days += 1;
            match &campaign.kind {
                CampaignKind::Deal { .. } => {
                    r.impressions += s.impressions + s.ad_impressions;
                    r.clicks += s.all_clicks();
                    r.orders += s.all_orders();
                    r.sales += s.sales;
                    r.cost += s.discount_given;
                }
                CampaignKind::Coupon { .. } => {
                    r.impressions += s.impressions + s.ad_impressions;
                    r.clicks += s.all_clicks();
                    r.orders += s.coupon_redemptions;
                    r.sales += s.sales;
                    r.cost += s.coupon_discount + s.coupon_fees;
                }
                CampaignKind::Social { .. } => {
                    r.clicks += s.social_clicks;
                    r.orders += s.social_orders;
                    r.sales += s.social_sales;
                }
            }
        }
        if let CampaignKind::Social { fee, engaged, .. } = &campaign.kind {
            r.impressions = *engaged;
            r.cost = *fee;
        }
        r
    }

    /// The sponsored-search ads of a listing over every day so far.
    pub fn ads_result(&self, listing: ListingId) -> CampaignResult {
        let mut r = CampaignResult::default();
        for (_, stats) in &self.history {
            let Some(s) = stats.listings.get(listing.0 as usize) else {
                continue;
            };
            if s.ad_impressions > 0 {
                r.days += 1;
            }
            r.impressions += s.ad_impressions;
            r.clicks += s.ad_clicks;
            r.orders += s.ad_orders;
            r.sales += s.ad_sales;
            r.cost += s.ad_spend;
        }
        r
    }

    /// A competitor whose stock fell below a tenth of its starting stock restocks to it (they
    /// sell from local warehouses).
    fn restock_competitors(&mut self) {
        for (l, &start) in self.listings.iter_mut().zip(&self.base_stock) {
            if l.stock < start / 10 {
                l.stock = start;
            }
        }
    }

    /// Competitors react to the cheapest rival selling the same product.
    fn reprice_competitors(&mut self) {
        for i in 0..self.pricing.len() {
            let pricing = self.pricing[i];
            let reference = self.listings[i].reference_price;
            let cheapest_rival = self
                .listings
                .iter()
                .enumerate()
                .filter(|(j, l)| *j != i && l.reference_price == reference && l.stock > 0)
                .map(|(_, l)| l.effective_price())
                .min();
            let Some(rival) = cheapest_rival else { continue };
            let base = self.base_prices[i];
            match pricing {
                CompetitorPricing::Steady => {}
                CompetitorPricing::Undercut => {
                    let floor = base - BasisPoints(1_500).of(base);
                    self.listings[i].price = if rival < self.listings[i].price {
                        rival.max(floor)
                    } else {
                        base.min(self.listings[i].price.max(rival))
                    };
                }
                CompetitorPricing::Premium => {
                    self.listings[i].price =
                        (rival + BasisPoints(1_000).of(rival)).max(base - BasisPoints(1_000).of(base));
                }
            }
        }
    }

    /// Runs one day: warehouse stock arrives, deals and coupons start and end, competitors
    /// reprice, shoppers search and creators' followers visit, then returns, reviews and sales
    /// velocity follow from the day's orders.
    pub fn run_day(&mut self, day: u32, visits: u32, elasticity: f64, rng: &mut ChaCha8Rng) -> DayStats {
        self.begin_day(day);
        let direct = self.post_visits(day);
        self.market_day(day, visits, elasticity, &direct, rng)
    }

    /// The store's own morning: warehouse stock arrives, deals and coupons start and end.
    fn begin_day(&mut self, day: u32) {
        self.receive_inbound(day);
        self.apply_campaigns(day);
    }

    /// The market's part of a day, on every listing in `self.listings`: competitors restock and
    /// reprice, shoppers search and creators' followers visit (`direct`, per listing), then
    /// returns, reviews and sales velocity; the day goes into the history.
    fn market_day(&mut self, day: u32, visits: u32, elasticity: f64, direct: &[u32], rng: &mut ChaCha8Rng) -> DayStats {
        self.restock_competitors();
        self.reprice_competitors();
        let demand = DayDemand {
            keywords: &self.storefront.keywords,
            elasticity,
            visits,
            direct,
            coupon_fee: self.storefront.coupon_fee,
        };
        let mut stats = simulate_day(&mut self.listings, &demand, rng);
        // Returns: each order comes back with the storefront's return rate; the unit goes back
        // on sale and the price is refunded.
        let return_below =
            (self.storefront.return_rate.0.clamp(0, 10_000) as u64 * u64::from(u32::MAX) / 10_000) as u32;
        if return_below > 0 {
            for (i, s) in stats.listings.iter_mut().enumerate() {
                let orders = s.all_orders();
                let returned = (0..orders).filter(|_| rng.random::<u32>() < return_below).count() as u32;
                if returned > 0 && orders > 0 {
                    s.returns = returned;
                    s.refunds = s.sales * i64::from(returned) / i64::from(orders);
                    self.listings[i].stock += returned;
                }
            }
        }
        for (i, s) in stats.listings.iter().enumerate() {
            let orders = s.kept_orders();
            let new_reviews = (0..orders).filter(|_| rng.random::<f64>() < REVIEW_RATE).count() as u32;
            let l = &mut self.listings[i];
            if new_reviews > 0 {
                // New reviews rate the product like its listing quality suggests: 3.0 to 5.0 stars.
                let new_rating = 30 + u32::from(l.quality.min(1000)) * 20 / 1000;
                let total = l.reviews + new_reviews;
                l.rating_tenths = ((u32::from(l.rating_tenths) * l.reviews + new_rating * new_reviews) / total) as u16;
                l.reviews = total;
            }
            let window = &mut self.recent_orders[i];
            window.push(orders);
            if window.len() > 7 {
                window.remove(0);
            }
            l.sales_7d = window.iter().sum();
        }
        self.history.push((day, stats.clone()));
        stats
    }

    /// This store's morning of `day` on a copy (warehouse stock arrives, deals and coupons
    /// start and end), without its history: what a shared market's day starts from.
    fn morning_copy(&self, day: u32) -> Store {
        let mut copy = Store {
            market: self.market.clone(),
            storefront: self.storefront.clone(),
            listings: self.listings.clone(),
            student: self.student.clone(),
            history: Vec::new(),
            money: Vec::new(),
            campaigns: self.campaigns.clone(),
            inbound: self.inbound.clone(),
            recent_orders: self.recent_orders.clone(),
            base_prices: self.base_prices.clone(),
            base_stock: self.base_stock.clone(),
            pricing: self.pricing.clone(),
        };
        copy.begin_day(day);
        copy
    }

    /// Day `day` of a marketplace that several stores of the same storefront share (a
    /// class's shared market, issue 19), worked out without changing them: each store's own
    /// morning, then one market of the AI competitors and every store's listings, where the
    /// same shoppers search, compare and buy, every store's bids meet in one ads auction and
    /// stock runs out for everyone. Returns what the day did to each store, in the order
    /// given, for [`Store::take_shared_day`].
    pub fn shared_day_results(
        stores: &[&Store],
        day: u32,
        visits: u32,
        elasticity: f64,
        rng: &mut ChaCha8Rng,
    ) -> Vec<SharedDayResult> {
        let mornings: Vec<Store> = stores.iter().map(|s| s.morning_copy(day)).collect();
        let Some(first) = mornings.first() else {
            return Vec::new();
        };
        let rivals = first.competitor_count();
        let mut joint = Store {
            listings: first.listings[..rivals].to_vec(),
            student: Vec::new(),
            campaigns: Vec::new(),
            inbound: Vec::new(),
            recent_orders: first.recent_orders[..rivals].to_vec(),
            ..first.clone()
        };
        let mut direct = vec![0u32; rivals];
        // The stores enter the joint market in a new order each day (from the market's own
        // stream): where listings rank equal, no store always takes the higher place.
        let mut order: Vec<usize> = (0..mornings.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        // Each store's own listings: (index in the store, index in the joint market).
        let mut placed: Vec<Vec<(usize, usize)>> = vec![Vec::new(); mornings.len()];
        for &k in &order {
            let Some(store) = mornings.get(k) else { continue };
            let posts = store.post_visits(day);
            let mut at = Vec::with_capacity(store.student.len());
            for own in &store.student {
                let index = own.id.0 as usize;
                let (Some(listing), Some(recent)) = (store.listings.get(index), store.recent_orders.get(index)) else {
                    continue;
                };
                at.push((index, joint.listings.len()));
                let mut listing = listing.clone();
                listing.id = ListingId(joint.listings.len() as u32);
                joint.listings.push(listing);
                joint.recent_orders.push(recent.clone());
                direct.push(posts.get(index).copied().unwrap_or(0));
            }
            placed[k] = at;
        }
        let stats = joint.market_day(day, visits, elasticity, &direct, rng);
        mornings
            .iter()
            .zip(placed)
            .map(|(store, at)| {
                let mut result = SharedDayResult {
                    market: store.market.clone(),
                    listings: joint.listings[..rivals].iter().map(ListingAfterDay::of).collect(),
                    stats: DayStats {
                        visits: stats.visits,
                        listings: stats.listings[..rivals].to_vec(),
                    },
                };
                for (_, j) in at {
                    if let (Some(listing), Some(day)) = (joint.listings.get(j), stats.listings.get(j)) {
                        result.listings.push(ListingAfterDay::of(listing));
                        result.stats.listings.push(*day);
                    }
                }
                result
            })
            .collect()
    }

    /// Whether `result` fits this store (one entry per listing, in its market); changes nothing.
    pub fn check_shared_day(&self, result: &SharedDayResult) -> Result<(), String> {
        let n = self.listings.len();
        if result.market != self.market || result.listings.len() != n || result.stats.listings.len() != n {
            return Err(format!(
                "the market's day for `{}` does not fit the store (its {n} listings)",
                crate::escape::printable(&result.market, 40)
            ));
        }
        Ok(())
    }

    /// Takes day `day` of a shared market as [`Store::shared_day_results`] worked it out:
    /// this store's own morning, then every listing as the market left it, the orders of the
    /// last 7 days and the day in the history. Check it with [`Store::check_shared_day`]
    /// first.
    pub fn take_shared_day(&mut self, day: u32, result: &SharedDayResult) {
        self.begin_day(day);
        for ((listing, after), (window, stats)) in self
            .listings
            .iter_mut()
            .zip(&result.listings)
            .zip(self.recent_orders.iter_mut().zip(&result.stats.listings))
        {
            after.apply_to(listing);
            window.push(stats.kept_orders());
            if window.len() > 7 {
                window.remove(0);
            }
        }
        self.history.push((day, result.stats.clone()));
    }

    /// A shared market's listings as its shoppers see them: the AI competitors', then each
    /// store's own in store order (the market's day takes the stores in a new order each day),
    /// each with the index of the store it belongs to (`None`: a competitor).
    pub fn shared_listings(stores: &[&Store]) -> Vec<(Option<usize>, Listing)> {
        let Some(first) = stores.first() else {
            return Vec::new();
        };
        let rivals = first.competitor_count();
        let mut all: Vec<(Option<usize>, Listing)> =
            first.listings[..rivals].iter().map(|l| (None, l.clone())).collect();
        for (index, store) in stores.iter().enumerate() {
            for own in &store.student {
                if let Some(listing) = store.listings.get(own.id.0 as usize) {
                    let id = ListingId(all.len() as u32);
                    all.push((Some(index), Listing { id, ..listing.clone() }));
                }
            }
        }
        all
    }

    /// How many AI competitors' listings come first in `listings`.
    pub fn competitor_count(&self) -> usize {
        self.pricing.len().min(self.listings.len())
    }
}
