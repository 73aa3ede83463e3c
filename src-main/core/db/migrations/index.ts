import { InitialSchema1764230400001 } from './0001-initial-schema';
import { DefaultRefusalReasons1764230400002 } from './0002-default-refusal-reasons';

/** Every migration, in order, listed by hand so a bundle keeps them all. */
export const migrations = [InitialSchema1764230400001, DefaultRefusalReasons1764230400002];
