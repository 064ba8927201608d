// The signed-in user's accounts and profiles, and which account is current. The requested account
// (cookie) is honoured only when the user is a member of it; otherwise the default account wins.
import { getPrisma } from "@/lib/db/connection";
import type { AccountKind, Profile } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { z } from "zod";

export type AccountSummary = { id: string; name: string; kind: AccountKind };

export type CurrentAccount = AccountSummary & { document: string; graceDays: number; swapLimit: number };

export type UserContext = {
  user: { id: string; name: string; email: string };
  /** Null only for a user who belongs to no account at all. */
  account: CurrentAccount | null;
  profiles: Profile[];
  accounts: (AccountSummary & { isDefault: boolean })[];
};

const uuid = z.uuid();

export async function loadUserContext(userId: string, requestedAccountId: string | undefined): Promise<UserContext | null> {
  if (!uuid.safeParse(userId).success) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      defaultAccountId: true,
      memberships: {
        select: {
          profiles: true,
          account: { select: { id: true, name: true, kind: true, document: true, graceDays: true, swapLimit: true } },
        },
        orderBy: { account: { name: "asc" } },
      },
    },
  });
  if (!user) return null;

  const memberships = user.memberships;
  const pick = (id: string | null | undefined) => memberships.find((membership) => membership.account.id === id);
  const current = pick(requestedAccountId) ?? pick(user.defaultAccountId) ?? memberships[0];

  return {
    user: { id: user.id, name: user.name, email: user.email },
    account: current ? current.account : null,
    profiles: current ? current.profiles : [],
    accounts: memberships.map(({ account }) => ({
      id: account.id,
      name: account.name,
      kind: account.kind,
      isDefault: account.id === user.defaultAccountId,
    })),
  };
}

/** Checks that the user may switch to the account; refuses without revealing whether it exists. */
export async function assertMembership(userId: string, accountId: string): Promise<AccountSummary> {
  const prisma = await getPrisma();
  const membership = uuid.safeParse(accountId).success
    ? await prisma.membership.findUnique({
        where: { userId_accountId: { userId, accountId } },
        select: { account: { select: { id: true, name: true, kind: true } } },
      })
    : null;
  if (!membership) throw new AppError("ACCOUNT_NOT_MEMBER");
  return membership.account;
}

export async function findUserForLogin(email: string) {
  const prisma = await getPrisma();
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}
