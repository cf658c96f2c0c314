//! The buyers a listing draws each day: the crowd (private values, bidding styles, questions),
//! named counterparts, and people whose question was answered; how they bid in an auction and
//! buy or make offers at a fixed price.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;

use crate::sim::c2c::auction::{AuctionResult, BidderId, DAY_MINUTES, Minute, day_start};
use crate::sim::c2c::haggle::{BuyerBrief, Haggle};
use crate::sim::c2c::site::AuctionSite;
use crate::sim::negotiation::Strategy;
use crate::sim::scenario::Product;
use crate::sim::terms::{ConditionGrade, QuestionTopic, Text};

use super::*;

impl Shop {
    /// Buyers for one listing on `day`: the crowd, named counterparts (on the listing's first
    /// day), and people whose question was answered.
    pub(super) fn run_listing(
        &mut self,
        world: &World,
        index: usize,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) {
        let window = (day_start(day), day_start(day + 1));
        let terms = self.listings[index].terms.clone();
        let Some(site) = world.site(&terms.market).cloned() else {
            return;
        };
        let Some(product) = world.scenario.product(&terms.sku).cloned() else {
            return;
        };
        let reference = world.reference(&terms.market, &terms.sku).max(1);
        let listing_id = self.listings[index].id;
        let from = window.0.max(self.listings[index].opens);
        if from >= window.1 {
            return;
        }
        // What buyers believe of the item from its description.
        let (true_grade, faults) = product
            .condition
            .clone()
            .unwrap_or((ConditionGrade::VeryGood, Vec::new()));
        let hidden = faults.len().saturating_sub(terms.disclosed_faults.len()) as f64;
        let belief = grade_factor(terms.claimed_grade) / grade_factor(true_grade) * (1.0 + 0.03 * hidden);
        let trust = 0.9 + 0.1 * f64::from(world.reputation.min(100)) / 100.0;
        let shown = self.listings[index].shown_price().max(1) as f64;
        let draw = match &terms.format {
            SaleFormat::Auction { start_price, .. } => {
                (1.3 - 0.6 * (*start_price as f64 / reference as f64)).clamp(0.4, 1.3)
            }
            SaleFormat::FixedPrice { .. } => (2.0 - shown / reference as f64).clamp(0.3, 1.5),
        };
        let fraction = f64::from(window.1 - from) / f64::from(DAY_MINUTES);
        let mean = f64::from(site.buyers_per_day)
            * draw
            * (0.6 + 0.4 * f64::from(world.reputation.min(100)) / 100.0)
            * fraction;
        let arrivals = poisson(mean, rng);
        let (low, mode, high) = (
            site.values.0.0 as f64 / 1e6,
            site.values.1.0 as f64 / 1e6,
            site.values.2.0 as f64 / 1e6,
        );
        let mut newcomers: Vec<(Minute, Buyer)> = Vec::new();
        let mut asked_today = false;
        // People think in whole units of money: values are whole dollars, pounds…
        let unit = 10i64.pow(world.scenario.exponent(world.money(&terms.market, 0).currency));
        for _ in 0..arrivals {
            let at = rng.random_range(from..window.1);
            let value = (reference as f64 * triangular(low, mode, high, rng) * belief * trust).round() as i64;
            let value = value / unit * unit;
            let style_roll = rng.random_range(0..100u32);
            let style = if style_roll < BIDDER_STYLES[0] {
                BidStyle::Early
            } else if style_roll < BIDDER_STYLES[0] + BIDDER_STYLES[1] {
                BidStyle::Nudger
            } else {
                BidStyle::Sniper
            };
            let name = crowd_name(rng);
            // At most one new crowd question per listing a day.
            let asks = chance(rng, site.question_chance.0) && !asked_today;
            let mut buyer = Buyer {
                name,
                counterpart: None,
                value,
                style,
                waiting_for: None,
                left: false,
                classmate: None,
            };
            if asks {
                let topics = question_topics(&terms, &faults, rng);
                let (subject, body) = crowd_question_text(&product, &topics);
                // The student sees it the next morning: that is the day it counts as asked.
                let (q, asked) = self.ask(
                    &buyer.name,
                    None,
                    &terms.market,
                    &terms.sku,
                    topics,
                    day + 1,
                    subject,
                    body,
                );
                merge(outcome, asked);
                buyer.waiting_for = Some(q);
                asked_today = true;
                self.listings[index].buyers.push(buyer);
                continue;
            }
            newcomers.push((at, buyer));
        }
        // Named counterparts interested in the item, on the listing's first day.
        if !self.listings[index].named_joined {
            self.listings[index].named_joined = true;
            for c in world.scenario.counterparts() {
                if c.market.as_deref() != Some(terms.market.as_str()) || !c.interested_in.contains(&terms.sku) {
                    continue;
                }
                // Someone who asked a question waits for the answer (handled below).
                if self
                    .questions
                    .iter()
                    .any(|q| q.counterpart.as_deref() == Some(c.id.as_str()) && q.sku == terms.sku)
                {
                    continue;
                }
                let at = rng.random_range(from..window.1);
                newcomers.push((at, named_buyer(c, &terms, reference, 1.0)));
            }
        }
        // People whose question was answered act now; unanswered ones give up after a day.
        let questions = &self.questions;
        let mut ready: Vec<(Minute, Buyer)> = Vec::new();
        for b in &mut self.listings[index].buyers {
            let Some(q) = b.waiting_for.and_then(|q| questions.get(q.0 as usize)) else {
                continue;
            };
            match &q.answer {
                Some(a) if a.day <= day => {
                    let factor = answer_factor(q, a);
                    b.waiting_for = None;
                    if factor == 0.0 {
                        b.left = true;
                        continue;
                    }
                    b.value = (b.value as f64 * factor).round() as i64;
                    ready.push((rng.random_range(from..window.1), b.clone()));
                }
                None if q.asked_day < day => {
                    b.waiting_for = None;
                    b.left = true;
                }
                _ => {}
            }
        }
        // Named buyers who asked before the listing existed, now answered.
        for q in &self.questions {
            let Some(id) = &q.counterpart else { continue };
            if q.sku != terms.sku || q.market != terms.market || q.listing != Some(listing_id) {
                continue;
            }
            let Some(a) = &q.answer else { continue };
            let already = self.listings[index]
                .buyers
                .iter()
                .any(|b| b.counterpart.as_deref() == Some(id.as_str()));
            let factor = answer_factor(q, a);
            if already || factor == 0.0 {
                continue;
            }
            let Some(c) = world.scenario.counterpart(id) else {
                continue;
            };
            ready.push((
                rng.random_range(from..window.1),
                named_buyer(c, &terms, reference, factor),
            ));
        }
        newcomers.extend(ready);
        newcomers.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
        match terms.format {
            SaleFormat::Auction { .. } => {
                self.run_auction(world, index, newcomers, window.1, day, rng, outcome);
            }
            SaleFormat::FixedPrice { .. } => {
                self.run_fixed_price(world, &site, index, newcomers, day, rng, outcome);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_auction(
        &mut self,
        world: &World,
        index: usize,
        newcomers: Vec<(Minute, Buyer)>,
        end: Minute,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) {
        let listing = &mut self.listings[index];
        let Some(auction) = listing.auction.as_mut() else {
            return;
        };
        for (at, buyer) in newcomers {
            let at = at.max(listing.opens);
            let i = listing
                .buyers
                .iter()
                .position(|b| b.name == buyer.name && b.counterpart == buyer.counterpart);
            let i = match i {
                Some(i) => {
                    listing.buyers[i] = buyer.clone();
                    i
                }
                None => {
                    listing.buyers.push(buyer.clone());
                    listing.buyers.len() - 1
                }
            };
            listing.seq += 1;
            let buy_now = auction.terms().buy_it_now.is_some_and(|bin| buyer.value >= bin);
            let (at, action) = match buyer.style {
                _ if buy_now => (at, PlanAction::BuyNow),
                BidStyle::Early => (at, PlanAction::BidMax),
                BidStyle::Nudger => (at, PlanAction::Nudge),
                BidStyle::Sniper => {
                    let snipe = auction.closes().saturating_sub(rng.random_range(1..=3u32));
                    (snipe.max(at), PlanAction::BidMax)
                }
            };
            listing.planned.push(Planned {
                at,
                seq: listing.seq,
                buyer: i,
                action,
            });
        }
        loop {
            let next = listing
                .planned
                .iter()
                .enumerate()
                .filter(|(_, p)| p.at < end)
                .min_by_key(|(_, p)| (p.at, p.seq))
                .map(|(i, _)| i);
            let Some(next) = next else { break };
            let plan = listing.planned.remove(next);
            if plan.at >= auction.closes() || auction.result().is_some() {
                continue;
            }
            let Some(buyer) = listing.buyers.get(plan.buyer).cloned() else {
                continue;
            };
            if buyer.left {
                continue;
            }
            let bidder = BidderId(u32::try_from(plan.buyer).unwrap_or(u32::MAX));
            let leader_before = auction.leader();
            let placed = match plan.action {
                PlanAction::BuyNow => {
                    if auction.buy_it_now(bidder, plan.at).is_err() {
                        // Buy-it-now is gone: bid the maximum instead.
                        auction.place_bid(bidder, buyer.value, plan.at).is_ok()
                    } else {
                        true
                    }
                }
                PlanAction::BidMax => auction.place_bid(bidder, buyer.value, plan.at).is_ok(),
                PlanAction::Nudge => {
                    let minimum = auction.minimum_bid(bidder);
                    minimum <= buyer.value && auction.place_bid(bidder, minimum, plan.at).is_ok()
                }
            };
            if !placed {
                continue;
            }
            // Nudgers who are now behind come back, quickly near the close.
            let leader = auction.leader();
            for loser in [leader_before, Some(bidder)].into_iter().flatten() {
                if Some(loser) == leader {
                    continue;
                }
                let Some(b) = listing.buyers.get(loser.0 as usize) else {
                    continue;
                };
                if b.style != BidStyle::Nudger || b.left || auction.minimum_bid(loser) > b.value {
                    continue;
                }
                let near_close = auction.closes().saturating_sub(plan.at) <= 60;
                let delay = if near_close {
                    rng.random_range(1..=4u32)
                } else {
                    rng.random_range(20..=240u32)
                };
                listing.seq += 1;
                listing.planned.push(Planned {
                    at: plan.at + delay,
                    seq: listing.seq,
                    buyer: loser.0 as usize,
                    action: PlanAction::Nudge,
                });
            }
        }
        let closed = auction.closes() <= end || auction.result().is_some();
        if !closed {
            return;
        }
        let Some(result) = auction.close_if_due(end.max(auction.closes())) else {
            return;
        };
        let sku = listing.terms.sku.clone();
        let id = listing.id;
        listing.planned.clear();
        outcome.events.push(ShopEvent::AuctionEnded {
            listing: id,
            sku: sku.clone(),
            result,
        });
        match result {
            AuctionResult::Sold { winner, price, .. } => {
                let buyer = listing.buyers.get(winner.0 as usize).cloned();
                if let Some(buyer) = buyer {
                    self.sell(
                        world,
                        id,
                        buyer.name,
                        buyer.counterpart,
                        buyer.classmate,
                        price,
                        day,
                        outcome,
                    );
                }
            }
            AuctionResult::NoBids | AuctionResult::ReserveNotMet { .. } => {
                listing.status = ListingStatus::Unsold;
                self.in_hand.insert(sku.clone());
                let name = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.en.clone());
                let zh = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.zh.clone());
                let why = match result {
                    AuctionResult::ReserveNotMet { .. } => ("the reserve was not met", "未达到保留价"),
                    _ => ("nobody bid", "无人出价"),
                };
                outcome.message(
                    None,
                    text(format!("Auction ended unsold: {name}"), format!("拍卖流拍：{zh}")),
                    text(
                        format!(
                            "Your auction ended without a sale: {}. The item is back in hand; you may list it again.",
                            why.0
                        ),
                        format!("你的拍卖没有成交：{}。商品已退回，可以重新上架。", why.1),
                    ),
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_fixed_price(
        &mut self,
        world: &World,
        site: &AuctionSite,
        index: usize,
        newcomers: Vec<(Minute, Buyer)>,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) {
        let SaleFormat::FixedPrice {
            price,
            offers,
            auto_decline_below,
            auto_accept_from,
        } = self.listings[index].terms.format.clone()
        else {
            return;
        };
        let id = self.listings[index].id;
        let market = self.listings[index].terms.market.clone();
        let sku = self.listings[index].terms.sku.clone();
        let currency = world.money(&market, 0).currency;
        let exponent = world.scenario.exponent(currency);
        let closes = self.listings[index].closes;
        for (at, buyer) in newcomers {
            if self.listings[index].status != ListingStatus::Live || at >= closes {
                break;
            }
            self.listings[index].buyers.push(buyer.clone());
            if buyer.value >= price {
                self.sell(world, id, buyer.name, buyer.counterpart, None, price, day, outcome);
                continue;
            }
            if !offers || buyer.value * 100 < price * LEAST_OFFER_SHARE {
                continue;
            }
            let brief = match buyer.counterpart.as_deref().and_then(|c| world.scenario.counterpart(c)) {
                Some(c) => BuyerBrief {
                    target: i64::try_from(i128::from(price) * c.personality.target.0 as i128 / 1_000_000).unwrap_or(0),
                    limit: buyer.value,
                    strategy: Strategy::of(&c.personality),
                    patience: c.personality.patience_rounds.max(1),
                },
                None => {
                    let kind = pick_bargainer(site, rng);
                    BuyerBrief {
                        target: i64::try_from(
                            i128::from(price) * kind.map_or(700_000, |k| k.target.0) as i128 / 1_000_000,
                        )
                        .unwrap_or(0),
                        limit: buyer.value,
                        strategy: kind.map_or(Strategy::TimeDependent { e_milli: 1_000 }, |k| k.strategy),
                        patience: CROWD_PATIENCE,
                    }
                }
            };
            let Some(haggle) = Haggle::open(price, currency, exponent, brief, rng) else {
                continue;
            };
            let offer_id = OfferId(u32::try_from(self.offers.len()).unwrap_or(u32::MAX));
            let amount = haggle.offer().unwrap_or(0);
            outcome.events.push(ShopEvent::OfferReceived {
                offer: offer_id,
                sku: sku.clone(),
                amount,
            });
            let mut offer = Offer {
                id: offer_id,
                listing: id,
                buyer: buyer.name.clone(),
                counterpart: buyer.counterpart.clone(),
                classmate: None,
                haggle,
                // Seen by the student the next morning.
                day: day + 1,
                automatic: false,
            };
            let auto = automatic_answer(amount, auto_accept_from, auto_decline_below);
            match auto {
                Some(true) => {
                    offer.automatic = true;
                    let _ = offer.haggle.accept();
                    self.offers.push(offer);
                    outcome.events.push(ShopEvent::OfferAutoAnswered {
                        offer: offer_id,
                        accepted: true,
                    });
                    self.sell(world, id, buyer.name, buyer.counterpart, None, amount, day, outcome);
                }
                Some(false) => {
                    offer.automatic = true;
                    let _ = offer.haggle.decline();
                    self.offers.push(offer);
                    outcome.events.push(ShopEvent::OfferAutoAnswered {
                        offer: offer_id,
                        accepted: false,
                    });
                }
                None => {
                    let name = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.en.clone());
                    let zh = world.scenario.product(&sku).map_or(sku.clone(), |p| p.name.zh.clone());
                    let money = world.money(&market, amount).format();
                    outcome.message(
                        buyer.counterpart.clone(),
                        text(format!("Offer: {money} for {name}"), format!("还价：{zh} 出价{money}")),
                        text(
                            format!(
                                "{} offers {money} (your price: {}). Accept, counter or decline on the Offers page; the offer lapses at the end of tomorrow.",
                                buyer.name,
                                world.money(&market, price).format()
                            ),
                            format!(
                                "{}出价{money}（你的标价：{}）。请在“还价”页面接受、还价或拒绝；该出价明天结束时失效。",
                                buyer.name,
                                world.money(&market, price).format()
                            ),
                        ),
                    );
                    self.offers.push(offer);
                }
            }
        }
        let listing = &mut self.listings[index];
        if listing.status == ListingStatus::Live && listing.closes <= day_start(day + 1) {
            listing.status = ListingStatus::Unsold;
            self.in_hand.insert(sku.clone());
            outcome.events.push(ShopEvent::Expired { listing: id, sku });
            for o in &mut self.offers {
                if o.listing == id && o.haggle.offer().is_some() {
                    o.haggle.expire();
                    outcome.events.push(ShopEvent::Haggled {
                        offer: o.id,
                        step: HaggleMove::Expired,
                    });
                }
            }
        }
    }
}

/// How a claimed grade compares with buyers' expectations (1.0 = as the reference price).
fn grade_factor(grade: ConditionGrade) -> f64 {
    match grade {
        ConditionGrade::Mint => 1.25,
        ConditionGrade::Excellent => 1.1,
        ConditionGrade::VeryGood => 1.0,
        ConditionGrade::Good => 0.9,
        ConditionGrade::Fair => 0.75,
        ConditionGrade::ForParts => 0.35,
    }
}

/// A Poisson draw (Knuth), for small means.
fn poisson(mean: f64, rng: &mut ChaCha8Rng) -> u32 {
    let limit = (-mean.clamp(0.0, 50.0)).exp();
    let mut product = 1.0;
    let mut count = 0;
    loop {
        product *= f64::from(rng.random_range(0..1_000_000u32)) / 1e6;
        if product <= limit || count >= 200 {
            return count;
        }
        count += 1;
    }
}

/// A triangular draw between `low` and `high` with its peak at `mode`.
/// A named counterpart as a buyer of a listing: their value is their reservation share of the
/// reference price (auction) or of the listing price (fixed price), times `factor`;
/// tit-for-tat counterparts snipe, Boulware ones nudge, the rest bid at once.
fn named_buyer(c: &crate::sim::scenario::Counterpart, terms: &ItemTerms, reference: i64, factor: f64) -> Buyer {
    let base = match terms.format {
        SaleFormat::Auction { .. } => reference,
        SaleFormat::FixedPrice { price, .. } => price,
    };
    let value = c.personality.reservation.0 as i128 * i128::from(base) / 1_000_000;
    let style = match c.personality.strategy {
        crate::sim::terms::ConcessionStrategy::TitForTat => BidStyle::Sniper,
        crate::sim::terms::ConcessionStrategy::Boulware => BidStyle::Nudger,
        _ => BidStyle::Early,
    };
    Buyer {
        name: c.name.clone(),
        counterpart: Some(c.id.clone()),
        value: (i64::try_from(value).unwrap_or(0) as f64 * factor).round() as i64,
        style,
        waiting_for: None,
        left: false,
        classmate: None,
    }
}

/// What an answer does to the asker's value: ×1.08 for 70 or more within a day, ×1 for 40 or
/// more, ×0.85 below; 0 (the buyer leaves) for unlawful advice.
fn answer_factor(q: &Question, a: &Answer) -> f64 {
    let fast = a.day <= q.asked_day + 1;
    match (a.grade.unlawful, a.grade.score, fast) {
        (true, _, _) => 0.0,
        (false, 70.., true) => 1.08,
        (false, 40.., _) => 1.0,
        _ => 0.85,
    }
}

pub(super) fn triangular(low: f64, mode: f64, high: f64, rng: &mut ChaCha8Rng) -> f64 {
    let u = f64::from(rng.random_range(0..1_000_000u32)) / 1e6;
    let span = (high - low).max(1e-9);
    let split = (mode - low) / span;
    if u < split {
        low + (u * span * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * span * (high - mode)).sqrt()
    }
}

/// An anonymised buyer name as auction sites show it: `k***a (57)`.
pub(super) fn crowd_name(rng: &mut ChaCha8Rng) -> String {
    let letters = b"abcdefghijklmnoprstuvwy";
    let first = letters[rng.random_range(0..letters.len())] as char;
    let last = letters[rng.random_range(0..letters.len())] as char;
    let feedback = rng.random_range(0..400u32);
    format!("{first}***{last} ({feedback})")
}

pub(super) fn merge(into: &mut Outcome, from: Outcome) {
    into.events.extend(from.events);
    into.postings.extend(from.postings);
    into.reputation.extend(from.reputation);
    into.messages.extend(from.messages);
}

fn pick_bargainer(site: &AuctionSite, rng: &mut ChaCha8Rng) -> Option<crate::sim::c2c::site::Bargainer> {
    let mut roll = rng.random_range(0..10_000i64);
    for b in &site.bargainers {
        if roll < b.share.0 {
            return Some(*b);
        }
        roll -= b.share.0;
    }
    site.bargainers.last().copied()
}

/// What a crowd buyer asks: import charges if the listing is silent on them, the faults if
/// some are hidden, and one more topic.
fn question_topics(terms: &ItemTerms, faults: &[Text], rng: &mut ChaCha8Rng) -> Vec<QuestionTopic> {
    let mut topics = Vec::new();
    if !terms.states_import_charges {
        topics.push(QuestionTopic::ImportCharges);
    }
    if terms.disclosed_faults.len() < faults.len() {
        topics.push(QuestionTopic::Condition);
    }
    let all = [
        QuestionTopic::Size,
        QuestionTopic::Condition,
        QuestionTopic::ShippingTime,
        QuestionTopic::ImportCharges,
    ];
    let extra = all[rng.random_range(0..all.len())];
    if !topics.contains(&extra) {
        topics.push(extra);
    }
    topics.sort();
    topics
}

fn crowd_question_text(product: &Product, topics: &[QuestionTopic]) -> (Text, Text) {
    let mut en = vec![format!("Hi, I am interested in your {}.", product.name.en)];
    let mut zh = vec![format!("你好，我对你的{}感兴趣。", product.name.zh)];
    for t in topics {
        let (e, z) = match t {
            QuestionTopic::Size => ("How big and heavy is it, packed?", "包装后多大、多重？"),
            QuestionTopic::Condition => ("Are there any faults I should know about?", "有没有需要我知道的瑕疵？"),
            QuestionTopic::ShippingTime => ("How long will shipping take?", "运输要多久？"),
            QuestionTopic::ImportCharges => ("Will I have to pay anything on delivery?", "收货时我还要付费吗？"),
        };
        en.push(e.to_string());
        zh.push(z.to_string());
    }
    en.push("Thanks!".to_string());
    zh.push("谢谢！".to_string());
    (
        text(
            format!("Question about {}", product.name.en),
            format!("关于{}的问题", product.name.zh),
        ),
        text(en.join(" "), zh.join("")),
    )
}
