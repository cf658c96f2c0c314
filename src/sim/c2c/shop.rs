//! The student's C2C shop: second-hand items listed by auction or at a fixed price with
//! "make an offer", the buyers who come each day (bidders, bargainers, people with questions),
//! sales, parcels through customs, feedback and disputes.
//!
//! `Shop` never touches cash or reputation itself: each step returns an [`Outcome`] with the
//! money to post (in any currency), reputation changes and inbox messages, which the session
//! applies. Every formula and constant is documented in `docs/c2c-model.md`.

use std::collections::BTreeSet;

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::scenario::file::{ConditionGrade, QuestionTopic, Text};
use crate::sim::money::{BasisPoints, CurrencyCode, Money};
use crate::sim::negotiation::Strategy;
use crate::sim::scenario::{Market, Product, Scenario};

use super::auction::{Auction, AuctionResult, AuctionTerms, BidderId, DAY_MINUTES, Minute, day_start};
use super::haggle::{BuyerBrief, Haggle, HaggleError, HaggleMove, HaggleState};
use super::parcel::{ImportCharges, import_charges};
use super::questions::{AnswerFacts, AnswerGrade, QuestionId, Statement, Verdict, grade_answer, statements};
use super::site::AuctionSite;

/// Listings open at 20:00 on the day they are made (evening, when most buyers browse).
pub const OPENING_MINUTE: Minute = 20 * 60;
/// Days a fixed-price listing stays up.
pub const FIXED_PRICE_DAYS: u32 = 30;
/// Days a buyer's offer waits for the seller's answer (the day it came and the next).
pub const OFFER_DAYS: u32 = 2;
/// Days the seller has to answer a dispute before the site decides.
pub const DISPUTE_DAYS: u32 = 3;
/// Styles of crowd bidders, in percent: bid the maximum at once, nudge by the minimum, snipe.
pub const BIDDER_STYLES: [u32; 3] = [45, 35, 20];
/// Buyers below this share of the price do not make an offer.
pub const LEAST_OFFER_SHARE: i64 = 45;
/// Offers a crowd bargainer makes at most.
pub const CROWD_PATIENCE: u32 = 3;

/// Index of a listing in the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemListingId(pub u32);
/// Index of a make-an-offer negotiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OfferId(pub u32);
/// Index of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderId(pub u32);

/// Auction or fixed price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaleFormat {
    Auction {
        start_price: i64,
        reserve: Option<i64>,
        buy_it_now: Option<i64>,
        days: u32,
        soft_close: bool,
    },
    FixedPrice {
        price: i64,
        /// Buyers may make offers.
        offers: bool,
        /// Offers below this are declined automatically.
        auto_decline_below: Option<i64>,
        /// Offers at or above this are accepted automatically.
        auto_accept_from: Option<i64>,
    },
}

/// Everything the student decides when listing an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTerms {
    pub market: String,
    pub sku: String,
    pub format: SaleFormat,
    /// Id of the site's postage service.
    pub postage: String,
    /// Days between the sale and handing the parcel to the post (1–5).
    pub handling_days: u32,
    /// The seller pays the import charges in advance (only with a service that allows it).
    pub duty_paid: bool,
    /// The condition the description claims.
    pub claimed_grade: ConditionGrade,
    /// Which of the product's faults the description mentions (indices).
    pub disclosed_faults: Vec<usize>,
    /// The description tells buyers what they pay on import.
    pub states_import_charges: bool,
}

/// Why a shop command was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShopError {
    #[error("market `{0}` has no auction site")]
    NoSite(String),
    #[error("you do not have `{0}` in hand: it is listed, sold or on its way")]
    NotInHand(String),
    #[error("there is no postage service `{0}` to this market")]
    NoPostage(String),
    #[error("{0}")]
    BadTerms(&'static str),
    #[error("there is no such offer, or it is no longer open")]
    NoOffer,
    #[error(transparent)]
    Haggle(#[from] HaggleError),
    #[error("there is no such question")]
    NoQuestion,
    #[error("that question has already been answered")]
    AlreadyAnswered,
    #[error("there is no open dispute on that order")]
    NoDispute,
    #[error("that resolution does not fit this kind of dispute")]
    BadResolution,
    #[error("market `{0}` has no buying exercise")]
    NoPurchase(String),
}

/// How a bidder behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidStyle {
    /// Bids the maximum at once.
    Early,
    /// Bids the minimum and comes back when outbid, up to the maximum.
    Nudger,
    /// Bids the maximum in the last minutes.
    Sniper,
}

/// A person interested in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buyer {
    pub name: String,
    pub counterpart: Option<String>,
    /// Their private value: the most they will pay (minor units).
    pub value: i64,
    pub style: BidStyle,
    /// A question they wait on before acting.
    pub waiting_for: Option<QuestionId>,
    /// Gone (no longer interested).
    pub left: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlanAction {
    BidMax,
    Nudge,
    BuyNow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Planned {
    at: Minute,
    seq: u32,
    buyer: usize,
    action: PlanAction,
}

/// Where a listing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingStatus {
    Live,
    Sold(OrderId),
    /// Ended without a sale (no bids, reserve not met, or time up).
    Unsold,
}

/// A listed item.
#[derive(Debug, Clone)]
pub struct ItemListing {
    pub id: ItemListingId,
    pub terms: ItemTerms,
    pub listed_day: u32,
    pub opens: Minute,
    pub closes: Minute,
    pub auction: Option<Auction>,
    pub status: ListingStatus,
    pub buyers: Vec<Buyer>,
    planned: Vec<Planned>,
    seq: u32,
    /// Named counterparts already drawn in.
    named_joined: bool,
}

impl ItemListing {
    /// The price a buyer sees now: the current bid, or the fixed price.
    pub fn shown_price(&self) -> i64 {
        match (&self.auction, &self.terms.format) {
            (Some(a), _) => a.current_price(),
            (None, SaleFormat::FixedPrice { price, .. }) => *price,
            (None, SaleFormat::Auction { start_price, .. }) => *start_price,
        }
    }
}

/// A make-an-offer negotiation with one buyer.
#[derive(Debug, Clone)]
pub struct Offer {
    pub id: OfferId,
    pub listing: ItemListingId,
    pub buyer: String,
    pub counterpart: Option<String>,
    pub haggle: Haggle,
    /// The day the buyer's latest offer came.
    pub day: u32,
    /// Answered by the seller's automatic rules.
    pub automatic: bool,
}

/// What a dispute is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisputeKind {
    NotReceived,
    NotAsDescribed,
    Damaged,
    /// The buyer would not pay the import charges; the parcel comes back.
    RefusedImportCharges,
}

/// The seller's answer to a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    FullRefund,
    /// Part of the price back; the buyer keeps the item.
    PartialRefund(BasisPoints),
    /// The buyer sends the item back at the seller's cost and gets the price back.
    Return,
    /// Refuse: the site decides.
    Decline,
}

/// How a dispute ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeOutcome {
    pub chosen: Resolution,
    /// The site decided (the seller declined, did not answer, or the buyer rejected a partial
    /// refund).
    pub decided_by_site: bool,
    /// Refunded to the buyer, market currency minor units.
    pub refund: i64,
    /// Postage the seller paid for the return.
    pub return_postage: Option<Money>,
    pub reputation: i32,
    pub stars: u8,
    pub item_back: bool,
    pub explanation: Text,
}

/// A buyer's claim on an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute {
    pub kind: DisputeKind,
    pub opened_day: u32,
    pub respond_by: u32,
    /// Whether the claim is justified (the site finds for the buyer).
    pub justified: bool,
    pub outcome: Option<DisputeOutcome>,
}

/// Where a parcel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderStatus {
    AwaitingPost,
    InTransit,
    Delivered,
    /// Refused at the door; on its way back.
    Refused,
    Lost,
}

/// A sale and its parcel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: OrderId,
    pub listing: ItemListingId,
    pub sku: String,
    pub market: String,
    pub buyer: String,
    pub counterpart: Option<String>,
    /// Market currency minor units.
    pub price: i64,
    pub sold_day: u32,
    pub ship_day: u32,
    pub deliver_day: u32,
    pub postage: Money,
    pub charges: ImportCharges,
    pub duty_paid: bool,
    /// The buyer knew the import charges (stated in the listing or answered truly).
    pub told_charges: bool,
    /// The grade of the buyer's answered question, if they asked.
    pub answer_score: Option<u32>,
    pub status: OrderStatus,
    pub feedback: Option<u8>,
    pub dispute: Option<Dispute>,
    lost: bool,
}

/// An answered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub day: u32,
    /// The statement chosen per topic (index into that topic's statements), in topic order.
    pub choices: Vec<Option<usize>>,
    pub note: String,
    pub grade: AnswerGrade,
}

/// A buyer's question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub from: String,
    pub counterpart: Option<String>,
    pub market: String,
    pub sku: String,
    pub listing: Option<ItemListingId>,
    pub topics: Vec<QuestionTopic>,
    pub asked_day: u32,
    pub subject: Text,
    pub body: Text,
    pub answer: Option<Answer>,
}

/// The buying exercise's grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseGrade {
    pub market: String,
    /// Home currency minor units.
    pub price_home: i64,
    pub postage_home: i64,
    pub tax: i64,
    pub tax_waived: bool,
    pub landed: i64,
    pub estimate: i64,
    pub correct: bool,
}

/// Something that happened in the shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShopEvent {
    Listed {
        listing: ItemListingId,
        sku: String,
        market: String,
    },
    AuctionEnded {
        listing: ItemListingId,
        sku: String,
        result: AuctionResult,
    },
    /// A fixed-price listing ran out of time.
    Expired {
        listing: ItemListingId,
        sku: String,
    },
    OfferReceived {
        offer: OfferId,
        sku: String,
        amount: i64,
    },
    /// The seller's rules answered an offer.
    OfferAutoAnswered {
        offer: OfferId,
        accepted: bool,
    },
    /// A move in a haggle (the seller's or the buyer's answer).
    Haggled {
        offer: OfferId,
        step: HaggleMove,
    },
    Sold {
        order: OrderId,
        sku: String,
        price: Money,
        buyer: String,
    },
    Shipped {
        order: OrderId,
    },
    Delivered {
        order: OrderId,
    },
    Refused {
        order: OrderId,
        charges: Money,
    },
    Lost {
        order: OrderId,
    },
    ReturnedToSeller {
        order: OrderId,
    },
    Feedback {
        order: OrderId,
        stars: u8,
    },
    DisputeOpened {
        order: OrderId,
        kind: DisputeKind,
    },
    DisputeResolved {
        order: OrderId,
        refund: Money,
        by_site: bool,
    },
    QuestionAsked {
        question: QuestionId,
    },
    QuestionAnswered {
        question: QuestionId,
        score: u32,
    },
    PurchaseEstimated {
        market: String,
        correct: bool,
    },
}

/// Where money goes in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostTo {
    /// The site's payout for a sale, after its fee.
    Sales,
    Postage,
    ImportCharges,
    Refunds,
}

/// What a shop step asks the session to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub events: Vec<ShopEvent>,
    /// Money in (positive) or out (negative), any currency, with a memo.
    pub postings: Vec<(PostTo, Money, String)>,
    pub reputation: Vec<(i32, Text)>,
    /// Inbox messages: (counterpart, subject, body, the question they carry).
    pub messages: Vec<(Option<String>, Text, Text, Option<QuestionId>)>,
}

impl Outcome {
    fn message(&mut self, from: Option<String>, subject: Text, body: Text) {
        self.messages.push((from, subject, body, None));
    }
}

/// What the shop needs to know about the world.
pub struct World<'a> {
    pub scenario: &'a Scenario,
    pub reputation: u32,
    /// Converts money to another currency at today's rates.
    pub convert: &'a dyn Fn(Money, CurrencyCode) -> Option<i64>,
}

impl World<'_> {
    fn market(&self, id: &str) -> Option<&Market> {
        self.scenario.markets().iter().find(|m| m.id == id)
    }
    fn site(&self, id: &str) -> Option<&AuctionSite> {
        self.market(id)?.auction_site.as_ref()
    }
    fn reference(&self, market: &str, sku: &str) -> i64 {
        self.market(market)
            .and_then(|m| m.reference_prices.iter().find(|(s, _)| s == sku))
            .map_or(0, |(_, m)| m.minor)
    }
    fn money(&self, market: &str, minor: i64) -> Money {
        let currency = self
            .market(market)
            .map_or(self.scenario.home_currency(), |m| m.currency);
        Money::new(minor, currency, self.scenario.exponent(currency))
    }
    fn date(&self, day: u32) -> crate::sim::date::Date {
        self.scenario.start_date().plus_days(i64::from(day) - 1)
    }
}

fn text(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        zh: zh.into(),
    }
}

/// How a claimed grade compares with buyers' expectations (1.0 = as the reference price).
fn grade_factor(grade: ConditionGrade) -> f64 {
    match grade {
        ConditionGrade::Mint => 1.25,
        ConditionGrade::Excellent => 1.1,
        ConditionGrade::VeryGood => 1.0,
        ConditionGrade::Good => 0.9,
        ConditionGrade::Fair => 0.75,
        ConditionGrade::ForParts => 0.35,
    }
}

fn grade_rank(grade: ConditionGrade) -> i64 {
    match grade {
        ConditionGrade::Mint => 0,
        ConditionGrade::Excellent => 1,
        ConditionGrade::VeryGood => 2,
        ConditionGrade::Good => 3,
        ConditionGrade::Fair => 4,
        ConditionGrade::ForParts => 5,
    }
}

/// A Poisson draw (Knuth), for small means.
fn poisson(mean: f64, rng: &mut ChaCha8Rng) -> u32 {
    let limit = (-mean.clamp(0.0, 50.0)).exp();
    let mut product = 1.0;
    let mut count = 0;
    loop {
        product *= f64::from(rng.random_range(0..1_000_000u32)) / 1e6;
        if product <= limit || count >= 200 {
            return count;
        }
        count += 1;
    }
}

/// A triangular draw between `low` and `high` with its peak at `mode`.
fn triangular(low: f64, mode: f64, high: f64, rng: &mut ChaCha8Rng) -> f64 {
    let u = f64::from(rng.random_range(0..1_000_000u32)) / 1e6;
    let span = (high - low).max(1e-9);
    let split = (mode - low) / span;
    if u < split {
        low + (u * span * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * span * (high - mode)).sqrt()
    }
}

fn chance(rng: &mut ChaCha8Rng, bp: i64) -> bool {
    rng.random_range(0..10_000i64) < bp
}

/// An anonymised buyer name as auction sites show it: `k***a (57)`.
fn crowd_name(rng: &mut ChaCha8Rng) -> String {
    let letters = b"abcdefghijklmnoprstuvwy";
    let first = letters[rng.random_range(0..letters.len())] as char;
    let last = letters[rng.random_range(0..letters.len())] as char;
    let feedback = rng.random_range(0..400u32);
    format!("{first}***{last} ({feedback})")
}

/// The student's C2C shop across the scenario's auction sites.
#[derive(Debug, Clone, Default)]
pub struct Shop {
    pub listings: Vec<ItemListing>,
    pub offers: Vec<Offer>,
    pub orders: Vec<Order>,
    pub questions: Vec<Question>,
    pub purchases: Vec<PurchaseGrade>,
    /// Items the student holds and may list (second-hand products).
    pub in_hand: BTreeSet<String>,
}

impl Shop {
    /// A shop holding one of each second-hand product (a product with a condition).
    pub fn open(scenario: &Scenario) -> Self {
        Self {
            in_hand: scenario
                .products()
                .iter()
                .filter(|p| p.condition.is_some())
                .map(|p| p.sku.clone())
                .collect(),
            ..Default::default()
        }
    }

    pub fn listing(&self, id: ItemListingId) -> Option<&ItemListing> {
        self.listings.get(id.0 as usize)
    }
    pub fn order(&self, id: OrderId) -> Option<&Order> {
        self.orders.get(id.0 as usize)
    }
    pub fn offer(&self, id: OfferId) -> Option<&Offer> {
        self.offers.get(id.0 as usize)
    }
    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions.get(id.0 as usize)
    }
    /// The latest listing of a product.
    pub fn listing_of(&self, sku: &str) -> Option<&ItemListing> {
        self.listings.iter().rev().find(|l| l.terms.sku == sku)
    }
    /// Offers waiting for the seller.
    pub fn open_offers(&self) -> impl Iterator<Item = &Offer> {
        self.offers.iter().filter(|o| o.haggle.offer().is_some())
    }
    /// Orders with a dispute the seller has not answered.
    pub fn open_disputes(&self) -> impl Iterator<Item = &Order> {
        self.orders
            .iter()
            .filter(|o| o.dispute.as_ref().is_some_and(|d| d.outcome.is_none()))
    }

    /// Checks listing terms against the site and the item; `Ok` changes nothing.
    ///
    /// # Errors
    /// [`ShopError`] saying what is wrong.
    pub fn check_terms(&self, world: &World, terms: &ItemTerms) -> Result<(), ShopError> {
        let site = world
            .site(&terms.market)
            .ok_or_else(|| ShopError::NoSite(terms.market.clone()))?;
        if !self.in_hand.contains(&terms.sku) {
            return Err(ShopError::NotInHand(terms.sku.clone()));
        }
        let postage = site
            .postage(&terms.postage)
            .ok_or_else(|| ShopError::NoPostage(terms.postage.clone()))?;
        if terms.duty_paid && !postage.duty_paid_option {
            return Err(ShopError::BadTerms(
                "this service cannot carry parcels with duty paid in advance: choose an express service that offers it",
            ));
        }
        if !(1..=5).contains(&terms.handling_days) {
            return Err(ShopError::BadTerms("handling time is 1 to 5 days"));
        }
        let faults = world
            .scenario
            .product(&terms.sku)
            .and_then(|p| p.condition.as_ref())
            .map_or(0, |(_, f)| f.len());
        if terms.disclosed_faults.iter().any(|i| *i >= faults) {
            return Err(ShopError::BadTerms("that fault is not one of the item's"));
        }
        match &terms.format {
            SaleFormat::Auction {
                start_price,
                reserve,
                buy_it_now,
                days,
                ..
            } => {
                if *start_price <= 0 {
                    return Err(ShopError::BadTerms("the start price must be above zero"));
                }
                if ![1, 3, 5, 7, 10].contains(days) {
                    return Err(ShopError::BadTerms("auctions run 1, 3, 5, 7 or 10 days"));
                }
                if reserve.is_some_and(|r| r <= *start_price) {
                    return Err(ShopError::BadTerms("a reserve must be above the start price"));
                }
                if let Some(bin) = buy_it_now {
                    // Sites ask buy-it-now to be well above the start price (eBay: 30%).
                    let least = start_price + start_price * 3 / 10;
                    if *bin < least || reserve.is_some_and(|r| *bin <= r) {
                        return Err(ShopError::BadTerms(
                            "buy it now must be at least 30% above the start price and above the reserve",
                        ));
                    }
                }
            }
            SaleFormat::FixedPrice {
                price,
                offers,
                auto_decline_below,
                auto_accept_from,
            } => {
                if *price <= 0 {
                    return Err(ShopError::BadTerms("the price must be above zero"));
                }
                if !offers && (auto_decline_below.is_some() || auto_accept_from.is_some()) {
                    return Err(ShopError::BadTerms(
                        "automatic answers need 'make an offer' switched on",
                    ));
                }
                if auto_decline_below.is_some_and(|d| d <= 0 || d >= *price)
                    || auto_accept_from.is_some_and(|a| a <= 0 || a >= *price)
                    || matches!((auto_decline_below, auto_accept_from), (Some(d), Some(a)) if d >= a)
                {
                    return Err(ShopError::BadTerms(
                        "auto-decline below auto-accept, both below the price and above zero",
                    ));
                }
            }
        }
        Ok(())
    }

    /// Lists an item on `day`.
    ///
    /// # Errors
    /// [`ShopError`] from [`Shop::check_terms`]; nothing changes then.
    pub fn list(&mut self, world: &World, terms: ItemTerms, day: u32) -> Result<Outcome, ShopError> {
        self.check_terms(world, &terms)?;
        let site = world
            .site(&terms.market)
            .ok_or_else(|| ShopError::NoSite(terms.market.clone()))?;
        let opens = day_start(day) + OPENING_MINUTE;
        let (closes, auction) = match &terms.format {
            SaleFormat::Auction {
                start_price,
                reserve,
                buy_it_now,
                days,
                soft_close,
            } => {
                let closes = opens + days * DAY_MINUTES;
                let auction = Auction::new(
                    AuctionTerms {
                        start_price: *start_price,
                        reserve: *reserve,
                        buy_it_now: *buy_it_now,
                        opens,
                        closes,
                        soft_close: soft_close.then_some(site.soft_close_minutes),
                    },
                    site.increments.clone(),
                );
                (closes, Some(auction))
            }
            SaleFormat::FixedPrice { .. } => (opens + FIXED_PRICE_DAYS * DAY_MINUTES, None),
        };
        let id = ItemListingId(u32::try_from(self.listings.len()).unwrap_or(u32::MAX));
        self.in_hand.remove(&terms.sku);
        let mut outcome = Outcome::default();
        outcome.events.push(ShopEvent::Listed {
            listing: id,
            sku: terms.sku.clone(),
            market: terms.market.clone(),
        });
        // Questions already asked about this product in this market now concern the listing.
        for q in &mut self.questions {
            if q.listing.is_none() && q.sku == terms.sku && q.market == terms.market {
                q.listing = Some(id);
            }
        }
        self.listings.push(ItemListing {
            id,
            terms,
            listed_day: day,
            opens,
            closes,
            auction,
            status: ListingStatus::Live,
            buyers: Vec::new(),
            planned: Vec::new(),
            seq: 0,
            named_joined: false,
        });
        Ok(outcome)
    }

    /// The facts a question about `sku` in `market` is answered from: the listing's if there
    /// is one, else the first postage service and the reference price.
    pub fn answer_facts(&self, world: &World, question: &Question) -> Option<AnswerFacts> {
        let product = world.scenario.product(&question.sku)?;
        let site = world.site(&question.market)?;
        let market = world.market(&question.market)?;
        let listing = question.listing.and_then(|l| self.listing(l));
        let postage = listing
            .and_then(|l| site.postage(&l.terms.postage))
            .or_else(|| site.postage.first())?;
        let handling = listing.map_or(2, |l| l.terms.handling_days);
        let duty_paid = listing.is_some_and(|l| l.terms.duty_paid);
        let price = listing
            .map(ItemListing::shown_price)
            .unwrap_or_else(|| world.reference(&question.market, &question.sku));
        let charges = import_charges(
            world.scenario,
            market,
            product,
            price,
            site.collection_fee.minor,
            world.date(question.asked_day),
        );
        let (grade, faults) = product
            .condition
            .clone()
            .unwrap_or((ConditionGrade::VeryGood, Vec::new()));
        Some(AnswerFacts {
            dimensions_mm: product.dimensions_mm,
            gross_weight_g: product.gross_weight_g,
            true_grade: grade,
            faults,
            postage_name: postage.name.clone(),
            days_to_door: handling + postage.transit_days,
            tracked: postage.tracked,
            import_charges: charges.explain(duty_paid),
            pays_at_door: charges.at_door() > 0 && !duty_paid,
        })
    }

    /// The statements offered for each topic of a question, in topic order.
    pub fn answer_options(&self, world: &World, question: QuestionId) -> Vec<(QuestionTopic, Vec<Statement>)> {
        let Some(q) = self.question(question) else {
            return Vec::new();
        };
        let Some(facts) = self.answer_facts(world, q) else {
            return Vec::new();
        };
        q.topics
            .iter()
            .enumerate()
            .map(|(i, t)| (*t, statements(*t, &facts, q.id.0 + i as u32)))
            .collect()
    }

    /// A buyer asks a question (from the scenario or the crowd).
    pub fn ask(
        &mut self,
        from: &str,
        counterpart: Option<String>,
        market: &str,
        sku: &str,
        topics: Vec<QuestionTopic>,
        day: u32,
        subject: Text,
        body: Text,
    ) -> (QuestionId, Outcome) {
        let id = QuestionId(u32::try_from(self.questions.len()).unwrap_or(u32::MAX));
        let listing = self
            .listings
            .iter()
            .rev()
            .find(|l| l.terms.sku == sku && l.terms.market == market && l.status == ListingStatus::Live)
            .map(|l| l.id);
        self.questions.push(Question {
            id,
            from: from.to_string(),
            counterpart: counterpart.clone(),
            market: market.to_string(),
            sku: sku.to_string(),
            listing,
            topics,
            asked_day: day,
            subject: subject.clone(),
            body: body.clone(),
            answer: None,
        });
        let mut outcome = Outcome::default();
        outcome.events.push(ShopEvent::QuestionAsked { question: id });
        outcome.messages.push((counterpart, subject, body, Some(id)));
        (id, outcome)
    }

    /// The student answers a question: one statement per topic (or none) and a note.
    ///
    /// # Errors
    /// [`ShopError`] when there is no such question or it was answered; nothing changes then.
    pub fn answer(
        &mut self,
        world: &World,
        question: QuestionId,
        choices: Vec<Option<usize>>,
        note: String,
        day: u32,
    ) -> Result<Outcome, ShopError> {
        let options = self.answer_options(world, question);
        let q = self
            .questions
            .get_mut(question.0 as usize)
            .ok_or(ShopError::NoQuestion)?;
        if q.answer.is_some() {
            return Err(ShopError::AlreadyAnswered);
        }
        let verdicts: Vec<Option<Verdict>> = options
            .iter()
            .enumerate()
            .map(|(i, (_, list))| {
                choices
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| list.get(c))
                    .map(|s| s.verdict)
            })
            .collect();
        let grade = grade_answer(&verdicts, &note);
        let mut outcome = Outcome::default();
        outcome.events.push(ShopEvent::QuestionAnswered {
            question,
            score: grade.score,
        });
        if grade.unlawful {
            outcome.reputation.push((
                -3,
                text(
                    format!("{} reported your offer to falsify the customs declaration", q.from),
                    format!("{}举报了你提出的虚假报关建议", q.from),
                ),
            ));
        }
        q.answer = Some(Answer {
            day,
            choices,
            note,
            grade,
        });
        Ok(outcome)
    }

    /// The seller answers a buyer's offer: accept, counter or decline. An accepted price
    /// becomes a sale today.
    ///
    /// # Errors
    /// [`ShopError`] when the offer is not open or the counter is out of range; nothing
    /// changes then.
    pub fn reply_to_offer(
        &mut self,
        world: &World,
        offer: OfferId,
        reply: OfferReply,
        day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<Outcome, ShopError> {
        let o = self.offers.get(offer.0 as usize).ok_or(ShopError::NoOffer)?;
        if o.haggle.offer().is_none() {
            return Err(ShopError::NoOffer);
        }
        let listing = o.listing;
        if self.listing(listing).is_none_or(|l| l.status != ListingStatus::Live) {
            return Err(ShopError::NoOffer);
        }
        if let OfferReply::Counter(price) = reply
            && (price <= o.haggle.offer().unwrap_or(0) || price > o.haggle.list_price())
        {
            return Err(HaggleError::BadCounter.into());
        }
        let mut outcome = Outcome::default();
        let Some(o) = self.offers.get_mut(offer.0 as usize) else {
            return Err(ShopError::NoOffer);
        };
        let step = match reply {
            OfferReply::Accept => {
                let price = o.haggle.accept()?;
                HaggleMove::SellerAccepts(price)
            }
            OfferReply::Decline => {
                o.haggle.decline()?;
                HaggleMove::SellerDeclines
            }
            OfferReply::Counter(price) => {
                outcome.events.push(ShopEvent::Haggled {
                    offer,
                    step: HaggleMove::SellerCounters(price),
                });
                o.haggle.counter(price, rng)?
            }
        };
        o.day = day;
        outcome.events.push(ShopEvent::Haggled { offer, step });
        if let HaggleState::Agreed { price } = o.haggle.state() {
            let (buyer, counterpart) = (o.buyer.clone(), o.counterpart.clone());
            self.sell(world, listing, buyer, counterpart, price, day, &mut outcome);
        }
        Ok(outcome)
    }

    /// Resolves an open dispute.
    ///
    /// # Errors
    /// [`ShopError`] when there is no open dispute or the resolution does not fit; nothing
    /// changes then.
    pub fn resolve(
        &mut self,
        world: &World,
        order: OrderId,
        resolution: Resolution,
        day: u32,
    ) -> Result<Outcome, ShopError> {
        let o = self.orders.get(order.0 as usize).ok_or(ShopError::NoDispute)?;
        let dispute = o
            .dispute
            .as_ref()
            .filter(|d| d.outcome.is_none())
            .ok_or(ShopError::NoDispute)?;
        let fits = match (dispute.kind, resolution) {
            (_, Resolution::FullRefund | Resolution::Decline) => true,
            (DisputeKind::NotAsDescribed | DisputeKind::Damaged, Resolution::Return) => true,
            (DisputeKind::NotAsDescribed | DisputeKind::Damaged, Resolution::PartialRefund(bp)) => {
                (100..=9_000).contains(&bp.0)
            }
            _ => false,
        };
        if !fits {
            return Err(ShopError::BadResolution);
        }
        let mut outcome = Outcome::default();
        self.settle(world, order, resolution, false, day, &mut outcome);
        Ok(outcome)
    }

    /// The buying exercise: grades an estimate (home currency minor units) of an item's full
    /// landed cost.
    ///
    /// # Errors
    /// [`ShopError::NoPurchase`] when the market has no buying exercise.
    pub fn estimate_purchase(&mut self, world: &World, market: &str, estimate: i64) -> Result<Outcome, ShopError> {
        let grade = purchase_grade(world, market, estimate).ok_or_else(|| ShopError::NoPurchase(market.to_string()))?;
        let mut outcome = Outcome::default();
        outcome.events.push(ShopEvent::PurchaseEstimated {
            market: market.to_string(),
            correct: grade.correct,
        });
        self.purchases.push(grade);
        Ok(outcome)
    }

    /// A sale: the listing ends, other offers on it lapse, the order is made and the site pays
    /// out the price less its fee.
    #[allow(clippy::too_many_arguments)]
    fn sell(
        &mut self,
        world: &World,
        listing: ItemListingId,
        buyer: String,
        counterpart: Option<String>,
        price: i64,
        day: u32,
        outcome: &mut Outcome,
    ) {
        let Some(l) = self.listings.get(listing.0 as usize) else {
            return;
        };
        let terms = l.terms.clone();
        let (Some(site), Some(market), Some(product)) = (
            world.site(&terms.market),
            world.market(&terms.market),
            world.scenario.product(&terms.sku),
        ) else {
            return;
        };
        let Some(postage) = site.postage(&terms.postage) else {
            return;
        };
        let id = OrderId(u32::try_from(self.orders.len()).unwrap_or(u32::MAX));
        let asked = self
            .questions
            .iter()
            .find(|q| q.from == buyer && q.sku == terms.sku && q.answer.is_some());
        let answer_score = asked.and_then(|q| q.answer.as_ref()).map(|a| a.grade.score);
        let answered_charges_truly = asked.is_some_and(|q| {
            let options = self.answer_options(world, q.id);
            q.answer.as_ref().is_some_and(|a| {
                options.iter().enumerate().any(|(i, (topic, list))| {
                    *topic == QuestionTopic::ImportCharges
                        && a.choices
                            .get(i)
                            .copied()
                            .flatten()
                            .and_then(|c| list.get(c))
                            .is_some_and(|s| s.verdict == Verdict::Right)
                })
            })
        });
        let charges = import_charges(
            world.scenario,
            market,
            product,
            price,
            site.collection_fee.minor,
            world.date(day),
        );
        let ship_day = day + terms.handling_days;
        self.orders.push(Order {
            id,
            listing,
            sku: terms.sku.clone(),
            market: terms.market.clone(),
            buyer: buyer.clone(),
            counterpart,
            price,
            sold_day: day,
            ship_day,
            deliver_day: ship_day + postage.transit_days,
            postage: postage.price(product.gross_weight_g),
            charges,
            duty_paid: terms.duty_paid,
            told_charges: terms.states_import_charges || answered_charges_truly,
            answer_score,
            status: OrderStatus::AwaitingPost,
            feedback: None,
            dispute: None,
            lost: false,
        });
        if let Some(l) = self.listings.get_mut(listing.0 as usize) {
            l.status = ListingStatus::Sold(id);
            l.planned.clear();
        }
        for o in &mut self.offers {
            if o.listing == listing {
                o.haggle.withdraw();
            }
        }
        let fee = site.final_value_fee.of(price);
        outcome.events.push(ShopEvent::Sold {
            order: id,
            sku: terms.sku.clone(),
            price: world.money(&terms.market, price),
            buyer: buyer.clone(),
        });
        outcome.postings.push((
            PostTo::Sales,
            world.money(&terms.market, price - fee),
            format!(
                "{}: {} sold to {buyer} for {}, less the site's fee {}",
                terms.market,
                terms.sku,
                world.money(&terms.market, price).format(),
                world.money(&terms.market, fee).format()
            ),
        ));
        outcome.message(
            None,
            text(
                format!(
                    "Sold: {} for {}",
                    product.name.en,
                    world.money(&terms.market, price).format()
                ),
                format!(
                    "已售出：{}，成交价{}",
                    product.name.zh,
                    world.money(&terms.market, price).format()
                ),
            ),
            text(
                format!(
                    "{buyer} bought your {}. Post it within {} day(s) by {}; it should arrive on day {}.",
                    product.name.en,
                    terms.handling_days,
                    postage.name.en,
                    ship_day + postage.transit_days
                ),
                format!(
                    "{buyer}买下了你的{}。请在{}天内用{}寄出，预计第{}天送达。",
                    product.name.zh,
                    terms.handling_days,
                    postage.name.zh,
                    ship_day + postage.transit_days
                ),
            ),
        );
    }

    /// Runs the day that has just ended (`day`): buyers arrive, bid, buy, offer and ask;
    /// auctions close; parcels move; feedback and disputes come; late answers cost buyers.
    pub fn run_day(&mut self, world: &World, day: u32, rng: &mut ChaCha8Rng) -> Outcome {
        let mut outcome = Outcome::default();
        self.expire_offers(day, &mut outcome);
        for index in 0..self.listings.len() {
            if self.listings[index].status == ListingStatus::Live {
                self.run_listing(world, index, day, rng, &mut outcome);
            }
        }
        self.move_parcels(world, day, rng, &mut outcome);
        self.site_decides_overdue(world, day, &mut outcome);
        outcome
    }

    fn expire_offers(&mut self, day: u32, outcome: &mut Outcome) {
        for o in &mut self.offers {
            if o.haggle.offer().is_some() && o.day + OFFER_DAYS <= day + 1 && day > o.day {
                o.haggle.expire();
                outcome.events.push(ShopEvent::Haggled {
                    offer: o.id,
                    step: HaggleMove::Expired,
                });
            }
        }
    }

    /// Buyers for one listing on `day`: the crowd, named counterparts (on the listing's first
    /// day), and people whose question was answered.
    fn run_listing(&mut self, world: &World, index: usize, day: u32, rng: &mut ChaCha8Rng, outcome: &mut Outcome) {
        let window = (day_start(day), day_start(day + 1));
        let terms = self.listings[index].terms.clone();
        let Some(site) = world.site(&terms.market).cloned() else {
            return;
        };
        let Some(product) = world.scenario.product(&terms.sku).cloned() else {
            return;
        };
        let reference = world.reference(&terms.market, &terms.sku).max(1);
        let listing_id = self.listings[index].id;
        let from = window.0.max(self.listings[index].opens);
        if from >= window.1 {
            return;
        }
        // What buyers believe of the item from its description.
        let (true_grade, faults) = product
            .condition
            .clone()
            .unwrap_or((ConditionGrade::VeryGood, Vec::new()));
        let hidden = faults.len().saturating_sub(terms.disclosed_faults.len()) as f64;
        let belief = grade_factor(terms.claimed_grade) / grade_factor(true_grade) * (1.0 + 0.03 * hidden);
        let trust = 0.9 + 0.1 * f64::from(world.reputation.min(100)) / 100.0;
        let shown = self.listings[index].shown_price().max(1) as f64;
        let draw = match &terms.format {
            SaleFormat::Auction { start_price, .. } => {
                (1.3 - 0.6 * (*start_price as f64 / reference as f64)).clamp(0.4, 1.3)
            }
            SaleFormat::FixedPrice { .. } => (2.0 - shown / reference as f64).clamp(0.3, 1.5),
        };
        let fraction = f64::from(window.1 - from) / f64::from(DAY_MINUTES);
        let mean = f64::from(site.buyers_per_day)
            * draw
            * (0.6 + 0.4 * f64::from(world.reputation.min(100)) / 100.0)
            * fraction;
        let arrivals = poisson(mean, rng);
        let (low, mode, high) = (
            site.values.0.0 as f64 / 1e6,
            site.values.1.0 as f64 / 1e6,
            site.values.2.0 as f64 / 1e6,
        );
        let mut newcomers: Vec<(Minute, Buyer)> = Vec::new();
        let mut asked_today = false;
        // People think in whole units of money: values are whole dollars, pounds…
        let unit = 10i64.pow(world.scenario.exponent(world.money(&terms.market, 0).currency));
        for _ in 0..arrivals {
            let at = rng.random_range(from..window.1);
            let value = (reference as f64 * triangular(low, mode, high, rng) * belief * trust).round() as i64;
            let value = value / unit * unit;
            let style_roll = rng.random_range(0..100u32);
            let style = if style_roll < BIDDER_STYLES[0] {
                BidStyle::Early
            } else if style_roll < BIDDER_STYLES[0] + BIDDER_STYLES[1] {
                BidStyle::Nudger
            } else {
                BidStyle::Sniper
            };
            let name = crowd_name(rng);
            // At most one new crowd question per listing a day.
            let asks = chance(rng, site.question_chance.0) && !asked_today;
            let mut buyer = Buyer {
                name,
                counterpart: None,
                value,
                style,
                waiting_for: None,
                left: false,
            };
            if asks {
                let topics = question_topics(&terms, &faults, rng);
                let (subject, body) = crowd_question_text(&product, &topics);
                let (q, asked) = self.ask(&buyer.name, None, &terms.market, &terms.sku, topics, day, subject, body);
                merge(outcome, asked);
                buyer.waiting_for = Some(q);
                asked_today = true;
                self.listings[index].buyers.push(buyer);
                continue;
            }
            newcomers.push((at, buyer));
        }
        // Named counterparts interested in the item, on the listing's first day.
        if !self.listings[index].named_joined {
            self.listings[index].named_joined = true;
            for c in world.scenario.counterparts() {
                if c.market.as_deref() != Some(terms.market.as_str()) || !c.interested_in.contains(&terms.sku) {
                    continue;
                }
                // Someone who asked a question waits for the answer (handled below).
                if self
                    .questions
                    .iter()
                    .any(|q| q.counterpart.as_deref() == Some(c.id.as_str()) && q.sku == terms.sku)
                {
                    continue;
                }
                let at = rng.random_range(from..window.1);
                let base = match terms.format {
                    SaleFormat::Auction { .. } => reference,
                    SaleFormat::FixedPrice { price, .. } => price,
                };
                let value = c.personality.reservation.0 as i128 * i128::from(base) / 1_000_000;
                let style = match c.personality.strategy {
                    crate::scenario::file::ConcessionStrategy::TitForTat => BidStyle::Sniper,
                    crate::scenario::file::ConcessionStrategy::Boulware => BidStyle::Nudger,
                    _ => BidStyle::Early,
                };
                newcomers.push((
                    at,
                    Buyer {
                        name: c.name.clone(),
                        counterpart: Some(c.id.clone()),
                        value: i64::try_from(value).unwrap_or(0),
                        style,
                        waiting_for: None,
                        left: false,
                    },
                ));
            }
        }
        // People whose question was answered act now; unanswered ones give up after a day.
        let questions = &self.questions;
        let mut ready: Vec<(Minute, Buyer)> = Vec::new();
        for b in &mut self.listings[index].buyers {
            let Some(q) = b.waiting_for.and_then(|q| questions.get(q.0 as usize)) else {
                continue;
            };
            match &q.answer {
                Some(a) if a.day <= day => {
                    let fast = a.day <= q.asked_day + 1;
                    let factor = match (a.grade.unlawful, a.grade.score, fast) {
                        (true, _, _) => 0.0,
                        (false, 70.., true) => 1.08,
                        (false, 40.., _) => 1.0,
                        _ => 0.85,
                    };
                    b.waiting_for = None;
                    if factor == 0.0 {
                        b.left = true;
                        continue;
                    }
                    b.value = (b.value as f64 * factor).round() as i64;
                    ready.push((rng.random_range(from..window.1), b.clone()));
                }
                None if q.asked_day + 1 < day => {
                    b.waiting_for = None;
                    b.left = true;
                }
                _ => {}
            }
        }
        // Named buyers who asked before the listing existed, now answered.
        for q in &self.questions {
            let Some(id) = &q.counterpart else { continue };
            if q.sku != terms.sku || q.market != terms.market || q.listing != Some(listing_id) {
                continue;
            }
            let Some(a) = &q.answer else { continue };
            let already = self.listings[index]
                .buyers
                .iter()
                .any(|b| b.counterpart.as_deref() == Some(id.as_str()));
            if already || a.grade.unlawful || a.grade.score < 40 {
                continue;
            }
            let Some(c) = world.scenario.counterpart(id) else {
                continue;
            };
            let fast = a.day <= q.asked_day + 1;
            let value = i128::from(reference) * c.personality.reservation.0 as i128 / 1_000_000;
            let value = i64::try_from(value).unwrap_or(0) * if fast { 108 } else { 100 } / 100;
            ready.push((
                rng.random_range(from..window.1),
                Buyer {
                    name: c.name.clone(),
                    counterpart: Some(id.clone()),
                    value,
                    style: BidStyle::Early,
                    waiting_for: None,
                    left: false,
                },
            ));
        }
        newcomers.extend(ready);
        newcomers.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
        match terms.format {
            SaleFormat::Auction { .. } => {
                self.run_auction(world, index, newcomers, window.1, day, rng, outcome);
            }
            SaleFormat::FixedPrice { .. } => {
                self.run_fixed_price(world, &site, index, newcomers, day, rng, outcome);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_auction(
        &mut self,
        world: &World,
        index: usize,
        newcomers: Vec<(Minute, Buyer)>,
        end: Minute,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) {
        let listing = &mut self.listings[index];
        let Some(auction) = listing.auction.as_mut() else {
            return;
        };
        for (at, buyer) in newcomers {
            let at = at.max(listing.opens);
            let i = listing
                .buyers
                .iter()
                .position(|b| b.name == buyer.name && b.counterpart == buyer.counterpart);
            let i = match i {
                Some(i) => {
                    listing.buyers[i] = buyer.clone();
                    i
                }
                None => {
                    listing.buyers.push(buyer.clone());
                    listing.buyers.len() - 1
                }
            };
            listing.seq += 1;
            let buy_now = auction.terms().buy_it_now.is_some_and(|bin| buyer.value >= bin);
            let (at, action) = match buyer.style {
                _ if buy_now => (at, PlanAction::BuyNow),
                BidStyle::Early => (at, PlanAction::BidMax),
                BidStyle::Nudger => (at, PlanAction::Nudge),
                BidStyle::Sniper => {
                    let snipe = auction.closes().saturating_sub(rng.random_range(1..=3u32));
                    (snipe.max(at), PlanAction::BidMax)
                }
            };
            listing.planned.push(Planned {
                at,
                seq: listing.seq,
                buyer: i,
                action,
            });
        }
        loop {
            let next = listing
                .planned
                .iter()
                .enumerate()
                .filter(|(_, p)| p.at < end)
                .min_by_key(|(_, p)| (p.at, p.seq))
                .map(|(i, _)| i);
            let Some(next) = next else { break };
            let plan = listing.planned.remove(next);
            if plan.at >= auction.closes() || auction.result().is_some() {
                continue;
            }
            let Some(buyer) = listing.buyers.get(plan.buyer).cloned() else {
                continue;
            };
            if buyer.left {
                continue;
            }
            let bidder = BidderId(u32::try_from(plan.buyer).unwrap_or(u32::MAX));
            let leader_before = auction.leader();
            let placed = match plan.action {
                PlanAction::BuyNow => {
                    if auction.buy_it_now(bidder, plan.at).is_err() {
                        // Buy-it-now is gone: bid the maximum instead.
                        auction.place_bid(bidder, buyer.value, plan.at).is_ok()
                    } else {
                        true
                    }
                }
                PlanAction::BidMax => auction.place_bid(bidder, buyer.value, plan.at).is_ok(),
                PlanAction::Nudge => {
                    let minimum = auction.minimum_bid(bidder);
                    minimum <= buyer.value && auction.place_bid(bidder, minimum, plan.at).is_ok()
                }
            };
            if !placed {
                continue;
            }
            // Nudgers who are now behind come back, quickly near the close.
            let leader = auction.leader();
            for loser in [leader_before, Some(bidder)].into_iter().flatten() {
                if Some(loser) == leader {
                    continue;
                }
                let Some(b) = listing.buyers.get(loser.0 as usize) else {
                    continue;
                };
                if b.style != BidStyle::Nudger || b.left || auction.minimum_bid(loser) > b.value {
                    continue;
                }
                let near_close = auction.closes().saturating_sub(plan.at) <= 60;
                let delay = if near_close {
                    rng.random_range(1..=4u32)
                } else {
                    rng.random_range(20..=240u32)
                };
                listing.seq += 1;
                listing.planned.push(Planned {
                    at: plan.at + delay,
                    seq: listing.seq,
                    buyer: loser.0 as usize,
                    action: PlanAction::Nudge,
                });
            }
        }
        let closed = auction.closes() <= end || auction.result().is_some();
        if !closed {
            return;
        }
        let Some(result) = auction.close_if_due(end.max(auction.closes())) else {
            return;
        };
        let sku = listing.terms.sku.clone();
        let id = listing.id;
        listing.planned.clear();
        outcome.events.push(ShopEvent::AuctionEnded {
            listing: id,
            sku: sku.clone(),
            result,
        });
        match result {
            AuctionResult::Sold { winner, price, .. } => {
                let buyer = listing.buyers.get(winner.0 as usize).cloned();
                if let Some(buyer) = buyer {
                    self.sell(world, id, buyer.name, buyer.counterpart, price, day, outcome);
                }
            }
            AuctionResult::NoBids | AuctionResult::ReserveNotMet { .. } => {
                listing.status = ListingStatus::Unsold;
                self.in_hand.insert(sku.clone());
                let name = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.en.clone());
                let zh = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.zh.clone());
                let why = match result {
                    AuctionResult::ReserveNotMet { .. } => ("the reserve was not met", "未达到保留价"),
                    _ => ("nobody bid", "无人出价"),
                };
                outcome.message(
                    None,
                    text(format!("Auction ended unsold: {name}"), format!("拍卖流拍：{zh}")),
                    text(
                        format!(
                            "Your auction ended without a sale: {}. The item is back in hand; you may list it again.",
                            why.0
                        ),
                        format!("你的拍卖没有成交：{}。商品已退回，可以重新上架。", why.1),
                    ),
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_fixed_price(
        &mut self,
        world: &World,
        site: &AuctionSite,
        index: usize,
        newcomers: Vec<(Minute, Buyer)>,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) {
        let SaleFormat::FixedPrice {
            price,
            offers,
            auto_decline_below,
            auto_accept_from,
        } = self.listings[index].terms.format.clone()
        else {
            return;
        };
        let id = self.listings[index].id;
        let market = self.listings[index].terms.market.clone();
        let sku = self.listings[index].terms.sku.clone();
        let currency = world.money(&market, 0).currency;
        let exponent = world.scenario.exponent(currency);
        for (_, buyer) in newcomers {
            if self.listings[index].status != ListingStatus::Live {
                break;
            }
            self.listings[index].buyers.push(buyer.clone());
            if buyer.value >= price {
                self.sell(world, id, buyer.name, buyer.counterpart, price, day, outcome);
                continue;
            }
            if !offers || buyer.value * 100 < price * LEAST_OFFER_SHARE {
                continue;
            }
            let brief = match buyer.counterpart.as_deref().and_then(|c| world.scenario.counterpart(c)) {
                Some(c) => BuyerBrief {
                    target: i64::try_from(i128::from(price) * c.personality.target.0 as i128 / 1_000_000).unwrap_or(0),
                    limit: buyer.value,
                    strategy: Strategy::of(&c.personality),
                    patience: c.personality.patience_rounds.max(1),
                },
                None => {
                    let kind = pick_bargainer(site, rng);
                    BuyerBrief {
                        target: i64::try_from(
                            i128::from(price) * kind.map_or(700_000, |k| k.target.0) as i128 / 1_000_000,
                        )
                        .unwrap_or(0),
                        limit: buyer.value,
                        strategy: kind.map_or(Strategy::TimeDependent { e_milli: 1_000 }, |k| k.strategy),
                        patience: CROWD_PATIENCE,
                    }
                }
            };
            let Some(haggle) = Haggle::open(price, currency, exponent, brief, rng) else {
                continue;
            };
            let offer_id = OfferId(u32::try_from(self.offers.len()).unwrap_or(u32::MAX));
            let amount = haggle.offer().unwrap_or(0);
            outcome.events.push(ShopEvent::OfferReceived {
                offer: offer_id,
                sku: sku.clone(),
                amount,
            });
            let mut offer = Offer {
                id: offer_id,
                listing: id,
                buyer: buyer.name.clone(),
                counterpart: buyer.counterpart.clone(),
                haggle,
                day,
                automatic: false,
            };
            let auto = if auto_accept_from.is_some_and(|a| amount >= a) {
                Some(true)
            } else if auto_decline_below.is_some_and(|d| amount < d) {
                Some(false)
            } else {
                None
            };
            match auto {
                Some(true) => {
                    offer.automatic = true;
                    let _ = offer.haggle.accept();
                    self.offers.push(offer);
                    outcome.events.push(ShopEvent::OfferAutoAnswered {
                        offer: offer_id,
                        accepted: true,
                    });
                    self.sell(world, id, buyer.name, buyer.counterpart, amount, day, outcome);
                }
                Some(false) => {
                    offer.automatic = true;
                    let _ = offer.haggle.decline();
                    self.offers.push(offer);
                    outcome.events.push(ShopEvent::OfferAutoAnswered {
                        offer: offer_id,
                        accepted: false,
                    });
                }
                None => {
                    let name = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.en.clone());
                    let zh = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.zh.clone());
                    let money = world.money(&market, amount).format();
                    outcome.message(
                        buyer.counterpart.clone(),
                        text(format!("Offer: {money} for {name}"), format!("还价：{zh} 出价{money}")),
                        text(
                            format!(
                                "{} offers {money} (your price: {}). Accept, counter or decline on the Offers page; the offer lapses at the end of tomorrow.",
                                buyer.name,
                                world.money(&market, price).format()
                            ),
                            format!(
                                "{}出价{money}（你的标价：{}）。请在“还价”页面接受、还价或拒绝；该出价明天结束时失效。",
                                buyer.name,
                                world.money(&market, price).format()
                            ),
                        ),
                    );
                    self.offers.push(offer);
                }
            }
        }
        let listing = &mut self.listings[index];
        if listing.status == ListingStatus::Live && listing.closes <= day_start(day + 1) {
            listing.status = ListingStatus::Unsold;
            self.in_hand.insert(sku.clone());
            outcome.events.push(ShopEvent::Expired { listing: id, sku });
        }
    }

    /// Parcels are posted, travel, arrive (or are refused or lost); feedback and disputes.
    fn move_parcels(&mut self, world: &World, day: u32, rng: &mut ChaCha8Rng, outcome: &mut Outcome) {
        for index in 0..self.orders.len() {
            let order = self.orders[index].clone();
            let Some(site) = world.site(&order.market) else {
                continue;
            };
            let Some(postage) = self
                .listing(order.listing)
                .and_then(|l| site.postage(&l.terms.postage))
                .cloned()
            else {
                continue;
            };
            let id = order.id;
            if order.status == OrderStatus::AwaitingPost && order.ship_day <= day {
                let o = &mut self.orders[index];
                o.status = OrderStatus::InTransit;
                o.lost = chance(rng, postage.lost_chance.0);
                outcome.events.push(ShopEvent::Shipped { order: id });
                outcome.postings.push((
                    PostTo::Postage,
                    Money::new(-order.postage.minor, order.postage.currency, order.postage.exponent),
                    format!(
                        "{}: {} posted by {} to {}",
                        order.market, order.sku, postage.name.en, order.buyer
                    ),
                ));
                if order.duty_paid && order.charges.duty + order.charges.border_vat > 0 {
                    outcome.postings.push((
                        PostTo::ImportCharges,
                        world.money(&order.market, -(order.charges.duty + order.charges.border_vat)),
                        format!("{}: duty and VAT paid in advance for {}", order.market, order.sku),
                    ));
                }
                continue;
            }
            if order.status == OrderStatus::InTransit && order.deliver_day <= day {
                if order.lost {
                    self.orders[index].status = OrderStatus::Lost;
                    outcome.events.push(ShopEvent::Lost { order: id });
                    self.open_dispute(world, index, DisputeKind::NotReceived, true, day, outcome);
                    continue;
                }
                let at_door = if order.duty_paid { 0 } else { order.charges.at_door() };
                if at_door > 0 {
                    let mut refusal = if order.told_charges { 500 } else { 3_000 };
                    if at_door * 4 > order.price {
                        refusal += 1_000;
                    }
                    if chance(rng, refusal) {
                        self.orders[index].status = OrderStatus::Refused;
                        outcome.events.push(ShopEvent::Refused {
                            order: id,
                            charges: world.money(&order.market, at_door),
                        });
                        self.open_dispute(
                            world,
                            index,
                            DisputeKind::RefusedImportCharges,
                            !order.told_charges,
                            day,
                            outcome,
                        );
                        continue;
                    }
                }
                self.orders[index].status = OrderStatus::Delivered;
                outcome.events.push(ShopEvent::Delivered { order: id });
                // Was the item as described?
                let listing = self.listing(order.listing).cloned();
                let product = world.scenario.product(&order.sku);
                let (grades_over, hidden) = match (listing.as_ref(), product.and_then(|p| p.condition.as_ref())) {
                    (Some(l), Some((grade, faults))) => (
                        (grade_rank(*grade) - grade_rank(l.terms.claimed_grade)).max(0),
                        faults.len().saturating_sub(l.terms.disclosed_faults.len()) as i64,
                    ),
                    _ => (0, 0),
                };
                let misdescribed = grades_over + hidden;
                let nad_chance = if misdescribed > 0 {
                    (3_000 * misdescribed).min(7_000)
                } else {
                    200
                };
                if chance(rng, nad_chance) {
                    self.open_dispute(
                        world,
                        index,
                        DisputeKind::NotAsDescribed,
                        misdescribed > 0,
                        day,
                        outcome,
                    );
                    continue;
                }
                if chance(rng, 200) {
                    self.open_dispute(world, index, DisputeKind::Damaged, true, day, outcome);
                    continue;
                }
                let mut stars: i32 = 5;
                if at_door > 0 && !order.told_charges {
                    stars -= 2;
                }
                if order.answer_score.is_some_and(|s| s < 40) {
                    stars -= 1;
                }
                if listing.is_some_and(|l| l.terms.handling_days > 3) {
                    stars -= 1;
                }
                let stars = stars.clamp(1, 5) as u8;
                self.leave_feedback(index, stars, outcome);
                continue;
            }
            // A refused parcel comes back after the same transit time.
            if order.status == OrderStatus::Refused
                && order.deliver_day + postage.transit_days <= day
                && !self.in_hand.contains(&order.sku)
                && self
                    .orders
                    .iter()
                    .rfind(|o| o.sku == order.sku)
                    .is_some_and(|o| o.id == id)
            {
                self.in_hand.insert(order.sku.clone());
                outcome.events.push(ShopEvent::ReturnedToSeller { order: id });
            }
        }
    }

    fn leave_feedback(&mut self, index: usize, stars: u8, outcome: &mut Outcome) {
        let o = &mut self.orders[index];
        if o.feedback.is_some() {
            return;
        }
        o.feedback = Some(stars);
        outcome.events.push(ShopEvent::Feedback { order: o.id, stars });
        let delta = match stars {
            5 => 2,
            4 => 1,
            3 => 0,
            2 => -2,
            _ => -4,
        };
        if delta != 0 {
            outcome.reputation.push((
                delta,
                text(
                    format!("{} left {stars}-star feedback on {}", o.buyer, o.sku),
                    format!("{}对{}给出了{stars}星评价", o.buyer, o.sku),
                ),
            ));
        }
    }

    fn open_dispute(
        &mut self,
        world: &World,
        index: usize,
        kind: DisputeKind,
        justified: bool,
        day: u32,
        outcome: &mut Outcome,
    ) {
        let o = &mut self.orders[index];
        o.dispute = Some(Dispute {
            kind,
            opened_day: day,
            respond_by: day + DISPUTE_DAYS,
            justified,
            outcome: None,
        });
        outcome.events.push(ShopEvent::DisputeOpened { order: o.id, kind });
        let (en, zh) = match kind {
            DisputeKind::NotReceived => ("says the parcel never arrived", "称包裹没有收到"),
            DisputeKind::NotAsDescribed => ("says the item is not as described", "称商品与描述不符"),
            DisputeKind::Damaged => ("says the item arrived damaged", "称商品到货时已损坏"),
            DisputeKind::RefusedImportCharges => (
                "refused to pay the import charges at the door; the parcel is coming back and they ask for a refund",
                "拒付到门的进口税费；包裹正在退回，买家要求退款",
            ),
        };
        let price = world.money(&o.market, o.price).format();
        outcome.message(
            o.counterpart.clone(),
            text(format!("Dispute: {} ({})", o.sku, price), format!("纠纷：{}（{}）", o.sku, price)),
            text(
                format!(
                    "{} {en}. Answer on the Disputes page by day {}: refund, partial refund, return, or decline and let the site decide.",
                    o.buyer,
                    day + DISPUTE_DAYS
                ),
                format!(
                    "{}{zh}。请在第{}天前在“纠纷”页面处理：退款、部分退款、退货退款，或拒绝并交由平台裁决。",
                    o.buyer,
                    day + DISPUTE_DAYS
                ),
            ),
        );
    }

    /// Disputes the seller left unanswered past their day go to the site.
    fn site_decides_overdue(&mut self, world: &World, day: u32, outcome: &mut Outcome) {
        let overdue: Vec<OrderId> = self
            .open_disputes()
            .filter(|o| o.dispute.as_ref().is_some_and(|d| d.respond_by <= day))
            .map(|o| o.id)
            .collect();
        for id in overdue {
            self.settle(world, id, Resolution::Decline, true, day, outcome);
        }
    }

    /// Carries out a resolution (checked by the caller): money, reputation, feedback.
    fn settle(
        &mut self,
        world: &World,
        id: OrderId,
        resolution: Resolution,
        overdue: bool,
        day: u32,
        outcome: &mut Outcome,
    ) {
        let index = id.0 as usize;
        let Some(order) = self.orders.get(index).cloned() else {
            return;
        };
        let Some(dispute) = order.dispute.clone() else { return };
        let p = order.price;
        let postage = order.postage;
        let postage_in_market = (world.convert)(postage, world.money(&order.market, 0).currency).unwrap_or(0);
        let (partial_accepted, least) = match (resolution, dispute.kind) {
            (Resolution::PartialRefund(bp), DisputeKind::NotAsDescribed) => {
                let least = if dispute.justified { 3_000 } else { 1_000 };
                (bp.0 >= least, least)
            }
            (Resolution::PartialRefund(bp), _) => (bp.0 >= 2_500, 2_500),
            _ => (false, 0),
        };
        let site_decides = matches!(resolution, Resolution::Decline)
            || matches!(resolution, Resolution::PartialRefund(_)) && !partial_accepted;
        let mut result = DisputeOutcome {
            chosen: resolution,
            decided_by_site: site_decides,
            refund: 0,
            return_postage: None,
            reputation: 0,
            stars: 3,
            item_back: false,
            explanation: text("", ""),
        };
        if site_decides {
            let because = if overdue {
                (
                    "You did not answer in time, so the site decided. ",
                    "你没有按时回复，由平台裁决。",
                )
            } else if matches!(resolution, Resolution::PartialRefund(_)) {
                (
                    "The buyer turned the partial refund down and asked the site to step in. ",
                    "买家拒绝部分退款并要求平台介入。",
                )
            } else {
                ("You declined, so the site decided. ", "你拒绝了，由平台裁决。")
            };
            match (dispute.kind, dispute.justified) {
                (DisputeKind::RefusedImportCharges, false) => {
                    result.refund = (p - postage_in_market).max(0);
                    result.stars = 2;
                    result.reputation = -2;
                    result.explanation = text(
                        format!(
                            "{}The buyer had been told about the import charges, so the site refunded the price less your postage.",
                            because.0
                        ),
                        format!("{}买家事先已被告知进口税费，平台退还货款但扣除你的邮费。", because.1),
                    );
                }
                (_, true) => {
                    result.refund = p;
                    result.stars = 1;
                    result.reputation = -6;
                    result.explanation = text(
                        format!(
                            "{}The claim was justified: the site refunded the buyer in full from your account and counted a seller defect.",
                            because.0
                        ),
                        format!(
                            "{}买家的投诉成立：平台从你的账户全额退款，并记一次卖家违规。",
                            because.1
                        ),
                    );
                }
                (_, false) => {
                    result.stars = 2;
                    result.reputation = -2;
                    result.explanation = text(
                        format!(
                            "{}Your description was accurate, so the site found for you; the buyer left poor feedback.",
                            because.0
                        ),
                        format!("{}你的描述属实，平台判你胜诉；买家留下了差评。", because.1),
                    );
                }
            }
            let _ = least;
        } else {
            match resolution {
                Resolution::FullRefund => {
                    result.refund = p;
                    result.reputation = -1;
                    result.explanation = text(
                        "You refunded in full: the buyer is satisfied, you lose the sale.",
                        "你全额退款：买家满意，但这笔销售没了。",
                    );
                }
                Resolution::PartialRefund(bp) => {
                    result.refund = bp.of(p);
                    result.stars = 4;
                    result.explanation = text(
                        format!("The buyer accepted {bp} back and keeps the item."),
                        format!("买家接受退还{bp}并保留商品。"),
                    );
                }
                Resolution::Return => {
                    result.refund = p;
                    result.return_postage = Some(postage);
                    result.item_back = true;
                    result.explanation = text(
                        "The buyer sent the item back at your cost and got the price back; the item is in hand again.",
                        "买家退回商品，运费由你承担，并获得全额退款；商品已回到你手中。",
                    );
                }
                Resolution::Decline => {}
            }
        }
        if result.refund > 0 {
            outcome.postings.push((
                PostTo::Refunds,
                world.money(&order.market, -result.refund),
                format!("{}: refund to {} for {}", order.market, order.buyer, order.sku),
            ));
        }
        if let Some(back) = result.return_postage {
            outcome.postings.push((
                PostTo::Postage,
                Money::new(-back.minor, back.currency, back.exponent),
                format!("{}: return postage for {}", order.market, order.sku),
            ));
        }
        if result.item_back {
            self.in_hand.insert(order.sku.clone());
        }
        if result.reputation != 0 {
            outcome.reputation.push((
                result.reputation,
                text(
                    format!("Dispute with {} over {}", order.buyer, order.sku),
                    format!("与{}就{}的纠纷", order.buyer, order.sku),
                ),
            ));
        }
        outcome.events.push(ShopEvent::DisputeResolved {
            order: id,
            refund: world.money(&order.market, result.refund),
            by_site: result.decided_by_site,
        });
        let stars = result.stars;
        if let Some(d) = self.orders[index].dispute.as_mut() {
            d.outcome = Some(result);
        }
        let _ = day;
        // The buyer's feedback follows the dispute (reputation already counted above).
        let o = &mut self.orders[index];
        if o.feedback.is_none() {
            o.feedback = Some(stars);
            outcome.events.push(ShopEvent::Feedback { order: id, stars });
        }
    }
}

/// The seller's answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferReply {
    Accept,
    Counter(i64),
    Decline,
}

fn merge(into: &mut Outcome, from: Outcome) {
    into.events.extend(from.events);
    into.postings.extend(from.postings);
    into.reputation.extend(from.reputation);
    into.messages.extend(from.messages);
}

fn pick_bargainer(site: &AuctionSite, rng: &mut ChaCha8Rng) -> Option<super::site::Bargainer> {
    let mut roll = rng.random_range(0..10_000i64);
    for b in &site.bargainers {
        if roll < b.share.0 {
            return Some(*b);
        }
        roll -= b.share.0;
    }
    site.bargainers.last().copied()
}

/// What a crowd buyer asks: import charges if the listing is silent on them, the faults if
/// some are hidden, and one more topic.
fn question_topics(terms: &ItemTerms, faults: &[Text], rng: &mut ChaCha8Rng) -> Vec<QuestionTopic> {
    let mut topics = Vec::new();
    if !terms.states_import_charges {
        topics.push(QuestionTopic::ImportCharges);
    }
    if terms.disclosed_faults.len() < faults.len() {
        topics.push(QuestionTopic::Condition);
    }
    let all = [
        QuestionTopic::Size,
        QuestionTopic::Condition,
        QuestionTopic::ShippingTime,
        QuestionTopic::ImportCharges,
    ];
    let extra = all[rng.random_range(0..all.len())];
    if !topics.contains(&extra) {
        topics.push(extra);
    }
    topics.sort();
    topics
}

fn crowd_question_text(product: &Product, topics: &[QuestionTopic]) -> (Text, Text) {
    let mut en = vec![format!("Hi, I am interested in your {}.", product.name.en)];
    let mut zh = vec![format!("你好，我对你的{}感兴趣。", product.name.zh)];
    for t in topics {
        let (e, z) = match t {
            QuestionTopic::Size => ("How big and heavy is it, packed?", "包装后多大、多重？"),
            QuestionTopic::Condition => ("Are there any faults I should know about?", "有没有需要我知道的瑕疵？"),
            QuestionTopic::ShippingTime => ("How long will shipping take?", "运输要多久？"),
            QuestionTopic::ImportCharges => ("Will I have to pay anything on delivery?", "收货时我还要付费吗？"),
        };
        en.push(e.to_string());
        zh.push(z.to_string());
    }
    en.push("Thanks!".to_string());
    zh.push("谢谢！".to_string());
    (
        text(
            format!("Question about {}", product.name.en),
            format!("关于{}的问题", product.name.zh),
        ),
        text(en.join(" "), zh.join("")),
    )
}

/// The landed cost of the buying exercise at today's rates, and whether `estimate` is within
/// 3% of it.
pub fn purchase_grade(world: &World, market: &str, estimate: i64) -> Option<PurchaseGrade> {
    let m = world.market(market)?;
    let purchase = world.site(market)?.purchase.as_ref()?;
    let home = world.scenario.home_currency();
    let exponent = world.scenario.exponent(home);
    let price_home = (world.convert)(
        Money::new(purchase.price, m.currency, world.scenario.exponent(m.currency)),
        home,
    )?;
    let postage_home = (world.convert)(
        Money::new(purchase.postage, m.currency, world.scenario.exponent(m.currency)),
        home,
    )?;
    let tax_due = purchase.import_tax.of(price_home + postage_home);
    let waived_limit = (world.convert)(purchase.tax_waived_up_to, home)?;
    let tax_waived = tax_due <= waived_limit;
    let tax = if tax_waived { 0 } else { tax_due };
    let landed = price_home + postage_home + tax;
    let _ = exponent;
    let correct = (estimate - landed).abs() * 100 <= landed.abs() * 3;
    Some(PurchaseGrade {
        market: market.to_string(),
        price_home,
        postage_home,
        tax,
        tax_waived,
        landed,
        estimate,
        correct,
    })
}
