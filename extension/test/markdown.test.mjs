// markdown.ts: our own docs become structured blocks (panel.ts builds DOM from them; no HTML).

import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "../test-support/load-ts.mjs";

const md = await loadTs("markdown.ts");

const DOC = `# expired_token

the access token had expired when the request was sent (category: credential, since 0.1.0)

## What it means
The token's \`exp\` claim is before the response's \`Date\`. See [RFC 7519](https://www.rfc-editor.org/rfc/rfc7519) and [the causes](causes.md).

## How to fix
1. Refresh the token before it expires.
2. Check **clock skew**.

## Example
\`\`\`
GET /v1/me → 401
\`\`\`
- one
- two <b>not html</b>
`;

test("inline: code without backticks, bold, http links only", () => {
  assert.deepEqual(md.parseInline("Send `Authorization: Bearer …` to **every** call, see [docs](https://x.example/a) or [local](x.md)"), [
    { kind: "text", text: "Send " },
    { kind: "code", text: "Authorization: Bearer …" },
    { kind: "text", text: " to " },
    { kind: "strong", text: "every" },
    { kind: "text", text: " call, see " },
    { kind: "link", text: "docs", href: "https://x.example/a" },
    { kind: "text", text: " or local" },
  ]);
  assert.deepEqual(md.parseInline("an unpaired ` stays"), [{ kind: "text", text: "an unpaired ` stays" }]);
  assert.equal(md.parseInline("[x](javascript:alert(1))").some((p) => p.kind === "link"), false, "only http(s) links");
});

test("docBlocks drops the id heading, the title line and the sections the card already shows", () => {
  const blocks = md.docBlocks(DOC, ["How to fix"]);
  const headings = blocks.filter((b) => b.kind === "heading").map((b) => b.title);
  assert.deepEqual(headings, ["What it means", "Example"]);
  assert.equal(blocks.some((b) => b.kind === "list" && b.ordered), false, "the fix list is not repeated");
  assert.ok(blocks.some((b) => b.kind === "code" && b.text === "GET /v1/me → 401"));
  const bullets = blocks.find((b) => b.kind === "list" && !b.ordered);
  assert.equal(bullets.items.length, 2);
  assert.equal(md.inlineText(bullets.items[1]), "two <b>not html</b>", "angle brackets stay text");
  const all = md.docBlocks(DOC);
  assert.ok(all.some((b) => b.kind === "list" && b.ordered), "without skip, the fix list is there");
  assert.equal(JSON.stringify(all).includes("`"), false, "no literal backticks left");
  assert.equal(JSON.stringify(all).includes("##"), false, "no literal heading marks left");
});

test("causeIndex lists the causes (not the findings) with their titles", () => {
  const docs = { expired_token: DOC, secret_key_exposed: "# secret_key_exposed\n\nA server-side secret was exposed.\n" };
  assert.deepEqual(md.causeIndex(docs), [{ id: "expired_token", title: "the access token had expired when the request was sent" }]);
});
