// A stand-in for the wasm-bindgen glue, with the same exports. It records what it was given in
// globalThis.__fakeEngine so tests can check what the devtools page hands the engine.

const state = (globalThis.__fakeEngine ??= { entries: [], inits: [], cleared: 0, failInit: null });

// A trapped wasm module refuses every later call (wasm-bindgen's borrow flag stays set); each
// instance of this module (imported again under another URL) is a fresh "wasm instance".
let dead = false;
function alive() {
  if (dead) throw new Error("recursive use of an object detected which would lead to unsafe aliasing in rust");
}

export default async function init(input) {
  state.inits.push(input);
  if (state.failInit) throw new Error(state.failInit);
}

export class Engine {
  constructor() {
    this.count = 0;
  }
  analyzeEntry(entry) {
    alive();
    state.entries.push(entry);
    const url = entry.request?.url ?? "";
    if (url.includes("reject-me")) throw new Error("authlens: unusable HAR entry: invalid type at request.headers");
    // What a Rust panic looks like from JS (panic = abort: a wasm `unreachable` trap).
    if (url.includes("trap-me")) {
      dead = true;
      throw new WebAssembly.RuntimeError("unreachable");
    }
    const status = entry.response?.status ?? 0;
    const causes = status === 401 ? [{ id: "placeholder_credentials", confidence: 0.9, title: "placeholder", evidence: [], fix: [] }] : [];
    return {
      index: this.count++, method: entry.request?.method ?? "", url: url.replace(/token=[^&]*/, "token=[redacted]"),
      status, provider: null, environment: null, causes, findings: [], credentials: [],
    };
  }
  clear() {
    alive();
    state.cleared += 1;
    this.count = 0;
  }
  free() {
    state.freed = (state.freed ?? 0) + 1;
  }
  get length() {
    return this.count;
  }
}

export function version() {
  return "0.0.0-fake";
}

export function curlCommand(entry) {
  alive();
  state.curls = (state.curls ?? 0) + 1;
  return `# set first: export API_TOKEN=…\ncurl -i "${entry.request?.url ?? ""}" -H "Authorization: Bearer \${API_TOKEN}"`;
}

export function redactHar(har) {
  return { log: { entries: har.log.entries.map((e) => ({ ...e, request: { ...e.request, headers: [] } })) } };
}

export function renderReport(entries, format) {
  if (format === "markdown") return `# authlens report\n\n${entries.length} requests\n`;
  if (format === "json") return JSON.stringify({ tool: "authlens", entries: entries.map((e, index) => ({ index, url: e.request?.url })) });
  throw new Error(`authlens: unknown report format \`${format}\``);
}

export function harError(text) {
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return "authlens: not JSON (line 1, column 1)"; // the engine says where (message differs)
  }
  // Like the engine: a document with a log.entries list is readable (entries are read one by one).
  return Array.isArray(doc?.log?.entries) ? undefined : "authlens: the HAR has no log.entries";
}
