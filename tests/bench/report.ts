import type { BenchResult, Check, Dataset, DatasetResult, GrowthRow } from './bench-result';

/** The run as people read it: a Markdown table of every figure against its target, and growth. */

type Figure = { figure: string; unit: string; of: (d: DatasetResult) => number | null | undefined };

/** The figures followed across sizes. */
const GROWTH_FIGURES: Figure[] = [
  { figure: 'import time', unit: 'ms', of: (d) => d.import?.ms },
  { figure: 'raw limit time', unit: 'ms', of: (d) => d.raw?.ms },
  { figure: 'export time', unit: 'ms', of: (d) => d.export?.ms },
  { figure: 'export peak memory', unit: 'MB', of: (d) => (d.export ? d.export.peakRss / 1024 / 1024 : null) },
  {
    figure: 'open + first page',
    unit: 'ms',
    of: (d) => (d.open ? d.open.startedMs + d.open.openMs + d.open.firstPageMs : null),
  },
  { figure: 'search p95', unit: 'ms', of: (d) => d.browse.search.p95 },
  { figure: 'search raw limit p95', unit: 'ms', of: (d) => d.browse.searchRaw.p95 },
  { figure: 'search exact count p95', unit: 'ms', of: (d) => d.browse.searchCount?.p95 },
  { figure: 'search filter counts p95', unit: 'ms', of: (d) => d.browse.searchFacets.p95 },
  { figure: 'list first page p95', unit: 'ms', of: (d) => d.browse.sortFirstPage.p95 },
  { figure: 'list middle page p95', unit: 'ms', of: (d) => d.browse.sortMiddlePage.p95 },
  { figure: 'two filters + counts p95', unit: 'ms', of: (d) => d.browse.filtersWithFacets.p95 },
  { figure: 'search + a genre p95', unit: 'ms', of: (d) => d.browse.searchFiltered.p95 },
  { figure: 'window: first page painted', unit: 'ms', of: (d) => d.renderer?.firstPageMs },
  { figure: 'keypress → results painted p95', unit: 'ms', of: (d) => d.renderer?.keypress?.p95 },
];

/** k in value ∝ size^k between the two largest sizes that have the figure. */
function exponent(values: readonly { size: number; value: number }[]): number | null {
  const [a, b] = values.slice(-2);
  if (!a || !b || a.value <= 0 || b.value <= 0 || a.size === b.size) return null;
  return Number((Math.log(b.value / a.value) / Math.log(b.size / a.size)).toFixed(2));
}

/** Each figure per dataset across the sizes measured. */
export function growthOf(datasets: readonly DatasetResult[]): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const dataset of ['light', 'full', 'real'] as Dataset[]) {
    const runs = datasets.filter((d) => d.dataset === dataset).sort((a, b) => a.size - b.size);
    if (runs.length < 2) continue;
    for (const { figure, unit, of } of GROWTH_FIGURES) {
      const values = runs.flatMap((d) => {
        const value = of(d);
        return value === null || value === undefined
          ? []
          : [{ size: d.size, value: Number(value.toFixed(2)) }];
      });
      if (values.length >= 2) rows.push({ figure, dataset, values, unit, exponent: exponent(values) });
    }
  }
  return rows;
}

const films = (size: number) =>
  size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : size.toLocaleString('en');
const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'pass' : '**FAIL**');
const cell = (text: string) => text.replaceAll('|', '\\|');

function checksTable(checks: readonly Check[]): string[] {
  const lines = [
    '| data | films | figure | value | target | result | detail |',
    '|---|---:|---|---:|---|---|---|',
  ];
  for (const c of checks) {
    const size = c.dataset === 'print' ? '' : films(c.size);
    lines.push(
      `| ${c.dataset} | ${size} | ${cell(c.figure)} | ${c.value.toLocaleString('en')} ${c.unit} | ${c.target} | ${verdict(c.pass)} | ${cell(c.note ?? '')} |`,
    );
  }
  return lines;
}

function growthTable(rows: readonly GrowthRow[], sizes: readonly number[]): string[] {
  if (rows.length === 0) return [];
  const header = `| data | figure | ${sizes.map(films).join(' | ')} | per film at largest | growth k |`;
  const lines = [header, `|---|---|${sizes.map(() => '---:|').join('')}---:|---:|`];
  for (const row of rows) {
    const bySize = new Map(row.values.map((v) => [v.size, v.value]));
    const last = row.values.at(-1);
    const perFilm =
      last && row.unit === 'ms' && /time/.test(row.figure)
        ? `${((last.value * 1000) / last.size).toFixed(0)} µs`
        : '';
    const values = sizes.map((size) => (bySize.has(size) ? `${bySize.get(size)} ${row.unit}` : '—'));
    lines.push(
      `| ${row.dataset} | ${cell(row.figure)} | ${values.join(' | ')} | ${perFilm} | ${row.exponent ?? '—'} |`,
    );
  }
  return lines;
}

/** The whole report, in Markdown: a header line, the figures, growth, and what was skipped. */
export function formatReport(result: BenchResult): string {
  const m = result.machine;
  const failed = result.checks.filter((c) => c.pass === false).length;
  const checked = result.checks.filter((c) => c.pass !== null).length;
  const sizes = [...new Set(result.datasets.filter((d) => d.dataset !== 'real').map((d) => d.size))].sort(
    (a, b) => a - b,
  );
  return [
    `Filmfolio bench, ${result.startedAt}: ${(result.totalMs / 1000).toFixed(0)} s; node ${m.node}, SQLite ${m.sqlite}, ${m.cpus} × ${m.cpuModel}; load average ${m.loadAtStart.toFixed(1)} at start, ${m.loadAtEnd.toFixed(1)} at end; writing fresh memory ${m.memory.firstTouchMsPerMb.toFixed(2)} ms/MB, the same memory again ${m.memory.againMsPerMb.toFixed(2)} ms/MB.`,
    `${checked - failed} of ${checked} targets met.`,
    '',
    ...checksTable(result.checks),
    '',
    'Growth across sizes (k: value ∝ films^k between the two largest sizes; ~1 linear for totals, ~0 for index-answered latencies):',
    '',
    ...growthTable(result.growth, sizes),
    ...(result.skipped.length > 0 ? ['', 'Not measured:', ...result.skipped.map((s) => `- ${s}`)] : []),
    '',
  ].join('\n');
}
