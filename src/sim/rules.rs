//! Validated rule packs: customs and tax rules with effective dates, and which are in force.

use crate::scenario::error::Diagnostic;
use crate::scenario::file::{DutyRateDef, FORMAT_VERSION, RuleKind as RuleKindDef, RulePackFile};
use crate::sim::said::Said;
use crate::sim::terms::{Channel, ContentUnit, ExportRefund, MeasureUnit, Relief, Text, Valuation};

use super::check::{Checker, ISO_CURRENCIES, iso_exponent};
use super::date::Date;
use super::money::{BasisPoints, CurrencyCode, Money};

/// A validated rule pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulePack {
    id: String,
    name: Text,
    jurisdiction: String,
    currency: CurrencyCode,
    exponent: u32,
    valuation: Valuation,
    notes: String,
    rules: Vec<Rule>,
}

/// One rule with its effective window (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Shared, so cost breakdowns can cite the rule without copying its texts.
    pub id: std::sync::Arc<str>,
    pub channel: Channel,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    /// The source as cited to students: with `— NOT VERIFIED: …` appended when the pack says
    /// part of the rule could not be verified.
    pub source: std::sync::Arc<str>,
    /// False when the pack marks the rule (or a figure in it) as not verified.
    pub verified: bool,
    /// Only goods of these origins; empty: all.
    pub origins: Vec<String>,
    /// Goods of these origins are left out.
    pub excluding_origins: Vec<String>,
    pub kind: RuleKind,
}

/// What a rule says, with every number parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleKind {
    Vat {
        rate: BasisPoints,
        country: String,
        hs_prefixes: Vec<String>,
    },
    Duty {
        hs_prefix: String,
        rate: DutyRate,
        /// A preferential rate: applies only with a proof of origin.
        needs_proof_of_origin: bool,
    },
    AdditionalDuty {
        program: String,
        hs_prefix: String,
        rate: DutyRate,
    },
    ConsumptionTax {
        hs_prefix: String,
        rate: BasisPoints,
        /// Only goods priced at least this much per unit of content are taxed; empty: all.
        price_at_least: Vec<PriceThreshold>,
    },
    DeMinimis {
        threshold: Money,
        relieves: Relief,
    },
    TransactionLimit {
        per_transaction: Money,
        per_person_per_year: Money,
    },
    TaxReduction {
        percent_of_normal: BasisPoints,
    },
    FixedDutyPerCategory {
        amount: Money,
        up_to_value: Money,
    },
    VatAtPointOfSale {
        threshold: Money,
    },
    ExportVat {
        refund: ExportRefund,
        requires: String,
        rebate_rate: Option<BasisPoints>,
    },
}

/// A price test's threshold: `amount` per one `per` of a unit's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceThreshold {
    pub amount: Money,
    pub per: ContentUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DutyRate {
    AdValorem(BasisPoints),
    Specific {
        amount: Money,
        per: MeasureUnit,
    },
    Compound {
        percent: BasisPoints,
        amount: Money,
        per: MeasureUnit,
    },
}

impl RuleKind {
    /// Every amount of money the rule states.
    pub fn amounts(&self) -> Vec<Money> {
        match self {
            RuleKind::Vat { .. } | RuleKind::TaxReduction { .. } | RuleKind::ExportVat { .. } => Vec::new(),
            RuleKind::ConsumptionTax { price_at_least, .. } => price_at_least.iter().map(|t| t.amount).collect(),
            RuleKind::Duty { rate, .. } | RuleKind::AdditionalDuty { rate, .. } => match rate {
                DutyRate::AdValorem(_) => Vec::new(),
                DutyRate::Specific { amount, .. } | DutyRate::Compound { amount, .. } => vec![*amount],
            },
            RuleKind::DeMinimis { threshold, .. } | RuleKind::VatAtPointOfSale { threshold } => vec![*threshold],
            RuleKind::TransactionLimit {
                per_transaction,
                per_person_per_year,
            } => vec![*per_transaction, *per_person_per_year],
            RuleKind::FixedDutyPerCategory { amount, up_to_value } => vec![*amount, *up_to_value],
        }
    }
}

impl Rule {
    /// True when the rule applies on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date <= to)
    }

    /// True when the rule covers goods of `origin` (ISO alpha-2; `""` when not known, which a
    /// rule for named origins does not cover).
    pub fn covers_origin(&self, origin: &str) -> bool {
        (self.origins.is_empty() || self.origins.iter().any(|o| o == origin))
            && !self.excluding_origins.iter().any(|o| o == origin)
    }

    /// ` for goods of CN, HK` / ` except goods of CN, HK`, or nothing.
    fn origin_label(&self) -> String {
        let mut out = String::new();
        if !self.origins.is_empty() {
            out.push_str(&format!(" for goods of {}", self.origins.join(", ")));
        }
        if !self.excluding_origins.is_empty() {
            out.push_str(&format!(" except goods of {}", self.excluding_origins.join(", ")));
        }
        out
    }

    /// One line for lists: `De minimis: up to 800.00 USD relieved of DutyAndVat except goods of
    /// CN, HK`.
    pub fn summary(&self) -> String {
        match self.kind {
            RuleKind::Duty { .. } | RuleKind::AdditionalDuty { .. } => self.kind_summary(),
            _ => format!("{}{}", self.kind_summary(), self.origin_label()),
        }
    }

    fn kind_summary(&self) -> String {
        match &self.kind {
            RuleKind::Vat {
                rate,
                country,
                hs_prefixes,
            } => {
                let place = if country.is_empty() {
                    String::new()
                } else {
                    format!(" in {country}")
                };
                let goods = if hs_prefixes.is_empty() {
                    String::new()
                } else {
                    format!(" for HS {}", hs_prefixes.join(", "))
                };
                format!("VAT {rate}{place}{goods}")
            }
            RuleKind::Duty {
                hs_prefix,
                rate,
                needs_proof_of_origin,
            } => format!(
                "Duty {} on HS {}{}{}",
                rate.summary(),
                prefix_label(hs_prefix),
                self.origin_label(),
                if *needs_proof_of_origin {
                    ", with a proof of origin"
                } else {
                    ""
                }
            ),
            RuleKind::AdditionalDuty {
                program,
                hs_prefix,
                rate,
            } => format!(
                "{program}: additional duty {} on HS {}{}",
                rate.summary(),
                prefix_label(hs_prefix),
                self.origin_label()
            ),
            RuleKind::ConsumptionTax {
                hs_prefix,
                rate,
                price_at_least,
            } => {
                let test = if price_at_least.is_empty() {
                    String::new()
                } else {
                    let thresholds: Vec<String> = price_at_least
                        .iter()
                        .map(|t| format!("{} per {}", t.amount, t.per.symbol()))
                        .collect();
                    format!(" priced at least {}", thresholds.join(" or "))
                };
                format!("Consumption tax {rate} on HS {}{test}", prefix_label(hs_prefix))
            }
            RuleKind::DeMinimis { threshold, relieves } => {
                format!("De minimis: up to {threshold} relieved of {relieves:?}")
            }
            RuleKind::TransactionLimit {
                per_transaction,
                per_person_per_year,
            } => {
                format!("Limits: {per_transaction} per transaction, {per_person_per_year} per person per year")
            }
            RuleKind::TaxReduction { percent_of_normal } => format!("Taxes charged at {percent_of_normal} of normal"),
            RuleKind::FixedDutyPerCategory { amount, up_to_value } => {
                format!("Fixed duty {amount} per tariff subheading up to {up_to_value}")
            }
            RuleKind::VatAtPointOfSale { threshold } => format!("VAT collected at point of sale up to {threshold}"),
            RuleKind::ExportVat {
                refund,
                requires,
                rebate_rate,
            } => {
                let refund = match (refund, rebate_rate) {
                    (ExportRefund::OnDeparture, Some(rate)) => {
                        format!("input VAT refunded at {rate} once the goods have left")
                    }
                    (ExportRefund::OnDeparture, None) => "input VAT refunded once the goods have left".to_string(),
                    (ExportRefund::NoRefund, _) => "input VAT not refunded".to_string(),
                };
                let requires = if requires.is_empty() {
                    String::new()
                } else {
                    format!(" ({requires})")
                };
                format!("Export VAT: exempt, {refund}{requires}")
            }
        }
    }
}

fn prefix_label(prefix: &str) -> &str {
    if prefix.is_empty() { "all goods" } else { prefix }
}

impl DutyRate {
    pub fn summary(&self) -> String {
        match self {
            DutyRate::AdValorem(p) => p.to_string(),
            DutyRate::Specific { amount, per } => format!("{amount}/{per:?}"),
            DutyRate::Compound { percent, amount, per } => format!("{percent} + {amount}/{per:?}"),
        }
    }
}

impl RulePack {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &Text {
        &self.name
    }

    pub fn jurisdiction(&self) -> &str {
        &self.jurisdiction
    }

    /// The currency duty and tax are assessed in.
    pub fn currency(&self) -> CurrencyCode {
        self.currency
    }

    /// Minor units of [`Self::currency`].
    pub fn exponent(&self) -> u32 {
        self.exponent
    }

    pub fn valuation(&self) -> Valuation {
        self.valuation
    }

    pub fn notes(&self) -> &str {
        &self.notes
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rules in force on `date`, in file order.
    pub fn in_force(&self, date: Date) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.in_force_on(date))
    }

    /// Validates a parsed rule-pack file, collecting every problem.
    ///
    /// # Errors
    /// Every problem, each with its field path.
    pub fn validate(label: &str, file: &RulePackFile) -> Result<Self, Vec<Diagnostic>> {
        let mut c = Checker::new(label);
        if file.format != FORMAT_VERSION {
            c.say(
                "format",
                Said::new("check-format-version").with("version", file.format.to_string()),
                None,
            );
        }
        c.id("id", &file.id);
        c.text("name", &file.name);
        if file.jurisdiction.trim().is_empty() {
            c.say(
                "jurisdiction",
                Said::new("check-jurisdiction-empty"),
                Some(Said::new("check-jurisdiction-empty-hint")),
            );
        }
        let currency = match (CurrencyCode::parse(&file.currency), iso_exponent(&file.currency)) {
            (Some(code), Some(exponent)) => Some((code, exponent)),
            _ => {
                let known: Vec<&str> = ISO_CURRENCIES.iter().map(|(c, _)| *c).collect();
                c.say(
                    "currency",
                    Said::new("check-unknown-currency").with("code", file.currency.as_str()),
                    Some(Said::new("check-use-one-of").with("codes", known.join(", "))),
                );
                None
            }
        };
        c.unique("rules", "id", "rule id", file.rules.iter().map(|r| r.id.as_str()));
        let mut rules = Vec::new();
        for (i, def) in file.rules.iter().enumerate() {
            let p = format!("rules[{i}]");
            c.id(&format!("{p}.id"), &def.id);
            let from = c.date(&format!("{p}.valid_from"), &def.valid_from);
            // Outer None: invalid date; inner None: open-ended.
            let to = match &def.valid_to {
                None => Some(None),
                Some(t) => c.date(&format!("{p}.valid_to"), t).map(Some),
            };
            if let (Some(f), Some(Some(t))) = (from, to)
                && t < f
            {
                c.say(
                    &format!("{p}.valid_to"),
                    Said::new("check-rule-ends-before-start")
                        .with("to", t.to_string())
                        .with("from", f.to_string()),
                    Some(Said::new("check-rule-ends-before-start-hint")),
                );
            }
            if def.source.trim().is_empty() {
                c.say(
                    &format!("{p}.source"),
                    Said::new("check-rule-source"),
                    Some(Said::new("check-rule-source-hint")),
                );
            }
            for (field, list) in [("origins", &def.origins), ("excluding_origins", &def.excluding_origins)] {
                for (j, origin) in list.iter().enumerate() {
                    c.country(&format!("{p}.{field}[{j}]"), origin);
                }
            }
            let kind = validate_kind(&mut c, &format!("{p}.kind"), &def.kind);
            if let (Some(kind), Some((pack_currency, _))) = (&kind, currency) {
                for money in kind.amounts() {
                    if money.currency != pack_currency {
                        c.say(
                            &format!("{p}.kind"),
                            Said::new("check-amount-not-pack-currency")
                                .with("amount", money.to_string())
                                .with("currency", pack_currency.to_string()),
                            Some(
                                Said::new("check-amount-not-pack-currency-hint")
                                    .with("currency", pack_currency.to_string()),
                            ),
                        );
                    }
                }
            }
            if let (Some(valid_from), Some(valid_to), Some(kind)) = (from, to, kind) {
                rules.push(Rule {
                    id: def.id.as_str().into(),
                    channel: def.channel,
                    valid_from,
                    valid_to,
                    source: if def.unverified.trim().is_empty() {
                        def.source.as_str().into()
                    } else {
                        format!("{} — NOT VERIFIED: {}", def.source, def.unverified.trim()).into()
                    },
                    verified: def.unverified.trim().is_empty(),
                    origins: def.origins.clone(),
                    excluding_origins: def.excluding_origins.clone(),
                    kind,
                });
            }
        }
        let Some((currency, exponent)) = currency else {
            return Err(c.into_diagnostics());
        };
        c.finish(RulePack {
            id: file.id.clone(),
            name: file.name.clone(),
            jurisdiction: file.jurisdiction.clone(),
            currency,
            exponent,
            valuation: file.valuation,
            notes: file.notes.clone(),
            rules,
        })
    }
}

fn validate_duty_rate(c: &mut Checker, p: &str, rate: &DutyRateDef) -> Option<DutyRate> {
    Some(match rate {
        DutyRateDef::AdValorem(pct) => DutyRate::AdValorem(c.percent(&format!("{p}.rate"), pct, 0, 100_000)?),
        DutyRateDef::Specific { amount, per } => DutyRate::Specific {
            amount: c.iso_money(&format!("{p}.rate.amount"), amount)?,
            per: *per,
        },
        DutyRateDef::Compound { percent, amount, per } => DutyRate::Compound {
            percent: c.percent(&format!("{p}.rate.percent"), percent, 0, 100_000)?,
            amount: c.iso_money(&format!("{p}.rate.amount"), amount)?,
            per: *per,
        },
    })
}

fn validate_kind(c: &mut Checker, p: &str, kind: &RuleKindDef) -> Option<RuleKind> {
    Some(match kind {
        RuleKindDef::Vat {
            rate,
            country,
            hs_prefixes,
        } => {
            let rate = c.percent(&format!("{p}.rate"), rate, 0, 10_000)?;
            if !country.is_empty() {
                c.country(&format!("{p}.country"), country);
            }
            for (i, prefix) in hs_prefixes.iter().enumerate() {
                c.hs_prefix(&format!("{p}.hs_prefixes[{i}]"), prefix);
            }
            RuleKind::Vat {
                rate,
                country: country.clone(),
                hs_prefixes: hs_prefixes.clone(),
            }
        }
        RuleKindDef::Duty {
            hs_prefix,
            rate,
            needs_proof_of_origin,
        } => {
            c.hs_prefix(&format!("{p}.hs_prefix"), hs_prefix);
            RuleKind::Duty {
                hs_prefix: hs_prefix.clone(),
                rate: validate_duty_rate(c, p, rate)?,
                needs_proof_of_origin: *needs_proof_of_origin,
            }
        }
        RuleKindDef::AdditionalDuty {
            program,
            hs_prefix,
            rate,
        } => {
            if program.trim().is_empty() {
                c.say(
                    &format!("{p}.program"),
                    Said::new("check-additional-duty-program"),
                    Some(Said::new("check-additional-duty-program-hint")),
                );
            }
            c.hs_prefix(&format!("{p}.hs_prefix"), hs_prefix);
            RuleKind::AdditionalDuty {
                program: program.trim().to_string(),
                hs_prefix: hs_prefix.clone(),
                rate: validate_duty_rate(c, p, rate)?,
            }
        }
        RuleKindDef::ConsumptionTax {
            hs_prefix,
            rate,
            price_at_least,
        } => {
            c.hs_prefix(&format!("{p}.hs_prefix"), hs_prefix);
            c.unique(
                &format!("{p}.price_at_least"),
                "per",
                "content unit",
                price_at_least.iter().map(|t| t.per.symbol()),
            );
            let thresholds: Vec<Option<PriceThreshold>> = price_at_least
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let path = format!("{p}.price_at_least[{i}].amount");
                    let amount = c.iso_money(&path, &t.amount)?;
                    if amount.minor <= 0 {
                        c.say(
                            &path,
                            Said::new("check-price-threshold-zero"),
                            Some(Said::new("check-price-threshold-zero-hint")),
                        );
                        return None;
                    }
                    Some(PriceThreshold { amount, per: t.per })
                })
                .collect();
            RuleKind::ConsumptionTax {
                hs_prefix: hs_prefix.clone(),
                rate: c.percent(&format!("{p}.rate"), rate, 0, 9_999)?,
                price_at_least: thresholds.into_iter().collect::<Option<Vec<_>>>()?,
            }
        }
        RuleKindDef::DeMinimis { threshold, relieves } => RuleKind::DeMinimis {
            threshold: c.iso_money(&format!("{p}.threshold"), threshold)?,
            relieves: *relieves,
        },
        RuleKindDef::TransactionLimit {
            per_transaction,
            per_person_per_year,
        } => RuleKind::TransactionLimit {
            per_transaction: c.iso_money(&format!("{p}.per_transaction"), per_transaction)?,
            per_person_per_year: c.iso_money(&format!("{p}.per_person_per_year"), per_person_per_year)?,
        },
        RuleKindDef::TaxReduction { percent_of_normal } => RuleKind::TaxReduction {
            percent_of_normal: c.percent(&format!("{p}.percent_of_normal"), percent_of_normal, 0, 10_000)?,
        },
        RuleKindDef::FixedDutyPerCategory {
            amount,
            up_to_value,
            below_value,
        } => {
            let amount = c.iso_money(&format!("{p}.amount"), amount);
            let limit = match (up_to_value, below_value) {
                (Some(value), None) => c.iso_money(&format!("{p}.up_to_value"), value),
                (None, Some(value)) => c.iso_money(&format!("{p}.below_value"), value),
                (Some(_), Some(_)) => {
                    c.say(
                        &format!("{p}.below_value"),
                        Said::new("check-up-to-and-below"),
                        Some(Said::new("check-up-to-and-below-hint")),
                    );
                    None
                }
                (None, None) => {
                    c.say(
                        p,
                        Said::new("check-missing-up-to-value"),
                        Some(Said::new("check-missing-up-to-value-hint")),
                    );
                    None
                }
            };
            RuleKind::FixedDutyPerCategory {
                amount: amount?,
                up_to_value: limit?,
            }
        }
        RuleKindDef::VatAtPointOfSale { threshold } => RuleKind::VatAtPointOfSale {
            threshold: c.iso_money(&format!("{p}.threshold"), threshold)?,
        },
        RuleKindDef::ExportVat {
            refund,
            requires,
            rebate_rate,
        } => {
            let rebate_rate = match rebate_rate {
                Some(rate) => Some(c.percent(&format!("{p}.rebate_rate"), rate, 0, 10_000)?),
                None => None,
            };
            if rebate_rate.is_some() && *refund == ExportRefund::NoRefund {
                c.say(
                    &format!("{p}.rebate_rate"),
                    Said::new("check-rebate-without-refund"),
                    Some(Said::new("check-rebate-without-refund-hint")),
                );
            }
            RuleKind::ExportVat {
                refund: *refund,
                requires: requires.clone(),
                rebate_rate,
            }
        }
    })
}
