/** The value sets of an item and its responses, shared by the schema, imports and formats. */

export const ITEM_KINDS = ["regular", "gold", "probe"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const PROMPT_FORMATS = ["text", "messages"] as const;
export type PromptFormat = (typeof PROMPT_FORMATS)[number];
export const CONTENT_KINDS = ["text", "code", "image", "audio"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
