//! The bookkeeping of a store that answers from memory at once and writes to the browser's
//! disk in the background (IndexedDB, `idb.rs`): which writes are on disk, which are on their
//! way, which the disk refused. "All changes saved" may only be shown once every write has
//! been confirmed on disk, so this is what the save status is read from. Kept pure, so every
//! turn of it is tested natively; `idb.rs` only carries batches to the browser and back.

use super::StoreError;
use std::collections::BTreeMap;

/// Where the writes made so far stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Every write is on disk.
    Durable,
    /// Some writes are on their way (or about to be sent).
    Writing,
    /// The disk refused the last batch; its writes wait for the next try.
    Failed(StoreError),
}

/// One write: a value to put, or `None` to remove the key.
pub type Write = (String, Option<String>);

/// What the app reads (`mirror`) and what is not yet on disk (`pending`, `in_flight`).
#[derive(Clone, Debug, Default)]
pub struct WriteQueue {
    mirror: BTreeMap<String, String>,
    /// Written since the last batch was sent; the newest value per key.
    pending: BTreeMap<String, Option<String>>,
    /// The batch the disk is writing now, in one transaction: all of it lands or none.
    in_flight: Option<BTreeMap<String, Option<String>>>,
    failed: Option<StoreError>,
}

impl WriteQueue {
    /// A queue over what the disk holds now.
    pub fn loaded(entries: impl IntoIterator<Item = (String, String)>) -> WriteQueue {
        WriteQueue {
            mirror: entries.into_iter().collect(),
            ..WriteQueue::default()
        }
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.mirror.get(key).cloned()
    }

    pub fn keys(&self) -> Vec<String> {
        self.mirror.keys().cloned().collect()
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.mirror.insert(key.to_string(), value.to_string());
        self.pending
            .insert(key.to_string(), Some(value.to_string()));
    }

    pub fn remove(&mut self, key: &str) {
        self.mirror.remove(key);
        self.pending.insert(key.to_string(), None);
    }

    /// The next batch to send, or `None` while one is on its way (it is sent when that one
    /// lands) or nothing waits. Everything written so far goes in one batch, so writes made
    /// together (a meeting and its session) reach the disk together.
    pub fn begin(&mut self) -> Option<Vec<Write>> {
        if self.in_flight.is_some() || self.pending.is_empty() {
            return None;
        }
        let batch = std::mem::take(&mut self.pending);
        let writes = batch.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        self.in_flight = Some(batch);
        Some(writes)
    }

    /// The batch on its way, as sent.
    pub fn in_flight(&self) -> Vec<Write> {
        self.in_flight
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// The disk confirmed the batch on its way.
    pub fn landed(&mut self) {
        self.in_flight = None;
        self.failed = None;
    }

    /// The disk refused the batch on its way: its writes wait again, behind any newer
    /// writes to the same keys, for the next try.
    pub fn refused(&mut self, error: StoreError) {
        if let Some(batch) = self.in_flight.take() {
            for (key, value) in batch {
                self.pending.entry(key).or_insert(value);
            }
        }
        self.failed = Some(error);
    }

    pub fn durability(&self) -> Durability {
        if self.in_flight.is_some() {
            return Durability::Writing;
        }
        if self.pending.is_empty() {
            return Durability::Durable;
        }
        match &self.failed {
            Some(e) => Durability::Failed(e.clone()),
            None => Durability::Writing,
        }
    }

    /// True when nothing written is waiting to be sent or on its way.
    pub fn is_durable(&self) -> bool {
        self.durability() == Durability::Durable
    }

    /// Is this key's newest value still only in memory?
    pub fn is_unwritten(&self, key: &str) -> bool {
        self.pending.contains_key(key)
            || self
                .in_flight
                .as_ref()
                .is_some_and(|batch| batch.contains_key(key))
    }

    /// The disk was emptied under the app (site data cleared, another window): what memory
    /// shows is now only what was not yet written, so the app can notice and write the rest
    /// back. A batch on its way is lost with the disk, so it waits again.
    pub fn emptied(&mut self) {
        if let Some(batch) = self.in_flight.take() {
            for (key, value) in batch {
                self.pending.entry(key).or_insert(value);
            }
        }
        self.mirror = self
            .pending
            .iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v)))
            .collect();
        self.failed = None;
    }

    /// Another tab wrote this (a viewer follows the tab in charge): memory takes it unless
    /// this tab has its own newer write to the key.
    pub fn observed(&mut self, key: &str, value: Option<&str>) {
        if self.is_unwritten(key) {
            return;
        }
        match value {
            Some(v) => {
                self.mirror.insert(key.to_string(), v.to_string());
            }
            None => {
                self.mirror.remove(key);
            }
        }
    }

    /// Forgets writes that were never sent and are not wanted any more (a probe of a disk
    /// found full at start: what it held stays where it was).
    pub fn forget_unsent(&mut self) {
        self.pending.clear();
        self.failed = None;
    }
}

/// The key under which the records already moved from local storage are remembered, with
/// a fingerprint of each value moved.
pub const MOVED_KEY: &str = "peercircle-moved";

/// Moving records from local storage (where Peercircle kept them before) into the durable
/// store, once. Local storage writes its deletions to disk lazily, so records already moved
/// may still be there after a crash: a record is taken again only when its value differs from
/// the one moved (an older Peercircle in another tab wrote it since), never over newer work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Move {
    /// Records to write into the durable store.
    pub take: Vec<(String, String)>,
    /// The fingerprints to remember afterwards (all moved so far, these included).
    pub moved: BTreeMap<String, u64>,
}

/// Which of local storage's Peercircle keys to move: every record and set-aside record,
/// the lock and the start-up marker; not the probe (a leftover of a write test).
pub fn movable(key: &str) -> bool {
    super::wipe::is_peercircle_key(key) && key != "peercircle-probe" && key != MOVED_KEY
}

pub fn plan_move(local: &[(String, String)], moved_before: Option<&str>) -> Move {
    let mut moved: BTreeMap<String, u64> = moved_before
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let mut take = Vec::new();
    for (key, value) in local {
        if !movable(key) {
            continue;
        }
        let print = fingerprint(value);
        if moved.get(key) != Some(&print) {
            take.push((key.clone(), value.clone()));
            moved.insert(key.clone(), print);
        }
    }
    Move { take, moved }
}

/// FNV-1a over the value's bytes: enough to tell a record from another version of itself.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queue() -> WriteQueue {
        WriteQueue::loaded([("a".to_string(), "1".to_string())])
    }

    #[test]
    fn saved_only_once_the_disk_confirms() {
        let mut q = queue();
        assert_eq!(q.durability(), Durability::Durable);
        q.set("b", "2");
        assert_eq!(q.get("b").as_deref(), Some("2"), "reads answer at once");
        assert_eq!(q.durability(), Durability::Writing);
        let batch = q.begin().unwrap();
        assert_eq!(batch, vec![("b".to_string(), Some("2".to_string()))]);
        assert_eq!(q.durability(), Durability::Writing);
        q.landed();
        assert_eq!(q.durability(), Durability::Durable);
    }

    #[test]
    fn one_batch_at_a_time_and_newer_writes_wait_for_the_next() {
        let mut q = queue();
        q.set("b", "2");
        let _ = q.begin().unwrap();
        q.set("c", "3");
        q.remove("a");
        assert!(q.begin().is_none(), "never two batches on their way");
        q.landed();
        assert_eq!(q.durability(), Durability::Writing, "c and a still to go");
        let next = q.begin().unwrap();
        assert_eq!(
            next,
            vec![
                ("a".to_string(), None),
                ("c".to_string(), Some("3".to_string()))
            ]
        );
        q.landed();
        assert!(q.is_durable());
        assert_eq!(q.keys(), vec!["b".to_string(), "c".to_string()]);
    }

    #[test]
    fn a_refused_batch_waits_again_behind_newer_values() {
        let mut q = queue();
        q.set("b", "old");
        q.set("x", "1");
        let _ = q.begin().unwrap();
        q.set("b", "new");
        q.refused(StoreError::Full);
        assert_eq!(q.durability(), Durability::Failed(StoreError::Full));
        let retry = q.begin().unwrap();
        assert_eq!(
            retry,
            vec![
                ("b".to_string(), Some("new".to_string())),
                ("x".to_string(), Some("1".to_string()))
            ],
            "the refused write comes back, the newer value wins"
        );
        q.landed();
        assert!(q.is_durable());
    }

    #[test]
    fn a_disk_emptied_under_the_app_leaves_only_what_was_not_written() {
        let mut q = queue();
        q.set("b", "2");
        let _ = q.begin().unwrap();
        q.set("c", "3");
        q.emptied();
        assert_eq!(q.get("a"), None, "written before: gone with the disk");
        assert_eq!(
            q.get("b").as_deref(),
            Some("2"),
            "on its way: kept to send again"
        );
        assert_eq!(q.get("c").as_deref(), Some("3"));
        assert_eq!(q.begin().unwrap().len(), 2);
    }

    #[test]
    fn another_tabs_write_never_replaces_one_not_yet_on_disk() {
        let mut q = queue();
        q.observed("a", Some("theirs"));
        assert_eq!(q.get("a").as_deref(), Some("theirs"));
        q.set("a", "mine");
        q.observed("a", Some("theirs again"));
        assert_eq!(q.get("a").as_deref(), Some("mine"));
        q.observed("z", None);
        assert_eq!(q.get("z"), None);
        assert_eq!(
            q.durability(),
            Durability::Writing,
            "observing writes nothing"
        );
    }

    #[test]
    fn records_move_once_and_again_only_when_changed_since() {
        let local = vec![
            ("peercircle:settings".to_string(), "s1".to_string()),
            ("peercircle:programme:1".to_string(), "p1".to_string()),
            ("peercircle-probe".to_string(), "1".to_string()),
            ("someone-else".to_string(), "x".to_string()),
        ];
        let first = plan_move(&local, None);
        assert_eq!(first.take.len(), 2, "records only: {:?}", first.take);
        let remembered = serde_json::to_string(&first.moved).unwrap();
        // Local storage's deletions were lost in a crash: nothing is taken again.
        assert!(plan_move(&local, Some(&remembered)).take.is_empty());
        // An older Peercircle wrote the programme since: it is taken, the rest is not.
        let mut changed = local.clone();
        changed[1].1 = "p2".to_string();
        let again = plan_move(&changed, Some(&remembered));
        assert_eq!(
            again.take,
            vec![("peercircle:programme:1".to_string(), "p2".to_string())]
        );
        // A damaged memory of what moved is read as nothing moved: nothing is lost.
        assert_eq!(plan_move(&local, Some("{{")).take.len(), 2);
    }
}
