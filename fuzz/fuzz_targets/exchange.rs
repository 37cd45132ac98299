//! One exchange built field by field from the input, so the fuzzer reaches the causes, the
//! credential classification and the renderers without first having to write valid JSON.
//!
//! Input: fields separated by NUL bytes, in this order: status (decimal), method, URL,
//! Authorization, another header's name, its value, WWW-Authenticate, response body, request body,
//! request MIME type, response encoding, started time. Missing fields are empty.
#![no_main]

use authlens_core::har::{Content, Entry, NameValue, PostData, Request, Response};
use authlens_core::report::Report;
use authlens_core::{export, render, Session};
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fn nv(name: &str, value: &str) -> NameValue {
    NameValue { name: name.into(), value: value.into() }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut f = text.split('\0');
    let mut next = || f.next().unwrap_or("");
    let status = next().trim().parse::<i64>().unwrap_or(401);
    let (method, url, auth, hname, hvalue, challenge) = (next(), next(), next(), next(), next(), next());
    let (resp_body, req_body, req_mime, encoding, started) = (next(), next(), next(), next(), next());
    let mut headers = vec![nv("Authorization", auth), nv(hname, hvalue), nv("Cookie", hvalue)];
    if auth.is_empty() {
        headers.remove(0);
    }
    let entry = Entry {
        started_date_time: started.into(),
        request: Request {
            method: method.into(),
            url: url.into(),
            headers,
            post_data: Some(PostData { mime_type: req_mime.into(), text: Some(req_body.into()), params: vec![nv(hname, hvalue)] }),
            ..Default::default()
        },
        response: Response {
            status,
            headers: vec![nv("WWW-Authenticate", challenge), nv("Set-Cookie", hvalue), nv("Location", url)],
            content: Content { text: Some(resp_body.into()), encoding: (!encoding.is_empty()).then(|| encoding.into()), ..Default::default() },
            redirect_url: hvalue.into(),
            ..Default::default()
        },
        resource_type: (status == 204).then(|| "preflight".into()),
        error: (status == 0).then(|| "net::ERR_FAILED".into()),
        ..Default::default()
    };
    // Twice in one session: the second sees the first as history (stale tokens, preflights, …).
    let mut s = Session::new();
    let first = s.push(entry.clone());
    let second = s.push(entry.clone());
    let _ = export::curl(&entry);
    let report = Report { tool: "authlens", version: authlens_core::VERSION, entries: vec![first, second], summary: Default::default(), notes: Vec::new() };
    let _ = render::json::render(&report);
    let _ = render::text::render(&report);
    let _ = render::markdown::render(&report);
});
