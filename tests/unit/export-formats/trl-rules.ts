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

type Part = { type: "image" } | { type: "text"; text: string };
type Msg = { role: string; content: string | Part[]; tool_calls?: { id?: unknown }[]; tool_call_id?: unknown };
/** Roles an answer (chosen, rejected, completion) may hold: the assistant's turn, with the tool results it called for. */
const ANSWER_ROLES = ["assistant", "tool"];

/** A vision message's part as TRL's chat templates read it: text, or an image placeholder. */
function isPart(value: unknown): value is Part {
  if (typeof value !== "object" || value === null) return false;
  const { type, text } = value as { type?: unknown; text?: unknown };
  return (type === "image" && Object.keys(value).length === 1) || (type === "text" && typeof text === "string");
}

function isMessage(value: unknown): value is Msg {
  if (typeof value !== "object" || value === null) return false;
  const { role, content } = value as { role?: unknown; content?: unknown };
  const parts = Array.isArray(content) && content.length > 0 && content.every(isPart);
  return typeof role === "string" && ROLES.includes(role) && (typeof content === "string" || parts);
}

/**
 * `prepare_multimodal_messages`: the prompt's `{type: "image"}` placeholders must number
 * exactly the row's images, and a vision row writes every message as parts.
 */
function visionProblems(record: Record<string, unknown>): string[] {
  if (!("images" in record)) return [];
  const images = record.images;
  if (!Array.isArray(images)) return ["images is not a list"];
  const problems: string[] = [];
  if (images.some((i) => typeof i !== "string" && (typeof i !== "object" || i === null)))
    problems.push("an image is neither a URL nor an {bytes, path} object");
  const prompt = Array.isArray(record.prompt) ? (record.prompt as Msg[]) : [];
  const placeholders = prompt.flatMap((m) => (Array.isArray(m.content) ? m.content : [])).filter((p) => p.type === "image").length;
  if (placeholders !== images.length)
    problems.push(`${placeholders} image placeholders for ${images.length} images`);
  for (const key of ["prompt", "chosen", "rejected", "completion"] as const) {
    const value = record[key];
    if (Array.isArray(value) && (value as Msg[]).some((m) => typeof m.content === "string"))
      problems.push(`${key} mixes text and part contents in a vision row`);
    if (key !== "prompt" && Array.isArray(value) && (value as Msg[]).some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === "image")))
      problems.push(`${key} holds an image placeholder outside the prompt`);
  }
  return problems;
}

/** The shape of one column's value, to check a file holds one format per column. */
function columnShape(value: unknown): string {
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) {
    const first = value[0] as { content?: unknown } | undefined;
    return first && Array.isArray(first.content) ? "messages(parts)" : "messages(text)";
  }
  return typeof value;
}

/** `datasets` needs one type per column across the whole file, not only per row. */
export function fileFormatViolations(rows: readonly Record<string, unknown>[]): string[] {
  const shapes = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const seen = shapes.get(key) ?? new Set<string>();
      seen.add(columnShape(value));
      shapes.set(key, seen);
    }
  }
  return [...shapes].filter(([, seen]) => seen.size > 1).map(([key, seen]) => `column ${key} holds ${[...seen].join(" and ")}`);
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
  problems.push(...visionProblems(record));
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
    // With an explicit prompt, the answers hold only the assistant turn (and its tool results).
    for (const key of ["chosen", "rejected", "completion"] as const) {
      const answer = record[key] as Msg[] | undefined;
      if (!answer) continue;
      if (answer.some((m) => !ANSWER_ROLES.includes(m.role)))
        problems.push(`${key} holds a turn that is neither the assistant's nor a tool result`);
      if (answer[answer.length - 1]?.role !== "assistant") problems.push(`${key} does not end with the assistant's answer`);
      problems.push(...toolCallProblems(key, [...prompt, ...answer], prompt.length));
    }
  } else if ("chosen" in record) {
    // Implicit prompt: TRL's extract_prompt takes the longest shared opening as the prompt;
    // what follows on each side is the answer, ending with the assistant.
    const chosen = record.chosen as Msg[];
    const rejected = record.rejected as Msg[];
    let shared = 0;
    while (shared < chosen.length && shared < rejected.length && JSON.stringify(chosen[shared]) === JSON.stringify(rejected[shared])) shared++;
    if (shared === 0) problems.push("chosen and rejected do not share a prefix");
    for (const [key, side] of [["chosen", chosen], ["rejected", rejected]] as const) {
      if (side.length <= shared) problems.push(`${key} has no answer after the shared prefix`);
      if (side.slice(shared).some((m) => !ANSWER_ROLES.includes(m.role))) problems.push(`${key}'s answer holds a user or system turn`);
      if (side[side.length - 1]?.role !== "assistant") problems.push("a conversation does not end with the answer");
      problems.push(...toolCallProblems(key, side, shared));
    }
  }
  return problems;
}

/**
 * Tool turns of an answer fit together: every `tool` message from index `from` on (the
 * answer; the prompt's were checked at import) answers a `tool_calls` id made earlier in the
 * same conversation, and only an assistant makes calls.
 */
function toolCallProblems(key: string, conversation: readonly Msg[], from: number): string[] {
  const problems: string[] = [];
  const calls = new Set<unknown>();
  conversation.forEach((m, index) => {
    if (index >= from && m.tool_calls && m.role !== "assistant") problems.push(`${key}: a ${m.role} message carries tool_calls`);
    for (const call of m.tool_calls ?? []) calls.add(call.id);
    if (index >= from && m.role === "tool" && !calls.has(m.tool_call_id))
      problems.push(`${key}: tool message ${index} answers no earlier call (tool_call_id ${String(m.tool_call_id)})`);
  });
  return problems;
}

export function expectTrlRow(row: unknown): void {
  const problems = trlViolations(row);
  if (problems.length)
    throw new Error(`TRL would reject ${JSON.stringify(row)}: ${problems.join("; ")}`);
}
