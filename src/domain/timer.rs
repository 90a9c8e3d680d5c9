//! A phase countdown: set in minutes, start, pause, add a minute. Pure, with the current
//! time passed in (milliseconds), so pausing and resuming are tested without a clock.

/// Longest countdown a facilitator can set: a whole afternoon.
pub const MAX_MINUTES: u32 = 240;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Countdown {
    total_ms: f64,
    /// Time already run before the current start.
    spent_ms: f64,
    /// When it was last started, if running.
    started_at: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimerError {
    #[error("Please set between 1 and {MAX_MINUTES} minutes.")]
    OutOfRange,
}

impl Countdown {
    pub fn minutes(minutes: u32) -> Result<Countdown, TimerError> {
        if minutes == 0 || minutes > MAX_MINUTES {
            return Err(TimerError::OutOfRange);
        }
        Ok(Countdown {
            total_ms: f64::from(minutes) * 60_000.0,
            ..Countdown::default()
        })
    }

    pub fn is_set(&self) -> bool {
        self.total_ms > 0.0
    }

    pub fn is_running(&self) -> bool {
        self.started_at.is_some()
    }

    fn spent(&self, now: f64) -> f64 {
        self.spent_ms + self.started_at.map_or(0.0, |t| (now - t).max(0.0))
    }

    pub fn remaining_ms(&self, now: f64) -> f64 {
        (self.total_ms - self.spent(now)).max(0.0)
    }

    pub fn is_finished(&self, now: f64) -> bool {
        self.is_set() && self.remaining_ms(now) <= 0.0
    }

    pub fn start(&mut self, now: f64) {
        if self.started_at.is_none() && !self.is_finished(now) {
            self.started_at = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if self.started_at.is_some() {
            self.spent_ms = self.spent(now);
            self.started_at = None;
        }
    }

    /// Adds a minute, even after time is up (the room needs a little longer).
    pub fn add_minute(&mut self, now: f64) {
        if self.is_finished(now) {
            self.spent_ms = self.spent(now).min(self.total_ms);
            if self.started_at.is_some() {
                self.started_at = Some(now);
            }
        }
        self.total_ms = (self.total_ms + 60_000.0).min(f64::from(MAX_MINUTES) * 60_000.0);
    }

    /// Share of the time used, 0.0 to 1.0, for the progress bar.
    pub fn fraction_used(&self, now: f64) -> f64 {
        if self.total_ms <= 0.0 {
            return 0.0;
        }
        (self.spent(now) / self.total_ms).clamp(0.0, 1.0)
    }

    /// "4:05" for a clock face; whole seconds, rounded up so 0:00 means time is up.
    pub fn clock(&self, now: f64) -> String {
        let secs = (self.remaining_ms(now) / 1000.0).ceil() as u64;
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_pauses_and_resumes() {
        let mut t = Countdown::minutes(5).unwrap();
        assert_eq!(t.clock(0.0), "5:00");
        t.start(1_000.0);
        assert_eq!(t.clock(61_000.0), "4:00");
        t.pause(61_000.0);
        assert_eq!(t.clock(500_000.0), "4:00", "paused time does not run");
        t.start(500_000.0);
        assert_eq!(t.clock(530_000.0), "3:30");
        assert!(!t.is_finished(530_000.0));
        assert!(t.is_finished(800_000.0));
        assert_eq!(t.clock(800_000.0), "0:00");
        assert_eq!(t.fraction_used(800_000.0), 1.0);
    }

    #[test]
    fn a_minute_can_be_added_before_and_after_time_is_up() {
        let mut t = Countdown::minutes(1).unwrap();
        t.start(0.0);
        t.add_minute(30_000.0);
        assert_eq!(t.clock(30_000.0), "1:30");
        assert!(t.is_finished(200_000.0));
        t.add_minute(200_000.0);
        assert_eq!(
            t.clock(200_000.0),
            "1:00",
            "a finished timer gets a fresh minute"
        );
        assert!(!t.is_finished(200_000.0));
    }

    #[test]
    fn refuses_silly_lengths() {
        assert_eq!(Countdown::minutes(0), Err(TimerError::OutOfRange));
        assert_eq!(
            Countdown::minutes(MAX_MINUTES + 1),
            Err(TimerError::OutOfRange)
        );
        assert!(
            !Countdown::default().is_finished(10.0),
            "an unset timer never rings"
        );
    }
}
