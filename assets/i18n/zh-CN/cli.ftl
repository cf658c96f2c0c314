# cli.ftl: see src/i18n.rs

## src/sim/customs/landed_cost.rs：到岸成本每一行金额的由来
cli-lc-goods = { $quantity } × { $unit }（{ $description }）
cli-lc-goods-converted = { $quantity } × { $unit }（{ $description }），按 1 { $invoice } = { $rate } { $currency } 折算
cli-lc-transport-added = { $incoterm } 价格，完税价格按 { $basis } 计：加上{ $what }
cli-lc-transport-removed = { $incoterm } 价格，完税价格按 { $basis } 计：减去{ $what }
cli-lc-what-freight = 运费
cli-lc-what-insurance = 保险费
cli-lc-customs-value = 完税价格（{ $basis } 基础，按 { $jurisdiction } 的估价规则）
cli-lc-over-transaction-single = { $value } 超过单次交易限值 { $limit }：单件不可分割的商品按一般贸易全额缴税
cli-lc-over-transaction = { $value } 超过单次交易限值 { $limit }：不能按跨境电商零售进口通关，请拆分订单或按一般贸易申报；下面按一般贸易计税
cli-lc-over-year-single = 这笔订单使买家超过年度限值 { $limit }：单件不可分割的商品按一般贸易全额缴税
cli-lc-over-year = 这笔订单使买家超过年度限值 { $limit }：不能按跨境电商零售进口通关，请拆分订单或按一般贸易申报；下面按一般贸易计税
cli-lc-within-limits = 在单次交易限值 { $transaction } 和年度限值 { $year } 之内
cli-lc-de-minimis = 货物本身价值 { $value } 不超过 { $threshold }：免征{ $relief }
cli-lc-relief-duty = 关税
cli-lc-relief-vat = 增值税
cli-lc-relief-duty-and-vat = 关税和增值税
cli-lc-vat-at-sale = 货物本身价值 { $value } 不超过 { $threshold }：由卖家或平台在结账时收取增值税
cli-lc-duty-relieved = 不征关税：低值免税
cli-lc-fixed-duty = { $amount } × { $count } 个不同的税则子目（{ $subheadings }），适用于货物本身价值不超过 { $limit } 的包裹
cli-lc-duty-ad-valorem = HS { $hs }：{ $value } 的 { $percent }
cli-lc-duty-specific = HS { $hs }：每{ $per } { $amount } × { $units }
cli-lc-duty-compound = HS { $hs }：{ $value } 的 { $percent } + 每{ $per } { $amount } × { $units }
cli-lc-additional-ad-valorem = { $program }，原产于 { $origin } 的 HS { $hs }：在正常关税之外加征 { $value } 的 { $percent }
cli-lc-additional-specific = { $program }，原产于 { $origin } 的 HS { $hs }：在正常关税之外加征每{ $per } { $amount } × { $units }
cli-lc-additional-compound = { $program }，原产于 { $origin } 的 HS { $hs }：在正常关税之外加征 { $value } 的 { $percent } + 每{ $per } { $amount } × { $units }
cli-lc-per-kilogram = 千克
cli-lc-per-unit = 件
cli-lc-per-litre = 升
cli-lc-per-pair = 双
cli-lc-preference-not-claimed = 原产地 { $origin }：优惠税率 { $rate } 需要原产地证明，而这批货物没有；适用普通税率
cli-lc-no-duty-rule = HS { $hs }：本规则包中没有对应的关税规则；按 0 计
cli-lc-consumption-tax = （{ $value } + 关税 { $duty }）/（1 − { $rate }）× { $rate }{ $reduced ->
        [none] {""}
       *[other] ，按 { $reduced } 征收
    }
cli-lc-consumption-tax-tested = （{ $value } + 关税 { $duty }）/（1 − { $rate }）× { $rate }{ $reduced ->
        [none] {""}
       *[other] ，按 { $reduced } 征收
    }；每{ $unit } { $per-content }{ $content ->
        [given] （{ $amount } { $units } { $price }）
       *[none] （未写明含量：按件计）
    }{ $outcome ->
        [reached] ，达到每{ $unit } { $threshold } 的门槛
        [below] ，低于每{ $unit } { $threshold } 的门槛
       *[none] ：该规则没有按{ $unit }计的价格门槛，因此适用
    }
cli-lc-below-price-test = 每{ $unit } { $per-content }{ $content ->
        [given] （{ $amount } { $units } { $price }）
       *[none] （未写明含量：按件计）
    }{ $outcome ->
        [reached] ，达到每{ $unit } { $threshold } 的门槛
        [below] ，低于每{ $unit } { $threshold } 的门槛
       *[none] ：该规则没有按{ $unit }计的价格门槛，因此适用
    }：不征消费税
cli-lc-content-ml = 毫升
cli-lc-content-g = 克
cli-lc-content-piece = 件
cli-lc-content-pieces = 件
cli-lc-vat-relieved = 不征增值税：低值免税
cli-lc-vat = { $base } 的 { $rate }{ $reduced ->
        [none] {""}
       *[other] {" "}× { $reduced }
    }
cli-lc-no-vat-rate = 本规则包中没有 { $destination } 的增值税税率；按 0 计
cli-lc-no-vat-rate-here = 本规则包中没有这个目的地的增值税税率；按 0 计
cli-lc-retail-reduction = 跨境电商零售进口：关税为 0%，增值税和消费税按应纳税额的 { $percent } 征收
cli-lc-fee = { $name }
cli-lc-regime = { $jurisdiction } 进口，{ $channel }{ $sale ->
        [yes] ，在销售时征收增值税
       *[no] {""}
    }
cli-lc-regime-over-limit = { $jurisdiction } 进口，一般贸易（超出零售限值）{ $sale ->
        [yes] ，在销售时征收增值税
       *[no] {""}
    }
cli-lc-channel-any = 任意渠道
cli-lc-channel-general-trade = 一般贸易
cli-lc-channel-cross-border-retail = 跨境电商零售
cli-lc-channel-bonded-retail = 保税零售
cli-lc-channel-b2b-direct-export = 跨境电商 B2B 直接出口
cli-lc-channel-overseas-warehouse-export = 海外仓出口
cli-lc-channel-postal = 邮政

## src/cli/mod.rs：landed-cost
cli-lc-title = 到岸成本：{ $regime }
cli-lc-declared = 规则包 `{ $pack }`（{ $jurisdiction }），申报日期 { $date }，{ $channel }，贸易术语 { $incoterm }
cli-lc-declared-to = 规则包 `{ $pack }`（{ $jurisdiction }），申报日期 { $date }，{ $channel }，贸易术语 { $incoterm }，运往 { $destination }
cli-lc-col-line = 项目
cli-lc-col-item = 货物
cli-lc-col-amount = 金额 { $currency }
cli-lc-col-rule = 规则
cli-lc-col-explanation = 说明
cli-lc-kind-goods-value = 货值
cli-lc-kind-freight = 运费
cli-lc-kind-insurance = 保险费
cli-lc-kind-customs-value = 完税价格
cli-lc-kind-duty = 关税
cli-lc-kind-consumption-tax = 消费税
cli-lc-kind-vat = 进口增值税
cli-lc-kind-vat-at-sale = 销售时增值税
cli-lc-kind-fee = 费用
cli-lc-kind-note = 说明
cli-lc-total-goods-value = 货值
cli-lc-total-customs-value = 完税价格
cli-lc-total-duty = 关税
cli-lc-total-consumption-tax = 消费税
cli-lc-total-vat = 进口增值税
cli-lc-total-vat-at-sale = 销售时增值税
cli-lc-total-fees = 费用
cli-lc-total-taxes = 税款合计
cli-lc-total-landed = 到岸总成本
cli-lc-sources = 依据：
