//! Validating a shipment file into a consignment the landed-cost engine can cost.

use crate::scenario::error::Diagnostic;
use crate::scenario::shipment::{FORMAT_VERSION, ShipmentFile};
use crate::sim::check::{Checker, decimal_problem, iso_exponent};
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, div_round, parse_amount, parse_decimal};
use crate::sim::rules::RulePack;
use crate::sim::said::Said;
use crate::sim::scenario::HsCode;
use crate::sim::terms::{Channel, Incoterm};

use super::landed_cost::{Consignment, Content, GoodsLine};

/// Most a unit may contain: 1,000,000 ml, g or pieces, in thousandths.
const MAX_CONTENT_THOUSANDTHS: i64 = 1_000_000_000;

/// A validated shipment with its rule pack.
#[derive(Debug, Clone)]
pub struct Shipment {
    pub pack: RulePack,
    pub date: Date,
    pub channel: Channel,
    pub destination: String,
    pub incoterm: Incoterm,
    pub currency: CurrencyCode,
    pub exponent: u32,
    pub exchange_rate: Micros,
    pub freight: i64,
    pub insurance: i64,
    pub fees: Vec<(String, i64)>,
    pub buyer_year_to_date: i64,
    pub proof_of_origin: bool,
    /// The insurance premium rate when the file gave one instead of an amount.
    pub insurance_rate: Option<BasisPoints>,
    pub lines: Vec<GoodsLine>,
}

impl Shipment {
    /// Checks every field, collecting all problems.
    ///
    /// # Errors
    /// Every problem with its field path and a hint.
    pub fn validate(label: &str, file: &ShipmentFile, pack: RulePack) -> Result<Self, Vec<Diagnostic>> {
        let mut c = Checker::new(label);
        if file.format != FORMAT_VERSION {
            c.say(
                "format",
                Said::new("check-format-version").with("version", file.format.to_string()),
                Some(Said::new("check-format-hint")),
            );
        }
        let date = c.date("date", &file.date);
        if !file.destination.is_empty() {
            c.country("destination", &file.destination);
        }
        let currency = match (CurrencyCode::parse(&file.currency), iso_exponent(&file.currency)) {
            (Some(code), Some(exp)) => Some((code, exp)),
            _ => {
                c.say(
                    "currency",
                    Said::new("check-unknown-currency").with("code", file.currency.as_str()),
                    Some(Said::new("check-shipment-currency-hint")),
                );
                None
            }
        };
        let exponent = currency.map_or(2, |(_, e)| e);
        let exchange_rate = match (&file.exchange_rate, currency) {
            (Some(text), _) => c.decimal(
                "exchange_rate",
                text,
                crate::sim::money::MIN_RATE,
                crate::sim::money::MAX_RATE,
            ),
            (None, Some((code, _))) if code == pack.currency() => Some(Micros::ONE),
            (None, Some((code, _))) => {
                c.say(
                    "exchange_rate",
                    Said::new("check-invoice-currency")
                        .with("code", code.to_string())
                        .with("jurisdiction", pack.jurisdiction())
                        .with("pack_currency", pack.currency().to_string()),
                    Some(
                        Said::new("check-invoice-currency-hint")
                            .with("code", code.to_string())
                            .with("pack_currency", pack.currency().to_string()),
                    ),
                );
                None
            }
            (None, None) => None,
        };
        let amount = |c: &mut Checker, path: &str, text: &str| -> Option<i64> {
            match parse_amount(text, exponent) {
                Ok(v) if v < 0 => {
                    c.say(
                        path,
                        Said::new("check-shipment-negative-amount").with("amount", text),
                        Some(Said::new("check-shipment-negative-amount-hint")),
                    );
                    None
                }
                Ok(v) => Some(v),
                Err(e) => {
                    c.say(
                        path,
                        decimal_problem("check-amount-bad", text, e),
                        Some(Said::new("check-shipment-amount-hint")),
                    );
                    None
                }
            }
        };
        let freight = amount(&mut c, "freight", &file.freight).unwrap_or(0);
        let insurance = amount(&mut c, "insurance", &file.insurance).unwrap_or(0);
        let insurance_rate = file.insurance_rate.as_ref().and_then(|text| {
            // Up to 10%: a cargo premium is a fraction of a percent, and 1.1 × rate must stay
            // well below 1.
            let rate = c.percent("insurance_rate", text, 1, 1_000)?;
            if insurance != 0 {
                c.say(
                    "insurance_rate",
                    Said::new("check-insurance-both"),
                    Some(Said::new("check-insurance-both-hint")),
                );
            }
            if file.incoterm.price_includes_insurance() {
                c.say(
                    "insurance_rate",
                    Said::new("check-price-includes-insurance").with("incoterm", format!("{:?}", file.incoterm)),
                    Some(Said::new("check-price-includes-insurance-hint")),
                );
            }
            Some(rate)
        });
        let origin = file.origin.as_deref().unwrap_or("");
        if !origin.is_empty() {
            c.country("origin", origin);
        }
        if file.proof_of_origin && origin.is_empty() && file.lines.iter().all(|l| l.origin.is_none()) {
            c.say(
                "proof_of_origin",
                Said::new("check-proof-without-origin"),
                Some(Said::new("check-proof-without-origin-hint")),
            );
        }
        let fees: Vec<(String, i64)> = file
            .fees
            .iter()
            .enumerate()
            .filter_map(|(i, f)| amount(&mut c, &format!("fees[{i}].amount"), &f.amount).map(|a| (f.name.clone(), a)))
            .collect();
        let buyer_year_to_date = match &file.buyer_year_to_date {
            Some(text) => match parse_amount(text, pack.exponent()) {
                Ok(v) if v >= 0 => v,
                _ => {
                    c.say(
                        "buyer_year_to_date",
                        Said::new("check-year-to-date").with("text", text.as_str()),
                        Some(Said::new("check-year-to-date-hint")),
                    );
                    0
                }
            },
            None => 0,
        };
        if file.lines.is_empty() {
            c.say(
                "lines",
                Said::new("check-no-goods-lines"),
                Some(Said::new("check-no-goods-lines-hint")),
            );
        }
        let mut lines = Vec::new();
        for (i, l) in file.lines.iter().enumerate() {
            let p = format!("lines[{i}]");
            let hs = HsCode::parse(&l.hs_code);
            if hs.is_none() {
                c.say(
                    &format!("{p}.hs_code"),
                    Said::new("check-hs-code-malformed").with("code", l.hs_code.as_str()),
                    Some(Said::new("check-hs-code-malformed-hint")),
                );
            }
            if l.quantity == 0 {
                c.say(
                    &format!("{p}.quantity"),
                    Said::new("check-quantity-zero"),
                    Some(Said::new("check-quantity-zero-hint")),
                );
            }
            let unit_value = amount(&mut c, &format!("{p}.unit_value"), &l.unit_value);
            if let Some(v) = unit_value {
                c.line_value(
                    &format!("{p}.unit_value"),
                    v,
                    u64::from(l.quantity),
                    &format!("{} × `{}`", l.quantity, l.unit_value),
                );
            }
            let weight = |c: &mut Checker, path: String, text: &str| -> Option<u64> {
                match parse_decimal(text, 3) {
                    Ok(v) if v > 0 => u64::try_from(v).ok(),
                    Ok(_) => {
                        c.say(
                            &path,
                            Said::new("check-weight-zero").with("text", text),
                            Some(Said::new("check-weight-zero-hint")),
                        );
                        None
                    }
                    Err(e) => {
                        c.say(
                            &path,
                            decimal_problem("check-weight-bad", text, e),
                            Some(Said::new("check-weight-bad-hint")),
                        );
                        None
                    }
                }
            };
            let content = l.content.as_ref().and_then(|def| {
                let path = format!("{p}.content.amount");
                match parse_decimal(&def.amount, 3) {
                    Ok(v) if v > 0 && v <= MAX_CONTENT_THOUSANDTHS => Some(Content {
                        thousandths: u64::try_from(v).unwrap_or(0),
                        unit: def.unit,
                    }),
                    Ok(_) => {
                        c.say(
                            &path,
                            Said::new("check-content-range").with("text", def.amount.as_str()),
                            Some(Said::new("check-content-range-hint")),
                        );
                        None
                    }
                    Err(e) => {
                        c.say(
                            &path,
                            decimal_problem("check-content-bad", &def.amount, e),
                            Some(Said::new("check-content-bad-hint")),
                        );
                        None
                    }
                }
            });
            if let Some(o) = &l.origin {
                c.country(&format!("{p}.origin"), o);
            }
            let net = weight(&mut c, format!("{p}.net_kg"), &l.net_kg);
            let gross = weight(&mut c, format!("{p}.gross_kg"), &l.gross_kg);
            if let (Some(n), Some(g)) = (net, gross)
                && n > g
            {
                c.say(
                    &format!("{p}.gross_kg"),
                    Said::new("check-gross-below-net-kg")
                        .with("gross", l.gross_kg.as_str())
                        .with("net", l.net_kg.as_str()),
                    Some(Said::new("check-gross-below-net-kg-hint")),
                );
            }
            if let (Some(hs_code), Some(unit_value), Some(net_weight_g), Some(gross_weight_g)) =
                (hs, unit_value, net, gross)
            {
                lines.push(GoodsLine {
                    hs_code,
                    description: l.description.clone(),
                    quantity: l.quantity,
                    unit_value,
                    net_weight_g,
                    gross_weight_g,
                    content,
                    origin: l.origin.clone().unwrap_or_else(|| origin.to_string()),
                });
            }
        }
        let (Some(date), Some((currency, exponent)), Some(exchange_rate)) = (date, currency, exchange_rate) else {
            return Err(c.into_diagnostics());
        };
        c.finish(Shipment {
            pack,
            date,
            channel: file.channel,
            destination: file.destination.clone(),
            incoterm: file.incoterm,
            currency,
            exponent,
            exchange_rate,
            freight,
            insurance,
            fees,
            buyer_year_to_date,
            proof_of_origin: file.proof_of_origin,
            insurance_rate,
            lines,
        })
    }

    /// The insurance in the invoice currency: the amount given, or from the premium rate on
    /// 110% of CIF, where CIF = (price + freight) / (1 − 1.1 × rate), so that the premium is
    /// CIF − price − freight.
    pub fn insurance(&self) -> i64 {
        let Some(rate) = self.insurance_rate else {
            return self.insurance;
        };
        let goods: i64 = self
            .lines
            .iter()
            .map(|l| crate::sim::money::times(l.unit_value, l.quantity))
            .fold(0, i64::saturating_add);
        let freight = if self.incoterm.price_includes_freight() {
            0
        } else {
            self.freight
        };
        let base = i128::from(goods.saturating_add(freight));
        // In ten-thousandths: 1.1 × rate = 11 × rate / 10.
        let cover = i128::from(rate.0) * 11;
        let cif = div_round(base * 100_000, 100_000 - cover);
        i64::try_from(cif - base).unwrap_or(i64::MAX)
    }

    /// The consignment to give [`super::landed_cost`].
    pub fn consignment(&self) -> Consignment<'_> {
        Consignment {
            pack: &self.pack,
            date: self.date,
            channel: self.channel,
            destination: self.destination.clone(),
            incoterm: self.incoterm,
            invoice_currency: self.currency,
            invoice_exponent: self.exponent,
            exchange_rate: self.exchange_rate,
            freight: self.freight,
            insurance: self.insurance(),
            fees: self.fees.clone(),
            buyer_year_to_date: self.buyer_year_to_date,
            proof_of_origin: self.proof_of_origin,
            lines: self.lines.clone(),
        }
    }
}
