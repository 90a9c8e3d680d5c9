//! The crypto envelope: a passphrase becomes a key (Argon2id), and the key seals bytes
//! (XChaCha20-Poly1305). Pure and deterministic given its random input, so every refusal
//! (wrong passphrase, damage, tampering, hostile parameters) is tested natively.
//!
//! Randomness is an input (`Random`), never fetched here: the browser fills it from
//! `crypto.getRandomValues` (`persist::random`), tests from anything. This keeps getrandom,
//! and its wasm configuration, out of the app.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub use super::cryptoformat::{b64_decode, b64_encode, crc32};
use super::cryptoformat::{Header, HEADER_LEN, TRAILER_LEN};

/// Fills a buffer with unpredictable bytes, or says it could not.
pub type Random<'a> = &'a mut dyn FnMut(&mut [u8]) -> Result<(), CryptoError>;

pub const SALT_LEN: usize = 16;
pub const NONCE_LEN: usize = 24;
pub const CHECK_LEN: usize = 16;
const KEY_LEN: usize = 32;
const TAG_LEN: usize = 16;

/// Argon2id cost: memory in KiB, passes, lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): what the app writes. Strong
    /// enough against guessing on a stolen device, yet unlocks in well under half a second
    /// on a tablet, and fits a 32-bit wasm memory comfortably.
    pub const PRODUCTION: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
}

/// Which parameters a file may ask for. A file is hostile until opened: a tiny cost would
/// make guessing cheap, an absurd one would freeze or crash the tab before any passphrase
/// check, so both are refused before the key is derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfPolicy {
    pub min: KdfParams,
    pub max_m_kib: u32,
    pub max_t: u32,
    pub max_p: u32,
}

impl KdfPolicy {
    /// What the app accepts: at least OWASP's minimum, at most 256 MiB, 10 passes, 4 lanes.
    pub const STANDARD: KdfPolicy = KdfPolicy {
        min: KdfParams::PRODUCTION,
        max_m_kib: 256 * 1024,
        max_t: 10,
        max_p: 4,
    };
    /// Cheap keys for tests whose subject is something else. The app never uses it.
    pub const TESTS_ONLY: KdfPolicy = KdfPolicy {
        min: KdfParams {
            m_kib: 8,
            t: 1,
            p: 1,
        },
        ..KdfPolicy::STANDARD
    };

    pub fn check(&self, params: &KdfParams) -> Result<(), CryptoError> {
        let weak = params.m_kib < self.min.m_kib || params.t < self.min.t || params.p == 0;
        if weak || params.m_kib < params.p.saturating_mul(8) {
            return Err(CryptoError::ParamsTooWeak);
        }
        if params.m_kib > self.max_m_kib || params.t > self.max_t || params.p > self.max_p {
            return Err(CryptoError::ParamsTooCostly);
        }
        Ok(())
    }
}

/// Why sealing or opening failed. These sentences are generic; backup and lock wrap them in
/// words that name what the facilitator was doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("That passphrase does not open this data.")]
    WrongPassphrase,
    #[error("This data has been changed since it was saved, so it cannot be trusted.")]
    Tampered,
    #[error("This data is damaged and cannot be read.")]
    Corrupt,
    #[error("This data is incomplete: it was cut short, perhaps while copying.")]
    Truncated,
    #[error("This is not data saved by Peercircle.")]
    NotPeercircle,
    #[error("This data was saved by a newer version of Peercircle (format {0}). Update Peercircle to open it.")]
    UnsupportedVersion(u8),
    #[error("This data asks for protection weaker than Peercircle allows, so it was refused.")]
    ParamsTooWeak,
    #[error(
        "This data asks for more memory or time than this device should spend, so it was refused."
    )]
    ParamsTooCostly,
    #[error("This browser did not provide the random numbers that encryption needs.")]
    NoRandomness,
}

/// A 256-bit key that is wiped from memory when dropped, and never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; KEY_LEN]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(hidden)")
    }
}

impl SecretKey {
    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }
}

/// A key with what it was derived from, as needed to write an envelope header. The check
/// value is a second, independent slice of the Argon2 output: comparing it tells a wrong
/// passphrase ("try again") from damage or tampering ("this file cannot be trusted"), and it
/// reveals nothing about the encryption key.
#[derive(Clone, Debug)]
pub struct DerivedKey {
    pub key: SecretKey,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    check: Zeroizing<[u8; CHECK_LEN]>,
}

/// The same passphrase typed on a Mac, an iPad or Windows can arrive as different Unicode
/// sequences ("é" as one or two code points); NFC makes them the same bytes. In the browser
/// the engine's own `String.prototype.normalize` does it: the Rust composition tables would
/// add 46 KB (brotli) to the app. Natively (tests, benches) the `unicode-normalization`
/// crate does the same standard NFC; a browser test checks the two agree.
#[cfg(target_arch = "wasm32")]
fn normalise(passphrase: &str) -> Zeroizing<String> {
    let js = js_sys::JsString::from(passphrase).normalize("NFC");
    Zeroizing::new(String::from(js))
}

#[cfg(not(target_arch = "wasm32"))]
fn normalise(passphrase: &str) -> Zeroizing<String> {
    use unicode_normalization::UnicodeNormalization;
    Zeroizing::new(passphrase.nfc().collect())
}

pub fn derive_key(
    passphrase: &str,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    policy: &KdfPolicy,
) -> Result<DerivedKey, CryptoError> {
    policy.check(&params)?;
    let argon_params = Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN + CHECK_LEN))
        .map_err(|_| CryptoError::ParamsTooWeak)?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; KEY_LEN + CHECK_LEN]);
    argon
        .hash_password_into(normalise(passphrase).as_bytes(), &salt, out.as_mut())
        .map_err(|_| CryptoError::ParamsTooCostly)?;
    let mut key = [0u8; KEY_LEN];
    key.copy_from_slice(&out[..KEY_LEN]);
    let mut check = Zeroizing::new([0u8; CHECK_LEN]);
    check.copy_from_slice(&out[KEY_LEN..]);
    Ok(DerivedKey {
        key: SecretKey(key),
        params,
        salt,
        check,
    })
}

/// Fills `N` bytes, refusing an all-zero result: a broken random source must not silently
/// give every file the same salt and nonce.
pub fn random_bytes<const N: usize>(random: Random) -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    random(&mut bytes)?;
    if bytes.iter().all(|b| *b == 0) {
        return Err(CryptoError::NoRandomness);
    }
    Ok(bytes)
}

/// A fresh key for new data: a new random salt, the given cost.
pub fn new_key(
    passphrase: &str,
    params: KdfParams,
    policy: &KdfPolicy,
    random: Random,
) -> Result<DerivedKey, CryptoError> {
    derive_key(passphrase, params, random_bytes(random)?, policy)
}

/// Seals `plaintext` into a self-describing envelope (format in `cryptoformat`). `context`
/// names what the bytes are for ("a backup", "the lock check") and is authenticated with
/// the header, so one kind can never be passed off as another.
pub fn seal(
    key: &DerivedKey,
    plaintext: &[u8],
    context: &[u8],
    random: Random,
) -> Result<Vec<u8>, CryptoError> {
    let nonce: [u8; NONCE_LEN] = random_bytes(random)?;
    let header = Header {
        params: key.params,
        salt: key.salt,
        nonce,
        check: *key.check,
        ciphertext_len: u32::try_from(plaintext.len() + TAG_LEN)
            .map_err(|_| CryptoError::ParamsTooCostly)?,
    };
    let head = header.to_bytes();
    let aad = [head.as_slice(), context].concat();
    let ciphertext = key
        .key
        .cipher()
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::ParamsTooCostly)?;
    let mut out = head.to_vec();
    out.extend_from_slice(&ciphertext);
    let sum = crc32(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// What opening gives back: the plaintext, and the key, so the caller can seal more with it
/// (the device lock keeps it until it locks again).
pub struct Opened {
    pub plaintext: Zeroizing<Vec<u8>>,
    pub key: DerivedKey,
}

/// Opens an envelope, checking cheapest things first: is it ours, which format, is it whole,
/// is it undamaged, are its costs sane; only then the (deliberately slow) key derivation.
pub fn open(
    passphrase: &str,
    bytes: &[u8],
    context: &[u8],
    policy: &KdfPolicy,
) -> Result<Opened, CryptoError> {
    let header = Header::parse(bytes)?;
    // In u64: on wasm32 a hostile length near 4 GiB would overflow `usize`.
    let total = (HEADER_LEN + TRAILER_LEN) as u64 + u64::from(header.ciphertext_len);
    if (bytes.len() as u64) < total {
        return Err(CryptoError::Truncated);
    }
    if (bytes.len() as u64) > total || (header.ciphertext_len as usize) < TAG_LEN {
        return Err(CryptoError::Corrupt);
    }
    let total = bytes.len();
    let (body, trailer) = bytes.split_at(total - TRAILER_LEN);
    if crc32(body).to_le_bytes() != trailer {
        return Err(CryptoError::Corrupt);
    }
    let key = derive_key(passphrase, header.params, header.salt, policy)?;
    if !same(&key.check[..], &header.check) {
        return Err(CryptoError::WrongPassphrase);
    }
    let aad = [&body[..HEADER_LEN], context].concat();
    let plaintext = key
        .key
        .cipher()
        .decrypt(
            &XNonce::from(header.nonce),
            Payload {
                msg: &body[HEADER_LEN..],
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::Tampered)?;
    Ok(Opened {
        plaintext: Zeroizing::new(plaintext),
        key,
    })
}

/// Compares without stopping at the first difference, so timing says nothing.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Stored records start with this, so a sealed value is never mistaken for plaintext JSON.
pub const RECORD_PREFIX: &str = "pcs1:";

fn record_aad(name: &str) -> Vec<u8> {
    [b"peercircle-record-v1:".as_slice(), name.as_bytes()].concat()
}

/// Seals one stored record: `pcs1:` + base64(nonce ‖ ciphertext). The key's name is the
/// associated data, so a record copied under another key does not open.
pub fn seal_record(
    key: &SecretKey,
    name: &str,
    plaintext: &str,
    random: Random,
) -> Result<String, CryptoError> {
    let nonce: [u8; NONCE_LEN] = random_bytes(random)?;
    let aad = record_aad(name);
    let payload = Payload {
        msg: plaintext.as_bytes(),
        aad: &aad,
    };
    let ciphertext = key
        .cipher()
        .encrypt(&XNonce::from(nonce), payload)
        .map_err(|_| CryptoError::Corrupt)?;
    let mut raw = nonce.to_vec();
    raw.extend_from_slice(&ciphertext);
    Ok(format!("{RECORD_PREFIX}{}", b64_encode(&raw)))
}

pub fn is_sealed_record(stored: &str) -> bool {
    stored.starts_with(RECORD_PREFIX)
}

pub fn open_record(key: &SecretKey, name: &str, stored: &str) -> Result<String, CryptoError> {
    let encoded = stored
        .strip_prefix(RECORD_PREFIX)
        .ok_or(CryptoError::NotPeercircle)?;
    let raw = b64_decode(encoded).ok_or(CryptoError::Corrupt)?;
    if raw.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, ciphertext) = raw.split_at(NONCE_LEN);
    let mut n = [0u8; NONCE_LEN];
    n.copy_from_slice(nonce);
    let aad = record_aad(name);
    let plaintext = key
        .cipher()
        .decrypt(
            &XNonce::from(n),
            Payload {
                msg: ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::Tampered)?;
    String::from_utf8(plaintext).map_err(|_| CryptoError::Corrupt)
}

/// The rules for a new passphrase, checked before anything is encrypted with it.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
const MAX_PASSPHRASE_CHARS: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseProblem {
    #[error("Use at least 10 characters. A short sentence you will remember works well.")]
    TooShort,
    #[error("That passphrase is too long. Use fewer than 1,000 characters.")]
    TooLong,
    #[error("Use more than one different character, such as a short sentence.")]
    OneCharacter,
}

pub fn check_passphrase(passphrase: &str) -> Result<(), PassphraseProblem> {
    let normal = normalise(passphrase);
    let count = normal.chars().count();
    if count < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    if count > MAX_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooLong);
    }
    let mut chars = normal.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err(PassphraseProblem::OneCharacter);
    }
    Ok(())
}
