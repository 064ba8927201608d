// Other processes (builds, test suites, other benchmarks) distort latencies: a benchmark waits, up
// to `maxWaitSeconds`, for the 1-minute load average to fall to `maxLoad` before it measures.
import { loadavg } from "node:os";

/** Resolves with the 1-minute load average it stopped waiting at (maxLoad 0: doesn't wait). */
export async function waitForQuietMachine(maxLoad: number, maxWaitSeconds: number): Promise<number> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  while (maxLoad > 0 && loadavg()[0]! > maxLoad && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return loadavg()[0]!;
}
