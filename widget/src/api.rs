//! The one typed client for the edge. Every reset route answers with a [`Reply`], errors
//! included; the registration routes are in [`registration`].

pub mod approver;
pub mod registration;
pub mod report;

use serde::Serialize;
use sspr_core::api::{
    ChooseMethodRequest, CompleteRequest, NewPasswordRequest, Reply, StartRequest,
    VerifyCodeRequest,
};
use sspr_core::flow::FlowKind;

/// A call that got no readable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// The edge could not be reached (offline, blocked, DNS…).
    Network,
    /// The edge answered with something that is not a reply.
    Unreadable,
}

impl ClientError {
    /// A stable code for the host page (`sspr:error` events), beside the edge's own codes.
    pub fn code(&self) -> &'static str {
        match self {
            ClientError::Network => "network",
            ClientError::Unreadable => "unreadable_reply",
        }
    }

    /// The locale message that explains it to the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            ClientError::Network => "client-network",
            ClientError::Unreadable => "client-unreadable",
        }
    }
}

/// One request to the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    Start(FlowKind, StartRequest),
    Choose(ChooseMethodRequest),
    /// Where a flow stands (polled while a change is pending).
    Status(CompleteRequest),
    Complete(CompleteRequest),
    /// A code: emailed, texted, or the authenticator's.
    Verify(VerifyCodeRequest),
    /// Answers to the security questions asked, in their order.
    Answers(AnswersRequest),
    Password(NewPasswordRequest),
}

/// `POST /v1/reset/answers`: the answers to the `answer_questions` step's questions.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct AnswersRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
    /// One answer per question, in the order they were asked.
    pub answers: Vec<String>,
}

impl std::fmt::Debug for AnswersRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswersRequest").finish_non_exhaustive()
    }
}

/// The edge's base URL, e.g. `https://sspr.example.com`, and the language the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    base: String,
    lang: String,
}

/// The request header that tells the edge the widget's language, so the emails and texts it
/// sends are in the language the user reads on screen. `Accept-Language` is CORS-safelisted
/// (for a tag's characters), so it needs nothing from the edge's `Access-Control-Allow-Headers`.
pub const LANGUAGE_HEADER: &str = "Accept-Language";

impl Client {
    /// A client for the edge at `base`, speaking `lang` (the widget's resolved locale tag).
    pub fn new(base: &str, lang: &str) -> Self {
        Client {
            base: base.trim_end_matches('/').to_owned(),
            lang: lang.to_owned(),
        }
    }

    /// Sends a call and reads the edge's reply (errors included: they are replies too).
    pub async fn send(&self, call: &Call) -> Result<Reply, ClientError> {
        match call {
            Call::Start(FlowKind::Reset, request) => self.post("/v1/reset/start", request).await,
            Call::Start(FlowKind::Unlock, request) => self.post("/v1/unlock/start", request).await,
            Call::Choose(request) => self.post("/v1/reset/choose", request).await,
            Call::Status(request) => self.post("/v1/reset/status", request).await,
            Call::Complete(request) => self.post("/v1/unlock/complete", request).await,
            Call::Verify(request) => self.post("/v1/reset/verify", request).await,
            Call::Answers(request) => self.post("/v1/reset/answers", request).await,
            Call::Password(request) => self.post("/v1/reset/password", request).await,
        }
    }

    async fn post<T: Serialize>(&self, path: &str, body: &T) -> Result<Reply, ClientError> {
        let response = gloo_net::http::Request::post(&format!("{}{path}", self.base))
            .header(LANGUAGE_HEADER, &self.lang)
            .json(body)
            .map_err(|_| ClientError::Unreadable)?
            .send()
            .await
            .map_err(|_| ClientError::Network)?;
        response
            .json::<Reply>()
            .await
            .map_err(|_| ClientError::Unreadable)
    }
}
