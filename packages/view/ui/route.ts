import { useEffect, useState } from 'preact/hooks';

/** The page and its parameters, all in the URL's hash, so every page and selection has a deep link. */
export interface Route {
  page: 'runs' | 'compare' | 'charts' | 'run';
  /** The run id of a run page. */
  id: string;
  params: URLSearchParams;
}

/** Parses `#/runs?where=…`, `#/compare?runs=a,b`, `#/charts?runs=a,b&x=step`, `#/run/<id>?tab=output`. */
function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const [page, id] = path.split('/');
  if (page === 'compare' || page === 'charts') return { page, id: '', params };
  if (page === 'run' && id) return { page, id: decodeURIComponent(id), params };
  return { page: 'runs', id: '', params };
}

/** The hash of a page with `params` (empty ones left out). */
export function href(page: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${page}${s ? `?${s}` : ''}`;
}

/** Replaces the current hash (no new history entry): for state such as a filter or a slider. */
export function replaceHash(hash: string): void {
  if (location.hash !== hash) history.replaceState(null, '', hash);
  window.dispatchEvent(new Event('gage-route'));
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    window.addEventListener('hashchange', update);
    window.addEventListener('gage-route', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('gage-route', update);
    };
  }, []);
  return parseRoute(hash);
}
