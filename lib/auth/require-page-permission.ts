// Pages ask for permission here: without a session → the login page; without the permission →
// "not found", so a page the account can't use looks like one that doesn't exist.
import { notFound, redirect } from "next/navigation";
import type { Action } from "@/lib/domain/permissions";
import type { UserContext } from "@/lib/data/accounts";
import { hasPermission, type AuthorizedContext } from "./require-permission";

export function requirePagePermission(context: UserContext | null, action: Action): asserts context is AuthorizedContext {
  if (!context) redirect("/login");
  if (!hasPermission(context, action)) notFound();
}
