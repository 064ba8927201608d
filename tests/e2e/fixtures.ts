// Playwright fixtures: sign in as a demo user through next-auth's own endpoints (fast, no UI),
// fail a test on uncaught page errors or console errors, and check accessibility with axe-core.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

type Fixtures = {
  loginAs: (email: string) => Promise<void>;
  expectNoSeriousA11yViolations: (page: Page) => Promise<void>;
};

/** Browser messages that are expected when a test provokes an error on purpose. */
const EXPECTED_CONSOLE = [/Failed to load resource: the server responded with a status of (400|401|404|409|413|429)/];

export const test = base.extend<Fixtures>({
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !EXPECTED_CONSOLE.some((pattern) => pattern.test(message.text()))) {
        problems.push(`console.error: ${message.text()}`);
      }
    });
    await provide(page);
    expect(problems, "the page logged errors").toEqual([]);
  },

  loginAs: async ({ page }, provide) => {
    await provide(async (email: string) => {
      const csrf = await page.request.get("/api/auth/csrf");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await page.request.post("/api/auth/callback/credentials", {
        form: { email, password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: "/" },
      });
      expect(response.ok(), `login as ${email}`).toBe(true);
    });
  },

  expectNoSeriousA11yViolations: async ({}, provide) => {
    await provide(async (page: Page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        );
      expect(serious, "axe-core serious/critical violations").toEqual([]);
    });
  },
});

export { expect };
