//! How long fetched documents (the discovery document's `jwks_uri`, the JWKS) are kept in an
//! isolate, and when an unknown `kid` may send the edge back to the issuer. Pure: the caller
//! passes the time and does the fetching.

use std::collections::HashMap;

use sspr_core::UnixMillis;

/// How long a document is kept when its response has no usable `Cache-Control: max-age`.
pub const DEFAULT_MAX_AGE_MS: UnixMillis = 10 * 60_000;
/// The shortest a document is kept, whatever the issuer says (`no-store`, `max-age=0`): a
/// busy edge must not fetch the JWKS for every request.
pub const MIN_MAX_AGE_MS: UnixMillis = 60_000;
/// The longest a document is kept, so a revoked key goes within a day.
pub const MAX_MAX_AGE_MS: UnixMillis = 24 * 60 * 60_000;
/// An unknown `kid` refetches the JWKS (the issuer may have rotated its keys), but no more
/// often than this, so tokens with made-up `kid`s cannot make the edge hammer the issuer.
pub const MIN_REFETCH_INTERVAL_MS: UnixMillis = 60_000;

/// Documents by URL, each with when it was fetched and until when it is fresh.
#[derive(Debug)]
pub struct TtlCache<T> {
    entries: HashMap<String, Entry<T>>,
}

#[derive(Debug)]
struct Entry<T> {
    value: T,
    fetched_at: UnixMillis,
    fresh_until: UnixMillis,
}

impl<T> Default for TtlCache<T> {
    fn default() -> Self {
        TtlCache {
            entries: HashMap::new(),
        }
    }
}

impl<T: Clone> TtlCache<T> {
    /// The document at `url` while it is fresh.
    pub fn get(&self, url: &str, now: UnixMillis) -> Option<T> {
        self.entries
            .get(url)
            .filter(|entry| now < entry.fresh_until)
            .map(|entry| entry.value.clone())
    }

    /// Whether `url` may be fetched again ahead of its expiry: it was not fetched within
    /// [`MIN_REFETCH_INTERVAL_MS`].
    pub fn may_refetch(&self, url: &str, now: UnixMillis) -> bool {
        self.entries
            .get(url)
            .is_none_or(|entry| now >= entry.fetched_at.saturating_add(MIN_REFETCH_INTERVAL_MS))
    }

    /// Keeps a document fetched at `now` for `max_age_ms`.
    pub fn put(&mut self, url: &str, value: T, now: UnixMillis, max_age_ms: UnixMillis) {
        self.entries.insert(
            url.to_owned(),
            Entry {
                value,
                fetched_at: now,
                fresh_until: now.saturating_add(max_age_ms),
            },
        );
    }
}

/// How long to keep a response with this `Cache-Control` header: its `max-age` within
/// [`MIN_MAX_AGE_MS`]..=[`MAX_MAX_AGE_MS`], or [`DEFAULT_MAX_AGE_MS`] without one.
pub fn max_age_ms(cache_control: Option<&str>) -> UnixMillis {
    let max_age = cache_control
        .into_iter()
        .flat_map(|v| v.split(','))
        .find_map(|directive| {
            let (name, value) = directive.trim().split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("max-age")
                .then(|| value.trim().trim_matches('"').parse::<u64>().ok())
                .flatten()
        });
    match max_age {
        Some(secs) => secs
            .saturating_mul(1000)
            .clamp(MIN_MAX_AGE_MS, MAX_MAX_AGE_MS),
        None => DEFAULT_MAX_AGE_MS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://idp.example.com/jwks";

    #[test]
    fn a_document_is_fresh_for_its_max_age_only() {
        let mut cache = TtlCache::default();
        cache.put(URL, 1, 1_000, 600_000);
        assert_eq!(cache.get(URL, 1_000), Some(1));
        assert_eq!(cache.get(URL, 600_999), Some(1));
        assert_eq!(cache.get(URL, 601_000), None);
        assert_eq!(cache.get("https://other.example.com/jwks", 1_000), None);
    }

    #[test]
    fn an_unknown_kid_refetches_at_most_once_a_minute() {
        let mut cache = TtlCache::default();
        assert!(cache.may_refetch(URL, 0), "nothing fetched yet");
        cache.put(URL, 1, 10_000, 600_000);
        assert!(!cache.may_refetch(URL, 10_000));
        assert!(!cache.may_refetch(URL, 69_999));
        assert!(cache.may_refetch(URL, 70_000));
    }

    #[test]
    fn max_age_comes_from_cache_control_within_bounds() {
        assert_eq!(max_age_ms(None), DEFAULT_MAX_AGE_MS);
        assert_eq!(max_age_ms(Some("public, max-age=300")), 300_000);
        assert_eq!(max_age_ms(Some("Max-Age = 120 , must-revalidate")), 120_000);
        assert_eq!(max_age_ms(Some("no-store")), DEFAULT_MAX_AGE_MS);
        assert_eq!(max_age_ms(Some("max-age=0")), MIN_MAX_AGE_MS);
        assert_eq!(max_age_ms(Some("max-age=31536000")), MAX_MAX_AGE_MS);
        assert_eq!(max_age_ms(Some("max-age=soon")), DEFAULT_MAX_AGE_MS);
    }
}
