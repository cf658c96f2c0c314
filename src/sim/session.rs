//! A play session: a router of commands to the desks that own each activity, and the clock
//! that advances the scenario's days. Advanced only by explicit commands.
//!
//! Each desk (`session/talks.rs`, `customs.rs`, `documents.rs`, `store.rs`, `shop.rs`,
//! `letters.rs`) owns its state, applies its commands and records what happened; they share the
//! [`World`]: the clock, cash and ledger, reputation, rates, inbox and the one random stream.
//! `Session::apply` validates a command first and changes nothing when it returns an error.
//! All randomness comes from the world's `ChaCha8Rng`, seeded from the scenario (or an
//! override), so the same scenario, seed and command log always give the same session.

use std::collections::BTreeMap;
use std::sync::Arc;

use rand::RngExt;

use super::scenario::{Effect, Scenario};

mod command;
mod customs;
mod documents;
mod event;
mod letters;
mod seats;
mod shop;
mod store;
mod talks;
mod world;

pub use command::{Command, INSTRUCTOR_SEAT, MARKET_SEAT};
pub use customs::{CustomsDesk, CustomsView};
pub use documents::{DocumentsDesk, DocumentsView};
pub use event::{Account, Event, LedgerEntry, Message, MessageId, PlayMode, RuleError};
pub use letters::{LettersDesk, LettersView};
pub use shop::{ShopDesk, ShopView};
pub use store::{StoreDesk, StoreView};
pub use talks::TalksDesk;
pub use world::World;

/// A running scenario. Not `Clone`: the RNG state is not meant to be forked; replay the
/// command log instead.
#[derive(Debug)]
pub struct Session {
    world: World,
    talks: TalksDesk,
    documents: DocumentsDesk,
    customs: CustomsDesk,
    store: StoreDesk,
    shop: ShopDesk,
    letters: LettersDesk,
    /// How often each random event has fired, by id.
    random_fired: BTreeMap<String, u32>,
    timeline: Vec<(u32, Event)>,
    commands: Vec<Command>,
    /// The seat each logged command came from. Today it is always the seat whose turn it
    /// was ([`Session::acting_seat`]), so a save's log (commands only) replays to the same
    /// seats and reads as it always has.
    seats: Vec<String>,
    /// Two students share the machine: they play both sides of every negotiation.
    hotseat: bool,
    mode: PlayMode,
}

impl Session {
    /// Starts on day 1 with the scenario's seed (or `seed_override`); day-1 events happen at once.
    /// AI counterparts play the other side of every negotiation.
    pub fn new(scenario: Arc<Scenario>, seed_override: Option<u64>) -> Self {
        Self::start(scenario, seed_override, false)
    }

    /// Like [`Session::new`], but a second student plays the other side of every negotiation.
    pub fn new_hotseat(scenario: Arc<Scenario>, seed_override: Option<u64>) -> Self {
        Self::start(scenario, seed_override, true)
    }

    /// [`Session::new_hotseat`] when `hotseat`, otherwise [`Session::new`] (for callers that
    /// read the mode from a save or a class).
    pub fn start(scenario: Arc<Scenario>, seed_override: Option<u64>, hotseat: bool) -> Self {
        let seed = seed_override.unwrap_or_else(|| scenario.seed());
        let world = World::start(scenario, seed);
        let shop = ShopDesk::open(&world);
        let mut session = Self {
            world,
            talks: TalksDesk::default(),
            documents: DocumentsDesk::default(),
            customs: CustomsDesk::default(),
            store: StoreDesk::default(),
            shop,
            letters: LettersDesk::default(),
            random_fired: BTreeMap::new(),
            timeline: Vec::new(),
            commands: Vec::new(),
            seats: Vec::new(),
            hotseat,
            mode: PlayMode::Practice,
        };
        let mut events = vec![Event::DayStarted {
            day: 1,
            date: session.world.date(),
        }];
        session.run_day_events(&mut events);
        session.talks = TalksDesk::open(&mut session.world, hotseat, &mut events);
        session.store = StoreDesk::open(&session.world);
        session.record(events);
        session
    }

    /// Applies `command` from the seat whose turn it is ([`Session::acting_seat`]).
    ///
    /// # Errors
    /// [`RuleError`] when the command is not allowed now; nothing has changed then.
    pub fn apply(&mut self, command: Command) -> Result<Vec<Event>, RuleError> {
        let seat = self.acting_seat(&command);
        self.apply_as(&seat, command)
    }

    /// Validates `command` and that `seat` may give it, then hands it to the desk that owns it
    /// and logs it with the seat.
    ///
    /// # Errors
    /// [`RuleError`] when the command is not allowed now or not from this seat; nothing has
    /// changed then.
    pub fn apply_as(&mut self, seat: &str, command: Command) -> Result<Vec<Event>, RuleError> {
        if self.world.finished {
            return Err(RuleError::ScenarioOver);
        }
        // Commands come from forms, saves and (in class) the network: bound every number and
        // text before any rule looks at them.
        if let Some(problem) = crate::scenario::limits::command_said(&command) {
            return Err(RuleError::Limit(Box::new(problem)));
        }
        self.check_seat(seat, &command)?;
        let world = &mut self.world;
        let events = match &command {
            Command::EndDay => self.end_day(),
            Command::FireEvent { event } => self.fire_event(event)?,
            Command::MarketDay(results) => self.market_day(results)?,
            Command::MarkRead(id) => world.mark_read(*id)?,
            Command::FinishEarly => {
                world.finished = true;
                world.ended_early = true;
                vec![Event::ScenarioEnded { day: world.day }]
            }
            Command::SubmitClassification { sku, chosen } => self.customs.classify(world, sku, chosen)?,
            Command::SubmitDeclaration { task, form } => {
                let case = CustomsDesk::declaration_case(&world.scenario, task, |t| self.talks.contract(t));
                self.customs.declare(world, task, case, form)?
            }
            Command::MakeOffer { task, options, note } => {
                let mut events = self.talks.offer(world, task, options, note)?;
                // The AI may have accepted at once.
                self.sign_if_agreed(task, &mut events);
                events
            }
            Command::AcceptOffer { task } => {
                let mut events = self.talks.accept(world, task)?;
                self.sign_if_agreed(task, &mut events);
                events
            }
            Command::WalkAway { task } => self.talks.walk_away(world, task)?,
            Command::GuessStrategy { task, guess } => self.talks.guess_strategy(task, *guess)?,
            Command::BookShipment { task } => self.documents.book_shipment(world, task, self.talks.contract(task))?,
            Command::PresentDocuments { task, form } => {
                let clearance = self.customs.export_clearance(world, task);
                self.documents
                    .present(world, task, self.talks.contract(task), clearance, form)?
            }
            Command::PublishListing {
                market,
                sku,
                text,
                terms,
            } => self.store.publish(world, market, sku, text, terms)?,
            Command::StartDeal {
                market,
                sku,
                discount,
                days,
            } => self.store.start_deal(world, market, sku, *discount, *days)?,
            Command::StartCoupon {
                market,
                sku,
                discount,
                budget,
                days,
            } => self.store.start_coupon(world, market, sku, *discount, *budget, *days)?,
            Command::BookInfluencer {
                market,
                sku,
                influencer,
            } => self.store.book_influencer(world, market, sku, influencer)?,
            Command::SubmitCostSheet { market, sku, sheet } => self.store.file_cost_sheet(world, market, sku, sheet)?,
            Command::ReplyToLetter { task, choices, note } => {
                self.letters.reply(world, self.store.stores(), task, choices, note)?
            }
            Command::WriteLetterReply { task, text } => {
                self.letters.reply_written(world, self.store.stores(), task, text)?
            }
            Command::ListItem { .. }
            | Command::ReplyToOffer { .. }
            | Command::AnswerQuestion { .. }
            | Command::ResolveDispute { .. }
            | Command::PostParcel { .. }
            | Command::EstimatePurchase { .. }
            | Command::BidAbroad { .. }
            | Command::BuyFromClassmate { .. }
            | Command::RateClassmate { .. }
            | Command::ClassmateTrades(_) => self.shop.apply(world, &command)?,
        };
        self.log(seat, command, events.clone());
        Ok(events)
    }

    /// An agreed negotiation becomes a sales contract; what the buyer pays at signing is received.
    fn sign_if_agreed(&mut self, task: &str, events: &mut Vec<Event>) {
        if let Some(upfront) = self.talks.sign_if_agreed(&self.world, task, events) {
            self.documents.receive_payment(&mut self.world, task, upfront, events);
        }
    }

    /// Ends today: on the last day the scenario ends; otherwise the next day starts and every
    /// desk runs it, in a fixed order.
    fn end_day(&mut self) -> Vec<Event> {
        let mut events = match self.day_before_stores() {
            Ok(events) => events,
            Err(ended) => return ended,
        };
        let world = &mut self.world;
        self.store.run_day(world, &mut events);
        self.shop.run_day(world, &mut events);
        events
    }

    /// Ends today up to the stores' day: the next day starts and every other desk runs it.
    /// `Err` with the events when today was the scenario's last day (it has ended).
    fn day_before_stores(&mut self) -> Result<Vec<Event>, Vec<Event>> {
        let world = &mut self.world;
        if world.day >= world.scenario.length_days() {
            world.finished = true;
            return Err(vec![Event::ScenarioEnded { day: world.day }]);
        }
        world.day += 1;
        let mut events = vec![Event::DayStarted {
            day: world.day,
            date: world.date(),
        }];
        self.customs.release_due(world.day, &mut events);
        world.drift_rates(&mut events);
        self.run_day_events(&mut events);
        let world = &mut self.world;
        if !self.hotseat {
            self.talks.lose_patience(world, &mut events);
        }
        let (talks, hotseat) = (&mut self.talks, self.hotseat);
        self.letters
            .lapse_unanswered(world, &mut events, |world, writer, events| {
                if !hotseat {
                    talks.buyer_went_elsewhere(world, writer, events);
                }
            });
        self.documents.collect_receivables(world, &mut events);
        Ok(events)
    }

    /// A shared marketplace's end of day (`Command::MarketDay`): as `EndDay`, but each
    /// marketplace's store day is the one the whole market ran. Checked before anything
    /// changes: a result for every store this session has, and none for another.
    fn market_day(&mut self, results: &[crate::sim::market::SharedDayResult]) -> Result<Vec<Event>, RuleError> {
        let ends_today = self.world.day >= self.world.scenario.length_days();
        let stores = self.store.stores();
        let fits = results.len() == stores.len()
            && results
                .iter()
                .all(|r| stores.get(&r.market).is_some_and(|s| s.check_shared_day(r).is_ok()));
        if !ends_today && !fits {
            return Err(RuleError::OutOfRange(
                "the market's day does not fit this store's listings".to_string(),
            ));
        }
        let mut events = match self.day_before_stores() {
            Ok(events) => events,
            Err(ended) => return Ok(ended),
        };
        let world = &mut self.world;
        self.store.before_shared_day(world);
        for result in results {
            if let Some(store) = self.store.stores_mut().get_mut(&result.market) {
                store.take_shared_day(world.day, result);
            }
        }
        self.store.after_shared_day(world, &mut events);
        self.shop.run_day(world, &mut events);
        Ok(events)
    }

    /// The online stores by market, as a shared marketplace works out their day from them.
    pub(crate) fn stores_by_market(&self) -> &BTreeMap<String, crate::sim::market::Store> {
        self.store.stores()
    }

    /// A market's shoppers on the next day and its price elasticity (see the store desk).
    pub(crate) fn market_demand_tomorrow(&self, market: &str) -> Option<(u32, f64)> {
        let def = self.world.scenario.markets().iter().find(|m| m.id == market)?;
        let store = self.store.stores().get(market)?;
        Some(store::market_demand(def, store, self.world.date_of(self.world.day + 1)))
    }

    /// Logs an accepted command from `seat` with its events.
    fn log(&mut self, seat: &str, command: Command, events: Vec<Event>) {
        self.commands.push(command);
        self.seats.push(seat.to_string());
        self.record(events);
    }

    /// Scheduled events of today, then random ones in id order (a fixed order keeps runs equal).
    fn run_day_events(&mut self, events: &mut Vec<Event>) {
        let scenario = Arc::clone(&self.world.scenario);
        let today = self.world.day;
        for e in scenario.scheduled_events().iter().filter(|e| e.day == today) {
            self.run_effect(&e.effect, events);
        }
        let mut random: Vec<_> = scenario.random_events().iter().collect();
        random.sort_by(|a, b| a.id.cmp(&b.id));
        for e in random {
            let fired = self.random_fired.get(&e.id).copied().unwrap_or(0);
            if today < e.from_day || today > e.to_day || fired >= e.max_times {
                continue;
            }
            // Always draw, so one event's window does not shift the others' luck.
            let roll = self.world.rng.random_range(0..10_000i64);
            if roll < e.daily_chance.0 {
                self.random_fired.insert(e.id.clone(), fired + 1);
                self.run_effect(&e.effect, events);
            }
        }
    }

    /// The instructor fires the scenario's random event `id` now; it counts as one of its
    /// `max_times`. Validated first: nothing changes on error.
    fn fire_event(&mut self, id: &str) -> Result<Vec<Event>, RuleError> {
        let scenario = Arc::clone(&self.world.scenario);
        let event = scenario
            .random_events()
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| RuleError::NoSuchEvent(crate::escape::printable(id, 40)))?;
        let fired = self.random_fired.get(id).copied().unwrap_or(0);
        if fired >= event.max_times {
            return Err(RuleError::EventSpent(event.id.clone()));
        }
        self.random_fired.insert(event.id.clone(), fired + 1);
        let mut events = Vec::new();
        self.run_effect(&event.effect, &mut events);
        Ok(events)
    }

    /// A scenario event: a buyer's question goes to the shop desk, the rest change the world.
    fn run_effect(&mut self, effect: &Effect, events: &mut Vec<Event>) {
        let world = &mut self.world;
        match effect {
            Effect::Message { from, subject, body } => {
                world.deliver(from.clone(), subject.clone(), body.clone(), None, events);
            }
            Effect::Question {
                from,
                sku,
                topics,
                subject,
                body,
            } => self.shop.ask_question(world, from, sku, topics, subject, body, events),
            Effect::ExchangeRateShock { currency, change } => world.move_rate(*currency, *change, events),
            Effect::CashChange { money, reason } => world.change_cash(*money, reason, events),
            Effect::ReputationChange { delta, reason } => world.change_reputation(*delta, reason, events),
        }
    }

    fn record(&mut self, events: Vec<Event>) {
        let day = self.world.day;
        self.timeline.extend(events.into_iter().map(|e| (day, e)));
    }

    /// The same session in `mode` (chosen before the first day is played).
    pub fn with_mode(mut self, mode: PlayMode) -> Self {
        self.mode = mode;
        self
    }
    pub fn mode(&self) -> PlayMode {
        self.mode
    }
    /// Whether two students share the machine, playing both sides of each negotiation.
    pub fn is_hotseat(&self) -> bool {
        self.hotseat
    }
    pub fn seed(&self) -> u64 {
        self.world.seed
    }
    pub fn is_finished(&self) -> bool {
        self.world.finished
    }
    /// Finished by the player's choice before the last day ended.
    pub fn ended_early(&self) -> bool {
        self.world.ended_early
    }
    /// Every event so far, with the day it happened.
    pub fn timeline(&self) -> &[(u32, Event)] {
        &self.timeline
    }
    /// The commands accepted so far, in order: the log a save keeps.
    pub fn commands(&self) -> &[Command] {
        &self.commands
    }
    /// The seat each command of [`Session::commands`] came from.
    pub fn command_seats(&self) -> &[String] {
        &self.seats
    }

    pub fn scenario(&self) -> &Scenario {
        &self.world.scenario
    }
    /// The scenario, shared (to start another session on it, like the AI expert's).
    pub fn shared_scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.world.scenario)
    }
    /// Current day, 1-based.
    pub fn day(&self) -> u32 {
        self.world.day
    }
    pub fn date(&self) -> crate::sim::Date {
        self.world.date()
    }

    /// What the desks recorded, each read through its own narrow view: grading, the expert,
    /// reports and the screens read these, never the desks' insides.
    ///
    /// The shared world: scenario, clock, cash, ledger, reputation, rates and inbox.
    pub fn world(&self) -> &World {
        &self.world
    }
    /// Negotiations and the contracts they ended in.
    pub fn talks_desk(&self) -> &TalksDesk {
        &self.talks
    }
    /// Sailings, shipping documents, export proceeds and the profit sheets.
    pub fn documents_desk(&self) -> DocumentsView<'_> {
        DocumentsView {
            desk: &self.documents,
            talks: &self.talks,
            world: &self.world,
        }
    }
    /// Classifications, declarations and releases.
    pub fn customs_desk(&self) -> CustomsView<'_> {
        CustomsView {
            desk: &self.customs,
            talks: &self.talks,
            world: &self.world,
        }
    }
    /// The online stores, cost sheets and margins.
    pub fn store_desk(&self) -> StoreView<'_> {
        StoreView {
            desk: &self.store,
            world: &self.world,
        }
    }
    /// The C2C shop and its calculators.
    pub fn shop_desk(&self) -> ShopView<'_> {
        ShopView {
            desk: &self.shop,
            world: &self.world,
        }
    }
    /// Letters and their answers.
    pub fn letters_desk(&self) -> LettersView<'_> {
        LettersView {
            desk: &self.letters,
            world: &self.world,
            stores: self.store.stores(),
        }
    }
}
