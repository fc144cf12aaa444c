//! Verifiers, one per method, each a small type with its own error enum. Time and randomness
//! are passed in; what they store is safe to store (hashes, or secrets the edge encrypts).

pub mod approval;
pub mod approver;
pub mod code;
pub mod phone;
pub mod questions;
pub mod totp;

/// A uniform draw from `0..bound` out of caller-supplied random bytes, without modulo bias:
/// candidates from the top of the `u32` range, where the remainders would be uneven, are
/// drawn again.
pub(crate) fn uniform_below(bound: u32, fill: &mut dyn FnMut(&mut [u8])) -> u32 {
    assert!(bound > 0, "a draw needs at least one outcome");
    let zone = u32::MAX - (u32::MAX % bound);
    loop {
        let mut bytes = [0u8; 4];
        fill(&mut bytes);
        let candidate = u32::from_le_bytes(bytes);
        if candidate < zone {
            return candidate % bound;
        }
    }
}
