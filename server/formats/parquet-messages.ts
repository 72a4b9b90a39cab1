import type { SchemaElement } from "hyparquet-writer";
import { MESSAGE_ROLES } from "./messages";

/**
 * Message lists as Parquet columns. Plain conversations are a LIST of {role, content} structs,
 * which `datasets` and TRL read as conversations. Conversations with tool turns need more per
 * message: `tool_calls` (a list of {id, type, function: {name, arguments}}), `tool_call_id`
 * and `name`, each null where a message has none — the shape TRL's tool-calling rows and chat
 * templates read. A column is declared one or the other for the whole file.
 */

const STRING = { type: "BYTE_ARRAY", converted_type: "UTF8" } as const;
const MESSAGE_KEYS = ["role", "content"];
const TOOL_MESSAGE_KEYS = ["role", "content", "tool_calls", "tool_call_id", "name"];

function hasRoleAndText(m: Record<string, unknown>): boolean {
  return typeof m.role === "string" && (MESSAGE_ROLES as readonly string[]).includes(m.role) && typeof m.content === "string";
}

/** True for a list of exactly `{role, content}` messages; anything richer is kept as JSON. */
export function isMessageList(value: unknown): value is { role: string; content: string }[] {
  return (
    Array.isArray(value) &&
    value.every((m) => typeof m === "object" && m !== null && Object.keys(m).length === 2 && hasRoleAndText(m as Record<string, unknown>))
  );
}

function isToolCall(call: unknown): boolean {
  if (typeof call !== "object" || call === null) return false;
  const { id, type, function: fn } = call as Record<string, unknown>;
  if (typeof id !== "string" || typeof type !== "string" || typeof fn !== "object" || fn === null) return false;
  const { name, arguments: args } = fn as Record<string, unknown>;
  return typeof name === "string" && typeof args === "string";
}

/** True for text messages that may carry tool calls, a `tool_call_id` or a `name`, and nothing else. */
export function isToolMessageList(value: unknown): value is Record<string, unknown>[] {
  if (!Array.isArray(value)) return false;
  return value.every((raw) => {
    if (typeof raw !== "object" || raw === null) return false;
    const m = raw as Record<string, unknown>;
    if (!hasRoleAndText(m) || Object.keys(m).some((k) => !TOOL_MESSAGE_KEYS.includes(k))) return false;
    if (m.tool_calls !== undefined && !(Array.isArray(m.tool_calls) && m.tool_calls.every(isToolCall))) return false;
    return ["tool_call_id", "name"].every((k) => m[k] === undefined || typeof m[k] === "string");
  });
}

/** Every message with each field present (null when absent), as the struct column stores it. */
export function toolMessageCells(messages: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return messages.map((m) => Object.fromEntries(TOOL_MESSAGE_KEYS.map((k) => [k, m[k] ?? null])));
}

/** The schema elements of a message-list column: the standard three-level LIST of a struct. */
export function messageListSchema(name: string, withTools: boolean): SchemaElement[] {
  const keys = withTools ? TOOL_MESSAGE_KEYS : MESSAGE_KEYS;
  const head: SchemaElement[] = [
    { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    { name: "element", repetition_type: "REQUIRED", num_children: keys.length },
    { name: "role", ...STRING, repetition_type: "REQUIRED" },
    { name: "content", ...STRING, repetition_type: "REQUIRED" },
  ];
  if (!withTools) return head;
  return [
    ...head,
    { name: "tool_calls", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    { name: "element", repetition_type: "REQUIRED", num_children: 3 },
    { name: "id", ...STRING, repetition_type: "REQUIRED" },
    { name: "type", ...STRING, repetition_type: "REQUIRED" },
    { name: "function", repetition_type: "REQUIRED", num_children: 2 },
    { name: "name", ...STRING, repetition_type: "REQUIRED" },
    { name: "arguments", ...STRING, repetition_type: "REQUIRED" },
    { name: "tool_call_id", ...STRING, repetition_type: "OPTIONAL" },
    { name: "name", ...STRING, repetition_type: "OPTIONAL" },
  ];
}
