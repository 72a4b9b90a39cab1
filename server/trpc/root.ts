import { createCallerFactory, createTRPCRouter } from "./init";
import { auditRouter } from "./routers/audit";
import { campaignRouter } from "./routers/campaign";
import { exportRouter } from "./routers/export";
import { identityLeakRouter } from "./routers/identity-leak";
import { invitationRouter } from "./routers/invitation";
import { qualityRouter } from "./routers/quality";
import { jobRouter } from "./routers/job";
import { modelRouter } from "./routers/model";
import { taskRouter } from "./routers/task";
import { tokenRouter } from "./routers/token";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  audit: auditRouter,
  campaign: campaignRouter,
  export: exportRouter,
  identityLeak: identityLeakRouter,
  invitation: invitationRouter,
  quality: qualityRouter,
  job: jobRouter,
  model: modelRouter,
  task: taskRouter,
  token: tokenRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
