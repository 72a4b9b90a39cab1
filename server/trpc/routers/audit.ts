import { AUDIT_ACTION_NAMES } from "@/server/services/audit/audit-actions";
import { listAuditEventsInput } from "@/server/services/audit/audit-inputs";
import { listAuditEvents } from "@/server/services/audit/list-audit-events";
import { adminProcedure, createTRPCRouter } from "../init";

export const auditRouter = createTRPCRouter({
  list: adminProcedure
    .input(listAuditEventsInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),

  /** The action names the filter offers. */
  actions: adminProcedure.query(() => AUDIT_ACTION_NAMES),
});
