import { Client } from "pg";

/**
 * The baseline of P2: `COPY (query) TO STDOUT` read over the wire protocol with node-postgres,
 * counting lines as the server sends them. pg has no COPY OUT stream of its own (that is the
 * pg-copy-streams package, not installed), so this is a minimal "submittable": node-postgres
 * hands every backend message of the active query to these handlers.
 */
class CopyOutCounter {
  bytes = 0;
  lines = 0;
  private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  readonly done: Promise<void>;

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    const chunk = message.chunk;
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines++;
  }

  handleError(error: Error): void {
    this.failure = error;
  }

  handleReadyForQuery(): void {
    if (this.failure) this.settle?.reject(this.failure);
    else this.settle?.resolve();
  }

  // Messages a COPY does not send, present because node-postgres may call them on any query.
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
}

export async function copyOut(
  url: string,
  query: string,
): Promise<{ lines: number; bytes: number; seconds: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const copy = new CopyOutCounter(`copy (${query}) to stdout`);
    const started = performance.now();
    void client.query(copy as never);
    await copy.done;
    return { lines: copy.lines, bytes: copy.bytes, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
