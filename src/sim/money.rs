//! Money in integer minor units, currency codes, exact decimal parsing, percentages and FX rates.

use std::fmt;

/// ISO 4217 currency code: three capital ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// Parses `"CNY"`; `None` unless exactly three capital letters.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_uppercase) {
            Some(Self([bytes[0], bytes[1], bytes[2]]))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII capitals.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount in a currency's minor units (fen, cents), with the currency's exponent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    pub minor: i64,
    pub currency: CurrencyCode,
    /// Digits after the decimal point for this currency.
    pub exponent: u32,
}

impl Money {
    pub fn new(minor: i64, currency: CurrencyCode, exponent: u32) -> Self {
        Self {
            minor,
            currency,
            exponent,
        }
    }

    /// `1,234.50 EUR` style with thousands separators.
    pub fn format(&self) -> String {
        format!("{} {}", format_minor(self.minor, self.exponent), self.currency)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

/// Formats minor units with thousands separators: `123450, 2` → `1,234.50`.
pub fn format_minor(minor: i64, exponent: u32) -> String {
    let negative = minor < 0;
    let abs = minor.unsigned_abs();
    // Exponents are validated to 0..=4; a larger one must not overflow here either.
    let scale = 10u64.checked_pow(exponent).unwrap_or(10u64.pow(18));
    let whole = abs / scale;
    let frac = abs % scale;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if negative { "-" } else { "" };
    if exponent == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac:0width$}", width = exponent as usize)
    }
}

/// Why a decimal string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    NotANumber,
    /// A comma that is not a thousands separator, e.g. the decimal comma in `8,25`.
    DecimalComma,
    TooManyDecimals {
        max: u32,
    },
    TooLarge,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecimalError::NotANumber => f.write_str("is not a decimal number"),
            DecimalError::DecimalComma => f.write_str(
                "uses a comma that is not a thousands separator; write decimals with a point, e.g. \"8.25\"",
            ),
            DecimalError::TooManyDecimals { max } => write!(f, "has more than {max} decimals"),
            DecimalError::TooLarge => f.write_str("is too large"),
        }
    }
}

/// The largest magnitude [`parse_decimal`] returns (10^15 in scaled units): the product of two
/// parsed numbers (a price and a quantity) always fits in an `i128`, and any amount that passes
/// the tighter money limit ([`MAX_MONEY_MINOR`]) fits the simulation's `i64` sums.
pub const MAX_DECIMAL_SCALED: i64 = 1_000_000_000_000_000;

/// The largest amount of money a file may state, in minor units (1,000,000,000.00 of a
/// currency with two decimals): a year of the largest market's sales at that price still sums
/// inside 64 bits.
pub const MAX_MONEY_MINOR: i64 = 100_000_000_000;

/// The smallest and largest exchange rate (home-currency units per unit of the other, in
/// micros: 0.00001 to 100,000): a rate stays inside them however it drifts, so a converted
/// amount is at most 10^5 times the original.
pub const MIN_RATE: Micros = Micros(10);
pub const MAX_RATE: Micros = Micros(100_000_000_000);

/// `v` as an `i64`, the nearest end of its range when it does not fit (never the wrong sign).
pub fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// `amount × count` in `i64`, saturating: for products where one side was typed by a player.
pub fn times(amount: i64, count: impl Into<i128>) -> i64 {
    saturate(i128::from(amount) * count.into())
}

/// Whether `amount × count` stays within [`MAX_MONEY_MINOR`] (a document line's value, a
/// contract's amount): files are refused otherwise, so every sum of such values fits in 64 bits.
pub fn line_value_fits(amount: i64, count: u64) -> bool {
    i128::from(amount).abs() * i128::from(count) <= i128::from(MAX_MONEY_MINOR)
}

/// Parses an amount of money in a file (a price, freight, an increment) into minor units,
/// refusing more than [`MAX_MONEY_MINOR`] as [`DecimalError::TooLarge`].
///
/// # Errors
/// As [`parse_decimal`], and `TooLarge` over the money limit.
pub fn parse_amount(text: &str, exponent: u32) -> Result<i64, DecimalError> {
    let minor = parse_decimal(text, exponent)?;
    if minor.unsigned_abs() > MAX_MONEY_MINOR.unsigned_abs() {
        return Err(DecimalError::TooLarge);
    }
    Ok(minor)
}

/// Parses `"-1,234.5"` into an integer scaled by `10^scale` (`-123450` for scale 2), exactly.
/// Thousands separators `,` and `_` are accepted.
///
/// # Errors
/// When the text is not a number, has more decimals than `scale`, or overflows.
pub fn parse_decimal(text: &str, scale: u32) -> Result<i64, DecimalError> {
    let text = text.trim().as_bytes();
    let value = match parse_plain_decimal(text, scale) {
        Some(value) => value,
        None => parse_any_decimal(text, scale)?,
    };
    if value.unsigned_abs() > MAX_DECIMAL_SCALED.unsigned_abs() {
        return Err(DecimalError::TooLarge);
    }
    Ok(value)
}

/// The full parser: signs, thousands separators and every error.
fn parse_any_decimal(text: &[u8], scale: u32) -> Result<i64, DecimalError> {
    let (negative, body) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    let (whole, frac) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (&body[..dot], &body[dot + 1..]),
        None => (body, &body[body.len()..]),
    };
    if whole.contains(&b',') {
        // Only `1,234,567` style grouping is a thousands separator; `8,25` is a decimal comma.
        let mut groups = whole.split(|&b| b == b',');
        let first_ok = groups.next().is_some_and(|g| !g.is_empty() && g.len() <= 3);
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Err(DecimalError::DecimalComma);
        }
    }
    if frac.contains(&b',') {
        return Err(DecimalError::DecimalComma);
    }
    let whole_digits = whole.iter().filter(|b| b.is_ascii_digit()).count();
    if whole_digits == 0 && frac.is_empty()
        || !whole.iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'_')
        || !frac.iter().all(|&b| b.is_ascii_digit() || b == b'_')
    {
        return Err(DecimalError::NotANumber);
    }
    let significant = frac
        .iter()
        .rposition(|&b| b != b'0' && b != b'_')
        .map_or(0, |last| last + 1);
    let frac_trimmed = &frac[..significant];
    let frac_digits = frac_trimmed.iter().filter(|b| b.is_ascii_digit()).count();
    if frac_digits > scale as usize {
        return Err(DecimalError::TooManyDecimals { max: scale });
    }
    let mut value: i64 = 0;
    for &b in whole.iter().chain(frac_trimmed).filter(|b| b.is_ascii_digit()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(b - b'0')))
            .ok_or(DecimalError::TooLarge)?;
    }
    let pad = scale - frac_digits as u32;
    value = 10i64
        .checked_pow(pad)
        .and_then(|p| value.checked_mul(p))
        .ok_or(DecimalError::TooLarge)?;
    Ok(if negative { -value } else { value })
}

/// The common case in one pass: unsigned digits with at most one point and no more decimals
/// than `scale`. `None` sends anything else (signs, separators, errors) to the full parser.
fn parse_plain_decimal(text: &[u8], scale: u32) -> Option<i64> {
    let mut value: i64 = 0;
    let mut digits = 0u32;
    let mut decimals: Option<u32> = None;
    for &b in text {
        match b {
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                digits += 1;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return None,
        }
    }
    let decimals = decimals.unwrap_or(0);
    if digits == 0 || decimals > scale {
        return None;
    }
    value.checked_mul(10i64.checked_pow(scale - decimals)?)
}

/// A percentage in basis points (1% = 100 bp), parsed from `"19%"` or `"0.35%"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct BasisPoints(pub i64);

impl BasisPoints {
    /// Parses a percent string that must end in `%`, with at most two decimals.
    ///
    /// # Errors
    /// When the `%` is missing or the number is malformed.
    pub fn parse_percent(text: &str) -> Result<Self, String> {
        let number = text
            .trim()
            .strip_suffix('%')
            .ok_or_else(|| format!("`{text}` is not a percentage; write it like \"19%\""))?;
        parse_decimal(number, 2)
            .map(BasisPoints)
            .map_err(|e| format!("`{text}` {e}"))
    }

    /// `amount × self`, rounded half away from zero.
    pub fn of(&self, amount: i64) -> i64 {
        let product = i128::from(amount) * i128::from(self.0);
        saturate(div_round(product, 10_000))
    }
}

impl fmt::Display for BasisPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format_minor(self.0, 2);
        let trimmed = s.trim_end_matches('0').trim_end_matches('.');
        write!(f, "{trimmed}%")
    }
}

/// A plain decimal with 6 places (`"0.70"` → 700_000), for ratios and exchange rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Micros(pub i64);

impl Micros {
    pub const ONE: Micros = Micros(1_000_000);

    /// # Errors
    /// When the text is not a decimal with at most 6 places.
    pub fn parse(text: &str) -> Result<Self, String> {
        parse_decimal(text, 6).map(Micros).map_err(|e| format!("`{text}` {e}"))
    }
}

impl fmt::Display for Micros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format_minor(self.0, 6).replace(',', "");
        let trimmed = s.trim_end_matches('0');
        let trimmed = trimmed
            .strip_suffix('.')
            .map_or(trimmed.to_string(), |t| format!("{t}.0"));
        f.write_str(&trimmed)
    }
}

/// Integer division rounding half away from zero.
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    let q = numerator / denominator;
    let r = numerator % denominator;
    if 2 * r.abs() >= denominator.abs() {
        q + numerator.signum() * denominator.signum()
    } else {
        q
    }
}

/// Converts `minor` units of a currency with `from_exponent` into home minor units
/// (`to_exponent`) at `rate` home units per foreign unit, rounding half away from zero.
pub fn convert(minor: i64, from_exponent: u32, rate: Micros, to_exponent: u32) -> i64 {
    let numerator = i128::from(minor) * i128::from(rate.0) * 10i128.pow(to_exponent);
    let denominator = 1_000_000i128 * 10i128.pow(from_exponent);
    saturate(div_round(numerator, denominator))
}

/// The inverse of [`convert`]: `minor` units of the currency `rate` is quoted *in* (home
/// currency per unit of the other) back into the other currency. `None` for a zero rate.
pub fn convert_inverse(minor: i64, from_exponent: u32, rate: Micros, to_exponent: u32) -> Option<i64> {
    if rate.0 == 0 {
        return None;
    }
    let numerator = i128::from(minor) * 1_000_000i128 * 10i128.pow(to_exponent);
    let denominator = i128::from(rate.0) * 10i128.pow(from_exponent);
    Some(saturate(div_round(numerator, denominator)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_decimals() {
        assert_eq!(parse_decimal("50000.00", 2), Ok(5_000_000));
        assert_eq!(parse_decimal("1,234.5", 2), Ok(123_450));
        assert_eq!(parse_decimal("-3", 2), Ok(-300));
        assert_eq!(parse_decimal("7.1800", 6), Ok(7_180_000));
        assert_eq!(parse_decimal("1.005", 2), Err(DecimalError::TooManyDecimals { max: 2 }));
        assert_eq!(parse_decimal("12a", 2), Err(DecimalError::NotANumber));
        assert_eq!(parse_decimal("", 2), Err(DecimalError::NotANumber));
        assert_eq!(parse_decimal("8,25", 6), Err(DecimalError::DecimalComma));
        assert_eq!(parse_decimal("19,0", 2), Err(DecimalError::DecimalComma));
        assert_eq!(parse_decimal("5,0,0,0", 2), Err(DecimalError::DecimalComma));
        assert_eq!(parse_decimal("12,345,678.90", 2), Ok(1_234_567_890));
        assert_eq!(parse_decimal("99999999999999999999", 2), Err(DecimalError::TooLarge));
        assert_eq!(parse_decimal("1.500", 2), Ok(150));
        assert_eq!(parse_decimal(".5", 1), Ok(5));
        assert_eq!(parse_decimal("5.", 1), Ok(50));
        assert_eq!(parse_decimal(".", 1), Err(DecimalError::NotANumber));
        assert_eq!(parse_decimal("1.2.3", 2), Err(DecimalError::NotANumber));
    }

    proptest::proptest! {
        /// The one-pass fast path never disagrees with the full parser on what it accepts.
        #[test]
        fn fast_path_agrees_with_the_full_parser(text in "[0-9.,_+ -]{0,14}", scale in 0u32..7) {
            let bytes = text.trim().as_bytes();
            if let Some(fast) = parse_plain_decimal(bytes, scale) {
                proptest::prop_assert_eq!(parse_any_decimal(bytes, scale), Ok(fast));
            }
        }
    }

    #[test]
    fn percents_and_formatting() {
        assert_eq!(BasisPoints::parse_percent("19%"), Ok(BasisPoints(1900)));
        assert_eq!(BasisPoints::parse_percent("-0.05%"), Ok(BasisPoints(-5)));
        assert!(BasisPoints::parse_percent("19").is_err());
        assert_eq!(BasisPoints(1900).to_string(), "19%");
        assert_eq!(BasisPoints(35).to_string(), "0.35%");
        // ¥3,000 × 13% × 70% = ¥273 (DOMAIN.md worked example), in fen.
        assert_eq!(BasisPoints(7000).of(BasisPoints(1300).of(300_000)), 27_300);
        assert_eq!(format_minor(123_456_789, 2), "1,234,567.89");
        assert_eq!(format_minor(-5, 2), "-0.05");
        assert_eq!(format_minor(150_000, 0), "150,000");
    }

    #[test]
    fn converts_between_exponents() {
        // 100.00 USD at 7.18 CNY/USD = 718.00 CNY
        assert_eq!(convert(10_000, 2, Micros(7_180_000), 2), 71_800);
        // 1,000 JPY (exponent 0) at 0.048 CNY/JPY = 48.00 CNY
        assert_eq!(convert(1_000, 0, Micros(48_000), 2), 4_800);
        // And back: 718.00 CNY at 7.18 CNY/USD = 100.00 USD.
        assert_eq!(convert_inverse(71_800, 2, Micros(7_180_000), 2), Some(10_000));
        assert_eq!(convert_inverse(71_800, 2, Micros(0), 2), None);
        assert_eq!(Micros(7_180_000).to_string(), "7.18");
        assert_eq!(Micros(1_000_000).to_string(), "1.0");
    }
}
