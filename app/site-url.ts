/**
 * The public origin the site is served from (PUBLIC_URL, e.g. https://ledger.example.org), for
 * absolute links in metadata such as og:image. Defaults to the local server; a malformed value
 * stops the server at start-up rather than printing wrong links.
 */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): URL {
  const raw = env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address, got “${raw}”`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`PUBLIC_URL must start with https:// or http://, got “${raw}”`);
  return url;
}
