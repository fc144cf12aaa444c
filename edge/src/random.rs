//! The CSPRNG (`crypto.getRandomValues` in workerd) behind the byte-filling closures core takes.

/// Fills `buf` with random bytes. A CSPRNG failure is fatal for the request.
pub fn fill(buf: &mut [u8]) {
    getrandom::fill(buf).expect("the platform CSPRNG is available");
}

/// A random id, hex-encoded, for operations and messages.
pub fn id() -> String {
    let mut bytes = [0u8; 16];
    fill(&mut bytes);
    hex::encode(bytes)
}
