# Writes tests/redaction/audit_places.har and audit_places.secrets.json (run from the repository
# root: python3 tests/redaction/gen_audit_places.py .): the places a redaction audit of
# 2026-12-08 found leaking, one synthetic credential each. crates/authlens-cli/tests/redact_har.rs
# checks that no output of `authlens redact` or `authlens analyze` keeps any of them.
import json, random, base64
random.seed(20261208)
AL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
def r(n, al=AL): return "".join(random.choice(al) for _ in range(n))
def hx(n): return r(n, "0123456789abcdef")
S = {}
def sec(name, v): S[name] = v; return v
def b64u(d): return base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).decode().rstrip("=")
jwt = b64u({"alg": "RS256", "typ": "JWT"}) + "." + b64u({"sub": "u-77", "email": "ana@shop.test", "purpose": "verify-email", "exp": 1792000000}) + "." + r(43, AL + "-_")
entries = []
T = [0]
def e(method, url, status, req_h=(), resp_h=(), body="", mime="application/json", post=None, post_mime="application/json", extra=None):
    T[0] += 1
    ent = {"startedDateTime": f"2026-12-01T10:00:{T[0]:02d}.000Z", "time": 20,
           "request": {"method": method, "url": url, "httpVersion": "HTTP/1.1", "headers": [{"name": n, "value": v} for n, v in req_h],
                       "queryString": [], "cookies": [], "headersSize": -1, "bodySize": -1},
           "response": {"status": status, "statusText": "", "httpVersion": "HTTP/1.1", "headers": [{"name": n, "value": v} for n, v in resp_h],
                        "cookies": [], "content": {"size": len(body), "mimeType": mime, "text": body}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
           "cache": {}, "timings": {"send": 1, "wait": 18, "receive": 1}}
    if post is not None:
        ent["request"]["postData"] = {"mimeType": post_mime, "text": post}
    if extra: ent.update(extra)
    entries.append(ent)
sec("JWT in an e-mail verification path", jwt)
e("GET", f"https://app.shop.test/auth/verify-email/{jwt}", 200, body="{}")
e("GET", "https://app.shop.test/reset-password/" + sec("reset token in a path", hx(40)), 200, mime="text/html", body="<html></html>")
e("GET", "https://app.shop.test/callback#access_token=" + sec("access token in a request URL's fragment", r(32)) + "&token_type=Bearer&state=s1", 200, mime="text/html", body="<html></html>")
e("GET", "https://auth.shop.test/authorize?response_type=token&client_id=web", 302,
  resp_h=[("Location", "https://app.shop.test/cb#access_token=" + sec("access token in a Location fragment", r(36)) + "&expires_in=3600")], mime="text/html", body="")
e("POST", "https://app.shop.test/magic", 303, resp_h=[("Location", "/login/verify?token=" + sec("token in a relative Location", r(30)))], mime="text/html", body="")
e("GET", "https://api.shop.test/v1/me", 200, req_h=[("Referer", "https://app.shop.test/reset?token=" + sec("token in a Referer", r(34)))], body="{}")
e("GET", "https://auth.shop.test/login", 302, resp_h=[("Location", "https://app.shop.test/callback?code=" + sec("OAuth code in a Location", r(28)) + "&state=st-1")], mime="text/html", body="")
e("POST", "https://api.shop.test/oauth/token", 200, post="grant_type=client_credentials", post_mime="application/x-www-form-urlencoded",
  body='{"token_type":"Bearer","expires_in":3600,"access_token":"' + sec("access token with PHP's escaped slashes", r(20) + "/" + r(20)).replace("/", "\\/") + '"}')
rt = sec("refresh token with .NET's escaped plus", r(24) + "+" + r(24))
e("POST", "https://id.shop.test/connect/token", 200, post="grant_type=password&username=ana", post_mime="application/x-www-form-urlencoded",
  body='{"access_token":"opaque","refresh_token":"' + rt.replace("+", "\\u002B") + '","token_type":"Bearer"}')
big = '{"api_token":"' + sec("token at the start of a 70 KiB JSON body", r(40)) + '","items":[' + ",".join('{"id":%d,"name":"item %d"}' % (i, i) for i in range(3000)) + "]}"
e("GET", "https://api.shop.test/v1/catalog", 200, body=big)
e("GET", "https://api.shop.test/v1/session", 200, body=")]}'\n" + '{"sessionToken":"' + sec("token behind an XSSI prefix", r(38)) + '"}')
e("POST", "https://api.shop.test/login", 200, resp_h=[("Set-Cookie", "theme=dark; Path=/, sid=" + sec("second cookie of a comma-joined Set-Cookie", r(43, AL + "-_")) + "; Path=/; HttpOnly")], body="{}")
sid = sec("session cookie the server echoes", r(40))
e("GET", "https://api.shop.test/v1/orders", 401, req_h=[("Cookie", "sid=" + sid)], body='{"error":"session ' + sid + ' expired"}')
e("POST", "https://api.shop.test/upload", 200, req_h=[("Content-Type", "multipart/form-data; boundary=XyZ")],
  post='--XyZ\r\nContent-Disposition: form-data; name="user"\r\n\r\nana\r\n--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\n' + sec("password in a multipart part", r(18)) + "\r\n--XyZ--\r\n",
  post_mime="multipart/form-data; boundary=XyZ", body="{}")
e("GET", "https://legacy.shop.test/auth.asmx", 200, mime="text/xml", body="<?xml version=\"1.0\"?><AuthResult><AccessToken>" + sec("token in an XML element", r(36)) + "</AccessToken></AuthResult>")
e("GET", "https://app.shop.test/.env", 200, mime="text/plain", body="APP_NAME=shop\nAPI_TOKEN=" + sec("token in a served .env file", r(40)) + "\nDEBUG=false\n")
e("GET", "https://app.shop.test/account", 200, mime="text/html",
  body='<html><head><meta name="api-token" content="' + sec("token in an HTML meta tag", r(40)) + '"></head><body><form><input type="hidden" name="api_key" value="' + sec("key in a hidden input", r(32)) + '"></form></body></html>')
e("GET", "https://api.shop.test/events", 200, mime="text/event-stream", body='event: auth\ndata: {"token":"' + sec("token in an event stream", r(36)) + '"}\n\n')
e("GET", "wss://rt.shop.test/socket.io/?EIO=4&transport=websocket", 101, mime="", body="", extra={"_resourceType": "websocket", "_webSocketMessages": [
    {"type": "send", "time": 1764583300.1, "opcode": 1, "data": '42["authenticate",{"accessToken":"' + sec("token in a Socket.IO frame", r(36)) + '"}]'},
    {"type": "send", "time": 1764583300.2, "opcode": 1, "data": "CONNECT\naccept-version:1.2\nlogin:svc\npasscode:" + sec("STOMP passcode", r(22)) + "\n\n\u0000"}]})
e("GET", "https://app.shop.test/static/app.js", 200, mime="application/javascript",
  body='!function(){const API_KEY="' + sec("key assigned in a script", r(40)) + '";fetch("/api",{headers:{"X-Api-Key":API_KEY}})}();fetch("/proxy/{{key:stripe_secret_key_live}}/charges");')
e("POST", "https://api.shop.test/collections", 200, post='{"request":{"header":[{"key":"Authorization","value":"Bearer ' + sec("bearer token in a Postman-style header list", r(40)) + '"}]}}', body="{}")
e("POST", "https://api.shop.test/graphql", 200, post=json.dumps({"query": 'mutation { login(email: "ana@shop.test", password: "' + sec("password inline in a GraphQL document", r(16)) + '") { ok } }'}), body="{}")
e("GET", "https://api.shop.test/v1/files/7", 200, body='{"url":"https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=' + sec("presigned URL signature inside JSON", hx(64)) + '"}')
har = {"log": {"version": "1.2", "creator": {"name": "authlens fixture", "version": "1"},
               "comment": "captured with refresh_token=" + sec("token in the log's comment", r(40)),
               "pages": [{"startedDateTime": "2026-12-01T10:00:00.000Z", "id": "page_1", "title": "https://app.shop.test/", "pageTimings": {}, "comment": "token=" + sec("token in a page's comment", r(40))}],
               "entries": entries}}
import sys
root = sys.argv[1]
open(root + "/tests/redaction/audit_places.har", "w").write(json.dumps(har, indent=1) + "\n")
open(root + "/tests/redaction/audit_places.secrets.json", "w").write(json.dumps(S, indent=1) + "\n")
print(len(S), "secrets,", len(entries), "entries")
