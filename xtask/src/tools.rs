//! Installs what the other commands need, idempotently, printing one line per tool with what
//! it did and how long it took. Everything comes from the package registries: crates.io
//! (`cargo install`), npm (`npm ci`), PyPI (`pip` in a virtualenv under `.sspr/tools/`),
//! Debian (`apt-get`) and rustup's targets. Trunk and
//! worker-build are pointed at the installed wasm-bindgen, wasm-opt and esbuild so that they
//! never try to download them.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use crate::sh;

/// trunk 0.22 needs a newer rustc than the machine's 1.95.
const TRUNK: &str = "0.21.14";
const WORKER_BUILD: &str = "0.8.7";
const DEBIAN_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
/// The API fuzzer (PyPI). 4.x reads OpenAPI 3.1 documents.
pub const SCHEMATHESIS: &str = "4.32.5";

/// Environment variables every tool-running command gets.
pub struct ToolEnv {
    pub vars: Vec<(String, String)>,
}

pub fn bootstrap() -> Result<ToolEnv, String> {
    let root = sh::root();
    let cargo_bin = cargo_home().join("bin");
    let npm_bin = root.join("e2e/node_modules/.bin");
    let path = format!(
        "{}:{}:{}",
        npm_bin.display(),
        cargo_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = ToolEnv {
        vars: vec![
            ("PATH".into(), path),
            (
                "WASM_BINDGEN_BIN".into(),
                cargo_bin.join("wasm-bindgen").display().to_string(),
            ),
            (
                "WASM_OPT_BIN".into(),
                npm_bin.join("wasm-opt").display().to_string(),
            ),
            (
                "ESBUILD_BIN".into(),
                npm_bin.join("esbuild").display().to_string(),
            ),
            ("WRANGLER_SEND_METRICS".into(), "false".into()),
            ("CLOUDFLARE_CF_FETCH_ENABLED".into(), "false".into()),
            ("NO_UPDATE_NOTIFIER".into(), "1".into()),
        ],
    };
    println!("==> tools");
    let started = Instant::now();
    node()?;
    wasm_target()?;
    cargo_fetch(&env)?;
    let bindgen = wasm_bindgen_version()?;
    cargo_tool("trunk", "trunk", TRUNK, &["--locked"], &env)?;
    // wasm-bindgen-cli's own lock file pins a crate version the registry no longer has, so
    // it installs without --locked.
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, &[], &env)?;
    cargo_tool(
        "worker-build",
        "worker-build",
        WORKER_BUILD,
        &["--locked"],
        &env,
    )?;
    npm_ci(&env)?;
    chromium()?;
    slapd()?;
    println!("==> tools: ready ({})", sh::elapsed(started));
    Ok(env)
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
}

fn line(tool: &str, what: &str, started: Instant) {
    println!("    {tool:<16} {what} ({})", sh::elapsed(started));
}

fn node() -> Result<(), String> {
    let started = Instant::now();
    let version = sh::output(Command::new("node").arg("--version")).ok_or(
        "Node.js is missing: install Node 20 or newer (Debian: apt-get install nodejs npm)",
    )?;
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node {version} is too old: wrangler and Playwright need Node 20 or newer"
        ));
    }
    line("node", &format!("{version} present"), started);
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let started = Instant::now();
    let installed = sh::output(Command::new("rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        line("wasm32 target", "present", started);
        return Ok(());
    }
    println!("    wasm32 target    installing: rustup target add wasm32-unknown-unknown");
    sh::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    line("wasm32 target", "installed", started);
    Ok(())
}

/// Trunk builds with --offline, so every dependency must be in the local registry first.
fn cargo_fetch(env: &ToolEnv) -> Result<(), String> {
    let started = Instant::now();
    sh::run(sh::cargo(env).args(["fetch", "--quiet"]))?;
    line("crates", "fetched (cargo fetch)", started);
    Ok(())
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly this version.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(sh::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

fn cargo_tool(
    bin: &str,
    krate: &str,
    version: &str,
    extra: &[&str],
    env: &ToolEnv,
) -> Result<(), String> {
    let started = Instant::now();
    let path = cargo_home().join("bin").join(bin);
    let current = sh::output(Command::new(&path).arg("--version")).unwrap_or_default();
    if current.split_whitespace().any(|word| word == version) {
        line(bin, &format!("{version} present"), started);
        return Ok(());
    }
    println!(
        "    {bin:<16} installing {krate} {version} from crates.io (cargo install; takes minutes the first time)"
    );
    let mut cmd = sh::cargo(env);
    cmd.args(["install", krate, "--version", version, "--quiet"])
        .args(extra);
    sh::run(&mut cmd)?;
    line(bin, &format!("{version} installed"), started);
    Ok(())
}

/// wrangler (with workerd), Playwright, wasm-opt (npm binaryen) and esbuild, from e2e/'s lock file.
fn npm_ci(env: &ToolEnv) -> Result<(), String> {
    let started = Instant::now();
    let e2e = sh::root().join("e2e");
    let stamp = e2e.join("node_modules/.package-lock.json");
    let lock = e2e.join("package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l) {
        line("npm packages", "present (e2e/node_modules)", started);
        return Ok(());
    }
    println!(
        "    npm packages     installing wrangler, Playwright, binaryen (wasm-opt), esbuild: npm ci in e2e/"
    );
    let mut cmd = sh::command(env, "npm");
    cmd.args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&e2e);
    sh::run(&mut cmd)?;
    line("npm packages", "installed", started);
    Ok(())
}

/// Debian's Chromium and ChromeDriver: Playwright drives them; it never downloads a browser.
fn chromium() -> Result<(), String> {
    let started = Instant::now();
    if PathBuf::from("/usr/bin/chromium").exists()
        && PathBuf::from("/usr/bin/chromedriver").exists()
    {
        line("chromium", "present (/usr/bin/chromium)", started);
        return Ok(());
    }
    apt_install("chromium", "Chromium is missing", &DEBIAN_PACKAGES)?;
    line("chromium", "installed", started);
    Ok(())
}

/// OpenLDAP's slapd and its command-line tools: the writeback connector's tests and the test
/// stack's LDAP directory run a real one (`writeback/tests/fixtures`). The package's own
/// service is not used; each run starts its own slapd on a free port.
fn slapd() -> Result<(), String> {
    let started = Instant::now();
    if PathBuf::from("/usr/sbin/slapd").exists() && PathBuf::from("/usr/bin/ldapwhoami").exists() {
        line("slapd", "present (/usr/sbin/slapd)", started);
        return Ok(());
    }
    apt_install(
        "slapd",
        "OpenLDAP's slapd is missing",
        &["slapd", "ldap-utils"],
    )?;
    line("slapd", "installed", started);
    Ok(())
}

/// Installs Debian packages when run as root; otherwise the error names them.
fn apt_install(tool: &str, missing: &str, packages: &[&str]) -> Result<(), String> {
    let is_root = sh::output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "{missing}: run `sudo apt-get install -y {}` and try again",
            packages.join(" ")
        ));
    }
    println!(
        "    {tool:<16} installing Debian packages: {}",
        packages.join(" ")
    );
    sh::run(Command::new("apt-get").args(["update", "-qq"]))?;
    sh::run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "-o", "Dpkg::Use-Pty=0"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The API fuzzer, schemathesis, in a virtualenv of its own under `.sspr/tools/venv` (Debian's
/// python3; its `python3-venv` package when `venv` cannot bootstrap pip). Returns the path
/// of the `schemathesis` command.
pub fn schemathesis() -> Result<PathBuf, String> {
    let started = Instant::now();
    let venv = sh::root().join(".sspr/tools/venv");
    let bin = venv.join("bin/schemathesis");
    let current = sh::output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if current.split_whitespace().any(|word| word == SCHEMATHESIS) {
        line(
            "schemathesis",
            &format!("{SCHEMATHESIS} present (.sspr/tools/venv)"),
            started,
        );
        return Ok(bin);
    }
    // Debian's python3 lacks `ensurepip` (so `python3 -m venv` fails) without python3-venv.
    let venv_ready =
        || sh::output(Command::new("python3").args(["-c", "import ensurepip, venv"])).is_some();
    if !venv_ready() {
        apt_install(
            "schemathesis",
            "Python 3 with its venv module is missing",
            &["python3", "python3-venv"],
        )?;
    }
    let python = sh::output(Command::new("python3").arg("--version")).unwrap_or_default();
    println!(
        "    schemathesis     installing schemathesis {SCHEMATHESIS} from PyPI into .sspr/tools/venv ({python}, pip in a virtualenv)"
    );
    // A venv of another Python, or a half-made one, is rebuilt from scratch.
    let _ = std::fs::remove_dir_all(&venv);
    sh::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    sh::run(Command::new(venv.join("bin/pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("schemathesis=={SCHEMATHESIS}"),
    ]))?;
    line(
        "schemathesis",
        &format!("{SCHEMATHESIS} installed"),
        started,
    );
    Ok(bin)
}
