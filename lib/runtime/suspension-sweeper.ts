// Releases suspensions whose "suspender até" date has passed, every minute while the server runs.
// Several servers may sweep at once: each release locks its row and re-checks the state.
import { releaseExpiredSuspensions } from "@/lib/data/subscription-transitions";

export const SWEEP_INTERVAL_MS = 60_000;

export async function sweepOnce(log: (line: string) => void = console.log): Promise<number> {
  const released = await releaseExpiredSuspensions();
  if (released.length) log(`[sweep] suspensões encerradas: ${released.map((item) => item.serialNumber).join(", ")}`);
  return released.length;
}

export function startSuspensionSweeper(intervalMs = SWEEP_INTERVAL_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sweepOnce();
    } catch (error) {
      console.error("[sweep] failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
