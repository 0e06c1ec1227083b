import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { download, standaloneSvg, svgToPng } from './export.ts';
import { useThrottled } from './hooks.ts';
import { tr, type Strings } from './strings.ts';
import { formatNumber, formatSci } from './format.ts';
import type { Lang } from '../../i18n/index.ts';
import { toCsv, toJson, type DataTable } from './table.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  children: ComponentChildren;
  /** One or two sentences saying what the chart shows right now, in the reader's language. */
  summary: string;
  /** A problem to show prominently (divergence, worker error), with a way out. */
  alert?: { message: string; action?: { label: string; run(): void } } | null;
  /** Settings from the URL that were ignored. */
  rejected: string[];
  onDismissRejected(): void;
  data: DataTable;
  /** Rows shown in the on-page table (exports always hold every row). */
  maxRows?: number;
}

/** Table cells in the reader's notation; exports keep full precision. */
function cell(v: string | number, lang: Lang): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? formatNumber(v, lang, 0) : formatSci(v, lang, 3);
}

/**
 * The chrome every live figure shares: URL notices, the summary (aria-live, at most once
 * a second), the divergence alert, "copy link", exports and the data table.
 */
export function FigureShell({ figureId, lang, strings, children, summary, alert, rejected, onDismissRejected, data, maxRows = 60 }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'ok' | 'fail' | null>(null);
  // The table is built only while it is open: it can hold hundreds of formatted cells.
  const [tableOpen, setTableOpen] = useState(false);
  const liveSummary = useThrottled(summary, 1000);
  const primarySvg = () =>
    (root.current?.querySelector('.fig-chart[data-primary="true"] svg.vg-plot') ??
      root.current?.querySelector('svg.vg-plot')) as SVGSVGElement | null;

  const copyLink = async () => {
    const url = new URL(location.href);
    url.hash = figureId;
    try {
      await navigator.clipboard.writeText(url.href);
      setCopied('ok');
    } catch {
      setCopied('fail');
    }
    setTimeout(() => setCopied(null), 4000);
  };
  const meta = () => ({ figure: figureId, url: location.href, generated: new Date().toISOString() });
  const shownRows = data.rows.length > maxRows ? data.rows.filter((_, i) => i % Math.ceil(data.rows.length / maxRows) === 0 || i === data.rows.length - 1) : data.rows;

  return (
    <div class="fig-shell" ref={root} data-hydrated="true">
      {rejected.length > 0 && (
        <div class="fig-notice" role="status">
          <p>{tr(strings, 'kit.urlRejected', { names: rejected.join(', ') })}</p>
          <button type="button" class="btn btn--small" onClick={onDismissRejected}>
            {tr(strings, 'kit.dismiss')}
          </button>
        </div>
      )}
      {children}
      {alert && (
        <div class="fig-alert" role="alert">
          <p>{alert.message}</p>
          {alert.action && (
            <button type="button" class="btn btn--primary" onClick={alert.action.run}>
              {alert.action.label}
            </button>
          )}
        </div>
      )}
      <p class="fig-summary" aria-live="polite">{liveSummary}</p>
      <div class="fig-actions">
        <button type="button" class="btn btn--small" onClick={copyLink}>
          {tr(strings, 'kit.copyLink')}
        </button>
        <span class="fig-actions__msg" role="status">
          {copied === 'ok' ? tr(strings, 'kit.linkCopied') : copied === 'fail' ? tr(strings, 'kit.copyFailed') : ''}
        </span>
        <span class="fig-actions__group" role="group" aria-label={tr(strings, 'kit.export')}>
          <button type="button" class="btn btn--small" onClick={() => download(`${figureId}.csv`, new Blob([toCsv(data)], { type: 'text/csv' }))}>
            CSV
          </button>
          <button type="button" class="btn btn--small" onClick={() => download(`${figureId}.json`, new Blob([toJson(data, meta())], { type: 'application/json' }))}>
            JSON
          </button>
          <button
            type="button"
            class="btn btn--small"
            onClick={() => {
              const svg = primarySvg();
              if (svg) download(`${figureId}.svg`, new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
            }}
          >
            SVG
          </button>
          <button
            type="button"
            class="btn btn--small"
            onClick={async () => {
              const svg = primarySvg();
              if (svg) download(`${figureId}.png`, await svgToPng(svg));
            }}
          >
            PNG
          </button>
        </span>
      </div>
      <details class="fig-data" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{tr(strings, 'kit.showData')}</summary>
        <div class="fig-data__scroll" tabIndex={0} role="region" aria-label={tr(strings, 'kit.dataTable')}>
          <table>
            <thead>
              <tr>{data.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {tableOpen && shownRows.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j}>{cell(v, lang)}</td>)}</tr>
              ))}
            </tbody>
          </table>
          {shownRows.length < data.rows.length && <p class="fig-data__note">{tr(strings, 'kit.rowsShown', { shown: shownRows.length, total: data.rows.length })}</p>}
        </div>
      </details>
    </div>
  );
}
