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
    // An explicit controller and timer (held until the request settles), and a race against
    // the same timer, so that no request can outlive its timeout, whatever the socket does.
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new DOMException("client-side timeout", "TimeoutError"));
        resolve("expired");
      }, Math.max(1, Math.round(init.timeoutMs)));
    });
    const attempt = async (): Promise<Reply> => {
      const response = await fetch(url, {
        method: init.method,
        body: init.body,
        headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json" },
        signal: controller.signal,
      });
      const text = await response.text();
      const retryAfter = Number(response.headers.get("retry-after"));
      return {
        outcome: response.status,
        json: text && response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : undefined,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        reason: response.headers.get("arbiter-reason"),
      };
    };
    try {
      const reply = await Promise.race([attempt(), expired]);
      if (reply === "expired") {
        record("timeout");
        return { outcome: "timeout" };
      }
      record(reply.outcome);
      return reply;
    } catch (error) {
      const outcome = controller.signal.aborted ? "timeout" : classify(error);
      record(outcome);
      return { outcome };
    } finally {
      clearTimeout(timer);
    }
  }
}

let unexplained = 0;

function classify(error: unknown): Outcome {
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return "reset";
  if (unexplained++ < 3) console.error("loadtest: unexpected client error", error);
  return "error";
}
