// POST /api/fabricante/assinaturas/<serial>/acoes — Suspender, Cancelar or Liberar one serial:
// {"action":"SUSPEND","reasonId":"…","description":"…","suspendedUntil":"aaaa-mm-dd"}.
// 200 with the new status; 400 bad input, 403 profile, 404 foreign or unknown serial, 409 wrong state.
import { revalidateSubscriptionPages } from "@/lib/actions/revalidate-subscriptions";
import { actorOf } from "@/lib/auth/actor";
import { transitionSubscription } from "@/lib/data/subscription-transitions";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import { defineJsonRoute } from "@/lib/http/define-json-route";
import { safeDecode } from "@/lib/http/safe-decode";
import { AppError } from "@/lib/errors";
import { parseSerialNumber } from "@/lib/validation/serial-number";
import { actionRequestSchema } from "@/lib/validation/subscription-actions";

export const POST = defineJsonRoute<typeof actionRequestSchema, { serial: string }>({
  name: "subscription-action",
  body: actionRequestSchema,
  permission: (body) => ACTION_PERMISSION[body.action],
  async handler({ context, body, params }) {
    const { action, ...input } = body;
    // A path that can't be a serial number is answered like an unknown one.
    const serialNumber = parseSerialNumber(safeDecode(params.serial));
    if (!serialNumber) throw new AppError("NOT_FOUND");
    const result = await transitionSubscription(context.account.id, serialNumber, action, input, actorOf(context));
    revalidateSubscriptionPages();
    return Response.json(result);
  },
});
