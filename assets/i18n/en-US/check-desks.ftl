# check-desks.ftl: see src/i18n.rs
