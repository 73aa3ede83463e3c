import { Button, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onEvent } from '../api/pultClient';

/** "Are you there?" after a long idle time in Ready; main goes Not Ready (away) if unanswered. */
export function IdlePrompt() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  useEffect(() => onEvent('agent.idlePrompt', (prompt) => setAsking(prompt.asking)), []);
  const here = () => {
    setAsking(false);
    void invoke('agent.present');
  };
  return (
    <Modal opened={asking} onClose={here} title={t('status.idleTitle')} centered>
      <Text size="sm" mb="md">
        {t('status.idleText')}
      </Text>
      <Button onClick={here} data-autofocus data-testid="idle-here">
        {t('status.idleHere')}
      </Button>
    </Modal>
  );
}
