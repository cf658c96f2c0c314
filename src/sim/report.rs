//! The end-of-scenario report: rubric points per task and competency, money and a timeline.

use std::collections::BTreeMap;

use crate::sim::terms::{Competency, Text};

use super::money::{CurrencyCode, Money};
use super::session::{Account, Session};

/// What was paid into one ledger account, in the home currency (entries in other currencies
/// are left out; charges are converted to the home currency when booked).
fn paid(session: &Session, home: CurrencyCode, exponent: u32, account: Account) -> Money {
    let total = session
        .world()
        .ledger()
        .iter()
        .filter(|e| e.account == account && e.money.currency == home)
        .map(|e| -e.money.minor)
        .sum();
    Money::new(total, home, exponent)
}

/// The C2C work done for a task, in words: listings, sales and offers answered for a selling
/// task, the graded answer to the counterpart's question for an inbox task.
fn c2c_work(session: &Session, task: &crate::sim::scenario::Task) -> Option<Text> {
    use crate::sim::c2c::HaggleMove;
    use crate::sim::terms::Activity;
    if let Some(reply) = session.letters_desk().letter_reply(&task.id) {
        return Some(why!(
            "letter answered on day {} (it arrived on day {}), graded {}/100",
            "第{}天回信（第{}天来信），得分{}/100",
            reply.day,
            reply.asked_day,
            reply.grade.score
        ));
    }
    let shop = session.shop_desk().shop()?;
    match task.activity {
        Activity::C2C if !shop.listings.is_empty() => {
            let answered = shop
                .offers
                .iter()
                .filter(|o| {
                    o.haggle.moves().iter().any(|m| {
                        matches!(
                            m,
                            HaggleMove::SellerAccepts(_) | HaggleMove::SellerCounters(_) | HaggleMove::SellerDeclines
                        )
                    })
                })
                .count();
            Some(why!(
                "{} listing(s), {} sale(s), {answered} offer(s) answered",
                "刊登{}件，成交{}笔，回复报价{answered}个",
                shop.listings.len(),
                shop.orders.len()
            ))
        }
        Activity::Customs => {
            let sku = task.product.as_deref()?;
            let order = shop
                .orders
                .iter()
                .find(|o| o.sku == sku && o.cn23.is_some() && task.market.as_deref().is_none_or(|m| m == o.market))?;
            let check = order.cn23.as_ref()?;
            let (en, zh) = if order.held {
                ("held at customs", "被海关扣留")
            } else {
                ("cleared", "已通关")
            };
            Some(why!(
                "CN23 for {sku} lodged on day {}: {} of {} boxes right, {en}",
                "{sku}的CN23于第{}天提交：{}/{}栏正确，{zh}",
                order.posted_day.unwrap_or(0),
                check.right(),
                check.verdicts.len()
            ))
        }
        Activity::Inbox => {
            let counterpart = task.counterpart.as_deref()?;
            let question = shop
                .questions
                .iter()
                .find(|q| q.counterpart.as_deref() == Some(counterpart) && q.answer.is_some())?;
            let answer = question.answer.as_ref()?;
            Some(why!(
                "{}'s question answered on day {} (asked on day {}), graded {}/100",
                "第{1}天回答了{0}的问题（第{2}天提问），得分{3}/100",
                question.from,
                answer.day,
                question.asked_day,
                answer.grade.score
            ))
        }
        _ => None,
    }
}

/// How far a task got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    /// No work for this task was submitted in the session.
    NotAttempted,
    /// Some criteria earned points.
    Attempted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionResult {
    pub id: String,
    pub description: Text,
    pub earned: u32,
    pub possible: u32,
    /// Why the points were (not) given, in English and Chinese.
    pub reason: Text,
    /// The rule the criterion applies and advice for next time (from the scenario).
    pub rule: Option<Text>,
    pub hint: Option<Text>,
    /// The game checked the criterion itself (otherwise it waits for the instructor).
    pub scored: bool,
}

impl CriterionResult {
    /// Points were lost on a criterion the game checked: a mistake the debrief explains.
    pub fn is_mistake(&self) -> bool {
        self.scored && self.earned < self.possible
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskResult {
    pub id: String,
    pub title: Text,
    pub competency: Competency,
    pub status: TaskStatus,
    pub criteria: Vec<CriterionResult>,
}

impl TaskResult {
    pub fn earned(&self) -> u32 {
        self.criteria.iter().map(|c| c.earned).sum()
    }
    pub fn possible(&self) -> u32 {
        self.criteria.iter().map(|c| c.possible).sum()
    }
}

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub scenario_id: String,
    pub title: Text,
    pub seed: u64,
    pub days_played: u32,
    pub length_days: u32,
    pub finished: bool,
    /// The player stopped before the last day was over.
    pub ended_early: bool,
    pub mode: crate::sim::session::PlayMode,
    pub cash_start_home: Money,
    pub cash_end_home: Money,
    pub reputation_start: u32,
    pub reputation_end: u32,
    pub tasks: Vec<TaskResult>,
    pub total_earned: u32,
    pub total_possible: u32,
    /// Earned and possible points per competency.
    pub competencies: BTreeMap<Competency, (u32, u32)>,
    pub messages_received: usize,
    pub messages_unread: usize,
    /// Customs fees and penalties paid (positive amounts, home currency).
    pub customs_fees: Money,
    pub customs_penalties: Money,
}

impl Report {
    /// Grades the session. Activities record their graded work in later versions; a task
    /// with no submitted work earns nothing and says so.
    pub fn of(session: &Session) -> Self {
        let scenario = session.scenario();
        let tasks: Vec<TaskResult> = scenario
            .tasks()
            .iter()
            .map(|t| {
                let attempts = session.customs_desk().declaration_attempts(&t.id);
                // A criterion without a check is for the instructor to mark; its line says what
                // was done.
                let (status, reason) = if let Some(done) = c2c_work(session, t) {
                    (
                        TaskStatus::Attempted,
                        Text {
                            en: format!("{}; not checked by the game: your instructor marks it", done.en),
                            zh: format!("{}；游戏不检查此项：由老师评分", done.zh),
                        },
                    )
                } else if attempts.is_empty() {
                    (
                        TaskStatus::NotAttempted,
                        why!("no work was submitted for this task", "此任务未提交任何内容"),
                    )
                } else {
                    let cleared = attempts.iter().position(|a| a.clears());
                    (
                        TaskStatus::Attempted,
                        match cleared {
                            Some(i) => why!(
                                "declaration lodged {} time(s), cleared on attempt {}; not checked by the game: your instructor marks it",
                                "申报{}次，第{}次放行；游戏不检查此项：由老师评分",
                                attempts.len(),
                                i + 1
                            ),
                            None => why!(
                                "declaration lodged {} time(s), the goods have not cleared; not checked by the game: your instructor marks it",
                                "申报{}次，货物尚未放行；游戏不检查此项：由老师评分",
                                attempts.len()
                            ),
                        },
                    )
                };
                // Criteria with a check are scored by the game; the others wait for issue 7.
                let checked = t.rubric.iter().any(|c| c.check.is_some());
                let criteria: Vec<CriterionResult> = t
                    .rubric
                    .iter()
                    .map(|c| match &c.check {
                        Some(check) => {
                            let (holds, why) = crate::sim::grading::evaluate(session, t, check);
                            CriterionResult {
                                id: c.id.clone(),
                                description: c.description.clone(),
                                earned: if holds { c.points } else { 0 },
                                possible: c.points,
                                reason: why,
                                rule: c.rule.clone(),
                                hint: c.hint.clone(),
                                scored: true,
                            }
                        }
                        None => CriterionResult {
                            id: c.id.clone(),
                            description: c.description.clone(),
                            earned: 0,
                            possible: c.points,
                            reason: reason.clone(),
                            rule: c.rule.clone(),
                            hint: c.hint.clone(),
                            scored: false,
                        },
                    })
                    .collect();
                let status = if checked && criteria.iter().any(|c| c.earned > 0) {
                    TaskStatus::Attempted
                } else {
                    status
                };
                TaskResult {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    competency: t.competency,
                    status,
                    criteria,
                }
            })
            .collect();
        let competencies = competencies_of(&tasks);
        let home = scenario.home_currency();
        let home_exp = scenario.exponent(home);
        let (cash_start_home, cash_end_home) = super::grading::cash_start_and_end(session);
        Report {
            scenario_id: scenario.meta().id.clone(),
            title: scenario.meta().title.clone(),
            seed: session.seed(),
            days_played: session.day(),
            length_days: scenario.length_days(),
            finished: session.is_finished(),
            ended_early: session.ended_early(),
            mode: session.mode(),
            cash_start_home,
            cash_end_home,
            reputation_start: scenario.starting_reputation(),
            reputation_end: session.world().reputation(),
            total_earned: tasks.iter().map(TaskResult::earned).sum(),
            total_possible: tasks.iter().map(TaskResult::possible).sum(),
            tasks,
            competencies,
            messages_received: session.world().inbox().len(),
            messages_unread: session.world().unread_count(),
            customs_fees: paid(session, home, home_exp, Account::CustomsFees),
            customs_penalties: paid(session, home, home_exp, Account::CustomsPenalties),
        }
    }
}

/// Earned and possible points per competency of `tasks`.
fn competencies_of(tasks: &[TaskResult]) -> BTreeMap<Competency, (u32, u32)> {
    let mut competencies = BTreeMap::new();
    for t in tasks {
        let entry = competencies.entry(t.competency).or_insert((0, 0));
        entry.0 += t.earned();
        entry.1 += t.possible();
    }
    competencies
}

/// Points of the counterparts' standard negotiation rubric (issue 18): a deal no worse than
/// walking away, the share of the possible gain kept, and no joint gain left on the table.
const COUNTERPARTS_DEAL_POINTS: u32 = 40;
const COUNTERPARTS_SHARE_POINTS: u32 = 30;
const COUNTERPARTS_FRONTIER_POINTS: u32 = 30;

impl Report {
    /// The report of the student at the counterparts' seat (in class, the importer facing a
    /// classmate's company): one task per negotiation, graded from that side's own brief by
    /// the standard negotiation rubric. The counterparts have no company in the game, so
    /// cash, reputation, inbox and customs are left at zero.
    pub fn for_counterparts(session: &Session) -> Self {
        let base = Report::of(session);
        let zero = Money::new(0, base.cash_start_home.currency, base.cash_start_home.exponent);
        let tasks: Vec<TaskResult> = session
            .scenario()
            .tasks()
            .iter()
            .filter_map(|t| {
                let talks = session.talks_desk().talks(&t.id)?;
                Some(counterparts_task(t, talks))
            })
            .collect();
        let competencies = competencies_of(&tasks);
        Report {
            cash_start_home: zero,
            cash_end_home: zero,
            reputation_start: 0,
            reputation_end: 0,
            total_earned: tasks.iter().map(TaskResult::earned).sum(),
            total_possible: tasks.iter().map(TaskResult::possible).sum(),
            tasks,
            competencies,
            messages_received: 0,
            messages_unread: 0,
            customs_fees: zero,
            customs_penalties: zero,
            ..base
        }
    }
}

/// One negotiation graded from the counterparts' side.
fn counterparts_task(task: &crate::sim::scenario::Task, talks: &crate::sim::negotiation::talks::Talks) -> TaskResult {
    use crate::sim::negotiation::domain::format_utility;
    let case = talks.case();
    let side = case.student_side.other();
    let mine = case.preferences(side);
    let review = talks.review();
    let (utility, best) = match side {
        crate::sim::terms::Side::Seller => (
            review.seller_utility,
            review.space.points.iter().map(|p| p.seller).max(),
        ),
        crate::sim::terms::Side::Buyer => (review.buyer_utility, review.space.points.iter().map(|p| p.buyer).max()),
    };
    let best = best.unwrap_or(0);
    let walk_away = mine.reservation();
    let criterion = |id: &str, description: Text, earned: u32, possible: u32, reason: Text| CriterionResult {
        id: id.to_string(),
        description,
        earned,
        possible,
        reason,
        rule: None,
        hint: None,
        scored: true,
    };
    let criteria = match utility {
        None => vec![criterion(
            "deal-worth-more-than-walking-away",
            why!(
                "A deal worth more to your side than walking away",
                "达成的交易对己方的价值高于放弃交易"
            ),
            0,
            COUNTERPARTS_DEAL_POINTS + COUNTERPARTS_SHARE_POINTS + COUNTERPARTS_FRONTIER_POINTS,
            match talks.ending() {
                Some(_) => why!("the talks ended without a deal", "谈判未达成交易"),
                None => why!("the talks are still open", "谈判尚未结束"),
            },
        )],
        Some(u) => {
            let kept = u.saturating_sub(walk_away);
            let possible = best.saturating_sub(walk_away).max(1);
            let share = u64::from(COUNTERPARTS_SHARE_POINTS) * u64::from(kept.min(possible)) / u64::from(possible);
            let gap = review.to_frontier.unwrap_or(0);
            vec![
                criterion(
                    "deal-worth-more-than-walking-away",
                    why!(
                        "A deal worth more to your side than walking away",
                        "达成的交易对己方的价值高于放弃交易"
                    ),
                    if u >= walk_away { COUNTERPARTS_DEAL_POINTS } else { 0 },
                    COUNTERPARTS_DEAL_POINTS,
                    why!(
                        "the deal is worth {} to your side; walking away was worth {}",
                        "该交易对己方的效用为{}；放弃交易的效用为{}",
                        format_utility(u),
                        format_utility(walk_away)
                    ),
                ),
                criterion(
                    "share-of-the-possible-gain",
                    why!(
                        "Keep a good share of what your side could gain",
                        "争取己方可得收益中的较大份额"
                    ),
                    share as u32,
                    COUNTERPARTS_SHARE_POINTS,
                    why!(
                        "you kept {} of a possible {} above walking away",
                        "在放弃交易之上，你争取到{}（最多可得{}）",
                        format_utility(kept),
                        format_utility(possible)
                    ),
                ),
                criterion(
                    "no-joint-gain-left",
                    why!(
                        "Leave no joint gain on the table (a Pareto-efficient deal)",
                        "不浪费共同收益（帕累托最优的交易）"
                    ),
                    if gap == 0 { COUNTERPARTS_FRONTIER_POINTS } else { 0 },
                    COUNTERPARTS_FRONTIER_POINTS,
                    if gap == 0 {
                        why!("no other deal was better for both sides", "没有对双方都更好的其他交易")
                    } else {
                        why!(
                            "another deal was better for both sides (distance {} to the frontier)",
                            "存在对双方都更好的交易（距帕累托前沿{}）",
                            format_utility(gap)
                        )
                    },
                ),
            ]
        }
    };
    TaskResult {
        id: task.id.clone(),
        title: task.title.clone(),
        competency: task.competency,
        status: if talks.offers().iter().any(|o| o.by == side) {
            TaskStatus::Attempted
        } else {
            TaskStatus::NotAttempted
        },
        criteria,
    }
}
