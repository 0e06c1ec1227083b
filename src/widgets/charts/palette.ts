import type { ActivationName } from '../../lib/index.ts';

export type Theme = 'light' | 'dark';

/**
 * One colour per activation across the site, from the Okabe–Ito colour-blind-safe set.
 * Dark-theme variants are lightened so marks keep at least 3:1 against the background.
 */
const ACTIVATION_COLOURS: Record<Theme, Record<ActivationName, string>> = {
  light: {
    sigmoid: '#D55E00',
    tanh: '#AA4499',
    relu: '#0072B2',
    leakyRelu: '#009E73',
    elu: '#B8860B',
    gelu: '#6A5ACD',
    swish: '#8C564B',
    linear: '#666666',
    selu: '#882255',
  },
  dark: {
    sigmoid: '#FF8A4C',
    tanh: '#E59AD6',
    relu: '#56B4E9',
    leakyRelu: '#3CCB9A',
    elu: '#F0C24B',
    gelu: '#A99CF5',
    swish: '#D2A38F',
    linear: '#B0B0B0',
    selu: '#E07FA8',
  },
};

export function activationColour(name: ActivationName, theme: Theme): string {
  return ACTIVATION_COLOURS[theme][name];
}

/** Neutral colours for secondary marks (theory lines, grid, muted data). */
export function neutral(theme: Theme) {
  return theme === 'dark'
    ? { ink: 'currentColor', muted: '#a9adb8', faint: '#3a3f4b', accent: '#7fb0ef', warn: '#ff8a80', dead: '#6b7080' }
    : { ink: 'currentColor', muted: '#5a5f6b', faint: '#d9d4c8', accent: '#1f5fa8', warn: '#b3261e', dead: '#a3a3a3' };
}

/** Two classes in scatter plots and boundaries: orange vs blue stays distinct under every colour-vision type. */
export function classColours(theme: Theme): [string, string] {
  return theme === 'dark' ? ['#FFB347', '#6CC4F5'] : ['#E69F00', '#0072B2'];
}

/** Diverging scheme for signed values (weights, gradients): blue negative, orange positive. */
export const DIVERGING_SCHEME = 'PuOr';
/** Sequential scheme for magnitudes on a log scale (heatmaps). */
export const SEQUENTIAL_SCHEME = 'viridis';
