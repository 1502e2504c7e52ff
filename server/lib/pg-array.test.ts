import { describe, expect, it } from "vitest";
import { pgArray, pgQuotedArray } from "./pg-array";

describe("pgArray", () => {
  it("writes uuids, numbers, booleans, timestamps and NULLs unquoted", () => {
    expect(pgArray(["8a5c2a7e-0b1d-4a57-9f1e-2f3c4d5e6f70", 3, true, null, "2027-01-31T14:00:00.000Z", "active"])).toBe(
      "{8a5c2a7e-0b1d-4a57-9f1e-2f3c4d5e6f70,3,true,NULL,2027-01-31T14:00:00.000Z,active}",
    );
    expect(pgArray([])).toBe("{}");
  });

  it("refuses anything that would need quoting rather than mis-split it", () => {
    for (const bad of ["a,b", "x}", '"q"', "two words", "", "NULL", "null"]) expect(() => pgArray([bad])).toThrow(RangeError);
  });
});

describe("pgQuotedArray", () => {
  it("quotes and escapes every element so commas, braces, quotes and the word NULL survive", () => {
    expect(pgQuotedArray(["a,b", "x}", '"q"', "back\\slash", "NULL", null, ""])).toBe('{"a,b","x}","\\"q\\"","back\\\\slash","NULL",NULL,""}');
  });
});
