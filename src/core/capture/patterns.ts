/**
 * User allow/deny patterns. A pattern without "/" names a host ("example.com" also covers its
 * subdomains; "*" is a wildcard; a port may follow). A pattern with "/" is matched against the URL
 * without query or fragment ("https://news.ycombinator.com/item*"); a missing scheme matches both.
 */
const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');

export const matchesPattern = (raw: string, pattern: string): boolean => {
  const p = pattern.trim();
  if (!p) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!p.includes('/')) {
    const re = globToRegExp(p.replace(/^\*\./, ''));
    const hostname = url.hostname.toLowerCase();
    const candidates = [url.host, hostname];
    return candidates.some((c) => re.test(c)) || (!p.includes(':') && hostname.endsWith(`.${p.replace(/^\*\./, '').toLowerCase()}`));
  }
  const full = `${url.protocol}//${url.host}${url.pathname}`;
  const withoutScheme = `${url.host}${url.pathname}`;
  const re = globToRegExp(p);
  return re.test(full) || re.test(withoutScheme) || re.test(full.replace(/\/$/, ''));
};

export const matchesAny = (url: string, patterns: readonly string[]): boolean => patterns.some((p) => matchesPattern(url, p));
