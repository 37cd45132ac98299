//! AWS (Signature Version 4). An access key id (`AKIA…` long-term, `ASIA…` temporary) is not a
//! secret by itself — presigned URLs carry it — but the 40-character secret access key is, and a
//! page that signs requests with a long-term key must hold it. Found by a dedicated scanner:
//! an access key id with its secret nearby, or a SigV4 signature computed in the page.

use super::{BodyRule, Facts, Find, HostRule, KeyKind, KeyRule, Provider};

/// AWS.
pub static PROVIDER: Provider = Provider {
    id: "aws",
    name: "AWS",
    hosts: &[HostRule { domain: "amazonaws.com", env: None }],
    keys: &[KeyRule {
        id: "aws_secret_access_key",
        title: "AWS secret access key",
        kind: KeyKind::Secret,
        env_var: "AWS_SECRET_ACCESS_KEY",
        find: Find::Scanner,
        #[cfg(feature = "docs")]
        recognition: "a 40-character secret next to an `AKIA`/`ASIA` access key id or in a field named like `secretAccessKey`; or a SigV4 signature made in the page with a long-term key",
        ..KeyRule::DEFAULT
    }],
    auth: "Authorization: AWS4-HMAC-SHA256 Credential=<access key id>/<date>/<region>/<service>/aws4_request, SignedHeaders=…, Signature=… — a browser may sign only with temporary (ASIA…) credentials",
    bodies: &[
        BodyRule {
            contains: "SignatureDoesNotMatch",
            meaning: "AWS computed another signature: wrong secret key, a mangled `/` or `+` in it, wrong region/service, or the request changed after signing",
        },
        BodyRule {
            contains: "The request signature we calculated does not match",
            meaning: "AWS computed another signature: wrong secret key, wrong region/service, or the request changed after signing",
        },
        BodyRule { contains: "InvalidClientTokenId", meaning: "AWS does not know this access key id (deleted, or another account)" },
        BodyRule { contains: "InvalidAccessKeyId", meaning: "AWS does not know this access key id (deleted, or another account)" },
        BodyRule {
            contains: "The security token included in the request is expired",
            meaning: "the temporary credentials expired: fetch new ones",
        },
        BodyRule { contains: "<Code>ExpiredToken</Code>", meaning: "the temporary credentials expired: fetch new ones" },
        BodyRule {
            contains: "RequestTimeTooSkewed",
            meaning: "the signing time is more than 15 minutes off AWS's clock (clock skew, or a reused signing date)",
        },
        BodyRule {
            contains: "Missing Authentication Token",
            meaning: "API Gateway's 403 for an unknown path or method as much as for an unsigned request: check the URL and stage first",
        },
    ],
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html",
    empty_401_body: false,
    facts: &Facts {
        schemes: &["aws4-hmac-sha256"],
        // An API Gateway route may sit behind a JWT, Cognito or Lambda authorizer: SigV4 is only
        // expected when the answer speaks of it.
        scheme_unsure_hosts: &[".execute-api."],
        scheme_words: &[
            "requires 'credential' parameter",
            "requires 'signature' parameter",
            "not a valid key=value pair",
            "security token included in the request is invalid",
            "signature we calculated",
            "incompleteSignature",
        ],
        scope_fix: "allow the action {need} in the IAM policy of this principal",
        ..Facts::NONE
    },
};
