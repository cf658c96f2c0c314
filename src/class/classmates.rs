//! What a student sees of the classmates' shops in a class of a C2C scenario: every other
//! shop's open listings as a buyer sees them on the site (never a reserve, an automatic-answer
//! rule or another bidder's maximum), where they stand on each (their maximum and whether it
//! leads, an offer or a counter-offer waiting, what the seller answered to their questions),
//! and what they bought. Worked out on the host from the shops; sent in the seat's view.

use serde::{Deserialize, Serialize};

use crate::sim::Session;
use crate::sim::c2c::auction::DAY_MINUTES;
use crate::sim::c2c::{BidderId, ListingStatus, PurchaseStatus, SaleFormat, Shop, classmate_name};
use crate::sim::money::Money;
use crate::sim::terms::{ConditionGrade, QuestionTopic, Text};

/// Most classmates' listings one view carries.
pub const MAX_LISTINGS_SHOWN: usize = 200;

/// The classmates' shops as one student sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassmatesView {
    /// This student's shop number in the class's market (from 0).
    pub own_shop: u32,
    pub listings: Vec<ClassmateListing>,
    pub purchases: Vec<PurchaseRow>,
}

/// A classmate's open listing, as buyers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassmateListing {
    pub shop: u32,
    /// "Shop 2 (Li Na)".
    pub seller: String,
    pub listing: u32,
    pub market: String,
    /// The product (its name, faults and postage are read from the scenario on the PC).
    pub sku: String,
    /// The market currency's decimal places (amounts typed are read with it).
    pub exponent: u32,
    /// The price shown (the current bid, or the fixed price), formatted, and in minor units.
    pub price: String,
    pub price_minor: i64,
    /// Auction: the number of bids, when it ends, the buy-it-now price while open, and the
    /// least this student may bid now (minor units).
    pub auction: Option<AuctionFacts>,
    /// Fixed price: whether it takes offers.
    pub offers: bool,
    pub claimed_grade: ConditionGrade,
    /// The faults the description tells (indices into the product's faults).
    pub faults_told: Vec<usize>,
    /// The site's postage service id.
    pub postage: String,
    pub handling_days: u32,
    pub duty_paid: bool,
    pub states_import_charges: bool,
    /// This student's standing on it.
    pub yours: YourStanding,
}

/// What an auction shows a bidder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuctionFacts {
    pub bids: u32,
    /// It ends on this day at this time (minutes after midnight).
    pub ends_day: u32,
    pub ends_minute: u32,
    pub buy_it_now: Option<String>,
    pub minimum_bid: i64,
}

/// Where one student stands on a classmate's listing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YourStanding {
    /// Their maximum bid, formatted, and whether it leads.
    pub max_bid: Option<String>,
    pub leading: bool,
    /// Their offer waiting for the seller, formatted.
    pub offer_waiting: Option<String>,
    /// The seller's counter-offer waiting for them (minor units, and formatted).
    pub counter: Option<(i64, String)>,
    /// Their questions' answers: per topic, the statement the seller sent (none: left out);
    /// `None` while a question waits for an answer.
    pub answers: Vec<Option<Vec<(QuestionTopic, Option<Text>)>>>,
    /// Their moves today, which reach the seller when the class's day ends.
    #[serde(default)]
    pub sent_today: Vec<crate::sim::c2c::BuyerMove>,
}

/// Something this student bought from a classmate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseRow {
    /// Its index among their purchases (what `RateClassmate` names).
    pub index: u32,
    pub seller: String,
    pub sku: String,
    pub price: String,
    pub status: PurchaseStatus,
    pub deliver_day: u32,
    pub stars: Option<u8>,
}

/// A sale from one classmate's shop to another's, for the instructor's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeRow {
    pub day: u32,
    /// "Shop 1 (Li Na)".
    pub seller: String,
    pub buyer: String,
    pub item: Text,
    pub price: String,
    pub status: PurchaseStatus,
    pub stars: Option<u8>,
}

/// Every sale between the class's shops (shops in market order, each with the names of its
/// students), in shop and order order.
pub fn trades_between(shops: &[(&Session, String)]) -> Vec<TradeRow> {
    let name = |shop: u32| shop_name(shops, shop);
    let mut rows = Vec::new();
    for (index, (session, _)) in shops.iter().enumerate() {
        let Some(shop) = session.shop_desk().shop() else {
            continue;
        };
        for o in &shop.orders {
            let Some(buyer) = o.classmate else { continue };
            rows.push(TradeRow {
                day: o.sold_day,
                seller: name(u32::try_from(index).unwrap_or(u32::MAX)),
                buyer: name(buyer),
                item: item_name(session, &o.sku),
                price: market_money(session, &o.market, o.price).format(),
                status: PurchaseStatus::from(o.status),
                stars: o.feedback,
            });
        }
    }
    rows
}

/// Every shop's open listings as any buyer sees them (no one's own standing yet), in market
/// order: worked out once per change of the class and shared by every student's view.
pub fn public_listings(shops: &[(&Session, String)]) -> Vec<ClassmateListing> {
    let mut listings = Vec::new();
    for (index, (session, _)) in shops.iter().enumerate() {
        let Some(shop) = session.shop_desk().shop() else {
            continue;
        };
        let shop_id = u32::try_from(index).unwrap_or(u32::MAX);
        let seller = shop_name(shops, shop_id);
        listings.extend(
            shop.listings
                .iter()
                .filter(|l| l.status == ListingStatus::Live)
                .filter_map(|l| listing_row(session, l, shop_id, &seller)),
        );
    }
    listings
}

/// The view of the classmates' shops for the student at shop `own` (shops in market order,
/// each with the names of the students holding it; `public` from [`public_listings`]).
pub fn classmates_view(
    shops: &[(&Session, String)],
    own: usize,
    public: &[ClassmateListing],
) -> Option<ClassmatesView> {
    let (own_session, _) = shops.get(own)?;
    let own_shop = own_session.shop_desk().shop()?;
    let own_id = u32::try_from(own).ok()?;
    let mut listings = Vec::new();
    for row in public.iter().filter(|r| r.shop != own_id).take(MAX_LISTINGS_SHOWN) {
        let Some((session, shop)) = shops
            .get(row.shop as usize)
            .and_then(|(s, _)| Some((*s, s.shop_desk().shop()?)))
        else {
            continue;
        };
        let Some(l) = shop.listings.get(row.listing as usize) else {
            continue;
        };
        let mut row = row.clone();
        fill_yours(&mut row, session, shop, l, own_id);
        row.yours.sent_today = own_shop
            .buyer_moves
            .iter()
            .filter(|m| m.day == own_session.day() && m.seller == row.shop && m.listing == row.listing)
            .map(|m| m.action.clone())
            .collect();
        listings.push(row);
    }
    let purchases = own_shop
        .bought
        .iter()
        .enumerate()
        .map(|(i, p)| PurchaseRow {
            index: u32::try_from(i).unwrap_or(u32::MAX),
            seller: shop_name(shops, p.news.seller),
            sku: p.news.sku.clone(),
            price: market_money(own_session, &p.news.market, p.news.price).format(),
            status: p.news.status,
            deliver_day: p.news.deliver_day,
            stars: p.stars,
        })
        .collect();
    Some(ClassmatesView {
        own_shop: own_id,
        listings,
        purchases,
    })
}

/// A product's name, or its SKU when the scenario has no such product.
fn item_name(session: &Session, sku: &str) -> Text {
    session.scenario().product(sku).map_or_else(
        || Text {
            en: sku.to_string(),
            zh: sku.to_string(),
        },
        |p| p.name.clone(),
    )
}

/// "Shop 1 (Li Na)": a shop's number and the students holding it.
fn shop_name(shops: &[(&Session, String)], shop: u32) -> String {
    match shops.get(shop as usize).map(|(_, n)| n.as_str()) {
        Some(names) if !names.is_empty() => format!("{} ({names})", classmate_name(shop)),
        _ => classmate_name(shop),
    }
}

fn market_money(session: &Session, market: &str, minor: i64) -> Money {
    let scenario = session.scenario();
    let currency = scenario
        .markets()
        .iter()
        .find(|m| m.id == market)
        .map_or(scenario.home_currency(), |m| m.currency);
    Money::new(minor, currency, scenario.exponent(currency))
}

/// A listing's public facts (what any buyer sees; the least a newcomer may bid).
fn listing_row(
    session: &Session,
    l: &crate::sim::c2c::ItemListing,
    shop_id: u32,
    seller: &str,
) -> Option<ClassmateListing> {
    let scenario = session.scenario();
    let market = scenario.markets().iter().find(|m| m.id == l.terms.market)?;
    scenario.product(&l.terms.sku)?;
    let money = |minor: i64| market_money(session, &l.terms.market, minor).format();
    let newcomer = BidderId(u32::try_from(l.buyers.len()).unwrap_or(u32::MAX));
    let auction = l.auction.as_ref().map(|a| AuctionFacts {
        bids: u32::try_from(a.history().len()).unwrap_or(u32::MAX),
        ends_day: a.closes() / DAY_MINUTES + 1,
        ends_minute: a.closes() % DAY_MINUTES,
        buy_it_now: a.terms().buy_it_now.filter(|_| a.buy_it_now_open()).map(money),
        minimum_bid: a.minimum_bid(newcomer),
    });
    // Only a listing on an auction site of a product the scenario has is shown.
    market.auction_site.as_ref()?;
    Some(ClassmateListing {
        shop: shop_id,
        seller: seller.to_string(),
        listing: l.id.0,
        market: l.terms.market.clone(),
        sku: l.terms.sku.clone(),
        exponent: scenario.exponent(market.currency),
        price: money(l.shown_price()),
        price_minor: l.shown_price(),
        auction,
        offers: matches!(l.terms.format, SaleFormat::FixedPrice { offers: true, .. }),
        claimed_grade: l.terms.claimed_grade,
        faults_told: l.terms.disclosed_faults.clone(),
        postage: l.terms.postage.clone(),
        handling_days: l.terms.handling_days,
        duty_paid: l.terms.duty_paid,
        states_import_charges: l.terms.states_import_charges,
        yours: YourStanding::default(),
    })
}

/// Where `buyer` stands on the listing `l` of `shop`: their maximum and the least they may
/// bid now, an offer or a counter waiting, their questions' answers.
fn fill_yours(
    row: &mut ClassmateListing,
    session: &Session,
    shop: &Shop,
    l: &crate::sim::c2c::ItemListing,
    buyer: u32,
) {
    let money = |minor: i64| market_money(session, &l.terms.market, minor).format();
    let bidder = l.buyers.iter().position(|b| b.classmate == Some(buyer));
    let mut yours = YourStanding::default();
    if let (Some(a), Some(b), Some(facts)) = (&l.auction, bidder, row.auction.as_mut()) {
        facts.minimum_bid = a.minimum_bid(BidderId(u32::try_from(b).unwrap_or(u32::MAX)));
    }
    if let (Some(a), Some(b)) = (&l.auction, bidder) {
        let id = BidderId(u32::try_from(b).unwrap_or(u32::MAX));
        // A maximum planned for tonight counts once the day ends; until then show the plan.
        let max = a.max_of(id).or(l.buyers.get(b).map(|b| b.value));
        yours.max_bid = max.map(money);
        yours.leading = a.leader() == Some(id);
    }
    for o in shop
        .offers
        .iter()
        .filter(|o| o.listing == l.id && o.classmate == Some(buyer))
    {
        if let Some(offer) = o.haggle.offer() {
            yours.offer_waiting = Some(money(offer));
        }
        if let Some(counter) = o.haggle.counter_waiting() {
            yours.counter = Some((counter, money(counter)));
        }
    }
    yours.answers = shop
        .questions
        .iter()
        .filter(|q| q.classmate == Some(buyer) && q.listing == Some(l.id))
        .map(|q| {
            q.answer.as_ref().map(|a| {
                a.sent
                    .iter()
                    .map(|(t, s)| (*t, s.as_ref().map(|s| s.text.clone())))
                    .collect()
            })
        })
        .collect();
    row.yours = yours;
}
