//! The marketplace engine: ranking is monotone, ad spend stays within budget, stock never goes
//! negative, the metrics follow their definitions, and a day replays exactly from its seed.

use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use tradeport::sim::BasisPoints;
use tradeport::sim::market::metrics;
use tradeport::sim::market::ranking::{build_pages, organic_rank};
use tradeport::sim::market::{DayDemand, Keyword, Listing, ListingId, ListingTerms, Seller, simulate_day};

/// Shoppers searching `keywords` at elasticity 1.8, no off-site visitors or coupon fee.
fn searches(keywords: &[Keyword], visits: u32) -> DayDemand<'_> {
    DayDemand {
        keywords,
        elasticity: 1.8,
        visits,
        direct: &[],
        coupon_fee: 0,
    }
}

/// Listing terms shipped by post with 2 days' handling.
pub(crate) fn terms(price: i64, add_stock: u32, bid: i64, daily_budget: i64, discount: i64) -> Box<ListingTerms> {
    Box::new(ListingTerms {
        price,
        add_stock,
        bid,
        daily_budget,
        discount: BasisPoints(discount),
        shipping: "postal".into(),
        handling_days: 2,
    })
}

fn keywords(n: usize) -> Vec<Keyword> {
    (0..n)
        .map(|i| Keyword {
            text: format!("keyword {i}"),
            volume: 100 + 37 * i as u32,
        })
        .collect()
}

fn listing(
    i: u32,
    price: i64,
    rating: u16,
    reviews: u32,
    quality: u16,
    bid: i64,
    budget: i64,
    keywords: u64,
) -> Listing {
    Listing {
        id: ListingId(i),
        seller: if i == 0 {
            Seller::Student
        } else {
            Seller::Competitor(i as u16)
        },
        price,
        discount: BasisPoints(0),
        deal: false,
        coupon: BasisPoints(0),
        coupon_budget: 0,
        delivery_days: 2,
        reference_price: 1_299,
        quality,
        rating_tenths: rating,
        reviews,
        stock: 500,
        sales_7d: (i * 3) % 20,
        keywords,
        bid,
        daily_budget: budget,
    }
}

fn arb_listing() -> impl Strategy<Value = (i64, u16, u32, u16, i64, i64, u64)> {
    (
        500i64..3_000,
        0u16..=50,
        0u32..500,
        0u16..=1000,
        0i64..200,
        0i64..5_000,
        1u64..16,
    )
}

fn build(raw: &[(i64, u16, u32, u16, i64, i64, u64)]) -> Vec<Listing> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| listing(i as u32, r.0, r.1, r.2, r.3, r.4, r.5, r.6))
        .collect()
}

/// Position of `who` on keyword `k`'s page (sponsored or organic), or a large number if absent.
fn position(pages: &[tradeport::sim::market::ResultPage], k: usize, who: usize, sponsored: bool) -> usize {
    pages[k]
        .slots
        .iter()
        .filter(|s| s.sponsored == sponsored)
        .position(|s| s.listing == who)
        .unwrap_or(usize::MAX)
}

proptest! {
    #[test]
    fn a_better_price_rating_or_bid_never_lowers_a_rank(
        raw in proptest::collection::vec(arb_listing(), 2..16),
        who in 0usize..16,
        cheaper in 1i64..400,
        better in 1u16..20,
        more_bid in 1i64..100,
    ) {
        let who = who % raw.len();
        let base = build(&raw);
        let before = build_pages(&base, 4, 1.8);
        for change in 0..3 {
            let mut improved = base.clone();
            let l = &mut improved[who];
            match change {
                0 => l.price = (l.price - cheaper).max(1),
                1 => l.rating_tenths = (l.rating_tenths + better).min(50),
                _ => l.bid += more_bid,
            }
            let after = build_pages(&improved, 4, 1.8);
            for k in 0..4 {
                let sponsored = change == 2;
                prop_assert!(
                    position(&after, k, who, sponsored) <= position(&before, k, who, sponsored),
                    "change {change} on keyword {k}: {:?} -> {:?}",
                    organic_rank(&before, k, who),
                    organic_rank(&after, k, who)
                );
            }
        }
    }

    #[test]
    fn ad_spend_never_exceeds_the_budget_and_stock_never_goes_negative(
        raw in proptest::collection::vec(arb_listing(), 1..12),
        visits in 0u32..20_000,
        seed in 0u64..1_000,
        stock in 0u32..50,
    ) {
        let mut listings = build(&raw);
        for l in &mut listings {
            l.stock = stock;
        }
        let before = listings.clone();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let day = simulate_day(&mut listings, &searches(&keywords(4), visits), &mut rng);
        for ((l, was), s) in listings.iter().zip(&before).zip(&day.listings) {
            prop_assert!(s.ad_spend <= was.daily_budget, "spent {} of {}", s.ad_spend, was.daily_budget);
            prop_assert_eq!(was.stock - l.stock, s.all_orders(), "every order takes one from stock");
            prop_assert!(s.clicks + s.ad_clicks <= s.impressions + s.ad_impressions);
            prop_assert!(s.orders <= s.clicks && s.ad_orders <= s.ad_clicks);
        }
    }
}

#[test]
fn the_metrics_follow_their_definitions() {
    // 1,000 impressions, 25 clicks, 3 orders; €10.00 spent for €60.00 of ad sales; €200 in all.
    assert_eq!(metrics::ctr(25, 1_000), Some(BasisPoints(250)), "2.5%");
    assert_eq!(metrics::cpc(1_000, 25), Some(40), "€0.40 per click");
    assert_eq!(metrics::cvr(3, 25), Some(BasisPoints(1_200)), "12%");
    assert_eq!(metrics::acos(1_000, 6_000), Some(BasisPoints(1_666)), "16.66%");
    assert_eq!(metrics::roas_hundredths(6_000, 1_000), Some(600), "6.00 = 1 / ACoS");
    assert_eq!(metrics::tacos(1_000, 20_000), Some(BasisPoints(500)), "5% of all sales");
    assert_eq!(metrics::ctr(0, 0), None, "no impressions, no CTR");
    assert_eq!(metrics::acos(0, 0), None);
}

#[test]
fn a_day_replays_exactly_from_its_seed_and_sells_something() {
    let base: Vec<Listing> = (0..20)
        .map(|i| {
            listing(
                i,
                999 + 25 * i64::from(i),
                40 + (i % 10) as u16,
                10 * i,
                600,
                40 * i64::from(i % 3),
                3_000,
                0b1111,
            )
        })
        .collect();
    let run = |seed: u64| {
        let mut listings = base.clone();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (
            simulate_day(&mut listings, &searches(&keywords(4), 10_000), &mut rng),
            listings,
        )
    };
    let (a, after) = run(7);
    assert_eq!(a, run(7).0);
    assert_ne!(a, run(8).0, "another seed, another day");
    let orders: u32 = a.listings.iter().map(|s| s.orders + s.ad_orders).sum();
    let clicks: u32 = a.listings.iter().map(|s| s.clicks + s.ad_clicks).sum();
    assert!(orders > 0 && clicks > orders, "clicks {clicks}, orders {orders}");
    assert!(after.iter().zip(&base).any(|(l, b)| l.stock < b.stock));
    // Other things equal, the cheaper of two listings sells more.
    let twins = |price: i64, i: u32| {
        let mut l = listing(i, price, 45, 50, 600, 0, 0, 0b1111);
        l.sales_7d = 0;
        l
    };
    let mut pair = vec![twins(1_099, 0), twins(1_499, 1)];
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let day = simulate_day(&mut pair, &searches(&keywords(4), 20_000), &mut rng);
    let sold = |i: usize| day.listings[i].orders + day.listings[i].ad_orders;
    assert!(sold(0) > sold(1), "€10.99 sold {}, €14.99 sold {}", sold(0), sold(1));
}

fn phone_case_rules() -> tradeport::sim::market::ListingRules {
    tradeport::sim::market::ListingRules {
        title_limit: 200,
        required_attributes: vec!["Material".into(), "Compatible model".into(), "Colour".into()],
        banned: vec!["best".into(), "free shipping".into(), "100% guaranteed".into()],
    }
}

fn phone_case_keywords() -> Vec<Keyword> {
    [
        ("phone case", 5_200),
        ("clear phone case", 1_900),
        ("shockproof case", 1_100),
        ("iphone 15 case", 2_400),
        ("tpu case", 400),
    ]
    .into_iter()
    .map(|(text, volume)| Keyword {
        text: text.to_string(),
        volume,
    })
    .collect()
}

fn good_text() -> tradeport::sim::market::ListingText {
    tradeport::sim::market::ListingText {
        title: "BayVolt Clear Shockproof Phone Case for iPhone 15, 6.1 inch, TPU with Raised Edges".into(),
        bullets: vec![
            "Clear TPU that does not yellow quickly".into(),
            "Raised edges protect screen and camera".into(),
            "Shockproof corners tested from 1.2 m".into(),
        ],
        description: "A slim, clear case made of flexible TPU. The shockproof corners absorb drops, the raised \
                      edges keep the screen and camera off the table, and the precise cut-outs keep every button \
                      and port easy to use. Works with wireless charging."
            .into(),
        search_terms: "transparent cover bumper".into(),
        attributes: vec![
            ("Material".into(), "TPU".into()),
            ("Compatible model".into(), "iPhone 15".into()),
            ("Colour".into(), "Clear".into()),
        ],
        images: (1..=6).map(|i| format!("assets/products/pc-tpu-61-{i}.png")).collect(),
    }
}

#[test]
fn a_complete_listing_scores_high_and_each_flaw_costs_points_with_a_reason() {
    use tradeport::sim::market::score_listing;
    let rules = phone_case_rules();
    let keywords = phone_case_keywords();
    let good = score_listing(&good_text(), &keywords, &rules);
    assert_eq!(good.coverage_bp, 10_000, "{:?}", good.findings);
    assert_eq!(good.score, 1000, "{:?}", good.findings);
    assert_eq!(good.keywords, 0b11111);

    let flaw = |change: fn(&mut tradeport::sim::market::ListingText), why: &str| {
        let mut text = good_text();
        change(&mut text);
        let report = score_listing(&text, &keywords, &rules);
        assert!(report.score < 1000, "{why}: {report:?}");
        assert!(
            report
                .findings
                .iter()
                .any(|f| crate::english(&f.message).contains(why) && f.lost > 0),
            "expected a finding about {why}: {:?}",
            report.findings
        );
    };
    flaw(|t| t.title = "x".repeat(201), "over the platform's limit of 200");
    flaw(|t| t.title = "Phone case".into(), "only 10 characters");
    flaw(
        |t| t.attributes.retain(|(n, _)| n != "Colour"),
        "missing attributes: Colour",
    );
    flaw(|t| t.images.truncate(2), "2 images");
    flaw(|t| t.images.clear(), "no images");
    flaw(|t| t.bullets.clear(), "0 bullet points");
    flaw(|t| t.description = "Nice case.".into(), "write at least 200");
    flaw(|t| t.title.push_str(" - BEST case"), "\"best\" is not allowed");
    flaw(
        |t| t.title.push_str(" AMAZING"),
        "all-caps words in the title (AMAZING)",
    );
    // Coverage is by search volume: without "iphone 15" the listing misses 2,400 of 11,000.
    let mut text = good_text();
    text.title = text.title.replace("iPhone 15, ", "");
    text.attributes[1].1 = "Apple".into();
    let report = score_listing(&text, &keywords, &rules);
    assert_eq!(report.coverage_bp, 7_818, "8,600 of 11,000 searches");
    assert!(
        report
            .findings
            .iter()
            .any(|f| crate::english(&f.message).contains("\"iphone 15 case\""))
    );
}

#[test]
fn the_bundled_storefronts_load_and_seasons_raise_traffic() {
    let s = tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let fr = s
        .markets()
        .iter()
        .find(|m| m.id == "fr-marketplace")
        .and_then(|m| m.storefront.clone())
        .unwrap_or_else(|| panic!("the French storefront"));
    let day = |d: &str| tradeport::sim::Date::parse(d).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fr.traffic_on(day("2026-09-05")), BasisPoints(13_000), "the rentrée");
    assert_eq!(fr.traffic_on(day("2026-10-01")), BasisPoints(10_000), "a normal day");
    assert_eq!(fr.traffic_on(day("2026-11-27")), BasisPoints(23_000), "Black Friday");
    assert_eq!(
        fr.referral_fee,
        BasisPoints(1_545),
        "15% with the digital services tax uplift"
    );
    let de = s
        .markets()
        .iter()
        .find(|m| m.id == "de-marketplace")
        .and_then(|m| m.storefront.clone())
        .unwrap_or_else(|| panic!("the German storefront"));
    assert_eq!(de.competitors.len(), 4);
    let clearshield = &de.competitors[0];
    assert_eq!(
        (clearshield.price, clearshield.rating_tenths, clearshield.bid),
        (1_199, 43, 45)
    );
    assert_eq!(clearshield.keywords, 0b1111, "the four phone-case keywords");
}

/// The student's German phone-case listing, well written.
pub(crate) fn student_text() -> tradeport::sim::market::ListingText {
    tradeport::sim::market::ListingText {
        title: "BayVolt Handyhülle für iPhone 15, transparent, stoßfest, TPU Hülle mit erhöhtem Rand".into(),
        bullets: vec![
            "Transparente TPU Hülle, vergilbt nicht schnell".into(),
            "Stoßfest: verstärkte Ecken".into(),
            "Erhöhter Rand schützt Display und Kamera".into(),
        ],
        description: "Schlanke, transparente Handyhülle aus flexiblem TPU für das iPhone 15. Die stoßfesten Ecken \
                      dämpfen Stürze, der erhöhte Rand schützt Display und Kamera, alle Tasten bleiben gut bedienbar. \
                      Kabelloses Laden funktioniert durch die Hülle. Phone case."
            .into(),
        search_terms: "handyhülle iphone 15 case cover".into(),
        attributes: vec![
            ("Material".into(), "TPU".into()),
            ("Colour".into(), "Transparent".into()),
            ("Compatible model".into(), "iPhone 15".into()),
        ],
        images: (1..=6).map(|i| format!("assets/products/pc-tpu-61-{i}.png")).collect(),
    }
}

/// 30 days of the B2C scenario with scripted decisions: list the phone case in Germany on day 1
/// with ads, add a 10% deal on day 10, end every day. Returns one line per store day.
fn thirty_days(seed: u64) -> (String, tradeport::sim::Session) {
    use tradeport::sim::{Command, Event, Session};
    let scenario =
        tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let mut session = Session::new(std::sync::Arc::new(scenario), Some(seed));
    let publish = |discount: i64, add_stock: u32| Command::PublishListing {
        market: "de-marketplace".into(),
        sku: "PC-TPU-61".into(),
        text: Box::new(student_text()),
        terms: terms(1_249, add_stock, 40, 1_500, discount),
    };
    session.apply(publish(0, 400)).unwrap_or_else(|e| panic!("{e}"));
    let mut log = String::new();
    while !session.is_finished() {
        if session.day() == 10 {
            session.apply(publish(1_000, 0)).unwrap_or_else(|e| panic!("{e}"));
        }
        for event in session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}")) {
            if let Event::StoreDay {
                market,
                orders,
                sales,
                ad_spend,
                payout,
            } = event
            {
                log.push_str(&format!(
                    "day {:>2} {market}: {orders:>3} orders, sales {}, ads {}, payout {}\n",
                    session.day(),
                    sales.format(),
                    ad_spend.format(),
                    payout.format()
                ));
            }
        }
    }
    (log, session)
}

#[test]
fn thirty_scripted_days_replay_exactly_and_match_the_golden_file() {
    let (log, session) = thirty_days(2026);
    assert_eq!(log, thirty_days(2026).0, "same seed, same 30 days");
    let golden_path = std::path::Path::new("tests/replays/b2c-30-days.expected");
    if std::env::var_os("TRADEPORT_BLESS").is_some() {
        std::fs::write(golden_path, &log).unwrap_or_else(|e| panic!("{e}"));
    }
    let golden = std::fs::read_to_string(golden_path).unwrap_or_else(|e| panic!("{}: {e}", golden_path.display()));
    assert_eq!(
        log, golden,
        "the 30-day replay changed; if on purpose, rerun with TRADEPORT_BLESS=1"
    );
    // And the story is plausible: the listing sells, stock went down, ads stayed within budget.
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    let listing = &store.listings[store.student[0].id.0 as usize];
    assert!(
        listing.stock < 400,
        "sold some of the 400 cases: {} left",
        listing.stock
    );
    for (_, day) in &store.history {
        let mine = &day.listings[store.student[0].id.0 as usize];
        assert!(mine.ad_spend <= 1_500);
    }
    assert!(
        store.student[0].quality.score >= 900,
        "{:?}",
        store.student[0].quality.findings
    );
    // Every store day's money adds up: profit = sales − taxes − fees − ads − payout fee − cost.
    assert_eq!(store.money.len(), 29);
    let first = store.money[0];
    assert!(first.sales > 0 && first.taxes > 0 && first.goods_cost > 0);
    assert_eq!(
        first.profit(),
        first.sales
            - first.refunds
            - first.taxes
            - first.referral_fees
            - first.ad_spend
            - first.payout_fee
            - first.goods_cost
            - first.shipping
            - first.coupon_fees
            - first.social_fees
    );
    // The phone case is in the electronics accessories category: 15% per unit kept (EUR 12.49
    // → EUR 1.87 each), not 15% of the day's total.
    let kept = i64::from(store.history[0].1.listings[store.student[0].id.0 as usize].kept_orders());
    assert_eq!(first.referral_fees, kept * BasisPoints(1_500).of(1_249));
    // Every parcel sent (returned ones too) cost CNY 26.00 of postage, at about 8.25 CNY/EUR.
    let (day, stats) = &store.history[0];
    assert_eq!(*day, first.day);
    let parcels = i64::from(stats.listings[store.student[0].id.0 as usize].all_orders());
    assert!(
        (parcels * 2_600 * 100 / 840..=parcels * 2_600 * 100 / 810).contains(&first.shipping),
        "{parcels} parcels cost {} cents",
        first.shipping
    );
    // About 4% of orders come back: refunded, back in stock, no goods cost.
    let returned: u32 = store
        .history
        .iter()
        .map(|(_, d)| d.listings[store.student[0].id.0 as usize].returns)
        .sum();
    let sold: u32 = store
        .history
        .iter()
        .map(|(_, d)| d.listings[store.student[0].id.0 as usize].all_orders())
        .sum();
    assert!(returned > 0 && returned * 10 < sold, "{returned} of {sold} returned");
    assert_eq!(400 - listing.stock, sold - returned, "returned units are back on sale");
    // The platform reports every day in the inbox, and says when the listing sells out.
    let summaries: Vec<&str> = session
        .world()
        .inbox()
        .iter()
        .filter(|m| m.subject.en.starts_with("Amazon.de daily summary"))
        .map(|m| m.body.en.as_str())
        .collect();
    assert_eq!(summaries.len(), 29, "one per store day");
    assert!(summaries[0].starts_with("Orders: "), "{}", summaries[0]);
    assert!(summaries.iter().any(|b| b.contains("Sold out: PC-TPU-61")));
}

#[test]
fn checkout_taxes_come_from_the_customs_engine() {
    let s = tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let market = |id: &str| {
        s.markets()
            .iter()
            .find(|m| m.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}"))
    };
    let case = s.product("PC-TPU-61").cloned().unwrap_or_else(|| panic!("case"));
    let day = |d: &str| tradeport::sim::Date::parse(d).unwrap_or_else(|e| panic!("{e}"));
    // €12.49 in Germany, September 2026: 19% VAT inside the price (€1.99) plus the €3.00 duty
    // per tariff subheading that applies to parcels under €150 from 1 July 2026.
    let de = tradeport::sim::market::checkout::tax_per_parcel(
        &s,
        &market("de-marketplace"),
        &case,
        1_249,
        day("2026-09-01"),
    );
    assert_eq!(de, 199 + 300);
    // France charges 20%: €2.08 of €12.49.
    let fr = tradeport::sim::market::checkout::tax_per_parcel(
        &s,
        &market("fr-marketplace"),
        &case,
        1_249,
        day("2026-09-01"),
    );
    assert_eq!(fr, 208 + 300);
    // Before July 2026 there was no duty on such parcels (the €150 relief).
    let june = tradeport::sim::market::checkout::tax_per_parcel(
        &s,
        &market("de-marketplace"),
        &case,
        1_249,
        day("2026-06-15"),
    );
    assert_eq!(june, 199);
}

/// Overseas-warehouse (FBA, 9810) stock is a bulk B2B import: normal duty on its import value
/// when it enters the EU, and each sale is a domestic sale with local VAT. Neither IOSS nor the
/// EUR 3 per parcel applies (DOMAIN.md, corrections of December 2026).
#[test]
fn warehouse_sales_pay_normal_import_duty_and_local_vat_not_the_parcel_regime() {
    let session = b2c_session(3);
    let margin = |sku: &str, shipping: &str, price: i64| {
        session
            .store_desk()
            .margin_at("de-marketplace", sku, price, shipping)
            .unwrap_or_else(|| panic!("{sku} by {shipping}"))
    };
    // Phone case by post: 19% VAT inside €12.49 (€1.99) and the €3 per tariff subheading.
    let post = margin("PC-TPU-61", "postal", 1_249);
    assert_eq!((post.vat, post.duty), (199, 300));
    // From the warehouse: the same local VAT, and 6.5% duty on the import value: (CNY 6.50 cost
    // + CNY 4.50 sea freight) / 8.25 = €0.79 + €0.55 = €1.34, × 6.5% = €0.09. No €3.
    let stocked = margin("PC-TPU-61", "warehouse", 1_249);
    assert_eq!(stocked.cost, 134);
    assert_eq!((stocked.vat, stocked.duty), (199, 9));
    // The merino blouse: 12% on (CNY 118 + 4.50) / 8.25 = €14.85 → €1.78.
    let blouse = margin("WB-6206-MER", "warehouse", 3_990);
    assert_eq!(blouse.cost, 1_485);
    assert_eq!(blouse.duty, 178);
    assert_eq!(blouse.vat, 637, "19% inside €39.90");
}

#[test]
fn a_time_limited_deal_ends_by_itself() {
    use tradeport::sim::{Command, Event, Session};
    let scenario =
        tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let mut session = Session::new(std::sync::Arc::new(scenario), Some(3));
    let deal = |session: &mut Session| {
        session.apply(Command::StartDeal {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            discount: BasisPoints(1_500),
            days: 3,
        })
    };
    assert!(deal(&mut session).is_err(), "no listing yet");
    session
        .apply(Command::PublishListing {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            text: Box::new(student_text()),
            terms: terms(1_249, 500, 0, 0, 0),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let events = deal(&mut session).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(events[0], Event::DealStarted { last_day: 4, .. }));
    let discount = |session: &Session| {
        session
            .store_desk()
            .store("de-marketplace")
            .map_or(BasisPoints(-1), |s| s.listings[s.student[0].id.0 as usize].discount)
    };
    for _ in 0..3 {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(discount(&session), BasisPoints(1_500), "day {}", session.day());
    }
    session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(discount(&session), BasisPoints(0), "the deal ended after day 4");
    // Sold at the deal price while it ran: €12.49 − 15% = €10.62.
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    let (_, first_day) = &store.history[0];
    let mine = first_day.listings[store.student[0].id.0 as usize];
    let orders = i64::from(mine.orders + mine.ad_orders);
    assert_eq!(mine.sales, orders * 1_062);
}

/// The bundled B2C scenario as a fresh session.
fn b2c_session(seed: u64) -> tradeport::sim::Session {
    let scenario =
        tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    tradeport::sim::Session::new(std::sync::Arc::new(scenario), Some(seed))
}

fn publish_case(session: &mut tradeport::sim::Session, terms: Box<ListingTerms>) -> Vec<tradeport::sim::Event> {
    session
        .apply(tradeport::sim::Command::PublishListing {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            text: Box::new(student_text()),
            terms,
        })
        .unwrap_or_else(|e| panic!("{e}"))
}

fn end_days(session: &mut tradeport::sim::Session, days: u32) {
    for _ in 0..days {
        session
            .apply(tradeport::sim::Command::EndDay)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

fn my_listing(session: &tradeport::sim::Session) -> Listing {
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("no store"));
    store.listings[store.student[0].id.0 as usize].clone()
}

#[test]
fn faster_delivery_converts_more() {
    use tradeport::sim::market::ranking::{conversion_rate, delivery_factor};
    let mut fast = listing(0, 1_199, 45, 50, 600, 0, 0, 0b1111);
    fast.sales_7d = 0;
    let mut slow = fast.clone();
    slow.id = ListingId(1);
    slow.seller = Seller::Competitor(1);
    slow.delivery_days = 14;
    fast.delivery_days = 2;
    assert!(delivery_factor(&fast) > 1.0 && delivery_factor(&slow) < 1.0);
    for days in 1..60u16 {
        let (mut a, mut b) = (fast.clone(), fast.clone());
        a.delivery_days = days;
        b.delivery_days = days + 1;
        assert!(conversion_rate(&a, 1.8) >= conversion_rate(&b, 1.8), "day {days}");
    }
    let mut pair = vec![fast, slow];
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let day = simulate_day(&mut pair, &searches(&keywords(4), 20_000), &mut rng);
    let cvr = |i: usize| f64::from(day.listings[i].all_orders()) / f64::from(day.listings[i].all_clicks().max(1));
    assert!(cvr(0) > cvr(1) * 1.4, "2 days {:.3}, 14 days {:.3}", cvr(0), cvr(1));
}

#[test]
fn warehouse_stock_arrives_after_the_sea_voyage_and_pays_its_freight() {
    use tradeport::sim::market::ListingError;
    use tradeport::sim::{Command, RuleError};
    let mut session = b2c_session(4);
    let cash = |s: &tradeport::sim::Session| s.world().cash().values().copied().sum::<i64>();
    let before = cash(&session);
    let mut warehouse = terms(1_249, 200, 0, 0, 0);
    warehouse.shipping = "warehouse".into();
    publish_case(&mut session, warehouse.clone());
    // 200 × (CNY 6.50 goods + CNY 4.50 sea freight) = CNY 2,200.00.
    assert_eq!(before - cash(&session), 200 * (650 + 450));
    assert_eq!(my_listing(&session).stock, 0, "the stock is at sea");
    assert_eq!(
        my_listing(&session).delivery_days,
        1,
        "the warehouse ships the same day"
    );
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    assert_eq!(store.inbound_units(store.student[0].id), 200);
    assert_eq!(store.inbound[0].arrives, 1 + 35);
    end_days(&mut session, 29);
    assert_eq!(my_listing(&session).stock, 0, "nothing to sell in the first month");
    let summary = session
        .world()
        .inbox()
        .last()
        .map(|m| m.body.en.clone())
        .unwrap_or_default();
    assert!(
        summary.contains("On the way to the warehouse: PC-TPU-61: 200 (from day 36)."),
        "{summary}"
    );
    assert!(
        session
            .store_desk()
            .store("de-marketplace")
            .is_some_and(|s| s.money.iter().all(|m| m.sales == 0)),
        "no sales before the stock arrives"
    );
    // Back to direct post is refused while the stock is in the warehouse; nothing changes.
    let mut postal = warehouse.clone();
    postal.shipping = "postal".into();
    postal.add_stock = 10;
    let cash_now = cash(&session);
    let refused = session.apply(Command::PublishListing {
        market: "de-marketplace".into(),
        sku: "PC-TPU-61".into(),
        text: Box::new(student_text()),
        terms: postal,
    });
    assert!(matches!(
        refused,
        Err(RuleError::Listing(ListingError::StockInWarehouse(200, _)))
    ));
    assert_eq!(cash(&session), cash_now);
    assert_eq!(my_listing(&session).delivery_days, 1);
}

#[test]
fn moving_to_the_warehouse_ships_the_stock_held_in_china() {
    let mut session = b2c_session(4);
    publish_case(&mut session, terms(1_249, 50, 0, 0, 0));
    end_days(&mut session, 2);
    let left = my_listing(&session).stock;
    assert!(left < 50 && left > 0, "some sold by post: {left} left");
    let cash = session.world().cash().values().copied().sum::<i64>();
    let mut warehouse = terms(1_249, 100, 0, 0, 0);
    warehouse.shipping = "warehouse".into();
    publish_case(&mut session, warehouse);
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    assert_eq!(store.inbound_units(store.student[0].id), 100 + left);
    assert_eq!(my_listing(&session).stock, 0);
    let paid = cash - session.world().cash().values().copied().sum::<i64>();
    assert_eq!(
        paid,
        100 * 650 + i64::from(100 + left) * 450,
        "goods for 100, freight for all"
    );
}

#[test]
fn a_coupon_never_spends_more_than_its_budget_and_then_stops() {
    use tradeport::sim::market::CampaignKind;
    use tradeport::sim::{Command, Event};
    let mut session = b2c_session(8);
    publish_case(&mut session, terms(1_249, 600, 0, 0, 0));
    let started = session
        .apply(Command::StartCoupon {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            discount: BasisPoints(2_000),
            budget: 2_000,
            days: 10,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(started[0], Event::CouponStarted { last_day: 11, .. }));
    end_days(&mut session, 10);
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    let id = store.student[0].id.0 as usize;
    let days: Vec<_> = store.history.iter().map(|(_, d)| d.listings[id]).collect();
    let redeemed: u32 = days.iter().map(|d| d.coupon_redemptions).sum();
    let spent: i64 = days.iter().map(|d| d.coupon_discount + d.coupon_fees).sum();
    // 20% of €12.49 is €2.50, plus the €0.60 fee: €3.10 a redemption, six fit in €20.00.
    assert_eq!(redeemed, 6, "{days:?}");
    assert_eq!(spent, 6 * (250 + 60));
    assert!(spent <= 2_000);
    assert_eq!(my_listing(&session).coupon, BasisPoints(0), "the coupon came off");
    // Coupon fees are in the day's money and its profit.
    let fees: i64 = store.money.iter().map(|m| m.coupon_fees).sum();
    assert_eq!(fees, 6 * 60);
    let coupon = store
        .campaigns
        .iter()
        .find(|c| matches!(c.kind, CampaignKind::Coupon { .. }))
        .unwrap_or_else(|| panic!("no coupon campaign"));
    let result = store.campaign_result(coupon);
    assert_eq!((result.orders, result.cost), (6, spent));
    // Bad coupons change nothing.
    for (discount, budget, days) in [(0, 1_000, 5), (6_000, 1_000, 5), (1_000, 0, 5), (1_000, 1_000, 0)] {
        assert!(
            session
                .apply(Command::StartCoupon {
                    market: "de-marketplace".into(),
                    sku: "PC-TPU-61".into(),
                    discount: BasisPoints(discount),
                    budget,
                    days,
                })
                .is_err()
        );
    }
}

#[test]
fn a_creators_post_sends_visitors_over_five_days_and_its_fee_is_paid() {
    use tradeport::sim::market::{CampaignKind, store::POST_DECAY};
    use tradeport::sim::{Command, Event};
    let mut session = b2c_session(21);
    publish_case(&mut session, terms(1_249, 800, 0, 0, 0));
    let cny = |s: &tradeport::sim::Session| s.world().cash().values().copied().sum::<i64>();
    let before = cny(&session);
    let rate = session
        .world()
        .rate(tradeport::sim::money::CurrencyCode::parse("EUR").unwrap_or_else(|| panic!("EUR")))
        .unwrap_or_else(|| panic!("rate"));
    let booked = session
        .apply(Command::BookInfluencer {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            influencer: "hanna-cases".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(booked[0], Event::InfluencerBooked { first_day: 2, .. }));
    // €120.00 at the day's rate, in CNY.
    let fee_cny = before - cny(&session);
    assert_eq!(fee_cny, tradeport::sim::money::convert(12_000, 2, rate, 2));
    end_days(&mut session, 7);
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    let post = store
        .campaigns
        .iter()
        .find(|c| matches!(c.kind, CampaignKind::Social { .. }))
        .unwrap_or_else(|| panic!("no post"));
    let CampaignKind::Social { visits, engaged, .. } = &post.kind else {
        unreachable!()
    };
    // 24,000 followers × 6% engage (± the post's luck), 15% of them follow the link.
    assert!((864..=2_016).contains(engaged), "{engaged} engaged");
    assert_eq!(visits.len(), POST_DECAY.len());
    assert!(
        visits.windows(2).all(|w| w[0] >= w[1]),
        "most come on the first day: {visits:?}"
    );
    let id = store.student[0].id.0 as usize;
    let clicks: Vec<u32> = store
        .history
        .iter()
        .map(|(_, d)| d.listings[id].social_clicks)
        .collect();
    assert_eq!(&clicks[0..5], &visits[..], "each day's visitors land on the listing");
    assert!(clicks[5..].iter().all(|&c| c == 0), "the post is over after five days");
    let result = store.campaign_result(post);
    assert_eq!(result.clicks, visits.iter().sum::<u32>());
    assert!(result.orders > 0, "some followers buy");
    assert_eq!(result.cost, 12_000);
    assert_eq!(store.money.iter().map(|m| m.social_fees).sum::<i64>(), 12_000);
    // An off-niche product reaches a quarter of the buyers.
    let mut other = b2c_session(21);
    publish_case(&mut other, terms(1_249, 800, 0, 0, 0));
    other
        .apply(Command::BookInfluencer {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            influencer: "merino-mode".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let off = other
        .store_desk()
        .store("de-marketplace")
        .and_then(|s| s.campaigns.last().cloned());
    let Some(CampaignKind::Social { engaged, visits, .. }) = off.map(|c| c.kind) else {
        panic!("no post")
    };
    let link: u32 = visits.iter().sum();
    assert!(
        link <= engaged * 15 / 100 / 4 + 5,
        "{link} visits from {engaged} engaged"
    );
}

#[test]
fn a_competitor_that_runs_low_restocks_and_shoppers_differ_in_price_sensitivity() {
    use tradeport::sim::market::Store;
    use tradeport::sim::market::day::SHOPPER_SEGMENTS;
    let scenario =
        tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let storefront = scenario.markets()[0]
        .storefront
        .clone()
        .unwrap_or_else(|| panic!("no storefront"));
    let mut store = Store::open("de-marketplace", &storefront, |_| 1_299);
    let start = store.listings[0].stock;
    store.listings[0].stock = start / 10 - 1;
    store.listings[1].stock = start / 10 + 1;
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let day = store.run_day(1, 1_000, 1.8, &mut rng);
    let sold = day.listings[0].all_orders() - day.listings[0].returns;
    assert_eq!(
        store.listings[0].stock,
        start - sold,
        "restocked to its starting stock first"
    );
    assert!(
        store.listings[1].stock <= start / 10 + 1,
        "still above a tenth: no restock"
    );
    // The segments cover every shopper, with a spread of price sensitivity around the market's.
    assert_eq!(SHOPPER_SEGMENTS.iter().map(|(p, _)| p).sum::<u32>(), 100);
    let mean: f64 = SHOPPER_SEGMENTS.iter().map(|(p, m)| f64::from(*p) * m).sum::<f64>() / 100.0;
    assert!(
        (mean - 1.0).abs() < 0.1,
        "average sensitivity stays near the market's: {mean}"
    );
}

#[test]
fn the_storefront_criteria_are_scored_from_the_store() {
    let (_, session) = thirty_days(20260901);
    let report = tradeport::sim::Report::of(&session);
    let criterion = |id: &str| {
        report
            .tasks
            .iter()
            .flat_map(|t| t.criteria.clone())
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // The scripted phone-case listing is good and live in Germany; nothing went to France.
    let quality = criterion("listing-quality");
    assert_eq!(quality.earned, quality.possible, "{}", quality.reason.en);
    let live = criterion("french-listing-live");
    assert_eq!((live.earned, live.reason.en.as_str()), (0, "not listed"));
    let profitable = criterion("france-profitable");
    assert_eq!(
        (profitable.earned, profitable.reason.en.as_str()),
        (0, "nothing was listed")
    );
    // Units and ACoS are judged with their numbers in the reason.
    let units = criterion("units-sold");
    assert!(
        units.reason.en.contains("sold in de-marketplace (needed 150)"),
        "{}",
        units.reason.en
    );
    let sold: u32 = units
        .reason
        .en
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert_eq!(units.earned > 0, sold >= 150, "{}", units.reason.en);
    let acos = criterion("acos-below-margin");
    assert!(
        acos.reason.en.starts_with("ACoS ") || acos.reason.en == "no ad sales to judge",
        "{}",
        acos.reason.en
    );
    let margin = criterion("positive-margin");
    assert!(margin.reason.en.contains("per order"), "{}", margin.reason.en);
}

fn sheet_of(m: &tradeport::sim::market::OrderMargin, price: i64) -> tradeport::sim::market::cost_sheet::CostSheet {
    tradeport::sim::market::cost_sheet::CostSheet::from_margin(m, price, "postal", BasisPoints(5_000))
}

#[test]
fn a_cost_sheet_is_checked_line_by_line_against_the_engine() {
    use tradeport::sim::market::cost_sheet::CostSheetLine;
    use tradeport::sim::{Command, Event};
    let mut s = b2c_session(1);
    let truth = s
        .store_desk()
        .margin_at("de-marketplace", "PC-TPU-61", 1_249, "postal")
        .unwrap_or_else(|| panic!("the engine's figures"));
    // EUR 12.49 with 19% German VAT inside: 12.49 × 19 / 119 = 1.99; the 15% fee is 1.87; the
    // EU's fixed duty is EUR 3 for the one subheading.
    assert_eq!((truth.vat, truth.fee, truth.duty), (199, 187, 300));
    assert_eq!(truth.margin, 1_249 - 199 - 187 - 300 - truth.cost - truth.shipping);
    let file = |s: &mut tradeport::sim::Session, sheet| {
        s.apply(Command::SubmitCostSheet {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            sheet: Box::new(sheet),
        })
    };
    let events = file(&mut s, sheet_of(&truth, 1_249)).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(&events[..], [Event::CostSheetChecked { wrong: 0, .. }]));
    // The classic mistake: VAT as 19% of the VAT-inclusive price (2.37), and a margin that
    // follows from it; a target ACoS at break-even.
    let mut wrong = sheet_of(&truth, 1_249);
    wrong.vat = 237;
    wrong.margin -= 38;
    wrong.target_acos = wrong.break_even_acos;
    file(&mut s, wrong).unwrap_or_else(|e| panic!("{e}"));
    let last = s.store_desk().cost_sheets().last().unwrap_or_else(|| panic!("filed"));
    assert!(!last.right(CostSheetLine::Vat) && !last.right(CostSheetLine::Margin));
    assert!(!last.right(CostSheetLine::TargetAcos));
    assert!(
        last.right(CostSheetLine::Fee) && last.right(CostSheetLine::Duty) && last.right(CostSheetLine::BreakEvenAcos)
    );
    assert_eq!(last.wrong(), 3);
    // Bad input changes nothing.
    let mut no_route = sheet_of(&truth, 1_249);
    no_route.shipping = "pigeon".into();
    assert!(file(&mut s, no_route).is_err());
    assert!(file(&mut s, sheet_of(&truth, 0)).is_err());
    assert_eq!(s.store_desk().cost_sheets().len(), 2);
}

#[test]
fn the_price_listing_criteria_read_the_latest_cost_sheet_of_every_listing() {
    use tradeport::sim::Command;
    let mut s = b2c_session(1);
    for (sku, price) in [("PC-TPU-61", 1_249), ("WB-6206-MER", 5_990)] {
        s.apply(Command::PublishListing {
            market: "de-marketplace".into(),
            sku: sku.into(),
            text: Box::new(student_text()),
            terms: terms(price, 5, 0, 0, 0),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let truth = s
        .store_desk()
        .margin_at("de-marketplace", "PC-TPU-61", 1_249, "postal")
        .unwrap_or_else(|| panic!("figures"));
    s.apply(Command::SubmitCostSheet {
        market: "de-marketplace".into(),
        sku: "PC-TPU-61".into(),
        sheet: Box::new(sheet_of(&truth, 1_249)),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let criterion = |s: &tradeport::sim::Session, id: &str| {
        tradeport::sim::Report::of(s)
            .tasks
            .iter()
            .flat_map(|t| t.criteria.clone())
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let sheet = criterion(&s, "landed-cost-sheet");
    assert_eq!(sheet.earned, 0);
    assert_eq!(sheet.reason.en, "no cost sheet for WB-6206-MER in de-marketplace");
    let blouse = s
        .store_desk()
        .margin_at("de-marketplace", "WB-6206-MER", 5_990, "postal")
        .unwrap_or_else(|| panic!("figures"));
    s.apply(Command::SubmitCostSheet {
        market: "de-marketplace".into(),
        sku: "WB-6206-MER".into(),
        sheet: Box::new(sheet_of(&blouse, 5_990)),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let sheet = criterion(&s, "landed-cost-sheet");
    assert_eq!(sheet.earned, sheet.possible, "{}", sheet.reason.en);
    assert_eq!(
        criterion(&s, "vat-inclusive-prices").reason.en,
        "cost sheets right on Vat"
    );
}

#[test]
fn losing_ads_must_be_cut_within_three_days() {
    use tradeport::sim::Command;
    // A thin price and a high bid: ACoS soon runs above the margin.
    let run = |cut: bool| {
        let mut s = b2c_session(3);
        let publish = |s: &mut tradeport::sim::Session, bid: i64| {
            s.apply(Command::PublishListing {
                market: "de-marketplace".into(),
                sku: "PC-TPU-61".into(),
                text: Box::new(student_text()),
                terms: terms(1_199, if bid == 120 { 300 } else { 0 }, bid, 3_000, 0),
            })
            .unwrap_or_else(|e| panic!("{e}"));
        };
        publish(&mut s, 120);
        let reason = |s: &tradeport::sim::Session| {
            tradeport::sim::Report::of(s)
                .tasks
                .iter()
                .flat_map(|t| t.criteria.clone())
                .find(|c| c.id == "cut-waste")
                .unwrap_or_else(|| panic!("cut-waste"))
        };
        let mut cut_done = false;
        for _ in 0..12 {
            s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
            if cut && !cut_done && reason(&s).reason.en.contains("above the margin") {
                publish(&mut s, 20);
                cut_done = true;
            }
        }
        reason(&s)
    };
    let kept = run(false);
    assert_eq!(kept.earned, 0);
    assert!(
        kept.reason.en.contains("and the bid was not cut within 3 day(s)"),
        "{}",
        kept.reason.en
    );
    let cut = run(true);
    assert_eq!(cut.earned, cut.possible, "{}", cut.reason.en);
    assert!(
        cut.reason.en.contains("the bid went from 1.20 EUR to 0.20 EUR"),
        "{}",
        cut.reason.en
    );
}

#[test]
fn acos_at_most_compares_the_campaigns_acos_with_a_ceiling() {
    use tradeport::sim::grading::{Check, evaluate};
    let (_, session) = thirty_days(2026);
    let task = session
        .scenario()
        .tasks()
        .iter()
        .find(|t| t.id == "run-ads")
        .cloned()
        .unwrap_or_else(|| panic!("run-ads"));
    let store = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("store"));
    let listing = store.student_listing("PC-TPU-61").unwrap_or_else(|| panic!("listed"));
    let ads = store.ads_result(listing.id);
    let acos = metrics::acos(ads.cost, ads.sales).unwrap_or_else(|| panic!("ad sales in 30 days"));
    let (ok, why) = evaluate(&session, &task, &Check::AcosAtMost { max: acos });
    assert!(ok, "{why:?}");
    assert_eq!(why.en, format!("ACoS {acos} (at most {acos} wanted)"));
    let (ok, _) = evaluate(
        &session,
        &task,
        &Check::AcosAtMost {
            max: BasisPoints(acos.0 - 1),
        },
    );
    assert!(!ok, "one hundredth of a point above the ceiling fails");
}

#[test]
fn each_store_day_remembers_the_margin_the_listing_ran_on() {
    use tradeport::sim::Command;
    let mut s = b2c_session(4);
    let publish = |s: &mut tradeport::sim::Session, price: i64| {
        s.apply(Command::PublishListing {
            market: "de-marketplace".into(),
            sku: "PC-TPU-61".into(),
            text: Box::new(student_text()),
            terms: terms(price, 50, 0, 0, 0),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    };
    publish(&mut s, 1_499);
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let high = s
        .store_desk()
        .order_margin("de-marketplace", "PC-TPU-61")
        .and_then(|m| m.share());
    publish(&mut s, 1_099);
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let low = s
        .store_desk()
        .order_margin("de-marketplace", "PC-TPU-61")
        .and_then(|m| m.share());
    assert!(high > low, "a lower price leaves less: {high:?} > {low:?}");
    // The store days of day 2 and 3 ran on those margins; day 1 had no store day yet.
    assert_eq!(s.store_desk().margin_on("de-marketplace", "PC-TPU-61", 2), high);
    assert_eq!(s.store_desk().margin_on("de-marketplace", "PC-TPU-61", 3), low);
    assert_eq!(s.store_desk().margin_on("de-marketplace", "PC-TPU-61", 1), None);
}

/// Referral fees follow the platform's rate card by category (DOMAIN.md, corrections of December
/// 2026): Amazon.de clothing up to EUR 15 pays 5% and up to EUR 20 10% since 15 December 2025;
/// electronics accessories pay 15% of the first EUR 100 and 8% of the rest; Amazon.fr adds the
/// 3% digital services tax uplift (15% → 15.45%).
#[test]
fn referral_fees_follow_the_category_bands_and_the_french_uplift() {
    let session = b2c_session(3);
    let de = session
        .store_desk()
        .store("de-marketplace")
        .unwrap_or_else(|| panic!("de store"));
    let fr = session
        .store_desk()
        .store("fr-marketplace")
        .unwrap_or_else(|| panic!("fr store"));
    let fee =
        |store: &tradeport::sim::market::Store, sku: &str, price: i64| store.storefront.referral_fee_on(sku, price);
    assert_eq!(fee(de, "WB-6206-MER", 1_200), 60, "5% of €12.00");
    assert_eq!(fee(de, "WB-6206-MER", 1_500), 75, "€15.00 is still in the 5% band");
    assert_eq!(fee(de, "WB-6206-MER", 1_800), 180, "10% of €18.00");
    assert_eq!(fee(de, "WB-6206-MER", 3_990), 599, "15% of €39.90");
    assert_eq!(fee(de, "PC-TPU-61", 1_249), 187, "15% of €12.49");
    assert_eq!(fee(de, "PC-TPU-61", 15_000), 1_500 + 400, "15% of €100 + 8% of €50");
    assert_eq!(fee(fr, "PC-TPU-61", 1_249), 193, "15.45% of €12.49");
    assert_eq!(fee(fr, "WB-6206-MER", 3_990), 616, "15.45% of €39.90");
    let margin = session
        .store_desk()
        .margin_at("fr-marketplace", "PC-TPU-61", 1_249, "postal")
        .unwrap_or_else(|| panic!("margin"));
    assert_eq!(margin.fee, 193, "the cost sheet's fee is the category's");
    let fees = de
        .storefront
        .referral_fees
        .iter()
        .filter(|f| !f.unverified.is_empty())
        .count();
    assert_eq!(fees, 2, "each fee says what was not verified");
    assert!(
        de.storefront.illustrative_fees.is_some(),
        "illustrative values are marked"
    );
}
