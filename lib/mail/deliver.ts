// Sends a message after the change it announces has been committed. A mail server that refuses or
// is away does not undo the change: the failure is logged and reported to the caller as false.
import { newRequestId } from "@/lib/request-id";
import { sendMail, type MailMessage } from "./mailer";

export async function deliverMail(message: MailMessage): Promise<boolean> {
  try {
    await sendMail(message);
    return true;
  } catch (error) {
    console.warn(
      `[mail] ${newRequestId()} could not send "${message.subject}":`,
      error instanceof Error ? error.message : String(error),
    );
    return false;
  }
}
