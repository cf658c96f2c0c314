//! The on-disk scenario and rule-pack formats (version 1): raw, serde-shaped, possibly wrong.
//!
//! Everything here mirrors the RON text one to one. Nothing is checked beyond "is it shaped
//! right"; [`crate::sim::Scenario`] validates the meaning and collects every problem. Numbers
//! that must be exact (money, rates, percentages) are written as strings so that no value ever
//! passes through a float.

use serde::{Deserialize, Serialize};

/// The trade vocabulary the file shares with the simulation (Incoterms, sides, channels, texts…)
/// lives in [`crate::sim::terms`]; the file reads it as it is.
pub use crate::sim::terms::{
    Activity, BrandType, Channel, Cn23Box, Competency, CompetitorPricing, ConcessionStrategy, ConditionGrade,
    ContentUnit, CostSheetLine, CounterpartKind, CriterionKind, Difficulty, ExportRefund, Incoterm, MeasureUnit,
    PaymentTerm, QuestionTopic, Relief, SeatPlays, ShippingKind, Side, StatementVerdict, Text, TradeDirection,
    TradeMode, TransportMode, Valuation,
};

/// The only scenario / rule-pack format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole `*.scenario.ron` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Format version; must be 1.
    pub format: u32,
    /// What the scenario is, for the scenario browser.
    pub meta: Meta,
    /// The world the student plays in.
    pub setup: Setup,
    /// Numbers drawn for each student's variant when the scenario is played with a class code
    /// (see `tradeport::scenario::variant`); without a class code the file's own numbers hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantRange>,
}

/// A number of the scenario that each student's variant draws from a range: `field` is its
/// path in the file (`setup.tasks[1].negotiation.seller.reservation`), and the value is one
/// of `from`, `from + step`, … up to `to`, written like the field (`"0.40"`, `"19%"`, `1200`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantRange {
    pub field: String,
    pub from: String,
    pub to: String,
    pub step: String,
}

/// Scenario metadata shown in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Stable id: lowercase letters, digits and `-`.
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub mode: TradeMode,
    pub difficulty: Difficulty,
    /// Expected playing time in minutes.
    pub estimated_minutes: u32,
    pub learning_objectives: Vec<Text>,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The world: role, calendar, money, markets, goods, people, tasks and events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    pub role: Role,
    /// First day of play, `YYYY-MM-DD`.
    pub start_date: String,
    /// Number of in-game days; the scenario ends after the last one.
    pub length_days: u32,
    /// ISO 4217 code of the company's bookkeeping currency.
    pub home_currency: String,
    pub starting_cash: Vec<MoneyDef>,
    /// Reputation 0–100 at the start (default 50).
    #[serde(default = "default_reputation")]
    pub starting_reputation: u32,
    pub currencies: Vec<CurrencyDef>,
    /// Rates for every currency other than the home currency.
    pub exchange_rates: Vec<ExchangeRateDef>,
    /// Rule packs this scenario uses, by id and file path (relative to the scenario file).
    pub rule_packs: Vec<RulePackRef>,
    /// A nomenclature excerpt (`*.nomenclature.ron`) in the scenario's folder for the HS
    /// exercise, instead of the bundled one; empty: the bundled HS 2022 excerpt with China's
    /// national lines. Part of the scenario's content hash when given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nomenclature: String,
    pub markets: Vec<MarketDef>,
    pub products: Vec<ProductDef>,
    pub counterparts: Vec<CounterpartDef>,
    pub tasks: Vec<TaskDef>,
    /// The rubric's total; the points of all criteria must add up to it.
    pub rubric_total: u32,
    #[serde(default)]
    pub events: EventsDef,
    /// Seed of the session's random number generator.
    pub seed: u64,
    /// The seats: the roles people (or the AI) play. Optional: without it the scenario has
    /// one human seat, the `role`'s company, with the counterparts played by the AI (or, in
    /// hotseat, by a second student).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<SeatDef>,
    /// In a class, what happens while a student's PC is away (crashed, disconnected) until
    /// they rejoin: `Waits` (the default; the deal waits) or `AiHolds` (the AI plays the
    /// counterparts' seat meanwhile; a company's seat always waits, its report grades the
    /// student's own work). Optional: absent in older files, whose content hash is unchanged.
    #[serde(default, skip_serializing_if = "AwaySeat::is_default")]
    pub away_seat: AwaySeat,
}

/// What a class does with the seat of a student whose PC is away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AwaySeat {
    /// The deal waits for the student to rejoin.
    #[default]
    Waits,
    /// The AI plays the counterparts' seat until the student rejoins.
    AiHolds,
}

impl AwaySeat {
    pub fn is_default(&self) -> bool {
        *self == AwaySeat::Waits
    }
}

/// A seat, e.g. `(id: "exporter", name: (en: "Exporter", zh: "出口商"), plays: Company)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatDef {
    /// Letters, digits, `-` and `_`; unique among the seats.
    pub id: String,
    pub name: Text,
    pub plays: SeatPlays,
}

pub fn default_reputation() -> u32 {
    50
}

/// The student's job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: Text,
    pub company: Company,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: Text,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub description: Text,
}

/// An amount of money: `(currency: "CNY", amount: "50000.00")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyDef {
    pub currency: String,
    /// Decimal string, at most as many decimals as the currency has minor units.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyDef {
    /// ISO 4217 code, three capital letters.
    pub code: String,
    pub name: Text,
    /// Digits after the decimal point (CNY 2, JPY 0, KRW 0).
    pub minor_units: u32,
    #[serde(default)]
    pub symbol: String,
}

/// `rate` units of the home currency buy one unit of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRateDef {
    pub currency: String,
    /// Decimal string, up to 6 decimals, e.g. `"7.1800"`.
    pub rate: String,
    #[serde(default)]
    pub drift: Option<DriftDef>,
}

/// A daily random walk of an exchange rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriftDef {
    /// Largest daily move, percent string, e.g. `"0.3%"`.
    pub daily_max: String,
    /// Average daily trend, signed percent string, e.g. `"-0.05%"` (default `"0%"`).
    #[serde(default = "zero_percent")]
    pub daily_trend: String,
}

pub fn zero_percent() -> String {
    "0%".to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePackRef {
    pub id: String,
    /// Path of the `*.rules.ron` file, relative to the scenario file and inside its folder;
    /// empty (or left out) for the bundled pack of that id.
    #[serde(default)]
    pub file: String,
}

/// A destination market (a country or a marketplace site in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketDef {
    pub id: String,
    pub name: Text,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub currency: String,
    /// Id of a rule pack in `rule_packs` whose rules apply on import into this market.
    pub rule_pack: String,
    #[serde(default)]
    pub demand: Option<DemandDef>,
    /// The online marketplace of this market, for B2C selling.
    #[serde(default)]
    pub storefront: Option<StorefrontDef>,
    /// The auction / second-hand site of this market, for C2C selling.
    #[serde(default)]
    pub auction_site: Option<AuctionSiteDef>,
}

/// An auction / second-hand site where individuals sell to buyers in the market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuctionSiteDef {
    /// The site's name, e.g. `"eBay.com"`.
    pub platform: String,
    /// Minimum bid increments by current price, in the market's currency (the first `from` is
    /// `"0.00"`).
    pub increments: Vec<IncrementDef>,
    /// Final value fee on each sale (item price plus postage charged), percent.
    pub final_value_fee: String,
    /// What in this site's fees and postage is an illustrative teaching value rather than the
    /// current rate card; shown to the student beside the fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustrative_fees: Option<Text>,
    /// Minutes before the close in which a bid extends the close by as many minutes (the
    /// seller chooses whether to use it); 0: the site ends auctions at a fixed time (eBay).
    #[serde(default = "default_soft_close")]
    pub soft_close_minutes: u32,
    /// Interested buyers per listing per day, for an item priced at its reference price.
    pub buyers_per_day: u32,
    /// Buyers' private values as fractions of the reference price: a triangular distribution.
    pub values: ValueSpreadDef,
    /// Make-an-offer buyers: their target share of the listing price and how many of them
    /// there are (the shares add up to 100%).
    pub bargainers: Vec<BargainerDef>,
    /// The chance that an interested buyer asks a question before deciding (default 20%).
    #[serde(default)]
    pub question_chance: Option<String>,
    /// Postal and express services from the seller's country to this market.
    pub postage: Vec<PostageDef>,
    /// What the carrier charges the buyer for collecting import charges at the door.
    pub collection_fee: MoneyDef,
    /// A buying exercise: an item the student may buy on this site for delivery home.
    #[serde(default)]
    pub purchase: Option<PurchaseDef>,
}

pub fn default_soft_close() -> u32 {
    5
}

/// One step of a bid increment table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncrementDef {
    /// From this current price (decimal, market currency)…
    pub from: String,
    /// …each bid must rise by at least this much.
    pub step: String,
}

/// A triangular distribution of fractions, e.g. `(low: "0.60", mode: "0.95", high: "1.30")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueSpreadDef {
    pub low: String,
    pub mode: String,
    pub high: String,
}

/// A kind of make-an-offer buyer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BargainerDef {
    /// The share of the listing price they aim at, e.g. `"0.70"`.
    pub target: String,
    /// How many of the offer makers are of this kind, e.g. `"40%"`.
    pub share: String,
    pub strategy: ConcessionStrategy,
    pub concession_exponent: String,
}

/// A postal or express service for individuals' parcels, priced by weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostageDef {
    pub id: String,
    pub kind: ShippingKind,
    pub name: Text,
    /// The price of the first 500 g, and of each further 500 g or part of it.
    pub first_500g: MoneyDef,
    pub per_extra_500g: MoneyDef,
    pub transit_days: u32,
    /// Whether the parcel is tracked to the door (an untracked loss cannot be disproved).
    pub tracked: bool,
    /// Share of parcels lost on the way, e.g. `"1%"`.
    pub lost_chance: String,
    /// Whether the seller may pay the import charges in advance (delivered duty paid).
    #[serde(default)]
    pub duty_paid_option: bool,
}

/// A buying exercise: estimate the full landed cost before bidding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseDef {
    pub item: Text,
    /// HS code of the item, for the explanation.
    pub hs_code: String,
    /// The price the student expects to pay, in the market's currency.
    pub price: MoneyDef,
    /// Postage to the student's home, in the market's currency.
    pub postage: MoneyDef,
    /// The import tax on personal parcels at home, e.g. `"20%"` of price plus postage.
    pub import_tax: String,
    /// Tax at or below this amount (home currency) is not collected.
    pub tax_waived_up_to: MoneyDef,
    /// The most the student means to spend on it, landed (home currency).
    pub budget: MoneyDef,
    /// Where the tax rule comes from.
    pub source: String,
}

/// How a second-hand item really is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionDef {
    pub grade: ConditionGrade,
    /// Faults a buyer should be told about.
    #[serde(default)]
    pub faults: Vec<Text>,
}

/// A referral-fee category: `(category: "Clothing", products: ["WB-6206-MER"], bands: [(up_to:
/// "15.00", rate: "5%"), (up_to: "20.00", rate: "10%"), (rate: "15%")], source: "...")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralFeeDef {
    /// The platform's category name, e.g. `"Clothing & accessories"`.
    pub category: String,
    /// SKUs sold in this category.
    pub products: Vec<String>,
    /// Price bands in ascending order; the last has no `up_to`.
    pub bands: Vec<FeeBandDef>,
    /// `false` (default): the band the whole price falls in sets the rate for the whole price
    /// (Amazon.de clothing). `true`: each portion of the price pays its band's rate (Amazon.de
    /// electronics accessories: 15% of the first EUR 100, 8% of the rest).
    #[serde(default)]
    pub by_portion: bool,
    /// Where the fee comes from.
    pub source: String,
    /// What could not be verified about it, shown to the student; empty: verified.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unverified: String,
}

/// One price band of a referral fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeBandDef {
    /// Highest VAT-inclusive price of the band, market currency (absent for the last band).
    #[serde(default)]
    pub up_to: Option<String>,
    pub rate: String,
}

/// An online marketplace: its rules and fees, what shoppers search, the seasons and the AI
/// competitors already selling there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorefrontDef {
    /// The platform's name, e.g. `"Amazon.de"`.
    pub platform: String,
    /// Longest title the platform accepts, in characters.
    pub title_limit: u32,
    /// Referral fee (commission) on each sale, percent of the VAT-inclusive price, for products
    /// that no `referral_fees` category lists.
    pub referral_fee: String,
    /// Referral fees by category, as on the platform's rate card: price bands, each with its
    /// rate. A product listed here pays its category's fee instead of `referral_fee`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referral_fees: Vec<ReferralFeeDef>,
    /// What in this storefront's fees and costs is an illustrative teaching value rather than
    /// the platform's current rate card; shown to the student next to the fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustrative_fees: Option<Text>,
    /// Fee for paying the proceeds out in the seller's currency, percent.
    pub payout_fee: String,
    /// Attributes every listing in the category must state.
    #[serde(default)]
    pub required_attributes: Vec<String>,
    /// Words and phrases the platform forbids in listings.
    #[serde(default)]
    pub banned_words: Vec<String>,
    /// What shoppers search, with monthly search volumes (at most 64 keywords).
    pub keywords: Vec<KeywordDef>,
    /// Periods with more (or fewer) shoppers: Black Friday, 11.11, Christmas.
    #[serde(default)]
    pub seasons: Vec<SeasonDef>,
    /// AI sellers already on the marketplace.
    #[serde(default)]
    pub competitors: Vec<CompetitorDef>,
    /// Share of orders returned for a refund, e.g. `"4%"` (default none).
    #[serde(default)]
    pub return_rate: Option<String>,
    /// How the student's parcels can reach buyers (at least one).
    pub shipping: Vec<ShippingDef>,
    /// What the platform charges per redeemed coupon, in the market's currency (default none).
    #[serde(default)]
    pub coupon_fee: Option<MoneyDef>,
    /// Creators who can promote a listing off the marketplace.
    #[serde(default)]
    pub influencers: Vec<InfluencerDef>,
    /// The instructor's model listings: the AI expert publishes them (with the product's
    /// images), and the debrief shows what it did with them.
    #[serde(default)]
    pub model_listings: Vec<ModelListingDef>,
}

/// A well-written listing of a product on one storefront, in the storefront's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelListingDef {
    pub product: String,
    pub title: String,
    pub bullets: Vec<String>,
    pub description: String,
    #[serde(default)]
    pub search_terms: String,
    /// Attribute name and value pairs, e.g. `[("Material", "TPU")]`.
    pub attributes: Vec<(String, String)>,
}

/// A way to get parcels to buyers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippingDef {
    pub id: String,
    pub kind: ShippingKind,
    pub name: Text,
    /// What one parcel costs the seller (any currency with a rate).
    pub cost_per_parcel: MoneyDef,
    /// Days from hand-over to the buyer's door.
    pub transit_days: u32,
    /// Overseas warehouse only: head-haul freight per unit sent in, and how many days stock
    /// takes to arrive there.
    #[serde(default)]
    pub inbound_per_unit: Option<MoneyDef>,
    #[serde(default)]
    pub inbound_days: Option<u32>,
}

/// A social-media creator who can promote a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfluencerDef {
    pub id: String,
    pub name: String,
    /// Where they post, e.g. `"YouTube"`.
    pub channel: String,
    pub followers: u32,
    /// Share of followers who engage with a post, e.g. `"3.5%"`.
    pub engagement: String,
    /// What one sponsored post costs, in the market's currency.
    pub fee: MoneyDef,
    /// Products their audience cares about; a post for another product reaches a quarter of
    /// the buyers.
    pub fits: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordDef {
    pub text: String,
    pub monthly_searches: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeasonDef {
    pub name: Text,
    /// First and last day, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// Shoppers as a percentage of a normal day, e.g. `"250%"`.
    pub traffic: String,
}

/// An AI seller's listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetitorDef {
    pub id: String,
    pub name: String,
    /// The scenario product it competes with (for the reference price).
    pub product: String,
    /// VAT-inclusive price in the market's currency.
    pub price: MoneyDef,
    /// Average rating, `"0"` to `"5"` with one decimal.
    pub rating: String,
    pub reviews: u32,
    pub stock: u32,
    /// Listing quality 0 … 1000.
    pub quality: u16,
    /// Keywords (from `keywords`) the listing is relevant for.
    pub keywords: Vec<String>,
    /// Sponsored-search bid per click and daily budget, if it advertises.
    #[serde(default)]
    pub bid: Option<MoneyDef>,
    #[serde(default)]
    pub daily_budget: Option<MoneyDef>,
    /// How it reacts to the student's prices.
    #[serde(default)]
    pub pricing: CompetitorPricing,
    /// Days from order to the buyer's door (default 2, a local warehouse).
    #[serde(default)]
    pub delivery_days: Option<u32>,
}

/// How buyers in a market behave (used by the storefront and C2C simulations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemandDef {
    /// Shoppers who see a category page per day.
    pub daily_shoppers: u32,
    /// Price elasticity as a decimal string, e.g. `"1.8"`.
    pub price_elasticity: String,
    /// Shoppers' reference price per SKU.
    #[serde(default)]
    pub reference_prices: Vec<ReferencePriceDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferencePriceDef {
    pub product: String,
    pub price: MoneyDef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductDef {
    pub sku: String,
    pub name: Text,
    /// Specification as declared to customs (material, model, use).
    #[serde(default)]
    pub specification: Text,
    /// 6, 8 or 10 digits (dots allowed: `"6206.10.00.00"`).
    pub hs_code: String,
    pub unit_cost: MoneyDef,
    /// Net weight of one unit in grams.
    pub net_weight_g: u32,
    /// Gross weight of one packed unit in grams; not below the net weight.
    pub gross_weight_g: u32,
    pub dimensions_mm: DimensionsDef,
    /// ISO 3166-1 alpha-2 country of origin.
    pub origin: String,
    pub brand_type: BrandType,
    /// Image paths under `assets/`.
    #[serde(default)]
    pub images: Vec<String>,
    /// For second-hand items (C2C): the true condition and faults.
    #[serde(default)]
    pub condition: Option<ConditionDef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionsDef {
    pub length: u32,
    pub width: u32,
    pub height: u32,
}

/// An AI party the student deals with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounterpartDef {
    pub id: String,
    pub name: String,
    pub kind: CounterpartKind,
    pub country: String,
    /// Market id this party buys in or sells from, if any.
    #[serde(default)]
    pub market: Option<String>,
    /// BCP 47 language tag of their messages, e.g. `"en-GB"`.
    #[serde(default = "default_language")]
    pub language: String,
    pub personality: PersonalityDef,
    /// SKUs this party is interested in.
    #[serde(default)]
    pub interested_in: Vec<String>,
}

pub fn default_language() -> String {
    "en-US".to_string()
}

/// How an AI counterpart negotiates and behaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalityDef {
    pub strategy: ConcessionStrategy,
    /// Concession exponent `e` of target(t) = u_max − (u_max − u_res)·t^(1/e), decimal string.
    /// Boulware below 1, linear 1, conceder above 1.
    pub concession_exponent: String,
    /// Reservation (walk-away) value as a fraction of the list price, decimal string `"0.70"`.
    pub reservation: String,
    /// Opening target as a fraction of the list price, decimal string.
    pub target: String,
    /// Rounds of offers before the deadline.
    pub patience_rounds: u32,
    /// Days they wait for a reply before their mood drops.
    #[serde(default = "default_reply_days")]
    pub reply_within_days: u32,
}

pub fn default_reply_days() -> u32 {
    2
}

/// One graded task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDef {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub activity: Activity,
    pub competency: Competency,
    /// Day number (1-based) by which the task is due.
    #[serde(default)]
    pub due_day: Option<u32>,
    /// Product, market and counterpart the task is about, if any.
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub market: Option<String>,
    #[serde(default)]
    pub counterpart: Option<String>,
    /// For customs tasks: the declaration to prepare and the documents it must agree with.
    #[serde(default)]
    pub declaration: Option<DeclarationCaseDef>,
    /// For negotiation tasks: the issues on the table and both sides' private preferences.
    #[serde(default)]
    pub negotiation: Option<NegotiationDef>,
    /// A business letter to answer: the first message from the task's `counterpart`.
    #[serde(default)]
    pub letter: Option<LetterDef>,
    pub rubric: Vec<CriterionDef>,
}

/// A multi-issue negotiation between the student and the task's counterpart (alternating
/// offers). Each side's utility is linear-additive: Σ weight × value of the chosen option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegotiationDef {
    /// The side the student plays; the task's counterpart (or a second student) plays the other.
    pub student_side: Side,
    /// Who makes the first offer (usually the seller, answering the inquiry).
    #[serde(default = "default_opener")]
    pub opener: Side,
    /// Rounds before the deadline: each side makes at most this many offers.
    pub deadline_rounds: u32,
    /// The issues on the table, in the order the weights and values refer to.
    pub issues: Vec<IssueDef>,
    /// The seller's private brief.
    pub seller: PreferencesDef,
    /// The buyer's private brief.
    pub buyer: PreferencesDef,
    /// Contract terms that come from the scenario rather than from the talks.
    #[serde(default)]
    pub contract: ContractTermsDef,
}

/// The parts of the sales contract that are not negotiated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractTermsDef {
    /// Where the goods are loaded, e.g. `"Ningbo, China"`.
    #[serde(default)]
    pub port_of_loading: String,
    /// Where they are discharged, e.g. `"Hamburg, Germany"`.
    #[serde(default)]
    pub port_of_discharge: String,
    /// Days from the contract to the latest shipment date, when delivery is not negotiated.
    #[serde(default = "default_delivery_days")]
    pub delivery_days: u32,
    /// Days after shipment within which documents must be presented (UCP 600 art. 14(c): 21).
    #[serde(default = "default_presentation_days")]
    pub presentation_days: u32,
    /// Days from the contract until the goods are made and packed; nothing ships before.
    #[serde(default)]
    pub production_days: u32,
    /// The weekday the liner service sails from the port of loading (Monday 0 … Sunday 6).
    #[serde(default = "default_sailing_weekday")]
    pub sailing_weekday: u32,
    /// What the deal costs the seller, for the deal's profit sheet.
    #[serde(default)]
    pub costs: Option<DealCostsDef>,
}

/// The seller's costs of a deal beyond the goods themselves (teaching values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealCostsDef {
    /// Trucking to the port, terminal handling and document fees.
    pub inland: MoneyDef,
    /// Main-carriage freight, paid by the seller only under C and D terms.
    pub freight: MoneyDef,
    /// Insurance premium as a percentage of the insured amount (CIF/CIP).
    pub insurance_rate: String,
    /// Bank charges as a percentage of the proceeds.
    pub bank_charges: String,
    /// VAT rate included in the purchase cost, e.g. `"13%"`.
    pub vat_rate: String,
    /// Export VAT rebate rate for the goods, e.g. `"13%"`; `"0%"` if none.
    pub vat_rebate: String,
}

impl Default for ContractTermsDef {
    fn default() -> Self {
        Self {
            port_of_loading: String::new(),
            port_of_discharge: String::new(),
            delivery_days: default_delivery_days(),
            presentation_days: default_presentation_days(),
            production_days: 0,
            sailing_weekday: default_sailing_weekday(),
            costs: None,
        }
    }
}

pub fn default_delivery_days() -> u32 {
    45
}

pub fn default_sailing_weekday() -> u32 {
    5
}

pub fn default_presentation_days() -> u32 {
    21
}

pub fn default_opener() -> Side {
    Side::Seller
}

/// One negotiable issue and its options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssueDef {
    /// Unit prices from `from` to `to` in steps of `step` (decimal strings in `currency`).
    UnitPrice {
        currency: String,
        from: String,
        to: String,
        step: String,
    },
    /// Order quantities in pieces.
    Quantity(Vec<u32>),
    /// Incoterms 2020 rules on offer.
    Incoterm(Vec<Incoterm>),
    /// Payment terms on offer.
    Payment(Vec<PaymentTerm>),
    /// Days from contract to shipment.
    DeliveryDays(Vec<u32>),
}

/// One side's private preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferencesDef {
    /// How much each issue matters, in the order of `issues`, as percentages adding up to 100%.
    pub weights: Vec<String>,
    /// How good each option of each issue is, from 0 (worst) to 1 (best).
    pub values: Vec<ValueFnDef>,
    /// The utility of walking away (0 to 1, decimal string): no deal is accepted below it.
    pub reservation: String,
}

/// How one side values an issue's options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueFnDef {
    /// From 0 for the first option up to 1 for the last, in equal steps (a seller's price).
    Increasing,
    /// From 1 for the first option down to 0 for the last (a buyer's price).
    Decreasing,
    /// One value per option, decimal strings from 0 to 1.
    Table(Vec<String>),
}

/// A customs declaration exercise: the consignment's documents (contract, commercial invoice,
/// packing list) and the facts a correct declaration must state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationCaseDef {
    pub direction: TradeDirection,
    /// Id of a rule pack in `setup.rule_packs` (e.g. `"cn-export"`).
    pub rule_pack: String,
    /// The correct customs supervision (trade-mode) code, e.g. `"0110"` general trade.
    pub trade_mode: String,
    pub consignor: String,
    pub consignee: String,
    pub contract_no: String,
    pub invoice_no: String,
    pub port_of_loading: String,
    pub port_of_discharge: String,
    /// ISO alpha-2 country the goods go to (export) or come from (import).
    pub destination_country: String,
    pub transport_mode: TransportMode,
    /// Whether the goods travel in a container (then FCA/CPT/CIP suit better than FOB/CFR/CIF).
    #[serde(default)]
    pub containerised: bool,
    /// The Incoterm agreed in the contract.
    pub incoterm: Incoterm,
    /// Invoice currency.
    pub currency: String,
    pub lines: Vec<DocumentLineDef>,
    /// What happens after lodging: clearance time and the risk model.
    pub clearance: ClearanceDef,
    /// Id of a negotiation task: once it ends in a sales contract, the declaration follows the
    /// contract (contract number, Incoterm, currency, and one goods line with the agreed
    /// quantity and price); `lines` and the other values above are the fallback before that.
    #[serde(default)]
    pub follows_contract_of: Option<String>,
}

/// Customs' response to a declaration. A correct declaration clears in `normal_days`; each
/// wrong field raises the chance of an inspection; errors cost a correction fee and
/// undervaluation a penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClearanceDef {
    /// Days from lodging a correct declaration to release.
    pub normal_days: u32,
    /// Chance of a random inspection of any declaration, percent string, e.g. `"3%"`.
    pub base_inspection: String,
    /// Added inspection chance per wrong field, e.g. `"10%"`.
    pub inspection_per_error: String,
    /// Added inspection chance when the value is declared below the invoice, e.g. `"50%"`.
    pub undervaluation_inspection: String,
    /// Extra days an inspection holds the goods.
    pub inspection_days: u32,
    /// Charged for each inspection (in the home currency).
    pub inspection_fee: MoneyDef,
    /// Charged for each rejected declaration that must be amended.
    pub correction_fee: MoneyDef,
    /// Penalty for undervaluation, as a percent of the undervalued amount.
    pub undervaluation_penalty: String,
}

/// One line of the invoice and packing list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentLineDef {
    /// SKU of a product in `setup.products`.
    pub product: String,
    pub quantity: u32,
    /// Invoice price of one unit, in the case's currency.
    pub unit_price: String,
    pub cartons: u32,
    /// Net and gross weight of the whole line (packing list), kilograms.
    pub net_kg: String,
    pub gross_kg: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDef {
    pub id: String,
    pub description: Text,
    pub points: u32,
    pub kind: CriterionKind,
    /// How the game checks the criterion; without one it is not scored automatically.
    #[serde(default)]
    pub check: Option<CheckDef>,
    /// The rule or standard the criterion applies, cited in the debrief when points are lost
    /// (e.g. "Incoterms 2020 (ICC): FCA, CPT and CIP suit containers").
    #[serde(default)]
    pub rule: Option<Text>,
    /// Advice for next time, shown in the debrief when points are lost (practice mode also
    /// shows it in the task panel).
    #[serde(default)]
    pub hint: Option<Text>,
}

/// A letter the student answers point by point: for each point the student picks one of the
/// statements (the scenario's, or ones the game computes) and adds a note of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterDef {
    /// Days the writer waits for an answer, counted from the day the letter arrived.
    pub reply_within_days: u32,
    pub points: Vec<LetterPointDef>,
}

/// One point the answer must cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterPointDef {
    pub id: String,
    /// What the point is about, e.g. "Price basis".
    pub label: Text,
    /// Statements to choose from, exactly one of them `Right` (unless `computed`).
    #[serde(default)]
    pub options: Vec<LetterOptionDef>,
    /// Statements the game writes from the session instead.
    #[serde(default)]
    pub computed: Option<ComputedPointDef>,
    /// How a reply written in the student's own words is read on this point, beyond the facts
    /// of its right statement (optional; absent, the facts alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<WrittenPointDef>,
}

/// Phrases that decide a written reply's point where its facts cannot ("free of charge" for
/// samples; "pay the postman" for VAT collected at checkout). Matched case-insensitively as
/// whole words, not when a negation ("not", "no", "nothing", "n't", …) denies it in its clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenPointDef {
    /// The passage making the point must say one of these, else it is vague.
    #[serde(default)]
    pub must_say: Vec<String>,
    /// A passage saying one of these is wrong, for the reason given.
    #[serde(default)]
    pub wrong: Vec<WrongPhraseDef>,
}

/// Phrases that make a written point wrong, for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongPhraseDef {
    pub phrases: Vec<String>,
    pub why: Text,
}

/// A statement the student may send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterOptionDef {
    /// The sentence as it goes into the letter (in the letter's language, usually English).
    pub text: String,
    pub verdict: StatementVerdict,
    /// Why it is right or wrong, shown after sending and in the debrief.
    pub why: Text,
}

/// Statements the game computes for a letter point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComputedPointDef {
    /// What a buyer pays at checkout for one parcel of these products from the task's market:
    /// the student's VAT-inclusive listing prices (the market's reference price where not
    /// listed); the right total, and totals with the usual mistakes (VAT added again, the
    /// duty added on top, the duty counted per item).
    ParcelTotal { products: Vec<String> },
}

/// A check the game can score by itself. Checks about "the task's product" or "the task's
/// counterpart" use the task's `product` and `counterpart` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckDef {
    /// C2C: every item held at the start is listed by the task's due day.
    AllListedByDueDay,
    /// C2C: these products are auctioned and those sold at a fixed price.
    FormatChoice { auction: Vec<String>, fixed: Vec<String> },
    /// C2C: every reserve (or start price), fixed price and auto-decline floor covers cost,
    /// postage and fees at listing.
    FloorsCoverCosts,
    /// C2C: every listing claims the true condition grade and mentions every fault.
    HonestDescriptions,
    /// C2C: at least one offer below `below` (e.g. `"60%"`) of the price was countered.
    CounteredLowOffer { below: String },
    /// C2C: something sold, and no sale was below its item's break-even price (at listing).
    NoSaleBelowBreakEven,
    /// C2C: `product` sold for at least `share` (e.g. `"85%"`) of its listing price.
    SoldAtLeast { product: String, share: String },
    /// C2C: the auction of `product` sold (so above any reserve).
    AuctionSoldAboveReserve { product: String },
    /// The task's counterpart's question (or the task's letter) answered within `days` days
    /// with at least `min_score`.
    AnsweredWithin { days: u32, min_score: u32 },
    /// The task's counterpart was told the import charges truly.
    ChargesExplainedTruly,
    /// Every point the task's counterpart asked about was answered with the true statement.
    AllTopicsAnsweredTruly,
    /// The note answering the task's counterpart scored at least `min` of 30 for tone.
    AnswerTone { min: u32 },
    /// The task's counterpart bid, made an offer or bought.
    CounterpartTookPart,
    /// The CN23 of the task's product had these boxes right.
    Cn23Right { boxes: Vec<Cn23Box> },
    /// The task's product was posted, cleared customs without a hold and arrived without a
    /// dispute.
    ParcelDelivered,
    /// Customs desk: in the task's last declaration, no field with these names is wrong
    /// (header fields such as `trade_mode`, line fields such as `commodity_code`, on every line).
    DeclarationFields { fields: Vec<String> },
    /// Customs desk: the task's first declaration cleared (no amendment, no re-declaration).
    DeclarationFirstTime,
    /// B2C: every listing of the student (in the task's market and of its product, when set)
    /// scores at least `min` of 1000 for quality.
    ListingQualityAtLeast { min: u16 },
    /// B2C: every such listing leaves at least `share` of its price per order after taxes,
    /// fee, goods and shipping, at today's price.
    MarginAtLeast { share: String },
    /// B2C: the sponsored ads of the task's product in the task's market ran with an ACoS
    /// below the product's margin.
    AcosBelowMargin,
    /// B2C: at least `units` of the task's product were sold (and kept) in the task's market.
    UnitsSoldAtLeast { units: u32 },
    /// B2C: the student's latest cost sheet for every listing (in the task's market, of its
    /// product when set) had these lines right.
    CostSheetRight { lines: Vec<CostSheetLine> },
    /// B2C: once the sponsored ads of the task's product (in the task's market) have 20 clicks
    /// or more and an ACoS above its margin, the bid is cut or the ads paused within `days` days.
    AdsCutWhenLosing { days: u32 },
    /// B2C: the sponsored ads of the task's product in the task's market ran with an ACoS of
    /// at most `max` (e.g. `"15%"`).
    AcosAtMost { max: String },
    /// B2C: the task's product is listed in the task's market.
    ListingLive,
    /// B2C: the task's product is priced for the task's market: within `within` (e.g. `"5%"`)
    /// of that market's reference price, not copied from another market.
    PricedForMarket { within: String },
    /// B2C: the store in the task's market made a profit after taxes, fees, ads and goods.
    StoreProfitable,
    /// B2B: the student's first offer in the task's negotiation is worth at least `min`
    /// (a utility from 0 to 1, e.g. `"0.85"`) to the student by their brief: room to concede.
    OpeningOfferWorth { min: String },
    /// B2B: in the task's negotiation every concession of the student (a fall in the utility of
    /// their offer to themselves) is no larger than the one before, and each asks for something
    /// back (on some issue the new offer is better for the student than the last one).
    ConcessionsShrink,
    /// The task's letter was answered with the right statement on point `point`.
    LetterPointRight { point: String },
    /// B2B: the deal agreed in the task's negotiation is worth at least `min` (a utility from
    /// 0 to 1) to the student by their brief.
    AgreedUtilityAtLeast { min: String },
    /// B2B: the shipping documents of the task's contract complied the first time they were
    /// presented.
    DocumentsFirstTime,
    /// The company's cash, in the home currency, grew by at least `amount` over the session.
    CashGainAtLeast { amount: MoneyDef },
    /// B2B: the task's negotiation ended in a signed contract.
    ContractSigned,
    /// B2B: the contract's Incoterm is one of these.
    ContractIncoterm { allowed: Vec<Incoterm> },
    /// B2B: the contract's payment term is one of these.
    ContractPayment { allowed: Vec<PaymentTerm> },
    /// B2B: the contract's unit price is at least the product's unit cost plus `share`, in
    /// the home currency at the rate on the day of signing.
    ContractMarginAtLeast { share: String },
    /// Every one of these checks holds.
    All(Vec<CheckDef>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EventsDef {
    #[serde(default)]
    pub scheduled: Vec<ScheduledEventDef>,
    #[serde(default)]
    pub random: Vec<RandomEventDef>,
}

/// An event that happens on a fixed day (1 = the first day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledEventDef {
    pub day: u32,
    pub effect: EffectDef,
}

/// An event that may happen on any day in a window, with a daily chance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomEventDef {
    pub id: String,
    /// Chance per day, percent string, e.g. `"10%"`.
    pub daily_chance: String,
    #[serde(default = "first_day")]
    pub from_day: u32,
    /// Last day it may happen (default: the scenario's last day).
    #[serde(default)]
    pub to_day: Option<u32>,
    /// How often it may happen at most (default 1).
    #[serde(default = "once")]
    pub max_times: u32,
    pub effect: EffectDef,
}

pub fn first_day() -> u32 {
    1
}

pub fn once() -> u32 {
    1
}

/// What an event does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EffectDef {
    /// A message arrives in the inbox. `from` is a counterpart id, or empty for the company.
    Message { from: String, subject: Text, body: Text },
    /// An exchange rate jumps by a signed percent string, e.g. `"-3%"`.
    ExchangeRateShock { currency: String, change: String },
    /// Cash arrives or leaves (signed amount), with a reason shown in the inbox.
    CashChange { money: MoneyDef, reason: Text },
    /// Reputation moves by `delta` points.
    ReputationChange { delta: i32, reason: Text },
    /// A buyer (counterpart id) asks about a product; the student answers in the inbox.
    Question {
        from: String,
        product: String,
        topics: Vec<QuestionTopic>,
        subject: Text,
        body: Text,
    },
}

// ---------------------------------------------------------------- rule packs

/// A whole `*.rules.ron` file: customs and tax rules with effective dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePackFile {
    pub format: u32,
    pub id: String,
    pub name: Text,
    /// Jurisdiction code: `CN`, `EU`, `UK`, `US`, or a country code.
    pub jurisdiction: String,
    /// ISO 4217 currency in which this jurisdiction assesses duty and tax; every amount in the
    /// pack's rules is in it.
    pub currency: String,
    /// Basis of the customs value (default `Cif`: the EU and China add freight and insurance to
    /// the border; the US values goods `Fob`).
    #[serde(default)]
    pub valuation: Valuation,
    #[serde(default)]
    pub notes: String,
    pub rules: Vec<RuleDef>,
}

/// One rule, in force from `valid_from` up to and including `valid_to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub channel: Channel,
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: Option<String>,
    /// Where the rule comes from (regulation, article, announcement).
    pub source: String,
    /// What in the rule could not be verified against an official source, and why; shown to
    /// the student with the source wherever the rule is cited. Empty: verified.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unverified: String,
    /// Only goods of these origins (ISO alpha-2, e.g. `["CN", "HK"]`); empty: every origin. A
    /// rule on the whole consignment (de minimis, point-of-sale VAT, limits) applies only when
    /// every line's origin passes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<String>,
    /// Goods of these origins are left out (e.g. de minimis `excluding_origins: ["CN", "HK"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluding_origins: Vec<String>,
    pub kind: RuleKind,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// What a rule says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleKind {
    /// VAT (or GST) at `rate`, for goods whose HS code starts with one of `hs_prefixes`
    /// (empty: all goods), in `country` (empty: the whole jurisdiction).
    Vat {
        rate: String,
        #[serde(default)]
        country: String,
        #[serde(default)]
        hs_prefixes: Vec<String>,
    },
    /// Import duty for goods whose HS code starts with `hs_prefix`.
    Duty {
        hs_prefix: String,
        rate: DutyRateDef,
        /// A preferential rate (e.g. UK-Japan CEPA, RCEP): applies only when the consignment
        /// states a proof of origin; without one the normal rate applies and a note says so.
        #[serde(default, skip_serializing_if = "is_false")]
        needs_proof_of_origin: bool,
    },
    /// A duty added on top of the normal duty for goods whose HS code starts with `hs_prefix`
    /// (e.g. US Section 301 on goods of Chinese origin). Within one `program` the longest prefix
    /// wins; different programs add up.
    AdditionalDuty {
        program: String,
        hs_prefix: String,
        rate: DutyRateDef,
    },
    /// Consumption (excise) tax for goods whose HS code starts with `hs_prefix`. With
    /// `price_at_least`, only goods whose price (excluding VAT) per unit of their content reaches
    /// the threshold for that content's unit are taxed (China: high-end cosmetics, CNY 10 per ml
    /// or g, CNY 15 per piece). Absent or empty: every matching good is taxed.
    ConsumptionTax {
        hs_prefix: String,
        rate: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        price_at_least: Vec<PriceThresholdDef>,
    },
    /// Consignments at or below `threshold` are relieved of `relieves`.
    DeMinimis { threshold: MoneyDef, relieves: Relief },
    /// Limits on retail purchases (China cross-border retail).
    TransactionLimit {
        per_transaction: MoneyDef,
        per_person_per_year: MoneyDef,
    },
    /// Taxes are charged at `percent_of_normal` of the normal amount (e.g. `"70%"`).
    TaxReduction { percent_of_normal: String },
    /// A fixed duty per distinct tariff subheading for consignments of intrinsic value up to
    /// and including `up_to_value`. `below_value` is the field's name before December 2026,
    /// still read (as the same limit, inclusive) so that older packs keep their content hash.
    FixedDutyPerCategory {
        amount: MoneyDef,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        up_to_value: Option<MoneyDef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        below_value: Option<MoneyDef>,
    },
    /// VAT is collected by the seller at the point of sale up to `threshold`.
    VatAtPointOfSale { threshold: MoneyDef },
    /// How exports on the rule's channel are treated for VAT: no output VAT, and whether the
    /// input VAT paid on the goods is refunded; `requires` says when (e.g. "purchase VAT
    /// invoices"), `rebate_rate` the refund rate where one applies.
    ExportVat {
        refund: ExportRefund,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        requires: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rebate_rate: Option<String>,
    },
}

/// A price test: `(amount: (currency: "CNY", amount: "10.00"), per: Millilitre)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceThresholdDef {
    pub amount: MoneyDef,
    pub per: ContentUnit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DutyRateDef {
    /// Percent of the customs value, e.g. `"12%"`.
    AdValorem(String),
    /// An amount per unit of measure.
    Specific { amount: MoneyDef, per: MeasureUnit },
    /// Ad valorem plus specific.
    Compound {
        percent: String,
        amount: MoneyDef,
        per: MeasureUnit,
    },
}
