// e2e-reporter.ts: who it talks to, and the order of what it posts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const { createReporter, isReportableOrigin } = await loadTs("e2e-reporter.ts");

test("only loopback (or locally mapped) http origins with a port are reportable", () => {
  for (const ok of ["http://127.0.0.1:8080", "http://localhost:3000", "http://[::1]:9", "http://app.localhost:5", "http://api.stripe.test:443"]) {
    assert.equal(isReportableOrigin(ok), true, ok);
  }
  for (const no of [
    "https://127.0.0.1:8080", "http://127.0.0.1", "http://example.com:80", "http://127.0.0.2:80", "null",
    "http://127.0.0.1:8080/", "http://localhost.evil.com:80", "http://test:80", null, 42,
  ]) {
    assert.equal(isReportableOrigin(no), false, String(no));
  }
});

function recorder() {
  const posts = [];
  return { posts, post: async (url, body) => void posts.push({ url, msg: JSON.parse(body) }) };
}

const sampleReport = { index: 0, method: "GET", url: "http://127.0.0.1:1/api", status: 401, causes: [], findings: [], credentials: [] };

test("'up' goes first even when reports were queued before it; then in order", async () => {
  const { posts, post } = recorder();
  const r = createReporter({ readOrigin: async () => "http://127.0.0.1:4000", post, log() {} });
  r.report(sampleReport);
  r.entryError("bad entry");
  r.up("firefox");
  r.report({ ...sampleReport, index: 1 });
  r.up("chrome"); // a second "first" message is ignored
  await new Promise((res) => setTimeout(res, 10));
  await r.idle();
  assert.deepEqual(posts.map((p) => p.url), Array(4).fill("http://127.0.0.1:4000/__report"));
  assert.deepEqual(posts.map((p) => p.msg.kind), ["up", "report", "entry_error", "report"]);
  assert.deepEqual(posts[0].msg, { kind: "up", browser: "firefox" });
  assert.equal(posts[3].msg.report.index, 1);
});

test("engine_error takes the place of 'up'", async () => {
  const { posts, post } = recorder();
  const r = createReporter({ readOrigin: async () => "http://localhost:1234", post, log() {} });
  r.engineError("CompileError: wasm validation error");
  await new Promise((res) => setTimeout(res, 10));
  await r.idle();
  assert.deepEqual(posts.map((p) => p.msg), [{ kind: "engine_error", message: "CompileError: wasm validation error" }]);
});

test("the origin is retried while the page loads", async () => {
  const { posts, post } = recorder();
  const answers = [Promise.reject(new Error("no page yet")), Promise.resolve("null"), Promise.resolve("http://127.0.0.1:7")];
  let calls = 0;
  const r = createReporter({ readOrigin: () => answers[Math.min(calls++, 2)], post, attempts: 5, delayMs: 1, log() {} });
  r.up("chrome");
  await new Promise((res) => setTimeout(res, 50));
  await r.idle();
  assert.equal(calls, 3);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].url, "http://127.0.0.1:7/__report");
});

test("a page that is not on loopback gets nothing", async () => {
  const { posts, post } = recorder();
  const r = createReporter({ readOrigin: async () => "https://example.com", post, attempts: 3, delayMs: 1, log() {} });
  r.up("chrome");
  r.report(sampleReport);
  await new Promise((res) => setTimeout(res, 30));
  r.navigated("http://127.0.0.1:5/"); // too late: it gave up and dropped everything
  r.report(sampleReport);
  await r.idle();
  assert.deepEqual(posts, []);
});

test("a navigation to a loopback URL settles the origin early", async () => {
  const { posts, post } = recorder();
  const r = createReporter({ readOrigin: () => new Promise(() => {}), post, attempts: 1, delayMs: 1000, log() {} });
  r.up("chrome");
  r.navigated("http://127.0.0.1:6/page?x=1");
  await r.idle();
  assert.equal(posts.length, 1);
  assert.equal(posts[0].url, "http://127.0.0.1:6/__report");
});

test("a failing POST does not stop later ones", async () => {
  const posts = [];
  let first = true;
  const post = async (url, body) => {
    if (first) {
      first = false;
      throw new TypeError("Failed to fetch");
    }
    posts.push(JSON.parse(body).kind);
  };
  const r = createReporter({ readOrigin: async () => "http://127.0.0.1:8", post, log() {} });
  r.up("chrome");
  r.report(sampleReport);
  await new Promise((res) => setTimeout(res, 10));
  await r.idle();
  assert.deepEqual(posts, ["report"]);
});
