//! Flow tokens: what the widget holds between steps. A token is opaque to its holder: 128
//! random bits followed by the address of the state that owns the flow (a Durable Object id
//! at the edge). Only the SHA-256 of the random part is stored, so stored state cannot be
//! turned back into a usable token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Bytes of randomness in a token.
pub const SECRET_BYTES: usize = 16;
/// Longest owner address a token may carry.
const MAX_OWNER_BYTES: usize = 64;

/// A flow token, split into its random secret and the address of its owner.
///
/// ```
/// use sspr_core::token::FlowToken;
///
/// let token = FlowToken::new(vec![0xab; 32], &mut |buf: &mut [u8]| buf.fill(1));
/// let parsed = FlowToken::parse(&token.encode()).unwrap();
/// assert_eq!(parsed.owner(), &[0xab; 32]);
/// assert_eq!(parsed.secret_hash(), token.secret_hash()); // what is stored
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct FlowToken {
    secret: [u8; SECRET_BYTES],
    owner: Vec<u8>,
}

impl std::fmt::Debug for FlowToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlowToken")
            .field("owner", &hex::encode(&self.owner))
            .finish()
    }
}

/// Why a string is not a flow token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a flow token")]
pub struct MalformedToken;

impl FlowToken {
    /// A new token for the state at `owner`, from random bytes the caller supplies.
    ///
    /// # Panics
    ///
    /// If `owner` is empty or longer than 64 bytes.
    pub fn new(owner: Vec<u8>, fill: &mut dyn FnMut(&mut [u8])) -> FlowToken {
        assert!(!owner.is_empty() && owner.len() <= MAX_OWNER_BYTES);
        let mut secret = [0u8; SECRET_BYTES];
        fill(&mut secret);
        FlowToken { secret, owner }
    }

    /// Reads a token the widget sent back.
    ///
    /// # Errors
    ///
    /// [`MalformedToken`] if `text` is not unpadded URL-safe base64 of a secret followed by
    /// an owner of 1 to 64 bytes. A well-formed token may still be unknown or expired: compare
    /// [`FlowToken::secret_hash`] with the stored one.
    pub fn parse(text: &str) -> Result<FlowToken, MalformedToken> {
        if text.len() > 4 * (SECRET_BYTES + MAX_OWNER_BYTES) / 3 + 4 {
            return Err(MalformedToken);
        }
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| MalformedToken)?;
        if bytes.len() <= SECRET_BYTES || bytes.len() > SECRET_BYTES + MAX_OWNER_BYTES {
            return Err(MalformedToken);
        }
        let (secret, owner) = bytes.split_at(SECRET_BYTES);
        Ok(FlowToken {
            secret: secret.try_into().expect("split at SECRET_BYTES"),
            owner: owner.to_vec(),
        })
    }

    /// The text form handed to the widget (unpadded URL-safe base64).
    pub fn encode(&self) -> String {
        let mut bytes = self.secret.to_vec();
        bytes.extend_from_slice(&self.owner);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The address of the state that owns this flow.
    pub fn owner(&self) -> &[u8] {
        &self.owner
    }

    /// What is stored to recognise this token later.
    pub fn secret_hash(&self) -> String {
        hex::encode(Sha256::digest(self.secret))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;

    #[test]
    fn a_token_survives_encoding() {
        let token = FlowToken::new(vec![0xab; 32], &mut test_fill(1));
        let parsed = FlowToken::parse(&token.encode()).unwrap();
        assert_eq!(parsed, token);
        assert_eq!(parsed.owner(), &[0xab; 32]);
    }

    #[test]
    fn two_tokens_for_the_same_owner_differ() {
        let mut fill = test_fill(2);
        let a = FlowToken::new(vec![1; 32], &mut fill);
        let b = FlowToken::new(vec![1; 32], &mut fill);
        assert_ne!(a.encode(), b.encode());
        assert_ne!(a.secret_hash(), b.secret_hash());
    }

    #[test]
    fn garbage_is_not_a_token() {
        for bad in ["", "!!!", "abc", &"A".repeat(500)] {
            assert_eq!(FlowToken::parse(bad), Err(MalformedToken), "{bad:?}");
        }
    }

    #[test]
    fn the_stored_hash_does_not_contain_the_token() {
        let token = FlowToken::new(vec![7; 32], &mut test_fill(3));
        assert!(!token.encode().contains(&token.secret_hash()));
        assert!(!format!("{token:?}").contains(&hex::encode(token.secret)));
    }
}
