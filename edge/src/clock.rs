//! The edge's clock. Core never reads time; the edge reads it here, once per request.
//!
//! Builds for the integration tests (`--cfg sspr_test_clock`, set by `cargo xtask test`)
//! also honour an `X-Sspr-Test-Clock-Offset-Ms` header that moves the clock forward, so a
//! test can see a code expire without waiting ten minutes. Release builds do not contain it.

use sspr_core::UnixMillis;

/// The time a request is handled at.
pub fn now(req: &worker::Request) -> UnixMillis {
    let _ = req;
    let wall = worker::Date::now().as_millis();
    #[cfg(sspr_test_clock)]
    {
        let offset = req
            .headers()
            .get("X-Sspr-Test-Clock-Offset-Ms")
            .ok()
            .flatten()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        return wall + offset;
    }
    #[allow(unreachable_code)]
    wall
}
