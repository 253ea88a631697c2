//! Entries by id: a hash table of entry indexes.
//!
//! The table holds only indexes into the entries and compares ids where
//! they are, so no id is copied: for a million-alias gazetteer that is
//! half a million fewer allocations, once when the file is read (to report
//! duplicates with their lines) and once when it is compiled. Each slot
//! also keeps 32 bits of its id's hash, which place it in the table: a
//! probe reads an id (two cache misses away: the entry, then its string)
//! only when those bits agree, and growing the table reads none.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::GazetteerEntry;

/// An empty slot.
const EMPTY: u64 = u64::MAX;

/// Entry indexes by id (open addressing, linear probing, at most half
/// full).
#[derive(Clone, Debug)]
pub(crate) struct IdIndex {
    /// `hash << 32 | entry index`, or [`EMPTY`].
    slots: Vec<u64>,
    len: usize,
}

/// 32 bits of the hash of `id`, in the high half.
fn hash(id: &str) -> u64 {
    // Fx hashes are weakest in their low bits: keep high bits of a mix.
    FxBuildHasher
        .hash_one(id)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        & 0xFFFF_FFFF_0000_0000
}

impl IdIndex {
    /// An empty index with room for `n` entries before it grows.
    pub(crate) fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            slots: vec![EMPTY; (2 * n).next_power_of_two().max(16)],
            len: 0,
        }
    }

    /// The first slot that is empty or `found`, probing from the one hash
    /// `h` places it in.
    fn probe(&self, h: u64, found: impl Fn(u64) -> bool) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
        while self.slots[s] != EMPTY && !found(self.slots[s]) {
            s = (s + 1) & mask;
        }
        s
    }

    /// The slot where `id` (hashed to `h`) is or would go.
    fn slot(&self, entries: &[GazetteerEntry], id: &str, h: u64) -> usize {
        self.probe(h, |slot| {
            slot & !0xFFFF_FFFF == h && entries[slot as u32 as usize].id == id
        })
    }

    /// Records that `entries[index]` has id `id` (the entry may not be in
    /// `entries` yet), unless an entry already has it: then the index of
    /// that entry.
    pub(crate) fn insert(
        &mut self,
        entries: &[GazetteerEntry],
        id: &str,
        index: u32,
    ) -> Result<(), u32> {
        if 2 * (self.len + 1) > self.slots.len() {
            let mut bigger = IdIndex::with_capacity(self.slots.len());
            for &slot in self.slots.iter().filter(|&&slot| slot != EMPTY) {
                let s = bigger.probe(slot & !0xFFFF_FFFF, |_| false);
                bigger.slots[s] = slot;
            }
            bigger.len = self.len;
            *self = bigger;
        }
        let h = hash(id);
        let s = self.slot(entries, id, h);
        match self.slots[s] {
            EMPTY => {
                self.slots[s] = h | u64::from(index);
                self.len += 1;
                Ok(())
            }
            slot => Err(slot as u32),
        }
    }

    /// The index of the entry with id `id`.
    pub(crate) fn get(&self, entries: &[GazetteerEntry], id: &str) -> Option<u32> {
        let slot = self.slots[self.slot(entries, id, hash(id))];
        (slot != EMPTY).then_some(slot as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

    #[test]
    fn finds_every_id_and_reports_the_first_duplicate() {
        let mut entries: Vec<GazetteerEntry> = Vec::new();
        // Starts small, so it grows several times.
        let mut index = IdIndex::with_capacity(0);
        for i in 0..1000 {
            let id = format!("Q{i}");
            assert_eq!(index.insert(&entries, &id, i), Ok(()));
            entries.push(GazetteerEntry::new(id, "x", EntityKind::Other));
        }
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(index.get(&entries, &e.id), Some(i as u32));
        }
        assert_eq!(index.get(&entries, "Q1000"), None);
        assert_eq!(index.get(&entries, ""), None);
        assert_eq!(index.insert(&entries, "Q17", 1000), Err(17));
        assert_eq!(index.get(&entries, "Q17"), Some(17));
    }
}
