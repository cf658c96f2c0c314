//! `tradeport new`: a complete, commented, valid scenario to start from, for each trade mode.
//!
//! Each mode starts from the bundled scenario of that mode (built into the program, so `new`
//! works in an empty folder): its every rubric point is earnable and its numbers cite their
//! sources. The copy takes its id from the file name, names the bundled rule packs by id
//! (no `rules/` folder needed beside it), says in its title that it is a new scenario, and
//! opens with a guide (English or Chinese) to what to change and how to check it.

use crate::sim::said::Said;
use crate::sim::terms::TradeMode;

/// The language of the guide at the top of the new file (the scenario's texts are always
/// bilingual).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideLanguage {
    English,
    Chinese,
}

/// The bundled scenario each mode starts from: (its id, its text).
fn template(mode: TradeMode) -> (&'static str, &'static str) {
    match mode {
        TradeMode::B2B => (
            "b2b-silk-blouses",
            include_str!("../../scenarios/b2b-silk-blouses.scenario.ron"),
        ),
        TradeMode::B2C => (
            "b2c-eu-storefront",
            include_str!("../../scenarios/b2c-eu-storefront.scenario.ron"),
        ),
        TradeMode::C2C => (
            "c2c-vintage-cameras",
            include_str!("../../scenarios/c2c-vintage-cameras.scenario.ron"),
        ),
    }
}

/// The id a scenario file must have: its file name without `.scenario.ron`.
///
/// # Errors
/// Why the name cannot be a scenario's (wrong ending, or not 1–64 lowercase letters, digits
/// and `-`).
pub fn id_from_file_name(name: &str) -> Result<String, String> {
    id_from_file_name_said(name).map_err(|why| crate::i18n::english().say(&why))
}

/// [`id_from_file_name`], saying why as a catalogue sentence.
///
/// # Errors
/// As [`id_from_file_name`].
pub fn id_from_file_name_said(name: &str) -> Result<String, Said> {
    let Some(id) = name.strip_suffix(super::SCENARIO_SUFFIX) else {
        return Err(Said::new("check-file-name-suffix").with("suffix", super::SCENARIO_SUFFIX));
    };
    if !super::is_plain_id(id) {
        return Err(Said::new("check-file-name-id")
            .with("suffix", super::SCENARIO_SUFFIX)
            .with("max", super::MAX_ID_CHARS));
    }
    Ok(id.to_string())
}

/// The text of a new scenario of `mode` with id `id` (a plain id: see [`id_from_file_name`]).
pub fn new_scenario(mode: TradeMode, id: &str, guide: GuideLanguage) -> String {
    let (template_id, text) = template(mode);
    // The template's own opening comment says what it teaches; keep it, under the guide.
    let body_start = text.find("\n(").map_or(0, |i| i + 1);
    let (about, body) = text.split_at(body_start);
    let mut body = body.replacen(&format!("id: \"{template_id}\""), &format!("id: \"{id}\""), 1);
    for pack in ["cn-export", "cn-import", "eu", "uk", "us"] {
        body = body.replace(
            &format!("(id: \"{pack}\", file: \"rules/{pack}.rules.ron\")"),
            &format!("(id: \"{pack}\") /* bundled pack, by id */"),
        );
    }
    body = body.replacen("author: \"Tradeport team\"", "author: \"(your name)\"", 1);
    body = retitle(&body);
    let mut out = guide_text(mode, template_id, guide);
    out.push_str(match guide {
        GuideLanguage::English => "//\n// What the starting scenario teaches:\n",
        GuideLanguage::Chinese => "//\n// 起始情景的教学内容（英文）：\n",
    });
    out.push_str(about);
    out.push_str(&body);
    out
}

/// Marks the scenario's title as a new one (the first `title:` is the scenario's own).
fn retitle(body: &str) -> String {
    let mut out = body.to_string();
    for (language, prefix) in [("en", "New scenario: "), ("zh", "新情景：")] {
        let Some(title) = out.find("title: (") else { break };
        let key = format!("{language}: \"");
        if let Some(at) = out[title..].find(&key) {
            let insert = title + at + key.len();
            out.insert_str(insert, prefix);
        }
    }
    out
}

fn guide_text(mode: TradeMode, template_id: &str, guide: GuideLanguage) -> String {
    let mode_name = match mode {
        TradeMode::B2B => "B2B",
        TradeMode::B2C => "B2C",
        TradeMode::C2C => "C2C",
    };
    match guide {
        GuideLanguage::English => format!(
            "// A new {mode_name} scenario, written by `tradeport new` from the bundled `{template_id}`.\n\
             // It is complete and valid as it stands, and the AI expert earns every rubric point.\n\
             // Make it yours, one change at a time, and after each change run:\n\
             //     tradeport check THIS_FILE          (errors and warnings, with line and hint)\n\
             //     tradeport expert THIS_FILE         (the expert's run: what a full score takes)\n\
             //     tradeport simulate THIS_FILE --runs 200   (balance: expert, novice and random)\n\
             // Change first: meta.title and description (both languages), setup.role, the\n\
             // products (names, unit costs, HS codes), the counterparts (their reservation values\n\
             // keep a zone of agreement with yours), the tasks' texts, then the rubric's points\n\
             // (they must add up to rubric_total). Every rate, fee and threshold cites its source:\n\
             // keep the `source:` fields true, and mark a figure you could not check as unverified.\n\
             // Rule packs are the bundled ones, named by id; docs/scenario-format.md lists every\n\
             // field and docs/instructor-guide.md walks through a first scenario.\n"
        ),
        GuideLanguage::Chinese => format!(
            "// 由 `tradeport new` 根据内置情景 `{template_id}` 生成的新 {mode_name} 情景。\n\
             // 原样即完整、有效，AI 专家可拿到评分表的全部分数。\n\
             // 请逐项修改，每改一处就运行：\n\
             //     tradeport check 本文件            （错误与警告，附行号和提示）\n\
             //     tradeport expert 本文件           （专家的完整操作：满分需要做什么）\n\
             //     tradeport simulate 本文件 --runs 200   （平衡性：专家、新手、随机玩家）\n\
             // 建议先改：meta 的 title 和 description（中英文）、setup.role、商品（名称、单位成本、\n\
             // HS 编码）、交易对手（其保留价值要与你方留有成交区间）、任务文字，最后改评分表分值\n\
             // （合计须等于 rubric_total）。每个税率、费用和门槛都要注明来源：保持 `source:` 字段\n\
             // 真实，无法核实的数字要标为未核实。规则包使用内置规则包（按 id 引用）；\n\
             // docs/scenario-format.md 说明每个字段，docs/instructor-guide.zh-CN.md 带你写第一个情景。\n\
             // 注意：RON 语法只认半角标点（, : \" ( )），中文全角标点只能出现在引号内的文字里。\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_comes_from_the_file_name() {
        assert_eq!(id_from_file_name("my-deal.scenario.ron").as_deref(), Ok("my-deal"));
        assert!(id_from_file_name("my-deal.ron").is_err());
        assert!(id_from_file_name("My Deal.scenario.ron").is_err());
        assert!(id_from_file_name(".scenario.ron").is_err());
    }

    #[test]
    fn the_copy_names_packs_by_id_and_is_retitled() {
        for mode in [TradeMode::B2B, TradeMode::B2C, TradeMode::C2C] {
            let text = new_scenario(mode, "my-deal", GuideLanguage::English);
            assert!(!text.contains("rules/"), "{mode:?} still names a rules/ file");
            assert!(text.contains("id: \"my-deal\""));
            assert!(text.contains("en: \"New scenario: "));
            assert!(text.contains("zh: \"新情景："));
        }
    }
}
