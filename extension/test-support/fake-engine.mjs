// A stand-in for the wasm-bindgen glue, with the same exports. It records what it was given in
// globalThis.__fakeEngine so tests can check what the devtools page hands the engine.

const state = (globalThis.__fakeEngine ??= { entries: [], inits: [], cleared: 0, failInit: null });

export default async function init(input) {
  state.inits.push(input);
  if (state.failInit) throw new Error(state.failInit);
}

export class Engine {
  constructor() {
    this.count = 0;
  }
  analyzeEntry(entry) {
    state.entries.push(entry);
    const url = entry.request?.url ?? "";
    if (url.includes("reject-me")) throw new Error("authlens: unusable HAR entry: invalid type at request.headers");
    const status = entry.response?.status ?? 0;
    const causes = status === 401 ? [{ id: "placeholder_credentials", confidence: 0.9, title: "placeholder", evidence: [], fix: [] }] : [];
    return {
      index: this.count++, method: entry.request?.method ?? "", url: url.replace(/token=[^&]*/, "token=[redacted]"),
      status, provider: null, environment: null, causes, findings: [], credentials: [],
    };
  }
  clear() {
    state.cleared += 1;
    this.count = 0;
  }
  get length() {
    return this.count;
  }
}

export function explain(id) {
  return id === "placeholder_credentials" ? "# placeholder_credentials\n\n<b>not html</b>" : undefined;
}

export function version() {
  return "0.0.0-fake";
}
