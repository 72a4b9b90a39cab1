import { createCallerFactory, createTRPCRouter } from "./init";
import { campaignRouter } from "./routers/campaign";
import { taskRouter } from "./routers/task";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  campaign: campaignRouter,
  task: taskRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
