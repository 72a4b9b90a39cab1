/**
 * The rationale length rule, apart from the template schemas so that the annotate screen can
 * read it without loading the schema library into the browser.
 */

/** Longest rationale a campaign accepts unless its template sets `max_length`. */
export const DEFAULT_RATIONALE_MAX_LENGTH = 10_000;

/** The rationale length cap of a template, stored before the cap existed or not. */
export function rationaleMaxLength(template: { rationale: { max_length?: number } }): number {
  return template.rationale.max_length ?? DEFAULT_RATIONALE_MAX_LENGTH;
}
