//! The bytes of a crypto envelope, kept apart from the cryptography so the layout can be
//! read in one place. Version 1, all integers little-endian:
//!
//! ```text
//! offset  size  field
//!      0     4  magic "PCRY"
//!      4     1  envelope format version (1)
//!      5     1  key derivation id (1 = Argon2id v1.3)
//!      6    12  Argon2 memory KiB, passes, lanes (u32 each)
//!     18    16  salt
//!     34     1  cipher id (1 = XChaCha20-Poly1305)
//!     35    24  nonce
//!     59    16  passphrase check (second slice of the Argon2 output)
//!     75     4  ciphertext length, tag included
//!     79     n  ciphertext ‖ 16-byte tag      (associated data: bytes 0..79 ‖ context)
//!   79+n     4  CRC-32 of everything before it
//! ```
//! The CRC catches accidental damage (a bad copy) before the slow key derivation and names it
//! as damage; the AEAD tag, over the header too, catches deliberate changes to anything.

use super::crypto::{CryptoError, KdfParams, CHECK_LEN, NONCE_LEN, SALT_LEN};
use base64::Engine;

pub const MAGIC: &[u8; 4] = b"PCRY";
pub const FORMAT_VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const CIPHER_XCHACHA: u8 = 1;
pub const HEADER_LEN: usize = 79;
pub const TRAILER_LEN: usize = 4;

pub struct Header {
    pub params: KdfParams,
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    pub check: [u8; CHECK_LEN],
    pub ciphertext_len: u32,
}

impl Header {
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[0..4].copy_from_slice(MAGIC);
        out[4] = FORMAT_VERSION;
        out[5] = KDF_ARGON2ID;
        out[6..10].copy_from_slice(&self.params.m_kib.to_le_bytes());
        out[10..14].copy_from_slice(&self.params.t.to_le_bytes());
        out[14..18].copy_from_slice(&self.params.p.to_le_bytes());
        out[18..34].copy_from_slice(&self.salt);
        out[34] = CIPHER_XCHACHA;
        out[35..59].copy_from_slice(&self.nonce);
        out[59..75].copy_from_slice(&self.check);
        out[75..79].copy_from_slice(&self.ciphertext_len.to_le_bytes());
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Header, CryptoError> {
        let magic_seen = &bytes[..bytes.len().min(4)];
        if magic_seen != &MAGIC[..magic_seen.len()] || bytes.is_empty() {
            return Err(CryptoError::NotPeercircle);
        }
        if bytes.len() < 5 {
            return Err(CryptoError::Truncated);
        }
        if bytes[4] != FORMAT_VERSION {
            return Err(CryptoError::UnsupportedVersion(bytes[4]));
        }
        if bytes.len() < HEADER_LEN {
            return Err(CryptoError::Truncated);
        }
        if bytes[5] != KDF_ARGON2ID || bytes[34] != CIPHER_XCHACHA {
            return Err(CryptoError::Corrupt);
        }
        Ok(Header {
            params: KdfParams {
                m_kib: u32_at(bytes, 6),
                t: u32_at(bytes, 10),
                p: u32_at(bytes, 14),
            },
            salt: array_at(bytes, 18),
            nonce: array_at(bytes, 35),
            check: array_at(bytes, 59),
            ciphertext_len: u32_at(bytes, 75),
        })
    }
}

/// Callers have checked the length, so these copy in full.
fn array_at<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    let mut out = [0u8; N];
    if let Some(slice) = bytes.get(at..at + N) {
        out.copy_from_slice(slice);
    }
    out
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(array_at(bytes, at))
}

pub fn b64_encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Lenient about line breaks and spaces a mail program or text editor may add.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .ok()
}

/// CRC-32 (IEEE), bitwise: envelopes are small and this runs once per file.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base64_tolerates_line_breaks() {
        let text = b64_encode(b"hello, world");
        let broken = format!("{}\n  {}", &text[..5], &text[5..]);
        assert_eq!(b64_decode(&broken).as_deref(), Some(&b"hello, world"[..]));
        assert_eq!(b64_decode("***"), None);
    }

    #[test]
    fn short_or_foreign_bytes_are_named_plainly() {
        assert!(matches!(
            Header::parse(b""),
            Err(CryptoError::NotPeercircle)
        ));
        assert!(matches!(
            Header::parse(b"PK\x03\x04"),
            Err(CryptoError::NotPeercircle)
        ));
        assert!(matches!(Header::parse(b"PCR"), Err(CryptoError::Truncated)));
        assert!(matches!(
            Header::parse(b"PCRY\x01"),
            Err(CryptoError::Truncated)
        ));
        assert!(matches!(
            Header::parse(b"PCRY\x02rest"),
            Err(CryptoError::UnsupportedVersion(2))
        ));
    }
}
