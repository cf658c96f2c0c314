//! The CN23 customs declaration an individual fills in to post a parcel abroad (UPU form for
//! postal items above the CN22 limit): category, a precise description, quantity, weights,
//! the true value in the sale's currency, the HS code and the country of origin. Each field is
//! checked against the sale and the item, with the reason in words.

use crate::sim::money::{CurrencyCode, Money};
use crate::sim::scenario::Product;
use crate::sim::terms::Text;

/// The boxes of the CN23's "category of item".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Cn23Category {
    Gift,
    Documents,
    CommercialSample,
    ReturnedGoods,
    SaleOfGoods,
    Other,
}

impl Cn23Category {
    pub const ALL: [Cn23Category; 6] = [
        Cn23Category::Gift,
        Cn23Category::Documents,
        Cn23Category::CommercialSample,
        Cn23Category::ReturnedGoods,
        Cn23Category::SaleOfGoods,
        Cn23Category::Other,
    ];
}

/// What the student writes on the CN23 (one item line).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cn23Form {
    pub category: Option<Cn23Category>,
    pub description: String,
    pub quantity: u32,
    pub net_weight_g: u32,
    /// In minor units of `currency`.
    pub value: i64,
    pub currency: String,
    pub hs_code: String,
    /// ISO 3166-1 alpha-2.
    pub origin: String,
    pub gross_weight_g: u32,
}

impl Cn23Form {
    /// The right answer for a sale of `product` at `price` (the sale's currency).
    pub fn model(product: &Product, price: Money) -> Self {
        Self {
            category: Some(Cn23Category::SaleOfGoods),
            description: product.name.en.clone(),
            quantity: 1,
            net_weight_g: product.net_weight_g,
            value: price.minor,
            currency: price.currency.as_str().to_string(),
            hs_code: product.hs_code.subheading().to_string(),
            origin: product.origin.clone(),
            gross_weight_g: product.gross_weight_g,
        }
    }
}

/// Which box of the form: the scenario file's names for them.
pub use crate::sim::terms::Cn23Box as Cn23Field;

/// One box checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cn23Verdict {
    pub field: Cn23Field,
    pub right: bool,
    pub why: Text,
}

/// The whole form checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cn23Check {
    pub verdicts: Vec<Cn23Verdict>,
    /// Declared as a gift, or below the price paid: a false declaration.
    pub false_declaration: bool,
}

impl Cn23Check {
    pub fn wrong(&self) -> usize {
        self.verdicts.iter().filter(|v| !v.right).count()
    }
    pub fn right(&self) -> usize {
        self.verdicts.len() - self.wrong()
    }
}

/// Words that say nothing about what is in the parcel.
pub const VAGUE_WORDS: [&str; 8] = [
    "gift",
    "parts",
    "accessories",
    "goods",
    "item",
    "sample",
    "stuff",
    "merchandise",
];

/// Words of a product's English name that identify it: at least three characters, not a
/// filler like "used".
fn name_keywords(product: &Product) -> Vec<String> {
    const FILLERS: [&str; 6] = ["used", "the", "for", "with", "and", "mm"];
    product
        .name
        .en
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !FILLERS.contains(&w.as_str()))
        .collect()
}

fn text(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        zh: zh.into(),
    }
}

/// Within 10% of the item's own weight.
fn close_weight(declared: u32, actual: u32) -> bool {
    u64::from(declared.abs_diff(actual)) * 10 <= u64::from(actual)
}

/// Checks a CN23 for the sale of `product` for `price`.
pub fn check_cn23(form: &Cn23Form, product: &Product, price: Money) -> Cn23Check {
    let mut verdicts = Vec::new();
    let mut verdict = |field, right: bool, why: Text| verdicts.push(Cn23Verdict { field, right, why });

    let category = form.category;
    verdict(
        Cn23Field::Category,
        category == Some(Cn23Category::SaleOfGoods),
        match category {
            Some(Cn23Category::SaleOfGoods) => {
                text("Sold on the site: a sale of goods.", "在网站上售出：属于销售货物。")
            }
            Some(Cn23Category::Gift) => text(
                "The buyer paid for it: calling it a gift is a false declaration to avoid duty.",
                "买家付了钱：申报为礼品是为逃税而作的虚假申报。",
            ),
            Some(_) => text(
                "The buyer paid for it: tick 'sale of goods'.",
                "买家付了钱：应勾选“销售货物”。",
            ),
            None => text("No category ticked.", "没有勾选类别。"),
        },
    );

    let lower = form.description.to_lowercase();
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let matched = name_keywords(product).iter().filter(|k| words.contains(k)).count();
    let vague: Vec<&str> = VAGUE_WORDS
        .iter()
        .copied()
        .filter(|v| words.iter().any(|w| w == v))
        .collect();
    verdict(
        Cn23Field::Description,
        matched >= 2 && vague.is_empty(),
        if !vague.is_empty() {
            text(
                format!(
                    "'{}' says nothing about the contents; customs hold vague parcels.",
                    vague.join("', '")
                ),
                format!("“{}”说明不了内件是什么；海关会扣留品名含糊的包裹。", vague.join("”“")),
            )
        } else if matched >= 2 {
            text("Precise: what it is, make and model.", "准确：写明了物品、品牌和型号。")
        } else {
            text(
                format!(
                    "Too vague: name what it is, the make and the model, e.g. '{}'.",
                    product.name.en
                ),
                format!("太含糊：写明物品、品牌和型号，例如“{}”。", product.name.en),
            )
        },
    );

    verdict(
        Cn23Field::Quantity,
        form.quantity == 1,
        text(
            format!("The parcel holds 1 item; you wrote {}.", form.quantity),
            format!("包裹里有1件物品；你填的是{}。", form.quantity),
        ),
    );

    verdict(
        Cn23Field::NetWeight,
        close_weight(form.net_weight_g, product.net_weight_g) && form.net_weight_g <= form.gross_weight_g,
        text(
            format!(
                "The item weighs {} g without packing (within 10%), and net is never above gross.",
                product.net_weight_g
            ),
            format!(
                "物品不含包装重{}克（误差10%以内），且净重不能大于毛重。",
                product.net_weight_g
            ),
        ),
    );

    let currency_right = CurrencyCode::parse(form.currency.trim()).is_some_and(|c| c == price.currency);
    let undervalued = currency_right && form.value * 100 < price.minor * 99;
    let value_right = currency_right && !undervalued && form.value * 100 <= price.minor * 101;
    verdict(
        Cn23Field::Value,
        value_right,
        if !currency_right {
            text(
                format!("Declare the value in the currency the buyer paid: {}.", price.currency),
                format!("应以买家付款的币种申报价值：{}。", price.currency),
            )
        } else if undervalued {
            text(
                format!(
                    "Below the {} the buyer paid: undervaluation is a false declaration.",
                    price.format()
                ),
                format!("低于买家实付的{}：低报价值属于虚假申报。", price.format()),
            )
        } else {
            text(
                format!("The true value is the {} the buyer paid.", price.format()),
                format!("真实价值就是买家实付的{}。", price.format()),
            )
        },
    );

    let digits: String = form.hs_code.chars().filter(char::is_ascii_digit).collect();
    verdict(
        Cn23Field::HsCode,
        digits.len() >= 6 && digits.starts_with(product.hs_code.subheading()),
        text(
            format!("The item's HS subheading is {}.", product.hs_code.dotted()),
            format!("物品的HS子目是{}。", product.hs_code.dotted()),
        ),
    );

    verdict(
        Cn23Field::Origin,
        form.origin.trim().eq_ignore_ascii_case(&product.origin),
        text(
            format!(
                "Origin is where it was made ({}), not where you post it from.",
                product.origin
            ),
            format!("原产地是生产地（{}），不是寄出地。", product.origin),
        ),
    );

    verdict(
        Cn23Field::GrossWeight,
        close_weight(form.gross_weight_g, product.gross_weight_g),
        text(
            format!("The packed parcel weighs {} g (within 10%).", product.gross_weight_g),
            format!("包裹连包装重{}克（误差10%以内）。", product.gross_weight_g),
        ),
    );

    Cn23Check {
        verdicts,
        false_declaration: category == Some(Cn23Category::Gift) || undervalued,
    }
}
