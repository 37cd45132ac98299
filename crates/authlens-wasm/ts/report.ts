// GENERATED from the Rust report types in crates/authlens-core (report.rs, secrets/files.rs,
// providers/mod.rs, redact/mod.rs) by `cargo run -p authlens-wasm --example report_ts`.
// Do not edit: change the Rust types, regenerate and commit. docs/report.md documents
// the contract.

/** The analysis of a whole HAR. */
export interface Report {
  /** Always `authlens`. */
  tool: string;
  /** authlens version. */
  version: string;
  /** One element per HAR entry, in order. */
  entries: EntryReport[];
  /** Counts over all entries. */
  summary: Summary;
  /**
   * What could not be read: entries skipped and fields left out, with their HAR paths (absent
   * when everything was read).
   */
  notes?: string[];
}

/** Counts over a report. */
export interface Summary {
  /** Entries analysed. */
  entries: number;
  /** Entries that failed on authentication (`entry.auth_failure`), with or without a cause. */
  auth_failures: number;
  /** Of those, the entries for which no specific cause was recognised. */
  unexplained: number;
  /** Findings of any severity. */
  findings: number;
  /** `secret_key_exposed` findings: distinct server-side secrets the page sent, loaded or shipped. */
  exposed_secrets: number;
  /** `credential_in_url` findings (medium): credentials carried in URLs, each distinct value once. */
  credentials_in_url: number;
  /** Findings by severity. */
  critical: number;
  /** High-severity findings. */
  high: number;
}

/** The analysis of one exchange. */
export interface EntryReport {
  /** Position in `log.entries` (or in the live session). */
  index: number;
  /** When the request started (`startedDateTime` as recorded), or null. */
  started: string | null;
  /** HTTP method. */
  method: string;
  /** URL with any credential in it redacted. */
  url: string;
  /** HTTP status as recorded (0: no response). */
  status: number;
  /** Host and path with ids collapsed (`api.midtrans.com/v2/{id}/status`), for per-endpoint rates. */
  endpoint: string;
  /** Provider of the destination host (`midtrans`), or null. */
  provider: string | null;
  /** Environment of the destination host, or null. */
  environment: Env | null;
  /**
   * True when the exchange failed on authentication: every 401, every 403 about credentials or
   * permissions, and auth errors carried by other statuses (a GraphQL 200 with
   * `UNAUTHENTICATED`, Laravel's 419 CSRF mismatch, an OAuth token endpoint's 400
   * `invalid_grant`), whether or not a cause was recognised.
   */
  auth_failure: boolean;
  /**
   * Likely causes of an authentication failure, most likely first. Empty when the exchange did
   * not fail on authentication, or when no specific cause was recognised (see `unexplained`).
   */
  causes: CauseReport[];
  /**
   * For an authentication failure without a recognised cause: what authlens read, what it
   * checked, and a checklist specialised to the request.
   */
  unexplained?: Unexplained;
  /** Security findings (exposed secrets), whatever the status. */
  findings: Finding[];
  /** The credentials the request carried, redacted and classified. */
  credentials: CredentialReport[];
  /** What the server said, when it is recognised or short enough to quote (redacted, clipped). */
  server_said?: string;
  /** Limits hit while analysing (a body too large to scan, …). */
  notes?: string[];
}

/** An authentication failure no specific cause explains. */
export interface Unexplained {
  /** One plain sentence: no specific cause was recognised (or why this is not a client bug). */
  summary: string;
  /** What authlens checked, redacted. */
  checked: string[];
  /** General steps, specialised to what the request carried. */
  checklist: string[];
}

/** One likely cause. */
export interface CauseReport {
  /** Stable snake_case id (`expired_token`); `authlens explain ID` documents it. */
  id: string;
  /** 0.0 to 1.0: how strongly the evidence points here. */
  confidence: number;
  /** One line for people. */
  title: string;
  /** What was seen, redacted. */
  evidence: Evidence[];
  /** Steps that fix it, specialised to what was seen. */
  fix: string[];
  /** Indices of the earlier entries the evidence cites (`entry #3`), so a viewer can link them. */
  entries?: number[];
}

/** How bad a finding is. */
export type Severity = "low" | "medium" | "high" | "critical";

/** A security finding. */
export interface Finding {
  /** Stable id (`secret_key_exposed`). */
  id: string;
  /** Severity. */
  severity: Severity;
  /** Provider that issued the credential, or null. */
  provider: string | null;
  /** Where it was seen, e.g. `request.header.Authorization (Basic user)`. */
  location: string;
  /** The value, redacted. */
  redacted: Redacted;
  /** What it is, e.g. "Midtrans sandbox server key". */
  title: string;
  /** Id of the secret rule that matched (`midtrans_server_key_sandbox`). */
  rule: string;
  /**
   * For `secret_key_exposed`: 12 hex digits of a keyed hash of the secret, the same for the same
   * secret wherever it is seen, so that a list can count distinct secrets. It cannot be turned
   * back into the secret (48 bits of a hash of a high-entropy value).
   */
  fingerprint?: string;
}

/** A credential the request carried. */
export interface CredentialReport {
  /** Where: `request.header.Authorization`, `request.query.access_token`, … */
  location: string;
  /** Scheme of the Authorization header, if that is where it was. */
  scheme?: string;
  /** Redacted value. */
  redacted: Redacted;
  /** `secret`, `publishable` or `token`, when recognised. */
  kind: KeyKind | null;
  /** Issuer, when recognised. */
  provider: string | null;
  /** Environment the format stands for, when recognised. */
  environment: Env | null;
  /** Human description ("Midtrans sandbox server key", "JWT access token"). */
  description: string;
  /** Decoded JWT claims that matter, when the credential is a JWT. */
  jwt?: JwtReport;
}

/** JWT claims, as shown to people. */
export interface JwtReport {
  /** Signing algorithm. */
  alg: string | null;
  /** Expiry, RFC 3339 UTC. */
  exp: string | null;
  /** Issued at, RFC 3339 UTC. */
  iat: string | null;
  /** Not before, RFC 3339 UTC. */
  nbf: string | null;
  /** Audience(s). */
  aud: string[];
  /** Issuer. */
  iss: string | null;
  /** Scopes. */
  scopes: string[];
  /** Role claim. */
  role: string | null;
}

/** A provider's environment. */
export type Env = "sandbox" | "production";

/** What a credential is for. */
export type KeyKind = "secret" | "publishable" | "token";

/** A credential made safe to show. */
export type Redacted = string;

/**
 * A line of cause evidence (or a fix step) fit to show: its text has been through [`scrub`],
 * which redacts the request's own credentials (whatever their shape) and every
 * [`secret_word`], and escapes control characters. There is no other way to build one, so a
 * cause that forgets to redact a part of its evidence still shows no credential.
 */
export type Evidence = string;

/** A finding in a file, with its line and column. */
export interface FileFinding extends Finding {
  /** 1-based line. */
  line: number;
  /** 1-based column, in Unicode characters. */
  column: number;
}

/** The findings of one file. */
export interface FileReport {
  /** Path as given or found while walking. */
  path: string;
  /** Findings, in file order. */
  findings: FileFinding[];
}

/** A file that was not scanned, and why. */
export interface Skipped {
  /** Path. */
  path: string;
  /** Why (`binary`, `larger than 8 MiB`, `unreadable: …`). */
  reason: string;
}

/** Counts over a scan. */
export interface ScanSummary {
  /** Files scanned. */
  files_scanned: number;
  /** Files skipped (binary, too large, unreadable). */
  files_skipped: number;
  /** Bytes scanned. */
  bytes_scanned: number;
  /** Findings of any severity. */
  findings: number;
  /** Critical findings. */
  critical: number;
  /** High-severity findings. */
  high: number;
}

/** The result of scanning files. */
export interface ScanReport {
  /** Always `authlens`. */
  tool: string;
  /** authlens version. */
  version: string;
  /** Files with findings, in walk order. */
  files: FileReport[];
  /** Files not scanned. */
  skipped?: Skipped[];
  /**
   * Files whose scan stopped early at the scanner's caps (dense with key prefixes or keys):
   * what follows the findings reported for them was not looked at.
   */
  partial?: string[];
  /** Counts. */
  summary: ScanSummary;
}
