import type { FieldSpec } from "./edit-form";

type Family = { id: number; name: string };

export function modelFields(
  families: Family[],
  d: Partial<Record<string, string | number | null>>,
): FieldSpec[] {
  return [
    { name: "name", label: "Name", defaultValue: d.name, required: true },
    { name: "slug", label: "Id (for its address)", defaultValue: d.slug, required: true },
    {
      name: "kind",
      label: "Kind",
      type: "select",
      options: [
        { value: "model", label: "model" },
        { value: "family", label: "family" },
      ],
      defaultValue: d.kind ?? "model",
    },
    {
      name: "familyId",
      label: "Belongs to family",
      type: "select",
      options: [
        { value: "", label: "— none —" },
        ...families.map((f) => ({ value: String(f.id), label: f.name })),
      ],
      defaultValue: d.familyId,
    },
    {
      name: "status",
      label: "Status",
      type: "select",
      options: [
        { value: "released", label: "released (weights published)" },
        { value: "announced", label: "announced (weights not released yet)" },
      ],
      defaultValue: d.status ?? "released",
    },
    { name: "developer", label: "Developer", defaultValue: d.developer, required: true },
    {
      name: "description",
      label: "Short description (no numbers: those belong in cited claims)",
      type: "textarea",
      rows: 2,
      defaultValue: d.description,
    },
  ];
}
