//! The marketplace's referral fee on a sale: the category a product falls in, the percentage
//! (by price band where the platform has bands) and the minimum per item.

use crate::sim::money::BasisPoints;
use crate::sim::scenario::storefront::{ReferralFee, Storefront};
use crate::sim::terms::Text;

impl Storefront {
    /// The referral fee on one unit of `sku` sold at the VAT-inclusive `price`: its category's
    /// bands, or the flat `referral_fee`.
    pub fn referral_fee_on(&self, sku: &str, price: i64) -> i64 {
        match self.fee_category(sku) {
            Some(category) => category.on(price),
            None => self.referral_fee.of(price),
        }
    }

    /// The fee category that lists `sku`, if any.
    pub fn fee_category(&self, sku: &str) -> Option<&ReferralFee> {
        self.referral_fees.iter().find(|f| f.products.iter().any(|p| p == sku))
    }
}

impl ReferralFee {
    /// The fee on one unit sold at the VAT-inclusive `price`.
    pub fn on(&self, price: i64) -> i64 {
        if self.by_portion {
            let mut fee = 0i64;
            let mut floor = 0i64;
            for (up_to, rate) in &self.bands {
                let top = up_to.unwrap_or(i64::MAX).min(price);
                if top > floor {
                    fee = fee.saturating_add(rate.of(top - floor));
                }
                floor = up_to.unwrap_or(i64::MAX);
                if floor >= price {
                    break;
                }
            }
            fee
        } else {
            let rate = self
                .bands
                .iter()
                .find(|(up_to, _)| up_to.is_none_or(|u| price <= u))
                .map_or(BasisPoints(0), |(_, r)| *r);
            rate.of(price)
        }
    }

    /// `5% up to 15.00, 10% up to 20.00, 15% above` in both languages (amounts in minor units
    /// formatted by `money`; the category's name as the file writes it).
    pub fn describe(&self, money: impl Fn(i64) -> String) -> Text {
        let (en, zh): (Vec<String>, Vec<String>) = self
            .bands
            .iter()
            .map(|(up_to, rate)| match up_to {
                Some(u) => (
                    format!("{rate} up to {}", money(*u)),
                    format!("{} 以内 {rate}", money(*u)),
                ),
                None if self.bands.len() == 1 => (rate.to_string(), rate.to_string()),
                None => (format!("{rate} above"), format!("以上部分 {rate}")),
            })
            .unzip();
        let (how_en, how_zh) = if self.by_portion && self.bands.len() > 1 {
            (
                " (each portion of the price at its own rate)",
                "（价格各段分别按各自费率计）",
            )
        } else {
            ("", "")
        };
        Text {
            en: format!("{}: {}{how_en}", self.category, en.join(", ")),
            zh: format!("{}：{}{how_zh}", self.category, zh.join("，")),
        }
    }
}
