/** Critical paths a page belongs to, from the words in its path (signup, login...); anything else is the homepage's. */
export function pathsOfUrl(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const path = parsed.pathname.toLowerCase();
  if (/sign-?up|register|book|onboard|trial|get-started/.test(path)) return ['signup'];
  if (/log-?in|sign-?in|auth|sso|session/.test(path)) return ['login'];
  if (/checkout|billing|pay|subscribe|cart/.test(path)) return ['checkout'];
  if (/admin|webhook|deploy/.test(path)) return ['deploy'];
  return ['homepage'];
}

/** Critical paths a hostname carries: root/www/canonical are the homepage; app/auth hosts are login. */
export function pathsOfHost(host: string, homepageHosts: ReadonlySet<string>): string[] {
  if (homepageHosts.has(host)) return ['homepage'];
  const first = host.split('.')[0] ?? '';
  if (/^(app|auth|login|accounts?|id|sso|dashboard|portal)$/.test(first)) return ['login'];
  if (/^(book|booking|signup|join|start)$/.test(first)) return ['signup'];
  if (/^(pay|checkout|billing|shop|store)$/.test(first)) return ['checkout'];
  if (/^(mail|smtp|mx|email)$/.test(first)) return ['email'];
  return ['homepage'];
}

/** A private route's kind, for the caching verdict: admin, webhook and login routes must never be cached. */
export function privateRouteKind(url: string): 'admin' | 'webhook' | 'login' | 'other' {
  const lower = url.toLowerCase();
  if (/webhook|hooks?\//.test(lower)) return 'webhook';
  if (/log-?in|sign-?in|auth|session|sso|oauth/.test(lower)) return 'login';
  if (/admin|dashboard|internal|staff/.test(lower)) return 'admin';
  return 'other';
}
