//! What the session tells: the events that happened, the inbox's messages, the ledger's
//! bookings, why a command was refused, and the play mode.

use crate::sim::date::Date;
use crate::sim::market::ListingError;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, Money};
use crate::sim::negotiation::{TalkError, TalkEvent};
use crate::sim::said::Said;
use crate::sim::terms::Text;

/// Index of a message in the inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct MessageId(pub u32);

/// A message in the student's inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: MessageId,
    pub day: u32,
    /// Counterpart id, or `None` for the company itself.
    pub from: Option<String>,
    pub subject: Text,
    pub body: Text,
    pub read: bool,
    /// A buyer's question the student can answer from the inbox.
    pub question: Option<crate::sim::c2c::QuestionId>,
}

/// Facts that happened, in order; the UI shows them and the debrief lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    DayStarted {
        day: u32,
        date: Date,
    },
    MessageArrived {
        id: MessageId,
    },
    MessageRead {
        id: MessageId,
    },
    RateMoved {
        currency: CurrencyCode,
        from: Micros,
        to: Micros,
    },
    CashChanged {
        money: Money,
        reason: Text,
    },
    ReputationChanged {
        from: u32,
        to: u32,
        reason: Text,
    },
    ScenarioEnded {
        day: u32,
    },
    /// A classification was graded.
    ClassificationGraded {
        sku: String,
        correct: usize,
        total: usize,
    },
    /// Customs charged a fee or penalty; it is in the ledger.
    CustomsCharged {
        task: String,
        account: Account,
        money: Money,
    },
    /// Customs ordered an inspection, holding the goods longer.
    InspectionOrdered {
        task: String,
        days: u32,
    },
    /// An accepted declaration: the goods will be released on `day`.
    ReleaseScheduled {
        task: String,
        day: u32,
    },
    /// The goods are released and may leave.
    GoodsReleased {
        task: String,
    },
    /// A move in a negotiation.
    Negotiation {
        task: String,
        event: TalkEvent,
    },
    /// An agreed negotiation became a sales contract.
    ContractSigned {
        task: String,
        number: String,
    },
    /// Shipping documents were checked.
    DocumentsChecked {
        task: String,
        attempt: u32,
        discrepancies: usize,
        complied: bool,
    },
    /// A listing went live (or was updated) with this quality score.
    ListingPublished {
        market: String,
        sku: String,
        quality: u16,
    },
    /// A store day: the student's orders and sales (market currency), ad spend, and the payout
    /// after fees converted to the home currency.
    StoreDay {
        market: String,
        orders: u32,
        sales: Money,
        ad_spend: Money,
        payout: Money,
    },
    /// A deal started: `discount` off through day `last_day`.
    DealStarted {
        market: String,
        sku: String,
        discount: BasisPoints,
        last_day: u32,
    },
    /// A coupon started: `discount` off through day `last_day` or until its budget is spent.
    CouponStarted {
        market: String,
        sku: String,
        discount: BasisPoints,
        budget: Money,
        last_day: u32,
    },
    /// A creator's post was paid for; it goes live on `first_day`.
    InfluencerBooked {
        market: String,
        sku: String,
        influencer: String,
        fee: Money,
        first_day: u32,
    },
    /// A container was booked: the vessel sails on `sailing`.
    ShipmentBooked {
        task: String,
        sailing: Date,
    },
    /// A D/A draft was accepted: the buyer pays `amount` on `day`.
    PaymentScheduled {
        task: String,
        amount: Money,
        day: u32,
    },
    /// The buyer (or the issuing bank) paid; the proceeds were sold for the home currency at
    /// today's rate.
    PaymentReceived {
        task: String,
        amount: Money,
        settled: Money,
    },
    /// The student's guess of the AI's strategy was graded.
    StrategyGuessed {
        task: String,
        correct: bool,
    },
    /// A declaration was checked: how many fields were right and wrong, and whether it cleared.
    DeclarationChecked {
        task: String,
        attempt: u32,
        correct: usize,
        wrong: usize,
        cleared: bool,
    },
    /// Something happened in the C2C shop.
    Shop(crate::sim::c2c::ShopEvent),
    /// The student answered a task's letter; graded out of 100.
    LetterSent {
        task: String,
        score: u32,
    },
    /// A cost sheet was filed: `wrong` of its lines are wrong.
    CostSheetChecked {
        market: String,
        sku: String,
        wrong: usize,
    },
}

/// Ledger accounts for money that left or entered the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Account {
    CustomsFees,
    CustomsPenalties,
    /// Money received for exported goods, in the home currency after FX settlement.
    ExportProceeds,
    /// Stock bought for the online store.
    Inventory,
    /// Marketplace payouts after fees and advertising.
    Marketplace,
    /// Postage, courier and warehouse freight for the online store.
    Logistics,
    /// Creators' fees for sponsored posts.
    Marketing,
    /// Money given back to buyers (C2C disputes).
    Refunds,
    /// The student's own purchase from abroad (the C2C buying exercise).
    Purchases,
    Other,
}

/// One booking: what moved, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub day: u32,
    pub account: Account,
    /// Negative: paid out.
    pub money: Money,
    pub memo: Said,
}

/// Why a command was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("the scenario has ended")]
    ScenarioOver,
    #[error("in a shared marketplace the day ends for every store together")]
    SharedDay,
    #[error("a number or text in this command is out of range: {0}")]
    OutOfRange(String),
    /// A number or text over its limit (scenario::limits), said with the field it is in.
    #[error("a number or text in this command is out of range: {}", crate::i18n::english().say(.0))]
    Limit(Box<Said>),
    #[error("a written reply has at most {max} characters, this one {chars}")]
    ReplyTooLong { max: usize, chars: usize },
    #[error("there is no message {0:?}")]
    NoSuchMessage(MessageId),
    #[error("`{0}` cannot be classified with the bundled nomenclature excerpt")]
    NotClassifiable(String),
    #[error("task `{0}` has no declaration to lodge")]
    NoDeclaration(String),
    #[error("the goods of task `{0}` have already cleared customs")]
    AlreadyCleared(String),
    #[error("task `{0}` has no negotiation")]
    NoNegotiation(String),
    #[error("task `{0}` has no signed contract yet")]
    NoContract(String),
    #[error("the goods are not ready until {0}: book the container then")]
    GoodsNotReady(Date),
    #[error("market `{0}` has no online store")]
    NoStorefront(String),
    #[error("there is no product `{0}`")]
    UnknownProduct(String),
    #[error(transparent)]
    Listing(#[from] ListingError),
    #[error("there is no exchange rate for {0}")]
    NoRate(CurrencyCode),
    #[error("that costs {needed}, but the company has {available}")]
    NotEnoughCash { needed: Money, available: Money },
    #[error("the documents of task `{0}` have already been accepted and paid")]
    AlreadyPaid(String),
    #[error(transparent)]
    Talks(#[from] TalkError),
    #[error("this scenario has no auction site")]
    NoShop,
    #[error(transparent)]
    Shop(#[from] crate::sim::c2c::ShopError),
    #[error("there is no seat `{0}` in this scenario")]
    NoSuchSeat(String),
    #[error("seat `{0}` is played by the computer")]
    AiSeat(String),
    #[error("seat `{0}` may not give this command now")]
    NotThisSeat(String),
    #[error("task `{0}` has no letter to answer")]
    NoLetter(String),
    #[error("the letter of task `{0}` has not arrived yet")]
    LetterNotArrived(String),
    #[error("the letter of task `{0}` has already been answered")]
    AlreadyAnswered(String),
    #[error("choose one statement (or none) for each of the letter's {0} points")]
    BadLetterChoices(usize),
    #[error("the scenario has no event `{0}` to fire")]
    NoSuchEvent(String),
    #[error("event `{0}` has already happened as often as the scenario allows")]
    EventSpent(String),
}

impl RuleError {
    /// Why the command was refused, in the reader's language (the `Display` text is the
    /// English one that logs and records keep).
    pub fn said(&self) -> Said {
        let task = |key: &'static str, task: &str| Said::new(key).with("task", task);
        match self {
            RuleError::ScenarioOver => Said::new("refused-scenario-over"),
            RuleError::SharedDay => Said::new("refused-shared-day"),
            RuleError::OutOfRange(what) => Said::new("refused-out-of-range").with("what", what.as_str()),
            RuleError::Limit(problem) => {
                Said::new("refused-out-of-range").with("what", crate::sim::said::Fact::Said(problem.clone()))
            }
            RuleError::ReplyTooLong { max, chars } => Said::new("refused-reply-too-long")
                .with("max", *max)
                .with("chars", *chars),
            RuleError::NoSuchMessage(id) => Said::new("refused-no-message").with("id", id.0),
            RuleError::NotClassifiable(sku) => Said::new("refused-not-classifiable").with("sku", sku.as_str()),
            RuleError::NoDeclaration(t) => task("refused-no-declaration", t),
            RuleError::AlreadyCleared(t) => task("refused-already-cleared", t),
            RuleError::NoNegotiation(t) => task("refused-no-negotiation", t),
            RuleError::NoContract(t) => task("refused-no-contract", t),
            RuleError::GoodsNotReady(date) => Said::new("refused-goods-not-ready").with("date", date.to_string()),
            RuleError::NoStorefront(market) => Said::new("refused-no-storefront").with("market", market.as_str()),
            RuleError::UnknownProduct(sku) => Said::new("refused-unknown-product").with("sku", sku.as_str()),
            RuleError::Listing(e) => e.said(),
            RuleError::NoRate(currency) => Said::new("refused-no-rate").with("currency", currency.to_string()),
            RuleError::NotEnoughCash { needed, available } => Said::new("refused-not-enough-cash")
                .with("needed", needed.format())
                .with("available", available.format()),
            RuleError::AlreadyPaid(t) => task("refused-already-paid", t),
            RuleError::Talks(e) => e.said(),
            RuleError::NoShop => Said::new("refused-no-shop"),
            RuleError::Shop(e) => e.said(),
            RuleError::NoSuchSeat(seat) => Said::new("refused-no-seat").with("seat", seat.as_str()),
            RuleError::AiSeat(seat) => Said::new("refused-ai-seat").with("seat", seat.as_str()),
            RuleError::NotThisSeat(seat) => Said::new("refused-not-this-seat").with("seat", seat.as_str()),
            RuleError::NoLetter(t) => task("refused-no-letter", t),
            RuleError::LetterNotArrived(t) => task("refused-letter-not-arrived", t),
            RuleError::AlreadyAnswered(t) => task("refused-letter-answered", t),
            RuleError::BadLetterChoices(points) => Said::new("refused-letter-choices").with("points", *points),
            RuleError::NoSuchEvent(id) => Said::new("refused-no-event").with("event", id.as_str()),
            RuleError::EventSpent(id) => Said::new("refused-event-spent").with("event", id.as_str()),
        }
    }
}

/// How hints are given: practice shows the rubric's hints and the calculators (break-even,
/// customs preview) while playing; an exam hides them. The simulation is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum PlayMode {
    #[default]
    Practice,
    Exam,
}

impl PlayMode {
    pub fn hints(self) -> bool {
        self == PlayMode::Practice
    }
}
