import type { ComponentChildren } from 'preact';
import type { Lang } from '../../i18n/index.ts';
import type { ChartCaption } from '../kit/export.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { ChartCard } from './ChartCard.tsx';
import { chartTitle, type LabChartName, type LabCharts } from './view.ts';

interface Props {
  strings: Strings;
  lang: Lang;
  charts: LabCharts | null;
  /** Build-time SVG per chart, shown until the live charts are drawn. */
  fallbacks: Partial<Record<LabChartName, ComponentChildren>>;
  /** The boundary chart's editor (it replaces the plain chart in its card). */
  editor: ComponentChildren;
  settingsLines: () => string[];
}

const NOTES: Partial<Record<LabChartName, string>> = {
  grad: 'widget.lab.note.grad',
  error: 'widget.lab.note.error',
  drift: 'widget.lab.note.drift',
  dead: 'widget.lab.note.dead',
  heatmap: 'widget.lab.note.heatmap',
  histograms: 'widget.lab.note.histograms',
};

/** Every chart of the lab, in reading order: outcome first, then the per-layer diagnosis. */
export function LabChartsPanel({ strings: s, charts, fallbacks, editor, settingsLines }: Props) {
  const caption = (name: LabChartName) => (): ChartCaption => ({ title: chartTitle(name, s), lines: settingsLines(), credit: tr(s, 'widget.lab.credit') });
  const card = (name: LabChartName, extra: { primary?: boolean; children?: ComponentChildren } = {}) => (
    <ChartCard key={name} name={name} strings={s} options={charts?.[name] ?? null} fallback={fallbacks[name]} caption={caption(name)} note={NOTES[name] ? tr(s, NOTES[name]) : undefined} {...extra} />
  );
  return (
    <div class="lab-charts">
      <div class="lab-charts__top">
        {card('boundary', { children: editor })}
        <div class="lab-charts__curves">
          {card('loss', { primary: true })}
          {card('accuracy')}
        </div>
      </div>
      <div class="lab-charts__pair">
        {card('grad')}
        {card('error')}
      </div>
      <div class="lab-charts__pair">
        {card('drift')}
        {card('dead')}
      </div>
      {card('heatmap')}
      {card('histograms')}
    </div>
  );
}
