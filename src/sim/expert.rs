//! The AI expert: plays a scenario on the student's seed the way the rules and the rubric ask
//! (model answers for forms, shrinking traded concessions, honest listings priced from their
//! costs, ads cut back when they stop paying), so the debrief can show what an expert would
//! have done and what it earned. Plain decisions through [`Session::apply`], like a student's.

use std::sync::Arc;

use crate::sim::c2c::{ItemTerms, OfferReply, Resolution, SaleFormat};
use crate::sim::grading::Check;
use crate::sim::market::{ListingTerms, quality::SHOTS};
use crate::sim::money::{BasisPoints, Money};
use crate::sim::negotiation::IssueOptions;
use crate::sim::negotiation::domain::{Bid, format_utility};
use crate::sim::players::{Player, Slips, TalksMove};
use crate::sim::report::Report;
use crate::sim::scenario::{Scenario, Task};
use crate::sim::session::{Command, Session};
use crate::sim::terms::Text;
use crate::sim::terms::{Activity, Incoterm, PaymentTerm};

/// One decision the expert made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertMove {
    pub day: u32,
    /// The task the decision was for, when it belongs to one.
    pub task: Option<String>,
    /// What it did and why, in English and Chinese.
    pub what: Text,
}

/// The expert's whole run.
#[derive(Debug)]
pub struct ExpertRun {
    pub session: Session,
    pub report: Report,
    pub moves: Vec<ExpertMove>,
}

/// Concession steps, in micro-utility: each smaller than the last.
const CONCESSIONS: [u32; 8] = [80_000, 50_000, 32_000, 20_000, 12_000, 8_000, 5_000, 3_000];
/// The least margin per order the expert prices a storefront listing for, besides what the
/// rubric asks.
const LEAST_STORE_MARGIN: BasisPoints = BasisPoints(1_200);
/// A new listing's first stock (at most, and at most a hundredth of the starting cash's
/// worth), and the days of sales a restock covers.
const FIRST_STOCK: u32 = 30;
const RESTOCK_DAYS: u32 = 7;

/// Plays the scenario of `student` on its seed: what an expert would have done.
pub fn play_like(student: &Session) -> ExpertRun {
    play(student.shared_scenario(), student.seed())
}

/// Plays `scenario` with `seed` from the first day to the last.
pub fn play(scenario: Arc<Scenario>, seed: u64) -> ExpertRun {
    play_as(scenario, seed, Player::Expert)
}

/// Plays `scenario` with `seed` as `player`: the expert, or a novice or random player who
/// follows the expert's plan with their own slips (see [`crate::sim::players`]).
pub fn play_as(scenario: Arc<Scenario>, seed: u64, player: Player) -> ExpertRun {
    run(scenario, seed, player, true)
}

/// The report of [`play_as`], without writing down why each decision was made (for
/// `simulate`, which plays thousands of runs and reads only their scores).
pub fn report_as(scenario: Arc<Scenario>, seed: u64, player: Player) -> Report {
    run(scenario, seed, player, false).report
}

fn run(scenario: Arc<Scenario>, seed: u64, player: Player, explain: bool) -> ExpertRun {
    let mut expert = Expert {
        session: Session::new(scenario, Some(seed)),
        moves: Vec::new(),
        ad_bids: Vec::new(),
        not_sold: Vec::new(),
        slips: Slips::of(player, seed),
        explain,
    };
    let days = expert.session.scenario().length_days();
    for _ in 0..=days {
        if expert.session.is_finished() {
            break;
        }
        expert.act();
        if expert.session.apply(Command::EndDay).is_err() {
            break;
        }
    }
    let report = Report::of(&expert.session);
    ExpertRun {
        session: expert.session,
        report,
        moves: expert.moves,
    }
}

/// What the expert would do today in `session` (a table a student's PC follows in class):
/// the commands it gives, in order. The session is the expert's to play on; the caller sends
/// the commands to whoever decides (the class's host).
pub fn moves_for_today(session: Session) -> Vec<Command> {
    let before = session.commands().len();
    let mut expert = Expert {
        session,
        moves: Vec::new(),
        ad_bids: Vec::new(),
        not_sold: Vec::new(),
        slips: None,
        explain: true,
    };
    expert.act();
    expert.session.commands().get(before..).unwrap_or_default().to_vec()
}

struct Expert {
    session: Session,
    moves: Vec<ExpertMove>,
    /// The sponsored-ads bid of each advertised listing: (market, sku, bid).
    ad_bids: Vec<(String, String, i64)>,
    /// Storefront products the expert decided not to sell: (market, sku).
    not_sold: Vec<(String, String)>,
    /// A novice's or random player's departures from the plan; none for the expert.
    slips: Option<Slips>,
    /// Whether each decision is written down with why (the debrief's and `expert`'s list).
    explain: bool,
}

impl Expert {
    /// Applies `command`; a refused one is simply not made.
    fn apply(&mut self, task: Option<&str>, command: Command, what: impl FnOnce() -> Text) -> bool {
        let command = match self.slips.as_mut() {
            Some(slips) => match slips.adjust(command) {
                Some(command) => command,
                None => return false,
            },
            None => command,
        };
        if self.session.apply(command).is_err() {
            return false;
        }
        if !self.explain {
            return true;
        }
        self.moves.push(ExpertMove {
            day: self.session.day(),
            task: task.map(str::to_string),
            what: what(),
        });
        true
    }

    /// Everything the expert does on one day.
    fn act(&mut self) {
        let unread: Vec<_> = self
            .session
            .world()
            .inbox()
            .iter()
            .filter(|m| !m.read)
            .map(|m| m.id)
            .collect();
        for id in unread {
            let _ = self.session.apply(Command::MarkRead(id));
        }
        let tasks: Vec<Task> = self.session.scenario().tasks().to_vec();
        for task in &tasks {
            if task.negotiation.is_some() {
                self.negotiate(task);
                self.ship_and_collect(task, &tasks);
            }
            if task.declaration.is_some() {
                self.declare(task);
            }
            if task.letter.is_some() {
                self.answer_letter(task);
            }
        }
        self.run_stores(&tasks);
        if self.session.shop_desk().shop().is_some() {
            self.run_shop(&tasks);
        }
    }

    // ---- B2B ------------------------------------------------------------------------------

    /// Whether a bid keeps to the rubric's contract criteria for `task` (Incoterm, payment,
    /// margin at today's rate) and to the student's reservation value.
    fn acceptable(&self, task: &Task, bid: Bid) -> bool {
        let Some(talks) = self.session.talks_desk().talks(&task.id) else {
            return false;
        };
        let case = talks.case();
        let brief = case.preferences(case.student_side);
        if brief.utility(bid) < brief.reservation() {
            return false;
        }
        let mut incoterm = None;
        let mut payment = None;
        let mut price = None;
        for (i, issue) in case.domain.issues().iter().enumerate() {
            let option = bid.option(i);
            match issue {
                IssueOptions::Incoterm(list) => incoterm = list.get(option).copied(),
                IssueOptions::Payment(list) => payment = list.get(option).copied(),
                IssueOptions::UnitPrice {
                    currency,
                    exponent,
                    prices,
                } => price = prices.get(option).map(|p| Money::new(*p, *currency, *exponent)),
                _ => {}
            }
        }
        let scenario = self.session.scenario();
        let product = task.product.as_deref().and_then(|sku| scenario.product(sku));
        task.rubric
            .iter()
            .filter_map(|c| c.check.as_ref())
            .all(|check| match check {
                Check::ContractIncoterm { allowed } => incoterm.is_none_or(|i: Incoterm| allowed.contains(&i)),
                Check::ContractPayment { allowed } => payment.is_none_or(|p: PaymentTerm| allowed.contains(&p)),
                Check::ContractMarginAtLeast { share } => match (price, product) {
                    (Some(price), Some(product)) => {
                        let home = scenario.home_currency();
                        let price_home = self.session.world().in_currency(price, home).unwrap_or(0);
                        let cost = self
                            .session
                            .world()
                            .in_currency(product.unit_cost, home)
                            .unwrap_or(i64::MAX / 4);
                        // A little above the line, for the rate to move before signing.
                        price_home >= cost + share.of(cost) + BasisPoints(100).of(cost)
                    }
                    _ => true,
                },
                _ => true,
            })
    }

    /// The expert's next offer: the best acceptable bid first; then a concession no larger
    /// than the schedule's step and the last step, asking for something back on some issue,
    /// as close as possible to the other side's last offer.
    fn next_offer(&self, task: &Task) -> Option<Bid> {
        let talks = self.session.talks_desk().talks(&task.id)?;
        let case = talks.case();
        let side = case.student_side;
        let brief = case.preferences(side);
        let mine: Vec<Bid> = talks.offers().iter().filter(|o| o.by == side).map(|o| o.bid).collect();
        let all = case.domain.all_bids();
        let Some(last) = mine.last().copied() else {
            // Open high, but not at the best option of every issue: keep two issues to ask
            // for in return for later concessions.
            let issues = case.domain.issues().len();
            let best_value = |i: usize| {
                (0..case.domain.issues()[i].len())
                    .map(|o| brief.value(i, o))
                    .max()
                    .unwrap_or(0)
            };
            let best: Vec<u32> = (0..issues).map(best_value).collect();
            let tradeable =
                |b: &Bid| (0..issues).filter(|i| brief.value(*i, b.option(*i)) < best[*i]).count() >= 2.min(issues);
            return all
                .into_iter()
                .filter(|b| self.acceptable(task, *b) && tradeable(b))
                .max_by_key(|b| (brief.utility(*b), std::cmp::Reverse(case.domain.index(*b))));
        };
        let mut last_step = u32::MAX;
        for pair in mine.windows(2) {
            let (u0, u1) = (brief.utility(pair[0]), brief.utility(pair[1]));
            if u1 < u0 {
                last_step = u0 - u1;
            }
        }
        let conceded = mine
            .windows(2)
            .filter(|p| brief.utility(p[1]) < brief.utility(p[0]))
            .count();
        let step = CONCESSIONS[conceded.min(CONCESSIONS.len() - 1)].min(last_step);
        let u_last = brief.utility(last);
        let theirs = talks.last_offer_by(side.other()).map(|o| o.bid);
        let distance = |b: Bid| -> u32 {
            let Some(t) = theirs else { return 0 };
            (0..case.domain.issues().len())
                .map(|i| b.option(i).abs_diff(t.option(i)) as u32)
                .sum()
        };
        all.into_iter()
            .filter(|b| {
                let u = brief.utility(*b);
                u < u_last && u_last - u <= step
            })
            .filter(|b| {
                (0..case.domain.issues().len()).any(|i| brief.value(i, b.option(i)) > brief.value(i, last.option(i)))
            })
            .filter(|b| self.acceptable(task, *b))
            .min_by_key(|b| {
                (
                    distance(*b),
                    std::cmp::Reverse(brief.utility(*b)),
                    case.domain.index(*b),
                )
            })
    }

    /// One move a day in the task's negotiation: accept an offer worth as much as the next
    /// concession would leave, otherwise concede; at the deadline, accept what clears the
    /// rubric and the reservation value or walk away.
    fn negotiate(&mut self, task: &Task) {
        let Some(talks) = self.session.talks_desk().talks(&task.id) else {
            return;
        };
        let side = talks.case().student_side;
        if talks.ending().is_some() || talks.to_move() != Some(side) {
            return;
        }
        let brief = talks.case().preferences(side).clone();
        let domain = talks.case().domain.clone();
        let on_table = talks.on_table().map(|o| o.bid);
        let left = talks.offers_left(side);
        let next = if left > 0 { self.next_offer(task) } else { None };
        let good_on_table = on_table.filter(|b| self.acceptable(task, *b));
        let id = task.id.clone();
        if let Some(slips) = self.slips.as_mut() {
            let all = domain.all_bids();
            let worth = on_table.map(|b| brief.utility(b));
            let command = match slips.talks_move(worth, brief.reservation(), all.len(), left) {
                TalksMove::AsExpert => None,
                TalksMove::Accept => Some(Command::AcceptOffer { task: id.clone() }),
                TalksMove::WalkAway => Some(Command::WalkAway { task: id.clone() }),
                TalksMove::Offer(i) => all.get(i).map(|bid| Command::MakeOffer {
                    task: id.clone(),
                    options: (0..domain.issues().len()).map(|issue| bid.option(issue)).collect(),
                    note: "OK, how about this?".to_string(),
                }),
            };
            if let Some(command) = command {
                self.apply(Some(&id), command, || why!("a player's own move", "玩家自己的一步"));
                return;
            }
        }
        if let Some(theirs) = good_on_table
            && next.is_none_or(|n| brief.utility(theirs) >= brief.utility(n))
        {
            self.apply(Some(&id), Command::AcceptOffer { task: id.clone() }, || {
                let deal = domain.describe_text(theirs);
                let worth = format_utility(brief.utility(theirs));
                Text {
                    en: format!("accepted {} (worth {worth} to the student's side)", deal.en),
                    zh: format!("接受了{}（对学生一方的效用为{worth}）", deal.zh),
                }
            });
            return;
        }
        let repeat = talks.last_offer_by(side).map(|o| o.bid);
        match next.or(if left > 0 { repeat } else { None }) {
            Some(bid) => {
                let options = (0..domain.issues().len()).map(|i| bid.option(i)).collect();
                let first = repeat.is_none();
                let note = if first {
                    "Thank you for your inquiry. Our offer is below; it includes export packing."
                } else {
                    "We can move on this point if you can meet us on the terms marked as changed."
                };
                self.apply(
                    Some(&id),
                    Command::MakeOffer {
                        task: id.clone(),
                        options,
                        note: note.to_string(),
                    },
                    || {
                        let (en, zh) = if first {
                            ("opened with", "首次报价")
                        } else {
                            ("offered", "报价")
                        };
                        let offer = domain.describe_text(bid);
                        let worth = format_utility(brief.utility(bid));
                        Text {
                            en: format!("{en} {} (worth {worth})", offer.en),
                            zh: format!("{zh}{}（效用{worth}）", offer.zh),
                        }
                    },
                );
            }
            None => {
                self.apply(Some(&id), Command::WalkAway { task: id.clone() }, || {
                    why!(
                        "walked away: no offer left that keeps the margin and terms",
                        "退出谈判：已没有能保住利润和条款的报价"
                    )
                });
            }
        }
    }

    /// After the contract: book the sailing when the goods are ready, and present the
    /// documents once customs has released the goods and the vessel has sailed.
    fn ship_and_collect(&mut self, task: &Task, tasks: &[Task]) {
        let Some(contract) = self.session.talks_desk().contract(&task.id).cloned() else {
            return;
        };
        let id = task.id.clone();
        let today = self.session.date();
        if self.session.documents_desk().booked_sailing(&id).is_none() && today >= contract.goods_ready {
            self.apply(Some(&id), Command::BookShipment { task: id.clone() }, || {
                why!("booked the container on the next sailing", "为下一班船订了集装箱舱位")
            });
        }
        let declared = tasks
            .iter()
            .filter(|t| t.declaration.as_ref().and_then(|d| d.follows_contract_of.as_deref()) == Some(&id))
            .all(|t| self.session.customs_desk().released_on(&t.id).is_some());
        let sailed = self
            .session
            .documents_desk()
            .booked_sailing(&id)
            .is_some_and(|s| today >= s);
        let paid = self
            .session
            .documents_desk()
            .documents_attempts(&id)
            .iter()
            .any(|d| d.complies());
        if declared && sailed && !paid {
            let Some(product) = self.session.scenario().product(&contract.sku).cloned() else {
                return;
            };
            let form = crate::sim::deal::model_documents(&contract, &product, today);
            self.apply(
                Some(&id),
                Command::PresentDocuments {
                    task: id.clone(),
                    form: Box::new(form),
                },
                || {
                    why!(
                        "presented invoice, packing list, bill of lading and insurance that agree",
                        "提交了相互一致的发票、装箱单、提单和保险单"
                    )
                },
            );
        }
    }

    /// Lodges the model declaration once the task's case is known.
    fn declare(&mut self, task: &Task) {
        if !self.session.customs_desk().declaration_attempts(&task.id).is_empty() {
            return;
        }
        let Some(case) = self.session.customs_desk().declaration_case(&task.id) else {
            return;
        };
        let form = crate::sim::customs::declaration::model_answer(&case, self.session.scenario().products());
        let id = task.id.clone();
        let mode = case.trade_mode.clone();
        self.apply(
            Some(&id),
            Command::SubmitDeclaration {
                task: id.clone(),
                form: Box::new(form),
            },
            || {
                why!(
                    "declared under supervision code {mode}, every field from the contract and packing list",
                    "以监管方式{mode}申报，各栏均依据合同和装箱单填写"
                )
            },
        );
    }

    /// Answers a letter the day it arrives: the right statement on every point, with a
    /// greeting, thanks and a signature.
    fn answer_letter(&mut self, task: &Task) {
        if self.session.letters_desk().letter_reply(&task.id).is_some() {
            return;
        }
        let Some(message) = self.session.letters_desk().letter_message(&task.id) else {
            return;
        };
        let writer = message.from.clone().unwrap_or_default();
        let scenario = self.session.scenario();
        let name = scenario.counterpart(&writer).map_or(writer.clone(), |c| c.name.clone());
        let company = scenario.role().company.name.en.clone();
        let choices: Vec<Option<usize>> = self
            .session
            .letters_desk()
            .letter_options(&task.id)
            .iter()
            .map(|(_, _, list)| list.iter().position(|s| s.verdict == crate::sim::c2c::Verdict::Right))
            .collect();
        let note = format!(
            "Dear {name},\n\nthank you for your message. Please find our answers to each of your points below.\n\nBest regards,\n{company}"
        );
        let id = task.id.clone();
        self.apply(
            Some(&id),
            Command::ReplyToLetter {
                task: id.clone(),
                choices,
                note,
            },
            || {
                why!(
                    "answered {name}'s letter the day it arrived: every point with the right statement, greeting, thanks and signature",
                    "来信当天回复{name}：每个要点选用正确表述，并有称呼、致谢和签名"
                )
            },
        );
    }

    // ---- B2C ------------------------------------------------------------------------------

    /// The (market, product) pairs the storefront tasks ask for that have a model listing.
    fn store_work(&self, tasks: &[Task]) -> Vec<(String, String, Option<String>, bool)> {
        let mut work: Vec<(String, String, Option<String>, bool)> = Vec::new();
        for task in tasks {
            if !matches!(task.activity, Activity::Storefront | Activity::Promotion) {
                continue;
            }
            let Some(market) = task.market.as_deref() else { continue };
            let Some(store) = self.session.store_desk().store(market) else {
                continue;
            };
            for (sku, _) in &store.storefront.model_listings {
                if task.product.as_deref().is_some_and(|p| p != sku) {
                    continue;
                }
                let ads = task.activity == Activity::Promotion;
                match work.iter_mut().find(|w| w.0 == market && &w.1 == sku) {
                    // The advertising task is the listing's most specific one: its decisions
                    // (the ACoS on the cost sheet, bid cuts) go there.
                    Some(w) if ads => {
                        w.2 = Some(task.id.clone());
                        w.3 = true;
                    }
                    Some(_) => {}
                    None => work.push((market.to_string(), sku.clone(), Some(task.id.clone()), ads)),
                }
            }
        }
        work
    }

    /// The least margin share the rubric asks of the listings in `market`.
    fn wanted_margin(tasks: &[Task], market: &str) -> BasisPoints {
        let asked = tasks
            .iter()
            .filter(|t| t.market.as_deref().is_none_or(|m| m == market))
            .flat_map(|t| t.rubric.iter().filter_map(|c| c.check.as_ref()))
            .filter_map(|c| match c {
                Check::MarginAtLeast { share } => Some(share.0 + 200),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        BasisPoints(asked.max(LEAST_STORE_MARGIN.0))
    }

    fn run_stores(&mut self, tasks: &[Task]) {
        for (market, sku, task, ads) in self.store_work(tasks) {
            if self.not_sold.iter().any(|(m, s)| *m == market && *s == sku) {
                continue;
            }
            let listed = self
                .session
                .store_desk()
                .store(&market)
                .and_then(|s| s.student_listing(&sku).map(|l| l.id));
            match listed {
                None => self.open_listing(tasks, &market, &sku, task.as_deref(), ads),
                Some(id) => self.tend_listing(&market, &sku, task.as_deref(), id),
            }
        }
    }

    /// Prices a model listing from its landed cost and publishes it: the shipping option and
    /// the price (ending in .99) that earn the most per shopper at the market's elasticity,
    /// keeping the margin the rubric asks.
    fn open_listing(&mut self, tasks: &[Task], market: &str, sku: &str, task: Option<&str>, ads: bool) {
        let Some(store) = self.session.store_desk().store(market) else {
            return;
        };
        let Some(mut text) = store
            .storefront
            .model_listings
            .iter()
            .find(|(s, _)| s == sku)
            .map(|(_, t)| t.clone())
        else {
            return;
        };
        text.images = SHOTS.iter().take(6).map(|shot| format!("{sku}-{shot}.png")).collect();
        let scenario = self.session.scenario();
        let Some(found) = scenario.markets().iter().find(|m| m.id == market) else {
            return;
        };
        let Some(reference) = found
            .reference_prices
            .iter()
            .find(|(p, _)| p == sku)
            .map(|(_, m)| m.minor)
        else {
            return;
        };
        let elasticity = found.price_elasticity.0 as f64 / 1_000_000.0;
        let days_left = scenario.length_days().saturating_sub(self.session.day());
        let wanted = Self::wanted_margin(tasks, market);
        let mut best: Option<(f64, i64, String, BasisPoints)> = None;
        for option in &store.storefront.shipping {
            if option.inbound_days > 0 && option.inbound_days + 5 >= days_left {
                continue;
            }
            let speed = 15.0 / (f64::from(option.delivery_days(1)) + 10.0);
            // A new seller without reviews prices at or below the market's usual price: from
            // 70% to 100% of the reference, each ending in .99.
            let mut whole = reference * 7 / 1_000;
            // At most about 300 candidate prices, however high the reference (a price of a
            // billion would otherwise be tried in 300 million steps).
            let stride = (reference * 3 / 1_000 / 300).max(1);
            while whole * 100 + 99 <= reference {
                let price = whole * 100 + 99;
                whole += stride;
                let Some(margin) = self.session.store_desk().margin_at(market, sku, price, &option.id) else {
                    continue;
                };
                let Some(share) = margin.share() else { continue };
                if share.0 < wanted.0 {
                    continue;
                }
                let demand = (reference as f64 / price as f64).powf(elasticity) * speed;
                let value = demand * margin.margin as f64;
                if best.as_ref().is_none_or(|b| value > b.0) {
                    best = Some((value, price, option.id.clone(), share));
                }
            }
        }
        let Some((_, price, shipping, share)) = best else {
            self.not_sold.push((market.to_string(), sku.to_string()));
            let task_id = task.map(str::to_string);
            self.moves.push(ExpertMove {
                day: self.session.day(),
                task: task_id,
                what: why!(
                    "did not list {sku} in {market}: no price from 70% to 100% of the market's {} keeps a {wanted} margin after VAT, duty, fee and shipping",
                    "没有在{market}刊登{sku}：在市场价{}的70%到100%之间，扣除增值税、关税、佣金和运费后没有价格能保住{wanted}的利润率",
                    Money::new(reference, found.currency, scenario.exponent(found.currency)).format()
                ),
            });
            return;
        };
        // Ads at a modest bid below the category leaders': the campaign's product a little
        // more, every other listing a little, for its first sales and reviews.
        let cent = (10_i64.pow(scenario.exponent(found.currency)) / 100).max(1);
        let (bid, daily_budget) = if ads {
            (30 * cent, 1_000 * cent)
        } else {
            (20 * cent, 500 * cent)
        };
        let home = scenario.home_currency();
        let budget: i64 = scenario
            .starting_cash()
            .iter()
            .filter_map(|(c, minor)| {
                self.session
                    .world()
                    .in_currency(Money::new(*minor, *c, scenario.exponent(*c)), home)
            })
            .sum::<i64>()
            / 100;
        let unit = scenario
            .product(sku)
            .and_then(|p| self.session.world().in_currency(p.unit_cost, home))
            .unwrap_or(1)
            .max(1);
        let first_stock = FIRST_STOCK
            .min(u32::try_from(budget / unit).unwrap_or(FIRST_STOCK))
            .max(3);
        let terms = ListingTerms {
            price,
            add_stock: first_stock,
            bid,
            daily_budget,
            discount: BasisPoints(0),
            shipping: shipping.clone(),
            handling_days: 1,
        };
        self.ad_bids.push((market.to_string(), sku.to_string(), bid));
        let currency = found.currency;
        let exponent = scenario.exponent(currency);
        let sheet = self
            .session
            .store_desk()
            .margin_at(market, sku, price, &shipping)
            .map(|m| crate::sim::market::cost_sheet::CostSheet::from_margin(&m, price, &shipping, BasisPoints(7_000)));
        if let Some(sheet) = sheet {
            let margin = Money::new(sheet.margin, currency, exponent).format();
            let share = sheet.break_even_acos.unwrap_or(BasisPoints(0));
            self.apply(
                task,
                Command::SubmitCostSheet {
                    market: market.to_string(),
                    sku: sku.to_string(),
                    sheet: Box::new(sheet),
                },
                || {
                    why!(
                        "worked out {sku}'s cost sheet in {market}: {margin} left per order before ads, break-even ACoS {share}, target 70% of it",
                        "核算了{market}的{sku}成本：广告前每单剩余{margin}，盈亏平衡ACoS {share}，目标为其70%"
                    )
                },
            );
        }
        self.apply(
            task,
            Command::PublishListing {
                market: market.to_string(),
                sku: sku.to_string(),
                text: Box::new(text),
                terms: Box::new(terms),
            },
            || {
                why!(
                    "listed {sku} in {market} with the model text at {} VAT included ({share} margin per order, shipped by {shipping}), ads at {} a click",
                    "以范文在{market}刊登{sku}，含税价{}（每单利润率{share}，{shipping}发货），广告出价每次点击{}",
                    Money::new(price, currency, exponent).format(),
                    Money::new(bid, currency, exponent).format()
                )
            },
        );
    }

    /// Restocks a listing before it runs out, and cuts the ad bid when ACoS climbs above
    /// four fifths of the margin (pausing the ads below 0.10 a click).
    fn tend_listing(&mut self, market: &str, sku: &str, task: Option<&str>, id: crate::sim::market::ListingId) {
        let Some(store) = self.session.store_desk().store(market) else {
            return;
        };
        let Some(mine) = store.student_listing(sku).cloned() else {
            return;
        };
        let Some(listing) = store.listings.get(id.0 as usize).cloned() else {
            return;
        };
        let ads = store.ads_result(id);
        let days_left = self.session.scenario().length_days().saturating_sub(self.session.day());
        let daily = listing.sales_7d.div_ceil(7).max(1);
        let mut add_stock = 0;
        if listing.stock + store.inbound_units(id) < daily * 3 && days_left > 2 {
            add_stock = daily * RESTOCK_DAYS.min(days_left);
        }
        let mut bid = listing.bid;
        let margin = self
            .session
            .store_desk()
            .order_margin(market, sku)
            .and_then(|m| m.share());
        if let (Some(entry), Some(margin)) = (
            self.ad_bids.iter().position(|(m, s, _)| m == market && s == sku),
            margin,
        ) && bid > 0
            && ads.clicks >= 20
            && let Some(acos) = crate::sim::market::metrics::acos(ads.cost, ads.sales).or(Some(BasisPoints(10_000)))
            && acos.0 * 5 > margin.0 * 4
        {
            bid = bid * 3 / 4;
            if bid < 10 {
                bid = 0;
            }
            if let Some(e) = self.ad_bids.get_mut(entry)
                && e.2 != bid
            {
                e.2 = bid;
            } else {
                bid = listing.bid;
            }
        }
        if add_stock == 0 && bid == listing.bid {
            return;
        }
        let terms = ListingTerms {
            price: listing.price,
            add_stock,
            bid,
            daily_budget: if bid > 0 { listing.daily_budget } else { 0 },
            discount: mine.sale_discount,
            shipping: mine.shipping.clone(),
            handling_days: mine.handling_days,
        };
        let old_bid = listing.bid;
        self.apply(
            task,
            Command::PublishListing {
                market: market.to_string(),
                sku: sku.to_string(),
                text: Box::new(mine.text.clone()),
                terms: Box::new(terms),
            },
            || match (add_stock, bid == old_bid) {
                (n, true) => why!("restocked {n} units of {sku} in {market}", "为{market}的{sku}补货{n}件"),
                (0, false) if bid == 0 => why!(
                    "paused the ads of {sku}: ACoS above the margin",
                    "暂停了{sku}的广告：ACoS高于利润率"
                ),
                (0, false) => why!(
                    "cut the ad bid of {sku} from {} to {}: ACoS near the margin",
                    "把{sku}的广告出价从{}降到{}：ACoS接近利润率",
                    crate::sim::money::format_minor(old_bid, 2),
                    crate::sim::money::format_minor(bid, 2)
                ),
                (n, false) => why!(
                    "restocked {n} units of {sku} and cut its ad bid",
                    "为{sku}补货{n}件并降低了广告出价"
                ),
            },
        );
    }

    // ---- C2C ------------------------------------------------------------------------------

    /// Where to sell a second-hand item: the market a task names for it; otherwise where the
    /// named buyers interested in it are; otherwise the higher reference price at today's rate.
    fn item_market(&self, tasks: &[Task], sku: &str) -> Option<String> {
        let scenario = self.session.scenario();
        let sites: Vec<&crate::sim::scenario::Market> =
            scenario.markets().iter().filter(|m| m.auction_site.is_some()).collect();
        if let Some(m) = tasks.iter().find_map(|t| {
            (t.product.as_deref() == Some(sku) && matches!(t.activity, Activity::C2C | Activity::Customs))
                .then_some(t.market.clone())
                .flatten()
        }) {
            return Some(m);
        }
        let home = scenario.home_currency();
        sites
            .iter()
            .max_by_key(|m| {
                let fans = scenario
                    .counterparts()
                    .iter()
                    .filter(|c| c.market.as_deref() == Some(&m.id) && c.interested_in.iter().any(|s| s == sku))
                    .count();
                let value = m
                    .reference_prices
                    .iter()
                    .find(|(p, _)| p == sku)
                    .and_then(|(_, money)| self.session.world().in_currency(*money, home))
                    .unwrap_or(0);
                (fans, value)
            })
            .map(|m| m.id.clone())
    }

    fn run_shop(&mut self, tasks: &[Task]) {
        self.list_items(tasks);
        self.answer_questions();
        self.answer_offers();
        self.post_parcels();
        self.settle_disputes();
        self.buy_abroad();
    }

    /// Lists every item in hand: the format the rubric names (auction otherwise for no
    /// item), the true grade with every fault, floors at the break-even price by tracked post.
    fn list_items(&mut self, tasks: &[Task]) {
        let scenario = self.session.scenario().clone();
        let Some(shop) = self.session.shop_desk().shop() else {
            return;
        };
        let formats: Vec<(Vec<String>, Vec<String>)> = tasks
            .iter()
            .flat_map(|t| t.rubric.iter().filter_map(|c| c.check.as_ref()))
            .filter_map(|c| match c {
                Check::FormatChoice { auction, fixed } => Some((auction.clone(), fixed.clone())),
                _ => None,
            })
            .collect();
        let in_hand: Vec<String> = scenario
            .products()
            .iter()
            .filter(|p| p.condition.is_some())
            .filter(|p| shop.in_hand.contains(&p.sku))
            .map(|p| p.sku.clone())
            .collect();
        for sku in in_hand {
            let Some(market) = self.item_market(tasks, &sku) else {
                continue;
            };
            let Some(found) = scenario.markets().iter().find(|m| m.id == market) else {
                continue;
            };
            let Some(site) = found.auction_site.as_ref() else {
                continue;
            };
            let Some(postage) = site
                .postage
                .iter()
                .find(|p| p.tracked && !p.duty_paid_option)
                .or(site.postage.first())
            else {
                continue;
            };
            let Some(product) = scenario.product(&sku) else {
                continue;
            };
            let Some((grade, faults)) = product.condition.clone() else {
                continue;
            };
            let Some(break_even) = self.session.shop_desk().break_even(&market, &sku, &postage.id, false) else {
                continue;
            };
            // A 3% cushion over break-even, for the rate to move while the listing runs.
            let whole = 10_i64.pow(scenario.exponent(found.currency));
            let floor = (break_even + BasisPoints(300).of(break_even) + whole - 1) / whole * whole;
            let reference = found
                .reference_prices
                .iter()
                .find(|(p, _)| *p == sku)
                .map_or(floor, |(_, m)| m.minor);
            let auction = formats.iter().any(|(a, _)| a.contains(&sku));
            let format = if auction {
                SaleFormat::Auction {
                    start_price: floor,
                    reserve: None,
                    buy_it_now: None,
                    days: 7,
                    // Where the site offers it, a soft close stops snipers.
                    soft_close: site.soft_close_minutes > 0,
                }
            } else {
                SaleFormat::FixedPrice {
                    price: reference.max(floor),
                    offers: true,
                    auto_decline_below: None,
                    auto_accept_from: None,
                }
            };
            let terms = ItemTerms {
                market: market.clone(),
                sku: sku.clone(),
                format,
                postage: postage.id.clone(),
                handling_days: 1,
                duty_paid: false,
                claimed_grade: grade,
                disclosed_faults: (0..faults.len()).collect(),
                states_import_charges: true,
            };
            let money = |minor: i64| Money::new(minor, found.currency, scenario.exponent(found.currency)).format();
            let task = tasks
                .iter()
                .find(|t| t.activity == Activity::C2C && t.rubric.iter().any(|c| c.check.is_some()))
                .map(|t| t.id.clone());
            let what = if auction {
                why!(
                    "auctioned {sku} in {market} for 7 days from its break-even {}, graded truly with {} fault(s) told",
                    "在{market}以保本价{}起拍{sku}，为期7天，如实评级并说明了{}处瑕疵",
                    money(floor),
                    faults.len()
                )
            } else {
                why!(
                    "listed {sku} in {market} at {} with offers (break-even {} plus a cushion), graded truly with {} fault(s) told",
                    "在{market}以{}一口价刊登{sku}并接受议价（保本价{}另留余量），如实评级并说明了{}处瑕疵",
                    money(reference.max(floor)),
                    money(floor),
                    faults.len()
                )
            };
            self.apply(task.as_deref(), Command::ListItem { terms: Box::new(terms) }, || what);
        }
    }

    fn answer_questions(&mut self) {
        let Some(shop) = self.session.shop_desk().shop() else {
            return;
        };
        for question in shop.unanswered() {
            let choices = self.session.shop_desk().true_choices(question);
            let Some(q) = self.session.shop_desk().shop().and_then(|s| s.question(question)) else {
                continue;
            };
            let from = q.from.clone();
            let task = self
                .session
                .scenario()
                .tasks()
                .iter()
                .find(|t| t.counterpart.is_some() && t.counterpart == q.counterpart)
                .map(|t| t.id.clone());
            let note = "Hello, and thank you for your question! I have answered each point below. \
                        Please ask if anything else would help. Best regards"
                .to_string();
            self.apply(
                task.as_deref(),
                Command::AnswerQuestion {
                    question,
                    choices,
                    note,
                },
                || {
                    why!(
                        "answered {from} the same day, every point with the true statement",
                        "当天回答了{from}，每个要点都选用真实表述"
                    )
                },
            );
        }
    }

    /// Accepts an offer at 88% of the price or more (or after three rounds at 85%, never below
    /// break-even); otherwise counters halfway, at no less than 90% of the price.
    fn answer_offers(&mut self) {
        let Some(shop) = self.session.shop_desk().shop() else {
            return;
        };
        let open: Vec<_> = shop
            .open_offers()
            .filter(|o| !o.automatic)
            .map(|o| (o.id, o.listing, o.haggle.clone(), o.buyer.clone()))
            .collect();
        for (id, listing, haggle, buyer) in open {
            let Some(offer) = haggle.offer() else { continue };
            let Some(l) = self
                .session
                .shop_desk()
                .shop()
                .and_then(|s| s.listing(listing))
                .cloned()
            else {
                continue;
            };
            let price = haggle.list_price();
            let floor = self
                .session
                .shop_desk()
                .break_even(&l.terms.market, &l.terms.sku, &l.terms.postage, l.terms.duty_paid)
                .unwrap_or(price);
            let rounds = haggle.moves().len() as i64;
            let least = if rounds >= 5 {
                price * 85 / 100
            } else {
                price * 88 / 100
            }
            .max(floor);
            let reply = if offer >= least {
                OfferReply::Accept
            } else {
                let counter = ((offer + price) / 2).max(price * 90 / 100).max(floor).min(price);
                if counter <= offer {
                    OfferReply::Accept
                } else {
                    OfferReply::Counter(counter)
                }
            };
            let sku = l.terms.sku.clone();
            let scenario = self.session.scenario();
            let money = |minor: i64| {
                let currency = scenario
                    .markets()
                    .iter()
                    .find(|m| m.id == l.terms.market)
                    .map_or(scenario.home_currency(), |m| m.currency);
                Money::new(minor, currency, scenario.exponent(currency)).format()
            };
            let what = match reply {
                OfferReply::Accept => why!(
                    "accepted {buyer}'s offer of {} for {sku}",
                    "接受了{buyer}对{sku}的{}报价",
                    money(offer)
                ),
                OfferReply::Counter(c) => why!(
                    "countered {buyer}'s {} for {sku} at {}",
                    "对{buyer}就{sku}的{}报价还价{}",
                    money(offer),
                    money(c)
                ),
                OfferReply::Decline => why!(
                    "declined {buyer}'s {} for {sku}",
                    "拒绝了{buyer}对{sku}的{}报价",
                    money(offer)
                ),
            };
            // The task about handling offers: one naming the item, or one scoring offers.
            let task = scenario
                .tasks()
                .iter()
                .filter(|t| t.activity == Activity::C2C)
                .find(|t| {
                    t.product.as_deref() == Some(&sku)
                        || t.rubric.iter().any(|c| {
                            matches!(
                                c.check,
                                Some(Check::CounteredLowOffer { .. } | Check::NoSaleBelowBreakEven)
                            )
                        })
                })
                .map(|t| t.id.clone());
            self.apply(task.as_deref(), Command::ReplyToOffer { offer: id, reply }, || what);
        }
    }

    fn post_parcels(&mut self) {
        let Some(shop) = self.session.shop_desk().shop() else {
            return;
        };
        for order in shop.awaiting_post() {
            let Some(form) = self.session.shop_desk().model_cn23(order) else {
                continue;
            };
            let sku = self
                .session
                .shop_desk()
                .shop()
                .and_then(|s| s.order(order))
                .map(|o| o.sku.clone())
                .unwrap_or_default();
            let task = self
                .session
                .scenario()
                .tasks()
                .iter()
                .find(|t| t.activity == Activity::Customs && t.product.as_deref() == Some(&sku))
                .map(|t| t.id.clone());
            self.apply(
                task.as_deref(),
                Command::PostParcel {
                    order,
                    form: Box::new(form),
                },
                || {
                    why!(
                        "posted {sku} with a CN23 filled box by box: sale of goods, true value, HS code and origin",
                        "寄出{sku}，CN23逐栏填写：商品销售、真实价值、HS编码和原产地"
                    )
                },
            );
        }
    }

    /// A justified claim is settled at once (the item back when it can come back); an
    /// unjustified one is declined for the site to decide.
    fn settle_disputes(&mut self) {
        let Some(shop) = self.session.shop_desk().shop() else {
            return;
        };
        let open: Vec<_> = shop
            .open_disputes()
            .filter_map(|o| o.dispute.as_ref().map(|d| (o.id, o.sku.clone(), d.kind, d.justified)))
            .collect();
        for (order, sku, kind, justified) in open {
            use crate::sim::c2c::DisputeKind;
            let resolution = match (justified, kind) {
                (false, _) => Resolution::Decline,
                (true, DisputeKind::NotAsDescribed | DisputeKind::Damaged) => Resolution::Return,
                (true, _) => Resolution::FullRefund,
            };
            self.apply(None, Command::ResolveDispute { order, resolution }, || {
                let answer = match resolution {
                    Resolution::FullRefund => "全额退款",
                    Resolution::PartialRefund(_) => "部分退款",
                    Resolution::Return => "退货退款",
                    Resolution::Decline => "拒绝（由平台裁决）",
                };
                Text {
                    en: format!("answered the dispute on {sku} ({kind:?}) with {resolution:?}"),
                    zh: format!("处理{sku}的纠纷（{}）：{answer}", kind.name_zh()),
                }
            });
        }
    }

    /// The buying exercise: the exact landed cost as the estimate, then the highest maximum
    /// bid whose landed cost keeps within the budget.
    fn buy_abroad(&mut self) {
        let scenario = self.session.scenario().clone();
        for market in scenario.markets() {
            let Some(purchase) = market.auction_site.as_ref().and_then(|s| s.purchase.as_ref()) else {
                continue;
            };
            let Some(shop) = self.session.shop_desk().shop() else {
                return;
            };
            if shop.bids_abroad.iter().any(|b| b.market == market.id) {
                continue;
            }
            let Some(landed) = self.session.shop_desk().landed_abroad(&market.id, purchase.price) else {
                continue;
            };
            let home = scenario.home_currency();
            let budget = self.session.world().in_currency(purchase.budget, home).unwrap_or(0);
            let estimated = shop.purchases.iter().any(|p| p.market == market.id);
            if !estimated {
                let total = landed.total;
                self.apply(
                    None,
                    Command::EstimatePurchase {
                        market: market.id.clone(),
                        estimate: total,
                    },
                    || {
                        why!(
                            "estimated the landed cost exactly: {}",
                            "准确估算了到岸成本：{}",
                            Money::new(total, home, scenario.exponent(home)).format()
                        )
                    },
                );
            }
            // The highest whole-unit bid that lands within budget (landed cost rises with the bid).
            let whole = 10_i64.pow(scenario.exponent(market.currency));
            let (mut low, mut high) = (0_i64, budget.max(1) * 10 / whole + 1);
            while low < high {
                let mid = (low + high + 1) / 2;
                match self.session.shop_desk().landed_abroad(&market.id, mid * whole) {
                    Some(l) if l.total <= budget => low = mid,
                    _ => high = mid - 1,
                }
            }
            if low == 0 {
                continue;
            }
            let max = low * whole;
            let money = Money::new(max, market.currency, scenario.exponent(market.currency)).format();
            self.apply(
                None,
                Command::BidAbroad {
                    market: market.id.clone(),
                    max,
                },
                || {
                    why!(
                        "bid up to {money}, the most that lands within the budget",
                        "最高出价{money}，这是到岸成本不超预算的最高价"
                    )
                },
            );
        }
    }
}
