//! Advertising and store metrics, exactly as defined in DOMAIN.md: CTR = clicks / impressions;
//! CPC = spend / clicks; CVR = orders / clicks; ACoS = ad spend / ad sales; ROAS = ad sales / ad
//! spend; TACoS = ad spend / total sales. Ratios are basis points (ROAS in hundredths); `None`
//! when the denominator is zero.

use crate::sim::money::BasisPoints;

fn ratio_bp(numerator: i64, denominator: i64) -> Option<BasisPoints> {
    (denominator != 0).then(|| {
        BasisPoints(i64::try_from(i128::from(numerator) * 10_000 / i128::from(denominator)).unwrap_or(i64::MAX))
    })
}

pub fn ctr(clicks: u32, impressions: u32) -> Option<BasisPoints> {
    ratio_bp(i64::from(clicks), i64::from(impressions))
}

/// Cost per click in minor units (rounded down).
pub fn cpc(spend: i64, clicks: u32) -> Option<i64> {
    (clicks != 0).then(|| spend / i64::from(clicks))
}

pub fn cvr(orders: u32, clicks: u32) -> Option<BasisPoints> {
    ratio_bp(i64::from(orders), i64::from(clicks))
}

pub fn acos(ad_spend: i64, ad_sales: i64) -> Option<BasisPoints> {
    ratio_bp(ad_spend, ad_sales)
}

/// Return on ad spend in hundredths (2.50 = 250).
pub fn roas_hundredths(ad_sales: i64, ad_spend: i64) -> Option<i64> {
    (ad_spend != 0).then(|| i64::try_from(i128::from(ad_sales) * 100 / i128::from(ad_spend)).unwrap_or(i64::MAX))
}

pub fn tacos(ad_spend: i64, total_sales: i64) -> Option<BasisPoints> {
    ratio_bp(ad_spend, total_sales)
}
