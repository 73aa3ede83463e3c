import type { CampaignPurpose } from '../../../src-shared/campaigns/callingRules';
import type { CampaignFacts } from './callPermission';

/** A campaign as "may I call now?" needs it, read from its row. */
export interface CampaignHoursRow {
  purpose: CampaignPurpose;
  offerCode: string | null;
  hoursFrom: string | null;
  hoursTo: string | null;
}

export function campaignFacts(row: CampaignHoursRow): CampaignFacts & { offerCode: string | null } {
  return {
    purpose: row.purpose,
    offerCode: row.offerCode,
    hours:
      row.hoursFrom === null || row.hoursTo === null
        ? null
        : { from: row.hoursFrom, to: row.hoursTo },
  };
}
