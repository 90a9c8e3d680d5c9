//! Which screen is showing, kept in the address's `#` part so a reload, a bookmark or the
//! back button works on any plain static server, from any folder.

use crate::domain::Id;

/// Always an `Id`: a route's numbers are record ids.
macro_rules! id_type {
    ($arg:ident) => {
        Id
    };
}

/// The one table of screens: each row names a route, the numbers it carries and its address.
/// `Route`, `parse`, `href`, `programme` and the list the round-trip test walks all come from
/// it, so adding a screen is one row here and its view in `ui`.
macro_rules! routes {
    ($( $(#[$doc:meta])* $name:ident $(( $($arg:ident),+ ))? => $pattern:literal, )+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Route {
            $( $(#[$doc])* $name $(( $(id_type!($arg)),+ ))?, )+
            /// An address that names no screen.
            NotFound,
        }

        /// Every row: its address pattern (`{}` stands for a number) and how to make the
        /// route from the numbers found there.
        const TABLE: &[(&str, fn(&[Id]) -> Option<Route>)] = &[
            $( ($pattern, |ids: &[Id]| {
                #[allow(unused_mut, unused_variables)]
                let mut ids = ids.iter().copied();
                let route = Route::$name $(( $( { let _ = stringify!($arg); ids.next()? } ),+ ))?;
                Some(route)
            }), )+
        ];

        impl Route {
            /// The row's pattern and the route's numbers, in the order the pattern has them.
            fn fields(self) -> (&'static str, Vec<Id>) {
                match self {
                    $( Route::$name $(( $($arg),+ ))? => ($pattern, vec![$( $($arg),+ )?]), )+
                    Route::NotFound => ("", Vec::new()),
                }
            }

            /// One of every route (numbers 3, 4, ...), for tests that walk them all.
            pub fn examples() -> Vec<Route> {
                let mut next = 2;
                let mut id = || {
                    next += 1;
                    Some(next)
                };
                TABLE
                    .iter()
                    .filter_map(|(pattern, make)| {
                        let ids: Vec<Id> = (0..pattern.matches("{}").count())
                            .filter_map(|_| id())
                            .collect();
                        make(&ids)
                    })
                    .collect()
            }
        }
    };
}

routes! {
    /// Every programme on this device.
    Programmes => "",
    Programme(programme) => "programme/{}",
    /// Making a file to share from one programme.
    Share(programme) => "programme/{}/share",
    /// Everyone in a programme.
    Roster(programme) => "programme/{}/roster",
    /// Awareness notes and trial periods (programme steps 1 and 2).
    BuyIn(programme) => "programme/{}/buy-in",
    /// A group's charter, leadership and attendance: (programme, group).
    Group(programme, group) => "programme/{}/group/{}",
    /// The charter laid out for printing and signing.
    GroupPrint(programme, group) => "programme/{}/group/{}/print",
    /// After the meetings: pairs' health, check-ins, plans and the outcomes survey.
    FollowUp(programme) => "programme/{}/follow-up",
    /// One follow-up plan: (programme, plan).
    Plan(programme, plan) => "programme/{}/plan/{}",
    /// Entering a check-in for one pair: (programme, pair).
    CheckIn(programme, pair) => "programme/{}/check-in/{}",
    /// The anonymous outcomes survey at one survey point: (programme, point).
    Survey(programme, point) => "programme/{}/survey/{}",
    /// The skills inventory of a programme.
    Skills(programme) => "programme/{}/skills",
    /// Proposing, reviewing and confirming pairs.
    Pairing(programme) => "programme/{}/pairing",
    /// A confirmed pair's contract: (programme, pair).
    Pair(programme, pair) => "programme/{}/pair/{}",
    /// The contract laid out for printing.
    PairPrint(programme, pair) => "programme/{}/pair/{}/print",
    Settings => "settings",
    /// "Running your first meeting": the facilitator's guide, inside the app (works offline).
    Help => "help",
    Questions => "questions",
    /// Combining shareable files from other facilitators' devices.
    Combine => "combine",
    Session(session) => "session/{}",
    /// The big-type flip chart for a projector or tablet.
    Display(session) => "session/{}/display",
}

impl Route {
    /// The screen an address names; anything else is `NotFound`, never a guess.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        if parts == ["programmes"] {
            return Route::Programmes;
        }
        TABLE
            .iter()
            .find_map(|(pattern, make)| {
                let wanted: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
                if wanted.len() != parts.len() {
                    return None;
                }
                let mut ids = Vec::new();
                for (want, part) in wanted.iter().zip(&parts) {
                    if *want == "{}" {
                        ids.push(part.parse::<Id>().ok()?);
                    } else if want != part {
                        return None;
                    }
                }
                make(&ids)
            })
            .unwrap_or(Route::NotFound)
    }

    /// The programme a screen belongs to, if any: every address under `programme/{}`.
    pub fn programme(self) -> Option<Id> {
        let (pattern, ids) = self.fields();
        (pattern.starts_with("programme/")).then(|| ids.first().copied())?
    }

    pub fn href(self) -> String {
        let (pattern, ids) = self.fields();
        let mut out = String::from("#/");
        let mut ids = ids.into_iter();
        for (i, part) in pattern.split('/').filter(|p| !p.is_empty()).enumerate() {
            if i > 0 {
                out.push('/');
            }
            match part {
                "{}" => out.push_str(&ids.next().unwrap_or_default().to_string()),
                literal => out.push_str(literal),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_in_the_table_round_trips() {
        let all = Route::examples();
        assert_eq!(all.len(), TABLE.len(), "every row makes its route");
        for r in all {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
            let under_programme = r.href().starts_with("#/programme/");
            assert_eq!(r.programme().is_some(), under_programme, "{r:?}");
        }
        assert_eq!(Route::Share(12).programme(), Some(12));
        assert_eq!(Route::NotFound.href(), "#/");
        assert_eq!(Route::parse("#/programmes"), Route::Programmes);
        assert_eq!(Route::parse("#/programme/3/group/4"), Route::Group(3, 4));
        assert_eq!(Route::Group(3, 4).href(), "#/programme/3/group/4");
        assert_eq!(Route::parse("#/programme/-1"), Route::NotFound);
        assert_eq!(
            Route::parse("#/programme/99999999999999999999999"),
            Route::NotFound
        );
    }

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
