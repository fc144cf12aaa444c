//! The CSPRNG (`crypto.getRandomValues` in workerd) behind the byte-filling closures core takes.

/// Fills `buf` with random bytes. A CSPRNG failure is fatal for the request.
pub fn fill(buf: &mut [u8]) {
    getrandom::fill(buf).expect("the platform CSPRNG is available");
}

/// A version 4 UUID (a GUID) made of 16 random bytes: Turnstile's `idempotency_key`, a
/// Graph client assertion's `jti`.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex::encode(bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A random id, hex-encoded, for operations and messages.
pub fn id() -> String {
    let mut bytes = [0u8; 16];
    fill(&mut bytes);
    hex::encode(bytes)
}
