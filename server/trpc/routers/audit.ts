import { z } from "zod";
import { AUDIT_ACTION_NAMES } from "@/server/services/audit/audit-actions";
import { listAuditEventsInput } from "@/server/services/audit/audit-inputs";
import { listAuditEvents } from "@/server/services/audit/list-audit-events";
import { adminProcedure, createTRPCRouter } from "../init";

/** tRPC's infinite queries also send the paging direction; the log only pages backwards in time. */
const listInput = listAuditEventsInput.extend({
  direction: z.enum(["forward", "backward"]).optional(),
});

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(listInput).query(({ ctx, input }) => {
    const { direction: _direction, ...filters } = input;
    return listAuditEvents(ctx.db, filters);
  }),

  /** The action names the filter offers. */
  actions: adminProcedure.query(() => AUDIT_ACTION_NAMES),
});
