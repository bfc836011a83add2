//! Pacing the sharded page's work as a query's results stream in (used by `ui::sharded`).

/// Whether the results that arrived are listed now, or later (or, when the index cannot grow
/// by steps, rebuilt over them). Showing them costs time in proportion to every article found
/// so far (`cost`: the last time's cost per article times the articles now: the list is
/// derived over all of them), so while one query's results keep coming (a broad "search all")
/// they are shown at intervals of three times that: the page spends about a quarter of its
/// time on it, and stays free for typing and scrolling in between. Shown whenever the page was
/// free, it was busy nearly all the time (at 10k, `市` after search all: six long tasks of
/// 86–1,084 ms, 3 s of 5.8 s). The first results of a query (`fresh`) and its last (`last`:
/// done, paused or failed) are shown at once.
/// A show that is itself a long task (over 50 ms: input waits for it) waits ten times its cost
/// instead of three: the page spends under a tenth of its time on such tasks.
pub fn rebuild_due(now: f64, built_at: f64, cost: f64, fresh: bool, last: bool) -> bool {
    fresh || last || now - built_at >= show_interval(cost)
}

/// Whether the part of a long answer that the page's index holds so far (it is behind the
/// results: they arrive faster than it grows) is shown now, `cost` being what showing it is
/// estimated to cost (the last show's cost per article times the articles now) and `last` what
/// the last show cost. As for the whole answer ([`rebuild_due`]), at intervals of a few times
/// the estimate, but at least every [`PARTIAL_SHOW_MS`] (or four times the last show's cost,
/// if that is longer): the estimate scales a show that may have been of a handful of articles
/// (a query's first results, mostly fixed costs) and would put the next one off for seconds
/// while the list could have grown by thousands; a show that did cost much still leaves the
/// page three quarters of its time.
pub fn partial_show_due(now: f64, built_at: f64, cost: f64, last: f64) -> bool {
    now - built_at >= show_interval(cost).min(PARTIAL_SHOW_MS.max(4.0 * last))
}

/// The longest the list waits to show more of a long answer while it streams in (ms).
pub const PARTIAL_SHOW_MS: f64 = 1_000.0;

/// How long after the last show the next one is due, for a show costing `cost` ms.
pub fn show_interval(cost: f64) -> f64 {
    if cost > 50.0 {
        10.0 * cost
    } else {
        3.0 * cost
    }
}

/// How long one step of growing a sharded page's index may take (ms): a long answer is added
/// a step at a time, each in a task of its own, so typing and scrolling go on in between.
pub const GROW_STEP_MS: f64 = 20.0;

/// How much text (bytes) the next step adds, given what the last steps cost per byte (`0`:
/// none yet; the first step takes 256 KiB, about 20 ms in Chromium on this machine).
pub fn step_bytes(per_byte: f64) -> usize {
    if per_byte > 0.0 {
        (GROW_STEP_MS / per_byte) as usize
    } else {
        256 * 1024
    }
}

/// The cost per byte to size the next step by, after a step that cost `t` per byte: up at once
/// after a costly step (a merge of segments, a slow moment), but at most fourfold, and down by
/// a tenth of the difference after cheap ones, so a step seldom takes much longer than
/// [`GROW_STEP_MS`] and one very slow step (a pause of the whole tab) is forgotten within a
/// dozen steps. In Chromium on a busy 2-core machine steps of one size vary threefold from one
/// to the next (7.8 ms for 304 KB, then 47 ms for 536 KB): sized by the average, every third or
/// fourth step ran past 40 ms; sized near the costliest of the last ones, steps are more and
/// shorter.
pub fn next_per_byte(per_byte: f64, t: f64) -> f64 {
    let t = if per_byte > 0.0 {
        t.min(4.0 * per_byte)
    } else {
        t
    };
    t.max(0.9 * per_byte + 0.1 * t)
}

/// How many more articles "search all" finds before it pauses again: the number the page
/// sends (its `hold-step` setting, for a host that wants another: a whole number, taken from
/// 100 to 10,000,000), else 5,000. The page holds the text and an index of every article found:
/// about 40 KB of private memory per article of 1,900 characters (at 10k, holding the 7,778
/// articles of `市` took 300–330 MiB more: the page's wasm memory 182 MiB of it, about 24 KB an
/// article, the rest the worker's and the browser's), so 5,000 more cost some 200 MB.
pub fn hold_step(sent: Option<f64>) -> usize {
    match sent {
        Some(x) if x.is_finite() && x >= 1.0 => (x as usize).clamp(100, 10_000_000),
        _ => 5_000,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        next_per_byte, partial_show_due, rebuild_due, step_bytes, GROW_STEP_MS, PARTIAL_SHOW_MS,
    };

    /// The part an index holds of a long answer is shown a few times its cost apart, and a
    /// second apart however costly it is estimated to be, unless the last show itself cost
    /// more than a quarter of that.
    #[test]
    fn a_growing_answer_is_shown_at_least_every_second() {
        assert!(!partial_show_due(100.0, 0.0, 40.0, 10.0));
        assert!(partial_show_due(130.0, 0.0, 40.0, 10.0));
        assert!(!partial_show_due(900.0, 0.0, 300.0, 10.0));
        assert!(partial_show_due(PARTIAL_SHOW_MS, 0.0, 300.0, 10.0));
        assert!(partial_show_due(PARTIAL_SHOW_MS, 0.0, f64::INFINITY, 30.0));
        // A last show of 400 ms: the next one at least 1.6 s later.
        assert!(!partial_show_due(1_500.0, 0.0, 600.0, 400.0));
        assert!(partial_show_due(1_600.0, 0.0, 600.0, 400.0));
    }

    /// Steps sized by the last ones' cost stay near the target while the cost per byte varies
    /// (every `period`-th step costs three times as much: a merge, a busy moment), and add
    /// everything in a number of steps linear in the text.
    #[test]
    fn steps_stay_near_their_target_and_add_everything() {
        for period in 2..=12 {
            for total in [10_000_000usize, 100_000_000] {
                let (mut per, mut left, mut steps, mut over) = (0.0, total, 0, 0);
                let mut longest = 0.0f64;
                while left > 0 {
                    let b = step_bytes(per).min(left).max(1);
                    let cost = if steps % period == period - 1 {
                        120e-6
                    } else {
                        40e-6
                    };
                    let t = cost * b as f64;
                    // The first costly step is sized by cheap ones alone.
                    if steps >= period {
                        longest = longest.max(t);
                    }
                    if t > 1.5 * GROW_STEP_MS {
                        over += 1;
                    }
                    per = next_per_byte(per, t / b as f64);
                    left -= b;
                    steps += 1;
                }
                // Costly steps 5 or fewer apart: none over (one at first); farther apart, a
                // costly step after many cheap ones may run over, by less than twice.
                if period <= 5 {
                    assert!(over <= 1, "period {period}: {over} of {steps} steps over");
                }
                assert!(
                    longest <= 2.0 * GROW_STEP_MS,
                    "period {period}: longest step {longest:.1} ms"
                );
                // About 40–120 µs per KB: every step adds at least a sixth of a cheap step's
                // text.
                let cheap = GROW_STEP_MS / 40e-6;
                assert!(
                    steps as f64 <= 6.0 * total as f64 / cheap + 2.0,
                    "period {period}: {steps} steps"
                );
            }
        }
    }

    /// One very slow step (the tab paused, 20 times the cost) shrinks the next steps, and they
    /// are back to half their size within a dozen steps.
    #[test]
    fn one_slow_step_is_soon_forgotten() {
        let mut per = 0.0;
        for _ in 0..50 {
            per = next_per_byte(per, 40e-6);
        }
        let steady = step_bytes(per);
        per = next_per_byte(per, 20.0 * 40e-6);
        assert!(step_bytes(per) < steady / 3, "a slow step shrinks the next");
        let mut back = 0;
        while step_bytes(per) < steady / 2 {
            per = next_per_byte(per, 40e-6);
            back += 1;
            assert!(back <= 12, "still small after {back} steps");
        }
    }

    #[test]
    fn pause_steps_and_hold() {
        assert_eq!(step_bytes(0.0), 256 * 1024);
        assert_eq!(super::hold_step(None), 5_000);
        assert_eq!(super::hold_step(Some(500.0)), 500);
        assert_eq!(super::hold_step(Some(1.0)), 100);
        assert_eq!(super::hold_step(Some(f64::NAN)), 5_000);
        assert_eq!(super::hold_step(Some(-3.0)), 5_000);
        assert_eq!(super::hold_step(Some(1e300)), 10_000_000);
        assert_eq!(next_per_byte(1.0, 3.0), 3.0);
        assert!((next_per_byte(3.0, 1.0) - 2.8).abs() < 1e-9);
        assert_eq!(next_per_byte(1.0, 30.0), 4.0);
        assert_eq!(next_per_byte(0.0, 30.0), 30.0);
    }

    /// Simulates a query whose results arrive at `rate` articles per ms for `ms`, in a batch
    /// every 16 ms, each rebuild costing `c` ms per article found so far, and returns the total
    /// cost of the rebuilds and the longest gap between two of them.
    fn simulate(rate: f64, c: f64, ms: f64, pace: bool) -> (f64, f64) {
        let (mut built_at, mut per, mut total, mut gap) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut first = true;
        let mut t = 16.0;
        while t <= ms {
            let found = rate * t;
            let last = t + 16.0 > ms;
            let due = !pace || rebuild_due(t, built_at, per * found, first, last);
            if due {
                let cost = c * found;
                total += cost;
                if !first {
                    gap = gap.max(t - built_at);
                }
                built_at = t + cost;
                per = cost / found;
                first = false;
                // The next batch comes once this rebuild is over.
                t = built_at;
            }
            t += 16.0;
        }
        (total, gap)
    }

    #[test]
    fn rebuilds_take_a_bounded_share_and_grow_linearly_with_the_results() {
        // 1.3 articles per ms, 0.17 ms per article per rebuild: about what search all of `市`
        // at 10k costs in Chromium on this machine.
        let (rate, c) = (1.3, 0.17);
        for ms in [6_000.0, 60_000.0] {
            let last = c * rate * ms;
            // A rebuild with every batch the page is free for: it is busy nearly all the time.
            let (busy, _) = simulate(rate, c, ms, false);
            assert!(busy > 0.8 * ms, "unpaced: {busy:.0} ms of {ms} ms");
            // Paced: under a tenth of the time (these are long tasks), plus the last rebuild
            // (of every result).
            let (paced, gap) = simulate(rate, c, ms, true);
            assert!(paced <= 0.12 * ms + last, "paced: {paced:.0} ms of {ms} ms");
            // The list still follows: never more than ten last rebuilds' time apart.
            assert!(gap <= 11.0 * last, "gap {gap:.0} ms");
        }
        // Ten times the results, about ten times the cost.
        let (t1, _) = simulate(rate, c, 6_000.0, true);
        let (t10, _) = simulate(rate, c, 60_000.0, true);
        assert!(
            (8.0..13.0).contains(&(t10 / t1)),
            "{t1:.0} ms, then {t10:.0} ms"
        );
    }

    #[test]
    fn first_and_last_results_are_rebuilt_at_once() {
        assert!(rebuild_due(1.0, 0.0, 1e9, true, false));
        assert!(rebuild_due(1.0, 0.0, 1e9, false, true));
        assert!(!rebuild_due(100.0, 0.0, 50.0, false, false));
        assert!(rebuild_due(150.0, 0.0, 50.0, false, false));
        // A cheap rebuild (a few articles) is done with every batch.
        assert!(rebuild_due(16.0, 0.0, 2.0, false, false));
        // One that is a long task waits ten times its cost.
        assert!(!rebuild_due(300.0, 0.0, 60.0, false, false));
        assert!(rebuild_due(600.0, 0.0, 60.0, false, false));
    }
}
