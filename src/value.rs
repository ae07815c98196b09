//! Values that claims and canon facts share: intervals of numbers and partial dates.
//!
//! Every figure canonlint compares is an interval, because prose is rarely exact: "over
//! 90,000" is (90000, inf), a bare "92,000" is a rounded figure with a small tolerance, and
//! a pack's "more than 92,000" is (92000, inf). Two figures contradict only when their
//! intervals are disjoint; this is what keeps compatible claims silent.

use std::fmt;

/// A closed or half-open interval of real numbers; `hi` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Whether `lo` itself is excluded.
    pub lo_open: bool,
    /// Upper bound (`f64::INFINITY` for none).
    pub hi: f64,
    /// Whether `hi` itself is excluded.
    pub hi_open: bool,
}

impl Interval {
    /// Exactly one value.
    pub fn exact(v: f64) -> Self {
        Self::closed(v, v)
    }

    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            lo_open: false,
            hi,
            hi_open: false,
        }
    }

    /// `(v, inf)`: "more than v".
    pub fn above(v: f64) -> Self {
        Interval {
            lo: v,
            lo_open: true,
            hi: f64::INFINITY,
            hi_open: true,
        }
    }

    /// `[v, inf)`: "at least v".
    pub fn at_least(v: f64) -> Self {
        Interval {
            lo: v,
            lo_open: false,
            hi: f64::INFINITY,
            hi_open: true,
        }
    }

    /// `[0, v)`: "fewer than v".
    pub fn below(v: f64) -> Self {
        Interval {
            lo: 0.0,
            lo_open: false,
            hi: v,
            hi_open: true,
        }
    }

    /// `[0, v]`: "at most v".
    pub fn at_most(v: f64) -> Self {
        Self::closed(0.0, v)
    }

    /// The interval a rounded figure stands for: a figure with trailing zeros ("92,000")
    /// may be rounded by half a unit of its last significant digit, capped at 2.5% so that
    /// "20,000" still excludes "18,000". A figure with no trailing zeros is exact.
    pub fn rounded(v: f64, unit: f64) -> Self {
        let tolerance = (unit / 2.0).min(v.abs() * 0.025);
        if tolerance < 1.0 {
            return Self::exact(v);
        }
        Self::closed(v - tolerance, v + tolerance)
    }

    /// Whether every value of this interval is under a hundredth of every value of
    /// `other`: a count that small beside a toll is of a part ("forty died in the school
    /// dome"), not a rival total.
    pub fn far_below(&self, other: &Interval) -> bool {
        self.hi.is_finite() && self.hi * 100.0 < other.lo
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (lo, lo_open) = max_lo(self, other);
        let (hi, hi_open) = min_hi(self, other);
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }
}

fn max_lo(a: &Interval, b: &Interval) -> (f64, bool) {
    if a.lo > b.lo {
        (a.lo, a.lo_open)
    } else if b.lo > a.lo {
        (b.lo, b.lo_open)
    } else {
        (a.lo, a.lo_open || b.lo_open)
    }
}

fn min_hi(a: &Interval, b: &Interval) -> (f64, bool) {
    if a.hi < b.hi {
        (a.hi, a.hi_open)
    } else if b.hi < a.hi {
        (b.hi, b.hi_open)
    } else {
        (a.hi, a.hi_open || b.hi_open)
    }
}

/// The unit of the last significant digit of an integer figure: 92000 -> 1000, 92143 -> 1.
pub fn last_digit_unit(v: f64) -> f64 {
    if v.fract() != 0.0 || v == 0.0 {
        return 1.0;
    }
    let mut unit = 1.0;
    while v % (unit * 10.0) == 0.0 {
        unit *= 10.0;
    }
    unit
}

/// A number written the way people read it: 92000 -> "92,000", 1.5e6 -> "1,500,000".
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return "infinity".to_string();
    }
    // At most three decimals, rounded first so that 12.9996 is "13".
    let thousandths = (v.abs() * 1000.0).round() as u128;
    let (whole, frac) = (thousandths / 1000, thousandths % 1000);
    let digits = whole.to_string();
    let mut out = String::new();
    if v < 0.0 && thousandths > 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if frac > 0 {
        out.push('.');
        out.push_str(format!("{frac:03}").trim_end_matches('0'));
    }
    out
}

/// A date of which any part may be unknown: "2385", "April 5", "April 5, 2385".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year, if given.
    pub year: Option<i32>,
    /// The month, 1 to 12, if given.
    pub month: Option<u8>,
    /// The day of the month, if given.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date from its parts.
    pub fn new(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> PartialDate {
        PartialDate { year, month, day }
    }

    /// Two dates agree when every part that both give is equal.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        same(self.year, other.year) && same(self.month, other.month) && same(self.day, other.day)
    }

    /// Parses the pack spelling of a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year = Some(parts.next()?.parse().ok()?);
        let month = match parts.next() {
            Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }
}

/// The month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = self.month.map(|m| MONTHS[usize::from(m - 1)]);
        match (month, self.day, self.year) {
            (Some(m), Some(d), Some(y)) => write!(f, "{m} {d}, {y}"),
            (Some(m), Some(d), None) => write!(f, "{m} {d}"),
            (Some(m), None, Some(y)) => write!(f, "{m} {y}"),
            (Some(m), None, None) => write!(f, "{m}"),
            (None, _, Some(y)) => write!(f, "{y}"),
            (None, _, None) => write!(f, "an unknown date"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_ninety_thousand_is_compatible_with_more_than_92000() {
        assert!(Interval::above(90_000.0).overlaps(&Interval::above(92_000.0)));
    }

    #[test]
    fn twenty_thousand_excludes_more_than_92000() {
        let claim = Interval::rounded(20_000.0, last_digit_unit(20_000.0));
        assert!(!claim.overlaps(&Interval::above(92_000.0)));
    }

    #[test]
    fn rounded_figures_keep_a_small_tolerance() {
        let canon = Interval::rounded(20_000.0, 10_000.0);
        assert!(canon.overlaps(&Interval::above(20_000.0)));
        assert!(!canon.overlaps(&Interval::exact(18_000.0)));
        assert_eq!(Interval::rounded(14.0, 1.0), Interval::exact(14.0));
    }

    #[test]
    fn touching_open_ends_do_not_overlap() {
        assert!(!Interval::below(92_000.0).overlaps(&Interval::at_least(92_000.0)));
        assert!(Interval::at_most(92_000.0).overlaps(&Interval::at_least(92_000.0)));
    }

    #[test]
    fn last_digit_unit_of_figures() {
        assert_eq!(last_digit_unit(92_000.0), 1000.0);
        assert_eq!(last_digit_unit(92_143.0), 1.0);
        assert_eq!(last_digit_unit(1_500_000.0), 100_000.0);
    }

    #[test]
    fn numbers_format_with_commas() {
        assert_eq!(format_number(92_000.0), "92,000");
        assert_eq!(format_number(1_500_000.0), "1,500,000");
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(12.9996), "13");
        assert_eq!(format_number(2.0001), "2");
        assert_eq!(format_number(0.05), "0.05");
    }

    #[test]
    fn dates_agree_on_shared_parts() {
        let canon = PartialDate::parse_iso("2385-04-05").unwrap();
        let april5 = PartialDate {
            year: None,
            month: Some(4),
            day: Some(5),
        };
        assert!(april5.agrees_with(&canon));
        assert!(!PartialDate::parse_iso("2386").unwrap().agrees_with(&canon));
        assert_eq!(canon.to_string(), "April 5, 2385");
        assert!(PartialDate::parse_iso("2385-13").is_none());
    }
}
