/**
 * Fills {name} placeholders from vars; a placeholder without a value stays visible, so a
 * missing variable shows on the page instead of vanishing. The site's one placeholder rule:
 * the server's translator (index.ts) and the islands' tr() (src/widgets/kit/strings.ts) both
 * use it. It imports no dictionary, so islands can use it without shipping one.
 */
export function fill(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m)) : template;
}
