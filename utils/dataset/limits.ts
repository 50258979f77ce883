/** Limits the dataset's schema enforces that code elsewhere relies on (kept free of the schema). */

/** The longest an alias may be (characters): the scout's text parts overlap by this much. */
export const MAX_ALIAS_LENGTH = 160;
