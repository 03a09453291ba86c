// Stored documents that tests and the benchmark seed into localStorage.

/**
 * Stores `count` qualification deals ("Deal 0" … "Deal N-1", one minute
 * apart, so "Deal N-1" is the most recently updated) on the page's origin.
 */
export async function seedDeals(page, count) {
  await page.evaluate((count) => {
    const deals = [];
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < count; i++) {
      const at = new Date(base + i * 60000).toISOString();
      deals.push({
        id: `seed${i}`,
        name: `Deal ${i}`,
        company: `Company ${i}`,
        acv: String(10000 + i * 1000),
        stakeholders: "3",
        new_category: false,
        framework_override: null,
        answers: { budget: { rating: "confirmed", evidence: "" } },
        step: "summary",
        created: at,
        updated: at,
      });
    }
    localStorage.setItem("stagecraft.qualify", JSON.stringify({ version: 1, data: { deals } }));
  }, count);
}

/**
 * Stores `count` discovery calls ("Call 0" … "Call N-1", one day apart, so
 * "Call N-1" is the newest) on the page's origin.
 */
export async function seedCalls(page, count) {
  await page.evaluate((count) => {
    const calls = [];
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < count; i++) {
      const at = base + i * 86400000;
      calls.push({
        id: i + 1,
        title: `Call ${i}`,
        date: new Date(at).toISOString().slice(0, 10),
        created_at: at,
        updated_at: at,
      });
    }
    localStorage.setItem("stagecraft.discovery", JSON.stringify({ version: 1, data: { calls, next_id: count + 1 } }));
  }, count);
}
