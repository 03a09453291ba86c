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
