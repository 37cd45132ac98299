//! Exposed secrets: server-side keys the page sent. Publishable and client keys are expected in
//! a frontend and never produce a finding.

use crate::exchange::Exchange;
use crate::providers::{Env, KeyKind};
use crate::report::{Finding, Severity};

/// Id of the finding for a server-side secret sent from the page.
pub const SECRET_KEY_EXPOSED: &str = "secret_key_exposed";

/// Documentation of the finding ids, for `authlens explain`.
pub const FINDING_DOCS: &[(&str, &str)] = &[(
    SECRET_KEY_EXPOSED,
    "# secret_key_exposed\n\na server-side secret key was sent from the page (severity: critical for live/production keys, high for sandbox/test keys)\n\n\
## What it means\nA key that must only live on a server (a Midtrans server key, a Checkout.com or Stripe secret key, …) \
travelled through the browser. Anyone who opens DevTools on the page, or any script on it, can read it and use it with the \
full rights of your account.\n\n\
## Why it happens\nThe frontend calls the provider's server API directly, the key was put into a public build variable \
(`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`), or a server SDK was bundled into the page.\n\n\
## How to fix\n1. Roll the key now in the provider's dashboard: it has been exposed.\n2. Move the call to your backend; the \
page calls your backend, your backend calls the provider with the secret key.\n3. In the frontend use only the publishable \
or client key (`pk_…`, `Mid-client-…`).\n\n\
## Example\nThe page sends `Authorization: Basic base64(\"SB-Mid-server-…:\")` to `app.sandbox.midtrans.com`. Fixed: the page asks \
your server for a Snap token and passes only that token and the client key to snap.js.\n",
)];

/// Findings for one exchange.
pub fn findings(ex: &Exchange) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for c in &ex.credentials {
        let Some(k) = c.key else { continue };
        if k.rule.kind != KeyKind::Secret {
            continue;
        }
        let severity = if k.rule.env == Some(Env::Sandbox) { Severity::High } else { Severity::Critical };
        let location = c.location.describe();
        if out.iter().any(|f| f.location == location && f.rule == k.rule.id) {
            continue;
        }
        out.push(Finding {
            id: SECRET_KEY_EXPOSED,
            severity,
            provider: Some(k.provider.id),
            location,
            redacted: c.redacted(),
            title: format!("{} sent from the page", k.rule.title),
            rule: k.rule.id,
        });
    }
    out.sort_by(|a, b| b.severity.cmp(&a.severity));
    out
}
