import { describe, expect, it } from "vitest";
import { parseAddressList } from "@/lib/invites/address-list";

describe("parseAddressList: a pasted list of addresses", () => {
  it("splits on new lines, commas, semicolons and spaces, lower-cases, and keeps each address once in order", () => {
    expect(parseAddressList("b@x.test, A@x.test;c@x.test\n\n  d@x.test  a@X.TEST\t e@x.test")).toEqual({
      addresses: ["b@x.test", "a@x.test", "c@x.test", "d@x.test", "e@x.test"],
      invalid: [],
    });
  });

  it("takes the address from a mail client's 'Name <address>' and a mailto: link", () => {
    expect(parseAddressList('Ana Diaz <ana@x.test>, "Okafor, Ben" <ben@x.test>; mailto:cy@x.test')).toEqual({
      addresses: ["ana@x.test", "ben@x.test", "cy@x.test"],
      invalid: [],
    });
  });

  it("returns what is not an address as typed", () => {
    expect(parseAddressList("ok@x.test, Not-An-Address, @x.test, x@")).toEqual({
      addresses: ["ok@x.test"],
      invalid: ["Not-An-Address", "@x.test", "x@"],
    });
    expect(parseAddressList("  \n , ;")).toEqual({ addresses: [], invalid: [] });
  });
});
