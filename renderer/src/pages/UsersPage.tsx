import { Badge, Button, Group, Menu, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ADMIN, type InputOf } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain';
import { formatDateTime } from '../../../shared/format';
import { UserCreateInput, UserResetPasswordInput, UserUpdateInput } from '../../../shared/schemas/auth';
import type { User } from '../../../shared/types';
import { useOffice } from '../app/useOffice';
import { DataTable } from '../components/DataTable';
import { RequireRole } from '../components/Forbidden';
import { useEditorGuard } from '../components/FormHeader';
import { notifyOk, showError, zodValidate } from '../components/forms';
import { DialogActions } from '../components/DialogActions';
import { useI18n } from '../i18n';
import { call } from '../rpc';

const col = createColumnHelper<User>();

export function UsersPage() {
  return (
    <RequireRole roles={ADMIN}>
      <Users />
    </RequireRole>
  );
}

function Users() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'edit' | 'password'; user: User } | null>(null);
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => call('users.list', {}) });
  const refresh = () => {
    // The names and the PK pickers follow a renamed, deactivated or re-roled user.
    for (const key of ['users.list', 'users.names', 'users.officers']) void qc.invalidateQueries({ queryKey: [key] });
  };
  const setActive = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => call('users.setActive', v),
    onSuccess: refresh,
    onError: (e) => showError(e, t),
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));

  const columns = useMemo(
    () => [
      col.accessor('name', { header: t('users.name') }),
      col.accessor('username', { header: t('users.username') }),
      col.accessor('role', { header: t('users.role'), cell: (c) => t(`role.${c.getValue()}`) }),
      col.accessor('position', { header: t('users.position') }),
      col.accessor('active', {
        header: t('users.status'),
        cell: (c) => (
          <Group gap={4}>
            <Badge color={c.getValue() ? 'teal' : 'gray'} variant="light">
              {c.getValue() ? t('users.active') : t('users.inactive')}
            </Badge>
            {c.row.original.lockedUntil && Date.parse(c.row.original.lockedUntil) > Date.now() && (
              <Badge color="red" variant="light">
                {t('users.lockedUntil', { time: formatDateTime(c.row.original.lockedUntil, zone, locale) })}
              </Badge>
            )}
          </Group>
        ),
      }),
      col.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (c) => {
          const u = c.row.original;
          return (
            <Menu withinPortal position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default">
                  {t('common.actions')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ kind: 'edit', user: u })}>{t('common.edit')}</Menu.Item>
                <Menu.Item onClick={() => setDialog({ kind: 'password', user: u })}>{t('users.resetPassword')}</Menu.Item>
                <Menu.Item color={u.active ? 'red' : 'teal'} onClick={() => setActive.mutate({ id: u.id, active: !u.active })}>
                  {u.active ? t('users.deactivate') : t('users.activate')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          );
        },
      }),
    ],
    [t, locale, zone, setActive],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={() => setDialog({ kind: 'new' })}>{t('users.add')}</Button>
      </Group>
      <DataTable data={users.data ?? []} columns={columns} getRowId={(u) => u.id} height="calc(100vh - 180px)" />
      {dialog?.kind === 'new' && <NewUser roles={roleOptions} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog?.kind === 'edit' && <EditUser user={dialog.user} roles={roleOptions} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog?.kind === 'password' && <ResetPassword user={dialog.user} onClose={() => setDialog(null)} onSaved={refresh} />}
    </Stack>
  );
}

interface DialogProps {
  onClose: () => void;
  onSaved: () => void;
}

function NewUser({ roles, onClose, onSaved }: DialogProps & { roles: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const form = useForm<InputOf<'users.create'>>({
    initialValues: { name: '', nip: '', position: '', username: '', role: 'petugas', password: '', passwordConfirm: '' },
    validate: zodValidate(UserCreateInput, t),
  });
  // A half-filled dialog counts as unsaved work when the user navigates away.
  useEditorGuard(form);
  const save = useMutation({
    mutationFn: (v: InputOf<'users.create'>) => call('users.create', v),
    onSuccess: (u) => (notifyOk(`${u.name}: ${t('common.saved')}`), onSaved(), onClose()),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('users.add')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TextInput label={t('users.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('users.nip')} {...form.getInputProps('nip')} />
            <TextInput label={t('users.position')} {...form.getInputProps('position')} />
            <TextInput label={t('users.username')} withAsterisk autoComplete="off" {...form.getInputProps('username')} />
            <Select label={t('users.role')} data={roles} allowDeselect={false} {...form.getInputProps('role')} />
            <PasswordInput label={t('setup.password')} withAsterisk autoComplete="new-password" {...form.getInputProps('password')} />
            <PasswordInput label={t('setup.passwordConfirm')} withAsterisk autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
          </SimpleGrid>
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function EditUser({ user, roles, onClose, onSaved }: DialogProps & { user: User; roles: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const form = useForm<InputOf<'users.update'>>({
    initialValues: { id: user.id, name: user.name, nip: user.nip, position: user.position, role: user.role },
    validate: zodValidate(UserUpdateInput, t),
  });
  // A half-filled dialog counts as unsaved work when the user navigates away.
  useEditorGuard(form);
  const save = useMutation({
    mutationFn: (v: InputOf<'users.update'>) => call('users.update', v),
    onSuccess: () => (notifyOk(t('common.saved')), onSaved(), onClose()),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={`${t('users.edit')}: ${user.username}`} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TextInput label={t('users.name')} withAsterisk {...form.getInputProps('name')} />
          <TextInput label={t('users.nip')} {...form.getInputProps('nip')} />
          <TextInput label={t('users.position')} {...form.getInputProps('position')} />
          <Select label={t('users.role')} data={roles} allowDeselect={false} {...form.getInputProps('role')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPassword({ user, onClose, onSaved }: DialogProps & { user: User }) {
  const { t } = useI18n();
  const form = useForm<InputOf<'users.resetPassword'>>({
    initialValues: { id: user.id, password: '', passwordConfirm: '' },
    validate: zodValidate(UserResetPasswordInput, t),
  });
  // A half-filled dialog counts as unsaved work when the user navigates away.
  useEditorGuard(form);
  const save = useMutation({
    mutationFn: (v: InputOf<'users.resetPassword'>) => call('users.resetPassword', v),
    onSuccess: () => (notifyOk(t('users.passwordResetDone', { name: user.name })), onSaved(), onClose()),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={`${t('users.resetPassword')}: ${user.username}`} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <Text size="sm">{user.name}</Text>
          <PasswordInput label={t('auth.newPassword')} withAsterisk autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
          <PasswordInput label={t('setup.passwordConfirm')} withAsterisk autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
