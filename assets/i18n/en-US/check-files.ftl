# check-files.ftl: see src/i18n.rs
