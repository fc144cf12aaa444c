//! Message senders. One file per provider; routes only see [`EmailSender`].

pub mod resend;
pub mod templates;

/// A message ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailContent {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Why a message did not go out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the email provider refused or failed: {0}")]
pub struct SendError(pub String);

/// Sends email through a provider's HTTP API.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait EmailSender {
    async fn send(
        &self,
        to: &str,
        content: &EmailContent,
        idempotency_key: &str,
    ) -> Result<(), SendError>;
}
