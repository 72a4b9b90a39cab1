import cliProgress from "cli-progress";

/**
 * A progress bar on stderr, so stdout stays clean for pipes. Off when stderr is not a
 * terminal (CI logs, tests), where a redrawn bar is only noise.
 */
export function progressBar(
  label: string,
  total: number | null,
  unit = "bytes",
): { update(value: number, total?: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total
        ? `${label} |{bar}| {percentage}% {value}/{total} ${unit}`
        : `${label} {value} ${unit}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    update: (value, newTotal) => {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
}
