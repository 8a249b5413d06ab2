/**
 * The permission matrix's people file: a new rep for the fixture's "Team A" (tests/support/fixtures.ts), which
 * `leader` and `coLeader` lead and `otherLeader` does not, with an address fresh on every call.
 */
export const matrixImportFile = () => `name;email;role;team\r\nNia Newcomer;nia.${crypto.randomUUID().slice(0, 8)}@example.test;rep;Team A\r\n`;
