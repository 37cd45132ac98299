//! Walking an aho-corasick DFA by hand, through its public `Automaton` interface: the secret
//! scanner's prefilter and the providers' error-body texts both find their literals this way,
//! with only the DFA linked in (not the `AhoCorasick` wrapper and its other searchers, which
//! would add to the wasm module).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;

/// Texts shorter than this are walked as one stream.
pub(crate) const TWO_STREAMS_FROM: usize = 8 * 1024;

/// Every occurrence of every pattern in `hay` (overlapping), in order of their ends, as
/// `(pattern, end)` (8 bytes each: a hostile text may yield `cap` of them); at most `cap`.
///
/// A DFA walk is a chain of dependent table lookups, so one walk leaves most of the CPU idle.
/// Long texts are walked as two halves at once: the lookups of one half run while the other's
/// wait, which nearly doubles the speed (natively and in wasm). The second half starts early by
/// the longest pattern's length and reports only matches that end inside it, so a match across
/// the middle is found once. Texts are far below 4 GiB (see `limits`); longer ones are cut.
pub(crate) fn occurrences(dfa: &DFA, hay: &[u8], cap: usize) -> Vec<(u32, u32)> {
    let Ok(start) = dfa.start_state(Anchored::No) else { return Vec::new() };
    let hay = &hay[..hay.len().min(u32::MAX as usize)];
    let report = |out: &mut Vec<(u32, u32)>, sid, end: usize| {
        for i in 0..dfa.match_len(sid) {
            out.push((dfa.match_pattern(sid, i).as_u32(), end as u32));
        }
    };
    let mut out: Vec<(u32, u32)> = Vec::new();
    let n = hay.len();
    if n < TWO_STREAMS_FROM {
        let mut sid = start;
        for (i, &b) in hay.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                report(&mut out, sid, i + 1);
                if out.len() >= cap {
                    break;
                }
            }
        }
        out.truncate(cap);
        return out;
    }
    let mid = n / 2;
    let b_from = mid - dfa.max_pattern_len().saturating_sub(1).min(mid);
    let (mut sa, mut sb) = (start, start);
    let mut second: Vec<(u32, u32)> = Vec::new();
    // Both halves step together over the first half's length.
    let steps = mid.min(n - b_from);
    // Zipped slices rather than indexes: no bounds checks in the loop, even when compiled for size.
    for (i, (&a, &b)) in hay[..steps].iter().zip(&hay[b_from..b_from + steps]).enumerate() {
        sa = dfa.next_state(Anchored::No, sa, a);
        sb = dfa.next_state(Anchored::No, sb, b);
        if dfa.is_special(sa) && dfa.is_match(sa) && out.len() < cap {
            report(&mut out, sa, i + 1);
        }
        if dfa.is_special(sb) && dfa.is_match(sb) && b_from + i + 1 > mid && second.len() < cap {
            report(&mut second, sb, b_from + i + 1);
        }
    }
    // The rest of the second half (longer by the overlap, and by one byte when `n` is odd).
    let mut j = b_from + steps;
    while j < n && out.len() + second.len() < cap {
        sb = dfa.next_state(Anchored::No, sb, hay[j]);
        j += 1;
        if dfa.is_special(sb) && dfa.is_match(sb) && j > mid {
            report(&mut second, sb, j);
        }
    }
    out.truncate(cap);
    out.extend(second);
    out.truncate(cap);
    out
}
