// The authlens panel: a view of what the devtools page captured and analysed, or of a HAR file the
// user imported. It holds copies of the items, renders a virtual list, the 401-rate table and a
// details pane, and sends user actions back. It never analyses and never sees a raw entry: it
// only shows values the engine returned (already redacted), always as text nodes.

import type { ErrorItem, Item, ReportItem } from "./capture";
import { append, byId, clear, h, type Child } from "./dom";
import { createProbe, type Probe } from "./e2e-probe";
import {
  isConnect,
  isToPanel,
  message,
  type ExportFormat,
  type ImportInfo,
  type Source,
  type Status,
  type ToDevtools,
  type ToPanel,
} from "./messages";
import type { Cause, Credential, Finding, JwtClaims } from "./report";
import {
  DETAIL_MAX,
  MODES,
  claimTime,
  countItems,
  credentialTone,
  credentialType,
  defaultFilter,
  droppedNotice,
  edgeSelection,
  filterItems,
  formatRate,
  formatUtc,
  hostOptions,
  isMode,
  isNarrowed,
  keepSelection,
  keyCommand,
  linkParts,
  moveSelection,
  panelState,
  percent,
  rateTable,
  requestTime,
  rowSummary,
  scrollToRow,
  trimItems,
  virtualWindow,
  visibleText,
  type Claim,
  type EnvironmentFilter,
  type Filter,
  type KeyPlace,
  type Mode,
} from "./view-model";

declare const __AUTHLENS_E2E__: boolean;

/** Height of one list row in CSS pixels (panel.css `--row-h`). */
const ROW_H = 21;
const MODE_KEY = "authlens.mode";
/** Largest HAR file the panel hands over (the engine's own limit is 512 MB). */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

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
  endpointChip: byId("endpoint-chip"),
  endpointClear: byId<HTMLButtonElement>("endpoint-clear"),
  tabRequests: byId<HTMLButtonElement>("tab-requests"),
  tabRates: byId<HTMLButtonElement>("tab-rates"),
  banner: byId("banner"),
  notice: byId("notice"),
  listPane: byId("list-pane"),
  list: byId("list"),
  rowsSpace: byId("rows-space"),
  rows: byId("rows"),
  state: byId("state"),
  ratesPane: byId("rates-pane"),
  details: byId("details"),
  dropOverlay: byId("drop-overlay"),
  copyBox: byId("copy-box"),
  copyText: byId<HTMLTextAreaElement>("copy-text"),
  copyClose: byId<HTMLButtonElement>("copy-close"),
  toast: byId("toast"),
};

// ---- state -------------------------------------------------------------------------------------

let port: MessagePort | null = null;
let status: Status | null = null;
/** Live traffic, as the devtools page streams it. */
let session: string | null = null;
let liveItems: Item[] = [];
/** The imported HAR file's items, while there is one. */
let importId: string | null = null;
let importItems: Item[] = [];
/** Which list is shown. */
let source: Source = "live";
let view: "requests" | "rates" = "requests";
let filter: Filter = { ...defaultFilter(), mode: readMode() };
let selected: number | null = null;
let detailsOpen = false;
/** The item the details pane shows (its identity tells when to redraw). */
let detailsFor: Item | null = null;

const explanations = new Map<string, string | null>();
const waitingExplanations = new Map<string, HTMLElement[]>();
/** cURL commands by `source:seq` (text, or the reason there is none). */
const curls = new Map<string, { text: string | null; error: string | null }>();
let copyWhenCurlArrives: string | null = null;

/** Test builds only: what was copied and downloaded, for the browser tests to read. */
const probe: Probe | null = __AUTHLENS_E2E__ ? createProbe() : null;

function currentItems(): Item[] {
  return source === "import" ? importItems : liveItems;
}

// ---- connection ------------------------------------------------------------------------------

window.addEventListener("message", (event: MessageEvent) => {
  if (event.origin !== location.origin || !isConnect(event.data)) return;
  const offered = event.ports[0];
  if (!offered) return;
  if (port && port !== offered) port.close();
  port = offered;
  port.onmessage = (e: MessageEvent) => receive(e.data);
  sendReady();
});

function sendReady(): void {
  send(message({ kind: "ready", session, lastSeq: liveItems[liveItems.length - 1]?.seq ?? -1, importId }));
}

function send(msg: ToDevtools): void {
  port?.postMessage(msg);
}

function receive(data: unknown): void {
  if (!isToPanel(data)) {
    console.warn("authlens panel: ignoring an unexpected message");
    return;
  }
  const msg: ToPanel = data;
  switch (msg.kind) {
    case "snapshot":
      if (msg.reset || msg.session !== session) {
        liveItems = msg.items;
        if (source === "live") forgetSelection();
        forgetCurls("live");
      } else {
        const last = liveItems[liveItems.length - 1]?.seq ?? -1;
        liveItems.push(...msg.items.filter((item) => item.seq > last));
      }
      session = msg.session;
      applyStatus(msg.status);
      break;
    case "item":
      if (msg.session !== session) {
        // A log we have no snapshot of: ask for one.
        sendReady();
        return;
      }
      liveItems.push(msg.item);
      applyStatus(msg.status);
      break;
    case "import-items":
      if (msg.reset || msg.id !== importId) {
        importId = msg.id;
        importItems = msg.items.slice();
        forgetCurls("import");
        if (msg.reset) showSource("import");
      } else {
        importItems.push(...msg.items);
      }
      applyStatus(msg.status);
      break;
    case "status":
      applyStatus(msg.status);
      break;
    case "explanation":
      explanations.set(msg.id, msg.text);
      for (const target of waitingExplanations.get(msg.id) ?? []) fillExplanation(target, msg.text);
      waitingExplanations.delete(msg.id);
      return;
    case "curl":
      receiveCurl(msg.source, msg.seq, msg.text, msg.error);
      return;
    case "export":
      receiveExport(msg.filename, msg.mime, msg.text, msg.error);
      return;
  }
  scheduleRender();
}

function applyStatus(next: Status): void {
  status = next;
  liveItems = trimItems(liveItems, next.firstSeq);
  document.body.classList.toggle("theme-dark", next.theme === "dark");
  document.body.classList.toggle("theme-light", next.theme !== "dark");
  ui.preserveLog.checked = next.preserveLog;
  if (!next.imported) {
    importId = null;
    importItems = [];
    if (source === "import") showSource("live");
  }
}

// ---- rendering -------------------------------------------------------------------------------

let renderQueued = false;
/** The filtered list behind the rows, recomputed on every render. */
let visible: Item[] = [];

function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  // Hidden panels get no animation frames; a timer keeps counts fresh for when they show again.
  const run = (): void => {
    if (!renderQueued) return;
    renderQueued = false;
    render();
  };
  requestAnimationFrame(run);
  setTimeout(run, 250);
}

function render(): void {
  const items = currentItems();
  visible = filterItems(items, filter);
  selected = keepSelection(visible, selected);
  if (selected === null) detailsOpen = false;
  document.body.classList.toggle("source-import", source === "import");
  renderBadges(items);
  renderModes();
  renderEndpointChip();
  renderHostOptions(items);
  renderBanner();
  renderNotice();
  renderToolbarState();
  ui.listPane.hidden = view !== "requests";
  ui.ratesPane.hidden = view !== "rates";
  ui.tabRequests.setAttribute("aria-selected", String(view === "requests"));
  ui.tabRates.setAttribute("aria-selected", String(view === "rates"));
  if (view === "requests") {
    renderState(items);
    renderRows();
  } else {
    renderRates(items);
  }
  const current = detailsOpen && selected !== null ? (visible.find((item) => item.seq === selected) ?? null) : null;
  ui.details.hidden = current === null || view !== "requests";
  document.body.classList.toggle("details-open", !ui.details.hidden);
  if (current !== detailsFor) renderDetails(current);
  if (probe) probe.renders += 1;
}

function renderBadges(items: readonly Item[]): void {
  clear(ui.badges);
  if (status?.engine !== "ready") return;
  const counts = countItems(items);
  const keys = [counts.critical && `${counts.critical} critical`, counts.high && `${counts.high} high`].filter(Boolean).join(", ");
  append(
    ui.badges,
    h(
      "span",
      {
        class: `badge-count${counts.unauthorized ? " bad" : ""}`,
        title: `${counts.unauthorized} responses with status 401; ${counts.authFailures} authentication failures explained`,
        dataset: { count: String(counts.unauthorized) },
        attrs: { id: "count-401" },
      },
      h("b", null, String(counts.unauthorized)),
      " × 401",
    ),
    h(
      "span",
      {
        class: `badge-count${counts.exposedKeys ? " warn" : ""}`,
        title: `${counts.exposedKeys} secrets sent from the page${keys ? ` (${keys})` : ""}`,
        dataset: { count: String(counts.exposedKeys) },
        attrs: { id: "count-keys" },
      },
      h("b", null, String(counts.exposedKeys)),
      counts.exposedKeys === 1 ? " exposed key" : " exposed keys",
    ),
    counts.engineErrors
      ? h(
          "span",
          { class: "badge-count", title: "Entries the engine could not read" },
          h("b", null, String(counts.engineErrors)),
          " not analysed",
        )
      : null,
  );
  ui.badges.title = status?.engineVersion ? `authlens engine ${status.engineVersion}` : "";
}

function renderEndpointChip(): void {
  const chip = ui.endpointChip;
  chip.hidden = !filter.endpoint;
  if (chip.hidden) return;
  const label = chip.querySelector<HTMLElement>(".endpoint-label");
  if (label) {
    label.textContent = visibleText(filter.endpoint, 300);
    label.title = visibleText(filter.endpoint, 1000);
  }
}

function renderModes(): void {
  if (ui.modes.childElementCount === 0) {
    for (const mode of MODES) {
      const button = h(
        "button",
        { class: "chip", title: mode.title, attrs: { type: "button", "aria-pressed": "false" }, dataset: { mode: mode.id } },
        mode.label,
      );
      button.addEventListener("click", () => setMode(mode.id));
      ui.modes.appendChild(button);
    }
  }
  for (const button of ui.modes.querySelectorAll<HTMLButtonElement>("button[data-mode]")) {
    button.setAttribute("aria-pressed", String(button.dataset.mode === filter.mode));
  }
}

let renderedHosts = "";

function renderHostOptions(items: readonly Item[]): void {
  const hosts = hostOptions(items);
  if (filter.host && !hosts.some((option) => option.value === filter.host)) hosts.push({ value: filter.host, count: 0 });
  const key = hosts.map((option) => `${option.value}\u0000${option.count}`).join("\u0001");
  if (key === renderedHosts) return;
  renderedHosts = key;
  clear(ui.hostFilter);
  append(ui.hostFilter, h("option", { attrs: { value: "" } }, "All hosts"));
  for (const option of hosts.slice(0, 500)) {
    append(ui.hostFilter, h("option", { attrs: { value: option.value } }, `${visibleText(option.value, 120)} (${option.count})`));
  }
  ui.hostFilter.value = filter.host;
}

function renderBanner(): void {
  const info = status?.imported ?? null;
  clear(ui.banner);
  ui.banner.hidden = source !== "import" || !info;
  if (ui.banner.hidden || !info) return;
  ui.banner.classList.toggle("failed", info.error !== null);
  const back = h("button", { class: "tool", attrs: { type: "button", id: "back-to-live" } }, "Back to live traffic");
  back.addEventListener("click", () => {
    send(message({ kind: "close-import" }));
    showSource("live");
  });
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

function renderNotice(): void {
  const text = droppedNotice(source === "live" ? (status?.dropped ?? 0) : 0);
  ui.notice.hidden = text === "";
  ui.notice.textContent = text;
}

function renderToolbarState(): void {
  ui.clear.disabled = source === "import";
  ui.clear.title =
    source === "import" ? "Go back to live traffic to clear its list" : "Clear the list of live requests";
  const nothing = currentItems().length === 0 || status?.engine !== "ready";
  ui.exportButton.disabled = nothing;
  if (nothing) closeMenu();
}

// ---- the request list (virtual: only the rows in view exist) -------------------------------------

let renderedWindow = "";

function renderRows(): void {
  const total = visible.length;
  ui.rowsSpace.style.height = `${total * ROW_H}px`;
  ui.list.setAttribute("aria-rowcount", String(total + 1));
  const viewport = Math.max(0, ui.list.clientHeight - headHeight());
  const { start, end } = virtualWindow(ui.list.scrollTop, viewport, ROW_H, total);
  const key = `${start}:${end}:${selected}:${visible[start]?.seq}:${visible[end - 1]?.seq}:${total}`;
  if (key === renderedWindow && ui.rows.childElementCount === end - start) return;
  renderedWindow = key;
  ui.rows.style.transform = `translateY(${start * ROW_H}px)`;
  const fresh = document.createDocumentFragment();
  for (let i = start; i < end; i++) {
    const item = visible[i];
    if (item) fresh.appendChild(makeRow(item, i));
  }
  clear(ui.rows);
  ui.rows.appendChild(fresh);
  if (selected !== null) ui.list.setAttribute("aria-activedescendant", `row-${selected}`);
  else ui.list.removeAttribute("aria-activedescendant");
}

function headHeight(): number {
  return ui.list.firstElementChild instanceof HTMLElement ? ui.list.firstElementChild.offsetHeight : ROW_H;
}

function makeRow(item: Item, index: number): HTMLElement {
  const row = rowSummary(item);
  const statusClass = row.status >= 400 ? "s-error" : row.status === 0 ? "s-none" : "";
  const edge = row.alsoFinding === "critical" || row.alsoFinding === "high" ? ` edge-${row.alsoFinding}` : "";
  const isSelected = item.seq === selected;
  const el = h(
    "div",
    {
      class: `grid-row row tone-${row.tone}${edge}${isSelected ? " selected" : ""}${index % 2 ? " odd" : ""}`,
      dataset: { seq: String(item.seq) },
      attrs: { role: "row", id: `row-${item.seq}`, "aria-rowindex": String(index + 2), "aria-selected": String(isSelected) },
    },
    h("span", { class: "c-method mono", attrs: { role: "gridcell" } }, visibleText(row.method, 16)),
    h("span", { class: "c-path mono", title: visibleText(row.url, 2000), attrs: { role: "gridcell", dir: "ltr" } }, visibleText(row.path)),
    h("span", { class: `c-status mono ${statusClass}`, attrs: { role: "gridcell" } }, row.status === 0 ? "(failed)" : String(row.status)),
    h("span", { class: "c-provider", attrs: { role: "gridcell" } }, visibleText(row.providerName, 60)),
    h(
      "span",
      { class: `c-env${row.environment ? ` env-${row.environment}` : ""}`, attrs: { role: "gridcell" } },
      row.environment ? h("span", { class: "env-tag" }, row.environment) : null,
    ),
    h(
      "span",
      { class: "c-diag", title: row.id ? visibleText(`${row.id}: ${row.text}`, 400) : "", attrs: { role: "gridcell" } },
      row.alsoFinding
        ? h("span", { class: `badge sev-${row.alsoFinding}`, title: `also an exposed secret (${row.alsoFinding})` }, row.alsoFinding)
        : null,
      row.id ? h("code", { class: "diag-id" }, visibleText(row.id, 80)) : null,
      row.text ? h("span", { class: "diag-text" }, visibleText(row.text)) : null,
    ),
  );
  return el;
}

// One listener for every row (rows come and go as the list scrolls).
ui.rows.addEventListener("click", (event) => {
  const row = event.target instanceof Element ? event.target.closest<HTMLElement>(".row[data-seq]") : null;
  if (!row) return;
  select(Number(row.dataset.seq), true);
  ui.list.focus({ preventScroll: true });
});

function select(seq: number | null, open = detailsOpen): void {
  selected = seq;
  detailsOpen = seq !== null && open;
  if (seq !== null) {
    const index = visible.findIndex((item) => item.seq === seq);
    if (index >= 0) {
      const viewport = Math.max(ROW_H, ui.list.clientHeight - headHeight());
      ui.list.scrollTop = scrollToRow(index, ui.list.scrollTop, viewport, ROW_H);
    }
  }
  render();
}

function forgetSelection(): void {
  selected = null;
  detailsOpen = false;
}

function showSource(next: Source): void {
  if (source === next) return;
  source = next;
  forgetSelection();
  ui.list.scrollTop = 0;
  scheduleRender();
}

function renderState(items: readonly Item[]): void {
  const state = panelState(status, items, visible.length, isNarrowed({ ...filter, mode: "problems" }));
  const box = ui.state;
  clear(box);
  box.className = "state";
  box.hidden = state.kind === "rows";
  box.dataset.state = state.kind;
  switch (state.kind) {
    case "connecting":
      append(box, h("p", null, "Connecting to the authlens DevTools page…"));
      break;
    case "engine-loading":
      append(box, h("p", null, "Loading the analysis engine…"));
      break;
    case "engine-failed":
      box.classList.add("failed");
      append(box, h("p", { class: "big" }, "The analysis engine failed to load"), h("p", { class: "hint mono" }, visibleText(state.message, 600)));
      break;
    case "empty":
      if (source === "import") {
        append(box, h("p", { class: "big" }, status?.imported?.done ? "The imported file has no requests" : "Reading the file…"));
        break;
      }
      append(box, h("p", { class: "big" }, "No requests yet"));
      if (state.firefoxHint) {
        append(box, h("p", { class: "hint" }, "Firefox: open the Network panel once so DevTools records requests."));
      }
      append(
        box,
        h("p", { class: "hint" }, "Requests made before DevTools opened are not seen: reload the page to capture them."),
        h("p", { class: "hint" }, "Or drop a HAR file here to analyse it."),
      );
      break;
    case "nothing-relevant": {
      const n = `${state.total.toLocaleString("en-US")} ${state.total === 1 ? "request" : "requests"}`;
      if (state.filtered || filter.mode !== "problems") {
        const reset = h("button", { class: "link", attrs: { type: "button", id: "clear-filters" } }, "Clear the filters");
        reset.addEventListener("click", () => setFilter(defaultFilter()));
        append(box, h("p", { class: "big" }, `No request matches the filters (${n} in all)`), h("p", { class: "hint" }, reset));
      } else {
        const all = h("button", { class: "link", attrs: { type: "button" } }, "Show all requests");
        all.addEventListener("click", () => setMode("all"));
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

function renderRates(items: readonly Item[]): void {
  const pane = ui.ratesPane;
  // Redrawn only when the items or the filters changed (items arrive often).
  const key = `${source}:${importId}:${session}:${items.length}:${items[0]?.seq}:${items[items.length - 1]?.seq}:${JSON.stringify(filter)}`;
  if (key === renderedRates && pane.childElementCount > 0) return;
  renderedRates = key;
  clear(pane);
  // The table follows the host, environment and text filters, not the status buttons.
  const rows = rateTable(filterItems(items, { ...filter, mode: "all" }));
  if (rows.length === 0) {
    append(pane, h("div", { class: "state" }, h("p", { class: "big" }, "No requests to count yet")));
    return;
  }
  const shown = rows.slice(0, 1000);
  const body = h("tbody");
  for (const row of shown) {
    const tr = h(
      "tr",
      { class: row.unauthorized ? "has-401" : "", title: "Show these requests", dataset: { endpoint: row.endpoint } },
      h("td", { class: "r-endpoint mono", attrs: { dir: "ltr" } }, visibleText(row.endpoint, 400)),
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
      setFilter({ ...filter, mode: "all", endpoint: row.endpoint, environment: row.environment ?? "none" });
      setView("requests");
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
          h("th", { class: "r-env" }, "Environment"),
          h("th", { class: "r-num" }, "Requests"),
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

// ---- details ---------------------------------------------------------------------------------

function renderDetails(item: Item | null): void {
  detailsFor = item;
  const pane = ui.details;
  clear(pane);
  pane.scrollTop = 0;
  if (!item) return;
  if (item.kind === "error") renderErrorDetails(pane, item);
  else renderReportDetails(pane, item);
}

function closeButton(): HTMLElement {
  const button = h("button", { class: "close", title: "Close (Esc)", attrs: { type: "button", "aria-label": "Close details", id: "details-close" } }, "×");
  button.addEventListener("click", () => {
    detailsOpen = false;
    render();
    ui.list.focus({ preventScroll: true });
  });
  return button;
}

function heading(method: string, statusCode: number, url: string, action: Child = null): HTMLElement {
  return h(
    "div",
    { class: "d-head" },
    closeButton(),
    h("span", { class: "mono method" }, visibleText(method, 16)),
    h("span", { class: `mono status ${statusCode >= 400 ? "s-error" : ""}` }, statusCode === 0 ? "(failed)" : String(statusCode)),
    h("span", { class: "mono url", attrs: { dir: "ltr" } }, visibleText(url, 4000)),
    action,
  );
}

function section(title: string, count: number | null, ...children: Child[]): HTMLElement {
  return h("section", { class: "d-section" }, h("h3", null, count === null ? title : `${title} (${count})`), ...children);
}

function renderErrorDetails(pane: HTMLElement, item: ErrorItem): void {
  append(
    pane,
    heading(item.method, item.status, item.url),
    h("p", { class: "engine-error" }, `The engine could not analyse this request: ${visibleText(item.message, 2000)}`),
    notesSection(item.notes),
  );
}

function renderReportDetails(pane: HTMLElement, item: ReportItem): void {
  const report = item.report;
  const causes = report.causes ?? [];
  const findings = report.findings ?? [];
  const credentials = report.credentials ?? [];
  const at = requestTime(item);
  const copy = h("button", { class: "tool primary", attrs: { type: "button", id: "copy-curl" }, title: "Copy a cURL command that reproduces this request; credentials become environment variables" }, "Copy as cURL");
  copy.addEventListener("click", () => copyCurl(item));

  append(
    pane,
    heading(report.method, report.status, report.url, copy),
    h(
      "div",
      { class: "d-tags" },
      report.provider ? h("span", { class: "tag" }, visibleText(report.provider, 60)) : null,
      report.environment ? h("span", { class: `env-tag env-${report.environment}` }, report.environment) : null,
      report.endpoint ? h("span", { class: "tag mono", title: "endpoint (ids collapsed)" }, visibleText(report.endpoint, 300)) : null,
      at !== null ? h("span", { class: "muted", title: "request time" }, formatUtc(at)) : null,
    ),
    causes.length
      ? section("Likely causes", causes.length, ...causes.map(causeCard))
      : report.status === 401 || report.status === 403
        ? section("Likely causes", 0, h("p", { class: "muted" }, "The engine found no specific cause for this response."))
        : null,
    findings.length ? section("Exposed secrets", findings.length, ...findings.map(findingCard)) : null,
    report.server_said ? section("Server said", null, h("pre", { class: "mono said" }, ...linked(visibleText(report.server_said, DETAIL_MAX, true)))) : null,
    credentials.length ? section("Credentials sent", credentials.length, ...credentials.map((c) => credentialCard(c, at))) : null,
    curlSection(item),
    notesSection([...(report.notes ?? []), ...item.notes]),
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

function causeCard(cause: Cause, rank: number): HTMLElement {
  const evidence = cause.evidence ?? [];
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
      h("span", { class: "title" }, visibleText(cause.title, 400)),
      h("code", { class: "id" }, visibleText(cause.id, 80)),
    ),
    evidence.length ? h("div", { class: "sub" }, "Evidence") : null,
    evidence.length ? h("ul", { class: "evidence" }, ...evidence.map((line) => h("li", { class: "mono" }, ...linked(visibleText(line, 2000))))) : null,
    fix.length ? h("div", { class: "sub" }, "How to fix") : null,
    fix.length ? h("ol", { class: "fix" }, ...fix.map((step) => h("li", null, ...linked(visibleText(step, 2000))))) : null,
    learnMore(cause.id),
  );
}

function findingCard(finding: Finding): HTMLElement {
  return h(
    "div",
    { class: `card finding sev-${finding.severity}` },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: `badge sev-${finding.severity}` }, visibleText(finding.severity, 20)),
      h("span", { class: "title" }, visibleText(finding.title, 400)),
      h("code", { class: "id" }, visibleText(finding.id, 80)),
    ),
    facts([
      ["Where", finding.location, true],
      ["Value", finding.redacted, true],
      ["Provider", finding.provider, false],
      ["Rule", finding.rule, true],
    ]),
    learnMore(finding.id),
  );
}

function credentialCard(credential: Credential, at: number | null): HTMLElement {
  const jwt = credential.jwt;
  const type = credentialType(credential);
  return h(
    "div",
    { class: `card credential cred-${credentialTone(credential)}` },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: `type-tag tone-${credentialTone(credential)}` }, type),
      credential.environment ? h("span", { class: `env-tag env-${credential.environment}` }, credential.environment) : null,
      h("span", { class: "title" }, visibleText(credential.description, 200)),
    ),
    h(
      "div",
      { class: "auth-line mono", title: "as sent, redacted" },
      h("span", { class: "auth-where" }, visibleText(credential.location, 200)),
      credential.scheme ? h("span", { class: "auth-scheme" }, visibleText(credential.scheme, 40)) : null,
      h("span", { class: "auth-value" }, visibleText(credential.redacted, 400)),
    ),
    facts([
      ["Type", type, false],
      ["Provider", credential.provider, false],
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

/** A "Learn more" toggle showing the engine's Markdown for an id, as plain text. */
function learnMore(id: string): HTMLElement {
  const body = h("pre", { class: "explain" });
  body.hidden = true;
  const button = h("button", { class: "link", attrs: { type: "button", "aria-expanded": "false" } }, "Learn more");
  button.addEventListener("click", () => {
    body.hidden = !body.hidden;
    button.setAttribute("aria-expanded", String(!body.hidden));
    button.textContent = body.hidden ? "Learn more" : "Hide";
    if (body.hidden || body.dataset.filled) return;
    if (explanations.has(id)) {
      fillExplanation(body, explanations.get(id) ?? null);
    } else {
      body.textContent = "Loading…";
      const waiting = waitingExplanations.get(id) ?? [];
      waiting.push(body);
      waitingExplanations.set(id, waiting);
      if (waiting.length === 1) send(message({ kind: "explain", id }));
    }
  });
  return h("div", { class: "learn" }, button, body);
}

function fillExplanation(target: HTMLElement, text: string | null): void {
  target.dataset.filled = "1";
  clear(target);
  append(target, ...linked(visibleText(text ?? "No documentation for this id in this engine version.", DETAIL_MAX, true)));
}

// ---- cURL ------------------------------------------------------------------------------------------

const curlKey = (from: Source, seq: number): string => `${from}:${seq}`;

function forgetCurls(from: Source): void {
  for (const key of [...curls.keys()]) if (key.startsWith(`${from}:`)) curls.delete(key);
}

/** The "Reproduce" section: the command as the devtools page built it, asked for on first show. */
function curlSection(item: ReportItem): HTMLElement {
  const key = curlKey(source, item.seq);
  const known = curls.get(key);
  if (!known) send(message({ kind: "curl", source, seq: item.seq }));
  const body = h("pre", { class: "mono curl", attrs: { id: "curl-text" } });
  fillCurl(body, known);
  return section("Reproduce with cURL", null, h("p", { class: "muted" }, "Credentials are environment variables: set them first, then run the command."), body);
}

function fillCurl(target: HTMLElement, known: { text: string | null; error: string | null } | undefined): void {
  target.classList.toggle("muted", !known?.text);
  target.textContent = !known ? "Building the command…" : (known.text ?? `No cURL command: ${known.error ?? "unknown error"}`);
}

function receiveCurl(from: Source, seq: number, text: string | null, error: string | null): void {
  const key = curlKey(from, seq);
  curls.set(key, { text, error });
  if (detailsFor && from === source && detailsFor.seq === seq) {
    const target = ui.details.querySelector<HTMLElement>("#curl-text");
    if (target) fillCurl(target, curls.get(key));
  }
  if (copyWhenCurlArrives === key) {
    copyWhenCurlArrives = null;
    if (text) void copyText(text, "cURL command copied: set the variables on its first line, then run it");
    else toast(`No cURL command: ${error ?? "unknown error"}`, true);
  }
}

function copyCurl(item: ReportItem): void {
  const key = curlKey(source, item.seq);
  const known = curls.get(key);
  if (!known) {
    copyWhenCurlArrives = key;
    send(message({ kind: "curl", source, seq: item.seq }));
    return;
  }
  if (known.text) void copyText(known.text, "cURL command copied: set the variables on its first line, then run it");
  else toast(`No cURL command: ${known.error ?? "unknown error"}`, true);
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
  send(message({ kind: "import", name: file.name || "imported.har", text }));
}

function requestExport(format: ExportFormat): void {
  closeMenu();
  send(message({ kind: "export", source, format }));
}

function receiveExport(filename: string, mime: string, text: string | null, error: string | null): void {
  if (text === null) {
    toast(`Export failed: ${visibleText(error ?? "unknown error", 300)}`, true);
    return;
  }
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

// ---- controls ----------------------------------------------------------------------------------

function readMode(): Mode {
  try {
    const saved = sessionStorage.getItem(MODE_KEY);
    return isMode(saved) ? saved : "problems";
  } catch {
    return "problems";
  }
}

function setMode(mode: Mode): void {
  setFilter({ ...filter, mode });
  try {
    sessionStorage.setItem(MODE_KEY, mode);
  } catch {
    // best effort
  }
}

function setFilter(next: Filter): void {
  filter = next;
  if (ui.filter.value !== next.text) ui.filter.value = next.text;
  ui.hostFilter.value = next.host;
  ui.envFilter.value = next.environment;
  ui.list.scrollTop = 0;
  render();
}

function setView(next: "requests" | "rates"): void {
  view = next;
  render();
  if (next === "requests") ui.list.focus({ preventScroll: true });
}

// Earlier versions kept settings in localStorage; authlens now keeps nothing once DevTools closes.
try {
  localStorage.removeItem("authlens.showAll");
  localStorage.removeItem("authlens.preserveLog");
} catch {
  // nothing to clean
}

ui.filter.addEventListener("input", () => setFilter({ ...filter, text: ui.filter.value }));
ui.hostFilter.addEventListener("change", () => setFilter({ ...filter, host: ui.hostFilter.value }));
ui.envFilter.addEventListener("change", () => setFilter({ ...filter, environment: ui.envFilter.value as EnvironmentFilter }));
ui.preserveLog.addEventListener("change", () => send(message({ kind: "preserve-log", value: ui.preserveLog.checked })));
ui.clear.addEventListener("click", () => {
  forgetSelection();
  send(message({ kind: "clear" }));
});
ui.endpointClear.addEventListener("click", () => setFilter({ ...filter, endpoint: "", environment: "" }));
ui.tabRequests.addEventListener("click", () => setView("requests"));
ui.tabRates.addEventListener("click", () => setView("rates"));
ui.importButton.addEventListener("click", () => ui.importFile.click());
ui.importFile.addEventListener("change", () => {
  const file = ui.importFile.files?.[0];
  ui.importFile.value = "";
  if (file) void importFile(file);
});
ui.exportButton.addEventListener("click", () => (ui.exportMenu.hidden ? openMenu() : closeMenu()));
for (const button of ui.exportMenu.querySelectorAll<HTMLButtonElement>("button[data-format]")) {
  const format = button.dataset.format;
  if (format === "markdown" || format === "json" || format === "har") button.addEventListener("click", () => requestExport(format));
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
    renderRows();
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
  if (inDetails && event.key === "Escape" && detailsOpen) {
    detailsOpen = false;
    render();
    ui.list.focus({ preventScroll: true });
    return true;
  }
  const where: KeyPlace =
    target === ui.filter
      ? "filter"
      : target?.closest("input, textarea, select, [contenteditable]")
        ? "text"
        : target?.closest("button, a")
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
  if (view !== "requests") return false;
  switch (command.kind) {
    case "leave-filter":
      if (event.key === "Escape" && ui.filter.value) setFilter({ ...filter, text: "" });
      ui.list.focus({ preventScroll: true });
      if (event.key !== "Escape" && selected === null) select(edgeSelection(visible, "first"));
      return true;
    case "move":
      select(moveSelection(visible, selected, command.delta));
      return true;
    case "first":
    case "last":
      select(edgeSelection(visible, command.kind));
      return true;
    case "open":
      if (selected === null) select(edgeSelection(visible, "first"), true);
      else select(selected, true);
      return true;
    case "close":
      if (!detailsOpen) return false;
      detailsOpen = false;
      render();
      return true;
  }
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

render();
