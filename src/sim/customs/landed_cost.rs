//! The landed-cost engine: from a consignment and a rule pack to an itemised breakdown of
//! customs value, duty, consumption tax, VAT and fees, each line naming the rule behind it.
//!
//! All amounts are integer minor units of the pack's currency; every rate is applied with
//! rounding half away from zero, line by line, so results are exact and repeatable.

use std::collections::BTreeSet;

use crate::scenario::file::{Channel, Incoterm, Relief, Valuation};
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, convert, div_round, format_minor};
use crate::sim::rules::{DutyRate, Rule, RuleKind, RulePack};
use crate::sim::scenario::HsCode;

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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CostLine {
    pub kind: LineKind,
    /// Goods line it belongs to (0-based), or `None` for the whole consignment.
    pub item: Option<usize>,
    /// Amount in the pack's currency, minor units (0 for notes).
    pub amount: i64,
    #[serde(serialize_with = "serialize_shared")]
    pub rule_id: Option<std::sync::Arc<str>>,
    #[serde(serialize_with = "serialize_shared")]
    pub source: Option<std::sync::Arc<str>>,
    pub explanation: String,
}

/// The itemised result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LandedCost {
    pub currency: String,
    pub exponent: u32,
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
}

/// Serializes a shared string as a plain (optional) string.
fn serialize_shared<S: serde::Serializer>(
    value: &Option<std::sync::Arc<str>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(text) => serializer.serialize_some(&**text),
        None => serializer.serialize_none(),
    }
}

/// Rules in force on the date for the channel (rules for `Any` channel always count).
fn applicable(pack: &RulePack, date: Date, channel: Channel) -> Vec<&Rule> {
    pack.in_force(date)
        .filter(|r| r.channel == Channel::Any || r.channel == channel)
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

fn rule_line(kind: LineKind, item: Option<usize>, amount: i64, rule: &Rule, explanation: String) -> CostLine {
    CostLine {
        kind,
        item,
        amount,
        rule_id: Some(rule.id.clone()),
        source: Some(rule.source.clone()),
        explanation,
    }
}

fn plain_line(kind: LineKind, item: Option<usize>, amount: i64, explanation: String) -> CostLine {
    CostLine {
        kind,
        item,
        amount,
        rule_id: None,
        source: None,
        explanation,
    }
}

/// The most specific duty rule for an HS code: the longest matching prefix, then the newest.
fn duty_rule<'a>(rules: &[&'a Rule], hs: &HsCode) -> Option<(&'a Rule, &'a DutyRate)> {
    rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::Duty { hs_prefix, rate } if hs.digits().starts_with(hs_prefix.as_str()) => {
                Some((*r, rate, hs_prefix.len()))
            }
            _ => None,
        })
        .max_by_key(|(r, _, len)| (*len, r.valid_from))
        .map(|(r, rate, _)| (r, rate))
}

fn consumption_tax_rule<'a>(rules: &[&'a Rule], hs: &HsCode) -> Option<(&'a Rule, BasisPoints)> {
    rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::ConsumptionTax { hs_prefix, rate } if hs.digits().starts_with(hs_prefix.as_str()) => {
                Some((*r, *rate, hs_prefix.len()))
            }
            _ => None,
        })
        .max_by_key(|(r, _, len)| (*len, r.valid_from))
        .map(|(r, rate, _)| (r, rate))
}

/// The VAT rule for an HS code in a country: a matching HS prefix beats a general rate, a
/// country rate beats a jurisdiction-wide one, a newer rule beats an older one.
fn vat_rule<'a>(rules: &[&'a Rule], hs: &HsCode, destination: &str) -> Option<(&'a Rule, BasisPoints)> {
    rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::Vat {
                rate,
                country,
                hs_prefixes,
            } => {
                let country_ok = country.is_empty() || country == destination;
                let prefix_len = if hs_prefixes.is_empty() {
                    Some(0)
                } else {
                    hs_prefixes
                        .iter()
                        .filter(|p| hs.digits().starts_with(p.as_str()))
                        .map(String::len)
                        .max()
                };
                match (country_ok, prefix_len) {
                    (true, Some(len)) => Some((*r, *rate, (len, !country.is_empty(), r.valid_from))),
                    _ => None,
                }
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
    let money = |minor: i64| format!("{} {}", format_minor(minor, exp), pack.currency());
    let to_pack = |minor: i64| convert(minor, c.invoice_exponent, c.exchange_rate, exp);
    let mut lines = Vec::new();

    // 1. Goods value per line, in the pack's currency.
    let goods: Vec<i64> = c
        .lines
        .iter()
        .map(|l| to_pack(l.unit_value * i64::from(l.quantity)))
        .collect();
    let goods_value: i64 = goods.iter().sum();
    for (i, (line, value)) in c.lines.iter().zip(&goods).enumerate() {
        let rate_note = if c.invoice_currency == pack.currency() {
            String::new()
        } else {
            format!(" at {} {} per {}", c.exchange_rate, pack.currency(), c.invoice_currency)
        };
        lines.push(plain_line(
            LineKind::GoodsValue,
            Some(i),
            *value,
            format!(
                "{} × {} ({}){rate_note}",
                line.quantity,
                format_minor(line.unit_value, c.invoice_exponent),
                line.description
            ),
        ));
    }

    // 2. Customs value: add (CIF basis) or remove (FOB basis) freight and insurance.
    let freight = to_pack(c.freight);
    let insurance = to_pack(c.insurance);
    let (freight_adj, insurance_adj, basis) = match pack.valuation() {
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
            "CIF",
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
            "FOB",
        ),
    };
    if freight_adj != 0 {
        lines.push(plain_line(
            LineKind::Freight,
            None,
            freight_adj,
            format!(
                "{:?} price, {basis} customs value: freight {}",
                c.incoterm,
                if freight_adj > 0 { "added" } else { "removed" }
            ),
        ));
    }
    if insurance_adj != 0 {
        lines.push(plain_line(
            LineKind::Insurance,
            None,
            insurance_adj,
            format!(
                "{:?} price, {basis} customs value: insurance {}",
                c.incoterm,
                if insurance_adj > 0 { "added" } else { "removed" }
            ),
        ));
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
        format!("customs value ({basis} basis, {} valuation)", pack.jurisdiction()),
    ));

    // 3. Which regime: retail limits, de minimis, point-of-sale VAT, fixed duty.
    let mut channel = c.channel;
    let mut rules = applicable(pack, c.date, channel);
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
            let why = if over_transaction {
                format!(
                    "{} is over the {} per-transaction limit",
                    money(customs_value),
                    money(per_transaction)
                )
            } else {
                format!("this order takes the buyer over the {} yearly limit", money(per_year))
            };
            let consequence = if single_item && !over_year {
                "a single indivisible item pays full general-trade taxes"
            } else {
                "it cannot clear as cross-border retail: split the order or declare it under general trade; general-trade taxes shown"
            };
            lines.push(rule_line(
                LineKind::Note,
                None,
                0,
                rule,
                format!("{why}: {consequence}"),
            ));
            channel = Channel::GeneralTrade;
            rules = applicable(pack, c.date, channel);
            regime = format!("{} import, general trade (retail limit exceeded)", pack.jurisdiction());
        } else {
            lines.push(rule_line(
                LineKind::Note,
                None,
                0,
                rule,
                format!(
                    "within the {} per-transaction and {} yearly limits",
                    money(per_transaction),
                    money(per_year)
                ),
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
                format!(
                    "intrinsic value {} is at or below {}: relieved of {relieves:?}",
                    money(goods_value),
                    money(threshold.minor)
                ),
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
            format!(
                "intrinsic value {} is at or below {}: the seller or marketplace charges VAT at checkout",
                money(goods_value),
                money(threshold)
            ),
        ));
        regime = format!("{regime}, VAT at point of sale");
    }
    let fixed_duty = rules.iter().find_map(|r| match &r.kind {
        RuleKind::FixedDutyPerCategory { amount, below_value } if goods_value < below_value.minor => {
            Some((*r, amount.minor, below_value.minor))
        }
        _ => None,
    });

    // 4. Duty.
    let mut duties = vec![0i64; c.lines.len()];
    if let Some(r) = relieves_duty {
        lines.push(rule_line(
            LineKind::Duty,
            None,
            0,
            r,
            "no duty: de minimis relief".to_string(),
        ));
    } else if let Some((r, per_category, below)) = fixed_duty {
        let categories: BTreeSet<&str> = c.lines.iter().map(|l| l.hs_code.subheading()).collect();
        let total = per_category * i64::try_from(categories.len()).unwrap_or(0);
        let list: Vec<&str> = categories.iter().copied().collect();
        lines.push(rule_line(
            LineKind::Duty,
            None,
            total,
            r,
            format!(
                "{} × {} distinct tariff subheading(s) ({}) for a consignment below {}",
                money(per_category),
                categories.len(),
                list.join(", "),
                money(below)
            ),
        ));
        // Spread over lines for the VAT base.
        duties = allocate(total, &customs);
    } else {
        for (i, line) in c.lines.iter().enumerate() {
            match duty_rule(&rules, &line.hs_code) {
                Some((r, rate)) => {
                    let (duty, how) = match rate {
                        DutyRate::AdValorem(p) => (pct(customs[i], *p), format!("{p} of {}", money(customs[i]))),
                        DutyRate::Specific { amount, per } => {
                            let units = specific_units(line, *per);
                            (
                                div_round(i128::from(amount.minor) * i128::from(units), 1000) as i64,
                                format!("{} per {per:?} × {}", money(amount.minor), format_minor(units, 3)),
                            )
                        }
                        DutyRate::Compound { percent, amount, per } => {
                            let units = specific_units(line, *per);
                            let specific = div_round(i128::from(amount.minor) * i128::from(units), 1000) as i64;
                            (
                                pct(customs[i], *percent) + specific,
                                format!(
                                    "{percent} of {} + {} per {per:?} × {}",
                                    money(customs[i]),
                                    money(amount.minor),
                                    format_minor(units, 3)
                                ),
                            )
                        }
                    };
                    duties[i] = duty;
                    lines.push(rule_line(
                        LineKind::Duty,
                        Some(i),
                        duty,
                        r,
                        format!("HS {}: {how}", line.hs_code.dotted()),
                    ));
                }
                None => lines.push(plain_line(
                    LineKind::Duty,
                    Some(i),
                    0,
                    format!("HS {}: no duty rule in this pack; 0 assumed", line.hs_code.dotted()),
                )),
            }
        }
    }

    // 5. Consumption tax on (customs value + duty), grossed up: base / (1 − t) × t.
    let mut excise = vec![0i64; c.lines.len()];
    for (i, line) in c.lines.iter().enumerate() {
        if let Some((r, rate)) = consumption_tax_rule(&rules, &line.hs_code) {
            let base = customs[i] + duties[i];
            let full = div_round(i128::from(base) * i128::from(rate.0), i128::from(10_000 - rate.0)) as i64;
            let charged = reduction.map_or(full, |(_, p)| pct(full, p));
            excise[i] = full;
            let reduced = reduction.map_or(String::new(), |(_, p)| format!(", charged at {p}"));
            lines.push(rule_line(
                LineKind::ConsumptionTax,
                Some(i),
                charged,
                r,
                format!(
                    "({} + duty {}) / (1 − {rate}) × {rate}{reduced}",
                    money(customs[i]),
                    money(duties[i])
                ),
            ));
        }
    }

    // 6. VAT on (customs value + duty + consumption tax). A jurisdiction without VAT (the US
    //    has sales taxes, not import VAT) gets no VAT lines at all.
    let has_vat = pack.rules().iter().any(|r| matches!(r.kind, RuleKind::Vat { .. }));
    for (i, line) in c.lines.iter().enumerate().filter(|_| has_vat) {
        let base = customs[i] + duties[i] + excise[i];
        if let Some(r) = relieves_vat {
            lines.push(rule_line(
                LineKind::Vat,
                Some(i),
                0,
                r,
                "no VAT: de minimis relief".to_string(),
            ));
            continue;
        }
        match vat_rule(&rules, &line.hs_code, &c.destination) {
            Some((r, rate)) => {
                let full = pct(base, rate);
                let charged = reduction.map_or(full, |(_, p)| pct(full, p));
                let reduced = reduction.map_or(String::new(), |(_, p)| format!(" × {p}"));
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
                    format!("{rate} of {}{reduced}", money(base)),
                ));
            }
            None => lines.push(plain_line(
                LineKind::Vat,
                Some(i),
                0,
                format!(
                    "no VAT rate for {} in this pack; 0 assumed",
                    if c.destination.is_empty() {
                        "this destination"
                    } else {
                        &c.destination
                    }
                ),
            )),
        }
    }
    if let Some((r, p)) = reduction {
        lines.push(rule_line(
            LineKind::Note,
            None,
            0,
            r,
            format!("cross-border retail: duty 0%, VAT and consumption tax charged at {p} of the normal amount"),
        ));
    }

    // 7. Fees.
    for (name, amount) in &c.fees {
        lines.push(plain_line(LineKind::Fee, None, to_pack(*amount), name.clone()));
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
fn specific_units(line: &GoodsLine, per: crate::scenario::file::MeasureUnit) -> i64 {
    use crate::scenario::file::MeasureUnit;
    match per {
        // Net weight in grams = thousandths of a kilogram.
        MeasureUnit::Kilogram => i64::try_from(line.net_weight_g).unwrap_or(i64::MAX),
        MeasureUnit::Unit | MeasureUnit::Pair | MeasureUnit::Litre => i64::from(line.quantity) * 1000,
    }
}
