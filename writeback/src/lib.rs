//! sspr's writeback connector: it runs next to the organisation's directory, takes the edge's
//! signed requests (the signed-webhook protocol of `sspr_core::webhook`) and applies them to
//! OpenLDAP or Active Directory.
//!
//! - [`config`]: the TOML file and the secrets from the environment;
//! - [`service`]: signature, replay and idempotency checks, then the directory;
//! - [`ldap`] and [`dialect`]: the directory's side;
//! - [`server`] and [`tls`]: HTTPS with optional client certificates.

pub mod config;
pub mod dialect;
pub mod directory;
pub mod journal;
pub mod ldap;
pub mod server;
pub mod service;
pub mod tls;
