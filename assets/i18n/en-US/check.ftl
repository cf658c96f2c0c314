# check.ftl: what `check` and the game say of a scenario or rule-pack file (see src/i18n.rs).
# Every message here is the English of a diagnostic; golden files hold these words exactly.

diagnostic-error = { $where }: error: { $message }
diagnostic-at = at: { $path }
diagnostic-hint = hint: { $hint }
check-did-you-mean = did you mean { $names }?
check-try = try "{ $text }"

## src/sim/check.rs
check-id-empty = id is empty
check-id-empty-hint = give it a short name such as "de-buyer"
check-id-characters = id `{ $id }` has characters other than letters, digits, `-` and `_`
diagnostic-headline = { $message } (at { $path })
diagnostic-here = here

## src/cli/mod.rs: check
check-no-files = no *.scenario.ron or *.rules.ron files found in the given paths
check-rule-pack-summary = rule pack `{ $id }`, { $rules } rules
check-nomenclature-summary = nomenclature { $edition } with { $extension }
check-scenario-summary = scenario `{ $id }` — { $title }
check-file-ok = ok    { $file }  ({ $summary })
check-file-error = error { $file }  ({ $problems } { $problems ->
        [one] problem
       *[other] problems
    })
check-warning = warning { $warning }
check-warning-file-name = the file is named `{ $stem }` but the scenario's id is `{ $id }`: students and reports name it by its id; call the file `{ $id }.scenario.ron`
check-warning-id-twice = scenario id `{ $id }` is used by { $count } files ({ $files }): a report names its scenario by id, so only one of them can be checked against
check-summary = { $files } { $files ->
        [one] file
       *[other] files
    } checked, { $failed } with errors, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }

## src/sim/check.rs: the checks of ids, references, texts, money, numbers, dates and codes
# What a file says that no catalogue has yet, shown as written.
check-as-written = { $message }
check-duplicate = duplicate { $what } `{ $id }` (first used at { $first })
check-duplicate-hint = each id must be unique in its list; rename or remove one
check-unknown = unknown { $what } `{ $id }`
check-unknown-near = did you mean { $names }? Otherwise add `{ $id }` to { $list }
check-unknown-none-defined = no { $what } is defined yet; add it to { $list }
check-unknown-known = known: { $known }; or add `{ $id }` to { $list }
# The list an unknown id can be added to ($list above).
check-list-products = setup.products
check-list-markets = setup.markets
check-list-counterparts = setup.counterparts
check-list-rule-packs = setup.rule_packs
check-list-own = its list
# What a check names ($what above and in other files' messages).
check-what-product = product
check-what-market = market
check-what-counterpart = counterpart
check-what-rule-pack = rule pack
check-what-negotiation-task = negotiation task
check-what-keyword = keyword
check-what-declaration-field = declaration field
check-what-letter-point = letter point
check-what-currency = currency
check-what-market-id = market id
check-what-sku = SKU
check-what-counterpart-id = counterpart id
check-what-task-id = task id
check-what-criterion-id = criterion id
check-what-random-event-id = random event id
check-what-exchange-rate-for = exchange rate for
check-what-seat-id = seat id
check-what-rule-id = rule id
check-what-content-unit = content unit
check-what-postage-id = postage id
check-what-competitor-id = competitor id
check-what-influencer-id = influencer id
check-what-model-listing-product = model listing product
check-what-shipping-option-id = shipping option id
check-what-point-id = point id
check-what-dearest-deal = the dearest deal (highest price × largest quantity)
check-needs-english = this text needs English
check-needs-english-hint = a product's name goes on invoices and customs declarations, which are written in English
check-text-empty = text is empty
check-text-empty-hint = write `en: "..."`, `zh: "..."` or both (a text only in Chinese is shown to English readers marked as such)
check-not-currency-code = `{ $code }` is not a currency code
check-currency-code-hint = use an ISO 4217 code of three capital letters, e.g. "EUR"
check-currency-code-hint-short = use an ISO 4217 code of three capital letters
check-iso-currency-hint = use an ISO 4217 code such as "EUR"
check-unknown-currency = unknown currency `{ $code }`
check-unknown-currency-near = did you mean { $names }? Otherwise add it to setup.currencies
check-unknown-currency-hint = add it to setup.currencies
check-rule-pack-currencies = rule packs can use { $codes }
check-use-one-of = use one of { $codes }
check-negative-amount = negative amount { $amount } { $currency }
check-negative-amount-hint = amounts here must be zero or more
check-amount-too-large = amount { $amount } { $currency } is too large
check-amount-limit = amounts are limited to { $max } minor units ({ $max_amount } { $currency })
check-too-many-decimals = `{ $amount }` has more decimals than { $currency } allows ({ $max })
check-round-to = round to { $max } decimals
# Why a decimal was refused; used by the four messages below it, with their $text.
check-decimal-reason = { $reason ->
        [comma] uses a comma that is not a thousands separator; write decimals with a point, e.g. "8.25"
        [decimals] has more than { $max } decimals
        [large] is too large
       *[number] is not a decimal number
    }
check-decimal-bad = `{ $text }` { check-decimal-reason }
check-amount-bad = amount `{ $text }` { check-decimal-reason }
check-weight-bad = weight `{ $text }` { check-decimal-reason }
check-content-bad = content `{ $text }` { check-decimal-reason }
check-amount-bad-hint = write the amount as a decimal string, e.g. "1250.00"
check-over-money-limit = { $what } is over the money limit
check-money-limit-hint = a line's or a contract's value is at most 1,000,000,000.00 (docs/limits.md)
check-out-of-range = `{ $field }` { $value } is out of range
check-use-range = use a value from { $min } to { $max }
check-not-percentage = `{ $text }` is not a percentage; write it like "19%"
check-percent-hint = percentages are strings ending in %, e.g. "13%"
check-decimal-hint = write a decimal string such as "0.75"
check-date-form = `{ $text }` is not a date in the form YYYY-MM-DD
check-date-bad-year = `{ $text }`: bad year
check-date-bad-month = `{ $text }`: bad month
check-date-bad-day = `{ $text }`: bad day
check-date-not-real = `{ $text }` is not a real calendar date
check-date-real-hint = check the day against the month's length (February has 28 days, 29 in leap years)
check-date-form-hint = dates are written "YYYY-MM-DD", e.g. "2026-09-01"
check-not-country-code = `{ $code }` is not a country code
check-country-code-hint = use two capital letters (ISO 3166-1), e.g. "DE", "CN", "GB"
check-not-hs-prefix = `{ $prefix }` is not an HS code prefix
check-hs-prefix-hint = write up to 10 digits without dots, e.g. "6206"; empty means all goods

## src/sim/scenario/mod.rs: a scenario file
check-format-version = unsupported format version { $version }
check-format-hint = write `format: 1`
check-scenario-id = scenario id `{ $id }` must be lowercase letters, digits and `-`
check-scenario-id-hint = e.g. "b2b-silk-blouses"
check-estimated-time-zero = estimated time is zero
check-estimated-time-zero-hint = say how long a class needs, e.g. 45
check-no-learning-objectives = no learning objectives
check-no-learning-objectives-hint = list what the student will be able to do afterwards
check-length-days = length of { $days } days is out of range
check-length-days-hint = use 1 to { $max } days
check-minor-units-iso = { $code } has { $iso } minor units in ISO 4217, not { $written }
check-minor-units-iso-hint = set `minor_units: { $iso }`
check-minor-units-many = more than 4 minor units
check-minor-units-many-hint = currencies use 0 to 3 decimals
check-starting-cash-twice = { $currency } is listed twice in starting cash
check-starting-cash-twice-hint = give one balance per currency
check-reputation-above-100 = reputation { $reputation } is above 100
check-reputation-range-hint = reputation runs from 0 to 100
check-hs-code-digits = HS code `{ $code }` is malformed: expected 6, 8 or 10 digits, found { $digits }
check-hs-code-digits-hint = HS codes have 6 digits internationally, 8 or 10 nationally; China declares 10, e.g. "6206100000"
check-net-weight-zero = net weight is zero
check-net-weight-zero-hint = weigh one unit without packing, in grams
check-gross-below-net-g = gross weight { $gross } g is below net weight { $net } g
check-gross-below-net-g-hint = gross weight includes packing, so it is at least the net weight
check-dimension-zero = a dimension is zero
check-dimension-zero-hint = give the packed size in millimetres
check-name-empty = name is empty
check-counterpart-name-hint = give the person or company a name
check-strategy-exponent = a { $strategy } negotiator with concession exponent { $exponent } would not concede like one
check-strategy-exponent-hint = Boulware needs an exponent below 1 (e.g. "0.4"), Linear exactly 1, Conceder above 1 (e.g. "2.5")
check-patience-zero = patience of 0 rounds
check-patience-zero-hint = allow at least 1 round of offers
check-buyer-target = a buyer's opening target ({ $target }) is above their reservation price ({ $reservation })
check-buyer-target-hint = buyers open low and walk away above the reservation: target ≤ reservation
check-seller-target = a seller's opening target ({ $target }) is below their reservation price ({ $reservation })
check-seller-target-hint = sellers open high and walk away below the reservation: target ≥ reservation
check-no-tasks = the scenario has no tasks
check-no-tasks-hint = add at least one graded task
check-declaration-not-customs = only a customs task can have a declaration
check-declaration-not-customs-hint = set `activity: Customs` or remove the declaration
check-negotiation-not-negotiation = only a negotiation task can have a negotiation
check-negotiation-not-negotiation-hint = set `activity: Negotiation` or remove the negotiation
# The counterpart a negotiation needs ($needed).
check-needed-buyer = a Buyer
check-needed-seller = a Seller, Supplier or Forwarder
check-negotiation-no-counterpart = a negotiation needs a counterpart
check-negotiation-no-counterpart-hint = name { $needed } from setup.counterparts
check-negotiation-wrong-counterpart = the student is the { $side }, so the counterpart must be { $needed }, but `{ $id }` is a { $kind }
check-negotiation-wrong-counterpart-hint = choose another counterpart, or change `student_side`
check-negotiation-no-product = a negotiation needs the product it sells
check-negotiation-no-product-hint = set `product` to the SKU the contract is for
check-no-rubric = task has no rubric criteria
check-no-rubric-hint = say what earns points for this task
check-criterion-zero-points = criterion is worth 0 points
check-criterion-zero-points-hint = give it points or remove it
check-rubric-total = rubric points add up to { $sum }, but rubric_total is { $total }
check-rubric-total-hint = change rubric_total to { $sum } or adjust the criteria's points
check-window-backwards = window ends on day { $to } before it starts on day { $from }
check-window-backwards-hint = to_day must be on or after from_day
check-max-times-zero = max_times is 0, so the event can never happen
check-max-times-zero-hint = use 1 or more, or remove the event
check-rate-for-home = { $code } is the home currency; it needs no exchange rate
check-remove-entry = remove this entry
check-no-exchange-rate = no exchange rate for { $code }, which is used at { $first }
check-no-exchange-rate-hint = add `(currency: "{ $code }", rate: "...")` giving { $home } per 1 { $code }
check-day-outside = day { $day } is outside the scenario (days 1 to { $length })
check-day-outside-hint = use a day from 1 to { $length }, or lengthen setup.length_days
check-reputation-change = reputation change { $delta } is out of range
check-reputation-change-hint = use -100 to 100
check-question-no-topics = a question with no topics
check-question-no-topics-hint = list what the buyer asks about, e.g. [Condition, ImportCharges]
check-seats-count = { $count } seats
check-seats-count-hint = declare at most { $max } seats
check-seat-id = seat id `{ $id }`
check-seat-id-reserved-hint = `{ $id }` is reserved for a class (the instructor's seat, and the shared market's): name this seat otherwise
check-seats-company = { $count } seats play the company
check-seats-company-hint = exactly one seat plays `Company` (the scenario's `role`)
check-seats-counterparts = { $count } seats play the counterparts
check-seats-counterparts-hint = at most one seat plays `Counterparts`

## src/sim/rules.rs: a rule pack
check-jurisdiction-empty = jurisdiction is empty
check-jurisdiction-empty-hint = use CN, EU, UK, US or a country code
check-rule-ends-before-start = rule ends ({ $to }) before it starts ({ $from })
check-rule-ends-before-start-hint = valid_to is the last day the rule applies and cannot precede valid_from
check-rule-source = a rule needs its source
check-rule-source-hint = name the regulation or announcement, e.g. "Council Directive (EU) 2017/2455"
check-amount-not-pack-currency = amount { $amount } is not in the pack's currency { $currency }
check-amount-not-pack-currency-hint = write amounts in { $currency }, the currency this jurisdiction assesses in
check-additional-duty-program = an additional duty needs its program
check-additional-duty-program-hint = name it, e.g. "Section 301": within one program the longest HS prefix wins
check-price-threshold-zero = a price threshold must be above zero
check-price-threshold-zero-hint = e.g. "10.00"
check-up-to-and-below = both `up_to_value` and `below_value` are given
check-up-to-and-below-hint = keep `up_to_value` only: `below_value` is its old name
check-missing-up-to-value = missing field `up_to_value`
check-missing-up-to-value-hint = add `up_to_value: (currency: "EUR", amount: "150.00")`: the largest consignment value the fixed duty covers
check-rebate-without-refund = a rebate rate on an export with no refund
check-rebate-without-refund-hint = remove `rebate_rate`, or make `refund: OnDeparture`

## src/sim/scenario/nomenclature.rs: an HS nomenclature excerpt
check-no-sections = no sections
check-no-sections-hint = add at least one section
check-chapter-code = chapter code `{ $code }` is not two digits
check-heading-code = heading `{ $code }` is not four digits in chapter { $chapter }
check-subheading-code = subheading `{ $code }` is not six digits under { $heading }
check-no-national-line = no national line
check-no-national-line-hint = add the 10-digit code(s)
check-national-code = national code `{ $code }` is not ten digits under { $subheading }

## src/sim/customs/shipment.rs: a shipment file (landed-cost)
check-shipment-currency-hint = use an ISO 4217 code such as "USD", "EUR", "CNY"
check-invoice-currency = the invoice is in { $code } but { $jurisdiction } assesses duty in { $pack_currency }
check-invoice-currency-hint = add `exchange_rate: "..."`: { $pack_currency } per 1 { $code } on the declaration date
check-shipment-negative-amount = negative amount { $amount }
check-shipment-negative-amount-hint = amounts are zero or more
check-shipment-amount-hint = write a decimal string, e.g. "125.50"
check-insurance-both = both an insurance amount and an insurance rate are given
check-insurance-both-hint = give one: `insurance: "45.60"` or `insurance_rate: "0.3%"`
check-price-includes-insurance = a { $incoterm } price already includes insurance
check-price-includes-insurance-hint = remove `insurance_rate`; it is for prices without insurance (EXW, FCA, FAS, FOB, CPT, CFR)
check-proof-without-origin = a proof of origin for goods without an origin
check-proof-without-origin-hint = add `origin: "JP"` to the file or to its lines
check-year-to-date = `{ $text }` is not an amount of zero or more
check-year-to-date-hint = in the rule pack's currency, e.g. "12000.00"
check-no-goods-lines = the shipment has no goods lines
check-no-goods-lines-hint = add at least one line
check-hs-code-malformed = HS code `{ $code }` is malformed
check-hs-code-malformed-hint = write 6, 8 or 10 digits, e.g. "6206100000"
check-quantity-zero = quantity is 0
check-quantity-zero-hint = declare at least one unit
check-weight-zero = weight `{ $text }` must be above zero
check-weight-zero-hint = kilograms, e.g. "0.180"
check-weight-bad-hint = kilograms with up to 3 decimals, e.g. "12.500"
check-content-range = content `{ $text }` must be above zero and at most 1,000,000
check-content-range-hint = what one unit contains, e.g. "50" (ml) for a 50 ml jar
check-content-bad-hint = a number with up to 3 decimals, e.g. "50" or "7.5"
check-gross-below-net-kg = gross weight { $gross } kg is below net weight { $net } kg
check-gross-below-net-kg-hint = gross weight includes packing
