// Components every chapter can use without importing them.
import KeyIdeas from './KeyIdeas.astro';
import References from './References.astro';

export const mdxComponents = { KeyIdeas, References };
