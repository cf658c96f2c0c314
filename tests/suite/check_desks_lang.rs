//! `check` says what is wrong with a desk's section (a negotiation, a declaration, a letter, a
//! rubric check, an auction site, a storefront) in the instructor's language: each bundled
//! scenario, broken in several places, is diagnosed in Chinese without an English sentence
//! outside what the file itself writes, and in English word for word as before.

use std::path::{Path, PathBuf};

use tradeport::cli::{CheckStyle, check, check_in};
use tradeport::i18n::{Catalogue, Language};

use crate::check_lang::without_quotes;
use crate::said::english_run;

/// One break: the text replaced (its first occurrence), its replacement, and the problem it
/// makes in English and in Chinese.
struct Break {
    from: &'static str,
    to: &'static str,
    english: &'static str,
    chinese: &'static str,
}

const fn broken(from: &'static str, to: &'static str, english: &'static str, chinese: &'static str) -> Break {
    Break {
        from,
        to,
        english,
        chinese,
    }
}

/// The negotiation, the declaration and the letter of the B2B scenario.
const B2B: &[Break] = &[
    broken(
        "deadline_rounds: 6",
        "deadline_rounds: 1",
        "error: a deadline of 1 rounds is out of range\n",
        "错误：截止期限 1 轮超出范围\n",
    ),
    broken(
        "Quantity([1200, 1800, 2400, 3000])",
        "Quantity([1200, 1200, 2400, 3000])",
        "error: an option is listed twice\n",
        "错误：有一个选项列了两次\n",
    ),
    broken(
        "weights: [\"50%\", \"15%\", \"10%\", \"25%\"]",
        "weights: [\"50%\", \"15%\", \"10%\", \"20%\"]",
        "error: weights add up to 95%\n  at: setup.tasks[1].negotiation.seller.weights\n  hint: make them add up to exactly 100%\n",
        "错误：权重合计为 95%\n",
    ),
    broken(
        "delivery_days: 45,",
        "delivery_days: 400,",
        "error: 400 days is out of range\n",
        "错误：400 天超出范围\n",
    ),
    broken(
        "trade_mode: \"0110\"",
        "trade_mode: \"01A0\"",
        "error: `01A0` is not a supervision code\n",
        "错误：`01A0` 不是监管方式代码\n",
    ),
    broken(
        "contract_no: \"WLS-NK-2026-031\"",
        "contract_no: \" \"",
        "error: `contract_no` is empty\n",
        "错误：`contract_no` 是空的\n",
    ),
    broken(
        "unit_price: \"28.40\"",
        "unit_price: \"-3\"",
        "error: `-3` is not a price above zero\n",
        "错误：`-3` 不是大于零的价格\n",
    ),
    broken(
        "gross_kg: \"312.000\"",
        "gross_kg: \"200.000\"",
        "error: gross 200.000 kg is below net 216.000 kg\n",
        "错误：毛重 200.000 千克低于净重 216.000 千克\n",
    ),
    broken(
        "reply_within_days: 2,\n                    points",
        "reply_within_days: 0,\n                    points",
        "error: the writer waits 0 days\n",
        "错误：写信人只等 0 天\n",
    ),
    broken(
        "verdict: Right, why: (en: \"Right: the price with the Incoterm",
        "verdict: Vague, why: (en: \"Right: the price with the Incoterm",
        "error: 4 statement(s), 0 of them Right\n",
        "错误：4 条陈述，其中 0 条为 `Right`\n",
    ),
];

/// The German storefront and the B2C rubric.
const B2C: &[Break] = &[
    broken(
        "title_limit: 200",
        "title_limit: 10",
        "error: a title limit of 10 characters is not plausible\n",
        "错误：标题上限 10 个字符不合实际\n",
    ),
    broken(
        "(up_to: \"20.00\", rate: \"10%\")",
        "(up_to: \"12.00\", rate: \"10%\")",
        "error: `12.00` is not a price above the band before\n",
        "错误：`12.00` 不是高于上一档的价格\n",
    ),
    broken(
        "transit_days: 12)",
        "transit_days: 0)",
        "error: 0 days in transit is not plausible\n",
        "错误：运输 0 天不合实际\n",
    ),
    broken(
        "inbound_days: 35",
        "inbound_days: 200",
        "error: 200 days to reach the warehouse is not plausible\n",
        "错误：到仓 200 天不合实际\n",
    ),
    broken(
        "rating: \"4.3\"",
        "rating: \"4.35\"",
        "error: ratings have one decimal\n",
        "错误：评分只保留一位小数\n",
    ),
    broken(
        "followers: 180000",
        "followers: 0",
        "error: no followers\n",
        "错误：没有粉丝\n",
    ),
    broken(
        "coupon_fee: (currency: \"EUR\", amount: \"0.60\")",
        "coupon_fee: (currency: \"CNY\", amount: \"0.60\")",
        "error: CNY is not the market's currency (EUR)\n",
        "错误：CNY 不是该市场的货币（EUR）\n",
    ),
    broken(
        "to: \"2026-11-30\", traffic: \"250%\"",
        "to: \"2026-11-20\", traffic: \"250%\"",
        "error: 2026-11-20 is before 2026-11-23\n",
        "错误：2026-11-20 早于 2026-11-23\n",
    ),
    broken(
        "AnswerTone(min: 22)",
        "AnswerTone(min: 40)",
        "error: tone is scored out of 30\n",
        "错误：语气满分为 30\n",
    ),
    broken(
        "CostSheetRight(lines: [Vat])",
        "CostSheetRight(lines: [])",
        "error: no lines to check\n",
        "错误：没有要检查的行\n",
    ),
    broken(
        "ListingQualityAtLeast(min: 800)",
        "ListingQualityAtLeast(min: 1200)",
        "error: quality is scored out of 1000\n",
        "错误：质量满分为 1000\n",
    ),
];

/// The American auction site.
const C2C: &[Break] = &[
    broken(
        "soft_close_minutes: 0",
        "soft_close_minutes: 90",
        "error: 90 minutes\n",
        "错误：延时 90 分钟太长\n",
    ),
    broken(
        "buyers_per_day: 5",
        "buyers_per_day: 0",
        "error: 0 buyers a day per listing\n",
        "错误：每件商品每天 0 位买家，超出范围\n",
    ),
    broken(
        "share: \"35%\"",
        "share: \"30%\"",
        "error: the shares add up to 95%\n",
        "错误：各类议价买家的占比合计为 95%\n",
    ),
    broken(
        "high: \"1.35\"",
        "high: \"0.50\"",
        "error: values must satisfy low ≤ mode ≤ high, with low below high\n",
        "错误：估值必须满足 `low` ≤ `mode` ≤ `high`，且 `low` 低于 `high`\n",
    ),
    broken(
        "kind: Postal,",
        "kind: OverseasWarehouse,",
        "error: an individual's parcel goes by post or express\n",
        "错误：个人的包裹只能走邮政或快递\n",
    ),
    broken(
        "transit_days: 14,",
        "transit_days: 0,",
        "error: 0 days in transit\n",
        "错误：运输 0 天，超出范围\n",
    ),
    broken(
        "collection_fee: (currency: \"USD\", amount: \"10.00\")",
        "collection_fee: (currency: \"CNY\", amount: \"10.00\")",
        "error: 10.00 CNY is not in the market's currency\n  at: setup.markets[0].auction_site.collection_fee\n  hint: give it in USD\n",
        "错误：10.00 CNY 不是该市场的货币\n",
    ),
];

/// `scenarios/{id}.scenario.ron` with `breaks` made, written to a fresh folder beside a copy
/// of the bundled rule packs it names.
fn write_broken(id: &str, breaks: &[Break]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-check-desks-{id}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir("scenarios/rules").unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, dir.join("rules").join(name)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let mut text = std::fs::read_to_string(format!("scenarios/{id}.scenario.ron")).unwrap_or_else(|e| panic!("{e}"));
    for b in breaks {
        assert!(text.contains(b.from), "{id}: `{}` is no longer in the scenario", b.from);
        text = text.replacen(b.from, b.to, 1);
    }
    let file = dir.join(format!("{id}.scenario.ron"));
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    file
}

fn checked(file: &Path, cat: &Catalogue) -> String {
    let mut out = Vec::new();
    let _ = check_in(&[file.to_path_buf()], &mut out, CheckStyle::Plain, cat);
    String::from_utf8_lossy(&out).to_string()
}

fn each_problem_is_said_in_both_languages(id: &str, breaks: &[Break]) {
    let file = write_broken(id, breaks);
    let english = checked(&file, &Catalogue::new(Language::English));
    let chinese = checked(&file, &Catalogue::new(Language::Chinese));
    let mut plain = Vec::new();
    let _ = check(std::slice::from_ref(&file), &mut plain, CheckStyle::Plain);
    assert_eq!(
        english,
        String::from_utf8_lossy(&plain),
        "{id}: English differs from `check`"
    );
    for b in breaks {
        assert!(english.contains(b.english), "{id}: no {:?} in:\n{english}", b.english);
        assert!(chinese.contains(b.chinese), "{id}: no {:?} in:\n{chinese}", b.chinese);
    }
    assert_eq!(
        chinese.matches("：错误：").count(),
        english.matches(": error: ").count(),
        "{id}: the two languages name different problems:\n{english}\n{chinese}"
    );
    // What is said, without the file's own words: the message after 错误, each hint.
    let said: Vec<(&str, String)> = chinese
        .lines()
        .filter_map(|line| {
            let said = line
                .split_once("：错误：")
                .map(|(_, message)| message)
                .or_else(|| line.trim_start().strip_prefix("提示："))?;
            Some((line, without_quotes(said)))
        })
        .collect();
    assert!(said.len() > breaks.len(), "{id}: {chinese}");
    for (line, said) in said {
        assert!(english_run(&said, 3).is_none(), "{id}: English in: {line}\n{chinese}");
    }
    let _ = std::fs::remove_dir_all(file.parent().unwrap_or(&file));
}

#[test]
fn a_broken_negotiation_declaration_and_letter_are_diagnosed_in_chinese() {
    each_problem_is_said_in_both_languages("b2b-silk-blouses", B2B);
}

#[test]
fn a_broken_storefront_and_rubric_are_diagnosed_in_chinese() {
    each_problem_is_said_in_both_languages("b2c-eu-storefront", B2C);
}

#[test]
fn a_broken_auction_site_is_diagnosed_in_chinese() {
    each_problem_is_said_in_both_languages("c2c-vintage-cameras", C2C);
}
