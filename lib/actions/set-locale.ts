"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE } from "@/i18n/config";
import { setLocaleSchema } from "@/lib/validation/account";

/** Choosing the language needs no session (the login page offers it too). */
export async function setLocale(formData: FormData): Promise<void> {
  // A hand-made request can make Next pass anything here.
  if (!(formData instanceof FormData)) return;
  const parsed = setLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
