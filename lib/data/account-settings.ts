// A manufacturer account's usage rules: tolerance days after expiry and machine changes allowed per
// serial in 30 days. Read by the status rule everywhere and by the license API on every request.
import { getPrisma } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";
import type { AccountSettings } from "@/lib/validation/account-settings";

export async function getAccountSettings(accountId: string): Promise<AccountSettings> {
  const prisma = await getPrisma();
  const account = await prisma.account.findFirst({
    where: { id: accountId, kind: "FABRICANTE" },
    select: { graceDays: true, swapLimit: true },
  });
  if (!account) throw new AppError("NOT_FOUND");
  return account;
}

export async function updateAccountSettings(accountId: string, settings: AccountSettings): Promise<AccountSettings> {
  const prisma = await getPrisma();
  const { count } = await prisma.account.updateMany({
    where: { id: accountId, kind: "FABRICANTE" },
    data: { graceDays: settings.graceDays, swapLimit: settings.swapLimit },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  return settings;
}
