"use client";

import type { ReactNode } from "react";

/** A number field; the caller decides how the raw text becomes an option value. */
export function NumberInput({
  value,
  onChange,
  ...bounds
}: {
  value: number | string;
  onChange: (raw: string) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <input
      className="input"
      type="number"
      {...bounds}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function Field({
  show,
  label,
  error,
  children,
}: {
  show: boolean;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  if (!show) return null;
  return (
    <label className="flex flex-col gap-1 font-medium">
      {label}
      {children}
      {error && (
        <span role="alert" className="text-xs font-normal text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}

export function Select<V extends string>({
  value,
  options,
  onChange,
}: {
  value: V;
  options: Record<V, string>;
  onChange: (value: V) => void;
}) {
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value as V)}>
      {(Object.entries(options) as [V, string][]).map(([key, label]) => (
        <option key={key} value={key}>
          {label}
        </option>
      ))}
    </select>
  );
}
