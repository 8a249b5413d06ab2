import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
    /** The user's session version when this session was issued. */
    sv: number;
  }
  interface User {
    id: string;
    name: string;
    email: string;
    sv: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    sv: number;
  }
}
