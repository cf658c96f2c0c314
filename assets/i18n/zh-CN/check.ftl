# check.ftl：`check` 和游戏对情景文件、规则包文件的诊断（见 src/i18n.rs）。

diagnostic-error = { $where }：错误：{ $message }
diagnostic-at = 位置：{ $path }
diagnostic-hint = 提示：{ $hint }
check-did-you-mean = 是不是想写 { $names }？
check-try = 可以写成 "{ $text }"

## src/sim/check.rs
check-id-empty = id 是空的
check-id-empty-hint = 起一个简短的名字，例如 "de-buyer"
check-id-characters = id `{ $id }` 含有字母、数字、`-` 和 `_` 以外的字符
diagnostic-headline = { $message }（位置：{ $path }）
diagnostic-here = 这里

## src/cli/mod.rs：check
check-no-files = 在给出的路径中没有找到 *.scenario.ron 或 *.rules.ron 文件
check-rule-pack-summary = 规则包 `{ $id }`，{ $rules } 条规则
check-nomenclature-summary = 商品编码表 { $edition }，含“{ $extension }”
check-scenario-summary = 情景 `{ $id }` —— { $title }
check-file-ok = 通过  { $file }（{ $summary }）
check-file-error = 有错  { $file }（{ $problems } 个问题）
check-warning = 警告 { $warning }
check-warning-file-name = 文件名是 `{ $stem }`，但情景的 id 是 `{ $id }`：学生和成绩报告都按 id 称呼情景；请把文件命名为 `{ $id }.scenario.ron`
check-warning-id-twice = 情景 id `{ $id }` 被 { $count } 个文件使用（{ $files }）：成绩报告按 id 指明情景，只有其中一个能用来核验
check-summary = 检查了 { $files } 个文件，{ $failed } 个有错，{ $warnings } 条警告

## src/sim/check.rs：id、引用、文字、金额、数字、日期和编码的检查
# 文件里写的、目录中还没有的文字，原样显示。
check-as-written = { $message }
check-duplicate = { $what } `{ $id }` 重复了（第一次用在 `{ $first }`）
check-duplicate-hint = 同一个列表里的 id 不能重复；请改名或删去其中一个
check-unknown = 找不到{ $what } `{ $id }`
check-unknown-near = 是不是想写 { $names }？否则请把 `{ $id }` 加进 { $list }
check-unknown-none-defined = 还没有定义任何{ $what }；请把它加进 { $list }
check-unknown-known = 已有：{ $known }；或者把 `{ $id }` 加进 { $list }
# 找不到的 id 可以加进的列表（上面的 $list）。
check-list-products = `setup.products`
check-list-markets = `setup.markets`
check-list-counterparts = `setup.counterparts`
check-list-rule-packs = `setup.rule_packs`
check-list-own = 它所在的列表
# 检查所指的东西（上面和其他文件消息中的 $what）。
check-what-product = 商品
check-what-market = 市场
check-what-counterpart = 交易方
check-what-rule-pack = 规则包
check-what-negotiation-task = 谈判任务
check-what-keyword = 关键词
check-what-declaration-field = 申报栏目
check-what-letter-point = 信函要点
check-what-currency = 币种
check-what-market-id = 市场 id
check-what-sku = SKU
check-what-counterpart-id = 交易方 id
check-what-task-id = 任务 id
check-what-criterion-id = 评分项 id
check-what-random-event-id = 随机事件 id
check-what-exchange-rate-for = 汇率的币种
check-what-seat-id = 座位 id
check-what-rule-id = 规则 id
check-what-content-unit = 含量单位
check-what-postage-id = 邮资 id
check-what-competitor-id = 竞争对手 id
check-what-influencer-id = 达人 id
check-what-model-listing-product = 示范商品页的商品
check-what-shipping-option-id = 运输方式 id
check-what-point-id = 要点 id
check-what-dearest-deal = 最贵的一笔交易（最高单价 × 最大数量）
check-needs-english = 这段文字需要英文
check-needs-english-hint = 商品名称要写进发票和报关单，这些单据用英文填写
check-text-empty = 文字是空的
check-text-empty-hint = 写 `en: "..."`、`zh: "..."` 或两者都写（只有中文的文字，英文读者看到时会注明只有中文）
check-not-currency-code = `{ $code }` 不是货币代码
check-currency-code-hint = 请使用三个大写字母的 ISO 4217 代码，例如 "EUR"
check-currency-code-hint-short = 请使用三个大写字母的 ISO 4217 代码
check-iso-currency-hint = 请使用 ISO 4217 代码，例如 "EUR"
check-unknown-currency = 未知的币种 `{ $code }`
check-unknown-currency-near = 是不是想写 { $names }？否则请把它加进 `setup.currencies`
check-unknown-currency-hint = 请把它加进 `setup.currencies`
check-rule-pack-currencies = 规则包可以使用 { $codes }
check-use-one-of = 请使用其中之一：{ $codes }
check-negative-amount = 金额为负：{ $amount } { $currency }
check-negative-amount-hint = 这里的金额必须大于或等于零
check-amount-too-large = 金额 { $amount } { $currency } 太大
check-amount-limit = 金额最多为 { $max } 个最小货币单位（{ $max_amount } { $currency }）
check-too-many-decimals = `{ $amount }` 的小数位数超过了 { $currency } 允许的 { $max } 位
check-round-to = 请四舍五入到 { $max } 位小数
# 小数不被接受的原因；供下面四条消息连同其 $text 使用。
check-decimal-reason = { $reason ->
        [comma] 用了不是千位分隔符的逗号；小数请用小数点，例如 "8.25"
        [decimals] 的小数超过 { $max } 位
        [large] 太大
       *[number] 不是十进制数
    }
check-decimal-bad = `{ $text }` { check-decimal-reason }
check-amount-bad = 金额 `{ $text }` { check-decimal-reason }
check-weight-bad = 重量 `{ $text }` { check-decimal-reason }
check-content-bad = 含量 `{ $text }` { check-decimal-reason }
check-amount-bad-hint = 请把金额写成十进制字符串，例如 "1250.00"
check-over-money-limit = { $what } 超过了金额上限
check-money-limit-hint = 一行货物或一份合同的金额最多为 1,000,000,000.00（见 `docs/limits.md`）
check-out-of-range = `{ $field }` 的值 { $value } 超出范围
check-use-range = 请使用 { $min } 到 { $max } 之间的值
check-not-percentage = `{ $text }` 不是百分数；请写成 "19%" 这样
check-percent-hint = 百分数是以 % 结尾的字符串，例如 "13%"
check-decimal-hint = 请写成十进制字符串，例如 "0.75"
check-date-form = `{ $text }` 不是 YYYY-MM-DD 格式的日期
check-date-bad-year = `{ $text }`：年份有误
check-date-bad-month = `{ $text }`：月份有误
check-date-bad-day = `{ $text }`：日有误
check-date-not-real = `{ $text }` 不是日历上真实存在的日期
check-date-real-hint = 请核对该月的天数（二月有 28 天，闰年 29 天）
check-date-form-hint = 日期写成 "YYYY-MM-DD"，例如 "2026-09-01"
check-not-country-code = `{ $code }` 不是国家代码
check-country-code-hint = 请使用两个大写字母（ISO 3166-1），例如 "DE"、"CN"、"GB"
check-not-hs-prefix = `{ $prefix }` 不是 HS 编码前缀
check-hs-prefix-hint = 最多写 10 位数字，不带点，例如 "6206"；留空表示所有商品

## src/sim/scenario/mod.rs：情景文件
check-format-version = 不支持的格式版本 { $version }
check-format-hint = 请写 `format: 1`
check-scenario-id = 情景 id `{ $id }` 只能由小写字母、数字和 `-` 组成
check-scenario-id-hint = 例如 "b2b-silk-blouses"
check-estimated-time-zero = 预计用时为零
check-estimated-time-zero-hint = 写明一堂课大约需要多少分钟，例如 45
check-no-learning-objectives = 没有学习目标
check-no-learning-objectives-hint = 列出学生学完后能做到什么
check-length-days = 时长 { $days } 天超出范围
check-length-days-hint = 请使用 1 到 { $max } 天
check-minor-units-iso = 按 ISO 4217，{ $code } 有 { $iso } 位小数单位，而不是 { $written } 位
check-minor-units-iso-hint = 请设为 `minor_units: { $iso }`
check-minor-units-many = 小数单位超过 4 位
check-minor-units-many-hint = 货币使用 0 到 3 位小数
check-starting-cash-twice = { $currency } 在初始资金中列了两次
check-starting-cash-twice-hint = 每种货币只列一个余额
check-reputation-above-100 = 信誉 { $reputation } 超过了 100
check-reputation-range-hint = 信誉的范围是 0 到 100
check-hs-code-digits = HS 编码 `{ $code }` 格式有误：应为 6、8 或 10 位数字，实际为 { $digits } 位
check-hs-code-digits-hint = HS 编码国际通用 6 位，各国细分到 8 位或 10 位；中国申报 10 位，例如 "6206100000"
check-net-weight-zero = 净重为零
check-net-weight-zero-hint = 称一件不含包装的重量，单位为克
check-gross-below-net-g = 毛重 { $gross } 克低于净重 { $net } 克
check-gross-below-net-g-hint = 毛重包括包装，所以至少等于净重
check-dimension-zero = 有一个尺寸为零
check-dimension-zero-hint = 请给出包装后的尺寸，单位为毫米
check-name-empty = 名称是空的
check-counterpart-name-hint = 请写上此人或公司的名称
check-strategy-exponent = 让步指数为 { $exponent } 的谈判者不会像 `{ $strategy }` 策略那样让步
check-strategy-exponent-hint = `Boulware` 的指数须小于 1（例如 "0.4"），`Linear` 恰好为 1，`Conceder` 须大于 1（例如 "2.5"）
check-patience-zero = 耐心为 0 轮
check-patience-zero-hint = 至少允许 1 轮出价
check-buyer-target = 买方的开盘目标（{ $target }）高于其保留价格（{ $reservation }）
check-buyer-target-hint = 买方开价低，超过保留价格就退出：`target` ≤ `reservation`
check-seller-target = 卖方的开盘目标（{ $target }）低于其保留价格（{ $reservation }）
check-seller-target-hint = 卖方开价高，低于保留价格就退出：`target` ≥ `reservation`
check-no-tasks = 情景中没有任务
check-no-tasks-hint = 至少添加一个计分的任务
check-declaration-not-customs = 只有报关任务才能有报关单
check-declaration-not-customs-hint = 请设为 `activity: Customs`，或删去报关单
check-negotiation-not-negotiation = 只有谈判任务才能有谈判
check-negotiation-not-negotiation-hint = 请设为 `activity: Negotiation`，或删去谈判
# 谈判所需的交易方（$needed）。
check-needed-buyer = 一个 `Buyer`（买方）
check-needed-seller = `Seller`、`Supplier` 或 `Forwarder`（卖方、供应商或货代）
check-negotiation-no-counterpart = 谈判需要一个交易方
check-negotiation-no-counterpart-hint = 请从 `setup.counterparts` 中指定{ $needed }
check-negotiation-wrong-counterpart = 学生是 `{ $side }` 一方，所以交易方必须是{ $needed }，但 `{ $id }` 是 `{ $kind }`
check-negotiation-wrong-counterpart-hint = 请另选一个交易方，或修改 `student_side`
check-negotiation-no-product = 谈判需要写明所售的商品
check-negotiation-no-product-hint = 请把 `product` 设为合同所涉商品的 SKU
check-no-rubric = 任务没有评分项
check-no-rubric-hint = 写明这个任务靠什么得分
check-criterion-zero-points = 评分项为 0 分
check-criterion-zero-points-hint = 给它分数，或者删去
check-rubric-total = 评分项合计 { $sum } 分，但 `rubric_total` 是 { $total }
check-rubric-total-hint = 请把 `rubric_total` 改为 { $sum }，或调整各评分项的分数
check-window-backwards = 时间窗在第 { $to } 天结束，早于开始的第 { $from } 天
check-window-backwards-hint = `to_day` 必须等于或晚于 `from_day`
check-max-times-zero = `max_times` 为 0，事件永远不会发生
check-max-times-zero-hint = 请使用 1 或更大的数，或删去该事件
check-rate-for-home = { $code } 是本币，不需要汇率
check-remove-entry = 请删去这一项
check-no-exchange-rate = 没有 { $code } 的汇率，而 `{ $first }` 用到了它
check-no-exchange-rate-hint = 请添加 `(currency: "{ $code }", rate: "...")`，写明 1 { $code } 合多少 { $home }
check-day-outside = 第 { $day } 天不在情景之内（第 1 到 { $length } 天）
check-day-outside-hint = 请使用第 1 到 { $length } 天，或加长 `setup.length_days`
check-reputation-change = 信誉变化 { $delta } 超出范围
check-reputation-change-hint = 请使用 -100 到 100
check-question-no-topics = 问题没有写询问的方面
check-question-no-topics-hint = 列出买家询问的方面，例如 `[Condition, ImportCharges]`
check-seats-count = { $count } 个座位
check-seats-count-hint = 最多声明 { $max } 个座位
check-seat-id = 座位 id `{ $id }`
check-seat-id-reserved-hint = `{ $id }` 是班级保留的名字（教师的座位和共享市场的座位）：请给这个座位另起名字
check-seats-company = 有 { $count } 个座位扮演公司
check-seats-company-hint = 必须恰好有一个座位扮演 `Company`（情景中的 `role`）
check-seats-counterparts = 有 { $count } 个座位扮演交易方
check-seats-counterparts-hint = 最多只能有一个座位扮演 `Counterparts`

## src/sim/rules.rs：规则包
check-jurisdiction-empty = 管辖区是空的
check-jurisdiction-empty-hint = 请使用 CN、EU、UK、US 或某个国家代码
check-rule-ends-before-start = 规则的结束日期（{ $to }）早于开始日期（{ $from }）
check-rule-ends-before-start-hint = `valid_to` 是规则适用的最后一天，不能早于 `valid_from`
check-rule-source = 规则需要写明出处
check-rule-source-hint = 写明法规或公告，例如 "Council Directive (EU) 2017/2455"
check-amount-not-pack-currency = 金额 { $amount } 不是以规则包的货币 { $currency } 计
check-amount-not-pack-currency-hint = 请用 { $currency } 写金额，这是该管辖区计征所用的货币
check-additional-duty-program = 附加关税需要写明所属计划
check-additional-duty-program-hint = 写明计划名称，例如 "Section 301"：同一计划内以最长的 HS 前缀为准
check-price-threshold-zero = 价格门槛必须大于零
check-price-threshold-zero-hint = 例如 "10.00"
check-up-to-and-below = 同时给出了 `up_to_value` 和 `below_value`
check-up-to-and-below-hint = 只保留 `up_to_value`：`below_value` 是它的旧名字
check-missing-up-to-value = 缺少字段 `up_to_value`
check-missing-up-to-value-hint = 请添加 `up_to_value: (currency: "EUR", amount: "150.00")`：固定关税所涵盖的最大货值
check-rebate-without-refund = 不退税的出口却写了退税率
check-rebate-without-refund-hint = 请删去 `rebate_rate`，或改为 `refund: OnDeparture`

## src/sim/scenario/nomenclature.rs：HS 商品编码表节选
check-no-sections = 没有类
check-no-sections-hint = 至少添加一个类
check-chapter-code = 章号 `{ $code }` 不是两位数字
check-heading-code = 品目 `{ $code }` 不是第 { $chapter } 章下的四位数字
check-subheading-code = 子目 `{ $code }` 不是品目 { $heading } 下的六位数字
check-no-national-line = 没有本国税号
check-no-national-line-hint = 请添加 10 位编码
check-national-code = 本国税号 `{ $code }` 不是子目 { $subheading } 下的十位数字

## src/sim/customs/shipment.rs：货物文件（到岸成本）
check-shipment-currency-hint = 请使用 ISO 4217 代码，例如 "USD"、"EUR"、"CNY"
check-invoice-currency = 发票以 { $code } 计价，但 { $jurisdiction } 以 { $pack_currency } 计征关税
check-invoice-currency-hint = 请添加 `exchange_rate: "..."`：申报当日 1 { $code } 合多少 { $pack_currency }
check-shipment-negative-amount = 金额为负：{ $amount }
check-shipment-negative-amount-hint = 金额必须大于或等于零
check-shipment-amount-hint = 请写成十进制字符串，例如 "125.50"
check-insurance-both = 同时给出了保险金额和保险费率
check-insurance-both-hint = 只写一个：`insurance: "45.60"` 或 `insurance_rate: "0.3%"`
check-price-includes-insurance = `{ $incoterm }` 价格已经包含保险
check-price-includes-insurance-hint = 请删去 `insurance_rate`；它用于不含保险的价格（EXW、FCA、FAS、FOB、CPT、CFR）
check-proof-without-origin = 货物没有原产地，却有原产地证明
check-proof-without-origin-hint = 请在文件或各行货物中添加 `origin: "JP"`
check-year-to-date = `{ $text }` 不是大于或等于零的金额
check-year-to-date-hint = 以规则包的货币计，例如 "12000.00"
check-no-goods-lines = 货物文件中没有货物行
check-no-goods-lines-hint = 至少添加一行
check-hs-code-malformed = HS 编码 `{ $code }` 格式有误
check-hs-code-malformed-hint = 请写 6、8 或 10 位数字，例如 "6206100000"
check-quantity-zero = 数量为 0
check-quantity-zero-hint = 至少申报一件
check-weight-zero = 重量 `{ $text }` 必须大于零
check-weight-zero-hint = 单位为千克，例如 "0.180"
check-weight-bad-hint = 单位为千克，最多 3 位小数，例如 "12.500"
check-content-range = 含量 `{ $text }` 必须大于零且不超过 1,000,000
check-content-range-hint = 每件所含的量，例如 50 ml 一瓶的写 "50"（ml）
check-content-bad-hint = 最多 3 位小数的数字，例如 "50" 或 "7.5"
check-gross-below-net-kg = 毛重 { $gross } 千克低于净重 { $net } 千克
check-gross-below-net-kg-hint = 毛重包括包装
