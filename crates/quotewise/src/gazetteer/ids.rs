//! Entries by id: a hash table of entry indexes.
//!
//! The table holds only indexes into the entries and compares ids where
//! they are, so no id is copied: for a million-alias gazetteer that is
//! half a million fewer allocations, once when the file is read (to report
//! duplicates with their lines) and once when it is compiled.

use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::GazetteerEntry;

/// An empty slot.
const EMPTY: u32 = u32::MAX;

/// Entry indexes by id (open addressing, linear probing, at most half full).
#[derive(Clone, Debug)]
pub(crate) struct IdIndex {
    slots: Vec<u32>,
    len: usize,
}

impl IdIndex {
    /// An empty index with room for `n` entries before it grows.
    pub(crate) fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            slots: vec![EMPTY; (2 * n).next_power_of_two().max(16)],
            len: 0,
        }
    }

    /// The slot where `id` is or would go.
    fn slot(&self, entries: &[GazetteerEntry], id: &str) -> usize {
        let mask = self.slots.len() - 1;
        // Fx hashes are weakest in their low bits: take the high ones.
        let h = FxBuildHasher
            .hash_one(id)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut s = (h >> (64 - self.slots.len().trailing_zeros())) as usize;
        loop {
            let e = self.slots[s];
            if e == EMPTY || entries[e as usize].id == id {
                return s;
            }
            s = (s + 1) & mask;
        }
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
            let mut bigger = IdIndex::with_capacity(2 * self.slots.len());
            for &e in self.slots.iter().filter(|&&e| e != EMPTY) {
                let s = bigger.slot(entries, &entries[e as usize].id);
                bigger.slots[s] = e;
            }
            bigger.len = self.len;
            *self = bigger;
        }
        let s = self.slot(entries, id);
        match self.slots[s] {
            EMPTY => {
                self.slots[s] = index;
                self.len += 1;
                Ok(())
            }
            first => Err(first),
        }
    }

    /// The index of the entry with id `id`.
    pub(crate) fn get(&self, entries: &[GazetteerEntry], id: &str) -> Option<u32> {
        let e = self.slots[self.slot(entries, id)];
        (e != EMPTY).then_some(e)
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
