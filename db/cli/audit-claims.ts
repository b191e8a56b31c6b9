/*
 * npm run audit:claims — every live claim's value beside its quote, then what the audit flags
 * (numbers not in the quote, units without a number, approximate quotes on exact values, dates
 * not in the quote, agreement counts above the distinct sources). Exits 1 if anything is flagged.
 * `--flags-only` prints just the flags.
 */
import { auditDatabase } from "../claim-audit";
import { dbHandle } from "../index";

const flagsOnly = process.argv.includes("--flags-only");
try {
  const { claims, flags } = await auditDatabase(dbHandle.db);
  if (!flagsOnly)
    for (const { claim: c, model } of claims) {
      const about = [c.field, c.label, c.variant, c.condition, c.settings]
        .filter(Boolean)
        .join(" · ");
      console.log(
        `#${c.id} ${model} — ${about}\n  value: ${c.valueText}\n  quote: ${c.quote.replaceAll("\n", " ")}`,
      );
    }
  console.log(`\n${claims.length} claims audited, ${flags.length} flag(s)`);
  for (const f of flags) console.log(`  ${f.key}: ${f.rule} (${f.detail})`);
  if (flags.length > 0) process.exitCode = 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
