//! The edge under load, for `cargo xtask bench`: 100 reset flows at once on local workerd
//! (`wrangler dev`, the production build), each proving its emailed code at the same moment;
//! the latency of those verifications (p50, p99) and their throughput, beside a no-op worker's
//! throughput measured the same way in the same run (DESIGN's budget: p99 ≤ 20 ms, reported
//! as a ratio to the no-op worker). Figures are printed, never asserted: machines are shared.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::sh;
use crate::stack::{self, Running};
use crate::tools::ToolEnv;

/// Flows proved at the same moment.
const CONCURRENT: usize = 100;
/// Rounds of them, each with users of its own (a user's code sends are rate-limited): a first
/// paced round just after the start (reported apart: the worker's code is still cold), then
/// paced and burst rounds in turn.
const ROUNDS: usize = 5;
/// The gap between two users' verifications in a paced round: 100 a second.
const PACE: Duration = Duration::from_millis(10);

/// A request's answer: status, body, and how long it took.
struct Answer {
    status: u16,
    body: String,
    took: Duration,
}

/// One HTTP/1.1 request over a new connection (as each browser's first request is).
fn request(
    address: &str,
    method: &str,
    path: &str,
    origin: &str,
    body: &str,
) -> Result<Answer, String> {
    let host = address.trim_start_matches("http://");
    let started = Instant::now();
    let mut stream = TcpStream::connect(host).map_err(|e| format!("{host}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    let raw = read_response(&mut stream)?;
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{method} {path}: no HTTP status in {text:.80}"))?;
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Ok(Answer { status, body, took })
}

/// Reads one response: to its `Content-Length`, or its last chunk, or the end of the stream
/// (a server may keep the connection open despite `Connection: close`).
fn read_response(stream: &mut TcpStream) -> Result<Vec<u8>, String> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(raw);
        }
        raw.extend_from_slice(&buf[..n]);
        let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
        let body = raw.len() - end - 4;
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        let complete = match length {
            Some(length) => body >= length,
            None if head.contains("transfer-encoding: chunked") => raw.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            return Ok(raw);
        }
    }
}

/// A chunked body's data (RFC 9112 §7.1), up to the last chunk.
fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size =
            usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// Sends `make(i)` for i in 0..n from n threads released together; the answers in order and
/// the wall time from the release to the last answer.
fn burst(
    n: usize,
    make: impl Fn(usize) -> Result<Answer, String> + Send + Sync + 'static,
) -> Result<(Vec<Answer>, Duration), String> {
    let make = Arc::new(make);
    let barrier = Arc::new(Barrier::new(n + 1));
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let (make, barrier) = (make.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                make(i)
            })
        })
        .collect();
    barrier.wait();
    let released = Instant::now();
    let answers = threads
        .into_iter()
        .map(|t| t.join().map_err(|_| "a load thread panicked".to_owned())?)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((answers, released.elapsed()))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The codes emailed to `users`, read from the mailbox stand-in (bounded wait).
fn codes(mailbox: &str, users: &[String]) -> Result<Vec<String>, String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let listed = request(mailbox, "GET", "/api/messages", "", "")?;
        let messages: Vec<Value> = serde_json::from_str(&listed.body).unwrap_or_default();
        let found: Vec<Option<String>> = users
            .iter()
            .map(|user| {
                let to = format!("{user}@example.com");
                messages
                    .iter()
                    .find(|m| m["to"][0] == to.as_str())
                    .and_then(|m| m["text"].as_str())
                    .and_then(|text| {
                        text.split(|c: char| !c.is_ascii_digit())
                            .find(|w| w.len() == 6)
                            .map(str::to_owned)
                    })
            })
            .collect();
        if found.iter().all(Option::is_some) {
            return Ok(found.into_iter().flatten().collect());
        }
        if Instant::now() > deadline {
            let missing = found.iter().filter(|c| c.is_none()).count();
            return Err(format!(
                "{missing} of {} codes never reached the mailbox",
                users.len()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// 100 flows of the users `bench-<first>`… started (each sends its code: one method, email
/// only), their codes read from the mailbox; the verification bodies.
fn open_flows(edge: &str, site: &str, mailbox: &str, first: usize) -> Result<Vec<String>, String> {
    let users: Vec<String> = (first..first + CONCURRENT)
        .map(|i| format!("bench-{i:03}"))
        .collect();
    let names = Arc::new(users.clone());
    let (e, s) = (edge.to_owned(), site.to_owned());
    let (started, _) = burst(CONCURRENT, move |i| {
        let body = json!({ "username": names[i] }).to_string();
        request(&e, "POST", "/v1/reset/start", &s, &body)
    })?;
    let flows: Vec<String> = started
        .iter()
        .map(|a| {
            let reply: Value = serde_json::from_str(&a.body).unwrap_or_default();
            match (
                a.status,
                reply["step"]["kind"].as_str(),
                reply["flow"].as_str(),
            ) {
                (200, Some("verify_code"), Some(flow)) => Ok(flow.to_owned()),
                _ => Err(format!("a start answered {} {}", a.status, a.body)),
            }
        })
        .collect::<Result<_, _>>()?;
    let codes = codes(mailbox, &users)?;
    Ok(flows
        .iter()
        .zip(&codes)
        .map(|(flow, code)| json!({ "flow": flow, "code": code }).to_string())
        .collect())
}

/// Sends the verifications, the `i`th after `i × gap`; their answers and the wall time.
fn verify(
    edge: &str,
    site: &str,
    bodies: Vec<String>,
    gap: Duration,
) -> Result<(Vec<Answer>, Duration), String> {
    let bodies = Arc::new(bodies);
    let (e, s) = (edge.to_owned(), site.to_owned());
    let (answers, wall) = burst(CONCURRENT, move |i| {
        std::thread::sleep(gap * i as u32);
        request(&e, "POST", "/v1/reset/verify", &s, &bodies[i])
    })?;
    if let Some(bad) = answers
        .iter()
        .find(|a| a.status != 200 || !a.body.contains("\"new_password\""))
    {
        return Err(format!(
            "a verification answered {} {}",
            bad.status, bad.body
        ));
    }
    Ok((answers, wall))
}

fn summary(mut latencies: Vec<Duration>) -> String {
    latencies.sort();
    format!(
        "p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
    )
}

/// The load figures of the edge in `running`, and of a no-op worker started beside it.
///
/// - Latency: 100 flows open at once, whose users type their codes within one second (one
///   verification every 10 ms), twice once the worker is warm (the first such round after the
///   start is reported apart).
/// - Throughput: 100 verifications sent at the same instant, twice; the no-op worker gets the
///   same bursts.
pub fn edge(env: &ToolEnv, running: &Running) -> Result<(), String> {
    let (edge, site, mailbox) = (
        running.edge.as_str(),
        running.site.as_str(),
        running.mailbox.as_str(),
    );
    let mut cold = Vec::new();
    let mut paced = Vec::new();
    let mut bursts = Vec::new();
    let mut rates = Vec::new();
    for round in 0..ROUNDS {
        let bodies = open_flows(edge, site, mailbox, round * CONCURRENT)?;
        if round % 2 == 0 {
            let (answers, _) = verify(edge, site, bodies, PACE)?;
            let took = answers.iter().map(|a| a.took);
            if round == 0 {
                cold.extend(took)
            } else {
                paced.extend(took)
            }
        } else {
            let (answers, wall) = verify(edge, site, bodies, Duration::ZERO)?;
            bursts.extend(answers.iter().map(|a| a.took));
            rates.push(CONCURRENT as f64 / wall.as_secs_f64());
        }
    }
    let noop = noop_rate(env, &running.logs)?;
    let rate = rates.iter().sum::<f64>() / rates.len() as f64;
    println!(
        "bench: edge, code verification with {CONCURRENT} reset flows open at once, their codes typed within a second (local workerd, wrangler dev): {} (budget p99 ≤ 20 ms); the first {CONCURRENT} after the edge started: {}",
        summary(paced),
        summary(cold)
    );
    println!(
        "bench: edge, {CONCURRENT} code verifications sent at the same instant: {}; throughput {rate:.0}/s, {:.2} of a no-op worker's {noop:.0}/s under the same bursts in this run",
        summary(bursts),
        rate / noop
    );
    Ok(())
}

/// A worker that answers every request with an empty 200, in `wrangler dev` like the edge;
/// its throughput under the same bursts.
fn noop_rate(env: &ToolEnv, logs: &Path) -> Result<f64, String> {
    let dir = sh::root().join(".sspr/bench/noop");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(
        dir.join("index.js"),
        "export default { fetch() { return new Response(null, { status: 200 }); } };\n",
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("wrangler.toml"),
        "name = \"sspr-noop\"\nmain = \"index.js\"\ncompatibility_date = \"2026-04-01\"\n",
    )
    .map_err(|e| e.to_string())?;
    let noop = stack::start_noop(env, &dir, &logs.join("noop.log"))?;
    let mut rates = Vec::new();
    for _ in 0..ROUNDS {
        let address = noop.address.clone();
        let (answers, wall) = burst(CONCURRENT, move |_| {
            request(&address, "POST", "/", "", "{}")
        })?;
        if let Some(bad) = answers.iter().find(|a| a.status != 200) {
            return Err(format!("the no-op worker answered {}", bad.status));
        }
        rates.push(CONCURRENT as f64 / wall.as_secs_f64());
    }
    Ok(rates.iter().sum::<f64>() / rates.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunked_body_is_joined() {
        assert_eq!(
            dechunk("4\r\n[{\"a\r\n3\r\n\":1\r\n2\r\n}]\r\n0\r\n\r\n"),
            "[{\"a\":1}]"
        );
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&sorted[..1], 99.0), Duration::from_millis(1));
    }
}
