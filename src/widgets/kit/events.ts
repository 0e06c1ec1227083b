/**
 * The page-wide events that tie figures to the page chrome. Both sides import these names,
 * so a rename cannot leave one side listening for an event nobody sends.
 */

/** A figure rewrote the query string (its settings); the language switcher re-reads it. */
export const STATE_CHANGE_EVENT = 'vg:state-change';
/** The header toggle changed the theme; figures redraw their charts in the new palette. */
export const THEME_CHANGE_EVENT = 'vg:theme-change';
