//! The connector's HTTPS, with and without client certificates (mutual TLS), from the same
//! `[tls]` settings operators write. Certificates come from a CA made for the test; the
//! requests are plain HTTP/1.1 over a rustls client. No directory is needed: `/healthz` and a
//! refused unsigned request show that TLS carried the exchange.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use sspr_writeback::config::{Config, TlsConfig};
use sspr_writeback::journal::Journal;
use sspr_writeback::ldap::LdapDirectory;
use sspr_writeback::{server, service::Service, tls};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A CA, a server certificate for `localhost` and a client certificate, as PEM files in `dir`.
struct Pki {
    dir: PathBuf,
    ca: String,
    client_cert: CertificateDer<'static>,
    client_key: String,
}

fn pki(dir: &Path) -> Pki {
    std::fs::create_dir_all(dir).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let server_key = KeyPair::generate().unwrap();
    let server = CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&server_key, &issuer)
        .unwrap();
    let client_key = KeyPair::generate().unwrap();
    let client = CertificateParams::new(vec!["sspr-edge".to_owned()])
        .unwrap()
        .signed_by(&client_key, &issuer)
        .unwrap();
    std::fs::write(dir.join("ca.pem"), ca.pem()).unwrap();
    std::fs::write(dir.join("cert.pem"), server.pem()).unwrap();
    std::fs::write(dir.join("key.pem"), server_key.serialize_pem()).unwrap();
    Pki {
        dir: dir.to_owned(),
        ca: ca.pem(),
        client_cert: client.der().clone(),
        client_key: client_key.serialize_pem(),
    }
}

/// Starts the connector with `[tls]` (requiring client certificates when `mutual`) on a
/// loopback port; returns its port.
fn start(runtime: &tokio::runtime::Runtime, pki: &Pki, mutual: bool) -> u16 {
    let settings = TlsConfig {
        certificate: pki.dir.join("cert.pem"),
        key: pki.dir.join("key.pem"),
        client_ca: mutual.then(|| pki.dir.join("ca.pem")),
    };
    let acceptor =
        tokio_rustls::TlsAcceptor::from(Arc::new(tls::server_config(&settings).unwrap()));
    let config = Config::parse(&format!(
        "listen = \"0.0.0.0:0\"\nstate_dir = \"{}\"\n[tls]\ncertificate = \"x\"\nkey = \"y\"\n[directory]\nkind = \"openldap\"\nurl = \"ldap://127.0.0.1:1/\"\nbind_dn = \"cn=s\"\nbase_dn = \"dc=e\"\n",
        pki.dir.join("state").display()
    ))
    .unwrap();
    let loaded = config.load(|_| Some("s".repeat(32))).unwrap();
    let service = Arc::new(Service::new(
        LdapDirectory::new(&loaded).unwrap(),
        loaded.secret.clone(),
        Journal::in_memory(),
    ));
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(server::serve(
            listener,
            Some(acceptor),
            service,
            std::future::pending(),
        ));
        port
    })
}

/// `request` over TLS trusting the test CA, with the client certificate when `present`;
/// the response's status line, or the error that ended the exchange.
async fn exchange(pki: &Pki, port: u16, present: bool, request: &str) -> Result<String, String> {
    let ca_file = pki.dir.join("ca.pem");
    let client = tls::client_config(&ca_file).unwrap();
    let client = if present {
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls::pki_types::pem::PemObject::pem_slice_iter(pki.ca.as_bytes()) {
            roots.add(cert.unwrap()).unwrap();
        }
        let key: PrivateKeyDer =
            rustls::pki_types::pem::PemObject::from_pem_slice(pki.client_key.as_bytes()).unwrap();
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_client_auth_cert(vec![pki.client_cert.clone()], key)
        .unwrap()
    } else {
        client
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::new(client));
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let mut stream = connector
        .connect(ServerName::try_from("localhost").unwrap(), tcp)
        .await
        .map_err(|err| err.to_string())?;
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|err| err.to_string())?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .await
        .map_err(|err| err.to_string())?;
    let text = String::from_utf8_lossy(&response).into_owned();
    Ok(text.lines().next().unwrap_or_default().to_owned())
}

const HEALTH: &str = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sspr-writeback-tls-{name}-{}", std::process::id()))
}

#[test]
fn https_serves_with_the_configured_certificate() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let pki = pki(&temp("plain"));
    let port = start(&runtime, &pki, false);
    let status = runtime
        .block_on(exchange(&pki, port, false, HEALTH))
        .unwrap();
    assert_eq!(status, "HTTP/1.1 200 OK");
    let unsigned = "POST /sspr/webhook HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
    let status = runtime
        .block_on(exchange(&pki, port, false, unsigned))
        .unwrap();
    assert_eq!(status, "HTTP/1.1 401 Unauthorized");
    std::fs::remove_dir_all(&pki.dir).unwrap();
}

#[test]
fn mutual_tls_lets_in_only_a_client_with_a_certificate_from_the_ca() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let pki = pki(&temp("mutual"));
    let port = start(&runtime, &pki, true);
    let with = runtime
        .block_on(exchange(&pki, port, true, HEALTH))
        .unwrap();
    assert_eq!(with, "HTTP/1.1 200 OK");
    let without = runtime.block_on(exchange(&pki, port, false, HEALTH));
    assert!(
        without.is_err() || without.as_deref() == Ok(""),
        "no certificate, no answer: {without:?}"
    );
    std::fs::remove_dir_all(&pki.dir).unwrap();
}

#[test]
fn a_missing_or_wrong_pem_file_is_named() {
    let dir = temp("bad");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("empty.pem"), "").unwrap();
    let settings = TlsConfig {
        certificate: dir.join("empty.pem"),
        key: dir.join("missing.pem"),
        client_ca: None,
    };
    let err = tls::server_config(&settings).unwrap_err();
    assert!(
        err.contains("empty.pem") && err.contains("no PEM certificate"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
