//! The timestamps the engine reads and writes, parsed and formatted by hand so that `time`'s
//! parsing and formatting machinery (its well-known formats and format-description interpreter,
//! 47 kB of the wasm module) stays out of the build. `time` still supplies the calendar: every
//! value goes through [`Date::from_calendar_date`], [`Time::from_hms_nano`] and
//! [`UtcOffset::from_hms`], so a date that does not exist (30 February, hour 24, offset +26:00)
//! is rejected there.
//!
//! - [`rfc3339`]: HAR `startedDateTime` (`2026-10-14T09:30:00.123Z`, `…+02:00`).
//! - [`http_date`]: the HTTP `Date` header in all three forms RFC 9110 §5.6.7 asks recipients to
//!   accept, plus the RFC 2822 forms `time`'s `Rfc2822` parser accepted.
//! - [`amz_date`]: AWS SigV4 `X-Amz-Date` (`20261014T093000Z`).
//! - [`format_rfc3339`]: the inverse of [`rfc3339`], as reports write times.
//!
//! All of them return `None` on anything they do not recognise, never panic, and read the input
//! as bytes (a multi-byte character simply fails to match), so no slice can split a character.
//! Surrounding whitespace is ignored.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Parse an RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
///
/// What `time`'s `Rfc3339` parser accepts, except that the date and time must be separated by
/// `T`, `t` or a space (it took any byte). `Z` may be lower case; the fraction may have any
/// number of digits (past nanoseconds they are dropped); the offset hour is at most 23. A leap
/// second (`:60`) is accepted only where one can occur, at 23:59:60 UTC on the last day of a
/// month, and reads as 23:59:59.999999999. The offset is kept as written.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn rfc3339(s: &str) -> Option<OffsetDateTime> {
    let mut c = Cursor(s.trim().as_bytes());
    let year = c.digits(4)?;
    c.byte(b'-')?;
    let month = c.digits(2)?;
    c.byte(b'-')?;
    let day = c.digits(2)?;
    if !c.take_if(|b| matches!(b, b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute, second) = c.hms()?;
    let mut nanos = 0;
    if c.byte(b'.').is_some() {
        let mut scale = 100_000_000;
        let first = c.digit()?;
        nanos = first * scale;
        while let Some(d) = c.digit() {
            scale /= 10;
            nanos += d * scale;
        }
    }
    let offset = if c.take_if(|b| b.eq_ignore_ascii_case(&b'z')) {
        UtcOffset::UTC
    } else {
        let negative = c.sign()?;
        let h = c.digits(2).filter(|h| *h <= 23)?;
        c.byte(b':')?;
        let m = c.digits(2)?;
        offset(negative, h, m)?
    };
    c.end()?;
    build(year, month, day, (hour, minute, second), nanos, offset)
}

/// Parse an HTTP `Date` (RFC 9110 §5.6.7), in any of its three forms:
///
/// - IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, read with the RFC 2822 §3.3 grammar and its
///   obsolete forms (§4.3) as `time`'s `Rfc2822` parser did: optional weekday, one- or two-digit
///   day, two-digit years (`00`–`49` are 20xx, `50`–`99` 19xx; four-digit years from 1900),
///   optional seconds, comments and folding white space between the parts, numeric zones
///   (`+0000`, `-0500`), `UT`/`GMT`, the US zones (`EST` … `PDT`) and single-letter military
///   zones, which RFC 2822 says to read as UTC (their signs were historically reversed);
/// - the obsolete RFC 850 form, `Sunday, 06-Nov-94 08:49:37 GMT` (a four-digit year, as
///   Netscape cookie dates write it, is accepted too);
/// - the obsolete asctime form, `Sun Nov  6 08:49:37 1994`, which is in UTC.
///
/// Beyond `time`'s parser, it also accepts a full weekday name, `UTC` as a zone, and a zone name
/// followed by a comment or white space; names are case-insensitive. The weekday is not checked
/// against the date (neither did `time`). A two-digit year uses the RFC 2822 pivot above rather
/// than RFC 9110's "not more than 50 years in the future", which would need a clock. Where
/// `time` read `-0030` as +00:30, this reads it as -00:30.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn http_date(s: &str) -> Option<OffsetDateTime> {
    let b = s.trim().as_bytes();
    imf(Cursor(b)).or_else(|| rfc850(Cursor(b))).or_else(|| asctime(Cursor(b)))
}

/// Parse an AWS SigV4 `X-Amz-Date`: `YYYYMMDDTHHMMSSZ`, in UTC (`T` and `Z` upper case).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn amz_date(s: &str) -> Option<OffsetDateTime> {
    let mut c = Cursor(s.trim().as_bytes());
    let (year, month, day) = (c.digits(4)?, c.digits(2)?, c.digits(2)?);
    c.byte(b'T')?;
    let (hour, minute, second) = (c.digits(2)?, c.digits(2)?, c.digits(2)?);
    c.byte(b'Z')?;
    c.end()?;
    // No leap second here: the format has no room for one.
    if second > 59 {
        return None;
    }
    build(year, month, day, (hour, minute, second), 0, UtcOffset::UTC)
}

/// Format as RFC 3339, the way `time`'s `Rfc3339` formatter does: `2026-10-14T09:30:00Z`,
/// `2026-10-14T09:30:00.12+02:00` (fraction only when non-zero, without trailing zeros; `Z` for
/// a zero offset). `None` for a year outside 0–9999 or an offset with seconds or over 23 hours,
/// which RFC 3339 cannot write.
pub fn format_rfc3339(t: OffsetDateTime) -> Option<String> {
    use std::fmt::Write as _;
    let (oh, om, os) = t.offset().as_hms();
    if !(0..10_000).contains(&t.year()) || oh.unsigned_abs() > 23 || os != 0 {
        return None;
    }
    let mut out = String::with_capacity(35);
    let _ = write!(out, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute(), t.second());
    if t.nanosecond() != 0 {
        let frac = format!("{:09}", t.nanosecond());
        out.push('.');
        out.push_str(frac.trim_end_matches('0'));
    }
    if t.offset().is_utc() {
        out.push('Z');
    } else {
        let sign = if t.offset().is_negative() { '-' } else { '+' };
        let _ = write!(out, "{sign}{:02}:{:02}", oh.unsigned_abs(), om.unsigned_abs());
    }
    Some(out)
}

/// IMF-fixdate and the rest of RFC 2822 §3.3 / §4.3 (see [`http_date`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn imf(mut c: Cursor) -> Option<OffsetDateTime> {
    c.cfws();
    if c.weekday() {
        c.cfws();
        c.byte(b',')?;
        c.cfws();
    }
    let day = c.one_or_two_digits()?;
    c.need_cfws()?;
    let month = c.month()?;
    c.need_cfws()?;
    let year = c.year()?;
    c.need_cfws()?;
    let hour = c.digits(2)?;
    c.cfws();
    c.byte(b':')?;
    c.cfws();
    let minute = c.digits(2)?;
    // Seconds are optional: look ahead for `[CFWS] ":" [CFWS] 2DIGIT`.
    let mut ahead = c;
    ahead.cfws();
    let second = match ahead.byte(b':') {
        Some(()) => {
            ahead.cfws();
            let s = ahead.digits(2)?;
            c = ahead;
            s
        }
        None => 0,
    };
    c.need_cfws()?;
    let offset = c.zone()?;
    c.cfws();
    c.end()?;
    build(year, month, day, (hour, minute, second), 0, offset)
}

/// `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850; see [`http_date`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn rfc850(mut c: Cursor) -> Option<OffsetDateTime> {
    if !c.weekday() {
        return None;
    }
    c.byte(b',')?;
    c.need_spaces()?;
    let day = c.one_or_two_digits()?;
    c.byte(b'-')?;
    let month = c.month()?;
    c.byte(b'-')?;
    let year = c.year()?;
    c.need_spaces()?;
    let hms = c.hms()?;
    c.need_spaces()?;
    let offset = c.zone()?;
    c.spaces();
    c.end()?;
    build(year, month, day, hms, 0, offset)
}

/// `Sun Nov  6 08:49:37 1994` (C's asctime; see [`http_date`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn asctime(mut c: Cursor) -> Option<OffsetDateTime> {
    if !c.weekday() {
        return None;
    }
    c.need_spaces()?;
    let month = c.month()?;
    c.need_spaces()?;
    let day = c.one_or_two_digits()?;
    c.need_spaces()?;
    let hms = c.hms()?;
    c.need_spaces()?;
    let year = c.digits(4)?;
    c.end()?;
    build(year, month, day, hms, 0, UtcOffset::UTC)
}

/// A zone offset from its parts; `negative` applies to both (`-00:30` is half an hour west).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn offset(negative: bool, hours: u32, minutes: u32) -> Option<UtcOffset> {
    let (h, m) = (i8::try_from(hours).ok()?, i8::try_from(minutes).ok()?);
    let (h, m) = if negative { (-h, -m) } else { (h, m) };
    UtcOffset::from_hms(h, m, 0).ok()
}

/// Validate and assemble. A second of 60 is a leap second: it reads as 23:59:59.999999999 and
/// is accepted only if that is the last instant of a month in UTC (as `time` did).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn build(year: u32, month: u32, day: u32, (hour, minute, second): (u32, u32, u32), nanos: u32, offset: UtcOffset) -> Option<OffsetDateTime> {
    let leap = second == 60;
    let (second, nanos) = if leap { (59, 999_999_999) } else { (second, nanos) };
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()?;
    let time = Time::from_hms_nano(u8::try_from(hour).ok()?, u8::try_from(minute).ok()?, u8::try_from(second).ok()?, nanos).ok()?;
    let t = PrimitiveDateTime::new(date, time).assume_offset(offset);
    if leap {
        let utc = t.checked_to_offset(UtcOffset::UTC)?;
        let last_instant = (utc.hour(), utc.minute(), utc.second()) == (23, 59, 59) && utc.day() == utc.month().length(utc.year());
        if !last_instant {
            return None;
        }
    }
    Some(t)
}

const MONTHS: [&[u8; 3]; 12] = [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
/// Weekday names: the three-letter form, then the rest of the full name.
const WEEKDAYS: [(&[u8; 3], &[u8]); 7] =
    [(b"mon", b"day"), (b"tue", b"sday"), (b"wed", b"nesday"), (b"thu", b"rsday"), (b"fri", b"day"), (b"sat", b"urday"), (b"sun", b"day")];

/// The unread rest of the input. Every read checks the length first; nothing here can panic.
#[derive(Clone, Copy)]
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    /// `Some(())` at the end of the input.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn end(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }

    /// Consume the next byte if `f` accepts it.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn take_if(&mut self, f: impl Fn(&u8) -> bool) -> bool {
        match self.0.split_first() {
            Some((b, rest)) if f(b) => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    /// Consume exactly `b`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn byte(&mut self, b: u8) -> Option<()> {
        self.take_if(|x| *x == b).then_some(())
    }

    /// Consume one ASCII digit.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn digit(&mut self) -> Option<u32> {
        let d = *self.0.first().filter(|b| b.is_ascii_digit())?;
        self.0 = self.0.get(1..)?;
        Some(u32::from(d - b'0'))
    }

    /// Consume exactly `n` (at most 4) ASCII digits.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn digits(&mut self, n: usize) -> Option<u32> {
        let mut v = 0;
        for _ in 0..n {
            v = v * 10 + self.digit()?;
        }
        Some(v)
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn one_or_two_digits(&mut self) -> Option<u32> {
        let first = self.digit()?;
        Some(match self.digit() {
            Some(second) => first * 10 + second,
            None => first,
        })
    }

    /// `HH:MM:SS` (ranges are checked by [`build`]).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn hms(&mut self) -> Option<(u32, u32, u32)> {
        let h = self.digits(2)?;
        self.byte(b':')?;
        let m = self.digits(2)?;
        self.byte(b':')?;
        Some((h, m, self.digits(2)?))
    }

    /// `+` or `-`: `Some(true)` for negative.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn sign(&mut self) -> Option<bool> {
        if self.byte(b'-').is_some() {
            Some(true)
        } else {
            self.byte(b'+').map(|()| false)
        }
    }

    /// A year of four digits (1900 or later) or two (RFC 2822 §4.3: 00–49 → 20xx, 50–99 →
    /// 19xx). Other lengths are refused.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn year(&mut self) -> Option<u32> {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        match len {
            4 => self.digits(4).filter(|y| *y >= 1900),
            2 => self.digits(2).map(|y| if y < 50 { 2000 + y } else { 1900 + y }),
            _ => None,
        }
    }

    /// The run of ASCII letters at the start (empty if there is none).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn word(&self) -> &'a [u8] {
        let len = self.0.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        self.0.get(..len).unwrap_or_default()
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn skip(&mut self, n: usize) {
        self.0 = self.0.get(n..).unwrap_or_default();
    }

    /// A three-letter month name, case-insensitive; its number.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn month(&mut self) -> Option<u32> {
        let w = self.word();
        let i = MONTHS.iter().position(|m| w.eq_ignore_ascii_case(*m))?;
        self.skip(3);
        u32::try_from(i + 1).ok()
    }

    /// A weekday name, short or full, case-insensitive. Its value is not needed.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn weekday(&mut self) -> bool {
        let w = self.word();
        let known = WEEKDAYS.iter().any(|(short, rest)| {
            w.len() >= 3 && w.get(..3).is_some_and(|s| s.eq_ignore_ascii_case(*short)) && w.get(3..).is_some_and(|r| r.is_empty() || r.eq_ignore_ascii_case(rest))
        });
        if known {
            self.skip(w.len());
        }
        known
    }

    /// A zone: `±HHMM`, or a name (see [`http_date`]).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn zone(&mut self) -> Option<UtcOffset> {
        if let Some(negative) = self.sign() {
            let (h, m) = (self.digits(2)?, self.digits(2)?);
            return offset(negative, h, m);
        }
        let w = self.word();
        let hours: i8 = match w.to_ascii_lowercase().as_slice() {
            b"ut" | b"utc" | b"gmt" => 0,
            b"edt" => -4,
            b"est" | b"cdt" => -5,
            b"cst" | b"mdt" => -6,
            b"mst" | b"pdt" => -7,
            b"pst" => -8,
            [b] if *b != b'j' => 0,
            _ => return None,
        };
        self.skip(w.len());
        UtcOffset::from_hms(hours, 0, 0).ok()
    }

    /// Spaces and tabs (asctime and RFC 850 forms).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn spaces(&mut self) -> bool {
        let len = self.0.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        self.skip(len);
        len > 0
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn need_spaces(&mut self) -> Option<()> {
        self.spaces().then_some(())
    }

    /// RFC 2822 `CFWS`: white space (folded or not) and comments, which nest and may hold
    /// `\`-escaped bytes. Returns whether anything was consumed; an unclosed comment is left
    /// unconsumed (and then fails to parse as what follows).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn cfws(&mut self) -> bool {
        let start = self.0.len();
        loop {
            let len = self.0.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')).count();
            self.skip(len);
            if self.0.first() != Some(&b'(') {
                break;
            }
            match comment_len(self.0) {
                Some(n) => self.skip(n),
                None => break,
            }
        }
        self.0.len() < start
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn need_cfws(&mut self) -> Option<()> {
        self.cfws().then_some(())
    }
}

/// The length of the comment `input` starts with (at its `(`), or `None` if it is not closed or
/// holds a non-ASCII or NUL byte.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn comment_len(input: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, &b) in input.iter().enumerate() {
        if b == 0 || !b.is_ascii() {
            return None;
        }
        if escaped {
            escaped = false;
            continue;
        }
        match b {
            b'\\' => escaped = true,
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::format_description::well_known::{Rfc2822, Rfc3339};
    use time::macros::{datetime, format_description};

    /// The value and its offset: `OffsetDateTime`'s `==` compares instants only.
    fn exact(t: Option<OffsetDateTime>) -> Option<(OffsetDateTime, UtcOffset)> {
        t.map(|t| (t, t.offset()))
    }

    fn time_rfc3339(s: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(s, &Rfc3339).ok()
    }
    fn time_rfc2822(s: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(s, &Rfc2822).ok()
    }
    fn time_amz(s: &str) -> Option<OffsetDateTime> {
        PrimitiveDateTime::parse(s, format_description!("[year][month][day]T[hour][minute][second]Z")).ok().map(|t| t.assume_utc())
    }

    #[test]
    fn rfc3339_forms() {
        assert_eq!(rfc3339("2026-10-14T09:30:00Z"), Some(datetime!(2026-10-14 09:30:00 UTC)));
        assert_eq!(rfc3339("2026-10-14T09:30:00.123Z"), Some(datetime!(2026-10-14 09:30:00.123 UTC)));
        assert_eq!(rfc3339(" 2026-10-14t09:30:00z\n"), Some(datetime!(2026-10-14 09:30:00 UTC)));
        assert_eq!(rfc3339("2026-10-14 09:30:00+00:00"), Some(datetime!(2026-10-14 09:30:00 UTC)));
        let t = rfc3339("2026-10-14T11:30:00.5+02:00");
        assert_eq!(exact(t), exact(Some(datetime!(2026-10-14 11:30:00.5 +2))));
        let t = rfc3339("2026-10-14T04:00:00-05:30");
        assert_eq!(exact(t), exact(Some(datetime!(2026-10-14 04:00:00 -5:30))));
        // Digits past nanoseconds are dropped, not rounded.
        assert_eq!(rfc3339("2026-10-14T09:30:00.1234567899999Z"), Some(datetime!(2026-10-14 09:30:00.123456789 UTC)));
        // Leap second at the end of a month (in UTC), written in another offset too.
        assert_eq!(rfc3339("2016-12-31T23:59:60Z"), Some(datetime!(2016-12-31 23:59:59.999999999 UTC)));
        assert_eq!(rfc3339("2016-12-31T18:59:60-05:00"), Some(datetime!(2016-12-31 23:59:59.999999999 UTC)));
        assert_eq!(rfc3339("2024-02-29T00:00:00Z"), Some(datetime!(2024-02-29 00:00:00 UTC)));
    }

    #[test]
    fn rfc3339_rejects() {
        for s in [
            "",
            " ",
            "garbage",
            "2026-10-14",
            "2026-10-14T09:30Z",
            "2026-10-14T09:30:00",
            "2026-13-14T09:30:00Z",
            "2026-00-14T09:30:00Z",
            "2026-02-29T09:30:00Z",
            "2026-04-31T09:30:00Z",
            "2026-10-00T09:30:00Z",
            "2026-10-14T24:00:00Z",
            "2026-10-14T09:60:00Z",
            "2026-10-14T09:30:61Z",
            "2026-10-14T23:59:60Z",
            "2026-10-31T22:59:60Z",
            "2026-10-14T09:30:00.Z",
            "2026-10-14T09:30:00+24:00",
            "2026-10-14T09:30:00+02:60",
            "2026-10-14T09:30:00+0200",
            "2026-10-14T09:30:00Zjunk",
            "2026-10-14X09:30:00Z",
            "2026-10-14\u{e9}09:30:00Z",
            "2026-10-14T09:30:00.\u{e9}Z",
            "\u{ff12}026-10-14T09:30:00Z",
            "+2026-10-14T09:30:00Z",
            "12026-10-14T09:30:00Z",
        ] {
            assert_eq!(rfc3339(s), None, "{s:?}");
        }
    }

    #[test]
    fn http_date_forms() {
        let want = Some(datetime!(1994-11-06 08:49:37 UTC));
        for s in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "sun, 06 nov 1994 08:49:37 gmt",
            "  Sun, 06 Nov 1994 08:49:37 GMT  ",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun, 06 Nov 1994 08:49:37 -0000",
            "Sun, 06 Nov 1994 08:49:37 UT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 Z",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, 06 Nov 1994 09:49:37 +0100",
            "Sun, 06 Nov 1994 03:49:37 EST",
            "Sun, 06 Nov 1994 00:49:37 PST",
            "Sun, 06 Nov 1994 08:49:37 GMT (comment (nested) \\) )",
            "Sun (day) , 06 Nov 1994 08 : 49 : 37 GMT",
            "Sun, 06 Nov 1994\r\n 08:49:37\tGMT",
            "Sunday, 06 Nov 1994 08:49:37 GMT",
            // RFC 850 and asctime.
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun Nov 06 08:49:37 1994",
        ] {
            assert_eq!(http_date(s), want, "{s:?}");
        }
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49 GMT"), Some(datetime!(1994-11-06 08:49:00 UTC)));
        assert_eq!(http_date("Wed, 14 Oct 26 09:30:00 GMT"), Some(datetime!(2026-10-14 09:30:00 UTC)));
        assert_eq!(http_date("Thu, 14 Oct 49 09:30:00 GMT"), Some(datetime!(2049-10-14 09:30:00 UTC)));
        assert_eq!(http_date("Fri, 14 Oct 50 09:30:00 GMT"), Some(datetime!(1950-10-14 09:30:00 UTC)));
        assert_eq!(http_date("Sat, 31 Dec 2016 23:59:60 GMT"), Some(datetime!(2016-12-31 23:59:59.999999999 UTC)));
        // The weekday is not checked against the date (time's parser did not either).
        assert_eq!(http_date("Mon, 06 Nov 1994 08:49:37 GMT"), want);
        let t = http_date("Sun, 06 Nov 1994 04:19:37 -0430");
        assert_eq!(exact(t), exact(Some(datetime!(1994-11-06 04:19:37 -4:30))));
    }

    /// `time` read `-0030` as +00:30 (its minutes kept their sign when the hours were zero).
    #[test]
    fn negative_zero_hour_offset() {
        let t = http_date("Sun, 06 Nov 1994 08:19:37 -0030");
        assert_eq!(exact(t), exact(Some(datetime!(1994-11-06 08:19:37 -0:30))));
        assert_eq!(time_rfc2822("Sun, 06 Nov 1994 08:19:37 -0030").map(|t| t.offset()), Some(time::macros::offset!(+0:30)));
    }

    #[test]
    fn http_date_rejects() {
        for s in [
            "",
            "GMT",
            "garbage",
            "Sun, 06 Nov 1994",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 XYZ",
            "Sun, 06 Nov 1994 08:49:37 J",
            "Sun, 06 Nov 1994 08:49:37 GMTX",
            "Sun, 06 Nov 1994 08:49:37 +000",
            "Sun, 06 Nov 1994 08:49:37 +2600",
            "Sun, 06 Nov 1994 08:49:37 +0060",
            "Sun, 06 Nov 1994 08:49:37 GMT (unclosed",
            "Sun, 06 Nov 1994 08:49:37 GMT )",
            "Sun, 06 Nov 1994 08:49:37 GMT (\u{e9})",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 November 1994 08:49:37 GMT",
            "Sun, 06 Nov 1899 08:49:37 GMT",
            "Sun, 06 Nov 994 08:49:37 GMT",
            "Sun, 06 Nov 19944 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:60 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT junk",
            "Sun, 106 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 G\u{e9}T",
            "S\u{fc}n, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37",
            "Sunday, 06-Nov-94 08:49 GMT",
            "Sunday 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 94",
            "Sun Nov  6 08:49:37 1994 GMT",
            "Nov  6 08:49:37 1994",
            "Sun Nov 31 08:49:37 1994",
        ] {
            assert_eq!(http_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn amz_date_forms() {
        assert_eq!(amz_date("20261014T093000Z"), Some(datetime!(2026-10-14 09:30:00 UTC)));
        assert_eq!(amz_date(" 20240229T235959Z "), Some(datetime!(2024-02-29 23:59:59 UTC)));
        for s in [
            "",
            "2026",
            "20261014T093000",
            "20261014 093000Z",
            "20261014t093000z",
            "2026-10-14T09:30:00Z",
            "20261314T093000Z",
            "20260229T093000Z",
            "20261000T093000Z",
            "20261014T243000Z",
            "20261014T096000Z",
            "20261231T235960Z",
            "20261014T093000Zx",
            "202610141T093000Z",
            "2026101\u{e9}T093000Z",
        ] {
            assert_eq!(amz_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn formats_like_time() {
        for t in [
            datetime!(2026-10-14 09:30:00 UTC),
            datetime!(2026-10-14 09:30:00.5 UTC),
            datetime!(2026-10-14 09:30:00.000000001 UTC),
            datetime!(2026-10-14 09:30:00.12 +2),
            datetime!(2026-10-14 09:30:00 -5:30),
            datetime!(2026-10-14 09:30:00 -0:30),
            datetime!(0000-01-01 00:00:00 UTC),
            datetime!(9999-12-31 23:59:59.999999999 UTC),
        ] {
            assert_eq!(format_rfc3339(t), t.format(&Rfc3339).ok(), "{t}");
        }
        assert_eq!(format_rfc3339(datetime!(2026-10-14 09:30:00.12 +2)).as_deref(), Some("2026-10-14T09:30:00.12+02:00"));
        assert_eq!(format_rfc3339(datetime!(2026-10-14 09:30:00 +0:00:30)), None);
        assert_eq!(format_rfc3339(datetime!(2026-10-14 09:30:00 +24)), None);
    }

    /// Pieces that steer arbitrary text into the parsers' corners.
    const PIECES: &[&str] = &[
        "0", "1", "2", "5", "9", "00", "06", "12", "23", "29", "31", "59", "60", "94", "1994", "2026", "9999", "-", ":", ".", "+", ",", " ", "  ", "\t",
        "\r\n ", "T", "t", "Z", "z", "Sun", "Sunday", "Feb", "Nov", "GMT", "UT", "EST", "J", "(", ")", "\\", "é", "😀", "\u{0}",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), ".{0,6}"], 0..24).prop_map(|v| v.concat())
    }

    /// Valid dates of each form with a few characters deleted or pieces inserted, to probe the
    /// edges of what each parser accepts.
    fn mangled() -> impl Strategy<Value = String> {
        const BASES: &[&str] = &[
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Thu, 29 Feb 2024 23:59:60 -0000 (c)",
            "29 feb 24 18:59 EST",
            "2026-10-14T09:30:00.123+02:00",
            "2016-12-31T23:59:60Z",
            "20261014T093000Z",
        ];
        let edit = (any::<prop::sample::Index>(), 0usize..3, prop_oneof![Just(""), prop::sample::select(PIECES)]);
        (prop::sample::select(BASES), prop::collection::vec(edit, 0..3)).prop_map(|(base, edits)| {
            let mut chars: Vec<char> = base.chars().collect();
            for (at, delete, insert) in edits {
                let at = at.index(chars.len() + 1);
                let end = (at + delete).min(chars.len());
                chars.splice(at..end, insert.chars());
            }
            chars.into_iter().collect()
        })
    }

    /// A date-time as parts, some out of range, for the formats to write.
    #[derive(Debug, Clone)]
    struct Parts {
        year: u32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    }

    fn parts() -> impl Strategy<Value = Parts> {
        // Mostly valid, with the edges and some invalid values in reach; second 60 is a leap
        // second, valid only at 23:59 on the last day of a month.
        (prop_oneof![1900u32..=2100, 0u32..=9999], 0u32..=13, prop_oneof![1u32..=28, 0u32..=32], prop_oneof![0u32..=23, Just(23), Just(24)], prop_oneof![0u32..=59, Just(59), Just(60)], prop_oneof![0u32..=59, Just(60), Just(61)])
            .prop_map(|(year, month, day, hour, minute, second)| Parts { year, month, day, hour, minute, second })
    }

    const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn rfc3339_agrees_with_time(p in parts(), sep in prop::sample::select(&["T", "t", " "][..]), frac in prop::option::of("[0-9]{1,12}"),
                                    zone in prop_oneof![Just("Z".to_string()), Just("z".to_string()), ("[+-]", 0u32..=24, prop_oneof![0u32..=59, Just(60)]).prop_map(|(s, h, m)| format!("{s}{h:02}:{m:02}"))]) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let s = format!("{:04}-{:02}-{:02}{sep}{:02}:{:02}:{:02}{frac}{zone}", p.year, p.month, p.day, p.hour, p.minute, p.second);
            prop_assert_eq!(exact(rfc3339(&s)), exact(time_rfc3339(&s)), "{}", s);
        }

        #[test]
        fn rfc2822_agrees_with_time(p in parts(), weekday in prop::option::of(prop::sample::select(&["Mon", "tue", "SUN"][..])), two_digit_year in any::<bool>(),
                                    seconds in any::<bool>(), lower in any::<bool>(), pad in any::<bool>(),
                                    zone in prop_oneof![prop::sample::select(&["GMT", "UT", "Z", "A", "EST", "edt", "CST", "CDT", "MST", "MDT", "PST", "PDT"][..]).prop_map(str::to_string),
                                                        ("[+-]", 0u32..=26, prop_oneof![0u32..=59, Just(60)]).prop_map(|(s, h, m)| {
                                                            // time reads `-00MM` as +00:MM (see `negative_zero_hour_offset`).
                                                            let s = if h == 0 && m != 0 { "+" } else { &s };
                                                            format!("{s}{h:02}{m:02}")
                                                        })]) {
            let month = match p.month.checked_sub(1).and_then(|i| MONTH_NAMES.get(i as usize)) {
                Some(m) if lower => m.to_lowercase(),
                Some(m) => m.to_string(),
                None => "Foo".into(),
            };
            let year = if two_digit_year { format!("{:02}", p.year % 100) } else { format!("{:04}", p.year) };
            let day = if pad { format!("{:02}", p.day) } else { p.day.to_string() };
            let weekday = weekday.map(|w| format!("{w}, ")).unwrap_or_default();
            let secs = if seconds { format!(":{:02}", p.second) } else { String::new() };
            let s = format!("{weekday}{day} {month} {year} {:02}:{:02}{secs} {zone}", p.hour, p.minute);
            prop_assert_eq!(exact(http_date(&s)), exact(time_rfc2822(&s)), "{}", s);
        }

        /// The three HTTP forms of one instant read the same as time's reading of IMF-fixdate.
        #[test]
        fn http_forms_agree(p in parts()) {
            let Some(name) = p.month.checked_sub(1).and_then(|i| MONTH_NAMES.get(i as usize)) else { return Ok(()) };
            // Two-digit years reach 1950-2049 only.
            let year = 1950 + p.year % 100;
            let fixdate = format!("Sun, {:02} {name} {year} {:02}:{:02}:{:02} GMT", p.day, p.hour, p.minute, p.second);
            let want = exact(time_rfc2822(&fixdate));
            prop_assert_eq!(exact(http_date(&fixdate)), want, "{}", fixdate);
            let rfc850 = format!("Sunday, {:02}-{name}-{:02} {:02}:{:02}:{:02} GMT", p.day, year % 100, p.hour, p.minute, p.second);
            prop_assert_eq!(exact(http_date(&rfc850)), want, "{}", rfc850);
            let asctime = format!("Sun {name} {:>2} {:02}:{:02}:{:02} {year}", p.day, p.hour, p.minute, p.second);
            prop_assert_eq!(exact(http_date(&asctime)), want, "{}", asctime);
        }

        #[test]
        fn amz_agrees_with_time(p in parts()) {
            let s = format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", p.year, p.month, p.day, p.hour, p.minute, p.second);
            prop_assert_eq!(amz_date(&s), time_amz(&s), "{}", s);
        }

        /// Any instant time can write, in any offset RFC 3339 can hold, round-trips through our
        /// formatter and parsers, and our formatter writes what time's does.
        #[test]
        fn round_trips(secs in -62_167_219_200i64..=253_402_300_799, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000], off in -86_340i32..=86_340) {
            let Ok(t) = OffsetDateTime::from_unix_timestamp(secs) else { return Ok(()) };
            let Ok(t) = t.replace_nanosecond(nanos) else { return Ok(()) };
            let Ok(offset) = UtcOffset::from_whole_seconds(off / 60 * 60) else { return Ok(()) };
            let Some(t) = t.checked_to_offset(offset) else { return Ok(()) };
            let ours = format_rfc3339(t);
            prop_assert_eq!(&ours, &t.format(&Rfc3339).ok());
            if let Some(s) = ours {
                prop_assert_eq!(exact(rfc3339(&s)), Some((t, t.offset())), "{}", s);
            }
            if let Ok(s) = t.format(&Rfc2822) {
                prop_assert_eq!(exact(http_date(&s)), exact(Some(t.replace_nanosecond(0).unwrap_or(t))), "{}", s);
            }
        }

        /// Arbitrary text never panics, and where both read it they agree: ours accepts less
        /// than time for RFC 3339 and X-Amz-Date, and more for RFC 2822.
        #[test]
        fn never_panics_and_stays_compatible(s in prop_oneof![text(), any::<String>(), mangled()]) {
            let ours = rfc3339(&s);
            if ours.is_some() {
                prop_assert_eq!(exact(ours), exact(time_rfc3339(s.trim())), "{:?}", s);
            }
            let ours = amz_date(&s);
            if ours.is_some() {
                prop_assert_eq!(ours, time_amz(s.trim()), "{:?}", s);
            }
            let theirs = time_rfc2822(&s);
            // Exceptions: time's `-00MM` sign, and its `\` escapes of NUL, CR and LF in comments,
            // which swallow the rest of the comment.
            let escape_quirk = s.contains('\\') && s.contains(['\0', '\r', '\n']);
            if theirs.is_some() && !escape_quirk && !theirs.is_some_and(|t| t.offset().whole_hours() == 0 && !t.offset().is_utc()) {
                prop_assert_eq!(exact(http_date(&s)), exact(theirs), "{:?}", s);
            }
            if let Some(t) = http_date(&s) {
                let _ = format_rfc3339(t);
            }
        }
    }
}
