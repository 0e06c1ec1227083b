import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { Values } from '../kit/params.ts';
import { Select, Slider } from '../controls/index.ts';
import { exampleValue, FORWARD_SCHEMA, forwardPass, PARAMS, paramSymbol, STEPS, sub } from './model.ts';
import { forwardChart, forwardSummary, forwardTable, matrixView, stepLabel } from './view.ts';
import { MatrixViewPanel } from './MatrixView.tsx';

type FwdValues = Values<typeof FORWARD_SCHEMA>;
type NumSpec = { kind: 'number'; min: number; max: number; step: number; default: number };

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: FwdValues;
  networkSvg?: ComponentChildren;
}

export default function ForwardIsland({ figureId, lang, strings: s, initial, networkSvg }: Props) {
  const state = useFigureState(FORWARD_SCHEMA, figureId, initial);
  const v = state.values as Record<string, number | string>;
  const theme = useTheme();
  const [step, setStep] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 720, 280, 880, 40);
  const result = useMemo(() => forwardPass(v), [state.values]);
  const chart = useMemo(() => forwardChart(result, step, s, theme, lang, width), [result, step, theme, width]);
  const mv = matrixView(result, step, lang);
  const sel = PARAMS.find((p) => p.key === v.sel) ?? PARAMS[0];
  const selSpec = (FORWARD_SCHEMA as unknown as Record<string, NumSpec>)[sel.key];
  const f2 = (x: number) => formatNumber(x, lang, 2);
  const paramLabel = (p: (typeof PARAMS)[number]) =>
    tr(s, `widget.forwardPass.param.${p.layer}${p.kind}`, { name: paramSymbol(p), j: p.j + 1, k: p.k + 1 });
  const isExample = PARAMS.every((p) => Number(v[p.key]) === exampleValue(p)) && v.x1 === FORWARD_SCHEMA.x1.default && v.x2 === FORWARD_SCHEMA.x2.default;

  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={forwardSummary(result, step, s, lang)}
      rejected={state.rejected}
      onDismissRejected={state.dismissRejected}
      data={forwardTable(result, v, s)}
    >
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.forwardPass.input', { i: sub(1) })} spec={FORWARD_SCHEMA.x1} value={Number(v.x1)} onChange={(x) => state.set('x1', x)} format={f2} />
        <Slider label={tr(s, 'widget.forwardPass.input', { i: sub(2) })} spec={FORWARD_SCHEMA.x2} value={Number(v.x2)} onChange={(x) => state.set('x2', x)} format={f2} />
        <Select
          label={tr(s, 'widget.forwardPass.choose')}
          value={sel.key}
          options={PARAMS.map((p) => ({ value: p.key, label: paramLabel(p) }))}
          onChange={(x) => state.set('sel', x)}
        />
        <Slider
          label={tr(s, 'widget.forwardPass.valueOf', { name: paramSymbol(sel) })}
          spec={selSpec}
          value={Number(v[sel.key])}
          onChange={(x) => state.setMany({ [sel.key]: x } as Partial<FwdValues>)}
          format={f2}
        />
        <div class="ctl ctl-play" role="group" aria-label={tr(s, 'widget.forwardPass.order')}>
          <button type="button" class="btn" onClick={() => setStep((k) => Math.max(0, k - 1))} disabled={step === 0}>
            {tr(s, 'widget.forwardPass.back')}
          </button>
          <button type="button" class="btn btn--primary" onClick={() => setStep((k) => Math.min(STEPS, k + 1))} disabled={step === STEPS}>
            {tr(s, 'widget.forwardPass.next')}
          </button>
          <button type="button" class="btn" onClick={() => setStep(0)} disabled={step === 0}>
            {tr(s, 'kit.reset')}
          </button>
          <button
            type="button"
            class="btn btn--small"
            disabled={isExample}
            onClick={() => state.setMany(Object.fromEntries([['x1', FORWARD_SCHEMA.x1.default], ['x2', FORWARD_SCHEMA.x2.default], ...PARAMS.map((p) => [p.key, exampleValue(p)])]) as Partial<FwdValues>)}
          >
            {tr(s, 'widget.forwardPass.restore')}
          </button>
          <span class="ctl-play__counter" data-testid="step-label">{stepLabel(step, s, lang)}</span>
        </div>
      </div>
      <div ref={box}>
        <Chart options={chart} fallback={networkSvg} primary />
      </div>
      <MatrixViewPanel view={mv} summary={tr(s, 'widget.forwardPass.matrix')} />
    </FigureShell>
  );
}
