//! A negotiation task as the scenario defines it: the issues on the table and their options,
//! bids, each side's linear-additive utility (weights × per-issue values, in integer
//! micro-utility), the fixed contract terms and the seller's costs. The negotiation desk
//! (`sim::negotiation`) plays it; `validate_desks.rs` builds it from the file.

use crate::sim::money::{BasisPoints, CurrencyCode, Money, format_minor};
pub use crate::sim::terms::Side;
use crate::sim::terms::{Incoterm, PaymentTerm, Text};

/// At most this many issues in one negotiation (a bid is a small inline array).
pub const MAX_ISSUES: usize = 6;
/// At most this many options per issue.
pub const MAX_OPTIONS: usize = 64;
/// At most this many complete bids (the outcome space is enumerated for analysis).
pub const MAX_OUTCOMES: usize = 200_000;
/// Utility 1.0 in micro-utility.
pub const FULL: u32 = 1_000_000;

/// The options of one issue, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueOptions {
    /// Unit prices in minor units of `currency`, ascending.
    UnitPrice {
        currency: CurrencyCode,
        exponent: u32,
        prices: Vec<i64>,
    },
    /// Order quantities in pieces.
    Quantity(Vec<u32>),
    Incoterm(Vec<Incoterm>),
    Payment(Vec<PaymentTerm>),
    /// Days from contract to shipment.
    DeliveryDays(Vec<u32>),
}

impl IssueOptions {
    pub fn len(&self) -> usize {
        match self {
            IssueOptions::UnitPrice { prices, .. } => prices.len(),
            IssueOptions::Quantity(v) | IssueOptions::DeliveryDays(v) => v.len(),
            IssueOptions::Incoterm(v) => v.len(),
            IssueOptions::Payment(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the issue is called in English, e.g. `unit price`.
    pub fn name(&self) -> &'static str {
        match self {
            IssueOptions::UnitPrice { .. } => "unit price",
            IssueOptions::Quantity(_) => "quantity",
            IssueOptions::Incoterm(_) => "Incoterm",
            IssueOptions::Payment(_) => "payment",
            IssueOptions::DeliveryDays(_) => "delivery",
        }
    }

    /// What the issue is called in Chinese, e.g. `单价`.
    pub fn name_zh(&self) -> &'static str {
        match self {
            IssueOptions::UnitPrice { .. } => "单价",
            IssueOptions::Quantity(_) => "数量",
            IssueOptions::Incoterm(_) => "贸易术语",
            IssueOptions::Payment(_) => "付款方式",
            IssueOptions::DeliveryDays(_) => "交货期",
        }
    }

    /// Option `i` in both languages (`2,400 pcs` / `2,400 件`).
    pub fn label_text(&self, i: usize) -> Text {
        let zh = match self {
            IssueOptions::Quantity(v) => v
                .get(i)
                .map_or_else(String::new, |q| format!("{} 件", format_minor(i64::from(*q), 0))),
            IssueOptions::Payment(v) => v.get(i).map_or_else(String::new, |p| p.label_zh().to_string()),
            IssueOptions::DeliveryDays(v) => v.get(i).map_or_else(String::new, |d| format!("{d} 天")),
            IssueOptions::UnitPrice { .. } | IssueOptions::Incoterm(_) => self.label(i),
        };
        Text { en: self.label(i), zh }
    }

    /// The issue's name at the start of a line, e.g. `Unit price`.
    pub fn title(&self) -> &'static str {
        match self {
            IssueOptions::UnitPrice { .. } => "Unit price",
            IssueOptions::Quantity(_) => "Quantity",
            IssueOptions::Incoterm(_) => "Incoterm",
            IssueOptions::Payment(_) => "Payment",
            IssueOptions::DeliveryDays(_) => "Delivery",
        }
    }

    /// Option `i` in words, e.g. `28.50 EUR`, `2,400 pcs`, `FCA`, `L/C at sight`, `45 days`.
    pub fn label(&self, i: usize) -> String {
        match self {
            IssueOptions::UnitPrice {
                currency,
                exponent,
                prices,
            } => prices
                .get(i)
                .map_or_else(String::new, |p| format!("{} {currency}", format_minor(*p, *exponent))),
            IssueOptions::Quantity(v) => v
                .get(i)
                .map_or_else(String::new, |q| format!("{} pcs", format_minor(i64::from(*q), 0))),
            IssueOptions::Incoterm(v) => v.get(i).map_or_else(String::new, |t| format!("{t:?}")),
            IssueOptions::Payment(v) => v.get(i).map_or_else(String::new, |p| p.label().to_string()),
            IssueOptions::DeliveryDays(v) => v.get(i).map_or_else(String::new, |d| format!("{d} days")),
        }
    }
}

/// The issues on the table, in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    issues: Vec<IssueOptions>,
}

impl Domain {
    /// A domain of 1..=`MAX_ISSUES` issues with 1..=`MAX_OPTIONS` options each and at most
    /// `MAX_OUTCOMES` bids; `None` otherwise (the scenario validator says which limit).
    pub fn new(issues: Vec<IssueOptions>) -> Option<Self> {
        let ok = (1..=MAX_ISSUES).contains(&issues.len())
            && issues.iter().all(|i| (1..=MAX_OPTIONS).contains(&i.len()))
            && issues
                .iter()
                .try_fold(1usize, |n, i| n.checked_mul(i.len()))
                .is_some_and(|n| n <= MAX_OUTCOMES);
        ok.then_some(Self { issues })
    }

    pub fn issues(&self) -> &[IssueOptions] {
        &self.issues
    }

    /// The number of complete bids.
    pub fn outcome_count(&self) -> usize {
        self.issues.iter().map(IssueOptions::len).product()
    }

    /// Every bid, in lexicographic order of option indices.
    pub fn all_bids(&self) -> Vec<Bid> {
        let mut bids = Vec::with_capacity(self.outcome_count());
        let mut current = Bid::default();
        self.enumerate(0, &mut current, &mut bids);
        bids
    }

    fn enumerate(&self, issue: usize, current: &mut Bid, out: &mut Vec<Bid>) {
        if issue == self.issues.len() {
            out.push(*current);
            return;
        }
        for option in 0..self.issues[issue].len() {
            current.options[issue] = option as u8;
            self.enumerate(issue + 1, current, out);
        }
    }

    /// The bid's position in [`Domain::all_bids`] order.
    pub fn index(&self, bid: Bid) -> usize {
        self.issues
            .iter()
            .enumerate()
            .fold(0, |acc, (i, issue)| acc * issue.len() + bid.option(i))
    }

    /// A bid in words: `unit price 28.50 EUR · quantity 2,400 pcs · …`.
    pub fn describe(&self, bid: Bid) -> String {
        self.issues
            .iter()
            .enumerate()
            .map(|(i, issue)| format!("{} {}", issue.name(), issue.label(bid.option(i))))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// A bid in both languages: `unit price 28.50 EUR · quantity 2,400 pcs · …` and
    /// `单价 28.50 EUR · 数量 2,400 件 · …` (letters keep the English [`Domain::describe`]).
    pub fn describe_text(&self, bid: Bid) -> Text {
        let (en, zh): (Vec<String>, Vec<String>) = self
            .issues
            .iter()
            .enumerate()
            .map(|(i, issue)| {
                let label = issue.label_text(bid.option(i));
                (
                    format!("{} {}", issue.name(), label.en),
                    format!("{} {}", issue.name_zh(), label.zh),
                )
            })
            .unzip();
        Text {
            en: en.join(" · "),
            zh: zh.join(" · "),
        }
    }

    /// Builds a bid from option indices; `None` if the count or any index is out of range.
    pub fn bid(&self, options: &[usize]) -> Option<Bid> {
        if options.len() != self.issues.len() {
            return None;
        }
        let mut bid = Bid::default();
        for (i, (&o, issue)) in options.iter().zip(&self.issues).enumerate() {
            if o >= issue.len() {
                return None;
            }
            bid.options[i] = o as u8;
        }
        Some(bid)
    }
}

/// One complete offer: an option index for every issue of the domain (unused slots are 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bid {
    options: [u8; MAX_ISSUES],
}

impl Bid {
    pub fn option(&self, issue: usize) -> usize {
        usize::from(self.options.get(issue).copied().unwrap_or(0))
    }
}

/// One side's preferences: utility(bid) = Σ weightᵢ × valueᵢ(optionᵢ), in micro-utility
/// (0 … 1,000,000), and the reservation value below which no deal beats walking away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preferences {
    /// `contribution[offsets[i] + o]` = weight of issue i × value of its option o.
    contribution: Vec<u32>,
    offsets: [usize; MAX_ISSUES],
    issues: usize,
    reservation: u32,
    /// The brief as written, for showing it: weight per issue (basis points) and each option's
    /// value (micro-utility, at the same offsets as `contribution`).
    weights: Vec<u32>,
    values: Vec<u32>,
}

impl Preferences {
    /// `weights` in basis points summing to 10,000; `values[i][o]` in micro-utility (≤ 1,000,000)
    /// for every option of every issue; `reservation` in micro-utility. `None` when the shapes
    /// or ranges are wrong.
    pub fn new(domain: &Domain, weights: &[u32], values: &[Vec<u32>], reservation: u32) -> Option<Self> {
        let shapes_ok = weights.len() == domain.issues.len()
            && values.len() == domain.issues.len()
            && values.iter().zip(&domain.issues).all(|(v, i)| v.len() == i.len())
            && weights.iter().sum::<u32>() == 10_000
            && values.iter().flatten().all(|v| *v <= FULL)
            && reservation <= FULL;
        if !shapes_ok {
            return None;
        }
        let mut contribution = Vec::new();
        let mut offsets = [0usize; MAX_ISSUES];
        for (i, (w, vs)) in weights.iter().zip(values).enumerate() {
            offsets[i] = contribution.len();
            contribution.extend(vs.iter().map(|v| (u64::from(*w) * u64::from(*v) / 10_000) as u32));
        }
        Some(Self {
            contribution,
            offsets,
            issues: weights.len(),
            reservation,
            weights: weights.to_vec(),
            values: values.iter().flatten().copied().collect(),
        })
    }

    /// The bid's utility in micro-utility.
    #[inline]
    pub fn utility(&self, bid: Bid) -> u32 {
        let mut total = 0;
        for i in 0..self.issues {
            total += self
                .contribution
                .get(self.offsets[i] + bid.option(i))
                .copied()
                .unwrap_or(0);
        }
        total
    }

    pub fn reservation(&self) -> u32 {
        self.reservation
    }

    /// Weight of issue `issue` in basis points.
    pub fn weight(&self, issue: usize) -> u32 {
        self.weights.get(issue).copied().unwrap_or(0)
    }

    /// Value of option `option` of issue `issue`, in micro-utility (0 … 1,000,000).
    pub fn value(&self, issue: usize, option: usize) -> u32 {
        self.values
            .get(
                self.offsets
                    .get(issue)
                    .copied()
                    .unwrap_or(usize::MAX)
                    .wrapping_add(option),
            )
            .copied()
            .unwrap_or(0)
    }
}

/// Micro-utility as a decimal, `0.735`.
pub fn format_utility(u: u32) -> String {
    format!("{:.3}", f64::from(u) / f64::from(FULL))
}

/// Longest allowed deadline, in rounds.
pub const MAX_DEADLINE_ROUNDS: u32 = 1000;

/// A negotiation that can be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegotiationCase {
    pub student_side: Side,
    /// Non-negotiated contract terms (ports, delivery time, presentation period).
    pub contract: ContractTerms,
    /// The seller's costs for the profit sheet, if the scenario states them.
    pub costs: Option<DealCosts>,
    pub opener: Side,
    pub deadline_rounds: u32,
    pub domain: Domain,
    pub seller: Preferences,
    pub buyer: Preferences,
}

impl NegotiationCase {
    pub fn preferences(&self, side: Side) -> &Preferences {
        match side {
            Side::Seller => &self.seller,
            Side::Buyer => &self.buyer,
        }
    }
}

/// The contract terms a negotiation does not bargain over: the ports, the delivery and
/// presentation periods, when production ends and when the liner sails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractTerms {
    /// Where the goods are loaded, e.g. `"Ningbo, China"` (may be empty).
    pub port_of_loading: String,
    /// Where they are discharged, e.g. `"Hamburg, Germany"` (may be empty).
    pub port_of_discharge: String,
    /// Days from the contract to the latest shipment date, when delivery is not negotiated.
    pub delivery_days: u32,
    /// Days after shipment within which documents must be presented (UCP 600 art. 14(c): 21).
    pub presentation_days: u32,
    /// Days from the contract until the goods are made and packed; nothing ships before.
    pub production_days: u32,
    /// The weekday the liner service sails from the port of loading (Monday 0 … Sunday 6).
    pub sailing_weekday: u32,
}

/// The seller's costs beyond the goods, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealCosts {
    pub inland: Money,
    pub freight: Money,
    pub insurance_rate: BasisPoints,
    pub bank_charges: BasisPoints,
    pub vat_rate: BasisPoints,
    pub vat_rebate: BasisPoints,
}

/// How an AI counterpart concedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strategy {
    /// target(t) = u_max − (u_max − u_res) · t^(1/e), with `e` in thousandths: Boulware below
    /// 1,000 (concedes late), linear at 1,000, conceder above (concedes early).
    TimeDependent { e_milli: u32 },
    /// Gives back in its own utility what the opponent's last move gave it.
    TitForTat,
    /// Never concedes; only at the very end takes any deal better than none.
    HardHeaded,
    /// Offers a random bid it prefers to no deal.
    Random,
}
