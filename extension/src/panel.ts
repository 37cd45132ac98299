// The authlens panel: a view of what the devtools page captured and analysed. It holds a copy of
// the items, renders rows and a details pane, and sends user actions back. It never analyses, and
// it only shows values the engine returned (already redacted), always as text nodes.

import type { ErrorItem, Item, ReportItem } from "./capture";
import { append, byId, clear, h, type Child } from "./dom";
import { isConnect, isToPanel, message, type Status, type ToDevtools, type ToPanel } from "./messages";
import type { Cause, Credential, Finding } from "./report";
import {
  countItems,
  countsText,
  keepSelection,
  moveSelection,
  panelState,
  percent,
  rowSummary,
  trimItems,
  visibleItems,
} from "./view-model";

const SHOW_ALL_KEY = "authlens.showAll";

const ui = {
  counts: byId("counts"),
  notice: byId("notice"),
  list: byId("list"),
  rows: byId<HTMLTableSectionElement>("rows"),
  state: byId("state"),
  details: byId("details"),
  showAll: byId<HTMLInputElement>("show-all"),
  preserveLog: byId<HTMLInputElement>("preserve-log"),
  clear: byId<HTMLButtonElement>("clear"),
};

let port: MessagePort | null = null;
let session: string | null = null;
let status: Status | null = null;
let items: Item[] = [];
let showAll = readShowAll();
let selected: number | null = null;
let detailsFor: Item | null = null;

const rendered = new Map<number, HTMLTableRowElement>();
let renderedShowAll = showAll;
const explanations = new Map<string, string | null>();
const waitingExplanations = new Map<string, HTMLElement[]>();

// ---- connection ------------------------------------------------------------------------------

window.addEventListener("message", (event: MessageEvent) => {
  if (event.origin !== location.origin || !isConnect(event.data)) return;
  const offered = event.ports[0];
  if (!offered) return;
  if (port && port !== offered) port.close();
  port = offered;
  port.onmessage = (e: MessageEvent) => receive(e.data);
  send(message({ kind: "ready", session, lastSeq: items[items.length - 1]?.seq ?? -1 }));
});

function send(msg: ToDevtools): void {
  port?.postMessage(msg);
}

function receive(data: unknown): void {
  if (!isToPanel(data)) {
    console.warn("authlens panel: ignoring an unexpected message", data);
    return;
  }
  const msg: ToPanel = data;
  switch (msg.kind) {
    case "snapshot":
      if (msg.reset || msg.session !== session) {
        items = msg.items;
        resetRows();
      } else {
        const last = items[items.length - 1]?.seq ?? -1;
        items.push(...msg.items.filter((item) => item.seq > last));
      }
      session = msg.session;
      applyStatus(msg.status);
      break;
    case "item":
      if (msg.session !== session) {
        // A log we have no snapshot of: ask for one.
        send(message({ kind: "ready", session, lastSeq: items[items.length - 1]?.seq ?? -1 }));
        return;
      }
      items.push(msg.item);
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
  }
  scheduleRender();
}

function applyStatus(next: Status): void {
  status = next;
  items = trimItems(items, next.firstSeq);
  document.body.className = `theme-${next.theme}`;
  ui.preserveLog.checked = next.preserveLog;
}

// ---- rendering -------------------------------------------------------------------------------

let renderQueued = false;

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
  const visible = visibleItems(items, showAll);
  selected = keepSelection(visible, selected);
  syncRows(visible);
  renderCounts();
  renderState(visible.length);
  renderNotice();
  const current = selected === null ? null : (visible.find((item) => item.seq === selected) ?? null);
  if (current !== detailsFor || current === null) renderDetails(current);
}

function resetRows(): void {
  clear(ui.rows);
  rendered.clear();
}

function syncRows(visible: Item[]): void {
  if (renderedShowAll !== showAll) {
    resetRows();
    renderedShowAll = showAll;
  }
  const keep = new Set(visible.map((item) => item.seq));
  for (const [seq, row] of rendered) {
    if (!keep.has(seq)) {
      row.remove();
      rendered.delete(seq);
    }
  }
  const list = ui.list;
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  const fresh = document.createDocumentFragment();
  let added = 0;
  // New items are always newer than the rendered ones, so appending keeps the order.
  for (const item of visible) {
    if (rendered.has(item.seq)) continue;
    const row = makeRow(item);
    rendered.set(item.seq, row);
    fresh.appendChild(row);
    added += 1;
  }
  ui.rows.appendChild(fresh);
  if (added > 0 && atBottom) list.scrollTop = list.scrollHeight;
  for (const [seq, row] of rendered) row.classList.toggle("selected", seq === selected);
}

function makeRow(item: Item): HTMLTableRowElement {
  const row = rowSummary(item);
  const statusClass = row.status >= 400 ? "s-error" : row.status === 0 ? "s-none" : "";
  const edge = row.alsoFinding === "critical" || row.alsoFinding === "high" ? ` edge-${row.alsoFinding}` : "";
  const tr = h(
    "tr",
    { class: `row tone-${row.tone}${edge}`, dataset: { seq: String(item.seq) } },
    h("td", { class: "c-method mono" }, row.method),
    h("td", { class: "c-path mono", title: row.url }, row.path),
    h("td", { class: `c-status mono ${statusClass}` }, row.status === 0 ? "(failed)" : String(row.status)),
    h("td", { class: "c-provider" }, row.provider),
    h(
      "td",
      { class: "c-diag", title: row.id ? `${row.id}: ${row.text}` : "" },
      row.alsoFinding
        ? h("span", { class: `badge sev-${row.alsoFinding}`, title: `also an exposed secret (${row.alsoFinding})` }, row.alsoFinding)
        : null,
      row.id ? h("code", { class: "diag-id" }, row.id) : null,
      row.text ? h("span", { class: "diag-text" }, row.text) : null,
    ),
  );
  tr.addEventListener("click", () => select(item.seq));
  return tr;
}

function select(seq: number | null): void {
  selected = seq;
  render();
  if (seq !== null) rendered.get(seq)?.scrollIntoView({ block: "nearest" });
}

function renderCounts(): void {
  const counts = countItems(items);
  ui.counts.textContent = status?.engine === "ready" ? countsText(counts) : "";
  ui.counts.title = status?.engineVersion ? `authlens engine ${status.engineVersion}` : "";
}

function renderState(visibleCount: number): void {
  const state = panelState(status, items, visibleCount);
  const box = ui.state;
  clear(box);
  box.className = "state";
  box.hidden = state.kind === "rows";
  switch (state.kind) {
    case "connecting":
      append(box, h("p", null, "Connecting to the authlens DevTools page…"));
      break;
    case "engine-loading":
      append(box, h("p", null, "Loading the analysis engine…"));
      break;
    case "engine-failed":
      box.classList.add("failed");
      append(box, h("p", null, `The analysis engine failed to load: ${state.message}`));
      break;
    case "empty":
      append(box, h("p", { class: "big" }, "No requests yet"));
      if (state.firefoxHint) {
        append(box, h("p", { class: "hint" }, "Firefox: open the Network panel once so DevTools records requests"));
      }
      append(box, h("p", { class: "hint" }, "Requests made before DevTools opened are not seen: reload the page to capture them."));
      break;
    case "nothing-relevant":
      append(
        box,
        h("p", { class: "big" }, `No authentication problems in ${state.total} ${state.total === 1 ? "request" : "requests"} so far`),
        h("p", { class: "hint" }, "Tick “Show all requests” to list them anyway."),
      );
      break;
    case "rows":
      break;
  }
}

function renderNotice(): void {
  const dropped = status?.dropped ?? 0;
  ui.notice.hidden = dropped === 0;
  ui.notice.textContent =
    dropped === 0 ? "" : `Only the latest results are kept: ${dropped} older ${dropped === 1 ? "entry was" : "entries were"} dropped.`;
}

// ---- details ---------------------------------------------------------------------------------

function renderDetails(item: Item | null): void {
  detailsFor = item;
  const pane = ui.details;
  clear(pane);
  pane.scrollTop = 0;
  if (!item) {
    append(pane, h("p", { class: "placeholder" }, "Select a request to see why it failed."));
    return;
  }
  if (item.kind === "error") renderErrorDetails(pane, item);
  else renderReportDetails(pane, item);
}

function heading(method: string, statusCode: number, url: string): HTMLElement {
  return h(
    "div",
    { class: "d-head" },
    h("span", { class: "mono method" }, method),
    h("span", { class: `mono status ${statusCode >= 400 ? "s-error" : ""}` }, statusCode === 0 ? "(failed)" : String(statusCode)),
    h("span", { class: "mono url" }, url),
  );
}

function section(title: string, count: number | null, ...children: Child[]): HTMLElement {
  return h("section", { class: "d-section" }, h("h3", null, count === null ? title : `${title} (${count})`), ...children);
}

function renderErrorDetails(pane: HTMLElement, item: ErrorItem): void {
  append(
    pane,
    heading(item.method, item.status, item.url),
    h("p", { class: "engine-error" }, `The engine could not analyse this request: ${item.message}`),
    notesSection(item.notes),
  );
}

function renderReportDetails(pane: HTMLElement, item: ReportItem): void {
  const report = item.report;
  const causes = report.causes ?? [];
  const findings = report.findings ?? [];
  const credentials = report.credentials ?? [];
  const meta = [
    report.provider ? `provider ${report.provider}` : null,
    report.environment ? `${report.environment} environment` : null,
  ].filter((part): part is string => part !== null);

  append(
    pane,
    heading(report.method, report.status, report.url),
    meta.length ? h("div", { class: "d-meta" }, meta.join(" · ")) : null,
    report.server_said ? section("Server said", null, h("pre", { class: "mono said" }, report.server_said)) : null,
    causes.length
      ? section("Likely causes", causes.length, ...causes.map(causeCard))
      : report.status === 401 || report.status === 403
        ? section("Likely causes", 0, h("p", { class: "muted" }, "The engine found no specific cause for this response."))
        : null,
    findings.length ? section("Exposed secrets", findings.length, ...findings.map(findingCard)) : null,
    credentials.length ? section("Credentials sent", credentials.length, ...credentials.map(credentialCard)) : null,
    notesSection([...(report.notes ?? []), ...item.notes]),
  );
}

function causeCard(cause: Cause, rank: number): HTMLElement {
  const evidence = cause.evidence ?? [];
  const fix = cause.fix ?? [];
  return h(
    "div",
    { class: `card cause${rank === 0 ? " top" : ""}` },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "pct mono", title: "confidence" }, percent(cause.confidence)),
      h("code", { class: "id" }, cause.id),
      h("span", { class: "title" }, cause.title),
    ),
    evidence.length ? h("div", { class: "sub" }, "Evidence") : null,
    evidence.length ? h("ul", { class: "evidence" }, ...evidence.map((line) => h("li", { class: "mono" }, line))) : null,
    fix.length ? h("div", { class: "sub" }, "How to fix") : null,
    fix.length ? h("ol", { class: "fix" }, ...fix.map((step) => h("li", null, step))) : null,
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
      h("span", { class: `badge sev-${finding.severity}` }, finding.severity),
      h("code", { class: "id" }, finding.id),
      h("span", { class: "title" }, finding.title),
    ),
    facts([
      ["Location", finding.location, true],
      ["Value", finding.redacted, true],
      ["Provider", finding.provider, false],
      ["Rule", finding.rule, true],
    ]),
    learnMore(finding.id),
  );
}

function credentialCard(credential: Credential): HTMLElement {
  const jwt = credential.jwt;
  return h(
    "div",
    { class: "card credential" },
    h(
      "div",
      { class: "card-head" },
      h("code", { class: "id" }, credential.location),
      credential.scheme ? h("span", { class: "scheme" }, credential.scheme) : null,
      h("span", { class: "title" }, credential.description),
    ),
    facts([
      ["Value", credential.redacted, true],
      ["Kind", credential.kind, false],
      ["Provider", credential.provider, false],
      ["Environment", credential.environment, false],
    ]),
    jwt
      ? h(
          "div",
          { class: "jwt" },
          h("div", { class: "sub" }, "JWT claims"),
          facts([
            ["alg", jwt.alg, true],
            ["iss", jwt.iss, true],
            ["aud", (jwt.aud ?? []).join(", ") || null, true],
            ["exp", jwt.exp, true],
            ["iat", jwt.iat, true],
            ["nbf", jwt.nbf, true],
            ["scopes", (jwt.scopes ?? []).join(" ") || null, true],
            ["role", jwt.role, true],
          ]),
        )
      : null,
  );
}

/** A two-column list of labelled values; empty values are left out. */
function facts(rows: [label: string, value: string | null | undefined, mono: boolean][]): HTMLElement | null {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (present.length === 0) return null;
  return h(
    "dl",
    { class: "facts" },
    ...present.flatMap(([label, value, mono]) => [h("dt", null, label), h("dd", { class: mono ? "mono" : "" }, String(value))]),
  );
}

function notesSection(notes: string[]): HTMLElement | null {
  if (notes.length === 0) return null;
  return section("Notes", null, h("ul", { class: "notes" }, ...notes.map((note) => h("li", null, note))));
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
  target.textContent = text ?? "No documentation for this id in this engine version.";
}

// ---- controls --------------------------------------------------------------------------------

function readShowAll(): boolean {
  try {
    return localStorage.getItem(SHOW_ALL_KEY) === "true";
  } catch {
    return false;
  }
}

ui.showAll.checked = showAll;
ui.showAll.addEventListener("change", () => {
  showAll = ui.showAll.checked;
  try {
    localStorage.setItem(SHOW_ALL_KEY, String(showAll));
  } catch {
    // best effort
  }
  render();
});

ui.preserveLog.addEventListener("change", () => send(message({ kind: "preserve-log", value: ui.preserveLog.checked })));

ui.clear.addEventListener("click", () => {
  selected = null;
  send(message({ kind: "clear" }));
});

ui.list.addEventListener("keydown", (event: KeyboardEvent) => {
  const delta = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
  if (delta === 0) return;
  event.preventDefault();
  select(moveSelection(visibleItems(items, showAll), selected, delta));
});

render();
