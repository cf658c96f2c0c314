# Tradeport user interface, English (United States).
# Every string the game shows comes from here. Keep ids in sync with zh-CN/main.ftl.

app-title = Tradeport
app-tagline = Practise cross-border e-commerce: B2B deals, B2C stores, C2C selling and customs
points = { $points ->
    [one] 1 point
   *[other] { $points } points
}

## Main menu
menu-start = Start scenario
menu-hotseat = Two students (hotseat)
menu-hotseat-hint = Two students share this computer and play both sides of the negotiation, passing the screen between moves; each side's brief stays private.
menu-settings = Settings
menu-quit = Quit
menu-shortcuts = ↑/↓ choose · Enter start · S settings · Ctrl+Q quit
menu-scenarios-in = Scenarios in { $dir }
menu-no-scenarios = No scenarios found. Put *.scenario.ron files in the scenarios folder.
menu-pick-one = Choose a scenario on the left.
menu-loading = Loading…
menu-broken = { $count ->
    [one] This file has 1 problem
   *[other] This file has { $count } problems
}
menu-broken-hint = Fix the file in a text editor and save it: this list reloads by itself.
menu-minutes = { $minutes } min
menu-days = { $days } in-game days
menu-your-role = Your role
menu-objectives = You will learn to
menu-tasks = Graded tasks
menu-author = Written by { $author }

## Labels
mode-b2b = B2B
mode-b2c = B2C
mode-c2c = C2C
difficulty-beginner = Beginner
difficulty-intermediate = Intermediate
difficulty-advanced = Advanced
activity-customs = Customs
activity-negotiation = Negotiation
activity-storefront = Storefront
activity-promotion = Promotion
activity-c2c = C2C selling
activity-inbox = Inbox
activity-customs-intro = Declare goods to customs: classify them, value them by Incoterm and check every field against the invoice, packing list and contract.
activity-negotiation-intro = Negotiate price, quantity, Incoterm, payment and delivery with a buyer or supplier, then turn the deal into a contract.
activity-storefront-intro = List products on a marketplace, set prices that cover landed cost and fees, and watch orders come in.
activity-promotion-intro = Spend on ads, coupons and deals, and judge them by CTR, conversion, ACoS and ROAS against your margin.
activity-c2c-intro = Sell second-hand goods abroad by auction or with "make an offer", answer buyers' questions and keep your feedback high.
activity-inbox-intro = Messages from buyers, suppliers, forwarders and your own company.
activity-desk-pending = This activity's desk is not in this version of Tradeport yet: you can read the tasks and the data, but work here cannot be submitted or graded yet.
activity-tasks-here = Tasks for this activity
competency-import-export = Import/export handling
competency-customs = Customs declaration and inspection
competency-marketing = Market research and marketing
competency-store = Store operation
competency-english = Business English communication
counterpart-buyer = Buyer
counterpart-seller = Seller
counterpart-bidder = Bidder
counterpart-supplier = Supplier
counterpart-forwarder = Freight forwarder

## Settings
settings-title = Settings
settings-ui-scale = Interface size
settings-language = Language
settings-language-note = Scenario texts switch language too, where the scenario provides a translation.
settings-back = Back
settings-saved-to = Settings are saved to { $path }
settings-not-saved = Settings cannot be saved: { $reason }

## In a scenario
page-overview = Overview
play-shortcuts = Shortcuts: 1–9 pages · N end day · A auto-advance · Esc pause
weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
day-of = Day { $day } of { $total }
day-short = Day { $day }
rate-hover = 1 { $currency } = { $rate } { $home } today
reputation = Reputation
end-day = End day
end-day-hint = Close today and move to the next day (N)
auto-advance = Auto-advance
auto-advance-hint = End each day by itself every few seconds (A)
pause = Menu
tasks-title = Tasks
tasks-total = Rubric total: { $points } points
task-due = Due day { $day } ({ $left } days left)
task-overdue = Was due on day { $day }
task-rubric = What earns points
overview-objectives = Learning objectives
overview-rates = Exchange rates
rate-since-start = was { $rate } at the start
overview-markets = Markets
col-market = Market
col-country = Country
col-currency = Currency
col-rules-today = Customs rules
rules-in-force = { $count } rules in force today ({ $pack })
overview-products = Products
col-sku = SKU
col-product = Product
col-hs = HS code
col-unit-cost = Unit cost
col-weights = Net / gross
col-origin = Origin
overview-people = People you deal with
daily-shoppers = about { $count } shoppers a day
customs-rules-today = Rules in force on { $date }
inbox-empty = No messages yet.
inbox-pick = Choose a message to read it.
inbox-from = From { $from }, day { $day }
inbox-from-company = Your company
inbox-original = English original

## Pause menu
pause-title = Paused
pause-resume = Resume (Esc)
pause-settings = Settings
pause-finish = Finish and see the debrief
pause-quit-to-menu = Quit to main menu

## Debrief
debrief-title = Debrief
debrief-finished = You played all { $total } days.
debrief-unfinished = You stopped on day { $days } of { $total }.
debrief-score = { $earned } / { $possible } points
debrief-cash = Cash (in home currency)
debrief-customs-costs = Customs costs
debrief-customs-costs-value = fees { $fees }, penalties { $penalties }
debrief-messages = Messages
debrief-messages-value = { $received } received, { $unread } unread
debrief-competencies = By competency
debrief-tasks = By task
debrief-task-score = { $earned } / { $possible }
debrief-not-attempted = Not attempted: no work was submitted for this task.
debrief-timeline = What happened
debrief-back = Back to main menu (Enter)
event-message = Message: { $subject }
event-rate = { $currency } rate moved from { $from } to { $to }
event-cash = { $money }: { $reason }
event-reputation = Reputation { $from } → { $to }: { $reason }
event-ended = The scenario ended on day { $day }.
event-declaration-cleared = Declaration lodged (attempt { $attempt }): all fields correct, the goods cleared.
event-declaration-rejected = Declaration lodged (attempt { $attempt }): { $wrong } field(s) wrong, { $correct } correct; the goods are held.

## Loading and errors
loading-scenario = Loading the scenario…
scenario-failed = This scenario cannot start:

## Declaration desk
desk-intro = Fill in the export declaration from the contract, invoice and packing list, then lodge it. Customs answers field by field.
desk-form = Export declaration (出口货物报关单)
desk-lodge = Lodge declaration
desk-cleared = The declaration was accepted on attempt { $attempt }.
desk-release-due = The goods will be released on day { $day }.
desk-released = The goods were released on day { $day }.
event-customs-fee = Customs charged { $money }.
event-customs-penalty = Customs penalty for undervaluation: { $money }.
event-inspection = Customs ordered an inspection: { $days } more days.
event-release-scheduled = Declaration accepted: release on day { $day }.
event-released = Customs released the goods.
desk-held = Attempt { $attempt }: { $wrong } field(s) wrong, { $correct } correct. The goods are held until you correct and lodge again.
desk-contract = Contract
desk-invoice = Commercial invoice
desk-packing-list = Packing list
doc-seller = Seller
doc-buyer = Buyer
doc-incoterm = Terms of delivery
doc-loading = Port of loading
doc-discharge = Port of discharge
doc-transport = Transport
doc-currency = Currency
doc-total = Total
doc-goods = Goods
doc-quantity = Quantity
doc-unit-price = Unit price
doc-amount = Amount
doc-cartons = Cartons
doc-net = Net weight
doc-gross = Gross weight
doc-origin = origin
decl-trade-mode = Supervision mode (trade mode)
decl-consignor = Domestic consignor
decl-consignee = Overseas consignee
decl-contract-no = Contract no.
decl-port-of-loading = Port of departure
decl-destination-country = Country of destination
decl-transport-mode = Mode of transport
decl-incoterm = Terms of delivery (Incoterm)
decl-currency = Currency
decl-choose = choose…
decl-item = Item { $n }
decl-commodity-code = Commodity code (10 digits)
decl-name-spec = Goods name and specification
decl-brand-type = Brand type
decl-export-preference = Export preference (0–3)
decl-first-quantity = Quantity, legal first unit (pieces)
decl-second-quantity = Quantity, legal second unit (kg)
decl-net-kg = Net weight (kg)
decl-gross-kg = Gross weight (kg)
decl-unit-price = Unit price
decl-total-price = Total price
decl-origin = Country of origin
decl-destination = Final destination country
decl-add-line = Add item
decl-remove-line = Remove last item

## HS classification
customs-tab-desk = Declaration desk
customs-tab-hs = HS classification
customs-no-declaration = This scenario has no declaration to lodge at the desk: its goods travel as parcels whose duties and taxes are settled at checkout. Practise classifying them in the HS classification tab, and read the rules in force below.
hs-intro = Classify each product step by step in the { $edition } nomenclature with { $national } extensions. Read the section and chapter notes: titles are for reference only (GRI 1).
hs-none = None of this scenario's products is in the nomenclature excerpt.
hs-goods = Goods to classify
hs-weights = Net { $net } g, gross { $gross } g, origin { $origin }
hs-search = Search the nomenclature
hs-search-hint = a code or a word, e.g. 6206 or silk
hs-steps = Your classification
hs-section = Section
hs-chapter = Chapter
hs-heading = Heading (4 digits)
hs-subheading = Subheading (6 digits)
hs-national = National code (10 digits)
hs-submit = Submit classification
hs-result = { $correct } of { $total } steps correct
hs-step-wrong = you chose { $chosen }, correct is { $correct }
event-classified = Classified { $sku }: { $correct } of { $total } steps correct.
event-documents-complied = Documents presented (attempt { $attempt }): they comply.
event-documents-discrepant = Documents presented (attempt { $attempt }): { $discrepancies ->
        [one] 1 discrepancy
       *[other] { $discrepancies } discrepancies
    }, payment refused.
event-deal = Deal on { $sku }: { $discount } off through day { $day }.
event-listing = Listing { $sku } live on { $market } (quality { $quality }/1000).
event-store-day = { $market }: { $orders } orders, { $sales } sales, { $payout } paid out after taxes, fees and ads.
event-booked = Container booked: the vessel sails on { $date }.
event-payment-scheduled = The buyer accepted the draft: { $amount } falls due on day { $day }.
event-payment = Payment received: { $amount }, settled as { $settled }.
event-contract = Sales contract { $number } signed.
event-deal-agreed = Deal agreed in “{ $task }”: { $side } accepted.
event-talks-broken = Talks in “{ $task }” ended without a deal: { $side } walked away.
event-guess-right = You named the counterpart's negotiation strategy correctly.
event-guess-wrong = You did not name the counterpart's negotiation strategy correctly.
side-seller = the seller
side-buyer = the buyer

## Negotiation desk
talks-tab-talks = Talks
talks-tab-review = Deal review
talks-review-after = The review opens when the talks are over.
talks-agreed = Deal agreed — { $side } accepted: { $deal }
talks-broken = No deal: { $side } walked away.
talks-status = Your move ({ $side }) · { $left } of { $deadline } offers left before the deadline
talks-status-hotseat = Move of { $side } · { $left } of { $deadline } offers left before the deadline
talks-pass-screen = Pass the screen to { $side }
talks-pass-screen-why = Each side's brief is private: the other student should not see it.
talks-i-am = I am { $side } — show my brief
talks-brief = Your private brief ({ $side })
talks-higher-better = higher is better for you, in equal steps
talks-lower-better = lower is better for you, in equal steps
talks-walk-away-value = Walk-away value: { $value } — never accept a deal worth less.
talks-their-offer = Their offer on the table
talks-worth = Worth { $value } to you
talks-reply-by = { $name } expects your reply by the end of day { $day }.
talks-accept = Accept their offer
talks-walk-away = Walk away
talks-no-offers-left = You have made every offer the deadline allows: accept their last offer or walk away.
talks-counter = Your counter-offer
talks-your-offer = Your offer
talks-worth-to-you = This offer is worth { $value } to you
talks-below-walk-away = This offer is worth less to you than walking away.
talks-note = Add to the letter (optional)
talks-note-hint = e.g. We can ship within 45 days if you confirm this week.
talks-send = Send offer ({ $left } left)
talks-letters = Letters
talks-no-letters = No letters yet: you make the first offer.
talks-letter-from = From { $sender } · day { $day }
review-metrics = How the deal went
review-your-utility = Your utility
review-their-utility = Their utility
review-welfare = Joint welfare (sum)
review-to-pareto = Distance to the Pareto frontier
review-to-nash = Distance to the Nash point
review-offers = Offers exchanged
review-walk-away = Walk-away values (seller / buyer)
review-reading = A deal on the green frontier cannot be improved for one side without hurting the other; the diamond is the Nash point, the fairest split of the gains over walking away.
review-guess = Which strategy was the counterpart using?
review-guess-submit = Check my answer
review-guess-right = Right: { $guess }.
review-guess-wrong = Not { $guess }.
review-strategy-was = The counterpart played { $strategy } — { $family }.
review-hotseat = Hotseat game: both sides were students, so there is no AI strategy to guess.
strategy-boulware = Boulware (holds firm, concedes late)
strategy-linear = Linear (concedes evenly)
strategy-conceder = Conceder (concedes early)
strategy-tit-for-tat = Tit-for-tat (mirrors your concessions)
strategy-hard-headed = Hard-headed (never concedes)
strategy-random = Random
strategy-boulware-hint = A Boulware negotiator barely moves until the deadline is near. Against one, concede in small steps, trade concessions for something, and be ready to close late.
strategy-linear-hint = A linear negotiator concedes the same amount every round: its offers let you predict where it will end.
strategy-conceder-hint = A conceder gives ground quickly. Do not close too early: there was probably more to gain.
strategy-tit-for-tat-hint = Tit-for-tat answers each of your concessions with one of the same size: if you stand still, so does it.
strategy-hard-headed-hint = A hard-headed negotiator never concedes; only the deadline moves it. Know your walk-away value.
strategy-random-hint = Random offers carry no signal: judge each offer by what it is worth to you.
chart-seller-axis = seller's utility →
chart-buyer-axis = ↑ buyer's utility
chart-seller-offers = seller's offers
chart-buyer-offers = buyer's offers
chart-frontier = Pareto frontier (◆ Nash point)
chart-walk-away = walk-away values
chart-deal = ○ the deal

## Sales contract
contract-title = Sales contract { $number }
contract-signed = Signed
contract-seller = Seller
contract-buyer = Buyer
contract-goods = Goods
contract-quantity = Quantity
contract-unit-price = Unit price
contract-amount = Total amount
contract-incoterm = Delivery term
contract-payment = Payment
contract-route = Route
contract-goods-ready = Goods ready
contract-latest-shipment = Latest shipment
contract-lc-expiry = L/C expiry

## Shipping documents
talks-tab-documents = Documents
talks-documents-after = The documents come after a signed contract.
docs-intro = Ship by { $latest } and present the documents within { $days } days of shipment. Prepare each document from the contract.
docs-refused = Payment refused: { $count ->
        [one] 1 discrepancy
       *[other] { $count } discrepancies
    }. Correct the documents and present them again.
docs-paid = The documents comply: the buyer has paid, and the proceeds are settled into your home currency.
docs-done = Done: see the payment in the timeline and your cash.
docs-shipment = Shipment:
docs-in-production = the goods are in production until { $date }.
docs-ready-to-book = the goods are ready; no container booked yet.
docs-booked = container booked; the vessel sails on { $date }.
docs-book = Book the container (sails { $date })
docs-rebook = Book again (next sailing { $date })
docs-invoice = Commercial invoice
docs-invoice-no = Invoice number
docs-invoice-date = Invoice date (YYYY-MM-DD)
docs-description = Description of goods
docs-quantity = Quantity (pieces)
docs-unit-price = Unit price
docs-amount = Total amount
docs-currency = Currency
docs-incoterm = Delivery term
docs-choose = choose…
docs-packing = Packing list
docs-packages = Cartons
docs-net = Net weight (kg)
docs-gross = Gross weight (kg)
docs-bl = Bill of lading
docs-on-board = Shipped on board (YYYY-MM-DD)
docs-loading = Port of loading
docs-discharge = Port of discharge
docs-freight = Freight
docs-prepaid = Prepaid
docs-collect = Collect
docs-insurance = Insurance certificate
docs-insurance-not-needed = Under this delivery term the buyer insures the main carriage: leave the certificate empty.
docs-insured = Amount insured
docs-insurance-currency = Currency of cover
docs-insurance-date = Date of issue (YYYY-MM-DD)
docs-clauses = Cover
docs-origin = Certificate of origin
docs-origin-country = Country of origin (ISO code)
docs-presented-on = Presented today, { $date }.
docs-present = Present the documents
contract-ship-by = ship by { $date }

## Deal profit sheet
profit-title = Deal profit sheet
profit-expected = Not paid yet: the proceeds are valued at today's rate.
profit-proceeds = Export proceeds
profit-fx = of which FX gain (+) or loss (−) since the contract
profit-goods = Cost of the goods
profit-rebate = Export VAT rebate
profit-inland = Inland costs (trucking, terminal, documents)
profit-freight = Freight (paid by you under this Incoterm)
profit-insurance = Insurance premium (CIF/CIP)
profit-bank = Bank charges
profit-result = Profit (margin)

## Listing editor
listing-no-store = No market in this scenario has an online store.
listing-market = Market
listing-product = Product
listing-title = Title ({ $count } of { $limit } characters)
listing-bullets = Bullet points (one per line)
listing-description = Description
listing-search-terms = Search terms (hidden keywords)
listing-attributes = Attributes the category requires
listing-photos = Photos
listing-score = Listing quality { $score } / 1000
listing-no-findings = Nothing to improve: the listing is complete.
listing-price = Price (incl. VAT)
listing-stock = Units to add to stock
listing-bid = Ad bid per click
listing-budget = Daily ad budget
listing-discount = Deal discount (e.g. 10%)
listing-reference = Shoppers expect about { $price }.
listing-unit-cost = Your cost per unit: { $cost } (stock is bought when you publish).
listing-publish = Publish the listing
listing-update = Update the listing
listing-bad-numbers = Write prices as numbers (e.g. { $example }), stock as a whole number and the discount as a percentage.

## Store dashboard
storefront-tab-listing = Listing editor
storefront-tab-dashboard = Store dashboard
store-no-listing = You have no listing here yet: publish one in the listing editor.
store-orders = Orders
store-sales = Sales
store-ad-spend = Ad spend
store-ctr = CTR
store-cvr = CVR
store-cpc = CPC
store-acos = ACoS
store-roas = ROAS
store-tacos = TACoS
store-profit = Profit after all costs
store-by-day = Day by day (your listings)
store-day = Day
store-impressions = Impr.
store-clicks = Clicks
store-listings-now = The category today
store-seller = Seller
store-price = Price
store-rating = Rating
store-stock = Stock
store-quality = Quality
store-you = You
store-chart = Your sales and profit (bars), ad spend and promotion costs (lines) per day
store-no-days = No days played yet: press End day.

## Market research
storefront-tab-research = Market research
research-shoppers = About { $count } shoppers a day; traffic today: { $today } of normal.
research-keywords = What shoppers search (monthly)
research-keyword = Keyword
research-searches = Searches
research-share = Share
research-seasons = Seasons
research-no-seasons = No seasonal peaks in this market.
research-competitors = Competitors in the category
research-rank = Best rank
research-checkout = What a parcel pays at checkout
research-checkout-how = At the shoppers' reference price, under the market's customs rules today (VAT inside the price, duty per parcel), before your costs.
research-reference = Reference price
research-taxes = Taxes
research-left = After taxes and fee
research-fees = Platform fees: referral { $referral } of the price, payout { $payout }.

## Promotion
promo-listing = { $sku } at { $price }: your margin per order is { $margin } ({ $share } of the price).
promo-margin-how = After checkout taxes { $taxes }, the referral fee { $fee }, the goods { $cost } and shipping { $shipping }.
promo-apply = Apply to the listing
promo-bad-numbers = Write the bid and budget as numbers (e.g. 0.40) and the discount as a percentage.
promo-ad-sales = Ad sales
promo-acos-ok = ACoS { $acos } is well inside your { $margin } margin: the ads pay for themselves.
promo-acos-thin = ACoS { $acos } is close to your { $margin } margin: the ads barely break even.
promo-acos-loss = ACoS { $acos } is above your { $margin } margin: every ad sale loses money. Lower the bid or improve conversion.
promo-deal = Run a deal:
promo-deal-for = off for
promo-deal-days = days
promo-deal-start = Start the deal
promo-deal-running = A deal is running: { $discount } off through day { $day }.

# Shipping, coupons, creators and campaigns (B2C)
event-coupon = Coupon on { $sku }: { $discount } off through day { $day }, budget { $budget }.
event-influencer = { $creator } booked to post about { $sku } for { $fee }; live from day { $day }.
listing-shipping = Shipping
listing-handling = Handling time (days)
listing-delivery = Buyers wait about { $days } days for the parcel; it costs you { $cost } each.
listing-inbound = Stock goes to the warehouse by sea: { $freight } a unit, on sale { $days } days after you buy it.
listing-on-way = { $units } units are on their way to the warehouse.
store-promotion-costs = Coupon and creators' fees
store-money-axis = Amount
store-where = Where the money went (all days)
store-refunds = Refunds
store-taxes = Checkout taxes
store-referral = Referral fees
store-shipping = Shipping
store-goods = Goods
store-payout-fee = Payout fee
promo-ads = Sponsored search ads
promo-coupon = Coupon:
promo-coupon-budget = off, budget
promo-coupon-fee = The platform charges { $fee } for each coupon used; discounts and fees both come out of the budget.
promo-coupon-start = Start the coupon
promo-coupon-running = A coupon is running: { $discount } off through day { $day }, { $left } of the budget left.
promo-creators = Creators (off-site social posts)
promo-creators-how = A post sends followers straight to your listing over five days, most on the first. Audiences outside the creator's niche buy far less.
promo-creator = Creator
promo-channel = Channel
promo-followers = Followers
promo-engagement = Engagement
promo-fit = Audience
promo-fee = Fee
promo-book = Book a post
promo-fits = fits
promo-off-niche = off niche
promo-campaigns = Campaigns on this listing
promo-campaign = Campaign
promo-kind-ads = Sponsored ads
promo-kind-deal = Deal { $discount }
promo-kind-coupon = Coupon { $discount }
promo-kind-post = Post by { $creator }
promo-cancelled = replaced
promo-cost = Cost
promo-chart = Ads and creators: sales (bars) against spend (lines), per day
promo-social-sales = Sales from creators
promo-coupon-cost = Coupon discounts and fees
