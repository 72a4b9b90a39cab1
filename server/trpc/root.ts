import { createCallerFactory, createTRPCRouter } from "./init";
import { campaignRouter } from "./routers/campaign";
import { exportRouter } from "./routers/export";
import { invitationRouter } from "./routers/invitation";
import { jobRouter } from "./routers/job";
import { modelRouter } from "./routers/model";
import { taskRouter } from "./routers/task";
import { tokenRouter } from "./routers/token";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  campaign: campaignRouter,
  export: exportRouter,
  invitation: invitationRouter,
  job: jobRouter,
  model: modelRouter,
  task: taskRouter,
  token: tokenRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
