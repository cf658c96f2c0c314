# Tradeport user interface, Simplified Chinese. Messages missing here fall back to English.
# 游戏中显示的每条文字都来自这里。消息 id 须与 en-US/main.ftl 保持一致。

app-title = 贸易港 Tradeport
app-tagline = 跨境电商实务演练：B2B 交易、B2C 店铺、C2C 销售与报关
points = { $points } 分

## 主菜单 Main menu
menu-start = 开始情境
menu-settings = 设置
menu-quit = 退出
menu-shortcuts = ↑/↓ 选择 · Enter 开始 · S 设置 · Ctrl+Q 退出
menu-scenarios-in = { $dir } 中的情境
menu-no-scenarios = 未找到情境。请将 *.scenario.ron 文件放入情境文件夹。
menu-pick-one = 请在左侧选择一个情境。
menu-loading = 加载中…
menu-broken = 此文件有 { $count } 个问题
menu-broken-hint = 请用文本编辑器修改并保存该文件，此列表会自动重新加载。
menu-minutes = { $minutes } 分钟
menu-days = 游戏内 { $days } 天
menu-your-role = 你的角色
menu-objectives = 你将学会
menu-tasks = 评分任务
menu-author = 作者：{ $author }

## 标签 Labels
mode-b2b = B2B
mode-b2c = B2C
mode-c2c = C2C
difficulty-beginner = 入门
difficulty-intermediate = 中级
difficulty-advanced = 高级
activity-customs = 报关
activity-negotiation = 交易磋商
activity-storefront = 店铺
activity-promotion = 推广
activity-c2c = C2C 销售
activity-inbox = 收件箱
activity-customs-intro = 向海关申报货物：进行商品归类，按成交方式（贸易术语）确定申报价格，并对照发票、装箱单和合同逐项核对每个申报栏目。
activity-negotiation-intro = 与买方或供应商就价格、数量、贸易术语、支付方式和交货期进行磋商，然后将达成的交易落实为合同。
activity-storefront-intro = 在跨境电商平台上架商品，所定价格须覆盖到岸成本和各项平台费用，并跟踪订单情况。
activity-promotion-intro = 投放广告、优惠券和促销活动，并结合你的利润率，用点击率 CTR、转化率、广告销售成本比 ACoS 和广告支出回报率 ROAS 评估效果。
activity-c2c-intro = 通过拍卖或“议价”（Make an Offer）方式向海外出售二手商品，答复买家提问，并保持良好的信用评价。
activity-inbox-intro = 来自买家、供应商、货代以及本公司的消息。
activity-desk-pending = 本版贸易港尚未提供此业务的工作台：你可以查看任务和数据，但暂时无法在此提交作业或评分。
activity-tasks-here = 本业务的任务
competency-import-export = 进出口业务操作
competency-customs = 报关报检
competency-marketing = 市场调研与营销
competency-store = 店铺运营
competency-english = 商务英语沟通
counterpart-buyer = 买家
counterpart-seller = 卖家
counterpart-bidder = 竞拍者
counterpart-supplier = 供应商
counterpart-forwarder = 货运代理

## 设置 Settings
settings-title = 设置
settings-ui-scale = 界面大小
settings-language = 语言
settings-language-note = 如情境提供了译文，情境内容也会随之切换语言。
settings-back = 返回
settings-saved-to = 设置保存在 { $path }
settings-not-saved = 无法保存设置：{ $reason }

## 情境中 In a scenario
page-overview = 概览
play-shortcuts = 快捷键：1–9 切换页面 · N 结束当天 · A 自动推进 · Esc 暂停
weekday-mon = 周一
weekday-tue = 周二
weekday-wed = 周三
weekday-thu = 周四
weekday-fri = 周五
weekday-sat = 周六
weekday-sun = 周日
day-of = 第 { $day } 天 / 共 { $total } 天
day-short = 第 { $day } 天
rate-hover = 今日 1 { $currency } = { $rate } { $home }
reputation = 信誉
end-day = 结束当天
end-day-hint = 结束今天，进入下一天（N）
auto-advance = 自动推进
auto-advance-hint = 每隔几秒自动结束一天（A）
pause = 菜单
tasks-title = 任务
tasks-total = 评分标准总分：{ $points } 分
task-due = 第 { $day } 天截止（还剩 { $left } 天）
task-overdue = 已于第 { $day } 天截止
task-rubric = 得分要点
overview-objectives = 学习目标
overview-rates = 汇率
rate-since-start = 开局时为 { $rate }
overview-markets = 市场
col-market = 市场
col-country = 国家
col-currency = 币种
col-rules-today = 海关规定
rules-in-force = 今日有 { $count } 条规定生效（{ $pack }）
overview-products = 商品
col-sku = SKU
col-product = 商品
col-hs = HS 编码
col-unit-cost = 单位成本
col-weights = 净重 / 毛重
col-origin = 原产地
overview-people = 业务往来对象
daily-shoppers = 每天约 { $count } 名顾客
customs-rules-today = { $date } 生效的规定
inbox-empty = 暂无消息。
inbox-pick = 选择一条消息进行阅读。
inbox-from = 来自 { $from }，第 { $day } 天
inbox-from-company = 本公司
inbox-original = 英文原文

## 暂停菜单 Pause menu
pause-title = 已暂停
pause-resume = 继续（Esc）
pause-settings = 设置
pause-finish = 结束并查看复盘
pause-quit-to-menu = 退出到主菜单

## 复盘 Debrief
debrief-title = 复盘
debrief-finished = 你已完成全部 { $total } 天。
debrief-unfinished = 你在第 { $days } 天停止（共 { $total } 天）。
debrief-score = { $earned } / { $possible } 分
debrief-cash = 现金（本币）
debrief-customs-costs = 海关费用
debrief-customs-costs-value = 费用 { $fees }，罚款 { $penalties }
debrief-messages = 消息
debrief-messages-value = 收到 { $received } 条，未读 { $unread } 条
debrief-competencies = 按能力
debrief-tasks = 按任务
debrief-task-score = { $earned } / { $possible }
debrief-not-attempted = 未作答：此任务没有提交任何作业。
debrief-timeline = 事件经过
debrief-back = 返回主菜单（Enter）
event-message = 消息：{ $subject }
event-rate = { $currency } 汇率由 { $from } 变为 { $to }
event-cash = { $money }：{ $reason }
event-reputation = 信誉 { $from } → { $to }：{ $reason }
event-ended = 情境于第 { $day } 天结束。

## 加载与错误 Loading and errors
loading-scenario = 正在加载情境…
scenario-failed = 此情境无法启动：
event-declaration-cleared = 已申报（第 { $attempt } 次）：全部栏目正确，货物已放行。
event-declaration-rejected = 已申报（第 { $attempt } 次）：{ $wrong } 个栏目有误，{ $correct } 个正确；货物被扣留。

## 报关台 Declaration desk
desk-intro = 根据合同、发票和装箱单填制出口报关单，然后申报。海关将逐栏反馈。
desk-form = 出口货物报关单
desk-lodge = 申报
desk-cleared = 报关单已于第 { $attempt } 次申报时被接受。
desk-release-due = 货物将于第 { $day } 天放行。
desk-released = 货物已于第 { $day } 天放行。
event-customs-fee = 海关收取费用 { $money }。
event-customs-penalty = 低报价格被海关处罚：{ $money }。
event-inspection = 海关布控查验：再延长 { $days } 天。
event-release-scheduled = 报关单已接受：第 { $day } 天放行。
event-released = 海关已放行货物。
desk-held = 第 { $attempt } 次申报：{ $wrong } 个栏目有误，{ $correct } 个正确。货物被扣留，请更正后重新申报。
desk-contract = 合同
desk-invoice = 商业发票
desk-packing-list = 装箱单
doc-seller = 卖方
doc-buyer = 买方
doc-incoterm = 交货条件
doc-loading = 装运港
doc-discharge = 目的港
doc-transport = 运输方式
doc-currency = 币制
doc-total = 合计
doc-goods = 货物
doc-quantity = 数量
doc-unit-price = 单价
doc-amount = 金额
doc-cartons = 箱数
doc-net = 净重
doc-gross = 毛重
doc-origin = 原产地
decl-trade-mode = 监管方式
decl-consignor = 境内发货人
decl-consignee = 境外收货人
decl-contract-no = 合同协议号
decl-port-of-loading = 离境口岸
decl-destination-country = 运抵国（地区）
decl-transport-mode = 运输方式
decl-incoterm = 成交方式（贸易术语）
decl-currency = 币制
decl-choose = 请选择…
decl-item = 第 { $n } 项
decl-commodity-code = 商品编号（10位）
decl-name-spec = 商品名称及规格型号
decl-brand-type = 品牌类型
decl-export-preference = 出口享惠情况（0–3）
decl-first-quantity = 法定第一数量（件）
decl-second-quantity = 法定第二数量（千克）
decl-net-kg = 净重（千克）
decl-gross-kg = 毛重（千克）
decl-unit-price = 单价
decl-total-price = 总价
decl-origin = 原产国（地区）
decl-destination = 最终目的国（地区）
decl-add-line = 增加商品项
decl-remove-line = 删除最后一项

## 商品归类 HS classification
customs-tab-desk = 报关台
customs-tab-hs = 商品归类
customs-no-declaration = 本情景没有需要在申报台提交的报关单：商品以包裹形式寄送，关税和税费在结账时结算。可以在“商品归类”标签页练习商品归类，并查看下方现行规则。
hs-intro = 按照 { $edition } 目录及 { $national } 的本国子目，对每件商品逐级归类。请阅读类注和章注：标题仅为查找方便（规则一）。
hs-none = 本情境的商品均不在目录节选中。
hs-goods = 待归类商品
hs-weights = 净重 { $net } 克，毛重 { $gross } 克，原产地 { $origin }
hs-search = 查询税则目录
hs-search-hint = 输入编码或关键词，如 6206 或 丝
hs-steps = 你的归类
hs-section = 类
hs-chapter = 章
hs-heading = 品目（4位）
hs-subheading = 子目（6位）
hs-national = 本国子目（10位）
hs-submit = 提交归类
hs-result = { $total } 步中正确 { $correct } 步
hs-step-wrong = 你选择了 { $chosen }，正确为 { $correct }
event-classified = 已归类 { $sku }：{ $total } 步中正确 { $correct } 步。
