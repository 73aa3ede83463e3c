import type { TFunction } from 'i18next';
import type { OrderField } from '../../../../src-shared/orders/catalogue';
import type { FieldProblem, FieldValue } from '../../../../src-shared/orders/orderValues';
import type { OrderCatalogueView } from '../../../../src-shared/orders/orderViews';

export interface FieldProps<K extends OrderField['kind'] = OrderField['kind']> {
  field: Extract<OrderField, { kind: K }>;
  label: string;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  /** Shown once the operator has left the field, or tried to go on. */
  problem: FieldProblem | undefined;
  catalogue: OrderCatalogueView;
  language: 'uk' | 'en';
  /** The form's first field: it has the focus when the form opens. */
  first?: boolean;
}

/** What is wrong with a field, said in the operator's language. */
export function problemText(
  problem: FieldProblem | undefined,
  t: TFunction,
  part?: string,
): string | undefined {
  if (problem === undefined) return undefined;
  if (part !== undefined && problem.part !== part) return undefined;
  return t(`orders.problems.${problem.problem}`);
}
