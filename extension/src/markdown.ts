// A reader for the small Markdown of authlens's own documentation (docs.json, written by
// `authlens explain --json`): headings, paragraphs, bullet and numbered lists, fenced code, and
// inline code, bold and links. It gives plain data that panel.ts turns into DOM nodes; nothing is
// ever parsed as HTML, and text from the inspected page never comes through here.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; text: string }
  | { kind: "link"; text: string; href: string };

export type Block =
  | { kind: "heading"; level: number; text: Inline[]; title: string }
  | { kind: "paragraph"; text: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "code"; text: string };

const SAFE_LINK = /^https?:\/\//i;

/** Inline Markdown: `code`, **bold**, [text](http…). Anything else is text (backticks included when unpaired). */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (part: Inline): void => {
    const last = out[out.length - 1];
    if (part.kind === "text" && last?.kind === "text") last.text += part.text;
    else if (part.kind !== "text" || part.text) out.push(part);
  };
  let i = 0;
  let plain = "";
  const flush = (): void => {
    push({ kind: "text", text: plain });
    plain = "";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        push({ kind: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (c === "*" && text[i + 1] === "*") {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2) {
        flush();
        // Code inside bold keeps no backticks either.
        push({ kind: "strong", text: text.slice(i + 2, end).replace(/`/g, "") });
        i = end + 2;
        continue;
      }
    } else if (c === "[") {
      const close = text.indexOf("](", i + 1);
      const end = close > 0 ? text.indexOf(")", close + 2) : -1;
      if (close > i && end > close) {
        const href = text.slice(close + 2, end).trim();
        const label = text.slice(i + 1, close).replace(/`/g, "");
        flush();
        // Relative links (to other docs pages) and anything not http(s) stay text.
        push(SAFE_LINK.test(href) ? { kind: "link", text: label, href } : { kind: "text", text: label });
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  flush();
  return out;
}

/** Plain text of inline parts (for matching headings). */
export function inlineText(parts: Inline[]): string {
  return parts.map((p) => p.text).join("");
}

/** Block Markdown. Tables and HTML comments are kept as paragraphs of text (our docs have none in "Learn more"). */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const endParagraph = (): void => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };
  const endList = (): void => {
    if (list) blocks.push({ kind: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const t = line.trim();
    if (t.startsWith("```")) {
      endParagraph();
      endList();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith("```")) code.push(lines[i++] ?? "");
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    if (t === "" || /^-{3,}$/.test(t) || /^<!--.*-->$/.test(t)) {
      endParagraph();
      endList();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(t);
    if (heading) {
      endParagraph();
      endList();
      const text = parseInline(heading[2] ?? "");
      blocks.push({ kind: "heading", level: heading[1]?.length ?? 1, text, title: inlineText(text) });
      continue;
    }
    const bullet = /^[-*]\s+(.*)$/.exec(t);
    const numbered = /^\d{1,3}[.)]\s+(.*)$/.exec(t);
    if (bullet || numbered) {
      endParagraph();
      const ordered = !!numbered;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)?.[1] ?? "");
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // A continuation line of a list item.
      list.items[list.items.length - 1] += ` ${t}`;
      continue;
    }
    endList();
    paragraph.push(t);
  }
  endParagraph();
  endList();
  return blocks;
}

/**
 * The documentation of an id as shown under a card: without its first heading (the id, which the
 * card shows), without the one-line title that follows it, and without the sections the card
 * already shows (`skip`, e.g. "How to fix" under a cause with fix steps).
 */
export function docBlocks(source: string, skip: readonly string[] = []): Block[] {
  const blocks = parseMarkdown(source);
  const out: Block[] = [];
  let skipping = false;
  let skipLevel = 0;
  blocks.forEach((block, index) => {
    if (index === 0 && block.kind === "heading" && block.level === 1) return;
    if (index === 1 && blocks[0]?.kind === "heading" && block.kind === "paragraph" && /\(category: /.test(inlineText(block.text))) return;
    if (block.kind === "heading") {
      if (skipping && block.level <= skipLevel) skipping = false;
      if (skip.some((title) => block.title.trim().toLowerCase() === title.toLowerCase())) {
        skipping = true;
        skipLevel = block.level;
        return;
      }
    }
    if (!skipping) out.push(block);
  });
  return out;
}

/** The causes authlens checks, from docs.json: ids whose documentation says "(category: …)". */
export function causeIndex(docs: Record<string, string>): { id: string; title: string }[] {
  const out: { id: string; title: string }[] = [];
  for (const [id, text] of Object.entries(docs)) {
    const match = /^#\s+\S+\s*\n+\s*(.+?)\s+\(category: [^)]*\)/.exec(text);
    if (match?.[1]) out.push({ id, title: match[1] });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
