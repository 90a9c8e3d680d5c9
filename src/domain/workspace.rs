//! Everything stored on this device, as one value the app works on. It is saved as several
//! small records (one per programme plus an index) so that typing rewrites little.

use super::programme::{Group, Programme};
use super::questions::QuestionBank;
use super::session::Session;
use super::{DomainError, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The settings and bookkeeping that are not part of any one programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last id handed out; ids are never reused on this device.
    pub last_id: Id,
    /// Programme ids in the order the facilitator sees them.
    pub programme_order: Vec<Id>,
    /// Small counts below this are hidden in anything shared (never below 3).
    pub k: u32,
    /// Play a soft chime when a session timer runs out.
    pub chime: bool,
    /// With the device lock on: lock after this many minutes without use (or hidden).
    pub lock_after_minutes: u32,
    /// The day the last backup file was saved on this device.
    pub last_backup: Option<super::Date>,
    /// The day of the first change not yet in a backup (`None`: everything is backed up).
    pub unbacked_since: Option<super::Date>,
    /// "Not now" on the backup reminder: it stays away for a week from this day.
    pub backup_reminder_snoozed: Option<super::Date>,
    /// Kiosk mode for a shared tablet: the task on screen, the PIN hash, wrong tries.
    pub kiosk: super::kiosk::KioskSettings,
}

/// Choices offered for the auto-lock, in minutes.
pub const LOCK_AFTER_CHOICES: [u32; 6] = [1, 5, 10, 15, 30, 60];
/// Browsers such as Safari may delete a site's data after seven days without a visit.
pub const BACKUP_REMINDER_DAYS: i32 = 7;

impl Settings {
    /// Should the gentle "save a backup" reminder show today? Only when some change has
    /// waited a week or more for a backup, and not within a week of "Not now".
    pub fn backup_reminder_due(&self, today: super::Date) -> bool {
        let Some(since) = self.unbacked_since else {
            return false;
        };
        let waited = since.days_until(today) >= BACKUP_REMINDER_DAYS;
        let snoozed = self
            .backup_reminder_snoozed
            .is_some_and(|d| d.days_until(today) < BACKUP_REMINDER_DAYS && d <= today);
        waited && !snoozed
    }

    /// Notes that something changed; returns true when this is the first change since the
    /// last backup (so the settings record needs saving too).
    pub fn note_change(&mut self, today: super::Date) -> bool {
        if self.unbacked_since.is_some() {
            return false;
        }
        self.unbacked_since = Some(today);
        true
    }

    /// A backup file was saved: everything up to now is in it.
    pub fn note_backup(&mut self, today: super::Date) {
        self.last_backup = Some(today);
        self.unbacked_since = None;
        self.backup_reminder_snoozed = None;
    }

    /// The auto-lock delay, kept to one of the offered choices.
    pub fn lock_after(&self) -> u32 {
        if LOCK_AFTER_CHOICES.contains(&self.lock_after_minutes) {
            self.lock_after_minutes
        } else {
            10
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_id: 0,
            programme_order: Vec::new(),
            k: 5,
            chime: true,
            lock_after_minutes: 10,
            last_backup: None,
            unbacked_since: None,
            backup_reminder_snoozed: None,
            kiosk: Default::default(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    /// The programmes and sessions handed out for changing since the last `before_edit`.
    touched: Touched,
    pub settings: Settings,
    pub programmes: Vec<Programme>,
    /// Every session of every group, one record each (a meeting rewrites only its own).
    pub sessions: Vec<Session>,
    pub questions: QuestionBank,
    /// Quotes typed up from consented items, for newsletters and reports.
    pub testimonies: Vec<super::testimony::Testimony>,
}

/// Which programmes and sessions were handed out for changing (`programme_mut`,
/// `session_mut`). Bookkeeping only: two workspaces with the same data are equal whatever
/// each has handed out.
#[derive(Clone, Debug, Default)]
struct Touched(BTreeSet<RecordKey>);

impl PartialEq for Touched {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for Touched {}

/// What an edit is compared with afterwards to work out which records it changed: the small
/// records as they were, and which programmes and sessions existed. Programmes and sessions
/// are large, so they are not copied: a change to one goes through `programme_mut` or
/// `session_mut`, which note it.
#[derive(Clone, Debug)]
pub struct BeforeEdit {
    settings: Settings,
    questions: QuestionBank,
    testimonies: Vec<super::testimony::Testimony>,
    programmes: BTreeSet<Id>,
    sessions: BTreeSet<Id>,
}

/// One stored record. The storage layer maps each to a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Settings,
    Programme(Id),
    Session(Id),
    Questions,
    Testimonies,
}

impl Workspace {
    pub fn fresh_id(&mut self) -> Id {
        let in_programmes = self.programmes.iter().flat_map(|p| {
            std::iter::once(p.id)
                .chain(p.groups.iter().map(|g| g.id))
                .chain(p.participants.iter().map(|x| x.id))
                .chain(p.awareness.iter().map(|n| n.id))
                .chain(p.mentoring.ids())
                .chain(p.followup.ids())
        });
        let used = in_programmes
            .chain(self.sessions.iter().map(|s| s.id()))
            .chain(self.testimonies.iter().map(|t| t.id));
        let highest = used.max().unwrap_or(0).max(self.settings.last_id);
        self.settings.last_id = highest + 1;
        self.settings.last_id
    }

    pub fn programme(&self, id: Id) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The programme, to change; the change is noted so the programme's record is saved.
    pub fn programme_mut(&mut self, id: Id) -> Result<&mut Programme, DomainError> {
        self.touched.0.insert(RecordKey::Programme(id));
        self.programmes
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(DomainError::NotFound("programme"))
    }

    /// Creates a programme and returns its id.
    pub fn create_programme(&mut self, name: &str) -> Result<Id, DomainError> {
        // The name is checked before an id is taken: a refused change changes nothing.
        let mut programme = Programme::new(0, name)?;
        let id = self.fresh_id();
        programme.id = id;
        self.programmes.push(programme);
        self.settings.programme_order.push(id);
        Ok(id)
    }

    pub fn remove_programme(&mut self, id: Id) -> Result<Programme, DomainError> {
        let at = self
            .programmes
            .iter()
            .position(|p| p.id == id)
            .ok_or(DomainError::NotFound("programme"))?;
        self.settings.programme_order.retain(|p| *p != id);
        Ok(self.programmes.remove(at))
    }

    /// Puts back a programme removed a moment ago ("Undo").
    pub fn restore_programme(&mut self, programme: Programme) {
        let id = programme.id;
        if self.programme(id).is_none() {
            self.programmes.push(programme);
        }
        if !self.settings.programme_order.contains(&id) {
            self.settings.programme_order.push(id);
        }
    }

    /// Programmes in the facilitator's order: active first, then archived.
    pub fn programmes_in_order(&self) -> Vec<&Programme> {
        let mut listed: Vec<&Programme> = self
            .settings
            .programme_order
            .iter()
            .filter_map(|id| self.programme(*id))
            .collect();
        // A programme missing from the order (say, restored from a record) still shows.
        for p in &self.programmes {
            if !self.settings.programme_order.contains(&p.id) {
                listed.push(p);
            }
        }
        crate::domain::sort::sort_by_key(&mut listed, |p| p.archived);
        listed
    }

    /// Starts an edit: what `changed_since` compares with afterwards.
    pub fn before_edit(&mut self) -> BeforeEdit {
        self.touched.0.clear();
        BeforeEdit {
            settings: self.settings.clone(),
            questions: self.questions.clone(),
            testimonies: self.testimonies.clone(),
            programmes: self.programmes.iter().map(|p| p.id).collect(),
            sessions: self.sessions.iter().map(|s| s.id()).collect(),
        }
    }

    /// The records an edit changed since `before_edit`: a small record that differs, a
    /// programme or session that was handed out for changing, and one that appeared or went
    /// (a removed record is saved as gone). Nobody has to list what their change touched.
    pub fn changed_since(&self, before: &BeforeEdit) -> BTreeSet<RecordKey> {
        let mut changed = self.touched.0.clone();
        if self.settings != before.settings {
            changed.insert(RecordKey::Settings);
        }
        if self.questions != before.questions {
            changed.insert(RecordKey::Questions);
        }
        if self.testimonies != before.testimonies {
            changed.insert(RecordKey::Testimonies);
        }
        let programmes: BTreeSet<Id> = self.programmes.iter().map(|p| p.id).collect();
        let sessions: BTreeSet<Id> = self.sessions.iter().map(|s| s.id()).collect();
        let appeared_or_went = |now: &BTreeSet<Id>, then: &BTreeSet<Id>| {
            now.symmetric_difference(then).copied().collect::<Vec<_>>()
        };
        for id in appeared_or_went(&programmes, &before.programmes) {
            changed.insert(RecordKey::Programme(id));
        }
        for id in appeared_or_went(&sessions, &before.sessions) {
            changed.insert(RecordKey::Session(id));
        }
        changed
    }

    pub fn record_keys(&self) -> Vec<RecordKey> {
        [
            RecordKey::Settings,
            RecordKey::Questions,
            RecordKey::Testimonies,
        ]
        .into_iter()
        .chain(self.programmes.iter().map(|p| RecordKey::Programme(p.id)))
        .chain(self.sessions.iter().map(|s| RecordKey::Session(s.id())))
        .collect()
    }

    /// The threshold k and the strict setting that a programme's figures are shown with, as in
    /// its shared files: its own k, or the device's where it chose none or is not found.
    pub fn disclosure_of(&self, programme: Option<Id>) -> (u32, bool) {
        match programme.and_then(|id| self.programme(id)) {
            Some(p) => (p.disclosure.k_or(self.settings.k), p.disclosure.strict),
            None => (self.settings.k, false),
        }
    }

    /// The programme a group belongs to, with the group.
    pub fn group(&self, group: Id) -> Option<(&Programme, &Group)> {
        self.programmes
            .iter()
            .find_map(|p| p.group(group).map(|g| (p, g)))
    }

    pub fn session(&self, id: Id) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id() == id)
    }

    /// What the projector shows for a session: its room view, with the group's guidelines
    /// card while the facilitator has it on screen.
    pub fn room_view(
        &self,
        session: Id,
        clock: Option<super::session::RoomClock>,
    ) -> Option<super::session::RoomView> {
        let s = self.session(session)?;
        let mut view = s.room_view(clock);
        if s.guidelines_on_screen() {
            view.guidelines = self
                .group(s.group())
                .map(|(p, _)| Box::new(p.guidelines(s.group())));
        }
        Some(view)
    }

    /// The session, to change; the change is noted so the session's record is saved.
    pub fn session_mut(&mut self, id: Id) -> Result<&mut Session, DomainError> {
        self.touched.0.insert(RecordKey::Session(id));
        self.sessions
            .iter_mut()
            .find(|s| s.id() == id)
            .ok_or(DomainError::NotFound("session"))
    }

    /// Sessions of a programme's groups, newest first.
    pub fn sessions_of(&self, programme: Id) -> Vec<&Session> {
        let Some(p) = self.programme(programme) else {
            return Vec::new();
        };
        let mut list: Vec<&Session> = self
            .sessions
            .iter()
            .filter(|s| p.group(s.group()).is_some())
            .collect();
        crate::domain::sort::sort_by(&mut list, |a, b| {
            b.date().cmp(&a.date()).then(b.id().cmp(&a.id()))
        });
        list
    }

    pub fn remove_session(&mut self, id: Id) -> Result<Session, DomainError> {
        let at = self.sessions.iter().position(|s| s.id() == id);
        let at = at.ok_or(DomainError::NotFound("session"))?;
        Ok(self.sessions.remove(at))
    }

    /// Puts back a session deleted a moment ago ("Undo").
    pub fn restore_session(&mut self, session: Session) {
        if self.session(session.id()).is_none() {
            self.sessions.push(session);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused_even_after_removal() {
        let mut ws = Workspace::default();
        let a = ws.create_programme("A").unwrap();
        ws.remove_programme(a).unwrap();
        let b = ws.create_programme("B").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn figures_follow_the_programme_s_own_threshold() {
        let mut ws = Workspace::default();
        ws.settings.k = 7;
        let a = ws.create_programme("A").unwrap();
        assert_eq!(ws.disclosure_of(Some(a)), (7, false));
        let d = &mut ws.programme_mut(a).unwrap().disclosure;
        d.k = Some(4);
        d.strict = true;
        assert_eq!(ws.disclosure_of(Some(a)), (4, true));
        assert_eq!(ws.disclosure_of(Some(a + 1)), (7, false));
        assert_eq!(ws.disclosure_of(None), (7, false));
    }

    #[test]
    fn fresh_ids_skip_ids_already_in_the_data() {
        let mut ws = Workspace::default();
        ws.programmes.push(Programme {
            id: 40,
            ..Programme::default()
        });
        assert_eq!(ws.fresh_id(), 41);
    }

    #[test]
    fn removed_programme_can_be_restored_in_place() {
        let mut ws = Workspace::default();
        let a = ws.create_programme("A").unwrap();
        let removed = ws.remove_programme(a).unwrap();
        assert!(ws.programmes_in_order().is_empty());
        ws.restore_programme(removed);
        assert_eq!(ws.programmes_in_order().len(), 1);
        assert!(ws.remove_programme(999).is_err());
    }

    #[test]
    fn archived_programmes_list_last_and_unlisted_ones_still_show() {
        let mut ws = Workspace::default();
        let a = ws.create_programme("A").unwrap();
        let b = ws.create_programme("B").unwrap();
        ws.programme_mut(a).unwrap().archived = true;
        ws.programmes.push(Programme {
            id: 77,
            name: "Orphan".into(),
            ..Programme::default()
        });
        let names: Vec<&str> = ws
            .programmes_in_order()
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, vec!["B", "Orphan", "A"]);
        assert_eq!(
            ws.record_keys().len(),
            6,
            "settings, questions, testimonies and three programmes"
        );
        let _ = b;
    }

    fn day(n: i32) -> crate::domain::Date {
        crate::domain::Date::from_ymd(2026, 11, 1)
            .map(|d| d.add_days(n))
            .unwrap_or_else(|| crate::domain::Date::from_days_since_epoch(0))
    }

    #[test]
    fn the_backup_reminder_waits_a_week_after_the_first_unbacked_change() {
        let mut s = Settings::default();
        assert!(
            !s.backup_reminder_due(day(30)),
            "nothing changed, nothing to back up"
        );
        assert!(s.note_change(day(0)), "the first change is noted");
        assert!(!s.note_change(day(3)), "later changes keep the first day");
        assert_eq!(s.unbacked_since, Some(day(0)));
        assert!(!s.backup_reminder_due(day(6)));
        assert!(s.backup_reminder_due(day(7)));
        s.note_backup(day(8));
        assert_eq!(s.last_backup, Some(day(8)));
        assert!(!s.backup_reminder_due(day(40)), "a backup clears it");
    }

    #[test]
    fn not_now_hides_the_reminder_for_a_week() {
        let mut s = Settings::default();
        s.note_change(day(0));
        s.backup_reminder_snoozed = Some(day(10));
        assert!(!s.backup_reminder_due(day(10)));
        assert!(!s.backup_reminder_due(day(16)));
        assert!(s.backup_reminder_due(day(17)));
        // A snooze dated in the future (a clock set wrong) does not hide it for ever.
        s.backup_reminder_snoozed = Some(day(400));
        assert!(s.backup_reminder_due(day(20)));
    }

    #[test]
    fn the_auto_lock_delay_is_always_one_of_the_choices() {
        let mut s = Settings::default();
        assert_eq!(s.lock_after(), 10);
        s.lock_after_minutes = 1;
        assert_eq!(s.lock_after(), 1);
        s.lock_after_minutes = 0;
        assert_eq!(s.lock_after(), 10);
        s.lock_after_minutes = 99_999;
        assert_eq!(s.lock_after(), 10);
    }

    #[test]
    fn the_projector_shows_the_guidelines_card_only_while_on_screen_at_the_first_step() {
        use crate::domain::charter::{Stage, Term};
        use crate::domain::programme::GroupKind;
        use crate::domain::session::{Phase, SessionQuestion};
        let mut ws = Workspace::default();
        let pid = ws.create_programme("P").unwrap();
        let p = ws.programme_mut(pid).unwrap();
        p.add_group(2, "Circle", GroupKind::Peer).unwrap();
        p.set_term(2, Term::GroundRules, "Listen first").unwrap();
        p.agree_stage(2, Stage::WorkingAgreement, day(0)).unwrap();
        let q = SessionQuestion::one_off("What helps?").unwrap();
        ws.sessions.push(Session::new(9, 2, day(1), q).unwrap());
        assert_eq!(ws.room_view(9, None).unwrap().guidelines, None);
        ws.session_mut(9).unwrap().show_guidelines(true).unwrap();
        let card = ws.room_view(9, None).unwrap().guidelines.unwrap();
        assert_eq!(card.parts[0].lines, vec!["Listen first"]);
        // It travels to the projector window in the room message, and reads back whole.
        let view = ws.room_view(9, None).unwrap();
        let sent = crate::domain::session::RoomMessage::Show { session: 9, view }.encode();
        match crate::domain::session::RoomMessage::decode(&sent) {
            Some(crate::domain::session::RoomMessage::Show { view, .. }) => {
                assert_eq!(view.guidelines, Some(card));
            }
            other => panic!("not read back: {other:?}"),
        }
        // Moving on to the pairs takes it off; it cannot be put on after the first step.
        let s = ws.session_mut(9).unwrap();
        s.set_guests(2).unwrap();
        s.advance().unwrap();
        assert_eq!(s.phase(), Phase::Pairs);
        assert!(!s.guidelines_on_screen());
        assert!(s.show_guidelines(true).is_err());
        s.step_back().unwrap();
        assert!(
            !s.guidelines_on_screen(),
            "stepping back does not bring it back"
        );
        assert_eq!(ws.room_view(9, None).unwrap().guidelines, None);
        assert!(ws.room_view(404, None).is_none());
    }
}
