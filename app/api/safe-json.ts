/**
 * JSON with <, > and & escaped as \u003c etc.: the same data, but a response that echoes a
 * query or quotes a source containing markup can never be read as HTML, even if sniffed.
 */
export function safeJson(data: unknown, init: ResponseInit = {}): Response {
  const body = JSON.stringify(data).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(body, { ...init, headers });
}
