//! The student's C2C shop: second-hand items listed by auction or at a fixed price with
//! "make an offer", the buyers who come each day (bidders, bargainers, people with questions),
//! sales, parcels through customs, feedback and disputes.
//!
//! `Shop` never touches cash or reputation itself: each step returns an [`Outcome`] with the
//! money to post (in any currency), reputation changes and inbox messages, which the session
//! applies. Every formula and constant is documented in `docs/c2c-model.md`.

use crate::sim::said::Said;
use std::collections::BTreeSet;

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::sim::money::{BasisPoints, CurrencyCode, Money};
use crate::sim::scenario::{Market, Scenario};
use crate::sim::terms::{ConditionGrade, QuestionTopic, Text};

use super::auction::{Auction, AuctionResult, AuctionTerms, DAY_MINUTES, Minute, day_start};
use super::cn23::{Cn23Check, Cn23Form, check_cn23};
use super::haggle::{Haggle, HaggleError, HaggleMove, HaggleState};
use super::parcel::{ImportCharges, import_charges};
use super::questions::{AnswerFacts, AnswerGrade, QuestionId, Statement, Verdict, grade_answer, statements};
use super::site::AuctionSite;

mod buyers;
mod classmates;
mod parcels;
mod purchase;

pub use classmates::{
    BuyerMove, BuyerMoveRecord, ClassmatePurchase, ClassmateTrade, MAX_BUYER_MOVES_PER_DAY, MAX_QUESTION_NOTE_CHARS,
    PurchaseNews, PurchaseStatus, classmate_name,
};

pub use purchase::{Landed, PurchaseAuction, PurchaseOutcome, Rival, landed_at, purchase_grade};

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
/// Days a parcel with a wrong CN23 is held at the destination's customs.
pub const CUSTOMS_HOLD_DAYS: u32 = 4;
/// Days after the promised posting day at which the site cancels an unposted sale.
pub const LATE_CANCEL_DAYS: u32 = 7;
/// The largest amount (minor units) the shop accepts for a price, bid or estimate.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;
/// Offers a crowd bargainer makes at most.
pub const CROWD_PATIENCE: u32 = 3;

/// Index of a listing in the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemListingId(pub u32);
/// Index of a make-an-offer negotiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct OfferId(pub u32);
/// Index of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct OrderId(pub u32);

/// Auction or fixed price.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    #[error("that order is not waiting to be posted")]
    NotAwaitingPost,
    #[error("there is no open dispute on that order")]
    NoDispute,
    #[error("that resolution does not fit this kind of dispute")]
    BadResolution,
    #[error("market `{0}` has no buying exercise")]
    NoPurchase(String),
    #[error(transparent)]
    Bid(super::auction::BidError),
    #[error("the bid must be at least {}", .0.format())]
    BidTooLow(crate::sim::money::Money),
    #[error("that listing is no longer open")]
    ListingClosed,
    #[error("there is no such purchase, or it cannot be rated now")]
    NoClassmatePurchase,
}

impl ShopError {
    /// Why, in the reader's language.
    pub fn said(&self) -> Said {
        match self {
            ShopError::NoSite(market) => Said::new("refused-no-site").with("market", market.as_str()),
            ShopError::NotInHand(sku) => Said::new("refused-not-in-hand").with("sku", sku.as_str()),
            ShopError::NoPostage(id) => Said::new("refused-no-postage").with("postage", id.as_str()),
            ShopError::BadTerms(why) => crate::sim::said::refusal(why),
            ShopError::NoOffer => Said::new("refused-no-offer"),
            ShopError::Haggle(e) => e.said(),
            ShopError::NoQuestion => Said::new("refused-no-question"),
            ShopError::AlreadyAnswered => Said::new("refused-question-answered"),
            ShopError::NotAwaitingPost => Said::new("refused-not-awaiting-post"),
            ShopError::NoDispute => Said::new("refused-no-dispute"),
            ShopError::BadResolution => Said::new("refused-bad-resolution"),
            ShopError::NoPurchase(market) => Said::new("refused-no-purchase").with("market", market.as_str()),
            ShopError::Bid(e) => e.said(),
            ShopError::BidTooLow(minimum) => Said::new("refused-bid-below").with("minimum", minimum.format()),
            ShopError::ListingClosed => Said::new("refused-listing-closed"),
            ShopError::NoClassmatePurchase => Said::new("refused-no-classmate-purchase"),
        }
    }
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
    /// A classmate's shop (its index in the class's market) bidding through the site.
    pub classmate: Option<u32>,
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
    /// The break-even price (cost, postage, fee, any duty paid) at the rates of the day it
    /// was listed, for judging its floor.
    pub break_even_at_listing: Option<i64>,
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
    /// The classmate's shop making the offer (a class's market).
    pub classmate: Option<u32>,
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

impl DisputeKind {
    /// The kind in Chinese (English reasons keep the kind's name as written).
    pub fn name_zh(self) -> &'static str {
        match self {
            DisputeKind::NotReceived => "未收到货",
            DisputeKind::NotAsDescribed => "与描述不符",
            DisputeKind::Damaged => "货物损坏",
            DisputeKind::RefusedImportCharges => "拒付进口税费",
        }
    }
}

/// The seller's answer to a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// A refused parcel back with the seller.
    Returned,
    Lost,
    /// Never posted: the site cancelled the sale and refunded the buyer.
    Cancelled,
}

impl OrderStatus {
    /// The status in Chinese (English reasons keep the status's name as written).
    pub fn name_zh(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPost => "待寄出",
            OrderStatus::InTransit => "运输中",
            OrderStatus::Delivered => "已送达",
            OrderStatus::Refused => "被拒收",
            OrderStatus::Returned => "已退回",
            OrderStatus::Lost => "丢失",
            OrderStatus::Cancelled => "已取消",
        }
    }
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
    /// The classmate's shop that bought it (a class's market): they rate it themselves.
    pub classmate: Option<u32>,
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
    /// The day the student posted it, with its CN23.
    pub posted_day: Option<u32>,
    pub cn23: Option<Cn23Check>,
    /// Held at the destination's customs for a wrong CN23.
    pub held: bool,
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
    /// When the true import-charges statement was sent: whether it said the buyer pays at
    /// the door (at the price then shown). `None` if the charges were not answered truly.
    pub told_pays_at_door: Option<bool>,
    /// What was sent for each topic, as it read then (the facts may change later).
    pub sent: Vec<(QuestionTopic, Option<Statement>)>,
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
    /// The classmate's shop that asked (a class's market).
    pub classmate: Option<u32>,
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
    /// The CN23 was checked: `wrong` fields; a wrong form has the parcel held at customs.
    Declared {
        order: OrderId,
        wrong: usize,
        held: bool,
    },
    /// The seller never posted; the site cancelled the sale.
    Cancelled {
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
    /// A classmate's move on one of the student's listings could not be carried out (the
    /// class's market tells the classmate why).
    ClassmateMoveRefused {
        buyer: u32,
        listing: u32,
        why: String,
    },
    /// Where something the student bought from a classmate stands now.
    ClassmatePurchase {
        seller: u32,
        order: u32,
        status: PurchaseStatus,
    },
    /// The auction abroad the student bid in closed.
    BoughtAbroad {
        market: String,
        won: bool,
        price: Money,
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
    /// The student's own purchase from abroad (the buying exercise).
    Purchase,
}

/// What a shop step asks the session to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub events: Vec<ShopEvent>,
    /// Money in (positive) or out (negative), any currency, with a memo.
    pub postings: Vec<(PostTo, Money, Said)>,
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

/// The seller's automatic rules on an offer of `amount`: accepted from `accept_from`,
/// declined below `decline_below`, else `None` (the seller answers).
fn automatic_answer(amount: i64, accept_from: Option<i64>, decline_below: Option<i64>) -> Option<bool> {
    if accept_from.is_some_and(|a| amount >= a) {
        Some(true)
    } else if decline_below.is_some_and(|d| amount < d) {
        Some(false)
    } else {
        None
    }
}

fn chance(rng: &mut ChaCha8Rng, bp: i64) -> bool {
    rng.random_range(0..10_000i64) < bp
}

/// The student's C2C shop across the scenario's auction sites.
#[derive(Debug, Clone, Default)]
pub struct Shop {
    pub listings: Vec<ItemListing>,
    pub offers: Vec<Offer>,
    pub orders: Vec<Order>,
    pub questions: Vec<Question>,
    pub purchases: Vec<PurchaseGrade>,
    /// The auctions abroad the student bid in (the buying exercise).
    pub bids_abroad: Vec<PurchaseAuction>,
    /// Items the student holds and may list (second-hand products).
    pub in_hand: BTreeSet<String>,
    /// What the student bought from classmates (a class's market).
    pub bought: Vec<ClassmatePurchase>,
    /// The student's moves on classmates' listings, as a buyer.
    pub buyer_moves: Vec<BuyerMoveRecord>,
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
    /// Sold items waiting to be posted.
    pub fn awaiting_post(&self) -> Vec<OrderId> {
        self.orders
            .iter()
            .filter(|o| o.status == OrderStatus::AwaitingPost)
            .map(|o| o.id)
            .collect()
    }
    /// Questions not answered yet.
    pub fn unanswered(&self) -> Vec<QuestionId> {
        self.questions
            .iter()
            .filter(|q| q.answer.is_none())
            .map(|q| q.id)
            .collect()
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
        let distinct: BTreeSet<usize> = terms.disclosed_faults.iter().copied().collect();
        if distinct.len() != terms.disclosed_faults.len() {
            return Err(ShopError::BadTerms("each fault is mentioned once"));
        }
        let amounts = match &terms.format {
            SaleFormat::Auction {
                start_price,
                reserve,
                buy_it_now,
                ..
            } => vec![Some(*start_price), *reserve, *buy_it_now],
            SaleFormat::FixedPrice {
                price,
                auto_decline_below,
                auto_accept_from,
                ..
            } => vec![Some(*price), *auto_decline_below, *auto_accept_from],
        };
        if amounts.into_iter().flatten().any(|a| a > MAX_AMOUNT) {
            return Err(ShopError::BadTerms("that price is beyond any second-hand market"));
        }
        match &terms.format {
            SaleFormat::Auction {
                start_price,
                reserve,
                buy_it_now,
                days,
                soft_close,
            } => {
                if *soft_close && site.soft_close_minutes == 0 {
                    return Err(ShopError::BadTerms(
                        "auctions on this site end at a fixed time: it has no soft close",
                    ));
                }
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
            break_even_at_listing: None,
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
            classmate: None,
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
        let pays_at_door = self
            .question(question)
            .and_then(|q| self.answer_facts(world, q))
            .map(|f| f.pays_at_door);
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
        let charges_true = options.iter().enumerate().any(|(i, (topic, list))| {
            *topic == QuestionTopic::ImportCharges
                && choices
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| list.get(c))
                    .is_some_and(|s| s.verdict == Verdict::Right)
        });
        let sent = options
            .iter()
            .enumerate()
            .map(|(i, (topic, list))| {
                (
                    *topic,
                    choices.get(i).copied().flatten().and_then(|c| list.get(c)).cloned(),
                )
            })
            .collect();
        q.answer = Some(Answer {
            day,
            choices,
            note,
            grade,
            told_pays_at_door: pays_at_door.filter(|_| charges_true),
            sent,
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
                // A classmate answers a counter later; an AI buyer at once (both moves shown).
                if !o.haggle.is_classmate() {
                    outcome.events.push(ShopEvent::Haggled {
                        offer,
                        step: HaggleMove::SellerCounters(price),
                    });
                }
                o.haggle.counter(price, rng)?
            }
        };
        o.day = day;
        outcome.events.push(ShopEvent::Haggled { offer, step });
        if let HaggleState::Agreed { price } = o.haggle.state() {
            let (buyer, counterpart, classmate) = (o.buyer.clone(), o.counterpart.clone(), o.classmate);
            self.sell(world, listing, buyer, counterpart, classmate, price, day, &mut outcome);
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
        if !(0..=MAX_AMOUNT).contains(&estimate) {
            return Err(ShopError::BadTerms("an estimate is an amount from zero up"));
        }
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
        classmate: Option<u32>,
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
        let told_pays_at_door = asked.and_then(|q| q.answer.as_ref()).and_then(|a| a.told_pays_at_door);
        let charges = import_charges(
            world.scenario,
            market,
            product,
            price,
            site.collection_fee.minor,
            world.date(day),
        );
        let pays_at_door = charges.at_door() > 0 && !terms.duty_paid;
        let ship_day = day + terms.handling_days;
        self.orders.push(Order {
            id,
            listing,
            sku: terms.sku.clone(),
            market: terms.market.clone(),
            buyer: buyer.clone(),
            counterpart,
            classmate,
            price,
            sold_day: day,
            ship_day,
            deliver_day: ship_day + postage.transit_days,
            postage: postage.price(product.gross_weight_g),
            charges,
            duty_paid: terms.duty_paid,
            // Told: the listing states the charges, or the true answer matched what happened.
            told_charges: terms.states_import_charges || told_pays_at_door == Some(pays_at_door),
            answer_score,
            status: OrderStatus::AwaitingPost,
            feedback: None,
            dispute: None,
            posted_day: None,
            cn23: None,
            held: false,
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
            Said::new("memo-sold")
                .with("market", terms.market.as_str())
                .with("sku", terms.sku.as_str())
                .with("buyer", buyer.as_str())
                .with("price", world.money(&terms.market, price).format())
                .with("fee", world.money(&terms.market, fee).format()),
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
        self.run_bids_abroad(world, day, &mut outcome);
        outcome
    }

    fn expire_offers(&mut self, day: u32, outcome: &mut Outcome) {
        for o in &mut self.offers {
            let open = o.haggle.offer().is_some() || o.haggle.counter_waiting().is_some();
            if open && o.day + OFFER_DAYS <= day + 1 && day > o.day {
                o.haggle.expire();
                outcome.events.push(ShopEvent::Haggled {
                    offer: o.id,
                    step: HaggleMove::Expired,
                });
            }
        }
    }
}

/// The seller's answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OfferReply {
    Accept,
    Counter(i64),
    Decline,
}
