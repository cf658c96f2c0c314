//! A class's shared B2C marketplace (issue 19): three students' stores and the AI rivals in one
//! market replay byte-identically from the market's log, each store's report verifies (and
//! stops verifying when another store's move is changed), and ranking across the students'
//! listings is monotone in price and bid as in single player.

use std::sync::Arc;

use tradeport::sim::market::Store;
use tradeport::sim::market::ranking::build_pages;
use tradeport::sim::marketplace::{SharedMarket, shared_visits};
use tradeport::sim::save::{MarketSave, ReportFile, Student};
use tradeport::sim::session::PlayMode;
use tradeport::sim::{Command, RuleError, Scenario};

use crate::market::{student_text, terms};

const MARKET: &str = "de-marketplace";

fn scenario() -> Arc<Scenario> {
    let path = std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron");
    let scenario = tradeport::scenario::load_scenario_file(path)
        .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    Arc::new(scenario)
}

/// The phone case listed at `price` with 300 units, a bid per click and a daily ad budget.
fn publish(price: i64, bid: i64, budget: i64) -> Command {
    Command::PublishListing {
        market: MARKET.into(),
        sku: "PC-TPU-61".into(),
        text: Box::new(student_text()),
        terms: terms(price, 300, bid, budget, 0),
    }
}

fn apply(market: &mut SharedMarket, store: usize, command: Command) {
    market
        .apply(store, command)
        .unwrap_or_else(|e| panic!("store {store}: {e}"));
}

/// Three students' stores: a cheap one with small ads, a middle one without ads that runs a
/// 10% sale from day 10, and a dear one with big ads; every day of the scenario is played.
fn three_stores(seed: u64) -> SharedMarket {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 3, seed, PlayMode::Practice);
    apply(&mut market, 0, publish(1_099, 30, 900));
    apply(&mut market, 1, publish(1_249, 0, 0));
    apply(&mut market, 2, publish(1_399, 60, 2_000));
    for _ in 0..=scenario.length_days() {
        if market.stores().iter().all(tradeport::sim::Session::is_finished) {
            break;
        }
        if market.stores()[1].day() == 10 {
            let sale = Command::PublishListing {
                market: MARKET.into(),
                sku: "PC-TPU-61".into(),
                text: Box::new(student_text()),
                terms: terms(1_249, 0, 0, 0, 1_000),
            };
            apply(&mut market, 1, sale);
        }
        for outcome in market.end_day() {
            outcome.unwrap_or_else(|e| panic!("{e}"));
        }
    }
    assert!(
        market.stores().iter().all(tradeport::sim::Session::is_finished),
        "the market ran to its end"
    );
    market
}

fn student(store: usize) -> Student {
    Student {
        name: format!("Student {}", store + 1),
        id: format!("2026{store:03}"),
    }
}

/// Each store's report file as text.
pub(crate) fn reports(market: &SharedMarket) -> Vec<String> {
    market
        .stores()
        .iter()
        .enumerate()
        .map(|(i, s)| ReportFile::of_market_store(s, student(i), MarketSave::new(i, market.logs())).to_text())
        .collect()
}

#[test]
fn a_shared_market_of_three_stores_replays_byte_identically_and_every_report_verifies() {
    let scenario = scenario();
    let market = three_stores(41);
    let texts = reports(&market);
    let replayed =
        SharedMarket::replay(&scenario, 41, PlayMode::Practice, &market.logs()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        reports(&replayed),
        texts,
        "the market's log rebuilds every store exactly"
    );
    for (i, text) in texts.iter().enumerate() {
        let file = ReportFile::parse(text).unwrap_or_else(|e| panic!("{e}"));
        let problems = file.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "store {i}: {problems:?}");
        assert_eq!(file.save.market.as_ref().map(|m| m.store), Some(i as u32));
    }
    // A store's PC follows only its own table: its log, with each day as the market gave it,
    // rebuilds the same store without the others' moves.
    for (i, host) in market.stores().iter().enumerate() {
        let mut alone = tradeport::sim::Session::start(Arc::clone(&scenario), Some(41), false);
        for (seat, command) in host.command_seats().iter().zip(host.commands()) {
            alone
                .apply_as(seat, command.clone())
                .unwrap_or_else(|e| panic!("store {i}: {e}"));
        }
        assert_eq!(
            alone.store_desk().store(MARKET),
            host.store_desk().store(MARKET),
            "store {i}"
        );
        assert_eq!(alone.world().cash(), host.world().cash(), "store {i}");
        // Its save alone is not believed: the market's days need the market's log.
        let alone_save = tradeport::sim::save::SaveFile::of(host, student(i));
        assert!(alone_save.replay(Arc::clone(&scenario)).is_err(), "store {i}");
    }
    // Every store sold, and paid its ads and fees out of the same market.
    let standings = market.standings(MARKET);
    assert_eq!(standings.len(), 3);
    for s in &standings {
        assert!(s.orders > 0, "store {} sold nothing: {s:?}", s.store);
    }
    assert_eq!(standings[1].ad_spend, 0, "the middle store ran no ads");
    assert!(
        standings[0].acos.is_some() && standings[2].acos.is_some(),
        "{standings:?}"
    );

    // Changing another student's move changes this store's market: its report no longer holds.
    let mut forged = ReportFile::parse(&texts[0]).unwrap_or_else(|e| panic!("{e}"));
    let Some(logs) = forged.save.market.as_mut().map(|m| &mut m.logs) else {
        panic!("a store's save carries the market's log");
    };
    let moved = logs[2].iter_mut().find(|c| matches!(c, Command::PublishListing { .. }));
    *moved.unwrap_or_else(|| panic!("store 3 listed")) = publish(899, 90, 5_000);
    forged.log_digest = forged.save.log_digest();
    // Store 1's own log still replays, but the market's days it was given are not the ones
    // the changed market gives: the report is refused, whatever it claims.
    match forged.verify(Arc::clone(&scenario)) {
        Err(tradeport::sim::save::SaveError::Corrupted(why)) => {
            assert!(why.contains("not the ones the market's log gives"), "{why}");
        }
        other => panic!("a cheaper rival changes store 1's days: {other:?}"),
    }
}

#[test]
fn the_stores_share_one_day_of_shoppers_and_one_store_cannot_end_it_alone() {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 3, 5, PlayMode::Practice);
    assert_eq!(market.apply(0, Command::EndDay), Err(RuleError::SharedDay));
    assert!(
        market.stores()[0].commands().is_empty(),
        "a refused command is not logged"
    );
    apply(&mut market, 0, publish(1_099, 0, 0));
    apply(&mut market, 2, publish(1_399, 0, 0));
    market.end_day();
    let days: Vec<_> = market
        .stores()
        .iter()
        .map(|s| {
            let store = s.store_desk().store(MARKET).unwrap_or_else(|| panic!("no store"));
            store.history.last().cloned().unwrap_or_else(|| panic!("no day"))
        })
        .collect();
    // One market day: the same shoppers (three stores' worth) and the same rivals' results in
    // every store; each store's own listing after them.
    assert!(
        days.iter()
            .all(|(d, s)| *d == days[0].0 && s.visits == days[0].1.visits)
    );
    let rivals = market.stores()[0]
        .store_desk()
        .store(MARKET)
        .map_or(0, Store::competitor_count);
    for (_, s) in &days {
        assert_eq!(
            s.listings[..rivals],
            days[0].1.listings[..rivals],
            "the rivals' day is one day"
        );
    }
    assert_eq!(days[1].1.listings.len(), rivals, "store 2 listed nothing");
    assert_eq!(days[0].1.listings.len(), rivals + 1);
    assert_eq!(shared_visits(days[0].1.visits / 3, 3), days[0].1.visits);
    // The rivals' listings are alike in every store after the day (stock sold to any store's
    // shoppers is gone for all).
    let rivals_of = |i: usize| {
        market.stores()[i]
            .store_desk()
            .store(MARKET)
            .map(|s| s.listings[..rivals].to_vec())
    };
    assert_eq!(rivals_of(0), rivals_of(1));
    assert_eq!(rivals_of(1), rivals_of(2));
}

/// Where listing `who` is on a result page (sponsored or organic slots), if shown.
fn position(page: &tradeport::sim::market::ResultPage, who: usize, sponsored: bool) -> Option<usize> {
    page.slots
        .iter()
        .filter(|s| s.sponsored == sponsored)
        .position(|s| s.listing == who)
}

/// The shared market's result pages with three students' stores listing the same phone case
/// on `terms` (price, bid, budget) each; returns the pages and each store's index in them.
fn shared_pages(each: [(i64, i64, i64); 3]) -> (Vec<tradeport::sim::market::ResultPage>, Vec<usize>) {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 3, 9, PlayMode::Practice);
    for (store, (price, bid, budget)) in each.into_iter().enumerate() {
        apply(&mut market, store, publish(price, bid, budget));
    }
    let stores: Vec<&Store> = market
        .stores()
        .iter()
        .filter_map(|s| s.store_desk().store(MARKET))
        .collect();
    let all = Store::shared_listings(&stores);
    let own: Vec<usize> = (0..3)
        .map(|store| {
            all.iter()
                .position(|(owner, _)| *owner == Some(store))
                .unwrap_or_else(|| panic!("store {store} is in the market"))
        })
        .collect();
    let listings: Vec<_> = all.into_iter().map(|(_, l)| l).collect();
    (build_pages(&listings, stores[0].keywords().len(), 1.8), own)
}

#[test]
fn ranking_across_the_students_is_monotone_in_price_and_bid() {
    // Cheaper ranks higher, the rest equal.
    let (pages, own) = shared_pages([(1_099, 0, 0), (1_249, 0, 0), (1_399, 0, 0)]);
    let mut compared = 0;
    for page in &pages {
        let at: Vec<_> = own.iter().map(|&j| position(page, j, false)).collect();
        if let [Some(a), Some(b), Some(c)] = at[..] {
            assert!(a < b && b < c, "organic order by price: {at:?}");
            compared += 1;
        }
    }
    assert!(compared > 0, "the three listings appear together on some page");
    // A higher bid takes the higher sponsored slot, the rest equal.
    let (pages, own) = shared_pages([(1_249, 80, 5_000), (1_249, 50, 5_000), (1_249, 20, 5_000)]);
    let mut compared = 0;
    for page in &pages {
        let at: Vec<_> = own.iter().map(|&j| position(page, j, true)).collect();
        for pair in at.windows(2) {
            if let [Some(higher), lower] = pair {
                assert!(lower.is_none_or(|l| *higher < l), "sponsored order by bid: {at:?}");
                compared += 1;
            } else if let [None, Some(_)] = pair {
                panic!("a lower bid won a slot a higher one did not: {at:?}");
            }
        }
    }
    assert!(compared > 0, "students' bids won sponsored slots");
}

/// A class of the B2C scenario with three students, each at their own store, played by expert
/// bots from exactly what the host sends each seat (their table's log and view), to the end.
fn a_market_class_played_by_bots() -> tradeport::class::Class {
    class_played_by_bots("scenarios/b2c-eu-storefront.scenario.ron")
}

/// A class of three expert bots on the bundled scenario at `path`, played to its end through
/// the host from what each seat is sent; each PC's followed table is checked against the host's.
pub(crate) fn class_played_by_bots(path: &str) -> tradeport::class::Class {
    use tradeport::class::bot::{Policy, SeatPlayer};
    use tradeport::class::mirror::Mirror;
    use tradeport::class::{Class, Token};
    let path = std::path::Path::new(path);
    let scenario = Arc::new(
        tradeport::scenario::load_scenario_file(path)
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d))),
    );
    let mut class = Class::new(scenario);
    assert!(class.shares_market());
    let tokens: Vec<Token> = (1..=3u8).map(|n| Token::from_bytes([n; 16])).collect();
    for (i, token) in tokens.iter().enumerate() {
        class
            .join(&format!("Student {}", i + 1), &format!("2026{i:03}"), token.clone())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    class.start();
    let package = tradeport::class::package::package(path, class.tables_are_hotseat())
        .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
    let followed = Arc::new(
        tradeport::class::package::unpack(&package)
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d))),
    );
    let mut players: Vec<SeatPlayer> = (0..3)
        .map(|table| {
            let start = class.table_start(table).unwrap_or_else(|| panic!("started"));
            SeatPlayer::new(
                Policy::Expert,
                "company",
                Some(Mirror::new(Arc::clone(&followed), start)),
            )
        })
        .collect();
    let mut sent = [0usize; 3];
    let send = |class: &Class, players: &mut [SeatPlayer], sent: &mut [usize; 3]| {
        for (table, player) in players.iter_mut().enumerate() {
            let log = class.table_log(table, sent[table]);
            player.on_log(sent[table], &log).unwrap_or_else(|e| panic!("{e}"));
            sent[table] += log.len();
            player.on_view(class.view_for(&tokens[table]).unwrap_or_else(|| panic!("a view")));
        }
    };
    send(&class, &mut players, &mut sent);
    for _ in 0..20_000 {
        if class.is_over() {
            break;
        }
        let mut moved = false;
        for (table, player) in players.iter_mut().enumerate() {
            let Some(command) = player.next_command() else { continue };
            moved = true;
            match class.submit(&tokens[table], "company", command) {
                Ok(_) => {}
                Err(_) => player.on_refused(),
            }
        }
        send(&class, &mut players, &mut sent);
        assert!(moved, "the bots wait for each other");
    }
    assert!(class.is_over(), "the class's market runs to the end");
    // Each PC followed only its own table and rebuilt the same store as the host's.
    for (table, player) in players.iter().enumerate() {
        let host = class.tables()[table].session().unwrap_or_else(|| panic!("started"));
        assert!(player.is_finished(), "table {table}'s PC saw the end");
        let mut mirror = Mirror::new(
            Arc::clone(&followed),
            class.table_start(table).unwrap_or_else(|| panic!("started")),
        );
        mirror
            .extend(0, &class.table_log(table, 0))
            .unwrap_or_else(|e| panic!("{e}"));
        let followed_store = mirror.session().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            followed_store.store_desk().store(MARKET),
            host.store_desk().store(MARKET),
            "table {table}"
        );
        assert_eq!(followed_store.world().cash(), host.world().cash(), "table {table}");
    }
    class
}

#[test]
fn a_class_of_three_stores_shares_one_market_and_every_report_verifies_and_replays() {
    let class = a_market_class_played_by_bots();
    let scenario = Arc::clone(class.scenario());
    let reports = class.collect_reports();
    assert_eq!(reports.len(), 3);
    let mut logs = None;
    for (student, file) in &reports {
        let text = file.to_text();
        let parsed = ReportFile::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        let problems = parsed.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
        let market = parsed
            .save
            .market
            .unwrap_or_else(|| panic!("a store's report carries the market"));
        assert_eq!(market.store as usize, student.table);
        logs = Some(market.logs);
    }
    // The class's log replays the whole market byte-identically: every store's report.
    let logs = logs.unwrap_or_default();
    let replayed =
        SharedMarket::replay(&scenario, scenario.seed(), PlayMode::Practice, &logs).unwrap_or_else(|e| panic!("{e}"));
    for ((student, file), store) in reports.iter().zip(replayed.stores()) {
        let again = ReportFile::of_market_store(
            store,
            file.student.clone(),
            MarketSave::new(student.table, logs.clone()),
        );
        assert_eq!(again.to_text(), file.to_text(), "{}", student.name);
    }
    // The leaderboard ranks the three stores by profit, on the dashboard and in each view.
    let board = class.leaderboard();
    assert_eq!(board.len(), 3);
    assert_eq!(board[0].rank, 1);
    assert!(board.iter().all(|r| r.orders > 0 && r.team.len() == 1), "{board:?}");
    let view = class
        .view_for(&tradeport::class::Token::from_bytes([2; 16]))
        .unwrap_or_else(|| panic!("a view"));
    let standing = view.market.unwrap_or_else(|| panic!("a store's view has the market"));
    assert_eq!(standing.leaderboard, board);
    let case = standing
        .decisions
        .iter()
        .find(|d| d.sku == "PC-TPU-61")
        .unwrap_or_else(|| panic!("the phone case is listed: {:?}", standing.decisions));
    assert_eq!(case.stores, 3);
    assert!(case.yours.is_some());
    // A restarted host resumes the market: the same logs, the same standings.
    let resumed =
        tradeport::class::Class::resume(Arc::clone(&scenario), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.record(), class.record());
    assert_eq!(resumed.leaderboard(), board);
}

#[test]
fn a_team_s_two_students_act_on_one_store_and_each_gets_its_report_with_their_own_actions() {
    use tradeport::class::{Class, StudentId, Token};
    let scenario = scenario();
    let mut class = Class::new(Arc::clone(&scenario)).with_team_size(2);
    let t = |n: u8| Token::from_bytes([n; 16]);
    for (n, name) in [(1, "Li Na"), (2, "Wang Wei"), (3, "Zhang Min")] {
        class
            .join(name, &format!("202600{n}"), t(n))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let seated: Vec<(usize, &str)> = class.students().iter().map(|s| (s.table, s.seat.as_str())).collect();
    assert_eq!(
        seated,
        [(0, "company"), (0, "company"), (1, "company")],
        "a team fills a store first"
    );
    assert_eq!(class.team_of(StudentId(1)).len(), 2);
    class.start();
    // Li Na lists the phone case and Wang Wei starts a deal on it: one store, two PCs.
    let submit = |class: &mut Class, n: u8, command: Command| {
        class
            .submit(&t(n), "company", command)
            .unwrap_or_else(|e| panic!("student {n}: {e}"))
    };
    submit(&mut class, 1, publish(1_199, 30, 900));
    let deal = Command::StartDeal {
        market: MARKET.into(),
        sku: "PC-TPU-61".into(),
        discount: tradeport::sim::BasisPoints(1_000),
        days: 3,
    };
    submit(&mut class, 2, deal);
    submit(&mut class, 3, publish(1_299, 0, 0));
    let store = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    assert_eq!(store.store_desk().store(MARKET).map(|s| s.campaigns.len()), Some(1));
    assert_eq!(class.tables()[0].given_by(), [(0, StudentId(0)), (1, StudentId(1))]);
    // The team's day is over when one of its students ends it (and the other store's too).
    submit(&mut class, 2, Command::EndDay);
    assert_eq!(class.tables()[0].session().map(tradeport::sim::Session::day), Some(1));
    submit(&mut class, 3, Command::EndDay);
    assert!(
        class
            .tables()
            .iter()
            .all(|t| t.session().map(tradeport::sim::Session::day) == Some(2))
    );
    class.end();
    let reports = class.collect_reports();
    let (li, wang) = (&reports[0].1, &reports[1].1);
    assert_eq!(li.claims, wang.claims, "one store, one report");
    let own = |f: &ReportFile| {
        f.team
            .as_ref()
            .map(|team| (team.members.len(), team.own_commands.clone()))
    };
    assert_eq!(own(li), Some((2, vec![0])));
    assert_eq!(own(wang), Some((2, vec![1])));
    for (student, file) in &reports {
        let parsed = ReportFile::parse(&file.to_text()).unwrap_or_else(|e| panic!("{e}"));
        let problems = parsed.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
    }
    // Who did what survives a restart of the host.
    let resumed = Class::resume(Arc::clone(&scenario), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.tables()[0].given_by(), class.tables()[0].given_by());
    assert_eq!(resumed.team_size(), 2);
}

#[test]
fn a_store_s_standing_in_two_markets_of_one_currency_adds_up() {
    use tradeport::sim::marketplace::Standing;
    let standing = |profit: i64, ad_spend: i64, ad_sales: i64, rating: Option<u16>, reviews: u32| Standing {
        store: 0,
        profit,
        sales: 10_000,
        orders: 10,
        ad_spend,
        ad_sales,
        acos: None,
        rating_tenths: rating,
        reviews,
        listings: Vec::new(),
    };
    let both = standing(1_000, 500, 2_000, Some(40), 3).merged(standing(-300, 500, 0, Some(50), 1));
    assert_eq!(
        (both.profit, both.orders, both.ad_spend, both.ad_sales),
        (700, 20, 1_000, 2_000)
    );
    assert_eq!(
        both.acos,
        Some(tradeport::sim::BasisPoints(5_000)),
        "1,000 spent over 2,000 sold"
    );
    assert_eq!(
        (both.rating_tenths, both.reviews),
        (Some(42), 4),
        "(3 × 4.0 + 5.0) / 4 = 4.25"
    );
    let none = standing(0, 0, 0, None, 0).merged(standing(0, 0, 0, None, 0));
    assert_eq!((none.acos, none.rating_tenths), (None, None));
}

#[test]
fn a_student_cannot_give_the_market_s_day_nor_claim_the_market_s_seat() {
    use tradeport::class::{Class, Refusal, Token};
    let mut class = Class::new(scenario());
    let t = Token::from_bytes([7; 16]);
    class
        .join("Li Na", "2026001", t.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    let forged = Command::MarketDay(Vec::new());
    assert!(matches!(
        class.submit(&t, "company", forged.clone()),
        Err(Refusal::Rule(RuleError::NotThisSeat(_)))
    ));
    assert!(matches!(
        class.submit(&t, "market", forged),
        Err(Refusal::NotYourSeat(_))
    ));
    let store = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    assert!(store.commands().is_empty(), "nothing was applied");
    assert_eq!(store.day(), 1);
}

#[test]
fn stores_with_equal_listings_take_turns_at_the_higher_place() {
    // On the first day three equal listings rank exactly equal: which store shoppers meet
    // first must not always be the same one (the first to join), or it gets ahead for good.
    let scenario = scenario();
    let mut leaders = std::collections::BTreeSet::new();
    for seed in 1..=8 {
        let mut market = SharedMarket::open(&scenario, 3, seed, PlayMode::Practice);
        for store in 0..3 {
            apply(&mut market, store, publish(1_249, 0, 0));
        }
        market.end_day();
        let clicks: Vec<u32> = market
            .stores()
            .iter()
            .map(|s| {
                let store = s.store_desk().store(MARKET).unwrap_or_else(|| panic!("no store"));
                let own = store.student[0].id.0 as usize;
                store
                    .history
                    .last()
                    .and_then(|(_, day)| day.listings.get(own))
                    .map_or(0, |l| l.clicks)
            })
            .collect();
        let best = clicks.iter().copied().max().unwrap_or(0);
        assert!(best > 0, "seed {seed}: {clicks:?}");
        leaders.extend(clicks.iter().enumerate().filter(|(_, c)| **c == best).map(|(i, _)| i));
    }
    assert!(leaders.len() > 1, "the same store led every first day: {leaders:?}");
}

/// The instructor's feed names a listing's shipping option by its name in the reader's language
/// (it showed the option's id), and the rest of the line in that language too.
#[test]
fn the_feed_names_a_listings_shipping_option_in_the_readers_language() {
    use tradeport::i18n::{Catalogue, Language};
    use tradeport::sim::said::Fact;
    let class = a_market_class_played_by_bots();
    let listed: Vec<_> = class
        .feed(usize::MAX)
        .into_iter()
        .filter(|line| line.what.is("feed-listed"))
        .collect();
    assert!(!listed.is_empty(), "the bots list their products");
    for line in &listed {
        let Some(Fact::Written(name)) = line.what.fact("shipping") else {
            panic!("{:?}", line.what)
        };
        let chinese = Catalogue::new(Language::Chinese).say(&line.what);
        assert!(chinese.starts_with("上架") && chinese.contains(&name.zh), "{chinese}");
        assert!(Catalogue::new(Language::English).say(&line.what).contains(&name.en));
    }
}
