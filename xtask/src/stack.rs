//! The running stack: the stand-ins (mailbox, SMS inbox, directory) and demo site in one Node process,
//! and the edge in `wrangler dev` (workerd, state on disk). In test mode the stand-ins also
//! include a SCIM 2.0 server and a Microsoft Graph stand-in, a real OpenLDAP slapd runs with
//! the writeback connector in front of it, and five more `wrangler dev` instances of the same
//! built worker (their own state and ports) use the SCIM, Graph and writeback backends, a
//! security-questions policy and Turnstile. Each runs in its own process group, and every
//! group is stopped when the stack is dropped or Ctrl-C is pressed.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::sh;
use crate::tools::{self, ToolEnv};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Demo,
    Test,
    /// The stand-ins and the main edge only, on free ports with fresh state, for the load
    /// figures of `cargo xtask bench` (the production build: no test clock).
    Bench,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Demo => "demo",
            Mode::Test => "test",
            Mode::Bench => "bench",
        }
    }
}

/// `cargo xtask demo`.
pub fn demo() -> Result<(), String> {
    let env = tools::bootstrap()?;
    sh::step("widget build (trunk --release)", || build_widget(&env))?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).map_err(|e| e.to_string())?;
    let mut running = start(&env, Mode::Demo)?;
    println!();
    println!("  sspr demo is running.");
    println!("  Demo login page:  {}/", running.site);
    println!("  Demo mailbox:     {}/", running.mailbox);
    println!("  Demo SMS inbox:   {}/", running.sms);
    println!("  Edge API:         {}/v1/health", running.edge);
    println!(
        "  Host examples:    {0}/examples/plain.html, {0}/examples/react.html (a React page), \
         {0}/examples/register.html?user=rosa2",
        running.site
    );
    println!(
        "  OpenID provider:  {} (any seed user, any password; client sspr-demo)",
        running.oidc
    );
    println!(
        "  Audit log:        curl -H 'Authorization: Bearer {}' {}/v1/admin/audit",
        running.admin_token, running.edge
    );
    println!(
        "  Users: alice / Initial-Password-1, bob / Initial-Password-2; gina / Initial-Password-7 is"
    );
    println!("  locked out (unlock her on the page); carol is disabled.");
    println!("  Logs: {}", running.logs.display());
    println!("  Press Ctrl-C to stop.");
    while !stop.load(Ordering::SeqCst) {
        if let Some(name) = running.exited() {
            return Err(format!(
                "{name} stopped unexpectedly; see {}",
                running.logs.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    println!("\n  stopping…");
    drop(running);
    Ok(())
}

/// Builds the widget and the demo page into dist/ with Trunk, then bundles the widget's
/// loader (widget/js/sspr.js), wasm-bindgen's glue and the stylesheet into one ES module,
/// dist/sspr.js, beside dist/sspr-widget_bg.wasm: the two files a host page downloads for
/// `<sspr-reset>`. The other screens are more builds of the same crate, each fetched only
/// by the element that shows them: the registration screens (`--features register`,
/// dist/sspr-register.js and dist/sspr-register_bg.wasm, for `<sspr-register>`), the phone's
/// approver page (`--features approver`, for `<sspr-approver>`, with its page in
/// dist/approver/) and the "this wasn't me" page (`--features report`, for
/// `<sspr-reset flow="report">`). The password strength estimate (zxcvbn) is one more,
/// widget/strength: dist/sspr-strength.js and dist/sspr-strength_bg.wasm, fetched
/// when a new-password screen appears.
pub fn build_widget(env: &ToolEnv) -> Result<(), String> {
    let root = sh::root();
    let mut cmd = sh::command(env, "trunk");
    cmd.args(["build", "--release"]);
    sh::run(&mut cmd)?;
    // Trunk has no second output, so the other builds are the steps Trunk runs. They go
    // after Trunk's (all write target/…/sspr_widget.wasm, which cargo rebuilds when the
    // features change), one after the other.
    for (feature, out) in [
        ("register", "sspr-register"),
        ("approver", "sspr-approver"),
        ("report", "sspr-report"),
    ] {
        lazy_module(
            env,
            "sspr-widget",
            &["--no-default-features", "--features", feature],
            out,
        )?;
    }
    lazy_module(env, "sspr-strength", &[], "sspr-strength")?;
    // The stylesheet goes into sspr.js as text: minified first (its comments are for the
    // people who theme it, not for the browser).
    let mut cmd = sh::command(env, "esbuild");
    cmd.current_dir(&root).args([
        "style/sspr.css",
        "--minify",
        "--outfile=dist/sspr.min.css",
        "--log-level=warning",
    ]);
    sh::run(&mut cmd)?;
    let mut cmd = sh::command(env, "esbuild");
    cmd.current_dir(&root).args([
        "widget/js/sspr.js",
        "--bundle",
        "--format=esm",
        "--minify",
        "--target=es2022",
        "--loader:.css=text",
        "--alias:sspr-widget-glue=./dist/sspr-widget.js",
        "--alias:sspr-style=./dist/sspr.min.css",
        "--outfile=dist/sspr.js",
        "--log-level=warning",
    ]);
    sh::run(&mut cmd)?;
    // The framework example: a React login page (examples/react/login.jsx) with the widget
    // inside, bundled with React from e2e/node_modules.
    let mut cmd = sh::command(env, "esbuild");
    cmd.current_dir(&root)
        .env("NODE_PATH", root.join("e2e/node_modules"))
        .args([
            "examples/react/login.jsx",
            "--bundle",
            "--format=esm",
            "--minify",
            "--target=es2022",
            "--jsx=automatic",
            "--define:process.env.NODE_ENV=\"production\"",
            "--outfile=dist/example-react.js",
            "--log-level=warning",
        ]);
    sh::run(&mut cmd)
}

/// Builds `package` for wasm32 in release with `features` (cargo's arguments) and turns it
/// into dist/`out`.js and dist/`out`_bg.wasm, a module the loader imports on demand: the
/// steps Trunk runs (wasm-bindgen, wasm-opt), then esbuild to minify the glue.
fn lazy_module(env: &ToolEnv, package: &str, features: &[&str], out: &str) -> Result<(), String> {
    let root = sh::root();
    let mut cmd = sh::cargo(env);
    cmd.args([
        "build",
        "--release",
        "--offline",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        package,
    ])
    .args(features);
    sh::run(&mut cmd)?;
    let built = root.join(format!(
        "target/wasm32-unknown-unknown/release/{}.wasm",
        package.replace('-', "_")
    ));
    let mut cmd = sh::command(env, "wasm-bindgen");
    cmd.current_dir(&root)
        .args(["--target", "web", "--no-typescript", "--out-dir", "dist"])
        .args(["--out-name", out])
        .arg(&built);
    sh::run(&mut cmd)?;
    let wasm = format!("dist/{out}_bg.wasm");
    let mut cmd = sh::command(env, "wasm-opt");
    cmd.current_dir(&root).args([
        "-Oz",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
        &wasm,
        "-o",
        &wasm,
    ]);
    sh::run(&mut cmd)?;
    let js = format!("dist/{out}.js");
    let mut cmd = sh::command(env, "esbuild");
    cmd.current_dir(&root).args([
        &js,
        "--format=esm",
        "--minify",
        "--target=es2022",
        "--allow-overwrite",
        &format!("--outfile={js}"),
        "--log-level=warning",
    ]);
    sh::run(&mut cmd)
}

/// A started process group with its log.
struct Service {
    name: &'static str,
    child: Child,
}

impl Service {
    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

/// The running stack and its URLs.
pub struct Running {
    services: Vec<Service>,
    pub edge: String,
    pub site: String,
    pub mailbox: String,
    /// The Twilio-compatible SMS stand-in.
    pub sms: String,
    pub directory: String,
    /// The OpenID Connect provider (its issuer URL), whose ID tokens the edges accept.
    pub oidc: String,
    /// The Pwned Passwords stand-in, which every edge asks about new passwords.
    pub pwned: String,
    /// Test mode only: the edges on the SCIM and Graph backends, and their peers.
    pub backends: Option<Backends>,
    /// The admin API's bearer token for this run.
    pub admin_token: String,
    /// The key registration tickets are minted with for this run.
    pub ticket_key: String,
    pub logs: PathBuf,
}

/// The extra edges of a test run and the peers they use.
pub struct Backends {
    /// The edge with `IDENTITY_BACKEND=scim`, and the SCIM server (its test API at the root,
    /// SCIM under `/scim/v2`).
    pub edge_scim: String,
    pub scim: String,
    /// The edge with `IDENTITY_BACKEND=graph`, and the Graph stand-in.
    pub edge_graph: String,
    pub graph: String,
    /// The edge on the webhook backend under [`QUESTIONS_POLICY`] (two methods, security
    /// questions allowed).
    pub edge_questions: String,
    /// The edge on the webhook backend with Turnstile required at reset and unlock start,
    /// the Turnstile stand-in it verifies tokens with, and the stand-in's site key.
    pub edge_turnstile: String,
    pub turnstile: String,
    pub turnstile_sitekey: String,
    /// The Web Push service stand-in, the only push service the questions edge allows.
    pub push: String,
    /// The edge on the writeback connector (`writeback/`), which sets passwords in a real
    /// OpenLDAP slapd (the connector tests' fixture), and that slapd's URL.
    pub edge_writeback: String,
    pub slapd: String,
}

/// The policy of the test stack's fourth edge (edge/tests/registration.rs and the browser's
/// e2e/tests/register-questions.spec.ts): security questions need two methods, which
/// the main edge's policy (e2e/fixtures/policy.toml) does not require. It also allows app
/// notifications (edge/tests/approver.rs), with `APPROVER_URL` set on this edge only.
const QUESTIONS_POLICY: &str = "enabled_for = \"all\"

[methods]
allowed = [\"email_code\", \"authenticator\", \"app_notification\", \"security_questions\"]
required = 2

[organization]
name = \"Contoso\"

[security_questions]
custom = [\"What was the name of your first manager?\"]
";

/// The policy of the edge on the writeback connector (edge/tests/writeback.rs): the
/// directory's users prove themselves by email alone, and no password is taken while the
/// breached-password check cannot be made (the other edges' policies accept then).
const WRITEBACK_POLICY: &str = "enabled_for = \"all\"

[methods]
allowed = [\"email_code\"]
required = 1

[password]
breached_check = \"fail_closed\"

[organization]
name = \"Contoso\"
";

impl Running {
    /// Passes the stack's URLs to a test command.
    pub fn export(&self, cmd: &mut Command) {
        cmd.env("SSPR_EDGE", &self.edge)
            .env("SSPR_SITE", &self.site)
            .env("SSPR_MAILBOX", &self.mailbox)
            .env("SSPR_SMS", &self.sms)
            .env("SSPR_DIRECTORY", &self.directory)
            .env("SSPR_OIDC", &self.oidc)
            .env("SSPR_PWNED", &self.pwned)
            .env("SSPR_ADMIN_TOKEN", &self.admin_token)
            .env("SSPR_REGISTRATION_TICKET_KEY", &self.ticket_key);
        if let Some(backends) = &self.backends {
            cmd.env("SSPR_EDGE_SCIM", &backends.edge_scim)
                .env("SSPR_SCIM", &backends.scim)
                .env("SSPR_EDGE_GRAPH", &backends.edge_graph)
                .env("SSPR_GRAPH", &backends.graph)
                .env("SSPR_EDGE_QUESTIONS", &backends.edge_questions)
                .env("SSPR_EDGE_TURNSTILE", &backends.edge_turnstile)
                .env("SSPR_TURNSTILE", &backends.turnstile)
                .env("SSPR_TURNSTILE_SITEKEY", &backends.turnstile_sitekey)
                .env("SSPR_PUSH", &backends.push)
                .env("SSPR_EDGE_WRITEBACK", &backends.edge_writeback)
                .env("SSPR_SLAPD", &backends.slapd);
        }
    }

    /// The name of a service that has exited, if any.
    fn exited(&mut self) -> Option<&'static str> {
        self.services
            .iter_mut()
            .find_map(|s| (!matches!(s.child.try_wait(), Ok(None))).then_some(s.name))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        for service in self.services.iter_mut().rev() {
            service.stop();
        }
    }
}

/// Starts the stand-ins, the demo site and the edge, and waits until the edge answers.
pub fn start(env: &ToolEnv, mode: Mode) -> Result<Running, String> {
    sh::step(&format!("start the stack ({})", mode.name()), || {
        start_inner(env, mode)
    })
}

fn start_inner(env: &ToolEnv, mode: Mode) -> Result<Running, String> {
    let root = sh::root();
    let dir = root.join(".sspr").join(mode.name());
    let logs = dir.join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let state = dir.join("state");
    if mode != Mode::Demo {
        // Tests start from empty Durable Object storage every run.
        let _ = std::fs::remove_dir_all(&state);
    }
    let (edge_port, site_port, mailbox_port, directory_port, sms_port, oidc_port) = match mode {
        Mode::Demo => (8787, 8080, 8025, 8026, 8027, 8028),
        Mode::Test | Mode::Bench => (free_port(18787)?, 0, 0, 0, 0, 0),
    };
    let edge = format!("http://127.0.0.1:{edge_port}");
    let webhook_secret = random_hex(32)?;
    let email_key = format!("re_{}", random_hex(12)?);
    let email_webhook_secret = random_hex(32)?;
    // Shaped like Twilio's: an account sid is AC and 32 hex digits, an auth token 32 hex.
    let sms_account_sid = format!("AC{}", random_hex(16)?);
    let sms_auth_token = random_hex(16)?;
    let mut running = Running {
        services: Vec::new(),
        edge: edge.clone(),
        site: String::new(),
        mailbox: String::new(),
        sms: String::new(),
        directory: String::new(),
        oidc: String::new(),
        pwned: String::new(),
        backends: None,
        admin_token: random_hex(32)?,
        ticket_key: random_hex(32)?,
        logs: logs.clone(),
    };

    // 1. The stand-ins and the demo site.
    let mut cmd = sh::command(env, "node");
    cmd.arg(root.join("e2e/standins/stack.mjs"))
        .args([
            "--dist",
            &root.join("dist").display().to_string(),
            "--edge",
            &edge,
        ])
        .args([
            "--mailbox-port",
            &mailbox_port.to_string(),
            "--directory-port",
            &directory_port.to_string(),
            "--sms-port",
            &sms_port.to_string(),
        ])
        .args(["--site-port", &site_port.to_string()])
        .args(["--oidc-port", &oidc_port.to_string()])
        .args([
            "--graph-tenant",
            GRAPH_TENANT,
            "--graph-client-id",
            GRAPH_CLIENT_ID,
        ])
        .env("SSPR_WEBHOOK_SECRET", &webhook_secret)
        .env("SSPR_EMAIL_API_KEY", &email_key)
        .env("SSPR_EMAIL_WEBHOOK_SECRET", &email_webhook_secret)
        .env("SSPR_SMS_ACCOUNT_SID", &sms_account_sid)
        .env("SSPR_SMS_AUTH_TOKEN", &sms_auth_token)
        // The demo site mints sign-in tickets for <sspr-register>, as a host's backend would.
        .env("SSPR_REGISTRATION_TICKET_KEY", &running.ticket_key);
    // The questions edge's port is chosen now, so the site's CSP can let its pages talk to it
    // (from a range of its own: the SCIM and Graph edges pick theirs later, from 18987 on).
    let questions_port = match mode {
        Mode::Test => {
            // Its own range: the inspector ports (19229–19428) are picked later and must not
            // take this one before its wrangler binds it.
            let port = free_port(19487)?;
            cmd.args(["--edge-questions", &format!("http://127.0.0.1:{port}")]);
            Some(port)
        }
        Mode::Demo | Mode::Bench => None,
    };
    // The Turnstile edge's port, for the same reason, from a range of its own; and the
    // stand-in's site key and secret, shaped like Cloudflare's.
    let turnstile_sitekey = format!("0x4AAAAAAA{}", random_hex(8)?);
    let turnstile_secret = format!("0x4AAAAAAA{}", random_hex(12)?);
    let turnstile_port = match mode {
        Mode::Test => {
            let port = free_port(19687)?;
            cmd.args(["--edge-turnstile", &format!("http://127.0.0.1:{port}")])
                .env("SSPR_TURNSTILE_SITEKEY", &turnstile_sitekey)
                .env("SSPR_TURNSTILE_SECRET", &turnstile_secret);
            Some(port)
        }
        Mode::Demo | Mode::Bench => None,
    };
    // Per-run credentials of the SCIM and Graph peers (test mode only).
    let scim_token = random_hex(24)?;
    let graph_secret = format!("{}~{}", random_hex(4)?, random_hex(16)?);
    let graph_certificate = sh::root().join(GRAPH_CERTIFICATE);
    if mode == Mode::Test {
        cmd.env("SSPR_SCIM_TOKEN", &scim_token)
            .env("SSPR_GRAPH_CLIENT_SECRET", &graph_secret)
            .env("SSPR_GRAPH_CLIENT_CERTIFICATE_FILE", &graph_certificate);
    }
    let (service, ready) = spawn("stand-ins", cmd, &logs.join("standins.log"), Some("ready "))?;
    running.services.push(service);
    let ready = ready.recv_timeout(Duration::from_secs(30)).map_err(|_| {
        format!(
            "the stand-ins did not start; see {}",
            logs.join("standins.log").display()
        )
    })?;
    let url = |key: &str| {
        json_field(&ready, key).ok_or(format!("stand-ins' ready line lacks {key}: {ready}"))
    };
    running.site = url("site")?;
    running.mailbox = url("mailbox")?;
    running.sms = url("sms")?;
    running.directory = url("directory")?;
    running.oidc = url("oidc")?;
    running.pwned = url("pwned")?;
    let webhook = url("webhook")?;

    // 2. The edge in workerd.
    let shared = [
        ("ALLOWED_ORIGINS", running.site.clone()),
        // The directory's mobile numbers are German.
        ("DECOY_PHONE_COUNTRY_CODE", "49".to_owned()),
        ("CODE_HMAC_KEY", random_hex(32)?),
        ("EMAIL_API_URL", running.mailbox.clone()),
        ("EMAIL_API_KEY", email_key),
        (
            "EMAIL_FROM",
            "Contoso IT <it-no-reply@example.com>".to_owned(),
        ),
        ("SMS_API_URL", running.sms.clone()),
        ("SMS_ACCOUNT_SID", sms_account_sid),
        ("SMS_AUTH_TOKEN", sms_auth_token),
        // Twilio's magic test number for a valid sender.
        ("SMS_FROM", "+15005550006".to_owned()),
        ("POLICY", read(&root.join("e2e/fixtures/policy.toml"))?),
        ("AUDIT_HASH_KEY", random_hex(32)?),
        // New passwords are checked against the Pwned Passwords stand-in, never the internet.
        ("PWNED_PASSWORDS_URL", format!("{}/range/", running.pwned)),
        ("ADMIN_TOKEN", running.admin_token.clone()),
        ("REGISTRATION_TICKET_KEY", running.ticket_key.clone()),
        (
            "REGISTRATION_KEYS",
            format!("1:{}", base64(&random_bytes(32)?)),
        ),
        // ID tokens of the stand-in provider prove sign-in; the directory's administrators
        // (group it-admins) may also call the admin API with one. The main edge finds the
        // keys by discovery, the SCIM edge at OIDC_JWKS_URL.
        ("OIDC_ISSUER", running.oidc.clone()),
        ("OIDC_CLIENT_ID", OIDC_CLIENT_ID.to_owned()),
        ("OIDC_ADMIN_ROLE", "it-admins".to_owned()),
        // The outbox retries after 50 ms in the tests (alarms run on the wall clock), 2 s in the demo.
        (
            "OUTBOX_BASE_DELAY_MS",
            if mode == Mode::Test { "50" } else { "2000" }.to_owned(),
        ),
    ];
    let webhook_vars = [
        ("IDENTITY_WEBHOOK_URL", webhook),
        ("IDENTITY_WEBHOOK_SECRET", webhook_secret),
    ];
    let mut vars = shared.to_vec();
    vars.extend(webhook_vars.iter().cloned());
    // "This wasn't me": the main edge's notices link to the example report page (its edge
    // attribute is this edge, so the other edges' notices carry no link).
    vars.push((
        "REPORT_URL",
        format!("{}/examples/report.html", running.site),
    ));
    let env_file = dir.join("edge.env");
    write_env_file(&env_file, &vars)?;
    migrate(env, &state, &logs.join("migrations.log"))?;
    let mut cmd = wrangler_dev(env, edge_port, &env_file, &state)?;
    cmd.current_dir(root.join("edge"));
    if mode == Mode::Test {
        // The integration tests move the edge's clock forward (see edge/src/clock.rs). This
        // build goes to its own target dir so it does not invalidate the demo build.
        cmd.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg getrandom_backend=\"wasm_js\" --cfg sspr_test_clock",
        )
        .env("CARGO_TARGET_DIR", root.join("target/edge-test"));
    }
    let (service, _) = spawn("wrangler dev", cmd, &logs.join("edge.log"), None)?;
    running.services.push(service);
    wait_for_health(&mut running, &edge, Duration::from_secs(600))?;

    // 3. Test mode: the same built worker five times more, on the SCIM and on the Graph
    // backend, on the webhook under a policy with security questions (and Web Push), on the
    // webhook with Turnstile required at start (against the stand-in), and on the writeback
    // connector in front of a real slapd. They start once the first has built it (their
    // configuration has no build step), side by side.
    if mode == Mode::Test {
        let started = Instant::now();
        let scim = url("scim")?;
        let graph = url("graph")?;
        let scim_vars = [
            ("IDENTITY_BACKEND", "scim".to_owned()),
            ("SCIM_BASE_URL", url("scim_base")?),
            ("SCIM_TOKEN", scim_token),
            ("SCIM_ADMIN_GROUP", "it-admins".to_owned()),
            ("OIDC_JWKS_URL", format!("{}/jwks", running.oidc)),
        ];
        let graph_vars = [
            ("IDENTITY_BACKEND", "graph".to_owned()),
            ("GRAPH_TENANT_ID", GRAPH_TENANT.to_owned()),
            ("GRAPH_CLIENT_ID", GRAPH_CLIENT_ID.to_owned()),
            // The Graph edge proves itself with a certificate, as Microsoft recommends for
            // production apps; the stand-in also takes the secret (its node test checks both).
            ("GRAPH_CLIENT_CERTIFICATE", read(&graph_certificate)?),
            ("GRAPH_CLIENT_KEY", read(&sh::root().join(GRAPH_KEY))?),
            ("GRAPH_LOGIN_URL", graph.clone()),
            ("GRAPH_API_URL", graph.clone()),
            // Its email goes through the signed email webhook to the mailbox, which checks
            // the signature; the other edges use the Resend-shaped API.
            ("EMAIL_PROVIDER", "webhook".to_owned()),
            (
                "EMAIL_WEBHOOK_URL",
                format!("{}/sspr/email", running.mailbox),
            ),
            ("EMAIL_WEBHOOK_SECRET", email_webhook_secret.clone()),
        ];
        let mut questions_vars = webhook_vars.to_vec();
        questions_vars.push(("POLICY", QUESTIONS_POLICY.to_owned()));
        let turnstile = url("turnstile")?;
        let mut turnstile_vars = webhook_vars.to_vec();
        turnstile_vars.push(("TURNSTILE_SECRET", turnstile_secret));
        turnstile_vars.push((
            "TURNSTILE_VERIFY_URL",
            format!("{turnstile}/turnstile/v0/siteverify"),
        ));
        questions_vars.push(("APPROVER_URL", format!("{}/approver/", running.site)));
        // Web Push wakes the approver's phone, through the push service stand-in only.
        let push = url("push")?;
        questions_vars.extend([
            ("WEB_PUSH_VAPID_PRIVATE_KEY", base64url(&random_bytes(32)?)),
            ("WEB_PUSH_CONTACT", "mailto:it@example.com".to_owned()),
            ("WEB_PUSH_SERVICES", push.clone()),
        ]);
        let writeback_secret = random_hex(32)?;
        let (writeback, slapd) = start_writeback(env, &mut running, &dir, &writeback_secret)?;
        let writeback_vars = [
            ("IDENTITY_WEBHOOK_URL", writeback),
            ("IDENTITY_WEBHOOK_SECRET", writeback_secret),
            ("POLICY", WRITEBACK_POLICY.to_owned()),
        ];
        let mut edges = Vec::new();
        for (backend, extra, log_name) in [
            ("scim", &scim_vars[..], "edge-scim.log"),
            ("graph", &graph_vars[..], "edge-graph.log"),
            ("questions", &questions_vars[..], "edge-questions.log"),
            ("turnstile", &turnstile_vars[..], "edge-turnstile.log"),
            ("writeback", &writeback_vars[..], "edge-writeback.log"),
        ] {
            let edge_dir = dir.join(format!("edge-{backend}"));
            let _ = std::fs::remove_dir_all(&edge_dir);
            std::fs::create_dir_all(&edge_dir)
                .map_err(|e| format!("{}: {e}", edge_dir.display()))?;
            let config = edge_dir.join("wrangler.toml");
            let template = read(&root.join("edge/wrangler.toml"))?;
            let derived = prebuilt_config(
                &template,
                &format!("sspr-edge-{backend}"),
                &root.join("edge"),
            )?;
            std::fs::write(&config, derived).map_err(|e| format!("{}: {e}", config.display()))?;
            let mut vars = shared.to_vec();
            vars.retain(|(name, _)| !extra.iter().any(|(own, _)| own == name));
            vars.extend(extra.iter().cloned());
            let env_file = edge_dir.join("edge.env");
            write_env_file(&env_file, &vars)?;
            let state = edge_dir.join("state");
            migrate(env, &state, &logs.join(format!("migrations-{backend}.log")))?;
            let port = match (backend, questions_port, turnstile_port) {
                ("questions", Some(port), _) | ("turnstile", _, Some(port)) => port,
                _ => free_port(18987)?,
            };
            let mut cmd = wrangler_dev(env, port, &env_file, &state)?;
            cmd.current_dir(&edge_dir)
                .args(["--config", &config.display().to_string()]);
            let name = match backend {
                "scim" => "wrangler dev (scim)",
                "graph" => "wrangler dev (graph)",
                "turnstile" => "wrangler dev (turnstile)",
                "writeback" => "wrangler dev (writeback)",
                _ => "wrangler dev (questions)",
            };
            let (service, _) = spawn(name, cmd, &logs.join(log_name), None)?;
            running.services.push(service);
            edges.push(format!("http://127.0.0.1:{port}"));
        }
        for edge in &edges {
            wait_for_health(&mut running, edge, Duration::from_secs(120))?;
        }
        println!(
            "  the SCIM, Graph, questions, Turnstile and writeback edges answered {} after the first",
            sh::elapsed(started)
        );
        running.backends = Some(Backends {
            edge_scim: edges[0].clone(),
            scim,
            edge_graph: edges[1].clone(),
            graph,
            edge_questions: edges[2].clone(),
            edge_turnstile: edges[3].clone(),
            turnstile,
            turnstile_sitekey,
            push,
            edge_writeback: edges[4].clone(),
            slapd,
        });
    }
    Ok(running)
}

/// Starts a real OpenLDAP slapd from the connector tests' fixture (`writeback/tests/fixtures`)
/// and the writeback connector in front of it, on plain HTTP on loopback as behind a tunnel.
/// Returns the connector's webhook URL and slapd's URL.
fn start_writeback(
    env: &ToolEnv,
    running: &mut Running,
    dir: &Path,
    secret: &str,
) -> Result<(String, String), String> {
    let root = sh::root();
    let slapd_dir = dir.join("slapd");
    let _ = std::fs::remove_dir_all(&slapd_dir);
    let port = free_port(19887)?;
    let cmd = crate::slapd::prepare(&root.join("writeback/tests/fixtures"), &slapd_dir, port)?;
    let (service, _) = spawn("slapd", cmd, &running.logs.join("slapd.log"), None)?;
    running.services.push(service);
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(name) = running.exited() {
            return Err(format!("{name} exited; see {}", running.logs.display()));
        }
        if Instant::now() > deadline {
            return Err(format!("slapd did not listen on port {port} within 15 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    sh::run(sh::cargo(env).args(["build", "-p", "sspr-writeback"]))?;
    let state = dir.join("writeback-state");
    let _ = std::fs::remove_dir_all(&state);
    let config = dir.join("writeback.toml");
    let text = format!(
        "listen = \"127.0.0.1:0\"\nstate_dir = \"{}\"\n\n[directory]\nkind = \"openldap\"\nurl = \"ldap://127.0.0.1:{port}/\"\nbind_dn = \"{}\"\nbase_dn = \"{}\"\ngroup_base_dn = \"{}\"\nadmin_groups = [\"{}\"]\n",
        state.display(),
        crate::slapd::SERVICE_DN,
        crate::slapd::PEOPLE_DN,
        crate::slapd::GROUPS_DN,
        crate::slapd::ADMIN_GROUP_DN,
    );
    std::fs::write(&config, text).map_err(|e| format!("{}: {e}", config.display()))?;
    let mut cmd = Command::new(root.join("target/debug/sspr-writeback"));
    cmd.arg("--config")
        .arg(&config)
        .env("SSPR_WRITEBACK_SECRET", secret)
        .env(
            "SSPR_WRITEBACK_BIND_PASSWORD",
            crate::slapd::SERVICE_PASSWORD,
        );
    let log = running.logs.join("writeback.log");
    let (service, ready) = spawn(
        "sspr-writeback",
        cmd,
        &log,
        Some("sspr-writeback listening on "),
    )?;
    running.services.push(service);
    let url = ready.recv_timeout(Duration::from_secs(15)).map_err(|_| {
        format!(
            "the writeback connector did not start; see {}",
            log.display()
        )
    })?;
    Ok((url, format!("ldap://127.0.0.1:{port}/")))
}

/// A worker in `wrangler dev` with no bindings (the load figures' no-op worker), stopped
/// when dropped.
pub struct Noop {
    pub address: String,
    service: Service,
}

impl Drop for Noop {
    fn drop(&mut self) {
        self.service.stop();
    }
}

/// Starts the worker in `dir` (its `wrangler.toml` and script) and waits until it answers.
pub fn start_noop(env: &ToolEnv, dir: &Path, log: &Path) -> Result<Noop, String> {
    let port = free_port(19987)?;
    let empty = dir.join("empty.env");
    std::fs::write(&empty, "").map_err(|e| format!("{}: {e}", empty.display()))?;
    let mut cmd = wrangler_dev(env, port, &empty, &dir.join("state"))?;
    cmd.current_dir(dir);
    let (mut service, _) = spawn("wrangler dev (no-op)", cmd, log, None)?;
    let address = format!("127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(120);
    while http_get_status(&address, "/") != Some(200) {
        if !matches!(service.child.try_wait(), Ok(None)) || Instant::now() > deadline {
            service.stop();
            return Err(format!(
                "the no-op worker did not answer; see {}",
                log.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Ok(Noop {
        address: format!("http://{address}"),
        service,
    })
}

/// The OpenID Connect stand-in's client (e2e/standins/oidc.mjs), the edges' audience.
const OIDC_CLIENT_ID: &str = "sspr-demo";

/// The Graph stand-in's tenant and app (ids, not secrets).
const GRAPH_TENANT: &str = "contoso.onmicrosoft.com";
const GRAPH_CLIENT_ID: &str = "5a3b1c2d-0e4f-4a6b-8c9d-0e1f2a3b4c5d";
/// The stand-in app registration's certificate and key (e2e/fixtures/graph/README.md).
const GRAPH_CERTIFICATE: &str = "e2e/fixtures/graph/app-cert.pem";
const GRAPH_KEY: &str = "e2e/fixtures/graph/app-key.pem";

/// Secrets go through an env file of this run (wrangler prints --var values in its log).
/// Single quotes keep values literal in the env file, across lines too (the policy is a
/// multi-line TOML document with double quotes in it).
fn write_env_file(path: &Path, vars: &[(&str, String)]) -> Result<(), String> {
    if let Some((name, _)) = vars.iter().find(|(_, v)| v.contains('\'')) {
        return Err(format!("{name} may not contain a single quote"));
    }
    let dev_vars: String = vars.iter().map(|(k, v)| format!("{k}='{v}'\n")).collect();
    write_private(path, &dev_vars)
}

/// The audit database's tables, in the local state a `wrangler dev` uses.
fn migrate(env: &ToolEnv, state: &Path, log: &Path) -> Result<(), String> {
    let mut migrate = sh::command(env, "wrangler");
    migrate
        .current_dir(sh::root().join("edge"))
        .args(["d1", "migrations", "apply", "sspr-audit", "--local"])
        .args(["--persist-to", &state.display().to_string()])
        .env("CI", "1");
    sh::run_logged(&mut migrate, log)
}

/// `wrangler dev` on a port, with an env file and a state directory.
fn wrangler_dev(
    env: &ToolEnv,
    port: u16,
    env_file: &Path,
    state: &Path,
) -> Result<Command, String> {
    let mut cmd = sh::command(env, "wrangler");
    cmd.args(["dev", "--ip", "127.0.0.1", "--port", &port.to_string()])
        .args([
            "--env-file",
            &env_file.display().to_string(),
            "--show-interactive-dev-session=false",
        ])
        .args(["--inspector-port", &free_port(19229)?.to_string()])
        .args([
            "--persist-to",
            &state.display().to_string(),
            "--log-level",
            "info",
        ]);
    Ok(cmd)
}

/// edge/wrangler.toml for another instance of the already built worker: another name (so
/// the dev registry tells the instances apart), no build step, and paths made absolute.
fn prebuilt_config(template: &str, name: &str, edge_dir: &Path) -> Result<String, String> {
    let mut out = String::new();
    let mut in_build = false;
    let mut seen = [false; 3];
    for line in template.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_build = trimmed == "[build]";
        }
        if in_build {
            continue;
        }
        if trimmed.starts_with("name = ") && !seen[0] {
            seen[0] = true;
            out.push_str(&format!("name = \"{name}\"\n"));
        } else if trimmed == "main = \"build/index.js\"" {
            seen[1] = true;
            out.push_str(&format!(
                "main = \"{}\"\n",
                edge_dir.join("build/index.js").display()
            ));
        } else if trimmed == "migrations_dir = \"migrations\"" {
            seen[2] = true;
            out.push_str(&format!(
                "migrations_dir = \"{}\"\n",
                edge_dir.join("migrations").display()
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    if seen != [true; 3] {
        return Err("edge/wrangler.toml no longer has the name, main and migrations_dir lines xtask rewrites".into());
    }
    Ok(out)
}

fn spawn(
    name: &'static str,
    mut cmd: Command,
    log: &Path,
    ready_prefix: Option<&'static str>,
) -> Result<(Service, mpsc::Receiver<String>), String> {
    use std::os::unix::process::CommandExt;
    let file = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(file.try_clone().map_err(|e| e.to_string())?)
        .process_group(0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("could not start {name}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    let mut file = file;
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = ready_prefix.and_then(|p| line.strip_prefix(p)) {
                let _ = tx.send(rest.to_owned());
            }
            let _ = writeln!(file, "{line}");
        }
    });
    Ok((Service { name, child }, rx))
}

fn wait_for_health(running: &mut Running, edge: &str, limit: Duration) -> Result<(), String> {
    let started = Instant::now();
    let address = edge.trim_start_matches("http://").to_owned();
    while started.elapsed() < limit {
        if let Some(name) = running.exited() {
            return Err(format!("{name} exited; see {}", running.logs.display()));
        }
        if http_get_status(&address, "/v1/health") == Some(200) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    Err(format!(
        "the edge at {edge} did not answer within {}; see {}",
        sh::format_duration(limit),
        running.logs.display()
    ))
}

/// Whether the edge at `edge` answers `/v1/health` with 200 now.
pub fn answers(edge: &str) -> bool {
    http_get_status(edge.trim_start_matches("http://"), "/v1/health") == Some(200)
}

fn http_get_status(address: &str, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The first free port from `base` on. Bases sit below Linux's ephemeral range (32768 and
/// up), so a port found free is not handed to another process binding port 0 meanwhile.
/// A port in `base..base + 200` that is free now. The search starts at a random offset so that
/// two runs on one machine (two checkouts) rarely pick the same port while wrangler is still
/// building and not yet listening.
/// A free port in `base..base + 200`, starting at a random offset. The ranges in use —
/// main edge 18787, other edges 18987, inspectors 19229, the questions edge 19487, the
/// Turnstile edge 19687 — must
/// not overlap: a port is only reserved once its server binds it.
fn free_port(base: u16) -> Result<u16, String> {
    let start = u16::from_str_radix(&random_hex(2)?, 16).map_err(|e| e.to_string())? % 200;
    (0..200)
        .map(|i| base + (start + i) % 200)
        .find(|port| TcpListener::bind(("127.0.0.1", *port)).is_ok())
        .ok_or(format!("no free port from {base} to {}", base + 199))
}

fn random_bytes(bytes: usize) -> Result<Vec<u8>, String> {
    let mut buf = vec![0u8; bytes];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    Ok(buf)
}

fn random_hex(bytes: usize) -> Result<String, String> {
    Ok(random_bytes(bytes)?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Standard base64 with padding (REGISTRATION_KEYS takes its keys so).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Unpadded base64url (a VAPID private key's form).
fn base64url(bytes: &[u8]) -> String {
    base64(bytes)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

fn write_private(path: &Path, contents: &str) -> Result<(), String> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(contents.as_bytes())
        .map_err(|e| e.to_string())
}

/// Reads a string field from the stand-ins' one-line JSON (flat, no escapes in URLs).
fn json_field(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = json[start..].find('"')? + start;
    Some(json[start..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_padded_like_the_standard_alphabet() {
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
        assert_eq!(base64(&[0u8; 32]).len(), 44);
    }

    #[test]
    fn json_fields_are_read_from_the_ready_line() {
        let line = r#"{"mailbox":"http://127.0.0.1:1","site":"http://127.0.0.1:2"}"#;
        assert_eq!(
            json_field(line, "site").as_deref(),
            Some("http://127.0.0.1:2")
        );
        assert_eq!(json_field(line, "nope"), None);
    }

    #[test]
    fn another_instance_runs_the_built_worker_without_building_it() {
        let template = read(&sh::root().join("edge/wrangler.toml")).unwrap();
        let config = prebuilt_config(&template, "sspr-edge-scim", Path::new("/r/edge")).unwrap();
        assert!(config.starts_with("# The sspr edge"));
        assert!(config.contains("name = \"sspr-edge-scim\"\n"));
        assert!(config.contains("main = \"/r/edge/build/index.js\"\n"));
        assert!(config.contains("migrations_dir = \"/r/edge/migrations\"\n"));
        assert!(!config.contains("[build]") && !config.contains("worker-build"));
        // Everything after the build section is kept.
        assert!(config.contains("[durable_objects]") && config.contains("[vars]"));
        assert!(prebuilt_config("name = \"x\"\n", "y", Path::new("/r")).is_err());
    }
}
