# cli.ftl: see src/i18n.rs

## src/sim/customs/landed_cost.rs: why each line of a landed cost has its amount
cli-lc-goods = { $quantity } × { $unit } ({ $description })
cli-lc-goods-converted = { $quantity } × { $unit } ({ $description }) at { $rate } { $currency } per { $invoice }
cli-lc-transport-added = { $incoterm } price, { $basis } customs value: { $what } added
cli-lc-transport-removed = { $incoterm } price, { $basis } customs value: { $what } removed
cli-lc-what-freight = freight
cli-lc-what-insurance = insurance
cli-lc-customs-value = customs value ({ $basis } basis, { $jurisdiction } valuation)
cli-lc-over-transaction-single = { $value } is over the { $limit } per-transaction limit: a single indivisible item pays full general-trade taxes
cli-lc-over-transaction = { $value } is over the { $limit } per-transaction limit: it cannot clear as cross-border retail: split the order or declare it under general trade; general-trade taxes shown
cli-lc-over-year-single = this order takes the buyer over the { $limit } yearly limit: a single indivisible item pays full general-trade taxes
cli-lc-over-year = this order takes the buyer over the { $limit } yearly limit: it cannot clear as cross-border retail: split the order or declare it under general trade; general-trade taxes shown
cli-lc-within-limits = within the { $transaction } per-transaction and { $year } yearly limits
cli-lc-de-minimis = intrinsic value { $value } is at or below { $threshold }: relieved of { $relief }
cli-lc-relief-duty = Duty
cli-lc-relief-vat = Vat
cli-lc-relief-duty-and-vat = DutyAndVat
cli-lc-vat-at-sale = intrinsic value { $value } is at or below { $threshold }: the seller or marketplace charges VAT at checkout
cli-lc-duty-relieved = no duty: de minimis relief
cli-lc-fixed-duty = { $amount } × { $count } distinct tariff subheading(s) ({ $subheadings }) for a consignment of intrinsic value up to { $limit }
cli-lc-duty-ad-valorem = HS { $hs }: { $percent } of { $value }
cli-lc-duty-specific = HS { $hs }: { $amount } per { $per } × { $units }
cli-lc-duty-compound = HS { $hs }: { $percent } of { $value } + { $amount } per { $per } × { $units }
cli-lc-additional-ad-valorem = { $program }, HS { $hs } of origin { $origin }: { $percent } of { $value } on top of the normal duty
cli-lc-additional-specific = { $program }, HS { $hs } of origin { $origin }: { $amount } per { $per } × { $units } on top of the normal duty
cli-lc-additional-compound = { $program }, HS { $hs } of origin { $origin }: { $percent } of { $value } + { $amount } per { $per } × { $units } on top of the normal duty
cli-lc-per-kilogram = Kilogram
cli-lc-per-unit = Unit
cli-lc-per-litre = Litre
cli-lc-per-pair = Pair
cli-lc-preference-not-claimed = origin { $origin }: a preferential rate of { $rate } needs a proof of origin, which this consignment does not have; the normal rate applies
cli-lc-no-duty-rule = HS { $hs }: no duty rule in this pack; 0 assumed
cli-lc-consumption-tax = ({ $value } + duty { $duty }) / (1 − { $rate }) × { $rate }{ $reduced ->
        [none] {""}
       *[other] , charged at { $reduced }
    }
cli-lc-consumption-tax-tested = ({ $value } + duty { $duty }) / (1 − { $rate }) × { $rate }{ $reduced ->
        [none] {""}
       *[other] , charged at { $reduced }
    }; { $per-content } per { $unit }{ $content ->
        [given] {" "}({ $price } for { $amount } { $units })
       *[none] {" "}(no content given: judged per piece)
    }{ $outcome ->
        [reached] {" "}reaches the { $threshold } per { $unit } threshold
        [below] {" "}is below the { $threshold } per { $unit } threshold
       *[none] : the rule has no price threshold per { $unit }, so it applies
    }
cli-lc-below-price-test = { $per-content } per { $unit }{ $content ->
        [given] {" "}({ $price } for { $amount } { $units })
       *[none] {" "}(no content given: judged per piece)
    }{ $outcome ->
        [reached] {" "}reaches the { $threshold } per { $unit } threshold
        [below] {" "}is below the { $threshold } per { $unit } threshold
       *[none] : the rule has no price threshold per { $unit }, so it applies
    }: no consumption tax
cli-lc-content-ml = ml
cli-lc-content-g = g
cli-lc-content-piece = piece
cli-lc-content-pieces = pieces
cli-lc-vat-relieved = no VAT: de minimis relief
cli-lc-vat = { $rate } of { $base }{ $reduced ->
        [none] {""}
       *[other] {" "}× { $reduced }
    }
cli-lc-no-vat-rate = no VAT rate for { $destination } in this pack; 0 assumed
cli-lc-no-vat-rate-here = no VAT rate for this destination in this pack; 0 assumed
cli-lc-retail-reduction = cross-border retail: duty 0%, VAT and consumption tax charged at { $percent } of the normal amount
cli-lc-fee = { $name }
cli-lc-regime = { $jurisdiction } import, { $channel }{ $sale ->
        [yes] , VAT at point of sale
       *[no] {""}
    }
cli-lc-regime-over-limit = { $jurisdiction } import, general trade (retail limit exceeded){ $sale ->
        [yes] , VAT at point of sale
       *[no] {""}
    }
cli-lc-channel-any = Any
cli-lc-channel-general-trade = GeneralTrade
cli-lc-channel-cross-border-retail = CrossBorderRetail
cli-lc-channel-bonded-retail = BondedRetail
cli-lc-channel-b2b-direct-export = B2bDirectExport
cli-lc-channel-overseas-warehouse-export = OverseasWarehouseExport
cli-lc-channel-postal = Postal

## src/cli/mod.rs: landed-cost
cli-lc-title = Landed cost: { $regime }
cli-lc-declared = Rule pack `{ $pack }` ({ $jurisdiction }), declared { $date }, { $channel }, incoterm { $incoterm }
cli-lc-declared-to = Rule pack `{ $pack }` ({ $jurisdiction }), declared { $date }, { $channel }, incoterm { $incoterm }, to { $destination }
cli-lc-col-line = line
cli-lc-col-item = item
cli-lc-col-amount = amount { $currency }
cli-lc-col-rule = rule
cli-lc-col-explanation = explanation
cli-lc-kind-goods-value = GoodsValue
cli-lc-kind-freight = Freight
cli-lc-kind-insurance = Insurance
cli-lc-kind-customs-value = CustomsValue
cli-lc-kind-duty = Duty
cli-lc-kind-consumption-tax = ConsumptionTax
cli-lc-kind-vat = Vat
cli-lc-kind-vat-at-sale = VatAtSale
cli-lc-kind-fee = Fee
cli-lc-kind-note = Note
cli-lc-total-goods-value = goods value
cli-lc-total-customs-value = customs value
cli-lc-total-duty = duty
cli-lc-total-consumption-tax = consumption tax
cli-lc-total-vat = import VAT
cli-lc-total-vat-at-sale = VAT at sale
cli-lc-total-fees = fees
cli-lc-total-taxes = taxes in total
cli-lc-total-landed = landed total
cli-lc-sources = Sources:

## src/cli/mod.rs: new
cli-new-exists = the file exists; `new` never overwrites one (choose another name)
cli-new-wrote = wrote { $file } (scenario `{ $id }`)
cli-new-next = next: edit it (the comment at the top says where to start), then `tradeport check { $file }` and `tradeport simulate { $file }`

## src/cli/mod.rs: list
cli-list-title = Bundled scenarios in { $folder }:
cli-list-row = { $minutes } min  { $title }
cli-list-broken = BROKEN: { $problems } problem(s), run `tradeport check { $file }`
cli-list-separator = {", "}

## src/cli/mod.rs: expert
cli-expert-run = Expert run: { $title } ({ $id }), seed { $seed }, { $days } of { $total } days
cli-expert-move = day { $day }: { $what }
cli-expert-move-task = day { $day } [{ $task }]: { $what }
cli-expert-task = { $task } — { $earned } / { $possible }
cli-expert-missed = missed { $earned } / { $possible }: { $criterion } — { $reason }
cli-expert-total = Total: { $earned } / { $possible } points; cash { $cash-start } → { $cash-end }; reputation { $reputation-start } → { $reputation-end }

## src/cli/mod.rs: tournament
cli-tournament-no-task = { $file }: no negotiation task; tasks with a negotiation: { $tasks }
cli-tournament-no-task-named = { $file }: no negotiation task `{ $task }`; tasks with a negotiation: { $tasks }
cli-tournament-none = none
cli-tournament-title = Tournament: { $scenario } / task `{ $task }` — { $issues } issues, { $outcomes } possible deals, deadline { $rounds } rounds, { $runs } runs per pairing, seed { $seed }
cli-tournament-reservation = Reservation values: seller { $seller }, buyer { $buyer }
cli-tournament-col-seller = seller
cli-tournament-col-buyer = buyer
cli-tournament-col-agree = agree
cli-tournament-col-u-sell = u_sell
cli-tournament-col-u-buy = u_buy
cli-tournament-col-welfare = welfare
cli-tournament-col-pareto = pareto
cli-tournament-col-nash = nash
cli-tournament-col-rounds = rounds
cli-tournament-means = Utilities and distances are means over agreements (0 to 1); pareto/nash: distance in utility space.
cli-tournament-throughput = { $negotiations } negotiations in { $seconds } s: { $rate } negotiations per second (one core)

## src/cli/simulate.rs
cli-sim-unknown-player = unknown player `{ $name }`: the players are expert, novice and random
cli-sim-title = Simulating `{ $id }` — { $title }: { $runs } { $runs ->
        [one] run
       *[other] runs
    } for each of { $players } on { $threads } { $threads ->
        [one] thread
       *[other] threads
    }, seeds from { $seed }
cli-player-expert = expert
cli-player-novice = novice
cli-player-random = random
cli-sim-distribution = { $player }: { $runs } runs, mean { $mean } · min { $min } · p10 { $p10 } · p25 { $p25 } · median { $median } · p75 { $p75 } · p90 { $p90 } · max { $max }
cli-sim-criteria = Criteria: share of runs earning all the points ({ $players })
cli-sim-criterion = { $points } pt  { $task } — { $criterion }
cli-sim-no-warnings = Balance: no warnings
cli-sim-warning = warning: { $warning }
cli-sim-warning-expert-low = the expert earns { $mean } on average: some points are hard to earn on other seeds (see the criteria above)
cli-sim-warning-novice-easy = novices earn { $mean } on average: too easy
cli-sim-warning-novice-hard = novices earn { $mean } on average: too hard for a class
cli-sim-warning-novice-like-expert = novices score as well as the expert: the rubric does not tell skill apart
cli-sim-warning-random-high = random play earns { $mean } on average: the rubric rewards clicking through
cli-sim-warning-random-like-novice = random play scores as well as a novice: the rubric does not reward knowing the trade
cli-sim-warning-expert-misses = the expert earns `{ $criterion }` ({ $task }) in fewer than half of the runs
cli-sim-warning-random-earns = `{ $criterion }` ({ $task }) is earned even by random play: it does not tell anyone apart
cli-sim-wrote = wrote { $file } ({ $rows } rows)
cli-sim-rate = { $player } { $rate } runs/s
cli-sim-throughput = Throughput ({ $threads } { $threads ->
        [one] thread
       *[other] threads
    }): { $rates }

## src/cli/mod.rs: replay, report
cli-no-name = (no name given)
cli-replay-scenario = scenario:   { $id } ({ $hash })
cli-replay-seed = seed:       { $seed }
cli-replay-log = log:        { $commands } commands, digest { $digest }
cli-replay-student = student:    { $student }
cli-replay-days = days:       { $days } of { $total }
cli-replay-days-finished = days:       { $days } of { $total }, finished
cli-replay-points = points:     { $earned } / { $possible }
cli-replay-cash = cash:       { $start } -> { $end }
cli-replay-reputation = reputation: { $start } -> { $end }
cli-replay-task = task { $task }: { $earned } / { $possible }
cli-failed = tradeport: { $why }
cli-replay-failed = tradeport: { $file }: { $why } (checked against { $scenario })
cli-replay-report-written = report written to { $file }
cli-report-html-written = HTML report written to { $file }
cli-report-row-added = gradebook row added to { $file }
cli-load-unreadable = cannot read { $file }: { $why }
cli-load-save = { $file }: { $why }
cli-save-corrupted = the save is damaged and cannot be read ({ $why })
cli-save-too-new = the save was written by a newer Tradeport (format { $found }; this version reads up to { $supported })
cli-save-older-scenario = played on an older version of the scenario (or an edited copy of it): the save is for scenario `{ $expected }` ({ $expected-hash }), but `{ $found }` ({ $found-hash }) is loaded
cli-save-other-scenario = the save is for scenario `{ $expected }` ({ $expected-hash }), but `{ $found }` ({ $found-hash }) is loaded
cli-save-refused = command { $index } of the log was refused on replay: { $why }
cli-save-other-variant = the save was not played on the variant of class `{ $code }` for student number `{ $student }`: it is another student's variant (or the scenario changed since)

## src/cli/mod.rs: verify
cli-verify-unreadable = NOT VERIFIED: { $why }
cli-verify-not-verified = NOT VERIFIED: { $file }: { $why }
cli-verify-no-class-code = played without the class code { $code } (on the scenario as written, not the student's own variant)
cli-verify-other-class-code = played with class code { $played }, not { $code }
cli-verify-variant = variant of class { $code } for student number { $student }
cli-verify-market = table { $table } of a shared market of { $tables }
cli-verify-market-bought = table { $table } of a shared market of { $tables }, { $moves } move(s) on classmates' listings
cli-verify-team = team: { $names } ({ $own } of the commands their own)
cli-verify-events = events fired by the instructor: { $events }
cli-verify-against = checked against { $file } ({ $hash })
cli-verify-clause-separator = {"; "}
cli-verify-replay-failed = NOT VERIFIED: { $file }: { $why }; { $against }
cli-verify-verified = verified: { $student } on { $id }, seed { $seed }: { $earned } / { $possible } points; { $against }
cli-verify-verified-seat = verified: { $student } (seat { $seat }) on { $id }, seed { $seed }: { $earned } / { $possible } points; { $against }
cli-verify-claims = NOT VERIFIED: { $file }: { $claims } claim(s) do not hold; { $against }
cli-verify-count = { $verified } of { $reports } report(s) verified
cli-verify-count-csv = { $verified } of { $reports } report(s) verified; { $verified } row(s) added to { $file }
cli-claim-differs = { $what }: the report says { $claimed }, the replay gives { $actual }
cli-claim-scenario = scenario
cli-claim-seed = seed
cli-claim-log-digest = log digest
cli-claim-student = student
cli-claim-total-points = total points
cli-claim-points-possible = points possible
cli-claim-days-played = days played
cli-claim-finished = finished
cli-claim-mode = mode
cli-claim-cash-end = cash at the end
cli-claim-reputation-end = reputation at the end
cli-claim-tasks = tasks
cli-claim-not-in-team = team: the report's student is not one of the team
cli-claim-command-not-in-log = team: the student's command { $index } is not in the log
cli-no-such-scenario = no scenario file or bundled scenario id `{ $name }`; bundled: { $bundled }

## The CSV gradebook's columns (src/export.rs): scripts read the English names
csv-student-name = student_name
csv-student-id = student_id
csv-scenario = scenario
csv-seed = seed
csv-days-played = days_played
csv-finished = finished
csv-mode = mode
csv-points = points
csv-possible = possible
csv-percent = percent
csv-competency = { $name } (points/possible)
csv-cash-end = cash_end
csv-currency = currency
csv-reputation-end = reputation_end
csv-scenario-hash = scenario_hash
csv-log-digest = log_digest
