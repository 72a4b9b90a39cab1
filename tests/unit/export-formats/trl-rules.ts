/**
 * TRL's dataset rules (reference/formats.md, from `trl/data_utils.py`), as a checker every TRL
 * writer's rows go through. It returns the broken rules rather than throwing so a test can
 * show all of them at once.
 */
const TRL_KEYS = ["prompt", "chosen", "rejected", "completion", "messages", "label"] as const;

const ALLOWED_KEY_SETS = [
  ["messages"],
  ["prompt"],
  ["prompt", "completion"],
  ["prompt", "chosen", "rejected"],
  ["chosen", "rejected"],
  ["prompt", "completion", "label"],
].map((keys) => keys.join(","));

const ROLES = ["system", "user", "assistant", "tool"];
const PROMPT_LAST_ROLES = ["user", "tool", "assistant"];

type Msg = { role: string; content: string };

function isMessage(value: unknown): value is Msg {
  if (typeof value !== "object" || value === null) return false;
  const { role, content } = value as { role?: unknown; content?: unknown };
  return typeof role === "string" && ROLES.includes(role) && typeof content === "string";
}

export function trlViolations(row: unknown): string[] {
  if (typeof row !== "object" || row === null || Array.isArray(row))
    return ["row is not an object"];
  const record = row as Record<string, unknown>;
  const problems: string[] = [];
  const keys = TRL_KEYS.filter((key) => key in record);
  const keySet = keys.join(",");
  if (!ALLOWED_KEY_SETS.includes(keySet))
    problems.push(`key set {${keySet}} is not one TRL accepts`);
  const paired = "chosen" in record || "rejected" in record;
  if (paired && "label" in record) problems.push("a paired row has a label");
  if ("label" in record && typeof record.label !== "boolean")
    problems.push("label is not a boolean");
  if (
    "margin" in record &&
    !(typeof record.margin === "number" && Number.isFinite(record.margin))
  ) {
    problems.push("margin is not a finite number");
  }

  const textKeys = keys.filter((key) => key !== "label");
  const values = textKeys.map((key) => record[key]);
  const allStrings = values.every((v) => typeof v === "string");
  const allConversations = values.every(
    (v) => Array.isArray(v) && v.length > 0 && v.every(isMessage),
  );
  if (!allStrings && !allConversations) {
    problems.push("text columns mix formats, or a message list is empty or malformed");
  }
  if (allConversations && !allStrings) problems.push(...conversationProblems(record));
  return problems;
}

function conversationProblems(record: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const prompt = record.prompt as Msg[] | undefined;
  if (prompt) {
    const last = prompt[prompt.length - 1];
    if (!last || !PROMPT_LAST_ROLES.includes(last.role)) {
      problems.push(`the prompt ends with role ${last?.role ?? "none"}`);
    }
    // With an explicit prompt, the answers hold only the assistant turn(s).
    for (const key of ["chosen", "rejected", "completion"] as const) {
      const answer = record[key] as Msg[] | undefined;
      if (answer?.some((m) => m.role !== "assistant"))
        problems.push(`${key} holds a non-assistant turn`);
    }
  } else if ("chosen" in record) {
    // Implicit prompt: whole conversations that share everything but the answer.
    const chosen = record.chosen as Msg[];
    const rejected = record.rejected as Msg[];
    const shared = (m: Msg[]) => JSON.stringify(m.slice(0, -1));
    if (shared(chosen) !== shared(rejected))
      problems.push("chosen and rejected do not share a prefix");
    for (const side of [chosen, rejected]) {
      if (side[side.length - 1]?.role !== "assistant")
        problems.push("a conversation does not end with the answer");
    }
  }
  return problems;
}

export function expectTrlRow(row: unknown): void {
  const problems = trlViolations(row);
  if (problems.length)
    throw new Error(`TRL would reject ${JSON.stringify(row)}: ${problems.join("; ")}`);
}
