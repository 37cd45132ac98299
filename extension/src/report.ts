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
  /** Host and path with ids collapsed (`api.midtrans.com/v2/{id}/status`). */
  endpoint?: string;
  provider: string | null;
  environment: Environment | null;
  /** True for every 401, auth-related 403, and auth error carried by another status, with or without a cause. */
  auth_failure: boolean;
  causes: Cause[];
  findings: Finding[];
  credentials: Credential[];
  server_said?: string;
  notes?: string[];
}

export interface Report {
  tool: string;
  version: string;
  entries: EntryReport[];
  summary: { entries: number; auth_failures: number; findings: number; critical: number; high: number };
}
