import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
    /** The user's session version when this session was issued. */
    sv: number;
    /** This session's id: signing out lists it as ended on the server. */
    sid: string;
  }
  interface User {
    id: string;
    name: string;
    email: string;
    sv: number;
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    sv: number;
    sid: string;
  }
}
