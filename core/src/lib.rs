//! `sspr-core` owns every decision sspr makes: the wire types the widget and the edge exchange,
//! the one-time-code verifier, the reset flow state machine, the password rules and the signed
//! webhook format. It performs no I/O: callers pass the current time, random bytes, keys and
//! stored state in, and get decisions and effects back. It builds for native targets and for
//! `wasm32-unknown-unknown`, so the edge and the widget run exactly this code.

#![deny(missing_docs)]

pub mod api;
pub mod flow;
pub mod fluent;
pub mod locale;
pub mod mask;
pub mod methods;
pub mod offers;
pub mod outbox;
pub mod password;
pub mod policy;
pub mod registration;
pub mod report;
pub mod throttle;
pub mod ticket;
pub mod token;
pub mod username;
pub mod webhook;

/// Milliseconds since the Unix epoch. Core never reads a clock; callers pass this in.
pub type UnixMillis = u64;
