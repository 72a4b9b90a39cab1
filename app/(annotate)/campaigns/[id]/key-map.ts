/**
 * The one source of the annotate screen's shortcuts: the key handlers dispatch on these
 * bindings, the buttons take their `aria-keyshortcuts` from them and the `?` overlay lists them.
 */
export interface KeyBinding {
  /** What the key does; handlers and buttons look a binding up by it. */
  id: string;
  /** KeyboardEvent.key values ("Shift+Tab" for a shifted Tab). */
  keys: string[];
  label: string;
  /** How the overlay writes the keys when not one by one (e.g. "1–4"). */
  display?: string;
}

export const SUBMIT: KeyBinding = { id: "submit", keys: ["Enter"], label: "Submit" };
export const FLAGS: KeyBinding = { id: "flags", keys: ["f"], label: "Flag the task (go to the flags)" };
/** Only on a task that shows a model suggestion (a `before_submit` campaign). */
export const ACCEPT_SUGGESTION: KeyBinding = {
  id: "accept-suggestion",
  keys: ["y"],
  label: "Accept the model suggestion (submits it when nothing else is asked for)",
};

/** The suggestion key, on a task that shows a model's suggestion. */
export function suggestionKeys(task: { suggestion?: unknown }): KeyBinding[] {
  return task.suggestion ? [ACCEPT_SUGGESTION] : [];
}

/** Keys of the screen around the task, the same for every template. */
export const SCREEN_KEYS: KeyBinding[] = [
  { id: "skip", keys: ["s"], label: "Skip the task (asks for a reason)" },
  { id: "edit", keys: ["u"], label: "Edit a previous answer" },
  { id: "next", keys: ["n"], label: "Next task, after a submit that could not be stored or a check item's feedback" },
  { id: "guidelines", keys: ["g"], label: "Show or hide the guidelines" },
  { id: "help", keys: ["?"], label: "Show or hide this list" },
  { id: "close", keys: ["Escape"], label: "Close a panel or dialog; leave a text field", display: "Esc" },
];

export function bindingFor(map: readonly KeyBinding[], key: string): KeyBinding | undefined {
  return map.find((b) => b.keys.includes(key));
}

/** The `aria-keyshortcuts` value of a binding (keys separated by spaces, as ARIA wants). */
export function shortcutOf(map: readonly KeyBinding[], id: string): string | undefined {
  return map.find((b) => b.id === id)?.keys.join(" ");
}

/** What a control shows in its key hint: the binding's display, else its first key. */
export function hintOf(map: readonly KeyBinding[], id: string): string | undefined {
  const binding = map.find((b) => b.id === id);
  return binding ? (binding.display ?? binding.keys[0]) : undefined;
}

/** "1".."n" as keys, written "1–n" in the overlay. */
export function digitKeys(from: number, to: number): { keys: string[]; display: string } {
  const keys = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i));
  return { keys, display: keys.length > 1 ? `${from}–${to}` : keys.join("") };
}
