//! Validating a shipment file into a consignment the landed-cost engine can cost.

use crate::scenario::error::Diagnostic;
use crate::scenario::shipment::{FORMAT_VERSION, ShipmentFile};
use crate::sim::check::{Checker, iso_exponent};
use crate::sim::date::Date;
use crate::sim::money::{BasisPoints, CurrencyCode, Micros, div_round, parse_amount, parse_decimal};
use crate::sim::rules::RulePack;
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
            c.error(
                "format",
                format!("unsupported format version {}", file.format),
                Some("write `format: 1`"),
            );
        }
        let date = c.date("date", &file.date);
        if !file.destination.is_empty() {
            c.country("destination", &file.destination);
        }
        let currency = match (CurrencyCode::parse(&file.currency), iso_exponent(&file.currency)) {
            (Some(code), Some(exp)) => Some((code, exp)),
            _ => {
                c.error(
                    "currency",
                    format!("unknown currency `{}`", file.currency),
                    Some("use an ISO 4217 code such as \"USD\", \"EUR\", \"CNY\""),
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
                c.error_hint(
                    "exchange_rate",
                    format!(
                        "the invoice is in {code} but {} assesses duty in {}",
                        pack.jurisdiction(),
                        pack.currency()
                    ),
                    format!(
                        "add `exchange_rate: \"...\"`: {} per 1 {code} on the declaration date",
                        pack.currency()
                    ),
                );
                None
            }
            (None, None) => None,
        };
        let amount = |c: &mut Checker, path: &str, text: &str| -> Option<i64> {
            match parse_amount(text, exponent) {
                Ok(v) if v < 0 => {
                    c.error(
                        path,
                        format!("negative amount {text}"),
                        Some("amounts are zero or more"),
                    );
                    None
                }
                Ok(v) => Some(v),
                Err(e) => {
                    c.error(
                        path,
                        format!("amount `{text}` {e}"),
                        Some("write a decimal string, e.g. \"125.50\""),
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
                c.error(
                    "insurance_rate",
                    "both an insurance amount and an insurance rate are given",
                    Some("give one: `insurance: \"45.60\"` or `insurance_rate: \"0.3%\"`"),
                );
            }
            if file.incoterm.price_includes_insurance() {
                c.error_hint(
                    "insurance_rate",
                    format!("a {:?} price already includes insurance", file.incoterm),
                    "remove `insurance_rate`; it is for prices without insurance (EXW, FCA, FAS, FOB, CPT, CFR)"
                        .to_string(),
                );
            }
            Some(rate)
        });
        let origin = file.origin.as_deref().unwrap_or("");
        if !origin.is_empty() {
            c.country("origin", origin);
        }
        if file.proof_of_origin && origin.is_empty() && file.lines.iter().all(|l| l.origin.is_none()) {
            c.error(
                "proof_of_origin",
                "a proof of origin for goods without an origin",
                Some("add `origin: \"JP\"` to the file or to its lines"),
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
                    c.error(
                        "buyer_year_to_date",
                        format!("`{text}` is not an amount of zero or more"),
                        Some("in the rule pack's currency, e.g. \"12000.00\""),
                    );
                    0
                }
            },
            None => 0,
        };
        if file.lines.is_empty() {
            c.error(
                "lines",
                "the shipment has no goods lines",
                Some("add at least one line"),
            );
        }
        let mut lines = Vec::new();
        for (i, l) in file.lines.iter().enumerate() {
            let p = format!("lines[{i}]");
            let hs = HsCode::parse(&l.hs_code);
            if hs.is_none() {
                c.error_hint(
                    &format!("{p}.hs_code"),
                    format!("HS code `{}` is malformed", l.hs_code),
                    "write 6, 8 or 10 digits, e.g. \"6206100000\"".to_string(),
                );
            }
            if l.quantity == 0 {
                c.error(
                    &format!("{p}.quantity"),
                    "quantity is 0",
                    Some("declare at least one unit"),
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
                        c.error(
                            &path,
                            format!("weight `{text}` must be above zero"),
                            Some("kilograms, e.g. \"0.180\""),
                        );
                        None
                    }
                    Err(e) => {
                        c.error(
                            &path,
                            format!("weight `{text}` {e}"),
                            Some("kilograms with up to 3 decimals, e.g. \"12.500\""),
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
                        c.error(
                            &path,
                            format!("content `{}` must be above zero and at most 1,000,000", def.amount),
                            Some("what one unit contains, e.g. \"50\" (ml) for a 50 ml jar"),
                        );
                        None
                    }
                    Err(e) => {
                        c.error(
                            &path,
                            format!("content `{}` {e}", def.amount),
                            Some("a number with up to 3 decimals, e.g. \"50\" or \"7.5\""),
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
                c.error_hint(
                    &format!("{p}.gross_kg"),
                    format!("gross weight {} kg is below net weight {} kg", l.gross_kg, l.net_kg),
                    "gross weight includes packing".to_string(),
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
