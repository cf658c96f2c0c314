//! Validating the desks' sections of a scenario file (a market's storefront and auction site,
//! a task's negotiation, declaration, letter and check) into the definitions the desks play.
//! Each collects every problem with its field path and a hint, and builds nothing on error.

use crate::scenario::file::{
    AuctionSiteDef, CheckDef, ComputedPointDef, DeclarationCaseDef, IssueDef, LetterDef, MoneyDef, NegotiationDef,
    PreferencesDef, StorefrontDef, ValueFnDef, WrittenPointDef,
};

use crate::sim::check::Checker;
use crate::sim::money::{BasisPoints, CurrencyCode, DecimalError, Micros, Money, parse_amount, parse_decimal};
use crate::sim::said::Said;
use crate::sim::terms::{ConcessionStrategy, ShippingKind, StatementVerdict, Text};

use super::auction_site::{AuctionSite, Bargainer, IncrementTable, Postage, Purchase};
use super::declaration::{Clearance, DeclarationCase, DocumentLine};
use super::letter::{Letter, LetterPoint, PointPhrases, PointSource, Statement, Verdict};
use super::negotiation::{
    ContractTerms, DealCosts, Domain, FULL, IssueOptions, MAX_DEADLINE_ROUNDS, MAX_ISSUES, MAX_OPTIONS, MAX_OUTCOMES,
    NegotiationCase, Preferences, Strategy,
};
use super::rubric::{Check, DECLARATION_FIELDS};
use super::storefront::{Competitor, Influencer, Keyword, ReferralFee, Season, ShippingOption, Storefront};

impl NegotiationCase {
    /// Validates the definition at `p` (e.g. `setup.tasks[2].negotiation`).
    pub fn validate(c: &mut Checker, p: &str, def: &NegotiationDef) -> Option<Self> {
        if !(2..=MAX_DEADLINE_ROUNDS).contains(&def.deadline_rounds) {
            c.say(
                &format!("{p}.deadline_rounds"),
                Said::new("check-desk-deadline-rounds").with("rounds", def.deadline_rounds),
                Some(Said::new("check-desk-deadline-rounds-hint").with("max", MAX_DEADLINE_ROUNDS)),
            );
        }
        if def.issues.is_empty() || def.issues.len() > MAX_ISSUES {
            c.say(
                &format!("{p}.issues"),
                Said::new("check-desk-issue-count").with("count", def.issues.len()),
                Some(Said::new("check-desk-issue-count-hint").with("max", MAX_ISSUES)),
            );
        }
        let mut issues = Vec::new();
        let mut kinds_seen: Vec<(std::mem::Discriminant<IssueDef>, usize)> = Vec::new();
        for (i, issue) in def.issues.iter().enumerate() {
            let ip = format!("{p}.issues[{i}]");
            let kind = std::mem::discriminant(issue);
            if let Some((_, first)) = kinds_seen.iter().find(|(k, _)| *k == kind) {
                c.say(
                    &ip,
                    Said::new("check-desk-issue-twice"),
                    Some(Said::new("check-desk-issue-twice-hint").with("first", *first)),
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
                c.say(
                    &format!("{p}.issues"),
                    Said::new("check-desk-price-and-quantity"),
                    Some(Said::new("check-desk-price-and-quantity-hint").with("example", example)),
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
                c.say(
                    &format!("{p}.contract.{field}"),
                    Said::new("check-desk-contract-days").with("days", days),
                    Some(
                        Said::new("check-desk-contract-days-hint")
                            .with("from", *range.start())
                            .with("to", *range.end()),
                    ),
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
            Some(DealCosts {
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
            c.say(
                &format!("{p}.issues"),
                Said::new("check-desk-too-many-deals").with("deals", outcomes.to_string()),
                Some(Said::new("check-desk-too-many-deals-hint").with("max", MAX_OUTCOMES)),
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
            contract: ContractTerms {
                port_of_loading: def.contract.port_of_loading.clone(),
                port_of_discharge: def.contract.port_of_discharge.clone(),
                delivery_days: def.contract.delivery_days,
                presentation_days: def.contract.presentation_days,
                production_days: def.contract.production_days,
                sailing_weekday: def.contract.sailing_weekday,
            },
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
            c.say(
                ip,
                Said::new("check-desk-option-count").with("count", n),
                Some(Said::new("check-desk-option-count-hint").with("max", MAX_OPTIONS)),
            );
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
            c.say(
                ip,
                Said::new("check-desk-option-twice"),
                Some(Said::new("check-desk-option-twice-hint")),
            );
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
                    c.say(&format!("{ip}.{field}"), Said::new("check-desk-above-zero"), None);
                    None
                }
                Err(e) => {
                    c.say(
                        &format!("{ip}.{field}"),
                        not_a_decimal(text, e),
                        Some(Said::new("check-desk-price-hint")),
                    );
                    None
                }
            };
            let (from_v, to_v, step_v) = (amount("from", from), amount("to", to), amount("step", step));
            let (from_v, to_v, step_v) = (from_v?, to_v?, step_v?);
            if to_v <= from_v || (to_v - from_v) % step_v != 0 {
                c.say(
                    ip,
                    Said::new("check-desk-price-steps")
                        .with("from", from.as_str())
                        .with("to", to.as_str())
                        .with("step", step.as_str()),
                    Some(Said::new("check-desk-price-steps-hint")),
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
                c.say(
                    ip,
                    Said::new("check-desk-option-zero"),
                    Some(Said::new("check-desk-option-zero-hint")),
                );
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
        c.say(
            &format!("{pp}.weights"),
            Said::new("check-desk-weight-count")
                .with("weights", def.weights.len())
                .with("issues", n),
            Some(Said::new("check-desk-weight-count-hint")),
        );
    }
    if def.values.len() != n {
        c.say(
            &format!("{pp}.values"),
            Said::new("check-desk-value-function-count")
                .with("functions", def.values.len())
                .with("issues", n),
            Some(Said::new("check-desk-value-function-count-hint")),
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
            c.say(
                &format!("{pp}.weights"),
                Said::new("check-desk-weights-sum").with("sum", BasisPoints(i64::from(sum)).to_string()),
                Some(Said::new("check-desk-weights-sum-hint")),
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
                    c.say(
                        &vp,
                        Said::new("check-desk-value-count")
                            .with("values", texts.len())
                            .with("options", options),
                        Some(Said::new("check-desk-value-count-hint")),
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

impl DeclarationCase {
    /// Validates the exercise inside a scenario (`skus` and `packs` are the scenario's ids).
    pub fn validate(c: &mut Checker, p: &str, def: &DeclarationCaseDef, skus: &[&str], packs: &[&str]) -> Option<Self> {
        c.reference(
            &format!("{p}.rule_pack"),
            "rule pack",
            &def.rule_pack,
            packs.iter().copied(),
        );
        if def.trade_mode.len() != 4 || !def.trade_mode.chars().all(|ch| ch.is_ascii_digit()) {
            c.say(
                &format!("{p}.trade_mode"),
                Said::new("check-desk-trade-mode").with("code", def.trade_mode.as_str()),
                Some(Said::new("check-desk-trade-mode-hint")),
            );
        }
        for (field, value) in [
            ("consignor", &def.consignor),
            ("consignee", &def.consignee),
            ("contract_no", &def.contract_no),
            ("invoice_no", &def.invoice_no),
            ("port_of_loading", &def.port_of_loading),
            ("port_of_discharge", &def.port_of_discharge),
        ] {
            if value.trim().is_empty() {
                c.say(
                    &format!("{p}.{field}"),
                    Said::new("check-desk-field-empty").with("field", field),
                    Some(Said::new("check-desk-field-empty-hint")),
                );
            }
        }
        c.country(&format!("{p}.destination_country"), &def.destination_country);
        let currency = c.currency(&format!("{p}.currency"), &def.currency);
        if def.lines.is_empty() {
            c.say(
                &format!("{p}.lines"),
                Said::new("check-desk-no-goods-lines"),
                Some(Said::new("check-desk-no-goods-lines-hint")),
            );
        }
        let exponent = currency.map_or(2, |(_, e)| e);
        let mut lines = Vec::new();
        for (i, l) in def.lines.iter().enumerate() {
            let lp = format!("{p}.lines[{i}]");
            c.reference(&format!("{lp}.product"), "product", &l.product, skus.iter().copied());
            if l.quantity == 0 {
                c.say(
                    &format!("{lp}.quantity"),
                    Said::new("check-desk-quantity-zero"),
                    Some(Said::new("check-desk-quantity-zero-hint")),
                );
            }
            if l.cartons == 0 {
                c.say(
                    &format!("{lp}.cartons"),
                    Said::new("check-desk-no-cartons"),
                    Some(Said::new("check-desk-no-cartons-hint")),
                );
            }
            let price = match crate::sim::money::parse_amount(&l.unit_price, exponent) {
                Ok(v)
                    if v > 0
                        && !c.line_value(
                            &format!("{lp}.unit_price"),
                            v,
                            u64::from(l.quantity),
                            &format!("{} × `{}`", l.quantity, l.unit_price),
                        ) =>
                {
                    None
                }
                Ok(v) if v > 0 => Some(v),
                _ => {
                    c.say(
                        &format!("{lp}.unit_price"),
                        Said::new("check-desk-not-a-price").with("text", l.unit_price.as_str()),
                        Some(Said::new("check-desk-not-a-price-hint")),
                    );
                    None
                }
            };
            let kg = |c: &mut Checker, field: &str, text: &str| match parse_decimal(text, 3) {
                Ok(v) if v > 0 => u64::try_from(v).ok(),
                _ => {
                    c.say(
                        &format!("{lp}.{field}"),
                        Said::new("check-desk-not-a-weight").with("text", text),
                        Some(Said::new("check-desk-not-a-weight-hint")),
                    );
                    None
                }
            };
            let net = kg(c, "net_kg", &l.net_kg);
            let gross = kg(c, "gross_kg", &l.gross_kg);
            if let (Some(n), Some(g)) = (net, gross)
                && n > g
            {
                c.say(
                    &format!("{lp}.gross_kg"),
                    Said::new("check-desk-gross-below-net")
                        .with("gross", l.gross_kg.as_str())
                        .with("net", l.net_kg.as_str()),
                    Some(Said::new("check-desk-gross-below-net-hint")),
                );
            }
            if let (Some(unit_price), Some(net_g), Some(gross_g)) = (price, net, gross) {
                lines.push(DocumentLine {
                    product: l.product.clone(),
                    quantity: l.quantity,
                    unit_price,
                    cartons: l.cartons,
                    net_g,
                    gross_g,
                });
            }
        }
        let cp = format!("{p}.clearance");
        let k = &def.clearance;
        let base_inspection = c.percent(&format!("{cp}.base_inspection"), &k.base_inspection, 0, 10_000);
        let inspection_per_error = c.percent(
            &format!("{cp}.inspection_per_error"),
            &k.inspection_per_error,
            0,
            10_000,
        );
        let undervaluation_inspection = c.percent(
            &format!("{cp}.undervaluation_inspection"),
            &k.undervaluation_inspection,
            0,
            10_000,
        );
        let undervaluation_penalty = c.percent(
            &format!("{cp}.undervaluation_penalty"),
            &k.undervaluation_penalty,
            0,
            100_000,
        );
        let inspection_fee = c.money(&format!("{cp}.inspection_fee"), &k.inspection_fee, false);
        let correction_fee = c.money(&format!("{cp}.correction_fee"), &k.correction_fee, false);
        let clearance = Clearance {
            normal_days: k.normal_days,
            base_inspection: base_inspection?,
            inspection_per_error: inspection_per_error?,
            undervaluation_inspection: undervaluation_inspection?,
            inspection_days: k.inspection_days,
            inspection_fee: inspection_fee?,
            correction_fee: correction_fee?,
            undervaluation_penalty: undervaluation_penalty?,
        };
        let (currency, exponent) = currency?;
        Some(Self {
            clearance,
            direction: def.direction,
            rule_pack: def.rule_pack.clone(),
            trade_mode: def.trade_mode.clone(),
            consignor: def.consignor.clone(),
            consignee: def.consignee.clone(),
            contract_no: def.contract_no.clone(),
            invoice_no: def.invoice_no.clone(),
            port_of_loading: def.port_of_loading.clone(),
            port_of_discharge: def.port_of_discharge.clone(),
            destination_country: def.destination_country.clone(),
            transport_mode: def.transport_mode,
            containerised: def.containerised,
            incoterm: def.incoterm,
            currency,
            exponent,
            lines,
            follows_contract_of: def.follows_contract_of.clone(),
        })
    }
}

impl AuctionSite {
    /// Validates the auction site of market `p`, whose prices are in `currency`.
    pub fn validate(
        c: &mut Checker,
        p: &str,
        def: &AuctionSiteDef,
        currency: Option<(CurrencyCode, u32)>,
    ) -> Option<Self> {
        let (code, exponent) = currency?;
        let in_market = |c: &mut Checker, path: &str, m: &MoneyDef| -> Option<i64> {
            let money = c.money(path, m, false)?;
            if money.currency != code {
                c.say(
                    path,
                    Said::new("check-desk-not-in-market-currency").with("money", money.format()),
                    Some(Said::new("check-desk-not-in-market-currency-hint").with("currency", code.to_string())),
                );
                return None;
            }
            Some(money.minor)
        };
        let mut steps = Vec::new();
        for (i, step) in def.increments.iter().enumerate() {
            let ip = format!("{p}.increments[{i}]");
            let from = parse_amount(step.from.trim(), exponent);
            let by = parse_amount(step.step.trim(), exponent);
            match (from, by) {
                (Ok(from), Ok(by)) => steps.push((from, by)),
                _ => c.say(
                    &ip,
                    Said::new("check-desk-increment-not-amounts")
                        .with("from", step.from.as_str())
                        .with("step", step.step.as_str()),
                    Some(Said::new("check-desk-increment-not-amounts-hint")),
                ),
            }
        }
        let increments = IncrementTable::new(steps.clone());
        if increments.is_none() && steps.len() == def.increments.len() {
            c.say(
                &format!("{p}.increments"),
                Said::new("check-desk-increment-table"),
                Some(Said::new("check-desk-increment-table-hint")),
            );
        }
        let final_value_fee = c.percent(&format!("{p}.final_value_fee"), &def.final_value_fee, 0, 5_000);
        if def.soft_close_minutes > 60 {
            c.say(
                &format!("{p}.soft_close_minutes"),
                Said::new("check-desk-soft-close").with("minutes", def.soft_close_minutes),
                Some(Said::new("check-desk-soft-close-hint")),
            );
        }
        if def.buyers_per_day == 0 || def.buyers_per_day > 1_000 {
            c.say(
                &format!("{p}.buyers_per_day"),
                Said::new("check-desk-buyers-per-day").with("buyers", def.buyers_per_day),
                Some(Said::new("check-desk-buyers-per-day-hint")),
            );
        }
        let fraction = |c: &mut Checker, field: &str, text: &str| {
            c.decimal(&format!("{p}.values.{field}"), text, Micros(0), Micros(5_000_000))
        };
        let low = fraction(c, "low", &def.values.low);
        let mode = fraction(c, "mode", &def.values.mode);
        let high = fraction(c, "high", &def.values.high);
        if let (Some(l), Some(m), Some(h)) = (low, mode, high)
            && !(l.0 <= m.0 && m.0 <= h.0 && l.0 < h.0)
        {
            c.say(
                &format!("{p}.values"),
                Said::new("check-desk-values-order"),
                Some(Said::new("check-desk-values-order-hint")),
            );
        }
        let mut bargainers = Vec::new();
        let mut shares = 0;
        for (i, b) in def.bargainers.iter().enumerate() {
            let bp = format!("{p}.bargainers[{i}]");
            let target = c.decimal(&format!("{bp}.target"), &b.target, Micros(100_000), Micros(1_500_000));
            let share = c.percent(&format!("{bp}.share"), &b.share, 0, 10_000);
            let e = c.decimal(
                &format!("{bp}.concession_exponent"),
                &b.concession_exponent,
                Micros(10_000),
                Micros(50_000_000),
            );
            if let (Some(target), Some(share), Some(e)) = (target, share, e) {
                shares += share.0;
                let e_milli = u32::try_from(e.0 / 1_000).unwrap_or(1_000).max(1);
                let strategy = match b.strategy {
                    ConcessionStrategy::Boulware | ConcessionStrategy::Conceder | ConcessionStrategy::Linear => {
                        Strategy::TimeDependent { e_milli }
                    }
                    ConcessionStrategy::TitForTat => Strategy::TitForTat,
                    ConcessionStrategy::HardHeaded => Strategy::HardHeaded,
                    ConcessionStrategy::Random => Strategy::Random,
                };
                bargainers.push(Bargainer {
                    target,
                    share,
                    strategy,
                });
            }
        }
        if bargainers.len() == def.bargainers.len() && shares != 10_000 {
            c.say(
                &format!("{p}.bargainers"),
                Said::new("check-desk-bargainer-shares").with("sum", BasisPoints(shares).to_string()),
                Some(Said::new("check-desk-bargainer-shares-hint")),
            );
        }
        let question_chance = match &def.question_chance {
            Some(text) => c.percent(&format!("{p}.question_chance"), text, 0, 10_000),
            None => Some(BasisPoints(2_000)),
        };
        c.unique(
            &format!("{p}.postage"),
            "id",
            "postage id",
            def.postage.iter().map(|x| x.id.as_str()),
        );
        if def.postage.is_empty() {
            c.say(
                &format!("{p}.postage"),
                Said::new("check-desk-no-postage"),
                Some(Said::new("check-desk-no-postage-hint")),
            );
        }
        let mut postage = Vec::new();
        for (i, d) in def.postage.iter().enumerate() {
            let pp = format!("{p}.postage[{i}]");
            c.id(&format!("{pp}.id"), &d.id);
            c.text(&format!("{pp}.name"), &d.name);
            if d.kind == ShippingKind::OverseasWarehouse {
                c.say(
                    &format!("{pp}.kind"),
                    Said::new("check-desk-postage-kind"),
                    Some(Said::new("check-desk-postage-kind-hint")),
                );
            }
            let first = c.money(&format!("{pp}.first_500g"), &d.first_500g, false);
            let extra = c.money(&format!("{pp}.per_extra_500g"), &d.per_extra_500g, false);
            if let (Some(f), Some(e)) = (first, extra)
                && f.currency != e.currency
            {
                c.say(
                    &format!("{pp}.per_extra_500g"),
                    Said::new("check-desk-postage-currencies"),
                    Some(Said::new("check-desk-postage-currencies-hint")),
                );
            }
            if !(1..=90).contains(&d.transit_days) {
                c.say(
                    &format!("{pp}.transit_days"),
                    Said::new("check-desk-postage-transit").with("days", d.transit_days),
                    Some(Said::new("check-desk-postage-transit-hint")),
                );
            }
            let lost = c.percent(&format!("{pp}.lost_chance"), &d.lost_chance, 0, 2_000);
            if let (Some(first_500g), Some(per_extra_500g), Some(lost_chance)) = (first, extra, lost) {
                postage.push(Postage {
                    id: d.id.clone(),
                    kind: d.kind,
                    name: d.name.clone(),
                    first_500g,
                    per_extra_500g,
                    transit_days: d.transit_days,
                    tracked: d.tracked,
                    lost_chance,
                    duty_paid_option: d.duty_paid_option,
                });
            }
        }
        let collection_fee = in_market(c, &format!("{p}.collection_fee"), &def.collection_fee);
        let purchase = match &def.purchase {
            None => None,
            Some(d) => {
                let pp = format!("{p}.purchase");
                c.text(&format!("{pp}.item"), &d.item);
                let price = in_market(c, &format!("{pp}.price"), &d.price);
                let post = in_market(c, &format!("{pp}.postage"), &d.postage);
                let tax = c.percent(&format!("{pp}.import_tax"), &d.import_tax, 0, 10_000);
                let waived = c.money(&format!("{pp}.tax_waived_up_to"), &d.tax_waived_up_to, false);
                let budget = c.money(&format!("{pp}.budget"), &d.budget, false);
                if d.source.trim().is_empty() {
                    c.say(
                        &format!("{pp}.source"),
                        Said::new("check-desk-tax-source"),
                        Some(Said::new("check-desk-tax-source-hint")),
                    );
                }
                match (price, post, tax, waived, budget) {
                    (Some(price), Some(postage), Some(import_tax), Some(tax_waived_up_to), Some(budget)) => {
                        Some(Purchase {
                            item: d.item.clone(),
                            hs_code: d.hs_code.clone(),
                            price,
                            postage,
                            import_tax,
                            tax_waived_up_to,
                            budget,
                            source: d.source.clone(),
                        })
                    }
                    _ => return None,
                }
            }
        };
        Some(Self {
            platform: def.platform.clone(),
            increments: increments?,
            final_value_fee: final_value_fee?,
            illustrative_fees: def.illustrative_fees.clone(),
            soft_close_minutes: def.soft_close_minutes,
            buyers_per_day: def.buyers_per_day,
            values: (low?, mode?, high?),
            bargainers,
            question_chance: question_chance?,
            postage,
            collection_fee: Money::new(collection_fee?, code, exponent),
            purchase,
        })
    }
}

impl Storefront {
    /// Validates the marketplace of market `p`, whose prices are in `currency`.
    pub fn validate(
        c: &mut Checker,
        p: &str,
        def: &StorefrontDef,
        currency: Option<CurrencyCode>,
        skus: &[&str],
    ) -> Option<Self> {
        if !(20..=500).contains(&def.title_limit) {
            c.say(
                &format!("{p}.title_limit"),
                Said::new("check-desk-title-limit").with("limit", def.title_limit),
                Some(Said::new("check-desk-title-limit-hint")),
            );
        }
        let referral_fee = c.percent(&format!("{p}.referral_fee"), &def.referral_fee, 0, 5_000);
        let mut referral_fees = Vec::new();
        let mut categorised: Vec<&str> = Vec::new();
        for (i, f) in def.referral_fees.iter().enumerate() {
            let fp = format!("{p}.referral_fees[{i}]");
            if f.source.trim().is_empty() {
                c.say(
                    &format!("{fp}.source"),
                    Said::new("check-desk-fee-source"),
                    Some(Said::new("check-desk-fee-source-hint")),
                );
            }
            for (j, sku) in f.products.iter().enumerate() {
                c.reference(&format!("{fp}.products[{j}]"), "product", sku, skus.iter().copied());
                if categorised.contains(&sku.as_str()) {
                    c.say(
                        &format!("{fp}.products[{j}]"),
                        Said::new("check-desk-fee-two-categories").with("product", sku.as_str()),
                        Some(Said::new("check-desk-fee-two-categories-hint")),
                    );
                }
                categorised.push(sku);
            }
            if f.bands.is_empty() {
                c.say(
                    &format!("{fp}.bands"),
                    Said::new("check-desk-no-fee-bands"),
                    Some(Said::new("check-desk-no-fee-bands-hint")),
                );
            }
            let mut bands = Vec::new();
            let mut last: Option<i64> = None;
            for (j, b) in f.bands.iter().enumerate() {
                let bp = format!("{fp}.bands[{j}]");
                let rate = c.percent(&format!("{bp}.rate"), &b.rate, 0, 5_000);
                let up_to = match (&b.up_to, currency) {
                    (Some(text), Some(code)) => match crate::sim::money::parse_amount(text, c.exponent_of(code)) {
                        Ok(v) if v > 0 && last.is_none_or(|l| v > l) => Some(v),
                        _ => {
                            c.say(
                                &format!("{bp}.up_to"),
                                Said::new("check-desk-band-up-to").with("text", text.as_str()),
                                Some(Said::new("check-desk-band-up-to-hint")),
                            );
                            None
                        }
                    },
                    _ => None,
                };
                let is_last = j + 1 == f.bands.len();
                if b.up_to.is_none() != is_last {
                    c.say(
                        &format!("{bp}.up_to"),
                        Said::new("check-desk-band-last"),
                        Some(Said::new("check-desk-band-last-hint")),
                    );
                }
                last = up_to.or(last);
                if let Some(rate) = rate {
                    bands.push((up_to, rate));
                }
            }
            referral_fees.push(ReferralFee {
                category: f.category.clone(),
                products: f.products.clone(),
                bands,
                by_portion: f.by_portion,
                source: f.source.clone(),
                unverified: f.unverified.clone(),
            });
        }
        let payout_fee = c.percent(&format!("{p}.payout_fee"), &def.payout_fee, 0, 1_000);
        let return_rate = match &def.return_rate {
            Some(text) => c.percent(&format!("{p}.return_rate"), text, 0, 5_000),
            None => Some(BasisPoints(0)),
        };
        if def.keywords.is_empty() || def.keywords.len() > 64 {
            c.say(
                &format!("{p}.keywords"),
                Said::new("check-desk-keyword-count").with("count", def.keywords.len()),
                Some(Said::new("check-desk-keyword-count-hint")),
            );
        }
        c.unique(
            &format!("{p}.keywords"),
            "text",
            "keyword",
            def.keywords.iter().map(|k| k.text.as_str()),
        );
        let keywords: Vec<Keyword> = def
            .keywords
            .iter()
            .map(|k| Keyword {
                text: k.text.trim().to_lowercase(),
                volume: k.monthly_searches,
            })
            .collect();
        let mut seasons = Vec::new();
        for (i, s) in def.seasons.iter().enumerate() {
            let sp = format!("{p}.seasons[{i}]");
            c.text(&format!("{sp}.name"), &s.name);
            let from = c.date(&format!("{sp}.from"), &s.from);
            let to = c.date(&format!("{sp}.to"), &s.to);
            let traffic = c.percent(&format!("{sp}.traffic"), &s.traffic, 0, 100_000);
            if let (Some(from), Some(to)) = (from, to)
                && to < from
            {
                c.say(
                    &format!("{sp}.to"),
                    Said::new("check-desk-season-order")
                        .with("to", to.to_string())
                        .with("from", from.to_string()),
                    Some(Said::new("check-desk-season-order-hint")),
                );
            }
            if let (Some(from), Some(to), Some(traffic)) = (from, to, traffic) {
                seasons.push(Season {
                    name: s.name.clone(),
                    from,
                    to,
                    traffic,
                });
            }
        }
        c.unique(
            &format!("{p}.competitors"),
            "id",
            "competitor id",
            def.competitors.iter().map(|x| x.id.as_str()),
        );
        let mut competitors = Vec::new();
        for (i, d) in def.competitors.iter().enumerate() {
            let cp = format!("{p}.competitors[{i}]");
            c.id(&format!("{cp}.id"), &d.id);
            c.reference(&format!("{cp}.product"), "product", &d.product, skus.iter().copied());
            let in_market = |c: &mut Checker, field: &str, m: &MoneyDef| {
                in_market_currency(
                    c,
                    &format!("{cp}.{field}"),
                    m,
                    currency,
                    "check-desk-competitor-currency-hint",
                )
            };
            let price = in_market(c, "price", &d.price);
            let bid = match &d.bid {
                Some(b) => in_market(c, "bid", b),
                None => Some(0),
            };
            let daily_budget = match &d.daily_budget {
                Some(b) => in_market(c, "daily_budget", b),
                None => Some(0),
            };
            if d.bid.is_some() != d.daily_budget.is_some() {
                c.say(
                    &cp,
                    Said::new("check-desk-bid-budget"),
                    Some(Said::new("check-desk-bid-budget-hint")),
                );
            }
            let rating = c.decimal(&format!("{cp}.rating"), &d.rating, Micros(0), Micros(5_000_000));
            if rating.is_some_and(|r| r.0 % 100_000 != 0) {
                c.say(
                    &format!("{cp}.rating"),
                    Said::new("check-desk-rating-decimal"),
                    Some(Said::new("check-desk-rating-decimal-hint")),
                );
            }
            if d.quality > 1000 {
                c.say(
                    &format!("{cp}.quality"),
                    Said::new("check-desk-competitor-quality"),
                    None,
                );
            }
            let mut mask = 0u64;
            for (j, k) in d.keywords.iter().enumerate() {
                let wanted = k.trim().to_lowercase();
                match keywords.iter().position(|x| x.text == wanted) {
                    Some(index) if index < 64 => mask |= 1 << index,
                    _ => {
                        c.reference(
                            &format!("{cp}.keywords[{j}]"),
                            "keyword",
                            k,
                            def.keywords.iter().map(|x| x.text.as_str()),
                        );
                    }
                }
            }
            if let (Some(price), Some(bid), Some(daily_budget), Some(rating)) = (price, bid, daily_budget, rating) {
                competitors.push(Competitor {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    sku: d.product.clone(),
                    price,
                    rating_tenths: (rating.0 / 100_000) as u16,
                    reviews: d.reviews,
                    stock: d.stock,
                    quality: d.quality.min(1000),
                    keywords: mask,
                    bid,
                    daily_budget,
                    pricing: d.pricing,
                    delivery_days: u16::try_from(d.delivery_days.unwrap_or(2)).unwrap_or(u16::MAX),
                });
            }
            if d.delivery_days.is_some_and(|days| !(1..=60).contains(&days)) {
                c.say(
                    &format!("{cp}.delivery_days"),
                    Said::new("check-desk-delivery-days"),
                    Some(Said::new("check-desk-delivery-days-hint")),
                );
            }
        }
        let shipping = validate_shipping(c, p, def);
        let coupon_fee = match &def.coupon_fee {
            Some(m) => in_market_currency(
                c,
                &format!("{p}.coupon_fee"),
                m,
                currency,
                "check-desk-fee-currency-hint",
            ),
            None => Some(0),
        };
        c.unique(
            &format!("{p}.influencers"),
            "id",
            "influencer id",
            def.influencers.iter().map(|x| x.id.as_str()),
        );
        let mut influencers = Vec::new();
        for (i, d) in def.influencers.iter().enumerate() {
            let ip = format!("{p}.influencers[{i}]");
            c.id(&format!("{ip}.id"), &d.id);
            let engagement = c.percent(&format!("{ip}.engagement"), &d.engagement, 1, 5_000);
            let fee = in_market_currency(
                c,
                &format!("{ip}.fee"),
                &d.fee,
                currency,
                "check-desk-creator-currency-hint",
            );
            for (j, sku) in d.fits.iter().enumerate() {
                c.reference(&format!("{ip}.fits[{j}]"), "product", sku, skus.iter().copied());
            }
            if d.followers == 0 {
                c.say(
                    &format!("{ip}.followers"),
                    Said::new("check-desk-no-followers"),
                    Some(Said::new("check-desk-no-followers-hint")),
                );
            }
            if let (Some(engagement), Some(fee)) = (engagement, fee) {
                influencers.push(Influencer {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    channel: d.channel.clone(),
                    followers: d.followers,
                    engagement,
                    fee,
                    fits: d.fits.clone(),
                });
            }
        }
        let mut model_listings = Vec::new();
        for (i, d) in def.model_listings.iter().enumerate() {
            let mp = format!("{p}.model_listings[{i}]");
            c.reference(&format!("{mp}.product"), "product", &d.product, skus.iter().copied());
            let length = d.title.chars().count();
            if d.title.trim().is_empty() || length > def.title_limit as usize {
                c.say(
                    &format!("{mp}.title"),
                    Said::new("check-desk-model-title").with("length", length),
                    Some(Said::new("check-desk-model-title-hint").with("limit", def.title_limit)),
                );
            }
            model_listings.push((
                d.product.clone(),
                super::storefront::ListingText {
                    title: d.title.clone(),
                    bullets: d.bullets.clone(),
                    description: d.description.clone(),
                    search_terms: d.search_terms.clone(),
                    attributes: d.attributes.clone(),
                    images: Vec::new(),
                },
            ));
        }
        c.unique(
            &format!("{p}.model_listings"),
            "product",
            "model listing product",
            def.model_listings.iter().map(|m| m.product.as_str()),
        );
        Some(Self {
            platform: def.platform.clone(),
            title_limit: def.title_limit,
            referral_fee: referral_fee?,
            referral_fees,
            illustrative_fees: def.illustrative_fees.clone(),
            payout_fee: payout_fee?,
            required_attributes: def.required_attributes.clone(),
            banned_words: def.banned_words.clone(),
            keywords,
            seasons,
            competitors,
            return_rate: return_rate?,
            shipping: shipping?,
            coupon_fee: coupon_fee?,
            influencers,
            model_listings,
        })
    }
}

/// Money that must be in the market's currency (competitors' prices, platform fees); `hint`
/// is the catalogue key of why.
fn in_market_currency(
    c: &mut Checker,
    path: &str,
    def: &MoneyDef,
    currency: Option<CurrencyCode>,
    hint: &'static str,
) -> Option<i64> {
    let money = c.money(path, def, false)?;
    if Some(money.currency) != currency {
        let message = match currency {
            Some(market) => Said::new("check-desk-not-market-currency-named").with("market", market.to_string()),
            None => Said::new("check-desk-not-market-currency"),
        };
        c.say(
            &format!("{path}.currency"),
            message.with("currency", money.currency.to_string()),
            Some(Said::new(hint)),
        );
        return None;
    }
    Some(money.minor)
}

/// The shipping options: at least one; a warehouse needs its inbound freight and days, a
/// direct option must not have them.
fn validate_shipping(c: &mut Checker, p: &str, def: &StorefrontDef) -> Option<Vec<ShippingOption>> {
    if def.shipping.is_empty() {
        c.say(
            &format!("{p}.shipping"),
            Said::new("check-desk-no-shipping"),
            Some(Said::new("check-desk-no-shipping-hint")),
        );
        return None;
    }
    c.unique(
        &format!("{p}.shipping"),
        "id",
        "shipping option id",
        def.shipping.iter().map(|x| x.id.as_str()),
    );
    let mut options = Vec::new();
    let mut complete = true;
    for (i, d) in def.shipping.iter().enumerate() {
        let sp = format!("{p}.shipping[{i}]");
        c.id(&format!("{sp}.id"), &d.id);
        c.text(&format!("{sp}.name"), &d.name);
        let cost = c.money(&format!("{sp}.cost_per_parcel"), &d.cost_per_parcel, false);
        if !(1..=90).contains(&d.transit_days) {
            c.say(
                &format!("{sp}.transit_days"),
                Said::new("check-desk-shipping-transit").with("days", d.transit_days),
                Some(Said::new("check-desk-shipping-transit-hint")),
            );
        }
        let warehouse = d.kind == ShippingKind::OverseasWarehouse;
        let inbound = match (&d.inbound_per_unit, d.inbound_days, warehouse) {
            (Some(m), Some(days), true) => {
                if !(1..=120).contains(&days) {
                    c.say(
                        &format!("{sp}.inbound_days"),
                        Said::new("check-desk-inbound-days").with("days", days),
                        Some(Said::new("check-desk-inbound-days-hint")),
                    );
                }
                c.money(&format!("{sp}.inbound_per_unit"), m, false)
                    .map(|m| (Some(m), days))
            }
            (_, _, true) => {
                c.say(
                    &sp,
                    Said::new("check-desk-warehouse-inbound"),
                    Some(Said::new("check-desk-warehouse-inbound-hint")),
                );
                None
            }
            (None, None, false) => Some((None, 0)),
            (_, _, false) => {
                c.say(
                    &sp,
                    Said::new("check-desk-inbound-not-warehouse"),
                    Some(Said::new("check-desk-inbound-not-warehouse-hint")),
                );
                None
            }
        };
        match (cost, inbound) {
            (Some(cost), Some((inbound_per_unit, inbound_days))) => options.push(ShippingOption {
                id: d.id.clone(),
                kind: d.kind,
                name: d.name.clone(),
                cost_per_parcel: cost,
                transit_days: u16::try_from(d.transit_days).unwrap_or(u16::MAX),
                inbound_per_unit,
                inbound_days,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(options)
}

/// `text` could not be read as a decimal: why, as a catalogue sentence.
fn not_a_decimal(text: &str, e: DecimalError) -> Said {
    match e {
        DecimalError::NotANumber => Said::new("check-desk-not-a-number"),
        DecimalError::DecimalComma => Said::new("check-desk-decimal-comma"),
        DecimalError::TooManyDecimals { max } => Said::new("check-desk-too-many-decimals").with("max", max),
        DecimalError::TooLarge => Said::new("check-desk-too-large"),
    }
    .with("text", text)
}

fn verdict(v: StatementVerdict) -> Verdict {
    match v {
        StatementVerdict::Right => Verdict::Right,
        StatementVerdict::Vague => Verdict::Vague,
        StatementVerdict::Wrong => Verdict::Wrong,
        StatementVerdict::Unlawful => Verdict::Unlawful,
    }
}

impl Letter {
    /// Validates the letter of task `p`; a letter needs the task's counterpart (who wrote
    /// it), and a computed parcel total needs the task's market.
    pub fn validate(
        c: &mut Checker,
        p: &str,
        def: &LetterDef,
        skus: &[&str],
        has_counterpart: bool,
        has_market: bool,
    ) -> Option<Self> {
        if !has_counterpart {
            c.say(
                p,
                Said::new("check-desk-letter-counterpart"),
                Some(Said::new("check-desk-letter-counterpart-hint")),
            );
        }
        if def.points.is_empty() {
            c.say(
                &format!("{p}.points"),
                Said::new("check-desk-letter-no-points"),
                Some(Said::new("check-desk-letter-no-points-hint")),
            );
        }
        if def.reply_within_days == 0 {
            c.say(
                &format!("{p}.reply_within_days"),
                Said::new("check-desk-letter-wait"),
                Some(Said::new("check-desk-letter-wait-hint")),
            );
        }
        c.unique(
            &format!("{p}.points"),
            "id",
            "point id",
            def.points.iter().map(|x| x.id.as_str()),
        );
        let mut points = Vec::new();
        for (i, d) in def.points.iter().enumerate() {
            let pp = format!("{p}.points[{i}]");
            c.id(&format!("{pp}.id"), &d.id);
            c.text(&format!("{pp}.label"), &d.label);
            let source = match (&d.computed, d.options.is_empty()) {
                (Some(_), false) => {
                    c.say(
                        &pp,
                        Said::new("check-desk-point-both"),
                        Some(Said::new("check-desk-point-both-hint")),
                    );
                    continue;
                }
                (Some(ComputedPointDef::ParcelTotal { products }), true) => {
                    if !has_market {
                        c.say(
                            &format!("{pp}.computed"),
                            Said::new("check-desk-parcel-market"),
                            Some(Said::new("check-desk-parcel-market-hint")),
                        );
                    }
                    if products.is_empty() {
                        c.say(
                            &format!("{pp}.computed.products"),
                            Said::new("check-desk-parcel-no-products"),
                            None,
                        );
                    }
                    for (j, sku) in products.iter().enumerate() {
                        c.reference(
                            &format!("{pp}.computed.products[{j}]"),
                            "product",
                            sku,
                            skus.iter().copied(),
                        );
                    }
                    PointSource::ParcelTotal {
                        products: products.clone(),
                    }
                }
                (None, _) => {
                    let right = d
                        .options
                        .iter()
                        .filter(|o| o.verdict == StatementVerdict::Right)
                        .count();
                    if d.options.len() < 2 || right != 1 {
                        c.say(
                            &format!("{pp}.options"),
                            Said::new("check-desk-point-statements")
                                .with("statements", d.options.len())
                                .with("right", right),
                            Some(Said::new("check-desk-point-statements-hint")),
                        );
                    }
                    for (j, o) in d.options.iter().enumerate() {
                        if o.text.trim().is_empty() {
                            c.say(
                                &format!("{pp}.options[{j}].text"),
                                Said::new("check-desk-empty-statement"),
                                None,
                            );
                        }
                        c.text(&format!("{pp}.options[{j}].why"), &o.why);
                    }
                    PointSource::Written(
                        d.options
                            .iter()
                            .map(|o| Statement {
                                text: Text {
                                    en: o.text.clone(),
                                    zh: String::new(),
                                },
                                verdict: verdict(o.verdict),
                                why: o.why.clone(),
                            })
                            .collect(),
                    )
                }
            };
            let phrases = d
                .written
                .as_ref()
                .map(|w| written_phrases(c, &format!("{pp}.written"), w))
                .unwrap_or_default();
            points.push(LetterPoint {
                id: d.id.clone(),
                label: d.label.clone(),
                source,
                phrases,
            });
        }
        Some(Self {
            reply_within_days: def.reply_within_days,
            points,
        })
    }
}

/// Longest phrase of a point's `written`, in characters, and most phrases of each kind.
const MAX_PHRASE_CHARS: usize = 80;
const MAX_PHRASES: usize = 24;

/// A point's phrases for written replies, lower-cased: each non-empty and short, each wrong
/// phrase with its reason, none both required and wrong.
fn written_phrases(c: &mut Checker, p: &str, def: &WrittenPointDef) -> PointPhrases {
    let check = |c: &mut Checker, path: String, phrase: &str| {
        let chars = phrase.trim().chars().count();
        if chars == 0 || chars > MAX_PHRASE_CHARS {
            c.say(
                &path,
                Said::new("check-letter-phrase-length").with("chars", chars),
                Some(Said::new("check-letter-phrase-length-hint").with("max", MAX_PHRASE_CHARS)),
            );
        }
        phrase.trim().to_lowercase()
    };
    let wrong_count: usize = def.wrong.iter().map(|w| w.phrases.len()).sum();
    for (list, len) in [("must_say", def.must_say.len()), ("wrong", wrong_count)] {
        if len > MAX_PHRASES {
            c.say(
                &format!("{p}.{list}"),
                Said::new("check-letter-phrases-many").with("count", len),
                Some(Said::new("check-letter-phrases-many-hint").with("max", MAX_PHRASES)),
            );
        }
    }
    let must_say: Vec<String> = def
        .must_say
        .iter()
        .enumerate()
        .map(|(i, m)| check(c, format!("{p}.must_say[{i}]"), m))
        .collect();
    let mut wrong = Vec::new();
    for (i, w) in def.wrong.iter().enumerate() {
        c.text(&format!("{p}.wrong[{i}].why"), &w.why);
        if w.phrases.is_empty() {
            c.say(
                &format!("{p}.wrong[{i}].phrases"),
                Said::new("check-letter-phrases-none"),
                None,
            );
        }
        for (j, phrase) in w.phrases.iter().enumerate() {
            let path = format!("{p}.wrong[{i}].phrases[{j}]");
            let phrase = check(c, path.clone(), phrase);
            if must_say.contains(&phrase) {
                c.say(
                    &path,
                    Said::new("check-letter-phrase-both").with("phrase", phrase.as_str()),
                    None,
                );
            }
            wrong.push((phrase, w.why.clone()));
        }
    }
    PointPhrases { must_say, wrong }
}

impl Check {
    /// Validates a check of criterion `p` of a task that has what `has` says.
    pub fn validate(c: &mut Checker, p: &str, def: &CheckDef, skus: &[&str], has: TaskHas<'_>) -> Option<Self> {
        let (has_product, has_counterpart) = (has.product, has.counterpart);
        let need = |c: &mut Checker, ok: bool, what: &str| {
            if !ok {
                c.say(
                    p,
                    Said::new("check-desk-check-needs").with("field", what),
                    Some(Said::new("check-desk-check-needs-hint").with("field", what)),
                );
            }
            ok
        };
        // A utility threshold, "0" to "1", in micro-utility.
        let utility = |c: &mut Checker, min: &str| {
            c.decimal(
                &format!("{p}.min"),
                min,
                crate::sim::money::Micros(0),
                crate::sim::money::Micros::ONE,
            )
            .map(|m| m.0 as u32)
        };
        let sku = |c: &mut Checker, field: &str, s: &str| {
            c.reference(&format!("{p}.{field}"), "product", s, skus.iter().copied());
        };
        Some(match def {
            CheckDef::AllListedByDueDay => Check::AllListedByDueDay,
            CheckDef::FormatChoice { auction, fixed } => {
                for (i, s) in auction.iter().enumerate() {
                    sku(c, &format!("auction[{i}]"), s);
                }
                for (i, s) in fixed.iter().enumerate() {
                    sku(c, &format!("fixed[{i}]"), s);
                }
                Check::FormatChoice {
                    auction: auction.clone(),
                    fixed: fixed.clone(),
                }
            }
            CheckDef::FloorsCoverCosts => Check::FloorsCoverCosts,
            CheckDef::HonestDescriptions => Check::HonestDescriptions,
            CheckDef::CounteredLowOffer { below } => Check::CounteredLowOffer {
                below: c.percent(&format!("{p}.below"), below, 1, 10_000)?,
            },
            CheckDef::NoSaleBelowBreakEven => Check::NoSaleBelowBreakEven,
            CheckDef::SoldAtLeast { product, share } => {
                sku(c, "product", product);
                Check::SoldAtLeast {
                    product: product.clone(),
                    share: c.percent(&format!("{p}.share"), share, 1, 20_000)?,
                }
            }
            CheckDef::AuctionSoldAboveReserve { product } => {
                sku(c, "product", product);
                Check::AuctionSoldAboveReserve {
                    product: product.clone(),
                }
            }
            CheckDef::AnsweredWithin { days, min_score } => {
                need(c, has_counterpart, "counterpart").then_some(())?;
                Check::AnsweredWithin {
                    days: *days,
                    min_score: *min_score,
                }
            }
            CheckDef::ChargesExplainedTruly => {
                need(c, has_counterpart, "counterpart").then_some(())?;
                Check::ChargesExplainedTruly
            }
            CheckDef::AllTopicsAnsweredTruly => {
                need(c, has_counterpart, "counterpart").then_some(())?;
                Check::AllTopicsAnsweredTruly
            }
            CheckDef::AnswerTone { min } => {
                need(c, has_counterpart, "counterpart").then_some(())?;
                if *min > 30 {
                    c.say(
                        &format!("{p}.min"),
                        Said::new("check-desk-tone-max"),
                        Some(Said::new("check-desk-tone-max-hint")),
                    );
                }
                Check::AnswerTone { min: *min }
            }
            CheckDef::CounterpartTookPart => {
                need(c, has_counterpart, "counterpart").then_some(())?;
                Check::CounterpartTookPart
            }
            CheckDef::Cn23Right { boxes } => {
                need(c, has_product, "product").then_some(())?;
                Check::Cn23Right { boxes: boxes.clone() }
            }
            CheckDef::ParcelDelivered => {
                need(c, has_product, "product").then_some(())?;
                Check::ParcelDelivered
            }
            CheckDef::DeclarationFields { fields } => {
                for (i, f) in fields.iter().enumerate() {
                    c.reference(
                        &format!("{p}.fields[{i}]"),
                        "declaration field",
                        f,
                        DECLARATION_FIELDS.iter().copied(),
                    );
                }
                Check::DeclarationFields { fields: fields.clone() }
            }
            CheckDef::DeclarationFirstTime => Check::DeclarationFirstTime,
            CheckDef::ListingQualityAtLeast { min } => {
                if *min > 1000 {
                    c.say(
                        &format!("{p}.min"),
                        Said::new("check-desk-quality-max"),
                        Some(Said::new("check-desk-quality-max-hint")),
                    );
                }
                Check::ListingQualityAtLeast { min: *min }
            }
            CheckDef::MarginAtLeast { share } => Check::MarginAtLeast {
                share: c.percent(&format!("{p}.share"), share, -10_000, 10_000)?,
            },
            CheckDef::AcosBelowMargin => {
                need(c, has_product, "product").then_some(())?;
                Check::AcosBelowMargin
            }
            CheckDef::UnitsSoldAtLeast { units } => {
                need(c, has_product, "product").then_some(())?;
                Check::UnitsSoldAtLeast { units: *units }
            }
            CheckDef::ListingLive => {
                need(c, has_product, "product").then_some(())?;
                Check::ListingLive
            }
            CheckDef::AcosAtMost { max } => {
                need(c, has_product, "product").then_some(())?;
                Check::AcosAtMost {
                    max: c.percent(&format!("{p}.max"), max, 1, 100_000)?,
                }
            }
            CheckDef::AdsCutWhenLosing { days } => {
                need(c, has_product, "product").then_some(())?;
                Check::AdsCutWhenLosing { days: *days }
            }
            CheckDef::CostSheetRight { lines } => {
                if lines.is_empty() {
                    c.say(
                        &format!("{p}.lines"),
                        Said::new("check-desk-no-cost-lines"),
                        Some(Said::new("check-desk-no-cost-lines-hint")),
                    );
                }
                Check::CostSheetRight { lines: lines.clone() }
            }
            CheckDef::PricedForMarket { within } => {
                need(c, has_product, "product").then_some(())?;
                Check::PricedForMarket {
                    within: c.percent(&format!("{p}.within"), within, 0, 10_000)?,
                }
            }
            CheckDef::StoreProfitable => Check::StoreProfitable,
            CheckDef::OpeningOfferWorth { min } => {
                need(c, has.negotiation, "negotiation").then_some(())?;
                Check::OpeningOfferWorth { min: utility(c, min)? }
            }
            CheckDef::ConcessionsShrink => {
                need(c, has.negotiation, "negotiation").then_some(())?;
                Check::ConcessionsShrink
            }
            CheckDef::LetterPointRight { point } => {
                let Some(letter) = has.letter else {
                    need(c, false, "letter");
                    return None;
                };
                c.reference(
                    &format!("{p}.point"),
                    "letter point",
                    point,
                    letter.points.iter().map(|x| x.id.as_str()),
                );
                Check::LetterPointRight { point: point.clone() }
            }
            CheckDef::AgreedUtilityAtLeast { min } => {
                need(c, has.negotiation, "negotiation").then_some(())?;
                Check::AgreedUtilityAtLeast { min: utility(c, min)? }
            }
            CheckDef::DocumentsFirstTime => {
                need(c, has.negotiation, "negotiation").then_some(())?;
                Check::DocumentsFirstTime
            }
            CheckDef::CashGainAtLeast { amount } => Check::CashGainAtLeast {
                amount: c.money(&format!("{p}.amount"), amount, false)?,
            },
            CheckDef::ContractSigned => Check::ContractSigned,
            CheckDef::ContractIncoterm { allowed } => Check::ContractIncoterm {
                allowed: allowed.clone(),
            },
            CheckDef::ContractPayment { allowed } => Check::ContractPayment {
                allowed: allowed.clone(),
            },
            CheckDef::ContractMarginAtLeast { share } => Check::ContractMarginAtLeast {
                share: c.percent(&format!("{p}.share"), share, -10_000, 10_000)?,
            },
            CheckDef::All(list) if list.is_empty() => {
                c.say(
                    p,
                    Said::new("check-desk-all-empty"),
                    Some(Said::new("check-desk-all-empty-hint")),
                );
                return None;
            }
            CheckDef::All(list) => Check::All(
                list.iter()
                    .enumerate()
                    .map(|(i, d)| Check::validate(c, &format!("{p}[{i}]"), d, skus, has))
                    .collect::<Option<Vec<_>>>()?,
            ),
        })
    }
}

/// What the task of a criterion has that some checks need.
#[derive(Debug, Clone, Copy)]
pub struct TaskHas<'a> {
    pub product: bool,
    pub counterpart: bool,
    pub negotiation: bool,
    pub letter: Option<&'a LetterDef>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's English of a price that is not a decimal is what the error itself says.
    #[test]
    fn a_decimal_error_reads_as_its_own_english() {
        for e in [
            DecimalError::NotANumber,
            DecimalError::DecimalComma,
            DecimalError::TooManyDecimals { max: 2 },
            DecimalError::TooLarge,
        ] {
            let said = crate::i18n::english().say(&not_a_decimal("8,25", e));
            assert_eq!(said, format!("`8,25` {e}"));
        }
    }
}
