import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { buildSite, type FixtureBuild } from './build-fixture.ts';
import { copyFixture } from './run-script.ts';

/** A built glossary served at a sub-path only, as a host serving a sub-folder would. */
export interface SubPathSite {
  build: FixtureBuild;
  /** `http://127.0.0.1:<port>`; the site is at `${origin}${root}`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Builds the `basic` fixture with its `url` moved under `root` (`/docs/glossary/`) into
 * `tests/.output/<outName>`, then serves the output at that path and answers 404 anywhere else.
 * `extraConfig` (YAML lines) is appended to the fixture's site config.
 */
export async function serveSubPathSite(
  root: string,
  outName: string,
  extraConfig = '',
): Promise<SubPathSite> {
  const siteDir = copyFixture('basic');
  const config = join(siteDir, 'glossa.config.yaml');
  const url = `https://fixture.example.org${root.replace(/\/$/, '')}`;
  writeFileSync(
    config,
    `${readFileSync(config, 'utf8').replace(/^url: .*$/m, `url: ${url}`)}\n${extraConfig}\n`,
  );
  const build = buildSite(siteDir, outName);
  const serve = sirv(build.outDir, { dev: true });
  const server = createServer((request, response) => {
    const notFound = () => {
      response.statusCode = 404;
      response.end();
    };
    if (!request.url?.startsWith(root)) return notFound();
    request.url = request.url.slice(root.length - 1);
    serve(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    build,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
