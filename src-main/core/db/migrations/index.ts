import { InitialSchema1764230400001 } from './0001-initial-schema';
import { DefaultRefusalReasons1764230400002 } from './0002-default-refusal-reasons';
import { AgentStateEvents1764230400003 } from './0003-agent-state-events';
import { Callbacks1764230400004 } from './0004-callbacks';
import { SearchBacklog1764230400005 } from './0005-search-backlog';
import { NamedKeys1764230400006 } from './0006-named-keys';
import { SipDialogs1764230400007 } from './0007-sip-dialogs';
import { CallScripts1764230400008 } from './0008-call-scripts';
import { ScriptTestRuns1764230400009 } from './0009-script-test-runs';
import { OrdersComplaintsKnowledge1764230400010 } from './0010-orders-complaints-knowledge';
import { PerformanceSchedule1764230400011 } from './0011-performance-schedule';
import { Campaigns1764230400012 } from './0012-campaigns';
import { CallTimes1764230400013 } from './0013-call-times';
import { OutboxStatus1764230400014 } from './0014-outbox-status';
import { ReofferRules1764230400015 } from './0015-reoffer-rules';
import { TeamIdentity1764230400016 } from './0016-team-identity';
import { TeamScriptRuns1764230400017 } from './0017-team-script-runs';
import { TeamCallsDayOffs1764230400018 } from './0018-team-calls-day-offs';
import { TeamCallLists1764230400019 } from './0019-team-call-lists';
import { TeamCallbacks1764230400020 } from './0020-team-callbacks';
import { TeamCatalogues1764230400021 } from './0021-team-catalogues';

/** Every migration, in order, listed by hand so a bundle keeps them all. */
export const migrations = [
  InitialSchema1764230400001,
  DefaultRefusalReasons1764230400002,
  AgentStateEvents1764230400003,
  Callbacks1764230400004,
  SearchBacklog1764230400005,
  NamedKeys1764230400006,
  SipDialogs1764230400007,
  CallScripts1764230400008,
  ScriptTestRuns1764230400009,
  OrdersComplaintsKnowledge1764230400010,
  PerformanceSchedule1764230400011,
  Campaigns1764230400012,
  CallTimes1764230400013,
  OutboxStatus1764230400014,
  ReofferRules1764230400015,
  TeamIdentity1764230400016,
  TeamScriptRuns1764230400017,
  TeamCallsDayOffs1764230400018,
  TeamCallLists1764230400019,
  TeamCallbacks1764230400020,
  TeamCatalogues1764230400021,
];
