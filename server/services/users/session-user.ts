import type { UserRole } from "@/db/schema";

/** Who is acting: what every procedure and service needs to know about the caller. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
}
