import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useThrottled } from './hooks.ts';
import { SteadyText } from './SteadyText.tsx';
import type { UrlNotice } from './params.ts';
import { tr, type Strings } from './strings.ts';
import { formatNumber, formatSci } from './format.ts';
import type { Lang } from '../../i18n/index.ts';
import { toCsv, toJson, type DataTable } from './table.ts';
import type { LabLink } from './openInLab.ts';

/** What every island gets from its .astro wrapper, besides its build-time slots. */
export interface IslandProps<V> {
  figureId: string;
  lang: Lang;
  /** The island's strings, resolved on the server: kit.* and its own prefixes. */
  strings: Strings;
  /** The default settings (the URL's are read after hydration). */
  initial: V;
}

/** What FigureShell needs of a figure's state (useFigureState's return value has it all). */
export interface ShellState {
  rejected: UrlNotice[];
  dismissRejected(): void;
}

export interface FigureAlert {
  message: string;
  action?: { label: string; run(): void };
}

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  children: ComponentChildren;
  /** One or two sentences saying what the chart shows right now, in the reader's language. */
  summary: string;
  /** A problem to show prominently (divergence, worker error), with a way out. */
  alert?: FigureAlert | null;
  /** The figure's settings state: its URL notices and how to dismiss them. */
  state?: ShellState;
  data: DataTable;
  /**
   * The table computed at build time, shown under "Show data" while `data` is still empty
   * (before the first live result, and always for readers without JavaScript).
   */
  staticData?: DataTable;
  /** Rows shown in the on-page table (exports always hold every row). */
  maxRows?: number;
  /**
   * "Open in the lab" for the sessions the figure trains right now (kit/openInLab.ts's
   * labLink): the link carrying them, and whether it opens a pair as an A/B comparison. The
   * caller builds it, so a figure page without training loads no link encoder.
   */
  lab?: LabLink;
}

/** The file exports (SVG, PNG, downloads) are loaded when a reader first asks for one. */
const exporter = () => import('./export.ts');

/** The sentence for one URL notice. Only the schema's name and a sanitised value are quoted. */
export function noticeText(n: UrlNotice, s: Strings, lang: Lang): string {
  if (n.name === null) return tr(s, 'kit.url.unknown', { value: n.value });
  if (n.action === 'clamped') return tr(s, 'kit.url.clamped', { name: n.name, value: n.value, to: formatNumber(n.to ?? NaN, lang, 6) });
  return tr(s, 'kit.url.ignored', { name: n.name, value: n.value });
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
export function FigureShell({ figureId, lang, strings, children, summary, alert, state, data, staticData, maxRows = 60, lab }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const rejected = state?.rejected ?? [];
  const dismiss = state?.dismissRejected ?? (() => {});
  // Until the island runs, nothing here can work: the build-time HTML shows the controls
  // disabled (an inert fieldset) and the data table filled, instead of pretending to be live.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const table = data.rows.length === 0 && staticData ? staticData : data;
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
  const shownRows = table.rows.length > maxRows ? table.rows.filter((_, i) => i % Math.ceil(table.rows.length / maxRows) === 0 || i === table.rows.length - 1) : table.rows;
  const inert = { border: 0, padding: 0, margin: 0, minInlineSize: 0 };

  return (
    <div class="fig-shell" ref={root} data-hydrated={hydrated ? 'true' : undefined}>
      {rejected.length > 0 && (
        <div class="fig-notice" role="status">
          <p>{[tr(strings, 'kit.urlRejected'), ...rejected.map((n) => noticeText(n, strings, lang))].join(' ')}</p>
          <button type="button" class="btn btn--small" onClick={dismiss}>
            {tr(strings, 'kit.dismiss')}
          </button>
        </div>
      )}
      <fieldset class="fig-shell__live" disabled={!hydrated} style={inert}>
        {/* The fieldset's one child never changes. Chromium rebuilds a fieldset's whole layout
            tree whenever a direct child is added, removed or hidden: the alert appearing as a
            run diverged re-created the layout of every control and chart of the figure, a frame
            of 45-60 ms of CPU at 4x throttling on exploding-gradients (npm run bench:ui). */}
        <div class="fig-shell__body">
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
        </div>
      </fieldset>
      {/* The visible summary follows the charts it describes; screen readers hear it at most once a second. */}
      <SteadyText class="fig-summary" aria-hidden="true">{summary}</SteadyText>
      <p class="visually-hidden" aria-live="polite">{liveSummary}</p>
      <fieldset class="fig-actions" disabled={!hydrated} style={inert}>
        <button type="button" class="btn btn--small" onClick={copyLink}>
          {tr(strings, 'kit.copyLink')}
        </button>
        {lab && (
          <a class="btn btn--small fig-actions__lab" href={lab.href} title={tr(strings, lab.pair ? 'kit.openInLabPairHint' : 'kit.openInLabHint')}>
            {tr(strings, 'kit.openInLab')}
          </a>
        )}
        <span class="fig-actions__msg" role="status">
          {copied === 'ok' ? tr(strings, 'kit.linkCopied') : copied === 'fail' ? tr(strings, 'kit.copyFailed') : ''}
        </span>
        <span class="fig-actions__group" role="group" aria-label={tr(strings, 'kit.export')}>
          <button type="button" class="btn btn--small" onClick={async () => (await exporter()).download(`${figureId}.csv`, new Blob([toCsv(table)], { type: 'text/csv' }))}>
            CSV
          </button>
          <button type="button" class="btn btn--small" onClick={async () => (await exporter()).download(`${figureId}.json`, new Blob([toJson(table, meta())], { type: 'application/json' }))}>
            JSON
          </button>
          <button
            type="button"
            class="btn btn--small"
            onClick={async () => {
              const svg = primarySvg();
              const { download, standaloneSvg } = await exporter();
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
              const { download, svgToPng } = await exporter();
              if (svg) download(`${figureId}.png`, await svgToPng(svg));
            }}
          >
            PNG
          </button>
        </span>
      </fieldset>
      <details class="fig-data" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{tr(strings, 'kit.showData')}</summary>
        <div class="fig-data__scroll" tabIndex={0} role="region" aria-label={tr(strings, 'kit.dataTable')}>
          <table>
            <thead>
              <tr>{table.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
            </thead>
            <tbody>
              {(tableOpen || !hydrated) && shownRows.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j}>{cell(v, lang)}</td>)}</tr>
              ))}
            </tbody>
          </table>
          {shownRows.length < table.rows.length && <p class="fig-data__note">{tr(strings, 'kit.rowsShown', { shown: shownRows.length, total: table.rows.length })}</p>}
        </div>
      </details>
    </div>
  );
}
