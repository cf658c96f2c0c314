//! The store desk: the student's online store in each market with a marketplace — listings,
//! deals, coupons, creators' posts and cost sheets — and each store day's orders, fees, taxes
//! and payout. The rules are in `sim::market`.

use crate::sim::said::Said;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::world::money_in;
use super::{Account, Event, RuleError, World};
use crate::sim::market::cost_sheet::{CostSheet, CostSheetCheck};
use crate::sim::market::quality::ListingText;
use crate::sim::market::{ListingError, ListingId, ListingTerms, OrderMargin, Store};
use crate::sim::money::{BasisPoints, CurrencyCode, Money};
use crate::sim::terms::Text;

/// What the store desk has recorded.
#[derive(Debug, Default)]
pub struct StoreDesk {
    /// Online stores, by market id.
    stores: BTreeMap<String, Store>,
    /// Cost sheets filed, in order.
    cost_sheets: Vec<CostSheetCheck>,
    /// Each store day, the margin per order of each of the student's listings, by (market,
    /// SKU): what the ads of that day were judged against.
    margins_by_day: BTreeMap<(String, String), Vec<(u32, BasisPoints)>>,
}

impl StoreDesk {
    /// Opens the store of every market with a storefront.
    pub(super) fn open(world: &World) -> Self {
        let mut desk = Self::default();
        for market in world.scenario.markets() {
            let Some(storefront) = &market.storefront else { continue };
            let reference = |sku: &str| {
                market
                    .reference_prices
                    .iter()
                    .find(|(s, _)| s == sku)
                    .map_or(0, |(_, m)| m.minor)
            };
            desk.stores
                .insert(market.id.clone(), Store::open(&market.id, storefront, reference));
        }
        desk
    }

    fn store(&self, market: &str) -> Result<&Store, RuleError> {
        self.stores
            .get(market)
            .ok_or_else(|| RuleError::NoStorefront(market.to_string()))
    }

    /// The student's listing of `sku` in a market's store.
    fn student_listing(&self, market: &str, sku: &str) -> Result<ListingId, RuleError> {
        Ok(self
            .store(market)?
            .student_listing(sku)
            .ok_or_else(|| ListingError::NotListed(sku.to_string()))?
            .id)
    }

    /// Publishes (or relists and restocks) the student's listing; the goods and any head-haul
    /// freight are paid now, from the company's cash.
    pub(super) fn publish(
        &mut self,
        world: &mut World,
        market: &str,
        sku: &str,
        text: &ListingText,
        terms: &ListingTerms,
    ) -> Result<Vec<Event>, RuleError> {
        let store = self.store(market)?;
        let product = world
            .scenario
            .product(sku)
            .cloned()
            .ok_or_else(|| RuleError::UnknownProduct(sku.to_string()))?;
        let plan = store.plan_publish(sku, terms)?;
        let mut bills = vec![(
            Account::Inventory,
            Money::new(
                product.unit_cost.minor.saturating_mul(i64::from(terms.add_stock)),
                product.unit_cost.currency,
                product.unit_cost.exponent,
            ),
            Said::new("memo-stock")
                .with("market", market)
                .with("units", terms.add_stock)
                .with("sku", sku),
        )];
        if let Some(freight) = plan.inbound_per_unit
            && plan.inbound_units > 0
        {
            bills.push((
                Account::Logistics,
                Money::new(
                    freight.minor.saturating_mul(i64::from(plan.inbound_units)),
                    freight.currency,
                    freight.exponent,
                ),
                Said::new("memo-to-warehouse")
                    .with("market", market)
                    .with("units", plan.inbound_units)
                    .with("sku", sku),
            ));
        }
        world.check_cash(&bills)?;
        let reference = world
            .scenario
            .markets()
            .iter()
            .find(|m| m.id == market)
            .and_then(|m| m.reference_prices.iter().find(|(s, _)| s == sku).map(|(_, p)| p.minor))
            .unwrap_or(terms.price);
        let today = world.day;
        let Some(store) = self.stores.get_mut(market) else {
            return Err(RuleError::NoStorefront(market.to_string()));
        };
        let id = store.publish(sku, text.clone(), terms, reference, today)?;
        let quality = store.listings[id.0 as usize].quality;
        world.pay_bills(bills);
        Ok(vec![Event::ListingPublished {
            market: market.to_string(),
            sku: sku.to_string(),
            quality,
        }])
    }

    /// A time-limited deal on the student's listing, from tomorrow's store day.
    pub(super) fn start_deal(
        &mut self,
        world: &World,
        market: &str,
        sku: &str,
        discount: BasisPoints,
        days: u32,
    ) -> Result<Vec<Event>, RuleError> {
        let id = self.student_listing(market, sku)?;
        if !(100..=9_000).contains(&discount.0) || !(1..=30).contains(&days) {
            return Err(ListingError::BadCampaign("a deal takes 1% to 90% off for 1 to 30 days").into());
        }
        // Store days run at the start of each new day, so a deal started today covers the next
        // `days` store days.
        let last_day = world.day + days;
        if let Some(store) = self.stores.get_mut(market) {
            store.start_deal(id, discount, world.day + 1, last_day);
        }
        Ok(vec![Event::DealStarted {
            market: market.to_string(),
            sku: sku.to_string(),
            discount,
            last_day,
        }])
    }

    /// A coupon on the student's listing with a budget, from tomorrow's store day.
    pub(super) fn start_coupon(
        &mut self,
        world: &World,
        market: &str,
        sku: &str,
        discount: BasisPoints,
        budget: i64,
        days: u32,
    ) -> Result<Vec<Event>, RuleError> {
        let id = self.student_listing(market, sku)?;
        if !(100..=5_000).contains(&discount.0) || !(1..=90).contains(&days) || budget <= 0 {
            return Err(ListingError::BadCampaign(
                "a coupon takes 1% to 50% off for 1 to 90 days, with a budget above zero",
            )
            .into());
        }
        let currency = market_currency(world, market)?;
        let last_day = world.day + days;
        if let Some(store) = self.stores.get_mut(market) {
            store.start_coupon(id, discount, budget, world.day + 1, last_day);
        }
        Ok(vec![Event::CouponStarted {
            market: market.to_string(),
            sku: sku.to_string(),
            discount,
            budget: Money::new(budget, currency, world.scenario.exponent(currency)),
            last_day,
        }])
    }

    /// Books a creator's post about the student's listing; the fee is paid now, in the home
    /// currency at today's rate.
    pub(super) fn book_influencer(
        &mut self,
        world: &mut World,
        market: &str,
        sku: &str,
        influencer: &str,
    ) -> Result<Vec<Event>, RuleError> {
        let id = self.student_listing(market, sku)?;
        let currency = market_currency(world, market)?;
        let store = self.store(market)?;
        let creator = store
            .storefront
            .influencers
            .iter()
            .find(|i| i.id == influencer)
            .ok_or_else(|| ListingError::NoInfluencer(influencer.to_string()))?;
        let fee = Money::new(creator.fee, currency, world.scenario.exponent(currency));
        let home = world.scenario.home_currency();
        let in_home = world.in_currency(fee, home).ok_or(RuleError::NoRate(currency))?;
        let home_fee = Money::new(in_home, home, world.scenario.exponent(home));
        let bills = vec![(
            Account::Marketing,
            home_fee,
            Said::new("memo-creator-post")
                .with("market", market)
                .with("creator", creator.name.as_str())
                .with("sku", sku),
        )];
        world.check_cash(&bills)?;
        let first_day = world.day + 1;
        let Some(store) = self.stores.get_mut(market) else {
            return Err(RuleError::NoStorefront(market.to_string()));
        };
        store.book_post(id, sku, influencer, first_day, &mut world.rng)?;
        world.pay_bills(bills);
        Ok(vec![Event::InfluencerBooked {
            market: market.to_string(),
            sku: sku.to_string(),
            influencer: influencer.to_string(),
            fee,
            first_day,
        }])
    }

    /// Checks a cost sheet line by line against the margin worked out at today's rules and rates.
    pub(super) fn file_cost_sheet(
        &mut self,
        world: &World,
        market: &str,
        sku: &str,
        sheet: &CostSheet,
    ) -> Result<Vec<Event>, RuleError> {
        let store = self.store(market)?;
        if world.scenario.product(sku).is_none() {
            return Err(RuleError::UnknownProduct(sku.to_string()));
        }
        if store.storefront.shipping_option(&sheet.shipping).is_none() {
            return Err(ListingError::NoShippingOption(sheet.shipping.clone()).into());
        }
        let expected = self
            .margin_at(world, market, sku, sheet.price, &sheet.shipping)
            .filter(|_| sheet.price > 0)
            .ok_or(ListingError::BadNumbers)?;
        let lines = crate::sim::market::cost_sheet::check_sheet(sheet, &expected);
        let check = CostSheetCheck {
            market: market.to_string(),
            sku: sku.to_string(),
            day: world.day,
            sheet: sheet.clone(),
            expected,
            lines,
        };
        let wrong = check.wrong();
        self.cost_sheets.push(check);
        Ok(vec![Event::CostSheetChecked {
            market: market.to_string(),
            sku: sku.to_string(),
            wrong,
        }])
    }

    /// Runs every store's day and pays the student's proceeds out.
    pub(super) fn run_day(&mut self, world: &mut World, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&world.scenario);
        for market in scenario.markets() {
            self.record_margins(world, &market.id);
            let Some(store) = self.stores.get_mut(&market.id) else {
                continue;
            };
            let (visits, elasticity) = market_demand(market, store, world.date());
            let stats = store.run_day(world.day, visits, elasticity, &mut world.rng);
            self.book_day(world, market, &stats, events);
        }
    }

    /// A store day in a shared marketplace, before the market runs: the margin each listing
    /// runs on today.
    pub(super) fn before_shared_day(&mut self, world: &World) {
        for market in world.scenario.markets() {
            self.record_margins(world, &market.id);
        }
    }

    /// A store day in a shared marketplace, after the market ran it: each store's day (the
    /// last in its history, when it is today's) is booked and paid out.
    pub(super) fn after_shared_day(&mut self, world: &mut World, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&world.scenario);
        for market in scenario.markets() {
            let today = self
                .stores
                .get(&market.id)
                .and_then(|s| s.history.last())
                .filter(|(day, _)| *day == world.day)
                .map(|(_, stats)| stats.clone());
            if let Some(stats) = today {
                self.book_day(world, market, &stats, events);
            }
        }
    }

    /// The stores by market, for the shared marketplace to run their day.
    pub(super) fn stores_mut(&mut self) -> &mut BTreeMap<String, Store> {
        &mut self.stores
    }

    /// The margin each of the student's listings in a market runs on today, before the day's
    /// sales.
    fn record_margins(&mut self, world: &World, market: &str) {
        let skus: Vec<String> = self
            .stores
            .get(market)
            .map(|s| s.student.iter().map(|l| l.sku.clone()).collect())
            .unwrap_or_default();
        for sku in skus {
            if let Some(share) = self.order_margin(world, market, &sku).and_then(|m| m.share()) {
                self.margins_by_day
                    .entry((market.to_string(), sku))
                    .or_default()
                    .push((world.day, share));
            }
        }
    }

    /// Books a market's store day: orders, fees, taxes, parcels and the payout, and the
    /// platform's daily summary in the inbox.
    fn book_day(
        &mut self,
        world: &mut World,
        market: &crate::sim::scenario::Market,
        stats: &crate::sim::market::DayStats,
        events: &mut Vec<Event>,
    ) {
        let scenario = Arc::clone(&world.scenario);
        let date = world.date();
        let home = scenario.home_currency();
        let home_exp = scenario.exponent(home);
        {
            let Some(store) = self.stores.get_mut(&market.id) else {
                return;
            };
            if store.student.is_empty() {
                return;
            }
            let exp = scenario.exponent(market.currency);
            let mut day = crate::sim::market::StoreMoney {
                day: world.day,
                ..Default::default()
            };
            let mut orders = 0;
            let mut ad_orders = 0;
            let mut social_orders = 0;
            let mut returns = 0;
            let mut shipping_home = Money::new(0, home, home_exp);
            // Referral fees: a product in a fee category pays its bands per unit kept; the rest
            // pay the flat rate on their sales less refunds.
            let mut category_fees = 0i64;
            let mut flat_fee_base = 0i64;
            for l in &store.student {
                let (Some(s), Some(product)) = (stats.listings.get(l.id.0 as usize), scenario.product(&l.sku)) else {
                    continue;
                };
                orders += s.all_orders();
                ad_orders += s.ad_orders;
                social_orders += s.social_orders;
                returns += s.returns;
                day.sales += s.sales;
                day.refunds += s.refunds;
                day.ad_spend += s.ad_spend;
                day.coupon_fees += s.coupon_fees;
                // Goods sold (returned units go back on sale), with any head-haul freight.
                let option = store.storefront.shipping_option(&l.shipping);
                let mut unit = money_in(&scenario, &world.rates, product.unit_cost, market.currency).unwrap_or(0);
                if let Some(freight) = option.and_then(|o| o.inbound_per_unit) {
                    unit += money_in(&scenario, &world.rates, freight, market.currency).unwrap_or(0);
                }
                // Taxes through the customs engine on each kept order, at the average price
                // paid: the VAT inside the VAT-inclusive price, and the duty (per parcel from
                // China; for warehouse stock, the normal duty on its import value); returned
                // orders get their taxes back.
                let kept = i64::from(s.kept_orders());
                let paid = s.sales / i64::from(s.all_orders().max(1));
                if store.storefront.fee_category(&l.sku).is_some() {
                    category_fees = category_fees
                        .saturating_add(kept.saturating_mul(store.storefront.referral_fee_on(&l.sku, paid)));
                } else {
                    flat_fee_base = flat_fee_base.saturating_add(s.sales - s.refunds);
                }
                if kept > 0 {
                    let fulfilment = crate::sim::market::checkout::Fulfilment::of(option, unit);
                    let (vat, duty) =
                        crate::sim::market::checkout::vat_and_duty(&scenario, market, product, paid, date, fulfilment);
                    day.taxes += kept * (vat + duty);
                }
                day.goods_cost = day.goods_cost.saturating_add(crate::sim::money::times(unit, kept));
                // Every parcel sent is paid for, returned or not.
                if let Some(option) = option {
                    let parcels = i64::from(s.all_orders());
                    let cost = option.cost_per_parcel;
                    let bill = Money::new(cost.minor * parcels, cost.currency, cost.exponent);
                    day.shipping += money_in(&scenario, &world.rates, bill, market.currency).unwrap_or(0);
                    shipping_home.minor += money_in(&scenario, &world.rates, bill, home).unwrap_or(0);
                }
            }
            // Creators' fees of posts going live today (paid when booked).
            for c in &store.campaigns {
                if let crate::sim::market::CampaignKind::Social { fee, .. } = &c.kind
                    && c.first_day == world.day
                {
                    day.social_fees += fee;
                }
            }
            let (sales, refunds, taxes, ad_spend) = (day.sales, day.refunds, day.taxes, day.ad_spend);
            let fees = store.storefront.referral_fee.of(flat_fee_base) + category_fees;
            day.referral_fees = fees;
            let before_payout = sales - refunds - taxes - fees - ad_spend - day.coupon_fees;
            day.payout_fee = store.storefront.payout_fee.of(before_payout.max(0));
            let net = before_payout - day.payout_fee;
            let day_money = day;
            store.money.push(day);
            if shipping_home.minor != 0 {
                world.book(
                    Account::Logistics,
                    Money::new(-shipping_home.minor, home, home_exp),
                    Said::new("memo-parcels")
                        .with("market", market.id.as_str())
                        .with("orders", orders),
                );
            }
            let payout_home = match world.rates.get(&market.currency) {
                Some(rate) if market.currency != home => crate::sim::money::convert(net, exp, *rate, home_exp),
                _ => net,
            };
            if payout_home != 0 {
                world.book(
                    Account::Marketplace,
                    Money::new(payout_home, home, home_exp),
                    Said::new("memo-payout")
                        .with("market", market.id.as_str())
                        .with("orders", orders),
                );
            }
            events.push(Event::StoreDay {
                market: market.id.clone(),
                orders,
                sales: Money::new(sales, market.currency, exp),
                ad_spend: Money::new(ad_spend, market.currency, exp),
                payout: Money::new(payout_home, home, home_exp),
            });
            // The platform's daily summary in the inbox.
            let m = |minor: i64| Money::new(minor, market.currency, exp).format();
            let stock: Vec<(String, u32)> = store
                .student
                .iter()
                .filter_map(|l| store.listings.get(l.id.0 as usize).map(|x| (l.sku.clone(), x.stock)))
                .collect();
            let sold_out: Vec<&str> = stock.iter().filter(|(_, n)| *n == 0).map(|(s, _)| s.as_str()).collect();
            let stock_en: Vec<String> = stock.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            let payout = Money::new(payout_home, home, home_exp).format();
            let platform = store.storefront.platform.clone();
            let shipped = Money::new(shipping_home.minor, home, home_exp).format();
            let promotion = m(day_money.coupon_fees + day_money.social_fees);
            let mut body_en = format!(
                "Orders: {orders} ({ad_orders} from ads, {social_orders} from creators' posts), returned: {returns} ({} refunded). Sales: {}. Checkout taxes: {}. Referral fee: {}. Ad spend: {}. Coupon fees and creators' fees: {promotion}. Paid out: {payout}. Parcels sent for {shipped}.\nStock left: {}.",
                m(refunds),
                m(sales),
                m(taxes),
                m(fees),
                m(ad_spend),
                stock_en.join(", ")
            );
            let mut body_zh = format!(
                "订单：{orders}（其中广告带来 {ad_orders}，达人推广带来 {social_orders}），退货：{returns}（退款 {}）。销售额：{}。结账税费：{}。平台佣金：{}。广告花费：{}。优惠券与达人费用：{promotion}。回款：{payout}。物流费用：{shipped}。\n剩余库存：{}。",
                m(refunds),
                m(sales),
                m(taxes),
                m(fees),
                m(ad_spend),
                stock_en.join("，")
            );
            // Stock at sea to the overseas warehouse: units and the first arrival day.
            let travelling: Vec<(String, u32, u32)> = store
                .student
                .iter()
                .filter_map(|l| {
                    let next = store
                        .inbound
                        .iter()
                        .filter(|s| s.listing == l.id)
                        .map(|s| s.arrives)
                        .min()?;
                    Some((l.sku.clone(), store.inbound_units(l.id), next))
                })
                .collect();
            if !travelling.is_empty() {
                let en: Vec<String> = travelling
                    .iter()
                    .map(|(sku, units, day)| format!("{sku}: {units} (from day {day})"))
                    .collect();
                let zh: Vec<String> = travelling
                    .iter()
                    .map(|(sku, units, day)| format!("{sku}：{units} 件（第 {day} 天起）"))
                    .collect();
                body_en.push_str(&format!("\nOn the way to the warehouse: {}.", en.join(", ")));
                body_zh.push_str(&format!("\n在途至海外仓：{}。", zh.join("，")));
            }
            if !sold_out.is_empty() {
                body_en.push_str(&format!(
                    "\nSold out: {}. A listing without stock drops out of search: restock it in the listing editor.",
                    sold_out.join(", ")
                ));
                body_zh.push_str(&format!(
                    "\n已售罄：{}。没有库存的商品不会出现在搜索结果中：请在商品编辑中补货。",
                    sold_out.join("，")
                ));
            }
            let subject = Text {
                en: format!("{platform} daily summary, day {}", world.day),
                zh: format!("{platform} 每日报告（第 {} 天）", world.day),
            };
            let body = Text {
                en: body_en,
                zh: body_zh,
            };
            world.deliver(None, subject, body, None, events);
        }
    }

    /// The online store of a market, if it has one.
    pub fn store_of(&self, market: &str) -> Option<&Store> {
        self.stores.get(market)
    }
    /// Every market's store, by market id.
    pub fn stores(&self) -> &BTreeMap<String, Store> {
        &self.stores
    }
    /// Every cost sheet filed, in order.
    pub fn cost_sheets(&self) -> &[CostSheetCheck] {
        &self.cost_sheets
    }
    /// The margin per order `sku` ran on in `market`'s store on `day`, if it was listed then.
    pub fn margin_on(&self, market: &str, sku: &str, day: u32) -> Option<BasisPoints> {
        self.margins_by_day
            .get(&(market.to_string(), sku.to_string()))?
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, m)| *m)
    }

    /// What one order of the student's listing of `sku` leaves after checkout taxes, the
    /// referral fee, the goods' cost and the parcel's shipping, at today's price (after any
    /// deal and coupon) and rates (market currency).
    pub fn order_margin(&self, world: &World, market: &str, sku: &str) -> Option<OrderMargin> {
        let store = self.stores.get(market)?;
        let mine = store.student.iter().find(|l| l.sku == sku)?;
        let listing = store.listings.get(mine.id.0 as usize)?;
        self.margin_at(world, market, sku, listing.shopper_price(), &mine.shipping)
    }

    /// What one single-item order of `sku` at the VAT-inclusive `price` (market currency)
    /// shipped by `shipping` would leave, at today's rates and rules.
    pub fn margin_at(&self, world: &World, market: &str, sku: &str, price: i64, shipping: &str) -> Option<OrderMargin> {
        let store = self.stores.get(market)?;
        let found = world.scenario.markets().iter().find(|m| m.id == market)?;
        let product = world.scenario.product(sku)?;
        let fee = store.storefront.referral_fee_on(sku, price);
        let option = store.storefront.shipping_option(shipping);
        let freight = option
            .and_then(|o| o.inbound_per_unit)
            .and_then(|m| world.in_currency(m, found.currency))
            .unwrap_or(0);
        let cost = world.in_currency(product.unit_cost, found.currency).unwrap_or(0) + freight;
        let fulfilment = crate::sim::market::checkout::Fulfilment::of(option, cost);
        let (vat, duty) = crate::sim::market::checkout::vat_and_duty(
            &world.scenario,
            found,
            product,
            price,
            world.date(),
            fulfilment,
        );
        let taxes = vat + duty;
        let shipping = option
            .and_then(|o| world.in_currency(o.cost_per_parcel, found.currency))
            .unwrap_or(0);
        Some(OrderMargin {
            price,
            taxes,
            vat,
            duty,
            fee,
            cost,
            shipping,
            margin: price - taxes - fee - cost - shipping,
        })
    }
}

/// The currency of a market's store.
/// A market's shoppers today (its daily shoppers at the storefront's traffic for the date) and
/// its price elasticity.
pub(super) fn market_demand(
    market: &crate::sim::scenario::Market,
    store: &Store,
    date: crate::sim::Date,
) -> (u32, f64) {
    let traffic = store.storefront.traffic_on(date);
    let visits = u32::try_from(traffic.of(i64::from(market.daily_shoppers))).unwrap_or(0);
    (visits, market.price_elasticity.0 as f64 / 1e6)
}

fn market_currency(world: &World, market: &str) -> Result<CurrencyCode, RuleError> {
    world
        .scenario
        .markets()
        .iter()
        .find(|m| m.id == market)
        .map(|m| m.currency)
        .ok_or_else(|| RuleError::NoStorefront(market.to_string()))
}

/// What the store desk has recorded, read at today's rates and rules.
#[derive(Clone, Copy)]
pub struct StoreView<'a> {
    pub(super) desk: &'a StoreDesk,
    pub(super) world: &'a World,
}

impl<'a> StoreView<'a> {
    /// The online store of a market, if it has one.
    pub fn store(&self, market: &str) -> Option<&'a Store> {
        self.desk.store_of(market)
    }
    /// Every cost sheet filed, in order.
    pub fn cost_sheets(&self) -> &'a [CostSheetCheck] {
        self.desk.cost_sheets()
    }
    /// The margin per order `sku` ran on in `market`'s store on `day`, if it was listed then.
    pub fn margin_on(&self, market: &str, sku: &str, day: u32) -> Option<BasisPoints> {
        self.desk.margin_on(market, sku, day)
    }
    /// What one order of the student's listing of `sku` leaves now (see
    /// [`StoreDesk::order_margin`]).
    pub fn order_margin(&self, market: &str, sku: &str) -> Option<OrderMargin> {
        self.desk.order_margin(self.world, market, sku)
    }
    /// What one order of `sku` at `price` shipped by `shipping` would leave now.
    pub fn margin_at(&self, market: &str, sku: &str, price: i64, shipping: &str) -> Option<OrderMargin> {
        self.desk.margin_at(self.world, market, sku, price, shipping)
    }
}
