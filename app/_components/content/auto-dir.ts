interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const TEXT_BLOCKS = new Set([
  "p",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "td",
  "th",
]);

/**
 * Each block of text takes the direction of its own first strong letter, so an Arabic
 * paragraph reads right to left next to an English one (code blocks are left to right:
 * code-block.tsx).
 */
export function rehypeAutoDir() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      if (node.type === "element" && node.tagName) {
        if (TEXT_BLOCKS.has(node.tagName)) node.properties = { ...node.properties, dir: "auto" };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
