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
