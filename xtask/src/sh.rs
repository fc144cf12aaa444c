//! Running commands: one printed line per step, with how long it took.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tools::ToolEnv;

/// The workspace root (the parent of xtask/).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

pub fn elapsed(since: Instant) -> String {
    format_duration(since.elapsed())
}

pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        format!("{}m {:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

/// Runs a named step and prints its outcome and duration.
pub fn step<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("==> {name}");
    let started = Instant::now();
    let result = f();
    match &result {
        Ok(_) => println!("==> {name}: ok ({})", elapsed(started)),
        Err(err) => println!("==> {name}: FAILED ({}): {err}", elapsed(started)),
    }
    result.map_err(|err| format!("{name}: {err}"))
}

/// A command with the tool environment (PATH with the installed tools first, and the
/// variables that keep Trunk, worker-build and wrangler offline).
pub fn command(env: &ToolEnv, program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root());
    for (key, value) in &env.vars {
        cmd.env(key, value);
    }
    cmd
}

pub fn cargo(env: &ToolEnv) -> Command {
    command(env, "cargo")
}

/// Runs a command to completion, inheriting stdout and stderr.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|err| format!("could not start {:?}: {err}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} exited with {status}", cmd.get_program()))
    }
}

/// Runs a command to completion, inheriting stdout and stderr, in a process group of its own
/// that is killed if it runs longer than `limit`.
pub fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    let mut child = cmd
        .process_group(0)
        .spawn()
        .map_err(|err| format!("could not start {:?}: {err}", cmd.get_program()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return if status.success() {
                Ok(())
            } else {
                Err(format!("{:?} exited with {status}", cmd.get_program()))
            };
        }
        if started.elapsed() > limit {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
            return Err(format!(
                "{:?} was stopped after {}",
                cmd.get_program(),
                format_duration(limit)
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Runs a command to completion with its output in `log`; on failure the error names the log.
pub fn run_logged(cmd: &mut Command, log: &Path) -> Result<(), String> {
    let file = std::fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let status = cmd
        .stdin(std::process::Stdio::null())
        .stdout(file.try_clone().map_err(|e| e.to_string())?)
        .stderr(file)
        .status()
        .map_err(|err| format!("could not start {:?}: {err}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} exited with {status}; see {}",
            cmd.get_program(),
            log.display()
        ))
    }
}

/// Runs a command and returns its trimmed stdout, or None when it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The gzip-compressed size of a file (gzip -9, as a CDN would serve it).
pub fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|err| format!("gzip: {err}"))?;
    if !out.status.success() {
        return Err(format!("gzip could not read {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}
