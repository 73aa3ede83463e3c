import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCard } from '../../../src-shared/clients/clientSchemas';
import { invoke } from '../../api/pultClient';
import { problemText } from '../../common/problems';

interface Draft {
  fullName: string;
  phones: string[];
  address: string;
  city: string;
  email: string;
  personalAccount: string;
  notes: string;
  doNotCall: boolean;
  tags: string[];
}

function draftOf(card: ClientCard | undefined, initialPhone = ''): Draft {
  return {
    fullName: card?.fullName ?? '',
    phones:
      card === undefined || card.phones.length === 0
        ? [initialPhone]
        : card.phones.map((p) => p.raw),
    address: card?.address ?? '',
    city: card?.city ?? '',
    email: card?.email ?? '',
    personalAccount: card?.personalAccount ?? '',
    notes: card?.notes ?? '',
    doNotCall: card?.doNotCall ?? false,
    tags: card?.tags ?? [],
  };
}

/** Create or edit a client. Main judges the input and answers per field; nothing is saved half-way. */
export function ClientForm({
  card,
  initialPhone,
  onClose,
  onSaved,
}: {
  card: ClientCard | undefined;
  /** A new client for a caller nobody knows: the number is filled in. */
  initialPhone?: string | undefined;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(card, initialPhone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const error = (key: string) => {
    const code = errors[key];
    return code === undefined ? undefined : t(`clients.errors.${code}` as 'clients.errors.invalid');
  };

  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    const payload = {
      ...draft,
      phones: draft.phones.filter((raw) => raw.trim() !== '').map((raw) => ({ raw })),
    };
    try {
      const result =
        card === undefined
          ? await invoke('clients.create', payload)
          : await invoke('clients.update', { id: card.id, draft: payload });
      if (result.ok) onSaved(result.id);
      else setErrors(result.fieldErrors);
    } catch (e) {
      setFailure(t('clients.form.saveFailed', { message: problemText(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(card === undefined ? 'clients.form.titleNew' : 'clients.form.titleEdit')}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        data-testid="client-form"
      >
        <Stack gap="sm">
          <TextInput
            label={t('clients.form.fullName')}
            value={draft.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={error('fullName')}
            data-autofocus
            data-testid="form-fullName"
          />
          {draft.phones.map((phone, index) => (
            <Group key={index} align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('clients.form.phone')}
                value={phone}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  set(
                    'phones',
                    draft.phones.map((p, i) => (i === index ? value : p)),
                  );
                }}
                error={error(
                  `phones.${draft.phones.slice(0, index).filter((p) => p.trim() !== '').length}.raw`,
                )}
                data-testid={`form-phone-${index}`}
              />
              {draft.phones.length > 1 && (
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('clients.actions.removePhone')}
                  onClick={() =>
                    set(
                      'phones',
                      draft.phones.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {draft.phones.length < 10 && (
            <Button variant="subtle" size="xs" onClick={() => set('phones', [...draft.phones, ''])}>
              {t('clients.actions.addPhone')}
            </Button>
          )}
          <Group grow>
            <TextInput
              label={t('clients.form.address')}
              value={draft.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={error('address')}
              data-testid="form-address"
            />
            <TextInput
              label={t('clients.form.city')}
              value={draft.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              error={error('city')}
              data-testid="form-city"
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('clients.form.email')}
              value={draft.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={error('email')}
              data-testid="form-email"
            />
            <TextInput
              label={t('clients.form.personalAccount')}
              value={draft.personalAccount}
              onChange={(e) => set('personalAccount', e.currentTarget.value)}
              error={error('personalAccount')}
            />
          </Group>
          <TagsInput
            label={t('clients.form.tags')}
            value={draft.tags}
            onChange={(tags) => set('tags', tags)}
            error={error('tags')}
          />
          <Textarea
            label={t('clients.form.notes')}
            value={draft.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={error('notes')}
            autosize
            minRows={2}
            maxRows={6}
          />
          <Checkbox
            label={t('clients.form.doNotCall')}
            checked={draft.doNotCall}
            onChange={(e) => set('doNotCall', e.currentTarget.checked)}
          />
          {failure !== undefined && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('clients.actions.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="form-save">
              {t('clients.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
