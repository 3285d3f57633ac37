/** The verdicts as plain text for a terminal or a CI log (what `runner verdicts` prints). */
import { describeExclusions } from './quality.js';
import type { VerdictsReport } from './verdicts-for-dirs.js';
import type { VerdictTable } from './verdicts/types.js';

const LABEL = { pass: 'PASS', fail: 'FAIL', 'not-enough-data': 'NOT ENOUGH DATA', info: 'INFO' };

function cell(v: string | number | null): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** A table with columns padded to their widest cell. */
export function tableText(t: VerdictTable, indent = '    '): string {
  const rows = [t.columns, ...t.rows.map((r) => r.map(cell))];
  const widths = t.columns.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((c, j) => (c ?? '').padEnd(widths[j] ?? 0))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

export function verdictsText(report: VerdictsReport, opts: { tables?: boolean } = {}): string {
  const out: string[] = [
    `${report.runs} runs from ${report.files} file(s) in ${report.dirs.join(', ')}`,
  ];
  for (const v of report.verdicts) {
    out.push('', `[${LABEL[v.state]}] ${v.title}`, `  ${v.summary}`);
    out.push(`  ${describeExclusions(v.exclusions)}`);
    if (opts.tables && v.table.rows.length > 0) out.push(tableText(v.table));
    if (opts.tables) {
      for (const x of v.extra) {
        if (x.table.rows.length > 0) out.push(`  ${x.title}:`, tableText(x.table));
      }
      out.push(`  Rule: ${v.rule}`);
    }
  }
  if (report.issues.length > 0) {
    out.push(
      '',
      `${report.issues.length} line(s) could not be read, e.g. ${report.issues[0]!.where}: ${report.issues[0]!.message}`,
    );
  }
  out.push('', report.pass ? 'Every claim passes.' : 'Not every claim passes.');
  return out.join('\n') + '\n';
}
