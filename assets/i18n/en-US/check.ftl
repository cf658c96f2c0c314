# check.ftl: what `check` and the game say of a scenario or rule-pack file (see src/i18n.rs).
# Every message here is the English of a diagnostic; golden files hold these words exactly.

diagnostic-error = { $where }: error: { $message }
diagnostic-at = at: { $path }
diagnostic-hint = hint: { $hint }
check-did-you-mean = did you mean { $names }?
check-try = try "{ $text }"

## src/sim/check.rs
check-id-empty = id is empty
check-id-empty-hint = give it a short name such as "de-buyer"
check-id-characters = id `{ $id }` has characters other than letters, digits, `-` and `_`
diagnostic-headline = { $message } (at { $path })
diagnostic-here = here

## src/cli/mod.rs: check
check-no-files = no *.scenario.ron or *.rules.ron files found in the given paths
check-rule-pack-summary = rule pack `{ $id }`, { $rules } rules
check-nomenclature-summary = nomenclature { $edition } with { $extension }
check-scenario-summary = scenario `{ $id }` — { $title }
check-file-ok = ok    { $file }  ({ $summary })
check-file-error = error { $file }  ({ $problems } { $problems ->
        [one] problem
       *[other] problems
    })
check-warning = warning { $warning }
check-warning-file-name = the file is named `{ $stem }` but the scenario's id is `{ $id }`: students and reports name it by its id; call the file `{ $id }.scenario.ron`
check-warning-id-twice = scenario id `{ $id }` is used by { $count } files ({ $files }): a report names its scenario by id, so only one of them can be checked against
check-summary = { $files } { $files ->
        [one] file
       *[other] files
    } checked, { $failed } with errors, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
