// The panel's state and the one function that changes it. `reduce(state, event)` is pure: it
// returns the next state (never mutating the last one) and the effects to run (messages to the
// devtools page, text to copy, a toast). panel.ts owns the one current state, runs the effects,
// and draws with `render(state)`. Derived lists (filtered, ordered, grouped) are computed from the
// state by the selectors below and cached by the identity of their inputs.

import type { Item } from "./capture";
import { message, type ExportFormat, type Source, type Status, type ToDevtools, type ToPanel } from "./messages";
import {
  byStart,
  defaultFilter,
  filterItems,
  isUnexplainedFailure,
  keepSelection,
  secretGroups,
  strictCurl,
  trimItems,
  type Filter,
  type SecretGroup,
} from "./view-model";

export type View = "requests" | "rates";

export interface CurlAnswer {
  text: string | null;
  error: string | null;
}

/** Which list a selection or a comparison baseline belongs to. */
export interface ItemRef {
  source: Source;
  seq: number;
}

export interface PanelState {
  status: Status | null;
  /** The live log the items belong to (changes when the devtools page clears it). */
  session: string | null;
  live: readonly Item[];
  /** The imported HAR file's items, while there is one. */
  importId: string | null;
  imported: readonly Item[];
  /** Which list is shown. */
  source: Source;
  view: View;
  filter: Filter;
  selected: number | null;
  detailsOpen: boolean;
  /** "Learn more" texts by id (null: no documentation), and the ids asked for. */
  explanations: ReadonlyMap<string, string | null>;
  asked: ReadonlySet<string>;
  /** Ids whose "Learn more" is open. */
  expanded: ReadonlySet<string>;
  /** cURL commands by `source:seq`. */
  curls: ReadonlyMap<string, CurlAnswer>;
  /** A cURL command to copy as soon as it arrives. */
  copyWhenCurl: string | null;
  /** The 401-rate table lists only fetch/XHR requests. */
  ratesApiOnly: boolean;
  /** Engine restarts the user has seen the notice of. */
  restartsSeen: number;
  /** The "DevTools opened late" notice was dismissed. */
  lateDismissed: boolean;
  /** Size of the details pane: a fraction of the split (side by side, stacked). */
  split: { side: number; stacked: number };
  /** The baseline chosen for "What changed since it worked" (index into the candidates). */
  baseline: number;
  /** The causes the engine checks (for failures it explained none of), once asked for. */
  checks: readonly { id: string; title: string }[] | null;
}

export function initialState(filter: Filter = defaultFilter(), split = { side: 0.48, stacked: 0.55 }): PanelState {
  return {
    status: null,
    session: null,
    live: [],
    importId: null,
    imported: [],
    source: "live",
    view: "requests",
    filter,
    selected: null,
    detailsOpen: false,
    explanations: new Map(),
    asked: new Set(),
    expanded: new Set(),
    curls: new Map(),
    copyWhenCurl: null,
    ratesApiOnly: true,
    restartsSeen: 0,
    lateDismissed: false,
    split,
    baseline: 0,
    checks: null,
  };
}

export type PanelEvent =
  | { type: "connected" }
  | { type: "received"; msg: ToPanel }
  | { type: "select"; seq: number | null; open?: boolean }
  | { type: "close-details" }
  | { type: "filter"; filter: Partial<Filter>; view?: View }
  | { type: "view"; view: View }
  | { type: "source"; source: Source }
  | { type: "clear" }
  | { type: "close-import" }
  | { type: "toggle-explanation"; id: string }
  | { type: "curl"; seq: number; copy: boolean }
  | { type: "rates-api-only"; value: boolean }
  | { type: "preserve-log"; value: boolean }
  | { type: "dismiss-restart" }
  | { type: "dismiss-late" }
  | { type: "reload" }
  | { type: "split"; layout: "side" | "stacked"; fraction: number }
  | { type: "open-resource"; url: string; line: number; column: number }
  | { type: "export"; format: ExportFormat }
  | { type: "import"; name: string; text: string }
  | { type: "baseline"; index: number };

export type Effect =
  | { kind: "send"; msg: ToDevtools }
  | { kind: "copy"; text: string; done: string }
  | { kind: "toast"; text: string; bad: boolean }
  | { kind: "download"; filename: string; mime: string; text: string }
  /** The list's content changed under the user: scroll it back to the top. */
  | { kind: "scroll-top" };

export interface Step {
  state: PanelState;
  effects: Effect[];
}

export const curlKey = (source: Source, seq: number): string => `${source}:${seq}`;

/** The items of the list shown. */
export function currentItems(state: PanelState): readonly Item[] {
  return state.source === "import" ? state.imported : state.live;
}

/** The other list: the live session for an imported file, the imported file for live traffic. */
export function otherItems(state: PanelState): readonly Item[] | null {
  if (state.source === "import") return state.live;
  return state.importId ? state.imported : null;
}

const orderCache = new WeakMap<readonly Item[], Item[]>();

/** The items of the list shown, in request start order. */
export function orderedItems(state: PanelState): Item[] {
  const items = currentItems(state);
  let ordered = orderCache.get(items);
  if (!ordered) {
    ordered = byStart(items);
    orderCache.set(items, ordered);
  }
  return ordered;
}

const visibleCache = new WeakMap<Item[], WeakMap<Filter, Item[]>>();

/** The rows the filters let through, in request start order. */
export function visibleItems(state: PanelState): Item[] {
  const ordered = orderedItems(state);
  let byFilter = visibleCache.get(ordered);
  if (!byFilter) {
    byFilter = new WeakMap();
    visibleCache.set(ordered, byFilter);
  }
  let visible = byFilter.get(state.filter);
  if (!visible) {
    visible = filterItems(ordered, state.filter);
    byFilter.set(state.filter, visible);
  }
  return visible;
}

/** Secrets of the list shown, grouped (the "Exposed keys" view), or null in other views. */
export function visibleGroups(state: PanelState): SecretGroup[] | null {
  return state.filter.mode === "findings" ? secretGroups(currentItems(state)) : null;
}

/** The item whose details are open, or null. */
export function openItem(state: PanelState): Item | null {
  if (!state.detailsOpen || state.selected === null || state.view !== "requests") return null;
  return visibleItems(state).find((item) => item.seq === state.selected) ?? null;
}

/** The engine restarted since the user last dismissed the notice. */
export function restartNotice(state: PanelState): number {
  const restarts = state.status?.engineRestarts ?? 0;
  return restarts > state.restartsSeen ? restarts : 0;
}

/** DevTools opened after the page loaded, and the user has not dismissed the notice. */
export function lateNotice(state: PanelState): boolean {
  return state.source === "live" && (state.status?.lateStart ?? false) && !state.lateDismissed;
}

// ---- the reducer -----------------------------------------------------------------------------------

const send = (msg: ToDevtools): Effect => ({ kind: "send", msg });

function readyMessage(state: PanelState): ToDevtools {
  return message({
    kind: "ready",
    session: state.session,
    lastSeq: state.live[state.live.length - 1]?.seq ?? -1,
    importId: state.importId,
  });
}

/** A selection that is no longer listed is dropped (and its details closed). */
function settle(state: PanelState): PanelState {
  const selected = keepSelection(visibleItems(state), state.selected);
  if (selected === state.selected) return state;
  return { ...state, selected, detailsOpen: selected !== null && state.detailsOpen, baseline: 0 };
}

/** The state without the cURL commands (and requests for them) of one list, whose items changed. */
function forgetCurls(state: PanelState, source: Source): PanelState {
  const curls = new Map(state.curls);
  for (const key of curls.keys()) if (key.startsWith(`${source}:`)) curls.delete(key);
  const asked = new Set([...state.asked].filter((key) => !key.startsWith(`curl:${source}:`)));
  const copyWhenCurl = state.copyWhenCurl?.startsWith(`${source}:`) ? null : state.copyWhenCurl;
  return { ...state, curls, asked, copyWhenCurl };
}

function forgetSelection(state: PanelState): PanelState {
  return { ...state, selected: null, detailsOpen: false, baseline: 0 };
}

function showSource(state: PanelState, source: Source): PanelState {
  if (state.source === source) return state;
  return forgetSelection({ ...state, source });
}

function applyStatus(state: PanelState, status: Status): PanelState {
  let next: PanelState = { ...state, status, live: trimItems(state.live, status.firstSeq) };
  if (next.live.length === state.live.length) next = { ...next, live: state.live };
  if (!status.imported && (state.importId !== null || state.imported.length)) {
    next = showSource(forgetCurls({ ...next, importId: null, imported: [] }, "import"), "live");
  }
  return next;
}

function receive(state: PanelState, msg: ToPanel): Step {
  switch (msg.kind) {
    case "snapshot": {
      let next: PanelState;
      if (msg.reset || msg.session !== state.session) {
        next = forgetCurls({ ...state, live: msg.items.slice() }, "live");
        if (state.source === "live") next = forgetSelection(next);
      } else {
        const last = state.live[state.live.length - 1]?.seq ?? -1;
        const fresh = msg.items.filter((item) => item.seq > last);
        next = fresh.length ? { ...state, live: [...state.live, ...fresh] } : state;
      }
      next = applyStatus({ ...next, session: msg.session }, msg.status);
      return { state: settle(next), effects: [] };
    }
    case "item":
      // A log we have no snapshot of: ask for one.
      if (msg.session !== state.session) return { state, effects: [send(readyMessage(state))] };
      return { state: settle(applyStatus({ ...state, live: [...state.live, msg.item] }, msg.status)), effects: [] };
    case "import-items": {
      let next: PanelState;
      if (msg.reset || msg.id !== state.importId) {
        next = forgetCurls({ ...state, importId: msg.id, imported: msg.items.slice() }, "import");
        if (msg.reset) next = showSource(next, "import");
      } else {
        next = { ...state, imported: [...state.imported, ...msg.items] };
      }
      return { state: settle(applyStatus(next, msg.status)), effects: [] };
    }
    case "status":
      return { state: settle(applyStatus(state, msg.status)), effects: [] };
    case "explanation": {
      const explanations = new Map(state.explanations);
      explanations.set(msg.id, msg.text);
      return { state: { ...state, explanations }, effects: [] };
    }
    case "curl": {
      const key = curlKey(msg.source, msg.seq);
      const answer: CurlAnswer = { text: msg.text === null ? null : strictCurl(msg.text), error: msg.error };
      const curls = new Map(state.curls);
      curls.set(key, answer);
      const next: PanelState = { ...state, curls };
      if (state.copyWhenCurl !== key) return { state: next, effects: [] };
      return { state: { ...next, copyWhenCurl: null }, effects: [copyCurlEffect(answer)] };
    }
    case "export":
      if (msg.text === null) return { state, effects: [{ kind: "toast", text: `Export failed: ${msg.error ?? "unknown error"}`, bad: true }] };
      return { state, effects: [{ kind: "download", filename: msg.filename, mime: msg.mime, text: msg.text }] };
    case "checks":
      return { state: { ...state, checks: msg.causes }, effects: [] };
    case "opened":
      return {
        state,
        effects: msg.ok ? [] : [{ kind: "toast", text: `Could not open it in Sources: ${msg.error ?? "unknown error"}`, bad: true }],
      };
  }
}

/** Ask the devtools page for a cURL command once; with `copy`, copy it when it is there. */
function askCurl(state: PanelState, seq: number, copy: boolean): Step {
  const key = curlKey(state.source, seq);
  const known = state.curls.get(key);
  if (known) return { state, effects: copy ? [copyCurlEffect(known)] : [] };
  const asked = state.asked.has(`curl:${key}`);
  const next: PanelState = { ...state, copyWhenCurl: copy ? key : state.copyWhenCurl };
  if (asked) return { state: next, effects: [] };
  const askedNow = new Set(state.asked);
  askedNow.add(`curl:${key}`);
  return { state: { ...next, asked: askedNow }, effects: [send(message({ kind: "curl", source: state.source, seq }))] };
}

function copyCurlEffect(answer: CurlAnswer): Effect {
  if (!answer.text) return { kind: "toast", text: `No cURL command: ${answer.error ?? "unknown error"}`, bad: true };
  return {
    kind: "copy",
    text: answer.text,
    done: answer.text.includes("${") ? "cURL command copied: set the variables on its first line, then run it" : "cURL command copied",
  };
}

export function reduce(state: PanelState, event: PanelEvent): Step {
  switch (event.type) {
    case "connected":
      return { state, effects: [send(readyMessage(state))] };
    case "received":
      return receive(state, event.msg);
    case "select": {
      const open = event.open ?? state.detailsOpen;
      const next = { ...state, selected: event.seq, detailsOpen: event.seq !== null && open };
      if (event.seq !== state.selected) next.baseline = 0;
      // The details show the request's cURL command: ask for it as they open (and, for a failure
      // no cause explained, the list of what was checked).
      const item = openItem(next);
      if (item?.kind !== "report") return { state: next, effects: [] };
      const step = askCurl(next, item.seq, false);
      if (!isUnexplainedFailure(item) || step.state.checks || step.state.asked.has("checks")) return step;
      const asked = new Set(step.state.asked);
      asked.add("checks");
      return { state: { ...step.state, asked }, effects: [...step.effects, send(message({ kind: "checks" }))] };
    }
    case "close-details":
      return { state: { ...state, detailsOpen: false }, effects: [] };
    case "filter": {
      const filter = { ...state.filter, ...event.filter };
      const next = settle({ ...state, filter, view: event.view ?? state.view });
      return { state: next, effects: [{ kind: "scroll-top" }] };
    }
    case "view":
      return { state: settle({ ...state, view: event.view }), effects: [] };
    case "source":
      return { state: showSource(state, event.source), effects: [{ kind: "scroll-top" }] };
    case "clear":
      return { state: forgetSelection(state), effects: [send(message({ kind: "clear" }))] };
    case "close-import":
      return { state: showSource(state, "live"), effects: [send(message({ kind: "close-import" }))] };
    case "toggle-explanation": {
      const expanded = new Set(state.expanded);
      const opening = !expanded.has(event.id);
      if (opening) expanded.add(event.id);
      else expanded.delete(event.id);
      if (!opening || state.explanations.has(event.id) || state.asked.has(event.id)) return { state: { ...state, expanded }, effects: [] };
      const asked = new Set(state.asked);
      asked.add(event.id);
      return { state: { ...state, expanded, asked }, effects: [send(message({ kind: "explain", id: event.id }))] };
    }
    case "curl":
      return askCurl(state, event.seq, event.copy);
    case "rates-api-only":
      return { state: { ...state, ratesApiOnly: event.value }, effects: [] };
    case "preserve-log":
      return { state, effects: [send(message({ kind: "preserve-log", value: event.value }))] };
    case "dismiss-restart":
      return { state: { ...state, restartsSeen: state.status?.engineRestarts ?? state.restartsSeen }, effects: [] };
    case "dismiss-late":
      return { state: { ...state, lateDismissed: true }, effects: [] };
    case "reload":
      return { state: { ...state, lateDismissed: true }, effects: [send(message({ kind: "reload" }))] };
    case "split": {
      const fraction = Math.min(0.85, Math.max(0.15, event.fraction));
      if (!Number.isFinite(fraction)) return { state, effects: [] };
      return { state: { ...state, split: { ...state.split, [event.layout]: fraction } }, effects: [] };
    }
    case "open-resource":
      if (!state.status?.canOpenResource) {
        return {
          state,
          effects: [
            {
              kind: "toast",
              text: `This browser does not let extensions open a script in its debugger: open it there and go to line ${event.line}, column ${event.column}`,
              bad: true,
            },
          ],
        };
      }
      return { state, effects: [send(message({ kind: "open-resource", url: event.url, line: event.line, column: event.column }))] };
    case "export":
      return { state, effects: [send(message({ kind: "export", source: state.source, format: event.format }))] };
    case "import":
      return { state, effects: [send(message({ kind: "import", name: event.name, text: event.text }))] };
    case "baseline":
      return { state: { ...state, baseline: Math.max(0, Math.floor(event.index)) }, effects: [] };
  }
}
