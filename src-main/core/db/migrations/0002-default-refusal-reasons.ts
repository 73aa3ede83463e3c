import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The refusal reasons every call center starts with; supervisors add their own. */
export const defaultRefusalReasons = [
  ['tooExpensive', 'Занадто дорого', 'Too expensive'],
  ['hasProvider', 'Вже має постачальника', 'Already has a provider'],
  ['notInterested', 'Не цікавить', 'Not interested'],
  ['doNotCall', 'Просить не телефонувати', 'Asked not to call'],
  ['noTime', 'Немає часу говорити', 'No time to talk'],
  ['other', 'Інше', 'Other'],
] as const;

export class DefaultRefusalReasons1764230400002 implements MigrationInterface {
  name = 'DefaultRefusalReasons1764230400002';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, uk, en] of defaultRefusalReasons) {
      await q.query(
        'INSERT OR IGNORE INTO refusal_reasons (code, label_uk, label_en, active) VALUES (?, ?, ?, 1)',
        [code, uk, en],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [code] of defaultRefusalReasons) {
      await q.query('DELETE FROM refusal_reasons WHERE code = ?', [code]);
    }
  }
}
