//! Verifiers, one per method, each a small type with its own error enum. Time and randomness
//! are passed in; what they store is safe to store (hashes, or secrets the edge encrypts).

pub mod approval;
pub mod code;
pub mod phone;
pub mod questions;
pub mod totp;
