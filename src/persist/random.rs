//! Random bytes from the browser (`crypto.getRandomValues`), for salts and nonces. The pure
//! crypto code takes randomness as an input, so getrandom never enters the app.

use super::crypto::CryptoError;
use super::lock::RandomSource;

/// The browser allows at most 65,536 bytes per call.
const MAX_CHUNK: usize = 65_536;

pub fn fill(buf: &mut [u8]) -> Result<(), CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::NoRandomness)?;
    for chunk in buf.chunks_mut(MAX_CHUNK) {
        crypto
            .get_random_values_with_u8_array(chunk)
            .map_err(|_| CryptoError::NoRandomness)?;
    }
    Ok(())
}

/// The source `DeviceStore::open` takes in the browser.
pub fn browser_random() -> RandomSource {
    Box::new(fill)
}
