//! A class as the instructor's PC runs it (issue 18): students join with a name and a student
//! number, get a seat at a table and a secret token, and every command they send is checked
//! against the token, the seat and the rules before the table's session applies it. Each table
//! is one session of the scenario: a student at its company's seat, and a second student at its
//! counterparts' seat or the AI there. No networking here: the transport (the `gui` build's
//! replicon layer) hands messages in and takes the answers out, so the host's rules are tested
//! without sockets.

pub mod ai_seat;
pub mod bot;
pub mod classmates;
pub mod code;
pub mod dashboard;
pub mod discovery;
pub mod leaderboard;
pub mod mirror;
pub mod package;
pub mod record;
pub mod token;
pub mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::sim::marketplace::MarketClock;
use crate::sim::terms::SeatPlays;
use crate::sim::{Command, Event, RuleError, Scenario, Session};
pub use token::Token;

/// Longest name or student number a student may enter, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Most students in one class.
pub const MAX_STUDENTS: usize = 200;
/// Most students holding one seat as a team.
pub const MAX_TEAM: usize = 3;
/// Refused messages kept for the instructor (the oldest are dropped).
pub const MAX_REFUSALS_KEPT: usize = 1_000;

/// Index of a student in the class, in join order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct StudentId(pub u32);

/// A student who joined.
#[derive(Debug, Clone)]
pub struct Student {
    pub id: StudentId,
    pub name: String,
    pub number: String,
    token: Token,
    /// The table and the seat there.
    pub table: usize,
    pub seat: String,
}

impl Student {
    /// The student's token, for the host to match connections (never sent to anyone else).
    pub fn token_for_host(&self) -> &Token {
        &self.token
    }
}

/// One session of the scenario and who sits at its seats.
#[derive(Debug)]
pub struct Table {
    /// The seats people may take, each with the students holding it (a team of up to the
    /// class's team size; empty: nobody, or the AI).
    seats: BTreeMap<String, Vec<StudentId>>,
    /// Who gave each student's command: (its index in the session's log, the student).
    by: Vec<(usize, StudentId)>,
    /// Created when the class starts: on hotseat rules whenever the table has a counterparts'
    /// seat, so that every move (the AI's too) is a command in its log.
    session: Option<Session>,
    /// The counterparts' seat the AI took at the start (nobody had), and its negotiators.
    ai_seat: Option<String>,
    ai: Vec<ai_seat::AiSeat>,
    /// The counterparts' seat the AI holds while its student's PC is away (the scenario's
    /// `away_seat: AiHolds`), with the negotiators in `ai`.
    holding: Option<String>,
}

impl Table {
    /// A table of `seat_ids`, not started.
    fn new(seat_ids: &[String]) -> Self {
        Self {
            seats: seat_ids.iter().map(|s| (s.clone(), Vec::new())).collect(),
            by: Vec::new(),
            session: None,
            ai_seat: None,
            ai: Vec::new(),
            holding: None,
        }
    }

    /// The seat the AI plays, if any.
    pub fn ai_seat(&self) -> Option<&str> {
        self.ai_seat.as_deref()
    }

    /// The commands given at the table from the `from`th on, with their seats.
    fn log(&self, from: usize) -> Vec<(String, Command)> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let seats = session.command_seats().iter().skip(from).cloned();
        seats.zip(session.commands().iter().skip(from).cloned()).collect()
    }

    /// Lets the AI answer until it is a person's turn again; returns the events of its moves.
    fn run_ai(&mut self) -> Vec<Event> {
        let seat = self.ai_seat.as_deref().or(self.holding.as_deref());
        let (Some(session), Some(seat)) = (self.session.as_mut(), seat) else {
            return Vec::new();
        };
        let mut events = Vec::new();
        for ai in &mut self.ai {
            // Each move passes the turn or ends the talks: a negotiation has few rounds.
            for _ in 0..crate::sim::scenario::negotiation::MAX_OPTIONS * 4 {
                let Some(command) = ai.next_command(session) else {
                    break;
                };
                match session.apply_as(seat, command) {
                    Ok(mut more) => events.append(&mut more),
                    Err(_) => break,
                }
            }
        }
        events
    }
    pub fn seats(&self) -> &BTreeMap<String, Vec<StudentId>> {
        &self.seats
    }

    /// Which student gave each of the students' commands: (index in the table's log, who).
    pub fn given_by(&self) -> &[(usize, StudentId)] {
        &self.by
    }
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }
}

/// Why the host refused a join.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    #[error("the instructor has closed the class to new students")]
    Locked,
    #[error("the class has started")]
    Started,
    #[error("the class is full ({MAX_STUDENTS} students)")]
    Full,
    #[error("enter a name and a student number of 1 to {MAX_NAME_CHARS} characters")]
    BadName,
}

/// Why the host refused a student's command; the class is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no student holds this token")]
    UnknownToken,
    #[error("the class has not started")]
    NotStarted,
    #[error("the instructor has paused the class")]
    Paused,
    #[error("seat `{0}` is not this student's")]
    NotYourSeat(String),
    #[error("that is your own shop")]
    OwnShop,
    #[error("that listing is not open")]
    ListingNotOpen,
    #[error(transparent)]
    Rule(#[from] RuleError),
}

impl Refusal {
    /// Why, in the reader's language (the `Display` text is the English one logs keep).
    pub fn said(&self) -> crate::sim::said::Said {
        use crate::sim::said::Said;
        match self {
            Refusal::UnknownToken => Said::new("class-refused-token"),
            Refusal::NotStarted => Said::new("class-refused-not-started"),
            Refusal::Paused => Said::new("class-refused-paused"),
            Refusal::NotYourSeat(seat) => Said::new("class-refused-seat").with("seat", seat.as_str()),
            Refusal::OwnShop => Said::new("class-refused-own-shop"),
            Refusal::ListingNotOpen => Said::new("refused-listing-closed"),
            Refusal::Rule(e) => e.said(),
        }
    }
}

/// Why the instructor could not move a student; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    #[error("seats are assigned before the class starts")]
    Started,
    #[error("that student is not in the class")]
    NoStudent,
    #[error("the tables have no seat `{0}`")]
    NoSeat(String),
    #[error("there is no table {0}")]
    NoTable(usize),
    #[error("a table's company seat must be taken before anyone else sits there (a student always plays the company)")]
    CompanyEmpty,
}

/// A refused message, for the instructor's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusalRecord {
    /// The student, when the token was known.
    pub student: Option<StudentId>,
    pub refusal: Refusal,
}

/// The host's class.
#[derive(Debug)]
pub struct Class {
    scenario: Arc<Scenario>,
    /// The seats a person may take at each table: the company's, and the counterparts' when
    /// the scenario has a negotiation for them to play.
    seat_ids: Vec<String>,
    students: Vec<Student>,
    tables: Vec<Table>,
    locked: bool,
    paused: bool,
    /// Students who ended today and wait for the others.
    ready: std::collections::BTreeSet<StudentId>,
    /// Students the instructor removed (their tokens hold nothing).
    removed: std::collections::BTreeSet<StudentId>,
    refusals: Vec<RefusalRecord>,
    /// Practice or exam, for every table (hints and calculators off in an exam).
    mode: crate::sim::session::PlayMode,
    /// A class of a scenario with a marketplace: every table is a store in one shared market,
    /// whose shoppers' stream this is (from the start).
    market: Option<MarketClock>,
    /// The shared market's standings, and whether something changed since they were worked out.
    standings: leaderboard::Standings,
    standings_stale: bool,
    /// Students a seat takes (a team of 1 to [`MAX_TEAM`], the instructor's choice).
    team_size: usize,
}

impl Class {
    /// The class in exam mode (or practice): every table's session and report says so.
    /// Set before the start; a started table keeps its mode.
    pub fn with_mode(mut self, mode: crate::sim::session::PlayMode) -> Self {
        self.mode = mode;
        self
    }

    pub fn mode(&self) -> crate::sim::session::PlayMode {
        self.mode
    }

    /// A class of `scenario`, open for joining.
    pub fn new(scenario: Arc<Scenario>) -> Self {
        let mut class = Self::unseated(scenario);
        class.refresh_standings();
        class
    }

    /// A class of `scenario` with nobody in it yet.
    fn unseated(scenario: Arc<Scenario>) -> Self {
        let negotiates = scenario.tasks().iter().any(|t| t.negotiation.is_some());
        let seat_ids = scenario
            .seats()
            .iter()
            .filter(|s| s.plays == SeatPlays::Company || negotiates)
            .map(|s| s.id.clone())
            .collect();
        Self {
            scenario,
            seat_ids,
            students: Vec::new(),
            tables: Vec::new(),
            locked: false,
            paused: false,
            ready: std::collections::BTreeSet::new(),
            removed: std::collections::BTreeSet::new(),
            refusals: Vec::new(),
            mode: crate::sim::session::PlayMode::Practice,
            market: None,
            standings: leaderboard::Standings::default(),
            standings_stale: true,
            team_size: 1,
        }
    }

    /// The class with teams of `size` students (1 to [`MAX_TEAM`]) at each seat: joining fills a
    /// seat's team before the next seat. Set before anyone joins.
    pub fn with_team_size(mut self, size: usize) -> Self {
        self.team_size = size.clamp(1, MAX_TEAM);
        self
    }

    pub fn team_size(&self) -> usize {
        self.team_size
    }

    /// The students holding `student`'s seat with them (in join order, themselves included).
    pub fn team_of(&self, student: StudentId) -> Vec<&Student> {
        let Some(s) = self.students.get(student.0 as usize) else {
            return Vec::new();
        };
        self.present()
            .filter(|o| o.table == s.table && o.seat == s.seat)
            .collect()
    }

    /// Whether the class's tables are stores or shops in one shared market (the scenario has a
    /// storefront or an auction site): their days are one market day, where they compete for
    /// the same shoppers, and (C2C) buy from each other.
    pub fn shares_market(&self) -> bool {
        self.scenario
            .markets()
            .iter()
            .any(|m| m.storefront.is_some() || m.auction_site.is_some())
    }

    /// Whether the class's shops trade with each other (the scenario has an auction site).
    pub fn trades_between_shops(&self) -> bool {
        self.scenario.markets().iter().any(|m| m.auction_site.is_some())
    }

    /// The classmates' shops as the student at `table` sees them (a class of a C2C scenario).
    fn classmates_view(&self, table: usize) -> Option<classmates::ClassmatesView> {
        if !self.trades_between_shops() {
            return None;
        }
        let own = self.store_index(table)?;
        let standings = self.current_standings();
        classmates::classmates_view(&self.shops_with_names(), own, &standings.classmates)
    }

    /// Every sale between the class's shops, for the dashboard; `None` in a class without an
    /// auction site.
    pub fn classmate_trades(&self) -> Option<Vec<classmates::TradeRow>> {
        self.trades_between_shops()
            .then(|| classmates::trades_between(&self.shops_with_names()))
    }

    /// The started tables' sessions in market order, each with its students' names.
    fn shops_with_names(&self) -> Vec<(&Session, String)> {
        self.tables
            .iter()
            .enumerate()
            .filter_map(|(t, tab)| {
                let names: Vec<&str> = self
                    .present()
                    .filter(|s| s.table == t)
                    .map(|s| s.name.as_str())
                    .collect();
                Some((tab.session.as_ref()?, names.join(", ")))
            })
            .collect()
    }

    /// A move on a classmate's listing, checked against the seller's shop now (it is taken when
    /// the day ends, when the listing may have changed): another shop of the class, a listing
    /// still open.
    fn check_classmate_move(&self, table: usize, command: &Command) -> Result<(), Refusal> {
        let Command::BuyFromClassmate { shop, listing, .. } = command else {
            return Ok(());
        };
        if self.store_index(table) == Some(*shop as usize) {
            return Err(Refusal::OwnShop);
        }
        let seller = self
            .tables
            .iter()
            .filter_map(|t| t.session.as_ref())
            .nth(*shop as usize);
        let open = seller
            .and_then(|s| s.shop_desk().shop())
            .and_then(|s| s.listings.get(*listing as usize))
            .is_some_and(|l| l.status == crate::sim::c2c::ListingStatus::Live);
        if open { Ok(()) } else { Err(Refusal::ListingNotOpen) }
    }

    /// The stores of the shared market, in store order (every started table).
    pub(crate) fn market_stores(&self) -> Vec<&Session> {
        self.tables.iter().filter_map(|t| t.session.as_ref()).collect()
    }

    /// A started table's place among the shared market's stores.
    pub(crate) fn store_index(&self, table: usize) -> Option<usize> {
        self.tables.get(table)?.session.as_ref()?;
        Some(self.tables[..table].iter().filter(|t| t.session.is_some()).count())
    }

    /// Seats a new student at the first free seat (a new table when every table is full) and
    /// gives them the token that is their seat from now on.
    ///
    /// # Errors
    /// [`JoinError`] when the class is locked, started or full, or the name or number is
    /// empty or too long; nothing changes then.
    pub fn join(&mut self, name: &str, number: &str, token: Token) -> Result<(StudentId, Token), JoinError> {
        let fits = |s: &str| !s.trim().is_empty() && s.chars().count() <= MAX_NAME_CHARS;
        if !fits(name) || !fits(number) {
            return Err(JoinError::BadName);
        }
        if self.locked {
            return Err(JoinError::Locked);
        }
        if self.students.len() >= MAX_STUDENTS {
            return Err(JoinError::Full);
        }
        let id = StudentId(u32::try_from(self.students.len()).unwrap_or(u32::MAX));
        // Before the start, the first seat with room in its team; after it, only a seat its
        // students all left where a person plays (the AI keeps the counterparts' seats it took
        // at the start).
        let room = if self.is_started() { 1 } else { self.team_size };
        let free = self.tables.iter().enumerate().find_map(|(t, table)| {
            table
                .seats
                .iter()
                .find(|(seat, who)| who.len() < room && table.ai_seat.as_deref() != Some(seat.as_str()))
                .map(|(seat, _)| (t, seat.clone()))
        });
        let (table, seat) = match free {
            Some(found) => found,
            None if self.is_started() => return Err(JoinError::Started),
            None => {
                self.tables.push(Table::new(&self.seat_ids));
                let company = self.company_seat().to_string();
                (self.tables.len() - 1, company)
            }
        };
        if let Some(slot) = self.tables.get_mut(table).and_then(|t| t.seats.get_mut(&seat)) {
            slot.push(id);
        }
        self.students.push(Student {
            id,
            name: name.trim().to_string(),
            number: number.trim().to_string(),
            token: token.clone(),
            table,
            seat,
        });
        self.refresh_standings();
        Ok((id, token))
    }

    /// Before the start, the instructor moves a student to `seat` at `table` (the number of
    /// tables: a new table): they join its team when it has room, otherwise its last student
    /// takes the mover's old seat. Tables left empty are removed (the others keep their
    /// order). Validated first: nothing changes on error.
    ///
    /// # Errors
    /// [`AssignError`] after the start, for a student not in the class, a seat or table the
    /// class does not have, or a table that would have someone but nobody at its company seat.
    pub fn assign(&mut self, student: StudentId, table: usize, seat: &str) -> Result<(), AssignError> {
        if self.is_started() {
            return Err(AssignError::Started);
        }
        let from = self
            .present()
            .find(|s| s.id == student)
            .map(|s| (s.table, s.seat.clone()))
            .ok_or(AssignError::NoStudent)?;
        if !self.seat_ids.iter().any(|s| s == seat) {
            return Err(AssignError::NoSeat(crate::escape::printable(seat, 40)));
        }
        if table > self.tables.len() {
            return Err(AssignError::NoTable(table + 1));
        }
        let mut seating: Vec<BTreeMap<String, Vec<StudentId>>> = self.tables.iter().map(|t| t.seats.clone()).collect();
        if table == seating.len() {
            seating.push(self.seat_ids.iter().map(|s| (s.clone(), Vec::new())).collect());
        }
        if (table, seat) == (from.0, from.1.as_str()) {
            return Ok(());
        }
        if let Some(old) = seating.get_mut(from.0).and_then(|t| t.get_mut(&from.1)) {
            old.retain(|s| *s != student);
        }
        // A full team: its last student swaps places with the mover.
        let full = seating
            .get(table)
            .and_then(|t| t.get(seat))
            .is_some_and(|team| team.len() >= self.team_size);
        let swapped = if full {
            seating.get_mut(table).and_then(|t| t.get_mut(seat)).and_then(Vec::pop)
        } else {
            None
        };
        if let Some(slot) = seating.get_mut(table).and_then(|t| t.get_mut(seat)) {
            slot.push(student);
        }
        if let (Some(other), Some(old)) = (swapped, seating.get_mut(from.0).and_then(|t| t.get_mut(&from.1))) {
            old.push(other);
        }
        let company = self.company_seat().to_string();
        let taken = |t: &BTreeMap<String, Vec<StudentId>>| t.values().any(|team| !team.is_empty());
        if seating
            .iter()
            .any(|t| taken(t) && t.get(&company).is_none_or(Vec::is_empty))
        {
            return Err(AssignError::CompanyEmpty);
        }
        seating.retain(|t| taken(t));
        self.tables = seating
            .into_iter()
            .map(|seats| {
                let mut t = Table::new(&self.seat_ids);
                t.seats = seats;
                t
            })
            .collect();
        for (index, t) in self.tables.iter().enumerate() {
            for (seat, team) in &t.seats {
                for id in team {
                    if let Some(s) = self.students.get_mut(id.0 as usize) {
                        s.table = index;
                        s.seat = seat.clone();
                    }
                }
            }
        }
        self.refresh_standings();
        Ok(())
    }

    /// Starts every table's session: where nobody took the counterparts' seat, the AI takes
    /// it (and opens the talks if its side opens).
    pub fn start(&mut self) {
        let company = self.company_seat().to_string();
        let hotseat = self.tables_are_hotseat();
        for table in &mut self.tables {
            if table.session.is_some() {
                continue;
            }
            let session = table_session(&self.scenario, hotseat, self.mode);
            table.ai_seat = table
                .seats
                .iter()
                .find(|(seat, team)| team.is_empty() && **seat != company)
                .map(|(seat, _)| seat.clone());
            if table.ai_seat.is_some() {
                table.ai = ai_seat::AiSeat::for_table(&session);
            }
            table.session = Some(session);
            table.run_ai();
        }
        if self.shares_market() && self.market.is_none() {
            self.market = Some(MarketClock::new(self.scenario.seed()));
        }
        self.refresh_standings();
    }

    /// Pauses (or resumes) the class: while paused every student's command is refused.
    pub fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
    }
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// The instructor ends the day for every table (from its company's seat), paused or not.
    /// Returns each table's events; a table whose scenario is over is left as it is.
    pub fn advance_day(&mut self) -> Vec<Result<Vec<Event>, RuleError>> {
        let company = self.company_seat().to_string();
        self.ready.clear();
        if let Some(clock) = self.market.as_mut() {
            let mut stores: Vec<&mut Session> = self.tables.iter_mut().filter_map(|t| t.session.as_mut()).collect();
            let days = clock.end_day(&mut stores);
            let started = self.tables.iter_mut().filter(|t| t.session.is_some());
            let outcomes = started
                .zip(days)
                .map(|(table, day)| {
                    let mut events = day?;
                    events.append(&mut table.run_ai());
                    Ok(events)
                })
                .collect();
            self.refresh_standings();
            return outcomes;
        }
        self.tables
            .iter_mut()
            .filter(|t| t.session.is_some())
            .map(|table| {
                let day = table.session.as_mut().map(|s| s.apply_as(&company, Command::EndDay));
                let mut events = day.unwrap_or(Ok(Vec::new()))?;
                events.append(&mut table.run_ai());
                Ok(events)
            })
            .collect()
    }

    /// The instructor fires the scenario's random event `event` (an exchange-rate shock, a
    /// congested port…) at one table, or at every started table still running: in each
    /// table's log from the instructor's seat, so every PC following the table and every
    /// report's replay sees it. Returns each table tried with the outcome.
    pub fn fire_event(&mut self, table: Option<usize>, event: &str) -> Vec<(usize, Result<(), RuleError>)> {
        let mut outcomes = Vec::new();
        for (index, t) in self.tables.iter_mut().enumerate() {
            if table.is_some_and(|wanted| wanted != index) {
                continue;
            }
            let Some(session) = t.session.as_mut() else { continue };
            if session.is_finished() {
                continue;
            }
            let fired = session.apply_as(
                crate::sim::session::INSTRUCTOR_SEAT,
                Command::FireEvent {
                    event: event.to_string(),
                },
            );
            if fired.is_ok() {
                t.run_ai();
            }
            outcomes.push((index, fired.map(|_| ())));
        }
        self.refresh_standings();
        outcomes
    }

    /// The instructor ends the class now: every table still running finishes early (from its
    /// company's seat, in its log), so every report can be collected. Returns how many tables
    /// it ended.
    pub fn end(&mut self) -> usize {
        let company = self.company_seat().to_string();
        self.ready.clear();
        let mut ended = 0;
        for session in self.tables.iter_mut().filter_map(|t| t.session.as_mut()) {
            if !session.is_finished() && session.apply_as(&company, Command::FinishEarly).is_ok() {
                ended += 1;
            }
        }
        self.refresh_standings();
        ended
    }

    /// A student's PC went away (`true`: crashed, disconnected) or came back. Where the
    /// scenario says `away_seat: AiHolds`, the AI plays an away student's counterparts' seat
    /// (the same agent and strategy as an empty seat's, caught up on the talks so far) until
    /// they are back; otherwise, and always for a company's seat (its report grades the
    /// student's own work), the deal waits. Returns whether the AI took or gave back a seat.
    pub fn set_away(&mut self, student: StudentId, away: bool) -> bool {
        if self.scenario.away_seat() != crate::scenario::file::AwaySeat::AiHolds || self.removed.contains(&student) {
            return false;
        }
        let Some(s) = self.students.get(student.0 as usize) else {
            return false;
        };
        if s.seat == self.company_seat() {
            return false;
        }
        let seat = s.seat.clone();
        let Some(table) = self.tables.get_mut(s.table) else {
            return false;
        };
        let Some(session) = table.session.as_ref() else {
            return false;
        };
        match (away, table.holding.is_some()) {
            (true, false) => {
                let mut negotiators = ai_seat::AiSeat::for_table(session);
                for negotiator in &mut negotiators {
                    negotiator.catch_up(session);
                }
                table.ai = negotiators;
                table.holding = Some(seat);
                table.run_ai();
                true
            }
            (false, true) => {
                table.holding = None;
                table.ai.clear();
                true
            }
            _ => false,
        }
    }

    /// Whether the AI holds this student's seat while their PC is away.
    pub fn is_held_by_ai(&self, student: StudentId) -> bool {
        self.students
            .get(student.0 as usize)
            .and_then(|s| {
                self.tables
                    .get(s.table)
                    .map(|t| t.holding.as_deref() == Some(s.seat.as_str()))
            })
            .unwrap_or(false)
    }

    /// The instructor removes a student: their token no longer holds their seat, which waits
    /// for a new student (the deal waits meanwhile). Returns whether the student was seated.
    pub fn remove(&mut self, student: StudentId) -> bool {
        let Some(s) = self.students.get(student.0 as usize) else {
            return false;
        };
        if self.removed.contains(&student) {
            return false;
        }
        let slot = self.tables.get_mut(s.table).and_then(|t| t.seats.get_mut(&s.seat));
        if let Some(slot) = slot {
            slot.retain(|id| *id != student);
        }
        self.removed.insert(student);
        self.ready.remove(&student);
        self.refresh_standings();
        true
    }

    /// Students still in the class, in join order.
    pub fn present(&self) -> impl Iterator<Item = &Student> {
        self.students.iter().filter(|s| !self.removed.contains(&s.id))
    }

    /// Marks the student done for today; when every student is, the day ends at every table
    /// (and the student gets their own table's events). Until then, nothing happens.
    fn ready_for_tomorrow(&mut self, student: StudentId) -> Vec<Event> {
        self.ready.insert(student);
        // Every seat is waited for (a team's when one of its students has ended the day),
        // except one the AI holds.
        let seat_of = |s: &Student| (s.table, s.seat.clone());
        let waited_for: std::collections::BTreeSet<_> = self
            .present()
            .filter(|s| !self.is_held_by_ai(s.id) || self.ready.contains(&s.id))
            .map(seat_of)
            .collect();
        let ready: std::collections::BTreeSet<_> = self
            .present()
            .filter(|s| self.ready.contains(&s.id))
            .map(seat_of)
            .collect();
        if !waited_for.is_subset(&ready) {
            return Vec::new();
        }
        self.ready.clear();
        let table = self.students.get(student.0 as usize).map(|s| s.table);
        let days = self.advance_day();
        table
            .and_then(|t| days.into_iter().nth(t))
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// The id of the seat playing the company.
    pub fn company_seat(&self) -> &str {
        self.scenario
            .seats()
            .iter()
            .find(|s| s.plays == SeatPlays::Company)
            .map_or("", |s| s.id.as_str())
    }

    fn is_company_seat(&self, seat: &str) -> bool {
        self.company_seat() == seat
    }

    /// Closes (or reopens) the class to new students.
    pub fn set_locked(&mut self, locked: bool) {
        self.locked = locked;
    }

    pub fn is_locked(&self) -> bool {
        self.locked
    }
    pub fn is_started(&self) -> bool {
        self.tables.iter().any(|t| t.session.is_some())
    }

    /// The student holding `token`, compared in constant time against every student's.
    pub fn student_by_token(&self, token: &Token) -> Option<&Student> {
        let mut found = None;
        for student in &self.students {
            if student.token.same_as(token) && !self.removed.contains(&student.id) {
                found = Some(student);
            }
        }
        found
    }

    /// A student's command: applied by their table's session from their seat, or refused and
    /// logged with nothing changed.
    ///
    /// # Errors
    /// [`Refusal`] for an unknown token, a class not started, another student's seat, or a
    /// command the rules refuse (out of turn, out of range, not allowed now).
    pub fn submit(&mut self, token: &Token, seat: &str, command: Command) -> Result<Vec<Event>, Refusal> {
        let student = self.student_by_token(token).map(|s| (s.id, s.table, s.seat.clone()));
        let classmate_move = match &student {
            Some((_, table, _)) => self.check_classmate_move(*table, &command),
            None => Ok(()),
        };
        let outcome = match &student {
            None => Err(Refusal::UnknownToken),
            // The seat named is the client's text: kept short and printable in the log.
            Some((_, _, own)) if own != seat => Err(Refusal::NotYourSeat(crate::escape::printable(seat, 40))),
            Some(_) if self.paused => Err(Refusal::Paused),
            Some(_) if !self.is_started() => Err(Refusal::NotStarted),
            // The class keeps one calendar: a student's end of day waits for everyone's.
            Some((id, _, _)) if command == Command::EndDay => Ok(self.ready_for_tomorrow(*id)),
            Some(_) if classmate_move.is_err() => classmate_move.clone().map(|()| Vec::new()),
            Some((id, table, _)) => match self.tables.get_mut(*table) {
                Some(table) if table.session.is_some() => {
                    let index = table.session.as_ref().map_or(0, |s| s.commands().len());
                    let applied = table.session.as_mut().map(|s| s.apply_as(seat, command));
                    match applied {
                        Some(Ok(mut events)) => {
                            table.by.push((index, *id));
                            events.append(&mut table.run_ai());
                            if self.market.is_some() {
                                self.refresh_standings();
                            }
                            Ok(events)
                        }
                        Some(Err(e)) => Err(Refusal::from(e)),
                        None => Err(Refusal::NotStarted),
                    }
                }
                _ => Err(Refusal::NotStarted),
            },
        };
        if let Err(refusal) = &outcome {
            if self.refusals.len() >= MAX_REFUSALS_KEPT {
                self.refusals.remove(0);
            }
            self.refusals.push(RefusalRecord {
                student: student.map(|(id, _, _)| id),
                refusal: refusal.clone(),
            });
        }
        outcome
    }

    /// Whether the tables run on hotseat rules (the scenario has a counterparts' seat for a
    /// student or the class's AI).
    pub fn tables_are_hotseat(&self) -> bool {
        self.seat_ids.iter().any(|s| s != self.company_seat())
    }

    /// The seats a person may take at each table (the headless host starts when all of one
    /// table's are taken, by default).
    /// The seats people may take at each table.
    pub fn seat_ids(&self) -> Vec<String> {
        self.seat_ids.clone()
    }

    pub fn seat_ids_count(&self) -> usize {
        self.seat_ids.len()
    }

    /// How a company seat's PC starts following its table; `None` before the start.
    pub fn table_start(&self, table: usize) -> Option<mirror::TableStart> {
        let session = self.tables.get(table)?.session.as_ref()?;
        Some(mirror::TableStart {
            seed: session.seed(),
            hotseat: session.is_hotseat(),
            mode: session.mode(),
        })
    }

    /// The commands given at `table` from the `from`th on, with their seats.
    pub fn table_log(&self, table: usize, from: usize) -> Vec<(String, Command)> {
        self.tables.get(table).map_or_else(Vec::new, |t| t.log(from))
    }

    /// A new table's session, in the class's mode (see [`table_session`]).
    fn table_session(&self) -> Session {
        table_session(&self.scenario, self.tables_are_hotseat(), self.mode)
    }

    /// Whether every started table's scenario is over.
    pub fn is_over(&self) -> bool {
        self.is_started()
            && self
                .tables
                .iter()
                .filter_map(|t| t.session.as_ref())
                .all(Session::is_finished)
    }

    /// What the student holding `token` may see of their table (see [`view::seat_view`]).
    pub fn view_for(&self, token: &Token) -> Option<view::SeatView> {
        let student = self.student_by_token(token)?;
        let session = self.tables.get(student.table)?.session.as_ref()?;
        let mut view = view::seat_view(session, &student.seat)?;
        view.market = self.market_standing(student.table);
        view.classmates = self.classmates_view(student.table);
        Some(view)
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }
    pub fn students(&self) -> &[Student] {
        &self.students
    }
    pub fn tables(&self) -> &[Table] {
        &self.tables
    }
    /// Refused messages, oldest first (at most [`MAX_REFUSALS_KEPT`]).
    pub fn refusals(&self) -> &[RefusalRecord] {
        &self.refusals
    }
}

/// A class table's session: on hotseat rules when the tables have a counterparts' seat (a
/// student or the class's AI gives that seat's moves as commands), as single player
/// otherwise; decided by the scenario, never by a class file.
fn table_session(scenario: &Arc<Scenario>, hotseat: bool, mode: crate::sim::session::PlayMode) -> Session {
    Session::start(Arc::clone(scenario), None, hotseat).with_mode(mode)
}
