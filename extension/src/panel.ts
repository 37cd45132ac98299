// The authlens panel: a view of what the devtools page captured and analysed, or of a HAR file the
// user imported. Its state has one owner: `state` below, changed only by `dispatch(event)`, which
// runs the pure reducer of state.ts and then the effects it asks for. `render()` draws the state.
// The panel never analyses and never sees a raw entry: it only shows values the engine returned
// (already redacted), always as text nodes.

import type { ErrorItem, Item, ReportItem } from "./capture";
import { baselines, compareRequests, matchWords, type Baseline } from "./compare";
import { append, byId, clear, h, type Child } from "./dom";
import { createProbe, type Probe } from "./e2e-probe";
import { docBlocks, parseInline, type Block, type Inline } from "./markdown";
import { isConnect, isToPanel, type ImportInfo } from "./messages";
import type { Cause, Credential, Finding, JwtClaims } from "./report";
import {
  currentItems,
  curlKey,
  initialState,
  lateNotice,
  openItem,
  orderedItems,
  otherItems,
  reduce,
  restartNotice,
  visibleGroups,
  visibleItems,
  type Effect,
  type PanelEvent,
  type PanelState,
} from "./state";
import {
  DETAIL_MAX,
  MODES,
  NO_CAUSE,
  bodyPosition,
  claimTime,
  countItems,
  credentialLabel,
  credentialTone,
  curlHasVariables,
  defaultFilter,
  droppedNotice,
  edgeSelection,
  evidenceParts,
  fileName,
  filterItems,
  firstStart,
  formatOffset,
  formatRate,
  formatUtc,
  hostOptions,
  isAuthFailure,
  isMode,
  isNarrowed,
  isUnexplainedFailure,
  itemByIndex,
  unexplainedView,
  keyCommand,
  linkParts,
  listRows,
  listState,
  moveSelection,
  percent,
  placeOf,
  providerLabel,
  rateTable,
  requestTime,
  rowSummary,
  scrollToRow,
  secretGroups,
  shownOf,
  statusTitle,
  virtualWindow,
  visibleText,
  matchesMode,
  type Claim,
  type EnvironmentFilter,
  type KeyPlace,
  type ListRow,
  type Mode,
  type SecretGroup,
} from "./view-model";

declare const __AUTHLENS_E2E__: boolean;

/** Height of one list row in CSS pixels (panel.css `--row-h`). */
const ROW_H = 21;
const MODE_KEY = "authlens.mode";
const SPLIT_KEY = "authlens.split";
/** Largest HAR file the panel hands over (the engine's own limit is 512 MB). */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Below this width the details go under the list instead of beside it (panel.css agrees). */
const STACK_BELOW = 720;

const ui = {
  badges: byId("badges"),
  clear: byId<HTMLButtonElement>("clear"),
  preserveLog: byId<HTMLInputElement>("preserve-log"),
  filter: byId<HTMLInputElement>("filter"),
  hostFilter: byId<HTMLSelectElement>("host-filter"),
  envFilter: byId<HTMLSelectElement>("env-filter"),
  importButton: byId<HTMLButtonElement>("import"),
  importFile: byId<HTMLInputElement>("import-file"),
  exportButton: byId<HTMLButtonElement>("export"),
  exportMenu: byId("export-menu"),
  modes: byId("modes"),
  shownOf: byId("shown-of"),
  endpointChip: byId("endpoint-chip"),
  endpointClear: byId<HTMLButtonElement>("endpoint-clear"),
  tabRequests: byId<HTMLButtonElement>("tab-requests"),
  tabRates: byId<HTMLButtonElement>("tab-rates"),
  alerts: byId("alerts"),
  banner: byId("banner"),
  notice: byId("notice"),
  split: byId("split"),
  listPane: byId("list-pane"),
  list: byId("list"),
  rowsSpace: byId("rows-space"),
  rows: byId("rows"),
  state: byId("state"),
  ratesPane: byId("rates-pane"),
  splitter: byId("splitter"),
  details: byId("details"),
  dropOverlay: byId("drop-overlay"),
  copyBox: byId("copy-box"),
  copyText: byId<HTMLTextAreaElement>("copy-text"),
  copyClose: byId<HTMLButtonElement>("copy-close"),
  toast: byId("toast"),
};

// ---- the state and its one way of changing -----------------------------------------------------

let state: PanelState = initialState({ ...defaultFilter(), mode: readMode() }, readSplit());
let port: MessagePort | null = null;

/** Test builds only: what was copied and downloaded, for the browser tests to read. */
const probe: Probe | null = __AUTHLENS_E2E__ ? createProbe() : null;

function dispatch(event: PanelEvent): void {
  const before = state;
  const step = reduce(state, event);
  state = step.state;
  for (const effect of step.effects) run(effect);
  if (state.filter.mode !== before.filter.mode) writeSession(MODE_KEY, state.filter.mode);
  if (state.split !== before.split) writeSession(SPLIT_KEY, JSON.stringify(state.split));
  if (state === before) return;
  // What the user did shows at once (the next key may depend on it); messages are drawn in batches.
  if (event.type === "received") scheduleRender();
  else {
    renderQueued = false;
    render(state);
  }
}

function run(effect: Effect): void {
  switch (effect.kind) {
    case "send":
      port?.postMessage(effect.msg);
      return;
    case "copy":
      void copyText(effect.text, effect.done);
      return;
    case "toast":
      toast(visibleText(effect.text, 400), effect.bad);
      return;
    case "download":
      download(effect.filename, effect.mime, effect.text);
      return;
    case "scroll-top":
      ui.list.scrollTop = 0;
      return;
  }
}

// ---- connection ------------------------------------------------------------------------------

window.addEventListener("message", (event: MessageEvent) => {
  if (event.origin !== location.origin || !isConnect(event.data)) return;
  const offered = event.ports[0];
  if (!offered) return;
  if (port && port !== offered) port.close();
  port = offered;
  port.onmessage = (e: MessageEvent) => {
    if (isToPanel(e.data)) {
      if (e.data.kind === "opened") probe?.opened.push({ ok: e.data.ok, error: e.data.error });
      dispatch({ type: "received", msg: e.data });
    }
    else console.warn("authlens panel: ignoring an unexpected message");
  };
  dispatch({ type: "connected" });
});

// ---- rendering -------------------------------------------------------------------------------

let renderQueued = false;

function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  // Hidden panels get no animation frames; a timer keeps counts fresh for when they show again.
  const runIt = (): void => {
    if (!renderQueued) return;
    renderQueued = false;
    render(state);
  };
  requestAnimationFrame(runIt);
  setTimeout(runIt, 250);
}

/** What the list shows, as last drawn (the scroll handler and the keyboard read it). */
let drawn: { rows: ListRow[]; visible: Item[] } = { rows: [], visible: [] };

function render(s: PanelState): void {
  const items = currentItems(s);
  const visible = visibleItems(s);
  const navigations = s.source === "live" && s.status?.preserveLog ? s.status.navigations : [];
  drawn = { rows: listRows(visible, { navigations, groups: visibleGroups(s) }), visible };
  document.body.classList.toggle("source-import", s.source === "import");
  document.body.classList.toggle("theme-dark", s.status?.theme === "dark");
  document.body.classList.toggle("theme-light", s.status?.theme !== "dark");
  ui.preserveLog.checked = s.status?.preserveLog ?? false;
  if (ui.filter.value !== s.filter.text) ui.filter.value = s.filter.text;
  ui.envFilter.value = s.filter.environment;
  renderBadges(s, items);
  renderModes(s);
  renderShownOf(s, items, visible);
  renderEndpointChip(s);
  renderHostOptions(s, items);
  renderAlerts(s);
  renderBanner(s);
  renderNotice(s);
  renderToolbarState(s, items);
  ui.listPane.hidden = s.view !== "requests";
  ui.ratesPane.hidden = s.view !== "rates";
  ui.tabRequests.setAttribute("aria-selected", String(s.view === "requests"));
  ui.tabRates.setAttribute("aria-selected", String(s.view === "rates"));
  if (s.view === "requests") {
    renderState(s, items, visible);
    renderRows(s, items);
  } else {
    renderRates(s, items);
  }
  const current = openItem(s);
  ui.details.hidden = current === null;
  ui.splitter.hidden = current === null;
  document.body.classList.toggle("details-open", current !== null);
  renderSplit(s);
  renderDetails(s, current);
  if (probe) probe.renders += 1;
}

function renderBadges(s: PanelState, items: readonly Item[]): void {
  clear(ui.badges);
  if (s.status?.engine !== "ready") return;
  const counts = countItems(items);
  const severe = [counts.critical && `${counts.critical} critical`, counts.high && `${counts.high} high`].filter(Boolean).join(", ");
  const forbidden = counts.authFailures - counts.unauthorized;
  append(
    ui.badges,
    h(
      "span",
      {
        class: `badge-count${counts.authFailures ? " bad" : ""}`,
        title:
          `${counts.authFailures} authentication failures: ${counts.unauthorized} × 401` +
          `${forbidden > 0 ? `, ${forbidden} × 403 about credentials` : ""}; ` +
          `${counts.unexplained} with ${NO_CAUSE}`,
        dataset: { count: String(counts.authFailures), unexplained: String(counts.unexplained) },
        attrs: { id: "count-auth" },
      },
      h("b", null, String(counts.authFailures)),
      counts.authFailures === 1 ? " auth failure" : " auth failures",
      h("span", { class: "sub-count", dataset: { count: String(counts.unauthorized) }, attrs: { id: "count-401" } }, ` (${counts.unauthorized} × 401)`),
    ),
    h(
      "span",
      {
        class: `badge-count${counts.exposedKeys ? " warn" : ""}`,
        title:
          `${counts.exposedKeys} distinct ${counts.exposedKeys === 1 ? "secret" : "secrets"} sent from or shipped to the page` +
          `${severe ? ` (${severe})` : ""}, seen in ${counts.occurrences} ${counts.occurrences === 1 ? "place" : "places"}`,
        dataset: { count: String(counts.exposedKeys), places: String(counts.occurrences) },
        attrs: { id: "count-keys" },
      },
      h("b", null, String(counts.exposedKeys)),
      counts.exposedKeys === 1 ? " exposed key" : " exposed keys",
    ),
    counts.engineErrors
      ? h("span", { class: "badge-count", title: "Entries the engine could not read" }, h("b", null, String(counts.engineErrors)), " not analysed")
      : null,
  );
  ui.badges.title = s.status?.engineVersion ? `authlens engine ${s.status.engineVersion}` : "";
}

function renderModes(s: PanelState): void {
  if (ui.modes.childElementCount === 0) {
    for (const mode of MODES) {
      const button = h(
        "button",
        { class: "chip", title: mode.title, attrs: { type: "button", "aria-pressed": "false" }, dataset: { mode: mode.id } },
        mode.label,
      );
      button.addEventListener("click", () => dispatch({ type: "filter", filter: { mode: mode.id } }));
      ui.modes.appendChild(button);
    }
  }
  for (const button of ui.modes.querySelectorAll<HTMLButtonElement>("button[data-mode]")) {
    button.setAttribute("aria-pressed", String(button.dataset.mode === s.filter.mode));
  }
}

function renderShownOf(s: PanelState, items: readonly Item[], visible: readonly Item[]): void {
  const text = s.view === "requests" ? shownOf(visible.length, items.length) : "";
  ui.shownOf.hidden = text === "";
  ui.shownOf.textContent = text;
  ui.shownOf.title = text ? `${text} requests match the filters` : "";
}

function renderEndpointChip(s: PanelState): void {
  const chip = ui.endpointChip;
  chip.hidden = !s.filter.endpoint;
  if (chip.hidden) return;
  const label = chip.querySelector<HTMLElement>(".endpoint-label");
  if (label) {
    label.textContent = visibleText(s.filter.endpoint, 300);
    label.title = visibleText(s.filter.endpoint, 1000);
  }
}

let renderedHosts = "";

function renderHostOptions(s: PanelState, items: readonly Item[]): void {
  const hosts = hostOptions(items);
  if (s.filter.host && !hosts.some((option) => option.value === s.filter.host)) hosts.push({ value: s.filter.host, count: 0 });
  const key = hosts.map((option) => `${option.value}\u0000${option.count}`).join("\u0001");
  if (key !== renderedHosts) {
    renderedHosts = key;
    clear(ui.hostFilter);
    append(ui.hostFilter, h("option", { attrs: { value: "" } }, "All hosts"));
    for (const option of hosts.slice(0, 500)) {
      append(ui.hostFilter, h("option", { attrs: { value: option.value } }, `${visibleText(option.value, 120)} (${option.count})`));
    }
  }
  ui.hostFilter.value = s.filter.host;
}

let alertsKey: string | null = null;

/** Notices at the top: the engine restarted; DevTools opened after the page loaded. */
function renderAlerts(s: PanelState): void {
  const restarts = restartNotice(s);
  const late = lateNotice(s);
  const key = `${restarts}:${late}`;
  if (alertsKey === key) return;
  alertsKey = key;
  clear(ui.alerts);
  ui.alerts.hidden = !restarts && !late;
  if (late) {
    const reload = h("button", { class: "tool primary", attrs: { type: "button", id: "reload-page" } }, "Reload page");
    reload.addEventListener("click", () => dispatch({ type: "reload" }));
    const dismiss = h("button", { class: "link", attrs: { type: "button" } }, "Dismiss");
    dismiss.addEventListener("click", () => dispatch({ type: "dismiss-late" }));
    append(
      ui.alerts,
      h(
        "div",
        { class: "alert late", attrs: { id: "late-notice", role: "status" } },
        h("span", null, "DevTools opened after this page had loaded, so its first requests were not recorded. Reload to see the whole session."),
        reload,
        dismiss,
      ),
    );
  }
  if (restarts) {
    const dismiss = h("button", { class: "link", attrs: { type: "button" } }, "Dismiss");
    dismiss.addEventListener("click", () => dispatch({ type: "dismiss-restart" }));
    append(
      ui.alerts,
      h(
        "div",
        { class: "alert restarted", attrs: { id: "restart-notice", role: "status" } },
        h(
          "span",
          null,
          `The analysis engine failed on an internal error and was restarted${restarts > 1 ? ` (${restarts} times)` : ""}. ` +
            "Requests analysed before are still listed; the one it failed on is marked as not analysed.",
        ),
        dismiss,
      ),
    );
  }
}

let bannerKey: string | null = null;

function renderBanner(s: PanelState): void {
  const info = s.status?.imported ?? null;
  const hidden = s.source !== "import" || !info;
  // The key stays in a variable: an attribute must never carry text from a file.
  const key = hidden || !info ? "" : JSON.stringify(info);
  if (bannerKey === key && ui.banner.hidden === hidden) return;
  bannerKey = key;
  clear(ui.banner);
  ui.banner.hidden = hidden;
  if (hidden || !info) return;
  ui.banner.classList.toggle("failed", info.error !== null);
  const back = h("button", { class: "tool", attrs: { type: "button", id: "back-to-live" } }, "Back to live traffic");
  back.addEventListener("click", () => dispatch({ type: "close-import" }));
  append(
    ui.banner,
    h("span", { class: "banner-label" }, "Imported file"),
    h("span", { class: "banner-name mono", title: visibleText(info.name, 400) }, visibleText(info.name, 200)),
    h("span", { class: "banner-text" }, importSummary(info)),
    h("span", { class: "spacer" }),
    back,
  );
}

function importSummary(info: ImportInfo): string {
  if (info.error) return `could not be analysed: ${visibleText(info.error, 400)}`;
  const n = (count: number): string => count.toLocaleString("en-US");
  const left = info.leftOut ? ` (the first ${n(info.analysed)}; ${n(info.leftOut)} more not analysed)` : "";
  if (!info.done) return info.entries ? `analysing… ${n(info.analysed)} of ${n(info.entries)} requests` : "reading…";
  return `${n(info.analysed)} ${info.analysed === 1 ? "request" : "requests"} analysed offline${left} · live capture continues`;
}

function renderNotice(s: PanelState): void {
  const text = droppedNotice(s.source === "live" ? (s.status?.dropped ?? 0) : 0);
  ui.notice.hidden = text === "";
  ui.notice.textContent = text;
}

function renderToolbarState(s: PanelState, items: readonly Item[]): void {
  ui.clear.disabled = s.source === "import";
  ui.clear.title = s.source === "import" ? "Go back to live traffic to clear its list" : "Clear the list of live requests";
  const nothing = items.length === 0 || s.status?.engine !== "ready";
  ui.exportButton.disabled = nothing;
  if (nothing) closeMenu();
}

// ---- the request list (virtual: only the rows in view exist) -------------------------------------

let renderedWindow = "";

function renderRows(s: PanelState, items: readonly Item[]): void {
  const { rows } = drawn;
  const total = rows.length;
  ui.rowsSpace.style.height = `${total * ROW_H}px`;
  ui.list.setAttribute("aria-rowcount", String(total + 1));
  const viewport = Math.max(0, ui.list.clientHeight - headHeight());
  const { start, end } = virtualWindow(ui.list.scrollTop, viewport, ROW_H, total);
  const origin = firstStart(items);
  const key = `${start}:${end}:${s.selected}:${rows[start]?.key}:${rows[end - 1]?.key}:${total}:${origin}:${s.status?.browser}`;
  if (key === renderedWindow && ui.rows.childElementCount === end - start) return;
  renderedWindow = key;
  ui.rows.style.transform = `translateY(${start * ROW_H}px)`;
  const fresh = document.createDocumentFragment();
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (!row) continue;
    if (row.kind === "item") fresh.appendChild(makeRow(s, row.item, i, origin, row.group && row.place ? `${row.group.title} · ${row.place.place}` : null, row.group?.severity));
    else if (row.kind === "navigation") fresh.appendChild(makeNavigationRow(row.url, row.at, i));
    else fresh.appendChild(makeGroupRow(row.group, i));
  }
  clear(ui.rows);
  ui.rows.appendChild(fresh);
  if (s.selected !== null && ui.rows.querySelector(`#row-${s.selected}`)) ui.list.setAttribute("aria-activedescendant", `row-${s.selected}`);
  else ui.list.removeAttribute("aria-activedescendant");
}

function headHeight(): number {
  return ui.list.firstElementChild instanceof HTMLElement ? ui.list.firstElementChild.offsetHeight : ROW_H;
}

/** Breaks a URL (or a dotted location) may take: after `/`, `?`, `&`, `=`, `#` and `.`, never inside a word. */
function breakable(text: string): Child[] {
  const out: Child[] = [];
  for (const part of text.split(/(?<=[/?&=#.])/)) {
    out.push(part, h("wbr"));
  }
  return out;
}

/** A request row; `secretLine` (under a secret's heading) replaces the diagnosis with where that secret was. */
function makeRow(s: PanelState, item: Item, index: number, origin: number | null, secretLine: string | null = null, severity?: string): HTMLElement {
  const summary = rowSummary(item);
  const row = secretLine
    ? { ...summary, id: providerLabel(summary.providerName) || summary.id, text: secretLine, alsoFinding: null, tone: severity ?? summary.tone }
    : summary;
  const statusClass = row.status >= 400 ? "s-error" : row.status === 0 ? "s-none" : "";
  const edge = row.alsoFinding === "critical" || row.alsoFinding === "high" ? ` edge-${row.alsoFinding}` : "";
  const isSelected = item.seq === s.selected;
  const at = requestTime(item);
  const unexplained = isUnexplainedFailure(item);
  return h(
    "div",
    {
      class: `grid-row row tone-${row.tone}${edge}${isSelected ? " selected" : ""}${index % 2 ? " odd" : ""}${unexplained ? " unexplained" : ""}`,
      dataset: { seq: String(item.seq) },
      attrs: { role: "row", id: `row-${item.seq}`, "aria-rowindex": String(index + 2), "aria-selected": String(isSelected) },
    },
    h("span", { class: "c-method mono", attrs: { role: "gridcell" } }, visibleText(row.method, 16)),
    h("span", { class: "c-path mono", title: visibleText(row.url, 2000), attrs: { role: "gridcell", dir: "ltr" } }, visibleText(row.path)),
    h(
      "span",
      { class: `c-status mono ${statusClass}`, title: statusTitle(item), attrs: { role: "gridcell" } },
      row.status === 0 ? (item.kind === "error" && item.blockedBy !== undefined ? "(blocked)" : "(failed)") : String(row.status),
    ),
    h(
      "span",
      { class: "c-time mono", title: at !== null ? formatUtc(at) : "start time unknown", attrs: { role: "gridcell" } },
      at !== null && origin !== null ? formatOffset(at - origin) : "",
    ),
    h("span", { class: "c-provider", attrs: { role: "gridcell" } }, visibleText(providerLabel(row.providerName), 60)),
    h(
      "span",
      { class: `c-env${row.environment ? ` env-${row.environment}` : ""}`, attrs: { role: "gridcell" } },
      row.environment ? h("span", { class: "env-tag" }, row.environment) : null,
    ),
    h(
      "span",
      { class: "c-diag", title: row.id ? visibleText(`${row.id}: ${row.text}`, 400) : visibleText(row.text, 400), attrs: { role: "gridcell" } },
      row.alsoFinding
        ? h("span", { class: `badge sev-${row.alsoFinding}`, title: `also an exposed secret (${row.alsoFinding})` }, row.alsoFinding)
        : null,
      row.id ? h("code", { class: "diag-id" }, visibleText(row.id, 80)) : null,
      row.text ? h("span", { class: "diag-text" }, visibleText(row.text)) : null,
    ),
  );
}

function makeNavigationRow(url: string, at: number, index: number): HTMLElement {
  const time = new Date(at).toLocaleTimeString("en-GB");
  return h(
    "div",
    { class: "grid-row nav-row", attrs: { role: "row", "aria-rowindex": String(index + 2) } },
    h("span", { class: "nav-text", title: visibleText(url, 2000), attrs: { role: "gridcell" } }, `Navigated to ${visibleText(url, 400)} · ${time}`),
  );
}

function makeGroupRow(group: SecretGroup, index: number): HTMLElement {
  const provider = providerLabel(group.provider);
  const places = group.places.length;
  return h(
    "div",
    {
      class: `grid-row group-row sev-${group.severity}`,
      dataset: { seq: String(group.first.seq) },
      attrs: { role: "row", "aria-rowindex": String(index + 2) },
    },
    h(
      "span",
      { class: "group-text", attrs: { role: "gridcell" }, title: visibleText(`${group.rule}: first seen at ${group.first.place}`, 600) },
      h("span", { class: `badge sev-${group.severity}` }, group.severity),
      h("b", null, visibleText(group.title, 200)),
      provider ? ` · ${provider}` : "",
      " · ",
      h("code", { class: "diag-id" }, visibleText(group.rule, 80)),
      ` · first seen ${visibleText(group.first.place, 200)} · ${places} ${places === 1 ? "place" : "places"}`,
    ),
  );
}

// One listener for every row (rows come and go as the list scrolls).
ui.rows.addEventListener("click", (event) => {
  const row = event.target instanceof Element ? event.target.closest<HTMLElement>(".row[data-seq], .group-row[data-seq]") : null;
  if (!row) return;
  select(Number(row.dataset.seq), true);
  ui.list.focus({ preventScroll: true });
});

/** Select a row (and open or keep its details), scrolling it into view. */
function select(seq: number | null, open?: boolean): void {
  dispatch({ type: "select", seq, ...(open !== undefined ? { open } : {}) });
  if (seq === null) return;
  const rows = listRows(visibleItems(state), {
    navigations: state.source === "live" && state.status?.preserveLog ? state.status.navigations : [],
    groups: visibleGroups(state),
  });
  const index = rows.findIndex((row) => row.kind === "item" && row.item.seq === seq);
  if (index >= 0) {
    const viewport = Math.max(ROW_H, ui.list.clientHeight - headHeight());
    ui.list.scrollTop = scrollToRow(index, ui.list.scrollTop, viewport, ROW_H);
  }
}

/** Select an item referred to from elsewhere (evidence, a comparison), in whichever list it is. */
function reveal(source: "live" | "import", seq: number): void {
  if (state.source !== source) dispatch({ type: "source", source });
  if (!visibleItems(state).some((item) => item.seq === seq)) {
    // A filter hides it: show everything (the filters are one click away to restore).
    dispatch({ type: "filter", filter: { ...defaultFilter(), mode: "all" } });
  }
  select(seq, true);
}

let stateKey: string | null = null;

function renderState(s: PanelState, items: readonly Item[], visible: readonly Item[]): void {
  const list = listState(s.status, items, visible.length, isNarrowed({ ...s.filter, mode: "problems" }));
  const box = ui.state;
  const key = `${JSON.stringify(list)}:${s.source}:${s.filter.mode}:${s.status?.imported?.done}`;
  box.hidden = list.kind === "rows";
  if (stateKey === key) return;
  stateKey = key;
  clear(box);
  box.className = "state";
  box.dataset.state = list.kind;
  switch (list.kind) {
    case "connecting":
      append(box, h("p", null, "Connecting to the authlens DevTools page…"));
      break;
    case "engine-loading":
      append(box, h("p", null, "Loading the analysis engine…"));
      break;
    case "engine-failed":
      box.classList.add("failed");
      append(box, h("p", { class: "big" }, "The analysis engine failed to load"), h("p", { class: "hint mono" }, visibleText(list.message, 600)));
      break;
    case "empty":
      if (s.source === "import") {
        append(box, h("p", { class: "big" }, s.status?.imported?.done ? "The imported file has no requests" : "Reading the file…"));
        break;
      }
      append(box, h("p", { class: "big" }, "No requests yet"));
      if (list.firefoxHint) {
        append(box, h("p", { class: "hint" }, "Firefox: open the Network panel once so DevTools records requests."));
      }
      append(
        box,
        h("p", { class: "hint" }, "Requests made before DevTools opened are not seen: reload the page to capture them."),
        h("p", { class: "hint" }, "Or drop a HAR file here to analyse it."),
      );
      break;
    case "nothing-relevant": {
      const n = `${list.total.toLocaleString("en-US")} ${list.total === 1 ? "request" : "requests"}`;
      if (list.filtered || s.filter.mode !== "problems") {
        const reset = h("button", { class: "link", attrs: { type: "button", id: "clear-filters" } }, "Clear the filters");
        reset.addEventListener("click", () => dispatch({ type: "filter", filter: defaultFilter() }));
        append(box, h("p", { class: "big" }, `No request matches the filters (${n} in all)`), h("p", { class: "hint" }, reset));
      } else {
        const all = h("button", { class: "link", attrs: { type: "button" } }, "Show all requests");
        all.addEventListener("click", () => dispatch({ type: "filter", filter: { mode: "all" } }));
        append(box, h("p", { class: "big" }, `No authentication problems in ${n} so far`), h("p", { class: "hint" }, all));
      }
      break;
    }
    case "rows":
      break;
  }
}

// ---- 401 rate by endpoint and environment ---------------------------------------------------------

let renderedRates = "";

function renderRates(s: PanelState, items: readonly Item[]): void {
  const pane = ui.ratesPane;
  // Redrawn only when the items or the filters changed (items arrive often).
  const key = `${s.source}:${s.importId}:${s.session}:${items.length}:${items[0]?.seq}:${items[items.length - 1]?.seq}:${JSON.stringify(s.filter)}:${s.ratesApiOnly}`;
  if (key === renderedRates && pane.childElementCount > 0) return;
  renderedRates = key;
  clear(pane);
  // Counts follow the host, environment and text filters; the status filter picks the endpoints listed.
  const counted = filterItems(orderedItems(s), { ...s.filter, mode: "all", endpoint: "" });
  const rows = rateTable(counted, { apiOnly: s.ratesApiOnly, listed: (item) => matchesMode(item, s.filter.mode) });
  const apiOnly = h("input", { attrs: { type: "checkbox", id: "rates-api-only" } });
  apiOnly.checked = s.ratesApiOnly;
  apiOnly.addEventListener("change", () => dispatch({ type: "rates-api-only", value: apiOnly.checked }));
  const mode = MODES.find((m) => m.id === s.filter.mode);
  append(
    pane,
    h(
      "div",
      { class: "rates-options" },
      h("label", { class: "toggle", title: "Only the page's API calls; uncheck to count documents, scripts, images too" }, apiOnly, " Fetch/XHR only"),
      h("span", { class: "muted" }, s.filter.mode === "all" ? "every endpoint" : `endpoints with ${mode?.label ?? s.filter.mode} requests`),
    ),
  );
  if (rows.length === 0) {
    append(pane, h("div", { class: "state" }, h("p", { class: "big" }, "No requests to count yet")));
    return;
  }
  const shown = rows.slice(0, 1000);
  const body = h("tbody");
  for (const row of shown) {
    const tr = h(
      "tr",
      { class: row.unauthorized ? "has-401" : "", title: `Show the requests to ${visibleText(row.endpoint, 400)}`, dataset: { endpoint: row.endpoint } },
      h("td", { class: "r-endpoint mono", attrs: { dir: "ltr" } }, ...breakable(visibleText(row.endpoint, 400))),
      h("td", { class: "r-env" }, row.environment ? h("span", { class: `env-tag env-${row.environment}` }, row.environment) : h("span", { class: "muted" }, "—")),
      h("td", { class: "r-num" }, String(row.requests)),
      h("td", { class: `r-num${row.unauthorized ? " s-error" : ""}` }, String(row.unauthorized)),
      h("td", { class: `r-num${row.forbidden ? " s-error" : ""}` }, String(row.forbidden)),
      h(
        "td",
        { class: "r-rate" },
        h("span", { class: "rate-bar" }, h("span", { class: "rate-fill", attrs: { "data-rate": formatRate(row.rate) } })),
        h("span", { class: "rate-text" }, formatRate(row.rate)),
      ),
    );
    const fill = tr.querySelector<HTMLElement>(".rate-fill");
    if (fill) fill.style.width = `${Math.round(row.rate * 100)}%`;
    tr.addEventListener("click", () => {
      dispatch({ type: "filter", filter: { endpoint: row.endpoint, environment: row.environment ?? "none" }, view: "requests" });
      ui.list.focus({ preventScroll: true });
    });
    body.appendChild(tr);
  }
  append(
    pane,
    h(
      "table",
      { class: "rates", attrs: { id: "rates-table" } },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { class: "r-endpoint" }, "Endpoint"),
          h("th", { class: "r-env", title: "Environment" }, "Env."),
          h("th", { class: "r-num", title: "Requests" }, "Req."),
          h("th", { class: "r-num" }, "401"),
          h("th", { class: "r-num" }, "403"),
          h("th", { class: "r-rate" }, "401 rate"),
        ),
      ),
      body,
    ),
    h(
      "p",
      { class: "footnote" },
      `${rows.length} endpoint${rows.length === 1 ? "" : "s"}${rows.length > shown.length ? ` (the first ${shown.length} shown)` : ""}, most 401s first. ` +
        "Ids in paths are collapsed to {id}; successful CORS preflights are not counted. Click a row to list its requests.",
    ),
  );
}

// ---- the list/details split --------------------------------------------------------------------

function stacked(): boolean {
  return window.innerWidth <= STACK_BELOW;
}

function renderSplit(s: PanelState): void {
  const layout = stacked() ? "stacked" : "side";
  const fraction = s.split[layout];
  ui.details.style.flexBasis = `${Math.round(fraction * 1000) / 10}%`;
  ui.splitter.setAttribute("aria-orientation", layout === "stacked" ? "horizontal" : "vertical");
  ui.splitter.setAttribute("aria-valuenow", String(Math.round((1 - fraction) * 100)));
}

let dragging: { pointer: number } | null = null;
ui.splitter.addEventListener("pointerdown", (event: PointerEvent) => {
  dragging = { pointer: event.pointerId };
  ui.splitter.setPointerCapture(event.pointerId);
  document.body.classList.add("resizing");
  event.preventDefault();
});
ui.splitter.addEventListener("pointermove", (event: PointerEvent) => {
  if (!dragging || dragging.pointer !== event.pointerId) return;
  const box = ui.split.getBoundingClientRect();
  const layout = stacked() ? "stacked" : "side";
  const fraction = layout === "stacked" ? (box.bottom - event.clientY) / box.height : (box.right - event.clientX) / box.width;
  dispatch({ type: "split", layout, fraction });
});
const endDrag = (): void => {
  dragging = null;
  document.body.classList.remove("resizing");
};
ui.splitter.addEventListener("pointerup", endDrag);
ui.splitter.addEventListener("pointercancel", endDrag);
ui.splitter.addEventListener("keydown", (event: KeyboardEvent) => {
  const layout = stacked() ? "stacked" : "side";
  const grow = layout === "stacked" ? "ArrowUp" : "ArrowLeft";
  const shrink = layout === "stacked" ? "ArrowDown" : "ArrowRight";
  if (event.key !== grow && event.key !== shrink) return;
  event.preventDefault();
  event.stopPropagation();
  dispatch({ type: "split", layout, fraction: state.split[layout] + (event.key === grow ? 0.05 : -0.05) });
});

// ---- details ---------------------------------------------------------------------------------

/**
 * What the details were last built from; they are built again only when one of these changed.
 * What arrives later (the cURL command, a "Learn more" text, the list of checks) is filled into
 * the built details in place, so a button being clicked is never replaced under the pointer.
 */
let detailsInputs: unknown[] = [];

function renderDetails(s: PanelState, item: Item | null): void {
  const bases = item && item.kind === "report" && needsBaseline(item) ? baselines(item, s.source, currentItems(s), otherItems(s)) : [];
  const inputs: unknown[] = [item, s.source, s.baseline, s.status?.browser, s.status?.canOpenResource, ...bases.map((b) => b.item)];
  if (inputs.length !== detailsInputs.length || inputs.some((value, i) => value !== detailsInputs[i])) {
    const sameItem = detailsInputs[0] === item && item !== null;
    detailsInputs = inputs;
    const pane = ui.details;
    const scroll = pane.scrollTop;
    const focusedId = document.activeElement instanceof HTMLElement && pane.contains(document.activeElement) ? document.activeElement.id : "";
    clear(pane);
    if (item?.kind === "error") renderErrorDetails(s, pane, item);
    else if (item) renderReportDetails(s, pane, item, bases);
    if (sameItem) {
      pane.scrollTop = scroll;
      if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
    } else {
      pane.scrollTop = 0;
    }
  }
  if (item) fillDetails(s, item);
}

/** The parts of the details that change after they are built. */
function fillDetails(s: PanelState, item: Item): void {
  const pane = ui.details;
  const curl = pane.querySelector<HTMLElement>("#curl-text");
  if (curl) {
    const known = s.curls.get(curlKey(s.source, item.seq));
    const text = !known ? "Building the command…" : (known.text ?? `No cURL command: ${known.error ?? "unknown error"}`);
    if (curl.textContent !== text) curl.textContent = text;
    curl.classList.toggle("muted", !known?.text);
    const note = pane.querySelector<HTMLElement>("#curl-note");
    if (note) note.hidden = !(known?.text && curlHasVariables(known.text));
  }
  for (const box of pane.querySelectorAll<HTMLElement>(".learn")) {
    const spec = learnBoxes.get(box);
    if (spec) fillLearn(s, box, spec);
  }
  const slot = pane.querySelector<HTMLElement>("#checks-slot");
  if (slot && s.checks && slot.dataset.filled !== "1") {
    slot.dataset.filled = "1";
    clear(slot);
    append(
      slot,
      h(
        "details",
        { class: "checked" },
        h("summary", null, `What was checked (${s.checks.length} causes)`),
        h("ul", { class: "checked-list" }, ...s.checks.map((c) => h("li", null, h("code", { class: "id" }, visibleText(c.id, 80)), " ", visibleText(c.title, 300)))),
      ),
    );
  }
}

/** A failure (or a request with no response) is compared with the last one that worked. */
function needsBaseline(item: ReportItem): boolean {
  return isAuthFailure(item) || item.report.status >= 400 || item.report.status === 0;
}

function closeButton(): HTMLElement {
  const button = h("button", { class: "close", title: "Close (Esc)", attrs: { type: "button", "aria-label": "Close details", id: "details-close" } }, "×");
  button.addEventListener("click", () => {
    dispatch({ type: "close-details" });
    ui.list.focus({ preventScroll: true });
  });
  return button;
}

function heading(method: string, statusCode: number, url: string, statusHint: string, action: Child = null): HTMLElement {
  return h(
    "div",
    { class: "d-head" },
    closeButton(),
    h("span", { class: "mono method" }, visibleText(method, 16)),
    h("span", { class: `mono status ${statusCode >= 400 ? "s-error" : ""}`, title: statusHint }, statusCode === 0 ? "(failed)" : String(statusCode)),
    h("span", { class: "mono url", attrs: { dir: "ltr" } }, ...breakable(visibleText(url, 4000))),
    action,
  );
}

function section(title: string, count: number | null, ...children: Child[]): HTMLElement {
  return h("section", { class: "d-section" }, h("h3", null, count === null ? title : `${title} (${count})`), ...children);
}

function renderErrorDetails(s: PanelState, pane: HTMLElement, item: ErrorItem): void {
  const blocked = item.blockedBy;
  let preflightLink: Child = null;
  if (blocked !== undefined) {
    preflightLink = h("p", null, "See ", entryButton(s.source, blocked, `its preflight (#${blocked})`), ".");
  }
  append(
    pane,
    heading(item.method, item.status, item.url, statusTitle(item)),
    blocked !== undefined
      ? h("p", { class: "engine-error blocked" }, visibleText(item.message, 2000))
      : h("p", { class: "engine-error" }, `The engine could not analyse this request: ${visibleText(item.message, 2000)}`),
    preflightLink,
    notesSection(item.notes),
  );
}

function renderReportDetails(s: PanelState, pane: HTMLElement, item: ReportItem, bases: Baseline[]): void {
  const report = item.report;
  const causes = report.causes ?? [];
  const findings = report.findings ?? [];
  const credentials = report.credentials ?? [];
  const at = requestTime(item);
  const copy = h(
    "button",
    { class: "tool primary", attrs: { type: "button", id: "copy-curl" }, title: "Copy a cURL command that reproduces this request; credentials become environment variables" },
    "Copy as cURL",
  );
  copy.addEventListener("click", () => dispatch({ type: "curl", seq: item.seq, copy: true }));

  append(
    pane,
    heading(report.method, report.status, report.url, statusTitle(item), copy),
    h(
      "div",
      { class: "d-tags" },
      h("span", { class: "tag mono", title: "number of this request in the list (evidence refers to entries by the engine's #)" }, `#${report.index}`),
      report.provider ? h("span", { class: "tag" }, visibleText(providerLabel(report.provider), 60)) : null,
      report.environment ? h("span", { class: `env-tag env-${report.environment}` }, report.environment) : null,
      report.endpoint ? h("span", { class: "tag mono", title: "endpoint (ids collapsed)" }, visibleText(report.endpoint, 300)) : null,
      at !== null ? h("span", { class: "muted", title: "request time" }, formatUtc(at)) : null,
    ),
    causes.length
      ? section("Likely causes", causes.length, ...causes.map((cause, rank) => causeCard(s, item, cause, rank)))
      : isAuthFailure(item) || report.status === 401 || report.status === 403
        ? section("Likely causes", 0, noCause(item))
        : null,
    needsBaseline(item) ? whatChanged(s, item, bases) : null,
    findings.length ? section("Exposed secrets", findings.length, ...findings.map((finding) => findingCard(s, item, finding))) : null,
    report.server_said ? section("Server said", null, h("pre", { class: "mono said" }, ...linked(visibleText(report.server_said, DETAIL_MAX, true)))) : null,
    credentials.length ? section("Credentials sent", credentials.length, ...credentials.map((c) => credentialCard(c, at))) : null,
    curlSection(),
    notesSection([...(report.notes ?? []), ...item.notes]),
  );
}

/**
 * An authentication failure none of the known causes explained: say so, what was checked (the
 * engine's list for this request when it gives one, else the causes it knows) and what to try.
 */
function noCause(item: ReportItem): HTMLElement {
  const view = unexplainedView(item);
  const checked = view?.checked ?? [];
  const checklist = view?.checklist ?? [];
  return h(
    "div",
    { class: "card no-cause", attrs: { id: "no-cause" } },
    h("p", { class: "title" }, ...rich(visibleText(view?.summary ?? `Authentication failed, with ${NO_CAUSE}.`, 600))),
    h(
      "p",
      { class: "muted" },
      "The server refused the credential, but nothing in this request, its response or the requests before it matched a known cause. Compare it with the last request that worked (below), and read what the server said.",
    ),
    checklist.length
      ? h("div", null, h("div", { class: "sub" }, "What to try"), h("ol", { class: "fix" }, ...checklist.map((step) => h("li", null, ...rich(visibleText(step, 2000))))))
      : null,
    checked.length
      ? h(
          "details",
          { class: "checked", attrs: { id: "checked-engine" } },
          h("summary", null, `What was checked (${checked.length})`),
          h("ul", { class: "checked-list" }, ...checked.map((line) => h("li", null, ...rich(visibleText(line, 2000))))),
        )
      : h("div", { attrs: { id: "checks-slot" } }, h("p", { class: "muted" }, "Loading the list of checks…")),
  );
}

/** Text with its http(s) URLs as links; everything stays text nodes. */
function linked(text: string): Child[] {
  return linkParts(text).map((part) =>
    part.href
      ? h("a", { class: "ext", title: part.href, attrs: { href: part.href, target: "_blank", rel: "noopener noreferrer" } }, part.text)
      : part.text,
  );
}

/** Engine text with `code` spans (no literal backticks), **bold**, links, and http(s) URLs as links. */
function rich(text: string): Child[] {
  return parseInline(text).flatMap((part) => inlineNode(part));
}

function inlineNode(part: Inline): Child[] {
  switch (part.kind) {
    case "code":
      return [h("code", { class: "inline" }, part.text)];
    case "strong":
      return [h("b", null, part.text)];
    case "link":
      return [h("a", { class: "ext", title: part.href, attrs: { href: part.href, target: "_blank", rel: "noopener noreferrer" } }, part.text)];
    case "text":
      return linked(part.text);
  }
}

/** A button that selects an item of a list. */
function entryButton(source: "live" | "import", seq: number, label: string): HTMLElement {
  const button = h("button", { class: "link entry-link", attrs: { type: "button" }, dataset: { seq: String(seq), source } }, label);
  button.addEventListener("click", () => reveal(source, seq));
  return button;
}

/** Evidence text, its "entry #N" references made links to those entries (in this list). */
function evidence(s: PanelState, item: ReportItem, text: string): Child[] {
  const items = currentItems(s);
  return evidenceParts(text).flatMap((part): Child[] => {
    if (part.entry === undefined) return rich(part.text);
    const target = itemByIndex(items, part.entry, item.seq);
    return target ? [entryButton(s.source, target.seq, part.text)] : [part.text];
  });
}

function causeCard(s: PanelState, item: ReportItem, cause: Cause, rank: number): HTMLElement {
  const evidenceLines = cause.evidence ?? [];
  const fix = cause.fix ?? [];
  const pct = percent(cause.confidence);
  const meter = h("span", { class: "meter", title: `confidence ${pct}` }, h("span", { class: "meter-fill" }));
  const fill = meter.firstElementChild;
  if (fill instanceof HTMLElement) fill.style.width = pct.endsWith("%") && pct !== "?%" ? pct : "0%";
  return h(
    "div",
    { class: `card cause${rank === 0 ? " top" : ""}`, dataset: { cause: visibleText(cause.id, 80) } },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "rank mono" }, `${rank + 1}.`),
      meter,
      h("span", { class: "pct mono", title: "confidence" }, pct),
      h("span", { class: "title" }, ...rich(visibleText(cause.title, 400))),
      h("code", { class: "id" }, visibleText(cause.id, 80)),
    ),
    evidenceLines.length ? h("div", { class: "sub" }, "Evidence") : null,
    evidenceLines.length
      ? h("ul", { class: "evidence" }, ...evidenceLines.map((line) => h("li", { class: "mono" }, ...evidence(s, item, visibleText(line, 2000)))))
      : null,
    fix.length ? h("div", { class: "sub" }, "How to fix") : null,
    fix.length ? h("ol", { class: "fix" }, ...fix.map((step) => h("li", null, ...rich(visibleText(step, 2000))))) : null,
    learnMore(s, cause.id, fix.length ? ["How to fix"] : []),
  );
}

function findingCard(s: PanelState, item: ReportItem, finding: Finding): HTMLElement {
  const place = placeOf(finding.location ?? "", item.report.url);
  const position = bodyPosition(finding.location ?? "");
  const group = secretGroups(currentItems(s)).find((g) => g.places.some((p) => p.seq === item.seq && p.location === finding.location));
  const provider = providerLabel(finding.provider);
  let open: Child = null;
  if (position) {
    if (!s.status?.canOpenResource) {
      const where = s.status?.browser === "firefox" ? "Firefox does not let extensions open a script in the Debugger" : "This browser does not let extensions open a script in Sources";
      open = h(
        "p",
        { class: "muted open-note", attrs: { id: "open-in-sources-note" } },
        `${where}: open ${visibleText(fileName(item.report.url), 200)} there and go to line ${position.line}, column ${position.column} (Ctrl+G).`,
      );
    } else {
      const button = h(
        "button",
        { class: "tool", attrs: { type: "button", id: "open-in-sources" }, title: `Show ${visibleText(place, 300)} in the Sources panel` },
        "Open in Sources",
      );
      button.addEventListener("click", () => dispatch({ type: "open-resource", url: item.report.url, line: position.line, column: position.column }));
      open = button;
    }
  }
  const others = group ? group.places.filter((p) => !(p.seq === item.seq && p.location === finding.location)) : [];
  return h(
    "div",
    { class: `card finding sev-${finding.severity}` },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: `badge sev-${finding.severity}` }, visibleText(finding.severity, 20)),
      h("span", { class: "title" }, visibleText(`${finding.title} · ${place}`, 600)),
      h("code", { class: "id" }, visibleText(finding.id, 80)),
    ),
    facts([
      ["Provider", provider, false],
      ["Where", place, true],
      ["Location", finding.location, true],
      ["Value", finding.redacted, true],
      ["Rule", finding.rule, true],
      ["First seen", group ? (group.first.seq === item.seq ? "in this request" : group.first.place) : null, true],
    ]),
    open,
    others.length
      ? h(
          "div",
          { class: "also-seen" },
          h("div", { class: "sub" }, `Also seen in ${others.length} other ${others.length === 1 ? "place" : "places"}`),
          h("ul", null, ...others.slice(0, 50).map((p) => h("li", null, entryButton(s.source, p.seq, visibleText(p.place, 300))))),
        )
      : null,
    learnMore(s, finding.id, []),
  );
}

function credentialCard(credential: Credential, at: number | null): HTMLElement {
  const jwt = credential.jwt;
  const label = credentialLabel(credential);
  return h(
    "div",
    { class: `card credential cred-${credentialTone(credential)}` },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: `type-tag tone-${credentialTone(credential)}` }, visibleText(label, 200)),
      credential.environment ? h("span", { class: `env-tag env-${credential.environment}` }, credential.environment) : null,
      h("span", { class: "title muted" }, visibleText(credential.description, 200)),
    ),
    h(
      "div",
      { class: "auth-line mono", title: "as sent, redacted" },
      h("span", { class: "auth-where" }, visibleText(credential.location, 200)),
      credential.scheme ? h("span", { class: "auth-scheme" }, visibleText(credential.scheme, 40)) : null,
      h("span", { class: "auth-value" }, visibleText(credential.redacted, 400)),
    ),
    facts([
      ["Kind", credential.kind ?? "not recognised", false],
      ["Provider", providerLabel(credential.provider), false],
      ["Environment", credential.environment, false],
    ]),
    jwt ? jwtBlock(jwt, at) : null,
  );
}

function jwtBlock(jwt: JwtClaims, at: number | null): HTMLElement {
  const reference = at ?? Date.now();
  const time = (claim: Claim, iso: string | null): HTMLElement | null => {
    const read = claimTime(claim, iso, reference);
    if (!read) return null;
    return h("span", null, h("span", { class: `rel tone-${read.tone}` }, read.relative), h("span", { class: "muted" }, ` · ${read.absolute}`));
  };
  const rows: [string, Child][] = [
    ["exp", time("exp", jwt.exp)],
    ["iat", time("iat", jwt.iat)],
    ["nbf", time("nbf", jwt.nbf)],
    ["aud", (jwt.aud ?? []).length ? visibleText((jwt.aud ?? []).join(", "), 600) : null],
    ["iss", jwt.iss ? visibleText(jwt.iss, 600) : null],
    ["scopes", (jwt.scopes ?? []).length ? visibleText((jwt.scopes ?? []).join(" "), 600) : null],
    ["role", jwt.role ? visibleText(jwt.role, 100) : null],
    ["alg", jwt.alg ? visibleText(jwt.alg, 40) : null],
  ];
  const present = rows.filter(([, value]) => value !== null && value !== "");
  return h(
    "div",
    { class: "jwt" },
    h("div", { class: "sub" }, `Decoded JWT · times relative to ${at !== null ? "the request" : "now (request time unknown)"}`),
    h("dl", { class: "facts" }, ...present.flatMap(([label, value]) => [h("dt", { class: "mono" }, label), h("dd", { class: "mono" }, value)])),
  );
}

/** A two-column list of labelled values; empty values are left out. */
function facts(rows: [label: string, value: string | null | undefined, mono: boolean][]): HTMLElement | null {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (present.length === 0) return null;
  return h(
    "dl",
    { class: "facts" },
    ...present.flatMap(([label, value, mono]) => [h("dt", null, label), h("dd", { class: mono ? "mono" : "" }, visibleText(value, 600))]),
  );
}

function notesSection(notes: string[]): HTMLElement | null {
  if (notes.length === 0) return null;
  return section("Notes", null, h("ul", { class: "notes" }, ...notes.map((note) => h("li", null, visibleText(note, 2000)))));
}

// ---- what changed since it worked ---------------------------------------------------------------

function whatChanged(s: PanelState, item: ReportItem, bases: Baseline[]): HTMLElement {
  const title = "What changed since it worked";
  if (bases.length === 0) {
    const where = s.source === "import" ? "this file or the live session" : otherItems(s) ? "this session or the imported file" : "this session";
    return h(
      "section",
      { class: "d-section compare", attrs: { id: "what-changed" } },
      h("h3", null, title),
      h("p", { class: "muted" }, `No earlier request to this endpoint or API succeeded in ${where}.`),
    );
  }
  const chosen = bases[Math.min(s.baseline, bases.length - 1)] ?? bases[0];
  if (!chosen) return h("section");
  const comparison = compareRequests(item, chosen.item);
  const picker =
    bases.length > 1
      ? h(
          "div",
          { class: "compare-pick", attrs: { role: "group", "aria-label": "Compare with" } },
          "Compare with: ",
          ...bases.map((b, index) => {
            const button = h(
              "button",
              {
                class: "chip",
                attrs: { type: "button", "aria-pressed": String(b === chosen) },
                dataset: { baseline: b.source },
              },
              b.source === s.source ? `#${b.item.report.index} in this list` : b.source === "live" ? `#${b.item.report.index} in the live session` : `#${b.item.report.index} in the imported file`,
            );
            button.addEventListener("click", () => dispatch({ type: "baseline", index }));
            return button;
          }),
        )
      : null;
  const workingLabel =
    chosen.source === s.source ? `Worked: #${chosen.item.report.index}` : chosen.source === "live" ? `Worked: live #${chosen.item.report.index}` : `Worked: file #${chosen.item.report.index}`;
  const table = h(
    "table",
    { class: "compare-table", attrs: { id: "compare-table" } },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", null, ""),
        h("th", null, `This request (#${item.report.index})`),
        h("th", null, entryButton(chosen.source, chosen.item.seq, workingLabel)),
      ),
    ),
    h("tbody", null, ...compareRows(comparison)),
  );
  const summary =
    comparison.differences === 0
      ? "Nothing authlens can see differs besides the status: the server's state (revoked key, changed permissions, rate limit) may have changed."
      : `${comparison.differences} ${comparison.differences === 1 ? "difference" : "differences"} marked ≠ (besides the status).`;
  return h(
    "section",
    { class: "d-section compare", attrs: { id: "what-changed" } },
    h("h3", null, title),
    h(
      "p",
      { class: "muted" },
      `The last request to ${matchWords(chosen.match)} that succeeded${chosen.source === s.source ? "" : chosen.source === "live" ? ", in the live session" : ", in the imported file"}. Values are redacted; headers and cookies by name only.`,
    ),
    picker,
    h("p", { class: "compare-summary" }, summary),
    h("div", { class: "compare-scroll" }, table),
  );
}

/** The comparison's rows, what differs first (after the status), then what stayed the same. */
function compareRows(comparison: ReturnType<typeof compareRequests>): HTMLElement[] {
  const factRows = comparison.rows.map((row) => ({
    differs: row.differs,
    status: row.label === "Status",
    node: h(
      "tr",
      { class: row.differs ? "differs" : "same", dataset: { label: row.label } },
      h("th", { attrs: { scope: "row" } }, row.differs ? h("span", { class: "diff-mark", title: "differs" }, "≠ ") : null, row.label),
      h("td", { class: "mono" }, ...breakable(visibleText(row.failing, 600))),
      h("td", { class: "mono" }, ...breakable(visibleText(row.working, 600))),
    ),
  }));
  const nameRows = comparison.names.map((names) => {
    const differs = names.onlyFailing.length > 0 || names.onlyWorking.length > 0;
    const name = (n: string, extra: string, title?: string): HTMLElement =>
      h("span", { class: `name ${extra}`.trim(), ...(title ? { title } : {}) }, visibleText(n, 80));
    return {
      differs,
      status: false,
      node: h(
        "tr",
        { class: differs ? "differs" : "same", dataset: { label: names.label } },
        h("th", { attrs: { scope: "row" } }, differs ? h("span", { class: "diff-mark", title: "differs" }, "≠ ") : null, `${names.label} (names)`),
        h(
          "td",
          { class: "mono names" },
          ...names.onlyFailing.map((n) => name(n, "only", "only in this request")),
          ...names.both.map((n) => name(n, "")),
          ...names.onlyWorking.map((n) => name(n, "missing", "not sent in this request")),
          names.onlyFailing.length + names.both.length + names.onlyWorking.length === 0 ? "—" : null,
        ),
        h(
          "td",
          { class: "mono names" },
          ...names.onlyWorking.map((n) => name(n, "only", "only in the request that worked")),
          ...names.both.map((n) => name(n, "")),
          names.onlyWorking.length + names.both.length === 0 ? "—" : null,
        ),
      ),
    };
  });
  const all = [...factRows, ...nameRows];
  return [...all.filter((r) => r.status), ...all.filter((r) => !r.status && r.differs), ...all.filter((r) => !r.status && !r.differs)].map((r) => r.node);
}

// ---- learn more --------------------------------------------------------------------------------

/** What each "Learn more" box shows: its id and the sections the card above already shows. */
const learnBoxes = new WeakMap<HTMLElement, { id: string; skip: string[]; shown: string | null | undefined; open: boolean | null }>();

/** A "Learn more" toggle showing our own documentation of an id, formatted (built as DOM nodes). */
function learnMore(_s: PanelState, id: string, skip: string[]): HTMLElement {
  const button = h(
    "button",
    { class: "link", attrs: { type: "button", "aria-expanded": "false", id: `learn-${id.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 80)}` } },
    "Learn more",
  );
  button.addEventListener("click", () => dispatch({ type: "toggle-explanation", id }));
  const body = h("div", { class: "explain" });
  body.hidden = true;
  const box = h("div", { class: "learn" }, button, body);
  learnBoxes.set(box, { id, skip, shown: undefined, open: null });
  return box;
}

function fillLearn(s: PanelState, box: HTMLElement, spec: { id: string; skip: string[]; shown: string | null | undefined; open: boolean | null }): void {
  const open = s.expanded.has(spec.id);
  const [button, body] = [box.firstElementChild, box.lastElementChild];
  if (!(button instanceof HTMLElement) || !(body instanceof HTMLElement)) return;
  if (spec.open !== open) {
    spec.open = open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide" : "Learn more";
    body.hidden = !open;
  }
  if (!open) return;
  const text = s.explanations.has(spec.id) ? (s.explanations.get(spec.id) ?? null) : undefined;
  if (text === spec.shown && body.childNodes.length) return;
  spec.shown = text;
  clear(body);
  if (text === undefined) body.textContent = "Loading…";
  else if (text === null) body.textContent = "No documentation for this id in this engine version.";
  else append(body, ...docBlocks(text.slice(0, DETAIL_MAX), spec.skip).map(blockNode));
}

function blockNode(block: Block): HTMLElement {
  const inline = (parts: Inline[]): Child[] => parts.flatMap(inlineNode);
  switch (block.kind) {
    case "heading":
      return h(block.level <= 2 ? "h4" : "h5", null, ...inline(block.text));
    case "paragraph":
      return h("p", null, ...inline(block.text));
    case "list":
      return h(block.ordered ? "ol" : "ul", null, ...block.items.map((item) => h("li", null, ...inline(item))));
    case "code":
      return h("pre", { class: "mono" }, block.text);
  }
}

// ---- cURL ------------------------------------------------------------------------------------------

/** The "Reproduce" section: the command as the devtools page built it (filled in when it arrives). */
function curlSection(): HTMLElement {
  const note = h(
    "p",
    { class: "muted", attrs: { id: "curl-note" } },
    "Credentials are environment variables: set them first (the command stops with “set …” if one is missing), then run it.",
  );
  note.hidden = true;
  return section("Reproduce with cURL", null, note, h("pre", { class: "mono curl muted", attrs: { id: "curl-text" } }, "Building the command…"));
}

// ---- clipboard -------------------------------------------------------------------------------------
// DevTools panels may not use navigator.clipboard (permissions policy). Then a hidden textarea and
// execCommand('copy'); if that is refused too, the text is shown selected for Ctrl+C.

async function copyText(text: string, done: string): Promise<void> {
  let method = "shown";
  try {
    await navigator.clipboard.writeText(text);
    method = "clipboard";
  } catch {
    if (execCopy(text)) method = "exec-command";
  }
  probe?.copies.push({ text, method });
  if (method === "shown") showCopyBox(text);
  else toast(done);
}

function execCopy(text: string): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = h("textarea", { class: "offscreen", attrs: { readonly: "", "aria-hidden": "true" } });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus({ preventScroll: true });
  return ok;
}

function showCopyBox(text: string): void {
  ui.copyText.value = text;
  ui.copyBox.hidden = false;
  ui.copyText.focus();
  ui.copyText.select();
}

ui.copyClose.addEventListener("click", () => {
  ui.copyBox.hidden = true;
  ui.list.focus({ preventScroll: true });
});

let toastTimer: ReturnType<typeof setTimeout> | undefined;

function toast(text: string, bad = false): void {
  ui.toast.textContent = text;
  ui.toast.classList.toggle("bad", bad);
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.hidden = true), bad ? 6000 : 3000);
}

// ---- import and export -----------------------------------------------------------------------------

async function importFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    toast(`${visibleText(file.name, 100)} is too large to analyse (over 512 MB)`, true);
    return;
  }
  if (!port) {
    toast("Not connected to the authlens DevTools page yet", true);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    toast(`Could not read ${visibleText(file.name, 100)}`, true);
    return;
  }
  dispatch({ type: "import", name: file.name || "imported.har", text });
}

function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = h("a", { class: "offscreen", attrs: { href: url, download: filename } });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  probe?.downloads.push({ filename, mime, text });
  toast(`Downloaded ${filename}`);
}

function openMenu(): void {
  ui.exportMenu.hidden = false;
  ui.exportButton.setAttribute("aria-expanded", "true");
  ui.exportMenu.querySelector<HTMLButtonElement>("button")?.focus();
}

function closeMenu(): void {
  if (ui.exportMenu.hidden) return;
  ui.exportMenu.hidden = true;
  ui.exportButton.setAttribute("aria-expanded", "false");
}

// ---- settings (sessionStorage: they last as long as DevTools stays open) ---------------------------

function readSession(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSession(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // best effort
  }
}

function readMode(): Mode {
  const saved = readSession(MODE_KEY);
  return isMode(saved) ? saved : "problems";
}

function readSplit(): { side: number; stacked: number } {
  const fallback = { side: 0.48, stacked: 0.55 };
  try {
    const saved = JSON.parse(readSession(SPLIT_KEY) ?? "null") as { side?: unknown; stacked?: unknown } | null;
    const ok = (v: unknown): v is number => typeof v === "number" && v >= 0.15 && v <= 0.85;
    return { side: ok(saved?.side) ? saved.side : fallback.side, stacked: ok(saved?.stacked) ? saved.stacked : fallback.stacked };
  } catch {
    return fallback;
  }
}

// Earlier versions kept settings in localStorage; authlens now keeps nothing once DevTools closes.
try {
  localStorage.removeItem("authlens.showAll");
  localStorage.removeItem("authlens.preserveLog");
} catch {
  // nothing to clean
}

// ---- controls ----------------------------------------------------------------------------------

ui.filter.addEventListener("input", () => dispatch({ type: "filter", filter: { text: ui.filter.value } }));
ui.hostFilter.addEventListener("change", () => dispatch({ type: "filter", filter: { host: ui.hostFilter.value } }));
ui.envFilter.addEventListener("change", () => dispatch({ type: "filter", filter: { environment: ui.envFilter.value as EnvironmentFilter } }));
ui.preserveLog.addEventListener("change", () => dispatch({ type: "preserve-log", value: ui.preserveLog.checked }));
ui.clear.addEventListener("click", () => dispatch({ type: "clear" }));
ui.endpointClear.addEventListener("click", () => dispatch({ type: "filter", filter: { endpoint: "", environment: "" } }));
ui.tabRequests.addEventListener("click", () => {
  dispatch({ type: "view", view: "requests" });
  ui.list.focus({ preventScroll: true });
});
ui.tabRates.addEventListener("click", () => dispatch({ type: "view", view: "rates" }));
ui.importButton.addEventListener("click", () => ui.importFile.click());
ui.importFile.addEventListener("change", () => {
  const file = ui.importFile.files?.[0];
  ui.importFile.value = "";
  if (file) void importFile(file);
});
ui.exportButton.addEventListener("click", () => (ui.exportMenu.hidden ? openMenu() : closeMenu()));
for (const button of ui.exportMenu.querySelectorAll<HTMLButtonElement>("button[data-format]")) {
  const format = button.dataset.format;
  if (format === "markdown" || format === "json" || format === "har") {
    button.addEventListener("click", () => {
      closeMenu();
      dispatch({ type: "export", format });
    });
  }
}
document.addEventListener("click", (event) => {
  if (event.target instanceof Node && !ui.exportMenu.contains(event.target) && !ui.exportButton.contains(event.target)) closeMenu();
});

let scrollQueued = false;
ui.list.addEventListener("scroll", () => {
  if (scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    renderRows(state, currentItems(state));
  });
});
window.addEventListener("resize", () => scheduleRender());

// Keys are handled in the capture phase on the window, before DevTools' own listener on the
// document: Chromium forwards Escape from extension panels to DevTools (it toggles the console
// drawer), so a key the panel uses is stopped here; a key it does not use goes on to DevTools.
window.addEventListener(
  "keydown",
  (event: KeyboardEvent) => {
    if (handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  true,
);

/** Act on a key; true when the panel used it. */
function handleKey(event: KeyboardEvent): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (event.key === "Escape" && !ui.exportMenu.hidden) {
    closeMenu();
    ui.exportButton.focus();
    return true;
  }
  if (event.key === "Escape" && !ui.copyBox.hidden) {
    ui.copyBox.hidden = true;
    ui.list.focus({ preventScroll: true });
    return true;
  }
  const inDetails = target !== null && ui.details.contains(target);
  if (inDetails && event.key === "Escape" && state.detailsOpen) {
    dispatch({ type: "close-details" });
    ui.list.focus({ preventScroll: true });
    return true;
  }
  const where: KeyPlace =
    target === ui.filter
      ? "filter"
      : target?.closest("input, textarea, select, [contenteditable]")
        ? "text"
        : target?.closest("button, a, summary, [role=separator]")
          ? "control"
          : inDetails || (target !== null && ui.ratesPane.contains(target))
            ? "text"
            : "list";
  const pageRows = Math.max(1, Math.floor((ui.list.clientHeight - headHeight()) / ROW_H) - 1);
  const command = keyCommand(event, where, pageRows);
  if (!command) return false;
  if (command.kind === "focus-filter") {
    ui.filter.focus();
    ui.filter.select();
    return true;
  }
  if (state.view !== "requests") return false;
  const visible = visibleItems(state);
  switch (command.kind) {
    case "leave-filter":
      if (event.key === "Escape" && ui.filter.value) dispatch({ type: "filter", filter: { text: "" } });
      ui.list.focus({ preventScroll: true });
      if (event.key !== "Escape" && state.selected === null) select(edgeSelection(visible, "first"));
      return true;
    case "move":
      select(moveSelection(rowOrder(visible), state.selected, command.delta));
      return true;
    case "first":
    case "last":
      select(edgeSelection(rowOrder(visible), command.kind));
      return true;
    case "open":
      select(state.selected ?? edgeSelection(rowOrder(visible), "first"), true);
      return true;
    case "close":
      if (!state.detailsOpen) return false;
      dispatch({ type: "close-details" });
      return true;
  }
}

/** The items in the order the list shows them (grouped by secret in the "Exposed keys" view). */
function rowOrder(visible: Item[]): Item[] {
  if (state.filter.mode !== "findings") return visible;
  const seen = new Set<number>();
  const out: Item[] = [];
  for (const row of drawn.rows) {
    if (row.kind === "item" && !seen.has(row.item.seq)) {
      seen.add(row.item.seq);
      out.push(row.item);
    }
  }
  return out;
}

// Drop a HAR file anywhere on the panel.
let dragDepth = 0;
const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes("Files");
document.addEventListener("dragenter", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth += 1;
  ui.dropOverlay.hidden = false;
});
document.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
});
document.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.dropOverlay.hidden = true;
});
document.addEventListener("drop", (event) => {
  dragDepth = 0;
  ui.dropOverlay.hidden = true;
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  void importFile(file);
});

render(state);
