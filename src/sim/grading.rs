//! Rubric checks the game scores by itself: each criterion of a scenario may name a check on
//! the session (what was listed, sold, answered, declared…); the report awards its points when
//! the check holds and says why either way.

use crate::sim::c2c::questions::{grade_name, grade_rank};
use crate::sim::c2c::{AuctionResult, HaggleMove, ItemListing, OrderStatus, SaleFormat, Verdict};
use crate::sim::money::{BasisPoints, Money, convert};
use crate::sim::scenario::Task;
pub use crate::sim::scenario::rubric::{Check, DECLARATION_FIELDS};
use crate::sim::session::Session;
use crate::sim::terms::{CostSheetLine, QuestionTopic, Text};

/// Joins reasons with `sep` in both languages.
fn join(parts: &[Text], en_sep: &str, zh_sep: &str) -> Text {
    Text {
        en: parts.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(en_sep),
        zh: parts.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join(zh_sep),
    }
}

/// The price a listing asked: the fixed price, or the auction's start price.
fn asked(l: &ItemListing) -> i64 {
    match l.terms.format {
        SaleFormat::FixedPrice { price, .. } => price,
        SaleFormat::Auction { start_price, .. } => start_price,
    }
}

/// The lowest price a listing would accept: the auto-decline floor (or the price), or the
/// reserve (or the start price).
fn floor(l: &ItemListing) -> i64 {
    match l.terms.format {
        SaleFormat::FixedPrice {
            price,
            auto_decline_below,
            ..
        } => auto_decline_below.unwrap_or(price),
        SaleFormat::Auction {
            start_price, reserve, ..
        } => reserve.unwrap_or(start_price),
    }
}

/// Whether `check` holds for `task` in `session`, and why, in a sentence.
pub fn evaluate(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    match check {
        Check::DeclarationFields { .. } | Check::DeclarationFirstTime => evaluate_declaration(session, task, check),
        Check::ListingQualityAtLeast { .. }
        | Check::MarginAtLeast { .. }
        | Check::AcosBelowMargin
        | Check::UnitsSoldAtLeast { .. }
        | Check::ListingLive
        | Check::PricedForMarket { .. }
        | Check::CostSheetRight { .. }
        | Check::AdsCutWhenLosing { .. }
        | Check::AcosAtMost { .. }
        | Check::StoreProfitable => evaluate_store(session, task, check),
        Check::OpeningOfferWorth { .. } | Check::ConcessionsShrink | Check::AgreedUtilityAtLeast { .. } => {
            evaluate_talks(session, task, check)
        }
        Check::DocumentsFirstTime => {
            let attempts = session.documents_desk().documents_attempts(&task.id);
            match attempts.first() {
                None => (false, why!("no documents were presented", "未交单")),
                Some(first) if first.complies() => {
                    (true, why!("the documents complied the first time", "单据一次相符"))
                }
                Some(first) => (
                    false,
                    why!(
                        "the first presentation had {} discrepancy(ies); {} presentation(s) in all",
                        "第一次交单有{}处不符点；共交单{}次",
                        first.discrepancies(),
                        attempts.len()
                    ),
                ),
            }
        }
        Check::CashGainAtLeast { amount } => {
            let home = session.scenario().home_currency();
            let (start, end) = cash_start_and_end(session);
            let gain = end.minor - start.minor;
            let wanted = session.world().in_currency(*amount, home).unwrap_or(amount.minor);
            let money = |minor: i64| crate::sim::Money::new(minor, home, start.exponent).format();
            (
                gain >= wanted,
                why!(
                    "cash {} → {}: a gain of {} against {} wanted",
                    "现金 {} → {}：增加{}，要求{}",
                    start.format(),
                    end.format(),
                    money(gain),
                    money(wanted)
                ),
            )
        }
        Check::LetterPointRight { .. } => evaluate_letter(session, task, check),
        Check::AnsweredWithin { .. } | Check::AllTopicsAnsweredTruly | Check::AnswerTone { .. }
            if task.letter.is_some() =>
        {
            evaluate_letter(session, task, check)
        }
        Check::ContractSigned
        | Check::ContractIncoterm { .. }
        | Check::ContractPayment { .. }
        | Check::ContractMarginAtLeast { .. } => evaluate_contract(session, task, check),
        Check::All(list) => {
            let results: Vec<(bool, Text)> = list.iter().map(|c| evaluate(session, task, c)).collect();
            let reasons: Vec<Text> = results.iter().map(|(_, why)| why.clone()).collect();
            (results.iter().all(|(ok, _)| *ok), join(&reasons, "; ", "；"))
        }
        _ => evaluate_shop(session, task, check),
    }
}

/// The checks on the customs desk: the task's declarations.
fn evaluate_declaration(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    match check {
        Check::DeclarationFields { fields } => {
            let attempts = session.customs_desk().declaration_attempts(&task.id);
            let Some(last) = attempts.last() else {
                return (false, why!("no declaration was lodged", "未申报"));
            };
            let wrong: Vec<String> = last
                .fields
                .iter()
                .filter(|f| fields.iter().any(|n| n == f.field.name))
                .filter(|f| matches!(f.verdict, crate::sim::customs::declaration::Verdict::Wrong(_)))
                .map(|f| match f.field.line {
                    Some(line) => format!("{} (line {})", f.field.name, line + 1),
                    None => f.field.name.to_string(),
                })
                .collect();
            if wrong.is_empty() {
                (
                    true,
                    why!(
                        "right on declaration {}: {}",
                        "第{}次申报正确：{}",
                        attempts.len(),
                        fields.join(", ")
                    ),
                )
            } else {
                (
                    false,
                    why!(
                        "wrong on declaration {}: {}",
                        "第{}次申报有误：{}",
                        attempts.len(),
                        wrong.join(", ")
                    ),
                )
            }
        }
        Check::DeclarationFirstTime => {
            let attempts = session.customs_desk().declaration_attempts(&task.id);
            match attempts.first() {
                None => (false, why!("no declaration was lodged", "未申报")),
                Some(first) if first.clears() => (true, why!("released on the first declaration", "第一次申报即放行")),
                Some(first) => (
                    false,
                    why!(
                        "the first declaration had {} wrong field(s); {} lodged in all",
                        "第一次申报有{}个栏目错误；共申报{}次",
                        first.wrong(),
                        attempts.len()
                    ),
                ),
            }
        }
        _ => (false, Text::default()),
    }
}

/// The C2C checks, on the shop.
fn evaluate_shop(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    let Some(shop) = session.shop_desk().shop() else {
        return (
            false,
            why!(
                "this scenario has no C2C shop for this check",
                "本情景没有C2C店铺，无法检查此项"
            ),
        );
    };
    let scenario = session.scenario();
    let money = |market: &str, minor: i64| {
        let currency = scenario
            .markets()
            .iter()
            .find(|m| m.id == market)
            .map_or(scenario.home_currency(), |m| m.currency);
        crate::sim::Money::new(minor, currency, scenario.exponent(currency)).format()
    };
    let question = || {
        let id = task.counterpart.as_deref()?;
        shop.questions
            .iter()
            .find(|q| q.counterpart.as_deref() == Some(id) && q.answer.is_some())
    };
    let product_order = || {
        let sku = task.product.as_deref()?;
        shop.orders
            .iter()
            .find(|o| o.sku == sku && task.market.as_deref().is_none_or(|m| m == o.market))
    };
    match check {
        Check::AllListedByDueDay => {
            let due = task.due_day.unwrap_or(scenario.length_days());
            let items: Vec<&str> = scenario
                .products()
                .iter()
                .filter(|p| p.condition.is_some())
                .map(|p| p.sku.as_str())
                .collect();
            let late: Vec<String> = items
                .iter()
                .filter(|sku| {
                    shop.listings
                        .iter()
                        .filter(|l| l.terms.sku == **sku)
                        .map(|l| l.listed_day)
                        .min()
                        .is_none_or(|d| d > due)
                })
                .map(|s| s.to_string())
                .collect();
            if late.is_empty() {
                (
                    true,
                    why!(
                        "all {} items listed by day {due}",
                        "{}件物品均在第{due}天前上架",
                        items.len()
                    ),
                )
            } else {
                (
                    false,
                    why!("not listed by day {due}: {}", "第{due}天前未上架：{}", late.join(", ")),
                )
            }
        }
        Check::FormatChoice { auction, fixed } => {
            let first = |sku: &str| shop.listings.iter().find(|l| l.terms.sku == sku);
            let mut wrong = Vec::new();
            for sku in auction {
                if !first(sku).is_some_and(|l| matches!(l.terms.format, SaleFormat::Auction { .. })) {
                    wrong.push(why!("{sku} was not auctioned", "{sku}未采用拍卖"));
                }
            }
            for sku in fixed {
                if !first(sku).is_some_and(|l| matches!(l.terms.format, SaleFormat::FixedPrice { .. })) {
                    wrong.push(why!("{sku} was not listed at a fixed price", "{sku}未以一口价刊登"));
                }
            }
            if wrong.is_empty() {
                (true, why!("the formats fit the items", "销售方式与物品相符"))
            } else {
                (false, join(&wrong, "; ", "；"))
            }
        }
        Check::FloorsCoverCosts => {
            if shop.listings.is_empty() {
                return (false, why!("nothing was listed", "没有刊登任何物品"));
            }
            let short: Vec<Text> = shop
                .listings
                .iter()
                .filter_map(|l| {
                    // Judged at the rates of the day it was listed: a later exchange-rate move
                    // is no pricing mistake.
                    let need = l.break_even_at_listing.or_else(|| {
                        session.shop_desk().break_even(
                            &l.terms.market,
                            &l.terms.sku,
                            &l.terms.postage,
                            l.terms.duty_paid,
                        )
                    })?;
                    (floor(l) < need).then(|| {
                        why!(
                            "{}: floor {} below break-even {}",
                            "{}：底价{}低于保本价{}",
                            l.terms.sku,
                            money(&l.terms.market, floor(l)),
                            money(&l.terms.market, need)
                        )
                    })
                })
                .collect();
            if short.is_empty() {
                (
                    true,
                    why!(
                        "every floor covers cost, postage and fees",
                        "每个底价都覆盖成本、邮费和平台费用"
                    ),
                )
            } else {
                (false, join(&short, "; ", "；"))
            }
        }
        Check::HonestDescriptions => {
            if shop.listings.is_empty() {
                return (false, why!("nothing was listed", "没有刊登任何物品"));
            }
            let dishonest: Vec<Text> = shop
                .listings
                .iter()
                .filter_map(|l| {
                    let (grade, faults) = scenario.product(&l.terms.sku)?.condition.clone()?;
                    let overstated = grade_rank(l.terms.claimed_grade) < grade_rank(grade);
                    let hidden = faults.len().saturating_sub(l.terms.disclosed_faults.len());
                    (overstated || hidden > 0).then(|| {
                        let mut parts = Vec::new();
                        if overstated {
                            let (claimed, really) = (grade_name(l.terms.claimed_grade), grade_name(grade));
                            parts.push(Text {
                                en: format!("claimed {:?}, really {grade:?}", l.terms.claimed_grade),
                                zh: format!("声称{}，实为{}", claimed.zh, really.zh),
                            });
                        }
                        if hidden > 0 {
                            parts.push(why!("{hidden} fault(s) not mentioned", "{hidden}处瑕疵未说明"));
                        }
                        let parts = join(&parts, ", ", "，");
                        Text {
                            en: format!("{}: {}", l.terms.sku, parts.en),
                            zh: format!("{}：{}", l.terms.sku, parts.zh),
                        }
                    })
                })
                .collect();
            if dishonest.is_empty() {
                (
                    true,
                    why!(
                        "every listing states the true grade and every fault",
                        "每件刊登都如实写明成色和全部瑕疵"
                    ),
                )
            } else {
                (false, join(&dishonest, "; ", "；"))
            }
        }
        Check::CounteredLowOffer { below } => {
            let low: Vec<_> = shop
                .offers
                .iter()
                .filter(|o| {
                    let first = o.haggle.moves().iter().find_map(|m| match m {
                        HaggleMove::BuyerOffers(p) => Some(*p),
                        _ => None,
                    });
                    // An offer the item sold out from under on the day it came, before the
                    // seller could see it, was never the seller's to counter. One left waiting
                    // until a later sale was.
                    let sold_on = shop.orders.iter().find(|x| x.listing == o.listing).map(|x| x.sold_day);
                    let gone_unanswered = !o.haggle.moves().iter().any(|m| {
                        matches!(
                            m,
                            HaggleMove::SellerCounters(_) | HaggleMove::SellerAccepts(_) | HaggleMove::SellerDeclines
                        )
                    }) && o.haggle.moves().last() == Some(&HaggleMove::SoldElsewhere)
                        && sold_on.is_some_and(|d| d <= o.day);
                    !gone_unanswered && first.is_some_and(|p| p < below.of(o.haggle.list_price()))
                })
                .collect();
            if low.is_empty() {
                // Nothing to counter is no fault, as long as buyers could make offers at all.
                let open_to_offers = shop
                    .listings
                    .iter()
                    .any(|l| matches!(l.terms.format, SaleFormat::FixedPrice { offers: true, .. }));
                return if open_to_offers {
                    (
                        true,
                        why!(
                            "no offer below {below} of the price came in: nothing to counter",
                            "没有低于标价的{below}的报价：无需还价"
                        ),
                    )
                } else {
                    (
                        false,
                        why!(
                            "nothing was listed at a fixed price with offers",
                            "没有以一口价并接受议价的方式刊登任何物品"
                        ),
                    )
                };
            }
            let countered = low
                .iter()
                .filter(|o| {
                    o.haggle
                        .moves()
                        .iter()
                        .any(|m| matches!(m, HaggleMove::SellerCounters(_)))
                })
                .count();
            (
                countered > 0,
                why!(
                    "{countered} of {} offers below {below} of the price countered",
                    "低于标价的{below}的{}个报价中，还价了{countered}个",
                    low.len()
                ),
            )
        }
        Check::NoSaleBelowBreakEven => {
            if shop.orders.is_empty() {
                return (false, why!("nothing was sold yet", "尚未售出任何物品"));
            }
            // Each sale (an accepted offer, buy it now, an auction's hammer price) against its
            // listing's break-even at the rates of the day it was listed.
            let below: Vec<Text> = shop
                .orders
                .iter()
                .filter_map(|o| {
                    let l = shop.listing(o.listing)?;
                    let need = l.break_even_at_listing.or_else(|| {
                        session.shop_desk().break_even(
                            &l.terms.market,
                            &l.terms.sku,
                            &l.terms.postage,
                            l.terms.duty_paid,
                        )
                    })?;
                    (o.price < need).then(|| {
                        why!(
                            "{} sold for {} (break-even {})",
                            "{}以{}售出（保本价{}）",
                            l.terms.sku,
                            money(&l.terms.market, o.price),
                            money(&l.terms.market, need)
                        )
                    })
                })
                .collect();
            if below.is_empty() {
                (
                    true,
                    why!(
                        "all {} sale(s) at or above break-even",
                        "全部{}笔成交都不低于保本价",
                        shop.orders.len()
                    ),
                )
            } else {
                (false, join(&below, "; ", "；"))
            }
        }
        Check::SoldAtLeast { product, share } => {
            let sold = shop.orders.iter().find(|o| &o.sku == product);
            match sold.and_then(|o| shop.listing(o.listing).map(|l| (o, l))) {
                None => (false, why!("{product} was not sold", "{product}未售出")),
                Some((o, l)) => {
                    let least = share.of(asked(l));
                    (
                        o.price >= least,
                        why!(
                            "{product} sold for {} against {} asked ({} needed)",
                            "{product}以{}售出，标价{}（至少需要{}）",
                            money(&o.market, o.price),
                            money(&o.market, asked(l)),
                            money(&o.market, least)
                        ),
                    )
                }
            }
        }
        Check::AuctionSoldAboveReserve { product } => {
            let result = shop
                .listings
                .iter()
                .filter(|l| &l.terms.sku == product)
                .find_map(|l| l.auction.as_ref().and_then(|a| a.result().map(|r| (l, r))));
            match result {
                Some((l, AuctionResult::Sold { price, .. })) => (
                    true,
                    why!(
                        "{product} sold at auction for {}",
                        "{product}拍卖成交价{}",
                        money(&l.terms.market, price)
                    ),
                ),
                Some((_, AuctionResult::ReserveNotMet { .. })) => (
                    false,
                    why!("{product}: the reserve was not met", "{product}：未达到底价"),
                ),
                Some((_, AuctionResult::NoBids)) => (false, why!("{product}: no bids", "{product}：无人出价")),
                None => (
                    false,
                    why!("{product} was not auctioned to a close", "{product}的拍卖未结束"),
                ),
            }
        }
        Check::AnsweredWithin { days, min_score } => match question() {
            None => (false, why!("the question was not answered", "未回答买家的问题")),
            Some(q) => {
                let a = q.answer.as_ref().map_or((0, 0), |a| (a.day, a.grade.score));
                let waited = a.0.saturating_sub(q.asked_day);
                (
                    waited <= *days && a.1 >= *min_score,
                    why!(
                        "answered {waited} day(s) after the question, graded {}/100 (needed within {days} day(s) and {min_score})",
                        "提问后{waited}天回复，得分{}/100（要求{days}天内且不低于{min_score}分）",
                        a.1
                    ),
                )
            }
        },
        Check::ChargesExplainedTruly | Check::AllTopicsAnsweredTruly => match question() {
            None => (false, why!("the question was not answered", "未回答买家的问题")),
            Some(q) => {
                let sent = q.answer.as_ref().map(|a| a.sent.clone()).unwrap_or_default();
                let right = |(topic, s): &(QuestionTopic, Option<crate::sim::c2c::Statement>)| {
                    let ok = s.as_ref().is_some_and(|s| s.verdict == Verdict::Right);
                    (*topic, ok)
                };
                let results: Vec<(QuestionTopic, bool)> = sent.iter().map(right).collect();
                if matches!(check, Check::ChargesExplainedTruly) {
                    let ok = results.iter().any(|(t, ok)| *t == QuestionTopic::ImportCharges && *ok);
                    (
                        ok,
                        if ok {
                            why!("the import charges were explained truly", "如实说明了进口税费")
                        } else {
                            why!("the import charges were not explained truly", "未如实说明进口税费")
                        },
                    )
                } else {
                    let wrong: Vec<&QuestionTopic> = results.iter().filter(|(_, ok)| !ok).map(|(t, _)| t).collect();
                    (
                        wrong.is_empty(),
                        if wrong.is_empty() {
                            why!("every point answered truly", "每个要点都如实回答")
                        } else {
                            let en: Vec<String> = wrong.iter().map(|t| format!("{t:?}")).collect();
                            let zh: Vec<&str> = wrong.iter().map(|t| t.name_zh()).collect();
                            Text {
                                en: format!("not answered truly: {}", en.join(", ")),
                                zh: format!("未如实回答：{}", zh.join("、")),
                            }
                        },
                    )
                }
            }
        },
        Check::AnswerTone { min } => match question().and_then(|q| q.answer.as_ref()) {
            None => (false, why!("the question was not answered", "未回答买家的问题")),
            Some(a) => (
                a.grade.tone >= *min,
                why!("tone {}/30 (needed {min})", "语气{}/30（要求{min}）", a.grade.tone),
            ),
        },
        Check::CounterpartTookPart => {
            let Some(id) = task.counterpart.as_deref() else {
                return (false, why!("the task names no counterpart", "任务未指定对方"));
            };
            let bid = shop.listings.iter().any(|l| {
                l.auction.as_ref().is_some_and(|a| {
                    a.history().iter().any(|h| {
                        l.buyers
                            .get(h.bidder.0 as usize)
                            .is_some_and(|b| b.counterpart.as_deref() == Some(id))
                    })
                })
            });
            let offered = shop.offers.iter().any(|o| o.counterpart.as_deref() == Some(id));
            let bought = shop.orders.iter().any(|o| o.counterpart.as_deref() == Some(id));
            let took = bid || offered || bought;
            let name = scenario.counterpart(id).map_or(id, |c| c.name.as_str());
            (
                took,
                if took {
                    why!("{name} bid, made an offer or bought", "{name}出价、还价或购买了")
                } else {
                    why!("{name} did not bid or buy", "{name}没有出价或购买")
                },
            )
        }
        Check::Cn23Right { boxes } => match product_order().and_then(|o| o.cn23.as_ref()) {
            None => (false, why!("no CN23 was lodged for this parcel", "此包裹未提交CN23")),
            Some(cn23) => {
                let wrong: Vec<&crate::sim::terms::Cn23Box> = boxes
                    .iter()
                    .filter(|b| cn23.verdicts.iter().any(|v| v.field == **b && !v.right))
                    .collect();
                (
                    wrong.is_empty(),
                    if wrong.is_empty() {
                        why!("those boxes of the CN23 were right", "CN23的这些栏目填写正确")
                    } else {
                        Text {
                            en: format!(
                                "wrong on the CN23: {}",
                                wrong.iter().map(|b| format!("{b:?}")).collect::<Vec<_>>().join(", ")
                            ),
                            zh: format!(
                                "CN23填错的栏目：{}",
                                wrong.iter().map(|b| b.name_zh()).collect::<Vec<_>>().join("、")
                            ),
                        }
                    },
                )
            }
        },
        Check::ParcelDelivered => match product_order() {
            None => (false, why!("the item was not sold", "该物品未售出")),
            Some(o) => {
                // The seller answers for the description and for telling the buyer the import
                // charges; an unjustified claim, or damage and loss in the post, are not the
                // seller's doing.
                use crate::sim::c2c::DisputeKind;
                let at_fault = o.dispute.as_ref().is_some_and(|d| {
                    d.justified && matches!(d.kind, DisputeKind::NotAsDescribed | DisputeKind::RefusedImportCharges)
                });
                let ok = o.status == OrderStatus::Delivered && !o.held && !at_fault;
                let mut notes = Vec::new();
                if o.status != OrderStatus::Delivered {
                    notes.push(Text {
                        en: format!("not delivered ({:?})", o.status),
                        zh: format!("未送达（{}）", o.status.name_zh()),
                    });
                }
                if o.held {
                    notes.push(why!("held at customs", "被海关扣留"));
                }
                match &o.dispute {
                    Some(d) if at_fault => notes.push(Text {
                        en: format!("a justified {:?} dispute", d.kind),
                        zh: format!("一起成立的“{}”纠纷", d.kind.name_zh()),
                    }),
                    Some(d) => notes.push(Text {
                        en: format!("a {:?} claim that is no fault of the seller's", d.kind),
                        zh: format!("一起“{}”索赔（非卖家过错）", d.kind.name_zh()),
                    }),
                    None => {}
                }
                let notes = join(&notes, ", ", "，");
                (
                    ok,
                    match (ok, notes.en.is_empty()) {
                        (true, true) => why!(
                            "delivered with no customs hold and no dispute",
                            "已送达，无海关扣留，无纠纷"
                        ),
                        (true, false) => Text {
                            en: format!("delivered with no customs hold; {}", notes.en),
                            zh: format!("已送达，无海关扣留；{}", notes.zh),
                        },
                        (false, _) => notes,
                    },
                )
            }
        },
        _ => (false, Text::default()),
    }
}

/// The B2C checks, on the student's listings in the task's market (all markets if none) and
/// of the task's product (all products if none).
fn evaluate_store(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    let scenario = session.scenario();
    let markets: Vec<&str> = scenario
        .markets()
        .iter()
        .filter(|m| m.storefront.is_some() && task.market.as_deref().is_none_or(|t| t == m.id))
        .map(|m| m.id.as_str())
        .collect();
    let listings: Vec<(&str, &crate::sim::market::StudentListing)> = markets
        .iter()
        .filter_map(|m| session.store_desk().store(m).map(|s| (*m, s)))
        .flat_map(|(m, s)| s.student.iter().map(move |l| (m, l)))
        .filter(|(_, l)| task.product.as_deref().is_none_or(|p| p == l.sku))
        .collect();
    let nothing = || (false, why!("nothing was listed", "没有刊登任何商品"));
    match check {
        Check::ListingQualityAtLeast { min } => {
            if listings.is_empty() {
                return nothing();
            }
            let low: Vec<String> = listings
                .iter()
                .filter(|(_, l)| l.quality.score < *min)
                .map(|(m, l)| format!("{} in {m}: {}", l.sku, l.quality.score))
                .collect();
            if low.is_empty() {
                (
                    true,
                    why!(
                        "every listing scores at least {min}/1000",
                        "每个刊登质量分都不低于{min}/1000"
                    ),
                )
            } else {
                (
                    false,
                    why!("below {min}/1000: {}", "低于{min}/1000：{}", low.join(", ")),
                )
            }
        }
        Check::AdsCutWhenLosing { days } => {
            let Some((m, l)) = listings.first() else {
                return nothing();
            };
            let Some(store) = session.store_desk().store(m) else {
                return nothing();
            };
            let Some(margin) = session.store_desk().order_margin(m, &l.sku).and_then(|o| o.share()) else {
                return nothing();
            };
            let index = l.id.0 as usize;
            let days_of: Vec<(u32, &crate::sim::market::ListingDay)> = store
                .history
                .iter()
                .filter_map(|(day, stats)| stats.listings.get(index).map(|d| (*day, d)))
                .collect();
            let (mut clicks, mut spend, mut sales) = (0u32, 0i64, 0i64);
            let mut losing: Option<(u32, i64, BasisPoints, BasisPoints)> = None;
            for (day, d) in &days_of {
                clicks += d.ad_clicks;
                spend += d.ad_spend;
                sales += d.ad_sales;
                let acos = crate::sim::market::metrics::acos(spend, sales).unwrap_or(BasisPoints(i64::MAX / 2));
                // Judged against the margin the listing ran on that day (its price then).
                let margin_then = session.store_desk().margin_on(m, &l.sku, *day).unwrap_or(margin);
                if clicks >= 20 && acos.0 > margin_then.0 {
                    losing = Some((*day, d.bid, acos, margin_then));
                    break;
                }
            }
            if clicks < 20 && losing.is_none() {
                return (
                    false,
                    why!(
                        "the ads had {clicks} click(s): too few to judge",
                        "广告仅有{clicks}次点击：不足以判断"
                    ),
                );
            }
            match losing {
                None => (
                    true,
                    why!(
                        "ACoS stayed at or below each day's margin (now {margin}): nothing to cut",
                        "ACoS始终不高于当天的利润率（现为{margin}）：无需削减"
                    ),
                ),
                Some((day, bid, acos, margin)) => {
                    let acos_text = if acos.0 >= i64::MAX / 4 {
                        why!("no ad sales", "没有广告销售额")
                    } else {
                        why!("ACoS {acos}", "ACoS {acos}")
                    };
                    let (acos_en, acos_zh) = (acos_text.en, acos_text.zh);
                    let currency = scenario
                        .markets()
                        .iter()
                        .find(|x| x.id == *m)
                        .map_or(scenario.home_currency(), |x| x.currency);
                    let money =
                        |minor: i64| crate::sim::Money::new(minor, currency, scenario.exponent(currency)).format();
                    let cut = days_of
                        .iter()
                        .filter(|(d, _)| *d > day && *d <= day + days)
                        .find(|(_, x)| x.bid < bid);
                    match cut {
                        Some((d, x)) => (
                            true,
                            why!(
                                "{acos_en} above the margin of {margin} on day {day}; the bid went from {} to {} on day {d}",
                                "第{day}天{acos_zh}高于利润率{margin}；第{d}天出价从{}降到{}",
                                money(bid),
                                money(x.bid)
                            ),
                        ),
                        // The window to act has not closed yet (the last days of the run).
                        None if days_of.last().is_none_or(|(last, _)| *last < day + days) => (
                            true,
                            why!(
                                "{acos_en} above the margin of {margin} on day {day}; the {days} day(s) to cut the bid had not passed",
                                "第{day}天{acos_zh}高于利润率{margin}；降低出价的{days}天期限尚未结束"
                            ),
                        ),
                        None => (
                            false,
                            why!(
                                "{acos_en} above the margin of {margin} on day {day}, and the bid was not cut within {days} day(s)",
                                "第{day}天{acos_zh}高于利润率{margin}，{days}天内没有降低出价"
                            ),
                        ),
                    }
                }
            }
        }
        Check::CostSheetRight { lines } => {
            if listings.is_empty() {
                return nothing();
            }
            let mut problems = Vec::new();
            for (m, l) in &listings {
                match session
                    .store_desk()
                    .cost_sheets()
                    .iter()
                    .rev()
                    .find(|c| c.market == *m && c.sku == l.sku)
                {
                    None => problems.push(why!("no cost sheet for {} in {m}", "{m}的{}没有成本核算表", l.sku)),
                    Some(sheet) => {
                        let wrong: Vec<&CostSheetLine> = lines.iter().filter(|line| !sheet.right(**line)).collect();
                        if !wrong.is_empty() {
                            let en: Vec<String> = wrong.iter().map(|line| format!("{line:?}")).collect();
                            let zh: Vec<&str> = wrong.iter().map(|line| line.name_zh()).collect();
                            problems.push(Text {
                                en: format!("{} in {m}: {} wrong", l.sku, en.join(", ")),
                                zh: format!("{m}的{}：{}有误", l.sku, zh.join("、")),
                            });
                        }
                    }
                }
            }
            let names: Vec<String> = lines.iter().map(|l| format!("{l:?}")).collect();
            let names_zh: Vec<&str> = lines.iter().map(|l| l.name_zh()).collect();
            if problems.is_empty() {
                (
                    true,
                    Text {
                        en: format!("cost sheets right on {}", names.join(", ")),
                        zh: format!("成本核算表以下各行正确：{}", names_zh.join("、")),
                    },
                )
            } else {
                (false, join(&problems, "; ", "；"))
            }
        }
        Check::PricedForMarket { within } => {
            let Some((m, l)) = listings.first() else {
                return nothing();
            };
            let Some(found) = scenario.markets().iter().find(|x| x.id == *m) else {
                return nothing();
            };
            let Some(reference) = found
                .reference_prices
                .iter()
                .find(|(p, _)| *p == l.sku)
                .map(|(_, r)| *r)
            else {
                return (
                    false,
                    why!("{m} has no reference price for {}", "{m}没有{}的参考价", l.sku),
                );
            };
            let Some(price) = session
                .store_desk()
                .store(m)
                .and_then(|s| s.listings.get(l.id.0 as usize))
                .map(|x| x.price)
            else {
                return nothing();
            };
            let off = i64::try_from(
                (i128::from(price) - i128::from(reference.minor)) * 10_000 / i128::from(reference.minor.max(1)),
            )
            .unwrap_or(i64::MAX);
            let money = |minor: i64| crate::sim::Money::new(minor, reference.currency, reference.exponent).format();
            (
                off.abs() <= within.0,
                why!(
                    "{} listed at {} in {m}, where shoppers expect {} ({}{}; allowed ±{within})",
                    "{}在{m}标价{}，消费者预期{}（{}{}；允许±{within}）",
                    l.sku,
                    money(price),
                    money(reference.minor),
                    if off >= 0 { "+" } else { "" },
                    BasisPoints(off)
                ),
            )
        }
        Check::MarginAtLeast { share } => {
            if listings.is_empty() {
                return nothing();
            }
            let thin: Vec<String> = listings
                .iter()
                .filter_map(|(m, l)| {
                    let margin = session
                        .store_desk()
                        .order_margin(m, &l.sku)?
                        .share()
                        .unwrap_or(BasisPoints(0));
                    (margin.0 < share.0).then(|| format!("{} in {m}: {margin}", l.sku))
                })
                .collect();
            if thin.is_empty() {
                (
                    true,
                    why!(
                        "every listing keeps at least {share} per order",
                        "每个商品每单利润率都不低于{share}"
                    ),
                )
            } else {
                (
                    false,
                    why!(
                        "below {share} per order: {}",
                        "每单利润率低于{share}：{}",
                        thin.join(", ")
                    ),
                )
            }
        }
        Check::AcosBelowMargin => {
            let Some((m, l)) = listings.first() else {
                return nothing();
            };
            let Some(store) = session.store_desk().store(m) else {
                return nothing();
            };
            let ads = store.ads_result(l.id);
            let margin = session.store_desk().order_margin(m, &l.sku).and_then(|o| o.share());
            match (crate::sim::market::metrics::acos(ads.cost, ads.sales), margin) {
                (Some(acos), Some(margin)) => (
                    acos.0 < margin.0,
                    why!(
                        "ACoS {acos} against a margin of {margin}",
                        "ACoS {acos}，利润率{margin}"
                    ),
                ),
                _ => (false, why!("no ad sales to judge", "没有可评判的广告销售额")),
            }
        }
        Check::AcosAtMost { max } => {
            let Some((m, l)) = listings.first() else {
                return nothing();
            };
            let Some(store) = session.store_desk().store(m) else {
                return nothing();
            };
            let ads = store.ads_result(l.id);
            match crate::sim::market::metrics::acos(ads.cost, ads.sales) {
                Some(acos) => (
                    acos.0 <= max.0,
                    why!("ACoS {acos} (at most {max} wanted)", "ACoS {acos}（要求不超过{max}）"),
                ),
                None => (false, why!("no ad sales to judge", "没有可评判的广告销售额")),
            }
        }
        Check::UnitsSoldAtLeast { units } => {
            let Some((m, l)) = listings.first() else {
                return nothing();
            };
            let sold: u32 = session.store_desk().store(m).map_or(0, |s| {
                s.history
                    .iter()
                    .filter_map(|(_, day)| day.listings.get(l.id.0 as usize))
                    .map(|d| d.kept_orders())
                    .sum()
            });
            (
                sold >= *units,
                why!(
                    "{sold} sold in {m} (needed {units})",
                    "在{m}售出{sold}件（要求{units}件）"
                ),
            )
        }
        Check::ListingLive => match listings.first() {
            Some((m, l)) => (true, why!("{} is listed in {m}", "{}已在{m}上架", l.sku)),
            None => (false, why!("not listed", "未上架")),
        },
        Check::StoreProfitable => {
            let profit: i64 = markets
                .iter()
                .filter_map(|m| session.store_desk().store(m))
                .flat_map(|s| s.money.iter().map(|d| d.profit()))
                .sum();
            if listings.is_empty() {
                return nothing();
            }
            let shown = markets
                .first()
                .and_then(|m| scenario.markets().iter().find(|x| x.id == *m))
                .map_or_else(
                    || profit.to_string(),
                    |m| crate::sim::Money::new(profit, m.currency, scenario.exponent(m.currency)).format(),
                );
            (
                profit > 0,
                why!("profit after everything: {shown}", "扣除全部费用后的利润：{shown}"),
            )
        }
        _ => (false, Text::default()),
    }
}

/// The B2B checks, on the contract the task's negotiation ended in.
fn evaluate_contract(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    let Some(contract) = session.talks_desk().contract(&task.id) else {
        return (false, why!("no contract was signed", "未签订合同"));
    };
    match check {
        Check::ContractSigned => (
            true,
            why!(
                "contract {} signed on {}",
                "合同{}于{}签订",
                contract.number,
                contract.signed_on
            ),
        ),
        Check::ContractIncoterm { allowed } => match contract.incoterm {
            Some(i) => (allowed.contains(&i), why!("the contract says {i:?}", "合同约定{i:?}")),
            None => (false, why!("the contract names no Incoterm", "合同未约定贸易术语")),
        },
        Check::ContractPayment { allowed } => match contract.payment {
            Some(p) => (
                allowed.contains(&p),
                Text {
                    en: format!("the contract says {p:?}"),
                    zh: format!("合同约定{}", p.label_zh()),
                },
            ),
            None => (false, why!("the contract names no payment term", "合同未约定付款方式")),
        },
        Check::ContractMarginAtLeast { share } => {
            let scenario = session.scenario();
            let home = scenario.home_currency();
            let home_exp = scenario.exponent(home);
            let Some(product) = scenario.product(&contract.sku) else {
                return (false, why!("the contract's product is unknown", "合同的商品未知"));
            };
            let price_home = match contract.rate_on_signing {
                Some(rate) if contract.unit_price.currency != home => {
                    crate::sim::money::convert(contract.unit_price.minor, contract.unit_price.exponent, rate, home_exp)
                }
                _ => contract.unit_price.minor,
            };
            let cost = session
                .world()
                .in_currency(product.unit_cost, home)
                .unwrap_or(product.unit_cost.minor);
            let least = cost + share.of(cost);
            let m = |minor: i64| crate::sim::Money::new(minor, home, home_exp).format();
            (
                price_home >= least,
                why!(
                    "unit price {} = {} at signing, against cost {} + {share} = {}",
                    "单价{}按签约日汇率为{}，成本{}加{share}为{}",
                    contract.unit_price.format(),
                    m(price_home),
                    m(cost),
                    m(least)
                ),
            )
        }
        _ => (false, Text::default()),
    }
}

/// The checks on how the student negotiated: their own offers, judged by their own brief.
fn evaluate_talks(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    use crate::sim::negotiation::domain::format_utility;
    let Some(talks) = session.talks_desk().talks(&task.id) else {
        return (false, why!("the negotiation was not opened", "谈判未开始"));
    };
    let side = talks.case().student_side;
    let brief = talks.case().preferences(side);
    let domain = &talks.case().domain;
    if let Check::AgreedUtilityAtLeast { min } = check {
        return match talks.ending() {
            Some(crate::sim::negotiation::TalksEnding::Agreed { bid, .. }) => {
                let worth = brief.utility(bid);
                let deal = domain.describe_text(bid);
                (
                    worth >= *min,
                    Text {
                        en: format!(
                            "the deal ({}) is worth {} to you, against {} wanted",
                            deal.en,
                            format_utility(worth),
                            format_utility(*min)
                        ),
                        zh: format!(
                            "成交条件（{}）对你的效用为{}，要求{}",
                            deal.zh,
                            format_utility(worth),
                            format_utility(*min)
                        ),
                    },
                )
            }
            _ => (false, why!("no deal was agreed", "未达成交易")),
        };
    }
    let mine: Vec<_> = talks.offers().iter().filter(|o| o.by == side).collect();
    let Some(first) = mine.first() else {
        return (false, why!("you made no offer", "你没有报价"));
    };
    match check {
        Check::OpeningOfferWorth { min } => {
            let worth = brief.utility(first.bid);
            let offer = domain.describe_text(first.bid);
            (
                worth >= *min,
                Text {
                    en: format!(
                        "your first offer ({}) was worth {} to you, against {} wanted",
                        offer.en,
                        format_utility(worth),
                        format_utility(*min)
                    ),
                    zh: format!(
                        "你的首次报价（{}）对你的效用为{}，要求{}",
                        offer.zh,
                        format_utility(worth),
                        format_utility(*min)
                    ),
                },
            )
        }
        Check::ConcessionsShrink => {
            let mut faults = Vec::new();
            let mut last_step: Option<u32> = None;
            let mut conceded = 0;
            for (n, pair) in mine.windows(2).enumerate() {
                let (before, after) = (pair[0].bid, pair[1].bid);
                let (u0, u1) = (brief.utility(before), brief.utility(after));
                let offer = n + 2;
                // An offer worth as much or more to the student is no concession.
                let Some(step) = u0.checked_sub(u1).filter(|s| *s > 0) else {
                    continue;
                };
                conceded += 1;
                if let Some(previous) = last_step
                    && step > previous
                {
                    faults.push(why!(
                        "offer {offer} gave up {} after {} before",
                        "第{offer}次报价让步{}，上次只让步{}",
                        format_utility(step),
                        format_utility(previous)
                    ));
                }
                let asked_back = (0..domain.issues().len())
                    .any(|i| brief.value(i, after.option(i)) > brief.value(i, before.option(i)));
                if !asked_back {
                    faults.push(why!(
                        "offer {offer} conceded without asking for anything back",
                        "第{offer}次报价让步却没有换取任何回报"
                    ));
                }
                last_step = Some(step);
            }
            // Accepting the other side's offer is a concession too: no larger than the last.
            let accepted = match talks.ending() {
                Some(crate::sim::negotiation::TalksEnding::Agreed { bid, by, .. }) if by == side => Some(bid),
                _ => None,
            };
            if let (Some(bid), Some(last)) = (accepted, mine.last()) {
                let (u0, u1) = (brief.utility(last.bid), brief.utility(bid));
                if let Some(step) = u0.checked_sub(u1).filter(|s| *s > 0) {
                    conceded += 1;
                    match last_step {
                        Some(previous) if step > previous => faults.push(why!(
                            "accepting gave up {} after {} before",
                            "接受对方报价让步{}，上次只让步{}",
                            format_utility(step),
                            format_utility(previous)
                        )),
                        None => faults.push(why!(
                            "you accepted their offer after {} offer(s) of your own: one concession of {}, nothing traded",
                            "你只报价{}次就接受了对方报价：一次让步{}，没有换取任何回报",
                            mine.len(),
                            format_utility(step)
                        )),
                        _ => {}
                    }
                }
            }
            let accepted_as_opened = matches!(
                talks.ending(),
                Some(crate::sim::negotiation::TalksEnding::Agreed { by, .. }) if by != side
            ) && conceded == 0;
            if accepted_as_opened {
                (
                    true,
                    why!(
                        "they accepted your offer after {} offer(s): nothing to concede",
                        "你报价{}次后对方即接受：无需让步",
                        mine.len()
                    ),
                )
            } else if conceded == 0 {
                (
                    false,
                    why!(
                        "you made {} offer(s) and no concession: there was nothing to judge",
                        "你报价{}次且没有让步：无可评判",
                        mine.len()
                    ),
                )
            } else if faults.is_empty() {
                (
                    true,
                    why!(
                        "{conceded} concession(s), each smaller than the last and traded for something",
                        "{conceded}次让步，一次比一次小，且都换取了回报"
                    ),
                )
            } else {
                (false, join(&faults, "; ", "；"))
            }
        }
        _ => (false, Text::default()),
    }
}

/// The checks on the task's letter: the reply as sent.
fn evaluate_letter(session: &Session, task: &Task, check: &Check) -> (bool, Text) {
    use crate::sim::c2c::Verdict;
    let Some(reply) = session.letters_desk().letter_reply(&task.id) else {
        return (false, why!("the letter was not answered", "未回信"));
    };
    let verdict_word = |v: Option<Verdict>| match v {
        Some(Verdict::Right) => why!("right", "正确"),
        Some(Verdict::Vague) => why!("vague", "含糊"),
        Some(Verdict::Wrong) => why!("wrong", "错误"),
        Some(Verdict::Unlawful) => why!("unlawful", "违法"),
        None => why!("not answered", "未回答"),
    };
    match check {
        Check::LetterPointRight { point } => match reply.sent.iter().find(|(id, _, _)| id == point) {
            Some((_, label, sent)) => {
                let word = verdict_word(sent.as_ref().map(|s| s.verdict));
                let quoted = sent.as_ref().map_or(String::new(), |s| format!(" \"{}\"", s.text.en));
                (
                    sent.as_ref().is_some_and(|s| s.verdict == Verdict::Right),
                    Text {
                        en: match sent {
                            Some(_) => format!("{}:{quoted} ({})", label.en, word.en),
                            None => format!("{}: not answered", label.en),
                        },
                        zh: format!("{}：{}{quoted}", label.zh, word.zh),
                    },
                )
            }
            None => (false, why!("no point `{point}` in the letter", "信中没有要点`{point}`")),
        },
        Check::AllTopicsAnsweredTruly => {
            let missed: Vec<Text> = reply
                .sent
                .iter()
                .filter(|(_, _, s)| s.as_ref().is_none_or(|s| s.verdict != Verdict::Right))
                .map(|(_, label, s)| {
                    let word = verdict_word(s.as_ref().map(|s| s.verdict));
                    Text {
                        en: format!("{} {}", label.en, word.en),
                        zh: format!("{}{}", label.zh, word.zh),
                    }
                })
                .collect();
            if missed.is_empty() {
                (
                    true,
                    why!("all {} points answered right", "{}个要点全部回答正确", reply.sent.len()),
                )
            } else {
                (false, join(&missed, ", ", "，"))
            }
        }
        Check::AnswerTone { min } => {
            let missing = if reply.grade.tone_missing.is_empty() {
                Text::default()
            } else {
                let zh: Vec<&str> = reply.grade.tone_missing.iter().map(|m| tone_missing_zh(m)).collect();
                Text {
                    en: format!("; missing {}", reply.grade.tone_missing.join(", ")),
                    zh: format!("；缺少{}", zh.join("、")),
                }
            };
            (
                reply.grade.tone >= *min,
                Text {
                    en: format!("tone {}/30 (needed {min}){}", reply.grade.tone, missing.en),
                    zh: format!("语气{}/30（要求{min}）{}", reply.grade.tone, missing.zh),
                },
            )
        }
        Check::AnsweredWithin { days, min_score } => {
            let waited = reply.day.saturating_sub(reply.asked_day);
            (
                waited <= *days && reply.grade.score >= *min_score,
                why!(
                    "answered {waited} day(s) after the letter arrived, graded {}/100 (needed within {days} day(s) and {min_score})",
                    "来信后{waited}天回复，得分{}/100（要求{days}天内且不低于{min_score}分）",
                    reply.grade.score
                ),
            )
        }
        _ => (false, Text::default()),
    }
}

/// What the tone check missed, in Chinese.
fn tone_missing_zh(missing: &str) -> &'static str {
    match missing {
        "a greeting" => "称呼问候",
        "thanks for the interest" => "致谢",
        "a note of one to a few sentences" => "一到几句话的附言",
        "normal capitals (no shouting)" => "正常大小写（不要全大写）",
        "a sign-off" => "结尾署名",
        _ => "（其他）",
    }
}

/// The company's cash in the home currency at the start (at the scenario's opening rates) and
/// now.
pub fn cash_start_and_end(session: &Session) -> (Money, Money) {
    let scenario = session.scenario();
    let home = scenario.home_currency();
    let home_exp = scenario.exponent(home);
    let start: i64 = scenario
        .starting_cash()
        .iter()
        .map(|(c, minor)| match scenario.exchange_rates().get(c) {
            Some(fx) => convert(*minor, scenario.exponent(*c), fx.rate, home_exp),
            None => *minor,
        })
        .sum();
    (Money::new(start, home, home_exp), session.world().net_cash_in_home())
}
