/** The template schemas live in server/domain so that formats and the schema can share them. */
export * from "@/server/domain/template-config";
