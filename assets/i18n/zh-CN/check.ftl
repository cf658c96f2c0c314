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
check-nomenclature-summary = 商品编码表 { $edition }，含 { $extension }
check-scenario-summary = 情景 `{ $id }` —— { $title }
check-file-ok = 通过  { $file }（{ $summary }）
check-file-error = 有错  { $file }（{ $problems } 个问题）
check-warning = 警告 { $warning }
check-warning-file-name = 文件名是 `{ $stem }`，但情景的 id 是 `{ $id }`：学生和成绩报告都按 id 称呼情景；请把文件命名为 `{ $id }.scenario.ron`
check-warning-id-twice = 情景 id `{ $id }` 被 { $count } 个文件使用（{ $files }）：成绩报告按 id 指明情景，只有其中一个能用来核验
check-summary = 检查了 { $files } 个文件，{ $failed } 个有错，{ $warnings } 条警告
