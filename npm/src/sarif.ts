// The wasm module carries no documentation texts (they would add ~34 kB); SARIF's rule
// descriptions come from them. The package ships them as dist/docs.json (`authlens explain
// --json`, as the extension does) and they are filled in here exactly as
// crates/authlens-core/src/render/sarif.rs `rules()` writes them. npm/test/cli.test.mjs checks
// the result byte for byte against the Rust CLI.

import { readFileSync } from "node:fs";

let docs: Record<string, string> | null = null;

/** The documentation of every cause, finding and rule id (id → Markdown). */
export function docsJson(): Record<string, string> {
  docs ??= JSON.parse(readFileSync(new URL("./docs.json", import.meta.url), "utf8")) as Record<string, string>;
  return docs;
}

/** sarif.rs `summary`: the paragraph under the title. */
function summary(doc: string): string {
  return (doc.split("\n\n")[1] ?? "").trim();
}

/** sarif.rs `section`: the paragraph after a `## heading`. */
function section(doc: string, heading: string): string {
  for (const part of doc.split("\n## ")) if (part.startsWith(heading)) return part.slice(heading.length).trim();
  return "";
}

interface Rule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
}

/** A SARIF document from the engine, its rules' descriptions filled from the documentation. */
export function withRuleDocs(sarif: string): string {
  const doc = JSON.parse(sarif) as { runs: { tool: { driver: { rules: Rule[] } } }[] };
  const texts = docsJson();
  for (const run of doc.runs) {
    for (const rule of run.tool.driver.rules) {
      const text = texts[rule.id];
      if (text === undefined) continue;
      if ((rule as { properties?: { tags?: string[] } }).properties?.tags?.includes("authentication")) {
        // A cause's rule (sarif.rs `rules_with_causes`): its title stays the short description.
        const full = section(text, "What it means");
        if (rule.fullDescription && full) rule.fullDescription.text = full;
        rule.help = { markdown: text, text };
        continue;
      }
      if (rule.shortDescription) rule.shortDescription.text = summary(text);
      if (rule.fullDescription) rule.fullDescription.text = section(text, "What it means");
      if (rule.help) {
        rule.help.markdown = text;
        rule.help.text = text;
      }
    }
  }
  return JSON.stringify(doc, null, 2) + "\n";
}
