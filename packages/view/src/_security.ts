import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

/**
 * The Content Security Policy of every response: scripts, styles and data
 * from the server itself only, no frames, no forms, no plugins.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers of every response (docs/spec/wave2.md decision 26): no CORS header is ever sent. */
export function setSafeHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The `Host` header values the server answers (DNS rebinding: a page of
 * another site whose name resolves to 127.0.0.1 sends its own name): the
 * loopback names with the port, the `--host` given, and for a wildcard
 * host (`0.0.0.0`, `::`) the machine's name and addresses.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([...LOOPBACK, host]);
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address);
  }
  const hosts = new Set<string>();
  for (const n of names) hosts.add(`${n.includes(':') ? `[${n}]` : n}:${port}`.toLowerCase());
  return hosts;
}

/** True when the two tokens are equal, in a time that does not depend on where they differ. */
export function tokenEquals(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: its `Authorization: Bearer` header, else the cookie `name`. */
export function requestToken(req: IncomingMessage, cookieName: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === cookieName) return part.slice(eq + 1).trim();
  }
  return undefined;
}
