# check-desks.ftl: what `check` says of the desks' sections of a scenario (a task's negotiation,
# declaration, letter and rubric checks, a market's auction site and storefront), from
# src/sim/scenario/validate_desks.rs (see src/i18n.rs). Golden files hold these words exactly.

## Negotiation
check-desk-deadline-rounds = a deadline of { $rounds } rounds is out of range
check-desk-deadline-rounds-hint = use 2 to { $max } rounds (a classroom deal takes 4 to 12)
check-desk-issue-count = { $count } issues on the table
check-desk-issue-count-hint = negotiate 1 to { $max } issues
check-desk-issue-twice = the same issue is on the table twice
check-desk-issue-twice-hint = merge it with issues[{ $first }]
check-desk-price-and-quantity = a sales contract needs a unit price and a quantity
check-desk-price-and-quantity-hint = add `{ $example }` to the issues
check-desk-contract-days = { $days } days is out of range
check-desk-contract-days-hint = use { $from } to { $to } days
check-desk-too-many-deals = { $deals } possible deals are too many to analyse
check-desk-too-many-deals-hint = keep the product of the option counts at or below { $max }: use a coarser price step
check-desk-option-count = { $count } options
check-desk-option-count-hint = offer 1 to { $max } options
check-desk-option-twice = an option is listed twice
check-desk-option-twice-hint = list each option once
check-desk-above-zero = must be above zero
check-desk-not-a-number = `{ $text }` is not a decimal number
check-desk-decimal-comma = `{ $text }` uses a comma that is not a thousands separator; write decimals with a point, e.g. "8.25"
check-desk-too-many-decimals = `{ $text }` has more than { $max } decimals
check-desk-too-large = `{ $text }` is too large
check-desk-price-hint = write a price such as "28.50"
check-desk-price-steps = prices from { $from } to { $to } in steps of { $step } do not fit
check-desk-price-steps-hint = `to` must be above `from`, and their difference a whole number of steps
check-desk-option-zero = 0 is not an option
check-desk-option-zero-hint = quantities and days are at least 1
check-desk-weight-count = { $weights } weights for { $issues } issues
check-desk-weight-count-hint = give one weight per issue, in the order of `issues`
check-desk-value-function-count = { $functions } value functions for { $issues } issues
check-desk-value-function-count-hint = give one value function per issue, in the order of `issues`
check-desk-weights-sum = weights add up to { $sum }
check-desk-weights-sum-hint = make them add up to exactly 100%
check-desk-value-count = { $values } values for { $options } options
check-desk-value-count-hint = give one value (0 to 1) per option

## Declaration
check-desk-trade-mode = `{ $code }` is not a supervision code
check-desk-trade-mode-hint = four digits, e.g. "0110" general trade, "9610", "9710", "9810", "1210"
check-desk-field-empty = `{ $field }` is empty
check-desk-field-empty-hint = the documents need it, and so does the declaration
check-desk-no-goods-lines = the documents have no goods lines
check-desk-no-goods-lines-hint = add at least one line
check-desk-quantity-zero = quantity is 0
check-desk-quantity-zero-hint = at least one unit
check-desk-no-cartons = no cartons
check-desk-no-cartons-hint = the packing list counts at least one package
check-desk-not-a-price = `{ $text }` is not a price above zero
check-desk-not-a-price-hint = a decimal string such as "24.50"
check-desk-not-a-weight = `{ $text }` is not a weight above zero
check-desk-not-a-weight-hint = kilograms with up to 3 decimals, e.g. "216.000"
check-desk-gross-below-net = gross { $gross } kg is below net { $net } kg
check-desk-gross-below-net-hint = gross weight includes packing

## Auction site
check-desk-not-in-market-currency = { $money } is not in the market's currency
check-desk-not-in-market-currency-hint = give it in { $currency }
check-desk-increment-not-amounts = `{ $from }` / `{ $step }` are not amounts
check-desk-increment-not-amounts-hint = write decimals in the market's currency, e.g. (from: "50.00", step: "2.00")
check-desk-increment-table = the increment table must start from 0.00, rise step by step, and have increments above zero
check-desk-increment-table-hint = e.g. [(from: "0.00", step: "1.00"), (from: "50.00", step: "2.00")]
check-desk-soft-close = { $minutes } minutes
check-desk-soft-close-hint = sites that extend do so by a few minutes, e.g. 5; 0 means the site ends auctions at a fixed time (eBay)
check-desk-buyers-per-day = { $buyers } buyers a day per listing
check-desk-buyers-per-day-hint = use 1 to 1000; a second-hand item draws a handful, e.g. 6
check-desk-values-order = values must satisfy low ≤ mode ≤ high, with low below high
check-desk-values-order-hint = e.g. (low: "0.60", mode: "0.95", high: "1.30")
check-desk-bargainer-shares = the shares add up to { $sum }
check-desk-bargainer-shares-hint = make the bargainers' shares add up to 100%
check-desk-no-postage = no postage service
check-desk-no-postage-hint = list at least one way to post a parcel to this market
check-desk-postage-kind = an individual's parcel goes by post or express
check-desk-postage-kind-hint = use Postal or Express
check-desk-postage-currencies = the two weight prices are in different currencies
check-desk-postage-currencies-hint = give both in the same currency
check-desk-postage-transit = { $days } days in transit
check-desk-postage-transit-hint = use 1 to 90 days
check-desk-tax-source = the tax rule has no source
check-desk-tax-source-hint = name the regulation the rate comes from

## Storefront
check-desk-title-limit = a title limit of { $limit } characters is not plausible
check-desk-title-limit-hint = marketplaces allow 80 to 200 characters, e.g. 200
check-desk-fee-source = a fee needs its source
check-desk-fee-source-hint = name the rate card, e.g. "Amazon.de fee schedule, 15 December 2025"
check-desk-fee-two-categories = { $product } is in two fee categories
check-desk-fee-two-categories-hint = list each product in one category
check-desk-no-fee-bands = no fee bands
check-desk-no-fee-bands-hint = add at least `(rate: "15%")`
check-desk-band-up-to = `{ $text }` is not a price above the band before
check-desk-band-up-to-hint = bands rise: e.g. "15.00", then "20.00", then none
check-desk-band-last = only the last band has no `up_to`
check-desk-band-last-hint = give every band but the last its highest price
check-desk-keyword-count = { $count } keywords
check-desk-keyword-count-hint = list 1 to 64 search keywords with their monthly searches
check-desk-season-order = { $to } is before { $from }
check-desk-season-order-hint = a season ends after it starts
check-desk-bid-budget = a bid needs a daily budget, and a budget a bid
check-desk-bid-budget-hint = give both `bid` and `daily_budget`, or neither
check-desk-rating-decimal = ratings have one decimal
check-desk-rating-decimal-hint = e.g. "4.3"
check-desk-competitor-quality = quality is 0 to 1000
check-desk-delivery-days = delivery takes 1 to 60 days
check-desk-delivery-days-hint = e.g. 2 from a local warehouse, 12 by post from China
check-desk-no-followers = no followers
check-desk-no-followers-hint = e.g. 25000
check-desk-model-title = a model title of { $length } characters
check-desk-model-title-hint = write a title of 1 to { $limit } characters
check-desk-not-market-currency = { $currency } is not the market's currency
check-desk-not-market-currency-named = { $currency } is not the market's currency ({ $market })
check-desk-competitor-currency-hint = competitors sell in the market's currency
check-desk-fee-currency-hint = the platform charges its fees in the market's currency
check-desk-creator-currency-hint = creators are paid in the market's currency
check-desk-no-shipping = no shipping options
check-desk-no-shipping-hint = list at least one, e.g. (id: "postal", kind: Postal, name: (en: "China Post", zh: "中国邮政"), cost_per_parcel: (currency: "CNY", amount: "28.00"), transit_days: 12)
check-desk-shipping-transit = { $days } days in transit is not plausible
check-desk-shipping-transit-hint = 1 to 90 days, e.g. 12 for a postal small packet, 4 by express
check-desk-inbound-days = { $days } days to reach the warehouse is not plausible
check-desk-inbound-days-hint = 1 to 120 days, e.g. 35 by sea from Shenzhen to Germany
check-desk-warehouse-inbound = an overseas warehouse needs `inbound_per_unit` and `inbound_days`
check-desk-warehouse-inbound-hint = e.g. inbound_per_unit: (currency: "CNY", amount: "6.00"), inbound_days: 35
check-desk-inbound-not-warehouse = only an OverseasWarehouse option has inbound freight
check-desk-inbound-not-warehouse-hint = remove `inbound_per_unit` and `inbound_days`, or make the kind OverseasWarehouse

## Letter
check-desk-letter-counterpart = a letter needs the task's `counterpart`: the letter answered is their first message
check-desk-letter-counterpart-hint = set the task's `counterpart`
check-desk-letter-no-points = a letter with no points to answer
check-desk-letter-no-points-hint = add points
check-desk-letter-wait = the writer waits 0 days
check-desk-letter-wait-hint = use 1 or more (days after the letter arrives)
check-desk-point-both = a point has either `options` or `computed`, not both
check-desk-point-both-hint = remove one of them
check-desk-parcel-market = a parcel total needs the task's `market`
check-desk-parcel-market-hint = set the task's `market`
check-desk-parcel-no-products = no products in the parcel
check-desk-point-statements = { $statements } statement(s), { $right } of them Right
check-desk-point-statements-hint = give two or more statements, exactly one of them Right
check-desk-empty-statement = an empty statement

## Rubric checks
check-desk-check-needs = this check needs the task's { $field }
check-desk-check-needs-hint = give the task a `{ $field }`, or choose another check
check-desk-tone-max = tone is scored out of 30
check-desk-tone-max-hint = use 0 to 30
check-desk-quality-max = quality is scored out of 1000
check-desk-quality-max-hint = use 0 to 1000
check-desk-no-cost-lines = no lines to check
check-desk-no-cost-lines-hint = e.g. [Vat, Margin]
check-desk-all-empty = `All([])` holds for any play: an empty list checks nothing
check-desk-all-empty-hint = list the checks that must all hold, or remove the criterion's `check`
