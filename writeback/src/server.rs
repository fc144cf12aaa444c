//! HTTP(S) in front of [`Service`]: `POST /sspr/webhook` takes sspr's signed requests,
//! `GET /healthz` says the connector runs. Bodies are bounded, slow clients are cut off, and
//! nothing but these two routes answers.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use sspr_core::webhook::{self, UnixSeconds};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::directory::Directory;
use crate::service::{MAX_BODY_BYTES, Reply, Service, Signed};

/// The path sspr posts to: the edge's `IDENTITY_WEBHOOK_URL` is `https://<host>/sspr/webhook`.
pub const WEBHOOK_PATH: &str = "/sspr/webhook";

/// How long a client may take to send its headers and body.
const READ_LIMIT: Duration = Duration::from_secs(10);

/// Serves on `listener` until `shutdown` completes.
pub async fn serve<D: Directory>(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    service: Arc<Service<D>>,
    shutdown: impl Future<Output = ()>,
) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    eprintln!("accept failed: {err}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => return,
        };
        let service = service.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            match tls {
                Some(acceptor) => {
                    match tokio::time::timeout(READ_LIMIT, acceptor.accept(stream)).await {
                        Ok(Ok(stream)) => connection(TokioIo::new(stream), service, peer).await,
                        Ok(Err(err)) => eprintln!("{peer}: TLS handshake refused: {err}"),
                        Err(_) => eprintln!("{peer}: TLS handshake timed out"),
                    }
                }
                None => connection(TokioIo::new(stream), service, peer).await,
            }
        });
    }
}

async fn connection<I, D>(io: I, service: Arc<Service<D>>, peer: SocketAddr)
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
    D: Directory,
{
    let handler = hyper::service::service_fn(move |request| {
        let service = service.clone();
        async move { Ok::<_, Infallible>(route(request, &service).await) }
    });
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(READ_LIMIT)
        .serve_connection(io, handler)
        .await;
    if let Err(err) = served
        && !err.is_incomplete_message()
    {
        eprintln!("{peer}: {err}");
    }
}

async fn route<D: Directory>(
    request: Request<Incoming>,
    service: &Service<D>,
) -> Response<Full<Bytes>> {
    match (request.method(), request.uri().path()) {
        (&Method::POST, WEBHOOK_PATH) => {}
        (&Method::GET, "/healthz") => {
            return respond(&Reply {
                status: 200,
                body: serde_json::json!({ "status": "ok" }),
            });
        }
        (_, WEBHOOK_PATH) => {
            return respond(&Reply::error(
                405,
                "method_not_allowed",
                "POST signed JSON here",
            ));
        }
        _ => return respond(&Reply::error(404, "not_found", "not found")),
    }
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (timestamp, signature, key) = (
        header(webhook::TIMESTAMP_HEADER),
        header(webhook::SIGNATURE_HEADER),
        header(webhook::IDEMPOTENCY_HEADER),
    );
    let body = match tokio::time::timeout(
        READ_LIMIT,
        Limited::new(request.into_body(), MAX_BODY_BYTES).collect(),
    )
    .await
    {
        Ok(Ok(body)) => body.to_bytes(),
        Ok(Err(_)) => {
            return respond(&Reply::error(
                413,
                "too_large",
                format!("the body is over {MAX_BODY_BYTES} bytes"),
            ));
        }
        Err(_) => return respond(&Reply::error(408, "timeout", "the body took too long")),
    };
    let signed = Signed {
        timestamp: timestamp.as_deref(),
        signature: signature.as_deref(),
        idempotency_key: key.as_deref(),
    };
    respond(&service.handle(signed, &body, now()).await)
}

fn now() -> UnixSeconds {
    UnixSeconds(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    )
}

fn respond(reply: &Reply) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(reply.body.to_string())));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert("content-type", "application/json".parse().expect("valid"));
    headers.insert("cache-control", "no-store".parse().expect("valid"));
    response
}
