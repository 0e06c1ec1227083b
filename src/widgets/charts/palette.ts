import type { ActivationName } from '../../lib/index.ts';
import { SURFACES, legible, type Theme } from '../theme.ts';

export type { Theme };
export { legible };

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

/**
 * The runs a figure compares (RNN against LSTM, no norm against batch and layer norm), in
 * order: the Okabe–Ito vermillion, blue and green the activations use, so one hue means one
 * thing across a chapter's figures.
 */
export function runColours(theme: Theme): readonly [string, string, string] {
  const c = ACTIVATION_COLOURS[theme];
  return [c.sigmoid, c.relu, c.leakyRelu];
}

/**
 * Neutral colours for secondary marks (theory lines, grid, muted data). `surface` is the
 * figure's background, for rings around dots and halos behind labels. `muted` is also
 * used for text, so it keeps 4.5:1 against both surfaces of its theme.
 */
export function neutral(theme: Theme) {
  const surface = SURFACES[theme].raised;
  return theme === 'dark'
    ? { ink: 'currentColor', muted: SURFACES.dark.muted, faint: '#3a3f4b', accent: '#7fb0ef', warn: '#ff8a80', dead: '#6b7080', surface }
    : { ink: 'currentColor', muted: SURFACES.light.muted, faint: '#d9d4c8', accent: '#1f5fa8', warn: '#b3261e', dead: '#a3a3a3', surface };
}

/** A colour for chart text in this hue: the line colour, darkened or lightened to 4.5:1. */
export function textColour(colour: string, theme: Theme): string {
  return legible(colour, theme);
}

/** Two classes in scatter plots and boundaries: orange vs blue stays distinct under every colour-vision type. */
export function classColours(theme: Theme): [string, string] {
  return theme === 'dark' ? ['#FFB347', '#6CC4F5'] : ['#E69F00', '#0072B2'];
}

/** Diverging scheme for signed values (weights, gradients): blue negative, orange positive. */
export const DIVERGING_SCHEME = 'PuOr';
/** Sequential scheme for magnitudes on a log scale (heatmaps). */
export const SEQUENTIAL_SCHEME = 'viridis';

/**
 * One colour per hidden layer in figures that draw layers as separate lines (Okabe–Ito,
 * apart from the activation colours), lighter in the dark theme.
 */
export function layerColours(theme: Theme): string[] {
  return theme === 'dark' ? ['#F0A3D0', '#FFC24D', '#9AD7F7'] : ['#B3478A', '#B07800', '#2B8CC4'];
}

/** The most earlier runs a chart draws as ghosts under the current one. */
export const MAX_GHOSTS = 4;

/**
 * How the k-th ghost (an earlier run) is drawn: a muted hue that still keeps 3:1 against
 * both surfaces of its theme, and a dash pattern of its own, so two ghosts stay apart for
 * readers who cannot tell the hues apart (and in a greyscale print). Their labels go
 * through textColour like every other label.
 */
export function ghostStyle(k: number, theme: Theme): { colour: string; dash: string } {
  const colours = theme === 'dark' ? ['#8078a8', '#6a9479', '#a68466', '#7092ad'] : ['#7d6fae', '#5c8f6e', '#a97c55', '#5f8fb0'];
  const dashes = ['6 3', '2 2.5', '9 3 2 3', '4 2 1 2'];
  return { colour: colours[k % colours.length], dash: dashes[k % dashes.length] };
}
