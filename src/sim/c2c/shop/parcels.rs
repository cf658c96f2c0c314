//! After a sale: parcels posted, lost, refused at the door or delivered; the buyer's feedback;
//! disputes and how the seller's answer (or the site) settles them.

use crate::sim::said::Said;
use rand::rngs::ChaCha8Rng;

use crate::sim::c2c::questions::grade_rank;
use crate::sim::money::Money;

use super::*;

impl Shop {
    /// Parcels are posted, travel, arrive (or are refused or lost); feedback and disputes.
    pub(super) fn move_parcels(&mut self, world: &World, day: u32, rng: &mut ChaCha8Rng, outcome: &mut Outcome) {
        for index in 0..self.orders.len() {
            let order = self.orders[index].clone();
            let Some(site) = world.site(&order.market) else {
                continue;
            };
            let Some(postage) = self
                .listing(order.listing)
                .and_then(|l| site.postage(&l.terms.postage))
                .cloned()
            else {
                continue;
            };
            let id = order.id;
            // Not posted by the promised day: a reminder, then the site cancels the sale.
            // Not posted by the promised day: a reminder that morning, then the site cancels.
            if order.status == OrderStatus::AwaitingPost && day + 1 >= order.ship_day {
                if day >= order.ship_day + LATE_CANCEL_DAYS {
                    self.cancel_unposted(world, index, outcome);
                } else if day + 1 == order.ship_day {
                    outcome.message(
                        order.counterpart.clone(),
                        text(
                            format!("Where is my {}?", order.sku),
                            format!("我的{}寄出了吗？", order.sku),
                        ),
                        text(
                            format!(
                                "{} paid on day {} and you promised to post by day {}. Fill in the CN23 and post it on the Orders page; after day {} the site cancels the sale and refunds the buyer.",
                                order.buyer,
                                order.sold_day,
                                order.ship_day,
                                order.ship_day + LATE_CANCEL_DAYS - 1
                            ),
                            format!(
                                "{}在第{}天付款，你承诺第{}天前寄出。请在“订单”页面填写CN23并寄出；第{}天之后平台将取消交易并退款给买家。",
                                order.buyer,
                                order.sold_day,
                                order.ship_day,
                                order.ship_day + LATE_CANCEL_DAYS - 1
                            ),
                        ),
                    );
                }
                continue;
            }
            if order.status == OrderStatus::InTransit && order.deliver_day <= day {
                if order.lost {
                    self.orders[index].status = OrderStatus::Lost;
                    outcome.events.push(ShopEvent::Lost { order: id });
                    self.open_dispute(world, index, DisputeKind::NotReceived, true, day, outcome);
                    continue;
                }
                if order.classmate.is_some() {
                    // A classmate pays at the door, checks the item and rates it themselves.
                    self.orders[index].status = OrderStatus::Delivered;
                    outcome.events.push(ShopEvent::Delivered { order: id });
                    continue;
                }
                let at_door = if order.duty_paid { 0 } else { order.charges.at_door() };
                if at_door > 0 {
                    let mut refusal = if order.told_charges { 500 } else { 3_000 };
                    if at_door * 4 > order.price {
                        refusal += 1_000;
                    }
                    if chance(rng, refusal) {
                        self.orders[index].status = OrderStatus::Refused;
                        outcome.events.push(ShopEvent::Refused {
                            order: id,
                            charges: world.money(&order.market, at_door),
                        });
                        self.open_dispute(
                            world,
                            index,
                            DisputeKind::RefusedImportCharges,
                            !order.told_charges,
                            day,
                            outcome,
                        );
                        continue;
                    }
                }
                self.orders[index].status = OrderStatus::Delivered;
                outcome.events.push(ShopEvent::Delivered { order: id });
                // Was the item as described?
                let listing = self.listing(order.listing).cloned();
                let product = world.scenario.product(&order.sku);
                let (grades_over, hidden) = match (listing.as_ref(), product.and_then(|p| p.condition.as_ref())) {
                    (Some(l), Some((grade, faults))) => (
                        (grade_rank(*grade) - grade_rank(l.terms.claimed_grade)).max(0),
                        faults.len().saturating_sub(l.terms.disclosed_faults.len()) as i64,
                    ),
                    _ => (0, 0),
                };
                let misdescribed = grades_over + hidden;
                let nad_chance = if misdescribed > 0 {
                    (3_000 * misdescribed).min(7_000)
                } else {
                    200
                };
                if chance(rng, nad_chance) {
                    self.open_dispute(
                        world,
                        index,
                        DisputeKind::NotAsDescribed,
                        misdescribed > 0,
                        day,
                        outcome,
                    );
                    continue;
                }
                if chance(rng, 200) {
                    self.open_dispute(world, index, DisputeKind::Damaged, true, day, outcome);
                    continue;
                }
                let mut stars: i32 = 5;
                if order.posted_day.is_some_and(|d| d > order.ship_day) {
                    stars -= 1;
                }
                if order.held {
                    stars -= 1;
                }
                if at_door > 0 && !order.told_charges {
                    stars -= 2;
                }
                if order.answer_score.is_some_and(|s| s < 40) {
                    stars -= 1;
                }
                if listing.is_some_and(|l| l.terms.handling_days > 3) {
                    stars -= 1;
                }
                let stars = stars.clamp(1, 5) as u8;
                self.leave_feedback(index, stars, outcome);
                continue;
            }
            // A refused parcel comes back after the same transit time.
            if order.status == OrderStatus::Refused && order.deliver_day + postage.transit_days <= day {
                self.orders[index].status = OrderStatus::Returned;
                self.in_hand.insert(order.sku.clone());
                outcome.events.push(ShopEvent::ReturnedToSeller { order: id });
            }
        }
    }

    /// The seller never posted: the site cancels the sale, refunds the buyer in full and the
    /// item stays in hand.
    fn cancel_unposted(&mut self, world: &World, index: usize, outcome: &mut Outcome) {
        let o = &mut self.orders[index];
        o.status = OrderStatus::Cancelled;
        let (id, sku, market, buyer, price) = (o.id, o.sku.clone(), o.market.clone(), o.buyer.clone(), o.price);
        self.in_hand.insert(sku.clone());
        outcome.events.push(ShopEvent::Cancelled { order: id });
        outcome.postings.push((
            PostTo::Refunds,
            world.money(&market, -price),
            Said::new("memo-never-posted")
                .with("market", market.as_str())
                .with("sku", sku.as_str())
                .with("buyer", buyer.as_str()),
        ));
        outcome.reputation.push((
            -4,
            text(
                format!("The site cancelled your sale of {sku}: it was never posted"),
                format!("你出售的{sku}一直没有寄出，平台取消了交易"),
            ),
        ));
        if let Some(o) = self.orders.get_mut(index) {
            o.feedback = Some(1);
        }
        outcome.events.push(ShopEvent::Feedback { order: id, stars: 1 });
    }

    /// The student posts a sold item with its CN23: postage (and duty paid in advance) is paid
    /// now; a form with mistakes has the parcel held at the destination's customs.
    ///
    /// # Errors
    /// [`ShopError::NotAwaitingPost`] when the order is not waiting to be posted; nothing
    /// changes then.
    pub fn post_parcel(
        &mut self,
        world: &World,
        order: OrderId,
        form: &Cn23Form,
        day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<Outcome, ShopError> {
        let o = self
            .orders
            .get(order.0 as usize)
            .filter(|o| o.status == OrderStatus::AwaitingPost)
            .cloned()
            .ok_or(ShopError::NotAwaitingPost)?;
        let product = world.scenario.product(&o.sku).ok_or(ShopError::NotAwaitingPost)?;
        let postage = world
            .site(&o.market)
            .and_then(|site| self.listing(o.listing).and_then(|l| site.postage(&l.terms.postage)))
            .cloned()
            .ok_or(ShopError::NotAwaitingPost)?;
        let check = check_cn23(form, product, world.money(&o.market, o.price));
        let held = check.wrong() > 0;
        let mut outcome = Outcome::default();
        outcome.postings.push((
            PostTo::Postage,
            Money::new(-o.postage.minor, o.postage.currency, o.postage.exponent),
            Said::new("memo-posted")
                .with("market", o.market.as_str())
                .with("sku", o.sku.as_str())
                .with("postage", crate::sim::said::Fact::Written(postage.name.clone()))
                .with("buyer", o.buyer.as_str()),
        ));
        if o.duty_paid && o.charges.duty + o.charges.border_vat > 0 {
            outcome.postings.push((
                PostTo::ImportCharges,
                world.money(&o.market, -(o.charges.duty + o.charges.border_vat)),
                Said::new("memo-duty-prepaid")
                    .with("market", o.market.as_str())
                    .with("sku", o.sku.as_str()),
            ));
        }
        if check.false_declaration {
            outcome.reputation.push((
                -3,
                text(
                    format!("Customs found a false declaration on your parcel to {}", o.buyer),
                    format!("海关发现你寄给{}的包裹申报不实", o.buyer),
                ),
            ));
        }
        outcome.events.push(ShopEvent::Shipped { order });
        outcome.events.push(ShopEvent::Declared {
            order,
            wrong: check.wrong(),
            held,
        });
        let lost = chance(rng, postage.lost_chance.0);
        let Some(o) = self.orders.get_mut(order.0 as usize) else {
            return Err(ShopError::NotAwaitingPost);
        };
        o.status = OrderStatus::InTransit;
        o.lost = lost;
        o.posted_day = Some(day);
        o.held = held;
        o.deliver_day = day + postage.transit_days + if held { CUSTOMS_HOLD_DAYS } else { 0 };
        o.cn23 = Some(check);
        Ok(outcome)
    }

    pub(super) fn leave_feedback(&mut self, index: usize, stars: u8, outcome: &mut Outcome) {
        let o = &mut self.orders[index];
        if o.feedback.is_some() {
            return;
        }
        o.feedback = Some(stars);
        outcome.events.push(ShopEvent::Feedback { order: o.id, stars });
        let delta = match stars {
            5 => 2,
            4 => 1,
            3 => 0,
            2 => -2,
            _ => -4,
        };
        if delta != 0 {
            outcome.reputation.push((
                delta,
                text(
                    format!("{} left {stars}-star feedback on {}", o.buyer, o.sku),
                    format!("{}对{}给出了{stars}星评价", o.buyer, o.sku),
                ),
            ));
        }
    }

    fn open_dispute(
        &mut self,
        world: &World,
        index: usize,
        kind: DisputeKind,
        justified: bool,
        day: u32,
        outcome: &mut Outcome,
    ) {
        let o = &mut self.orders[index];
        o.dispute = Some(Dispute {
            kind,
            opened_day: day,
            respond_by: day + DISPUTE_DAYS,
            justified,
            outcome: None,
        });
        outcome.events.push(ShopEvent::DisputeOpened { order: o.id, kind });
        let (en, zh) = match kind {
            DisputeKind::NotReceived => ("says the parcel never arrived", "称包裹没有收到"),
            DisputeKind::NotAsDescribed => ("says the item is not as described", "称商品与描述不符"),
            DisputeKind::Damaged => ("says the item arrived damaged", "称商品到货时已损坏"),
            DisputeKind::RefusedImportCharges => (
                "refused to pay the import charges at the door; the parcel is coming back and they ask for a refund",
                "拒付到门的进口税费；包裹正在退回，买家要求退款",
            ),
        };
        let price = world.money(&o.market, o.price).format();
        outcome.message(
            o.counterpart.clone(),
            text(format!("Dispute: {} ({})", o.sku, price), format!("纠纷：{}（{}）", o.sku, price)),
            text(
                format!(
                    "{} {en}. Answer on the Disputes page by day {}: refund, partial refund, return, or decline and let the site decide.",
                    o.buyer,
                    day + DISPUTE_DAYS
                ),
                format!(
                    "{}{zh}。请在第{}天前在“纠纷”页面处理：退款、部分退款、退货退款，或拒绝并交由平台裁决。",
                    o.buyer,
                    day + DISPUTE_DAYS
                ),
            ),
        );
    }

    /// Disputes the seller left unanswered past their day go to the site.
    pub(super) fn site_decides_overdue(&mut self, world: &World, day: u32, outcome: &mut Outcome) {
        let overdue: Vec<OrderId> = self
            .open_disputes()
            .filter(|o| o.dispute.as_ref().is_some_and(|d| d.respond_by <= day))
            .map(|o| o.id)
            .collect();
        for id in overdue {
            self.settle(world, id, Resolution::Decline, true, day, outcome);
        }
    }

    /// Carries out a resolution (checked by the caller): money, reputation, feedback.
    pub(super) fn settle(
        &mut self,
        world: &World,
        id: OrderId,
        resolution: Resolution,
        overdue: bool,
        day: u32,
        outcome: &mut Outcome,
    ) {
        let index = id.0 as usize;
        let Some(order) = self.orders.get(index).cloned() else {
            return;
        };
        let Some(dispute) = order.dispute.clone() else { return };
        let p = order.price;
        let postage = order.postage;
        let postage_in_market = (world.convert)(postage, world.money(&order.market, 0).currency).unwrap_or(0);
        let (partial_accepted, least) = match (resolution, dispute.kind) {
            (Resolution::PartialRefund(bp), DisputeKind::NotAsDescribed) => {
                let least = if dispute.justified { 3_000 } else { 1_000 };
                (bp.0 >= least, least)
            }
            (Resolution::PartialRefund(bp), _) => (bp.0 >= 2_500, 2_500),
            _ => (false, 0),
        };
        let site_decides = matches!(resolution, Resolution::Decline)
            || matches!(resolution, Resolution::PartialRefund(_)) && !partial_accepted;
        let mut result = DisputeOutcome {
            chosen: resolution,
            decided_by_site: site_decides,
            refund: 0,
            return_postage: None,
            reputation: 0,
            stars: 3,
            item_back: false,
            explanation: text("", ""),
        };
        if site_decides {
            let because = if overdue {
                (
                    "You did not answer in time, so the site decided. ",
                    "你没有按时回复，由平台裁决。",
                )
            } else if matches!(resolution, Resolution::PartialRefund(_)) {
                (
                    "The buyer turned the partial refund down and asked the site to step in. ",
                    "买家拒绝部分退款并要求平台介入。",
                )
            } else {
                ("You declined, so the site decided. ", "你拒绝了，由平台裁决。")
            };
            match (dispute.kind, dispute.justified) {
                (DisputeKind::RefusedImportCharges, false) => {
                    result.refund = (p - postage_in_market).max(0);
                    result.stars = 2;
                    result.reputation = -2;
                    result.explanation = text(
                        format!(
                            "{}The buyer had been told about the import charges, so the site refunded the price less your postage.",
                            because.0
                        ),
                        format!("{}买家事先已被告知进口税费，平台退还货款但扣除你的邮费。", because.1),
                    );
                }
                (_, true) => {
                    result.refund = p;
                    result.stars = 1;
                    result.reputation = -6;
                    result.explanation = text(
                        format!(
                            "{}The claim was justified: the site refunded the buyer in full from your account and counted a seller defect.",
                            because.0
                        ),
                        format!(
                            "{}买家的投诉成立：平台从你的账户全额退款，并记一次卖家违规。",
                            because.1
                        ),
                    );
                }
                (_, false) => {
                    result.stars = 2;
                    result.reputation = -2;
                    result.explanation = text(
                        format!(
                            "{}Your description was accurate, so the site found for you; the buyer left poor feedback.",
                            because.0
                        ),
                        format!("{}你的描述属实，平台判你胜诉；买家留下了差评。", because.1),
                    );
                }
            }
            let _ = least;
        } else {
            match resolution {
                Resolution::FullRefund => {
                    result.refund = p;
                    result.reputation = -1;
                    result.explanation = text(
                        "You refunded in full: the buyer is satisfied, you lose the sale.",
                        "你全额退款：买家满意，但这笔销售没了。",
                    );
                }
                Resolution::PartialRefund(bp) => {
                    result.refund = bp.of(p);
                    result.stars = 4;
                    result.explanation = text(
                        format!("The buyer accepted {bp} back and keeps the item."),
                        format!("买家接受退还{bp}并保留商品。"),
                    );
                }
                Resolution::Return => {
                    result.refund = p;
                    result.return_postage = Some(postage);
                    result.item_back = true;
                    result.explanation = text(
                        "The buyer sent the item back at your cost and got the price back; the item is in hand again.",
                        "买家退回商品，运费由你承担，并获得全额退款；商品已回到你手中。",
                    );
                }
                Resolution::Decline => {}
            }
        }
        if result.refund > 0 {
            outcome.postings.push((
                PostTo::Refunds,
                world.money(&order.market, -result.refund),
                Said::new("memo-refund")
                    .with("market", order.market.as_str())
                    .with("buyer", order.buyer.as_str())
                    .with("sku", order.sku.as_str()),
            ));
        }
        if let Some(back) = result.return_postage {
            outcome.postings.push((
                PostTo::Postage,
                Money::new(-back.minor, back.currency, back.exponent),
                Said::new("memo-return-postage")
                    .with("market", order.market.as_str())
                    .with("sku", order.sku.as_str()),
            ));
        }
        if result.item_back {
            self.in_hand.insert(order.sku.clone());
        }
        if result.reputation != 0 {
            outcome.reputation.push((
                result.reputation,
                text(
                    format!("Dispute with {} over {}", order.buyer, order.sku),
                    format!("与{}就{}的纠纷", order.buyer, order.sku),
                ),
            ));
        }
        outcome.events.push(ShopEvent::DisputeResolved {
            order: id,
            refund: world.money(&order.market, result.refund),
            by_site: result.decided_by_site,
        });
        let stars = result.stars;
        if let Some(d) = self.orders[index].dispute.as_mut() {
            d.outcome = Some(result);
        }
        let _ = day;
        // The buyer's feedback follows the dispute (reputation already counted above).
        let o = &mut self.orders[index];
        if o.feedback.is_none() {
            o.feedback = Some(stars);
            outcome.events.push(ShopEvent::Feedback { order: id, stars });
        }
    }
}
