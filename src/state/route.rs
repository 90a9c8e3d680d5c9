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
    Questions,
    Session(Id),
    /// The big-type flip chart for a projector or tablet.
    Display(Id),
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) | (Some("programmes"), None, _) => Route::Programmes,
            (Some("settings"), None, _) => Route::Settings,
            (Some("questions"), None, _) => Route::Questions,
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

    pub fn href(self) -> String {
        match self {
            Route::Programmes | Route::NotFound => "#/".to_string(),
            Route::Programme(id) => format!("#/programme/{id}"),
            Route::Share(id) => format!("#/programme/{id}/share"),
            Route::Settings => "#/settings".to_string(),
            Route::Questions => "#/questions".to_string(),
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
            Route::Questions,
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
}
