import { describe, expect, it } from "vitest";
import { postgresTarget } from "./client";

describe("postgresTarget", () => {
  it("passes a TCP URL through untouched", () => {
    expect(postgresTarget("postgres://postgres@127.0.0.1:5432/clinic")).toEqual(["postgres://postgres@127.0.0.1:5432/clinic", {}]);
  });

  it("turns libpq's ?host=/folder into that server's Unix socket, on the URL's port", () => {
    const [url, options] = postgresTarget("postgres://postgres@localhost:5433/clinic?host=/var/run/postgresql/&sslmode=disable");
    expect(options).toEqual({ path: "/var/run/postgresql/.s.PGSQL.5433" });
    expect(url).toBe("postgres://postgres@localhost:5433/clinic?sslmode=disable");
  });

  it("uses port 5432 when the URL names none", () => {
    expect(postgresTarget("postgres://postgres@localhost/clinic?host=/tmp")[1]).toEqual({ path: "/tmp/.s.PGSQL.5432" });
  });

  it("leaves a host name in the query alone", () => {
    expect(postgresTarget("postgres://postgres@localhost/clinic?host=db.internal")[1]).toEqual({});
  });
});
