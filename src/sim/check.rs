//! A collector of validation problems with small typed checks (ids, money, dates, HS codes).

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::scenario::error::{Diagnostic, suggestion_said};
use crate::sim::said::{Fact, Said};
use crate::sim::terms::Text;

use super::date::Date;
use super::money::{
    BasisPoints, CurrencyCode, DecimalError, MAX_MONEY_MINOR, Micros, Money, format_minor, line_value_fits,
    parse_amount, parse_decimal,
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
    /// `field` is the id's field name inside each item (empty when the item is the id);
    /// `what` names the id in English ("SKU", "task id"), put into the reader's language by
    /// [`what_fact`].
    pub fn unique<'a>(&mut self, list_path: &str, field: &str, what: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                let path = if field.is_empty() {
                    format!("{list_path}[{i}]")
                } else {
                    format!("{list_path}[{i}].{field}")
                };
                self.say(
                    &path,
                    Said::new("check-duplicate")
                        .with("what", what_fact(what))
                        .with("id", id)
                        .with("first", format!("{list_path}[{first}]")),
                    Some(Said::new("check-duplicate-hint")),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Reports a reference to an id that is not in `known`, with a did-you-mean hint.
    /// `what` is the kind of thing referred to in English ("product", "market"), put into the
    /// reader's language by [`what_fact`].
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
            "product" => "check-list-products",
            "market" => "check-list-markets",
            "counterpart" => "check-list-counterparts",
            "rule pack" => "check-list-rule-packs",
            _ => "check-list-own",
        };
        let hint = match near_names(id, known.clone()) {
            Some(names) => Said::new("check-unknown-near")
                .with("names", names)
                .with("id", id)
                .term("list", list),
            None => {
                let all: Vec<String> = known.map(|k| format!("`{k}`")).collect();
                if all.is_empty() {
                    Said::new("check-unknown-none-defined")
                        .with("what", what_fact(what))
                        .term("list", list)
                } else {
                    Said::new("check-unknown-known")
                        .with("known", listed(&all))
                        .with("id", id)
                        .term("list", list)
                }
            }
        };
        self.say(
            path,
            Said::new("check-unknown").with("what", what_fact(what)).with("id", id),
            Some(hint),
        );
        false
    }

    /// A text that goes on trade documents (a product's name): it needs its own English.
    pub fn english_text(&mut self, path: &str, text: &Text) {
        self.text(path, text);
        if text.en.starts_with(crate::sim::terms::CHINESE_ONLY) {
            self.say(
                &format!("{path}.en"),
                Said::new("check-needs-english"),
                Some(Said::new("check-needs-english-hint")),
            );
        }
    }

    pub fn text(&mut self, path: &str, text: &Text) {
        if text.en.trim().is_empty() {
            self.say(
                &format!("{path}.en"),
                Said::new("check-text-empty"),
                Some(Said::new("check-text-empty-hint")),
            );
        }
    }

    /// A currency the scenario declares.
    pub fn currency(&mut self, path: &str, code: &str) -> Option<(CurrencyCode, u32)> {
        let Some(parsed) = CurrencyCode::parse(code) else {
            self.say(
                path,
                Said::new("check-not-currency-code").with("code", code),
                Some(Said::new("check-currency-code-hint")),
            );
            return None;
        };
        if let Some(found) = self.currencies.iter().find(|(c, _)| *c == parsed) {
            return Some(*found);
        }
        let known: Vec<String> = self.currencies.iter().map(|(c, _)| c.to_string()).collect();
        let hint = match near_names(code, known.iter().map(String::as_str)) {
            Some(names) => Said::new("check-unknown-currency-near").with("names", names),
            None => Said::new("check-unknown-currency-hint"),
        };
        self.say(path, Said::new("check-unknown-currency").with("code", code), Some(hint));
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
            self.say(
                &format!("{path}.currency"),
                Said::new("check-not-currency-code").with("code", def.currency()),
                Some(Said::new("check-iso-currency-hint")),
            );
            return None;
        };
        let Some(exponent) = iso_exponent(def.currency()) else {
            let known: Vec<&str> = ISO_CURRENCIES.iter().map(|(c, _)| *c).collect();
            self.say(
                &format!("{path}.currency"),
                Said::new("check-unknown-currency").with("code", def.currency()),
                Some(Said::new("check-rule-pack-currencies").with("codes", known.join(", "))),
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
                self.say(
                    &format!("{path}.amount"),
                    Said::new("check-negative-amount")
                        .with("amount", def.amount())
                        .with("currency", def.currency()),
                    Some(Said::new("check-negative-amount-hint")),
                );
                None
            }
            Ok(minor) => Some(Money::new(minor, code, exponent)),
            Err(DecimalError::TooLarge) => {
                self.say(
                    &format!("{path}.amount"),
                    Said::new("check-amount-too-large")
                        .with("amount", def.amount())
                        .with("currency", def.currency()),
                    Some(
                        Said::new("check-amount-limit")
                            .with("max", MAX_MONEY_MINOR.to_string())
                            .with("max_amount", format_minor(MAX_MONEY_MINOR, exponent))
                            .with("currency", def.currency()),
                    ),
                );
                None
            }
            Err(DecimalError::TooManyDecimals { max }) => {
                self.say(
                    &format!("{path}.amount"),
                    Said::new("check-too-many-decimals")
                        .with("amount", def.amount())
                        .with("currency", def.currency())
                        .with("max", max),
                    Some(Said::new("check-round-to").with("max", max)),
                );
                None
            }
            Err(e) => {
                self.say(
                    &format!("{path}.amount"),
                    decimal_problem("check-amount-bad", def.amount(), e),
                    Some(Said::new("check-amount-bad-hint")),
                );
                None
            }
        }
    }

    /// A line's (or deal's) value, `unit × count`, within the money limit; reported at `path`
    /// otherwise. `what` names the value: quoted from the file (a line's quantity and unit
    /// price) or in English words [`what_fact`] knows.
    pub fn line_value(&mut self, path: &str, unit: i64, count: u64, what: &str) -> bool {
        let fits = line_value_fits(unit, count);
        if !fits {
            self.say(
                path,
                Said::new("check-over-money-limit").with("what", what_fact(what)),
                Some(Said::new("check-money-limit-hint")),
            );
        }
        fits
    }

    pub fn percent(&mut self, path: &str, text: &str, min_bp: i64, max_bp: i64) -> Option<BasisPoints> {
        match BasisPoints::parse_percent(text) {
            Ok(bp) if bp.0 < min_bp || bp.0 > max_bp => {
                self.say(
                    path,
                    Said::new("check-out-of-range")
                        .with("field", field_name(path))
                        .with("value", bp.to_string()),
                    Some(
                        Said::new("check-use-range")
                            .with("min", BasisPoints(min_bp).to_string())
                            .with("max", BasisPoints(max_bp).to_string()),
                    ),
                );
                None
            }
            Ok(bp) => Some(bp),
            Err(message) => {
                // What `parse_percent` found, said again as a sentence of the catalogue.
                let said = match text.trim().strip_suffix('%') {
                    None => Said::new("check-not-percentage").with("text", text),
                    Some(number) => match parse_decimal(number, 2) {
                        Err(e) => decimal_problem("check-decimal-bad", text, e),
                        Ok(_) => Said::new("check-as-written").with("message", message),
                    },
                };
                self.say(path, said, Some(Said::new("check-percent-hint")));
                None
            }
        }
    }

    /// A decimal with up to 6 places within `min..=max` (both in micros).
    pub fn decimal(&mut self, path: &str, text: &str, min: Micros, max: Micros) -> Option<Micros> {
        match Micros::parse(text) {
            Ok(v) if v < min || v > max => {
                self.say(
                    path,
                    Said::new("check-out-of-range")
                        .with("field", field_name(path))
                        .with("value", v.to_string()),
                    Some(
                        Said::new("check-use-range")
                            .with("min", min.to_string())
                            .with("max", max.to_string()),
                    ),
                );
                None
            }
            Ok(v) => Some(v),
            Err(message) => {
                // `Micros::parse` is `parse_decimal` with 6 places.
                let said = match parse_decimal(text, 6) {
                    Err(e) => decimal_problem("check-decimal-bad", text, e),
                    Ok(_) => Said::new("check-as-written").with("message", message),
                };
                self.say(path, said, Some(Said::new("check-decimal-hint")));
                None
            }
        }
    }

    pub fn date(&mut self, path: &str, text: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(message) => {
                let (said, hint) = date_problem(text, message);
                self.say(path, said, Some(Said::new(hint)));
                None
            }
        }
    }

    /// ISO 3166-1 alpha-2.
    pub fn country(&mut self, path: &str, code: &str) {
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            self.say(
                path,
                Said::new("check-not-country-code").with("code", code),
                Some(Said::new("check-country-code-hint")),
            );
        }
    }

    /// Digits only (or empty for "all goods"), at most 10.
    pub fn hs_prefix(&mut self, path: &str, prefix: &str) {
        if prefix.len() > 10 || !prefix.chars().all(|c| c.is_ascii_digit()) {
            self.say(
                path,
                Said::new("check-not-hs-prefix").with("prefix", prefix),
                Some(Said::new("check-hs-prefix-hint")),
            );
        }
    }
}

/// The catalogue term for a kind of thing a check names in English ("product", "SKU",
/// "task id"), if the catalogue has it (`check-what-…` in check.ftl).
pub fn what_term(what: &str) -> Option<&'static str> {
    Some(match what {
        "product" => "check-what-product",
        "market" => "check-what-market",
        "counterpart" => "check-what-counterpart",
        "rule pack" => "check-what-rule-pack",
        "negotiation task" => "check-what-negotiation-task",
        "keyword" => "check-what-keyword",
        "declaration field" => "check-what-declaration-field",
        "letter point" => "check-what-letter-point",
        "currency" => "check-what-currency",
        "market id" => "check-what-market-id",
        "SKU" => "check-what-sku",
        "counterpart id" => "check-what-counterpart-id",
        "task id" => "check-what-task-id",
        "criterion id" => "check-what-criterion-id",
        "random event id" => "check-what-random-event-id",
        "exchange rate for" => "check-what-exchange-rate-for",
        "seat id" => "check-what-seat-id",
        "rule id" => "check-what-rule-id",
        "content unit" => "check-what-content-unit",
        "postage id" => "check-what-postage-id",
        "competitor id" => "check-what-competitor-id",
        "influencer id" => "check-what-influencer-id",
        "model listing product" => "check-what-model-listing-product",
        "shipping option id" => "check-what-shipping-option-id",
        "point id" => "check-what-point-id",
        "the dearest deal (highest price × largest quantity)" => "check-what-dearest-deal",
        _ => return None,
    })
}

/// `what` as a fact: its catalogue term, or as written (a quotation from the file, or an
/// English name the catalogue does not have yet).
pub fn what_fact(what: &str) -> Fact {
    match what_term(what) {
        Some(term) => Fact::Term(Cow::Borrowed(term)),
        None => Fact::Text(what.to_string()),
    }
}

/// Why a decimal string was refused, as the sentence `key` (`check-decimal-bad`:
/// "`12a` is not a decimal number", `check-amount-bad`: "amount `12a` is not …", and the like)
/// with the text and the reason (`check-decimal-reason` in check.ftl).
pub fn decimal_problem(key: &'static str, text: &str, error: DecimalError) -> Said {
    let said = Said::new(key).with("text", text);
    match error {
        DecimalError::NotANumber => said.with("reason", "number"),
        DecimalError::DecimalComma => said.with("reason", "comma"),
        DecimalError::TooManyDecimals { max } => said.with("reason", "decimals").with("max", max),
        DecimalError::TooLarge => said.with("reason", "large"),
    }
}

/// What `Date::parse` said of `text`, as a catalogue sentence, with the key of its hint.
fn date_problem(text: &str, message: String) -> (Said, &'static str) {
    const FORM_HINT: &str = "check-date-form-hint";
    let said = |key: &'static str| Said::new(key).with("text", text);
    if message == format!("`{text}` is not a real calendar date") {
        (said("check-date-not-real"), "check-date-real-hint")
    } else if message == format!("`{text}` is not a date in the form YYYY-MM-DD") {
        (said("check-date-form"), FORM_HINT)
    } else if message == format!("`{text}`: bad year") {
        (said("check-date-bad-year"), FORM_HINT)
    } else if message == format!("`{text}`: bad month") {
        (said("check-date-bad-month"), FORM_HINT)
    } else if message == format!("`{text}`: bad day") {
        (said("check-date-bad-day"), FORM_HINT)
    } else {
        (Said::new("check-as-written").with("message", message), FORM_HINT)
    }
}

/// The names close to `found` ("`a`" or "`a` or `b`", in each language), if any is close.
fn near_names<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Fact> {
    suggestion_said(found, candidates).and_then(|s| s.fact("names").cloned())
}

/// Quoted names listed: `a`, `b` (in Chinese `a`、`b`).
fn listed(names: &[String]) -> Fact {
    Fact::Written(Text {
        en: names.join(", "),
        zh: names.join("、"),
    })
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
