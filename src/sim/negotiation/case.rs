//! A negotiation task's validated set-up: the domain, both sides' preferences, who plays which
//! side, who opens and the deadline. Built from [`NegotiationDef`], collecting every problem.

use crate::scenario::file::{ContractTermsDef, IssueDef, NegotiationDef, PreferencesDef, ValueFnDef};

use crate::sim::check::Checker;
use crate::sim::money::{BasisPoints, Micros, parse_amount};
use crate::sim::terms::Side;

use super::domain::{Domain, FULL, IssueOptions, MAX_ISSUES, MAX_OPTIONS, MAX_OUTCOMES, Preferences};

/// Longest allowed deadline, in rounds.
pub const MAX_DEADLINE_ROUNDS: u32 = 1000;

/// A negotiation that can be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegotiationCase {
    pub student_side: Side,
    /// Non-negotiated contract terms (ports, delivery time, presentation period).
    pub contract: ContractTermsDef,
    /// The seller's costs for the profit sheet, if the scenario states them.
    pub costs: Option<crate::sim::deal::DealCosts>,
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

    /// Validates the definition at `p` (e.g. `setup.tasks[2].negotiation`).
    pub fn validate(c: &mut Checker, p: &str, def: &NegotiationDef) -> Option<Self> {
        if !(2..=MAX_DEADLINE_ROUNDS).contains(&def.deadline_rounds) {
            c.error_hint(
                &format!("{p}.deadline_rounds"),
                format!("a deadline of {} rounds is out of range", def.deadline_rounds),
                format!("use 2 to {MAX_DEADLINE_ROUNDS} rounds (a classroom deal takes 4 to 12)"),
            );
        }
        if def.issues.is_empty() || def.issues.len() > MAX_ISSUES {
            c.error_hint(
                &format!("{p}.issues"),
                format!("{} issues on the table", def.issues.len()),
                format!("negotiate 1 to {MAX_ISSUES} issues"),
            );
        }
        let mut issues = Vec::new();
        let mut kinds_seen: Vec<(std::mem::Discriminant<IssueDef>, usize)> = Vec::new();
        for (i, issue) in def.issues.iter().enumerate() {
            let ip = format!("{p}.issues[{i}]");
            let kind = std::mem::discriminant(issue);
            if let Some((_, first)) = kinds_seen.iter().find(|(k, _)| *k == kind) {
                c.error_hint(
                    &ip,
                    "the same issue is on the table twice",
                    format!("merge it with issues[{first}]"),
                );
            }
            kinds_seen.push((kind, i));
            if let Some(options) = issue_options(c, &ip, issue) {
                issues.push(options);
            }
        }
        // A sales contract needs at least a price and a quantity.
        for (needed, example) in [
            (
                std::mem::discriminant(&IssueDef::UnitPrice {
                    currency: String::new(),
                    from: String::new(),
                    to: String::new(),
                    step: String::new(),
                }),
                "UnitPrice(currency: \"EUR\", from: \"23.00\", to: \"32.00\", step: \"0.50\")",
            ),
            (
                std::mem::discriminant(&IssueDef::Quantity(Vec::new())),
                "Quantity([1200, 2400])",
            ),
        ] {
            if !def.issues.is_empty() && !kinds_seen.iter().any(|(k, _)| *k == needed) {
                c.error_hint(
                    &format!("{p}.issues"),
                    "a sales contract needs a unit price and a quantity",
                    format!("add `{example}` to the issues"),
                );
            }
        }
        for (field, days, range) in [
            ("delivery_days", def.contract.delivery_days, 1..=365),
            ("presentation_days", def.contract.presentation_days, 1..=90),
            ("production_days", def.contract.production_days, 0..=365),
            ("sailing_weekday", def.contract.sailing_weekday, 0..=6),
        ] {
            if !range.contains(&days) {
                c.error_hint(
                    &format!("{p}.contract.{field}"),
                    format!("{days} days is out of range"),
                    format!("use {} to {} days", range.start(), range.end()),
                );
            }
        }
        let costs = def.contract.costs.as_ref().and_then(|k| {
            let cp = format!("{p}.contract.costs");
            let inland = c.money(&format!("{cp}.inland"), &k.inland, false);
            let freight = c.money(&format!("{cp}.freight"), &k.freight, false);
            let mut pct = |field: &str, text: &str| c.percent(&format!("{cp}.{field}"), text, 0, 10_000);
            let insurance_rate = pct("insurance_rate", &k.insurance_rate);
            let bank_charges = pct("bank_charges", &k.bank_charges);
            let vat_rate = pct("vat_rate", &k.vat_rate);
            let vat_rebate = pct("vat_rebate", &k.vat_rebate);
            Some(crate::sim::deal::DealCosts {
                inland: inland?,
                freight: freight?,
                insurance_rate: insurance_rate?,
                bank_charges: bank_charges?,
                vat_rate: vat_rate?,
                vat_rebate: vat_rebate?,
            })
        });
        let outcomes = issues
            .iter()
            .try_fold(1usize, |n, i| n.checked_mul(i.len()))
            .unwrap_or(usize::MAX);
        if issues.len() == def.issues.len() && outcomes > MAX_OUTCOMES {
            c.error_hint(
                &format!("{p}.issues"),
                format!("{outcomes} possible deals are too many to analyse"),
                format!("keep the product of the option counts at or below {MAX_OUTCOMES}: use a coarser price step"),
            );
        }
        let seller = preference_values(c, &format!("{p}.seller"), &def.seller, &def.issues, &issues);
        let buyer = preference_values(c, &format!("{p}.buyer"), &def.buyer, &def.issues, &issues);
        let domain = Domain::new(issues)?;
        // The dearest deal (highest price × largest quantity) must stay within the money limit.
        let top_price = domain.issues().iter().find_map(|i| match i {
            IssueOptions::UnitPrice { prices, .. } => prices.last().copied(),
            _ => None,
        });
        let top_quantity = domain.issues().iter().find_map(|i| match i {
            IssueOptions::Quantity(q) => q.iter().max().copied(),
            _ => None,
        });
        if let (Some(price), Some(quantity)) = (top_price, top_quantity)
            && !c.line_value(
                &format!("{p}.issues"),
                price,
                u64::from(quantity),
                "the dearest deal (highest price × largest quantity)",
            )
        {
            return None;
        }
        let (sw, sv, sr) = seller?;
        let (bw, bv, br) = buyer?;
        Some(Self {
            student_side: def.student_side,
            contract: def.contract.clone(),
            costs,
            opener: def.opener,
            deadline_rounds: def.deadline_rounds,
            seller: Preferences::new(&domain, &sw, &sv, sr)?,
            buyer: Preferences::new(&domain, &bw, &bv, br)?,
            domain,
        })
    }
}

fn issue_options(c: &mut Checker, ip: &str, issue: &IssueDef) -> Option<IssueOptions> {
    let count_ok = |c: &mut Checker, n: usize| {
        if (1..=MAX_OPTIONS).contains(&n) {
            true
        } else {
            c.error_hint(ip, format!("{n} options"), format!("offer 1 to {MAX_OPTIONS} options"));
            false
        }
    };
    let distinct = |c: &mut Checker, labels: Vec<String>| {
        let mut sorted = labels.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() == labels.len() {
            true
        } else {
            c.error(ip, "an option is listed twice", Some("list each option once"));
            false
        }
    };
    match issue {
        IssueDef::UnitPrice {
            currency,
            from,
            to,
            step,
        } => {
            let (code, exponent) = c.currency(&format!("{ip}.currency"), currency)?;
            let mut amount = |field: &str, text: &str| match parse_amount(text, exponent) {
                Ok(v) if v > 0 => Some(v),
                Ok(_) => {
                    c.error(&format!("{ip}.{field}"), "must be above zero", None);
                    None
                }
                Err(e) => {
                    c.error(
                        &format!("{ip}.{field}"),
                        format!("`{text}` {e}"),
                        Some("write a price such as \"28.50\""),
                    );
                    None
                }
            };
            let (from_v, to_v, step_v) = (amount("from", from), amount("to", to), amount("step", step));
            let (from_v, to_v, step_v) = (from_v?, to_v?, step_v?);
            if to_v <= from_v || (to_v - from_v) % step_v != 0 {
                c.error(
                    ip,
                    format!("prices from {from} to {to} in steps of {step} do not fit"),
                    Some("`to` must be above `from`, and their difference a whole number of steps"),
                );
                return None;
            }
            // Count before building, so a huge range is an error, not an allocation.
            let count = usize::try_from((to_v - from_v) / step_v + 1).unwrap_or(usize::MAX);
            if !count_ok(c, count) {
                return None;
            }
            let prices: Vec<i64> = (0..count as i64).map(|k| from_v + k * step_v).collect();
            Some(IssueOptions::UnitPrice {
                currency: code,
                exponent,
                prices,
            })
        }
        IssueDef::Quantity(v) | IssueDef::DeliveryDays(v) => {
            let ok = count_ok(c, v.len()) && distinct(c, v.iter().map(u32::to_string).collect());
            if v.contains(&0) {
                c.error(ip, "0 is not an option", Some("quantities and days are at least 1"));
                return None;
            }
            ok.then(|| match issue {
                IssueDef::Quantity(_) => IssueOptions::Quantity(v.clone()),
                _ => IssueOptions::DeliveryDays(v.clone()),
            })
        }
        IssueDef::Incoterm(v) => (count_ok(c, v.len()) && distinct(c, v.iter().map(|t| format!("{t:?}")).collect()))
            .then(|| IssueOptions::Incoterm(v.clone())),
        IssueDef::Payment(v) => (count_ok(c, v.len()) && distinct(c, v.iter().map(|t| format!("{t:?}")).collect()))
            .then(|| IssueOptions::Payment(v.clone())),
    }
}

/// Weights (basis points), per-option values and reservation (micro-utility) of one side.
fn preference_values(
    c: &mut Checker,
    pp: &str,
    def: &PreferencesDef,
    issue_defs: &[IssueDef],
    issues: &[IssueOptions],
) -> Option<(Vec<u32>, Vec<Vec<u32>>, u32)> {
    let n = issue_defs.len();
    if def.weights.len() != n {
        c.error_hint(
            &format!("{pp}.weights"),
            format!("{} weights for {n} issues", def.weights.len()),
            "give one weight per issue, in the order of `issues`".to_string(),
        );
    }
    if def.values.len() != n {
        c.error_hint(
            &format!("{pp}.values"),
            format!("{} value functions for {n} issues", def.values.len()),
            "give one value function per issue, in the order of `issues`".to_string(),
        );
    }
    let weights: Vec<Option<BasisPoints>> = def
        .weights
        .iter()
        .enumerate()
        .map(|(i, w)| c.percent(&format!("{pp}.weights[{i}]"), w, 0, 10_000))
        .collect();
    let weights: Option<Vec<u32>> = weights.into_iter().map(|w| w.map(|bp| bp.0 as u32)).collect();
    if let Some(w) = &weights {
        let sum: u32 = w.iter().sum();
        if sum != 10_000 && w.len() == n {
            c.error_hint(
                &format!("{pp}.weights"),
                format!("weights add up to {}", BasisPoints(i64::from(sum))),
                "make them add up to exactly 100%".to_string(),
            );
        }
    }
    let mut values = Vec::new();
    for (i, f) in def.values.iter().enumerate() {
        let vp = format!("{pp}.values[{i}]");
        let options = issues.get(i).map_or(0, IssueOptions::len);
        let last = options.saturating_sub(1).max(1) as u64;
        let table: Option<Vec<u32>> = match f {
            // A single option is the best (and only) one either way.
            ValueFnDef::Increasing | ValueFnDef::Decreasing if options == 1 => Some(vec![FULL]),
            ValueFnDef::Increasing => Some(
                (0..options)
                    .map(|o| (o as u64 * u64::from(FULL) / last) as u32)
                    .collect(),
            ),
            ValueFnDef::Decreasing => Some(
                (0..options)
                    .map(|o| FULL - (o as u64 * u64::from(FULL) / last) as u32)
                    .collect(),
            ),
            ValueFnDef::Table(texts) => {
                if texts.len() != options && issues.len() == n {
                    c.error_hint(
                        &vp,
                        format!("{} values for {options} options", texts.len()),
                        "give one value (0 to 1) per option".to_string(),
                    );
                    None
                } else {
                    texts
                        .iter()
                        .enumerate()
                        .map(|(o, t)| {
                            c.decimal(&format!("{vp}[{o}]"), t, Micros(0), Micros::ONE)
                                .map(|m| m.0 as u32)
                        })
                        .collect::<Vec<_>>()
                        .into_iter()
                        .collect()
                }
            }
        };
        values.push(table);
    }
    let reservation = c.decimal(&format!("{pp}.reservation"), &def.reservation, Micros(0), Micros::ONE);
    let values: Option<Vec<Vec<u32>>> = values.into_iter().collect();
    let weights = weights?;
    if weights.len() != n || weights.iter().sum::<u32>() != 10_000 || issues.len() != n {
        return None;
    }
    Some((weights, values?, reservation?.0 as u32))
}
