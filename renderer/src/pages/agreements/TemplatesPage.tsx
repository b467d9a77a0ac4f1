import { Alert, Badge, Button, Checkbox, Grid, Group, Loader, NavLink, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ADMIN, type InputOf } from '../../../../shared/contract';
import { TemplateSaveInput } from '../../../../shared/schemas/agreements';
import type { ArticleTemplate } from '../../../../shared/types';
import { RequireRole } from '../../components/Forbidden';
import { FormActions, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError, zodValidate } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { ArticlesEditor, LegalBasesEditor } from './TextBlocks';

type Values = InputOf<'templates.save'>;

/** The office's pasal templates: the list on the left, the chosen one open for editing on the right. */
export function TemplatesPage() {
  return (
    <RequireRole roles={ADMIN}>
      <Templates />
    </RequireRole>
  );
}

function Templates() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => call('templates.list', {}) });
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  if (!templates.data) return templates.isError ? <Alert color="red">{t('rpc.internal')}</Alert> : <Loader />;
  const current = selected === 'new' ? null : (templates.data.find((x) => x.id === selected) ?? templates.data[0] ?? null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('templates.title')}</Title>
        <Group>
          <Button variant="default" onClick={() => navigate('/pks')}>
            {t('templates.back')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setSelected('new')}>
            {t('templates.new')}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={3}>
          <Paper withBorder p={4}>
            {templates.data.map((x) => (
              <NavLink
                key={x.id}
                label={x.name}
                active={selected !== 'new' && current?.id === x.id}
                onClick={() => setSelected(x.id)}
                rightSection={x.isDefault ? <Badge size="xs">{t('templates.default')}</Badge> : null}
              />
            ))}
            {selected === 'new' && <NavLink label={t('templates.new')} active />}
          </Paper>
        </Grid.Col>
        <Grid.Col span={9}>
          <TemplateForm
            key={current ? `${current.id}:${current.updatedAt}` : 'new'}
            template={current}
            copyFrom={templates.data[0] ?? null}
            onSaved={setSelected}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function TemplateForm({
  template,
  copyFrom,
  onSaved,
}: {
  template: ArticleTemplate | null;
  copyFrom: ArticleTemplate | null;
  onSaved: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  // A new template starts as a copy of the first one (the default), which is how offices work: copy, then adjust.
  const source = template ?? copyFrom;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      id: template?.id ?? null,
      expectedUpdatedAt: template?.updatedAt ?? null,
      name: template?.name ?? '',
      isDefault: template?.isDefault ?? false,
      legalBases: [...(source?.legalBases ?? [])],
      articles: (source?.articles ?? []).map((a) => ({ ...a })),
    },
    validate: zodValidate(TemplateSaveInput, t),
  });
  const done = () => void qc.invalidateQueries({ queryKey: ['templates.list'] });
  useEditorGuard(form);
  const save = useMutation({
    mutationFn: (v: Values) => call('templates.save', v),
    onSuccess: (saved) => {
      form.resetDirty();
      done();
      notifyOk(`${saved.name}: ${t('common.saved')}`);
      onSaved(saved.id);
    },
    onError: (e) => showError(e, t, form as never),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call('templates.delete', { id }),
    onSuccess: () => {
      done();
      onSaved(null);
    },
    onError: (e) => showError(e, t),
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), revealFirstError)} data-editor noValidate>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={t('templates.name')} withAsterisk style={{ flex: 1 }} {...form.getInputProps('name')} />
            <Checkbox label={t('templates.makeDefault')} disabled={template?.isDefault} {...form.getInputProps('isDefault', { type: 'checkbox' })} mb={8} />
            {template && !template.isDefault && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                loading={remove.isPending}
                onClick={() => window.confirm(t('templates.deleteConfirm', { name: template.name })) && remove.mutate(template.id)}
              >
                {t('templates.delete')}
              </Button>
            )}
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <LegalBasesEditor form={form} />
        </Paper>
        <Paper withBorder p="md">
          <ArticlesEditor form={form} />
        </Paper>
      </Stack>
      <FormActions saving={save.isPending} />
    </form>
  );
}
