//! Where a hit is, in words people use: a JSON path for JSON documents (`$.config.key`), a line
//! and column for everything else. Both are computed in one pass for all hits of a text, and
//! only when there are hits.

use crate::parse::json_path;

/// Deepest JSON nesting followed; deeper strings get the path of the deepest known level.
const MAX_DEPTH: usize = 128;

/// 1-based line and column (in characters) of each byte offset. `offsets` must be sorted and
/// on char boundaries (hits always are).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut line, mut line_start, mut pos) = (1usize, 0usize, 0usize);
    for &off in offsets {
        let off = off.min(text.len());
        if off < pos {
            // Not sorted: restart (still correct, just slower).
            (line, line_start, pos) = (1, 0, 0);
        }
        let seg = text.as_bytes().get(pos..off).unwrap_or(&[]);
        for (i, _) in seg.iter().enumerate().filter(|(_, b)| **b == b'\n') {
            line += 1;
            line_start = pos + i + 1;
        }
        pos = off;
        let col = text.get(line_start..off).map_or(off - line_start, |s| s.chars().count()) + 1;
        out.push((line, col));
    }
    out
}

enum Frame {
    Object { key: Option<String>, expect_key: bool },
    Array { index: usize },
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn path_of(stack: &[Frame]) -> String {
    let mut p = String::from("$");
    for f in stack {
        match f {
            Frame::Object { key: Some(k), .. } => p = json_path::member(&p, k),
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => p = json_path::index(&p, *index),
        }
    }
    p
}

/// True when `text` looks like a JSON document (what it starts with).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start_matches('\u{feff}').trim_start().as_bytes().first(), Some(b'{' | b'['))
}

/// The JSON path of the string that contains each byte offset, when `text` is JSON. `offsets`
/// must be sorted. An offset outside any string (a broken document) gets `None`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn json_paths(text: &str, offsets: &[usize]) -> Vec<Option<String>> {
    let b = text.as_bytes();
    let mut out = vec![None; offsets.len()];
    let mut next = 0usize; // next offset to place
    let mut stack: Vec<Frame> = Vec::new();
    let mut overflow = 0usize;
    let mut i = 0usize;
    while i < b.len() && next < offsets.len() {
        match b[i] {
            b'"' => {
                let s = i;
                i = crate::parse::json_path::string_end(b, s);
                let e = i.min(b.len());
                let is_key = matches!(stack.last(), Some(Frame::Object { expect_key: true, .. }));
                if is_key {
                    let key = text.get(s + 1..e).unwrap_or("").to_string();
                    if let Some(Frame::Object { key: k, .. }) = stack.last_mut() {
                        *k = Some(key);
                    }
                }
                while next < offsets.len() && offsets[next] < s {
                    next += 1; // outside any string
                }
                while next < offsets.len() && offsets[next] <= e {
                    let mut p = path_of(&stack);
                    if is_key {
                        p.push_str(" (key)");
                    }
                    out[next] = Some(p);
                    next += 1;
                }
            }
            b'{' | b'[' => {
                if stack.len() < MAX_DEPTH {
                    stack.push(if b[i] == b'{' { Frame::Object { key: None, expect_key: true } } else { Frame::Array { index: 0 } });
                } else {
                    overflow += 1;
                }
            }
            b'}' | b']' => {
                if overflow > 0 {
                    overflow -= 1;
                } else {
                    stack.pop();
                }
            }
            b',' if overflow == 0 => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expect_key, key }) => {
                    *expect_key = true;
                    *key = None;
                }
                None => {}
            },
            b':' if overflow == 0 => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}


/// Byte offset of each element of `log.entries` in a HAR document (for line numbers in SARIF).
/// Bounded like [`json_paths`]; a broken document yields the elements seen before it breaks.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn har_entry_offsets(text: &str) -> Vec<usize> {
    enum F {
        Obj { key: Vec<u8>, expect_key: bool },
        Arr { started: bool },
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<F> = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b':' {
            if c == b':' {
                if let Some(F::Obj { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            i += 1;
            continue;
        }
        if c == b',' {
            match stack.last_mut() {
                Some(F::Arr { started }) => *started = false,
                Some(F::Obj { expect_key, .. }) => *expect_key = true,
                None => {}
            }
            i += 1;
            continue;
        }
        if c == b'}' || c == b']' {
            stack.pop();
            i += 1;
            continue;
        }
        // A value (or a key) starts here.
        let in_entries = stack.len() == 3
            && matches!(&stack[0], F::Obj { key, .. } if key == b"log")
            && matches!(&stack[1], F::Obj { key, .. } if key == b"entries");
        if let Some(F::Arr { started }) = stack.last_mut() {
            if !*started {
                *started = true;
                if in_entries {
                    out.push(i);
                }
            }
        }
        match c {
            b'"' => {
                let s = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(F::Obj { key, expect_key: true }) = stack.last_mut() {
                    *key = b.get(s..i.min(b.len())).unwrap_or(&[]).iter().take(64).copied().collect();
                }
                i += 1;
            }
            b'{' | b'[' => {
                if stack.len() >= MAX_DEPTH {
                    return out;
                }
                stack.push(if c == b'{' { F::Obj { key: Vec::new(), expect_key: true } } else { F::Arr { started: false } });
                i += 1;
            }
            _ => {
                while i < b.len() && !b",]} \t\r\n".contains(&b[i]) {
                    i += 1;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let t = r#"{"a":{"b":["x","needle"],"c d":"needle"},"e":"n\"eedle"}"#;
        let offs: Vec<usize> = t.match_indices("needle").map(|(i, _)| i).chain(t.rfind("eedle\"}").map(|i| i + 1)).collect();
        let p = json_paths(t, &offs);
        assert_eq!(p[0].as_deref(), Some("$.a.b[1]"));
        assert_eq!(p[1].as_deref(), Some("$.a[\"c d\"]"));
        assert_eq!(p[2].as_deref(), Some("$.e"));
    }

    #[test]
    fn lines_and_columns() {
        let t = "ab\ncdé f\nx";
        assert_eq!(line_cols(t, &[0, 3, t.find('f').unwrap(), t.len()]), vec![(1, 1), (2, 1), (2, 5), (3, 2)]);
    }

    #[test]
    fn har_entries() {
        let t = "{\"log\": {\"version\": \"1.2\", \"entries\": [\n {\"a\": [1, {\"entries\": [5]}]},\n {\"b\": \"]\"}\n]}}";
        let offs = har_entry_offsets(t);
        assert_eq!(line_cols(t, &offs), vec![(2, 2), (3, 2)]);
    }

    #[test]
    fn hostile_json_is_fine() {
        let deep = "[".repeat(10_000) + "\"x\"";
        assert!(json_paths(&deep, &[10_001])[0].is_some());
        assert_eq!(json_paths("\"unterminated", &[3]), vec![Some("$".to_string())]);
    }
}
