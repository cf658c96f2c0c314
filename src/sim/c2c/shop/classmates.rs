//! Trade between classmates' shops (a class of a C2C scenario, issue 19): a student bids on,
//! buys, makes offers for and asks about another student's listings; the seller's shop takes
//! those moves through the same proxy bidding, haggling and questions as the AI buyers' (the
//! class's market carries them as `ClassmateTrade`s at the end of the day), and the buyer's
//! shop records what they bought, pays for it, receives it and rates the seller.

use crate::sim::said::Said;
use rand::rngs::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::sim::c2c::auction::{BidderId, day_start};
use crate::sim::c2c::haggle::Haggle;
use crate::sim::terms::QuestionTopic;

use super::buyers::merge;
use super::*;

/// Most moves a student makes on classmates' listings in one day.
pub const MAX_BUYER_MOVES_PER_DAY: usize = 20;
/// Longest note a student adds to a question to a classmate, in characters.
pub const MAX_QUESTION_NOTE_CHARS: usize = 500;
/// A classmate's bid counts from noon of the day it was made (or the listing's opening).
const BID_MINUTE: Minute = 12 * 60;

/// What a student does, as a buyer, on a classmate's listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BuyerMove {
    /// Bid up to `max` (market currency minor units) in the listing's auction: the site bids
    /// for them only as much as it takes to lead (proxy bidding).
    Bid { max: i64 },
    /// Buy at the fixed price, or at the auction's buy-it-now price while it is open.
    BuyNow,
    /// Make an offer on a fixed-price listing that takes offers; or answer the seller's
    /// counter-offer (the countered amount accepts it, a lower one offers that instead).
    Offer { amount: i64 },
    /// Ask the seller about the item: the topics, and a note in their own words.
    Ask { topics: Vec<QuestionTopic>, note: String },
}

/// A student's move on a classmate's listing, as their shop keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyerMoveRecord {
    pub day: u32,
    /// The seller's shop (its index in the class's market).
    pub seller: u32,
    pub listing: u32,
    pub action: BuyerMove,
}

/// Where something bought from a classmate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PurchaseStatus {
    AwaitingPost,
    InTransit,
    Delivered,
    Lost,
    /// The seller never posted it: the site cancelled the sale and refunded the buyer.
    Cancelled,
}

impl From<OrderStatus> for PurchaseStatus {
    fn from(status: OrderStatus) -> Self {
        match status {
            OrderStatus::AwaitingPost => Self::AwaitingPost,
            OrderStatus::InTransit | OrderStatus::Refused => Self::InTransit,
            OrderStatus::Delivered => Self::Delivered,
            OrderStatus::Lost => Self::Lost,
            OrderStatus::Returned | OrderStatus::Cancelled => Self::Cancelled,
        }
    }
}

/// Where a purchase from a classmate stands, as the seller's shop has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseNews {
    /// The seller's shop and its order.
    pub seller: u32,
    pub order: u32,
    pub market: String,
    pub sku: String,
    /// What the buyer paid, market currency minor units.
    pub price: i64,
    pub status: PurchaseStatus,
    /// The day the parcel arrives (or arrived).
    pub deliver_day: u32,
    /// Refunded to the buyer so far (a lost parcel, a cancelled sale).
    pub refunded: i64,
    /// The import charges the buyer paid at the door.
    pub charges: i64,
}

/// Something bought from a classmate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassmatePurchase {
    pub news: PurchaseNews,
    pub bought_day: u32,
    /// The stars the student gave the seller, once it arrived.
    pub stars: Option<u8>,
}

/// One step of trade between classmates' shops, which the class's market gives a shop (as
/// `Command::ClassmateTrades` from the market's seat) when the class's day ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClassmateTrade {
    /// Into the seller's shop, before its day: a classmate's move on one of its listings.
    Move {
        buyer: u32,
        listing: u32,
        action: BuyerMove,
    },
    /// Into the seller's shop, before its day: a classmate rates the item they received.
    Rated { buyer: u32, order: u32, stars: u8 },
    /// Into the buyer's shop, after the day: a move the seller's shop could not take, and why.
    Refused { seller: u32, listing: u32, why: String },
    /// Into the buyer's shop, after the day: where a purchase from a classmate stands now.
    Purchase(PurchaseNews),
}

/// How a classmate's shop is named in another's: "Shop 3".
pub fn classmate_name(shop: u32) -> String {
    format!("Shop {}", u64::from(shop) + 1)
}

impl Shop {
    /// A student's move on a classmate's listing, checked for what their own shop can tell
    /// (the class's market checks it against the seller's listing at the end of the day) and
    /// recorded; the move goes to the seller with the class's day.
    ///
    /// # Errors
    /// [`ShopError::BadTerms`] for an amount, a question or a number of moves out of range;
    /// nothing changes then.
    pub fn record_buyer_move(
        &mut self,
        seller: u32,
        listing: u32,
        action: BuyerMove,
        day: u32,
    ) -> Result<(), ShopError> {
        let today = self.buyer_moves.iter().filter(|m| m.day == day).count();
        if today >= MAX_BUYER_MOVES_PER_DAY {
            return Err(ShopError::BadTerms(
                "that is enough moves on classmates' listings for one day",
            ));
        }
        match &action {
            BuyerMove::Bid { max: amount } | BuyerMove::Offer { amount } if !(1..=MAX_AMOUNT).contains(amount) => {
                return Err(ShopError::BadTerms("an amount is above zero and within any market"));
            }
            BuyerMove::Ask { topics, note } => {
                let distinct: BTreeSet<_> = topics.iter().collect();
                if topics.is_empty() || distinct.len() != topics.len() {
                    return Err(ShopError::BadTerms("ask about one or more topics, each once"));
                }
                if note.chars().count() > MAX_QUESTION_NOTE_CHARS {
                    return Err(ShopError::BadTerms("a question's note is at most 500 characters"));
                }
            }
            _ => {}
        }
        self.buyer_moves.push(BuyerMoveRecord {
            day,
            seller,
            listing,
            action,
        });
        Ok(())
    }

    /// The student rates a classmate who sold them an item, once it has arrived (1 to 5 stars).
    ///
    /// # Errors
    /// [`ShopError::NoClassmatePurchase`] for no such purchase, one not delivered or already rated, or
    /// stars out of range; nothing changes then.
    pub fn rate_purchase(&mut self, purchase: u32, stars: u8) -> Result<(), ShopError> {
        let p = self
            .bought
            .get_mut(purchase as usize)
            .ok_or(ShopError::NoClassmatePurchase)?;
        if p.news.status != PurchaseStatus::Delivered || p.stars.is_some() || !(1..=5).contains(&stars) {
            return Err(ShopError::NoClassmatePurchase);
        }
        p.stars = Some(stars);
        Ok(())
    }

    /// A classmate's move (from shop `buyer`) on this shop's listing, at the end of `day`:
    /// a bid joins the auction at noon (or its opening), through the same proxy bidding as the
    /// crowd's; buy-it-now sells; an offer opens (or answers) a haggle the student answers
    /// tomorrow; a question comes in tomorrow morning.
    ///
    /// # Errors
    /// [`ShopError`] saying why the move cannot be taken (the listing closed, a bid below the
    /// minimum, no offers taken…); nothing changes then.
    pub fn classmate_move(
        &mut self,
        world: &World,
        buyer: u32,
        listing: u32,
        action: &BuyerMove,
        day: u32,
        rng: &mut ChaCha8Rng,
    ) -> Result<Outcome, ShopError> {
        let index = listing as usize;
        let l = self.listings.get(index).ok_or(ShopError::ListingClosed)?;
        if l.status != ListingStatus::Live {
            return Err(ShopError::ListingClosed);
        }
        let name = classmate_name(buyer);
        let at = (day_start(day) + BID_MINUTE).max(l.opens);
        let mut outcome = Outcome::default();
        match action {
            BuyerMove::Bid { max } => {
                let auction = l
                    .auction
                    .as_ref()
                    .ok_or(ShopError::BadTerms("that listing is not an auction"))?;
                if at >= auction.closes() {
                    return Err(ShopError::ListingClosed);
                }
                let bidder = l
                    .buyers
                    .iter()
                    .position(|b| b.classmate == Some(buyer))
                    .unwrap_or(l.buyers.len());
                let bidder_id = BidderId(u32::try_from(bidder).unwrap_or(u32::MAX));
                if *max < auction.minimum_bid(bidder_id) {
                    return Err(ShopError::BadTerms("that bid is below the minimum bid"));
                }
                self.plan_classmate(index, buyer, name, *max, at, PlanAction::BidMax);
            }
            BuyerMove::BuyNow => match (&l.auction, &l.terms.format) {
                (Some(auction), _) => {
                    let Some(bin) = auction.terms().buy_it_now.filter(|_| auction.buy_it_now_open()) else {
                        return Err(ShopError::BadTerms("buy it now is not open on that auction"));
                    };
                    if at >= auction.closes() {
                        return Err(ShopError::ListingClosed);
                    }
                    self.plan_classmate(index, buyer, name, bin, at, PlanAction::BuyNow);
                }
                (None, SaleFormat::FixedPrice { price, .. }) => {
                    let (price, id) = (*price, l.id);
                    self.sell(world, id, name, None, Some(buyer), price, day, &mut outcome);
                }
                (None, SaleFormat::Auction { .. }) => return Err(ShopError::ListingClosed),
            },
            BuyerMove::Offer { amount } => {
                self.classmate_offer(world, index, buyer, name, *amount, day, rng, &mut outcome)?;
            }
            BuyerMove::Ask { topics, note } => {
                let (market, sku) = (l.terms.market.clone(), l.terms.sku.clone());
                let product = world.scenario.product(&sku).map_or_else(
                    || (sku.clone(), sku.clone()),
                    |p| (p.name.en.clone(), p.name.zh.clone()),
                );
                let subject = text(
                    format!("{name} asks about your {}", product.0),
                    format!("{name}询问你的{}", product.1),
                );
                let note = crate::escape::printable(note, MAX_QUESTION_NOTE_CHARS);
                let body = text(note.clone(), note);
                let (question, asked) = self.ask(&name, None, &market, &sku, topics.clone(), day + 1, subject, body);
                if let Some(q) = self.questions.get_mut(question.0 as usize) {
                    q.classmate = Some(buyer);
                }
                merge(&mut outcome, asked);
            }
        }
        Ok(outcome)
    }

    /// A classmate bids (or buys now) through the site at `at`, as one of the listing's buyers.
    fn plan_classmate(&mut self, index: usize, buyer: u32, name: String, value: i64, at: Minute, action: PlanAction) {
        let listing = &mut self.listings[index];
        let slot = listing.buyers.iter().position(|b| b.classmate == Some(buyer));
        let bidder = match slot {
            Some(i) => {
                listing.buyers[i].value = value;
                i
            }
            None => {
                listing.buyers.push(Buyer {
                    name,
                    counterpart: None,
                    value,
                    style: BidStyle::Early,
                    waiting_for: None,
                    left: false,
                    classmate: Some(buyer),
                });
                listing.buyers.len() - 1
            }
        };
        listing.seq += 1;
        listing.planned.push(Planned {
            at,
            seq: listing.seq,
            buyer: bidder,
            action,
        });
    }

    /// A classmate's offer on a fixed-price listing, or their answer to the student's counter.
    #[allow(clippy::too_many_arguments)]
    fn classmate_offer(
        &mut self,
        world: &World,
        index: usize,
        buyer: u32,
        name: String,
        amount: i64,
        day: u32,
        rng: &mut ChaCha8Rng,
        outcome: &mut Outcome,
    ) -> Result<(), ShopError> {
        let l = &self.listings[index];
        let SaleFormat::FixedPrice {
            price,
            offers,
            auto_decline_below,
            auto_accept_from,
        } = l.terms.format.clone()
        else {
            return Err(ShopError::BadTerms("offers are made on fixed-price listings"));
        };
        if !offers {
            return Err(ShopError::BadTerms("that listing does not take offers"));
        }
        let id = l.id;
        let open = self
            .offers
            .iter()
            .position(|o| o.listing == id && o.classmate == Some(buyer) && o.haggle.state() != HaggleState::Ended);
        if let Some(o) = open.and_then(|i| self.offers.get_mut(i)) {
            if o.haggle.offer().is_some() {
                return Err(ShopError::BadTerms("your last offer still waits for the seller"));
            }
            let step = o.haggle.classmate_answers(amount)?;
            o.day = day + 1;
            let offer = o.id;
            outcome.events.push(ShopEvent::Haggled { offer, step });
            if let HaggleState::Agreed { price } = o.haggle.state() {
                self.sell(world, id, name, None, Some(buyer), price, day, outcome);
            }
            return Ok(());
        }
        let currency = world.money(&self.listings[index].terms.market, 0).currency;
        let haggle = Haggle::with_classmate(price, amount, currency, world.scenario.exponent(currency), rng).ok_or(
            ShopError::BadTerms("an offer is above zero and below the price (or buy it now)"),
        )?;
        let offer = OfferId(u32::try_from(self.offers.len()).unwrap_or(u32::MAX));
        outcome.events.push(ShopEvent::OfferReceived {
            offer,
            sku: self.listings[index].terms.sku.clone(),
            amount,
        });
        let mut entry = Offer {
            id: offer,
            listing: id,
            buyer: name.clone(),
            counterpart: None,
            classmate: Some(buyer),
            haggle,
            day: day + 1,
            automatic: false,
        };
        let auto = automatic_answer(amount, auto_accept_from, auto_decline_below);
        if let Some(accepted) = auto {
            entry.automatic = true;
            if accepted {
                let _ = entry.haggle.accept();
            } else {
                let _ = entry.haggle.decline();
            }
            outcome.events.push(ShopEvent::OfferAutoAnswered { offer, accepted });
        }
        self.offers.push(entry);
        if auto == Some(true) {
            self.sell(world, id, name, None, Some(buyer), amount, day, outcome);
        }
        Ok(())
    }

    /// A classmate rates the item they received on `order` (1 to 5 stars): feedback as from
    /// any buyer, with its reputation.
    ///
    /// # Errors
    /// [`ShopError::NoClassmatePurchase`] when the order is not theirs, not delivered or already rated.
    pub fn classmate_rates(
        &mut self,
        buyer: u32,
        order: u32,
        stars: u8,
        outcome: &mut Outcome,
    ) -> Result<(), ShopError> {
        let index = order as usize;
        let o = self.orders.get(index).ok_or(ShopError::NoClassmatePurchase)?;
        if o.classmate != Some(buyer)
            || o.status != OrderStatus::Delivered
            || o.feedback.is_some()
            || !(1..=5).contains(&stars)
        {
            return Err(ShopError::NoClassmatePurchase);
        }
        self.leave_feedback(index, stars, outcome);
        Ok(())
    }

    /// The trades the class's market brings this shop when the class's day ends (see
    /// [`ClassmateTrade`]): a classmate's move it cannot take is answered with
    /// [`ShopEvent::ClassmateMoveRefused`], for the market to tell them why.
    pub fn take_trades(&mut self, world: &World, trades: &[ClassmateTrade], day: u32, rng: &mut ChaCha8Rng) -> Outcome {
        let mut outcome = Outcome::default();
        for trade in trades {
            match trade {
                ClassmateTrade::Move { buyer, listing, action } => {
                    match self.classmate_move(world, *buyer, *listing, action, day, rng) {
                        Ok(taken) => merge(&mut outcome, taken),
                        Err(why) => outcome.events.push(ShopEvent::ClassmateMoveRefused {
                            buyer: *buyer,
                            listing: *listing,
                            why: why.to_string(),
                        }),
                    }
                }
                ClassmateTrade::Rated { buyer, order, stars } => {
                    // The market sends only ratings the order can take; anything else is dropped.
                    let _ = self.classmate_rates(*buyer, *order, *stars, &mut outcome);
                }
                ClassmateTrade::Refused { seller, listing, why } => {
                    let seller = classmate_name(*seller);
                    // The seller's shop gives its reason in English (logs keep it); the
                    // Chinese letter says it in Chinese when the catalogue knows the reason.
                    let chinese = crate::i18n::shared(crate::i18n::Language::Chinese)
                        .say(&crate::sim::said::classmate_refusal(why));
                    let chinese = crate::escape::printable(&chinese, 200);
                    let why = crate::escape::printable(why, 200);
                    outcome.message(
                        None,
                        text(
                            format!("{seller} could not take your move"),
                            format!("{seller}未能接受你的操作"),
                        ),
                        text(
                            format!(
                                "Your move on {seller}'s listing {} was not taken: {why}.",
                                u64::from(*listing) + 1
                            ),
                            format!(
                                "你对{seller}第{}件商品的操作未被接受：{chinese}。",
                                u64::from(*listing) + 1
                            ),
                        ),
                    );
                }
                ClassmateTrade::Purchase(news) => {
                    let taken = self.take_purchase_news(world, news, day);
                    merge(&mut outcome, taken);
                }
            }
        }
        outcome
    }

    /// Where each order sold to classmate `buyer` stands, in order.
    pub fn news_for(&self, seller: u32, buyer: u32) -> Vec<PurchaseNews> {
        self.orders
            .iter()
            .filter(|o| o.classmate == Some(buyer))
            .map(|o| {
                let status = PurchaseStatus::from(o.status);
                let refunded = match status {
                    PurchaseStatus::Cancelled => o.price,
                    _ => o
                        .dispute
                        .as_ref()
                        .and_then(|d| d.outcome.as_ref())
                        .map_or(0, |d| d.refund),
                };
                PurchaseNews {
                    seller,
                    order: o.id.0,
                    market: o.market.clone(),
                    sku: o.sku.clone(),
                    price: o.price,
                    status,
                    deliver_day: o.deliver_day,
                    refunded,
                    charges: if status == PurchaseStatus::Delivered && !o.duty_paid {
                        o.charges.at_door()
                    } else {
                        0
                    },
                }
            })
            .collect()
    }

    /// Whether `news` tells this shop (the buyer's) something it does not have yet.
    pub fn is_news(&self, news: &PurchaseNews) -> bool {
        self.bought
            .iter()
            .find(|p| p.news.seller == news.seller && p.news.order == news.order)
            .is_none_or(|p| p.news != *news)
    }

    /// The buyer's shop takes news of a purchase from a classmate: a new one is paid for, an
    /// arrival pays the import charges at the door, a refund comes back.
    pub fn take_purchase_news(&mut self, world: &World, news: &PurchaseNews, day: u32) -> Outcome {
        let mut outcome = Outcome::default();
        let seller = classmate_name(news.seller);
        let found = self
            .bought
            .iter()
            .position(|p| p.news.seller == news.seller && p.news.order == news.order);
        let index = match found {
            Some(i) => i,
            None => {
                outcome.postings.push((
                    PostTo::Purchase,
                    world.money(&news.market, -news.price),
                    Said::new("memo-bought-from-classmate")
                        .with("market", news.market.as_str())
                        .with("sku", news.sku.as_str())
                        .with("seller", seller.clone()),
                ));
                self.bought.push(ClassmatePurchase {
                    news: PurchaseNews {
                        status: PurchaseStatus::AwaitingPost,
                        refunded: 0,
                        charges: 0,
                        ..news.clone()
                    },
                    bought_day: day,
                    stars: None,
                });
                self.bought.len() - 1
            }
        };
        let before = self.bought[index].news.clone();
        let refund = news.refunded - before.refunded;
        if refund != 0 {
            outcome.postings.push((
                PostTo::Refunds,
                world.money(&news.market, refund),
                Said::new("memo-classmate-refund")
                    .with("market", news.market.as_str())
                    .with("sku", news.sku.as_str())
                    .with("seller", seller.clone()),
            ));
        }
        let charges = news.charges - before.charges;
        if charges != 0 {
            outcome.postings.push((
                PostTo::ImportCharges,
                world.money(&news.market, -charges),
                Said::new("memo-charges-at-door")
                    .with("market", news.market.as_str())
                    .with("sku", news.sku.as_str()),
            ));
        }
        if found.is_none() || before.status != news.status {
            let id = news.order;
            outcome.events.push(ShopEvent::ClassmatePurchase {
                seller: news.seller,
                order: id,
                status: news.status,
            });
            let (en, zh) = purchase_message(news, &seller);
            outcome.message(None, text(en.0, zh.0), text(en.1, zh.1));
        }
        self.bought[index].news = news.clone();
        outcome
    }
}

/// The buyer's inbox message for a purchase's news: (subject, body) in English and Chinese.
fn purchase_message(news: &PurchaseNews, seller: &str) -> ((String, String), (String, String)) {
    let sku = &news.sku;
    match news.status {
        PurchaseStatus::AwaitingPost => (
            (
                format!("You bought {sku} from {seller}"),
                format!("You won {sku}: the price is paid, and {seller} posts it next."),
            ),
            (
                format!("你从{seller}买到了{sku}"),
                format!("你已付款，等待{seller}寄出{sku}。"),
            ),
        ),
        PurchaseStatus::InTransit => (
            (
                format!("{seller} posted your {sku}"),
                format!("It should arrive on day {}.", news.deliver_day),
            ),
            (
                format!("{seller}已寄出你的{sku}"),
                format!("预计第{}天送达。", news.deliver_day),
            ),
        ),
        PurchaseStatus::Delivered => (
            (
                format!("Your {sku} from {seller} arrived"),
                "Rate the seller on the Classmates page: your stars count toward their reputation.".to_string(),
            ),
            (
                format!("你从{seller}买的{sku}已送达"),
                "请在“同学”页面给卖家评分：你的评分会计入其信誉。".to_string(),
            ),
        ),
        PurchaseStatus::Lost => (
            (
                format!("Your {sku} from {seller} was lost"),
                "The parcel never arrived; the seller (or the site) refunds you.".to_string(),
            ),
            (
                format!("你从{seller}买的{sku}丢失了"),
                "包裹没有送达；卖家（或平台）将退款给你。".to_string(),
            ),
        ),
        PurchaseStatus::Cancelled => (
            (
                format!("The site cancelled your purchase of {sku}"),
                format!("{seller} never posted it; you got your money back."),
            ),
            (
                format!("平台取消了你购买的{sku}"),
                format!("{seller}一直没有寄出，款项已退还给你。"),
            ),
        ),
    }
}
