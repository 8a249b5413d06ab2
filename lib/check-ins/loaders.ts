import "server-only";
import { z } from "zod";
import { findCheckInByTokenHash } from "@/db/queries/check-ins";
import { tokenLoader } from "@/lib/chain/token";
import { checkInClosedMessage, checkInStatus } from "./status";

/**
 * The check-in page: the organisation's name, the leader's name and whether the link still takes an answer.
 * Nothing else of the organisation: not the counterpart, not the department, no other person.
 */
export const loadCheckInPage = tokenLoader(
  {
    route: "/o/[slug]/check-in/[token]",
    input: z.object({}),
    lookup: findCheckInByTokenHash,
    expect: { token: "checkIn", session: "none" },
  },
  async ({ org, record }) => {
    const status = checkInStatus(record);
    return { orgName: org.name, leaderName: record.leaderName, status, closed: checkInClosedMessage(status, record.leaderName) };
  },
);
