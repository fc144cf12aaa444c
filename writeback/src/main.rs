//! `sspr-writeback [--config FILE] [--check]`: serve sspr's signed requests for a directory.
//! `--check` reads the configuration, binds to the directory and exits.

use std::process::ExitCode;
use std::sync::Arc;

use sspr_writeback::config::Config;
use sspr_writeback::directory::Directory;
use sspr_writeback::journal::Journal;
use sspr_writeback::ldap::LdapDirectory;
use sspr_writeback::service::Service;
use sspr_writeback::{server, tls};

const USAGE: &str = "usage: sspr-writeback [--config FILE] [--check]
  --config FILE  the configuration (default: writeback.toml)
  --check        read the configuration, bind to the directory, list the administrators, exit
Secrets come from the environment: SSPR_WRITEBACK_SECRET and SSPR_WRITEBACK_BIND_PASSWORD
unless the file names other variables.";

fn main() -> ExitCode {
    let mut path = "writeback.toml".to_owned();
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--config" => match args.next() {
                Some(value) => path = value,
                None => return usage("--config needs a file"),
            },
            "--check" => check = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown argument {other}")),
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(run(&path, check)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sspr-writeback: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("sspr-writeback: {problem}\n{USAGE}");
    ExitCode::from(2)
}

async fn run(path: &str, check: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{path}: {err}"))?;
    let config = Config::parse(&text).map_err(|err| format!("{path}: {err}"))?;
    let loaded = config
        .load(|name| std::env::var(name).ok())
        .map_err(|err| format!("{path}: {err}"))?;
    let directory = LdapDirectory::new(&loaded)?;
    if check {
        let admins = directory.admins().await.map_err(|err| err.to_string())?;
        println!(
            "sspr-writeback: {path} is valid; bound to {} as {}; {} administrator(s) with an address",
            loaded.config.directory.url,
            loaded.config.directory.bind_dn,
            admins.len()
        );
        return Ok(());
    }
    let acceptor = match &loaded.config.tls {
        Some(settings) => Some(tokio_rustls::TlsAcceptor::from(Arc::new(
            tls::server_config(settings)?,
        ))),
        None => None,
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let journal = Journal::open(&loaded.config.state_dir, now)
        .map_err(|err| format!("state_dir {}: {err}", loaded.config.state_dir.display()))?;
    let listener = tokio::net::TcpListener::bind(loaded.config.listen)
        .await
        .map_err(|err| format!("listen {}: {err}", loaded.config.listen))?;
    let address = listener.local_addr().map_err(|err| err.to_string())?;
    let scheme = if acceptor.is_some() { "https" } else { "http" };
    let service = Arc::new(Service::new(directory, loaded.secret, journal));
    // The line xtask and operators wait for.
    println!(
        "sspr-writeback listening on {scheme}://{address}{}",
        server::WEBHOOK_PATH
    );
    server::serve(listener, acceptor, service, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}
