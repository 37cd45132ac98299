// `authlens/playwright`: a Playwright `test` whose fixture runs every request of every page of the
// test's browser context through the authlens engine. A server-side secret sent or shipped by the
// page fails the test; a failing test with auth failures carries the Markdown report and names the
// top cause of each failure.

import { test as base, expect } from "@playwright/test";
import type { BrowserContext, Request, TestInfo } from "@playwright/test";
import { Session, atLeast, redactHar, renderMarkdown, type HarDocument, type HarEntry } from "./index.js";
import type { EntryReport, Severity } from "./report.js";

export { expect };

/** authlens_core::limits::MAX_BODY_BYTES: larger bodies are not scanned (the engine notes it). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The fixture's options (`test.use({ authlensFailOn: "critical" })`, or `use:` in the config). */
export interface AuthlensOptions {
  /** Fail the test when a `secret_key_exposed` finding has at least this severity; `"off"` never fails. Default `"high"`. */
  authlensFailOn: Severity | "off";
  /** Attach the redacted HAR of the test (`authlens.har`): always, only when the test failed, or never (default). */
  authlensHar: "on" | "on-failure" | "off";
}

/** What a test can ask the fixture. */
export interface Authlens {
  /** The HAR entries seen so far (bodies included, credentials NOT redacted: do not log them). */
  entries(): Promise<HarEntry[]>;
  /** The engine's report of each entry so far, in request order. */
  reports(): Promise<EntryReport[]>;
}

/** Response bodies worth reading: what can hold a key (scripts, JSON, text) or explain a failure. */
function wantsBody(request: Request, status: number, mime: string): boolean {
  const type = request.resourceType();
  return status >= 400 || type === "script" || type === "xhr" || type === "fetch" || type === "document" || /json|javascript|ecmascript|text\//i.test(mime);
}

/** `promise`, or `fallback` after `ms` (the browser may never answer for a request cut short). */
function within<T>(promise: Promise<T>, fallback: T, ms = 2000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** The HAR entry of a request, as a browser's HAR export would record it. */
async function entryOf(request: Request, started: Date): Promise<HarEntry> {
  const url = new URL(request.url());
  const headers = await within(request.headersArray(), []);
  const post = request.postData();
  const entry: HarEntry = {
    startedDateTime: started.toISOString(),
    _resourceType: request.resourceType(),
    request: {
      method: request.method(),
      url: request.url(),
      headers,
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(post !== null
        ? { postData: { mimeType: headers.find((h) => h.name.toLowerCase() === "content-type")?.value ?? "", text: post } }
        : {}),
    },
    response: { status: 0, statusText: "", headers: [], content: { size: 0, mimeType: "" }, redirectURL: "" },
  };
  const failure = request.failure();
  const response = failure ? null : await within(request.response(), null);
  if (!response) {
    if (failure) entry._error = failure.errorText;
    return entry;
  }
  const rheaders = await within(response.headersArray(), []);
  const mime = rheaders.find((h) => h.name.toLowerCase() === "content-type")?.value ?? "";
  entry.response = {
    status: response.status(),
    statusText: response.statusText(),
    headers: rheaders,
    content: { size: -1, mimeType: mime },
    redirectURL: rheaders.find((h) => h.name.toLowerCase() === "location")?.value ?? "",
  };
  if (wantsBody(request, response.status(), mime) && !(response.status() >= 300 && response.status() < 400)) {
    const length = Number(rheaders.find((h) => h.name.toLowerCase() === "content-length")?.value ?? NaN);
    if (!(length > 8 * MAX_BODY_BYTES)) {
      const body = await within(response.body(), null);
      if (body) entry.response.content = { size: body.length, mimeType: mime, text: body.toString("utf8") };
    }
  }
  return entry;
}

/** Watches a context: one record per request, in the order they were sent. */
function watch(context: BrowserContext): { entries(): Promise<HarEntry[]>; stop(): void } {
  const records: { request: Request; started: Date; entry?: Promise<HarEntry> }[] = [];
  const byRequest = new Map<Request, (typeof records)[number]>();
  const onRequest = (request: Request): void => {
    const record = { request, started: new Date() };
    records.push(record);
    byRequest.set(request, record);
  };
  const onDone = (request: Request): void => {
    const record = byRequest.get(request);
    // Read at once: a body may be gone after the next navigation.
    if (record && !record.entry) record.entry = entryOf(request, record.started);
  };
  context.on("request", onRequest);
  context.on("requestfinished", onDone);
  context.on("requestfailed", onDone);
  return {
    async entries() {
      // A request still in flight is read as it is (no response: status 0) after a short wait.
      return Promise.all(records.map((r) => r.entry ?? entryOf(r.request, r.started)));
    },
    stop() {
      context.off("request", onRequest);
      context.off("requestfinished", onDone);
      context.off("requestfailed", onDone);
    },
  };
}

function analyse(entries: HarEntry[]): EntryReport[] {
  const session = new Session();
  try {
    return entries.map((e) => {
      try {
        return session.analyze(e);
      } catch {
        // An entry the engine cannot read is left out; the session goes on.
        return null;
      }
    }).filter((r): r is EntryReport => r !== null);
  } finally {
    session.free();
  }
}

/** `GET https://…/path → 401`. */
function requestLine(r: EntryReport): string {
  return `${r.method} ${r.url} → ${r.status || "no response"}`;
}

async function teardown(testInfo: TestInfo, entries: HarEntry[], options: AuthlensOptions): Promise<void> {
  const reports = analyse(entries);
  const exposed =
    options.authlensFailOn === "off"
      ? []
      : reports.flatMap((r) => r.findings.filter((f) => f.id === "secret_key_exposed" && atLeast(f.severity, options.authlensFailOn)).map((f) => ({ r, f })));
  const failures = reports.filter((r) => r.causes.length > 0);
  const failed = exposed.length > 0 || testInfo.status !== testInfo.expectedStatus;
  const doc: HarDocument = { log: { version: "1.2", creator: { name: "authlens/playwright", version: "1" }, entries } };

  if (failed && failures.length > 0) {
    await testInfo.attach("authlens-report.md", { body: renderMarkdown(doc), contentType: "text/markdown" });
  }
  if (options.authlensHar === "on" || (options.authlensHar === "on-failure" && failed)) {
    await testInfo.attach("authlens.har", { body: JSON.stringify(redactHar(doc), null, 2), contentType: "application/json" });
  }

  const lines: string[] = [];
  if (exposed.length > 0) {
    lines.push(`authlens: ${exposed.length} server-side secret${exposed.length > 1 ? "s" : ""} exposed by the page (authlensFailOn: ${options.authlensFailOn}):`);
    for (const { r, f } of exposed) {
      lines.push(`  ${f.id} [${f.severity}] ${f.provider ?? "unknown provider"}: ${f.title} ${f.redacted} at ${f.location}`, `    in ${requestLine(r)} (rule ${f.rule})`);
    }
  }
  if (failed && failures.length > 0) {
    lines.push(`authlens: ${failures.length} auth failure${failures.length > 1 ? "s" : ""} during this test (report attached as authlens-report.md):`);
    for (const r of failures) {
      const top = r.causes[0];
      if (!top) continue;
      lines.push(`  ${requestLine(r)}`, `    ${top.id}: ${top.evidence[0] ?? top.title} (${Math.round(top.confidence * 100)}%)`);
    }
  }
  if (lines.length > 0) {
    const error = new Error(lines.join("\n"));
    error.stack = error.message;
    throw error;
  }
}

/**
 * Playwright's `test`, with the authlens fixture on every test (an automatic fixture: nothing to
 * ask for). Options: `authlensFailOn` (default `"high"`), `authlensHar` (default `"off"`).
 */
export const test = base.extend<AuthlensOptions & { authlens: Authlens }>({
  authlensFailOn: ["high", { option: true }],
  authlensHar: ["off", { option: true }],
  authlens: [
    async ({ context, authlensFailOn, authlensHar }, use, testInfo) => {
      const watcher = watch(context);
      await use({
        entries: () => watcher.entries(),
        reports: async () => analyse(await watcher.entries()),
      });
      const entries = await watcher.entries();
      watcher.stop();
      await teardown(testInfo, entries, { authlensFailOn, authlensHar });
    },
    { auto: true },
  ],
});
