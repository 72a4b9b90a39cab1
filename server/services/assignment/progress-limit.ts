/** Counting open items stops here: the screen says "1000+" rather than scan a huge campaign. */
export const PROGRESS_COUNT_LIMIT = 1000;
