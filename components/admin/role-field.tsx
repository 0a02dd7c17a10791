"use client";

import { ROLES, type Role } from "@/lib/schemas/auth";
import { Field, Select } from "@/components/ui/field";

interface RoleFieldProps {
  value: Role;
  onChange: (role: Role) => void;
  errors?: string[];
}

/** The "Role" select of the add-user and create-token forms. */
export function RoleField({ value, onChange, errors }: RoleFieldProps) {
  return (
    <Field label="Role" errors={errors} className="w-40">
      {(control) => (
        <Select
          {...control}
          name="role"
          value={value}
          onChange={(event) => onChange(event.target.value as Role)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
