/**
 * Reading a message's text and images, apart from the message schemas so that screens can use
 * it without loading the schema library into the browser. The content shape is the one
 * messages.ts validates: a string, or text and image_url parts.
 */
type MessageContent =
  | string
  | readonly ({ type: "text"; text: string } | { type: "image_url"; image_url: { url: string } })[];

/** A message's text for places that show or write text only: its text parts, in order. */
export function messageText(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n\n");
}

/** The image URLs of a message, in order (none for a plain text message). */
export function messageImages(content: MessageContent): string[] {
  if (typeof content === "string") return [];
  return content.flatMap((part) => (part.type === "image_url" ? [part.image_url.url] : []));
}
