//! The checker's own checks speak the instructor's language: bundled scenarios (and the rule
//! packs and nomenclature beside them), each broken by one text substitution in a scratch
//! folder, are diagnosed in Chinese with no English sentence left outside what the file itself
//! writes (quoted ids and values, field paths, file names), while `check`'s English output
//! stays what it was.

use std::path::{Path, PathBuf};

use tradeport::cli::{CheckStyle, check, check_in};
use tradeport::i18n::{Catalogue, Language};

use crate::check_lang::without_quotes;
use crate::said::english_run;

/// One way of breaking a bundled file, and what `check` must then say in each language.
struct Case {
    /// What is broken (names the scratch folder).
    name: &'static str,
    /// The file checked, under `scenarios/`.
    file: &'static str,
    /// Substitutions: in which file of the scratch folder (`""`: the file checked), the text
    /// and what replaces its first occurrence.
    edits: &'static [(&'static str, &'static str, &'static str)],
    /// Part of the English output.
    english: &'static str,
    /// Part of the Chinese output.
    chinese: &'static str,
}

const B2B: &str = "b2b-silk-blouses.scenario.ron";
const B2C: &str = "b2c-eu-storefront.scenario.ron";
const C2C: &str = "c2c-vintage-cameras.scenario.ron";

const CASES: &[Case] = &[
    Case {
        name: "unknown-currency",
        file: B2B,
        edits: &[("", r#"unit_cost: (currency: "CNY""#, r#"unit_cost: (currency: "CNX""#)],
        english: "error: unknown currency `CNX`\n  at: setup.products[0].unit_cost.currency\n  hint: did you mean `CNY`? Otherwise add it to setup.currencies",
        chinese: "错误：未知的币种 `CNX`\n  位置：setup.products[0].unit_cost.currency\n  提示：是不是想写 `CNY`？否则请把它加进 `setup.currencies`",
    },
    Case {
        name: "unknown-currency-far",
        file: C2C,
        edits: &[(
            "",
            r#"(currency: "USD", amount: "180.00")"#,
            r#"(currency: "XAU", amount: "180.00")"#,
        )],
        english: "unknown currency `XAU`",
        chinese: "未知的币种 `XAU`",
    },
    Case {
        name: "duplicate-counterpart",
        file: B2B,
        edits: &[("", r#"id: "albrecht""#, r#"id: "nordkontor""#)],
        english: "error: duplicate counterpart id `nordkontor` (first used at setup.counterparts[0])\n  at: setup.counterparts[1].id\n  hint: each id must be unique in its list; rename or remove one",
        chinese: "错误：交易方 id `nordkontor` 重复了（第一次用在 `setup.counterparts[0]`）",
    },
    Case {
        name: "duplicate-sku",
        file: B2C,
        edits: &[("", r#"sku: "CB-USBC-1M""#, r#"sku: "PC-TPU-61""#)],
        english: "duplicate SKU `PC-TPU-61`",
        chinese: "SKU `PC-TPU-61` 重复了",
    },
    Case {
        name: "unknown-product-near",
        file: B2B,
        edits: &[("", r#"product: "SB-6206-IVY""#, r#"product: "SB-6206-IVX""#)],
        english: "error: unknown product `SB-6206-IVX`\n  at: setup.tasks[0].product\n  hint: did you mean `SB-6206-IVY`? Otherwise add `SB-6206-IVX` to setup.products",
        chinese: "错误：找不到商品 `SB-6206-IVX`\n  位置：setup.tasks[0].product\n  提示：是不是想写 `SB-6206-IVY`？否则请把 `SB-6206-IVX` 加进 `setup.products`",
    },
    Case {
        name: "unknown-market-near",
        file: C2C,
        edits: &[("", r#"market: "us-buyers""#, r#"market: "us-buyer""#)],
        english: "unknown market `us-buyer`",
        chinese: "找不到市场 `us-buyer`",
    },
    Case {
        name: "unknown-rule-pack",
        file: B2B,
        edits: &[("", r#"rule_pack: "eu""#, r#"rule_pack: "ue""#)],
        english: "unknown rule pack `ue`",
        chinese: "找不到规则包 `ue`",
    },
    Case {
        name: "rule-ends-before-it-starts",
        file: B2B,
        edits: &[(
            "rules/eu.rules.ron",
            r#"valid_from: "2026-07-01",
            valid_to: "2028-06-30","#,
            r#"valid_from: "2026-07-01",
            valid_to: "2025-06-30","#,
        )],
        english: "error: rule ends (2025-06-30) before it starts (2026-07-01)",
        chinese: "错误：规则的结束日期（2025-06-30）早于开始日期（2026-07-01）",
    },
    Case {
        name: "window-ends-before-it-starts",
        file: B2B,
        edits: &[(
            "",
            "from_day: 5,\n                    to_day: 18,",
            "from_day: 5,\n                    to_day: 4,",
        )],
        english: "window ends on day 4 before it starts on day 5",
        chinese: "时间窗在第 4 天结束，早于开始的第 5 天",
    },
    Case {
        name: "not-a-calendar-date",
        file: B2B,
        edits: &[("", r#"start_date: "2026-03-02""#, r#"start_date: "2026-02-30""#)],
        english: "error: `2026-02-30` is not a real calendar date\n  at: setup.start_date\n  hint: check the day against the month's length",
        chinese: "错误：`2026-02-30` 不是日历上真实存在的日期",
    },
    Case {
        name: "date-in-another-form",
        file: C2C,
        edits: &[("", r#"start_date: ""#, r#"start_date: "1/"#)],
        english: "is not a date in the form YYYY-MM-DD",
        chinese: "不是 YYYY-MM-DD 格式的日期",
    },
    Case {
        name: "amount-not-a-number",
        file: B2B,
        edits: &[("", r#"amount: "200000.00""#, r#"amount: "200000.0O""#)],
        english: "error: amount `200000.0O` is not a decimal number\n  at: setup.starting_cash[0].amount\n  hint: write the amount as a decimal string, e.g. \"1250.00\"",
        chinese: "错误：金额 `200000.0O` 不是十进制数",
    },
    Case {
        name: "amount-decimal-comma",
        file: B2C,
        edits: &[("", r#"amount: "12.99""#, r#"amount: "12,99""#)],
        english: "amount `12,99` uses a comma that is not a thousands separator",
        chinese: "金额 `12,99` 用了不是千位分隔符的逗号",
    },
    Case {
        name: "amount-too-many-decimals",
        file: B2B,
        edits: &[("", r#"amount: "168.00""#, r#"amount: "168.005""#)],
        english: "error: `168.005` has more decimals than CNY allows (2)\n  at: setup.products[0].unit_cost.amount\n  hint: round to 2 decimals",
        chinese: "`168.005` 的小数位数超过了 CNY 允许的 2 位",
    },
    Case {
        name: "amount-too-large",
        file: B2B,
        edits: &[("", r#"amount: "200000.00""#, r#"amount: "200000000000000.00""#)],
        english: "amount 200000000000000.00 CNY is too large",
        chinese: "金额 200000000000000.00 CNY 太大",
    },
    Case {
        name: "negative-amount",
        file: C2C,
        edits: &[("", r#"amount: "5000.00""#, r#"amount: "-5000.00""#)],
        english: "negative amount -5000.00 CNY",
        chinese: "金额为负：-5000.00 CNY",
    },
    Case {
        name: "percentage-decimal-comma",
        file: B2B,
        edits: &[("", r#"daily_max: "0.4%""#, r#"daily_max: "0,4%""#)],
        english: "`0,4%` uses a comma that is not a thousands separator",
        chinese: "`0,4%` 用了不是千位分隔符的逗号",
    },
    Case {
        name: "percentage-without-sign",
        file: B2B,
        edits: &[("", r#"daily_chance: "8%""#, r#"daily_chance: "8""#)],
        english: "`8` is not a percentage; write it like \"19%\"",
        chinese: "`8` 不是百分数",
    },
    Case {
        name: "rate-out-of-range",
        file: B2C,
        edits: &[("", r#"rate: "8.2500""#, r#"rate: "0""#)],
        english: "`rate` 0.0 is out of range",
        chinese: "`rate` 的值 0.0 超出范围",
    },
    Case {
        name: "malformed-hs-code",
        file: B2B,
        edits: &[("", r#"hs_code: "6206100000""#, r#"hs_code: "620610000""#)],
        english: "error: HS code `620610000` is malformed: expected 6, 8 or 10 digits, found 9\n  at: setup.products[0].hs_code",
        chinese: "错误：HS 编码 `620610000` 格式有误：应为 6、8 或 10 位数字，实际为 9 位",
    },
    Case {
        name: "hs-prefix-in-a-rule-pack",
        file: B2B,
        edits: &[("rules/eu.rules.ron", r#"hs_prefix: ""#, r#"hs_prefix: "62.06"#)],
        english: "is not an HS code prefix",
        chinese: "不是 HS 编码前缀",
    },
    Case {
        name: "nomenclature-format-version",
        file: "rules/hs-2022.nomenclature.ron",
        edits: &[("", "format: 1", "format: 2")],
        english: "error: unsupported format version 2\n  at: format\n  hint: write `format: 1`",
        chinese: "错误：不支持的格式版本 2\n  位置：format\n  提示：请写 `format: 1`",
    },
    Case {
        name: "nomenclature-heading",
        file: "rules/hs-2022.nomenclature.ron",
        edits: &[("", r#"code: "6206""#, r#"code: "6306""#)],
        english: "heading `6306` is not four digits in chapter 62",
        chinese: "品目 `6306` 不是第 62 章下的四位数字",
    },
    Case {
        name: "country-code",
        file: C2C,
        edits: &[("", r#"origin: ""#, r#"origin: "X"#)],
        english: "is not a country code",
        chinese: "不是国家代码",
    },
    Case {
        name: "gross-below-net",
        file: B2B,
        edits: &[("", "gross_weight_g: 260", "gross_weight_g: 100")],
        english: "gross weight 100 g is below net weight 180 g",
        chinese: "毛重 100 克低于净重 180 克",
    },
    Case {
        name: "day-outside",
        file: B2B,
        edits: &[("", "due_day: 3,", "due_day: 99,")],
        english: "day 99 is outside the scenario (days 1 to 20)",
        chinese: "第 99 天不在情景之内（第 1 到 20 天）",
    },
    Case {
        name: "rubric-total",
        file: C2C,
        edits: &[("", "rubric_total: 100", "rubric_total: 90")],
        english: "rubric points add up to 100, but rubric_total is 90",
        chinese: "评分项合计 100 分，但 `rubric_total` 是 90",
    },
    Case {
        name: "buyer-target-above-reservation",
        file: B2B,
        edits: &[("", r#"target: "0.72""#, r#"target: "0.99""#)],
        english: "a buyer's opening target (0.99) is above their reservation price (0.95)",
        chinese: "买方的开盘目标（0.99）高于其保留价格（0.95）",
    },
    Case {
        name: "rate-for-the-home-currency",
        file: B2B,
        edits: &[(
            "",
            r#"(currency: "USD", rate: "7.1800""#,
            r#"(currency: "CNY", rate: "7.1800""#,
        )],
        english: "CNY is the home currency; it needs no exchange rate",
        chinese: "CNY 是本币，不需要汇率",
    },
];

/// `text` without field and file paths: runs of letters, digits and `_.[]/-` that hold one
/// of `_./[` (`setup.products[0].hs_code`, `/tmp/x/eu.rules.ron`).
fn without_paths(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.contains(['_', '.', '/', '[']) {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "_.[]/-".contains(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// A scratch folder holding `case`'s file broken as it says (with the bundled rule packs in
/// `rules/` when it is a scenario), and the path of the file to check.
fn broken(case: &Case) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("tradeport-check-core-{}-{}", case.name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    let source = Path::new("scenarios").join(case.file);
    let target = dir.join(source.file_name().unwrap_or_default());
    std::fs::copy(&source, &target).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    if case.file.ends_with(".scenario.ron") {
        for entry in std::fs::read_dir("scenarios/rules").into_iter().flatten().flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(".rules.ron") {
                std::fs::copy(&path, dir.join("rules").join(entry.file_name())).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    for (file, from, to) in case.edits {
        let path = if file.is_empty() {
            target.clone()
        } else {
            dir.join(file)
        };
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            text.contains(from),
            "{}: `{from}` is not in {}",
            case.name,
            path.display()
        );
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, target)
}

fn checked(path: &Path, language: Language) -> String {
    let mut out = Vec::new();
    let _ = check_in(
        &[path.to_path_buf()],
        &mut out,
        CheckStyle::Plain,
        &Catalogue::new(language),
    );
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn broken_bundled_files_are_diagnosed_in_chinese_and_unchanged_in_english() {
    let mut failures = Vec::new();
    for case in CASES {
        let (dir, path) = broken(case);
        let chinese = checked(&path, Language::Chinese);
        let english = checked(&path, Language::English);
        let mut plain = Vec::new();
        let _ = check(std::slice::from_ref(&path), &mut plain, CheckStyle::Plain);
        let plain = String::from_utf8_lossy(&plain).into_owned();
        let _ = std::fs::remove_dir_all(&dir);

        let mut problems = Vec::new();
        if english != plain {
            problems.push(format!("English differs from plain `check`:\n{english}\n---\n{plain}"));
        }
        if !english.contains(case.english) {
            problems.push(format!("English lacks {:?}:\n{english}", case.english));
        }
        if !chinese.contains(case.chinese) {
            problems.push(format!("Chinese lacks {:?}:\n{chinese}", case.chinese));
        }
        for line in chinese.lines().filter(|l| !l.trim_start().starts_with("位置：")) {
            let said = line.split_once("：错误：").map_or(line, |(_, message)| message);
            if let Some(run) = english_run(&without_paths(&without_quotes(said)), 3) {
                problems.push(format!("English {run:?} in: {line}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("== {}\n{}", case.name, problems.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every kind of thing a check names (`what` in "unknown product `x`", "duplicate SKU `x`")
/// has its term in both catalogues, and the English term is the name the checks are given.
#[test]
fn every_kind_a_check_names_has_its_term_in_both_languages() {
    use tradeport::sim::check::what_term;
    let english = Catalogue::new(Language::English);
    let chinese = Catalogue::new(Language::Chinese);
    let names = [
        "product",
        "market",
        "counterpart",
        "rule pack",
        "negotiation task",
        "keyword",
        "declaration field",
        "letter point",
        "currency",
        "market id",
        "SKU",
        "counterpart id",
        "task id",
        "criterion id",
        "random event id",
        "exchange rate for",
        "seat id",
        "rule id",
        "content unit",
        "postage id",
        "competitor id",
        "influencer id",
        "model listing product",
        "shipping option id",
        "point id",
        "the dearest deal (highest price × largest quantity)",
    ];
    for name in names {
        let term = what_term(name).unwrap_or_else(|| panic!("no term for {name:?}"));
        assert_eq!(english.tr(term), name);
        assert!(chinese.has_own(term), "{term}");
        assert!(
            english_run(&chinese.tr(term), 3).is_none(),
            "{term}: {}",
            chinese.tr(term)
        );
    }
}

/// The game shows a broken file's problems too: the interface font draws every character of
/// the Chinese check catalogue.
#[test]
fn the_interface_font_draws_the_chinese_check_catalogue() {
    let text = std::fs::read_to_string("assets/i18n/zh-CN/check.ftl").unwrap_or_else(|e| panic!("{e}"));
    let missing: std::collections::BTreeSet<char> = text
        .chars()
        .filter(|c| !tradeport::authoring::font::can_draw(*c))
        .collect();
    assert!(missing.is_empty(), "characters the font cannot draw: {missing:?}");
}
