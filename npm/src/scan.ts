// `authlens scan PATH…` for Node: the walking, reading and skipping of crates/authlens-cli/src/scan.rs
// (the same order, limits and notes), the scanning and rendering in the engine.

import { closeSync, lstatSync, openSync, readSync, readdirSync, statSync, constants } from "node:fs";
import { call } from "./engine.js";
import { withRuleDocs } from "./sarif.js";
import type { Format } from "./index.js";
import type { ScanReport } from "./report.js";

/** Folders skipped while walking (scanned when given directly). */
const SKIP_DIRS = ["node_modules", ".git", ".hg", ".svn"];
/** Bytes looked at for a NUL to call a file binary. */
const SNIFF = 8 * 1024;
/** Deepest folder nesting walked. */
const MAX_DEPTH = 64;

export interface ScanOptions {
  /** Skip files larger than this many bytes (noted in the report). Default 16 MiB, as the CLI. */
  maxFileSize?: number;
}

export interface ScanResult {
  /** The report (`authlens scan --format json`). */
  report: ScanReport;
  /** The report as `authlens scan --format FORMAT` prints it. */
  render(format: Format): string;
}

/** An error as Rust's `std::io::Error` shows it (`No such file or directory (os error 2)`). */
export function ioError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: "No such file or directory",
    EACCES: "Permission denied",
    EPERM: "Operation not permitted",
    ENOTDIR: "Not a directory",
    EISDIR: "Is a directory",
    ELOOP: "Too many levels of symbolic links",
    ENAMETOOLONG: "File name too long",
    EIO: "Input/output error",
  };
  const n = e.code ? (constants as unknown as { [k: string]: number })[e.code] ?? (e.errno ? -e.errno : undefined) : undefined;
  const text = (e.code && words[e.code]) ?? e.message;
  return n !== undefined ? `${text} (os error ${n})` : text;
}

type Job = { file: string } | { skip: string; reason: string };

/** Rust's `Path::join` for a name read from `dir` (no normalisation: `./a` stays `./a`). */
function join(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function walk(dir: string, depth: number, jobs: Job[]): void {
  if (depth > MAX_DEPTH) {
    jobs.push({ skip: dir, reason: "nested too deep" });
    return;
  }
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: "buffer" });
  } catch (error) {
    jobs.push({ skip: dir, reason: `unreadable: ${ioError(error)}` });
    return;
  }
  // Byte order, as Rust sorts paths.
  const paths = names.map((n) => join(dir, n.toString())).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const p of paths) {
    let meta;
    try {
      meta = lstatSync(p);
    } catch {
      continue;
    }
    if (meta.isSymbolicLink()) continue;
    if (meta.isDirectory()) {
      const base = p.slice(p.lastIndexOf("/") + 1);
      if (!SKIP_DIRS.includes(base)) walk(p, depth + 1, jobs);
    } else if (meta.isFile()) {
      jobs.push({ file: p });
    }
  }
}

/** Up to `max + 1` bytes of a file. */
function readUpTo(path: string, max: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      if (chunk.length === 0) break;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Scan files and folders for exposed server-side secrets, as `authlens scan` does: folders are
 * walked in byte order, node_modules/.git/.hg/.svn and symbolic links skipped while walking,
 * binary and too-large files noted as skipped. A path that does not exist throws.
 */
export function scanPaths(paths: string[], options: ScanOptions = {}): ScanResult {
  const maxSize = options.maxFileSize ?? 16 * 1024 * 1024;
  const jobs: Job[] = [];
  for (const p of paths) {
    let meta;
    try {
      meta = statSync(p);
    } catch (error) {
      throw new Error(`authlens: ${p}: ${ioError(error)}`);
    }
    if (meta.isDirectory()) walk(p, 0, jobs);
    else jobs.push({ file: p });
  }
  return call((g) => {
    const scan = new g.Scan();
    for (const job of jobs) {
      if ("skip" in job) {
        scan.skip(job.skip, job.reason);
        continue;
      }
      const name = job.file;
      let bytes: Buffer;
      try {
        const size = statSync(name).size;
        if (size > maxSize) {
          scan.skip(name, `larger than the ${Math.floor(maxSize / 1024 / 1024)} MiB limit (--max-file-size)`);
          continue;
        }
        bytes = readUpTo(name, maxSize);
      } catch (error) {
        scan.skip(name, `unreadable: ${ioError(error)}`);
        continue;
      }
      if (bytes.subarray(0, SNIFF).includes(0)) {
        scan.skip(name, "binary");
        continue;
      }
      scan.addFile(name, bytes);
    }
    const rendered = new Map<Format, string>();
    const render = (format: Format): string => {
      let out = rendered.get(format);
      if (out === undefined) {
        out = call(() => scan.render(format));
        if (format === "sarif") out = withRuleDocs(out);
        rendered.set(format, out);
      }
      return out;
    };
    return { report: JSON.parse(render("json")) as ScanReport, render };
  });
}
