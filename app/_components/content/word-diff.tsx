import { diffWordsWithSpace } from "diff";

/**
 * One side of a word diff: the first response shows the words only it has as deleted, the
 * second the words only it has as inserted, both with the words they share left plain.
 */
export function WordDiff({
  text,
  other,
  side,
}: {
  text: string;
  other: string;
  side: "first" | "second";
}) {
  const parts =
    side === "first" ? diffWordsWithSpace(text, other) : diffWordsWithSpace(other, text);
  return (
    <div className="diff-text" dir="auto" data-testid="word-diff">
      {parts.map((part, i) => {
        if (part.added) return side === "second" ? <ins key={i}>{part.value}</ins> : null;
        if (part.removed) return side === "first" ? <del key={i}>{part.value}</del> : null;
        return <span key={i}>{part.value}</span>;
      })}
    </div>
  );
}
