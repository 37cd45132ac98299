// The report contract of the engine, as the extension reads it. The types are GENERATED from the
// Rust report types (crates/authlens-wasm/ts/report.ts, written by
// `cargo run -p authlens-wasm --example report_ts`; a test fails when it is stale), so the Rust
// side, the npm package and the panel cannot disagree. The panel reads machine fields (kind,
// provider, environment, fingerprint), never prose. Every string has already been redacted by the
// engine; the extension shows these values and never the raw headers it captured.

import type { CauseReport, CredentialReport, Env, JwtReport } from "../../crates/authlens-wasm/ts/report";

export type { EntryReport, Finding, Report, Severity, Summary, Unexplained } from "../../crates/authlens-wasm/ts/report";

/** A cause of an authentication failure. */
export type Cause = CauseReport;
/** A credential the request carried, redacted and classified. */
export type Credential = CredentialReport;
/** The claims of a JWT credential. */
export type JwtClaims = JwtReport;
/** `sandbox` or `production`. */
export type Environment = Env;
