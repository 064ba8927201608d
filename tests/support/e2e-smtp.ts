// Where the end-to-end portal sends its e-mail: an SMTP port derived from E2E_PORT, so parallel
// runs on other ports never read each other's mail. The specs that read mail start a real SMTP
// server there (tests/support/smtp-test-server.ts).
export function e2eSmtpPort(e2ePort: string | number = process.env.E2E_PORT ?? "3100"): number {
  return Number(e2ePort) + 1000;
}
