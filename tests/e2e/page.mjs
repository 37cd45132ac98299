// The test page's script (served as /page.mjs). It waits until the extension's devtools page has
// reported "up" (so every request below is seen), sends the scenarios one after the other, and
// reports what happened on /__done.
import { buildScenarios } from './scenarios.mjs';

const out = document.getElementById('log');
const say = (line) => { out.textContent += line + '\n'; };

async function main() {
  say('waiting for the authlens devtools page…');
  const wait = await fetch('/__wait-devtools', { cache: 'no-store' });
  const hello = await wait.json();
  say(`devtools: ${JSON.stringify(hello)}`);

  const results = [];
  for (const s of buildScenarios(location.origin, Math.floor(Date.now() / 1000))) {
    const r = { name: s.name, method: s.method, url: s.url };
    // The E2E build restarts its engine on this request; what follows is analysed by the new one.
    if (s.restartEngineFirst) await fetch('/__e2e-restart-engine', { cache: 'no-store' }).catch(() => {});
    try {
      if (s.load === 'script') {
        // A classic script element: the browser lists it as a script (and DevTools in Sources).
        await new Promise((resolve, reject) => {
          const el = document.createElement('script');
          el.src = s.url;
          el.onload = resolve;
          el.onerror = () => reject(new Error('script failed to load'));
          document.head.appendChild(el);
        });
        r.status = 200;
      } else {
        const res = await fetch(s.url, { method: s.method, headers: s.headers, body: s.body, cache: 'no-store' });
        r.status = res.status;
        r.bodyLength = (await res.text()).length;
      }
    } catch (e) {
      r.error = String(e && e.message || e);
    }
    say(`${s.method} ${s.url} → ${r.status ?? r.error}`);
    results.push(r);
  }
  await fetch('/__done', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ results }) });
  say('done');
}

main().catch((e) => {
  say(`page error: ${e}`);
  fetch('/__done', { method: 'POST', body: JSON.stringify({ pageError: String(e) }) });
});
