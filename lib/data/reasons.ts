// The manufacturer's catalog of suspension and cancellation reasons.
import { getPrisma } from "@/lib/db/connection";

export type ReasonOption = { id: string; label: string; kind: "SUSPENSAO" | "CANCELAMENTO"; requiresDescription: boolean };

export async function activeReasons(manufacturerId: string): Promise<ReasonOption[]> {
  const prisma = await getPrisma();
  return prisma.reason.findMany({
    where: { manufacturerId, active: true },
    select: { id: true, label: true, kind: true, requiresDescription: true },
    orderBy: [{ kind: "asc" }, { label: "asc" }],
  });
}
