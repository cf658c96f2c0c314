//! The validated scenario: built from a raw [`ScenarioFile`] and its rule packs, collecting
//! every problem with its field path. Once built, a `Scenario` cannot be wrong.

pub mod auction_site;
pub mod declaration;
pub mod letter;
pub mod negotiation;
pub mod nomenclature;
pub mod role;
pub mod rubric;
pub mod storefront;
mod validate_desks;

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::error::Diagnostic;
use crate::scenario::file::{EffectDef, FORMAT_VERSION, ScenarioFile, SeatDef};
use crate::sim::terms::{
    Activity, BrandType, Competency, ConcessionStrategy, CounterpartKind, CriterionKind, Difficulty, SeatPlays, Text,
    TradeMode,
};

use super::check::{Checker, iso_exponent};
use super::date::Date;
use super::money::{BasisPoints, CurrencyCode, Micros, Money};
use super::rules::RulePack;
use super::said::Said;
use declaration::DeclarationCase;
use negotiation::NegotiationCase;
pub use role::{Company, Role, Seat};

/// Whether a counterpart of this kind can take that side of a deal.
fn counterpart_can_take(kind: CounterpartKind, side: crate::sim::terms::Side) -> bool {
    use crate::sim::terms::Side;
    match side {
        Side::Buyer => kind == CounterpartKind::Buyer,
        Side::Seller => matches!(
            kind,
            CounterpartKind::Seller | CounterpartKind::Supplier | CounterpartKind::Forwarder
        ),
    }
}

/// A 6-, 8- or 10-digit commodity code, stored without dots. Small and `Copy`: the digits
/// live inline, padded with zero bytes (so codes order like their digit strings).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HsCode {
    digits: [u8; 10],
    len: u8,
}

impl std::fmt::Debug for HsCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HsCode({:?})", self.digits())
    }
}

impl HsCode {
    /// Accepts `"6206100000"` or `"6206.10.00.00"`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut digits = [0u8; 10];
        let mut len = 0usize;
        for b in text.bytes().filter(|b| *b != b'.' && *b != b' ') {
            if !b.is_ascii_digit() || len == digits.len() {
                return None;
            }
            digits[len] = b;
            len += 1;
        }
        matches!(len, 6 | 8 | 10).then_some(Self { digits, len: len as u8 })
    }

    pub fn digits(&self) -> &str {
        // Only ASCII digits are ever stored, so this is always valid UTF-8.
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The internationally harmonised 6-digit subheading.
    pub fn subheading(&self) -> &str {
        &self.digits()[..6]
    }

    /// `6206.10.00.00` style.
    pub fn dotted(&self) -> String {
        let d = self.digits();
        let mut out = format!("{}.{}", &d[..4], &d[4..6]);
        let mut i = 6;
        while i < d.len() {
            out.push('.');
            out.push_str(&d[i..i + 2]);
            i += 2;
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyInfo {
    pub code: CurrencyCode,
    pub name: Text,
    pub exponent: u32,
    pub symbol: String,
}

/// An exchange rate against the home currency and how it drifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FxSpec {
    pub rate: Micros,
    pub daily_max: BasisPoints,
    pub daily_trend: BasisPoints,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Market {
    pub id: String,
    pub name: Text,
    pub country: String,
    pub currency: CurrencyCode,
    pub rule_pack: String,
    pub daily_shoppers: u32,
    pub price_elasticity: Micros,
    pub reference_prices: Vec<(String, Money)>,
    /// The online marketplace, for B2C selling.
    pub storefront: Option<storefront::Storefront>,
    /// The auction / second-hand site, for C2C selling.
    pub auction_site: Option<auction_site::AuctionSite>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub sku: String,
    pub name: Text,
    pub specification: Text,
    pub hs_code: HsCode,
    pub unit_cost: Money,
    pub net_weight_g: u32,
    pub gross_weight_g: u32,
    pub dimensions_mm: (u32, u32, u32),
    pub origin: String,
    pub brand_type: BrandType,
    pub images: Vec<String>,
    /// Second-hand items: the true condition grade and the faults a buyer should be told.
    pub condition: Option<(crate::sim::terms::ConditionGrade, Vec<Text>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Personality {
    pub strategy: ConcessionStrategy,
    pub concession_exponent: Micros,
    pub reservation: Micros,
    pub target: Micros,
    pub patience_rounds: u32,
    pub reply_within_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counterpart {
    pub id: String,
    pub name: String,
    pub kind: CounterpartKind,
    pub country: String,
    pub market: Option<String>,
    pub language: String,
    pub personality: Personality,
    pub interested_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub id: String,
    pub description: Text,
    pub points: u32,
    pub kind: CriterionKind,
    /// How the game scores it; `None`: not scored automatically.
    pub check: Option<rubric::Check>,
    /// The rule it applies and advice for next time, for the debrief.
    pub rule: Option<Text>,
    pub hint: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub activity: Activity,
    pub competency: Competency,
    pub due_day: Option<u32>,
    pub product: Option<String>,
    pub market: Option<String>,
    pub counterpart: Option<String>,
    /// The declaration to prepare, for customs tasks that have one.
    pub declaration: Option<DeclarationCase>,
    /// The deal to negotiate, for negotiation tasks that have one.
    pub negotiation: Option<NegotiationCase>,
    /// The letter to answer, for tasks that have one.
    pub letter: Option<letter::Letter>,
    pub rubric: Vec<Criterion>,
}

impl Task {
    pub fn points(&self) -> u32 {
        self.rubric.iter().map(|c| c.points).sum()
    }
}

/// What an event does, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Message {
        from: Option<String>,
        subject: Text,
        body: Text,
    },
    ExchangeRateShock {
        currency: CurrencyCode,
        change: BasisPoints,
    },
    CashChange {
        money: Money,
        reason: Text,
    },
    ReputationChange {
        delta: i32,
        reason: Text,
    },
    /// A buyer asks about a product; the student answers in the inbox.
    Question {
        from: String,
        sku: String,
        topics: Vec<crate::sim::terms::QuestionTopic>,
        subject: Text,
        body: Text,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledEvent {
    pub day: u32,
    pub effect: Effect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RandomEvent {
    pub id: String,
    pub daily_chance: BasisPoints,
    pub from_day: u32,
    pub to_day: u32,
    pub max_times: u32,
    pub effect: Effect,
}

/// Scenario metadata for the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioMeta {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub mode: TradeMode,
    pub difficulty: Difficulty,
    pub estimated_minutes: u32,
    pub learning_objectives: Vec<Text>,
    pub author: String,
    pub tags: Vec<String>,
}

/// A scenario that passed validation. Fields are private: it is only built by [`Scenario::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    meta: ScenarioMeta,
    role: Role,
    seats: Vec<Seat>,
    away_seat: crate::scenario::file::AwaySeat,
    start_date: Date,
    length_days: u32,
    home_currency: CurrencyCode,
    currencies: BTreeMap<CurrencyCode, CurrencyInfo>,
    starting_cash: BTreeMap<CurrencyCode, i64>,
    starting_reputation: u32,
    exchange_rates: BTreeMap<CurrencyCode, FxSpec>,
    rule_packs: Vec<RulePack>,
    markets: Vec<Market>,
    products: Vec<Product>,
    counterparts: Vec<Counterpart>,
    tasks: Vec<Task>,
    rubric_total: u32,
    scheduled_events: Vec<ScheduledEvent>,
    random_events: Vec<RandomEvent>,
    seed: u64,
    /// BLAKE3 of the scenario and its rule packs as parsed (comments and layout do not count);
    /// set by the loader, empty for a scenario validated on its own.
    content_hash: String,
    /// The scenario folder's own nomenclature for the HS exercise, if it names one.
    nomenclature: Option<std::sync::Arc<nomenclature::Nomenclature>>,
    /// The class code and student number this is the variant of (see
    /// `crate::scenario::variant`); `None` for the scenario as written.
    variant: Option<VariantKey>,
}

/// Whose variant of a scenario a session plays: a class code and a student number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VariantKey {
    /// Trimmed, letters in capitals.
    pub class_code: String,
    /// Trimmed.
    pub student_id: String,
}

impl VariantKey {
    /// The key for what a student typed (class code in any case, spaces around ignored).
    pub fn new(class_code: &str, student_id: &str) -> Self {
        Self {
            class_code: class_code.trim().to_uppercase(),
            student_id: student_id.trim().to_string(),
        }
    }
}

/// Rule packs that a scenario references and that loaded, by reference id (those that failed
/// were reported by the loader).
#[derive(Debug, Default, Clone)]
pub struct LoadedRulePacks {
    pub valid: BTreeMap<String, RulePack>,
}

const MAX_LENGTH_DAYS: u32 = 366;

impl Scenario {
    /// Validates `file` (labelled `label` in diagnostics) against its loaded rule packs.
    ///
    /// # Errors
    /// Every problem found, each with its field path and a hint.
    #[allow(clippy::too_many_lines)] // one straight pass over the file, section by section
    pub fn validate(label: &str, file: &ScenarioFile, packs: &LoadedRulePacks) -> Result<Self, Vec<Diagnostic>> {
        let mut c = Checker::new(label);
        if file.format != FORMAT_VERSION {
            c.say(
                "format",
                Said::new("check-format-version").with("version", file.format.to_string()),
                None,
            );
        }
        let m = &file.meta;
        if m.id.is_empty()
            || !m
                .id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        {
            c.say(
                "meta.id",
                Said::new("check-scenario-id").with("id", m.id.as_str()),
                Some(Said::new("check-scenario-id-hint")),
            );
        }
        c.text("meta.title", &m.title);
        c.text("meta.description", &m.description);
        if m.estimated_minutes == 0 {
            c.say(
                "meta.estimated_minutes",
                Said::new("check-estimated-time-zero"),
                Some(Said::new("check-estimated-time-zero-hint")),
            );
        }
        if m.learning_objectives.is_empty() {
            c.say(
                "meta.learning_objectives",
                Said::new("check-no-learning-objectives"),
                Some(Said::new("check-no-learning-objectives-hint")),
            );
        }
        for (i, o) in m.learning_objectives.iter().enumerate() {
            c.text(&format!("meta.learning_objectives[{i}]"), o);
        }

        let s = &file.setup;
        c.text("setup.role.title", &s.role.title);
        c.text("setup.role.company.name", &s.role.company.name);
        c.country("setup.role.company.country", &s.role.company.country);
        let role = Role {
            title: s.role.title.clone(),
            company: Company {
                name: s.role.company.name.clone(),
                country: s.role.company.country.clone(),
                city: s.role.company.city.clone(),
                description: s.role.company.description.clone(),
            },
        };
        let seats = validate_seats(&mut c, &s.seats, &role);

        // Calendar.
        let start_date = c.date("setup.start_date", &s.start_date);
        if s.length_days == 0 || s.length_days > MAX_LENGTH_DAYS {
            c.say(
                "setup.length_days",
                Said::new("check-length-days").with("days", s.length_days),
                Some(Said::new("check-length-days-hint").with("max", MAX_LENGTH_DAYS)),
            );
        }
        let length = s.length_days.clamp(1, MAX_LENGTH_DAYS);

        // Currencies first: everything else refers to them.
        c.unique(
            "setup.currencies",
            "code",
            "currency",
            s.currencies.iter().map(|d| d.code.as_str()),
        );
        let mut currencies = BTreeMap::new();
        for (i, d) in s.currencies.iter().enumerate() {
            let p = format!("setup.currencies[{i}]");
            let Some(code) = CurrencyCode::parse(&d.code) else {
                c.say(
                    &format!("{p}.code"),
                    Said::new("check-not-currency-code").with("code", d.code.as_str()),
                    Some(Said::new("check-currency-code-hint-short")),
                );
                continue;
            };
            c.text(&format!("{p}.name"), &d.name);
            if let Some(iso) = iso_exponent(&d.code)
                && iso != d.minor_units
            {
                c.say(
                    &format!("{p}.minor_units"),
                    Said::new("check-minor-units-iso")
                        .with("code", d.code.as_str())
                        .with("iso", iso)
                        .with("written", d.minor_units),
                    Some(Said::new("check-minor-units-iso-hint").with("iso", iso)),
                );
            } else if d.minor_units > 4 {
                c.say(
                    &format!("{p}.minor_units"),
                    Said::new("check-minor-units-many"),
                    Some(Said::new("check-minor-units-many-hint")),
                );
            }
            // A wrong value is reported above; the checks that follow use a sane one.
            let exponent = iso_exponent(&d.code).unwrap_or(d.minor_units.min(4));
            c.currencies.push((code, exponent));
            currencies.insert(
                code,
                CurrencyInfo {
                    code,
                    name: d.name.clone(),
                    exponent,
                    symbol: d.symbol.clone(),
                },
            );
        }
        let home = c.currency("setup.home_currency", &s.home_currency);
        // Currencies that need an exchange rate, with the first place each is used.
        let mut used: BTreeMap<CurrencyCode, String> = BTreeMap::new();
        let mut note_use = |code: CurrencyCode, path: String| {
            used.entry(code).or_insert(path);
        };

        let mut starting_cash = BTreeMap::new();
        for (i, d) in s.starting_cash.iter().enumerate() {
            let p = format!("setup.starting_cash[{i}]");
            if let Some(money) = c.money(&p, d, false) {
                if starting_cash.insert(money.currency, money.minor).is_some() {
                    c.say(
                        &p,
                        Said::new("check-starting-cash-twice").with("currency", money.currency.to_string()),
                        Some(Said::new("check-starting-cash-twice-hint")),
                    );
                }
                note_use(money.currency, p);
            }
        }
        if s.starting_reputation > 100 {
            c.say(
                "setup.starting_reputation",
                Said::new("check-reputation-above-100").with("reputation", s.starting_reputation),
                Some(Said::new("check-reputation-range-hint")),
            );
        }

        // Rule packs.
        c.unique(
            "setup.rule_packs",
            "id",
            "rule pack",
            s.rule_packs.iter().map(|r| r.id.as_str()),
        );
        let pack_ids: Vec<&str> = s.rule_packs.iter().map(|r| r.id.as_str()).collect();

        // Markets.
        c.unique(
            "setup.markets",
            "id",
            "market id",
            s.markets.iter().map(|d| d.id.as_str()),
        );
        let mut markets = Vec::new();
        for (i, d) in s.markets.iter().enumerate() {
            let p = format!("setup.markets[{i}]");
            c.id(&format!("{p}.id"), &d.id);
            c.text(&format!("{p}.name"), &d.name);
            c.country(&format!("{p}.country"), &d.country);
            let currency = c.currency(&format!("{p}.currency"), &d.currency);
            if let Some((code, _)) = currency {
                note_use(code, format!("{p}.currency"));
            }
            c.reference(
                &format!("{p}.rule_pack"),
                "rule pack",
                &d.rule_pack,
                pack_ids.iter().copied(),
            );
            let (daily_shoppers, price_elasticity, mut reference_prices) = match &d.demand {
                Some(demand) => {
                    let e = c.decimal(
                        &format!("{p}.demand.price_elasticity"),
                        &demand.price_elasticity,
                        Micros(0),
                        Micros(20_000_000),
                    );
                    (demand.daily_shoppers, e.unwrap_or(Micros::ONE), Vec::new())
                }
                None => (0, Micros::ONE, Vec::new()),
            };
            if let Some(demand) = &d.demand {
                for (j, r) in demand.reference_prices.iter().enumerate() {
                    let rp = format!("{p}.demand.reference_prices[{j}]");
                    c.reference(
                        &format!("{rp}.product"),
                        "product",
                        &r.product,
                        s.products.iter().map(|x| x.sku.as_str()),
                    );
                    if let Some(money) = c.money(&format!("{rp}.price"), &r.price, false) {
                        note_use(money.currency, format!("{rp}.price"));
                        reference_prices.push((r.product.clone(), money));
                    }
                }
            }
            let skus: Vec<&str> = s.products.iter().map(|x| x.sku.as_str()).collect();
            let storefront = d.storefront.as_ref().and_then(|def| {
                storefront::Storefront::validate(
                    &mut c,
                    &format!("{p}.storefront"),
                    def,
                    currency.map(|(code, _)| code),
                    &skus,
                )
            });
            let auction_site = d.auction_site.as_ref().and_then(|def| {
                auction_site::AuctionSite::validate(&mut c, &format!("{p}.auction_site"), def, currency)
            });
            if let Some((currency, _)) = currency {
                markets.push(Market {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    country: d.country.clone(),
                    currency,
                    rule_pack: d.rule_pack.clone(),
                    daily_shoppers,
                    price_elasticity,
                    reference_prices,
                    storefront,
                    auction_site,
                });
            }
        }
        let market_ids: Vec<&str> = s.markets.iter().map(|d| d.id.as_str()).collect();

        // Products.
        c.unique(
            "setup.products",
            "sku",
            "SKU",
            s.products.iter().map(|d| d.sku.as_str()),
        );
        let mut products = Vec::new();
        for (i, d) in s.products.iter().enumerate() {
            let p = format!("setup.products[{i}]");
            c.id(&format!("{p}.sku"), &d.sku);
            c.english_text(&format!("{p}.name"), &d.name);
            let hs = HsCode::parse(&d.hs_code);
            if hs.is_none() {
                let digits = d.hs_code.chars().filter(char::is_ascii_digit).count();
                c.say(
                    &format!("{p}.hs_code"),
                    Said::new("check-hs-code-digits")
                        .with("code", d.hs_code.as_str())
                        .with("digits", digits),
                    Some(Said::new("check-hs-code-digits-hint")),
                );
            }
            let cost = c.money(&format!("{p}.unit_cost"), &d.unit_cost, false);
            if let Some(m) = &cost {
                note_use(m.currency, format!("{p}.unit_cost"));
            }
            if d.net_weight_g == 0 {
                c.say(
                    &format!("{p}.net_weight_g"),
                    Said::new("check-net-weight-zero"),
                    Some(Said::new("check-net-weight-zero-hint")),
                );
            }
            if d.gross_weight_g < d.net_weight_g {
                c.say(
                    &format!("{p}.gross_weight_g"),
                    Said::new("check-gross-below-net-g")
                        .with("gross", d.gross_weight_g)
                        .with("net", d.net_weight_g),
                    Some(Said::new("check-gross-below-net-g-hint")),
                );
            }
            let dims = d.dimensions_mm;
            if dims.length == 0 || dims.width == 0 || dims.height == 0 {
                c.say(
                    &format!("{p}.dimensions_mm"),
                    Said::new("check-dimension-zero"),
                    Some(Said::new("check-dimension-zero-hint")),
                );
            }
            c.country(&format!("{p}.origin"), &d.origin);
            if let (Some(hs_code), Some(unit_cost)) = (hs, cost) {
                products.push(Product {
                    sku: d.sku.clone(),
                    name: d.name.clone(),
                    specification: d.specification.clone(),
                    hs_code,
                    unit_cost,
                    net_weight_g: d.net_weight_g,
                    gross_weight_g: d.gross_weight_g,
                    dimensions_mm: (dims.length, dims.width, dims.height),
                    origin: d.origin.clone(),
                    brand_type: d.brand_type,
                    images: d.images.clone(),
                    condition: d.condition.as_ref().map(|c| (c.grade, c.faults.clone())),
                });
            }
        }
        let skus: Vec<&str> = s.products.iter().map(|d| d.sku.as_str()).collect();

        // Counterparts.
        c.unique(
            "setup.counterparts",
            "id",
            "counterpart id",
            s.counterparts.iter().map(|d| d.id.as_str()),
        );
        let mut counterparts = Vec::new();
        for (i, d) in s.counterparts.iter().enumerate() {
            let p = format!("setup.counterparts[{i}]");
            c.id(&format!("{p}.id"), &d.id);
            if d.name.trim().is_empty() {
                c.say(
                    &format!("{p}.name"),
                    Said::new("check-name-empty"),
                    Some(Said::new("check-counterpart-name-hint")),
                );
            }
            c.country(&format!("{p}.country"), &d.country);
            if let Some(market) = &d.market {
                c.reference(&format!("{p}.market"), "market", market, market_ids.iter().copied());
            }
            for (j, sku) in d.interested_in.iter().enumerate() {
                c.reference(&format!("{p}.interested_in[{j}]"), "product", sku, skus.iter().copied());
            }
            let pp = format!("{p}.personality");
            let e = c.decimal(
                &format!("{pp}.concession_exponent"),
                &d.personality.concession_exponent,
                Micros(1),
                Micros(10_000_000),
            );
            // The curve's shape must match the strategy's name: students are graded on naming it.
            let shape_ok = |e: Micros| match d.personality.strategy {
                ConcessionStrategy::Boulware => e < Micros::ONE,
                ConcessionStrategy::Linear => e == Micros::ONE,
                ConcessionStrategy::Conceder => e > Micros::ONE,
                _ => true,
            };
            if let Some(value) = e
                && !shape_ok(value)
            {
                c.say(
                    &format!("{pp}.concession_exponent"),
                    Said::new("check-strategy-exponent")
                        .with("strategy", format!("{:?}", d.personality.strategy))
                        .with("exponent", value.to_string()),
                    Some(Said::new("check-strategy-exponent-hint")),
                );
            }
            let res = c.decimal(
                &format!("{pp}.reservation"),
                &d.personality.reservation,
                Micros(0),
                Micros(2_000_000),
            );
            let target = c.decimal(
                &format!("{pp}.target"),
                &d.personality.target,
                Micros(0),
                Micros(2_000_000),
            );
            if d.personality.patience_rounds == 0 {
                c.say(
                    &format!("{pp}.patience_rounds"),
                    Said::new("check-patience-zero"),
                    Some(Said::new("check-patience-zero-hint")),
                );
            }
            if let (Some(r), Some(t)) = (res, target) {
                let buys = matches!(d.kind, CounterpartKind::Buyer | CounterpartKind::Bidder);
                if buys && t > r {
                    c.say(
                        &format!("{pp}.target"),
                        Said::new("check-buyer-target")
                            .with("target", t.to_string())
                            .with("reservation", r.to_string()),
                        Some(Said::new("check-buyer-target-hint")),
                    );
                } else if !buys && t < r {
                    c.say(
                        &format!("{pp}.target"),
                        Said::new("check-seller-target")
                            .with("target", t.to_string())
                            .with("reservation", r.to_string()),
                        Some(Said::new("check-seller-target-hint")),
                    );
                }
            }
            if let (Some(concession_exponent), Some(reservation), Some(target)) = (e, res, target) {
                counterparts.push(Counterpart {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    kind: d.kind,
                    country: d.country.clone(),
                    market: d.market.clone(),
                    language: d.language.clone(),
                    personality: Personality {
                        strategy: d.personality.strategy,
                        concession_exponent,
                        reservation,
                        target,
                        patience_rounds: d.personality.patience_rounds,
                        reply_within_days: d.personality.reply_within_days,
                    },
                    interested_in: d.interested_in.clone(),
                });
            }
        }
        let counterpart_ids: Vec<&str> = s.counterparts.iter().map(|d| d.id.as_str()).collect();

        // Tasks and rubric.
        if s.tasks.is_empty() {
            c.say(
                "setup.tasks",
                Said::new("check-no-tasks"),
                Some(Said::new("check-no-tasks-hint")),
            );
        }
        c.unique("setup.tasks", "id", "task id", s.tasks.iter().map(|d| d.id.as_str()));
        let mut tasks = Vec::new();
        let mut rubric_sum: u32 = 0;
        for (i, d) in s.tasks.iter().enumerate() {
            let p = format!("setup.tasks[{i}]");
            c.id(&format!("{p}.id"), &d.id);
            c.text(&format!("{p}.title"), &d.title);
            c.text(&format!("{p}.description"), &d.description);
            if let Some(day) = d.due_day {
                check_day(&mut c, &format!("{p}.due_day"), day, length);
            }
            if let Some(x) = &d.product {
                c.reference(&format!("{p}.product"), "product", x, skus.iter().copied());
            }
            if let Some(x) = &d.market {
                c.reference(&format!("{p}.market"), "market", x, market_ids.iter().copied());
            }
            if let Some(x) = &d.counterpart {
                c.reference(
                    &format!("{p}.counterpart"),
                    "counterpart",
                    x,
                    counterpart_ids.iter().copied(),
                );
            }
            let declaration = match &d.declaration {
                Some(def) => {
                    if d.activity != Activity::Customs {
                        c.say(
                            &format!("{p}.declaration"),
                            Said::new("check-declaration-not-customs"),
                            Some(Said::new("check-declaration-not-customs-hint")),
                        );
                    }
                    DeclarationCase::validate(&mut c, &format!("{p}.declaration"), def, &skus, &pack_ids)
                }
                None => None,
            };
            let negotiation = match &d.negotiation {
                Some(def) => {
                    let np = format!("{p}.negotiation");
                    if d.activity != Activity::Negotiation {
                        c.say(
                            &np,
                            Said::new("check-negotiation-not-negotiation"),
                            Some(Said::new("check-negotiation-not-negotiation-hint")),
                        );
                    }
                    let needed = match def.student_side {
                        crate::sim::terms::Side::Seller => "check-needed-buyer",
                        crate::sim::terms::Side::Buyer => "check-needed-seller",
                    };
                    let party = d
                        .counterpart
                        .as_deref()
                        .and_then(|id| s.counterparts.iter().find(|cp| cp.id == id));
                    match (&d.counterpart, party) {
                        (None, _) => c.say(
                            &format!("{p}.counterpart"),
                            Said::new("check-negotiation-no-counterpart"),
                            Some(Said::new("check-negotiation-no-counterpart-hint").term("needed", needed)),
                        ),
                        (Some(_), Some(cp)) if !counterpart_can_take(cp.kind, def.student_side.other()) => c.say(
                            &format!("{p}.counterpart"),
                            Said::new("check-negotiation-wrong-counterpart")
                                .with("side", format!("{:?}", def.student_side))
                                .term("needed", needed)
                                .with("id", cp.id.as_str())
                                .with("kind", format!("{:?}", cp.kind)),
                            Some(Said::new("check-negotiation-wrong-counterpart-hint")),
                        ),
                        _ => {}
                    }
                    if d.product.is_none() {
                        c.say(
                            &format!("{p}.product"),
                            Said::new("check-negotiation-no-product"),
                            Some(Said::new("check-negotiation-no-product-hint")),
                        );
                    }
                    NegotiationCase::validate(&mut c, &np, def)
                }
                None => None,
            };
            let letter = d.letter.as_ref().and_then(|def| {
                letter::Letter::validate(
                    &mut c,
                    &format!("{p}.letter"),
                    def,
                    &skus,
                    d.counterpart.is_some(),
                    d.market.is_some(),
                )
            });
            if d.rubric.is_empty() {
                c.say(
                    &format!("{p}.rubric"),
                    Said::new("check-no-rubric"),
                    Some(Said::new("check-no-rubric-hint")),
                );
            }
            c.unique(
                &format!("{p}.rubric"),
                "id",
                "criterion id",
                d.rubric.iter().map(|r| r.id.as_str()),
            );
            let mut rubric = Vec::new();
            for (j, r) in d.rubric.iter().enumerate() {
                let rp = format!("{p}.rubric[{j}]");
                c.id(&format!("{rp}.id"), &r.id);
                c.text(&format!("{rp}.description"), &r.description);
                if r.points == 0 {
                    c.say(
                        &format!("{rp}.points"),
                        Said::new("check-criterion-zero-points"),
                        Some(Said::new("check-criterion-zero-points-hint")),
                    );
                }
                rubric_sum = rubric_sum.saturating_add(r.points);
                let check = r.check.as_ref().and_then(|def| {
                    rubric::Check::validate(
                        &mut c,
                        &format!("{rp}.check"),
                        def,
                        &skus,
                        validate_desks::TaskHas {
                            product: d.product.is_some(),
                            counterpart: d.counterpart.is_some(),
                            negotiation: d.negotiation.is_some(),
                            letter: d.letter.as_ref(),
                        },
                    )
                });
                for (field, text) in [("rule", &r.rule), ("hint", &r.hint)] {
                    if let Some(text) = text {
                        c.text(&format!("{rp}.{field}"), text);
                    }
                }
                rubric.push(Criterion {
                    id: r.id.clone(),
                    description: r.description.clone(),
                    points: r.points,
                    kind: r.kind,
                    check,
                    rule: r.rule.clone(),
                    hint: r.hint.clone(),
                });
            }
            tasks.push(Task {
                id: d.id.clone(),
                title: d.title.clone(),
                description: d.description.clone(),
                activity: d.activity,
                competency: d.competency,
                due_day: d.due_day,
                product: d.product.clone(),
                market: d.market.clone(),
                counterpart: d.counterpart.clone(),
                declaration,
                negotiation,
                letter,
                rubric,
            });
        }
        // A declaration that follows a contract must name a negotiation task.
        let negotiation_tasks: Vec<&str> = s
            .tasks
            .iter()
            .filter(|t| t.negotiation.is_some())
            .map(|t| t.id.as_str())
            .collect();
        for (i, d) in s.tasks.iter().enumerate() {
            if let Some(id) = d.declaration.as_ref().and_then(|x| x.follows_contract_of.as_ref()) {
                c.reference(
                    &format!("setup.tasks[{i}].declaration.follows_contract_of"),
                    "negotiation task",
                    id,
                    negotiation_tasks.iter().copied(),
                );
            }
        }
        if rubric_sum != s.rubric_total {
            c.say(
                "setup.rubric_total",
                Said::new("check-rubric-total")
                    .with("sum", rubric_sum)
                    .with("total", s.rubric_total),
                Some(Said::new("check-rubric-total-hint").with("sum", rubric_sum)),
            );
        }

        // Events.
        let mut scheduled_events = Vec::new();
        for (i, d) in s.events.scheduled.iter().enumerate() {
            let p = format!("setup.events.scheduled[{i}]");
            check_day(&mut c, &format!("{p}.day"), d.day, length);
            if let Some(effect) = check_effect(
                &mut c,
                &format!("{p}.effect"),
                &d.effect,
                &counterpart_ids,
                &skus,
                &mut note_use,
            ) {
                scheduled_events.push(ScheduledEvent { day: d.day, effect });
            }
        }
        c.unique(
            "setup.events.random",
            "id",
            "random event id",
            s.events.random.iter().map(|d| d.id.as_str()),
        );
        let mut random_events = Vec::new();
        for (i, d) in s.events.random.iter().enumerate() {
            let p = format!("setup.events.random[{i}]");
            c.id(&format!("{p}.id"), &d.id);
            let chance = c.percent(&format!("{p}.daily_chance"), &d.daily_chance, 0, 10_000);
            check_day(&mut c, &format!("{p}.from_day"), d.from_day, length);
            let to_day = d.to_day.unwrap_or(length);
            if d.to_day.is_some() {
                check_day(&mut c, &format!("{p}.to_day"), to_day, length);
            }
            if to_day < d.from_day {
                c.say(
                    &format!("{p}.to_day"),
                    Said::new("check-window-backwards")
                        .with("to", to_day)
                        .with("from", d.from_day),
                    Some(Said::new("check-window-backwards-hint")),
                );
            }
            if d.max_times == 0 {
                c.say(
                    &format!("{p}.max_times"),
                    Said::new("check-max-times-zero"),
                    Some(Said::new("check-max-times-zero-hint")),
                );
            }
            let effect = check_effect(
                &mut c,
                &format!("{p}.effect"),
                &d.effect,
                &counterpart_ids,
                &skus,
                &mut note_use,
            );
            if let (Some(daily_chance), Some(effect)) = (chance, effect) {
                random_events.push(RandomEvent {
                    id: d.id.clone(),
                    daily_chance,
                    from_day: d.from_day,
                    to_day,
                    max_times: d.max_times,
                    effect,
                });
            }
        }

        // Exchange rates: one for every foreign currency in use, none for home.
        c.unique(
            "setup.exchange_rates",
            "currency",
            "exchange rate for",
            s.exchange_rates.iter().map(|d| d.currency.as_str()),
        );
        let mut exchange_rates = BTreeMap::new();
        for (i, d) in s.exchange_rates.iter().enumerate() {
            let p = format!("setup.exchange_rates[{i}]");
            let Some((code, _)) = c.currency(&format!("{p}.currency"), &d.currency) else {
                continue;
            };
            if Some(code) == home.map(|h| h.0) {
                c.say(
                    &format!("{p}.currency"),
                    Said::new("check-rate-for-home").with("code", code.to_string()),
                    Some(Said::new("check-remove-entry")),
                );
                continue;
            }
            let rate = c.decimal(
                &format!("{p}.rate"),
                &d.rate,
                crate::sim::money::MIN_RATE,
                crate::sim::money::MAX_RATE,
            );
            let (daily_max, daily_trend) = match &d.drift {
                Some(drift) => (
                    c.percent(&format!("{p}.drift.daily_max"), &drift.daily_max, 0, 1_000)
                        .unwrap_or_default(),
                    c.percent(&format!("{p}.drift.daily_trend"), &drift.daily_trend, -500, 500)
                        .unwrap_or_default(),
                ),
                None => (BasisPoints(0), BasisPoints(0)),
            };
            if let Some(rate) = rate {
                exchange_rates.insert(
                    code,
                    FxSpec {
                        rate,
                        daily_max,
                        daily_trend,
                    },
                );
            }
        }
        if let Some((home_code, _)) = home {
            for (code, first_use) in &used {
                let declared = s.exchange_rates.iter().any(|d| d.currency == code.as_str());
                if *code != home_code && !declared {
                    c.say(
                        "setup.exchange_rates",
                        Said::new("check-no-exchange-rate")
                            .with("code", code.to_string())
                            .with("first", first_use.as_str()),
                        Some(
                            Said::new("check-no-exchange-rate-hint")
                                .with("code", code.to_string())
                                .with("home", home_code.to_string()),
                        ),
                    );
                }
            }
        }

        // Rule packs must have loaded (missing files were reported by the loader).
        let mut rule_packs = Vec::new();
        for r in &s.rule_packs {
            if let Some(pack) = packs.valid.get(&r.id) {
                rule_packs.push(pack.clone());
            }
        }

        let (Some(start_date), Some((home_currency, _))) = (start_date, home) else {
            return Err(c.into_diagnostics());
        };
        c.finish(Scenario {
            meta: ScenarioMeta {
                id: m.id.clone(),
                title: m.title.clone(),
                description: m.description.clone(),
                mode: m.mode,
                difficulty: m.difficulty,
                estimated_minutes: m.estimated_minutes,
                learning_objectives: m.learning_objectives.clone(),
                author: m.author.clone(),
                tags: m.tags.clone(),
            },
            role,
            seats,
            away_seat: s.away_seat,
            start_date,
            length_days: length,
            home_currency,
            currencies,
            starting_cash,
            starting_reputation: s.starting_reputation,
            exchange_rates,
            rule_packs,
            markets,
            products,
            counterparts,
            tasks,
            rubric_total: s.rubric_total,
            scheduled_events,
            random_events,
            seed: s.seed,
            content_hash: String::new(),
            nomenclature: None,
            variant: None,
        })
    }

    pub fn meta(&self) -> &ScenarioMeta {
        &self.meta
    }
    pub fn role(&self) -> &Role {
        &self.role
    }
    /// The seats people (or the AI) play: the declared ones, or the company's and the
    /// counterparts' (see [`role::default_seats`]). Exactly one plays the company, one the
    /// counterparts.
    /// In a class, what a student's seat does while their PC is away.
    pub fn away_seat(&self) -> crate::scenario::file::AwaySeat {
        self.away_seat
    }
    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }
    pub fn start_date(&self) -> Date {
        self.start_date
    }
    pub fn length_days(&self) -> u32 {
        self.length_days
    }
    pub fn home_currency(&self) -> CurrencyCode {
        self.home_currency
    }
    pub fn currencies(&self) -> &BTreeMap<CurrencyCode, CurrencyInfo> {
        &self.currencies
    }
    pub fn exponent(&self, code: CurrencyCode) -> u32 {
        self.currencies.get(&code).map_or(2, |c| c.exponent)
    }
    pub fn starting_cash(&self) -> &BTreeMap<CurrencyCode, i64> {
        &self.starting_cash
    }
    pub fn starting_reputation(&self) -> u32 {
        self.starting_reputation
    }
    pub fn exchange_rates(&self) -> &BTreeMap<CurrencyCode, FxSpec> {
        &self.exchange_rates
    }
    pub fn rule_packs(&self) -> &[RulePack] {
        &self.rule_packs
    }
    pub fn rule_pack(&self, id: &str) -> Option<&RulePack> {
        self.rule_packs.iter().find(|p| p.id() == id)
    }
    pub fn markets(&self) -> &[Market] {
        &self.markets
    }
    pub fn products(&self) -> &[Product] {
        &self.products
    }
    pub fn product(&self, sku: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.sku == sku)
    }
    pub fn counterparts(&self) -> &[Counterpart] {
        &self.counterparts
    }
    pub fn counterpart(&self, id: &str) -> Option<&Counterpart> {
        self.counterparts.iter().find(|p| p.id == id)
    }
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }
    pub fn rubric_total(&self) -> u32 {
        self.rubric_total
    }
    pub fn scheduled_events(&self) -> &[ScheduledEvent] {
        &self.scheduled_events
    }
    pub fn random_events(&self) -> &[RandomEvent] {
        &self.random_events
    }
    /// BLAKE3 (hex) of the scenario and its rule packs as parsed; empty if not loaded from files.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }
    /// Whose variant this is, if it is one.
    pub fn variant(&self) -> Option<&VariantKey> {
        self.variant.as_ref()
    }
    /// Marks the scenario as the variant of `key` (the variant loader does, once it has drawn
    /// the variant's numbers and seed into the file).
    pub fn set_variant(&mut self, key: VariantKey) {
        self.variant = Some(key);
    }
    /// Records the content hash (the loader computes it).
    pub fn set_content_hash(&mut self, hash: String) {
        self.content_hash = hash;
    }
    /// Gives the scenario its own nomenclature (the loader reads it from the scenario's folder).
    pub fn set_nomenclature(&mut self, nomenclature: nomenclature::Nomenclature) {
        self.nomenclature = Some(std::sync::Arc::new(nomenclature));
    }
    /// The nomenclature of the HS exercise: the scenario's own, or the bundled one.
    pub fn nomenclature(&self) -> Option<&nomenclature::Nomenclature> {
        match &self.nomenclature {
            Some(own) => Some(own),
            None => nomenclature::bundled(),
        }
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The activity screens this scenario uses, in navigation order; the inbox is always there.
    pub fn activities(&self) -> Vec<Activity> {
        let mut used: BTreeSet<Activity> = self.tasks.iter().map(|t| t.activity).collect();
        used.insert(Activity::Inbox);
        used.into_iter().collect()
    }
}

fn check_day(c: &mut Checker, path: &str, day: u32, length: u32) {
    if day == 0 || day > length {
        c.say(
            path,
            Said::new("check-day-outside").with("day", day).with("length", length),
            Some(Said::new("check-day-outside-hint").with("length", length)),
        );
    }
}

fn check_effect(
    c: &mut Checker,
    p: &str,
    effect: &EffectDef,
    counterpart_ids: &[&str],
    skus: &[&str],
    note_use: &mut impl FnMut(CurrencyCode, String),
) -> Option<Effect> {
    match effect {
        EffectDef::Message { from, subject, body } => {
            if !from.is_empty() {
                c.reference(
                    &format!("{p}.from"),
                    "counterpart",
                    from,
                    counterpart_ids.iter().copied(),
                );
            }
            c.text(&format!("{p}.subject"), subject);
            c.text(&format!("{p}.body"), body);
            Some(Effect::Message {
                from: (!from.is_empty()).then(|| from.clone()),
                subject: subject.clone(),
                body: body.clone(),
            })
        }
        EffectDef::ExchangeRateShock { currency, change } => {
            let code = c.currency(&format!("{p}.currency"), currency);
            let change = c.percent(&format!("{p}.change"), change, -5_000, 5_000);
            if let Some((code, _)) = code {
                note_use(code, format!("{p}.currency"));
            }
            Some(Effect::ExchangeRateShock {
                currency: code?.0,
                change: change?,
            })
        }
        EffectDef::CashChange { money, reason } => {
            c.text(&format!("{p}.reason"), reason);
            let money = c.money(&format!("{p}.money"), money, true)?;
            note_use(money.currency, format!("{p}.money"));
            Some(Effect::CashChange {
                money,
                reason: reason.clone(),
            })
        }
        EffectDef::ReputationChange { delta, reason } => {
            c.text(&format!("{p}.reason"), reason);
            if !(-100..=100).contains(delta) {
                c.say(
                    &format!("{p}.delta"),
                    Said::new("check-reputation-change").with("delta", delta.to_string()),
                    Some(Said::new("check-reputation-change-hint")),
                );
                return None;
            }
            Some(Effect::ReputationChange {
                delta: *delta,
                reason: reason.clone(),
            })
        }
        EffectDef::Question {
            from,
            product,
            topics,
            subject,
            body,
        } => {
            c.reference(
                &format!("{p}.from"),
                "counterpart",
                from,
                counterpart_ids.iter().copied(),
            );
            c.reference(&format!("{p}.product"), "product", product, skus.iter().copied());
            if topics.is_empty() {
                c.say(
                    &format!("{p}.topics"),
                    Said::new("check-question-no-topics"),
                    Some(Said::new("check-question-no-topics-hint")),
                );
            }
            c.text(&format!("{p}.subject"), subject);
            c.text(&format!("{p}.body"), body);
            Some(Effect::Question {
                from: from.clone(),
                sku: product.clone(),
                topics: topics.clone(),
                subject: subject.clone(),
                body: body.clone(),
            })
        }
    }
}

/// The declared seats (or the default ones): ids well formed and unique, exactly one playing
/// the company and at most one the counterparts (the default counterparts' seat is added when
/// none does), at most [`role::MAX_SEATS`].
fn validate_seats(c: &mut Checker, seats: &[SeatDef], role: &Role) -> Vec<Seat> {
    if seats.is_empty() {
        return role::default_seats(role);
    }
    if seats.len() > role::MAX_SEATS {
        c.say(
            "setup.seats",
            Said::new("check-seats-count").with("count", seats.len()),
            Some(Said::new("check-seats-count-hint").with("max", role::MAX_SEATS)),
        );
    }
    for (i, seat) in seats.iter().enumerate() {
        c.id(&format!("setup.seats[{i}].id"), &seat.id);
        c.text(&format!("setup.seats[{i}].name"), &seat.name);
        if seat.id == crate::sim::terms::INSTRUCTOR_SEAT || seat.id == crate::sim::terms::MARKET_SEAT {
            c.say(
                &format!("setup.seats[{i}].id"),
                Said::new("check-seat-id").with("id", seat.id.as_str()),
                Some(Said::new("check-seat-id-reserved-hint").with("id", seat.id.as_str())),
            );
        }
    }
    c.unique("setup.seats", "id", "seat id", seats.iter().map(|s| s.id.as_str()));
    let playing = |plays: SeatPlays| seats.iter().filter(|s| s.plays == plays).count();
    if playing(SeatPlays::Company) != 1 {
        c.say(
            "setup.seats",
            Said::new("check-seats-company").with("count", playing(SeatPlays::Company)),
            Some(Said::new("check-seats-company-hint")),
        );
    }
    if playing(SeatPlays::Counterparts) > 1 {
        c.say(
            "setup.seats",
            Said::new("check-seats-counterparts").with("count", playing(SeatPlays::Counterparts)),
            Some(Said::new("check-seats-counterparts-hint")),
        );
    }
    let mut valid: Vec<Seat> = seats
        .iter()
        .map(|s| Seat {
            id: s.id.clone(),
            name: s.name.clone(),
            plays: s.plays,
        })
        .collect();
    if playing(SeatPlays::Counterparts) == 0 {
        valid.extend(
            role::default_seats(role)
                .into_iter()
                .filter(|s| s.plays == SeatPlays::Counterparts),
        );
    }
    valid
}

/// The file's money, as the checker reads it.
impl crate::sim::check::WrittenMoney for crate::scenario::file::MoneyDef {
    fn currency(&self) -> &str {
        &self.currency
    }
    fn amount(&self) -> &str {
        &self.amount
    }
}

#[cfg(test)]
mod tests {
    use super::HsCode;

    #[test]
    fn hs_codes() {
        assert_eq!(
            HsCode::parse("6206.10.00.00").map(|h| h.dotted()),
            Some("6206.10.00.00".to_string())
        );
        assert_eq!(
            HsCode::parse("620610").map(|h| h.subheading().to_string()),
            Some("620610".to_string())
        );
        assert!(HsCode::parse("85171").is_none());
        assert!(HsCode::parse("62061000ab").is_none());
        assert!(HsCode::parse("6206100").is_none());
    }
}
