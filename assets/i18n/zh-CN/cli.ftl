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
cli-lc-preference-not-claimed = 原产地 { $origin }：优惠税率 { $rate } 需要原产地证明，而这批货物没有；适用最惠国（非优惠）税率
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

## src/cli/mod.rs：new
cli-new-exists = 文件已存在；`new` 从不覆盖已有的文件（请换一个文件名）
cli-new-wrote = 已写入 { $file }（情景 `{ $id }`）
cli-new-next = 下一步：编辑这个文件（开头的注释说明从哪里改起），然后运行 `tradeport check { $file }` 和 `tradeport simulate { $file }`

## src/cli/mod.rs：list
cli-list-title = { $folder } 中的内置情景：
cli-list-row = { $minutes } 分钟  { $title }
cli-list-broken = 已损坏：{ $problems } 个问题，请运行 `tradeport check { $file }`
cli-list-separator = {"、"}

## src/cli/mod.rs：expert
cli-expert-run = 专家演示：{ $title }（{ $id }），随机种子 { $seed }，第 { $days } 天 / 共 { $total } 天
cli-expert-move = 第 { $day } 天：{ $what }
cli-expert-move-task = 第 { $day } 天 [{ $task }]：{ $what }
cli-expert-task = { $task } —— { $earned } / { $possible }
cli-expert-missed = 失分 { $earned } / { $possible }：{ $criterion } —— { $reason }
cli-expert-total = 总计：{ $earned } / { $possible } 分；现金 { $cash-start } → { $cash-end }；信誉 { $reputation-start } → { $reputation-end }

## src/cli/mod.rs：tournament
cli-tournament-no-task = { $file }：没有谈判任务；含谈判的任务：{ $tasks }
cli-tournament-no-task-named = { $file }：没有谈判任务 `{ $task }`；含谈判的任务：{ $tasks }
cli-tournament-none = 无
cli-tournament-title = 策略对抗赛：{ $scenario } / 任务 `{ $task }` —— { $issues } 个议题，{ $outcomes } 种可能的成交方案，期限 { $rounds } 轮，每对策略 { $runs } 场，随机种子 { $seed }
cli-tournament-reservation = 保留值：卖方 { $seller }，买方 { $buyer }
cli-tournament-col-seller = 卖方
cli-tournament-col-buyer = 买方
cli-tournament-col-agree = 成交率
cli-tournament-col-u-sell = 卖方效用
cli-tournament-col-u-buy = 买方效用
cli-tournament-col-welfare = 总福利
cli-tournament-col-pareto = 帕累托
cli-tournament-col-nash = 纳什
cli-tournament-col-rounds = 轮数
cli-tournament-means = 效用和距离是达成协议时的平均值（0 到 1）；帕累托、纳什：在效用空间中的距离。
cli-tournament-throughput = { $seconds } 秒内完成 { $negotiations } 场谈判：每秒 { $rate } 场（单核）

## src/cli/simulate.rs
cli-sim-unknown-player = 未知的玩家 `{ $name }`：玩家只有 `expert`（专家）、`novice`（新手）和 `random`（随机玩家）
cli-sim-title = 模拟 `{ $id }` —— { $title }：{ $players } 各玩 { $runs } 次，使用 { $threads } 个线程，随机种子从 { $seed } 起
cli-player-expert = 专家
cli-player-novice = 新手
cli-player-random = 随机玩家
cli-sim-distribution = { $player }：{ $runs } 次，平均 { $mean } · 最低 { $min } · p10 { $p10 } · p25 { $p25 } · 中位数 { $median } · p75 { $p75 } · p90 { $p90 } · 最高 { $max }
cli-sim-criteria = 评分标准：拿到全部分数的次数占比（{ $players }）
cli-sim-criterion = { $points } 分  { $task } —— { $criterion }
cli-sim-no-warnings = 平衡性：没有警告
cli-sim-warning = 警告：{ $warning }
cli-sim-warning-expert-low = 专家平均得分 { $mean }：换了随机种子，有些分数很难拿到（见上面的评分标准）
cli-sim-warning-novice-easy = 新手平均得分 { $mean }：太容易了
cli-sim-warning-novice-hard = 新手平均得分 { $mean }：对一个班来说太难了
cli-sim-warning-novice-like-expert = 新手得分和专家一样高：评分标准区分不出水平高低
cli-sim-warning-random-high = 随机玩家平均得分 { $mean }：评分标准奖励了随便点击
cli-sim-warning-random-like-novice = 随机玩家得分和新手一样高：评分标准没有奖励懂行的人
cli-sim-warning-expert-misses = 专家在不到一半的模拟中拿到 `{ $criterion }`（{ $task }）的分数
cli-sim-warning-random-earns = 连随机玩家也能拿到 `{ $criterion }`（{ $task }）的分数：它区分不出任何人
cli-sim-wrote = 已写入 { $file }（{ $rows } 行）
cli-sim-rate = { $player } 每秒 { $rate } 次
cli-sim-throughput = 速度（{ $threads } 个线程）：{ $rates }

## src/cli/mod.rs：replay、report
cli-no-name = （未填写姓名）
cli-replay-scenario = 情景：{ $id }（{ $hash }）
cli-replay-seed = 随机种子：{ $seed }
cli-replay-log = 日志：{ $commands } 条命令，摘要 { $digest }
cli-replay-student = 学生：{ $student }
cli-replay-days = 天数：第 { $days } 天 / 共 { $total } 天
cli-replay-days-finished = 天数：第 { $days } 天 / 共 { $total } 天，已完成
cli-replay-points = 得分：{ $earned } / { $possible }
cli-replay-cash = 现金：{ $start } -> { $end }
cli-replay-reputation = 信誉：{ $start } -> { $end }
cli-replay-task = 任务 { $task }：{ $earned } / { $possible }
cli-failed = tradeport：{ $why }
cli-replay-failed = tradeport：{ $file }：{ $why }（核对所用的情景：{ $scenario }）
cli-replay-report-written = 报告已写入 { $file }
cli-report-html-written = HTML 报告已写入 { $file }
cli-report-row-added = 已在成绩册 { $file } 中添加一行
cli-load-unreadable = 无法读取 { $file }：{ $why }
cli-load-save = { $file }：{ $why }
cli-save-corrupted = 存档已损坏，无法读取（{ $why }）
cli-save-too-new = 存档由更新版本的 Tradeport 写入（格式 { $found }；本版本最多能读格式 { $supported }）
cli-save-older-scenario = 是在旧版本的情景（或其修改过的副本）上玩的：存档对应情景 `{ $expected }`（{ $expected-hash }），但载入的是 `{ $found }`（{ $found-hash }）
cli-save-other-scenario = 存档对应情景 `{ $expected }`（{ $expected-hash }），但载入的是 `{ $found }`（{ $found-hash }）
cli-save-refused = 重放时，日志中的第 { $index } 条命令被拒绝：{ $why }
cli-save-other-variant = 这份存档不是在班级 `{ $code }` 给学号 `{ $student }` 的变体上玩的：它是另一个学生的变体（或者情景后来改过）

## src/cli/mod.rs：verify
cli-verify-unreadable = 未通过验证：{ $why }
cli-verify-not-verified = 未通过验证：{ $file }：{ $why }
cli-verify-no-class-code = 玩的时候没有使用班级代码 { $code }（用的是原始情景，而不是该学生自己的变体）
cli-verify-other-class-code = 玩的时候用的班级代码是 { $played }，不是 { $code }
cli-verify-variant = 班级 { $code } 给学号 { $student } 的变体
cli-verify-market = 共享市场（共 { $tables } 桌）的第 { $table } 桌
cli-verify-market-bought = 共享市场（共 { $tables } 桌）的第 { $table } 桌，在同学的商品上操作了 { $moves } 次
cli-verify-team = 小组：{ $names }（其中 { $own } 条命令是本人的）
cli-verify-events = 教师触发的事件：{ $events }
cli-verify-against = 核对所用的情景：{ $file }（{ $hash }）
cli-verify-clause-separator = {"；"}
cli-verify-replay-failed = 未通过验证：{ $file }：{ $why }；{ $against }
cli-verify-verified = 已验证：{ $student }，情景 { $id }，随机种子 { $seed }：{ $earned } / { $possible } 分；{ $against }
cli-verify-verified-seat = 已验证：{ $student }（座位 { $seat }），情景 { $id }，随机种子 { $seed }：{ $earned } / { $possible } 分；{ $against }
cli-verify-claims = 未通过验证：{ $file }：有 { $claims } 项声明不成立；{ $against }
cli-verify-count = { $reports } 份报告中有 { $verified } 份通过验证
cli-verify-count-csv = { $reports } 份报告中有 { $verified } 份通过验证；已在 { $file } 中添加 { $verified } 行
cli-claim-differs = { $what }：报告写的是 { $claimed }，重放得到的是 { $actual }
cli-claim-scenario = 情景
cli-claim-seed = 随机种子
cli-claim-log-digest = 日志摘要
cli-claim-student = 学生
cli-claim-total-points = 总分
cli-claim-points-possible = 满分
cli-claim-days-played = 已玩天数
cli-claim-finished = 是否完成
cli-claim-mode = 模式
cli-claim-cash-end = 结束时的现金
cli-claim-reputation-end = 结束时的信誉
cli-claim-tasks = 各任务得分
cli-claim-not-in-team = 小组：报告中的学生不是小组成员
cli-claim-command-not-in-log = 小组：该学生的第 { $index } 条命令不在日志中
cli-no-such-scenario = 没有名为 `{ $name }` 的情景文件，也没有这个 id 的内置情景；内置情景：{ $bundled }

## CSV 成绩册的列名（src/export.rs）
csv-student-name = 学生姓名
csv-student-id = 学号
csv-scenario = 情景
csv-seed = 随机种子
csv-days-played = 已进行天数
csv-finished = 是否完成
csv-mode = 模式
csv-points = 得分
csv-possible = 满分
csv-percent = 得分率
csv-competency = { $name }（得分/满分）
csv-cash-end = 期末现金
csv-currency = 币种
csv-reputation-end = 期末信誉
csv-scenario-hash = 情景哈希
csv-log-digest = 日志摘要
