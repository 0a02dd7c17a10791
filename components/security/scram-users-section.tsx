"use client";

import { useState } from "react";

import type { ScramUser } from "@/lib/schemas/scram-users";
import { Card, CardHeader } from "@/components/ui/card";

import { ScramUserForm, type ScramFormPreset } from "./scram-user-form";
import { ScramUsersTable } from "./scram-users-table";

/** The users' table and the form; "Change password" in a row fills the form with that user. */
export function ScramUsersSection({ cluster, users }: { cluster: string; users: ScramUser[] }) {
  const [preset, setPreset] = useState<ScramFormPreset>();
  return (
    <div className="space-y-6">
      <Card aria-labelledby="scram-users-title">
        <CardHeader
          titleId="scram-users-title"
          title="Users"
          description={`${users.length} ${users.length === 1 ? "user" : "users"} with SCRAM credentials`}
        />
        <ScramUsersTable
          cluster={cluster}
          users={users}
          onChangePassword={(user, mechanism) => {
            setPreset({ user, mechanism, key: (preset?.key ?? 0) + 1 });
            document.getElementById("scram-form-title")?.scrollIntoView({ block: "start" });
          }}
        />
      </Card>
      <Card aria-labelledby="scram-form-title">
        <CardHeader
          titleId="scram-form-title"
          title={preset ? `Change the password of ${preset.user}` : "Create a user or change a password"}
          description="The salted password is computed on the console's server (RFC 5802); Kafka stores only the salt and the salted password."
        />
        <div className="px-5 py-4">
          <ScramUserForm key={preset?.key ?? 0} cluster={cluster} preset={preset} />
        </div>
      </Card>
    </div>
  );
}
