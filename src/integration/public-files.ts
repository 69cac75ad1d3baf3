import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Copies a glossary's `public/` files into its folder of the output, never over a file the host
 * site already wrote there.
 */
export async function copyPublicFiles(publicDir: string, target: string): Promise<void> {
  if (!existsSync(publicDir)) return;
  await cp(publicDir, target, { recursive: true, force: false, errorOnExist: false });
}

/**
 * A dev-server middleware serving `publicDir` at `root` (`/glossary/images/a.svg` →
 * `public/images/a.svg`), for a glossary inside a host site whose own public/ Astro serves.
 * Anything it does not hold, or any path that would leave the folder, is passed on.
 */
export function servePublicFiles(publicDir: string, root: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
    } catch {
      return next();
    }
    if (!path.startsWith(root)) return next();
    const file = normalize(join(publicDir, path.slice(root.length)));
    if (!file.startsWith(publicDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    response.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  };
}
