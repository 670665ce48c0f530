import type { Page } from "@playwright/test";

/**
 * BENCH_FIBERS=1: how many objects React keeps for the concept page after the load (its fibers: one per component
 * and per element it has adopted), in all and per chapter and field of action, the biggest first. Far chapters
 * the page has not adopted yet (components/ui/hydration-gate.tsx) have none.
 */
export async function fiberCensus(page: Page) {
  const [total, regions] = await page.evaluate(() => {
    // (no named functions in here: the bench's compiler would wrap them in a helper the page does not have)
    type Fiber = { child: Fiber | null; sibling: Fiber | null; stateNode: unknown };
    const key = Object.keys(document).find((k) => k.startsWith("__reactContainer$"));
    const root = key ? (document as unknown as Record<string, Fiber>)[key] : undefined;
    const byRegion: Record<string, number> = {};
    let count = 0;
    const stack: [Fiber, string][] = root ? [[root, "Seitenkopf"]] : [];
    while (stack.length) {
      const [fiber, outer] = stack.pop()!;
      count++;
      const el = fiber.stateNode instanceof Element ? fiber.stateNode : null;
      const region = el?.id && /^(kapitel|feld)-/.test(el.id) ? el.id : el?.classList.contains("outline") ? "Gliederung" : el?.id === "konzept-check" ? el.id : outer;
      byRegion[region] = (byRegion[region] ?? 0) + 1;
      if (fiber.sibling) stack.push([fiber.sibling, outer]);
      if (fiber.child) stack.push([fiber.child, region]);
    }
    return [count, Object.entries(byRegion).sort((a, b) => b[1] - a[1])] as const;
  });
  return `React-Fasern nach dem Laden: ${total} (${regions.map(([r, n]) => `${r} ${n}`).join(", ")})`;
}
