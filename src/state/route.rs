//! Which screen is showing, kept in the address's `#` part so a reload, a bookmark or the
//! back button works on any plain static server, from any folder.

use crate::domain::Id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Programmes,
    Programme(Id),
    /// Making a file to share from one programme.
    Share(Id),
    Settings,
    /// "Running your first meeting": the facilitator's guide, inside the app (works offline).
    Help,
    Questions,
    /// Combining shareable files from other facilitators' devices.
    Combine,
    Session(Id),
    /// The big-type flip chart for a projector or tablet.
    Display(Id),
    NotFound,
    /// Everyone in a programme.
    Roster(Id),
    /// Awareness notes and trial periods (programme steps 1 and 2).
    BuyIn(Id),
    /// A group's charter, leadership and attendance: (programme, group).
    Group(Id, Id),
    /// The charter laid out for printing and signing.
    GroupPrint(Id, Id),
    /// After the meetings: pairs' health, check-ins, plans and the outcomes survey.
    FollowUp(Id),
    /// One follow-up plan: (programme, plan).
    Plan(Id, Id),
    /// Entering a check-in for one pair: (programme, pair).
    CheckIn(Id, Id),
    /// The anonymous outcomes survey at one survey point: (programme, point).
    Survey(Id, Id),
    /// The skills inventory of a programme.
    Skills(Id),
    /// Proposing, reviewing and confirming pairs.
    Pairing(Id),
    /// A confirmed pair's contract: (programme, pair).
    Pair(Id, Id),
    /// The contract laid out for printing.
    PairPrint(Id, Id),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        if let Some(route) = Route::parse_forming(path).or_else(|| Route::parse_followup(path)) {
            return route;
        }
        if let Some(route) = Route::parse_mentoring(path) {
            return route;
        }
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) | (Some("programmes"), None, _) => Route::Programmes,
            (Some("settings"), None, _) => Route::Settings,
            (Some("help"), None, _) => Route::Help,
            (Some("questions"), None, _) => Route::Questions,
            (Some("combine"), None, _) => Route::Combine,
            (Some("session"), Some(id), rest) => match (id.parse(), rest) {
                (Ok(id), None) => Route::Session(id),
                (Ok(id), Some("display")) if parts.next().is_none() => Route::Display(id),
                _ => Route::NotFound,
            },
            (Some("programme"), Some(id), None) => {
                id.parse().map(Route::Programme).unwrap_or(Route::NotFound)
            }
            (Some("programme"), Some(id), Some("share")) if parts.next().is_none() => {
                id.parse().map(Route::Share).unwrap_or(Route::NotFound)
            }
            _ => Route::NotFound,
        }
    }

    /// Routes for forming groups: roster, buy-in, a group's charter and its print view.
    fn parse_forming(path: &str) -> Option<Route> {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |i: usize| parts.get(i).and_then(|p| p.parse::<Id>().ok());
        match parts.as_slice() {
            ["programme", _, "roster"] => Some(id(1).map_or(Route::NotFound, Route::Roster)),
            ["programme", _, "buy-in"] => Some(id(1).map_or(Route::NotFound, Route::BuyIn)),
            ["programme", _, "group", _] => Some(match (id(1), id(3)) {
                (Some(p), Some(g)) => Route::Group(p, g),
                _ => Route::NotFound,
            }),
            ["programme", _, "group", _, "print"] => Some(match (id(1), id(3)) {
                (Some(p), Some(g)) => Route::GroupPrint(p, g),
                _ => Route::NotFound,
            }),
            _ => None,
        }
    }

    /// Routes for skills and pairing: the inventory, the pairing review, a pair's contract.
    fn parse_mentoring(path: &str) -> Option<Route> {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |i: usize| parts.get(i).and_then(|p| p.parse::<Id>().ok());
        let two = |make: fn(Id, Id) -> Route| match (id(1), id(3)) {
            (Some(p), Some(x)) => make(p, x),
            _ => Route::NotFound,
        };
        match parts.as_slice() {
            ["programme", _, "skills"] => Some(id(1).map_or(Route::NotFound, Route::Skills)),
            ["programme", _, "pairing"] => Some(id(1).map_or(Route::NotFound, Route::Pairing)),
            ["programme", _, "pair", _] => Some(two(Route::Pair)),
            ["programme", _, "pair", _, "print"] => Some(two(Route::PairPrint)),
            _ => None,
        }
    }

    /// Routes for after the meetings: follow-up, a plan, a check-in, the survey.
    fn parse_followup(path: &str) -> Option<Route> {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |i: usize| parts.get(i).and_then(|p| p.parse::<Id>().ok());
        let two = |make: fn(Id, Id) -> Route| match (id(1), id(3)) {
            (Some(p), Some(x)) => make(p, x),
            _ => Route::NotFound,
        };
        match parts.as_slice() {
            ["programme", _, "follow-up"] => Some(id(1).map_or(Route::NotFound, Route::FollowUp)),
            ["programme", _, "plan", _] => Some(two(Route::Plan)),
            ["programme", _, "check-in", _] => Some(two(Route::CheckIn)),
            ["programme", _, "survey", _] => Some(two(Route::Survey)),
            _ => None,
        }
    }

    /// The programme a screen belongs to, if any.
    pub fn programme(self) -> Option<Id> {
        match self {
            Route::Programme(p)
            | Route::Roster(p)
            | Route::BuyIn(p)
            | Route::Group(p, _)
            | Route::GroupPrint(p, _)
            | Route::FollowUp(p)
            | Route::Plan(p, _)
            | Route::CheckIn(p, _)
            | Route::Survey(p, _) => Some(p),
            Route::Skills(p) | Route::Pairing(p) | Route::Pair(p, _) | Route::PairPrint(p, _) => {
                Some(p)
            }
            _ => None,
        }
    }

    pub fn href(self) -> String {
        match self {
            Route::Roster(p) => format!("#/programme/{p}/roster"),
            Route::BuyIn(p) => format!("#/programme/{p}/buy-in"),
            Route::Group(p, g) => format!("#/programme/{p}/group/{g}"),
            Route::GroupPrint(p, g) => format!("#/programme/{p}/group/{g}/print"),
            Route::FollowUp(p) => format!("#/programme/{p}/follow-up"),
            Route::Plan(p, x) => format!("#/programme/{p}/plan/{x}"),
            Route::CheckIn(p, x) => format!("#/programme/{p}/check-in/{x}"),
            Route::Survey(p, x) => format!("#/programme/{p}/survey/{x}"),
            Route::Skills(p) => format!("#/programme/{p}/skills"),
            Route::Pairing(p) => format!("#/programme/{p}/pairing"),
            Route::Pair(p, x) => format!("#/programme/{p}/pair/{x}"),
            Route::PairPrint(p, x) => format!("#/programme/{p}/pair/{x}/print"),
            Route::Programmes | Route::NotFound => "#/".to_string(),
            Route::Programme(id) => format!("#/programme/{id}"),
            Route::Share(id) => format!("#/programme/{id}/share"),
            Route::Settings => "#/settings".to_string(),
            Route::Help => "#/help".to_string(),
            Route::Questions => "#/questions".to_string(),
            Route::Combine => "#/combine".to_string(),
            Route::Session(id) => format!("#/session/{id}"),
            Route::Display(id) => format!("#/session/{id}/display"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        for r in [
            Route::Programmes,
            Route::Programme(12),
            Route::Share(12),
            Route::Settings,
            Route::Help,
            Route::Questions,
            Route::Combine,
            Route::Session(3),
            Route::Display(3),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Programmes);
        assert_eq!(Route::parse("#"), Route::Programmes);
        assert_eq!(Route::parse("#/programme/abc"), Route::NotFound);
        assert_eq!(Route::parse("#/programme/1/extra"), Route::NotFound);
        assert_eq!(Route::parse("#/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/session/3/display/x"), Route::NotFound);
        assert_eq!(Route::parse("#/session/3/elsewhere"), Route::NotFound);
    }

    #[test]
    fn followup_routes_parse_and_round_trip() {
        for r in [
            Route::FollowUp(3),
            Route::Plan(3, 4),
            Route::CheckIn(3, 4),
            Route::Survey(3, 4),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
            assert_eq!(r.programme(), Some(3));
        }
        assert_eq!(Route::parse("#/programme/x/follow-up"), Route::NotFound);
        assert_eq!(Route::parse("#/programme/1/plan/y"), Route::NotFound);
        assert_eq!(Route::parse("#/programme/1/survey/2/3"), Route::NotFound);
    }

    #[test]
    fn forming_routes_parse_and_round_trip() {
        for r in [
            Route::Roster(3),
            Route::BuyIn(3),
            Route::Group(3, 4),
            Route::GroupPrint(3, 4),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
            assert_eq!(r.programme(), Some(3));
        }
        assert_eq!(Route::parse("#/programme/x/roster"), Route::NotFound);
        assert_eq!(Route::parse("#/programme/1/group/y"), Route::NotFound);
        assert_eq!(
            Route::parse("#/programme/1/group/2/print/3"),
            Route::NotFound
        );
        assert_eq!(Route::Settings.programme(), None);
    }

    #[test]
    fn mentoring_routes_parse_and_round_trip() {
        for r in [
            Route::Skills(3),
            Route::Pairing(3),
            Route::Pair(3, 9),
            Route::PairPrint(3, 9),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
            assert_eq!(r.programme(), Some(3));
        }
        assert_eq!(Route::parse("#/programme/x/skills"), Route::NotFound);
        assert_eq!(Route::parse("#/programme/1/pair/y"), Route::NotFound);
        assert_eq!(
            Route::parse("#/programme/1/pair/2/print/3"),
            Route::NotFound
        );
        assert_eq!(Route::parse("#/programme/1/pairing/2"), Route::NotFound);
    }
}
