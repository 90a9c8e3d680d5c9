//! Every name this device knows, for the name scan: the people on every programme's roster,
//! the people taken off a roster, and each one's "Also known as" names. A text that leaves is
//! checked against all of them, whichever programme it comes from.

use std::collections::HashSet;

use crate::domain::roster::aliases;
use crate::domain::workspace::Workspace;
use crate::share::scrub::RosterName;

/// Every name on this device, one entry per person, with ids unique across programmes. A
/// person keeps their own id (so a written approval still finds them); should two entries
/// share one (data from an old build or a hand-edited backup), the later one gets an unused
/// id above every person's, so a hit on it can never count as someone's approved name.
pub fn device_names(ws: &Workspace) -> Vec<RosterName> {
    let current = ws
        .programmes
        .iter()
        .flat_map(|p| &p.participants)
        .map(|x| (x.id, &x.display_name, &x.also_known_as));
    let removed = ws
        .programmes
        .iter()
        .flat_map(|p| &p.removed_people)
        .map(|r| (r.id, &r.display_name, &r.also_known_as));
    let everyone: Vec<_> = current.chain(removed).collect();
    let mut spare = everyone
        .iter()
        .map(|(id, _, _)| *id)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let mut used = HashSet::new();
    let mut names = Vec::with_capacity(everyone.len());
    for (id, name, also) in everyone {
        let nicknames = aliases(also);
        if name.trim().is_empty() && nicknames.is_empty() {
            continue;
        }
        let id = if used.insert(id) {
            id
        } else {
            while !used.insert(spare) {
                spare = spare.saturating_add(1);
            }
            spare
        };
        names.push(RosterName {
            id,
            display_name: name.trim().to_string(),
            nicknames,
        });
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::Role;
    use crate::share::scrub::Scanner;

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        let a = ws.create_programme("Nurses").unwrap();
        let b = ws.create_programme("Carers").unwrap();
        let pa = ws.programme_mut(a).unwrap();
        pa.add_participant(10, "Maria Lopez", Role::Peer).unwrap();
        pa.add_participant(11, "Robert Jones", Role::Peer).unwrap();
        pa.set_also_known_as(11, "Bobby\nРоберт").unwrap();
        pa.add_participant(12, "Will Turner", Role::Peer).unwrap();
        pa.remove_participant(12).unwrap();
        let pb = ws.programme_mut(b).unwrap();
        pb.add_participant(20, "Aisha Khan", Role::Peer).unwrap();
        ws
    }

    #[test]
    fn every_roster_removed_people_and_aliases() {
        let names = device_names(&workspace());
        let listed: Vec<(u64, &str)> = names
            .iter()
            .map(|n| (n.id, n.display_name.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                (10, "Maria Lopez"),
                (11, "Robert Jones"),
                (20, "Aisha Khan"),
                (12, "Will Turner"),
            ]
        );
        assert_eq!(names[1].nicknames, ["Bobby", "Роберт"]);
        let scanner = Scanner::new(&names, &[]);
        let found: Vec<u64> = scanner
            .check("Bobby met Aisha and Turner")
            .iter()
            .map(|h| h.participant)
            .collect();
        assert_eq!(found, [11, 20, 12]);
    }

    #[test]
    fn ids_stay_unique_across_programmes() {
        let mut ws = workspace();
        // Data from elsewhere that reuses an id: both names are still scanned.
        let other = ws.programmes[1].id;
        ws.programme_mut(other)
            .unwrap()
            .add_participant(10, "Zoë Ødegård", Role::Peer)
            .unwrap();
        let names = device_names(&ws);
        let ids: HashSet<u64> = names.iter().map(|n| n.id).collect();
        assert_eq!(ids.len(), names.len());
        let zoe = names
            .iter()
            .find(|n| n.display_name == "Zoë Ødegård")
            .unwrap();
        assert!(zoe.id > 20, "a fresh id above everyone's: {}", zoe.id);
        let maria = names
            .iter()
            .find(|n| n.display_name == "Maria Lopez")
            .unwrap();
        assert_eq!(maria.id, 10, "the first keeps its own id");
    }

    #[test]
    fn people_without_a_name_are_left_out() {
        let mut ws = Workspace::default();
        let a = ws.create_programme("P").unwrap();
        let p = ws.programme_mut(a).unwrap();
        p.add_participant(5, "x", Role::Peer).unwrap();
        p.rename_participant(5, " ").unwrap();
        p.add_participant(6, "x", Role::Peer).unwrap();
        p.rename_participant(6, "").unwrap();
        p.set_also_known_as(6, "Sunny").unwrap();
        let names = device_names(&ws);
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].nicknames, ["Sunny"]);
    }
}
