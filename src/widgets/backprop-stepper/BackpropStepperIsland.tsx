import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { Select, Stepper } from '../controls/index.ts';
import { PARAMS } from '../worked-example/example.ts';
import { paramLabel } from '../worked-example/notation.ts';
import { BACK_STEPS, BACKPROP_SCHEMA, backprop, EPS, nudge, type BackpropValues } from './model.ts';
import { backpropChart, backpropSummary, backpropTable, nudgeRows, nudgeVerdict, stepLabel, stepLines } from './view.ts';

interface Props extends IslandProps<BackpropValues> {
  networkSvg?: ComponentChildren;
}

export default function BackpropStepperIsland({ figureId, lang, strings: s, initial, networkSvg }: Props) {
  const state = useFigureState(BACKPROP_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 720, 280, 880, 40);
  const result = useMemo(() => backprop(), []);
  const chart = useMemo(() => backpropChart(result, step, s, theme, lang, width), [step, theme, width]);
  const check = useMemo(() => (checked === v.sel ? nudge(result, checked) : null), [checked, v.sel]);
  const sel = PARAMS.find((p) => p.key === v.sel) ?? PARAMS[0];

  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={backpropSummary(result, step, s, lang) + (check ? ' ' + nudgeVerdict(check, s, lang) : '')}
      state={state}
      data={backpropTable(result, s)}
    >
      <div class="fig-controls">
        <Stepper
          label={tr(s, 'widget.backpropStepper.order')}
          moves={[
            { label: tr(s, 'widget.workedExample.back'), onPress: () => setStep((k) => Math.max(0, k - 1)), disabled: step === 0 },
            { label: tr(s, 'widget.backpropStepper.next'), onPress: () => setStep((k) => Math.min(BACK_STEPS, k + 1)), disabled: step === BACK_STEPS, primary: true },
          ]}
          resetLabel={tr(s, 'kit.reset')}
          onReset={() => setStep(0)}
          resetDisabled={step === 0}
          counter={stepLabel(step, s, lang)}
        />
      </div>
      <div ref={box}>
        <Chart options={chart} fallback={networkSvg} primary />
      </div>
      <div class="fig-note" style={{ fontVariantNumeric: 'tabular-nums', color: 'var(--fg)', margin: '0.3rem 0 0.8rem' }} data-testid="step-lines" aria-live="off">
        {stepLines(result, step, lang).map((l, i) => (
          <p key={i} style={{ margin: '0.15rem 0' }}>{l}</p>
        ))}
      </div>
      <div class="fig-controls" style={{ borderTop: '1px solid var(--border)', paddingTop: '0.9rem' }}>
        <div style={{ gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: '0.6rem 1rem', alignItems: 'flex-end' }}>
        <Select label={tr(s, 'widget.backpropStepper.nudgeWhich')} value={sel.key} options={PARAMS.map((p) => ({ value: p.key, label: paramLabel(p, s) }))} onChange={(x) => state.set('sel', x)} />
        <div class="ctl">
          <button type="button" class="btn btn--primary" onClick={() => setChecked(sel.key)}>
            {tr(s, 'widget.backpropStepper.nudgeButton', { eps: formatNumber(EPS, lang, 3) })}
          </button>
        </div>
        </div>
        {check && (
          <div style={{ gridColumn: '1 / -1' }} data-testid="nudge">
            <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}>
              <tbody>
                {nudgeRows(check, s, lang).map(([k, val], i) => (
                  <tr key={i} style={i === 3 || i === 4 ? { fontWeight: 700 } : undefined}>
                    <th scope="row" style={{ textAlign: 'left', fontWeight: 'inherit', padding: '0.15rem 1rem 0.15rem 0', borderBottom: '1px solid var(--border)' }}>{k}</th>
                    <td style={{ textAlign: 'right', padding: '0.15rem 0', borderBottom: '1px solid var(--border)' }}>{val}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </FigureShell>
  );
}
