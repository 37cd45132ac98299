// compare.ts: "What changed since it worked".

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const cmp = await loadTs("compare.ts");

let seq = 0;
function item(status, { url = "https://api.shop.example/v1/orders/42", method = "GET", credentials = [], shape, started = "2026-12-06T10:00:00.000Z", environment = null, endpoint } = {}) {
  return {
    seq: seq++, kind: "report", notes: [], started, ...(shape ? { shape } : {}),
    report: { index: seq - 1, method, url, status, provider: null, environment, causes: [], findings: [], credentials, ...(endpoint ? { endpoint } : {}) },
  };
}
const jwt = (exp, aud = ["api"], scopes = ["orders:read"]) => ({
  location: "request.header.Authorization", scheme: "Bearer", redacted: "JWT…[redacted, 310 chars]", kind: "token", provider: null, environment: null,
  description: "JWT", jwt: { alg: "RS256", exp, iat: null, nbf: null, aud, iss: "https://id.shop.example/", scopes, role: null },
});

test("lastSuccess prefers the same endpoint, then the same path elsewhere, then the same host; the latest wins", () => {
  const older = item(200, { endpoint: "api.shop.example/v1/orders/{id}" });
  const newer = item(200, { endpoint: "api.shop.example/v1/orders/{id}" });
  const sameHost = item(200, { url: "https://api.shop.example/v1/me" });
  const preflight = item(204, { method: "OPTIONS", endpoint: "api.shop.example/v1/orders/{id}" });
  const failing = item(401, { endpoint: "api.shop.example/v1/orders/{id}" });
  const after = item(200, { endpoint: "api.shop.example/v1/orders/{id}" });
  const list = [older, newer, sameHost, preflight, failing, after];
  assert.deepEqual(cmp.lastSuccess(failing, list, failing.seq), { item: newer, match: "endpoint" });
  assert.deepEqual(cmp.lastSuccess(failing, [sameHost, failing], failing.seq), { item: sameHost, match: "api" });
  const staging = item(200, { url: "https://staging.shop.example/v1/orders/7", endpoint: "staging.shop.example/v1/orders/{id}" });
  assert.deepEqual(cmp.lastSuccess(failing, [staging]), { item: staging, match: "path" });
  assert.equal(cmp.lastSuccess(failing, [preflight, failing], failing.seq), null, "a preflight is not a success of the app");
});

test("baselines: the own list first, then the other list (an imported HAR against the live session)", () => {
  const liveOk = item(200);
  const fileFailing = item(401);
  const bases = cmp.baselines(fileFailing, "import", [fileFailing], [liveOk]);
  assert.deepEqual(bases.map((b) => [b.source, b.item.seq]), [["live", liveOk.seq]]);
  const fileOk = item(200);
  const fileFailing2 = item(401);
  const both = cmp.baselines(fileFailing2, "import", [fileOk, fileFailing2], [liveOk]);
  assert.deepEqual(both.map((b) => b.source), ["import", "live"]);
});

test("compareRequests marks what differs: expired JWT, audience, missing header and cookie", () => {
  const working = item(200, {
    started: "2026-12-06T10:00:00.000Z",
    credentials: [jwt("2026-12-06T11:00:00.000Z")],
    shape: { headers: ["authorization", "x-tenant"], cookies: ["sid"] },
  });
  const failing = item(401, {
    started: "2026-12-06T12:00:00.000Z",
    credentials: [jwt("2026-12-06T11:00:00.000Z", ["other-api"])],
    shape: { headers: ["authorization"], cookies: [] },
  });
  const c = cmp.compareRequests(failing, working);
  const row = (label) => c.rows.find((r) => r.label === label);
  assert.equal(row("JWT exp").differs, true, "expired at the failing request, valid at the working one");
  assert.match(row("JWT exp").failing, /^expired 1 h ago/);
  assert.match(row("JWT exp").working, /^expires in 1 h/);
  assert.equal(row("JWT aud").differs, true);
  assert.equal(row("JWT scope").differs, false);
  assert.equal(row("Credential").differs, false);
  const headers = c.names.find((n) => n.label === "Headers");
  assert.deepEqual(headers.onlyWorking, ["x-tenant"]);
  assert.deepEqual(headers.both, ["authorization"]);
  assert.deepEqual(c.names.find((n) => n.label === "Cookies").onlyWorking, ["sid"]);
  assert.equal(c.differences, 4);
  // Nothing in the comparison holds more than the engine's redacted form.
  assert.doesNotMatch(JSON.stringify(c), /eyJ/);
});

test("compareRequests: no credential at all, and another environment", () => {
  const working = item(200, { credentials: [{ location: "request.header.Authorization", redacted: "sk_live_…[redacted, 40 chars]", kind: "secret", provider: "stripe", environment: "production", description: "x" }], environment: "production" });
  const failing = item(401, { environment: "sandbox" });
  const c = cmp.compareRequests(failing, working);
  const row = (label) => c.rows.find((r) => r.label === label);
  assert.deepEqual([row("Credential").failing, row("Credential").working], ["none sent", "Stripe production secret key"]);
  assert.equal(row("Environment").differs, true);
  assert.equal(c.names.length, 0, "no names compared when an item has no shape");
});
