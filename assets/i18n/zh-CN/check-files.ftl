# check-files.ftl：`check` 和游戏对读取文件、RON 语法与结构、各项上限、文件引用的规则包和商品编码表、
# `variants` 的诊断，以及给教师的警告（见 src/i18n.rs）。文件里的名称、路径和 ron 的原话放在反引号里。

## src/scenario/load.rs：读取文件
check-file-not-found = 找不到文件
check-file-permission-denied = 没有读取权限
check-file-cannot-read = 无法读取文件：`{ $error }`
check-file-not-regular = 不是普通文件（文件夹、设备或管道一律不读）
check-file-too-large = 文件有 { $size } 字节，超过了 { $limit } 字节的上限
check-file-too-large-unknown = 文件超过了 { $limit } 字节的上限
check-file-too-large-hint = 一个情景文件只有几 KB；请把图片和长文本移到 assets/ 里
check-file-not-utf8 = 文件不是有效的 UTF-8 编码
check-file-not-utf8-hint = 请把文件另存为 UTF-8；用 GBK/GB18030 或 UTF-16 保存的文件会出现这个错误
check-file-empty = 文件是空的
check-file-empty-hint = 情景文件以 `(format: 1, meta: (...), setup: (...))` 开头；可以用 `tradeport new --mode b2b FILE` 生成一个作为起点
check-file-format-version = 不支持的格式版本 { $version }；这个版本的程序只读取版本 { $supported }
check-file-format-newer = 这个文件是为更新版本的 Tradeport 写的；请更新游戏
check-file-format-older = 请写 `format: { $supported }`，并对照 `docs/scenario-format.md` 检查文件

## src/scenario/load.rs：RON 语法与结构
check-ron-unknown-field = 未知字段 `{ $field }`
check-ron-unknown-value = 未知取值 `{ $value }`
check-ron-one-of = 应为以下之一：{ $names }
check-ron-missing-field = 缺少字段 `{ $field }`
check-ron-missing-field-hint = 请加上 `{ $field }: ...`；`docs/scenario-format.md` 说明了每个字段
check-ron-duplicate-field = 字段 `{ $field }` 写了两次
check-ron-duplicate-field-hint = 只保留其中一个
check-ron-expected-string = 这里应是双引号括起的字符串
check-ron-expected-string-hint = 金额、汇率、百分比和日期都写成字符串，例如 "5000.00"、"19%"、"2026-09-01"；如果这一处之前少了 `]` 或 `)`，请补上
check-ron-number-not-string = 这里应是双引号括起的字符串，却写了数字 `{ $number }`
check-ron-number-not-string-hint = 请加上引号，例如 `"{ $number }"`；金额、汇率和百分比写成字符串，才能保持精确
check-ron-expected-name = 这里应写一个名称
check-ron-expected-name-hint = `B2C`、`Buyer` 这样的选项不加引号；也请检查这一处之前是否少了 `)` 或 `]`
check-ron-expected-integer = 这里应是整数
check-ron-integer-out-of-bounds = 整数超出了范围
check-ron-whole-number-hint = 请写不带引号的整数，例如 30
check-ron-expected-comma = 这里应有逗号
check-ron-expected-colon = 这里应有冒号
check-ron-expected-opening = 这里应有左括号 `{ $bracket }`
check-ron-expected-closing = 这里应有右括号 `{ $bracket }`
check-ron-end-of-file = 文件意外结束
check-ron-trailing = 结尾之后还有多余的字符
check-ron-missing-comma-hint = 请检查这一处之前是否漏了逗号，或括号没有配对
check-ron-expected-struct-named = 结构 { $name } 应以 `(` 开头
check-ron-expected-struct-unnamed = 这里应只写 `(`，不写名称
check-ron-struct-hint = 结构写成 `(field: value, ...)`
check-ron-list-hint = 列表写成 `[item, item]`
check-ron-struct-name = 这里应是结构 { $expected }，却写了 { $found }
check-ron-unclosed-comment = 块注释没有结束
check-ron-unclosed-line-comment = 行注释没有结束：原始值不能以行注释结尾；请改用块注释，或加一个换行
check-ron-close-comment-hint = 请用 `*/` 结束注释
check-ron-expected-boolean = 这里应是 `true` 或 `false`
check-ron-expected-float = 这里应是小数
check-ron-expected-option = 这里应是可选值（`Some(...)` 或 `None`）
check-ron-expected-unit = 这里应是 `()`
check-ron-expected-char = 这里应是单引号括起的一个字符
check-ron-integer-digit = 数字里有无效的字符 { $digit }（{ $base } 进制整数）
check-ron-leading-underscore = 数字不能以下划线开头
check-ron-float-underscore = 小数里不能有下划线
check-ron-unexpected-char = 这里不能有字符 { $char }
check-ron-raw-identifier = { $found } 不是合法的名称（RON 只接受原始标识符写法 `r#{ $name }`）
check-ron-escape = 字符串里的转义无效：`{ $what }`；反斜杠要写成 `\\`
check-ron-no-extension = RON 没有名为 { $name } 的扩展
check-ron-other = 这里有语法错误：`{ $ron }`
check-ron-full-width = `{ $mark }` 是全角（中文）{ $name }；在引号外，RON 需要半角的 `{ $ascii }`（请把输入法切换为英文标点）
check-ron-mark-comma = 逗号
check-ron-mark-colon = 冒号
check-ron-mark-opening-quote = 左引号
check-ron-mark-closing-quote = 右引号
check-ron-mark-opening-parenthesis = 左括号
check-ron-mark-closing-parenthesis = 右括号
check-ron-mark-semicolon = 分号
check-ron-mark-opening-bracket = 左方括号
check-ron-mark-closing-bracket = 右方括号

## src/scenario/limits.rs
check-file-cannot-inspect = 无法检查这个文件：`{ $error }`
check-file-out-of-range = `{ $field }` 的值 { $value } 超出了范围
check-file-out-of-range-hint = 请用 { $min } 到 { $max } 之间的值；各字段为何有此上限，见 `docs/limits.md`
check-file-text-too-long = 文本有 { $chars } 个字符，超过了 { $limit } 的上限
check-file-text-too-long-hint = 请缩短；长篇材料应放进讲义，而不是情景文件
check-file-list-too-long = 列表有 { $items } 项，超过了 { $limit } 的上限
check-file-list-too-long-hint = 请把情景拆成几个较小的情景

## src/scenario/mod.rs：文件引用的规则包和商品编码表
check-file-pack-unreadable = 无法打开规则包 `{ $pack }`（{ $why }）
check-file-pack-where-hint = 路径相对于情景文件，且不能离开它所在的文件夹，例如 "rules/eu.rules.ron"；内置规则包只写 id，例如 (id: "eu")
check-file-shipment-pack-hint = 内置规则包写它的 id，例如 "eu"，或写这个文件所在文件夹里的文件
check-file-pack-id-mismatch = 规则包 `{ $file }` 声明的 id 是 `{ $declared }`，但情景称它为 `{ $called }`
check-file-pack-id-hint = 这里请写 `id: "{ $declared }"`（引用它的每个市场也一样）
check-file-nomenclature-not-read = 没有读取商品编码表文件
check-file-nomenclature-not-read-hint = 请写情景所在文件夹里的一个 `*.nomenclature.ron` 文件
check-file-nomenclature-unreadable = 无法打开商品编码表 `{ $file }`（{ $why }）
check-file-nomenclature-hint = 请写情景所在文件夹里的文件，例如 "hs.nomenclature.ron"；或者去掉 `nomenclature`，使用内置的编码表
check-file-no-bundled-pack = 没有名为 `{ $id }` 的内置规则包
check-file-outside-folder = `{ $file }` 在情景所在的文件夹之外；只读取这个文件夹里的文件（或按 id 指定的内置规则包）
check-file-links-outside = `{ $file }` 链接到情景文件夹之外的文件，这样的文件一律不读
check-file-looked-for = { $why }；查找的是 `{ $path }`

## src/scenario/variant.rs
check-file-class-code = 班级代码由 1 到 { $max } 个字母、数字和 `-` 组成，例如 `GZ-2026-A`
check-file-variant-not-path = `{ $field }` 不是字段路径
check-file-variant-not-path-hint = 路径的写法与 check 的提示相同，例如 `setup.tasks[1].negotiation.seller.reservation`
check-file-variant-not-number = `{ $field }` 不是这个情景里的数值
check-file-variant-not-number-hint = 请指定一个存放数值、比率或金额的字段（列表项按序号，从 0 开始）
check-file-variant-not-numbers = `from`、`to` 和 `step` 必须是数字，写法与字段相同
check-file-variant-example = 例如 `from: "0.35", to: "0.45", step: "0.01"`
check-file-variant-with-percent = `{ $field }` 的写法带 `%`
check-file-variant-without-percent = `{ $field }` 的写法不带 `%`
check-file-variant-percent-hint = `from` 和 `to` 的写法要与字段相同
check-file-variant-whole = 这个字段是整数
check-file-variant-whole-hint = 请用整数
check-file-variant-order = `step` 必须大于零，且 `from` 不能大于 `to`
check-file-variant-too-many-values = 这个范围有 { $count } 个取值，超过了 { $max }
check-file-variant-too-many-values-hint = 请用更大的步长
check-file-variant-too-many-ranges = 有 { $count } 个范围，超过了 { $max }
check-file-variant-too-many-ranges-hint = 只变动那几个能让抄来的答案出错的数字
check-file-variant-unusable = 无法生成变体：`{ $error }`
check-file-variant-lowest = 当 `variants` 的每个范围都取最小值时：{ $message }
check-file-variant-highest = 当 `variants` 的每个范围都取最大值时：{ $message }
check-file-variant-sample = 在样本学生 { $student }（班级 { $class }）的变体中：{ $message }

## src/scenario/scaffold.rs
check-file-name-suffix = 情景文件名以 `{ $suffix }` 结尾，例如 `my-first-deal{ $suffix }`
check-file-name-id = id（`{ $suffix }` 之前的名字）由 1 到 { $max } 个小写字母、数字和 `-` 组成，例如 `my-first-deal`

## src/class/package.rs、src/game/scenario_assets.rs
check-file-package-too-large = 超过了情景文件允许的大小
check-file-asset-failed = 游戏未能载入这个文件：`{ $error }`

## src/authoring：警告（文件有效，但无法按预期运作）
check-warn-at = `{ $path }`：{ $warning }
check-warn-needs-declaration = 报关单（`declaration:`）
check-warn-needs-negotiation = 谈判（`negotiation:`）
check-warn-needs-letter = 要回复的来信（`letter:`）
check-warn-needs-listing = 店铺商品（活动 `Storefront` 或 `Promotion`）
check-warn-wrong-activity = `{ $check }` 检查的是{ $what }，而任务 `{ $task }`（`{ $activity }`）没有：任何玩法都得不到这一项；请把这条评分标准移到有它的任务上
check-warn-letter-no-counterpart = 任务 `{ $task }` 要求回复一封来信，却没有指定写信的 `counterpart`
check-warn-letter-never-written = 任务 `{ $task }` 要求回复 `{ $who }` 的来信，但 `{ $who }` 在第 { $day } 天之前不会来信：请在第 { $day } 天或之前加一个 `Message(from: "{ $who }", …)` 事件
check-warn-letter-maybe-written = 任务 `{ $task }` 要求回复 `{ $who }` 的来信，但 `{ $who }` 在第 { $day } 天之前不一定来信（只有随机事件可能来信）：请在第 { $day } 天或之前加一个 `Message(from: "{ $who }", …)` 事件
check-warn-no-agreement = 没有协议区间：没有哪个报价同时让卖方和买方都不低于各自的底线，不可能成交；请降低一方的 `reservation`，或放宽选项
check-warn-price-below-cost = 按初始汇率，每个单价都不高于 `{ $sku }` 的单位成本：任何成交都没有利润；请提高价格选项
check-warn-not-the-company = `{ $name }` 不是学生所在的公司（`{ $company }`）：标准答案会替别人申报货物
check-warn-net-weight = { $quantity } × `{ $sku }`，每件 { $each } g，应为 { $expected } kg，却申报了 { $declared } kg：装箱单与商品资料不一致
check-warn-gross-weight = { $declared } kg 低于该行的净重（{ $net } kg）或商品本身的毛重（{ $least } kg）
check-warn-event-no-change = 这个事件什么也不改变（变化为零）
check-warn-event-no-chance = `{ $event }` 不可能发生（`daily_chance` 或 `max_times` 为零）
check-warn-random-no-change = `{ $event }` 什么也不改变（变化为零）
check-warn-undrawable = 第 { $line } 行第 { $col } 列：`{ $char }`（U+{ $code }）不在界面字体里（拉丁字母、GB 18030 实现级别 1、繁体字和生僻人名用字）：屏幕上会显示成方框；请换用常用字
check-warn-expert-misses = AI 专家在 `{ $criterion }`（{ $task }）上只得到 { $possible } 分中的 { $earned } 分：{ $reason }——请确认学生能拿到这些分
check-warn-variant = 在样本学生 { $student }（班级 { $class }）的变体中：{ $warning }
