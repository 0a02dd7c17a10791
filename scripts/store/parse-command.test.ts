import { describe, expect, it } from "vitest";

import { parseCommand, UsageError } from "./parse-command";

describe("npm run store -- parseCommand", () => {
  it("reads migrate's source and target, written as the usage shows or as a bare URL", () => {
    const expected = {
      name: "migrate",
      sqlitePath: "data/console.db",
      target: { host: "db", port: 5432, database: "console", user: "kc", password: "pw", pool: { max: 1 } },
    };
    expect(
      parseCommand(
        ["migrate", "--from", "sqlite:data/console.db", "--to", "postgres:postgres://kc:pw@db/console"],
        {},
      ),
    ).toEqual(expected);
    expect(
      parseCommand(["migrate", "--to", "postgresql://kc@db/console", "--from", "sqlite:data/console.db"], {
        PGPASSWORD: "pw",
      }),
    ).toEqual(expected);
  });

  it("answers help, and names what is wrong", () => {
    expect(parseCommand([], {})).toBe("help");
    expect(parseCommand(["help"], {})).toBe("help");
    const problem = (argv: string[]) => {
      try {
        parseCommand(argv, {});
        return undefined;
      } catch (error) {
        return error instanceof UsageError ? error.message : String(error);
      }
    };
    expect(problem(["copy"])).toBe('unknown command "copy"');
    expect(problem(["migrate", "--to", "postgres://u@h/d"])).toBe("--from is missing");
    expect(problem(["migrate", "--from", "db.sqlite", "--to", "postgres://u@h/d"])).toMatch(
      /--from must be sqlite:<path>/,
    );
    expect(problem(["migrate", "--from", "sqlite:x", "--to", "mysql://u@h/d"])).toMatch(
      /--to must be postgres:<url>/,
    );
    expect(problem(["migrate", "--from", "sqlite:x", "--to", "postgres://u:secret@h"])).toBe(
      "--to names no database (…/database after the host)",
    );
    expect(problem(["migrate", "--from", "sqlite:x", "--to", "postgres://u@h/d", "--force", "yes"])).toBe(
      "unknown option --force",
    );
  });
});
