//! Buyers' questions and the student's answers: for each topic the answer composer offers
//! statements built from the facts (one true and complete, the others wrong, vague or
//! unlawful), and the student adds a note of their own. The grade counts the topics answered
//! truly (70 points) and the note's tone (30 points); speed is judged by the day answered.

pub use crate::sim::scenario::letter::{Statement, Verdict};
use crate::sim::terms::{ConditionGrade, QuestionTopic, Text};

/// Index of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct QuestionId(pub u32);

/// The facts an answer can be checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerFacts {
    pub dimensions_mm: (u32, u32, u32),
    pub gross_weight_g: u32,
    pub true_grade: ConditionGrade,
    pub faults: Vec<Text>,
    /// `EMS (tracked)`.
    pub postage_name: Text,
    pub days_to_door: u32,
    pub tracked: bool,
    /// What the buyer pays on import, in words (built by the caller from the landed cost).
    pub import_charges: Text,
    /// Whether the buyer pays anything at the door.
    pub pays_at_door: bool,
}

/// A grade's name in both languages.
/// How far a grade is from mint: 0 for mint, 5 for parts only.
pub fn grade_rank(grade: ConditionGrade) -> i64 {
    match grade {
        ConditionGrade::Mint => 0,
        ConditionGrade::Excellent => 1,
        ConditionGrade::VeryGood => 2,
        ConditionGrade::Good => 3,
        ConditionGrade::Fair => 4,
        ConditionGrade::ForParts => 5,
    }
}

pub fn grade_name(grade: ConditionGrade) -> Text {
    let (en, zh) = match grade {
        ConditionGrade::Mint => ("Mint", "全新级"),
        ConditionGrade::Excellent => ("Excellent", "极好"),
        ConditionGrade::VeryGood => ("Very good", "很好"),
        ConditionGrade::Good => ("Good", "良好"),
        ConditionGrade::Fair => ("Fair", "一般"),
        ConditionGrade::ForParts => ("For parts / not working", "仅供零件/不能使用"),
    };
    Text {
        en: en.to_string(),
        zh: zh.to_string(),
    }
}

fn text(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        zh: zh.into(),
    }
}

/// The statements offered for a topic, in a fixed order that depends on `seed` (so the true
/// one is not always first).
pub fn statements(topic: QuestionTopic, facts: &AnswerFacts, seed: u32) -> Vec<Statement> {
    let (l, w, h) = facts.dimensions_mm;
    let mut list = match topic {
        QuestionTopic::Size => vec![
            Statement {
                text: text(
                    format!(
                        "Packed, it measures {l} × {w} × {h} mm and weighs {} g.",
                        facts.gross_weight_g
                    ),
                    format!("包装后尺寸为{l}×{w}×{h}毫米，重{}克。", facts.gross_weight_g),
                ),
                verdict: Verdict::Right,
                why: text("Exact measurements from the item.", "给出了实物的准确尺寸。"),
            },
            Statement {
                text: text(
                    "It is a standard size for a camera of this kind, and light enough to post cheaply.",
                    "这类相机的标准尺寸，也够轻，寄起来不贵。",
                ),
                verdict: Verdict::Vague,
                why: text(
                    "Tells the buyer nothing they can check.",
                    "没有给买家任何可核对的信息。",
                ),
            },
            Statement {
                text: text(
                    format!(
                        "Packed, it measures {} × {} × {} mm and weighs {} g.",
                        l * 3 / 4,
                        w * 3 / 4,
                        h * 3 / 4,
                        facts.gross_weight_g / 2
                    ),
                    format!(
                        "包装后尺寸为{}×{}×{}毫米，重{}克。",
                        l * 3 / 4,
                        w * 3 / 4,
                        h * 3 / 4,
                        facts.gross_weight_g / 2
                    ),
                ),
                verdict: Verdict::Wrong,
                why: text(
                    format!(
                        "The parcel measures {l} × {w} × {h} mm and weighs {} g: check the item before you answer.",
                        facts.gross_weight_g
                    ),
                    format!(
                        "包裹实际为{l}×{w}×{h}毫米、重{}克：回答前先核对实物。",
                        facts.gross_weight_g
                    ),
                ),
            },
        ],
        QuestionTopic::Condition => {
            let grade = grade_name(facts.true_grade);
            let (faults_en, faults_zh) = if facts.faults.is_empty() {
                ("no known faults".to_string(), "没有已知瑕疵".to_string())
            } else {
                (
                    facts
                        .faults
                        .iter()
                        .map(|f| f.en.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    facts
                        .faults
                        .iter()
                        .map(|f| f.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("；"),
                )
            };
            vec![
                Statement {
                    text: text(
                        format!("Condition: {}. Tested, and to be honest: {faults_en}.", grade.en),
                        format!("成色：{}。已测试，如实告知：{faults_zh}。", grade.zh),
                    ),
                    verdict: Verdict::Right,
                    why: text(
                        "The true grade and every fault: no surprise, no 'not as described' claim.",
                        "真实成色与全部瑕疵：买家不会意外，也不会投诉“与描述不符”。",
                    ),
                },
                Statement {
                    text: text(
                        "It is in great shape for its age, works as it should and has been stored with care.",
                        "以它的年代来说状态很好，功能正常，一直被小心保存。",
                    ),
                    verdict: Verdict::Vague,
                    why: text(
                        "Says nothing about the faults the buyer asked about.",
                        "没有回答买家问的瑕疵。",
                    ),
                },
                Statement {
                    // As specific as the true answer, and as wrong as a seller hoping for a
                    // higher price (for a faultless mint item, simply true).
                    text: if facts.true_grade == ConditionGrade::Mint && facts.faults.is_empty() {
                        text(
                            "Mint, as new: it has hardly been used.",
                            "全新级，和新的一样：几乎没用过。",
                        )
                    } else {
                        text(
                            "Condition: Mint. Tested, and to be honest: no known faults.",
                            "成色：全新级。已测试，如实告知：没有已知瑕疵。",
                        )
                    },
                    verdict: if facts.true_grade == ConditionGrade::Mint && facts.faults.is_empty() {
                        Verdict::Right
                    } else {
                        Verdict::Wrong
                    },
                    why: text(
                        format!(
                            "It is {} with faults: the buyer can claim 'not as described'.",
                            grade.en
                        ),
                        format!("实际为{}且有瑕疵：买家可以投诉“与描述不符”。", grade.zh),
                    ),
                },
            ]
        }
        QuestionTopic::ShippingTime => {
            let tracking = if facts.tracked {
                ("tracked", "可追踪")
            } else {
                ("untracked", "不可追踪")
            };
            vec![
                Statement {
                    text: text(
                        format!(
                            "I post it by {} ({}); it reaches you in about {} days.",
                            facts.postage_name.en, tracking.0, facts.days_to_door
                        ),
                        format!(
                            "我用{}（{}）寄出，大约{}天送达。",
                            facts.postage_name.zh, tracking.1, facts.days_to_door
                        ),
                    ),
                    verdict: Verdict::Right,
                    why: text(
                        "Handling plus transit time of the service you chose.",
                        "处理时间加上所选邮寄方式的运输时间。",
                    ),
                },
                Statement {
                    text: text(
                        format!(
                            "I post it by {} ({}); it reaches you in 2–3 days.",
                            facts.postage_name.en, tracking.0
                        ),
                        format!("我用{}（{}）寄出，2到3天送达。", facts.postage_name.zh, tracking.1),
                    ),
                    verdict: if facts.days_to_door <= 3 {
                        Verdict::Right
                    } else {
                        Verdict::Wrong
                    },
                    why: text(
                        format!(
                            "It takes about {} days: a broken promise costs feedback.",
                            facts.days_to_door
                        ),
                        format!("实际约需{}天：做不到的承诺会换来差评。", facts.days_to_door),
                    ),
                },
                Statement {
                    text: text(
                        "That depends on the post and on customs at your end, so I cannot promise a date.",
                        "这要看邮局和你那边的海关，所以我没法保证日期。",
                    ),
                    verdict: Verdict::Vague,
                    why: text(
                        "You know the service and its transit time: say it.",
                        "你知道邮寄方式和时效，应该说明。",
                    ),
                },
            ]
        }
        QuestionTopic::ImportCharges => vec![
            Statement {
                text: facts.import_charges.clone(),
                verdict: Verdict::Right,
                why: text(
                    "What the destination's rules charge on this parcel, and who pays when.",
                    "按目的国规则，这个包裹要缴哪些税费、由谁在何时支付。",
                ),
            },
            Statement {
                text: text(
                    "There are no import charges on second-hand items: duty and VAT are charged on new goods only, whatever their value.",
                    "二手物品没有进口税费：关税和增值税只对新品征收，与价值无关。",
                ),
                // False whatever this parcel owes: used goods are taxed like new ones.
                verdict: Verdict::Wrong,
                why: text(
                    "Used goods pay duty and VAT like new ones; the value decides, not the age.",
                    "二手物品和新品一样要缴关税和增值税；看价值，不看新旧。",
                ),
            },
            Statement {
                text: text(
                    "I will mark the parcel as a gift with a low value on the customs form, so you pay nothing at the door.",
                    "我会在报关单上把包裹申报为礼物并低报价值，这样你收货时什么都不用付。",
                ),
                verdict: Verdict::Unlawful,
                why: text(
                    "A false customs declaration: the parcel can be seized and the sender fined.",
                    "这是虚假报关：包裹可能被没收，寄件人可能被罚款。",
                ),
            },
        ],
    };
    let n = list.len();
    list.rotate_left(seed as usize % n);
    list
}

/// How an answer was graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerGrade {
    /// Topics answered with a true, specific statement.
    pub right: u32,
    pub topics: u32,
    /// Whether any statement proposed breaking the law.
    pub unlawful: bool,
    /// 0–30 points for the note: greeting, thanks, a name, a sensible length, no shouting.
    pub tone: u32,
    /// What the tone check missed.
    pub tone_missing: Vec<&'static str>,
    /// 0–100: topics 70, tone 30 (0 if unlawful).
    pub score: u32,
}

/// Grades the chosen statements (`verdicts`, one per topic asked; a missing topic counts as
/// unanswered) and the free note.
pub fn grade_answer(verdicts: &[Option<Verdict>], note: &str) -> AnswerGrade {
    grade_answer_of_length(verdicts, note, 800)
}

/// [`grade_answer`] for a text of up to `longest` characters (a whole letter written in the
/// student's own words is longer than a note).
pub fn grade_answer_of_length(verdicts: &[Option<Verdict>], note: &str, longest: usize) -> AnswerGrade {
    let topics = u32::try_from(verdicts.len()).unwrap_or(u32::MAX).max(1);
    let right = verdicts.iter().filter(|v| **v == Some(Verdict::Right)).count() as u32;
    let unlawful = verdicts.contains(&Some(Verdict::Unlawful));
    let lower = note.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let mut tone = 0;
    let mut tone_missing = Vec::new();
    let mut check = |ok: bool, points: u32, missing: &'static str| {
        if ok {
            tone += points;
        } else {
            tone_missing.push(missing);
        }
    };
    check(has(&["hi", "hello", "dear", "good", "hey"]), 8, "a greeting");
    check(
        has(&["thanks", "thank", "appreciate", "cheers"]),
        8,
        "thanks for the interest",
    );
    let letters = note.chars().filter(|c| c.is_alphabetic()).count();
    check(
        (20..=longest).contains(&note.trim().chars().count()),
        6,
        "a note of one to a few sentences",
    );
    let upper = note.chars().filter(|c| c.is_uppercase()).count();
    check(letters > 0 && upper * 3 < letters, 4, "normal capitals (no shouting)");
    check(
        has(&["regards", "best", "wishes", "sincerely"]) || note.trim_end().lines().count() > 1,
        4,
        "a sign-off",
    );
    let score = if unlawful { 0 } else { 70 * right / topics + tone };
    AnswerGrade {
        right,
        topics,
        unlawful,
        tone,
        tone_missing,
        score,
    }
}
