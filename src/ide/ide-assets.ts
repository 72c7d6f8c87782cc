import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file the server sends as it is. */
export interface StaticAsset {
  contentType: string;
  body: Buffer;
}

/** URL path under which the IDE's scripts and styles are served. */
export const IDE_ASSET_PREFIX = '/ide-assets/';

/** Asset file names in the page, and where each comes from in node_modules. */
const ASSET_SOURCES = [
  { name: 'react.production.min.js', pkg: 'react', file: 'umd/react.production.min.js' },
  {
    name: 'react-dom.production.min.js',
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
  },
  { name: 'graphiql.min.js', pkg: 'graphiql', file: 'graphiql.min.js' },
  { name: 'graphiql.min.css', pkg: 'graphiql', file: 'graphiql.min.css' },
] as const;

/** URL of each asset, by file name, for the page to link. */
export const IDE_ASSET_URLS = Object.fromEntries(
  ASSET_SOURCES.map((source) => [source.name, `${IDE_ASSET_PREFIX}${source.name}`]),
) as Record<(typeof ASSET_SOURCES)[number]['name'], string>;

/**
 * Reads the IDE's scripts and styles (GraphiQL 3.9's single-file build and React 18's UMD
 * builds) from node_modules into memory, keyed by URL path. The page loads nothing else, so the
 * IDE works without internet access. Throws naming the package when a file is missing.
 */
export function loadIdeAssets(): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const source of ASSET_SOURCES) {
    const file = path.join(packageFolder(source.pkg), source.file);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch (error) {
      throw new Error(
        `GraphQL IDE asset ${file} could not be read (${(error as Error).message}); ` +
          `run npm install, or set GRAPHQL_IDE=false`,
      );
    }
    const contentType = source.name.endsWith('.css')
      ? 'text/css; charset=utf-8'
      : 'text/javascript; charset=utf-8';
    assets.set(IDE_ASSET_URLS[source.name], { contentType, body });
  }
  return assets;
}

/**
 * Returns a package's folder. graphiql's `exports` map hides its built files, so the folder is
 * found through package.json, which every one of these packages exports.
 */
function packageFolder(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}
