/** The part of autocannon 9's API that `npm run bench` uses (the package ships no types). */
declare module "autocannon" {
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
  type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): Instance;
  };
  export default function autocannon(options: Options): Instance;
}
