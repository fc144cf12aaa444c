//! `cargo xtask demo | test | bench`: the only place that installs tools and orchestrates
//! processes. It holds no product logic.

mod sh;
mod stack;
mod tools;

use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  demo    build everything, start the edge (wrangler dev), the demo login page and the demo
          mailbox, and print their URLs; Ctrl-C stops everything
  test    run every test layer: fmt, clippy, native tests, edge integration tests against
          wrangler dev, and the Playwright suite in headless Chromium
  bench   print the verifiers' speed and the size of the widget and the edge bundle
  setup   only install the tools the other commands need";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let started = Instant::now();
    let result = match command.as_str() {
        "demo" => stack::demo(),
        "test" => test(),
        "bench" => bench(),
        "setup" => tools::bootstrap().map(|_| ()),
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
        cmd.args(["--test", "e2e/standins/sms.test.mjs"])
            .current_dir(&root);
        sh::run(&mut cmd)
    })?;
    sh::step("widget build (trunk --release, esbuild)", || {
        stack::build_widget(&env)
    })?;
    let running = stack::start(&env, stack::Mode::Test)?;
    sh::step("edge integration tests over HTTP (wrangler dev)", || {
        let mut cmd = sh::cargo(&env);
        cmd.args([
            "test",
            "-p",
            "sspr-edge",
            "--test",
            "http",
            "--",
            "--ignored",
            "--test-threads=1",
        ]);
        running.export(&mut cmd);
        sh::run(&mut cmd)
    })?;
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
    let edge = sh::gzip_size(&root.join("edge/build/index_bg.wasm"))?
        + sh::gzip_size(&root.join("edge/build/index.js"))?;
    println!(
        "bench: widget reset screen download (sspr.js with the stylesheet + wasm, gzip): {:.1} KB (budget 250 KB, aim 120 KB)",
        widget as f64 / 1000.0
    );
    println!(
        "bench: edge worker bundle (wasm + js, gzip): {:.1} KB (budget 1000 KB)",
        edge as f64 / 1000.0
    );
    sh::step(
        "first interactive screen (Chromium, slow 4G, 4x CPU)",
        || {
            let mut cmd = sh::command(&env, "node");
            cmd.current_dir(&root).args([
                "e2e/bench/first-interactive.mjs",
                "--dist",
                "dist",
                "--examples",
                "examples",
            ]);
            sh::run(&mut cmd)
        },
    )?;
    Ok(())
}
