// The `authlens` command for Node (bin: cli.ts): analyze, scan and redact with the outputs and exit codes of the Rust CLI
// (crates/authlens-cli): 0 success; 1 a finding reached --fail-on; 2 unusable input or usage error.

import { isUtf8 } from "node:buffer";
import { readFileSync, writeFileSync } from "node:fs";
import { call } from "./engine.js";
import { SEVERITIES, atLeast, version, type Format } from "./index.js";
import { ioError, scanPaths } from "./scan.js";
import { withRuleDocs } from "./sarif.js";

const FORMATS = ["text", "json", "markdown", "sarif"];
/** authlens_core::limits::MAX_HAR_BYTES */
const MAX_HAR_BYTES = 512 * 1024 * 1024;

const USAGE = `Explains why requests got 401/403 and finds server keys exposed by a web page, from HAR files

Usage: authlens <COMMAND>

Commands:
  analyze  Analyse a HAR file (\`-\` reads standard input)
  scan     Find exposed server-side secrets in files and folders
  redact   Write a redacted copy of a HAR file, safe to attach to a ticket
  help     Print this message

Options:
  -h, --help     Print help
  -V, --version  Print version

analyze FILE [--format text|json|markdown|sarif] [--fail-on low|medium|high|critical]
scan PATH... [--format text|json|markdown|sarif] [--fail-on SEVERITY] [--max-file-size MIB]
redact FILE [-o OUT]
(explain and eval are in the Rust CLI only.)
`;

class Usage extends Error {}

/** Options and positionals, clap-style (`--opt value` and `--opt=value`). */
function parse(args: string[], valued: string[]): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a !== "-") {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!valued.includes(name)) throw new Usage(`unexpected argument '${a}' found`);
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new Usage(`a value is required for '${name}' but none was supplied`);
      if (opts.has(name)) throw new Usage(`the argument '${name}' cannot be used multiple times`);
      opts.set(name, value);
    } else {
      rest.push(a);
    }
  }
  return { opts, rest };
}

function format(opts: Map<string, string>): Format {
  const f = opts.get("--format") ?? "text";
  if (!FORMATS.includes(f)) throw new Usage(`invalid value '${f}' for '--format <FORMAT>' [possible values: ${FORMATS.join(", ")}]`);
  return f as Format;
}

function failOn(opts: Map<string, string>): string | undefined {
  const s = opts.get("--fail-on");
  if (s === undefined) return undefined;
  const lower = s.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(lower)) {
    throw new Usage(`invalid value '${s}' for '--fail-on <SEVERITY>': unknown severity \`${s}\` (use low, medium, high or critical)`);
  }
  return lower;
}

/** The first invalid byte of `bytes` as UTF-8 (Rust's `Utf8Error::valid_up_to`), or -1. */
function invalidUtf8At(b: Uint8Array): number {
  if (isUtf8(b)) return -1;
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    const second = b[i + 1] ?? 0;
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** The input text, as crates/authlens-cli/src/main.rs `read_input` reads it. */
function readInput(file: string): string {
  const name = file === "-" ? "standard input" : file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === "-" ? 0 : file);
  } catch (error) {
    throw new Error(`${name}: cannot read: ${ioError(error)}`);
  }
  if (bytes.length > MAX_HAR_BYTES) throw new Error(`${name}: larger than the ${MAX_HAR_BYTES / 1024 / 1024} MiB limit`);
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) throw new Error(`${name}: not UTF-8 text (invalid byte at offset ${bad}); a HAR file is JSON`);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

function print(out: string): void {
  io.out(out.endsWith("\n") ? out : out + "\n");
}

function analyze(args: string[]): number {
  const { opts, rest } = parse(args, ["--format", "--fail-on"]);
  const f = format(opts);
  const min = failOn(opts);
  if (rest.length !== 1) throw new Usage(rest.length ? `unexpected argument '${rest[1]}' found` : "the following required arguments were not provided: <FILE>");
  const file = rest[0] ?? "";
  let text: string;
  try {
    text = readInput(file);
  } catch (error) {
    io.err(`authlens: ${(error as Error).message}\n`);
    return 2;
  }
  const artifact = file === "-" ? "stdin.har" : file;
  let out: string;
  try {
    out = call((g) => g.renderHar(text, f, artifact));
    if (f === "sarif") out = withRuleDocs(out);
  } catch (error) {
    io.err(`authlens: ${file === "-" ? "standard input" : file}: ${(error as Error).message}\n`);
    return 2;
  }
  print(out);
  if (min !== undefined) {
    const json = f === "json" ? out : call((g) => g.renderHar(text, "json", artifact));
    const report = JSON.parse(json) as { entries: { findings: { severity: string }[] }[] };
    if (report.entries.some((e) => e.findings.some((x) => atLeast(x.severity, min)))) {
      io.err("authlens: a finding reached --fail-on\n");
      return 1;
    }
  }
  return 0;
}

function scan(args: string[]): number {
  const { opts, rest } = parse(args, ["--format", "--fail-on", "--max-file-size"]);
  const f = format(opts);
  const min = failOn(opts);
  const mib = opts.get("--max-file-size") ?? "16";
  if (!/^\d+$/.test(mib)) throw new Usage(`invalid value '${mib}' for '--max-file-size <MIB>': invalid digit found in string`);
  if (rest.length === 0) throw new Usage("the following required arguments were not provided: <PATHS>...");
  let result;
  try {
    result = scanPaths(rest, { maxFileSize: Number(mib) * 1024 * 1024 });
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  io.out(result.render(f));
  if (min !== undefined && result.report.files.some((file) => file.findings.some((x) => atLeast(x.severity, min)))) {
    io.err("authlens: a finding reached --fail-on\n");
    return 1;
  }
  return 0;
}

function redact(args: string[]): number {
  const { opts, rest } = parse(args, ["-o", "--output"]);
  if (rest.length !== 1) throw new Usage(rest.length ? `unexpected argument '${rest[1]}' found` : "the following required arguments were not provided: <FILE>");
  const file = rest[0] ?? "";
  const name = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = readInput(file);
  } catch (error) {
    io.err(`authlens: ${(error as Error).message}\n`);
    return 2;
  }
  const problem = call((g) => g.harError(text));
  if (problem) {
    io.err(`authlens: ${name}: ${problem}\n`);
    return 2;
  }
  const out = JSON.stringify(call((g) => g.redactHar(JSON.parse(text))), null, 2) + "\n";
  const target = opts.get("-o") ?? opts.get("--output");
  if (target === undefined || target === "-") {
    io.out(out);
    return 0;
  }
  try {
    writeFileSync(target, out);
  } catch (error) {
    io.err(`authlens: ${target}: cannot write: ${ioError(error)}\n`);
    return 2;
  }
  return 0;
}

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

let io: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** Run the CLI on `argv` (without `node authlens`) and return its exit code. */
export function run(argv: string[], streams: Io = io): number {
  const before = io;
  io = streams;
  try {
    return main(argv);
  } finally {
    io = before;
  }
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    if (args.includes("-h") || args.includes("--help") || command === "help" || command === "-h" || command === "--help") {
      io.out(USAGE);
      return 0;
    }
    switch (command) {
      case "analyze":
        return analyze(args);
      case "scan":
        return scan(args);
      case "redact":
        return redact(args);
      case "-V":
      case "--version":
        io.out(`authlens ${version()}\n`);
        return 0;
      case "explain":
      case "eval":
        io.err(`authlens: \`${command}\` is in the Rust CLI only (the npm package has analyze, scan and redact)\n`);
        return 2;
      case undefined:
        io.err(USAGE);
        return 2;
      default:
        throw new Usage(`unrecognized subcommand '${command}'`);
    }
  } catch (error) {
    if (error instanceof Usage) {
      io.err(`error: ${error.message}\n\nFor more information, try '--help'.\n`);
      return 2;
    }
    io.err(`authlens: ${(error as Error).message}\n`);
    return 2;
  }
}

