import { Button, Group, Menu, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentSources, type ConsentView } from '../../../src-shared/campaigns/clientCallRules';
import { invoke } from '../../api/pultClient';
import { formatDate } from '../../common/formatting';
import { reportProblem } from '../../common/problems';

/**
 * The client's consent to advertising calls, on the card: recorded with its
 * source when the client gives it, withdrawn at once when they ask (a sales
 * list stops calling them from the next dial).
 */
export function ConsentLine({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const [consent, setConsent] = useState<ConsentView>();
  useEffect(() => {
    invoke('campaigns.consent.view', { clientId }).then(setConsent, (e: unknown) =>
      reportProblem('load', e),
    );
  }, [clientId]);
  const set = (given: boolean, source?: (typeof consentSources)[number]) =>
    invoke('campaigns.consent.set', {
      clientId,
      given,
      ...(source === undefined ? {} : { source }),
    }).then(setConsent, (e: unknown) => reportProblem('save', e));
  if (consent === undefined) return null;
  return (
    <Group gap="xs" data-testid="client-consent" data-given={consent.given}>
      <Text size="sm">
        {consent.given && consent.givenAt !== null
          ? t('clients.consent.given', {
              source: t(`clients.consent.sources.${consent.source ?? 'call'}`, {
                defaultValue: consent.source ?? '',
              }),
              date: formatDate(consent.givenAt, i18n.language),
            })
          : consent.withdrawnAt !== null
            ? t('clients.consent.withdrawn', {
                date: formatDate(consent.withdrawnAt, i18n.language),
              })
            : t('clients.consent.none')}
      </Text>
      {consent.given ? (
        <Button
          size="compact-xs"
          variant="default"
          color="red"
          onClick={() => void set(false)}
          data-testid="client-consent-withdraw"
        >
          {t('clients.consent.withdraw')}
        </Button>
      ) : (
        <Menu>
          <Menu.Target>
            <Button size="compact-xs" variant="default" data-testid="client-consent-give">
              {t('clients.consent.give')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {consentSources.map((source) => (
              <Menu.Item
                key={source}
                onClick={() => void set(true, source)}
                data-testid={`client-consent-source-${source}`}
              >
                {t(`clients.consent.sources.${source}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
