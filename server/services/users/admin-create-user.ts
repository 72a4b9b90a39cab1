import type { Db } from "@/db/client";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { createUser, type CreatedUser } from "./create-user";
import type { CreateUserInput } from "./user-inputs";
import { writeTransaction } from "@/server/services/with-retry";

/** An admin creates an account (Users page, REST, CLI); the creation is audited. */
export async function adminCreateUser(
  db: Db,
  params: { input: CreateUserInput; actorId: string | null },
): Promise<CreatedUser> {
  return writeTransaction(db, async (tx) => {
    const created = await createUser(tx, params.input);
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: AUDIT_ACTIONS.userCreate,
      subjectType: "user",
      subjectId: created.user.id,
      details: { email: created.user.email, role: created.user.role },
    });
    return created;
  });
}
