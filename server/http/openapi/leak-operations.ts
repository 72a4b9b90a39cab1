import { LEAK_FILTERS, LEAK_PAGE_LIMIT } from "@/server/services/leaks/leak-inputs";
import * as l from "../v1/leak-schemas";
import type { Operation } from "./operation";

/** The identity-leak guard's review (DESIGN §15). */
export const LEAK_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/identity-leaks",
    operationId: "listIdentityLeaks",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Items flagged by the identity-leak guard",
    description:
      "Responses are checked against the campaign's `identity_leak_words` at import and after generation, before anyone is served them. Phrases match ignoring case, across any whitespace, as whole words (\"Llama\" matches \"Llama-2\", not \"llamas\"). Under `identity_leak: hold` a flagged item is served to nobody until released; under `warn` it is served with a warning. Each flagged item lists its matching responses, the phrases and the text around them.",
    query: [
      { name: "status", description: "Which flagged items", enum: LEAK_FILTERS, default: "flagged" },
      { name: "after", description: "The `next` of the previous page" },
      { name: "limit", description: `Items per page (at most ${LEAK_PAGE_LIMIT})`, default: "50" },
    ],
    responses: { 200: { description: "The flagged items", schema: l.identityLeaksOut } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/identity-leaks/release",
    operationId: "releaseIdentityLeaks",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Release flagged items (or hold them again)",
    description:
      "Released items are served to annotators without a warning and exported again. `released: false` puts released items back under the campaign's mode. A later re-check that finds different phrases flags a released item again.",
    body: { schema: l.releaseIdentityLeaksBody },
    responses: { 200: { description: "What changed", schema: l.releaseIdentityLeaksOut } },
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/identity-leaks/recheck",
    operationId: "recheckIdentityLeaks",
    tag: "Data",
    tier: "admin",
    idOf: "campaign",
    summary: "Check every response against the list again",
    description:
      "Changing `identity_leak_words` does this by itself; this is for items imported before the guard existed. A released item whose phrases are unchanged stays released.",
    responses: { 200: { description: "What changed", schema: l.recheckIdentityLeaksOut } },
  },
];
