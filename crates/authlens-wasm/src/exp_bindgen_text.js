// The boundary experiment `exp-bindgen-text` (README.md, "How values cross"): the bodies as JS
// strings, brought in by wasm-bindgen's own string conversion on the Rust side (`as_string`)
// instead of entry.js's `utf8`. Not in any build that ships.
export const responseBody = (e) => e?.response?.content?.text;
export const requestBody = (e) => e?.request?.postData?.text;
