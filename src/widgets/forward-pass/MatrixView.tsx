import type { MatrixBlock, MatrixView } from './view.ts';

const HI = { background: 'var(--note-bg)', fontWeight: 700, outline: '2px solid var(--accent)', outlineOffset: '-2px' };
const CELL = { padding: '0.1rem 0.45rem', textAlign: 'right' as const, whiteSpace: 'nowrap' as const, fontVariantNumeric: 'tabular-nums' };
const BRACKET = { borderCollapse: 'collapse' as const, borderLeft: '2px solid currentColor', borderRight: '2px solid currentColor', borderRadius: '6px', margin: 0 };

/** One matrix or column vector between brackets, with its name underneath. */
function Mat({ name, rows, row, col }: { name: string; rows: string[][]; row: number | null; col?: number | null }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '0.15rem' }}>
      <table style={BRACKET} aria-label={name}>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} style={i === row ? HI : undefined}>
              {r.map((c, k) => (
                <td key={k} style={{ ...CELL, ...(col !== undefined && col !== null && (rows[0].length > 1 ? k === col : i === col) ? HI : {}) }}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <span style={{ fontSize: '0.85rem', color: 'var(--fg-muted)' }} aria-hidden="true">{name}</span>
    </div>
  );
}

const Op = ({ t }: { t: string }) => (
  <span style={{ fontSize: '1.1rem', padding: '0 0.1rem', marginBottom: '1.3rem' }} aria-hidden="true">
    {t}
  </span>
);

function Block({ b }: { b: MatrixBlock }) {
  const l = b.layer === 1 ? '¹' : '²';
  const col = (xs: string[]) => xs.map((x) => [x]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.35rem', margin: '0.3rem 0' }}>
      <Mat name={`W${l}`} rows={b.W} row={b.row} />
      <Op t="·" />
      <Mat name={b.layer === 1 ? 'x' : 'a¹'} rows={col(b.input)} row={null} col={b.col} />
      <Op t="+" />
      <Mat name={`b${l}`} rows={col(b.b)} row={b.row} />
      <Op t="=" />
      <Mat name={`z${l}`} rows={col(b.z)} row={b.row} />
      <Op t="σ→" />
      <Mat name={b.layer === 1 ? 'a¹' : 'ŷ = a²'} rows={col(b.a)} row={b.row} />
    </div>
  );
}

export function MatrixViewPanel({ view, summary }: { view: MatrixView; summary: string }) {
  return (
    <details class="fig-data fp-matrix" open>
      <summary>{summary}</summary>
      <div style={{ overflowX: 'auto', marginTop: '0.4rem' }} data-testid="matrix">
        {view.blocks.map((b) => (
          <Block key={b.layer} b={b} />
        ))}
        {view.line && (
          <p style={{ margin: '0.4rem 0 0', fontVariantNumeric: 'tabular-nums' }} data-testid="matrix-line">
            {view.line}
          </p>
        )}
      </div>
    </details>
  );
}
