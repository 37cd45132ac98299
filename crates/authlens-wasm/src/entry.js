// The JS half of handing a HAR entry to the engine (wasm-bindgen copies this file next to the
// glue, under snippets/). One JSON.stringify of only the fields the engine reads: vendor fields
// (Chromium's `_initiator` stacks, anything deep or huge) are never walked, and a plain object
// keeps V8's fast JSON path (a replacer array makes it several times slower). Bodies are not in
// the JSON: they cross as plain strings (no escaping on this side, no unescaping on the other).

const pick = (o, keys) => {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return o;
  const out = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
};

/** The entry's JSON without bodies, or undefined when it is not an object. */
export function entryJson(e) {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return undefined;
  // Not `time`, `timings`, `pageref`: analysis never reads them (only a HAR export keeps them,
  // and exports take the whole document), and their numbers cost a parse and a drop each time.
  const out = pick(e, ['startedDateTime', '_resourceType', '_error']);
  const q = e.request;
  if (q !== undefined) {
    out.request = pick(q, ['method', 'url', 'headers', 'queryString']);
    if (q && typeof q === 'object' && q.postData !== undefined) out.request.postData = pick(q.postData, ['mimeType', 'params']);
  }
  const r = e.response;
  if (r !== undefined) {
    out.response = pick(r, ['status', 'statusText', 'headers', 'redirectURL']);
    if (r && typeof r === 'object' && r.content !== undefined) out.response.content = pick(r.content, ['size', 'mimeType', 'encoding']);
  }
  return JSON.stringify(out);
}

// Text crosses as UTF-8 bytes made by the browser's TextEncoder (native speed; a lone surrogate
// becomes U+FFFD), copied into wasm memory in one go. wasm-bindgen's own string passing walks
// ASCII text one character at a time in JS, which took longer than scanning a bundle.
const encoder = new TextEncoder();

/** `s` as UTF-8 bytes, or undefined when it is not a string. */
export function utf8(s) {
  return typeof s === 'string' ? encoder.encode(s) : undefined;
}

/** `response.content.text` as UTF-8, when it is a string. */
export function responseText(e) {
  return utf8(e?.response?.content?.text);
}

/** `request.postData.text` as UTF-8, when it is a string. */
export function requestText(e) {
  return utf8(e?.request?.postData?.text);
}
