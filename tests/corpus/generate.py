#!/usr/bin/env python3
"""Writes the evaluation corpus: one HAR per scenario, plus expected.json.

Each scenario is a short capture session; the cause expected first on its LAST entry is stated
in expected.json (scenario -> cause id) and in the HAR's log.comment. Controls map to null: no
entry of theirs may get any cause. `authlens eval tests/corpus` measures the engine against it.

The cases follow the provider catalog (docs quoted there are paraphrased in the bodies). Every
credential is assembled here from a prefix split into parts and filler from a fixed
pseudo-random sequence, so each run writes the same bytes and no real key is involved.

Run: python3 tests/corpus/generate.py   (then: cargo run -p authlens-cli -- eval tests/corpus)
"""
import base64
import json
import os
import zlib
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = datetime(2026, 10, 14, 9, 30, 0, tzinfo=timezone.utc)
NOW = int(T0.timestamp())  # 1791970200

LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
DIGITS = "0123456789"
ALNUM = LOWER + UPPER + DIGITS
B32 = LOWER + "234567"
HEX = DIGITS + "abcdef"
URLSAFE = ALNUM + "-_"


def fill(seed, n, alphabet=ALNUM):
    """n characters from a small linear congruential generator: same output on every run."""
    x = seed & 0xFFFFFFFF
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        out.append(alphabet[(x >> 16) % len(alphabet)])
    return "".join(out)


def b64(s):
    return base64.b64encode(s.encode()).decode()


def b64url(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


def jwt(payload, seed=1, alg="RS256"):
    return b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":"))) + "." + \
        b64url(json.dumps(payload, separators=(",", ":"))) + "." + fill(seed, 43, URLSAFE)


def basic(user, password=""):
    return "Basic " + b64(user + ":" + password)


def gh_token(prefix, seed):
    """A GitHub-shaped token whose checksum is valid (30 random chars + base62 CRC32)."""
    rnd = fill(seed, 30)
    n = zlib.crc32(rnd.encode())
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    check = ""
    for _ in range(6):
        check = digits[n % 62] + check
        n //= 62
    return prefix + rnd + check


# Credentials: prefixes are split so that the script itself holds no key-shaped literal.
MID_SB_SERVER = "SB-Mid-" + "server-" + fill(101, 24)
MID_PROD_SERVER = "Mid-" + "server-" + fill(102, 24)
MID_SB_CLIENT = "SB-Mid-" + "client-" + fill(103, 16)
MID_PROD_CLIENT = "Mid-" + "client-" + fill(104, 16)
CKO_SBOX_SK = "sk_" + "sbox_" + fill(105, 27, B32)
CKO_SK = "sk_" + fill(106, 27, B32)
CKO_SBOX_PK = "pk_" + "sbox_" + fill(107, 27, B32)
STRIPE_SK_TEST = "sk_" + "test_" + fill(108, 24)
STRIPE_SK_LIVE = "sk_" + "live_" + fill(109, 24)
STRIPE_PK_TEST = "pk_" + "test_" + fill(110, 24)
STRIPE_RK_TEST = "rk_" + "test_" + fill(111, 24)
PAYPAL_CLIENT_ID = "A" + fill(112, 79, URLSAFE)
PAYPAL_SECRET = "E" + fill(113, 79, URLSAFE)
PAYPAL_TOKEN_OLD = "A21" + "AA" + fill(114, 92, URLSAFE)
PAYPAL_TOKEN_NEW = "A21" + "AA" + fill(115, 92, URLSAFE)
XND_DEV = "xnd_" + "development_" + fill(116, 48)
XND_PUB_DEV = "xnd_" + "public_development_" + fill(117, 48)
RZP_TEST = "rzp_" + "test_" + fill(118, 14)
RZP_LIVE = "rzp_" + "live_" + fill(119, 14)
RZP_SECRET = fill(120, 24)
ADYEN_KEY = "AQE" + fill(121, 50) + "-" + fill(122, 40) + "-" + fill(123, 12)
ADYEN_CLIENT_TEST = "test_" + fill(124, 32, UPPER + DIGITS)
SQ_SBX_APP_ID = "sandbox-" + "sq0idb-" + fill(125, 22, URLSAFE)
SQ_SBX_TOKEN = "sandbox-" + "sq0atb-" + fill(126, 22, URLSAFE)
SQ_TOKEN = "EAAA" + fill(127, 60, URLSAFE)
GH_PAT = gh_token("ghp" + "_", 128)
GH_APP = gh_token("ghs" + "_", 129)
GOOGLE_KEY = "AI" + "za" + fill(130, 35, URLSAFE)
GOOGLE_TOKEN = "ya29" + "." + fill(131, 160, URLSAFE)
OPENAI_KEY = "sk-" + "proj-" + fill(132, 120, URLSAFE)
AWS_AKID = "AK" + "IA" + fill(133, 16, UPPER + DIGITS)
AWS_ASIA = "AS" + "IA" + fill(134, 16, UPPER + DIGITS)
AWS_SESSION = "IQoJb3JpZ2luX2Vj" + fill(135, 300, ALNUM + "+/")
TW_SID = "AC" + fill(136, 32, HEX)
TW_TOKEN = fill(137, 32, HEX)
SENDGRID_KEY = "SG" + "." + fill(138, 22, URLSAFE) + "." + fill(139, 43, URLSAFE)
OKTA_TOKEN = "00" + fill(140, 40, URLSAFE)
SB_REF = "qwertyuiopasdfghjklz"
SB_OTHER = "mnbvcxzlkjhgfdsapoiu"
SB_ANON = jwt({"iss": "supabase", "ref": SB_REF, "role": "anon", "iat": 1760000000, "exp": 2075576000}, 141, "HS256")

PAGE = ("Origin", "https://shop.example")
PAGE_APP = ("Origin", "https://app.example.com")
JSON_CT = ("Content-Type", "application/json")


def ts(sec=0.0, firefox=False):
    t = T0 + timedelta(seconds=sec)
    if firefox:
        return t.isoformat(timespec="milliseconds")  # +00:00
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def entry(method, url, req=(), status=401, resp=(), body="", mime="application/json", post=None,
          post_mime="application/json", t=0.0, rtype="fetch", redirect="", error=None, firefox=False):
    e = {
        "startedDateTime": ts(t, firefox),
        "time": 42,
        "request": {"method": method, "url": url, "httpVersion": "HTTP/1.1",
                    "headers": [{"name": n, "value": v} for n, v in req],
                    "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": status, "statusText": "", "httpVersion": "HTTP/1.1",
                     "headers": [{"name": n, "value": v} for n, v in resp],
                     "cookies": [], "content": {"size": len(body), "mimeType": mime, "text": body},
                     "redirectURL": redirect, "headersSize": -1, "bodySize": len(body)},
        "cache": {}, "timings": {"send": 0, "wait": 40, "receive": 2},
    }
    if rtype is not None and not firefox:
        e["_resourceType"] = rtype
    if error is not None:
        e["_error"] = error
    if post is not None:
        e["request"]["postData"] = {"mimeType": post_mime, "text": post}
    return e


def page(t=-5.0, url="https://shop.example/checkout", firefox=False):
    return entry("GET", url, status=200, body="<html></html>", mime="text/html", t=t, rtype="document", firefox=firefox)


def j(o):
    return json.dumps(o, separators=(",", ":"))


CASES = {}


def case(name, expected, note, entries):
    assert name not in CASES, name
    CASES[name] = (expected, note, entries)


# Provider bodies (shapes from the provider catalog).
SNAP_401 = j({"error_messages": ["Access denied due to unauthorized transaction, please check client or server key", "Visit https://snap-docs.midtrans.com/#request-headers for more details"]})
def core(msg, code="401"):
    return j({"status_code": code, "status_message": msg, "id": "2e3d5c81-f80c-4aed-a40c-1298b4abfd93"})
CORE_KEY = core("Transaction cannot be authorized with the current client/server key.")
CORE_UNKNOWN = core("Unknown Merchant server_key/id")
CORE_PAYLOAD = core("Operation is not allowed due to unauthorized payload.")
ORDER = j({"transaction_details": {"order_id": "order-1001", "gross_amount": 10000}})
def stripe_err(msg, typ="invalid_request_error", code=None):
    e = {"message": msg, "type": typ}
    if code:
        e["code"] = code
    return j({"error": e})
PP_AUTH_FAIL = j({"name": "AUTHENTICATION_FAILURE", "message": "Authentication failed due to missing authorization header, or invalid authentication credentials.", "debug_id": "8c7d324f49712", "links": []})
PP_INVALID_CLIENT = j({"error": "invalid_client", "error_description": "Client Authentication failed"})
GOOGLE_401_INVALID = j({"error": {"code": 401, "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.", "status": "UNAUTHENTICATED"}})
ADYEN_401 = j({"status": 401, "errorCode": "000", "message": "HTTP Status Response - Unauthorized", "errorType": "security"})
OAI_NO_KEY = j({"error": {"message": "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "type": "invalid_request_error", "param": None, "code": None}})
XND_NO_KEY = j({"error_code": "INVALID_API_KEY", "message": "No API Key detected. Please provide your API key in the Authorization header, using Basic auth."})
XND_INVALID = j({"error_code": "INVALID_API_KEY", "message": "The API key provided is invalid."})
GH_REQUIRES = j({"message": "Requires authentication", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"})
SQ_UNAUTHORIZED = j({"errors": [{"category": "AUTHENTICATION_ERROR", "code": "UNAUTHORIZED", "detail": "This request could not be authorized."}]})
BEARER_INVALID = ("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"')
GOOGLE_REALM = 'Bearer realm="https://accounts.google.com/"'

# ------------------------------------------------------------------ missing_credentials
case("stripe_no_api_key", "missing_credentials", "STR-01: the secret key variable was empty, no header sent", [
    entry("POST", "https://api.stripe.com/v1/payment_intents", [("Content-Type", "application/x-www-form-urlencoded")],
          resp=[("WWW-Authenticate", 'Basic realm="Stripe"'), ("Request-Id", "req_" + fill(1, 14))],
          body=stripe_err("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."),
          post="amount=2000&currency=usd", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("paypal_orders_no_authorization", "missing_credentials", "PP-07: REST call without a header", [
    entry("POST", "https://api-m.paypal.com/v2/checkout/orders", [JSON_CT], body=PP_AUTH_FAIL, post=j({"intent": "CAPTURE"}), rtype=None)])
case("xendit_balance_no_key", "missing_credentials", "XND-01", [
    entry("GET", "https://api.xendit.co/balance", [], body=XND_NO_KEY, rtype=None)])
case("github_user_requires_authentication", "missing_credentials", "GH-02", [
    entry("GET", "https://api.github.com/user", [("Accept", "application/vnd.github+json")], body=GH_REQUIRES, rtype=None)])
case("google_drive_no_credential", "missing_credentials", "GG-01", [
    page(url="https://app.example.com/files"),
    entry("GET", "https://www.googleapis.com/drive/v3/files", [PAGE_APP], resp=[("WWW-Authenticate", GOOGLE_REALM)],
          body=j({"error": {"code": 401, "message": "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "status": "UNAUTHENTICATED"}}))])
case("supabase_rest_no_apikey", "missing_credentials", "SB-01", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/todos?select=*", [("Origin", "https://todo.example")],
          body=j({"message": "No API key found in request", "hint": "No `apikey` request header or url param was found."}))])
case("openai_no_key", "missing_credentials", "OAI-01", [
    entry("POST", "https://api.openai.com/v1/chat/completions", [JSON_CT], body=OAI_NO_KEY, post=j({"model": "gpt-4o-mini"}), rtype=None)])
case("oauth_api_no_token_realm_only", "missing_credentials", "OA-01: RFC 6750 challenge without error", [
    page(url="https://app.example.com/"),
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="Unauthorized", mime="text/plain")])
case("checkout_list_disputes_no_authorization", "missing_credentials", "CKO-04: empty 401 body", [
    entry("GET", "https://api.sandbox.checkout.com/disputes", [], body="", mime="", resp=[("Cko-Request-Id", "0HMQ3V0QK2N1C")], rtype=None)])
case("django_api_credentials_not_provided", "missing_credentials", "WEB-10 variant: DRF's message for a missing header", [
    page(url="https://app.example.com/"),
    entry("GET", "https://api.example.com/api/me/", [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')],
          body=j({"detail": "Authentication credentials were not provided."}))])

# ------------------------------------------------------------------ placeholder_credentials
case("stripe_bearer_null", "placeholder_credentials", "STR-02", [
    entry("POST", "https://api.stripe.com/v1/charges", [PAGE, ("Authorization", "Bearer null")],
          body=stripe_err("You did not provide an API key, though you did set your Authorization header to \"null\"."))])
case("stripe_bearer_undefined", "placeholder_credentials", "STR-03: the masked tail 'ined' is undefined", [
    entry("POST", "https://api.stripe.com/v1/customers", [("Authorization", "Bearer undefined")],
          body=stripe_err("Invalid API Key provided: *****ined"), rtype=None)])
case("paypal_token_basic_undefined_undefined", "placeholder_credentials", "PP-01", [
    entry("POST", "https://api.sandbox.paypal.com/v1/oauth2/token", [("Authorization", "Basic " + b64("undefined:undefined"))],
          body=j({"error": "invalid_client", "error_description": "The client credentials are invalid"}),
          post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("paypal_token_basic_empty", "placeholder_credentials", "PP-02: Basic Og== is ':'", [
    entry("POST", "https://api-m.sandbox.paypal.com/v1/oauth2/token", [("Authorization", "Basic Og==")],
          resp=[("paypal-debug-id", "8c7d324f49712")], body=PP_INVALID_CLIENT,
          post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("midtrans_status_empty_server_key", "placeholder_credentials", "MID-08: Snap worked, the status call had an empty key", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [("Authorization", basic(MID_SB_SERVER))], status=201,
          body=j({"token": "66e4fa55-fdac-4ef9-91b5-733b97d1b862", "redirect_url": "https://app.sandbox.midtrans.com/snap/v4/redirection/66e4fa55"}), post=ORDER, t=-20, rtype=None),
    entry("GET", "https://api.sandbox.midtrans.com/v2/order-1001/status", [("Authorization", "Basic Og==")], status=200, body=CORE_PAYLOAD, rtype=None)])
case("stripe_secret_key_placeholder_here", "placeholder_credentials", "STR-04 variant: documentation placeholder", [
    entry("POST", "https://api.stripe.com/v1/payment_intents", [("Authorization", "Bearer " + "sk_test_" + "YOUR_SECRET_KEY_HERE")],
          body=stripe_err("Invalid API Key provided: sk_test_****************HERE"), rtype=None)])
case("openai_bearer_your_api_key", "placeholder_credentials", "template value", [
    entry("POST", "https://api.openai.com/v1/responses", [("Authorization", "Bearer YOUR_API_KEY"), JSON_CT],
          body=j({"error": {"message": "Incorrect API key provided: YOUR_API*KEY.", "type": "invalid_request_error", "code": "invalid_api_key"}}), post="{}", rtype=None)])
case("supabase_apikey_undefined", "placeholder_credentials", "VITE_ variable missing in the build", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/profiles?select=*", [("Origin", "https://todo.example"), ("apikey", "undefined"), ("Authorization", "Bearer undefined")],
          body=j({"message": "Invalid API key", "hint": "Double check your Supabase `anon` or `service_role` API key."}))])
case("xendit_basic_object_object", "placeholder_credentials", "an object stringified into the key", [
    entry("POST", "https://api.xendit.co/v2/invoices", [("Authorization", basic("[object Object]"))], body=XND_INVALID, post="{}", rtype=None)])

# ------------------------------------------------------------------ malformed_authorization
case("checkout_nas_key_without_bearer", "malformed_authorization", "CKO-01", [
    entry("POST", "https://api.sandbox.checkout.com/payments", [("Authorization", CKO_SBOX_SK), JSON_CT], body="", mime="", post=j({"amount": 1000}), rtype=None)])
case("midtrans_raw_server_key_core", "malformed_authorization", "MID-04 on the Core API", [
    entry("POST", "https://api.sandbox.midtrans.com/v2/charge", [("Authorization", "Basic " + MID_SB_SERVER)], body=CORE_KEY, post=ORDER, rtype=None)])
case("midtrans_colon_missing_core", "malformed_authorization", "MID-05 on the Core API", [
    entry("GET", "https://api.sandbox.midtrans.com/v2/order-1001/status", [("Authorization", "Basic " + b64(MID_SB_SERVER))], body=CORE_UNKNOWN, rtype=None)])
case("xendit_basic_colon_missing", "malformed_authorization", "XND-04", [
    entry("GET", "https://api.xendit.co/balance", [("Authorization", "Basic " + b64(XND_DEV))], body=XND_INVALID, rtype=None)])
case("razorpay_key_id_only", "malformed_authorization", "RZP-02", [
    entry("POST", "https://api.razorpay.com/v1/orders", [("Authorization", "Basic " + b64(RZP_TEST))],
          body=j({"error": {"code": "BAD_REQUEST_ERROR", "description": "Authentication failed", "source": "NA", "step": "NA"}}), post=j({"amount": 50000}))])
VALID_JWT = jwt({"sub": "user-1042", "iss": "https://login.example.com/", "aud": "https://api.example.com", "iat": NOW - 300, "exp": NOW + 3300, "scope": "read:orders"}, 142)
case("bearer_doubled_jwt", "malformed_authorization", "WEB-07", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer Bearer " + VALID_JWT)], resp=[BEARER_INVALID], body=j({"message": "jwt malformed"}))])
case("bearer_json_stringified_quotes", "malformed_authorization", "WEB-09", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", 'Bearer "' + VALID_JWT + '"')], resp=[BEARER_INVALID], body=j({"message": "jwt malformed"}))])
case("bearer_glued_without_space", "malformed_authorization", "WEB-08", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer" + VALID_JWT)], body=j({"message": "Format is Authorization: Bearer [token]"}))])
case("authorization_two_credentials_joined", "malformed_authorization", "WEB-08: duplicate headers merged with a comma", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + fill(143, 32) + ", Bearer " + fill(144, 32))], body=j({"error": "invalid_request"}))])
case("bearer_doubled_square", "malformed_authorization", "WEB-07 on Square: prefix added twice", [
    entry("GET", "https://connect.squareup.com/v2/locations", [("Authorization", "Bearer Bearer " + SQ_TOKEN), ("Square-Version", "2026-09-17")],
          body=j({"errors": [{"category": "AUTHENTICATION_ERROR", "code": "UNAUTHORIZED", "detail": "The `Authorization` http header of your request was malformed."}]}), rtype=None)])

# ------------------------------------------------------------------ whitespace_in_credentials
case("midtrans_trailing_newline_snap_production", "whitespace_in_credentials", "MID-06: echo without -n", [
    entry("POST", "https://app.midtrans.com/snap/v1/transactions", [("Authorization", "Basic " + b64(MID_PROD_SERVER + ":\n"))], body=SNAP_401, post=ORDER, rtype=None)])
case("midtrans_leading_space", "whitespace_in_credentials", "MID-06: a space before the key", [
    entry("POST", "https://api.sandbox.midtrans.com/v2/charge", [("Authorization", "Basic " + b64(" " + MID_SB_SERVER + ":"))], body=CORE_KEY, post=ORDER, rtype=None)])
case("razorpay_key_id_leading_space", "whitespace_in_credentials", "RZP-01", [
    entry("POST", "https://api.razorpay.com/v1/orders", [("Authorization", "Basic " + b64(" " + RZP_TEST + ":" + RZP_SECRET))],
          body=j({"error": {"code": "BAD_REQUEST_ERROR", "description": "The api key provided is invalid"}}), post=j({"amount": 50000}), rtype=None)])
case("stripe_key_with_space", "whitespace_in_credentials", "STR-05", [
    entry("GET", "https://api.stripe.com/v1/balance", [("Authorization", "Bearer " + STRIPE_SK_TEST[:14] + " " + STRIPE_SK_TEST[14:])],
          body=j({"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: nil. This key contains at least one space. Please delete the spaces and try again."}}), rtype=None)])
case("bearer_encoded_newline", "whitespace_in_credentials", "WEB-12: %0A after the token", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT + "%0A")], resp=[BEARER_INVALID], body=j({"message": "invalid signature"}))])
case("adyen_api_key_trailing_space", "whitespace_in_credentials", "ADY-01 variant: .env value with a trailing space", [
    entry("POST", "https://checkout-test.adyen.com/v71/sessions", [("X-API-Key", ADYEN_KEY + " "), JSON_CT], body=ADYEN_401, post="{}", rtype=None)])
case("openai_key_trailing_newline", "whitespace_in_credentials", "WEB-12: a Kubernetes secret made with echo", [
    entry("POST", "https://api.openai.com/v1/embeddings", [("Authorization", "Bearer " + OPENAI_KEY + "\n"), JSON_CT],
          body=j({"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error", "code": "invalid_api_key"}}), post="{}", rtype=None)])

# ------------------------------------------------------------------ expired_token
case("oauth_expired_jwt_invalid_token", "expired_token", "OA-02", [
    page(url="https://app.example.com/"),
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "iss": "https://example.eu.auth0.com/", "aud": "https://api.example.com", "iat": NOW - 93600, "exp": NOW - 7200}, 145))],
          resp=[("WWW-Authenticate", 'Bearer realm="api", error="invalid_token", error_description="jwt expired"')], body="")])
CKO_ACCESS = jwt({"iss": "https://access.checkout.com", "aud": "gateway", "client_id": "ack_" + fill(146, 26, B32), "iat": NOW - 3900, "exp": NOW - 300, "scope": "gateway"}, 147)
case("checkout_oauth_token_expired", "expired_token", "CKO-06", [
    entry("POST", "https://access.checkout.com/connect/token", [("Authorization", basic("ack_" + fill(146, 26, B32), fill(148, 40)))], status=200,
          body=j({"access_token": CKO_ACCESS, "token_type": "Bearer", "expires_in": 3600}), post="grant_type=client_credentials&scope=gateway",
          post_mime="application/x-www-form-urlencoded", t=-3900, rtype=None),
    entry("POST", "https://api.checkout.com/payments", [("Authorization", "Bearer " + CKO_ACCESS), JSON_CT], body="", mime="", post=j({"amount": 1000}), rtype=None)])
case("paypal_access_token_expired_session", "expired_token", "PP-05: expires_in lapsed", [
    entry("POST", "https://api-m.paypal.com/v1/oauth2/token", [("Authorization", basic(PAYPAL_CLIENT_ID, PAYPAL_SECRET))], status=200,
          body=j({"scope": "https://uri.paypal.com/services/payments", "access_token": PAYPAL_TOKEN_OLD, "token_type": "Bearer", "app_id": "APP-80W284485P519543T", "expires_in": 32398}),
          post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", t=-33000, rtype=None),
    entry("POST", "https://api-m.paypal.com/v2/checkout/orders", [("Authorization", "Bearer " + PAYPAL_TOKEN_OLD), JSON_CT],
          body=j({"error": "invalid_token", "error_description": "Access Token not found in cache"}), post="{}", rtype=None)])
case("google_access_token_expired", "expired_token", "GG-02 with the token response in the session", [
    entry("POST", "https://oauth2.googleapis.com/token", [], status=200, body=j({"access_token": GOOGLE_TOKEN, "expires_in": 3599, "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/drive.readonly"}),
          post="grant_type=refresh_token", post_mime="application/x-www-form-urlencoded", t=-4000, rtype=None),
    entry("GET", "https://www.googleapis.com/drive/v3/files", [("Authorization", "Bearer " + GOOGLE_TOKEN)],
          resp=[("WWW-Authenticate", GOOGLE_REALM + ', error="invalid_token"')], body=GOOGLE_401_INVALID, rtype=None)])
case("supabase_user_jwt_expired", "expired_token", "GoTrue access token older than an hour", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/orders?select=*", [("Origin", "https://todo.example"), ("apikey", SB_ANON),
          ("Authorization", "Bearer " + jwt({"iss": f"https://{SB_REF}.supabase.co/auth/v1", "sub": "5f1c", "aud": "authenticated", "role": "authenticated", "iat": NOW - 7300, "exp": NOW - 3700}, 149, "HS256"))],
          body=j({"code": "PGRST301", "message": "JWT expired"}))])
case("jwt_exp_relative_sixty_seconds", "expired_token", "OA-09: exp: 60 means 1970", [
    entry("GET", "https://api.example.com/v1/me", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "exp": 60}, 150, "HS256"))],
          body=j({"name": "TokenExpiredError", "message": "jwt expired", "expiredAt": "1970-01-01T00:01:00.000Z"}))])
case("aws_sts_expired_token", "expired_token", "AWS-03: temporary credentials expired", [
    entry("POST", "https://dynamodb.us-east-1.amazonaws.com/", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_ASIA}/20261014/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=" + fill(151, 64, HEX)),
        ("X-Amz-Date", "20261014T093000Z"), ("X-Amz-Security-Token", AWS_SESSION), ("X-Amz-Target", "DynamoDB_20120810.GetItem")],
        status=400, body=j({"__type": "com.amazon.coral.service#ExpiredTokenException", "message": "The security token included in the request is expired"}), post="{}", rtype=None),
    entry("POST", "https://sts.us-east-1.amazonaws.com/", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_ASIA}/20261014/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=" + fill(152, 64, HEX)),
        ("X-Amz-Date", "20261014T093001Z"), ("X-Amz-Security-Token", AWS_SESSION)],
        status=403, mime="text/xml", body="<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></ErrorResponse>",
        post="Action=GetCallerIdentity&Version=2011-06-15", post_mime="application/x-www-form-urlencoded", t=1, rtype=None)])
case("opaque_token_server_says_expired", "expired_token", "WEB-11 with an opaque token", [
    entry("GET", "https://gateway.example.com/api/v1/invoices", [PAGE_APP, ("Authorization", "Bearer " + fill(153, 36, HEX))],
          resp=[("WWW-Authenticate", 'Bearer error="invalid_token", error_description="The access token expired"')], body="")])

# ------------------------------------------------------------------ environment_mismatch
case("midtrans_sandbox_key_on_production_core", "environment_mismatch", "MID-02 on the Core API", [
    entry("POST", "https://api.midtrans.com/v2/charge", [("Authorization", basic(MID_SB_SERVER)), JSON_CT], body=CORE_UNKNOWN, post=ORDER, rtype=None)])
case("midtrans_production_key_on_sandbox_snap", "environment_mismatch", "MID-03 (prefix only a hint)", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [("Authorization", basic(MID_PROD_SERVER)), JSON_CT], body=SNAP_401, post=ORDER, rtype=None)])
case("midtrans_sandbox_key_on_production_iris", "environment_mismatch", "Iris payouts, isProduction flipped", [
    entry("POST", "https://app.midtrans.com/iris/api/v1/payouts", [("Authorization", basic(MID_SB_SERVER)), JSON_CT], body=j({"error_message": "Unauthorized"}), post="{}", rtype=None)])
case("checkout_production_key_on_sandbox", "environment_mismatch", "CKO-02 reversed", [
    entry("POST", "https://api.sandbox.checkout.com/payments", [("Authorization", "Bearer " + CKO_SK), JSON_CT], body="", mime="", post=j({"amount": 1000}), rtype=None)])
case("checkout_sandbox_public_key_on_production_tokens", "environment_mismatch", "Frames configured with the sandbox key on live", [
    page(),
    entry("POST", "https://api.checkout.com/tokens", [PAGE, ("Authorization", "Bearer " + CKO_SBOX_PK), JSON_CT], body="", mime="", post=j({"type": "card"}))])
case("paypal_sandbox_token_on_live", "environment_mismatch", "PP-06", [
    entry("POST", "https://api-m.sandbox.paypal.com/v1/oauth2/token", [("Authorization", basic(PAYPAL_CLIENT_ID, PAYPAL_SECRET))], status=200,
          body=j({"access_token": PAYPAL_TOKEN_NEW, "token_type": "Bearer", "expires_in": 32398}), post="grant_type=client_credentials",
          post_mime="application/x-www-form-urlencoded", t=-60, rtype=None),
    entry("POST", "https://api-m.paypal.com/v2/checkout/orders", [("Authorization", "Bearer " + PAYPAL_TOKEN_NEW), JSON_CT],
          body=j({"error": "invalid_token", "error_description": "The token passed in was not found in the system"}), post="{}", rtype=None)])
CKO_SBOX_ACCESS = jwt({"iss": "https://access.sandbox.checkout.com", "aud": "gateway", "iat": NOW - 60, "exp": NOW + 3540, "scope": "gateway"}, 154)
case("checkout_oauth_sandbox_token_on_live", "environment_mismatch", "CKO-07", [
    entry("POST", "https://access.sandbox.checkout.com/connect/token", [("Authorization", basic("ack_" + fill(155, 26, B32), fill(156, 40)))], status=200,
          body=j({"access_token": CKO_SBOX_ACCESS, "token_type": "Bearer", "expires_in": 3600}), post="grant_type=client_credentials&scope=gateway",
          post_mime="application/x-www-form-urlencoded", t=-60, rtype=None),
    entry("POST", "https://api.checkout.com/payments", [("Authorization", "Bearer " + CKO_SBOX_ACCESS), JSON_CT], body="", mime="", post=j({"amount": 1000}), rtype=None)])
case("square_sandbox_token_on_production", "environment_mismatch", "SQ-03 (environment half)", [
    entry("GET", "https://connect.squareup.com/v2/locations", [("Authorization", "Bearer " + SQ_SBX_TOKEN), ("Square-Version", "2026-09-17")], body=SQ_UNAUTHORIZED, rtype=None)])
case("stripe_style_checkout_key_wrong_env_get", "environment_mismatch", "CKO-02 on a GET", [
    entry("GET", "https://api.checkout.com/payments/pay_" + fill(157, 26, B32), [("Authorization", "Bearer " + CKO_SBOX_SK)], body="", mime="", rtype=None)])

# ------------------------------------------------------------------ invalid_credentials
case("stripe_invalid_api_key", "invalid_credentials", "STR-04", [
    entry("POST", "https://api.stripe.com/v1/charges", [("Authorization", "Bearer " + STRIPE_SK_TEST)], body=stripe_err("Invalid API Key provided: sk_test_" + "*" * 20 + STRIPE_SK_TEST[-4:]), rtype=None)])
case("github_bad_credentials", "invalid_credentials", "GH-01", [
    entry("GET", "https://api.github.com/user", [("Authorization", "Bearer " + GH_PAT)], body=j({"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}), rtype=None)])
case("openai_incorrect_api_key", "invalid_credentials", "OAI-02", [
    entry("POST", "https://api.openai.com/v1/chat/completions", [("Authorization", "Bearer " + OPENAI_KEY), JSON_CT],
          body=j({"error": {"message": "Incorrect API key provided: sk-proj-****" + OPENAI_KEY[-4:] + ".", "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}}), post="{}", rtype=None)])
case("adyen_invalid_api_key", "invalid_credentials", "ADY-01", [
    entry("POST", "https://checkout-test.adyen.com/v71/sessions", [("X-API-Key", ADYEN_KEY), JSON_CT], body=ADYEN_401, post="{}", rtype=None)])
case("twilio_authenticate_20003", "invalid_credentials", "TW-01", [
    entry("POST", f"https://api.twilio.com/2010-04-01/Accounts/{TW_SID}/Messages.json", [("Authorization", basic(TW_SID, TW_TOKEN))],
          body=j({"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}),
          post="To=%2B15005550006&Body=hi", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("sendgrid_grant_invalid", "invalid_credentials", "SG-01", [
    entry("POST", "https://api.sendgrid.com/v3/mail/send", [("Authorization", "Bearer " + SENDGRID_KEY), JSON_CT],
          body=j({"errors": [{"message": "The provided authorization grant is invalid, expired, or revoked", "field": None, "help": None}]}), post="{}", rtype=None)])
case("supabase_invalid_api_key", "invalid_credentials", "SB-02: stale build cache", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/todos?select=*", [("Origin", "https://todo.example"), ("apikey", SB_ANON), ("Authorization", "Bearer " + SB_ANON)],
          body=j({"message": "Invalid API key", "hint": "Double check your Supabase `anon` or `service_role` API key."}))])
case("aws_s3_signature_does_not_match", "invalid_credentials", "AWS-01", [
    entry("PUT", "https://example-bucket.s3.amazonaws.com/uploads/report.pdf", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_AKID}/20261014/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + fill(158, 64, HEX)),
        ("X-Amz-Date", "20261014T093000Z"), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD")], status=403, mime="application/xml",
        body="<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>",
        rtype=None)])
case("aws_invalid_client_token_id", "invalid_credentials", "AWS-02", [
    entry("POST", "https://sts.amazonaws.com/", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_AKID}/20261014/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + fill(159, 64, HEX)),
        ("X-Amz-Date", "20261014T093000Z")], status=403, mime="text/xml",
        body="<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>",
        post="Action=GetCallerIdentity&Version=2011-06-15", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("stripe_expired_rolled_key", "invalid_credentials", "STR-06: the key was rolled", [
    entry("GET", "https://api.stripe.com/v1/customers", [("Authorization", "Bearer " + STRIPE_RK_TEST)],
          body=stripe_err("Expired API Key provided: rk_test_***" + STRIPE_RK_TEST[-6:], code="api_key_expired"), rtype=None)])
case("paypal_classic_credentials_as_rest", "invalid_credentials", "PP-04", [
    entry("POST", "https://api-m.sandbox.paypal.com/v1/oauth2/token", [("Authorization", basic("merchant-facilitator_api1.example.com", fill(160, 16, UPPER + DIGITS)))],
          body=PP_INVALID_CLIENT, post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("midtrans_unknown_merchant_key", "invalid_credentials", "a sandbox key from another merchant account", [
    entry("GET", "https://api.sandbox.midtrans.com/v2/order-1001/status", [("Authorization", basic(MID_SB_SERVER))], body=CORE_UNKNOWN, rtype=None)])
case("razorpay_wrong_secret", "invalid_credentials", "RZP-03", [
    entry("POST", "https://api.razorpay.com/v1/orders", [("Authorization", basic(RZP_LIVE, RZP_SECRET))],
          body=j({"error": {"code": "BAD_REQUEST_ERROR", "description": "The api secret provided is invalid"}}), post=j({"amount": 50000}), rtype=None)])
case("xendit_invalid_secret_key", "invalid_credentials", "a deleted secret key", [
    entry("POST", "https://api.xendit.co/v2/invoices", [("Authorization", basic(XND_DEV))], body=XND_INVALID, post="{}", rtype=None)])
case("okta_invalid_ssws_token", "invalid_credentials", "OA-10: revoked API token", [
    entry("GET", "https://example.okta.com/api/v1/users?limit=25", [("Authorization", "SSWS " + OKTA_TOKEN)],
          body=j({"errorCode": "E0000011", "errorSummary": "Invalid token provided", "errorLink": "E0000011", "errorId": "oae" + fill(161, 20), "errorCauses": []}), rtype=None)])

# ------------------------------------------------------------------ token_not_yet_valid
case("oauth_jwt_nbf_in_future", "token_not_yet_valid", "OA-08: jwt not active", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "aud": "https://api.example.com", "iss": "https://login.example.com/", "nbf": NOW + 240, "iat": NOW + 240, "exp": NOW + 3840}, 162))],
          body=j({"name": "NotBeforeError", "message": "jwt not active", "date": "2026-10-14T09:34:00.000Z"}))])
case("golang_api_iat_in_future", "token_not_yet_valid", "golang-jwt: Token used before issued", [
    entry("GET", "https://minio.example.com/api/v1/buckets", [("Authorization", "Bearer " + jwt({"sub": "console", "iat": NOW + 90, "exp": NOW + 3690}, 163, "HS256"))],
          body=j({"code": 401, "detailedMessage": "Token used before issued"}), rtype=None)])
case("api_clock_behind_date_header", "token_not_yet_valid", "the API's clock (Date) is 10 min behind the issuer", [
    entry("GET", "https://api.example.com/v1/reports", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "iat": NOW - 30, "nbf": NOW - 30, "exp": NOW + 3570}, 164))],
          resp=[("Date", "Wed, 14 Oct 2026 09:20:00 GMT")], body="")])
case("symfony_iat_in_future_timezone", "token_not_yet_valid", "issuer clock an hour ahead (time zone)", [
    entry("GET", "https://shop-api.example.com/api/cart", [PAGE_APP, ("Authorization", "Bearer " + jwt({"username": "ana", "iat": NOW + 3600, "exp": NOW + 7200}, 165))],
          body=j({"code": 401, "message": "Invalid JWT Token"}))])

# ------------------------------------------------------------------ wrong_key_type
case("stripe_publishable_key_on_charges_403", "wrong_key_type", "STR-07 (current: 403 PermissionError)", [
    entry("POST", "https://api.stripe.com/v1/charges", [("Authorization", "Bearer " + STRIPE_PK_TEST)], status=403,
          body=stripe_err("This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys."), rtype=None)])
case("stripe_publishable_key_on_payment_intents_401", "wrong_key_type", "STR-07 (older: 401)", [
    entry("POST", "https://api.stripe.com/v1/payment_intents", [("Authorization", "Bearer " + STRIPE_PK_TEST)],
          body=stripe_err("This API call cannot be made with a publishable API key. Please use a secret API key."), rtype=None)])
case("midtrans_client_key_as_server_key_core", "wrong_key_type", "MID-07", [
    entry("POST", "https://api.midtrans.com/v2/charge", [("Authorization", basic(MID_PROD_CLIENT)), JSON_CT], body=core("Transaction cannot be authorized with the current client/server key."), post=ORDER, rtype=None)])
case("midtrans_client_key_as_server_key_snap", "wrong_key_type", "MID-07 on Snap sandbox", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [("Authorization", basic(MID_SB_CLIENT)), JSON_CT], body=SNAP_401, post=ORDER, rtype=None)])
case("checkout_public_key_on_payments", "wrong_key_type", "CKO-03", [
    entry("POST", "https://api.sandbox.checkout.com/payments", [("Authorization", "Bearer " + CKO_SBOX_PK), JSON_CT], body="", mime="", post=j({"amount": 1000}), rtype=None)])
case("xendit_public_key_on_invoices", "wrong_key_type", "XND-02", [
    entry("POST", "https://api.xendit.co/v2/invoices", [("Authorization", basic(XND_PUB_DEV))],
          body=j({"error_code": "INVALID_API_KEY", "message": "The API key provided is invalid. Please make sure to use the secret/public API key that you can obtain from the Xendit Dashboard"}), post="{}", rtype=None)])
case("square_application_id_as_token", "wrong_key_type", "SQ-02", [
    entry("GET", "https://connect.squareupsandbox.com/v2/locations", [("Authorization", "Bearer " + SQ_SBX_APP_ID)],
          body=j({"errors": [{"code": "UNAUTHORIZED", "detail": "The `Authorization` http header of your request was incorrect or expired.", "category": "AUTHENTICATION_ERROR"}]}), rtype=None)])
case("google_api_key_as_bearer", "wrong_key_type", "an API key where an OAuth token belongs", [
    entry("GET", "https://www.googleapis.com/drive/v3/files", [("Authorization", "Bearer " + GOOGLE_KEY)], resp=[("WWW-Authenticate", GOOGLE_REALM + ', error="invalid_token"')], body=GOOGLE_401_INVALID, rtype=None)])
case("google_api_key_not_supported", "wrong_key_type", "People API needs OAuth", [
    entry("GET", "https://people.googleapis.com/v1/people/me?personFields=names&key=" + GOOGLE_KEY, [("Origin", "https://app.example.com")],
          body=j({"error": {"code": 401, "message": "API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal.", "status": "UNAUTHENTICATED"}}))])
case("stripe_card_token_as_api_key", "wrong_key_type", "STR-04 variant: tok_ as the key", [
    entry("POST", "https://api.stripe.com/v1/charges", [("Authorization", "Bearer tok_" + fill(166, 24))], body=stripe_err("Invalid API Key provided: tok_****" + fill(166, 24)[-4:]), rtype=None)])
case("adyen_client_key_as_api_key", "wrong_key_type", "the Drop-in client key in X-API-Key", [
    entry("POST", "https://checkout-test.adyen.com/v71/payments", [("X-API-Key", ADYEN_CLIENT_TEST), JSON_CT], body=ADYEN_401, post="{}", rtype=None)])

# ------------------------------------------------------------------ insufficient_scope
case("oauth_insufficient_scope_403", "insufficient_scope", "OA-06", [
    entry("GET", "https://api.example.com/api/messages", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=403,
          resp=[("WWW-Authenticate", 'Bearer realm="api", error="insufficient_scope", error_description="Insufficient Scope", scope="read:messages"')], body="")])
case("google_insufficient_scope_403", "insufficient_scope", "GG-03", [
    entry("GET", "https://people.googleapis.com/v1/people/me/connections", [("Authorization", "Bearer " + GOOGLE_TOKEN)], status=403,
          resp=[("www-authenticate", GOOGLE_REALM + ', error="insufficient_scope", scope="https://www.googleapis.com/auth/contacts https://www.googleapis.com/auth/contacts.readonly"')],
          body=j({"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED"}}), rtype=None)])
case("stripe_restricted_key_missing_permission", "insufficient_scope", "STR-08", [
    entry("GET", "https://api.stripe.com/v1/accounts/acct_1PJBLEBBLEfV", [("Authorization", "Bearer " + STRIPE_RK_TEST)], status=403,
          body=stripe_err("The provided key 'rk_test_***" + STRIPE_RK_TEST[-6:] + "' does not have the required permissions for this endpoint on account 'acct_1PJBLEBBLEfV'. Having the 'rak_accounts_kyc_id_numbers_read' permission would allow this request to continue."), rtype=None)])
case("github_actions_token_not_accessible", "insufficient_scope", "GH-04", [
    entry("GET", "https://api.github.com/user", [("Authorization", "Bearer " + GH_APP)], status=403,
          body=j({"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}), rtype=None)])
case("paypal_capture_not_authorized_403", "insufficient_scope", "PP-08", [
    entry("POST", "https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T/capture", [("Authorization", "Bearer " + PAYPAL_TOKEN_NEW), JSON_CT], status=403,
          body=j({"name": "NOT_AUTHORIZED", "details": [{"issue": "PERMISSION_DENIED", "description": "You do not have permission to access or perform operations on this resource."}], "message": "Authorization failed due to insufficient permissions.", "debug_id": "6b1d4a51a2e5b"}), post="{}", rtype=None)])
case("xendit_key_forbidden_balance", "insufficient_scope", "XND-03", [
    entry("GET", "https://api.xendit.co/balance", [("Authorization", basic(XND_DEV))], status=403,
          body=j({"error_code": "REQUEST_FORBIDDEN_ERROR", "message": "The API key is forbidden to perform this request"}), rtype=None)])
case("square_orders_insufficient_permissions", "insufficient_scope", "SQ-05", [
    entry("POST", "https://connect.squareup.com/v2/orders", [("Authorization", "Bearer " + SQ_TOKEN), JSON_CT], status=403,
          body=j({"errors": [{"code": "FORBIDDEN", "detail": "You have insufficient permissions to perform that action.", "category": "AUTHENTICATION_ERROR"}]}), post="{}", rtype=None)])
case("sendgrid_access_forbidden", "insufficient_scope", "SG-02", [
    entry("POST", "https://api.sendgrid.com/v3/mail/send", [("Authorization", "Bearer " + SENDGRID_KEY), JSON_CT], status=403,
          body=j({"errors": [{"message": "access forbidden", "field": None, "help": None}]}), post="{}", rtype=None)])
case("openai_restricted_key_missing_scope_401", "insufficient_scope", "OAI-06: OpenAI answers 401", [
    entry("POST", "https://api.openai.com/v1/responses", [("Authorization", "Bearer " + OPENAI_KEY), JSON_CT],
          body=j({"error": {"message": "You have insufficient permissions for this operation. Missing scopes: api.responses.write. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.", "type": "invalid_request_error", "param": None, "code": None}}), post="{}", rtype=None)])
case("adyen_credential_not_allowed_403", "insufficient_scope", "ADY-03", [
    entry("POST", "https://management-test.adyen.com/v3/companies/ExampleCo/webhooks", [("X-API-Key", ADYEN_KEY), JSON_CT], status=403,
          body=j({"status": 403, "errorCode": "010", "message": "Not allowed", "errorType": "security"}), post="{}", rtype=None)])
case("supabase_permission_denied_42501", "insufficient_scope", "SB-05: anon key only, table not granted", [
    entry("POST", f"https://{SB_REF}.supabase.co/rest/v1/orders", [("Origin", "https://todo.example"), ("apikey", SB_ANON), ("Authorization", "Bearer " + SB_ANON), JSON_CT],
          body=j({"code": "42501", "details": None, "hint": None, "message": "permission denied for table orders"}), post="{}")])
case("firestore_missing_permissions_no_id_token", "insufficient_scope", "FB-02", [
    entry("POST", f"https://firestore.googleapis.com/v1/projects/demo-shop/databases/(default)/documents:commit?key={GOOGLE_KEY}", [("Origin", "https://demo-shop.web.app"), JSON_CT], status=403,
          body=j({"error": {"code": 403, "message": "Missing or insufficient permissions.", "status": "PERMISSION_DENIED"}}), post="{}")])
case("checkout_scoped_key_disputes_session", "insufficient_scope", "CKO-05: the same key works for payments", [
    entry("GET", "https://api.sandbox.checkout.com/payments/pay_" + fill(167, 26, B32), [("Authorization", "Bearer " + CKO_SBOX_SK)], status=200, body=j({"id": "pay_x", "status": "Captured"}), t=-30, rtype=None),
    entry("GET", "https://api.sandbox.checkout.com/disputes", [("Authorization", "Bearer " + CKO_SBOX_SK)], body="", mime="", rtype=None)])
case("aws_iam_not_authorized_to_perform", "insufficient_scope", "IAM policy lacks the action", [
    entry("POST", "https://dynamodb.eu-west-1.amazonaws.com/", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_AKID}/20261014/eu-west-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + fill(168, 64, HEX)),
        ("X-Amz-Date", "20261014T093000Z"), ("X-Amz-Target", "DynamoDB_20120810.PutItem")], status=400,
        body=j({"__type": "com.amazon.coral.service#AccessDeniedException", "Message": "User: arn:aws:iam::123456789012:user/app is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders"}), post="{}", t=-1, rtype=None),
    entry("POST", "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/report/invocations", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_AKID}/20261014/eu-west-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + fill(169, 64, HEX)),
        ("X-Amz-Date", "20261014T093000Z")], status=403,
        body=j({"Message": "User: arn:aws:iam::123456789012:user/app is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:eu-west-1:123456789012:function:report"}), post="{}", rtype=None)])

# ------------------------------------------------------------------ credentials_in_body
case("api_token_in_json_body", "credentials_in_body", "WEB-18", [
    entry("POST", "https://api.example.com/api/data", [PAGE_APP, JSON_CT], body=j({"message": "No authorization token was found"}), post=j({"token": VALID_JWT, "q": "orders"}))])
case("stripe_secret_key_in_json_body", "credentials_in_body", "the key in the JSON payload", [
    entry("POST", "https://api.stripe.com/v1/charges", [JSON_CT], body=stripe_err("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth."),
          post=j({"api_key": STRIPE_SK_TEST, "amount": 2000}), rtype=None)])
case("openai_key_in_json_body", "credentials_in_body", "", [
    entry("POST", "https://api.openai.com/v1/chat/completions", [JSON_CT], body=OAI_NO_KEY, post=j({"api_key": OPENAI_KEY, "model": "gpt-4o-mini"}), rtype=None)])
case("midtrans_server_key_in_json_body", "credentials_in_body", "", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [JSON_CT], body=SNAP_401, post=j({"server_key": MID_SB_SERVER, "transaction_details": {"order_id": "o-1", "gross_amount": 1}}), rtype=None)])
case("access_token_in_form_body_ignored", "credentials_in_body", "RFC 6750 form parameter the server does not read", [
    entry("POST", "https://api.example.com/v1/upload", [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="Unauthorized", mime="text/plain",
          post="access_token=" + fill(170, 40) + "&name=report", post_mime="application/x-www-form-urlencoded")])

# ------------------------------------------------------------------ credentials_in_query
case("github_access_token_query_param", "credentials_in_query", "removed in 2021", [
    entry("GET", "https://api.github.com/user?access_token=" + GH_PAT, [], body=GH_REQUIRES, rtype=None)])
case("stripe_key_in_query_string", "credentials_in_query", "", [
    entry("GET", "https://api.stripe.com/v1/customers?api_key=" + STRIPE_SK_TEST, [], body=stripe_err("You did not provide an API key."), rtype=None)])
case("openai_key_in_query", "credentials_in_query", "", [
    entry("GET", "https://api.openai.com/v1/models?api_key=" + OPENAI_KEY, [], body=OAI_NO_KEY, rtype=None)])
case("generic_api_token_in_query", "credentials_in_query", "", [
    entry("GET", "https://api.example.com/v1/orders?token=" + VALID_JWT, [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body=j({"error": "unauthorized"}))])
case("midtrans_server_key_in_query", "credentials_in_query", "", [
    entry("GET", "https://api.sandbox.midtrans.com/v2/order-1001/status?server_key=" + MID_SB_SERVER, [], body=CORE_PAYLOAD, rtype=None)])

# ------------------------------------------------------------------ preflight_rejected
PF_REQ = [("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "authorization,content-type")]
case("chromium_preflight_401_then_blocked", "preflight_rejected", "WEB-01 as Chromium records it", [
    page(url="https://app.example.com/orders"),
    entry("OPTIONS", "https://api.example.com/orders", PF_REQ, resp=[("WWW-Authenticate", 'Basic realm="api"')], body="Unauthorized", mime="text/plain", t=0.0, rtype="preflight"),
    entry("POST", "https://api.example.com/orders", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT), JSON_CT], status=0, body="", mime="", post="{}", t=0.004, error="net::ERR_FAILED")])
case("firefox_preflight_401_only", "preflight_rejected", "WEB-01 as Firefox records it: no blocked request", [
    page(url="https://app.example.com/orders", firefox=True),
    entry("OPTIONS", "https://api.example.com/orders", PF_REQ, resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="", mime="", t=0.002, firefox=True)])
case("preflight_403_auth_middleware", "preflight_rejected", "an auth guard on OPTIONS answering 403", [
    page(url="https://app.example.com/orders"),
    entry("OPTIONS", "https://api.example.com/orders/42", [("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "authorization")],
          status=403, body="Forbidden", mime="text/plain", rtype="preflight"),
    entry("PUT", "https://api.example.com/orders/42", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=0, body="", mime="", post="{}", t=0.003, error="net::ERR_FAILED")])
case("preflight_allow_headers_wildcard", "preflight_rejected", "WEB-02: * does not cover Authorization", [
    page(url="https://app.example.com/orders"),
    entry("OPTIONS", "https://api.example.com/orders", PF_REQ, status=204,
          resp=[("Access-Control-Allow-Origin", "https://app.example.com"), ("Access-Control-Allow-Methods", "GET, POST"), ("Access-Control-Allow-Headers", "*")], body="", mime="", rtype="preflight"),
    entry("POST", "https://api.example.com/orders", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT), JSON_CT], status=0, body="", mime="", post="{}", t=0.004, error="net::ERR_FAILED")])
case("midtrans_snap_called_from_browser", "preflight_rejected", "MID-09: server key from the page; the preflight fails", [
    page(),
    entry("OPTIONS", "https://app.sandbox.midtrans.com/snap/v1/transactions", [PAGE, ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "authorization,content-type")],
          body=SNAP_401, rtype="preflight"),
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [PAGE, ("Authorization", basic(MID_SB_SERVER)), JSON_CT], status=0, body="", mime="", post=ORDER, t=0.005, error="net::ERR_FAILED")])
case("firefox_preflight_403_gateway", "preflight_rejected", "Firefox: a gateway authorizer refusing OPTIONS", [
    entry("OPTIONS", "https://gw.example.com/v2/payments", [("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "authorization,content-type")],
          status=403, resp=[("x-amzn-ErrorType", "AccessDeniedException")], body=j({"Message": "User is not authorized to access this resource"}), t=0.002, firefox=True)])

# ------------------------------------------------------------------ authorization_dropped_on_redirect
case("redirect_to_regional_host_drops_authorization", "authorization_dropped_on_redirect", "WEB-03", [
    entry("GET", "https://api.example.com/v1/items", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=301,
          resp=[("Location", "https://api-eu.example.com/v1/items")], redirect="https://api-eu.example.com/v1/items", body="", mime=""),
    entry("GET", "https://api-eu.example.com/v1/items", [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body=j({"error": "missing token"}), t=0.05)])
case("trailing_slash_307_to_http", "authorization_dropped_on_redirect", "WEB-04", [
    entry("POST", "https://api.example.com/api/v1/portfolios", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT), JSON_CT], status=307,
          resp=[("Location", "http://api.example.com/api/v1/portfolios/")], redirect="http://api.example.com/api/v1/portfolios/", body="", mime="", post="{}"),
    entry("POST", "http://api.example.com/api/v1/portfolios/", [PAGE_APP, JSON_CT], body=j({"detail": "Not authenticated"}), post="{}", t=0.04)])
case("bare_domain_to_www_redirect", "authorization_dropped_on_redirect", "example-shop.com -> www.", [
    entry("GET", "https://example-shop.com/api/cart", [("Authorization", "Bearer " + fill(171, 40))], status=308,
          resp=[("Location", "https://www.example-shop.com/api/cart")], redirect="https://www.example-shop.com/api/cart", body="", mime="", rtype=None),
    entry("GET", "https://www.example-shop.com/api/cart", [], body=j({"error": "unauthorized"}), t=0.03, rtype=None)])
case("same_origin_redirect_header_lost_by_client", "authorization_dropped_on_redirect", "a client library that drops it on any redirect", [
    entry("GET", "https://api.example.com/v1/reports/latest", [("Authorization", "Bearer " + fill(172, 40))], status=302,
          resp=[("Location", "/v1/reports/2026-10")], body="", mime="", rtype=None),
    entry("GET", "https://api.example.com/v1/reports/2026-10", [], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="", t=0.03, rtype=None)])

# ------------------------------------------------------------------ cookie_not_sent
LOGIN = j({"email": "ana@example.com", "password": "correct horse battery"})
case("cookie_cross_origin_without_credentials_include", "cookie_not_sent", "WEB-16", [
    page(url="https://app.example.com/login"),
    entry("POST", "https://api.example.com/auth/login", [PAGE_APP, JSON_CT], status=200, resp=[("Set-Cookie", "sid=" + fill(173, 32) + "; Path=/; HttpOnly; Secure; SameSite=None"), ("Access-Control-Allow-Origin", "https://app.example.com")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://api.example.com/me", [PAGE_APP], body=j({"error": "not logged in"}))])
case("cookie_samesite_lax_cross_site", "cookie_not_sent", "WEB-17", [
    page(url="https://shop.example/account"),
    entry("POST", "https://api.shop-backend.com/login", [PAGE, JSON_CT], status=200,
          resp=[("Set-Cookie", "session=" + fill(174, 32) + "; Path=/; HttpOnly; Secure; SameSite=Lax"), ("Access-Control-Allow-Origin", "https://shop.example"), ("Access-Control-Allow-Credentials", "true")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://api.shop-backend.com/account", [PAGE], body=j({"error": "unauthenticated"}))])
case("cookie_without_samesite_cross_site", "cookie_not_sent", "no SameSite: Chromium treats it as Lax", [
    page(url="https://shop.example/account"),
    entry("POST", "https://api.shop-backend.com/login", [PAGE, JSON_CT], status=200,
          resp=[("Set-Cookie", "connect.sid=" + fill(175, 32) + "; Path=/; HttpOnly"), ("Access-Control-Allow-Origin", "https://shop.example"), ("Access-Control-Allow-Credentials", "true")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://api.shop-backend.com/orders", [PAGE], body=j({"error": "unauthenticated"}))])
case("cookie_host_only_set_by_auth_subdomain", "cookie_not_sent", "Set-Cookie without Domain on auth.example.com", [
    page(url="https://app.example.com/"),
    entry("POST", "https://auth.example.com/login", [PAGE_APP, JSON_CT], status=200, resp=[("Set-Cookie", "auth_session=" + fill(176, 32) + "; Path=/; HttpOnly; Secure; SameSite=Lax")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://api.example.com/me", [PAGE_APP], body=j({"error": "not logged in"}))])
case("cookie_path_limited_to_auth", "cookie_not_sent", "Path=/auth does not cover /api", [
    page(url="https://example.com/"),
    entry("POST", "https://example.com/auth/login", [("Origin", "https://example.com"), JSON_CT], status=200, resp=[("Set-Cookie", "sessionid=" + fill(177, 32) + "; Path=/auth; HttpOnly; Secure")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://example.com/api/me", [("Referer", "https://example.com/")], body=j({"detail": "Authentication credentials were not provided."}))])

# ------------------------------------------------------------------ wrong_audience
case("auth0_id_token_sent_as_access_token", "wrong_token_type", "OA-05", [
    entry("GET", "https://api.example.com/api/private", [PAGE_APP, ("Authorization", "Bearer " + jwt({"iss": "https://example.eu.auth0.com/", "sub": "auth0|42", "aud": "Xq3b9Lw0cLientId0000000000000000", "iat": NOW - 60, "exp": NOW + 35940, "nonce": "n-0S6_WzA2Mj", "email": "ana@example.com"}, 178))],
          resp=[BEARER_INVALID], body=j({"message": "Unauthorized"}))])
case("jwt_audience_invalid_expected", "wrong_audience", "OA-03", [
    entry("GET", "http://localhost:3003/api/orders", [("Origin", "http://localhost:3000"), ("Authorization", "Bearer " + jwt({"iss": "https://example.eu.auth0.com/", "sub": "u1", "aud": "https://orders-api", "iat": NOW - 60, "exp": NOW + 3540}, 179))],
          body=j({"name": "UnauthorizedError", "message": "jwt audience invalid. expected: http://localhost:3003/api/"}))])
case("supabase_token_from_other_project", "wrong_audience", "SB-03", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/orders?select=*", [("Origin", "https://todo.example"), ("apikey", SB_ANON),
          ("Authorization", "Bearer " + jwt({"iss": f"https://{SB_OTHER}.supabase.co/auth/v1", "ref": SB_OTHER, "sub": "5f1c", "aud": "authenticated", "role": "authenticated", "iat": NOW - 60, "exp": NOW + 3540}, 180, "HS256"))],
          body=j({"code": "PGRST301", "message": "JWSError JWSInvalidSignature"}))])
ORDERS_TOKEN = jwt({"iss": "https://login.example.com/", "sub": "u1", "aud": "https://api.example.com/orders", "iat": NOW - 120, "exp": NOW + 3480}, 181)
BILLING_TOKEN = jwt({"iss": "https://login.example.com/", "sub": "u1", "aud": "https://billing.example.com", "iat": NOW - 100, "exp": NOW + 3500}, 182)
case("token_for_other_api_same_host", "wrong_audience", "the billing token sent to the orders API", [
    entry("GET", "https://api.example.com/orders", [PAGE_APP, ("Authorization", "Bearer " + ORDERS_TOKEN)], status=200, body="[]", t=-10),
    entry("GET", "https://api.example.com/orders/export", [PAGE_APP, ("Authorization", "Bearer " + BILLING_TOKEN)], resp=[BEARER_INVALID], body="")])
case("auth0_dev_tenant_token_on_production_api", "wrong_audience", "the app signs in against the dev tenant", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + jwt({"iss": "https://example-dev.eu.auth0.com/", "sub": "auth0|42", "aud": "https://api.example.com", "iat": NOW - 60, "exp": NOW + 3540, "scope": "read:orders"}, 183))],
          resp=[BEARER_INVALID], body="")])

# ------------------------------------------------------------------ wrong_auth_scheme
case("basic_challenge_bearer_sent", "wrong_auth_scheme", "an intranet API behind Basic auth", [
    entry("GET", "https://reports.internal.example.com/api/v1/summary", [("Authorization", "Bearer " + fill(184, 40))], resp=[("WWW-Authenticate", 'Basic realm="reports", charset="UTF-8"')], body="", rtype=None)])
case("bearer_challenge_basic_sent", "wrong_auth_scheme", "an HTTP client's auth option sends Basic", [
    entry("GET", "https://api.example.com/v1/orders", [("Authorization", basic("svc-reports", fill(185, 24)))], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="", rtype=None)])
case("midtrans_bearer_instead_of_basic", "wrong_auth_scheme", "", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [("Authorization", "Bearer " + MID_SB_SERVER), JSON_CT], body=SNAP_401, post=ORDER, rtype=None)])
case("xendit_bearer_instead_of_basic", "wrong_auth_scheme", "", [
    entry("POST", "https://api.xendit.co/v2/invoices", [("Authorization", "Bearer " + XND_DEV)], body=XND_INVALID, post="{}", rtype=None)])
case("okta_bearer_instead_of_ssws", "wrong_auth_scheme", "OA-10", [
    entry("GET", "https://example.okta.com/api/v1/users?limit=25", [("Authorization", "Bearer " + OKTA_TOKEN)],
          body=j({"errorCode": "E0000011", "errorSummary": "Invalid token provided", "errorLink": "E0000011", "errorId": "oae" + fill(186, 20), "errorCauses": []}), rtype=None)])
case("github_password_basic_auth", "wrong_auth_scheme", "GH-03", [
    entry("GET", "https://api.github.com/user/repos", [("Authorization", basic("octo-dev", "hunter2-" + fill(187, 8)))],
          body=j({"message": "Bad credentials. The API can't be accessed using username/password authentication. Please create a personal access token to access this endpoint: http://github.com/settings/tokens", "documentation_url": "https://docs.github.com/rest"}), rtype=None)])
case("razorpay_lowercase_basic_scheme", "wrong_auth_scheme", "RZP-04", [
    entry("POST", "https://api.razorpay.com/v1/orders", [("Authorization", "basic " + b64(RZP_TEST + ":" + RZP_SECRET))],
          body=j({"error": {"code": "BAD_REQUEST_ERROR", "description": "Authentication failed"}}), post=j({"amount": 50000}), rtype=None)])
case("adyen_api_key_as_bearer", "wrong_auth_scheme", "Adyen wants X-API-Key", [
    entry("POST", "https://checkout-test.adyen.com/v71/paymentMethods", [("Authorization", "Bearer " + ADYEN_KEY), JSON_CT], body=ADYEN_401, post="{}", rtype=None)])

# ------------------------------------------------------------------ stale_token
OLD_JWT = jwt({"sub": "u1", "iss": "https://api.example.com/", "iat": NOW - 5400, "exp": NOW + 1800}, 188, "HS256")
NEW_JWT = jwt({"sub": "u1", "iss": "https://api.example.com/", "iat": NOW - 2, "exp": NOW + 7198}, 189, "HS256")
case("login_then_request_with_old_token", "stale_token", "WEB-10: axios default set at import time", [
    page(url="https://app.example.com/"),
    entry("GET", "https://api.example.com/api/me", [PAGE_APP, ("Authorization", "Bearer " + OLD_JWT)], resp=[BEARER_INVALID], body=j({"message": "Unauthenticated."}), t=-6),
    entry("POST", "https://api.example.com/api/login", [PAGE_APP, JSON_CT], status=200, body=j({"token": NEW_JWT, "user": {"id": 1}}), post=LOGIN, t=-2),
    entry("GET", "https://api.example.com/api/me", [PAGE_APP, ("Authorization", "Bearer " + OLD_JWT)], resp=[BEARER_INVALID], body=j({"message": "Unauthenticated."}))])
OPAQUE_OLD = fill(190, 40)
OPAQUE_NEW = fill(191, 40)
case("refresh_then_old_token_used", "stale_token", "the refresh worked, one client kept the old token", [
    entry("POST", "https://auth.example.com/oauth/token", [JSON_CT], status=200, body=j({"access_token": OPAQUE_OLD, "token_type": "Bearer", "expires_in": 900, "refresh_token": fill(192, 40)}), post="{}", t=-1000),
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_OLD)], status=200, body="[]", t=-950),
    entry("POST", "https://auth.example.com/oauth/token", [JSON_CT], status=200, body=j({"access_token": OPAQUE_NEW, "token_type": "Bearer", "expires_in": 900, "refresh_token": fill(193, 40)}), post="{}", t=-60),
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_NEW)], status=200, body="[]", t=-55),
    entry("GET", "https://api.example.com/v1/invoices", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_OLD)], resp=[BEARER_INVALID], body="")])
case("newer_jwt_succeeded_then_old_used", "stale_token", "two tabs: one refreshed, the other still sends the old token", [
    entry("GET", "https://api.example.com/api/cart", [PAGE_APP, ("Authorization", "Bearer " + OLD_JWT)], status=200, body="{}", t=-600),
    entry("GET", "https://api.example.com/api/cart", [PAGE_APP, ("Authorization", "Bearer " + NEW_JWT)], status=200, body="{}", t=-30),
    entry("POST", "https://api.example.com/api/cart/items", [PAGE_APP, ("Authorization", "Bearer " + OLD_JWT), JSON_CT], resp=[BEARER_INVALID], body=j({"message": "token revoked"}), post="{}")])
case("paypal_new_token_old_still_used", "stale_token", "a worker kept the first token", [
    entry("POST", "https://api-m.paypal.com/v1/oauth2/token", [("Authorization", basic(PAYPAL_CLIENT_ID, PAYPAL_SECRET))], status=200,
          body=j({"access_token": PAYPAL_TOKEN_OLD, "token_type": "Bearer", "expires_in": 32398}), post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", t=-3000, rtype=None),
    entry("POST", "https://api-m.paypal.com/v1/oauth2/token", [("Authorization", basic(PAYPAL_CLIENT_ID, PAYPAL_SECRET))], status=200,
          body=j({"access_token": PAYPAL_TOKEN_NEW, "token_type": "Bearer", "expires_in": 32398}), post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded", t=-100, rtype=None),
    entry("GET", "https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T", [("Authorization", "Bearer " + PAYPAL_TOKEN_OLD)],
          body=j({"error": "invalid_token", "error_description": "Token signature verification failed"}), rtype=None)])

# ------------------------------------------------------------------ more catalog cases
case("square_whole_header_pasted_as_token", "malformed_authorization", "SQ-03: the SDK was given 'Authorization: Bearer …' as the token (and a sandbox token on production)", [
    entry("POST", "https://connect.squareup.com/v2/locations/L1/transactions", [("Authorization", "Bearer Authorization: Bearer " + SQ_SBX_TOKEN), JSON_CT], body=SQ_UNAUTHORIZED, post="{}", rtype=None)])
case("auth0_encrypted_token_without_audience", "wrong_audience", "OA-04: a JWE for /userinfo", [
    entry("GET", "https://api.example.com/api/private", [PAGE_APP, ("Authorization", "Bearer " + b64url(j({"alg": "dir", "enc": "A256GCM", "iss": "https://example.eu.auth0.com/"})) + ".." + fill(208, 16, URLSAFE) + "." + fill(209, 120, URLSAFE) + "." + fill(210, 22, URLSAFE))],
          resp=[BEARER_INVALID], body=j({"message": "Invalid Compact JWS"}))])
case("aws_s3_request_time_too_skewed", "token_not_yet_valid", "AWS-04: the client clock is 20 min ahead", [
    entry("GET", "https://example-bucket.s3.amazonaws.com/reports/q3.csv", [
        ("Authorization", f"AWS4-HMAC-SHA256 Credential={AWS_AKID}/20261014/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + fill(211, 64, HEX)),
        ("X-Amz-Date", "20261014T095000Z"), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD")], status=403, mime="application/xml", resp=[("Date", "Wed, 14 Oct 2026 09:30:00 GMT")],
        body="<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261014T095000Z</RequestTime><ServerTime>2026-10-14T09:30:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>", rtype=None)])
case("aws_s3_presigned_url_expired", "expired_token", "a pre-signed URL cached past X-Amz-Expires", [
    entry("GET", "https://example-bucket.s3.amazonaws.com/invoices/42.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + AWS_AKID + "%2F20261014%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261014T080000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=" + fill(212, 64, HEX),
          [], status=403, mime="application/xml", body="<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>900</X-Amz-Expires></Error>", rtype="document")])
case("apache_php_strips_authorization", "invalid_credentials", "WEB-13: PHP-FPM never sees the header", [
    entry("GET", "https://shop.example/api/v1/orders", [PAGE, ("Authorization", "Bearer " + VALID_JWT)], body=j({"error": "Token not provided"}))])
case("google_key_referrer_blocked_403", "insufficient_scope", "GG-04 variant: the key is restricted to other referrers", [
    entry("GET", "https://maps.googleapis.com/maps/api/js/GeocodeService.Search?key=" + GOOGLE_KEY, [("Referer", "https://staging.shop.example/")], status=403,
          body=j({"error": {"code": 403, "message": "Requests from referer https://staging.shop.example/ are blocked.", "status": "PERMISSION_DENIED", "details": [{"reason": "API_KEY_HTTP_REFERRER_BLOCKED"}]}}))])
case("openrouter_key_sent_to_openai", "damaged_credentials", "OAI-03: another provider's key (the mask shows sk-or-v1)", [
    entry("POST", "https://api.openai.com/v1/chat/completions", [("Authorization", "Bearer sk-or-" + "v1-" + fill(213, 64, HEX)), JSON_CT],
          body=j({"error": {"message": "Incorrect API key provided: sk-or-v1****" + fill(213, 64, HEX)[-4:] + ".", "type": "invalid_request_error", "code": "invalid_api_key"}}), post="{}", rtype=None)])
case("twilio_api_key_sid_with_auth_token", "invalid_credentials", "TW-02", [
    entry("GET", f"https://api.twilio.com/2010-04-01/Accounts/{TW_SID}/Calls.json", [("Authorization", basic("SK" + fill(214, 32, HEX), TW_TOKEN))],
          body=j({"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}), rtype=None)])

# ------------------------------------------------------------------ busy sessions and near misses
def noise(n, t0, seed):
    """Healthy page traffic: scripts, images, analytics, a preflight, a 404."""
    out = []
    for i in range(n):
        k = (seed + i) % 5
        t = t0 + i * 0.2
        if k == 0:
            out.append(entry("GET", f"https://cdn.example.com/assets/app.{fill(seed + i, 8, HEX)}.js", [], status=200, body="/* js */", mime="application/javascript", t=t, rtype="script"))
        elif k == 1:
            out.append(entry("GET", f"https://cdn.example.com/img/{i}.png", [], status=200, body="", mime="image/png", t=t, rtype="image"))
        elif k == 2:
            out.append(entry("POST", "https://analytics.example.net/collect", [("Origin", "https://app.example.com")], status=204, body="", mime="", post="{}", t=t))
        elif k == 3:
            out.append(entry("OPTIONS", "https://api.example.com/v1/items", PF_REQ, status=204,
                             resp=[("Access-Control-Allow-Origin", "https://app.example.com"), ("Access-Control-Allow-Headers", "authorization, content-type")], body="", mime="", t=t, rtype="preflight"))
        else:
            out.append(entry("GET", "https://app.example.com/favicon.ico", [], status=404, body="", mime="text/html", t=t, rtype="other"))
    return out

case("stale_token_in_a_busy_session", "stale_token", "WEB-10 with 40 unrelated requests in between", [
    page(url="https://app.example.com/", t=-30),
    entry("POST", "https://api.example.com/api/login", [PAGE_APP, JSON_CT], status=200, body=j({"data": {"token": NEW_JWT}}), post=LOGIN, t=-20),
    *noise(40, -19, 300),
    entry("GET", "https://api.example.com/api/notifications", [PAGE_APP, ("Authorization", "Bearer " + NEW_JWT)], status=200, body="[]", t=-5),
    entry("GET", "https://api.example.com/api/profile", [PAGE_APP, ("Authorization", "Bearer " + OLD_JWT)], resp=[BEARER_INVALID], body=j({"message": "Unauthenticated."}))])
case("redirect_with_requests_in_between", "authorization_dropped_on_redirect", "WEB-03 with other traffic between the redirect and the 401", [
    entry("GET", "https://api.example.com/v2/reports", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=302,
          resp=[("Location", "https://reports.example-cdn.net/v2/reports")], redirect="https://reports.example-cdn.net/v2/reports", body="", mime="", t=-1),
    *noise(6, -0.9, 400),
    entry("GET", "https://reports.example-cdn.net/v2/reports", [PAGE_APP], body=j({"error": "unauthorized"}), t=0.5)])
case("control_401_after_logout", None, "the page logged out itself (the cookie was deleted): the 401 that follows is expected, not a client bug", [
    page(url="https://app.example.com/"),
    entry("POST", "https://api.example.com/auth/login", [PAGE_APP, JSON_CT], status=200, resp=[("Set-Cookie", "sid=" + fill(201, 32) + "; Path=/; HttpOnly; Secure; SameSite=None")], body="{}", post=LOGIN, t=-60),
    entry("POST", "https://api.example.com/auth/logout", [PAGE_APP, ("Cookie", "sid=" + fill(201, 32))], status=204, resp=[("Set-Cookie", "sid=; Path=/; Max-Age=0")], body="", mime="", t=-10),
    entry("GET", "https://api.example.com/me", [PAGE_APP], body=j({"error": "not logged in"}))])
case("missing_credentials_redirect_never_had_it", "missing_credentials", "near miss for authorization_dropped_on_redirect", [
    entry("GET", "https://api.example.com/v1/items", [PAGE_APP], status=301, resp=[("Location", "https://api-eu.example.com/v1/items")], redirect="https://api-eu.example.com/v1/items", body="", mime="", t=-0.1),
    entry("GET", "https://api-eu.example.com/v1/items", [PAGE_APP], resp=[("WWW-Authenticate", 'Bearer realm="api"')], body="")])
case("preflight_ok_then_expired_token", "expired_token", "near miss for preflight_rejected: the preflight passed", [
    page(url="https://app.example.com/orders"),
    entry("OPTIONS", "https://api.example.com/orders", PF_REQ, status=204,
          resp=[("Access-Control-Allow-Origin", "https://app.example.com"), ("Access-Control-Allow-Headers", "Authorization, Content-Type")], body="", mime="", rtype="preflight"),
    entry("POST", "https://api.example.com/orders", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "iat": NOW - 7200, "exp": NOW - 3600}, 202)), JSON_CT],
          resp=[("WWW-Authenticate", 'Bearer error="invalid_token", error_description="jwt expired"')], body="", post="{}", t=0.01)])
case("stripe_publishable_key_invalid_on_tokens", "invalid_credentials", "near miss for wrong_key_type: the right kind of key, but unknown", [
    page(),
    entry("POST", "https://api.stripe.com/v1/tokens", [PAGE, ("Authorization", "Bearer " + "pk_" + "test_" + fill(203, 24))], body=stripe_err("Invalid API Key provided: pk_test_****" + fill(203, 24)[-4:]))])
case("login_token_itself_refused", "invalid_signature", "near miss for stale_token: the newest token is the one refused, and the server says its signature does not verify", [
    entry("POST", "https://api.example.com/api/login", [PAGE_APP, JSON_CT], status=200, body=j({"token": NEW_JWT}), post=LOGIN, t=-2),
    entry("GET", "https://api.example.com/api/me", [PAGE_APP, ("Authorization", "Bearer " + NEW_JWT)], resp=[BEARER_INVALID], body=j({"message": "invalid signature"}))])
case("iat_within_leeway_invalid_signature", "invalid_signature", "near miss for token_not_yet_valid: iat 3 s ahead, the server says the signature is invalid", [
    entry("GET", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + jwt({"sub": "u1", "iat": NOW + 3, "exp": NOW + 3603}, 204))],
          resp=[BEARER_INVALID], body=j({"message": "invalid signature"}))])
case("expired_id_token", "expired_token", "near miss for wrong_audience: an ID token, but expired first", [
    entry("GET", "https://api.example.com/api/private", [PAGE_APP, ("Authorization", "Bearer " + jwt({"iss": "https://example.eu.auth0.com/", "aud": "Xq3b9Lw0cLientId0000000000000000", "nonce": "n1", "iat": NOW - 90000, "exp": NOW - 54000}, 205))],
          resp=[("WWW-Authenticate", 'Bearer realm="api", error="invalid_token", error_description="jwt expired"')], body="")])
case("supabase_apikey_in_query_invalid", "invalid_credentials", "near miss for credentials_in_query: Supabase reads ?apikey=", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/todos?select=*&apikey=" + jwt({"iss": "supabase", "ref": SB_REF, "role": "anon", "iat": 1760000000, "exp": 2075576000}, 206, "HS256"), [("Origin", "https://todo.example")],
          body=j({"message": "Invalid API key", "hint": "Double check your Supabase `anon` or `service_role` API key."}))])
case("forbidden_without_any_credential", "missing_credentials", "near miss for insufficient_scope: nobody to grant a permission to", [
    entry("DELETE", "https://api.example.com/v1/orders/42", [PAGE_APP], status=403, body=j({"error": "Forbidden", "message": "You are not authorized to perform this action"}))])

# ------------------------------------------------------------------ controls: no cause on any entry
case("control_midtrans_snap_sandbox_ok", None, "MID-01", [
    entry("POST", "https://app.sandbox.midtrans.com/snap/v1/transactions", [("Authorization", basic(MID_SB_SERVER)), JSON_CT, ("Accept", "application/json")], status=201,
          body=j({"token": "66e4fa55-fdac-4ef9-91b5-733b97d1b862", "redirect_url": "https://app.sandbox.midtrans.com/snap/v4/redirection/66e4fa55-fdac-4ef9-91b5-733b97d1b862"}), post=ORDER, rtype=None)])
case("control_stripe_404_live_object_test_key", None, "STR-09: a mode mix-up, but a 404", [
    entry("GET", "https://api.stripe.com/v1/customers/cus_" + fill(194, 14), [("Authorization", "Bearer " + STRIPE_SK_TEST)], status=404,
          body=stripe_err("No such customer: 'cus_x'; a similar object exists in live mode, but a test mode key was used to make this request.", code="resource_missing"), rtype=None)])
case("control_github_rate_limit_403", None, "GH-06", [
    entry("GET", "https://api.github.com/repos/octo/app/issues", [("Authorization", "Bearer " + GH_PAT)], status=403, resp=[("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1791973800")],
          body=j({"message": "API rate limit exceeded for user ID 1.", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}), rtype=None)])
case("control_github_secondary_rate_limit_403", None, "GH-06 secondary limit", [
    entry("POST", "https://api.github.com/repos/octo/app/issues", [("Authorization", "Bearer " + GH_PAT)], status=403, resp=[("Retry-After", "60")],
          body=j({"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}), post="{}", rtype=None)])
case("control_github_404_private_repo", None, "GH-05: 404, not 403", [
    entry("GET", "https://api.github.com/repos/octo/private-app", [("Authorization", "Bearer " + GH_PAT)], status=404, body=j({"message": "Not Found", "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository"}), rtype=None)])
case("control_checkout_422_processing_channel", None, "valid key, not bound to a processing channel", [
    entry("POST", "https://api.sandbox.checkout.com/payments", [("Authorization", "Bearer " + CKO_SBOX_SK), JSON_CT], status=422,
          body=j({"request_id": "0HMQ3V0QK2N1D", "error_type": "request_invalid", "error_codes": ["processing_channel_id_required"]}), post="{}", rtype=None)])
case("firebase_400_invalid_api_key", "invalid_credentials", "FB-01: a 400, but its body says the API key is not valid: an authentication failure (was a control until 2026-12-07)", [
    entry("POST", "https://identitytoolkit.googleapis.com/v1/accounts:signUp?key=" + GOOGLE_KEY, [("Origin", "https://demo-shop.web.app"), JSON_CT], status=400,
          body=j({"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "errors": [{"message": "API key not valid. Please pass a valid API key.", "domain": "global", "reason": "badRequest"}], "status": "INVALID_ARGUMENT"}}), post="{}")])
case("google_400_api_key_invalid", "invalid_credentials", "GG-04: a 400 that says the API key is not valid (was a control until 2026-12-07)", [
    entry("GET", "https://maps.googleapis.com/maps/api/geocode/json?address=Jakarta&key=" + GOOGLE_KEY, [("Origin", "https://shop.example")], status=400,
          body=j({"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT", "details": [{"reason": "API_KEY_INVALID"}]}}))])
case("control_aws_apigw_missing_authentication_token", None, "AWS-05: an undeployed route; decided not an auth failure", [
    entry("GET", "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/api/resource/foo", [("Origin", "https://app.example.com")], status=403,
          resp=[("x-amzn-ErrorType", "MissingAuthenticationTokenException"), ("x-amzn-RequestId", "7c1e3b1e-0000-4000-8000-000000000001")],
          body=j({"message": "Missing Authentication Token"}))])
case("control_midtrans_402_channel_not_enabled", None, "a 402 in a 200 body: the key is fine", [
    entry("POST", "https://api.sandbox.midtrans.com/v2/charge", [("Authorization", basic(MID_SB_SERVER)), JSON_CT], status=200,
          body=core("Payment channel is not activated.", "402"), post=ORDER, rtype=None)])
case("control_cors_preflight_then_ok", None, "a healthy preflight and request", [
    page(url="https://app.example.com/orders"),
    entry("OPTIONS", "https://api.example.com/orders", PF_REQ, status=204,
          resp=[("Access-Control-Allow-Origin", "https://app.example.com"), ("Access-Control-Allow-Methods", "POST"), ("Access-Control-Allow-Headers", "Authorization, Content-Type")], body="", mime="", rtype="preflight"),
    entry("POST", "https://api.example.com/orders", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT), JSON_CT], status=201, body="{}", post="{}", t=0.01)])
case("control_same_origin_redirect_keeps_authorization", None, "the header survives a same-origin redirect", [
    entry("GET", "https://api.example.com/v1/items", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=301, resp=[("Location", "/v1/items/")], body="", mime=""),
    entry("GET", "https://api.example.com/v1/items/", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT)], status=200, body="[]", t=0.03)])
case("control_cookie_session_sent", None, "credentials: include done right", [
    page(url="https://app.example.com/login"),
    entry("POST", "https://api.example.com/auth/login", [PAGE_APP, JSON_CT], status=200, resp=[("Set-Cookie", "sid=" + fill(195, 32) + "; Path=/; HttpOnly; Secure; SameSite=None"), ("Access-Control-Allow-Credentials", "true")],
          body=j({"ok": True}), post=LOGIN, t=-3),
    entry("GET", "https://api.example.com/me", [PAGE_APP, ("Cookie", "sid=" + fill(195, 32))], status=200, body=j({"id": 1}))])
case("control_openai_429_rate_limit", None, "a rate limit", [
    entry("POST", "https://api.openai.com/v1/chat/completions", [("Authorization", "Bearer " + OPENAI_KEY), JSON_CT], status=429,
          body=j({"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM).", "type": "requests", "code": "rate_limit_exceeded"}}), post="{}", rtype=None)])
case("control_proxy_407", None, "the proxy wants credentials, not the API", [
    entry("GET", "https://api.example.com/v1/orders", [("Authorization", "Bearer " + VALID_JWT)], status=407, resp=[("Proxy-Authenticate", 'Basic realm="corp-proxy"')], body="", rtype=None)])
case("control_stripe_publishable_key_tokens", None, "a publishable key where it belongs", [
    page(),
    entry("POST", "https://api.stripe.com/v1/tokens", [PAGE, ("Authorization", "Bearer " + STRIPE_PK_TEST)], status=200, body=j({"id": "tok_1", "object": "token"}))])
case("control_supabase_anon_select", None, "the anon key with RLS", [
    entry("GET", f"https://{SB_REF}.supabase.co/rest/v1/products?select=*", [("Origin", "https://todo.example"), ("apikey", SB_ANON), ("Authorization", "Bearer " + SB_ANON)], status=200, body="[]")])
case("control_oauth_client_secret_post", None, "client credentials in the form body of a token endpoint", [
    entry("POST", "https://auth.example.com/oauth/token", [("Content-Type", "application/x-www-form-urlencoded")], status=200,
          body=j({"access_token": fill(196, 40), "token_type": "Bearer", "expires_in": 3600}),
          post="grant_type=client_credentials&client_id=reports&client_secret=" + fill(197, 32), post_mime="application/x-www-form-urlencoded", rtype=None)])
case("control_google_maps_key_in_query", None, "a browser key in ?key= is how Maps works", [
    entry("GET", "https://maps.googleapis.com/maps/api/geocode/json?address=Bandung&key=" + GOOGLE_KEY, [("Origin", "https://shop.example")], status=200, body=j({"status": "OK", "results": []}))])
case("control_aws_s3_presigned_get", None, "a signed URL", [
    entry("GET", "https://example-bucket.s3.amazonaws.com/invoices/42.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + AWS_AKID + "%2F20261014%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261014T092900Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=" + fill(198, 64, HEX),
          [], status=200, body="", mime="application/pdf", rtype="document")])
case("control_checkout_404_payment_not_found", None, "a valid key and an unknown id", [
    entry("GET", "https://api.sandbox.checkout.com/payments/pay_" + fill(199, 26, B32), [("Authorization", "Bearer " + CKO_SBOX_SK)], status=404, body="", mime="", rtype=None)])
case("control_stripe_402_card_declined", None, "a decline is not an auth failure", [
    entry("POST", "https://api.stripe.com/v1/payment_intents/pi_1/confirm", [("Authorization", "Bearer " + STRIPE_SK_TEST)], status=402,
          body=stripe_err("Your card was declined.", typ="card_error", code="card_declined"), rtype=None)])
case("control_api_422_validation", None, "a validation error", [
    entry("POST", "https://api.example.com/v1/orders", [PAGE_APP, ("Authorization", "Bearer " + VALID_JWT), JSON_CT], status=422,
          body=j({"errors": {"quantity": ["must be greater than 0"]}}), post=j({"quantity": 0}))])
case("control_xendit_ok_then_404", None, "healthy Xendit calls", [
    entry("GET", "https://api.xendit.co/balance", [("Authorization", basic(XND_DEV))], status=200, body=j({"balance": 1000000}), t=-5, rtype=None),
    entry("GET", "https://api.xendit.co/v2/invoices/inv_missing", [("Authorization", basic(XND_DEV))], status=404, body=j({"error_code": "INVOICE_NOT_FOUND_ERROR", "message": "Invoice not found"}), rtype=None)])
case("control_sendgrid_202", None, "mail accepted", [
    entry("POST", "https://api.sendgrid.com/v3/mail/send", [("Authorization", "Bearer " + SENDGRID_KEY), JSON_CT], status=202, body="", mime="", post="{}", rtype=None)])
case("control_twilio_429", None, "Twilio concurrency limit", [
    entry("POST", f"https://api.twilio.com/2010-04-01/Accounts/{TW_SID}/Messages.json", [("Authorization", basic(TW_SID, TW_TOKEN))], status=429,
          body=j({"code": 20429, "message": "Too Many Requests", "status": 429}), post="To=%2B15005550006&Body=hi", post_mime="application/x-www-form-urlencoded", rtype=None)])
case("control_busy_healthy_session", None, "60 healthy requests: preflights, redirects, cookies, a token refresh", [
    page(url="https://app.example.com/", t=-100),
    entry("POST", "https://auth.example.com/oauth/token", [JSON_CT], status=200, body=j({"access_token": OPAQUE_OLD, "token_type": "Bearer", "expires_in": 900}), post="{}", t=-95),
    entry("POST", "https://api.example.com/auth/session", [PAGE_APP, JSON_CT], status=200, resp=[("Set-Cookie", "sid=" + fill(207, 32) + "; Path=/; HttpOnly; Secure; SameSite=None")], body="{}", post="{}", t=-94),
    *noise(50, -93, 500),
    entry("GET", "https://api.example.com/v1/items", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_OLD), ("Cookie", "sid=" + fill(207, 32))], status=301, resp=[("Location", "/v1/items/")], body="", mime="", t=-50),
    entry("GET", "https://api.example.com/v1/items/", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_OLD), ("Cookie", "sid=" + fill(207, 32))], status=200, body="[]", t=-49.9),
    entry("POST", "https://auth.example.com/oauth/token", [JSON_CT], status=200, body=j({"access_token": OPAQUE_NEW, "token_type": "Bearer", "expires_in": 900}), post="{}", t=-20),
    entry("GET", "https://api.example.com/v1/items/", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_NEW), ("Cookie", "sid=" + fill(207, 32))], status=200, body="[]", t=-10),
    entry("GET", "https://api.example.com/v1/missing", [PAGE_APP, ("Authorization", "Bearer " + OPAQUE_NEW)], status=404, body="{}", t=-5)])
case("control_logout_then_public_page", None, "after logout, a public endpoint", [
    entry("POST", "https://api.example.com/auth/logout", [PAGE_APP], status=204, resp=[("Set-Cookie", "sid=; Path=/; Max-Age=0")], body="", mime="", t=-2),
    entry("GET", "https://api.example.com/public/products", [PAGE_APP], status=200, body="[]")])


case("github_token_one_character_short", "damaged_credentials", "a token copied one character short", [
    entry("GET", "https://api.github.com/user/repos", [("Authorization", "Bearer " + GH_PAT[:-1]), ("Accept", "application/vnd.github+json")],
          body=j({"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}), rtype=None)])
case("api_key_quoted_in_env", "damaged_credentials", "the .env value kept its quotes, in a custom header", [
    entry("GET", "https://api.example.com/v1/reports", [PAGE_APP, ("X-API-Key", "'" + fill(715, 40) + "'")], body=j({"error": "invalid_api_key", "message": "Invalid API key."}))])
case("bearer_env_line_pasted", "damaged_credentials", "STRIPE_SECRET_KEY=… pasted whole", [
    entry("GET", "https://api.stripe.com/v1/customers", [("Authorization", "Bearer STRIPE_SECRET_KEY=" + STRIPE_SK_TEST)], body=stripe_err("Invalid API Key provided: STRIPE_S*****************************" + STRIPE_SK_TEST[-4:]), rtype=None)])

case("github_fine_grained_token_sso_not_authorized", "sso_enforcement", "a token created before the org enforced SAML SSO, used from a CI script", [
    entry("GET", "https://api.github.com/repos/acme-corp/payments/pulls?state=open", [("Authorization", "Bearer " + GH_PAT), ("Accept", "application/vnd.github+json")], status=403,
          resp=[("X-GitHub-SSO", "required; url=https://github.com/orgs/acme-corp/sso?authorization_request=AZSCKtL4")],
          body=j({"message": "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.", "documentation_url": "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/", "status": "403"}), rtype=None)])
case("simplejwt_refresh_token_as_access_after_login", "wrong_token_type", "the login response's refresh token stored as the access token", [
    entry("POST", "https://api.example.com/api/token/", [PAGE_APP, JSON_CT], status=200,
          body=j({"refresh": jwt({"token_type": "refresh", "exp": NOW + 86000, "iat": NOW - 5, "jti": "r9", "user_id": 3}, 716, "HS256"), "access": jwt({"token_type": "access", "exp": NOW + 295, "iat": NOW - 5, "jti": "a9", "user_id": 3}, 717, "HS256")}), post=LOGIN, t=-5),
    entry("GET", "https://api.example.com/api/orders/", [PAGE_APP, ("Authorization", "Bearer " + jwt({"token_type": "refresh", "exp": NOW + 86000, "iat": NOW - 5, "jti": "r9", "user_id": 3}, 716, "HS256"))],
          body=j({"detail": "Given token not valid for any token type", "code": "token_not_valid", "messages": [{"token_class": "AccessToken", "token_type": "access", "message": "Token has wrong type"}]}))])
case("slack_token_revoked_200", "revoked_token", "the app was uninstalled; Slack answers 200 ok:false", [
    entry("POST", "https://slack.com/api/chat.postMessage", [JSON_CT, ("Authorization", "Bearer xoxb-" + fill(718, 12, DIGITS) + "-" + fill(719, 13, DIGITS) + "-" + fill(720, 24))], status=200,
          body=j({"ok": False, "error": "token_revoked"}), post=j({"channel": "C1", "text": "hi"}), rtype=None)])

case("opaque_refresh_token_sent_as_access_token", "wrong_token_type", "the login response's refresh_token stored where the access token belongs", [
    entry("POST", "https://auth.example.com/oauth/token", [JSON_CT], status=200,
          body=j({"access_token": "at_" + fill(742, 40), "refresh_token": "rt_" + fill(743, 40), "token_type": "Bearer", "expires_in": 900}), post=j({"grant_type": "password"}), t=-30),
    entry("GET", "https://api.example.com/v1/profile", [PAGE_APP, ("Authorization", "Bearer rt_" + fill(743, 40))],
          resp=[("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"')], body="")])

case("stripe_key_in_curly_quotes", "damaged_credentials", "the key was copied from a wiki page that curled its quotes", [
    entry("GET", "https://api.stripe.com/v1/customers", [("Authorization", "Bearer \u201c" + STRIPE_SK_TEST + "\u201d")],
          body=stripe_err("Invalid API Key provided: \u201csk_test_*****************************" + STRIPE_SK_TEST[-4:]), rtype=None)])
case("api_key_header_with_bearer_word", "damaged_credentials", "the shared HTTP client prefixes every credential with Bearer, the API-key header too", [
    entry("GET", "https://api.example.com/v1/reports", [PAGE_APP, ("X-API-Key", "Bearer " + fill(744, 40))], body=j({"error": "invalid_api_key", "message": "Invalid API key."}))])
case("sendgrid_key_base64_encoded", "damaged_credentials", "the key went through the Basic-auth helper before it was put after Bearer", [
    entry("POST", "https://api.sendgrid.com/v3/mail/send", [JSON_CT, ("Authorization", "Bearer " + b64("SG." + fill(745, 22, URLSAFE) + "." + fill(746, 43, URLSAFE)))],
          body=j({"errors": [{"field": None, "message": "The provided authorization grant is invalid, expired, or revoked"}]}), post=j({"personalizations": []}), rtype=None)])
case("basic_pair_sent_as_bearer", "wrong_auth_scheme", "an intranet API takes Basic; the client put base64(user:password) after Bearer, and the 401 has no challenge", [
    entry("GET", "https://intranet-api.example.com/v1/reports", [PAGE_APP, ("Authorization", "Bearer " + b64("svc-reports:" + fill(747, 20)))], body=j({"message": "Unauthorized"}))])


def main():
    import real_cases  # noqa: F401  (defines the cases written from real bodies)
    CASES.update(real_cases.CASES_ADDED) if hasattr(real_cases, "CASES_ADDED") else None
    sources = real_cases.SOURCES
    expected = {}
    for name, (exp, note, entries) in sorted(CASES.items()):
        comment = f"expected: {exp if exp else 'null'} on the last entry" if exp else "expected: null (control: no entry may get a cause)"
        if note:
            comment += f" — {note}"
        firefox = all("_resourceType" not in e for e in entries) and any("+00:00" in e["startedDateTime"] for e in entries)
        creator = {"name": "Firefox", "version": "131.0"} if firefox else {"name": "authlens corpus (Chromium-style)", "version": "1"}
        har = {"log": {"version": "1.2", "creator": creator, "comment": comment, "entries": entries}}
        with open(os.path.join(HERE, name + ".har"), "w") as f:
            json.dump(har, f, indent=1)
            f.write("\n")
        expected[name] = {"cause": exp, "real": True, "source": sources[name]} if name in sources else exp
    for old in os.listdir(HERE):
        if old.endswith(".har") and old[:-4] not in CASES:
            os.remove(os.path.join(HERE, old))
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    n_ctrl = sum(1 for e in expected.values() if e is None or (isinstance(e, dict) and e["cause"] is None))
    print(f"wrote {len(CASES)} cases ({len(CASES) - n_ctrl} with an expected cause, {n_ctrl} controls)")


if __name__ == "__main__":
    import sys
    sys.modules["generate"] = sys.modules["__main__"]
    main()
