// E2E reporter: compiled into `--e2e` builds only (build.mjs defines __AUTHLENS_E2E__; shipped
// builds drop this module and the build checks that no trace of it is left).
//
// It POSTs what the devtools page did to `<inspected origin>/__report` so a test server can assert
// on it, and only when the inspected page is served from the loopback interface:
//   {"kind":"up","browser":"chrome"|"firefox"}     engine loaded and listeners attached (first)
//   {"kind":"engine_error","message":"..."}        instead of "up" when the engine failed
//   {"kind":"report","report":<EntryReport>}       one per analysed entry, in analysis order
//   {"kind":"entry_error","message":"..."}         one per entry the engine rejected
// Messages are sent one at a time, in that order; nothing is sent before the first message.

import type { BrowserName } from "./browser";
import type { EntryReport } from "./report";

/**
 * Origins the reporter may talk to: loopback literals and names that can only resolve because the
 * test maps them to loopback (`*.localhost` by RFC 6761, `*.test` is reserved and never public).
 */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]|[a-z0-9-]+(\.[a-z0-9-]+)*\.(localhost|test)):\d+$/;

export function isReportableOrigin(origin: unknown): origin is string {
  return typeof origin === "string" && LOOPBACK_ORIGIN.test(origin);
}

export type E2eMessage =
  | { kind: "up"; browser: BrowserName }
  | { kind: "engine_error"; message: string }
  | { kind: "report"; report: EntryReport }
  | { kind: "entry_error"; message: string };

export interface ReporterDeps {
  /** `location.origin` of the inspected page (may reject or give "null" while it loads). */
  readOrigin: () => Promise<unknown>;
  post?: (url: string, body: string) => Promise<void>;
  /** Attempts to read the origin, and the pause between them. */
  attempts?: number;
  delayMs?: number;
  log?: (text: string) => void;
}

export interface Reporter {
  up(browser: BrowserName): void;
  engineError(message: string): void;
  report(report: EntryReport): void;
  entryError(message: string): void;
  /** The inspected page navigated; a loopback URL settles the origin if it is still unknown. */
  navigated(url: string): void;
  /** Resolves when everything queued so far was posted (or dropped); for tests. */
  idle(): Promise<void>;
}

async function defaultPost(url: string, body: string): Promise<void> {
  // A CORS-simple request: the server gets it even if its answer is not readable by us.
  await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body });
}

export function createReporter(deps: ReporterDeps): Reporter {
  const post = deps.post ?? defaultPost;
  const log = deps.log ?? ((text: string) => console.info(`authlens e2e: ${text}`));
  const attempts = deps.attempts ?? 40;
  const delayMs = deps.delayMs ?? 250;

  let origin: string | null = null;
  let gaveUp = false;
  let started = false; // the first message ("up" or "engine_error") has been queued
  const waiting: E2eMessage[] = []; // queued before the first message
  const outbox: E2eMessage[] = [];
  let sending: Promise<void> = Promise.resolve();

  const pump = (): void => {
    if (!origin) return;
    const target = `${origin}/__report`;
    while (outbox.length > 0) {
      const body = JSON.stringify(outbox.shift());
      sending = sending.then(() =>
        post(target, body).catch((error: unknown) => log(`POST failed (${String(error)})`)),
      );
    }
  };

  const settleOrigin = (candidate: unknown): boolean => {
    if (origin || !isReportableOrigin(candidate)) return false;
    origin = candidate;
    log(`reporting to ${origin}/__report`);
    pump();
    return true;
  };

  const enqueue = (msg: E2eMessage, first = false): void => {
    if (gaveUp) return;
    if (first) {
      if (started) return;
      started = true;
      outbox.push(msg, ...waiting.splice(0));
    } else if (!started) {
      waiting.push(msg);
      return;
    } else {
      outbox.push(msg);
    }
    pump();
  };

  void (async () => {
    for (let attempt = 0; attempt < attempts && !origin; attempt++) {
      try {
        if (settleOrigin(await deps.readOrigin())) return;
      } catch {
        // the page is still loading, or not reachable yet
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    if (!origin) {
      gaveUp = true;
      outbox.length = 0;
      waiting.length = 0;
      log("the inspected page is not on a loopback origin; not reporting");
    }
  })();

  return {
    up: (browser) => enqueue({ kind: "up", browser }, true),
    engineError: (message) => enqueue({ kind: "engine_error", message }, true),
    report: (report) => enqueue({ kind: "report", report }),
    entryError: (message) => enqueue({ kind: "entry_error", message }),
    navigated(url) {
      try {
        settleOrigin(new URL(url).origin);
      } catch {
        // not a URL
      }
    },
    idle: async () => {
      let seen: Promise<void> | undefined;
      while (seen !== sending) {
        seen = sending;
        await seen;
      }
    },
  };
}
