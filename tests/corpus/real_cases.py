"""Cases written from real 401/403 (and 200/400/419) bodies: each failing entry's response body and
headers are quoted verbatim from `real_bodies.json` (collected from public docs, SDK tests and
issue threads; the source of each is in that file, in the entry's `comment` and in
expected.json). The requests around them are reconstructed: credentials are synthetic, built the
same way as in generate.py. Imported by generate.py."""
import json
import os

from generate import (HERE, NOW, ALNUM, URLSAFE, HEX, UPPER, DIGITS, LOWER, case, entry, fill, jwt, j, b64, GOOGLE_KEY,
                      basic, PAGE_APP, JSON_CT, GH_PAT, GOOGLE_TOKEN, OPENAI_KEY, STRIPE_SK_TEST, OKTA_TOKEN, page)

REAL = json.load(open(os.path.join(HERE, "real_bodies.json"), encoding="utf-8"))
SOURCES = {}
FORM = "application/x-www-form-urlencoded"


def mime_of(body):
    b = body.lstrip()
    if b.startswith("{") or b.startswith("["):
        return "application/json"
    if b.lower().startswith("<html") or "<body" in b.lower():
        return "text/html"
    if b.startswith("<"):
        return "application/xml"
    return "text/plain"


def real(name, expected, rid, method, url, req=(), before=(), status=None, post=None, post_mime="application/json",
         extra_resp=(), note="", rtype="fetch", t=0.0):
    r = REAL[str(rid)]
    st = status or r["status"] or 401
    resp = [(h["name"], h["value"]) for h in (r["headers"] or [])] + list(extra_resp)
    body = r["body"] or ""
    e = entry(method, url, list(req), status=st, resp=resp, body=body, mime=mime_of(body) if body else "",
              post=post, post_mime=post_mime, rtype=rtype, t=t)
    quoted = "response body and headers" if r["headers"] else "response body"
    e["comment"] = f"{quoted} quoted verbatim from {r['source']} ({r['system']}: {r['title']})" + \
        ("" if r["status"] else f"; the source gives no status, {st} assumed")
    case(name, expected, (note + " — " if note else "") + f"real body #{rid}: {r['system']}", list(before) + [e])
    SOURCES[name] = r["source"]


def tok(seed, n=40):
    return fill(seed, n, URLSAFE)


def exp_jwt(seed, ago=3600, lived=3600, extra=None, alg="RS256"):
    p = {"sub": "user-" + str(seed), "iss": "https://login.example.com/", "aud": "https://api.example.com", "iat": NOW - ago - lived, "exp": NOW - ago}
    p.update(extra or {})
    return jwt(p, seed, alg)


def ok_jwt(seed, extra=None, alg="RS256"):
    p = {"sub": "user-" + str(seed), "iss": "https://login.example.com/", "aud": "https://api.example.com", "iat": NOW - 60, "exp": NOW + 3540}
    p.update(extra or {})
    return jwt(p, seed, alg)


def bearer(t):
    return ("Authorization", "Bearer " + t)


GUID = "3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b13"
ENTRA_SECRET = fill(601, 3) + "8Q~" + fill(602, 34, ALNUM + "~.-_")
TENANT = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
API = "https://api.example.com"

# ---------------------------------------------------------------- Microsoft Entra ID / ASP.NET Core
real("real_entra_client_secret_id_sent", "damaged_credentials", 0, "POST", f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
     [("Content-Type", FORM)], post=f"client_id=4d856d1f-8648-456c-9bb2-f36273bbe4e3&client_secret={GUID}&grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
     post_mime=FORM, rtype=None, note="the secret's id (a GUID) sent as client_secret")
real("real_entra_client_secret_wrong", "invalid_credentials", 0, "POST", f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
     [("Content-Type", FORM)], post=f"client_id=4d856d1f-8648-456c-9bb2-f36273bbe4e3&client_secret={ENTRA_SECRET}&grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
     post_mime=FORM, rtype=None, note="a secret value that is not (or no longer) the app's")
real("real_entra_refresh_token_expired_inactivity", "grant_rejected", 1, "POST", f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
     [("Content-Type", FORM)], post="client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&grant_type=refresh_token&refresh_token=0.AAAA" + tok(603, 300),
     post_mime=FORM, rtype=None)
real("real_aspnet_audience_empty", "wrong_audience", 4, "GET", API + "/identity",
     [PAGE_APP, bearer(jwt({"iss": "https://localhost:5001", "nbf": NOW - 60, "iat": NOW - 60, "exp": NOW + 3540, "client_id": "spa", "sub": "88421113", "scope": ["openid", "profile"]}, 604))])
real("real_aspnet_audience_is_client_id", "wrong_token_type", 5, "GET", API + "/api/todolist",
     [PAGE_APP, bearer(jwt({"iss": "https://contoso.b2clogin.com/" + TENANT + "/v2.0/", "aud": "9a1c7e5b-2f3d-4e6a-8b7c-1d2e3f4a5b6c", "exp": NOW + 3000, "nbf": NOW - 600, "nonce": "defaultNonce", "sub": "u1", "iat": NOW - 600}, 605))])
real("real_aspnet_token_expired_at", "expired_token", 6, "GET", API + "/api/orders", [PAGE_APP, bearer(exp_jwt(606, ago=1800))])
real("real_aspnet_signature_invalid", "invalid_signature", 7, "GET", API + "/api/orders",
     [PAGE_APP, bearer(ok_jwt(607, {"iss": "https://identity-staging.example.com"}))])
real("real_aspnet_signature_key_not_found", "invalid_signature", 8, "GET", API + "/api/orders",
     [PAGE_APP, bearer(jwt({"iss": "https://login.microsoftonline.com/" + TENANT + "/v2.0", "aud": "api://orders", "iat": NOW - 60, "exp": NOW + 3540}, 608))])
real("real_identitymodel_idx10223_expired", "expired_token", 9, "GET", API + "/api/values", [PAGE_APP, bearer(exp_jwt(609, ago=6914))])
real("real_identitymodel_idx10222_not_yet_valid", "token_not_yet_valid", 10, "GET", API + "/api/values",
     [PAGE_APP, bearer(jwt({"iss": "https://login.example.com/", "aud": "api1", "nbf": NOW + 240, "iat": NOW + 240, "exp": NOW + 3840}, 610))])
real("real_identitymodel_idx10214_audience", "wrong_audience", 11, "GET", API + "/api/values",
     [PAGE_APP, bearer(ok_jwt(611, {"aud": "http://localhost:5000/resources"}))])
real("real_graph_token_expired", "expired_token", 12, "GET", "https://graph.microsoft.com/v1.0/me",
     [PAGE_APP, bearer(jwt({"aud": "00000003-0000-0000-c000-000000000000", "iss": "https://sts.windows.net/" + TENANT + "/", "iat": NOW - 8000, "nbf": NOW - 8000, "exp": NOW - 4400, "scp": "User.Read"}, 612))])
real("real_graph_compact_token_parsing_failed", "malformed_authorization", 14, "GET", "https://graph.microsoft.com/v1.0/me",
     [PAGE_APP, bearer("EwBwA8l6BAAU" + tok(613, 120))], note="an MSA consumer token, not a JWT Graph can parse")
real("real_aspnet_issuer_null", "wrong_issuer", 16, "GET", API + "/api/orders",
     [PAGE_APP, bearer(ok_jwt(614, {"iss": None}))])
real("real_aspnet_issuer_azurewebsites", "wrong_issuer", 17, "GET", API + "/api/orders",
     [PAGE_APP, bearer(ok_jwt(615, {"iss": "https://myidentity-staging.azurewebsites.net"}))])
real("real_aspnet_issuer_invalid", "wrong_issuer", 18, "GET", API + "/api/orders",
     [PAGE_APP, bearer(ok_jwt(616, {"iss": "https://sts.windows.net/" + TENANT + "/"}))])
real("real_java_invalid_issuer_claim", "wrong_issuer", 19, "GET", API + "/api/profile", status=401,
     req=[PAGE_APP, bearer(ok_jwt(617, {"iss": "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"}))],
     note="signed in with a personal account")
real("real_openiddict_issuer_not_valid", "wrong_issuer", 20, "POST", "https://auth.example.com/connect/token",
     [("Content-Type", FORM)], post="grant_type=refresh_token&client_id=spa&refresh_token=" + tok(618, 80), post_mime=FORM, rtype=None)
real("real_arm_token_wrong_tenant", "wrong_issuer", 123, "GET", "https://management.azure.com/subscriptions?api-version=2020-01-01",
     [bearer(ok_jwt(619, {"iss": "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "aud": "https://management.azure.com/"}))], rtype=None)
real("real_graph_insufficient_privileges", "insufficient_scope", 124, "POST", "https://graph.microsoft.com/v1.0/users",
     [JSON_CT, bearer(ok_jwt(620, {"aud": "https://graph.microsoft.com", "roles": ["User.Read.All"]}))], post=j({"displayName": "A"}), rtype=None)

# ---------------------------------------------------------------- Okta, Auth0, Keycloak, Clerk, Cognito
real("real_okta_e0000011_ssws", "invalid_credentials", 22, "GET", "https://dev-123456.okta.com/api/v1/users?limit=25",
     [("Authorization", "SSWS " + OKTA_TOKEN), ("Accept", "application/json")], rtype=None)
real("real_okta_e0000006_permission", "insufficient_scope", 23, "GET", "https://dev-123456.okta.com/api/v1/groups",
     [bearer(ok_jwt(621, {"iss": "https://dev-123456.okta.com/oauth2/default", "aud": "https://dev-123456.okta.com", "scp": ["okta.users.read"]}))], rtype=None)
real("real_okta_client_secret_invalid", "invalid_credentials", 25, "POST", "https://dev-123456.okta.com/oauth2/default/v1/token",
     [("Content-Type", FORM), ("Authorization", basic("0oa" + fill(622, 17), fill(623, 40, URLSAFE)))], post="grant_type=client_credentials&scope=orders.read", post_mime=FORM, rtype=None)
real("real_okta_userinfo_expired", "expired_token", 33, "GET", "https://dev-123456.okta.com/oauth2/default/v1/userinfo",
     [PAGE_APP, bearer(exp_jwt(624, ago=900, extra={"iss": "https://dev-123456.okta.com/oauth2/default"}))])
real("real_okta_userinfo_invalid", "invalid_credentials", 144, "GET", "https://dev-123456.okta.com/oauth2/v1/userinfo",
     [PAGE_APP, bearer(tok(625, 64))])
real("real_auth0_refresh_token_reused", "revoked_token", 94, "POST", "https://example.eu.auth0.com/oauth/token",
     [JSON_CT], post=j({"grant_type": "refresh_token", "client_id": "Xq3b9Lw0", "refresh_token": "v1." + tok(626, 100)}), note="a rotated refresh token used again")
real("real_auth0_wrong_email_or_password", "invalid_credentials", 95, "POST", "https://example.eu.auth0.com/oauth/token",
     [JSON_CT], post=j({"grant_type": "http://auth0.com/oauth/grant-type/password-realm", "username": "ana@example.com", "password": "not-the-password", "realm": "Username-Password-Authentication", "client_id": "Xq3b9Lw0"}))
real("real_auth0_management_bad_audience", "wrong_audience", 168, "GET", "https://example.eu.auth0.com/api/v2/users/auth0%7C63f4511f5c84dfb1345ede62",
     [bearer(ok_jwt(627, {"iss": "https://example.eu.auth0.com/", "aud": "https://myaudience.com/api/v2"}))], rtype=None)
real("real_auth0_management_expired", "expired_token", 170, "GET", "https://example.eu.auth0.com/api/v2/users",
     [bearer(exp_jwt(628, ago=600, lived=86400, extra={"iss": "https://example.eu.auth0.com/", "aud": "https://example.eu.auth0.com/api/v2/"}))], rtype=None)
real("real_keycloak_refresh_not_active", "grant_rejected", 48, "POST", "https://sso.example.com/realms/shop/protocol/openid-connect/token",
     [("Content-Type", FORM)], post="grant_type=refresh_token&client_id=web&refresh_token=" + jwt({"exp": NOW - 120, "iat": NOW - 1920, "typ": "Refresh", "iss": "https://sso.example.com/realms/shop"}, 629, "HS256"),
     post_mime=FORM)
real("real_keycloak_key_not_found", "invalid_signature", 115, "GET", "https://sso.example.com/admin/realms/shop/users",
     [bearer(ok_jwt(630, {"iss": "https://sso.example.com/realms/other"}))], rtype=None)
real("real_keycloak_token_not_active", "expired_token", 116, "GET", "https://sso.example.com/admin/realms/shop/users",
     [bearer(exp_jwt(631, ago=40, lived=60, extra={"iss": "https://sso.example.com/realms/master"}))], rtype=None)
real("real_clerk_token_expired_seconds", "expired_token", 50, "GET", API + "/api/me",
     [PAGE_APP, bearer(jwt({"sub": "user_2a", "iss": "https://clerk.example.com", "iat": NOW - 65, "nbf": NOW - 70, "exp": NOW - 5, "sid": "sess_1"}, 632))],
     note="a Clerk session token lives 60 s")
real("real_cognito_identity_login_token_expired", "expired_token", 31, "POST", "https://cognito-identity.us-east-1.amazonaws.com/",
     [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AWSCognitoIdentityService.GetId")],
     post=j({"IdentityPoolId": "us-east-1:" + GUID, "Logins": {"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC": exp_jwt(633, ago=130000, extra={"token_use": "id"})}}))
real("real_cognito_identity_signature", "invalid_signature", 32, "POST", "https://cognito-identity.us-east-1.amazonaws.com/",
     [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AWSCognitoIdentityService.GetId")],
     post=j({"IdentityPoolId": "us-east-1:" + GUID, "Logins": {"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC": ok_jwt(634, {"token_use": "id", "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other"})}}))
real("real_cognito_access_token_revoked", "revoked_token", 146, "POST", "https://cognito-idp.us-east-1.amazonaws.com/",
     [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AWSCognitoIdentityProviderService.GetUser")],
     post=j({"AccessToken": ok_jwt(635, {"token_use": "access"})}))
real("real_cognito_refresh_token_revoked", "revoked_token", 173, "POST", "https://cognito-idp.us-east-1.amazonaws.com/",
     [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")],
     post=j({"AuthFlow": "REFRESH_TOKEN_AUTH", "ClientId": "1example23456789", "AuthParameters": {"REFRESH_TOKEN": "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ." + tok(636, 300)}}))
real("real_cognito_access_token_expired", "expired_token", 174, "POST", "https://cognito-idp.us-east-1.amazonaws.com/", status=400,
     req=[("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AWSCognitoIdentityProviderService.GetUser")],
     post=j({"AccessToken": exp_jwt(637, ago=200, extra={"token_use": "access"})}))
real("real_apigw_jwt_authorizer_audience", "wrong_audience", 26, "GET", "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/orders",
     [PAGE_APP, bearer(ok_jwt(638, {"iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", "client_id": "7abc", "token_use": "access", "aud": None}))],
     note="a JWT authorizer, not SigV4: the challenge says Bearer")
real("real_apigw_cognito_access_token_to_rest_authorizer", "wrong_token_type", 27, "GET", "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/orders",
     [PAGE_APP, bearer(ok_jwt(639, {"iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", "client_id": "7abc", "token_use": "access", "scope": "aws.cognito.signin.user.admin", "aud": None}))])
real("real_apigw_iam_route_got_bearer", "wrong_auth_scheme", 28, "GET", "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/admin",
     [PAGE_APP, bearer(ok_jwt(640))], note="an AWS_IAM route answers a Bearer token like a broken SigV4 header")

# ---------------------------------------------------------------- Google, Firebase, Supabase
real("real_google_access_token_expired_reason", "expired_token", 34, "POST", "https://texttospeech.googleapis.com/v1/text:synthesize",
     [JSON_CT, bearer(GOOGLE_TOKEN)], post=j({"input": {"text": "hi"}}), rtype=None)
real("real_google_invalid_credentials_legacy", "invalid_credentials", 35, "GET", "https://www.googleapis.com/drive/v3/files",
     [bearer(GOOGLE_TOKEN)], rtype=None)
real("real_cloud_run_access_token_not_id_token", "wrong_token_type", 36, "GET", "https://orders-abc123xyz-uc.a.run.app/",
     [bearer(GOOGLE_TOKEN)], rtype=None)
real("real_cloud_run_no_token", "missing_credentials", 37, "GET", "https://orders-abc123xyz-uc.a.run.app/", [PAGE_APP])
real("real_cloud_functions_not_authenticated", "missing_credentials", 117, "POST", "https://us-central1-shop-prod.cloudfunctions.net/checkout",
     [PAGE_APP, JSON_CT], post="{}")
real("real_google_oauth_invalid_grant_expired_or_revoked", "grant_rejected", 93, "POST", "https://oauth2.googleapis.com/token",
     [("Content-Type", FORM)], post="grant_type=refresh_token&client_id=12345-abc.apps.googleusercontent.com&client_secret=GOCSPX-" + fill(641, 28, URLSAFE) + "&refresh_token=1//0g" + tok(642, 100),
     post_mime=FORM, rtype=None)
real("real_google_oauth_client_not_found", "invalid_credentials", 162, "POST", "https://oauth2.googleapis.com/token",
     [("Content-Type", FORM)], post="grant_type=authorization_code&code=4/0A" + tok(643, 60) + "&client_id=12345-abc.apps.googleusercontent.com&client_secret=GOCSPX-" + fill(644, 28, URLSAFE) + "&redirect_uri=http%3A%2F%2Flocalhost",
     post_mime=FORM, rtype=None)
real("real_google_oauth_invalid_client_unauthorized", "invalid_credentials", 163, "POST", "https://oauth2.googleapis.com/token",
     [("Content-Type", FORM)], post="grant_type=authorization_code&code=4/0A" + tok(645, 60) + "&client_id=12345-abc.apps.googleusercontent.com&client_secret=GOCSPX-" + fill(646, 28, URLSAFE) + "&redirect_uri=http%3A%2F%2Flocalhost",
     post_mime=FORM, rtype=None)
real("real_google_maps_referer_restricted_key_200", "insufficient_scope", 139, "GET",
     "https://maps.googleapis.com/maps/api/directions/json?origin=A&destination=B&key=AIza" + fill(647, 35, URLSAFE), [], rtype=None,
     note="a browser key (referrer-restricted) used by a web service call")
real("real_google_referer_empty_blocked", "insufficient_scope", 140, "GET",
     "https://firestore.googleapis.com/v1/projects/shop/databases/(default)/documents/orders?key=AIza" + fill(648, 35, URLSAFE), [], rtype=None)
real("real_google_legacy_ip_referer_blocked", "insufficient_scope", 141, "GET",
     "https://www.googleapis.com/youtube/v3/search?part=snippet&q=x&key=AIza" + fill(649, 35, URLSAFE), [], rtype=None)
SB = "qwertyuiopasdfghjklz"
SB_USER_EXP = jwt({"aud": "authenticated", "exp": NOW - 300, "iat": NOW - 3900, "iss": f"https://{SB}.supabase.co/auth/v1", "sub": GUID, "role": "authenticated", "session_id": GUID}, 650, "HS256")
SB_ANON = jwt({"iss": "supabase", "ref": SB, "role": "anon", "iat": 1760000000, "exp": 2075576000}, 141, "HS256")
real("real_postgrest_jwt_expired", "expired_token", 41, "GET", f"https://{SB}.supabase.co/rest/v1/todos?select=*",
     [PAGE_APP, ("apikey", SB_ANON), bearer(SB_USER_EXP)])
real("real_postgrest_no_suitable_key", "invalid_signature", 42, "GET", "https://db.example.com/rest/todos",
     [PAGE_APP, bearer(jwt({"role": "web_user", "exp": NOW + 3600}, 651, "HS256"))], note="a token signed with another secret")
real("real_postgrest_jwt_issued_at_future", "token_not_yet_valid", 43, "GET", "https://db.example.com/rest/todos",
     [PAGE_APP, bearer(jwt({"role": "web_user", "iat": NOW + 95, "exp": NOW + 3695}, 652, "HS256"))])
real("real_gotrue_bad_jwt_expired", "expired_token", 44, "GET", f"https://{SB}.supabase.co/auth/v1/user",
     [PAGE_APP, ("apikey", SB_ANON), bearer(SB_USER_EXP)])
real("real_gotrue_bad_jwt_segments", "malformed_authorization", 45, "GET", f"https://{SB}.supabase.co/auth/v1/user",
     [PAGE_APP, ("apikey", SB_ANON), bearer(tok(653, 22))], note="a refresh token (opaque) sent where the session JWT belongs")
real("real_supabase_graphql_raw_token_no_bearer", "malformed_authorization", 47, "POST", f"https://{SB}.supabase.co/graphql/v1",
     [PAGE_APP, JSON_CT, ("apikey", SB_ANON), ("Authorization", jwt({"aud": "authenticated", "exp": NOW + 3000, "sub": GUID, "role": "authenticated"}, 654, "HS256"))],
     post=j({"query": "{ todosCollection { edges { node { id } } } }"}), note="the token without its `Bearer ` scheme")
real("real_supabase_storage_signed_url_expired", "expired_token", 145, "GET",
     f"https://{SB}.supabase.co/storage/v1/object/sign/avatars/a.png?token=" + jwt({"url": "avatars/a.png", "iat": NOW - 7300, "exp": NOW - 100}, 655, "HS256"), [], rtype="image")

# ---------------------------------------------------------------- frameworks
real("real_spring_jwt_expired_at", "expired_token", 52, "GET", API + "/api/orders", [PAGE_APP, bearer(exp_jwt(656, ago=45, lived=300))])
real("real_spring_malformed_token", "malformed_authorization", 54, "GET", API + "/api/orders", [PAGE_APP, bearer("ory_at_" + tok(657, 43))],
     note="an opaque token sent to a JWT resource server")
real("real_spring_bearer_token_malformed_quotes", "malformed_authorization", 119, "GET", API + "/api/orders",
     [PAGE_APP, ("Authorization", 'Bearer "' + ok_jwt(658) + '"')])
real("real_spring_full_authentication_required", "missing_credentials", 142, "POST", "https://auth.example.com/uaa/oauth/token",
     [("Content-Type", FORM)], post="grant_type=password&username=ana&password=x", post_mime=FORM, rtype=None,
     note="client credentials not sent as Basic")
real("real_simplejwt_invalid_or_expired", "expired_token", 55, "GET", API + "/api/profile/",
     [PAGE_APP, bearer(jwt({"token_type": "access", "exp": NOW - 240, "iat": NOW - 540, "jti": "a1", "user_id": 7}, 659, "HS256"))])
real("real_simplejwt_wrong_type_refresh", "wrong_token_type", 56, "GET", API + "/api/profile/",
     [PAGE_APP, bearer(jwt({"token_type": "refresh", "exp": NOW + 86000, "iat": NOW - 400, "jti": "r1", "user_id": 7}, 660, "HS256"))])
real("real_express_jwt_format_no_scheme", "malformed_authorization", 58, "GET", API + "/api/items",
     [PAGE_APP, ("Authorization", ok_jwt(661, alg="HS256"))])
real("real_hapi_bad_header_format_400", "malformed_authorization", 59, "GET", API + "/api/items",
     [PAGE_APP, ("Authorization", ok_jwt(662, alg="HS256"))])
CSRF_COOKIE = ("Cookie", "sessionid=" + fill(663, 32, LOWER + DIGITS))
real("real_drf_csrf_token_missing", "csrf_failed", 60, "POST", API + "/api/orders/", [PAGE_APP, JSON_CT, CSRF_COOKIE], post=j({"qty": 1}))
real("real_drf_csrf_missing_or_incorrect", "csrf_failed", 61, "POST", API + "/api/orders/",
     [PAGE_APP, JSON_CT, ("Cookie", "csrftoken=" + fill(664, 32) + "; sessionid=" + fill(663, 32, LOWER + DIGITS)), ("X-CSRFToken", fill(665, 64))], post=j({"qty": 1}))
real("real_drf_csrf_cookie_not_set", "csrf_failed", 62, "POST", API + "/api/orders/", [PAGE_APP, JSON_CT, CSRF_COOKIE], post=j({"qty": 1}))
real("real_django_csrf_origin_untrusted", "csrf_failed", 149, "POST", "https://test.example.com/admin/login/",
     [("Origin", "https://test.example.com"), ("Content-Type", FORM), ("Cookie", "csrftoken=" + fill(666, 32))], post="username=a&password=b&csrfmiddlewaretoken=" + fill(667, 64), post_mime=FORM, rtype="document")
real("real_django_csrf_cookie_required", "csrf_failed", 150, "POST", "https://test.example.com/accounts/login/",
     [("Origin", "https://test.example.com"), ("Content-Type", FORM)], post="username=a&password=b", post_mime=FORM, rtype="document")
real("real_csurf_invalid_token", "csrf_failed", 151, "POST", API + "/api/profile",
     [PAGE_APP, JSON_CT, ("Cookie", "connect.sid=s%3A" + fill(668, 40)), ("CSRF-Token", fill(669, 36))], post=j({"name": "A"}))
real("real_laravel_419_csrf_mismatch", "csrf_failed", 64, "POST", "https://app.example.com/logout",
     [("Origin", "https://app.example.com"), ("Cookie", "laravel_session=" + fill(670, 40)), ("X-Requested-With", "XMLHttpRequest")], post="", post_mime=FORM)
real("real_laravel_sanctum_unauthenticated", "missing_credentials", 63, "GET", API + "/api/user", [PAGE_APP, ("Accept", "application/json")],
     note="the SPA sent no cookie and no token")
real("real_devise_sign_in_first", "missing_credentials", 65, "GET", API + "/users/me.json", [PAGE_APP, ("Accept", "application/json")])
real("real_devise_token_auth_sign_in_first", "missing_credentials", 66, "GET", API + "/api/v1/profile", [PAGE_APP])
# Session cookies the server no longer honours (cause session_rejected): the framework's own
# "not signed in" answer while the app's session cookie is sent, with and without the history that
# shows the session ended.
# Token-endpoint refusals of the grant itself (cause grant_rejected): Entra ID's answers to a
# single-page app registered as a web app, a PKCE verifier from another login, and a code
# redeemed twice (React StrictMode runs the callback's effect twice in development).
ENTRA_TOKEN = f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token"
SPA = ("Origin", "http://localhost:3000")
CODE_FORM = "client_id=" + fill(940, 8, HEX) + "-" + fill(941, 4, HEX) + "-4" + fill(942, 3, HEX) + "-8" + fill(943, 3, HEX) + "-" + fill(944, 12, HEX) + \
    "&scope=openid%20profile%20offline_access&grant_type=authorization_code&code=0.AXkA" + fill(945, 120, URLSAFE) + \
    "&redirect_uri=http%3A%2F%2Flocalhost%3A3000&code_verifier=" + fill(946, 43, URLSAFE)
real("real_entra_spa_registered_as_web", "grant_rejected", "g1", "POST", ENTRA_TOKEN, [SPA, ("Content-Type", FORM)], post=CODE_FORM, post_mime=FORM)
real("real_entra_pkce_verifier_mismatch", "grant_rejected", "g2", "POST", ENTRA_TOKEN, [SPA, ("Content-Type", FORM)], post=CODE_FORM, post_mime=FORM)
real("real_entra_code_redeemed_twice", "grant_rejected", "g3", "POST", ENTRA_TOKEN, [SPA, ("Content-Type", FORM)], post=CODE_FORM, post_mime=FORM,
     before=[entry("POST", ENTRA_TOKEN, [SPA, ("Content-Type", FORM)], status=200, post=CODE_FORM, post_mime=FORM,
                   body=j({"token_type": "Bearer", "scope": "openid profile", "expires_in": 4367}), t=-0.04)],
     note="the first exchange of the same code succeeded 40 ms earlier")
LARAVEL_COOKIES = ("Cookie", "XSRF-TOKEN=" + fill(930, 40) + "; laravel_session=" + fill(931, 40))
real("real_laravel_sanctum_session_ended", "session_rejected", 63, "GET", API + "/api/user", [PAGE_APP, ("Accept", "application/json"), LARAVEL_COOKIES],
     before=[entry("GET", API + "/api/user", [PAGE_APP, ("Accept", "application/json"), LARAVEL_COOKIES], status=200, body=j({"id": 7, "name": "Ada"}), t=-7200)],
     note="the same session cookie was accepted two hours earlier")
real("real_devise_session_cookie_not_signed_in", "session_rejected", 65, "GET", API + "/users/me.json",
     [PAGE_APP, ("Accept", "application/json"), ("Cookie", "_shop_session=" + fill(932, 120, URLSAFE) + "--" + fill(933, 40, HEX))],
     note="Rails's session cookie sent, Devise finds no signed-in user")
NEST_SID = ("Cookie", "connect.sid=s%3A" + fill(934, 32) + "." + fill(935, 43))
real("real_nest_session_after_logout", "session_rejected", 154, "GET", API + "/profile", [PAGE_APP, NEST_SID],
     before=[entry("POST", API + "/auth/logout", [PAGE_APP, NEST_SID], status=201, body="",
                   resp=[("Set-Cookie", "connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly")], t=-600)],
     note="another tab logged out; this one still sends the cleared cookie")
real("real_devise_analytics_cookies_only", "missing_credentials", 65, "GET", API + "/users/me.json",
     [PAGE_APP, ("Accept", "application/json"), ("Cookie", "_ga=GA1.2." + fill(936, 10, "0123456789") + "; _gid=GA1.2." + fill(937, 10, "0123456789"))],
     note="only analytics cookies: no session was sent")
real("real_fastapi_not_authenticated", "missing_credentials", 67, "GET", API + "/users/me", [PAGE_APP])
real("real_fastapi_could_not_validate_expired", "expired_token", 72, "GET", API + "/users/me",
     [PAGE_APP, bearer(jwt({"sub": "johndoe", "exp": NOW - 420}, 671, "HS256"))], note="the body does not say why; the token's exp does")
real("real_golang_jwt_used_before_issued", "token_not_yet_valid", 68, "GET", API + "/v1/orders",
     [PAGE_APP, bearer(jwt({"sub": "u9", "iat": NOW + 120, "exp": NOW + 3720}, 672, "HS256"))])
real("real_express_jwt_no_token", "missing_credentials", 107, "GET", API + "/api/private", [PAGE_APP])
real("real_express_jwt_malformed_undefined", "placeholder_credentials", 104, "GET", API + "/api/private", [PAGE_APP, bearer("undefined")])
real("real_feathers_jwt_malformed", "malformed_authorization", 105, "GET", API + "/messages", [PAGE_APP, bearer(fill(673, 32, HEX))],
     note="a session id sent where a JWT belongs")
real("real_express_jwt_audience_invalid", "wrong_audience", 106, "GET", "http://localhost:3003/api/items",
     [("Origin", "http://localhost:3000"), bearer(ok_jwt(674, {"aud": "https://example.eu.auth0.com/userinfo"}))])
real("real_flask_jwt_missing_header_token_in_query", "credentials_in_query", 131, "GET", API + "/protected?jwt=" + ok_jwt(675, alg="HS256"), [PAGE_APP])
real("real_nestjs_generic_401_expired", "expired_token", 154, "GET", API + "/profile", [PAGE_APP, bearer(exp_jwt(676, ago=3600, lived=900, alg="HS256"))],
     note="a generic body; the token says why")
real("real_auth0_express_invalid_compact_jws", "malformed_authorization", 118, "GET", API + "/api/external",
     [PAGE_APP, bearer(tok(677, 32))], note="an opaque token (no audience requested)")

# ---------------------------------------------------------------- gateways
real("real_kong_no_api_key", "missing_credentials", 70, "GET", "https://gw.example.com/orders", [PAGE_APP])
real("real_kong_invalid_key", "invalid_credentials", 71, "GET", "https://gw.example.com/orders", [PAGE_APP, ("apikey", fill(678, 32))])
real("real_kong_jwt_invalid_signature_403", "invalid_signature", 133, "GET", "https://gw.example.com/orders",
     [PAGE_APP, bearer(jwt({"iss": "a36c3049b36249a3c9f8891cb127243c", "exp": NOW + 3600}, 679, "HS256"))])
real("real_envoy_jwt_verification_fails", "invalid_signature", 73, "GET", "http://helloworld.test.local:7070/helloworld/hello-jwt",
     [bearer(ok_jwt(680, {"iss": "testing@secure.istio.io"}))], rtype=None)
real("real_envoy_jwks_no_kid", "invalid_signature", 74, "GET", "https://gw.example.com/api/orders", [bearer(ok_jwt(681, {"iss": "https://auth.staging.example.com/"}))], rtype=None)
real("real_envoy_issuer_not_configured", "wrong_issuer", 75, "GET", "https://gw.example.com/api/orders", [bearer(ok_jwt(682, {"iss": "https://auth.example.com"}))], rtype=None)
real("real_envoy_not_header_payload_signature", "malformed_authorization", 76, "GET", "https://gw.example.com/api/orders", [bearer(tok(683, 48))], rtype=None)
real("real_envoy_audiences_not_allowed_403", "wrong_audience", 160, "GET", "https://gw.example.com/api/orders", [bearer(ok_jwt(684, {"aud": "https://other-api.example.com"}))], rtype=None)
real("real_nginx_auth_basic_api_call", "missing_credentials", 77, "GET", "https://admin.example.com/api/stats", [("Origin", "https://admin.example.com")])
real("real_traefik_basic_auth_fetch", "missing_credentials", 179, "GET", "https://dash.example.com/api/overview", [("Origin", "https://dash.example.com")])
real("real_apim_missing_subscription_key", "missing_credentials", 79, "GET", "https://contoso.azure-api.net/echo/resource?param1=sample", [PAGE_APP])
real("real_apim_invalid_subscription_key", "invalid_credentials", 80, "GET", "https://contoso.azure-api.net/echo/resource",
     [PAGE_APP, ("Ocp-Apim-Subscription-Key", fill(685, 32, HEX))], note="the key travels in Ocp-Apim-Subscription-Key")
real("real_apim_validate_jwt_expired", "expired_token", 134, "GET", "https://contoso.azure-api.net/orders", [PAGE_APP, bearer(exp_jwt(686, ago=1200))])
real("real_oauth2_proxy_no_session", "missing_credentials", 172, "GET", "https://app.example.com/api/me", [("Origin", "https://app.example.com")])

# ---------------------------------------------------------------- SaaS APIs
SHOPIFY_TOKEN = "shpat_" + fill(687, 32, HEX)
real("real_shopify_invalid_access_token", "invalid_credentials", 81, "GET", "https://shop-1.myshopify.com/admin/api/2024-01/shop.json",
     [("X-Shopify-Access-Token", SHOPIFY_TOKEN)], rtype=None, note="the token is in X-Shopify-Access-Token: not a missing credential")
real("real_hubspot_expired_authentication", "expired_token", 82, "GET", "https://api.hubapi.com/crm/v3/objects/contacts",
     [bearer("CN" + tok(688, 120))], rtype=None)
real("real_hubspot_placeholder_access_token", "placeholder_credentials", 83, "GET", "https://api.hubapi.com/crm/v3/objects/contacts",
     [bearer("access-token")], rtype=None, note="the README's literal value")
real("real_hubspot_credentials_not_found", "missing_credentials", 84, "GET", "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=", [], rtype=None)
real("real_hubspot_missing_scopes", "insufficient_scope", 85, "GET", "https://api.hubapi.com/crm/v3/objects/deals", [bearer("pat-na1-" + GUID)], rtype=None)
ANTHROPIC_KEY = "sk-ant-api03-" + fill(689, 93, URLSAFE) + "AA"
real("real_anthropic_invalid_x_api_key", "invalid_credentials", 86, "POST", "https://api.anthropic.com/v1/messages",
     [JSON_CT, ("x-api-key", ANTHROPIC_KEY), ("anthropic-version", "2023-06-01")], post=j({"model": "claude", "max_tokens": 16, "messages": []}), rtype=None)
real("real_anthropic_invalid_oauth_token", "invalid_credentials", 87, "POST", "https://api.anthropic.com/v1/messages",
     [JSON_CT, bearer("sk-ant-oat01-" + fill(690, 80, URLSAFE)), ("anthropic-version", "2023-06-01")], post=j({"model": "claude", "max_tokens": 16, "messages": []}), rtype=None)
real("real_github_saml_enforcement_403", "sso_enforcement", 88, "GET", "https://api.github.com/orgs/acme/repos", [("Authorization", "token " + GH_PAT)], rtype=None)
real("real_github_graphql_saml_failure_200", "sso_enforcement", 89, "POST", "https://api.github.com/graphql",
     [JSON_CT, bearer(GH_PAT)], post=j({"query": "query { repository(owner:\"acme\", name:\"app\") { pullRequest(number: 1) { title } } }"}), rtype=None)
real("real_apollo_unauthenticated_login_200", "invalid_credentials", 91, "POST", API + "/graphql",
     [PAGE_APP, JSON_CT], post=j({"operationName": "SignIn", "query": "mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }",
                                  "variables": {"email": "ana@example.com", "password": "wrong-password"}}),
     note="a GraphQL 200 carrying UNAUTHENTICATED")
real("real_slack_invalid_auth_200", "invalid_credentials", 125, "POST", "https://slack.com/api/chat.postMessage",
     [JSON_CT, bearer("xoxb-" + fill(691, 12, DIGITS) + "-" + fill(692, 13, DIGITS) + "-" + fill(693, 24))], post=j({"channel": "C1", "text": "hi"}), rtype=None)
real("real_slack_missing_scope_200", "insufficient_scope", 126, "GET", "https://slack.com/api/users.identity",
     [bearer("xoxp-" + fill(694, 12, DIGITS) + "-" + fill(695, 12, DIGITS) + "-" + fill(696, 13, DIGITS) + "-" + fill(697, 32, HEX))], rtype=None)
real("real_cloudflare_invalid_authorization_format_400", "malformed_authorization", 127, "GET", "https://api.cloudflare.com/client/v4/zones",
     [bearer(fill(698, 37, HEX))], rtype=None, note="the Global API Key sent as a Bearer token")
real("real_gitlab_insufficient_scope", "insufficient_scope", 137, "POST", "https://gitlab.com/api/v4/projects/42/issues",
     [("PRIVATE-TOKEN", "glpat-" + fill(699, 20, URLSAFE))], post="title=x", post_mime=FORM, rtype=None)
real("real_algolia_invalid_app_id_or_key", "invalid_credentials", 138, "POST", "https://ABCDEF1234-dsn.algolia.net/1/indexes/*/queries",
     [("Origin", "https://docs.example.com"), ("X-Algolia-Application-Id", "ABCDEF1234"), ("X-Algolia-API-Key", fill(700, 32, HEX))], post="{}")
real("real_openrouter_key_to_openai", "damaged_credentials", 129, "POST", "https://api.openai.com/v1/chat/completions",
     [JSON_CT, bearer("sk-or-v1-" + fill(701, 64, HEX))], post=j({"model": "gpt-4o", "messages": []}), rtype=None)
real("real_openai_key_to_azure_openai", "damaged_credentials", 130, "POST", "https://contoso-ai.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-06-01",
     [JSON_CT, ("api-key", OPENAI_KEY)], post=j({"messages": []}), rtype=None)
real("real_wso2_access_token_expired", "expired_token", 120, "GET", "https://gw.example.com/pizzashack/1.0.0/menu", [bearer(fill(702, 36, HEX))], rtype=None)
real("real_msal_userinfo_clerk_like_oauth2_realm", "wrong_issuer", 123, "GET", "https://management.azure.com/subscriptions/" + GUID + "/resourceGroups?api-version=2021-04-01",
     [bearer(ok_jwt(703, {"iss": "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "aud": "https://management.core.windows.net/"}))], rtype=None)

# ---------------------------------------------------------------- signed URLs (time claims that are not JWTs)
def amz(t):
    return (T := __import__("datetime").datetime.fromtimestamp(t, __import__("datetime").timezone.utc)).strftime("%Y%m%dT%H%M%SZ")


def http_date(t):
    import email.utils
    return email.utils.formatdate(t, usegmt=True)


S3 = "https://media-bucket.s3.eu-west-1.amazonaws.com/reports/q3.pdf"
AKID = "AK" + "IA" + fill(704, 16, UPPER + DIGITS)
real("real_s3_presigned_request_has_expired", "expired_token", 109, "GET",
     f"{S3}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={AKID}%2F20261014%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date={amz(NOW - 310)}&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=" + fill(705, 64, HEX),
     [], extra_resp=[("Date", http_date(NOW))], rtype="document")
real("real_s3_presigned_not_yet_valid", "token_not_yet_valid", 110, "GET",
     f"{S3}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={AKID}%2F20261014%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date={amz(NOW + 5400)}&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=" + fill(706, 64, HEX),
     [], extra_resp=[("Date", http_date(NOW))], rtype="document", note="the signer's clock is 90 min ahead")


def iso(t):
    return __import__("datetime").datetime.fromtimestamp(t, __import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


BLOB = "https://shopmedia.blob.core.windows.net/uploads/a.png"
real("real_azure_sas_expired_time_frame", "expired_token", 111, "GET",
     f"{BLOB}?sv=2019-12-12&ss=b&srt=o&sp=r&st={iso(NOW - 87000)}&se={iso(NOW - 58000)}&spr=https&sig=" + fill(707, 43, ALNUM) + "%3D",
     [], extra_resp=[("Date", http_date(NOW))], rtype="image")
real("real_azure_sas_expiry_before_start", "expired_token", 112, "PUT",
     f"{BLOB}?sv=2021-08-06&sp=cw&st={iso(NOW)}&se={iso(NOW - 3600)}&spr=https&sr=b&sig=" + fill(708, 43, ALNUM) + "%3D",
     [("x-ms-blob-type", "BlockBlob")], post="x", post_mime="image/png", extra_resp=[("Date", http_date(NOW))])

# ---------------------------------------------------------------- damaged credentials (synthetic values, real bodies)
real("real_stripe_env_line_pasted", "damaged_credentials", 86, "POST", "https://api.anthropic.com/v1/messages",
     [JSON_CT, ("x-api-key", "ANTHROPIC_API_KEY=" + ANTHROPIC_KEY), ("anthropic-version", "2023-06-01")], post="{}", rtype=None,
     note="a whole .env line sent as the key")
real("real_shopify_token_quoted", "damaged_credentials", 81, "GET", "https://shop-1.myshopify.com/admin/api/2024-01/shop.json",
     [("X-Shopify-Access-Token", '"' + SHOPIFY_TOKEN + '"')], rtype=None, note="quotes kept around the token")
real("real_apim_key_double_encoded", "damaged_credentials", 80, "GET", "https://contoso.azure-api.net/echo/resource",
     [PAGE_APP, ("Ocp-Apim-Subscription-Key", fill(709, 20, ALNUM) + "%252B" + fill(710, 10, ALNUM))], note="the key URL-encoded twice")
real("real_okta_token_endpoint_json_object_as_bearer", "damaged_credentials", 144, "GET", "https://dev-123456.okta.com/oauth2/v1/userinfo",
     [PAGE_APP, ("Authorization", 'Bearer {"access_token":"' + tok(711, 40) + '","token_type":"Bearer","expires_in":3600}')],
     note="the whole token response stringified into the header")
real("real_rails_bearer_colon", "damaged_credentials", 143, "GET", API + "/api/v1/account",
     [PAGE_APP, ("Authorization", "Bearer: " + tok(712, 40))], note="`Bearer:` with a colon")

# ---------------------------------------------------------------- controls written from real bodies
real("control_real_openai_country_not_supported", None, 99, "POST", "https://api.openai.com/v1/chat/completions",
     [JSON_CT, bearer(OPENAI_KEY)], post=j({"model": "gpt-4o", "messages": []}), rtype=None, note="a region restriction, not a credential problem")
real("control_real_gemini_location_400", None, 100, "POST", "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=AIza" + fill(713, 35, URLSAFE),
     [JSON_CT], post="{}", rtype=None)
real("control_real_cloudflare_1010_bot_block", None, 101, "GET", "https://api.example.com/v1/items", [("User-Agent", "python-requests/2.31")], rtype=None)
real("control_real_iis_negotiate_first_leg", None, 152, "GET", "https://mail.example.com/EWS/Exchange.asmx", [("User-Agent", "ExchangeServicesClient/15")], rtype=None,
     note="the first leg of Negotiate/NTLM")
NGX = REAL["77"]
case("control_real_basic_prompt_then_success", None, "a Basic challenge on a page navigation, the user types the password, the page loads — real body #77 (nginx)", [
    {**entry("GET", "https://admin.example.com/", [("Sec-Fetch-Mode", "navigate")], status=401, resp=[(h["name"], h["value"]) for h in NGX["headers"]],
             body=NGX["body"], mime="text/html", rtype="document", t=-3),
     "comment": "response body and headers quoted verbatim from " + NGX["source"]},
    entry("GET", "https://admin.example.com/", [("Sec-Fetch-Mode", "navigate"), ("Authorization", basic("admin", fill(714, 16)))], status=200, body="<html></html>", mime="text/html", rtype="document")])
SOURCES["control_real_basic_prompt_then_success"] = NGX["source"]

# ---------------------------------------------------------------- the credential in the other place
real("real_kong_key_sent_as_bearer", "wrong_auth_scheme", 70, "GET", "https://gw.example.com/orders",
     [PAGE_APP, bearer(fill(721, 32))], note="key-auth reads `apikey`; the key went in Authorization")
real("real_apim_key_sent_as_bearer", "wrong_auth_scheme", 79, "GET", "https://contoso.azure-api.net/echo/resource",
     [PAGE_APP, bearer(fill(722, 32, HEX))], note="APIM reads Ocp-Apim-Subscription-Key; the key went in Authorization")
real("real_flask_jwt_token_in_x_api_key", "wrong_auth_scheme", 131, "GET", API + "/protected",
     [PAGE_APP, ("X-Access-Token", ok_jwt(723, alg="HS256"))], note="the JWT went in X-Access-Token; Flask-JWT-Extended reads Authorization")

# ---------------------------------------------------------------- more APIs (second part of the collection)
real("real_gcnotify_apikey_double_space_403", "whitespace_in_credentials", 182, "POST", "https://api.notification.canada.ca/v2/notifications/email",
     [JSON_CT, ("Authorization", "ApiKey-v1  " + fill(724, 36, LOWER + DIGITS))], post=j({"email_address": "a@example.com"}), rtype=None,
     note="two spaces between the scheme and the key")
real("real_connexion_preflight_401", "preflight_rejected", 183, "OPTIONS", API + "/v1/pets",
     [PAGE_APP, ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "authorization")], rtype="preflight")
real("real_okta_jwt_sent_with_ssws", "wrong_auth_scheme", 187, "GET", "https://dev-123456.okta.com/api/v1/users/me",
     [("Authorization", "SSWS " + ok_jwt(725, {"iss": "https://dev-123456.okta.com/oauth2/default", "scp": ["okta.users.read.self"]}))], rtype=None)
real("real_apigw_cognito_incoming_token_expired", "expired_token", 193, "GET", "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/orders",
     [PAGE_APP, bearer(exp_jwt(726, ago=300, extra={"iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC", "token_use": "id"}))])
real("real_panva_unexpected_aud", "wrong_audience", 192, "GET", API + "/api/me",
     [PAGE_APP, bearer(ok_jwt(727, {"aud": "https://api.other.example"}))])
real("real_github_token_in_query_400", "credentials_in_query", 194, "GET", "https://api.github.com/user?access_token=" + GH_PAT, [], rtype=None)
real("real_github_bad_credentials", "invalid_credentials", 195, "GET", "https://api.github.com/user", [("Authorization", "Bearer " + GH_PAT)], rtype=None)
real("real_github_requires_authentication", "missing_credentials", 196, "GET", "https://api.github.com/user", [("Accept", "application/vnd.github+json")], rtype=None)
real("real_docker_registry_insufficient_scope", "insufficient_scope", 198, "GET", "https://registry-1.docker.io/v2/acme/private-app/manifests/latest",
     [bearer(jwt({"iss": "auth.docker.io", "aud": "registry.docker.io", "exp": NOW + 300, "access": []}, 728))], rtype=None)
real("real_facebook_session_expired_400", "expired_token", 199, "GET", "https://graph.facebook.com/v19.0/me?fields=id,name",
     [bearer("EAAG" + fill(729, 180))], rtype=None)
real("real_facebook_session_invalidated_400", "revoked_token", 200, "GET", "https://graph.facebook.com/v19.0/me",
     [bearer("EAAG" + fill(730, 180))], rtype=None)
real("real_salesforce_session_expired", "expired_token", 202, "GET", "https://acme.my.salesforce.com/services/data/v59.0/sobjects/Account",
     [bearer("00D" + fill(731, 12) + "!" + fill(732, 96, ALNUM + "._"))], rtype=None)
real("real_elasticsearch_missing_credentials", "missing_credentials", 205, "GET", "https://es.example.com:9200/_cat/indices", [], rtype=None)
real("real_hasura_invalid_jwt_expired_200", "expired_token", 209, "POST", API + "/v1/graphql",
     [PAGE_APP, JSON_CT, bearer(exp_jwt(733, ago=90, extra={"https://hasura.io/jwt/claims": {"x-hasura-default-role": "user"}}))], post=j({"query": "{ orders { id } }"}))
real("real_spotify_access_token_expired", "expired_token", 210, "GET", "https://api.spotify.com/v1/me", [bearer("BQ" + fill(734, 150, URLSAFE))], rtype=None)
real("real_dropbox_expired_access_token", "expired_token", 212, "POST", "https://api.dropboxapi.com/2/users/get_current_account", [bearer("sl." + fill(735, 140, URLSAFE))], rtype=None)
real("real_dropbox_invalid_access_token", "invalid_credentials", 213, "POST", "https://api.dropboxapi.com/2/users/get_current_account", [bearer("sl." + fill(736, 140, URLSAFE))], rtype=None)
real("real_notion_token_invalid", "invalid_credentials", 214, "POST", "https://api.notion.com/v1/search",
     [JSON_CT, bearer("secret_" + fill(737, 43)), ("Notion-Version", "2022-06-28")], post="{}", rtype=None)
real("real_keycloak_invalid_user_credentials", "invalid_credentials", 219, "POST", "https://sso.example.com/realms/shop/protocol/openid-connect/token",
     [("Content-Type", FORM)], post="grant_type=password&client_id=web&username=ana&password=not-it", post_mime=FORM)
real("real_keycloak_invalid_client_credentials", "invalid_credentials", 220, "POST", "https://sso.example.com/realms/shop/protocol/openid-connect/token",
     [("Content-Type", FORM), ("Authorization", basic("backend", fill(738, 32)))], post="grant_type=client_credentials", post_mime=FORM, rtype=None)
real("real_clerk_invalid_jwt_form", "malformed_authorization", 222, "GET", API + "/api/me", [PAGE_APP, bearer("sess_" + fill(739, 27))], status=401,
     note="a session id sent where the session JWT belongs")
real("real_clerk_jwt_expired_cookie", "expired_token", 223, "GET", "https://app.example.com/api/me",
     [("Origin", "https://app.example.com"), ("Cookie", "__session=" + exp_jwt(740, ago=39756, lived=60, extra={"iss": "https://clerk.example.com"}))], status=401)
real("real_keycloak_userinfo_issuer_internal_host", "wrong_issuer", 114, "GET", "https://sso.example.com/realms/master/protocol/openid-connect/userinfo",
     [bearer(ok_jwt(741, {"iss": "http://keycloak:8080/realms/master", "azp": "web"}))], rtype=None,
     note="the token was issued under the internal host name; the userinfo call uses the public one")


# ---------------------------------------------------------------- validation set (issue 15, round 2)
# Written BEFORE any engine change, from bodies that are not in the collection the engine was tuned
# on (ids v01…): Directus, Strapi, Appwrite, Zendesk, Google Cloud Storage, Azure Key Vault, X,
# SendGrid, Tyk, Flask-JWT-Extended, Apigee and the RFC 6750 example. The requests around them,
# damaged credentials and session stories are reconstructed; credentials are synthetic.
DIRECTUS = "https://cms.example.com"
directus_login = entry("POST", DIRECTUS + "/auth/login", [PAGE_APP, JSON_CT], status=200,
                       body=j({"data": {"access_token": exp_jwt(901, ago=600, lived=900, extra={"iss": "directus"}), "expires": 900000, "refresh_token": fill(902, 64, URLSAFE)}}),
                       post=j({"email": "ana@example.com", "password": "correct horse"}), t=-1500)
real("v2_directus_token_expired", "expired_token", "v01", "GET", DIRECTUS + "/items/articles",
     [PAGE_APP, bearer(exp_jwt(901, ago=600, lived=900, extra={"iss": "directus"}))], before=[directus_login],
     note="the access token from the login 25 minutes earlier lived 15 minutes")
real("v2_directus_token_expired_opaque_view", "expired_token", "v01", "GET", DIRECTUS + "/users/me",
     [PAGE_APP, ("Cookie", "directus_session_token=" + fill(903, 120, URLSAFE))], note="session-cookie mode: the server's words are all there is")
real("v2_directus_forbidden_role", "insufficient_scope", "v02", "PATCH", DIRECTUS + "/items/articles/12",
     [PAGE_APP, JSON_CT, bearer(ok_jwt(904, {"iss": "directus", "role": "b7c1e2d3-editor", "app_access": True}))], post=j({"status": "published"}))
real("v2_strapi_bearer_undefined", "placeholder_credentials", "v03", "POST", "http://localhost:1337/auth/local",
     [JSON_CT, ("Authorization", "Bearer undefined")], post=j({"identifier": "user@strapi.io", "password": "strapiPassword"}), rtype=None)
real("v2_strapi_bearer_null_from_page", "placeholder_credentials", "v03", "GET", "https://cms.example.com/articles",
     [PAGE_APP, ("Authorization", "Bearer null")], note="localStorage.getItem('jwt') was null")
real("v2_appwrite_account_no_session", "missing_credentials", "v04", "GET", "https://cloud.appwrite.io/v1/account",
     [("Origin", "http://localhost:5173"), ("X-Appwrite-Project", "66a1f0c2003b1d9e8f7a"), ("X-Appwrite-Response-Format", "1.5.0")],
     note="no session was ever created")
real("v2_appwrite_session_cookie_not_sent", "cookie_not_sent", "v04", "GET", "https://cloud.appwrite.io/v1/account",
     [("Origin", "http://localhost:5173"), ("X-Appwrite-Project", "66a1f0c2003b1d9e8f7a")],
     before=[entry("POST", "https://cloud.appwrite.io/v1/account/sessions/email", [("Origin", "http://localhost:5173"), JSON_CT, ("X-Appwrite-Project", "66a1f0c2003b1d9e8f7a")], status=201,
                   resp=[("Set-Cookie", "a_session_66a1f0c2003b1d9e8f7a=" + fill(905, 80, URLSAFE) + "; expires=Tue, 13 Oct 2027 09:29:58 GMT; path=/; domain=.cloud.appwrite.io; secure; httponly; samesite=none"),
                         ("Access-Control-Allow-Origin", "http://localhost:5173"), ("Access-Control-Allow-Credentials", "true")],
                   body=j({"$id": "66b0", "userId": "66af", "provider": "email"}), post=j({"email": "ana@example.com", "password": "correct horse"}), t=-2)],
     note="session created a moment before; the next call goes out without the cookie (no credentials: 'include')")
real("v2_zendesk_basic_token_wrong", "invalid_credentials", "v05", "GET", "https://acme.zendesk.com/api/v2/search.json?query=type:User",
     [("Authorization", basic("agent@example.com/token", fill(906, 40)))], rtype=None)
real("v2_zendesk_basic_password_with_token_suffix_missing", "invalid_credentials", "v05", "POST", "https://acme.zendesk.com/api/v2/tickets.json",
     [JSON_CT, ("Authorization", basic("agent@example.com", fill(907, 40)))], post=j({"ticket": {"subject": "Help"}}), rtype=None,
     note="an API token sent as a password without the /token suffix")
real("v2_zendesk_oauth_invalid_token", "invalid_credentials", "v06", "GET", "https://acme.zendesk.com/api/v2/users/me.json",
     [bearer(fill(908, 64, HEX))], rtype=None)
real("v2_gcs_signed_url_expired", "expired_token", "v07", "GET",
     "https://storage.googleapis.com/media-bucket/sample.mp3?GoogleAccessId=uploader%40acme-prod.iam.gserviceaccount.com&Expires=120&Signature=" + fill(909, 200, ALNUM + "%"),
     [], rtype="media")
real("v2_gcs_private_object_anonymous", "missing_credentials", "v08", "GET", "https://storage.googleapis.com/glow-demo/logs/lsun-rnvp-bdr.tar",
     [PAGE_APP], note="a private object fetched without a signed URL or token")
real("v2_keyvault_no_token", "missing_credentials", "v09", "GET", "https://contoso-kv.vault.azure.net/secrets/db-password?api-version=7.4", [], rtype=None)
real("v2_keyvault_wrong_audience", "wrong_audience", "v10", "GET", "https://kv-happy-dev-eastus-002.vault.azure.net/secrets/id-rsa-nagios-private-key?api-version=2016-10-01",
     [bearer(ok_jwt(910, {"aud": "https://kv-happy-dev-eastus-002.vault.azure.net/", "iss": "https://sts.windows.net/" + TENANT + "/"}))], rtype=None,
     note="managed identity token asked for the vault's own URL as resource")
real("v2_twitter_oauth1_invalid_token", "invalid_credentials", "v11", "POST", "https://api.twitter.com/1.1/friendships/create.json?screen_name=acme",
     [("Authorization", 'OAuth oauth_consumer_key="' + fill(911, 25) + '", oauth_nonce="' + fill(912, 32) + '", oauth_signature="' + fill(913, 28) + '%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="' + str(NOW) + '", oauth_token="1234567890-' + fill(914, 40) + '", oauth_version="1.0"')],
     rtype=None)
real("v2_twitter_app_only_bearer_invalid", "invalid_credentials", "v11", "GET", "https://api.twitter.com/1.1/users/lookup.json?screen_name=twitterapi,twitter",
     [bearer("AAAAAAAAAAAAAAAAAAAAA" + fill(915, 90, ALNUM + "%"))], rtype=None)
SG_KEY = "SG." + fill(916, 22, URLSAFE) + "." + fill(917, 43, URLSAFE)
real("v2_sendgrid_key_revoked", "invalid_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer(SG_KEY)],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None)
real("v2_sendgrid_key_id_sent", "damaged_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer(fill(918, 22, URLSAFE))],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None, note="the API key's ID (22 characters) instead of the SG. key")
real("v2_sendgrid_key_single_quoted", "damaged_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer("'" + SG_KEY + "'")],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None, note="export SENDGRID_API_KEY='SG…' read with its quotes")
real("v2_sendgrid_env_line_pasted", "damaged_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer("SENDGRID_API_KEY=" + SG_KEY)],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None, note="the whole .env line pasted")
real("v2_sendgrid_key_truncated", "damaged_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer(SG_KEY[:-2])],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None, note="copied two characters short")
real("v2_sendgrid_key_zero_width", "whitespace_in_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer(SG_KEY + "\u200b")],
     post=j({"personalizations": [{"to": [{"email": "a@example.com"}]}]}), rtype=None, note="a zero-width space picked up from a chat message")
real("v2_tyk_authorization_null", "placeholder_credentials", "v13", "GET", "http://192.168.99.100:8080/test-api/get", [("Authorization", "null")], rtype=None)
real("v2_tyk_authorization_key_revoked", "invalid_credentials", "v13", "GET", "https://gw.example.com/orders-api/orders", [PAGE_APP, ("Authorization", fill(919, 56, HEX))])
real("v2_flask_jwt_signature_failed", "invalid_signature", "v14", "GET", API + "/api/todos",
     [PAGE_APP, bearer(jwt({"sub": "admin@gmail.com", "auth": "ROLE_ADMIN", "type": "access", "fresh": True, "iat": NOW - 60, "exp": NOW + 3540}, 920, "HS512"))],
     note="token signed by another service's secret")
real("v2_apigee_no_token", "missing_credentials", "v15", "GET", "https://34.96.107.193.nip.io/hellooauth2", [], rtype=None)
real("v2_apigee_bad_token", "invalid_credentials", "v15", "GET", "https://api.example.com/v1/userinfo", [PAGE_APP, bearer(fill(921, 28))])
real("v2_rfc6750_expired_opaque", "expired_token", "v16", "GET", "https://resource.example.com/resource", [PAGE_APP, bearer("mF_9.B5f-4.1JqM")])
real("v2_rfc6750_expired_after_refresh_old_token_used", "stale_token", "v16", "GET", "https://api.example.com/v1/orders",
     [PAGE_APP, bearer("at_" + fill(922, 40))],
     before=[entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, bearer("at_" + fill(922, 40))], status=200, body=j({"orders": []}), t=-1000),
             entry("POST", "https://auth.example.com/oauth/token", [PAGE_APP, ("Content-Type", FORM)], status=200,
                   body=j({"access_token": "at_" + fill(923, 40), "refresh_token": "rt_" + fill(924, 40), "token_type": "Bearer", "expires_in": 900}),
                   post="grant_type=refresh_token&refresh_token=rt_" + fill(925, 40), post_mime=FORM, t=-20)],
     note="the token was refreshed 20 s earlier but the request still carries the old one")

# Controls of the validation set (synthetic, no cause expected anywhere).
case("control_v2_directus_healthy_session", None, "login, then three reads with the fresh token", [
    entry("POST", DIRECTUS + "/auth/login", [PAGE_APP, JSON_CT], status=200,
          body=j({"data": {"access_token": ok_jwt(926, {"iss": "directus"}), "expires": 900000, "refresh_token": fill(927, 64, URLSAFE)}}), post=j({"email": "ana@example.com", "password": "x"}), t=-30),
    entry("GET", DIRECTUS + "/items/articles", [PAGE_APP, bearer(ok_jwt(926, {"iss": "directus"}))], status=200, body=j({"data": []}), t=-20),
    entry("GET", DIRECTUS + "/items/authors", [PAGE_APP, bearer(ok_jwt(926, {"iss": "directus"}))], status=200, body=j({"data": []}), t=-10),
    entry("GET", DIRECTUS + "/users/me", [PAGE_APP, bearer(ok_jwt(926, {"iss": "directus"}))], status=200, body=j({"data": {"id": "u1"}}))])
case("control_v2_sendgrid_429", None, "rate limited, not an auth failure", [
    entry("POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, bearer(SG_KEY)], status=429, resp=[("Retry-After", "30"), ("X-RateLimit-Remaining", "0")], body="",
          post=j({"personalizations": []}), rtype=None)])
case("control_v2_laravel_422_validation", None, "a validation error with a session cookie sent", [
    entry("POST", "https://app.example.com/api/profile", [("Origin", "https://app.example.com"), JSON_CT, ("Cookie", "laravel_session=" + fill(928, 40)), ("X-XSRF-TOKEN", fill(929, 40))],
          status=422, body=j({"message": "The given data was invalid.", "errors": {"email": ["The email field is required."]}}), post=j({"name": "Ana"}))])
case("control_v2_strapi_404_with_token", None, "a missing record, the token is fine", [
    entry("GET", "https://cms.example.com/api/articles/999", [PAGE_APP, bearer(ok_jwt(930))], status=404, body="")])
case("control_v2_gcs_signed_url_ok", None, "a signed URL inside its lifetime", [
    entry("GET", "https://storage.googleapis.com/media-bucket/a.mp3?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=uploader%40acme.iam.gserviceaccount.com%2F20261014%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261014T092500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=" + fill(931, 256, HEX),
          [], status=200, body="", mime="audio/mpeg", rtype="media")])
case("control_v2_appwrite_session_ok", None, "session cookie sent, account read", [
    entry("GET", "https://cloud.appwrite.io/v1/account", [("Origin", "https://app.example.com"), ("X-Appwrite-Project", "66a1f0c2003b1d9e8f7a"), ("Cookie", "a_session_66a1f0c2003b1d9e8f7a=" + fill(932, 80, URLSAFE))],
          status=200, body=j({"$id": "66af", "email": "ana@example.com"}))])
real("v2_flask_jwt_missing_header", "missing_credentials", "v18", "GET", API + "/api/protected", [PAGE_APP])
real("v2_flask_jwt_token_in_query", "credentials_in_query", "v18", "GET", API + "/api/protected?jwt=" + ok_jwt(940, {"type": "access", "fresh": False}), [PAGE_APP],
     note="JWT_TOKEN_LOCATION reads headers only")
DK_APP = "https://app.example.com"
real("v2_doorkeeper_token_revoked", "revoked_token", "v19", "GET", "https://api.example.com/api/v1/me", [PAGE_APP, bearer(fill(941, 43, URLSAFE))],
     before=[entry("GET", "https://api.example.com/api/v1/projects", [PAGE_APP, bearer(fill(941, 43, URLSAFE))], status=200, body=j({"projects": []}), t=-600)],
     note="worked ten minutes earlier; access revoked from another device")
case("control_v2_doorkeeper_revoked_after_own_logout", None, "the page revoked its own token (logout), then a stale request fails: expected", [
    entry("GET", "https://api.example.com/api/v1/me", [PAGE_APP, bearer(fill(942, 43, URLSAFE))], status=200, body=j({"id": 7}), t=-60),
    entry("POST", "https://api.example.com/oauth/revoke", [PAGE_APP, ("Content-Type", FORM)], status=200, body="{}", post="token=" + fill(942, 43, URLSAFE), post_mime=FORM, t=-5),
    entry("GET", "https://api.example.com/api/v1/notifications", [PAGE_APP, bearer(fill(942, 43, URLSAFE))],
          resp=[("WWW-Authenticate", 'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token was revoked"')], body="")])
real("v2_doorkeeper_token_unknown", "invalid_credentials", "v20", "GET", "https://api.example.com/api/v1/me", [PAGE_APP, bearer(fill(943, 64, HEX))])
real("v2_doorkeeper_token_expired_session", "expired_token", "v21", "GET", "https://api.example.com/api/v1/me", [PAGE_APP, bearer(fill(944, 43, URLSAFE))],
     before=[entry("POST", "https://api.example.com/oauth/token", [PAGE_APP, ("Content-Type", FORM)], status=200,
                   body=j({"access_token": fill(944, 43, URLSAFE), "token_type": "Bearer", "expires_in": 7200, "refresh_token": fill(945, 43, URLSAFE), "created_at": NOW - 7300}),
                   post="grant_type=password&username=ana&password=x", post_mime=FORM, t=-7300)],
     note="token issued 7300 s earlier with expires_in 7200")
real("v2_doorkeeper_password_grant_rejected", "invalid_credentials", "v22", "POST", "https://api.example.com/api/oauth/token",
     [PAGE_APP, JSON_CT], post=j({"local_phone_number": "600000000", "password": "not-it", "country_code": "+34", "grant_type": "password"}))
TW_BEARER = "AAAAAAAAAAAAAAAAAAAAA" + fill(950, 30) + "%3D" + fill(951, 50)
real("v2_twitter_bearer_double_encoded", "damaged_credentials", "v11", "GET", "https://api.twitter.com/1.1/users/lookup.json?screen_name=twitter",
     [bearer(TW_BEARER.replace("%3D", "%253D"))], rtype=None, note="the bearer token URL-encoded twice (%3D became %253D)")
real("v2_sendgrid_bearer_colon", "damaged_credentials", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, ("Authorization", "Bearer: " + SG_KEY)],
     post=j({"personalizations": []}), rtype=None, note="'Bearer:' with a colon")
real("v2_sendgrid_bearer_json_quotes", "malformed_authorization", "v12", "POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, ("Authorization", 'Bearer "' + SG_KEY + '"')],
     post=j({"personalizations": []}), rtype=None, note="the key JSON-stringified before use")
real("v2_directus_refreshed_old_token_used", "stale_token", "v01", "GET", DIRECTUS + "/items/articles",
     [PAGE_APP, bearer(exp_jwt(952, ago=30, lived=900, extra={"iss": "directus"}))],
     before=[entry("POST", DIRECTUS + "/auth/refresh", [PAGE_APP, JSON_CT], status=200,
                   body=j({"data": {"access_token": ok_jwt(953, {"iss": "directus"}), "expires": 900000, "refresh_token": fill(954, 64, URLSAFE)}}),
                   post=j({"refresh_token": fill(955, 64, URLSAFE), "mode": "json"}), t=-10)],
     note="a refresh 10 s earlier returned a new token; this request still carries the old, expired one")
real("v2_rfc6750_expired_client_clock_behind", "expired_token", "v16", "GET", "https://resource.example.com/resource",
     [PAGE_APP, bearer(jwt({"sub": "u1", "iss": "https://login.example.com/", "iat": NOW - 3480, "exp": NOW + 120}, 956))],
     extra_resp=[("Date", "Wed, 14 Oct 2026 09:35:00 GMT")], note="the browser's clock is five minutes behind the server's Date")
real("v2_zendesk_oauth_trailing_space", "whitespace_in_credentials", "v06", "GET", "https://acme.zendesk.com/api/v2/users/me.json",
     [("Authorization", "Bearer " + fill(957, 64, HEX) + " ")], rtype=None, note="a trailing space kept from the settings field")
case("control_v2_flask_jwt_healthy", None, "login then two calls with the token", [
    entry("POST", API + "/api/login", [PAGE_APP, JSON_CT], status=200, body=j({"access_token": ok_jwt(958, {"type": "access", "fresh": True})}), post=j({"username": "ana", "password": "x"}), t=-5),
    entry("GET", API + "/api/todos", [PAGE_APP, bearer(ok_jwt(958, {"type": "access", "fresh": True}))], status=200, body="[]", t=-2),
    entry("GET", API + "/api/protected", [PAGE_APP, bearer(ok_jwt(958, {"type": "access", "fresh": True}))], status=200, body=j({"logged_in_as": "ana"}))])
case("control_v2_zendesk_404", None, "a ticket that does not exist, credentials fine", [
    entry("GET", "https://acme.zendesk.com/api/v2/tickets/999999.json", [("Authorization", basic("agent@example.com/token", fill(959, 40)))], status=404, body="", rtype=None)])

# An Atlassian API token refused: Jira challenges `OAuth` although it takes Basic (email and API token).
real("real_jira_cloud_api_token_refused", "invalid_credentials", "a1", "GET", "https://acme.atlassian.net/rest/api/3/myself",
     [("Authorization", basic("dev@example.com", "ATATT3xFfGF0" + fill(960, 180, URLSAFE) + "=" + fill(961, 8, HEX).upper())), ("Accept", "application/json")],
     extra_resp=[("WWW-Authenticate", 'OAuth realm="https%3A%2F%2Facme.atlassian.net"'), ("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")],
     note="the challenge names OAuth; Basic is what the token needs", rtype=None)
# An Anthropic key sent the way OpenAI-style clients send theirs.
real("real_anthropic_key_as_bearer", "wrong_auth_scheme", "a2", "POST", "https://api.anthropic.com/v1/messages",
     [bearer("sk-ant-api03-" + fill(962, 93, URLSAFE) + "AA"), ("anthropic-version", "2023-06-01"), JSON_CT],
     post=j({"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]}),
     note="a proxy forwarded the key as Authorization: Bearer", rtype=None)
# The Geocoding web service called from the page with the website-restricted browser key.
real("real_google_geocoding_referrer_restricted_key", "insufficient_scope", "a3", "GET",
     "https://maps.googleapis.com/maps/api/geocode/json?address=1600+Amphitheatre+Pkwy&key=" + GOOGLE_KEY,
     [PAGE_APP, ("Referer", "https://shop.example/checkout")], status=403,
     note="Geocoding is a web service: it takes keys restricted by IP, not by website")
# A token signed with another algorithm than the API verifies with.
real("real_express_jwt_invalid_algorithm", "invalid_signature", "a4", "GET", API + "/api/users/me",
     [PAGE_APP, bearer(ok_jwt(963, {"id": "5f1", "role": "user"}, "HS256"))],
     note="the sign-in route signs HS256; the middleware verifies another algorithm")
real("real_auth0_hs256_token_to_rs256_api", "invalid_signature", "a5", "GET", API + "/api/private",
     [PAGE_APP, bearer(ok_jwt(964, {"iss": "https://acme.eu.auth0.com/", "aud": "https://api.example.com"}, "HS256"))],
     note="the Auth0 application still signs with its HS256 default; the API expects RS256")
# An OpenAI key sent to an Azure OpenAI resource (the reporter's situation in the source).
real("real_azure_openai_given_an_openai_key", "damaged_credentials", "a6", "POST",
     "https://contoso-eu.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01",
     [("api-key", OPENAI_KEY), JSON_CT], post=j({"messages": [{"role": "user", "content": "hi"}]}),
     note="the app was switched to Azure; the key stayed OpenAI's", rtype=None)
# A weather widget calling OpenWeather from the page with `?appid=`: the documented place for the key.
real("real_openweather_invalid_appid", "invalid_credentials", "a7", "GET",
     "https://api.openweathermap.org/data/2.5/weather?q=Berlin&units=metric&appid=" + fill(965, 32, HEX),
     [PAGE_APP], note="the key sits where OpenWeather documents it; the key itself is refused")
# Twitch Helix with a token minted by another application than the Client-Id sent.
real("real_twitch_client_id_token_mismatch", "wrong_audience", "a8", "GET", "https://api.twitch.tv/helix/users",
     [bearer(fill(966, 30, LOWER + DIGITS)), ("Client-Id", fill(967, 30, LOWER + DIGITS))], rtype=None,
     note="the token came from a token-generator site's app; the Client-Id is the developer's own")
# A Graph API call with the user token in the documented `access_token` parameter, after it expired.
real("real_facebook_graph_session_expired", "expired_token", "a9", "GET",
     "https://graph.facebook.com/v19.0/me/posts?access_token=EAAB" + fill(968, 180, ALNUM), [PAGE_APP],
     note="a long-lived user token past its 60 days")
# Vercel's REST API answering a revoked token with 403.
real("real_vercel_invalid_token_403", "invalid_credentials", "a10", "GET", "https://api.vercel.com/v9/projects/prj_" + fill(969, 28, ALNUM) + "/env",
     [bearer(fill(970, 24, ALNUM))], rtype=None, note="the project token was revoked; 403 here is Vercel's answer to a dead token")
# A key without access to this API behind a Tyk gateway (OpenRouteService's isochrones).
real("real_tyk_api_access_disallowed", "insufficient_scope", "a11", "POST", "https://api.openrouteservice.org/v2/isochrones/driving-car",
     [("Authorization", fill(971, 56, HEX)), PAGE_APP, JSON_CT], post=j({"locations": [[8.68, 49.41]], "range": [300]}),
     note="the key works for directions, not for isochrones")
# A GitLab token revoked in the user's settings (a personal access token: GitLab answers the same).
real("real_gitlab_token_revoked", "revoked_token", "a12", "GET", "https://gitlab.com/api/v4/projects?membership=true",
     [bearer("glpat-" + fill(972, 20, URLSAFE))], rtype=None, note="the personal access token was revoked in the user's settings")
# A Go (Echo) API whose JWT middleware answers a request without a token with 400, not 401.
real("real_echo_jwt_missing_400", "missing_credentials", "a13", "GET", API + "/api/restricted", [PAGE_APP],
     note="the page lost its token after a reload; Echo says 400")
# A login form posting the password grant to a Keycloak client with Direct access grants off.
real("real_keycloak_direct_access_grants_off", "grant_rejected", "a14", "POST", "https://sso.example.com/realms/shop/protocol/openid-connect/token",
     [PAGE_APP, ("Content-Type", FORM)], post="grant_type=password&client_id=web&username=dev%40example.com&password=" + fill(973, 14, ALNUM), post_mime=FORM,
     note="the public SPA client allows only the code flow")
# A wrong password at Supabase Auth (400, not 401).
real("real_supabase_wrong_password", "invalid_credentials", "a15", "POST", "https://abcdefghijklmnopqrst.supabase.co/auth/v1/token?grant_type=password",
     [PAGE_APP, JSON_CT, ("apikey", jwt({"iss": "supabase", "ref": "abcdefghijklmnopqrst", "role": "anon", "iat": NOW - 10 ** 7, "exp": NOW + 10 ** 8}, 974, "HS256"))],
     post=j({"email": "dev@example.com", "password": fill(975, 12, ALNUM)}), note="the email or the password is wrong")
# An SPA asking Auth0 for a token for an audience that is not a registered API.
real("real_auth0_audience_not_an_api", "wrong_audience", "a16", "POST", "https://example.eu.auth0.com/oauth/token",
     [PAGE_APP, JSON_CT], post=j({"grant_type": "authorization_code", "client_id": fill(976, 32, ALNUM), "code": fill(977, 30, URLSAFE),
                                  "code_verifier": fill(978, 43, URLSAFE), "redirect_uri": "https://app.example.com/callback", "audience": "https://api.example.com"}),
     note="the API's identifier in Auth0 has a trailing slash the app's audience lacks")
# SuperTokens in cookie mode: the access-token cookie is past its life; the SDK's refresh did not run.
real("real_supertokens_try_refresh_token", "expired_token", "a17", "POST", API + "/api/messages",
     [PAGE_APP, JSON_CT, ("Cookie", "sAccessToken=" + exp_jwt(979, ago=120, lived=3600) + "; sFrontToken=" + fill(980, 40, URLSAFE)), ("st-auth-mode", "cookie")],
     post=j({"text": "hi"}), note="a long-running page outlived the access token; the call was made with fetch, not the SDK's interceptor")
# A Gemini key Google disabled after finding it in public code, still used by a page.
real("real_gemini_key_reported_leaked", "revoked_token", "a18", "POST",
     "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent",
     [PAGE_APP, JSON_CT, ("x-goog-api-key", "AIza" + fill(981, 35, URLSAFE))], post=j({"contents": [{"parts": [{"text": "hi"}]}]}),
     note="the key was committed to a public repository; Google disabled it")
# An ElevenLabs key restricted to text-to-speech, used to read the user's account.
real("real_elevenlabs_missing_permission", "insufficient_scope", "a19", "GET", "https://api.elevenlabs.io/v1/user",
     [PAGE_APP, ("xi-api-key", "sk_" + fill(982, 48, HEX))], rtype=None, note="the key's permissions leave out user_read")
# A fine-grained GitHub token without 'Pull requests: write'.
real("real_github_fine_grained_token_without_permission", "insufficient_scope", "a20", "POST", "https://api.github.com/repos/octo/app/pulls",
     [PAGE_APP, JSON_CT, ("Authorization", "token github_pat_11" + fill(983, 20, UPPER + DIGITS) + "_" + fill(984, 59, ALNUM))],
     post=j({"title": "t", "head": "f", "base": "main"}), rtype=None, note="the token was made for contents only")
# A Groq key configured for xAI, which answers 400.
real("real_xai_given_a_groq_key_400", "damaged_credentials", "a21", "POST", "https://api.x.ai/v1/chat/completions",
     [PAGE_APP, JSON_CT, bearer("gsk_" + fill(985, 52, ALNUM))], post=j({"model": "grok-3", "messages": [{"role": "user", "content": "hi"}]}),
     note="the key of another AI provider")
# The environment variable's name passed as the Hugging Face token.
real("real_huggingface_env_var_name_as_token_400", "placeholder_credentials", "a22", "POST",
     "https://api-inference.huggingface.co/models/google/flan-t5-large", [PAGE_APP, JSON_CT, bearer("HUGGINGFACEHUB_API_TOKEN")],
     post=j({"inputs": "hi"}), note="huggingfacehub_api_token=\"HUGGINGFACEHUB_API_TOKEN\" instead of the variable's value")
# Sentry's answer to a token it does not know; its xBasic challenge only keeps browsers from prompting.
real("real_sentry_token_not_found_xbasic", "invalid_credentials", "a23", "GET", "https://sentry.io/api/0/projects/",
     [PAGE_APP, bearer(fill(986, 64, HEX))], rtype=None, note="the integration's token was never issued to this account")
# A Square OAuth access token past its 30 days.
real("real_square_access_token_expired", "expired_token", "a24", "POST", "https://connect.squareup.com/v2/payments",
     [PAGE_APP, JSON_CT, bearer("EAAA" + fill(987, 60, URLSAFE)), ("Square-Version", "2024-06-04")],
     post=j({"source_id": "cnon:card-nonce-ok", "idempotency_key": fill(988, 20, ALNUM), "amount_money": {"amount": 1500, "currency": "USD"}}),
     note="the seller's OAuth token was not renewed")
# A Slack rotating bot token (token rotation on) past its 12 hours; Slack answers 200.
real("real_slack_rotating_token_expired_200", "expired_token", "a25", "POST", "https://slack.com/api/chat.postMessage",
     [PAGE_APP, ("Content-Type", "application/json; charset=utf-8"), bearer("xoxe.xoxb-1-" + fill(989, 13, DIGITS) + "-" + fill(990, 140, ALNUM))],
     post=j({"channel": "C0123ABCD", "text": "Deploy finished"}), rtype=None, note="the app never refreshed the token")
# Client credentials from an Auth0 application without that grant type.
real("real_auth0_grant_type_not_allowed", "grant_rejected", "a26", "POST", "https://example.us.auth0.com/oauth/token",
     [PAGE_APP, JSON_CT, ("Auth0-Client", "eyJuYW1lIjoibm9kZS1hdXRoMCIsInZlcnNpb24iOiI0LjQuMCJ9")],
     post=j({"client_id": fill(991, 32, ALNUM), "client_secret": fill(992, 64, URLSAFE), "audience": "https://example.us.auth0.com/api/v2/", "grant_type": "client_credentials"}),
     note="the application's Client Credentials grant is switched off")
# Google's token endpoint: the redirect_uri lost the trailing slash the authorization request had.
real("real_google_redirect_uri_mismatch_400", "grant_rejected", "a27", "POST", "https://oauth2.googleapis.com/token",
     [PAGE_APP, ("Content-Type", FORM)], post="code=4%2F0A" + fill(993, 70, URLSAFE) + "&client_id=" + fill(994, 12, DIGITS) + "-" + fill(995, 32, LOWER + DIGITS) +
     ".apps.googleusercontent.com&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fauth%2Fcallback&grant_type=authorization_code", post_mime=FORM,
     note="the authorization request used http://localhost:3000/auth/callback/")
# A Dropbox token cut short when it was pasted; Dropbox answers 400.
real("real_dropbox_token_cut_400", "damaged_credentials", "a28", "POST", "https://api.dropboxapi.com/2/users/get_current_account",
     [PAGE_APP, bearer("sl.B" + fill(996, 95, URLSAFE))], rtype=None, note="the last 40 characters were lost")
# A Zoom Server-to-Server token without the granular scope the call needs; Zoom answers 400.
real("real_zoom_token_without_scope_400", "insufficient_scope", "a29", "GET", "https://api.zoom.us/v2/users?page_size=300&status=active",
     [PAGE_APP, bearer(ok_jwt(997, {"iss": "zm:cid:" + fill(998, 22, ALNUM), "aud": "https://oauth.zoom.us"}, "HS512"))], rtype=None,
     note="the app's scopes leave out user:read:list_users:admin")
# GitHub's code exchange (no grant_type; errors come back as 200): the callback ran twice.
real("real_github_oauth_code_reused_200", "grant_rejected", "a30", "POST", "https://github.com/login/oauth/access_token",
     [PAGE_APP, ("Content-Type", FORM), ("Accept", "application/json")],
     post="client_id=Ov23li" + fill(1001, 14, ALNUM) + "&code=" + fill(1002, 20, HEX) + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fapi%2Fauth%2Fcallback%2Fgithub",
     post_mime=FORM, rtype=None, note="the callback handler exchanged the code a second time")
# Supabase Auth's PKCE exchange: the grant in the query, a 404 in GoTrue's own envelope.
real("real_supabase_pkce_flow_state_not_found_404", "grant_rejected", "a31", "POST", "https://abcdefghijklmnopqrst.supabase.co/auth/v1/token?grant_type=pkce",
     [PAGE_APP, JSON_CT, ("apikey", jwt({"iss": "supabase", "ref": "abcdefghijklmnopqrst", "role": "anon", "iat": NOW - 86400, "exp": NOW + 86400 * 3000}, 1003, "HS256"))],
     post=j({"auth_code": "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", "code_verifier": fill(1004, 64, URLSAFE)}),
     note="the login finished in another browser than the one that started it")
# Twitch refuses a refresh token without an OAuth `error` field.
real("real_twitch_refresh_token_invalid_400", "grant_rejected", "a32", "POST", "https://id.twitch.tv/oauth2/token",
     [PAGE_APP, ("Content-Type", FORM)], post="grant_type=refresh_token&refresh_token=" + fill(1005, 50, LOWER + DIGITS) + "&client_id=" + fill(1006, 30, LOWER + DIGITS),
     post_mime=FORM, note="the refresh token had been replaced by an earlier refresh")
# LinkedIn's own error code for a redirect_uri that differs from the authorization request's.
real("real_linkedin_invalid_redirect_uri_400", "grant_rejected", "a33", "POST", "https://www.linkedin.com/oauth/v2/accessToken",
     [PAGE_APP, ("Content-Type", FORM)], post="grant_type=authorization_code&code=AQ" + fill(1007, 150, URLSAFE) + "&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Fcallback%2F&client_id=" + fill(1008, 14, LOWER + DIGITS),
     post_mime=FORM, note="the authorization request used http://localhost:8000/callback")
# Supabase Auth: the session behind the JWT was signed out elsewhere; the JWT itself has not expired.
real("real_supabase_session_not_found_403", "revoked_token", "a34", "GET", "https://abcdefghijklmnopqrst.supabase.co/auth/v1/user",
     [PAGE_APP, ("apikey", jwt({"iss": "supabase", "ref": "abcdefghijklmnopqrst", "role": "anon", "iat": NOW - 86400, "exp": NOW + 86400 * 3000}, 1009, "HS256")),
      bearer(jwt({"iss": "https://abcdefghijklmnopqrst.supabase.co/auth/v1", "sub": GUID, "aud": "authenticated", "role": "authenticated", "session_id": "0b6a7c2e-3d4f-4a5b-8c9d-1e2f3a4b5c6d", "iat": NOW - 600, "exp": NOW + 3000}, 1010, "HS256"))],
     note="the user signed out on another device (scope global)")
# Devise's idle timeout: the session cookie is still sent, the server-side session expired.
real("real_devise_session_timeout", "session_rejected", "a35", "GET", "https://app.example.com/api/v1/dues.json",
     [PAGE_APP, ("Cookie", "_app_session=" + fill(1011, 180, URLSAFE))], note="the tab sat idle past config.timeout_in")
# go-chi/jwtauth reads `Bearer` only: a JWT under `Token` is not found.
real("real_chi_jwtauth_token_scheme", "wrong_auth_scheme", "a36", "GET", "https://api.example.com/v1/inbox",
     [PAGE_APP, ("Authorization", "Token " + ok_jwt(1012, alg="HS256"))], note="the client was written for Django REST framework's TokenAuthentication")
# Stream takes its server JWT without a scheme (beside Stream-Auth-Type: jwt); the minting host's clock runs fast.
real("real_stream_jwt_iat_ahead", "token_not_yet_valid", "a37", "POST", "https://chat.stream-io-api.com/users?api_key=" + fill(1013, 12, LOWER + DIGITS),
     [("Authorization", jwt({"server": True, "iat": NOW + 300}, 1014, "HS256")), ("Stream-Auth-Type", "jwt"), JSON_CT],
     post=j({"users": {"agent-7": {"id": "agent-7"}}}), rtype=None, note="the server minting the token is 5 minutes ahead")
# Microsoft Graph under continuous access evaluation: the user's sessions were revoked (a password
# reset) after this token was issued; the same token worked minutes before.
real("real_graph_cae_token_issued_before_revocation", "revoked_token", "a38", "GET", "https://graph.microsoft.com/v1.0/me/messages?$top=25",
     [PAGE_APP, bearer(ok_jwt(1015, {"aud": "00000003-0000-0000-c000-000000000000", "iss": "https://sts.windows.net/" + GUID + "/", "xms_cc": ["CP1"]}))],
     note="an admin revoked the user's sessions after a password reset")
# Meta's Graph API: the user did not grant the permission the call needs (code 200).
real("real_meta_graph_permission_not_granted_200", "insufficient_scope", "a39", "POST", "https://graph.facebook.com/v19.0/1029384756/feed",
     [PAGE_APP, ("Content-Type", FORM)], post="message=hello&access_token=EAAG" + fill(1016, 160, ALNUM), post_mime=FORM,
     note="the login asked for public_profile only")
# Figma: a personal access token made without the scope the endpoint names.
real("real_figma_token_missing_scope", "insufficient_scope", "a40", "POST", "https://api.figma.com/v1/code_connect",
     [("X-Figma-Token", "figd_" + fill(1017, 40, URLSAFE)), JSON_CT], post=j({"docs": []}), rtype=None)
# Hasura: a JWT from the Auth0 tenant domain where the engine is configured for the custom domain.
real("real_hasura_jwt_not_in_issuer_200", "wrong_issuer", "a41", "POST", "https://gql.example.com/v1/graphql",
     [PAGE_APP, JSON_CT, bearer(ok_jwt(1018, {"iss": "https://acme.eu.auth0.com/", "https://hasura.io/jwt/claims": {"x-hasura-default-role": "user", "x-hasura-allowed-roles": ["user"]}}))],
     post=j({"query": "query { shifts { id } }"}), note="HASURA_GRAPHQL_JWT_SECRET names the issuer https://login.example.com/")
# Flask-JWT-Extended reads `Bearer` only: the client sends Django REST framework JWT's `JWT` scheme.
real("real_flask_jwt_extended_jwt_scheme", "wrong_auth_scheme", "a42", "GET", "https://api.example.com/api/plants",
     [PAGE_APP, ("Authorization", "JWT " + ok_jwt(1019, alg="HS256"))], note="the frontend was written for djangorestframework-jwt")
# X API v2: the app-only bearer token on an endpoint that acts for a user.
real("real_x_app_only_bearer_on_users_me", "wrong_token_type", "a43", "GET", "https://api.twitter.com/2/users/me",
     [bearer("AAAAAAAAAAAAAAAAAAAAA" + fill(1020, 40, ALNUM) + "%3D" + fill(1021, 50, ALNUM))], rtype=None,
     note="users/me needs a user-context token (OAuth 2.0 PKCE or OAuth 1.0a)")
# Better Auth's origin check: the Vite dev server's origin is not in trustedOrigins.
real("real_better_auth_invalid_origin_403", "csrf_failed", "a44", "POST", "http://localhost:3000/api/auth/sign-in/email",
     [("Origin", "http://localhost:5173"), ("Referer", "http://localhost:5173/"), JSON_CT], post=j({"email": "ana@example.com", "password": "correct horse battery"}),
     note="trustedOrigins lists http://localhost:3000 only")
# PostGraphile cannot read a bearer token kept in its JSON quotes.
real("real_postgraphile_bearer_quoted_400", "malformed_authorization", "a45", "POST", "https://api.example.com/graphql",
     [PAGE_APP, JSON_CT, ("Authorization", 'Bearer "' + ok_jwt(1022, alg="HS256") + '"')], post=j({"query": "{ currentUser { id } }"}),
     note="the token was read from localStorage with JSON.stringify")
# OpenRouter reads `Authorization: Bearer` only; an SDK configured like Anthropic's sent `x-api-key`.
real("real_openrouter_key_in_x_api_key", "wrong_auth_scheme", "a46", "POST", "https://openrouter.ai/api/v1/chat/completions",
     [PAGE_APP, JSON_CT, ("x-api-key", "sk-or-v1-" + fill(1023, 64, HEX))], post=j({"model": "moonshotai/kimi-k2", "messages": []}),
     note="the key went in x-api-key, as for Anthropic")
# Deepgram takes API keys as `Token <key>`; `Bearer` is for the short-lived JWTs of /v1/auth/grant.
real("real_deepgram_api_key_as_bearer", "wrong_auth_scheme", "a47", "GET", "https://api.deepgram.com/v1/projects",
     [PAGE_APP, bearer(fill(1024, 40, HEX))], note="an API key sent with Bearer")
# A token accepted by one API of a vendor and refused by another: Contentful's Content Delivery
# token (cdn.contentful.com) sent to the Content Management API.
CF_SPACE = "x3k9q2m7p1w8"
CF_TOKEN = fill(1025, 43, URLSAFE)
real("real_contentful_delivery_token_on_management_api", "wrong_key_type", "a48", "GET", f"https://api.contentful.com/spaces/{CF_SPACE}",
     [PAGE_APP, bearer(CF_TOKEN)], rtype=None, note="the same token read entries from cdn.contentful.com just before",
     before=[entry("GET", f"https://cdn.contentful.com/spaces/{CF_SPACE}/environments/master/entries?limit=10", [PAGE_APP, bearer(CF_TOKEN)], status=200,
                   body=j({"sys": {"type": "Array"}, "total": 0, "skip": 0, "limit": 10, "items": []}), mime="application/json", t=-5)])
# A Storefront API token (accepted in X-Shopify-Storefront-Access-Token) sent as an Admin API token.
SHOP_SF = fill(1026, 32, HEX)
real("real_shopify_storefront_token_in_admin_header", "wrong_key_type", "a49", "GET", "https://acme-shop.myshopify.com/admin/api/2024-10/orders.json?status=any",
     [PAGE_APP, ("X-Shopify-Access-Token", SHOP_SF)], rtype=None, note="the same value worked as the Storefront token a moment before",
     before=[entry("POST", "https://acme-shop.myshopify.com/api/2024-10/graphql.json", [PAGE_APP, JSON_CT, ("X-Shopify-Storefront-Access-Token", SHOP_SF)], status=200,
                   body=j({"data": {"shop": {"name": "Acme Shop"}}}), mime="application/json", post=j({"query": "{ shop { name } }"}), t=-5)])
