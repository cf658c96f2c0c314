//! The commands a player (or the class server, or a replayed save) gives the session: the whole
//! vocabulary of what can be done in a scenario. Saves and replays store them as written here
//! (docs/commands.md lists every one).

use super::MessageId;
use crate::sim::customs::declaration::DeclarationForm;
use crate::sim::deal::DocumentsForm;
use crate::sim::money::BasisPoints;

pub use crate::sim::terms::{INSTRUCTOR_SEAT, MARKET_SEAT};

/// What the player (or a script) asks the session to do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Command {
    /// Close the current day; the next one starts (or the scenario ends after the last).
    EndDay,
    MarkRead(MessageId),
    /// Stop before the last day and go to the debrief.
    FinishEarly,
    /// Classify a product step by step (codes chosen at section, chapter, heading, subheading
    /// and national level); it is graded against the bundled nomenclature.
    SubmitClassification {
        sku: String,
        chosen: Vec<String>,
    },
    /// Lodge the declaration of a customs task; it is checked field by field.
    SubmitDeclaration {
        task: String,
        form: Box<DeclarationForm>,
    },
    /// The side to move in a negotiation makes an offer (an option index per issue) with a
    /// note added to the letter; the AI counterpart answers at once.
    MakeOffer {
        task: String,
        options: Vec<usize>,
        note: String,
    },
    /// The side to move accepts the other side's offer on the table.
    AcceptOffer {
        task: String,
    },
    /// The side to move breaks off the negotiation.
    WalkAway {
        task: String,
    },
    /// Publish (or update) the student's listing of a product on a market's storefront, buying
    /// `terms.add_stock` more units at the product's unit cost (and, for an overseas
    /// warehouse, paying their head-haul freight).
    PublishListing {
        market: String,
        sku: String,
        text: Box<crate::sim::market::quality::ListingText>,
        terms: Box<crate::sim::market::ListingTerms>,
    },
    /// Run a time-limited deal on the student's listing of `sku`: `discount` off for `days` days
    /// starting with the next store day.
    StartDeal {
        market: String,
        sku: String,
        discount: BasisPoints,
        days: u32,
    },
    /// Run a coupon on the student's listing of `sku` for `days` days, or until `budget`
    /// (market currency: the discounts plus the platform's fee per redemption) is spent.
    StartCoupon {
        market: String,
        sku: String,
        discount: BasisPoints,
        budget: i64,
        days: u32,
    },
    /// Pay a creator for a sponsored post about the student's listing of `sku`; it goes live
    /// with the next store day.
    BookInfluencer {
        market: String,
        sku: String,
        influencer: String,
    },
    /// Book a container on the next sailing for a signed contract (again to re-book, e.g. after
    /// missing the vessel).
    BookShipment {
        task: String,
    },
    /// Present the shipping documents of a signed contract; they are checked against it (and
    /// UCP 600 for a letter of credit) and, if they comply, the buyer pays.
    PresentDocuments {
        task: String,
        form: Box<DocumentsForm>,
    },
    /// After the talks: which strategy did the AI counterpart use?
    GuessStrategy {
        task: String,
        guess: crate::sim::terms::ConcessionStrategy,
    },
    /// List a second-hand item on a market's auction site (C2C).
    ListItem {
        terms: Box<crate::sim::c2c::ItemTerms>,
    },
    /// Accept, counter or decline a buyer's offer (C2C make an offer).
    ReplyToOffer {
        offer: crate::sim::c2c::OfferId,
        reply: crate::sim::c2c::OfferReply,
    },
    /// Answer a buyer's question: one statement per topic (index, or none) and a note.
    AnswerQuestion {
        question: crate::sim::c2c::QuestionId,
        choices: Vec<Option<usize>>,
        note: String,
    },
    /// Post a sold item with its CN23 customs declaration.
    PostParcel {
        order: crate::sim::c2c::OrderId,
        form: Box<crate::sim::c2c::Cn23Form>,
    },
    /// Resolve a buyer's dispute on an order.
    ResolveDispute {
        order: crate::sim::c2c::OrderId,
        resolution: crate::sim::c2c::Resolution,
    },
    /// The buying exercise: the student's estimate of the landed cost, home currency minor units.
    EstimatePurchase {
        market: String,
        estimate: i64,
    },
    /// The buying exercise: place or raise the student's maximum bid (market currency) on the
    /// item abroad.
    BidAbroad {
        market: String,
        max: i64,
    },
    /// File a cost sheet for a product on a market's storefront; each line is checked against
    /// the landed-cost engine at the sheet's price and shipping option.
    SubmitCostSheet {
        market: String,
        sku: String,
        sheet: Box<crate::sim::market::cost_sheet::CostSheet>,
    },
    /// Answer the letter of a task: one statement per point (index, or none) and a note.
    ReplyToLetter {
        task: String,
        choices: Vec<Option<usize>>,
        note: String,
    },
    /// Answers the task's letter in the student's own words (free writing): each point is
    /// found in the text and checked against its facts (see `sim::writing`).
    WriteLetterReply {
        task: String,
        text: String,
    },
    /// The instructor fires one of the scenario's random events now (a class's dashboard:
    /// an exchange-rate shock, a congested port), counted against the event's `max_times`.
    /// Only the instructor's seat ([`INSTRUCTOR_SEAT`]) gives it.
    FireEvent {
        event: String,
    },
    /// A class's shared marketplace ends the day at this store: the day goes on as `EndDay`,
    /// but the stores' day is the one the whole market ran (`sim::marketplace`), given here for
    /// each of the store's marketplaces. Only the market's seat ([`MARKET_SEAT`]) gives it; a
    /// save with one replays only with the market's log, which is checked against it.
    MarketDay(Vec<crate::sim::market::SharedDayResult>),
    /// A class of a C2C scenario: the student, as a buyer, bids on, buys, makes an offer for
    /// or asks about listing `listing` of a classmate's shop (`shop`, its number in the class's
    /// market from 0). Recorded now; the seller's shop takes it when the class's day ends.
    BuyFromClassmate {
        shop: u32,
        listing: u32,
        action: crate::sim::c2c::BuyerMove,
    },
    /// The student rates (1 to 5 stars) the classmate who sold them purchase `purchase` (an
    /// index into their purchases), once it has arrived.
    RateClassmate {
        purchase: u32,
        stars: u8,
    },
    /// A class's market carries trade between classmates' shops: their moves into a seller's
    /// shop before its day ends, and the news of their purchases into a buyer's shop after it.
    /// Only the market's seat ([`MARKET_SEAT`]) gives it; a save with one replays only with the
    /// market's log, which is checked against it.
    ClassmateTrades(Vec<crate::sim::c2c::ClassmateTrade>),
}
