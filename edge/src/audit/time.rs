//! UTC instants for the admin API: parsed from Unix milliseconds, a date or an RFC 3339 time
//! in UTC, and printed as RFC 3339. Plain arithmetic on the proleptic Gregorian calendar
//! (Howard Hinnant's `days_from_civil`), so no date library is needed at the edge.

use sspr_core::UnixMillis;

pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The first instant the admin API refuses: year 10000.
pub const END_OF_TIME: UnixMillis = 253_402_300_800_000;

/// Days since 1970-01-01 of a civil date (may be negative before 1970).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(text: &str, digits: usize) -> Option<u32> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Parses Unix milliseconds (`1767225600000`), a UTC date (`2026-01-01`, its midnight) or an
/// RFC 3339 time in UTC (`2026-01-01T08:30:00Z`, `…:00.250Z`), from 1970 to year 9999.
pub fn parse_instant(text: &str) -> Option<UnixMillis> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<u64>().ok().filter(|ms| *ms < END_OF_TIME);
    }
    let (date, time) = match text.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = number(parts.next()?, 4)?;
    let month = number(parts.next()?, 2)?;
    let day = number(parts.next()?, 2)?;
    if parts.next().is_some()
        || year < 1970
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(i64::from(year), month)
    {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day) as u64;
    let mut ms = days * DAY_MS;
    if let Some(time) = time {
        let time = time.strip_suffix(['Z', 'z'])?;
        let (hms, fraction) = match time.split_once('.') {
            Some((hms, fraction)) => (hms, Some(fraction)),
            None => (time, None),
        };
        let mut parts = hms.split(':');
        let hour = number(parts.next()?, 2)?;
        let minute = number(parts.next()?, 2)?;
        let second = number(parts.next()?, 2)?;
        if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let millis = match fraction {
            None => 0,
            Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{f:0<3}")[..3].parse::<u64>().ok()?
            }
            Some(_) => return None,
        };
        ms += (u64::from(hour) * 3600 + u64::from(minute) * 60 + u64::from(second)) * 1000 + millis;
    }
    Some(ms)
}

/// `2026-01-01T08:30:00.250Z`.
pub fn format_instant(ms: UnixMillis) -> String {
    let (year, month, day) = civil_from_days((ms / DAY_MS) as i64);
    let rest = ms % DAY_MS;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000
    )
}

/// `2026-01-01`, the UTC date of day number `day` since 1970-01-01.
pub fn format_day(day: u64) -> String {
    let (year, month, day) = civil_from_days(day as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_parse_to_unix_milliseconds() {
        // date -u -d 2026-01-01 +%s → 1767225600
        assert_eq!(parse_instant("2026-01-01"), Some(1_767_225_600_000));
        assert_eq!(parse_instant("1970-01-01"), Some(0));
        assert_eq!(
            parse_instant("2026-01-01T08:30:00Z"),
            Some(1_767_256_200_000)
        );
        assert_eq!(
            parse_instant("2026-01-01T08:30:00.25Z"),
            Some(1_767_256_200_250)
        );
        assert_eq!(parse_instant("2024-02-29"), Some(1_709_164_800_000));
        assert_eq!(parse_instant("1767225600000"), Some(1_767_225_600_000));
    }

    #[test]
    fn malformed_or_out_of_range_instants_are_refused() {
        for text in [
            "",
            "yesterday",
            "2026-1-01",
            "2026-13-01",
            "2026-02-29",
            "2026-04-31",
            "1969-12-31",
            "2026-01-01T08:30:00",
            "2026-01-01T08:30:00+01:00",
            "2026-01-01T24:00:00Z",
            "2026-01-01T08:30:00.Z",
            "-5",
            "1.5",
            "253402300800000",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }

    #[test]
    fn instants_print_as_rfc_3339_and_read_back() {
        assert_eq!(
            format_instant(1_767_256_200_250),
            "2026-01-01T08:30:00.250Z"
        );
        assert_eq!(format_instant(0), "1970-01-01T00:00:00.000Z");
        for ms in [
            0,
            951_782_400_000,
            1_709_164_800_001,
            4_102_444_799_999,
            END_OF_TIME - 1,
        ] {
            assert_eq!(parse_instant(&format_instant(ms)), Some(ms), "{ms}");
        }
        assert_eq!(format_day(1_767_225_600_000 / DAY_MS), "2026-01-01");
    }
}
