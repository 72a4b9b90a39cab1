"use client";

import { useEffect, useRef, type Ref } from "react";
import { MessageList } from "@/app/_components/content/message-body";
import type { Turn } from "@/server/domain/turns";
import type { TaskViewProps } from "./answer-kind";
import { Conversation } from "./conversation";
import { hintOf, shortcutOf } from "./key-map";
import { STRENGTH_OPTIONS, verdictOptions } from "./pairwise-answer";
import { RationaleAndFlags } from "./rationale-flags";
import { StrengthAndCriteria } from "./strength-criteria";
import { ErrorLine, SubmitBar } from "./task-bar";
import { setTurn, turnProblem, type TurnsAnswer, type TurnsTask, type TurnVerdictAnswer } from "./turns-answer";

const SLOTS = ["A", "B"] as const;
type Props = TaskViewProps<TurnsTask, TurnsAnswer>;

/** "A is better, slightly" — what a turn's verdict says, in the screen's own words. */
function verdictText(turn: TurnVerdictAnswer | undefined, props: Props, ids: string[]): string {
  const option = verdictOptions(props.template, ids).find((o) => o.value === turn?.choice);
  if (!option) return "No verdict yet";
  const strength = STRENGTH_OPTIONS.find((s) => s.value === turn?.strength);
  return strength ? `${option.label}, ${strength.label.toLowerCase()}` : option.label;
}

/**
 * The per-turn comparison screen (DESIGN §16): the prompt, then the two responses turn by turn,
 * the focused turn ringed with its verdict controls. Earlier turns stay in view with their
 * verdicts; later ones appear as the annotator reaches them. Keys act on the focused turn.
 */
export function TurnsView(props: Props) {
  const { template, answer, onChange } = props;
  const ids = props.responses.map((r) => r.id);
  const off = props.closed || props.submitting;
  const focused = useRef<HTMLLIElement>(null);
  useEffect(() => {
    focused.current?.scrollIntoView?.({ block: "nearest" });
  }, [answer.cursor]);
  const sides = ids.map((id) => template.responseTurns[id] ?? []);
  const firstOpen = answer.turns.findIndex((t) => turnProblem(t, template, ids) !== null);
  const reached = Math.max(answer.cursor, firstOpen === -1 ? template.turnCount - 1 : firstOpen);
  const ahead = template.turnCount - 1 - reached;
  const set = (index: number, patch: Partial<TurnVerdictAnswer>) => {
    if (!off) onChange(setTurn(answer, template, ids, index, patch));
  };

  return (
    <article aria-label={props.label ?? "Task"} data-assignment-id={props.assignmentId} className="space-y-4">
      <Conversation messages={props.prompt} />
      <p className="text-sm text-slate-600">
        Judge the two responses turn by turn ({template.turnCount} turn{template.turnCount === 1 ? "" : "s"}). Keys act on
        the ringed turn; move with <span className="kbd">{hintOf(props.keys, "next-turn")}</span> /{" "}
        <span className="kbd">{hintOf(props.keys, "prev-turn")}</span>.
      </p>
      <ol aria-label="Turns" className="space-y-4">
        {Array.from({ length: reached + 1 }, (_, i) => (
          <TurnCard
            key={i}
            {...props}
            index={i}
            sides={sides.map((turns) => turns[i])}
            isFocused={answer.cursor === i}
            itemRef={answer.cursor === i ? focused : undefined}
            onSet={(patch) => set(i, patch)}
            ids={ids}
            off={Boolean(off)}
          />
        ))}
      </ol>
      {ahead > 0 && (
        <p className="text-sm text-slate-500">
          {ahead} more turn{ahead === 1 ? "" : "s"} to judge after this one.
        </p>
      )}
      <UncomparedTurns sides={sides} count={template.turnCount} />
      {/* As on the pairwise screen: shown when the template asks for flags or a rationale. */}
      {(template.flags.length > 0 || template.rationale.required) && (
        <RationaleAndFlags
          template={template}
          rationale={answer.rationale}
          flags={answer.flags}
          onChange={(patch) => onChange({ ...answer, ...patch })}
        />
      )}
      <div className="card verdict-bar flex flex-wrap items-center gap-2" role="group" aria-label="Your verdict">
        <SubmitBar {...props} showProblem={answer.turns.some((t) => t.choice !== null)} />
      </div>
      <ErrorLine error={props.error} />
    </article>
  );
}

function TurnCard(
  props: Props & {
    index: number;
    sides: (Turn | undefined)[];
    isFocused: boolean;
    itemRef?: Ref<HTMLLIElement>;
    onSet: (patch: Partial<TurnVerdictAnswer>) => void;
    ids: string[];
    off: boolean;
  },
) {
  const { index, sides, isFocused, ids, template, keys, off } = props;
  const turn = props.answer.turns[index];
  const name = `Turn ${index + 1} of ${template.turnCount}`;
  const opening = sides[0]?.opening ?? [];
  const preferred = ids.includes(turn?.choice ?? "");
  const shortcut = (id: string) => (isFocused ? shortcutOf(keys, id) : undefined);
  return (
    <li
      ref={props.itemRef}
      aria-label={name}
      aria-current={isFocused ? "step" : undefined}
      data-testid="turn"
      data-choice={turn?.choice ?? ""}
      // Scrolled into view above the sticky verdict bar, not under it.
      className={`card min-w-0 scroll-mt-4 scroll-mb-28 space-y-3 ${isFocused ? "ring-2 ring-indigo-500" : ""}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">{name}</h2>
        <span className="text-xs text-slate-500">{verdictText(turn, props, ids)}</span>
      </div>
      {opening.length > 0 && (
        <div className="space-y-2 rounded-md bg-slate-50 p-2">
          <MessageList messages={opening} label={`${name}:`} />
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        {sides.map((side, s) => (
          <section
            key={ids[s]}
            aria-label={`${name}, response ${SLOTS[s]}`}
            className={`min-w-0 space-y-2 rounded-md border p-2 ${turn?.choice === ids[s] ? "border-indigo-500" : "border-slate-200"}`}
          >
            <h3 className="text-xs font-semibold text-slate-500">Response {SLOTS[s]}</h3>
            <MessageList messages={side?.answer ?? []} label={`${name}, response ${SLOTS[s]}:`} />
          </section>
        ))}
      </div>
      <div role="group" aria-label={`Verdict on turn ${index + 1}`} className="flex flex-wrap items-center gap-2">
        {verdictOptions(template, ids).map((o) => (
          <button
            key={o.value}
            type="button"
            aria-label={`Turn ${index + 1}: ${o.label}`}
            aria-pressed={turn?.choice === o.value}
            aria-keyshortcuts={shortcut(`verdict:${o.value}`)}
            disabled={off}
            onClick={() => props.onSet({ choice: o.value })}
            className={`btn ${turn?.choice === o.value ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
          >
            {o.label} {isFocused && <span className="kbd">{hintOf(keys, `verdict:${o.value}`)}</span>}
          </button>
        ))}
      </div>
      <StrengthAndCriteria
        template={template}
        value={{ strength: turn?.strength ?? null, criteria: turn?.criteria ?? {} }}
        ids={ids}
        keys={keys}
        preferred={preferred}
        focused={isFocused}
        disabled={off}
        scope={{ label: `turn ${index + 1}`, name: `turn-${index}` }}
        onSet={props.onSet}
      />
    </li>
  );
}

/** A longer response's further turns: shown for context, never judged (server/domain/turns.ts). */
function UncomparedTurns({ sides, count }: { sides: Turn[][]; count: number }) {
  return sides.map((turns, s) =>
    turns.length > count ? (
      <details key={s} className="card text-sm">
        <summary className="cursor-pointer font-medium">
          Response {SLOTS[s]} goes on for {turns.length - count} more turn{turns.length - count === 1 ? "" : "s"} (not compared)
        </summary>
        <div className="mt-2 space-y-3">
          <MessageList messages={turns.slice(count).flatMap((t) => [...t.opening, ...t.answer])} label={`Response ${SLOTS[s]}, not compared:`} />
        </div>
      </details>
    ) : null,
  );
}
