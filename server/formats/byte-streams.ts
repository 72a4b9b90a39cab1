import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Thrown when a stream passes its byte limit; callers map it to a 413-style error. */
export class ByteLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than the limit of ${limit} bytes`);
  }
}

export class GzipError extends Error {
  constructor() {
    super("The file looks gzip-compressed but could not be decompressed");
  }
}

/** Passes chunks through, failing as soon as more than `limit` bytes have gone by. */
export async function* limitBytes(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit) throw new ByteLimitExceeded(limit);
    yield chunk;
  }
}

/**
 * Decompresses gzip input, recognised by its magic bytes rather than by a file name or header
 * that may lie; anything else passes through untouched.
 */
export async function* gunzipIfNeeded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  const head = first.value;
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest;
    return;
  }
  async function* all() {
    yield head;
    yield* rest;
  }
  const source = Readable.from(all());
  const gunzip = createGunzip();
  // pipe() does not forward errors: a size-limit failure upstream must end the gunzip stream.
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof ByteLimitExceeded) throw error;
    throw new GzipError();
  } finally {
    source.destroy();
  }
}

export async function* fromString(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}
