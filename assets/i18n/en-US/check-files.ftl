# check-files.ftl: what `check` and the game say of reading a file, of its RON syntax and
# shape, its limits, the rule packs and nomenclature it names and its `variants`, and the
# instructors' warnings (see src/i18n.rs). Every message here is the English of a diagnostic or
# a warning; golden files and tests hold these words exactly.

## src/scenario/load.rs: reading a file
check-file-not-found = file not found
check-file-permission-denied = permission denied
check-file-cannot-read = cannot read file: { $error }
check-file-not-regular = not a regular file (a folder, device or pipe is never read)
check-file-too-large = file is { $size } bytes, over the limit of { $limit } bytes
check-file-too-large-unknown = file is more than that bytes, over the limit of { $limit } bytes
check-file-too-large-hint = a scenario is a few kilobytes; move images and long texts into assets/
check-file-not-utf8 = file is not valid UTF-8
check-file-not-utf8-hint = save the file as UTF-8; files saved as GBK/GB18030 or UTF-16 show this error
check-file-empty = the file is empty
check-file-empty-hint = a scenario starts with `(format: 1, meta: (...), setup: (...))`; `tradeport new --mode b2b FILE` writes one to start from
check-file-format-version = unsupported format version { $version }; this build reads version { $supported }
check-file-format-newer = this file was written for a newer Tradeport; update the game
check-file-format-older = set `format: { $supported }` and check the file against docs/scenario-format.md

## src/scenario/load.rs: RON syntax and shape (ron's own words where it has them)
check-ron-unknown-field = unknown field `{ $field }`
check-ron-unknown-value = unknown value `{ $value }`
check-ron-one-of = expected one of { $names }
check-ron-missing-field = missing field `{ $field }`
check-ron-missing-field-hint = add `{ $field }: ...`; docs/scenario-format.md describes every field
check-ron-duplicate-field = field `{ $field }` is given twice
check-ron-duplicate-field-hint = keep one of them
check-ron-expected-string = expected a string in double quotes
check-ron-expected-string-hint = money, rates, percentages and dates are strings, e.g. "5000.00", "19%", "2026-09-01"; if a `]` or `)` is missing just before this point, add it
check-ron-number-not-string = expected a string in double quotes, found the number { $number }
check-ron-number-not-string-hint = write it in quotes, e.g. "{ $number }"; money, rates and percentages are strings so they stay exact
check-ron-expected-name = expected a name here
check-ron-expected-name-hint = choices such as `B2C` or `Buyer` are written without quotes; also check for a missing `)` or `]` just before this point
check-ron-expected-integer = expected integer
check-ron-integer-out-of-bounds = integer is out of bounds
check-ron-whole-number-hint = write a whole number without quotes, e.g. 30
check-ron-expected-comma = expected comma
check-ron-expected-colon = expected colon
check-ron-expected-opening = expected opening `{ $bracket }`
check-ron-expected-closing = expected closing `{ $bracket }`
check-ron-end-of-file = unexpected end of RON
check-ron-trailing = non-whitespace trailing characters
check-ron-missing-comma-hint = look for a missing comma or an unbalanced bracket just before this point
check-ron-expected-struct-named = expected opening `(` for struct { $name }
check-ron-expected-struct-unnamed = expected only opening `(`, no name, for un-nameable struct
check-ron-struct-hint = write a structure as `(field: value, ...)`
check-ron-list-hint = write a list as `[item, item]`
check-ron-struct-name = expected struct { $expected } but found { $found }
check-ron-unclosed-comment = unclosed block comment
check-ron-unclosed-line-comment = `ron::value::RawValue` cannot end in unclosed line comment, try using a block comment or adding a newline
check-ron-close-comment-hint = close the comment with `*/`
check-ron-expected-boolean = expected boolean
check-ron-expected-float = expected float
check-ron-expected-option = expected option
check-ron-expected-unit = expected unit
check-ron-expected-char = expected char
check-ron-integer-digit = invalid digit { $digit } for base { $base } integers
check-ron-leading-underscore = unexpected leading underscore in a number
check-ron-float-underscore = unexpected underscore in float
check-ron-unexpected-char = unexpected char { $char }
check-ron-raw-identifier = found invalid std identifier { $found }, try the raw identifier `r#{ $name }` instead
check-ron-escape = { $what }
check-ron-no-extension = no RON extension named { $name }
check-ron-other = { $ron }
check-ron-full-width = `{ $mark }` is a full-width (Chinese) { $name }; outside quoted text RON needs the ASCII `{ $ascii }` (switch the input method to English punctuation)
check-ron-mark-comma = comma
check-ron-mark-colon = colon
check-ron-mark-opening-quote = opening quotation mark
check-ron-mark-closing-quote = closing quotation mark
check-ron-mark-opening-parenthesis = opening parenthesis
check-ron-mark-closing-parenthesis = closing parenthesis
check-ron-mark-semicolon = semicolon
check-ron-mark-opening-bracket = opening bracket
check-ron-mark-closing-bracket = closing bracket

## src/scenario/limits.rs
check-file-cannot-inspect = cannot inspect the file: { $error }
check-file-out-of-range = `{ $field }` { $value } is out of range
check-file-out-of-range-hint = use a value from { $min } to { $max }; docs/limits.md says why each field has its limit
check-file-text-too-long = text of { $chars } characters is over the limit of { $limit }
check-file-text-too-long-hint = shorten it; long material belongs in a handout, not in the scenario file
check-file-list-too-long = list of { $items } items is over the limit of { $limit }
check-file-list-too-long-hint = split the scenario into smaller ones

## src/scenario/mod.rs: the rule packs and nomenclature a file names
check-file-pack-unreadable = cannot open rule pack `{ $pack }` ({ $why })
check-file-pack-where-hint = a path is relative to the scenario file and stays in its folder, e.g. "rules/eu.rules.ron"; a bundled pack is named by its id alone, e.g. (id: "eu")
check-file-shipment-pack-hint = name a bundled pack by its id, e.g. "eu", or a file in this file's folder
check-file-pack-id-mismatch = rule pack `{ $file }` declares id `{ $declared }`, but the scenario calls it `{ $called }`
check-file-pack-id-hint = use `id: "{ $declared }"` here (and in every market that refers to it)
check-file-nomenclature-not-read = the nomenclature file was not read
check-file-nomenclature-not-read-hint = name a `*.nomenclature.ron` file in the scenario's folder
check-file-nomenclature-unreadable = cannot open nomenclature `{ $file }` ({ $why })
check-file-nomenclature-hint = name a file in the scenario's folder, e.g. "hs.nomenclature.ron", or leave `nomenclature` out to use the bundled one
check-file-no-bundled-pack = no bundled rule pack `{ $id }`
check-file-outside-folder = `{ $file }` is outside the scenario's folder; only files in that folder (or bundled packs by id) are read
check-file-links-outside = `{ $file }` links to a file outside the scenario's folder, which is never read
check-file-looked-for = { $why }; looked for { $path }

## src/scenario/variant.rs
check-file-class-code = a class code is 1 to { $max } letters, digits and `-`, e.g. `GZ-2026-A`
check-file-variant-not-path = `{ $field }` is not a field path
check-file-variant-not-path-hint = write the path as in check's messages, e.g. `setup.tasks[1].negotiation.seller.reservation`
check-file-variant-not-number = `{ $field }` is not a number of this scenario
check-file-variant-not-number-hint = name a field that holds a number, a rate or an amount (list items by index, from 0)
check-file-variant-not-numbers = `from`, `to` and `step` must be numbers written like the field
check-file-variant-example = e.g. from: "0.35", to: "0.45", step: "0.01"
check-file-variant-with-percent = `{ $field }` is written with `%`
check-file-variant-without-percent = `{ $field }` is written without `%`
check-file-variant-percent-hint = write `from` and `to` as the field is written
check-file-variant-whole = the field is a whole number
check-file-variant-whole-hint = use whole numbers
check-file-variant-order = `step` must be above zero and `from` at most `to`
check-file-variant-too-many-values = the range holds { $count } values, more than { $max }
check-file-variant-too-many-values-hint = use a larger step
check-file-variant-too-many-ranges = { $count } ranges, more than { $max }
check-file-variant-too-many-ranges-hint = vary the few numbers that make a copied answer wrong
check-file-variant-unusable = { $error }
check-file-variant-lowest = with every `variants` range at its lowest value: { $message }
check-file-variant-highest = with every `variants` range at its highest value: { $message }
check-file-variant-sample = in the variant of sample student { $student } (class { $class }): { $message }

## src/scenario/scaffold.rs
check-file-name-suffix = a scenario file's name ends in `{ $suffix }`, e.g. `my-first-deal{ $suffix }`
check-file-name-id = the id (the name before `{ $suffix }`) is 1 to { $max } lowercase letters, digits and `-`, e.g. `my-first-deal`

## src/class/package.rs, src/game/scenario_assets.rs
check-file-package-too-large = larger than a scenario file may be
check-file-asset-failed = { $error }

## src/authoring: warnings (valid, but will not work as meant)
check-warn-at = { $path }: { $warning }
check-warn-needs-declaration = a declaration (`declaration:`)
check-warn-needs-negotiation = a negotiation (`negotiation:`)
check-warn-needs-letter = a letter to answer (`letter:`)
check-warn-needs-listing = a storefront listing (activity `Storefront` or `Promotion`)
check-warn-wrong-activity = `{ $check }` checks { $what }, which task `{ $task }` ({ $activity }) does not have: no play can earn it; move the criterion to the task that has one
check-warn-letter-no-counterpart = task `{ $task }` asks for a reply to a letter but names no `counterpart` to write it
check-warn-letter-never-written = task `{ $task }` asks for a reply to a letter from `{ $who }`, but `{ $who }` does not write by day { $day }: add a `Message(from: "{ $who }", …)` event on day { $day } or before
check-warn-letter-maybe-written = task `{ $task }` asks for a reply to a letter from `{ $who }`, but `{ $who }` does not write by day { $day } for certain (only a random event may): add a `Message(from: "{ $who }", …)` event on day { $day } or before
check-warn-no-agreement = no zone of agreement: no offer is worth its walk-away value to both the seller and the buyer, so no deal is possible; lower one side's `reservation` or widen the options
check-warn-price-below-cost = every unit price is at or below the unit cost of `{ $sku }` at the starting rate: no deal leaves a margin; raise the price options
check-warn-not-the-company = `{ $name }` is not the student's company (`{ $company }`): the model answer would declare someone else's goods
check-warn-net-weight = { $declared } kg for { $quantity } × `{ $sku }` of { $each } g each ({ $expected } kg): the packing list and the product disagree
check-warn-gross-weight = { $declared } kg is below the line's net weight ({ $net } kg) or the products' own gross weight ({ $least } kg)
check-warn-event-no-change = the event changes nothing (a change of zero)
check-warn-event-no-chance = `{ $event }` has no chance of happening (daily_chance or max_times is zero)
check-warn-random-no-change = `{ $event }` changes nothing (a change of zero)
check-warn-undrawable = line { $line }:{ $col }: `{ $char }` (U+{ $code }) is not in the interface font (Latin, GB 18030 level 1 Chinese, Traditional and rare name characters): it shows as a box on screen; use a common character instead
check-warn-expert-misses = the AI expert earns { $earned } of { $possible } on `{ $criterion }` ({ $task }): { $reason } — check that a student can earn it
check-warn-variant = in the variant of sample student { $student } (class { $class }): { $warning }
