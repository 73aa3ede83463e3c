import {
  Alert,
  Button,
  Group,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  sipAccountSchema,
  type SipAccount,
  type SipAccountView,
  type SipConnectionTest,
} from '../../../src-shared/telephony/sipAccountSchema';
import { invoke } from '../../api/pultClient';
import { problemText, reportProblem } from '../../common/problems';

const empty: SipAccount = {
  wsUrl: '',
  sipUri: '',
  authorizationUser: '',
  displayName: '',
  iceServers: [],
  dtmfMode: 'rfc4733',
};

/** The operator's SIP account, with a test that says in plain words what is wrong. */
export function SipAccountForm() {
  const { t } = useTranslation();
  const [view, setView] = useState<SipAccountView | undefined>();
  const [account, setAccount] = useState<SipAccount>(empty);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ color: string; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    invoke('sip.account.get').then(
      (v) => {
        setView(v);
        if (v.account !== null) setAccount(v.account);
      },
      (e: unknown) => reportProblem('load', e),
    );
  }, []);

  const set = (key: keyof SipAccount, value: string) => setAccount((a) => ({ ...a, [key]: value }));
  const checked = () => {
    const parsed = sipAccountSchema.safeParse(account);
    if (!parsed.success) setMessage({ color: 'red', text: t('sip.invalid') });
    return parsed.success ? parsed.data : undefined;
  };
  const describe = (result: SipConnectionTest) =>
    result.ok
      ? { color: 'teal', text: t('sip.ok') }
      : { color: 'red', text: t(`sip.problems.${result.problem}`, { detail: result.detail }) };

  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    action()
      .catch((e: unknown) => setMessage({ color: 'red', text: problemText(e) }))
      .finally(() => setBusy(false));
  };
  const passwordOrKeep = password === '' ? {} : { password };

  return (
    <Stack gap="sm" maw={520} data-testid="sip-account">
      <Title order={2} size="h5">
        {t('sip.title')}
      </Title>
      <TextInput
        label={t('sip.wsUrl')}
        placeholder={t('sip.wsUrlHint')}
        value={account.wsUrl}
        disabled={view?.wsUrlLocked === true}
        description={view?.wsUrlLocked === true ? t('sip.locked') : undefined}
        onChange={(e) => set('wsUrl', e.currentTarget.value)}
        data-testid="sip-wsUrl"
      />
      <TextInput
        label={t('sip.sipUri')}
        placeholder={t('sip.sipUriHint')}
        value={account.sipUri}
        onChange={(e) => set('sipUri', e.currentTarget.value)}
        data-testid="sip-sipUri"
      />
      <Group grow>
        <TextInput
          label={t('sip.authorizationUser')}
          value={account.authorizationUser}
          onChange={(e) => set('authorizationUser', e.currentTarget.value)}
        />
        <TextInput
          label={t('sip.displayName')}
          value={account.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
        />
      </Group>
      <Group grow>
        <TextInput
          label={t('sip.iceServers')}
          description={t('sip.iceServersHint')}
          value={account.iceServers.join(', ')}
          onChange={(e) =>
            setAccount((a) => ({
              ...a,
              iceServers: e.currentTarget.value
                .split(/[,\s]+/)
                .filter((url) => url !== '')
                .slice(0, 10),
            }))
          }
          data-testid="sip-iceServers"
        />
        <Select
          label={t('sip.dtmfMode')}
          value={account.dtmfMode}
          allowDeselect={false}
          onChange={(v) =>
            setAccount((a) => ({ ...a, dtmfMode: v === 'info' ? 'info' : 'rfc4733' }))
          }
          data={[
            { value: 'rfc4733', label: t('sip.dtmfModes.rfc4733') },
            { value: 'info', label: t('sip.dtmfModes.info') },
          ]}
          data-testid="sip-dtmfMode"
        />
      </Group>
      <PasswordInput
        label={t('sip.password')}
        description={view?.hasPassword === true ? t('sip.passwordStored') : undefined}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="off"
        data-testid="sip-password"
      />
      {view?.passwordStoreWeak === true && (
        <Alert color="yellow" data-testid="sip-password-store-weak">
          {t('sip.passwordStoreWeak')}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          loading={busy}
          data-testid="sip-test"
          onClick={() =>
            run(async () => {
              const valid = checked();
              if (valid !== undefined)
                setMessage(
                  describe(
                    await invoke('sip.testConnection', { account: valid, ...passwordOrKeep }),
                  ),
                );
            })
          }
        >
          {t('sip.test')}
        </Button>
        <Button
          loading={busy}
          data-testid="sip-save"
          onClick={() =>
            run(async () => {
              const valid = checked();
              if (valid === undefined) return;
              setView(await invoke('sip.account.save', { account: valid, ...passwordOrKeep }));
              setPassword('');
              setMessage({ color: 'teal', text: t('sip.saved') });
            })
          }
        >
          {t('sip.save')}
        </Button>
      </Group>
      {message !== undefined && (
        <Alert color={message.color} role="status" data-testid="sip-message">
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
