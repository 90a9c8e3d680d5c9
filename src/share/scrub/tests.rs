use super::compile::name_parts;
use super::*;

fn person(id: u64, name: &str, nicks: &[&str]) -> RosterName {
    RosterName {
        id,
        display_name: name.to_string(),
        nicknames: nicks.iter().map(|s| s.to_string()).collect(),
    }
}

fn found(text: &str, roster: &[RosterName]) -> Vec<String> {
    check(text, roster, &[])
        .into_iter()
        .map(|h| h.matched)
        .collect()
}

#[test]
fn normalize_folds_case_accents_and_apostrophes() {
    assert_eq!(normalize("Ma\u{3164}ri\u{2800}a\u{FE0F}"), "maria");
    assert_eq!(normalize("JOSÉ"), "jose");
    assert_eq!(normalize("Jose\u{301}"), "jose");
    assert_eq!(normalize("Maria’s"), "maria's");
    assert_eq!(normalize("Straße"), "strasse");
    assert_eq!(normalize("Ｍａｒｉａ"), "maria");
    assert_eq!(normalize("İlknur"), "ilknur");
    assert_eq!(normalize("Ma\u{200D}ria"), "maria");
}

#[test]
fn name_parts_keep_hyphens_and_apostrophes_sensible() {
    let parts = name_parts("Anne-Marie O'Brien");
    for want in [
        "Anne-Marie O'Brien",
        "Anne-Marie",
        "Anne",
        "Marie",
        "O'Brien",
        "Brien",
    ] {
        assert!(parts.contains(&want), "{want} missing from {parts:?}");
    }
    let parts = name_parts("Zoë O'Brien-Smith");
    for want in ["O'Brien-Smith", "O'Brien", "O", "Brien", "Smith"] {
        assert!(parts.contains(&want), "{want} missing from {parts:?}");
    }
    let parts = name_parts("Ana de la Cruz");
    assert!(!parts.contains(&"de") && !parts.contains(&"la"));
    assert!(parts.contains(&"Cruz"));
    assert!(!name_parts("Yusuf al-Hassan").contains(&"al"));
    assert!(name_parts("Al Green").contains(&"Al"));
}

#[test]
fn whole_words_only() {
    let roster = [person(1, "Ed Al", &[])];
    assert!(found("I edited it, also the alpha", &roster).is_empty());
    assert_eq!(found("ed said: Al?", &roster), ["ed", "Al"]);
}

#[test]
fn offsets_point_into_the_original_text() {
    let roster = [person(7, "José", &[])];
    let text = "« JOSE\u{301}’s » idea";
    let hits = check(text, &roster, &[]);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(&text[h.start..h.end], h.matched);
    assert_eq!(h.matched, "JOSE\u{301}’s");
    assert_eq!(h.participant, 7);
    assert_eq!(h.name_part, "José");
}

#[test]
fn longest_match_wins_and_lower_id_breaks_ties() {
    let roster = [person(2, "Maria Lopez", &[]), person(1, "Maria Perez", &[])];
    let hits = check("Maria Lopez met Maria", &roster, &[]);
    assert_eq!(hits.len(), 2);
    assert_eq!(
        (hits[0].participant, hits[0].matched.as_str()),
        (2, "Maria Lopez")
    );
    assert_eq!(
        (hits[1].participant, hits[1].matched.as_str()),
        (1, "Maria")
    );
}

#[test]
fn inflections() {
    let roster = [
        person(1, "Maria", &[]),
        person(2, "Ayşe", &[]),
        person(3, "Al", &[]),
    ];
    assert_eq!(found("Marias", &roster), ["Marias"]);
    assert_eq!(found("Maria's", &roster), ["Maria's"]);
    assert_eq!(found("Maria-s", &roster), ["Maria-s"]);
    assert_eq!(found("Ayse'nin", &roster), ["Ayse'nin"]);
    // Too short a stem for a bare plural.
    assert!(found("Als", &roster).is_empty());
    assert_eq!(found("Al's", &roster), ["Al's"]);
    // A long glued piece is not an inflection: only the name itself is hit.
    assert_eq!(found("Maria-Luisa", &roster), ["Maria"]);
}

#[test]
fn apostrophe_names_written_without_or_with_other_apostrophes() {
    let roster = [person(1, "Zoë O'Brien-Smith", &[])];
    let text = "obrien-smith's, o'brien, O’Brien-Smith, OBrienSmith, zoe obrien smith";
    let want = [
        "obrien-smith's",
        "o'brien",
        "O’Brien-Smith",
        "OBrienSmith",
        "zoe obrien smith",
    ];
    assert_eq!(found(text, &roster), want);
}

#[test]
fn suffix_is_not_taken_when_it_is_itself_a_name() {
    let roster = [person(1, "Anne", &[]), person(2, "Jo", &[])];
    let hits = check("Anne-Jo", &roster, &[]);
    assert_eq!(hits.len(), 2);
}

#[test]
fn allow_list_silences_only_the_word() {
    let roster = [person(1, "Hope Adams", &["Will"])];
    let allow = [NotANameHere::new("HOPE"), NotANameHere::new("will")];
    assert_eq!(allow[0].word, "hope");
    let hits = check(
        "We hope it will work. Hope's idea. Hope Adams agreed.",
        &roster,
        &allow,
    );
    let matched: Vec<_> = hits.iter().map(|h| h.matched.as_str()).collect();
    assert_eq!(matched, ["Hope Adams"]);
}

#[test]
fn accepted_hits_and_redaction() {
    let roster = [person(1, "Maria", &[])];
    let text = "Maria thanked Maria.";
    let hits = check(text, &roster, &[]);
    assert_eq!(hits.len(), 2);
    let accept = [AcceptedHit {
        participant: 1,
        start: 0,
        matched: "Maria".into(),
    }];
    let left = outstanding(&hits, &accept);
    assert_eq!(left.len(), 1);
    assert_eq!(redact(text, &left), "Maria thanked [name].");
    assert_eq!(redact(text, &hits), "[name] thanked [name].");
}

#[test]
fn redact_ignores_bogus_hits() {
    let bogus = |start, end| NameHit {
        participant: 1,
        matched: String::new(),
        start,
        end,
        name_part: String::new(),
        common_word: false,
    };
    let text = "héllo";
    assert_eq!(
        redact(text, &[bogus(2, 3), bogus(4, 99), bogus(3, 1)]),
        text
    );
    assert_eq!(redact(text, &[bogus(0, 3), bogus(1, 4)]), "[name]llo");
}

#[test]
fn placeholder_survives_a_participant_called_name() {
    let roster = [person(1, "Name", &[])];
    assert!(check("thanks to [name]!", &roster, &[]).is_empty());
    assert_eq!(found("thanks to Name!", &roster), ["Name"]);
}

#[test]
fn reasons_are_plain_and_deduplicated() {
    let roster = [person(1, "Maria", &[])];
    let hits = check("Maria and Maria", &roster, &[]);
    assert_eq!(
        reasons("Item 3", &hits),
        ["Item 3 contains a name from your roster: 'Maria'"]
    );
}

#[test]
fn ideographic_names_inside_running_text() {
    let roster = [person(1, "王伟", &[])];
    assert_eq!(found("我和王伟一起学习", &roster), ["王伟"]);
}

fn hits(text: &str, roster: &[RosterName]) -> Vec<(String, u64, bool)> {
    check(text, roster, &[])
        .into_iter()
        .map(|h| (h.matched, h.participant, h.common_word))
        .collect()
}

#[test]
fn invisible_and_filler_characters_inside_a_name() {
    let roster = [person(1, "Maria", &[])];
    for text in [
        "Ma\u{200B}ria",
        "Ma\u{200C}ri\u{200D}a",
        "M\u{AD}aria",
        "Mar\u{2060}ia",
        "Ma\u{3164}ria",
        "Ma\u{115F}ri\u{1160}a",
        "Mari\u{FFA0}a",
        "Ma\u{2800}ria",
        "M\u{FE0F}aria",
        "Ma\u{E0041}ria",
        "\u{202E}Maria\u{202C}",
    ] {
        let got = found(text, &roster);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].trim_start_matches('\u{202E}'), got[0]);
    }
    // A zero-width space between Thai words still separates them.
    assert_eq!(normalize("ก\u{200B}ข"), "ก ข");
}

#[test]
fn look_alike_letters_from_other_scripts() {
    let roster = [person(1, "Maria Lopez", &[]), person(2, "Hope", &[])];
    // Cyrillic а and о, Greek Ο, Armenian օ, Cherokee and Lisu capitals, small capitals,
    // mathematical and full-width letters.
    for (text, want) in [
        ("M\u{430}ria", 1),
        ("Maria L\u{43E}pez", 1),
        ("MARIA L\u{39F}PEZ", 1),
        ("L\u{585}pez", 1),
        ("\u{13B7}aria", 1),
        ("\u{A4DF}aria", 1),
        ("\u{1D0D}\u{1D00}\u{280}\u{26A}\u{1D00}", 1),
        ("\u{1D40C}\u{1D41A}\u{1D42B}\u{1D422}\u{1D41A}", 1),
        ("\u{41D}\u{43E}\u{440}\u{435}", 2),
        ("\u{397}\u{39F}\u{3A1}\u{395}", 2),
    ] {
        let got = hits(text, &roster);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].1, want, "{text:?}");
        assert!(!got[0].2, "a disguise is not an ordinary word: {text:?}");
    }
    // Real Cyrillic and Greek words are not read as Latin look-alikes.
    assert!(found("Нора сказала, что рос ОК", &roster).is_empty());
}

#[test]
fn names_spelled_out_letter_by_letter() {
    let roster = [person(1, "Maria Lopez", &[]), person(2, "Ann", &[])];
    for text in [
        "M.a.r.i.a",
        "M a r i a",
        "M-a-r-i-a",
        "M_a_r_i_a",
        "M. A. R. I. A.",
        "m•a•r•i•a",
    ] {
        assert_eq!(found(text, &roster).len(), 1, "{text:?}");
    }
    assert_eq!(
        found("M a r i a L o p e z", &roster),
        ["M a r i a L o p e z"]
    );
    assert_eq!(found("A n n", &roster), ["A n n"]);
    // A short name inside a longer run, and lists, are not names.
    assert!(found("p l a n n i n g", &roster).is_empty());
    assert!(found("options a, n, n", &roster).is_empty());
}

#[test]
fn names_glued_into_handles_hashtags_addresses_and_camel_case() {
    let roster = [person(1, "Maria Lopez", &[]), person(2, "Will Turner", &[])];
    for (text, want) in [
        ("#MariaLopez", "MariaLopez"),
        ("#marialopez", "marialopez"),
        ("#maria", "maria"),
        ("#teammaria", "maria"),
        ("write to maria.lopez@example.org", "maria.lopez"),
        ("mlopez@example.org", "lopez"),
        ("@maria_l said", "maria"),
        ("MariaLopez", "MariaLopez"),
        ("marialopez", "marialopez"),
        ("thanks MARIALopez", "MARIALopez"),
        ("maria1990", "maria"),
        ("MaRiA", "MaRiA"),
        ("#turnerfamily", "turner"),
    ] {
        let got = found(text, &roster);
        assert!(got.contains(&want.to_string()), "{text:?}: {got:?}");
    }
    // Ordinary words that hold a name stay quiet, even in hashtags.
    for text in [
        "willing",
        "Willingly, the planning team met",
        "#willing",
        "#hopeful",
        "marketing",
        "Turnerish",
    ] {
        assert!(found(text, &roster).is_empty(), "{text:?}");
    }
}

#[test]
fn other_scripts_both_ways() {
    let latin = [
        person(1, "Maria", &[]),
        person(2, "Dmitry", &[]),
        person(3, "Mohammed", &[]),
    ];
    assert_eq!(found("Мария пришла", &latin), ["Мария"]);
    assert_eq!(found("Дмитрий", &latin), ["Дмитрий"]);
    assert_eq!(found("قال محمد", &latin), ["محمد"]);
    let other = [
        person(4, "Юлия", &[]),
        person(5, "Γιώργος Νίκου", &[]),
        person(6, "محمد", &[]),
    ];
    assert_eq!(found("Yulia came, then Julia", &other), ["Yulia", "Julia"]);
    assert_eq!(found("Thanks Nikou", &other), ["Nikou"]);
    assert_eq!(found("Muhammad said", &other), ["Muhammad"]);
    // A Latin word is compared with Arabic consonants only when capitalised like a name.
    assert!(found("we made it", &other).is_empty());
    // The loose key is only for words from another script: Latin roster, Latin text.
    assert!(found("Mary and Marie", &latin).is_empty());
}

#[test]
fn word_names_are_flagged_and_plurals_are_not_stretched() {
    let roster = [
        person(1, "Will", &[]),
        person(2, "Thị", &[]),
        person(3, "Hope Adams", &[]),
        person(4, "Maria", &[]),
    ];
    assert_eq!(
        hits(
            "Will said he will. Hope Adams, Hope, this, Thi's, Marias",
            &roster
        ),
        [
            ("Will".into(), 1, true),
            ("will".into(), 1, true),
            ("Hope Adams".into(), 3, false),
            ("Hope".into(), 3, true),
            ("Thi's".into(), 2, false),
            ("Marias".into(), 4, false),
        ]
    );
    assert!(found("hopes wills", &roster).is_empty());
}

#[test]
fn also_known_as_names_are_found() {
    let roster = [person(1, "Robert Jones", &["Bobby", "Roberto"])];
    assert_eq!(found("Bobby and Roberto", &roster), ["Bobby", "Roberto"]);
}
