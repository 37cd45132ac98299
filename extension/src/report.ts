// The report contract of the engine, as the extension reads it (see crates/authlens-wasm).
// Every string in here has already been redacted by the engine; the extension shows these values
// and never the raw headers it captured.

export type Environment = "sandbox" | "production";
export type Severity = "low" | "medium" | "high" | "critical";

export interface Cause {
  id: string;
  /** 0..1 (a fraction); a value above 1 is read as a percentage. */
  confidence: number;
  title: string;
  evidence: string[];
  fix: string[];
}

export interface Finding {
  id: string;
  /**
   * A non-reversible fingerprint of the secret, when the engine gives one (to count distinct
   * secrets exactly); without it the panel groups by rule, provider and redacted form.
   */
  fingerprint?: string;
  severity: Severity;
  provider: string | null;
  location: string;
  redacted: string;
  title: string;
  rule: string;
}

export interface JwtClaims {
  alg: string | null;
  exp: string | null;
  iat: string | null;
  nbf: string | null;
  aud: string[];
  iss: string | null;
  scopes: string[];
  role: string | null;
}

export interface Credential {
  location: string;
  scheme?: string;
  redacted: string;
  kind: "secret" | "publishable" | "token" | null;
  provider: string | null;
  environment: Environment | null;
  description: string;
  jwt?: JwtClaims;
}

export interface EntryReport {
  index: number;
  method: string;
  url: string;
  status: number;
  /**
   * True for every authentication failure (each 401, and each 403 about credentials), whether or
   * not a cause was recognised. Older engines leave it out; the panel then falls back to the status.
   */
  auth_failure?: boolean;
  /** Host and path with ids collapsed (`api.midtrans.com/v2/{id}/status`). */
  endpoint?: string;
  provider: string | null;
  environment: Environment | null;
  causes: Cause[];
  /**
   * For an authentication failure no specific cause explains (engines that have it): one sentence,
   * what was checked for this request, and a checklist specialised to it.
   */
  unexplained?: { summary: string; checked: string[]; checklist: string[] };
  findings: Finding[];
  credentials: Credential[];
  server_said?: string;
  notes?: string[];
}

export interface Report {
  tool: string;
  version: string;
  entries: EntryReport[];
  summary: { entries: number; auth_failures: number; unexplained?: number; findings: number; exposed_secrets?: number; credentials_in_url?: number; critical: number; high: number };
}
