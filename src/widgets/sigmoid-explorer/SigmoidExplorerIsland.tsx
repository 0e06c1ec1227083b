import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { activationColour } from '../charts/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import { clampNumber } from '../kit/params.ts';
import { tr } from '../kit/strings.ts';
import { Slider, Toggle } from '../controls/index.ts';
import { SIGMOID_SCHEMA, readout, type SigmoidValues } from './model.ts';
import { SYMBOLS, sigmoidChart, sigmoidSummary, sigmoidTable, readoutText } from './view.ts';

interface Props extends IslandProps<SigmoidValues> {
  chartSvg?: ComponentChildren;
}

export default function SigmoidExplorerIsland({ figureId, lang, strings: s, initial, chartSvg }: Props) {
  const state = useFigureState(SIGMOID_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 640, 300, 760);
  const chart = useMemo(() => sigmoidChart(v, s, theme, width), [v.x, v.tanh, theme, width]);
  const r = readout(v.x);
  const t = readoutText(r, lang);
  // The chart keeps its pointer listeners while the callback stays the same object.
  const set = useRef(state.set);
  set.current = state.set;
  const onDrag = useCallback((x: number) => set.current('x', clampNumber(SIGMOID_SCHEMA.x, x).value), []);
  const sig = activationColour('sigmoid', theme);
  const th = activationColour('tanh', theme);

  return (
    <FigureShell figureId={figureId} lang={lang} strings={s} summary={sigmoidSummary(v, s, lang)} state={state} data={sigmoidTable(v)}>
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.sigmoidExplorer.x')} spec={SIGMOID_SCHEMA.x} value={v.x} onChange={(x) => state.set('x', x)} format={(x) => formatNumber(x, lang, 1)} />
        <Toggle label={tr(s, 'widget.sigmoidExplorer.showTanh')} checked={v.tanh} onChange={(x) => state.set('tanh', x)} />
        <p class="fig-note">{tr(s, 'widget.sigmoidExplorer.dragHint')}</p>
      </div>
      <dl class="sx-readout" data-readout style="display:flex;flex-wrap:wrap;gap:0.3rem 1.6rem;margin:0 0 0.6rem;font-variant-numeric:tabular-nums;font-size:1.05rem">
        <Item term="x" value={t.x} testId="x" />
        <Item term={SYMBOLS.sigma} value={t.s} colour={sig} testId="sigma" />
        <Item term={SYMBOLS.dSigma} value={t.ds} colour={sig} testId="dsigma" />
        {v.tanh && <Item term={SYMBOLS.tanh} value={t.t} colour={th} testId="tanh" />}
        {v.tanh && <Item term={SYMBOLS.dTanh} value={t.dt} colour={th} testId="dtanh" />}
      </dl>
      <div ref={box}>
        <Chart options={chart} fallback={chartSvg} primary onDragX={onDrag} />
      </div>
      <p class="fig-note">{tr(s, 'widget.sigmoidExplorer.legend')}</p>
    </FigureShell>
  );
}

function Item({ term, value, colour, testId }: { term: string; value: string; colour?: string; testId: string }) {
  return (
    <div style="display:flex;gap:0.4rem;align-items:baseline">
      <dt style={`font-weight:600${colour ? `;border-bottom:3px solid ${colour}` : ''}`}>{term}</dt>
      <dd style="margin:0;font-weight:600" data-value={testId}>
        = {value}
      </dd>
    </div>
  );
}
