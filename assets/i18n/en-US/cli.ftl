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
