// After a subscription changes, every page that shows it must render fresh data.
import { revalidatePath } from "next/cache";

export function revalidateSubscriptionPages(): void {
  revalidatePath("/fabricante/assinaturas", "layout");
  revalidatePath("/minhas-assinaturas", "layout");
  revalidatePath("/");
}
