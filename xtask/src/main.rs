//! `cargo xtask demo | test | bench`: the only place that installs tools and orchestrates
//! processes. It holds no product logic.

mod load;
mod sh;
// The LDAP directory of the test stack: the same slapd fixture the connector's own tests use.
#[path = "../../writeback/tests/common/slapd.rs"]
mod slapd;
mod stack;
mod tools;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  demo    build everything, start the edge (wrangler dev), the demo login page and the demo
          mailbox, and print their URLs; Ctrl-C stops everything
  test    run every test layer: fmt, clippy, native tests, edge integration tests against
          wrangler dev, the API fuzzer (schemathesis) and the Playwright suite in headless
          Chromium
  fuzz    only the API fuzzer, against a fresh test stack
  e2e     only the Playwright suite (after a widget build), against a fresh test stack;
          arguments after `e2e` go to `playwright test` (e.g. `cargo xtask e2e register
          --project desktop`)
  edge [FILTER]
          only the edge integration tests over HTTP (those whose name contains FILTER),
          against a fresh test stack
  bench   print the verifiers' speed, the size of the widget and the edge bundle, the time
          to the first interactive screen and the edge's figures under load
  load    only the edge's figures under load (100 reset flows at once), against a fresh stack
  setup   only install the tools the other commands need";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let started = Instant::now();
    let result = match command.as_str() {
        "demo" => stack::demo(),
        "test" => test(),
        "fuzz" => fuzz_only(),
        "e2e" => e2e_only(std::env::args().skip(2).collect()),
        "edge" => edge_only(std::env::args().nth(2)),
        "bench" => bench(),
        "load" => load_only(),
        "setup" => tools::bootstrap().and_then(|_| tools::schemathesis().map(|_| ())),
        "" | "help" | "-h" | "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => {
            println!("xtask {command}: ok in {}", sh::elapsed(started));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "xtask {command}: FAILED after {}: {err}",
                sh::elapsed(started)
            );
            ExitCode::FAILURE
        }
    }
}

/// Every test layer, in the order that fails fastest.
fn test() -> Result<(), String> {
    let env = tools::bootstrap()?;
    let schemathesis = tools::schemathesis()?;
    let root = sh::root();
    sh::step("cargo fmt --check", || {
        sh::run(sh::cargo(&env).args(["fmt", "--all", "--", "--check"]))
    })?;
    sh::step("cargo clippy (native, all targets)", || {
        sh::run(sh::cargo(&env).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    sh::step("cargo clippy (wasm32: widget and edge)", || {
        sh::run(sh::cargo(&env).args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "sspr-widget",
            "-p",
            "sspr-edge",
            "-p",
            "sspr-strength",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    sh::step("native tests (core, edge logic, widget)", || {
        sh::run(sh::cargo(&env).args(["test", "--workspace"]))
    })?;
    sh::step("stand-in tests (node --test)", || {
        let mut cmd = sh::command(&env, "node");
        cmd.args([
            "--test",
            "e2e/standins/sms.test.mjs",
            "e2e/standins/mailbox.test.mjs",
            "e2e/standins/graph.test.mjs",
            "e2e/standins/oidc.test.mjs",
            "e2e/standins/turnstile.test.mjs",
            "e2e/standins/push.test.mjs",
            "e2e/standins/pwned.test.mjs",
        ])
        .current_dir(&root);
        sh::run(&mut cmd)
    })?;
    sh::step("widget build (trunk --release, esbuild)", || {
        stack::build_widget(&env)
    })?;
    let running = stack::start(&env, stack::Mode::Test)?;
    edge_tests(&env, &running, None)?;
    sh::step(FUZZ_STEP, || fuzz(&schemathesis, &running))?;
    sh::step("Playwright end-to-end suite (headless Chromium)", || {
        let mut cmd = sh::command(&env, "npx");
        cmd.args(["playwright", "test"])
            .current_dir(root.join("e2e"));
        running.export(&mut cmd);
        sh::run(&mut cmd)
    })?;
    drop(running);
    Ok(())
}

const FUZZ_STEP: &str = "API fuzzing (schemathesis against edge/openapi.json)";

/// Test cases per operation in the coverage phase, before fuzzing and stateful runs share
/// what is left of [`FUZZ_SECONDS`].
const FUZZ_EXAMPLES: &str = "50";
/// The fuzzer's time budget: it fuzzes, and follows the document's links, until it is spent.
const FUZZ_SECONDS: &str = "60";
/// The step is stopped (and fails) after this long, whatever the fuzzer is doing.
const FUZZ_LIMIT: Duration = Duration::from_secs(180);

/// Runs schemathesis against the test stack's main edge from the OpenAPI document, in every
/// phase: the document's examples, boundary and malformed values for each field (coverage),
/// random requests (fuzzing), and flows that follow the document's links, the `flow` of one
/// reply into the next request (stateful). Any 5xx, any status the document does not list
/// for the operation, any body or content type that does not match the document, or a wrong
/// answer to an undocumented method fails the step; so does an edge that no longer answers
/// afterwards. Requests carry the site's `Origin` (CORS allows it) and the admin token (the
/// reset routes ignore it). `PUT /v1/admin/policy` is left out: a valid random policy would
/// change what the browser suite runs under. Generated usernames are random strings, and the rate limits they
/// run into (documented 429s) are per user, so they do not reach the seeded users of the
/// Playwright suite that runs next. One worker: Python 3.11's `ast.parse`, which Hypothesis
/// calls, is not safe across threads.
fn fuzz(schemathesis: &Path, running: &stack::Running) -> Result<(), String> {
    // Run in .sspr/test/, where schemathesis keeps its cache of past failures (replayed first).
    let dir = sh::root().join(".sspr/test");
    let document = sh::root().join("edge/openapi.json");
    let mut cmd = Command::new(schemathesis);
    cmd.current_dir(&dir)
        .arg("run")
        .arg(&document)
        .args(["--url", &running.edge])
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_schema_conformance,unsupported_method",
        ])
        .args(["--phases", "examples,coverage,fuzzing,stateful"])
        .args(["--max-examples", FUZZ_EXAMPLES, "--max-time", FUZZ_SECONDS])
        .args(["--continue-on-failure", "--workers", "1"])
        .args(["--request-timeout", "10", "--generation-database", "none"])
        // Replacing the policy would change what the browser suite runs under; the edge
        // integration tests cover that route instead.
        .args(["--exclude-method", "PUT"])
        .args(["--header", &format!("Origin: {}", running.site)])
        .args([
            "--header",
            &format!("Authorization: Bearer {}", running.admin_token),
        ])
        .args(["--no-color", "--output-truncate", "true"]);
    sh::run_with_timeout(&mut cmd, FUZZ_LIMIT)?;
    if !stack::answers(&running.edge) {
        return Err(format!(
            "the edge no longer answers /v1/health after fuzzing; see {}",
            running.logs.display()
        ));
    }
    Ok(())
}

/// The edge's integration tests over HTTP against the running test stack, all of them or
/// those whose name contains `filter`.
fn edge_tests(
    env: &tools::ToolEnv,
    running: &stack::Running,
    filter: Option<String>,
) -> Result<(), String> {
    sh::step("edge integration tests over HTTP (wrangler dev)", || {
        let mut cmd = sh::cargo(env);
        cmd.args([
            "test",
            "-p",
            "sspr-edge",
            "--test",
            "http",
            "--test",
            "registration",
            "--test",
            "turnstile",
            "--test",
            "approver",
            "--test",
            "report",
            "--test",
            "writeback",
            "--",
            "--ignored",
            "--test-threads=1",
        ]);
        if let Some(filter) = &filter {
            cmd.arg(filter);
        }
        running.export(&mut cmd);
        sh::run(&mut cmd)
    })
}

/// `cargo xtask edge [FILTER]`: the edge integration tests alone, against a fresh test stack
/// (no widget build).
fn edge_only(filter: Option<String>) -> Result<(), String> {
    let env = tools::bootstrap()?;
    let running = stack::start(&env, stack::Mode::Test)?;
    edge_tests(&env, &running, filter)
}

/// `cargo xtask fuzz`: the fuzzer alone, against a fresh test stack (no widget build).
fn fuzz_only() -> Result<(), String> {
    let env = tools::bootstrap()?;
    let schemathesis = tools::schemathesis()?;
    let running = stack::start(&env, stack::Mode::Test)?;
    sh::step(FUZZ_STEP, || fuzz(&schemathesis, &running))
}

/// `cargo xtask e2e [args]`: the widget build and the Playwright suite alone, against a fresh
/// test stack, for a quick loop on the browser tests.
fn e2e_only(args: Vec<String>) -> Result<(), String> {
    let env = tools::bootstrap()?;
    sh::step("widget build (trunk --release, esbuild)", || {
        stack::build_widget(&env)
    })?;
    let running = stack::start(&env, stack::Mode::Test)?;
    sh::step("Playwright end-to-end suite (headless Chromium)", || {
        let mut cmd = sh::command(&env, "npx");
        cmd.args(["playwright", "test"])
            .args(&args)
            .current_dir(sh::root().join("e2e"));
        running.export(&mut cmd);
        sh::run(&mut cmd)
    })
}

/// Size figures, and the verifiers' speed (criterion). Figures are printed, never asserted.
fn bench() -> Result<(), String> {
    let env = tools::bootstrap()?;
    sh::step("core verifiers (criterion)", || {
        sh::run(sh::cargo(&env).args([
            "bench",
            "-p",
            "sspr-core",
            "--bench",
            "verifiers",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
        ]))
    })?;
    sh::step("widget build (trunk --release, esbuild)", || {
        stack::build_widget(&env)
    })?;
    sh::step("edge build (worker-build --release)", || {
        let mut cmd = sh::command(&env, "worker-build");
        cmd.arg("--release").current_dir(sh::root().join("edge"));
        sh::run(&mut cmd)
    })?;
    let root = sh::root();
    let widget = ["sspr-widget_bg.wasm", "sspr.js"]
        .iter()
        .map(|f| sh::gzip_size(&root.join("dist").join(f)))
        .sum::<Result<u64, String>>()?;
    let register = ["sspr.js", "sspr-register.js", "sspr-register_bg.wasm"]
        .iter()
        .map(|f| sh::gzip_size(&root.join("dist").join(f)))
        .sum::<Result<u64, String>>()?;
    let approver = ["sspr.js", "sspr-approver.js", "sspr-approver_bg.wasm"]
        .iter()
        .map(|f| sh::gzip_size(&root.join("dist").join(f)))
        .sum::<Result<u64, String>>()?;
    let report = ["sspr.js", "sspr-report.js", "sspr-report_bg.wasm"]
        .iter()
        .map(|f| sh::gzip_size(&root.join("dist").join(f)))
        .sum::<Result<u64, String>>()?;
    let strength = ["sspr-strength.js", "sspr-strength_bg.wasm"]
        .iter()
        .map(|f| sh::gzip_size(&root.join("dist").join(f)))
        .sum::<Result<u64, String>>()?;
    // A page in another language than English also fetches that language's messages.
    let mut locale = 0;
    for entry in
        std::fs::read_dir(root.join("dist/locales")).map_err(|e| format!("dist/locales: {e}"))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        locale = locale.max(sh::gzip_size(&path)?);
    }
    let edge = sh::gzip_size(&root.join("edge/build/index_bg.wasm"))?
        + sh::gzip_size(&root.join("edge/build/index.js"))?;
    println!(
        "bench: widget reset screen download in English (sspr.js with the stylesheet + wasm, gzip): {:.1} KB (budget 250 KB, aim 120 KB)",
        widget as f64 / 1000.0
    );
    println!(
        "bench: plus, when the new-password screen appears, the strength meter (sspr-strength.js + its wasm, gzip): {:.1} KB",
        strength as f64 / 1000.0
    );
    println!(
        "bench: widget registration screen download in English (sspr.js + sspr-register.js + its wasm, gzip): {:.1} KB (budget 250 KB)",
        register as f64 / 1000.0
    );
    println!(
        "bench: the phone's approver page download in English (sspr.js + sspr-approver.js + its wasm, gzip): {:.1} KB (budget 250 KB)",
        approver as f64 / 1000.0
    );
    println!(
        "bench: the \"this wasn't me\" page download in English (sspr.js + sspr-report.js + its wasm, gzip): {:.1} KB",
        report as f64 / 1000.0
    );
    println!(
        "bench: plus, in a language other than English, its messages (largest locale file, gzip): {:.1} KB",
        locale as f64 / 1000.0
    );
    println!(
        "bench: edge worker bundle (wasm + js, gzip): {:.1} KB (budget 1000 KB)",
        edge as f64 / 1000.0
    );
    sh::step(
        "first interactive screen (Chromium, slow 4G, 4x CPU)",
        || {
            // Sent with gzip (what the download budget counts) and with Brotli (what
            // Cloudflare sends a browser that takes it).
            for encoding in ["gzip", "br"] {
                let mut cmd = sh::command(&env, "node");
                cmd.current_dir(&root).args([
                    "e2e/bench/first-interactive.mjs",
                    "--dist",
                    "dist",
                    "--examples",
                    "examples",
                    "--encoding",
                    encoding,
                ]);
                sh::run(&mut cmd)?;
            }
            Ok(())
        },
    )?;
    load_figures(&env)
}

/// The edge's figures under load, against a fresh stack of the production build.
fn load_figures(env: &tools::ToolEnv) -> Result<(), String> {
    let running = stack::start(env, stack::Mode::Bench)?;
    sh::step("edge under load (wrangler dev, 100 flows at once)", || {
        load::edge(env, &running)
    })
}

/// `cargo xtask load`.
fn load_only() -> Result<(), String> {
    load_figures(&tools::bootstrap()?)
}
