// Stand-in types for the wasm-bindgen glue (`target/wasm-bindgen/authlens_wasm.d.ts`), used by the
// type checker only while the engine has not been built yet. tsconfig.json prefers the real file.
import type { EntryReport } from "../report";

export default function init(input?: { module_or_path: RequestInfo | URL | BufferSource }): Promise<unknown>;
export class Engine {
  constructor();
  analyzeEntry(entry: object): EntryReport;
  clear(): void;
  readonly length: number;
  free(): void;
}
export function harError(text: string): string | undefined;
export function version(): string;
export function curlCommand(entry: object): string;
export function redactHar(har: object): unknown;
export function renderReport(entries: object[], format: string): string;
