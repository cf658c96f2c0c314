# cli.ftl: see src/i18n.rs
