//! A byte trie for anchored, longest-match lookups of the gazetteer's keys.
//!
//! The matcher only ever searches anchored at word starts (see
//! [`super::matcher`]), so it needs the trie of an Aho–Corasick automaton
//! but none of its failure transitions, which are most of the cost of
//! building one: for a million aliases, 4.3–5.3 of 7–8 seconds of compile
//! (the `aho-corasick` crate computes them even for anchored-only
//! automata). This trie is built in one breadth-first pass over the sorted
//! keys, with no pointers chased: a million aliases in well under a second.
//!
//! Nodes are numbered breadth-first, so the children of a node are
//! consecutive nodes: one offset per node finds them, and their edge bytes
//! (sorted) sit side by side in one array, read in one or two cache lines.
//! The root's children are found through a dense table.

use std::fmt;

/// No key ends at this node.
const NONE: u32 = u32::MAX;

/// A set of byte strings (keys), each with the id of its rank in sorted order.
pub(crate) struct Trie {
    /// For node `v`, `nodes[v].first..nodes[v + 1].first` are its children;
    /// one more element than there are nodes.
    nodes: Vec<Node>,
    /// The byte on the edge into each node (sorted among siblings); the
    /// root's is unused.
    label: Vec<u8>,
    /// The child of the root on each byte, or 0 for none (the root is no
    /// one's child).
    root: Box<[u32; 256]>,
}

#[derive(Clone, Copy)]
struct Node {
    /// The first child.
    first: u32,
    /// The key that ends here, or [`NONE`].
    key: u32,
}

/// The keys have more bytes than node ids can count.
#[derive(Debug)]
pub(crate) struct TooBig;

impl fmt::Display for TooBig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "too big; expected at most 2^30 entries and 4 GiB of folded names"
        )
    }
}

impl Trie {
    /// The trie of `keys`, which must be sorted and distinct; key `i` gets
    /// id `i`.
    ///
    /// Level by level: the nodes of one depth are ranges of `keys` that
    /// share a prefix of that length, in order; each range is split by the
    /// byte that follows the prefix into the next level's nodes. Every key
    /// is read once per byte, in order.
    pub(crate) fn new(keys: &[&[u8]]) -> Result<Trie, TooBig> {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
        let bytes: usize = keys.iter().map(|k| k.len()).sum();
        // Each byte adds at most one node; the root and the end marker two more.
        if bytes >= (NONE - 2) as usize {
            return Err(TooBig);
        }
        let mut nodes: Vec<Node> = Vec::new();
        let mut label: Vec<u8> = vec![0];
        let mut level: Vec<(u32, u32)> = vec![(0, keys.len() as u32)];
        let mut next: Vec<(u32, u32)> = Vec::new();
        let mut depth = 0;
        while !level.is_empty() {
            next.clear();
            for &(lo, hi) in &level {
                let (mut i, hi) = (lo as usize, hi as usize);
                let key = if i < hi && keys[i].len() == depth {
                    // Sorted and distinct: only the first key of the range
                    // can end here.
                    i += 1;
                    (i - 1) as u32
                } else {
                    NONE
                };
                nodes.push(Node {
                    first: label.len() as u32,
                    key,
                });
                while i < hi {
                    let b = keys[i][depth];
                    let mut j = i + 1;
                    while j < hi && keys[j][depth] == b {
                        j += 1;
                    }
                    label.push(b);
                    next.push((i as u32, j as u32));
                    i = j;
                }
            }
            std::mem::swap(&mut level, &mut next);
            depth += 1;
        }
        nodes.push(Node {
            first: label.len() as u32,
            key: NONE,
        });
        let mut root = Box::new([0u32; 256]);
        for c in nodes[0].first..nodes[1].first {
            root[usize::from(label[c as usize])] = c;
        }
        nodes.shrink_to_fit();
        label.shrink_to_fit();
        Ok(Trie { nodes, label, root })
    }

    /// The number of keys' bytes stored, one per node.
    #[cfg(test)]
    fn nodes(&self) -> usize {
        self.label.len()
    }

    /// The child of node `v` on byte `b`.
    #[inline]
    fn child(&self, v: u32, b: u8) -> Option<u32> {
        if v == 0 {
            let c = self.root[usize::from(b)];
            return (c != 0).then_some(c);
        }
        let v = v as usize;
        let (lo, hi) = (
            self.nodes[v].first as usize,
            self.nodes[v + 1].first as usize,
        );
        let siblings = &self.label[lo..hi];
        let k = if siblings.len() <= 16 {
            siblings.iter().position(|&l| l == b)
        } else {
            siblings.binary_search(&b).ok()
        };
        k.map(|k| (lo + k) as u32)
    }

    /// The id of `key`, if it is one of the keys.
    pub(crate) fn get(&self, key: &[u8]) -> Option<u32> {
        let mut v = 0;
        for &b in key {
            v = self.child(v, b)?;
        }
        let k = self.nodes[v as usize].key;
        (k != NONE).then_some(k)
    }

    /// The longest non-empty key that `hay` starts with and whose length
    /// `accept`s, as `(id, length)`.
    #[inline]
    pub(crate) fn longest_prefix(
        &self,
        hay: &[u8],
        accept: impl Fn(usize) -> bool,
    ) -> Option<(u32, usize)> {
        let mut v = 0;
        let mut best = None;
        for (i, &b) in hay.iter().enumerate() {
            let Some(c) = self.child(v, b) else { break };
            v = c;
            let k = self.nodes[v as usize].key;
            if k != NONE && accept(i + 1) {
                best = Some((k, i + 1));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(keys: &[&str]) -> Trie {
        let mut keys: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        keys.sort_unstable();
        keys.dedup();
        Trie::new(&keys).expect("small")
    }

    #[test]
    fn get_finds_exactly_the_keys() {
        let keys = ["a", "ab", "abc", "b", "ba", "putin", "pu", "", "é"];
        let t = trie(&keys);
        let mut sorted = keys.map(str::as_bytes);
        sorted.sort_unstable();
        for (id, k) in sorted.iter().enumerate() {
            assert_eq!(t.get(k), Some(id as u32), "{k:?}");
        }
        for k in ["abcd", "c", "put", "putins", "e", "\u{301}"] {
            assert_eq!(t.get(k.as_bytes()), None, "{k:?}");
        }
        // The root and one node per distinct non-empty prefix: a ab abc b
        // ba p pu put puti putin, and the two bytes of é.
        assert_eq!(t.nodes(), 1 + 12);
    }

    #[test]
    fn longest_prefix_takes_the_longest_accepted_key() {
        let t = trie(&["joe", "joe biden", "joe b", "j"]);
        let id = |k: &str| t.get(k.as_bytes()).unwrap();
        let hay = b"joe bidens and";
        assert_eq!(t.longest_prefix(hay, |_| true), Some((id("joe biden"), 9)));
        assert_eq!(t.longest_prefix(hay, |n| n < 9), Some((id("joe b"), 5)));
        let words = |hay: &[u8]| t.longest_prefix(hay, |n| hay.get(n).is_none_or(|&b| b == b' '));
        assert_eq!(words(hay), Some((id("joe"), 3)));
        assert_eq!(words(b"joe biden"), Some((id("joe biden"), 9)));
        assert_eq!(words(b"joe biden jo"), Some((id("joe biden"), 9)));
        assert_eq!(t.longest_prefix(b"x", |_| true), None);
        assert_eq!(t.longest_prefix(b"", |_| true), None);
        // The empty key is never a prefix match.
        let t = trie(&["", "a"]);
        assert_eq!(t.longest_prefix(b"b", |_| true), None);
    }

    #[test]
    fn nodes_of_every_width_find_their_children() {
        for width in 0..=20u8 {
            // Children 0, 2, 4, …: the odd bytes are missing.
            let keys: Vec<Vec<u8>> = (0..width).map(|i| vec![b'x', 2 * i]).collect();
            let refs: Vec<&[u8]> = keys.iter().map(Vec::as_slice).collect();
            let t = Trie::new(&refs).expect("small");
            for b in 0..=255u8 {
                let want = (b % 2 == 0 && b / 2 < width).then_some(u32::from(b / 2));
                assert_eq!(t.get(&[b'x', b]), want, "width {width}, byte {b}");
            }
        }
    }

    #[test]
    fn wide_nodes_use_binary_search() {
        // Every byte value after "x": a node with 256 children.
        let keys: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b'x', b]).collect();
        let refs: Vec<&[u8]> = keys.iter().map(Vec::as_slice).collect();
        let t = Trie::new(&refs).expect("small");
        for (id, k) in refs.iter().enumerate() {
            assert_eq!(t.get(k), Some(id as u32));
            assert_eq!(
                t.longest_prefix(&[k[0], k[1], b'z'], |_| true),
                Some((id as u32, 2))
            );
        }
    }
}
