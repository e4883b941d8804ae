import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * A page's buttons only work once React has hydrated it. After this, every `goto` on `page` waits for that
 * (HydrationMark in the root layout), so no test clicks a button that is not listening yet. The `page` fixture
 * has it; pages a test opens itself need `waitsForHydration(await context.newPage())`.
 */
export function waitsForHydration(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response && response.ok() && (response.headers()["content-type"] ?? "").includes("text/html")) {
      await page.waitForFunction(() => document.body?.dataset.hydrated !== undefined, undefined, { timeout: 15_000 });
    }
    return response;
  };
  return page;
}

/** `checkA11y()` fails the test on any axe violation of the page as it is now. */
export const test = base.extend<{ checkA11y: () => Promise<void> }>({
  page: async ({ page }, use) => {
    await use(waitsForHydration(page));
  },
  checkA11y: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});
export { expect };
