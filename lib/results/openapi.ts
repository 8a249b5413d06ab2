import { z } from "zod";
import { apiError, apiResultsAnswer, apiResultsBody } from "@/lib/schemas/results";

/**
 * The OpenAPI 3.1 description of the REST API, served at /api/v1/openapi.json, generated from the zod schemas the
 * route validates with (lib/schemas/results.ts), so the description cannot drift from what is checked.
 */
export function openApiDocument(serverUrl: string) {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  const answer = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  return {
    openapi: "3.1.0",
    info: {
      title: "Coachgrid API",
      version: "1",
      description:
        "Write sales results from another system (a CRM export job). Authenticate with an organisation's API token, created by an admin under Results → Settings, as `Authorization: Bearer <token>`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "An organisation's API token (cg_…), scope results:write." } },
      schemas: { ResultsBody: schema(apiResultsBody), ResultsWritten: answer(apiResultsAnswer), Error: answer(apiError) },
    },
    security: [{ apiToken: [] }],
    paths: {
      "/api/v1/organisations/{slug}/cycles/{cycleId}/results": {
        put: {
          operationId: "putResults",
          summary: "Write reps' values of measures for one cycle",
          description:
            "Creates or updates each rep's value of each measure in the cycle. Every result is checked first: when any is invalid, nothing is written and the answer lists every invalid one. Values equal to the stored ones change nothing, so sending the same body again is safe. Needs the scope results:write. At most 60 calls a minute per token.",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" }, description: "The organisation's address, as in /o/{slug}." },
            {
              name: "cycleId",
              in: "path",
              required: true,
              schema: { type: "string", format: "uuid" },
              description: "An open or closed cycle of the organisation.",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ResultsBody" } } } },
          responses: {
            "200": { description: "Written.", content: { "application/json": { schema: { $ref: "#/components/schemas/ResultsWritten" } } } },
            "400": error("The body is not JSON."),
            "401": error("No token, an unknown or revoked token, or another organisation's token."),
            "403": error("The token does not have the scope results:write."),
            "404": error("No such organisation, or no such cycle in it."),
            "422": error("The body or some results are invalid; nothing was written."),
            "429": error("Too many calls with this token; see Retry-After."),
          },
        },
      },
    },
  };
}
