//! The crypto envelope: round trip, every refusal, the production cost, passphrase rules.

mod crypto_support;

use crypto_support::{seeded, CHEAP};
use peercircle::persist::crypto::*;

const CTX: &[u8] = b"test-context";

fn sealed(plaintext: &[u8]) -> Vec<u8> {
    let mut random = seeded(7);
    let key = new_key(
        "a fine passphrase",
        CHEAP,
        &KdfPolicy::TESTS_ONLY,
        &mut random,
    )
    .unwrap();
    seal(&key, plaintext, CTX, &mut random).unwrap()
}

fn open_cheap(passphrase: &str, bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
    open(passphrase, bytes, CTX, &KdfPolicy::TESTS_ONLY).map(|o| o.plaintext.to_vec())
}

/// After editing bytes on purpose, make the CRC right again, as a deliberate attacker would.
fn fix_crc(bytes: &mut [u8]) {
    let n = bytes.len() - 4;
    let sum = crc32(&bytes[..n]);
    bytes[n..].copy_from_slice(&sum.to_le_bytes());
}

#[test]
fn round_trips_any_bytes() {
    for text in [
        &b""[..],
        b"x",
        "Zoë — 👋 confidential".as_bytes(),
        &[0u8; 5000],
    ] {
        assert_eq!(
            open_cheap("a fine passphrase", &sealed(text)).unwrap(),
            text
        );
    }
}

#[test]
fn a_wrong_passphrase_is_named_as_such() {
    let bytes = sealed(b"secret");
    assert_eq!(
        open_cheap("another passphrase", &bytes),
        Err(CryptoError::WrongPassphrase)
    );
    assert_eq!(
        CryptoError::WrongPassphrase.to_string(),
        "That passphrase does not open this data."
    );
}

#[test]
fn the_same_passphrase_typed_on_another_keyboard_still_opens() {
    let mut random = seeded(3);
    let nfc = "café au lait please";
    let nfd = "cafe\u{301} au lait please";
    let key = new_key(nfc, CHEAP, &KdfPolicy::TESTS_ONLY, &mut random).unwrap();
    let bytes = seal(&key, b"ok", CTX, &mut random).unwrap();
    assert_eq!(open_cheap(nfd, &bytes).unwrap(), b"ok");
}

#[test]
fn every_single_byte_of_damage_is_refused_as_damage() {
    let bytes = sealed(b"the group agreed on five ground rules");
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x01;
        let result = open_cheap("a fine passphrase", &bad);
        let expected_kind = match i {
            0..=3 => matches!(result, Err(CryptoError::NotPeercircle)),
            4 => matches!(result, Err(CryptoError::UnsupportedVersion(_))),
            75..=78 => matches!(result, Err(CryptoError::Truncated | CryptoError::Corrupt)),
            _ => result == Err(CryptoError::Corrupt),
        };
        assert!(expected_kind, "byte {i}: {result:?}");
    }
}

#[test]
fn deliberate_tampering_with_a_fixed_checksum_is_still_refused() {
    let bytes = sealed(b"the group agreed on five ground rules");
    for i in 5..bytes.len() - 4 {
        let mut bad = bytes.clone();
        bad[i] ^= 0x80;
        fix_crc(&mut bad);
        let result = open_cheap("a fine passphrase", &bad);
        assert!(result.is_err(), "byte {i} changed yet it opened");
        if i >= 79 || (35..59).contains(&i) {
            // Ciphertext, tag, nonce: the key is right, so the AEAD names it tampering.
            assert_eq!(result, Err(CryptoError::Tampered), "byte {i}");
        }
    }
}

#[test]
fn the_context_binds_what_the_bytes_are_for() {
    let bytes = sealed(b"a backup");
    let result = open(
        "a fine passphrase",
        &bytes,
        b"other",
        &KdfPolicy::TESTS_ONLY,
    );
    assert!(matches!(result, Err(CryptoError::Tampered)));
}

#[test]
fn a_cut_short_envelope_is_truncated_at_every_length() {
    let bytes = sealed(b"twelve bytes");
    for len in 0..bytes.len() {
        let result = open_cheap("a fine passphrase", &bytes[..len]);
        match len {
            0 => assert_eq!(result, Err(CryptoError::NotPeercircle)),
            _ => assert_eq!(result, Err(CryptoError::Truncated), "length {len}"),
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        open_cheap("a fine passphrase", &longer),
        Err(CryptoError::Corrupt)
    );
}

#[test]
fn a_newer_format_version_is_refused_plainly() {
    let mut bytes = sealed(b"x");
    bytes[4] = 2;
    fix_crc(&mut bytes);
    assert_eq!(
        open_cheap("a fine passphrase", &bytes),
        Err(CryptoError::UnsupportedVersion(2))
    );
}

fn with_params(m_kib: u32, t: u32, p: u32) -> Vec<u8> {
    let mut bytes = sealed(b"x");
    bytes[6..10].copy_from_slice(&m_kib.to_le_bytes());
    bytes[10..14].copy_from_slice(&t.to_le_bytes());
    bytes[14..18].copy_from_slice(&p.to_le_bytes());
    fix_crc(&mut bytes);
    bytes
}

#[test]
fn hostile_costs_are_refused_before_any_work() {
    let standard = |b: &[u8]| open("a fine passphrase", b, CTX, &KdfPolicy::STANDARD).err();
    // 4 TiB of memory, or a billion passes, would hang or crash the tab.
    assert_eq!(
        standard(&with_params(u32::MAX, 2, 1)),
        Some(CryptoError::ParamsTooCostly)
    );
    assert_eq!(
        standard(&with_params(19456, 1_000_000_000, 1)),
        Some(CryptoError::ParamsTooCostly)
    );
    assert_eq!(
        standard(&with_params(19456, 2, 1000)),
        Some(CryptoError::ParamsTooCostly)
    );
    // A cheap file would make guessing its passphrase cheap.
    assert_eq!(
        standard(&with_params(64, 1, 1)),
        Some(CryptoError::ParamsTooWeak)
    );
    assert_eq!(
        standard(&with_params(19456, 1, 1)),
        Some(CryptoError::ParamsTooWeak)
    );
    assert_eq!(
        standard(&with_params(19456, 2, 0)),
        Some(CryptoError::ParamsTooWeak)
    );
}

#[test]
fn production_cost_is_at_least_the_owasp_minimum_and_works() {
    assert_eq!(
        KdfParams::PRODUCTION,
        KdfParams {
            m_kib: 19 * 1024,
            t: 2,
            p: 1
        }
    );
    assert_eq!(KdfPolicy::STANDARD.min, KdfParams::PRODUCTION);
    let mut random = seeded(11);
    let key = new_key(
        "a fine passphrase",
        KdfParams::PRODUCTION,
        &KdfPolicy::STANDARD,
        &mut random,
    )
    .unwrap();
    let bytes = seal(&key, b"real cost", CTX, &mut random).unwrap();
    assert_eq!(&bytes[6..10], &(19u32 * 1024).to_le_bytes());
    let opened = open("a fine passphrase", &bytes, CTX, &KdfPolicy::STANDARD).unwrap();
    assert_eq!(opened.plaintext.as_slice(), b"real cost");
}

#[test]
fn a_broken_random_source_is_refused_not_used() {
    let mut zeros = |buf: &mut [u8]| -> Result<(), CryptoError> {
        buf.fill(0);
        Ok(())
    };
    assert_eq!(
        new_key(
            "a fine passphrase",
            CHEAP,
            &KdfPolicy::TESTS_ONLY,
            &mut zeros
        )
        .err()
        .map(|_| ()),
        Some(())
    );
    let mut failing = |_: &mut [u8]| -> Result<(), CryptoError> { Err(CryptoError::NoRandomness) };
    assert!(matches!(
        new_key(
            "a fine passphrase",
            CHEAP,
            &KdfPolicy::TESTS_ONLY,
            &mut failing
        ),
        Err(CryptoError::NoRandomness)
    ));
}

#[test]
fn records_are_bound_to_their_key_and_never_repeat_a_nonce() {
    let mut random = seeded(5);
    let key = new_key(
        "a fine passphrase",
        CHEAP,
        &KdfPolicy::TESTS_ONLY,
        &mut random,
    )
    .unwrap()
    .key;
    let a = seal_record(&key, "peercircle:settings", "{\"k\":5}", &mut random).unwrap();
    let b = seal_record(&key, "peercircle:settings", "{\"k\":5}", &mut random).unwrap();
    assert_ne!(a, b, "a fresh nonce every time");
    assert!(is_sealed_record(&a) && !a.contains("\"k\""));
    assert_eq!(
        open_record(&key, "peercircle:settings", &a).unwrap(),
        "{\"k\":5}"
    );
    assert_eq!(
        open_record(&key, "peercircle:programme:1", &a),
        Err(CryptoError::Tampered),
        "moved to another key"
    );
    assert_eq!(
        open_record(&key, "peercircle:settings", &a[..5 + 44]),
        Err(CryptoError::Truncated)
    );
    assert_eq!(
        open_record(&key, "peercircle:settings", "pcs1:!!"),
        Err(CryptoError::Corrupt)
    );
    assert!(!format!("{key:?}").contains(|c: char| c.is_ascii_digit()));
}

#[test]
fn passphrase_rules_are_plain() {
    assert_eq!(check_passphrase("short"), Err(PassphraseProblem::TooShort));
    assert_eq!(
        check_passphrase("aaaaaaaaaaaa"),
        Err(PassphraseProblem::OneCharacter)
    );
    assert_eq!(
        check_passphrase(&"ab".repeat(600)),
        Err(PassphraseProblem::TooLong)
    );
    assert_eq!(check_passphrase("our tea is at four"), Ok(()));
    assert_eq!(check_passphrase("Zoë's 10 ch"), Ok(()));
    assert!(PassphraseProblem::TooShort
        .to_string()
        .starts_with("Use at least 10 characters"));
}
