/** The client fields team mode merges one by one (the server's `pult.apply_client`). */
export const syncedClientFields = [
  'fullName',
  'address',
  'city',
  'email',
  'personalAccount',
  'notes',
  'doNotCall',
] as const;
export type SyncedClientField = (typeof syncedClientFields)[number];
