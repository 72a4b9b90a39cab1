import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/**
 * The JavaScript a route loads on first load, read from the build output: the root main files
 * every page loads (build-manifest.json; the nomodule polyfills are left out, modern browsers
 * skip them) plus the chunks of the route's layouts and page (its client reference manifest),
 * each gzipped at the default level as a server would send it. kB are 1,000 bytes.
 */
export async function firstLoadJs(params: {
  root: string;
  route: string;
}): Promise<{ kbGzip: number; kbRaw: number; files: number; frameworkKbGzip: number }> {
  const next = path.join(params.root, ".next");
  const build = JSON.parse(await readFile(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(next, "server", "app", params.route, "page_client-reference-manifest.js");
  const source = await readFile(manifestFile, "utf8");
  const holder: { __RSC_MANIFEST: Record<string, ClientReferenceManifest> } = { __RSC_MANIFEST: {} };
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it against a holder object.
  new Function("globalThis", source)(holder);
  const manifest = holder.__RSC_MANIFEST[`${params.route}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for ${params.route} in ${manifestFile}`);
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  let raw = 0;
  let gzipped = 0;
  let framework = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(next, file));
    const size = (await promisify(gzip)(bytes)).length;
    raw += bytes.length;
    gzipped += size;
    if (build.rootMainFiles.includes(file)) framework += size;
  }
  // framework: what every page of any Next app loads (React, the router, the runtime).
  return { kbGzip: gzipped / 1000, kbRaw: raw / 1000, files: files.size, frameworkKbGzip: framework / 1000 };
}
