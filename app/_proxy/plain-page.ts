/**
 * A self-contained page: no scripts, no app shell, inline styles only. For answers given where the
 * app itself cannot (or should not) render: the proxy's 400/403/503 and the no-JavaScript
 * sign-in's 429/503.
 */
export function plainPage(title: string, message: string, href: string, link: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · Open Weights Ledger</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#18181b;background:#fff}@media (prefers-color-scheme:dark){body{color:#f4f4f5;background:#09090b}a{color:#93c5fd}}</style></head><body><main><h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${esc(href)}">${esc(link)}</a></p></main></body></html>`;
}
