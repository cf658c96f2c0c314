//! A play session: the scenario's world as it changes, advanced only by explicit commands.
//!
//! `Session::apply` validates a command first and changes nothing when it returns an error.
//! All randomness comes from the session's `ChaCha8Rng`, seeded from the scenario (or an
//! override), so the same scenario, seed and command log always give the same session.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::sim::terms::Text;

use super::customs::declaration::{DeclarationCase, DeclarationCheck, DeclarationForm, check_declaration};
use super::customs::hs::Classification;
use super::date::Date;
use super::deal::{ContractParties, DocumentsCheck, DocumentsForm, ExportClearance, SalesContract, check_documents};
use super::deal::{ProfitSheet, SheetRates, profit_sheet};
use super::market::{ListingError, ListingId, OrderMargin};
use super::money::{BasisPoints, CurrencyCode, Micros, Money};

mod c2c;
use super::negotiation::{Agent, BidTable, Strategy, TalkError, TalkEvent, Talks, TalksEnding};
use super::scenario::{Effect, Scenario};

/// `money` in `currency` (minor units) at `rates`, which are quoted in the scenario's home
/// currency; `None` when a rate is missing.
fn money_in(
    scenario: &Scenario,
    rates: &BTreeMap<CurrencyCode, Micros>,
    money: Money,
    currency: CurrencyCode,
) -> Option<i64> {
    if money.currency == currency {
        return Some(money.minor);
    }
    let home = scenario.home_currency();
    let home_exp = scenario.exponent(home);
    let in_home = if money.currency == home {
        money.minor
    } else {
        super::money::convert(money.minor, money.exponent, *rates.get(&money.currency)?, home_exp)
    };
    if currency == home {
        return Some(in_home);
    }
    super::money::convert_inverse(in_home, home_exp, *rates.get(&currency)?, scenario.exponent(currency))
}

/// A negotiation's moves as session events.
fn talk_events(task: &str, moved: Vec<TalkEvent>) -> Vec<Event> {
    moved
        .into_iter()
        .map(|event| Event::Negotiation {
            task: task.to_string(),
            event,
        })
        .collect()
}

/// Reputation points lost when a counterpart gives up waiting for the student's reply.
const REPUTATION_LOST_BY_SILENCE: i32 = 5;
/// Reputation lost when a letter goes unanswered past its writer's waiting time.
const REPUTATION_LOST_BY_UNANSWERED_LETTER: i32 = 3;

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
    pub memo: String,
}

/// Why a command was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("the scenario has ended")]
    ScenarioOver,
    #[error("a number or text in this command is out of range: {0}")]
    OutOfRange(String),
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
    #[error("task `{0}` has no letter to answer")]
    NoLetter(String),
    #[error("the letter of task `{0}` has not arrived yet")]
    LetterNotArrived(String),
    #[error("the letter of task `{0}` has already been answered")]
    AlreadyAnswered(String),
    #[error("choose one statement (or none) for each of the letter's {0} points")]
    BadLetterChoices(usize),
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

/// A running scenario. Not `Clone`: the RNG state is not meant to be forked; replay the
/// command log instead.
#[derive(Debug)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    rng: ChaCha8Rng,
    day: u32,
    finished: bool,
    /// The player chose to stop before the scenario's last day was over.
    ended_early: bool,
    cash: BTreeMap<CurrencyCode, i64>,
    reputation: u32,
    rates: BTreeMap<CurrencyCode, Micros>,
    inbox: Vec<Message>,
    random_fired: BTreeMap<String, u32>,
    timeline: Vec<(u32, Event)>,
    commands: Vec<Command>,
    /// Every checked declaration, by task id, in order.
    declarations: BTreeMap<String, Vec<DeclarationCheck>>,
    /// Accepted declarations waiting for release: task → release day.
    pending_release: BTreeMap<String, u32>,
    released: BTreeMap<String, u32>,
    ledger: Vec<LedgerEntry>,
    classifications: BTreeMap<String, Vec<Classification>>,
    /// Negotiations by task id.
    talks: BTreeMap<String, Talks>,
    /// Two students share the machine: they play both sides of every negotiation.
    hotseat: bool,
    mode: PlayMode,
    /// Sales contracts signed, by negotiation task id.
    contracts: BTreeMap<String, SalesContract>,
    /// Every presentation of shipping documents, by task id, in order.
    documents: BTreeMap<String, Vec<DocumentsCheck>>,
    /// Export proceeds received, by task id: in the contract currency (minor units) and as
    /// settled in the home currency.
    payments: BTreeMap<String, (i64, Money)>,
    /// Online stores, by market id.
    stores: BTreeMap<String, crate::sim::market::Store>,
    /// Booked sailings, by negotiation task id.
    bookings: BTreeMap<String, Date>,
    /// D/A drafts falling due: (day, task, amount).
    receivables: Vec<(u32, String, Money)>,
    /// The C2C shop, when a market has an auction site.
    shop: Option<crate::sim::c2c::Shop>,
    /// Letters answered, by task id.
    letters: BTreeMap<String, crate::sim::letters::LetterReply>,
    /// Letters whose writer stopped waiting for an answer, by task id.
    letters_lapsed: BTreeSet<String>,
    /// Cost sheets filed, in order.
    cost_sheets: Vec<crate::sim::market::cost_sheet::CostSheetCheck>,
    /// Each store day, the margin per order of each of the student's listings, by (market,
    /// SKU): what the ads of that day were judged against.
    margins_by_day: BTreeMap<(String, String), Vec<(u32, BasisPoints)>>,
}

impl Session {
    /// Starts on day 1 with the scenario's seed (or `seed_override`); day-1 events happen at once.
    /// AI counterparts play the other side of every negotiation.
    pub fn new(scenario: Arc<Scenario>, seed_override: Option<u64>) -> Self {
        Self::start(scenario, seed_override, false)
    }

    /// Like [`Session::new`], but a second student plays the other side of every negotiation.
    pub fn new_hotseat(scenario: Arc<Scenario>, seed_override: Option<u64>) -> Self {
        Self::start(scenario, seed_override, true)
    }

    fn start(scenario: Arc<Scenario>, seed_override: Option<u64>, hotseat: bool) -> Self {
        let seed = seed_override.unwrap_or_else(|| scenario.seed());
        let mut cash: BTreeMap<CurrencyCode, i64> = scenario.starting_cash().clone();
        cash.entry(scenario.home_currency()).or_insert(0);
        let rates = scenario.exchange_rates().iter().map(|(c, fx)| (*c, fx.rate)).collect();
        let mut session = Self {
            reputation: scenario.starting_reputation(),
            scenario,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            day: 1,
            finished: false,
            ended_early: false,
            cash,
            rates,
            inbox: Vec::new(),
            random_fired: BTreeMap::new(),
            timeline: Vec::new(),
            commands: Vec::new(),
            declarations: BTreeMap::new(),
            pending_release: BTreeMap::new(),
            released: BTreeMap::new(),
            ledger: Vec::new(),
            classifications: BTreeMap::new(),
            talks: BTreeMap::new(),
            hotseat,
            mode: PlayMode::Practice,
            contracts: BTreeMap::new(),
            documents: BTreeMap::new(),
            payments: BTreeMap::new(),
            receivables: Vec::new(),
            bookings: BTreeMap::new(),
            stores: BTreeMap::new(),
            shop: None,
            letters: BTreeMap::new(),
            letters_lapsed: BTreeSet::new(),
            cost_sheets: Vec::new(),
            margins_by_day: BTreeMap::new(),
        };
        if session.scenario.markets().iter().any(|m| m.auction_site.is_some()) {
            session.shop = Some(crate::sim::c2c::Shop::open(&session.scenario));
        }
        let mut events = vec![Event::DayStarted {
            day: 1,
            date: session.date(),
        }];
        session.run_day_events(&mut events);
        session.open_talks(&mut events);
        session.open_stores();
        session.record(events);
        session
    }

    /// Fails if the company's cash in any currency cannot pay these bills.
    fn check_cash(&self, bills: &[(Account, Money, String)]) -> Result<(), RuleError> {
        let mut needed: BTreeMap<CurrencyCode, Money> = BTreeMap::new();
        for (_, money, _) in bills {
            needed
                .entry(money.currency)
                .or_insert(Money::new(0, money.currency, money.exponent))
                .minor += money.minor;
        }
        for (currency, need) in needed {
            let available = Money::new(self.cash.get(&currency).copied().unwrap_or(0), currency, need.exponent);
            if need.minor > available.minor {
                return Err(RuleError::NotEnoughCash {
                    needed: need,
                    available,
                });
            }
        }
        Ok(())
    }

    /// Pays bills already checked with [`Session::check_cash`], each with a ledger entry.
    fn pay_bills(&mut self, bills: Vec<(Account, Money, String)>) {
        for (account, money, memo) in bills {
            if money.minor == 0 {
                continue;
            }
            book_cash(&mut self.cash, money.currency, money.minor.saturating_neg());
            self.ledger.push(LedgerEntry {
                day: self.day,
                account,
                money: Money::new(-money.minor, money.currency, money.exponent),
                memo,
            });
        }
    }

    /// The student's listing of `sku` in a market's store.
    fn student_listing(&self, market: &str, sku: &str) -> Result<ListingId, RuleError> {
        let store = self
            .stores
            .get(market)
            .ok_or_else(|| RuleError::NoStorefront(market.to_string()))?;
        Ok(store
            .student_listing(sku)
            .ok_or_else(|| ListingError::NotListed(sku.to_string()))?
            .id)
    }

    fn market_currency(&self, market: &str) -> Result<CurrencyCode, RuleError> {
        self.scenario
            .markets()
            .iter()
            .find(|m| m.id == market)
            .map(|m| m.currency)
            .ok_or_else(|| RuleError::NoStorefront(market.to_string()))
    }

    /// Turns an agreed negotiation into a sales contract (once).
    fn sign_contract_if_agreed(&mut self, task: &str, events: &mut Vec<Event>) {
        let Some(talks) = self.talks.get(task) else { return };
        let Some(TalksEnding::Agreed { bid, .. }) = talks.ending() else {
            return;
        };
        if self.contracts.contains_key(task) {
            return;
        }
        let scenario = Arc::clone(&self.scenario);
        let Some(definition) = scenario.tasks().iter().find(|t| t.id == task) else {
            return;
        };
        let product = definition.product.as_deref().and_then(|sku| scenario.product(sku));
        let counterpart = definition
            .counterpart
            .as_deref()
            .and_then(|id| scenario.counterpart(id));
        let (Some(product), Some(counterpart)) = (product, counterpart) else {
            return;
        };
        let parties = ContractParties {
            student_company: &scenario.role().company.name.en,
            counterpart: &counterpart.name,
            sku: &product.sku,
            description: &product.name.en,
            origin: &product.origin,
        };
        if let Some(mut contract) =
            SalesContract::from_deal(task, talks.case(), bid, self.date(), self.contracts.len(), parties)
        {
            contract.rate_on_signing = self.rates.get(&contract.unit_price.currency).copied();
            events.push(Event::ContractSigned {
                task: task.to_string(),
                number: contract.number.clone(),
            });
            let upfront = contract.payment_schedule().at_signing;
            let total = contract.amount();
            self.contracts.insert(task.to_string(), contract);
            if upfront.0 > 0 {
                let amount = Money::new(upfront.of(total.minor), total.currency, total.exponent);
                self.receive_payment(task, amount, events);
            }
        }
    }

    /// Opens the store of every market with a storefront.
    fn open_stores(&mut self) {
        for market in self.scenario.markets() {
            let Some(storefront) = &market.storefront else { continue };
            let reference = |sku: &str| {
                market
                    .reference_prices
                    .iter()
                    .find(|(s, _)| s == sku)
                    .map_or(0, |(_, m)| m.minor)
            };
            self.stores.insert(
                market.id.clone(),
                crate::sim::market::Store::open(&market.id, storefront, reference),
            );
        }
    }

    /// Runs every store's day and pays the student's proceeds out.
    fn run_stores(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.scenario);
        let date = self.date();
        let home = scenario.home_currency();
        let home_exp = scenario.exponent(home);
        for market in scenario.markets() {
            // The margin each listing runs on today, before the day's sales.
            let skus: Vec<String> = self
                .stores
                .get(&market.id)
                .map(|s| s.student.iter().map(|l| l.sku.clone()).collect())
                .unwrap_or_default();
            for sku in skus {
                if let Some(share) = self.order_margin(&market.id, &sku).and_then(|m| m.share()) {
                    self.margins_by_day
                        .entry((market.id.clone(), sku))
                        .or_default()
                        .push((self.day, share));
                }
            }
            let Some(store) = self.stores.get_mut(&market.id) else {
                continue;
            };
            let traffic = store.storefront.traffic_on(date);
            let visits = u32::try_from(traffic.of(i64::from(market.daily_shoppers))).unwrap_or(0);
            let elasticity = market.price_elasticity.0 as f64 / 1e6;
            let stats = store.run_day(self.day, visits, elasticity, &mut self.rng);
            if store.student.is_empty() {
                continue;
            }
            let exp = scenario.exponent(market.currency);
            let mut day = crate::sim::market::StoreMoney {
                day: self.day,
                ..Default::default()
            };
            let mut orders = 0;
            let mut ad_orders = 0;
            let mut social_orders = 0;
            let mut returns = 0;
            let mut shipping_home = Money::new(0, home, home_exp);
            // Referral fees: a product in a fee category pays its bands per unit kept; the rest
            // pay the flat rate on their sales less refunds.
            let mut category_fees = 0i64;
            let mut flat_fee_base = 0i64;
            for l in &store.student {
                let (Some(s), Some(product)) = (stats.listings.get(l.id.0 as usize), scenario.product(&l.sku)) else {
                    continue;
                };
                orders += s.all_orders();
                ad_orders += s.ad_orders;
                social_orders += s.social_orders;
                returns += s.returns;
                day.sales += s.sales;
                day.refunds += s.refunds;
                day.ad_spend += s.ad_spend;
                day.coupon_fees += s.coupon_fees;
                // Goods sold (returned units go back on sale), with any head-haul freight.
                let option = store.storefront.shipping_option(&l.shipping);
                let mut unit = money_in(&scenario, &self.rates, product.unit_cost, market.currency).unwrap_or(0);
                if let Some(freight) = option.and_then(|o| o.inbound_per_unit) {
                    unit += money_in(&scenario, &self.rates, freight, market.currency).unwrap_or(0);
                }
                // Taxes through the customs engine on each kept order, at the average price
                // paid: the VAT inside the VAT-inclusive price, and the duty (per parcel from
                // China; for warehouse stock, the normal duty on its import value); returned
                // orders get their taxes back.
                let kept = i64::from(s.kept_orders());
                let paid = s.sales / i64::from(s.all_orders().max(1));
                if store.storefront.fee_category(&l.sku).is_some() {
                    category_fees = category_fees
                        .saturating_add(kept.saturating_mul(store.storefront.referral_fee_on(&l.sku, paid)));
                } else {
                    flat_fee_base = flat_fee_base.saturating_add(s.sales - s.refunds);
                }
                if kept > 0 {
                    let fulfilment = crate::sim::market::checkout::Fulfilment::of(option, unit);
                    let (vat, duty) =
                        crate::sim::market::checkout::vat_and_duty(&scenario, market, product, paid, date, fulfilment);
                    day.taxes += kept * (vat + duty);
                }
                day.goods_cost = day.goods_cost.saturating_add(super::money::times(unit, kept));
                // Every parcel sent is paid for, returned or not.
                if let Some(option) = option {
                    let parcels = i64::from(s.all_orders());
                    let cost = option.cost_per_parcel;
                    let bill = Money::new(cost.minor * parcels, cost.currency, cost.exponent);
                    day.shipping += money_in(&scenario, &self.rates, bill, market.currency).unwrap_or(0);
                    shipping_home.minor += money_in(&scenario, &self.rates, bill, home).unwrap_or(0);
                }
            }
            // Creators' fees of posts going live today (paid when booked).
            for c in &store.campaigns {
                if let crate::sim::market::CampaignKind::Social { fee, .. } = &c.kind
                    && c.first_day == self.day
                {
                    day.social_fees += fee;
                }
            }
            let (sales, refunds, taxes, ad_spend) = (day.sales, day.refunds, day.taxes, day.ad_spend);
            let fees = store.storefront.referral_fee.of(flat_fee_base) + category_fees;
            day.referral_fees = fees;
            let before_payout = sales - refunds - taxes - fees - ad_spend - day.coupon_fees;
            day.payout_fee = store.storefront.payout_fee.of(before_payout.max(0));
            let net = before_payout - day.payout_fee;
            let day_money = day;
            store.money.push(day);
            if shipping_home.minor != 0 {
                book_cash(&mut self.cash, home, shipping_home.minor.saturating_neg());
                self.ledger.push(LedgerEntry {
                    day: self.day,
                    account: Account::Logistics,
                    money: Money::new(-shipping_home.minor, home, home_exp),
                    memo: format!("{}: {orders} parcels", market.id),
                });
            }
            let payout_home = match self.rates.get(&market.currency) {
                Some(rate) if market.currency != home => super::money::convert(net, exp, *rate, home_exp),
                _ => net,
            };
            book_cash(&mut self.cash, home, payout_home);
            if payout_home != 0 {
                self.ledger.push(LedgerEntry {
                    day: self.day,
                    account: Account::Marketplace,
                    money: Money::new(payout_home, home, home_exp),
                    memo: format!("{}: {orders} orders, payout after fees and ads", market.id),
                });
            }
            events.push(Event::StoreDay {
                market: market.id.clone(),
                orders,
                sales: Money::new(sales, market.currency, exp),
                ad_spend: Money::new(ad_spend, market.currency, exp),
                payout: Money::new(payout_home, home, home_exp),
            });
            // The platform's daily summary in the inbox.
            let m = |minor: i64| Money::new(minor, market.currency, exp).format();
            let stock: Vec<(String, u32)> = store
                .student
                .iter()
                .filter_map(|l| store.listings.get(l.id.0 as usize).map(|x| (l.sku.clone(), x.stock)))
                .collect();
            let sold_out: Vec<&str> = stock.iter().filter(|(_, n)| *n == 0).map(|(s, _)| s.as_str()).collect();
            let stock_en: Vec<String> = stock.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            let payout = Money::new(payout_home, home, home_exp).format();
            let platform = store.storefront.platform.clone();
            let shipped = Money::new(shipping_home.minor, home, home_exp).format();
            let promotion = m(day_money.coupon_fees + day_money.social_fees);
            let mut body_en = format!(
                "Orders: {orders} ({ad_orders} from ads, {social_orders} from creators' posts), returned: {returns} ({} refunded). Sales: {}. Checkout taxes: {}. Referral fee: {}. Ad spend: {}. Coupon fees and creators' fees: {promotion}. Paid out: {payout}. Parcels sent for {shipped}.\nStock left: {}.",
                m(refunds),
                m(sales),
                m(taxes),
                m(fees),
                m(ad_spend),
                stock_en.join(", ")
            );
            let mut body_zh = format!(
                "订单：{orders}（其中广告带来 {ad_orders}，达人推广带来 {social_orders}），退货：{returns}（退款 {}）。销售额：{}。结账税费：{}。平台佣金：{}。广告花费：{}。优惠券与达人费用：{promotion}。回款：{payout}。物流费用：{shipped}。\n剩余库存：{}。",
                m(refunds),
                m(sales),
                m(taxes),
                m(fees),
                m(ad_spend),
                stock_en.join("，")
            );
            // Stock at sea to the overseas warehouse: units and the first arrival day.
            let travelling: Vec<(String, u32, u32)> = store
                .student
                .iter()
                .filter_map(|l| {
                    let next = store
                        .inbound
                        .iter()
                        .filter(|s| s.listing == l.id)
                        .map(|s| s.arrives)
                        .min()?;
                    Some((l.sku.clone(), store.inbound_units(l.id), next))
                })
                .collect();
            if !travelling.is_empty() {
                let en: Vec<String> = travelling
                    .iter()
                    .map(|(sku, units, day)| format!("{sku}: {units} (from day {day})"))
                    .collect();
                let zh: Vec<String> = travelling
                    .iter()
                    .map(|(sku, units, day)| format!("{sku}：{units} 件（第 {day} 天起）"))
                    .collect();
                body_en.push_str(&format!("\nOn the way to the warehouse: {}.", en.join(", ")));
                body_zh.push_str(&format!("\n在途至海外仓：{}。", zh.join("，")));
            }
            if !sold_out.is_empty() {
                body_en.push_str(&format!(
                    "\nSold out: {}. A listing without stock drops out of search: restock it in the listing editor.",
                    sold_out.join(", ")
                ));
                body_zh.push_str(&format!(
                    "\n已售罄：{}。没有库存的商品不会出现在搜索结果中：请在商品编辑中补货。",
                    sold_out.join("，")
                ));
            }
            let summary = Effect::Message {
                from: None,
                subject: Text {
                    en: format!("{platform} daily summary, day {}", self.day),
                    zh: format!("{platform} 每日报告（第 {} 天）", self.day),
                },
                body: Text {
                    en: body_en,
                    zh: body_zh,
                },
            };
            self.run_effect(&summary, events);
        }
    }

    /// Opens every negotiation; an AI that opens makes its first offer now.
    fn open_talks(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.scenario);
        for task in scenario.tasks() {
            let Some(case) = &task.negotiation else {
                continue;
            };
            let ai = match (
                self.hotseat,
                task.counterpart.as_deref().and_then(|id| scenario.counterpart(id)),
            ) {
                (false, Some(counterpart)) => {
                    let side = case.student_side.other();
                    let table = Arc::new(BidTable::new(&case.domain, case.preferences(side)));
                    Some(Agent::new(
                        table,
                        Strategy::of(&counterpart.personality),
                        case.deadline_rounds,
                    ))
                }
                _ => None,
            };
            let talks = Talks::new(case.clone(), ai, self.day, &mut self.rng);
            if let Some(first) = talks.offers().first() {
                events.push(Event::Negotiation {
                    task: task.id.clone(),
                    event: TalkEvent::OfferMade {
                        by: first.by,
                        round: first.round,
                    },
                });
            }
            self.talks.insert(task.id.clone(), talks);
        }
    }

    /// Validates `command`, then carries it out.
    ///
    /// # Errors
    /// [`RuleError`] when the command is not allowed now; nothing has changed then.
    pub fn apply(&mut self, command: Command) -> Result<Vec<Event>, RuleError> {
        if self.finished {
            return Err(RuleError::ScenarioOver);
        }
        // Commands come from forms, saves and (in class) the network: bound every number and
        // text before any rule looks at them.
        if let Some(problem) = crate::scenario::limits::command_problem(&command) {
            return Err(RuleError::OutOfRange(problem));
        }
        let events = match &command {
            Command::MarkRead(id) => {
                let message = self
                    .inbox
                    .iter_mut()
                    .find(|m| m.id == *id)
                    .ok_or(RuleError::NoSuchMessage(*id))?;
                if message.read {
                    Vec::new()
                } else {
                    message.read = true;
                    vec![Event::MessageRead { id: *id }]
                }
            }
            Command::EndDay => self.end_day(),
            Command::SubmitClassification { sku, chosen } => {
                let graded = self
                    .scenario
                    .product(sku)
                    .and_then(|p| {
                        self.scenario
                            .nomenclature()
                            .and_then(|n| n.grade(sku, &p.hs_code, chosen))
                    })
                    .ok_or_else(|| RuleError::NotClassifiable(sku.clone()))?;
                let event = Event::ClassificationGraded {
                    sku: sku.clone(),
                    correct: graded.correct_steps(),
                    total: graded.steps.len(),
                };
                self.classifications.entry(sku.clone()).or_default().push(graded);
                vec![event]
            }
            Command::SubmitDeclaration { task, form } => {
                let case = self
                    .declaration_case(task)
                    .ok_or_else(|| RuleError::NoDeclaration(task.clone()))?;
                let attempts = self.declarations.get(task).map_or(&[][..], Vec::as_slice);
                if attempts.iter().any(DeclarationCheck::clears) {
                    return Err(RuleError::AlreadyCleared(task.clone()));
                }
                let check = check_declaration(&case, self.scenario.products(), form);
                let mut events = vec![Event::DeclarationChecked {
                    task: task.clone(),
                    attempt: u32::try_from(attempts.len() + 1).unwrap_or(u32::MAX),
                    correct: check.correct(),
                    wrong: check.wrong(),
                    cleared: check.clears(),
                }];
                self.respond_to_declaration(task, &case, form, &check, &mut events);
                self.declarations.entry(task.clone()).or_default().push(check);
                events
            }
            Command::MakeOffer { task, options, note } => {
                let day = self.day;
                let talks = self
                    .talks
                    .get_mut(task)
                    .ok_or_else(|| RuleError::NoNegotiation(task.clone()))?;
                let side = talks.to_move().ok_or(TalkError::Over)?;
                let mut events: Vec<Event> = talk_events(task, talks.offer(side, options, note, day, &mut self.rng)?);
                // The AI may have accepted at once.
                self.sign_contract_if_agreed(task, &mut events);
                events
            }
            Command::AcceptOffer { task } => {
                let talks = self
                    .talks
                    .get_mut(task)
                    .ok_or_else(|| RuleError::NoNegotiation(task.clone()))?;
                let side = talks.to_move().ok_or(TalkError::Over)?;
                let mut events: Vec<Event> = talk_events(task, talks.accept(side, self.day)?);
                self.sign_contract_if_agreed(task, &mut events);
                events
            }
            Command::WalkAway { task } => {
                let talks = self
                    .talks
                    .get_mut(task)
                    .ok_or_else(|| RuleError::NoNegotiation(task.clone()))?;
                let side = talks.to_move().ok_or(TalkError::Over)?;
                talk_events(task, talks.walk_away(side, self.day)?)
            }
            Command::PublishListing {
                market,
                sku,
                text,
                terms,
            } => {
                let store = self
                    .stores
                    .get(market)
                    .ok_or_else(|| RuleError::NoStorefront(market.clone()))?;
                let product = self
                    .scenario
                    .product(sku)
                    .cloned()
                    .ok_or_else(|| RuleError::UnknownProduct(sku.clone()))?;
                let plan = store.plan_publish(sku, terms)?;
                // The goods and any head-haul freight are paid now, from the company's cash.
                let mut bills = vec![(
                    Account::Inventory,
                    Money::new(
                        product.unit_cost.minor.saturating_mul(i64::from(terms.add_stock)),
                        product.unit_cost.currency,
                        product.unit_cost.exponent,
                    ),
                    format!("{market}: {} × {sku}", terms.add_stock),
                )];
                if let Some(freight) = plan.inbound_per_unit
                    && plan.inbound_units > 0
                {
                    bills.push((
                        Account::Logistics,
                        Money::new(
                            freight.minor.saturating_mul(i64::from(plan.inbound_units)),
                            freight.currency,
                            freight.exponent,
                        ),
                        format!(
                            "{market}: {} × {sku} sent to the overseas warehouse",
                            plan.inbound_units
                        ),
                    ));
                }
                self.check_cash(&bills)?;
                let reference = self
                    .scenario
                    .markets()
                    .iter()
                    .find(|m| &m.id == market)
                    .and_then(|m| m.reference_prices.iter().find(|(s, _)| s == sku).map(|(_, p)| p.minor))
                    .unwrap_or(terms.price);
                let today = self.day;
                let Some(store) = self.stores.get_mut(market) else {
                    return Err(RuleError::NoStorefront(market.clone()));
                };
                let id = store.publish(sku, (**text).clone(), terms, reference, today)?;
                let quality = store.listings[id.0 as usize].quality;
                self.pay_bills(bills);
                vec![Event::ListingPublished {
                    market: market.clone(),
                    sku: sku.clone(),
                    quality,
                }]
            }
            Command::StartDeal {
                market,
                sku,
                discount,
                days,
            } => {
                let id = self.student_listing(market, sku)?;
                if !(100..=9_000).contains(&discount.0) || !(1..=30).contains(days) {
                    return Err(ListingError::BadCampaign("a deal takes 1% to 90% off for 1 to 30 days").into());
                }
                // Store days run at the start of each new day, so a deal started today covers
                // the next `days` store days.
                let last_day = self.day + days;
                if let Some(store) = self.stores.get_mut(market) {
                    store.start_deal(id, *discount, self.day + 1, last_day);
                }
                vec![Event::DealStarted {
                    market: market.clone(),
                    sku: sku.clone(),
                    discount: *discount,
                    last_day,
                }]
            }
            Command::StartCoupon {
                market,
                sku,
                discount,
                budget,
                days,
            } => {
                let id = self.student_listing(market, sku)?;
                if !(100..=5_000).contains(&discount.0) || !(1..=90).contains(days) || *budget <= 0 {
                    return Err(ListingError::BadCampaign(
                        "a coupon takes 1% to 50% off for 1 to 90 days, with a budget above zero",
                    )
                    .into());
                }
                let currency = self.market_currency(market)?;
                let last_day = self.day + days;
                if let Some(store) = self.stores.get_mut(market) {
                    store.start_coupon(id, *discount, *budget, self.day + 1, last_day);
                }
                vec![Event::CouponStarted {
                    market: market.clone(),
                    sku: sku.clone(),
                    discount: *discount,
                    budget: Money::new(*budget, currency, self.scenario.exponent(currency)),
                    last_day,
                }]
            }
            Command::BookInfluencer {
                market,
                sku,
                influencer,
            } => {
                let id = self.student_listing(market, sku)?;
                let currency = self.market_currency(market)?;
                let store = self
                    .stores
                    .get(market)
                    .ok_or_else(|| RuleError::NoStorefront(market.clone()))?;
                let creator = store
                    .storefront
                    .influencers
                    .iter()
                    .find(|i| &i.id == influencer)
                    .ok_or_else(|| ListingError::NoInfluencer(influencer.clone()))?;
                let fee = Money::new(creator.fee, currency, self.scenario.exponent(currency));
                // The fee is paid now, in the home currency at today's rate.
                let home = self.scenario.home_currency();
                let in_home = self.in_currency(fee, home).ok_or(RuleError::NoRate(currency))?;
                let home_fee = Money::new(in_home, home, self.scenario.exponent(home));
                let bills = vec![(
                    Account::Marketing,
                    home_fee,
                    format!("{market}: {} post about {sku}", creator.name),
                )];
                self.check_cash(&bills)?;
                let first_day = self.day + 1;
                let Some(store) = self.stores.get_mut(market) else {
                    return Err(RuleError::NoStorefront(market.clone()));
                };
                store.book_post(id, sku, influencer, first_day, &mut self.rng)?;
                self.pay_bills(bills);
                vec![Event::InfluencerBooked {
                    market: market.clone(),
                    sku: sku.clone(),
                    influencer: influencer.clone(),
                    fee,
                    first_day,
                }]
            }
            Command::BookShipment { task } => {
                let contract = self
                    .contracts
                    .get(task)
                    .ok_or_else(|| RuleError::NoContract(task.clone()))?;
                let today = self.date();
                if today < contract.goods_ready {
                    return Err(RuleError::GoodsNotReady(contract.goods_ready));
                }
                let sailing = contract.next_sailing(today);
                self.bookings.insert(task.clone(), sailing);
                vec![Event::ShipmentBooked {
                    task: task.clone(),
                    sailing,
                }]
            }
            Command::PresentDocuments { task, form } => {
                let contract = self
                    .contracts
                    .get(task)
                    .cloned()
                    .ok_or_else(|| RuleError::NoContract(task.clone()))?;
                let attempts = self.documents.get(task).map_or(&[][..], Vec::as_slice);
                if attempts.iter().any(DocumentsCheck::complies) {
                    return Err(RuleError::AlreadyPaid(task.clone()));
                }
                let product = self
                    .scenario
                    .product(&contract.sku)
                    .cloned()
                    .ok_or_else(|| RuleError::NoContract(task.clone()))?;
                let check = check_documents(
                    &contract,
                    &product,
                    form,
                    self.date(),
                    self.export_clearance(task),
                    self.bookings.get(task).copied(),
                );
                let mut events = vec![Event::DocumentsChecked {
                    task: task.clone(),
                    attempt: u32::try_from(attempts.len() + 1).unwrap_or(u32::MAX),
                    discrepancies: check.discrepancies(),
                    complied: check.complies(),
                }];
                if check.complies() {
                    let schedule = contract.payment_schedule();
                    let total = contract.amount();
                    let share = |bp: BasisPoints| Money::new(bp.of(total.minor), total.currency, total.exponent);
                    if schedule.on_documents.0 > 0 {
                        // The balance: what has not been paid at signing.
                        let paid = self.payments.get(task).map_or(0, |p| p.0);
                        let due = Money::new(total.minor - paid, total.currency, total.exponent);
                        if due.minor > 0 {
                            self.receive_payment(task, due, &mut events);
                        }
                    }
                    if let Some(days) = schedule.deferred_days {
                        let amount = share(BasisPoints(10_000));
                        self.receivables.push((self.day + days, task.clone(), amount));
                        events.push(Event::PaymentScheduled {
                            task: task.clone(),
                            amount,
                            day: self.day + days,
                        });
                    }
                }
                self.documents.entry(task.clone()).or_default().push(check);
                events
            }
            Command::SubmitCostSheet { market, sku, sheet } => {
                if !self.stores.contains_key(market) {
                    return Err(RuleError::NoStorefront(market.clone()));
                }
                if self.scenario.product(sku).is_none() {
                    return Err(RuleError::UnknownProduct(sku.clone()));
                }
                if self
                    .stores
                    .get(market)
                    .and_then(|s| s.storefront.shipping_option(&sheet.shipping))
                    .is_none()
                {
                    return Err(ListingError::NoShippingOption(sheet.shipping.clone()).into());
                }
                let expected = self
                    .margin_at(market, sku, sheet.price, &sheet.shipping)
                    .filter(|_| sheet.price > 0)
                    .ok_or(ListingError::BadNumbers)?;
                let lines = crate::sim::market::cost_sheet::check_sheet(sheet, &expected);
                let check = crate::sim::market::cost_sheet::CostSheetCheck {
                    market: market.clone(),
                    sku: sku.clone(),
                    day: self.day,
                    sheet: (**sheet).clone(),
                    expected,
                    lines,
                };
                let wrong = check.wrong();
                self.cost_sheets.push(check);
                vec![Event::CostSheetChecked {
                    market: market.clone(),
                    sku: sku.clone(),
                    wrong,
                }]
            }
            Command::ReplyToLetter { task, choices, note } => {
                let found = self
                    .scenario
                    .tasks()
                    .iter()
                    .find(|t| &t.id == task && t.letter.is_some())
                    .ok_or_else(|| RuleError::NoLetter(task.clone()))?;
                let asked_day = self
                    .letter_message(task)
                    .map(|m| m.day)
                    .ok_or_else(|| RuleError::LetterNotArrived(task.clone()))?;
                if self.letters.contains_key(task) {
                    return Err(RuleError::AlreadyAnswered(task.clone()));
                }
                let options = crate::sim::letters::options(&self.letter_facts(), found);
                let fits = choices.len() == options.len()
                    && choices
                        .iter()
                        .zip(&options)
                        .all(|(c, (_, _, list))| c.is_none_or(|j| j < list.len()));
                if !fits {
                    return Err(RuleError::BadLetterChoices(options.len()));
                }
                let (sent, grade) = crate::sim::letters::grade(&options, choices, note);
                let score = grade.score;
                self.letters.insert(
                    task.clone(),
                    crate::sim::letters::LetterReply {
                        day: self.day,
                        asked_day,
                        sent,
                        note: note.clone(),
                        grade,
                    },
                );
                vec![Event::LetterSent {
                    task: task.clone(),
                    score,
                }]
            }
            Command::GuessStrategy { task, guess } => {
                let talks = self
                    .talks
                    .get_mut(task)
                    .ok_or_else(|| RuleError::NoNegotiation(task.clone()))?;
                let correct = talks.guess_strategy(*guess)?;
                vec![Event::StrategyGuessed {
                    task: task.clone(),
                    correct,
                }]
            }
            Command::ListItem { .. }
            | Command::ReplyToOffer { .. }
            | Command::AnswerQuestion { .. }
            | Command::ResolveDispute { .. }
            | Command::PostParcel { .. }
            | Command::EstimatePurchase { .. }
            | Command::BidAbroad { .. } => self.apply_shop(&command)?,
            Command::FinishEarly => {
                self.finished = true;
                self.ended_early = true;
                vec![Event::ScenarioEnded { day: self.day }]
            }
        };
        self.commands.push(command);
        self.record(events.clone());
        Ok(events)
    }

    /// Customs' response: a risk-based inspection, fees and penalties for errors, and release
    /// after the normal time for an accepted declaration. The roll is always drawn, so a run's
    /// luck does not depend on whether the form was right.
    fn respond_to_declaration(
        &mut self,
        task: &str,
        case: &DeclarationCase,
        form: &DeclarationForm,
        check: &DeclarationCheck,
        events: &mut Vec<Event>,
    ) {
        let k = &case.clearance;
        let undervalued = case.undervalued_amount(form);
        let chance = k.inspection_chance(check.wrong(), undervalued > 0);
        let inspected = self.rng.random_range(0..10_000i64) < chance.0;
        if inspected {
            events.push(Event::InspectionOrdered {
                task: task.to_string(),
                days: k.inspection_days,
            });
            self.charge(task, Account::CustomsFees, k.inspection_fee, "inspection fee", events);
        }
        if !check.clears() {
            self.charge(
                task,
                Account::CustomsFees,
                k.correction_fee,
                "declaration rejected: amendment fee",
                events,
            );
        }
        if undervalued > 0 {
            let penalty = Money::new(k.undervaluation_penalty.of(undervalued), case.currency, case.exponent);
            self.charge(
                task,
                Account::CustomsPenalties,
                penalty,
                "penalty for undervaluation",
                events,
            );
        }
        if check.clears() {
            let day = self.day + k.normal_days + if inspected { k.inspection_days } else { 0 };
            self.pending_release.insert(task.to_string(), day);
            events.push(Event::ReleaseScheduled {
                task: task.to_string(),
                day,
            });
            self.release_due(events);
        }
    }

    /// Export proceeds arrive and are sold for the home currency at today's rate (FX settlement).
    fn receive_payment(&mut self, task: &str, amount: Money, events: &mut Vec<Event>) {
        let home = self.scenario.home_currency();
        let settled = match self.rates.get(&amount.currency) {
            Some(rate) if amount.currency != home => {
                let exponent = self.scenario.exponent(home);
                Money::new(
                    super::money::convert(amount.minor, amount.exponent, *rate, exponent),
                    home,
                    exponent,
                )
            }
            _ => amount,
        };
        book_cash(&mut self.cash, settled.currency, settled.minor);
        let entry = self
            .payments
            .entry(task.to_string())
            .or_insert((0, Money::new(0, settled.currency, settled.exponent)));
        entry.0 += amount.minor;
        entry.1.minor += settled.minor;
        self.ledger.push(LedgerEntry {
            day: self.day,
            account: Account::ExportProceeds,
            money: settled,
            memo: format!("{task}: {} received and settled", amount.format()),
        });
        events.push(Event::PaymentReceived {
            task: task.to_string(),
            amount,
            settled,
        });
    }

    /// Pays `money` (converted to the home currency at today's rate when possible) and books it.
    fn charge(&mut self, task: &str, account: Account, money: Money, memo: &str, events: &mut Vec<Event>) {
        if money.minor == 0 {
            return;
        }
        let home = self.scenario.home_currency();
        let paid = match self.rates.get(&money.currency) {
            Some(rate) if money.currency != home => {
                let exponent = self.scenario.exponent(home);
                Money::new(
                    super::money::convert(money.minor, money.exponent, *rate, exponent),
                    home,
                    exponent,
                )
            }
            _ => money,
        };
        book_cash(&mut self.cash, paid.currency, paid.minor.saturating_neg());
        self.ledger.push(LedgerEntry {
            day: self.day,
            account,
            money: Money::new(-paid.minor, paid.currency, paid.exponent),
            memo: format!("{task}: {memo}"),
        });
        events.push(Event::CustomsCharged {
            task: task.to_string(),
            account,
            money: paid,
        });
    }

    /// Releases goods whose day has come, in task order.
    fn release_due(&mut self, events: &mut Vec<Event>) {
        let due: Vec<String> = self
            .pending_release
            .iter()
            .filter(|(_, d)| **d <= self.day)
            .map(|(t, _)| t.clone())
            .collect();
        for task in due {
            self.pending_release.remove(&task);
            self.released.insert(task.clone(), self.day);
            events.push(Event::GoodsReleased { task });
        }
    }

    fn end_day(&mut self) -> Vec<Event> {
        if self.day >= self.scenario.length_days() {
            self.finished = true;
            return vec![Event::ScenarioEnded { day: self.day }];
        }
        self.day += 1;
        let mut events = vec![Event::DayStarted {
            day: self.day,
            date: self.date(),
        }];
        self.release_due(&mut events);
        self.drift_rates(&mut events);
        self.run_day_events(&mut events);
        self.lose_patience(&mut events);
        self.letters_unanswered(&mut events);
        self.collect_receivables(&mut events);
        self.run_stores(&mut events);
        self.run_shop(&mut events);
        events
    }

    /// D/A drafts that fall due today are paid.
    fn collect_receivables(&mut self, events: &mut Vec<Event>) {
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.receivables)
            .into_iter()
            .partition(|(day, _, _)| *day <= self.day);
        self.receivables = later;
        for (_, task, amount) in due {
            self.receive_payment(&task, amount, events);
        }
    }

    /// An AI counterpart whose offer has waited longer than its `reply_within_days` for an
    /// answer walks away, and the company's reputation suffers.
    fn lose_patience(&mut self, events: &mut Vec<Event>) {
        if self.hotseat {
            return;
        }
        let scenario = Arc::clone(&self.scenario);
        for task in scenario.tasks() {
            let Some(talks) = self.talks.get_mut(&task.id) else {
                continue;
            };
            let Some(counterpart) = task.counterpart.as_deref().and_then(|id| scenario.counterpart(id)) else {
                continue;
            };
            let student = talks.case().student_side;
            let waited = talks
                .on_table()
                .filter(|o| o.by != student)
                .map(|o| self.day.saturating_sub(o.day));
            if waited.is_some_and(|w| w > counterpart.personality.reply_within_days) {
                let Ok(moved) = talks.give_up(student.other(), self.day) else {
                    continue;
                };
                events.extend(talk_events(&task.id, moved));
                let reason = Text {
                    en: format!("{} gave up waiting for your reply", counterpart.name),
                    zh: format!("{}等不到你的回复，放弃了谈判", counterpart.name),
                };
                self.run_effect(
                    &Effect::ReputationChange {
                        delta: -REPUTATION_LOST_BY_SILENCE,
                        reason,
                    },
                    events,
                );
            }
        }
    }

    /// A letter still unanswered when its writer's waiting time is over: the company's
    /// reputation suffers, and a buyer the student has not yet made an offer to buys elsewhere
    /// (their negotiation ends). Once per letter; a late reply is still possible and graded.
    fn letters_unanswered(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.scenario);
        for task in scenario.tasks() {
            let Some(letter) = &task.letter else { continue };
            if self.letters.contains_key(&task.id) || self.letters_lapsed.contains(&task.id) {
                continue;
            }
            let Some(asked) = self.letter_message(&task.id).map(|m| m.day) else {
                continue;
            };
            if self.day <= asked.saturating_add(letter.reply_within_days) {
                continue;
            }
            self.letters_lapsed.insert(task.id.clone());
            let who = task.counterpart.as_deref();
            let name = who
                .and_then(|id| scenario.counterpart(id))
                .map_or_else(String::new, |c| c.name.clone());
            let reason = Text {
                en: format!(
                    "the letter from {name} went unanswered for {} days",
                    letter.reply_within_days
                ),
                zh: format!("{name}的来信{}天未获回复", letter.reply_within_days),
            };
            self.run_effect(
                &Effect::ReputationChange {
                    delta: -REPUTATION_LOST_BY_UNANSWERED_LETTER,
                    reason,
                },
                events,
            );
            if self.hotseat {
                continue;
            }
            for other in scenario.tasks() {
                if other.counterpart.as_deref() != who || other.negotiation.is_none() {
                    continue;
                }
                let Some(talks) = self.talks.get_mut(&other.id) else {
                    continue;
                };
                let student = talks.case().student_side;
                if talks.ending().is_some() || talks.offers().iter().any(|o| o.by == student) {
                    continue;
                }
                if let Ok(moved) = talks.give_up(student.other(), self.day) {
                    events.extend(talk_events(&other.id, moved));
                }
            }
        }
    }

    /// Moves every drifting rate by its trend plus a uniform random step within ±daily_max.
    fn drift_rates(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.scenario);
        for (currency, fx) in scenario.exchange_rates() {
            if fx.daily_max.0 == 0 && fx.daily_trend.0 == 0 {
                continue;
            }
            let step = fx.daily_trend.0 + self.rng.random_range(-fx.daily_max.0..=fx.daily_max.0);
            self.move_rate(*currency, BasisPoints(step), events);
        }
    }

    fn move_rate(&mut self, currency: CurrencyCode, change: BasisPoints, events: &mut Vec<Event>) {
        let Some(rate) = self.rates.get_mut(&currency) else {
            return;
        };
        let from = *rate;
        // However it drifts or jumps, a rate stays within the limits that keep conversions
        // inside 64 bits.
        let to = Micros(
            from.0
                .saturating_add(change.of(from.0))
                .clamp(crate::sim::money::MIN_RATE.0, crate::sim::money::MAX_RATE.0),
        );
        *rate = to;
        if from != to {
            events.push(Event::RateMoved { currency, from, to });
        }
    }

    /// Scheduled events of today, then random ones in id order (a fixed order keeps runs equal).
    fn run_day_events(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.scenario);
        let today = self.day;
        for e in scenario.scheduled_events().iter().filter(|e| e.day == today) {
            self.run_effect(&e.effect, events);
        }
        let mut random: Vec<_> = scenario.random_events().iter().collect();
        random.sort_by(|a, b| a.id.cmp(&b.id));
        for e in random {
            let fired = self.random_fired.get(&e.id).copied().unwrap_or(0);
            if self.day < e.from_day || self.day > e.to_day || fired >= e.max_times {
                continue;
            }
            // Always draw, so one event's window does not shift the others' luck.
            let roll = self.rng.random_range(0..10_000i64);
            if roll < e.daily_chance.0 {
                self.random_fired.insert(e.id.clone(), fired + 1);
                self.run_effect(&e.effect, events);
            }
        }
    }

    fn run_effect(&mut self, effect: &Effect, events: &mut Vec<Event>) {
        match effect {
            Effect::Message { from, subject, body } => {
                let id = MessageId(u32::try_from(self.inbox.len()).unwrap_or(u32::MAX));
                self.inbox.push(Message {
                    id,
                    day: self.day,
                    from: from.clone(),
                    subject: subject.clone(),
                    body: body.clone(),
                    read: false,
                    question: None,
                });
                events.push(Event::MessageArrived { id });
            }
            Effect::Question {
                from,
                sku,
                topics,
                subject,
                body,
            } => self.ask_question(from, sku, topics, subject, body, events),
            Effect::ExchangeRateShock { currency, change } => self.move_rate(*currency, *change, events),
            Effect::CashChange { money, reason } => {
                book_cash(&mut self.cash, money.currency, money.minor);
                events.push(Event::CashChanged {
                    money: *money,
                    reason: reason.clone(),
                });
            }
            Effect::ReputationChange { delta, reason } => {
                let from = self.reputation;
                let to = u32::try_from((i64::from(from) + i64::from(*delta)).clamp(0, 100)).unwrap_or(0);
                self.reputation = to;
                events.push(Event::ReputationChanged {
                    from,
                    to,
                    reason: reason.clone(),
                });
            }
        }
    }

    fn record(&mut self, events: Vec<Event>) {
        let day = self.day;
        self.timeline.extend(events.into_iter().map(|e| (day, e)));
    }

    /// What the letters desk works its statements out from.
    fn letter_facts(&self) -> crate::sim::letters::LetterFacts<'_> {
        crate::sim::letters::LetterFacts::new(&self.scenario, self.date(), &self.stores)
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    /// The same session in `mode` (chosen before the first day is played).
    pub fn with_mode(mut self, mode: PlayMode) -> Self {
        self.mode = mode;
        self
    }
    pub fn mode(&self) -> PlayMode {
        self.mode
    }
    /// The scenario, shared (to start another session on it, like the AI expert's).
    pub fn shared_scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.scenario)
    }
    pub fn scenario_arc(&self) -> Arc<Scenario> {
        Arc::clone(&self.scenario)
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Current day, 1-based.
    pub fn day(&self) -> u32 {
        self.day
    }
    pub fn date(&self) -> Date {
        self.scenario.start_date().plus_days(i64::from(self.day) - 1)
    }
    pub fn is_finished(&self) -> bool {
        self.finished
    }
    /// The negotiation of a task, if it has one.
    /// The letter a task asks to answer: the first message from the task's counterpart, once
    /// it has arrived.
    pub fn letter_message(&self, task: &str) -> Option<&Message> {
        let t = self
            .scenario
            .tasks()
            .iter()
            .find(|t| t.id == task && t.letter.is_some())?;
        let from = t.counterpart.as_deref()?;
        self.inbox.iter().find(|m| m.from.as_deref() == Some(from))
    }
    /// The task whose letter `message` is, if it is one.
    pub fn letter_task_of(&self, message: MessageId) -> Option<&crate::sim::scenario::Task> {
        self.scenario
            .tasks()
            .iter()
            .find(|t| self.letter_message(&t.id).is_some_and(|m| m.id == message))
    }
    /// The statements of each point of the task's letter, as they stand now.
    pub fn letter_options(&self, task: &str) -> Vec<(String, Text, Vec<crate::sim::c2c::Statement>)> {
        let task = self.scenario.tasks().iter().find(|t| t.id == task);
        task.map(|t| crate::sim::letters::options(&self.letter_facts(), t))
            .unwrap_or_default()
    }
    /// The margin per order `sku` ran on in `market`'s store on `day`, if it was listed then.
    pub fn margin_on(&self, market: &str, sku: &str, day: u32) -> Option<BasisPoints> {
        self.margins_by_day
            .get(&(market.to_string(), sku.to_string()))?
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, m)| *m)
    }
    /// Every cost sheet filed, in order.
    pub fn cost_sheets(&self) -> &[crate::sim::market::cost_sheet::CostSheetCheck] {
        &self.cost_sheets
    }
    /// The answer sent to the task's letter.
    pub fn letter_reply(&self, task: &str) -> Option<&crate::sim::letters::LetterReply> {
        self.letters.get(task)
    }
    pub fn talks(&self, task: &str) -> Option<&Talks> {
        self.talks.get(task)
    }
    /// The declaration exercise of a customs task as it stands now: when it follows a
    /// negotiation that ended in a contract, rewritten for that contract.
    pub fn declaration_case(&self, task: &str) -> Option<DeclarationCase> {
        let base = self
            .scenario
            .tasks()
            .iter()
            .find(|t| t.id == task)?
            .declaration
            .as_ref()?;
        let contract = base.follows_contract_of.as_deref().and_then(|n| self.contracts.get(n));
        match contract.and_then(|c| self.scenario.product(&c.sku).map(|p| (c, p))) {
            Some((contract, product)) => Some(base.for_contract(contract, product)),
            None => Some(base.clone()),
        }
    }

    /// Whether the goods of a negotiation task's contract have cleared export customs: the
    /// customs task whose declaration follows that contract, if the scenario has one.
    pub fn export_clearance(&self, negotiation_task: &str) -> ExportClearance {
        let declaring = self.scenario.tasks().iter().find(|t| {
            t.declaration
                .as_ref()
                .is_some_and(|d| d.follows_contract_of.as_deref() == Some(negotiation_task))
        });
        match declaring {
            None => ExportClearance::NotRequired,
            Some(t) => match self.released.get(&t.id) {
                Some(day) => ExportClearance::Released(self.scenario.start_date().plus_days(i64::from(*day) - 1)),
                None => ExportClearance::Pending,
            },
        }
    }

    /// The profit sheet of a negotiation task's contract, when the scenario states the deal's
    /// costs: at the settled amount once paid, at today's rate before.
    pub fn profit_sheet(&self, task: &str) -> Option<ProfitSheet> {
        let contract = self.contracts.get(task)?;
        let costs = self.talks.get(task)?.case().costs?;
        let unit_cost = self.scenario.product(&contract.sku)?.unit_cost;
        Some(profit_sheet(
            contract,
            &costs,
            unit_cost,
            SheetRates {
                home: self.scenario.home_currency(),
                home_exponent: self.scenario.exponent(self.scenario.home_currency()),
                today: &self.rates,
                received: self.payments.get(task).copied(),
            },
        ))
    }

    /// The sailing booked for a negotiation task's contract, if any.
    pub fn booked_sailing(&self, task: &str) -> Option<Date> {
        self.bookings.get(task).copied()
    }

    /// Every presentation of a task's shipping documents, oldest first.
    pub fn documents_attempts(&self, task: &str) -> &[DocumentsCheck] {
        self.documents.get(task).map_or(&[], Vec::as_slice)
    }
    /// `money` in `currency` (minor units) at today's rates; `None` when a rate is missing.
    pub fn in_currency(&self, money: Money, currency: CurrencyCode) -> Option<i64> {
        money_in(&self.scenario, &self.rates, money, currency)
    }

    /// What one order of the student's listing of `sku` leaves after checkout taxes, the
    /// referral fee, the goods' cost and the parcel's shipping, at today's price (after any
    /// deal and coupon) and rates (market currency).
    pub fn order_margin(&self, market: &str, sku: &str) -> Option<OrderMargin> {
        let store = self.stores.get(market)?;
        let mine = store.student.iter().find(|l| l.sku == sku)?;
        let listing = store.listings.get(mine.id.0 as usize)?;
        self.margin_at(market, sku, listing.shopper_price(), &mine.shipping)
    }

    /// What one single-item order of `sku` at the VAT-inclusive `price` (market currency)
    /// shipped by `shipping` would leave, at today's rates and rules.
    pub fn margin_at(&self, market: &str, sku: &str, price: i64, shipping: &str) -> Option<OrderMargin> {
        let store = self.stores.get(market)?;
        let found = self.scenario.markets().iter().find(|m| m.id == market)?;
        let product = self.scenario.product(sku)?;
        let fee = store.storefront.referral_fee_on(sku, price);
        let option = store.storefront.shipping_option(shipping);
        let freight = option
            .and_then(|o| o.inbound_per_unit)
            .and_then(|m| self.in_currency(m, found.currency))
            .unwrap_or(0);
        let cost = self.in_currency(product.unit_cost, found.currency).unwrap_or(0) + freight;
        let fulfilment = crate::sim::market::checkout::Fulfilment::of(option, cost);
        let (vat, duty) =
            crate::sim::market::checkout::vat_and_duty(&self.scenario, found, product, price, self.date(), fulfilment);
        let taxes = vat + duty;
        let shipping = option
            .and_then(|o| self.in_currency(o.cost_per_parcel, found.currency))
            .unwrap_or(0);
        Some(OrderMargin {
            price,
            taxes,
            vat,
            duty,
            fee,
            cost,
            shipping,
            margin: price - taxes - fee - cost - shipping,
        })
    }

    /// The C2C shop, if the scenario has an auction site.
    pub fn shop(&self) -> Option<&crate::sim::c2c::Shop> {
        self.shop.as_ref()
    }

    /// The online store of a market, if it has one.
    pub fn store(&self, market: &str) -> Option<&crate::sim::market::Store> {
        self.stores.get(market)
    }
    /// The sales contract a negotiation task ended in, if it did.
    pub fn contract(&self, task: &str) -> Option<&SalesContract> {
        self.contracts.get(task)
    }
    /// Today's rate: units of the home currency per unit of `currency`.
    pub fn rate(&self, currency: CurrencyCode) -> Option<Micros> {
        self.rates.get(&currency).copied()
    }
    /// Whether two students share the machine, playing both sides of each negotiation.
    pub fn is_hotseat(&self) -> bool {
        self.hotseat
    }
    /// Finished by the player's choice before the last day ended.
    pub fn ended_early(&self) -> bool {
        self.ended_early
    }
    pub fn cash(&self) -> &BTreeMap<CurrencyCode, i64> {
        &self.cash
    }
    pub fn cash_money(&self) -> Vec<Money> {
        self.cash
            .iter()
            .map(|(c, m)| Money::new(*m, *c, self.scenario.exponent(*c)))
            .collect()
    }
    pub fn reputation(&self) -> u32 {
        self.reputation
    }
    pub fn rates(&self) -> &BTreeMap<CurrencyCode, Micros> {
        &self.rates
    }
    pub fn inbox(&self) -> &[Message] {
        &self.inbox
    }
    pub fn unread_count(&self) -> usize {
        self.inbox.iter().filter(|m| !m.read).count()
    }
    pub fn timeline(&self) -> &[(u32, Event)] {
        &self.timeline
    }
    pub fn commands(&self) -> &[Command] {
        &self.commands
    }
    /// The day the goods of `task` were released, if they were.
    pub fn released_on(&self, task: &str) -> Option<u32> {
        self.released.get(task).copied()
    }
    /// The day the goods of `task` are due for release, if accepted and waiting.
    pub fn release_due_on(&self, task: &str) -> Option<u32> {
        self.pending_release.get(task).copied()
    }
    /// Graded classifications of a product, oldest first.
    pub fn classifications(&self, sku: &str) -> &[Classification] {
        self.classifications.get(sku).map_or(&[], Vec::as_slice)
    }
    pub fn ledger(&self) -> &[LedgerEntry] {
        &self.ledger
    }
    /// The checked declarations of a customs task, oldest first.
    pub fn declaration_attempts(&self, task: &str) -> &[DeclarationCheck] {
        self.declarations.get(task).map_or(&[], Vec::as_slice)
    }

    /// All cash valued in the home currency at today's rates.
    pub fn net_cash_in_home(&self) -> Money {
        let home = self.scenario.home_currency();
        let home_exp = self.scenario.exponent(home);
        let total = self
            .cash
            .iter()
            .map(|(c, minor)| {
                if *c == home {
                    *minor
                } else {
                    let rate = self.rates.get(c).copied().unwrap_or(Micros(0));
                    super::money::convert(*minor, self.scenario.exponent(*c), rate, home_exp)
                }
            })
            .sum();
        Money::new(total, home, home_exp)
    }
}

/// Adds `minor` (negative: takes it) to the cash in `currency`, saturating: every amount is
/// bounded, but a year of them is added up here.
pub(crate) fn book_cash(cash: &mut BTreeMap<CurrencyCode, i64>, currency: CurrencyCode, minor: i64) {
    let held = cash.entry(currency).or_insert(0);
    *held = held.saturating_add(minor);
}
