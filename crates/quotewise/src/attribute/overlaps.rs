//! Overlapping candidates: partial quotes inside indirect speech make it
//! mixed; of overlapping reports and direct quotes the first is kept.

use super::Candidate;
use crate::model::QuoteKind;

/// Adds the indirect quotes; partial quotes inside one make it mixed and are
/// dropped as quotes of their own.
pub(super) fn absorb_partials(cands: &mut Vec<Candidate>, mut indirect: Vec<Candidate>) {
    // One pass over both lists, sorted by position.
    indirect.sort_by_key(|c| c.first());
    cands.sort_by_key(|c| c.first());
    let mut absorbed = vec![false; indirect.len()];
    let mut j = 0;
    cands.retain(|c| {
        if c.kind != QuoteKind::Partial {
            return true;
        }
        while j < indirect.len() && indirect[j].last() < c.first() {
            j += 1;
        }
        // Ranges may nest: look at the few that start before this one.
        let mut k = j;
        while k < indirect.len() && indirect[k].first() <= c.first() {
            if c.last() <= indirect[k].last() {
                absorbed[k] = true;
                return false;
            }
            k += 1;
        }
        true
    });
    for (mut ind, absorbed) in indirect.into_iter().zip(absorbed) {
        if absorbed {
            ind.kind = QuoteKind::Mixed;
        }
        cands.push(ind);
    }
}

/// Quotes never overlap, except a partial quote inside indirect or mixed
/// speech: a report found inside an earlier one's content (`X explained:
/// … Y said …`) or a partial quote crossing its end is dropped, the first
/// found in text order kept.
pub(super) fn drop_overlaps(cands: &mut Vec<Candidate>) {
    let (partials, others): (Vec<Candidate>, Vec<Candidate>) =
        cands.drain(..).partition(|c| c.kind == QuoteKind::Partial);
    // Reports and direct quotes: the first of overlapping ones wins.
    let mut kept: Vec<Candidate> = Vec::with_capacity(others.len() + partials.len());
    for c in others {
        if kept.last().is_some_and(|k| c.first() <= k.last()) {
            continue;
        }
        kept.push(c);
    }
    // Partial quotes: kept alone, or wholly inside indirect or mixed speech.
    let reports = kept.len();
    for p in partials {
        let (a, b) = (p.first(), p.last());
        let from = kept[..reports].partition_point(|k| k.last() < a);
        let to = kept[..reports].partition_point(|k| k.first() <= b);
        let ok = match &kept[from..to.max(from)] {
            [] => true,
            [k] => {
                k.first() <= a
                    && b <= k.last()
                    && matches!(k.kind, QuoteKind::Indirect | QuoteKind::Mixed)
            }
            _ => false,
        };
        if ok {
            kept.push(p);
        }
    }
    kept.sort_by_key(|c| c.first());
    *cands = kept;
}
