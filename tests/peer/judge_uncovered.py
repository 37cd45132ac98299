#!/usr/bin/env python3
"""Write tests/peer/uncovered-judgements.json: for each peer positive of an uncovered provider family
(found or missed), a `not_real` verdict where one can be read from the value itself (placeholder
runs: alphabet, digit, keyboard or counting runs, a repeated unit, marker words, well-known digests) or
from the provider's documented format (the hand list below, one reason per family and shape).
Vectors with neither stay unjudged and count as real.

    python3 ../shared/peer-suites/secrets/score.py --results /tmp/results.json
    python3 tests/peer/judge_uncovered.py /tmp/results.json tests/peer/uncovered-judgements.json [SUITE_DIR]

Every positive is judged the same way, found or missed: a judgement read from the value must not
depend on what authlens did with it. tests/peer/real_recall.py takes the judged vectors out of both
sides of the figure and counts the judged ones authlens flags anyway (placeholders it still
reports). Standard library only.
"""
import json,re,sys,collections,hashlib,os
R=json.load(open(sys.argv[1]))
OUT=sys.argv[2]
SUITE=sys.argv[3] if len(sys.argv)>3 else os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','shared','peer-suites','secrets')
V={}
for p in ('gitleaks','secretlint','detect-secrets','kingfisher'):
    with open(os.path.join(SUITE,p+'.json'),encoding='utf-8') as f:
        for v in json.load(f)['vectors']: V[v['id']]=v
miss=[r for r in R if r['kind']=='tp' and r['cls']=='uncovered']
TOK=re.compile(r"[A-Za-z0-9_\-./+=:$@~%!]{8,}")

def asc(w): return all(ord(w[j+1])==ord(w[j])+1 for j in range(len(w)-1))
def desc(w): return all(ord(w[j+1])==ord(w[j])-1 for j in range(len(w)-1))
def run_in(s,n,pred):
    for i in range(len(s)-n+1):
        w=s[i:i+n]
        if pred(w) and (asc(w) or desc(w)): return w
    return None
def dedupe(s): return re.sub(r'(.)\1+',r'\1',s)
def period(s):
    for p in range(2,17):
        best=cur=0;at=0
        for i in range(len(s)-p):
            if s[i]==s[i+p]:
                cur+=1
                if cur>best: best=cur;at=i-cur+1
            else: cur=0
        if best>=2*p and best>=16: return s[at:at+p]
    return None
MARKS=['EXAMPLE','example','xxxxx','XXXXX','FAKE','fake','placeholder','PLACEHOLDER','your_','YOUR_','dummy','DUMMY','RANDOMCONTENT','helloworld','testin_pretty','exactly-40','exactly_64']
KEYB=['qwerty','asdfgh','zxcvbn','poiuyt','lkjhgf','mnbvcx']
def known_digests():
    out={}
    for w in ['password','foo\n','foo','','test','secret','admin','hello']:
        for h in (hashlib.md5, hashlib.sha1, hashlib.sha256):
            out[h(w.encode()).hexdigest()]=f"{h().name} of {w!r}"
    return out
DIG=known_digests()
RFC_UUID='123e4567e89b12d3a456426614174'
def why_token(c):
    for m in MARKS:
        if m in c: return f"placeholder: the value holds `{m}`"
    if '123e4567-e89b-12d3-a456-426614174' in c or RFC_UUID in c or 'e89b-12d3' in c: return "placeholder: the example UUID of RFC 4122 (`123e4567-e89b-12d3-a456-426614174000`)"
    for h,w in DIG.items():
        if h in c.lower(): return f"placeholder: the value is the {w}"
    r=run_in(c,7,str.isalpha)
    if r: return f"placeholder: alphabet run `{r}`"
    r=run_in(c,8,str.isdigit)
    if r: return f"placeholder: digit sequence `{r}`"
    m=re.search(r'([^A])\1{5,}',c)
    if m: return f"placeholder: one character repeated `{m.group(0)}`"
    low=c.lower()
    for k in KEYB:
        if k in low: return f"placeholder: keyboard row `{k}`"
    if len(c)>=16:
        p=period(c)
        if p: return f"placeholder: the unit `{p}` repeated"
    letters=dedupe(''.join(ch for ch in c if ch.isalpha()).lower())
    r=run_in(letters,8,str.isalpha)
    if r: return f"placeholder: its letters read alone run `{r}` (a counting pattern)"
    digits=''.join(ch for ch in c if ch.isdigit())
    # digits count up or down modulo 10 (`1234567890123`)
    r=None
    for i in range(len(digits)-9):
        w=digits[i:i+10]
        if all((int(w[j+1])-int(w[j]))%10==1 for j in range(9)) or all((int(w[j])-int(w[j+1]))%10==1 for j in range(9)): r=w; break
    if r and len(digits)>=10: return f"placeholder: its digits read alone run `{r}` (a counting pattern)"
    return None
def strip_url_hosts(t):
    # a documentation host in a URL says nothing about the secret beside it
    return re.sub(r'https?://[^\s"\'/]+','',t)

# ---- hand judgements from the providers' documented formats (id prefix -> (reason))
H={}
def hand(reason,*ids):
    for i in ids: H[i]=reason
fam_ids=collections.defaultdict(list)
for r in miss: fam_ids[r['provider']].append(r['id'])
def ids_of(fam, pat=None, fmt=None):
    out=[]
    for i in fam_ids[fam]:
        v=V[i]
        if pat and not re.search(pat, v['text']): continue
        if fmt and fmt not in v['format']: continue
        out.append(i)
    return out
hand("not JFrog's format: JFrog access/identity tokens are JWTs (`eyJ…`), API keys `AKCp…`, reference tokens base64 of `reftkn:01:…` (`cmVmdGtuOjAxOj…`); this is a draw of lowercase letters and digits", *ids_of('jfrog', fmt='jfrog-identity-token'), *ids_of('jfrog', fmt='jfrog-api-key'), *ids_of('jfrog', fmt='artifactory-reference-token'))
hand("identifier: 64 hex characters is a Discord application's public (Ed25519 verification) key, shown as PUBLIC KEY in the developer portal", *ids_of('discord', fmt='discord-api-token'))
hand("wrong charset: Discord client secrets are 32 base64url characters, not 32 decimal digits", *ids_of('discord', fmt='discord-client-secret'))
hand("not a bot token: its first part is not the base64 of a decimal user id (Discord bot tokens start with base64 of the bot's snowflake id)", 'detect-secrets-0057-a8c6f2d4','detect-secrets-0058-6ce8833e','detect-secrets-0059-653b4908','detect-secrets-0060-9b70a0c9','detect-secrets-0061-f93fd0a5','detect-secrets-0062-83339c55','detect-secrets-0063-4a1fc959','kingfisher-0353-4d6471ca')
hand("example values: base64 of `mypassword`, `admin:password`, the Kubernetes documentation's `S!B\\*d$zDsb=`, or a .dockercfg for host `example` with auth `opensesame`", *[i for i in fam_ids['kubernetes'] if i not in ('gitleaks-0907-50f38970','gitleaks-0917-d7f9e77d')])
hand("identifier: the base64 of a CA certificate (public), not a key", 'gitleaks-0917-d7f9e77d')
hand("password hash: a crypt(3)/bcrypt hash must be cracked before it authenticates anything", *fam_ids['pwhash'])
hand("password hash: a Kerberos AS-REP blob to crack offline, not a credential", *fam_ids['krb5'])
hand("wrong charset: `%` is in no X/Twitter key format (base62 keys and secrets)", *ids_of('twitter', pat='%'))
hand("wrong charset: GitLab OAuth application secrets are `gloas-` + 64 hexadecimal characters; this draw has letters past `f`", *ids_of('gitlab', fmt='gitlab-oauth-app-secret'))
hand("a user's short-lived token: the `_gitlab_session` cookie of a signed-in browser", *ids_of('gitlab', fmt='gitlab-session-cookie'))
hand("identifier: the public key of a MongoDB Atlas API key pair", 'kingfisher-0802-6b194c35')
hand("placeholder: the password is the word `secret` / `myPassword` in a connection-string template", 'kingfisher-0864-702085c6','kingfisher-0865-5a9f4739','kingfisher-0866-c3e79d33','kingfisher-0867-836aef71','kingfisher-0868-d75136d6')
hand("template, not a value: the password is `#{datastore['DBPASSWORD']}`", 'kingfisher-0870-378bc5df')
hand("wrong charset: Datadog API keys are 32 and application keys 40 hexadecimal characters; this value has letters past `f` or capitals", 'gitleaks-0326-c655a133','gitleaks-0327-7cc282b1','gitleaks-0328-2f2b5322','gitleaks-0329-671a3300','kingfisher-0320-954844be')
hand("placeholder: the password says `Password` (`CleartextPassword1`, `TestSourcePassword`) in NuGet's documented example", *ids_of('nuget', fmt='nuget-config-password'))
hand("placeholder: `cafebabe:deadbeef` (hexspeak words) as the Sidekiq Enterprise user:password", *fam_ids['sidekiq'])
hand("not Slack's structure: workflow and trigger webhook URLs are `/workflows|triggers/T<team>/A<app>/<id>/<secret>`; this is one lowercase draw", *ids_of('slack', fmt='slack_workflow_webhook'))
hand("placeholder: `xox?-23984754863-23489756231NN` ids counted up across the file, no secret part", 'secretlint-0128-28f52f46')
hand("placeholder: an Azure storage key holding keyboard mash (`sdfsdfsdsgfsgfdgfdgfd`) for the local emulator (127.0.0.1); real keys are base64 of 64 bytes", 'kingfisher-0085-637f84a7')
hand("placeholder: a counting pattern `1a2b3c4d5e6f7a8b9c0d…`", 'kingfisher-0100-2bde4225')
hand("placeholder: a counting pattern `z8y7x6w5v4u3t2s1r0q9…`", 'kingfisher-0052-cf877f33')
hand("identifier: a 15-character Dropbox app key (the public half of the app's key/secret pair)", *ids_of('dropbox', fmt='dropbox-api-token'))
hand("a user's short-lived token: Dropbox `sl.` access tokens expire after four hours", *ids_of('dropbox', fmt='dropbox-api-secret-key'))
hand("a user's short-lived token: OpenShift `sha256~` OAuth access tokens (24 hours by default)", *fam_ids['openshift'])
hand("a user's short-lived token, and truncated: short-term Bedrock keys are `bedrock-api-key-` + base64 of a presigned URL; this is base64 of the host `bedrock.amazonaws.com` alone", *ids_of('aws', pat='bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'))
hand("a user's short-lived token: `EAACEdEose0cBA…` tokens come from the Graph API Explorer (a signed-in user's token, about an hour)", *ids_of('facebook', pat='EAACEdEose0cBA'))
hand("wrong charset: `=` inside the value; GoCardless access tokens are `live_`/`sandbox_` + base64url characters", *fam_ids['gocardless'])
hand("wrong charset: `=` in the middle of the part after `.atlasv1.` (`=` only pads base64 at the end)", *ids_of('terraform-cloud', fmt='hashicorp-tf-api-token'))
hand("weak example password (`thisIsDog11`, `rootpasswd`) in a Terraform sample, no key shape", *ids_of('terraform-cloud', fmt='hashicorp-tf-password'))
hand("not LaunchDarkly's format: access tokens are `api-<UUID>`, SDK keys `sdk-<UUID>`, mobile keys `mob-<UUID>`", *ids_of('launchdarkly'))
hand("wrong charset: Trello API keys are 32 and tokens 64 hexadecimal characters (`ATTA`-prefixed since 2023); this value has `n`, `-` or capitals", *fam_ids['trello'])
hand("placeholder or template: `mypass`, `$Password`, `%nothing%`, `PASSWORD`", 'kingfisher-1008-de4f2477','kingfisher-1009-356b3a27','kingfisher-1010-c436f982','kingfisher-1011-c95d97e5')
hand("placeholder: the password is `smtp_password`", 'kingfisher-1049-fbffb23f')
hand("wrong charset: Algolia API keys are 32 hexadecimal characters", 'kingfisher-0016-638cae7c')
hand("wrong charset: `=` inside a Frame.io token (`fio-u-` + base64url characters)", *ids_of('frameio', fmt='frameio-api-token'))
hand("wrong charset: `=` inside an Okta API token (`00` + base64url characters)", *ids_of('okta', fmt='okta-access-token'))
hand("weak password with no key shape and no name (`password123`, `letmein42`)", *fam_ids['weak_password'])
hand("not Airtable's format: legacy API keys are `key` + 14 characters, tokens `pat…`", *ids_of('airtable', fmt='airtable-api-key'))
hand("not Codecov's format: upload tokens are UUIDs", *ids_of('codecov', fmt='codecov-access-token'))
hand("identifier: a Confluent API key is the 16-character key id, useless without its 64-character secret", *ids_of('confluent', fmt='confluent-access-token'))
hand("not the literal password: the shell expands `$1` in `P@ssw0rd$1`", 'gitleaks-0259-3914ffa7')
hand("template, not a value: `--user \"{…}\":\"{…}\"`", 'gitleaks-0267-a89f61a8')
hand("no password: `Basic YnJvd3Nlcjo=` decodes to `browser:`", 'gitleaks-0294-e1d04560')
hand("not an Octopus API key (`API-` + 26 upper-case characters) and not on the curl command's line (no `\\` continuation before it)", 'gitleaks-0310-e6d848a4')
hand("wrong charset: `=` inside a Fastly API token", *ids_of('fastly', fmt='fastly-api-token'))
hand("impossible length: `FLWSECK_TEST` encryption keys have 12 hex characters with no dash; secret keys `FLWSECK_TEST-` + 32 hex + `-X`", *ids_of('flutterwave', pat='FLWSECK_TEST-3c55d04e89fc'))
hand("wrong charset: `=`, `_` or `-` inside; Kraken private keys are standard base64 of 64 bytes (`=` only at the end)", *ids_of('kraken', fmt='kraken-access-token'))
hand("wrong charset: New Relic user keys are `NRAK-` + 27 upper-case letters and digits", *ids_of('newrelic', fmt='new-relic-user-api-key'))
hand("wrong charset: Plaid secrets are 30 hexadecimal characters", *ids_of('plaid', fmt='plaid-secret-key'))
hand("a user's short-lived token: Yandex Cloud `t1.` IAM tokens live at most 12 hours", *ids_of('yandex', fmt='yandex-access-token'))
hand("wrong charset: Shopify tokens are the prefix + 32 hexadecimal characters; these are mixed-case letters (and 38 for `shpca_`/`shppa_`)", *fam_ids['shopify'])
hand("placeholder: `password 'password'`", *fam_ids['gradle'])
hand("placeholder: base64 of English words (`bookmark example instabot key 01`, `SomeSecretString123 instabot`, `This is an instabot api token example`)", *fam_ids['instabot'])
hand("weak password `pass123`", 'kingfisher-0826-40fab50b')
hand("placeholder: letter triples and digit triples in sequence (`ABC123DEF456`)", *fam_ids['uclassify'])
hand("wrong charset: CoinAPI keys are UUIDs; `Z` is not hexadecimal", 'kingfisher-0253-0a4268e9')
hand("placeholder: user `user`/`username` with password `pass`/`password`/`secret`, on example.com or another sample host", 'secretlint-0016-bb7e7dd2','secretlint-0018-055ec155','secretlint-0020-76a0159e','secretlint-0021-83fef2f3','secretlint-0022-318b762d','detect-secrets-0037-6a595506','kingfisher-1346-af070041','kingfisher-0470-9edba06e')
hand("placeholder: the App Configuration secret's letters run `CD…EF…GHIJ…LMNOPQRS`", 'kingfisher-0090-4b2b28a0','kingfisher-0091-a88e22f0')
hand("placeholder: a counting pattern `Xy9aB8cD7eF6gH5iJ4…`", 'kingfisher-0108-279969bf')
hand("not a live credential: LINE Notify was shut down on 31 March 2025; its tokens no longer authenticate", *fam_ids['notify'])
# second reading of the unjudged misses: content that shows the value is an example
hand("placeholder: a pattern of `w` and `-` around `AAAAA`/`BBBBB`", *[i for i in fam_ids['recaptcha'] if 'w-w-w' in V[i]['text']])
hand("placeholder: letters and digits that count (`abcdef12345`, `z9y8x7w6v5u`, `ab12cd34ef56g`, `abc123def456789a`, `abcde12345abcde67890…`, `123xyz456abc_789qrs012tuv345`, `xyz987uvw654mno321…`, `WXYZ9876wxyz5432MNOP1234…`, `a1b2c3e4f9g0h3i2j5k6m7n8…`, `ABC123XYZ789abcd5678`)", *[i for f in fam_ids for i in fam_ids[f] if re.search(r'abcdef12345\b|z9y8x7w6v5u|ab12cd34ef56g|abc123def456789a|abcde12345abcde67890|123xyz456abc_789qrs012tuv345|xyz987uvw654mno321|WXYZ9876wxyz5432MNOP1234|a1b2c3e4f9g0h3i2j5k6m7n8|ABC123XYZ789abcd5678', V[i]['text'])])
hand("placeholder: `XxXx…` between `0000`", *[i for f in fam_ids for i in fam_ids[f] if '0000XxXxXxXx' in V[i]['text']])
hand("placeholder: `abcdef123456abcdef123456` / `abcdefabcd1234abcdefabcd`", *[i for i in fam_ids['flightapi'] if re.search(r'abcdef123456abcdef123456|abcdefabcd1234abcdefabcd', V[i]['text'])])
hand("placeholder: a UUID assembled from `abcdef`, `1234`, `5678`, `9012` groups or counting digits", *[i for f in fam_ids for i in fam_ids[f] if re.search(r'1fb2c3d4-e5f6-7abc-8912-abcdef123456|abcdef12-1234-abcd-5678-abcdef123456|7654ba98-1234-cdef-5678-9012b3c4d5f6|987e6543-d21c-4b1d-a456-789654321abc|abcd1234-xyz9876uvw2345rst8901qpo6789ijkL|XYZ98765-WXYZ1234-KLMN5678-QRST9101|1234567-ABC1234-XYZ5678-0123456', V[i]['text'])])
hand("placeholder: keyboard mash of home-row letters (`LaKSDJF`, `ksdfj`, `sdfksjDH`, `dsfjall`)", *[i for f in fam_ids for i in fam_ids[f] if re.search(r'LaKSDJF98|ksdfjKHJ|sdfhQIh3sdfksj', V[i]['text'])])
hand("placeholder: base64 of a sentence ending `abcdefghijklmnopqrstuvwxyz`", *[i for i in fam_ids['fullstory'] if 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo' in V[i]['text']])
hand("placeholder: jwt.io's example token (sub `1234567890`, name `John Doe`, iat 1516239022)", *[i for f in fam_ids for i in fam_ids[f] if 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy' in V[i]['text']])
hand("placeholder: a JWT whose payload is its own header repeated", *[i for i in fam_ids['flightlabs'] if 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9eyJhbGci' in V[i]['text']])
hand("placeholder: one 34-character chunk (`eyA1ZXWmv5R8rysmZi54N…`) repeated", *[i for i in fam_ids['documo'] if V[i]['text'].count('ZXWmv5R8rysmZi54N') >= 3])
hand("weak password `P@ssw0rd123`", *[i for f in fam_ids for i in fam_ids[f] if re.search(r'password = P@ssw0rd123$', V[i]['text'])])
hand("not a Google API key: YouTube Data API keys are Google API keys, `AIza` + 35 characters", *[i for i in fam_ids['youtube'] if 'ALnwTyCRFtowWu' in V[i]['text']])
hand("a user's short-lived token: Mapbox `tk.` temporary tokens expire within an hour", *[i for i in fam_ids['mapbox'] if re.search(r'\btk\.eyJ', V[i]['text'])])
hand("not a server's secret: MapQuest keys are sent from the browser by its JavaScript SDK", *fam_ids['mapquest'])
hand("not Pushbullet's format: access tokens are `o.` + 32 characters", *fam_ids['pushbullet'])
hand("placeholder: `012345abcdef` as the password", *[i for i in fam_ids['netrc'] if 'password 012345abcdef' in V[i]['text']])
hand("wrong charset: OpenWeather API keys are 32 hexadecimal characters; this one has `k`, `r`, `j`, `m`", *[i for i in fam_ids['openweather'] if '3k144a5af729351d0fc58bdrj9a21mkr' in V[i]['text']])
hand("a user's short-lived token: a Salesforce session id (`00D<org id>!…`, the OAuth access token of a signed-in user)", *[i for i in fam_ids['salesforce'] if re.search(r'00D[A-Za-z0-9]{12}!', V[i]['text'])])
hand("not an issued format: Anthropic keys are `sk-ant-api03-…`; `api668` is no version", *[i for i in fam_ids['anthropic'] if 'sk-ant-api668-' in V[i]['text']])
hand("damaged key: the base64 decodes to a PEM body holding a backquote and a non-ASCII byte", *[i for i in fam_ids['pem'] if V[i]['text'].startswith('PRIVATE_KEY_B64=LS0t') and 'WChazlqS2RVeDQ9' in V[i]['text']])
hand("identifier: an email address, not a credential", *[i for i in fam_ids['eagleeyenetworks'] if '@' in V[i]['text']])
hand("placeholder: `abcd1234` as the key", *[i for i in fam_ids['mockaroo'] if 'mockaroo-secret-key=abcd1234' in V[i]['text']])
hand("placeholder: a reversed alphabet run", *[i for f in fam_ids for i in fam_ids[f] if re.search(r'ZYXWVUTSRQ|zyxwvutsrq', V[i]['text'])])

verdicts=collections.OrderedDict()
auto_n=0
for r in miss:
    v=V[r['id']]
    reason=H.get(r['id'])
    if not reason and r['provider'] not in ('flyio','kubernetes','azure','curl','url-credentials'):
        cands=[v['secret']] if v.get('secret') else TOK.findall(strip_url_hosts(v['text']))
        for c in cands:
            reason=why_token(c)
            if reason: auto_n+=1; break
    if reason:
        verdicts.setdefault((r['provider'],reason),[]).append(r['id'])
js={"about":"Peer positives of provider families authlens does not cover (score.py class `uncovered`) that authlens misses and that are not real secrets, each read against the provider's documented format. Vectors not listed count as real. Written by hand per family, and by reading the value for placeholder runs (alphabet, digit, keyboard or counting runs, one repeated unit, marker words, well-known digests). tests/peer/real_recall.py reads this file.",
    "judgements":[{"family":f,"verdict":"not_real","reason":why,"ids":sorted(ids)} for (f,why),ids in sorted(verdicts.items())]}
json.dump(js,open(OUT,'w'),indent=1,ensure_ascii=False)
n=sum(len(x['ids']) for x in js['judgements'])
print('judged',n,'auto',auto_n,'hand',n-auto_n,'of',len(miss))
