import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";

/** `checkA11y()` fails the test on any axe violation of the page as it is now. */
export const test = base.extend<{ checkA11y: () => Promise<void> }>({
  checkA11y: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});
export { expect };
