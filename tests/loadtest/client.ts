/**
 * The simulated load balancer and HTTP client: requests go round-robin over the instances; a
 * refused connection (instance down) is sent to the next one, as a balancer would. Every
 * attempt is recorded with its outcome and latency.
 */
export type Outcome = number | "timeout" | "refused" | "reset" | "error";
export type Endpoint = "claim" | "submit";

export interface Sample {
  endpoint: Endpoint;
  outcome: Outcome;
  ms: number;
  at: number;
  instance: number;
}

export interface Reply {
  outcome: Outcome;
  json?: unknown;
  retryAfterMs?: number;
  reason?: string | null;
}

export class Balancer {
  private next = 0;
  readonly samples: Sample[] = [];
  constructor(private readonly urls: () => string[]) {}

  async request(endpoint: Endpoint, path: string, init: RequestInit & { token: string; timeoutMs: number }): Promise<Reply> {
    const urls = this.urls();
    let reply: Reply = { outcome: "refused" };
    for (let hop = 0; hop < urls.length; hop++) {
      const instance = this.next++ % urls.length;
      reply = await this.once(endpoint, `${urls[instance]}${path}`, init, instance);
      if (reply.outcome !== "refused") return reply;
    }
    return reply;
  }

  private async once(
    endpoint: Endpoint,
    url: string,
    init: RequestInit & { token: string; timeoutMs: number },
    instance: number,
  ): Promise<Reply> {
    const started = performance.now();
    const record = (outcome: Outcome) =>
      this.samples.push({ endpoint, outcome, ms: performance.now() - started, at: Date.now(), instance });
    try {
      const response = await fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json" },
        signal: AbortSignal.timeout(Math.max(1, Math.round(init.timeoutMs))),
      });
      const text = await response.text();
      record(response.status);
      const retryAfter = Number(response.headers.get("retry-after"));
      return {
        outcome: response.status,
        json: text ? (JSON.parse(text) as unknown) : undefined,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        reason: response.headers.get("arbiter-reason"),
      };
    } catch (error) {
      const outcome = classify(error);
      record(outcome);
      return { outcome };
    }
  }
}

let unexplained = 0;

function classify(error: unknown): Outcome {
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return "reset";
  if (unexplained++ < 3) console.error("loadtest: unexpected client error", error);
  return "error";
}
