// E2E probe: compiled into `--e2e` builds only (like the reporter; shipped builds drop this module
// and build.mjs checks that no trace of it is left). The panel records what it copied and what
// it saved, on `window.__authlensProbe`, for the browser tests to read back.

export interface Probe {
  copies: { text: string; method: string }[];
  downloads: { filename: string; mime: string; text: string }[];
  /** Answers to "Open in Sources". */
  opened: { ok: boolean; error: string | null }[];
  renders: number;
}

export function createProbe(): Probe {
  const probe: Probe = { copies: [], downloads: [], opened: [], renders: 0 };
  (window as unknown as { __authlensProbe: Probe }).__authlensProbe = probe;
  return probe;
}
