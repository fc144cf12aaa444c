//! Who is calling a registration route: the signed-in user named by the
//! `Authorization: Bearer <credential>` header. A credential is either a ticket the host's
//! backend minted with the shared secret `REGISTRATION_TICKET_KEY` (`sspr1.…`, see
//! [`sspr_core::ticket`]), or an OpenID Connect ID token (anything else). ID tokens are
//! refused until the OIDC path lands beside the ticket one (the [`Credential::IdToken`] arm).
//!
//! Every refusal gets the same reply, whatever went wrong, and no credential is ever logged:
//! only the kind of refusal is, for operators.

use sspr_core::UnixMillis;
use sspr_core::api::{ApiError, ErrorCode, RegistrationError};
use sspr_core::ticket::{self, Ticket};

/// Longest credential read from the header, in bytes (ID tokens with many claims included).
pub const MAX_CREDENTIAL_BYTES: usize = 8 * 1024;

/// Who is signed in, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    /// The username, as the identity backend knows it.
    pub username: String,
    /// When the credential was issued (its sign-in), for actions that need a recent one.
    pub issued_at_ms: UnixMillis,
}

/// The kinds of credential a caller may present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Credential<'a> {
    /// A ticket minted by the host's backend (`sspr1.<payload>.<signature>`).
    Ticket(&'a str),
    /// An OpenID Connect ID token (a JWT).
    IdToken(&'a str),
}

impl std::fmt::Debug for Credential<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::Ticket(_) => "Ticket(…)",
            Credential::IdToken(_) => "IdToken(…)",
        })
    }
}

/// Why a caller was not let in; logged by kind only, and answered alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    #[error("no bearer credential")]
    Missing,
    #[error("the credential is too long")]
    TooLong,
    #[error("tickets are not accepted: REGISTRATION_TICKET_KEY is not set")]
    TicketsOff,
    #[error("ticket refused: {0}")]
    Ticket(#[from] ticket::TicketError),
    #[error("ID tokens are not accepted yet")]
    IdTokensOff,
}

impl SignInError {
    /// The one reply every refusal gets (401).
    pub fn reply(&self) -> RegistrationError {
        unauthenticated()
    }
}

/// The reply when there is no signed-in user (401 `unauthenticated`).
pub fn unauthenticated() -> RegistrationError {
    RegistrationError {
        error: ApiError::new(
            ErrorCode::Unauthenticated,
            "sign in again: send the sign-in credential as Authorization: Bearer <credential>",
        ),
    }
}

/// Reads the credential out of an `Authorization` header value.
///
/// # Errors
///
/// [`SignInError::Missing`] without a `Bearer` credential, [`SignInError::TooLong`] past
/// [`MAX_CREDENTIAL_BYTES`].
pub fn credential(authorization: Option<&str>) -> Result<Credential<'_>, SignInError> {
    let presented = authorization
        .and_then(|value| value.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, credential)| credential.trim())
        .filter(|credential| !credential.is_empty())
        .ok_or(SignInError::Missing)?;
    if presented.len() > MAX_CREDENTIAL_BYTES {
        return Err(SignInError::TooLong);
    }
    if presented.starts_with(&format!("{}.", ticket::PREFIX)) {
        Ok(Credential::Ticket(presented))
    } else {
        Ok(Credential::IdToken(presented))
    }
}

/// Verifies a ticket with the shared key (constant-time signature check in core).
///
/// # Errors
///
/// [`SignInError::TicketsOff`] without a key, or why the ticket was refused.
pub fn verify_ticket(
    key: Option<&[u8]>,
    ticket: &str,
    now: UnixMillis,
) -> Result<SignedIn, SignInError> {
    let key = key.ok_or(SignInError::TicketsOff)?;
    let claims = Ticket::verify(key, ticket, now)?;
    Ok(SignedIn {
        username: claims.sub,
        issued_at_ms: claims.iat.saturating_mul(1000),
    })
}

/// Who the `Authorization` header says is signed in, at `now`.
///
/// # Errors
///
/// Why the caller is not let in.
pub async fn signed_in(
    ticket_key: Option<&[u8]>,
    authorization: Option<&str>,
    now: UnixMillis,
) -> Result<SignedIn, SignInError> {
    match credential(authorization)? {
        Credential::Ticket(ticket) => verify_ticket(ticket_key, ticket, now),
        // The OIDC path (crate::oidc: the ID token against the issuer's JWKS, giving the
        // username claim and `iat`) goes here.
        Credential::IdToken(_) => Err(SignInError::IdTokensOff),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a ticket key shared with the host backend";
    const NOW: UnixMillis = 1_700_000_000_000;

    fn bearer(credential: &str) -> String {
        format!("Bearer {credential}")
    }

    #[test]
    fn a_valid_ticket_names_the_user_and_when_they_signed_in() {
        let ticket = Ticket::mint(KEY, "alice", NOW / 1000 - 30, 300);
        let header = bearer(&ticket);
        let Ok(Credential::Ticket(found)) = credential(Some(&header)) else {
            panic!("a ticket")
        };
        let signed_in = verify_ticket(Some(KEY), found, NOW).unwrap();
        assert_eq!(signed_in.username, "alice");
        assert_eq!(signed_in.issued_at_ms, NOW - 30_000);
    }

    #[test]
    fn anything_else_than_a_ticket_is_read_as_an_id_token() {
        assert!(matches!(
            credential(Some("bearer eyJhbGciOi.eyJzdWIi.c2ln")),
            Ok(Credential::IdToken(_))
        ));
    }

    #[test]
    fn missing_or_other_scheme_credentials_are_missing() {
        for header in [
            None,
            Some(""),
            Some("Bearer "),
            Some("Basic abc"),
            Some("sspr1.a.b"),
        ] {
            assert_eq!(credential(header), Err(SignInError::Missing), "{header:?}");
        }
        let long = bearer(&"a".repeat(MAX_CREDENTIAL_BYTES + 1));
        assert_eq!(credential(Some(&long)), Err(SignInError::TooLong));
    }

    #[test]
    fn tickets_are_refused_without_a_key_and_with_another_key() {
        let ticket = Ticket::mint(KEY, "alice", NOW / 1000, 300);
        assert_eq!(
            verify_ticket(None, &ticket, NOW),
            Err(SignInError::TicketsOff)
        );
        assert_eq!(
            verify_ticket(Some(b"another key, also long enough"), &ticket, NOW),
            Err(SignInError::Ticket(ticket::TicketError::BadSignature))
        );
    }

    #[test]
    fn every_refusal_gets_the_same_401_that_quotes_no_credential() {
        let replies: Vec<_> = [
            SignInError::Missing,
            SignInError::TicketsOff,
            SignInError::IdTokensOff,
            SignInError::Ticket(ticket::TicketError::Expired),
        ]
        .iter()
        .map(SignInError::reply)
        .collect();
        assert!(replies.iter().all(|r| *r == replies[0]));
        assert_eq!(replies[0].error.code.status(), 401);
        let printed = format!("{:?}", Credential::Ticket("sspr1.secret.sig"));
        assert!(!printed.contains("secret"));
    }
}
