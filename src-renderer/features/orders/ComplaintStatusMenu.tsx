import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { clientWorkChanges } from './orderDesk';

/**
 * A complaint's next status from the card: taken into work, or resolved
 * with its verdict (обґрунтована or не обґрунтована), which the operator's
 * sheet counts. A resolved complaint has no next status.
 */
export function ComplaintStatusMenu({
  complaintId,
  clientId,
  status,
}: {
  complaintId: number;
  clientId: number;
  status: 'open' | 'inProgress' | 'resolved';
}) {
  const { t } = useTranslation();
  if (status === 'resolved') return null;
  const set = (next: 'inProgress' | 'resolved', justified?: boolean) =>
    invoke('complaints.setStatus', {
      id: complaintId,
      status: next,
      ...(justified === undefined ? {} : { justified }),
    }).then(
      () => clientWorkChanges.publish({ clientId }),
      (e: unknown) => reportProblem('save', e),
    );
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" data-testid="complaint-status">
          {t('complaints.changeStatus')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {status === 'open' && (
          <Menu.Item onClick={() => void set('inProgress')} data-testid="complaint-in-progress">
            {t('complaints.statuses.inProgress')}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => void set('resolved', true)} data-testid="complaint-justified">
          {t('complaints.resolvedJustified')}
        </Menu.Item>
        <Menu.Item onClick={() => void set('resolved', false)} data-testid="complaint-unjustified">
          {t('complaints.resolvedUnjustified')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
