// capture.ts: body capping, the plain entry handed to the engine, and the bounded log.

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const capture = await loadTs("capture.ts");

test("capBody leaves a body within the limit alone", () => {
  assert.deepEqual(capture.capBody("abc", null, 3), { text: "abc" });
  assert.deepEqual(capture.capBody("", "", 3), { text: "" });
});

test("capBody cuts text at the limit and reports the original length", () => {
  assert.deepEqual(capture.capBody("abcdef", null, 4), { text: "abcd", cutFrom: 6 });
});

test("capBody does not split a surrogate pair", () => {
  const text = "ab\u{1F511}cd"; // "ab" + key emoji (2 UTF-16 units) + "cd"
  const capped = capture.capBody(text, null, 3);
  assert.equal(capped.text, "ab");
  assert.equal(capped.cutFrom, text.length);
});

test("capBody cuts base64 on a 4-character boundary, decoding to at most the limit", () => {
  const raw = Buffer.alloc(100, 7);
  const capped = capture.capBody(raw.toString("base64"), "base64", 10);
  assert.equal(capped.text.length % 4, 0);
  assert.ok(Buffer.from(capped.text, "base64").length <= 10);
  assert.ok(capped.cutFrom > capped.text.length);
});

test("the default limit is the engine's 2 MB", () => {
  assert.equal(capture.BODY_LIMIT, 2 * 1024 * 1024);
  const big = "x".repeat(capture.BODY_LIMIT + 10);
  assert.equal(capture.capBody(big, null).text.length, capture.BODY_LIMIT);
});

// A Chromium-like entry: getContent lives on the prototype, the body is not in the entry.
function chromiumEntry() {
  const proto = { getContent() {} };
  return Object.assign(Object.create(proto), {
    startedDateTime: "2026-11-23T10:00:00.000Z",
    request: { method: "GET", url: "http://127.0.0.1:9/api?token=abc", headers: [] },
    response: { status: 401, headers: [], content: { size: 10, mimeType: "application/json" } },
    _resourceType: "fetch",
  });
}

test("prepareEntry fills the body into a plain copy and leaves the original alone", () => {
  const raw = chromiumEntry();
  const { entry, notes } = capture.prepareEntry(raw, { text: '{"error":"bad"}', encoding: null });
  assert.equal(Object.getPrototypeOf(entry), Object.prototype);
  assert.equal(entry.getContent, undefined);
  assert.equal(entry.response.content.text, '{"error":"bad"}');
  assert.equal("encoding" in entry.response.content, false);
  assert.equal(entry._resourceType, "fetch");
  assert.deepEqual(notes, []);
  assert.equal(raw.response.content.text, undefined);
});

test("prepareEntry keeps base64 encoding and drops Firefox's 'bodies are not included' comment", () => {
  const raw = chromiumEntry();
  raw.response.content.comment = "Response bodies are not included.";
  raw.response.content.encoding = "base64";
  const { entry } = capture.prepareEntry(raw, { text: "AAAA", encoding: "base64" });
  assert.equal(entry.response.content.encoding, "base64");
  assert.equal(entry.response.content.comment, undefined);

  const text = capture.prepareEntry(raw, { text: "{}", encoding: null }).entry;
  assert.equal(text.response.content.encoding, undefined, "a stale base64 flag must not survive a text body");
});

test("prepareEntry caps a huge body and says so", () => {
  const big = "y".repeat(50);
  const { entry, notes } = capture.prepareEntry(chromiumEntry(), { text: big, encoding: null }, 20);
  assert.equal(entry.response.content.text.length, 20);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /cut to its first 20 B of 50 B/);
});

test("prepareEntry caps a body that came inline (Firefox getHAR) too", () => {
  const raw = chromiumEntry();
  raw.response.content.text = "z".repeat(30);
  const { entry, notes } = capture.prepareEntry(raw, null, 10);
  assert.equal(entry.response.content.text.length, 10);
  assert.equal(notes.length, 1);
});

test("prepareEntry notes a body the browser would not give", () => {
  const { entry, notes } = capture.prepareEntry(chromiumEntry(), { text: null, encoding: null, error: "gone" });
  assert.equal(entry.response.content.text, undefined);
  assert.deepEqual(notes, ["Response body not available: gone."]);
});

test("prepareEntry survives an entry without response or content", () => {
  const { entry } = capture.prepareEntry({ request: { url: "x" } }, { text: "b", encoding: null });
  assert.equal(entry.response.content.text, "b");
});

test("hasInlineBody and isMediaType", () => {
  assert.equal(capture.hasInlineBody({ response: { content: { text: "x" } } }), true);
  assert.equal(capture.hasInlineBody({ response: { content: { text: "" } } }), false);
  assert.equal(capture.hasInlineBody({}), false);
  for (const type of ["image/png", "font/woff2", "video/mp4", "application/wasm", "IMAGE/SVG+XML; charset=utf-8"]) {
    assert.equal(capture.isMediaType(type), true, type);
  }
  for (const type of ["application/json", "text/html", "application/problem+json", "", undefined]) {
    assert.equal(capture.isMediaType(type), false, String(type));
  }
});

test("urlWithoutQuery drops query and fragment (they can carry keys)", () => {
  assert.equal(capture.urlWithoutQuery("https://api.example.com/v1/x?api_key=sk_live_123#frag"), "https://api.example.com/v1/x");
  assert.equal(capture.urlWithoutQuery("not a url?key=1"), "not a url");
});

test("entryKey identifies the same request in getHAR and in an event", () => {
  const a = chromiumEntry();
  const b = JSON.parse(JSON.stringify(a));
  assert.equal(capture.entryKey(a), capture.entryKey(b));
  b.startedDateTime = "2026-11-23T10:00:01.000Z";
  assert.notEqual(capture.entryKey(a), capture.entryKey(b));
});

test("ItemLog keeps the newest items, counts drops and numbers items in order", () => {
  const log = new capture.ItemLog(3);
  for (let i = 0; i < 5; i++) log.add({ kind: "error", method: "GET", url: `u${i}`, status: 0, message: "m", notes: [] });
  assert.deepEqual(log.items.map((i) => i.seq), [2, 3, 4]);
  assert.deepEqual(log.items.map((i) => i.url), ["u2", "u3", "u4"]);
  assert.equal(log.dropped, 2);
  assert.equal(log.firstSeq, 2);
  assert.deepEqual(log.after(2).map((i) => i.seq), [3, 4]);
  assert.deepEqual(log.after(-1).map((i) => i.seq), [2, 3, 4]);
  assert.deepEqual(log.after(4), []);
});

test("ItemLog.clear empties, resets drops, and starts a new session", () => {
  const log = new capture.ItemLog(1);
  log.add({ kind: "error", method: "GET", url: "a", status: 0, message: "m", notes: [] });
  log.add({ kind: "error", method: "GET", url: "b", status: 0, message: "m", notes: [] });
  const before = log.session;
  log.clear();
  assert.equal(log.items.length, 0);
  assert.equal(log.dropped, 0);
  assert.notEqual(log.session, before);
  assert.equal(log.firstSeq, log.nextSeq);
  const next = log.add({ kind: "error", method: "GET", url: "c", status: 0, message: "m", notes: [] });
  assert.equal(next.seq, 2, "sequence numbers keep growing across clears");
});

const item = (status) => ({ kind: "error", method: "GET", url: "u", status, message: "m", notes: [] });

test("ItemLog keeps attachments with their items and drops them together", () => {
  const log = new capture.ItemLog(2);
  const a = log.add(item(401), { raw: "a" });
  log.add(item(200));
  const c = log.add(item(403), { raw: "c" });
  assert.equal(log.attachment(a.seq), undefined, "dropped with its item");
  assert.deepEqual(log.attachment(c.seq), { raw: "c" });
  assert.equal(log.attachment(c.seq + 1), undefined);
  assert.deepEqual(log.attachments(), [{ raw: "c" }], "items without one are skipped");
});

test("ItemLog drops the oldest items when their weights pass the budget, never the newest", () => {
  const log = new capture.ItemLog(100, 1000);
  for (let i = 0; i < 4; i++) log.add(item(401), { i }, 300);
  assert.equal(log.items.length, 3);
  assert.equal(log.weight, 900);
  assert.equal(log.dropped, 1);
  log.add(item(401), { i: 4 }, 5000);
  assert.equal(log.items.length, 1, "one huge entry pushes everything else out");
  assert.deepEqual(log.attachments(), [{ i: 4 }]);
  assert.equal(log.weight, 5000);
  assert.equal(log.dropped, 4);
  log.clear();
  assert.equal(log.weight, 0);
  assert.deepEqual(log.attachments(), []);
});

test("prepareEntry weighs the entry by its bodies; startedAt reads a usable request time", () => {
  const prepared = capture.prepareEntry(
    { request: { url: "https://x/", postData: { text: "p".repeat(100) } }, response: { content: {} } },
    { text: "b".repeat(5000), encoding: null },
  );
  assert.equal(prepared.size, 1024 + "https://x/".length + 100 + 5000);
  assert.equal(capture.startedAt({ startedDateTime: "2026-10-14T09:30:00.000+00:00" }), "2026-10-14T09:30:00.000+00:00");
  assert.equal(capture.startedAt({ startedDateTime: "yesterday" }), undefined);
  assert.equal(capture.startedAt({ startedDateTime: 5 }), undefined);
  assert.equal(capture.startedAt({}), undefined);
});

test("exportFileName: from the imported file's name (made safe) or a local timestamp", () => {
  const now = new Date(2026, 10, 23, 9, 5, 7);
  assert.deepEqual(capture.exportFileName("markdown", null, now), { filename: "authlens-20261123-090507-report.md", mime: "text/markdown" });
  assert.deepEqual(capture.exportFileName("json", null, now), { filename: "authlens-20261123-090507-report.json", mime: "application/json" });
  assert.equal(capture.exportFileName("har", "ticket-4711 checkout fails.har", now).filename, "ticket-4711_checkout_fails-redacted.har");
  assert.equal(capture.exportFileName("har", "../../etc/passwd", now).filename, "etc_passwd-redacted.har");
  assert.equal(capture.exportFileName("markdown", "<img src=x>\u202Egnp.har", now).filename, "img_src_x_gnp-report.md");
  assert.equal(capture.exportFileName("json", "...", now).filename, "authlens-20261123-090507-report.json", "nothing usable left: the timestamp");
});

test("harDocument wraps the redacted entries in a HAR 1.2 log", () => {
  assert.deepEqual(capture.harDocument({ log: { entries: [{ a: 1 }] } }, "0.1.0"), {
    log: { version: "1.2", creator: { name: "authlens", version: "0.1.0", comment: "credentials redacted by authlens" }, entries: [{ a: 1 }] },
  });
  assert.deepEqual(capture.harDocument(null, "0.1.0").log.entries, []);
});
