//! A collector of validation problems with small typed checks (ids, money, dates, HS codes).

use std::collections::BTreeMap;

use crate::scenario::error::{Diagnostic, suggestion};
use crate::sim::said::Said;
use crate::sim::terms::Text;

use super::date::Date;
use super::money::{
    BasisPoints, CurrencyCode, DecimalError, MAX_MONEY_MINOR, Micros, Money, format_minor, line_value_fits,
    parse_amount,
};

/// Money as a file writes it: a currency code and a decimal amount (`"CNY"`, `"50000.00"`).
/// The checker reads it without knowing the file format.
pub trait WrittenMoney {
    fn currency(&self) -> &str;
    fn amount(&self) -> &str;
}

/// ISO 4217 minor units of the currencies Tradeport knows without a scenario.
pub const ISO_CURRENCIES: &[(&str, u32)] = &[
    ("AUD", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CNY", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("JPY", 0),
    ("KRW", 0),
    ("SGD", 2),
    ("USD", 2),
];

/// ISO minor units of a known currency.
pub fn iso_exponent(code: &str) -> Option<u32> {
    ISO_CURRENCIES.iter().find(|(c, _)| *c == code).map(|(_, e)| *e)
}

/// Collects diagnostics for one file while checks run; checks return `None` on failure
/// so that callers can go on and find more problems.
pub struct Checker {
    label: String,
    diagnostics: Vec<Diagnostic>,
    /// Currencies the scenario declares, with their minor units.
    pub currencies: Vec<(CurrencyCode, u32)>,
}

impl Checker {
    pub fn new(label: &str) -> Self {
        Self {
            label: label.to_string(),
            diagnostics: Vec::new(),
            currencies: Vec::new(),
        }
    }

    /// Minor units of a currency the scenario declares (2 if it does not).
    pub fn exponent_of(&self, code: CurrencyCode) -> u32 {
        self.currencies.iter().find(|(c, _)| *c == code).map_or(2, |(_, e)| *e)
    }

    pub fn error(&mut self, path: &str, message: impl Into<String>, hint: Option<&str>) {
        let mut d = Diagnostic::at_path(&self.label, path, message);
        d.hint = hint.map(str::to_string);
        self.diagnostics.push(d);
    }

    pub fn error_hint(&mut self, path: &str, message: impl Into<String>, hint: String) {
        self.diagnostics
            .push(Diagnostic::at_path(&self.label, path, message).with_hint(hint));
    }

    /// A problem said as a catalogue sentence, with an optional hint (both put into the
    /// reader's language by the terminal and the game; their English is what logs keep).
    pub fn say(&mut self, path: &str, message: Said, hint: Option<Said>) {
        let mut d = Diagnostic::say(&self.label, path, message);
        if let Some(hint) = hint {
            d = d.with_hint_said(hint);
        }
        self.diagnostics.push(d);
    }

    /// `Ok(value)` when nothing was found, else every diagnostic.
    ///
    /// # Errors
    /// The collected diagnostics.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<Diagnostic>> {
        if self.diagnostics.is_empty() {
            Ok(value)
        } else {
            Err(self.diagnostics)
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Ids: non-empty, letters, digits, `-` and `_` only.
    pub fn id(&mut self, path: &str, id: &str) {
        if id.is_empty() {
            self.say(
                path,
                Said::new("check-id-empty"),
                Some(Said::new("check-id-empty-hint")),
            );
        } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.say(
                path,
                Said::new("check-id-characters").with("id", id),
                Some(Said::new("check-try").with("text", slug(id))),
            );
        }
    }

    /// Reports every id that appears twice in one list, naming where it was first used.
    /// `field` is the id's field name inside each item (empty when the item is the id).
    pub fn unique<'a>(&mut self, list_path: &str, field: &str, what: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                let path = if field.is_empty() {
                    format!("{list_path}[{i}]")
                } else {
                    format!("{list_path}[{i}].{field}")
                };
                self.error(
                    &path,
                    format!("duplicate {what} `{id}` (first used at {list_path}[{first}])"),
                    Some("each id must be unique in its list; rename or remove one"),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Reports a reference to an id that is not in `known`, with a did-you-mean hint.
    pub fn reference<'a>(
        &mut self,
        path: &str,
        what: &str,
        id: &str,
        known: impl Iterator<Item = &'a str> + Clone,
    ) -> bool {
        if known.clone().any(|k| k == id) {
            return true;
        }
        let list = match what {
            "product" => "setup.products",
            "market" => "setup.markets",
            "counterpart" => "setup.counterparts",
            "rule pack" => "setup.rule_packs",
            _ => "its list",
        };
        let hint = match suggestion(id, known.clone()) {
            Some(s) => format!("{s} Otherwise add `{id}` to {list}"),
            None => {
                let all: Vec<String> = known.map(|k| format!("`{k}`")).collect();
                if all.is_empty() {
                    format!("no {what} is defined yet; add it to {list}")
                } else {
                    format!("known: {}; or add `{id}` to {list}", all.join(", "))
                }
            }
        };
        self.error_hint(path, format!("unknown {what} `{id}`"), hint);
        false
    }

    /// A text that goes on trade documents (a product's name): it needs its own English.
    pub fn english_text(&mut self, path: &str, text: &Text) {
        self.text(path, text);
        if text.en.starts_with(crate::sim::terms::CHINESE_ONLY) {
            self.error(
                &format!("{path}.en"),
                "this text needs English",
                Some("a product's name goes on invoices and customs declarations, which are written in English"),
            );
        }
    }

    pub fn text(&mut self, path: &str, text: &Text) {
        if text.en.trim().is_empty() {
            self.error(
                &format!("{path}.en"),
                "text is empty",
                Some("write `en: \"...\"`, `zh: \"...\"` or both (a text only in Chinese is shown to English readers marked as such)"),
            );
        }
    }

    /// A currency the scenario declares.
    pub fn currency(&mut self, path: &str, code: &str) -> Option<(CurrencyCode, u32)> {
        let Some(parsed) = CurrencyCode::parse(code) else {
            self.error(
                path,
                format!("`{code}` is not a currency code"),
                Some("use an ISO 4217 code of three capital letters, e.g. \"EUR\""),
            );
            return None;
        };
        if let Some(found) = self.currencies.iter().find(|(c, _)| *c == parsed) {
            return Some(*found);
        }
        let known: Vec<String> = self.currencies.iter().map(|(c, _)| c.to_string()).collect();
        let hint = match suggestion(code, known.iter().map(String::as_str)) {
            Some(s) => format!("{s} Otherwise add it to setup.currencies"),
            None => "add it to setup.currencies".to_string(),
        };
        self.error_hint(path, format!("unknown currency `{code}`"), hint);
        None
    }

    /// Money in a currency the scenario declares.
    pub fn money(&mut self, path: &str, def: &impl WrittenMoney, allow_negative: bool) -> Option<Money> {
        let currency = self.currency(&format!("{path}.currency"), def.currency());
        let (code, exponent) = currency?;
        self.amount(path, def, code, exponent, allow_negative)
    }

    /// Money in any ISO currency Tradeport knows (rule packs stand alone, without a scenario).
    pub fn iso_money(&mut self, path: &str, def: &impl WrittenMoney) -> Option<Money> {
        let Some(code) = CurrencyCode::parse(def.currency()) else {
            self.error(
                &format!("{path}.currency"),
                format!("`{}` is not a currency code", def.currency()),
                Some("use an ISO 4217 code such as \"EUR\""),
            );
            return None;
        };
        let Some(exponent) = iso_exponent(def.currency()) else {
            let known: Vec<&str> = ISO_CURRENCIES.iter().map(|(c, _)| *c).collect();
            self.error_hint(
                &format!("{path}.currency"),
                format!("unknown currency `{}`", def.currency()),
                format!("rule packs can use {}", known.join(", ")),
            );
            return None;
        };
        self.amount(path, def, code, exponent, false)
    }

    fn amount(
        &mut self,
        path: &str,
        def: &impl WrittenMoney,
        code: CurrencyCode,
        exponent: u32,
        allow_negative: bool,
    ) -> Option<Money> {
        match parse_amount(def.amount(), exponent) {
            Ok(minor) if minor < 0 && !allow_negative => {
                self.error(
                    &format!("{path}.amount"),
                    format!("negative amount {} {}", def.amount(), def.currency()),
                    Some("amounts here must be zero or more"),
                );
                None
            }
            Ok(minor) => Some(Money::new(minor, code, exponent)),
            Err(DecimalError::TooLarge) => {
                self.error_hint(
                    &format!("{path}.amount"),
                    format!("amount {} {} is too large", def.amount(), def.currency()),
                    format!(
                        "amounts are limited to {} minor units ({} {})",
                        MAX_MONEY_MINOR,
                        format_minor(MAX_MONEY_MINOR, exponent),
                        def.currency()
                    ),
                );
                None
            }
            Err(DecimalError::TooManyDecimals { max }) => {
                self.error_hint(
                    &format!("{path}.amount"),
                    format!(
                        "`{}` has more decimals than {} allows ({max})",
                        def.amount(),
                        def.currency()
                    ),
                    format!("round to {max} decimals"),
                );
                None
            }
            Err(e) => {
                self.error(
                    &format!("{path}.amount"),
                    format!("amount `{}` {e}", def.amount()),
                    Some("write the amount as a decimal string, e.g. \"1250.00\""),
                );
                None
            }
        }
    }

    /// A line's (or deal's) value, `unit × count`, within the money limit; reported at `path`
    /// otherwise.
    pub fn line_value(&mut self, path: &str, unit: i64, count: u64, what: &str) -> bool {
        let fits = line_value_fits(unit, count);
        if !fits {
            self.error(
                path,
                format!("{what} is over the money limit"),
                Some("a line's or a contract's value is at most 1,000,000,000.00 (docs/limits.md)"),
            );
        }
        fits
    }

    pub fn percent(&mut self, path: &str, text: &str, min_bp: i64, max_bp: i64) -> Option<BasisPoints> {
        match BasisPoints::parse_percent(text) {
            Ok(bp) if bp.0 < min_bp || bp.0 > max_bp => {
                self.error_hint(
                    path,
                    format!("`{}` {bp} is out of range", field_name(path)),
                    format!("use a value from {} to {}", BasisPoints(min_bp), BasisPoints(max_bp)),
                );
                None
            }
            Ok(bp) => Some(bp),
            Err(message) => {
                self.error(path, message, Some("percentages are strings ending in %, e.g. \"13%\""));
                None
            }
        }
    }

    /// A decimal with up to 6 places within `min..=max` (both in micros).
    pub fn decimal(&mut self, path: &str, text: &str, min: Micros, max: Micros) -> Option<Micros> {
        match Micros::parse(text) {
            Ok(v) if v < min || v > max => {
                self.error_hint(
                    path,
                    format!("`{}` {v} is out of range", field_name(path)),
                    format!("use a value from {min} to {max}"),
                );
                None
            }
            Ok(v) => Some(v),
            Err(message) => {
                self.error(path, message, Some("write a decimal string such as \"0.75\""));
                None
            }
        }
    }

    pub fn date(&mut self, path: &str, text: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(message) => {
                let hint = if message.contains("not a real calendar date") {
                    "check the day against the month's length (February has 28 days, 29 in leap years)"
                } else {
                    "dates are written \"YYYY-MM-DD\", e.g. \"2026-09-01\""
                };
                self.error(path, message, Some(hint));
                None
            }
        }
    }

    /// ISO 3166-1 alpha-2.
    pub fn country(&mut self, path: &str, code: &str) {
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            self.error(
                path,
                format!("`{code}` is not a country code"),
                Some("use two capital letters (ISO 3166-1), e.g. \"DE\", \"CN\", \"GB\""),
            );
        }
    }

    /// Digits only (or empty for "all goods"), at most 10.
    pub fn hs_prefix(&mut self, path: &str, prefix: &str) {
        if prefix.len() > 10 || !prefix.chars().all(|c| c.is_ascii_digit()) {
            self.error(
                path,
                format!("`{prefix}` is not an HS code prefix"),
                Some("write up to 10 digits without dots, e.g. \"6206\"; empty means all goods"),
            );
        }
    }
}

/// The last field name of a path: `setup.products[2].hs_code` → `hs_code`.
fn field_name(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// A suggestion for a malformed id.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}
