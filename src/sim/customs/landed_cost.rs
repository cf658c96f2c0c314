//! The landed-cost engine: from a consignment and a rule pack to an itemised breakdown of
//! customs value, duty, consumption tax, VAT and fees, each line naming the rule behind it.
//!
//! All amounts are integer minor units of the pack's currency; every rate is applied with
//! rounding half away from zero, line by line, so results are exact and repeatable.

use std::collections::BTreeSet;

use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, convert, div_round, format_minor};
use crate::sim::rules::{DutyRate, PriceThreshold, Rule, RuleKind, RulePack};
use crate::sim::said::Said;
use crate::sim::scenario::HsCode;
use crate::sim::terms::{Channel, ContentUnit, Incoterm, Relief, Valuation};

/// One line of goods on the invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoodsLine {
    pub hs_code: HsCode,
    pub description: String,
    pub quantity: u32,
    /// Price of one unit in the invoice currency's minor units.
    pub unit_value: i64,
    pub net_weight_g: u64,
    pub gross_weight_g: u64,
    /// What one unit contains, for price tests; `None` counts as one piece.
    pub content: Option<Content>,
    /// Country of origin (ISO alpha-2), `""` when not known.
    pub origin: String,
}

/// The content of one unit of goods, e.g. 50 ml of cream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Content {
    /// Thousandths of `unit` (50 ml = 50,000).
    pub thousandths: u64,
    pub unit: ContentUnit,
}

/// A consumption-tax price test applied to one goods line (high-end cosmetics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceTest {
    /// Price of one unit in the pack's currency (minor units).
    pub unit_price: i64,
    /// The unit's content; one piece when the line gave none.
    pub content: Content,
    pub content_given: bool,
    /// The rule's threshold per one of `content.unit`, if it has one for that unit.
    pub threshold: Option<i64>,
}

impl PriceTest {
    /// Price per one ml, g or piece, rounded to minor units.
    pub fn price_per_content(&self) -> i64 {
        if self.content.thousandths == 0 {
            return self.unit_price;
        }
        i64::try_from(div_round(
            i128::from(self.unit_price) * 1000,
            i128::from(self.content.thousandths),
        ))
        .unwrap_or(i64::MAX)
    }

    /// Whether the goods reach the threshold (exactly: price × 1000 ≥ threshold × content).
    /// Without a threshold for the content's unit the goods cannot be shown to be below it.
    pub fn reached(&self) -> bool {
        self.threshold
            .is_none_or(|t| i128::from(self.unit_price) * 1000 >= i128::from(t) * i128::from(self.content.thousandths))
    }
}

/// What is imported, how and when.
#[derive(Debug, Clone)]
pub struct Consignment<'a> {
    pub pack: &'a RulePack,
    /// Declaration date: selects the rules in force.
    pub date: Date,
    pub channel: Channel,
    /// Destination country (ISO alpha-2), for country VAT rates; empty if not known.
    pub destination: String,
    pub incoterm: Incoterm,
    pub invoice_currency: CurrencyCode,
    pub invoice_exponent: u32,
    /// Units of the pack's currency per unit of the invoice currency on the declaration date.
    pub exchange_rate: Micros,
    /// Main-carriage freight and insurance in the invoice currency (minor units).
    pub freight: i64,
    pub insurance: i64,
    /// Other charges (broker, handling) in the invoice currency.
    pub fees: Vec<(String, i64)>,
    /// Retail purchases this buyer already made this year, in the pack's currency (China retail).
    pub buyer_year_to_date: i64,
    /// Whether a proof of origin comes with the goods (for preferential rates).
    pub proof_of_origin: bool,
    pub lines: Vec<GoodsLine>,
}

/// What a breakdown line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum LineKind {
    GoodsValue,
    Freight,
    Insurance,
    CustomsValue,
    Duty,
    ConsumptionTax,
    /// Import VAT paid at the border.
    Vat,
    /// VAT charged by the seller or marketplace at checkout (IOSS, UK ≤ £135).
    VatAtSale,
    Fee,
    /// A rule that changed the result without an amount of its own (relief, limit, regime).
    Note,
}

/// One line of the breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostLine {
    pub kind: LineKind,
    /// Goods line it belongs to (0-based), or `None` for the whole consignment.
    pub item: Option<usize>,
    /// Amount in the pack's currency, minor units (0 for notes).
    pub amount: i64,
    pub rule_id: Option<std::sync::Arc<str>>,
    pub source: Option<std::sync::Arc<str>>,
    /// Why the line has its amount, as facts; [`LandedCost::explain`] puts it into words.
    pub reason: Reason,
}

/// The facts behind a breakdown line. Kept as data so that costing a consignment does no text
/// formatting; the words are made only for lines someone reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Quantity × unit price (invoice currency), converted at `exchange_rate` when the invoice
    /// is in another currency than the pack.
    GoodsValue {
        quantity: u32,
        unit_value: i64,
        description: String,
        exchange_rate: Option<Micros>,
    },
    /// Freight or insurance added to (CIF valuation) or removed from (FOB valuation) the price.
    TransportAdjustment {
        what: &'static str,
        incoterm: Incoterm,
        basis: Valuation,
        added: bool,
    },
    CustomsValue {
        basis: Valuation,
    },
    RetailLimitExceeded {
        customs_value: i64,
        per_transaction: i64,
        per_year: i64,
        over_transaction: bool,
        single_item_full_taxes: bool,
    },
    WithinRetailLimits {
        per_transaction: i64,
        per_year: i64,
    },
    DeMinimis {
        goods_value: i64,
        threshold: i64,
        relieves: Relief,
    },
    VatAtSaleThreshold {
        goods_value: i64,
        threshold: i64,
    },
    DutyRelieved,
    FixedDuty {
        per_category: i64,
        subheadings: Vec<String>,
        up_to: i64,
    },
    Duty {
        hs: HsCode,
        rate: DutyRate,
        customs_value: i64,
        units: i64,
    },
    NoDutyRule {
        hs: HsCode,
    },
    /// A duty on top of the normal one (e.g. US Section 301 on goods of Chinese origin).
    AdditionalDuty {
        program: String,
        hs: HsCode,
        origin: String,
        rate: DutyRate,
        customs_value: i64,
        units: i64,
    },
    /// A preferential rate that needs a proof of origin the consignment does not have.
    PreferenceNotClaimed {
        origin: String,
        rate: DutyRate,
    },
    ConsumptionTax {
        customs_value: i64,
        duty: i64,
        rate: BasisPoints,
        reduced_to: Option<BasisPoints>,
        /// The price test the goods passed, when the rule has one.
        price_test: Option<PriceTest>,
    },
    /// The goods are priced below the consumption-tax rule's threshold: no tax.
    BelowPriceTest(PriceTest),
    VatRelieved,
    Vat {
        rate: BasisPoints,
        base: i64,
        reduced_to: Option<BasisPoints>,
    },
    NoVatRate {
        destination: String,
    },
    RetailReduction {
        percent_of_normal: BasisPoints,
    },
    Fee {
        name: String,
    },
}

/// The itemised result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LandedCost {
    pub currency: String,
    pub exponent: u32,
    /// The invoice's currency and exponent, for explaining goods lines.
    pub invoice_currency: CurrencyCode,
    pub invoice_exponent: u32,
    pub jurisdiction: String,
    /// The channel the consignment was declared under (see [`LandedCost::regime_said`]).
    pub channel: Channel,
    /// The regime in English words, e.g. `EU import, Postal, VAT at point of sale`.
    pub regime: String,
    pub lines: Vec<CostLine>,
    pub goods_value: i64,
    pub customs_value: i64,
    pub duty: i64,
    pub consumption_tax: i64,
    pub vat: i64,
    pub vat_at_sale: i64,
    pub fees: i64,
    /// Duty + consumption tax + VAT (at the border and at sale).
    pub taxes: i64,
    /// Goods value + freight and insurance paid + taxes + fees.
    pub landed_total: i64,
}

impl LandedCost {
    pub fn money(&self, minor: i64) -> String {
        format!("{} {}", format_minor(minor, self.exponent), self.currency)
    }

    /// A line's reason in English words, e.g. `HS 6206.10.00.00: 12% of 1,234.00 EUR` (the
    /// English of [`LandedCost::said`]).
    pub fn explain(&self, line: &CostLine) -> String {
        crate::i18n::english().say(&self.said(line))
    }

    /// A line's reason as a catalogue sentence with its facts: amounts, codes, rates,
    /// descriptions and program names as written, the words in the reader's language.
    pub fn said(&self, line: &CostLine) -> Said {
        let money = |minor: i64| self.money(minor);
        match &line.reason {
            Reason::GoodsValue {
                quantity,
                unit_value,
                description,
                exchange_rate,
            } => {
                let said = match exchange_rate {
                    Some(rate) => Said::new("cli-lc-goods-converted")
                        .with("rate", rate.to_string())
                        .with("currency", self.currency.clone())
                        .with("invoice", self.invoice_currency.to_string()),
                    None => Said::new("cli-lc-goods"),
                };
                said.with("quantity", *quantity)
                    .with("unit", format_minor(*unit_value, self.invoice_exponent))
                    .with("description", description.as_str())
            }
            Reason::TransportAdjustment {
                what,
                incoterm,
                basis,
                added,
            } => Said::new(if *added {
                "cli-lc-transport-added"
            } else {
                "cli-lc-transport-removed"
            })
            .with("incoterm", format!("{incoterm:?}"))
            .with("basis", basis_name(*basis))
            .term(
                "what",
                if *what == "insurance" {
                    "cli-lc-what-insurance"
                } else {
                    "cli-lc-what-freight"
                },
            ),
            Reason::CustomsValue { basis } => Said::new("cli-lc-customs-value")
                .with("basis", basis_name(*basis))
                .with("jurisdiction", self.jurisdiction.as_str()),
            Reason::RetailLimitExceeded {
                customs_value,
                per_transaction,
                per_year,
                over_transaction,
                single_item_full_taxes,
            } => {
                let said = match (*over_transaction, *single_item_full_taxes) {
                    (true, true) => Said::new("cli-lc-over-transaction-single"),
                    (true, false) => Said::new("cli-lc-over-transaction"),
                    (false, true) => Said::new("cli-lc-over-year-single"),
                    (false, false) => Said::new("cli-lc-over-year"),
                };
                if *over_transaction {
                    said.with("value", money(*customs_value))
                        .with("limit", money(*per_transaction))
                } else {
                    said.with("limit", money(*per_year))
                }
            }
            Reason::WithinRetailLimits {
                per_transaction,
                per_year,
            } => Said::new("cli-lc-within-limits")
                .with("transaction", money(*per_transaction))
                .with("year", money(*per_year)),
            Reason::DeMinimis {
                goods_value,
                threshold,
                relieves,
            } => Said::new("cli-lc-de-minimis")
                .with("value", money(*goods_value))
                .with("threshold", money(*threshold))
                .term(
                    "relief",
                    match relieves {
                        Relief::Duty => "cli-lc-relief-duty",
                        Relief::Vat => "cli-lc-relief-vat",
                        Relief::DutyAndVat => "cli-lc-relief-duty-and-vat",
                    },
                ),
            Reason::VatAtSaleThreshold { goods_value, threshold } => Said::new("cli-lc-vat-at-sale")
                .with("value", money(*goods_value))
                .with("threshold", money(*threshold)),
            Reason::DutyRelieved => Said::new("cli-lc-duty-relieved"),
            Reason::FixedDuty {
                per_category,
                subheadings,
                up_to,
            } => Said::new("cli-lc-fixed-duty")
                .with("amount", money(*per_category))
                .with("count", subheadings.len())
                .with("subheadings", subheadings.join(", "))
                .with("limit", money(*up_to)),
            Reason::Duty {
                hs,
                rate,
                customs_value,
                units,
            } => self
                .rate_applied(
                    ["cli-lc-duty-ad-valorem", "cli-lc-duty-specific", "cli-lc-duty-compound"],
                    rate,
                    *customs_value,
                    *units,
                )
                .with("hs", hs.dotted()),
            Reason::AdditionalDuty {
                program,
                hs,
                origin,
                rate,
                customs_value,
                units,
            } => self
                .rate_applied(
                    [
                        "cli-lc-additional-ad-valorem",
                        "cli-lc-additional-specific",
                        "cli-lc-additional-compound",
                    ],
                    rate,
                    *customs_value,
                    *units,
                )
                .with("program", program.as_str())
                .with("hs", hs.dotted())
                .with("origin", origin.as_str()),
            Reason::PreferenceNotClaimed { origin, rate } => Said::new("cli-lc-preference-not-claimed")
                .with("origin", origin.as_str())
                .with("rate", rate.summary()),
            Reason::NoDutyRule { hs } => Said::new("cli-lc-no-duty-rule").with("hs", hs.dotted()),
            Reason::ConsumptionTax {
                customs_value,
                duty,
                rate,
                reduced_to,
                price_test,
            } => {
                let said = match price_test {
                    Some(test) => self.price_test(Said::new("cli-lc-consumption-tax-tested"), test),
                    None => Said::new("cli-lc-consumption-tax"),
                };
                said.with("value", money(*customs_value))
                    .with("duty", money(*duty))
                    .with("rate", rate.to_string())
                    .with(
                        "reduced",
                        reduced_to.map_or_else(|| "none".to_string(), |p| p.to_string()),
                    )
            }
            Reason::BelowPriceTest(test) => self.price_test(Said::new("cli-lc-below-price-test"), test),
            Reason::VatRelieved => Said::new("cli-lc-vat-relieved"),
            Reason::Vat { rate, base, reduced_to } => Said::new("cli-lc-vat")
                .with("rate", rate.to_string())
                .with("base", money(*base))
                .with(
                    "reduced",
                    reduced_to.map_or_else(|| "none".to_string(), |p| p.to_string()),
                ),
            Reason::NoVatRate { destination } if destination.is_empty() => Said::new("cli-lc-no-vat-rate-here"),
            Reason::NoVatRate { destination } => {
                Said::new("cli-lc-no-vat-rate").with("destination", destination.as_str())
            }
            Reason::RetailReduction { percent_of_normal } => {
                Said::new("cli-lc-retail-reduction").with("percent", percent_of_normal.to_string())
            }
            Reason::Fee { name } => Said::new("cli-lc-fee").with("name", name.as_str()),
        }
    }

    /// The regime the consignment cleared under, as a catalogue sentence (the English of
    /// [`LandedCost::regime`]).
    pub fn regime_said(&self) -> Said {
        let at_sale = if self
            .lines
            .iter()
            .any(|l| matches!(l.reason, Reason::VatAtSaleThreshold { .. }))
        {
            "yes"
        } else {
            "no"
        };
        let said = if self
            .lines
            .iter()
            .any(|l| matches!(l.reason, Reason::RetailLimitExceeded { .. }))
        {
            Said::new("cli-lc-regime-over-limit")
        } else {
            Said::new("cli-lc-regime").term("channel", channel_term(self.channel))
        };
        said.with("jurisdiction", self.jurisdiction.as_str())
            .with("sale", at_sale)
    }
}

/// The catalogue term of a channel (its English is the name rule packs write).
pub fn channel_term(channel: Channel) -> &'static str {
    match channel {
        Channel::Any => "cli-lc-channel-any",
        Channel::GeneralTrade => "cli-lc-channel-general-trade",
        Channel::CrossBorderRetail => "cli-lc-channel-cross-border-retail",
        Channel::BondedRetail => "cli-lc-channel-bonded-retail",
        Channel::B2bDirectExport => "cli-lc-channel-b2b-direct-export",
        Channel::OverseasWarehouseExport => "cli-lc-channel-overseas-warehouse-export",
        Channel::Postal => "cli-lc-channel-postal",
    }
}

/// The catalogue term of a unit a specific duty is charged per (its English is the name rule
/// packs write).
fn measure_term(unit: crate::sim::terms::MeasureUnit) -> &'static str {
    use crate::sim::terms::MeasureUnit;
    match unit {
        MeasureUnit::Kilogram => "cli-lc-per-kilogram",
        MeasureUnit::Unit => "cli-lc-per-unit",
        MeasureUnit::Litre => "cli-lc-per-litre",
        MeasureUnit::Pair => "cli-lc-per-pair",
    }
}

impl LandedCost {
    /// `12% of 100.00 EUR`, `1.20 EUR per Kilogram × 2.500`: the sentence of `keys` (ad
    /// valorem, specific, compound) for `rate`, with the rate's facts.
    fn rate_applied(&self, keys: [&'static str; 3], rate: &DutyRate, customs_value: i64, units: i64) -> Said {
        match rate {
            DutyRate::AdValorem(p) => Said::new(keys[0])
                .with("percent", p.to_string())
                .with("value", self.money(customs_value)),
            DutyRate::Specific { amount, per } => Said::new(keys[1])
                .with("amount", self.money(amount.minor))
                .term("per", measure_term(*per))
                .with("units", format_minor(units, 3)),
            DutyRate::Compound { percent, amount, per } => Said::new(keys[2])
                .with("percent", percent.to_string())
                .with("value", self.money(customs_value))
                .with("amount", self.money(amount.minor))
                .term("per", measure_term(*per))
                .with("units", format_minor(units, 3)),
        }
    }

    /// `said` with the facts of a price test: `4.00 CNY per ml (200.00 CNY for 50 ml) is below
    /// the 10.00 CNY per ml threshold`.
    fn price_test(&self, said: Said, test: &PriceTest) -> Said {
        let unit = match test.content.unit {
            ContentUnit::Millilitre => "cli-lc-content-ml",
            ContentUnit::Gram => "cli-lc-content-g",
            ContentUnit::Piece => "cli-lc-content-piece",
        };
        let amount = format_minor(i64::try_from(test.content.thousandths).unwrap_or(i64::MAX), 3);
        let amount = amount.trim_end_matches('0').trim_end_matches('.').to_string();
        let units = if test.content.unit == ContentUnit::Piece && amount != "1" {
            "cli-lc-content-pieces"
        } else {
            unit
        };
        let outcome = match test.threshold {
            Some(_) if test.reached() => "reached",
            Some(_) => "below",
            None => "none",
        };
        said.with("per-content", self.money(test.price_per_content()))
            .term("unit", unit)
            .with("content", if test.content_given { "given" } else { "none" })
            .with("price", self.money(test.unit_price))
            .with("amount", amount)
            .term("units", units)
            .with("outcome", outcome)
            .with("threshold", test.threshold.map_or_else(String::new, |t| self.money(t)))
    }
}

fn basis_name(basis: Valuation) -> &'static str {
    match basis {
        Valuation::Cif => "CIF",
        Valuation::Fob => "FOB",
    }
}

/// Serialized forms (the `--json` output) carry every line's explanation in words.
impl serde::Serialize for LandedCost {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct ExplainedLine<'a> {
            kind: LineKind,
            item: Option<usize>,
            amount: i64,
            rule_id: Option<&'a str>,
            source: Option<&'a str>,
            explanation: String,
        }
        #[derive(serde::Serialize)]
        struct View<'a> {
            currency: &'a str,
            exponent: u32,
            regime: &'a str,
            lines: Vec<ExplainedLine<'a>>,
            goods_value: i64,
            customs_value: i64,
            duty: i64,
            consumption_tax: i64,
            vat: i64,
            vat_at_sale: i64,
            fees: i64,
            taxes: i64,
            landed_total: i64,
        }
        View {
            currency: &self.currency,
            exponent: self.exponent,
            regime: &self.regime,
            lines: self
                .lines
                .iter()
                .map(|l| ExplainedLine {
                    kind: l.kind,
                    item: l.item,
                    amount: l.amount,
                    rule_id: l.rule_id.as_deref(),
                    source: l.source.as_deref(),
                    explanation: self.explain(l),
                })
                .collect(),
            goods_value: self.goods_value,
            customs_value: self.customs_value,
            duty: self.duty,
            consumption_tax: self.consumption_tax,
            vat: self.vat,
            vat_at_sale: self.vat_at_sale,
            fees: self.fees,
            taxes: self.taxes,
            landed_total: self.landed_total,
        }
        .serialize(serializer)
    }
}

/// Rules in force on the date for the channel (rules for `Any` channel always count). A rule on
/// the whole consignment counts only when it covers the origin of every line; rules charged line
/// by line are matched to each line's origin where they apply.
fn applicable<'a>(pack: &'a RulePack, date: Date, channel: Channel, lines: &[GoodsLine]) -> Vec<&'a Rule> {
    pack.in_force(date)
        .filter(|r| r.channel == Channel::Any || r.channel == channel)
        .filter(|r| {
            let per_line = matches!(
                r.kind,
                RuleKind::Duty { .. }
                    | RuleKind::AdditionalDuty { .. }
                    | RuleKind::Vat { .. }
                    | RuleKind::ConsumptionTax { .. }
            );
            per_line || lines.iter().all(|l| r.covers_origin(&l.origin))
        })
        .collect()
}

/// Splits `total` over `weights` in proportion, the last share taking the rounding remainder.
fn allocate(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i64 = weights.iter().sum();
    if weights.is_empty() {
        return Vec::new();
    }
    let mut shares: Vec<i64> = weights
        .iter()
        .map(|w| {
            if sum == 0 {
                0
            } else {
                i64::try_from(div_round(i128::from(total) * i128::from(*w), i128::from(sum))).unwrap_or(0)
            }
        })
        .collect();
    let assigned: i64 = shares.iter().sum();
    if let Some(last) = shares.last_mut() {
        *last += total - assigned;
    }
    shares
}

fn pct(amount: i64, rate: BasisPoints) -> i64 {
    rate.of(amount)
}

fn rule_line(kind: LineKind, item: Option<usize>, amount: i64, rule: &Rule, reason: Reason) -> CostLine {
    CostLine {
        kind,
        item,
        amount,
        rule_id: Some(rule.id.clone()),
        source: Some(rule.source.clone()),
        reason,
    }
}

fn plain_line(kind: LineKind, item: Option<usize>, amount: i64, reason: Reason) -> CostLine {
    CostLine {
        kind,
        item,
        amount,
        rule_id: None,
        source: None,
        reason,
    }
}

/// The duty rule for a goods line: among rules covering its HS code and origin, the longest
/// matching prefix, then a rule for named origins over a general one, then the newest. A
/// preferential rule counts only with a proof of origin; without one, the preferential rule
/// that would have won is returned second, for a note.
type DutyChoice<'a> = Option<(&'a Rule, &'a DutyRate)>;
fn duty_rule<'a>(rules: &[&'a Rule], line: &GoodsLine, proof_of_origin: bool) -> (DutyChoice<'a>, DutyChoice<'a>) {
    let best = |with_preferences: bool| {
        rules
            .iter()
            .filter_map(|r| match &r.kind {
                RuleKind::Duty {
                    hs_prefix,
                    rate,
                    needs_proof_of_origin,
                } if line.hs_code.digits().starts_with(hs_prefix.as_str())
                    && r.covers_origin(&line.origin)
                    && (with_preferences || !needs_proof_of_origin) =>
                {
                    Some((*r, rate, (hs_prefix.len(), !r.origins.is_empty(), r.valid_from)))
                }
                _ => None,
            })
            .max_by_key(|(_, _, key)| *key)
            .map(|(r, rate, _)| (r, rate))
    };
    let claimed = best(proof_of_origin);
    let missed = if proof_of_origin {
        None
    } else {
        best(true).filter(|(r, _)| {
            matches!(
                r.kind,
                RuleKind::Duty {
                    needs_proof_of_origin: true,
                    ..
                }
            )
        })
    };
    (claimed, missed)
}

/// The additional duties on a goods line: per program, the rule with the longest matching
/// prefix (then the newest), in program order.
fn additional_duties<'a>(rules: &[&'a Rule], line: &GoodsLine) -> Vec<(&'a Rule, &'a str, &'a DutyRate)> {
    let mut best: std::collections::BTreeMap<&str, (&Rule, &DutyRate, (usize, Date))> =
        std::collections::BTreeMap::new();
    for r in rules {
        if let RuleKind::AdditionalDuty {
            program,
            hs_prefix,
            rate,
        } = &r.kind
            && line.hs_code.digits().starts_with(hs_prefix.as_str())
            && r.covers_origin(&line.origin)
        {
            let key = (hs_prefix.len(), r.valid_from);
            if best.get(program.as_str()).is_none_or(|(_, _, k)| key > *k) {
                best.insert(program.as_str(), (*r, rate, key));
            }
        }
    }
    best.into_iter()
        .map(|(program, (r, rate, _))| (r, program, rate))
        .collect()
}

/// Duty on one line at `rate`: ad valorem on its customs value, specific per unit or kg.
/// Returns the duty and the units a specific rate was charged on.
fn duty_amount(line: &GoodsLine, rate: &DutyRate, customs_value: i64) -> (i64, i64) {
    let units = match rate {
        DutyRate::AdValorem(_) => 0,
        DutyRate::Specific { per, .. } | DutyRate::Compound { per, .. } => specific_units(line, *per),
    };
    let specific =
        |amount: i64| i64::try_from(div_round(i128::from(amount) * i128::from(units), 1000)).unwrap_or(i64::MAX);
    let duty = match rate {
        DutyRate::AdValorem(p) => pct(customs_value, *p),
        DutyRate::Specific { amount, .. } => specific(amount.minor),
        DutyRate::Compound { percent, amount, .. } => {
            pct(customs_value, *percent).saturating_add(specific(amount.minor))
        }
    };
    (duty, units)
}

fn consumption_tax_rule<'a>(
    rules: &[&'a Rule],
    line: &GoodsLine,
) -> Option<(&'a Rule, BasisPoints, &'a [PriceThreshold])> {
    rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::ConsumptionTax {
                hs_prefix,
                rate,
                price_at_least,
            } if line.hs_code.digits().starts_with(hs_prefix.as_str()) && r.covers_origin(&line.origin) => {
                Some((*r, *rate, price_at_least.as_slice(), hs_prefix.len()))
            }
            _ => None,
        })
        .max_by_key(|(r, _, _, len)| (*len, r.valid_from))
        .map(|(r, rate, thresholds, _)| (r, rate, thresholds))
}

/// The price test of a rule with thresholds, for one unit priced `unit_price` (pack currency).
fn price_test(line: &GoodsLine, unit_price: i64, thresholds: &[PriceThreshold]) -> Option<PriceTest> {
    if thresholds.is_empty() {
        return None;
    }
    let content = line.content.unwrap_or(Content {
        thousandths: 1000,
        unit: ContentUnit::Piece,
    });
    Some(PriceTest {
        unit_price,
        content,
        content_given: line.content.is_some(),
        threshold: thresholds
            .iter()
            .find(|t| t.per == content.unit)
            .map(|t| t.amount.minor),
    })
}

/// The VAT rule for an HS code among rules already narrowed to the destination: a matching HS
/// prefix beats a general rate, a country rate beats a jurisdiction-wide one, a newer rule beats
/// an older one.
fn vat_rule<'a>(rules: &[&'a Rule], line: &GoodsLine) -> Option<(&'a Rule, BasisPoints)> {
    let hs = &line.hs_code;
    rules
        .iter()
        .filter(|r| r.covers_origin(&line.origin))
        .filter_map(|r| match &r.kind {
            RuleKind::Vat {
                rate,
                country,
                hs_prefixes,
            } => {
                let prefix_len = if hs_prefixes.is_empty() {
                    Some(0)
                } else {
                    hs_prefixes
                        .iter()
                        .filter(|p| hs.digits().starts_with(p.as_str()))
                        .map(String::len)
                        .max()
                };
                prefix_len.map(|len| (*r, *rate, (len, !country.is_empty(), r.valid_from)))
            }
            _ => None,
        })
        .max_by_key(|(_, _, key)| *key)
        .map(|(r, rate, _)| (r, rate))
}

/// Computes the landed cost. Never fails: missing rules give 0 with a note saying so.
pub fn landed_cost(c: &Consignment) -> LandedCost {
    let pack = c.pack;
    let exp = pack.exponent();
    let to_pack = |minor: i64| convert(minor, c.invoice_exponent, c.exchange_rate, exp);
    let mut lines = Vec::with_capacity(3 * c.lines.len() + 8);

    // 1. Goods value per line, in the pack's currency.
    let goods: Vec<i64> = c
        .lines
        .iter()
        .map(|l| to_pack(crate::sim::money::times(l.unit_value, l.quantity)))
        .collect();
    let goods_value: i64 = goods.iter().sum();
    let converted_at = (c.invoice_currency != pack.currency()).then_some(c.exchange_rate);
    for (i, (line, value)) in c.lines.iter().zip(&goods).enumerate() {
        lines.push(plain_line(
            LineKind::GoodsValue,
            Some(i),
            *value,
            Reason::GoodsValue {
                quantity: line.quantity,
                unit_value: line.unit_value,
                description: line.description.clone(),
                exchange_rate: converted_at,
            },
        ));
    }

    // 2. Customs value: add (CIF basis) or remove (FOB basis) freight and insurance.
    let freight = to_pack(c.freight);
    let insurance = to_pack(c.insurance);
    let basis = pack.valuation();
    let (freight_adj, insurance_adj) = match basis {
        Valuation::Cif => (
            if c.incoterm.price_includes_freight() {
                0
            } else {
                freight
            },
            if c.incoterm.price_includes_insurance() {
                0
            } else {
                insurance
            },
        ),
        Valuation::Fob => (
            if c.incoterm.price_includes_freight() {
                -freight
            } else {
                0
            },
            if c.incoterm.price_includes_insurance() {
                -insurance
            } else {
                0
            },
        ),
    };
    for (what, kind, adjustment) in [
        ("freight", LineKind::Freight, freight_adj),
        ("insurance", LineKind::Insurance, insurance_adj),
    ] {
        if adjustment != 0 {
            lines.push(plain_line(
                kind,
                None,
                adjustment,
                Reason::TransportAdjustment {
                    what,
                    incoterm: c.incoterm,
                    basis,
                    added: adjustment > 0,
                },
            ));
        }
    }
    let freight_shares = allocate(freight_adj, &goods);
    let insurance_shares = allocate(insurance_adj, &goods);
    let customs: Vec<i64> = goods
        .iter()
        .zip(&freight_shares)
        .zip(&insurance_shares)
        .map(|((g, f), i)| (g + f + i).max(0))
        .collect();
    let customs_value: i64 = customs.iter().sum();
    lines.push(plain_line(
        LineKind::CustomsValue,
        None,
        customs_value,
        Reason::CustomsValue { basis },
    ));

    // 3. Which regime: retail limits, de minimis, point-of-sale VAT, fixed duty.
    let mut channel = c.channel;
    let mut rules = applicable(pack, c.date, channel, &c.lines);
    let mut reduction: Option<(&Rule, BasisPoints)> = None;
    let mut regime = format!("{} import, {:?}", pack.jurisdiction(), channel);
    let limit = rules.iter().find_map(|r| match &r.kind {
        RuleKind::TransactionLimit {
            per_transaction,
            per_person_per_year,
        } => Some((*r, per_transaction.minor, per_person_per_year.minor)),
        _ => None,
    });
    if let Some((rule, per_transaction, per_year)) = limit {
        let single_item = c.lines.len() == 1 && c.lines[0].quantity == 1;
        let over_transaction = customs_value > per_transaction;
        let over_year = c.buyer_year_to_date + customs_value > per_year;
        if over_transaction || over_year {
            lines.push(rule_line(
                LineKind::Note,
                None,
                0,
                rule,
                Reason::RetailLimitExceeded {
                    customs_value,
                    per_transaction,
                    per_year,
                    over_transaction,
                    single_item_full_taxes: single_item && !over_year,
                },
            ));
            channel = Channel::GeneralTrade;
            rules = applicable(pack, c.date, channel, &c.lines);
            regime = format!("{} import, general trade (retail limit exceeded)", pack.jurisdiction());
        } else {
            lines.push(rule_line(
                LineKind::Note,
                None,
                0,
                rule,
                Reason::WithinRetailLimits {
                    per_transaction,
                    per_year,
                },
            ));
            reduction = rules.iter().find_map(|r| match &r.kind {
                RuleKind::TaxReduction { percent_of_normal } => Some((*r, *percent_of_normal)),
                _ => None,
            });
        }
    }

    let mut relieves_duty = None;
    let mut relieves_vat = None;
    for r in &rules {
        if let RuleKind::DeMinimis { threshold, relieves } = &r.kind
            && goods_value <= threshold.minor
        {
            if matches!(relieves, Relief::Duty | Relief::DutyAndVat) {
                relieves_duty = Some(*r);
            }
            if matches!(relieves, Relief::Vat | Relief::DutyAndVat) {
                relieves_vat = Some(*r);
            }
            lines.push(rule_line(
                LineKind::Note,
                None,
                0,
                r,
                Reason::DeMinimis {
                    goods_value,
                    threshold: threshold.minor,
                    relieves: *relieves,
                },
            ));
        }
    }
    let vat_at_sale = rules.iter().find_map(|r| match &r.kind {
        RuleKind::VatAtPointOfSale { threshold } if goods_value <= threshold.minor => Some((*r, threshold.minor)),
        _ => None,
    });
    if let Some((r, threshold)) = vat_at_sale {
        lines.push(rule_line(
            LineKind::Note,
            None,
            0,
            r,
            Reason::VatAtSaleThreshold { goods_value, threshold },
        ));
        regime.push_str(", VAT at point of sale");
    }
    let fixed_duty = rules.iter().find_map(|r| match &r.kind {
        RuleKind::FixedDutyPerCategory { amount, up_to_value } if goods_value <= up_to_value.minor => {
            Some((*r, amount.minor, up_to_value.minor))
        }
        _ => None,
    });

    // 4. Duty.
    let mut duties = vec![0i64; c.lines.len()];
    if let Some(r) = relieves_duty {
        lines.push(rule_line(LineKind::Duty, None, 0, r, Reason::DutyRelieved));
    } else if let Some((r, per_category, up_to)) = fixed_duty {
        let categories: BTreeSet<&str> = c.lines.iter().map(|l| l.hs_code.subheading()).collect();
        let total = per_category * i64::try_from(categories.len()).unwrap_or(0);
        lines.push(rule_line(
            LineKind::Duty,
            None,
            total,
            r,
            Reason::FixedDuty {
                per_category,
                subheadings: categories.iter().map(|s| (*s).to_string()).collect(),
                up_to,
            },
        ));
        // Spread over lines for the VAT base.
        duties = allocate(total, &customs);
    } else {
        for (i, line) in c.lines.iter().enumerate() {
            let (claimed, missed) = duty_rule(&rules, line, c.proof_of_origin);
            if let Some((r, rate)) = missed {
                lines.push(rule_line(
                    LineKind::Note,
                    Some(i),
                    0,
                    r,
                    Reason::PreferenceNotClaimed {
                        origin: line.origin.clone(),
                        rate: *rate,
                    },
                ));
            }
            match claimed {
                Some((r, rate)) => {
                    let (duty, units) = duty_amount(line, rate, customs[i]);
                    duties[i] = duty;
                    lines.push(rule_line(
                        LineKind::Duty,
                        Some(i),
                        duty,
                        r,
                        Reason::Duty {
                            hs: line.hs_code,
                            rate: *rate,
                            customs_value: customs[i],
                            units,
                        },
                    ));
                }
                None => lines.push(plain_line(
                    LineKind::Duty,
                    Some(i),
                    0,
                    Reason::NoDutyRule { hs: line.hs_code },
                )),
            }
            for (r, program, rate) in additional_duties(&rules, line) {
                let (duty, units) = duty_amount(line, rate, customs[i]);
                duties[i] = duties[i].saturating_add(duty);
                lines.push(rule_line(
                    LineKind::Duty,
                    Some(i),
                    duty,
                    r,
                    Reason::AdditionalDuty {
                        program: program.to_string(),
                        hs: line.hs_code,
                        origin: line.origin.clone(),
                        rate: *rate,
                        customs_value: customs[i],
                        units,
                    },
                ));
            }
        }
    }

    // 5. Consumption tax on (customs value + duty), grossed up: base / (1 − t) × t.
    let reduced_to = reduction.map(|(_, p)| p);
    let mut excise = vec![0i64; c.lines.len()];
    for (i, line) in c.lines.iter().enumerate() {
        if let Some((r, rate, thresholds)) = consumption_tax_rule(&rules, line) {
            let test = price_test(line, to_pack(line.unit_value), thresholds);
            if let Some(test) = test.filter(|t| !t.reached()) {
                lines.push(rule_line(LineKind::Note, Some(i), 0, r, Reason::BelowPriceTest(test)));
                continue;
            }
            let base = customs[i] + duties[i];
            let full = div_round(i128::from(base) * i128::from(rate.0), i128::from(10_000 - rate.0)) as i64;
            let charged = reduced_to.map_or(full, |p| pct(full, p));
            excise[i] = full;
            lines.push(rule_line(
                LineKind::ConsumptionTax,
                Some(i),
                charged,
                r,
                Reason::ConsumptionTax {
                    customs_value: customs[i],
                    duty: duties[i],
                    rate,
                    reduced_to,
                    price_test: test,
                },
            ));
        }
    }

    // 6. VAT on (customs value + duty + consumption tax). A jurisdiction without VAT (the US
    //    has sales taxes, not import VAT) gets no VAT lines at all.
    let has_vat = pack.rules().iter().any(|r| matches!(r.kind, RuleKind::Vat { .. }));
    // Only VAT rules for this destination (or for the whole jurisdiction) can apply.
    let vat_rules: Vec<&Rule> = rules
        .iter()
        .copied()
        .filter(|r| matches!(&r.kind, RuleKind::Vat { country, .. } if country.is_empty() || *country == c.destination))
        .collect();
    for (i, line) in c.lines.iter().enumerate().filter(|_| has_vat) {
        let base = customs[i] + duties[i] + excise[i];
        if let Some(r) = relieves_vat {
            lines.push(rule_line(LineKind::Vat, Some(i), 0, r, Reason::VatRelieved));
            continue;
        }
        match vat_rule(&vat_rules, line) {
            Some((r, rate)) => {
                let full = pct(base, rate);
                let charged = reduced_to.map_or(full, |p| pct(full, p));
                let kind = if vat_at_sale.is_some() {
                    LineKind::VatAtSale
                } else {
                    LineKind::Vat
                };
                lines.push(rule_line(
                    kind,
                    Some(i),
                    charged,
                    r,
                    Reason::Vat { rate, base, reduced_to },
                ));
            }
            None => lines.push(plain_line(
                LineKind::Vat,
                Some(i),
                0,
                Reason::NoVatRate {
                    destination: c.destination.clone(),
                },
            )),
        }
    }
    if let Some((r, percent_of_normal)) = reduction {
        lines.push(rule_line(
            LineKind::Note,
            None,
            0,
            r,
            Reason::RetailReduction { percent_of_normal },
        ));
    }

    // 7. Fees.
    for (name, amount) in &c.fees {
        lines.push(plain_line(
            LineKind::Fee,
            None,
            to_pack(*amount),
            Reason::Fee { name: name.clone() },
        ));
    }

    let sum = |kind: LineKind| lines.iter().filter(|l| l.kind == kind).map(|l| l.amount).sum::<i64>();
    let duty = sum(LineKind::Duty);
    let consumption_tax = sum(LineKind::ConsumptionTax);
    let vat = sum(LineKind::Vat);
    let vat_at_sale_total = sum(LineKind::VatAtSale);
    let fees = sum(LineKind::Fee);
    let taxes = duty + consumption_tax + vat + vat_at_sale_total;
    // What the buyer pays for the goods delivered: goods + transport paid + taxes + fees.
    let transport = if c.incoterm.price_includes_freight() {
        0
    } else {
        freight
    } + if c.incoterm.price_includes_insurance() {
        0
    } else {
        insurance
    };
    LandedCost {
        currency: pack.currency().to_string(),
        exponent: exp,
        invoice_currency: c.invoice_currency,
        invoice_exponent: c.invoice_exponent,
        jurisdiction: pack.jurisdiction().to_string(),
        channel: c.channel,
        regime,
        lines,
        goods_value,
        customs_value,
        duty,
        consumption_tax,
        vat,
        vat_at_sale: vat_at_sale_total,
        fees,
        taxes,
        landed_total: goods_value + transport + taxes + fees,
    }
}

/// Quantity in thousandths of the unit a specific duty is charged per.
fn specific_units(line: &GoodsLine, per: crate::sim::terms::MeasureUnit) -> i64 {
    use crate::sim::terms::MeasureUnit;
    match per {
        // Net weight in grams = thousandths of a kilogram.
        MeasureUnit::Kilogram => i64::try_from(line.net_weight_g).unwrap_or(i64::MAX),
        MeasureUnit::Unit | MeasureUnit::Pair | MeasureUnit::Litre => i64::from(line.quantity) * 1000,
    }
}
