import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { memberships } from "../schema";

/**
 * Whether the query's `memberships` row is an active rep of the organisation, of these teams (undefined: any) or
 * this one rep (undefined: any), for queries written with the query builder.
 */
export function isActiveRepOf(orgId: string, scope: { teamIds?: readonly string[]; repUserId?: string }): SQL {
  return and(
    eq(memberships.orgId, orgId),
    eq(memberships.role, "rep"),
    eq(memberships.status, "active"),
    scope.teamIds ? inArray(memberships.teamId, [...scope.teamIds]) : undefined,
    scope.repUserId ? eq(memberships.userId, scope.repUserId) : undefined,
  )!;
}
