// The JS half of handing a HAR entry to the engine (wasm-bindgen copies this file next to the
// glue, under snippets/). One JSON.stringify of only the fields the engine reads: vendor fields
// (Chromium's `_initiator` stacks, anything deep or huge) are never walked, and a plain object
// keeps V8's fast JSON path (a replacer array makes it several times slower). Bodies are not in
// the JSON: they cross as UTF-8 bytes (utf8() below), with no escaping here and no unescaping
// on the other side.

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

// Text crosses as UTF-8 bytes, copied into wasm memory in one go. wasm-bindgen's own string
// passing first walks ASCII text one character at a time in JS, and TextEncoder.encode()
// allocates a fresh buffer each time; encodeInto() a reused scratch buffer is several times
// faster than either in Chromium (3 ms and 5 ms against 0.7 ms for a 2 MB bundle). A lone
// surrogate becomes U+FFFD.
const encoder = new TextEncoder();
let scratch = new Uint8Array(0);
const KEEP_SCRATCH = 16 << 20;

/** `s` as UTF-8 bytes, or undefined when it is not a string. */
export function utf8(s) {
  if (typeof s !== 'string') return undefined;
  const need = s.length * 3; // UTF-8 never takes more than 3 bytes per UTF-16 unit
  if (scratch.length < need) scratch = new Uint8Array(Math.max(need, 64 << 10));
  const { written } = encoder.encodeInto(s, scratch);
  const bytes = scratch.subarray(0, written);
  // A huge body's buffer is not kept for the rest of the session.
  if (scratch.length > KEEP_SCRATCH) scratch = new Uint8Array(0);
  return bytes;
}

/** `response.content.text` as UTF-8, when it is a string. */
export function responseText(e) {
  return utf8(e?.response?.content?.text);
}

/** `request.postData.text` as UTF-8, when it is a string. */
export function requestText(e) {
  return utf8(e?.request?.postData?.text);
}
