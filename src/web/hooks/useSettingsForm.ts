/**
 * One way for a settings page to load, edit and save a municipality's settings: read with their
 * version, edited as a draft, checked with core's zod schema and saved with the version read
 * (useSchemaForm), so that a 409 `version_conflict` can offer to reload. After a save the page's
 * query and the queries the settings feed (`invalidates`) are read again.
 */
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useSchemaForm } from './useSchemaForm.js';

/** What a settings endpoint answers and takes: the settings and the version they were read at. */
type Versioned<V> = { settings: V; version: number };

/**
 * The loaded response (`loaded`), the draft (`values`, changed with `set`), `submit`, whether the
 * last submit saved (`saved`), `reload`, and useSchemaForm's `busy`, `attempt`, `errors` and
 * `problem`; `conflict` is true after a 409 `version_conflict`.
 */
export function useSettingsForm<L extends Versioned<object>, S extends z.ZodType<Versioned<L['settings']>>>({
  queryKey,
  load,
  schema,
  save,
  invalidates = [],
}: {
  queryKey: QueryKey;
  load: () => Promise<L>;
  schema: S;
  save: (body: z.output<S>) => Promise<unknown>;
  invalidates?: QueryKey[];
}) {
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey, queryFn: load });
  const [values, setValues] = useState<L['settings'] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(loaded.data?.settings ?? null), [loaded.data]);

  async function reload() {
    for (const key of [queryKey, ...invalidates]) await queryClient.invalidateQueries({ queryKey: key });
  }
  const form = useSchemaForm(schema, save, {
    onSuccess: async () => {
      setSaved(true);
      await reload();
    },
  });

  return {
    loaded,
    values,
    set: (patch: Partial<L['settings']>) => setValues((current) => (current ? { ...current, ...patch } : current)),
    submit(event?: FormEvent) {
      event?.preventDefault();
      if (!values || !loaded.data) return;
      setSaved(false);
      form.submit({ settings: values, version: loaded.data.version } as z.input<S>);
    },
    saved,
    reload,
    busy: form.busy,
    attempt: form.attempt,
    errors: form.errors,
    problem: form.problem,
    conflict: form.code === 'version_conflict',
  };
}
