export * from "./users";
export * from "./campaigns";
export * from "./items";
export * from "./assignments";
export * from "./judgements";
export * from "./exports";
export * from "./invitations";
export * from "./sign-in";
